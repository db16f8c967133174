// TermSet: whole-word terms, stems ("disab*") and numbers ("per #"), the longest match per
// group, exclusions, nested matches dropped, and terms refused when empty or too long.

#include "engine/TermSet.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace dueregard::engine;

namespace
{
std::vector<TermMatch> findIn(const TermSet& set, std::u16string_view text)
{
    static Tokenizer tk;
    return set.find(tk.tokenize(text).words);
}
} // namespace

TEST(TermSetTest, WholeWordsMatchButNotInsideOtherWords)
{
    TermSet set;
    set.add(u"age", 0);
    set.add(u"men", 1);
    EXPECT_TRUE(findIn(set, u"See the next page about women.").empty());
    const auto m = findIn(set, u"Age matters to men");
    ASSERT_EQ(m.size(), 2U);
    EXPECT_EQ(m[0].group, 0);
    EXPECT_EQ(m[0].firstWord, 0U);
    EXPECT_EQ(m[1].group, 1);
    EXPECT_EQ(m[1].firstWord, 3U);
}

TEST(TermSetTest, TermsAreCaseInsensitive)
{
    TermSet set;
    set.add(u"Older People", 2);
    const auto m = findIn(set, u"services for OLDER people");
    ASSERT_EQ(m.size(), 1U);
    EXPECT_EQ(m[0].group, 2);
    EXPECT_EQ(m[0].firstWord, 2U);
    EXPECT_EQ(m[0].lastWord, 3U);
}

TEST(TermSetTest, StemMatchesWordsThatBeginWithIt)
{
    TermSet set;
    set.add(u"disab*", 0);
    const auto m = findIn(set, u"Disabled residents and disability groups, but not disco");
    ASSERT_EQ(m.size(), 2U);
    EXPECT_EQ(m[0].firstWord, 0U);
    EXPECT_EQ(m[1].firstWord, 3U);
}

TEST(TermSetTest, HashMatchesAnyNumber)
{
    TermSet set;
    set.add(u"per #", 0);
    const auto m = findIn(set, u"costs rise by 40 per 1000 homes, per household");
    ASSERT_EQ(m.size(), 1U);
    EXPECT_EQ(m[0].firstWord, 4U);
    EXPECT_EQ(m[0].lastWord, 5U);
}

TEST(TermSetTest, TermMayStartWithANumber)
{
    TermSet set;
    set.add(u"# years", 0);
    const auto m = findIn(set, u"residents aged 65 years or over");
    ASSERT_EQ(m.size(), 1U);
    EXPECT_EQ(m[0].firstWord, 2U);
}

TEST(TermSetTest, HyphensInATermCountAsSpaces)
{
    TermSet set;
    set.add(u"long-term", 0);
    EXPECT_EQ(findIn(set, u"a long term plan").size(), 1U);
    EXPECT_EQ(findIn(set, u"a long-term plan").size(), 1U);
}

TEST(TermSetTest, LongestMatchWinsAndTheShorterOneInsideIsDropped)
{
    TermSet set;
    set.add(u"people", 0);
    set.add(u"older people", 0);
    const auto m = findIn(set, u"older people use the bus");
    ASSERT_EQ(m.size(), 1U);
    EXPECT_EQ(m[0].firstWord, 0U);
    EXPECT_EQ(m[0].lastWord, 1U);
}

TEST(TermSetTest, DifferentGroupsMayOverlap)
{
    TermSet set;
    set.add(u"older", 0);
    set.add(u"older women", 1);
    const auto m = findIn(set, u"older women");
    ASSERT_EQ(m.size(), 2U);
    EXPECT_NE(m[0].group, m[1].group);
}

TEST(TermSetTest, ExcludingTermSuppressesOverlappingMatchesOfItsGroup)
{
    TermSet set;
    set.add(u"disab*", 0);
    set.add(u"disabled feature", 0, true);
    EXPECT_TRUE(findIn(set, u"the disabled feature of the app").empty());
    EXPECT_EQ(findIn(set, u"disabled people").size(), 1U);
}

TEST(TermSetTest, ExclusionOnlyAffectsItsOwnGroup)
{
    TermSet set;
    set.add(u"disab*", 0);
    set.add(u"disabled", 1);
    set.add(u"disabled feature", 0, true);
    const auto m = findIn(set, u"the disabled feature");
    ASSERT_EQ(m.size(), 1U);
    EXPECT_EQ(m[0].group, 1);
}

TEST(TermSetTest, MatchesAreOrderedByFirstWord)
{
    TermSet set;
    set.add(u"carers", 1);
    set.add(u"pregnan*", 0);
    const auto m = findIn(set, u"carers and pregnant women and carers");
    ASSERT_EQ(m.size(), 3U);
    EXPECT_LT(m[0].firstWord, m[1].firstWord);
    EXPECT_LT(m[1].firstWord, m[2].firstWord);
}

TEST(TermSetTest, EmptyOrOverlongTermsAreRefused)
{
    TermSet set;
    EXPECT_THROW(set.add(u"", 0), TermError);
    EXPECT_THROW(set.add(u" - ", 0), TermError);
    EXPECT_THROW(set.add(u"one two three four five six seven eight nine", 0), TermError);
    EXPECT_NO_THROW(set.add(u"one two three four five six seven eight", 0));
    EXPECT_EQ(set.size(), 1U);
}
