#include "app/Settings.hxx"

#include "engine/Jurisdictions.hpp"
#include "l10n/Messages.hpp"
#include "app/ImplNames.hxx"
#include "app/UserChoices.hxx"
#include "UnoStrings.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/Property.hpp>
#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>

#include <algorithm>
#include <atomic>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
rtl::OUString rootPath() { return ascii("/") + ascii(kExtensionId) + ascii(".Settings"); }

Reference<uno::XInterface> access(const Reference<uno::XComponentContext>& context, const rtl::OUString& path, bool update)
{
    Reference<lang::XMultiServiceFactory> provider = configuration::theDefaultProvider::get(context);
    beans::NamedValue node(ascii("nodepath"), uno::Any(path));
    uno::Sequence<uno::Any> args(1);
    args.getArray()[0] <<= node;
    return provider->createInstanceWithArguments(
        ascii(update ? "com.sun.star.configuration.ConfigurationUpdateAccess" : "com.sun.star.configuration.ConfigurationAccess"), args);
}

std::vector<std::string> list(const uno::Any& value)
{
    uno::Sequence<rtl::OUString> items;
    value >>= items;
    std::vector<std::string> out;
    for (const rtl::OUString& i : items)
        if (!i.trim().isEmpty())
            out.push_back(toUtf8(i.trim()));
    return out;
}

// A value a department has finalized shows as read-only to everyone above it.
bool isLocked(const Reference<uno::XInterface>& group, const rtl::OUString& name)
{
    Reference<beans::XPropertySet> props(group, UNO_QUERY);
    if (!props.is())
        return false;
    const Reference<beans::XPropertySetInfo> info = props->getPropertySetInfo();
    return info.is() && info->hasPropertyByName(name)
           && (info->getPropertyByName(name).Attributes & beans::PropertyAttribute::READONLY) != 0;
}
} // namespace

int restoreLostChoices(const Reference<uno::XComponentContext>& context)
{
    const SavedChoices saved = savedChoices(context);
    if (saved.stamp.empty())
        return 0;
    int restored = 0;
    try
    {
        const Reference<container::XHierarchicalNameAccess> root(access(context, rootPath(), true), UNO_QUERY_THROW);
        rtl::OUString stamp;
        root->getByHierarchicalName(ascii("General/ChoicesStamp")) >>= stamp;
        if (toUtf8(stamp) == saved.stamp)
            return 0; // the configuration has the user's choices
        for (const auto& [path, value] : saved.values)
        {
            const auto slash = path.find('/');
            if (slash == std::string::npos)
                continue;
            const rtl::OUString name = fromUtf8(path.substr(slash + 1));
            const Reference<uno::XInterface> group(root->getByHierarchicalName(fromUtf8(path.substr(0, slash))), UNO_QUERY);
            const Reference<beans::XPropertySet> props(group, UNO_QUERY);
            const Reference<container::XNameAccess> names(group, UNO_QUERY);
            if (!props.is() || !names.is() || !names->hasByName(name) || isLocked(group, name))
                continue; // a setting this version no longer has, or one the department now sets
            try
            {
                props->setPropertyValue(name, value);
                ++restored;
            }
            catch (const uno::Exception&)
            {
                // a value of another type than this version's: the default stays
            }
        }
        const Reference<beans::XPropertySet> general(root->getByHierarchicalName(ascii("General")), UNO_QUERY_THROW);
        general->setPropertyValue(ascii("ChoicesStamp"), uno::Any(fromUtf8(saved.stamp)));
        Reference<util::XChangesBatch>(root, UNO_QUERY_THROW)->commitChanges();
    }
    catch (const uno::Exception&)
    {
        return 0;
    }
    return restored;
}

Settings readSettings(const Reference<uno::XComponentContext>& context)
{
    // Once in an office's life (an atomic flag: std::call_once would make the library need the
    // dynamic loader's TLS, which package.portable_library forbids).
    static std::atomic<bool> restoring{ false };
    if (!restoring.exchange(true))
        restoreLostChoices(context);
    Settings s;
    try
    {
        const Reference<container::XHierarchicalNameAccess> root(access(context, rootPath(), false), UNO_QUERY_THROW);
        auto get = [&](const char* path) { return root->getByHierarchicalName(ascii(path)); };
        // The interface's language: the user's (or department's) choice, else LibreOffice's own
        // (first: the problems below are worded in it).
        rtl::OUString language;
        get("General/InterfaceLanguage") >>= language;
        if (language.trim().isEmpty())
        {
            const Reference<container::XHierarchicalNameAccess> setup(access(context, ascii("/org.openoffice.Setup/L10N"), false),
                                                                       UNO_QUERY);
            if (setup.is() && setup->hasByHierarchicalName(ascii("ooLocale")))
                setup->getByHierarchicalName(ascii("ooLocale")) >>= language;
        }
        s.language = l10n::supportedLanguage(toUtf8(language.trim()));
        rtl::OUString text;
        get("General/OrganisationName") >>= text;
        s.organisation = toUtf8(text.trim());
        text.clear();
        get("General/DefaultJurisdiction") >>= text;
        s.defaultJurisdiction = toUtf8(text.trim());
        if (!s.defaultJurisdiction.empty() && !engine::isJurisdiction(s.defaultJurisdiction))
        {
            s.problems.push_back(
                l10n::text(s.language, "settings.bad_jurisdiction",
                           { { "jurisdiction", s.defaultJurisdiction },
                             { "jurisdictions", engine::jurisdictionIdsInWords() } }));
            s.defaultJurisdiction.clear();
        }
        s.extraGroups = list(get("Checking/ExtraGroups"));
        s.disabledRules = list(get("Checking/DisabledRules"));
        s.requiredSections = list(get("Checking/RequiredSections"));
        for (const std::string& item : list(get("Checking/SeverityOverrides")))
        {
            const auto eq = item.find('=');
            if (eq == std::string::npos)
                s.problems.push_back(
                    l10n::text(s.language, "settings.bad_severity", { { "change", item } }));
            else
                s.severities[item.substr(0, eq)] = item.substr(eq + 1);
        }
        get("Checking/AutoCheck") >>= s.autoCheck;
        sal_Int32 delay = 500;
        get("Checking/DelayMilliseconds") >>= delay;
        s.delayMilliseconds = std::clamp<sal_Int32>(delay, 100, 10000);
        rtl::OUString name, answered;
        get("Review/ReviewerName") >>= name;
        get("Review/AnsweredComments") >>= answered;
        s.reviewerName = toUtf8(name.trim());
        s.removeAnsweredComments = answered == "remove";
        get("Glossary/MarkEveryOccurrence") >>= s.markEveryOccurrence;
        for (auto [path, target] : { std::pair{ "Department/RulePack", &s.rulePackUrl }, std::pair{ "Department/Templates", &s.templatesUrl },
                                     std::pair{ "Department/Glossary", &s.glossaryUrl }, std::pair{ "Department/Groups", &s.groupsUrl } })
        {
            rtl::OUString url;
            get(path) >>= url;
            *target = toUtf8(url.trim());
        }
        // Only an update access tells a finalized value (read-only) from the others.
        const Reference<container::XHierarchicalNameAccess> writable(access(context, rootPath(), true), UNO_QUERY_THROW);
        for (const char* group : { "General", "Checking", "Review", "Glossary", "Department" })
        {
            const Reference<uno::XInterface> node(writable->getByHierarchicalName(ascii(group)), UNO_QUERY);
            const Reference<container::XNameAccess> names(node, UNO_QUERY);
            if (names.is())
                for (const rtl::OUString& n : names->getElementNames())
                    if (isLocked(node, n))
                        s.locked.insert(std::string(group) + "/" + toUtf8(n));
        }
    }
    catch (const uno::Exception&)
    {
        // Defaults: the schema is part of the package, so this happens only in a broken install.
    }
    return s;
}

void writeSetting(const Reference<uno::XComponentContext>& context, const std::string& path, const uno::Any& value)
{
    const auto slash = path.find('/');
    if (slash == std::string::npos)
        throw lang::IllegalArgumentException(
            fromUtf8(l10n::text(readSettings(context).language, "settings.written_as")), {}, 0);
    const Reference<uno::XInterface> group = access(context, rootPath() + "/" + fromUtf8(path.substr(0, slash)), true);
    const rtl::OUString name = fromUtf8(path.substr(slash + 1));
    if (isLocked(group, name))
        throw lang::IllegalArgumentException(
            fromUtf8(l10n::text(readSettings(context).language, "settings.locked",
                                { { "setting", path } })),
            {}, 0);
    Reference<beans::XPropertySet>(group, UNO_QUERY_THROW)->setPropertyValue(name, value);
    Reference<util::XChangesBatch>(group, UNO_QUERY_THROW)->commitChanges();
    // A copy in the profile, stamped in the configuration, survives what a shared update drops.
    const std::string stamp = recordChoice(context, path, value);
    if (!stamp.empty())
    {
        const Reference<beans::XPropertySet> general(access(context, rootPath() + "/General", true), UNO_QUERY_THROW);
        general->setPropertyValue(ascii("ChoicesStamp"), uno::Any(fromUtf8(stamp)));
        Reference<util::XChangesBatch>(general, UNO_QUERY_THROW)->commitChanges();
    }
}
} // namespace dueregard::ext
