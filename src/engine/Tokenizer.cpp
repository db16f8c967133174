#include "engine/Tokenizer.hpp"
#include "l10n/Error.hpp"

#include <algorithm>
#include <stdexcept>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

namespace dueregard::engine
{
struct Tokenizer::Impl
{
    std::unique_ptr<icu::BreakIterator> words;
    std::unique_ptr<icu::BreakIterator> sentences;
};

Tokenizer::Tokenizer()
    : m_impl(std::make_unique<Impl>())
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale("en", "GB");
    m_impl->words.reset(icu::BreakIterator::createWordInstance(locale, status));
    m_impl->sentences.reset(icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status))
        throw l10n::Error("internal.icu_unavailable",
                          { { "detail", std::string(u_errorName(status)) } });
}

Tokenizer::~Tokenizer() = default;

std::u16string Tokenizer::fold(std::u16string_view text)
{
    // Most words are ASCII: lower-case them directly and leave full Unicode folding to ICU.
    if (std::all_of(text.begin(), text.end(), [](char16_t c) { return c < 0x80; }))
    {
        std::u16string out(text);
        for (char16_t& c : out)
            if (c >= u'A' && c <= u'Z')
                c = static_cast<char16_t>(c + (u'a' - u'A'));
        return out;
    }
    // Otherwise NFKC case folding: "ﬁ" and "fi", "Ｅ" and "e", composed and decomposed "é" match.
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* nfkcCasefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    const icu::UnicodeString in(false, text.data(), static_cast<int32_t>(text.size()));
    icu::UnicodeString s;
    if (nfkcCasefold && U_SUCCESS(status))
        nfkcCasefold->normalize(in, s, status);
    if (!nfkcCasefold || U_FAILURE(status))
        s = icu::UnicodeString(in).foldCase();
    std::u16string out(s.getBuffer(), static_cast<std::size_t>(s.length()));
    for (char16_t& c : out)
        if (c == u'\u2019' || c == u'\u2018')
            c = u'\'';
    return out;
}

Tokens Tokenizer::tokenize(std::u16string_view text)
{
    Tokens out;
    if (text.empty())
        return out;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUChars(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);

    icu::BreakIterator& sentences = *m_impl->sentences;
    sentences.setText(ut, status);
    int32_t from = sentences.first();
    for (int32_t to = sentences.next(); to != icu::BreakIterator::DONE; from = to, to = sentences.next())
    {
        // A table flattened into a line ("Age | Negative | Fewer older people ...", as in a PDF's
        // text or a web page) keeps each cell a sentence of its own: a row is not one sentence.
        auto begin = static_cast<std::uint32_t>(from);
        for (auto i = begin; i < static_cast<std::uint32_t>(to); ++i)
            if (text[i] == u'|')
            {
                out.sentences.push_back({ begin, i + 1 });
                begin = i + 1;
            }
        if (begin < static_cast<std::uint32_t>(to))
            out.sentences.push_back({ begin, static_cast<std::uint32_t>(to) });
    }

    icu::BreakIterator& words = *m_impl->words;
    words.setText(ut, status);
    utext_close(ut);
    std::uint32_t sentence = 0;
    from = words.first();
    for (int32_t to = words.next(); to != icu::BreakIterator::DONE; from = to, to = words.next())
    {
        const int32_t status32 = words.getRuleStatus();
        if (status32 == UBRK_WORD_NONE)
            continue; // spaces and punctuation
        while (sentence + 1 < out.sentences.size() && out.sentences[sentence].end <= static_cast<std::uint32_t>(from))
            ++sentence;
        Token t;
        t.start = static_cast<std::uint32_t>(from);
        t.end = static_cast<std::uint32_t>(to);
        t.sentence = sentence;
        t.number = status32 >= UBRK_WORD_NUMBER && status32 < UBRK_WORD_NUMBER_LIMIT;
        t.folded = fold(text.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from)));
        out.words.push_back(std::move(t));
    }
    return out;
}
} // namespace dueregard::engine
