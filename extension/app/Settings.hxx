#pragma once
// Settings reads Due Regard's configuration (registry/schema/.../Settings.xcs): Due Regard's
// defaults, a department's policy package above them (whose finalized values users cannot
// change), then the user's own choices. A missing or unreadable value falls back to the
// schema's default.

#include <com/sun/star/uno/XComponentContext.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace dueregard::ext
{
struct Settings
{
    std::string organisation;
    std::string defaultJurisdiction; // empty: read from each document
    std::vector<std::string> extraGroups, disabledRules, requiredSections;
    std::map<std::string, std::string> severities; // rule id -> severity
    bool autoCheck = true;
    int delayMilliseconds = 500;
    std::string reviewerName;            // empty: the user's name, else "Due Regard"
    bool removeAnsweredComments = false; // AnsweredComments = "remove"
    bool markEveryOccurrence = false;
    std::string rulePackUrl, templatesUrl, glossaryUrl, groupsUrl; // a department's layers
    std::string language = "en-GB"; // the interface's: General/InterfaceLanguage, else LibreOffice's
    std::set<std::string> locked; // "Group/Name" of values a department has finalized
    std::vector<std::string> problems; // values that could not be used, for the user to read
};

Settings readSettings(const css::uno::Reference<css::uno::XComponentContext>& context);

// restoreLostChoices writes back the user's choices (app/UserChoices) when the configuration
// has lost them, as it does after a shared update; readSettings calls it once in an office's
// life. Returns how many values it wrote back.
int restoreLostChoices(const css::uno::Reference<css::uno::XComponentContext>& context);

// writeSetting changes one of the user's settings ("Checking/AutoCheck"); a locked one throws
// css::lang::IllegalArgumentException saying that the department set it. The choice is also
// kept in the user's profile (app/UserChoices), so that a shared update cannot lose it.
void writeSetting(const css::uno::Reference<css::uno::XComponentContext>& context, const std::string& path,
                  const css::uno::Any& value);
} // namespace dueregard::ext
