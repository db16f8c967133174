#pragma once
// TermSet finds terms ("older people", "disab*", "per #") in tokenized text. Terms are compiled
// once into word patterns indexed by their first piece: a whole word, a stem (indexed by the stem
// itself, looked up with the word's first letters for each stem length in use) or a number.
// Matching a block costs a few hash look-ups per word, so it stays linear in the text, and no
// pattern can backtrack: a term has at most eight words and every word is matched once.

#include "engine/Tokenizer.hpp"
#include "l10n/Error.hpp"

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dueregard::engine
{
// A term that cannot be used, worded in the reader's language (l10n::describe).
class TermError : public l10n::Error
{
public:
    using l10n::Error::Error;
};

struct TermMatch
{
    int group = 0;
    std::uint32_t firstWord = 0; // index into Tokens::words
    std::uint32_t lastWord = 0;  // inclusive
};

class TermSet
{
public:
    // add compiles a term for a group. An excluding term suppresses the group's matches that it
    // overlaps ("disabled feature" stops "disab*" there). Throws TermError for an empty term or
    // one longer than eight words.
    void add(std::u16string_view term, int group, bool excluding = false);

    // find returns the longest match of each group at each position, exclusions applied,
    // ordered by first word.
    std::vector<TermMatch> find(const std::vector<Token>& words) const;

    std::size_t size() const { return m_patterns.size(); }

private:
    struct Piece
    {
        enum class Kind : std::uint8_t { Exact, Prefix, Number } kind = Kind::Exact;
        std::u16string text;
    };
    struct Pattern
    {
        std::vector<Piece> pieces;
        int group = 0;
        bool excluding = false;
    };
    bool matchesAt(const Pattern& p, const std::vector<Token>& words, std::size_t at) const;

    // Looked up with a string_view (a word's first letters) without making a string.
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::u16string_view s) const { return std::hash<std::u16string_view>{}(s); }
    };
    using Index = std::unordered_map<std::u16string, std::vector<std::uint32_t>, Hash, std::equal_to<>>;

    std::vector<Pattern> m_patterns;
    Index m_byFirstWord;
    Index m_byFirstStem;                     // patterns whose first piece is a stem, by the stem
    std::vector<std::size_t> m_stemLengths;  // the distinct lengths of those stems, ascending
    // The first two letters of every stem (hashed into a bit each): most words start with none,
    // and skip the stem look-ups. One-letter stems turn the filter off.
    std::bitset<4096> m_stemStarts;
    bool m_oneLetterStem = false;
    static std::size_t startKey(char16_t a, char16_t b) { return (static_cast<std::size_t>(a) * 31U + b) & 4095U; }
    std::vector<std::uint32_t> m_numberFirst; // patterns whose first piece is a number
};
} // namespace dueregard::engine
