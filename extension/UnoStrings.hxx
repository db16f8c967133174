#pragma once
// Conversions between OUString (UTF-16) and the engine's std::u16string / UTF-8 std::string.

#include <rtl/ustring.hxx>
#include <string>
#include <string_view>

namespace dueregard::ext
{
inline std::u16string toU16(const rtl::OUString& s)
{
    // The SDK's sal_Unicode is a 16-bit integer type, not char16_t: same bits, different type.
    return std::u16string(reinterpret_cast<const char16_t*>(s.getStr()),
                          static_cast<std::size_t>(s.getLength()));
}

inline rtl::OUString toOUString(std::u16string_view s)
{
    return rtl::OUString(reinterpret_cast<const sal_Unicode*>(s.data()), static_cast<sal_Int32>(s.size()));
}

inline std::string toUtf8(const rtl::OUString& s)
{
    const rtl::OString o = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<std::size_t>(o.getLength()));
}

inline rtl::OUString fromUtf8(std::string_view s)
{
    return rtl::OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

inline rtl::OUString ascii(const char* s) { return rtl::OUString::createFromAscii(s); }
} // namespace dueregard::ext
