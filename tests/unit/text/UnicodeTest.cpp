// Unicode: UTF-8 and UTF-16 convert both ways without loss, and damaged UTF-8 becomes U+FFFD
// instead of throwing.

#include "text/Unicode.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace dueregard::text;

TEST(UnicodeTest, AsciiConvertsBothWays)
{
    EXPECT_EQ(fromUtf8("Council tax"), u"Council tax");
    EXPECT_EQ(toUtf8(u"Council tax"), "Council tax");
}

TEST(UnicodeTest, AccentedLettersAndSymbolsKeepOneCodeUnitEach)
{
    const std::u16string s = fromUtf8("caf\xC3\xA9 \xE2\x82\xAC" "5"); // "café €5"
    ASSERT_EQ(s.size(), 7U);
    EXPECT_EQ(s[3], u'\u00E9');
    EXPECT_EQ(s[5], u'\u20AC');
    EXPECT_EQ(toUtf8(s), "caf\xC3\xA9 \xE2\x82\xAC" "5");
}

TEST(UnicodeTest, CharactersOutsideTheBasicPlaneBecomeSurrogatePairs)
{
    const std::string emoji = "\xF0\x9F\x98\x80"; // U+1F600
    const std::u16string s = fromUtf8(emoji);
    ASSERT_EQ(s.size(), 2U);
    EXPECT_EQ(s[0], 0xD83D);
    EXPECT_EQ(s[1], 0xDE00);
    EXPECT_EQ(toUtf8(s), emoji);
}

TEST(UnicodeTest, InvalidUtf8BecomesReplacementCharacterAndKeepsTheRest)
{
    const std::u16string s = fromUtf8("ab\xFF" "cd");
    EXPECT_NE(s.find(u'\uFFFD'), std::u16string::npos);
    EXPECT_EQ(s.front(), u'a');
    EXPECT_EQ(s.back(), u'd');
}

TEST(UnicodeTest, LoneSurrogateBecomesReplacementCharacterInUtf8)
{
    const std::u16string broken = { u'x', static_cast<char16_t>(0xD800), u'y' };
    EXPECT_EQ(toUtf8(broken), "x\xEF\xBF\xBDy");
}

TEST(UnicodeTest, EmptyStringsStayEmpty)
{
    EXPECT_TRUE(fromUtf8("").empty());
    EXPECT_TRUE(toUtf8(u"").empty());
}

TEST(UnicodeTest, ClippingNeverCutsACharacterInTwo)
{
    EXPECT_EQ(clipUtf8("Café society", 4), "Caf");      // "é" is bytes 3 and 4: left out whole
    EXPECT_EQ(clipUtf8("Café society", 5), "Café");
    EXPECT_EQ(clipUtf8("Short", 60), "Short");
    EXPECT_EQ(clipUtf8("\xF0\x9F\x98\x80 smile", 3), ""); // a four-byte character
    EXPECT_EQ(clipUtf8("\xF0\x9F\x98\x80 smile", 4), "\xF0\x9F\x98\x80");
}
