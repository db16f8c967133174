#include "engine/PromptText.hpp"

namespace dueregard::engine
{
std::string promptDetails(const Finding& finding, const Dismissal* dismissal, const std::string& sectionTitle)
{
    std::string details = finding.message;
    if (dismissal)
        details += "\nDismissed on " + dismissal->date + ": " + dismissal->reason;
    for (const auto& q : finding.questions)
        details += "\n- " + q;
    details += "\nBasis: " + finding.basis;
    if (!dismissal && !sectionTitle.empty())
        details += "\nSuggested section: " + sectionTitle + " (Insert section adds it where it belongs).";
    if (!dismissal && finding.tool == "disproportionality")
        details += "\nThe disproportionality calculator (Open calculator) works out rates, ratios and their "
                   "confidence intervals, and writes them into the document.";
    return details;
}
} // namespace dueregard::engine
