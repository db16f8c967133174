// PromptsPanel: the prompts, most important first or grouped, then the dismissed ones with their
// reasons; the chosen prompt's questions and legal basis, and what can be done about it:
// dismissing or restoring it, inserting the section it asks for, opening the calculator.

#include "sidebar/CheckingPanel.hxx"

#include "UnoStrings.hxx"
#include "app/Language.hxx"
#include "app/Listeners.hxx"
#include "app/Profile.hxx"
#include "commands/Dispatch.hxx"
#include "engine/PromptText.hpp"
#include "glossary/Glossary.hpp"

#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextLayoutConstrains.hpp>

#include <algorithm>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
constexpr sal_Int16 kPromptRows = 11; // the prompt list shows ten rows and its scroll bar

rtl::OUString promptLine(const engine::Finding& f)
{
    const char* mark = f.severity == "error" ? "[!] " : f.severity == "warning" ? "[?] " : "[i] ";
    return ascii(mark) + fromUtf8(f.message);
}

// An area's name ("evidence"), in the interface's language; an area without one, capitalised.
std::string areaName(const std::string& area)
{
    const std::string key = "prompts.area." + area;
    if (l10n::has(l10n::kEnglish, key))
        return uiText(key);
    std::string title = area;
    if (!title.empty() && title[0] >= 'a' && title[0] <= 'z')
        title[0] = static_cast<char>(title[0] - 'a' + 'A');
    return title;
}
} // namespace

void PromptsPanel::createControls(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    uno::Sequence<rtl::OUString> items(3);
    items.getArray()[0] = ui("prompts.order.importance");
    items.getArray()[1] = ui("prompts.order.area");
    items.getArray()[2] = ui("prompts.order.characteristic");
    m_groupingList = m_panel.dropdown(items, ui("prompts.order.help"), 0,
                                      static_cast<sal_Int16>(items.getLength()));
    Reference<awt::XListBox>(m_groupingList, UNO_QUERY_THROW)
        ->addItemListener(new ItemForwarder(whenAlive<PromptsPanel>(
            weakSelf, [](PromptsPanel& panel, sal_Int32 row) { panel.chooseGrouping(row); })));
    m_prompts
        = m_panel.list(ui("prompts.list.help"),
                       whenAlive<PromptsPanel>(weakSelf, [](PromptsPanel& panel, sal_Int32 index)
                                               { panel.activatePrompt(index); }));
    // The list's height in rows, measured now while it is empty (see listHeight).
    listHeight(m_prompts, kPromptRows);
    m_details = addText(rtl::OUString());
    m_dismissButton = addButton(
        ui("prompts.dismiss"), ui("prompts.dismiss.help"), false,
        whenAlive<PromptsPanel>(weakSelf, [](PromptsPanel& panel) { panel.dismissOrRestore(); }));
    createInsertButton(weakSelf, ui("prompts.insert.help"));
    m_toolButton = addButton(
        ui("prompts.calculator"), ui("prompts.calculator.help"), false,
        whenAlive<PromptsPanel>(weakSelf, [](PromptsPanel& panel) { panel.openToolForPrompt(); }));
}

// rows are the list's rows and the prompt each shows (an index into the open prompts, then the
// dismissed ones; -1 for a group heading): open prompts first, grouped as chosen, then the
// dismissed ones with their reasons, so they can be restored.
std::vector<std::pair<rtl::OUString, sal_Int32>>
PromptsPanel::rows(const engine::CheckResult& result) const
{
    std::vector<std::pair<rtl::OUString, sal_Int32>> out;
    if (m_grouping == 0)
        for (std::size_t i = 0; i < result.findings.size(); ++i)
            out.emplace_back(promptLine(result.findings[i]), static_cast<sal_Int32>(i));
    else
    {
        // By area or by characteristic, groups in the order their most important prompt comes.
        std::vector<std::string> groups;
        // Each group named in the interface's language: an area by its key, a characteristic as
        // the prompts name it.
        const std::shared_ptr<DocumentChecker> documentChecker = checker();
        auto groupOf = [this, &result, &documentChecker](const engine::Finding& f) -> std::string
        {
            if (m_grouping == 1)
                return areaName(f.area);
            for (const engine::CharacteristicResult& c : result.assessment.characteristics)
                if (c.id == f.characteristic)
                    return documentChecker ? documentChecker->engine().word(c.label) : c.label;
            return uiText("prompts.whole_assessment");
        };
        for (const engine::Finding& f : result.findings)
            if (std::find(groups.begin(), groups.end(), groupOf(f)) == groups.end())
                groups.push_back(groupOf(f));
        for (const std::string& g : groups)
        {
            out.emplace_back(ascii("-- ") + fromUtf8(g) + ascii(" --"), -1);
            for (std::size_t i = 0; i < result.findings.size(); ++i)
                if (groupOf(result.findings[i]) == g)
                    out.emplace_back(ascii("   ") + promptLine(result.findings[i]),
                                     static_cast<sal_Int32>(i));
        }
    }
    for (std::size_t i = 0; i < result.dismissed.size(); ++i)
    {
        const auto& [f, d] = result.dismissed[i];
        out.emplace_back(
            ui("prompts.dismissed", { { "prompt", f.message }, { "reason", d.reason } }),
            static_cast<sal_Int32>(result.findings.size() + i));
    }
    return out;
}

void PromptsPanel::renderResult(const engine::CheckResult& result)
{
    std::vector<rtl::OUString> lines;
    m_rowFinding.clear();
    for (auto& [line, finding] : rows(result))
    {
        lines.push_back(std::move(line));
        m_rowFinding.push_back(finding);
    }
    const uno::Sequence<rtl::OUString> items(lines.data(), static_cast<sal_Int32>(lines.size()));
    m_chosenPrompt = -1;
    m_toolId.clear();
    PanelWindow::set(m_toolButton, "Enabled", uno::Any(false));
    PanelWindow::set(m_dismissButton, "Enabled", uno::Any(false));
    enableInsert({});
    PanelWindow::set(m_prompts, "StringItemList", uno::Any(items));
    PanelWindow::set(m_details, "Label",
                     uno::Any(ui(result.findings.empty() ? "prompts.none" : "prompts.choose")));
}

rtl::OUString PromptsPanel::activatePrompt(sal_Int32 row)
{
    const std::shared_ptr<DocumentChecker> documentChecker = checker();
    if (!documentChecker || row < 0 || static_cast<std::size_t>(row) >= m_rowFinding.size())
        return {};
    const sal_Int32 index = m_rowFinding[static_cast<std::size_t>(row)]; // -1: a group heading
    if (!documentChecker->lastResult() || index < 0)
        return {};
    const engine::CheckResult& result = *documentChecker->lastResult();
    const std::size_t open = result.findings.size();
    if (static_cast<std::size_t>(index) >= open + result.dismissed.size())
        return {};
    m_chosenPrompt = index;
    const bool dismissed = static_cast<std::size_t>(index) >= open;
    PanelWindow::set(m_dismissButton, "Label",
                     uno::Any(ui(dismissed ? "prompts.restore" : "prompts.dismiss")));
    PanelWindow::set(m_dismissButton, "Enabled", uno::Any(true));
    // Copy: the result may be replaced by a re-check while we act on it.
    const engine::Finding finding
        = dismissed ? result.dismissed[static_cast<std::size_t>(index) - open].first
                    : result.findings[static_cast<std::size_t>(index)];
    const engine::Dismissal* dismissal
        = dismissed ? &result.dismissed[static_cast<std::size_t>(index) - open].second : nullptr;
    const std::string insertId = dismissed ? std::string() : finding.insert;
    m_toolId = dismissed ? std::string() : finding.tool;
    const engine::Engine& engine = documentChecker->engine();
    rtl::OUString details = fromUtf8(engine::promptDetails(
        finding, dismissal,
        insertId.empty() ? std::string() : engine.word(engine.templates().titleOf(insertId)),
        uiLanguage()));
    PanelWindow::set(m_toolButton, "Enabled", uno::Any(!m_toolId.empty()));
    // The legal terms the prompt uses, with what they mean (the Glossary panel has more).
    for (const std::string& id : finding.terms)
        if (const auto t = currentProfile()->glossary.find(id))
        {
            const glossary::Term& term = currentProfile()->glossary.terms()[*t];
            details += ascii("\n")
                       + ui("prompts.glossary",
                            { { "term", term.term }, { "definition", term.definition } });
        }
    details += ascii("\n") + ui("prompts.not_verdict");
    enableInsert(insertId);
    PanelWindow::set(m_details, "Label", uno::Any(details));
    layout();
    return selectSpan(finding.location);
}

void PromptsPanel::dismissOrRestore()
{
    const std::shared_ptr<DocumentChecker> documentChecker = checker();
    if (!documentChecker || m_chosenPrompt < 0 || !documentChecker->lastResult())
        return;
    const sal_Int32 open = static_cast<sal_Int32>(documentChecker->lastResult()->findings.size());
    // Through the command, so the button and a macro behave the same.
    if (m_chosenPrompt < open)
        dispatchCommand(m_context, m_frame,
                        CommandUrl{ "Dismiss", { { "index", std::to_string(m_chosenPrompt) } } });
    else
        dispatchCommand(
            m_context, m_frame,
            CommandUrl{ "Restore", { { "index", std::to_string(m_chosenPrompt - open) } } });
}

void PromptsPanel::chooseGrouping(sal_Int32 index)
{
    if (index < 0 || index > 2)
        return;
    if (m_updatingList)
        return; // our own selectItemPos below, echoed by the list
    m_grouping = index;
    m_updatingList = true;
    Reference<awt::XListBox>(m_groupingList, UNO_QUERY_THROW)
        ->selectItemPos(static_cast<sal_Int16>(index), true);
    m_updatingList = false;
    render();
}

rtl::OUString PromptsPanel::openToolForPrompt()
{
    if (m_toolId.empty())
        return {};
    const std::string id = m_toolId;
    dispatchCommand(m_context, m_frame, CommandUrl{ "ShowDeck", { { "panel", id } } });
    return fromUtf8(id);
}

std::vector<rtl::OUString> PromptsPanel::promptLines() const
{
    return listItems(m_prompts);
}

CheckingPanel::NamedControls PromptsPanel::namedControls() const
{
    return {
        { "grouping", m_groupingList }, { "prompts", m_prompts },     { "details", m_details },
        { "dismiss", m_dismissButton }, { "insert", m_insertButton }, { "tool", m_toolButton }
    };
}

void PromptsPanel::layout()
{
    if (!m_panel.window().is() || !m_prompts.is())
        return;
    Stack s(m_panel.window());
    // Lists fill the width; at the sidebar's narrow width their rows scroll sideways.
    s.placeFixed(m_groupingList,
                 std::max<sal_Int32>(
                     24, PanelWindow::preferredSize(m_groupingList, s.width(), false).Height));
    s.placeFixed(m_prompts, listHeight(m_prompts, kPromptRows));
    s.place(m_details, true);
    s.place(m_dismissButton, false);
    s.place(m_insertButton, false);
    s.place(m_toolButton, false);
    finishLayout(s.height());
}

void PromptsPanel::clearControls()
{
    for (auto* control :
         { &m_groupingList, &m_prompts, &m_details, &m_dismissButton, &m_toolButton })
        control->clear();
}
} // namespace dueregard::ext
