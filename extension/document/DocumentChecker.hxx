#pragma once
// DocumentChecker holds, for one open Writer document, the adapter (stable block ids), an engine
// (whose block cache makes re-checks cheap) and the latest result. The sidebar, the commands and
// the export all use it, so they can never disagree about a document. It tells whoever listens
// (the sidebar's panels) when the result changes: commands change the checker, never a panel.
//
// Threads: reading the document (UNO) happens on the main thread; the engine runs on a worker
// for checkInBackground, and the result is handed back on the main thread. The engine is guarded
// by a mutex, so a synchronous check (a command) simply waits for a background one to finish.

#include "document/DocumentAdapter.hxx"
#include "app/Profile.hxx"

#include "engine/AuditTrail.hpp"
#include "engine/Engine.hpp"
#include "model/Document.hpp"
#include "model/Facts.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextViewCursor.hpp>
#include <cppuhelper/weakref.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dueregard::ext
{
// What pending tracked changes do to the prompts: the document is read one way (as if the
// changes were accepted, unless asked otherwise) and these prompts would differ the other way.
struct PendingSummary
{
    std::size_t changes = 0;
    PendingChanges readAs = PendingChanges::AsAccepted;
    std::vector<engine::Finding> onlyOtherWay; // prompts that appear if read the other way
    std::vector<engine::Finding> onlyThisWay;  // prompts that go if read the other way
};

// What a background check reads: only what the user has edited since the last reading (after
// typing; it reads everything when it cannot be sure that is enough), or the whole document.
enum class ReadScope
{
    Edits,
    Whole,
};

class DocumentChecker : public std::enable_shared_from_this<DocumentChecker>
{
public:
    explicit DocumentChecker(const css::uno::Reference<css::text::XTextDocument>& document);
    ~DocumentChecker();
    DocumentChecker(const DocumentChecker&) = delete;
    DocumentChecker& operator=(const DocumentChecker&) = delete;

    // check reads and checks the document now, on the calling (main) thread.
    const engine::CheckResult& check();

    // checkInBackground reads the document now (main thread), checks it on a worker thread, and
    // calls done on the main thread with the checker's new result. A newer request supersedes an
    // older one still running: only the latest result is delivered.
    void checkInBackground(const css::uno::Reference<css::uno::XComponentContext>& context,
                           std::function<void()> done, ReadScope scope = ReadScope::Whole);

    const std::optional<engine::CheckResult>& lastResult() const { return m_result; }

    // onResultChanged adds a listener that runs on the main thread whenever the latest result
    // changes: a check, now or in the background, however asked for (so also dismissing and
    // restoring a prompt). It returns the subscription to remove (removeResultListener).
    std::uint64_t onResultChanged(std::function<void()> listener);
    void removeResultListener(std::uint64_t subscription);
    // HoldNotifications holds every checker's notifications back while it lives (main thread)
    // and sends each at most once when the last one ends: a command that checks several times
    // as it edits (a skeleton, section by section) has the panels render once, at its end.
    class HoldNotifications
    {
    public:
        HoldNotifications();
        ~HoldNotifications();
        HoldNotifications(const HoldNotifications&) = delete;
        HoldNotifications& operator=(const HoldNotifications&) = delete;
    };

    // How the latest background check read the document on the main thread: in how many slices,
    // the longest one and all of them together (milliseconds). For the benchmark and tests.
    struct ReadStats
    {
        std::size_t slices = 0;
        double longestMs = 0, totalMs = 0;
        bool whole = true;          // the whole document was read, not only the edited paragraphs
        std::size_t blocksRead = 0; // paragraphs read
        double refreshMs = 0;       // from asking to the result being handed back on the main thread
        double checkMs = 0;         // the engine's check, on the worker
        double afterCheckMs = 0;    // then, on the worker: pending changes compared, glossary context
    };
    const ReadStats& readStats() const { return m_readStats; }
    const PendingSummary& pending() const { return m_pending; }
    // What the whole document says that settles ambiguous glossary abbreviations, worked out
    // with each result (on the worker for a background check), so following the cursor in the
    // Glossary panel never folds a long document's text on the main thread.
    const glossary::Context& glossaryContext() const { return m_glossaryContext; }
    // readPendingAs chooses how pending tracked changes are read (re-check to apply).
    void readPendingAs(PendingChanges how) { m_readAs = how; }
    // useJurisdiction overrides the jurisdiction read from the text ("" to read it again).
    void useJurisdiction(const std::string& jurisdiction) { m_jurisdiction = jurisdiction; }
    const std::string& chosenJurisdiction() const { return m_jurisdiction; }
    // generation changes whenever a new result arrives (main thread), so views can cache.
    std::uint64_t generation() const { return m_generation; }
    const model::Document& lastModel() const { return *m_model; }
    DocumentAdapter& adapter() { return m_adapter; }
    // The engine's data (templates, lexicon) never changes after construction: safe to read
    // while a background check runs. When the settings or a department's files change, the
    // next check builds a new engine; the previous ones are kept alive, so a reference taken
    // before a check stays valid through it.
    const engine::Engine& engine() const { return *m_engine; }
    // The profile the engine was built from (settings, department layers).
    const Profile& profile() const { return *m_profile; }

    // dismiss sets open prompt `index` aside with a reason, kept in the document (a user-defined
    // document property, so it survives .odt and .docx); restore brings dismissed prompt `index`
    // back. Both re-check and add an event to the audit trail (`who` did it; "" when unknown).
    // They throw IllegalArgumentException for a bad index, an empty reason or a read-only
    // document (which is checked but never edited).
    void dismiss(std::size_t index, const std::string& reason, const std::string& who = {});
    void restore(std::size_t index, const std::string& reason = {}, const std::string& who = {});

    // The audit trail (engine/AuditTrail.hpp). Checking never changes a document, so a check
    // someone asked for (noteCheck: Check, Export report) waits in memory and is written with
    // the next change we make anyway: a dismissal, a restoration, comments or proposed sections
    // (recordCheck), or saving, which also records the readiness as saved. A read-only document
    // is never written to. auditTrail is the document's trail with the checks still waiting.
    void noteCheck(std::string_view via, const std::string& who);
    void recordCheck(std::string_view via, const std::string& who);
    engine::AuditTrail auditTrail() const;

    // reportJson is the report in the command line's JSON form, for this document.
    std::string reportJson();

    // forDocument returns the checker of an open document, creating it on first use. Checkers
    // of documents that have closed are dropped.
    static std::shared_ptr<DocumentChecker> forDocument(const css::uno::Reference<css::text::XTextDocument>& document);
    // existingFor returns the checker of an open document if it has one, else null.
    static std::shared_ptr<DocumentChecker> existingFor(const css::uno::Reference<css::text::XTextDocument>& document);

private:
    void listenForEdits();
    void noteEdit(); // main thread, on every modification: where the user is typing
    void forgetEdits();
    void confirmReading(const css::uno::Reference<css::uno::XComponentContext>& context, std::uint64_t request,
                        std::function<void()> done);
    // accept makes a result the latest (main thread).
    void accept(engine::CheckResult& outcome, PendingSummary& pending, glossary::Context& glossaryContext,
                const std::array<double, 2>& workerMs, const std::function<void()>& done);
    // What a reading is known to differ in from an earlier one (after typing): the blocks read
    // again and those our sections and pending changes altered.
    struct Derivation
    {
        std::uint64_t from = 0; // the earlier reading's serial
        std::vector<std::size_t> changed;
    };
    void checkOnWorker(const css::uno::Reference<css::uno::XComponentContext>& context, std::uint64_t request,
                       const std::shared_ptr<model::Document>& other, std::function<void()> done,
                       const std::shared_ptr<const Derivation>& derivation = nullptr);
    // run checks a reading (its serial, 0 for one that is not the model, as the other way of
    // reading pending changes); one derived from the reading the engine checked last is
    // rechecked comparing only the blocks that changed. Any thread.
    engine::CheckResult run(const model::Document& model, const engine::CheckOptions& options, std::uint64_t reading = 0,
                            const Derivation* derivation = nullptr);
    PendingSummary compare(const engine::CheckResult& result, const model::Document& other, std::size_t changes,
                           const engine::CheckOptions& options);
    engine::CheckOptions options() const; // reads the dismissals kept in the document
    void refreshEngine();                 // main thread: a new engine if the profile changed
    void continueReading(const css::uno::Reference<css::uno::XComponentContext>& context, std::uint64_t request,
                         std::shared_ptr<DocumentAdapter::Reading> reading, std::function<void()> done);
    static constexpr std::chrono::microseconds kReadSlice{ 8000 };
    static constexpr std::size_t kMostEditedParagraphs = 16; // more: read it all
    void storeDismissals(const std::vector<engine::Dismissal>& dismissals);
    void listenForSaves();
    void documentSaving(); // main thread: OnSave, OnSaveAs
    void storeAuditTrail(const std::vector<engine::AuditEvent>& more);
    void resultChanged(); // notifies the listeners now, or once notifications are no longer held
    void notifyListeners();

    DocumentAdapter m_adapter;
    std::mutex m_engineMutex;
    std::shared_ptr<const Profile> m_profile;
    std::shared_ptr<engine::Engine> m_engine;
    std::uint64_t m_engineChecked = 0; // under m_engineMutex: the reading the engine checked last
    std::vector<std::shared_ptr<engine::Engine>> m_retired;
    std::shared_ptr<const model::Document> m_model = std::make_shared<const model::Document>();
    std::uint64_t m_modelReading = 0; // main thread: m_model's serial
    std::uint64_t m_readings = 0;     // main thread: serials handed out
    std::optional<engine::CheckResult> m_result;
    std::uint64_t m_requested = 0; // main thread only
    std::uint64_t m_generation = 0; // main thread only
    PendingChanges m_readAs = PendingChanges::AsAccepted;
    std::string m_jurisdiction; // empty: as the document reads
    PendingSummary m_pending;
    ReadStats m_readStats;
    std::chrono::steady_clock::time_point m_requestedAt;
    // A reading after typing is shown only once Writer's whole text is confirmed to be the model's
    // (while the worker checks): the latest confirmed request, and a result waiting for it.
    std::uint64_t m_confirmed = 0;
    std::function<void()> m_held;
    // The paragraphs edited since the last reading (where the view cursor was at each change),
    // or "anywhere" when a change was somewhere we could not place (a paragraph the last reading
    // lacks, a selection across paragraphs). m_edits counts changes.
    css::uno::Reference<css::uno::XInterface> m_editListener;
    std::vector<css::uno::Reference<css::uno::XInterface>> m_edited;
    css::uno::WeakReference<css::frame::XController> m_editController; // whose view cursor we ask
    css::uno::Reference<css::text::XTextViewCursor> m_editCursor;
    bool m_editedAnywhere = true;
    std::uint64_t m_edits = 0;
    std::uint64_t m_editsAtReadingStart = 0;
    glossary::Context m_glossaryContext;
    std::shared_ptr<glossary::ContextCache> m_contextCache = std::make_shared<glossary::ContextCache>();
    std::vector<std::pair<std::uint64_t, std::function<void()>>> m_listeners; // main thread
    std::uint64_t m_subscriptions = 0;
    std::vector<engine::AuditEvent> m_waitingChecks;        // main thread: asked for, not yet written
    css::uno::Reference<css::uno::XInterface> m_saveListener; // OnSave, OnSaveAs
};
} // namespace dueregard::ext
