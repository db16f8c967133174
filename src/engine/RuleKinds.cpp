#include "engine/RuleKinds.hpp"

#include <algorithm>
#include <array>
#include <type_traits>

namespace dueregard::engine
{
namespace
{
constexpr std::array<std::pair<std::string_view, RuleKind>, 7> kKinds{ {
    { "characteristic_fact", RuleKind::CharacteristicFact },
    { "document_fact", RuleKind::DocumentFact },
    { "places", RuleKind::Places },
    { "terms_required", RuleKind::TermsRequired },
    { "terms_present", RuleKind::TermsPresent },
    { "terms_without_companion", RuleKind::TermsWithoutCompanion },
    { "check", RuleKind::Check },
} };

bool adverse(const CharacteristicResult& c) { return c.impact == Impact::Negative || c.impact == Impact::Mixed; }

// Not considered in substance, and not because of a bare "no impact" for this group (which has
// its own prompt): mentioned nowhere, or only in a list.
bool unconsidered(const CharacteristicResult& c) { return !c.addressed && !(c.unsupportedNoImpact && !c.byBlanketClaim); }

using CharacteristicTest = bool (*)(const CharacteristicResult&);
constexpr std::array<std::pair<std::string_view, CharacteristicTest>, 7> kCharacteristicFacts{ {
    { "not_considered", [](const CharacteristicResult& c) { return unconsidered(c) && !c.listedOnly; } },
    { "listed_only", [](const CharacteristicResult& c) { return unconsidered(c) && c.listedOnly; } },
    { "no_evidence", [](const CharacteristicResult& c) { return c.addressed && !c.evidence && !c.unsupportedNoImpact; } },
    { "no_impact_unsupported", [](const CharacteristicResult& c) { return c.unsupportedNoImpact && (c.addressed || !c.byBlanketClaim); } },
    { "impact_not_stated", [](const CharacteristicResult& c) { return c.addressed && c.impact == Impact::NotStated; } },
    { "adverse_without_mitigation", [](const CharacteristicResult& c) { return c.addressed && adverse(c) && !c.mitigation; } },
    { "aims_beyond_elimination", [](const CharacteristicResult& c) { return c.addressed && c.aimsBeyondA; } },
} };

using DocumentTest = bool (*)(const Assessment&);
constexpr std::array<std::pair<std::string_view, DocumentTest>, 21> kDocumentFacts{ {
    { "blanket_no_impact", [](const Assessment& a) { return !a.blanketNoImpact.document(); } },
    { "any_adverse", [](const Assessment& a) {
          return std::any_of(a.characteristics.begin(), a.characteristics.end(),
                             [](const CharacteristicResult& c) { return c.addressed && adverse(c); });
      } },
    { "justification", [](const Assessment& a) { return a.justification; } },
    { "intersectionality", [](const Assessment& a) { return a.intersectionality; } },
    { "cumulative", [](const Assessment& a) { return a.cumulative; } },
    { "engagement", [](const Assessment& a) { return a.engagement; } },
    { "engagement_internal_only", [](const Assessment& a) { return a.engagementInternalOnly; } },
    { "engagement_feedback", [](const Assessment& a) { return a.engagementFeedback; } },
    { "mitigation", [](const Assessment& a) { return a.mitigation; } },
    { "mitigation_owned", [](const Assessment& a) { return a.mitigationOwned; } },
    { "vague_mitigation", [](const Assessment& a) { return !a.vagueMitigation.empty(); } },
    { "aim_eliminate", [](const Assessment& a) { return a.aims[0]; } },
    { "aim_opportunity", [](const Assessment& a) { return a.aims[1]; } },
    { "aim_relations", [](const Assessment& a) { return a.aims[2]; } },
    { "aims_boilerplate_only", [](const Assessment& a) { return a.aimsBoilerplateOnly; } },
    { "decided_after", [](const Assessment& a) { return a.timing == Timing::After; } },
    { "retrospective", [](const Assessment& a) { return !a.retrospective.empty(); } },
    { "monitoring", [](const Assessment& a) { return a.monitoring; } },
    { "decision_maker", [](const Assessment& a) { return a.decisionMaker; } },
    { "technology_without_bias_testing", [](const Assessment& a) { return a.technologyWithoutBiasTesting; } },
    { "equality_section", [](const Assessment& a) { return a.equalitySection; } },
} };

using PointOf = Location (*)(const Assessment&);
constexpr std::array<std::pair<std::string_view, PointOf>, 3> kPoints{ {
    { "blanket_no_impact", [](const Assessment& a) { return a.blanketNoImpact; } },
    { "internal_engagement", [](const Assessment& a) { return a.internalEngagement; } },
    { "technology", [](const Assessment& a) { return a.technology; } },
} };

std::vector<Place> plain(const std::vector<Location>& where)
{
    std::vector<Place> out;
    out.reserve(where.size());
    for (const Location& l : where)
        out.push_back({ l, {} });
    return out;
}

std::vector<Place> valued(const std::vector<std::pair<Location, std::string>>& where, const char* key)
{
    std::vector<Place> out;
    out.reserve(where.size());
    for (const auto& [l, value] : where)
        out.push_back({ l, { { key, value } } });
    return out;
}

using PlacesOf = std::vector<Place> (*)(const Assessment&);
constexpr std::array<std::pair<std::string_view, PlacesOf>, 8> kPlaces{ {
    { "vague_mitigation", [](const Assessment& a) { return plain(a.vagueMitigation); } },
    { "retrospective", [](const Assessment& a) { return plain(a.retrospective); } },
    { "data_gaps_without_plan", [](const Assessment& a) { return plain(a.dataGapsWithoutPlan); } },
    { "unquantified_disproportion", [](const Assessment& a) { return plain(a.disproportionClaims); } },
    { "incomplete_figures", [](const Assessment& a) { return valued(a.incompleteFigures, "missing"); } },
    { "mantras", [](const Assessment& a) { return plain(a.mantras); } },
    { "equal_treatment", [](const Assessment& a) { return plain(a.equalTreatment); } },
    { "outdated_terms", [](const Assessment& a) { return valued(a.outdatedTerms, "term"); } },
} };

template <typename Table>
std::vector<std::string_view> namesOf(const Table& table)
{
    std::vector<std::string_view> names;
    names.reserve(table.size());
    for (const auto& entry : table)
        names.push_back(entry.first);
    return names;
}

template <typename Table>
auto lookup(const Table& table, std::string_view name) -> std::remove_cvref_t<decltype(table[0].second)>
{
    for (const auto& entry : table)
        if (entry.first == name)
            return entry.second;
    return nullptr;
}
} // namespace

std::optional<RuleKind> ruleKindNamed(std::string_view name)
{
    for (const auto& [n, kind] : kKinds)
        if (n == name)
            return kind;
    return std::nullopt;
}

const char* ruleKindName(RuleKind kind)
{
    for (const auto& [n, k] : kKinds)
        if (k == kind)
            return n.data();
    return "";
}

bool isTermsKind(RuleKind kind)
{
    return kind == RuleKind::TermsRequired || kind == RuleKind::TermsPresent || kind == RuleKind::TermsWithoutCompanion;
}

const std::vector<std::string_view>& characteristicFactNames()
{
    static const auto names = namesOf(kCharacteristicFacts);
    return names;
}
const std::vector<std::string_view>& documentFactNames()
{
    static const auto names = namesOf(kDocumentFacts);
    return names;
}
const std::vector<std::string_view>& placeNames()
{
    static const auto names = namesOf(kPlaces);
    return names;
}
const std::vector<std::string_view>& pointNames()
{
    static const auto names = namesOf(kPoints);
    return names;
}

bool characteristicFact(std::string_view fact, const CharacteristicResult& c, Location& where)
{
    const CharacteristicTest test = lookup(kCharacteristicFacts, fact);
    if (!test || !test(c))
        return false;
    // A prompt about the whole of a characteristic that is not considered points at the
    // document; one about a bare "no impact" at the claim; the others at where it is discussed.
    if (fact == "not_considered" || fact == "listed_only")
        where = Location{};
    else if (fact == "no_impact_unsupported" && !c.noImpactAt.document())
        where = c.noImpactAt;
    else
        where = c.where;
    return true;
}

bool documentFact(std::string_view fact, const Assessment& a)
{
    const DocumentTest test = lookup(kDocumentFacts, fact);
    return test && test(a);
}

Location point(std::string_view name, const Assessment& a)
{
    const PointOf of = lookup(kPoints, name);
    return of ? of(a) : Location{};
}

std::vector<Place> places(std::string_view name, const Assessment& a)
{
    const PlacesOf of = lookup(kPlaces, name);
    return of ? of(a) : std::vector<Place>{};
}
} // namespace dueregard::engine
