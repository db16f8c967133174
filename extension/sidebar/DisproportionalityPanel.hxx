#pragma once
// DisproportionalityPanel is the deck's calculator: the user pastes (or loads from a CSV file)
// one line per group with the number at a decision point and the baseline, chooses the measure
// and the comparator, and reads each group's rate, ratio and 95% confidence interval with the
// warnings a careful analyst would add; "Insert into document" writes the table, a sentence per
// group and a note on the method at the cursor, as one undo step. The figures are analysed by
// the engine (src/stats) as they are typed; the panel only shows the result.

#include "sidebar/SidebarPanel.hxx"

#include "stats/Disproportionality.hpp"

#include <string>
#include <vector>

namespace dueregard::ext
{
class DisproportionalityPanel : public SidebarPanel
{
public:
    using SidebarPanel::SidebarPanel;

    void start();

    // Test hooks (main thread), doing what a user does: type or paste figures, choose the
    // comparator by name ("" for automatic) and the measure, fill in the decision point, press
    // Insert. insert returns the status line shown afterwards.
    void setFigures(const rtl::OUString& text);
    void chooseComparator(const std::string& name);
    void chooseMeasure(stats::Measure measure);
    void setOutcome(const rtl::OUString& text);
    rtl::OUString insert();
    // What the panel shows: comparator choices, results, status, and whether Insert is enabled.
    std::vector<rtl::OUString> comparatorChoices() const;
    rtl::OUString results() const;
    rtl::OUString status() const;
    bool canInsert() const;

    static rtl::Reference<DisproportionalityPanel> panelFor(const css::uno::Reference<css::uno::XInterface>& model)
    {
        return SidebarPanel::panelFor<DisproportionalityPanel>(model);
    }

private:
    void layout() override;
    void clearControls() override;
    void recalculate();
    void loadFile();
    std::string figures() const;
    std::string outcome() const;
    const std::string& comparator() const; // "" for automatic

    css::uno::Reference<css::awt::XControl> m_intro, m_figuresLabel, m_figures, m_loadButton, m_outcomeLabel, m_outcome,
        m_measureLabel, m_measures, m_comparatorLabel, m_comparators, m_resultsLabel, m_results, m_insertButton, m_status;
    std::vector<std::string> m_groups; // comparator list rows after "Automatic"
    std::string m_comparator;          // chosen comparator name, "" for automatic
    stats::Measure m_measure = stats::Measure::RateRatio;
    bool m_ready = false; // the figures can be analysed
    bool m_updating = false;
};
} // namespace dueregard::ext
