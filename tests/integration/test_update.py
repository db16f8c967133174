"""Updates through LibreOffice's own update check (issue 23).

The build writes the update feed (build/dueregard.update.xml) beside the package, and the package's
description.xml names the feed. Here the test publishes the built package as version N and a copy
of it as N+1 (the same files, another version number) with their feed on a file:// URL, installs N,
changes a user setting, asks the deployment API that Tools > Extension Manager > Check for Updates
uses whether an update is available, installs what the feed names, and checks that the setting is
as the user left it and that the extension still works. With a department's policy package
installed too and a prompt dismissed in a saved document: after the update the policy's locks and
the dismissal are as before; removing the policy package then removes its locks and keeps the
user's own setting. SharedUpdateTest does the same for a department-wide install (`unopkg add
--shared`, as root): the administrator installs N and the policy shared, a user changes a setting
and saves a dismissal, LibreOffice's update check finds N+1, the administrator installs it shared,
and the user's setting, the policy's locks and the dismissal are as before; removing the shared
policy removes its locks and keeps the user's setting."""

import json
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
from test_shared_install import shared_ids, unopkg
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


def publish(work):
    """Version N of the package to install, and N+1 with its feed on a file:// 'intranet'."""
    old = version_of(oxt_path())
    new = next_version(old)
    server = os.path.join(work, "intranet")
    os.makedirs(server)
    feed = os.path.join(server, "dueregard.update.xml")
    n = os.path.join(work, f"dueregard-{old}.oxt")
    n1 = os.path.join(server, f"dueregard-{new}.oxt")
    republish(oxt_path(), n, old, file_url(feed))
    republish(oxt_path(), n1, new, file_url(feed))
    with open(feed, "w", encoding="utf-8") as f:
        f.write(feed_for(os.path.join(BUILD, "dueregard.update.xml"), new, file_url(n1)))
    return old, new, n, n1, feed


def offered_update(test, office, installed, feed):
    """What the Extension Manager's Check for Updates asks: the feeds the installed package names,
    and the version and download that they offer."""
    urls = installed.getUpdateInformationURLs()
    test.assertEqual(tuple(urls), (file_url(feed),))
    provider = office.smgr.createInstanceWithContext("com.sun.star.deployment.UpdateInformationProvider", office.ctx)
    found = provider.getUpdateInformation(urls, EXTENSION_ID)
    test.assertEqual(len(found), 1)
    offered = found[0]  # the feed's <description>, as the provider's DOM element
    version = offered.getElementsByTagNameNS(UPDATE_NS, "version").item(0).getAttribute("value")
    download = offered.getElementsByTagNameNS(UPDATE_NS, "src").item(0).getAttributeNS(
        "http://www.w3.org/1999/xlink", "href")
    return version, download


def save_a_dismissal(test, office, work):
    """A user dismisses a prompt, with a reason, and saves the document: the saved copy's path."""
    test_commands.OFFICE, test_commands.WORK = office, work
    saved = os.path.join(work, "dismissed.odt")
    doc = office.open(shutil.copy(test_commands.SAMPLE, work))
    try:
        ids = [f["id"] for f in export_report(test, doc, "before.json")["findings"]]
        test.assertTrue(dispatch(doc, f"vnd.dueregard:Dismiss?index={ids.index('boilerplate.mantra')}"
                                      "&reason=Covered%20in%20section%206"))
        doc.storeToURL(file_url(saved), props(FilterName="writer8", Overwrite=True))
    finally:
        doc.close(True)
    return saved


def assert_as_before(test, office, saved):
    """After the update: the updated component runs and reads the document's dismissal as before;
    the user's setting and the policy's lock are as they were (read after Due Regard has run, as
    a user meets them: anything of ours that reads the settings first restores a lost choice)."""
    test_commands.OFFICE = office
    doc = office.open(saved)
    try:
        report = export_report(test, doc, "after.json")
        test.assertEqual(report["jurisdiction"], "wales")  # the locked policy applies
        test.assertEqual([(d["id"], d["reason"]) for d in report["dismissed"]],
                         [("boilerplate.mantra", "Covered in section 6")])
        options = json.loads(office.call("options", doc))["controls"]
        test.assertEqual(options["txtReviewer"]["value"], "Equality Officer")
    finally:
        doc.close(True)
    test.assertEqual(office.config(SETTINGS + "/Review").ReviewerName, "Equality Officer")
    test.assertEqual(office.config(SETTINGS + "/General").DefaultJurisdiction, "wales")
    test.assertTrue(jurisdiction_locked(office))


def change_a_user_setting(office):
    """The user changes a setting as users do: on Tools > Options > Due Regard, then OK."""
    doc = office.new_writer()
    try:
        saved = json.loads(office.call("options", doc, Query=json.dumps({"txtReviewer": "Equality Officer"}), Insert=True))
    finally:
        doc.close(True)
    assert saved["refused"] == [], saved
    assert office.config(SETTINGS + "/Review").ReviewerName == "Equality Officer"


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
        old, new, n, n1, feed = publish(self.work)

        office = Office(oxt=n)
        office.start()
        self.addCleanup(office.stop)
        manager = manager_of(office)
        manager.addExtension(file_url(policy_package(self.work)), (), "user", manager.createAbortChannel(), _Approve())
        office.restart()
        change_a_user_setting(office)
        self.assertEqual(office.config(SETTINGS + "/General").DefaultJurisdiction, "wales")
        self.assertTrue(jurisdiction_locked(office))
        saved = save_a_dismissal(self, office, self.work)

        installed = deployed(office, EXTENSION_ID)
        self.assertEqual(len(installed), 1)
        self.assertEqual(installed[0].getVersion(), old)
        self.assertEqual(offered_update(self, office, installed[0], feed), (new, file_url(n1)))

        manager = manager_of(office)
        manager.addExtension(file_url(n1), (), "user", manager.createAbortChannel(), _Approve())
        office.restart()
        self.assertEqual([e.getVersion() for e in deployed(office, EXTENSION_ID)], [new])
        assert_as_before(self, office, saved)

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


@unittest.skipUnless(os.geteuid() == 0, "a shared install needs root (CI runs as root)")
class SharedUpdateTest(unittest.TestCase):
    """A department's administrator updates a shared install with unopkg, as the guide says."""

    def setUp(self):
        for ident in (EXTENSION_ID, POLICY_ID):
            self.assertNotIn(ident, shared_ids(), f"{ident} was already installed shared; "
                             "refusing to touch a machine's real installation")
        self.work = tempfile.mkdtemp(prefix="dueregard-shared-update-")
        self.addCleanup(shutil.rmtree, self.work, True)

    def tearDown(self):  # whatever happened, the machine's LibreOffice is left as it was
        for ident in (POLICY_ID, EXTENSION_ID):
            if ident in shared_ids():
                unopkg("remove", "--shared", ident)

    def add_shared(self, package):
        added = unopkg("add", "--shared", "-s", package)
        self.assertEqual(added.returncode, 0, added.stdout + added.stderr)

    def shared_version(self, office):
        manager = manager_of(office)
        return [e.getVersion() for e in manager.getDeployedExtensions("shared", manager.createAbortChannel(), _Approve())
                if e.getIdentifier().Value == EXTENSION_ID]

    def test_a_shared_update_keeps_the_users_settings_the_policys_locks_and_the_dismissals(self):
        old, new, n, n1, feed = publish(self.work)
        self.add_shared(n)
        self.add_shared(policy_package(self.work))

        office = Office(install=False)  # the user's own profile: nothing installed in it by us
        office.start()
        self.addCleanup(office.stop)
        self.assertEqual(self.shared_version(office), [old])
        self.assertEqual(deployed(office, EXTENSION_ID), [])  # not in the user's repository
        change_a_user_setting(office)
        self.assertEqual(office.config(SETTINGS + "/General").DefaultJurisdiction, "wales")
        self.assertTrue(jurisdiction_locked(office))
        saved = save_a_dismissal(self, office, self.work)

        manager = manager_of(office)
        installed = [e for e in manager.getDeployedExtensions("shared", manager.createAbortChannel(), _Approve())
                     if e.getIdentifier().Value == EXTENSION_ID]
        self.assertEqual(offered_update(self, office, installed[0], feed), (new, file_url(n1)))

        # The administrator installs the update while the user's LibreOffice is closed.
        office.close_office()
        self.add_shared(n1)
        # The administrator looks at what is installed. Any unopkg or office run removes the old
        # version's files; the user's office then starts without the schema of our settings and
        # LibreOffice drops the user's changes to them: Due Regard writes them back from its copy
        # (extension/app/UserChoices). Without that, the reviewer's name below is the policy's.
        self.assertEqual(shared_ids().count(EXTENSION_ID), 1)  # replaced, not installed twice
        office.resume()
        self.assertEqual(self.shared_version(office), [new])
        assert_as_before(self, office, saved)

        # Removing the shared policy: its locks go, the user's own setting stays.
        office.close_office()
        removed = unopkg("remove", "--shared", POLICY_ID)
        self.assertEqual(removed.returncode, 0, removed.stdout + removed.stderr)
        office.resume()
        self.assertNotIn(POLICY_ID, shared_ids())
        self.assertEqual(office.config(SETTINGS + "/Review").ReviewerName, "Equality Officer")
        self.assertEqual(office.config(SETTINGS + "/General").DefaultJurisdiction, "")
        self.assertFalse(jurisdiction_locked(office))


if __name__ == "__main__":
    unittest.main()
