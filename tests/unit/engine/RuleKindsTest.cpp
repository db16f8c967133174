// Rules as data: each kind fires as the schema says, a department's layer can use every data
// kind, examples are run for `dueregard rules test`, and the README's "adding a rule" walkthrough
// is one JSON edit.

#include "ExampleDocument.hpp"

#include "engine/Engine.hpp"
#include "engine/Layers.hpp"
#include "engine/RuleExamples.hpp"
#include "engine/RuleKinds.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace dueregard;
using namespace dueregard::engine;

namespace
{
std::string fileText(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A layer with one new rule: `kind` and its parameters (JSON members, with a leading comma).
std::string layerWith(const std::string& id, const std::string& kindAndParameters, const std::string& examples = "")
{
    return R"({"rules": [{"id": ")" + id + R"(", "severity": "warning", "area": "policy",
        "message": "A department's own prompt about this text.", "questions": ["What does the department expect here?"],
        "basis": "Example Council guidance", )" + kindAndParameters + (examples.empty() ? "" : ", " + examples) + "}]}";
}

std::vector<Finding> findingsOf(const RulePackData& pack, const std::string& id, const std::vector<std::string>& lines)
{
    Engine engine(builtinLexicon(), pack);
    std::vector<Finding> out;
    for (Finding& f : engine.check(test::exampleDocument(lines)).findings)
        if (f.id == id)
            out.push_back(std::move(f));
    return out;
}

const std::vector<std::string> kAdverse = {
    "# Equality Impact Assessment", "## Disability",
    "Disabled residents are 22% of users (Census 2021), so removing step-free access at one site has a negative impact on them.",
    "## Age", "Older residents use the service most: 31% of users are 65 or over (Census 2021); no impact is expected."
};
} // namespace

TEST(RuleKindsTest, EveryKindHasANameAndEveryParameterNameIsKnown)
{
    for (const char* name : { "characteristic_fact", "document_fact", "places", "terms_required", "terms_present",
                              "terms_without_companion", "check" })
    {
        ASSERT_TRUE(ruleKindNamed(name)) << name;
        EXPECT_STREQ(ruleKindName(*ruleKindNamed(name)), name);
    }
    EXPECT_FALSE(ruleKindNamed("regex"));
    // The schema's lists and the engine's tables are the same names.
    const nlohmann::json schema = nlohmann::json::parse(fileText(DUEREGARD_SOURCE_DIR "/rules/schema/rulepack.schema.json"));
    const auto same = [&](const char* definition, const std::vector<std::string_view>& names) {
        std::vector<std::string> fromSchema = schema.at("definitions").at(definition).at("enum").get<std::vector<std::string>>();
        std::vector<std::string> fromEngine(names.begin(), names.end());
        std::sort(fromSchema.begin(), fromSchema.end());
        std::sort(fromEngine.begin(), fromEngine.end());
        EXPECT_EQ(fromSchema, fromEngine) << definition;
    };
    same("characteristic_fact", characteristicFactNames());
    same("document_fact", documentFactNames());
    same("places", placeNames());
    same("at", pointNames());
}

TEST(RuleKindsTest, ALayerCanUseEveryDataKind)
{
    // characteristic_fact, limited to one characteristic
    RulePackData pack = layeredRules(builtinRulePack(), layerWith("dept.disability-adverse", R"("kind": "characteristic_fact",
        "fact": "adverse_without_mitigation", "characteristics": ["disability"])"), "l.json");
    auto found = findingsOf(pack, "dept.disability-adverse", kAdverse);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].characteristic, "disability");
    EXPECT_EQ(found[0].location.block, 1); // the Disability heading

    // document_fact
    pack = layeredRules(builtinRulePack(), layerWith("dept.adverse-no-monitoring", R"("kind": "document_fact",
        "when": {"any_adverse": true, "monitoring": false})"), "l.json");
    EXPECT_EQ(findingsOf(pack, "dept.adverse-no-monitoring", kAdverse).size(), 1u);
    auto monitored = kAdverse;
    monitored.push_back("We will monitor complaints from disabled residents every quarter and review in March 2027.");
    EXPECT_TRUE(findingsOf(pack, "dept.adverse-no-monitoring", monitored).empty());

    // places, with a condition
    pack = layeredRules(builtinRulePack(), layerWith("dept.stock-phrase", R"("kind": "places", "places": "mantras",
        "when": {"monitoring": false})"), "l.json");
    const std::vector<std::string> mantra = { "# Equality Impact Assessment", "# Conclusion",
                                              "Due regard has been paid to the Public Sector Equality Duty." };
    const std::size_t builtIn = findingsOf(builtinRulePack(), "boilerplate.mantra", mantra).size();
    ASSERT_GE(builtIn, 1u);
    EXPECT_EQ(findingsOf(pack, "dept.stock-phrase", mantra).size(), builtIn);
    auto withMonitoring = mantra;
    withMonitoring.push_back("We will monitor take-up by age and disability every quarter.");
    EXPECT_TRUE(findingsOf(pack, "dept.stock-phrase", withMonitoring).empty()); // `when` no longer holds
}

TEST(RuleKindsTest, TermsKindsPointAtTheWordsUsed)
{
    const RulePackData present = layeredRules(builtinRulePack(), layerWith("dept.say-residents", R"("kind": "terms_present",
        "terms": ["service users"])"), "l.json");
    const std::vector<std::string> lines = { "# Equality Impact Assessment", "Nothing here.",
                                             "Café staff asked SERVICE   Users about the hours." };
    auto found = findingsOf(present, "dept.say-residents", lines);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.block, 2);
    EXPECT_EQ(found[0].excerpt, "SERVICE   Users"); // offsets past a non-ASCII letter are UTF-16 ones

    const RulePackData companion = layeredRules(builtinRulePack(), layerWith("dept.consultation-outcome",
        R"("kind": "terms_without_companion", "terms": ["consultation"], "companions": ["you said", "as a result"])"), "l.json");
    found = findingsOf(companion, "dept.consultation-outcome",
                       { "# Equality Impact Assessment", "A consultation ran for six weeks.",
                         "After the consultation, as a result, the hours changed." });
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].location.block, 1);
    EXPECT_EQ(found[0].excerpt, "consultation");

    const RulePackData required = layeredRules(builtinRulePack(), layerWith("dept.covenant", R"("kind": "terms_required",
        "terms": ["Armed Forces Covenant"])"), "l.json");
    EXPECT_EQ(findingsOf(required, "dept.covenant", { "# Equality Impact Assessment", "Nothing here." }).size(), 1u);
    EXPECT_TRUE(findingsOf(required, "dept.covenant", { "# EIA", "We follow the armed forces covenant." }).empty());
}

TEST(RuleKindsTest, ALayerCannotAddCodeOrChangeWhatABuiltInRuleLooksFor)
{
    EXPECT_THROW(layeredRules(builtinRulePack(), layerWith("dept.custom", R"("kind": "check")"), "l.json"), RuleDataError);
    EXPECT_THROW(layeredRules(builtinRulePack(), R"({"rules": [{"id": "monitoring.missing", "when": {"monitoring": true}}]})", "l.json"),
                 RuleDataError);
    EXPECT_THROW(layeredRules(builtinRulePack(), layerWith("dept.x", R"("kind": "places")"), "l.json"), RuleDataError);
}

TEST(RuleKindsTest, RulesTestReportsAFailingExample)
{
    // The good example uses the term, so the rule fires on it: the run says so.
    const std::string layer = layerWith("dept.covenant", R"("kind": "terms_required", "terms": ["Armed Forces Covenant"])",
                                        R"("examples": {"bad": [["# EIA", "Nothing about it."]],
                                                        "good": [["# EIA", "We follow the covenant."], ["# EIA", "The Armed Forces Covenant applies."]]})");
    const RulePackData pack = layeredRules(builtinRulePack(), layer, "l.json");
    const auto outcomes = runExamples(builtinLexicon(), pack, layerRuleIds(layer, "l.json"));
    ASSERT_EQ(outcomes.size(), 3u);
    EXPECT_TRUE(outcomes[0].bad && outcomes[0].passed);
    EXPECT_FALSE(outcomes[1].bad);
    EXPECT_FALSE(outcomes[1].passed);
    EXPECT_NE(std::find(outcomes[1].fired.begin(), outcomes[1].fired.end(), "dept.covenant"), outcomes[1].fired.end());
    EXPECT_TRUE(outcomes[2].passed);
}

TEST(RuleKindsTest, ReadmeWalkthroughRuleIsOneJsonEdit)
{
    // The rule exactly as the README shows it, added to the shipped pack's list.
    const std::string readme = fileText(DUEREGARD_SOURCE_DIR "/README.md");
    const std::size_t begin = readme.find("<!-- adding-a-rule:begin -->\n```json\n");
    const std::size_t end = readme.find("```\n<!-- adding-a-rule:end -->");
    ASSERT_NE(begin, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    const std::string shown = readme.substr(begin + 37, end - begin - 37);
    nlohmann::json core = nlohmann::json::parse(fileText(DUEREGARD_SOURCE_DIR "/rules/packs/core.json"));
    core.at("rules").push_back(nlohmann::json::parse(shown));
    const RulePackData pack = parseRulePack(core.dump(), "core.json with the README's rule");
    requireEveryCheck(pack, "core.json with the README's rule");
    const std::string id = "decision.adverse-without-decision-maker";
    ASSERT_NE(pack.find(id), nullptr);
    const auto outcomes = runExamples(builtinLexicon(), pack, { id });
    ASSERT_EQ(outcomes.size(), 2u);
    for (const ExampleOutcome& o : outcomes)
        EXPECT_TRUE(o.passed) << (o.bad ? "bad" : "good") << " example";
    EXPECT_EQ(findingsOf(builtinRulePack(), id, pack.find(id)->bad[0].lines).size(), 0u); // not shipped
    EXPECT_EQ(findingsOf(pack, id, pack.find(id)->bad[0].lines).size(), 1u);
}
