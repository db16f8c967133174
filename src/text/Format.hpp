#pragma once
// en-GB formatting of numbers and dates for everything a user reads.

#include <cstddef>
#include <ctime>
#include <string>

namespace dueregard::text
{
// formatCount formats a count with en-GB grouping: 1234567 -> "1,234,567".
std::u16string formatCount(std::size_t value);

// formatDate formats a calendar date the British way: "3 March 2026".
std::u16string formatDate(int year, int month, int day);
} // namespace dueregard::text
