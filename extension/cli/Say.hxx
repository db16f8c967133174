#pragma once
// What the command line says to the person running it, in the run's language: the language given
// with --language, or else the locale's (LC_ALL, LC_MESSAGES, LANG: l10n/Locale), en-GB when
// neither is one of ours. main() sets it once, before any worker starts; after that it is only
// read. Reports' prompts follow --language alone (en-GB by default), so a pipeline's reports do
// not change with the machine's locale.

#include "l10n/Error.hpp"
#include "l10n/Messages.hpp"

#include <exception>
#include <string>
#include <string_view>

namespace dueregard::cli
{
inline std::string& messageLanguageSlot()
{
    static std::string language(l10n::kEnglish);
    return language;
}

inline const std::string& messageLanguage()
{
    return messageLanguageSlot();
}

inline void setMessageLanguage(std::string_view language)
{
    messageLanguageSlot() = l10n::supportedLanguage(language);
}

inline std::string say(std::string_view key, const l10n::Arguments& arguments = {})
{
    return l10n::text(messageLanguage(), key, arguments);
}

// Any failure in the run's language (ours are worded in it; a library's keep their own words).
inline std::string describe(const std::exception& failure)
{
    return l10n::describe(failure, messageLanguage());
}
} // namespace dueregard::cli
