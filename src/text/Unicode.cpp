#include "text/Unicode.hpp"

#include <unicode/unistr.h>

namespace dueregard::text
{
std::u16string fromUtf8(std::string_view utf8)
{
    const icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    return std::u16string(s.getBuffer(), static_cast<std::size_t>(s.length()));
}

std::string toUtf8(std::u16string_view utf16)
{
    const icu::UnicodeString s(false, utf16.data(), static_cast<int32_t>(utf16.size()));
    std::string out;
    s.toUTF8String(out);
    return out;
}
std::string clipUtf8(std::string_view utf8, std::size_t bytes)
{
    if (utf8.size() <= bytes)
        return std::string(utf8);
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80)
        --end; // utf8[end] continues a character: cut before that character starts
    return std::string(utf8.substr(0, end));
}
} // namespace dueregard::text
