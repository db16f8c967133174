#pragma once
// Reviewer turns Due Regard's open prompts into Writer comments, the way reviewers work with
// authors (who may use Word). Each comment starts with the prompt and ends "Due Regard prompt
// [rule/characteristic]: ..." (engine/ReviewComment.hpp), so running the review again updates our comments instead of adding more, resolves the comments of
// prompts that are now answered, and never touches comments people wrote.

#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstddef>
#include <string>
#include <utility>

namespace dueregard::ext
{
struct ReviewOutcome
{
    std::size_t added = 0;
    std::size_t updated = 0;  // text changed, or reopened
    std::size_t resolved = 0; // prompts now answered
    std::size_t kept = 0;     // unchanged
};

struct Reviewer
{
    std::string name;     // the configured reviewer, else the user's name, else "Due Regard"
    std::string initials;
};

// reviewerFor reads the user's name and initials from LibreOffice's user profile.
Reviewer reviewerFor(const css::uno::Reference<css::uno::XComponentContext>& context);

// recordedName is the user's name for the audit trail, as LibreOffice knows it (Tools ▸ Options
// ▸ LibreOffice ▸ User Data): "" when none is set, or when LibreOffice is set to remove personal
// information on saving (Tools ▸ Options ▸ Security ▸ Options), which we honour.
std::string recordedName(const css::uno::Reference<css::uno::XComponentContext>& context);

// reviewAsComments adds or updates a comment for each open prompt, anchored to the text it is
// about (or the heading of the section it concerns, or the start of the document), and resolves
// (or, with removeAnswered, deletes) our comments whose prompts are answered. One undo step.
ReviewOutcome reviewAsComments(const css::uno::Reference<css::text::XTextDocument>& document, const Reviewer& reviewer,
                               bool removeAnswered = false);

// countOurComments counts Due Regard's comments in a document: open and resolved.
std::pair<std::size_t, std::size_t> countOurComments(const css::uno::Reference<css::text::XTextDocument>& document);

// removeOurComments deletes every Due Regard comment and nothing else; returns how many.
std::size_t removeOurComments(const css::uno::Reference<css::text::XTextDocument>& document);
} // namespace dueregard::ext
