#include "engine/AssessmentParts.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace dueregard::engine::detail
{
namespace
{
std::uint8_t cellBits(std::u16string_view text)
{
    const std::u16string t = Tokenizer::fold(text);
    auto has = [&t](std::u16string_view w) { return t.find(w) != std::u16string::npos; };
    std::uint8_t bits = 0;
    // "Yes", "x", a tick or a crossed box ("☒", "☑"), as forms exported from Word show them.
    // The Welsh headings too: "Cam gweithredu", "Perchennog", "Swyddog arweiniol", "Dyddiad",
    // "Amserlen".
    if (t == u"yes" || t == u"x" || t == u"\u2713" || t == u"\u2714" || t == u"\u2612"
        || t == u"\u2611" || t == u"ie")
        bits |= kTick;
    if (has(u"action") || has(u"gweithred"))
        bits |= kAction;
    if (has(u"owner") || has(u"lead") || has(u"responsib") || has(u"perchennog") || has(u"arweini")
        || has(u"cyfrifol"))
        bits |= kOwner;
    if (has(u"date") || has(u"deadline") || has(u"when") || has(u"timescale") || has(u"dyddiad")
        || has(u"amserlen"))
        bits |= kWhen;
    return bits;
}
} // namespace

Structure StructureReader::read(const std::vector<std::uint64_t>& versions, std::vector<CellInfo>& cells) const
{
    const std::size_t groups = m_lex.groups().size();
    Structure s;
    s.keys.resize(size());
    s.firstHeading.resize(groups);
    s.firstRow.resize(groups);
    s.ticks.resize(groups);
    const Tables t = readBlocks(s, versions, cells);
    // Table rows whose first cell names one group ("| Age | Negative | ... |") take in the
    // row's other cells; and impacts ticked in rows about a group.
    for (const auto& [rowKey, rowCells] : t.rows)
        readRow(s, rowKey.first, rowCells, t, cells);
    readActionTables(s, t, cells);
    return s;
}

StructureReader::Tables StructureReader::readBlocks(Structure& s, const std::vector<std::uint64_t>& versions,
                                                    std::vector<CellInfo>& cells) const
{
    // Headings about one group ("## Disability") take in everything under them, up to the
    // next heading of the same or a higher level.
    struct Open
    {
        int level, group;
        std::size_t heading;
        bool content;
    };
    std::vector<Open> open;
    std::size_t linesWithText = 0;
    Tables t;
    auto closeUnit = [&](const Open& u) {
        if (u.content)
        {
            Location& first = s.firstHeading[static_cast<std::size_t>(u.group)];
            if (first.document() || static_cast<std::size_t>(first.block) > u.heading)
                first = wholeBlock(u.heading);
        }
    };
    for (std::size_t b = 0; b < size(); ++b)
    {
        const model::Block& block = m_doc.blocks[b];
        BlockKey& key = s.keys[b];
        key.version = versions[b];
        if (block.isHeading())
        {
            key.flags |= kHeading;
            while (!open.empty() && open.back().level >= block.outlineLevel)
            {
                closeUnit(open.back());
                open.pop_back();
            }
        }
        for (Open& u : open)
        {
            key.underHeading |= bit(u.group);
            u.content = u.content || f(b).substantive > 0; // an answer, not "N/A" or the form's question
        }
        if (linesWithText < 3)
            key.flags |= kEarly;
        if (!block.text.empty())
            ++linesWithText;
        if (block.isHeading() && f(b).groups.size() == 1 && f(b).words <= 8)
            open.push_back({ block.outlineLevel, f(b).groups.front(), b, false });
        if (block.kind == model::BlockKind::TableCell)
        {
            key.flags |= kTableCell;
            t.rows[{ block.table, block.row }].push_back(b);
            if (block.row == 0)
                t.headerByColumn[{ block.table, block.column }] = b;
            t.tables[block.table].push_back(b);
            if (cells.size() != size())
                cells.assign(size(), {});
            if (cells[b].version != versions[b] || versions[b] == 0)
                cells[b] = { versions[b], cellBits(block.text) };
        }
    }
    for (const Open& u : open)
        closeUnit(u);
    return t;
}

void StructureReader::readRow(Structure& s, int table, const std::vector<std::size_t>& rowCells, const Tables& t,
                              const std::vector<CellInfo>& cells) const
{
    std::vector<int> labelGroups;
    std::uint32_t labelWords = 0, contentWords = 0;
    for (std::size_t b : rowCells)
        if (m_doc.blocks[b].column == 0)
        {
            for (int g : f(b).groups)
                if (std::find(labelGroups.begin(), labelGroups.end(), g) == labelGroups.end())
                    labelGroups.push_back(g);
            labelWords += f(b).words;
        }
        else
            contentWords += f(b).substantive; // sentences that answer, not "None" or a tick
    if (labelGroups.size() == 1 && labelWords <= 8)
    {
        const int g = labelGroups.front();
        std::optional<std::size_t> anchor;
        for (std::size_t b : rowCells)
            if (m_doc.blocks[b].column == 0)
            {
                s.keys[b].flags |= kRowLabel;
                if (!anchor)
                    anchor = b;
            }
            else
                s.keys[b].inRow |= bit(g);
        if (contentWords >= 1)
            keepFirst(s.firstRow[static_cast<std::size_t>(g)], wholeBlock(*anchor));
    }
    // "| Disability | | | Yes |" under "| | Positive | Negative | Neutral |".
    for (std::size_t b : rowCells)
    {
        if (!(cells[b].bits & kTick))
            continue;
        const auto header = t.headerByColumn.find({ table, m_doc.blocks[b].column });
        if (header == t.headerByColumn.end())
            continue;
        const BlockFacts& hf = f(header->second);
        for (int g : labelGroups)
        {
            Structure::Ticks& ticks = s.ticks[static_cast<std::size_t>(g)];
            ticks.negative = ticks.negative || hf.hasMarker(m_m.negative);
            ticks.positive = ticks.positive || hf.hasMarker(m_m.positive);
            if (hf.hasMarker(m_m.neutral) && !ticks.neutral)
            {
                ticks.neutral = true;
                ticks.neutralAt = wholeBlock(b);
            }
        }
    }
}

void StructureReader::readActionTables(Structure& s, const Tables& t, const std::vector<CellInfo>& cells) const
{
    // Tables whose header row names an action: rows that mention a group mitigate for it.
    for (const auto& [table, tableCells] : t.tables)
    {
        std::uint8_t header = 0;
        for (std::size_t b : tableCells)
            if (m_doc.blocks[b].row == 0)
                header |= cells[b].bits;
        if (!(header & kAction))
            continue;
        bool dataRow = false;
        for (std::size_t b : tableCells)
            if (m_doc.blocks[b].row > 0 && f(b).words > 0)
            {
                dataRow = true;
                for (int g : f(b).groups)
                    s.actionMitigated |= bit(g);
            }
        if (!dataRow)
            continue;
        s.actionTable = true;
        s.actionTableOwned = s.actionTableOwned || ((header & kOwner) && (header & kWhen));
    }
}
} // namespace dueregard::engine::detail
