#pragma once
// A prompt as a review comment in the document (Tools > Due Regard > Add Prompts as Comments):
// its text, the key that finds it again on the next review, and when an existing comment is the
// same prompt at the same place. Writer and Word keep the text; nothing else about the comment
// survives a .docx round trip, so the key is in the text.

#include "engine/Findings.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace dueregard::engine
{
// The key of a prompt: its rule and characteristic ("coverage.characteristic-missing/age",
// "monitoring.missing/-").
std::string findingKey(const Finding& finding);

// The comment's text: the prompt first, so that a reviewer scanning the margin (or reading the
// document in Word) reads it, then its questions, its legal basis, and a last line that carries
// the key and says that it is a prompt, not a verdict.
std::string commentContent(const Finding& finding);

// The key of one of our comments from its text (its last line, or its first in comments made
// before the prompt came first), or nothing for someone else's comment.
std::optional<std::string> commentKey(std::string_view content);

// Whether two comment texts say the same (a .docx round trip may drop the line breaks).
bool sameCommentContent(std::string_view a, std::string_view b);

// Whether an existing comment's anchor is the passage a prompt points at now. Writer moves
// the end of a comment's range when another comment is anchored at the same place (its range
// then ends before the last character), so the ends are compared without spaces, punctuation
// and Writer's anchor characters.
bool sameAnchor(std::string_view existing, std::string_view wanted);
} // namespace dueregard::engine
