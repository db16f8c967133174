// A re-check reuses what the last check found for every block, run of blocks and section that
// did not change. These tests edit the corpus documents at random, as a writer would (typing,
// clearing a paragraph, making a heading, ticking a table, writing in an inserted section,
// adding and removing paragraphs), and after every edit compare the engine's result with a
// fresh engine's: they must be identical, field by field and location by location.

#include "ExampleDocument.hpp"

#include "engine/Engine.hpp"
#include "engine/Layers.hpp"
#include "report/Report.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>

using namespace dueregard;

namespace
{
std::vector<std::vector<std::string>> corpus()
{
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(DUEREGARD_CORPUS_DIR))
        if (entry.path().extension() == ".txt")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::vector<std::string>> documents;
    for (const auto& file : files)
    {
        std::ifstream in(file);
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);)
            lines.push_back(line);
        documents.push_back(std::move(lines));
    }
    return documents;
}

std::string where(const engine::Location& l)
{
    return std::to_string(l.block) + ":" + std::to_string(l.start) + "-" + std::to_string(l.end);
}

// Everything a check reports, as text: the report's assessment and prompts, the places the
// assessment points at, the score and the facts.
std::string everything(const engine::CheckResult& r)
{
    nlohmann::json j;
    j["assessment"] = report::assessmentJson(r.assessment);
    j["findings"] = nlohmann::json::array();
    for (const engine::Finding& f : r.findings)
    {
        nlohmann::json fj = report::findingJson(f);
        fj["insert"] = f.insert;
        fj["terms"] = f.terms;
        j["findings"].push_back(fj);
    }
    for (const engine::CharacteristicResult& c : r.assessment.characteristics)
        j["places"][c.id] = { where(c.where), where(c.noImpactAt), c.listedOnly, c.aimsBeyondA };
    j["score"] = r.score;
    j["facts"] = { r.facts.words, r.facts.characters, r.facts.paragraphs, r.facts.headings, r.facts.tables,
                   r.facts.tableCells };
    return j.dump(1);
}

// Lines a writer might add: analysis, figures, a tick, an inserted section and its placeholder,
// headings about one group.
const std::vector<std::string> kPool = {
    "Older disabled women are affected most, and 31% of users are aged 65 or over compared with 19% of residents.",
    "Black people are 3 times more likely to be stopped in the town centre.",
    "There is no impact on this group.",
    "We do not hold data on sexual orientation.",
    "Figures are for 2024 across Leeds.",
    "Young Black men are over-represented in stop and search.",
    "We will collect it through the renewal form by March 2027.",
    "Support will be offered where possible.",
    "Yes",
    "",
    "Action: extend opening hours; owner: Head of Libraries; deadline: 1 June 2026.",
    "The decision will be taken by Cabinet on 4 May 2026.",
    "{{Describe the monitoring}}",
    "Disability",
    "Age",
};

std::mt19937 rng(20261130); // fixed: every run edits the same way

std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

struct Step
{
    model::Document document;
    std::vector<std::size_t> changed; // empty: a structural edit, checked without a report
};

// One edit to the document: to one or two blocks' text or level (reported), or adding, removing
// or moving a paragraph (not reported).
Step edit(const model::Document& before, int& nextId)
{
    Step s{ before, {} };
    model::Document& d = s.document;
    const std::size_t b = pick(d.blocks.size());
    model::Block& block = d.blocks[b];
    switch (pick(9))
    {
        case 0: // typing at the end of a paragraph
        case 1:
            block.text += text::fromUtf8(" " + kPool[pick(kPool.size())]);
            s.changed = { b };
            break;
        case 2: // the paragraph rewritten, or cleared
            block.text = text::fromUtf8(kPool[pick(kPool.size())]);
            s.changed = { b };
            break;
        case 3: // a style change: body text to a heading and back
            if (block.kind == model::BlockKind::Paragraph)
            {
                block.outlineLevel = block.outlineLevel > 0 ? 0 : 1 + static_cast<int>(pick(3));
                block.style = block.outlineLevel > 0 ? "Heading " + std::to_string(block.outlineLevel) : "Text Body";
            }
            s.changed = { b };
            break;
        case 4: // two paragraphs at once (typing, then clicking elsewhere and typing)
        {
            const std::size_t other = pick(d.blocks.size());
            block.text += u" evidence from the 2021 Census in Leeds";
            d.blocks[other].text = text::fromUtf8(kPool[pick(kPool.size())]);
            s.changed = { other, b };
            break;
        }
        case 5: // a paragraph added
        {
            model::Block added;
            added.id = "n" + std::to_string(++nextId);
            added.text = text::fromUtf8(kPool[pick(kPool.size())]);
            d.blocks.insert(d.blocks.begin() + static_cast<std::ptrdiff_t>(b), added);
            break;
        }
        case 6: // a paragraph removed
            if (d.blocks.size() > 2 && block.kind == model::BlockKind::Paragraph)
                d.blocks.erase(d.blocks.begin() + static_cast<std::ptrdiff_t>(b));
            break;
        case 7: // an inserted section's heading added (its blocks are scaffolding until written)
        {
            model::Block heading;
            heading.id = "n" + std::to_string(++nextId);
            heading.outlineLevel = 1;
            heading.insertedSection = "monitoring";
            heading.text = u"Monitoring and review";
            model::Block placeholder;
            placeholder.id = "n" + std::to_string(++nextId);
            placeholder.placeholders = 1;
            placeholder.text = u"                         ";
            d.blocks.insert(d.blocks.begin() + static_cast<std::ptrdiff_t>(b), { heading, placeholder });
            break;
        }
        default: // nothing changed, but reported (a keystroke undone)
            s.changed = { b };
            break;
    }
    return s;
}
} // namespace

TEST(IncrementalTest, RandomEditsToTheCorpusGiveWhatAFreshCheckGives)
{
    const auto documents = corpus();
    ASSERT_GE(documents.size(), 15u);
    std::size_t steps = 0, reported = 0, partial = 0;
    for (const auto& lines : documents)
    {
        model::Document doc = test::exampleDocument(lines);
        engine::Engine incremental;
        incremental.check(doc);
        int nextId = 0;
        for (int i = 0; i < 40; ++i)
        {
            Step step = edit(doc, nextId);
            doc = std::move(step.document);
            const engine::CheckResult again = step.changed.empty() ? incremental.check(doc) : incremental.recheck(doc, step.changed);
            const engine::CheckResult fresh = engine::Engine().check(doc);
            ASSERT_EQ(everything(again), everything(fresh)) << "after edit " << i << " of " << lines.front();
            ++steps;
            reported += !step.changed.empty();
            partial += again.runsAssessed < fresh.runsAssessed;
        }
    }
    // The edits exercised both kinds of re-check, and the reuse of runs.
    EXPECT_GT(reported, steps / 2);
    EXPECT_GT(partial, 0u);
}

TEST(IncrementalTest, RandomEditsToALongDocumentGiveWhatAFreshCheckGives)
{
    // The whole corpus as one document of several hundred blocks, so that edits fall near the
    // edges of the runs the assessment is kept in: a claim about figures looks back for its
    // period and area, and a gap in the data forward for a plan, across them.
    std::vector<std::string> lines;
    for (const auto& document : corpus())
        for (const std::string& line : document)
        {
            lines.push_back(line);
            if (lines.size() % 7 == 0)
                lines.push_back("Black people are 3 times more likely to be stopped, at 24 per 1,000.");
            if (lines.size() % 11 == 0)
                lines.push_back("We do not hold data on the religion of users.");
        }
    model::Document doc = test::exampleDocument(lines);
    ASSERT_GT(doc.blocks.size(), 400u);
    engine::Engine incremental;
    incremental.check(doc);
    int nextId = 0;
    std::size_t partial = 0;
    for (int i = 0; i < 300; ++i)
    {
        Step step = edit(doc, nextId);
        doc = std::move(step.document);
        const engine::CheckResult again = step.changed.empty() ? incremental.check(doc) : incremental.recheck(doc, step.changed);
        const engine::CheckResult fresh = engine::Engine().check(doc);
        ASSERT_EQ(everything(again), everything(fresh)) << "after edit " << i;
        partial += again.runsAssessed < fresh.runsAssessed;
    }
    EXPECT_GT(partial, 150u);
}

TEST(IncrementalTest, APlanWrittenAfterAGapInTheDataIsSeenWhereverTheGapIs)
{
    // A gap in the data is judged with the paragraph after it (is a plan to fill it there?):
    // writing that plan must reassess the gap, wherever the runs of blocks begin and end.
    for (std::size_t gap = 1; gap < 130; ++gap)
    {
        std::vector<std::string> lines = { "# Equality impact assessment" };
        for (std::size_t p = 1; p < 132; ++p)
            lines.push_back(p == gap ? "We do not hold data on the religion of users." : "Paragraph " + std::to_string(p) + " of the proposal.");
        model::Document doc = test::exampleDocument(lines);
        engine::Engine e;
        const auto before = e.check(doc);
        doc.blocks[gap + 1].text = u"We will collect it through the renewal form by March 2027.";
        const auto after = e.recheck(doc, { gap + 1 });
        ASSERT_EQ(everything(after), everything(engine::Engine().check(doc))) << "gap at " << gap;
        ASSERT_NE(before.assessment.dataGapsWithoutPlan.size(), after.assessment.dataGapsWithoutPlan.size());
    }
}

TEST(IncrementalTest, EmptyingAndFillingParagraphsChangesWhatTheyShape)
{
    // A heading about a group addresses it only with something written under it; and a title
    // counts as one in the first three lines with text. Emptying or filling a paragraph changes
    // both without any heading changing.
    model::Document doc = test::exampleDocument({ "", "", "Kingsreach City Council", "Equality impact assessment: libraries",
                                                  "The proposal changes opening hours.", "## Disability",
                                                  "Disabled residents told us the hours suit them." });
    engine::Engine e;
    const auto first = e.check(doc);
    EXPECT_EQ(first.assessment.kind, "eia");
    const std::vector<std::pair<std::size_t, std::u16string>> edits = {
        { 6, u"" }, { 0, u"Draft" }, { 1, u"For the Cabinet" }, { 6, u"Disabled residents use Saturday opening most." }, { 0, u"" }
    };
    std::vector<std::string> kinds;
    std::vector<bool> addressed;
    for (const auto& [block, text] : edits)
    {
        doc.blocks[block].text = text;
        const auto again = e.recheck(doc, { block });
        ASSERT_EQ(everything(again), everything(engine::Engine().check(doc))) << "after block " << block << " became \""
                                                                              << text::toUtf8(text) << "\"";
        kinds.push_back(again.assessment.kind);
        for (const auto& c : again.assessment.characteristics)
            if (c.id == "disability")
                addressed.push_back(c.addressed);
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{ "eia", "eia", "policy", "policy", "eia" }));
    EXPECT_EQ(addressed, (std::vector<bool>{ false, false, false, true, true }));
}

TEST(IncrementalTest, TypingInOneParagraphOfALongDocumentReassessesOneRun)
{
    std::vector<std::string> lines = { "# Equality impact assessment" };
    for (int section = 0; section < 40; ++section)
    {
        lines.push_back("## Disability");
        for (int p = 0; p < 10; ++p)
            lines.push_back("Disabled residents are 22% of users compared with 17% of residents (Census 2021), paragraph "
                            + std::to_string(p) + ".");
    }
    model::Document doc = test::exampleDocument(lines);
    engine::Engine e;
    const auto first = e.check(doc);
    EXPECT_GT(first.runsAssessed, 5u);

    const std::size_t paragraph = 200;
    ASSERT_FALSE(doc.blocks[paragraph].isHeading());
    doc.blocks[paragraph].text += u" There is no impact on older people.";
    const auto again = e.recheck(doc, { paragraph });
    EXPECT_EQ(again.blocksCompared, 1u);
    EXPECT_EQ(again.blocksAnalysed, 1u);
    EXPECT_EQ(again.runsAssessed, 1u);
    EXPECT_EQ(everything(again), everything(engine::Engine().check(doc)));

    // The same edit unreported: every block is compared, and still only one run is reassessed.
    doc.blocks[paragraph].text += u" Carers too.";
    const auto unreported = e.check(doc);
    EXPECT_EQ(unreported.blocksCompared, doc.blocks.size());
    EXPECT_EQ(unreported.blocksAnalysed, 1u);
    EXPECT_EQ(unreported.runsAssessed, 1u);
    EXPECT_EQ(everything(unreported), everything(engine::Engine().check(doc)));
}

TEST(IncrementalTest, AReportThatDoesNotFitTheLastCheckIsNotTrusted)
{
    // A report of a change to a document with other blocks than the last check's: every block is
    // compared instead.
    engine::Engine e;
    e.check(test::exampleDocument({ "# EqIA", "Older people use the service most." }));
    const model::Document other = test::exampleDocument({ "# EqIA", "Support will be offered where possible.", "Age" });
    const auto r = e.recheck(other, { 1 });
    EXPECT_EQ(r.blocksCompared, other.blocks.size());
    EXPECT_EQ(everything(r), everything(engine::Engine().check(other)));
    // The same number of blocks, but the one reported is not the block checked there.
    e.check(test::exampleDocument({ "# EqIA", "Older people use the service most." }));
    const model::Document renamed = [] {
        model::Document d = test::exampleDocument({ "# EqIA", "Disabled people were consulted in January 2026." });
        d.blocks[1].id = "elsewhere";
        return d;
    }();
    const auto r2 = e.recheck(renamed, { 1 });
    EXPECT_EQ(r2.blocksCompared, renamed.blocks.size());
    EXPECT_EQ(everything(r2), everything(engine::Engine().check(renamed)));
}

TEST(IncrementalTest, ADepartmentsTermsAreFoundInTheParagraphsAnEditLeaves)
{
    // A department's rule asks for a term: typing it in one paragraph answers the rule, and
    // deleting that paragraph's text brings the prompt back; each re-check reported.
    const engine::RulePackData pack = engine::layeredRules(engine::builtinRulePack(), R"({"pack": "Example Council", "rules": [
        {"id": "council.covenant", "severity": "warning", "area": "policy", "message": "The Armed Forces Covenant is not mentioned.",
         "questions": ["Does the proposal affect the armed forces community?"], "basis": "Armed Forces Act 2021",
         "requires_terms": ["Armed Forces Covenant", "armed forces community"]}]})", "example/rules.json");
    auto fired = [](const engine::CheckResult& r) {
        return std::any_of(r.findings.begin(), r.findings.end(), [](const engine::Finding& f) { return f.id == "council.covenant"; });
    };
    model::Document doc = test::exampleDocument({ "# Equality impact assessment", "The proposal changes opening hours.",
                                                  "Veterans use the Tuesday session.", "Monitoring will be quarterly." });
    engine::Engine e(engine::builtinLexicon(), pack);
    EXPECT_TRUE(fired(e.check(doc)));
    const std::vector<std::pair<std::size_t, std::u16string>> edits = {
        { 2, u"Veterans and the Armed-Forces   community use the Tuesday session." }, // found, as whole words
        { 3, u"Monitoring will be quarterly, with the armed forces community." },     // in two paragraphs
        { 2, u"" },                                                                    // still in one
        { 3, u"Monitoring will be quarterly." },                                       // in none
        { 1, u"The proposal honours the Armed Forces Covenant." },
    };
    std::vector<bool> firing;
    for (const auto& [block, text] : edits)
    {
        doc.blocks[block].text = text;
        const auto again = e.recheck(doc, { block });
        EXPECT_EQ(again.blocksCompared, 1u);
        ASSERT_EQ(everything(again), everything(engine::Engine(engine::builtinLexicon(), pack).check(doc)));
        firing.push_back(fired(again));
    }
    EXPECT_EQ(firing, (std::vector<bool>{ false, false, false, true, false }));
}

TEST(IncrementalTest, TypingInAHeadingKeepsTheStructureWhenItStillNamesTheSame)
{
    // A heading typed in, still of its level and about the same group: the reach of headings and
    // the sections found are as they were, so only the heading's run is assessed again; but the
    // place that shows where disability is addressed is the heading, whose length changed.
    std::vector<std::string> lines = { "# Equality impact assessment" };
    for (int section = 0; section < 20; ++section)
    {
        lines.push_back(section == 10 ? "## Disability" : "## Background " + std::to_string(section));
        for (int p = 0; p < (section == 10 ? 100 : 10); ++p)
            lines.push_back("Residents were surveyed in January 2026 about paragraph " + std::to_string(p) + ".");
    }
    lines.push_back("# Monitoring and review");
    lines.push_back("Take-up will be reviewed quarterly.");
    model::Document doc = test::exampleDocument(lines);
    const std::size_t heading = 1 + 10 * 11;
    ASSERT_EQ(doc.blocks[heading].text, u"Disability");
    engine::Engine e;
    e.check(doc);
    const std::vector<std::u16string> edits = { u"Disability and access", u"Disabled residents", u"Monitoring and review",
                                                u"Disability" };
    std::vector<std::size_t> runs;
    for (const std::u16string& text : edits)
    {
        doc.blocks[heading].text = text;
        const auto again = e.recheck(doc, { heading });
        ASSERT_EQ(everything(again), everything(engine::Engine().check(doc))) << text::toUtf8(text);
        runs.push_back(again.runsAssessed);
    }
    // The third names another section, and is about no group: the structure is worked out again,
    // and the runs under the heading (a hundred paragraphs) are assessed again; so after the
    // fourth, which puts it back.
    EXPECT_EQ(runs[0], 1u);
    EXPECT_EQ(runs[1], 1u);
    EXPECT_GT(runs[2], 1u);
    EXPECT_GT(runs[3], 1u);
}
