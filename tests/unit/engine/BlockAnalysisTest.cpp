// BlockAnalysis: the facts of one block's text with the built-in lexicon: numbers, percentages
// and shares, years and dates, impact markers (a negated impact read as a claim of no impact),
// the groups each sentence names, lists of names, counts of people and intersection phrases.

#include "engine/BlockAnalysis.hpp"
#include "engine/Engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using namespace dueregard;
using engine::BlockFacts;

namespace
{
const engine::Lexicon& lexicon()
{
    static const engine::Engine e;
    return e.lexicon();
}

BlockFacts analyse(std::u16string_view text)
{
    static engine::Tokenizer tokenizer;
    static text::WordCounter counter;
    return engine::analyseBlock(text, lexicon(), tokenizer, counter);
}

int group(const char* id)
{
    return lexicon().groupIndex(id);
}

int marker(const char* name)
{
    return lexicon().marker(name);
}

bool mentions(const BlockFacts& f, const char* id)
{
    return std::find(f.groups.begin(), f.groups.end(), group(id)) != f.groups.end();
}
} // namespace

TEST(BlockAnalysisTest, CountsWordsSentencesAndNumbers)
{
    const BlockFacts f = analyse(u"The hall closes in May. About 300 people use it each week.");
    EXPECT_EQ(f.words, 12U);
    ASSERT_EQ(f.sentences.size(), 2U);
    EXPECT_EQ(f.sentenceWords[0], 5U);
    EXPECT_EQ(f.sentenceNumbers[0], 0U);
    EXPECT_EQ(f.sentenceNumbers[1], 1U);
    EXPECT_EQ(f.numbers, 1U);
    EXPECT_FALSE(f.blank);
}

TEST(BlockAnalysisTest, SpacesOnlyTextIsBlank)
{
    EXPECT_TRUE(analyse(u"  \u00A0 ").blank);
    EXPECT_EQ(analyse(u"  \u00A0 ").words, 0U);
    EXPECT_FALSE(analyse(u" x ").blank);
}

TEST(BlockAnalysisTest, PercentagesAndSharesAreTold)
{
    const BlockFacts f = analyse(u"Fares rise by 5%. Some 41% of respondents objected. Usage fell 12 % overall.");
    ASSERT_EQ(f.sentences.size(), 3U);
    EXPECT_EQ(f.sentencePercent[0], 1U);
    EXPECT_EQ(f.sentenceShare[0], 0U);
    EXPECT_EQ(f.sentencePercent[1], 1U);
    EXPECT_EQ(f.sentenceShare[1], 1U);
    EXPECT_EQ(f.sentencePercent[2], 1U);
}

// Many public bodies write percentages out, in English and in Welsh.
TEST(BlockAnalysisTest, PercentagesWrittenOutAreTold)
{
    const BlockFacts f = analyse(u"About 38 per cent of tenants replied. Only 7 percent objected. "
                                 u"Roedd 22 y cant o'r ymatebwyr yn anabl. Some 12 people cent letters.");
    ASSERT_EQ(f.sentences.size(), 4U);
    EXPECT_EQ(f.sentencePercent[0], 1U);
    EXPECT_EQ(f.sentenceShare[0], 1U);
    EXPECT_EQ(f.sentencePercent[1], 1U);
    EXPECT_EQ(f.sentenceShare[1], 0U);
    EXPECT_EQ(f.sentencePercent[2], 1U);
    EXPECT_EQ(f.sentenceShare[2], 1U);
    EXPECT_EQ(f.sentencePercent[3], 0U);
}

TEST(BlockAnalysisTest, YearsAreCountedButOtherFourDigitNumbersAreNot)
{
    const BlockFacts f = analyse(u"In 2024 the council spent 1500 pounds. The 1850 charter still applies.");
    ASSERT_EQ(f.sentences.size(), 2U);
    EXPECT_EQ(f.sentenceYears[0], 1U);
    EXPECT_EQ(f.sentenceNumbers[0], 2U);
    EXPECT_EQ(f.sentenceYears[1], 0U);
    ASSERT_EQ(f.yearWords.size(), 1U);
    EXPECT_EQ(f.yearWords[0], 1U);
}

TEST(BlockAnalysisTest, DatesAreReadWithDayMonthAndYear)
{
    const BlockFacts f = analyse(u"The cabinet decides on 14 March 2026, then reviews in June 2027.");
    ASSERT_EQ(f.dates.size(), 2U);
    EXPECT_EQ(f.dates[0].year, 2026);
    EXPECT_EQ(f.dates[0].month, 3);
    EXPECT_EQ(f.dates[0].day, 14);
    EXPECT_EQ(f.dates[1].month, 6);
    EXPECT_EQ(f.dates[1].day, 1);
    EXPECT_LT(f.dates[0].serial(), f.dates[1].serial());
}

TEST(BlockAnalysisTest, MentionsCarryTheirGroupAndPosition)
{
    const std::u16string text = u"Disabled residents rely on the service.";
    const BlockFacts f = analyse(text);
    ASSERT_EQ(f.mentions.size(), 1U);
    EXPECT_EQ(f.mentions[0].group, group("disability"));
    EXPECT_EQ(text.substr(f.mentions[0].start, f.mentions[0].end - f.mentions[0].start), u"Disabled");
    EXPECT_TRUE(mentions(f, "disability"));
    EXPECT_FALSE(mentions(f, "age"));
}

TEST(BlockAnalysisTest, AnImpactWordIsANegativeMarker)
{
    const int negative = marker("impact_negative");
    ASSERT_GE(negative, 0);
    const BlockFacts f = analyse(u"Closing the hall would harm older residents.");
    EXPECT_TRUE(f.hasMarker(negative));
    EXPECT_TRUE(f.hasMarkerInSentence(negative, 0));
}

TEST(BlockAnalysisTest, NegatedNegativeImpactBecomesNeutral)
{
    const int negative = marker("impact_negative"), neutral = marker("impact_neutral");
    ASSERT_GE(neutral, 0);
    const BlockFacts f = analyse(u"Disabled residents would not be adversely affected by the change.");
    EXPECT_FALSE(f.hasMarker(negative));
    EXPECT_TRUE(f.hasMarker(neutral));
}

TEST(BlockAnalysisTest, NegationTooFarAwayDoesNotNeutraliseAnImpact)
{
    const int negative = marker("impact_negative");
    const BlockFacts f = analyse(u"Not everyone knows that the new parking charges and permits will harm carers.");
    EXPECT_TRUE(f.hasMarker(negative));
}

TEST(BlockAnalysisTest, NegatedPositiveImpactIsDroppedNotMadeNeutral)
{
    const int positive = marker("impact_positive"), neutral = marker("impact_neutral");
    const BlockFacts f = analyse(u"The new timetable will not benefit shift workers.");
    EXPECT_FALSE(f.hasMarker(positive));
    EXPECT_FALSE(f.hasMarker(neutral));
}

TEST(BlockAnalysisTest, AnyImpactAfterANegationIsAClaimOfNoImpact)
{
    const int neutral = marker("impact_neutral");
    EXPECT_TRUE(analyse(u"We do not expect the scheme to have any impact on tenants.").hasMarker(neutral));
    EXPECT_FALSE(analyse(u"We will ask whether tenants could be affected by the scheme.").hasMarker(neutral));
}

TEST(BlockAnalysisTest, SentenceGroupsListTheDistinctGroupsOfEachSentence)
{
    const BlockFacts f = analyse(u"Older people use the bus. Disabled people and older people use the ferry.");
    ASSERT_EQ(f.sentenceGroups.size(), 2U);
    EXPECT_EQ(f.sentenceGroups[0], std::vector<int>{ group("age") });
    EXPECT_EQ(f.sentenceGroups[1].size(), 2U);
    EXPECT_EQ(f.groups.size(), 2U);
}

TEST(BlockAnalysisTest, ListOfCharacteristicNamesIsNotAnalysis)
{
    const BlockFacts list = analyse(u"We considered age, disability, sex and religion or belief.");
    ASSERT_EQ(list.sentenceIsList.size(), 1U);
    EXPECT_TRUE(list.sentenceIsList[0]);
    const BlockFacts prose = analyse(u"Older tenants on the estate will walk further to the nearest bus stop.");
    EXPECT_FALSE(prose.sentenceIsList[0]);
}

TEST(BlockAnalysisTest, LineThatIsOnlyAGroupNameIsAListItem)
{
    const BlockFacts f = analyse(u"- marriage and civil partnership;");
    ASSERT_EQ(f.sentenceIsList.size(), 1U);
    EXPECT_TRUE(f.sentenceIsList[0]);
}

TEST(BlockAnalysisTest, NumberJustBeforeAGroupCountsPeople)
{
    EXPECT_TRUE(analyse(u"About 13,000 older people live in the district.").sentenceCounts.at(0));
    EXPECT_FALSE(analyse(u"In 2025 older people were surveyed about the service.").sentenceCounts.at(0));
    EXPECT_FALSE(analyse(u"Older people were surveyed about the service last year.").sentenceCounts.at(0));
}

TEST(BlockAnalysisTest, OlderDisabledWomenIsAnIntersectionPhrase)
{
    EXPECT_TRUE(analyse(u"Older disabled women use the day centre most.").intersectionPhrase);
}

TEST(BlockAnalysisTest, OlderAndDisabledPeopleIsTwoGroupsNotAnIntersection)
{
    const BlockFacts f = analyse(u"Older and disabled people use the day centre most.");
    EXPECT_FALSE(f.intersectionPhrase);
    EXPECT_TRUE(mentions(f, "age"));
    EXPECT_TRUE(mentions(f, "disability"));
}

TEST(BlockAnalysisTest, SameTextGivesTheSameFacts)
{
    const std::u16string text = u"In 2023, 18% of older carers said costs were a barrier.";
    const BlockFacts a = analyse(text), b = analyse(text);
    EXPECT_EQ(a.words, b.words);
    EXPECT_EQ(a.markerMask, b.markerMask);
    EXPECT_EQ(a.groups, b.groups);
    EXPECT_EQ(a.sentencePercent, b.sentencePercent);
    EXPECT_EQ(a.sentenceSays, b.sentenceSays);
}
