#include "app/OptionsHandler.hxx"

#include "app/About.hxx"

#include "engine/Jurisdictions.hpp"
#include "app/Failures.hxx"
#include "app/ImplNames.hxx"
#include "app/Settings.hxx"
#include "UnoStrings.hxx"

#include "l10n/Messages.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>

#include <algorithm>
#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
namespace
{

Reference<beans::XPropertySet> model(const Reference<awt::XControlContainer>& page, const char* name)
{
    const Reference<awt::XControl> control = page->getControl(ascii(name));
    return control.is() ? Reference<beans::XPropertySet>(control->getModel(), UNO_QUERY) : nullptr;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

std::vector<std::string> split(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size())
    {
        std::size_t end = text.find_first_of(",;\n", start);
        if (end == std::string::npos)
            end = text.size();
        std::string item = text.substr(start, end - start);
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty())
            out.push_back(item);
        start = end + 1;
    }
    return out;
}

// The page's controls and the settings they show.
struct Field
{
    const char* control;
    const char* setting;
    const char* label; // the label control beside it, greyed with it
};
const Field kFields[] = {
    { "lstJurisdiction", "General/DefaultJurisdiction", "lblJurisdiction" },
    { "chkAutoCheck", "Checking/AutoCheck", nullptr },
    { "numDelay", "Checking/DelayMilliseconds", "lblDelayUnit" },
    { "txtExtraGroups", "Checking/ExtraGroups", "lblExtraGroups" },
    { "txtDisabledRules", "Checking/DisabledRules", "lblDisabledRules" },
    { "txtSeverities", "Checking/SeverityOverrides", "lblSeverities" },
    { "txtRequiredSections", "Checking/RequiredSections", "lblRequiredSections" },
    { "txtReviewer", "Review/ReviewerName", "lblReviewer" },
    { "lstAnswered", "Review/AnsweredComments", "lblAnswered" },
    { "chkMarkEvery", "Glossary/MarkEveryOccurrence", nullptr },
};

uno::Sequence<rtl::OUString> listValue(const std::vector<std::string>& items)
{
    uno::Sequence<rtl::OUString> out(static_cast<sal_Int32>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i)
        out.getArray()[i] = fromUtf8(items[i]);
    return out;
}

// Lists are read and set through their controls: a dropdown's model forgets a selection made
// before it is shown.
sal_Int16 selected(const Reference<awt::XControlContainer>& page, const char* name)
{
    const Reference<awt::XListBox> list(page->getControl(ascii(name)), UNO_QUERY);
    return list.is() ? std::max<sal_Int16>(list->getSelectedItemPos(), 0) : sal_Int16(0);
}

void select(const Reference<awt::XControlContainer>& page, const char* name, sal_Int16 row)
{
    const Reference<awt::XListBox> list(page->getControl(ascii(name)), UNO_QUERY);
    if (list.is())
        list->selectItemPos(row, true);
}

rtl::OUString textOf(const Reference<beans::XPropertySet>& field)
{
    rtl::OUString text;
    field->getPropertyValue(ascii("Text")) >>= text;
    return text;
}
} // namespace

OptionsHandler::OptionsHandler(const Reference<uno::XComponentContext>& context)
    : m_context(context)
{
}

void OptionsHandler::load(const Reference<uno::XComponentContext>& context, const Reference<awt::XControlContainer>& page)
{
    const Settings s = readSettings(context);
    localiseDialog(page);
    auto set = [&](const char* control, const char* property, const uno::Any& value) {
        if (const Reference<beans::XPropertySet> m = model(page, control); m.is())
            m->setPropertyValue(ascii(property), value);
    };
    // The page's own words in the interface's language, as its labels (localiseDialog).
    auto words = [&s](std::string_view key, const l10n::Arguments& arguments = {})
    { return l10n::text(s.language, key, arguments); };
    set("lblOrganisation", "Label",
        uno::Any(fromUtf8(s.organisation.empty() ? words("options.for_you")
                                                 : words("options.for_organisation",
                                                         { { "organisation", s.organisation } }))));
    select(page, "lstJurisdiction", static_cast<sal_Int16>(engine::choiceOf(s.defaultJurisdiction).value_or(0)));
    set("chkAutoCheck", "State", uno::Any(sal_Int16(s.autoCheck ? 1 : 0)));
    set("numDelay", "Value", uno::Any(double(s.delayMilliseconds)));
    set("txtExtraGroups", "Text", uno::Any(fromUtf8(joined(s.extraGroups))));
    set("txtDisabledRules", "Text", uno::Any(fromUtf8(joined(s.disabledRules))));
    std::vector<std::string> severities;
    severities.reserve(s.severities.size());
    for (const auto& [rule, severity] : s.severities)
        severities.push_back(rule + "=" + severity);
    set("txtSeverities", "Text", uno::Any(fromUtf8(joined(severities))));
    set("txtRequiredSections", "Text", uno::Any(fromUtf8(joined(s.requiredSections))));
    set("txtReviewer", "Text", uno::Any(fromUtf8(s.reviewerName)));
    select(page, "lstAnswered", s.removeAnsweredComments ? 1 : 0);
    set("chkMarkEvery", "State", uno::Any(sal_Int16(s.markEveryOccurrence ? 1 : 0)));

    std::vector<std::string> present;
    for (const auto& [name, url] : { std::pair{ "rules", &s.rulePackUrl }, std::pair{ "templates", &s.templatesUrl },
                                     std::pair{ "glossary", &s.glossaryUrl }, std::pair{ "groups", &s.groupsUrl } })
        if (!url->empty())
            present.push_back(name);
    std::string files;
    for (std::size_t i = 0; i < present.size(); ++i)
        files += (i == 0                    ? ""
                  : i + 1 == present.size() ? words("options.list.and")
                                            : ", ")
                 + words("options.layer." + present[i]);
    set("lblDepartment", "Label",
        uno::Any(fromUtf8(files.empty() ? words("options.no_department")
                                        : words(present.size() == 1 && present[0] == "glossary"
                                                    ? "options.department.is"
                                                    : "options.department.are",
                                                { { "files", files } }))));

    // Locked values: shown, disabled, and said to be the organisation's.
    std::size_t locked = 0;
    for (const Field& f : kFields)
    {
        const bool isLocked = s.locked.count(f.setting) > 0;
        locked += isLocked;
        set(f.control, "Enabled", uno::Any(!isLocked));
        if (f.label)
            set(f.label, "Enabled", uno::Any(!isLocked));
        if (isLocked)
            set(f.control, "HelpText", uno::Any(fromUtf8(words("options.locked.help"))));
    }
    set("lblLocked", "Label",
        uno::Any(locked == 0
                     ? rtl::OUString()
                     : fromUtf8(words("options.locked",
                                      { { "count", std::to_string(locked) },
                                        { "organisation", s.organisation.empty()
                                                              ? words("options.your_organisation")
                                                              : s.organisation } }))));
}

std::vector<std::string> OptionsHandler::save(const Reference<uno::XComponentContext>& context, const Reference<awt::XControlContainer>& page)
{
    const Settings s = readSettings(context);
    std::vector<std::string> refused;
    auto write = [&](const char* setting, const uno::Any& value) {
        if (s.locked.count(setting))
            return; // disabled on the page; nothing to write
        try
        {
            writeSetting(context, setting, value);
        }
        catch (const uno::Exception&)
        {
            refused.push_back(setting);
        }
    };
    // Only what differs from the settings as they apply, so nothing is copied into the user's
    // layer that would hide a later change by the organisation.
    const std::string_view jurisdiction = engine::idAtChoice(selected(page, "lstJurisdiction"));
    if (s.defaultJurisdiction != jurisdiction)
        write("General/DefaultJurisdiction", uno::Any(fromUtf8(std::string(jurisdiction))));
    sal_Int16 state = 0;
    model(page, "chkAutoCheck")->getPropertyValue(ascii("State")) >>= state;
    if ((state == 1) != s.autoCheck)
        write("Checking/AutoCheck", uno::Any(state == 1));
    double delay = s.delayMilliseconds;
    model(page, "numDelay")->getPropertyValue(ascii("Value")) >>= delay;
    if (static_cast<int>(delay) != s.delayMilliseconds)
        write("Checking/DelayMilliseconds", uno::Any(static_cast<sal_Int32>(std::clamp(delay, 100.0, 10000.0))));
    for (const auto& [control, setting, current] :
         { std::tuple{ "txtExtraGroups", "Checking/ExtraGroups", s.extraGroups },
           std::tuple{ "txtDisabledRules", "Checking/DisabledRules", s.disabledRules },
           std::tuple{ "txtRequiredSections", "Checking/RequiredSections", s.requiredSections } })
    {
        const std::vector<std::string> items = split(toUtf8(textOf(model(page, control))));
        if (items != current)
            write(setting, uno::Any(listValue(items)));
    }
    std::vector<std::string> severities;
    severities.reserve(s.severities.size());
    for (const auto& [rule, severity] : s.severities)
        severities.push_back(rule + "=" + severity);
    if (const std::vector<std::string> typed = split(toUtf8(textOf(model(page, "txtSeverities")))); typed != severities)
        write("Checking/SeverityOverrides", uno::Any(listValue(typed)));
    if (const std::string reviewer = toUtf8(textOf(model(page, "txtReviewer")).trim()); reviewer != s.reviewerName)
        write("Review/ReviewerName", uno::Any(fromUtf8(reviewer)));
    if (const bool remove = selected(page, "lstAnswered") == 1; remove != s.removeAnsweredComments)
        write("Review/AnsweredComments", uno::Any(ascii(remove ? "remove" : "resolve")));
    model(page, "chkMarkEvery")->getPropertyValue(ascii("State")) >>= state;
    if ((state == 1) != s.markEveryOccurrence)
        write("Glossary/MarkEveryOccurrence", uno::Any(state == 1));
    return refused;
}

sal_Bool SAL_CALL OptionsHandler::callHandlerMethod(const Reference<awt::XWindow>& window, const uno::Any& event,
                                                    const rtl::OUString& method)
{
    if (method != "external_event")
        return false;
    rtl::OUString what;
    event >>= what;
    const Reference<awt::XControlContainer> page(window, UNO_QUERY);
    if (!page.is())
        return false;
    try
    {
        if (what == "ok")
            save(m_context, page);
        else if (what == "initialize" || what == "back")
            load(m_context, page);
        else
            return false;
    }
    catch (const uno::Exception& e)
    {
        // The Options dialog must always close; the settings stay as they were.
        noteFailure("failure.options_page", toUtf8(e.Message));
    }
    catch (const std::exception&)
    {
        noteFailure("failure.options_page", std::current_exception());
    }
    return true;
}

uno::Sequence<rtl::OUString> SAL_CALL OptionsHandler::getSupportedMethodNames()
{
    const rtl::OUString name = ascii("external_event");
    return uno::Sequence<rtl::OUString>(&name, 1);
}

rtl::OUString OptionsHandler::implementationName() { return ascii(kImplOptionsHandler); }
uno::Sequence<rtl::OUString> OptionsHandler::serviceNames()
{
    const rtl::OUString name = ascii(kImplOptionsHandler);
    return uno::Sequence<rtl::OUString>(&name, 1);
}
rtl::OUString SAL_CALL OptionsHandler::getImplementationName() { return implementationName(); }
sal_Bool SAL_CALL OptionsHandler::supportsService(const rtl::OUString& name) { return name == serviceNames()[0]; }
uno::Sequence<rtl::OUString> SAL_CALL OptionsHandler::getSupportedServiceNames() { return serviceNames(); }
} // namespace dueregard::ext
