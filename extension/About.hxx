#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace dueregard::ext
{
// showAbout opens the About Due Regard dialog (dialogs/About.xdl) over the frame's window.
bool showAbout(const css::uno::Reference<css::uno::XComponentContext>& context,
               const css::uno::Reference<css::frame::XFrame>& frame);
} // namespace dueregard::ext
