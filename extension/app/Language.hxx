#pragma once
// The interface's words: ui("readiness.check_now") is that message in the language of the
// current profile (Settings::language: the user's choice, else LibreOffice's interface language,
// with British English as the fallback), from l10n/<language>.json. Main thread, as the panels.

#include "app/Profile.hxx"
#include "UnoStrings.hxx"

#include "engine/Jurisdictions.hpp"
#include "l10n/Messages.hpp"

#include <string>
#include <string_view>

namespace dueregard::ext
{
inline std::string uiLanguage() { return currentProfile()->settings.language; }

inline std::string uiText(std::string_view key, const l10n::Arguments& arguments = {})
{
    return l10n::text(uiLanguage(), key, arguments);
}

inline rtl::OUString ui(std::string_view key, const l10n::Arguments& arguments = {}) { return fromUtf8(uiText(key, arguments)); }

// A nation's name in the interface's language (England's for an id that is none).
inline std::string uiNation(std::string_view id)
{
    return uiText("jurisdiction." + std::string(engine::isJurisdiction(id) ? id : "england"));
}
} // namespace dueregard::ext
