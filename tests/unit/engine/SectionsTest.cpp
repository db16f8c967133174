// Sections: headings that name a template section, sections Due Regard inserted (unwritten ones
// are scaffolding), where a section ends, where a missing one goes and at what heading level.

#include "ExampleDocument.hpp"

#include "engine/BlockAnalysis.hpp"
#include "engine/Engine.hpp"
#include "engine/Sections.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

using namespace dueregard;

namespace
{
const engine::Engine& sharedEngine()
{
    static const engine::Engine e;
    return e;
}

// The facts of every block, kept alive for the map.
struct Analysed
{
    model::Document document;
    std::vector<engine::BlockFacts> facts;
    std::vector<const engine::BlockFacts*> pointers;
};

std::unique_ptr<Analysed> analysed(const std::vector<std::string>& lines)
{
    static engine::Tokenizer tokenizer;
    static text::WordCounter counter;
    auto a = std::make_unique<Analysed>();
    a->document = test::exampleDocument(lines);
    for (const model::Block& b : a->document.blocks)
        a->facts.push_back(engine::analyseBlock(b.text, sharedEngine().lexicon(), tokenizer, counter));
    for (const engine::BlockFacts& f : a->facts)
        a->pointers.push_back(&f);
    return a;
}

engine::SectionMap mapOf(const Analysed& a)
{
    return engine::mapSections(a.document, a.pointers, sharedEngine().templates());
}

std::vector<std::string> named(const char* heading)
{
    const auto a = analysed({ std::string("# ") + heading });
    return engine::sectionsNamedBy(a->document.blocks[0], a->facts[0], sharedEngine().templates());
}

bool contains(const std::vector<std::string>& ids, const char* id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}
} // namespace

TEST(SectionsTest, NumberedHeadingNamesItsSection)
{
    EXPECT_TRUE(contains(named("6. Monitoring and review"), "monitoring"));
    EXPECT_TRUE(contains(named("Consultation and engagement"), "engagement"));
    EXPECT_FALSE(contains(named("Consultation and engagement"), "monitoring"));
}

TEST(SectionsTest, LongHeadingNamesNoSection)
{
    EXPECT_TRUE(named("Monitoring of how the proposed changes to the mobile library timetable affect people who "
                      "live in rural villages")
                    .empty());
}

TEST(SectionsTest, HeadingThatIsAGroupNamesItsImpactSection)
{
    EXPECT_TRUE(contains(named("Disability"), "impact-disability"));
}

TEST(SectionsTest, CacheRemembersWhatAHeadingNamedByVersion)
{
    const auto a = analysed({ "# Monitoring and review", "# Evidence" });
    engine::HeadingCache cache;
    const auto first = engine::sectionsNamedBy(a->document.blocks[0], a->facts[0], sharedEngine().templates(), 7, &cache);
    EXPECT_TRUE(contains(first, "monitoring"));
    EXPECT_EQ(cache.size(), 1U);
    // The same version is answered from the cache, whatever block is passed.
    const auto again = engine::sectionsNamedBy(a->document.blocks[1], a->facts[1], sharedEngine().templates(), 7, &cache);
    EXPECT_EQ(again, first);
    // Version 0 means "no version": nothing is cached.
    engine::sectionsNamedBy(a->document.blocks[1], a->facts[1], sharedEngine().templates(), 0, &cache);
    EXPECT_EQ(cache.size(), 1U);
}

TEST(SectionsTest, SectionRunsToTheNextHeadingOfItsLevelOrHigher)
{
    const auto a = analysed({ "# Library hours", "## Evidence", "Footfall data from 2025.", "### Survey",
                              "We asked 400 users.", "## Monitoring and review", "Quarterly reports." });
    const engine::SectionMap map = mapOf(*a);
    const engine::SectionState* evidence = map.find("evidence");
    ASSERT_NE(evidence, nullptr);
    EXPECT_EQ(evidence->block, 1U);
    EXPECT_EQ(evidence->end, 5U);
    EXPECT_EQ(evidence->level, 2);
    EXPECT_FALSE(evidence->inserted);
    EXPECT_TRUE(evidence->written);
    const engine::SectionState* monitoring = map.find("monitoring");
    ASSERT_NE(monitoring, nullptr);
    EXPECT_EQ(monitoring->end, 7U);
    EXPECT_LT(evidence->block, monitoring->block);
    EXPECT_EQ(map.find("engagement"), nullptr);
    EXPECT_EQ(map.scaffold, std::vector<bool>(7, false));
}

TEST(SectionsTest, UnwrittenInsertedSectionIsScaffolding)
{
    const std::string title = sharedEngine().templates().titleOf("monitoring");
    const auto a = analysed({ "# Library hours", "## " + title + " @monitoring", "{{How will you monitor the effect?}}",
                              "## Notes", "Written by the author." });
    const engine::SectionMap map = mapOf(*a);
    const engine::SectionState* s = map.find("monitoring");
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(s->inserted);
    EXPECT_FALSE(s->written);
    EXPECT_EQ(s->placeholders, 1);
    EXPECT_TRUE(map.scaffold[1]);
    EXPECT_TRUE(map.scaffold[2]);
    EXPECT_FALSE(map.scaffold[4]);
}

TEST(SectionsTest, InsertedSectionWithTheWritersOwnTextIsWritten)
{
    const std::string title = sharedEngine().templates().titleOf("monitoring");
    const auto a = analysed({ "## " + title + " @monitoring", "{{How will you monitor the effect?}}",
                              "The libraries manager will report usage by age group every quarter." });
    const engine::SectionMap map = mapOf(*a);
    const engine::SectionState* s = map.find("monitoring");
    ASSERT_NE(s, nullptr);
    EXPECT_TRUE(s->written);
    // Only the untouched placeholder stays out of the analysis.
    EXPECT_FALSE(map.scaffold[0]);
    EXPECT_TRUE(map.scaffold[1]);
    EXPECT_FALSE(map.scaffold[2]);
}

TEST(SectionsTest, MissingSectionGoesAfterTheOneBeforeIt)
{
    const auto a = analysed({ "# Library hours", "## Evidence", "Footfall fell.", "## Monitoring and review", "Quarterly." });
    const engine::SectionMap map = mapOf(*a);
    const engine::Templates& t = sharedEngine().templates();
    ASSERT_LT(t.order("evidence"), t.order("mitigation"));
    ASSERT_LT(t.order("mitigation"), t.order("monitoring"));
    const engine::Placement p = engine::placeSection(a->document, map, t, "mitigation");
    EXPECT_EQ(p.where, engine::Placement::Where::After);
    EXPECT_EQ(p.block, 2U); // the end of the evidence section
    EXPECT_EQ(p.level, 2);
}

TEST(SectionsTest, SectionWithNothingToFitIntoGoesAtTheCursor)
{
    const auto a = analysed({ "Just a paragraph of notes." });
    const engine::Placement p = engine::placeSection(a->document, mapOf(*a), sharedEngine().templates(), "monitoring");
    EXPECT_EQ(p.where, engine::Placement::Where::Cursor);
    EXPECT_EQ(p.level, 1);
}

TEST(SectionsTest, HeadingLevelFollowsTheRecognisedSectionsAround)
{
    const auto a = analysed({ "# Library hours", "### Evidence", "Footfall fell.", "Visits halved." });
    const engine::SectionMap map = mapOf(*a);
    EXPECT_EQ(engine::headingLevelAt(a->document, map, 3), 3);
    EXPECT_EQ(engine::headingLevelAt(a->document, map, 0), 3); // the section after it
}

TEST(SectionsTest, HeadingLevelGoesBelowASingleTitle)
{
    const auto titled = analysed({ "# Library hours", "Notes.", "## Opening times", "Text." });
    EXPECT_EQ(engine::headingLevelAt(titled->document, mapOf(*titled), std::nullopt), 2);
    const auto flat = analysed({ "# Opening times", "Text.", "# Staffing", "Text." });
    EXPECT_EQ(engine::headingLevelAt(flat->document, mapOf(*flat), std::nullopt), 1);
    const auto none = analysed({ "Text only." });
    EXPECT_EQ(engine::headingLevelAt(none->document, mapOf(*none), std::nullopt), 1);
}
