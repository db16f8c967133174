#include "text/Segmenter.hpp"

#include <gtest/gtest.h>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

using dueregard::text::WordCounter;

namespace
{
// ICU's own grapheme count, for comparison with the counter's shortcut for Latin text.
std::size_t icuGraphemes(const std::u16string& text)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale("en", "GB"), status));
    const icu::UnicodeString s(false, text.data(), static_cast<int32_t>(text.size()));
    it->setText(s);
    std::size_t count = 0;
    while (it->next() != icu::BreakIterator::DONE)
        ++count;
    return count;
}
} // namespace

TEST(WordCounterTest, GraphemesAgreeWithIcuForLatinTextAndBeyond)
{
    WordCounter counter;
    for (const std::u16string& text :
         { std::u16string(u"Older residents, aged 65+ (31%)."), std::u16string(u"line one\r\nline two\n\rthree"),
           std::u16string(u"caf\u00e9 \u00a3180,000 soft\u00adhyphen \u00e6ther"), std::u16string(u"e\u0301t\u00e9"),
           std::u16string(u"\U0001F469\u200D\U0001F469\u200D\U0001F467 family"), std::u16string(u"\u05E9\u05DC\u05D5\u05DD"),
           std::u16string(u"\r\n\r\n"), std::u16string() })
        EXPECT_EQ(counter.graphemes(text), icuGraphemes(text)) << std::string(text.begin(), text.end());
    EXPECT_EQ(counter.graphemes(u"a\r\nb"), 3U);  // CR LF is one character
    EXPECT_EQ(counter.graphemes(u"e\u0301"), 1U); // a combining accent joins its letter
}
