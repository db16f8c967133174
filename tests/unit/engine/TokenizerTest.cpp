// Tokenizer: whole words, case-folded, with UTF-16 offsets into the text, sentence indices,
// numbers marked, and table cells flattened into a line kept as sentences of their own.

#include "engine/Tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace dueregard::engine;

namespace
{
std::vector<std::u16string> foldedWords(const Tokens& t)
{
    std::vector<std::u16string> out;
    for (const Token& w : t.words)
        out.push_back(w.folded);
    return out;
}
} // namespace

TEST(TokenizerTest, WordsAreCaseFoldedAndPunctuationIsDropped)
{
    Tokenizer tk;
    const Tokens t = tk.tokenize(u"Older People, in Essex!");
    EXPECT_EQ(foldedWords(t), (std::vector<std::u16string>{ u"older", u"people", u"in", u"essex" }));
}

TEST(TokenizerTest, OffsetsPointIntoTheOriginalText)
{
    Tokenizer tk;
    const std::u16string text = u"The  Café closes.";
    const Tokens t = tk.tokenize(text);
    ASSERT_EQ(t.words.size(), 3U);
    EXPECT_EQ(text.substr(t.words[1].start, t.words[1].end - t.words[1].start), u"Café");
    EXPECT_EQ(t.words[1].folded, u"café");
    EXPECT_EQ(t.words[2].start, 10U);
    EXPECT_EQ(t.words[2].end, 16U);
}

TEST(TokenizerTest, WordsKnowWhichSentenceTheyAreIn)
{
    Tokenizer tk;
    const Tokens t = tk.tokenize(u"The depot shuts. Staff move to Leeds.");
    ASSERT_EQ(t.sentences.size(), 2U);
    ASSERT_EQ(t.words.size(), 7U);
    EXPECT_EQ(t.words[2].sentence, 0U);
    EXPECT_EQ(t.words[3].sentence, 1U);
    EXPECT_EQ(t.words[6].sentence, 1U);
    EXPECT_LE(t.sentences[0].end, t.sentences[1].start);
}

TEST(TokenizerTest, NumbersAreMarked)
{
    Tokenizer tk;
    const Tokens t = tk.tokenize(u"About 1,200 residents in 2025");
    ASSERT_EQ(t.words.size(), 5U);
    EXPECT_FALSE(t.words[0].number);
    EXPECT_TRUE(t.words[1].number);
    EXPECT_EQ(t.words[1].folded, u"1,200");
    EXPECT_FALSE(t.words[2].number);
    EXPECT_TRUE(t.words[4].number);
}

TEST(TokenizerTest, TableCellsInALineAreSentencesOfTheirOwn)
{
    Tokenizer tk;
    const Tokens t = tk.tokenize(u"Age | Negative | Fewer buses for older people");
    ASSERT_EQ(t.sentences.size(), 3U);
    EXPECT_EQ(t.words.front().sentence, 0U);
    EXPECT_EQ(t.words[1].sentence, 1U);
    EXPECT_EQ(t.words.back().sentence, 2U);
}

TEST(TokenizerTest, TypographicApostrophesFoldToPlainOnes)
{
    Tokenizer tk;
    const Tokens t = tk.tokenize(u"the council\u2019s plan");
    ASSERT_EQ(t.words.size(), 3U);
    EXPECT_EQ(t.words[1].folded, u"council's");
}

TEST(TokenizerTest, FoldUsesCompatibilityCaseFolding)
{
    EXPECT_EQ(Tokenizer::fold(u"HOUSING"), u"housing");
    EXPECT_EQ(Tokenizer::fold(u"\uFB01re"), u"fire");          // the "ﬁ" ligature
    EXPECT_EQ(Tokenizer::fold(u"\uFF25quality"), u"equality"); // full-width E
    EXPECT_EQ(Tokenizer::fold(u"Cafe\u0301"), Tokenizer::fold(u"Caf\u00E9"));
}

TEST(TokenizerTest, EmptyTextHasNoWordsOrSentences)
{
    Tokenizer tk;
    const Tokens t = tk.tokenize(u"");
    EXPECT_TRUE(t.words.empty());
    EXPECT_TRUE(t.sentences.empty());
}
