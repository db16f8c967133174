#include "engine/Assessment.hpp"

#include "engine/Tokenizer.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <functional>
#include <map>
#include <optional>

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

namespace
{
struct Markers
{
    explicit Markers(const Lexicon& lex)
    {
        auto m = [&](const char* name) { return lex.marker(name); };
        eiaTitle = m("eia_title"); environmental = m("environmental"); equalitySection = m("equality_section");
        wales = m("jurisdiction_wales"); scotland = m("jurisdiction_scotland"); ni = m("jurisdiction_ni");
        evidence = m("evidence_source"); comparison = m("comparison"); negative = m("impact_negative");
        positive = m("impact_positive"); neutral = m("impact_neutral"); reasoning = m("reasoning");
        mitigation = m("mitigation"); vague = m("vague_mitigation"); owner = m("owner");
        intersection = m("intersection"); cumulative = m("cumulative"); engagement = m("engagement");
        external = m("external_party"); internal = m("internal"); feedback = m("feedback_change");
        aimA = m("aim_a"); aimB = m("aim_b"); aimC = m("aim_c"); statute = m("statute");
        monitoring = m("monitoring"); frequency = m("frequency"); reviewDate = m("review_date");
        decisionMaker = m("decision_maker"); declaration = m("declaration"); retrospective = m("retrospective");
        assessmentDate = m("assessment_date"); decisionDate = m("decision_date"); dataGap = m("data_gap");
        gapPlan = m("gap_plan"); technology = m("technology"); biasTesting = m("bias_testing");
        claim = m("disproportion_claim"); rate = m("rate_denominator"); justification = m("justification");
        mantra = m("mantra"); equalTreatment = m("equal_treatment"); outdated = m("outdated");
        decisionObject = m("decision_object"); documentDate = m("document_date");
        decisionShare = m("decision_share"); period = m("period"); geography = m("geography");
    }
    int eiaTitle, environmental, equalitySection, wales, scotland, ni, evidence, comparison, negative, positive,
        neutral, reasoning, mitigation, vague, owner, intersection, cumulative, engagement, external, internal,
        feedback, aimA, aimB, aimC, statute, monitoring, frequency, reviewDate, decisionMaker, declaration,
        retrospective, assessmentDate, decisionDate, dataGap, gapPlan, technology, biasTesting, claim, rate,
        justification, mantra, equalTreatment, outdated, decisionObject, documentDate, decisionShare, period,
        geography;
};

std::uint64_t bit(int group) { return std::uint64_t(1) << group; }

void keepFirst(Location& first, const Location& candidate)
{
    if (first.document())
        first = candidate;
}

template <typename T> void append(std::vector<T>& to, const std::vector<T>& from)
{
    to.insert(to.end(), from.begin(), from.end());
}

// Where a block's hits count for a group: the whole block under the group's heading, in a
// table row labelled with it, or the sentences about it elsewhere. The first "no impact" is
// looked for in that order.
enum Place { UnderHeading, InRow, InSentence, kPlaces };

// What a run of blocks says about one group.
struct GroupPart
{
    bool sentences = false; // sentences of analysis about it outside its headings and rows
    Location firstSentence;
    bool listed = false; // named in a list of characteristics
    bool comparison = false, evidence = false, negative = false, positive = false, reasoning = false,
         mitigation = false, aimsBC = false, neutral = false, numbers = false, shares = false;
    std::array<Location, kPlaces> neutralAt;

    void add(const GroupPart& o)
    {
        if (!sentences)
            firstSentence = o.firstSentence;
        sentences = sentences || o.sentences;
        listed = listed || o.listed;
        comparison = comparison || o.comparison;
        evidence = evidence || o.evidence;
        negative = negative || o.negative;
        positive = positive || o.positive;
        reasoning = reasoning || o.reasoning;
        mitigation = mitigation || o.mitigation;
        aimsBC = aimsBC || o.aimsBC;
        neutral = neutral || o.neutral;
        numbers = numbers || o.numbers;
        shares = shares || o.shares;
        for (std::size_t p = 0; p < neutralAt.size(); ++p)
            keepFirst(neutralAt[p], o.neutralAt[p]);
    }
};

// What a run of blocks says about the document as a whole.
struct DocumentPart
{
    std::size_t environmental = 0, ni = 0, wales = 0, scotland = 0, biasTesting = 0;
    // Names of an equality assessment, in headings (or the first lines) and anywhere; "EIA" and
    // "EHIA" apart, as in a planning document they name an environmental assessment.
    std::size_t titleInHeads = 0, titleAnywhere = 0, abbreviationInHeads = 0, abbreviationAnywhere = 0;
    bool equalitySection = false, intersectionality = false, cumulative = false, feedback = false,
         justification = false, decisionMaker = false, engagement = false, anyMitigation = false,
         ownedSentence = false, monitoring = false;
    std::array<bool, 3> aims{}, boilerplateAims{};
    Location internalEngagement, technology;
    std::vector<Location> vagueMitigation, dataGapsWithoutPlan, disproportionClaims, mantras, equalTreatment,
        retrospective;
    std::vector<std::pair<Location, std::string>> outdatedTerms, incompleteFigures;
    bool assessmentDate = false, decisionDate = false;
    int latestAssessment = 0, earliestDecision = 0;
    Date documentDate;

    void add(const DocumentPart& o)
    {
        environmental += o.environmental;
        ni += o.ni;
        wales += o.wales;
        scotland += o.scotland;
        biasTesting += o.biasTesting;
        titleInHeads += o.titleInHeads;
        titleAnywhere += o.titleAnywhere;
        abbreviationInHeads += o.abbreviationInHeads;
        abbreviationAnywhere += o.abbreviationAnywhere;
        equalitySection = equalitySection || o.equalitySection;
        intersectionality = intersectionality || o.intersectionality;
        cumulative = cumulative || o.cumulative;
        feedback = feedback || o.feedback;
        justification = justification || o.justification;
        decisionMaker = decisionMaker || o.decisionMaker;
        engagement = engagement || o.engagement;
        anyMitigation = anyMitigation || o.anyMitigation;
        ownedSentence = ownedSentence || o.ownedSentence;
        monitoring = monitoring || o.monitoring;
        for (std::size_t i = 0; i < 3; ++i)
        {
            aims[i] = aims[i] || o.aims[i];
            boilerplateAims[i] = boilerplateAims[i] || o.boilerplateAims[i];
        }
        keepFirst(internalEngagement, o.internalEngagement);
        keepFirst(technology, o.technology);
        append(vagueMitigation, o.vagueMitigation);
        append(dataGapsWithoutPlan, o.dataGapsWithoutPlan);
        append(disproportionClaims, o.disproportionClaims);
        append(mantras, o.mantras);
        append(equalTreatment, o.equalTreatment);
        append(retrospective, o.retrospective);
        append(outdatedTerms, o.outdatedTerms);
        append(incompleteFigures, o.incompleteFigures);
        if (o.assessmentDate)
            latestAssessment = assessmentDate ? std::max(latestAssessment, o.latestAssessment) : o.latestAssessment;
        if (o.decisionDate)
            earliestDecision = decisionDate ? std::min(earliestDecision, o.earliestDecision) : o.earliestDecision;
        assessmentDate = assessmentDate || o.assessmentDate;
        decisionDate = decisionDate || o.decisionDate;
        if (documentDate.year == 0)
            documentDate = o.documentDate;
    }
};

struct Part
{
    std::vector<GroupPart> groups;
    DocumentPart document;

    void add(const Part& o)
    {
        for (std::size_t g = 0; g < groups.size(); ++g)
            groups[g].add(o.groups[g]);
        document.add(o.document);
    }
};

// What a block's contribution depends on besides its own facts.
enum : std::uint8_t
{
    kHeading = 1,
    kTableCell = 2,
    kRowLabel = 4, // the first cell of a row that names one group
    kEarly = 8,    // among the first three lines with text: where a title is
};

struct BlockKey
{
    std::uint64_t version = 0;
    std::uint64_t underHeading = 0; // groups whose heading's section takes in the block
    std::uint64_t inRow = 0;        // groups whose labelled table row takes in the block
    std::uint8_t flags = 0;
    bool operator==(const BlockKey&) const = default;
};

// A table cell's text as a tick ("Yes", "X", a tick mark) and as a column heading of an
// action plan (its words for an action, an owner and a date).
enum : std::uint8_t { kTick = 1, kAction = 2, kOwner = 4, kWhen = 8 };

struct CellInfo
{
    std::uint64_t version = 0;
    std::uint8_t bits = 0;
};

std::uint8_t cellBits(std::u16string_view text)
{
    const std::u16string t = Tokenizer::fold(text);
    auto has = [&t](std::u16string_view w) { return t.find(w) != std::u16string::npos; };
    std::uint8_t bits = 0;
    if (t == u"yes" || t == u"x" || t == u"\u2713" || t == u"\u2714")
        bits |= kTick;
    if (has(u"action"))
        bits |= kAction;
    if (has(u"owner") || has(u"lead") || has(u"responsib"))
        bits |= kOwner;
    if (has(u"date") || has(u"deadline") || has(u"when") || has(u"timescale"))
        bits |= kWhen;
    return bits;
}

// What the units of the document (headings and table rows about one group) and its tables
// say: computed afresh at every assessment, in one quick pass over the blocks' structure.
struct Structure
{
    std::vector<BlockKey> keys;
    std::vector<Location> firstHeading, firstRow; // per group: its first heading or row with content
    struct Ticks
    {
        bool negative = false, positive = false, neutral = false;
        Location neutralAt;
    };
    std::vector<Ticks> ticks; // per group: impacts ticked in its table rows
    std::uint64_t actionMitigated = 0; // groups named in the rows of an action plan table
    bool actionTable = false, actionTableOwned = false;
};

struct BlockRun
{
    std::size_t begin = 0, end = 0;
    std::size_t dependsFrom = 0, dependsTo = 0; // the blocks whose facts it read, to and including
    Part part;
};
} // namespace

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
constexpr std::size_t kRunLength = 48; // blocks per run: what a re-check recomputes at least
// How far back a claim about figures looks for their period and area: to its heading, or twelve
// paragraphs, with up to 400 table cells between.
constexpr std::size_t kLookBackParagraphs = 12, kLookBackCells = 400;
constexpr std::size_t kLookBack = kLookBackParagraphs + kLookBackCells;

class Assessor
{
public:
    Assessor(const model::Document& doc, const std::vector<const BlockFacts*>& facts, const Lexicon& lex,
             const AssessOptions& options)
        : m_doc(doc), m_facts(facts), m_lex(lex), m_m(lex), m_options(options)
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
            Structure structure = buildStructure(versions, cache.cells);
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
                computeRun(run, cache.structure.keys);
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
    const BlockFacts& f(std::size_t b) const { return *m_facts[b]; }
    std::size_t size() const { return m_doc.blocks.size(); }

    Part emptyPart() const
    {
        Part p;
        p.groups.resize(m_lex.groups().size());
        return p;
    }

    Location at(std::size_t b, const Hit& h) const { return { static_cast<int>(b), h.start, h.end }; }
    Location wholeBlock(std::size_t b) const
    {
        return { static_cast<int>(b), 0, static_cast<std::uint32_t>(m_doc.blocks[b].text.size()) };
    }
    Location sentenceAt(std::size_t b, std::uint32_t s) const
    {
        const auto& sentences = f(b).sentences;
        if (s >= sentences.size())
            return wholeBlock(b);
        // Trim the trailing space ICU leaves at the end of a sentence.
        std::uint32_t end = sentences[s].end;
        while (end > sentences[s].start && m_doc.blocks[b].text[end - 1] == u' ')
            --end;
        return { static_cast<int>(b), sentences[s].start, end };
    }

    // The structure: which groups' headings and table rows take in each block, the first of
    // them with content, and what the tables tick and plan.
    Structure buildStructure(const std::vector<std::uint64_t>& versions, std::vector<CellInfo>& cells) const
    {
        const std::size_t groups = m_lex.groups().size();
        Structure s;
        s.keys.resize(size());
        s.firstHeading.resize(groups);
        s.firstRow.resize(groups);
        s.ticks.resize(groups);

        // Headings about one group ("## Disability") take in everything under them, up to the
        // next heading of the same or a higher level.
        struct Open
        {
            int level, group;
            std::size_t heading;
            bool content;
        };
        std::vector<Open> open;
        std::size_t linesWithText = 0;
        std::map<std::pair<int, int>, std::vector<std::size_t>> rows;
        std::map<std::pair<int, int>, std::size_t> headerByColumn;
        std::map<int, std::vector<std::size_t>> tables;
        auto closeUnit = [&](const Open& u) {
            if (u.content)
            {
                Location& first = s.firstHeading[static_cast<std::size_t>(u.group)];
                if (first.document() || static_cast<std::size_t>(first.block) > u.heading)
                    first = wholeBlock(u.heading);
            }
        };
        for (std::size_t b = 0; b < size(); ++b)
        {
            const model::Block& block = m_doc.blocks[b];
            BlockKey& key = s.keys[b];
            key.version = versions[b];
            if (block.isHeading())
            {
                key.flags |= kHeading;
                while (!open.empty() && open.back().level >= block.outlineLevel)
                {
                    closeUnit(open.back());
                    open.pop_back();
                }
            }
            for (Open& u : open)
            {
                key.underHeading |= bit(u.group);
                u.content = u.content || f(b).words > 0;
            }
            if (linesWithText < 3)
                key.flags |= kEarly;
            if (!block.text.empty())
                ++linesWithText;
            if (block.isHeading() && f(b).groups.size() == 1 && f(b).words <= 8)
                open.push_back({ block.outlineLevel, f(b).groups.front(), b, false });
            if (block.kind == model::BlockKind::TableCell)
            {
                key.flags |= kTableCell;
                rows[{ block.table, block.row }].push_back(b);
                if (block.row == 0)
                    headerByColumn[{ block.table, block.column }] = b;
                tables[block.table].push_back(b);
                if (cells.size() != size())
                    cells.assign(size(), {});
                if (cells[b].version != versions[b] || versions[b] == 0)
                    cells[b] = { versions[b], cellBits(block.text) };
            }
        }
        for (const Open& u : open)
            closeUnit(u);

        // Table rows whose first cell names one group ("| Age | Negative | ... |") take in the
        // row's other cells; and impacts ticked in rows about a group.
        for (const auto& [rowKey, rowCells] : rows)
        {
            std::vector<int> labelGroups;
            std::uint32_t labelWords = 0, contentWords = 0;
            for (std::size_t b : rowCells)
                if (m_doc.blocks[b].column == 0)
                {
                    for (int g : f(b).groups)
                        if (std::find(labelGroups.begin(), labelGroups.end(), g) == labelGroups.end())
                            labelGroups.push_back(g);
                    labelWords += f(b).words;
                }
                else
                    contentWords += f(b).words;
            if (labelGroups.size() == 1 && labelWords <= 8)
            {
                const int g = labelGroups.front();
                std::optional<std::size_t> anchor;
                for (std::size_t b : rowCells)
                    if (m_doc.blocks[b].column == 0)
                    {
                        s.keys[b].flags |= kRowLabel;
                        if (!anchor)
                            anchor = b;
                    }
                    else
                        s.keys[b].inRow |= bit(g);
                if (contentWords >= 1)
                    keepFirst(s.firstRow[static_cast<std::size_t>(g)], wholeBlock(*anchor));
            }
            // "| Disability | | | Yes |" under "| | Positive | Negative | Neutral |".
            for (std::size_t b : rowCells)
            {
                if (!(cells[b].bits & kTick))
                    continue;
                const auto header = headerByColumn.find({ rowKey.first, m_doc.blocks[b].column });
                if (header == headerByColumn.end())
                    continue;
                const BlockFacts& hf = f(header->second);
                for (int g : labelGroups)
                {
                    Structure::Ticks& t = s.ticks[static_cast<std::size_t>(g)];
                    t.negative = t.negative || hf.hasMarker(m_m.negative);
                    t.positive = t.positive || hf.hasMarker(m_m.positive);
                    if (hf.hasMarker(m_m.neutral) && !t.neutral)
                    {
                        t.neutral = true;
                        t.neutralAt = wholeBlock(b);
                    }
                }
            }
        }

        // Tables whose header row names an action: rows that mention a group mitigate for it.
        for (const auto& [table, tableCells] : tables)
        {
            std::uint8_t header = 0;
            for (std::size_t b : tableCells)
                if (m_doc.blocks[b].row == 0)
                    header |= cells[b].bits;
            if (!(header & kAction))
                continue;
            bool dataRow = false;
            for (std::size_t b : tableCells)
                if (m_doc.blocks[b].row > 0 && f(b).words > 0)
                {
                    dataRow = true;
                    for (int g : f(b).groups)
                        s.actionMitigated |= bit(g);
                }
            if (!dataRow)
                continue;
            s.actionTable = true;
            s.actionTableOwned = s.actionTableOwned || ((header & kOwner) && (header & kWhen));
        }
        return s;
    }

    void computeRun(BlockRun& run, const std::vector<BlockKey>& keys) const
    {
        run.part = emptyPart();
        run.dependsFrom = run.begin;
        run.dependsTo = run.end - 1;
        for (std::size_t b = run.begin; b < run.end; ++b)
        {
            addGroups(run.part, b, keys[b]);
            addDocument(run, b, keys);
        }
    }

    // What a block says about each group: all of it under the group's heading or in its row,
    // else its sentences about the group (not those merely listing characteristics).
    void addGroups(Part& part, std::size_t b, const BlockKey& key) const
    {
        const BlockFacts& bf = f(b);
        if (!(key.flags & (kHeading | kRowLabel)))
            for (std::uint32_t s = 0; s < bf.sentences.size(); ++s)
            {
                const std::vector<int>& groups = bf.sentenceGroups[s];
                if (groups.empty())
                    continue;
                if (bf.sentenceIsList[s])
                {
                    for (int g : groups)
                        part.groups[static_cast<std::size_t>(g)].listed = true;
                    continue;
                }
                if (bf.sentenceWords[s] < 4)
                    continue;
                for (int g : groups)
                {
                    if ((key.underHeading | key.inRow) & bit(g))
                        continue;
                    GroupPart& gp = part.groups[static_cast<std::size_t>(g)];
                    if (!gp.sentences)
                        gp.firstSentence = sentenceAt(b, s);
                    gp.sentences = true;
                    addScope(gp, b, static_cast<int>(s), InSentence);
                }
            }
        for (std::size_t g = 0; g < part.groups.size(); ++g)
        {
            const bool heading = (key.underHeading & bit(static_cast<int>(g))) != 0;
            const bool row = (key.inRow & bit(static_cast<int>(g))) != 0;
            if (heading)
                addScope(part.groups[g], b, -1, UnderHeading);
            if (row)
                addScope(part.groups[g], b, -1, InRow);
        }
    }

    void addScope(GroupPart& gp, std::size_t b, int sentence, Place place) const
    {
        const BlockFacts& bf = f(b);
        for (const Hit& h : bf.markers)
        {
            if (sentence >= 0 && h.sentence != static_cast<std::uint32_t>(sentence))
                continue;
            if (h.group == m_m.comparison) gp.comparison = true;
            else if (h.group == m_m.evidence) gp.evidence = true;
            else if (h.group == m_m.negative) gp.negative = true;
            else if (h.group == m_m.positive) gp.positive = true;
            else if (h.group == m_m.reasoning) gp.reasoning = true;
            else if (h.group == m_m.mitigation) gp.mitigation = true;
            else if (h.group == m_m.aimB || h.group == m_m.aimC) gp.aimsBC = true;
            else if (h.group == m_m.neutral)
            {
                gp.neutral = true;
                keepFirst(gp.neutralAt[place], at(b, h));
            }
        }
        if (sentence < 0 ? bf.numbers > 0 : bf.sentenceNumbers[static_cast<std::size_t>(sentence)] > 0)
            gp.numbers = true;
        // A share with its denominator ("41% of respondents"), or two percentages side by side
        // ("21% of reviews and 26% of claimants"), is evidence in itself.
        for (std::size_t s = 0; s < bf.sentences.size() && !gp.shares; ++s)
            if ((sentence < 0 || static_cast<std::size_t>(sentence) == s) && (bf.sentenceShare[s] || bf.sentencePercent[s] >= 2))
                gp.shares = true;
    }

    void addDocument(BlockRun& run, std::size_t b, const std::vector<BlockKey>& keys) const
    {
        DocumentPart& d = run.part.document;
        const BlockFacts& bf = f(b);
        const model::Block& block = m_doc.blocks[b];
        const bool heading = (keys[b].flags & kHeading) != 0;
        const bool head = heading || (keys[b].flags & kEarly) != 0;
        for (const Hit& h : bf.markers)
        {
            if (h.group == m_m.environmental) ++d.environmental;
            else if (h.group == m_m.ni) ++d.ni;
            else if (h.group == m_m.wales) ++d.wales;
            else if (h.group == m_m.scotland) ++d.scotland;
            else if (h.group == m_m.biasTesting) ++d.biasTesting;
            else if (h.group == m_m.eiaTitle)
            {
                const std::u16string t = Tokenizer::fold(std::u16string_view(block.text).substr(h.start, h.end - h.start));
                const bool abbreviation = t == u"eia" || t == u"ehia";
                (abbreviation ? d.abbreviationAnywhere : d.titleAnywhere) += 1;
                if (head)
                    (abbreviation ? d.abbreviationInHeads : d.titleInHeads) += 1;
            }
        }
        if ((heading && bf.hasMarker(m_m.equalitySection)) || bf.hasMarker(m_m.eiaTitle))
            d.equalitySection = true;

        // Intersections: named, or two groups a few words apart ("older disabled women").
        d.intersectionality = d.intersectionality || bf.hasMarker(m_m.intersection) || bf.intersectionPhrase;
        d.cumulative = d.cumulative || bf.hasMarker(m_m.cumulative);
        d.feedback = d.feedback || bf.hasMarker(m_m.feedback);
        d.justification = d.justification || bf.hasMarker(m_m.justification);
        d.decisionMaker = d.decisionMaker || bf.hasMarker(m_m.decisionMaker) || bf.hasMarker(m_m.declaration);

        // Engagement: who was engaged, sentence by sentence.
        for (const Hit& h : bf.markers)
        {
            if (h.group != m_m.engagement)
                continue;
            if (bf.hasMarkerInSentence(m_m.external, h.sentence))
                d.engagement = true;
            else if (bf.hasMarkerInSentence(m_m.internal, h.sentence))
                keepFirst(d.internalEngagement, sentenceAt(b, h.sentence));
        }

        // Mitigation, and whether someone owns it by a date.
        if (bf.hasMarker(m_m.mitigation) && !heading)
        {
            d.anyMitigation = true;
            if (bf.hasMarker(m_m.owner) && !bf.dates.empty())
                d.ownedSentence = true;
        }
        for (const Hit& h : bf.markers)
            if (h.group == m_m.vague)
                d.vagueMitigation.push_back(at(b, h));

        // Monitoring with a date or a frequency.
        if ((bf.hasMarker(m_m.reviewDate) && !bf.dates.empty()) || (bf.hasMarker(m_m.monitoring) && bf.hasMarker(m_m.frequency)))
            d.monitoring = true;
        for (const Date& date : bf.dates)
            if (bf.hasMarkerInSentence(m_m.monitoring, date.sentence) || bf.hasMarkerInSentence(m_m.reviewDate, date.sentence))
                d.monitoring = true;

        // The three aims, in analysis rather than a paragraph quoting section 149.
        const std::array<int, 3> aimMarkers = { m_m.aimA, m_m.aimB, m_m.aimC };
        int aimsHere = 0;
        for (int m : aimMarkers)
            aimsHere += bf.hasMarker(m);
        const bool boilerplate = bf.hasMarker(m_m.statute) && aimsHere >= 2;
        for (std::size_t i = 0; i < 3; ++i)
            if (bf.hasMarker(aimMarkers[i]))
                (boilerplate ? d.boilerplateAims[i] : d.aims[i]) = true;

        // Dates of the assessment and of the decision it informs: each date belongs to the
        // nearest marker before it in its sentence ("completed on X; board meeting on Y").
        for (const Date& date : bf.dates)
        {
            const Hit* nearest = nullptr;
            for (const Hit& h : bf.markers)
                if ((h.group == m_m.assessmentDate || h.group == m_m.decisionDate) && h.sentence == date.sentence
                    && h.lastWord < date.word && (!nearest || h.lastWord > nearest->lastWord))
                    nearest = &h;
            if (nearest && nearest->group == m_m.assessmentDate)
            {
                d.latestAssessment = d.assessmentDate ? std::max(d.latestAssessment, date.serial()) : date.serial();
                d.assessmentDate = true;
            }
            else if (nearest)
            {
                d.earliestDecision = d.decisionDate ? std::min(d.earliestDecision, date.serial()) : date.serial();
                d.decisionDate = true;
            }
            else if (d.documentDate.year == 0 && b < 4 && !heading && bf.hasMarkerInSentence(m_m.documentDate, date.sentence))
                d.documentDate = date; // "Date: 10 October 2025" on the front of the document
        }
        std::vector<std::uint32_t> claimSentences; // claims judged, once per sentence
        for (const Hit& h : bf.markers)
        {
            if (h.group == m_m.retrospective)
            {
                // "The scheme was introduced", not "A DPIA has been approved".
                if (bf.hasMarkerInSentence(m_m.decisionObject, h.sentence))
                    d.retrospective.push_back(at(b, h));
            }
            else if (h.group == m_m.mantra)
                d.mantras.push_back(at(b, h));
            else if (h.group == m_m.equalTreatment)
                d.equalTreatment.push_back(at(b, h));
            else if (h.group == m_m.outdated)
                d.outdatedTerms.push_back({ at(b, h), text::toUtf8(std::u16string_view(block.text).substr(h.start, h.end - h.start)) });
            else if (h.group == m_m.technology)
                keepFirst(d.technology, at(b, h));
            else if ((h.group == m_m.claim || (h.group == m_m.decisionShare && bf.sentencePercent[h.sentence] > 0))
                     && std::find(claimSentences.begin(), claimSentences.end(), h.sentence) == claimSentences.end())
            {
                claimSentences.push_back(h.sentence);
                figuresClaim(run, b, h, keys);
            }
        }

        // Gaps in the evidence, and whether a plan to fill them follows.
        if (bf.hasMarker(m_m.dataGap))
        {
            if (b + 1 < size())
                run.dependsTo = std::max(run.dependsTo, b + 1);
            const bool plan = bf.hasMarker(m_m.gapPlan) || (b + 1 < size() && f(b + 1).hasMarker(m_m.gapPlan));
            if (!plan)
                for (const Hit& h : bf.markers)
                    if (h.group == m_m.dataGap)
                    {
                        d.dataGapsWithoutPlan.push_back(sentenceAt(b, h.sentence));
                        break;
                    }
        }
    }

    // figuresClaim judges a statement of over- or under-representation: with no figure it is
    // unquantified; with figures it needs a comparator or baseline in the sentence, and a period
    // and an area given earlier in its section.
    void figuresClaim(BlockRun& run, std::size_t b, const Hit& h, const std::vector<BlockKey>& keys) const
    {
        DocumentPart& d = run.part.document;
        const BlockFacts& bf = f(b);
        const bool rate = bf.hasMarkerInSentence(m_m.rate, h.sentence);
        const std::uint32_t figures = bf.sentenceNumbers[h.sentence] - std::min(bf.sentenceNumbers[h.sentence], std::uint32_t(bf.sentenceYears[h.sentence]));
        if (figures == 0 && !rate)
        {
            d.disproportionClaims.push_back(at(b, h));
            return;
        }
        // The context: this block and what comes before it in its section, back to the heading
        // (included) or twelve paragraphs, with any tables between (a table of figures is often
        // introduced by the paragraph that gives their period and area).
        bool period = false, area = false;
        auto look = [&](std::size_t k) {
            const BlockFacts& c = f(k);
            period = period || c.hasMarker(m_m.period) || !c.dates.empty()
                     || std::any_of(c.sentenceYears.begin(), c.sentenceYears.end(), [](std::uint8_t y) { return y > 0; });
            area = area || c.hasMarker(m_m.geography) || c.placeName;
        };
        look(b);
        for (std::size_t k = b, paragraphs = 0, cells = 0; k > 0 && paragraphs < kLookBackParagraphs && cells < kLookBackCells;)
        {
            --k;
            run.dependsFrom = std::min(run.dependsFrom, k);
            look(k);
            if (keys[k].flags & kHeading)
                break;
            ((keys[k].flags & kTableCell) ? cells : paragraphs) += 1;
        }
        std::vector<std::string> missing;
        if (!rate && !bf.hasMarkerInSentence(m_m.comparison, h.sentence))
            missing.push_back("the comparator or baseline");
        if (!period)
            missing.push_back("the period");
        if (!area)
            missing.push_back("the area");
        if (missing.empty())
            return;
        std::string list;
        for (std::size_t i = 0; i < missing.size(); ++i)
            list += (i == 0 ? "" : i + 1 == missing.size() ? " or " : ", ") + missing[i];
        d.incompleteFigures.push_back({ sentenceAt(b, h.sentence), list });
    }

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

    Assessment assemble(const Part& total, const Structure& s) const
    {
        const DocumentPart& d = total.document;
        Assessment a;
        a.kind = m_options.kind ? *m_options.kind : detectKind(d);
        a.jurisdiction = m_options.jurisdiction ? *m_options.jurisdiction : detectJurisdiction(d);

        const auto profileIt = m_lex.data().jurisdictions.find(a.jurisdiction);
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

        for (const std::string& id : enabled)
        {
            const int g = m_lex.groupIndex(id);
            if (g < 0)
                continue;
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
            if (r.addressed)
            {
                r.evidence = gp.evidence || (gp.comparison && gp.numbers) || gp.shares;
                bool neg = gp.negative, pos = gp.positive, neutral = gp.neutral;
                for (const Location& l : gp.neutralAt)
                    keepFirst(r.noImpactAt, l);
                // Tick-box tables: the impact named by the ticked column.
                const Structure::Ticks& t = s.ticks[gi];
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
                r.unsupportedNoImpact = r.impact == Impact::Neutral && !r.evidence && !gp.reasoning;
                r.mitigation = gp.mitigation || (s.actionMitigated & bit(g)) != 0;
                r.aimsBeyondA = gp.aimsBC;
            }
            a.characteristics.push_back(std::move(r));
        }

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
        a.mitigation = s.actionTable || d.anyMitigation
                       || std::any_of(a.characteristics.begin(), a.characteristics.end(),
                                      [](const CharacteristicResult& c) { return c.mitigation; });
        a.mitigationOwned = s.actionTableOwned || d.ownedSentence;
        for (std::size_t i = 0; i < 3; ++i)
            if (d.boilerplateAims[i] && !a.aims[i])
                a.aimsBoilerplateOnly = true;
        if (!a.technology.document())
            a.technologyWithoutBiasTesting = d.biasTesting == 0;

        const bool assessed = d.assessmentDate || d.documentDate.year != 0;
        const int latestAssessment = d.assessmentDate ? d.latestAssessment : d.documentDate.serial();
        if (!a.retrospective.empty())
            a.timing = Timing::After;
        else if (assessed && d.decisionDate)
            a.timing = latestAssessment <= d.earliestDecision ? Timing::Before : Timing::After;
        return a;
    }

    const model::Document& m_doc;
    const std::vector<const BlockFacts*>& m_facts;
    const Lexicon& m_lex;
    Markers m_m;
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

Assessment assess(const model::Document& document, const std::vector<const BlockFacts*>& facts, const Lexicon& lexicon,
                  const AssessOptions& options)
{
    AssessmentCache cache;
    std::vector<std::uint64_t> versions(facts.size());
    for (std::size_t b = 0; b < versions.size(); ++b)
        versions[b] = b + 1;
    return assess(document, facts, versions, lexicon, options, cache);
}
} // namespace dueregard::engine
