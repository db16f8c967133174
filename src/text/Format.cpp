#include "text/Format.hpp"

#include "text/Unicode.hpp"

#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>

#include <memory>

namespace dueregard::text
{
std::u16string formatCount(std::size_t value)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString s = icu::number::NumberFormatter::withLocale(icu::Locale("en", "GB"))
                                     .formatInt(static_cast<int64_t>(value), status)
                                     .toString(status);
    if (U_FAILURE(status))
        return std::u16string(u"?");
    return std::u16string(s.getBuffer(), static_cast<std::size_t>(s.length()));
}

std::u16string formatDecimal(double value, int decimals)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString s = icu::number::NumberFormatter::withLocale(icu::Locale("en", "GB"))
                                     .precision(icu::number::Precision::fixedFraction(decimals))
                                     .roundingMode(UNUM_ROUND_HALFUP) // as published statistics round
                                     .formatDouble(value, status)
                                     .toString(status);
    if (U_FAILURE(status))
        return std::u16string(u"?");
    return std::u16string(s.getBuffer(), static_cast<std::size_t>(s.length()));
}

std::u16string formatDate(int year, int month, int day, std::string_view language)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = language == "cy" ? icu::Locale("cy", "GB") : icu::Locale("en", "GB");
    icu::SimpleDateFormat format(icu::UnicodeString(u"d MMMM y"), locale, status);
    icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), locale, status);
    calendar.clear();
    calendar.set(year, month - 1, day);
    format.setTimeZone(*icu::TimeZone::getGMT());
    const UDate when = calendar.getTime(status);
    if (U_FAILURE(status))
        return std::u16string(u"?");
    icu::UnicodeString out;
    format.format(when, out);
    return std::u16string(out.getBuffer(), static_cast<std::size_t>(out.length()));
}
std::string today()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return toUtf8(formatDate(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday));
}

std::string isoToday()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char out[16];
    return std::string(out, std::strftime(out, sizeof out, "%Y-%m-%d", &local));
}

std::string formatIsoDate(std::string_view iso, std::string_view language)
{
    auto number = [iso](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i)
        {
            if (i >= iso.size() || iso[i] < '0' || iso[i] > '9')
                return -1;
            value = value * 10 + (iso[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 1 || iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || month < 1 || month > 12 || day < 1 || day > 31
        || (iso.size() > 10 && iso[10] != 'T'))
        return std::string(iso);
    return toUtf8(formatDate(year, month, day, language));
}
} // namespace dueregard::text
