#!/usr/bin/python3
"""Writer's cold start counted in instructions, with the Due Regard extension installed and
without it: a figure that does not move with the machine's load, unlike startup_bench.py's
seconds.

Each profile (prepared as startup_bench.py prepares them) starts `soffice.bin --writer` on the
sample under valgrind's callgrind, on a private Xvfb display, twice:
- to the window: callgrind writes what it has counted as soon as the document's window is
  visible (polled every 20 ms, a fraction of a millisecond of Writer's own time under callgrind);
- to idle: it waits until the office has then gone idle (no CPU time for two seconds), so the
  count also covers laying out and painting the document.
The office is killed after each count. Counts repeat to within about 0.1 million instructions.

Run it after building: /usr/bin/python3 bench/startup_instructions.py [--keep DIR] [--shared]
With --shared, the extension is installed for all users (unopkg add --shared, as departments
install it; needs root) for the second count, and removed afterwards.
With --keep, the callgrind files stay in DIR, for callgrind_annotate to say where the difference
goes. Each start takes half a minute to a minute."""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "tests", "integration"))
os.environ.setdefault("DUEREGARD_SOURCE", os.path.join(HERE, ".."))
os.environ.setdefault("DUEREGARD_BUILD", os.path.join(HERE, "..", "build"))

from office import EXTENSION_ID, PROGRAM_DIR, file_url, oxt_path  # noqa: E402
from startup_bench import SAMPLE, prepare  # noqa: E402
from xvfb import Xvfb  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
UNOPKG = os.path.join(PROGRAM_DIR, "unopkg")


def unopkg(*args):
    return subprocess.run([UNOPKG, *args], capture_output=True, text=True, timeout=300)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def counted(out):
    """The instruction total a callgrind file records."""
    with open(out) as data:
        for line in data:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError(f"{out} records no total")


def one_start(profile, x, document, out, until="idle"):
    env = dict(os.environ, DISPLAY=x.display, SAL_USE_VCLPLUGIN="gen")
    process = subprocess.Popen(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--dump-instr=no",
         os.path.join(PROGRAM_DIR, "soffice.bin"), "-env:UserInstallation=" + file_url(profile),
         "--norestore", "--nologo", "--nolockcheck", "--writer", document],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 600
        name = os.path.basename(document)
        while not x.xdotool("search", "--onlyvisible", "--name", name).stdout.strip():
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("Writer did not show the document under callgrind")
            time.sleep(0.5 if until == "idle" else 0.02)
        # Then until the office has done all it does after showing the window (layout, painting,
        # idle jobs): no more than a twentieth of a second of CPU time over two seconds.
        last = cpu_seconds(process.pid)
        while until == "idle":
            time.sleep(2)
            now = cpu_seconds(process.pid)
            if now - last < 0.05:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("Writer did not go idle under callgrind")
            last = now
        subprocess.run(["callgrind_control", "--dump=startup", str(process.pid)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        dumped = [f for f in os.listdir(os.path.dirname(out)) if f.startswith(os.path.basename(out) + ".")]
        if not dumped:
            raise RuntimeError("callgrind wrote nothing")
        return counted(os.path.join(os.path.dirname(out), sorted(dumped)[0]))
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", help="keep the callgrind files in this folder")
    parser.add_argument("--shared", action="store_true",
                        help="install the extension for all users (unopkg add --shared, as departments do; needs "
                             "root) between counting without it and with it, and remove it afterwards")
    args = parser.parse_args()
    if args.shared and EXTENSION_ID in unopkg("list", "--shared").stdout:
        sys.exit(f"{EXTENSION_ID} is already installed for all users: refusing to touch it")
    work = tempfile.mkdtemp(prefix="dueregard-startup-ir-")
    keep = os.path.abspath(args.keep) if args.keep else os.path.join(work, "callgrind")
    os.makedirs(keep, exist_ok=True)
    installed_shared = False
    try:
        document = shutil.copy(SAMPLE, work)
        counts = {}
        with Xvfb() as x:
            for kind, install in (("without", False), ("with", True)):
                profile = os.path.join(work, kind)
                if install and args.shared:
                    added = unopkg("add", "--shared", "-s", oxt_path())
                    if added.returncode != 0:
                        sys.exit("unopkg add --shared failed: " + added.stdout + added.stderr)
                    installed_shared = True
                    install = False  # the profile sees the shared extension
                prepare(profile, install, x.display)
                for until in ("visible", "idle"):
                    lock = os.path.join(work, ".~lock.sample-eia.fodt#")
                    if os.path.exists(lock):
                        os.remove(lock)
                    out = os.path.join(keep, f"callgrind.{kind}.{until}")
                    counts[kind, until] = one_start(profile, x, document, out, until)
        print("Writer cold start with the sample, instructions counted by callgrind:")
        print("| profile | to the window | to idle |")
        print("| --- | --- | --- |")
        print(f"| without Due Regard | {counts['without', 'visible']:,} | {counts['without', 'idle']:,} |")
        how = "installed for all users" if args.shared else "installed"
        print(f"| with Due Regard {how} | {counts['with', 'visible']:,} | {counts['with', 'idle']:,} |")
        cells = []
        for until in ("visible", "idle"):
            extra = counts["with", until] - counts["without", until]
            cells.append(f"{extra / 1e6:+.1f} million ({100 * extra / counts['without', until]:+.2f}%)")
        print(f"| the extension's cost | {cells[0]} | {cells[1]} |")
    finally:
        if installed_shared:
            unopkg("remove", "--shared", EXTENSION_ID)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
