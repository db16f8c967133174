"""A private X display for GUI tests: Xvfb picks a free display number itself (-displayfd), and
the server is always stopped, whatever happens in the test."""

import atexit
import os
import signal
import subprocess
import time


_LIVE = set()


@atexit.register
def _stop_leftovers():
    for server in list(_LIVE):
        server.__exit__()


class Xvfb:
    """With window_manager=True it also runs openbox, so that windows can be activated and have the
    keyboard focus, as on a desktop (the keyboard test needs it)."""

    def __init__(self, width=1280, height=800, window_manager=False):
        self.size = f"{width}x{height}x24"
        self.process = None
        self.display = None
        self.window_manager = window_manager
        self.wm = None

    def __enter__(self):
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", self.size, "-nolisten", "tcp", "-noreset"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(write)
        number = b""
        deadline = time.monotonic() + 20
        while not number.endswith(b"\n"):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.__exit__()
                raise RuntimeError("Xvfb did not start")
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        os.close(read)
        self.display = ":" + number.decode().strip()
        _LIVE.add(self)
        if self.window_manager:
            self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=dict(os.environ, DISPLAY=self.display),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            # Ready when it has claimed the screen (the _NET_SUPPORTING_WM_CHECK property).
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=dict(os.environ, DISPLAY=self.display),
                                       capture_output=True, text=True, timeout=10)
                if "window id" in probe.stdout:
                    break
                time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        if self.wm is not None:
            try:
                os.killpg(self.wm.pid, signal.SIGKILL)
                self.wm.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
            self.wm = None
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.process = None
        _LIVE.discard(self)
        return False

    def screenshot(self, path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        subprocess.run(["import", "-display", self.display, "-window", "root", path], check=True, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return path

    def xdotool(self, *args):
        return subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=self.display), check=False,
                              timeout=30, capture_output=True, text=True)
