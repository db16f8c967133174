// documentFromPlainText: blank lines and page breaks end paragraphs, a paragraph's lines are
// joined with spaces, and a word hyphenated at a line end is joined again.

#include "model/PlainText.hpp"
#include "text/Unicode.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace dueregard;

namespace
{
std::string textOf(const model::Document& d, std::size_t i)
{
    return text::toUtf8(d.blocks.at(i).text);
}
} // namespace

TEST(PlainTextTest, BlankLinesSeparateParagraphs)
{
    const model::Document d = model::documentFromPlainText("The library will close.\n\nA mobile service will visit.\n");
    ASSERT_EQ(d.blocks.size(), 2U);
    EXPECT_EQ(textOf(d, 0), "The library will close.");
    EXPECT_EQ(textOf(d, 1), "A mobile service will visit.");
}

TEST(PlainTextTest, LinesOfOneParagraphAreJoinedWithSpaces)
{
    const model::Document d = model::documentFromPlainText("Bus routes to the\n  village will be\nreviewed.");
    ASSERT_EQ(d.blocks.size(), 1U);
    EXPECT_EQ(textOf(d, 0), "Bus routes to the village will be reviewed.");
}

TEST(PlainTextTest, PageBreakEndsAParagraph)
{
    const model::Document d = model::documentFromPlainText("Page one ends here\fPage two starts here");
    ASSERT_EQ(d.blocks.size(), 2U);
    EXPECT_EQ(textOf(d, 1), "Page two starts here");
}

TEST(PlainTextTest, WordHyphenatedAtALineEndIsJoined)
{
    const model::Document d = model::documentFromPlainText("We assessed the equal-\nity impact.");
    ASSERT_EQ(d.blocks.size(), 1U);
    EXPECT_EQ(textOf(d, 0), "We assessed the equality impact.");
}

TEST(PlainTextTest, DashAfterASpaceIsNotAHyphenation)
{
    const model::Document d = model::documentFromPlainText("Costs rise -\nsee below.");
    ASSERT_EQ(d.blocks.size(), 1U);
    EXPECT_EQ(textOf(d, 0), "Costs rise - see below.");
}

TEST(PlainTextTest, WindowsLineEndingsAndSpaceOnlyLinesAreHandled)
{
    const model::Document d = model::documentFromPlainText("First\r\n   \r\nSecond\r\n");
    ASSERT_EQ(d.blocks.size(), 2U);
    EXPECT_EQ(textOf(d, 0), "First");
    EXPECT_EQ(textOf(d, 1), "Second");
}

TEST(PlainTextTest, BlocksGetDistinctIdsAndAreBodyText)
{
    const model::Document d = model::documentFromPlainText("One\n\nTwo\n\nThree");
    ASSERT_EQ(d.blocks.size(), 3U);
    EXPECT_NE(d.blocks[0].id, d.blocks[1].id);
    EXPECT_NE(d.blocks[1].id, d.blocks[2].id);
    for (const auto& b : d.blocks)
        EXPECT_FALSE(b.isHeading());
}

TEST(PlainTextTest, EmptyInputGivesNoBlocks)
{
    EXPECT_TRUE(model::documentFromPlainText("").blocks.empty());
    EXPECT_TRUE(model::documentFromPlainText("\n\n\f\n").blocks.empty());
}
