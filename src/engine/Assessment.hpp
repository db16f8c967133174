#pragma once
// The assessment of a whole document: what kind it is, which jurisdiction, and for every
// characteristic and extra group whether it is addressed in substance, evidenced, its impact,
// and mitigated; plus engagement, aims, timing, monitoring and the rest. Plain data, computed
// from the document's blocks and their cached BlockFacts: what each run of blocks says is kept,
// and the runs' results are combined in a tree, so that after an edit only the runs it touched
// are assessed again and only their ancestors combined (see AssessmentCache).

#include "engine/BlockAnalysis.hpp"
#include "engine/Sections.hpp"
#include "model/Document.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine
{
enum class Impact { NotStated, Positive, Negative, Neutral, Mixed };
enum class Timing { Unknown, Before, After };

const char* impactName(Impact impact);
const char* timingName(Timing timing);

// Where a finding points: a block and a UTF-16 range, or the document as a whole.
struct Location
{
    int block = -1; // -1: the document
    std::uint32_t start = 0, end = 0;
    bool document() const { return block < 0; }
};

struct CharacteristicResult
{
    std::string id;
    std::string label;
    bool extra = false;
    bool addressed = false;
    bool listedOnly = false;
    bool evidence = false;
    Impact impact = Impact::NotStated;
    bool unsupportedNoImpact = false;
    bool byBlanketClaim = false; // unsupported only because one sentence said no group is affected
    bool mitigation = false;
    bool aimsBeyondA = false; // for marriage and civil partnership: aims (b)/(c) claimed
    Location where;       // the heading, table row or first sentence about it
    Location noImpactAt;  // where "no impact" is claimed
};

struct Assessment
{
    std::string kind = "eia"; // eia | policy
    std::string jurisdiction = "england";
    std::vector<CharacteristicResult> characteristics; // the nine, then enabled extras
    bool intersectionality = false;
    // One sentence claims that no group at all is affected ("no impact on any protected
    // characteristic"): where, or the document if none.
    Location blanketNoImpact;
    bool cumulative = false;
    bool engagement = false;   // external engagement with people affected
    bool engagementInternalOnly = false;
    bool engagementFeedback = false;
    bool mitigation = false;
    bool mitigationOwned = false;
    bool monitoring = false;
    bool aims[3] = { false, false, false };
    bool aimsBoilerplateOnly = false;
    Timing timing = Timing::Unknown;
    bool decisionMaker = false;
    bool equalitySection = false;
    bool justification = false;
    // Where the document-level checks found something to point at.
    std::vector<Location> vagueMitigation, dataGapsWithoutPlan, disproportionClaims, mantras,
        equalTreatment, retrospective;
    std::vector<std::pair<Location, std::string>> outdatedTerms;
    // Figures on disproportionality that lack a comparator or baseline, a period or an area:
    // where, and what is missing ("a comparator or baseline, the period").
    std::vector<std::pair<Location, std::string>> incompleteFigures;
    // Set by the engine from its options and rule pack: sections a department requires that the
    // document lacks (id, title), and department rules whose terms the document never uses.
    std::vector<std::pair<std::string, std::string>> requiredMissing;
    // Rules of the terms_* kinds (a department's), in the pack's order: each place one fires
    // (the document for terms_required).
    std::vector<std::pair<std::string, Location>> termFindings;
    Location technology;
    bool technologyWithoutBiasTesting = false;
    Location internalEngagement;
    // Sections recognised in the document, and those Due Regard inserted (written or not).
    std::vector<SectionState> sections;
};

// characteristicLabel is the label of one of the assessment's characteristics, from its id, or
// "" for an id it has not (a prompt about the whole document has none).
std::string characteristicLabel(const Assessment& assessment, std::string_view id);

struct AssessOptions
{
    std::optional<std::string> jurisdiction; // overrides detection
    std::optional<std::string> kind;         // overrides detection
    std::vector<std::string> extraGroups;    // added to the jurisdiction's defaults
};

// What the caller knows of the change since the last assessment with a cache.
struct AssessmentChange
{
    // Only body paragraphs, or headings in place (same level, same one group or none), changed,
    // each still with words (or without) and text (or empty): the headings' and table rows'
    // reach is as it was.
    bool sameStructure = false;
    const std::vector<std::size_t>* blocks = nullptr; // then: the blocks that changed
};

// AssessmentCache keeps what an assessment of one document computed for each run of blocks, so
// that assessing it again after an edit recomputes only the runs whose blocks, or the blocks
// they look at, changed. The result is always the one a fresh assessment gives.
class AssessmentCache
{
public:
    AssessmentCache();
    ~AssessmentCache();
    AssessmentCache(const AssessmentCache&) = delete;
    AssessmentCache& operator=(const AssessmentCache&) = delete;
    AssessmentCache(AssessmentCache&&) noexcept;
    AssessmentCache& operator=(AssessmentCache&&) noexcept;

    // Runs of blocks the last assessment computed (the others it reused).
    std::size_t runsComputed() const;

    struct State;

private:
    friend Assessment assess(const model::Document&, const std::vector<const BlockFacts*>&,
                             const std::vector<std::uint64_t>&, const Lexicon&, const AssessOptions&,
                             AssessmentCache&, const AssessmentChange&);
    std::unique_ptr<State> m_state;
};

// assess judges a document from its blocks' facts. versions[b] identifies the content of
// facts[b]: it changes whenever the facts do, and never comes back (0 may be given to every
// block whose facts are empty). The cache holds what the last assessment with it computed.
Assessment assess(const model::Document& document, const std::vector<const BlockFacts*>& facts,
                  const std::vector<std::uint64_t>& versions, const Lexicon& lexicon, const AssessOptions& options,
                  AssessmentCache& cache, const AssessmentChange& change = {});
} // namespace dueregard::engine
