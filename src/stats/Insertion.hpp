#pragma once
// Insertion lays an analysis out as document content (an engine::Plan, written into Writer by
// the extension like any template section): a line of fields for the period, area, what was
// counted and the baseline, which the user fills in; a table of counts, rates and ratios with
// their intervals and warnings; one plain sentence per group; and a note naming the
// method and what a ratio can and cannot show, all worded in `language` (en-GB or cy).

#include "engine/Templates.hpp"
#include "stats/Disproportionality.hpp"

#include <string>
#include <string_view>

namespace dueregard::stats
{
// outcome completes "to be ..." ("searched"); empty leaves a field for it. `today` is the date
// the note gives for the calculation ("29 November 2026").
engine::Plan insertionPlan(const Analysis& analysis, const std::string& outcome,
                           const std::string& today, std::string_view language);
} // namespace dueregard::stats
