#pragma once
// The engine's plain model of a text document: blocks of text in document order, with the
// structure a checker needs (style, outline level, list level, table position). It knows nothing
// of LibreOffice; extension/DocumentAdapter fills it from Writer, tests fill it by hand.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace dueregard::model
{
enum class BlockKind
{
    Paragraph, // a body paragraph or heading
    TableCell, // one paragraph inside a table cell
};

struct Block
{
    // Stable identity given by the adapter: unchanged while the paragraph exists, so results
    // can be cached per block and findings can be mapped back after edits elsewhere.
    std::string id;
    BlockKind kind = BlockKind::Paragraph;
    // The text in UTF-16, because every offset we hand back to Writer is a UTF-16 offset.
    std::u16string text;
    std::string style;     // paragraph style's programmatic name, e.g. "Heading 1"
    int outlineLevel = 0;  // 0 for body text, 1..10 for headings
    int listLevel = -1;    // -1 when not in a list, else 0-based nesting depth
    int table = -1;        // index into Document::tables for a TableCell, else -1
    int row = -1;
    int column = -1;
    // Placeholder fields Due Regard inserted that the writer has not yet replaced. The adapter
    // puts spaces where their text was, so offsets still match Writer's and they are not read.
    int placeholders = 0;
    // On the first block of a section Due Regard inserted (its bookmark starts here): the
    // section's template id, e.g. "monitoring" or "impact-age".
    std::string insertedSection{};

    bool isHeading() const { return outlineLevel > 0; }
};

struct Table
{
    std::string name;
    int rows = 0;
    int columns = 0;
};

struct Document
{
    std::string title;
    std::vector<Block> blocks;
    std::vector<Table> tables;

    // findBlock returns the index of the block with this id, if any.
    std::optional<std::size_t> findBlock(const std::string& id) const;
};

// A position in the model: a block and a UTF-16 range inside its text.
struct Span
{
    std::size_t block = 0;
    std::size_t start = 0; // UTF-16 code units
    std::size_t end = 0;
};
} // namespace dueregard::model
