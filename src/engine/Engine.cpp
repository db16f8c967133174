#include "engine/Engine.hpp"

#include "glossary/Glossary.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <cctype>

namespace dueregard::engine
{
const std::vector<std::string>& Engine::requiredMarkers()
{
    static const std::vector<std::string> names = {
        "eia_title", "environmental", "equality_section", "jurisdiction_wales", "jurisdiction_scotland",
        "jurisdiction_ni", "evidence_source", "comparison", "impact_negative", "impact_positive", "impact_neutral",
        "negation", "reasoning", "mitigation", "vague_mitigation", "owner", "intersection", "cumulative",
        "engagement", "external_party", "internal", "feedback_change", "aim_a", "aim_b", "aim_c", "statute",
        "monitoring", "frequency", "review_date", "decision_maker", "declaration", "retrospective",
        "assessment_date", "decision_date", "data_gap", "gap_plan", "technology", "bias_testing",
        "disproportion_claim", "rate_denominator", "decision_share", "period", "geography", "justification", "mantra",
        "equal_treatment", "outdated",
        "decision_object", "document_date"
    };
    return names;
}

Engine::Engine()
    : Engine(builtinLexicon(), builtinRulePack())
{
}

Engine::Engine(const LexiconData& lexicon, RulePackData pack, TemplatesData templates)
    : m_lexicon(lexicon)
    , m_pack(std::move(pack))
    , m_templates(std::move(templates), m_lexicon)
{
    m_lexicon.requireMarkers(requiredMarkers());
    for (const Rule& r : m_pack.rules)
        if (!r.requiresTerms.empty())
        {
            std::vector<std::u16string> terms;
            for (const std::string& t : r.requiresTerms)
            {
                std::u16string padded = u" ";
                for (char16_t c : Tokenizer::fold(text::fromUtf8(t)))
                {
                    const char16_t k = (c < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) ? u' ' : c;
                    if (k != u' ' || padded.back() != u' ')
                        padded += k;
                }
                if (padded.back() != u' ')
                    padded += u' ';
                terms.push_back(padded);
            }
            m_termRules.emplace_back(r.id, std::move(terms));
        }
}

std::vector<std::string> Engine::enabledGroups(const std::string& jurisdiction, const std::vector<std::string>& extra) const
{
    std::vector<std::string> out;
    const auto it = m_lexicon.data().jurisdictions.find(jurisdiction);
    if (it != m_lexicon.data().jurisdictions.end())
    {
        out = it->second.characteristics;
        out.insert(out.end(), it->second.extraGroups.begin(), it->second.extraGroups.end());
    }
    else
        for (const GroupInfo& g : m_lexicon.groups())
            if (!g.extra)
                out.push_back(g.id);
    for (const std::string& id : extra)
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    return out;
}

CheckResult Engine::check(const model::Document& document, const CheckOptions& options)
{
    CheckResult result;
    const std::uint64_t generation = ++m_generation;
    std::vector<const BlockFacts*> facts;
    facts.reserve(document.blocks.size());
    // Blocks whose id an earlier block of this document already has (ids should be unique, but a
    // document read from elsewhere may repeat one): analysed on their own, never replacing the
    // cached facts the earlier block points to.
    std::vector<std::unique_ptr<BlockFacts>> repeatedIds;
    // The cache entries in the order of the previous check: after typing, block i is usually
    // the same block as last time, so its entry is found without hashing its id.
    std::vector<CacheEntry*> order;
    order.reserve(document.blocks.size());
    for (std::size_t i = 0; i < document.blocks.size(); ++i)
    {
        const model::Block& block = document.blocks[i];
        CacheEntry* entry = i < m_order.size() && m_order[i]->first == block.id ? m_order[i]
                                                                               : &*m_cache.try_emplace(block.id).first;
        order.push_back(entry);
        Cached& cached = entry->second;
        if (cached.lastUsed == generation && cached.facts && cached.text != block.text)
        {
            repeatedIds.push_back(std::make_unique<BlockFacts>(analyseBlock(block.text, m_lexicon, m_tokenizer, m_counter)));
            ++result.blocksAnalysed;
            facts.push_back(repeatedIds.back().get());
        }
        else
        {
            if (!cached.facts || cached.text != block.text)
            {
                cached.facts = std::make_unique<BlockFacts>(analyseBlock(block.text, m_lexicon, m_tokenizer, m_counter));
                cached.text = block.text;
                ++result.blocksAnalysed;
            }
            cached.lastUsed = generation;
            facts.push_back(cached.facts.get());
        }

        // The document's facts come from the cache too: a re-check segments only what changed.
        const BlockFacts& bf = *facts.back();
        result.facts.words += bf.words;
        result.facts.characters += bf.characters;
        if (bf.blank)
            continue;
        if (block.kind == model::BlockKind::TableCell)
            ++result.facts.tableCells;
        else
        {
            ++result.facts.paragraphs;
            if (block.isHeading())
                ++result.facts.headings;
        }
    }
    result.facts.tables = document.tables.size();

    // What Due Regard inserted and nobody has written yet is not an answer: leave it out.
    SectionMap sections = mapSections(document, facts, m_templates, &m_headings);
    static const BlockFacts blank;
    for (std::size_t b = 0; b < facts.size(); ++b)
        if (sections.scaffold[b])
            facts[b] = &blank;
    result.assessment = assess(document, facts, m_lexicon, options.assess);
    result.assessment.sections = std::move(sections.sections);
    for (const std::string& id : options.requiredSections)
    {
        const bool present = std::any_of(result.assessment.sections.begin(), result.assessment.sections.end(),
                                         [&id](const SectionState& s) { return s.id == id; });
        if (!present && m_templates.has(id))
            result.assessment.requiredMissing.emplace_back(id, m_templates.titleOf(id));
    }
    if (!m_termRules.empty())
    {
        // A department's rules asking for terms: is each used anywhere, as whole words?
        std::u16string folded = u" ";
        for (const model::Block& block : document.blocks)
        {
            for (char16_t c : Tokenizer::fold(block.text))
            {
                const char16_t k = (c < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) ? u' ' : c;
                if (k != u' ' || folded.back() != u' ')
                    folded += k;
            }
            if (folded.back() != u' ')
                folded += u' ';
        }
        for (const auto& [id, terms] : m_termRules)
            if (std::none_of(terms.begin(), terms.end(), [&](const std::u16string& t) { return folded.find(t) != std::u16string::npos; }))
                result.assessment.termsMissing.push_back(id);
    }
    result.findings = findingsFor(result.assessment, document, m_pack, options.disabledRules);
    for (Finding& f : result.findings)
    {
        // Offer the section that would answer a prompt, when the document does not have it.
        const std::string id = f.section == "impact-characteristic"
                                   ? (f.characteristic.empty() ? std::string("impact") : "impact-" + f.characteristic)
                                   : f.section;
        if (id.empty() || !m_templates.has(id) || f.id.rfind("sections.", 0) == 0)
            continue;
        const bool present = std::any_of(result.assessment.sections.begin(), result.assessment.sections.end(),
                                         [&id](const SectionState& s) { return s.id == id; });
        if (!present)
            f.insert = id;
    }
    // Link each prompt to the glossary terms its wording uses.
    for (Finding& f : result.findings)
    {
        std::string wording = f.message;
        for (const std::string& q : f.questions)
            wording += "\n" + q;
        wording += "\n" + f.basis;
        auto [it, added] = m_termsByWording.try_emplace(wording);
        if (added)
        {
            const glossary::Glossary& g = glossary::Glossary::builtin();
            for (const glossary::Occurrence& o : g.inText(text::fromUtf8(wording), {}, m_tokenizer))
                if (std::find(it->second.begin(), it->second.end(), g.terms()[o.term].id) == it->second.end())
                    it->second.push_back(g.terms()[o.term].id);
        }
        f.terms = it->second;
    }
    if (!options.dismissals.empty())
        std::erase_if(result.findings, [&](const Finding& f) {
            for (const Dismissal& d : options.dismissals)
                if (matches(d, f))
                {
                    result.dismissed.emplace_back(f, d);
                    return true;
                }
            return false;
        });
    result.score = readinessScore(result.assessment);
    // Keep only what this document still uses, so memory follows the document, not its history.
    if (m_cache.size() > 2 * document.blocks.size() + 64)
        std::erase_if(m_cache, [generation](const auto& entry) { return entry.second.lastUsed != generation; });
    m_order = std::move(order); // every entry in it was used by this check, so none was erased
    return result;
}
} // namespace dueregard::engine
