#include "engine/Engine.hpp"
#include "engine/RulePack.hpp"

#include <gtest/gtest.h>

using namespace dueregard::engine;

namespace
{
std::string packWith(const std::string& rule)
{
    return R"({"pack": "dept", "rules": [)" + rule + "]}";
}

const char* const kGoodRule = R"({"id": "dept.needs-owner", "severity": "warning", "area": "mitigation",
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
