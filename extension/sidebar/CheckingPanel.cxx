// CheckingPanel: what the three checking panels share: following the checker's results, checking
// as the user types, the settings, the "Insert section" button, going to the text a prompt or a
// characteristic is about, and the layout report (a test hook).

#include "sidebar/CheckingPanel.hxx"

#include "UnoStrings.hxx"
#include "app/Failures.hxx"
#include "app/Language.hxx"
#include "app/Listeners.hxx"
#include "app/Profile.hxx"
#include "app/Settings.hxx"
#include "commands/Dispatch.hxx"

#include <com/sun/star/accessibility/AccessibleStateType.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleComponent.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
// XAccessibleStateSet: LibreOffice 7.4's SDK has it, 7.5's and later do not (see accessibleStates).
#if __has_include(<com/sun/star/accessibility/XAccessibleStateSet.hpp>)
#include <com/sun/star/accessibility/XAccessibleStateSet.hpp>
#define DUEREGARD_HAVE_STATE_SET 1
#endif
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XTextLayoutConstrains.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/reflection/XConstantTypeDescription.hpp>
#include <com/sun/star/reflection/XIdlClass.hpp>
#include <com/sun/star/reflection/XIdlMethod.hpp>
#include <com/sun/star/reflection/theCoreReflection.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
void CheckingPanel::start()
{
    open();
    // Callbacks hold the panel weakly: a click or a late refresh after the deck closed is a no-op.
    const uno::WeakReference<ui::XUIElement> weakSelf(static_cast<ui::XUIElement*>(this));
    createControls(weakSelf);
    listenForTyping(weakSelf);
    attach();
    followResults();
    static const bool listening = []
    {
        onProfileChange([] { CheckingPanel::profileChanged(); });
        onFailure([] { ReadinessPanel::failureNoted(); });
        return true;
    }();
    (void)listening;
    applySettings();
    // The leading panel checks; the others show the latest result now and each new one as it comes.
    if (leads())
        refresh();
    else
        render();
}

void CheckingPanel::listenForTyping(const uno::WeakReference<ui::XUIElement>& weakSelf)
{
    // Re-read what was edited after the user pauses. The debouncer's thread only posts to the
    // main thread.
    Reference<awt::XCallback> callback = new MainThreadCall(whenAlive<CheckingPanel>(
        weakSelf, [](CheckingPanel& panel) { panel.refresh(ReadScope::Edits); }));
    Reference<uno::XComponentContext> context = m_context;
    m_debouncer = std::make_unique<Debouncer>(
        std::chrono::milliseconds(currentProfile()->settings.delayMilliseconds),
        [context, callback]
        {
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
        // Every panel listens, but only the one that leads its window asks for checks; removed
        // in disposing(), before the panel goes.
        m_modifyListener = new ModifyForwarder(
            [this]
            {
                if (m_autoCheckOn && leads())
                    m_debouncer->poke();
            });
        broadcaster->addModifyListener(m_modifyListener);
    }
}

bool CheckingPanel::leads() const
{
    for (const auto& other : panelsFor<CheckingPanel>(m_model))
        if (other.get() != this && other->m_frame == m_frame && other->rank() < rank())
            return false;
    return true;
}

double CheckingPanel::renderMsFor(const Reference<uno::XInterface>& model)
{
    double total = -1;
    for (const auto& p : model.is() ? panelsFor<CheckingPanel>(model)
                                    : std::vector<rtl::Reference<CheckingPanel>>())
        total = std::max(total, 0.0) + p->m_lastRenderMs;
    return total;
}

void CheckingPanel::applySettings()
{
    const Settings& s = currentProfile()->settings;
    m_autoCheckOn = s.autoCheck;
    if (m_debouncer)
        m_debouncer->setQuiet(std::chrono::milliseconds(s.delayMilliseconds));
}

void CheckingPanel::profileChanged()
{
    for (const auto& p : panelsFor<CheckingPanel>(nullptr))
        if (!p->rBHelper.bDisposed && !p->rBHelper.bInDispose)
        {
            p->applySettings();
            if (p->leads())
                p->refresh();
        }
}

std::shared_ptr<DocumentChecker> CheckingPanel::checker() const
{
    const Reference<css::text::XTextDocument> document(m_model, UNO_QUERY);
    return document.is() ? DocumentChecker::forDocument(document) : nullptr;
}

void CheckingPanel::refresh(ReadScope scope)
{
    if (rBHelper.bDisposed || rBHelper.bInDispose)
        return;
    const std::shared_ptr<DocumentChecker> documentChecker = checker();
    if (!documentChecker)
    {
        showProblem(ui("checking.text_documents_only"));
        return;
    }
    try
    {
        // The checker tells every panel of this document when the result is in, whichever asked.
        documentChecker->checkInBackground(m_context, {}, scope);
    }
    catch (const uno::Exception& e)
    {
        // Never let a failure here reach Writer: say so in the panel instead.
        showProblem(ui("checking.could_not_read", { { "error", toUtf8(e.Message) } }));
    }
    catch (const std::exception&)
    {
        noteFailure("failure.reading", std::current_exception());
    }
}

void CheckingPanel::render()
{
    if (rBHelper.bDisposed || rBHelper.bInDispose)
        return;
    const auto started = std::chrono::steady_clock::now();
    const std::shared_ptr<DocumentChecker> documentChecker = checker();
    if (!documentChecker || !documentChecker->lastResult())
        return;
    // How long showing a result took (not counting a call with nothing to show yet).
    struct Timer
    {
        std::chrono::steady_clock::time_point start;
        double& out;
        ~Timer()
        {
            out = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now()
                                                            - start)
                      .count();
        }
    } timer{ started, m_lastRenderMs };
    renderResult(*documentChecker->lastResult());
    layout();
}

Reference<awt::XControl> CheckingPanel::addText(const rtl::OUString& text)
{
    Reference<awt::XControl> control
        = m_panel.add("FixedText", text, rtl::OUString(),
                      [](const Reference<beans::XPropertySet>& model)
                      { model->setPropertyValue(ascii("NoLabel"), uno::Any(true)); });
    // Every text wraps, so nothing is clipped when the sidebar is narrow.
    PanelWindow::set(control, "MultiLine", uno::Any(true));
    return control;
}

Reference<awt::XControl> CheckingPanel::addButton(const rtl::OUString& label, const rtl::OUString& helpText,
                                                  bool enabled, std::function<void()> onPressed)
{
    Reference<awt::XControl> button = m_panel.add("Button", label, helpText);
    PanelWindow::set(button, "Enabled", uno::Any(enabled));
    Reference<awt::XButton>(button, UNO_QUERY_THROW)
        ->addActionListener(new ActionForwarder(std::move(onPressed)));
    return button;
}

void CheckingPanel::createInsertButton(const uno::WeakReference<ui::XUIElement>& weakSelf,
                                       const rtl::OUString& helpText)
{
    m_insertButton = addButton(
        ui("checking.insert"), helpText, false,
        whenAlive<CheckingPanel>(weakSelf, [](CheckingPanel& panel) { panel.insertForPrompt(); }));
}

std::vector<rtl::OUString> CheckingPanel::listItems(const Reference<awt::XControl>& list)
{
    uno::Sequence<rtl::OUString> items;
    Reference<beans::XPropertySet>(list->getModel(), UNO_QUERY_THROW)
        ->getPropertyValue(ascii("StringItemList"))
        >>= items;
    return std::vector<rtl::OUString>(items.begin(), items.end());
}

void CheckingPanel::enableInsert(const std::string& id)
{
    m_insertId = id;
    PanelWindow::set(m_insertButton, "Enabled", uno::Any(!id.empty()));
}

rtl::OUString CheckingPanel::insertForPrompt()
{
    if (m_insertId.empty())
        return {};
    const std::string id = m_insertId;
    // Through the command, so the button, the menu and a macro behave the same.
    dispatchCommand(m_context, m_frame, CommandUrl{ "InsertSection", { { "id", id } } });
    return fromUtf8(id);
}

rtl::OUString CheckingPanel::selectSpan(const engine::Location& where)
{
    const std::shared_ptr<DocumentChecker> documentChecker = checker();
    if (where.document() || !documentChecker)
        return {};
    const auto range = documentChecker->adapter().rangeFor(
        { static_cast<std::size_t>(where.block), where.start, where.end });
    if (!range.is())
        return {};
    Reference<frame::XController> controller = m_frame.is() ? m_frame->getController() : nullptr;
    Reference<view::XSelectionSupplier> selection(controller, UNO_QUERY);
    if (selection.is())
        selection->select(uno::Any(range)); // selecting also scrolls the text into view
    return range->getString();
}

sal_Int32 CheckingPanel::listHeight(const Reference<awt::XControl>& list, sal_Int16 lines)
{
    auto& known = m_listHeights[lines];
    if (known == 0)
    {
        const Reference<awt::XTextLayoutConstrains> text(list, UNO_QUERY);
        known = text.is() ? std::max<sal_Int32>(text->getMinimumSize(0, lines).Height, 60)
                          : sal_Int32(160);
    }
    return known;
}

void SAL_CALL CheckingPanel::disposing()
{
    if (m_debouncer)
        m_debouncer->stop();
    try
    {
        Reference<util::XModifyBroadcaster> broadcaster(m_model, UNO_QUERY);
        if (broadcaster.is() && m_modifyListener.is())
            broadcaster->removeModifyListener(m_modifyListener);
    }
    catch (const uno::Exception&)
    {
        // The document went first: nothing left to detach from.
    }
    m_modifyListener.clear();
    m_insertButton.clear();
    SidebarPanel::disposing();
}

namespace
{
struct AccessibleStates
{
    bool focusable = false;
    bool showing = false;
    bool focused = false;
};

// XAccessibleContext::getAccessibleStateSet returns an XAccessibleStateSet in LibreOffice 7.4 and
// a bit set (hyper) since 7.5, with AccessibleStateType's values changed to match. The 7.4 SDK's
// header declares the first, and calling it so in LibreOffice 25.x crashed the office. Through
// UNO's reflection the call uses the running office's own declaration, and the states' values
// come from its own type library.
AccessibleStates accessibleStates(const Reference<accessibility::XAccessibleContext>& context)
{
    AccessibleStates states;
    const Reference<uno::XComponentContext> office = processContext();
    if (!context.is() || !office.is())
        return states;
    try
    {
        const Reference<reflection::XIdlMethod> method
            = reflection::theCoreReflection::get(office)
                  ->forName(ascii("com.sun.star.accessibility.XAccessibleContext"))
                  ->getMethod(ascii("getAccessibleStateSet"));
        uno::Sequence<uno::Any> none;
        const uno::Any result = method->invoke(uno::Any(context), none);
        sal_Int64 bits = 0;
        if (result >>= bits)
        {
            Reference<container::XHierarchicalNameAccess> types;
            office->getValueByName(
                ascii("/singletons/com.sun.star.reflection.theTypeDescriptionManager"))
                >>= types;
            auto has = [&](const char* name)
            {
                Reference<reflection::XConstantTypeDescription> constant;
                if (types.is())
                    types->getByHierarchicalName(
                        ascii("com.sun.star.accessibility.AccessibleStateType.") + ascii(name))
                        >>= constant;
                sal_Int64 flag = 0;
                return constant.is() && (constant->getConstantValue() >>= flag) && flag != 0
                       && (bits & flag) == flag;
            };
            states = { has("FOCUSABLE"), has("SHOWING"), has("FOCUSED") };
        }
#ifdef DUEREGARD_HAVE_STATE_SET
        else if (Reference<accessibility::XAccessibleStateSet> set; (result >>= set) && set.is())
            states = { set->contains(accessibility::AccessibleStateType::FOCUSABLE) != 0,
                       set->contains(accessibility::AccessibleStateType::SHOWING) != 0,
                       set->contains(accessibility::AccessibleStateType::FOCUSED) != 0 };
#endif
    }
    catch (const uno::Exception&)
    {
        // No states to be had: reported as none.
    }
    return states;
}

// placeOf is where a window is on screen, and in its top-level window through the accessible
// parents (GTK cannot always say where a window is on screen without a window manager).
void placeOf(const Reference<awt::XWindow>& window, nlohmann::json& report)
{
    const Reference<accessibility::XAccessible> accessible(window, UNO_QUERY);
    const Reference<accessibility::XAccessibleComponent> component(
        accessible.is() ? accessible->getAccessibleContext() : nullptr, UNO_QUERY);
    if (!component.is())
        return;
    const awt::Point screen = component->getLocationOnScreen();
    report["screen_x"] = screen.X;
    report["screen_y"] = screen.Y;
    awt::Point inWindow(0, 0);
    Reference<accessibility::XAccessibleContext> context = accessible->getAccessibleContext();
    for (int depth = 0; context.is() && depth < 64; ++depth)
    {
        const Reference<accessibility::XAccessibleComponent> part(context, UNO_QUERY);
        const Reference<accessibility::XAccessible> parent = context->getAccessibleParent();
        if (!part.is() || !parent.is())
            break; // the top-level window itself: its own position is the screen's business
        const awt::Point at = part->getLocation();
        inWindow.X += at.X;
        inWindow.Y += at.Y;
        context = parent->getAccessibleContext();
    }
    report["window_x"] = inWindow.X;
    report["window_y"] = inWindow.Y;
}

nlohmann::json controlReport(const std::string& id, const Reference<awt::XControl>& control)
{
    const awt::Rectangle r = Reference<awt::XWindow>(control, UNO_QUERY_THROW)->getPosSize();
    nlohmann::json c = {
        { "id", id }, { "x", r.X }, { "y", r.Y }, { "width", r.Width }, { "height", r.Height }
    };
    const Reference<accessibility::XAccessible> accessible(control->getPeer(), UNO_QUERY);
    const Reference<accessibility::XAccessibleContext> context
        = accessible.is() ? accessible->getAccessibleContext() : nullptr;
    if (context.is())
    {
        c["role"] = context->getAccessibleRole();
        c["name"] = toUtf8(context->getAccessibleName());
        c["description"] = toUtf8(context->getAccessibleDescription());
        const AccessibleStates states = accessibleStates(context);
        c["focusable"] = states.focusable;
        c["showing"] = states.showing;
        c["focused"] = states.focused;
    }
    return c;
}
} // namespace

std::string CheckingPanel::layoutReport() const
{
    const Reference<awt::XWindow>& window = m_panel.window();
    if (!window.is())
        return "{}";
    nlohmann::json report;
    const awt::Rectangle area = window->getPosSize();
    report["width"] = area.Width;
    report["height"] = area.Height;
    placeOf(window, report);
    nlohmann::json controls = nlohmann::json::array();
    for (const auto& [id, control] : namedControls())
        if (control.is())
            controls.push_back(controlReport(id, control));
    report["controls"] = std::move(controls);
    return report.dump();
}
} // namespace dueregard::ext
