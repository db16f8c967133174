#include "stats/Disproportionality.hpp"

#include "l10n/Messages.hpp"
#include "text/Format.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace dueregard::stats
{
namespace
{
constexpr double kZ95 = 1.959963984540054;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string number(double value, int decimals)
{
    return text::toUtf8(text::formatDecimal(value, decimals));
}

// A group named as people ("Black people", "pobl Ddu"), unless its name already says so.
std::string people(const std::string& group, std::string_view language)
{
    const std::string g = lower(group);
    for (const char* word : { "people", "residents", "pobl", "trigolion" })
        if (g.find(word) != std::string::npos)
            return group;
    return l10n::text(language, "calc.people", { { "group", group } });
}
} // namespace

std::string measureId(Measure measure)
{
    switch (measure)
    {
    case Measure::RateRatio: return "ratio";
    case Measure::RepresentationRatio: return "representation";
    case Measure::RatePer1000: return "rate";
    }
    return "ratio";
}

std::optional<Measure> parseMeasure(const std::string& id)
{
    for (Measure m : { Measure::RateRatio, Measure::RepresentationRatio, Measure::RatePer1000 })
        if (measureId(m) == id)
            return m;
    return std::nullopt;
}

std::string formatCount(double value)
{
    // Counts are whole numbers; a fractional one (a weighted estimate) keeps one decimal place.
    return number(value, std::floor(value) == value ? 0 : 1);
}

std::string formatRate(double rate) { return number(rate, rate >= 1 || rate == 0 ? 1 : rate >= 0.1 ? 2 : 3); }

std::string formatRatio(double ratio) { return number(ratio, ratio >= 10 ? 1 : 2); }

std::optional<std::pair<double, double>> katzInterval(double a, double n1, double c, double n0)
{
    if (a <= 0 || c <= 0 || n1 <= 0 || n0 <= 0 || a > n1 || c > n0)
        return std::nullopt;
    const double ratio = (a / n1) / (c / n0);
    const double variance = 1 / a - 1 / n1 + 1 / c - 1 / n0;
    if (variance < 0)
        return std::nullopt;
    const double se = std::sqrt(variance);
    return std::make_pair(std::exp(std::log(ratio) - kZ95 * se), std::exp(std::log(ratio) + kZ95 * se));
}

Analysis analyse(const std::vector<GroupCounts>& groups, Measure measure, const std::string& comparator)
{
    Analysis out;
    out.measure = measure;

    // The comparator: as named, else White, else the largest baseline.
    const GroupCounts* reference = nullptr;
    for (const auto& g : groups)
        if ((!comparator.empty() && lower(g.group) == lower(comparator)) || (comparator.empty() && lower(g.group) == "white"))
            reference = &g;
    if (!reference && comparator.empty())
        for (const auto& g : groups)
            if (g.baseline && (!reference || !reference->baseline || *g.baseline > *reference->baseline))
                reference = &g;
    out.comparator = reference ? reference->group : comparator;

    double totalEvents = 0, totalBaseline = 0;
    for (const auto& g : groups)
        if (g.events && g.baseline && *g.events >= 0 && *g.baseline > 0)
        {
            totalEvents += *g.events;
            totalBaseline += *g.baseline;
        }

    for (const auto& g : groups)
    {
        GroupResult r;
        r.group = g.group;
        r.events = g.events;
        r.baseline = g.baseline;
        if (!g.events || !g.baseline)
        {
            r.warnings.push_back("calc.warning.missing");
            out.groups.push_back(std::move(r));
            continue;
        }
        const double a = *g.events, n = *g.baseline;
        if (a < 0 || n <= 0)
        {
            r.warnings.push_back(n <= 0 ? "calc.warning.zero_baseline" : "calc.warning.negative");
            out.groups.push_back(std::move(r));
            continue;
        }
        if (a > n)
            r.warnings.push_back("calc.warning.baseline_smaller");
        r.valid = true;
        r.ratePer1000 = 1000.0 * a / n;
        if (a == 0)
            r.warnings.push_back("calc.warning.no_events");
        else
        {
            r.relativeStandardError = 1 / std::sqrt(a);
            if (r.relativeStandardError > 0.5)
                r.warnings.push_back("calc.warning.very_small");
            else if (r.relativeStandardError > 0.3)
                r.warnings.push_back("calc.warning.small");
        }
        std::optional<std::pair<double, double>> ci;
        if (measure != Measure::RepresentationRatio)
        {
            if (reference && reference != &g && reference->events && reference->baseline && *reference->events > 0
                && *reference->baseline > 0 && a > 0)
            {
                r.ratio = (a / n) / (*reference->events / *reference->baseline);
                ci = katzInterval(a, n, *reference->events, *reference->baseline);
            }
        }
        else if (totalEvents > 0 && totalBaseline > 0 && a > 0)
        {
            r.ratio = (a / totalEvents) / (n / totalBaseline);
            ci = katzInterval(a, totalEvents, n, totalBaseline);
        }
        if (ci && a <= n)
        {
            r.lower = ci->first;
            r.upper = ci->second;
            r.intervalExcludesOne = ci->first > 1 || ci->second < 1;
        }
        out.groups.push_back(std::move(r));
    }
    return out;
}

bool describes(const Analysis& analysis, const GroupResult& g)
{
    return analysis.measure == Measure::RepresentationRatio || lower(g.group) != lower(analysis.comparator);
}

std::string method(const Analysis& analysis, std::string_view language)
{
    return l10n::text(language, analysis.measure != Measure::RepresentationRatio
                                    ? "calc.method.rate"
                                    : "calc.method.representation");
}

std::string sentence(const Analysis& analysis, const GroupResult& g, const std::string& outcome,
                     std::string_view language)
{
    const std::string what = outcome.empty() ? std::string(1, kOutcomeSlot) : outcome;
    const GroupResult* reference = nullptr;
    for (const GroupResult& r : analysis.groups)
        if (lower(r.group) == lower(analysis.comparator))
            reference = &r;
    const std::string group = people(g.group, language);
    const std::string comparator = people(analysis.comparator, language);
    if (analysis.measure == Measure::RatePer1000)
    {
        if (!g.valid)
            return l10n::text(
                language, "calc.rate.none",
                { { "group", group }, { "reason", l10n::text(language, g.warnings.front()) } });
        if (reference && reference != &g && reference->valid)
            return l10n::text(language, "calc.rate.compared",
                              { { "group", group },
                                { "what", what },
                                { "rate", formatRate(g.ratePer1000) },
                                { "comparator_rate", formatRate(reference->ratePer1000) },
                                { "comparator", comparator } });
        return l10n::text(
            language, "calc.rate",
            { { "group", group }, { "what", what }, { "rate", formatRate(g.ratePer1000) } });
    }
    if (!g.valid || !g.ratio)
        return l10n::text(
            language, "calc.ratio.none",
            { { "group", group },
              { "reason", l10n::text(language, g.warnings.empty() ? "calc.no_comparator"
                                                                  : g.warnings.front()) } });
    const bool interval = g.lower && g.upper;
    std::string key = analysis.measure == Measure::RateRatio ? "calc.ratio" : "calc.representation";
    if (interval)
        key += ".interval";
    std::string s = l10n::text(language, key,
                               { { "group", group },
                                 { "ratio", formatRatio(*g.ratio) },
                                 { "comparator", comparator },
                                 { "what", what },
                                 { "lower", interval ? formatRatio(*g.lower) : std::string() },
                                 { "upper", interval ? formatRatio(*g.upper) : std::string() } });
    if (g.relativeStandardError > 0.3)
        s += " " + l10n::text(language, "calc.small");
    return s;
}
} // namespace dueregard::stats
