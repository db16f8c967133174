#include "text/Format.hpp"

#include <gtest/gtest.h>

#include <ctime>

using namespace dueregard::text;

TEST(FormatTest, CountsUseBritishGrouping)
{
    EXPECT_EQ(formatCount(0), u"0");
    EXPECT_EQ(formatCount(999), u"999");
    EXPECT_EQ(formatCount(1234567), u"1,234,567");
}

TEST(FormatTest, TodayIsTheLocalDateTheBritishWay)
{
    const std::string t = today();
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    EXPECT_NE(t.find(" " + std::to_string(local.tm_year + 1900)), std::string::npos) << t;
    EXPECT_EQ(t.rfind(std::to_string(local.tm_mday) + " ", 0), 0u) << t;
}

TEST(FormatTest, DatesAreDayMonthYear)
{
    EXPECT_EQ(formatDate(2026, 3, 3), u"3 March 2026");
    EXPECT_EQ(formatDate(2026, 11, 24), u"24 November 2026");
}

TEST(FormatTest, IsoDatesAreWrittenForPeopleAndOtherTextIsLeftAlone)
{
    EXPECT_EQ(formatIsoDate("2026-12-05"), "5 December 2026");
    EXPECT_EQ(formatIsoDate("2026-03-03T10:15:00Z"), "3 March 2026");
    EXPECT_EQ(formatIsoDate("2026-13-05"), "2026-13-05");
    EXPECT_EQ(formatIsoDate("5 December 2026"), "5 December 2026");
    EXPECT_EQ(formatIsoDate("2026-12"), "2026-12");
    const std::string iso = isoToday();
    ASSERT_EQ(iso.size(), 10u);
    EXPECT_EQ(formatIsoDate(iso), today());
}

TEST(FormatTest, DecimalsAreFixedAndGrouped)
{
    EXPECT_EQ(formatDecimal(24.2045, 1), u"24.2");
    EXPECT_EQ(formatDecimal(4.745, 2), u"4.75");
    EXPECT_EQ(formatDecimal(1904510, 0), u"1,904,510");
}
