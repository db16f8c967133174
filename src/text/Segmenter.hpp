#pragma once
// ICU word and character segmentation shared by everything that counts or tokenises text.

#include <cstddef>
#include <memory>
#include <string_view>

namespace dueregard::text
{
// WordCounter counts words and grapheme clusters. It owns its ICU break iterators, so create one
// per thread and reuse it: creating break iterators costs far more than using them.
class WordCounter
{
public:
    WordCounter();
    ~WordCounter();
    WordCounter(const WordCounter&) = delete;
    WordCounter& operator=(const WordCounter&) = delete;

    std::size_t words(std::u16string_view text);
    std::size_t graphemes(std::u16string_view text);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};
} // namespace dueregard::text
