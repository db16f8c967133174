#include "app/TestHooks.hxx"

#include "UnoStrings.hxx"

#include <com/sun/star/frame/XModel.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>

// The test build's hooks (see TestHooks.hxx). Never linked into the shipped .oxt's library.
namespace dueregard::ext::testhooks
{
namespace
{
std::string_view fault()
{
    const char* value = std::getenv("DUEREGARD_FAULT");
    return value ? std::string_view(value) : std::string_view();
}
} // namespace

void beforeCheck()
{
    if (fault() == "check")
        throw std::runtime_error("a fault injected for testing (DUEREGARD_FAULT=check)");
}

void beforeReading(const css::uno::Reference<css::text::XTextDocument>& document)
{
    const std::string_view spec = fault();
    const auto colon = spec.find(':');
    if (colon == std::string_view::npos)
        return;
    const std::string_view kind = spec.substr(0, colon);
    const std::string name(spec.substr(colon + 1));
    const css::uno::Reference<css::frame::XModel> model(document, css::uno::UNO_QUERY);
    if (name.empty() || !model.is() || toUtf8(model->getURL()).find(name) == std::string::npos)
        return;
    if (kind == "hang-on")
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(60));
    if (kind == "crash-on")
        ::kill(::getpid(), SIGKILL);
}
} // namespace dueregard::ext::testhooks
