#pragma once
// Sections finds the parts of a document that answer a template section: a heading that names
// it ("6. Monitoring and review", "Disability") or a section Due Regard inserted (marked by its
// bookmark). For an inserted section it tells whether the writer has written anything of their
// own: until they have, its headings, labels and placeholders are scaffolding, which the checks
// must not read as an answer. It also decides where a missing section belongs.

#include "engine/BlockAnalysis.hpp"
#include "engine/Templates.hpp"
#include "model/Document.hpp"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

namespace dueregard::engine
{
struct SectionState
{
    std::string id;
    std::string title;
    std::size_t block = 0;    // its heading
    std::size_t end = 0;      // one past its last block
    int level = 0;            // the heading's outline level
    bool inserted = false;    // marked by Due Regard's bookmark
    bool written = true;      // the writer has added text of their own (always true if not inserted)
    int placeholders = 0;     // untouched placeholders left in it
};

struct SectionMap
{
    std::vector<SectionState> sections; // in document order; one per section id
    std::vector<bool> scaffold;         // per block: leave out of the analysis
    const SectionState* find(const std::string& id) const;
};

// HeadingCache remembers which sections a heading names, by the version of its facts (which
// changes whenever its text does; see assess), so that a re-check matches only headings that
// changed.
using HeadingCache = std::unordered_map<std::uint64_t, std::vector<std::string>>;

// sectionsNamedBy tells which sections a heading names (none, for a long one), remembered in the
// cache by its facts' version when a cache and a version are given.
std::vector<std::string> sectionsNamedBy(const model::Block& heading, const BlockFacts& facts, const Templates& templates,
                                         std::uint64_t version = 0, HeadingCache* cache = nullptr);

SectionMap mapSections(const model::Document& document, const std::vector<const BlockFacts*>& facts,
                       const Templates& templates, const std::vector<std::uint64_t>* versions = nullptr,
                       HeadingCache* cache = nullptr);

// Where to put a section: before or after a block of the document, or at the writer's cursor
// when the document gives no structure to fit it into.
struct Placement
{
    enum class Where { Cursor, Before, After } where = Where::Cursor;
    std::size_t block = 0;
    int level = 1; // outline level for the section's heading
};

// placeSection puts a section after the last present section that comes before it in an
// assessment (monitoring after mitigation), or before the first one that comes after it.
Placement placeSection(const model::Document& document, const SectionMap& map, const Templates& templates,
                       const std::string& id);

// headingLevelAt chooses the outline level for a section inserted at a block: the level of the
// recognised sections around it, else the document's usual top level below its title.
int headingLevelAt(const model::Document& document, const SectionMap& map, std::optional<std::size_t> block);
} // namespace dueregard::engine
