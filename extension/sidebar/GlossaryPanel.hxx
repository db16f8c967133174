#pragma once
// GlossaryPanel is the deck's "Glossary" panel: the definition of the term at (or just before)
// the cursor, following the cursor as it moves; a search box filtering the glossary; choosing a
// term shows it, and a button inserts its definition as a footnote. Buttons mark and unmark the
// document's terms. It renders and dispatches; the commands do the editing.

#include "sidebar/SidebarPanel.hxx"
#include "commands/CommandUrl.hxx"

#include <com/sun/star/view/XSelectionChangeListener.hpp>

#include <string>
#include <vector>

namespace dueregard::ext
{
class GlossaryPanel : public SidebarPanel
{
public:
    using SidebarPanel::SidebarPanel;

    void start();
    // followCursor shows the term at the view cursor, if there is one (main thread).
    void followCursor();
    // search filters the list; choose shows list row `index`. Test hooks as well as handlers.
    void search(const rtl::OUString& query);
    void choose(sal_Int32 index);
    rtl::OUString insertFootnote();

    // Test hooks: the shown term's id and text, and the listed terms.
    const std::string& shownTerm() const { return m_shown; }
    rtl::OUString details() const;
    std::vector<rtl::OUString> listed() const;

    static rtl::Reference<GlossaryPanel> panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        return SidebarPanel::panelFor<GlossaryPanel>(model);
    }

private:
    void layout() override;
    void clearControls() override;
    void show(std::size_t term, bool atCursor);
    void scheduleFollow();
    void dispatch(const CommandUrl& command);

    css::uno::Reference<css::awt::XControl> m_title, m_details, m_searchLabel, m_search, m_list, m_footnoteButton,
        m_markButton, m_removeButton, m_note;
    css::uno::Reference<css::view::XSelectionChangeListener> m_selectionListener;
    std::vector<std::size_t> m_rows; // glossary index per list row
    std::string m_shown;             // id of the term shown
    bool m_followPending = false;
};
} // namespace dueregard::ext
