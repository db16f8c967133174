#include "engine/Jurisdictions.hpp"

#include <algorithm>

namespace dueregard::engine
{
const std::vector<Jurisdiction>& jurisdictions()
{
    // The lexicon's profiles (rules/lexicon/en-GB.json "jurisdictions"), in the order of the
    // nations' statutes in the product's lists; JurisdictionsTest checks that both name the same.
    static const std::vector<Jurisdiction> list{
        { "england", "England" }, { "wales", "Wales" }, { "scotland", "Scotland" }, { "ni", "Northern Ireland" }
    };
    return list;
}

bool isJurisdiction(std::string_view id)
{
    return std::any_of(jurisdictions().begin(), jurisdictions().end(), [&](const Jurisdiction& j) { return j.id == id; });
}

std::string_view jurisdictionName(std::string_view id)
{
    for (const Jurisdiction& j : jurisdictions())
        if (j.id == id)
            return j.name;
    return jurisdictions().front().name;
}

std::string jurisdictionIdsInWords()
{
    std::string out;
    const auto& list = jurisdictions();
    for (std::size_t i = 0; i < list.size(); ++i)
        out += (i == 0 ? "" : i + 1 == list.size() ? " or " : ", ") + std::string(list[i].id);
    return out;
}

std::string_view idAtChoice(int position)
{
    if (position < 1 || static_cast<std::size_t>(position) > jurisdictions().size())
        return {};
    return jurisdictions()[static_cast<std::size_t>(position) - 1].id;
}

std::optional<int> choiceOf(std::string_view id)
{
    if (id.empty())
        return 0;
    for (std::size_t i = 0; i < jurisdictions().size(); ++i)
        if (jurisdictions()[i].id == id)
            return static_cast<int>(i) + 1;
    return std::nullopt;
}
} // namespace dueregard::engine
