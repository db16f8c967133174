#include "engine/Layers.hpp"

#include "engine/JsonData.hpp"
#include "engine/Lexicon.hpp"

#include "engine/BuiltinData.hpp"

#include <algorithm>
#include <set>

namespace dueregard::engine
{
using nlohmann::json;

namespace
{
std::vector<std::string> strings(const json& j, const char* key)
{
    return j.contains(key) ? j.at(key).get<std::vector<std::string>>() : std::vector<std::string>{};
}

bool isSeverity(const std::string& s) { return s == "error" || s == "warning" || s == "advice"; }

constexpr const char* kKindKeys[] = { "kind", "fact", "characteristics", "when", "at", "places", "terms", "companions", "requires_terms" };

bool changesKind(const json& r)
{
    return std::any_of(std::begin(kKindKeys), std::end(kKindKeys), [&](const char* k) { return r.contains(k); });
}

std::string firstKindKey(const json& r)
{
    for (const char* k : kKindKeys)
        if (r.contains(k))
            return k;
    return {};
}

std::string kindNames()
{
    std::string out;
    for (RuleKind k : { RuleKind::CharacteristicFact, RuleKind::DocumentFact, RuleKind::Places, RuleKind::TermsRequired,
                        RuleKind::TermsPresent, RuleKind::TermsWithoutCompanion })
        out += (out.empty() ? "" : ", ") + std::string(ruleKindName(k));
    return out;
}
} // namespace

RulePackData layeredRules(const RulePackData& below, const std::string& layerJson,
                          const DataFile& file)
{
    const json layer = parseJson(layerJson, file);
    validateJson(layer, builtin::kRuleLayerSchema, file);
    RulePackData out = below;
    std::size_t index = 0;
    for (const json& r : layer.at("rules"))
    {
        const std::string path = "/rules/" + std::to_string(index++);
        const std::string id = r.at("id").get<std::string>();
        auto it = std::find_if(out.rules.begin(), out.rules.end(), [&](const Rule& x) { return x.id == id; });
        if (it == out.rules.end())
        {
            // A new rule: of a data kind (a check needs code), with its wording.
            for (const char* key : { "severity", "area", "message", "questions", "basis" })
                if (!r.contains(key))
                    throw RuleDataError(
                        file, path,
                        l10n::Message("layer.new_rule_needs",
                                      { { "id", id }, { "key", std::string(key) } }));
            if (!r.contains("kind") && !r.contains("requires_terms"))
                throw RuleDataError(file, path,
                                    l10n::Message("layer.new_rule_needs_kind",
                                                  { { "id", id }, { "kinds", kindNames() } }));
            if (r.value("kind", "") == "check")
                throw RuleDataError(file, path + "/kind",
                                    l10n::Message("layer.no_new_check", { { "id", id } }));
            Rule rule;
            rule.id = id;
            rule.appliesTo = r.value("applies_to", "any");
            readRuleKind(r, rule, file, path);
            out.rules.push_back(std::move(rule));
            it = std::prev(out.rules.end());
        }
        else if (changesKind(r))
        {
            // A rule below this layer keeps its kind; a department's own terms rule can take
            // other terms.
            const std::string key = firstKindKey(r);
            if (!isTermsKind(it->kind) && (key == "requires_terms" || key == "terms"))
                throw RuleDataError(file, path + "/" + key,
                                    l10n::Message("layer.check_terms_fixed", { { "id", id } }));
            if (!isTermsKind(it->kind) || r.contains("kind"))
                throw RuleDataError(file, path + "/" + firstKindKey(r),
                                    l10n::Message("layer.kind_fixed", { { "id", id } }));
            readRuleKind(r, *it, file, path);
        }
        Rule& rule = *it;
        // New English wording makes the other languages' wording of the rule below out of date:
        // until the layer words it in them too, they show its English.
        if (r.contains("message") || r.contains("questions") || r.contains("basis"))
            rule.wordings.clear();
        rule.severity = r.value("severity", rule.severity);
        rule.area = r.value("area", rule.area);
        rule.appliesTo = r.value("applies_to", rule.appliesTo);
        rule.message = r.value("message", rule.message);
        if (r.contains("questions"))
            rule.questions = strings(r, "questions");
        rule.basis = r.value("basis", rule.basis);
        rule.section = r.value("section", rule.section);
        if (const auto wording = r.find("wording"); wording != r.end())
            for (const auto& [language, w] : wording->items())
            {
                Wording words{ w.value("message", rule.message), rule.questions,
                               w.value("basis", rule.basis) };
                if (w.contains("questions"))
                    words.questions = strings(w, "questions");
                if (placeholdersOf(words)
                    != placeholdersOf(Wording{ rule.message, rule.questions, rule.basis }))
                    throw RuleDataError(file, path + "/wording/" + language,
                                        l10n::Message("layer.wording_placeholders",
                                                      { { "language", language }, { "id", id } }));
                rule.wordings[language] = std::move(words);
            }
        if (const auto examples = r.find("examples"); examples != r.end())
        {
            rule.bad.clear();
            rule.good.clear();
            for (const json& e : examples->value("bad", json::array()))
                rule.bad.push_back(exampleFrom(e));
            for (const json& e : examples->value("good", json::array()))
                rule.good.push_back(exampleFrom(e));
        }
        if (!r.value("enabled", true))
            out.rules.erase(it);
    }
    return out;
}

RulePackData withSeverities(RulePackData pack, const std::map<std::string, std::string>& severities,
                            const DataFile& source)
{
    for (const auto& change : severities)
    {
        const std::string& id = change.first;
        const std::string& severity = change.second;
        if (!isSeverity(severity))
            throw RuleDataError(source, id,
                                l10n::Message("layer.not_a_severity", { { "value", severity } }));
        auto it = std::find_if(pack.rules.begin(), pack.rules.end(), [&](const Rule& r) { return r.id == id; });
        if (it == pack.rules.end())
            throw RuleDataError(source, id, l10n::Message("layer.no_rule", { { "id", id } }));
        it->severity = severity;
    }
    return pack;
}

LexiconData layeredGroups(const LexiconData& below, const std::string& layerJson,
                          const DataFile& file, std::map<std::string, std::string>* focus)
{
    const json layer = parseJson(layerJson, file);
    validateJson(layer, builtin::kGroupsSchema, file);
    LexiconData out = below;
    std::size_t index = 0;
    for (const json& g : layer.at("extra_groups"))
    {
        const std::string path = "/extra_groups/" + std::to_string(index++);
        TermGroup group;
        group.id = g.at("id").get<std::string>();
        group.label = g.at("label").get<std::string>();
        group.terms = strings(g, "terms");
        group.exclude = strings(g, "exclude");
        auto same = [&](const TermGroup& x) { return x.id == group.id; };
        if (std::any_of(out.characteristics.begin(), out.characteristics.end(), same)
            || std::any_of(out.extraGroups.begin(), out.extraGroups.end(), same))
            throw RuleDataError(file, path + "/id",
                                l10n::Message("layer.group_exists", { { "id", group.id } }));
        if (focus && g.contains("focus"))
            (*focus)[group.id] = g.at("focus").get<std::string>();
        out.extraGroups.push_back(std::move(group));
    }
    try
    {
        const Lexicon compiled(out); // every term must compile
    }
    catch (const RuleDataError& e)
    {
        // The lexicon counts every extra group; the layer's own start after the ones below.
        std::string path = e.path();
        const std::string prefix = "/extra_groups/";
        if (path.rfind(prefix, 0) == 0)
        {
            const std::size_t end = path.find('/', prefix.size());
            const std::size_t n = std::stoul(path.substr(prefix.size(), end - prefix.size()));
            if (n >= below.extraGroups.size())
                path = prefix + std::to_string(n - below.extraGroups.size()) + (end == std::string::npos ? "" : path.substr(end));
        }
        throw RuleDataError(file, path, e.reasonMessage());
    }
    return out;
}

TemplatesData layeredTemplates(const std::string& layerJson, const DataFile& file)
{
    const json layer = parseJson(layerJson, file);
    if (!layer.is_object())
        throw RuleDataError(file, "", l10n::Message("layer.templates_not_object"));
    for (const auto& [key, value] : layer.items())
        if (key != "$schema" && key != "language" && key != "description" && key != "titles" && key != "skeletons"
            && key != "sections")
            throw RuleDataError(file, "/" + key,
                                l10n::Message("layer.templates_key", { { "key", key } }));
    json merged = json::parse(builtin::kTemplates);
    if (layer.contains("titles"))
        for (const auto& [jurisdiction, title] : layer.at("titles").items())
            merged["titles"][jurisdiction] = title;
    if (layer.contains("skeletons"))
        for (const auto& [jurisdiction, ids] : layer.at("skeletons").items())
            merged["skeletons"][jurisdiction] = ids;
    // A section may carry its words in other languages: "wording": {"cy": {"title", "aliases",
    // "content"}}, the content shaped as the section's own.
    std::vector<std::pair<std::string, json>> wordings; // by section id
    std::set<std::string> replaced;
    if (layer.contains("sections"))
    {
        if (!layer.at("sections").is_array())
            throw RuleDataError(file, "/sections", l10n::Message("layer.sections_not_list"));
        for (json s : layer.at("sections"))
        {
            if (!s.is_object() || !s.contains("id") || !s.at("id").is_string())
                throw RuleDataError(file, "/sections", l10n::Message("layer.section_needs_id"));
            replaced.insert(s.at("id").get<std::string>());
            if (const auto w = s.find("wording"); w != s.end())
            {
                if (!w->is_object())
                    throw RuleDataError(file, "/sections", l10n::Message("layer.section_wording"));
                wordings.emplace_back(s.at("id").get<std::string>(), *w);
                s.erase("wording");
            }
            json& sections = merged["sections"];
            auto it = std::find_if(sections.begin(), sections.end(), [&](const json& x) { return x.at("id") == s.at("id"); });
            if (it != sections.end())
                *it = s;
            else
                sections.push_back(s);
        }
    }
    // Validated as the templates it makes, so a skeleton cannot name a section that is not there.
    TemplatesData data = parseTemplates(merged.dump(), file);
    // The built-in translations, less what the layer changed (shown in its English) unless it
    // gives the words in that language.
    data.translations = builtinTemplatesData().translations;
    for (TemplatesData& t : data.translations)
    {
        if (layer.contains("titles"))
            for (const auto& [jurisdiction, title] : layer.at("titles").items())
                t.titles.erase(jurisdiction);
        std::erase_if(t.sections,
                      [&replaced](const SectionTemplate& x) { return replaced.count(x.id) > 0; });
    }
    for (const auto& [id, byLanguage] : wordings)
        for (const auto& [language, words] : byLanguage.items())
        {
            const std::string path = "/sections/" + id + "/wording/" + language;
            auto t = std::find_if(data.translations.begin(), data.translations.end(),
                                  [&language = language](const TemplatesData& x)
                                  { return x.language == language; });
            if (t == data.translations.end())
                throw RuleDataError(
                    file, path,
                    l10n::Message("layer.no_templates_language", { { "language", language } }));
            // Read as the section would be, so the schema checks it.
            json probe = merged;
            json& section = *std::find_if(probe["sections"].begin(), probe["sections"].end(),
                                          [&id = id](const json& x) { return x.at("id") == id; });
            for (const char* key : { "title", "aliases", "content" })
                if (words.contains(key))
                    section[key] = words.at(key);
            TemplatesData worded;
            try
            {
                worded = parseTemplates(probe.dump(), file);
            }
            catch (const RuleDataError& e)
            {
                throw RuleDataError(file, path, e.reasonMessage());
            }
            const auto same = [&id = id](const SectionTemplate& x) { return x.id == id; };
            const SectionTemplate& english
                = *std::find_if(data.sections.begin(), data.sections.end(), same);
            const SectionTemplate& other
                = *std::find_if(worded.sections.begin(), worded.sections.end(), same);
            requireSameShape(english, other, file, path);
            t->sections.push_back(other);
        }
    try
    {
        const Templates check(data, Lexicon(builtinLexicon()));
    }
    catch (const RuleDataError& e)
    {
        throw RuleDataError(file, e.path(), e.reasonMessage());
    }
    return data;
}
} // namespace dueregard::engine
