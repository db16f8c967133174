#include "l10n/Messages.hpp"

#include "l10n/UiStrings.hpp"

#include "engine/Language.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace dueregard::l10n
{
namespace
{
using Table = std::map<std::string, std::string, std::less<>>;

Table parse(const char* json, std::string_view name)
{
    const nlohmann::json data = nlohmann::json::parse(json);
    if (!data.is_object() || !data.contains("messages") || !data["messages"].is_object())
        // l10n: not shown { the messages themselves are broken, so there are none to word this
        // with; a unit test reads both resources, so no build ships like this.
        throw std::runtime_error("the interface's messages for " + std::string(name) + " have no \"messages\" object");
    // l10n: }
    Table table;
    for (const auto& [key, value] : data["messages"].items())
        table.emplace(key, value.get<std::string>());
    return table;
}

const Table& table(std::string_view language)
{
    static const Table english = parse(builtin::kUiEnglish, kEnglish);
    static const Table welsh = parse(builtin::kUiWelsh, kWelsh);
    return language == kWelsh ? welsh : english;
}

std::string fill(std::string_view message, const Arguments& arguments)
{
    std::string out;
    out.reserve(message.size());
    for (std::size_t i = 0; i < message.size();)
    {
        if (message[i] == '{')
        {
            const auto close = message.find('}', i);
            if (close != std::string_view::npos)
            {
                const std::string_view name = message.substr(i + 1, close - i - 1);
                const auto found = std::find_if(arguments.begin(), arguments.end(), [&](const auto& a) { return a.first == name; });
                if (found != arguments.end())
                {
                    out += found->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += message[i++];
    }
    return out;
}
} // namespace

const std::vector<std::string>& languages() { return engine::supportedLanguages(); }

std::string supportedLanguage(std::string_view tag) { return engine::languageOrDefault(tag); }

std::string text(std::string_view language, std::string_view key, const Arguments& arguments)
{
    const Table& own = table(supportedLanguage(language));
    auto found = own.find(key);
    if (found == own.end())
    {
        const Table& english = table(kEnglish);
        found = english.find(key);
        if (found == english.end())
            return std::string(key);
    }
    return fill(found->second, arguments);
}

std::vector<std::string> keys(std::string_view language)
{
    std::vector<std::string> out;
    for (const auto& entry : table(supportedLanguage(language)))
        out.push_back(entry.first);
    return out;
}

std::vector<std::string> placeholders(std::string_view language, std::string_view key)
{
    const Table& own = table(supportedLanguage(language));
    const auto found = own.find(key);
    std::vector<std::string> out;
    if (found == own.end())
        return out;
    const std::string& message = found->second;
    for (std::size_t open = message.find('{'); open != std::string::npos; open = message.find('{', open + 1))
    {
        const auto close = message.find('}', open);
        if (close == std::string::npos)
            break;
        out.push_back(message.substr(open + 1, close - open - 1));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool has(std::string_view language, std::string_view key)
{
    const Table& own = table(supportedLanguage(language));
    return own.find(key) != own.end();
}
} // namespace dueregard::l10n
