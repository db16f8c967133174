#pragma once
// Engine checks documents: it compiles a lexicon and rule pack once, analyses each block (cached
// by its text, so a re-check after an edit re-analyses only what changed), assesses the whole
// document and produces findings and a readiness score. Not thread-safe: use one per thread.

#include "engine/Assessment.hpp"
#include "engine/Dismissals.hpp"
#include "engine/Findings.hpp"
#include "engine/Lexicon.hpp"
#include "engine/RulePack.hpp"
#include "engine/Sections.hpp"
#include "engine/Templates.hpp"
#include "engine/Tokenizer.hpp"
#include "model/Document.hpp"
#include "model/Facts.hpp"

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace dueregard::engine
{
struct CheckResult
{
    Assessment assessment;
    std::vector<Finding> findings; // the open prompts
    std::vector<std::pair<Finding, Dismissal>> dismissed; // prompts dismissed with a reason
    int score = 0;
    model::DocumentFacts facts; // from the cached block facts; equal to model::countFacts
    std::size_t blocksAnalysed = 0; // blocks not found in the cache on this check
    std::size_t blocksCompared = 0; // blocks compared with the cache: all, or those an edit changed
    std::size_t runsAssessed = 0;   // runs of blocks the assessment computed (the rest it reused)
    std::string language = "en-GB"; // the language of the prompts' wording (Engine's language)
};

struct CheckOptions
{
    AssessOptions assess;
    std::set<std::string> disabledRules;
    std::vector<Dismissal> dismissals; // kept in the document; matching findings are set aside
    std::vector<std::string> requiredSections; // a department's: prompted for when missing
};

class Engine
{
public:
    // The built-in lexicon and rule pack, with prompts in en-GB.
    Engine();
    // The same, with prompts worded in `language`, a BCP-47 tag (Language.hpp: "en-GB", "cy"; a
    // tag languageFor does not know throws std::invalid_argument). What a language has no wording
    // for is shown in English. The reading of documents is the same in every language.
    explicit Engine(const std::string& language);
    // Other data (a department's layers); throws RuleDataError if the lexicon lacks a marker group
    // the checks use. The pack's rules are worded in `language` where they have wording in it.
    Engine(const LexiconData& lexicon, RulePackData pack,
           const TemplatesData& templates = builtinTemplatesData(),
           const std::string& language = "en-GB");

    CheckResult check(const model::Document& document, const CheckOptions& options = {});

    // recheck checks a document the caller made from the one this engine checked last by changing
    // only the blocks listed (their text, style or level; the same blocks in the same order), as
    // an editor reports its edits. Only those blocks are compared with what was checked; the
    // result is the one check() gives. If the block count differs from the last check's, every
    // block is compared.
    CheckResult recheck(const model::Document& document, const std::vector<std::size_t>& changed,
                        const CheckOptions& options = {});

    const RulePackData& rulePack() const { return m_pack; } // worded in language()
    const std::string& language() const { return m_pack.language; }
    const Lexicon& lexicon() const { return m_lexicon; }
    // word: a characteristic's or group's name, an aim or a section title in language(), as the
    // prompts name it (valueIn, Findings.hpp); the English where the language has no word for it.
    std::string word(const std::string& value) const { return valueIn(m_pack, value); }
    const Templates& templates() const { return m_templates; }

    // The groups a jurisdiction enables (its characteristics, then its extra groups, then
    // the extra groups asked for).
    std::vector<std::string> enabledGroups(const std::string& jurisdiction,
                                           const std::vector<std::string>& extra = {}) const;

    // The marker groups the built-in checks need.
    static const std::vector<std::string>& requiredMarkers();

    // What a block is, as far as the document's structure goes (see Engine::run).
    enum : std::uint8_t { kHeading = 1, kCell = 2, kInsertedStart = 4, kHasWords = 8, kHasText = 16, kSaysSomething = 32 };

private:
    bool insideInserted(std::size_t block) const;
    bool namesSameSections(const model::Block& heading, std::size_t block, std::uint64_t versionBefore);
    // One block against the rules of the terms_* kinds: per rule, whether it uses one of the
    // terms (kTerm) and one of the companions (kCompanion), and where its first term is.
    enum : std::uint8_t { kTerm = 1, kCompanion = 2 };
    struct TermHit
    {
        std::uint8_t found = 0;
        std::uint32_t start = 0, end = 0;
    };
    std::vector<TermHit> termHitsOf(const std::u16string& text) const;
    void setTermHits(std::size_t block, const std::vector<TermHit>& hits);
    void addTermFindings(Assessment& assessment) const;
    // A check, step by step (run calls the others in this order).
    CheckResult run(const model::Document& document, const std::vector<std::size_t>* changed, const CheckOptions& options);
    struct Todo
    {
        std::vector<std::size_t> blocks; // to compare with the cache, in order
        bool reported = false;           // only those an edit changed (else every block)
    };
    Todo blocksToCompare(const model::Document& document, const std::vector<std::size_t>* changed, CheckResult& result);
    // useFacts finds or makes block i's facts, for m_facts[i] and its version.
    void useFacts(std::size_t i, const model::Block& block, std::uint64_t generation,
                  std::vector<std::unique_ptr<BlockFacts>>& repeatedIds, CheckResult& result);
    struct Sameness
    {
        bool sections = false;  // the sections found last time stand
        bool structure = false; // and so does the reach of every heading and table row
    };
    Sameness compareBlocks(const model::Document& document, const Todo& todo, std::uint64_t generation,
                           std::vector<std::unique_ptr<BlockFacts>>& repeatedIds, CheckResult& result);
    Assessment assessDocument(const model::Document& document, const CheckOptions& options, const Todo& todo,
                              const Sameness& same);
    void offerSections(CheckResult& result) const;
    void linkGlossaryTerms(std::vector<Finding>& findings);
    static void setAside(CheckResult& result, const std::vector<Dismissal>& dismissals);
    void trimCache(const model::Document& document, std::uint64_t generation);

    Lexicon m_lexicon;
    RulePackData m_pack;
    Templates m_templates;
    Tokenizer m_tokenizer;
    text::WordCounter m_counter;
    struct Cached
    {
        std::u16string text;
        std::unique_ptr<BlockFacts> facts;
        std::uint64_t version = 0; // changes with the facts, and never comes back
        std::vector<TermHit> termHits; // per rule of the terms_* kinds
        std::uint64_t lastUsed = 0;
    };
    // Keyed by block id (cheap to hash); the text is compared to see whether the block changed.
    std::unordered_map<std::string, Cached> m_cache;
    using CacheEntry = std::unordered_map<std::string, Cached>::value_type;
    std::vector<CacheEntry*> m_order; // the entries of the last check's blocks, in its order
    bool m_orderExact = false;        // and each block's facts are its entry's (no repeated ids)
    // The last check's facts and versions of each block, what each adds to the document's facts,
    // and their sum: a reported edit starts from these.
    std::vector<const BlockFacts*> m_facts;
    std::vector<std::uint64_t> m_blockVersions;
    std::vector<model::DocumentFacts> m_tallies;
    model::DocumentFacts m_factsTotal;
    std::vector<std::uint8_t> m_shapes; // each block's kHeading, kCell, ... bits
    std::vector<int> m_levels;          // each block's outline level
    std::vector<int> m_unitGroups;      // each heading's one group (see unitGroupOf), else -1
    // Per block, which department rules asking for terms it satisfies; and per rule, how many
    // blocks do.
    std::vector<std::vector<TermHit>> m_termHitsAt;
    std::vector<std::size_t> m_termCounts;
    SectionMap m_sections;              // the last check's
    bool m_anyScaffold = false;         // whether any of its blocks is scaffolding
    bool m_sectionsValid = false;
    std::uint64_t m_generation = 0;
    std::uint64_t m_versions = 0;
    AssessmentCache m_assessment; // the last check's assessment, by runs of blocks
    // Glossary terms used by a prompt's wording, by the wording (prompts repeat between checks).
    std::unordered_map<std::string, std::vector<std::string>> m_termsByWording;
    HeadingCache m_headings; // which sections each heading text names
    // The rules of the terms_* kinds (a department's), in the pack's order: each with its terms
    // and companions, folded and padded (" term ").
    struct TermRule
    {
        std::string id;
        RuleKind kind;
        std::vector<std::u16string> terms, companions;
    };
    std::vector<TermRule> m_termRules;
};
} // namespace dueregard::engine
