#pragma once
// en-GB formatting of numbers and dates for everything a user reads.

#include <cstddef>
#include <ctime>
#include <string>
#include <string_view>

namespace dueregard::text
{
// formatCount formats a count with en-GB grouping: 1234567 -> "1,234,567".
std::u16string formatCount(std::size_t value);

// formatDecimal formats a number with en-GB grouping and exactly `decimals` decimal places:
// formatDecimal(24.2045, 1) -> "24.2", formatDecimal(1904510, 0) -> "1,904,510".
std::u16string formatDecimal(double value, int decimals);

// formatDate formats a calendar date the British way: "3 March 2026" (in Welsh, language "cy",
// "3 Mawrth 2026").
std::u16string formatDate(int year, int month, int day, std::string_view language = "en-GB");

// today is the local date, the British way, in UTF-8: what a dismissal or inserted figures record.
std::string today();

// isoToday is the local date as ISO 8601 ("2026-12-05"): what a record meant for machines keeps.
std::string isoToday();

// formatIsoDate formats an ISO 8601 date ("2026-12-05", or the date part of a longer stamp) the
// British way, in UTF-8 ("5 December 2026"; in Welsh "5 Rhagfyr 2026"); text that is not such a
// date is returned unchanged.
std::string formatIsoDate(std::string_view iso, std::string_view language = "en-GB");
} // namespace dueregard::text
