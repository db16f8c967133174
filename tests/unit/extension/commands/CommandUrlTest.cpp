#include "commands/CommandUrl.hxx"

#include <gtest/gtest.h>

using dueregard::ext::CommandUrl;

TEST(CommandUrlTest, ParsesNameAndParameters)
{
    const auto c = CommandUrl::parse("vnd.dueregard:InsertSection?id=monitoring&x=a%20b", "vnd.dueregard:");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->name, "InsertSection");
    EXPECT_EQ(c->parameters.at("id"), "monitoring");
    EXPECT_EQ(c->parameters.at("x"), "a b");
}

TEST(CommandUrlTest, PlusIsKeptLiterally)
{
    const auto c = CommandUrl::parse("vnd.dueregard:ExportReport?path=file:///tmp/a+b.json", "vnd.dueregard:");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->parameters.at("path"), "file:///tmp/a+b.json");
}

TEST(CommandUrlTest, RejectsOtherSchemesAndMalformedUrls)
{
    EXPECT_FALSE(CommandUrl::parse(".uno:Save", "vnd.dueregard:"));
    EXPECT_FALSE(CommandUrl::parse("vnd.dueregard:", "vnd.dueregard:"));
    EXPECT_FALSE(CommandUrl::parse("vnd.dueregard:X?a=%zz", "vnd.dueregard:"));
    EXPECT_FALSE(CommandUrl::parse("vnd.dueregard:X?a=%4", "vnd.dueregard:"));
    EXPECT_FALSE(CommandUrl::parse("vnd.dueregard:X?=v", "vnd.dueregard:"));
}

TEST(CommandUrlTest, NameWithoutQuery)
{
    const auto c = CommandUrl::parse("vnd.dueregard:ShowDeck", "vnd.dueregard:");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->name, "ShowDeck");
    EXPECT_TRUE(c->parameters.empty());
}

TEST(CommandUrlTest, WritesWhatItParses)
{
    EXPECT_EQ((CommandUrl{ "InsertSection", { { "id", "impact-age" }, { "at", "cursor" } } }.text()),
              "InsertSection?at=cursor&id=impact-age");
    EXPECT_EQ((CommandUrl{ "RemoveComments", {} }.text()), "RemoveComments");
    const CommandUrl written{ "Dismiss", { { "index", "3" }, { "reason", "A & B = 100% sure? #1 caf\xC3\xA9" } } };
    EXPECT_EQ(written.text(), "Dismiss?index=3&reason=A%20%26%20B%20%3D%20100%25%20sure%3F%20%231%20caf%C3%A9");
    const auto read = CommandUrl::parse("vnd.dueregard:" + written.text(), "vnd.dueregard:");
    ASSERT_TRUE(read);
    EXPECT_EQ(read->name, written.name);
    EXPECT_EQ(read->parameters, written.parameters);
}
