#!/usr/bin/python3
"""Cold-start benchmark: how long Writer takes to open a document and show its window, with the
Due Regard extension installed and without it, in one run.

Two profiles are prepared first (one with the built extension installed, one without; each
started once, so that neither pays for creating itself, then once more, not counted). Then it
makes N pairs of starts (default 21), one of each profile, the order swapped from pair to pair:
each starts `soffice --writer samples/sample-eia.fodt` on a private Xvfb display and is timed
until the document is loaded in a visible Writer window. It prints the medians and their ratio,
and the median of the ratios within the pairs with a 95% interval for it (resampled). Runs on a
shared machine vary by a few per cent; bench/startup_instructions.py counts instructions
instead, which do not.

Run it after building: /usr/bin/python3 bench/startup_bench.py [RUNS]"""

import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import uno  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
os.environ.setdefault("DUEREGARD_SOURCE", os.path.join(HERE, ".."))
os.environ.setdefault("DUEREGARD_BUILD", os.path.join(HERE, "..", "build"))

from office import SOFFICE, Office, file_url  # noqa: E402
from xvfb import Xvfb  # noqa: E402

SAMPLE = os.path.join(HERE, "..", "samples", "sample-eia.fodt")


def prepare(profile, install, display):
    """Creates the profile (with or without the extension) and starts Writer in it once."""
    os.makedirs(profile, exist_ok=True)
    with Office(install=install, profile=profile, display=display) as office:
        doc = office.open(SAMPLE, hidden=False)
        time.sleep(2)
        doc.close(True)


def one_start(profile, x, document):
    """Seconds from starting soffice to the document loaded in a visible Writer window, asked
    over a UNO pipe (the same asking for both profiles)."""
    env = dict(os.environ, DISPLAY=x.display, SAL_USE_VCLPLUGIN="gen")
    pipe = "dueregard-startup-%d" % time.monotonic_ns()
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = file_url(document)
    start = time.monotonic()
    process = subprocess.Popen([SOFFICE, "-env:UserInstallation=" + file_url(profile), "--norestore", "--nologo",
                                "--nolockcheck", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
                                "--writer", document],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        ctx = None
        while True:
            if time.monotonic() - start > 60:
                raise RuntimeError("Writer did not show the document within 60 s")
            try:
                if ctx is None:
                    ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
                components = desktop.getComponents().createEnumeration()
                while components.hasMoreElements():
                    model = components.nextElement()
                    controller = model.getCurrentController() if hasattr(model, "getCurrentController") else None
                    if model.getURL() == url and controller is not None and controller.getFrame().getContainerWindow().isVisible():
                        return time.monotonic() - start
            except NoConnectException:
                pass
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        # Nothing of this office may be left for the next start to hand its work to, and its
        # window must be gone before the next start looks for one.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            left = subprocess.run(["pgrep", "-f", "UserInstallation=" + file_url(profile)], capture_output=True, text=True)
            for pid in left.stdout.split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if not left.stdout.strip() and not x.xdotool("search", "--name", os.path.basename(document)).stdout.strip():
                break
            time.sleep(0.05)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    work = tempfile.mkdtemp(prefix="dueregard-startup-")
    try:
        document = shutil.copy(SAMPLE, work)
        profiles = {"without": os.path.join(work, "without"), "with": os.path.join(work, "with")}

        def start(kind):
            seconds = one_start(profiles[kind], x, document)
            # A killed office leaves its lock; remove it so the next start is a clean one.
            lock = os.path.join(work, ".~lock.sample-eia.fodt#")
            if os.path.exists(lock):
                os.remove(lock)
            return seconds

        with Xvfb() as x:
            prepare(profiles["without"], False, x.display)
            prepare(profiles["with"], True, x.display)
            for kind in profiles:  # one start each, not counted: the first start after preparing is slow
                start(kind)
            times = {"without": [], "with": []}
            for run in range(runs):
                # Each profile goes first in every other pair, so neither gains from the order.
                for kind in (("without", "with") if run % 2 == 0 else ("with", "without")):
                    times[kind].append(start(kind))
        without, with_ = statistics.median(times["without"]), statistics.median(times["with"])
        print(f"Writer cold start to the document's window, {runs} pairs of starts:")
        print("| profile | median | runs |")
        print("| --- | --- | --- |")
        for kind, label in (("without", "without Due Regard"), ("with", "with Due Regard installed")):
            print(f"| {label} | {1000 * statistics.median(times[kind]):.0f} ms | "
                  + ", ".join(f"{1000 * t:.0f}" for t in times[kind]) + " |")
        print(f"ratio of the medians: {with_ / without:.3f} ({100 * (with_ / without - 1):+.1f}%)")
        # The ratio within each pair (the two starts were made one after the other), its median, and
        # a 95% interval for that median from 2,000 resamples of the pairs.
        pairs = [w / wo for w, wo in zip(times["with"], times["without"])]
        rng = random.Random(1)
        medians = sorted(statistics.median(rng.choices(pairs, k=len(pairs))) for _ in range(2000))
        low, high = medians[49], medians[1949]
        print(f"median ratio within a pair: {100 * (statistics.median(pairs) - 1):+.1f}% "
              f"(95% interval {100 * (low - 1):+.1f}% to {100 * (high - 1):+.1f}%)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
