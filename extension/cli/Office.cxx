#include "Office.hxx"

#include "../UnoStrings.hxx"
#include "Say.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/deployment/XExtensionManager.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase2.hxx>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;
using dueregard::ext::ascii;

namespace dueregard::cli
{
namespace
{
// Approves every question the extension manager asks (licence, replacing an older version):
// the command line installs only the .oxt it was built with, into its own profile.
class ApprovingEnvironment
    : public cppu::WeakImplHelper2<ucb::XCommandEnvironment, task::XInteractionHandler>
{
public:
    Reference<task::XInteractionHandler> SAL_CALL getInteractionHandler() override { return this; }
    Reference<ucb::XProgressHandler> SAL_CALL getProgressHandler() override { return {}; }
    void SAL_CALL handle(const Reference<task::XInteractionRequest>& request) override
    {
        for (const auto& continuation : request->getContinuations())
        {
            Reference<task::XInteractionApprove> approve(continuation, UNO_QUERY);
            if (approve.is())
            {
                approve->select();
                return;
            }
        }
    }
};

std::string stampFor(const fs::path& oxt)
{
    std::error_code ec;
    std::ostringstream s;
    s << fs::absolute(oxt).string() << '\n'
      << fs::file_size(oxt, ec) << '\n'
      << fs::last_write_time(oxt, ec).time_since_epoch().count() << '\n';
    return s.str();
}

std::string uniquePipeName()
{
    return "dueregard-cli-" + std::to_string(getpid()) + "-"
           + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

// localContext bootstraps this process's own UNO once, for every office it talks to (the
// workers of a batch each have their own office but share it).
Reference<uno::XComponentContext> localContext(const fs::path& programDir)
{
    static std::mutex mutex;
    static Reference<uno::XComponentContext> context;
    std::lock_guard<std::mutex> lock(mutex);
    if (!context.is())
    {
        const std::string bootstrap
            = "vnd.sun.star.pathname:" + (programDir / "fundamentalrc").string();
        setenv("URE_BOOTSTRAP", bootstrap.c_str(), 0);
        context = cppu::defaultBootstrap_InitialComponentContext();
    }
    return context;
}

bool waitForExit(pid_t pid, std::chrono::milliseconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline)
    {
        int status = 0;
        const pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno == ECHILD))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}
} // namespace

std::string fileUrl(const fs::path& path)
{
    const std::string p = fs::absolute(path).lexically_normal().string();
    static const char* hex = "0123456789ABCDEF";
    std::string url = "file://";
    for (unsigned char c : p)
    {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~')
            url += static_cast<char>(c);
        else
        {
            url += '%';
            url += hex[c >> 4];
            url += hex[c & 15];
        }
    }
    return url;
}

Office::Office(OfficeOptions options) : m_options(std::move(options)) {}

Office::~Office()
{
    try
    {
        stop();
    }
    catch (...)
    {
        // Destructors must not throw; stop() already killed what it could.
    }
}

bool Office::profileIsCurrent() const
{
    std::ifstream in(m_options.profile / "dueregard-extension.stamp");
    std::stringstream s;
    s << in.rdbuf();
    return in && s.str() == stampFor(m_options.extension);
}

void Office::prepareProfile()
{
    if (!fs::exists(m_options.extension))
        throw OfficeError(
            say("cli.office.no_extension", { { "path", m_options.extension.string() } }));
    if (!profileIsCurrent())
        installExtension();
}

void Office::copyProfileFrom(const fs::path& prepared)
{
    if (profileIsCurrent())
        return;
    std::error_code ec;
    fs::remove_all(m_options.profile, ec);
    fs::create_directories(m_options.profile.parent_path(), ec);
    // The profile refers to its extensions through $UNO_USER_PACKAGES_CACHE, so a copy works
    // where it lands; installing again would cost a start and a stop of the office per worker.
    fs::copy(prepared, m_options.profile,
             fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
    if (ec)
        throw OfficeError(say("cli.office.copy_profile", { { "path", m_options.profile.string() },
                                                           { "reason", ec.message() } }));
}

void Office::start()
{
    prepareProfile();
    launch();
    connect();
}

void Office::installExtension()
{
    std::error_code ec;
    fs::remove_all(m_options.profile, ec);
    fs::create_directories(m_options.profile);
    launch();
    connect();
    try
    {
        Reference<deployment::XExtensionManager> manager(
            m_remote->getValueByName(ascii("/singletons/com.sun.star.deployment.ExtensionManager")),
            UNO_QUERY_THROW);
        manager->addExtension(ext::fromUtf8(fileUrl(m_options.extension)), {}, ascii("user"),
                              manager->createAbortChannel(), new ApprovingEnvironment);
    }
    catch (const uno::Exception& e)
    {
        stop();
        throw OfficeError(say("cli.office.install", { { "path", m_options.profile.string() },
                                                      { "reason", ext::toUtf8(e.Message) } }));
    }
    // An extension added to a running office is only usable after a restart.
    stop();
    std::ofstream(m_options.profile / "dueregard-extension.stamp") << stampFor(m_options.extension);
}

void Office::launch()
{
    m_pipe = uniquePipeName();
    const std::string profileArg = "-env:UserInstallation=" + fileUrl(m_options.profile);
    const std::string acceptArg
        = "--accept=pipe,name=" + m_pipe + ";urp;StarOffice.ComponentContext";
    const std::string soffice = m_options.soffice.string();

    const pid_t pid = fork();
    if (pid < 0)
        throw OfficeError(say("cli.office.fork"));
    if (pid == 0)
    {
        // Own process group, so that stop() can kill oosplash and soffice.bin together.
        setpgid(0, 0);
        // The command line ignores SIGPIPE; the office gets the default back.
        std::signal(SIGPIPE, SIG_DFL);
        const char* argv[]
            = { soffice.c_str(), profileArg.c_str(), "--headless",    "--invisible",     "--nologo",
                "--norestore",   "--nodefault",      "--nolockcheck", acceptArg.c_str(), nullptr };
        // Keep the office's chatter out of our output; it goes nowhere useful for a user.
        if (FILE* devnull = std::fopen("/dev/null", "w"))
        {
            dup2(fileno(devnull), STDOUT_FILENO);
            dup2(fileno(devnull), STDERR_FILENO);
        }
        execv(soffice.c_str(), const_cast<char* const*>(argv));
        _exit(127);
    }
    setpgid(pid, pid);
    m_pid = pid;
}

void Office::connect()
{
    if (!m_local.is())
        m_local = localContext(m_options.programDir);
    Reference<bridge::XUnoUrlResolver> resolver = bridge::UnoUrlResolver::create(m_local);
    const rtl::OUString url
        = ext::fromUtf8("uno:pipe,name=" + m_pipe + ";urp;StarOffice.ComponentContext");
    // NOLINTNEXTLINE(clang-analyzer-deadcode.DeadStores): read on every pass of the loop below
    const auto deadline = std::chrono::steady_clock::now() + m_options.startTimeout;
    for (;;)
    {
        try
        {
            m_remote.set(resolver->resolve(url), UNO_QUERY_THROW);
            return;
        }
        catch (const connection::NoConnectException&)
        {
        }
        int status = 0;
        if (waitpid(m_pid, &status, WNOHANG) == m_pid)
        {
            m_pid = -1;
            throw OfficeError(say("cli.office.exited", { { "path", m_options.profile.string() } }));
        }
        if (std::chrono::steady_clock::now() > deadline)
        {
            stop();
            throw OfficeError(
                say("cli.office.start_timeout",
                    { { "seconds", std::to_string(m_options.startTimeout.count()) } }));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

Reference<frame::XDesktop2> Office::desktop() const
{
    return frame::Desktop::create(m_remote);
}

void Office::kill()
{
    const pid_t pid = m_pid.load();
    if (pid > 0)
        ::kill(-pid, SIGKILL);
}

bool Office::responsive() const
{
    if (m_pid <= 0 || !m_remote.is())
        return false;
    try
    {
        // One round trip: fails at once on a bridge whose office has gone.
        return frame::Desktop::create(m_remote).is();
    }
    catch (const uno::Exception&)
    {
        return false;
    }
}

void Office::stop()
{
    if (m_pid <= 0)
        return;
    try
    {
        if (m_remote.is())
            frame::Desktop::create(m_remote)->terminate();
    }
    catch (const uno::Exception&)
    {
        // The bridge goes away as the office exits: expected.
    }
    m_remote.clear();
    if (!waitForExit(m_pid, std::chrono::seconds(10)))
    {
        ::kill(-m_pid, SIGKILL);
        waitForExit(m_pid, std::chrono::seconds(5));
    }
    // oosplash may exit before soffice.bin does: make sure nothing of this group is left.
    ::kill(-m_pid, SIGKILL);
    m_pid = -1;
}

void Office::restart()
{
    stop();
    launch();
    connect();
}
} // namespace dueregard::cli
