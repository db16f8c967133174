"""Inserting PSED sections in a real office: vnd.dueregard:InsertSkeleton and InsertSection into
an empty, a partly written and a chapter-numbered document; the structure survives .odt and .docx;
the checker reads an inserted section as present but not yet written until its placeholders are
filled; every insertion is one undo step that restores the document exactly."""

import os
import shutil
import tempfile
import unittest

from office import SOURCE, Office, file_url, props
from test_commands import dispatch as _dispatch, export_report as _export_report
import test_commands

FIXTURES = os.path.join(SOURCE, "tests", "fixtures")
OFFICE = None
WORK = None


def setUpModule():
    global OFFICE, WORK
    WORK = tempfile.mkdtemp(prefix="dueregard-insert-")
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


def dispatch(doc, url):
    return _dispatch(doc, url)


def body(doc):
    """The body in order: ('p', text, style, outline level, list label) or ('table', name, rows, cols)."""
    out = []
    for item in doc.Text.createEnumeration():
        if item.supportsService("com.sun.star.text.TextTable"):
            out.append(("table", item.Name, item.Rows.Count, item.Columns.Count))
        else:
            out.append(("p", item.getString(), item.ParaStyleName, item.OutlineLevel, item.ListLabelString))
    return out


def headings(doc):
    return [(p[1], p[3]) for p in body(doc) if p[0] == "p" and p[3] > 0]


def placeholders(doc):
    """Placeholder fields in the document: JumpEdit, or what .docx turns them into: input fields in
    LibreOffice 7.4, content controls showing their placeholder in 25.x."""
    found = []
    for field in doc.TextFields.createEnumeration():
        if field.supportsService("com.sun.star.text.TextField.JumpEdit"):
            found.append(("jump", field.PlaceHolder, field.Hint))
        elif field.supportsService("com.sun.star.text.TextField.Input"):
            found.append(("input", field.Content, field.Hint))
    if hasattr(doc, "getContentControls"):  # LibreOffice 7.6 and later
        controls = doc.getContentControls()
        for i in range(controls.getCount()):
            control = controls.getByIndex(i)
            if control.ShowingPlaceHolder:
                found.append(("control", control.getAnchor().getString(), control.Alias))
    return found


def our_bookmarks(doc):
    return sorted(n for n in doc.Bookmarks.ElementNames if n.startswith("DueRegard_"))


def section_states(report):
    return {s["id"]: s for s in report["assessment"]["sections"]}


def all_section_ids():
    """Every section id a user can insert: the templates' sections and one per group."""
    import json
    with open(os.path.join(SOURCE, "rules", "templates", "en-GB.json"), encoding="utf-8") as f:
        templates = json.load(f)
    with open(os.path.join(SOURCE, "rules", "lexicon", "en-GB.json"), encoding="utf-8") as f:
        lexicon = json.load(f)
    groups = [g["id"] for g in lexicon["characteristics"] + lexicon["extra_groups"]]
    return [s["id"] for s in templates["sections"]] + ["impact-" + g for g in groups]


def finding_ids(report):
    return [f["id"] for f in report["findings"]]


class InsertTest(unittest.TestCase):
    def report(self, doc, name):
        return _export_report(self, doc, name)

    def open_copy(self, fixture, read_only=False):
        path = shutil.copy(os.path.join(FIXTURES, fixture), os.path.join(WORK, fixture))
        doc = OFFICE.open(path, read_only=read_only)
        self.addCleanup(doc.close, True)
        return doc

    def new_document(self):
        doc = OFFICE.new_writer()
        self.addCleanup(doc.close, True)
        return doc

    def reload(self, doc, ext):
        filters = {"odt": "writer8", "docx": "MS Word 2007 XML"}
        path = os.path.join(WORK, f"{self.id().split('.')[-1]}.{ext}")
        doc.storeToURL(file_url(path), props(FilterName=filters[ext], Overwrite=True))
        again = OFFICE.open(path)
        self.addCleanup(again.close, True)
        return again

    def assert_one_undo_restores(self, doc, before):
        manager = doc.UndoManager
        self.assertTrue(manager.isUndoPossible())
        self.assertTrue(manager.getCurrentUndoActionTitle().startswith("Insert Due Regard"))
        manager.undo()
        self.assertEqual(body(doc), before)
        self.assertEqual(our_bookmarks(doc), [])

    def test_skeleton_in_an_empty_document(self):
        doc = self.new_document()
        before = body(doc)
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSkeleton?jurisdiction=england"))
        content = body(doc)
        self.assertEqual(content[0][2], "Title")
        self.assertTrue(content[0][1].startswith("Equality impact assessment: <"))
        heads = headings(doc)
        top = [text for text, level in heads if level == 1]
        self.assertEqual(top[:4], ["Document control", "Screening and proportionality", "The proposal", "Legal duties"])
        self.assertIn("Monitoring and review", top)
        self.assertEqual(top.index("Mitigation and action plan") + 1, top.index("Monitoring and review"))
        # One subsection per characteristic under the impact heading, one level down.
        impact = [t for t, level in heads if level == 2][:9]
        self.assertEqual(impact[0], "Age")
        self.assertIn("Marriage and civil partnership", impact)
        tables = {p[1]: p for p in content if p[0] == "table"}
        action = tables["DueRegard_mitigation_table1"]
        self.assertEqual(action[3], 5)
        plan = doc.TextTables.getByName("DueRegard_mitigation_table1")
        self.assertEqual([plan.getCellByName(c + "1").getString() for c in "ABCDE"],
                         ["Action", "Group or impact addressed", "Owner", "Deadline", "Success measure"])
        self.assertTrue(plan.RepeatHeadline)
        fields = placeholders(doc)
        self.assertGreater(len(fields), 60)
        self.assertTrue(all(kind == "jump" and hint for kind, _, hint in fields))
        self.assertIn("DueRegard_monitoring", our_bookmarks(doc))
        self.assertIn("DueRegard_impact_disability", our_bookmarks(doc))

        report = self.report(doc, "skeleton.json")
        states = section_states(report)
        self.assertTrue(states["monitoring"]["inserted"])
        self.assertFalse(states["monitoring"]["written"])
        self.assertGreater(states["monitoring"]["placeholders"], 0)
        self.assertIn("sections.not-written", finding_ids(report))
        self.assertFalse(any(c["addressed"] for c in report["assessment"]["characteristics"].values()))
        self.assertEqual(report["kind"], "eia")

        for ext in ("odt", "docx"):
            with self.subTest(ext=ext):
                again = self.reload(doc, ext)
                self.assertEqual(headings(again), heads)
                self.assertEqual(our_bookmarks(again), our_bookmarks(doc))
                self.assertEqual(len(placeholders(again)), len(fields))
                # Word has no table names: find the action plan by its header row.
                headers = [[t.getCellByName(c + "1").getString() for c in "ABCDE"[:t.Columns.Count]]
                           for t in (again.TextTables.getByIndex(i) for i in range(again.TextTables.Count))]
                self.assertIn(["Action", "Group or impact addressed", "Owner", "Deadline", "Success measure"], headers)
                back = section_states(self.report(again, f"skeleton-{ext}.json"))
                self.assertEqual({k: (v["inserted"], v["written"]) for k, v in back.items()},
                                 {k: (v["inserted"], v["written"]) for k, v in states.items()})

        self.assert_one_undo_restores(doc, before)

    def test_each_jurisdiction_gets_its_own_skeleton(self):
        expected = {"wales": ["Socio-economic duty", "Welsh language"], "scotland": ["Fairer Scotland Duty"],
                    "ni": ["Screening questions", "Screening decision", "Disability duties"]}
        for jurisdiction, titles in expected.items():
            with self.subTest(jurisdiction=jurisdiction):
                doc = self.new_document()
                self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSkeleton?jurisdiction=" + jurisdiction))
                top = [t for t, level in headings(doc) if level == 1]
                for title in titles:
                    self.assertIn(title, top)
                report = self.report(doc, f"skeleton-{jurisdiction}.json")
                self.assertEqual(report["jurisdiction"], jurisdiction)
                self.assertEqual(report["kind"], "eia")

    def test_every_section_inserts_once_and_undoes_exactly(self):
        ids = all_section_ids()
        self.assertGreater(len(ids), 30)
        for fixture in (None, "partial-eia.fodt", "numbered.fodt"):
            doc = self.new_document() if fixture is None else self.open_copy(fixture)
            for section in ids:
                with self.subTest(fixture=fixture, section=section):
                    before = body(doc)
                    marks = our_bookmarks(doc)
                    self.assertTrue(dispatch(doc, f"vnd.dueregard:InsertSection?id={section}&jurisdiction=wales"))
                    if body(doc) == before:
                        # Already there (e.g. the partial document's outcome): taken to it.
                        self.assertFalse(doc.UndoManager.isUndoPossible())
                        continue
                    bookmark = "DueRegard_" + section.replace("-", "_")
                    self.assertIn(bookmark[:40], our_bookmarks(doc))
                    heading = doc.Bookmarks.getByName(bookmark[:40]).Anchor.getString()
                    self.assertTrue(heading)
                    self.assertIn(heading, [t for t, _ in headings(doc)])
                    self.assertGreater(len(placeholders(doc)), 0)
                    doc.UndoManager.undo()
                    self.assertEqual(body(doc), before)
                    self.assertEqual(our_bookmarks(doc), marks)
                    doc.UndoManager.clear()

    def test_filling_placeholders_answers_the_prompt(self):
        doc = self.new_document()
        doc.Text.setString("Equality impact assessment: library opening hours")
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSection?id=monitoring&at=cursor"))
        self.assertEqual(headings(doc), [("Monitoring and review", 1)])
        self.assertEqual(body(doc)[0][1], "Equality impact assessment: library opening hours")
        first = self.report(doc, "monitoring-empty.json")
        self.assertIn("monitoring.missing", finding_ids(first))
        self.assertIn("sections.not-written", finding_ids(first))
        answers = {"date": "1 April 2027", "frequency and owner": "the service manager, every quarter"}
        for field in list(doc.TextFields.createEnumeration()):
            if field.supportsService("com.sun.star.text.TextField.JumpEdit"):
                anchor = field.getAnchor()
                answer = answers.get(field.PlaceHolder, "take-up of the service by age, disability and sex")
                anchor.getText().insertString(anchor, answer, True)  # typing over the placeholder
        self.assertEqual(placeholders(doc), [])
        filled = self.report(doc, "monitoring-filled.json")
        self.assertNotIn("monitoring.missing", finding_ids(filled))
        self.assertNotIn("sections.not-written", finding_ids(filled))
        self.assertTrue(filled["assessment"]["monitoring"])
        self.assertTrue(section_states(filled)["monitoring"]["written"])

    def test_missing_sections_go_where_they_belong(self):
        doc = self.open_copy("partial-eia.fodt")
        before = body(doc)
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSection?id=monitoring"))
        heads = headings(doc)
        names = [t for t, _ in heads]
        self.assertEqual(names.index("Monitoring and review"), names.index("Mitigation and action plan") + 1)
        self.assertEqual(names.index("Outcome"), names.index("Monitoring and review") + 1)
        self.assertEqual(dict(heads)["Monitoring and review"], 2)  # the document's sections are at level 2
        self.assert_one_undo_restores(doc, before)

        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSection?id=engagement"))
        names = [t for t, _ in headings(doc)]
        self.assertEqual(names.index("Engagement and consultation"), names.index("The proposal") + 1)

        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSection?id=impact-disability"))
        names = [t for t, _ in headings(doc)]
        self.assertEqual(names.index("Disability"), names.index("Impact on older people") + 1)

    def test_a_section_that_exists_is_not_duplicated(self):
        doc = self.open_copy("partial-eia.fodt")
        before = body(doc)
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSection?id=outcome"))
        self.assertEqual(body(doc), before)
        self.assertEqual(doc.getCurrentController().getSelection().getByIndex(0).getString(), "Outcome")
        self.assertFalse(doc.UndoManager.isUndoPossible())

    def test_skeleton_fills_in_only_what_a_partial_document_lacks(self):
        doc = self.open_copy("partial-eia.fodt")
        before = body(doc)
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSkeleton?jurisdiction=england"))
        names = [t for t, _ in headings(doc)]
        for existing in ("The proposal", "Mitigation and action plan", "Outcome"):
            self.assertEqual(names.count(existing), 1, existing)
        self.assertLess(names.index("Document control"), names.index("The proposal"))
        self.assertLess(names.index("Mitigation and action plan"), names.index("Monitoring and review"))
        self.assertLess(names.index("Monitoring and review"), names.index("Outcome"))
        self.assertNotEqual(body(doc)[0][2], "Title")  # the document already has its title
        self.assert_one_undo_restores(doc, before)

    def test_numbered_headings_take_the_documents_numbering(self):
        doc = self.open_copy("numbered.fodt")
        labels_before = [p[4] for p in body(doc) if p[0] == "p" and p[3] == 0 and p[4]]
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSection?id=equality-considerations"))
        paras = [p for p in body(doc) if p[0] == "p"]
        heading = next(p for p in paras if p[1] == "Equality considerations")
        self.assertEqual(heading[2], "Heading 1")
        self.assertEqual(heading[4], "3.")  # numbered by the outline, after "2. Recommendation"
        recommendation = next(p for p in paras if p[1] == "Recommendation")
        self.assertEqual(recommendation[4], "2.")
        self.assertEqual(next(p for p in paras if p[1] == "Financial implications")[4], "4.")
        self.assertEqual([p[4] for p in paras if p[3] == 0 and p[4]], labels_before)  # the list is untouched
        for p in paras:
            if p[1].startswith("Equality impact assessment:"):
                self.assertEqual(p[4], "")  # our body text is not pulled into a list

    def test_insertion_is_a_tracked_change_when_recording(self):
        doc = self.open_copy("partial-eia.fodt")
        doc.RecordChanges = True
        self.assertTrue(dispatch(doc, "vnd.dueregard:InsertSection?id=monitoring"))
        types = {r.RedlineType for r in doc.Redlines}
        self.assertEqual(types, {"Insert"})

    def test_bad_requests_change_nothing(self):
        doc = self.open_copy("partial-eia.fodt")
        before = body(doc)
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertSection?id=no-such-section"))
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertSection"))
        self.assertFalse(dispatch(doc, "vnd.dueregard:InsertSkeleton?jurisdiction=atlantis"))
        self.assertEqual(body(doc), before)
        read_only = self.open_copy("numbered.fodt", read_only=True)
        before = body(read_only)
        self.assertFalse(dispatch(read_only, "vnd.dueregard:InsertSkeleton"))
        self.assertEqual(body(read_only), before)


if __name__ == "__main__":
    unittest.main()
