"""The generated documents the benchmarks use: ten paragraphs a page, a heading every ten."""

import os

PARAGRAPH = ("Older disabled residents may find the new booking system harder to use; in 2024, 18% of "
             "residents over 75 had never used the internet (Office for National Statistics). We will "
             "offer telephone booking, and the Head of Libraries will review uptake every quarter.")
# With prompt=True each paragraph also gives a prompt (vague mitigation), so the lists are long.
PROMPTING = PARAGRAPH + " Support will be offered where possible."


def document(pages, folder, prompt=False):
    parts = []
    for i in range(pages * 10):
        if i == 0 and prompt:
            parts.append('<text:h text:outline-level="1">Equality impact assessment</text:h>')
        elif i % 10 == 0:
            parts.append('<text:h text:outline-level="1">Section %d</text:h>' % (i // 10))
        else:
            parts.append("<text:p>%s</text:p>" % (PROMPTING if prompt else PARAGRAPH))
    path = os.path.join(folder, "bench-%d%s.fodt" % (pages, "-prompts" if prompt else ""))
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?><office:document '
                'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" '
                'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
                + "".join(parts) + "</office:text></office:body></office:document>")
    return path
