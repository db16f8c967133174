#include "stats/Insertion.hpp"

#include <cctype>

namespace dueregard::stats
{
namespace
{
using engine::Run;

std::vector<Run> textRun(const std::string& text) { return { Run{ text, false, {} } }; }

Run outcomeField()
{
    return Run{ "decision", true,
                "What the count records, completing \"to be ...\": for example searched, arrested, charged or excluded." };
}

// runsOf turns a sentence with kOutcomeSlot into text and a field for the outcome.
std::vector<Run> runsOf(const std::string& sentence)
{
    std::vector<Run> runs;
    std::size_t from = 0;
    for (std::size_t at = sentence.find(kOutcomeSlot); at != std::string::npos; at = sentence.find(kOutcomeSlot, from))
    {
        if (at > from)
            runs.push_back({ sentence.substr(from, at - from), false, {} });
        runs.push_back(outcomeField());
        from = at + 1;
    }
    if (from < sentence.size())
        runs.push_back({ sentence.substr(from), false, {} });
    return runs;
}

std::string ratioCell(const Analysis& a, const GroupResult& g)
{
    if (a.measure != Measure::RepresentationRatio && !describes(a, g))
        return "1.00 (comparator)";
    if (!g.ratio)
        return "–";
    std::string s = formatRatio(*g.ratio);
    if (g.lower && g.upper)
        s += " (" + formatRatio(*g.lower) + " to " + formatRatio(*g.upper) + ")";
    return s;
}

std::string notesCell(const Analysis& a, const GroupResult& g)
{
    std::string notes;
    for (const std::string& w : g.warnings)
        notes += (notes.empty() ? "" : "; ") + w;
    if (g.lower && g.upper && describes(a, g))
    {
        const std::string chance = g.intervalExcludesOne ? "interval excludes 1" : "interval includes 1: the difference may be chance";
        notes += (notes.empty() ? "" : "; ") + chance;
    }
    if (!notes.empty())
        notes[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(notes[0])));
    return notes;
}
} // namespace

engine::Plan insertionPlan(const Analysis& a, const std::string& outcome, const std::string& today)
{
    engine::Plan plan;
    plan.id = "disproportionality";
    plan.title = "Disproportionality";

    engine::PlanBlock scope;
    scope.runs = engine::parseRuns(
        "Period: [[period|The period the figures cover, e.g. 1 April 2024 to 31 March 2025.]]. "
        "Area: [[area|The area the figures cover, e.g. the force area; use the smallest area available, as national "
        "figures can mislead.]]. Counted: [[what was counted|What one count is, e.g. a stop and search encounter (not a "
        "person).]]. Baseline: [[baseline and its source|E.g. resident population, Census 2021; or the number at the "
        "previous stage.]].");
    plan.blocks.push_back(std::move(scope));

    engine::PlanBlock table;
    table.kind = engine::PlanBlock::Kind::Table;
    const std::string ratioHeader = a.measure == Measure::RepresentationRatio
                                        ? "Representation ratio (95% CI)"
                                        : "Ratio to " + a.comparator + " (95% CI)";
    table.rows.push_back({ textRun("Group"), textRun("Number"), textRun("Baseline"), textRun("Rate per 1,000"),
                           textRun(ratioHeader), textRun("Notes") });
    for (const GroupResult& g : a.groups)
    {
        table.rows.push_back({ textRun(g.group), textRun(g.events ? formatCount(*g.events) : "–"),
                               textRun(g.baseline ? formatCount(*g.baseline) : "–"),
                               textRun(g.valid ? formatRate(g.ratePer1000) : "–"), textRun(ratioCell(a, g)),
                               textRun(notesCell(a, g)) });
    }
    table.numericColumns = { false, true, true, true, true, false };
    table.columnWidths = { 15, 12, 14, 11, 20, 28 };
    plan.blocks.push_back(std::move(table));

    for (const GroupResult& g : a.groups)
        if (describes(a, g))
        {
            engine::PlanBlock p;
            p.runs = runsOf(sentence(a, g, outcome));
            plan.blocks.push_back(std::move(p));
        }

    engine::PlanBlock note;
    note.runs = textRun("Note: " + a.method
                        + " An interval that excludes 1 means the difference is unlikely to be chance alone. A ratio "
                          "shows a difference that needs explaining; on its own it does not show the cause. Calculated "
                          "with Due Regard on "
                        + today + ".");
    plan.blocks.push_back(std::move(note));
    return plan;
}
} // namespace dueregard::stats
