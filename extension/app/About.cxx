#include "app/About.hxx"

#include "app/ImplNames.hxx"
#include "app/Language.hxx"
#include "UnoStrings.hxx"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogProvider2.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/resource/XStringResourceManager.hpp>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
Reference<awt::XDialog> loadDialog(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                                   const char* name)
{
    Reference<awt::XDialogProvider2> provider(
        context->getServiceManager()->createInstanceWithContext(ascii("com.sun.star.awt.DialogProvider2"), context),
        UNO_QUERY_THROW);
    const rtl::OUString url = ascii("vnd.sun.star.extension://") + ascii(kExtensionId) + "/dialogs/" + ascii(name);
    uno::Sequence<beans::NamedValue> args(1);
    args.getArray()[0] = beans::NamedValue(
        ascii("ParentWindow"), uno::Any(frame.is() ? frame->getContainerWindow() : Reference<awt::XWindow>()));
    Reference<awt::XDialog> dialog(provider->createDialogWithArguments(url, args), UNO_QUERY_THROW);
    localiseDialog(dialog);
    return dialog;
}

} // namespace

void localiseDialog(const Reference<uno::XInterface>& dialog)
{
    try
    {
        const Reference<beans::XPropertySet> model(Reference<awt::XControl>(dialog, UNO_QUERY_THROW)->getModel(), UNO_QUERY_THROW);
        const Reference<resource::XStringResourceManager> strings(model->getPropertyValue(ascii("ResourceResolver")), uno::UNO_QUERY);
        const std::string language = uiLanguage();
        if (strings.is() && strings->getCurrentLocale().Language != fromUtf8(language.substr(0, language.find('-'))))
            strings->setCurrentLocale(language == "cy" ? lang::Locale(ascii("cy"), rtl::OUString(), rtl::OUString())
                                                       : lang::Locale(ascii("en"), ascii("GB"), rtl::OUString()),
                                      true);
    }
    catch (const uno::Exception&)
    {
        // LibreOffice's choice of language stays
    }
}

namespace
{
Reference<beans::XPropertySet> modelOf(const Reference<awt::XDialog>& dialog, const char* control)
{
    Reference<awt::XControlContainer> controls(dialog, UNO_QUERY_THROW);
    return Reference<beans::XPropertySet>(controls->getControl(ascii(control))->getModel(), UNO_QUERY_THROW);
}
} // namespace

rtl::OUString askDismissReason(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                               const rtl::OUString& prompt)
{
    Reference<awt::XDialog> dialog = loadDialog(context, frame, "Dismiss.xdl");
    modelOf(dialog, "lblPrompt")->setPropertyValue(ascii("Label"), uno::Any(prompt));
    rtl::OUString reason;
    if (dialog->execute() == 1)
        modelOf(dialog, "txtReason")->getPropertyValue(ascii("Text")) >>= reason;
    Reference<lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    return reason.trim();
}

bool showAbout(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame)
{
    Reference<awt::XDialog> dialog = loadDialog(context, frame, "About.xdl");
    modelOf(dialog, "lblVersion")->setPropertyValue(ascii("Label"), uno::Any(ascii("Version ") + ascii(kVersion)));

    dialog->execute();
    Reference<lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose();
    return true;
}
} // namespace dueregard::ext
