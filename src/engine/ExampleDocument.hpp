#pragma once
// Builds a model::Document from the example notation used in rule packs, department layers and
// tests (`dueregard rules test` runs a layer's examples with it): one line per
// paragraph, "# " for a heading (## for level 2), "| a | b |" for a table row. "{{shown text}}" is
// an untouched placeholder field (blanked as the adapter blanks it), and a heading ending in
// " @monitoring" starts a section Due Regard inserted with that template id.

#include "model/Document.hpp"
#include "text/Unicode.hpp"

#include <string>
#include <vector>

namespace dueregard::engine
{
// Placeholders become spaces as long as Writer's "<shown text>", and are counted.
inline std::string blankPlaceholders(std::string line, int& count)
{
    for (std::size_t open = line.find("{{"); open != std::string::npos; open = line.find("{{", open))
    {
        const std::size_t close = line.find("}}", open);
        if (close == std::string::npos)
            break;
        line.replace(open, close + 2 - open, std::string(close - open, ' '));
        ++count;
    }
    return line;
}

inline model::Document exampleDocument(const std::vector<std::string>& lines)
{
    model::Document d;
    int table = -1, row = 0;
    int id = 0;
    for (const std::string& line : lines)
    {
        if (line.rfind('|', 0) == 0)
        {
            if (table < 0)
            {
                table = static_cast<int>(d.tables.size());
                d.tables.push_back({ "Table" + std::to_string(table + 1), 0, 0 });
                row = 0;
            }
            int column = 0;
            std::size_t pos = 1;
            while (pos < line.size())
            {
                const std::size_t bar = line.find('|', pos);
                if (bar == std::string::npos)
                    break;
                std::string cell = line.substr(pos, bar - pos);
                while (!cell.empty() && cell.front() == ' ')
                    cell.erase(cell.begin());
                while (!cell.empty() && cell.back() == ' ')
                    cell.pop_back();
                model::Block b;
                b.id = "b" + std::to_string(++id);
                b.kind = model::BlockKind::TableCell;
                b.text = text::fromUtf8(blankPlaceholders(cell, b.placeholders));
                b.table = table;
                b.row = row;
                b.column = column++;
                d.blocks.push_back(std::move(b));
                pos = bar + 1;
            }
            d.tables[static_cast<std::size_t>(table)].rows = ++row;
            d.tables[static_cast<std::size_t>(table)].columns = column;
            continue;
        }
        table = -1;
        model::Block b;
        b.id = "b" + std::to_string(++id);
        std::string text = blankPlaceholders(line, b.placeholders);
        std::size_t level = 0;
        while (level < text.size() && text[level] == '#')
            ++level;
        if (level > 0 && level < text.size() && text[level] == ' ')
        {
            b.outlineLevel = static_cast<int>(level);
            b.style = "Heading " + std::to_string(level);
            text = text.substr(level + 1);
            if (const std::size_t at = text.rfind(" @"); at != std::string::npos)
            {
                b.insertedSection = text.substr(at + 2);
                text.resize(at);
            }
        }
        b.text = text::fromUtf8(text);
        d.blocks.push_back(std::move(b));
    }
    return d;
}
} // namespace dueregard::engine
