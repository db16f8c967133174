"""The engine against the fixture corpus: every document as .odt and .docx through the command
line, compared field by field with the assessment a careful equality officer would make. Prints
the agreement; fails if it drops below the bar or if .odt and .docx disagree."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

import corpus
from office import BUILD, SOURCE, Office, fixture_variants

CLI = os.path.join(BUILD, "bin", "dueregard")
CORPUS = os.path.join(SOURCE, "tests", "fixtures", "corpus")
# The share of fields that must agree. Raise it as the engine improves; never lower it to pass.
MINIMUM_AGREEMENT = 0.98


def flatten(assessment, prefix=""):
    out = {}
    for key, value in assessment.items():
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


class CorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="dueregard-corpus-")
        built = corpus.build(CORPUS, cls.work)
        cls.files = {}
        with Office(install=False) as office:
            for name, fodt in built.items():
                variants = fixture_variants(office, fodt, cls.work)
                cls.files[name] = {"odt": variants["odt"], "docx": variants["docx"]}
        paths = [p for v in cls.files.values() for p in v.values()]
        run = subprocess.run([CLI, "check", "--format", "json", *paths], capture_output=True, text=True,
                             timeout=900, env=dict(os.environ, DUEREGARD_PROFILE=os.path.join(cls.work, "profile")))
        assert run.returncode == 0, run.stderr
        cls.reports = {}
        for line in run.stdout.splitlines():
            report = json.loads(line)
            cls.reports[report["file"]] = report

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_corpus_is_big_enough(self):
        self.assertGreaterEqual(len(self.files), 15)

    def test_odt_and_docx_give_the_same_assessment(self):
        for name, paths in self.files.items():
            with self.subTest(document=name):
                odt, docx = self.reports[paths["odt"]], self.reports[paths["docx"]]
                self.assertEqual(odt["assessment"], docx["assessment"])
                self.assertEqual([f["id"] for f in odt["findings"]], [f["id"] for f in docx["findings"]])

    def test_agreement_with_expected_assessments(self):
        totals = {}
        mismatches = []
        kinds = jurisdictions = 0
        for name, paths in sorted(self.files.items()):
            with open(os.path.join(CORPUS, name + ".expected.json"), encoding="utf-8") as f:
                expected = json.load(f)
            got = self.reports[paths["docx"]]
            kinds += got["kind"] == expected["kind"]
            jurisdictions += got["jurisdiction"] == expected["jurisdiction"]
            want = flatten(expected["assessment"])
            have = flatten(got["assessment"])
            for key, value in want.items():
                field = key.split(".", 2)[-1] if key.startswith("characteristics.") else key
                ok = have.get(key) == value
                agree, count = totals.get(field, (0, 0))
                totals[field] = (agree + ok, count + 1)
                if not ok:
                    mismatches.append(f"{name}: {key} expected {value!r}, got {have.get(key)!r}")
        agreed = sum(a for a, _ in totals.values())
        fields = sum(c for _, c in totals.values())
        print(f"\nCorpus agreement over {len(self.files)} documents: {agreed}/{fields} fields "
              f"({100 * agreed / fields:.1f}%); kind {kinds}/{len(self.files)}, jurisdiction "
              f"{jurisdictions}/{len(self.files)}")
        for field, (agree, count) in sorted(totals.items()):
            print(f"  {field:28s} {agree:3d}/{count:3d}  {100 * agree / count:5.1f}%")
        print("Disagreements:\n  " + "\n  ".join(mismatches))
        self.assertEqual(kinds, len(self.files), "document kind")
        self.assertEqual(jurisdictions, len(self.files), "jurisdiction")
        self.assertGreaterEqual(agreed / fields, MINIMUM_AGREEMENT)


if __name__ == "__main__":
    unittest.main(verbosity=2)
