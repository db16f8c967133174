#pragma once
// SidebarPanel is what the deck's panels share: the UNO panel interfaces, a window of controls
// (PanelWindow) that follows the sidebar's width, the height it asks the sidebar for, disposal,
// and finding the live panel of a document (for commands and test hooks). A panel builds its
// controls in start(), lays them out in layout() and forgets them in clearControls().

#include "sidebar/PanelWindow.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <vector>

namespace dueregard::ext
{
class SidebarPanel : public cppu::BaseMutex,
                     public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel,
                                                            css::ui::XSidebarPanel>
{
public:
    SidebarPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame,
                 const css::uno::Reference<css::awt::XWindow>& parentWindow,
                 const css::uno::Reference<css::ui::XSidebar>& sidebar, const rtl::OUString& resourceUrl);

    // panelFor finds the live panel of type Panel showing this document (main thread).
    template <typename Panel> static rtl::Reference<Panel> panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        const css::uno::Reference<css::uno::XInterface> wanted(model, css::uno::UNO_QUERY);
        for (SidebarPanel* panel : live())
            if (auto* typed = dynamic_cast<Panel*>(panel); typed && panel->m_model.is() && panel->m_model == wanted)
                return rtl::Reference<Panel>(typed);
        return {};
    }

    // XUIElement
    css::uno::Reference<css::frame::XFrame> SAL_CALL getFrame() override;
    rtl::OUString SAL_CALL getResourceURL() override;
    sal_Int16 SAL_CALL getType() override;
    css::uno::Reference<css::uno::XInterface> SAL_CALL getRealInterface() override;
    // XToolPanel
    css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override;
    css::uno::Reference<css::accessibility::XAccessible> SAL_CALL
    createAccessible(const css::uno::Reference<css::accessibility::XAccessible>& parent) override;
    // XSidebarPanel
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 width) override;
    sal_Int32 SAL_CALL getMinimalWidth() override;

protected:
    // open creates the window (first thing in start()); attach shows it, follows resizes and makes
    // the panel findable (last thing in start()).
    void open();
    void attach();
    virtual void layout() = 0;
    virtual void clearControls() = 0;
    // finishLayout records the height the controls need and asks the sidebar to make room.
    void finishLayout(sal_Int32 height);
    void SAL_CALL disposing() override;

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XWindow> m_parentWindow;
    css::uno::Reference<css::ui::XSidebar> m_sidebar;
    rtl::OUString m_resourceUrl;
    css::uno::Reference<css::uno::XInterface> m_model; // the document shown
    PanelWindow m_panel;

private:
    static std::vector<SidebarPanel*> live();
    css::uno::Reference<css::awt::XWindowListener> m_resizeListener;
    sal_Int32 m_preferredHeight = 200;
};

// whenAlive wraps a panel action for a callback that may outlive the panel: once the deck has
// closed, the callback does nothing.
template <typename Panel, typename Action> auto whenAlive(const css::uno::WeakReference<css::ui::XUIElement>& weak, Action action)
{
    return [weak, action](auto... args) {
        const css::uno::Reference<css::ui::XUIElement> self(weak);
        if (self.is())
            action(*static_cast<Panel*>(self.get()), args...);
    };
}

// Column lays controls out top to bottom at the window's width.
class Column
{
public:
    static constexpr sal_Int32 kPadding = 6;
    static constexpr sal_Int32 kGap = 3;

    explicit Column(const css::uno::Reference<css::awt::XWindow>& window);
    // place puts a control next: full width (wrapping text) or its natural width, at its natural
    // height or the one given.
    void place(const css::uno::Reference<css::awt::XControl>& control, sal_Int32 height = 0, bool full = true);
    void gap() { m_y += kGap; }
    sal_Int32 height() const { return m_y + kPadding; }

private:
    sal_Int32 m_width = 40;
    sal_Int32 m_y = kPadding;
};
} // namespace dueregard::ext
