"""Sections in Welsh in a real office (issue 24): with General/InterfaceLanguage = "cy", Insert
whole assessment writes the Welsh templates (rules/templates/cy.json): Welsh title, headings and
placeholders, a Welsh undo step, and the readiness finds every section it inserted, in Welsh and
after switching back to English. With the default language the skeleton is English, as before."""

import json
import os
import shutil
import tempfile
import unittest

from office import SOURCE, Office
from test_commands import dispatch, export_report
import test_commands
from test_insert import body, headings, placeholders

OFFICE = None
WORK = None


def setUpModule():
    global OFFICE, WORK
    WORK = tempfile.mkdtemp(prefix="dueregard-welsh-sections-")
    OFFICE = Office()
    try:
        OFFICE.start()
    except Exception:
        OFFICE.stop()
        raise
    # The helpers of test_commands use its module globals.
    test_commands.OFFICE = OFFICE
    test_commands.WORK = WORK


def tearDownModule():
    OFFICE.stop()
    shutil.rmtree(WORK, ignore_errors=True)


def templates(language):
    with open(os.path.join(SOURCE, "rules", "templates", language + ".json"), encoding="utf-8") as f:
        return json.load(f)


def titles(language):
    return {s["id"]: s["title"] for s in templates(language)["sections"]}


def set_language(language):
    general = OFFICE.config("/org.dueregard.writer.Settings/General", update=True)
    general.InterfaceLanguage = language
    general.commitChanges()


class WelshSectionsTest(unittest.TestCase):
    def setUp(self):
        self.addCleanup(set_language, "")

    def new_document(self):
        doc = OFFICE.new_writer()
        self.addCleanup(doc.close, True)
        return doc

    def skeleton_sections(self, report):
        return {s["id"]: s for s in report["assessment"]["sections"]}

    def test_a_welsh_user_inserts_welsh_sections_that_are_then_found(self):
        set_language("cy")
        doc = self.new_document()
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSkeleton?jurisdiction=wales"))
        content = body(doc)
        self.assertEqual(content[0][2], "Title")
        self.assertTrue(content[0][1].startswith("Asesiad effaith integredig (Cymru): <"), content[0][1])
        skeleton = templates("cy")["skeletons"]["wales"]
        welsh, english = titles("cy"), titles("en-GB")
        top = [text for text, level in headings(doc) if level == 1]
        self.assertEqual(top, [welsh[i] for i in skeleton])
        for i in skeleton:
            self.assertNotIn(english[i], top)
        subheadings = [text for text, level in headings(doc) if level == 2]
        self.assertIn("Oedran", subheadings)
        self.assertIn("Y Gymraeg", subheadings)  # an extra group of Wales
        self.assertNotIn("Age", subheadings)
        shown = [p[1] for p in placeholders(doc)]
        self.assertIn("amlder a pherchennog", shown)
        self.assertNotIn("frequency and owner", shown)
        self.assertEqual(doc.UndoManager.getCurrentUndoActionTitle(), "Mewnosod asesiad Due Regard")

        report = export_report(self, doc, "cy.json")
        self.assertEqual(report["language"], "cy")
        found = self.skeleton_sections(report)
        for i in skeleton:
            self.assertIn(i, found)
            self.assertTrue(found[i]["inserted"], i)
            self.assertFalse(found[i]["written"], i)
        # The prompt about unwritten sections names them by their Welsh titles.
        unwritten = [f for f in report["findings"] if f["id"] == "sections.not-written"]
        self.assertTrue(unwritten)
        self.assertFalse(any("Monitoring and review" in f["message"] for f in unwritten), unwritten)

        # Read by an English user: the same sections, still recognised.
        set_language("en-GB")
        again = export_report(self, doc, "cy-read-in-english.json")
        self.assertEqual(again["language"], "en-GB")
        self.assertEqual(set(self.skeleton_sections(again)), set(found))
        self.assertEqual(again["score"], report["score"])

    def test_a_single_welsh_section(self):
        set_language("cy")
        doc = self.new_document()
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSection?id=monitoring&at=cursor"))
        self.assertEqual(headings(doc)[0][0], "Monitro ac adolygu")
        self.assertEqual(doc.UndoManager.getCurrentUndoActionTitle(), "Mewnosod adran Due Regard")
        report = export_report(self, doc, "one.json")
        self.assertIn("monitoring", self.skeleton_sections(report))

    def test_the_default_language_inserts_english_as_before(self):
        set_language("en-GB")
        doc = self.new_document()
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSkeleton?jurisdiction=wales"))
        content = body(doc)
        self.assertTrue(content[0][1].startswith("Integrated impact assessment (Wales): <"), content[0][1])
        english = titles("en-GB")
        top = [text for text, level in headings(doc) if level == 1]
        self.assertEqual(top, [english[i] for i in templates("en-GB")["skeletons"]["wales"]])
        self.assertIn("frequency and owner", [p[1] for p in placeholders(doc)])
        self.assertEqual(doc.UndoManager.getCurrentUndoActionTitle(), "Insert Due Regard assessment")
        report = export_report(self, doc, "en.json")
        self.assertEqual(report["language"], "en-GB")
        self.assertEqual(set(templates("en-GB")["skeletons"]["wales"]) - set(self.skeleton_sections(report)), set())


if __name__ == "__main__":
    unittest.main()
