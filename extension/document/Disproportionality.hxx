#pragma once
// The disproportionality calculator's document side: reading a figures file (UTF-8, or the
// Windows-1252 that older spreadsheets save) and inserting an analysis at the cursor as one
// undo step. The statistics and the layout are the engine's (src/stats).

#include "stats/Disproportionality.hpp"

#include <com/sun/star/text/XTextDocument.hpp>
#include <rtl/ustring.hxx>

#include <string>

namespace dueregard::ext
{
// readFiguresFile reads a CSV or text file given as a file URL. Throws IllegalArgumentException
// with a message for the user (not a file URL, missing, too large).
std::string readFiguresFile(const rtl::OUString& url);

// insertDisproportionality analyses the figures (see stats::parseCounts) against `comparator`
// (empty: White, else the largest group) and inserts the table, sentences and note at the
// cursor. Throws IllegalArgumentException naming what to fix, having changed nothing.
void insertDisproportionality(const css::uno::Reference<css::text::XTextDocument>& document, const std::string& figures,
                              const std::string& comparator, stats::Measure measure, const std::string& outcome);

} // namespace dueregard::ext
