#pragma once
// CheckSettings are what a user's settings, or a department's policy, say about checking; options
// turns them into an engine's CheckOptions. Writer (the settings and the deck's own jurisdiction
// choice) and the command line (--policy, --jurisdiction) both call it, so both check alike.

#include "engine/Dismissals.hpp"
#include "engine/Engine.hpp"

#include <string>
#include <vector>

namespace dueregard::engine
{
struct CheckSettings
{
    std::string defaultJurisdiction; // empty: read from each document
    bool jurisdictionLocked = false; // a department set it and users cannot choose another
    std::vector<std::string> extraGroups, disabledRules, requiredSections;
};

// checkOptions gives the options of one check. `chosenJurisdiction` (empty: none) is the one the
// person checking chose for this document or run; it wins over the default unless a department
// locked a default. `dismissals` are the document's own.
CheckOptions checkOptions(const CheckSettings& settings, const std::string& chosenJurisdiction = {},
                          std::vector<Dismissal> dismissals = {});
} // namespace dueregard::engine
