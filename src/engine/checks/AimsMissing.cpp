// aims.missing: each of the general duty's three aims (s149(1)(a) to (c)) that the assessment
// never considers, one prompt each, naming the aim.
#include "engine/checks/Checks.hpp"

namespace dueregard::engine::checks
{
void aimsMissing(const Context& c, const Emit& emit)
{
    // The aims as the rule pack names them: each is the key of the pack's "values", which word it
    // in the prompts' language (rules/packs/core.cy.json), so these are data, not our wording.
    // l10n: not shown { the rule pack's "values" keys, worded by the pack
    static const char* const aimNames[3] = { "eliminate discrimination, harassment and victimisation",
                                             "advance equality of opportunity", "foster good relations" };
    // l10n: }
    for (int i = 0; i < 3; ++i)
        if (!c.assessment.aims[i])
            emit(Location{}, { { "aim", aimNames[i] } }, {});
}
} // namespace dueregard::engine::checks
