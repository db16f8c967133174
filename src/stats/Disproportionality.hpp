#pragma once
// Disproportionality measures for equality data (criminal justice, service access): rate per
// 1,000, rate ratio (relative rate index) and representation ratio, each with a 95% confidence
// interval by the Katz log method for a ratio of two proportions (Katz et al., Biometrics 1978):
//   SE[ln R] = sqrt(1/a - 1/n1 + 1/c - 1/n0),  95% CI = exp(ln R +/- 1.96 SE)
// plus the warnings a careful analyst would give (small numbers, zero or missing counts, a
// baseline smaller than the count). Plain data in, plain data out.

#include <optional>
#include <string>
#include <vector>

namespace dueregard::stats
{
struct GroupCounts
{
    std::string group;
    std::optional<double> events;   // the number at the decision point (searches, charges...)
    std::optional<double> baseline; // the population, or the number at the previous stage
};

enum class Measure
{
    RateRatio,           // (events/baseline) / (comparator events/comparator baseline)
    RepresentationRatio, // share of all events / share of the whole baseline
};

struct GroupResult
{
    std::string group;
    bool valid = false;          // false when the group's figures cannot give a rate
    double ratePer1000 = 0;
    std::optional<double> ratio; // against the comparator (rate ratio) or the whole (representation)
    std::optional<double> lower, upper; // 95% confidence interval
    bool intervalExcludesOne = false;
    double relativeStandardError = 0; // of the group's rate: 1/sqrt(events)
    std::vector<std::string> warnings;
};

struct Analysis
{
    Measure measure = Measure::RateRatio;
    std::string comparator;
    std::vector<GroupResult> groups;
    std::string method; // a sentence naming the method, for the note under a table
};

// analyse computes every group's figures. comparator names the reference group; if empty,
// "White" when present (any case), else the group with the largest baseline.
Analysis analyse(const std::vector<GroupCounts>& groups, Measure measure, const std::string& comparator = {});

// katzInterval gives the 95% CI of the ratio (a/n1)/(c/n0); nothing when it is undefined.
std::optional<std::pair<double, double>> katzInterval(double a, double n1, double c, double n0);

// sentence describes one group in plain English, e.g. "Black people were 4.8 times as likely as
// White people to be searched (95% CI 4.6 to 4.9)." `outcome` completes "to be ...".
std::string sentence(const Analysis& analysis, const GroupResult& group, const std::string& outcome);
} // namespace dueregard::stats
