#pragma once
// Layering puts a department's data over the built-in data, in one order wherever it happens:
// its groups over the lexicon, its rules over the rule pack, its severities over the rules, its
// templates over the built-in templates (each group section taking the focus its group gives),
// and its glossary over the built-in glossary. Writer layers what a policy package installed
// (app/Profile); the command line layers the policy file it is given (--policy).

#include "engine/Lexicon.hpp"
#include "engine/RulePack.hpp"
#include "engine/Templates.hpp"
#include "glossary/Glossary.hpp"
#include "l10n/Messages.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::policy
{
struct LayerSources
{
    // Each reads one layer's text, throwing a std::exception that says why it cannot; an empty
    // function: the department has no such layer.
    std::function<std::string()> groups, rules, templates, glossary;
    std::map<std::string, std::string> severities; // rule id -> severity
};

struct LayeredData
{
    engine::LexiconData lexicon;
    engine::RulePackData pack;
    engine::TemplatesData templates;
    glossary::GlossaryData glossary;
    std::vector<std::string> problems; // what could not be used, and why (forUsers only)
};

// forUsers: a layer that cannot be used is a problem, worded in `language` for the user who reads
// it in the deck, and the data below it applies. Writer's profile uses it (in the interface's
// language): a broken department file must not stop anyone working.
LayeredData layeredForUsers(const LayerSources& sources,
                            std::string_view language = l10n::kEnglish);

// strictly: a layer that cannot be used throws (engine::RuleDataError naming "the policy's ..."
// layer). The command line uses it: a policy it cannot apply is a usage error.
LayeredData layeredStrictly(const LayerSources& sources);
} // namespace dueregard::policy
