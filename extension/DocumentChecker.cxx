#include "DocumentChecker.hxx"

#include "UnoStrings.hxx"

#include "report/Report.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <cppuhelper/weakref.hxx>
#include <osl/file.hxx>

#include <nlohmann/json.hpp>

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

const engine::CheckResult& DocumentChecker::check()
{
    m_model = m_adapter.extract();
    m_facts = model::countFacts(m_model);
    m_result = m_engine.check(m_model);
    return *m_result;
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

DocumentChecker& DocumentChecker::forDocument(const Reference<text::XTextDocument>& document)
{
    struct Entry
    {
        uno::WeakReference<text::XTextDocument> document;
        std::unique_ptr<DocumentChecker> checker;
    };
    static std::vector<Entry> entries;
    std::erase_if(entries, [](const Entry& e) { return !Reference<text::XTextDocument>(e.document).is(); });
    for (Entry& e : entries)
        if (Reference<text::XTextDocument>(e.document) == document)
            return *e.checker;
    entries.push_back({ document, std::make_unique<DocumentChecker>(document) });
    return *entries.back().checker;
}
} // namespace dueregard::ext
