#include "ReviewPanel.hxx"

#include "DocumentChecker.hxx"
#include "EditStep.hxx"
#include "Reviewer.hxx"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/ui/UIElementType.hpp>

#include <algorithm>
#include <mutex>
#include <set>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
namespace
{
constexpr sal_Int32 kPadding = 6;
constexpr sal_Int32 kGap = 3;

std::mutex g_mutex;
std::set<ReviewPanel*> g_panels;

template <typename Action> auto whenAlive(const uno::WeakReference<ui::XUIElement>& weak, Action action)
{
    return [weak, action](auto... args) {
        const Reference<ui::XUIElement> self(weak);
        if (self.is())
            action(*static_cast<ReviewPanel*>(self.get()), args...);
    };
}

rtl::OUString number(std::size_t n) { return rtl::OUString::number(static_cast<sal_Int64>(n)); }
} // namespace

ReviewPanel::ReviewPanel(const Reference<uno::XComponentContext>& context, const Reference<frame::XFrame>& frame,
                         const Reference<awt::XWindow>& parentWindow, const Reference<ui::XSidebar>& sidebar,
                         const rtl::OUString& resourceUrl)
    : WeakComponentImplHelper3(m_aMutex)
    , m_context(context)
    , m_frame(frame)
    , m_parentWindow(parentWindow)
    , m_sidebar(sidebar)
    , m_resourceUrl(resourceUrl)
{
}

void ReviewPanel::start()
{
    m_panel.create(m_context, m_parentWindow);
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    m_state = m_panel.add("FixedText", ascii("Checking..."), ascii("The state of the review"));
    PanelWindow::set(m_state, "MultiLine", uno::Any(true));
    m_commentButton = m_panel.add("Button", ascii("Add prompts as comments"),
                                  ascii("Turn each open prompt into a comment; again later, to update and resolve them"));
    Reference<awt::XButton>(m_commentButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive(weakSelf, [](ReviewPanel& p) { p.dispatch("vnd.dueregard:ReviewAsComments"); })));
    m_proposeButton = m_panel.add("Button", ascii("Propose missing sections"),
                                  ascii("Insert the missing sections as tracked changes for the author to accept or reject"));
    Reference<awt::XButton>(m_proposeButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive(weakSelf, [](ReviewPanel& p) { p.dispatch("vnd.dueregard:ProposeSections"); })));
    m_removeButton = m_panel.add("Button", ascii("Remove Due Regard comments"),
                                 ascii("Delete Due Regard's comments; comments people wrote stay"));
    Reference<awt::XButton>(m_removeButton, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(whenAlive(weakSelf, [](ReviewPanel& p) { p.dispatch("vnd.dueregard:RemoveComments"); })));

    if (m_frame.is() && m_frame->getController().is())
        m_model = m_frame->getController()->getModel();
    if (isReadOnly(m_model))
        for (const auto& button : { m_commentButton, m_proposeButton, m_removeButton })
            PanelWindow::set(button, "Enabled", uno::Any(false));
    m_resizeListener = new ResizeForwarder([this] { layout(); });
    m_panel.window()->addWindowListener(m_resizeListener);
    m_panel.window()->setVisible(true);
    {
        std::lock_guard lock(g_mutex);
        g_panels.insert(this);
    }
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
    PanelWindow::set(m_state, "Label", uno::Any(text));
    layout();
}

rtl::OUString ReviewPanel::stateText() const
{
    rtl::OUString label;
    Reference<beans::XPropertySet>(m_state->getModel(), UNO_QUERY_THROW)->getPropertyValue(ascii("Label")) >>= label;
    return label;
}

void ReviewPanel::dispatch(const char* url)
{
    Reference<frame::XDispatchHelper> helper = frame::DispatchHelper::create(m_context);
    helper->executeDispatch(Reference<frame::XDispatchProvider>(m_frame, UNO_QUERY), ascii(url), ascii(""), 0, {});
    render();
}

void ReviewPanel::layout()
{
    const Reference<awt::XWindow>& window = m_panel.window();
    if (!window.is())
        return;
    const awt::Rectangle area = window->getPosSize();
    const sal_Int32 width = std::max<sal_Int32>(area.Width - 2 * kPadding, 40);
    sal_Int32 y = kPadding;
    auto place = [&](const Reference<awt::XControl>& control, bool full) {
        awt::Size size = PanelWindow::preferredSize(control, width, full);
        const sal_Int32 w = full ? width : std::min(width, std::max<sal_Int32>(size.Width + 12, 80));
        Reference<awt::XWindow>(control, UNO_QUERY_THROW)->setPosSize(kPadding, y, w, size.Height, awt::PosSize::POSSIZE);
        y += size.Height + kGap;
    };
    place(m_state, true);
    place(m_commentButton, false);
    place(m_proposeButton, false);
    place(m_removeButton, false);
    const sal_Int32 height = y + kPadding;
    if (height != m_preferredHeight)
    {
        m_preferredHeight = height;
        if (m_sidebar.is())
            m_sidebar->requestLayout();
    }
}

rtl::Reference<ReviewPanel> ReviewPanel::panelFor(const Reference<uno::XInterface>& model)
{
    std::lock_guard lock(g_mutex);
    Reference<uno::XInterface> wanted(model, UNO_QUERY);
    for (ReviewPanel* panel : g_panels)
    {
        Reference<uno::XInterface> shown(panel->m_model, UNO_QUERY);
        if (shown.is() && shown == wanted)
            return rtl::Reference<ReviewPanel>(panel);
    }
    return {};
}

void SAL_CALL ReviewPanel::disposing()
{
    {
        std::lock_guard lock(g_mutex);
        g_panels.erase(this);
    }
    try
    {
        if (m_panel.window().is() && m_resizeListener.is())
            m_panel.window()->removeWindowListener(m_resizeListener);
        m_panel.dispose();
    }
    catch (const uno::Exception&)
    {
        // The window went first: nothing left to detach from.
    }
    m_state.clear();
    m_commentButton.clear();
    m_proposeButton.clear();
    m_removeButton.clear();
    m_model.clear();
    m_frame.clear();
}

Reference<frame::XFrame> SAL_CALL ReviewPanel::getFrame() { return m_frame; }
rtl::OUString SAL_CALL ReviewPanel::getResourceURL() { return m_resourceUrl; }
sal_Int16 SAL_CALL ReviewPanel::getType() { return ui::UIElementType::TOOLPANEL; }
Reference<uno::XInterface> SAL_CALL ReviewPanel::getRealInterface() { return static_cast<ui::XToolPanel*>(this); }
Reference<awt::XWindow> SAL_CALL ReviewPanel::getWindow() { return m_panel.window(); }
Reference<accessibility::XAccessible> SAL_CALL ReviewPanel::createAccessible(const Reference<accessibility::XAccessible>&)
{
    return Reference<accessibility::XAccessible>(m_panel.window(), UNO_QUERY);
}
ui::LayoutSize SAL_CALL ReviewPanel::getHeightForWidth(sal_Int32)
{
    return ui::LayoutSize(m_preferredHeight, m_preferredHeight, m_preferredHeight);
}
sal_Int32 SAL_CALL ReviewPanel::getMinimalWidth() { return 320; }
} // namespace dueregard::ext
