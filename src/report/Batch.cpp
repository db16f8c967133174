#include "report/Batch.hpp"

#include "engine/Language.hpp"
#include "text/Format.hpp"
#include "text/Unicode.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace dueregard::report
{
namespace
{
struct Column
{
    std::string id;
    std::string label;
};

// The characteristics and groups met in any report, in the order first met.
std::vector<Column> columns(const std::vector<FileReport>& reports)
{
    std::vector<Column> out;
    for (const FileReport& r : reports)
        if (!r.error)
            for (const engine::CharacteristicResult& c : r.result.assessment.characteristics)
                if (std::none_of(out.begin(), out.end(), [&c](const Column& x) { return x.id == c.id; }))
                    out.push_back({ c.id, c.label });
    return out;
}

const engine::CharacteristicResult* findCharacteristic(const FileReport& r, const std::string& id)
{
    for (const engine::CharacteristicResult& c : r.result.assessment.characteristics)
        if (c.id == id)
            return &c;
    return nullptr;
}

std::array<std::size_t, 3> severities(const FileReport& r)
{
    std::array<std::size_t, 3> n{ 0, 0, 0 };
    for (const engine::Finding& f : r.result.findings)
        ++n[f.severity == "error" ? 0 : f.severity == "warning" ? 1 : 2];
    return n;
}

std::string baseName(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}
} // namespace

std::string characteristicStatus(const engine::CharacteristicResult& c)
{
    if (c.addressed)
        return c.evidence ? "evidenced" : "considered";
    return c.listedOnly ? "listed" : "missing";
}

std::string escapeHtml(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char ch : text)
        switch (ch)
        {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                // Control characters are not allowed in HTML: shown as the replacement character.
                if ((static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7F)
                    out += "\xEF\xBF\xBD";
                else
                    out += ch;
        }
    return out;
}

std::string escapeCsv(const std::string& field)
{
    // A formula-like start is neutralised, so a spreadsheet never runs document text.
    std::string value;
    for (char ch : field) // control characters (a bell, an escape) become spaces
        value += (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7F ? ' ' : ch;
    if (!value.empty()
        && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' || value[0] == '\t' || value[0] == '\r'))
        value = "'" + value;
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char ch : value)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string reportFileName(std::size_t index, const std::string& path)
{
    std::string name = baseName(path);
    const std::size_t dot = name.find_last_of('.');
    if (dot != std::string::npos && dot > 0)
        name.resize(dot);
    std::string safe;
    for (char ch : name)
    {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        if (ok)
            safe += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        else if (!safe.empty() && safe.back() != '-')
            safe += '-';
    }
    while (!safe.empty() && safe.back() == '-')
        safe.pop_back();
    if (safe.empty())
        safe = "document";
    char number[16];
    std::snprintf(number, sizeof number, "%03zu", index + 1);
    return std::string(number) + "-" + safe.substr(0, 60) + ".json";
}

std::string csvSummary(const std::vector<FileReport>& reports)
{
    const std::vector<Column> cols = columns(reports);
    std::ostringstream out;
    out << "file,status,score,kind,jurisdiction,errors,warnings,advice";
    for (const Column& c : cols)
        out << ',' << escapeCsv(c.id);
    out << ",error,language\r\n";
    for (const FileReport& r : reports)
    {
        out << escapeCsv(r.file) << ',';
        if (r.error)
        {
            out << "not checked,,,,,,";
            for (std::size_t i = 0; i < cols.size(); ++i)
                out << ',';
            out << ',' << escapeCsv(*r.error) << ",\r\n";
            continue;
        }
        const auto n = severities(r);
        out << "checked," << r.result.score << ',' << r.result.assessment.kind << ',' << r.result.assessment.jurisdiction << ','
            << n[0] << ',' << n[1] << ',' << n[2];
        for (const Column& c : cols)
        {
            const engine::CharacteristicResult* found = findCharacteristic(r, c.id);
            out << ',' << (found ? characteristicStatus(*found) : std::string("not assessed"));
        }
        out << ",," << escapeCsv(r.result.language) << "\r\n";
    }
    return out.str();
}

std::string htmlReport(const std::vector<FileReport>& reports, const std::string& generatedOn)
{
    const std::vector<Column> cols = columns(reports);
    static const std::map<std::string, std::pair<const char*, const char*>> symbol = {
        { "evidenced", { "&#10003;", "evidenced" } }, { "considered", { "~", "considered, no evidence" } },
        { "listed", { "L", "only listed" } },         { "missing", { "&#10007;", "missing" } },
    };
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Due Regard: equality assessments compared</title>\n<style>\n"
      << "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}"
      << "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:center}"
      << "th{background:#eee}th.sortable{cursor:pointer;text-decoration:underline}td.file{text-align:left}"
      << "td.evidenced{background:#c8e6c9}td.considered{background:#fff3c4}td.listed{background:#ffd8b0}"
      << "td.missing{background:#f8c4c4}td.error{text-align:left;background:#ddd}"
      << ".legend span{display:inline-block;margin-right:1rem}.note{max-width:60rem}"
      << "details{margin:.5rem 0;max-width:60rem}summary{font-weight:bold;cursor:pointer}li{margin:.2rem 0}\n"
      << "</style>\n</head>\n<body>\n<h1>Equality assessments compared</h1>\n"
      << "<p class=\"note\">" << escapeHtml(kDisclaimer) << "</p>\n"
      << "<p>" << reports.size() << " files, checked on " << escapeHtml(generatedOn) << ". Choose <em>Score</em> to sort.</p>\n"
      << "<p class=\"legend\"><span>&#10003; evidenced</span><span>~ considered without evidence</span>"
      << "<span>L only listed</span><span>&#10007; missing</span></p>\n"
      << "<table id=\"heatmap\">\n<thead><tr><th scope=\"col\">File</th>"
      << "<th scope=\"col\" class=\"sortable\" onclick=\"sortByScore()\">Score</th><th scope=\"col\">Kind</th>";
    for (const Column& c : cols)
        h << "<th scope=\"col\">" << escapeHtml(c.label) << "</th>";
    h << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < reports.size(); ++i)
    {
        const FileReport& r = reports[i];
        h << "<tr><td class=\"file\"><a href=\"#file-" << i << "\">" << escapeHtml(baseName(r.file)) << "</a></td>";
        if (r.error)
        {
            h << "<td data-score=\"-1\">&ndash;</td><td>&ndash;</td><td class=\"error\" colspan=\"" << cols.size() << "\">Not checked: "
              << escapeHtml(*r.error) << "</td></tr>\n";
            continue;
        }
        h << "<td data-score=\"" << r.result.score << "\">" << r.result.score << "</td><td>"
          << (r.result.assessment.kind == "eia" ? "EIA" : "policy") << "</td>";
        for (const Column& c : cols)
        {
            const engine::CharacteristicResult* found = findCharacteristic(r, c.id);
            if (!found)
            {
                h << "<td title=\"not assessed\">&ndash;</td>";
                continue;
            }
            const std::string status = characteristicStatus(*found);
            const auto& [mark, words] = symbol.at(status);
            h << "<td class=\"" << status << "\" title=\"" << escapeHtml(c.label) << ": " << words << "\">" << mark << "</td>";
        }
        h << "</tr>\n";
    }
    h << "</tbody>\n</table>\n<h2>Each file</h2>\n";
    for (std::size_t i = 0; i < reports.size(); ++i)
    {
        const FileReport& r = reports[i];
        h << "<details id=\"file-" << i << "\"><summary>" << escapeHtml(baseName(r.file));
        if (r.error)
        {
            h << " (not checked)</summary><p>" << escapeHtml(*r.error) << "</p></details>\n";
            continue;
        }
        const auto n = severities(r);
        h << ": score " << r.result.score << ", " << n[0] << " errors, " << n[1] << " warnings, "
          << n[2] << " advice</summary>\n"
          << "<p>" << escapeHtml(r.file) << " &middot; "
          << escapeHtml(r.result.assessment.kind == "eia" ? "equality assessment"
                                                          : "policy or decision paper")
          << " &middot; " << escapeHtml(r.result.assessment.jurisdiction) << " &middot; prompts in "
          << escapeHtml(engine::languageName(r.result.language)) << " ("
          << escapeHtml(r.result.language) << ")</p>\n<ol>\n";
        // The page is English; prompts in another language say so, for screen readers.
        const std::string lang = r.result.language == engine::kDefaultLanguage
                                     ? std::string()
                                     : " lang=\"" + escapeHtml(r.result.language) + "\"";
        for (const engine::Finding& f : r.result.findings)
        {
            h << "<li><strong>" << escapeHtml(f.severity) << ":</strong> ";
            if (lang.empty())
                h << escapeHtml(f.message);
            else
                h << "<span" << lang << ">" << escapeHtml(f.message) << "</span>";
            if (!f.excerpt.empty())
                h << " <q>" << escapeHtml(f.excerpt) << "</q>";
            if (!f.questions.empty())
            {
                h << "<br>Questions to put to the public body:<ul>";
                for (const std::string& q : f.questions)
                    h << "<li" << lang << ">" << escapeHtml(q) << "</li>";
                h << "</ul>";
            }
            h << "<small>Basis: <span" << lang << ">" << escapeHtml(f.basis)
              << "</span></small></li>\n";
        }
        h << "</ol></details>\n";
    }
    h << "<script>\nfunction sortByScore(){const body=document.querySelector('#heatmap tbody');"
      << "const rows=Array.from(body.rows);const up=body.dataset.order!=='up';"
      << "rows.sort((a,b)=>(up?1:-1)*(Number(a.cells[1].dataset.score)-Number(b.cells[1].dataset.score)));"
      << "rows.forEach(r=>body.appendChild(r));body.dataset.order=up?'up':'down';}\n</script>\n</body>\n</html>\n";
    return h.str();
}
bool crossesThreshold(const FileReport& report, const Thresholds& thresholds)
{
    if (report.error)
        return false;
    if (thresholds.failOn)
        for (const engine::Finding& f : report.result.findings)
            if (f.severity == "error" || (*thresholds.failOn == "warning" && f.severity == "warning"))
                return true;
    return thresholds.minScore && report.result.score < *thresholds.minScore;
}
} // namespace dueregard::report
