#include "ExampleDocument.hpp"

#include "engine/Engine.hpp"
#include "model/Facts.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dueregard;
using test::exampleDocument;

namespace
{
engine::CheckResult check(const std::vector<std::string>& lines, engine::CheckOptions options = {})
{
    engine::Engine e;
    return e.check(exampleDocument(lines), options);
}

// `id` is a plain string: GCC 14 takes a reference returned from a call given a temporary (a
// std::string made from a literal) as bound to it (-Wdangling-reference).
const engine::CharacteristicResult& characteristic(const engine::CheckResult& r, const char* id)
{
    for (const auto& c : r.assessment.characteristics)
        if (c.id == id)
            return c;
    throw std::runtime_error(std::string("no characteristic ") + id);
}

bool fired(const engine::CheckResult& r, const std::string& id, const std::string& characteristic = {})
{
    for (const auto& f : r.findings)
        if (f.id == id && (characteristic.empty() || f.characteristic == characteristic))
            return true;
    return false;
}
} // namespace

TEST(EngineTest, WordsInsideOtherWordsAreNotMentions)
{
    // "age" in "page", "men" in "women" is sex anyway, "sex" in "Essex", "disabled" for a setting.
    const auto r = check({ "# Equality impact assessment", "See page 4 of the Essex and Sussex management plan.",
                           "The old login was a disabled feature of the system and stays disabled by default." });
    EXPECT_FALSE(characteristic(r, "age").addressed);
    EXPECT_FALSE(characteristic(r, "sex").addressed);
    EXPECT_FALSE(characteristic(r, "disability").addressed);
}

TEST(EngineTest, HeadingSectionsAndTableRowsAddressCharacteristics)
{
    const auto r = check({ "# Equality impact assessment", "## Disability",
                           "Disabled residents are 22% of users compared with 17% of residents (Census 2021).",
                           "| Characteristic | Impact | Evidence |", "| Age | Negative | 31% of users are 65 or over, against 19% of residents |" });
    const auto& disability = characteristic(r, "disability");
    EXPECT_TRUE(disability.addressed);
    EXPECT_TRUE(disability.evidence);
    const auto& age = characteristic(r, "age");
    EXPECT_TRUE(age.addressed);
    EXPECT_TRUE(age.evidence);
    EXPECT_EQ(age.impact, engine::Impact::Negative);
}

TEST(EngineTest, BoilerplateListIsListedOnly)
{
    const auto r = check({ "# Equality impact assessment",
                           "The nine protected characteristics are age, disability, gender reassignment, marriage and "
                           "civil partnership, pregnancy and maternity, race, religion or belief, sex and sexual orientation." });
    for (const auto& c : r.assessment.characteristics)
        if (!c.extra)
        {
            EXPECT_FALSE(c.addressed) << c.id;
            EXPECT_TRUE(c.listedOnly) << c.id;
        }
    EXPECT_TRUE(fired(r, "coverage.listed-only", "race"));
}

TEST(EngineTest, NegationChangesTheImpact)
{
    const auto negative = check({ "# Equality impact assessment", "## Sex", "The change has a negative impact on women." });
    EXPECT_EQ(characteristic(negative, "sex").impact, engine::Impact::Negative);
    const auto neutral = check({ "# Equality impact assessment", "## Sex", "There is no negative impact on women." });
    EXPECT_EQ(characteristic(neutral, "sex").impact, engine::Impact::Neutral);
    const auto notAdverse = check({ "# Equality impact assessment", "## Sex", "Women will not be adversely affected." });
    EXPECT_NE(characteristic(notAdverse, "sex").impact, engine::Impact::Negative);
}

TEST(EngineTest, NoImpactNeedsEvidenceOrReasoning)
{
    const auto bare = check({ "# Equality impact assessment", "## Age", "No impact on older people." });
    EXPECT_TRUE(characteristic(bare, "age").unsupportedNoImpact);
    const auto reasoned = check({ "# Equality impact assessment", "## Age",
                                  "No impact on older people, because the service stays open on the same days at every site." });
    EXPECT_FALSE(characteristic(reasoned, "age").unsupportedNoImpact);
    const auto evidenced = check({ "# Equality impact assessment", "## Age",
                                   "No differential impact on older people: 2024/25 monitoring data show the same "
                                   "satisfaction (88%) as other users." });
    EXPECT_FALSE(characteristic(evidenced, "age").unsupportedNoImpact);
}

TEST(EngineTest, IntersectionsFromPhrasesAndNames)
{
    EXPECT_TRUE(check({ "# EqIA", "Young Black men are stopped most often." }).assessment.intersectionality);
    EXPECT_TRUE(check({ "# EqIA", "We looked at how age and disability intersect for people on the waiting list." })
                    .assessment.intersectionality);
    // Saying that intersections were considered, or a form asking about them, shows nothing.
    EXPECT_FALSE(check({ "# EqIA", "We looked at how characteristics intersect." }).assessment.intersectionality);
    EXPECT_FALSE(check({ "# EqIA", "Have you considered people with multiple protected characteristics, such as older disabled women?" })
                     .assessment.intersectionality);
    // Two groups listed side by side are not one person with both.
    EXPECT_FALSE(check({ "# EqIA", "The service is used mostly by older and disabled residents of the town." })
                     .assessment.intersectionality);
    EXPECT_FALSE(check({ "# EqIA", "## Age", "Older people use the bus.", "## Sex", "Women use the bus." })
                     .assessment.intersectionality);
}

TEST(EngineTest, KindAndJurisdiction)
{
    EXPECT_EQ(check({ "# Equality Impact Assessment", "Text." }).assessment.kind, "eia");
    EXPECT_EQ(check({ "# Cabinet report", "Recommendation: approve the budget." }).assessment.kind, "policy");
    // An Environmental Impact Assessment for a planning application is not an equality EIA.
    EXPECT_EQ(check({ "# EIA Scoping Report", "This Environmental Impact Assessment covers ecology, noise, air quality "
                      "and flood risk for the planning application under the EIA Regulations." })
                  .assessment.kind,
              "policy");
    EXPECT_EQ(check({ "# Section 75 screening", "Northern Ireland Housing Executive." }).assessment.jurisdiction, "ni");
    EXPECT_EQ(check({ "# Integrated Impact Assessment", "Welsh Government, Wales." }).assessment.jurisdiction, "wales");
    EXPECT_EQ(check({ "# EqIA", "Fairer Scotland Duty assessment for the Scottish Government." }).assessment.jurisdiction,
              "scotland");
    engine::CheckOptions forced;
    forced.assess.jurisdiction = "wales";
    const auto r = check({ "# EqIA", "Text." }, forced);
    EXPECT_EQ(r.assessment.jurisdiction, "wales");
    // Wales enables the socio-economic and Welsh language groups.
    EXPECT_NO_THROW(characteristic(r, "socio_economic"));
    EXPECT_NO_THROW(characteristic(r, "welsh_language"));
}

TEST(EngineTest, TimingFromDatesAndWording)
{
    EXPECT_EQ(check({ "# EqIA", "Assessment completed on 20 February 2026.", "Cabinet meeting on 12 March 2026." })
                  .assessment.timing,
              engine::Timing::Before);
    EXPECT_EQ(check({ "# EqIA", "Assessment completed on 20 May 2026.", "Cabinet meeting on 12 March 2026." })
                  .assessment.timing,
              engine::Timing::After);
    EXPECT_EQ(check({ "# EqIA", "The scheme was introduced in April 2025." }).assessment.timing, engine::Timing::After);
    EXPECT_EQ(check({ "# EqIA", "No dates here." }).assessment.timing, engine::Timing::Unknown);
}

TEST(EngineTest, FindingsPointAtTheText)
{
    const model::Document doc = exampleDocument({ "# EqIA", "Support will be offered where possible." });
    engine::Engine e;
    const auto r = e.check(doc);
    bool found = false;
    for (const auto& f : r.findings)
        if (f.id == "mitigation.vague")
        {
            found = true;
            EXPECT_EQ(f.location.block, 1);
            EXPECT_EQ(f.excerpt, "where possible");
            const std::u16string& text = doc.blocks[1].text;
            EXPECT_EQ(text.substr(f.location.start, f.location.end - f.location.start), u"where possible");
        }
    EXPECT_TRUE(found);
}

namespace
{
// A re-check's result is a fresh engine's full check of the same document: the same prompts at
// the same places, score and facts.
void expectSameAsFullCheck(const engine::CheckResult& again, const model::Document& doc)
{
    const auto full = engine::Engine().check(doc);
    ASSERT_EQ(again.findings.size(), full.findings.size());
    for (std::size_t i = 0; i < full.findings.size(); ++i)
    {
        EXPECT_EQ(again.findings[i].id, full.findings[i].id);
        EXPECT_EQ(again.findings[i].location.block, full.findings[i].location.block);
        EXPECT_EQ(again.findings[i].location.start, full.findings[i].location.start);
    }
    EXPECT_EQ(again.score, full.score);
    EXPECT_EQ(again.facts.words, full.facts.words);
    EXPECT_EQ(again.facts.paragraphs, full.facts.paragraphs);
}
} // namespace

TEST(EngineTest, RecheckAfterOneEditReusesOtherBlocksAndMatchesFullCheck)
{
    std::vector<std::string> lines = { "# Equality impact assessment", "## Age",
                                       "Older people are 31% of users compared with 19% of residents (Census 2021).",
                                       "## Disability", "No impact is expected.", "# Engagement",
                                       "We held focus groups with residents in January 2026." };
    engine::Engine incremental;
    const auto first = incremental.check(exampleDocument(lines));
    EXPECT_EQ(first.blocksAnalysed, lines.size());
    lines[4] = "Disabled residents are 22% of users compared with 17% of residents, a negative impact.";
    const auto second = incremental.check(exampleDocument(lines));
    EXPECT_EQ(second.blocksAnalysed, 1u);

    expectSameAsFullCheck(second, exampleDocument(lines));
    EXPECT_EQ(characteristic(second, "disability").impact, engine::Impact::Negative);
}

TEST(EngineTest, RecheckAfterBlocksMoveMatchesFullCheck)
{
    // The engine finds a block's cached facts by its position in the last check when the id is
    // the same there, and by id otherwise: blocks added, removed and moved are all found.
    const model::Document original = exampleDocument(
        { "# Equality impact assessment", "## Age", "Older people are 31% of users compared with 19% of residents (Census 2021).",
          "## Disability", "No impact is expected.", "# Engagement", "We held focus groups with residents in January 2026.",
          "Support will be offered where possible.", "# Monitoring", "Visits will be monitored quarterly and reviewed in March 2027." });
    auto added = [](model::Document d) {
        model::Block b;
        b.id = "added";
        b.text = u"Disabled residents are 22% of users compared with 17% of residents, a negative impact.";
        d.blocks.insert(d.blocks.begin() + 4, b);
        return d;
    };
    auto removed = [](model::Document d) {
        d.blocks.erase(d.blocks.begin() + 2);
        return d;
    };
    auto moved = [](model::Document d) {
        std::rotate(d.blocks.begin() + 3, d.blocks.begin() + 5, d.blocks.begin() + 8);
        return d;
    };
    const std::vector<std::pair<model::Document, std::size_t>> steps = { { added(original), 1 }, { removed(added(original)), 0 },
                                                                         { moved(original), 0 }, { original, 0 } };
    engine::Engine incremental;
    incremental.check(original);
    for (const auto& [doc, analysed] : steps)
    {
        const auto again = incremental.check(doc);
        EXPECT_EQ(again.blocksAnalysed, analysed);
        expectSameAsFullCheck(again, doc);
    }
}

TEST(EngineTest, HostileInputNeitherCrashesNorHangs)
{
    engine::Engine e;
    EXPECT_NO_THROW(e.check(model::Document{}));
    std::string longParagraph;
    for (int i = 0; i < 20000; ++i)
        longParagraph += "older disabled women 12% per 1,000 ";
    const std::vector<std::string> lines = { "# EqIA", longParagraph, "المساواة في الحقوق 😀👩🏽‍⚖️", "平等影响评估",
                                             std::string("\xff\xfe bad utf8"), "", "|  |", "| Age |" };
    const auto r = e.check(exampleDocument(lines));
    EXPECT_TRUE(characteristic(r, "age").addressed);
    EXPECT_GE(r.score, 0);
    EXPECT_LE(r.score, 100);
}

TEST(EngineTest, ScoreRewardsAFullerAssessment)
{
    const auto thin = check({ "# Equality impact assessment", "The proposal has no impact." });
    const auto fuller = check({ "# Equality impact assessment", "## Age",
                                "Older people are 31% of users compared with 19% of residents (Census 2021); a negative impact.",
                                "We will extend Saturday hours. Owner: Head of Libraries. Deadline: 1 June 2026.",
                                "# Engagement", "We held focus groups with residents in January 2026; as a result we changed the plan.",
                                "# Monitoring", "Visits will be monitored quarterly by age and reviewed in March 2027.",
                                "Decision-maker: Cabinet Member for Communities." });
    EXPECT_LT(thin.score, fuller.score);
    EXPECT_LE(thin.score, 20);
}

TEST(EngineTest, UnicodeVariantsOfTermsMatch)
{
    // Full-width letters, a ligature and decomposed accents fold to the same words.
    const auto r = check({ "# EqIA", "## Ａｇｅ", "Older people are 31% of users compared with 19% of residents." });
    EXPECT_TRUE(characteristic(r, "age").addressed);
    const auto lig = check({ "# EqIA", "Faith groups were consulted: the ﬁndings are in Appendix B about Muslim women." });
    EXPECT_TRUE(characteristic(lig, "religion_belief").addressed);
}

TEST(EngineTest, ThousandPageDocumentIsCheckedWhole)
{
    // About 13,000 paragraphs: no limit is hit, and a finding near the end is still found.
    std::vector<std::string> lines = { "# Equality impact assessment" };
    for (int page = 0; page < 1000; ++page)
    {
        lines.push_back("## Section " + std::to_string(page + 1));
        for (int p = 0; p < 12; ++p)
            lines.push_back("Paragraph " + std::to_string(p) + " of page " + std::to_string(page)
                            + ": residents were asked about the service in the annual survey.");
    }
    lines.push_back("Support will be offered where possible.");
    engine::Engine e;
    const auto r = e.check(exampleDocument(lines));
    EXPECT_TRUE(fired(r, "mitigation.vague"));
    bool atEnd = false;
    for (const auto& f : r.findings)
        atEnd = atEnd || (f.id == "mitigation.vague" && f.location.block == static_cast<int>(lines.size()) - 1);
    EXPECT_TRUE(atEnd);
}

TEST(EngineTest, DismissedPromptsAreSetAsideWithTheirReason)
{
    const model::Document doc = exampleDocument({ "# EqIA", "Support will be offered where possible." });
    engine::Engine e;
    const auto first = e.check(doc);
    const auto vague = std::find_if(first.findings.begin(), first.findings.end(),
                                    [](const auto& f) { return f.id == "mitigation.vague"; });
    ASSERT_NE(vague, first.findings.end());
    engine::CheckOptions options;
    options.dismissals.push_back(engine::dismissalFor(*vague, "Covered by the corporate support policy", "24 November 2026"));
    // Stored and read back as the document keeps it.
    options.dismissals = engine::parseDismissals(engine::dismissalsJson(options.dismissals));
    const auto second = e.check(doc, options);
    EXPECT_FALSE(fired(second, "mitigation.vague"));
    ASSERT_EQ(second.dismissed.size(), 1u);
    EXPECT_EQ(second.dismissed[0].second.reason, "Covered by the corporate support policy");
    EXPECT_EQ(second.findings.size() + 1, first.findings.size());
    // When the text it was about changes, the dismissal no longer applies.
    const auto edited = e.check(exampleDocument({ "# EqIA", "Support will be offered where appropriate." }), options);
    EXPECT_TRUE(fired(edited, "mitigation.vague"));
    EXPECT_TRUE(engine::parseDismissals("not json").empty());
    EXPECT_TRUE(engine::parseDismissals(R"([{"reason": "no rule"}, 5])").empty());
}

TEST(EngineTest, FactsFromTheCacheEqualCountingAfresh)
{
    const model::Document doc = exampleDocument({ "# Equality impact assessment", "Older residents 😀 e\u0301 use it.", "   ",
                                                  "| Action | Owner |", "| Extend hours | Head of Libraries |", "| | |",
                                                  "Final paragraph, with 1,200 people." });
    engine::Engine e;
    const auto first = e.check(doc);
    const auto second = e.check(doc); // all from the cache
    const model::DocumentFacts expected = model::countFacts(doc);
    for (const auto* r : { &first, &second })
    {
        EXPECT_EQ(r->facts.words, expected.words);
        EXPECT_EQ(r->facts.characters, expected.characters);
        EXPECT_EQ(r->facts.paragraphs, expected.paragraphs);
        EXPECT_EQ(r->facts.headings, expected.headings);
        EXPECT_EQ(r->facts.tables, expected.tables);
        EXPECT_EQ(r->facts.tableCells, expected.tableCells);
    }
    EXPECT_EQ(second.blocksAnalysed, 0u);
}

namespace
{
const engine::Finding* findingOf(const engine::CheckResult& r, const std::string& id)
{
    for (const auto& f : r.findings)
        if (f.id == id)
            return &f;
    return nullptr;
}
} // namespace

TEST(EngineTest, DisproportionalityFiguresNeedComparatorPeriodAndArea)
{
    // A share of those stopped, with nothing to compare it with, no period and no area.
    const auto share = check({ "# Equality Impact Assessment", "# Evidence", "Of those stopped and searched, 31% were Black." });
    const engine::Finding* f = findingOf(share, "disproportionality.incomplete");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->message,
              "Figures on over- or under-representation do not say the comparator or baseline, the period or the area.");
    EXPECT_EQ(f->tool, "disproportionality");
    EXPECT_EQ(f->excerpt, "Of those stopped and searched, 31% were Black.");

    // A year is not a figure: the claim is still unquantified.
    const auto year = check({ "# Equality Impact Assessment", "In 2024 Black people were over-represented in arrests." });
    EXPECT_TRUE(fired(year, "disproportionality.unquantified"));
    EXPECT_FALSE(fired(year, "disproportionality.incomplete"));

    // Period and area from the paragraph before and a place name; the comparator in the sentence.
    const auto context = check({ "# Equality Impact Assessment", "# Evidence",
                                 "The figures below cover the year to March 2025 across Gwynedd.",
                                 "Black people were 2.1 times as likely as White people to be searched." });
    EXPECT_FALSE(fired(context, "disproportionality.incomplete"));

    // "in Black communities" is not a place; the period alone is given.
    const auto group = check({ "# Equality Impact Assessment", "# Evidence",
                               "In 2024/25 searches in Black communities were 3 times more likely to find nothing." });
    f = findingOf(group, "disproportionality.incomplete");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->message, "Figures on over- or under-representation do not say the area.");

    // One prompt per sentence, however many claim words it has.
    const auto twice = check({ "# Equality Impact Assessment",
                               "Black people were over-represented: 2 times more likely to be stopped." });
    int n = 0;
    for (const auto& x : twice.findings)
        n += x.id == "disproportionality.incomplete";
    EXPECT_EQ(n, 1);
}

TEST(EngineTest, RepeatedBlockIdsAreEachReadAndNeverShareStaleFacts)
{
    // Found by the engine fuzzer: two blocks with one id made the second replace the facts the
    // first still pointed to. Each block must count, with the same result on a re-check.
    model::Document d = exampleDocument({ "# Equality impact assessment", "Older people may be affected.",
                                          "Disabled people use the service more than others." });
    for (auto& b : d.blocks)
        b.id = "same";
    engine::Engine e;
    const auto first = e.check(d);
    const auto again = e.check(d);
    EXPECT_TRUE(characteristic(first, "age").addressed);
    EXPECT_TRUE(characteristic(first, "disability").addressed);
    EXPECT_EQ(first.facts.paragraphs, again.facts.paragraphs);
    EXPECT_EQ(first.score, again.score);
    EXPECT_EQ(characteristic(again, "disability").addressed, true);
}

// "31 per cent of users" is the same evidence as "31% of users", in English and in Welsh.
TEST(EngineTest, PercentagesWrittenOutAreTheSameEvidenceAsPercentSigns)
{
    const auto assess = [](const std::string& percent, const std::string& welshPercent) {
        return check({ "# Equality impact assessment", "## Age",
                       "Older people are 31" + percent + " of library users but 19" + percent + " of residents.",
                       "## Disability", "Roedd 12" + welshPercent + " o'r defnyddwyr yn anabl, a 9" + welshPercent + " o'r trigolion." });
    };
    const auto signs = assess("%", "%");
    const auto words = assess(" per cent", " y cant");
    for (const char* id : { "age", "disability" })
    {
        EXPECT_TRUE(characteristic(signs, id).evidence) << id;
        EXPECT_EQ(characteristic(words, id).evidence, characteristic(signs, id).evidence) << id;
        EXPECT_EQ(characteristic(words, id).impact, characteristic(signs, id).impact) << id;
    }
    EXPECT_EQ(words.score, signs.score);
}
