#pragma once
// Disproportionality measures for equality data (criminal justice, service access): rate per
// 1,000, rate ratio (relative rate index) and representation ratio, each with a 95% confidence
// interval by the Katz log method for a ratio of two proportions (Katz et al., Biometrics 1978):
//   SE[ln R] = sqrt(1/a - 1/n1 + 1/c - 1/n0),  95% CI = exp(ln R +/- 1.96 SE)
// plus the warnings a careful analyst would give (small numbers, zero or missing counts, a
// baseline smaller than the count). Plain data in, plain data out.

#include <optional>
#include <string>
#include <string_view>
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
    RatePer1000,         // rates side by side; ratios as for RateRatio, sentences give the rates
};

// measureId is "ratio", "representation" or "rate" (the command's measure=); parseMeasure reads
// one back, nothing for anything else.
std::string measureId(Measure measure);
std::optional<Measure> parseMeasure(const std::string& id);

struct GroupResult
{
    std::string group;
    std::optional<double> events, baseline; // as given
    bool valid = false;          // false when the group's figures cannot give a rate
    double ratePer1000 = 0;
    std::optional<double> ratio; // against the comparator (rate ratio) or the whole (representation)
    std::optional<double> lower, upper; // 95% confidence interval
    bool intervalExcludesOne = false;
    double relativeStandardError = 0; // of the group's rate: 1/sqrt(events)
    // What a careful analyst would add, as message keys ("calc.warning.small"): worded in a
    // language with l10n::text(language, key).
    std::vector<std::string> warnings;
};

struct Analysis
{
    Measure measure = Measure::RateRatio;
    std::string comparator;
    std::vector<GroupResult> groups;
};

// method is a sentence naming the analysis's method, for the note under a table, in `language`.
std::string method(const Analysis& analysis, std::string_view language);

// analyse computes every group's figures. comparator names the reference group; if empty,
// "White" when present (any case), else the group with the largest baseline.
Analysis analyse(const std::vector<GroupCounts>& groups, Measure measure, const std::string& comparator = {});

// katzInterval gives the 95% CI of the ratio (a/n1)/(c/n0); nothing when it is undefined.
std::optional<std::pair<double, double>> katzInterval(double a, double n1, double c, double n0);

// sentence describes one group in plain words in `language` (en-GB or cy; l10n calc.*), e.g.
// "Black people were 4.75 times as likely as White people to be searched (95% CI 4.57 to
// 4.92)." `outcome` completes "to be ..."; where it is empty, kOutcomeSlot stands in its place
// (the document inserts a field for the user to fill).
inline constexpr char kOutcomeSlot = '\x01';
std::string sentence(const Analysis& analysis, const GroupResult& group, const std::string& outcome,
                     std::string_view language);

// describes says whether the analysis has a sentence for this group (not the comparator of a
// rate ratio, which is what the others are compared with).
bool describes(const Analysis& analysis, const GroupResult& group);

// Numbers as the tables and sentences show them (en-GB, ICU): counts with thousands separators,
// rates to one decimal place (more when small), ratios to two (one from 10).
std::string formatCount(double value);
std::string formatRate(double ratePer1000);
std::string formatRatio(double ratio);
} // namespace dueregard::stats
