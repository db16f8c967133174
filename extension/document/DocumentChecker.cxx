#include "document/DocumentChecker.hxx"

#include "document/DocumentRecord.hxx"
#include "document/Reviewer.hxx"

#include "UnoStrings.hxx"
#include "app/Failures.hxx"
#include "app/Language.hxx"
#include "app/Listeners.hxx"
#include "app/TestHooks.hxx"

#include "engine/CheckSettings.hpp"
#include "report/Report.hpp"

#include "text/Format.hpp"
#include "text/Unicode.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentEventBroadcaster.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/text/XTextViewCursor.hpp>
#include <com/sun/star/text/XTextViewCursorSupplier.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <cppuhelper/weakref.hxx>
#include <osl/file.hxx>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <stdexcept>
#include <string_view>
#include <ctime>
#include <thread>
#include <utility>
#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace dueregard::ext
{
DocumentChecker::DocumentChecker(const Reference<css::text::XTextDocument>& document)
    : m_adapter(document)
{
    refreshEngine();
}

DocumentChecker::~DocumentChecker()
{
    try
    {
        Reference<util::XModifyBroadcaster> broadcaster(m_adapter.document(), UNO_QUERY);
        if (broadcaster.is() && m_editListener.is())
            broadcaster->removeModifyListener(Reference<util::XModifyListener>(m_editListener, UNO_QUERY));
        Reference<document::XDocumentEventBroadcaster> events(m_adapter.document(), UNO_QUERY);
        if (events.is() && m_saveListener.is())
            events->removeDocumentEventListener(Reference<document::XDocumentEventListener>(m_saveListener, UNO_QUERY));
    }
    catch (const uno::Exception&)
    {
        // The document has gone, and its listeners with it.
    }
}

void DocumentChecker::listenForEdits()
{
    listenForSaves();
    if (m_editListener.is())
        return;
    Reference<util::XModifyBroadcaster> broadcaster(m_adapter.document(), UNO_QUERY);
    if (!broadcaster.is())
        return;
    std::weak_ptr<DocumentChecker> weak = weak_from_this();
    Reference<util::XModifyListener> listener = new ModifyForwarder([weak] {
        if (const std::shared_ptr<DocumentChecker> self = weak.lock())
            self->noteEdit();
    });
    broadcaster->addModifyListener(listener);
    m_editListener = listener;
}

void DocumentChecker::noteEdit()
{
    // Writer says only that the document changed, not where: the user types where the view cursor
    // is, so note its paragraph. Anything we cannot place means the next check reads it all;
    // DocumentAdapter::rereadEdited and confirmReading then make sure the edit went no further.
    // This runs on every keystroke: a few calls, nothing read.
    ++m_edits;
    if (m_editedAnywhere)
        return;
    auto anywhere = [this] {
        m_editedAnywhere = true;
        m_edited.clear();
    };
    try
    {
        Reference<frame::XModel> model(m_adapter.document(), UNO_QUERY);
        const Reference<frame::XController> controller = model.is() ? model->getCurrentController() : nullptr;
        if (controller != Reference<frame::XController>(m_editController))
        {
            Reference<css::text::XTextViewCursorSupplier> views(controller, UNO_QUERY);
            m_editController = controller;
            m_editCursor.set(views.is() ? views->getViewCursor() : nullptr, UNO_QUERY);
        }
        if (!m_editCursor.is())
            return anywhere();
        Reference<uno::XInterface> paragraph;
        Reference<beans::XPropertySet>(m_editCursor, UNO_QUERY_THROW)->getPropertyValue(ascii("TextParagraph")) >>= paragraph;
        const Reference<uno::XInterface> canonical(paragraph, UNO_QUERY);
        if (!canonical.is() || !m_adapter.blockAt(canonical))
            return anywhere(); // a new paragraph, a header, a frame, a selected picture...
        if (!m_editCursor->isCollapsed())
        {
            // A selection (a style applied to it, say): its two ends must be in this paragraph.
            Reference<uno::XInterface> first, last;
            Reference<beans::XPropertySet>(m_editCursor->getStart(), UNO_QUERY_THROW)->getPropertyValue(ascii("TextParagraph")) >>= first;
            Reference<beans::XPropertySet>(m_editCursor->getEnd(), UNO_QUERY_THROW)->getPropertyValue(ascii("TextParagraph")) >>= last;
            if (Reference<uno::XInterface>(first, UNO_QUERY) != canonical || Reference<uno::XInterface>(last, UNO_QUERY) != canonical)
                return anywhere();
        }
        if (std::find(m_edited.begin(), m_edited.end(), canonical) == m_edited.end())
            m_edited.push_back(canonical);
        if (m_edited.size() > kMostEditedParagraphs)
            anywhere();
    }
    catch (const uno::Exception&)
    {
        anywhere();
    }
}

void DocumentChecker::forgetEdits()
{
    m_edited.clear();
    m_editedAnywhere = false;
}

void DocumentChecker::refreshEngine()
{
    std::shared_ptr<const Profile> profile = currentProfile();
    if (m_engine && m_profile && profile->generation == m_profile->generation)
        return;
    // Prompts worded in the interface's language (the reading is the same in every language).
    auto fresh = std::make_shared<engine::Engine>(profile->lexicon, profile->pack, profile->templates, profile->settings.language);
    std::lock_guard lock(m_engineMutex);
    if (m_engine)
    {
        m_retired.push_back(m_engine);
        if (m_retired.size() > 2)
            m_retired.erase(m_retired.begin());
    }
    m_engine = std::move(fresh);
    m_engineChecked = 0;
    m_profile = std::move(profile);
}

namespace
{
[[noreturn]] void refuse(const std::string& message)
{
    throw lang::IllegalArgumentException(fromUtf8(message), {}, 0);
}
} // namespace

engine::CheckOptions DocumentChecker::options() const
{
    const Settings& s = m_profile->settings;
    engine::CheckSettings settings;
    settings.defaultJurisdiction = s.defaultJurisdiction;
    settings.jurisdictionLocked = s.locked.count("General/DefaultJurisdiction") > 0;
    settings.extraGroups = s.extraGroups;
    settings.disabledRules = s.disabledRules;
    settings.requiredSections = s.requiredSections;
    return engine::checkOptions(settings, m_jurisdiction, storedDismissals(m_adapter.document()));
}

void DocumentChecker::storeDismissals(const std::vector<engine::Dismissal>& dismissals)
{
    if (!storeRecordProperty(m_adapter.document(), kDismissalsProperty,
                             dismissals.empty() ? std::string()
                                                : engine::dismissalsJson(dismissals)))
        refuse(uiText("record.cannot_keep"));
}

engine::AuditTrail DocumentChecker::auditTrail() const
{
    engine::AuditTrail trail = storedAuditTrail(m_adapter.document());
    for (const engine::AuditEvent& e : m_waitingChecks)
        trail = engine::withEvent(std::move(trail), e);
    return trail;
}

void DocumentChecker::storeAuditTrail(const std::vector<engine::AuditEvent>& more)
{
    Reference<frame::XStorable> storable(m_adapter.document(), UNO_QUERY);
    if (storable.is() && storable->isReadonly())
        return;
    engine::AuditTrail trail = auditTrail();
    for (const engine::AuditEvent& e : more)
        trail = engine::withEvent(std::move(trail), e);
    if (!storeRecordProperty(m_adapter.document(), kAuditTrailProperty,
                             engine::auditTrailJson(trail)))
        refuse(uiText("record.cannot_keep"));
    m_waitingChecks.clear();
}

void DocumentChecker::noteCheck(std::string_view via, const std::string& who)
{
    if (!m_result)
        check();
    m_waitingChecks.push_back(engine::checkedEvent(*m_result, via, who, text::isoToday()));
}

void DocumentChecker::recordCheck(std::string_view via, const std::string& who)
{
    check();
    storeAuditTrail({ engine::checkedEvent(*m_result, via, who, text::isoToday()) });
}

void DocumentChecker::listenForSaves()
{
    if (m_saveListener.is())
        return;
    Reference<document::XDocumentEventBroadcaster> broadcaster(m_adapter.document(), UNO_QUERY);
    if (!broadcaster.is())
        return;
    std::weak_ptr<DocumentChecker> weak = weak_from_this();
    Reference<document::XDocumentEventListener> listener = new DocumentEventForwarder([weak](const rtl::OUString& name) {
        if (name != "OnSave" && name != "OnSaveAs")
            return; // OnSaveTo (a copy, or an export to PDF) leaves the document itself as it is
        if (const std::shared_ptr<DocumentChecker> self = weak.lock())
            self->documentSaving();
    });
    broadcaster->addDocumentEventListener(listener);
    m_saveListener = listener;
}

void DocumentChecker::documentSaving()
{
    // Writer tells us before it writes the file: the readiness as saved goes into what it writes.
    check();
    storeAuditTrail({ engine::checkedEvent(*m_result, engine::kViaSave, recordedName(processContext()), text::isoToday()) });
}

void DocumentChecker::dismiss(std::size_t index, const std::string& reason, const std::string& who)
{
    Reference<frame::XStorable> storable(m_adapter.document(), UNO_QUERY);
    if (storable.is() && storable->isReadonly())
        refuse(uiText("dismiss.read_only"));
    if (!m_result)
        check();
    if (index >= m_result->findings.size())
        refuse(uiText("prompt.no_open"));
    if (reason.find_first_not_of(" \t\n") == std::string::npos)
        refuse(uiText("dismiss.reason_needed"));
    std::vector<engine::Dismissal> dismissals = options().dismissals;
    dismissals.push_back(engine::dismissalFor(m_result->findings[index], reason, text::today()));
    storeDismissals(dismissals);
    storeAuditTrail({ engine::dismissedEvent(dismissals.back(), who, text::isoToday()) });
    check();
}

void DocumentChecker::restore(std::size_t index, const std::string& reason, const std::string& who)
{
    if (!m_result)
        check();
    if (index >= m_result->dismissed.size())
        refuse(uiText("restore.no_dismissed"));
    const engine::Dismissal gone = m_result->dismissed[index].second;
    storeDismissals(engine::restored(options().dismissals, gone));
    storeAuditTrail({ engine::restoredEvent(gone, reason, who, text::isoToday()) });
    check();
}

engine::CheckResult DocumentChecker::run(const model::Document& model, const engine::CheckOptions& options,
                                         std::uint64_t reading, const Derivation* derivation)
{
    testhooks::beforeCheck(); // a fault injected in the test build only (app/TestHooks.hxx)
    std::lock_guard lock(m_engineMutex);
    // A reading made from the one the engine checked last, by changing some blocks: the engine
    // compares only those with what it checked.
    const bool derived = derivation && reading != 0 && derivation->from != 0 && derivation->from == m_engineChecked;
    m_engineChecked = 0; // until this check is done
    engine::CheckResult result = derived ? m_engine->recheck(model, derivation->changed, options) : m_engine->check(model, options);
    m_engineChecked = reading;
    return result;
}

PendingSummary DocumentChecker::compare(const engine::CheckResult& result, const model::Document& other, std::size_t changes,
                                       const engine::CheckOptions& checkOptions)
{
    PendingSummary summary;
    summary.changes = changes;
    summary.readAs = m_readAs;
    if (changes == 0 || other.blocks.empty())
        return summary;
    const engine::CheckResult otherWay = run(other, checkOptions);
    summary.onlyOtherWay = engine::onlyIn(otherWay.findings, result.findings);
    summary.onlyThisWay = engine::onlyIn(result.findings, otherWay.findings);
    return summary;
}

const engine::CheckResult& DocumentChecker::check()
{
    refreshEngine();
    listenForEdits();
    model::Document other;
    m_model = std::make_shared<const model::Document>(m_adapter.extract(&m_engine->templates(), m_readAs, &other));
    m_modelReading = ++m_readings;
    forgetEdits(); // read in one go: nobody could type meanwhile
    const engine::CheckOptions checkOptions = options();
    m_result = run(*m_model, checkOptions, m_modelReading);
    m_pending = compare(*m_result, other, m_adapter.pendingChanges(), checkOptions);
    m_glossaryContext = m_profile->glossary.context(*m_model, *m_contextCache);
    ++m_generation;
    ++m_requested; // a background result still on its way is now out of date
    resultChanged();
    return *m_result;
}

void DocumentChecker::checkInBackground(const Reference<uno::XComponentContext>& context, std::function<void()> done,
                                        ReadScope scope)
{
    refreshEngine();
    listenForEdits();
    const std::uint64_t request = ++m_requested;
    m_readStats = ReadStats{};
    m_requestedAt = std::chrono::steady_clock::now();
    if (scope == ReadScope::Edits && !m_editedAnywhere && !m_edited.empty())
    {
        // After typing: read again only the paragraphs typed in, if that is certainly enough.
        const auto start = std::chrono::steady_clock::now();
        auto other = std::make_shared<model::Document>();
        std::size_t read = 0;
        auto derivation = std::make_shared<Derivation>();
        derivation->from = m_modelReading;
        // Whether Writer's whole text is still the model's is confirmed next, on the main thread
        // while the worker checks; the result is shown only once it is.
        std::optional<model::Document> model
            = m_adapter.rereadEdited(m_edited, &m_engine->templates(), m_readAs, other.get(), &read, &derivation->changed);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        m_readStats = ReadStats{ 1, ms, ms, !model.has_value(), read, 0, 0, 0 };
        if (model)
        {
            forgetEdits();
            m_model = std::make_shared<const model::Document>(std::move(*model));
            m_modelReading = ++m_readings;
            checkOnWorker(context, request, other, done, derivation);
            std::weak_ptr<DocumentChecker> weak = weak_from_this();
            Reference<awt::XCallback> confirm = new MainThreadCall([weak, context, request, done]() mutable {
                if (const std::shared_ptr<DocumentChecker> self = weak.lock())
                    self->confirmReading(context, request, std::move(done));
            });
            try
            {
                awt::AsyncCallback::create(context)->addCallback(confirm, uno::Any());
            }
            catch (const uno::Exception&)
            {
                // The office is shutting down; nobody is waiting for this result.
            }
            return;
        }
    }
    m_confirmed = request; // a whole reading needs no confirming
    m_editsAtReadingStart = m_edits;
    continueReading(context, request, m_adapter.beginReading(), std::move(done));
}

void DocumentChecker::confirmReading(const Reference<uno::XComponentContext>& context, std::uint64_t request,
                                     std::function<void()> done)
{
    if (request != m_requested)
        return; // superseded
    const auto start = std::chrono::steady_clock::now();
    bool same = false;
    try
    {
        same = m_adapter.textIsAsRead();
    }
    catch (const uno::Exception&)
    {
        // The document changed under us: read it all.
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!same)
    {
        // An edit reached beyond the paragraphs typed in (a replace-all, a macro): the result on
        // its way is never shown; the whole document is read and checked instead.
        checkInBackground(context, std::move(done), ReadScope::Whole);
        return;
    }
    ++m_readStats.slices;
    m_readStats.longestMs = std::max(m_readStats.longestMs, ms);
    m_readStats.totalMs += ms;
    m_confirmed = request;
    if (m_held)
        std::exchange(m_held, nullptr)(); // the result arrived first: show it now
}

void DocumentChecker::continueReading(const Reference<uno::XComponentContext>& context, std::uint64_t request,
                                      std::shared_ptr<DocumentAdapter::Reading> reading, std::function<void()> done)
{
    if (request != m_requested)
        return; // superseded by a newer check, or the document changed: that one reads afresh
    // Reading the document is UNO work, so it happens on the main thread; in slices of a few
    // milliseconds, so that typing in a long document never waits for it.
    const auto sliceStart = std::chrono::steady_clock::now();
    bool finished = false;
    try
    {
        finished = m_adapter.readSome(*reading, kReadSlice);
    }
    catch (const uno::Exception&)
    {
        return; // the document changed under the reading (a paragraph went): the next check reads it
    }
    const double sliceMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sliceStart).count();
    ++m_readStats.slices;
    m_readStats.longestMs = std::max(m_readStats.longestMs, sliceMs);
    m_readStats.totalMs += sliceMs;
    if (!finished)
    {
        std::weak_ptr<DocumentChecker> weak = weak_from_this();
        Reference<awt::XCallback> next = new MainThreadCall([weak, context, request, reading, done]() mutable {
            if (const std::shared_ptr<DocumentChecker> self = weak.lock())
                self->continueReading(context, request, std::move(reading), std::move(done));
        });
        try
        {
            awt::AsyncCallback::create(context)->addCallback(next, uno::Any());
        }
        catch (const uno::Exception&)
        {
        }
        return;
    }
    const auto finishStart = std::chrono::steady_clock::now();
    auto other = std::make_shared<model::Document>();
    m_model = std::make_shared<const model::Document>(m_adapter.finishReading(*reading, &m_engine->templates(), m_readAs, other.get()));
    m_modelReading = ++m_readings;
    const double finishMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - finishStart).count();
    m_readStats.longestMs = std::max(m_readStats.longestMs, finishMs);
    m_readStats.totalMs += finishMs;
    m_readStats.blocksRead = m_model->blocks.size();
    if (m_edits == m_editsAtReadingStart)
        forgetEdits(); // otherwise what was edited during the reading is read again next time
    checkOnWorker(context, request, other, std::move(done));
}

void DocumentChecker::checkOnWorker(const Reference<uno::XComponentContext>& context, std::uint64_t request,
                                    const std::shared_ptr<model::Document>& other, std::function<void()> done,
                                    const std::shared_ptr<const Derivation>& derivation)
{
    const std::uint64_t reading = m_modelReading;
    const std::size_t changes = m_adapter.pendingChanges();
    const engine::CheckOptions checkOptions = options();
    std::shared_ptr<const model::Document> model = m_model; // never changed once made: the worker shares it
    std::weak_ptr<DocumentChecker> weak = weak_from_this();
    // The worker owns copies of everything it touches; the checker may be gone when it finishes.
    std::thread([weak, model, reading, derivation, other, changes, checkOptions, request, context, profile = m_profile,
                 contextCache = m_contextCache, done = std::move(done)]() mutable {
        std::shared_ptr<DocumentChecker> self = weak.lock();
        if (!self)
            return;
        std::shared_ptr<engine::CheckResult> outcome;
        std::shared_ptr<PendingSummary> pending;
        auto glossaryContext = std::make_shared<glossary::Context>();
        std::exception_ptr failure;
        auto workerMs = std::make_shared<std::array<double, 2>>();
        try
        {
            const auto start = std::chrono::steady_clock::now();
            outcome = std::make_shared<engine::CheckResult>(self->run(*model, checkOptions, reading, derivation.get()));
            const auto checked = std::chrono::steady_clock::now();
            pending = std::make_shared<PendingSummary>(self->compare(*outcome, *other, changes, checkOptions));
            *glossaryContext = profile->glossary.context(*model, *contextCache);
            (*workerMs)[0] = std::chrono::duration<double, std::milli>(checked - start).count();
            (*workerMs)[1] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - checked).count();
        }
        catch (const std::exception&)
        {
            // An exception must never leave this thread: it would end Writer. Kept, to be worded
            // in the interface's language on the main thread.
            failure = std::current_exception();
        }
        self.reset();
        if (failure)
        {
            try
            {
                awt::AsyncCallback::create(context)->addCallback(
                    new MainThreadCall([failure]
                                       { noteFailure(uiText("failure.where.checking"), failure); }),
                    uno::Any());
            }
            catch (const uno::Exception&)
            {
            }
            return;
        }
        Reference<awt::XCallback> deliver = new MainThreadCall([weak, outcome, pending, glossaryContext, request, done, workerMs] {
            std::shared_ptr<DocumentChecker> checker = weak.lock();
            if (!checker || checker->m_requested != request)
                return; // closed, or superseded by a newer check
            if (checker->m_confirmed != request)
            {
                // The reading is not confirmed yet: hold the result until it is.
                checker->m_held = [weak, outcome, pending, glossaryContext, request, done, workerMs] {
                    std::shared_ptr<DocumentChecker> held = weak.lock();
                    if (held && held->m_requested == request)
                        held->accept(*outcome, *pending, *glossaryContext, *workerMs, done);
                };
                return;
            }
            checker->accept(*outcome, *pending, *glossaryContext, *workerMs, done);
        });
        try
        {
            awt::AsyncCallback::create(context)->addCallback(deliver, uno::Any());
        }
        catch (const uno::Exception&)
        {
            // The office is shutting down; nobody is waiting for this result.
        }
    }).detach();
}

void DocumentChecker::accept(engine::CheckResult& outcome, PendingSummary& pending, glossary::Context& glossaryContext,
                             const std::array<double, 2>& workerMs, const std::function<void()>& done)
{
    m_result = std::move(outcome);
    m_pending = std::move(pending);
    m_glossaryContext = std::move(glossaryContext);
    m_readStats.checkMs = workerMs[0];
    m_readStats.afterCheckMs = workerMs[1];
    m_readStats.refreshMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_requestedAt).count();
    ++m_generation;
    if (done)
        done();
    resultChanged();
}

std::string DocumentChecker::reportJson()
{
    if (!m_result)
        check();
    report::FileReport r;
    Reference<frame::XModel> model(m_adapter.document(), UNO_QUERY);
    rtl::OUString location = model.is() ? model->getURL() : rtl::OUString();
    rtl::OUString path;
    if (!location.isEmpty() && osl::FileBase::getSystemPathFromFileURL(location, path) == osl::FileBase::E_None)
        location = path;
    r.file = toUtf8(location);
    r.facts = m_result->facts;
    r.result = *m_result;
    r.auditTrail = auditTrail();
    nlohmann::json j = report::toJson(r);
    if (m_pending.changes > 0)
    {
        // Which prompts depend on the pending tracked changes.
        nlohmann::json otherWay = nlohmann::json::array(), thisWay = nlohmann::json::array();
        for (const engine::Finding& f : m_pending.onlyOtherWay)
            otherWay.push_back(report::findingJson(f));
        for (const engine::Finding& f : m_pending.onlyThisWay)
            thisWay.push_back(report::findingJson(f));
        const bool accepted = m_pending.readAs == PendingChanges::AsAccepted;
        j["pending_changes"] = { { "count", m_pending.changes },
                                 { "read_as", accepted ? "accepted" : "rejected" },
                                 { accepted ? "only_if_rejected" : "only_if_accepted", std::move(otherWay) },
                                 { accepted ? "gone_if_rejected" : "gone_if_accepted", std::move(thisWay) } };
    }
    return report::dumpJson(j, 2);
}

namespace
{
// Notifications held back (main thread): how many HoldNotifications live, and the checkers whose
// result changed meanwhile.
int g_holds = 0;
std::vector<std::weak_ptr<DocumentChecker>>& heldCheckers()
{
    static std::vector<std::weak_ptr<DocumentChecker>> held;
    return held;
}
} // namespace

DocumentChecker::HoldNotifications::HoldNotifications() { ++g_holds; }

DocumentChecker::HoldNotifications::~HoldNotifications()
{
    if (--g_holds > 0)
        return;
    for (const std::weak_ptr<DocumentChecker>& weak : std::exchange(heldCheckers(), {}))
        if (const std::shared_ptr<DocumentChecker> checker = weak.lock())
            checker->notifyListeners();
}

std::uint64_t DocumentChecker::onResultChanged(std::function<void()> listener)
{
    m_listeners.emplace_back(++m_subscriptions, std::move(listener));
    return m_subscriptions;
}

void DocumentChecker::removeResultListener(std::uint64_t subscription)
{
    std::erase_if(m_listeners, [subscription](const auto& listener) { return listener.first == subscription; });
}

void DocumentChecker::resultChanged()
{
    if (g_holds == 0)
    {
        notifyListeners();
        return;
    }
    std::vector<std::weak_ptr<DocumentChecker>>& held = heldCheckers();
    if (std::none_of(held.begin(), held.end(), [this](const std::weak_ptr<DocumentChecker>& w) { return w.lock().get() == this; }))
        held.push_back(weak_from_this());
}

void DocumentChecker::notifyListeners()
{
    // A copy: a listener may add or remove listeners (a deck that opens or closes meanwhile).
    const auto listeners = m_listeners;
    for (const auto& listener : listeners)
    {
        try
        {
            listener.second();
        }
        catch (const uno::Exception&)
        {
            // A panel whose window has gone: the others still show the result.
        }
        catch (const std::exception&)
        {
            noteFailure(uiText("failure.where.showing"), std::current_exception());
        }
    }
}

namespace
{
struct CheckerEntry
{
    uno::WeakReference<css::text::XTextDocument> document;
    std::shared_ptr<DocumentChecker> checker;
};

// The checkers of open documents (main thread); those of documents that have closed are dropped.
std::vector<CheckerEntry>& checkers()
{
    static std::vector<CheckerEntry> entries;
    std::erase_if(entries, [](const CheckerEntry& e) { return !Reference<css::text::XTextDocument>(e.document).is(); });
    return entries;
}
} // namespace

std::shared_ptr<DocumentChecker> DocumentChecker::existingFor(const Reference<css::text::XTextDocument>& document)
{
    for (CheckerEntry& e : checkers())
        if (Reference<css::text::XTextDocument>(e.document) == document)
            return e.checker;
    return nullptr;
}

std::shared_ptr<DocumentChecker> DocumentChecker::forDocument(const Reference<css::text::XTextDocument>& document)
{
    if (std::shared_ptr<DocumentChecker> checker = existingFor(document))
        return checker;
    std::vector<CheckerEntry>& entries = checkers();
    entries.push_back({ document, std::make_shared<DocumentChecker>(document) });
    return entries.back().checker;
}
} // namespace dueregard::ext
