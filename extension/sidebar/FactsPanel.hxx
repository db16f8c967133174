#pragma once
// FactsPanel is the Due Regard deck's three checking panels, one class with one Part each:
//   Readiness:       the score and its bar, prompt counts, kind and jurisdiction (changeable),
//                    when last checked, "Check now" and the check-as-I-type switch;
//   Characteristics: the coverage matrix, each row going to where a characteristic is discussed
//                    or offering its section;
//   Prompts:         the prompts (ordered or grouped), their questions and basis, and dismissing,
//                    restoring, inserting the suggested section or opening the calculator.
// The three panels of one window share the document's DocumentChecker: one of them (the first
// part open) listens for typing and asks for checks, and every check result renders all three.

#include "sidebar/Debouncer.hxx"
#include "document/DocumentChecker.hxx"

#include "engine/Assessment.hpp"
#include "engine/Engine.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/basemutex.hxx>
#include <cppuhelper/compbase3.hxx>
#include <rtl/ref.hxx>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dueregard::ext
{
class FactsPanel : public cppu::BaseMutex,
                   public cppu::WeakComponentImplHelper3<css::ui::XUIElement, css::ui::XToolPanel,
                                                          css::ui::XSidebarPanel>
{
public:
    enum class Part
    {
        Readiness,
        Characteristics,
        Prompts
    };

    FactsPanel(const css::uno::Reference<css::uno::XComponentContext>& context,
               const css::uno::Reference<css::frame::XFrame>& frame,
               const css::uno::Reference<css::awt::XWindow>& parentWindow,
               const css::uno::Reference<css::ui::XSidebar>& sidebar, const rtl::OUString& resourceUrl, Part part);

    // start creates the window and controls, attaches to the document and shows the first facts.
    void start();

    // refresh asks for a check in the background; render shows the latest result. Main thread.
    // After typing (ReadScope::Edits) it reads only what was edited, when that is enough.
    void refresh(ReadScope scope = ReadScope::Whole);
    void render();

    // stateLines returns what the panel shows, one string per line (a test hook).
    std::vector<rtl::OUString> stateLines() const;

    // activatePrompt shows prompt `index`'s questions and basis and selects the text it is
    // about, as choosing it in the list does. Returns the selected text ("" for a prompt about
    // the whole document).
    rtl::OUString activatePrompt(sal_Int32 index);

    // activateCharacteristic goes to where matrix row `index` is discussed; returns that text.
    rtl::OUString activateCharacteristic(sal_Int32 index);

    // matrixLines returns the coverage matrix rows as listed (a test hook).
    std::vector<rtl::OUString> matrixLines() const;

    // promptLines returns the prompts as listed (a test hook).
    std::vector<rtl::OUString> promptLines() const;

    // chooseJurisdiction sets the jurisdiction list to row `index` (0: as the document reads)
    // and re-checks; setAutoCheck switches checking as the user types. Test hooks and handlers.
    void chooseJurisdiction(sal_Int32 index);
    void setAutoCheck(bool on);
    // chooseGrouping orders the prompts: 0 most important first, 1 by area, 2 by characteristic.
    void chooseGrouping(sal_Int32 index);

    // insertForPrompt inserts the section the chosen prompt (or uncovered characteristic)
    // suggests, where it belongs, as the "Insert section" button does. Returns its id, or ""
    // when there is nothing to insert.
    rtl::OUString insertForPrompt();
    // openToolForPrompt opens the sidebar tool that helps answer the chosen prompt (the
    // disproportionality calculator), as the "Open calculator" button does. Returns the tool's
    // id, or "" when the prompt has none.
    rtl::OUString openToolForPrompt();
    // profileChanged re-reads the settings into every open panel and checks again (main thread).
    static void profileChanged();
    // failureNoted shows the latest failure (Failures.hxx) in every open panel (main thread).
    static void failureNoted();
    // layoutReport describes the panel as a screen reader and the eye get it (a test hook): the
    // panel's place on screen, and each control's place, accessible role, name and description.
    std::string layoutReport() const;
    // How long the last render took on the main thread (milliseconds), for the benchmark.
    double lastRenderMs() const { return m_lastRenderMs; }

    // panelFor finds the live panel of that part showing this document, if any (main thread only).
    static rtl::Reference<FactsPanel> panelFor(const css::uno::Reference<css::uno::XInterface>& model,
                                               Part part = Part::Readiness);
    // renderFor renders every checking panel showing this document (and its Review panel).
    static void renderFor(const css::uno::Reference<css::uno::XInterface>& model);
    // renderMsFor is how long the last render of this document's panels took in all.
    static double renderMsFor(const css::uno::Reference<css::uno::XInterface>& model);

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
    // livePanels: every live checking panel, or those showing `model` when it is given, held
    // so that they stay alive while the caller uses them (main thread).
    static std::vector<rtl::Reference<FactsPanel>> livePanels(const css::uno::Reference<css::uno::XInterface>& model);
    // leads is true for the one panel of its window that listens for typing and asks for checks.
    bool leads() const;
    void createReadiness(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf);
    void createCharacteristics(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf);
    void createPrompts(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf);
    void createInsertButton(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf);
    void renderReadiness(const engine::CheckResult& result);
    void renderMatrix(const engine::CheckResult& result);
    void renderPrompts(const engine::CheckResult& result);
    void applySettings(); // the automatic-checking switch and delay, from the settings
    css::uno::Reference<css::awt::XControl> addControl(const char* kind, const rtl::OUString& text);
    css::uno::Reference<css::awt::XControl> addList(const char* helpText, std::function<void(sal_Int32)> onChosen);
    void setText(std::size_t line, const rtl::OUString& text);
    void layout();
    void scheduleRefresh();
    void dismissOrRestore();
    rtl::OUString selectSpan(const engine::Location& where);

    css::uno::Reference<css::uno::XComponentContext> m_context;
    css::uno::Reference<css::frame::XFrame> m_frame;
    css::uno::Reference<css::awt::XWindow> m_parentWindow;
    css::uno::Reference<css::ui::XSidebar> m_sidebar;
    rtl::OUString m_resourceUrl;
    Part m_part;

    css::uno::Reference<css::awt::XToolkit> m_toolkit;
    css::uno::Reference<css::awt::XWindow> m_window;
    css::uno::Reference<css::awt::XWindowPeer> m_windowPeer;
    std::vector<css::uno::Reference<css::awt::XControl>> m_lines;
    css::uno::Reference<css::awt::XControl> m_refreshButton;
    css::uno::Reference<css::awt::XControl> m_scoreBar;     // the readiness score as a bar
    css::uno::Reference<css::awt::XControl> m_jurisdiction; // dropdown: as read, or one of four
    css::uno::Reference<css::awt::XControl> m_autoCheck;    // check box: check as I type
    bool m_autoCheckOn = true;
    double m_lastRenderMs = 0;
    css::uno::Reference<css::awt::XControl> m_grouping_list; // dropdown: how prompts are ordered
    sal_Int32 m_grouping = 0;
    bool m_updatingList = false; // a list's selection is being set from code
    std::vector<sal_Int32> m_rowFinding; // prompt list row -> open or dismissed prompt, -1 heading
    css::uno::Reference<css::awt::XControl> m_matrix; // list box: one row per characteristic
    css::uno::Reference<css::awt::XControl> m_prompts; // list box
    css::uno::Reference<css::awt::XControl> m_details; // the chosen prompt's questions and basis
    css::uno::Reference<css::awt::XControl> m_dismissButton; // "Dismiss..." or "Restore"
    css::uno::Reference<css::awt::XControl> m_insertButton;  // inserts the suggested section
    std::string m_insertId;
    css::uno::Reference<css::awt::XControl> m_toolButton; // opens the tool that helps answer the prompt
    std::string m_toolId;
    sal_Int32 m_chosenPrompt = -1;
    css::uno::Reference<css::awt::XWindowListener> m_resizeListener;

    css::uno::Reference<css::uno::XInterface> m_model;
    css::uno::Reference<css::util::XModifyListener> m_modifyListener;
    std::unique_ptr<Debouncer> m_debouncer;
    sal_Int32 m_preferredHeight = 120;
    std::map<sal_Int16, sal_Int32> m_listHeights; // list height by rows shown, asked for once
};
} // namespace dueregard::ext
