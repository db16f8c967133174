// ReadinessPanel: the score and its bar, prompt counts, the document's facts, kind and
// jurisdiction, when it was last checked, "Check now" and the check-as-I-type switch.

#include "sidebar/CheckingPanel.hxx"

#include "UnoStrings.hxx"
#include "app/Failures.hxx"
#include "app/Language.hxx"
#include "app/Listeners.hxx"
#include "app/Profile.hxx"
#include "app/Settings.hxx"
#include "engine/Jurisdictions.hpp"
#include "model/Facts.hpp"
#include "text/Format.hpp"

#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XListBox.hpp>

#include <algorithm>
#include <ctime>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
// The panel's lines of text.
enum Line : std::size_t
{
    kScore,
    kCounts,
    kWords,
    kParagraphs,
    kHeadings,
    kTables,
    kChecked,
    kNote,
    kLineCount
};

rtl::OUString counted(const char* key, std::size_t value)
{
    return ui(key, { { "count", toUtf8(toOUString(text::formatCount(value))) } });
}


// checkedLine says when the document was last checked, with whose settings, and any problem
// with the settings or a department's files.
rtl::OUString checkedLine()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M:%S", &local);
    rtl::OUString checked = ui("readiness.checked", { { "time", clock } });
    const Profile& profile = *currentProfile();
    if (!profile.settings.organisation.empty())
        checked += ascii(" ") + ui("readiness.checked_with", { { "organisation", profile.settings.organisation } });
    for (const std::string& problem : profile.problems)
        checked += ascii("\n") + fromUtf8(problem);
    return checked;
}
} // namespace

void ReadinessPanel::createControls(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    for (std::size_t i = 0; i < kLineCount; ++i)
        m_lines.push_back(addText(rtl::OUString()));
    setText(kNote, ui("readiness.note"));
    // The score as a bar (its number is in the line above, so colour is never the only cue).
    m_scoreBar = m_panel.make(
        "ProgressBar",
        [](const Reference<beans::XPropertySet>& props)
        {
            props->setPropertyValue(ascii("ProgressValueMin"), uno::Any(sal_Int32(0)));
            props->setPropertyValue(ascii("ProgressValueMax"), uno::Any(sal_Int32(100)));
            props->setPropertyValue(ascii("HelpText"),
                                    uno::Any(ui("readiness.score_bar")));
        });
    createChoices(weakSelf);
    // Created after the controls above it, so that Tab reaches it last.
    m_refreshButton = addButton(
        ui("readiness.check_now"), ui("readiness.check_now.help"), true,
        whenAlive<ReadinessPanel>(weakSelf, [](ReadinessPanel& panel) { panel.refresh(); }));
}

void ReadinessPanel::createChoices(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    const auto& nations = engine::jurisdictions();
    uno::Sequence<rtl::OUString> items(static_cast<sal_Int32>(nations.size() + 1));
    items.getArray()[0] = ui("readiness.jurisdiction.as_read");
    for (std::size_t i = 0; i < nations.size(); ++i)
        items.getArray()[i + 1] = ui("readiness.jurisdiction.named", { { "jurisdiction", uiNation(nations[i].id) } });
    m_jurisdiction
        = m_panel.dropdown(items, ui("readiness.jurisdiction.help"), 0,
                           static_cast<sal_Int16>(items.getLength()));
    Reference<awt::XListBox>(m_jurisdiction, UNO_QUERY_THROW)
        ->addItemListener(new ItemForwarder(
            whenAlive<ReadinessPanel>(weakSelf, [](ReadinessPanel& panel, sal_Int32 row)
                                      { panel.chooseJurisdiction(row); })));
    m_autoCheck = m_panel.add("CheckBox", ui("readiness.auto_check"), ui("readiness.auto_check.help"),
                              [](const Reference<beans::XPropertySet>& model)
                              { model->setPropertyValue(ascii("State"), uno::Any(sal_Int16(1))); });
    Reference<awt::XCheckBox>(m_autoCheck, UNO_QUERY_THROW)
        ->addItemListener(new ItemForwarder(whenAlive<ReadinessPanel>(
            weakSelf, [](ReadinessPanel& panel, sal_Int32) { panel.autoCheckClicked(); })));
}

void ReadinessPanel::autoCheckClicked()
{
    sal_Int16 state = 0;
    Reference<beans::XPropertySet>(m_autoCheck->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue(ascii("State"))
        >>= state;
    m_autoCheckOn = state == 1;
    // The switch is the user's setting (Tools > Options > Due Regard), for every document.
    if (m_autoCheckOn == currentProfile()->settings.autoCheck)
        return;
    try
    {
        writeSetting(m_context, "Checking/AutoCheck", uno::Any(m_autoCheckOn));
    }
    catch (const uno::Exception&)
    {
        // Locked by the organisation: the switch is disabled then, so this is a race at most.
    }
}

void ReadinessPanel::applySettings()
{
    CheckingPanel::applySettings();
    const Settings& s = currentProfile()->settings;
    const bool locked = s.locked.count("Checking/AutoCheck") > 0;
    Reference<beans::XPropertySet> model(m_autoCheck->getModel(), UNO_QUERY_THROW);
    model->setPropertyValue(ascii("State"), uno::Any(sal_Int16(s.autoCheck ? 1 : 0)));
    model->setPropertyValue(ascii("Enabled"), uno::Any(!locked));
    model->setPropertyValue(
        ascii("HelpText"),
        uno::Any(ui(!locked      ? "readiness.auto_check.help_unlocked"
                    : s.autoCheck ? "readiness.auto_check.locked_on"
                                  : "readiness.auto_check.locked_off")));
    // A jurisdiction the organisation has locked is shown, and cannot be changed per document.
    const bool jurisdictionLocked
        = s.locked.count("General/DefaultJurisdiction") > 0 && !s.defaultJurisdiction.empty();
    if (jurisdictionLocked)
        if (const std::optional<int> choice = engine::choiceOf(s.defaultJurisdiction);
            choice && *choice > 0)
        {
            m_updatingList = true;
            Reference<awt::XListBox>(m_jurisdiction, UNO_QUERY_THROW)
                ->selectItemPos(static_cast<sal_Int16>(*choice), true);
            m_updatingList = false;
        }
    Reference<beans::XPropertySet> list(m_jurisdiction->getModel(), UNO_QUERY_THROW);
    list->setPropertyValue(ascii("Enabled"), uno::Any(!jurisdictionLocked));
    list->setPropertyValue(
        ascii("HelpText"),
        uno::Any(ui(jurisdictionLocked ? "settings.locked" : "readiness.jurisdiction.help")));
}

void ReadinessPanel::failureNoted()
{
    for (const auto& p : panelsFor<ReadinessPanel>(nullptr))
        if (!p->rBHelper.bDisposed && !p->rBHelper.bInDispose && !p->m_lines.empty())
        {
            p->setText(kChecked, fromUtf8(lastFailure()));
            p->layout();
        }
}

void ReadinessPanel::showProblem(const rtl::OUString& text)
{
    if (m_lines.empty())
        return;
    setText(kScore, text);
    layout();
}

void ReadinessPanel::chooseJurisdiction(sal_Int32 index)
{
    if (index < 0 || static_cast<std::size_t>(index) > engine::jurisdictions().size())
        return;
    const std::shared_ptr<DocumentChecker> documentChecker = checker();
    if (!documentChecker)
        return;
    if (m_updatingList)
        return; // our own selectItemPos below, echoed by the list
    documentChecker->useJurisdiction(std::string(engine::idAtChoice(index)));
    m_updatingList = true;
    Reference<awt::XListBox>(m_jurisdiction, UNO_QUERY_THROW)
        ->selectItemPos(static_cast<sal_Int16>(index), true);
    m_updatingList = false;
    refresh();
}

void ReadinessPanel::setAutoCheck(bool on)
{
    m_autoCheckOn = on;
    PanelWindow::set(m_autoCheck, "State", uno::Any(sal_Int16(on ? 1 : 0)));
}

void ReadinessPanel::setText(std::size_t line, const rtl::OUString& text)
{
    PanelWindow::set(m_lines.at(line), "Label", uno::Any(text));
}

void ReadinessPanel::renderResult(const engine::CheckResult& result)
{
    const model::DocumentFacts& facts = result.facts;
    std::size_t errors = 0, warnings = 0, advice = 0;
    for (const auto& f : result.findings)
        (f.severity == "error" ? errors : f.severity == "warning" ? warnings : advice)++;
    setText(kScore, ui("readiness.score",
                       { { "score", std::to_string(result.score) },
                         { "kind", uiText(result.assessment.kind == "eia" ? "readiness.kind.eia" : "readiness.kind.policy") },
                         { "jurisdiction", uiNation(result.assessment.jurisdiction) } }));
    PanelWindow::set(m_scoreBar, "ProgressValue", uno::Any(sal_Int32(result.score)));
    setText(kCounts, ui("readiness.counts", { { "errors", std::to_string(errors) },
                                             { "warnings", std::to_string(warnings) },
                                             { "advice", std::to_string(advice) } }));
    setText(kWords, counted("readiness.words", facts.words));
    setText(kParagraphs, counted("readiness.paragraphs", facts.paragraphs));
    setText(kHeadings, counted("readiness.headings", facts.headings));
    setText(kTables, counted("readiness.tables", facts.tables));
    setText(kChecked, checkedLine());
}

std::vector<rtl::OUString> ReadinessPanel::stateLines() const
{
    std::vector<rtl::OUString> lines;
    for (const auto& control : m_lines)
    {
        rtl::OUString label;
        Reference<beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW)
            ->getPropertyValue(ascii("Label"))
            >>= label;
        lines.push_back(label);
    }
    return lines;
}

CheckingPanel::NamedControls ReadinessPanel::namedControls() const
{
    NamedControls all;
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        all.emplace_back("line" + std::to_string(i), m_lines[i]);
    all.emplace_back("scoreBar", m_scoreBar);
    all.emplace_back("jurisdiction", m_jurisdiction);
    all.emplace_back("autoCheck", m_autoCheck);
    all.emplace_back("checkNow", m_refreshButton);
    return all;
}

void ReadinessPanel::layout()
{
    if (!m_panel.window().is() || m_lines.empty())
        return;
    Stack s(m_panel.window());
    s.place(m_lines[kScore], true);
    s.placeFixed(
        m_scoreBar,
        std::max<sal_Int32>(12, PanelWindow::preferredSize(m_scoreBar, s.width(), false).Height));
    for (std::size_t i = kScore + 1; i < m_lines.size(); ++i)
        s.place(m_lines[i], true);
    s.gap();
    s.placeFixed(m_jurisdiction,
                 std::max<sal_Int32>(
                     24, PanelWindow::preferredSize(m_jurisdiction, s.width(), false).Height));
    s.place(m_autoCheck, false);
    s.place(m_refreshButton, false);
    finishLayout(s.height());
}

void ReadinessPanel::clearControls()
{
    m_lines.clear();
    for (auto* control : { &m_refreshButton, &m_scoreBar, &m_jurisdiction, &m_autoCheck })
        control->clear();
}
} // namespace dueregard::ext
