#include "glossary/Glossary.hpp"

#include "engine/BuiltinData.hpp"
#include "engine/JsonData.hpp"
#include "l10n/Messages.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <set>

namespace dueregard::glossary
{
namespace
{
using nlohmann::json;

std::vector<std::string> strings(const json& j, const char* key)
{
    std::vector<std::string> out;
    if (const auto it = j.find(key); it != j.end())
        out = it->get<std::vector<std::string>>();
    return out;
}

std::string optionalString(const json& j, const char* key)
{
    // find + get rather than value(): GCC 12 sees a false null dereference in value() here.
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string fold(const std::string& s) { return text::toUtf8(engine::Tokenizer::fold(text::fromUtf8(s))); }

// The end of a marked term's hover text, in the glossary's language; marks made in any of our
// languages are ours.
std::string ours(std::string_view language)
{
    return " " + l10n::text(language, "glossary.hover_mark");
}

bool skippedBlock(const model::Block& b)
{
    // Headings and tables of contents stay as they are: marking them would change the outline.
    return b.isHeading() || b.style.rfind("Contents", 0) == 0 || b.style.rfind("Index", 0) == 0;
}
} // namespace

bool Context::mentions(const std::string& phrase) const
{
    return std::find(mentioned.begin(), mentioned.end(), fold(phrase)) != mentioned.end();
}

static void checkLinks(const GlossaryData& data, const engine::DataFile& file);

GlossaryData parseGlossary(const std::string& text, const engine::DataFile& file, bool standalone)
{
    const json j = engine::parseJson(text, file);
    engine::validateJson(j, engine::builtin::kGlossarySchema, file);
    GlossaryData data;
    std::set<std::string> ids;
    std::size_t index = 0;
    for (const auto& t : j.at("terms"))
    {
        Term term;
        term.id = t.at("id").get<std::string>();
        if (!ids.insert(term.id).second)
            throw engine::RuleDataError(
                file, "/terms/" + std::to_string(index) + "/id",
                l10n::Message("data.glossary.term_twice", { { "id", term.id } }));
        term.term = t.at("term").get<std::string>();
        term.definition = t.at("definition").get<std::string>();
        term.source = t.at("source").get<std::string>();
        term.note = optionalString(t, "note");
        term.variants = strings(t, "variants");
        term.seeAlso = strings(t, "see_also");
        if (const auto a = t.find("abbreviations"); a != t.end())
            for (const auto& x : *a)
                term.abbreviations.push_back({ x.at("text").get<std::string>(), strings(x, "unless_document_mentions"),
                                               optionalString(x, "then"), strings(x, "only_if_document_mentions") });
        data.terms.push_back(std::move(term));
        ++index;
    }
    if (standalone)
        checkLinks(data, file);
    return data;
}

static void checkLinks(const GlossaryData& data, const engine::DataFile& file)
{
    std::set<std::string> ids;
    for (const Term& t : data.terms)
        ids.insert(t.id);
    for (std::size_t i = 0; i < data.terms.size(); ++i)
    {
        const std::string path = "/terms/" + std::to_string(i);
        for (const std::string& s : data.terms[i].seeAlso)
            if (!ids.count(s))
                throw engine::RuleDataError(
                    file, path + "/see_also",
                    l10n::Message("data.glossary.unknown_term", { { "id", s } }));
        for (const Abbreviation& a : data.terms[i].abbreviations)
            if (!a.then.empty() && !ids.count(a.then))
                throw engine::RuleDataError(
                    file, path + "/abbreviations",
                    l10n::Message("data.glossary.unknown_term", { { "id", a.then } }));
    }
}

GlossaryData layered(const GlossaryData& below, const GlossaryData& above,
                     const engine::DataFile& aboveFile)
{
    GlossaryData out = below;
    for (const Term& t : above.terms)
    {
        const auto same = std::find_if(out.terms.begin(), out.terms.end(), [&t](const Term& x) { return x.id == t.id; });
        if (same != out.terms.end())
            *same = t;
        else
            out.terms.push_back(t);
    }
    checkLinks(out, aboveFile);
    return out;
}

const GlossaryData& builtinGlossaryData()
{
    static const GlossaryData data
        = parseGlossary(engine::builtin::kGlossary, l10n::Message("data.file.glossary"));
    return data;
}

void addLanguage(GlossaryWordings& words, const GlossaryData& english, const std::string& text,
                 const engine::DataFile& file)
{
    const json j = engine::parseJson(text, file);
    engine::validateJson(j, engine::builtin::kGlossaryLanguageSchema, file);
    const std::string language = j.at("language").get<std::string>();
    for (const auto& item : j.at("terms").items())
    {
        const std::string& id = item.key();
        const json& t = item.value();
        if (std::none_of(english.terms.begin(), english.terms.end(),
                         [&id](const Term& x) { return x.id == id; }))
            throw engine::RuleDataError(file, "/terms/" + id,
                                        l10n::Message("data.glossary.no_term", { { "id", id } }));
        words[language][id] = TermWording{
            t.at("term").get<std::string>(),        t.at("definition").get<std::string>(),
            t.at("source").get<std::string>(),      optionalString(t, "note"),
            t.at("term_source").get<std::string>(), strings(t, "variants")
        };
    }
}

const GlossaryWordings& builtinGlossaryWordings()
{
    static const GlossaryWordings words = []
    {
        GlossaryWordings w;
        addLanguage(w, builtinGlossaryData(), engine::builtin::kGlossaryWelsh,
                    l10n::Message("data.file.glossary_cy"));
        return w;
    }();
    return words;
}

GlossaryData inLanguage(const GlossaryData& glossary, const std::string& language,
                        const GlossaryWordings& words)
{
    GlossaryData out = glossary;
    out.language = language;
    const auto in = words.find(language);
    if (in == words.end())
        return out;
    const GlossaryData& english = builtinGlossaryData();
    for (Term& t : out.terms)
    {
        const auto w = in->second.find(t.id);
        // A term a department wrote itself (new, or replacing ours) is not the one we translated.
        const auto ours = std::find_if(english.terms.begin(), english.terms.end(),
                                       [&t](const Term& x) { return x.id == t.id; });
        if (w == in->second.end() || ours == english.terms.end()
            || ours->definition != t.definition)
            continue;
        std::vector<std::string> variants = w->second.variants;
        variants.push_back(t.term);
        variants.insert(variants.end(), t.variants.begin(), t.variants.end());
        t.term = w->second.term;
        t.definition = w->second.definition;
        t.source = w->second.source;
        t.note = w->second.note;
        t.termSource = w->second.termSource;
        t.variants = std::move(variants);
    }
    return out;
}

const Glossary& Glossary::builtin(const std::string& language)
{
    if (language != "cy")
        return builtin();
    static const Glossary welsh(
        inLanguage(builtinGlossaryData(), "cy")); // made when first asked for
    return welsh;
}

const Glossary& Glossary::builtin()
{
    static const Glossary glossary(builtinGlossaryData());
    return glossary;
}

Glossary::Glossary(GlossaryData data)
    : m_data(std::move(data))
{
    std::set<std::string> phrases;
    for (std::size_t i = 0; i < m_data.terms.size(); ++i)
    {
        const Term& t = m_data.terms[i];
        try
        {
            m_variants.add(text::fromUtf8(t.term), static_cast<int>(i));
            for (const std::string& v : t.variants)
                m_variants.add(text::fromUtf8(v), static_cast<int>(i));
        }
        catch (const engine::TermError& e)
        {
            throw engine::RuleDataError("glossary", "/terms/" + std::to_string(i) + "/variants", e.what());
        }
        for (std::size_t a = 0; a < t.abbreviations.size(); ++a)
        {
            m_abbreviations[text::fromUtf8(t.abbreviations[a].text)].push_back({ i, a });
            for (const auto& p : t.abbreviations[a].unlessMentions)
                phrases.insert(fold(p));
            for (const auto& p : t.abbreviations[a].onlyIfMentions)
                phrases.insert(fold(p));
        }
    }
    m_contextPhrases.assign(phrases.begin(), phrases.end());
    for (const std::string& phrase : m_contextPhrases)
        m_contextPhrases16.push_back(text::fromUtf8(phrase));
}

std::optional<std::size_t> Glossary::find(const std::string& id) const
{
    for (std::size_t i = 0; i < m_data.terms.size(); ++i)
        if (m_data.terms[i].id == id)
            return i;
    return std::nullopt;
}

std::vector<std::uint16_t> Glossary::phrasesIn(std::u16string_view text) const
{
    // A phrase never spans two blocks (the whole-document reading joins them with a line break),
    // so each block is searched on its own.
    const std::u16string folded = engine::Tokenizer::fold(text);
    std::vector<std::uint16_t> found;
    for (std::size_t i = 0; i < m_contextPhrases16.size(); ++i)
        if (folded.find(m_contextPhrases16[i]) != std::u16string::npos)
            found.push_back(static_cast<std::uint16_t>(i));
    return found;
}

Context Glossary::mentioned(const std::vector<bool>& found) const
{
    Context c;
    for (std::size_t i = 0; i < found.size(); ++i)
        if (found[i])
            c.mentioned.push_back(m_contextPhrases[i]);
    return c;
}

Context Glossary::context(const model::Document& document) const
{
    std::vector<bool> found(m_contextPhrases.size(), false);
    if (!found.empty())
        for (const model::Block& b : document.blocks)
            for (const std::uint16_t i : phrasesIn(b.text))
                found[i] = true;
    return mentioned(found);
}

Context Glossary::context(const model::Document& document, ContextCache& cache) const
{
    std::vector<bool> found(m_contextPhrases.size(), false);
    if (found.empty())
        return {};
    std::lock_guard lock(cache.m_mutex);
    if (cache.m_glossary != this)
    {
        cache.m_entries.clear();
        cache.m_glossary = this;
    }
    const std::uint64_t generation = ++cache.m_generation;
    for (const model::Block& b : document.blocks)
    {
        ContextCache::Entry& entry = cache.m_entries[b.id];
        if (entry.used == 0 || entry.text != b.text)
        {
            entry.phrases = phrasesIn(b.text);
            entry.text = b.text;
        }
        entry.used = generation;
        for (const std::uint16_t i : entry.phrases)
            found[i] = true;
    }
    if (cache.m_entries.size() > 2 * document.blocks.size() + 64)
        std::erase_if(cache.m_entries, [generation](const auto& e) { return e.second.used != generation; });
    return mentioned(found);
}

std::vector<Occurrence> Glossary::inText(std::u16string_view text, const Context& context, engine::Tokenizer& tokenizer) const
{
    const engine::Tokens tokens = tokenizer.tokenize(text);
    struct Candidate
    {
        std::uint32_t start, end;
        std::size_t term;
    };
    std::vector<Candidate> found;
    for (const engine::TermMatch& m : m_variants.find(tokens.words))
        found.push_back({ tokens.words[m.firstWord].start, tokens.words[m.lastWord].end, static_cast<std::size_t>(m.group) });
    for (const engine::Token& w : tokens.words)
    {
        const auto it = m_abbreviations.find(std::u16string(text.substr(w.start, w.end - w.start)));
        if (it == m_abbreviations.end())
            continue;
        for (const auto& [term, a] : it->second)
        {
            const Abbreviation& ab = m_data.terms[term].abbreviations[a];
            if (!ab.onlyIfMentions.empty()
                && std::none_of(ab.onlyIfMentions.begin(), ab.onlyIfMentions.end(), [&](const std::string& p) { return context.mentions(p); }))
                continue;
            std::size_t meaning = term;
            if (std::any_of(ab.unlessMentions.begin(), ab.unlessMentions.end(), [&](const std::string& p) { return context.mentions(p); }))
                if (const auto other = find(ab.then))
                    meaning = *other;
            found.push_back({ w.start, w.end, meaning });
        }
    }
    // Longest first at each place; nothing overlaps what is already taken.
    std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
        return x.start != y.start ? x.start < y.start : x.end > y.end;
    });
    std::vector<Occurrence> out;
    std::uint32_t taken = 0;
    for (const Candidate& c : found)
    {
        if (!out.empty() && c.start < taken)
            continue;
        out.push_back({ 0, c.start, c.end, c.term });
        taken = c.end;
    }
    return out;
}

std::vector<Occurrence> Glossary::occurrences(const model::Document& document, bool firstOnly, engine::Tokenizer& tokenizer) const
{
    const Context c = context(document);
    std::vector<Occurrence> out;
    std::set<std::size_t> seen;
    for (std::size_t b = 0; b < document.blocks.size(); ++b)
    {
        if (skippedBlock(document.blocks[b]))
            continue;
        for (Occurrence o : inText(document.blocks[b].text, c, tokenizer))
        {
            if (firstOnly && !seen.insert(o.term).second)
                continue;
            o.block = b;
            out.push_back(o);
        }
    }
    return out;
}

std::optional<std::size_t> Glossary::termAt(std::u16string_view text, std::uint32_t offset, const Context& context,
                                            engine::Tokenizer& tokenizer) const
{
    std::optional<std::size_t> best;
    for (const Occurrence& o : inText(text, context, tokenizer))
    {
        if (o.start <= offset && offset <= o.end)
            return o.term;
        if (o.end <= offset && offset - o.end <= 2)
            best = o.term; // just after the term
    }
    return best;
}

std::vector<std::size_t> Glossary::search(std::u16string_view query) const
{
    const std::u16string q = engine::Tokenizer::fold(query);
    std::vector<std::size_t> names, others;
    for (std::size_t i = 0; i < m_data.terms.size(); ++i)
    {
        const Term& t = m_data.terms[i];
        auto has = [&q](const std::string& s) { return engine::Tokenizer::fold(text::fromUtf8(s)).find(q) != std::u16string::npos; };
        bool name = q.empty() || has(t.term);
        for (const auto& a : t.abbreviations)
            name = name || has(a.text);
        if (name)
            names.push_back(i);
        else if (has(t.definition) || std::any_of(t.variants.begin(), t.variants.end(), has))
            others.push_back(i);
    }
    auto alphabetical = [this](std::size_t x, std::size_t y) {
        return engine::Tokenizer::fold(text::fromUtf8(m_data.terms[x].term)) < engine::Tokenizer::fold(text::fromUtf8(m_data.terms[y].term));
    };
    std::sort(names.begin(), names.end(), alphabetical);
    std::sort(others.begin(), others.end(), alphabetical);
    names.insert(names.end(), others.begin(), others.end());
    return names;
}

std::string Glossary::hoverText(std::size_t term) const
{
    const Term& t = m_data.terms.at(term);
    std::string text = l10n::text(
        m_data.language, "glossary.footnote_text",
        { { "term", t.term }, { "definition", t.definition }, { "source", t.source } });
    if (!t.note.empty())
        text += " " + t.note;
    return text + ours(m_data.language);
}

bool Glossary::isOurHoverText(const std::string& hint)
{
    return std::any_of(l10n::languages().begin(), l10n::languages().end(),
                       [&hint](const std::string& language)
                       {
                           const std::string end = ours(language);
                           return hint.size() > end.size()
                                  && hint.compare(hint.size() - end.size(), end.size(), end) == 0;
                       });
}
} // namespace dueregard::glossary
