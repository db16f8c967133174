#include "engine/PromptText.hpp"

#include "l10n/Messages.hpp"

namespace dueregard::engine
{
std::string promptDetails(const Finding& finding, const Dismissal* dismissal,
                          const std::string& sectionTitle, const std::string& language)
{
    std::string details = finding.message;
    if (dismissal)
        details += "\n"
                   + l10n::text(language, "prompt.dismissed_on",
                                { { "date", dismissal->date }, { "reason", dismissal->reason } });
    for (const auto& q : finding.questions)
        details += "\n- " + q;
    details += "\n" + l10n::text(language, "prompt.basis", { { "basis", finding.basis } });
    if (!dismissal && !sectionTitle.empty())
        details
            += "\n"
               + l10n::text(language, "prompt.suggested_section", { { "section", sectionTitle } });
    if (!dismissal && finding.tool == "disproportionality")
        details += "\n" + l10n::text(language, "prompt.calculator");
    return details;
}
} // namespace dueregard::engine
