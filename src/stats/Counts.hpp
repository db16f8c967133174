#pragma once
// Counts reads the figures a user pastes or loads for the disproportionality calculator: one
// group per line with the number at the decision point and the baseline, separated by tabs (as
// a spreadsheet copies them), commas (CSV, with quoted fields) or semicolons. A header line is
// recognised and, when it names them, picks the columns; counts may carry thousands separators;
// suppressed or missing cells ("", "-", "..", "x", "[c]", "n/a") are read as missing. Every line
// that cannot be read is reported by number, and nothing is guessed.

#include "l10n/Error.hpp"
#include "stats/Disproportionality.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dueregard::stats
{
struct CountsTable
{
    std::vector<GroupCounts> groups;
    // "Line 3: '12%' is a percentage; give the count instead.", as messages to word in the
    // reader's language (message.text(language)).
    std::vector<l10n::Message> problems;
    std::string eventsLabel;           // the header of the count column, if there was one
    std::string baselineLabel;
};

CountsTable parseCounts(std::string_view text);

// problemIn says why a table cannot be analysed as it stands (its first problem, fewer than two
// groups with figures, or no group called `comparator`), or nothing when it can. Messages are
// written for the person who typed the figures.
std::optional<l10n::Message> problemIn(const CountsTable& table, const std::string& comparator);

// problemWith is that problem worded in `language`, or "" when there is none.
std::string problemWith(const CountsTable& table, const std::string& comparator,
                        std::string_view language = l10n::kEnglish);

// requireAnalysable throws that problem as an l10n::Error (l10n::describe words it).
void requireAnalysable(const CountsTable& table, const std::string& comparator);

// parseNumber reads "1,904,510", "1 904 510" or "12.5"; nothing for anything else.
std::optional<double> parseNumber(std::string_view cell);
} // namespace dueregard::stats
