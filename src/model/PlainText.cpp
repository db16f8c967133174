#include "model/PlainText.hpp"

#include "text/Unicode.hpp"

#include <string>

namespace dueregard::model
{
namespace
{
std::string trim(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t\r\f\v");
    if (first == std::string::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\f\v");
    return s.substr(first, last - first + 1);
}
} // namespace

Document documentFromPlainText(std::string_view input)
{
    // A page break ends a paragraph.
    std::string text(input);
    for (std::size_t at = text.find('\f'); at != std::string::npos; at = text.find('\f', at))
        text.replace(at, 1, "\n\n");
    const std::string_view utf8 = text;
    Document doc;
    std::string paragraph;
    auto flush = [&] {
        if (paragraph.empty())
            return;
        Block b;
        b.id = "p" + std::to_string(doc.blocks.size() + 1);
        b.text = text::fromUtf8(paragraph);
        doc.blocks.push_back(std::move(b));
        paragraph.clear();
    };
    std::size_t pos = 0;
    while (pos <= utf8.size())
    {
        std::size_t end = utf8.find('\n', pos);
        if (end == std::string_view::npos)
            end = utf8.size();
        const std::string line = trim(std::string(utf8.substr(pos, end - pos)));
        if (line.empty())
            flush();
        else if (paragraph.empty())
            paragraph = line;
        else if (paragraph.back() == '-' && paragraph.size() > 1 && paragraph[paragraph.size() - 2] != ' ')
        {
            paragraph.pop_back(); // "equal-" + "ity" at a line break
            paragraph += line;
        }
        else
            paragraph += " " + line;
        if (end == utf8.size())
            break;
        pos = end + 1;
    }
    flush();
    return doc;
}
} // namespace dueregard::model
