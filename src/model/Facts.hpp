#pragma once
// Plain counts about a document, shown in the sidebar and the report so a user can see at a
// glance that Due Regard read the whole document.

#include "model/Document.hpp"

#include <cstddef>

namespace dueregard::model
{
struct DocumentFacts
{
    std::size_t words = 0;
    std::size_t characters = 0; // user-perceived characters (grapheme clusters)
    std::size_t paragraphs = 0; // non-empty body paragraphs and headings, outside tables
    std::size_t headings = 0;
    std::size_t tables = 0;
    std::size_t tableCells = 0; // non-empty cell paragraphs
};

// countFacts counts words with ICU's word-break rules, so it agrees with how Writer counts
// for ordinary prose (numbers and words count; punctuation and spaces do not).
DocumentFacts countFacts(const Document& document);
} // namespace dueregard::model
