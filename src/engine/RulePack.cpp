#include "engine/RulePack.hpp"

#include "engine/BuiltinData.hpp"
#include "engine/JsonData.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace dueregard::engine
{
namespace
{
using nlohmann::json;

std::vector<std::string> strings(const json& j, const char* key)
{
    std::vector<std::string> out;
    if (const auto it = j.find(key); it != j.end())
        for (const auto& s : *it)
            out.push_back(s.get<std::string>());
    return out;
}

TermGroup group(const json& j)
{
    return { j.at("id").get<std::string>(), j.at("label").get<std::string>(), strings(j, "terms"),
             strings(j, "exclude") };
}

Example example(const json& j)
{
    Example e;
    if (j.is_array())
        e.lines = j.get<std::vector<std::string>>();
    else
    {
        e.lines = j.at("lines").get<std::vector<std::string>>();
        e.characteristic = j.value("characteristic", "");
        e.kind = j.value("kind", "");
        if (j.contains("required_sections"))
            e.requiredSections = j.at("required_sections").get<std::vector<std::string>>();
    }
    return e;
}
} // namespace

const Rule* RulePackData::find(const std::string& id) const
{
    for (const Rule& r : rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

LexiconData parseLexicon(const std::string& text, const std::string& file)
{
    const json j = parseJson(text, file);
    validateJson(j, builtin::kLexiconSchema, file);
    LexiconData data;
    std::set<std::string> ids;
    for (const auto& c : j.at("characteristics"))
        data.characteristics.push_back(group(c));
    if (const auto it = j.find("extra_groups"); it != j.end())
        for (const auto& g : *it)
            data.extraGroups.push_back(group(g));
    for (std::size_t i = 0; i < data.characteristics.size() + data.extraGroups.size(); ++i)
    {
        const std::string& id = i < data.characteristics.size() ? data.characteristics[i].id
                                                                 : data.extraGroups[i - data.characteristics.size()].id;
        if (!ids.insert(id).second)
            throw RuleDataError(file, "", "the group id '" + id + "' is used twice");
    }
    for (const auto& [name, terms] : j.at("markers").items())
        data.markers[name] = terms.get<std::vector<std::string>>();
    for (const auto& [name, profile] : j.at("jurisdictions").items())
    {
        JurisdictionProfile p{ strings(profile, "characteristics"), strings(profile, "extra_groups") };
        for (const auto& id : p.characteristics)
            if (!ids.count(id))
                throw RuleDataError(file, "/jurisdictions/" + name + "/characteristics", "unknown group '" + id + "'");
        for (const auto& id : p.extraGroups)
            if (!ids.count(id))
                throw RuleDataError(file, "/jurisdictions/" + name + "/extra_groups", "unknown group '" + id + "'");
        data.jurisdictions[name] = std::move(p);
    }
    return data;
}

RulePackData parseRulePack(const std::string& text, const std::string& file)
{
    const json j = parseJson(text, file);
    validateJson(j, builtin::kRulePackSchema, file);
    RulePackData data;
    data.pack = j.at("pack").get<std::string>();
    std::set<std::string> ids;
    std::size_t index = 0;
    for (const auto& r : j.at("rules"))
    {
        Rule rule;
        rule.id = r.at("id").get<std::string>();
        if (!ids.insert(rule.id).second)
            throw RuleDataError(file, "/rules/" + std::to_string(index) + "/id", "the rule id '" + rule.id + "' is used twice");
        rule.severity = r.at("severity").get<std::string>();
        rule.area = r.at("area").get<std::string>();
        rule.appliesTo = r.value("applies_to", "any");
        rule.message = r.at("message").get<std::string>();
        rule.questions = strings(r, "questions");
        rule.basis = r.at("basis").get<std::string>();
        rule.section = r.value("section", "");
        rule.tool = r.value("tool", "");
        for (const auto& e : r.at("examples").at("bad"))
            rule.bad.push_back(example(e));
        for (const auto& e : r.at("examples").at("good"))
            rule.good.push_back(example(e));
        data.rules.push_back(std::move(rule));
        ++index;
    }
    return data;
}

const LexiconData& builtinLexicon()
{
    static const LexiconData data = parseLexicon(builtin::kLexicon, "built-in lexicon (rules/lexicon/en-GB.json)");
    return data;
}

const RulePackData& builtinRulePack()
{
    static const RulePackData data = parseRulePack(builtin::kCorePack, "built-in rule pack (rules/packs/core.json)");
    return data;
}
} // namespace dueregard::engine
