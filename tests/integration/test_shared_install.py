"""Department-wide install: `unopkg add --shared` of the built .oxt, a fresh profile that shows
the deck, and `unopkg remove --shared` afterwards, leaving the machine's LibreOffice as it was."""

import os
import subprocess
import unittest

from office import EXTENSION_ID, Office, oxt_path

UNOPKG = "/usr/lib/libreoffice/program/unopkg"


def shared_ids():
    out = subprocess.run([UNOPKG, "list", "--shared"], capture_output=True, text=True, timeout=120)
    return out.stdout


@unittest.skipUnless(os.geteuid() == 0, "a shared install needs root (CI runs as root)")
class SharedInstallTest(unittest.TestCase):
    def test_shared_install_shows_the_deck_and_removes_cleanly(self):
        self.assertNotIn(EXTENSION_ID, shared_ids(), "the extension was already installed shared; "
                         "refusing to touch a machine's real installation")
        add = subprocess.run([UNOPKG, "add", "--shared", "-s", oxt_path()], capture_output=True, text=True,
                             timeout=300)
        try:
            self.assertEqual(add.returncode, 0, add.stdout + add.stderr)
            self.assertIn(EXTENSION_ID, shared_ids())
            with Office(install=False) as office:  # a fresh profile with nothing installed by us
                decks = office.config("/org.openoffice.Office.UI.Sidebar/Content/DeckList")
                self.assertTrue(decks.hasByName("DueRegardDeck"))
                self.assertIsNotNone(office.service())
                doc = office.new_writer()
                try:
                    self.assertEqual(office.call("version"), os.path.basename(oxt_path())[len("dueregard-"):-4])
                finally:
                    doc.close(True)
        finally:
            remove = subprocess.run([UNOPKG, "remove", "--shared", EXTENSION_ID], capture_output=True,
                                    text=True, timeout=300)
        self.assertEqual(remove.returncode, 0, remove.stdout + remove.stderr)
        self.assertNotIn(EXTENSION_ID, shared_ids())


if __name__ == "__main__":
    unittest.main(verbosity=2)
