#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace dueregard::ext
{
// reportError tells the user that something in Due Regard failed: a message box over the frame's
// window when there is one, and always a line on standard error (which headless runs keep).
// It never throws.
void reportError(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& message);
} // namespace dueregard::ext
