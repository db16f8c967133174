#include "engine/Welsh.hpp"

#include "text/Unicode.hpp"

#include <algorithm>
#include <array>

namespace dueregard::engine::welsh
{
namespace
{
// Function words that begin a term but are not nouns, adjectives or verbs a mutation would
// reach in the data's terms (the article, prepositions, particles and pronouns).
constexpr std::array<std::u16string_view, 30> kFixed
    = { u"y",  u"yr",  u"yn",  u"ym",  u"yng", u"a",   u"ac",  u"ag",   u"â",     u"o",
        u"i",  u"ar",  u"am",  u"at",  u"ei",  u"eu",  u"ein", u"eich", u"ni",    u"nid",
        u"na", u"nad", u"nac", u"neu", u"mae", u"gan", u"dan", u"wrth", u"rhwng", u"mewn" };

// The vowels (with their accents, as Welsh writes them) that take an h after "ei" (her), "eu"
// and "ein": "ei hoedran", "eu hanabledd".
constexpr std::u16string_view kVowels = u"aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ";

bool startsWith(std::u16string_view word, std::u16string_view prefix)
{
    return word.substr(0, prefix.size()) == prefix;
}

// The radical consonant a word begins with and what each mutation makes of it ("" where a
// mutation leaves it alone). Two-letter consonants are listed before the one-letter ones
// they begin with, so that "ll" is not read as "l" and "ch" not as "c".
struct Initial
{
    std::u16string_view radical, soft, nasal, aspirate;
};
constexpr std::array<Initial, 15> kInitials = { {
    { u"ch", u"", u"", u"" }, // already mutated, or a radical that does not mutate
    { u"mh", u"", u"", u"" },
    { u"nh", u"", u"", u"" },
    { u"ph", u"", u"", u"" },
    { u"th", u"", u"", u"" },
    { u"dd", u"", u"", u"" },
    { u"ll", u"l", u"", u"" },
    { u"rh", u"r", u"", u"" },
    { u"c", u"g", u"ngh", u"ch" },
    { u"p", u"b", u"mh", u"ph" },
    { u"t", u"d", u"nh", u"th" },
    { u"g", u"-", u"ng", u"" }, // soft mutation drops the g ("-" marks that)
    { u"b", u"f", u"m", u"" },
    { u"d", u"dd", u"n", u"" },
    { u"m", u"f", u"", u"" },
} };

void addForm(std::vector<std::u16string>& out, std::u16string form, std::u16string_view word)
{
    // A form of fewer than three letters ("gŵr" → "ŵr" aside) matches too much to be useful.
    const std::size_t letters = form.size() - (!form.empty() && form.back() == u'*' ? 1 : 0);
    if (letters < 3 || form == word || std::find(out.begin(), out.end(), form) != out.end())
        return;
    out.push_back(std::move(form));
}

bool canMutate(std::u16string_view word)
{
    if (word.size() < 2 || std::find(kFixed.begin(), kFixed.end(), word) != kFixed.end())
        return false;
    // Numbers, "#" and contractions ("sy'n", "i'r") stay as they are.
    return std::none_of(word.begin(), word.end(),
                        [](char16_t c)
                        { return (c >= u'0' && c <= u'9') || c == u'#' || c == u'\''; });
}
} // namespace

std::vector<std::u16string> mutations(std::u16string_view word)
{
    std::vector<std::u16string> out;
    if (!canMutate(word))
        return out;
    if (kVowels.find(word.front()) != std::u16string_view::npos)
    {
        addForm(out, u"h" + std::u16string(word), word);
        return out;
    }
    for (const Initial& i : kInitials)
    {
        if (!startsWith(word, i.radical))
            continue;
        const std::u16string rest(word.substr(i.radical.size()));
        for (const std::u16string_view to : { i.soft, i.nasal, i.aspirate })
            if (to == u"-")
                addForm(out, rest, word);
            else if (!to.empty())
                addForm(out, std::u16string(to) + rest, word);
        break;
    }
    return out;
}

std::vector<std::string> withMutations(const std::string& term)
{
    if (!term.empty() && term.front() == '=')
        return { term.substr(1) };
    std::vector<std::string> out{ term };
    const std::size_t space = term.find(' ');
    const std::string first = term.substr(0, space);
    const std::string rest = space == std::string::npos ? std::string() : term.substr(space);
    for (const std::u16string& form : mutations(text::fromUtf8(first)))
        out.push_back(text::toUtf8(form) + rest);
    return out;
}

Language languageOf(const std::vector<Token>& words)
{
    // Words that are common in one language and do not occur in the other ("a", "i" and "am"
    // are in both, so they say nothing).
    static constexpr std::array<std::u16string_view, 44> kWelsh
        = { u"y",    u"yr",   u"mae",      u"ac",   u"yn",    u"ei",     u"eu",    u"gyda",
            u"gan",  u"bydd", u"fydd",     u"ar",   u"ein",   u"eich",   u"hyn",   u"hon",
            u"hwn",  u"sy'n", u"sydd",     u"i'r",  u"o'r",   u"a'r",    u"yw",    u"nid",
            u"wedi", u"bod",  u"fod",      u"cael", u"oes",   u"oedd",   u"mewn",  u"drwy",
            u"trwy", u"neu",  u"hefyd",    u"ond",  u"rydym", u"byddwn", u"mae'r", u"yw'r",
            u"ddim", u"gael", u"ynghylch", u"gyfer" };
    static constexpr std::array<std::u16string_view, 36> kEnglish
        = { u"the",   u"and",  u"of",    u"to",    u"is",    u"are",  u"will", u"be",  u"for",
            u"with",  u"that", u"this",  u"by",    u"from",  u"have", u"has",  u"it",  u"as",
            u"not",   u"or",   u"we",    u"they",  u"their", u"was",  u"were", u"on",  u"which",
            u"would", u"been", u"these", u"there", u"an",    u"our",  u"its",  u"who", u"at" };
    std::size_t cy = 0, en = 0;
    for (const Token& t : words)
    {
        if (t.number || t.folded.size() > 8)
            continue;
        cy += std::find(kWelsh.begin(), kWelsh.end(), t.folded) != kWelsh.end();
        en += std::find(kEnglish.begin(), kEnglish.end(), t.folded) != kEnglish.end();
    }
    if (cy + en < 2)
        return Language::Unknown;
    if (cy > 2 * en)
        return Language::Welsh;
    if (en > 2 * cy)
        return Language::English;
    return Language::Unknown;
}
} // namespace dueregard::engine::welsh
