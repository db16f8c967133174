#include "report/Report.hpp"

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

nlohmann::json toJson(const FileReport& r)
{
    nlohmann::json j = { { "file", r.file } };
    if (r.error)
    {
        j["error"] = *r.error;
        return j;
    }
    j["facts"] = factsJson(r.facts);
    if (r.timings)
        j["timings"] = { { "load_ms", r.timings->loadMs },
                         { "extract_ms", r.timings->extractMs },
                         { "check_ms", r.timings->checkMs } };
    return j;
}

std::string toText(const FileReport& r)
{
    std::ostringstream out;
    out << r.file << '\n';
    if (r.error)
    {
        out << "  error: " << *r.error << '\n';
        return out.str();
    }
    out << "  " << count(r.facts.words) << " words, " << count(r.facts.paragraphs) << " paragraphs, "
        << count(r.facts.headings) << " headings, " << count(r.facts.tables) << " tables\n";
    if (r.timings)
        out << "  timings: load " << r.timings->loadMs << " ms, extract " << r.timings->extractMs
            << " ms, check " << r.timings->checkMs << " ms\n";
    return out.str();
}
} // namespace dueregard::report
