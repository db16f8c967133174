#include "app/Failures.hxx"

#include <iostream>
#include <mutex>
#include <vector>

namespace dueregard::ext
{
namespace
{
std::mutex g_mutex;
std::string g_last;
std::vector<std::function<void()>> g_callbacks;
bool g_notifying = false;
} // namespace

void noteFailure(const std::string& where, const std::string& what)
{
    std::vector<std::function<void()>> callbacks;
    {
        std::lock_guard lock(g_mutex);
        g_last = "Due Regard hit a problem (" + where + "): " + what + ". Your document is unchanged.";
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

std::string lastFailure()
{
    std::lock_guard lock(g_mutex);
    return g_last;
}

void onFailure(std::function<void()> callback)
{
    std::lock_guard lock(g_mutex);
    g_callbacks.push_back(std::move(callback));
}
} // namespace dueregard::ext
