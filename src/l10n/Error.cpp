#include "l10n/Error.hpp"

namespace dueregard::l10n
{
std::string Message::text(std::string_view language) const
{
    std::vector<std::string> values;
    values.reserve(arguments.size());
    for (const auto& [name, value] : arguments)
        values.push_back(std::holds_alternative<Message>(value)
                             ? std::get<Message>(value).text(language)
                             : std::get<std::string>(value));
    Arguments filled;
    filled.reserve(arguments.size());
    for (std::size_t i = 0; i < arguments.size(); ++i)
        filled.emplace_back(arguments[i].first, values[i]);
    return l10n::text(language, key, filled);
}

Error::Error(Message message)
    : std::runtime_error(message.text(kEnglish)), m_message(std::move(message))
{
}

Error::Error(std::string key,
             std::vector<std::pair<std::string, std::variant<std::string, Message>>> arguments)
    : Error(Message(std::move(key), std::move(arguments)))
{
}

std::string describe(const std::exception& failure, std::string_view language)
{
    if (const auto* ours = dynamic_cast<const Error*>(&failure))
        return ours->text(language);
    return failure.what();
}
} // namespace dueregard::l10n
