#include "engine/Sections.hpp"

#include <algorithm>
#include <map>

namespace dueregard::engine
{
const SectionState* SectionMap::find(const std::string& id) const
{
    for (const SectionState& s : sections)
        if (s.id == id)
            return &s;
    return nullptr;
}

namespace
{
std::size_t sectionEnd(const model::Document& doc, std::size_t heading)
{
    const int level = doc.blocks[heading].outlineLevel;
    std::size_t b = heading + 1;
    while (b < doc.blocks.size() && !(doc.blocks[b].isHeading() && doc.blocks[b].outlineLevel <= level))
        ++b;
    return b;
}
// The names a heading gives, normalised with and without its numbering: the whole heading, and
// each side of a bilingual one ("3. Ymgysylltu / Engagement", "Tystiolaeth | Evidence").
std::vector<std::u16string> headingNames(std::u16string_view heading)
{
    std::vector<std::u16string> names
        = { Templates::normalise(heading, true), Templates::normalise(heading, false) };
    for (const std::u16string_view sep :
         { std::u16string_view(u" / "), std::u16string_view(u" | ") })
        if (const std::size_t at = heading.find(sep); at != std::u16string_view::npos)
        {
            names.push_back(Templates::normalise(heading.substr(0, at), true));
            names.push_back(Templates::normalise(heading.substr(at + sep.size()), true));
        }
    return names;
}
} // namespace

std::vector<std::string> sectionsNamedBy(const model::Block& heading, const BlockFacts& facts, const Templates& templates,
                                         std::uint64_t version, HeadingCache* cache)
{
    if (cache && version != 0)
        if (const auto it = cache->find(version); it != cache->end())
            return it->second;
    std::vector<std::string> named;
    // A long heading names no section ("Evidence of the impact on people who ..."): an alias
    // takes at most a few more words.
    if (facts.words <= 12)
    {
        const std::vector<std::u16string> names = headingNames(heading.text);
        auto matches = [&](const std::string& id)
        {
            return std::any_of(names.begin(), names.end(),
                               [&](const std::u16string& n)
                               { return templates.matchesHeading(id, n); });
        };
        for (const SectionInfo& info : templates.allSections())
            if (info.group.empty()
                    ? matches(info.id)
                    : (facts.groups.size() == 1 && facts.words <= 8
                       && templates.lexicon()
                                  .groups()[static_cast<std::size_t>(facts.groups.front())]
                                  .id
                              == info.group))
                named.push_back(info.id);
    }
    if (cache && version != 0)
    {
        if (cache->size() > 4096)
            cache->clear(); // headings come and go while writing; keep it bounded
        cache->emplace(version, named);
    }
    return named;
}

SectionMap mapSections(const model::Document& doc, const std::vector<const BlockFacts*>& facts, const Templates& templates,
                       const std::vector<std::uint64_t>* versions, HeadingCache* cache)
{
    if (!versions)
        cache = nullptr;
    SectionMap map;
    map.scaffold.assign(doc.blocks.size(), false);
    std::map<std::string, std::size_t> index;

    auto add = [&](const std::string& id, std::size_t b, bool inserted) {
        const auto it = index.find(id);
        if (it != index.end())
        {
            // A marked section wins over a heading that merely has the same name.
            SectionState& existing = map.sections[it->second];
            if (inserted && !existing.inserted)
            {
                existing.block = b;
                existing.inserted = true;
            }
            return;
        }
        SectionState s;
        s.id = id;
        s.title = templates.titleOf(id);
        s.block = b;
        s.inserted = inserted;
        index[id] = map.sections.size();
        map.sections.push_back(std::move(s));
    };

    for (std::size_t b = 0; b < doc.blocks.size(); ++b)
    {
        const model::Block& block = doc.blocks[b];
        if (!block.insertedSection.empty() && templates.has(block.insertedSection))
        {
            // Our own heading names our section only ("Socio-economic disadvantage" under
            // additional groups is not the Welsh socio-economic duty section).
            add(block.insertedSection, b, true);
            continue;
        }
        if (!block.isHeading())
            continue;
        for (const std::string& id : sectionsNamedBy(block, *facts[b], templates, versions ? (*versions)[b] : 0, cache))
            add(id, b, false);
    }

    for (SectionState& s : map.sections)
    {
        const model::Block& heading = doc.blocks[s.block];
        s.level = heading.isHeading() ? heading.outlineLevel : 0;
        s.end = heading.isHeading() ? sectionEnd(doc, s.block) : s.block + 1;
        if (!s.inserted)
            continue;
        // What the template put there is scaffolding; anything else the writer wrote.
        bool written = false;
        std::vector<std::size_t> placeholderScaffold;
        for (std::size_t b = s.block; b < s.end; ++b)
        {
            const model::Block& block = doc.blocks[b];
            s.placeholders += block.placeholders;
            const std::u16string text = Templates::normalise(block.text, block.isHeading());
            const bool fixed = text.empty() || templates.isFixedText(s.id, text);
            if (!fixed)
                written = true;
            else if (block.placeholders > 0)
                placeholderScaffold.push_back(b);
        }
        s.written = written;
        if (!written)
            for (std::size_t b = s.block; b < s.end; ++b)
                map.scaffold[b] = true;
        else
            for (std::size_t b : placeholderScaffold)
                map.scaffold[b] = true;
    }
    std::sort(map.sections.begin(), map.sections.end(),
              [](const SectionState& a, const SectionState& b) { return a.block < b.block; });
    return map;
}

int headingLevelAt(const model::Document& doc, const SectionMap& map, std::optional<std::size_t> block)
{
    // The level of the nearest recognised top-level section before the block (or after it).
    const SectionState* before = nullptr;
    const SectionState* after = nullptr;
    for (const SectionState& s : map.sections)
    {
        if (s.level <= 0 || groupOfSection(s.id))
            continue;
        if (block && s.block <= *block)
            before = &s;
        else if (!after)
            after = &s;
    }
    if (before)
        return before->level;
    if (after)
        return after->level;
    // No recognised section: the document's top heading level, or the one below it when a single
    // heading at that level is the document's title.
    int top = 0, countTop = 0, firstLevel = 0;
    std::vector<int> levels;
    for (const model::Block& b : doc.blocks)
        if (b.isHeading())
        {
            if (!firstLevel)
                firstLevel = b.outlineLevel;
            levels.push_back(b.outlineLevel);
        }
    if (levels.empty())
        return 1;
    top = *std::min_element(levels.begin(), levels.end());
    countTop = static_cast<int>(std::count(levels.begin(), levels.end(), top));
    if (countTop == 1 && firstLevel == top && levels.size() > 1)
        return std::min(top + 1, 10);
    return top;
}

Placement placeSection(const model::Document& doc, const SectionMap& map, const Templates& templates, const std::string& id)
{
    Placement p;
    const double order = templates.order(id);
    bool group = groupOfSection(id).has_value();
    const SectionState* previous = nullptr;
    const SectionState* next = nullptr;
    auto scan = [&] {
    for (const SectionState& s : map.sections)
    {
        // A group's section fits among the other groups; other sections among top-level ones.
        if (groupOfSection(s.id).has_value() != group && !(group && (s.id == "impact" || s.id == "additional-groups")))
            continue;
        const double o = templates.order(s.id);
        if (o <= order && (!previous || o >= templates.order(previous->id)))
            previous = &s;
        if (o > order && (!next || o < templates.order(next->id)))
            next = &s;
    }
    };
    scan();
    if (group && !previous && !next)
    {
        // No impact section and no other group: place it as a section of its own.
        group = false;
        scan();
    }
    if (previous)
    {
        const bool parent = group && (previous->id == "impact" || previous->id == "additional-groups");
        if (parent)
        {
            // The first group in its section: right after the section's own heading and text,
            // before its first subsection.
            std::size_t b = previous->block + 1;
            while (b < previous->end && !doc.blocks[b].isHeading())
                ++b;
            p.level = previous->level + 1;
            if (b < previous->end)
            {
                p.where = Placement::Where::Before;
                p.block = b;
            }
            else
            {
                p.where = Placement::Where::After;
                p.block = previous->end - 1;
            }
            return p;
        }
        p.where = Placement::Where::After;
        p.block = previous->end - 1;
        p.level = previous->level > 0 ? previous->level : headingLevelAt(doc, map, previous->block);
        return p;
    }
    if (next)
    {
        p.where = Placement::Where::Before;
        p.block = next->block;
        p.level = next->level > 0 ? next->level : headingLevelAt(doc, map, next->block);
        return p;
    }
    p.level = headingLevelAt(doc, map, std::nullopt);
    return p;
}
} // namespace dueregard::engine
