// Lexicon: a small hand-made lexicon compiles into groups, markers and labels; a term that does
// not compile and a missing marker group are refused naming what is wrong.

#include "engine/Lexicon.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace dueregard::engine;

namespace
{
LexiconData smallLexicon()
{
    LexiconData d;
    d.characteristics.push_back({ "age", "Age", { "older people", "young*" }, {} });
    d.characteristics.push_back({ "religion", "Religion or belief", { "faith", "church*" }, { "church street" } });
    d.extraGroups.push_back({ "carers", "Carers", { "unpaid carer*" }, {} });
    d.markers["negative"] = { "adverse", "worse off" };
    d.markers["data"] = { "survey", "# per cent" };
    return d;
}

std::vector<TermMatch> findIn(const TermSet& set, std::u16string_view text)
{
    static Tokenizer tk;
    return set.find(tk.tokenize(text).words);
}
} // namespace

TEST(LexiconTest, GroupsKeepTheirOrderIdsAndWhetherTheyAreExtra)
{
    const Lexicon lex(smallLexicon());
    ASSERT_EQ(lex.groups().size(), 3U);
    EXPECT_EQ(lex.groups()[0].id, "age");
    EXPECT_FALSE(lex.groups()[0].extra);
    EXPECT_EQ(lex.groups()[2].id, "carers");
    EXPECT_TRUE(lex.groups()[2].extra);
    EXPECT_EQ(lex.groupIndex("religion"), 1);
    EXPECT_EQ(lex.groupIndex("carers"), 2);
    EXPECT_EQ(lex.groupIndex("nationality"), -1);
}

TEST(LexiconTest, GroupTermsFindMentionsWithTheirGroupIndex)
{
    const Lexicon lex(smallLexicon());
    const auto m = findIn(lex.groupTerms(), u"Young residents and unpaid carers attend the church");
    ASSERT_EQ(m.size(), 3U);
    EXPECT_EQ(m[0].group, lex.groupIndex("age"));
    EXPECT_EQ(m[1].group, lex.groupIndex("carers"));
    EXPECT_EQ(m[2].group, lex.groupIndex("religion"));
}

TEST(LexiconTest, ExcludedTermsStopTheirGroupMatching)
{
    const Lexicon lex(smallLexicon());
    EXPECT_TRUE(findIn(lex.groupTerms(), u"The depot on Church Street closes").empty());
}

TEST(LexiconTest, MarkersAreNamedAndMatchTheirOwnTerms)
{
    const Lexicon lex(smallLexicon());
    EXPECT_EQ(lex.markerCount(), 2U);
    const int negative = lex.marker("negative");
    const int data = lex.marker("data");
    ASSERT_GE(negative, 0);
    ASSERT_GE(data, 0);
    EXPECT_NE(negative, data);
    EXPECT_EQ(lex.marker("positive"), -1);
    const auto m = findIn(lex.markerTerms(), u"The survey shows 12 per cent would be worse off");
    ASSERT_EQ(m.size(), 3U);
    EXPECT_EQ(m[0].group, data);
    EXPECT_EQ(m[1].group, data);
    EXPECT_EQ(m[2].group, negative);
}

TEST(LexiconTest, LabelsIncludeGroupNamesTheirHalvesAndCommonAliases)
{
    const Lexicon lex(smallLexicon());
    EXPECT_TRUE(lex.isLabel(u"age"));
    EXPECT_TRUE(lex.isLabel(u"religion or belief"));
    EXPECT_TRUE(lex.isLabel(u"belief"));
    EXPECT_TRUE(lex.isLabel(u"carers"));
    EXPECT_TRUE(lex.isLabel(u"ethnicity"));
    EXPECT_FALSE(lex.isLabel(u"older people"));
    EXPECT_FALSE(lex.isLabel(u"Age")); // labels are folded; callers pass folded text
}

TEST(LexiconTest, TermThatDoesNotCompileIsNamedByItsPath)
{
    LexiconData d = smallLexicon();
    d.characteristics[1].terms.push_back("  ");
    try
    {
        Lexicon lex(d);
        FAIL() << "an empty term was accepted";
    }
    catch (const RuleDataError& e)
    {
        EXPECT_EQ(e.path(), "/characteristics/1/terms/2");
    }
}

TEST(LexiconTest, ExclusionThatDoesNotCompileIsNamedByItsPath)
{
    LexiconData d = smallLexicon();
    d.characteristics[1].exclude.push_back("  ");
    try
    {
        Lexicon lex(d);
        FAIL() << "an empty exclusion was accepted";
    }
    catch (const RuleDataError& e)
    {
        EXPECT_EQ(e.path(), "/characteristics/1/exclude/1");
    }
}

TEST(LexiconTest, MarkerTermThatDoesNotCompileIsNamedByItsGroup)
{
    LexiconData d = smallLexicon();
    d.markers["data"].push_back("one two three four five six seven eight nine");
    try
    {
        Lexicon lex(d);
        FAIL() << "an overlong marker term was accepted";
    }
    catch (const RuleDataError& e)
    {
        EXPECT_EQ(e.path(), "/markers/data/2");
    }
}

TEST(LexiconTest, TooManyGroupsAreRefused)
{
    LexiconData d;
    for (int i = 0; i < 65; ++i)
        d.extraGroups.push_back({ "g" + std::to_string(i), "Group " + std::to_string(i), { "word" + std::to_string(i) }, {} });
    EXPECT_THROW(Lexicon{ d }, RuleDataError);
    d.extraGroups.pop_back();
    EXPECT_NO_THROW(Lexicon{ d });
}

TEST(LexiconTest, RequireMarkersNamesTheMissingGroup)
{
    const Lexicon lex(smallLexicon());
    EXPECT_NO_THROW(lex.requireMarkers({ "negative", "data" }));
    try
    {
        lex.requireMarkers({ "negative", "mitigation" });
        FAIL() << "a missing marker group was accepted";
    }
    catch (const RuleDataError& e)
    {
        EXPECT_NE(e.reason().find("mitigation"), std::string::npos);
    }
}

TEST(LexiconTest, BuiltinLexiconCompilesWithinItsLimits)
{
    const Lexicon lex(builtinLexicon());
    EXPECT_LE(lex.groups().size(), 64U);
    EXPECT_GE(lex.groupIndex("age"), 0);
    EXPECT_GT(lex.markerCount(), 0U);
}
