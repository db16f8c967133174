#include "app/ErrorReport.hxx"

#include "UnoStrings.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>

#include <iostream>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
void reportError(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                 const rtl::OUString& message)
{
    std::cerr << "dueregard: " << toUtf8(message) << std::endl;
    try
    {
        Reference<awt::XWindowPeer> parent(frame.is() ? frame->getContainerWindow() : nullptr, UNO_QUERY);
        if (!parent.is() || !context.is())
            return;
        Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(context), UNO_QUERY);
        if (!factory.is())
            return;
        Reference<awt::XMessageBox> box = factory->createMessageBox(
            parent, awt::MessageBoxType_ERRORBOX, awt::MessageBoxButtons::BUTTONS_OK, ascii("Due Regard"), message);
        if (box.is())
            box->execute();
    }
    catch (const uno::Exception&)
    {
        // Reporting must not fail louder than the failure it reports.
    }
}
} // namespace dueregard::ext
