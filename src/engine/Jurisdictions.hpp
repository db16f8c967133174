#pragma once
// The jurisdictions Due Regard knows (the lexicon's profiles: which characteristics and groups
// each nation's duties name), in the order users see them, with the names they read. The lists
// offered in the panels, menus and Options page are "as the document reads" (no id) followed by
// these; the command line and settings accept these ids only.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine
{
struct Jurisdiction
{
    std::string_view id;
    std::string_view name;
};

// England, Wales, Scotland, Northern Ireland: every profile in the built-in lexicon.
const std::vector<Jurisdiction>& jurisdictions();

bool isJurisdiction(std::string_view id);

// The name for an id; England's (the engine's default) for any other.
std::string_view jurisdictionName(std::string_view id);

// The ids as a person reads them in a message: "england, wales, scotland or ni".
std::string jurisdictionIdsInWords();

// A choice list of jurisdictions: position 0 is "as the document reads" (the empty id), then
// jurisdictions() in order. idAtChoice is "" for 0 or a position out of range.
std::string_view idAtChoice(int position);
std::optional<int> choiceOf(std::string_view id); // 0 for ""; nothing for an unknown id
} // namespace dueregard::engine
