#pragma once
// The deck's three checking panels, each a SidebarPanel that renders the document checker's
// latest result (the engine in src/ decides what it says):
//   ReadinessPanel:       the score and its bar, prompt counts, kind and jurisdiction
//                         (changeable), when last checked, "Check now" and the check-as-I-type
//                         switch;
//   CharacteristicsPanel: the coverage matrix, each row going to where a characteristic is
//                         discussed or offering its section;
//   PromptsPanel:         the prompts (ordered or grouped), their questions and basis, and
//                         dismissing, restoring, inserting the suggested section or opening the
//                         calculator.
// CheckingPanel is what the three share. Each follows the checker's "result changed"
// notification (SidebarPanel::followResults), so every new result renders all three, whoever
// asked for it: a panel, the command line's service or a command. The panels of one window share
// the document's DocumentChecker: one of them (the first open, in the deck's order) listens for
// typing and asks for checks.

#include "document/DocumentChecker.hxx"
#include "sidebar/Debouncer.hxx"
#include "sidebar/SidebarPanel.hxx"

#include "engine/Assessment.hpp"
#include "engine/Engine.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/util/XModifyListener.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dueregard::ext
{
class CheckingPanel : public SidebarPanel
{
public:
    using SidebarPanel::SidebarPanel;

    // start creates the window and controls, attaches to the document and shows the first facts.
    void start();

    // refresh asks for a check in the background (the result renders every checking panel of the
    // document); render shows the latest result. Main thread. After typing (ReadScope::Edits) it
    // reads only what was edited, when that is enough.
    void refresh(ReadScope scope = ReadScope::Whole);
    void render();

    // insertForPrompt inserts the section the chosen prompt (or uncovered characteristic)
    // suggests, where it belongs, as the "Insert section" button does. Returns its id, or ""
    // when there is nothing to insert.
    rtl::OUString insertForPrompt();
    // layoutReport describes the panel as a screen reader and the eye get it (a test hook): the
    // panel's place on screen, and each control's place, accessible role, name and description.
    std::string layoutReport() const;
    // How long the last render took on the main thread (milliseconds), for the benchmark.
    double lastRenderMs() const { return m_lastRenderMs; }

    // profileChanged re-reads the settings into every open panel and checks again (main thread).
    static void profileChanged();
    // renderMsFor is how long the last render of this document's checking panels took in all
    // (-1 when none is open).
    static double renderMsFor(const css::uno::Reference<css::uno::XInterface>& model);

protected:
    using NamedControls
        = std::vector<std::pair<std::string, css::uno::Reference<css::awt::XControl>>>;
    // rank is the panel's place in the deck: of a window's checking panels, the first open leads.
    virtual int rank() const = 0;
    virtual void createControls(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf) = 0;
    virtual void renderResult(const engine::CheckResult& result) = 0;
    // applySettings takes the automatic-checking switch and delay from the settings.
    virtual void applySettings();
    // showProblem says in the panel that the document could not be read (Readiness only).
    virtual void showProblem(const rtl::OUString&) {}
    // namedControls are the controls, by id, in the order layoutReport lists them.
    virtual NamedControls namedControls() const = 0;
    void resultChanged() override { render(); }
    void SAL_CALL disposing() override;

    // addText adds a wrapping text: shown as it is (a "~", in a legend or quoted from a document,
    // is not a mnemonic).
    css::uno::Reference<css::awt::XControl> addText(const rtl::OUString& text);
    // addButton adds a button; onPressed should hold the panel weakly (whenAlive).
    css::uno::Reference<css::awt::XControl> addButton(const rtl::OUString& label, const rtl::OUString& helpText,
                                                      bool enabled, std::function<void()> onPressed);
    css::uno::Reference<css::awt::XControl> addButton(const char* label, const char* helpText,
                                                      bool enabled, std::function<void()> onPressed)
    {
        return addButton(ascii(label), ascii(helpText), enabled, std::move(onPressed));
    }
    void createInsertButton(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf,
                            const rtl::OUString& helpText);
    // listItems: a list's rows as shown (the matrix and the prompts, for their test hooks).
    static std::vector<rtl::OUString>
    listItems(const css::uno::Reference<css::awt::XControl>& list);
    void enableInsert(const std::string& id); // "" disables the button
    // selectSpan selects the text a location is about and returns it ("" for the whole document).
    rtl::OUString selectSpan(const engine::Location& where);
    // checker is the document's checker, or null in a window without a text document.
    std::shared_ptr<DocumentChecker> checker() const;
    // listHeight is a list's height for `lines` rows in this theme's font (and a row for its
    // scroll bar), asked for once per size while the list is still short: with thousands of
    // prompts VCL would measure every row to answer.
    sal_Int32 listHeight(const css::uno::Reference<css::awt::XControl>& list, sal_Int16 lines);

    bool m_autoCheckOn = true;
    bool m_updatingList = false; // a list's selection is being set from code
    css::uno::Reference<css::awt::XControl> m_insertButton; // inserts the suggested section
    std::string m_insertId;

private:
    // leads is true for the one panel of its window that listens for typing and asks for checks.
    bool leads() const;
    void listenForTyping(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf);

    css::uno::Reference<css::util::XModifyListener> m_modifyListener;
    std::unique_ptr<Debouncer> m_debouncer;
    double m_lastRenderMs = 0;
    std::map<sal_Int16, sal_Int32> m_listHeights; // list height by rows shown, asked for once
};

class ReadinessPanel : public CheckingPanel
{
public:
    using CheckingPanel::CheckingPanel;

    // stateLines returns what the panel shows, one string per line (a test hook).
    std::vector<rtl::OUString> stateLines() const;
    // chooseJurisdiction sets the jurisdiction list to row `index` (0: as the document reads)
    // and re-checks; setAutoCheck switches checking as the user types. Test hooks and handlers.
    void chooseJurisdiction(sal_Int32 index);
    void setAutoCheck(bool on);
    // failureNoted shows the latest failure (Failures.hxx) in every open Readiness panel.
    static void failureNoted();

    static rtl::Reference<ReadinessPanel>
    panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        return SidebarPanel::panelFor<ReadinessPanel>(model);
    }

private:
    int rank() const override { return 0; }
    void createControls(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf) override;
    void createChoices(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf);
    void renderResult(const engine::CheckResult& result) override;
    void applySettings() override;
    void showProblem(const rtl::OUString& text) override;
    NamedControls namedControls() const override;
    void layout() override;
    void clearControls() override;
    void setText(std::size_t line, const rtl::OUString& text);
    void autoCheckClicked();

    std::vector<css::uno::Reference<css::awt::XControl>> m_lines;
    css::uno::Reference<css::awt::XControl> m_refreshButton;
    css::uno::Reference<css::awt::XControl> m_scoreBar;     // the readiness score as a bar
    css::uno::Reference<css::awt::XControl> m_jurisdiction; // dropdown: as read, or one of four
    css::uno::Reference<css::awt::XControl> m_autoCheck;    // check box: check as I type
};

class CharacteristicsPanel : public CheckingPanel
{
public:
    using CheckingPanel::CheckingPanel;

    // activateCharacteristic goes to where matrix row `index` is discussed; returns that text.
    rtl::OUString activateCharacteristic(sal_Int32 index);
    // matrixLines returns the coverage matrix rows as listed (a test hook).
    std::vector<rtl::OUString> matrixLines() const;

    static rtl::Reference<CharacteristicsPanel>
    panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        return SidebarPanel::panelFor<CharacteristicsPanel>(model);
    }

private:
    int rank() const override { return 1; }
    void createControls(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf) override;
    void renderResult(const engine::CheckResult& result) override;
    NamedControls namedControls() const override;
    void layout() override;
    void clearControls() override;

    css::uno::Reference<css::awt::XControl> m_matrix;  // list box: one row per characteristic
    css::uno::Reference<css::awt::XControl> m_details; // the legend, or the chosen row's offer
};

class PromptsPanel : public CheckingPanel
{
public:
    using CheckingPanel::CheckingPanel;

    // activatePrompt shows prompt `index`'s questions and basis and selects the text it is
    // about, as choosing it in the list does. Returns the selected text ("" for a prompt about
    // the whole document).
    rtl::OUString activatePrompt(sal_Int32 index);
    // promptLines returns the prompts as listed (a test hook).
    std::vector<rtl::OUString> promptLines() const;
    // chooseGrouping orders the prompts: 0 most important first, 1 by area, 2 by characteristic.
    void chooseGrouping(sal_Int32 index);
    // openToolForPrompt opens the sidebar tool that helps answer the chosen prompt (the
    // disproportionality calculator), as the "Open calculator" button does. Returns the tool's
    // id, or "" when the prompt has none.
    rtl::OUString openToolForPrompt();

    static rtl::Reference<PromptsPanel>
    panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        return SidebarPanel::panelFor<PromptsPanel>(model);
    }

private:
    int rank() const override { return 2; }
    void createControls(const css::uno::WeakReference<css::ui::XUIElement>& weakSelf) override;
    void renderResult(const engine::CheckResult& result) override;
    NamedControls namedControls() const override;
    void layout() override;
    void clearControls() override;
    void dismissOrRestore();
    std::vector<std::pair<rtl::OUString, sal_Int32>> rows(const engine::CheckResult& result) const;

    sal_Int32 m_grouping = 0;
    std::vector<sal_Int32> m_rowFinding; // prompt list row -> open or dismissed prompt, -1 heading
    css::uno::Reference<css::awt::XControl> m_groupingList; // dropdown: how prompts are ordered
    css::uno::Reference<css::awt::XControl> m_prompts;      // list box
    css::uno::Reference<css::awt::XControl> m_details; // the chosen prompt's questions and basis
    css::uno::Reference<css::awt::XControl> m_dismissButton; // "Dismiss..." or "Restore"
    css::uno::Reference<css::awt::XControl>
        m_toolButton; // opens the tool that helps answer the prompt
    std::string m_toolId;
    sal_Int32 m_chosenPrompt = -1;
};
} // namespace dueregard::ext
