#pragma once
// DocumentAdapter turns a Writer document into the engine's model::Document and maps a model
// position back to a Writer text range. It is the only place that walks a document's text, and
// both the sidebar and the command line use it (the command line through DocumentService, inside
// the office process, so that extraction costs no UNO round trips).
//
// Block identities are stable for the adapter's lifetime: the adapter keeps a reference to each
// paragraph object it has seen, and Writer hands out the same object for the same paragraph while
// a reference to it is alive. A paragraph that is edited keeps its id; a new one gets a new id.

#include "engine/Templates.hpp"
#include "model/Document.hpp"

#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextRange.hpp>

#include <com/sun/star/container/XEnumeration.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dueregard::ext
{
// How to read text that has pending tracked changes.
enum class PendingChanges
{
    AsAccepted, // deletions are left out, insertions read (the default)
    AsRejected, // insertions are left out, deletions read
};

class DocumentAdapter
{
public:
    explicit DocumentAdapter(const css::uno::Reference<css::text::XTextDocument>& document);

    // extract reads the body text in document order: paragraphs and, for each table, the
    // paragraphs of its cells row by row. With templates, it also marks what Due Regard
    // inserted: the block where each of our section bookmarks starts, and untouched placeholder
    // fields (blanked with spaces, counted). Must be called on the main thread.
    // With `otherReading`, it also fills in the document read the other way (when the document
    // has pending changes; otherwise it is left empty).
    model::Document extract(const engine::Templates* templates = nullptr,
                            PendingChanges pending = PendingChanges::AsAccepted, model::Document* otherReading = nullptr);

    // The same reading in steps, for long documents: beginReading, then readSome until it
    // returns true (each call reads for about `budget` and returns, so Writer can handle typing
    // in between), then finishReading. The adapter's positions (rangeFor, blockAt...) keep
    // describing the previous reading until finishReading. A reading can be dropped at any time.
    struct Reading;
    std::shared_ptr<Reading> beginReading();
    bool readSome(Reading& reading, std::chrono::microseconds budget);
    model::Document finishReading(Reading& reading, const engine::Templates* templates, PendingChanges pending,
                                  model::Document* otherReading);

    // rereadEdited is the reading after edits confined to `paragraphs` (where the user typed):
    // it reads just those again and returns the whole model, or nothing when it cannot be sure
    // that nothing else changed, and the caller reads everything. It is unsure when a paragraph
    // is one it has not read (a new one), when the paragraphs before and after one are no longer
    // the ones it read there (one was added or removed), or when none of them changed. The
    // caller must then confirm with textIsAsRead that the edit reached no further (a
    // replace-all, a table deleted, a macro), and read everything if it did. changedBlocks gets
    // the blocks in which the result can differ from the last reading's. Main thread.
    std::optional<model::Document> rereadEdited(const std::vector<css::uno::Reference<css::uno::XInterface>>& paragraphs,
                                                const engine::Templates* templates, PendingChanges pending,
                                                model::Document* otherReading, std::size_t* blocksRead = nullptr,
                                                std::vector<std::size_t>* changedBlocks = nullptr);
    // textIsAsRead tells whether Writer's whole body text, as it gives it in one call, is the text
    // of the last reading (or rereading). Main thread.
    bool textIsAsRead() const;

    // rawBlock is a block of the last reading as Writer gave it (before placeholders and pending
    // changes were blanked), or null.
    const model::Block* rawBlock(std::size_t block) const { return block < m_raw.blocks.size() ? &m_raw.blocks[block] : nullptr; }

    // pendingChanges counts the document's tracked changes (as of the last extract).
    std::size_t pendingChanges() const { return m_pendingChanges; }

    // paragraphFor and tableFor give the Writer objects behind a block of the most recently
    // extracted model (the table for a table cell); empty if it no longer exists.
    css::uno::Reference<css::text::XTextRange> paragraphFor(std::size_t block) const;
    css::uno::Reference<css::text::XTextContent> tableFor(std::size_t block) const;
    // blockAt finds the block of a paragraph object (e.g. the cursor's TextParagraph).
    std::optional<std::size_t> blockAt(const css::uno::Reference<css::uno::XInterface>& paragraph) const;

    // rangeFor returns the Writer range of a span in the most recently extracted model, or an
    // empty reference if the block no longer exists. Offsets are UTF-16 code units.
    css::uno::Reference<css::text::XTextRange> rangeFor(const model::Span& span) const;

    const css::uno::Reference<css::text::XTextDocument>& document() const { return m_document; }

private:
    void addParagraph(Reading& r, const css::uno::Reference<css::uno::XInterface>& para, int table, int row, int column);
    void addTable(Reading& r, const css::uno::Reference<css::uno::XInterface>& table);
    std::string identify(const css::uno::Reference<css::uno::XInterface>& object);
    void markInserted(model::Document& out, const engine::Templates& templates);
    // Its parts: our sections' bookmarks; the placeholders not yet replaced (our fields, the input
    // fields and content controls a .docx round trip makes of them); blanking one in the model.
    void markSections(model::Document& out, const engine::Templates& templates);
    std::vector<css::uno::Reference<css::text::XTextContent>> placeholders(const engine::Templates& templates) const;
    void blankPlaceholder(model::Document& out, const css::uno::Reference<css::text::XTextContent>& field);
    void readPending(model::Document& out, PendingChanges pending, model::Document* other);
    std::optional<std::size_t> offsetIn(std::size_t block, const css::uno::Reference<css::text::XTextRange>& position) const;
    std::optional<std::size_t> blockOfRange(const css::uno::Reference<css::text::XTextRange>& range) const;
    bool neighboursAsRead(std::size_t block) const;
    model::Document finish(model::Document raw, const engine::Templates* templates, PendingChanges pending,
                           model::Document* otherReading);

    css::uno::Reference<css::text::XTextDocument> m_document;
    std::unordered_map<css::uno::XInterface*, std::string> m_ids;
    std::vector<css::uno::Reference<css::uno::XInterface>> m_keepAlive;
    std::vector<css::uno::Reference<css::text::XTextRange>> m_blockRanges;
    std::vector<css::uno::Reference<css::text::XTextContent>> m_tables; // by model table index
    std::vector<int> m_blockTable;                                      // per block: table index or -1
    std::unordered_map<css::uno::XInterface*, std::size_t> m_blockOf;  // paragraph -> block
    // The last reading as Writer gave it, before our placeholders and pending changes were
    // blanked: what rereadEdited updates.
    model::Document m_raw;
    // The blocks the last finish() altered (our sections, placeholders, pending changes).
    std::vector<std::size_t> m_finishTouched;
    std::uint64_t m_nextId = 1;
    std::size_t m_pendingChanges = 0;
};

struct DocumentAdapter::Reading
{
    model::Document out;
    css::uno::Reference<css::container::XEnumeration> items;
    std::vector<css::uno::Reference<css::uno::XInterface>> keepAlive;
    std::vector<css::uno::Reference<css::text::XTextRange>> blockRanges;
    std::vector<css::uno::Reference<css::text::XTextContent>> tables;
    std::vector<int> blockTable;
    bool done = false;
};

// codePointsBefore counts the code points in the first utf16Offset code units of text (a surrogate
// pair counts once), which is how far Writer's cursor must move to reach that offset.
std::size_t codePointsBefore(std::u16string_view text, std::size_t utf16Offset);

// cellPosition parses a Writer cell name such as "B3" (or "B3.1.1" in a split cell) into a
// 0-based row and column; returns false for a name it cannot read.
bool cellPosition(std::u16string_view name, int& row, int& column);
} // namespace dueregard::ext
