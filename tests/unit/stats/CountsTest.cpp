#include "stats/Counts.hpp"

#include <gtest/gtest.h>

using namespace dueregard::stats;

TEST(CountsTest, SpreadsheetPasteWithHeaderAndThousandsSeparators)
{
    const CountsTable t = parseCounts("Ethnicity\tSearches\tPopulation\nBlack\t3,973\t164,174\nWhite\t9,713\t1,904,510\n");
    EXPECT_TRUE(t.problems.empty());
    ASSERT_EQ(t.groups.size(), 2u);
    EXPECT_EQ(t.groups[0].group, "Black");
    EXPECT_DOUBLE_EQ(*t.groups[0].events, 3973);
    EXPECT_DOUBLE_EQ(*t.groups[1].baseline, 1904510);
    EXPECT_EQ(t.eventsLabel, "Searches");
}

TEST(CountsTest, HeaderPicksNamedColumnsInAnyOrder)
{
    const CountsTable t = parseCounts("group,population,year,arrests\r\nAsian,\"120,000\",2024,300\r\nWhite,\"900,000\",2024,1800\r\n");
    EXPECT_TRUE(t.problems.empty()) << t.problems.front().text("en-GB");
    ASSERT_EQ(t.groups.size(), 2u);
    EXPECT_DOUBLE_EQ(*t.groups[0].events, 300);
    EXPECT_DOUBLE_EQ(*t.groups[0].baseline, 120000);
}

TEST(CountsTest, SemicolonsSeparateAndCommasGroup)
{
    const CountsTable t = parseCounts("Black;3,973;164,174\nWhite;9,713;1,904,510");
    ASSERT_EQ(t.groups.size(), 2u);
    EXPECT_DOUBLE_EQ(*t.groups[1].events, 9713);
}

TEST(CountsTest, TypedWithSpacesAndMultiWordGroups)
{
    const CountsTable t = parseCounts("Mixed or multiple 40 8000\nWhite 900 100000\n");
    ASSERT_EQ(t.groups.size(), 2u);
    EXPECT_EQ(t.groups[0].group, "Mixed or multiple");
    EXPECT_DOUBLE_EQ(*t.groups[0].baseline, 8000);
}

TEST(CountsTest, SuppressedCellsAreMissingNotZero)
{
    const CountsTable t = parseCounts("Chinese\t[c]\t2000\nOther\t..\t3000\nWhite\t900\t100000");
    ASSERT_EQ(t.groups.size(), 3u);
    EXPECT_FALSE(t.groups[0].events.has_value());
    EXPECT_FALSE(t.groups[1].events.has_value());
    EXPECT_TRUE(t.problems.empty());
}

TEST(CountsTest, ProblemsNameTheLineAndLoseNothingElse)
{
    const CountsTable t = parseCounts("Black\t12%\t164174\nWhite\tmany\t100\n\nAsian\t5\n\t4\t5\nMixed\t40\t8000");
    ASSERT_EQ(t.problems.size(), 4u);
    EXPECT_EQ(t.problems[0].text("en-GB"),
              "Line 1: '12%' is a percentage; give the count instead.");
    EXPECT_EQ(t.problems[1].text("en-GB"), "Line 2: 'many' is not a number.");
    EXPECT_EQ(t.problems[2].text("en-GB"), "Line 4: needs a group, a number and a baseline.");
    EXPECT_EQ(t.problems[3].text("en-GB"), "Line 5: the group has no name.");
    ASSERT_EQ(t.groups.size(), 1u);
    EXPECT_EQ(t.groups[0].group, "Mixed");
}

TEST(CountsTest, UnquotedThousandsInCsvAreRefusedNotMisread)
{
    const CountsTable t = parseCounts("Black,3,973,164,174\nWhite,9713,1904510");
    ASSERT_EQ(t.problems.size(), 1u);
    EXPECT_NE(t.problems[0].text("en-GB").find("Line 1: has more columns than expected"),
              std::string::npos);
    ASSERT_EQ(t.groups.size(), 1u);
    EXPECT_EQ(t.groups[0].group, "White");
}

TEST(CountsTest, Numbers)
{
    EXPECT_DOUBLE_EQ(*parseNumber("1 904 510"), 1904510);
    EXPECT_DOUBLE_EQ(*parseNumber("1\xC2\xA0" "904"), 1904);
    EXPECT_DOUBLE_EQ(*parseNumber(" 12.5 "), 12.5);
    EXPECT_FALSE(parseNumber("12a").has_value());
    EXPECT_FALSE(parseNumber("").has_value());
    EXPECT_FALSE(parseNumber("1.2.3").has_value());
}

TEST(CountsTest, ByteOrderMarkAndEmptyInput)
{
    EXPECT_TRUE(parseCounts("").groups.empty());
    EXPECT_TRUE(parseCounts("").problems.empty());
    const CountsTable t = parseCounts("\xEF\xBB\xBFgroup,number,population\nA,1,10\n");
    ASSERT_EQ(t.groups.size(), 1u);
    EXPECT_EQ(t.groups[0].group, "A");
}

TEST(CountsTest, ProblemWithNamesWhatToFix)
{
    EXPECT_EQ(problemWith(parseCounts("Black\t3973\t164174\nWhite\t9713\t1904510"), ""), "");
    EXPECT_EQ(problemWith(parseCounts("Black\t3973\t164174\nWhite\t9713\t1904510"), "white"), "");
    EXPECT_EQ(problemWith(parseCounts("Black\t3973\t164174\nWhite\t9713\t1904510"), "Asian"),
              "There is no group called 'Asian'; the groups are: Black, White.");
    EXPECT_EQ(problemWith(parseCounts("Black\t3973\t164174"), ""),
              "Give at least two groups, each with a number and a baseline (one group per line).");
    EXPECT_EQ(problemWith(parseCounts("Black\tlots\t164174\nWhite\t1\t2"), ""), "Line 1: 'lots' is not a number.");
}

TEST(CountsTest, ProblemsAreWordedInTheReadersLanguage)
{
    const CountsTable t = parseCounts("Black\t12%\t164174\nWhite\t9713\t1904510");
    ASSERT_EQ(t.problems.size(), 1u);
    EXPECT_EQ(problemWith(t, "", "cy"), "Llinell 1: canran yw '12%'; rhowch y nifer yn lle hynny.");
    try
    {
        requireAnalysable(parseCounts("Black\t3973\t164174\nWhite\t9713\t1904510"), "Asian");
        FAIL() << "a comparator that is not there";
    }
    catch (const dueregard::l10n::Error& e)
    {
        EXPECT_STREQ(e.what(), "There is no group called 'Asian'; the groups are: Black, White.");
        EXPECT_EQ(dueregard::l10n::describe(e, "cy"),
                  "Nid oes grŵp o'r enw 'Asian'; y grwpiau yw: Black, White.");
    }
    EXPECT_NO_THROW(
        requireAnalysable(parseCounts("Black\t3973\t164174\nWhite\t9713\t1904510"), "white"));
}
