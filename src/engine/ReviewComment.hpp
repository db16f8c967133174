#pragma once
// A prompt as a review comment in the document (Tools > Due Regard > Add Prompts as Comments):
// its text, the key that finds it again on the next review, and when an existing comment is the
// same prompt at the same place. Writer and Word keep the text; nothing else about the comment
// survives a .docx round trip, so the key is in the text.

#include "engine/Assessment.hpp"
#include "engine/Findings.hpp"
#include "model/Document.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine
{
// The key of a prompt: its rule and characteristic ("coverage.characteristic-missing/age",
// "monitoring.missing/-").
std::string findingKey(const Finding& finding);

// The comment's text: the prompt first, so that a reviewer scanning the margin (or reading the
// document in Word) reads it, then its questions, its legal basis, and a last line that carries
// the key and says that it is a prompt, not a verdict. Its own words ("Question:", "Legal
// basis:", the last line) are in `language` (en-GB or cy; en-GB for another), as the prompt is.
std::string commentContent(const Finding& finding, std::string_view language = "en-GB");

// The key of one of our comments from its text (its last line, or its first in comments made
// before the prompt came first), in any language, or nothing for someone else's comment.
std::optional<std::string> commentKey(std::string_view content);

// Whether two comment texts say the same (a .docx round trip may drop the line breaks).
bool sameCommentContent(std::string_view a, std::string_view b);

// Whether an existing comment's anchor is the passage a prompt points at now. Writer moves
// the end of a comment's range when another comment is anchored at the same place (its range
// then ends before the last character), so the ends are compared without spaces, punctuation
// and Writer's anchor characters.
bool sameAnchor(std::string_view existing, std::string_view wanted);
// commentPlaces: where a prompt's comment goes, best first: the words the prompt is about, then
// the heading of the section that answers it (or of its characteristic's section). The caller
// takes the first it can place; with none, the start of the document.
std::vector<model::Span> commentPlaces(const Finding& finding, const Assessment& assessment, const model::Document& document);

// One of our comments already in the document.
struct ExistingComment
{
    std::string key;     // commentKey of its text
    std::string anchor;  // the text it is anchored to
    std::string content; // its text
    bool resolved = false;
};

// CommentReview decides, prompt by prompt, what a new review does with the comments an earlier one
// left: a comment of the same prompt at the same place is kept (or updated, if its text changed or
// it was marked resolved); otherwise the prompt gets a new comment. What no prompt matched, and is
// still open, has been answered.
class CommentReview
{
public:
    enum class Step
    {
        Add,    // a new comment
        Update, // existing comment `existing`: new text, no longer resolved
        Keep,   // existing comment `existing`, as it is
    };
    struct Decision
    {
        Step step = Step::Add;
        std::size_t existing = 0;
    };

    explicit CommentReview(std::vector<ExistingComment> existing);
    // For a prompt whose comment would be anchored to `anchor` with `content`.
    Decision next(const Finding& finding, std::string_view anchor, std::string_view content);
    // The existing comments, still open, that no prompt matched (indexes, in order).
    std::vector<std::size_t> answered() const;

private:
    std::vector<ExistingComment> m_existing;
    std::vector<bool> m_matched;
};

// The initials of a reviewer's name ("Ann Other" -> "AO"), for a comment whose author has none.
std::string initialsOf(std::string_view name);
} // namespace dueregard::engine
