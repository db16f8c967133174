#pragma once
// Templates are the sections Due Regard inserts into a document (rules/templates/en-GB.json, and
// the same in Welsh in rules/templates/cy.json):
// a whole assessment skeleton per jurisdiction, or one section at a time. A template expands
// into a Plan of headings, paragraphs and tables whose runs are fixed text or placeholders
// (shown text and a guiding question). The extension turns a plan into Writer content; the
// engine uses the same data to recognise a section that exists and to tell a section that was
// inserted but not yet written from one that has been. Insertion is in one language (the
// engine's); reading knows every language's headings and fixed text.

#include "engine/Lexicon.hpp"
#include "engine/RulePack.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine
{
struct Run
{
    std::string text;         // fixed text, or the placeholder's shown text
    bool placeholder = false;
    std::string hint;         // a placeholder's guiding question
};

// parseRuns reads "Owner: [[named role|Who is responsible?]]" into runs.
std::vector<Run> parseRuns(const std::string& text);

struct PlanBlock
{
    enum class Kind { Heading, Paragraph, Table } kind = Kind::Paragraph;
    int level = 0;            // headings: 0 is the section's own heading, 1 a subsection's
    std::vector<Run> runs;    // heading and paragraph text
    std::vector<std::vector<std::vector<Run>>> rows; // table cells; row 0 is the header row
    std::vector<bool> numericColumns; // table columns of figures, aligned right below the header
    std::vector<int> columnWidths;    // relative widths of the table's columns; empty: equal
    std::string section;      // on a heading: the id of the section it starts
    std::string bookmark;     // on a heading: the bookmark that marks that section
};

struct Plan
{
    std::string id;
    std::string title;
    std::vector<PlanBlock> blocks;
    std::size_t placeholders() const;
};

struct SectionInfo
{
    std::string id;
    std::string title;
    double order = 0;
    std::string group; // for "impact-<group>": the group id
};

struct TemplateItem
{
    std::string text;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::string subsections; // "characteristics" or "extra"
    std::set<std::string> only, notIn;
    bool isTable() const { return !header.empty(); }
};

struct SectionTemplate
{
    std::string id;
    std::string title;
    std::vector<std::string> aliases;
    double order = 0;
    std::set<std::string> only;
    std::set<std::string> kinds;
    std::vector<TemplateItem> content;
};

struct TemplatesData
{
    std::string language = "en-GB";
    std::map<std::string, std::string> titles;
    std::map<std::string, std::vector<std::string>> skeletons;
    std::string groupTitle;
    std::vector<TemplateItem> groupContent;
    std::map<std::string, std::string> groupFocus;
    std::vector<std::string> defaultExtraGroups; // additional groups when none is enabled
    std::vector<SectionTemplate> sections;
    std::map<std::string, std::string> groupLabels; // a group's name in this language, by id
    std::string defaultFocus; // {focus} for a group without one; empty: the English default
    // The same templates in other languages (same ids and structure), each of them complete as
    // loaded; a department's layer takes out what it replaced without wording it in a language,
    // which then falls back to the English above.
    std::vector<TemplatesData> translations;
};

// parseTemplates validates and reads template JSON; `file` names it in errors.
TemplatesData parseTemplates(const std::string& json, const DataFile& file);
// addTemplatesLanguage reads the templates in another language (rules/templates/cy.json) into
// `data`'s translations; throws RuleDataError unless its ids, skeletons, order and structure
// (items, tables, placeholders, {label} and {focus}) are those of `data`.
void addTemplatesLanguage(TemplatesData& data, const std::string& json, const DataFile& file);
// requireSameShape throws RuleDataError at `path` in `file` unless a section worded in another
// language has the English section's content items, tables and placeholders.
void requireSameShape(const SectionTemplate& english, const SectionTemplate& other,
                      const DataFile& file, const std::string& path);
// templatesInLanguage gives the templates to insert in `language`: each title, section and
// group's words in that language where it has them, in English where not.
TemplatesData templatesInLanguage(const TemplatesData& data, const std::string& language);
// The built-in templates, with their Welsh (rules/templates/cy.json) as a translation.
const TemplatesData& builtinTemplatesData();

// A characteristic's (or group's) own section: "impact-" and its id ("impact-age"), and back.
std::string groupSection(std::string_view group);
std::optional<std::string> groupOfSection(std::string_view section); // nothing for other sections

class Templates
{
public:
    // Checks every skeleton and subsection against the sections and the lexicon's groups;
    // throws RuleDataError naming what is wrong. Plans, titles and sections are worded in
    // `language` (templatesInLanguage); headings and fixed text are recognised in every language.
    Templates(const TemplatesData& data, const Lexicon& lexicon,
              const std::string& language = "en-GB");

    // The sections that can be inserted for a jurisdiction, in the order of an assessment,
    // each characteristic and extra group included as "impact-<group>".
    std::vector<SectionInfo> sections(const std::string& jurisdiction) const;
    bool has(const std::string& id) const;
    // Every section of every jurisdiction, computed once.
    const std::vector<SectionInfo>& allSections() const { return m_all; }
    // The section ids of the whole skeleton for a jurisdiction (england when unknown).
    const std::vector<std::string>& skeleton(const std::string& jurisdiction) const;
    std::string title(const std::string& jurisdiction) const;
    // plan expands a section for a jurisdiction and the groups it has enabled; nothing when
    // the id is unknown. Group sections are "impact-<group id>".
    std::optional<Plan> plan(const std::string& id, const std::string& jurisdiction,
                             const std::vector<std::string>& groups) const;
    double order(const std::string& id) const;
    std::string titleOf(const std::string& id) const;

    // The bookmark that marks an inserted section, and back; names fit Word's rules (letters,
    // digits and underscores, at most 40 characters) so they survive .docx.
    static std::string bookmarkFor(const std::string& id);
    std::optional<std::string> sectionForBookmark(const std::string& name) const;

    // matchesHeading says whether a heading (folded, numbering removed) names this section.
    bool matchesHeading(const std::string& id, const std::u16string& folded) const;
    // isFixedText says whether a block's text (folded, spaces collapsed, placeholders removed)
    // is text the section's template inserts, so that it is not read as the writer's answer.
    bool isFixedText(const std::string& id, const std::u16string& normalised) const;

    // isPlaceholderText says whether text is one of the placeholders the templates insert
    // (a placeholder comes back from .docx as an input field holding this text).
    bool isPlaceholderText(const std::string& text) const { return m_placeholderTexts.count(text) > 0; }

    // normalise folds text, drops outline numbering ("6.2", "Part 3:") at the start and
    // collapses spaces: the form headings and fixed text are compared in.
    static std::u16string normalise(std::u16string_view text, bool heading);

    const Lexicon& lexicon() const { return m_lexicon; }
    // The language plans and titles are worded in.
    const std::string& language() const { return m_data.language; }

private:
    const SectionTemplate* find(const std::string& id) const;
    static const SectionTemplate* find(const TemplatesData& data, const std::string& id);
    std::string labelOf(const TemplatesData& data, const GroupInfo& group) const;
    std::optional<Plan> planIn(const TemplatesData& data, const std::string& id,
                               const std::string& jurisdiction,
                               const std::vector<std::string>& groups) const;
    void learn(const TemplatesData& data, const std::vector<std::string>& allGroups);
    void expandItems(const TemplatesData& data, Plan& plan, const std::vector<TemplateItem>& items,
                     const std::string& jurisdiction, const std::vector<std::string>& groups,
                     int level, const GroupInfo* group) const;
    void addGroupSection(const TemplatesData& data, Plan& plan, const GroupInfo& group,
                         const std::string& jurisdiction, const std::vector<std::string>& groups,
                         int level) const;

    TemplatesData m_data;
    const Lexicon& m_lexicon;
    std::map<std::string, std::set<std::u16string>> m_fixed;     // by section id
    std::map<std::string, std::vector<std::u16string>> m_aliases; // by section id
    std::map<std::string, std::string> m_bookmarks;               // bookmark -> section id
    std::set<std::string> m_placeholderTexts;
    std::vector<SectionInfo> m_all;
};

// The built-in templates over the built-in lexicon (for readers that need no engine), worded in
// en-GB or in a language engine::languageFor knows ("cy").
const Templates& builtinTemplates();
const Templates& builtinTemplates(const std::string& language);
} // namespace dueregard::engine
