#pragma once
// A department policy: settings decided centrally (some locked so users cannot change them) and
// the department's rule, templates and glossary layers, read from one JSON file
// (rules/schema/policy.schema.json). makePolicyPackage turns it into the files of a small .oxt:
// a configuration layer whose locked values are finalized, the layers, a description and a
// manifest. Installed with `unopkg add --shared`, it sits between Due Regard's defaults and each
// user's own settings.

#include "engine/CheckSettings.hpp"
#include "engine/RulePack.hpp"
#include "engine/Templates.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dueregard::policy
{
// One setting of the configuration (registry/schema/.../Settings.xcs) and its name in a policy.
struct SettingInfo
{
    const char* key;   // in the policy file: "disabled_rules"
    const char* group; // in the configuration: "Checking"
    const char* name;  //                      "DisabledRules"
    enum class Type { String, StringList, Boolean, Integer } type;
};
const std::vector<SettingInfo>& settings();

struct Policy
{
    std::string id, organisation, version, description;
    std::string updateFeed; // where its update feed will be published, or empty
    // Setting key -> value as the configuration holds it (lists joined by ';', booleans
    // "true"/"false", severities as "rule=severity" items).
    std::map<std::string, std::string> values;
    std::vector<std::string> locked;
    // The layers' text, to ship in the package (empty when the policy has none).
    std::string rulesJson, templatesJson, glossaryJson, groupsJson;
};

// readPolicy validates a policy and its layers. `readFile` reads a path relative to the policy
// file (the caller's file system); a path that is absolute or climbs out of the policy's folder
// is refused. Errors are engine::RuleDataError naming the file, the JSON path and the reason.
Policy readPolicy(const std::string& json, const std::string& file,
                  const std::function<std::optional<std::string>(const std::string& relative)>& readFile);

// The files of the policy package, path -> content, for an extension whose settings live under
// `settingsPackage` (Due Regard's extension id).
std::vector<std::pair<std::string, std::string>> policyPackageFiles(const Policy& policy, const std::string& settingsPackage);

// The update feed of a policy package published as `packageFileName` beside the feed (LibreOffice's
// update description: identifier, version, download address). Empty if the policy names no feed.
std::string policyUpdateFeed(const Policy& policy, const std::string& packageFileName);

// The extension id of a policy package.
std::string policyExtensionId(const Policy& policy);

// What a policy means for a check: the rules and templates layered (built-in, then the policy's;
// policy/Layering) and the settings it gives (engine::checkOptions turns them into a check's
// options). The command line uses it to check a folder as a department's users would
// (dueregard check --policy). Throws engine::RuleDataError if a layer cannot be used.
struct AppliedPolicy
{
    engine::LexiconData lexicon;
    engine::RulePackData pack;
    engine::TemplatesData templates;
    engine::CheckSettings settings;
};
AppliedPolicy applyPolicy(const Policy& policy);
} // namespace dueregard::policy
