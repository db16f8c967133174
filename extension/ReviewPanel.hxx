#pragma once
// ReviewPanel is the deck's "Review" panel for reviewers: how many prompts are open and
// dismissed (with reasons), Due Regard's comments open and resolved, the pending tracked changes
// and which prompts depend on them; buttons run the review commands. It renders the checker's
// latest result; the commands do the work.

#include "PanelWindow.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <rtl/ref.hxx>

#include <vector>

namespace dueregard::ext
{
class ReviewPanel : public cppu::BaseMutex,
                    public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel,
                                                           css::ui::XSidebarPanel>
{
public:
    ReviewPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
                const css::uno::Reference<css::frame::XFrame>& frame,
                const css::uno::Reference<css::awt::XWindow>& parentWindow,
                const css::uno::Reference<css::ui::XSidebar>& sidebar, const rtl::OUString& resourceUrl);

    void start();
    // render shows the checker's latest result for this document (main thread).
    void render();
    // stateText is what the panel shows (a test hook).
    rtl::OUString stateText() const;

    static rtl::Reference<ReviewPanel> panelFor(const css::uno::Reference<css::uno::XInterface>& model);

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
    void SAL_CALL disposing() override;

private:
    void layout();
    void dispatch(const char* url);

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XWindow> m_parentWindow;
    css::uno::Reference<css::ui::XSidebar> m_sidebar;
    rtl::OUString m_resourceUrl;
    css::uno::Reference<css::uno::XInterface> m_model;

    PanelWindow m_panel;
    css::uno::Reference<css::awt::XControl> m_state, m_commentButton, m_proposeButton, m_removeButton;
    css::uno::Reference<css::awt::XWindowListener> m_resizeListener;
    sal_Int32 m_preferredHeight = 200;
};
} // namespace dueregard::ext
