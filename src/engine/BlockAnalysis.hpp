#pragma once
// BlockFacts are what the checks need to know about one block's text: which groups and markers
// it mentions, where, in which sentence, its numbers and dates. They depend on the text alone,
// so the engine caches them by text and a re-check re-analyses only blocks that changed.

#include "engine/Lexicon.hpp"
#include "engine/Tokenizer.hpp"
#include "engine/Welsh.hpp"
#include "text/Segmenter.hpp"

#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

namespace dueregard::engine
{
struct Hit
{
    int group = 0; // characteristic/extra group index, or marker index
    std::uint32_t start = 0, end = 0; // UTF-16 range in the block
    std::uint32_t sentence = 0;
    std::uint32_t firstWord = 0, lastWord = 0;
};

struct Date
{
    int year = 0, month = 0, day = 0;
    std::uint32_t sentence = 0;
    std::uint32_t word = 0; // index of the month word
    int serial() const { return year * 400 + month * 32 + day; }
};

struct BlockFacts
{
    std::vector<Hit> mentions; // groups
    std::vector<Hit> markers;  // marker groups (impact words preceded by a negation removed)
    std::vector<Sentence> sentences;
    std::vector<std::uint32_t> sentenceWords; // words per sentence
    std::vector<std::uint32_t> sentenceNumbers; // number words per sentence
    std::vector<std::uint8_t> sentencePercent;  // percentages in the sentence
    std::vector<std::uint8_t> sentenceShare;    // a share with its denominator: "41% of respondents"
    std::vector<std::uint8_t> sentenceYears;    // years among the numbers ("2024", "2024/25")
    std::vector<std::uint32_t> yearWords;       // the word index of each year
    bool placeName = false; // "in Leeds", "across Gwynedd": a capitalised name after a place preposition
    std::vector<Date> dates;
    std::uint32_t words = 0;
    std::uint32_t characters = 0; // user-perceived characters (grapheme clusters)
    bool blank = true;            // only spaces: not a paragraph for the document's facts
    std::uint32_t numbers = 0;
    // Derived once per text, so that assessing a whole document only combines cached facts.
    std::bitset<kMaxMarkerGroups> markerMask;
    std::vector<std::vector<int>> sentenceGroups; // distinct groups mentioned, per sentence
    std::vector<std::uint8_t> sentenceIsList;     // a list of characteristic names, not analysis
    // The reading of a filled-in form. A prompt is the form's question or guidance ("Have you
    // considered intersectionality?", "Describe the evidence"), not the author's answer: its
    // markers are dropped (but for those naming the kind of document) and its groups are only
    // listed. An empty answer is "N/A", "None", "-", "See above" or a tick. A bare claim says
    // there is no impact with no evidence, reasoning or figure.
    std::vector<std::uint8_t> sentencePrompt;
    std::vector<std::uint8_t> sentenceEmpty;
    std::vector<std::uint8_t> sentenceBare;
    std::vector<std::uint8_t> sentencePlanned; // future or conditional: "will be consulted"
    std::vector<std::uint8_t> sentenceTitle;   // a title or a label in title case, not a sentence
    std::vector<std::uint8_t> sentenceCounts;  // counts people in a group: "13,000 older people"
    bool headerRow = false;                    // a flattened row of column headings
    // Sentences that say something: four words or more, not a prompt, a list, an empty answer,
    // a bare claim or only a gap in the data.
    std::uint32_t substantive = 0;
    std::vector<std::uint8_t> sentenceSays;
    // A table flattened into a line ("Age | Negative | ..."): the group its first cell names,
    // or -1. Its other cells are about that group, as a real table row's are.
    int rowLabel = -1;
    std::vector<int> groups;                      // distinct groups in the whole block
    bool intersectionPhrase = false; // two characteristics a few words apart ("older disabled women")
    // Welsh or English by its common words, or Unknown: a bilingual document's translation of a
    // block is not a second finding (Assessment.cpp, sameInOtherLanguage).
    welsh::Language language = welsh::Language::Unknown;

    bool hasMarker(int marker) const { return marker >= 0 && markerMask.test(static_cast<std::size_t>(marker)); }
    // says: the sentence answers something (see substantive).
    bool says(std::size_t s) const { return s < sentenceSays.size() && sentenceSays[s]; }
    bool hasMarkerInSentence(int marker, std::uint32_t sentence) const;
};

// analyseBlock computes the facts of one text. Pure: the same text always gives the same facts.
BlockFacts analyseBlock(std::u16string_view text, const Lexicon& lexicon, Tokenizer& tokenizer,
                        text::WordCounter& counter);
} // namespace dueregard::engine
