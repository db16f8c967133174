// The section templates in Welsh (rules/templates/cy.json): the same sections, skeletons and
// structure as the English, worded in Welsh for a Welsh engine, while reading knows both: a
// skeleton inserted in Welsh is recognised section by section, by an English engine too, and its
// unwritten text never counts as an answer. The English insertion is unchanged.

#include "PlanDocument.hpp"

#include "engine/Engine.hpp"
#include "engine/Layers.hpp"
#include "engine/Sections.hpp"
#include "engine/Templates.hpp"
#include "text/Unicode.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace dueregard;
using test::appendPlan;

namespace
{
const char* const kJurisdictions[] = { "england", "wales", "scotland", "ni" };

engine::Engine& english()
{
    static engine::Engine e;
    return e;
}

engine::Engine& welsh()
{
    static engine::Engine e("cy");
    return e;
}

std::string runsText(const std::vector<engine::Run>& runs)
{
    std::string out;
    for (const engine::Run& r : runs)
        out += r.placeholder ? "[[" + r.text + "|" + r.hint + "]]" : r.text;
    return out;
}

// Every text of a plan, in order: headings, paragraphs and cells.
std::vector<std::string> textsOf(const engine::Plan& plan)
{
    std::vector<std::string> out;
    for (const engine::PlanBlock& b : plan.blocks)
    {
        out.push_back(runsText(b.runs));
        for (const auto& row : b.rows)
            for (const auto& cell : row)
                out.push_back(runsText(cell));
    }
    return out;
}

// A plan's shape: each block's kind, level, section, bookmark, table size and placeholders.
std::string shapeOf(const engine::Plan& plan)
{
    std::string out = plan.id;
    for (const engine::PlanBlock& b : plan.blocks)
    {
        out += " " + std::to_string(static_cast<int>(b.kind)) + "/" + std::to_string(b.level) + "/"
               + b.section + "/" + b.bookmark + "/" + std::to_string(b.rows.size());
        for (const auto& row : b.rows)
            out += "x" + std::to_string(row.size());
    }
    return out + " " + std::to_string(plan.placeholders());
}

model::Document skeletonIn(engine::Engine& e, const std::string& jurisdiction, bool marked)
{
    model::Document d;
    model::Block title;
    title.id = "b0";
    title.text = text::fromUtf8(e.templates().title(jurisdiction) + ": Oriau agor y llyfrgell");
    d.blocks.push_back(title);
    for (const std::string& id : e.templates().skeleton(jurisdiction))
        appendPlan(d, *e.templates().plan(id, jurisdiction, e.enabledGroups(jurisdiction)), {}, marked);
    return d;
}

std::set<std::string> sectionsFound(const engine::CheckResult& r)
{
    std::set<std::string> ids;
    for (const engine::SectionState& s : r.assessment.sections)
        ids.insert(s.id);
    return ids;
}

bool fires(const engine::CheckResult& r, const std::string& id)
{
    return std::any_of(r.findings.begin(), r.findings.end(),
                       [&id](const engine::Finding& f) { return f.id == id; });
}
} // namespace

TEST(WelshTemplatesTest, WelshHasTheSameSectionsStructureAndPlaceholdersAsEnglish)
{
    const engine::Templates& en = english().templates();
    const engine::Templates& cy = welsh().templates();
    EXPECT_EQ(en.language(), "en-GB");
    EXPECT_EQ(cy.language(), "cy");
    for (const char* j : kJurisdictions)
    {
        SCOPED_TRACE(j);
        EXPECT_EQ(en.skeleton(j), cy.skeleton(j));
        EXPECT_NE(en.title(j), cy.title(j));
        const std::vector<engine::SectionInfo> enSections = en.sections(j);
        const std::vector<engine::SectionInfo> cySections = cy.sections(j);
        ASSERT_EQ(enSections.size(), cySections.size());
        const std::vector<std::string> groups = english().enabledGroups(j);
        for (std::size_t i = 0; i < enSections.size(); ++i)
        {
            const std::string& id = enSections[i].id;
            SCOPED_TRACE(id);
            EXPECT_EQ(id, cySections[i].id);
            EXPECT_EQ(enSections[i].order, cySections[i].order);
            EXPECT_EQ(enSections[i].group, cySections[i].group);
            const auto enPlan = en.plan(id, j, groups);
            const auto cyPlan = cy.plan(id, j, groups);
            ASSERT_TRUE(enPlan && cyPlan);
            EXPECT_EQ(shapeOf(*enPlan), shapeOf(*cyPlan));
            // Worded in Welsh: no text of the English plan is left in the Welsh one, except the
            // words both languages share ("Oedran" is not "Age", but "Due Regard" is the same).
            const std::vector<std::string> enTexts = textsOf(*enPlan);
            const std::vector<std::string> cyTexts = textsOf(*cyPlan);
            ASSERT_EQ(enTexts.size(), cyTexts.size());
            for (std::size_t t = 0; t < enTexts.size(); ++t)
                EXPECT_TRUE(enTexts[t] != cyTexts[t] || enTexts[t].empty()) << enTexts[t];
        }
    }
}

TEST(WelshTemplatesTest, WelshTitlesAreTheOnesThePromptsUse)
{
    // A prompt names a section by its title in the prompts' language (core.cy.json's values).
    const engine::Templates& cy = welsh().templates();
    EXPECT_EQ(cy.titleOf("monitoring"), "Monitro ac adolygu");
    EXPECT_EQ(cy.titleOf("document-control"), "Rheoli'r ddogfen");
    EXPECT_EQ(cy.titleOf("impact"), "Effaith yn ôl nodwedd warchodedig");
    EXPECT_EQ(cy.titleOf("decision-maker"), "Datganiad y sawl sy'n gwneud y penderfyniad");
    EXPECT_EQ(cy.titleOf("impact-age"), "Oedran");
    EXPECT_EQ(cy.titleOf("impact-welsh_language"), "Y Gymraeg");
    EXPECT_EQ(cy.title("wales"), "Asesiad effaith integredig (Cymru)");
    const auto age = cy.plan("impact-age", "wales", welsh().enabledGroups("wales"));
    ASSERT_TRUE(age);
    EXPECT_NE(textsOf(*age)[1].find("o ran oedran"), std::string::npos) << textsOf(*age)[1];
    for (const engine::SectionInfo& s : welsh().templates().allSections())
        EXPECT_EQ(welsh().rulePack().values.at("cy").count(english().templates().titleOf(s.id)) > 0
                      ? welsh().rulePack().values.at("cy").at(english().templates().titleOf(s.id))
                      : cy.titleOf(s.id),
                  cy.titleOf(s.id))
            << s.id;
}

TEST(WelshTemplatesTest, EnglishInsertionIsUnchanged)
{
    const engine::Templates& en = english().templates();
    EXPECT_EQ(en.titleOf("monitoring"), "Monitoring and review");
    EXPECT_EQ(en.title("wales"), "Integrated impact assessment (Wales)");
    EXPECT_EQ(en.titleOf("impact-age"), "Age");
    const auto plan = en.plan("monitoring", "england", {});
    ASSERT_TRUE(plan);
    EXPECT_EQ(
        textsOf(*plan)[1],
        "What will be monitored: [[indicators, broken down by protected characteristic|Which data "
        "will show whether any group is worse off once the change is made?]]");
    // builtinTemplates() and an engine made for en-GB agree.
    EXPECT_EQ(engine::builtinTemplates().titleOf("evidence"), "Evidence");
    EXPECT_EQ(engine::builtinTemplates("cy").titleOf("evidence"), "Tystiolaeth");
    EXPECT_EQ(engine::builtinTemplates("cy-GB").titleOf("evidence"), "Tystiolaeth");
}

TEST(WelshTemplatesTest, AWelshSkeletonIsRecognisedSectionBySectionInEitherLanguage)
{
    for (const char* j : kJurisdictions)
        for (engine::Engine* reader : { &english(), &welsh() })
            for (const bool marked : { true, false })
            {
                SCOPED_TRACE(std::string(j)
                             + (reader == &welsh() ? " read in Welsh" : " read in English")
                             + (marked ? ", bookmarked" : ", headings only"));
                const engine::CheckResult r = reader->check(
                    skeletonIn(welsh(), j, marked), { { std::string(j), {}, {} }, {}, {}, {} });
                const std::set<std::string> found = sectionsFound(r);
                for (const std::string& id : welsh().templates().skeleton(j))
                    EXPECT_TRUE(found.count(id)) << id << " not recognised";
                for (const std::string& g : welsh().enabledGroups(j))
                {
                    const engine::GroupInfo& group
                        = welsh().lexicon().groups()[static_cast<std::size_t>(welsh().lexicon().groupIndex(g))];
                    if (!group.extra && found.count("impact"))
                    {
                        EXPECT_TRUE(found.count(engine::groupSection(g))) << g << " not recognised";
                    }
                }
                EXPECT_FALSE(fires(r, "sections.required-missing"));
                // Read as the English skeleton is: the same sections; inserted (so its text is
                // ours, not the writer's), the same prompts and score too. (Unmarked, the English
                // template's own words can read as the writer's: "Gaps in the evidence".)
                const engine::CheckResult same
                    = reader->check(skeletonIn(english(), j, marked), { { std::string(j), {}, {} }, {}, {}, {} });
                if (!marked)
                {
                    // A heading may also name another section by one of its words ("Screening
                    // questions" names screening too); the skeleton's own are what must agree.
                    std::set<std::string> inSkeleton(welsh().templates().skeleton(j).begin(),
                                                     welsh().templates().skeleton(j).end());
                    auto own = [&inSkeleton](const std::set<std::string>& ids) {
                        std::set<std::string> out;
                        for (const std::string& id : ids)
                            if (inSkeleton.count(id) || engine::groupOfSection(id))
                                out.insert(id);
                        return out;
                    };
                    EXPECT_EQ(own(found), own(sectionsFound(same)));
                    continue;
                }
                EXPECT_EQ(found, sectionsFound(same));
                std::multiset<std::string> prompts, englishPrompts;
                for (const engine::Finding& f : r.findings)
                    prompts.insert(f.id + "/" + f.characteristic);
                for (const engine::Finding& f : same.findings)
                    englishPrompts.insert(f.id + "/" + f.characteristic);
                EXPECT_EQ(prompts, englishPrompts);
                EXPECT_EQ(r.score, same.score);
                // Inserted and not written: nothing in the Welsh template counts as an answer.
                for (const engine::SectionState& s : r.assessment.sections)
                    if (s.inserted)
                    {
                        EXPECT_FALSE(s.written) << s.id;
                        EXPECT_GT(s.placeholders, 0) << s.id;
                    }
                for (const auto& c : r.assessment.characteristics)
                    EXPECT_FALSE(c.addressed)
                        << c.id << " counted as addressed from the Welsh template alone";
                EXPECT_FALSE(r.assessment.monitoring);
                EXPECT_FALSE(r.assessment.decisionMaker);
                EXPECT_FALSE(r.assessment.engagement);
                EXPECT_TRUE(fires(r, "sections.not-written"));
                EXPECT_LE(r.score, 5);
            }
}

TEST(WelshTemplatesTest, WelshPlaceholdersAreKnownToBothLanguages)
{
    // A placeholder comes back from .docx as a field holding its text.
    EXPECT_TRUE(english().templates().isPlaceholderText("amlder a pherchennog"));
    EXPECT_TRUE(welsh().templates().isPlaceholderText("frequency and owner"));
    EXPECT_TRUE(welsh().templates().isPlaceholderText("amlder a pherchennog"));
}

TEST(WelshTemplatesTest, TranslationsThatDifferInShapeAreRefused)
{
    engine::TemplatesData data = engine::parseTemplates(
        R"({"language":"en-GB","titles":{"england":"A","wales":"B","scotland":"C","ni":"D"},
            "skeletons":{"england":["x"],"wales":["x"],"scotland":["x"],"ni":["x"]},
            "group_section":{"title":"{label}","content":[{"text":"Evidence: [[data|Which?]]"}]},
            "groups":{},"default_extra_groups":[],
            "sections":[{"id":"x","title":"X","order":0,"content":[{"text":"One: [[a|b]]"}]}]})",
        "en.json");
    auto welshOf = [](const std::string& section)
    {
        return R"({"language":"cy","titles":{"england":"A","wales":"B","scotland":"C","ni":"D"},
            "skeletons":{"england":["x"],"wales":["x"],"scotland":["x"],"ni":["x"]},
            "group_section":{"title":"{label}","content":[{"text":"Tystiolaeth: [[data|Pa rai?]]"}]},
            "groups":{},"default_extra_groups":[],
            "sections":[)"
               + section + "]}";
    };
    engine::TemplatesData ok = data;
    engine::addTemplatesLanguage(
        ok, welshOf(R"({"id":"x","title":"Y","order":0,"content":[{"text":"Un: [[a|b]]"}]})"),
        "cy.json");
    ASSERT_EQ(ok.translations.size(), 1U);
    EXPECT_EQ(engine::templatesInLanguage(ok, "cy").sections[0].title, "Y");
    EXPECT_EQ(engine::templatesInLanguage(ok, "de").sections[0].title, "X");
    for (
        const char* bad : {
            R"({"id":"x","title":"Y","order":0,"content":[{"text":"Un: dim dalfan"}]})",
            R"({"id":"y","title":"Y","order":0,"content":[{"text":"Un: [[a|b]]"}]})",
            R"({"id":"x","title":"Y","order":1,"content":[{"text":"Un: [[a|b]]"}]})",
            R"({"id":"x","title":"Y","order":0,"content":[{"text":"Un: [[a|b]]"},{"text":"Dau"}]})",
        })
    {
        engine::TemplatesData copy = data;
        EXPECT_THROW(engine::addTemplatesLanguage(copy, welshOf(bad), "cy.json"),
                     engine::RuleDataError)
            << bad;
    }
}

TEST(WelshTemplatesTest, ADepartmentsSectionIsInsertedInWelshWhenItGivesWelsh)
{
    const engine::TemplatesData layered = engine::layeredTemplates(R"({"sections": [
        {"id": "monitoring", "title": "Monitoring by the council", "order": 13,
         "content": [{"text": "Owner: [[named officer|Who reports?]]"}]},
        {"id": "carbon", "title": "Carbon impact", "order": 17,
         "content": [{"text": "Emissions: [[tonnes a year|How much?]]"}],
         "wording": {"cy": {"title": "Effaith garbon", "content": [{"text": "Allyriadau: [[tunelli y flwyddyn|Faint?]]"}]}}}
    ]})",
                                                                   "dept.json");
    const engine::Lexicon lexicon(engine::builtinLexicon());
    const engine::Templates cy(layered, lexicon, "cy");
    EXPECT_EQ(cy.titleOf("carbon"), "Effaith garbon");
    // Replaced in English only: its Welsh users see the department's English, not the built-in
    // Welsh.
    EXPECT_EQ(cy.titleOf("monitoring"), "Monitoring by the council");
    EXPECT_EQ(cy.titleOf("evidence"), "Tystiolaeth");
    const engine::Templates en(layered, lexicon);
    EXPECT_EQ(en.titleOf("carbon"), "Carbon impact");
    // Welsh whose shape differs from the department's English is refused.
    EXPECT_THROW((void)engine::layeredTemplates(R"({"sections": [
        {"id": "carbon", "title": "Carbon impact", "order": 17,
         "content": [{"text": "Emissions: [[tonnes a year|How much?]]"}],
         "wording": {"cy": {"title": "Effaith garbon", "content": [{"text": "Allyriadau"}]}}}]})",
                                                "dept.json"),
                 engine::RuleDataError);
}
