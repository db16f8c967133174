#pragma once
// SectionInserter writes template sections into a Writer document as native content: headings
// in the document's own outline levels, body paragraphs, tables with a repeated header row, and
// placeholder fields whose tooltip is the guiding question. Each section heading carries a
// bookmark (DueRegard_<id>) so the checker knows the section is ours, even after .docx.
//
// Every insertion is one undo step, recorded as a tracked change when the document records
// changes, refused in a read-only document, and never duplicates a section the document has:
// the writer is taken to it instead.

#include "document/DocumentChecker.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/util/DateTime.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dueregard::ext
{
enum class InsertAt
{
    Auto,   // where the section belongs among the document's sections; else at the cursor
    Cursor, // at the cursor (after the paragraph it is in, or in it when that is empty)
};

struct InsertOutcome
{
    std::vector<std::string> inserted; // section ids, in document order of insertion
    std::string existing;              // the section that was already there (taken to it)
};

// insertSection inserts one section ("monitoring", "impact-disability", ...). The jurisdiction
// adapts its content; without one, the document's own (as the checker reads it) is used.
InsertOutcome insertSection(const css::uno::Reference<css::text::XTextDocument>& document, const std::string& id,
                            InsertAt at, const std::optional<std::string>& jurisdiction);

// insertSkeleton inserts every section of the jurisdiction's assessment that the document does
// not have yet, each where it belongs (in an empty document: the whole skeleton with a title).
InsertOutcome insertSkeleton(const css::uno::Reference<css::text::XTextDocument>& document,
                             const std::optional<std::string>& jurisdiction);
// proposeSections inserts every section that an open prompt asks for, each where it belongs, as
// tracked insertions by `author`, for the author of the document to accept or reject. One undo
// step. Returns the section ids inserted.
std::vector<std::string> proposeSections(const css::uno::Reference<css::text::XTextDocument>& document,
                                         const std::string& author);

// insertAtCursor writes other content laid out as a plan (a disproportionality analysis) at the
// cursor, as one undo step; refused in a read-only document.
void insertAtCursor(const css::uno::Reference<css::text::XTextDocument>& document, const engine::Plan& plan,
                    const char* undoTitle);

// now is the local date and time, as Writer records it.
css::util::DateTime now();
} // namespace dueregard::ext
