// Report: the JSON report's keys, which users' pipelines rely on (top level, the assessment, a
// characteristic and a finding), the text output's disclaimer, and a file that could not be
// checked reporting its error.

#include "../engine/ExampleDocument.hpp"

#include "report/Report.hpp"
#include "text/Unicode.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace dueregard;

namespace
{
report::FileReport checked(const std::vector<std::string>& lines)
{
    static engine::Engine engine;
    report::FileReport r;
    r.file = "/reports/libraries.odt";
    r.result = engine.check(test::exampleDocument(lines));
    r.facts = r.result.facts;
    return r;
}

const std::vector<std::string> kPaper = {
    "# Closing two branch libraries",
    "The council proposes to close the libraries in Northby and Eastwick to save money.",
    "Older people and disabled residents use the mobile library more than others.",
};

void expectKeys(const nlohmann::json& j, const std::vector<const char*>& keys, const std::string& what)
{
    ASSERT_TRUE(j.is_object()) << what;
    for (const char* key : keys)
        EXPECT_TRUE(j.contains(key)) << what << " lacks \"" << key << "\"";
}
} // namespace

TEST(ReportTest, TopLevelKeysArePresent)
{
    const nlohmann::json j = report::toJson(checked(kPaper));
    expectKeys(j, { "file", "kind", "jurisdiction", "score", "assessment", "findings", "dismissed", "facts", "audit_trail", "disclaimer" },
               "the report");
    EXPECT_FALSE(j.contains("error"));
    EXPECT_FALSE(j.contains("timings")); // only when timings were measured
    EXPECT_EQ(j.at("file"), "/reports/libraries.odt");
    EXPECT_TRUE(j.at("findings").is_array());
    EXPECT_TRUE(j.at("dismissed").is_array());
    EXPECT_EQ(j.at("disclaimer"), report::disclaimer("en-GB"));
}

TEST(ReportTest, TheAuditTrailIsReportedAndTheTextListsItsLatestEvents)
{
    report::FileReport r = checked(kPaper);
    EXPECT_EQ(report::toJson(r).at("audit_trail"), (nlohmann::json{ { "events", nlohmann::json::array() }, { "omitted", 0 } }));
    EXPECT_EQ(report::toText(r).find("Audit trail"), std::string::npos);
    for (int day = 1; day <= 12; ++day)
        r.auditTrail = engine::withEvent(r.auditTrail, engine::checkedEvent(r.result, engine::kViaSave, "Ann Jones",
                                                                            "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day)));
    const nlohmann::json trail = report::toJson(r).at("audit_trail");
    EXPECT_EQ(trail.at("events").size(), 12u);
    EXPECT_EQ(trail.at("events")[0].at("date"), "2026-11-01");
    const std::string text = report::toText(r);
    EXPECT_NE(text.find("Audit trail (12 events, the latest 10):"), std::string::npos) << text;
    EXPECT_NE(text.find("12 November 2026: readiness"), std::string::npos) << text;
    EXPECT_EQ(text.find(" 2 November 2026:"), std::string::npos) << "only the latest ten are listed";
}

TEST(ReportTest, FactsCountTheDocument)
{
    const nlohmann::json facts = report::toJson(checked(kPaper)).at("facts");
    expectKeys(facts, { "words", "characters", "paragraphs", "headings", "tables", "table_cells" }, "facts");
    EXPECT_EQ(facts.at("headings"), 1);
    EXPECT_EQ(facts.at("tables"), 0);
    EXPECT_GT(facts.at("words").get<int>(), 20);
}

TEST(ReportTest, AssessmentKeysArePresent)
{
    const nlohmann::json a = report::toJson(checked(kPaper)).at("assessment");
    expectKeys(a, { "characteristics", "intersectionality", "blanket_no_impact", "cumulative", "engagement",
                    "engagement_internal_only", "engagement_feedback", "mitigation", "mitigation_owned", "monitoring",
                    "aims", "decision_timing", "decision_maker", "sections" },
               "the assessment");
    expectKeys(a.at("aims"), { "eliminate_discrimination", "advance_equality", "foster_good_relations" }, "aims");
    EXPECT_TRUE(a.at("sections").is_array());
}

TEST(ReportTest, CharacteristicsAreKeyedByIdWithTheirKeys)
{
    const nlohmann::json characteristics = report::toJson(checked(kPaper)).at("assessment").at("characteristics");
    ASSERT_TRUE(characteristics.is_object());
    ASSERT_TRUE(characteristics.contains("age"));
    const nlohmann::json& age = characteristics.at("age");
    expectKeys(age, { "addressed", "evidence", "impact", "unsupported_no_impact", "mitigation", "listed_only", "label",
                      "extra_group" },
               "a characteristic");
    EXPECT_TRUE(age.at("addressed").get<bool>()); // "older people" is mentioned
    EXPECT_FALSE(age.at("extra_group").get<bool>());
    EXPECT_TRUE(age.at("impact").is_string());
}

TEST(ReportTest, FindingKeysArePresent)
{
    const nlohmann::json findings = report::toJson(checked(kPaper)).at("findings");
    ASSERT_FALSE(findings.empty()) << "a two-paragraph paper with no analysis should prompt something";
    for (const nlohmann::json& f : findings)
    {
        expectKeys(f, { "id", "severity", "area", "characteristic", "block", "start", "end", "excerpt", "message",
                        "questions", "basis" },
                   "a finding");
        EXPECT_TRUE(f.at("questions").is_array());
        EXPECT_TRUE(f.at("characteristic").is_null() || f.at("characteristic").is_string());
    }
}

TEST(ReportTest, TimingsAppearWhenMeasured)
{
    report::FileReport r = checked(kPaper);
    r.timings = report::Timings{ 1.5, 2.5, 3.5 };
    const nlohmann::json j = report::toJson(r);
    expectKeys(j.at("timings"), { "load_ms", "extract_ms", "check_ms" }, "timings");
    EXPECT_DOUBLE_EQ(j.at("timings").at("check_ms").get<double>(), 3.5);
}

TEST(ReportTest, FileThatCouldNotBeCheckedReportsItsError)
{
    report::FileReport r;
    r.file = "/reports/broken.docx";
    r.error = "the file could not be opened";
    const nlohmann::json j = report::toJson(r);
    EXPECT_EQ(j.at("file"), "/reports/broken.docx");
    EXPECT_EQ(j.at("error"), "the file could not be opened");
    EXPECT_FALSE(j.contains("findings"));
    EXPECT_FALSE(j.contains("score"));
    const std::string text = report::toText(r);
    EXPECT_NE(text.find("/reports/broken.docx"), std::string::npos);
    EXPECT_NE(text.find("error: the file could not be opened"), std::string::npos);
}

TEST(ReportTest, TextSaysPromptsAreNotLegalVerdicts)
{
    const report::FileReport r = checked(kPaper);
    const std::string text = report::toText(r);
    EXPECT_NE(text.find(report::disclaimer("en-GB")), std::string::npos);
    EXPECT_NE(std::string(report::disclaimer("en-GB")).find("not legal advice"), std::string::npos);
    EXPECT_NE(text.find("Prompts (" + std::to_string(r.result.findings.size()) + ")"), std::string::npos);
    EXPECT_NE(text.find("/reports/libraries.odt"), std::string::npos);
}

TEST(ReportTest, DumpJsonReplacesBytesThatAreNotUtf8)
{
    const std::string dumped = report::dumpJson(nlohmann::json{ { "file", std::string("/tmp/bad\xFFname.odt") } });
    EXPECT_NE(dumped.find("\xEF\xBF\xBD"), std::string::npos);
    const nlohmann::json back = nlohmann::json::parse(dumped);
    EXPECT_EQ(back.at("file").get<std::string>().find("/tmp/bad"), 0U);
}

TEST(ReportTest, TextShortensALongPassageWithoutBreakingACharacter)
{
    report::FileReport r;
    r.file = "/reports/cafe.odt";
    engine::Finding f;
    f.id = "impact.not-stated";
    f.severity = "warning";
    f.message = "The impact is not stated.";
    f.excerpt = std::string(59, 'x') + "\xC3\xA9" + " and more words after the accent";
    r.result.findings = { f };
    const std::string text = report::toText(r);
    const std::size_t at = text.find(std::string(59, 'x'));
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(text.substr(at + 59, 3), "...");                   // the "é" would not fit whole
    EXPECT_EQ(text::toUtf8(text::fromUtf8(text)), text);         // still valid UTF-8
}

TEST(ReportTest, TheReportSaysTheLanguageOfThePrompts)
{
    const report::FileReport english
        = checked({ "# Equality impact assessment", "We will monitor it." });
    EXPECT_EQ(report::toJson(english).at("language"), "en-GB");
    EXPECT_NE(report::toText(english).find("Prompts written in English (UK) (en-GB)"),
              std::string::npos);
    static engine::Engine welsh("cy");
    report::FileReport cy = english;
    cy.result = welsh.check(
        test::exampleDocument({ "# Equality impact assessment", "We will monitor it." }));
    const nlohmann::json j = report::toJson(cy);
    EXPECT_EQ(j.at("language"), "cy");
    // The same keys as in English: a key is added, none renamed.
    const nlohmann::json en = report::toJson(english);
    for (auto it = en.begin(); it != en.end(); ++it)
        EXPECT_TRUE(j.contains(it.key())) << it.key();
    // The text report is worded in the language of its prompts; the JSON's keys stay as they are.
    const std::string text = report::toText(cy);
    EXPECT_NE(text.find("Iaith yr awgrymiadau: Cymraeg (cy)"), std::string::npos) << text;
    EXPECT_NE(text.find("  Nodweddion:\n"), std::string::npos) << text;
    EXPECT_NE(text.find(report::disclaimer("cy")), std::string::npos);
    EXPECT_EQ(text.find("Characteristics:"), std::string::npos);
    EXPECT_EQ(j.at("disclaimer"), report::disclaimer("cy"));
    EXPECT_NE(report::disclaimer("cy"), report::disclaimer("en-GB"));
    EXPECT_NE(j.at("findings").at(0).at("message"), en.at("findings").at(0).at("message"));
}
