// The assessment with its cache: which runs of blocks an edit touched, the tree that combines
// the runs' parts, and the assessment made from the combined parts. The structure is read in
// AssessmentStructure.cpp, and the runs in AssessmentRuns.cpp.
#include "engine/Assessment.hpp"

#include "engine/AssessmentParts.hpp"

#include <algorithm>
#include <bit>
#include <functional>

namespace dueregard::engine
{
const char* impactName(Impact impact)
{
    switch (impact)
    {
        case Impact::Positive: return "positive";
        case Impact::Negative: return "negative";
        case Impact::Neutral: return "neutral";
        case Impact::Mixed: return "mixed";
        case Impact::NotStated: break;
    }
    return "not_stated";
}

std::string characteristicLabel(const Assessment& assessment, std::string_view id)
{
    for (const CharacteristicResult& c : assessment.characteristics)
        if (!id.empty() && c.id == id)
            return c.label;
    return {};
}

const char* timingName(Timing timing)
{
    switch (timing)
    {
        case Timing::Before: return "before";
        case Timing::After: return "after";
        case Timing::Unknown: break;
    }
    return "unknown";
}

using namespace detail;

struct AssessmentCache::State
{
    const Lexicon* lexicon = nullptr;
    Structure structure;
    std::vector<BlockRun> runs;
    // The runs' parts combined in a binary tree (node i combines 2i and 2i+1; from leaves on,
    // node leaves + r is run r), so that a change to one run recombines only its ancestors.
    std::size_t leaves = 1;
    std::vector<Part> tree;
    Part none; // what a leaf past the last run holds
    std::vector<CellInfo> cells;
    std::size_t computed = 0;
};

AssessmentCache::AssessmentCache()
    : m_state(std::make_unique<State>())
{
}
AssessmentCache::~AssessmentCache() = default;
AssessmentCache::AssessmentCache(AssessmentCache&&) noexcept = default;
AssessmentCache& AssessmentCache::operator=(AssessmentCache&&) noexcept = default;
std::size_t AssessmentCache::runsComputed() const { return m_state ? m_state->computed : 0; }

namespace
{
// Assessor assesses a document with a cache: the structure, the runs that need it, the tree,
// then the assessment from the combined parts.
class Assessor : public BlockReader
{
public:
    Assessor(const model::Document& doc, const std::vector<const BlockFacts*>& facts, const Lexicon& lex,
             const AssessOptions& options)
        : BlockReader(doc, facts, lex), m_options(options)
    {
    }

    Assessment run(const std::vector<std::uint64_t>& versions, AssessmentCache::State& cache, const AssessmentChange& change)
    {
        const std::size_t n = size();
        const bool fresh = cache.lexicon != &m_lex || cache.structure.keys.size() != n;
        const std::size_t runCount = (n + kRunLength - 1) / kRunLength;
        if (fresh)
            cache.runs.assign(runCount, {});
        // Which runs read a block that changed, or whose place in the structure changed.
        std::vector<bool> dirty(runCount, fresh);
        auto markRuns = [&](std::size_t b) {
            // A run reads its own blocks, the one after them, and looks back at most
            // kLookBack blocks: only runs that near can have read block b.
            const std::size_t r = b / kRunLength;
            const std::size_t last = std::min(runCount - 1, r + kLookBack / kRunLength + 1);
            for (std::size_t k = r == 0 ? 0 : r - 1; k <= last; ++k)
                if (cache.runs[k].dependsFrom <= b && b <= cache.runs[k].dependsTo)
                    dirty[k] = true;
        };
        if (!fresh && change.sameStructure && change.blocks)
        {
            // The headings' and tables' reach is as it was: only the changed blocks' versions move.
            for (std::size_t b : *change.blocks)
            {
                cache.structure.keys[b].version = versions[b];
                markRuns(b);
                // A heading edited in place may be the first about its group: its text's length
                // is part of the place.
                for (Location& first : cache.structure.firstHeading)
                    if (first.block == static_cast<int>(b))
                        first = wholeBlock(b);
            }
        }
        else
        {
            Structure structure = StructureReader(m_doc, m_facts, m_lex).read(versions, cache.cells);
            if (!fresh)
                for (std::size_t b = 0; b < n; ++b)
                    if (cache.structure.keys[b] != structure.keys[b])
                        markRuns(b);
            cache.structure = std::move(structure);
        }
        cache.computed = 0;
        std::vector<std::size_t> stale; // tree nodes to combine again
        if (fresh)
        {
            cache.none = emptyPart();
            cache.leaves = std::bit_ceil(std::max<std::size_t>(runCount, 1));
            cache.tree.assign(cache.leaves, {});
            for (std::size_t i = cache.leaves; i-- > 1;)
                stale.push_back(i);
        }
        for (std::size_t r = 0; r < runCount; ++r)
            if (dirty[r])
            {
                BlockRun& run = cache.runs[r];
                run.begin = r * kRunLength;
                run.end = std::min(n, run.begin + kRunLength);
                RunReader(m_doc, m_facts, m_lex).computeRun(run, cache.structure.keys);
                ++cache.computed;
                if (!fresh)
                    for (std::size_t i = (cache.leaves + r) / 2; i >= 1; i /= 2)
                        stale.push_back(i);
            }
        // Children have higher numbers than their parents: combine from the highest down.
        std::sort(stale.begin(), stale.end(), std::greater<>());
        stale.erase(std::unique(stale.begin(), stale.end()), stale.end());
        auto node = [&cache, runCount](std::size_t i) -> const Part& {
            if (i < cache.leaves)
                return cache.tree[i];
            return i - cache.leaves < runCount ? cache.runs[i - cache.leaves].part : cache.none;
        };
        for (std::size_t i : stale)
        {
            Part combined = node(2 * i);
            combined.add(node(2 * i + 1));
            cache.tree[i] = std::move(combined);
        }
        cache.lexicon = &m_lex;
        return assemble(runCount == 0 ? cache.none : node(1), cache.structure);
    }

private:
    std::string detectKind(const DocumentPart& d) const
    {
        // "EIA" means an Environmental Impact Assessment in a planning document.
        const bool environmental = d.environmental >= 3;
        const std::size_t inHeads = d.titleInHeads + (environmental ? 0 : d.abbreviationInHeads);
        const std::size_t anywhere = d.titleAnywhere + (environmental ? 0 : d.abbreviationAnywhere);
        return inHeads >= 1 || anywhere >= 3 ? "eia" : "policy";
    }

    static std::string detectJurisdiction(const DocumentPart& d)
    {
        if (d.ni > 0 && d.ni >= d.wales && d.ni >= d.scotland)
            return "ni";
        if (d.wales > 0 && d.wales >= d.scotland)
            return "wales";
        if (d.scotland > 0)
            return "scotland";
        return "england";
    }

    // The groups checked: the jurisdiction's characteristics and extra groups, then those asked for.
    std::vector<std::string> enabledGroups(const std::string& jurisdiction) const
    {
        const auto profileIt = m_lex.data().jurisdictions.find(jurisdiction);
        std::vector<std::string> enabled;
        if (profileIt != m_lex.data().jurisdictions.end())
        {
            enabled = profileIt->second.characteristics;
            enabled.insert(enabled.end(), profileIt->second.extraGroups.begin(), profileIt->second.extraGroups.end());
        }
        else
            for (const GroupInfo& g : m_lex.groups())
                if (!g.extra)
                    enabled.push_back(g.id);
        for (const auto& id : m_options.extraGroups)
            if (std::find(enabled.begin(), enabled.end(), id) == enabled.end())
                enabled.push_back(id);
        return enabled;
    }

    // What the document says of one group (index g).
    CharacteristicResult characteristic(int g, const Part& total, const Structure& s) const
    {
        const std::size_t gi = static_cast<std::size_t>(g);
        const GroupInfo& info = m_lex.groups()[gi];
        const GroupPart& gp = total.groups[gi];
        CharacteristicResult r;
        r.id = info.id;
        r.label = info.label;
        r.extra = info.extra;
        // Addressed under its own heading or in its own table row, else in sentences.
        r.where = !s.firstHeading[gi].document() ? s.firstHeading[gi] : s.firstRow[gi];
        r.addressed = !r.where.document();
        if (gp.sentences)
        {
            if (!r.addressed)
                r.where = gp.firstSentence;
            r.addressed = true;
        }
        r.listedOnly = !r.addressed && gp.listed;
        const Structure::Ticks& t = s.ticks[gi];
        // Impacts stated under its heading or in its row without analysis, or claimed in a
        // bare sentence or ticked, are claims: the group is not addressed, but they count.
        const bool claimed = gp.neutral || gp.negative || gp.positive || gp.claimedNeutral || gp.claimedNegative
                             || gp.claimedPositive || t.neutral || t.negative || t.positive;
        if (r.addressed || claimed)
        {
            // Evidence counts only with analysis: a bare "No impact" or a tick has none.
            r.evidence = r.addressed && (gp.evidence || (gp.comparison && gp.numbers) || gp.shares);
            bool neg = gp.negative || gp.claimedNegative, pos = gp.positive || gp.claimedPositive,
                 neutral = gp.neutral || gp.claimedNeutral;
            for (const Location& l : gp.neutralAt)
                keepFirst(r.noImpactAt, l);
            // Tick-box tables: the impact named by the ticked column.
            neg = neg || t.negative;
            pos = pos || t.positive;
            if (t.neutral && !neutral)
                r.noImpactAt = t.neutralAt;
            neutral = neutral || t.neutral;
            r.impact = neg && pos ? Impact::Mixed
                       : neg      ? Impact::Negative
                       : pos      ? Impact::Positive
                       : neutral  ? Impact::Neutral
                                  : Impact::NotStated;
            r.unsupportedNoImpact = r.impact == Impact::Neutral && !r.evidence && !(r.addressed && gp.reasoning);
            r.mitigation = gp.mitigation || (s.actionMitigated & bit(g)) != 0;
            r.aimsBeyondA = gp.aimsBC;
        }
        return r;
    }

    // A blanket claim of no impact speaks for every characteristic the document does not
    // analyse on its own (the Brown and Bridges pattern).
    static void applyBlanketClaim(Assessment& a, const DocumentPart& d)
    {
        a.blanketNoImpact = d.blanketNoImpact;
        if (!a.blanketNoImpact.document())
            for (CharacteristicResult& c : a.characteristics)
                if (!c.extra && !c.addressed && !c.unsupportedNoImpact)
                {
                    c.unsupportedNoImpact = true;
                    c.byBlanketClaim = true;
                    c.noImpactAt = a.blanketNoImpact;
                }
    }

    // What the document says as a whole: engagement, mitigation, monitoring, the aims, timing.
    static void addDocumentFacts(Assessment& a, const DocumentPart& d, const Structure& s)
    {
        a.equalitySection = d.equalitySection;
        a.intersectionality = d.intersectionality;
        a.cumulative = d.cumulative;
        a.engagementFeedback = d.feedback;
        a.justification = d.justification;
        a.decisionMaker = d.decisionMaker;
        a.engagement = d.engagement;
        a.internalEngagement = d.internalEngagement;
        a.monitoring = d.monitoring;
        a.vagueMitigation = d.vagueMitigation;
        a.dataGapsWithoutPlan = d.dataGapsWithoutPlan;
        a.disproportionClaims = d.disproportionClaims;
        a.mantras = d.mantras;
        a.equalTreatment = d.equalTreatment;
        a.retrospective = d.retrospective;
        a.outdatedTerms = d.outdatedTerms;
        a.incompleteFigures = d.incompleteFigures;
        a.technology = d.technology;
        for (std::size_t i = 0; i < 3; ++i)
            a.aims[i] = d.aims[i];
        a.engagementInternalOnly = !a.engagement && !a.internalEngagement.document();
        // Mitigation needs something to mitigate: an adverse impact on a group, or a harm the
        // mitigating sentence itself names. Without one, "we will ..." is the proposal itself.
        const bool adverse = d.mitigationOfHarm || std::any_of(a.characteristics.begin(), a.characteristics.end(), [](const CharacteristicResult& c) {
            return c.impact == Impact::Negative || c.impact == Impact::Mixed;
        });
        a.mitigation = adverse
                       && (s.actionTable || d.anyMitigation
                           || std::any_of(a.characteristics.begin(), a.characteristics.end(),
                                          [](const CharacteristicResult& c) { return c.mitigation; }));
        a.mitigationOwned = a.mitigation && (s.actionTableOwned || d.ownedSentence);
        for (std::size_t i = 0; i < 3; ++i)
            if (d.boilerplateAims[i] && !a.aims[i])
                a.aimsBoilerplateOnly = true;
        if (!a.technology.document())
            a.technologyWithoutBiasTesting = d.biasTesting == 0;

        // Without a date of assessment, the document's own date ("Date: 10 October 2025") stands in.
        const std::optional<int> assessed = d.latestAssessment ? d.latestAssessment
                                            : d.documentDate.year != 0 ? std::optional<int>(d.documentDate.serial())
                                                                       : std::nullopt;
        if (!a.retrospective.empty())
            a.timing = Timing::After;
        else if (assessed && d.earliestDecision)
            a.timing = *assessed <= *d.earliestDecision ? Timing::Before : Timing::After;
    }

    Assessment assemble(const Part& total, const Structure& s) const
    {
        const DocumentPart& d = total.document;
        Assessment a;
        a.kind = m_options.kind ? *m_options.kind : detectKind(d);
        a.jurisdiction = m_options.jurisdiction ? *m_options.jurisdiction : detectJurisdiction(d);
        for (const std::string& id : enabledGroups(a.jurisdiction))
            if (const int g = m_lex.groupIndex(id); g >= 0)
                a.characteristics.push_back(characteristic(g, total, s));
        applyBlanketClaim(a, d);
        addDocumentFacts(a, d, s);
        dropTranslations(a);
        return a;
    }

    // The block next to b (before or after it) that has a language, passing over blank blocks,
    // headings and blocks of no clear language (a name, a figure); or b itself if there is none.
    std::size_t neighbour(std::size_t b, bool after) const
    {
        for (std::size_t k = b; after ? k + 1 < size() : k > 0;)
        {
            k = after ? k + 1 : k - 1;
            if (f(k).blank || m_doc.blocks[k].isHeading()
                || f(k).language == welsh::Language::Unknown)
                continue;
            return k;
        }
        return b;
    }

    // translations: blocks a and b say the same in Welsh and in English, as a bilingual document
    // sets them out: cells of one table row (the languages in columns side by side), or a
    // paragraph and the next one (each paragraph followed by its translation).
    bool translations(std::size_t a, std::size_t b) const
    {
        const welsh::Language la = f(a).language, lb = f(b).language;
        if (a == b || la == welsh::Language::Unknown || lb == welsh::Language::Unknown || la == lb)
            return false;
        const model::Block &x = m_doc.blocks[a], &y = m_doc.blocks[b];
        if (x.table >= 0 || y.table >= 0)
            return x.table == y.table && x.row == y.row;
        return neighbour(a, b > a) == b;
    }

    // dropTranslations keeps one finding where a passage and its translation both have it: the
    // first, so that a bilingual document gets the prompts its Welsh or English text alone would.
    // What the document says (addressed, evidence, impact and the rest) is a yes or no that the
    // translation cannot change, so only the places findings point at need this.
    void dropTranslations(Assessment& a) const
    {
        dedupe(a.vagueMitigation);
        dedupe(a.dataGapsWithoutPlan);
        dedupe(a.disproportionClaims);
        dedupe(a.mantras);
        dedupe(a.equalTreatment);
        dedupe(a.retrospective);
        dedupe(a.outdatedTerms);
        dedupe(a.incompleteFigures);
    }

    static int blockOf(const Location& l) { return l.block; }
    static int blockOf(const std::pair<Location, std::string>& p) { return p.first.block; }

    // dedupe drops each entry whose block translates the block of an entry kept before it.
    template <typename Entry> void dedupe(std::vector<Entry>& list) const
    {
        std::vector<std::size_t> kept;
        std::erase_if(list,
                      [&](const Entry& entry)
                      {
                          const int b = blockOf(entry);
                          if (b < 0)
                              return false;
                          const auto block = static_cast<std::size_t>(b);
                          const bool twin
                              = std::any_of(kept.begin(), kept.end(),
                                            [&](std::size_t k) { return translations(k, block); });
                          if (!twin)
                              kept.push_back(block);
                          return twin;
                      });
    }

    const AssessOptions& m_options;
};
} // namespace

Assessment assess(const model::Document& document, const std::vector<const BlockFacts*>& facts,
                  const std::vector<std::uint64_t>& versions, const Lexicon& lexicon, const AssessOptions& options,
                  AssessmentCache& cache, const AssessmentChange& change)
{
    if (!cache.m_state)
        cache.m_state = std::make_unique<AssessmentCache::State>();
    return Assessor(document, facts, lexicon, options).run(versions, *cache.m_state, change);
}
} // namespace dueregard::engine
