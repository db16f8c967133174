#include "app/Failures.hxx"

#include "app/Language.hxx"

#include "l10n/Error.hpp"

#include <iostream>
#include <mutex>
#include <vector>

namespace dueregard::ext
{
namespace
{
std::mutex g_mutex;
std::string g_where, g_what; // the latest failure, worded when it is shown (lastFailure)
std::exception_ptr g_exception; // the latest failure, when it was an exception
bool g_failed = false;
std::vector<std::function<void()>> g_callbacks;
bool g_notifying = false;

void note(const std::string& where, const std::string& what, std::exception_ptr failure)
{
    std::vector<std::function<void()>> callbacks;
    {
        std::lock_guard lock(g_mutex);
        g_where = where;
        g_what = what;
        g_exception = std::move(failure);
        g_failed = true;
        if (g_notifying)
            return; // a failure while showing a failure: recorded, not shown again
        callbacks = g_callbacks;
        g_notifying = true;
    }
    std::cerr << "dueregard: " << where << ": " << what << std::endl;
    for (auto& c : callbacks)
        try
        {
            c();
        }
        catch (...)
        {
        }
    std::lock_guard lock(g_mutex);
    g_notifying = false;
}
} // namespace

void noteFailure(const std::string& where, const std::string& what)
{
    note(where, what, nullptr);
}

void noteFailure(const std::string& where, std::exception_ptr failure)
{
    std::string what = "failure.unknown";
    try
    {
        if (failure)
            std::rethrow_exception(failure);
    }
    catch (const std::exception& e)
    {
        what = e.what(); // en-GB, for standard error; the panel words it again (lastFailure)
    }
    catch (...)
    {
    }
    note(where, what, std::move(failure));
}

std::string lastFailure()
{
    std::string where, what;
    std::exception_ptr failure;
    {
        std::lock_guard lock(g_mutex);
        if (!g_failed)
            return {};
        where = g_where;
        what = g_what;
        failure = g_exception;
    }
    if (failure)
        try
        {
            std::rethrow_exception(failure);
        }
        catch (const std::exception& e)
        {
            what = l10n::describe(e, uiLanguage());
        }
        catch (...)
        {
        }
    // `where` is an l10n key ("failure.reading") or, from a command, its URL, shown as it is; so
    // is `what` when it is a key ("failure.unknown"), else the error's own words.
    for (std::string* part : { &where, &what })
        if (l10n::has(l10n::kEnglish, *part))
            *part = uiText(*part);
    return uiText("failure.message", { { "where", where }, { "what", what } });
}

void onFailure(std::function<void()> callback)
{
    std::lock_guard lock(g_mutex);
    g_callbacks.push_back(std::move(callback));
}
} // namespace dueregard::ext
