#pragma once
// The four jurisdictions Due Regard knows: the engine's id for each and the name users read.

#include <array>
#include <string_view>

namespace dueregard::ext
{
struct Jurisdiction
{
    std::string_view id;
    std::string_view name;
};

inline constexpr std::array<Jurisdiction, 4> kJurisdictionList{ {
    { "england", "England" }, { "wales", "Wales" }, { "scotland", "Scotland" }, { "ni", "Northern Ireland" },
} };

// jurisdictionName is the name for an id; England, the engine's default, for any other.
inline std::string_view jurisdictionName(std::string_view id)
{
    for (const Jurisdiction& j : kJurisdictionList)
        if (j.id == id)
            return j.name;
    return kJurisdictionList[0].name;
}
} // namespace dueregard::ext
