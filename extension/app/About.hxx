#pragma once

#include <com/sun/star/frame/XFrame.hpp>
#include <rtl/ustring.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace dueregard::ext
{
// localiseDialog shows a dialog loaded from dialogs/ (or the Options page) in Due Regard's
// interface language when the user has chosen one other than LibreOffice's: its words come from
// the dialog's string resources (dialogs/<name>_<language>.properties).
void localiseDialog(const css::uno::Reference<css::uno::XInterface>& dialog);

// showAbout opens the About Due Regard dialog (dialogs/About.xdl) over the frame's window.
bool showAbout(const css::uno::Reference<css::uno::XComponentContext>& context,
               const css::uno::Reference<css::frame::XFrame>& frame);
// askDismissReason asks why a prompt does not apply (dialogs/Dismiss.xdl). Returns the reason, or
// an empty string when the user cancels or gives none.
rtl::OUString askDismissReason(const css::uno::Reference<css::uno::XComponentContext>& context,
                               const css::uno::Reference<css::frame::XFrame>& frame, const rtl::OUString& prompt);
} // namespace dueregard::ext
