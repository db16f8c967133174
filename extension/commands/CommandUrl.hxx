#pragma once
// CommandUrl parses the product's command URLs, "vnd.dueregard:Name?key=value&key=value", with
// %-escapes in values, and writes them (commands/Dispatch.hxx runs them). Plain C++ (no UNO), so
// it is unit-tested on its own.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dueregard::ext
{
struct CommandUrl
{
    std::string name;
    std::map<std::string, std::string> parameters;

    // parse returns the command for a URL in this scheme, or nothing for another scheme or a
    // malformed URL (an empty name or a bad %-escape).
    static std::optional<CommandUrl> parse(std::string_view url, std::string_view scheme)
    {
        if (url.substr(0, scheme.size()) != scheme)
            return std::nullopt;
        url.remove_prefix(scheme.size());
        CommandUrl command;
        const auto question = url.find('?');
        command.name = std::string(url.substr(0, question));
        if (command.name.empty())
            return std::nullopt;
        if (question == std::string_view::npos)
            return command;
        std::string_view query = url.substr(question + 1);
        while (!query.empty())
        {
            const auto amp = query.find('&');
            const std::string_view pair = query.substr(0, amp);
            query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
            if (pair.empty())
                continue;
            const auto eq = pair.find('=');
            auto key = decode(pair.substr(0, eq));
            auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                                      : decode(pair.substr(eq + 1));
            if (!key || !value || key->empty())
                return std::nullopt;
            command.parameters[*key] = *value;
        }
        return command;
    }

    // text is the command after the scheme, "Name?key=value&key=value", which parse reads back:
    // in keys and values every character but letters, digits and "-._~:/" is %-escaped.
    std::string text() const
    {
        std::string out = name;
        char separator = '?';
        for (const auto& [key, value] : parameters)
        {
            out += separator;
            out += encode(key);
            out += '=';
            out += encode(value);
            separator = '&';
        }
        return out;
    }

    static std::string encode(std::string_view s)
    {
        static constexpr char kHex[] = "0123456789ABCDEF";
        std::string out;
        for (const char c : s)
        {
            const auto byte = static_cast<unsigned char>(c);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                || c == '~' || c == ':' || c == '/')
                out += c;
            else
            {
                out += '%';
                out += kHex[byte >> 4];
                out += kHex[byte & 0x0F];
            }
        }
        return out;
    }

    static std::optional<std::string> decode(std::string_view s)
    {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i)
        {
            if (s[i] != '%')
            {
                out += s[i];
                continue;
            }
            if (i + 2 >= s.size())
                return std::nullopt;
            const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        return out;
    }

private:
    static int hex(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }
};
} // namespace dueregard::ext
