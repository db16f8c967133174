#include "engine/Engine.hpp"

#include "l10n/Error.hpp"

#include "engine/Language.hpp"
#include "glossary/Glossary.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include <unicode/utf16.h>

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
        "decision_object", "document_date", "question_opener", "empty_answer", "blanket_scope", "aim_definition",
        "planned", "done", "disaggregated", "impact_any", "engagement_method", "engagement_result", "jurisdiction_gb"
    };
    return names;
}

namespace
{
// Folded text with every run of spaces and ASCII punctuation made one space, and a space at
// each end: a term is then found as whole words by a plain search.
std::u16string padded(const std::u16string& folded)
{
    std::u16string out = u" ";
    for (char16_t c : folded)
    {
        const char16_t k = (c < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) ? u' ' : c;
        if (k != u' ' || out.back() != u' ')
            out += k;
    }
    if (out.back() != u' ')
        out += u' ';
    return out;
}

std::vector<std::u16string> paddedTerms(const std::vector<std::string>& terms)
{
    std::vector<std::u16string> out;
    out.reserve(terms.size());
    for (const std::string& t : terms)
        out.push_back(padded(Tokenizer::fold(text::fromUtf8(t))));
    return out;
}

// Where in the block the first of the terms starts and ends (UTF-16 offsets): the text is folded
// a character at a time so that each folded character knows where it came from. The whole
// block if the search that found the term (folding the block at once) and this one disagree.
std::pair<std::uint32_t, std::uint32_t> firstTerm(const std::u16string& text, const std::vector<std::u16string>& terms)
{
    std::u16string folded = u" ";
    std::vector<std::uint32_t> from{ 0 };
    for (std::size_t i = 0; i < text.size();)
    {
        const std::size_t n = (U16_IS_LEAD(text[i]) && i + 1 < text.size() && U16_IS_TRAIL(text[i + 1])) ? 2 : 1;
        for (char16_t c : Tokenizer::fold(std::u16string_view(text).substr(i, n)))
        {
            const char16_t k = (c < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) ? u' ' : c;
            if (k != u' ' || folded.back() != u' ')
            {
                folded += k;
                from.push_back(static_cast<std::uint32_t>(i));
            }
        }
        i += n;
    }
    if (folded.back() != u' ')
    {
        folded += u' ';
        from.push_back(static_cast<std::uint32_t>(text.size()));
    }
    std::size_t best = std::u16string::npos, length = 0;
    for (const std::u16string& t : terms)
        if (const std::size_t at = folded.find(t); at != std::u16string::npos && at < best)
        {
            best = at;
            length = t.size();
        }
    if (best == std::u16string::npos)
        return { 0, static_cast<std::uint32_t>(text.size()) };
    // The term's first character follows the leading space; the trailing space stands for the
    // character after its last.
    return { from[best + 1], from[best + length - 1] };
}
} // namespace

Engine::Engine()
    : Engine(builtinLexicon(), builtinRulePack())
{
}

Engine::Engine(const std::string& language)
    : Engine(builtinLexicon(), builtinRulePack(), builtinTemplatesData(), language)
{
}

namespace
{
std::string supported(const std::string& language)
{
    if (const std::optional<std::string> found = languageFor(language))
        return *found;
    throw l10n::Error("data.no_language", { { "language", language } });
}
} // namespace

Engine::Engine(const LexiconData& lexicon, RulePackData pack, const TemplatesData& templates,
               const std::string& language)
    : m_lexicon(lexicon), m_pack(inLanguage(std::move(pack), supported(language))),
      m_templates(templates, m_lexicon, m_pack.language)
{
    m_lexicon.requireMarkers(requiredMarkers());
    for (const Rule& r : m_pack.rules)
        if (isTermsKind(r.kind))
            m_termRules.push_back({ r.id, r.kind, paddedTerms(r.terms), paddedTerms(r.companions) });
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

namespace
{
// What one block adds to the document's facts.
model::DocumentFacts blockFacts(const model::Block& block, const BlockFacts& bf)
{
    model::DocumentFacts f;
    f.words = bf.words;
    f.characters = bf.characters;
    if (bf.blank)
        return f;
    if (block.kind == model::BlockKind::TableCell)
        f.tableCells = 1;
    else
    {
        f.paragraphs = 1;
        f.headings = block.isHeading() ? 1 : 0;
    }
    return f;
}

void addFacts(model::DocumentFacts& to, const model::DocumentFacts& f)
{
    to.words += f.words;
    to.characters += f.characters;
    to.paragraphs += f.paragraphs;
    to.headings += f.headings;
    to.tableCells += f.tableCells;
}

// The one group a heading is about, when it is short and names one (its section is that
// group's), else -1.
int unitGroupOf(const model::Block& block, const BlockFacts& bf)
{
    return block.isHeading() && bf.groups.size() == 1 && bf.words <= 8 ? bf.groups.front() : -1;
}

std::uint8_t shapeOf(const model::Block& block, const BlockFacts& bf)
{
    std::uint8_t shape = 0;
    if (block.isHeading())
        shape |= Engine::kHeading;
    if (block.kind == model::BlockKind::TableCell)
        shape |= Engine::kCell;
    if (!block.insertedSection.empty())
        shape |= Engine::kInsertedStart;
    if (bf.words > 0)
        shape |= Engine::kHasWords;
    if (!block.text.empty())
        shape |= Engine::kHasText;
    if (bf.substantive > 0) // whether a heading's section or a table row has an answer
        shape |= Engine::kSaysSomething;
    return shape;
}

void subtractFacts(model::DocumentFacts& from, const model::DocumentFacts& f)
{
    from.words -= f.words;
    from.characters -= f.characters;
    from.paragraphs -= f.paragraphs;
    from.headings -= f.headings;
    from.tableCells -= f.tableCells;
}
} // namespace

std::vector<Engine::TermHit> Engine::termHitsOf(const std::u16string& text) const
{
    if (m_termRules.empty())
        return {};
    // The block's words, folded, between single spaces: a term (" armed forces community ")
    // is found as whole words.
    const std::u16string folded = padded(Tokenizer::fold(text));
    const auto anyIn = [&](const std::vector<std::u16string>& terms) {
        return std::any_of(terms.begin(), terms.end(), [&](const std::u16string& t) { return folded.find(t) != std::u16string::npos; });
    };
    std::vector<TermHit> hits(m_termRules.size());
    for (std::size_t r = 0; r < m_termRules.size(); ++r)
    {
        const TermRule& rule = m_termRules[r];
        TermHit& hit = hits[r];
        hit.found = static_cast<std::uint8_t>((anyIn(rule.terms) ? kTerm : 0) | (anyIn(rule.companions) ? kCompanion : 0));
        if ((hit.found & kTerm) && rule.kind != RuleKind::TermsRequired)
        {
            const auto [start, end] = firstTerm(text, rule.terms);
            hit.start = start;
            hit.end = end;
        }
    }
    return hits;
}

void Engine::setTermHits(std::size_t block, const std::vector<TermHit>& hits)
{
    std::vector<TermHit>& at = m_termHitsAt[block];
    for (std::size_t r = 0; r < at.size(); ++r)
        m_termCounts[r] -= (at[r].found & kTerm) ? 1 : 0;
    at = hits;
    for (std::size_t r = 0; r < at.size(); ++r)
        m_termCounts[r] += (at[r].found & kTerm) ? 1 : 0;
}

void Engine::addTermFindings(Assessment& assessment) const
{
    for (std::size_t r = 0; r < m_termRules.size(); ++r)
    {
        const TermRule& rule = m_termRules[r];
        if (rule.kind == RuleKind::TermsRequired)
        {
            if (m_termCounts[r] == 0)
                assessment.termFindings.emplace_back(rule.id, Location{});
            continue;
        }
        if (m_termCounts[r] == 0)
            continue;
        for (std::size_t b = 0; b < m_termHitsAt.size(); ++b)
        {
            if (r >= m_termHitsAt[b].size())
                continue;
            const TermHit& hit = m_termHitsAt[b][r];
            const bool fires = rule.kind == RuleKind::TermsPresent ? (hit.found & kTerm) != 0 : hit.found == kTerm;
            if (fires)
                assessment.termFindings.emplace_back(rule.id, Location{ static_cast<int>(b), hit.start, hit.end });
        }
    }
}

bool Engine::namesSameSections(const model::Block& heading, std::size_t b, std::uint64_t versionBefore)
{
    const auto before = m_headings.find(versionBefore);
    if (before == m_headings.end())
        return false; // not known: work the sections out again
    const std::vector<std::string> named = before->second; // a copy: the cache may be cleared below
    return sectionsNamedBy(heading, *m_facts[b], m_templates, m_blockVersions[b], &m_headings) == named;
}

bool Engine::insideInserted(std::size_t b) const
{
    return std::any_of(m_sections.sections.begin(), m_sections.sections.end(),
                       [b](const SectionState& s) { return s.inserted && s.block <= b && b < s.end; });
}

CheckResult Engine::check(const model::Document& document, const CheckOptions& options)
{
    return run(document, nullptr, options);
}

CheckResult Engine::recheck(const model::Document& document, const std::vector<std::size_t>& changed,
                            const CheckOptions& options)
{
    return run(document, &changed, options);
}

Engine::Todo Engine::blocksToCompare(const model::Document& document, const std::vector<std::size_t>* changed,
                                     CheckResult& result)
{
    const std::size_t n = document.blocks.size();
    Todo todo;
    // After an edit the caller reported, the blocks it did not list are the last check's: keep
    // what that check had for each block, and look at the listed ones only.
    todo.reported = changed && m_orderExact && m_order.size() == n
                    && std::all_of(changed->begin(), changed->end(),
                                   [&](std::size_t b) { return b < n && m_order[b]->first == document.blocks[b].id; });
    if (todo.reported)
    {
        todo.blocks = *changed;
        std::sort(todo.blocks.begin(), todo.blocks.end());
        todo.blocks.erase(std::unique(todo.blocks.begin(), todo.blocks.end()), todo.blocks.end());
        result.facts = m_factsTotal;
        return todo;
    }
    todo.blocks.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        todo.blocks[i] = i;
    m_order.resize(n, nullptr);
    m_facts.resize(n, nullptr);
    m_blockVersions.resize(n, 0);
    m_tallies.assign(n, {});
    m_shapes.assign(n, 0);
    m_levels.assign(n, 0);
    m_unitGroups.assign(n, -1);
    m_termHitsAt.assign(n, {});
    m_termCounts.assign(m_termRules.size(), 0);
    return todo;
}

void Engine::useFacts(std::size_t i, const model::Block& block, std::uint64_t generation,
                      std::vector<std::unique_ptr<BlockFacts>>& repeatedIds, CheckResult& result)
{
    // The cache entries in the order of the previous check: after typing, block i is usually
    // the same block as last time, so its entry is found without hashing its id.
    CacheEntry* entry = m_order[i] && m_order[i]->first == block.id ? m_order[i] : &*m_cache.try_emplace(block.id).first;
    m_order[i] = entry;
    Cached& cached = entry->second;
    // std::u16string's comparison goes character by character: memcmp is several times faster.
    const bool same = cached.text.size() == block.text.size()
                      && std::memcmp(cached.text.data(), block.text.data(), block.text.size() * sizeof(char16_t)) == 0;
    if (cached.lastUsed == generation && cached.facts && !same)
    {
        repeatedIds.push_back(std::make_unique<BlockFacts>(analyseBlock(block.text, m_lexicon, m_tokenizer, m_counter)));
        ++result.blocksAnalysed;
        m_facts[i] = repeatedIds.back().get();
        m_blockVersions[i] = ++m_versions;
        setTermHits(i, termHitsOf(block.text));
        return;
    }
    if (!cached.facts || !same)
    {
        cached.facts = std::make_unique<BlockFacts>(analyseBlock(block.text, m_lexicon, m_tokenizer, m_counter));
        cached.text = block.text;
        cached.version = ++m_versions;
        cached.termHits = termHitsOf(block.text);
        ++result.blocksAnalysed;
    }
    cached.lastUsed = generation;
    m_facts[i] = cached.facts.get();
    m_blockVersions[i] = cached.version;
    setTermHits(i, cached.termHits);
}

Engine::Sameness Engine::compareBlocks(const model::Document& document, const Todo& todo, std::uint64_t generation,
                                       std::vector<std::unique_ptr<BlockFacts>>& repeatedIds, CheckResult& result)
{
    // Whether the edit left the sections found last time as they were: no heading, and nothing
    // in or starting a section Due Regard inserted, changed. And the headings' and table rows'
    // reach: only body paragraphs changed, each still with words (or without) and still with
    // text (or empty).
    Sameness same{ todo.reported && m_sectionsValid, todo.reported && m_sectionsValid };
    result.blocksCompared = todo.blocks.size();
    for (std::size_t i : todo.blocks)
    {
        const model::Block& block = document.blocks[i];
        const std::uint64_t versionBefore = m_blockVersions[i];
        useFacts(i, block, generation, repeatedIds, result);
        // The document's facts come from the cached block facts too: a re-check segments only
        // what changed.
        subtractFacts(result.facts, m_tallies[i]);
        m_tallies[i] = blockFacts(block, *m_facts[i]);
        addFacts(result.facts, m_tallies[i]);
        const std::uint8_t shape = shapeOf(block, *m_facts[i]);
        const int unit = unitGroupOf(block, *m_facts[i]);
        if (same.sections)
        {
            // A body paragraph (before and after) outside our sections leaves the sections as
            // they were. So does a heading still of its level, about the same one group (or
            // none), naming the same sections, and still with words (or without).
            const bool paragraph = ((shape | m_shapes[i]) & (kHeading | kInsertedStart)) == 0 && !insideInserted(i);
            const bool heading = !paragraph && shape == m_shapes[i] && (shape & kHeading) && !(shape & (kCell | kInsertedStart))
                                 && block.outlineLevel == m_levels[i] && unit == m_unitGroups[i] && !insideInserted(i)
                                 && namesSameSections(block, i, versionBefore);
            same.sections = paragraph || heading;
            same.structure = same.structure && same.sections && shape == m_shapes[i]
                             && ((shape & ~(kHasWords | kHasText | kSaysSomething)) == 0 || heading);
        }
        else
            same.structure = false;
        m_shapes[i] = shape;
        m_levels[i] = block.outlineLevel;
        m_unitGroups[i] = unit;
    }
    return same;
}

Assessment Engine::assessDocument(const model::Document& document, const CheckOptions& options, const Todo& todo,
                                  const Sameness& same)
{
    const std::size_t n = document.blocks.size();
    // What Due Regard inserted and nobody has written yet is not an answer: leave it out.
    if (!same.sections)
    {
        m_sections = mapSections(document, m_facts, m_templates, &m_blockVersions, &m_headings);
        m_anyScaffold = std::find(m_sections.scaffold.begin(), m_sections.scaffold.end(), true) != m_sections.scaffold.end();
    }
    m_sectionsValid = m_orderExact;
    std::vector<const BlockFacts*> scaffolded;
    std::vector<std::uint64_t> scaffoldedVersions;
    const bool anyScaffold = m_anyScaffold;
    if (anyScaffold)
    {
        static const BlockFacts blank;
        scaffolded = m_facts;
        scaffoldedVersions = m_blockVersions;
        for (std::size_t b = 0; b < n; ++b)
            if (m_sections.scaffold[b])
            {
                scaffolded[b] = &blank;
                scaffoldedVersions[b] = 0;
            }
    }
    const AssessmentChange change{ same.structure, same.structure ? &todo.blocks : nullptr };
    Assessment assessment = assess(document, anyScaffold ? scaffolded : m_facts, anyScaffold ? scaffoldedVersions : m_blockVersions,
                                   m_lexicon, options.assess, m_assessment, change);
    assessment.sections = m_sections.sections;
    for (const std::string& id : options.requiredSections)
    {
        const bool present = std::any_of(assessment.sections.begin(), assessment.sections.end(),
                                         [&id](const SectionState& s) { return s.id == id; });
        if (!present && m_templates.has(id))
            assessment.requiredMissing.emplace_back(id, m_templates.titleOf(id));
    }
    return assessment;
}

void Engine::offerSections(CheckResult& result) const
{
    // Offer the section that would answer a prompt, when the document does not have it.
    for (Finding& f : result.findings)
    {
        const std::string id = f.section == "impact-characteristic"
                                   ? (f.characteristic.empty() ? std::string("impact") : groupSection(f.characteristic))
                                   : f.section;
        if (id.empty() || !m_templates.has(id) || f.id.rfind("sections.", 0) == 0)
            continue;
        const bool present = std::any_of(result.assessment.sections.begin(), result.assessment.sections.end(),
                                         [&id](const SectionState& s) { return s.id == id; });
        if (!present)
            f.insert = id;
    }
}

void Engine::linkGlossaryTerms(std::vector<Finding>& findings)
{
    // Link each prompt to the glossary terms its wording uses.
    std::string wording;
    for (Finding& f : findings)
    {
        wording.assign(f.message);
        for (const std::string& q : f.questions)
            wording.append("\n").append(q);
        wording.append("\n").append(f.basis);
        auto [it, added] = m_termsByWording.try_emplace(wording);
        if (added)
        {
            const glossary::Glossary& g = glossary::Glossary::builtin(m_pack.language);
            for (const glossary::Occurrence& o : g.inText(text::fromUtf8(wording), {}, m_tokenizer))
                if (std::find(it->second.begin(), it->second.end(), g.terms()[o.term].id) == it->second.end())
                    it->second.push_back(g.terms()[o.term].id);
        }
        f.terms = it->second;
    }
}

void Engine::setAside(CheckResult& result, const std::vector<Dismissal>& dismissals)
{
    if (dismissals.empty())
        return;
    std::erase_if(result.findings, [&](const Finding& f) {
        for (const Dismissal& d : dismissals)
            if (matches(d, f))
            {
                result.dismissed.emplace_back(f, d);
                return true;
            }
        return false;
    });
}

void Engine::trimCache(const model::Document& document, std::uint64_t generation)
{
    // Keep only what this document still uses, so memory follows the document, not its history.
    if (m_cache.size() <= 2 * document.blocks.size() + 64)
        return;
    for (CacheEntry* entry : m_order)
        entry->second.lastUsed = generation; // after a reported edit only the listed blocks were marked
    std::erase_if(m_cache, [generation](const auto& entry) { return entry.second.lastUsed != generation; });
}

CheckResult Engine::run(const model::Document& document, const std::vector<std::size_t>* changed,
                        const CheckOptions& options)
{
    CheckResult result;
    const std::uint64_t generation = ++m_generation;
    const Todo todo = blocksToCompare(document, changed, result);
    // Blocks whose id an earlier block of this document already has (ids should be unique, but a
    // document read from elsewhere may repeat one): analysed on their own, never replacing the
    // cached facts the earlier block points to. m_facts points into them until the check ends.
    std::vector<std::unique_ptr<BlockFacts>> repeatedIds;
    const Sameness same = compareBlocks(document, todo, generation, repeatedIds, result);
    m_orderExact = repeatedIds.empty(); // else some blocks' facts are not their entry's
    m_factsTotal = result.facts;
    result.facts.tables = document.tables.size();
    result.assessment = assessDocument(document, options, todo, same);
    result.runsAssessed = m_assessment.runsComputed();
    // A department's rules asking for terms: is each used in some paragraph?
    addTermFindings(result.assessment);
    result.findings = findingsFor(result.assessment, document, m_pack, options.disabledRules);
    offerSections(result);
    linkGlossaryTerms(result.findings);
    setAside(result, options.dismissals);
    result.score = readinessScore(result.assessment);
    result.language = m_pack.language;
    trimCache(document, generation);
    return result;
}
} // namespace dueregard::engine
