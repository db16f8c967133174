#pragma once
// Rules that need code (kind "check" in the rule pack): one file each in this folder, registered
// in the one table in Checks.cpp. Loading the rule pack refuses a "check" rule that no entry
// implements, and the built-in pack refuses an entry that has no rule (RulePack.cpp).
//
// Adding one: write NewCheck.cpp with a function of the Run signature, declare it here, add a
// line to the table, add the rule (kind "check", wording, examples) to rules/packs/core.json.

#include "engine/Assessment.hpp"
#include "model/Document.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine::checks
{
// What a check sees, and how it raises its rule's prompt: where, the values its wording uses,
// and the template to insert for it (or none).
struct Context
{
    const Assessment& assessment;
    const model::Document& document;
};
using Emit = std::function<void(const Location& where, const std::map<std::string, std::string>& values,
                                const std::string& insert)>;
using Run = void (*)(const Context&, const Emit&);

struct Check
{
    std::string_view rule; // the rule id it implements
    Run run;
};

// The heading of a section the document has, as a place to point at.
inline Location headingOf(const Context& c, const SectionState& s)
{
    return Location{ static_cast<int>(s.block), 0, static_cast<std::uint32_t>(c.document.blocks[s.block].text.size()) };
}

// What a prompt about an inserted section can say: {section}, {count} and {placeholders}.
inline std::map<std::string, std::string> sectionValues(const SectionState& s)
{
    return { { "section", s.title },
             { "count", std::to_string(s.placeholders) },
             { "placeholders", s.placeholders == 1 ? "placeholder" : "placeholders" } };
}

// The table, in no particular order (findings follow the pack's order).
const std::vector<Check>& registered();
const Check* find(std::string_view rule);

void aimsMissing(const Context&, const Emit&);
void sectionsRequiredMissing(const Context&, const Emit&);
void sectionsNotWritten(const Context&, const Emit&);
void sectionsPlaceholdersLeft(const Context&, const Emit&);
} // namespace dueregard::engine::checks
