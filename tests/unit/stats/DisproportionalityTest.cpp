#include "stats/Disproportionality.hpp"

#include "l10n/Messages.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace dueregard::stats;
namespace l10n = dueregard::l10n;

TEST(DisproportionalityTest, WorkedExampleMatchesHandComputation)
{
    // 3,973 searches among 164,174 Black residents against 9,713 among 1,904,510 White residents:
    // ratio 4.75, 95% CI 4.57 to 4.92 (computed by hand with the Katz log formula).
    const Analysis a = analyse({ { "Black", 3973, 164174 }, { "White", 9713, 1904510 } }, Measure::RateRatio);
    EXPECT_EQ(a.comparator, "White");
    const GroupResult& black = a.groups[0];
    ASSERT_TRUE(black.ratio && black.lower && black.upper);
    EXPECT_NEAR(*black.ratio, 4.745, 0.005);
    EXPECT_NEAR(*black.lower, 4.57, 0.005);
    EXPECT_NEAR(*black.upper, 4.92, 0.005);
    EXPECT_TRUE(black.intervalExcludesOne);
    EXPECT_NEAR(black.ratePer1000, 24.2, 0.05);
    EXPECT_NEAR(a.groups[1].ratePer1000, 5.1, 0.05);
    EXPECT_FALSE(a.groups[1].ratio.has_value()); // the comparator has no ratio against itself
    EXPECT_EQ(sentence(a, black, "searched", "en-GB"),
              "Black people were 4.75 times as likely as White people to be searched (95% CI 4.57 "
              "to 4.92).");
}

TEST(DisproportionalityTest, EqualRatesGiveOneAndAnIntervalAroundIt)
{
    const Analysis a = analyse({ { "Asian", 500, 100000 }, { "White", 1000, 200000 } }, Measure::RateRatio);
    ASSERT_TRUE(a.groups[0].ratio);
    EXPECT_DOUBLE_EQ(*a.groups[0].ratio, 1.0);
    EXPECT_LT(*a.groups[0].lower, 1.0);
    EXPECT_GT(*a.groups[0].upper, 1.0);
    EXPECT_FALSE(a.groups[0].intervalExcludesOne);
}

TEST(DisproportionalityTest, ZeroMissingAndImpossibleFiguresAreWarnedAbout)
{
    const Analysis a = analyse({ { "Mixed", 0, 5000 }, { "Other", std::nullopt, 3000 }, { "Gypsy or Irish Traveller", 40, 30 },
                                 { "Chinese", 3, 2000 }, { "White", 900, 100000 } },
                               Measure::RateRatio);
    EXPECT_FALSE(a.groups[0].ratio.has_value());
    EXPECT_NE(l10n::text("en-GB", a.groups[0].warnings.at(0)).find("no events"), std::string::npos);
    EXPECT_FALSE(a.groups[1].valid);
    EXPECT_NE(l10n::text("en-GB", a.groups[2].warnings.at(0)).find("smaller than the count"),
              std::string::npos);
    EXPECT_FALSE(a.groups[2].lower.has_value()); // no interval for impossible proportions
    EXPECT_NE(l10n::text("en-GB", a.groups[3].warnings.at(0)).find("very unstable"),
              std::string::npos); // RSE 58%
}

TEST(DisproportionalityTest, SmallNumbersBetweenThirtyAndFiftyPercent)
{
    const Analysis a = analyse({ { "Asian", 8, 1000 }, { "White", 900, 100000 } }, Measure::RateRatio);
    ASSERT_FALSE(a.groups[0].warnings.empty());
    EXPECT_NE(l10n::text("en-GB", a.groups[0].warnings[0])
                  .find("unstable (relative standard error over 30%)"),
              std::string::npos);
}

TEST(DisproportionalityTest, ComparatorDefaultsToLargestWithoutWhite)
{
    const Analysis a = analyse({ { "Group A", 10, 1000 }, { "Group B", 50, 90000 } }, Measure::RateRatio);
    EXPECT_EQ(a.comparator, "Group B");
    const Analysis named = analyse({ { "Group A", 10, 1000 }, { "Group B", 50, 90000 } }, Measure::RateRatio, "group a");
    EXPECT_EQ(named.comparator, "Group A");
}

TEST(DisproportionalityTest, RepresentationRatioUsesShares)
{
    // 78% of a list against 13% of the population.
    const Analysis a = analyse({ { "Black", 780, 13000 }, { "Other", 220, 87000 } }, Measure::RepresentationRatio);
    ASSERT_TRUE(a.groups[0].ratio);
    EXPECT_NEAR(*a.groups[0].ratio, 0.78 / 0.13, 1e-9);
    EXPECT_TRUE(a.groups[0].intervalExcludesOne);
}

TEST(DisproportionalityTest, HugePopulationsStayFinite)
{
    const Analysis a = analyse({ { "A", 1e6, 5e7 }, { "White", 2e6, 2e8 } }, Measure::RateRatio);
    ASSERT_TRUE(a.groups[0].lower && a.groups[0].upper);
    EXPECT_TRUE(std::isfinite(*a.groups[0].lower));
    EXPECT_NEAR(*a.groups[0].ratio, 2.0, 1e-12);
}
