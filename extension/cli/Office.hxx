#pragma once
// Office runs a private headless LibreOffice for the command line: its own profile with the
// Due Regard extension installed, a unique pipe, every wait bounded, and the whole process group
// killed if it does not exit when asked. One Office serves many files.

#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/types.h>

namespace dueregard::cli
{
class OfficeError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct OfficeOptions
{
    std::filesystem::path soffice;           // the soffice launcher
    std::filesystem::path programDir;        // LibreOffice's program directory
    std::filesystem::path profile;           // private user installation
    std::filesystem::path extension;         // the .oxt to install into it
    std::chrono::seconds startTimeout{ 60 };
};

class Office
{
public:
    explicit Office(OfficeOptions options);
    ~Office();
    Office(const Office&) = delete;
    Office& operator=(const Office&) = delete;

    // start makes sure the profile has the current extension installed (installing it through
    // the ExtensionManager API, which works as root where unopkg does not), then starts the
    // office that will load documents.
    void start();

    // prepareProfile installs the current extension into the profile if it is not there yet
    // (starting and stopping an office to do so); start() then only launches.
    void prepareProfile();

    // copyProfileFrom makes this office's profile a copy of another, already prepared one (a
    // second worker's profile), unless it already holds the current extension.
    void copyProfileFrom(const std::filesystem::path& prepared);

    // stop asks the office to terminate and kills it if it has not gone within a few seconds.
    void stop();

    // restart replaces an office that crashed or hung.
    void restart();

    // kill ends the office's whole process group at once. Safe from another thread (a watchdog):
    // a call blocked on the office then fails with a disposed bridge.
    void kill();

    // responsive is false when the office has gone (crashed or killed) or no longer answers.
    bool responsive() const;

    bool running() const { return m_pid > 0; }
    const css::uno::Reference<css::uno::XComponentContext>& context() const { return m_remote; }
    css::uno::Reference<css::frame::XDesktop2> desktop() const;

private:
    void launch();
    void connect();
    void installExtension();
    bool profileIsCurrent() const;

    OfficeOptions m_options;
    std::string m_pipe;
    std::atomic<pid_t> m_pid{ -1 };
    css::uno::Reference<css::uno::XComponentContext> m_local;
    css::uno::Reference<css::uno::XComponentContext> m_remote;
};

// fileUrl turns a path into an absolute file:// URL with %-escapes.
std::string fileUrl(const std::filesystem::path& path);
} // namespace dueregard::cli
