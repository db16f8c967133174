#pragma once
// The one way our own code runs a vnd.dueregard: command (a panel's button, a menu entry):
// through the frame's dispatch, exactly as a menu, a toolbar or a macro does, so that every
// command is handled in one place (ProtocolHandler) and reports its own failures.

#include "commands/CommandUrl.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include <string_view>

namespace dueregard::ext
{
// commandUrl is a command's whole URL: "InsertSection?id=monitoring" becomes
// "vnd.dueregard:InsertSection?id=monitoring".
rtl::OUString commandUrl(std::string_view command);

// dispatchCommand runs a command in a frame and returns whether it succeeded (false when it
// failed, was refused or was cancelled; the command has then said why).
bool dispatchCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::frame::XFrame>& frame,
                     std::string_view command);
bool dispatchCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                     const css::uno::Reference<css::frame::XFrame>& frame,
                     const CommandUrl& command);
} // namespace dueregard::ext
