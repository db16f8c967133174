#include "engine/Findings.hpp"

#include "engine/RuleKinds.hpp"
#include "engine/checks/Checks.hpp"
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

// The words a language puts into placeholders, by their English (RulePackData::values); a list
// the engine made in English ("the period or the area") is put into words part by part, with the
// language's list words (", " and " or "). What has no translation stays as it is, and so does a
// quotation from the document ({term}).
class ValueWords
{
public:
    explicit ValueWords(const RulePackData& pack)
    {
        if (const auto it = pack.values.find(pack.language); it != pack.values.end())
            m_words = &it->second;
    }

    std::string operator()(const std::string& value) const
    {
        if (!m_words)
            return value;
        if (const auto it = m_words->find(value); it != m_words->end())
            return it->second;
        // A list: at each place the longest value we have a word for, then ", " or " or ".
        std::string out;
        for (std::size_t from = 0; from < value.size();)
        {
            const std::string* best = nullptr;
            for (const auto& [english, translated] : *m_words)
            {
                const std::size_t end = from + english.size();
                if (end > value.size())
                    continue;
                const bool ends = end == value.size() || value.compare(end, 2, ", ") == 0
                                  || value.compare(end, 4, " or ") == 0;
                if (english != ", " && english != " or " && ends
                    && value.compare(from, english.size(), english) == 0
                    && (!best || english.size() > best->size()))
                    best = &english;
            }
            if (!best)
                return value; // not a list of words we have
            out += m_words->at(*best);
            from += best->size();
            if (from < value.size())
            {
                const std::string join = value.compare(from, 2, ", ") == 0 ? ", " : " or ";
                const auto word = m_words->find(join);
                out += word == m_words->end() ? join : word->second;
                from += join.size();
            }
        }
        return out;
    }

    std::map<std::string, std::string> all(std::map<std::string, std::string> values) const
    {
        if (m_words)
            for (auto& [key, value] : values)
                if (key != "term")
                    value = (*this)(value);
        return values;
    }

private:
    const std::map<std::string, std::string>* m_words = nullptr;
};

int severityRank(const std::string& s) { return s == "error" ? 0 : s == "warning" ? 1 : 2; }

class Emitter
{
public:
    explicit Emitter(const model::Document& d) : m_doc(d) {}

    void emit(const Rule& rule, const Location& where, const std::string& characteristic = {},
              const std::map<std::string, std::string>& values = {}, const std::string& insert = {})
    {
        Finding f;
        f.id = rule.id;
        f.severity = rule.severity;
        f.area = rule.area;
        f.characteristic = characteristic;
        f.location = where;
        f.basis = rule.basis;
        f.section = rule.section;
        f.tool = rule.tool;
        f.insert = insert;
        auto fill = [&](std::string s) {
            for (const auto& [key, value] : values)
                s = replaceAll(s, "{" + key + "}", value);
            return s;
        };
        f.message = values.empty() ? rule.message : fill(rule.message);
        f.questions.reserve(rule.questions.size());
        for (const auto& q : rule.questions)
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
    const model::Document& m_doc;
    std::vector<Finding> m_out;
};

bool allHold(const std::vector<std::pair<std::string, bool>>& when, const Assessment& a)
{
    return std::all_of(when.begin(), when.end(), [&](const auto& w) { return documentFact(w.first, a) == w.second; });
}

// A rule that is not about one characteristic, by its kind.
void fireDocumentRule(const Rule& rule, const Assessment& a, const model::Document& doc, Emitter& e,
                      const ValueWords& words)
{
    switch (rule.kind)
    {
    case RuleKind::DocumentFact:
        if (allHold(rule.when, a))
            e.emit(rule, rule.at.empty() ? Location{} : point(rule.at, a));
        break;
    case RuleKind::Places:
        if (allHold(rule.when, a))
            for (const Place& p : places(rule.places, a))
                e.emit(rule, p.where, {}, words.all(p.values));
        break;
    case RuleKind::TermsRequired:
    case RuleKind::TermsPresent:
    case RuleKind::TermsWithoutCompanion:
        for (const auto& [id, where] : a.termFindings)
            if (id == rule.id)
                e.emit(rule, where);
        break;
    case RuleKind::Check:
        if (const checks::Check* check = checks::find(rule.id))
            check->run({ a, doc },
                       [&](const Location& where, const std::map<std::string, std::string>& values,
                           const std::string& insert)
                       { e.emit(rule, where, {}, words.all(values), insert); });
        break;
    case RuleKind::CharacteristicFact:
        break;
    }
}
} // namespace

std::vector<Finding> findingsFor(const Assessment& a, const model::Document& doc, const RulePackData& pack,
                                 const std::set<std::string>& disabled)
{
    // The rules that apply to this document, in the pack's order: that order is the findings'
    // order where severity and place are equal.
    std::vector<const Rule*> perCharacteristic, others;
    for (const Rule& r : pack.rules)
        if (!disabled.count(r.id) && (r.appliesTo == "any" || r.appliesTo == a.kind))
            (r.kind == RuleKind::CharacteristicFact ? perCharacteristic : others).push_back(&r);
    Emitter e(doc);
    const ValueWords words(pack);
    for (const CharacteristicResult& c : a.characteristics)
    {
        const std::string label = words(c.label);
        // In Welsh only the first letter: "y Gymraeg" keeps its capital.
        std::string lower = label;
        if (pack.language != "en-GB" && !lower.empty() && lower[0] >= 'A' && lower[0] <= 'Z')
            lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
        const std::map<std::string, std::string> v
            = { { "characteristic", label },
                { "characteristic_lower", pack.language == "en-GB" ? lowerFirst(label) : lower } };
        for (const Rule* r : perCharacteristic)
        {
            Location where;
            if ((r->characteristics.empty()
                 || std::find(r->characteristics.begin(), r->characteristics.end(), c.id) != r->characteristics.end())
                && characteristicFact(r->fact, c, where))
                e.emit(*r, where, c.id, v);
        }
    }
    for (const Rule* r : others)
        fireDocumentRule(*r, a, doc, e, words);
    return e.take();
}

std::string valueIn(const RulePackData& pack, const std::string& value)
{
    return ValueWords(pack)(value);
}

bool samePrompt(const Finding& a, const Finding& b)
{
    return a.id == b.id && a.characteristic == b.characteristic && a.excerpt == b.excerpt;
}

std::vector<Finding> onlyIn(const std::vector<Finding>& list, const std::vector<Finding>& other)
{
    std::vector<Finding> out;
    for (const Finding& f : list)
        if (std::none_of(other.begin(), other.end(), [&](const Finding& g) { return samePrompt(f, g); }))
            out.push_back(f);
    return out;
}

std::vector<std::string> sectionsToPropose(const std::vector<Finding>& findings, const Templates& templates)
{
    std::vector<std::string> wanted;
    for (const Finding& f : findings)
        if (!f.insert.empty() && std::find(wanted.begin(), wanted.end(), f.insert) == wanted.end())
            wanted.push_back(f.insert);
    std::stable_sort(wanted.begin(), wanted.end(),
                     [&templates](const std::string& a, const std::string& b) { return templates.order(a) < templates.order(b); });
    return wanted;
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
