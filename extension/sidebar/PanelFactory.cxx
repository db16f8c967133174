#include "sidebar/PanelFactory.hxx"

#include "app/Failures.hxx"

#include "sidebar/FactsPanel.hxx"
#include "app/ImplNames.hxx"
#include "sidebar/GlossaryPanel.hxx"
#include "sidebar/InsertPanel.hxx"
#include "sidebar/ReviewPanel.hxx"
#include "sidebar/DisproportionalityPanel.hxx"
#include "UnoStrings.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>

using namespace css;
using css::uno::Reference;

namespace dueregard::ext
{
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
        noteFailure("opening a panel", e.what());
        throw uno::RuntimeException(fromUtf8(e.what()), static_cast<cppu::OWeakObject*>(this));
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
        throw lang::IllegalArgumentException(ascii("no ParentWindow given to the Due Regard panel factory"),
                                             static_cast<cppu::OWeakObject*>(this), 1);

    for (const auto& [id, part] : { std::pair{ kPanelFactsId, FactsPanel::Part::Readiness },
                                    std::pair{ kPanelCharacteristicsId, FactsPanel::Part::Characteristics },
                                    std::pair{ kPanelPromptsId, FactsPanel::Part::Prompts } })
        if (panelId == ascii(id))
        {
            rtl::Reference<FactsPanel> panel = new FactsPanel(m_context, frame, parentWindow, sidebar, resourceUrl, part);
            panel->start();
            return panel.get();
        }
    if (panelId == ascii(kPanelGlossaryId))
    {
        rtl::Reference<GlossaryPanel> panel = new GlossaryPanel(m_context, frame, parentWindow, sidebar, resourceUrl);
        panel->start();
        return panel.get();
    }
    if (panelId == ascii(kPanelReviewId))
    {
        rtl::Reference<ReviewPanel> panel = new ReviewPanel(m_context, frame, parentWindow, sidebar, resourceUrl);
        panel->start();
        return panel.get();
    }
    if (panelId == ascii(kPanelDisproportionalityId))
    {
        rtl::Reference<DisproportionalityPanel> panel = new DisproportionalityPanel(m_context, frame, parentWindow, sidebar, resourceUrl);
        panel->start();
        return panel.get();
    }
    if (panelId == ascii(kPanelInsertId))
    {
        rtl::Reference<InsertPanel> panel = new InsertPanel(m_context, frame, parentWindow, sidebar, resourceUrl);
        panel->start();
        return panel.get();
    }
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
