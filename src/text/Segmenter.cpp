#include "text/Segmenter.hpp"

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
        throw std::runtime_error(std::string("ICU break iterators unavailable: ")
                                 + u_errorName(status));
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
    icu::BreakIterator& it = *m_impl->characters;
    setText(it, text);
    std::size_t count = 0;
    while (it.next() != icu::BreakIterator::DONE)
        ++count;
    return count;
}
} // namespace dueregard::text
