"""Department-wide install: `unopkg add --shared` of the built .oxt, a fresh profile that shows
the deck, and `unopkg remove --shared` afterwards, leaving the machine's LibreOffice as it was.
Then a department policy built by `dueregard make-policy` from tests/fixtures/policy, installed
shared on top: its locked settings apply and cannot be changed, an unlocked one can, a rule it
switches off is silent, its severities, rules, required section, template and glossary term are
used, and the Options page shows the locked values (screenshot)."""

import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

import uno

from office import BUILD, EXTENSION_ID, SOURCE, Office, file_url, oxt_path, registered_parts, wait_for
from xvfb import Xvfb

UNOPKG = "/usr/lib/libreoffice/program/unopkg"
CLI = os.path.join(BUILD, "bin", "dueregard")
POLICY = os.path.join(SOURCE, "tests", "fixtures", "policy", "policy.json")
POLICY_ID = "org.dueregard.policy.example-council"
SHOTS = os.path.join(BUILD, "screenshots")
SETTINGS = "/org.dueregard.writer.Settings"


def shared_ids():
    out = subprocess.run([UNOPKG, "list", "--shared"], capture_output=True, text=True, timeout=120)
    return out.stdout


def unopkg(*args):
    return subprocess.run([UNOPKG, *args], capture_output=True, text=True, timeout=300)


@unittest.skipUnless(os.geteuid() == 0, "a shared install needs root (CI runs as root)")
class SharedInstallTest(unittest.TestCase):
    def setUp(self):
        for ident in (EXTENSION_ID, POLICY_ID):
            self.assertNotIn(ident, shared_ids(), f"{ident} was already installed shared; "
                             "refusing to touch a machine's real installation")

    def test_shared_install_shows_the_deck_and_removes_cleanly(self):
        add = unopkg("add", "--shared", "-s", oxt_path())
        try:
            self.assertEqual(add.returncode, 0, add.stdout + add.stderr)
            self.assertIn(EXTENSION_ID, shared_ids())
            with Office(install=False) as office:  # a fresh profile with nothing installed by us
                parts = registered_parts(office)
                self.assertEqual(parts, dict.fromkeys(parts, True))
                self.assertIsNotNone(office.service())
                doc = office.new_writer()
                try:
                    self.assertEqual(office.call("version"), os.path.basename(oxt_path())[len("dueregard-"):-4])
                finally:
                    doc.close(True)
        finally:
            remove = unopkg("remove", "--shared", EXTENSION_ID)
        self.assertEqual(remove.returncode, 0, remove.stdout + remove.stderr)
        self.assertNotIn(EXTENSION_ID, shared_ids())
        with Office(install=False) as office:  # and nothing of its configuration is left
            parts = registered_parts(office)
            self.assertEqual(parts, dict.fromkeys(parts, False))

    def test_department_policy(self):
        work = tempfile.mkdtemp(prefix="dueregard-policy-")
        self.addCleanup(shutil.rmtree, work, True)
        package = os.path.join(work, "policy.oxt")
        made = subprocess.run([CLI, "make-policy", POLICY, "--output", package], capture_output=True, text=True, timeout=60)
        self.assertEqual(made.returncode, 0, made.stderr)
        self.assertIn("Locked: organisation, default_jurisdiction, disabled_rules, severity.", made.stdout)
        # A policy with a mistake is refused, naming the field, and writes nothing.
        bad = os.path.join(work, "bad.json")
        with open(POLICY, encoding="utf-8") as f:
            policy = json.load(f)
        policy["settings"]["disabled_rules"] = ["mitigation.vauge"]
        for layer in ("rules", "templates", "glossary", "groups"):
            policy.pop(layer)
        policy["settings"].pop("extra_groups")
        policy["settings"].pop("required_sections")
        with open(bad, "w", encoding="utf-8") as f:
            json.dump(policy, f)
        refused = subprocess.run([CLI, "make-policy", bad, "--output", os.path.join(work, "bad.oxt")],
                                 capture_output=True, text=True, timeout=60)
        self.assertEqual(refused.returncode, 2)
        self.assertIn("/settings/disabled_rules/0: there is no rule 'mitigation.vauge'", refused.stderr)
        self.assertFalse(os.path.exists(os.path.join(work, "bad.oxt")))

        added = [unopkg("add", "--shared", "-s", oxt_path())]
        try:
            added.append(unopkg("add", "--shared", "-s", package))
            for result in added:
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            with Xvfb() as x, Office(install=False, display=x.display) as office:
                self.check_policy_applies(office, x, work)
        finally:
            removed = [unopkg("remove", "--shared", POLICY_ID), unopkg("remove", "--shared", EXTENSION_ID)]
        for result in removed:
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        listed = shared_ids()
        self.assertNotIn(POLICY_ID, listed)
        self.assertNotIn(EXTENSION_ID, listed)

    def check_policy_applies(self, office, x, work):
        general = office.config(SETTINGS + "/General")
        self.assertEqual(general.OrganisationName, "Example Borough Council")
        self.assertEqual(general.DefaultJurisdiction, "wales")
        self.assertTrue(office.config(SETTINGS + "/Department").RulePack.endswith("/policy/rules.json"))
        # Locked values cannot be written by the user; an unlocked one can.
        locked = office.config(SETTINGS + "/General", update=True)
        with self.assertRaises(Exception):
            locked.setPropertyValue("DefaultJurisdiction", "england")
            locked.commitChanges()
        self.assertEqual(office.config(SETTINGS + "/General").DefaultJurisdiction, "wales")
        review = office.config(SETTINGS + "/Review", update=True)
        self.assertEqual(review.ReviewerName, "Equality Team")
        review.setPropertyValue("ReviewerName", "A. Reviewer")
        review.commitChanges()
        self.assertEqual(office.config(SETTINGS + "/Review").ReviewerName, "A. Reviewer")

        doc = office.new_writer(hidden=False)
        try:
            doc.Text.setString("Equality impact assessment: town centre parking. Support will be offered where possible. "
                               "The changes serve the Council Plan.")
            frame = doc.getCurrentController().getFrame()
            helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
            out = os.path.join(work, "report.json")
            self.assertEqual(helper.executeDispatch(frame, "vnd.dueregard:ExportReport?path=" + file_url(out), "", 0, ()).State, 1)
            with open(out, encoding="utf-8") as f:
                report = json.load(f)
            by_id = {f["id"]: f for f in report["findings"]}
            self.assertEqual(report["jurisdiction"], "wales")               # the locked default
            self.assertNotIn("mitigation.vague", by_id)                       # switched off
            self.assertEqual(by_id["monitoring.missing"]["severity"], "error")  # severity changed
            self.assertIn("council.covenant", by_id)                          # the department's own rule
            self.assertIn("Engagement Charter", by_id["engagement.missing"]["basis"])  # its wording
            self.assertEqual(by_id["sections.required-missing"]["insert"], "local-priorities")
            self.assertIn("homelessness", report["assessment"]["characteristics"])  # its own group

            # The Insert sections panel offers the department's section; inserting it answers the prompt.
            helper.executeDispatch(frame, "vnd.dueregard:ShowDeck?panel=insert", "", 0, ())

            def sections():
                try:
                    return json.loads(office.call("insertPanel", doc))
                except Exception:
                    return None

            listed = wait_for(sections)
            self.assertIn("Council Plan priorities", listed)
            # So does Insert > Due Regard Section, filled by the menu controller when opened.
            factory = office.ctx.getValueByName("/singletons/com.sun.star.frame.thePopupMenuControllerFactory")
            menu_controller = factory.createInstanceWithArgumentsAndContext(
                "vnd.dueregard:InsertMenu",
                tuple(uno.createUnoStruct("com.sun.star.beans.PropertyValue", name, 0, value, 0) for name, value in
                      (("ModuleIdentifier", "com.sun.star.text.TextDocument"), ("Frame", frame))),
                office.ctx)
            menu = office.smgr.createInstanceWithContext("com.sun.star.awt.PopupMenu", office.ctx)
            menu_controller.setPopupMenu(menu)
            menu_controller.itemActivated(uno.createUnoStruct("com.sun.star.awt.MenuEvent"))
            commands = [menu.getCommand(menu.getItemId(p)) for p in range(menu.getItemCount()) if menu.getItemId(p)]
            menu_controller.dispose()
            self.assertIn("vnd.dueregard:InsertSection?id=local-priorities&at=cursor", commands)
            self.assertEqual(helper.executeDispatch(frame, "vnd.dueregard:InsertSection?id=local-priorities", "", 0, ()).State, 1)
            self.assertEqual(helper.executeDispatch(frame, "vnd.dueregard:ExportReport?path=" + file_url(out), "", 0, ()).State, 1)
            with open(out, encoding="utf-8") as f:
                self.assertNotIn("sections.required-missing", [f["id"] for f in json.load(f)["findings"]])

            # A setting changed while the document is open applies at its next check, without a restart.
            checking = office.config(SETTINGS + "/Checking", update=True)
            uno.invoke(checking, "setPropertyValue", ("RequiredSections", uno.Any("[]string", ("local-priorities", "engagement"))))
            checking.commitChanges()
            self.assertEqual(helper.executeDispatch(frame, "vnd.dueregard:ExportReport?path=" + file_url(out), "", 0, ()).State, 1)
            with open(out, encoding="utf-8") as f:
                required = [f["insert"] for f in json.load(f)["findings"] if f["id"] == "sections.required-missing"]
            self.assertEqual(required, ["engagement"])

            # The department's glossary term is marked with its definition.
            self.assertEqual(helper.executeDispatch(frame, "vnd.dueregard:MarkGlossary", "", 0, ()).State, 1)
            hints = [field.Hint for field in doc.TextFields.createEnumeration()
                     if field.supportsService("com.sun.star.text.TextField.Input")]
            self.assertTrue(any(h.startswith("Council Plan: Example Borough Council's statement of its priorities") for h in hints), hints)

            # The Options page shows the locked values, disabled, and says who set them; OK leaves them.
            page = json.loads(office.call("options", doc))["controls"]
            self.assertEqual(page["lstJurisdiction"], {"value": 2, "enabled": False})
            self.assertEqual(page["txtDisabledRules"], {"value": "mitigation.vague", "enabled": False})
            self.assertEqual(page["txtReviewer"], {"value": "A. Reviewer", "enabled": True})
            self.assertIn("were set by Example Borough Council and cannot be changed here", page["lblLocked"]["value"])
            saved = json.loads(office.call("options", doc, Query=json.dumps({"txtDisabledRules": "", "txtReviewer": "B. Reviewer"}),
                                           Insert=True))
            self.assertEqual(saved["controls"]["txtReviewer"]["value"], "B. Reviewer")
            self.assertEqual(tuple(office.config(SETTINGS + "/Checking").DisabledRules), ("mitigation.vague",))
            self.assertEqual(office.config(SETTINGS + "/Review").ReviewerName, "B. Reviewer")
            self.screenshot_options_dialog(office, x, frame)

            # The document panel says whose settings apply.
            helper.executeDispatch(frame, "vnd.dueregard:ShowDeck?panel=document", "", 0, ())
            lines = wait_for(lambda: json.loads(office.call("panelState", doc) or "[]"))
            self.assertTrue(any("Example Borough Council's settings" in line for line in lines), lines)
            time.sleep(1.0)
            x.screenshot(os.path.join(SHOTS, "policy-deck.png"))
        finally:
            doc.close(True)


    def screenshot_options_dialog(self, office, x, frame):
        """Tools > Options opened at Due Regard's page, as a user sees it (modal: opened from a
        thread, photographed, then cancelled)."""
        leaf = office.config("/org.openoffice.Office.OptionsDialog/Nodes/org.dueregard.writer.Options/Leaves"
                             ).getByName("org.dueregard.writer.Options.Checking")
        expander = office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        page_url = leaf.OptionsPage
        if page_url.startswith("vnd.sun.star.expand:"):
            from urllib.parse import unquote
            page_url = expander.expandMacros(unquote(page_url[len("vnd.sun.star.expand:"):]))
        helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
        arg = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        arg.Name, arg.Value = "OptionsPageURL", page_url
        opener = threading.Thread(target=lambda: helper.executeDispatch(frame, ".uno:OptionsTreeDialog", "", 0, (arg,)),
                                  daemon=True)
        opener.start()
        toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)

        def options_window():
            for i in range(toolkit.getTopWindowCount()):
                window = toolkit.getTopWindow(i)
                context = window.getAccessibleContext() if window is not None else None
                if context is not None and context.getAccessibleName().startswith("Options"):
                    return window
            return None

        window = wait_for(options_window)
        self.assertIsNotNone(window, "the Options dialog did not open")
        time.sleep(2.0)
        x.screenshot(os.path.join(SHOTS, "options-page.png"))
        window.endExecute()
        opener.join(timeout=20)


if __name__ == "__main__":
    unittest.main(verbosity=2)
