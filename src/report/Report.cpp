#include "report/Report.hpp"

#include "engine/Language.hpp"
#include "l10n/Messages.hpp"
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

std::string disclaimer(std::string_view language)
{
    return l10n::text(language, "report.disclaimer");
}

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
    j["disclaimer"] = disclaimer(r.result.language);
    if (r.timings)
        j["timings"] = { { "load_ms", r.timings->loadMs },
                         { "extract_ms", r.timings->extractMs },
                         { "check_ms", r.timings->checkMs } };
    return j;
}

namespace
{
// A machine value ("warning", "not_stated") in words, from the message prefix + value; the value
// as it is where there is no such message.
std::string wordFor(std::string_view language, const std::string& prefix, const std::string& value)
{
    const std::string key = prefix + value;
    return l10n::has(l10n::kEnglish, key) ? l10n::text(language, key) : value;
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// The trail's latest events, a line each (the JSON report has them all).
void writeTrail(std::ostringstream& out, const FileReport& r, std::string_view language)
{
    const std::vector<engine::AuditEvent>& events = r.auditTrail.events;
    if (events.empty())
        return;
    constexpr std::size_t kShown = 10;
    const std::string total = std::to_string(events.size() + r.auditTrail.omitted);
    out << "  "
        << (events.size() > kShown
                ? l10n::text(language, "report.trail.latest",
                             { { "count", total }, { "shown", std::to_string(kShown) } })
                : l10n::text(language, "report.trail", { { "count", total } }))
        << '\n';
    for (std::size_t i = events.size() > kShown ? events.size() - kShown : 0; i < events.size(); ++i)
        out << "    "
            << engine::describe(
                   events[i],
                   engine::characteristicLabel(r.result.assessment, events[i].characteristic),
                   language)
            << '\n';
}
} // namespace

std::string toText(const FileReport& r)
{
    const std::string& language = r.result.language;
    auto say = [&language](std::string_view key, const l10n::Arguments& arguments = {})
    { return l10n::text(language, key, arguments); };
    std::ostringstream out;
    out << r.file << '\n';
    if (r.error)
    {
        out << "  " << say("report.error", { { "error", *r.error } }) << '\n';
        return out.str();
    }
    const engine::Assessment& a = r.result.assessment;
    out << "  "
        << say("report.readiness",
               { { "kind", say(a.kind == "eia" ? "report.kind.eia" : "report.kind.policy") },
                 { "jurisdiction", a.jurisdiction },
                 { "score", std::to_string(r.result.score) } })
        << '\n';
    out << "  "
        << say("report.language",
               { { "language", engine::languageName(language) }, { "tag", language } })
        << '\n';
    out << "  "
        << say("report.facts", { { "words", count(r.facts.words) },
                                 { "paragraphs", count(r.facts.paragraphs) },
                                 { "headings", count(r.facts.headings) },
                                 { "tables", count(r.facts.tables) } })
        << '\n';
    out << "  " << say("report.characteristics") << '\n';
    for (const engine::CharacteristicResult& c : a.characteristics)
        out << "    " << (c.addressed ? "[x] " : "[ ] ") << c.label << " - "
            << (c.addressed
                    ? say("report.addressed",
                          { { "evidence", say(c.evidence ? "report.yes" : "report.no") },
                            { "impact",
                              wordFor(language, "report.impact.", engine::impactName(c.impact)) },
                            { "mitigation", say(c.mitigation ? "report.yes" : "report.no") } })
                    : say(c.listedOnly ? "report.listed_only" : "report.not_considered"))
            << '\n';
    out << "  " << say("report.prompts", { { "count", std::to_string(r.result.findings.size()) } })
        << '\n';
    for (const engine::Finding& f : r.result.findings)
    {
        out << "    " << wordFor(language, "report.severity.", f.severity) << ": " << f.message;
        if (!f.excerpt.empty())
            out << "  [\"" << text::clipUtf8(f.excerpt, 60) << (f.excerpt.size() > 60 ? "..." : "") << "\"]";
        out << '\n';
        for (const auto& q : f.questions)
            out << "      ? " << q << '\n';
    }
    writeTrail(out, r, language);
    out << "  " << disclaimer(language) << '\n';
    if (r.timings)
        out << "  "
            << say("report.timings", { { "load", number(r.timings->loadMs) },
                                       { "extract", number(r.timings->extractMs) },
                                       { "check", number(r.timings->checkMs) } })
            << '\n';
    return out.str();
}
} // namespace dueregard::report
