#pragma once
// ReviewPanel is the deck's "Review" panel for reviewers: how many prompts are open and
// dismissed (with reasons), Due Regard's comments open and resolved, the pending tracked changes
// and which prompts depend on them; buttons run the review commands. It renders the checker's
// latest result, each time the checker has a new one (SidebarPanel::followResults); the commands
// do the work.

#include "sidebar/SidebarPanel.hxx"

namespace dueregard::ext
{
class ReviewPanel : public SidebarPanel
{
public:
    using SidebarPanel::SidebarPanel;

    void start();
    // render shows the checker's latest result for this document (main thread).
    void render();
    // stateText is what the panel shows (a test hook).
    rtl::OUString stateText() const;

    static rtl::Reference<ReviewPanel> panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        return SidebarPanel::panelFor<ReviewPanel>(model);
    }

private:
    void layout() override;
    void clearControls() override;
    void resultChanged() override { render(); }
    void dispatch(const char* command);

    css::uno::Reference<css::awt::XControl> m_state, m_commentButton, m_proposeButton, m_removeButton;
};
} // namespace dueregard::ext
