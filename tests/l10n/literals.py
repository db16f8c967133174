"""No sentence of ours is written into the extension's C++: what a user reads comes from
l10n/<language>.json through ui("key") (issue 24). A string literal that reads as prose (two or
more words with a letter, outside comments) in extension/ fails this test, except in the files
listed in PENDING: those are not localised yet, and the list may only shrink (a listed file with
no prose left fails too, so that it comes off the list). Every key passed to ui()/uiText() must
exist in l10n/en-GB.json."""

import json
import os
import re
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")

PENDING = {
    "extension/automation/DocumentService.cxx",
    "extension/cli/FileCheck.cxx",
    "extension/cli/Main.cxx",
    "extension/cli/Office.cxx",
    "extension/cli/Workers.cxx",
}

# Never shipped: the test-only library's fault injection speaks to developers.
EXEMPT = {"extension/app/TestHooks.cxx"}

LITERAL = re.compile(r'(?<![A-Za-z0-9_])(?:u8|u|R)?"((?:[^"\\\n]|\\.)*)"')
KEY = re.compile(r'\bui(?:Text)?\(\s*"([^"]+)"\s*[,)]')
# Not prose: UNO names, URLs, paths, formats and identifiers.
TECHNICAL = re.compile(r"^(?:[\w.:/$%@#?=&+-]*|%[^ ]*|[\w.]+ [\w.]+)$")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.split("//", 1)[0] if '"' not in line.split("//", 1)[0][-1:] else line
                     for line in text.splitlines())


def prose(literal):
    words = re.findall(r"[A-Za-z]{2,}", literal)
    return len(words) >= 2 and " " in literal and not TECHNICAL.match(literal)


def main():
    with open(os.path.join(SOURCE, "l10n", "en-GB.json"), encoding="utf-8") as f:
        keys = set(json.load(f)["messages"])
    failures, clean_pending, used = [], [], set()
    for folder, _, files in os.walk(os.path.join(SOURCE, "extension")):
        for name in files:
            if not name.endswith((".cxx", ".hxx")):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, SOURCE).replace(os.sep, "/")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            used.update(KEY.findall(text))
            found = [m.group(1) for m in LITERAL.finditer(strip_comments(text)) if prose(m.group(1))]
            if rel in EXEMPT:
                continue
            if rel in PENDING:
                if not found:
                    clean_pending.append(rel)
            elif found and name.endswith(".cxx"):
                failures.extend(f"{rel}: \"{s}\"" for s in found)
    missing = sorted(k for k in used if k not in keys)
    for line in failures:
        print("a sentence written into the code (use ui(\"key\") and l10n/*.json):", line)
    for rel in clean_pending:
        print("no longer pending, take it off PENDING in tests/l10n/literals.py:", rel)
    for key in missing:
        print("a key used in extension/ that l10n/en-GB.json does not have:", key)
    print(f"l10n: {len(PENDING)} files still to localise; {len(used)} keys used")
    return 1 if failures or clean_pending or missing else 0


if __name__ == "__main__":
    sys.exit(main())
