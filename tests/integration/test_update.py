"""Updates through LibreOffice's own update check (issue 23).

The build writes the update feed (build/dueregard.update.xml) beside the package, and the package's
description.xml names the feed. Here the test publishes the built package as version N and a copy
of it as N+1 (the same files, another version number) with their feed on a file:// URL, installs N,
changes a user setting, asks the deployment API that Tools > Extension Manager > Check for Updates
uses whether an update is available, installs what the feed names, and checks that the setting is
as the user left it and that the extension still works. With a department's policy package
installed too and a prompt dismissed in a saved document: after the update the policy's locks and
the dismissal are as before; removing the policy package then removes its locks and keeps the
user's own setting."""

import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

from office import BUILD, EXTENSION_ID, SOURCE, Office, _Approve, file_url, oxt_path, props
import test_commands
from test_commands import dispatch, export_report

UPDATE_NS = "http://openoffice.org/extensions/update/2006"
DESCRIPTION_NS = "http://openoffice.org/extensions/description/2006"
XLINK = "{http://www.w3.org/1999/xlink}href"
SETTINGS = "/org.dueregard.writer.Settings"
POLICY = os.path.join(SOURCE, "tests", "fixtures", "policy", "policy.json")
POLICY_ID = "org.dueregard.policy.example-council"


def policy_package(work):
    """The test policy's package, made by the command line (or made beforehand on the host, for
    LibreOffice 25.2's root, where the host's command line cannot run)."""
    made = os.environ.get("DUEREGARD_POLICY_OXT")
    if made:
        return made
    package = os.path.join(work, "policy.oxt")
    run = subprocess.run([os.path.join(BUILD, "bin", "dueregard"), "make-policy", POLICY, "--output", package],
                         capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        raise RuntimeError(run.stderr)
    return package


def manager_of(office):
    return office.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")


def deployed(office, identifier):
    manager = manager_of(office)
    return [e for e in manager.getDeployedExtensions("user", manager.createAbortChannel(), _Approve())
            if e.getIdentifier().Value == identifier]


def jurisdiction_locked(office):
    general = office.config(SETTINGS + "/General", update=True)
    try:
        general.setPropertyValue("DefaultJurisdiction", "england")
        general.commitChanges()
    except Exception:  # a finalized value: the configuration refuses it
        return True
    return False


def version_of(oxt):
    with zipfile.ZipFile(oxt) as z:
        root = ET.fromstring(z.read("description.xml"))
    return root.find(f"{{{DESCRIPTION_NS}}}version").get("value")


def next_version(version):
    major, minor, patch = (int(p) for p in version.split("."))
    return f"{major}.{minor}.{patch + 1}"


def republish(source, target, version, feed_url):
    """A copy of the package with another version number and update feed, as a department would
    build it with its own DUEREGARD_UPDATE_FEED_URL."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "description.xml":
                text = data.decode("utf-8")
                text = re.sub(r'(<version value=")[^"]*(")', rf"\g<1>{version}\g<2>", text, count=1)
                text = re.sub(r'(<update-information>\s*<src xlink:href=")[^"]*(")', rf"\g<1>{feed_url}\g<2>", text, count=1)
                data = text.encode("utf-8")
            dst.writestr(item, data)


def feed_for(template, version, download_url):
    """The build's feed with another version and download: what a department publishes."""
    with open(template, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r'(<version value=")[^"]*(")', rf"\g<1>{version}\g<2>", text, count=1)
    return re.sub(r'(<update-download>\s*<src xlink:href=")[^"]*(")', rf"\g<1>{download_url}\g<2>", text, count=1)


class FeedTest(unittest.TestCase):
    def test_the_build_writes_a_feed_that_the_package_names(self):
        feed = os.path.join(BUILD, "dueregard.update.xml")
        root = ET.parse(feed).getroot()
        self.assertEqual(root.tag, f"{{{UPDATE_NS}}}description")
        self.assertEqual(root.find(f"{{{UPDATE_NS}}}identifier").get("value"), EXTENSION_ID)
        self.assertEqual(root.find(f"{{{UPDATE_NS}}}version").get("value"), version_of(oxt_path()))
        download = root.find(f"{{{UPDATE_NS}}}update-download/{{{UPDATE_NS}}}src").get(XLINK)
        self.assertEqual(os.path.basename(download), os.path.basename(oxt_path()))
        with zipfile.ZipFile(oxt_path()) as z:
            description = ET.fromstring(z.read("description.xml"))
        named = description.find(f"{{{DESCRIPTION_NS}}}update-information/{{{DESCRIPTION_NS}}}src").get(XLINK)
        # The feed sits where the package says, and the package beside it.
        self.assertEqual(named.rsplit("/", 1)[0], download.rsplit("/", 1)[0])
        self.assertTrue(named.endswith("/dueregard.update.xml"), named)


class UpdateTest(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="dueregard-update-")
        self.addCleanup(shutil.rmtree, self.work, True)

    def test_libreoffice_finds_the_next_version_in_the_feed_and_the_update_keeps_the_users_settings(self):
        old = version_of(oxt_path())
        new = next_version(old)
        server = os.path.join(self.work, "intranet")
        os.makedirs(server)
        feed = os.path.join(server, "dueregard.update.xml")
        n = os.path.join(self.work, f"dueregard-{old}.oxt")
        n1 = os.path.join(server, f"dueregard-{new}.oxt")
        republish(oxt_path(), n, old, file_url(feed))
        republish(oxt_path(), n1, new, file_url(feed))
        with open(feed, "w", encoding="utf-8") as f:
            f.write(feed_for(os.path.join(BUILD, "dueregard.update.xml"), new, file_url(n1)))

        office = Office(oxt=n)
        office.start()
        self.addCleanup(office.stop)
        manager = manager_of(office)
        manager.addExtension(file_url(policy_package(self.work)), (), "user", manager.createAbortChannel(), _Approve())
        office.restart()
        review = office.config(SETTINGS + "/Review", update=True)
        review.ReviewerName = "Equality Officer"
        review.commitChanges()
        self.assertEqual(office.config(SETTINGS + "/General").DefaultJurisdiction, "wales")
        self.assertTrue(jurisdiction_locked(office))
        test_commands.OFFICE, test_commands.WORK = office, self.work
        saved = os.path.join(self.work, "dismissed.odt")
        doc = office.open(shutil.copy(test_commands.SAMPLE, self.work))
        try:
            ids = [f["id"] for f in export_report(self, doc, "before.json")["findings"]]
            self.assertTrue(dispatch(doc, f"vnd.dueregard:Dismiss?index={ids.index('boilerplate.mantra')}"
                                          "&reason=Covered%20in%20section%206"))
            doc.storeToURL(file_url(saved), props(FilterName="writer8", Overwrite=True))
        finally:
            doc.close(True)

        installed = deployed(office, EXTENSION_ID)
        self.assertEqual(len(installed), 1)
        self.assertEqual(installed[0].getVersion(), old)
        urls = installed[0].getUpdateInformationURLs()
        self.assertEqual(tuple(urls), (file_url(feed),))

        # What the Extension Manager's Check for Updates asks.
        provider = office.smgr.createInstanceWithContext("com.sun.star.deployment.UpdateInformationProvider", office.ctx)
        found = provider.getUpdateInformation(urls, EXTENSION_ID)
        self.assertEqual(len(found), 1)
        offered = found[0]  # the feed's <description>, as the provider's DOM element
        self.assertEqual(offered.getElementsByTagNameNS(UPDATE_NS, "version").item(0).getAttribute("value"), new)
        download = offered.getElementsByTagNameNS(UPDATE_NS, "src").item(0).getAttributeNS(
            "http://www.w3.org/1999/xlink", "href")
        self.assertEqual(download, file_url(n1))

        manager = manager_of(office)
        manager.addExtension(download, (), "user", manager.createAbortChannel(), _Approve())
        office.restart()
        self.assertEqual([e.getVersion() for e in deployed(office, EXTENSION_ID)], [new])
        self.assertEqual(office.config(SETTINGS + "/Review").ReviewerName, "Equality Officer")
        self.assertEqual(office.config(SETTINGS + "/General").DefaultJurisdiction, "wales")
        self.assertTrue(jurisdiction_locked(office))
        doc = office.open(saved)
        try:  # the updated component runs, and reads the document's dismissal as before
            report = export_report(self, doc, "after.json")
            self.assertEqual(report["jurisdiction"], "wales")  # the locked policy applies
            self.assertEqual([(d["id"], d["reason"]) for d in report["dismissed"]],
                             [("boilerplate.mantra", "Covered in section 6")])
        finally:
            doc.close(True)

        # Removing the policy package: its locks go, the user's own setting stays.
        policy = deployed(office, POLICY_ID)
        self.assertEqual(len(policy), 1)
        manager = manager_of(office)
        manager.removeExtension(POLICY_ID, policy[0].getName(), "user", manager.createAbortChannel(), _Approve())
        office.restart()
        self.assertEqual(deployed(office, POLICY_ID), [])
        self.assertEqual(office.config(SETTINGS + "/Review").ReviewerName, "Equality Officer")
        self.assertEqual(office.config(SETTINGS + "/General").DefaultJurisdiction, "")
        self.assertFalse(jurisdiction_locked(office))

if __name__ == "__main__":
    unittest.main()
