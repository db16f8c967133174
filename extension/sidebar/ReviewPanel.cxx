#include "sidebar/ReviewPanel.hxx"

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

rtl::OUString number(std::size_t n) { return rtl::OUString::number(static_cast<sal_Int64>(n)); }

// The audit trail's latest events, newest first (the exported report has them all).
rtl::OUString trailText(const DocumentChecker& checker)
{
    const engine::AuditTrail trail = checker.auditTrail();
    if (trail.events.empty())
        return ascii("\nAudit trail: nothing recorded yet. Saving the document records its readiness.");
    const std::size_t total = trail.events.size() + trail.omitted;
    rtl::OUString text = ascii("\nAudit trail (") + number(total) + (total == 1 ? ascii(" event") : ascii(" events"))
                         + ascii(", kept in the document):");
    constexpr std::size_t kShown = 5;
    const engine::Assessment& assessment = checker.lastResult()->assessment;
    for (std::size_t shown = 0; shown < std::min(kShown, trail.events.size()); ++shown)
    {
        const engine::AuditEvent& e = trail.events[trail.events.size() - 1 - shown];
        text += ascii("\n- ") + fromUtf8(engine::describe(e, engine::characteristicLabel(assessment, e.characteristic)));
    }
    if (trail.events.size() > kShown)
        text += ascii("\n  ... and ") + number(trail.events.size() - kShown) + ascii(" earlier, in the exported report.");
    if (trail.omitted > 0)
        text += ascii("\n  The ") + number(trail.omitted) + ascii(" oldest events were let go to keep the trail short.");
    return text;
}
} // namespace

void ReviewPanel::start()
{
    open();
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    m_state = m_panel.add("FixedText", ascii("Checking..."), ascii("The state of the review"));
    PanelWindow::set(m_state, "MultiLine", uno::Any(true));
    m_commentButton = m_panel.add("Button", ascii("Add prompts as comments"),
                                  ascii("Turn each open prompt into a comment; again later, to update and resolve them"));
    Reference<awt::XButton>(m_commentButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<ReviewPanel>(weakSelf, [](ReviewPanel& p) { p.dispatch("ReviewAsComments"); })));
    m_proposeButton = m_panel.add("Button", ascii("Propose missing sections"),
                                  ascii("Insert the missing sections as tracked changes for the author to accept or reject"));
    Reference<awt::XButton>(m_proposeButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive<ReviewPanel>(weakSelf, [](ReviewPanel& p) { p.dispatch("ProposeSections"); })));
    m_removeButton = m_panel.add("Button", ascii("Remove Due Regard comments"),
                                 ascii("Delete Due Regard's comments; comments people wrote stay"));
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
    rtl::OUString text = ascii("Prompts: ") + number(r.findings.size()) + ascii(" open, ") + number(r.dismissed.size())
                         + ascii(" dismissed.");
    for (const auto& [finding, dismissal] : r.dismissed)
        text += ascii("\n- Dismissed: ") + fromUtf8(finding.message) + ascii(" (") + fromUtf8(dismissal.reason) + ascii(")");
    try
    {
        const auto [open, resolved] = countOurComments(document);
        text += ascii("\nDue Regard comments: ") + number(open) + ascii(" open, ") + number(resolved)
                + ascii(" resolved because their prompts are answered.");
    }
    catch (const uno::Exception&)
    {
        // The comments cannot be read right now; the rest still helps.
    }
    const PendingSummary& pending = checker->pending();
    if (pending.changes == 0)
        text += ascii("\nNo tracked changes are pending.");
    else
    {
        const bool accepted = pending.readAs == PendingChanges::AsAccepted;
        text += ascii("\nTracked changes pending: ") + number(pending.changes) + ascii(". Read as if ")
                + (accepted ? ascii("accepted") : ascii("rejected")) + ascii(".");
        // The prompts that depend on the changes, a few of each; the report lists them all.
        auto list = [&text](const std::vector<engine::Finding>& findings, const char* label) {
            constexpr std::size_t kShown = 6;
            for (std::size_t i = 0; i < std::min(findings.size(), kShown); ++i)
                text += ascii(label) + fromUtf8(findings[i].message);
            if (findings.size() > kShown)
                text += ascii("\n  ... and ") + number(findings.size() - kShown) + ascii(" more.");
        };
        list(pending.onlyOtherWay, accepted ? "\n- Back if rejected: " : "\n- Back if accepted: ");
        list(pending.onlyThisWay, accepted ? "\n- Gone if rejected: " : "\n- Gone if accepted: ");
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
