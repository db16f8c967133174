#pragma once
// TermSet finds terms ("older people", "disab*", "per #") in tokenized text. Terms are compiled
// once into word patterns indexed by their first word; matching a block costs one hash look-up per
// word plus the few stem and number patterns, so it stays linear in the text, and no pattern can
// backtrack: a term has at most a few words and every word is matched once.

#include "engine/Tokenizer.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dueregard::engine
{
class TermError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
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

    std::vector<Pattern> m_patterns;
    std::unordered_map<std::u16string, std::vector<std::uint32_t>> m_byFirstWord;
    std::vector<std::uint32_t> m_wildFirst; // patterns whose first piece is a stem or a number
};
} // namespace dueregard::engine
