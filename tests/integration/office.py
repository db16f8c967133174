"""A real LibreOffice for Due Regard's integration tests.

Each Office gets a throwaway profile and a unique pipe. The extension is installed into the
profile through the ExtensionManager API (unopkg refuses to run as root, and CI runs as root),
then the office is restarted, because an extension added to a running office is only fully
usable after a restart. Every wait is bounded, and the office's whole process group is killed
when the test is done, whether it passed or not.
"""

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import uuid

import uno


def _struct_setattr(setattr_of_struct):
    """Python 3.12+ (Debian 13's 3.13) sets __traceback__ on every exception that unittest reports;
    pyuno's UNO exception classes pass every attribute to the UNO value, which fails for that one
    and takes the whole test run down ("Couldn't convert <traceback object> to a UNO type").
    Python's own attributes go to the exception object. Set before any UNO type is imported:
    pyuno takes this function when it makes each exception class."""

    def setattr_(self, name, value):
        if name.startswith("__") and name.endswith("__"):
            return object.__setattr__(self, name, value)
        return setattr_of_struct(self, name, value)

    return setattr_


uno._uno_struct__setattr__ = _struct_setattr(uno._uno_struct__setattr__)

import unohelper  # noqa: E402  (after the patch above)
from com.sun.star.beans import NamedValue, PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment

PROGRAM_DIR = "/usr/lib/libreoffice/program"
SOFFICE = os.path.join(PROGRAM_DIR, "soffice")
BUILD = os.environ.get("DUEREGARD_BUILD", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
SOURCE = os.environ.get("DUEREGARD_SOURCE", os.path.join(os.path.dirname(__file__), "..", ".."))
EXTENSION_ID = os.environ.get("DUEREGARD_EXTENSION_ID", "org.dueregard.writer")
DOCUMENT_SERVICE = "org.dueregard.writer.DocumentService"


def oxt_path():
    path = os.environ.get("DUEREGARD_OXT")
    if path:
        return path
    found = [f for f in os.listdir(BUILD) if f.endswith(".oxt")]
    if len(found) != 1:
        raise RuntimeError(f"expected exactly one .oxt in {BUILD}, found {found}")
    return os.path.join(BUILD, found[0])


def hooks_oxt_path():
    """The test-only package whose library has the fault injection (DUEREGARD_FAULT), built
    beside the shipped one when DUEREGARD_TEST_HOOKS is on; None when there is none. Only the
    tests that inject faults install it: every other test installs the exact shipped .oxt."""
    path = os.environ.get("DUEREGARD_TEST_OXT")
    if path is None:
        found = os.path.join(BUILD, "test")
        candidates = [f for f in os.listdir(found) if f.endswith("-testhooks.oxt")] if os.path.isdir(found) else []
        path = os.path.join(found, candidates[0]) if len(candidates) == 1 else ""
    return path if path and os.path.exists(path) else None


def needs_test_hooks():
    """The test-hooks package's path; skips the calling test when the build has none."""
    path = hooks_oxt_path()
    if path is None:
        raise unittest.SkipTest("no test-hooks package (configure with -DDUEREGARD_TEST_HOOKS=ON)")
    return path


def props(**kwargs):
    return tuple(PropertyValue(Name=k, Value=v) for k, v in kwargs.items())


def named(**kwargs):
    return tuple(NamedValue(Name=k, Value=v) for k, v in kwargs.items())


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


class _Approve(unohelper.Base, XCommandEnvironment, XInteractionHandler):
    """Approves the extension manager's questions (licence, replacing a version)."""

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return None

    def handle(self, request):
        for continuation in request.getContinuations():
            if continuation.queryInterface(
                uno.getTypeByName("com.sun.star.task.XInteractionApprove")
            ):
                continuation.select()
                return


_LIVE = set()


@atexit.register
def _kill_leftovers():
    """Whatever path a test took out (an exception in setUpModule, a failed assertion before a
    stop), no office outlives the test process."""
    for office in list(_LIVE):
        office._kill()


def _exit_on_signal(signum, _frame):
    # A timeout (ctest, timeout(1)) sends SIGTERM: leave through sys.exit so atexit runs.
    raise SystemExit(128 + signum)


signal.signal(signal.SIGTERM, _exit_on_signal)
signal.signal(signal.SIGHUP, _exit_on_signal)


class Office:
    """A running soffice with the built extension, for one test module or test."""

    def __init__(self, install=True, display=None, profile=None, extra_env=None, start_timeout=60, oxt=None):
        self.install = install
        self.oxt = oxt  # the package to install; the shipped .oxt unless a test says otherwise
        self.display = display
        self.start_timeout = start_timeout
        self.extra_env = extra_env or {}
        self._own_profile = profile is None
        self.profile = profile or tempfile.mkdtemp(prefix="dueregard-profile-")
        self.pipe = "dueregard-test-" + uuid.uuid4().hex[:12]
        self.process = None
        self.ctx = None
        self.smgr = None
        self.desktop = None
        self.log = os.path.join(self.profile, "soffice.log")

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        if self.install:
            self._launch(headless=True)
            try:
                manager = self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
                manager.addExtension(file_url(self.oxt or oxt_path()), (), "user", manager.createAbortChannel(), _Approve())
            finally:
                self._terminate()
        self._launch(headless=self.display is None)

    def stop(self):
        self._terminate()
        if self._own_profile:
            shutil.rmtree(self.profile, ignore_errors=True)

    def restart(self):
        self._terminate()
        self._launch(headless=self.display is None)

    def close_office(self):
        """The office exits as a user's would (to update a shared install), keeping the profile;
        resume() starts it again on the same profile."""
        self._terminate()

    def resume(self):
        self._launch(headless=self.display is None)

    def _launch(self, headless):
        args = [
            SOFFICE,
            "-env:UserInstallation=" + file_url(self.profile),
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
        ]
        env = dict(os.environ)
        env.update(self.extra_env)
        if headless:
            args[1:1] = ["--headless", "--invisible"]
            env.pop("DISPLAY", None)
            env.pop("SAL_USE_VCLPLUGIN", None)  # headless has its own
        else:
            env["DISPLAY"] = self.display
            # The plain X11 look unless a test asks for another (the dark theme needs gtk3).
            env["SAL_USE_VCLPLUGIN"] = self.extra_env.get("SAL_USE_VCLPLUGIN", "gen")
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(args, env=env, stdout=log, stderr=log, start_new_session=True)
        _LIVE.add(self)
        self._connect()

    def _connect(self):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if self.process.poll() is not None:
                    raise RuntimeError(f"soffice exited with {self.process.returncode}; see {self.log}")
                if time.monotonic() > deadline:
                    self._kill()
                    raise RuntimeError(f"soffice did not accept connections within {self.start_timeout}s")
                time.sleep(0.1)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def _terminate(self):
        if self.process is None:
            return
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge goes away as the office exits
        self.desktop = self.ctx = self.smgr = None
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
        self._kill()

    def _kill(self):
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self.process = None
        _LIVE.discard(self)

    # -- helpers -----------------------------------------------------------------------------
    def service(self, name=DOCUMENT_SERVICE):
        return self.smgr.createInstanceWithContext(name, self.ctx)

    def call(self, command, document=None, **kwargs):
        """Runs a DocumentService command and returns its result."""
        args = {"Command": command}
        if document is not None:
            args["Document"] = document
        args.update(kwargs)
        return self.service().execute(named(**args))

    def open(self, path, hidden=True, read_only=False, **load):
        """Opens a document; `load` adds media descriptor properties (e.g. MacroExecutionMode)."""
        doc = self.desktop.loadComponentFromURL(file_url(path), "_blank", 0,
                                                props(Hidden=hidden, ReadOnly=read_only, **load))
        if doc is None:
            raise RuntimeError(f"could not open {path}")
        return doc

    def new_writer(self, hidden=True):
        return self.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, props(Hidden=hidden))

    def convert(self, source, target, filter_name):
        """Writes source (any document) as target with an export filter, e.g. 'writer8'."""
        doc = self.open(source, read_only=True)
        try:
            doc.storeToURL(file_url(target), props(FilterName=filter_name, Overwrite=True))
        finally:
            doc.close(True)
        return target

    def config(self, nodepath, update=False):
        provider = self.smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", self.ctx)
        service = "com.sun.star.configuration.Configuration" + ("UpdateAccess" if update else "Access")
        return provider.createInstanceWithArguments(service, (NamedValue("nodepath", nodepath),))


def wait_for(predicate, timeout=20, step=0.1):
    """predicate()'s first true value within `timeout` seconds, else its last answer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def registered_parts(office):
    """Which of the extension's configuration parts this office has: the deck, the panel factory,
    the protocol handler, the Tools and Insert menus and their controllers, the Options page and
    the settings schema.
    All come from the package's one configuration file and its schema, so after the extension is
    removed none may be left."""
    from com.sun.star.uno import Exception as UnoException

    def has(path, name):
        try:
            return office.config(path).hasByName(name)
        except UnoException:
            return False

    def schema():
        try:
            office.config("/org.dueregard.writer.Settings")
            return True
        except UnoException:
            return False

    return {
        "deck": has("/org.openoffice.Office.UI.Sidebar/Content/DeckList", "DueRegardDeck"),
        "panel factory": has("/org.openoffice.Office.UI.Factories/Registered/UIElementFactories",
                             "DueRegardPanelFactory"),
        "protocol handler": has("/org.openoffice.Office.ProtocolHandler/HandlerSet",
                                "org.dueregard.writer.ProtocolHandler"),
        "menus": has("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging", EXTENSION_ID),
        "options page": has("/org.openoffice.Office.OptionsDialog/Nodes", EXTENSION_ID + ".Options"),
        "menu controllers": has("/org.openoffice.Office.UI.Controller/Registered/PopupMenu", EXTENSION_ID + ".ToolsMenu"),
        "settings": schema(),
    }


FORMATS = {"odt": "writer8", "docx": "MS Word 2007 XML"}


def write_fodt(path, body, mimetype="application/vnd.oasis.opendocument.text"):
    """Writes a flat ODF document whose office:text is `body` (text:p, text:h, table:table...)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?><office:document '
                'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink" '
                f'office:version="1.3" office:mimetype="{mimetype}"><office:body><office:text>'
                + body + "</office:text></office:body></office:document>")
    return path


def fixture_variants(office, fodt, workdir):
    """The fixture as written (.fodt) and converted to .odt and .docx by the office itself."""
    base = os.path.splitext(os.path.basename(fodt))[0]
    # Work on a copy: Writer leaves a lock file beside any document it opens for editing.
    copy = os.path.join(workdir, os.path.basename(fodt))
    if os.path.abspath(copy) != os.path.abspath(fodt):
        shutil.copy(fodt, copy)
    out = {"fodt": copy}
    for ext, filter_name in FORMATS.items():
        out[ext] = office.convert(copy, os.path.join(workdir, f"{base}.{ext}"), filter_name)
    return out
