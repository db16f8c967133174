#include "engine/ReviewComment.hpp"

#include "l10n/Messages.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <vector>

namespace dueregard::engine
{
namespace
{
// A comment's own words in a language, from its messages (comment.*): the last line is
// "Due Regard prompt [key]: a prompt to consider, not a legal verdict.", split at the key.
struct CommentWords
{
    std::string header, closing;
};

CommentWords wordsFor(std::string_view language)
{
    constexpr std::string_view slot = "\x01";
    const std::string line = l10n::text(language, "comment.key", { { "key", std::string(slot) } });
    const std::size_t at = line.find(slot);
    if (at == std::string::npos)
        return { line, {} };
    // The header runs to the "[" before the key, the closing from the "]" after it.
    return { line.substr(0, at),
             line.substr(at + slot.size()
                         + (line.compare(at + slot.size(), 1, "]") == 0 ? 1 : 0)) };
}

// Every language's words, en-GB first: a comment made in any of them is ours.
const std::vector<CommentWords>& allWords()
{
    static const std::vector<CommentWords> words = []
    {
        std::vector<CommentWords> out;
        for (const std::string& language : l10n::languages())
            out.push_back(wordsFor(language));
        return out;
    }();
    return words;
}

std::optional<std::string> keyIn(std::string_view content, const CommentWords& words)
{
    const std::string_view header = words.header;
    const std::string_view closing = words.closing;
    const std::size_t at = content.rfind(header);
    if (at == std::string_view::npos)
        return std::nullopt;
    const std::size_t close = content.find(']', at + header.size());
    if (close == std::string_view::npos
        || content.substr(at, close - at).find('\n') != std::string_view::npos)
        return std::nullopt;
    if (at != 0 && content.substr(close + 1, closing.size()) != closing)
        return std::nullopt; // someone's own comment that mentions us
    return std::string(content.substr(at + header.size(), close - at - header.size()));
}

// A passage's words without what may come or go at its ends: spaces, punctuation, and the
// characters Writer puts where a comment or a field is anchored (U+FFF9 to U+FFFB, U+FFFC).
std::u16string core(std::string_view s)
{
    std::u16string t = text::fromUtf8(std::string(s));
    std::erase_if(t, [](char16_t c) { return c >= 0xFFF9 && c <= 0xFFFC; });
    const auto loose = [](char16_t c) {
        return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == 0xA0
               || (c < 0x80 && std::ispunct(static_cast<unsigned char>(c))) || c == 0x2019 || c == 0x201D;
    };
    while (!t.empty() && loose(t.back()))
        t.pop_back();
    std::size_t start = 0;
    while (start < t.size() && loose(t[start]))
        ++start;
    return t.substr(start);
}
} // namespace

std::string findingKey(const Finding& f) { return f.id + "/" + (f.characteristic.empty() ? "-" : f.characteristic); }

std::string commentContent(const Finding& f, std::string_view language)
{
    const std::string tag = l10n::supportedLanguage(language);
    std::string text = f.message;
    for (const std::string& q : f.questions)
        text += "\n" + l10n::text(tag, "comment.question", { { "question", q } });
    text += "\n" + l10n::text(tag, "comment.basis", { { "basis", f.basis } });
    text += "\n" + l10n::text(tag, "comment.key", { { "key", findingKey(f) } });
    return text;
}

std::optional<std::string> commentKey(std::string_view content)
{
    // "Due Regard prompt [key]: a prompt to consider..." at the end (the line break before it may
    // be lost on a .docx round trip); or "Due Regard prompt [key]" at the very start, in comments
    // made before the prompt came first. A comment made in another language is ours too.
    for (const CommentWords& words : allWords())
        if (std::optional<std::string> key = keyIn(content, words))
            return key;
    return std::nullopt;
}

bool sameCommentContent(std::string_view a, std::string_view b)
{
    auto flat = [](std::string_view v) {
        std::string s(v);
        std::erase(s, '\n');
        std::erase(s, '\r');
        return s;
    };
    return flat(a) == flat(b);
}

bool sameAnchor(std::string_view existing, std::string_view wanted) { return core(existing) == core(wanted); }
std::vector<model::Span> commentPlaces(const Finding& f, const Assessment& assessment, const model::Document& document)
{
    std::vector<model::Span> places;
    if (!f.location.document())
        places.push_back({ static_cast<std::size_t>(f.location.block), f.location.start, f.location.end });
    for (const SectionState& s : assessment.sections)
        if (s.id == f.section || s.id == groupSection(f.characteristic))
        {
            if (s.block < document.blocks.size())
                places.push_back({ s.block, 0, document.blocks[s.block].text.size() });
            break;
        }
    return places;
}

CommentReview::CommentReview(std::vector<ExistingComment> existing)
    : m_existing(std::move(existing)), m_matched(m_existing.size(), false)
{
}

CommentReview::Decision CommentReview::next(const Finding& finding, std::string_view anchor, std::string_view content)
{
    const std::string key = findingKey(finding);
    for (std::size_t i = 0; i < m_existing.size(); ++i)
    {
        const ExistingComment& c = m_existing[i];
        if (m_matched[i] || c.key != key || !sameAnchor(c.anchor, anchor))
            continue;
        m_matched[i] = true;
        const bool changed = c.resolved || !sameCommentContent(c.content, content);
        return { changed ? Step::Update : Step::Keep, i };
    }
    return {};
}

std::vector<std::size_t> CommentReview::answered() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_existing.size(); ++i)
        if (!m_matched[i] && !m_existing[i].resolved)
            out.push_back(i);
    return out;
}

std::string initialsOf(std::string_view name)
{
    std::string initials;
    bool start = true;
    for (char ch : name)
    {
        if (start && ch != ' ')
            initials += ch;
        start = ch == ' ';
    }
    return initials;
}
} // namespace dueregard::engine
