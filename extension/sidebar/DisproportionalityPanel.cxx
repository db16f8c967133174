#include "sidebar/DisproportionalityPanel.hxx"

#include "app/ErrorReport.hxx"
#include "app/Language.hxx"
#include "document/Disproportionality.hxx"
#include "document/EditStep.hxx"

#include "l10n/Error.hpp"
#include "stats/Counts.hpp"

#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>

#include <algorithm>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
const stats::Measure kMeasures[] = { stats::Measure::RateRatio, stats::Measure::RatePer1000, stats::Measure::RepresentationRatio };
// The measures' names (l10n keys), in kMeasures' order.
const char* const kMeasureNames[] = { "dispro.measure.rate_ratio", "dispro.measure.rate_per_1000",
                                      "dispro.measure.representation" };

rtl::OUString textOf(const Reference<awt::XControl>& control)
{
    return control.is() ? Reference<awt::XTextComponent>(control, UNO_QUERY_THROW)->getText() : rtl::OUString();
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// One line per group, as the panel shows it.
std::string resultLine(const stats::Analysis& a, const stats::GroupResult& g)
{
    std::string line = g.group + ": ";
    if (!g.valid)
        return line + uiText(g.warnings.empty() ? "dispro.no_figures" : g.warnings.front()) + ".";
    line += uiText("dispro.rate", { { "rate", stats::formatRate(g.ratePer1000) } });
    if (!stats::describes(a, g))
        line += " " + uiText("dispro.comparator");
    else if (g.ratio)
    {
        line += "; "
                + uiText("dispro.times",
                         { { "ratio", stats::formatRatio(*g.ratio) },
                           { "comparator", a.measure == stats::Measure::RepresentationRatio
                                               ? uiText("dispro.share")
                                               : a.comparator } });
        if (g.lower && g.upper)
            line += " "
                    + uiText("dispro.interval", { { "lower", stats::formatRatio(*g.lower) },
                                                  { "upper", stats::formatRatio(*g.upper) } })
                    + ", "
                    + uiText(g.intervalExcludesOne ? "dispro.not_chance" : "dispro.may_be_chance");
    }
    for (const std::string& w : g.warnings)
        line += "; " + uiText(w);
    return line + ".";
}
} // namespace

void DisproportionalityPanel::start()
{
    open();
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    m_intro = m_panel.add("FixedText", ui("dispro.intro"));
    PanelWindow::set(m_intro, "MultiLine", uno::Any(true));
    m_figuresLabel = m_panel.add("FixedText", ui("dispro.figures"));
    PanelWindow::set(m_figuresLabel, "MultiLine", uno::Any(true));
    m_figures = m_panel.add("Edit", rtl::OUString(), ui("dispro.figures.help"),
                            [](const Reference<beans::XPropertySet>& model)
                            {
                                model->setPropertyValue(ascii("MultiLine"), uno::Any(true));
                                model->setPropertyValue(ascii("VScroll"), uno::Any(true));
                                model->setPropertyValue(ascii("Text"), uno::Any(rtl::OUString()));
                            });
    Reference<awt::XTextComponent>(m_figures, UNO_QUERY_THROW)
        ->addTextListener(new TextForwarder(whenAlive<DisproportionalityPanel>(weakSelf, [](DisproportionalityPanel& p) {
            if (!p.m_updating)
                p.recalculate();
        })));
    m_loadButton = m_panel.add("Button", ui("dispro.load"), ui("dispro.load.help"));
    Reference<awt::XButton>(m_loadButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<DisproportionalityPanel>(weakSelf, [](DisproportionalityPanel& p) { p.loadFile(); })));
    m_outcomeLabel = m_panel.add("FixedText", ui("dispro.outcome"));
    PanelWindow::set(m_outcomeLabel, "MultiLine", uno::Any(true));
    m_outcome = m_panel.add("Edit", rtl::OUString(), ui("dispro.outcome.help"),
                            [](const Reference<beans::XPropertySet>& model)
                            { model->setPropertyValue(ascii("Text"), uno::Any(rtl::OUString())); });
    Reference<awt::XTextComponent>(m_outcome, UNO_QUERY_THROW)
        ->addTextListener(new TextForwarder(whenAlive<DisproportionalityPanel>(weakSelf, [](DisproportionalityPanel& p) {
            if (!p.m_updating)
                p.recalculate();
        })));
    m_measureLabel = m_panel.add("FixedText", ui("dispro.measure"));
    uno::Sequence<rtl::OUString> measures(3);
    for (sal_Int32 i = 0; i < 3; ++i)
        measures.getArray()[i] = ui(kMeasureNames[i]);
    m_measures = m_panel.dropdown(measures, ui("dispro.measure.help"));
    Reference<awt::XListBox>(m_measures, UNO_QUERY_THROW)
        ->addItemListener(new ItemForwarder(whenAlive<DisproportionalityPanel>(weakSelf, [](DisproportionalityPanel& p, sal_Int32 i) {
            if (i >= 0 && i < 3)
                p.chooseMeasure(kMeasures[i]);
        })));
    m_comparatorLabel = m_panel.add("FixedText", ui("dispro.compare"));
    const rtl::OUString automatic = ui("dispro.automatic");
    m_comparators
        = m_panel.dropdown(uno::Sequence<rtl::OUString>(&automatic, 1), ui("dispro.compare.help"));
    Reference<awt::XListBox>(m_comparators, UNO_QUERY_THROW)
        ->addItemListener(new ItemForwarder(whenAlive<DisproportionalityPanel>(weakSelf, [](DisproportionalityPanel& p, sal_Int32 i) {
            if (p.m_updating)
                return;
            p.m_comparator = i > 0 && static_cast<std::size_t>(i) <= p.m_groups.size() ? p.m_groups[static_cast<std::size_t>(i) - 1] : "";
            p.recalculate();
        })));
    m_resultsLabel = m_panel.add("FixedText", ui("dispro.results"));
    m_results = m_panel.add("Edit", rtl::OUString(), ui("dispro.results.help"),
                            [](const Reference<beans::XPropertySet>& model)
                            {
                                model->setPropertyValue(ascii("MultiLine"), uno::Any(true));
                                model->setPropertyValue(ascii("ReadOnly"), uno::Any(true));
                                model->setPropertyValue(ascii("VScroll"), uno::Any(true));
                                model->setPropertyValue(ascii("Text"), uno::Any(rtl::OUString()));
                            });
    m_insertButton = m_panel.add("Button", ui("dispro.insert"), ui("dispro.insert.help"));
    PanelWindow::set(m_insertButton, "Enabled", uno::Any(false));
    Reference<awt::XButton>(m_insertButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<DisproportionalityPanel>(weakSelf, [](DisproportionalityPanel& p) { p.insert(); })));
    m_status = m_panel.add("FixedText", rtl::OUString());
    PanelWindow::set(m_status, "MultiLine", uno::Any(true));
    recalculate();
    attach();
}

std::string DisproportionalityPanel::figures() const { return toUtf8(textOf(m_figures)); }
std::string DisproportionalityPanel::outcome() const
{
    std::string s = toUtf8(textOf(m_outcome));
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t.") + 1);
    return s;
}
const std::string& DisproportionalityPanel::comparator() const { return m_comparator; }

void DisproportionalityPanel::recalculate()
{
    if (!m_results.is())
        return;
    const stats::CountsTable table = stats::parseCounts(figures());

    // The comparator list follows the groups typed, keeping the choice while it is there.
    std::vector<std::string> groups;
    groups.reserve(table.groups.size());
    for (const stats::GroupCounts& g : table.groups)
        groups.push_back(g.group);
    if (groups != m_groups)
    {
        m_groups = groups;
        const bool kept = std::any_of(groups.begin(), groups.end(), [this](const std::string& g) { return lower(g) == lower(m_comparator); });
        if (!kept)
            m_comparator.clear();
        std::vector<rtl::OUString> rows{ ui("dispro.automatic") };
        sal_Int16 selected = 0;
        for (std::size_t i = 0; i < groups.size(); ++i)
        {
            rows.push_back(fromUtf8(groups[i]));
            if (kept && lower(groups[i]) == lower(m_comparator))
                selected = static_cast<sal_Int16>(i + 1);
        }
        m_updating = true;
        PanelWindow::set(m_comparators, "StringItemList", uno::Any(uno::Sequence<rtl::OUString>(rows.data(), static_cast<sal_Int32>(rows.size()))));
        // Through the control as well: a dropdown shows a selection set only on its model blank.
        Reference<awt::XListBox>(m_comparators, UNO_QUERY_THROW)->selectItemPos(selected, true);
        m_updating = false;
    }

    std::string shown;
    const std::string problem = stats::problemWith(table, m_comparator, uiLanguage());
    m_ready = problem.empty();
    if (figures().find_first_not_of(" \t\r\n") == std::string::npos)
        shown = uiText("dispro.as_you_type");
    else if (!m_ready)
    {
        shown = problem;
        for (std::size_t i = 1; i < table.problems.size(); ++i)
            shown += "\n" + table.problems[i].text(uiLanguage());
    }
    else
    {
        const stats::Analysis a = stats::analyse(table.groups, m_measure, m_comparator);
        for (const stats::GroupResult& g : a.groups)
            shown += resultLine(a, g) + "\n";
        shown += "\n" + uiText("dispro.in_document") + "\n";
        const std::string what = outcome();
        for (const stats::GroupResult& g : a.groups)
            if (stats::describes(a, g))
            {
                std::string s = stats::sentence(a, g, what, uiLanguage());
                if (const auto slot = s.find(stats::kOutcomeSlot); slot != std::string::npos)
                    s.replace(slot, 1, uiText("dispro.decision"));
                shown += s + "\n";
            }
        shown += "\n" + stats::method(a, uiLanguage());
    }
    m_updating = true;
    PanelWindow::set(m_results, "Text", uno::Any(fromUtf8(shown)));
    m_updating = false;
    PanelWindow::set(m_insertButton, "Enabled", uno::Any(m_ready && !isReadOnly(m_model)));
    if (isReadOnly(m_model))
        PanelWindow::set(m_status, "Label", uno::Any(ui("dispro.read_only")));
}

void DisproportionalityPanel::setFigures(const rtl::OUString& text)
{
    Reference<awt::XTextComponent>(m_figures, UNO_QUERY_THROW)->setText(text); // the listener recalculates
    recalculate();
}

void DisproportionalityPanel::setOutcome(const rtl::OUString& text)
{
    Reference<awt::XTextComponent>(m_outcome, UNO_QUERY_THROW)->setText(text);
    recalculate();
}

void DisproportionalityPanel::chooseComparator(const std::string& name)
{
    m_comparator.clear();
    sal_Int16 row = 0;
    for (std::size_t i = 0; i < m_groups.size(); ++i)
        if (!name.empty() && lower(m_groups[i]) == lower(name))
        {
            m_comparator = m_groups[i];
            row = static_cast<sal_Int16>(i + 1);
        }
    m_updating = true;
    Reference<awt::XListBox>(m_comparators, UNO_QUERY_THROW)->selectItemPos(row, true);
    m_updating = false;
    recalculate();
}

void DisproportionalityPanel::chooseMeasure(stats::Measure measure)
{
    m_measure = measure;
    const auto at = std::find(std::begin(kMeasures), std::end(kMeasures), measure) - std::begin(kMeasures);
    Reference<awt::XListBox>(m_measures, UNO_QUERY_THROW)->selectItemPos(static_cast<sal_Int16>(at), true);
    recalculate();
}

rtl::OUString DisproportionalityPanel::insert()
{
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    rtl::OUString message;
    if (!document.is())
        message = ui("dispro.no_document");
    else
    {
        try
        {
            insertDisproportionality(document, figures(), m_comparator, m_measure, outcome());
            message = ui("dispro.inserted");
        }
        catch (const uno::Exception& e)
        {
            message = e.Message;
        }
        catch (const std::exception& e)
        {
            message = fromUtf8(l10n::describe(e, uiLanguage()));
        }
    }
    PanelWindow::set(m_status, "Label", uno::Any(message));
    layout();
    return message;
}

void DisproportionalityPanel::loadFile()
{
    try
    {
        Reference<ui::dialogs::XFilePicker3> picker = ui::dialogs::FilePicker::createWithMode(
            m_context, ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
        picker->setTitle(ui("dispro.load.title"));
        picker->appendFilter(ui("dispro.load.filter"), ascii("*.csv;*.tsv;*.txt"));
        picker->appendFilter(ui("dispro.load.all"), ascii("*"));
        if (picker->execute() != ui::dialogs::ExecutableDialogResults::OK)
            return;
        const uno::Sequence<rtl::OUString> files = picker->getSelectedFiles();
        if (!files.hasElements())
            return;
        setFigures(fromUtf8(readFiguresFile(files[0])));
        PanelWindow::set(
            m_status, "Label",
            uno::Any(ui("dispro.loaded",
                        { { "file", toUtf8(files[0].copy(files[0].lastIndexOf('/') + 1)) } })));
    }
    catch (const uno::Exception& e)
    {
        PanelWindow::set(m_status, "Label", uno::Any(e.Message));
    }
    layout();
}

std::vector<rtl::OUString> DisproportionalityPanel::comparatorChoices() const
{
    uno::Sequence<rtl::OUString> items;
    Reference<beans::XPropertySet>(m_comparators->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("StringItemList")) >>= items;
    return std::vector<rtl::OUString>(items.begin(), items.end());
}

rtl::OUString DisproportionalityPanel::results() const { return textOf(m_results); }

rtl::OUString DisproportionalityPanel::status() const
{
    rtl::OUString label;
    Reference<beans::XPropertySet>(m_status->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("Label")) >>= label;
    return label;
}

bool DisproportionalityPanel::canInsert() const
{
    bool enabled = false;
    Reference<beans::XPropertySet>(m_insertButton->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("Enabled")) >>= enabled;
    return enabled;
}

void DisproportionalityPanel::layout()
{
    if (!m_panel.window().is())
        return;
    Column c(m_panel.window());
    c.place(m_intro);
    c.gap();
    c.place(m_figuresLabel);
    c.place(m_figures, 110);
    c.place(m_loadButton, 0, false);
    c.gap();
    c.place(m_outcomeLabel);
    c.place(m_outcome, 24);
    c.place(m_measureLabel);
    c.place(m_measures, 24);
    c.place(m_comparatorLabel);
    c.place(m_comparators, 24);
    c.gap();
    c.place(m_resultsLabel);
    c.place(m_results, 170);
    c.place(m_insertButton, 0, false);
    c.place(m_status);
    finishLayout(c.height());
}

void DisproportionalityPanel::clearControls()
{
    for (auto* control : { &m_intro, &m_figuresLabel, &m_figures, &m_loadButton, &m_outcomeLabel, &m_outcome, &m_measureLabel,
                           &m_measures, &m_comparatorLabel, &m_comparators, &m_resultsLabel, &m_results, &m_insertButton,
                           &m_status })
        control->clear();
}
} // namespace dueregard::ext
