// The glossary: the data is complete and consistent, terms are found as whole words with their
// variants, abbreviations match exactly and follow the document's meaning, and hover texts are
// recognised again.

#include "../engine/ExampleDocument.hpp"

#include "engine/RulePack.hpp"
#include "glossary/Glossary.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <gtest/gtest.h>

#include <set>

using namespace dueregard;

namespace
{
const glossary::Glossary& g() { return glossary::Glossary::builtin(); }

std::vector<std::string> idsIn(const std::string& text, const std::vector<std::string>& documentLines = {})
{
    engine::Tokenizer tokenizer;
    const glossary::Context c = g().context(test::exampleDocument(documentLines.empty() ? std::vector<std::string>{ text } : documentLines));
    std::vector<std::string> ids;
    for (const auto& o : g().inText(text::fromUtf8(text), c, tokenizer))
        ids.push_back(g().terms()[o.term].id);
    return ids;
}
} // namespace

TEST(GlossaryTest, AtLeastFortyFiveCompleteTerms)
{
    const auto& terms = g().terms();
    EXPECT_GE(terms.size(), 45u);
    std::set<std::string> names;
    for (const auto& t : terms)
    {
        EXPECT_FALSE(t.definition.empty()) << t.id;
        EXPECT_FALSE(t.source.empty()) << t.id;
        EXPECT_TRUE(names.insert(t.term).second) << "two terms called " << t.term;
        EXPECT_EQ(t.definition.find("  "), std::string::npos) << t.id;
        EXPECT_TRUE(t.definition.back() == '.') << t.id << " definition should be a full sentence";
    }
    for (const char* must : { "psed", "due-regard", "indirect-discrimination", "objective-justification",
                              "letter-before-claim", "judicial-review", "reasonable-adjustments" })
        EXPECT_TRUE(g().find(must)) << must;
}

TEST(GlossaryTest, FindsVariantsAsWholeWordsLongestFirst)
{
    EXPECT_EQ(idsIn("The council must have due regard to the three aims."), std::vector<std::string>{ "due-regard" });
    EXPECT_EQ(idsIn("It is a proportionate means of achieving a legitimate aim."),
              std::vector<std::string>{ "objective-justification" });
    EXPECT_EQ(idsIn("Staff were harassed at work."), std::vector<std::string>{ "harassment" });
    EXPECT_TRUE(idsIn("Regardless of the page count").empty());
    EXPECT_EQ(idsIn("We sent a letter before claim and then sought judicial review."),
              (std::vector<std::string>{ "letter-before-claim", "judicial-review" }));
}

TEST(GlossaryTest, AbbreviationsMatchExactlyAndFollowTheDocument)
{
    EXPECT_EQ(idsIn("The EIA was published."), std::vector<std::string>{ "eia" });
    EXPECT_TRUE(idsIn("The eia was published.").empty()) << "abbreviations are case-sensitive";
    // In a planning paper, EIA is the environmental assessment.
    const std::vector<std::string> planning = { "Town and Country Planning application", "The EIA covers noise." };
    EXPECT_EQ(idsIn("The EIA covers noise.", planning), std::vector<std::string>{ "environmental-impact-assessment" });
    // JR is judicial review only where the document talks about judicial review.
    EXPECT_TRUE(idsIn("Signed by JR on Monday.").empty());
    const std::vector<std::string> legal = { "We considered judicial review.", "A JR would fail." };
    EXPECT_EQ(idsIn("A JR would fail.", legal), std::vector<std::string>{ "judicial-review" });
}

TEST(GlossaryTest, FirstOccurrencesSkipHeadingsAndRepeats)
{
    engine::Tokenizer tokenizer;
    const model::Document d = test::exampleDocument({ "# Due regard", "We have due regard to the duty.",
                                                      "Due regard is personal to the decision-maker.",
                                                      "Indirect discrimination could arise." });
    const auto first = g().occurrences(d, true, tokenizer);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].block, 1u);
    EXPECT_EQ(d.blocks[1].text.substr(first[0].start, first[0].end - first[0].start), u"due regard");
    EXPECT_EQ(g().terms()[first[1].term].id, "indirect-discrimination");
    EXPECT_EQ(g().occurrences(d, false, tokenizer).size(), 3u);
}

TEST(GlossaryTest, TermAtTheCursor)
{
    engine::Tokenizer tokenizer;
    const std::u16string text = u"We paid due regard to it.";
    const glossary::Context none;
    EXPECT_EQ(g().termAt(text, 10, none, tokenizer), g().find("due-regard"));   // inside
    EXPECT_EQ(g().termAt(text, 18, none, tokenizer), g().find("due-regard"));   // just after
    EXPECT_FALSE(g().termAt(text, 1, none, tokenizer));
}

TEST(GlossaryTest, SearchFindsNamesThenDefinitions)
{
    const auto all = g().search(u"");
    EXPECT_EQ(all.size(), g().terms().size());
    const auto hits = g().search(u"JUDICIAL");
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(g().terms()[hits.front()].id, "judicial-review");
    EXPECT_TRUE(g().search(u"zzzz").empty());
}

TEST(GlossaryTest, HoverTextIsRecognisedAsOurs)
{
    const std::string hover = g().hoverText(*g().find("due-regard"));
    EXPECT_EQ(hover.rfind("due regard: ", 0), 0u);
    EXPECT_NE(hover.find("Source: "), std::string::npos);
    EXPECT_TRUE(glossary::Glossary::isOurHoverText(hover));
    EXPECT_FALSE(glossary::Glossary::isOurHoverText("Please enter the date"));
}

TEST(GlossaryTest, BadDataIsRejectedWithItsPath)
{
    const std::string bad = R"({"language":"en-GB","terms":[{"id":"a","term":"A","definition":"A definition long enough.",
        "source":"Somewhere","variants":[],"see_also":["missing"]}]})";
    try
    {
        (void)glossary::parseGlossary(bad, "dept-glossary.json");
        FAIL() << "an unknown see-also was accepted";
    }
    catch (const engine::RuleDataError& e)
    {
        EXPECT_EQ(e.file(), "dept-glossary.json");
        EXPECT_EQ(e.path(), "/terms/0/see_also");
    }
    EXPECT_THROW((void)glossary::parseGlossary(R"({"language":"en-GB","terms":[{"id":"Bad Id"}]})", "x.json"), engine::RuleDataError);
}

#include "engine/Engine.hpp"

TEST(GlossaryTest, PromptsLinkTheTermsTheyUse)
{
    engine::Engine e;
    const auto r = e.check(test::exampleDocument({ "# Equality impact assessment", "## Age",
                                                   "Older people will be worse off: a negative impact on 31% of users, compared with 19% of residents (Census 2021)." }));
    std::size_t linked = 0;
    for (const auto& f : r.findings)
    {
        for (const auto& id : f.terms)
            EXPECT_TRUE(g().find(id)) << id;
        linked += !f.terms.empty();
        EXPECT_TRUE(f.id != "mitigation.negative-without-mitigation"
                    || std::find(f.terms.begin(), f.terms.end(), "adverse-impact") != f.terms.end())
            << f.message;
    }
    EXPECT_GT(linked, 0u);
}

TEST(GlossaryTest, ADepartmentLayerReplacesAndAddsTerms)
{
    const std::string dept = R"({"language":"en-GB","terms":[
        {"id":"due-regard","term":"due regard","definition":"Our council's plain-English wording of due regard.",
         "source":"Equality Act 2010, s149","variants":["due regard"],"see_also":["psed"]},
        {"id":"council-tax-support","term":"council tax support","definition":"Help with council tax for people on low incomes.",
         "source":"Local Government Finance Act 2012","variants":["council tax reduction"],"see_also":["socio-economic-duty"]}]})";
    const glossary::GlossaryData layer = glossary::parseGlossary(dept, "dept.json", false);
    const glossary::Glossary merged(glossary::layered(glossary::builtinGlossaryData(), layer, "dept.json"));
    EXPECT_EQ(merged.terms().size(), g().terms().size() + 1);
    EXPECT_EQ(merged.terms()[*merged.find("due-regard")].definition, "Our council's plain-English wording of due regard.");
    EXPECT_TRUE(merged.find("council-tax-support"));
    // A layer's links must resolve once layered.
    const std::string broken = R"({"language":"en-GB","terms":[{"id":"x","term":"x term","definition":"A definition long enough.",
        "source":"Somewhere","variants":[],"see_also":["nowhere"]}]})";
    EXPECT_THROW((void)glossary::layered(glossary::builtinGlossaryData(), glossary::parseGlossary(broken, "b.json", false), "b.json"),
                 engine::RuleDataError);
}

TEST(GlossaryTest, CachedContextEqualsReadingTheWholeDocument)
{
    // Every phrase an abbreviation depends on, each in a block of its own, then edited away and
    // back: the cache (which re-reads only changed blocks) must agree with a fresh reading.
    std::vector<std::string> phrases;
    for (const auto& t : g().terms())
        for (const auto& a : t.abbreviations)
        {
            phrases.insert(phrases.end(), a.onlyIfMentions.begin(), a.onlyIfMentions.end());
            phrases.insert(phrases.end(), a.unlessMentions.begin(), a.unlessMentions.end());
        }
    ASSERT_FALSE(phrases.empty());
    std::vector<std::string> lines = { "# Equality impact assessment" };
    for (const std::string& p : phrases)
        lines.push_back("We read the " + p + " carefully.");
    glossary::ContextCache cache;
    auto same = [&](const model::Document& d) {
        EXPECT_EQ(g().context(d, cache).mentioned, g().context(d).mentioned);
    };
    model::Document doc = test::exampleDocument(lines);
    same(doc);
    EXPECT_FALSE(g().context(doc, cache).mentioned.empty());
    for (std::size_t i = 1; i < doc.blocks.size(); ++i)
    {
        doc.blocks[i].text = u"Nothing to see here.";
        same(doc);
    }
    EXPECT_TRUE(g().context(doc, cache).mentioned.empty());
    doc.blocks.push_back(doc.blocks.back());
    doc.blocks.back().id = "new";
    doc.blocks.back().text = text::fromUtf8("The " + phrases.front() + ".");
    same(doc);
    EXPECT_FALSE(g().context(doc, cache).mentioned.empty());
}
