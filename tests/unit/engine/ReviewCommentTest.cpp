// Prompts as review comments: the text, the key found again in it, and when an existing
// comment is the same prompt at the same place.

#include "engine/ExampleDocument.hpp"
#include "engine/ReviewComment.hpp"

#include <gtest/gtest.h>

using namespace dueregard::engine;

namespace
{
Finding finding()
{
    Finding f;
    f.id = "evidence.characteristic-no-evidence";
    f.characteristic = "age";
    f.message = "There is no evidence about age.";
    f.questions = { "What do you know about the ages of the people affected?" };
    f.basis = "Equality Act 2010 s149";
    return f;
}
} // namespace

TEST(ReviewCommentTest, TheKeyIsFoundAgainInTheText)
{
    const Finding f = finding();
    EXPECT_EQ(findingKey(f), "evidence.characteristic-no-evidence/age");
    const std::string text = commentContent(f);
    EXPECT_EQ(commentKey(text), findingKey(f));
    EXPECT_NE(text.find(f.message), std::string::npos);
    EXPECT_NE(text.find("Question: " + f.questions[0]), std::string::npos);
    EXPECT_NE(text.find("Legal basis: Equality Act 2010 s149"), std::string::npos);
    EXPECT_NE(text.find("not a legal verdict"), std::string::npos);
    Finding document = f;
    document.characteristic.clear();
    EXPECT_EQ(findingKey(document), "evidence.characteristic-no-evidence/-");
    EXPECT_EQ(text.rfind(f.message, 0), 0u); // the prompt comes first: the margin shows the start
    // Comments made before the prompt came first still count as ours.
    EXPECT_EQ(commentKey("Due Regard prompt [monitoring.missing/-]\nNothing says how.\nLegal basis: s149"), "monitoring.missing/-");
    EXPECT_FALSE(commentKey("Please check these figures against the 2021 Census."));
    EXPECT_FALSE(commentKey("I disagree with the Due Regard prompt [monitoring] here."));
    std::string flat = text; // Word may give the text back without its line breaks
    std::erase(flat, '\n');
    EXPECT_EQ(commentKey(flat), findingKey(f));
    EXPECT_FALSE(commentKey("Due Regard prompt [unfinished"));
}

TEST(ReviewCommentTest, AWelshCommentIsWordedInWelshAndStillOurs)
{
    const Finding f = finding();
    const std::string text = commentContent(f, "cy");
    EXPECT_EQ(commentKey(text), findingKey(f));
    EXPECT_NE(text.find("Cwestiwn: " + f.questions[0]), std::string::npos);
    EXPECT_NE(text.find("Sail gyfreithiol: Equality Act 2010 s149"), std::string::npos);
    EXPECT_NE(text.find("nid dyfarniad cyfreithiol"), std::string::npos);
    EXPECT_EQ(text.find("Legal basis"), std::string::npos);
    EXPECT_EQ(commentContent(f, "en-GB"), commentContent(f));
    EXPECT_EQ(commentContent(f, "de"), commentContent(f));
    std::string flat = text;
    std::erase(flat, '\n');
    EXPECT_EQ(commentKey(flat), findingKey(f));
    EXPECT_FALSE(commentKey("Rwy'n anghytuno â'r Awgrym Due Regard [monitoring] yma."));
}

TEST(ReviewCommentTest, ContentSurvivesLostLineBreaks)
{
    const std::string text = commentContent(finding());
    std::string flat = text;
    std::erase(flat, '\n');
    EXPECT_TRUE(sameCommentContent(text, flat));
    EXPECT_FALSE(sameCommentContent(text, flat + " edited"));
}

TEST(ReviewCommentTest, AnAnchorThatWriterShortenedIsTheSamePlace)
{
    // A second comment on the same sentence leaves the first one's range short of the full stop.
    EXPECT_TRUE(sameAnchor("No impact is expected on any group", "No impact is expected on any group."));
    EXPECT_TRUE(sameAnchor("\xEF\xBF\xB9No impact is expected on any group.", "No impact is expected on any group."));
    EXPECT_TRUE(sameAnchor("", ""));
    EXPECT_FALSE(sameAnchor("No impact is expected on any group", "No impact is expected"));
    EXPECT_FALSE(sameAnchor("", "Age"));
}

TEST(ReviewCommentTest, ACommentGoesOnItsWordsThenOnItsSectionsHeading)
{
    const dueregard::model::Document document = dueregard::engine::exampleDocument(
        { "# Equality impact assessment", "Older residents use the library most.", "# Monitoring", "We will look at this." });
    Assessment assessment;
    assessment.sections = { SectionState{ "impact-age", "Age", 0, 2 }, SectionState{ "monitoring", "Monitoring", 2, 4 } };
    Finding f = finding();
    f.characteristic.clear();
    f.location = { 1, 0, 15 };
    f.section = "monitoring";
    std::vector<dueregard::model::Span> places = commentPlaces(f, assessment, document);
    ASSERT_EQ(places.size(), 2u);
    EXPECT_EQ(places[0].block, 1u);
    EXPECT_EQ(places[0].end, 15u);
    EXPECT_EQ(places[1].block, 2u); // the Monitoring heading, whole
    EXPECT_EQ(places[1].end, document.blocks[2].text.size());
    // About the whole document: its characteristic's section (the first section that fits).
    f.location = {};
    f.section.clear();
    f.characteristic = "age";
    places = commentPlaces(f, assessment, document);
    ASSERT_EQ(places.size(), 1u);
    EXPECT_EQ(places[0].block, 0u);
    // Nowhere to go: the caller uses the start of the document.
    f.characteristic = "religion_belief";
    EXPECT_TRUE(commentPlaces(f, assessment, document).empty());
}

TEST(ReviewCommentTest, ASecondReviewKeepsUpdatesAddsAndResolves)
{
    const Finding age = finding();
    Finding sex = finding();
    sex.characteristic = "sex";
    Finding monitoring = finding();
    monitoring.id = "monitoring.missing";
    monitoring.characteristic.clear();
    std::string resolvedText = commentContent(monitoring);
    std::erase(resolvedText, '\n'); // Word dropped its line breaks: still the same text
    CommentReview review({
        { findingKey(age), "Older residents", commentContent(age), false },             // 0: unchanged
        { findingKey(sex), "Men and women", "an older wording", false },                // 1: text changed
        { findingKey(monitoring), "Monitoring", resolvedText, true },                   // 2: resolved by hand
        { "impact.not-stated/race", "Most tenants", "answered since", false },         // 3: answered now
        { "impact.not-stated/disability", "Step-free access", "resolved earlier", true }, // 4: stays resolved
    });
    using Step = CommentReview::Step;
    const CommentReview::Decision keep = review.next(age, "Older residents.", commentContent(age)); // shortened anchor
    EXPECT_EQ(keep.step, Step::Keep);
    EXPECT_EQ(keep.existing, 0u);
    const CommentReview::Decision update = review.next(sex, "Men and women", commentContent(sex));
    EXPECT_EQ(update.step, Step::Update);
    EXPECT_EQ(update.existing, 1u);
    EXPECT_EQ(review.next(monitoring, "Monitoring", commentContent(monitoring)).step, Step::Update); // reopened
    // The same prompt elsewhere, or again at a place already matched, gets a comment of its own.
    EXPECT_EQ(review.next(age, "Young people", commentContent(age)).step, Step::Add);
    EXPECT_EQ(review.next(age, "Older residents", commentContent(age)).step, Step::Add);
    EXPECT_EQ(review.answered(), (std::vector<std::size_t>{ 3 }));
}

TEST(ReviewCommentTest, InitialsAreTheFirstLetterOfEachName)
{
    EXPECT_EQ(initialsOf("Ann Other"), "AO");
    EXPECT_EQ(initialsOf("Due Regard"), "DR");
    EXPECT_EQ(initialsOf("  Sam   de Souza "), "SdS");
    EXPECT_EQ(initialsOf(""), "");
}
