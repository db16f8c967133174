#include "model/DocumentJson.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace dueregard::model;

namespace
{
Document sample()
{
    Document d;
    d.title = "Library opening hours";
    d.tables.push_back({ "Actions", 2, 3 });
    Block heading{ "b1", BlockKind::Paragraph, u"1. Équalité 😀", "Heading 1", 1, -1, -1, -1, -1, 0, "monitoring" };
    Block cell{ "b2", BlockKind::TableCell, u"Owner", "Table Contents", 0, -1, 0, 1, 2, 1, {} };
    Block item{ "b3", BlockKind::Paragraph, u"first point", "List Bullet", 0, 1, -1, -1, -1, 0, {} };
    d.blocks = { heading, cell, item };
    return d;
}
} // namespace

TEST(DocumentJsonTest, RoundTripKeepsEveryField)
{
    const Document original = sample();
    const Document back = parseDocument(toJson(original).dump());
    ASSERT_EQ(back.blocks.size(), 3u);
    EXPECT_EQ(back.title, original.title);
    EXPECT_EQ(back.blocks[0].text, original.blocks[0].text); // non-ASCII and a surrogate pair
    EXPECT_EQ(back.blocks[0].outlineLevel, 1);
    EXPECT_EQ(back.blocks[0].insertedSection, "monitoring");
    EXPECT_EQ(back.blocks[1].placeholders, 1);
    EXPECT_EQ(back.blocks[0].style, "Heading 1");
    EXPECT_EQ(back.blocks[1].kind, BlockKind::TableCell);
    EXPECT_EQ(back.blocks[1].row, 1);
    EXPECT_EQ(back.blocks[1].column, 2);
    EXPECT_EQ(back.blocks[2].listLevel, 1);
    ASSERT_EQ(back.tables.size(), 1u);
    EXPECT_EQ(back.tables[0].columns, 3);
}

TEST(DocumentJsonTest, ErrorsNameTheJsonPath)
{
    try
    {
        parseDocument(R"({"blocks": [{"id": "a", "text": "x"}, {"id": "b", "text": 5}]})");
        FAIL() << "expected ModelFormatError";
    }
    catch (const ModelFormatError& e)
    {
        EXPECT_NE(std::string(e.what()).find("/blocks/1/text"), std::string::npos) << e.what();
    }
}

TEST(DocumentJsonTest, RejectsCellWithoutTable)
{
    EXPECT_THROW(parseDocument(R"({"blocks": [{"id": "a", "kind": "cell", "text": "x"}]})"), ModelFormatError);
}

TEST(DocumentJsonTest, RejectsMalformedJson)
{
    EXPECT_THROW(parseDocument("{\"blocks\": ["), ModelFormatError);
    EXPECT_THROW(parseDocument("[]"), ModelFormatError);
}

TEST(DocumentJsonTest, InvalidUtf8BecomesReplacementCharacter)
{
    // nlohmann rejects invalid UTF-8 on dump, so build the JSON value directly.
    nlohmann::json j = { { "blocks", { { { "id", "a" }, { "text", std::string("ok") } } } } };
    const Document d = documentFromJson(j);
    EXPECT_EQ(d.blocks[0].text, u"ok");
}

TEST(DocumentTest, FindBlockById)
{
    const Document d = sample();
    EXPECT_EQ(d.findBlock("b3"), 2u);
    EXPECT_FALSE(d.findBlock("missing").has_value());
}
