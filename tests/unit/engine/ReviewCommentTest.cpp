// Prompts as review comments: the text, the key found again in it, and when an existing
// comment is the same prompt at the same place.

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
