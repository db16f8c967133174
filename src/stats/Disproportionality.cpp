#include "stats/Disproportionality.hpp"

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

std::string people(const std::string& group)
{
    const std::string g = lower(group);
    if (g.find("people") != std::string::npos || g.find("residents") != std::string::npos)
        return group;
    return group + " people";
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
    out.method = measure != Measure::RepresentationRatio
                     ? "Rates are per 1,000 of the baseline. Ratios compare each group's rate with the comparator's; "
                       "95% confidence intervals use the Katz log method for a ratio of two proportions."
                     : "The representation ratio is a group's share of the events divided by its share of the "
                       "baseline; 95% confidence intervals use the Katz log method.";

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
            r.warnings.push_back("a count or baseline is missing");
            out.groups.push_back(std::move(r));
            continue;
        }
        const double a = *g.events, n = *g.baseline;
        if (a < 0 || n <= 0)
        {
            r.warnings.push_back(n <= 0 ? "the baseline is zero" : "the count is negative");
            out.groups.push_back(std::move(r));
            continue;
        }
        if (a > n)
            r.warnings.push_back("the baseline is smaller than the count: check that they cover the same people");
        r.valid = true;
        r.ratePer1000 = 1000.0 * a / n;
        if (a == 0)
            r.warnings.push_back("there are no events, so no ratio or interval can be given");
        else
        {
            r.relativeStandardError = 1 / std::sqrt(a);
            if (r.relativeStandardError > 0.5)
                r.warnings.push_back("very small numbers: the rate is very unstable (relative standard error over 50%)");
            else if (r.relativeStandardError > 0.3)
                r.warnings.push_back("small numbers: the rate is unstable (relative standard error over 30%)");
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

std::string sentence(const Analysis& analysis, const GroupResult& g, const std::string& outcome)
{
    const std::string what = outcome.empty() ? std::string(1, kOutcomeSlot) : outcome;
    const GroupResult* reference = nullptr;
    for (const GroupResult& r : analysis.groups)
        if (lower(r.group) == lower(analysis.comparator))
            reference = &r;
    if (analysis.measure == Measure::RatePer1000)
    {
        if (!g.valid)
            return people(g.group) + ": no rate can be given (" + g.warnings.front() + ").";
        std::string s = people(g.group) + " were " + what + " at a rate of " + formatRate(g.ratePer1000) + " per 1,000";
        if (reference && reference != &g && reference->valid)
            s += ", compared with " + formatRate(reference->ratePer1000) + " per 1,000 for " + people(analysis.comparator);
        return s + ".";
    }
    if (!g.valid || !g.ratio)
        return people(g.group) + ": no ratio can be given (" + (g.warnings.empty() ? "no comparator" : g.warnings.front()) + ").";
    const double ratio = *g.ratio;
    std::string s;
    if (analysis.measure == Measure::RateRatio)
        s = people(g.group) + " were " + formatRatio(ratio) + " times as likely as " + people(analysis.comparator) + " to be "
            + what;
    else
        s = people(g.group) + " were " + formatRatio(ratio) + " times as represented among those " + what
            + " as in the baseline";
    if (g.lower && g.upper)
        s += " (95% CI " + formatRatio(*g.lower) + " to " + formatRatio(*g.upper) + ")";
    s += ".";
    if (g.relativeStandardError > 0.3)
        s += " The numbers are small, so treat this with caution.";
    return s;
}
} // namespace dueregard::stats
