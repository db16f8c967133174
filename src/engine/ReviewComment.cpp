#include "engine/ReviewComment.hpp"

#include "text/Unicode.hpp"

#include <algorithm>

namespace dueregard::engine
{
namespace
{
constexpr std::string_view kHeader = "Due Regard prompt [";
constexpr std::string_view kClosing = ": a prompt to consider, not a legal verdict.";

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

std::string commentContent(const Finding& f)
{
    std::string text = f.message;
    for (const std::string& q : f.questions)
        text += "\nQuestion: " + q;
    text += "\nLegal basis: " + f.basis;
    text += "\n" + std::string(kHeader) + findingKey(f) + "]" + std::string(kClosing);
    return text;
}

std::optional<std::string> commentKey(std::string_view content)
{
    // "Due Regard prompt [key]: a prompt to consider..." at the end (the line break before it may
    // be lost on a .docx round trip); or "Due Regard prompt [key]" at the very start, in comments
    // made before the prompt came first.
    const std::size_t at = content.rfind(kHeader);
    if (at == std::string_view::npos)
        return std::nullopt;
    const std::size_t close = content.find(']', at + kHeader.size());
    if (close == std::string_view::npos || content.substr(at, close - at).find('\n') != std::string_view::npos)
        return std::nullopt;
    if (at != 0 && content.substr(close + 1, kClosing.size()) != kClosing)
        return std::nullopt; // someone's own comment that mentions us
    return std::string(content.substr(at + kHeader.size(), close - at - kHeader.size()));
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
} // namespace dueregard::engine
