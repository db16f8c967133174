#pragma once
// DocumentChecker holds, for one open Writer document, the adapter (stable block ids), an engine
// (whose block cache makes re-checks cheap) and the latest result. The sidebar, the commands and
// the export all use it, so they can never disagree about a document. Main thread only.

#include "DocumentAdapter.hxx"

#include "engine/Engine.hpp"
#include "model/Document.hpp"
#include "model/Facts.hpp"

#include <com/sun/star/text/XTextDocument.hpp>

#include <memory>
#include <optional>
#include <string>

namespace dueregard::ext
{
class DocumentChecker
{
public:
    explicit DocumentChecker(const css::uno::Reference<css::text::XTextDocument>& document);

    // check reads the document and checks it; returns the new result.
    const engine::CheckResult& check();

    const std::optional<engine::CheckResult>& lastResult() const { return m_result; }
    const model::Document& lastModel() const { return m_model; }
    const model::DocumentFacts& lastFacts() const { return m_facts; }
    DocumentAdapter& adapter() { return m_adapter; }

    // reportJson is the report in the command line's JSON form, for this document.
    std::string reportJson();

    // forDocument returns the checker of an open document, creating it on first use. Checkers
    // of documents that have closed are dropped.
    static DocumentChecker& forDocument(const css::uno::Reference<css::text::XTextDocument>& document);

private:
    DocumentAdapter m_adapter;
    engine::Engine m_engine;
    model::Document m_model;
    model::DocumentFacts m_facts;
    std::optional<engine::CheckResult> m_result;
};
} // namespace dueregard::ext
