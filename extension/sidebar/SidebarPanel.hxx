#pragma once
// SidebarPanel is what every panel of the deck shares: the UNO panel interfaces, a window of
// controls (PanelWindow) that follows the sidebar's width, the height it asks the sidebar for,
// following the document checker's results, disposal, and finding the live panels of a document
// (for the command line's service and test hooks). A panel builds its controls in start(), lays
// them out in layout() and forgets them in clearControls(); a panel that shows the checker's
// result calls followResults() and renders in resultChanged().

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

#include <cstdint>
#include <memory>
#include <vector>

namespace dueregard::ext
{
class DocumentChecker;

class SidebarPanel : public cppu::BaseMutex,
                     public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel,
                                                            css::ui::XSidebarPanel>
{
public:
    SidebarPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame,
                 const css::uno::Reference<css::awt::XWindow>& parentWindow,
                 const css::uno::Reference<css::ui::XSidebar>& sidebar, const rtl::OUString& resourceUrl);

    // panelsFor lists the live panels of type Panel showing this document (of every document for
    // a null model), held so that they stay alive while the caller uses them (main thread).
    template <typename Panel>
    static std::vector<rtl::Reference<Panel>> panelsFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        const css::uno::Reference<css::uno::XInterface> wanted(model, css::uno::UNO_QUERY);
        std::vector<rtl::Reference<Panel>> panels;
        for (SidebarPanel* panel : live())
            if (auto* typed = dynamic_cast<Panel*>(panel); typed && (!wanted.is() || (panel->m_model.is() && panel->m_model == wanted)))
                panels.emplace_back(typed);
        return panels;
    }
    // panelFor finds the live panel of type Panel showing this document (main thread).
    template <typename Panel> static rtl::Reference<Panel> panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        if (!model.is())
            return {};
        const std::vector<rtl::Reference<Panel>> panels = panelsFor<Panel>(model);
        return panels.empty() ? rtl::Reference<Panel>() : panels.front();
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
    // followResults (in start()) subscribes the panel to the document checker's "result changed"
    // notification: resultChanged runs on the main thread whenever the document has a new result
    // (a check, however asked for, a dismissal, a restored prompt), until the panel is disposed.
    void followResults();
    virtual void resultChanged() {}
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
    std::weak_ptr<DocumentChecker> m_checker; // whose results the panel follows
    std::uint64_t m_subscription = 0;
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

// Stack lays controls out top to bottom as the checking panels always have: a control of its
// natural width is at least 60 pixels wide (not padded, as in Column), and the next control goes
// below the height the control really took (some themes, GTK's, keep a control taller than asked).
class Stack
{
public:
    explicit Stack(const css::uno::Reference<css::awt::XWindow>& window);
    // place puts a control next: full width (wrapping text) or its natural width.
    void place(const css::uno::Reference<css::awt::XControl>& control, bool wrap);
    // placeFixed puts a control next at the full width and the height given.
    void placeFixed(const css::uno::Reference<css::awt::XControl>& control, sal_Int32 height);
    void gap() { m_y += Column::kGap; }
    sal_Int32 width() const { return m_width; }
    sal_Int32 height() const { return m_y + Column::kPadding; }

private:
    sal_Int32 m_width = 40;
    sal_Int32 m_y = Column::kPadding;
};
} // namespace dueregard::ext
