"""Run by scripts/test-lo25.sh on the host after the LibreOffice 25.2 tests: the host's command line
checks the .odt, .docx and .pdf that LibreOffice 25.2 wrote from the sample, and each report must
agree with the host's report of the sample itself (same document type, jurisdiction and headings
found; a PDF has no headings to compare). Prints one line per file and 'N passed, N failed'.
    python3 lo25_cli_check.py CLI REFERENCE.json FILE..."""

import json
import subprocess
import sys


def main():
    cli, reference_path, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(reference_path, encoding="utf-8") as f:
        reference = json.load(f)
    passed = failed = 0
    for path in files:
        run = subprocess.run([cli, "check", "--format", "json", path], capture_output=True, text=True, timeout=300)
        problem = None
        try:
            report = json.loads(run.stdout)
        except json.JSONDecodeError:
            report = None
            problem = f"no JSON report (exit {run.returncode}): {run.stderr.strip()[:300]}"
        if report is not None:
            if report.get("error"):
                problem = "error: " + report["error"]
            elif report.get("kind") != reference.get("kind") or report.get("jurisdiction") != reference.get("jurisdiction"):
                problem = f"read as {report.get('kind')}/{report.get('jurisdiction')}, the sample is " \
                          f"{reference.get('kind')}/{reference.get('jurisdiction')}"
            elif not path.endswith(".pdf") and report.get("facts", {}).get("headings") != reference.get("facts", {}).get("headings"):
                problem = f"headings {report.get('facts', {}).get('headings')}, " \
                          f"the sample has {reference.get('facts', {}).get('headings')}"
        if problem:
            failed += 1
            print(f"FAIL {path}: {problem}")
        else:
            passed += 1
            print(f"ok   {path}: score {report['score']}, {len(report['findings'])} findings "
                  f"(sample: {reference['score']}, {len(reference['findings'])})")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main())
