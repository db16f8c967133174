#include "engine/Engine.hpp"
#include "engine/RulePack.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace dueregard::engine;

namespace
{
std::string packWith(const std::string& rule)
{
    return R"({"pack": "dept", "rules": [)" + rule + "]}";
}

const char* const kGoodRule = R"({"id": "dept.needs-owner", "kind": "document_fact", "when": {"mitigation_owned": false},
  "severity": "warning", "area": "mitigation",
  "message": "Every action needs an owner.", "questions": ["Who owns it?"], "basis": "Department policy",
  "examples": {"bad": [["x"]], "good": [["y"]]}})";
} // namespace

TEST(RulePackLoadTest, AcceptsAWellFormedPack)
{
    const RulePackData pack = parseRulePack(packWith(kGoodRule), "dept.json");
    ASSERT_EQ(pack.rules.size(), 1u);
    EXPECT_EQ(pack.rules[0].id, "dept.needs-owner");
}

TEST(RulePackLoadTest, ErrorsNameFileJsonPathAndReason)
{
    std::string rule = kGoodRule;
    rule.replace(rule.find("\"warning\""), 9, "\"severe\"");
    try
    {
        parseRulePack(packWith(rule), "dept.json");
        FAIL() << "accepted a bad severity";
    }
    catch (const RuleDataError& e)
    {
        EXPECT_EQ(e.file(), "dept.json");
        EXPECT_EQ(e.path(), "/rules/0/severity");
        EXPECT_FALSE(e.reason().empty());
        EXPECT_NE(std::string(e.what()).find("dept.json: /rules/0/severity"), std::string::npos) << e.what();
    }
}

TEST(RulePackLoadTest, RejectsMalformedJsonDuplicatesAndMissingExamples)
{
    EXPECT_THROW(parseRulePack("{\"pack\": ", "a.json"), RuleDataError);
    EXPECT_THROW(parseRulePack(packWith(std::string(kGoodRule) + "," + kGoodRule), "b.json"), RuleDataError);
    std::string noExamples = kGoodRule;
    noExamples = noExamples.substr(0, noExamples.find(", \"examples\"")) + "}";
    EXPECT_THROW(parseRulePack(packWith(noExamples), "c.json"), RuleDataError);
}

// A rule with kind `kind` and the JSON members `parameters` (", ..." or ""), as a pack.
std::string packWithKind(const std::string& kind, const std::string& parameters)
{
    std::string rule = kGoodRule;
    rule.replace(rule.find(R"("kind": "document_fact", "when": {"mitigation_owned": false})"),
                 std::string(R"("kind": "document_fact", "when": {"mitigation_owned": false})").size(),
                 "\"kind\": \"" + kind + "\"" + parameters);
    return packWith(rule);
}

std::string loadError(const std::string& json)
{
    try
    {
        parseRulePack(json, "dept.json");
    }
    catch (const RuleDataError& e)
    {
        return e.what();
    }
    return "(loaded)";
}

TEST(RulePackLoadTest, EveryKindLoadsWithItsParameters)
{
    for (const auto& [kind, parameters] : std::vector<std::pair<std::string, std::string>>{
             { "characteristic_fact", R"(, "fact": "no_evidence", "characteristics": ["age"])" },
             { "document_fact", R"(, "when": {"monitoring": false}, "at": "technology")" },
             { "places", R"(, "places": "mantras", "when": {"monitoring": true})" },
             { "terms_required", R"(, "terms": ["armed forces"])" },
             { "terms_present", R"(, "terms": ["service users"])" },
             { "terms_without_companion", R"(, "terms": ["consultation"], "companions": ["you said"])" } })
    {
        const RulePackData pack = parseRulePack(packWithKind(kind, parameters), "dept.json");
        EXPECT_EQ(ruleKindName(pack.rules[0].kind), kind);
    }
}

TEST(RulePackLoadTest, RefusesAKindWithoutWhatItNeedsOrWithWhatItDoesNotTake)
{
    EXPECT_EQ(loadError(packWithKind("characteristic_fact", "")),
              "dept.json: /rules/0: 'dept.needs-owner' is a rule of kind characteristic_fact, which needs \"fact\"");
    EXPECT_EQ(loadError(packWithKind("terms_without_companion", R"(, "terms": ["consultation"])")),
              "dept.json: /rules/0: 'dept.needs-owner' is a rule of kind terms_without_companion, which needs \"companions\"");
    EXPECT_EQ(loadError(packWithKind("places", R"(, "places": "mantras", "terms": ["x y"])")),
              "dept.json: /rules/0/terms: 'dept.needs-owner' is a rule of kind places, which does not take \"terms\"");
    // The schema names the facts too; either way the rule and the member are named.
    EXPECT_EQ(loadError(packWithKind("document_fact", R"(, "when": {"sunshine": true})")).rfind("dept.json: /rules/0", 0), 0u);
    EXPECT_EQ(loadError(packWithKind("sorcery", "")).rfind("dept.json: /rules/0/kind", 0), 0u);
}

TEST(RulePackLoadTest, RefusesACheckThatNoCodeImplementsAndACheckWithoutARule)
{
    EXPECT_EQ(loadError(packWithKind("check", "")),
              "dept.json: /rules/0/id: no check implements 'dept.needs-owner': a rule of kind check needs its code in "
              "src/engine/checks/ (or use a data kind)");
    // The built-in pack has a rule for every check; without one, loading it names the check.
    RulePackData pack = builtinRulePack();
    requireEveryCheck(pack, "core.json");
    pack.rules.erase(std::find_if(pack.rules.begin(), pack.rules.end(), [](const Rule& r) { return r.id == "aims.missing"; }));
    try
    {
        requireEveryCheck(pack, "core.json");
        FAIL() << "a pack without aims.missing was accepted";
    }
    catch (const RuleDataError& e)
    {
        EXPECT_EQ(std::string(e.what()), "core.json: /rules: the check 'aims.missing' (src/engine/checks/) has no rule of kind "
                                         "check with its id: add one, with its wording and examples");
    }
}

TEST(RulePackLoadTest, LexiconErrorsAndTheBuiltinStillWorks)
{
    EXPECT_THROW(parseLexicon(R"({"language": "en-GB", "characteristics": [], "markers": {}, "jurisdictions": {}})", "l.json"),
                 RuleDataError);
    const std::string unknownGroup = R"({"language": "en-GB",
        "characteristics": [{"id": "age", "label": "Age", "terms": ["age"]}], "markers": {},
        "jurisdictions": {"england": {"characteristics": ["age", "height"], "extra_groups": []}}})";
    try
    {
        parseLexicon(unknownGroup, "l.json");
        FAIL();
    }
    catch (const RuleDataError& e)
    {
        EXPECT_EQ(e.path(), "/jurisdictions/england/characteristics");
    }
    // A lexicon without the markers the checks use is refused rather than silently checking less.
    const LexiconData thin = parseLexicon(R"({"language": "en-GB",
        "characteristics": [{"id": "age", "label": "Age", "terms": ["age"]}], "markers": {"mitigation": ["mitigat*"]},
        "jurisdictions": {"england": {"characteristics": ["age"], "extra_groups": []}}})", "l.json");
    EXPECT_THROW(Engine(thin, builtinRulePack()), RuleDataError);
    // The built-in data is unaffected by any of this.
    Engine builtin;
    EXPECT_GT(builtin.rulePack().rules.size(), 20u);
}

TEST(RulePackLoadTest, TermsMayNotBeLongerThanEightWords)
{
    const LexiconData data = parseLexicon(R"({"language": "en-GB",
        "characteristics": [{"id": "age", "label": "Age", "terms": ["a b c d e f g h i j"]}], "markers": {},
        "jurisdictions": {"england": {"characteristics": ["age"], "extra_groups": []}}})", "l.json");
    EXPECT_THROW(Lexicon{ data }, RuleDataError);
}

TEST(RulePackTest, NumbersTooLargeToHoldAreRefusedNotThrown)
{
    // Found by fuzzing: nlohmann/json throws out_of_range, not parse_error, for such a number.
    EXPECT_THROW(dueregard::engine::parseRulePack("999999999999999999999999999990E990009025336024711512063", "x.json"),
                 dueregard::engine::RuleDataError);
}
