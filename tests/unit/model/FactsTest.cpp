#include "model/Facts.hpp"

#include <gtest/gtest.h>

using namespace dueregard::model;

TEST(FactsTest, CountsWordsHeadingsParagraphsAndTables)
{
    Document d;
    d.tables.push_back({ "T", 1, 2 });
    d.blocks.push_back({ "1", BlockKind::Paragraph, u"Equality impact assessment", "Heading 1", 1 });
    d.blocks.push_back({ "2", BlockKind::Paragraph, u"The council's plan, in 2026, affects 1,200 people.", "", 0 });
    d.blocks.push_back({ "3", BlockKind::Paragraph, u"   ", "", 0 });
    d.blocks.push_back({ "4", BlockKind::TableCell, u"Owner", "", 0, -1, 0, 0, 0 });
    d.blocks.push_back({ "5", BlockKind::TableCell, u"", "", 0, -1, 0, 0, 1 });
    const DocumentFacts f = countFacts(d);
    EXPECT_EQ(f.words, 3u + 8u + 1u); // "council's" and "1,200" are one word each
    EXPECT_EQ(f.headings, 1u);
    EXPECT_EQ(f.paragraphs, 2u); // the blank paragraph does not count
    EXPECT_EQ(f.tables, 1u);
    EXPECT_EQ(f.tableCells, 1u);
}

TEST(FactsTest, CountsUserPerceivedCharacters)
{
    Document d;
    d.blocks.push_back({ "1", BlockKind::Paragraph, u"e\u0301 👩🏽‍⚖️", "", 0 });
    EXPECT_EQ(countFacts(d).characters, 3u); // é (2 code points), space, one emoji cluster
}

TEST(FactsTest, EmptyDocumentHasNoFacts)
{
    const DocumentFacts f = countFacts(Document{});
    EXPECT_EQ(f.words + f.paragraphs + f.headings + f.tables, 0u);
}

TEST(FactsTest, RightToLeftAndCjkTextCountsWords)
{
    Document d;
    d.blocks.push_back({ "1", BlockKind::Paragraph, u"المساواة في الحقوق", "", 0 });
    EXPECT_EQ(countFacts(d).words, 3u);
}

#include "model/PlainText.hpp"

TEST(PlainTextTest, ParagraphsByBlankLinesLinesJoinedAndHyphensMended)
{
    const Document d = documentFromPlainText("Equality impact\nassessment\n\nOlder people use the ser-\nvice most.\f\n  \nLast page text\n");
    ASSERT_EQ(d.blocks.size(), 3u);
    EXPECT_EQ(d.blocks[0].text, u"Equality impact assessment");
    EXPECT_EQ(d.blocks[1].text, u"Older people use the service most.");
    EXPECT_EQ(d.blocks[2].text, u"Last page text");
    EXPECT_TRUE(documentFromPlainText(" \n\f\n").blocks.empty());
}
