#include "engine/AuditTrail.hpp"

#include "l10n/Messages.hpp"
#include "text/Format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace dueregard::engine
{
namespace
{
constexpr std::array<std::pair<AuditAction, std::string_view>, 3> kActions{ {
    { AuditAction::Checked, "checked" },
    { AuditAction::Dismissed, "dismissed" },
    { AuditAction::Restored, "restored" },
} };

std::string_view actionName(AuditAction action)
{
    for (const auto& [a, name] : kActions)
        if (a == action)
            return name;
    return "checked";
}

std::optional<AuditAction> actionNamed(std::string_view name)
{
    for (const auto& [a, n] : kActions)
        if (n == name)
            return a;
    return std::nullopt;
}

nlohmann::json eventJson(const AuditEvent& e)
{
    nlohmann::json j = { { "action", actionName(e.action) }, { "date", e.date }, { "who", e.who } };
    if (e.action == AuditAction::Checked)
    {
        j["via"] = e.via;
        j["score"] = e.score;
        j["open_prompts"] = e.open;
        j["dismissed_prompts"] = e.dismissed;
    }
    else
    {
        j["prompt"] = e.rule;
        j["characteristic"] = e.characteristic;
        j["reason"] = e.reason;
    }
    return j;
}

std::optional<AuditEvent> eventFrom(const nlohmann::json& item)
{
    if (!item.is_object())
        return std::nullopt;
    auto str = [&item](const char* key) {
        const auto it = item.find(key);
        return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto count = [&item](const char* key) -> std::size_t {
        const auto it = item.find(key);
        return it != item.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
    };
    const std::optional<AuditAction> action = actionNamed(str("action"));
    if (!action || str("date").empty())
        return std::nullopt;
    AuditEvent e;
    e.action = *action;
    e.date = str("date");
    e.who = str("who");
    if (e.action == AuditAction::Checked)
    {
        const auto score = item.find("score");
        if (score == item.end() || !score->is_number_integer())
            return std::nullopt;
        e.via = str("via");
        e.score = std::clamp(score->get<int>(), 0, 100);
        e.open = count("open_prompts");
        e.dismissed = count("dismissed_prompts");
    }
    else
    {
        e.rule = str("prompt");
        if (e.rule.empty())
            return std::nullopt;
        e.characteristic = str("characteristic");
        e.reason = str("reason");
    }
    return e;
}

bool tellsNothingNew(const std::vector<AuditEvent>& events, const AuditEvent& check)
{
    const auto last = std::find_if(events.rbegin(), events.rend(),
                                   [](const AuditEvent& e) { return e.action == AuditAction::Checked; });
    if (last == events.rend())
        return false;
    // Nothing was dismissed or restored since, and the same person saw the same readiness today.
    return last == events.rbegin() && last->date == check.date && last->who == check.who && last->score == check.score
           && last->open == check.open && last->dismissed == check.dismissed;
}
} // namespace

AuditEvent checkedEvent(const CheckResult& result, std::string_view via, std::string who, std::string date)
{
    AuditEvent e;
    e.action = AuditAction::Checked;
    e.date = std::move(date);
    e.who = std::move(who);
    e.via = std::string(via);
    e.score = result.score;
    e.open = result.findings.size();
    e.dismissed = result.dismissed.size();
    return e;
}

AuditEvent dismissedEvent(const Dismissal& dismissal, std::string who, std::string date)
{
    AuditEvent e;
    e.action = AuditAction::Dismissed;
    e.date = std::move(date);
    e.who = std::move(who);
    e.rule = dismissal.rule;
    e.characteristic = dismissal.characteristic;
    e.reason = dismissal.reason;
    return e;
}

AuditEvent restoredEvent(const Dismissal& dismissal, std::string reason, std::string who, std::string date)
{
    AuditEvent e = dismissedEvent(dismissal, std::move(who), std::move(date));
    e.action = AuditAction::Restored;
    e.reason = std::move(reason);
    return e;
}

AuditTrail withEvent(AuditTrail trail, AuditEvent event)
{
    if (event.action == AuditAction::Checked && tellsNothingNew(trail.events, event))
        return trail;
    trail.events.push_back(std::move(event));
    while (trail.events.size() > kMostEvents)
    {
        auto oldest = std::find_if(trail.events.begin(), trail.events.end(),
                                   [](const AuditEvent& e) { return e.action == AuditAction::Checked; });
        if (oldest == trail.events.end() - 1) // the newest check stays: it is why we are here
            oldest = trail.events.begin();
        trail.events.erase(oldest == trail.events.end() ? trail.events.begin() : oldest);
        ++trail.omitted;
    }
    return trail;
}

AuditTrail parseAuditTrail(const std::string& text)
{
    AuditTrail trail;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object())
        return trail;
    if (const auto events = j.find("events"); events != j.end() && events->is_array())
        for (const auto& item : *events)
            if (std::optional<AuditEvent> e = eventFrom(item))
                trail.events.push_back(std::move(*e));
    if (const auto omitted = j.find("omitted"); omitted != j.end() && omitted->is_number_unsigned())
        trail.omitted = omitted->get<std::size_t>();
    return trail;
}

nlohmann::json auditTrailReport(const AuditTrail& trail)
{
    nlohmann::json events = nlohmann::json::array();
    for (const AuditEvent& e : trail.events)
        events.push_back(eventJson(e));
    return { { "events", std::move(events) }, { "omitted", trail.omitted } };
}

std::string auditTrailJson(const AuditTrail& trail) { return auditTrailReport(trail).dump(); }

std::string describe(const AuditEvent& e, std::string_view characteristicLabel,
                     std::string_view language)
{
    const std::string date = text::formatIsoDate(e.date, language);
    if (e.action == AuditAction::Checked)
    {
        const char* how = e.via == kViaSave       ? "audit.via.save"
                          : e.via == kViaExport   ? "audit.via.export"
                          : e.via == kViaComments ? "audit.via.comments"
                          : e.via == kViaSections ? "audit.via.sections"
                                                  : "audit.via.check";
        std::string done = l10n::text(language, how);
        if (!e.who.empty())
            done = l10n::text(language, "audit.by", { { "how", done }, { "who", e.who } });
        return l10n::text(language, e.open == 1 ? "audit.checked.one" : "audit.checked",
                          { { "date", date },
                            { "score", std::to_string(e.score) },
                            { "open", std::to_string(e.open) },
                            { "dismissed", std::to_string(e.dismissed) },
                            { "how", done } });
    }
    std::string key = e.action == AuditAction::Dismissed ? "audit.dismissed" : "audit.restored";
    if (!e.who.empty())
        key += ".by";
    std::string line
        = l10n::text(language, key, { { "date", date }, { "who", e.who }, { "prompt", e.rule } });
    if (!characteristicLabel.empty())
        line += " (" + std::string(characteristicLabel) + ")";
    else if (!e.characteristic.empty())
        line += " (" + e.characteristic + ")";
    if (!e.reason.empty())
        line += ". " + l10n::text(language, "audit.reason", { { "reason", e.reason } });
    return line;
}
} // namespace dueregard::engine
