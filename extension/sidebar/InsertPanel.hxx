#pragma once
// InsertPanel is the deck's "Insert sections" panel: choose a jurisdiction and a section (or the
// whole assessment) and insert it. The panel only renders and dispatches: the buttons run the
// vnd.dueregard:InsertSection and InsertSkeleton commands, exactly as the menu and macros do.

#include "sidebar/SidebarPanel.hxx"
#include "commands/CommandUrl.hxx"

#include <string>
#include <vector>

namespace dueregard::ext
{
class InsertPanel : public SidebarPanel
{
public:
    using SidebarPanel::SidebarPanel;

    void start();
    // Test hooks (main thread): the listed sections, choosing jurisdiction and section, and the
    // two buttons. insertChosen and insertAll return the status line shown afterwards.
    std::vector<rtl::OUString> sectionLines() const;
    void chooseJurisdiction(sal_Int32 index);
    void chooseSection(sal_Int32 index);
    rtl::OUString insertChosen();
    rtl::OUString insertAll();

    static rtl::Reference<InsertPanel> panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        return SidebarPanel::panelFor<InsertPanel>(model);
    }

private:
    void layout() override;
    void clearControls() override;
    void fillSections();
    void jurisdictionChosen(sal_Int32 index); // from the list or a test hook
    void sectionChosen(sal_Int32 index);
    rtl::OUString run(const CommandUrl& command, const rtl::OUString& done);
    std::string jurisdiction() const; // "" for the document's own

    css::uno::Reference<css::awt::XControl> m_intro, m_jurisdictionLabel, m_jurisdictions, m_sectionsLabel, m_sections,
        m_insertButton, m_skeletonButton, m_status;
    std::vector<std::string> m_ids; // section id per list row
    sal_Int32 m_jurisdiction = 0;
    sal_Int32 m_chosen = -1;
};
} // namespace dueregard::ext
