#pragma once
// Layers put a department's (and then a user's) rule and template files over the built-in ones:
// built-in -> department -> user. A rule layer switches rules off, changes their severity or
// wording, or adds a rule asking for terms every document should use; a templates layer adds
// sections or replaces them by id, and may replace a jurisdiction's skeleton or title. Every
// layer is validated (rules/schema/rulelayer.schema.json; a templates layer as the templates
// it produces) and a mistake is a RuleDataError naming the file, the JSON path and the reason.

#include "engine/RulePack.hpp"
#include "engine/Templates.hpp"

#include <map>
#include <string>

namespace dueregard::engine
{
RulePackData layeredRules(const RulePackData& below, const std::string& layerJson,
                          const DataFile& file);

// withSeverities changes rules' severities ("mitigation.vague" -> "error"); an unknown rule or
// severity is a RuleDataError naming `source` (where the overrides came from).
RulePackData withSeverities(RulePackData pack, const std::map<std::string, std::string>& severities,
                            const DataFile& source);

// layeredTemplates merges a templates layer over the built-in templates' JSON.
TemplatesData layeredTemplates(const std::string& layerJson, const DataFile& file);

// layeredGroups adds a department's own extra groups (rules/schema/groups.schema.json) to a
// lexicon; their terms are compiled to check them. `focus` receives each group's focus text,
// for the templates' group sections.
LexiconData layeredGroups(const LexiconData& below, const std::string& layerJson,
                          const DataFile& file,
                          std::map<std::string, std::string>* focus = nullptr);
} // namespace dueregard::engine
