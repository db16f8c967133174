#pragma once
// GlossaryPanel is the deck's "Glossary" panel: the definition of the term at (or just before)
// the cursor, following the cursor as it moves; a search box filtering the glossary; choosing a
// term shows it, and a button inserts its definition as a footnote. Buttons mark and unmark the
// document's terms. It renders and dispatches; the commands do the editing.

#include "PanelWindow.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <rtl/ref.hxx>

#include <optional>
#include <string>
#include <vector>

namespace dueregard::ext
{
class GlossaryPanel : public cppu::BaseMutex,
                      public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel,
                                                             css::ui::XSidebarPanel>
{
public:
    GlossaryPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
                  const css::uno::Reference<css::frame::XFrame>& frame,
                  const css::uno::Reference<css::awt::XWindow>& parentWindow,
                  const css::uno::Reference<css::ui::XSidebar>& sidebar, const rtl::OUString& resourceUrl);

    void start();

    // followCursor shows the term at the view cursor, if there is one (main thread).
    void followCursor();
    // search filters the list; choose shows list row `index`. Test hooks as well as handlers.
    void search(const rtl::OUString& query);
    void choose(sal_Int32 index);
    rtl::OUString insertFootnote();

    // Test hooks: the shown term's id and text, and the listed terms.
    std::string shownTerm() const { return m_shown; }
    rtl::OUString details() const;
    std::vector<rtl::OUString> listed() const;

    static rtl::Reference<GlossaryPanel> panelFor(const css::uno::Reference<css::uno::XInterface>& model);

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
    void show(std::size_t term, bool atCursor);
    void scheduleFollow();
    void layout();
    void dispatch(const rtl::OUString& url);

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XWindow> m_parentWindow;
    css::uno::Reference<css::ui::XSidebar> m_sidebar;
    rtl::OUString m_resourceUrl;
    css::uno::Reference<css::uno::XInterface> m_model;

    PanelWindow m_panel;
    css::uno::Reference<css::awt::XControl> m_title, m_details, m_searchLabel, m_search, m_list, m_footnoteButton,
        m_markButton, m_removeButton, m_note;
    css::uno::Reference<css::awt::XWindowListener> m_resizeListener;
    css::uno::Reference<css::view::XSelectionChangeListener> m_selectionListener;
    std::vector<std::size_t> m_rows; // glossary index per list row
    std::string m_shown;             // id of the term shown
    bool m_followPending = false;
    sal_Int32 m_preferredHeight = 200;
};
} // namespace dueregard::ext
