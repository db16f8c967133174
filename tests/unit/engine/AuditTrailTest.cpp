// The audit trail kept in a document: what each event records, which checks it leaves out, how
// it stays compact, the stored form, and that it never holds the document's text.

#include "engine/AuditTrail.hpp"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace dueregard::engine;

namespace
{
CheckResult resultWith(int score, std::size_t open, std::size_t dismissed)
{
    CheckResult r;
    r.score = score;
    r.findings.resize(open);
    for (std::size_t i = 0; i < dismissed; ++i)
        r.dismissed.push_back({ Finding{}, Dismissal{} });
    return r;
}

Dismissal aDismissal()
{
    return { "impact.not-stated", "age", "The library closes on Sundays for older readers", "Covered in section 4.", "5 December 2026" };
}
} // namespace

TEST(AuditTrailTest, ACheckRecordsTheScoreTheCountsWhoAndHow)
{
    const AuditEvent e = checkedEvent(resultWith(64, 12, 2), kViaSave, "Ann Jones", "2026-12-05");
    EXPECT_EQ(e.action, AuditAction::Checked);
    EXPECT_EQ(e.score, 64);
    EXPECT_EQ(e.open, 12u);
    EXPECT_EQ(e.dismissed, 2u);
    EXPECT_EQ(e.via, "save");
    EXPECT_EQ(describe(e), "5 December 2026: readiness 64/100, 12 prompts open, 2 dismissed (saved by Ann Jones)");
    EXPECT_EQ(describe(checkedEvent(resultWith(90, 1, 0), kViaExport, "", "2026-03-03")),
              "3 March 2026: readiness 90/100, 1 prompt open, 0 dismissed (report exported)");
}

TEST(AuditTrailTest, ADismissalRecordsThePromptAndReasonButNeverTheDocumentsText)
{
    const Dismissal d = aDismissal();
    const AuditEvent e = dismissedEvent(d, "Ann Jones", "2026-12-05");
    EXPECT_EQ(e.rule, "impact.not-stated");
    EXPECT_EQ(e.characteristic, "age");
    EXPECT_EQ(e.reason, "Covered in section 4.");
    EXPECT_EQ(describe(e, "Age"),
              "5 December 2026: prompt dismissed by Ann Jones: impact.not-stated (Age). Reason: Covered in section 4.");
    AuditTrail trail = withEvent({}, e);
    trail = withEvent(trail, restoredEvent(d, "", "Bo Li", "2026-12-06"));
    const std::string stored = auditTrailJson(trail);
    EXPECT_EQ(stored.find("library"), std::string::npos) << "the passage the prompt pointed at was recorded";
    EXPECT_EQ(describe(trail.events[1]), "6 December 2026: prompt restored by Bo Li: impact.not-stated (age)");
}

TEST(AuditTrailTest, EventsAreDescribedInWelsh)
{
    EXPECT_EQ(describe(checkedEvent(resultWith(64, 12, 2), kViaSave, "Ann Jones", "2026-12-05"), {},
                       "cy"),
              "5 Rhagfyr 2026: parodrwydd 64/100, 12 awgrym ar agor, 2 wedi'u diystyru (cadwyd gan "
              "Ann Jones)");
    const AuditEvent e = dismissedEvent(aDismissal(), "", "2026-12-05");
    EXPECT_EQ(describe(e, "Oedran", "cy"), "5 Rhagfyr 2026: diystyrwyd awgrym: impact.not-stated "
                                           "(Oedran). Rheswm: Covered in section 4.");
}

TEST(AuditTrailTest, ACheckThatTellsNothingNewIsLeftOut)
{
    AuditTrail trail = withEvent({}, checkedEvent(resultWith(60, 5, 0), kViaCheck, "Ann", "2026-12-05"));
    trail = withEvent(trail, checkedEvent(resultWith(60, 5, 0), kViaSave, "Ann", "2026-12-05"));
    EXPECT_EQ(trail.events.size(), 1u) << "the same person, day, score and counts";
    trail = withEvent(trail, checkedEvent(resultWith(60, 5, 0), kViaSave, "Ann", "2026-12-06"));
    EXPECT_EQ(trail.events.size(), 2u) << "another day";
    trail = withEvent(trail, checkedEvent(resultWith(60, 5, 0), kViaSave, "Bo", "2026-12-06"));
    EXPECT_EQ(trail.events.size(), 3u) << "another person";
    trail = withEvent(trail, checkedEvent(resultWith(70, 4, 0), kViaSave, "Bo", "2026-12-06"));
    EXPECT_EQ(trail.events.size(), 4u) << "another score";
    trail = withEvent(trail, dismissedEvent(aDismissal(), "Bo", "2026-12-06"));
    trail = withEvent(trail, checkedEvent(resultWith(70, 4, 0), kViaSave, "Bo", "2026-12-06"));
    EXPECT_EQ(trail.events.size(), 6u) << "a check after a dismissal is recorded";
}

TEST(AuditTrailTest, PastTheLimitTheOldestChecksGoFirstAndAreCounted)
{
    AuditTrail trail = withEvent({}, dismissedEvent(aDismissal(), "Ann", "2026-01-01"));
    for (int i = 0; i < static_cast<int>(kMostEvents) + 5; ++i)
        trail = withEvent(trail, checkedEvent(resultWith(i % 101, 3, 1), kViaSave, "Ann", "2026-02-01"));
    EXPECT_EQ(trail.events.size(), kMostEvents);
    EXPECT_EQ(trail.omitted, 6u);
    EXPECT_EQ(trail.events.front().action, AuditAction::Dismissed) << "a dismissal outlives older checks";
    EXPECT_EQ(trail.events.back().score, (static_cast<int>(kMostEvents) + 4) % 101);
    // Only dismissals: the oldest goes.
    AuditTrail dismissals;
    for (std::size_t i = 0; i < kMostEvents + 2; ++i)
        dismissals = withEvent(dismissals, dismissedEvent(aDismissal(), std::to_string(i), "2026-01-01"));
    EXPECT_EQ(dismissals.events.front().who, "2");
    EXPECT_EQ(dismissals.omitted, 2u);
}

TEST(AuditTrailTest, TheStoredFormReadsBackAndTheReportHasTheSameKeys)
{
    AuditTrail trail = withEvent({}, checkedEvent(resultWith(55, 7, 1), kViaComments, "Ann Jones", "2026-12-05"));
    trail = withEvent(trail, dismissedEvent(aDismissal(), "Ann Jones", "2026-12-05"));
    trail.omitted = 3;
    EXPECT_EQ(parseAuditTrail(auditTrailJson(trail)), trail);
    const nlohmann::json report = auditTrailReport(trail);
    EXPECT_EQ(report["omitted"], 3);
    const nlohmann::json& check = report["events"][0];
    for (const char* key : { "action", "date", "who", "via", "score", "open_prompts", "dismissed_prompts" })
        EXPECT_TRUE(check.contains(key)) << key;
    EXPECT_EQ(check["action"], "checked");
    const nlohmann::json& dismissal = report["events"][1];
    for (const char* key : { "action", "date", "who", "prompt", "characteristic", "reason" })
        EXPECT_TRUE(dismissal.contains(key)) << key;
    EXPECT_EQ(dismissal["action"], "dismissed");
}

TEST(AuditTrailTest, DamagedTextGivesWhatCanBeReadAndNoError)
{
    EXPECT_TRUE(parseAuditTrail("").events.empty());
    EXPECT_TRUE(parseAuditTrail("{not json").events.empty());
    EXPECT_TRUE(parseAuditTrail("[1,2]").events.empty());
    const AuditTrail partly = parseAuditTrail(
        R"({"events":[{"action":"checked","date":"2026-12-05","score":"high"},)"
        R"({"action":"exploded","date":"2026-12-05"},{"action":"dismissed","date":"2026-12-05"},)"
        R"({"action":"checked","date":"2026-12-05","who":"Ann","via":"save","score":250,"open_prompts":2}],"omitted":-4})");
    ASSERT_EQ(partly.events.size(), 1u);
    EXPECT_EQ(partly.events[0].score, 100);
    EXPECT_EQ(partly.events[0].open, 2u);
    EXPECT_EQ(partly.omitted, 0u);
}
