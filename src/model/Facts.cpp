#include "model/Facts.hpp"

#include "text/Segmenter.hpp"

#include <algorithm>

namespace dueregard::model
{
namespace
{
bool isBlank(const std::u16string& s)
{
    return std::all_of(s.begin(), s.end(),
                       [](char16_t c) { return c == u' ' || c == u'\t' || c == 0xA0; });
}
} // namespace

DocumentFacts countFacts(const Document& document)
{
    DocumentFacts facts;
    facts.tables = document.tables.size();
    text::WordCounter counter;
    for (const Block& b : document.blocks)
    {
        facts.words += counter.words(b.text);
        facts.characters += counter.graphemes(b.text);
        if (isBlank(b.text))
            continue;
        if (b.kind == BlockKind::TableCell)
            ++facts.tableCells;
        else
        {
            ++facts.paragraphs;
            if (b.isHeading())
                ++facts.headings;
        }
    }
    return facts;
}
} // namespace dueregard::model
