#include "stats/Insertion.hpp"

#include "l10n/Messages.hpp"

#include <cctype>

namespace dueregard::stats
{
namespace
{
using engine::Run;

std::vector<Run> textRun(const std::string& text) { return { Run{ text, false, {} } }; }

Run outcomeField(std::string_view language)
{
    return Run{ l10n::text(language, "calc.field.decision"), true,
                l10n::text(language, "calc.field.decision.help") };
}

// runsOf turns a sentence with kOutcomeSlot into text and a field for the outcome.
std::vector<Run> runsOf(const std::string& sentence, std::string_view language)
{
    std::vector<Run> runs;
    std::size_t from = 0;
    for (std::size_t at = sentence.find(kOutcomeSlot); at != std::string::npos; at = sentence.find(kOutcomeSlot, from))
    {
        if (at > from)
            runs.push_back({ sentence.substr(from, at - from), false, {} });
        runs.push_back(outcomeField(language));
        from = at + 1;
    }
    if (from < sentence.size())
        runs.push_back({ sentence.substr(from), false, {} });
    return runs;
}

std::string ratioCell(const Analysis& a, const GroupResult& g, std::string_view language)
{
    if (a.measure != Measure::RepresentationRatio && !describes(a, g))
        return formatRatio(1) + " " + l10n::text(language, "dispro.comparator");
    if (!g.ratio)
        return "–";
    if (g.lower && g.upper)
        return l10n::text(language, "calc.cell.interval",
                          { { "ratio", formatRatio(*g.ratio) },
                            { "lower", formatRatio(*g.lower) },
                            { "upper", formatRatio(*g.upper) } });
    return formatRatio(*g.ratio);
}

std::string notesCell(const Analysis& a, const GroupResult& g, std::string_view language)
{
    std::string notes;
    for (const std::string& w : g.warnings)
        notes += (notes.empty() ? "" : "; ") + l10n::text(language, w);
    if (g.lower && g.upper && describes(a, g))
    {
        const std::string chance = l10n::text(
            language, g.intervalExcludesOne ? "calc.cell.excludes_one" : "calc.cell.includes_one");
        notes += (notes.empty() ? "" : "; ") + chance;
    }
    if (!notes.empty())
        notes[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(notes[0])));
    return notes;
}
} // namespace

engine::Plan insertionPlan(const Analysis& a, const std::string& outcome, const std::string& today,
                           std::string_view language)
{
    engine::Plan plan;
    plan.id = "disproportionality";
    plan.title = l10n::text(language, "calc.title");

    engine::PlanBlock scope;
    scope.runs = engine::parseRuns(l10n::text(language, "calc.scope"));
    plan.blocks.push_back(std::move(scope));

    engine::PlanBlock table;
    table.kind = engine::PlanBlock::Kind::Table;
    const std::string ratioHeader
        = a.measure == Measure::RepresentationRatio
              ? l10n::text(language, "calc.table.representation")
              : l10n::text(language, "calc.table.ratio", { { "comparator", a.comparator } });
    table.rows.push_back({ textRun(l10n::text(language, "calc.table.group")),
                           textRun(l10n::text(language, "calc.table.number")),
                           textRun(l10n::text(language, "calc.table.baseline")),
                           textRun(l10n::text(language, "calc.table.rate")), textRun(ratioHeader),
                           textRun(l10n::text(language, "calc.table.notes")) });
    for (const GroupResult& g : a.groups)
    {
        table.rows.push_back({ textRun(g.group), textRun(g.events ? formatCount(*g.events) : "–"),
                               textRun(g.baseline ? formatCount(*g.baseline) : "–"),
                               textRun(g.valid ? formatRate(g.ratePer1000) : "–"),
                               textRun(ratioCell(a, g, language)),
                               textRun(notesCell(a, g, language)) });
    }
    table.numericColumns = { false, true, true, true, true, false };
    table.columnWidths = { 15, 12, 14, 11, 20, 28 };
    plan.blocks.push_back(std::move(table));

    for (const GroupResult& g : a.groups)
        if (describes(a, g))
        {
            engine::PlanBlock p;
            p.runs = runsOf(sentence(a, g, outcome, language), language);
            plan.blocks.push_back(std::move(p));
        }

    engine::PlanBlock note;
    note.runs = textRun(l10n::text(language, "calc.note",
                                   { { "method", method(a, language) }, { "date", today } }));
    plan.blocks.push_back(std::move(note));
    return plan;
}
} // namespace dueregard::stats
