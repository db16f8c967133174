#pragma once
// Glossary of key equality-law terms (rules/glossary/en-GB.json): each term's plain-English
// definition, its source, the words and abbreviations that name it and related terms. It finds
// terms in a document (the first occurrence of each, or every one), tells which term is at a
// position (for the sidebar following the cursor), searches, and builds the hover text that the
// extension attaches to a marked term.
//
// Variants ignore case and use the lexicon's term syntax ("harass*"); abbreviations match
// exactly ("EIA", never "eia"), and an ambiguous one can depend on the document: EIA is an
// Environmental Impact Assessment in a planning paper, JR is judicial review only where the
// document talks about judicial review.

#include "engine/RulePack.hpp"
#include "engine/TermSet.hpp"
#include "engine/Tokenizer.hpp"
#include "model/Document.hpp"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dueregard::glossary
{
struct Abbreviation
{
    std::string text;
    std::vector<std::string> unlessMentions; // if the document mentions any, it means `then`
    std::string then;
    std::vector<std::string> onlyIfMentions; // counts only if the document mentions one
};

struct Term
{
    std::string id;
    std::string term;
    std::string definition;
    std::string source;
    std::string note;
    std::vector<std::string> variants;
    std::vector<Abbreviation> abbreviations;
    std::vector<std::string> seeAlso;
    std::string termSource; // in another language: where its name for the term comes from
};

struct GlossaryData
{
    std::vector<Term> terms;
    std::string language = "en-GB"; // of the built-in terms' wording (inLanguage)
};

// parseGlossary validates and reads glossary JSON; errors are engine::RuleDataError naming the
// file, the JSON path and the reason (an unknown "see also" or "then" id included, unless the
// file is a layer whose links are checked once it is layered).
GlossaryData parseGlossary(const std::string& json, const engine::DataFile& file,
                           bool standalone = true);
const GlossaryData& builtinGlossaryData();

// The glossary in another language (rules/glossary/cy.json,
// rules/schema/glossary-language.schema.json): for term ids of the English glossary, the term's
// name, definition, source and note in that language, where the name comes from, and the words that
// name it in that language. addLanguage reads one into `words` (by language, then id), refusing
// (engine::RuleDataError naming `file`) an id the English glossary lacks.
struct TermWording
{
    std::string term, definition, source, note, termSource;
    std::vector<std::string> variants;
};
using GlossaryWordings = std::map<std::string, std::map<std::string, TermWording>>;
void addLanguage(GlossaryWordings& words, const GlossaryData& english, const std::string& json,
                 const engine::DataFile& file);
const GlossaryWordings& builtinGlossaryWordings();

// inLanguage: the glossary with each term in `language` where it is worded in it (its name,
// definition, source and note; its words in that language found as well as the English ones),
// else in English. A department's own terms and those it replaced stay as it wrote them.
GlossaryData inLanguage(const GlossaryData& glossary, const std::string& language,
                        const GlossaryWordings& words = builtinGlossaryWordings());

// layered puts a department's (or a user's) glossary over another: a term with the same id
// replaces the one below it, new terms are added, and "see also" and "then" links are checked
// across the result (RuleDataError naming the file otherwise).
GlossaryData layered(const GlossaryData& below, const GlossaryData& above,
                     const engine::DataFile& aboveFile);

// Where a term occurs: a block and a UTF-16 range in its text.
struct Occurrence
{
    std::size_t block = 0;
    std::uint32_t start = 0, end = 0;
    std::size_t term = 0; // index into terms()
};

// What the whole document says that decides ambiguous abbreviations.
struct Context
{
    std::vector<std::string> mentioned; // the folded phrases found in the document
    bool mentions(const std::string& phrase) const;
};

class Glossary;

// ContextCache remembers which context phrases each block contains (by block id, checked against
// its text), so that working out a document's context again after an edit folds only the blocks
// that changed. Safe to share between threads; tied to the glossary that first used it.
class ContextCache
{
private:
    friend class Glossary;
    struct Entry
    {
        std::u16string text;
        std::vector<std::uint16_t> phrases; // indices of the glossary's context phrases
        std::uint64_t used = 0;
    };
    std::mutex m_mutex;
    const Glossary* m_glossary = nullptr;
    std::unordered_map<std::string, Entry> m_entries;
    std::uint64_t m_generation = 0;
};

class Glossary
{
public:
    explicit Glossary(GlossaryData data);
    static const Glossary& builtin();
    // The built-in glossary in a supported language ("en-GB", "cy").
    static const Glossary& builtin(const std::string& language);

    const std::vector<Term>& terms() const { return m_data.terms; }
    std::optional<std::size_t> find(const std::string& id) const;

    // context reads the phrases the abbreviations depend on from a whole document.
    Context context(const model::Document& document) const;
    // The same, reusing what the cache knows of unchanged blocks.
    Context context(const model::Document& document, ContextCache& cache) const;

    // occurrences lists terms in body text (not headings or tables of contents), in document
    // order, never overlapping; with firstOnly, only the first of each term.
    std::vector<Occurrence> occurrences(const model::Document& document, bool firstOnly, engine::Tokenizer& tokenizer) const;

    // inText lists the terms in one text, in order (for a prompt's wording, or one paragraph).
    std::vector<Occurrence> inText(std::u16string_view text, const Context& context, engine::Tokenizer& tokenizer) const;

    // termAt returns the term at a UTF-16 offset of a text, or the nearest one that ends just
    // before it (the cursor after a word).
    std::optional<std::size_t> termAt(std::u16string_view text, std::uint32_t offset, const Context& context,
                                      engine::Tokenizer& tokenizer) const;

    // search returns the terms whose name, a variant, an abbreviation or the definition contain
    // the query (case-insensitive), names first; all terms, alphabetically, for an empty query.
    std::vector<std::size_t> search(std::u16string_view query) const;

    // hoverText is what a marked term shows on hover; isOurHoverText recognises it again (after
    // a .docx round trip the field keeps its hint but loses everything else of ours).
    std::string hoverText(std::size_t term) const;
    static bool isOurHoverText(const std::string& hint);
    static constexpr const char* kHelpPrefix = "dueregard:glossary:";

private:
    GlossaryData m_data;
    engine::TermSet m_variants;                                   // group = term index
    std::map<std::u16string, std::vector<std::pair<std::size_t, std::size_t>>> m_abbreviations; // exact text -> (term, abbreviation)
    std::vector<std::string> m_contextPhrases;                    // folded
    std::vector<std::u16string> m_contextPhrases16;               // the same, in UTF-16

    std::vector<std::uint16_t> phrasesIn(std::u16string_view text) const; // indices of the context phrases in a text
    Context mentioned(const std::vector<bool>& found) const;
};
} // namespace dueregard::glossary
