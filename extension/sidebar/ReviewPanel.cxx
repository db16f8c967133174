#include "sidebar/ReviewPanel.hxx"

#include "app/Language.hxx"
#include "document/DocumentChecker.hxx"
#include "document/EditStep.hxx"
#include "document/Reviewer.hxx"
#include "commands/Dispatch.hxx"

#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/frame/XController.hpp>

#include <algorithm>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{

std::string number(std::size_t n) { return std::to_string(n); }

// The audit trail's latest events, newest first (the exported report has them all).
rtl::OUString trailText(const DocumentChecker& checker)
{
    const engine::AuditTrail trail = checker.auditTrail();
    if (trail.events.empty())
        return ascii("\n") + ui("review.trail.none");
    const std::size_t total = trail.events.size() + trail.omitted;
    rtl::OUString text = ascii("\n") + (total == 1 ? ui("review.trail.one") : ui("review.trail.many", { { "count", number(total) } }));
    constexpr std::size_t kShown = 5;
    const engine::Assessment& assessment = checker.lastResult()->assessment;
    for (std::size_t shown = 0; shown < std::min(kShown, trail.events.size()); ++shown)
    {
        const engine::AuditEvent& e = trail.events[trail.events.size() - 1 - shown];
        text += ascii("\n- ")
                + fromUtf8(engine::describe(
                    e, engine::characteristicLabel(assessment, e.characteristic), uiLanguage()));
    }
    if (trail.events.size() > kShown)
        text += ascii("\n  ") + ui("review.trail.earlier", { { "count", number(trail.events.size() - kShown) } });
    if (trail.omitted > 0)
        text += ascii("\n  ") + ui("review.trail.omitted", { { "count", number(trail.omitted) } });
    return text;
}
} // namespace

void ReviewPanel::start()
{
    open();
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    m_state = m_panel.add("FixedText", ui("review.state.initial"), ui("review.state.help"));
    PanelWindow::set(m_state, "MultiLine", uno::Any(true));
    m_commentButton = m_panel.add("Button", ui("review.comments"), ui("review.comments.help"));
    Reference<awt::XButton>(m_commentButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<ReviewPanel>(weakSelf, [](ReviewPanel& p) { p.dispatch("ReviewAsComments"); })));
    m_proposeButton = m_panel.add("Button", ui("review.propose"), ui("review.propose.help"));
    Reference<awt::XButton>(m_proposeButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<ReviewPanel>(weakSelf, [](ReviewPanel& p) { p.dispatch("ProposeSections"); })));
    m_removeButton = m_panel.add("Button", ui("review.remove"), ui("review.remove.help"));
    Reference<awt::XButton>(m_removeButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<ReviewPanel>(weakSelf, [](ReviewPanel& p) { p.dispatch("RemoveComments"); })));

    if (isReadOnly(m_model))
        for (const auto& button : { m_commentButton, m_proposeButton, m_removeButton })
            PanelWindow::set(button, "Enabled", uno::Any(false));
    attach();
    followResults();
    render();
}

void ReviewPanel::render()
{
    if (rBHelper.bDisposed || rBHelper.bInDispose || !m_state.is())
        return;
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (!document.is())
        return;
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    if (!checker->lastResult())
        return;
    const engine::CheckResult& r = *checker->lastResult();
    rtl::OUString text = ui("review.prompts", { { "open", number(r.findings.size()) }, { "dismissed", number(r.dismissed.size()) } });
    for (const auto& [finding, dismissal] : r.dismissed)
        text += ascii("\n") + ui("review.dismissed", { { "prompt", finding.message }, { "reason", dismissal.reason } });
    try
    {
        const auto [open, resolved] = countOurComments(document);
        text += ascii("\n") + ui("review.our_comments", { { "open", number(open) }, { "resolved", number(resolved) } });
    }
    catch (const uno::Exception&)
    {
        // The comments cannot be read right now; the rest still helps.
    }
    const PendingSummary& pending = checker->pending();
    if (pending.changes == 0)
        text += ascii("\n") + ui("review.no_changes");
    else
    {
        const bool accepted = pending.readAs == PendingChanges::AsAccepted;
        text += ascii("\n") + ui(accepted ? "review.changes_accepted" : "review.changes_rejected", { { "count", number(pending.changes) } });
        // The prompts that depend on the changes, a few of each; the report lists them all.
        auto list = [&text](const std::vector<engine::Finding>& findings, const char* key) {
            constexpr std::size_t kShown = 6;
            for (std::size_t i = 0; i < std::min(findings.size(), kShown); ++i)
                text += ascii("\n") + ui(key, { { "prompt", findings[i].message } });
            if (findings.size() > kShown)
                text += ascii("\n  ") + ui("review.more", { { "count", number(findings.size() - kShown) } });
        };
        list(pending.onlyOtherWay, accepted ? "review.back_if_rejected" : "review.back_if_accepted");
        list(pending.onlyThisWay, accepted ? "review.gone_if_rejected" : "review.gone_if_accepted");
    }
    text += trailText(*checker);
    PanelWindow::set(m_state, "Label", uno::Any(text));
    layout();
}

rtl::OUString ReviewPanel::stateText() const
{
    rtl::OUString label;
    Reference<beans::XPropertySet>(m_state->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("Label")) >>= label;
    return label;
}

void ReviewPanel::dispatch(const char* command)
{
    dispatchCommand(m_context, m_frame, std::string_view(command));
    render(); // also when the result has not changed: removing comments changes what is shown
}

void ReviewPanel::layout()
{
    if (!m_panel.window().is())
        return;
    Column c(m_panel.window());
    c.place(m_state);
    c.place(m_commentButton, 0, false);
    c.place(m_proposeButton, 0, false);
    c.place(m_removeButton, 0, false);
    finishLayout(c.height());
}

void ReviewPanel::clearControls()
{
    for (auto* control : { &m_state, &m_commentButton, &m_proposeButton, &m_removeButton })
        control->clear();
}
} // namespace dueregard::ext
