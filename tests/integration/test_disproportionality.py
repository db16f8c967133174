"""The disproportionality calculator's command in a real office: vnd.dueregard:InsertDisproportionality
reads a CSV file and writes a table (counts, rates, ratios with 95% intervals, warnings), a sentence
per group and a note on the method at the cursor, as one undo step that restores the document
exactly; bad figures, an unknown comparator and a read-only document are refused with the document
unchanged; the checker prompts for figures that lack a period or area and stops once the user has
filled in the inserted fields; the prompt names the calculator as its tool."""

import os
import shutil
import tempfile
import unittest

from office import Office, file_url
from test_commands import dispatch, export_report
from test_insert import body, placeholders
import test_commands

OFFICE = None
WORK = None

FIGURES = "Ethnicity,Searches,Population\nBlack,3973,164174\nWhite,9713,1904510\nAsian,\"2,100\",\"310,000\"\nChinese,3,2000\n"


def setUpModule():
    global OFFICE, WORK
    WORK = tempfile.mkdtemp(prefix="dueregard-disprop-")
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


def write(name, content, encoding="utf-8"):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(content)
    return file_url(path)


def table_rows(doc, name):
    table = doc.TextTables.getByName(name)
    return [[table.getCellByName(f"{chr(65 + c)}{r + 1}").getString() for c in range(table.Columns.Count)]
            for r in range(table.Rows.Count)]


def our_tables(doc):
    return [n for n in doc.TextTables.ElementNames if n.startswith("DueRegard_disproportionality")]


class DisproportionalityTest(unittest.TestCase):
    def new_document(self, text="Evidence"):
        doc = OFFICE.new_writer()
        self.addCleanup(doc.close, True)
        doc.Text.setString(text)
        doc.getCurrentController().getViewCursor().gotoEnd(False)
        return doc

    def test_inserts_table_sentences_and_note_as_one_undo_step(self):
        doc = self.new_document()
        before = body(doc)
        url = write("searches.csv", FIGURES)
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=" + url + "&outcome=searched"))
        [name] = our_tables(doc)
        rows = table_rows(doc, name)
        self.assertEqual(rows[0], ["Group", "Number", "Baseline", "Rate per 1,000", "Ratio to White (95% CI)", "Notes"])
        self.assertEqual(rows[1][:5], ["Black", "3,973", "164,174", "24.2", "4.75 (4.57 to 4.92)"])
        self.assertEqual(rows[1][5], "Interval excludes 1")
        self.assertEqual(rows[2][4], "1.00 (comparator)")
        self.assertEqual(rows[3][:3], ["Asian", "2,100", "310,000"])
        self.assertIn("Very small numbers", rows[4][5])
        table = doc.TextTables.getByName(name)
        self.assertTrue(table.RepeatHeadline)
        self.assertEqual(table.getCellByName("B2").createTextCursor().ParaAdjust, 1)  # RIGHT: figures line up
        paragraphs = [p[1] for p in body(doc) if p[0] == "p"]
        self.assertIn("Black people were 4.75 times as likely as White people to be searched (95% CI 4.57 to 4.92).",
                      paragraphs)
        self.assertFalse(any(p.startswith("White people were") for p in paragraphs))  # the comparator has no sentence
        self.assertTrue(any(p.startswith("Note: Rates are per 1,000") and "Katz log method" in p for p in paragraphs))
        # The period, area, what was counted and the baseline are fields for the user to fill in.
        shown = sorted(p[1] for p in placeholders(doc))
        self.assertEqual(shown, ["area", "baseline and its source", "period", "what was counted"])

        manager = doc.UndoManager
        self.assertEqual(manager.getCurrentUndoActionTitle(), "Insert Due Regard disproportionality figures")
        manager.undo()
        self.assertEqual(body(doc), before)
        self.assertEqual(our_tables(doc), [])

    def test_measure_comparator_and_windows_1252_file(self):
        doc = self.new_document()
        # A spreadsheet's semicolon CSV saved in Windows-1252, with a non-ASCII group name.
        url = write("cp1252.csv", "Group;Arrests;Population\nRoma and Traveller – Irish;40;3,000\nWhite;900;100,000\n",
                    encoding="cp1252")
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=" + url
                                 + "&measure=rate&comparator=white&outcome=arrested"))
        paragraphs = [p[1] for p in body(doc) if p[0] == "p"]
        self.assertIn("Roma and Traveller – Irish people were arrested at a rate of 13.3 per 1,000, compared with "
                      "9.0 per 1,000 for White people.", paragraphs)

    def test_without_an_outcome_the_sentences_get_a_field(self):
        doc = self.new_document()
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=" + write("plain.csv", FIGURES)))
        self.assertIn("decision", [p[1] for p in placeholders(doc)])

    def test_bad_input_is_refused_and_changes_nothing(self):
        doc = self.new_document()
        before = body(doc)
        cases = {
            "percent.csv": "Black,12%,164174\nWhite,9713,1904510\n",
            "one-group.csv": "Black,3973,164174\n",
            "split.csv": "Black,3,973,164,174\nWhite,9713,1904510\n",
        }
        for name, content in cases.items():
            with self.subTest(name):
                self.assertFalse(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=" + write(name, content)))
                self.assertEqual(body(doc), before)
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=" + write("ok.csv", FIGURES)
                                  + "&comparator=Martian"))
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=" + write("ok2.csv", FIGURES)
                                  + "&measure=odds"))
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=file:///no/such/file.csv"))
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertDisproportionality"))
        self.assertEqual(body(doc), before)
        self.assertFalse(doc.UndoManager.isUndoPossible() and
                         doc.UndoManager.getCurrentUndoActionTitle().startswith("Insert Due Regard"))

    def test_show_deck_refuses_an_unknown_panel(self):
        doc = self.new_document()
        self.assertFalse(dispatch(doc, "vnd.dueregard:ShowDeck?panel=calculator"))

    def test_read_only_document_is_refused(self):
        path = os.path.join(WORK, "readonly.odt")
        draft = self.new_document("Evidence for the read-only case")
        draft.storeToURL(file_url(path), ())
        doc = OFFICE.open(path, read_only=True)
        self.addCleanup(doc.close, True)
        before = body(doc)
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=" + write("ro.csv", FIGURES)))
        self.assertEqual(body(doc), before)

    def test_checker_prompts_until_period_and_area_are_filled(self):
        doc = self.new_document("Equality Impact Assessment")
        doc.Text.getStart().ParaStyleName = "Heading 1"
        cursor = doc.Text.createTextCursor()
        cursor.gotoEnd(False)
        doc.Text.insertControlCharacter(cursor, 0, False)
        doc.Text.insertString(cursor, "Of those stopped and searched, 31% were Black.", False)
        report = export_report(self, doc, "claim.json")
        [claim] = [f for f in report["findings"] if f["id"] == "disproportionality.incomplete"]
        self.assertEqual(claim["tool"], "disproportionality")
        self.assertIn("the comparator or baseline, the period or the area", claim["message"])

        # The calculator's own sentences are complete once the user fills in the period and area.
        doc.getCurrentController().getViewCursor().gotoEnd(False)
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertDisproportionality?csv=" + write("f.csv", FIGURES)
                                 + "&outcome=searched"))
        ours = [f for f in export_report(self, doc, "inserted.json")["findings"]
                if f["id"] == "disproportionality.incomplete" and f["excerpt"].startswith("Black people were 4.75")]
        self.assertEqual(len(ours), 1)
        self.assertIn("the period or the area", ours[0]["message"])
        answers = {"period": "1 April 2024 to 31 March 2025", "area": "the West Midlands force area"}
        for field in list(doc.TextFields.createEnumeration()):
            if field.supportsService("com.sun.star.text.TextField.JumpEdit") and field.PlaceHolder in answers:
                anchor = field.getAnchor()
                anchor.getText().insertString(anchor, answers[field.PlaceHolder], True)
        after = export_report(self, doc, "filled.json")["findings"]
        self.assertFalse([f for f in after if f["id"] == "disproportionality.incomplete"
                          and f["excerpt"].startswith("Black people were")])


if __name__ == "__main__":
    unittest.main()
