#include "engine/TermSet.hpp"

#include <algorithm>
#include <map>

namespace dueregard::engine
{
void TermSet::add(std::u16string_view term, int group, bool excluding)
{
    Pattern p;
    p.group = group;
    p.excluding = excluding;
    // Split on spaces; hyphens and other punctuation count as spaces, as in the tokenizer.
    std::u16string word;
    auto flush = [&] {
        if (word.empty())
            return;
        Piece piece;
        if (word == u"#")
            piece.kind = Piece::Kind::Number;
        else if (word.size() > 1 && word.back() == u'*')
        {
            piece.kind = Piece::Kind::Prefix;
            word.pop_back();
        }
        piece.text = Tokenizer::fold(word);
        p.pieces.push_back(std::move(piece));
        word.clear();
    };
    for (char16_t c : term)
    {
        if (c == u' ' || c == u'-' || c == u'/' || c == u',' || c == u'.' || c == u'(' || c == u')')
            flush();
        else
            word += c;
    }
    flush();
    if (p.pieces.empty())
        throw TermError("data.term_empty");
    if (p.pieces.size() > 8)
        throw TermError("data.term_too_long");

    const auto index = static_cast<std::uint32_t>(m_patterns.size());
    const Piece& first = p.pieces.front();
    switch (first.kind)
    {
        case Piece::Kind::Exact:
            m_byFirstWord[first.text].push_back(index);
            break;
        case Piece::Kind::Prefix:
            m_byFirstStem[first.text].push_back(index);
            if (first.text.size() < 2)
                m_oneLetterStem = true;
            else
                m_stemStarts.set(startKey(first.text[0], first.text[1]));
            if (std::find(m_stemLengths.begin(), m_stemLengths.end(), first.text.size()) == m_stemLengths.end())
            {
                m_stemLengths.push_back(first.text.size());
                std::sort(m_stemLengths.begin(), m_stemLengths.end());
            }
            break;
        case Piece::Kind::Number:
            m_numberFirst.push_back(index);
            break;
    }
    m_patterns.push_back(std::move(p));
}

bool TermSet::matchesAt(const Pattern& p, const std::vector<Token>& words, std::size_t at) const
{
    if (at + p.pieces.size() > words.size())
        return false;
    for (std::size_t i = 0; i < p.pieces.size(); ++i)
    {
        const Piece& piece = p.pieces[i];
        const Token& word = words[at + i];
        switch (piece.kind)
        {
            case Piece::Kind::Exact:
                if (word.folded != piece.text)
                    return false;
                break;
            case Piece::Kind::Prefix:
                if (word.folded.compare(0, piece.text.size(), piece.text) != 0)
                    return false;
                break;
            case Piece::Kind::Number:
                if (!word.number)
                    return false;
                break;
        }
    }
    return true;
}

std::vector<TermMatch> TermSet::find(const std::vector<Token>& words) const
{
    std::vector<TermMatch> found;
    std::vector<TermMatch> excluded;
    std::vector<TermMatch> best; // longest match per (position, group), gathered below
    auto consider = [&](std::uint32_t index, std::size_t at) {
        const Pattern& p = m_patterns[index];
        if (!matchesAt(p, words, at))
            return;
        const TermMatch m{ p.group, static_cast<std::uint32_t>(at),
                           static_cast<std::uint32_t>(at + p.pieces.size() - 1) };
        if (p.excluding)
        {
            excluded.push_back(m);
            return;
        }
        best.push_back(m);
    };
    for (std::size_t at = 0; at < words.size(); ++at)
    {
        const std::u16string_view word = words[at].folded;
        if (const auto it = m_byFirstWord.find(word); it != m_byFirstWord.end())
            for (std::uint32_t index : it->second)
                consider(index, at);
        // A stem matches a word that begins with it: look up the word's first letters for each
        // stem length in use (a handful), not every stem.
        const bool mayStartStem = m_oneLetterStem || (word.size() >= 2 && m_stemStarts.test(startKey(word[0], word[1])));
        for (std::size_t i = 0; mayStartStem && i < m_stemLengths.size() && m_stemLengths[i] <= word.size(); ++i)
            if (const auto it = m_byFirstStem.find(word.substr(0, m_stemLengths[i])); it != m_byFirstStem.end())
                for (std::uint32_t index : it->second)
                    consider(index, at);
        if (words[at].number)
            for (std::uint32_t index : m_numberFirst)
                consider(index, at);
    }
    // Order by position, then group, longest first; keep the first of each (position, group).
    std::sort(best.begin(), best.end(), [](const TermMatch& a, const TermMatch& b) {
        if (a.firstWord != b.firstWord)
            return a.firstWord < b.firstWord;
        if (a.group != b.group)
            return a.group < b.group;
        return a.lastWord > b.lastWord;
    });
    best.erase(std::unique(best.begin(), best.end(),
                           [](const TermMatch& a, const TermMatch& b) { return a.firstWord == b.firstWord && a.group == b.group; }),
               best.end());
    found.reserve(best.size());
    std::map<int, std::uint32_t> reach; // per group, the last word covered by an earlier match
    for (const TermMatch& m : best)
    {
        const bool suppressed = std::any_of(excluded.begin(), excluded.end(), [&](const TermMatch& x) {
            return x.group == m.group && x.firstWord <= m.lastWord && m.firstWord <= x.lastWord;
        });
        // A shorter match inside a longer one of the same group adds nothing.
        const auto r = reach.find(m.group);
        const bool nested = r != reach.end() && r->second >= m.lastWord;
        if (!suppressed && !nested)
        {
            found.push_back(m);
            reach[m.group] = m.lastWord;
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const TermMatch& a, const TermMatch& b) { return a.firstWord < b.firstWord; });
    return found;
}
} // namespace dueregard::engine
