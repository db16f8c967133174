#pragma once
// InsertPanel is the deck's "Insert sections" panel: choose a jurisdiction and a section (or the
// whole assessment) and insert it. The panel only renders and dispatches: the buttons run the
// vnd.dueregard:InsertSection and InsertSkeleton commands, exactly as the menu and macros do.

#include "PanelWindow.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <rtl/ref.hxx>

#include <string>
#include <vector>

namespace dueregard::ext
{
class InsertPanel : public cppu::BaseMutex,
                    public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel,
                                                           css::ui::XSidebarPanel>
{
public:
    InsertPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
                const css::uno::Reference<css::frame::XFrame>& frame,
                const css::uno::Reference<css::awt::XWindow>& parentWindow,
                const css::uno::Reference<css::ui::XSidebar>& sidebar, const rtl::OUString& resourceUrl);

    void start();

    // Test hooks (main thread): the listed sections, choosing jurisdiction and section, and the
    // two buttons. insertChosen and insertAll return the status line shown afterwards.
    std::vector<rtl::OUString> sectionLines() const;
    void chooseJurisdiction(sal_Int32 index);
    void chooseSection(sal_Int32 index);
    rtl::OUString insertChosen();
    rtl::OUString insertAll();

    static rtl::Reference<InsertPanel> panelFor(const css::uno::Reference<css::uno::XInterface>& model);

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
    void fillSections();
    void jurisdictionChosen(sal_Int32 index); // from the list or a test hook
    void sectionChosen(sal_Int32 index);
    void layout();
    rtl::OUString run(const rtl::OUString& url, const rtl::OUString& done);
    std::string jurisdiction() const; // "" for the document's own

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XWindow> m_parentWindow;
    css::uno::Reference<css::ui::XSidebar> m_sidebar;
    rtl::OUString m_resourceUrl;
    css::uno::Reference<css::uno::XInterface> m_model;

    PanelWindow m_panel;
    css::uno::Reference<css::awt::XControl> m_intro, m_jurisdictionLabel, m_jurisdictions, m_sectionsLabel, m_sections,
        m_insertButton, m_skeletonButton, m_status;
    css::uno::Reference<css::awt::XWindowListener> m_resizeListener;
    std::vector<std::string> m_ids; // section id per list row
    sal_Int32 m_jurisdiction = 0;
    sal_Int32 m_chosen = -1;
    sal_Int32 m_preferredHeight = 200;
};
} // namespace dueregard::ext
