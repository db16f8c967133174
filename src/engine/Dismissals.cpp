#include "engine/Dismissals.hpp"

#include <nlohmann/json.hpp>

namespace dueregard::engine
{
bool matches(const Dismissal& d, const Finding& f)
{
    return d.rule == f.id && d.characteristic == f.characteristic && d.excerpt == f.excerpt;
}

Dismissal dismissalFor(const Finding& f, std::string reason, std::string date)
{
    return { f.id, f.characteristic, f.excerpt, std::move(reason), std::move(date) };
}

std::vector<Dismissal> restored(std::vector<Dismissal> dismissals, const Dismissal& gone)
{
    std::erase_if(dismissals, [&](const Dismissal& d) {
        return d.rule == gone.rule && d.characteristic == gone.characteristic && d.excerpt == gone.excerpt;
    });
    return dismissals;
}

std::vector<Dismissal> parseDismissals(const std::string& text)
{
    std::vector<Dismissal> out;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array())
        return out;
    for (const auto& item : j)
    {
        if (!item.is_object() || !item.contains("rule") || !item["rule"].is_string())
            continue;
        auto str = [&item](const char* key) {
            const auto it = item.find(key);
            return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        out.push_back({ str("rule"), str("characteristic"), str("excerpt"), str("reason"), str("date") });
    }
    return out;
}

std::string dismissalsJson(const std::vector<Dismissal>& dismissals)
{
    nlohmann::json j = nlohmann::json::array();
    for (const Dismissal& d : dismissals)
        j.push_back({ { "rule", d.rule },
                      { "characteristic", d.characteristic },
                      { "excerpt", d.excerpt },
                      { "reason", d.reason },
                      { "date", d.date } });
    return j.dump();
}
} // namespace dueregard::engine
