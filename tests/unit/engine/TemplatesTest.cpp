// Section templates: the data loads and expands for every jurisdiction; a section that was
// inserted and not written is reported as such and never counts as an answer; filling it in
// answers the prompts it was inserted for; missing sections are placed where they belong.

#include "ExampleDocument.hpp"
#include "PlanDocument.hpp"

#include "engine/Engine.hpp"
#include "engine/Sections.hpp"
#include "engine/Templates.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <gtest/gtest.h>

#include <functional>
#include <regex>

using namespace dueregard;

namespace
{
const char* const kJurisdictions[] = { "england", "wales", "scotland", "ni" };

engine::Engine& sharedEngine()
{
    static engine::Engine e;
    return e;
}

using test::appendPlan;
using test::Filler;

model::Document skeletonDocument(const std::string& jurisdiction, const Filler& fill = {})
{
    engine::Engine& e = sharedEngine();
    model::Document d;
    model::Block title;
    title.id = "b0";
    title.text = text::fromUtf8(e.templates().title(jurisdiction) + ": Library opening hours");
    d.blocks.push_back(title);
    for (const std::string& id : e.templates().skeleton(jurisdiction))
        appendPlan(d, *e.templates().plan(id, jurisdiction, e.enabledGroups(jurisdiction)), fill);
    return d;
}

bool fires(const engine::CheckResult& r, const std::string& id, const std::string& characteristic = {})
{
    for (const engine::Finding& f : r.findings)
        if (f.id == id && (characteristic.empty() || f.characteristic == characteristic))
            return true;
    return false;
}
} // namespace

TEST(TemplatesTest, EverySkeletonExpandsWithPlaceholdersAndWordSafeBookmarks)
{
    const engine::Templates& t = sharedEngine().templates();
    const std::regex wordName("^[A-Za-z][A-Za-z0-9_]{0,39}$");
    for (const char* j : kJurisdictions)
    {
        ASSERT_FALSE(t.skeleton(j).empty()) << j;
        for (const std::string& id : t.skeleton(j))
        {
            const auto plan = t.plan(id, j, sharedEngine().enabledGroups(j));
            ASSERT_TRUE(plan) << id;
            EXPECT_GT(plan->placeholders(), 0u) << id << " in " << j << " has nothing for the writer to fill in";
            EXPECT_EQ(plan->blocks.front().kind, engine::PlanBlock::Kind::Heading);
            for (const engine::PlanBlock& b : plan->blocks)
                if (!b.bookmark.empty())
                {
                    EXPECT_TRUE(std::regex_match(b.bookmark, wordName)) << b.bookmark;
                    EXPECT_EQ(t.sectionForBookmark(b.bookmark), b.section);
                }
        }
    }
    // Writer numbers a copied bookmark; the copy still names the section.
    EXPECT_EQ(t.sectionForBookmark("DueRegard_monitoring1"), "monitoring");
    EXPECT_EQ(t.sectionForBookmark("DueRegard_impact_sexual_orientation"), "impact-sexual_orientation");
    EXPECT_FALSE(t.sectionForBookmark("Someone_elses_bookmark"));
}

TEST(TemplatesTest, JurisdictionsGetTheirOwnSections)
{
    const engine::Templates& t = sharedEngine().templates();
    auto has = [&](const char* j, const std::string& id) {
        const auto& s = t.skeleton(j);
        return std::find(s.begin(), s.end(), id) != s.end();
    };
    EXPECT_TRUE(has("wales", "socio-economic-duty"));
    EXPECT_TRUE(has("wales", "welsh-language"));
    EXPECT_TRUE(has("scotland", "fairer-scotland-duty"));
    EXPECT_TRUE(has("ni", "s75-screening"));
    EXPECT_TRUE(has("ni", "s75-decision"));
    EXPECT_FALSE(has("england", "welsh-language"));
    // Wales's publication section asks for the regulation 8 report; England's does not.
    auto mentions = [&](const char* j, const std::string& id, const std::string& words) {
        const auto plan = t.plan(id, j, {});
        for (const auto& b : plan->blocks)
            for (const auto& r : b.runs)
                if (r.text.find(words) != std::string::npos)
                    return true;
        return false;
    };
    EXPECT_TRUE(mentions("wales", "publication", "regulation 8"));
    EXPECT_FALSE(mentions("england", "publication", "regulation 8"));
    EXPECT_TRUE(mentions("wales", "engagement", "regulation 5"));
    EXPECT_FALSE(mentions("scotland", "engagement", "regulation 5"));
    EXPECT_TRUE(mentions("scotland", "legal-duties", "Specific duties"));
}

TEST(TemplatesTest, MitigationIsAnActionPlanTableWithOwnersAndDeadlines)
{
    const auto plan = sharedEngine().templates().plan("mitigation", "england", {});
    ASSERT_TRUE(plan);
    const auto table = std::find_if(plan->blocks.begin(), plan->blocks.end(),
                                    [](const engine::PlanBlock& b) { return b.kind == engine::PlanBlock::Kind::Table; });
    ASSERT_NE(table, plan->blocks.end());
    std::vector<std::string> header;
    for (const auto& cell : table->rows.front())
        header.push_back(cell.front().text);
    EXPECT_EQ(header, (std::vector<std::string>{ "Action", "Group or impact addressed", "Owner", "Deadline", "Success measure" }));
    EXPECT_TRUE(table->rows[1][0].front().placeholder);
    EXPECT_FALSE(table->rows[1][0].front().hint.empty());
}

TEST(TemplatesTest, GroupSectionsCarryTheGroupsOwnQuestion)
{
    const auto plan = sharedEngine().templates().plan("impact-disability", "england", {});
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->title, "Disability");
    EXPECT_EQ(plan->blocks.front().bookmark, "DueRegard_impact_disability");
    bool adjustments = false;
    for (const auto& b : plan->blocks)
        for (const auto& r : b.runs)
            adjustments = adjustments || r.hint.find("reasonable adjustments") != std::string::npos;
    EXPECT_TRUE(adjustments);
    EXPECT_FALSE(sharedEngine().templates().plan("impact-nobody", "england", {}));
    EXPECT_FALSE(sharedEngine().templates().plan("no-such-section", "england", {}));
}

TEST(TemplatesTest, AnUnwrittenSkeletonAnswersNothing)
{
    for (const char* j : kJurisdictions)
    {
        engine::Engine e;
        const auto r = e.check(skeletonDocument(j), { { std::string(j), {}, {} }, {}, {}, {} });
        SCOPED_TRACE(j);
        EXPECT_EQ(r.assessment.kind, "eia");
        std::size_t inserted = 0;
        for (const auto& s : r.assessment.sections)
            if (s.inserted)
            {
                ++inserted;
                EXPECT_FALSE(s.written) << s.id;
                EXPECT_GT(s.placeholders, 0) << s.id;
            }
        EXPECT_GE(inserted, e.templates().skeleton(j).size());
        for (const auto& c : r.assessment.characteristics)
            EXPECT_FALSE(c.addressed) << c.id << " counted as addressed from the template alone";
        EXPECT_FALSE(r.assessment.monitoring);
        EXPECT_FALSE(r.assessment.decisionMaker);
        EXPECT_FALSE(r.assessment.engagement);
        EXPECT_TRUE(fires(r, "sections.not-written"));
        EXPECT_TRUE(fires(r, "monitoring.missing"));
        EXPECT_LE(r.score, 5);
        // The section is there, so the prompt no longer offers to insert it.
        for (const auto& f : r.findings)
        {
            EXPECT_TRUE(f.id != "monitoring.missing" || f.insert.empty());
        }
    }
}

TEST(TemplatesTest, FillingTheMonitoringSectionAnswersItsPrompts)
{
    const Filler monitoring = [](const std::string& section, const engine::Run& p) -> std::string {
        if (section != "monitoring")
            return {};
        if (p.text == "date")
            return "1 April 2027";
        if (p.text.rfind("frequency", 0) == 0)
            return "the service manager reviews the figures every quarter";
        return "take-up of the service by age, disability, sex and ethnicity";
    };
    engine::Engine e;
    const auto r = e.check(skeletonDocument("england", monitoring));
    EXPECT_TRUE(r.assessment.monitoring);
    EXPECT_FALSE(fires(r, "monitoring.missing"));
    const engine::SectionState* s = nullptr;
    for (const auto& x : r.assessment.sections)
        if (x.id == "monitoring")
            s = &x;
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(s->written);
    EXPECT_EQ(s->placeholders, 0);
    for (const auto& f : r.findings)
    {
        EXPECT_TRUE(f.id.rfind("sections.", 0) != 0 || f.excerpt != "Monitoring and review") << f.message;
    }
}

TEST(TemplatesTest, PartlyWrittenGroupSectionCountsOnlyWhatWasWritten)
{
    const Filler age = [](const std::string& section, const engine::Run& p) -> std::string {
        if (section != "impact-age")
            return {};
        if (p.text.rfind("what the data say", 0) == 0)
            return "31% of library users are 65 or over, compared with 19% of residents (Census 2021)";
        return {};
    };
    engine::Engine e;
    const auto r = e.check(skeletonDocument("england", age));
    for (const auto& c : r.assessment.characteristics)
    {
        EXPECT_EQ(c.addressed, c.id == "age") << c.id;
        if (c.id == "age")
        {
            EXPECT_TRUE(c.evidence);
        }
    }
    EXPECT_TRUE(fires(r, "sections.placeholders-left"));
}

TEST(TemplatesTest, NorthernIrelandScreeningRowsNameTheirCategories)
{
    const Filler screening = [](const std::string& section, const engine::Run& p) -> std::string {
        if (section != "s75-screening")
            return {};
        if (p.text == "major, minor or none")
            return "Minor";
        if (p.text == "reasons")
            return "Survey of 1,200 users in 2025 found no difference in use by this group";
        return {};
    };
    engine::Engine e;
    const auto r = e.check(skeletonDocument("ni", screening), { { std::string("ni"), {}, {} }, {}, {}, {} });
    std::set<std::string> addressed;
    for (const auto& c : r.assessment.characteristics)
        if (c.addressed)
            addressed.insert(c.id);
    for (const char* id : { "religion_belief", "political_opinion", "race", "age", "marriage_civil_partnership",
                            "sexual_orientation", "sex", "disability", "carers" })
        EXPECT_TRUE(addressed.count(id)) << id << " row not recognised";
}

TEST(TemplatesTest, HeadingsNameSectionsWhateverTheirNumbering)
{
    const engine::Templates& t = sharedEngine().templates();
    auto heading = [](const char* s) { return engine::Templates::normalise(text::fromUtf8(s), true); };
    EXPECT_TRUE(t.matchesHeading("monitoring", heading("6.2 Monitoring and review")));
    EXPECT_TRUE(t.matchesHeading("monitoring", heading("Monitoring arrangements")));
    EXPECT_TRUE(t.matchesHeading("evidence", heading("Section 3: Evidence")));
    EXPECT_TRUE(t.matchesHeading("engagement", heading("Part 5 \u2013 Consultation")));
    EXPECT_TRUE(t.matchesHeading("mitigation", heading("B) Action plan")));
    EXPECT_FALSE(t.matchesHeading("monitoring", heading("Evidence")));
    EXPECT_FALSE(t.matchesHeading("evidence", heading("Evidence of the impact on people who use the mobile library")));
}

TEST(TemplatesTest, MissingSectionsArePlacedWhereTheyBelong)
{
    engine::Engine& e = sharedEngine();
    const model::Document d = test::exampleDocument({ "# Equality impact assessment: Library hours", "## 1. The proposal",
                                                      "We will close two branches on Mondays.", "## 2. Mitigation and action plan",
                                                      "| Action | Owner | Deadline |", "| Mobile library visits | Head of libraries | 1 May 2026 |",
                                                      "## 3. Outcome", "Adjust the proposal." });
    const auto r = e.check(d);
    engine::SectionMap map;
    map.sections = r.assessment.sections;
    const auto monitoring = engine::placeSection(d, map, e.templates(), "monitoring");
    EXPECT_EQ(monitoring.where, engine::Placement::Where::After);
    EXPECT_EQ(d.blocks[monitoring.block].text, u"1 May 2026"); // the end of the action plan
    EXPECT_EQ(monitoring.level, 2);
    const auto screening = engine::placeSection(d, map, e.templates(), "screening");
    EXPECT_EQ(screening.where, engine::Placement::Where::Before);
    EXPECT_EQ(d.blocks[screening.block].text, u"1. The proposal");
    const auto control = engine::placeSection(d, map, e.templates(), "document-control");
    EXPECT_EQ(control.where, engine::Placement::Where::Before);
    EXPECT_EQ(control.level, 2);

    // Nothing to fit into: at the cursor, below the document's title.
    const model::Document bare = test::exampleDocument({ "# Library hours", "Some notes.", "## Opening times", "Text." });
    const auto rb = e.check(bare);
    engine::SectionMap bareMap;
    bareMap.sections = rb.assessment.sections;
    const auto p = engine::placeSection(bare, bareMap, e.templates(), "engagement");
    EXPECT_EQ(p.where, engine::Placement::Where::Cursor);
    EXPECT_EQ(p.level, 2);
    EXPECT_EQ(engine::headingLevelAt(model::Document{}, {}, std::nullopt), 1);
}

TEST(TemplatesTest, PromptsOfferTheSectionThatAnswersThem)
{
    engine::Engine& e = sharedEngine();
    const auto r = e.check(test::exampleDocument({ "# Equality impact assessment", "## Age",
                                                   "Older people are 31% of users, compared with 19% of residents (Census 2021)." }));
    std::map<std::string, std::string> offers;
    for (const auto& f : r.findings)
        offers[f.id + (f.characteristic.empty() ? "" : ":" + f.characteristic)] = f.insert;
    EXPECT_EQ(offers["monitoring.missing"], "monitoring");
    EXPECT_EQ(offers["coverage.characteristic-missing:disability"], "impact-disability");
    EXPECT_EQ(offers["engagement.missing"], "engagement");
    EXPECT_EQ(offers["decision.no-decision-maker"], "decision-maker");
}

TEST(TemplatesTest, BadTemplateDataIsRejectedWithItsPath)
{
    const std::string base = R"({"language":"en-GB","titles":{"england":"A","wales":"A","scotland":"A","ni":"A"},
        "skeletons":{"england":["x"],"wales":["x"],"scotland":["x"],"ni":["x"]},
        "group_section":{"title":"{label}","content":[{"text":"[[a|b]]"}]},"groups":{},"default_extra_groups":[],
        "sections":[{"id":"x","title":"X","order":1,"content":[{"table":{"rows":[["a"]]}}]}]})";
    try
    {
        (void)engine::parseTemplates(base, "dept.json");
        FAIL() << "a table without a header was accepted";
    }
    catch (const engine::RuleDataError& err)
    {
        EXPECT_EQ(err.file(), "dept.json");
        EXPECT_NE(err.path().find("/sections/0/content/0"), std::string::npos) << err.what();
    }
    std::string unknown = base;
    unknown.replace(unknown.find(R"({"table":{"rows":[["a"]]}})"), 26, R"({"text":"[[a|b]]"})");
    unknown.replace(unknown.find(R"("ni":["x"])"), 10, R"("ni":["y"])");
    const engine::TemplatesData data = engine::parseTemplates(unknown, "dept.json");
    EXPECT_THROW(engine::Templates(data, sharedEngine().lexicon()), engine::RuleDataError);
}

TEST(TemplatesTest, RunsParseFixedTextAndPlaceholders)
{
    const auto runs = engine::parseRuns("Owner: [[named role|Who is responsible?]] by [[date]]");
    ASSERT_EQ(runs.size(), 4u);
    EXPECT_EQ(runs[0].text, "Owner: ");
    EXPECT_TRUE(runs[1].placeholder);
    EXPECT_EQ(runs[1].hint, "Who is responsible?");
    EXPECT_EQ(runs[2].text, " by ");
    EXPECT_TRUE(runs[3].placeholder);
    EXPECT_EQ(runs[3].hint, "");
}

TEST(TemplatesTest, AGroupsOwnSectionIdGoesBothWays)
{
    EXPECT_EQ(dueregard::engine::groupSection("age"), "impact-age");
    EXPECT_EQ(dueregard::engine::groupOfSection("impact-age"), "age");
    EXPECT_EQ(dueregard::engine::groupOfSection("impact"), std::nullopt);
    EXPECT_EQ(dueregard::engine::groupOfSection("monitoring"), std::nullopt);
    EXPECT_EQ(dueregard::engine::groupOfSection(dueregard::engine::groupSection("care_leavers")), "care_leavers");
}
