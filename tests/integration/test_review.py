"""Reviewer mode in a real office: prompts become comments by the reviewer (anchored, dated, not
duplicated on a second run, resolved when answered, people's own comments untouched), missing
sections are proposed as tracked insertions by the reviewer, and all of it survives .docx."""

import datetime
import os
import shutil
import tempfile
import unittest

from office import SOURCE, Office, file_url, props
import test_commands

FIXTURE = os.path.join(SOURCE, "tests", "fixtures", "partial-eia.fodt")
OFFICE = None
WORK = None
HEADER = "Due Regard prompt ["


def setUpModule():
    global OFFICE, WORK
    WORK = tempfile.mkdtemp(prefix="dueregard-review-")
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


def set_setting(group, name, value):
    """Writes one of Due Regard's settings as the Options page (or a user's macro) would."""
    import uno
    from com.sun.star.beans import NamedValue
    provider = OFFICE.smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", OFFICE.ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (NamedValue("nodepath", f"/{os.environ.get('DUEREGARD_EXTENSION_ID', 'org.dueregard.writer')}.Settings/{group}"),))
    access.replaceByName(name, value)
    access.commitChanges()


def dispatch(doc, url):
    return test_commands.dispatch(doc, url)


def comments(doc):
    return [f for f in doc.TextFields.createEnumeration() if f.supportsService("com.sun.star.text.TextField.Annotation")]


def ours(doc):
    return [c for c in comments(doc) if is_ours(c)]


def is_ours(comment):
    """Our comments end with a line "Due Regard prompt [rule/characteristic]: ..." (the prompt
    itself comes first, for the margin)."""
    return HEADER in comment.Content.split("\n")[-1]


def key(comment):
    last = comment.Content.split("\n")[-1]
    start = last.index(HEADER) + len(HEADER)
    return last[start:last.index("]", start)]


def add_human_comment(doc):
    note = doc.createInstance("com.sun.star.text.textfield.Annotation")
    note.Author = "Ann Reviewer"
    note.Initials = "AR"
    note.Content = "Please check these figures against the 2021 Census."
    paragraph = [p for p in doc.Text.createEnumeration() if p.supportsService("com.sun.star.text.Paragraph")][4]
    cursor = doc.Text.createTextCursorByRange(paragraph.getStart())
    cursor.goRight(5, True)
    doc.Text.insertTextContent(cursor, note, True)


def human(doc):
    return [(c.Author, c.Content, c.Resolved, c.Anchor.getString()) for c in comments(doc) if not is_ours(c)]


class ReviewTest(unittest.TestCase):
    def open_copy(self, name="partial.fodt"):
        path = shutil.copy(FIXTURE, os.path.join(WORK, name))
        doc = OFFICE.open(path)
        self.addCleanup(doc.close, True)
        return doc

    def report(self, doc, name):
        return test_commands.export_report(self, doc, name)

    def reopen_as_docx(self, doc, name):
        path = os.path.join(WORK, name)
        doc.storeToURL(file_url(path), props(FilterName="MS Word 2007 XML", Overwrite=True))
        again = OFFICE.open(path)
        self.addCleanup(again.close, True)
        return again

    def test_prompts_become_comments_once_and_resolve_when_answered(self):
        doc = self.open_copy()
        add_human_comment(doc)
        people = human(doc)
        report = self.report(doc, "before-review.json")
        self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))
        mine = ours(doc)
        self.assertEqual(len(mine), len(report["findings"]))
        self.assertEqual(doc.UndoManager.getCurrentUndoActionTitle(), "Add Due Regard comments")
        today = datetime.date.today()
        messages = {(f["id"] + "/" + (f["characteristic"] or "-"), f["message"]) for f in report["findings"]}
        for c in mine:
            # The prompt itself first: the margin (after reopening, and in Word) shows the start.
            self.assertIn((key(c), c.Content.split("\n")[0]), messages)
            self.assertTrue(c.Content.endswith("]: a prompt to consider, not a legal verdict."))
            self.assertEqual(c.Author, "Due Regard")  # the throwaway profile has no user name
            self.assertEqual(c.Initials, "DR")
            self.assertEqual((c.DateTimeValue.Year, c.DateTimeValue.Month, c.DateTimeValue.Day),
                             (today.year, today.month, today.day))
            self.assertIn("Legal basis: ", c.Content)
            self.assertFalse(c.Resolved)
        # Each prompt about a passage is anchored to that passage.
        anchors = {(key(c), c.Anchor.getString()) for c in mine}
        for f in report["findings"]:
            if f["block"] is not None:
                self.assertIn((f["id"] + "/" + (f["characteristic"] or "-"), f["excerpt"]), anchors)
        self.assertEqual(human(doc), people)

        # Again: nothing new.
        self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))
        self.assertEqual(len(ours(doc)), len(mine))

        # Answer the engagement prompt; review again: its comment is resolved, the rest stay open.
        self.assertIn("engagement.missing/-", {key(c) for c in ours(doc)})
        text = doc.Text
        cursor = text.createTextCursorByRange(text.getEnd())
        text.insertControlCharacter(cursor, 0, False)
        text.insertString(cursor, "We consulted Age UK and 40 older residents at two drop-in sessions in January 2026, "
                                  "and as a result the proposal changed to keep Riverside open on Monday mornings.", False)
        answered = self.report(doc, "after-engagement.json")
        self.assertNotIn("engagement.missing", [f["id"] for f in answered["findings"]])
        self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))
        state = {key(c): c.Resolved for c in ours(doc)}
        self.assertTrue(state["engagement.missing/-"])
        self.assertFalse(state["monitoring.missing/-"])
        self.assertEqual(human(doc), people)

        # Word: the comments come back with their authors, and a review adds nothing new.
        again = self.reopen_as_docx(doc, "reviewed.docx")
        back = ours(again)
        self.assertEqual(len(back), len(ours(doc)))
        self.assertEqual({c.Author for c in back}, {"Due Regard"})
        self.assertTrue(dispatch(again, "vnd.dueregard:ReviewAsComments"))
        self.assertEqual(len(ours(again)), len(back))
        self.assertTrue({key(c): c.Resolved for c in ours(again)}["engagement.missing/-"])
        self.assertEqual([(a, c) for a, c, _, _ in human(again)], [(a, c) for a, c, _, _ in people])

        # Removing ours leaves people's comments.
        self.assertTrue(dispatch(again, "vnd.dueregard:RemoveComments"))
        self.assertEqual(ours(again), [])
        self.assertEqual(len(human(again)), 1)

    def test_a_second_review_of_an_unchanged_document_changes_nothing(self):
        """Our comments are never read as the author's text, and several prompts on one passage
        (each comment takes a place of its own in the paragraph) keep their anchors, in documents
        of several shapes: flat ODF, .docx, and plain text with one paragraph per line."""
        import corpus
        shapes = []
        for name in ("police-stop-search-race-only", "wales-health-board-minor-injuries-poor", "england-council-waste-poor"):
            with open(os.path.join(SOURCE, "tests", "fixtures", "corpus", name + ".txt"), encoding="utf-8") as f:
                lines = f.read().splitlines()
            fodt = os.path.join(WORK, name + ".fodt")
            with open(fodt, "w", encoding="utf-8") as f:
                f.write(corpus.to_fodt(lines))
            doc = OFFICE.open(fodt)
            doc.storeToURL(file_url(os.path.join(WORK, name + ".docx")), props(FilterName="MS Word 2007 XML", Overwrite=True))
            doc.close(True)
            txt = os.path.join(WORK, name + ".txt")
            with open(txt, "w", encoding="utf-8") as f:
                f.write("\n".join(l.lstrip("# ").replace("|", " ") for l in lines) + "\n")
            shapes += [fodt, os.path.join(WORK, name + ".docx"), txt]
        for path in shapes:
            with self.subTest(document=os.path.basename(path)):
                doc = OFFICE.open(path)
                self.addCleanup(doc.close, True)
                report = self.report(doc, os.path.basename(path) + ".json")
                self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))
                first = sorted((key(c), c.Anchor.getString()) for c in ours(doc))
                self.assertEqual(len(first), len(report["findings"]))
                # Each prompt about a passage is anchored to exactly that passage, however many
                # comments its paragraph already has.
                for f in report["findings"]:
                    if f["block"] is not None:
                        wanted = f["id"] + "/" + (f["characteristic"] or "-")
                        self.assertTrue(any(k == wanted and a.startswith(f["excerpt"]) and len(a) == f["end"] - f["start"]
                                            for k, a in first), (wanted, f["excerpt"]))
                self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))
                self.assertEqual(sorted((key(c), c.Anchor.getString()) for c in ours(doc)), first)
                self.assertEqual(self.report(doc, os.path.basename(path) + "-again.json")["findings"], report["findings"])
                # And a jump to a prompt still selects its words with the comments in place.
                for f in report["findings"][:40]:
                    if f["block"] is not None and f["excerpt"]:
                        selected = OFFICE.call("select", doc, Block=f["block"], Start=f["start"], End=f["end"])
                        self.assertTrue(selected.startswith(f["excerpt"]), (f["id"], selected, f["excerpt"]))
                        self.assertEqual(len(selected), f["end"] - f["start"], f["id"])

    def test_answered_comments_can_be_removed_instead(self):
        doc = self.open_copy("partial-remove.fodt")
        self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))
        before = len(ours(doc))
        text = doc.Text
        cursor = text.createTextCursorByRange(text.getEnd())
        text.insertControlCharacter(cursor, 0, False)
        text.insertString(cursor, "We consulted Age UK and 40 older residents at two drop-in sessions in January 2026, "
                                  "and as a result the proposal changed to keep Riverside open on Monday mornings.", False)
        self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments?answered=remove"))
        self.assertNotIn("engagement.missing/-", {key(c) for c in ours(doc)})
        self.assertLess(len(ours(doc)), before)
        self.assertFalse(dispatch(doc, "vnd.dueregard:ReviewAsComments?answered=sometimes"))

    def test_missing_sections_are_proposed_as_tracked_insertions(self):
        doc = self.open_copy("partial-propose.fodt")
        before = self.report(doc, "before-propose.json")
        offered = {f["insert"] for f in before["findings"] if f.get("insert")}
        self.assertIn("monitoring", offered)
        self.assertTrue(dispatch(doc, "vnd.dueregard:ProposeSections"))
        redlines = list(doc.Redlines)
        self.assertTrue(redlines)
        self.assertEqual({(r.RedlineType, r.RedlineAuthor) for r in redlines}, {("Insert", "Due Regard")})
        headings = [p.getString() for p in doc.Text.createEnumeration()
                    if p.supportsService("com.sun.star.text.Paragraph") and p.OutlineLevel > 0]
        self.assertIn("Monitoring and review", headings)
        self.assertIn("Engagement and consultation", headings)

        for label, target in (("writer", doc), ("docx", self.reopen_as_docx(doc, "proposed.docx"))):
            with self.subTest(document=label):
                self.assertEqual({(r.RedlineType, r.RedlineAuthor) for r in target.Redlines}, {("Insert", "Due Regard")})
                helper = OFFICE.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", OFFICE.ctx)
                helper.executeDispatch(target.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
                self.assertEqual(target.Redlines.Count, 0)
                after = self.report(target, f"after-accept-{label}.json")
                states = {s["id"]: s for s in after["assessment"]["sections"]}
                for section in ("monitoring", "engagement"):
                    self.assertTrue(states[section]["inserted"], section)
                    self.assertFalse(states[section]["written"], section)
                ids = [f["id"] for f in after["findings"]]
                self.assertIn("sections.not-written", ids)
                # The prompt stays until the section is written, but no longer offers to insert it.
                monitoring = [f for f in after["findings"] if f["id"] == "monitoring.missing"]
                self.assertTrue(monitoring)
                self.assertNotIn("insert", monitoring[0])

    def test_pending_changes_are_read_as_accepted_and_their_effect_is_reported(self):
        doc = self.open_copy("partial-pending.fodt")
        doc.RecordChanges = True
        text = doc.Text
        cursor = text.createTextCursorByRange(text.getEnd())
        text.insertControlCharacter(cursor, 0, False)
        text.insertString(cursor, "We consulted Age UK and 40 older residents at two drop-in sessions in January 2026, "
                                  "and as a result the proposal changed to keep Riverside open on Monday mornings.", False)
        # A tracked deletion: "Northgate and " goes.
        paragraph = [p for p in text.createEnumeration() if p.supportsService("com.sun.star.text.Paragraph")][2]
        start = paragraph.getString().index("Northgate and ")
        deletion = text.createTextCursorByRange(paragraph.getStart())
        deletion.goRight(start, False)
        deletion.goRight(len("Northgate and "), True)
        deletion.setString("")
        self.assertEqual({r.RedlineType for r in doc.Redlines}, {"Insert", "Delete"})

        accepted = self.report(doc, "pending-accepted.json")
        ids = [f["id"] for f in accepted["findings"]]
        self.assertNotIn("engagement.missing", ids)  # the insertion counts
        pending = accepted["pending_changes"]
        self.assertEqual(pending["read_as"], "accepted")
        self.assertGreaterEqual(pending["count"], 2)
        self.assertIn("engagement.missing", [f["id"] for f in pending["only_if_rejected"]])
        # Deleted text is not read.
        import json as _json
        model = _json.loads(OFFICE.call("extract", doc))
        para = next(b["text"] for b in model["blocks"] if "close" in b["text"] and "libraries" in b["text"])
        self.assertNotIn("Northgate", para)
        self.assertIn(" " * len("Northgate and "), para)

        self.assertTrue(dispatch(doc, "vnd.dueregard:Check?pending=rejected"))
        rejected = self.report(doc, "pending-rejected.json")
        self.assertIn("engagement.missing", [f["id"] for f in rejected["findings"]])
        self.assertEqual(rejected["pending_changes"]["read_as"], "rejected")
        self.assertIn("engagement.missing", [f["id"] for f in rejected["pending_changes"]["gone_if_accepted"]])
        self.assertFalse(dispatch(doc, "vnd.dueregard:Check?pending=maybe"))

    def test_settings_name_the_reviewer_and_remove_answered_comments(self):
        set_setting("Review", "ReviewerName", "Ann Reviewer")
        set_setting("Review", "AnsweredComments", "remove")
        try:
            doc = self.open_copy("partial-settings.fodt")
            self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))
            self.assertEqual({(c.Author, c.Initials) for c in ours(doc)}, {("Ann Reviewer", "AR")})
            text = doc.Text
            cursor = text.createTextCursorByRange(text.getEnd())
            text.insertControlCharacter(cursor, 0, False)
            text.insertString(cursor, "We consulted Age UK and 40 older residents at two drop-in sessions in January 2026, "
                                      "and as a result the proposal changed to keep Riverside open on Monday mornings.", False)
            self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))  # the setting: remove
            self.assertNotIn("engagement.missing/-", {key(c) for c in ours(doc)})
            profile = OFFICE.config("/org.openoffice.UserProfile/Data")
            user = (profile.givenname, profile.sn, profile.initials)
            self.assertTrue(dispatch(doc, "vnd.dueregard:ProposeSections"))
            self.assertEqual({r.RedlineAuthor for r in doc.Redlines}, {"Ann Reviewer"})
            # The reviewer was credited for the moment of the insertion only: the user's own name
            # is back, and later changes are the user's.
            profile = OFFICE.config("/org.openoffice.UserProfile/Data")
            self.assertEqual((profile.givenname, profile.sn, profile.initials), user)
            # Undoing the proposal removes the sections and their tracked-change marks.
            doc.UndoManager.undo()
            self.assertEqual(len(list(doc.Redlines.createEnumeration())), 0)
        finally:
            set_setting("Review", "ReviewerName", "")
            set_setting("Review", "AnsweredComments", "resolve")

    def test_a_docx_back_from_word_is_read_correctly(self):
        import json as _json
        import wordfixture
        path = wordfixture.write(os.path.join(WORK, "from-word.docx"))
        doc = OFFICE.open(path)
        self.addCleanup(doc.close, True)
        # Word's comment, insertion and deletion arrive with their authors.
        people = human(doc)
        self.assertEqual([(a, c) for a, c, _, _ in people], [("Priya Shah", "Which survey are these figures from?")])
        self.assertEqual(people[0][3], "31% of Monday visitors are 65 or over, compared with 19% of residents (Census 2021)")
        self.assertEqual({(r.RedlineType, r.RedlineAuthor) for r in doc.Redlines}, {("Insert", "Priya Shah"), ("Delete", "Priya Shah")})
        # Read as if the changes were accepted: the inserted engagement counts, the deleted
        # vague wording does not.
        report = self.report(doc, "from-word.json")
        ids = [f["id"] for f in report["findings"]]
        self.assertNotIn("engagement.missing", ids)
        self.assertNotIn("mitigation.vague", ids)
        self.assertTrue(report["assessment"]["characteristics"]["age"]["evidence"])
        if_rejected = [f["id"] for f in report["pending_changes"]["only_if_rejected"]]
        self.assertIn("engagement.missing", if_rejected)
        self.assertIn("mitigation.vague", if_rejected)  # the deleted words would count if rejected
        model = _json.loads(OFFICE.call("extract", doc))
        self.assertFalse(any("where possible" in b["text"] for b in model["blocks"]))
        # Reviewing adds our comments and leaves Priya's alone.
        self.assertTrue(dispatch(doc, "vnd.dueregard:ReviewAsComments"))
        self.assertTrue(ours(doc))
        self.assertEqual(human(doc), people)


if __name__ == "__main__":
    unittest.main()
