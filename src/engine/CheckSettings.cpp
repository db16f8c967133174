#include "engine/CheckSettings.hpp"

namespace dueregard::engine
{
CheckOptions checkOptions(const CheckSettings& settings, const std::string& chosenJurisdiction,
                          std::vector<Dismissal> dismissals)
{
    CheckOptions o;
    const bool locked = settings.jurisdictionLocked && !settings.defaultJurisdiction.empty();
    if (!chosenJurisdiction.empty() && !locked)
        o.assess.jurisdiction = chosenJurisdiction;
    else if (!settings.defaultJurisdiction.empty())
        o.assess.jurisdiction = settings.defaultJurisdiction;
    o.assess.extraGroups = settings.extraGroups;
    o.disabledRules.insert(settings.disabledRules.begin(), settings.disabledRules.end());
    o.requiredSections = settings.requiredSections;
    o.dismissals = std::move(dismissals);
    return o;
}
} // namespace dueregard::engine
