"""The vnd.dueregard: commands in a real office: Check and ExportReport, and the rule that the
sidebar's engine and the command line never disagree about a document."""

import json
import os
import re
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


def set_user_name(given, surname):
    data = OFFICE.config("/org.openoffice.UserProfile/Data", update=True)
    data.givenname, data.sn = given, surname
    data.commitChanges()


def set_remove_personal_info(value):
    security = OFFICE.config("/org.openoffice.Office.Common/Security/Scripting", update=True)
    security.RemovePersonalInfoOnSaving = value
    security.commitChanges()


def stored_trail(doc):
    props = doc.DocumentProperties.UserDefinedProperties
    if not props.PropertySetInfo.hasPropertyByName("DueRegardAuditTrail"):
        return None
    return props.getPropertyValue("DueRegardAuditTrail")


class AuditTrailTest(unittest.TestCase):
    """The audit trail travels with the document: checks (when saved), dismissals and
    restorations with who, when and why; through .odt and .docx; in the exported report and in
    the command line's JSON; never the document's text."""

    def setUp(self):
        set_user_name("Ann", "Jones")
        self.addCleanup(set_user_name, "", "")

    def cli_report(self, path):
        cli = subprocess.run([CLI, "check", "--format", "json", path], capture_output=True, text=True, timeout=300,
                             env=dict(os.environ, DUEREGARD_PROFILE=os.path.join(WORK, "cli-profile")))
        self.assertEqual(cli.returncode, 0, cli.stderr)
        return json.loads(cli.stdout)

    def audited(self, name):
        """A copy of the sample checked, with a prompt dismissed, restored and dismissed again,
        exported, edited and saved as .odt and .docx: the trail reported before saving, the
        trail written, and the saved files."""
        from office import props

        path = shutil.copy(SAMPLE, os.path.join(WORK, name + ".fodt"))
        doc = OFFICE.open(path)
        saved = {}
        try:
            self.assertTrue(dispatch(doc, "vnd.dueregard:Check"))
            self.assertFalse(doc.isModified(), "a check waits for the next save: checking changes nothing")
            self.assertIsNone(stored_trail(doc))
            ids = [f["id"] for f in export_report(self, doc, "a0.json")["findings"]]
            index = ids.index("boilerplate.mantra")
            self.assertTrue(dispatch(doc, f"vnd.dueregard:Dismiss?index={index}&reason=Covered%20in%20section%206"))
            self.assertTrue(dispatch(doc, "vnd.dueregard:Restore?index=0&reason=The%20reviewer%20disagreed"))
            self.assertTrue(dispatch(doc, f"vnd.dueregard:Dismiss?index={index}&reason=Answered%20in%20annex%20B"))
            report = export_report(self, doc, "a1.json")
            events = report["audit_trail"]["events"]
            # The export right after the check told nothing new: one event for both.
            self.assertEqual([(e["action"], e.get("via"), e.get("prompt"), e.get("reason")) for e in events], [
                ("checked", "check", None, None),
                ("dismissed", None, "boilerplate.mantra", "Covered in section 6"),
                ("restored", None, "boilerplate.mantra", "The reviewer disagreed"),
                ("dismissed", None, "boilerplate.mantra", "Answered in annex B"),
                ("checked", "export", None, None),
            ])
            self.assertEqual({e["who"] for e in events}, {"Ann Jones"})
            self.assertTrue(all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"]) for e in events))
            self.assertEqual(events[-1]["score"], report["score"])
            self.assertEqual(events[-1]["dismissed_prompts"], 1)
            # Never the document's text: no passage a prompt pointed at, no sentence of it.
            stored = stored_trail(doc)
            for finding in report["findings"] + report["dismissed"]:
                if len(finding["excerpt"]) > 12:
                    self.assertNotIn(finding["excerpt"], stored)
            for paragraph in doc.Text.getString().split("\n"):
                if len(paragraph) > 30:
                    self.assertNotIn(paragraph[:30], stored)
            self.assertEqual(json.loads(stored_trail(doc))["events"], events[:4], "the export waits for the next save")
            # An edit that changes the readiness, then two saves.
            text = doc.getText()
            text.insertString(text.getEnd(), "Older disabled women are the group most affected by the closures.", False)
            for ext, filter_name in (("odt", "writer8"), ("docx", "MS Word 2007 XML")):
                saved[ext] = os.path.join(WORK, f"{name}.{ext}")
                doc.storeAsURL(file_url(saved[ext]), props(FilterName=filter_name, Overwrite=True))
            written = json.loads(stored_trail(doc))["events"]
            self.assertEqual(written[:5], events)
            self.assertEqual(written[-1]["via"], "save", "saving records the readiness as saved")
            self.assertNotEqual(written[-1]["score"], events[-1]["score"])
            self.assertEqual(len(written), 6, "saving twice the same day with nothing new records it once")
        finally:
            doc.close(True)
        return events, written, saved

    def test_trail_records_checks_dismissals_and_restorations_and_survives_odt_and_docx(self):
        _, written, saved = self.audited("audited")
        for ext, saved_path in saved.items():
            with self.subTest(format=ext):
                reopened = OFFICE.open(saved_path)
                try:
                    trail = json.loads(stored_trail(reopened))["events"]
                    self.assertEqual(trail, written)
                    self.assertTrue(dispatch(reopened, "vnd.dueregard:Check"))
                    self.assertFalse(reopened.isModified())
                    # The same person, day and readiness as saved: nothing new to record.
                    self.assertEqual(export_report(self, reopened, f"reopened-{ext}.json")["audit_trail"]["events"], written)
                finally:
                    reopened.close(True)

    def test_command_line_reports_the_trail_and_applies_the_dismissals(self):
        _, written, saved = self.audited("audited-cli")
        for ext, saved_path in saved.items():
            with self.subTest(format=ext):
                from_cli = self.cli_report(saved_path)
                self.assertEqual(from_cli["audit_trail"]["events"], written)
                self.assertEqual(from_cli["audit_trail"]["omitted"], 0)
                # The command line applies the document's dismissals, as Writer does.
                self.assertEqual([(d["id"], d["reason"]) for d in from_cli["dismissed"]],
                                 [("boilerplate.mantra", "Answered in annex B")])
                self.assertNotIn("boilerplate.mantra", [f["id"] for f in from_cli["findings"]])

    def test_no_name_is_kept_when_libreoffice_removes_personal_information(self):
        set_remove_personal_info(True)
        self.addCleanup(set_remove_personal_info, False)
        path = shutil.copy(SAMPLE, os.path.join(WORK, "anonymous.fodt"))
        doc = OFFICE.open(path)
        try:
            ids = [f["id"] for f in export_report(self, doc, "n0.json")["findings"]]
            self.assertTrue(dispatch(doc, f"vnd.dueregard:Dismiss?index={ids.index('boilerplate.mantra')}&reason=Not%20ours"))
            events = json.loads(stored_trail(doc))["events"]
            self.assertEqual({e["who"] for e in events}, {""})
            self.assertEqual(events[-1]["reason"], "Not ours")
        finally:
            doc.close(True)

    def test_read_only_document_gets_no_trail(self):
        path = shutil.copy(SAMPLE, os.path.join(WORK, "ro-audit.fodt"))
        doc = OFFICE.open(path, read_only=True)
        try:
            self.assertTrue(dispatch(doc, "vnd.dueregard:Check"))
            self.assertEqual([e["via"] for e in export_report(self, doc, "ro.json")["audit_trail"]["events"]], ["check"])
            self.assertIsNone(stored_trail(doc))
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
