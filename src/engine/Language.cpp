#include "engine/Language.hpp"

#include "l10n/Messages.hpp"

#include <algorithm>
#include <cctype>

namespace dueregard::engine
{
const std::vector<std::string>& supportedLanguages()
{
    static const std::vector<std::string> languages{ std::string(kDefaultLanguage), "cy" };
    return languages;
}

std::optional<std::string> languageFor(std::string_view tag)
{
    std::string lower(tag);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c)
                   { return c == '_' ? '-' : static_cast<char>(std::tolower(c)); });
    const std::string primary = lower.substr(0, lower.find('-'));
    if (primary == "cy")
        return std::string("cy");
    if (primary == "en")
        return std::string(kDefaultLanguage);
    return std::nullopt;
}

std::string languageOrDefault(std::string_view tag)
{
    return languageFor(tag).value_or(std::string(kDefaultLanguage));
}

std::string languageName(const std::string& language)
{
    // Each language's name in itself, as its resource words it ("Cymraeg").
    return l10n::text(languageOrDefault(language), "language.own_name");
}
} // namespace dueregard::engine
