#pragma once
// Tokenizer splits a block's text into case-folded words and sentences with ICU, keeping UTF-16
// offsets into the original text. Matching works on whole words, so "age" never matches inside
// "page", "men" inside "women" or "sex" inside "Essex".

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine
{
struct Token
{
    std::u16string folded; // case-folded, with typographic apostrophes made plain
    std::uint32_t start = 0; // UTF-16 offsets in the block text
    std::uint32_t end = 0;
    std::uint32_t sentence = 0; // index of the sentence containing the token
    bool number = false;
};

struct Sentence
{
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

struct Tokens
{
    std::vector<Token> words;
    std::vector<Sentence> sentences;
};

// Tokenizer owns ICU break iterators: make one per thread and reuse it.
class Tokenizer
{
public:
    Tokenizer();
    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    Tokens tokenize(std::u16string_view text);

    // fold case-folds a term or word the same way tokenize folds text.
    static std::u16string fold(std::u16string_view text);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};
} // namespace dueregard::engine
