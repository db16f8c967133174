"""The generated documents the benchmarks use: ten paragraphs a page, a heading every ten."""

import os

from office import write_fodt

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
    return write_fodt(os.path.join(folder, "bench-%d%s.fodt" % (pages, "-prompts" if prompt else "")), "".join(parts))
