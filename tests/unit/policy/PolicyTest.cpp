#include "engine/Engine.hpp"
#include "policy/Policy.hpp"
#include "policy/Zip.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace dueregard;
using namespace dueregard::policy;

namespace
{
const std::map<std::string, std::string> kFiles = {
    { "rules.json", R"({"rules": [{"id": "aims.boilerplate-only", "enabled": false}]})" },
    { "templates.json", R"({"sections": [{"id": "local-priorities", "title": "Council Plan priorities", "order": 9.5,
                              "content": [{"text": "Priority: [[priority|Which priority?]]"}]}]})" },
    { "glossary.json", R"({"language": "en-GB", "terms": [{"id": "council-plan", "term": "Council Plan",
                            "definition": "The Council's priorities for 2025 to 2029.", "source": "Council Plan", "variants": [], "see_also": []}]})" },
};

std::optional<std::string> readFixture(const std::string& path)
{
    const auto it = kFiles.find(path);
    return it == kFiles.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string errorOf(const std::string& json)
{
    try
    {
        readPolicy(json, "policy.json", readFixture);
    }
    catch (const engine::RuleDataError& e)
    {
        return e.what();
    }
    return "no error";
}

const std::string kGood = R"({"id": "example-council", "organisation": "Example & Co Council", "version": "2026.2",
    "settings": {"default_jurisdiction": "wales", "disabled_rules": ["mitigation.vague", "monitoring.missing"],
                 "severity": {"engagement.missing": "warning"}, "required_sections": ["local-priorities"],
                 "auto_check": false, "check_delay_ms": 800, "extra_groups": ["carers"]},
    "locked": ["organisation", "disabled_rules"],
    "rules": "rules.json", "templates": "templates.json", "glossary": "glossary.json"})";
} // namespace

TEST(PolicyTest, ReadsSettingsLocksAndLayers)
{
    const Policy p = readPolicy(kGood, "policy.json", readFixture);
    EXPECT_EQ(p.id, "example-council");
    EXPECT_EQ(p.values.at("disabled_rules"), "mitigation.vague;monitoring.missing");
    EXPECT_EQ(p.values.at("severity"), "engagement.missing=warning");
    EXPECT_EQ(p.values.at("auto_check"), "false");
    EXPECT_EQ(p.values.at("check_delay_ms"), "800");
    EXPECT_EQ(p.locked, (std::vector<std::string>{ "organisation", "disabled_rules" }));
    EXPECT_EQ(p.rulesJson, kFiles.at("rules.json"));
}

TEST(PolicyTest, AppliedAsItsUsersWriterAppliesIt)
{
    const AppliedPolicy a = applyPolicy(readPolicy(kGood, "policy.json", readFixture));
    EXPECT_EQ(a.settings.defaultJurisdiction, "wales");
    EXPECT_FALSE(a.settings.jurisdictionLocked);
    EXPECT_EQ(a.settings.disabledRules, (std::vector<std::string>{ "mitigation.vague", "monitoring.missing" }));
    EXPECT_EQ(a.settings.extraGroups, (std::vector<std::string>{ "carers" }));
    EXPECT_EQ(a.settings.requiredSections, (std::vector<std::string>{ "local-priorities" }));
    ASSERT_NE(a.pack.find("engagement.missing"), nullptr);
    EXPECT_EQ(a.pack.find("engagement.missing")->severity, "warning");
    EXPECT_EQ(a.pack.find("aims.boilerplate-only"), nullptr); // switched off by its rules
    EXPECT_TRUE(engine::Engine(a.lexicon, a.pack, a.templates).templates().has("local-priorities"));

    std::string locked = kGood;
    locked.replace(locked.find(R"("locked": ["organisation")"), 11, R"("locked": ["default_jurisdiction", )");
    EXPECT_TRUE(applyPolicy(readPolicy(locked, "policy.json", readFixture)).settings.jurisdictionLocked);
}

TEST(PolicyTest, PackageLocksWhatThePolicyLocks)
{
    const auto files = policyPackageFiles(readPolicy(kGood, "policy.json", readFixture), "org.dueregard.writer");
    std::map<std::string, std::string> byName(files.begin(), files.end());
    ASSERT_TRUE(byName.count("META-INF/manifest.xml") && byName.count("description.xml") && byName.count("Policy.xcu"));
    const std::string& xcu = byName["Policy.xcu"];
    EXPECT_NE(xcu.find("oor:package=\"org.dueregard.writer\" oor:name=\"Settings\""), std::string::npos);
    EXPECT_NE(xcu.find("<prop oor:name=\"DisabledRules\" oor:finalized=\"true\"><value oor:separator=\";\">mitigation.vague;monitoring.missing</value>"),
              std::string::npos);
    EXPECT_NE(xcu.find("<prop oor:name=\"OrganisationName\" oor:finalized=\"true\"><value>Example &amp; Co Council</value>"), std::string::npos);
    EXPECT_NE(xcu.find("<prop oor:name=\"AutoCheck\"><value>false</value>"), std::string::npos); // not locked
    EXPECT_NE(xcu.find("<prop oor:name=\"RulePack\" oor:finalized=\"true\"><value>%origin%/policy/rules.json</value>"), std::string::npos);
    EXPECT_EQ(byName["policy/templates.json"], kFiles.at("templates.json"));
    EXPECT_NE(byName["description.xml"].find("<identifier value=\"org.dueregard.policy.example-council\"/>"), std::string::npos);
    EXPECT_NE(byName["META-INF/manifest.xml"].find("manifest:full-path=\"Policy.xcu\""), std::string::npos);
}

TEST(PolicyTest, APolicyCanNameItsOwnUpdateFeed)
{
    std::string withFeed = kGood;
    withFeed.replace(withFeed.find(R"("version": "2026.2",)"), 20,
                     R"("version": "2026.2", "update_feed": "https://intranet.example.gov.uk/equality/policy.update.xml",)");
    const Policy p = readPolicy(withFeed, "policy.json", readFixture);
    const auto files = policyPackageFiles(p, "org.dueregard.writer");
    std::map<std::string, std::string> byName(files.begin(), files.end());
    EXPECT_NE(byName["description.xml"].find(
                  "<update-information><src xlink:href=\"https://intranet.example.gov.uk/equality/policy.update.xml\"/>"),
              std::string::npos);
    const std::string feed = policyUpdateFeed(p, "example-2026.2.oxt");
    EXPECT_NE(feed.find("xmlns=\"http://openoffice.org/extensions/update/2006\""), std::string::npos);
    EXPECT_NE(feed.find("<identifier value=\"org.dueregard.policy.example-council\"/>"), std::string::npos);
    EXPECT_NE(feed.find("<version value=\"2026.2\"/>"), std::string::npos);
    EXPECT_NE(feed.find("xlink:href=\"https://intranet.example.gov.uk/equality/example-2026.2.oxt\""), std::string::npos);
    // Without one: no update information, no feed.
    const Policy plain = readPolicy(kGood, "policy.json", readFixture);
    const auto plainFiles = policyPackageFiles(plain, "org.dueregard.writer");
    const std::map<std::string, std::string> plainByName(plainFiles.begin(), plainFiles.end());
    ASSERT_EQ(plainByName.count("description.xml"), 1u);
    EXPECT_EQ(plainByName.at("description.xml").find("update-information"), std::string::npos);
    EXPECT_TRUE(policyUpdateFeed(plain, "x.oxt").empty());
    EXPECT_NE(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "update_feed": "intranet/policy.xml"})"),
              "no error");
}

TEST(PolicyTest, MistakesNameTheField)
{
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "settings": {"colour": "red"}})").rfind("policy.json: /settings", 0), 0u);
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "settings": {"disabled_rules": ["no.such-rule"]}})"),
              "policy.json: /settings/disabled_rules/0: there is no rule 'no.such-rule'");
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "settings": {"required_sections": ["local-priorities"]}})"),
              "policy.json: /settings/required_sections/0: there is no section 'local-priorities' (see the README for section ids)");
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "settings": {"extra_groups": ["pets"]}})"),
              "policy.json: /settings/extra_groups/0: there is no extra group 'pets'");
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "settings": {"severity": {"nope.nope": "error"}}})"),
              "policy.json: /settings/severity/nope.nope: there is no rule 'nope.nope'");
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "locked": ["reviewer_name"]})"),
              "policy.json: /locked/0: 'reviewer_name' is locked but the policy gives it no value under settings");
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "rules": "../../etc/rules.json"})"),
              "policy.json: /rules: '../../etc/rules.json' must be a path inside the policy's folder, such as rules.json");
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "rules": "/etc/rules.json"})"),
              "policy.json: /rules: '/etc/rules.json' must be a path inside the policy's folder, such as rules.json");
    EXPECT_EQ(errorOf(R"({"id": "x1", "organisation": "Org", "version": "1", "rules": "missing.json"})"),
              "policy.json: /rules: cannot read 'missing.json' beside the policy file");
    EXPECT_EQ(errorOf(R"({"id": "X!", "organisation": "Org", "version": "1"})").rfind("policy.json: /id", 0), 0u);
    EXPECT_EQ(errorOf(R"({"organisation": "Org", "version": "1"})").rfind("policy.json", 0), 0u);
}

TEST(PolicyTest, ZipArchiveIsWellFormed)
{
    const std::string zip = zipArchive({ { "a.txt", "hello" }, { "dir/b.txt", "" } });
    EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
    // The CRC-32 of "hello" is 0x3610a686, stored little-endian at offset 14.
    EXPECT_EQ(zip.substr(14, 4), std::string("\x86\xa6\x10\x36", 4));
    // The end record says two entries.
    const auto end = zip.rfind(std::string("PK\x05\x06", 4));
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(static_cast<unsigned char>(zip[end + 10]), 2);
    EXPECT_EQ(zipArchive({ { "a.txt", "hello" }, { "dir/b.txt", "" } }), zip); // reproducible
}
