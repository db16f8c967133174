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

// Ratios and their intervals to two decimal places, as official statistics give them.
int ratioDecimals(double) { return 2; }

std::string people(const std::string& group)
{
    const std::string g = lower(group);
    if (g.find("people") != std::string::npos || g.find("residents") != std::string::npos)
        return group;
    return group + " people";
}
} // namespace

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
    out.method = measure == Measure::RateRatio
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
        if (measure == Measure::RateRatio)
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

std::string sentence(const Analysis& analysis, const GroupResult& g, const std::string& outcome)
{
    if (!g.valid || !g.ratio)
        return people(g.group) + ": no ratio can be given (" + (g.warnings.empty() ? "no comparator" : g.warnings.front()) + ").";
    const double ratio = *g.ratio;
    std::string s = people(g.group) + " were " + number(ratio, ratioDecimals(ratio)) + " times as likely as ";
    s += analysis.measure == Measure::RateRatio ? people(analysis.comparator) : std::string("their share of the population suggests");
    if (analysis.measure == Measure::RateRatio)
        s += " to be " + outcome;
    else
        s = people(g.group) + " were " + number(ratio, ratioDecimals(ratio)) + " times as represented among those " + outcome
            + " as in the population";
    if (g.lower && g.upper)
        s += " (95% CI " + number(*g.lower, ratioDecimals(*g.lower)) + " to " + number(*g.upper, ratioDecimals(*g.upper)) + ")";
    return s + ".";
}
} // namespace dueregard::stats
