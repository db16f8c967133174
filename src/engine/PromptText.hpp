#pragma once
// How a prompt reads in the Prompts panel's details: the message, a dismissal's date and reason,
// the questions, the legal basis, the section that would answer it and the tool that helps.
// (A review comment's text is in ReviewComment.hpp; the reports' in report/.)

#include "engine/Dismissals.hpp"
#include "engine/Findings.hpp"

#include <string>

namespace dueregard::engine
{
// `dismissal` is set for a dismissed prompt; `sectionTitle` is the title of the section its
// "insert" names (empty if none or dismissed). The words around the prompt's own ("Basis:", the
// section and tool offered) are the interface's, in `language` (l10n/<language>.json); the
// prompt's are as the engine worded them.
std::string promptDetails(const Finding& finding, const Dismissal* dismissal,
                          const std::string& sectionTitle, const std::string& language = "en-GB");
} // namespace dueregard::engine
