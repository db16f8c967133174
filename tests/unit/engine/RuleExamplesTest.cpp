// Every rule in the built-in pack carries bad and good examples; this one parameterised test runs
// them all: a bad example must produce the rule's finding, a good one must not.

#include "ExampleDocument.hpp"

#include "engine/Engine.hpp"

#include <gtest/gtest.h>

using namespace dueregard;

namespace
{
struct Case
{
    std::string rule;
    bool bad;
    std::size_t index;
    engine::Example example;
};

// Readable test output instead of a byte dump.
void PrintTo(const Case& c, std::ostream* os) { *os << c.rule << (c.bad ? " bad #" : " good #") << c.index; }

std::vector<Case> allCases()
{
    std::vector<Case> cases;
    for (const engine::Rule& r : engine::builtinRulePack().rules)
    {
        for (std::size_t i = 0; i < r.bad.size(); ++i)
            cases.push_back({ r.id, true, i, r.bad[i] });
        for (std::size_t i = 0; i < r.good.size(); ++i)
            cases.push_back({ r.id, false, i, r.good[i] });
    }
    return cases;
}

std::string caseName(const testing::TestParamInfo<Case>& info)
{
    std::string name = info.param.rule + (info.param.bad ? "Bad" : "Good") + std::to_string(info.param.index);
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return name;
}

class RuleExamplesTest : public testing::TestWithParam<Case>
{
};
} // namespace

TEST_P(RuleExamplesTest, ExampleBehavesAsDocumented)
{
    const Case& c = GetParam();
    static engine::Engine engine;
    engine::CheckOptions options;
    if (!c.example.kind.empty())
        options.assess.kind = c.example.kind;
    options.requiredSections = c.example.requiredSections;
    const model::Document doc = test::exampleDocument(c.example.lines);
    const engine::CheckResult result = engine.check(doc, options);
    std::size_t matching = 0;
    std::string all;
    for (const engine::Finding& f : result.findings)
    {
        all += f.id + (f.characteristic.empty() ? "" : "(" + f.characteristic + ")") + " ";
        if (f.id == c.rule && (c.example.characteristic.empty() || f.characteristic == c.example.characteristic))
            ++matching;
    }
    if (c.bad)
        EXPECT_GE(matching, 1u) << c.rule << " should fire; findings: " << all;
    else
        EXPECT_EQ(matching, 0u) << c.rule << " should not fire; findings: " << all;
}

INSTANTIATE_TEST_SUITE_P(BuiltinPack, RuleExamplesTest, testing::ValuesIn(allCases()), caseName);

TEST(RulePackTest, EveryRuleHasExamplesAndUniqueId)
{
    const auto& pack = engine::builtinRulePack();
    std::set<std::string> ids;
    for (const auto& r : pack.rules)
    {
        EXPECT_TRUE(ids.insert(r.id).second) << r.id;
        EXPECT_FALSE(r.bad.empty()) << r.id;
        EXPECT_FALSE(r.good.empty()) << r.id;
        EXPECT_FALSE(r.basis.empty()) << r.id;
    }
}
