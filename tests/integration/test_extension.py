"""The built .oxt in a real headless LibreOffice: registration, services, commands, and the
DocumentAdapter's model of fixture documents in .fodt, .odt and .docx."""

import json
import os
import shutil
import tempfile
import unittest
import urllib.parse
import zipfile

import uno

from office import (EXTENSION_ID, SOURCE, Office, _Approve, file_url, fixture_variants, oxt_path, props,
                    registered_parts, write_fodt)

FIXTURES = os.path.join(SOURCE, "tests", "fixtures")
OFFICE = None
WORK = None
VARIANTS = None


def setUpModule():
    global OFFICE, WORK, VARIANTS
    WORK = tempfile.mkdtemp(prefix="dueregard-it-")
    OFFICE = Office()
    OFFICE.start()
    VARIANTS = fixture_variants(OFFICE, os.path.join(FIXTURES, "structure.fodt"), WORK)


def tearDownModule():
    if OFFICE:
        OFFICE.stop()
    shutil.rmtree(WORK, ignore_errors=True)


def dispatch(doc, url):
    """Runs a command in the document's frame and returns whether it reported success."""
    helper = OFFICE.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", OFFICE.ctx)
    return helper.executeDispatch(doc.getCurrentController().getFrame(), url, "", 0, ()).State == 1


def extract(doc, **kwargs):
    return json.loads(OFFICE.call("extract", doc, **kwargs))


EXPECTED_BODY = [
    # (text, outline level, list level)
    ("Equality impact assessment", 1, None),
    ("This assessment covers the library opening hours proposal.", 0, None),
    ("Who is affected", 2, None),
    ("Older residents", 0, 0),
    ("Carers of older residents", 0, 1),
    ("Students", 0, 0),
]
EXPECTED_CELLS = [
    ("Action", 0, 0), ("Owner", 0, 1), ("Deadline", 0, 2),
    ("Survey users", 1, 0), ("Head of Libraries", 1, 1), ("3 March 2026", 1, 2),
]
EXPECTED_TAIL = ["Café users said “thank you” 😀 and more.", "Final paragraph."]


class RegistrationTest(unittest.TestCase):
    def test_every_service_instantiates(self):
        for name in ("org.dueregard.writer.PanelFactory", "org.dueregard.writer.ProtocolHandler",
                     "org.dueregard.writer.DocumentService", "org.dueregard.writer.OptionsHandler",
                     "org.dueregard.writer.MenuController"):
            with self.subTest(name=name):
                self.assertIsNotNone(OFFICE.smgr.createInstanceWithContext(name, OFFICE.ctx))

    def test_version_matches_the_package(self):
        version = OFFICE.call("version")
        self.assertTrue(os.path.exists(os.path.join(os.path.dirname(os.path.abspath(
            __import__("office").oxt_path())), f"dueregard-{version}.oxt")), version)

    def test_extension_is_registered_with_its_id(self):
        manager = OFFICE.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        ids = [ext.getIdentifier().Value for exts in manager.getAllExtensions(None, None)
               for ext in exts if ext is not None]
        self.assertIn(EXTENSION_ID, ids)

    def test_deck_and_panel_are_registered(self):
        decks = OFFICE.config("/org.openoffice.Office.UI.Sidebar/Content/DeckList")
        self.assertTrue(decks.hasByName("DueRegardDeck"))
        self.assertEqual(decks.getByName("DueRegardDeck").Title, "Due Regard")
        # The tab's icons are addressed relative to the installed package (%origin%), which is
        # cheaper at start than a vnd.sun.star.extension:// address; each is a PNG there.
        expander = OFFICE.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        deck = decks.getByName("DueRegardDeck")
        for url in (deck.IconURL, deck.HighContrastIconURL):
            self.assertTrue(url.startswith("vnd.sun.star.expand:"), url)
            path = uno.fileUrlToSystemPath(expander.expandMacros(urllib.parse.unquote(url[len("vnd.sun.star.expand:"):])))
            with open(os.path.normpath(path), "rb") as icon:
                self.assertEqual(icon.read(8), b"\x89PNG\r\n\x1a\n", path)
        panels = OFFICE.config("/org.openoffice.Office.UI.Sidebar/Content/PanelList")
        # The checking panels, in this order: Readiness, Characteristics, Prompts.
        order = []
        for name, title in (("DueRegardFactsPanel", "Readiness"), ("DueRegardCharacteristicsPanel", "Characteristics"),
                            ("DueRegardPromptsPanel", "Prompts")):
            panel = panels.getByName(name)
            self.assertEqual(panel.Title, title)
            self.assertEqual(panel.DeckId, "DueRegardDeck")
            self.assertEqual(panel.ImplementationURL, "private:resource/toolpanel/DueRegardPanelFactory/" + name)
            self.assertTrue(panel.ShowForReadOnlyDocument)
            order.append(panel.OrderIndex)
        self.assertEqual(order, sorted(order))
        factories = OFFICE.config("/org.openoffice.Office.UI.Factories/Registered/UIElementFactories")
        self.assertEqual(factories.getByName("DueRegardPanelFactory").FactoryImplementation,
                         "org.dueregard.writer.PanelFactory")

    def test_menu_entry_is_merged_into_tools(self):
        merging = OFFICE.config("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging")
        node = merging.getByName(EXTENSION_ID).getByName("ToolsMenu")
        self.assertTrue(node.MergePoint.startswith(".uno:ToolsMenu"))
        item = node.MenuItems.getByName("m01")
        self.assertEqual(item.URL, "vnd.dueregard:Menu")
        # Its entries come from the menu controller when it is opened (MenuTest), not from here.
        self.assertEqual(item.Submenu.getElementNames(), ())
        controllers = OFFICE.config("/org.openoffice.Office.UI.Controller/Registered/PopupMenu")
        self.assertEqual(controllers.getByName(EXTENSION_ID + ".ToolsMenu").Controller, "org.dueregard.writer.MenuController")

    def test_protocol_handler_answers_only_known_commands(self):
        doc = OFFICE.new_writer()
        try:
            frame = doc.getCurrentController().getFrame()
            transformer = OFFICE.smgr.createInstanceWithContext("com.sun.star.util.URLTransformer", OFFICE.ctx)

            def query(url):
                u = uno.createUnoStruct("com.sun.star.util.URL")
                u.Complete = url
                _, u = transformer.parseStrict(u)
                return frame.queryDispatch(u, "", 0)

            self.assertIsNotNone(query("vnd.dueregard:ShowDeck"))
            self.assertIsNone(query("vnd.dueregard:NoSuchCommand"))
        finally:
            doc.close(True)


    def test_configuration_data_is_one_file(self):
        # LibreOffice pays for each configuration file an extension registers at every start
        # (bench/startup_instructions.py), so all the data is one file; the schema is the other.
        with zipfile.ZipFile(oxt_path()) as oxt:
            manifest = oxt.read("META-INF/manifest.xml").decode()
            data = [line for line in manifest.split("<manifest:file-entry")
                    if "application/vnd.sun.star.configuration-data" in line]
            self.assertEqual(len(data), 1, manifest)
            self.assertIn('manifest:full-path="registry/dueregard.xcu"', data[0])
            self.assertIn("<oor:items", oxt.read("registry/dueregard.xcu").decode())


class RemovalTest(unittest.TestCase):
    """Removing the extension from a profile takes every part of its configuration with it."""

    def test_removing_the_extension_leaves_no_configuration(self):
        with Office() as office:
            self.assertEqual(registered_parts(office), dict.fromkeys(registered_parts(office), True))
            manager = office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
            manager.removeExtension(EXTENSION_ID, "", "user", manager.createAbortChannel(), _Approve())
            office.restart()
            parts = registered_parts(office)
            self.assertEqual(parts, dict.fromkeys(parts, False))
            self.assertIsNone(office.smgr.createInstanceWithContext("org.dueregard.writer.DocumentService",
                                                                    office.ctx))


class MenuTest(unittest.TestCase):
    """Tools > Due Regard and Insert > Due Regard Section, filled by the menu controller as the
    menu bar does: created by the office's pop-up menu controller factory for the command, given
    a real pop-up menu, and told when an entry is chosen."""

    MODULE = "com.sun.star.text.TextDocument"

    def open_menu(self, doc, command):
        factory = OFFICE.ctx.getValueByName("/singletons/com.sun.star.frame.thePopupMenuControllerFactory")
        self.assertTrue(factory.hasController(command, self.MODULE))
        frame = doc.getCurrentController().getFrame()
        controller = factory.createInstanceWithArgumentsAndContext(
            command, props(ModuleIdentifier=self.MODULE, Frame=frame, InToolbar=False), OFFICE.ctx)
        menu = OFFICE.smgr.createInstanceWithContext("com.sun.star.awt.PopupMenu", OFFICE.ctx)
        controller.setPopupMenu(menu)
        self.addCleanup(controller.dispose)
        self.assertTrue(menu.getItemCount() > 0)  # else the menu bar would disable the submenu
        return controller, menu

    @staticmethod
    def opened(controller):
        """What the menu bar does when the user opens the submenu itself."""
        controller.itemActivated(uno.createUnoStruct("com.sun.star.awt.MenuEvent"))

    @staticmethod
    def entries(menu):
        """(label, command, enabled) for each entry; None for a separator."""
        out = []
        for position in range(menu.getItemCount()):
            item = menu.getItemId(position)
            out.append((menu.getItemText(item), menu.getCommand(item), menu.isItemEnabled(item)) if item else None)
        return out

    def choose(self, controller, menu, command):
        event = uno.createUnoStruct("com.sun.star.awt.MenuEvent")
        event.MenuId = next(menu.getItemId(p) for p in range(menu.getItemCount())
                            if menu.getItemId(p) and menu.getCommand(menu.getItemId(p)) == command)
        controller.itemSelected(event)

    def test_tools_menu_lists_the_commands(self):
        doc = OFFICE.new_writer()
        self.addCleanup(doc.close, True)
        _, menu = self.open_menu(doc, "vnd.dueregard:Menu")
        entries = self.entries(menu)
        self.assertEqual([e[1] if e else None for e in entries], [
            "vnd.dueregard:ShowDeck", "vnd.dueregard:Check", None,
            "vnd.dueregard:MarkGlossary", "vnd.dueregard:RemoveGlossaryMarks", None,
            "vnd.dueregard:ReviewAsComments", "vnd.dueregard:ProposeSections", "vnd.dueregard:RemoveComments", None,
            "vnd.dueregard:About"])
        self.assertEqual(entries[0][0], "~Show Due Regard Sidebar")
        self.assertTrue(all(e[2] for e in entries if e))
        # Each entry has its own mnemonic, so one key reaches it.
        keys = [e[0][e[0].index("~") + 1].lower() for e in entries if e]
        self.assertEqual(len(keys), len(set(keys)), keys)

    def test_insert_menu_lists_the_sections_and_inserts_the_chosen_one(self):
        doc = OFFICE.new_writer()
        self.addCleanup(doc.close, True)
        controller, menu = self.open_menu(doc, "vnd.dueregard:InsertMenu")
        # Set up (as when the Insert menu opens), it lists only the whole assessment: the sections
        # need the document's checker, which is made only when the submenu itself opens.
        self.assertEqual([e[1] for e in self.entries(menu) if e], ["vnd.dueregard:InsertSkeleton"])
        self.opened(controller)
        entries = [e for e in self.entries(menu) if e]
        labels = [e[0] for e in entries]
        self.assertEqual(entries[0][:2], ("Whole ~Assessment", "vnd.dueregard:InsertSkeleton"))
        # Nothing checked yet and no default jurisdiction: every section, a nation's own marked.
        self.assertIn("Document control", labels)
        self.assertIn("Welsh language (Wales)", labels)
        self.assertIn("Fairer Scotland Duty (Scotland)", labels)
        self.assertIn("vnd.dueregard:InsertSection?id=monitoring&at=cursor", [e[1] for e in entries])
        self.assertTrue(all(e[2] for e in entries))

        # Choosing an entry runs its command: the monitoring section is inserted at the cursor.
        self.choose(controller, menu, "vnd.dueregard:InsertSection?id=monitoring&at=cursor")
        self.assertIn("Monitoring and review", doc.getText().getString())

        # Once a document reads as Welsh, the menu offers what Wales asks for, unmarked.
        welsh = OFFICE.new_writer()
        self.addCleanup(welsh.close, True)
        controller, menu = self.open_menu(welsh, "vnd.dueregard:InsertMenu")
        self.assertTrue(dispatch(welsh, "vnd.dueregard:InsertSkeleton?jurisdiction=wales"))
        self.assertTrue(dispatch(welsh, "vnd.dueregard:Check"))
        self.opened(controller)
        labels = [e[0] for e in self.entries(menu) if e]
        self.assertIn("Welsh language", labels)
        self.assertNotIn("Fairer Scotland Duty", " ".join(labels))
        self.assertFalse(any(label.endswith(")") for label in labels), labels)

    def test_read_only_document_offers_only_what_does_not_edit(self):
        path = os.path.join(WORK, "menu-read-only.fodt")
        write_fodt(path, "<text:p>A policy.</text:p>")
        doc = OFFICE.open(path, read_only=True)
        self.addCleanup(doc.close, True)
        _, tools = self.open_menu(doc, "vnd.dueregard:Menu")
        enabled = {e[1]: e[2] for e in self.entries(tools) if e}
        self.assertEqual({c for c, on in enabled.items() if on},
                         {"vnd.dueregard:ShowDeck", "vnd.dueregard:Check", "vnd.dueregard:About"})
        controller, insert = self.open_menu(doc, "vnd.dueregard:InsertMenu")
        self.opened(controller)
        self.assertTrue(len(self.entries(insert)) > 10)
        self.assertFalse(any(e[2] for e in self.entries(insert) if e))


class OptionsPageTest(unittest.TestCase):
    """Tools > Options > Due Regard > Checking: the page as the Options dialog loads and saves it."""

    def test_options_page_shows_and_saves_the_users_settings(self):
        doc = OFFICE.new_writer()
        self.addCleanup(doc.close, True)
        # The page is registered with the Options dialog, for this extension.
        leaves = OFFICE.config("/org.openoffice.Office.OptionsDialog/Nodes/org.dueregard.writer.Options/Leaves")
        leaf = leaves.getByName("org.dueregard.writer.Options.Checking")
        self.assertEqual(leaf.Id, EXTENSION_ID)
        self.assertTrue(leaf.OptionsPage.endswith("/dialogs/Options.xdl"), leaf.OptionsPage)
        self.assertEqual(leaf.EventHandlerService, "org.dueregard.writer.OptionsHandler")

        page = json.loads(OFFICE.call("options", doc))["controls"]
        self.assertEqual(page["lstJurisdiction"], {"value": 0, "enabled": True})  # read from each document
        self.assertEqual(page["chkAutoCheck"], {"value": 1, "enabled": True})
        self.assertEqual(page["numDelay"]["value"], 500)
        self.assertEqual(page["lblLocked"]["value"], "")  # nothing is locked without a policy
        # The page's words come from its string resources (dialogs/Options_en_GB.properties).
        self.assertEqual(page["lblReviewer"]["value"], "~Reviewer name:")
        self.assertTrue(all(c["enabled"] for c in page.values()))

        changes = {"txtReviewer": "A. Reviewer", "chkAutoCheck": 0, "lstJurisdiction": 3,
                   "txtDisabledRules": "aims.boilerplate-only, mitigation.vague"}
        saved = json.loads(OFFICE.call("options", doc, Query=json.dumps(changes), Insert=True))
        self.assertEqual(saved["refused"], [])
        try:
            self.assertEqual(OFFICE.config("/org.dueregard.writer.Settings/Review").ReviewerName, "A. Reviewer")
            self.assertFalse(OFFICE.config("/org.dueregard.writer.Settings/Checking").AutoCheck)
            self.assertEqual(OFFICE.config("/org.dueregard.writer.Settings/General").DefaultJurisdiction, "scotland")
            self.assertEqual(tuple(OFFICE.config("/org.dueregard.writer.Settings/Checking").DisabledRules),
                             ("aims.boilerplate-only", "mitigation.vague"))
            again = json.loads(OFFICE.call("options", doc))["controls"]
            self.assertEqual(again["txtReviewer"]["value"], "A. Reviewer")
            self.assertEqual(again["lstJurisdiction"]["value"], 3)
            # The open document is checked with the new settings at once.
            doc.Text.setString("Equality impact assessment. Support will be offered where possible.")
            report_path = os.path.join(WORK, "options-report.json")
            frame = doc.getCurrentController().getFrame()
            helper = OFFICE.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", OFFICE.ctx)
            self.assertEqual(helper.executeDispatch(frame, "vnd.dueregard:ExportReport?path=" + file_url(report_path),
                                                    "", 0, ()).State, 1)
            with open(report_path, encoding="utf-8") as f:
                report = json.load(f)
            self.assertEqual(report["jurisdiction"], "scotland")
            self.assertNotIn("mitigation.vague", [f["id"] for f in report["findings"]])
        finally:
            # Back to the defaults for the other tests in this office.
            OFFICE.call("options", doc, Query=json.dumps({"txtReviewer": "", "chkAutoCheck": 1, "lstJurisdiction": 0,
                                                          "txtDisabledRules": ""}), Insert=True)
        self.assertEqual(OFFICE.config("/org.dueregard.writer.Settings/Review").ReviewerName, "")


class LongDocumentTest(unittest.TestCase):
    def test_a_long_document_is_read_in_slices_with_the_same_result(self):
        # 200 pages: the background check reads it in several short main-thread slices (so typing
        # never waits for the whole reading), and finds exactly what a one-go check finds.
        import time
        paragraphs = []
        for i in range(2000):
            paragraphs.append('<text:h text:outline-level="1">Section %d</text:h>' % i if i % 10 == 0 else
                              "<text:p>Older disabled residents may be affected where possible; 18%% of %d residents.</text:p>" % i)
        path = write_fodt(os.path.join(WORK, "long.fodt"), "".join(paragraphs))
        doc = OFFICE.open(path)
        self.addCleanup(doc.close, True)
        before = json.loads(OFFICE.call("checkState", doc))["generation"]
        OFFICE.call("backgroundCheck", doc)
        deadline = time.monotonic() + 60
        while json.loads(OFFICE.call("checkState", doc))["generation"] == before and time.monotonic() < deadline:
            time.sleep(0.01)
        state = json.loads(OFFICE.call("checkState", doc))
        self.assertEqual(state["blocks"], 2000)
        self.assertGreater(state["slices"], 1)
        in_slices = state["score"]
        report_path = os.path.join(WORK, "long.json")
        helper = OFFICE.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", OFFICE.ctx)
        self.assertEqual(helper.executeDispatch(doc.getCurrentController().getFrame(),
                                                "vnd.dueregard:ExportReport?path=" + file_url(report_path), "", 0, ()).State, 1)
        with open(report_path, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["score"], in_slices)

    def test_closing_a_document_while_it_is_checked(self):
        # The reading and the worker hold the document weakly: closing it mid-check ends the
        # check quietly; the office goes on working and a new document checks normally.
        paragraphs = "".join("<text:p>Older people %d may be affected where possible.</text:p>" % i for i in range(3000))
        path = write_fodt(os.path.join(WORK, "closing.fodt"), paragraphs)
        for _ in range(3):
            doc = OFFICE.open(path)
            OFFICE.call("backgroundCheck", doc)
            doc.close(True)
        self.assertTrue(OFFICE.call("version"))
        other = OFFICE.new_writer()
        self.addCleanup(other.close, True)
        other.Text.setString("Equality impact assessment")
        self.assertEqual(json.loads(OFFICE.call("facts", other))["words"], 3)


class EditedReadingTest(unittest.TestCase):
    """After typing, the check reads again only the paragraphs typed in, and only when that is
    certainly enough: after every kind of edit, its result is exactly a full check's."""

    BODY = ("<text:h text:outline-level='1'>Equality impact assessment</text:h>"
            "<text:p>This assessment covers the library opening hours proposal.</text:p>"
            "<text:h text:outline-level='2'>Age</text:h>"
            "<text:p>Older residents use the library most in the mornings.</text:p>"
            "<text:p>Second paragraph about age.</text:p>"
            "<table:table table:name='Actions'><table:table-column table:number-columns-repeated='2'/>"
            "<table:table-row><table:table-cell><text:p>Action</text:p></table:table-cell>"
            "<table:table-cell><text:p>Owner</text:p></table:table-cell></table:table-row>"
            "<table:table-row><table:table-cell><text:p>Survey users</text:p></table:table-cell>"
            "<table:table-cell><text:p>Head of Libraries</text:p></table:table-cell></table:table-row>"
            "</table:table>"
            "<text:p>Closing paragraph.</text:p>"
            "<text:p>Last paragraph.</text:p>")

    def setUp(self):
        self.open()

    def open(self):
        path = write_fodt(os.path.join(WORK, "edited.fodt"), self.BODY)
        self.doc = OFFICE.open(path)
        self.addCleanup(self.doc.close, True)
        self.frame = self.doc.getCurrentController().getFrame()
        self.helper = OFFICE.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", OFFICE.ctx)
        self.cursor = self.doc.getCurrentController().getViewCursor()
        self.full_report()  # the first reading: everything after it is an edit

    def paragraph(self, starting):
        text = self.doc.getText()
        each = text.createEnumeration()
        while each.hasMoreElements():
            p = each.nextElement()
            if p.supportsService("com.sun.star.text.Paragraph") and p.getString().startswith(starting):
                return p
        raise AssertionError("no paragraph starts with " + starting)

    def type_at_end_of(self, paragraph, words):
        self.cursor.gotoRange(paragraph.getEnd(), False)
        self.cursor.getText().insertString(self.cursor, words, False)

    def full_report(self):
        path = os.path.join(WORK, "edited-full.json")
        self.assertEqual(self.helper.executeDispatch(self.frame, "vnd.dueregard:ExportReport?path=" + file_url(path),
                                                     "", 0, ()).State, 1)
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def check_after_edit(self):
        import time
        before = json.loads(OFFICE.call("checkState", self.doc))["generation"]
        OFFICE.call("backgroundCheck", self.doc, Query="edits")
        deadline = time.monotonic() + 30
        while json.loads(OFFICE.call("checkState", self.doc))["generation"] == before and time.monotonic() < deadline:
            time.sleep(0.01)
        state = json.loads(OFFICE.call("checkState", self.doc))
        self.assertNotEqual(state["generation"], before, "the check after the edit finished")
        after_edit = json.loads(OFFICE.call("lastReport", self.doc))
        full = self.full_report()
        # Exporting a report notes a check in the audit trail (kept for the next save); the findings must agree.
        after_edit.pop("audit_trail", None)
        full.pop("audit_trail", None)
        self.assertEqual(after_edit, full, "the check after an edit agrees with a full check")
        return state

    def test_typing_in_a_paragraph_reads_only_that_paragraph(self):
        self.type_at_end_of(self.paragraph("Older residents"), " Disabled residents rely on the lift, 18% of 400 users.")
        state = self.check_after_edit()
        self.assertFalse(state["read_whole"])
        self.assertEqual(state["blocks_read"], 1)
        # The engine was told which block changed: it compared that one alone with its last check.
        self.assertEqual(state["blocks_compared"], 1)
        self.assertEqual(state["runs_assessed"], 1)
        self.assertIn("Disabled residents rely", self.paragraph("Older residents").getString())

    def test_typing_in_two_paragraphs_and_a_table_cell(self):
        self.type_at_end_of(self.paragraph("Older residents"), " We engaged with Age UK in March 2026.")
        self.type_at_end_of(self.paragraph("Closing"), " No impact on race.")
        table = self.doc.getTextTables().getByIndex(0)
        self.type_at_end_of(table.getCellByName("B2").getText(), " by 3 March 2027")
        state = self.check_after_edit()
        self.assertFalse(state["read_whole"])
        self.assertEqual(state["blocks_read"], 3)
        self.assertEqual(state["blocks_compared"], 3)

    def test_a_heading_made_by_changing_the_style_is_read(self):
        self.cursor.gotoRange(self.paragraph("Second paragraph").getStart(), False)
        self.paragraph("Second paragraph").setString("Disability")
        self.cursor.setPropertyValue("ParaStyleName", "Heading 2")
        state = self.check_after_edit()
        self.assertFalse(state["read_whole"])
        self.assertEqual(state["blocks_read"], 1)

    def test_typing_with_changes_tracked(self):
        # Pending changes are read as accepted: the typed words count, the deleted ones do not.
        self.doc.RecordChanges = True
        self.full_report()  # read after switching it on (a change of its own, wherever the cursor is)
        self.type_at_end_of(self.paragraph("Older residents"), " Disabled residents rely on the lift.")
        p = self.paragraph("Closing")
        self.cursor.gotoRange(p.getStart(), False)
        self.cursor.goRight(7, True)
        self.cursor.setString("")
        state = self.check_after_edit()
        self.assertFalse(state["read_whole"])
        self.assertEqual(state["blocks_read"], 2)
        # The blocks typed in are those the pending changes alter: the engine compared those.
        self.assertEqual(state["blocks_compared"], 2)
        # Now the engine has also checked the other way of reading the pending changes, so its
        # last check is not the next reading's source: after more typing it compares every block.
        self.type_at_end_of(self.paragraph("Older residents"), " And carers.")
        state = self.check_after_edit()
        self.assertFalse(state["read_whole"])
        self.assertEqual(state["blocks_compared"], state["blocks"])

    def test_edits_that_reach_beyond_the_paragraph_read_everything(self):
        # Each edit, and what tells the check that the paragraph typed in is not enough.
        def new_paragraph():  # Enter: the cursor is in a paragraph the last reading lacks
            self.cursor.gotoRange(self.paragraph("Older residents").getEnd(), False)
            self.cursor.getText().insertControlCharacter(self.cursor, 0, False)
            self.cursor.getText().insertString(self.cursor, "Carers said the evening closures would hurt them.", False)

        def split_paragraph():  # Enter in the middle: one part is a new paragraph
            p = self.paragraph("This assessment")
            self.cursor.gotoRange(p.getStart(), False)
            self.cursor.goRight(16, False)
            self.cursor.getText().insertControlCharacter(self.cursor, 0, False)

        def join_paragraphs():  # a selection across two paragraphs deleted: one has gone
            self.cursor.gotoRange(self.paragraph("Closing").getStart(), False)
            self.cursor.gotoRange(self.paragraph("Last").getStart(), True)
            self.cursor.setString("")

        def macro_elsewhere():  # changed through the API, away from the cursor
            self.cursor.gotoRange(self.paragraph("Older residents").getEnd(), False)
            self.paragraph("Last").setString("Pregnant women and new mothers are not affected.")

        def replace_all():
            search = self.doc.createReplaceDescriptor()
            search.SearchString = "library"
            search.ReplaceString = "leisure centre"
            self.doc.replaceAll(search)

        def delete_table():
            self.cursor.gotoRange(self.paragraph("Closing").getStart(), False)
            self.doc.getText().removeTextContent(self.doc.getTextTables().getByIndex(0))

        def undo_elsewhere():  # undoing a change in another paragraph: the view cursor goes there
            self.paragraph("Last").setString("Sexual orientation: no impact.")
            self.full_report()
            self.type_at_end_of(self.paragraph("Older residents"), " y")
            self.doc.getUndoManager().undo()  # the typing
            self.doc.getUndoManager().undo()  # the other paragraph

        for edit in (new_paragraph, split_paragraph, join_paragraphs, macro_elsewhere, replace_all, delete_table,
                     undo_elsewhere):
            with self.subTest(edit=edit.__name__):
                self.open()
                # A little typing first, so the check has a paragraph to look at.
                self.type_at_end_of(self.paragraph("Older residents"), " x")
                edit()
                state = self.check_after_edit()  # the same result as a full check, either way
                if edit is not undo_elsewhere:
                    self.assertTrue(state["read_whole"], edit.__name__)


class AdapterTest(unittest.TestCase):
    def check_model(self, model, fmt):
        body = [b for b in model["blocks"] if b["kind"] == "paragraph" and b["text"]]
        cells = [b for b in model["blocks"] if b["kind"] == "cell"]
        got_body = [(b["text"], b.get("outline", 0), b.get("list")) for b in body[:6]]
        self.assertEqual(got_body, EXPECTED_BODY, fmt)
        self.assertEqual([b["text"] for b in body[6:]], EXPECTED_TAIL, fmt)
        self.assertEqual([(c["text"], c["row"], c["column"]) for c in cells], EXPECTED_CELLS, fmt)
        self.assertEqual(len(model["tables"]), 1, fmt)
        self.assertEqual((model["tables"][0]["rows"], model["tables"][0]["columns"]), (2, 3), fmt)
        # Document order: the table sits between the list and the closing paragraphs.
        kinds = [b["kind"] for b in model["blocks"] if b["text"]]
        self.assertEqual(kinds, ["paragraph"] * 6 + ["cell"] * 6 + ["paragraph"] * 2, fmt)
        self.assertEqual(len({b["id"] for b in model["blocks"]}), len(model["blocks"]), "ids are unique")

    def test_model_matches_fixture_in_every_format(self):
        for fmt, path in VARIANTS.items():
            with self.subTest(format=fmt):
                doc = OFFICE.open(path)
                try:
                    self.check_model(extract(doc), fmt)
                    headings = [b for b in extract(doc)["blocks"] if b.get("outline")]
                    self.assertTrue(all(h["style"].startswith("Heading") for h in headings), headings)
                finally:
                    doc.close(True)

    def test_position_maps_back_to_the_right_text(self):
        for fmt, path in VARIANTS.items():
            with self.subTest(format=fmt):
                doc = OFFICE.open(path)
                try:
                    model = extract(doc)
                    index = next(i for i, b in enumerate(model["blocks"]) if b["text"].startswith("Café"))
                    text = model["blocks"][index]["text"]
                    utf16 = text.encode("utf-16-le")

                    def u16(s):  # UTF-16 offset of a substring, as the engine counts
                        return len(text[: text.index(s)].encode("utf-16-le")) // 2

                    # A range after the emoji proves offsets are UTF-16 code units end to end.
                    start = u16("and more")
                    selected = OFFICE.call("select", doc, Block=index, Start=start, End=start + 8)
                    self.assertEqual(selected, "and more")
                    start = u16("thank")
                    self.assertEqual(OFFICE.call("select", doc, Block=index, Start=start, End=start + 5), "thank")
                    cell = next(i for i, b in enumerate(model["blocks"]) if b["text"] == "Head of Libraries")
                    self.assertEqual(OFFICE.call("select", doc, Block=cell, Start=8, End=17), "Libraries")
                    self.assertGreater(len(utf16) // 2, len(text) - 1)
                finally:
                    doc.close(True)

    def test_block_ids_are_stable_across_edits(self):
        doc = OFFICE.open(VARIANTS["odt"])
        try:
            before = extract(doc, KeepIdentity=True)["blocks"]
            text = doc.getText()
            # Insert a new first paragraph and edit the third block's text.
            cursor = text.createTextCursor()
            cursor.gotoStart(False)
            text.insertString(cursor, "New opening paragraph", False)
            text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK
            after = extract(doc, KeepIdentity=True)["blocks"]
            self.assertEqual(len(after), len(before) + 1)
            self.assertEqual(after[0]["text"], "New opening paragraph")
            # The old first paragraph is now second; whichever paragraph object kept the old
            # heading text keeps its id, and every other block keeps its id too.
            old_ids = {b["id"]: b["text"] for b in before}
            kept = [b for b in after if b["id"] in old_ids]
            self.assertGreaterEqual(len(kept), len(before) - 1)
            new_ids = [b["id"] for b in after if b["id"] not in old_ids]
            self.assertEqual(len(new_ids), len(after) - len(kept))
            self.assertEqual(after[-1]["id"], before[-1]["id"])
        finally:
            doc.close(True)


class BadInputTest(unittest.TestCase):
    def test_spreadsheet_is_refused_clearly_and_office_keeps_working(self):
        calc = OFFICE.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        try:
            with self.assertRaises(Exception) as caught:
                OFFICE.call("extract", calc)
            self.assertIn("not a Writer text document", str(caught.exception))
        finally:
            calc.close(True)
        doc = OFFICE.open(VARIANTS["fodt"])
        try:
            self.assertTrue(extract(doc)["blocks"])
        finally:
            doc.close(True)

    def test_unknown_command_is_refused(self):
        with self.assertRaises(Exception) as caught:
            OFFICE.call("frobnicate")
        self.assertIn("Unknown Command", str(caught.exception))

    def test_every_command_documents_its_arguments_and_bad_ones_are_refused_by_name(self):
        commands = json.loads(OFFICE.call("help"))
        names = [c["command"] for c in commands]
        self.assertEqual(len(names), len(set(names)))
        for name in ("extract", "facts", "select", "panelState", "prompts", "activatePrompt", "matrix",
                     "activateCharacteristic", "insertPanel", "insertChoose", "insertAll", "insertPrompt", "glossary",
                     "reviewState", "panelLayout", "panelJurisdiction", "panelAutoCheck", "panelGrouping",
                     "disproportionality", "promptTool", "options", "version", "lastReport", "backgroundCheck",
                     "checkState", "help"):
            self.assertIn(name, names)
        for command in commands:
            self.assertTrue(command["does"], command)
            for argument in command["arguments"]:
                self.assertIn(argument["type"], ("text document", "whole number", "boolean", "string"), command)
                self.assertTrue(argument["meaning"], command)
        select = next(c for c in commands if c["command"] == "select")
        self.assertEqual([a["name"] for a in select["arguments"]], ["Document", "Block", "Start", "End"])
        doc = OFFICE.open(VARIANTS["fodt"])
        try:
            with self.assertRaises(Exception) as caught:
                OFFICE.call("select", doc, Block="first", Start=0, End=1)  # a string for a number
            self.assertIn('"select"', str(caught.exception))
            self.assertIn("Block", str(caught.exception))
            self.assertIn("whole number", str(caught.exception))
            with self.assertRaises(Exception) as caught:
                OFFICE.call("facts", doc, Blok=1)  # an argument facts does not take
            self.assertIn('"facts"', str(caught.exception))
            self.assertIn("Blok", str(caught.exception))
            # an argument another command takes is ignored, as it was before the table: macros
            # that pass one set of arguments to several commands keep working
            self.assertEqual(json.loads(OFFICE.call("facts", doc, Block=1)), json.loads(OFFICE.call("facts", doc)))
            with self.assertRaises(Exception) as caught:
                OFFICE.call("frobnicate")
            self.assertIn('"frobnicate"', str(caught.exception))
            self.assertIn("extract", str(caught.exception))
            self.assertTrue(OFFICE.call("facts", doc))  # and the office answers on
        finally:
            doc.close(True)

    def test_range_outside_the_document_is_refused(self):
        doc = OFFICE.open(VARIANTS["fodt"])
        try:
            with self.assertRaises(Exception):
                OFFICE.call("select", doc, Block=999, Start=0, End=1)
        finally:
            doc.close(True)

    def test_empty_document_has_an_empty_model(self):
        doc = OFFICE.new_writer()
        try:
            model = extract(doc)
            self.assertEqual([b["text"] for b in model["blocks"]], [""])
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
