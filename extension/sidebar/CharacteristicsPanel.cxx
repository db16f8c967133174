// CharacteristicsPanel: the coverage matrix, one row per characteristic, in words (not colour
// alone); choosing a row goes to where it is discussed, or offers its section.

#include "sidebar/CheckingPanel.hxx"

#include "UnoStrings.hxx"
#include "app/Language.hxx"
#include "engine/Templates.hpp"

#include <algorithm>

using namespace css;

namespace dueregard::ext
{
namespace
{
// A row of the matrix: the mark ([+], [~], [-]) and the words, the characteristic named as the
// prompts name it in the interface's language (Engine::word).
rtl::OUString matrixRow(const engine::CharacteristicResult& c, const engine::Engine& engine)
{
    rtl::OUString line = fromUtf8(engine.word(c.label)) + ascii(": ");
    if (!c.addressed)
        line += ui(c.listedOnly ? "characteristics.only_listed" : "characteristics.not_considered");
    else
    {
        line += ui(c.evidence ? "characteristics.evidence" : "characteristics.no_evidence");
        line += ascii(", ")
                + ui("characteristics.impact",
                     { { "impact", uiText(std::string("characteristics.impact.")
                                          + engine::impactName(c.impact)) } });
        if (c.impact == engine::Impact::Negative || c.impact == engine::Impact::Mixed)
            line += ascii(", ")
                    + ui(c.mitigation ? "characteristics.mitigated"
                                      : "characteristics.no_mitigation");
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
        ui("characteristics.matrix.help"),
        whenAlive<CharacteristicsPanel>(weakSelf, [](CharacteristicsPanel& panel, sal_Int32 row)
                                        { panel.activateCharacteristic(row); }));
    m_details = addText(ui("characteristics.legend"));
    createInsertButton(weakSelf, ui("characteristics.insert.help"));
}

void CharacteristicsPanel::renderResult(const engine::CheckResult& result)
{
    uno::Sequence<rtl::OUString> rows(
        static_cast<sal_Int32>(result.assessment.characteristics.size()));
    auto* row = rows.getArray();
    const std::shared_ptr<DocumentChecker> documentChecker = checker();
    for (const engine::CharacteristicResult& c : result.assessment.characteristics)
        *row++ = matrixRow(c, documentChecker->engine());
    PanelWindow::set(m_matrix, "StringItemList", uno::Any(rows));
    enableInsert({});
    PanelWindow::set(m_details, "Label", uno::Any(ui("characteristics.legend")));
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
        PanelWindow::set(
            m_details, "Label",
            uno::Any(ui("characteristics.not_considered_yet",
                        { { "characteristic", documentChecker->engine().word(c.label) } })));
        enableInsert(engine::groupSection(c.id));
        layout();
        return {};
    }
    return selectSpan(c.where);
}

std::vector<rtl::OUString> CharacteristicsPanel::matrixLines() const
{
    return listItems(m_matrix);
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
    const auto rows = static_cast<sal_Int32>(listItems(m_matrix).size());
    s.placeFixed(m_matrix, listHeight(m_matrix, static_cast<sal_Int16>(
                                                    std::clamp<sal_Int32>(rows, 9, 20) + 1)));
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
