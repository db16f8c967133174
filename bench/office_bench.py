#!/usr/bin/python3
"""In-office benchmark: Due Regard inside a real headless LibreOffice with the built extension, on
generated documents of 10, 100, 300 and 1,000 pages (ten paragraphs a page, a heading every ten).
For each size it prints, from one run:

  * read (slices, longest): a background check as the sidebar starts it after typing: how long
    reading the document took on Writer's main thread in all, in how many slices, and the longest
    slice (what typing could wait for);
  * refresh: from starting that check to its result being ready (reading, checking on a worker,
    handing the result back);
  * Check command: the synchronous vnd.dueregard:Check a macro or button runs (read and check).

Run it after building: /usr/bin/python3 bench/office_bench.py [PAGES...]"""

import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
os.environ.setdefault("DUEREGARD_SOURCE", os.path.join(HERE, ".."))
os.environ.setdefault("DUEREGARD_BUILD", os.path.join(HERE, "..", "build"))

from office import Office  # noqa: E402

from office_bench_doc import document  # noqa: E402


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [10, 100, 300, 1000]
    folder = tempfile.mkdtemp(prefix="dueregard-bench-")
    print("| pages | paragraphs | read on main thread | slices | longest slice | refresh | Check command |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with Office() as office:
        helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
        for pages in sizes:
            doc = office.open(document(pages, folder))
            frame = doc.getCurrentController().getFrame()
            helper.executeDispatch(frame, "vnd.dueregard:Check", "", 0, ())  # warm: ids, caches
            reads, longest, slices, refreshes, commands = [], [], [], [], []
            for _ in range(3):
                before = json.loads(office.call("checkState", doc))["generation"]
                start = time.monotonic()
                office.call("backgroundCheck", doc)
                while True:
                    state = json.loads(office.call("checkState", doc))
                    if state["generation"] != before:
                        break
                    time.sleep(0.002)
                refreshes.append((time.monotonic() - start) * 1000)
                reads.append(state["read_ms"])
                longest.append(state["longest_ms"])
                slices.append(state["slices"])
                start = time.monotonic()
                helper.executeDispatch(frame, "vnd.dueregard:Check", "", 0, ())
                commands.append((time.monotonic() - start) * 1000)
            print(f"| {pages:,} | {state['blocks']:,} | {median(reads):.0f} ms | {median(slices)} | "
                  f"{median(longest):.1f} ms | {median(refreshes):.0f} ms | {median(commands):.0f} ms |", flush=True)
            doc.close(True)


if __name__ == "__main__":
    main()
