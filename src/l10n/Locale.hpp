#pragma once
// Locale: the language a command-line run speaks when it is not told (--language), read from the
// POSIX locale as programs on the user's system read it: LC_ALL, then LC_MESSAGES, then LANG,
// the first that is set. "cy_GB.UTF-8" is Welsh; "C", "POSIX", unset or a language we do not
// have is en-GB.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace dueregard::l10n
{
// The language of ours that serves a POSIX locale name ("cy_GB.UTF-8@euro" -> "cy").
std::string languageOfLocale(std::string_view locale);

// The language of the environment; `variable` reads one variable (std::getenv in the program,
// a table in tests) and gives nothing when it is unset.
std::string
environmentLanguage(const std::function<std::optional<std::string>(const char*)>& variable);
} // namespace dueregard::l10n
