#include "l10n/Locale.hpp"

#include "l10n/Messages.hpp"

#include <algorithm>

namespace dueregard::l10n
{
std::string languageOfLocale(std::string_view locale)
{
    // language[_territory][.codeset][@modifier]
    const std::string_view name = locale.substr(0, locale.find_first_of(".@"));
    if (name.empty() || name == "C" || name == "POSIX")
        return std::string(kEnglish);
    std::string tag(name);
    std::replace(tag.begin(), tag.end(), '_', '-');
    return supportedLanguage(tag);
}

std::string
environmentLanguage(const std::function<std::optional<std::string>(const char*)>& variable)
{
    for (const char* name : { "LC_ALL", "LC_MESSAGES", "LANG" })
        if (const std::optional<std::string> value = variable(name); value && !value->empty())
            return languageOfLocale(*value);
    return std::string(kEnglish);
}
} // namespace dueregard::l10n
