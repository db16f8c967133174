#pragma once
// The audit trail: what was considered and when, kept in the document itself (as JSON in a
// document property, beside the dismissals) so that it travels to reviewers and survives .odt and
// .docx saves. Reviewers, and in a judicial review the court, ask when the equality duty was
// looked at and what was set aside; the trail answers with dates, readiness scores, prompt ids
// and the reasons people gave. It never records the document's own text: no excerpt, no heading,
// no message that could quote it.
//
// Each event is one of three:
// - checked: the readiness when someone checked (Check, Export report, Add prompts as comments,
//   Propose sections) or saved the document, with how many prompts were open and dismissed;
// - dismissed: a prompt set aside, with the reason given;
// - restored: a dismissed prompt brought back.
// A check that tells nothing new (the same day, person, score and counts as the latest check)
// is not added, so saving often keeps the trail short; past kMostEvents the oldest checks go
// first (dismissals and restorations are kept longest), and the trail counts what it let go.

#include "engine/Dismissals.hpp"
#include "engine/Engine.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dueregard::engine
{
enum class AuditAction
{
    Checked,
    Dismissed,
    Restored,
};

struct AuditEvent
{
    AuditAction action = AuditAction::Checked;
    std::string date; // ISO 8601, "2026-12-05"
    std::string who;  // the person's name as LibreOffice knows it; empty when not known or not kept
    // checked
    std::string via; // "check", "export", "comments", "sections" or "save"
    int score = 0;
    std::size_t open = 0, dismissed = 0;
    // dismissed and restored
    std::string rule, characteristic, reason;

    bool operator==(const AuditEvent&) const = default;
};

struct AuditTrail
{
    std::vector<AuditEvent> events; // oldest first
    std::size_t omitted = 0;        // earlier events let go to keep the trail compact

    bool operator==(const AuditTrail&) const = default;
};

inline constexpr std::size_t kMostEvents = 400;

// The ways a check is asked for, as "via" records them.
inline constexpr std::string_view kViaCheck = "check", kViaExport = "export", kViaComments = "comments",
                                  kViaSections = "sections", kViaSave = "save";

AuditEvent checkedEvent(const CheckResult& result, std::string_view via, std::string who, std::string date);
AuditEvent dismissedEvent(const Dismissal& dismissal, std::string who, std::string date);
AuditEvent restoredEvent(const Dismissal& dismissal, std::string reason, std::string who, std::string date);

// withEvent is the trail with one more event: a check that tells nothing new is left out, and
// past kMostEvents the oldest checks (then the oldest of any kind) are let go and counted.
AuditTrail withEvent(AuditTrail trail, AuditEvent event);

// parseAuditTrail reads the stored JSON. Text that is not valid (damaged by hand, say) gives an
// empty trail rather than an error, and an event it cannot read is skipped.
AuditTrail parseAuditTrail(const std::string& json);
// auditTrailJson is the stored form, and auditTrailReport the report's "audit_trail" object;
// both are {"events": [...], "omitted": N} with the same event keys.
std::string auditTrailJson(const AuditTrail& trail);
nlohmann::json auditTrailReport(const AuditTrail& trail);

// describe says an event in a line for people, in `language` (l10n audit.*): "5 December 2026:
// readiness 64/100, 12 prompts open, 2 dismissed (saved by Ann Jones)". `label` names a
// characteristic from its id.
std::string describe(const AuditEvent& event, std::string_view characteristicLabel = {},
                     std::string_view language = "en-GB");
} // namespace dueregard::engine
