"""The vnd.dueregard: commands in a real office: Check and ExportReport, and the rule that the
sidebar's engine and the command line never disagree about a document."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

import uno
from office import BUILD, SOURCE, Office, file_url, named

CLI = os.path.join(BUILD, "bin", "dueregard")
SAMPLE = os.path.join(SOURCE, "samples", "sample-eia.fodt")
OFFICE = None
WORK = None


def setUpModule():
    global OFFICE, WORK
    WORK = tempfile.mkdtemp(prefix="dueregard-cmd-")
    OFFICE = Office()
    try:
        OFFICE.start()
    except Exception:
        OFFICE.stop()
        raise


def tearDownModule():
    OFFICE.stop()
    shutil.rmtree(WORK, ignore_errors=True)


def dispatch(doc, url):
    """Dispatches a command and returns whether it reported success."""
    frame = doc.getCurrentController().getFrame()
    transformer = OFFICE.smgr.createInstanceWithContext("com.sun.star.util.URLTransformer", OFFICE.ctx)
    u = uno.createUnoStruct("com.sun.star.util.URL")
    u.Complete = url
    _, u = transformer.parseStrict(u)
    dispatcher = frame.queryDispatch(u, "", 0)
    if dispatcher is None:
        return None
    helper = OFFICE.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", OFFICE.ctx)
    result = helper.executeDispatch(frame, url, "", 0, ())
    return result.State == 1  # DispatchResultState.SUCCESS


def export_report(test, doc, name):
    """Runs vnd.dueregard:ExportReport and returns the report it wrote."""
    out = os.path.join(WORK, name)
    test.assertTrue(dispatch(doc, "vnd.dueregard:ExportReport?path=" + file_url(out)))
    with open(out, encoding="utf-8") as f:
        return json.load(f)


class CommandsTest(unittest.TestCase):
    def open_sample(self):
        path = shutil.copy(SAMPLE, WORK)
        doc = OFFICE.open(path)
        self.addCleanup(doc.close, True)
        return path, doc

    def test_export_report_matches_the_command_line(self):
        path, doc = self.open_sample()
        exported = export_report(self, doc, "from-writer.json")
        cli = subprocess.run([CLI, "check", "--format", "json", path], capture_output=True, text=True, timeout=300,
                             env=dict(os.environ, DUEREGARD_PROFILE=os.path.join(WORK, "cli-profile")))
        self.assertEqual(cli.returncode, 0, cli.stderr)
        from_cli = json.loads(cli.stdout)
        for key in ("kind", "jurisdiction", "score", "assessment", "findings", "facts"):
            self.assertEqual(exported[key], from_cli[key], key)
        self.assertEqual(exported["file"], path)
        # The contract's keys, as pipelines rely on them.
        for key in ("file", "kind", "jurisdiction", "score", "assessment", "findings"):
            self.assertIn(key, exported)
        self.assertEqual(set(exported["assessment"]["aims"]),
                         {"eliminate_discrimination", "advance_equality", "foster_good_relations"})
        for key in ("age", "disability", "gender_reassignment", "marriage_civil_partnership", "pregnancy_maternity",
                    "race", "religion_belief", "sex", "sexual_orientation"):
            c = exported["assessment"]["characteristics"][key]
            self.assertIn(c["impact"], ("positive", "negative", "neutral", "mixed", "not_stated"))
        for finding in exported["findings"]:
            self.assertTrue({"id", "severity", "characteristic", "block", "start", "end", "excerpt", "message",
                             "questions", "basis"} <= set(finding))

    def test_findings_point_at_the_right_text(self):
        _, doc = self.open_sample()
        report = export_report(self, doc, "points.json")
        located = [x for x in report["findings"] if x["block"] is not None and x["excerpt"]]
        self.assertTrue(located)
        for finding in located:
            selected = OFFICE.call("select", doc, Block=finding["block"], Start=finding["start"], End=finding["end"])
            self.assertEqual(selected, finding["excerpt"][: len(selected)], finding["id"])

    def test_check_reflects_an_edit(self):
        _, doc = self.open_sample()
        self.assertFalse(export_report(self, doc, "before.json")["assessment"]["intersectionality"])
        text = doc.getText()
        text.insertString(text.getEnd(), "Older disabled women are the group most affected by the closures.", False)
        self.assertTrue(dispatch(doc, "vnd.dueregard:Check"))
        report = export_report(self, doc, "after.json")
        self.assertTrue(report["assessment"]["intersectionality"])
        self.assertNotIn("intersectionality.missing", [x["id"] for x in report["findings"]])

    def test_bad_export_path_fails_without_touching_the_document(self):
        _, doc = self.open_sample()
        before = doc.getText().getString()
        self.assertFalse(dispatch(doc, "vnd.dueregard:ExportReport?path=not-a-url"))
        self.assertFalse(dispatch(doc, "vnd.dueregard:ExportReport"))
        self.assertEqual(doc.getText().getString(), before)
        self.assertFalse(doc.isModified())


class DismissTest(unittest.TestCase):
    """A prompt dismissed with a reason stays dismissed in the document, through .odt and .docx."""

    def report(self, doc, name):
        return export_report(self, doc, name)

    def test_dismiss_survives_odt_and_docx_and_can_be_restored(self):
        from office import props

        path = shutil.copy(SAMPLE, os.path.join(WORK, "dismiss.fodt"))
        doc = OFFICE.open(path)
        try:
            before = self.report(doc, "d0.json")
            ids = [f["id"] for f in before["findings"]]
            index = ids.index("boilerplate.mantra")
            self.assertTrue(dispatch(doc, f"vnd.dueregard:Dismiss?index={index}&reason=Covered%20in%20section%206"))
            after = self.report(doc, "d1.json")
            self.assertNotIn("boilerplate.mantra", [f["id"] for f in after["findings"]])
            self.assertEqual([(d["id"], d["reason"]) for d in after["dismissed"]],
                             [("boilerplate.mantra", "Covered in section 6")])
            self.assertRegex(after["dismissed"][0]["dismissed_on"], r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
            self.assertTrue(doc.isModified(), "a dismissal is an edit to the document")
            # Bad requests change nothing.
            self.assertFalse(dispatch(doc, "vnd.dueregard:Dismiss?index=999&reason=x"))
            self.assertFalse(dispatch(doc, f"vnd.dueregard:Dismiss?index={index}&reason=%20"))
            self.assertFalse(dispatch(doc, "vnd.dueregard:Restore?index=5"))
            saved = {}
            for ext, filter_name in (("odt", "writer8"), ("docx", "MS Word 2007 XML")):
                saved[ext] = os.path.join(WORK, "dismissed." + ext)
                doc.storeToURL(file_url(saved[ext]), props(FilterName=filter_name, Overwrite=True))
        finally:
            doc.close(True)
        for ext, saved_path in saved.items():
            with self.subTest(format=ext):
                reopened = OFFICE.open(saved_path)
                try:
                    report = self.report(reopened, f"d-{ext}.json")
                    self.assertNotIn("boilerplate.mantra", [f["id"] for f in report["findings"]])
                    self.assertEqual([(d["id"], d["reason"]) for d in report["dismissed"]],
                                     [("boilerplate.mantra", "Covered in section 6")])
                    self.assertTrue(dispatch(reopened, "vnd.dueregard:Restore?index=0"))
                    restored = self.report(reopened, f"r-{ext}.json")
                    self.assertIn("boilerplate.mantra", [f["id"] for f in restored["findings"]])
                    self.assertEqual(restored["dismissed"], [])
                finally:
                    reopened.close(True)

    def test_read_only_document_cannot_dismiss(self):
        path = shutil.copy(SAMPLE, os.path.join(WORK, "ro-dismiss.fodt"))
        doc = OFFICE.open(path, read_only=True)
        try:
            self.assertFalse(dispatch(doc, "vnd.dueregard:Dismiss?index=0&reason=not%20relevant"))
            self.assertFalse(doc.isModified())
        finally:
            doc.close(True)


class NoDataLossTest(unittest.TestCase):
    """Checking reads a document; it never changes it, in memory or on disk."""

    def test_checking_never_modifies_a_document(self):
        import hashlib
        from office import fixture_variants

        variants = fixture_variants(OFFICE, SAMPLE, WORK)
        for fmt in ("odt", "docx"):
            with self.subTest(format=fmt):
                path = variants[fmt]
                with open(path, "rb") as f:
                    before = hashlib.sha256(f.read()).hexdigest()
                doc = OFFICE.open(path)
                try:
                    text_before = doc.getText().getString()
                    self.assertTrue(dispatch(doc, "vnd.dueregard:Check"))
                    export_report(self, doc, "x.json")
                    OFFICE.call("extract", doc, KeepIdentity=True)
                    self.assertFalse(doc.isModified(), "checking marked the document as modified")
                    self.assertEqual(doc.getText().getString(), text_before)
                    undo = doc.getUndoManager()
                    self.assertFalse(undo.isUndoPossible(), "checking left something to undo")
                finally:
                    doc.close(True)
                with open(path, "rb") as f:
                    self.assertEqual(hashlib.sha256(f.read()).hexdigest(), before)

    def test_read_only_document_is_checked(self):
        path = shutil.copy(SAMPLE, os.path.join(WORK, "read-only.fodt"))
        doc = OFFICE.open(path, read_only=True)
        try:
            self.assertEqual(export_report(self, doc, "read-only.json")["kind"], "eia")
            self.assertFalse(doc.isModified())
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)


def snapshot(doc):
    """Everything an editing command could change: paragraphs (text, style, outline level), tables,
    fields and comments (kind, anchor text, content), bookmarks, tracked changes and footnotes."""
    body = []
    for item in doc.Text.createEnumeration():
        if item.supportsService("com.sun.star.text.TextTable"):
            body.append(("table", item.Name, item.Rows.Count, item.Columns.Count,
                         tuple(item.getCellByName(n).getString() for n in item.getCellNames())))
        else:
            body.append(("p", item.getString(), item.ParaStyleName, item.OutlineLevel))
    fields = []
    for field in doc.TextFields.createEnumeration():
        kind = next((s for s in ("Annotation", "Input", "JumpEdit") if field.supportsService("com.sun.star.text.TextField." + s)), "other")
        content = field.Content if kind in ("Annotation", "Input") else field.PlaceHolder if kind == "JumpEdit" else ""
        fields.append((kind, field.getAnchor().getString(), content))
    return {"body": body, "fields": sorted(fields), "bookmarks": sorted(doc.Bookmarks.ElementNames),
            "redlines": sum(1 for _ in doc.Redlines.createEnumeration()), "footnotes": doc.Footnotes.Count}


class UndoTest(unittest.TestCase):
    """Every command that edits a document is exactly one undo step, and undoing it restores the
    document exactly."""

    def test_every_editing_command_is_one_undo_step(self):
        figures = os.path.join(WORK, "figures.csv")
        with open(figures, "w", encoding="utf-8") as f:
            f.write("Group,Searches,Population\nBlack,3973,164174\nWhite,9713,1904510\n")
        commands = [
            ("vnd.dueregard:InsertSkeleton", None),
            ("vnd.dueregard:InsertSection?id=monitoring", None),
            ("vnd.dueregard:InsertSection?id=impact-disability&at=cursor", None),
            ("vnd.dueregard:MarkGlossary?every=true", None),
            ("vnd.dueregard:RemoveGlossaryMarks", "vnd.dueregard:MarkGlossary?every=true"),
            ("vnd.dueregard:InsertDefinition?id=due-regard", None),
            ("vnd.dueregard:ReviewAsComments", None),
            ("vnd.dueregard:RemoveComments", "vnd.dueregard:ReviewAsComments"),
            ("vnd.dueregard:ProposeSections", None),
            ("vnd.dueregard:InsertDisproportionality?csv=" + file_url(figures) + "&outcome=searched", None),
        ]
        for command, setup in commands:
            with self.subTest(command=command):
                path = shutil.copy(SAMPLE, os.path.join(WORK, "undo.fodt"))
                doc = OFFICE.open(path)
                try:
                    doc.getCurrentController().getViewCursor().gotoEnd(False)
                    if setup:
                        self.assertTrue(dispatch(doc, setup), setup)
                    manager = doc.UndoManager
                    steps = len(manager.getAllUndoActionTitles())
                    before = snapshot(doc)
                    self.assertTrue(dispatch(doc, command), command)
                    self.assertNotEqual(snapshot(doc), before, "the command changed nothing")
                    self.assertEqual(len(manager.getAllUndoActionTitles()), steps + 1)
                    manager.undo()
                    self.assertEqual(snapshot(doc), before)
                finally:
                    doc.close(True)
