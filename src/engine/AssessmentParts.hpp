#pragma once
// The parts of an assessment (src/engine/Assessment.cpp), shared by its files and by nothing else:
// what a run of blocks says about each group and about the document (and how two runs' results
// combine), the document's structure (AssessmentStructure.cpp), and the reading of one run's
// blocks (AssessmentRuns.cpp).

#include "engine/Assessment.hpp"
#include "engine/Tokenizer.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dueregard::engine::detail
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
        blanket = m("blanket_scope"); aimDefinition = m("aim_definition"); planned = m("planned"); done = m("done");
        disaggregated = m("disaggregated"); engagementMethod = m("engagement_method");
        engagementResult = m("engagement_result"); britain = m("jurisdiction_gb");
    }
    int eiaTitle, environmental, equalitySection, wales, scotland, ni, evidence, comparison, negative, positive,
        neutral, reasoning, mitigation, vague, owner, intersection, cumulative, engagement, external, internal,
        feedback, aimA, aimB, aimC, statute, monitoring, frequency, reviewDate, decisionMaker, declaration,
        retrospective, assessmentDate, decisionDate, dataGap, gapPlan, technology, biasTesting, claim, rate,
        justification, mantra, equalTreatment, outdated, decisionObject, documentDate, decisionShare, period,
        geography, blanket, aimDefinition, planned, done, disaggregated, engagementMethod, engagementResult, britain;
};

inline std::uint64_t bit(int group) { return std::uint64_t(1) << group; }

inline void keepFirst(Location& first, const Location& candidate)
{
    if (first.document())
        first = candidate;
}

// keepLatest and keepEarliest keep the later or earlier of two dates' serials, either absent.
inline void keepLatest(std::optional<int>& kept, std::optional<int> date)
{
    if (date && (!kept || *date > *kept))
        kept = date;
}
inline void keepEarliest(std::optional<int>& kept, std::optional<int> date)
{
    if (date && (!kept || *date < *kept))
        kept = date;
}

template <typename T> inline void append(std::vector<T>& to, const std::vector<T>& from)
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
    // Impacts claimed without analysis: "No impact", a bare "Negative" in its row.
    bool claimedNeutral = false, claimedNegative = false, claimedPositive = false;
    std::array<Location, kPlaces> neutralAt;

    void add(const GroupPart& o);
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
    bool mitigationOfHarm = false; // a mitigation sentence naming the harm it reduces
    bool adverseNamed = false;     // an adverse impact named outside a heading
    Location blanketNoImpact;      // the first claim that no group at all is affected
    std::array<bool, 3> aims{}, boilerplateAims{};
    Location internalEngagement, technology;
    std::vector<Location> vagueMitigation, dataGapsWithoutPlan, disproportionClaims, mantras, equalTreatment,
        retrospective;
    std::vector<std::pair<Location, std::string>> outdatedTerms, incompleteFigures;
    std::optional<int> latestAssessment, earliestDecision; // dates' serials

    Date documentDate;

    void add(const DocumentPart& o);
};

struct Part
{
    std::vector<GroupPart> groups;
    DocumentPart document;

    void add(const Part& o);
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

constexpr std::size_t kRunLength = 48; // blocks per run: what a re-check recomputes at least
// How far back a claim about figures looks for their period and area: to its heading, or twelve
// paragraphs, with up to 400 table cells between.
constexpr std::size_t kLookBackParagraphs = 12, kLookBackCells = 400;
constexpr std::size_t kLookBack = kLookBackParagraphs + kLookBackCells;


// What the parts of an assessment read: the blocks, their facts, the lexicon and its markers.
class BlockReader
{
public:
    BlockReader(const model::Document& doc, const std::vector<const BlockFacts*>& facts, const Lexicon& lex)
        : m_doc(doc), m_facts(facts), m_lex(lex), m_m(lex)
    {
    }

protected:
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

    const model::Document& m_doc;
    const std::vector<const BlockFacts*>& m_facts;
    const Lexicon& m_lex;
    Markers m_m;
};

// The structure: which groups' headings and table rows take in each block, the first of them
// with content, and what the tables tick and plan. One quick pass over the blocks.
class StructureReader : public BlockReader
{
public:
    using BlockReader::BlockReader;
    Structure read(const std::vector<std::uint64_t>& versions, std::vector<CellInfo>& cells) const;

private:
    // The table cells by row, the header cell of each column, and each table's cells.
    struct Tables
    {
        std::map<std::pair<int, int>, std::vector<std::size_t>> rows; // (table, row) -> cells
        std::map<std::pair<int, int>, std::size_t> headerByColumn;     // (table, column) -> cell
        std::map<int, std::vector<std::size_t>> tables;
    };
    // readBlocks keys each block and takes in what each group's heading covers.
    Tables readBlocks(Structure& s, const std::vector<std::uint64_t>& versions, std::vector<CellInfo>& cells) const;
    void readRow(Structure& s, int table, const std::vector<std::size_t>& rowCells, const Tables& t,
                 const std::vector<CellInfo>& cells) const;
    void readActionTables(Structure& s, const Tables& t, const std::vector<CellInfo>& cells) const;
};

// What one run of blocks says, and which blocks it read to say it.
class RunReader : public BlockReader
{
public:
    using BlockReader::BlockReader;
    void computeRun(BlockRun& run, const std::vector<BlockKey>& keys) const;

private:
    void addGroups(Part& part, std::size_t b, const BlockKey& key) const;
    void addScope(GroupPart& gp, std::size_t b, int sentence, Place place) const;
    void addClaims(GroupPart& gp, std::size_t b, int sentence, Place place) const;
    bool happened(const BlockFacts& bf, std::uint32_t sentence) const;
    bool peopleAsked(const BlockFacts& bf, std::uint32_t sentence) const;
    // addDocument adds what block b says of the document as a whole, concern by concern.
    void addDocument(BlockRun& run, std::size_t b, const std::vector<BlockKey>& keys) const;
    void addPlaces(DocumentPart& d, std::size_t b, bool head, bool heading) const;
    void addSignals(DocumentPart& d, std::size_t b) const; // intersections, cumulative effects, feedback, ...
    void addEngagement(DocumentPart& d, std::size_t b) const;
    void addMitigation(DocumentPart& d, std::size_t b, const BlockKey& key, bool heading) const;
    void addMonitoring(DocumentPart& d, std::size_t b) const;
    void addAims(DocumentPart& d, std::size_t b) const;
    void addDates(DocumentPart& d, std::size_t b, bool heading) const;
    void addPassages(BlockRun& run, std::size_t b, const std::vector<BlockKey>& keys) const;
    void addDataGaps(BlockRun& run, std::size_t b) const;
    void figuresClaim(BlockRun& run, std::size_t b, const Hit& h, const std::vector<BlockKey>& keys) const;
};
} // namespace dueregard::engine::detail
