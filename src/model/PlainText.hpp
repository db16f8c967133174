#pragma once
// documentFromPlainText turns extracted text (from a PDF's text layer, say) into the engine's
// model: paragraphs are separated by blank lines or page breaks, and the lines of a paragraph are
// joined with spaces (a word broken by a hyphen at a line end is joined again).

#include "model/Document.hpp"

#include <string_view>

namespace dueregard::model
{
Document documentFromPlainText(std::string_view utf8);
} // namespace dueregard::model
