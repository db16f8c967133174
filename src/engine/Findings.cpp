#include "engine/Findings.hpp"

#include "text/Unicode.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace dueregard::engine
{
namespace
{
std::string lowerFirst(const std::string& s)
{
    std::string out;
    for (char c : s)
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to)
{
    for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

int severityRank(const std::string& s) { return s == "error" ? 0 : s == "warning" ? 1 : 2; }

class Emitter
{
public:
    Emitter(const Assessment& a, const model::Document& d, const RulePackData& p, const std::set<std::string>& disabled)
        : m_a(a), m_doc(d), m_pack(p), m_disabled(disabled)
    {
    }

    void emit(const std::string& id, const Location& where, const std::string& characteristic = {},
              const std::map<std::string, std::string>& values = {}, const std::string& insert = {})
    {
        // A rule often fires many times in a row (a prompt in every paragraph): look it up once.
        if (id != m_lastId)
        {
            m_lastId = id;
            m_lastRule = m_pack.find(id);
            if (m_lastRule && (m_disabled.count(id) || (m_lastRule->appliesTo != "any" && m_lastRule->appliesTo != m_a.kind)))
                m_lastRule = nullptr;
        }
        const Rule* rule = m_lastRule;
        if (!rule)
            return;
        Finding f;
        f.id = id;
        f.severity = rule->severity;
        f.area = rule->area;
        f.characteristic = characteristic;
        f.location = where;
        f.basis = rule->basis;
        f.section = rule->section;
        f.tool = rule->tool;
        f.insert = insert;
        auto fill = [&](std::string s) {
            for (const auto& [key, value] : values)
                s = replaceAll(s, "{" + key + "}", value);
            return s;
        };
        f.message = values.empty() ? rule->message : fill(rule->message);
        f.questions.reserve(rule->questions.size());
        for (const auto& q : rule->questions)
            f.questions.push_back(values.empty() ? q : fill(q));
        if (!where.document() && static_cast<std::size_t>(where.block) < m_doc.blocks.size())
        {
            const std::u16string& text = m_doc.blocks[static_cast<std::size_t>(where.block)].text;
            const std::size_t start = std::min<std::size_t>(where.start, text.size());
            const std::size_t end = std::min<std::size_t>(std::max<std::size_t>(where.end, start), text.size());
            std::u16string excerpt = text.substr(start, std::min<std::size_t>(end - start, 160));
            f.excerpt = text::toUtf8(excerpt);
        }
        m_out.push_back(std::move(f));
    }

    std::vector<Finding> take()
    {
        // Sorted by their keys, then moved once each into place (a finding is a dozen strings).
        std::vector<std::tuple<int, int, std::uint32_t, std::size_t>> order;
        order.reserve(m_out.size());
        for (std::size_t i = 0; i < m_out.size(); ++i)
            order.emplace_back(severityRank(m_out[i].severity), m_out[i].location.block, m_out[i].location.start, i);
        std::sort(order.begin(), order.end()); // the index last: equal keys keep their order
        std::vector<Finding> sorted;
        sorted.reserve(m_out.size());
        for (const auto& key : order)
            sorted.push_back(std::move(m_out[std::get<3>(key)]));
        return sorted;
    }

private:
    const Assessment& m_a;
    const model::Document& m_doc;
    const RulePackData& m_pack;
    const std::set<std::string>& m_disabled;
    std::vector<Finding> m_out;
    std::string m_lastId;
    const Rule* m_lastRule = nullptr;
};
} // namespace

std::vector<Finding> findingsFor(const Assessment& a, const model::Document& doc, const RulePackData& pack,
                                 const std::set<std::string>& disabled)
{
    Emitter e(a, doc, pack, disabled);
    const Location document;
    bool anyNegative = false;
    for (const CharacteristicResult& c : a.characteristics)
    {
        const std::map<std::string, std::string> v = { { "characteristic", c.label },
                                                         { "characteristic_lower", lowerFirst(c.label) } };
        if (!c.addressed)
        {
            // A bare "No impact" for the group is the more useful prompt; a blanket claim has its own.
            if (c.unsupportedNoImpact && !c.byBlanketClaim)
                e.emit("impact.no-impact-unsupported", c.noImpactAt.document() ? c.where : c.noImpactAt, c.id, v);
            else
                e.emit(c.listedOnly ? "coverage.listed-only" : "coverage.characteristic-missing", document, c.id, v);
            continue;
        }
        if (!c.evidence && !c.unsupportedNoImpact)
            e.emit("evidence.characteristic-no-evidence", c.where, c.id, v);
        if (c.unsupportedNoImpact)
            e.emit("impact.no-impact-unsupported", c.noImpactAt.document() ? c.where : c.noImpactAt, c.id, v);
        if (c.impact == Impact::NotStated)
            e.emit("impact.not-stated", c.where, c.id, v);
        if ((c.impact == Impact::Negative || c.impact == Impact::Mixed))
        {
            anyNegative = true;
            if (!c.mitigation)
                e.emit("mitigation.negative-without-mitigation", c.where, c.id, v);
        }
        if (c.id == "marriage_civil_partnership" && c.aimsBeyondA)
            e.emit("aims.marriage-misapplied", c.where, c.id, v);
    }
    if (!a.blanketNoImpact.document())
        e.emit("impact.blanket-no-impact", a.blanketNoImpact);
    if (anyNegative && !a.justification)
        e.emit("justification.adverse-without-justification", document);
    if (!a.intersectionality)
        e.emit("intersectionality.missing", document);
    if (!a.cumulative)
        e.emit("intersectionality.cumulative-missing", document);
    if (a.engagementInternalOnly)
        e.emit("engagement.internal-only", a.internalEngagement);
    else if (!a.engagement)
        e.emit("engagement.missing", document);
    else if (!a.engagementFeedback)
        e.emit("engagement.no-feedback-loop", document);
    if (!a.mitigationOwned)
    {
        for (const Location& l : a.vagueMitigation)
            e.emit("mitigation.vague", l);
        if (a.mitigation && a.vagueMitigation.empty())
            e.emit("mitigation.unowned", document);
    }
    static const char* const aimNames[3] = { "eliminate discrimination, harassment and victimisation",
                                             "advance equality of opportunity",
                                             "foster good relations" };
    for (int i = 0; i < 3; ++i)
        if (!a.aims[i])
            e.emit("aims.missing", document, {}, { { "aim", aimNames[i] } });
    if (a.aimsBoilerplateOnly)
        e.emit("aims.boilerplate-only", document);
    for (const Location& l : a.retrospective)
        e.emit("timing.retrospective", l);
    if (a.timing == Timing::After && a.retrospective.empty())
        e.emit("timing.after-decision", document);
    if (!a.monitoring)
        e.emit("monitoring.missing", document);
    if (!a.decisionMaker)
        e.emit("decision.no-decision-maker", document);
    for (const Location& l : a.dataGapsWithoutPlan)
        e.emit("data.gap-without-plan", l);
    if (a.technologyWithoutBiasTesting)
        e.emit("technology.no-bias-testing", a.technology);
    for (const Location& l : a.disproportionClaims)
        e.emit("disproportionality.unquantified", l);
    for (const auto& [where, missing] : a.incompleteFigures)
        e.emit("disproportionality.incomplete", where, {}, { { "missing", missing } });
    for (const Location& l : a.mantras)
        e.emit("boilerplate.mantra", l);
    for (const Location& l : a.equalTreatment)
        e.emit("impact.applies-equally", l);
    for (const auto& [l, term] : a.outdatedTerms)
        e.emit("terminology.outdated", l, {}, { { "term", term } });
    if (a.kind == "policy" && !a.equalitySection)
        e.emit("policy.no-equality-section", document);
    for (const auto& [id, title] : a.requiredMissing)
        e.emit("sections.required-missing", document, {}, { { "section", title } }, id);
    for (const std::string& id : a.termsMissing)
        e.emit(id, document);
    for (const SectionState& s : a.sections)
    {
        if (!s.inserted)
            continue;
        const Location heading{ static_cast<int>(s.block), 0,
                                static_cast<std::uint32_t>(doc.blocks[s.block].text.size()) };
        const std::map<std::string, std::string> v = { { "section", s.title },
                                                         { "count", std::to_string(s.placeholders) },
                                                         { "placeholders", s.placeholders == 1 ? "placeholder" : "placeholders" } };
        if (!s.written)
            e.emit("sections.not-written", heading, {}, v);
        else if (s.placeholders > 0)
            e.emit("sections.placeholders-left", heading, {}, v);
    }
    return e.take();
}

namespace
{
constexpr double kRelevantShare = 0.75; // the share of groups that earns full coverage credit
constexpr double kBlanketPenalty = 10;  // points off for a blanket "no impact on any group"
} // namespace

int readinessScore(const Assessment& a)
{
    if (a.kind == "policy")
    {
        // A policy paper needs to record its equality considerations and point to an assessment.
        double s = a.equalitySection ? 60 : 0;
        const auto discussed = std::count_if(a.characteristics.begin(), a.characteristics.end(),
                                             [](const CharacteristicResult& c) { return c.addressed; });
        s += std::min<double>(40, 10.0 * static_cast<double>(discussed));
        return static_cast<int>(std::lround(std::min(100.0, s)));
    }
    // Half the score: each characteristic and enabled group, considered in substance.
    double coverage = 0;
    for (const CharacteristicResult& c : a.characteristics)
    {
        double part = 0;
        if (c.addressed)
        {
            part += 0.4;
            part += c.evidence ? 0.3 : 0;
            part += (c.impact != Impact::NotStated && !c.unsupportedNoImpact) ? 0.2 : 0;
            const bool needsMitigation = c.impact == Impact::Negative || c.impact == Impact::Mixed;
            part += (!needsMitigation || c.mitigation) ? 0.1 : 0;
        }
        coverage += part;
    }
    // Full coverage credit comes at three quarters of the groups: a proportionate assessment
    // may rightly concentrate on the groups its proposal is relevant to (docs/scoring.md).
    const double groups = static_cast<double>(std::max<std::size_t>(1, a.characteristics.size()));
    double score = 50.0 * std::min(1.0, coverage / (kRelevantShare * groups));
    // The other half: the process the courts and regulators look for.
    score += a.engagement ? 8 : (a.engagementInternalOnly ? 2 : 0);
    score += a.engagementFeedback ? 2 : 0;
    score += a.mitigationOwned ? 8 : (a.mitigation ? 4 : 0);
    score += a.monitoring ? 8 : 0;
    for (bool aim : a.aims)
        score += aim ? 3 : 0;
    score += a.intersectionality ? 5 : 0;
    score += a.cumulative ? 2 : 0;
    score += a.decisionMaker ? 5 : 0;
    score += a.timing == Timing::Before ? 3 : (a.timing == Timing::Unknown ? 1.5 : 0);
    // One sentence saying that no group is affected stands in for analysis: the weakness
    // Brown and Bridges describe.
    if (!a.blanketNoImpact.document())
        score -= kBlanketPenalty;
    return static_cast<int>(std::lround(std::clamp(score, 0.0, 100.0)));
}
} // namespace dueregard::engine
