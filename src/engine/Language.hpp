#pragma once
// The languages Due Regard writes its prompts in. The rule data is English (en-GB); another
// language's wording is kept beside it with the same ids (rules/packs/core.cy.json), and what a
// language lacks falls back to English. Reading a document does not depend on the language:
// English and Welsh are always read together (docs/welsh.md).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine
{
inline constexpr std::string_view kDefaultLanguage = "en-GB";

// The languages with wording, the default first ("en-GB", "cy").
const std::vector<std::string>& supportedLanguages();

// languageFor: the supported language a BCP-47 tag asks for, or nothing. Case and the separator
// ("_" or "-") do not matter; a Welsh tag with a region ("cy-GB") is Welsh, and any English tag
// ("en", "en-US") is en-GB, the only English Due Regard writes.
std::optional<std::string> languageFor(std::string_view tag);

// languageOrDefault: languageFor, or en-GB for a tag it does not know (for an interface that
// follows LibreOffice's language and must fall back rather than refuse).
std::string languageOrDefault(std::string_view tag);

// The language's name in its own words, for reports ("English (UK)", "Cymraeg").
std::string languageName(const std::string& language);
} // namespace dueregard::engine
