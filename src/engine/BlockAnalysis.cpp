#include "engine/BlockAnalysis.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace dueregard::engine
{
namespace
{
constexpr std::array<std::u16string_view, 12> kMonths = { u"january", u"february", u"march", u"april",
                                                          u"may", u"june", u"july", u"august", u"september",
                                                          u"october", u"november", u"december" };

int monthOf(const std::u16string& word)
{
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (word == kMonths[i] || (word.size() == 3 && kMonths[i].substr(0, 3) == word))
            return static_cast<int>(i) + 1;
    return 0;
}

int numberOf(const Token& t, int max)
{
    if (!t.number || t.folded.size() > 4)
        return -1;
    int n = 0;
    for (char16_t c : t.folded)
    {
        if (c < u'0' || c > u'9')
            return -1;
        n = n * 10 + (c - u'0');
    }
    return n <= max ? n : -1;
}

// Dates written the British way: "3 March 2026", "March 2026" (taken as the 1st).
void findDates(const std::vector<Token>& w, std::vector<Date>& out)
{
    for (std::size_t i = 0; i < w.size(); ++i)
    {
        const int month = monthOf(w[i].folded);
        if (month == 0 || i + 1 >= w.size())
            continue;
        const int year = numberOf(w[i + 1], 2100);
        if (year < 1990)
            continue;
        int day = 1;
        if (i > 0)
        {
            const int d = numberOf(w[i - 1], 31);
            if (d >= 1)
                day = d;
        }
        out.push_back({ year, month, day, w[i].sentence, static_cast<std::uint32_t>(i) });
    }
}
// A place named after "in", "across", "within" or "throughout" ("in Leeds", "across Gwynedd"):
// a capitalised word that is not a month, a group ("in Black communities") or a reference to
// part of the document ("in Table 3").
bool hasPlaceName(std::u16string_view text, const std::vector<Token>& w, const std::vector<Hit>& mentions)
{
    static constexpr std::array<std::u16string_view, 4> kPrepositions = { u"in", u"across", u"within", u"throughout" };
    static constexpr std::array<std::u16string_view, 9> kNotPlaces = { u"table", u"figure", u"annex", u"appendix", u"section",
                                                                       u"chapter", u"part", u"the", u"our" };
    for (std::size_t i = 0; i + 1 < w.size(); ++i)
    {
        if (std::find(kPrepositions.begin(), kPrepositions.end(), w[i].folded) == kPrepositions.end())
            continue;
        const Token& next = w[i + 1];
        if (next.number || next.sentence != w[i].sentence || next.start >= text.size())
            continue;
        const char16_t first = text[next.start];
        if (first < u'A' || first > u'Z')
            continue;
        if (monthOf(next.folded) != 0 || std::find(kNotPlaces.begin(), kNotPlaces.end(), next.folded) != kNotPlaces.end())
            continue;
        const bool group = std::any_of(mentions.begin(), mentions.end(), [&](const Hit& h) {
            return h.firstWord <= i + 1 && i + 1 <= h.lastWord;
        });
        if (!group)
            return true;
    }
    return false;
}
} // namespace

bool BlockFacts::hasMarkerInSentence(int marker, std::uint32_t sentence) const
{
    return std::any_of(markers.begin(), markers.end(),
                       [&](const Hit& h) { return h.group == marker && h.sentence == sentence; });
}

BlockFacts analyseBlock(std::u16string_view text, const Lexicon& lexicon, Tokenizer& tokenizer,
                        text::WordCounter& counter)
{
    BlockFacts facts;
    facts.characters = static_cast<std::uint32_t>(counter.graphemes(text));
    facts.blank = std::all_of(text.begin(), text.end(), [](char16_t c) { return c == u' ' || c == u'\t' || c == 0xA0; });
    const Tokens tokens = tokenizer.tokenize(text);
    const auto& w = tokens.words;
    facts.sentences = tokens.sentences;
    facts.words = static_cast<std::uint32_t>(w.size());
    facts.sentenceWords.assign(facts.sentences.size(), 0);
    facts.sentenceNumbers.assign(facts.sentences.size(), 0);
    facts.sentencePercent.assign(facts.sentences.size(), 0);
    facts.sentenceShare.assign(facts.sentences.size(), 0);
    facts.sentenceYears.assign(facts.sentences.size(), 0);
    for (std::size_t i = 0; i < w.size(); ++i)
    {
        const Token& t = w[i];
        if (t.sentence < facts.sentenceWords.size())
            ++facts.sentenceWords[t.sentence];
        if (!t.number)
            continue;
        ++facts.numbers;
        if (t.sentence < facts.sentenceNumbers.size())
            ++facts.sentenceNumbers[t.sentence];
        if (const int year = numberOf(t, 2100); year >= 1990 && t.folded.size() == 4 && t.sentence < facts.sentenceYears.size())
            facts.sentenceYears[t.sentence] = static_cast<std::uint8_t>(std::min(255, facts.sentenceYears[t.sentence] + 1));
        const bool percent = (t.end < text.size() && text[t.end] == u'%')
                             || (t.end + 1 < text.size() && text[t.end] == u' ' && text[t.end + 1] == u'%');
        if (percent && t.sentence < facts.sentencePercent.size())
        {
            facts.sentencePercent[t.sentence] = static_cast<std::uint8_t>(std::min(255, facts.sentencePercent[t.sentence] + 1));
            if (i + 1 < w.size() && w[i + 1].folded == u"of")
                facts.sentenceShare[t.sentence] = 1;
        }
    }
    auto toHit = [&](const TermMatch& m) {
        return Hit{ m.group, w[m.firstWord].start, w[m.lastWord].end, w[m.firstWord].sentence, m.firstWord, m.lastWord };
    };
    for (const TermMatch& m : lexicon.groupTerms().find(w))
        facts.mentions.push_back(toHit(m));

    const int negation = lexicon.marker("negation");
    const int negative = lexicon.marker("impact_negative");
    const int positive = lexicon.marker("impact_positive");
    const int neutral = lexicon.marker("impact_neutral");
    const std::vector<TermMatch> markers = lexicon.markerTerms().find(w);
    for (const TermMatch& m : markers)
    {
        if (m.group == negative || m.group == positive)
        {
            // "no negative impact", "not adversely affected": a negated impact is not that impact.
            const bool negated = std::any_of(markers.begin(), markers.end(), [&](const TermMatch& n) {
                return n.group == negation && n.lastWord < m.firstWord && m.firstWord - n.lastWord <= 3
                       && w[n.lastWord].sentence == w[m.firstWord].sentence;
            });
            // Inside a longer phrase of another kind ("no negative impact", "false positive rate")
            // the word is not an impact statement.
            const bool insideNeutral = std::any_of(markers.begin(), markers.end(), [&](const TermMatch& n) {
                return n.group != m.group && n.group != negative && n.group != positive && n.group != negation
                       && n.firstWord <= m.firstWord && m.lastWord <= n.lastWord
                       && (n.lastWord - n.firstWord) > (m.lastWord - m.firstWord);
            }) || std::any_of(markers.begin(), markers.end(), [&](const TermMatch& n) {
                return n.group == neutral && n.firstWord <= m.firstWord && m.lastWord <= n.lastWord;
            });
            if (negated || insideNeutral)
                continue;
        }
        facts.markers.push_back(toHit(m));
    }
    findDates(w, facts.dates);

    for (const Hit& h : facts.markers)
        facts.markerMask.set(static_cast<std::size_t>(h.group));
    facts.sentenceGroups.assign(facts.sentences.size(), {});
    facts.sentenceIsList.assign(facts.sentences.size(), 0);
    std::vector<std::uint32_t> labelLike(facts.sentences.size(), 0);
    for (const Hit& h : facts.mentions)
    {
        if (h.sentence >= facts.sentences.size())
            continue;
        auto& groups = facts.sentenceGroups[h.sentence];
        if (std::find(groups.begin(), groups.end(), h.group) == groups.end())
            groups.push_back(h.group);
        if (std::find(facts.groups.begin(), facts.groups.end(), h.group) == facts.groups.end())
            facts.groups.push_back(h.group);
        labelLike[h.sentence] += lexicon.isLabel(Tokenizer::fold(text.substr(h.start, h.end - h.start)));
    }
    for (std::size_t s = 0; s < facts.sentences.size(); ++s)
        facts.sentenceIsList[s] = facts.sentenceGroups[s].size() >= 3 && labelLike[s] >= 3;
    facts.placeName = hasPlaceName(text, w, facts.mentions);
    const auto& groupInfo = lexicon.groups();
    for (std::size_t i = 0; i < facts.mentions.size() && !facts.intersectionPhrase; ++i)
        for (std::size_t j = i + 1; j < facts.mentions.size(); ++j)
        {
            const Hit &x = facts.mentions[i], &y = facts.mentions[j];
            if (y.firstWord > x.lastWord + 3)
                break; // mentions are in word order: nothing later is closer
            if (x.group == y.group || x.sentence != y.sentence || groupInfo[static_cast<std::size_t>(x.group)].extra
                || groupInfo[static_cast<std::size_t>(y.group)].extra || facts.sentenceIsList[x.sentence])
                continue;
            if (y.firstWord > x.lastWord)
            {
                facts.intersectionPhrase = true;
                break;
            }
        }
    return facts;
}
} // namespace dueregard::engine
