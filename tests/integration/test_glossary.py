"""Glossary marks in a real office: vnd.dueregard:MarkGlossary marks the first occurrence of each
term with an input field whose hover text is the definition; no text changes, printing (PDF) looks
the same, fields, comments, headings and tracked deletions are left alone, marking twice marks
nothing more, it is one undo step, and RemoveGlossaryMarks restores every paragraph exactly, also
after .odt and .docx round trips."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

from office import SOURCE, Office, file_url, fixture_variants, props
import test_commands

FIXTURE = os.path.join(SOURCE, "tests", "fixtures", "glossary.fodt")
OFFICE = None
WORK = None

with open(os.path.join(SOURCE, "rules", "glossary", "en-GB.json"), encoding="utf-8") as f:
    GLOSSARY = {t["id"]: t for t in json.load(f)["terms"]}

FIRST_MARKS = {"reasonable-adjustments", "due-regard", "psed", "indirect-discrimination",
               "objective-justification", "continuing-duty", "judicial-review", "letter-before-claim", "eia"}


def setUpModule():
    global OFFICE, WORK
    WORK = tempfile.mkdtemp(prefix="dueregard-glossary-")
    OFFICE = Office()
    try:
        OFFICE.start()
    except Exception:
        OFFICE.stop()
        raise
    test_commands.OFFICE = OFFICE
    test_commands.WORK = WORK


def tearDownModule():
    OFFICE.stop()
    shutil.rmtree(WORK, ignore_errors=True)


def dispatch(doc, url):
    return test_commands.dispatch(doc, url)


def paragraphs(doc):
    """Every paragraph's text, body and table cells, in order."""
    out = []
    for item in doc.Text.createEnumeration():
        if item.supportsService("com.sun.star.text.TextTable"):
            for name in item.CellNames:
                out.extend(p.getString() for p in item.getCellByName(name).createEnumeration())
        else:
            out.append(item.getString())
    return out


def input_fields(doc):
    found = []
    for field in doc.TextFields.createEnumeration():
        if field.supportsService("com.sun.star.text.TextField.Input"):
            found.append(field)
    return found


def marks(doc):
    """(term id or None, content, hint) of our marks: recognised by their hover text."""
    out = []
    for field in input_fields(doc):
        if field.Hint.endswith(" \u2014 Due Regard glossary"):
            help_text = getattr(field, "Help", "") or ""
            term = help_text[len("dueregard:glossary:"):] if help_text.startswith("dueregard:glossary:") else None
            out.append((term, field.Content, field.Hint))
    return out


def pdf_text(doc, name):
    path = os.path.join(WORK, name + ".pdf")
    doc.storeToURL(file_url(path), props(FilterName="writer_pdf_Export", Overwrite=True))
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout


def comments(doc):
    return [f.Content for f in doc.TextFields.createEnumeration()
            if f.supportsService("com.sun.star.text.TextField.Annotation")]


class GlossaryTest(unittest.TestCase):
    def open_copy(self, path):
        copy = shutil.copy(path, os.path.join(WORK, "copy-" + os.path.basename(path)))
        doc = OFFICE.open(copy)
        self.addCleanup(doc.close, True)
        return doc

    def assert_marked_as_expected(self, doc):
        found = marks(doc)
        by_hint = {}
        for _, content, hint in found:
            term = next(t for t in GLOSSARY.values() if hint.startswith(t["term"] + ": " + t["definition"]))
            by_hint[term["id"]] = content
            self.assertIn("Source: " + term["source"], hint)
        self.assertEqual(set(by_hint), FIRST_MARKS)
        self.assertEqual(by_hint["due-regard"], "due regard")
        self.assertEqual(by_hint["psed"], "PSED")
        self.assertEqual(by_hint["objective-justification"], "proportionate means of achieving a legitimate aim")
        self.assertEqual(len(found), len(FIRST_MARKS))

    def test_marking_and_removing_in_each_format(self):
        variants = fixture_variants(OFFICE, FIXTURE, WORK)
        for ext, path in variants.items():
            with self.subTest(format=ext):
                doc = self.open_copy(path)
                original = paragraphs(doc)
                others = [(f.Content, f.Hint) for f in input_fields(doc)]
                notes = comments(doc)
                pdf_before = pdf_text(doc, f"before-{ext}")
                redlines = doc.Redlines.Count
                # The fixture really has what must be left alone.
                self.assertGreater(redlines, 0)
                self.assertTrue(any(p.startswith("Harassment was also raised.") for p in original), original)
                self.assertEqual(len(others), 1)
                self.assertEqual(len(notes), 1)

                self.assertTrue(dispatch(doc, "vnd.dueregard:MarkGlossary"))
                self.assert_marked_as_expected(doc)
                self.assertEqual(paragraphs(doc), original, "marking changes no text")
                self.assertEqual(comments(doc), notes, "comments are left alone")
                self.assertEqual(doc.Redlines.Count, redlines, "marking is not a tracked change")
                for content, hint in others:  # someone else's input field is untouched
                    self.assertIn((content, hint), [(f.Content, f.Hint) for f in input_fields(doc)])
                heading = next(p for p in doc.Text.createEnumeration()
                               if p.supportsService("com.sun.star.text.Paragraph") and p.OutlineLevel == 1)
                self.assertFalse(any(portion.TextPortionType == "TextField" for portion in heading.createEnumeration()))
                self.assertEqual(pdf_text(doc, f"after-{ext}"), pdf_before, "printing looks as before")

                # Twice marks nothing more.
                self.assertTrue(dispatch(doc, "vnd.dueregard:MarkGlossary"))
                self.assertEqual(len(marks(doc)), len(FIRST_MARKS))

                # One undo step removes the second (empty) and first marking: the first is one step.
                manager = doc.UndoManager
                while manager.isUndoPossible() and manager.getCurrentUndoActionTitle() != "Mark glossary terms":
                    manager.undo()
                manager.undo()
                self.assertEqual(marks(doc), [])
                self.assertEqual(paragraphs(doc), original)

                # Removing restores every paragraph exactly.
                self.assertTrue(dispatch(doc, "vnd.dueregard:MarkGlossary"))
                self.assertTrue(dispatch(doc, "vnd.dueregard:RemoveGlossaryMarks"))
                self.assertEqual(marks(doc), [])
                self.assertEqual(paragraphs(doc), original)
                self.assertEqual([(f.Content, f.Hint) for f in input_fields(doc)], others)

    def test_marks_survive_round_trips_and_can_still_be_removed(self):
        doc = self.open_copy(FIXTURE)
        original = paragraphs(doc)
        self.assertTrue(dispatch(doc, "vnd.dueregard:MarkGlossary"))
        for ext, filter_name in (("odt", "writer8"), ("docx", "MS Word 2007 XML")):
            with self.subTest(format=ext):
                path = os.path.join(WORK, f"marked.{ext}")
                doc.storeToURL(file_url(path), props(FilterName=filter_name, Overwrite=True))
                again = OFFICE.open(path)
                try:
                    self.assert_marked_as_expected(again)
                    self.assertEqual(paragraphs(again), original)
                    self.assertTrue(dispatch(again, "vnd.dueregard:MarkGlossary"))  # nothing more
                    self.assertEqual(len(marks(again)), len(FIRST_MARKS))
                    self.assertTrue(dispatch(again, "vnd.dueregard:RemoveGlossaryMarks"))
                    self.assertEqual(marks(again), [])
                    self.assertEqual(paragraphs(again), original)
                finally:
                    again.close(True)

    def test_every_occurrence_when_asked(self):
        doc = self.open_copy(FIXTURE)
        self.assertTrue(dispatch(doc, "vnd.dueregard:MarkGlossary?every=true"))
        contents = [content for _, content, _ in marks(doc)]
        self.assertEqual(contents.count("due regard"), 2)
        self.assertEqual(sorted(c for c in contents if c.lower() == "reasonable adjustments"),
                         ["Reasonable adjustments", "reasonable adjustments"])
        self.assertFalse(dispatch(doc, "vnd.dueregard:MarkGlossary?every=sometimes"))

    def test_every_occurrence_by_setting(self):
        from test_review import set_setting
        import test_review
        test_review.OFFICE = OFFICE
        set_setting("Glossary", "MarkEveryOccurrence", True)
        try:
            doc = self.open_copy(FIXTURE)
            self.assertTrue(dispatch(doc, "vnd.dueregard:MarkGlossary"))
            self.assertEqual([content for _, content, _ in marks(doc)].count("due regard"), 2)
        finally:
            set_setting("Glossary", "MarkEveryOccurrence", False)

    def test_definition_as_a_footnote(self):
        doc = self.open_copy(FIXTURE)
        doc.getCurrentController().getViewCursor().gotoEnd(False)
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertDefinition?id=due-regard"))
        notes = doc.Footnotes
        self.assertEqual(notes.Count, 1)
        self.assertTrue(notes.getByIndex(0).getString().startswith("due regard: " + GLOSSARY["due-regard"]["definition"]))
        self.assertEqual(doc.UndoManager.getCurrentUndoActionTitle(), "Insert definition")
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertDefinition?id=no-such-term"))

    def test_read_only_documents_are_not_marked(self):
        path = shutil.copy(FIXTURE, os.path.join(WORK, "read-only.fodt"))
        doc = OFFICE.open(path, read_only=True)
        self.addCleanup(doc.close, True)
        self.assertFalse(dispatch(doc, "vnd.dueregard:MarkGlossary"))
        self.assertEqual(marks(doc), [])


if __name__ == "__main__":
    unittest.main()
