"""build/bin/dueregard: its flags, exit codes and JSON keys are contracts with users' pipelines."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from office import BUILD, SOURCE, Office, needs_test_hooks, props, write_fodt

CLI = os.path.join(BUILD, "bin", "dueregard")
FIXTURE = os.path.join(SOURCE, "tests", "fixtures", "structure.fodt")
WORK = None
PROFILE = None
BAD = {}
OTHER = {}
PDF = {}
TEMPLATES = {}
# LibreOffice's own error text, which a report must never show a person.
INTERNAL = ("SfxBaseModel", "handleLoadError", ".cxx", "0x")


def run(*args, timeout=300, locale="C.UTF-8"):
    """The command line in a locale (its messages follow it; English unless the test says)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout,
                          env=dict(env, DUEREGARD_PROFILE=PROFILE, LANG=locale))


def setUpModule():
    global WORK, PROFILE
    WORK = tempfile.mkdtemp(prefix="dueregard-cli-")
    PROFILE = os.path.join(WORK, "profile")
    # Bad inputs, written here: a spreadsheet, a .docx that is not a zip, an empty file and a
    # password-protected document.
    with Office(install=False) as office:
        calc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        BAD["spreadsheet"] = os.path.join(WORK, "numbers.ods")
        calc.storeToURL("file://" + BAD["spreadsheet"], props(FilterName="calc8"))
        calc.close(True)
        doc = office.open(FIXTURE, read_only=True)
        BAD["password"] = os.path.join(WORK, "locked.odt")
        doc.storeToURL("file://" + BAD["password"], props(FilterName="writer8", Password="secret"))
        BAD["password-doc"] = os.path.join(WORK, "locked.doc")
        doc.storeToURL("file://" + BAD["password-doc"], props(FilterName="MS Word 97", Password="secret"))
        doc.close(True)
        # Templates and macro-enabled Word files (councils' forms are often templates).
        for ext, filter_name in (("ott", "writer8_template"), ("dotx", "MS Word 2007 XML Template"),
                                 ("docm", "MS Word 2007 XML VBA"), ("dot", "MS Word 97 Vorlage")):
            TEMPLATES[ext] = office.convert(FIXTURE, os.path.join(WORK, "form." + ext), filter_name)
        # The other formats the command line reads, written by the office from the fixture.
        for ext, filter_name in (("doc", "MS Word 97"), ("rtf", "Rich Text Format"), ("txt", "Text"),
                                 ("html", "HTML (StarWriter)")):
            OTHER[ext] = office.convert(FIXTURE, os.path.join(WORK, "structure." + ext), filter_name)
        # PDFs: one with a text layer, and one without any text (as a scan has none).
        PDF["text"] = office.convert(os.path.join(SOURCE, "tests", "fixtures", "partial-eia.fodt"),
                                      os.path.join(WORK, "partial.pdf"), "writer_pdf_Export")
        blank = office.new_writer()
        PDF["scanned"] = os.path.join(WORK, "scanned.pdf")
        blank.storeToURL("file://" + PDF["scanned"], props(FilterName="writer_pdf_Export"))
        blank.close(True)
    # LibreOffice writes no .dotm: a .docm whose main part is declared a macro-enabled template is one.
    TEMPLATES["dotm"] = os.path.join(WORK, "form.dotm")
    with zipfile.ZipFile(TEMPLATES["docm"]) as docm, zipfile.ZipFile(TEMPLATES["dotm"], "w", zipfile.ZIP_DEFLATED) as dotm:
        for item in docm.infolist():
            data = docm.read(item.filename)
            if item.filename == "[Content_Types].xml":
                document_type = b"application/vnd.ms-word.document.macroEnabled.main+xml"
                assert document_type in data, data
                data = data.replace(document_type, b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
            dotm.writestr(item, data)
    PDF["damaged"] = os.path.join(WORK, "damaged.pdf")
    with open(PDF["damaged"], "wb") as f:
        f.write(b"%PDF-1.7 not really a pdf " * 10)
    BAD["corrupt"] = os.path.join(WORK, "corrupt.docx")
    with open(BAD["corrupt"], "wb") as f:
        f.write(b"PK\x03\x04 this is not really a zip archive \x00\x01\x02" * 20)
    BAD["empty"] = os.path.join(WORK, "empty.docx")
    open(BAD["empty"], "wb").close()


def tearDownModule():
    shutil.rmtree(WORK, ignore_errors=True)


class CliContractTest(unittest.TestCase):
    def test_version(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^dueregard \d+\.\d+\.\d+\n$")

    def test_help_mentions_every_option(self):
        r = run("check", "--help")
        self.assertEqual(r.returncode, 0)
        for option in ("--format", "--jurisdiction", "--language", "--timings", "--profile", "--out", "--fail-on", "--min-score",
                       "--policy", "make-policy", "--output", "--jobs", "--timeout"):
            self.assertIn(option, r.stdout)
        self.assertIn("not legal advice", r.stdout)

    def test_usage_errors_exit_2_with_a_message(self):
        for args in (["check"], ["check", "--format", "xml", FIXTURE], ["frobnicate"],
                     ["check", "--jurisdiction", "france", FIXTURE], ["check", "--bogus", FIXTURE], [],
                     ["check", "--jobs", "0", FIXTURE], ["check", "--jobs", "many", FIXTURE],
                     ["check", "--timeout", "0", FIXTURE], ["check", "--timeout", FIXTURE],
                     ["check", "--language", "fr", FIXTURE], ["check", "--language", FIXTURE]):
            with self.subTest(args=args):
                r = run(*args)
                self.assertEqual(r.returncode, 2)
                self.assertIn("dueregard:", r.stderr)

    def test_messages_follow_the_locale_or_language_and_reports_follow_language_alone(self):
        # Help and usage errors in a Welsh locale are Welsh, with the disclaimer.
        r = run("--help", locale="cy_GB.UTF-8")
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout.startswith("Defnydd: dueregard check"), r.stdout[:80])
        self.assertIn("nid cyngor cyfreithiol", r.stdout)
        self.assertNotIn("Usage:", r.stdout)
        r = run("check", "--bogus", FIXTURE, locale="cy_GB.UTF-8")
        self.assertEqual(r.returncode, 2)
        self.assertIn("dewis anhysbys '--bogus'", r.stderr)
        # --language wins over the locale, both ways.
        r = run("check", "--language", "cy", "--bogus", FIXTURE)
        self.assertIn("dewis anhysbys '--bogus'", r.stderr)
        r = run("check", "--language", "en-GB", "--bogus", FIXTURE, locale="cy_GB.UTF-8")
        self.assertIn("unknown option '--bogus'", r.stderr)
        self.assertIn("Usage: dueregard check", r.stderr)
        # A file that cannot be read is named in the run's language, in the report too; the
        # report's prompts stay en-GB without --language, whatever the locale.
        missing = os.path.join(WORK, "missing-here.odt")
        for locale, words in (("cy_GB.UTF-8", "nid oes ffeil o'r fath"), ("en_GB.UTF-8", "no such file")):
            with self.subTest(locale=locale):
                r = run("check", "--format", "json", missing, FIXTURE, locale=locale)
                self.assertEqual(r.returncode, 2, r.stderr)
                reports = [json.loads(line) for line in r.stdout.splitlines()]
                self.assertEqual(reports[0]["error"], words)
                self.assertIn(words, r.stderr)
                self.assertEqual(reports[1]["language"], "en-GB")

    def test_rules_test_runs_a_layers_examples_and_names_each_that_fails(self):
        rule = {"id": "dept.consultation-outcome", "kind": "terms_without_companion", "severity": "advice",
                "area": "engagement", "message": "A consultation is mentioned without what changed because of it.",
                "questions": ["What did people tell you, and what did you change?"], "basis": "Example Council guidance",
                "terms": ["consultation"], "companions": ["you said", "as a result"],
                "examples": {"bad": [["# EIA", "A consultation ran for six weeks."]],
                             "good": [["# EIA", "After the consultation, as a result, the hours changed."]]}}
        off = {"id": "aims.boilerplate-only", "enabled": False}
        with tempfile.TemporaryDirectory() as folder:
            layer = os.path.join(folder, "rules.json")
            with open(layer, "w", encoding="utf-8") as f:
                json.dump({"rules": [rule, off]}, f)
            r = run("rules", "test", layer)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertIn("2 examples passed, 0 failed.", r.stdout)
            self.assertIn("aims.boilerplate-only: switched off", r.stdout)
            # A good example on which the rule fires: named, with what it raised, and exit 1.
            rule["examples"]["good"].append(["# EIA", "The consultation closed in May."])
            with open(layer, "w", encoding="utf-8") as f:
                json.dump({"rules": [rule]}, f)
            r = run("rules", "test", layer)
            self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
            self.assertIn("FAIL dept.consultation-outcome: good example 2 should not raise this prompt but did", r.stdout)
            self.assertIn("2 examples passed, 1 failed.", r.stdout)
            # A layer that cannot be loaded: the file, the place and the reason, and exit 2.
            with open(layer, "w", encoding="utf-8") as f:
                json.dump({"rules": [dict(rule, kind="places")]}, f)
            r = run("rules", "test", layer)
            self.assertEqual(r.returncode, 2)
            self.assertIn("rules.json: /rules/0", r.stderr)
            self.assertEqual(run("rules", "frobnicate").returncode, 2)

    def test_policy_checks_as_the_department_would(self):
        policy = os.path.join(SOURCE, "tests", "fixtures", "policy", "policy.json")
        doc = os.path.join(WORK, "parking.txt")
        with open(doc, "w", encoding="utf-8") as f:
            f.write("Equality impact assessment: town centre parking\n\nSupport will be offered where possible.\n")
        plain = json.loads(run("check", "--format", "json", doc).stdout)
        with_policy = json.loads(run("check", "--format", "json", "--policy", policy, doc).stdout)
        ids = lambda r: {f["id"]: f for f in r["findings"]}
        self.assertIn("mitigation.vague", ids(plain))
        self.assertNotIn("mitigation.vague", ids(with_policy))          # switched off
        self.assertEqual(with_policy["jurisdiction"], "wales")          # its jurisdiction
        self.assertEqual(ids(with_policy)["monitoring.missing"]["severity"], "error")
        self.assertIn("council.covenant", ids(with_policy))             # its own rule
        self.assertEqual(ids(with_policy)["sections.required-missing"]["insert"], "local-priorities")
        self.assertIn("homelessness", with_policy["assessment"]["characteristics"])   # its own group
        self.assertNotIn("homelessness", plain["assessment"]["characteristics"])
        # --jurisdiction still wins; a policy with a mistake is a usage error naming the field.
        self.assertEqual(json.loads(run("check", "--format", "json", "--policy", policy, "--jurisdiction", "scotland",
                                        doc).stdout)["jurisdiction"], "scotland")
        bad = os.path.join(WORK, "bad-policy.json")
        with open(bad, "w", encoding="utf-8") as f:
            json.dump({"id": "bad", "organisation": "Org", "version": "1", "settings": {"severity": {"no.rule": "error"}}}, f)
        r = run("check", "--policy", bad, doc)
        self.assertEqual(r.returncode, 2)
        self.assertIn("/settings/severity/no.rule: there is no rule 'no.rule'", r.stderr)

    def test_json_report_for_a_good_file(self):
        r = run("check", "--format", "json", "--timings", FIXTURE)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.strip().splitlines()
        self.assertEqual(len(lines), 1)
        report = json.loads(lines[0])
        self.assertEqual(report["file"], FIXTURE)
        self.assertEqual(report["facts"]["headings"], 2)
        self.assertEqual(report["facts"]["tables"], 1)
        self.assertEqual(report["facts"]["paragraphs"], 8)
        self.assertEqual(set(report["timings"]), {"load_ms", "extract_ms", "check_ms"})
        self.assertNotIn("error", report)

    def test_language_cy_words_the_prompts_in_welsh_and_en_gb_is_unchanged(self):
        partial = os.path.join(SOURCE, "tests", "fixtures", "partial-eia.fodt")
        reports = {}
        for args in ([], ["--language", "en-GB"], ["--language", "cy"]):
            r = run("check", "--format", "json", *args, partial)
            self.assertEqual(r.returncode, 0, r.stderr)
            reports[" ".join(args)] = json.loads(r.stdout.strip().splitlines()[0])
        default, english, welsh = reports[""], reports["--language en-GB"], reports["--language cy"]
        self.assertEqual(default["language"], "en-GB")
        self.assertEqual(welsh["language"], "cy")
        # en-GB, asked for or not, is the same report; Welsh differs only in the prompts' words.
        self.assertEqual(default["findings"], english["findings"])
        self.assertEqual(default["score"], welsh["score"])
        # The same reading; only the sections' titles are worded in the report's language.
        def untitled(assessment):
            return dict(assessment, sections=[{k: v for k, v in s.items() if k != "title"} for s in assessment["sections"]])

        self.assertEqual(untitled(default["assessment"]), untitled(welsh["assessment"]))
        titles = {s["id"]: s["title"] for s in welsh["assessment"]["sections"]}
        self.assertEqual(titles.get("proposal"), "Y cynnig", titles)
        self.assertEqual(default["assessment"], english["assessment"])
        self.assertEqual([f["id"] for f in default["findings"]], [f["id"] for f in welsh["findings"]])
        self.assertTrue(welsh["findings"])
        for en, cy in zip(default["findings"], welsh["findings"]):
            self.assertNotEqual(en["message"], cy["message"], en["id"])
            self.assertNotEqual(en["basis"], cy["basis"], en["id"])
            self.assertNotIn("{", cy["message"])
        welsh_words = " ".join(f["message"] for f in welsh["findings"])
        self.assertRegex(welsh_words, r"\b(Nid|Mae|yw|yr|y)\b")
        # The text report says which language was used.
        r = run("check", "--language", "cy", partial)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Iaith yr awgrymiadau: Cymraeg (cy)", r.stdout)
        self.assertNotIn("Prompts written in", r.stdout)
        self.assertIn(welsh["findings"][0]["message"], r.stdout)
        # The batch page is Welsh around Welsh prompts, and the CSV's fields stay as pipelines read them.
        with tempfile.TemporaryDirectory() as out:
            r = run("check", "--language", "cy", "--out", out, partial)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
                html = f.read()
            self.assertIn('<html lang="cy">', html)
            self.assertNotIn("Equality assessments compared", html)
            self.assertNotIn("not legal advice", html)
            with open(os.path.join(out, "summary.csv"), encoding="utf-8") as f:
                header = f.readline()
            self.assertTrue(header.startswith("file,"), header)

    def test_bad_files_are_reported_and_the_rest_still_checked(self):
        files = [BAD["spreadsheet"], FIXTURE, BAD["corrupt"], BAD["empty"], BAD["password"], BAD["password-doc"],
                 os.path.join(WORK, "missing.odt"), FIXTURE]
        r = run("check", "--format", "json", *files)
        self.assertEqual(r.returncode, 2)
        reports = [json.loads(line) for line in r.stdout.strip().splitlines()]
        self.assertEqual([x["file"] for x in reports], files)
        by_name = {os.path.basename(x["file"]): x for x in reports}
        self.assertIn("not a text document", by_name["numbers.ods"]["error"])
        self.assertIn("empty", by_name["empty.docx"]["error"])
        self.assertIn("error", by_name["corrupt.docx"])
        for locked in ("locked.odt", "locked.doc"):
            self.assertIn("password-protected", by_name[locked]["error"], locked)
        self.assertIn("no such file", by_name["missing.odt"]["error"])
        for x in reports:
            for internal in INTERNAL:
                self.assertNotIn(internal, x.get("error", ""), x["file"])
        good = [x for x in reports if x["file"] == FIXTURE]
        self.assertEqual(len(good), 2)
        for x in good:
            self.assertNotIn("error", x)
            self.assertEqual(x["facts"]["headings"], 2)
        # Every failure is also explained on standard error, one line per file.
        self.assertEqual(r.stderr.count("dueregard:"), 6)
        for internal in INTERNAL:
            self.assertNotIn(internal, r.stderr)

    def test_out_folder_has_reports_summary_and_escaped_html(self):
        partial = os.path.join(SOURCE, "tests", "fixtures", "partial-eia.fodt")
        hostile = os.path.join(WORK, "hostile.txt")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write("Equality impact assessment\n<script>alert('pwned')</script> affects older people, "
                    "=HYPERLINK(\"http://example.invalid\") and \"quoted, text\".\n")
        out = os.path.join(WORK, "audit")
        r = run("check", "--format", "json", "--out", out, partial, hostile, BAD["corrupt"], FIXTURE)
        self.assertEqual(r.returncode, 2, r.stderr)  # the corrupt file
        names = sorted(os.listdir(out))
        self.assertEqual(names, ["001-partial-eia.json", "002-hostile.json", "003-corrupt.json", "004-structure.json",
                                 "report.html", "summary.csv"])
        with open(os.path.join(out, "002-hostile.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["file"], hostile)
        import csv
        with open(os.path.join(out, "summary.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([row["file"] for row in rows], [partial, hostile, BAD["corrupt"], FIXTURE])
        self.assertEqual(rows[2]["status"], "not checked")
        self.assertTrue(rows[2]["error"])
        self.assertEqual(rows[0]["status"], "checked")
        self.assertIn(rows[0]["age"], ("evidenced", "considered"))
        self.assertEqual(rows[0]["disability"], "missing")
        with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
            html = f.read()
        self.assertNotIn("<script>alert", html)
        self.assertIn("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", html)
        self.assertIn('<table id="heatmap">', html)
        self.assertIn("not legal advice", html)
        self.assertEqual(html.count("<script>"), 1)  # only the sorting script
        # In a real browser: the page renders, the heatmap is there, no injected script exists.
        shots = os.path.join(BUILD, "screenshots")
        os.makedirs(shots, exist_ok=True)
        page = "file://" + os.path.join(out, "report.html")
        browser = ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   "--window-size=1280,900"]
        dom = subprocess.run(browser + ["--dump-dom", page], capture_output=True, text=True, timeout=120).stdout
        self.assertIn('id="heatmap"', dom)
        self.assertEqual(dom.count("<script>"), 1)
        shot = os.path.join(shots, "batch-report.png")
        subprocess.run(browser + ["--screenshot=" + shot, page], capture_output=True, timeout=120, check=True)
        spread = subprocess.run(["convert", shot, "-format", "%[fx:standard_deviation]", "info:"],
                                capture_output=True, text=True, check=True).stdout
        self.assertGreater(float(spread), 0.05)

    def test_thresholds_set_the_exit_code(self):
        partial = os.path.join(SOURCE, "tests", "fixtures", "partial-eia.fodt")
        score = json.loads(run("check", "--format", "json", partial).stdout)["score"]
        self.assertEqual(run("check", "--min-score", str(score), partial).returncode, 0)
        self.assertEqual(run("check", "--min-score", str(score + 1), partial).returncode, 1)
        self.assertEqual(run("check", "--fail-on", "error", partial).returncode, 1)  # it has errors
        for args in (["--min-score", "101"], ["--min-score", "-3"], ["--fail-on", "advice"]):
            with self.subTest(args=args):
                self.assertEqual(run("check", *args, partial).returncode, 2)

    def test_pdf_text_is_checked_and_scans_are_reported(self):
        r = run("check", "--format", "json", PDF["text"], PDF["scanned"], PDF["damaged"])
        self.assertEqual(r.returncode, 2, r.stderr)
        reports = {os.path.basename(x["file"]): x for x in map(json.loads, r.stdout.strip().splitlines())}
        good = reports["partial.pdf"]
        self.assertNotIn("error", good)
        self.assertEqual(good["kind"], "eia")
        self.assertTrue(good["assessment"]["characteristics"]["age"]["addressed"])
        self.assertIn("engagement.missing", [f["id"] for f in good["findings"]])
        self.assertIn("no text layer", reports["scanned.pdf"]["error"])
        self.assertIn("not a readable PDF", reports["damaged.pdf"]["error"])

    def test_progress_on_a_terminal_only(self):
        import pty
        master, slave = pty.openpty()
        process = subprocess.Popen([CLI, "check", FIXTURE, FIXTURE, FIXTURE], stdout=subprocess.DEVNULL, stderr=slave,
                                   env=dict(os.environ, DUEREGARD_PROFILE=PROFILE))
        os.close(slave)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed: the program has finished
                break
            if not chunk:
                break
            shown += chunk
        os.close(master)
        self.assertEqual(process.wait(timeout=300), 0)
        text = shown.decode("utf-8", "replace")
        self.assertIn("[" + "." * 24 + "] 0 of 3", text)
        self.assertRegex(text, r"\[#{16}\.{8}\] 2 of 3  [0-9.]+ files/s  about [0-9]+ s left")
        # In a pipeline (standard error not a terminal) there is no progress line.
        r = run("check", FIXTURE, FIXTURE)
        self.assertEqual(r.returncode, 0)
        self.assertNotIn(" of 2", r.stderr)

    def test_workers_share_a_batch_and_report_it_in_order(self):
        files = [FIXTURE, os.path.join(SOURCE, "tests", "fixtures", "partial-eia.fodt"), OTHER["rtf"], FIXTURE,
                 PDF["text"], OTHER["doc"]]
        one = run("check", "--format", "json", "--jobs", "1", *files)
        two = run("check", "--format", "json", "--jobs", "2", *files)
        self.assertEqual(one.returncode, 0, one.stderr)
        self.assertEqual(two.returncode, 0, two.stderr)
        # The same reports, in the order given, whichever worker read each file.
        self.assertEqual(one.stdout, two.stdout)
        self.assertEqual([json.loads(line)["file"] for line in two.stdout.splitlines()], files)
        # The second worker has its own profile beside the first, copied from it.
        self.assertTrue(os.path.isdir(PROFILE + "-worker2"))

    def test_a_file_that_hangs_or_crashes_the_office_is_stopped_and_the_batch_goes_on(self):
        # DUEREGARD_FAULT (a test hook) is only in the test package: the command line installs that.
        test_hooks = needs_test_hooks()
        folder = os.path.join(WORK, "troubled")
        os.makedirs(folder, exist_ok=True)
        partial = os.path.join(SOURCE, "tests", "fixtures", "partial-eia.fodt")
        hang = shutil.copy(partial, os.path.join(folder, "01-hang-me.fodt"))
        crash = shutil.copy(partial, os.path.join(folder, "02-crash-me.fodt"))
        # A huge document (600 pages) and a picture posing as a document, beside the bad files.
        huge = os.path.join(folder, "03-huge.fodt")
        paragraph = ("<text:p>Older residents may find the new booking system harder to use; we will offer "
                     "telephone booking and review uptake every quarter.</text:p>")
        write_fodt(huge, '<text:h text:outline-level="1">Equality impact assessment</text:h>' + paragraph * 6000)
        picture = os.path.join(folder, "04-picture.docx")
        subprocess.run(["convert", "-size", "64x64", "xc:red", "png:" + picture], check=True)
        good = shutil.copy(partial, os.path.join(folder, "05-good.fodt"))
        files = [hang, BAD["corrupt"], crash, huge, BAD["password"], picture, BAD["empty"], BAD["spreadsheet"], good]
        for fault in ("hang-on:hang-me", "crash-on:crash-me"):
            with self.subTest(fault=fault):
                r = subprocess.run([CLI, "check", "--format", "json", "--jobs", "2", "--timeout", "8",
                                    "--fail-on", "error", *files],
                                   capture_output=True, text=True, timeout=300,
                                   env=dict(os.environ, DUEREGARD_PROFILE=PROFILE, DUEREGARD_FAULT=fault,
                                            DUEREGARD_OXT=test_hooks))
                self.assertEqual(r.returncode, 2, r.stderr)  # files could not be read: 2 outranks --fail-on
                reports = {os.path.basename(x["file"]): x
                           for x in map(json.loads, r.stdout.splitlines())}
                self.assertEqual(len(reports), len(files))
                if fault.startswith("hang"):
                    self.assertIn("stopped after 8 seconds", reports["01-hang-me.fodt"]["error"])
                    self.assertNotIn("error", reports["02-crash-me.fodt"])
                else:
                    self.assertIn("LibreOffice stopped while reading it", reports["02-crash-me.fodt"]["error"])
                    self.assertNotIn("error", reports["01-hang-me.fodt"])
                for name in ("corrupt.docx", "locked.odt", "04-picture.docx", "empty.docx", "numbers.ods"):
                    self.assertTrue(reports[name]["error"], name)
                self.assertEqual(reports["03-huge.fodt"]["facts"]["paragraphs"], 6001)
                self.assertIn("age", reports["05-good.fodt"]["assessment"]["characteristics"])
                self.assertNotIn("error", reports["05-good.fodt"])
                self.assertEqual(r.stderr.count("dueregard:"), 6, r.stderr)
                # No office of this run is left behind, not even the one that was stopped.
                left = subprocess.run(["pgrep", "-f", "UserInstallation=file://" + PROFILE], capture_output=True, text=True)
                self.assertEqual(left.stdout, "")

    def test_folders_and_globs_expand_to_documents(self):
        folder = os.path.join(WORK, "batch")
        os.makedirs(os.path.join(folder, "sub"), exist_ok=True)
        shutil.copy(FIXTURE, os.path.join(folder, "a.fodt"))
        shutil.copy(FIXTURE, os.path.join(folder, "sub", "b.fodt"))
        with open(os.path.join(folder, "notes.md"), "w") as f:
            f.write("not a document")
        r = run("check", "--format", "json", folder, os.path.join(folder, "sub", "*.fodt"))
        self.assertEqual(r.returncode, 0, r.stderr)
        files = [json.loads(line)["file"] for line in r.stdout.strip().splitlines()]
        self.assertEqual(files, [os.path.join(folder, "a.fodt"), os.path.join(folder, "sub", "b.fodt"),
                                 os.path.join(folder, "sub", "b.fodt")])

    def test_templates_and_macro_enabled_documents_are_read(self):
        r = run("check", "--format", "json", *TEMPLATES.values())
        self.assertEqual(r.returncode, 0, r.stderr)
        reports = [json.loads(line) for line in r.stdout.strip().splitlines()]
        self.assertEqual([x["file"] for x in reports], list(TEMPLATES.values()))
        for report in reports:
            with self.subTest(file=report["file"]):
                self.assertNotIn("error", report)
                self.assertEqual(report["facts"]["headings"], 2)
                self.assertEqual(report["kind"], "eia")

    def test_a_folder_checks_every_document_and_names_each_file_skipped(self):
        folder = os.path.join(WORK, "forms")
        os.makedirs(folder, exist_ok=True)
        for path in TEMPLATES.values():
            shutil.copy(path, folder)
        shutil.copy(BAD["spreadsheet"], folder)
        with open(os.path.join(folder, "notes.md"), "w") as f:
            f.write("not a document")
        with open(os.path.join(folder, ".~lock.form.ott#"), "w") as f:
            f.write("a lock file")
        r = run("check", "--format", "json", folder)
        self.assertEqual(r.returncode, 0, r.stderr)
        checked = sorted(os.path.basename(json.loads(line)["file"]) for line in r.stdout.strip().splitlines())
        self.assertEqual(checked, sorted(os.path.basename(p) for p in TEMPLATES.values()))
        skipped = dict(line[len("dueregard: skipped "):].split(": ", 1) for line in r.stderr.splitlines()
                       if line.startswith("dueregard: skipped "))
        skipped = {os.path.basename(path): reason for path, reason in skipped.items()}
        self.assertEqual(set(skipped), {"notes.md", "numbers.ods", ".~lock.form.ott#"}, r.stderr)
        self.assertIn("spreadsheet", skipped["numbers.ods"])
        self.assertIn("lock file", skipped[".~lock.form.ott#"])
        self.assertIn("'.md' files are not among the documents", skipped["notes.md"])

    def test_other_formats_are_read(self):
        r = run("check", "--format", "json", *OTHER.values())
        self.assertEqual(r.returncode, 0, r.stderr)
        reports = [json.loads(line) for line in r.stdout.strip().splitlines()]
        self.assertEqual(len(reports), 4)
        for report in reports:
            with self.subTest(file=report["file"]):
                self.assertNotIn("error", report)
                self.assertGreaterEqual(report["facts"]["words"], 35)
                self.assertEqual(report["kind"], "eia")

    def test_text_report(self):
        r = run("check", FIXTURE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("2 headings", r.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
