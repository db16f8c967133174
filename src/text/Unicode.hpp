#pragma once
// Conversions between the encodings the product meets: UTF-8 (JSON, files, the command line)
// and UTF-16 (Writer, ICU, every offset in the model). Invalid input never throws: it is
// replaced with U+FFFD, so a damaged document still gets checked.

#include <string>
#include <string_view>

namespace dueregard::text
{
std::u16string fromUtf8(std::string_view utf8);
std::string toUtf8(std::u16string_view utf16);
// clipUtf8 is at most the first `bytes` bytes of UTF-8 text, never cutting a character in two.
std::string clipUtf8(std::string_view utf8, std::size_t bytes);
} // namespace dueregard::text
