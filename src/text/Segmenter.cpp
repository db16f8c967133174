#include "text/Segmenter.hpp"
#include "l10n/Error.hpp"

#include <algorithm>

#include <stdexcept>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace dueregard::text
{
struct WordCounter::Impl
{
    std::unique_ptr<icu::BreakIterator> words;
    std::unique_ptr<icu::BreakIterator> characters;
};

WordCounter::WordCounter()
    : m_impl(std::make_unique<Impl>())
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale("en", "GB");
    m_impl->words.reset(icu::BreakIterator::createWordInstance(locale, status));
    m_impl->characters.reset(icu::BreakIterator::createCharacterInstance(locale, status));
    if (U_FAILURE(status) || !m_impl->words || !m_impl->characters)
        throw l10n::Error("internal.icu_unavailable",
                          { { "detail", std::string(u_errorName(status)) } });
}

WordCounter::~WordCounter() = default;

namespace
{
void setText(icu::BreakIterator& it, std::u16string_view text)
{
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUChars(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    it.setText(ut, status);
    utext_close(ut); // the iterator keeps its own shallow clone
}
} // namespace

std::size_t WordCounter::words(std::u16string_view text)
{
    icu::BreakIterator& it = *m_impl->words;
    setText(it, text);
    std::size_t count = 0;
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; end = it.next())
    {
        // Rule status tells a word (letters, numbers, ideographs) from spaces and punctuation.
        if (it.getRuleStatus() != UBRK_WORD_NONE)
            ++count;
    }
    return count;
}

std::size_t WordCounter::graphemes(std::u16string_view text)
{
    // Below U+0300 (Latin letters, digits, punctuation) each code unit is a character of its own,
    // except a CR LF pair, which is one: count those without a break iterator. Anything else
    // (combining marks, emoji, other scripts) goes to ICU's grapheme clusters.
    if (std::all_of(text.begin(), text.end(), [](char16_t c) { return c < 0x300; }))
    {
        std::size_t count = text.size();
        for (std::size_t i = 1; i < text.size(); ++i)
            if (text[i] == u'\n' && text[i - 1] == u'\r')
                --count;
        return count;
    }
    icu::BreakIterator& it = *m_impl->characters;
    setText(it, text);
    std::size_t count = 0;
    while (it.next() != icu::BreakIterator::DONE)
        ++count;
    return count;
}
} // namespace dueregard::text
