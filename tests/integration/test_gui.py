"""GUI smoke test under Xvfb: Writer with the extension, the deck shown through the
vnd.dueregard:ShowDeck command, live facts in the panel, and screenshots in build/screenshots/."""

import faulthandler
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import uno

from office import BUILD, SOURCE, Office, needs_test_hooks, wait_for
from xvfb import Xvfb

SHOTS = os.path.join(BUILD, "screenshots")
SAMPLE = os.path.join(SOURCE, "samples", "sample-eia.fodt")


def top_windows(toolkit):
    """(title, window) of every top-level window. Xvfb has no window manager, so no window is
    "active": list them all."""
    found = []
    for i in range(toolkit.getTopWindowCount()):
        window = toolkit.getTopWindow(i)
        context = window.getAccessibleContext() if window is not None else None
        if context is not None:
            found.append((context.getAccessibleName(), window))
    return found


def close_dialog(toolkit, title):
    """Ends a modal dialog as Cancel does (nothing has keyboard focus without a window manager)."""
    for name, window in top_windows(toolkit):
        if name == title:
            window.endExecute()


def not_blank(path):
    """True when the picture has real content (a blank screen has no variation)."""
    out = subprocess.run(["convert", path, "-format", "%[fx:standard_deviation]", "info:"],
                         capture_output=True, text=True, check=True).stdout
    return float(out) > 0.05


def sidebar_gray(shot, *operations):
    """A figure about the sidebar's part of a screenshot in grey, e.g. ("-format", "%[fx:mean]")."""
    out = subprocess.run(["convert", shot, "-crop", "300x500+960+150", "-colorspace", "Gray", *operations, "info:"],
                         capture_output=True, text=True, check=True).stdout
    # ImageMagick 7 (Debian 13) can print a word before the figure with -fx: the figure is last.
    return float(out.split()[-1])


def focused_accessible(office):
    """(role, name) of what has the keyboard focus in any top-level window, from the accessibility
    tree (what a screen reader follows)."""
    from com.sun.star.accessibility.AccessibleStateType import FOCUSED
    toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
    found = []

    def walk(context, depth):
        if context is None or depth > 40 or found:
            return
        states = context.getAccessibleStateSet()
        # LibreOffice 7.4 answers an XAccessibleStateSet; 7.5 and later a bit set, with
        # AccessibleStateType's values as bits.
        focused = (states & FOCUSED) != 0 if isinstance(states, int) else states is not None and states.contains(FOCUSED)
        if focused and context.getAccessibleChildCount() == 0:
            found.append((context.getAccessibleRole(), context.getAccessibleName()))
            return
        count = context.getAccessibleChildCount()
        for i in range(min(count, 200)):  # a document's paragraphs need not be walked
            child = context.getAccessibleChild(i)
            walk(child.getAccessibleContext() if child is not None else None, depth + 1)

    for i in range(toolkit.getTopWindowCount()):
        window = toolkit.getTopWindow(i)
        if window is not None:
            walk(window.getAccessibleContext(), 0)
    return found[0] if found else None


def focused_panel_control(office, doc):
    """"panel.control" of the Due Regard control with the keyboard focus, or None."""
    parts = json.loads(office.call("panelLayout", doc) or "{}")
    for name, part in parts.items():
        for c in part.get("controls", []):
            if c.get("focused"):
                return name + "." + c["id"]
    return None


class GuiSmokeTest(unittest.TestCase):
    def test_deck_opens_shows_live_facts_and_menu(self):
        work = tempfile.mkdtemp(prefix="dueregard-gui-")
        self.addCleanup(shutil.rmtree, work, True)
        # Never open a repository file in place: Writer leaves a lock file beside it.
        sample = shutil.copy(SAMPLE, work)
        with Xvfb() as x, Office(display=x.display) as office:
            doc = office.open(sample, hidden=False)
            try:
                frame = doc.getCurrentController().getFrame()
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())

                sidebar = doc.getCurrentController().getSidebar()
                self.assertTrue(wait_for(lambda: sidebar.isVisible()))
                deck = sidebar.getDecks().getByName("DueRegardDeck")
                self.assertTrue(wait_for(lambda: deck.isActive()), "the Due Regard deck is active")
                self.assertIn("DueRegardFactsPanel", deck.getPanels().getElementNames())

                # The check runs in the background; the panel shows it when it arrives.
                def panel_lines():
                    state = office.call("panelState", doc)
                    return json.loads(state) if state else []

                lines = wait_for(lambda: "Headings: 6" in panel_lines() and panel_lines())
                self.assertTrue(lines, panel_lines())
                self.assertTrue(any(line.startswith("Readiness: ") and " out of 100 (equality assessment, England)" in line
                                    for line in lines), lines)
                self.assertTrue(any(line.endswith(" advice") and "errors" in line for line in lines), lines)
                self.assertIn("Headings: 6", lines)
                self.assertIn("Tables: 1", lines)
                self.assertTrue(any("not legal advice" in line for line in lines))

                time.sleep(1.0)  # let the window paint
                shot = x.screenshot(os.path.join(SHOTS, "deck-facts.png"))
                self.assertTrue(not_blank(shot))

                # Prompts: most important first; choosing one selects the text it is about.
                prompts = json.loads(office.call("prompts", doc))
                self.assertTrue(prompts and prompts[0].startswith("[!] "), prompts[:3])
                vague = next(i for i, p in enumerate(prompts) if "mitigation is vague" in p)
                selected = office.call("activatePrompt", doc, Block=vague)
                self.assertIn(selected, ("where possible", "will be monitored"))
                current = doc.getCurrentController().getSelection().getByIndex(0).getString()
                self.assertEqual(current, selected)
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "deck-prompt-chosen.png"))

                # The coverage matrix, in words; choosing a row goes to where it is discussed.
                matrix = json.loads(office.call("matrix", doc))
                self.assertEqual(len(matrix), 9)
                self.assertTrue(matrix[0].startswith("[+] Age: evidence, impact negative, no mitigation"), matrix[0])
                self.assertIn("[-] Gender reassignment: only listed", matrix)
                self.assertEqual(office.call("activateCharacteristic", doc, Block=0), "Age")
                self.assertEqual(doc.getCurrentController().getSelection().getByIndex(0).getString(), "Age")

                # Prompts can be grouped by characteristic (or area): headings are rows that do nothing.
                office.call("panelGrouping", doc, Block=2)
                grouped = json.loads(office.call("prompts", doc))
                self.assertIn("-- Age --", grouped)
                self.assertIn("-- The whole assessment --", grouped)
                self.assertEqual(office.call("activatePrompt", doc, Block=grouped.index("-- Age --")), "")
                age = grouped[grouped.index("-- Age --") + 1]
                self.assertTrue(age.startswith("   [!] ") or age.startswith("   [?] ") or age.startswith("   [i] "), age)
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "deck-grouped.png"))
                office.call("panelGrouping", doc, Block=1)
                self.assertIn("-- Mitigation --", json.loads(office.call("prompts", doc)))
                office.call("panelGrouping", doc, Block=0)
                self.assertEqual(json.loads(office.call("prompts", doc)), prompts)

                # The jurisdiction can be chosen: the matrix gains Wales's extra groups.
                office.call("panelJurisdiction", doc, Block=2)
                self.assertTrue(wait_for(lambda: any("(equality assessment, Wales)" in line for line in panel_lines())),
                                panel_lines())
                self.assertTrue(wait_for(lambda: any("Welsh language" in row for row in json.loads(office.call("matrix", doc)))))
                office.call("panelJurisdiction", doc, Block=0)
                self.assertTrue(wait_for(lambda: any("(equality assessment, England)" in line for line in panel_lines())))

                # With "Check as I type" off, an edit waits for "Check now".
                office.call("panelAutoCheck", doc, Block=0)
                text = doc.getText()
                text.insertString(text.getEnd(), " Further notes.", False)
                words_before = next(line for line in panel_lines() if line.startswith("Words: "))
                time.sleep(1.5)
                self.assertIn(words_before, panel_lines())
                office.call("panelAutoCheck", doc, Block=1)

                # Live: add a table through UNO and the panel catches up after the pause.
                table = doc.createInstance("com.sun.star.text.TextTable")
                table.initialize(2, 2)
                text = doc.getText()
                text.insertTextContent(text.getEnd(), table, False)
                self.assertTrue(wait_for(lambda: "Tables: 2" in panel_lines(), timeout=10), "panel updated after an edit")

                # Tools > Due Regard opens its commands (looked at in the screenshot).
                x.xdotool("key", "alt+t")
                time.sleep(1.0)
                x.xdotool("key", "r")
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "tools-menu.png"))
                for _ in range(3):
                    x.xdotool("key", "Escape")

                # vnd.dueregard:About opens the dialog shipped in the .oxt (dialogs/About.xdl).
                # The dialog is modal, so the dispatch returns only once it is closed.
                worker = threading.Thread(
                    target=lambda: helper.executeDispatch(frame, "vnd.dueregard:About", "", 0, ()), daemon=True)
                worker.start()
                toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)

                def top_window_titles():
                    return [name for name, _ in top_windows(toolkit)]

                self.assertTrue(wait_for(lambda: "About Due Regard" in top_window_titles(), 15),
                                top_window_titles())
                time.sleep(0.5)
                x.screenshot(os.path.join(SHOTS, "about.png"))
                close_dialog(toolkit, "About Due Regard")
                worker.join(timeout=15)
                self.assertFalse(worker.is_alive(), "the About dialog closed")

                # Dismiss without a reason asks for one (dialogs/Dismiss.xdl); cancelling changes nothing.
                before = json.loads(office.call("prompts", doc))
                worker = threading.Thread(
                    target=lambda: helper.executeDispatch(frame, "vnd.dueregard:Dismiss?index=0", "", 0, ()), daemon=True)
                worker.start()
                self.assertTrue(wait_for(lambda: "Dismiss a prompt" in top_window_titles(), 15), top_window_titles())
                time.sleep(0.5)
                x.screenshot(os.path.join(SHOTS, "dismiss-dialog.png"))
                close_dialog(toolkit, "Dismiss a prompt")
                worker.join(timeout=15)
                self.assertFalse(worker.is_alive(), "the Dismiss dialog closed")
                self.assertEqual(json.loads(office.call("prompts", doc)), before)
            finally:
                doc.close(True)

    def test_welsh_interface_chosen_in_the_settings(self):
        """General/InterfaceLanguage = cy: the Readiness panel and the Dismiss dialog (its string
        resources, dialogs/Dismiss_cy.properties) are in Welsh although LibreOffice's own
        interface is English here (the setting overrides LibreOffice's language; test_welsh_office has
        LibreOffice itself in Welsh). So are the
        other panels' own words (Insert sections, Glossary, Characteristics, Prompts, the calculator),
        and the matrix names each characteristic as the Welsh prompts do."""
        work = tempfile.mkdtemp(prefix="dueregard-gui-cy-")
        self.addCleanup(shutil.rmtree, work, True)
        sample = shutil.copy(SAMPLE, work)
        with Xvfb() as x, Office(display=x.display) as office:
            general = office.config("/org.dueregard.writer.Settings/General", update=True)
            general.InterfaceLanguage = "cy"
            general.commitChanges()
            doc = office.open(sample, hidden=False)
            try:
                frame = doc.getCurrentController().getFrame()
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())

                def panel_lines():
                    state = office.call("panelState", doc)
                    return json.loads(state) if state else []

                lines = wait_for(lambda: "Penawdau: 6" in panel_lines() and panel_lines())
                self.assertTrue(lines, panel_lines())
                self.assertTrue(any(line.startswith("Parodrwydd: ") and " allan o 100 (asesiad cydraddoldeb, Lloegr)" in line
                                    for line in lines), lines)
                self.assertTrue(any(line.endswith(" cyngor") and " gwall, " in line for line in lines), lines)
                self.assertIn("Tablau: 1", lines)
                self.assertTrue(any("nid cyngor cyfreithiol" in line for line in lines), lines)
                self.assertFalse(any("Readiness" in line or "Headings" in line for line in lines), lines)
                # The prompts are worded in Welsh too (rules/packs/core.cy.json); the reading is the same.
                prompts = json.loads(office.call("prompts", doc))
                self.assertTrue(any(p.startswith("[!] Nodir effaith negyddol o ran oedran") for p in prompts), prompts[:3])
                self.assertFalse(any("negative impact on age" in p for p in prompts), prompts[:3])
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "cy-deck.png"))

                toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
                worker = threading.Thread(
                    target=lambda: helper.executeDispatch(frame, "vnd.dueregard:Dismiss?index=0", "", 0, ()), daemon=True)
                worker.start()
                titles = lambda: [name for name, _ in top_windows(toolkit)]
                self.assertTrue(wait_for(lambda: "Diystyru awgrym" in titles(), 15), titles())
                time.sleep(0.5)
                x.screenshot(os.path.join(SHOTS, "cy-dismiss-dialog.png"))
                close_dialog(toolkit, "Diystyru awgrym")
                worker.join(timeout=15)
                self.assertFalse(worker.is_alive(), "the Dismiss dialog closed")

                # The Glossary and Insert sections panels' own words.
                deck = doc.getCurrentController().getSidebar().getDecks().getByName("DueRegardDeck")
                found = wait_for(lambda: json.loads(office.call("glossary", doc, Query="due")).get("listed"))
                self.assertTrue(found)
                chosen = json.loads(office.call("glossary", doc, Block=0))
                self.assertIn("\nFfynhonnell: ", chosen["details"])
                page = json.loads(office.call("options", doc))["controls"]  # Options.xdl with Options_cy.properties
                self.assertEqual(page["lblReviewer"]["value"], "~Enw'r adolygydd:")
                self.assertEqual(page["chkMarkEvery"]["value"], 0)
                status = office.call("insertChoose", doc, Start=0, Block=0)
                self.assertTrue(status.startswith("Wedi'i mewnosod neu ei chanfod: "), status)
                for panel in ("DueRegardFactsPanel", "DueRegardCharacteristicsPanel", "DueRegardPromptsPanel"):
                    deck.getPanels().getByName(panel).collapse()
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "cy-insert-glossary.png"))

                # The Characteristics, Prompts and Disproportionality panels' own words, and the
                # characteristics named as the Welsh prompts name them (the engine's data).
                panels = deck.getPanels()
                for panel in ("DueRegardInsertPanel", "DueRegardGlossaryPanel", "DueRegardReviewPanel"):
                    panels.getByName(panel).collapse()
                for panel in ("DueRegardCharacteristicsPanel", "DueRegardPromptsPanel"):
                    panels.getByName(panel).expand(False)
                matrix = wait_for(lambda: json.loads(office.call("matrix", doc) or "[]"))
                welsh_names = ("Oedran", "Anabledd", "Ailbennu rhywedd", "Priodas a phartneriaeth sifil",
                               "Beichiogrwydd a mamolaeth", "Hil", "Crefydd neu gred", "Rhyw", "Cyfeiriadedd rhywiol")
                for name in welsh_names:
                    self.assertTrue(any(row[4:].startswith(name + ": ") for row in matrix), (name, matrix))
                self.assertTrue(any(row.startswith(("[+] Oedran: ", "[~] Oedran: ")) and "effaith negyddol" in row
                                    for row in matrix), matrix)
                english = ("Age", "Race", "evidence", "impact", "not considered", "only listed", "mitigat", "not stated")
                self.assertFalse([row for row in matrix if any(word in row for word in english)], matrix)
                layout = json.loads(office.call("panelLayout", doc))
                names = {part: {c["id"]: c.get("name", "") + " | " + c.get("description", "") for c in layout[part]["controls"]}
                         for part in ("characteristics", "prompts") if part in layout}
                self.assertIn("[+] â thystiolaeth", names["characteristics"]["details"])
                self.assertIn("Mewnosod adran", names["characteristics"]["insert"])
                self.assertIn("Dewiswch nodwedd", names["characteristics"]["matrix"])
                self.assertIn("Diystyru", names["prompts"]["dismiss"])
                self.assertIn("Agor y gyfrifiannell", names["prompts"]["tool"])
                self.assertIn("Mewnosod adran", names["prompts"]["insert"])
                for part in names.values():
                    for text in part.values():
                        self.assertNotRegex(text, r"Insert section|Dismiss|Open calculator|Choose a|evidenced", part)
                office.call("activatePrompt", doc, Block=0)
                details = json.loads(office.call("panelLayout", doc))["prompts"]["controls"]
                details = next(c for c in details if c["id"] == "details")
                self.assertIn("\nSail: ", details.get("name", ""), details)
                self.assertIn("nid dyfarniad cyfreithiol", details.get("name", ""), details)
                self.assertNotIn("Basis:", details.get("name", ""))
                # Grouped by area and by characteristic: the headings in Welsh.
                office.call("panelGrouping", doc, Block=1)
                headings = [p for p in json.loads(office.call("prompts", doc)) if p.startswith("-- ")]
                self.assertTrue(headings)
                self.assertTrue(set(headings) <= {"-- %s --" % area for area in (
                    "Cwmpas", "Adrannau", "Tystiolaeth", "Effaith", "Lliniaru", "Cyfiawnhad", "Croestoriadedd", "Ymgysylltu",
                    "Nodau", "Amseru", "Monitro", "Penderfyniad", "Data", "Technoleg", "Anghymesuredd", "Geiriad stoc",
                    "Polisi", "Terminoleg")}, headings)
                office.call("panelGrouping", doc, Block=2)
                headings = [p for p in json.loads(office.call("prompts", doc)) if p.startswith("-- ")]
                self.assertIn("-- Oedran --", headings)
                self.assertIn("-- Yr asesiad cyfan --", headings)
                office.call("panelGrouping", doc, Block=0)
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "cy-characteristics.png"))

                # The calculator's own words, and the sentences it writes into the document.
                for panel in ("DueRegardCharacteristicsPanel", "DueRegardPromptsPanel"):
                    panels.getByName(panel).collapse()
                panels.getByName("DueRegardDisproportionalityPanel").expand(False)

                def calculator(**kwargs):
                    try:
                        return json.loads(office.call("disproportionality", doc, **kwargs))
                    except Exception:  # the panel is still being created
                        return None

                empty = wait_for(calculator)
                self.assertTrue(empty)
                self.assertEqual(empty["comparators"], ["Awtomatig: White, fel arall y grŵp mwyaf"])
                self.assertIn("Mae'r canlyniadau'n ymddangos yma", empty["results"])
                figures = "Ethnicity\tSearches\tPopulation\nBlack\t3,973\t164,174\nWhite\t9,713\t1,904,510"
                state = calculator(Query=figures, Outcome="searched")
                self.assertIn("Black: 24.2 fesul 1,000; 4.75 gwaith White (cyfwng hyder 95%: 4.57 i 4.92), "
                              "annhebygol o fod ar hap.", state["results"])
                self.assertIn("White: 5.1 fesul 1,000 (grŵp cymharu).", state["results"])
                self.assertIn("\nYn y ddogfen:\n", state["results"])
                ours = state["results"].split("\nYn y ddogfen:")[0]  # the lines the panel words itself
                for word in ("per 1,000", "times White", "95% CI", "chance", "(comparator)"):
                    self.assertNotIn(word, ours)
                self.assertNotIn("In the document", state["results"])
                document = state["results"].split("\nYn y ddogfen:\n")[1]
                self.assertIn("Roedd y gyfradd searched ar gyfer pobl Black 4.75 gwaith y gyfradd ar gyfer pobl White "
                              "(cyfwng hyder 95%: 4.57 i 4.92).", document)
                for word in ("times as likely", "compared with", "The numbers are small"):
                    self.assertNotIn(word, document)
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "cy-disproportionality.png"))
            finally:
                doc.close(True)

    def test_insert_panel_skeleton_and_prompt_insertion(self):
        with Xvfb() as x, Office(display=x.display) as office:
            doc = office.new_writer(hidden=False)
            try:
                frame = doc.getCurrentController().getFrame()
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
                sidebar = doc.getCurrentController().getSidebar()
                deck = sidebar.getDecks().getByName("DueRegardDeck")
                self.assertTrue(wait_for(lambda: deck.isActive()))
                self.assertIn("DueRegardInsertPanel", deck.getPanels().getElementNames())

                sections = wait_for(lambda: json.loads(office.call("insertPanel", doc)))
                self.assertIn("Monitoring and review", sections)
                self.assertIn("    Disability", sections)  # each characteristic, under the impact section
                # Fold the Document panel away so the Insert panel is in view.
                deck.getPanels().getByName("DueRegardFactsPanel").collapse()
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "insert-panel.png"))
                deck.getPanels().getByName("DueRegardFactsPanel").expand(False)

                # "Insert whole assessment" with Wales chosen (the third jurisdiction).
                status = office.call("insertAll", doc, Start=2)
                self.assertTrue(status.startswith("Added"), status)
                heads = [p.getString() for p in doc.Text.createEnumeration()
                         if p.supportsService("com.sun.star.text.Paragraph") and p.OutlineLevel == 1]
                self.assertIn("Welsh language", heads)
                self.assertIn("Socio-economic duty", heads)
                # The view shows the start of the assessment.
                doc.getCurrentController().getViewCursor().gotoStart(False)
                time.sleep(1.5)
                shot = x.screenshot(os.path.join(SHOTS, "inserted-skeleton.png"))
                self.assertTrue(not_blank(shot))

                # Each inserted section is reported as not written yet, in the prompts.
                prompts = wait_for(lambda: [p for p in json.loads(office.call("prompts", doc)) if "nothing has been written" in p])
                self.assertTrue(prompts)

                # A prompt asking for a missing section inserts it where it belongs.
                other = office.new_writer(hidden=False)
                try:
                    other.Text.setString("Equality impact assessment: mobile library service")
                    other.getCurrentController().getFrame().getContainerWindow().setFocus()
                    helper.executeDispatch(other.getCurrentController().getFrame(), "vnd.dueregard:ShowDeck", "", 0, ())
                    monitoring = wait_for(lambda: next((i for i, p in enumerate(json.loads(office.call("prompts", other) or "[]"))
                                                        if "no plan to monitor" in p), None) is not None, timeout=20)
                    self.assertTrue(monitoring)
                    index = next(i for i, p in enumerate(json.loads(office.call("prompts", other))) if "no plan to monitor" in p)
                    self.assertEqual(office.call("insertPrompt", other, Block=index), "monitoring")
                    heads = [p.getString() for p in other.Text.createEnumeration()
                             if p.supportsService("com.sun.star.text.Paragraph") and p.OutlineLevel > 0]
                    self.assertEqual(heads, ["Monitoring and review"])
                    time.sleep(1.0)
                    x.screenshot(os.path.join(SHOTS, "prompt-inserted-section.png"))
                finally:
                    other.close(True)

                # Insert > Due Regard Section opens the sections this Welsh assessment can have
                # (filled by the menu controller; looked at in the screenshot).
                frame.getContainerWindow().setFocus()
                time.sleep(0.5)
                x.xdotool("key", "alt+i")
                time.sleep(1.0)
                x.xdotool("key", "g")
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "insert-menu.png"))
                x.xdotool("key", "Escape")
                x.xdotool("key", "Escape")
                x.xdotool("key", "Escape")

                # From the keyboard alone, in a new document: Insert, Due Regard Section, Whole
                # Assessment.
                fresh = office.new_writer(hidden=False)
                try:
                    fresh.getCurrentController().getFrame().getContainerWindow().setFocus()
                    time.sleep(1.0)
                    for key in ("alt+i", "g"):
                        x.xdotool("key", key)
                        time.sleep(0.7)
                    # A document never checked: the submenu is filled as it opens (looked at).
                    x.screenshot(os.path.join(SHOTS, "insert-menu-new-document.png"))
                    x.xdotool("key", "a")

                    def fresh_heads():
                        return [p.getString() for p in fresh.Text.createEnumeration()
                                if p.supportsService("com.sun.star.text.Paragraph") and p.OutlineLevel == 1]
                    self.assertIn("Monitoring and review", wait_for(fresh_heads, timeout=10))
                finally:
                    fresh.close(True)
            finally:
                doc.close(True)

    def test_disproportionality_calculator_from_a_prompt(self):
        with Xvfb() as x, Office(display=x.display) as office:
            doc = office.new_writer(hidden=False)
            try:
                doc.Text.setString("Equality Impact Assessment")
                doc.Text.getStart().ParaStyleName = "Heading 1"
                cursor = doc.Text.createTextCursor()
                cursor.gotoEnd(False)
                doc.Text.insertControlCharacter(cursor, 0, False)
                doc.Text.insertString(cursor, "Of those stopped and searched, 31% were Black.", False)
                doc.getCurrentController().getViewCursor().gotoEnd(False)
                frame = doc.getCurrentController().getFrame()
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
                deck = doc.getCurrentController().getSidebar().getDecks().getByName("DueRegardDeck")
                self.assertTrue(wait_for(lambda: deck.isActive()))
                # The calculator starts folded; the prompt about the figures offers it.
                self.assertFalse(deck.getPanels().getByName("DueRegardDisproportionalityPanel").isExpanded())
                row = wait_for(lambda: next((i for i, p in enumerate(json.loads(office.call("prompts", doc) or "[]"))
                                             if "do not say" in p), None) is not None)
                self.assertTrue(row)
                row = next(i for i, p in enumerate(json.loads(office.call("prompts", doc))) if "do not say" in p)
                self.assertEqual(office.call("promptTool", doc, Block=row), "disproportionality")
                self.assertTrue(wait_for(lambda: deck.getPanels().getByName("DueRegardDisproportionalityPanel").isExpanded()))

                def calculator(**kwargs):
                    try:
                        return json.loads(office.call("disproportionality", doc, **kwargs))
                    except Exception:  # the panel is still being created
                        return None

                self.assertTrue(wait_for(calculator))
                for panel in ("DueRegardFactsPanel", "DueRegardInsertPanel", "DueRegardGlossaryPanel", "DueRegardReviewPanel"):
                    deck.getPanels().getByName(panel).collapse()

                # Figures pasted from a spreadsheet (tab-separated, with a header and separators).
                figures = "Ethnicity\tSearches\tPopulation\nBlack\t3,973\t164,174\nWhite\t9,713\t1,904,510\nChinese\t3\t2,000"
                state = calculator(Query=figures, Outcome="searched")
                self.assertEqual(state["comparators"][1:], ["Black", "White", "Chinese"])
                self.assertTrue(state["can_insert"])
                self.assertIn("Black: 24.2 per 1,000; 4.75 times White (95% CI 4.57 to 4.92), unlikely to be chance.",
                              state["results"])
                self.assertIn("White: 5.1 per 1,000 (comparator).", state["results"])
                self.assertIn("very small numbers", state["results"])
                self.assertIn("Black people were 4.75 times as likely as White people to be searched", state["results"])
                # Another comparator and measure change the results at once.
                other = calculator(Comparator="Black", Measure="rate")
                self.assertIn("compared with 24.2 per 1,000 for Black people", other["results"])
                state = calculator(Comparator="", Measure="ratio")
                self.assertIn("times White", state["results"])
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "disproportionality-panel.png"))

                # Insert into document: the table and sentences at the cursor.
                inserted = calculator(Insert=True)
                self.assertTrue(inserted["status"].startswith("Inserted at the cursor"), inserted["status"])
                self.assertEqual([n for n in doc.TextTables.ElementNames if n.startswith("DueRegard_disproportionality")],
                                 ["DueRegard_disproportionality_table1"])
                time.sleep(1.0)
                shot = x.screenshot(os.path.join(SHOTS, "disproportionality-inserted.png"))
                self.assertTrue(not_blank(shot))

                # Figures that cannot be used say which line to fix, and cannot be inserted.
                bad = calculator(Query="Black\t12%\t164174\nWhite\t9713\t1904510")
                self.assertFalse(bad["can_insert"])
                self.assertIn("Line 1: '12%' is a percentage; give the count instead.", bad["results"])
            finally:
                doc.close(True)

    def test_keyboard_alone_reaches_and_operates_the_panels(self):
        """A user without a mouse: F6 reaches the Due Regard deck, Tab goes through every control of
        Readiness, Characteristics and Prompts in the order they are shown, and the keys work them:
        Space checks now, Down in the matrix goes to a characteristic, Down in the prompts selects
        the prompt's text in the document, and Dismiss... takes a reason typed in its dialog."""
        work = tempfile.mkdtemp(prefix="dueregard-keyboard-")
        self.addCleanup(shutil.rmtree, work, True)
        faulthandler.dump_traceback_later(150, exit=True)
        self.addCleanup(faulthandler.cancel_dump_traceback_later)
        sample = shutil.copy(SAMPLE, os.path.join(work, "keyboard.fodt"))
        with Xvfb(window_manager=True) as x, Office(display=x.display) as office:
            misc = office.config("/org.openoffice.Office.Common/Misc", update=True)
            misc.ShowTipOfTheDay = False
            misc.commitChanges()
            doc = office.open(sample, hidden=False)
            try:
                frame = doc.getCurrentController().getFrame()
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
                self.assertTrue(wait_for(lambda: json.loads(office.call("prompts", doc) or "[]")), "prompts are shown")
                x.xdotool("search", "--name", "keyboard.fodt", "windowactivate", "--sync")
                time.sleep(0.5)

                # F6 moves between the window's parts: menu, toolbars, the sidebar's tab bar, the
                # deck's title bar (its first button has the focus: Close in LibreOffice 7.4, Help
                # in 25.x, whose title bar has both), the document.
                title_bar = ("Close Sidebar Deck", "Sidebar Deck Help")
                visited = []
                for _ in range(10):
                    x.xdotool("key", "F6")
                    time.sleep(0.3)
                    visited.append(focused_accessible(office))
                    if (visited[-1] or (0, ""))[1] in title_bar:
                        break
                self.assertIn((focused_accessible(office) or (0, ""))[1], title_bar,
                              f"F6 reaches the deck; it went through {visited}")

                def tab_to(control, limit=20):
                    seen = []
                    for _ in range(limit):
                        x.xdotool("key", "Tab")
                        time.sleep(0.25)
                        now = focused_panel_control(office, doc)
                        if now and (not seen or seen[-1] != now):
                            seen.append(now)
                        if now == control:
                            return seen
                    self.fail(f"Tab did not reach {control}; it went through {seen}")

                order = tab_to("readiness.checkNow")
                self.assertEqual(order, ["readiness.jurisdiction", "readiness.autoCheck", "readiness.checkNow"])
                before = json.loads(office.call("checkState", doc))["generation"]
                x.xdotool("key", "space")
                self.assertTrue(wait_for(lambda: json.loads(office.call("checkState", doc))["generation"] != before),
                                "Space on Check now checks")

                self.assertEqual(tab_to("characteristics.matrix"), ["characteristics.matrix"])
                x.xdotool("key", "Down")
                self.assertTrue(wait_for(lambda: doc.getCurrentController().getSelection().getByIndex(0).getString()),
                                "Down in the matrix goes to where a characteristic is discussed")

                self.assertEqual(tab_to("prompts.prompts"), ["prompts.grouping", "prompts.prompts"])
                report = json.loads(office.call("lastReport", doc))
                first = json.loads(office.call("prompts", doc))[0]
                # The prompt the first row shows, and the text it is about.
                expected = [f["excerpt"] for f in report["findings"] if f["message"][:40] in first]
                self.assertTrue(expected and expected[0], (first, expected))
                # Nothing selected in the document beforehand, so only the prompt can select it.
                doc.getCurrentController().select(doc.getText().getStart())
                x.xdotool("key", "Down")

                def selected():
                    return doc.getCurrentController().getSelection().getByIndex(0).getString() == expected[0]
                self.assertTrue(wait_for(selected), "Down in the prompts selects the prompt's text")
                x.screenshot(os.path.join(SHOTS, "keyboard-prompts.png"))

                # The chosen prompt's buttons are now enabled, and next in the Tab order.
                self.assertEqual(tab_to("prompts.dismiss"), ["prompts.dismiss"])
                open_before = len(report["findings"])
                x.xdotool("key", "Return")
                self.assertTrue(wait_for(lambda: any(n == "Dismiss a prompt" for n, _ in top_windows(
                    office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)))), "the dialog opens")
                time.sleep(0.5)
                x.xdotool("type", "--delay", "20", "Covered by the corporate access policy")
                x.screenshot(os.path.join(SHOTS, "keyboard-dismiss.png"))
                x.xdotool("key", "Tab", "Return")  # to the Dismiss button, and press it

                def dismissed():
                    last = json.loads(office.call("lastReport", doc) or "{}")
                    return last if len(last.get("findings", [])) == open_before - 1 else None
                after = wait_for(dismissed)
                self.assertTrue(after, "the prompt was dismissed")
                props = doc.getDocumentProperties().getUserDefinedProperties()
                self.assertIn("Covered by the corporate access policy", props.getPropertyValue("DueRegardDismissals"))

                # Ctrl+F6 goes back to the document; typing there updates the panels after the
                # pause, reading only the paragraph typed in.
                words = lambda: next(line for line in json.loads(office.call("panelState", doc)) if line.startswith("Words: "))
                words_before = words()
                x.xdotool("key", "ctrl+F6")
                time.sleep(0.3)
                x.xdotool("key", "ctrl+End")
                x.xdotool("type", "--delay", "30", " Three more words")
                self.assertTrue(wait_for(lambda: words() != words_before, timeout=10), "the panel updated after typing")
                state = json.loads(office.call("checkState", doc))
                self.assertFalse(state["read_whole"], state)
                self.assertEqual(state["blocks_read"], 1, state)
                self.assertEqual(int(words().split()[1].replace(",", "")), int(words_before.split()[1].replace(",", "")) + 3)
            finally:
                doc.close(True)

    def test_panels_in_light_and_dark_themes_at_two_widths(self):
        """Readiness, Characteristics and Prompts in the default look, a dark theme (GTK's Adwaita
        dark) and a high-contrast one (GTK's HighContrast), at the sidebar's narrowest width and
        dragged wider: every control inside its panel, none overlapping another, every control
        named for a screen reader, the dark theme really dark and the high-contrast one drawn on
        pure white. Screenshots in build/screenshots/panels-<theme>-<width>.png."""
        work = tempfile.mkdtemp(prefix="dueregard-themes-")
        self.addCleanup(shutil.rmtree, work, True)
        # Should anything here wait for ever, say where before the test's time runs out.
        faulthandler.dump_traceback_later(220, exit=True)
        self.addCleanup(faulthandler.cancel_dump_traceback_later)
        themes = (("light", {}), ("dark", {"SAL_USE_VCLPLUGIN": "gtk3", "GTK_THEME": "Adwaita:dark", "NO_AT_BRIDGE": "1"}),
                  ("contrast", {"SAL_USE_VCLPLUGIN": "gtk3", "GTK_THEME": "HighContrast", "NO_AT_BRIDGE": "1"}))
        for theme, env in themes:
            sample = shutil.copy(SAMPLE, os.path.join(work, theme + ".fodt"))
            with self.subTest(theme=theme), Xvfb() as x, Office(display=x.display, extra_env=env) as office:
                # No "Tip of the Day" dialog over a first start (it would hold up loading).
                misc = office.config("/org.openoffice.Office.Common/Misc", update=True)
                misc.ShowTipOfTheDay = False
                misc.commitChanges()
                print(f"[{theme}]", end=" ", file=sys.stderr, flush=True)
                if theme != "light":
                    # Loaded hidden, then shown: loading into a visible GTK window without a window
                    # manager can wait for ever for the window to be mapped on a busy machine.
                    # A hidden load through the API gets MacroExecutionMode NEVER_EXECUTE (a visible
                    # one does not), and LibreOffice 24.2 and later show a "Macros disabled" info
                    # bar over any document in that mode once its window is shown, macros or not:
                    # ask for what a user's File > Open gets, the macro security settings.
                    doc = office.open(sample, hidden=True, MacroExecutionMode=uno.getConstantByName(
                        "com.sun.star.document.MacroExecMode.USE_CONFIG"))
                    doc.getCurrentController().getFrame().getContainerWindow().setVisible(True)
                else:
                    doc = office.open(sample, hidden=False)
                try:
                    time.sleep(1.0)
                    # No info bar over the sample, which has no macros (XInfobarProvider: 6.4+).
                    controller = doc.getCurrentController()
                    if hasattr(controller, "hasInfobar"):
                        self.assertFalse(controller.hasInfobar("macro"), "a \"Macros disabled\" info bar")
                    # Without a window manager GTK leaves a new window at its smallest: size it.
                    x.xdotool("search", "--name", theme + ".fodt", "windowsize", "1280", "800", "windowmove", "0", "0")
                    frame = doc.getCurrentController().getFrame()
                    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                    # Named panels open the deck too (an unknown name would not).
                    shown = "characteristics" if theme == "light" else "prompts"
                    helper.executeDispatch(frame, "vnd.dueregard:ShowDeck?panel=" + shown, "", 0, ())

                    def layout():
                        # Read twice, a moment apart, so as not to catch the panels half-way
                        # through showing a result.
                        parts = json.loads(office.call("panelLayout", doc) or "{}")
                        time.sleep(0.3)
                        again = json.loads(office.call("panelLayout", doc) or "{}")
                        ready = (parts == again and len(parts) == 3
                                 and parts["readiness"]["controls"][0]["name"].startswith("Readiness:")
                                 and parts["characteristics"]["controls"][0]["name"])
                        return parts if ready else None

                    narrow = wait_for(layout)
                    self.assertTrue(narrow, "the three panels are shown and filled")
                    time.sleep(1.0)
                    shots = {"narrow": x.screenshot(os.path.join(SHOTS, f"panels-{theme}-narrow.png"))}
                    # Drag the sidebar's edge 220 pixels to the left. Its x is found by trying,
                    # from where the panels begin leftwards, until the panels grow.
                    width = narrow["readiness"]["width"]
                    start = (narrow["readiness"]["screen_x"] if narrow["readiness"]["screen_x"] > 0
                             else 1280 - 48 - width)
                    wide = None
                    for edge in range(start - 4, start - 40, -3):
                        x.xdotool("mousemove", str(edge), "400", "mousedown", "1", "sleep", "0.2",
                                  "mousemove", str(edge - 100), "400", "sleep", "0.2",
                                  "mousemove", str(edge - 220), "400", "mouseup", "1")
                        # Any change of width ends the search: the edge was found (and the panels
                        # have moved, so trying further left would press their controls).
                        moved = wait_for(lambda: (lambda p: p if p and p["readiness"]["width"] != width else None)(layout()),
                                         timeout=5)
                        if moved:
                            wide = moved if moved["readiness"]["width"] > width + 100 else None
                            break
                        x.xdotool("key", "Escape")  # whatever a missed drag started
                    self.assertTrue(wide, "the sidebar was dragged wider")
                    time.sleep(1.0)
                    shots["wide"] = x.screenshot(os.path.join(SHOTS, f"panels-{theme}-wide.png"))
                    for size, parts in (("narrow", narrow), ("wide", wide)):
                        for name, part in parts.items():
                            with self.subTest(size=size, panel=name):
                                controls = sorted(part["controls"], key=lambda c: c["y"])
                                for c in controls:
                                    self.assertGreaterEqual(c["x"], 0, c)
                                    self.assertLessEqual(c["x"] + c["width"], part["width"], c)
                                    self.assertGreater(c["height"], 0, c)
                                    # A screen reader names every control; the score bar's value is
                                    # its accessible value, and the line above says the score.
                                    if c["id"] != "scoreBar":
                                        self.assertTrue(c["name"] or c["description"], c)
                                for above, below in zip(controls, controls[1:]):
                                    self.assertLessEqual(above["y"] + above["height"], below["y"], (above, below))
                    for size, shot in shots.items():
                        self.assertTrue(not_blank(shot))
                        # The sidebar's part of the picture: dark in the dark theme, light otherwise.
                        mean = sidebar_gray(shot, "-format", "%[fx:mean]")
                        if theme == "dark":
                            self.assertLess(mean, 0.35, (size, mean))
                        else:
                            self.assertGreater(mean, 0.65, (size, mean))
                        if theme == "contrast":
                            # GTK's HighContrast: the panels are drawn on pure white (the default
                            # look's grey is not), with text dark enough to read on it.
                            white = sidebar_gray(shot, "-fx", "u>0.97?1:0", "-format", "%[fx:mean]")
                            darkest = sidebar_gray(shot, "-format", "%[fx:minima]")
                            self.assertGreater(white, 0.6, (size, white))
                            self.assertLess(darkest, 0.25, (size, darkest))
                finally:
                    doc.close(True)

    def test_a_failure_shows_in_the_panel_and_writer_carries_on(self):
        # DUEREGARD_FAULT=check (a test hook, only in the test package) makes every check inside the office throw.
        with Xvfb() as x, Office(display=x.display, extra_env={"DUEREGARD_FAULT": "check"},
                                 oxt=needs_test_hooks()) as office:
            doc = office.new_writer(hidden=False)
            try:
                doc.Text.setString("Equality impact assessment. Older people may be affected.")
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                helper.executeDispatch(doc.getCurrentController().getFrame(), "vnd.dueregard:ShowDeck", "", 0, ())

                def shown():
                    try:
                        lines = json.loads(office.call("panelState", doc) or "[]")
                    except Exception:
                        return None
                    return next((line for line in lines if line.startswith("Due Regard hit a problem")), None)

                message = wait_for(shown)
                self.assertTrue(message, office.call("panelState", doc))
                self.assertIn("checking the document", message)
                self.assertIn("Your document is unchanged.", message)
                # Typing goes on; the office answers.
                doc.Text.getEnd().setString(" More text.")
                self.assertTrue(doc.Text.getString().endswith("More text."))
                self.assertTrue(office.call("version"))
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "failure-in-panel.png"))
            finally:
                doc.close(True)

    def test_glossary_hover_and_panel(self):
        with Xvfb() as x, Office(display=x.display) as office:
            doc = office.new_writer(hidden=False)
            try:
                doc.Text.setString("Due regard means the decision-maker considers equality before deciding. "
                                   "Indirect discrimination must be justified. Due regard continues after the decision.")
                frame = doc.getCurrentController().getFrame()
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                result = helper.executeDispatch(frame, "vnd.dueregard:MarkGlossary", "", 0, ())
                self.assertEqual(result.State, 1)
                helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
                deck = doc.getCurrentController().getSidebar().getDecks().getByName("DueRegardDeck")
                self.assertTrue(wait_for(lambda: deck.isActive()))
                self.assertIn("DueRegardGlossaryPanel", deck.getPanels().getElementNames())

                def glossary_ready():
                    try:
                        return json.loads(office.call("glossary", doc))
                    except Exception:  # the panel is still being created
                        return None

                self.assertTrue(wait_for(glossary_ready))
                time.sleep(1.0)  # let the deck finish its first layout before folding panels
                for panel in ("DueRegardFactsPanel", "DueRegardInsertPanel"):
                    deck.getPanels().getByName(panel).collapse()
                time.sleep(1.0)

                # The cursor on a term: the Glossary panel shows its definition. (On the second,
                # unmarked "Due regard": a cursor inside an input field can open Writer's
                # "Review Fields" dialog, as clicking one does.)
                cursor = doc.getCurrentController().getViewCursor()
                cursor.gotoEnd(False)
                cursor.goLeft(len("regard continues after the decision."), False)
                state = wait_for(lambda: json.loads(office.call("glossary", doc)).get("term") == "due-regard"
                                 and json.loads(office.call("glossary", doc)))
                self.assertTrue(state, office.call("glossary", doc))
                self.assertTrue(state["details"].startswith("due regard\n"), state["details"])
                self.assertIn("Source: ", state["details"])
                # Searching narrows the list; choosing a row shows that term.
                found = json.loads(office.call("glossary", doc, Query="letter"))
                self.assertIn("letter before claim", found["listed"])
                chosen = json.loads(office.call("glossary", doc, Block=found["listed"].index("letter before claim")))
                self.assertEqual(chosen["term"], "letter-before-claim")
                office.call("glossary", doc, Query="due")
                office.call("glossary", doc)
                time.sleep(1.0)
                x.screenshot(os.path.join(SHOTS, "glossary-panel.png"))

                # Hovering over a marked term shows its definition: find the first line of text
                # on the page in a screenshot, and rest the pointer on its first word.
                before = x.screenshot(os.path.join(SHOTS, "glossary-before-hover.png"))
                # (Inside the page only; a high fuzz keeps the grey field shading and corner marks out.)
                box = subprocess.run(["convert", before, "-crop", "760x400+70+170", "+repage", "-fuzz", "60%",
                                      "-trim", "-format", "%X %Y", "info:"], capture_output=True, text=True, check=True).stdout
                left, top = (int(v) for v in box.replace("+", "").split()[:2])
                changed = 0.0
                toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
                for _ in range(5):  # tooltips wait for the pointer to rest; a busy machine is slower
                    # Writer sometimes opens its "Review Fields" dialog for input fields on its
                    # own in this session (see the README's known issues): close it, and say so.
                    if any(name == "Review Fields" for name, _ in top_windows(toolkit)):
                        print("note: Writer opened 'Review Fields'; closing it", flush=True)
                        close_dialog(toolkit, "Review Fields")
                        time.sleep(0.5)
                    x.xdotool("mousemove", "600", "600")
                    time.sleep(0.5)
                    x.xdotool("mousemove", str(70 + left + 25), str(170 + top + 8))
                    time.sleep(2.0)
                    hover = x.screenshot(os.path.join(SHOTS, "glossary-hover.png"))
                    diff = subprocess.run(["compare", "-metric", "AE", before, hover, "null:"],
                                          capture_output=True, text=True).stderr
                    changed = float(diff.split()[0])
                    if changed > 500:
                        break
                self.assertGreater(changed, 500, f"no tooltip appeared; windows: {[n for n, _ in top_windows(toolkit)]}")
            finally:
                doc.close(True)

    def test_reviewed_document_shows_comments_in_the_margin(self):
        work = tempfile.mkdtemp(prefix="dueregard-gui-review-")
        self.addCleanup(shutil.rmtree, work, True)
        fixture = shutil.copy(os.path.join(SOURCE, "tests", "fixtures", "partial-eia.fodt"), work)
        with Xvfb() as x, Office(display=x.display) as office:
            doc = office.open(fixture, hidden=False)
            try:
                frame = doc.getCurrentController().getFrame()
                helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
                result = helper.executeDispatch(frame, "vnd.dueregard:ReviewAsComments", "", 0, ())
                self.assertEqual(result.State, 1)
                notes = [f for f in doc.TextFields.createEnumeration()
                         if f.supportsService("com.sun.star.text.TextField.Annotation")]
                self.assertTrue(notes)
                result = helper.executeDispatch(frame, "vnd.dueregard:ProposeSections", "", 0, ())
                self.assertEqual(result.State, 1)
                doc.getCurrentController().getViewCursor().gotoStart(False)
                time.sleep(2.0)
                shot = x.screenshot(os.path.join(SHOTS, "reviewed-comments.png"))
                self.assertTrue(not_blank(shot))

                # The Review panel: prompts, our comments, pending changes and what depends on them.
                helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
                deck = doc.getCurrentController().getSidebar().getDecks().getByName("DueRegardDeck")
                self.assertTrue(wait_for(lambda: deck.isActive()))

                def review_state():
                    try:
                        return office.call("reviewState", doc)
                    except Exception:  # still being created
                        return ""

                state = wait_for(lambda: "Tracked changes pending" in review_state() and review_state(), timeout=30)
                self.assertTrue(state, review_state())
                self.assertIn(f"Due Regard comments: {len(notes)} open", state)
                # Rejecting the proposed sections would take their "not yet written" prompts away.
                self.assertIn("Gone if rejected: The section", state)
                # The audit trail kept in the document: both review commands, newest first.
                self.assertRegex(state, r"Audit trail \(\d+ events?, kept in the document\):\n- .*missing sections proposed")
                self.assertIn("prompts added as comments", state)
                time.sleep(1.0)
                for panel in ("DueRegardFactsPanel", "DueRegardCharacteristicsPanel", "DueRegardPromptsPanel",
                              "DueRegardInsertPanel", "DueRegardGlossaryPanel", "DueRegardDisproportionalityPanel"):
                    if deck.getPanels().hasByName(panel):
                        deck.getPanels().getByName(panel).collapse()
                deck.getPanels().getByName("DueRegardReviewPanel").expand(False)
                time.sleep(1.5)
                x.screenshot(os.path.join(SHOTS, "review-panel.png"))
            finally:
                doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
