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
} // namespace dueregard::text
