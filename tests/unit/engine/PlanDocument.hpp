#pragma once
// What Writer reads back from an inserted plan (engine::Plan), for the template tests: headings
// with outline levels and, when `marked`, the section each starts (a copy without its bookmarks is
// read by its headings alone); placeholders blanked and counted. `fill` may replace a
// placeholder's text with the writer's answer (returning empty leaves it blank).

#include "engine/Templates.hpp"
#include "model/Document.hpp"
#include "text/Unicode.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace dueregard::test
{
using Filler
    = std::function<std::string(const std::string& section, const engine::Run& placeholder)>;

inline void appendPlan(model::Document& d, const engine::Plan& plan, const Filler& fill = {},
                       bool marked = true)
{
    std::string section = plan.id;
    auto runsText = [&](const std::vector<engine::Run>& runs, int& placeholders)
    {
        std::string out;
        for (const engine::Run& r : runs)
        {
            if (!r.placeholder)
            {
                out += r.text;
                continue;
            }
            const std::string answer = fill ? fill(section, r) : std::string();
            if (answer.empty())
            {
                out += std::string(r.text.size() + 2, ' ');
                ++placeholders;
            }
            else
                out += answer;
        }
        return out;
    };
    for (const engine::PlanBlock& b : plan.blocks)
    {
        if (!b.section.empty())
            section = b.section;
        if (b.kind == engine::PlanBlock::Kind::Table)
        {
            const int table = static_cast<int>(d.tables.size());
            d.tables.push_back({ "Table" + std::to_string(table + 1),
                                 static_cast<int>(b.rows.size()),
                                 static_cast<int>(b.rows.front().size()) });
            for (std::size_t r = 0; r < b.rows.size(); ++r)
                for (std::size_t c = 0; c < b.rows[r].size(); ++c)
                {
                    model::Block cell;
                    cell.id = "b" + std::to_string(d.blocks.size() + 1);
                    cell.kind = model::BlockKind::TableCell;
                    cell.table = table;
                    cell.row = static_cast<int>(r);
                    cell.column = static_cast<int>(c);
                    cell.text = text::fromUtf8(runsText(b.rows[r][c], cell.placeholders));
                    d.blocks.push_back(std::move(cell));
                }
            continue;
        }
        model::Block block;
        block.id = "b" + std::to_string(d.blocks.size() + 1);
        block.text = text::fromUtf8(runsText(b.runs, block.placeholders));
        if (b.kind == engine::PlanBlock::Kind::Heading)
        {
            block.outlineLevel = 1 + b.level;
            if (marked)
                block.insertedSection = b.section;
        }
        d.blocks.push_back(std::move(block));
    }
}
} // namespace dueregard::test
