#include "sidebar/PanelFactory.hxx"

#include "app/Failures.hxx"

#include "UnoStrings.hxx"
#include "app/ImplNames.hxx"
#include "app/Language.hxx"
#include "sidebar/CheckingPanel.hxx"
#include "sidebar/DisproportionalityPanel.hxx"
#include "sidebar/GlossaryPanel.hxx"
#include "sidebar/InsertPanel.hxx"
#include "sidebar/ReviewPanel.hxx"

#include "l10n/Error.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>

using namespace css;
using css::uno::Reference;

namespace dueregard::ext
{
namespace
{
// open makes a panel of this type and starts it: its window, controls and first contents.
template <typename Panel>
Reference<ui::XUIElement> open(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                               const Reference<awt::XWindow>& parentWindow, const Reference<ui::XSidebar>& sidebar,
                               const rtl::OUString& resourceUrl)
{
    rtl::Reference<Panel> panel = new Panel(context, frame, parentWindow, sidebar, resourceUrl);
    panel->start();
    return panel.get();
}
} // namespace

PanelFactory::PanelFactory(const Reference<uno::XComponentContext>& context)
    : m_context(context)
{
}

Reference<ui::XUIElement> SAL_CALL
PanelFactory::createUIElement(const rtl::OUString& resourceUrl,
                              const uno::Sequence<beans::PropertyValue>& arguments)
{
    try
    {
        return create(resourceUrl, arguments);
    }
    catch (const uno::Exception&)
    {
        throw;
    }
    catch (const std::exception& e)
    {
        // The sidebar shows no panel rather than Writer going down.
        noteFailure("failure.opening_panel", std::current_exception());
        throw uno::RuntimeException(fromUtf8(l10n::describe(e, uiLanguage())),
                                    static_cast<cppu::OWeakObject*>(this));
    }
}

Reference<ui::XUIElement> PanelFactory::create(const rtl::OUString& resourceUrl,
                                               const uno::Sequence<beans::PropertyValue>& arguments)
{
    const rtl::OUString prefix = ascii("private:resource/toolpanel/") + ascii(kPanelFactoryName) + "/";
    if (!resourceUrl.startsWith(prefix))
        throw container::NoSuchElementException(resourceUrl, static_cast<cppu::OWeakObject*>(this));
    const rtl::OUString panelId = resourceUrl.copy(prefix.getLength());

    Reference<frame::XFrame> frame;
    Reference<awt::XWindow> parentWindow;
    Reference<ui::XSidebar> sidebar;
    for (const beans::PropertyValue& argument : arguments)
    {
        if (argument.Name == "Frame")
            argument.Value >>= frame;
        else if (argument.Name == "ParentWindow")
            argument.Value >>= parentWindow;
        else if (argument.Name == "Sidebar")
            argument.Value >>= sidebar;
    }
    if (!parentWindow.is())
        throw lang::IllegalArgumentException(ui("sidebar.no_parent_window"),
                                             static_cast<cppu::OWeakObject*>(this), 1);

    using Open = Reference<ui::XUIElement> (*)(const Reference<uno::XComponentContext>&, const Reference<frame::XFrame>&,
                                               const Reference<awt::XWindow>&, const Reference<ui::XSidebar>&, const rtl::OUString&);
    for (const auto& [id, openPanel] : { std::pair<const char*, Open>{ kPanelFactsId, &open<ReadinessPanel> },
                                         std::pair<const char*, Open>{ kPanelCharacteristicsId, &open<CharacteristicsPanel> },
                                         std::pair<const char*, Open>{ kPanelPromptsId, &open<PromptsPanel> },
                                         std::pair<const char*, Open>{ kPanelInsertId, &open<InsertPanel> },
                                         std::pair<const char*, Open>{ kPanelGlossaryId, &open<GlossaryPanel> },
                                         std::pair<const char*, Open>{ kPanelReviewId, &open<ReviewPanel> },
                                         std::pair<const char*, Open>{ kPanelDisproportionalityId, &open<DisproportionalityPanel> } })
        if (panelId == ascii(id))
            return openPanel(m_context, frame, parentWindow, sidebar, resourceUrl);
    throw container::NoSuchElementException(resourceUrl, static_cast<cppu::OWeakObject*>(this));
}

rtl::OUString PanelFactory::implementationName() { return ascii(kImplPanelFactory); }
uno::Sequence<rtl::OUString> PanelFactory::serviceNames()
{
    const rtl::OUString name = ascii("com.sun.star.ui.UIElementFactory");
    return uno::Sequence<rtl::OUString>(&name, 1);
}
rtl::OUString SAL_CALL PanelFactory::getImplementationName() { return implementationName(); }
sal_Bool SAL_CALL PanelFactory::supportsService(const rtl::OUString& name)
{
    return name == serviceNames()[0];
}
uno::Sequence<rtl::OUString> SAL_CALL PanelFactory::getSupportedServiceNames() { return serviceNames(); }
} // namespace dueregard::ext
