#pragma once
// Welsh reading: the initial-consonant mutations that let one lexicon term match the forms a
// Welsh sentence gives it ("crefydd" after "ei" is "grefydd", "chrefydd" or "nghrefydd"), and a
// quick guess at whether a block is written in Welsh or in English, so that a bilingual
// document's translation is not counted as a second finding (see docs/welsh.md).

#include "engine/Tokenizer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine::welsh
{
// mutations returns the mutated forms of a folded (lower-case) Welsh word, without the word
// itself, each once:
//   soft      c→g  p→b  t→d  g→(dropped)  b→f  d→dd  ll→l  m→f  rh→r
//   nasal     c→ngh  p→mh  t→nh  g→ng  b→m  d→n
//   aspirate  c→ch  p→ph  t→th
//   h before a vowel ("ei hoedran", "ei hanabledd")
// A word that cannot mutate (a short function word, a number, one beginning with any other
// letter) has none.
std::vector<std::u16string> mutations(std::u16string_view word);

// withMutations returns a lexicon term and, when its first word can mutate, the same term with
// that word in each mutated form ("partneriaeth sifil" → "bartneriaeth sifil", "mhartneriaeth
// sifil", "phartneriaeth sifil"). Only the first word mutates: the words after it are written in
// the data as they follow it ("nodwedd warchodedig"). A term written with a leading "=" is taken
// exactly as written, without the "=" ("=blant" for "plant" after "i", where "plant" alone would
// match the English word).
std::vector<std::string> withMutations(const std::string& term);

enum class Language
{
    Unknown,
    English,
    Welsh,
};

// languageOf guesses the language of a block from its common short words ("y", "yr", "mae",
// "gyda" against "the", "and", "with"): Unknown when there are too few of either to tell (a
// heading, a figure, a name).
Language languageOf(const std::vector<Token>& words);
} // namespace dueregard::engine::welsh
