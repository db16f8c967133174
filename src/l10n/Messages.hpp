#pragma once
// Messages: every sentence the product's interface shows, looked up by key in one resource per
// language (l10n/en-GB.json, l10n/cy.json, embedded at build time). A key missing from a language
// falls back to en-GB, so a half-finished translation shows English, never a key. Placeholders
// are written {name} and filled from the arguments.
//
// Languages are BCP 47 tags; supportedLanguage() maps any tag to one we have, as the prompts do
// (engine::languageOrDefault: "cy", "cy-GB" -> "cy"; anything else -> "en-GB"), so the interface
// follows LibreOffice's with en-GB as fallback.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dueregard::l10n
{
inline constexpr std::string_view kEnglish = "en-GB";
inline constexpr std::string_view kWelsh = "cy";

// The languages the interface is written in, en-GB first (the prompts' languages).
const std::vector<std::string>& languages();

// The language of ours that best serves a tag ("cy-GB" -> "cy"; "fr" -> "en-GB").
std::string supportedLanguage(std::string_view tag);

using Arguments = std::vector<std::pair<std::string_view, std::string>>;

// text returns the message `key` in `language`, placeholders filled. A key that no language has
// returns the key itself (a test makes sure every key used exists in en-GB).
std::string text(std::string_view language, std::string_view key, const Arguments& arguments = {});

// The keys a language's resource has, sorted; for tests and translators.
std::vector<std::string> keys(std::string_view language);

// The {placeholders} in a language's message for key, sorted, each once.
std::vector<std::string> placeholders(std::string_view language, std::string_view key);

// Whether a language's resource itself has the key (no fallback).
bool has(std::string_view language, std::string_view key);
} // namespace dueregard::l10n
