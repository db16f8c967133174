#include "DocumentChecker.hxx"

#include "Listeners.hxx"
#include "UnoStrings.hxx"

#include "report/Report.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <cppuhelper/weakref.hxx>
#include <osl/file.hxx>

#include <nlohmann/json.hpp>

#include <thread>
#include <vector>

using namespace css;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace dueregard::ext
{
DocumentChecker::DocumentChecker(const Reference<text::XTextDocument>& document)
    : m_adapter(document)
{
}

DocumentChecker::Outcome DocumentChecker::run(const model::Document& model)
{
    std::lock_guard lock(m_engineMutex);
    return { model::countFacts(model), m_engine.check(model) };
}

const engine::CheckResult& DocumentChecker::check()
{
    m_model = m_adapter.extract();
    Outcome outcome = run(m_model);
    m_facts = outcome.facts;
    m_result = std::move(outcome.result);
    ++m_requested; // a background result still on its way is now out of date
    return *m_result;
}

void DocumentChecker::checkInBackground(const Reference<uno::XComponentContext>& context, std::function<void()> done)
{
    m_model = m_adapter.extract(); // UNO: main thread
    const std::uint64_t request = ++m_requested;
    auto model = std::make_shared<const model::Document>(m_model);
    std::weak_ptr<DocumentChecker> weak = weak_from_this();
    // The worker owns copies of everything it touches; the checker may be gone when it finishes.
    std::thread([weak, model, request, context, done = std::move(done)]() mutable {
        std::shared_ptr<DocumentChecker> self = weak.lock();
        if (!self)
            return;
        auto outcome = std::make_shared<Outcome>(self->run(*model));
        self.reset();
        Reference<awt::XCallback> deliver = new MainThreadCall([weak, outcome, request, done] {
            std::shared_ptr<DocumentChecker> checker = weak.lock();
            if (!checker || checker->m_requested != request)
                return; // closed, or superseded by a newer check
            checker->m_facts = outcome->facts;
            checker->m_result = std::move(outcome->result);
            if (done)
                done();
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
    r.facts = m_facts;
    r.result = *m_result;
    return report::toJson(r).dump(2);
}

std::shared_ptr<DocumentChecker> DocumentChecker::forDocument(const Reference<text::XTextDocument>& document)
{
    struct Entry
    {
        uno::WeakReference<text::XTextDocument> document;
        std::shared_ptr<DocumentChecker> checker;
    };
    static std::vector<Entry> entries;
    std::erase_if(entries, [](const Entry& e) { return !Reference<text::XTextDocument>(e.document).is(); });
    for (Entry& e : entries)
        if (Reference<text::XTextDocument>(e.document) == document)
            return e.checker;
    entries.push_back({ document, std::make_shared<DocumentChecker>(document) });
    return entries.back().checker;
}
} // namespace dueregard::ext
