#include "report/Batch.hpp"

#include "engine/Language.hpp"
#include "l10n/Messages.hpp"
#include "text/Format.hpp"
#include "text/Unicode.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <utility>

namespace dueregard::report
{
namespace
{
constexpr char kQuote = '\x22'; // the double quote, written so that no line seems to hold a string

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

// The page's language: the one every checked report's prompts are in, else en-GB.
std::string pageLanguage(const std::vector<FileReport>& reports)
{
    std::string language;
    for (const FileReport& r : reports)
        if (!r.error)
        {
            if (!language.empty() && language != r.result.language)
                return std::string(l10n::kEnglish);
            language = r.result.language;
        }
    return language.empty() ? std::string(l10n::kEnglish) : l10n::supportedLanguage(language);
}

// A value to put in a message as HTML: text (escaped) or markup (as it is).
struct HtmlValue
{
    HtmlValue(std::string_view valueName, std::string valueText, bool isMarkup = false)
        : name(valueName), value(std::move(valueText)), markup(isMarkup)
    {
    }
    std::string_view name;
    std::string value;
    bool markup;
};

// A message as HTML: its words and its text values escaped, its markup values as they are.
std::string html(std::string_view language, std::string_view key,
                 const std::vector<HtmlValue>& values = {})
{
    constexpr char kSlot = '\x01';
    l10n::Arguments slots;
    for (std::size_t i = 0; i < values.size(); ++i)
        slots.emplace_back(values[i].name, std::string{ kSlot, static_cast<char>('0' + i) });
    const std::string text = l10n::text(language, key, slots);
    std::string out, words;
    for (std::size_t i = 0; i < text.size(); ++i)
    {
        const std::size_t n
            = i + 1 < text.size() ? static_cast<std::size_t>(text[i + 1] - '0') : values.size();
        if (text[i] != kSlot || n >= values.size())
        {
            words += text[i];
            continue;
        }
        out += escapeHtml(words)
               + (values[n].markup ? values[n].value : escapeHtml(values[n].value));
        words.clear();
        ++i;
    }
    return out + escapeHtml(words);
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
            case kQuote: out += "&quot;"; break;
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
        out += ch == kQuote ? std::string(2, kQuote) : std::string(1, ch);
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
            out << "not checked,,,,,,"; // l10n: not shown (CSV fields are a contract)
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
            // l10n: not shown { CSV fields are a contract
            out << ',' << (found ? characteristicStatus(*found) : std::string("not assessed"));
            // l10n: }
        }
        out << ",," << escapeCsv(r.result.language) << "\r\n";
    }
    return out.str();
}

std::string htmlReport(const std::vector<FileReport>& reports, const std::string& generatedOn)
{
    const std::vector<Column> cols = columns(reports);
    const std::string language = pageLanguage(reports);
    auto say = [&language](std::string_view key, const std::vector<HtmlValue>& values = {})
    { return html(language, key, values); };
    // l10n: not shown { the marks a status is drawn with
    static const std::map<std::string, const char*> symbol = {
        { "evidenced", "&#10003;" },
        { "considered", "~" },
        { "listed", "L" },
        { "missing", "&#10007;" },
    };
    // l10n: }
    std::ostringstream h;
    // l10n: not shown { markup, the style sheet and the script: the page's words are say()'s
    h << "<!DOCTYPE html>\n<html lang=\"" << escapeHtml(language)
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << say("report.html.title") << "</title>\n<style>\n"
      << "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}"
      << "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #999;padding:.3rem "
         ".5rem;text-align:center}"
      << "th{background:#eee}th.sortable{cursor:pointer;text-decoration:underline}td.file{text-"
         "align:left}"
      << "td.evidenced{background:#c8e6c9}td.considered{background:#fff3c4}td.listed{background:#"
         "ffd8b0}"
      << "td.missing{background:#f8c4c4}td.error{text-align:left;background:#ddd}"
      << ".legend span{display:inline-block;margin-right:1rem}.note{max-width:60rem}"
      << "details{margin:.5rem "
         "0;max-width:60rem}summary{font-weight:bold;cursor:pointer}li{margin:.2rem 0}\n"
      << "</style>\n</head>\n<body>\n<h1>" << say("report.html.heading") << "</h1>\n"
      << "<p class=\"note\">" << escapeHtml(disclaimer(language)) << "</p>\n"
      << "<p>"
      << say("report.html.checked",
             { { "count", std::to_string(reports.size()) }, { "date", generatedOn } })
      << " "
      << say("report.html.sort", { { "score", "<em>" + say("report.html.score") + "</em>", true } })
      << "</p>\n"
      << "<p class=\"legend\"><span>&#10003; " << say("report.status.evidenced")
      << "</span><span>~ " << say("report.legend.considered") << "</span><span>L "
      << say("report.status.listed") << "</span><span>&#10007; " << say("report.status.missing")
      << "</span></p>\n"
      << "<table id=\"heatmap\">\n<thead><tr><th scope=\"col\">" << say("report.html.file")
      << "</th>"
      << "<th scope=\"col\" class=\"sortable\" onclick=\"sortByScore()\">"
      << say("report.html.score") << "</th><th scope=\"col\">" << say("report.html.kind")
      << "</th>";
    for (const Column& c : cols)
        h << "<th scope=\"col\">" << escapeHtml(c.label) << "</th>";
    h << "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < reports.size(); ++i)
    {
        const FileReport& r = reports[i];
        h << "<tr><td class=\"file\"><a href=\"#file-" << i << "\">" << escapeHtml(baseName(r.file)) << "</a></td>";
        if (r.error)
        {
            h << "<td data-score=\"-1\">&ndash;</td><td>&ndash;</td><td class=\"error\" colspan=\""
              << cols.size() << "\">" << say("report.html.not_checked", { { "error", *r.error } })
              << "</td></tr>\n";
            continue;
        }
        h << "<td data-score=\"" << r.result.score << "\">" << r.result.score << "</td><td>"
          << say(r.result.assessment.kind == "eia" ? "report.html.eia" : "report.html.policy")
          << "</td>";
        for (const Column& c : cols)
        {
            const engine::CharacteristicResult* found = findCharacteristic(r, c.id);
            if (!found)
            {
                h << "<td title=\"" << say("report.status.not_assessed") << "\">&ndash;</td>";
                continue;
            }
            const std::string status = characteristicStatus(*found);
            h << "<td class=\"" << status << "\" title=\"" << escapeHtml(c.label) << ": "
              << say("report.status." + status) << "\">" << symbol.at(status) << "</td>";
        }
        h << "</tr>\n";
    }
    h << "</tbody>\n</table>\n<h2>" << say("report.html.each") << "</h2>\n";
    for (std::size_t i = 0; i < reports.size(); ++i)
    {
        const FileReport& r = reports[i];
        h << "<details id=\"file-" << i << "\"><summary>";
        if (r.error)
        {
            h << say("report.html.unchecked", { { "file", baseName(r.file) } }) << "</summary><p>"
              << escapeHtml(*r.error) << "</p></details>\n";
            continue;
        }
        const auto n = severities(r);
        h << say("report.html.summary", { { "file", baseName(r.file) },
                                          { "score", std::to_string(r.result.score) },
                                          { "errors", std::to_string(n[0]) },
                                          { "warnings", std::to_string(n[1]) },
                                          { "advice", std::to_string(n[2]) } })
          << "</summary>\n"
          << "<p>" << escapeHtml(r.file) << " &middot; "
          << say(r.result.assessment.kind == "eia" ? "readiness.kind.eia" : "readiness.kind.policy")
          << " &middot; " << escapeHtml(r.result.assessment.jurisdiction) << " &middot; "
          << say("report.html.prompts_in",
                 { { "language", engine::languageName(r.result.language) },
                   { "tag", r.result.language } })
          << "</p>\n<ol>\n";
        // Prompts in another language than the page's say so, for screen readers.
        const std::string lang = l10n::supportedLanguage(r.result.language) == language
                                     ? std::string()
                                     : " lang=\"" + escapeHtml(r.result.language) + "\"";
        for (const engine::Finding& f : r.result.findings)
        {
            const std::string severity = "report.severity." + f.severity;
            h << "<li><strong>"
              << (l10n::has(l10n::kEnglish, severity) ? say(severity) : escapeHtml(f.severity))
              << ":</strong> ";
            if (lang.empty())
                h << escapeHtml(f.message);
            else
                h << "<span" << lang << ">" << escapeHtml(f.message) << "</span>";
            if (!f.excerpt.empty())
                h << " <q>" << escapeHtml(f.excerpt) << "</q>";
            if (!f.questions.empty())
            {
                h << "<br>" << say("report.html.questions") << "<ul>";
                for (const std::string& q : f.questions)
                    h << "<li" << lang << ">" << escapeHtml(q) << "</li>";
                h << "</ul>";
            }
            h << "<small>"
              << say("prompt.basis",
                     { { "basis", "<span" + lang + ">" + escapeHtml(f.basis) + "</span>", true } })
              << "</small></li>\n";
        }
        h << "</ol></details>\n";
    }
    h << "<script>\nfunction sortByScore(){const body=document.querySelector('#heatmap tbody');"
      << "const rows=Array.from(body.rows);const up=body.dataset.order!=='up';"
      << "rows.sort((a,b)=>(up?1:-1)*(Number(a.cells[1].dataset.score)-Number(b.cells[1].dataset.score)));"
      << "rows.forEach(r=>body.appendChild(r));body.dataset.order=up?'up':'down';}\n</script>\n</body>\n</html>\n";
    // l10n: }
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
