#!/usr/bin/python3
"""Sidebar benchmark under Xvfb, from one run.

First, a new user's first look: how long after the deck is first shown on the bundled sample its
panels show a score, the matrix and the prompts (the panels and the engine are created then).

Then Writer with the deck open on generated documents of 10, 300 and 1,000 pages, each paragraph
giving a prompt (so the lists are long). After one character is added at the end, it waits for
the panel to update and prints the longest main-thread slice of reading the document, the panel's
render time (also on the main thread), and the time from the edit to the updated panel (half a
second of it is the pause the panel waits for). Then it types 40 characters one at a time through
the keyboard and prints the median time Due Regard's listeners took on Writer's main thread per
keystroke; and, after the last key, the wait until the panel shows the new result less the pause,
and Due Regard's own part of it: from the panel asking for a check to the result shown (reading
only the paragraph typed in, checking on a worker, rendering; the reading is given too).

Run it after building: /usr/bin/python3 bench/gui_bench.py [PAGES...]"""

import json
import os
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
os.environ.setdefault("DUEREGARD_SOURCE", os.path.join(HERE, ".."))
os.environ.setdefault("DUEREGARD_BUILD", os.path.join(HERE, "..", "build"))

from office import Office  # noqa: E402
from xvfb import Xvfb  # noqa: E402
from office_bench_doc import document  # noqa: E402


def state(office, doc):
    return json.loads(office.call("checkState", doc))


def first_look(office, x, folder):
    """A new user's first look: Writer has just opened the bundled sample, and the Due Regard
    deck is shown for the first time (its panels and the engine are created then). Milliseconds
    until the panels show a score, the coverage matrix and the prompts."""
    sample = shutil.copy(os.path.join(HERE, "..", "samples", "sample-eia.fodt"), os.path.join(folder, "sample.fodt"))
    doc = office.open(sample, hidden=False)
    office.call("version")  # the test hook's own start-up is not part of what a user waits for
    time.sleep(1.0)
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    start = time.monotonic()
    helper.executeDispatch(doc.getCurrentController().getFrame(), "vnd.dueregard:ShowDeck", "", 0, ())
    while time.monotonic() < start + 30:
        lines = json.loads(office.call("panelState", doc) or "[]")
        if (lines and lines[0].startswith("Readiness:") and json.loads(office.call("matrix", doc) or "[]")
                and json.loads(office.call("prompts", doc) or "[]")):
            break
        time.sleep(0.005)
    shown = (time.monotonic() - start) * 1000
    doc.close(True)
    return shown


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [10, 300, 1000]
    folder = tempfile.mkdtemp(prefix="dueregard-guibench-")
    print("| pages | prompts | longest reading slice | panel render | keystroke to updated panel | main thread per keystroke (median) "
          "| after typing: pause to updated panel | after typing: refresh (read, check, render) | after typing: read |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    with Xvfb() as x, Office(display=x.display) as office:
        print(f"(first look: the bundled sample, the deck shown for the first time, its panels filled in "
              f"{first_look(office, x, folder):.0f} ms)", file=sys.stderr, flush=True)
        helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
        for pages in sizes:
            doc = office.open(document(pages, folder, prompt=True), hidden=False)
            frame = doc.getCurrentController().getFrame()
            helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
            deadline = time.monotonic() + 120
            while state(office, doc)["render_ms"] <= 0 and time.monotonic() < deadline:
                time.sleep(0.05)
            before = state(office, doc)["generation"]
            start = time.monotonic()
            doc.Text.getEnd().setString(doc.Text.getEnd().getString() + " ")
            while state(office, doc)["generation"] == before and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(0.2)  # the render follows the result on the main thread
            s = state(office, doc)
            findings = len(json.loads(office.call("prompts", doc)))
            updated = (time.monotonic() - start - 0.2) * 1000
            # Before typing, let any check still to come from that edit finish (Writer may report
            # the edit twice; a report during a reading makes it read again): wait until no new
            # result has come for four pauses.
            settled, last_generation = time.monotonic(), state(office, doc)["generation"]
            while time.monotonic() - settled < 2.0 and time.monotonic() < deadline:
                time.sleep(0.05)
                if state(office, doc)["generation"] != last_generation:
                    settled, last_generation = time.monotonic(), state(office, doc)["generation"]
            # Typing: one key at a time at the end of the document, as a user types.
            doc.getCurrentController().getViewCursor().gotoEnd(False)
            frame.getComponentWindow().setFocus()
            per_key = []
            typed_from = state(office, doc)["generation"]
            for _ in range(40):
                before = state(office, doc)
                last_key = time.monotonic()  # before the key is sent: the figure below errs long
                x.xdotool("type", "--delay", "0", "a")
                deadline_key = time.monotonic() + 5
                while time.monotonic() < deadline_key:
                    after = state(office, doc)
                    if after["edit_listener_calls"] > before["edit_listener_calls"]:
                        break
                    time.sleep(0.005)
                per_key.append((after["edit_listener_ns"] - before["edit_listener_ns"]) / 1e6)
                time.sleep(0.02)
            pause = office.config("/org.dueregard.writer.Settings/Checking").DelayMilliseconds
            while state(office, doc)["generation"] == typed_from and time.monotonic() < last_key + 30:
                time.sleep(0.002)
            seen = time.monotonic()
            time.sleep(0.2)  # let the render that follows the result finish
            typed = state(office, doc)

            after_typing = (seen - last_key) * 1000 - pause + typed["render_ms"]
            print(f"  ({pages} pages, after typing: read {typed['read_ms']:.1f} ms, check {typed['check_ms']:.1f} ms, "
                  f"then {typed['after_check_ms']:.1f} ms on the worker, result back {typed['refresh_ms']:.1f} ms "
                  f"after asking, render {typed['render_ms']:.1f} ms; the engine compared {typed['blocks_compared']} "
                  f"blocks and assessed {typed['runs_assessed']} runs)", file=sys.stderr, flush=True)
            typed_read = ("whole document" if typed["read_whole"] else
                          f"{typed['blocks_read']} paragraph{'s' if typed['blocks_read'] != 1 else ''}")
            print(f"| {pages:,} | {findings:,} | {s['longest_ms']:.1f} ms | {s['render_ms']:.1f} ms | "
                  f"{updated:.0f} ms | {1000 * statistics.median(per_key):.1f} µs | {after_typing:.0f} ms | "
                  f"{typed['refresh_ms'] + typed['render_ms']:.1f} ms | "
                  f"{typed['read_ms']:.1f} ms, {typed_read} |", flush=True)
            doc.close(True)


if __name__ == "__main__":
    main()
