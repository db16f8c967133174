// A department's layers over the built-in data: in Writer a broken layer is reported and the data
// below it applies; for the command line it is an error.

#include "engine/Engine.hpp"
#include "engine/Layers.hpp"
#include "policy/Layering.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace dueregard;
using namespace dueregard::policy;

namespace
{
std::function<std::string()> layerText(std::string json)
{
    return [json = std::move(json)] { return json; };
}

const char* kGroups = R"({"extra_groups": [{"id": "veterans", "label": "The armed forces community",
    "terms": ["veteran*", "service families"], "focus": "serving personnel, veterans and their families"}]})";
const char* kRules = R"({"pack": "Example Council", "rules": [{"id": "mitigation.vague", "severity": "error"}]})";
const char* kTemplates = R"({"sections": [{"id": "local-priorities", "title": "Council Plan priorities", "order": 9.5,
    "content": [{"text": "Priority: [[priority|Which priority does this serve?]]"}]}]})";
const char* kGlossary = R"({"language": "en-GB", "terms": [{"id": "council-plan", "term": "Council Plan",
    "definition": "The council's priorities for its four-year term.", "source": "Council Plan", "variants": [], "see_also": []}]})";

LayerSources everyLayer()
{
    LayerSources s;
    s.groups = layerText(kGroups);
    s.rules = layerText(kRules);
    s.templates = layerText(kTemplates);
    s.glossary = layerText(kGlossary);
    s.severities = { { "engagement.missing", "advice" } };
    return s;
}
} // namespace

TEST(LayeringTest, EveryLayerGoesOverTheBuiltInData)
{
    const LayeredData d = layeredForUsers(everyLayer());
    EXPECT_TRUE(d.problems.empty()) << d.problems.front();
    EXPECT_EQ(d.pack.find("mitigation.vague")->severity, "error");
    EXPECT_EQ(d.pack.find("engagement.missing")->severity, "advice");
    EXPECT_EQ(d.templates.groupFocus.at("veterans"), "serving personnel, veterans and their families");
    const engine::Engine engine(d.lexicon, d.pack, d.templates);
    EXPECT_TRUE(engine.templates().has("local-priorities"));
    EXPECT_TRUE(engine.templates().has("impact-veterans"));
    EXPECT_EQ(d.glossary.terms.size(), glossary::builtinGlossaryData().terms.size() + 1);
    // The command line's strict layering gives the same data.
    const LayeredData strict = layeredStrictly(everyLayer());
    EXPECT_EQ(strict.pack.find("mitigation.vague")->severity, "error");
    EXPECT_EQ(strict.glossary.terms.size(), d.glossary.terms.size());
}

TEST(LayeringTest, ForUsersALayerThatCannotBeUsedIsReportedAndTheDataBelowApplies)
{
    LayerSources s = everyLayer();
    s.rules = layerText(R"({"pack": "Example Council", "rules": [{"id": "mitigation.vague", "severity": "urgent"}]})");
    s.templates = [] () -> std::string { throw std::runtime_error("cannot read /srv/policy/templates.json"); };
    s.severities = { { "no.such-rule", "error" } };
    const LayeredData d = layeredForUsers(s);
    ASSERT_EQ(d.problems.size(), 3u);
    EXPECT_EQ(d.problems[0].rfind("Your organisation's rules could not be used (your organisation's rules: ", 0), 0u) << d.problems[0];
    EXPECT_NE(d.problems[0].find("; the built-in rules apply."), std::string::npos);
    EXPECT_EQ(d.problems[1].rfind("A severity setting could not be used (the severity settings: ", 0), 0u) << d.problems[1];
    EXPECT_EQ(d.problems[2], "Your organisation's templates could not be used (cannot read /srv/policy/templates.json); "
                             "the built-in templates apply.");
    EXPECT_EQ(d.pack.find("mitigation.vague")->severity, engine::builtinRulePack().find("mitigation.vague")->severity);
    EXPECT_FALSE(d.templates.sections.empty());
    // What could be used still is: the groups (and their focus) and the glossary.
    EXPECT_EQ(d.templates.groupFocus.count("veterans"), 1u);
    EXPECT_EQ(d.glossary.terms.size(), glossary::builtinGlossaryData().terms.size() + 1);
}

TEST(LayeringTest, StrictlyALayerThatCannotBeUsedIsAnErrorNamingIt)
{
    LayerSources s;
    s.rules = layerText(R"({"pack": "Example Council", "rules": [{"id": "mitigation.vague", "severity": "urgent"}]})");
    try
    {
        layeredStrictly(s);
        FAIL() << "a broken layer was used";
    }
    catch (const engine::RuleDataError& e)
    {
        EXPECT_EQ(std::string(e.what()).rfind("the policy's rules: ", 0), 0u) << e.what();
    }
    EXPECT_TRUE(layeredStrictly({}).problems.empty()); // no layers: the built-in data
}
