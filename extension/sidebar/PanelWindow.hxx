#pragma once
// PanelWindow is the plumbing every Due Regard sidebar panel shares: a container window inside
// the sidebar's parent window, and UNO AWT controls created in it with accessible names.

#include "app/Listeners.hxx"
#include "UnoStrings.hxx"

#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/WindowAttribute.hpp>
#include <com/sun/star/awt/WindowClass.hpp>
#include <com/sun/star/awt/WindowDescriptor.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <algorithm>
#include <functional>
#include <vector>

namespace dueregard::ext
{
class PanelWindow
{
public:
    void create(const css::uno::Reference<css::uno::XComponentContext>& context,
                const css::uno::Reference<css::awt::XWindow>& parent)
    {
        m_context = context;
        m_toolkit.set(css::awt::Toolkit::create(context), css::uno::UNO_QUERY_THROW);
        css::awt::WindowDescriptor descriptor;
        descriptor.Type = css::awt::WindowClass_CONTAINER;
        // A tab page: VCL moves the keyboard focus between its controls with Tab and Shift+Tab
        // (a plain container window would keep it and never pass it on).
        descriptor.WindowServiceName = ascii("tabpage");
        descriptor.Parent = css::uno::Reference<css::awt::XWindowPeer>(parent, css::uno::UNO_QUERY_THROW);
        descriptor.Bounds = parent->getPosSize();
        descriptor.WindowAttributes = 0;
        m_peer = m_toolkit->createWindow(descriptor);
        m_window.set(m_peer, css::uno::UNO_QUERY_THROW);
    }

    // add creates a control ("FixedText", "Button", "ListBox", ...) with a label; helpText is
    // also its accessible name for screen readers. Tab goes through controls in the order they
    // were added: add them in the order they are shown.
    css::uno::Reference<css::awt::XControl> add(const char* kind, const rtl::OUString& label,
                                                const rtl::OUString& helpText = rtl::OUString(),
                                                const std::function<void(const css::uno::Reference<css::beans::XPropertySet>&)>& configure = {})
    {
        return make(kind, [&](const css::uno::Reference<css::beans::XPropertySet>& props) {
            if (props->getPropertySetInfo()->hasPropertyByName(ascii("Label"))) // an Edit has none
                props->setPropertyValue(ascii("Label"), css::uno::Any(label));
            if (!helpText.isEmpty())
                props->setPropertyValue(ascii("HelpText"), css::uno::Any(helpText));
            if (configure)
                configure(props);
        });
    }

    // make creates a control of any kind (one without a label, such as "ProgressBar"), its model
    // set up by configure before the peer exists (some properties, Dropdown, are read only then).
    css::uno::Reference<css::awt::XControl> make(const char* kind,
                                                 const std::function<void(const css::uno::Reference<css::beans::XPropertySet>&)>& configure)
    {
        using css::uno::Reference;
        using css::uno::UNO_QUERY_THROW;
        Reference<css::lang::XMultiComponentFactory> factory = m_context->getServiceManager();
        const rtl::OUString base = ascii("com.sun.star.awt.UnoControl") + ascii(kind);
        Reference<css::awt::XControlModel> model(factory->createInstanceWithContext(base + "Model", m_context), UNO_QUERY_THROW);
        Reference<css::awt::XControl> control(factory->createInstanceWithContext(base, m_context), UNO_QUERY_THROW);
        configure(Reference<css::beans::XPropertySet>(model, UNO_QUERY_THROW));
        control->setModel(model);
        control->createPeer(m_toolkit, m_peer);
        m_controls.push_back(control);
        return control;
    }

    css::uno::Reference<css::awt::XControl> list(const rtl::OUString& helpText, std::function<void(sal_Int32)> onChosen,
                                                 bool dropdown = false)
    {
        using css::uno::Reference;
        using css::uno::UNO_QUERY_THROW;
        Reference<css::awt::XControl> control = add("ListBox", rtl::OUString(), helpText,
                                                     [dropdown](const Reference<css::beans::XPropertySet>& model) {
                                                         model->setPropertyValue(ascii("Border"), css::uno::Any(sal_Int16(1)));
                                                         model->setPropertyValue(ascii("Dropdown"), css::uno::Any(dropdown));
                                                         if (dropdown)
                                                             model->setPropertyValue(ascii("LineCount"), css::uno::Any(sal_Int16(5)));
                                                     });
        Reference<css::awt::XListBox>(control, UNO_QUERY_THROW)->addItemListener(new ItemForwarder(std::move(onChosen)));
        return control;
    }

    // dropdown creates a dropdown list with its items and chosen row set before its peer exists
    // and again through the control (a dropdown shows a selection made only on its model blank).
    // Open, it shows lineCount rows at most.
    css::uno::Reference<css::awt::XControl> dropdown(const css::uno::Sequence<rtl::OUString>& items, const rtl::OUString& helpText,
                                                     sal_Int16 selected = 0, sal_Int16 lineCount = 8)
    {
        css::uno::Reference<css::awt::XControl> control = add("ListBox", rtl::OUString(), helpText,
                                                               [&](const css::uno::Reference<css::beans::XPropertySet>& model) {
                                                                   model->setPropertyValue(ascii("Dropdown"), css::uno::Any(true));
                                                                   model->setPropertyValue(ascii("LineCount"), css::uno::Any(lineCount));
                                                                   model->setPropertyValue(ascii("StringItemList"), css::uno::Any(items));
                                                                   model->setPropertyValue(ascii("SelectedItems"), css::uno::Any(css::uno::Sequence<sal_Int16>{ selected }));
                                                               });
        css::uno::Reference<css::awt::XListBox>(control, css::uno::UNO_QUERY_THROW)->selectItemPos(selected, true);
        return control;
    }

    // preferredSize is a control's natural size; for wrapping text at `width` it asks VCL how
    // tall the wrapped text is (calcAdjustedSize wraps a multi-line label at the given width).
    static css::awt::Size preferredSize(const css::uno::Reference<css::awt::XControl>& control, sal_Int32 width, bool wrap)
    {
        css::uno::Reference<css::awt::XLayoutConstrains> constraints(control, css::uno::UNO_QUERY);
        if (!constraints.is())
            return css::awt::Size(width, 16);
        css::awt::Size size = constraints->getPreferredSize();
        if (wrap && size.Width > width)
        {
            const css::awt::Size wrapped = constraints->calcAdjustedSize(css::awt::Size(width, 0));
            size.Height = std::max(wrapped.Height, size.Height);
            // If this toolkit does not wrap for us, estimate the lines the text needs.
            if (wrapped.Width > width)
                size.Height *= (size.Width + width - 1) / width + 1;
        }
        return size;
    }

    static void set(const css::uno::Reference<css::awt::XControl>& control, const char* property, const css::uno::Any& value)
    {
        css::uno::Reference<css::beans::XPropertySet>(control->getModel(), css::uno::UNO_QUERY_THROW)
            ->setPropertyValue(ascii(property), value);
    }

    void dispose()
    {
        for (auto& control : m_controls)
            if (control.is())
                control->dispose();
        m_controls.clear();
        css::uno::Reference<css::lang::XComponent> window(m_window, css::uno::UNO_QUERY);
        if (window.is())
            window->dispose();
        m_window.clear();
        m_peer.clear();
    }

    const css::uno::Reference<css::awt::XWindow>& window() const { return m_window; }

private:
    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::awt::XToolkit> m_toolkit;
    css::uno::Reference<css::awt::XWindowPeer> m_peer;
    css::uno::Reference<css::awt::XWindow> m_window;
    std::vector<css::uno::Reference<css::awt::XControl>> m_controls;
};
} // namespace dueregard::ext
