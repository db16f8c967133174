#pragma once
// Rule data: the lexicon (characteristics, extra groups, marker terms, jurisdiction profiles) and
// rule packs (each prompt's id, severity, wording, questions, legal basis and examples). Both are
// JSON validated against the schemas in rules/schema/ when loaded; a problem is reported with
// the file, the JSON path and the reason, and the built-in data (compiled into the program)
// always loads.

#include "engine/RuleKind.hpp"
#include "l10n/Error.hpp"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace dueregard::engine
{
// A file or reason in rule data errors: a name or words of the user's (or a library's), or a
// message of ours (l10n::Message("data.file.core_pack")).
using DataFile = std::variant<std::string, l10n::Message>;

// RuleDataError: a problem in rule data (a file, the JSON path in it, and the reason), carried
// as messages so that it is worded in the reader's language (l10n::describe); what() and the
// accessors are en-GB.
class RuleDataError : public l10n::Error
{
public:
    using Part = DataFile;

    RuleDataError(Part file, std::string path, Part reason);

    const std::string& file() const { return m_file; }
    const std::string& path() const { return m_path; }
    const std::string& reason() const { return m_reason; }
    // The file and reason as given, for rethrowing with another file or path.
    const Part& fileMessage() const { return m_fileMessage; }
    const Part& reasonMessage() const { return m_reasonMessage; }

private:
    Part m_fileMessage, m_reasonMessage;
    std::string m_file, m_path, m_reason;
};

struct TermGroup
{
    std::string id;
    std::string label;
    std::vector<std::string> terms;
    std::vector<std::string> exclude;
};

struct JurisdictionProfile
{
    std::vector<std::string> characteristics;
    std::vector<std::string> extraGroups;
};

struct LexiconData
{
    std::vector<TermGroup> characteristics;
    std::vector<TermGroup> extraGroups;
    std::map<std::string, std::vector<std::string>> markers;
    std::map<std::string, JurisdictionProfile> jurisdictions;
    // Each group's names in the other languages merged in (addLanguage), by group id
    // ("disability": "Anabledd"): like the label, a list of them is a list of names, not analysis.
    std::map<std::string, std::vector<std::string>> otherLabels;
};

struct Example
{
    std::vector<std::string> lines;
    std::string characteristic; // empty: any finding of the rule counts
    std::string kind;           // empty: whatever the engine detects
    std::vector<std::string> requiredSections; // checked as if a department required these
};

// A rule's wording in one language: its prompt, the questions to ask and the legal basis.
struct Wording
{
    std::string message;
    std::vector<std::string> questions;
    std::string basis;
};

struct Rule
{
    std::string id;
    std::string severity; // error, warning, advice
    std::string area;
    std::string appliesTo = "any";
    std::string message;
    std::vector<std::string> questions;
    std::string basis;
    std::string section;
    std::string tool; // a sidebar tool that helps answer it ("disproportionality"), or empty
    // What it looks for (see RuleKinds.hpp) and the parameters of its kind.
    RuleKind kind = RuleKind::Check;
    std::string fact;                                 // characteristic_fact
    std::vector<std::string> characteristics;         // characteristic_fact: only these (all if empty)
    std::vector<std::pair<std::string, bool>> when;   // document_fact, places
    std::string at;                                   // document_fact: where it points
    std::string places;                               // places
    std::vector<std::string> terms, companions;       // terms_*
    std::vector<Example> bad, good;
    // Its wording in other languages, by language ("cy"); the fields above are en-GB.
    std::map<std::string, Wording> wordings;
};

struct RulePackData
{
    std::string pack;
    std::vector<Rule> rules;
    std::string language = "en-GB"; // the language of the rules' wording (see inLanguage)
    // The words put into prompts' placeholders ({characteristic}, {aim}, {section} ...) in other
    // languages, by language and by their English ("Age" -> "Oedran").
    std::map<std::string, std::map<std::string, std::string>> values;
    const Rule* find(const std::string& id) const;
};

// parseLexicon and parseRulePack validate and read JSON text; `file` names it in errors. A
// lexicon marked "mutation": "welsh" has each term expanded to its mutated forms (Welsh.hpp).
LexiconData parseLexicon(const std::string& json, const DataFile& file);

// addLanguage merges a lexicon in another language into `base`: each of its groups' terms and
// exclusions into the group with the same id, its label into the group's otherLabels, and each
// marker group's terms into the marker group of the same name. It throws RuleDataError (naming
// `file`) for a group or marker group that `base` does not have: the languages share their ids.
void addLanguage(LexiconData& base, const LexiconData& other, const DataFile& file);
RulePackData parseRulePack(const std::string& json, const DataFile& file);

// addWording reads a pack's wording in another language (rules/schema/wording.schema.json: the
// language, and for rule ids their message, questions and basis, and the placeholder values) into
// the rules' wordings. It refuses (RuleDataError naming `file`) an id the pack lacks and wording
// whose placeholders ({characteristic}) differ from the English.
void addWording(RulePackData& pack, const std::string& json, const DataFile& file);

// placeholdersOf: the placeholders a wording uses ("{characteristic}"), each once, sorted.
std::vector<std::string> placeholdersOf(const Wording& wording);

// inLanguage: the pack with each rule's wording in `language` where it has one (else English),
// and that language's placeholder values; `language` is a supported one (Language.hpp).
RulePackData inLanguage(RulePackData pack, const std::string& language);

// readRuleKind reads a rule's kind and its parameters from its JSON (in a pack or a layer; `path`
// is the rule's JSON path) and refuses, naming the rule, a kind without the parameters it needs,
// a parameter its kind does not take, and a "check" that no code implements. A kind or parameter
// the JSON leaves out keeps the rule's present one.
void readRuleKind(const nlohmann::json& json, Rule& rule, const DataFile& file,
                  const std::string& path);

// requireEveryCheck refuses a pack that lacks a rule for a check the code implements
// (engine/checks/), naming the check: its prompt would never be shown.
void requireEveryCheck(const RulePackData& pack, const DataFile& file);

// exampleFrom reads one example (a list of lines, or an object with lines and options).
Example exampleFrom(const nlohmann::json& json);

// The data shipped with Due Regard, compiled into the program.
const LexiconData& builtinLexicon();
const RulePackData& builtinRulePack();
} // namespace dueregard::engine
