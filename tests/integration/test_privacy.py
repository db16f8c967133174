"""No network, and no data loss: the command line and the extension inside LibreOffice run under
strace and never try to open a network connection (only local sockets: the pipe to the office, X);
checking a document never changes what is saved (each fixture as .odt and .docx, saved after a
full check, has the same content as saved by an office without the extension)."""

import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from office import BUILD, SOURCE, Office, file_url, fixture_variants, needs_test_hooks, props, write_fodt

CLI = os.path.join(BUILD, "bin", "dueregard")
FIXTURES = os.path.join(SOURCE, "tests", "fixtures")
# Families of the sockets a process connected to, from strace's "connect(fd, {sa_family=AF_..."
CONNECT = re.compile(r"connect\(\d+, \{sa_family=(AF_[A-Z0-9]+)")
RSID = re.compile(rb'<config:config-item config:name="Rsid(Root)?" config:type="int">\d+</config:config-item>')
CHANGE_ID = re.compile(rb'"ct\d+"')
SENDTO = re.compile(r"sendto\(\d+, .*\{sa_family=(AF_[A-Z0-9]+)")


class NoNetworkTest(unittest.TestCase):
    def test_command_line_and_office_open_no_network_connection(self):
        work = tempfile.mkdtemp(prefix="dueregard-net-")
        self.addCleanup(shutil.rmtree, work, True)
        trace = os.path.join(work, "trace")
        document = shutil.copy(os.path.join(FIXTURES, "partial-eia.fodt"), work)
        pdf = os.path.join(work, "x.txt")
        with open(pdf, "w", encoding="utf-8") as f:
            f.write("Equality impact assessment\n\nOlder people may be affected.\n")
        # -f follows the office the command line starts, and everything the extension does in it.
        r = subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", trace,
                            CLI, "check", "--format", "json", "--out", os.path.join(work, "out"), document, pdf],
                           capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, DUEREGARD_PROFILE=os.path.join(work, "profile")))
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertEqual(r.stdout.count('"file"'), 2, r.stdout[:500])
        families = set()
        with open(trace, encoding="utf-8", errors="replace") as f:
            for line in f:
                for pattern in (CONNECT, SENDTO):
                    m = pattern.search(line)
                    if m:
                        families.add(m.group(1))
        self.assertIn("AF_UNIX", families)  # the trace saw the pipe to the office: it worked
        self.assertFalse(families & {"AF_INET", "AF_INET6"}, f"network connections attempted: {families}")


def content(path):
    """What a saved document says: every member of the package, the empty folders of
    LibreOffice's per-document UI configuration (Configurations2/) included, but its metadata
    (save dates). An earlier build was seen to make LibreOffice write two more of those folders
    into every .odt; they are compared too, so that cannot come back unnoticed."""
    with zipfile.ZipFile(path) as z:
        out = {name: z.read(name) for name in z.namelist()
               if name not in ("meta.xml", "docProps/core.xml", "docProps/app.xml")}
    # The random session id Writer gives each load (its "Rsid" setting) differs every time.
    if "settings.xml" in out:
        out["settings.xml"] = RSID.sub(b"", out["settings.xml"])
    # Tracked changes are named after where they sat in memory ("ct140324304633040").
    if "content.xml" in out:
        out["content.xml"] = CHANGE_ID.sub(b'"ct"', out["content.xml"])
    return out


class NoDataLossTest(unittest.TestCase):
    def test_checking_never_changes_what_is_saved(self):
        work = tempfile.mkdtemp(prefix="dueregard-save-")
        self.addCleanup(shutil.rmtree, work, True)
        fixtures = ["structure.fodt", "partial-eia.fodt", "glossary.fodt", "numbered.fodt"]
        saved = {}
        for with_extension in (False, True):
            with Office(install=with_extension) as office:
                for fixture in fixtures:
                    inputs = os.path.join(work, "in-" + ("with" if with_extension else "without"))
                    os.makedirs(inputs, exist_ok=True)
                    variants = fixture_variants(office, os.path.join(FIXTURES, fixture), inputs)
                    for ext in ("odt", "docx"):
                        source = variants[ext]
                        doc = office.open(source)
                        try:
                            if with_extension:
                                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                                frame = doc.getCurrentController().getFrame()
                                for command in ("vnd.dueregard:Check", "vnd.dueregard:Check?pending=rejected",
                                                "vnd.dueregard:ExportReport?path=" + file_url(os.path.join(work, "r.json"))):
                                    self.assertEqual(helper.executeDispatch(frame, command, "", 0, ()).State, 1, command)
                                self.assertFalse(doc.isModified(), f"checking modified {fixture}.{ext}")
                            target = os.path.join(work, f"{'with' if with_extension else 'without'}-{fixture}.{ext}")
                            doc.storeToURL(file_url(target), props(FilterName="writer8" if ext == "odt" else "MS Word 2007 XML"))
                            saved[(with_extension, fixture, ext)] = content(target)
                        finally:
                            doc.close(True)
        for fixture in fixtures:
            for ext in ("odt", "docx"):
                with self.subTest(fixture=fixture, ext=ext):
                    with_ext, without = saved[(True, fixture, ext)], saved[(False, fixture, ext)]
                    self.assertEqual(sorted(with_ext), sorted(without))
                    for name in without:
                        self.assertEqual(with_ext[name], without[name], name)


class FaultTest(unittest.TestCase):
    def test_a_failing_check_is_reported_and_writer_carries_on(self):
        # DUEREGARD_FAULT=check (a test hook, only in the test package) makes every check inside the office throw.
        with Office(extra_env={"DUEREGARD_FAULT": "check"}, oxt=needs_test_hooks()) as office:
            doc = office.new_writer()
            try:
                doc.Text.setString("Equality impact assessment. Older people may be affected.")
                before = doc.Text.getString()
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                frame = doc.getCurrentController().getFrame()
                for command in ("vnd.dueregard:Check", "vnd.dueregard:InsertSection?id=monitoring",
                                "vnd.dueregard:ReviewAsComments", "vnd.dueregard:MarkGlossary"):
                    with self.subTest(command=command):
                        self.assertEqual(helper.executeDispatch(frame, command, "", 0, ()).State, 0)  # FAILURE
                # The office and the extension still answer, and the document is as it was.
                self.assertTrue(office.call("version"))
                self.assertEqual(doc.Text.getString(), before)
                self.assertFalse(doc.UndoManager.isUndoPossible() and
                                 doc.UndoManager.getCurrentUndoActionTitle().startswith("Insert Due Regard"))
                with self.assertRaises(Exception):
                    office.call("prompts", doc)  # refused as a UNO error, not a crash
                self.assertTrue(office.call("version"))
            finally:
                doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)




class HardDocumentsTest(unittest.TestCase):
    """Documents that stress the extension: thousands of comments and tracked changes, a
    protected section, a master document. Nothing crashes or hangs (the test has a time limit),
    refusals are clean, and the documents are unchanged by checking."""

    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="dueregard-hard-")
        cls.office = Office()
        cls.office.start()

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()
        shutil.rmtree(cls.work, ignore_errors=True)

    def write(self, name, body, mimetype="application/vnd.oasis.opendocument.text"):
        return write_fodt(os.path.join(self.work, name), body, mimetype)

    def dispatch(self, doc, url):
        helper = self.office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.office.ctx)
        return helper.executeDispatch(doc.getCurrentController().getFrame(), url, "", 0, ()).State == 1

    def test_thousands_of_comments_and_tracked_changes(self):
        changes, paragraphs = [], ["<text:h text:outline-level=\"1\">Equality impact assessment</text:h>"]
        for i in range(1500):
            changes.append(f'<text:changed-region text:id="c{i}"><text:insertion><office:change-info>'
                           f'<dc:creator>Reviewer {i % 7}</dc:creator><dc:date>2026-03-03T10:00:00</dc:date>'
                           f'</office:change-info></text:insertion></text:changed-region>')
            paragraphs.append(f'<text:p>Older people {i} may be affected.<office:annotation><dc:creator>Officer</dc:creator>'
                              f'<dc:date>2026-03-03T10:00:00</dc:date><text:p>Comment {i}</text:p></office:annotation>'
                              f'<text:change-start text:change-id="c{i}"/>Added text {i}.<text:change-end text:change-id="c{i}"/></text:p>')
        path = self.write("busy.fodt", "<text:tracked-changes>" + "".join(changes) + "</text:tracked-changes>" + "".join(paragraphs))
        doc = self.office.open(path)
        try:
            comments = sum(1 for f in doc.TextFields.createEnumeration() if f.supportsService("com.sun.star.text.TextField.Annotation"))
            self.assertEqual(comments, 1500)
            self.assertEqual(doc.Redlines.createEnumeration().hasMoreElements(), True)
            for url in ("vnd.dueregard:Check", "vnd.dueregard:Check?pending=rejected", "vnd.dueregard:Check?pending=accepted",
                        "vnd.dueregard:ExportReport?path=" + file_url(os.path.join(self.work, "busy.json"))):
                self.assertTrue(self.dispatch(doc, url), url)
            with open(os.path.join(self.work, "busy.json"), encoding="utf-8") as f:
                self.assertEqual(json.load(f)["pending_changes"]["count"], 1500)
            self.assertFalse(doc.isModified())
            # Reviewing adds our comments beside the people's, and removes only ours.
            self.assertTrue(self.dispatch(doc, "vnd.dueregard:ReviewAsComments"))
            self.assertTrue(self.dispatch(doc, "vnd.dueregard:RemoveComments"))
            comments = sum(1 for f in doc.TextFields.createEnumeration() if f.supportsService("com.sun.star.text.TextField.Annotation"))
            self.assertEqual(comments, 1500)
        finally:
            doc.close(True)

    def test_protected_section_is_refused_cleanly(self):
        path = self.write("protected.fodt", '<text:h text:outline-level="1">Equality impact assessment</text:h>'
                          '<text:section text:name="Locked" text:protected="true"><text:p>Signed off: due regard was paid to the equality duty.</text:p></text:section>'
                          '<text:p>Due regard was paid; the equality impact assessment is below.</text:p>')
        doc = self.office.open(path)
        try:
            before = doc.Text.getString()
            section = doc.TextSections.getByName("Locked")
            cursor = doc.getCurrentController().getViewCursor()
            cursor.gotoRange(section.getAnchor().getStart(), False)
            self.assertTrue(self.dispatch(doc, "vnd.dueregard:Check"))
            self.assertFalse(self.dispatch(doc, "vnd.dueregard:InsertSection?id=monitoring&at=cursor"))
            self.assertEqual(doc.Text.getString(), before)
            # Glossary marks and review comments leave the protected text alone too.
            self.assertTrue(self.dispatch(doc, "vnd.dueregard:MarkGlossary?every=true"))
            self.assertTrue(self.dispatch(doc, "vnd.dueregard:ReviewAsComments"))
            fields = list(doc.TextFields.createEnumeration())
            self.assertTrue(fields)  # the unprotected paragraph was marked and commented on
            for field in fields:
                where = field.getAnchor().TextSection
                self.assertTrue(where is None or where.Name != "Locked", field.getAnchor().getString())
            self.assertEqual(section.getAnchor().getString(), "Signed off: due regard was paid to the equality duty.")
        finally:
            doc.close(True)

    def test_master_document(self):
        part = self.write("part.fodt", '<text:h text:outline-level="1">Evidence</text:h><text:p>Older people use the library.</text:p>')
        master = self.write("master.fodt", '<text:h text:outline-level="1">Equality impact assessment</text:h>'
                            f'<text:section text:name="Part"><text:section-source xlink:href="{file_url(part)}"/>'
                            '<text:p>Placeholder until linked.</text:p></text:section>',
                            mimetype="application/vnd.oasis.opendocument.text-master")
        doc = self.office.open(master)
        try:
            self.assertTrue(self.dispatch(doc, "vnd.dueregard:Check"))
            out = os.path.join(self.work, "master.json")
            self.assertTrue(self.dispatch(doc, "vnd.dueregard:ExportReport?path=" + file_url(out)))
            with open(out, encoding="utf-8") as f:
                self.assertIn("kind", json.load(f))
        finally:
            doc.close(True)
