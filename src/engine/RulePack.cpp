#include "engine/RulePack.hpp"

#include "engine/BuiltinData.hpp"
#include "engine/JsonData.hpp"
#include "engine/RuleKinds.hpp"
#include "engine/Welsh.hpp"
#include "engine/checks/Checks.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace dueregard::engine
{
namespace
{
std::string english(const DataFile& part)
{
    return std::holds_alternative<l10n::Message>(part)
               ? std::get<l10n::Message>(part).text(l10n::kEnglish)
               : std::get<std::string>(part);
}
} // namespace

RuleDataError::RuleDataError(Part file, std::string path, Part reason)
    : l10n::Error("data.problem",
                  { { "file", file },
                    { "path", path.empty() ? Part(l10n::Message("data.root")) : Part(path) },
                    { "reason", reason } }),
      m_fileMessage(std::move(file)), m_reasonMessage(std::move(reason)),
      m_file(english(m_fileMessage)), m_path(std::move(path)), m_reason(english(m_reasonMessage))
{
}

namespace
{
using nlohmann::json;

std::vector<std::string> strings(const json& j, const char* key)
{
    std::vector<std::string> out;
    if (const auto it = j.find(key); it != j.end())
        for (const auto& s : *it)
            out.push_back(s.get<std::string>());
    return out;
}

TermGroup group(const json& j)
{
    return { j.at("id").get<std::string>(), j.at("label").get<std::string>(), strings(j, "terms"),
             strings(j, "exclude") };
}

// Each term with its mutated forms after it (Welsh.hpp), each once.
std::vector<std::string> mutated(const std::vector<std::string>& terms)
{
    std::vector<std::string> out;
    for (const std::string& term : terms)
        for (std::string& form : welsh::withMutations(term))
            if (std::find(out.begin(), out.end(), form) == out.end())
                out.push_back(std::move(form));
    return out;
}

void expandMutations(LexiconData& data)
{
    for (auto* groups : { &data.characteristics, &data.extraGroups })
        for (TermGroup& g : *groups)
        {
            g.terms = mutated(g.terms);
            g.exclude = mutated(g.exclude);
        }
    for (auto& [name, terms] : data.markers)
        terms = mutated(terms);
}

// The terms of `from` that `to` does not already have, added after its own.
void addTerms(std::vector<std::string>& to, const std::vector<std::string>& from)
{
    for (const std::string& t : from)
        if (std::find(to.begin(), to.end(), t) == to.end())
            to.push_back(t);
}

bool among(const std::vector<std::string_view>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string listOf(const std::vector<std::string_view>& names)
{
    std::string out;
    for (std::string_view n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

// The parameters each kind takes, and those it cannot do without.
struct KindParameters
{
    RuleKind kind;
    std::vector<const char*> takes;
    std::vector<const char*> needs;
};
const std::vector<KindParameters>& kindParameters()
{
    static const std::vector<KindParameters> table{
        { RuleKind::CharacteristicFact, { "fact", "characteristics" }, { "fact" } },
        { RuleKind::DocumentFact, { "when", "at" }, { "when" } },
        { RuleKind::Places, { "places", "when" }, { "places" } },
        { RuleKind::TermsRequired, { "terms", "requires_terms" }, { "terms" } },
        { RuleKind::TermsPresent, { "terms" }, { "terms" } },
        { RuleKind::TermsWithoutCompanion, { "terms", "companions" }, { "terms", "companions" } },
        { RuleKind::Check, {}, {} },
    };
    return table;
}
constexpr const char* kParameters[] = { "fact", "characteristics", "when", "at", "places", "terms", "companions", "requires_terms" };
} // namespace

Example exampleFrom(const json& j)
{
    Example e;
    if (j.is_array())
        e.lines = j.get<std::vector<std::string>>();
    else
    {
        e.lines = j.at("lines").get<std::vector<std::string>>();
        e.characteristic = j.value("characteristic", "");
        e.kind = j.value("kind", "");
        if (j.contains("required_sections"))
            e.requiredSections = j.at("required_sections").get<std::vector<std::string>>();
    }
    return e;
}

void readRuleKind(const json& r, Rule& rule, const DataFile& file, const std::string& path)
{
    if (const auto it = r.find("kind"); it != r.end())
    {
        const auto kind = ruleKindNamed(it->get<std::string>());
        if (!kind)
            throw RuleDataError(
                file, path + "/kind",
                l10n::Message("data.not_a_kind", { { "value", it->get<std::string>() } }));
        rule.kind = *kind;
    }
    else if (r.contains("requires_terms"))
        rule.kind = RuleKind::TermsRequired; // the one kind a layer could add before kinds had names
    const KindParameters& p = *std::find_if(kindParameters().begin(), kindParameters().end(),
                                            [&](const KindParameters& k) { return k.kind == rule.kind; });
    const std::string kindName = ruleKindName(rule.kind);
    for (const char* parameter : kParameters)
        if (r.contains(parameter) && std::find_if(p.takes.begin(), p.takes.end(), [&](const char* t) {
                                         return std::string_view(t) == parameter;
                                     }) == p.takes.end())
            throw RuleDataError(file, path + "/" + parameter,
                                l10n::Message("data.kind_does_not_take",
                                              { { "id", rule.id },
                                                { "kind", kindName },
                                                { "parameter", std::string(parameter) } }));
    if (r.contains("fact"))
        rule.fact = r.at("fact").get<std::string>();
    if (r.contains("characteristics"))
        rule.characteristics = strings(r, "characteristics");
    if (r.contains("when"))
    {
        rule.when.clear();
        for (const auto& [fact, value] : r.at("when").items())
            rule.when.emplace_back(fact, value.get<bool>());
    }
    if (r.contains("at"))
        rule.at = r.at("at").get<std::string>();
    if (r.contains("places"))
        rule.places = r.at("places").get<std::string>();
    if (r.contains("terms"))
        rule.terms = strings(r, "terms");
    if (r.contains("requires_terms"))
        rule.terms = strings(r, "requires_terms");
    if (r.contains("companions"))
        rule.companions = strings(r, "companions");
    // The schema names the facts and places; these say which rule, in words, when it is wrong.
    if (!rule.fact.empty() && !among(characteristicFactNames(), rule.fact))
        throw RuleDataError(file, path + "/fact",
                            l10n::Message("data.not_a_characteristic_fact",
                                          { { "value", rule.fact },
                                            { "choices", listOf(characteristicFactNames()) } }));
    for (const auto& [fact, value] : rule.when)
        if (!among(documentFactNames(), fact))
            throw RuleDataError(
                file, path + "/when",
                l10n::Message("data.not_a_document_fact",
                              { { "value", fact }, { "choices", listOf(documentFactNames()) } }));
    if (!rule.at.empty() && !among(pointNames(), rule.at))
        throw RuleDataError(
            file, path + "/at",
            l10n::Message("data.not_a_place",
                          { { "value", rule.at }, { "choices", listOf(pointNames()) } }));
    if (!rule.places.empty() && !among(placeNames(), rule.places))
        throw RuleDataError(
            file, path + "/places",
            l10n::Message("data.not_a_kind_of_place",
                          { { "value", rule.places }, { "choices", listOf(placeNames()) } }));
    const auto has = [&](std::string_view parameter) {
        return parameter == "fact" ? !rule.fact.empty()
               : parameter == "when" ? !rule.when.empty()
               : parameter == "places" ? !rule.places.empty()
               : parameter == "terms" ? !rule.terms.empty()
               : !rule.companions.empty();
    };
    for (const char* needed : p.needs)
        if (!has(needed))
            throw RuleDataError(
                file, path,
                l10n::Message("data.kind_needs", { { "id", rule.id },
                                                   { "kind", kindName },
                                                   { "parameter", std::string(needed) } }));
    if (rule.kind == RuleKind::Check && !checks::find(rule.id))
        throw RuleDataError(file, path + "/id",
                            l10n::Message("data.no_check", { { "id", rule.id } }));
}

void requireEveryCheck(const RulePackData& pack, const DataFile& file)
{
    for (const checks::Check& c : checks::registered())
    {
        const Rule* rule = pack.find(std::string(c.rule));
        if (!rule || rule->kind != RuleKind::Check)
            throw RuleDataError(
                file, "/rules",
                l10n::Message("data.check_without_rule", { { "id", std::string(c.rule) } }));
    }
}

const Rule* RulePackData::find(const std::string& id) const
{
    for (const Rule& r : rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

LexiconData parseLexicon(const std::string& text, const DataFile& file)
{
    const json j = parseJson(text, file);
    validateJson(j, builtin::kLexiconSchema, file);
    LexiconData data;
    std::set<std::string> ids;
    for (const auto& c : j.at("characteristics"))
        data.characteristics.push_back(group(c));
    if (const auto it = j.find("extra_groups"); it != j.end())
        for (const auto& g : *it)
            data.extraGroups.push_back(group(g));
    for (std::size_t i = 0; i < data.characteristics.size() + data.extraGroups.size(); ++i)
    {
        const std::string& id = i < data.characteristics.size() ? data.characteristics[i].id
                                                                 : data.extraGroups[i - data.characteristics.size()].id;
        if (!ids.insert(id).second)
            throw RuleDataError(file, "", l10n::Message("data.group_twice", { { "id", id } }));
    }
    for (const auto& [name, terms] : j.at("markers").items())
        data.markers[name] = terms.get<std::vector<std::string>>();
    for (const auto& [name, profile] : j.at("jurisdictions").items())
    {
        JurisdictionProfile p{ strings(profile, "characteristics"), strings(profile, "extra_groups") };
        for (const auto& id : p.characteristics)
            if (!ids.count(id))
                throw RuleDataError(file, "/jurisdictions/" + name + "/characteristics",
                                    l10n::Message("data.unknown_group", { { "id", id } }));
        for (const auto& id : p.extraGroups)
            if (!ids.count(id))
                throw RuleDataError(file, "/jurisdictions/" + name + "/extra_groups",
                                    l10n::Message("data.unknown_group", { { "id", id } }));
        data.jurisdictions[name] = std::move(p);
    }
    if (j.value("mutation", "none") == "welsh")
        expandMutations(data);
    return data;
}

void addLanguage(LexiconData& base, const LexiconData& other, const DataFile& file)
{
    auto merge = [&](std::vector<TermGroup>& into, const std::vector<TermGroup>& from,
                     const std::string& path)
    {
        for (std::size_t i = 0; i < from.size(); ++i)
        {
            const TermGroup& g = from[i];
            const auto it = std::find_if(into.begin(), into.end(),
                                         [&](const TermGroup& x) { return x.id == g.id; });
            if (it == into.end())
                throw RuleDataError(file, path + std::to_string(i) + "/id",
                                    l10n::Message("data.no_group_for_terms", { { "id", g.id } }));
            addTerms(it->terms, g.terms);
            addTerms(it->exclude, g.exclude);
            addTerms(base.otherLabels[g.id], { g.label });
        }
    };
    merge(base.characteristics, other.characteristics, "/characteristics/");
    merge(base.extraGroups, other.extraGroups, "/extra_groups/");
    for (const auto& [name, terms] : other.markers)
    {
        const auto it = base.markers.find(name);
        if (it == base.markers.end())
            throw RuleDataError(
                file, "/markers/" + name,
                l10n::Message("data.no_marker_group_for_terms", { { "name", name } }));
        addTerms(it->second, terms);
    }
}

RulePackData parseRulePack(const std::string& text, const DataFile& file)
{
    const json j = parseJson(text, file);
    validateJson(j, builtin::kRulePackSchema, file);
    RulePackData data;
    data.pack = j.at("pack").get<std::string>();
    std::set<std::string> ids;
    std::size_t index = 0;
    for (const auto& r : j.at("rules"))
    {
        Rule rule;
        rule.id = r.at("id").get<std::string>();
        if (!ids.insert(rule.id).second)
            throw RuleDataError(file, "/rules/" + std::to_string(index) + "/id",
                                l10n::Message("data.rule_twice", { { "id", rule.id } }));
        rule.severity = r.at("severity").get<std::string>();
        rule.area = r.at("area").get<std::string>();
        rule.appliesTo = r.value("applies_to", "any");
        rule.message = r.at("message").get<std::string>();
        rule.questions = strings(r, "questions");
        rule.basis = r.at("basis").get<std::string>();
        rule.section = r.value("section", "");
        rule.tool = r.value("tool", "");
        readRuleKind(r, rule, file, "/rules/" + std::to_string(index));
        for (const auto& e : r.at("examples").at("bad"))
            rule.bad.push_back(exampleFrom(e));
        for (const auto& e : r.at("examples").at("good"))
            rule.good.push_back(exampleFrom(e));
        data.rules.push_back(std::move(rule));
        ++index;
    }
    return data;
}

std::vector<std::string> placeholdersOf(const Wording& wording)
{
    std::set<std::string> found;
    const auto scan = [&found](const std::string& text)
    {
        for (std::size_t open = text.find('{'); open != std::string::npos;
             open = text.find('{', open + 1))
        {
            const std::size_t close = text.find('}', open);
            if (close == std::string::npos)
                break;
            found.insert(text.substr(open, close - open + 1));
        }
    };
    scan(wording.message);
    for (const std::string& q : wording.questions)
        scan(q);
    scan(wording.basis);
    return { found.begin(), found.end() };
}

namespace
{
Wording wordingFrom(const json& j, const Rule& rule)
{
    // What a language leaves out stays as the rule has it in English.
    Wording w{ j.value("message", rule.message), rule.questions, j.value("basis", rule.basis) };
    if (j.contains("questions"))
        w.questions = strings(j, "questions");
    return w;
}
} // namespace

void addWording(RulePackData& pack, const std::string& text, const DataFile& file)
{
    const json j = parseJson(text, file);
    validateJson(j, builtin::kWordingSchema, file);
    const std::string language = j.at("language").get<std::string>();
    for (const auto& item : j.at("rules").items())
    {
        const std::string& id = item.key();
        const json& r = item.value();
        const auto it = std::find_if(pack.rules.begin(), pack.rules.end(),
                                     [&id](const Rule& x) { return x.id == id; });
        if (it == pack.rules.end())
            throw RuleDataError(file, "/rules/" + id,
                                l10n::Message("data.no_rule_to_word", { { "id", id } }));
        Wording w = wordingFrom(r, *it);
        const Wording english{ it->message, it->questions, it->basis };
        if (placeholdersOf(w) != placeholdersOf(english))
            throw RuleDataError(file, "/rules/" + id,
                                l10n::Message("data.wording_placeholders", { { "id", id } }));
        if (w.questions.size() != english.questions.size())
            throw RuleDataError(
                file, "/rules/" + id + "/questions",
                l10n::Message(
                    "data.wording_questions",
                    { { "id", id }, { "count", std::to_string(english.questions.size()) } }));
        it->wordings[language] = std::move(w);
    }
    if (const auto v = j.find("values"); v != j.end())
        for (const auto& [english, translated] : v->items())
            pack.values[language][english] = translated.get<std::string>();
}

RulePackData inLanguage(RulePackData pack, const std::string& language)
{
    pack.language = language;
    for (Rule& rule : pack.rules)
        if (const auto it = rule.wordings.find(language); it != rule.wordings.end())
        {
            rule.message = it->second.message;
            rule.questions = it->second.questions;
            rule.basis = it->second.basis;
        }
    return pack;
}

const LexiconData& builtinLexicon()
{
    // English and Welsh are always read together: a bilingual document mixes them, block by block.
    static const LexiconData data = []
    {
        LexiconData english = parseLexicon(builtin::kLexicon, l10n::Message("data.file.lexicon"));
        const DataFile file = l10n::Message("data.file.lexicon_cy");
        addLanguage(english, parseLexicon(builtin::kLexiconWelsh, file), file);
        return english;
    }();
    return data;
}

const RulePackData& builtinRulePack()
{
    static const RulePackData data = []
    {
        const DataFile file = l10n::Message("data.file.core_pack");
        RulePackData pack = parseRulePack(builtin::kCorePack, file);
        requireEveryCheck(pack, file);
        addWording(pack, builtin::kCorePackWelsh, l10n::Message("data.file.core_pack_cy"));
        return pack;
    }();
    return data;
}
} // namespace dueregard::engine
