"""Builds the fixture corpus (tests/fixtures/corpus/*.txt, a compact line notation) into flat ODF
documents; the office then saves them as .odt and .docx."""

import os
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{title}</dc:title></office:meta>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"/>
 </office:styles>
 <office:body><office:text>
"""
TAIL = " </office:text></office:body>\n</office:document>\n"


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def to_fodt(lines):
    out = []
    title = next((l[2:] for l in lines if l.startswith("# ")), "Untitled")
    table = []

    def flush_table():
        if not table:
            return
        columns = max(len(r) for r in table)
        out.append(f'  <table:table table:name="Table{len([o for o in out if "<table:table " in o]) + 1}">')
        out.append(f'   <table:table-column table:number-columns-repeated="{columns}"/>')
        for i, row in enumerate(table):
            if i == 0:
                out.append("   <table:table-header-rows>")
            out.append("    <table:table-row>")
            for c in row + [""] * (columns - len(row)):
                out.append('     <table:table-cell office:value-type="string">'
                           f'<text:p text:style-name="Table_20_Contents">{escape(c)}</text:p></table:table-cell>')
            out.append("    </table:table-row>")
            if i == 0:
                out.append("   </table:table-header-rows>")
        out.append("  </table:table>")
        table.clear()

    for line in lines:
        if line.startswith("|"):
            table.append(cells(line))
            continue
        flush_table()
        level = len(line) - len(line.lstrip("#"))
        if level and line[level:level + 1] == " ":
            out.append(f'  <text:h text:style-name="Heading_20_{min(level, 2)}" text:outline-level="{level}">'
                       f"{escape(line[level + 1:])}</text:h>")
        elif line.strip():
            out.append(f'  <text:p text:style-name="Text_20_body">{escape(line)}</text:p>')
    flush_table()
    return HEAD.format(title=escape(title)) + "\n".join(out) + "\n" + TAIL


def build(source_dir, work_dir):
    """Writes NAME.fodt for every NAME.txt; returns {NAME: fodt path}."""
    built = {}
    for name in sorted(os.listdir(source_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(source_dir, name), encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f]
        path = os.path.join(work_dir, name[:-4] + ".fodt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(to_fodt(lines))
        built[name[:-4]] = path
    return built
