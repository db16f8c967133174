#include "engine/Templates.hpp"

#include "engine/Jurisdictions.hpp"

#include "engine/BuiltinData.hpp"
#include "engine/JsonData.hpp"
#include "engine/Tokenizer.hpp"
#include "text/Unicode.hpp"

#include <algorithm>

namespace dueregard::engine
{
namespace
{
using nlohmann::json;

std::set<std::string> stringSet(const json& j, const char* key)
{
    std::set<std::string> out;
    if (const auto it = j.find(key); it != j.end())
        for (const auto& s : *it)
            out.insert(s.get<std::string>());
    return out;
}

std::vector<TemplateItem> items(const json& content)
{
    std::vector<TemplateItem> out;
    for (const auto& i : content)
    {
        TemplateItem item;
        item.text = i.value("text", "");
        if (const auto t = i.find("table"); t != i.end())
        {
            item.header = t->at("header").get<std::vector<std::string>>();
            item.rows = t->at("rows").get<std::vector<std::vector<std::string>>>();
        }
        item.subsections = i.value("subsections", "");
        item.only = stringSet(i, "only");
        item.notIn = stringSet(i, "not");
        out.push_back(std::move(item));
    }
    return out;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to)
{
    for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

std::string lowerFirst(std::string s)
{
    // "Sex" -> "sex", but "Welsh language" keeps its capital: a proper noun starts it.
    static const std::set<std::string> proper = { "Welsh language" };
    if (!s.empty() && !proper.count(s) && s[0] >= 'A' && s[0] <= 'Z')
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

bool applies(const std::set<std::string>& only, const std::set<std::string>& notIn, const std::string& jurisdiction)
{
    return (only.empty() || only.count(jurisdiction)) && !notIn.count(jurisdiction);
}

} // namespace

std::string groupSection(std::string_view group) { return "impact-" + std::string(group); }

std::optional<std::string> groupOfSection(std::string_view section)
{
    constexpr std::string_view prefix = "impact-";
    if (section.substr(0, prefix.size()) != prefix)
        return std::nullopt;
    return std::string(section.substr(prefix.size()));
}

std::vector<Run> parseRuns(const std::string& text)
{
    std::vector<Run> runs;
    std::size_t pos = 0;
    while (pos < text.size())
    {
        const std::size_t open = text.find("[[", pos);
        const std::size_t close = open == std::string::npos ? std::string::npos : text.find("]]", open);
        if (close == std::string::npos)
        {
            runs.push_back({ text.substr(pos), false, {} });
            break;
        }
        if (open > pos)
            runs.push_back({ text.substr(pos, open - pos), false, {} });
        const std::string inner = text.substr(open + 2, close - open - 2);
        const std::size_t bar = inner.find('|');
        runs.push_back({ inner.substr(0, bar), true, bar == std::string::npos ? std::string() : inner.substr(bar + 1) });
        pos = close + 2;
    }
    return runs;
}

std::size_t Plan::placeholders() const
{
    std::size_t n = 0;
    auto count = [&n](const std::vector<Run>& runs) {
        n += static_cast<std::size_t>(std::count_if(runs.begin(), runs.end(), [](const Run& r) { return r.placeholder; }));
    };
    for (const PlanBlock& b : blocks)
    {
        count(b.runs);
        for (const auto& row : b.rows)
            for (const auto& cell : row)
                count(cell);
    }
    return n;
}

TemplatesData parseTemplates(const std::string& text, const std::string& file)
{
    const json j = parseJson(text, file);
    validateJson(j, builtin::kTemplatesSchema, file);
    TemplatesData data;
    data.titles = j.at("titles").get<std::map<std::string, std::string>>();
    data.skeletons = j.at("skeletons").get<std::map<std::string, std::vector<std::string>>>();
    data.groupTitle = j.at("group_section").at("title").get<std::string>();
    data.groupContent = items(j.at("group_section").at("content"));
    data.groupFocus = j.at("groups").get<std::map<std::string, std::string>>();
    data.defaultExtraGroups = j.at("default_extra_groups").get<std::vector<std::string>>();
    std::set<std::string> ids;
    std::size_t index = 0;
    for (const auto& s : j.at("sections"))
    {
        SectionTemplate t;
        t.id = s.at("id").get<std::string>();
        if (!ids.insert(t.id).second || groupOfSection(t.id))
            throw RuleDataError(file, "/sections/" + std::to_string(index) + "/id",
                                "the section id '" + t.id + "' is used twice or clashes with a group section");
        t.title = s.at("title").get<std::string>();
        if (const auto a = s.find("aliases"); a != s.end())
            t.aliases = a->get<std::vector<std::string>>();
        t.order = s.at("order").get<double>();
        t.only = stringSet(s, "only");
        t.kinds = stringSet(s, "kinds");
        t.content = items(s.at("content"));
        data.sections.push_back(std::move(t));
        ++index;
    }
    return data;
}

const TemplatesData& builtinTemplatesData()
{
    static const TemplatesData data = parseTemplates(builtin::kTemplates, "built-in templates (rules/templates/en-GB.json)");
    return data;
}

const Templates& builtinTemplates()
{
    static const Lexicon lexicon(builtinLexicon());
    static const Templates templates(builtinTemplatesData(), lexicon);
    return templates;
}

Templates::Templates(TemplatesData data, const Lexicon& lexicon)
    : m_data(std::move(data))
    , m_lexicon(lexicon)
{
    for (const Jurisdiction& nation : jurisdictions())
    {
        const std::string j(nation.id);
        if (!m_data.titles.count(j) || !m_data.skeletons.count(j))
            throw RuleDataError("templates", std::string("/skeletons/") + j, "no skeleton for this jurisdiction");
        for (const std::string& id : m_data.skeletons.at(j))
            if (!has(id))
                throw RuleDataError("templates", std::string("/skeletons/") + j, "unknown section '" + id + "'");
    }
    std::vector<std::string> all;
    for (const GroupInfo& g : m_lexicon.groups())
        all.push_back(g.id);
    // What each section inserts, in every jurisdiction, in the form a block is compared in.
    m_all = sections("");
    for (const SectionInfo& info : m_all)
    {
        m_bookmarks[bookmarkFor(info.id)] = info.id;
        std::set<std::u16string>& fixed = m_fixed[info.id];
        for (const Jurisdiction& nation : jurisdictions())
        {
            const std::optional<Plan> p = plan(info.id, std::string(nation.id), all);
            if (!p)
                continue;
            auto add = [&fixed, this](const std::vector<Run>& runs, bool heading) {
                std::string t;
                for (const Run& r : runs)
                {
                    t += r.placeholder ? std::string(" ") : r.text;
                    if (r.placeholder)
                        m_placeholderTexts.insert(r.text);
                }
                fixed.insert(normalise(text::fromUtf8(t), heading));
            };
            for (const PlanBlock& b : p->blocks)
            {
                add(b.runs, b.kind == PlanBlock::Kind::Heading);
                for (const auto& row : b.rows)
                    for (const auto& cell : row)
                        add(cell, false);
            }
        }
        if (const SectionTemplate* t = find(info.id))
        {
            std::vector<std::u16string>& aliases = m_aliases[info.id];
            // Aliases keep their words ("Section 75 screening"); headings are compared with and
            // without their numbering.
            aliases.push_back(normalise(text::fromUtf8(t->title), false));
            for (const std::string& a : t->aliases)
                aliases.push_back(normalise(text::fromUtf8(a), false));
        }
    }
}

const SectionTemplate* Templates::find(const std::string& id) const
{
    for (const SectionTemplate& t : m_data.sections)
        if (t.id == id)
            return &t;
    return nullptr;
}

bool Templates::has(const std::string& id) const
{
    if (const auto group = groupOfSection(id))
        return m_lexicon.groupIndex(*group) >= 0;
    return find(id) != nullptr;
}

std::vector<SectionInfo> Templates::sections(const std::string& jurisdiction) const
{
    std::vector<SectionInfo> out;
    for (const SectionTemplate& t : m_data.sections)
    {
        if (!jurisdiction.empty() && !applies(t.only, {}, jurisdiction))
            continue;
        out.push_back({ t.id, t.title, t.order, {} });
        // Each group's section follows the section that holds it.
        for (const TemplateItem& item : t.content)
        {
            if (item.subsections.empty())
                continue;
            const bool extra = item.subsections == "extra";
            int n = 0;
            for (const GroupInfo& g : m_lexicon.groups())
            {
                if (g.extra != extra)
                    continue;
                out.push_back({ groupSection(g.id), g.label, t.order + 0.01 * ++n, g.id });
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const SectionInfo& a, const SectionInfo& b) { return a.order < b.order; });
    return out;
}

const std::vector<std::string>& Templates::skeleton(const std::string& jurisdiction) const
{
    const auto it = m_data.skeletons.find(jurisdiction);
    return it != m_data.skeletons.end() ? it->second : m_data.skeletons.at("england");
}

std::string Templates::title(const std::string& jurisdiction) const
{
    const auto it = m_data.titles.find(jurisdiction);
    return it != m_data.titles.end() ? it->second : m_data.titles.at("england");
}

double Templates::order(const std::string& id) const
{
    if (const auto group = groupOfSection(id))
    {
        const int g = m_lexicon.groupIndex(*group);
        if (g < 0)
            return 1e9;
        const bool extra = m_lexicon.groups()[static_cast<std::size_t>(g)].extra;
        const SectionTemplate* parent = find(extra ? "additional-groups" : "impact");
        return (parent ? parent->order : 6) + 0.001 * (g + 1);
    }
    const SectionTemplate* t = find(id);
    return t ? t->order : 1e9;
}

std::string Templates::titleOf(const std::string& id) const
{
    if (const auto group = groupOfSection(id))
    {
        const int g = m_lexicon.groupIndex(*group);
        return g < 0 ? id : replaceAll(m_data.groupTitle, "{label}", m_lexicon.groups()[static_cast<std::size_t>(g)].label);
    }
    const SectionTemplate* t = find(id);
    return t ? t->title : id;
}

std::string Templates::bookmarkFor(const std::string& id)
{
    std::string name = "DueRegard_" + id;
    std::replace(name.begin(), name.end(), '-', '_');
    return name.substr(0, 40);
}

std::optional<std::string> Templates::sectionForBookmark(const std::string& name) const
{
    // Writer adds a number to a copied bookmark ("DueRegard_monitoring1"); Word may too.
    std::string base = name;
    while (!base.empty() && base.back() >= '0' && base.back() <= '9' && !m_bookmarks.count(base))
        base.pop_back();
    const auto it = m_bookmarks.find(base);
    if (it == m_bookmarks.end())
        return std::nullopt;
    return it->second;
}

std::u16string Templates::normalise(std::u16string_view text, bool heading)
{
    std::u16string folded = Tokenizer::fold(text);
    std::u16string out;
    bool space = true;
    for (char16_t c : folded)
    {
        const bool isSpace = c == u' ' || c == u'\t' || c == u'\u00a0' || c == u'\u2002' || c == u'\u2003';
        if (isSpace)
        {
            if (!space)
                out += u' ';
            space = true;
            continue;
        }
        out += c;
        space = false;
    }
    while (!out.empty() && out.back() == u' ')
        out.pop_back();
    if (heading)
    {
        // "6.2 ", "Section 3: ", "Part 2 - ", "B) " before the words of a heading.
        auto skipWord = [&out](const std::u16string& word) {
            if (out.rfind(word + u" ", 0) == 0)
            {
                std::size_t i = word.size() + 1;
                std::size_t digits = i;
                while (digits < out.size() && ((out[digits] >= u'0' && out[digits] <= u'9') || out[digits] == u'.'))
                    ++digits;
                if (digits > i)
                    out.erase(0, digits);
            }
        };
        skipWord(u"section");
        skipWord(u"part");
        skipWord(u"step");
        skipWord(u"stage");
        std::size_t i = 0;
        while (i < out.size() && ((out[i] >= u'0' && out[i] <= u'9') || out[i] == u'.'))
            ++i;
        if (i == 0 && out.size() > 2 && out[0] >= u'a' && out[0] <= u'z' && (out[1] == u')' || out[1] == u'.') && out[2] == u' ')
            i = 2;
        if (i > 0)
        {
            while (i < out.size() && (out[i] == u' ' || out[i] == u':' || out[i] == u')' || out[i] == u'-'
                                      || out[i] == u'\u2013' || out[i] == u'\u2014'))
                ++i;
            out.erase(0, i);
        }
        else
            while (!out.empty() && (out[0] == u':' || out[0] == u' ' || out[0] == u'-' || out[0] == u'\u2013'))
                out.erase(0, 1);
        while (!out.empty() && (out.back() == u':' || out.back() == u'.'))
            out.pop_back();
    }
    return out;
}

bool Templates::matchesHeading(const std::string& id, const std::u16string& folded) const
{
    const auto it = m_aliases.find(id);
    if (it == m_aliases.end() || folded.empty())
        return false;
    for (const std::u16string& alias : it->second)
    {
        if (folded == alias)
            return true;
        // "Monitoring and review arrangements", "Evidence used": the alias and a few more words.
        if (folded.size() > alias.size() && folded.rfind(alias, 0) == 0 && folded[alias.size()] == u' ')
        {
            const auto extraWords = std::count(folded.begin() + static_cast<std::ptrdiff_t>(alias.size()), folded.end(), u' ');
            if (extraWords <= 2)
                return true;
        }
    }
    return false;
}

bool Templates::isFixedText(const std::string& id, const std::u16string& normalised) const
{
    const auto it = m_fixed.find(id);
    return it != m_fixed.end() && it->second.count(normalised) > 0;
}

std::optional<Plan> Templates::plan(const std::string& id, const std::string& jurisdiction,
                                    const std::vector<std::string>& groups) const
{
    Plan p;
    p.id = id;
    if (const auto group = groupOfSection(id))
    {
        const int g = m_lexicon.groupIndex(*group);
        if (g < 0)
            return std::nullopt;
        addGroupSection(p, m_lexicon.groups()[static_cast<std::size_t>(g)], jurisdiction, groups, 0);
        p.title = p.blocks.front().runs.front().text;
        return p;
    }
    const SectionTemplate* t = find(id);
    if (!t)
        return std::nullopt;
    p.title = t->title;
    PlanBlock heading;
    heading.kind = PlanBlock::Kind::Heading;
    heading.level = 0;
    heading.runs = { { t->title, false, {} } };
    heading.section = t->id;
    heading.bookmark = bookmarkFor(t->id);
    p.blocks.push_back(std::move(heading));
    expandItems(p, t->content, jurisdiction, groups, 0, nullptr);
    return p;
}

void Templates::addGroupSection(Plan& p, const GroupInfo& group, const std::string& jurisdiction,
                                const std::vector<std::string>& groups, int level) const
{
    PlanBlock heading;
    heading.kind = PlanBlock::Kind::Heading;
    heading.level = level;
    heading.runs = { { replaceAll(m_data.groupTitle, "{label}", group.label), false, {} } };
    heading.section = groupSection(group.id);
    heading.bookmark = bookmarkFor(heading.section);
    p.blocks.push_back(std::move(heading));
    expandItems(p, m_data.groupContent, jurisdiction, groups, level, &group);
}

void Templates::expandItems(Plan& p, const std::vector<TemplateItem>& content, const std::string& jurisdiction,
                            const std::vector<std::string>& groups, int level, const GroupInfo* group) const
{
    auto fill = [&](const std::string& s) {
        if (!group)
            return parseRuns(s);
        const auto focus = m_data.groupFocus.find(group->id);
        std::string t = replaceAll(s, "{label}", group->label);
        t = replaceAll(t, "{label_lower}", lowerFirst(group->label));
        t = replaceAll(t, "{focus}", focus != m_data.groupFocus.end() ? focus->second : "how the proposal affects them");
        return parseRuns(t);
    };
    for (const TemplateItem& item : content)
    {
        if (!applies(item.only, item.notIn, jurisdiction))
            continue;
        if (!item.subsections.empty())
        {
            const bool extra = item.subsections == "extra";
            std::vector<std::string> chosen;
            for (const std::string& id : groups)
            {
                const int g = m_lexicon.groupIndex(id);
                if (g >= 0 && m_lexicon.groups()[static_cast<std::size_t>(g)].extra == extra)
                    chosen.push_back(id);
            }
            // With no extra group enabled, offer the ones public bodies most often add.
            if (extra && chosen.empty())
                chosen = m_data.defaultExtraGroups;
            for (const std::string& id : chosen)
            {
                const int g = m_lexicon.groupIndex(id);
                if (g >= 0 && m_lexicon.groups()[static_cast<std::size_t>(g)].extra == extra)
                    addGroupSection(p, m_lexicon.groups()[static_cast<std::size_t>(g)], jurisdiction, groups, level + 1);
            }
            continue;
        }
        PlanBlock b;
        b.level = level;
        if (item.isTable())
        {
            b.kind = PlanBlock::Kind::Table;
            std::vector<std::vector<Run>> header;
            header.reserve(item.header.size());
            for (const std::string& h : item.header)
                header.push_back(fill(h));
            b.rows.push_back(std::move(header));
            for (const auto& row : item.rows)
            {
                std::vector<std::vector<Run>> cells;
                cells.reserve(std::max(row.size(), item.header.size()));
                for (const std::string& c : row)
                    cells.push_back(fill(c));
                cells.resize(item.header.size());
                b.rows.push_back(std::move(cells));
            }
        }
        else
            b.runs = fill(item.text);
        p.blocks.push_back(std::move(b));
    }
}
} // namespace dueregard::engine
