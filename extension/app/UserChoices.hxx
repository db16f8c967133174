#pragma once
// UserChoices keeps a copy of the settings a user has changed through Due Regard (the Options
// page, the deck's switches) in the user's profile, beside LibreOffice's own record of them, so
// that they survive an update of a shared install.
//
// Why: LibreOffice keeps a user's changes to an extension's settings in the profile's
// registrymodifications.xcu, and drops them when it starts without the schema they belong to.
// After an administrator updates a shared install (unopkg add --shared), the old version's files
// are removed by the next unopkg or office run; a user's office that then starts reads its
// configuration before it registers the new version, finds no schema for Due Regard's settings
// and drops the user's changes (tests/integration/test_update.py SharedUpdateTest shows it).
//
// The copy is $(user)/dueregard/choices.json: a stamp, and each changed setting's value. The
// configuration holds the same stamp (General/ChoicesStamp); when it does not (the user's layer
// was dropped), the copy's values are written back, except those the department has since locked.

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <utility>
#include <vector>

namespace dueregard::ext
{
// recordChoice notes that the user set `path` ("Review/ReviewerName") to `value`, and returns
// the stamp to write to General/ChoicesStamp with it (empty when the copy cannot be written:
// the setting itself is still changed).
std::string recordChoice(const css::uno::Reference<css::uno::XComponentContext>& context, const std::string& path,
                         const css::uno::Any& value);

struct SavedChoices
{
    std::string stamp; // empty: no copy (the user has changed nothing through Due Regard)
    std::vector<std::pair<std::string, css::uno::Any>> values;
};

// savedChoices reads the copy; a missing or unreadable one gives none.
SavedChoices savedChoices(const css::uno::Reference<css::uno::XComponentContext>& context);
} // namespace dueregard::ext
