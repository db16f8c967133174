#pragma once
// en-GB formatting of numbers and dates for everything a user reads.

#include <cstddef>
#include <ctime>
#include <string>

namespace dueregard::text
{
// formatCount formats a count with en-GB grouping: 1234567 -> "1,234,567".
std::u16string formatCount(std::size_t value);

// formatDecimal formats a number with en-GB grouping and exactly `decimals` decimal places:
// formatDecimal(24.2045, 1) -> "24.2", formatDecimal(1904510, 0) -> "1,904,510".
std::u16string formatDecimal(double value, int decimals);

// formatDate formats a calendar date the British way: "3 March 2026".
std::u16string formatDate(int year, int month, int day);

// today is the local date, the British way, in UTF-8: what a dismissal or inserted figures record.
std::string today();
} // namespace dueregard::text
