#pragma once
// Failures: nothing Due Regard does may take Writer down. Every entry point from the office
// (listeners, callbacks, commands, services) runs its work through guard(), which turns any
// exception into a note: written to standard error, kept as the latest failure, and shown by the
// Document panel ("Due Regard hit a problem: …; your document is unchanged."). The user's work is
// never touched by a failure: edits happen inside EditStep, which always closes its undo step.

#include <com/sun/star/uno/Exception.hpp>

#include <exception>
#include <functional>
#include <string>

namespace dueregard::ext
{
// noteFailure records a failure and tells whoever shows them (main thread, or posted to it).
// `where` is an l10n key ("failure.reading"), shown in the interface's language; anything else
// (a command's URL) is shown as it is.
void noteFailure(const std::string& where, const std::string& what);
// noteFailure for an exception (std::current_exception() in a catch block): one of ours
// (l10n::Error) is worded in the interface's language when it is shown, anything else as its
// what().
void noteFailure(const std::string& where, std::exception_ptr failure);
// lastFailure is the latest failure's message in the interface's language, or "" when there has
// been none. Main thread.
std::string lastFailure();
// onFailure registers something to run (main thread) when a failure is noted.
void onFailure(std::function<void()> callback);

// guard runs `work`, noting any exception instead of letting it reach the office.
template <typename Work> void guard(const char* where, Work&& work) noexcept
{
    try
    {
        work();
    }
    catch (const css::uno::Exception& e)
    {
        const rtl::OString message = rtl::OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8);
        noteFailure(where, std::string(message.getStr(), static_cast<std::size_t>(message.getLength())));
    }
    catch (const std::exception&)
    {
        noteFailure(where, std::current_exception());
    }
    catch (...)
    {
        noteFailure(where, "failure.unknown");
    }
}
} // namespace dueregard::ext
