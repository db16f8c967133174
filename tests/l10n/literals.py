"""No sentence of ours is written into the C++: what a user reads comes from l10n/<language>.json
by key (issue 24): ui("key") in extension/ (say("key") in the command line), l10n::text(language,
"key") or l10n::Error("key", ...) in src/. A string literal that reads as prose (two or more
words with a letter, outside comments) in extension/ or src/ fails this test, except on a line
whose comment says "l10n: not shown" (with the reason), or between a comment "l10n: not shown {"
and a comment "l10n: }": markup, style sheets, scripts and words that are data rather than
something a person reads (a report's fixed keys, the automation service's API reference).

Every key the code uses must exist in l10n/en-GB.json."""

import json
import os
import re
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")

# Never shipped: the test-only library's fault injection speaks to developers.
EXEMPT = {"extension/app/TestHooks.cxx"}

LITERAL = re.compile(r'(?<![A-Za-z0-9_])(?:u8|u|R)?"((?:[^"\\\n]|\\.)*)"')
KEYS = (
    re.compile(r'\b(?:ui|uiText|say)\(\s*"([^"]+)"\s*[,)]'),
    re.compile(r'\btext\(\s*[\w.:()]+\s*,\s*"([^"]+)"\s*[,)]'),
    re.compile(r'\b(?:Error|Message)\(\s*"([^"]+)"\s*[,)]'),
)
KEY_SHAPE = re.compile(r"^[a-z_]+(?:\.[a-z0-9_]+)+$")
NOT_SHOWN = "l10n: not shown"
# Where the C++ is, and how its files end.
FOLDERS = {"extension": (".cxx", ".hxx"), "src": (".cpp", ".hpp")}
# Not prose: UNO names, URLs, paths, formats and identifiers.
TECHNICAL = re.compile(r"^(?:[\w.:/$%@#?=&+-]*|%[^ ]*|[\w.]+ [\w.]+)$")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.split("//", 1)[0] if '"' not in line.split("//", 1)[0][-1:] else line
                     for line in text.splitlines())


def shown_lines(text):
    """The text without the lines marked as not shown (see the module's note)."""
    kept, hidden = [], False
    for line in text.splitlines():
        comment = line.split("//", 1)[1] if "//" in line else ""
        if NOT_SHOWN + " {" in comment:
            hidden = True
        elif hidden and "l10n: }" in comment:
            hidden = False
        elif not hidden and NOT_SHOWN not in comment:
            kept.append(line)
            continue
        kept.append("")
    return "\n".join(kept)


def prose(literal):
    words = re.findall(r"[A-Za-z]{2,}", literal)
    return len(words) >= 2 and " " in literal and not TECHNICAL.match(literal)


def main():
    with open(os.path.join(SOURCE, "l10n", "en-GB.json"), encoding="utf-8") as f:
        keys = set(json.load(f)["messages"])
    failures, used = [], set()
    for top, endings in FOLDERS.items():
        for folder, _, files in os.walk(os.path.join(SOURCE, top)):
            for name in files:
                if not name.endswith(endings):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, SOURCE).replace(os.sep, "/")
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                for pattern in KEYS:
                    used.update(k for k in pattern.findall(strip_comments(text)) if KEY_SHAPE.match(k))
                found = [m.group(1) for m in LITERAL.finditer(strip_comments(shown_lines(text))) if prose(m.group(1))]
                if rel not in EXEMPT:
                    failures.extend(f"{rel}: \"{s}\"" for s in found)
    missing = sorted(k for k in used if k not in keys)
    for line in failures:
        print("a sentence written into the code (use ui(\"key\") and l10n/*.json):", line)
    for key in missing:
        print("a key used in the code that l10n/en-GB.json does not have:", key)
    print(f"l10n: no sentence written into the code; {len(used)} keys used, all in l10n/en-GB.json"
          if not failures and not missing else f"l10n: {len(failures)} sentences in the code, {len(missing)} keys missing")
    return 1 if failures or missing else 0


if __name__ == "__main__":
    sys.exit(main())
