#include "engine/BlockAnalysis.hpp"

#include "engine/Welsh.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace dueregard::engine
{
namespace
{
// How many words before an impact a negation still reaches: "has not identified any provision
// that would adversely affect".
constexpr std::uint32_t kNegationReach = 5;

constexpr std::array<std::u16string_view, 12> kMonths = { u"january", u"february", u"march", u"april",
                                                          u"may", u"june", u"july", u"august", u"september",
                                                          u"october", u"november", u"december" };

// Welsh months in full only: their first three letters are words ("hyd", "med").
constexpr std::array<std::u16string_view, 12> kWelshMonths
    = { u"ionawr",     u"chwefror", u"mawrth", u"ebrill", u"mai",      u"mehefin",
        u"gorffennaf", u"awst",     u"medi",   u"hydref", u"tachwedd", u"rhagfyr" };

int monthOf(const std::u16string& word)
{
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (word == kMonths[i] || (word.size() == 3 && kMonths[i].substr(0, 3) == word)
            || word == kWelshMonths[i])
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
    static constexpr std::array<std::u16string_view, 7> kPrepositions = {
        u"in", u"across", u"within", u"throughout", u"yng", u"ym", u"ledled"
    }; // "yng Ngwynedd"
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

// Welsh names the body first ("Fforwm Anabledd Sir Benfro", "Cynllun Gweithredu Cymru
// Wrth-hiliol"): a capitalised body word a few capitalised words before the group's.
bool welshOrganisationName(std::u16string_view text, const std::vector<Token>& w,
                           std::uint32_t first)
{
    static constexpr std::array<std::u16string_view, 22> kBodies
        = { u"fforwm",     u"panel",        u"grŵp",       u"bwrdd",           u"cyngor",
            u"comisiwn",   u"pwyllgor",     u"gwasanaeth", u"canolfan",        u"tîm",
            u"uned",       u"partneriaeth", u"cymdeithas", u"ymddiriedolaeth", u"swyddfa",
            u"rhwydwaith", u"cynllun",      u"rhaglen",    u"strategaeth",     u"deddf",
            u"fframwaith", u"elusen" };
    static constexpr std::array<std::u16string_view, 6> kJoining
        = { u"y", u"yr", u"a", u"ac", u"ar", u"dros" };
    auto capital = [&](std::uint32_t i)
    {
        const char16_t c = w[i].start < text.size() ? text[w[i].start] : 0;
        return (c >= u'A' && c <= u'Z') || c == u'Ŵ' || c == u'Ŷ';
    };
    if (!capital(first))
        return false;
    std::uint32_t i = first;
    for (std::uint32_t words = 0; words < 4 && i > 0; ++words)
    {
        --i;
        if (w[i].sentence != w[first].sentence)
            return false;
        if (std::find(kJoining.begin(), kJoining.end(), w[i].folded) != kJoining.end())
            continue;
        if (!capital(i))
            return false;
        if (std::find(kBodies.begin(), kBodies.end(), w[i].folded) != kBodies.end())
            return true;
    }
    return false;
}

// A group's word inside the name of an organisation or an instrument ("Disability Advisory
// Panel", "Age UK", "the Gender Representation on Public Boards Act", "Migrant Forum") names
// the body, not people who share the characteristic.
bool inOrganisationName(std::u16string_view text, const std::vector<Token>& w, std::uint32_t first, std::uint32_t last)
{
    static constexpr std::array<std::u16string_view, 33> kBodies = {
        u"panel", u"forum", u"board", u"boards", u"act", u"bill", u"framework", u"strategy", u"plan", u"group",
        u"network", u"council", u"commission", u"committee", u"service", u"centre", u"team", u"unit", u"partnership",
        u"association", u"trust", u"society", u"office", u"department", u"alliance", u"policy", u"scheme", u"programme",
        u"uk", u"scotland", u"cymru", u"charity", u"foundation" };
    static constexpr std::array<std::u16string_view, 5> kJoining = { u"of", u"on", u"and", u"for", u"the" };
    auto capital = [&](std::uint32_t i) { return w[i].start < text.size() && text[w[i].start] >= u'A' && text[w[i].start] <= u'Z'; };
    if (!capital(first))
        return false;
    for (std::uint32_t i = last + 1, words = 0; i < w.size() && words < 5 && w[i].sentence == w[first].sentence; ++i, ++words)
    {
        if (std::find(kJoining.begin(), kJoining.end(), w[i].folded) != kJoining.end())
            continue;
        if (!capital(i))
            return false;
        if (std::find(kBodies.begin(), kBodies.end(), w[i].folded) != kBodies.end())
            return true;
    }
    return false;
}

// One past the index of each sentence's last word.
std::vector<std::uint32_t> sentenceEnds(const std::vector<Token>& w, std::size_t sentences)
{
    std::vector<std::uint32_t> end(sentences, 0);
    for (std::uint32_t i = 0; i < w.size(); ++i)
        if (w[i].sentence < sentences)
            end[w[i].sentence] = i + 1;
    return end;
}

// Only spaces or a hyphen between two words: "older disabled", "Black-British".
bool adjacent(std::u16string_view text, std::uint32_t from, std::uint32_t to)
{
    for (std::uint32_t i = from; i < to && i < text.size(); ++i)
        if (text[i] != u' ' && text[i] != u'-' && text[i] != 0xA0)
            return false;
    return true;
}

// The first word of each sentence that is not numbering: "1.", "Q3", "(b)", "Step 2".
std::vector<std::uint32_t> openingWords(const std::vector<Token>& w, std::size_t sentences)
{
    std::vector<std::uint32_t> first(sentences, UINT32_MAX);
    for (std::uint32_t i = 0; i < w.size(); ++i)
    {
        const Token& t = w[i];
        if (t.sentence >= sentences || first[t.sentence] != UINT32_MAX)
            continue;
        const bool numbering = t.number || std::any_of(t.folded.begin(), t.folded.end(), [](char16_t c) { return c >= u'0' && c <= u'9'; })
                               || (t.folded.size() == 1 && t.folded != u"i");
        const bool label = (t.folded == u"question" || t.folded == u"step" || t.folded == u"section" || t.folded == u"part")
                           && i + 1 < w.size() && w[i + 1].number;
        if (numbering)
            continue;
        if (label)
        {
            ++i;
            continue;
        }
        first[t.sentence] = i;
    }
    return first;
}

// The last character of a sentence that is not a space, a quotation mark, a bracket or a cell's bar.
char16_t closing(std::u16string_view text, const Sentence& s)
{
    for (std::uint32_t i = std::min<std::uint32_t>(s.end, static_cast<std::uint32_t>(text.size())); i > s.start; --i)
    {
        const char16_t c = text[i - 1];
        if (c != u' ' && c != u'|' && c != u'\t' && c != 0xA0 && c != u')' && c != u'"' && c != u'\'' && c != 0x201D && c != 0x2019)
            return c;
    }
    return 0;
}

char16_t opening(std::u16string_view text, const Sentence& s)
{
    for (std::uint32_t i = s.start; i < s.end && i < text.size(); ++i)
        if (text[i] != u' ' && text[i] != u'|' && text[i] != u'\t' && text[i] != 0xA0)
            return text[i];
    return 0;
}

// Markers that still count in a form's own text: what kind of document it is and where from.
std::vector<int> formMarkers(const Lexicon& lex)
{
    static constexpr std::array<const char*, 13> kNames = { "eia_title", "environmental", "policy_paper", "equality_section",
                                                           "jurisdiction_wales", "jurisdiction_scotland", "jurisdiction_ni",
                                                           "jurisdiction_gb", "statute", "document_date", "assessment_date",
                                                           "decision_date", "question_opener" };
    std::vector<int> out;
    out.reserve(kNames.size());
    for (const char* name : kNames)
        out.push_back(lex.marker(name));
    return out;
}

// Titles rather than sentences: most of their words capitalised ("Race Equality Framework for
// Scotland", "S75 Equality and Good Relations Screening Form"); with a full stop, nearly all.
std::vector<std::uint8_t> titles(std::u16string_view text, const std::vector<Token>& w, const std::vector<Sentence>& sentences)
{
    static constexpr std::array<std::u16string_view, 14> kSmall = { u"a", u"an", u"and", u"as", u"at", u"by", u"for",
                                                                    u"in", u"of", u"on", u"or", u"the", u"to", u"with" };
    std::vector<int> capital(sentences.size(), 0), content(sentences.size(), 0);
    for (const Token& t : w)
    {
        if (t.sentence >= sentences.size() || t.number || std::find(kSmall.begin(), kSmall.end(), t.folded) != kSmall.end())
            continue;
        ++content[t.sentence];
        const char16_t c = t.start < text.size() ? text[t.start] : 0;
        capital[t.sentence] += (c >= u'A' && c <= u'Z') ? 1 : 0;
    }
    std::vector<std::uint8_t> out(sentences.size(), 0);
    for (std::size_t s = 0; s < sentences.size(); ++s)
    {
        if (content[s] < 3)
            continue;
        const double share = static_cast<double>(capital[s]) / content[s];
        out[s] = closing(text, sentences[s]) == u'.' ? share >= 0.75 : share >= 0.6;
    }
    return out;
}

// readForm tells the form's prompts from the author's answers, and empty answers from real
// ones, and takes a flattened header row's impact words ("| Positive | Negative | None |") for
// the headings they are.
void readForm(std::u16string_view text, const std::vector<Token>& w, const Lexicon& lex, BlockFacts& facts)
{
    const std::size_t n = facts.sentences.size();
    facts.sentencePrompt.assign(n, 0);
    facts.sentenceEmpty.assign(n, 0);
    facts.sentencePlanned.assign(n, 0);
    const int opener = lex.marker("question_opener");
    const int empty = lex.marker("empty_answer");
    const int planned = lex.marker("planned");
    const int negative = lex.marker("impact_negative"), positive = lex.marker("impact_positive"),
              neutral = lex.marker("impact_neutral");
    const std::vector<int> kept = formMarkers(lex);
    const std::vector<std::uint32_t> first = openingWords(w, n);
    const std::vector<std::uint32_t> ends = sentenceEnds(w, n);
    auto whole = [&](const Hit& h) { return h.sentence < n && first[h.sentence] == h.firstWord && h.lastWord + 1 == ends[h.sentence]; };
    for (std::size_t s = 0; s < n; ++s)
    {
        const char16_t last = closing(text, facts.sentences[s]);
        facts.sentencePrompt[s] = last == u'?' || last == 0xFF1F;
        if (!facts.sentencePrompt[s] && s > 0 && facts.sentencePrompt[s - 1] && opening(text, facts.sentences[s]) == u'(')
            facts.sentencePrompt[s] = 1; // "(For example: disabled women, young Black men.)"
        facts.sentenceEmpty[s] = facts.sentenceWords[s] == 0;
    }
    facts.sentenceTitle = titles(text, w, facts.sentences);
    for (const Token& t : w) // the form speaks to whoever fills it in: "Reasons for your decision"
        if (t.sentence < n && (t.folded == u"you" || t.folded == u"your" || t.folded == u"eich"))
            facts.sentencePrompt[t.sentence] = 1;
    std::vector<std::uint8_t> category(n, 0); // a cell that is only "Positive", "Negative" or "None"
    bool positiveCell = false, negativeCell = false;
    for (const Hit& h : facts.markers)
    {
        if (h.sentence >= n)
            continue;
        if (h.group == opener && first[h.sentence] == h.firstWord)
            facts.sentencePrompt[h.sentence] = 1;
        else if (h.group == empty && whole(h))
            facts.sentenceEmpty[h.sentence] = 1;
        else if (h.group == planned)
            facts.sentencePlanned[h.sentence] = 1;
        if ((h.group == negative || h.group == positive || h.group == neutral) && whole(h))
        {
            category[h.sentence] = 1;
            positiveCell = positiveCell || h.group == positive;
            negativeCell = negativeCell || h.group == negative;
        }
    }
    // Column headings offer the choices: a positive and a negative one at least. "None | No
    // impact" is an answer.
    const bool header = positiveCell && negativeCell && text.find(u'|') != std::u16string_view::npos;
    facts.headerRow = header;
    std::erase_if(facts.markers, [&](const Hit& h) {
        if (h.sentence >= n)
            return false;
        if (header && category[h.sentence] && (h.group == negative || h.group == positive || h.group == neutral))
            return true;
        return facts.sentencePrompt[h.sentence] && std::find(kept.begin(), kept.end(), h.group) == kept.end();
    });
}

// countSubstance marks bare claims, counts the sentences that say something and finds the
// group a flattened row is about.
void countSubstance(std::u16string_view text, const Lexicon& lex, BlockFacts& facts)
{
    const std::size_t n = facts.sentences.size();
    facts.sentenceBare.assign(n, 0);
    facts.sentenceSays.assign(n, 0);
    const int neutral = lex.marker("impact_neutral"), reasoning = lex.marker("reasoning"),
              evidence = lex.marker("evidence_source"), comparison = lex.marker("comparison"),
              gap = lex.marker("data_gap"), negative = lex.marker("impact_negative"), positive = lex.marker("impact_positive");
    for (std::size_t s = 0; s < n; ++s)
    {
        const auto k = static_cast<std::uint32_t>(s);
        const bool figures = facts.sentenceNumbers[s] > facts.sentenceYears[s];
        facts.sentenceBare[s] = facts.hasMarkerInSentence(neutral, k) && !facts.hasMarkerInSentence(reasoning, k)
                                && !facts.hasMarkerInSentence(evidence, k) && !facts.hasMarkerInSentence(comparison, k) && !figures;
        // "There is no information on pregnancy" says nothing of an effect; "People with facial
        // differences may be mismatched more often; there are no figures" does, in its other clause.
        const Sentence& span = facts.sentences[s];
        const bool clauses = std::any_of(text.begin() + span.start, text.begin() + std::min<std::size_t>(span.end, text.size()),
                                         [](char16_t c) { return c == u';'; });
        const bool gapOnly = facts.hasMarkerInSentence(gap, k) && !facts.hasMarkerInSentence(negative, k)
                             && !facts.hasMarkerInSentence(positive, k) && !clauses;
        if (facts.sentenceWords[s] >= 4 && !facts.sentencePrompt[s] && !facts.sentenceEmpty[s] && !facts.sentenceBare[s]
            && !facts.sentenceIsList[s] && !facts.sentenceTitle[s] && !facts.headerRow && !gapOnly)
        {
            facts.sentenceSays[s] = 1;
            ++facts.substantive;
        }
    }
    if (n < 2 || text.find(u'|') == std::u16string_view::npos)
        return;
    for (std::size_t s = 0; s < n; ++s)
    {
        if (facts.sentenceWords[s] == 0)
            continue;
        if (!facts.sentencePrompt[s] && facts.sentenceGroups[s].size() == 1 && facts.sentenceWords[s] <= 8)
            facts.rowLabel = facts.sentenceGroups[s].front();
        break;
    }
}
} // namespace

bool BlockFacts::hasMarkerInSentence(int marker, std::uint32_t sentence) const
{
    return std::any_of(markers.begin(), markers.end(),
                       [&](const Hit& h) { return h.group == marker && h.sentence == sentence; });
}

namespace
{
// Numbers per sentence: how many, years, percentages and shares ("41% of").
void countNumbers(std::u16string_view text, const std::vector<Token>& w, BlockFacts& facts)
{
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
        {
            facts.yearWords.push_back(static_cast<std::uint32_t>(i));
            facts.sentenceYears[t.sentence] = static_cast<std::uint8_t>(std::min(255, facts.sentenceYears[t.sentence] + 1));
        }
        // "41%", "41 %", and written out: "41 per cent", "41 percent", Welsh "41 y cant".
        std::size_t next = i + 1; // the word after the percentage
        bool percent = (t.end < text.size() && text[t.end] == u'%')
                       || (t.end + 1 < text.size() && text[t.end] == u' ' && text[t.end + 1] == u'%');
        const auto word = [&](std::size_t k, std::u16string_view folded) {
            return k < w.size() && w[k].sentence == t.sentence && w[k].folded == folded;
        };
        if (!percent && word(i + 1, u"percent"))
        {
            percent = true;
            next = i + 2;
        }
        else if (!percent && ((word(i + 1, u"per") && word(i + 2, u"cent")) || (word(i + 1, u"y") && word(i + 2, u"cant"))))
        {
            percent = true;
            next = i + 3;
        }
        if (percent && t.sentence < facts.sentencePercent.size())
        {
            facts.sentencePercent[t.sentence] = static_cast<std::uint8_t>(std::min(255, facts.sentencePercent[t.sentence] + 1));
            if (word(next, u"of") || word(next, u"o") || word(next, u"o'r"))
                facts.sentenceShare[t.sentence] = 1;
        }
    }
}

Hit toHit(const std::vector<Token>& w, const TermMatch& m)
{
    return Hit{ m.group, w[m.firstWord].start, w[m.lastWord].end, w[m.firstWord].sentence, m.firstWord, m.lastWord };
}

// The markers, with negated impacts read as claims of no impact and impact words inside longer
// phrases of another kind left out.
void findMarkers(const std::vector<Token>& w, const Lexicon& lexicon, BlockFacts& facts)
{
    const auto toHit = [&w](const TermMatch& m) { return dueregard::engine::toHit(w, m); };
    const int negation = lexicon.marker("negation");
    const int anyImpact = lexicon.marker("impact_any");
    const int negative = lexicon.marker("impact_negative");
    const int positive = lexicon.marker("impact_positive");
    const int neutral = lexicon.marker("impact_neutral");
    const std::vector<TermMatch> markers = lexicon.markerTerms().find(w);
    for (const TermMatch& m : markers)
    {
        if (m.group == anyImpact)
        {
            // "We do not expect the scheme to have any impact": "any" after a negation anywhere
            // earlier in the sentence is a claim of no impact.
            const bool negated = std::any_of(markers.begin(), markers.end(), [&](const TermMatch& n) {
                return n.group == negation && n.lastWord < m.firstWord && w[n.lastWord].sentence == w[m.firstWord].sentence;
            });
            if (negated)
            {
                Hit h = toHit(m);
                h.group = neutral;
                facts.markers.push_back(h);
            }
            continue;
        }
        if (m.group == negative || m.group == positive)
        {
            // "no negative impact", "not adversely affected": a negated impact is not that impact.
            const bool negated = std::any_of(markers.begin(), markers.end(), [&](const TermMatch& n) {
                return n.group == negation && n.lastWord < m.firstWord && m.firstWord - n.lastWord <= kNegationReach
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
            if (insideNeutral)
                continue;
            if (negated)
            {
                // "not adversely affected", "there are no barriers": a claim of no impact.
                if (m.group == negative)
                {
                    Hit h = toHit(m);
                    h.group = neutral;
                    facts.markers.push_back(h);
                }
                continue;
            }
        }
        facts.markers.push_back(toHit(m));
    }
}

// Which groups each sentence names, and which sentences are lists of names.
void groupSentences(std::u16string_view text, const Lexicon& lexicon, BlockFacts& facts)
{
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
    // A list of names: three or more, or a line that is nothing but a group's name ("- marriage and
    // civil partnership;", one item of a bulleted list of the nine).
    std::vector<std::uint32_t> namedWords(facts.sentences.size(), 0);
    for (const Hit& h : facts.mentions)
        if (h.sentence < namedWords.size())
            namedWords[h.sentence] += h.lastWord - h.firstWord + 1;
    for (std::size_t s = 0; s < facts.sentences.size(); ++s)
        facts.sentenceIsList[s] = (facts.sentenceGroups[s].size() >= 3 && labelLike[s] >= 3)
                                  || (!facts.sentenceGroups[s].empty() && namedWords[s] + 1 >= facts.sentenceWords[s]);
}

// A count of people in a group ("13,000 older and disabled people", "44,000 young carers"):
// a number, not a year, within the three words before the group's name.
void findCounts(const std::vector<Token>& w, BlockFacts& facts)
{
    facts.sentenceCounts.assign(facts.sentences.size(), 0);
    for (const Hit& h : facts.mentions)
        for (std::uint32_t k = h.firstWord >= 3 ? h.firstWord - 3 : 0; k < h.firstWord; ++k)
            if (w[k].number && w[k].sentence == h.sentence && !(numberOf(w[k], 2100) >= 1990 && w[k].folded.size() == 4)
                && h.sentence < facts.sentenceCounts.size() && numberOf(w[k], 999) != 1)
                facts.sentenceCounts[h.sentence] = 1;
}

// One person described by two characteristics ("older disabled women").
void findIntersectionPhrase(std::u16string_view text, const Lexicon& lexicon, BlockFacts& facts)
{
    const auto& groupInfo = lexicon.groups();
    for (std::size_t i = 0; i < facts.mentions.size() && !facts.intersectionPhrase; ++i)
        for (std::size_t j = i + 1; j < facts.mentions.size(); ++j)
        {
            const Hit &x = facts.mentions[i], &y = facts.mentions[j];
            if (y.firstWord > x.lastWord + 3)
                break; // mentions are in word order: nothing later is closer
            if (x.group == y.group || x.sentence != y.sentence || groupInfo[static_cast<std::size_t>(x.group)].extra
                || groupInfo[static_cast<std::size_t>(y.group)].extra || facts.sentenceIsList[x.sentence]
                || facts.sentencePrompt[x.sentence])
                continue;
            // "older disabled women", "young Black men": one person described by both. "Older
            // and disabled people" or "children, disabled people" is a list of two groups.
            if (y.firstWord == x.lastWord + 1 && adjacent(text, x.end, y.start))
            {
                facts.intersectionPhrase = true;
                break;
            }
        }
}
} // namespace

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
    countNumbers(text, w, facts);
    for (const TermMatch& m : lexicon.groupTerms().find(w))
        if (!inOrganisationName(text, w, m.firstWord, m.lastWord)
            && !welshOrganisationName(text, w, m.firstWord))
            facts.mentions.push_back(toHit(w, m));
    findMarkers(w, lexicon, facts);
    findDates(w, facts.dates);
    readForm(text, w, lexicon, facts);
    for (const Hit& h : facts.markers)
        facts.markerMask.set(static_cast<std::size_t>(h.group));
    groupSentences(text, lexicon, facts);
    countSubstance(text, lexicon, facts);
    facts.placeName = hasPlaceName(text, w, facts.mentions);
    findCounts(w, facts);
    findIntersectionPhrase(text, lexicon, facts);
    facts.language = welsh::languageOf(w);
    return facts;
}
} // namespace dueregard::engine
