#pragma once
// Dismissals: prompts a writer has decided do not apply, each with the reason. They are kept in
// the document itself (as JSON in a document property), so they travel to reviewers and survive
// .odt and .docx saves. A dismissal matches a finding by rule, characteristic and the text it
// points at, so it still applies after unrelated edits, and lapses when that text changes.

#include "engine/Findings.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace dueregard::engine
{
struct Dismissal
{
    std::string rule;
    std::string characteristic;
    std::string excerpt;
    std::string reason;
    std::string date; // en-GB, e.g. "24 November 2026"
};

// matches says whether a dismissal is about this finding.
bool matches(const Dismissal& dismissal, const Finding& finding);

// dismissalFor makes the dismissal of a finding.
Dismissal dismissalFor(const Finding& finding, std::string reason, std::string date);

// restored is the document's dismissals without those of the prompt `gone` set aside (its rule,
// characteristic and passage; the reason and date may differ).
std::vector<Dismissal> restored(std::vector<Dismissal> dismissals, const Dismissal& gone);

// parseDismissals reads the stored JSON. Text that is not valid (damaged by hand, say) gives no
// dismissals rather than an error: the prompts simply come back.
std::vector<Dismissal> parseDismissals(const std::string& json);
std::string dismissalsJson(const std::vector<Dismissal>& dismissals);
} // namespace dueregard::engine
