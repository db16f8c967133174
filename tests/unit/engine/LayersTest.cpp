#include "ExampleDocument.hpp"

#include "engine/Engine.hpp"
#include "engine/Layers.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dueregard;
using namespace dueregard::engine;

namespace
{
const Rule* find(const RulePackData& p, const std::string& id) { return p.find(id); }

std::string errorOf(const std::function<void()>& f)
{
    try
    {
        f();
    }
    catch (const RuleDataError& e)
    {
        return e.what();
    }
    return "no error";
}

bool fired(const CheckResult& r, const std::string& id)
{
    return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.id == id; });
}
} // namespace

TEST(LayersTest, RuleLayerSwitchesOffChangesAndAdds)
{
    const RulePackData pack = layeredRules(builtinRulePack(), R"({"pack": "Example Council", "rules": [
        {"id": "aims.boilerplate-only", "enabled": false},
        {"id": "mitigation.vague", "severity": "error", "basis": "Example Council equality guidance, section 4"},
        {"id": "council.covenant", "severity": "warning", "area": "policy", "message": "The Armed Forces Covenant is not mentioned.",
         "questions": ["Does the proposal affect the armed forces community?"], "basis": "Armed Forces Act 2021",
         "requires_terms": ["Armed Forces Covenant", "armed forces community"]}]})",
                                              "example/rules.json");
    EXPECT_EQ(find(pack, "aims.boilerplate-only"), nullptr);
    ASSERT_NE(find(pack, "mitigation.vague"), nullptr);
    EXPECT_EQ(find(pack, "mitigation.vague")->severity, "error");
    EXPECT_EQ(find(pack, "mitigation.vague")->basis, "Example Council equality guidance, section 4");
    EXPECT_FALSE(find(pack, "mitigation.vague")->message.empty()); // unchanged wording stays
    ASSERT_NE(find(pack, "council.covenant"), nullptr);
    EXPECT_EQ(pack.rules.size(), builtinRulePack().rules.size());

    Engine engine(builtinLexicon(), pack);
    const auto without = engine.check(test::exampleDocument({ "# Equality Impact Assessment", "Support will be offered where possible." }));
    EXPECT_TRUE(fired(without, "council.covenant"));
    const Finding& vague = *std::find_if(without.findings.begin(), without.findings.end(), [](const Finding& f) { return f.id == "mitigation.vague"; });
    EXPECT_EQ(vague.severity, "error");
    const auto with = engine.check(test::exampleDocument({ "# Equality Impact Assessment", "We considered the armed-forces   community." }));
    EXPECT_FALSE(fired(with, "council.covenant"));
}

TEST(LayersTest, RuleLayerMistakesNameTheField)
{
    EXPECT_EQ(errorOf([] { layeredRules(builtinRulePack(), R"({"rules": [{"id": "mitigation.vague", "severity": "fatal"}]})", "r.json"); }).rfind("r.json: /rules/0/severity", 0), 0u);
    EXPECT_EQ(errorOf([] { layeredRules(builtinRulePack(), R"({"rules": [{"id": "no.such-rule", "severity": "error"}]})", "r.json"); }),
              "r.json: /rules/0: there is no rule 'no.such-rule' to change; a new rule needs \"area\" (and severity, area, message, "
              "questions, basis, and requires_terms or a kind)");
    EXPECT_EQ(errorOf([] { layeredRules(builtinRulePack(), R"({"rules": [{"id": "mitigation.vague", "requires_terms": ["x y"]}]})", "r.json"); }),
              "r.json: /rules/0/requires_terms: 'mitigation.vague' is a built-in check: its terms cannot be changed");
    EXPECT_EQ(errorOf([] { layeredRules(builtinRulePack(), R"({"rules": [{"id": "mitigation.vague", "colour": "red"}]})", "r.json"); }).rfind("r.json: /rules/0", 0), 0u);
    EXPECT_EQ(errorOf([] { layeredRules(builtinRulePack(), "not json", "r.json"); }).rfind("r.json", 0), 0u);
}

TEST(LayersTest, SeverityOverrides)
{
    const RulePackData pack = withSeverities(builtinRulePack(), { { "monitoring.missing", "error" } }, "settings");
    EXPECT_EQ(pack.find("monitoring.missing")->severity, "error");
    EXPECT_EQ(errorOf([] { withSeverities(builtinRulePack(), { { "monitoring.missing", "urgent" } }, "settings"); }),
              "settings: monitoring.missing: 'urgent' is not a severity: use error, warning or advice");
    EXPECT_EQ(errorOf([] { withSeverities(builtinRulePack(), { { "nope.nope", "error" } }, "settings"); }),
              "settings: nope.nope: there is no rule 'nope.nope'");
}

TEST(LayersTest, TemplatesLayerAddsAndReplacesSections)
{
    const TemplatesData data = layeredTemplates(R"({"sections": [
        {"id": "local-priorities", "title": "Council priorities", "order": 9.5,
         "content": [{"text": "How does the proposal serve the [[priority|Which of the Council Plan's priorities?]]?"}]},
        {"id": "monitoring", "title": "Monitoring and review", "order": 10, "content": [{"text": "Reviewed by the Equality Board: [[date|When?]]"}]}],
        "skeletons": {"england": ["document-control", "local-priorities", "monitoring"]}})",
                                                "example/templates.json");
    const Templates t(data, Lexicon(builtinLexicon()));
    EXPECT_TRUE(t.has("local-priorities"));
    EXPECT_EQ(t.titleOf("local-priorities"), "Council priorities");
    EXPECT_EQ(t.skeleton("england"), (std::vector<std::string>{ "document-control", "local-priorities", "monitoring" }));
    EXPECT_TRUE(t.has("engagement")); // the built-in sections stay

    EXPECT_EQ(errorOf([] { layeredTemplates(R"({"skeletons": {"england": ["no-such-section"]}})", "t.json"); }).rfind("t.json", 0), 0u);
    EXPECT_EQ(errorOf([] { layeredTemplates(R"({"colours": {}})", "t.json"); }),
              "t.json: /colours: a templates layer can give titles, skeletons and sections, not 'colours'");
}

TEST(LayersTest, RequiredSectionsArePromptedWithTheSectionToInsert)
{
    Engine engine;
    CheckOptions options;
    options.requiredSections = { "engagement", "monitoring" };
    const auto r = engine.check(test::exampleDocument({ "# Equality Impact Assessment", "# Monitoring and review",
                                                        "Reviewed every six months by the Equality Board from 1 May 2026." }),
                                options);
    std::vector<std::string> inserts;
    for (const Finding& f : r.findings)
        if (f.id == "sections.required-missing")
            inserts.push_back(f.insert);
    EXPECT_EQ(inserts, (std::vector<std::string>{ "engagement" }));
}

TEST(LayersTest, DepartmentGroupsAreCheckedLikeTheOthers)
{
    std::map<std::string, std::string> focus;
    const LexiconData lexicon = layeredGroups(builtinLexicon(), R"({"extra_groups": [{"id": "homelessness",
        "label": "People experiencing homelessness", "terms": ["homeless*", "rough sleep*"], "focus": "people sleeping rough"}]})",
                                              "groups.json", &focus);
    EXPECT_EQ(focus.at("homelessness"), "people sleeping rough");
    Engine engine(lexicon, builtinRulePack());
    CheckOptions options;
    options.assess.extraGroups = { "homelessness" };
    const auto r = engine.check(test::exampleDocument({ "# Equality Impact Assessment", "# Homelessness",
                                                        "Rough sleepers use the day centre; 40 people were counted in March 2026 (council street count)." }),
                                options);
    const auto it = std::find_if(r.assessment.characteristics.begin(), r.assessment.characteristics.end(),
                                 [](const CharacteristicResult& c) { return c.id == "homelessness"; });
    ASSERT_NE(it, r.assessment.characteristics.end());
    EXPECT_TRUE(it->addressed);

    EXPECT_EQ(errorOf([] { layeredGroups(builtinLexicon(), R"({"extra_groups": [{"id": "carers", "label": "Carers again", "terms": ["carer"]}]})", "g.json"); }),
              "g.json: /extra_groups/0/id: there is already a group called 'carers'");
    EXPECT_EQ(errorOf([] { layeredGroups(builtinLexicon(), R"({"extra_groups": [{"id": "x1", "label": "Capitals", "terms": ["Homeless"]}]})", "g.json"); }).rfind("g.json: /extra_groups/0/terms/0", 0), 0u);
}

TEST(LayersTest, PathologicalTermsAreRefusedOrStayLinear)
{
    // A term longer than eight words is refused with a message naming it.
    EXPECT_NE(errorOf([] {
                  layeredGroups(builtinLexicon(),
                                R"({"extra_groups": [{"id": "long1", "label": "Long", "terms": ["a b c d e f g h i"]}]})", "g.json");
              }).find("g.json: /extra_groups/0/terms/0"),
              std::string::npos);
    // Eight wildcard words against a long run of matching words: matching is one pass over the
    // words (no backtracking), so this finishes like any other check.
    const LexiconData lexicon = layeredGroups(builtinLexicon(),
                                              R"({"extra_groups": [{"id": "stars", "label": "Stars", "terms": ["a* a* a* a* a* a* a* a*"]}]})",
                                              "g.json");
    Engine engine(lexicon, builtinRulePack());
    std::string text;
    for (int i = 0; i < 20000; ++i)
        text += "aaa ";
    CheckOptions options;
    options.assess.extraGroups = { "stars" };
    const auto r = engine.check(test::exampleDocument({ "# Equality Impact Assessment", text }), options);
    EXPECT_EQ(r.facts.words, 20003u);
}
