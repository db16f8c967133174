#include "report/Report.hpp"

#include "engine/Language.hpp"
#include "text/Format.hpp"
#include "text/Unicode.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace dueregard::report
{
namespace
{
nlohmann::json factsJson(const model::DocumentFacts& f)
{
    return { { "words", f.words },   { "characters", f.characters }, { "paragraphs", f.paragraphs },
             { "headings", f.headings }, { "tables", f.tables },     { "table_cells", f.tableCells } };
}

std::string count(std::size_t n) { return text::toUtf8(text::formatCount(n)); }
} // namespace

nlohmann::json sectionsJson(const engine::Assessment& a)
{
    // Sections found by heading, and those Due Regard inserted with what is left to write.
    nlohmann::json out = nlohmann::json::array();
    for (const engine::SectionState& s : a.sections)
    {
        nlohmann::json j = { { "id", s.id }, { "title", s.title }, { "inserted", s.inserted }, { "written", s.written } };
        if (s.inserted)
            j["placeholders"] = s.placeholders;
        out.push_back(std::move(j));
    }
    return out;
}

nlohmann::json assessmentJson(const engine::Assessment& a)
{
    nlohmann::json characteristics = nlohmann::json::object();
    for (const engine::CharacteristicResult& c : a.characteristics)
        characteristics[c.id] = { { "addressed", c.addressed },
                                  { "evidence", c.evidence },
                                  { "impact", engine::impactName(c.impact) },
                                  { "unsupported_no_impact", c.unsupportedNoImpact },
                                  { "mitigation", c.mitigation },
                                  { "listed_only", c.listedOnly },
                                  { "label", c.label },
                                  { "extra_group", c.extra } };
    return { { "characteristics", std::move(characteristics) },
             { "intersectionality", a.intersectionality },
             { "blanket_no_impact", !a.blanketNoImpact.document() },
             { "cumulative", a.cumulative },
             { "engagement", a.engagement },
             { "engagement_internal_only", a.engagementInternalOnly },
             { "engagement_feedback", a.engagementFeedback },
             { "mitigation", a.mitigation },
             { "mitigation_owned", a.mitigationOwned },
             { "monitoring", a.monitoring },
             { "aims", { { "eliminate_discrimination", a.aims[0] },
                         { "advance_equality", a.aims[1] },
                         { "foster_good_relations", a.aims[2] } } },
             { "decision_timing", engine::timingName(a.timing) },
             { "decision_maker", a.decisionMaker },
             { "sections", sectionsJson(a) } };
}

nlohmann::json findingJson(const engine::Finding& f)
{
    nlohmann::json j = { { "id", f.id },
                         { "severity", f.severity },
                         { "area", f.area },
                         { "characteristic", f.characteristic.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.characteristic) },
                         { "block", f.location.document() ? nlohmann::json(nullptr) : nlohmann::json(f.location.block) },
                         { "start", f.location.start },
                         { "end", f.location.end },
                         { "excerpt", f.excerpt },
                         { "message", f.message },
                         { "questions", f.questions },
                         { "basis", f.basis } };
    if (!f.section.empty())
        j["section"] = f.section;
    if (!f.insert.empty())
        j["insert"] = f.insert;
    if (!f.terms.empty())
        j["terms"] = f.terms;
    if (!f.tool.empty())
        j["tool"] = f.tool;
    return j;
}

std::string dumpJson(const nlohmann::json& json, int indent)
{
    return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json toJson(const FileReport& r)
{
    nlohmann::json j = { { "file", r.file } };
    if (r.error)
    {
        j["error"] = *r.error;
        return j;
    }
    j["kind"] = r.result.assessment.kind;
    j["jurisdiction"] = r.result.assessment.jurisdiction;
    j["score"] = r.result.score;
    j["language"] = r.result.language;
    j["assessment"] = assessmentJson(r.result.assessment);
    nlohmann::json findings = nlohmann::json::array();
    for (const engine::Finding& f : r.result.findings)
        findings.push_back(findingJson(f));
    j["findings"] = std::move(findings);
    nlohmann::json dismissed = nlohmann::json::array();
    for (const auto& [f, d] : r.result.dismissed)
    {
        nlohmann::json item = findingJson(f);
        item["reason"] = d.reason;
        item["dismissed_on"] = d.date;
        dismissed.push_back(std::move(item));
    }
    j["dismissed"] = std::move(dismissed);
    j["facts"] = factsJson(r.facts);
    j["audit_trail"] = engine::auditTrailReport(r.auditTrail);
    j["disclaimer"] = kDisclaimer;
    if (r.timings)
        j["timings"] = { { "load_ms", r.timings->loadMs },
                         { "extract_ms", r.timings->extractMs },
                         { "check_ms", r.timings->checkMs } };
    return j;
}

namespace
{
// The trail's latest events, a line each (the JSON report has them all).
void writeTrail(std::ostringstream& out, const FileReport& r)
{
    const std::vector<engine::AuditEvent>& events = r.auditTrail.events;
    if (events.empty())
        return;
    constexpr std::size_t kShown = 10;
    out << "  Audit trail (" << events.size() + r.auditTrail.omitted << " events";
    if (events.size() > kShown)
        out << ", the latest " << kShown;
    out << "):\n";
    for (std::size_t i = events.size() > kShown ? events.size() - kShown : 0; i < events.size(); ++i)
        out << "    " << engine::describe(events[i], engine::characteristicLabel(r.result.assessment, events[i].characteristic)) << '\n';
}
} // namespace

std::string toText(const FileReport& r)
{
    std::ostringstream out;
    out << r.file << '\n';
    if (r.error)
    {
        out << "  error: " << *r.error << '\n';
        return out.str();
    }
    const engine::Assessment& a = r.result.assessment;
    out << "  " << (a.kind == "eia" ? "Equality impact assessment" : "Policy or decision paper") << ", "
        << a.jurisdiction << ": readiness " << r.result.score << "/100\n";
    out << "  Prompts written in " << engine::languageName(r.result.language) << " ("
        << r.result.language << ")\n";
    out << "  " << count(r.facts.words) << " words, " << count(r.facts.paragraphs) << " paragraphs, "
        << count(r.facts.headings) << " headings, " << count(r.facts.tables) << " tables\n";
    out << "  Characteristics:\n";
    for (const engine::CharacteristicResult& c : a.characteristics)
        out << "    " << (c.addressed ? "[x] " : "[ ] ") << c.label
            << (c.addressed ? std::string(" - evidence: ") + (c.evidence ? "yes" : "no") + ", impact: "
                                  + engine::impactName(c.impact) + ", mitigation: " + (c.mitigation ? "yes" : "no")
                            : std::string(c.listedOnly ? " - listed only" : " - not considered"))
            << '\n';
    out << "  Prompts (" << r.result.findings.size() << "):\n";
    for (const engine::Finding& f : r.result.findings)
    {
        out << "    " << f.severity << ": " << f.message;
        if (!f.excerpt.empty())
            out << "  [\"" << text::clipUtf8(f.excerpt, 60) << (f.excerpt.size() > 60 ? "..." : "") << "\"]";
        out << '\n';
        for (const auto& q : f.questions)
            out << "      ? " << q << '\n';
    }
    writeTrail(out, r);
    out << "  " << kDisclaimer << '\n';
    if (r.timings)
        out << "  timings: load " << r.timings->loadMs << " ms, extract " << r.timings->extractMs
            << " ms, check " << r.timings->checkMs << " ms\n";
    return out.str();
}
} // namespace dueregard::report
