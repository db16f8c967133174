#!/usr/bin/python3
"""Batch benchmark: build/bin/dueregard check against LibreOffice's own
`soffice --headless --convert-to txt` on the same generated ten-page .docx files, in one run.

It writes N (default 200) .docx files of ten pages each (a hundred paragraphs, headings every
ten, the wording varied from file to file), then times, each with its own warmed-up profile:

  * soffice --headless --convert-to txt:Text --outdir OUT FILES  (one office, one file at a time)
  * dueregard check --jobs 1 --out DIR FILES
  * dueregard check --jobs 2 --out DIR FILES

and prints the wall time of each, the ratio to soffice's, and the peak memory (VmHWM) of every
office process and of the dueregard process itself.

Run it after building: /usr/bin/python3 bench/batch_bench.py [FILES]"""

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get("DUEREGARD_BUILD", os.path.join(HERE, "..", "build"))
CLI = os.path.join(BUILD, "bin", "dueregard")
SOFFICE = "/usr/lib/libreoffice/program/soffice"

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
</w:styles>"""

SENTENCES = [
    "Older residents may find the new booking system harder to use; in 2024, 18% of residents over 75 had never used the internet (Office for National Statistics).",
    "Disabled people told us at three drop-in sessions in March that step-free access to the hub matters most to them.",
    "Women are 62% of carers in the borough, so reduced opening hours are likely to affect them more than men.",
    "We have no local data on gender reassignment; we will ask the LGBT+ forum before the decision in June.",
    "Pregnant women and new mothers use the clinic on Tuesday mornings, which the proposal keeps.",
    "Black residents were stopped at 3.1 times the rate of white residents in 2023-24, per 1,000 population.",
    "The faith forum raised the timing of Friday sessions; we moved them to avoid prayer times.",
    "The Head of Libraries will review uptake by age, disability and sex every quarter and report to the committee.",
    "Support will be offered where possible, and the change will be monitored.",
    "Gay and bisexual men told the survey they would value an evening session.",
]
HEADINGS = ["Equality impact assessment", "Evidence", "Engagement", "Age", "Disability", "Sex", "Race",
            "Religion or belief", "Mitigation and monitoring", "Decision"]


def docx(path, index):
    body = []
    for p in range(100):
        if p % 10 == 0:
            text, style = HEADINGS[(p // 10 + index) % len(HEADINGS)] if p else HEADINGS[0], "Heading1"
        else:
            text = " ".join(SENTENCES[(p + index + k) % len(SENTENCES)] for k in range(3))
            style = None
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        body.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
                + "".join(body) + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/document.xml", document)


class PeakMemory:
    """Polls /proc while a command runs: the peak resident memory (VmHWM) of every soffice.bin
    and of the command's own process, by process."""

    def __init__(self, marker):
        self.marker = marker
        self.own = None  # the command's own process id, once started
        self.peaks = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.poll, daemon=True)

    def poll(self):
        while not self.stop.is_set():
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as f:
                        cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
                    if int(pid) == self.own:
                        name = "dueregard" if CLI in cmd else None
                    elif self.marker in cmd and "soffice.bin" in cmd:
                        name = "office"
                    else:
                        name = None
                    if not name:
                        continue
                    with open(f"/proc/{pid}/status") as f:
                        for line in f:
                            if line.startswith("VmHWM:"):
                                kb = int(line.split()[1])
                                key = (name, pid)
                                self.peaks[key] = max(self.peaks.get(key, 0), kb)
                except (OSError, ValueError):
                    pass
            time.sleep(0.05)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def timed(command, marker, env=None):
    with PeakMemory(marker) as memory:
        start = time.monotonic()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        memory.own = process.pid
        _, stderr = process.communicate()
        seconds = time.monotonic() - start
    if process.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({process.returncode}): {stderr[-2000:]}")
    return seconds, memory.peaks


def mb(kb):
    return f"{kb / 1024:.0f} MB"


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    work = tempfile.mkdtemp(prefix="dueregard-batch-bench-")
    try:
        docs = os.path.join(work, "docs")
        os.makedirs(docs)
        files = []
        for i in range(count):
            files.append(os.path.join(docs, f"eia-{i:03d}.docx"))
            docx(files[-1], i)
        sample = os.path.join(work, "sample")
        os.makedirs(sample)
        shutil.copy(files[0], sample)

        soffice_profile = os.path.join(work, "soffice-profile")
        soffice = [SOFFICE, "-env:UserInstallation=file://" + soffice_profile, "--headless", "--norestore",
                   "--convert-to", "txt:Text"]
        # Warm both profiles up first (an office's first start in a profile writes it).
        timed(soffice + ["--outdir", os.path.join(work, "warm"), files[0]], soffice_profile)
        cli_profile = os.path.join(work, "cli-profile")
        env = dict(os.environ, DUEREGARD_PROFILE=cli_profile)
        timed([CLI, "check", "--jobs", "2", files[0], files[1]], cli_profile, env)

        results = []
        seconds, peaks = timed(soffice + ["--outdir", os.path.join(work, "txt"), *files], soffice_profile)
        results.append(("soffice --convert-to txt", seconds, peaks))
        for jobs in (1, 2):
            seconds, peaks = timed([CLI, "check", "--jobs", str(jobs), "--format", "json",
                                    "--out", os.path.join(work, f"out-{jobs}"), *files], cli_profile, env)
            results.append((f"dueregard check --jobs {jobs}", seconds, peaks))
        written = len(os.listdir(os.path.join(work, "txt")))
        reports = len([n for n in os.listdir(os.path.join(work, "out-2")) if n.endswith(".json")])
        if written != count or reports != count:
            sys.exit(f"expected {count} outputs, got {written} texts and {reports} reports")

        base = results[0][1]
        print(f"{count} generated ten-page .docx files, {os.cpu_count()} cores")
        print("| command | wall time | per file | vs soffice | peak memory per office | dueregard process |")
        print("| --- | --- | --- | --- | --- | --- |")
        for name, seconds, peaks in results:
            offices = sorted(kb for (kind, _), kb in peaks.items() if kind == "office")
            own = [kb for (kind, _), kb in peaks.items() if kind == "dueregard"]
            print(f"| {name} | {seconds:.1f} s | {1000 * seconds / count:.0f} ms | {seconds / base:.2f}× | "
                  f"{', '.join(mb(kb) for kb in offices) or '-'} | {mb(max(own)) if own else '-'} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
