// Rule data, templates, glossaries and documents that cannot be read say so in the reader's
// language: what() is British English, l10n::describe(e, "cy") is Welsh (issue 24).

#include "engine/JsonData.hpp"
#include "engine/Layers.hpp"
#include "engine/RulePack.hpp"
#include "engine/Templates.hpp"
#include "glossary/Glossary.hpp"
#include "l10n/Error.hpp"
#include "l10n/Messages.hpp"
#include "model/DocumentJson.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace dueregard;

namespace
{
template <typename Failure, typename Work> Failure failureOf(Work work)
{
    try
    {
        work();
    }
    catch (const Failure& e)
    {
        return e;
    }
    throw std::logic_error("no failure");
}
} // namespace

TEST(DataErrorsWelshTest, ALayersRuleErrorIsWelshByDescribeAndEnglishByWhat)
{
    const auto e = failureOf<engine::RuleDataError>(
        []
        {
            engine::layeredRules(
                engine::builtinRulePack(),
                R"({"pack": "Dept", "rules": [{"id": "mitigation.vague", "kind": "check"}]})",
                "dept.json");
        });
    EXPECT_EQ(e.file(), "dept.json");
    EXPECT_EQ(e.path(), "/rules/0/kind");
    EXPECT_NE(std::string(e.what()).find("'mitigation.vague' is a rule below this layer"),
              std::string::npos)
        << e.what();
    const std::string welsh = l10n::describe(e, "cy");
    EXPECT_EQ(welsh, "dept.json: /rules/0/kind: "
                         + l10n::text("cy", "layer.kind_fixed", { { "id", "mitigation.vague" } }));
    EXPECT_NE(welsh.find("o dan yr haen hon"), std::string::npos) << welsh;
}

TEST(DataErrorsWelshTest, ABuiltInFileIsNamedInTheReadersLanguage)
{
    const auto e = failureOf<engine::RuleDataError>(
        [] { engine::parseJson("{", l10n::Message("data.file.core_pack")); });
    EXPECT_EQ(e.file(), "built-in rule pack (rules/packs/core.json)");
    EXPECT_EQ(std::string(e.what()).rfind(
                  "built-in rule pack (rules/packs/core.json): (root): not valid JSON: ", 0),
              0u)
        << e.what();
    EXPECT_EQ(
        l10n::describe(e, "cy").rfind(
            "pecyn rheolau adeiledig (rules/packs/core.json): (gwraidd): nid yw'n JSON dilys: ", 0),
        0u)
        << l10n::describe(e, "cy");
}

TEST(DataErrorsWelshTest, ATemplatesLayerErrorIsWelshByDescribe)
{
    const auto e = failureOf<engine::RuleDataError>(
        [] { engine::layeredTemplates(R"({"sections": [{"title": "No id"}]})", "dept.json"); });
    EXPECT_STREQ(e.what(), "dept.json: /sections: every section needs an \"id\"");
    EXPECT_EQ(l10n::describe(e, "cy"), "dept.json: /sections: mae angen \"id\" ar bob adran");
}

TEST(DataErrorsWelshTest, ARethrownErrorKeepsItsReasonsWords)
{
    // The term is refused by the lexicon (a TermError), which the groups layer rethrows as its own.
    const auto e = failureOf<engine::RuleDataError>(
        []
        {
            engine::layeredGroups(
                engine::builtinLexicon(),
                R"({"extra_groups": [{"id": "volunteers", "label": "Volunteers", "terms": ["one two three four five six seven eight nine"]}]})",
                "groups.json");
        });
    EXPECT_EQ(e.path(), "/extra_groups/0/terms/0");
    EXPECT_STREQ(e.what(),
                 "groups.json: /extra_groups/0/terms/0: a term may have at most eight words");
    EXPECT_EQ(l10n::describe(e, "cy"),
              "groups.json: /extra_groups/0/terms/0: gall term fod yn wyth gair ar y mwyaf");
}

TEST(DataErrorsWelshTest, AGlossaryErrorIsWelshByDescribe)
{
    const auto e = failureOf<engine::RuleDataError>(
        []
        {
            glossary::parseGlossary(
                R"({"language": "en-GB", "terms": [{"id": "council-plan", "term": "Council Plan",
            "definition": "The council's priorities for its four-year term.", "source": "Council Plan", "variants": [],
            "see_also": ["no-such-term"]}]})",
                "dept-glossary.json");
        });
    EXPECT_STREQ(e.what(), "dept-glossary.json: /terms/0/see_also: unknown term 'no-such-term'");
    EXPECT_EQ(l10n::describe(e, "cy"),
              "dept-glossary.json: /terms/0/see_also: term anhysbys 'no-such-term'");
}

TEST(DataErrorsWelshTest, ADocumentThatIsNotADocumentIsWelshByDescribe)
{
    const auto e = failureOf<model::ModelFormatError>(
        [] { model::parseDocument(R"({"blocks": [{"id": "p1"}]})"); });
    EXPECT_STREQ(e.what(), "/blocks/0: missing \"text\"");
    EXPECT_EQ(l10n::describe(e, "cy"), "/blocks/0: \"text\" ar goll");
}

TEST(DataErrorsWelshTest, AMarkedTermsHoverTextIsOursInEitherLanguage)
{
    const glossary::Glossary english(glossary::builtinGlossaryData());
    const glossary::Glossary welsh(glossary::inLanguage(glossary::builtinGlossaryData(), "cy"));
    const std::string en = english.hoverText(0);
    const std::string cy = welsh.hoverText(0);
    EXPECT_NE(en.find(" Source: "), std::string::npos) << en;
    EXPECT_NE(cy.find(" Ffynhonnell: "), std::string::npos) << cy;
    EXPECT_TRUE(glossary::Glossary::isOurHoverText(en));
    EXPECT_TRUE(glossary::Glossary::isOurHoverText(cy));
    EXPECT_FALSE(glossary::Glossary::isOurHoverText("A note of the author's own"));
}
