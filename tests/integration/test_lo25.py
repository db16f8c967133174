"""The .oxt in another LibreOffice, as a user there meets it (issue 20). Run by scripts/test-lo25.sh
inside the Debian 13 root (LibreOffice 25.2, no build tools), beside the other test modules:

- a plain user's `unopkg add` into a fresh profile, then the sample opened in that profile and
  vnd.dueregard:Check dispatched (what failed before the library was portable: unopkg said it was
  registered, and then "no handler for vnd.dueregard:Check");
- the command line's office-side reading (type detection, the document loaded as a model alone,
  the DocumentService's extract) of the sample written by this LibreOffice as .odt and .docx; the
  .odt, .docx and a .pdf are left in BUILD/out for the host's command line to check;
- the report the extension exports here equals the one the host's command line gives (LibreOffice
  7.4 there), when scripts/test-lo25.sh has left it in BUILD/reference.

Runs as root (like CI); the user's install needs the user "dueregard" that lo25-root.sh makes.
Also runs on the host (then without the reference comparison and the plain user's install, which
need the root): the same checks on this machine's LibreOffice."""

import json
import os
import pwd
import shutil
import subprocess
import tempfile
import unittest

import uno
from office import BUILD, EXTENSION_ID, SOURCE, Office, file_url, oxt_path, props, named

UNOPKG = "/usr/lib/libreoffice/program/unopkg"
SAMPLE = os.path.join(SOURCE, "samples", "sample-eia.fodt")
OUT = os.path.join(BUILD, "out")
REFERENCE = os.path.join(BUILD, "reference", "sample-eia.json")
USER = "dueregard"


def have_user():
    try:
        pwd.getpwnam(USER)
        return os.geteuid() == 0
    except KeyError:
        return False


def office_version(office):
    about = office.config("/org.openoffice.Setup/Product")
    return about.getByName("ooSetupVersionAboutBox")


def dispatch(office, doc, url):
    frame = doc.getCurrentController().getFrame()
    transformer = office.smgr.createInstanceWithContext("com.sun.star.util.URLTransformer", office.ctx)
    u = uno.createUnoStruct("com.sun.star.util.URL")
    u.Complete = url
    _, u = transformer.parseStrict(u)
    if frame.queryDispatch(u, "", 0) is None:
        return None
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    return helper.executeDispatch(frame, url, "", 0, ()).State == 1


class UserInstallTest(unittest.TestCase):
    @unittest.skipUnless(have_user(), "needs root and the plain user of the Debian 13 root (scripts/lo25-root.sh)")
    def test_a_plain_users_unopkg_add_gives_a_working_extension(self):
        user = pwd.getpwnam(USER)
        work = tempfile.mkdtemp(prefix="dueregard-user-")
        self.addCleanup(shutil.rmtree, work, True)
        os.chown(work, user.pw_uid, user.pw_gid)
        profile = os.path.join(work, "profile")
        package = shutil.copy(oxt_path(), work)
        sample = shutil.copy(SAMPLE, work)
        for path in (package, sample):
            os.chown(path, user.pw_uid, user.pw_gid)

        def as_user(*args):
            return subprocess.run(["runuser", "-u", USER, "--", UNOPKG, *args,
                                   "-env:UserInstallation=" + file_url(profile)],
                                  capture_output=True, text=True, timeout=300)

        added = as_user("add", "-s", package)
        self.assertEqual(added.returncode, 0, added.stdout + added.stderr)
        listed = as_user("list")
        self.assertIn(EXTENSION_ID, listed.stdout)
        self.assertNotIn("is registered: no", listed.stdout, listed.stdout)
        # The office, in the user's profile, really has the extension: the check answers.
        with Office(install=False, profile=profile) as office:
            doc = office.open(sample)
            try:
                self.assertTrue(dispatch(office, doc, "vnd.dueregard:Check"),
                                "vnd.dueregard:Check has no handler or failed: the library did not load")
                report = os.path.join(work, "report.json")
                self.assertTrue(dispatch(office, doc, "vnd.dueregard:ExportReport?path=" + file_url(report)))
                with open(report, encoding="utf-8") as f:
                    self.assertGreater(len(json.load(f)["findings"]), 0)
            finally:
                doc.close(True)


class CommandLinePathTest(unittest.TestCase):
    """What the command line asks of the office, done here through the same UNO calls."""

    @classmethod
    def setUpClass(cls):
        cls.office = Office()
        cls.office.start()
        cls.work = tempfile.mkdtemp(prefix="dueregard-lo25-")
        os.makedirs(OUT, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()
        shutil.rmtree(cls.work, ignore_errors=True)

    def extract_as_the_command_line_does(self, path):
        office = self.office
        url = file_url(path)
        detection = office.smgr.createInstanceWithContext("com.sun.star.document.TypeDetection", office.ctx)
        kind, descriptor = detection.queryTypeByDescriptor(props(URL=url), True)
        self.assertTrue(kind, f"type detection does not know {path}")
        found = {p.Name: p.Value for p in descriptor}
        filter_name = found.get("FilterName") or {
            p.Name: p.Value for p in detection.getByName(kind)}["PreferredFilter"]
        model = office.smgr.createInstanceWithContext("com.sun.star.text.TextDocument", office.ctx)
        model.load(props(ReadOnly=True, MacroExecutionMode=0, UpdateDocMode=0, FilterName=filter_name,
                         Hidden=True, URL=url))
        try:
            return json.loads(office.call("extract", model))
        finally:
            model.close(True)

    def test_odt_and_docx_written_here_read_like_the_original(self):
        sample = shutil.copy(SAMPLE, self.work)
        original = self.extract_as_the_command_line_does(sample)
        self.assertGreater(len(original["blocks"]), 10)
        headings = [b["text"] for b in original["blocks"] if b.get("outline")]
        self.assertTrue(headings, original["blocks"][:3])
        for ext, filter_name in (("odt", "writer8"), ("docx", "MS Word 2007 XML"),
                                 ("pdf", "writer_pdf_Export")):
            target = self.office.convert(sample, os.path.join(OUT, f"sample-eia-lo.{ext}"), filter_name)
            self.assertGreater(os.path.getsize(target), 1000)
            if ext == "pdf":
                continue
            read = self.extract_as_the_command_line_does(target)
            self.assertEqual([b["text"] for b in read["blocks"] if b.get("outline")], headings, ext)
            self.assertEqual(len(read["blocks"]), len(original["blocks"]), ext)

    def test_report_equals_the_host_command_lines(self):
        if not os.path.exists(REFERENCE):
            self.skipTest("no reference report (only scripts/test-lo25.sh leaves one)")
        with open(REFERENCE, encoding="utf-8") as f:
            reference = json.load(f)
        sample = shutil.copy(SAMPLE, self.work)
        doc = self.office.open(sample)
        try:
            out = os.path.join(self.work, "report.json")
            self.assertTrue(dispatch(self.office, doc, "vnd.dueregard:ExportReport?path=" + file_url(out)))
            with open(out, encoding="utf-8") as f:
                here = json.load(f)
        finally:
            doc.close(True)
        print(f"\nLibreOffice {office_version(self.office)}: score {here['score']}, "
              f"{len(here['findings'])} findings (host: score {reference['score']}, "
              f"{len(reference['findings'])})")
        for key in ("kind", "jurisdiction", "score", "assessment", "findings", "facts"):
            self.assertEqual(here[key], reference[key], key)


if __name__ == "__main__":
    unittest.main()
