#include "commands/Dispatch.hxx"

#include "UnoStrings.hxx"
#include "app/ImplNames.hxx"

#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>

#include <string>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
rtl::OUString commandUrl(std::string_view command)
{
    return fromUtf8(std::string(kProtocol) + std::string(command));
}

bool dispatchCommand(const Reference<uno::XComponentContext>& context,
                     const Reference<frame::XFrame>& frame, std::string_view command)
{
    const Reference<frame::XDispatchHelper> helper = frame::DispatchHelper::create(context);
    const uno::Any result
        = helper->executeDispatch(Reference<frame::XDispatchProvider>(frame, UNO_QUERY),
                                  commandUrl(command), ascii(""), 0, {});
    frame::DispatchResultEvent event;
    return (result >>= event) && event.State == frame::DispatchResultState::SUCCESS;
}

bool dispatchCommand(const Reference<uno::XComponentContext>& context,
                     const Reference<frame::XFrame>& frame, const CommandUrl& command)
{
    return dispatchCommand(context, frame, command.text());
}
} // namespace dueregard::ext
