#!/usr/bin/python3
"""In-office benchmark: Due Regard inside a real headless LibreOffice with the built extension, on
generated documents of 10, 100, 300 and 1,000 pages (ten paragraphs a page, a heading every ten).
For each size it prints, from one run:

  * read (slices, longest): a background check as the sidebar starts it after typing: how long
    reading the document took on Writer's main thread in all, in how many slices, and the longest
    slice (what typing could wait for);
  * refresh: from starting that check to its result being ready (reading, checking on a worker,
    handing the result back);
  * Check command: the synchronous vnd.dueregard:Check a macro or button runs (read and check);
  * after typing: a few words typed into a paragraph in the middle through the view cursor, then
    the check the sidebar starts after the pause: reading only that paragraph (and confirming
    nothing else changed), checking, handing the result back. Its main-thread reading is given
    too. (Rendering is measured by gui_bench.py.)

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


def background_check(office, doc, **arguments):
    """Starts a check as the sidebar does and waits for its result: (checkState then, milliseconds)."""
    before = json.loads(office.call("checkState", doc))["generation"]
    start = time.monotonic()
    office.call("backgroundCheck", doc, **arguments)
    while True:
        state = json.loads(office.call("checkState", doc))
        if state["generation"] != before:
            return state, (time.monotonic() - start) * 1000
        time.sleep(0.0005)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [10, 100, 300, 1000]
    folder = tempfile.mkdtemp(prefix="dueregard-bench-")
    print("| pages | paragraphs | read on main thread | slices | longest slice | refresh | Check command "
          "| after typing: refresh | after typing: read |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    with Office() as office:
        helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
        for pages in sizes:
            doc = office.open(document(pages, folder))
            frame = doc.getCurrentController().getFrame()
            helper.executeDispatch(frame, "vnd.dueregard:Check", "", 0, ())  # warm: ids, caches
            reads, longest, slices, refreshes, commands = [], [], [], [], []
            for _ in range(3):
                state, elapsed = background_check(office, doc)
                refreshes.append(elapsed)
                reads.append(state["read_ms"])
                longest.append(state["longest_ms"])
                slices.append(state["slices"])
                start = time.monotonic()
                helper.executeDispatch(frame, "vnd.dueregard:Check", "", 0, ())
                commands.append((time.monotonic() - start) * 1000)
            typed, typed_reads = [], []
            each = doc.getText().createEnumeration()
            middle = None
            for i in range(state["blocks"] // 2):
                middle = each.nextElement()
            cursor = doc.getCurrentController().getViewCursor()
            for _ in range(5):
                cursor.gotoRange(middle.getEnd(), False)
                cursor.getText().insertString(cursor, " and older people", False)
                after, elapsed = background_check(office, doc, Query="edits")
                typed.append(elapsed)
                typed_reads.append(after["read_ms"])
                if after["read_whole"]:
                    raise SystemExit("the check after typing read the whole document")
            print(f"| {pages:,} | {state['blocks']:,} | {median(reads):.0f} ms | {median(slices)} | "
                  f"{median(longest):.1f} ms | {median(refreshes):.0f} ms | {median(commands):.0f} ms | "
                  f"{median(typed):.1f} ms | {median(typed_reads):.1f} ms |", flush=True)
            doc.close(True)


if __name__ == "__main__":
    main()
