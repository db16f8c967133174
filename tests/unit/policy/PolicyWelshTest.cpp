// A department's layer or policy that cannot be used is worded for whoever reads it: in English by
// what() (the command line, logs), and in Welsh by l10n::describe for a Welsh interface (issue 24).

#include "engine/RulePack.hpp"
#include "l10n/Error.hpp"
#include "l10n/Messages.hpp"
#include "policy/Layering.hpp"
#include "policy/Policy.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace dueregard;
using namespace dueregard::policy;

namespace
{
const char* kUrgent
    = R"({"pack": "Example Council", "rules": [{"id": "mitigation.vague", "severity": "urgent"}]})";

std::function<std::string()> layerText(std::string json)
{
    return [json = std::move(json)] { return json; };
}

engine::RuleDataError policyError(const std::string& json)
{
    try
    {
        readPolicy(json, "policy.json",
                   [](const std::string&) { return std::optional<std::string>(); });
    }
    catch (const engine::RuleDataError& e)
    {
        return e;
    }
    throw std::logic_error("the policy was accepted");
}
} // namespace

TEST(PolicyWelshTest, APolicyErrorIsEnglishByWhatAndWelshByDescribe)
{
    const engine::RuleDataError e = policyError(
        R"({"id": "example-council", "organisation": "Cyngor Enghraifft", "version": "1",
        "settings": {"disabled_rules": ["no.such-rule"]}})");
    EXPECT_STREQ(e.what(),
                 "policy.json: /settings/disabled_rules/0: there is no rule 'no.such-rule'");
    EXPECT_EQ(l10n::describe(e, "cy"),
              "policy.json: /settings/disabled_rules/0: nid oes rheol 'no.such-rule'");
    EXPECT_EQ(l10n::describe(e, "en-GB"), e.what());
    // The accessors stay English, for callers that have no language.
    EXPECT_EQ(e.reason(), "there is no rule 'no.such-rule'");
}

TEST(PolicyWelshTest, AStrictLayerErrorNamesThePolicysLayerInTheReadersLanguage)
{
    LayerSources s;
    s.rules = layerText(kUrgent);
    try
    {
        layeredStrictly(s);
        FAIL() << "a broken layer was used";
    }
    catch (const engine::RuleDataError& e)
    {
        EXPECT_EQ(std::string(e.what()).rfind("the policy's rules: /rules/0/severity: ", 0), 0u)
            << e.what();
        const std::string welsh = l10n::describe(e, "cy");
        EXPECT_EQ(welsh.rfind(l10n::text("cy", "policy.file.rules") + ": /rules/0/severity: ", 0),
                  0u)
            << welsh;
        EXPECT_EQ(welsh.find("the policy's"), std::string::npos) << welsh;
    }
}

TEST(PolicyWelshTest, ForUsersAProblemIsWordedInTheInterfacesLanguage)
{
    LayerSources s;
    s.rules = layerText(
        R"({"pack": "Example Council", "rules": [{"id": "mitigation.vague", "kind": "check"}]})");
    s.severities = { { "no.such-rule", "error" } };
    s.templates = []() -> std::string {
        throw l10n::Error("profile.cannot_read",
                          { { "file", std::string("/srv/templates.json") } });
    };

    const LayeredData english = layeredForUsers(s);
    ASSERT_EQ(english.problems.size(), 3u);
    EXPECT_EQ(english.problems[1], "A severity setting could not be used (the severity settings: "
                                   "no.such-rule: there is no rule 'no.such-rule').");

    const LayeredData welsh = layeredForUsers(s, "cy");
    ASSERT_EQ(welsh.problems.size(), 3u);
    EXPECT_EQ(welsh.problems[1], "Nid oedd modd defnyddio gosodiad difrifoldeb (y gosodiadau "
                                 "difrifoldeb: no.such-rule: nid oes rheol "
                                 "'no.such-rule').");
    // A failure to read the layer is worded in Welsh too, and so is the rule a layer cannot change.
    EXPECT_EQ(welsh.problems[0].rfind(
                  "Nid oedd modd defnyddio rheolau eich sefydliad (rheolau eich sefydliad: ", 0),
              0u)
        << welsh.problems[0];
    EXPECT_NE(welsh.problems[2].find(
                  l10n::text("cy", "profile.cannot_read", { { "file", "/srv/templates.json" } })),
              std::string::npos)
        << welsh.problems[2];
    for (const std::string& problem : welsh.problems)
        EXPECT_EQ(problem.find("could not be used"), std::string::npos) << problem;
}

TEST(PolicyWelshTest, ThePackagesNameIsInEveryLanguage)
{
    Policy p;
    p.id = "example";
    p.organisation = "Cyngor Enghraifft";
    p.version = "1";
    std::string description;
    for (const auto& [name, content] : policyPackageFiles(p, "org.dueregard"))
        if (name == "description.xml")
            description = content;
    EXPECT_NE(description.find("<name lang=\"en-GB\">Due Regard policy: Cyngor Enghraifft</name>"),
              std::string::npos)
        << description;
    EXPECT_NE(description.find("<name lang=\"cy\">Polisi Due Regard: Cyngor Enghraifft</name>"),
              std::string::npos)
        << description;
}
