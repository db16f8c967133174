#pragma once
// The assessment of a whole document: what kind it is, which jurisdiction, and for every
// characteristic and extra group whether it is addressed in substance, evidenced, its impact,
// and mitigated; plus engagement, aims, timing, monitoring and the rest. Plain data, computed
// from the document's blocks and their cached BlockFacts.

#include "engine/BlockAnalysis.hpp"
#include "engine/Sections.hpp"
#include "model/Document.hpp"

#include <optional>
#include <string>
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
    std::vector<std::string> termsMissing;
    Location technology;
    bool technologyWithoutBiasTesting = false;
    Location internalEngagement;
    // Sections recognised in the document, and those Due Regard inserted (written or not).
    std::vector<SectionState> sections;
};

struct AssessOptions
{
    std::optional<std::string> jurisdiction; // overrides detection
    std::optional<std::string> kind;         // overrides detection
    std::vector<std::string> extraGroups;    // added to the jurisdiction's defaults
};

Assessment assess(const model::Document& document, const std::vector<const BlockFacts*>& facts,
                  const Lexicon& lexicon, const AssessOptions& options);
} // namespace dueregard::engine
