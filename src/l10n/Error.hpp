#pragma once
// Error: a failure a person reads (a department's layer that cannot be used, a CSV that is not
// counts, a document that cannot be read), carried as a message key and its arguments so that
// whoever shows it words it in the reader's language. what() is the en-GB wording, for logs and
// for callers that have no language.
//
//   throw l10n::Error("policy.not_json", { { "file", name } });
//   ...
//   catch (const std::exception& e) { show(l10n::describe(e, language)); }
//
// An argument may itself be a message ("{reason}" filled with another Error's words): give it as
// a Message and it is worded in the same language as the whole.

#include "l10n/Messages.hpp"

#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace dueregard::l10n
{
struct Message
{
    std::string key;
    // Each argument is a plain value (a name, a number, the user's own words) or a message of
    // its own, worded in the reader's language.
    std::vector<std::pair<std::string, std::variant<std::string, Message>>> arguments;

    Message() = default;
    explicit Message(std::string messageKey) : key(std::move(messageKey)) {}
    Message(std::string messageKey,
            std::vector<std::pair<std::string, std::variant<std::string, Message>>> values)
        : key(std::move(messageKey)), arguments(std::move(values))
    {
    }

    // The message in `language` (en-GB for any language we do not have), its arguments filled.
    std::string text(std::string_view language) const;
};

class Error : public std::runtime_error
{
public:
    explicit Error(Message message);
    Error(std::string key,
          std::vector<std::pair<std::string, std::variant<std::string, Message>>> arguments = {});

    const Message& message() const { return m_message; }
    // The failure in `language`; what() is the same in en-GB.
    virtual std::string text(std::string_view language) const { return m_message.text(language); }

private:
    Message m_message;
};

// describe words any exception for a reader of `language`: an Error in that language, anything
// else as its what() (a library's own words, which we cannot translate).
std::string describe(const std::exception& failure, std::string_view language);
} // namespace dueregard::l10n
