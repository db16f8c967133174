#include "stats/Counts.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace dueregard::stats
{
namespace
{
std::string trim(std::string_view s)
{
    auto isSpace = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && isSpace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool isMissing(const std::string& cell)
{
    const std::string c = lower(cell);
    return c.empty() || c == "-" || c == ".." || c == "x" || c == "[c]" || c == "[x]" || c == "[z]" || c == "n/a"
           || c == "na" || c == "*" || c == "\xE2\x80\x93"; // en dash
}

constexpr char kQuote = '\x22'; // the double quote, written so that no line seems to hold a string

// splitLine splits one line at the separator; with commas, double-quoted fields may hold commas
// and doubled quotes.
std::vector<std::string> splitLine(std::string_view line, char separator)
{
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i)
    {
        const char c = line[i];
        if (quoted)
        {
            if (c == kQuote && i + 1 < line.size() && line[i + 1] == kQuote)
            {
                cell += kQuote;
                ++i;
            }
            else if (c == kQuote)
                quoted = false;
            else
                cell += c;
        }
        else if (c == kQuote && trim(cell).empty())
        {
            cell.clear();
            quoted = true;
        }
        else if (c == separator)
        {
            cells.push_back(trim(cell));
            cell.clear();
        }
        else
            cell += c;
    }
    cells.push_back(trim(cell));
    return cells;
}

char separatorOf(const std::vector<std::string_view>& lines)
{
    bool comma = false, semicolon = false;
    for (std::string_view l : lines)
    {
        if (l.find('\t') != std::string_view::npos)
            return '\t';
        comma = comma || l.find(',') != std::string_view::npos;
        semicolon = semicolon || l.find(';') != std::string_view::npos;
    }
    // "Black;3,973;164,174": semicolons separate and commas group thousands.
    return semicolon ? ';' : comma ? ',' : '\t';
}

bool mentions(const std::string& header, std::initializer_list<const char*> words)
{
    const std::string h = lower(header);
    return std::any_of(words.begin(), words.end(), [&h](const char* w) { return h.find(w) != std::string::npos; });
}
} // namespace

std::optional<double> parseNumber(std::string_view raw)
{
    std::string digits;
    const std::string cell = trim(raw);
    for (std::size_t i = 0; i < cell.size(); ++i)
    {
        const unsigned char c = static_cast<unsigned char>(cell[i]);
        if (c == ',' || c == ' ')
            continue;
        if (c == 0xC2 && i + 1 < cell.size() && static_cast<unsigned char>(cell[i + 1]) == 0xA0)
        {
            ++i; // no-break space
            continue;
        }
        if (c == 0xE2 && i + 2 < cell.size() && static_cast<unsigned char>(cell[i + 1]) == 0x80
            && (static_cast<unsigned char>(cell[i + 2]) == 0x89 || static_cast<unsigned char>(cell[i + 2]) == 0xAF))
        {
            i += 2; // thin or narrow no-break space
            continue;
        }
        if (!std::isdigit(c) && c != '.' && !(c == '-' && digits.empty()))
            return std::nullopt;
        digits += static_cast<char>(c);
    }
    if (digits.empty() || digits == "-" || digits == ".")
        return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size())
        return std::nullopt;
    return value;
}

std::optional<l10n::Message> problemIn(const CountsTable& table, const std::string& comparator)
{
    if (!table.problems.empty())
        return table.problems.front();
    const auto usable = std::count_if(table.groups.begin(), table.groups.end(),
                                      [](const GroupCounts& g) { return g.events && g.baseline && *g.baseline > 0; });
    if (usable < 2)
        return l10n::Message("calc.counts.two_groups");
    if (!comparator.empty()
        && std::none_of(table.groups.begin(), table.groups.end(),
                        [&](const GroupCounts& g) { return lower(g.group) == lower(comparator); }))
    {
        std::string names;
        for (const GroupCounts& g : table.groups)
            names += (names.empty() ? "" : ", ") + g.group;
        return l10n::Message("calc.counts.no_group",
                             { { "comparator", comparator }, { "groups", names } });
    }
    return std::nullopt;
}

std::string problemWith(const CountsTable& table, const std::string& comparator,
                        std::string_view language)
{
    const std::optional<l10n::Message> problem = problemIn(table, comparator);
    return problem ? problem->text(language) : std::string();
}

void requireAnalysable(const CountsTable& table, const std::string& comparator)
{
    if (std::optional<l10n::Message> problem = problemIn(table, comparator))
        throw l10n::Error(std::move(*problem));
}

namespace
{
std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();)
    {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// A line's cells. Split before trimming: a leading tab is an empty first cell. A line typed by
// hand with spaces ("Black 3973 164174") has its last two words as the figures.
std::vector<std::string> cellsOf(std::string_view raw, const std::string& line, char separator)
{
    std::vector<std::string> cells = splitLine(raw, separator);
    if (separator != '\t' || cells.size() != 1)
        return cells;
    std::vector<std::string> words;
    for (std::size_t p = 0; p < line.size();)
    {
        const std::size_t q = line.find(' ', p);
        words.push_back(line.substr(p, q == std::string::npos ? std::string::npos : q - p));
        p = q == std::string::npos ? line.size() : q + 1;
    }
    std::erase_if(words, [](const std::string& w) { return w.empty(); });
    if (words.size() < 3)
        return cells;
    std::string name;
    for (std::size_t i = 0; i + 2 < words.size(); ++i)
        name += (i ? " " : "") + words[i];
    return { name, words[words.size() - 2], words.back() };
}

struct Columns
{
    std::size_t group = 0, events = 1, baseline = 2;
    std::size_t count = 3; // cells a line should have (the header's count, once there is one)
};

// A header: find the columns it names, else keep the first three.
void readHeader(const std::vector<std::string>& cells, Columns& c, CountsTable& out)
{
    for (std::size_t i = 1; i < cells.size(); ++i)
    {
        if (mentions(cells[i], { "population", "baseline", "base", "denominator", "previous", "residents", "census" }))
            c.baseline = i;
        else if (mentions(cells[i], { "number", "count", "searche", "stop", "arrest", "charge", "event", "exclu", "outcome",
                                      "decision", "referr", "sanction", "detain" }))
            c.events = i;
    }
    if (c.events == c.baseline)
        c.baseline = c.events + 1;
    c.count = std::max<std::size_t>(cells.size(), 3);
    out.eventsLabel = c.events < cells.size() ? cells[c.events] : "";
    out.baselineLabel = c.baseline < cells.size() ? cells[c.baseline] : "";
}

// A line of figures: a group's counts, or the problem with the line.
void readFigures(const std::vector<std::string>& cells, const Columns& c, char separator,
                 const std::string& line, CountsTable& out)
{
    if (separator == ',' && cells.size() > c.count)
    {
        // "Black,3,973,164,174": thousands separators that split the cells.
        out.problems.push_back(l10n::Message("calc.counts.columns", { { "line", line } }));
        return;
    }
    if (cells.size() <= std::max({ c.group, c.events, c.baseline }))
    {
        out.problems.push_back(l10n::Message("calc.counts.short", { { "line", line } }));
        return;
    }
    GroupCounts g;
    g.group = cells[c.group];
    if (g.group.empty())
    {
        out.problems.push_back(l10n::Message("calc.counts.no_name", { { "line", line } }));
        return;
    }
    bool ok = true;
    for (auto [column, target] : { std::pair{ c.events, &g.events }, std::pair{ c.baseline, &g.baseline } })
    {
        const std::string& cell = cells[column];
        if (isMissing(cell))
            continue;
        if (cell.find('%') != std::string::npos)
        {
            out.problems.push_back(
                l10n::Message("calc.counts.percentage", { { "line", line }, { "cell", cell } }));
            ok = false;
        }
        else if (const auto value = parseNumber(cell); value && *value >= 0)
            *target = *value;
        else
        {
            out.problems.push_back(
                l10n::Message("calc.counts.not_number", { { "line", line }, { "cell", cell } }));
            ok = false;
        }
    }
    if (ok)
        out.groups.push_back(std::move(g));
}
} // namespace

CountsTable parseCounts(std::string_view text)
{
    CountsTable out;
    const std::vector<std::string_view> lines = splitLines(text);
    const char separator = separatorOf(lines);
    Columns columns;
    bool seenData = false;
    for (std::size_t n = 0; n < lines.size(); ++n)
    {
        std::string_view raw = lines[n];
        if (!raw.empty() && raw.back() == '\r')
            raw.remove_suffix(1);
        if (n == 0 && raw.substr(0, 3) == "\xEF\xBB\xBF")
            raw.remove_prefix(3); // a byte-order mark, as Excel writes CSV
        const std::string line = trim(raw);
        if (line.empty())
            continue;
        const std::vector<std::string> cells = cellsOf(raw, line, separator);
        const bool numeric1 = cells.size() > 1 && parseNumber(cells[1]).has_value();
        const bool numeric2 = cells.size() > 2 && parseNumber(cells[2]).has_value();
        if (!seenData && !numeric1 && !numeric2 && cells.size() >= 3)
            readHeader(cells, columns, out);
        else
            readFigures(cells, columns, separator, std::to_string(n + 1), out);
        seenData = true;
    }
    return out;
}
} // namespace dueregard::stats
