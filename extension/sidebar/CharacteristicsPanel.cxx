// CharacteristicsPanel: the coverage matrix, one row per characteristic, in words (not colour
// alone); choosing a row goes to where it is discussed, or offers its section.

#include "sidebar/CheckingPanel.hxx"

#include "UnoStrings.hxx"
#include "engine/Templates.hpp"

#include <algorithm>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
const char* const kLegend = "[+] evidenced, [~] considered without evidence, [-] only listed or "
                            "missing. Choose a row to go "
                            "to where it is discussed.";

rtl::OUString matrixRow(const engine::CharacteristicResult& c)
{
    rtl::OUString line = fromUtf8(c.label) + ascii(": ");
    if (!c.addressed)
        line += c.listedOnly ? ascii("only listed") : ascii("not considered");
    else
    {
        line += c.evidence ? ascii("evidence") : ascii("no evidence");
        line += ascii(", impact ");
        const std::string impact = engine::impactName(c.impact);
        line += impact == "not_stated" ? ascii("not stated") : fromUtf8(impact);
        if (c.impact == engine::Impact::Negative || c.impact == engine::Impact::Mixed)
            line += c.mitigation ? ascii(", mitigated") : ascii(", no mitigation");
    }
    return (c.addressed && c.evidence ? ascii("[+] ")
            : c.addressed             ? ascii("[~] ")
                                      : ascii("[-] "))
           + line;
}
} // namespace

void CharacteristicsPanel::createControls(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    m_matrix = m_panel.list(
        ascii("Choose a characteristic to go to where it is discussed"),
        whenAlive<CharacteristicsPanel>(weakSelf, [](CharacteristicsPanel& panel, sal_Int32 row)
                                        { panel.activateCharacteristic(row); }));
    m_details = addText(ascii(kLegend));
    createInsertButton(weakSelf,
                       "Insert a section about the chosen characteristic, with its questions");
}

void CharacteristicsPanel::renderResult(const engine::CheckResult& result)
{
    uno::Sequence<rtl::OUString> rows(
        static_cast<sal_Int32>(result.assessment.characteristics.size()));
    auto* row = rows.getArray();
    for (const engine::CharacteristicResult& c : result.assessment.characteristics)
        *row++ = matrixRow(c);
    PanelWindow::set(m_matrix, "StringItemList", uno::Any(rows));
    enableInsert({});
    PanelWindow::set(m_details, "Label", uno::Any(ascii(kLegend)));
}

rtl::OUString CharacteristicsPanel::activateCharacteristic(sal_Int32 index)
{
    const std::shared_ptr<DocumentChecker> documentChecker = checker();
    if (!documentChecker || !documentChecker->lastResult() || index < 0
        || static_cast<std::size_t>(index)
               >= documentChecker->lastResult()->assessment.characteristics.size())
        return {};
    const engine::CharacteristicResult c
        = documentChecker->lastResult()
              ->assessment.characteristics[static_cast<std::size_t>(index)];
    if (c.where.document())
    {
        // Not discussed anywhere: offer its section.
        PanelWindow::set(m_details, "Label",
                         uno::Any(fromUtf8(c.label)
                                  + ascii(" is not considered yet: Insert section adds a section "
                                          "about it, with its questions.")));
        enableInsert(engine::groupSection(c.id));
        layout();
        return {};
    }
    return selectSpan(c.where);
}

std::vector<rtl::OUString> CharacteristicsPanel::matrixLines() const
{
    uno::Sequence<rtl::OUString> items;
    Reference<beans::XPropertySet>(m_matrix->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue(ascii("StringItemList"))
        >>= items;
    return std::vector<rtl::OUString>(items.begin(), items.end());
}

CheckingPanel::NamedControls CharacteristicsPanel::namedControls() const
{
    return { { "matrix", m_matrix }, { "details", m_details }, { "insert", m_insertButton } };
}

void CharacteristicsPanel::layout()
{
    if (!m_panel.window().is() || !m_matrix.is())
        return;
    Stack s(m_panel.window());
    // Lists fill the width; at the sidebar's narrow width their rows scroll sideways. The matrix
    // shows every row (9 to 20) and a row for its scroll bar.
    uno::Sequence<rtl::OUString> rows;
    Reference<beans::XPropertySet>(m_matrix->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue(ascii("StringItemList"))
        >>= rows;
    s.placeFixed(m_matrix,
                 listHeight(m_matrix, static_cast<sal_Int16>(
                                          std::clamp<sal_Int32>(rows.getLength(), 9, 20) + 1)));
    s.place(m_details, true);
    s.place(m_insertButton, false);
    finishLayout(s.height());
}

void CharacteristicsPanel::clearControls()
{
    m_matrix.clear();
    m_details.clear();
}
} // namespace dueregard::ext
