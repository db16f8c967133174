"""Due Regard in a LibreOffice whose own interface is Welsh (issue 24, item 5 and "done when").

LibreOffice's Welsh interface (Debian's libreoffice-l10n-cy) is chosen as a user would, in Tools >
Options > Language Settings (/org.openoffice.Office.Linguistic/General/UILocale), with no setting
of Due Regard's own: the extension follows LibreOffice's language. The test then walks what a user
sees of ours, through the accessibility tree that a screen reader reads: every panel of the deck,
the Insert and Tools menus' Due Regard submenus as LibreOffice's menu bar shows them, the Dismiss
and About dialogs, and Due Regard's page in Tools > Options. No English string of ours may be
among them. "English of ours" is every string of our English resources (l10n/en-GB.json, the
dialogs' en_GB string resources, the English labels in the configuration data, the English section
templates and prompts) that differs from Welsh, and any text that reads as an English sentence.
Screenshots of each (build/screenshots/cy-office-*.png) are for a person to look at.

The document is Welsh (tests/fixtures/welsh), so that what is quoted from it is Welsh too.
"""

import codecs
import glob
import json
import os
import re
import shutil
import tempfile
import threading
import time
import unittest

import corpus
from office import BUILD, SOURCE, Office, wait_for
from xvfb import Xvfb

SHOTS = os.path.join(BUILD, "screenshots")
FIXTURE = os.path.join(SOURCE, "tests", "fixtures", "welsh", "leisure-hours.cy.txt")
PRODUCT = "Due Regard"

# Words that do not occur in Welsh prose but fill any English sentence; two of them in one string
# of ours is English that no resource lists (a sentence still written into the code).
ENGLISH_WORDS = {"the", "and", "of", "for", "with", "not", "this", "that", "from", "by", "your", "you", "what",
                 "which", "how", "where", "when", "each", "every", "only", "than", "has", "have", "are", "was",
                 "will", "can", "does", "its", "there", "their", "choose", "select", "insert", "check", "none"}
# Names that are the same in both languages: the product's, and the case law cited in the glossary.
SAME_IN_BOTH = re.compile(r"Due Regard|\bv\b [A-Z].*?(\[\d{4}\]|$)")


def _properties(path):
    """A dialog string resource: ISO 8859-1 with \\uXXXX escapes."""
    values = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if "=" in line and not line.lstrip().startswith("#"):
                key, value = line.rstrip("\n").split("=", 1)
                values[key.strip()] = codecs.decode(value, "unicode_escape")
    return values


def _xcu_titles(language):
    values = []
    for path in glob.glob(os.path.join(SOURCE, "registry", "data", "**", "*.xcu*"), recursive=True):
        with open(path, encoding="utf-8") as f:
            values += re.findall(r'<value xml:lang="%s">([^<]*)</value>' % re.escape(language), f.read())
    return values


def _strings_in(value):
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings_in(v)


def _json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def our_texts():
    """(English, Welsh): the strings of our resources in each language."""
    en = list(_json(os.path.join(SOURCE, "l10n", "en-GB.json"))["messages"].values())
    cy = list(_json(os.path.join(SOURCE, "l10n", "cy.json"))["messages"].values())
    for english in glob.glob(os.path.join(SOURCE, "dialogs", "*_en_GB.properties")):
        en += _properties(english).values()
        cy += _properties(english.replace("_en_GB.", "_cy.")).values()
    en += _xcu_titles("en-US") + _xcu_titles("en-GB")
    cy += _xcu_titles("cy")
    # The section templates and the prompts, where a Welsh edition exists beside the English.
    for english, welsh in ((os.path.join("rules", "templates", "en-GB.json"), os.path.join("rules", "templates", "cy.json")),
                           (os.path.join("rules", "packs", "core.json"), os.path.join("rules", "packs", "core.cy.json"))):
        if os.path.exists(os.path.join(SOURCE, welsh)):
            en += _strings_in(_json(os.path.join(SOURCE, english)))
            cy += _strings_in(_json(os.path.join(SOURCE, welsh)))
    return en, cy


def english_fragments():
    """Pieces of our English that no Welsh string of ours has: the text between {placeholders} and
    [[template placeholders]], without mnemonics. Single words are kept apart: they count only as a
    whole label (a button, a column, a menu entry), while longer pieces count wherever they occur."""
    en, cy = our_texts()
    welsh = "\n".join(t.replace("~", "") for t in cy)
    phrases, words = set(), set()
    for text in en:
        for piece in re.split(r"\{[^}]*\}|\[\[|\]\]|\||\n", text.replace("~", "")):
            piece = piece.strip(" .,:;()'\"-")
            letters = re.findall(r"[A-Za-z]{2,}", piece)
            if not letters or piece in welsh or SAME_IN_BOTH.fullmatch(piece):
                continue
            if len(letters) >= 2 and " " in piece:
                phrases.add(piece)
            elif len(piece) >= 3 and re.fullmatch(r"[A-Za-z][A-Za-z-]+", piece):
                words.add(piece)
    return phrases, words


def english_in(strings, phrases, words):
    """The strings that show English of ours."""
    found = []
    for text in strings:
        shown = SAME_IN_BOTH.sub("", text.replace("~", "")).strip()
        if not shown:
            continue
        label = shown.strip(" .,:;()'\"-…")
        tokens = {t.lower() for t in re.findall(r"[A-Za-z]+", shown)}
        if (label in words or any(p in shown for p in phrases if len(p) >= 8)
                or len(tokens & ENGLISH_WORDS) >= 2):
            found.append(text)
    return sorted(set(found))


def accessible_texts(context, skip_roles=(), depth=0, out=None):
    """Every name and description in an accessibility tree (a document's own text is skipped)."""
    out = [] if out is None else out
    if context is None or depth > 40:
        return out
    role = context.getAccessibleRole()
    if role in skip_roles:
        return out
    for text in (context.getAccessibleName(), context.getAccessibleDescription()):
        if text:
            out.append(text)
    for i in range(min(context.getAccessibleChildCount(), 400)):
        child = context.getAccessibleChild(i)
        accessible_texts(child.getAccessibleContext() if child is not None else None, skip_roles, depth + 1, out)
    return out


def find_accessible(context, predicate, depth=0, limit=12):
    if context is None or depth > limit:
        return None
    if predicate(context):
        return context
    for i in range(min(context.getAccessibleChildCount(), 400)):
        child = context.getAccessibleChild(i)
        found = find_accessible(child.getAccessibleContext() if child is not None else None, predicate, depth + 1, limit)
        if found is not None:
            return found
    return None


def show_deck(office, doc):
    """Opens Due Regard's deck with every panel expanded, once the document has been checked."""
    frame = doc.getCurrentController().getFrame()
    helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
    helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
    wait_for(lambda: json.loads(office.call("panelState", doc) or "[]"), 30)
    # Each panel expanded by the deck's own command (LibreOffice's sidebar API answers no panels
    # for a while after a deck is shown, and is not safe against the deck's layout).
    for panel in ("readiness", "characteristics", "prompts", "insert", "glossary", "review", "disproportionality"):
        helper.executeDispatch(frame, "vnd.dueregard:ShowDeck?panel=" + panel, "", 0, ())
        time.sleep(0.3)
    wait_for(lambda: json.loads(office.call("matrix", doc) or "[]"), 30)
    time.sleep(1.5)


def window_texts(doc):
    """What the document's window shows but its title, the document's own text, the toolbars
    (LibreOffice's, with font names that no language changes) and the menu bar (the menus have
    their own walk)."""
    from com.sun.star.accessibility.AccessibleRole import DOCUMENT_TEXT, MENU_BAR, TOOL_BAR
    top = doc.getCurrentController().getFrame().getContainerWindow().getAccessibleContext()
    shown = []
    for i in range(top.getAccessibleChildCount()):
        child = top.getAccessibleChild(i)
        accessible_texts(child.getAccessibleContext() if child is not None else None,
                         skip_roles=(DOCUMENT_TEXT, MENU_BAR, TOOL_BAR), out=shown)
    return shown


def submenu_texts(doc, menu_name, ours, x, shot=None):
    """The entries of our submenu `ours` of the menu bar's `menu_name`, opened as a click does."""
    from com.sun.star.accessibility.AccessibleRole import MENU
    top = doc.getCurrentController().getFrame().getContainerWindow().getAccessibleContext()
    menu = find_accessible(top, lambda c: c.getAccessibleRole() == MENU and c.getAccessibleName() == menu_name)
    if menu is None:
        return None
    menu.doAccessibleAction(0)
    sub = wait_for(lambda: find_accessible(menu, lambda c: c.getAccessibleName() == ours, limit=2), 10)
    entries = None
    if sub is not None:
        sub.doAccessibleAction(0)
        entries = wait_for(lambda: [t for t in (sub.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                                                for i in range(sub.getAccessibleChildCount())) if t], 10)
        time.sleep(1.0)
        if shot:
            x.screenshot(shot)
    x.xdotool("key", "Escape", "Escape", "Escape")
    time.sleep(0.5)
    return entries


class WelshOfficeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="dueregard-cy-office-")
        os.makedirs(SHOTS, exist_ok=True)
        with open(FIXTURE, encoding="utf-8") as f:
            lines = [line.rstrip("\n") for line in f]
        cls.fixture_text = "\n".join(lines)
        cls.document = os.path.join(cls.work, "asesiad.fodt")
        with open(cls.document, "w", encoding="utf-8") as f:
            f.write(corpus.to_fodt(lines))
        cls.x = Xvfb().__enter__()
        try:
            cls.office = Office(display=cls.x.display).__enter__()
            # First as installed (English): what the same walk shows there is what must change.
            doc = cls.office.open(cls.document, hidden=False)
            try:
                show_deck(cls.office, doc)
                cls.shown_in_english = set(window_texts(doc))
                for menu, ours in (("Insert", "Due Regard Section"), ("Tools", PRODUCT)):
                    cls.shown_in_english.update(submenu_texts(doc, menu, ours, cls.x) or [])
            finally:
                doc.close(True)
            # Tools > Options > Language Settings > Languages > User interface: Cymraeg.
            general = cls.office.config("/org.openoffice.Office.Linguistic/General", update=True)
            general.UILocale = "cy"
            general.commitChanges()
            cls.office.restart()
        except Exception:
            if getattr(cls, "office", None):
                cls.office.__exit__()
            cls.x.__exit__()
            raise
        cls.phrases, cls.words = english_fragments()

    @classmethod
    def tearDownClass(cls):
        cls.office.__exit__()
        cls.x.__exit__()
        shutil.rmtree(cls.work, True)

    def setUp(self):
        self.toolkit = self.office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", self.office.ctx)
        self.helper = self.office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.office.ctx)

    def open_document(self):
        doc = self.office.open(self.document, hidden=False)
        self.addCleanup(doc.close, True)
        return doc, doc.getCurrentController().getFrame()

    def unchanged_from_english(self, strings):
        """Strings shown alike in the English run: untranslated, unless they are names, figures or
        the document's own words."""
        same = []
        for text in strings:
            shown = SAME_IN_BOTH.sub("", text.replace("~", "")).strip()
            if (text in self.shown_in_english and re.search(r"[a-z]{3}", shown)
                    and shown not in self.fixture_text and text.strip() not in self.fixture_text):
                same.append(text)
        return same

    def assertNoEnglishOfOurs(self, strings, where):
        self.assertTrue(strings, f"nothing of ours was found in {where}")
        self.maxDiff = None
        english = english_in(strings, self.phrases, self.words)
        self.assertEqual(english, [], f"English of ours in {where}")
        self.assertEqual(self.unchanged_from_english(strings), [], f"shown as in English, in {where}")

    def dialog_texts(self, command, frame, shot):
        """Opens a modal dialog of ours (from a thread: it blocks until closed), photographs it, reads
        its accessibility tree and closes it as Cancel does."""
        before = {self.toolkit.getTopWindow(i) for i in range(self.toolkit.getTopWindowCount())}
        worker = threading.Thread(target=lambda: self.helper.executeDispatch(frame, command[0], "", 0, command[1]),
                                  daemon=True)
        worker.start()

        def opened():
            for i in range(self.toolkit.getTopWindowCount()):
                window = self.toolkit.getTopWindow(i)
                if window is not None and window not in before and window.isVisible() and window.getAccessibleContext():
                    return window
            return None

        window = wait_for(opened, 20)
        self.assertIsNotNone(window, f"{command[0]} opened no dialog")
        time.sleep(2.0)  # laid out and painted (the Options dialog builds its tree first)
        self.x.screenshot(os.path.join(SHOTS, shot))
        texts = accessible_texts(window.getAccessibleContext())
        window.endExecute()
        worker.join(timeout=20)
        self.assertFalse(worker.is_alive(), f"{command[0]}'s dialog closed")
        return texts

    def test_welsh_mnemonics_are_distinct_in_each_dialog(self):
        """One key reaches each control: no two Welsh labels of a dialog share a mnemonic."""
        for path in glob.glob(os.path.join(SOURCE, "dialogs", "*_cy.properties")):
            letters = [v[v.index("~") + 1].lower() for v in _properties(path).values() if "~" in v]
            self.assertEqual(len(letters), len(set(letters)), (os.path.basename(path), sorted(letters)))

    def test_libreoffice_itself_is_welsh(self):
        """The premise: LibreOffice's own interface is Welsh here (else the rest proves nothing)."""
        self.assertEqual(self.office.config("/org.openoffice.Setup/L10N").ooLocale, "cy")
        doc, frame = self.open_document()
        top = frame.getContainerWindow().getAccessibleContext()
        from com.sun.star.accessibility.AccessibleRole import MENU
        self.assertIsNotNone(find_accessible(top, lambda c: c.getAccessibleRole() == MENU and c.getAccessibleName() == "Mewnosod"),
                             "LibreOffice's Insert menu is not Welsh: is libreoffice-l10n-cy installed?")

    def test_deck_panels_are_welsh(self):
        doc, frame = self.open_document()
        show_deck(self.office, doc)
        self.assertTrue(any(l.startswith("Parodrwydd: ") for l in json.loads(self.office.call("panelState", doc) or "[]")),
                        self.office.call("panelState", doc))
        self.x.screenshot(os.path.join(SHOTS, "cy-office-deck.png"))
        # LibreOffice's words are Welsh here, so any English in the window is ours.
        shown = window_texts(doc)
        self.assertTrue(any(t.startswith("Parodrwydd: ") for t in shown), shown[:40])
        self.assertTrue(any(t.replace("~", "") == "Gwirio nawr" for t in shown), shown[:80])
        for title in ("Nodweddion gwarchodedig", "Awgrymiadau", "Mewnosod adrannau", "Geirfa", "Adolygu", "Anghymesuredd"):
            self.assertIn(title, shown)  # every panel is open, and walked
        self.assertNoEnglishOfOurs(shown, "the deck")


    def test_menus_are_welsh(self):
        doc, _ = self.open_document()
        found = []
        for menu, ours in (("Mewnosod", "Adran Due Regard"), ("Offer", PRODUCT)):
            entries = submenu_texts(doc, menu, ours, self.x,
                                    os.path.join(SHOTS, f"cy-office-menu-{menu.lower()}.png"))
            self.assertIsNotNone(entries, f"{ours} in {menu}")
            self.assertGreater(len(entries), 3, entries)
            found += [ours] + entries
        self.assertNoEnglishOfOurs(found, "the menus")

    def test_dialogs_and_options_page_are_welsh(self):
        doc, frame = self.open_document()
        self.helper.executeDispatch(frame, "vnd.dueregard:ShowDeck", "", 0, ())
        self.assertTrue(wait_for(lambda: json.loads(self.office.call("prompts", doc) or "[]"), 30))
        dismiss = self.dialog_texts(("vnd.dueregard:Dismiss?index=0", ()), frame, "cy-office-dismiss.png")
        self.assertIn("Diystyru awgrym", dismiss)
        self.assertNoEnglishOfOurs(dismiss, "the Dismiss dialog")
        about = self.dialog_texts(("vnd.dueregard:About", ()), frame, "cy-office-about.png")
        self.assertNoEnglishOfOurs(about, "the About dialog")

        # Tools > Options, opened at Due Regard's page.
        import uno
        leaf = self.office.config("/org.openoffice.Office.OptionsDialog/Nodes/org.dueregard.writer.Options/Leaves"
                                  ).getByName("org.dueregard.writer.Options.Checking")
        page_url = leaf.OptionsPage
        if page_url.startswith("vnd.sun.star.expand:"):
            from urllib.parse import unquote
            expander = self.office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
            page_url = expander.expandMacros(unquote(page_url[len("vnd.sun.star.expand:"):]))
        arg = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        arg.Name, arg.Value = "OptionsPageURL", page_url
        options = self.dialog_texts((".uno:OptionsTreeDialog", (arg,)), frame, "cy-office-options.png")
        page = json.loads(self.office.call("options", doc))["controls"]
        reviewer = page["lblReviewer"]["value"].replace("~", "")
        self.assertEqual(reviewer, "Enw'r adolygydd:")
        self.assertIn(reviewer, [t.replace("~", "") for t in options])  # the page is in the dialog as shown
        self.assertNoEnglishOfOurs(options, "Tools > Options")


if __name__ == "__main__":
    unittest.main(verbosity=2)
