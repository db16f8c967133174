#pragma once
// Settings reads Due Regard's configuration (registry/schema/.../Settings.xcs): at each command,
// so a change (by the user, or locked by a department) applies to open documents at once. A
// missing or unreadable value falls back to the schema's default.

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace dueregard::ext
{
struct Settings
{
    std::string reviewerName;          // empty: the user's name, else "Due Regard"
    bool removeAnsweredComments = false; // AnsweredComments = "remove"
    bool markEveryOccurrence = false;
};

Settings readSettings(const css::uno::Reference<css::uno::XComponentContext>& context);
} // namespace dueregard::ext
