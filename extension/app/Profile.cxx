#include "app/Profile.hxx"

#include "app/ImplNames.hxx"
#include "app/Listeners.hxx"
#include "UnoStrings.hxx"

#include "l10n/Error.hpp"
#include "l10n/Messages.hpp"
#include "policy/Layering.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesListener.hpp>
#include <com/sun/star/util/XChangesNotifier.hpp>
#include <com/sun/star/util/theMacroExpander.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <fstream>
#include <mutex>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
namespace
{
std::mutex g_mutex;
Reference<uno::XComponentContext> g_context;
std::shared_ptr<const Profile> g_profile;
// Profiles replaced by a change stay alive: a panel may still be reading one (changes are rare).
std::vector<std::shared_ptr<const Profile>> g_retired;
std::uint64_t g_generation = 0;
std::vector<std::function<void()>> g_callbacks;
Reference<util::XChangesListener> g_listener;
Reference<util::XChangesNotifier> g_notifier;

// A layer's URL as a policy package gives it ("vnd.sun.star.expand:$UNO_SHARED_PACKAGES_CACHE/...")
// or a plain file URL or path, read as text. Its failures are worded in the reader's language by
// whoever shows them (l10n::describe).
std::string readLayer(const std::string& where)
{
    rtl::OUString url = fromUtf8(where);
    if (url.startsWith("vnd.sun.star.expand:"))
    {
        url = rtl::Uri::decode(url.copy(RTL_CONSTASCII_LENGTH("vnd.sun.star.expand:")), rtl_UriDecodeWithCharset,
                               RTL_TEXTENCODING_UTF8);
        url = util::theMacroExpander::get(g_context)->expandMacros(url);
    }
    rtl::OUString path = url;
    if (url.startsWith("file:") && osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        throw l10n::Error("profile.not_a_file", { { "file", where } });
    std::ifstream in(toUtf8(path), std::ios::binary);
    if (!in)
        throw l10n::Error("profile.cannot_read", { { "file", toUtf8(path) } });
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > 16 * 1024 * 1024)
            throw l10n::Error("profile.too_large", { { "file", toUtf8(path) } });
    }
    return text;
}

std::shared_ptr<Profile> load()
{
    auto p = std::make_shared<Profile>();
    p->settings = readSettings(g_context);
    const Settings& s = p->settings;
    const auto reader = [](const std::string& where) {
        return where.empty() ? std::function<std::string()>()
                             : [where] { return readLayer(where); };
    };
    policy::LayerSources sources;
    sources.groups = reader(s.groupsUrl);
    sources.rules = reader(s.rulePackUrl);
    sources.templates = reader(s.templatesUrl);
    sources.glossary = reader(s.glossaryUrl);
    sources.severities = s.severities;
    policy::LayeredData data = policy::layeredForUsers(sources, s.language);
    p->lexicon = std::move(data.lexicon);
    p->pack = std::move(data.pack);
    p->templates = std::move(data.templates);
    // The glossary in the interface's language (its terms' Welsh wording; a department's own stay).
    if (!s.glossaryUrl.empty() || s.language != "en-GB")
        p->glossary = glossary::Glossary(glossary::inLanguage(s.glossaryUrl.empty() ? glossary::builtinGlossaryData() : data.glossary,
                                                              s.language));
    p->problems = s.problems;
    p->problems.insert(p->problems.end(), data.problems.begin(), data.problems.end());
    return p;
}

class ChangesListener : public cppu::WeakImplHelper1<util::XChangesListener>
{
public:
    void SAL_CALL changesOccurred(const util::ChangesEvent&) override
    {
        {
            std::lock_guard lock(g_mutex);
            if (g_profile)
                g_retired.push_back(std::move(g_profile));
            g_profile.reset();
            ++g_generation;
        }
        // Tell the panels on the main thread, after the change is complete.
        Reference<awt::XCallback> call = new MainThreadCall([] {
            std::vector<std::function<void()>> callbacks;
            {
                std::lock_guard lock(g_mutex);
                callbacks = g_callbacks;
            }
            for (auto& c : callbacks)
                c();
        });
        try
        {
            awt::AsyncCallback::create(g_context)->addCallback(call, uno::Any());
        }
        catch (const uno::Exception&)
        {
        }
    }
    void SAL_CALL disposing(const lang::EventObject&) override {}
};

void listen()
{
    if (g_listener.is() || !g_context.is())
        return;
    try
    {
        Reference<lang::XMultiServiceFactory> provider = configuration::theDefaultProvider::get(g_context);
        beans::NamedValue node(ascii("nodepath"), uno::Any(ascii("/") + ascii(kExtensionId) + ascii(".Settings")));
        uno::Sequence<uno::Any> args(1);
        args.getArray()[0] <<= node;
        g_notifier.set(provider->createInstanceWithArguments(ascii("com.sun.star.configuration.ConfigurationAccess"), args), UNO_QUERY);
        if (g_notifier.is())
        {
            g_listener = new ChangesListener;
            g_notifier->addChangesListener(g_listener);
        }
    }
    catch (const uno::Exception&)
    {
        // Without notifications the profile is still read once; changes apply after a restart.
    }
}
} // namespace

void rememberContext(const Reference<uno::XComponentContext>& context)
{
    std::lock_guard lock(g_mutex);
    if (!g_context.is())
        g_context = context;
}

Reference<uno::XComponentContext> processContext()
{
    std::lock_guard lock(g_mutex);
    return g_context;
}

std::shared_ptr<const Profile> currentProfile()
{
    std::unique_lock lock(g_mutex);
    if (g_profile)
        return g_profile;
    const std::uint64_t generation = g_generation;
    lock.unlock();
    listen();
    std::shared_ptr<Profile> fresh = load();
    fresh->generation = generation;
    lock.lock();
    if (!g_profile && generation == g_generation)
        g_profile = fresh;
    return fresh;
}

void onProfileChange(std::function<void()> callback)
{
    std::lock_guard lock(g_mutex);
    g_callbacks.push_back(std::move(callback));
}
} // namespace dueregard::ext
