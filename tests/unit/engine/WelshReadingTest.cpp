// A Welsh assessment is read as its English twin is, and a bilingual one (each paragraph followed
// by its translation, and table rows with the languages side by side) as either alone: the same
// per-characteristic fields, the same document facts, the same prompts, neither counted twice nor
// missed. The fixtures (tests/fixtures/welsh/) are fictional and written for Due Regard.

#include "ExampleDocument.hpp"

#include "engine/Engine.hpp"
#include "report/Report.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace dueregard;
using test::exampleDocument;

namespace
{
std::vector<std::string> fixture(const std::string& name)
{
    std::ifstream in(std::string(DUEREGARD_SOURCE_DIR) + "/tests/fixtures/welsh/" + name);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

engine::CheckResult check(const std::string& name)
{
    engine::Engine e;
    const std::vector<std::string> lines = fixture(name);
    EXPECT_FALSE(lines.empty()) << name;
    return e.check(exampleDocument(lines));
}

// What is compared: the report's assessment (but for the sections' titles and places), the
// sections recognised, the kind and jurisdiction, and the prompts as (rule, characteristic),
// each as many times as it fires.
nlohmann::json reading(const engine::CheckResult& r)
{
    nlohmann::json j = report::assessmentJson(r.assessment);
    nlohmann::json sections = nlohmann::json::array();
    for (const engine::SectionState& s : r.assessment.sections)
        sections.push_back(s.id);
    j["sections"] = sections;
    j["kind"] = r.assessment.kind;
    j["jurisdiction"] = r.assessment.jurisdiction;
    std::vector<std::string> findings;
    for (const engine::Finding& f : r.findings)
        findings.push_back(f.id + (f.characteristic.empty() ? "" : "/" + f.characteristic));
    std::sort(findings.begin(), findings.end());
    j["findings"] = findings;
    j["score"] = r.score;
    return j;
}

// The fields of `a` that `b` gives differently, one a line, for a readable failure.
std::string differences(const nlohmann::json& a, const nlohmann::json& b)
{
    std::string out;
    const nlohmann::json patch = nlohmann::json::diff(a, b);
    for (const auto& op : patch)
    {
        const std::string path = op.at("path").get<std::string>();
        out += path + ": " + a.value(nlohmann::json::json_pointer(path), nlohmann::json()).dump()
               + " -> " + (op.contains("value") ? op.at("value").dump() : std::string("(none)"))
               + "\n";
    }
    return out;
}
} // namespace

TEST(WelshReadingTest, TheEnglishTwinIsReadAsExpected)
{
    // The baseline the Welsh text must match is itself a sensible reading.
    const engine::CheckResult r = check("leisure-hours.en.txt");
    EXPECT_EQ(r.assessment.kind, "eia");
    EXPECT_EQ(r.assessment.jurisdiction, "wales");
    for (const engine::CharacteristicResult& c : r.assessment.characteristics)
    {
        // Only claimed ("There is no impact"), or only a gap in the data: not analysis.
        if (!c.extra && c.id != "religion_belief" && c.id != "gender_reassignment")
        {
            EXPECT_TRUE(c.addressed) << c.id;
        }
    }
    EXPECT_TRUE(r.assessment.engagement);
    EXPECT_TRUE(r.assessment.monitoring);
    EXPECT_TRUE(r.assessment.mitigationOwned);
    EXPECT_EQ(r.assessment.vagueMitigation.size(), 2U);
}

TEST(WelshReadingTest, WelshIsReadAsItsEnglishTwin)
{
    const nlohmann::json english = reading(check("leisure-hours.en.txt"));
    const nlohmann::json welsh = reading(check("leisure-hours.cy.txt"));
    EXPECT_EQ(english, welsh) << differences(english, welsh);
}

TEST(WelshReadingTest, BilingualIsReadOnceNeitherDoubledNorMissed)
{
    const engine::CheckResult english = check("leisure-hours.en.txt");
    const engine::CheckResult both = check("leisure-hours.bilingual.txt");
    nlohmann::json a = reading(english), b = reading(both);
    // A bilingual heading ("Tystiolaeth / Evidence") names the same sections.
    EXPECT_EQ(a, b) << differences(a, b);
    // The prompts that point at a passage point at one of the two languages, not both.
    EXPECT_EQ(both.assessment.vagueMitigation.size(), english.assessment.vagueMitigation.size());
    EXPECT_EQ(both.assessment.dataGapsWithoutPlan.size(),
              english.assessment.dataGapsWithoutPlan.size());
    EXPECT_EQ(both.assessment.equalTreatment.size(), english.assessment.equalTreatment.size());
}

TEST(WelshReadingTest, AWelshOnlyPassageIsNotDroppedAsATranslation)
{
    // Two Welsh paragraphs with the same prompt are two places, not a passage and its translation.
    engine::Engine e;
    const engine::CheckResult r = e.check(
        exampleDocument({ "# Asesiad Effaith ar Gydraddoldeb",
                          "Bydd cymorth yn cael ei gynnig lle bo modd i bobl hŷn.",
                          "Bydd y gwasanaeth yn cael ei addasu lle bo modd i bobl anabl." }));
    EXPECT_EQ(r.assessment.vagueMitigation.size(), 2U);
}

TEST(WelshReadingTest, TheTranslationOfAnotherPassageIsKept)
{
    // An English paragraph after a Welsh one says the same only where they share the prompt.
    engine::Engine e;
    const engine::CheckResult r = e.check(exampleDocument(
        { "# Equality Impact Assessment", "Bydd cymorth yn cael ei gynnig lle bo modd i bobl hŷn.",
          "Support for older people will be offered where possible.",
          "Staff will be told of it where appropriate." }));
    EXPECT_EQ(r.assessment.vagueMitigation.size(), 2U); // the Welsh one and the staff's
}
