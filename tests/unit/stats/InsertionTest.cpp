#include "stats/Insertion.hpp"

#include <gtest/gtest.h>

using namespace dueregard;
using namespace dueregard::stats;

namespace
{
std::string textOf(const std::vector<engine::Run>& runs)
{
    std::string s;
    for (const auto& r : runs)
        s += r.placeholder ? "[" + r.text + "]" : r.text;
    return s;
}
} // namespace

TEST(InsertionTest, TableSentencesAndNote)
{
    const Analysis a = analyse({ { "Black", 3973, 164174 }, { "White", 9713, 1904510 }, { "Chinese", 3, 2000 } },
                               Measure::RateRatio);
    const engine::Plan plan = insertionPlan(a, "searched", "29 November 2026", "en-GB");
    ASSERT_EQ(plan.blocks.size(), 5u); // scope, table, two sentences, note
    EXPECT_EQ(textOf(plan.blocks[0].runs).rfind("Period: [period]. Area: [area].", 0), 0u);
    const auto& rows = plan.blocks[1].rows;
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(textOf(rows[0][4]), "Ratio to White (95% CI)");
    EXPECT_EQ(textOf(rows[1][1]), "3,973");
    EXPECT_EQ(textOf(rows[1][2]), "164,174");
    EXPECT_EQ(textOf(rows[1][3]), "24.2");
    EXPECT_EQ(textOf(rows[1][4]), "4.75 (4.57 to 4.92)");
    EXPECT_EQ(textOf(rows[1][5]), "Interval excludes 1");
    EXPECT_EQ(textOf(rows[2][2]), "1,904,510");
    EXPECT_EQ(textOf(rows[2][4]), "1.00 (comparator)");
    EXPECT_NE(textOf(rows[3][5]).find("Very small numbers"), std::string::npos);
    EXPECT_EQ(textOf(plan.blocks[2].runs), "Black people were 4.75 times as likely as White people to be searched (95% CI 4.57 to 4.92).");
    EXPECT_EQ(textOf(plan.blocks[3].runs),
              "Chinese people were 0.29 times as likely as White people to be searched (95% CI 0.09 to 0.91). "
              "The numbers are small, so treat this with caution.");
    EXPECT_NE(textOf(plan.blocks[4].runs).find("Katz log method"), std::string::npos);
    EXPECT_NE(textOf(plan.blocks[4].runs).find("29 November 2026"), std::string::npos);
}

TEST(InsertionTest, WithoutAnOutcomeTheSentenceHasAFieldToFill)
{
    const Analysis a = analyse({ { "Black", 3973, 164174 }, { "White", 9713, 1904510 } }, Measure::RateRatio);
    const engine::Plan plan = insertionPlan(a, "", "1 January 2026", "en-GB");
    const auto& runs = plan.blocks[2].runs;
    EXPECT_EQ(textOf(runs), "Black people were 4.75 times as likely as White people to be [decision] (95% CI 4.57 to 4.92).");
    EXPECT_EQ(plan.placeholders(), 5u); // four scope fields and the outcome
}

TEST(InsertionTest, RatesAndRepresentation)
{
    const Analysis rates = analyse({ { "Black", 3973, 164174 }, { "White", 9713, 1904510 } }, Measure::RatePer1000);
    EXPECT_EQ(sentence(rates, rates.groups[0], "searched", "en-GB"),
              "Black people were searched at a rate of 24.2 per 1,000, compared with 5.1 per 1,000 "
              "for White people.");
    const Analysis rep = analyse({ { "Black", 780, 13000 }, { "Other", 220, 87000 } }, Measure::RepresentationRatio);
    const engine::Plan plan = insertionPlan(rep, "listed", "1 January 2026", "en-GB");
    EXPECT_EQ(textOf(plan.blocks[1].rows[0][4]), "Representation ratio (95% CI)");
    ASSERT_EQ(plan.blocks.size(), 5u); // both groups have a sentence
    EXPECT_EQ(textOf(plan.blocks[2].runs).rfind("Black people were 6.00 times as represented among those listed", 0), 0u);
}

TEST(InsertionTest, MeasureIds)
{
    for (Measure m : { Measure::RateRatio, Measure::RepresentationRatio, Measure::RatePer1000 })
        EXPECT_EQ(parseMeasure(measureId(m)), m);
    EXPECT_FALSE(parseMeasure("odds").has_value());
    EXPECT_EQ(formatRatio(12.345), "12.3");
    EXPECT_EQ(formatRate(0.05), "0.050");
    EXPECT_EQ(formatCount(1904510), "1,904,510");
}

TEST(InsertionTest, InWelshTheTableAndSentencesAreWelsh)
{
    const Analysis a
        = analyse({ { "Black", 3973, 164174 }, { "White", 9713, 1904510 } }, Measure::RateRatio);
    const engine::Plan plan = insertionPlan(a, "chwilio", "1 January 2026", "cy");
    EXPECT_EQ(plan.title, "Anghymesuredd");
    EXPECT_EQ(textOf(plan.blocks[0].runs).rfind("Cyfnod: [cyfnod]. Ardal: [ardal].", 0), 0u);
    const auto& rows = plan.blocks[1].rows;
    EXPECT_EQ(textOf(rows[0][0]), "Grŵp");
    EXPECT_EQ(textOf(rows[0][4]), "Cymhareb o'i chymharu â White (cyfwng hyder 95%)");
    EXPECT_EQ(textOf(rows[1][4]), "4.75 (4.57 i 4.92)");
    EXPECT_EQ(textOf(rows[2][4]), "1.00 (grŵp cymharu)");
    EXPECT_EQ(textOf(plan.blocks[2].runs),
              "Roedd y gyfradd chwilio ar gyfer pobl Black 4.75 gwaith y gyfradd ar gyfer pobl "
              "White (cyfwng hyder 95%: 4.57 i 4.92).");
    EXPECT_EQ(textOf(plan.blocks[3].runs).rfind("Nodyn: Mae'r cyfraddau fesul 1,000", 0), 0u);
    EXPECT_EQ(sentence(a, a.groups[0], "", "cy").find("Roedd y gyfradd \x01 ar gyfer"), 0u);
}
