#pragma once
// GlossaryMarker marks glossary terms in a Writer document so that hovering shows the term's
// definition and source, and removes those marks again. A mark is an input field holding the
// term's own text, with the definition as its hint: LibreOffice 7.4 shows an input field's hint
// as a tooltip, field shading is screen-only (print and PDF look as before), and the field keeps
// its text and hint through .odt and .docx. Marking never touches text in fields, tracked
// deletions or headings, never marks a term twice, and is one undo step; so is removing.

#include <com/sun/star/text/XTextDocument.hpp>

#include <cstddef>
#include <string>

namespace dueregard::ext
{
struct MarkOutcome
{
    std::size_t marked = 0;
    std::size_t skipped = 0; // occurrences left alone: inside a field or a tracked deletion
};

// markGlossary marks the first occurrence of each term, or every occurrence.
MarkOutcome markGlossary(const css::uno::Reference<css::text::XTextDocument>& document, bool every);

// removeGlossaryMarks turns every mark back into its plain text; returns how many it removed.
std::size_t removeGlossaryMarks(const css::uno::Reference<css::text::XTextDocument>& document);

// insertDefinition adds the term's definition and source as a footnote at the cursor.
void insertDefinition(const css::uno::Reference<css::text::XTextDocument>& document, const std::string& termId);
} // namespace dueregard::ext
