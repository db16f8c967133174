#include "sidebar/FactsPanel.hxx"
#include "engine/Jurisdictions.hpp"
#include "engine/PromptText.hpp"
#include "sidebar/FactsPanelParts.hxx"
#include "app/Failures.hxx"
#include "app/Profile.hxx"
#include "app/Settings.hxx"

#include "document/DocumentChecker.hxx"
#include "app/Listeners.hxx"
#include "sidebar/PanelWindow.hxx"
#include "sidebar/ReviewPanel.hxx"
#include "commands/Dispatch.hxx"
#include "UnoStrings.hxx"

#include "glossary/Glossary.hpp"
#include "model/Facts.hpp"
#include "text/Format.hpp"

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleComponent.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/WindowAttribute.hpp>
#include <com/sun/star/awt/WindowClass.hpp>
#include <com/sun/star/awt/WindowDescriptor.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XTextLayoutConstrains.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <cppuhelper/weakref.hxx>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <chrono>
#include <ctime>
#include <mutex>
#include <set>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
using namespace facts;
namespace
{
// The live panels, for panelFor (the test hook and, later, commands that update the panel).
// Touched on the main thread only; the mutex guards against surprises, not expected contention.
std::mutex g_panelsMutex;
std::set<FactsPanel*> g_panels;

} // namespace

FactsPanel::FactsPanel(const Reference<uno::XComponentContext>& context,
                       const Reference<frame::XFrame>& frame,
                       const Reference<awt::XWindow>& parentWindow,
                       const Reference<ui::XSidebar>& sidebar, const rtl::OUString& resourceUrl, Part part)
    : WeakComponentImplHelper3(m_aMutex)
    , m_context(context)
    , m_frame(frame)
    , m_parentWindow(parentWindow)
    , m_sidebar(sidebar)
    , m_resourceUrl(resourceUrl)
    , m_part(part)
{
}

void FactsPanel::start()
{
    m_toolkit.set(awt::Toolkit::create(m_context), UNO_QUERY_THROW);
    awt::WindowDescriptor descriptor;
    descriptor.Type = awt::WindowClass_CONTAINER;
    // A tab page: VCL moves the keyboard focus between its controls with Tab and Shift+Tab.
    descriptor.WindowServiceName = ascii("tabpage");
    descriptor.Parent = Reference<awt::XWindowPeer>(m_parentWindow, UNO_QUERY_THROW);
    descriptor.Bounds = m_parentWindow->getPosSize();
    descriptor.WindowAttributes = 0;
    m_windowPeer = m_toolkit->createWindow(descriptor);
    m_window.set(m_windowPeer, UNO_QUERY_THROW);

    // Callbacks hold the panel weakly: a click or a late refresh after the deck closed is a no-op.
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    switch (m_part)
    {
        case Part::Readiness:
            createReadiness(weakSelf);
            break;
        case Part::Characteristics:
            createCharacteristics(weakSelf);
            break;
        case Part::Prompts:
            createPrompts(weakSelf);
            break;
    }

    m_resizeListener = new ResizeForwarder([this] { layout(); });
    m_window->addWindowListener(m_resizeListener);
    m_window->setVisible(true);

    if (m_frame.is() && m_frame->getController().is())
        m_model = m_frame->getController()->getModel();

    // Re-read what was edited after the user pauses. The debouncer's thread only posts to the
    // main thread.
    Reference<awt::XCallback> callback
        = new MainThreadCall(whenAlive(weakSelf, [](FactsPanel& panel) { panel.refresh(ReadScope::Edits); }));
    Reference<uno::XComponentContext> context = m_context;
    m_debouncer = std::make_unique<Debouncer>(std::chrono::milliseconds(currentProfile()->settings.delayMilliseconds), [context, callback] {
        try
        {
            awt::AsyncCallback::create(context)->addCallback(callback, uno::Any());
        }
        catch (const uno::Exception&)
        {
            // The office is shutting down; there is nothing left to refresh.
        }
    });
    Reference<util::XModifyBroadcaster> broadcaster(m_model, UNO_QUERY);
    if (broadcaster.is())
    {
        // Every part listens, but only the one that leads its window asks for checks; removed
        // in disposing(), before the panel goes.
        m_modifyListener = new ModifyForwarder([this] {
            if (m_autoCheckOn && leads())
                m_debouncer->poke();
        });
        broadcaster->addModifyListener(m_modifyListener);
    }

    {
        std::lock_guard lock(g_panelsMutex);
        g_panels.insert(this);
    }
    static const bool listening = [] {
        onProfileChange([] { FactsPanel::profileChanged(); });
        onFailure([] { FactsPanel::failureNoted(); });
        return true;
    }();
    (void)listening;
    applySettings();
    // The leading part checks; the others show the latest result now and each new one as it comes.
    if (leads())
        refresh();
    else
        render();
}

bool FactsPanel::leads() const
{
    std::lock_guard lock(g_panelsMutex);
    for (const FactsPanel* other : g_panels)
        if (other != this && other->m_model == m_model && other->m_frame == m_frame && other->m_part < m_part)
            return false;
    return true;
}

std::vector<rtl::Reference<FactsPanel>> FactsPanel::livePanels(const Reference<uno::XInterface>& model)
{
    const Reference<uno::XInterface> wanted(model, UNO_QUERY);
    std::vector<rtl::Reference<FactsPanel>> panels;
    std::lock_guard lock(g_panelsMutex);
    for (FactsPanel* p : g_panels)
        if (!wanted.is() || Reference<uno::XInterface>(p->m_model, UNO_QUERY) == wanted)
            panels.emplace_back(p);
    return panels;
}

void FactsPanel::renderFor(const Reference<uno::XInterface>& model)
{
    if (!model.is())
        return;
    for (const auto& p : livePanels(model))
        p->render();
    // The Review panel shows the same result.
    if (const rtl::Reference<ReviewPanel> review = ReviewPanel::panelFor(model); review.is())
        review->render();
}

double FactsPanel::renderMsFor(const Reference<uno::XInterface>& model)
{
    double total = -1;
    for (const auto& p : model.is() ? livePanels(model) : std::vector<rtl::Reference<FactsPanel>>())
        total = std::max(total, 0.0) + p->m_lastRenderMs;
    return total;
}

void FactsPanel::applySettings()
{
    const Settings& s = currentProfile()->settings;
    m_autoCheckOn = s.autoCheck;
    if (m_debouncer)
        m_debouncer->setQuiet(std::chrono::milliseconds(s.delayMilliseconds));
    if (m_part != Part::Readiness)
        return;
    const bool locked = s.locked.count("Checking/AutoCheck") > 0;
    Reference<beans::XPropertySet> model(m_autoCheck->getModel(), UNO_QUERY_THROW);
    model->setPropertyValue(ascii("State"), uno::Any(sal_Int16(s.autoCheck ? 1 : 0)));
    model->setPropertyValue(ascii("Enabled"), uno::Any(!locked));
    model->setPropertyValue(ascii("HelpText"), uno::Any(locked ? ascii("Set by your organisation: checking as you type is ")
                                                                   + ascii(s.autoCheck ? "on" : "off")
                                                             : ascii("Check again after you stop typing")));
    // A jurisdiction the organisation has locked is shown, and cannot be changed per document.
    const bool jurisdictionLocked = s.locked.count("General/DefaultJurisdiction") > 0 && !s.defaultJurisdiction.empty();
    if (jurisdictionLocked)
        if (const std::optional<int> choice = engine::choiceOf(s.defaultJurisdiction); choice && *choice > 0)
        {
            m_updatingList = true;
            Reference<awt::XListBox>(m_jurisdiction, UNO_QUERY_THROW)->selectItemPos(static_cast<sal_Int16>(*choice), true);
            m_updatingList = false;
        }
    Reference<beans::XPropertySet> list(m_jurisdiction->getModel(), UNO_QUERY_THROW);
    list->setPropertyValue(ascii("Enabled"), uno::Any(!jurisdictionLocked));
    list->setPropertyValue(ascii("HelpText"), uno::Any(jurisdictionLocked ? ascii("Set by your organisation")
                                                                          : ascii("The jurisdiction whose duties the check applies")));
}

void FactsPanel::failureNoted()
{
    for (const auto& p : livePanels(nullptr))
        if (!p->rBHelper.bDisposed && !p->rBHelper.bInDispose && !p->m_lines.empty())
        {
            p->setText(kChecked, fromUtf8(lastFailure()));
            p->layout();
        }
}

void FactsPanel::profileChanged()
{
    for (const auto& p : livePanels(nullptr))
        if (!p->rBHelper.bDisposed && !p->rBHelper.bInDispose)
        {
            p->applySettings();
            if (p->leads())
                p->refresh();
        }
}

void FactsPanel::refresh(ReadScope scope)
{
    if (rBHelper.bDisposed || rBHelper.bInDispose)
        return;
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (!document.is())
    {
        if (!m_lines.empty())
            setText(kScore, ascii("This panel works with text documents."));
        return;
    }
    try
    {
        // The result is shown by every panel of this document, whichever asked.
        const Reference<uno::XInterface> model = m_model;
        DocumentChecker::forDocument(document)->checkInBackground(m_context, [model] { FactsPanel::renderFor(model); }, scope);
    }
    catch (const uno::Exception& e)
    {
        // Never let a failure here reach Writer: say so in the panel instead.
        if (!m_lines.empty())
        {
            setText(kScore, ascii("Due Regard could not read this document: ") + e.Message);
            layout();
        }
    }
    catch (const std::exception& e)
    {
        noteFailure("reading the document", e.what());
    }
}

void FactsPanel::render()
{
    if (rBHelper.bDisposed || rBHelper.bInDispose)
        return;
    const auto started = std::chrono::steady_clock::now();
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (!document.is())
        return;
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    if (!checker->lastResult())
        return;
    // How long showing a result took (not counting a call with nothing to show yet).
    struct Timer
    {
        std::chrono::steady_clock::time_point start;
        double& out;
        ~Timer() { out = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(); }
    } timer{ started, m_lastRenderMs };
    const engine::CheckResult& result = *checker->lastResult();
    switch (m_part)
    {
        case Part::Readiness:
            renderReadiness(result);
            break;
        case Part::Characteristics:
            renderMatrix(result);
            break;
        case Part::Prompts:
            renderPrompts(result);
            break;
    }
    layout();
}

rtl::OUString FactsPanel::activatePrompt(sal_Int32 row)
{
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (!document.is() || row < 0 || static_cast<std::size_t>(row) >= m_rowFinding.size())
        return {};
    const sal_Int32 index = m_rowFinding[static_cast<std::size_t>(row)]; // -1: a group heading
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    if (!checker->lastResult() || index < 0)
        return {};
    const engine::CheckResult& result = *checker->lastResult();
    const std::size_t open = result.findings.size();
    if (static_cast<std::size_t>(index) >= open + result.dismissed.size())
        return {};
    m_chosenPrompt = index;
    const bool dismissed = static_cast<std::size_t>(index) >= open;
    {
        Reference<beans::XPropertySet> button(m_dismissButton->getModel(), UNO_QUERY_THROW);
        button->setPropertyValue(ascii("Label"), uno::Any(dismissed ? ascii("Restore") : ascii("Dismiss...")));
        button->setPropertyValue(ascii("Enabled"), uno::Any(true));
    }
    // Copy: the result may be replaced by a re-check while we act on it.
    const engine::Finding finding = dismissed ? result.dismissed[static_cast<std::size_t>(index) - open].first
                                              : result.findings[static_cast<std::size_t>(index)];
    const engine::Dismissal* dismissal = dismissed ? &result.dismissed[static_cast<std::size_t>(index) - open].second : nullptr;
    m_insertId = dismissed ? std::string() : finding.insert;
    m_toolId = dismissed ? std::string() : finding.tool;
    rtl::OUString details = fromUtf8(engine::promptDetails(
        finding, dismissal, m_insertId.empty() ? std::string() : checker->engine().templates().titleOf(m_insertId)));
    Reference<beans::XPropertySet>(m_toolButton->getModel(), UNO_QUERY_THROW)
        ->setPropertyValue(ascii("Enabled"), uno::Any(!m_toolId.empty()));
    // The legal terms the prompt uses, with what they mean (the Glossary panel has more).
    for (const std::string& id : finding.terms)
        if (const auto t = currentProfile()->glossary.find(id))
        {
            const glossary::Term& term = currentProfile()->glossary.terms()[*t];
            details += ascii("\nGlossary, ") + fromUtf8(term.term) + ascii(": ") + fromUtf8(term.definition);
        }
    details += ascii("\nThis is a prompt to consider, not a legal verdict.");
    Reference<beans::XPropertySet>(m_insertButton->getModel(), UNO_QUERY_THROW)
        ->setPropertyValue(ascii("Enabled"), uno::Any(!m_insertId.empty()));
    Reference<beans::XPropertySet>(m_details->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("Label"), uno::Any(details));
    layout();
    return selectSpan(finding.location);
}

void FactsPanel::dismissOrRestore()
{
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (!document.is() || m_chosenPrompt < 0)
        return;
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    if (!checker->lastResult())
        return;
    const sal_Int32 open = static_cast<sal_Int32>(checker->lastResult()->findings.size());
    // Through the command, so the button and a macro behave the same.
    if (m_chosenPrompt < open)
        dispatchCommand(m_context, m_frame, CommandUrl{ "Dismiss", { { "index", std::to_string(m_chosenPrompt) } } });
    else
        dispatchCommand(m_context, m_frame, CommandUrl{ "Restore", { { "index", std::to_string(m_chosenPrompt - open) } } });
}

void FactsPanel::chooseJurisdiction(sal_Int32 index)
{
    if (index < 0 || static_cast<std::size_t>(index) > engine::jurisdictions().size())
        return;
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (!document.is())
        return;
    if (m_updatingList)
        return; // our own selectItemPos below, echoed by the list
    DocumentChecker::forDocument(document)->useJurisdiction(std::string(engine::idAtChoice(index)));
    m_updatingList = true;
    Reference<awt::XListBox>(m_jurisdiction, UNO_QUERY_THROW)->selectItemPos(static_cast<sal_Int16>(index), true);
    m_updatingList = false;
    refresh();
}

void FactsPanel::chooseGrouping(sal_Int32 index)
{
    if (index < 0 || index > 2)
        return;
    if (m_updatingList)
        return; // our own selectItemPos below, echoed by the list
    m_grouping = index;
    m_updatingList = true;
    Reference<awt::XListBox>(m_grouping_list, UNO_QUERY_THROW)->selectItemPos(static_cast<sal_Int16>(index), true);
    m_updatingList = false;
    render();
}

void FactsPanel::setAutoCheck(bool on)
{
    m_autoCheckOn = on;
    Reference<beans::XPropertySet>(m_autoCheck->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("State"), uno::Any(sal_Int16(on ? 1 : 0)));
}

rtl::OUString FactsPanel::insertForPrompt()
{
    if (m_insertId.empty())
        return {};
    // Through the command, so the button, the menu and a macro behave the same.
    dispatchCommand(m_context, m_frame, CommandUrl{ "InsertSection", { { "id", m_insertId } } });
    return fromUtf8(m_insertId);
}

rtl::OUString FactsPanel::openToolForPrompt()
{
    if (m_toolId.empty())
        return {};
    const std::string id = m_toolId;
    dispatchCommand(m_context, m_frame, CommandUrl{ "ShowDeck", { { "panel", id } } });
    return fromUtf8(id);
}

rtl::OUString FactsPanel::selectSpan(const engine::Location& where)
{
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (where.document() || !document.is())
        return {};
    const auto range = DocumentChecker::forDocument(document)->adapter().rangeFor(
        { static_cast<std::size_t>(where.block), where.start, where.end });
    if (!range.is())
        return {};
    Reference<frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
    Reference<view::XSelectionSupplier> selection(controller, UNO_QUERY);
    if (selection.is())
        selection->select(uno::Any(range)); // selecting also scrolls the text into view
    return range->getString();
}

rtl::OUString FactsPanel::activateCharacteristic(sal_Int32 index)
{
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    if (!document.is())
        return {};
    const std::shared_ptr<DocumentChecker> checker = DocumentChecker::forDocument(document);
    if (!checker->lastResult() || index < 0
        || static_cast<std::size_t>(index) >= checker->lastResult()->assessment.characteristics.size())
        return {};
    const engine::CharacteristicResult c = checker->lastResult()->assessment.characteristics[static_cast<std::size_t>(index)];
    if (c.where.document())
    {
        // Not discussed anywhere: offer its section.
        m_insertId = engine::groupSection(c.id);
        Reference<beans::XPropertySet>(m_details->getModel(), UNO_QUERY_THROW)
            ->setPropertyValue(ascii("Label"), uno::Any(fromUtf8(c.label) + ascii(" is not considered yet: Insert section adds a section about it, with its questions.")));
        Reference<beans::XPropertySet>(m_insertButton->getModel(), UNO_QUERY_THROW)->setPropertyValue(ascii("Enabled"), uno::Any(true));
        layout();
        return {};
    }
    return selectSpan(c.where);
}

rtl::Reference<FactsPanel> FactsPanel::panelFor(const Reference<uno::XInterface>& model, Part part)
{
    if (!model.is())
        return {};
    for (const auto& p : livePanels(model))
        if (p->m_part == part)
            return p;
    return {};
}

void SAL_CALL FactsPanel::disposing()
{
    {
        std::lock_guard lock(g_panelsMutex);
        g_panels.erase(this);
    }
    if (m_debouncer)
        m_debouncer->stop();
    try
    {
        Reference<util::XModifyBroadcaster> broadcaster(m_model, UNO_QUERY);
        if (broadcaster.is() && m_modifyListener.is())
            broadcaster->removeModifyListener(m_modifyListener);
        if (m_window.is() && m_resizeListener.is())
            m_window->removeWindowListener(m_resizeListener);
        for (auto& control : m_lines)
            control->dispose();
        for (auto* control : { &m_refreshButton, &m_scoreBar, &m_jurisdiction, &m_autoCheck, &m_matrix,
                               &m_grouping_list, &m_prompts, &m_details, &m_dismissButton, &m_insertButton, &m_toolButton })
            if (control->is())
                (*control)->dispose();
        Reference<lang::XComponent> window(m_window, UNO_QUERY);
        if (window.is())
            window->dispose();
    }
    catch (const uno::Exception&)
    {
        // The document or window went first: nothing left to detach from.
    }
    m_lines.clear();
    m_refreshButton.clear();
    m_matrix.clear();
    m_prompts.clear();
    m_details.clear();
    m_dismissButton.clear();
    m_insertButton.clear();
    m_toolButton.clear();
    m_scoreBar.clear();
    m_jurisdiction.clear();
    m_autoCheck.clear();
    m_grouping_list.clear();
    m_window.clear();
    m_windowPeer.clear();
    m_model.clear();
    m_frame.clear();
}

Reference<frame::XFrame> SAL_CALL FactsPanel::getFrame() { return m_frame; }
rtl::OUString SAL_CALL FactsPanel::getResourceURL() { return m_resourceUrl; }
sal_Int16 SAL_CALL FactsPanel::getType() { return ui::UIElementType::TOOLPANEL; }
Reference<uno::XInterface> SAL_CALL FactsPanel::getRealInterface()
{
    return static_cast<ui::XToolPanel*>(this);
}
Reference<awt::XWindow> SAL_CALL FactsPanel::getWindow() { return m_window; }
Reference<accessibility::XAccessible> SAL_CALL
FactsPanel::createAccessible(const Reference<accessibility::XAccessible>&)
{
    return Reference<accessibility::XAccessible>(m_window, UNO_QUERY);
}
ui::LayoutSize SAL_CALL FactsPanel::getHeightForWidth(sal_Int32)
{
    return ui::LayoutSize(m_preferredHeight, m_preferredHeight, m_preferredHeight);
}
sal_Int32 SAL_CALL FactsPanel::getMinimalWidth() { return 320; }
} // namespace dueregard::ext
