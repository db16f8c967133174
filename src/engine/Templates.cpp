#include "engine/Templates.hpp"

#include "engine/Jurisdictions.hpp"
#include "engine/Language.hpp"

#include "engine/BuiltinData.hpp"
#include "engine/JsonData.hpp"
#include "engine/Tokenizer.hpp"
#include "l10n/Messages.hpp"
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

TemplatesData parseTemplates(const std::string& text, const DataFile& file)
{
    const json j = parseJson(text, file);
    validateJson(j, builtin::kTemplatesSchema, file);
    TemplatesData data;
    data.language = j.at("language").get<std::string>();
    if (const auto labels = j.find("group_labels"); labels != j.end())
        data.groupLabels = labels->get<std::map<std::string, std::string>>();
    data.defaultFocus = j.value("default_focus", "");
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
                                l10n::Message("data.templates.section_twice", { { "id", t.id } }));
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

namespace
{
// What a text must keep in every language: its placeholders, and the group words put into it.
std::string shapeOf(const std::string& text)
{
    const std::vector<Run> runs = parseRuns(text);
    // The number of placeholders, then the group words ("2 {label}").
    std::string shape = std::to_string(
        std::count_if(runs.begin(), runs.end(), [](const Run& r) { return r.placeholder; }));
    for (const char* word : { "{label}", "{label_lower}", "{focus}" })
        if (text.find(word) != std::string::npos)
            shape += std::string(" ") + word;
    return shape;
}

void sameItems(const std::vector<TemplateItem>& english, const std::vector<TemplateItem>& other,
               const DataFile& file, const std::string& path)
{
    auto differ = [&file](const std::string& where, l10n::Message what)
    { throw RuleDataError(file, where, std::move(what)); };
    if (english.size() != other.size())
        differ(path, l10n::Message("data.templates.items_differ"));
    for (std::size_t i = 0; i < english.size(); ++i)
    {
        const TemplateItem& e = english[i];
        const TemplateItem& o = other[i];
        const std::string at = path + "/" + std::to_string(i);
        if (e.subsections != o.subsections || e.only != o.only || e.notIn != o.notIn
            || e.isTable() != o.isTable())
            differ(at, l10n::Message("data.templates.item_kind_differs"));
        if (shapeOf(e.text) != shapeOf(o.text))
            differ(at + "/text",
                   l10n::Message("data.templates.text_differs", { { "shape", shapeOf(o.text) } }));
        if (e.header.size() != o.header.size() || e.rows.size() != o.rows.size())
            differ(at + "/table", l10n::Message("data.templates.table_differs"));
        for (std::size_t c = 0; c < e.header.size(); ++c)
            if (shapeOf(e.header[c]) != shapeOf(o.header[c]))
                differ(at + "/table/header/" + std::to_string(c),
                       l10n::Message("data.templates.placeholders_differ"));
        for (std::size_t r = 0; r < e.rows.size(); ++r)
        {
            if (e.rows[r].size() != o.rows[r].size())
                differ(at + "/table/rows/" + std::to_string(r),
                       l10n::Message("data.templates.cells_differ"));
            for (std::size_t c = 0; c < e.rows[r].size(); ++c)
                if (shapeOf(e.rows[r][c]) != shapeOf(o.rows[r][c]))
                    differ(at + "/table/rows/" + std::to_string(r) + "/" + std::to_string(c),
                           l10n::Message("data.templates.placeholders_differ"));
        }
    }
}

template <typename Map> std::set<std::string> keysOf(const Map& map)
{
    std::set<std::string> keys;
    for (const auto& entry : map)
        keys.insert(entry.first);
    return keys;
}
} // namespace

void requireSameShape(const SectionTemplate& english, const SectionTemplate& other,
                      const DataFile& file, const std::string& path)
{
    sameItems(english.content, other.content, file, path + "/content");
}

void addTemplatesLanguage(TemplatesData& data, const std::string& json, const DataFile& file)
{
    TemplatesData other = parseTemplates(json, file);
    if (other.language == data.language)
        throw RuleDataError(file, "/language", l10n::Message("data.templates.same_language"));
    if (keysOf(other.titles) != keysOf(data.titles))
        throw RuleDataError(file, "/titles", l10n::Message("data.templates.titles_differ"));
    if (other.skeletons != data.skeletons)
        throw RuleDataError(file, "/skeletons", l10n::Message("data.templates.skeletons_differ"));
    if (other.defaultExtraGroups != data.defaultExtraGroups)
        throw RuleDataError(file, "/default_extra_groups",
                            l10n::Message("data.templates.default_groups_differ"));
    if (keysOf(other.groupFocus) != keysOf(data.groupFocus))
        throw RuleDataError(file, "/groups", l10n::Message("data.templates.focus_differs"));
    if (shapeOf(other.groupTitle) != shapeOf(data.groupTitle))
        throw RuleDataError(file, "/group_section/title",
                            l10n::Message("data.templates.group_words_differ"));
    sameItems(data.groupContent, other.groupContent, file, "/group_section/content");
    if (other.sections.size() != data.sections.size())
        throw RuleDataError(file, "/sections", l10n::Message("data.templates.sections_differ"));
    for (std::size_t i = 0; i < data.sections.size(); ++i)
    {
        const SectionTemplate& e = data.sections[i];
        const SectionTemplate& o = other.sections[i];
        const std::string at = "/sections/" + std::to_string(i);
        if (e.id != o.id || e.order != o.order || e.only != o.only || e.kinds != o.kinds)
            throw RuleDataError(
                file, at, l10n::Message("data.templates.section_differs", { { "id", e.id } }));
        sameItems(e.content, o.content, file, at + "/content");
    }
    other.translations.clear();
    data.translations.push_back(std::move(other));
}

TemplatesData templatesInLanguage(const TemplatesData& data, const std::string& language)
{
    const auto t
        = std::find_if(data.translations.begin(), data.translations.end(),
                       [&language](const TemplatesData& x) { return x.language == language; });
    if (language == data.language || t == data.translations.end())
        return data;
    TemplatesData out = data; // the English structure, a department's layers included
    out.language = language;
    for (const auto& [jurisdiction, title] : t->titles)
        out.titles[jurisdiction] = title;
    out.groupTitle = t->groupTitle;
    out.groupContent = t->groupContent;
    for (const auto& [group, focus] : t->groupFocus)
        out.groupFocus[group] = focus;
    for (const auto& [group, label] : t->groupLabels)
        out.groupLabels[group] = label;
    out.defaultFocus = t->defaultFocus;
    for (SectionTemplate& section : out.sections)
        if (const auto it
            = std::find_if(t->sections.begin(), t->sections.end(),
                           [&section](const SectionTemplate& x) { return x.id == section.id; });
            it != t->sections.end())
        {
            section.title = it->title;
            section.aliases = it->aliases;
            section.content = it->content;
        }
    return out;
}

const TemplatesData& builtinTemplatesData()
{
    static const TemplatesData data = []
    {
        TemplatesData english
            = parseTemplates(builtin::kTemplates, l10n::Message("data.file.templates"));
        addTemplatesLanguage(english, builtin::kTemplatesWelsh,
                             l10n::Message("data.file.templates_cy"));
        return english;
    }();
    return data;
}

const Templates& builtinTemplates()
{
    return builtinTemplates("en-GB");
}

const Templates& builtinTemplates(const std::string& language)
{
    static const Lexicon lexicon(builtinLexicon());
    static const Templates english(builtinTemplatesData(), lexicon);
    static const Templates welsh(builtinTemplatesData(), lexicon, "cy");
    return languageOrDefault(language) == "cy" ? welsh : english;
}

Templates::Templates(const TemplatesData& data, const Lexicon& lexicon, const std::string& language)
    : m_data(templatesInLanguage(data, language)), m_lexicon(lexicon)
{
    for (const Jurisdiction& nation : jurisdictions())
    {
        const std::string j(nation.id);
        if (!m_data.titles.count(j) || !m_data.skeletons.count(j))
            throw RuleDataError(l10n::Message("data.file.compiled_templates"),
                                std::string("/skeletons/") + j,
                                l10n::Message("data.templates.no_skeleton"));
        for (const std::string& id : m_data.skeletons.at(j))
            if (!has(id))
                throw RuleDataError(
                    l10n::Message("data.file.compiled_templates"), std::string("/skeletons/") + j,
                    l10n::Message("data.templates.unknown_section", { { "id", id } }));
    }
    std::vector<std::string> all;
    for (const GroupInfo& g : m_lexicon.groups())
        all.push_back(g.id);
    m_all = sections("");
    for (const SectionInfo& info : m_all)
        m_bookmarks[bookmarkFor(info.id)] = info.id;
    // Reading is in every language: what the English inserts, and each translation.
    learn(data, all);
    for (const TemplatesData& t : data.translations)
        learn(templatesInLanguage(data, t.language), all);
}

void Templates::learn(const TemplatesData& data, const std::vector<std::string>& all)
{
    // What each section inserts, in every jurisdiction, in the form a block is compared in.
    for (const SectionInfo& info : m_all)
    {
        std::set<std::u16string>& fixed = m_fixed[info.id];
        for (const Jurisdiction& nation : jurisdictions())
        {
            const std::optional<Plan> p = planIn(data, info.id, std::string(nation.id), all);
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
        if (const SectionTemplate* t = find(data, info.id))
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
    return find(m_data, id);
}

const SectionTemplate* Templates::find(const TemplatesData& data, const std::string& id)
{
    for (const SectionTemplate& t : data.sections)
        if (t.id == id)
            return &t;
    return nullptr;
}

std::string Templates::labelOf(const TemplatesData& data, const GroupInfo& group) const
{
    const auto it = data.groupLabels.find(group.id);
    return it != data.groupLabels.end() ? it->second : group.label;
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
                out.push_back(
                    { groupSection(g.id), labelOf(m_data, g), t.order + 0.01 * ++n, g.id });
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
        return g < 0 ? id
                     : replaceAll(m_data.groupTitle, "{label}",
                                  labelOf(m_data, m_lexicon.groups()[static_cast<std::size_t>(g)]));
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
    return planIn(m_data, id, jurisdiction, groups);
}

std::optional<Plan> Templates::planIn(const TemplatesData& data, const std::string& id,
                                      const std::string& jurisdiction,
                                      const std::vector<std::string>& groups) const
{
    Plan p;
    p.id = id;
    if (const auto group = groupOfSection(id))
    {
        const int g = m_lexicon.groupIndex(*group);
        if (g < 0)
            return std::nullopt;
        addGroupSection(data, p, m_lexicon.groups()[static_cast<std::size_t>(g)], jurisdiction,
                        groups, 0);
        p.title = p.blocks.front().runs.front().text;
        return p;
    }
    const SectionTemplate* t = find(data, id);
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
    expandItems(data, p, t->content, jurisdiction, groups, 0, nullptr);
    return p;
}

void Templates::addGroupSection(const TemplatesData& data, Plan& p, const GroupInfo& group,
                                const std::string& jurisdiction,
                                const std::vector<std::string>& groups, int level) const
{
    PlanBlock heading;
    heading.kind = PlanBlock::Kind::Heading;
    heading.level = level;
    heading.runs = { { replaceAll(data.groupTitle, "{label}", labelOf(data, group)), false, {} } };
    heading.section = groupSection(group.id);
    heading.bookmark = bookmarkFor(heading.section);
    p.blocks.push_back(std::move(heading));
    expandItems(data, p, data.groupContent, jurisdiction, groups, level, &group);
}

void Templates::expandItems(const TemplatesData& data, Plan& p,
                            const std::vector<TemplateItem>& content,
                            const std::string& jurisdiction, const std::vector<std::string>& groups,
                            int level, const GroupInfo* group) const
{
    auto fill = [&](const std::string& s) {
        if (!group)
            return parseRuns(s);
        const auto focus = data.groupFocus.find(group->id);
        const std::string label = labelOf(data, *group);
        std::string t = replaceAll(s, "{label}", label);
        t = replaceAll(t, "{label_lower}", lowerFirst(label));
        const std::string otherwise = data.defaultFocus.empty()
                                          ? l10n::text(data.language, "templates.default_focus")
                                          : data.defaultFocus;
        t = replaceAll(t, "{focus}", focus != data.groupFocus.end() ? focus->second : otherwise);
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
                chosen = data.defaultExtraGroups;
            for (const std::string& id : chosen)
            {
                const int g = m_lexicon.groupIndex(id);
                if (g >= 0 && m_lexicon.groups()[static_cast<std::size_t>(g)].extra == extra)
                    addGroupSection(data, p, m_lexicon.groups()[static_cast<std::size_t>(g)],
                                    jurisdiction, groups, level + 1);
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
