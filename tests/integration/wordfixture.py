"""Writes a .docx as Microsoft Word lays one out when it comes back from a reviewer: a comment
(comments.xml, with commentRangeStart/End and a reference run), a tracked insertion (w:ins) and a
tracked deletion (w:del with w:delText), by named authors with dates. Written by this project from
the Office Open XML structure, so the test does not depend on a file made by Word itself."""

import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
</Relationships>"""

COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments {W}>
<w:comment w:id="0" w:author="Priya Shah" w:date="2026-10-02T09:30:00Z" w:initials="PS">
<w:p><w:r><w:t>Which survey are these figures from?</w:t></w:r></w:p>
</w:comment>
</w:comments>"""


def paragraph(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}>
<w:body>
{paragraph("Equality impact assessment: library opening hours", "Heading1")}
{paragraph("The council proposes to close two libraries on Mondays from 1 April 2026.")}
<w:p><w:r><w:t xml:space="preserve">Older residents use the branches most: </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">31% of Monday visitors are 65 or over, compared with 19% of residents (Census 2021)</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">. The change has a negative impact on them.</w:t></w:r></w:p>
<w:p><w:ins w:id="1" w:author="Priya Shah" w:date="2026-10-02T09:40:00Z"><w:r><w:t xml:space="preserve">We consulted Age UK and 40 older residents at two drop-in sessions in January 2026, and as a result the proposal changed to keep Riverside open on Monday mornings.</w:t></w:r></w:ins></w:p>
<w:p><w:r><w:t xml:space="preserve">Staff </w:t></w:r><w:del w:id="2" w:author="Priya Shah" w:date="2026-10-02T09:45:00Z"><w:r><w:delText xml:space="preserve">will be monitored where possible and </w:delText></w:r></w:del><w:r><w:t xml:space="preserve">will review take-up by age every quarter from 1 May 2026.</w:t></w:r></w:p>
<w:sectPr/>
</w:body>
</w:document>"""


def write(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", DOCUMENT)
        z.writestr("word/comments.xml", COMMENTS)
    return path
