#include "engine/checks/Checks.hpp"

#include <algorithm>

namespace dueregard::engine::checks
{
const std::vector<Check>& registered()
{
    static const std::vector<Check> table{
        { "aims.missing", aimsMissing },
        { "sections.required-missing", sectionsRequiredMissing },
        { "sections.not-written", sectionsNotWritten },
        { "sections.placeholders-left", sectionsPlaceholdersLeft },
    };
    return table;
}

const Check* find(std::string_view rule)
{
    const auto& table = registered();
    const auto it = std::find_if(table.begin(), table.end(), [&](const Check& c) { return c.rule == rule; });
    return it == table.end() ? nullptr : &*it;
}
} // namespace dueregard::engine::checks
