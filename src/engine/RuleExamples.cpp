#include "engine/RuleExamples.hpp"

#include "engine/Engine.hpp"
#include "engine/ExampleDocument.hpp"
#include "engine/JsonData.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace dueregard::engine
{
ExampleOutcome runExample(const LexiconData& lexicon, const RulePackData& pack, const Rule& rule, bool bad, std::size_t index)
{
    const Example& example = (bad ? rule.bad : rule.good).at(index);
    Engine engine(lexicon, pack);
    CheckOptions options;
    if (!example.kind.empty())
        options.assess.kind = example.kind;
    options.requiredSections = example.requiredSections;
    const CheckResult result = engine.check(exampleDocument(example.lines), options);
    ExampleOutcome out;
    out.rule = rule.id;
    out.bad = bad;
    out.index = index;
    std::size_t matching = 0;
    for (const Finding& f : result.findings)
    {
        out.fired.push_back(f.id + (f.characteristic.empty() ? "" : "(" + f.characteristic + ")"));
        if (f.id == rule.id && (example.characteristic.empty() || f.characteristic == example.characteristic))
            ++matching;
    }
    out.passed = bad ? matching > 0 : matching == 0;
    return out;
}

std::vector<ExampleOutcome> runExamples(const LexiconData& lexicon, const RulePackData& pack, const std::vector<std::string>& rules)
{
    std::vector<ExampleOutcome> out;
    for (const Rule& r : pack.rules)
    {
        if (!rules.empty() && std::find(rules.begin(), rules.end(), r.id) == rules.end())
            continue;
        for (std::size_t i = 0; i < r.bad.size(); ++i)
            out.push_back(runExample(lexicon, pack, r, true, i));
        for (std::size_t i = 0; i < r.good.size(); ++i)
            out.push_back(runExample(lexicon, pack, r, false, i));
    }
    return out;
}

std::vector<std::string> layerRuleIds(const std::string& layerJson, const std::string& file)
{
    const nlohmann::json layer = parseJson(layerJson, file);
    std::vector<std::string> ids;
    if (layer.is_object() && layer.contains("rules") && layer.at("rules").is_array())
        for (const auto& r : layer.at("rules"))
            if (r.is_object() && r.contains("id") && r.at("id").is_string())
                ids.push_back(r.at("id").get<std::string>());
    return ids;
}
} // namespace dueregard::engine
