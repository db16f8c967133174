// Settings to a check's options: the same for Writer and the command line.

#include "engine/CheckSettings.hpp"

#include <gtest/gtest.h>

using namespace dueregard::engine;

TEST(CheckSettingsTest, TheJurisdictionChosenWinsUnlessADepartmentLockedItsDefault)
{
    CheckSettings s;
    EXPECT_FALSE(checkOptions(s).assess.jurisdiction); // read from the document
    EXPECT_EQ(checkOptions(s, "scotland").assess.jurisdiction, "scotland");
    s.defaultJurisdiction = "wales";
    EXPECT_EQ(checkOptions(s).assess.jurisdiction, "wales");
    EXPECT_EQ(checkOptions(s, "ni").assess.jurisdiction, "ni");
    s.jurisdictionLocked = true;
    EXPECT_EQ(checkOptions(s, "ni").assess.jurisdiction, "wales");
    // A lock with no default locks nothing.
    s.defaultJurisdiction.clear();
    EXPECT_EQ(checkOptions(s, "ni").assess.jurisdiction, "ni");
    EXPECT_FALSE(checkOptions(s).assess.jurisdiction);
}

TEST(CheckSettingsTest, ListsAndDismissalsCarryOver)
{
    CheckSettings s;
    s.extraGroups = { "carers", "care-leavers" };
    s.disabledRules = { "mitigation.vague", "monitoring.missing", "mitigation.vague" };
    s.requiredSections = { "local-priorities" };
    const CheckOptions o = checkOptions(s, {}, { Dismissal{ "monitoring.missing", "", "", "Covered by the annex.", "3 March 2026" } });
    EXPECT_EQ(o.assess.extraGroups, s.extraGroups);
    EXPECT_EQ(o.disabledRules, (std::set<std::string>{ "mitigation.vague", "monitoring.missing" }));
    EXPECT_EQ(o.requiredSections, s.requiredSections);
    ASSERT_EQ(o.dismissals.size(), 1u);
    EXPECT_EQ(o.dismissals[0].reason, "Covered by the annex.");
    EXPECT_FALSE(o.assess.kind);
}
