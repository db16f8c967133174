// What identifies a prompt across checks, and comparing two lists of prompts.

#include "engine/Engine.hpp"
#include "engine/Findings.hpp"

#include <algorithm>

#include <gtest/gtest.h>

using namespace dueregard::engine;

namespace
{
Finding prompt(std::string id, std::string characteristic, std::string excerpt, int block)
{
    Finding f;
    f.id = std::move(id);
    f.characteristic = std::move(characteristic);
    f.excerpt = std::move(excerpt);
    f.location.block = block;
    return f;
}
} // namespace

TEST(FindingsTest, APromptIsItsRuleCharacteristicAndWordsNotItsPlace)
{
    const Finding a = prompt("impact.not-stated", "age", "Older residents", 3);
    EXPECT_TRUE(samePrompt(a, prompt("impact.not-stated", "age", "Older residents", 7))); // moved by an edit above
    EXPECT_FALSE(samePrompt(a, prompt("impact.not-stated", "sex", "Older residents", 3)));
    EXPECT_FALSE(samePrompt(a, prompt("evidence.characteristic-no-evidence", "age", "Older residents", 3)));
    EXPECT_FALSE(samePrompt(a, prompt("impact.not-stated", "age", "Older people", 3)));
}

TEST(FindingsTest, OnlyInKeepsOrderAndLeavesOutWhatTheOtherHas)
{
    const std::vector<Finding> accepted = { prompt("monitoring.missing", "", "", -1), prompt("impact.not-stated", "age", "x", 2),
                                            prompt("engagement.missing", "", "", -1) };
    const std::vector<Finding> rejected = { prompt("impact.not-stated", "age", "x", 4) };
    const std::vector<Finding> gone = onlyIn(accepted, rejected);
    ASSERT_EQ(gone.size(), 2u);
    EXPECT_EQ(gone[0].id, "monitoring.missing");
    EXPECT_EQ(gone[1].id, "engagement.missing");
    EXPECT_TRUE(onlyIn(rejected, accepted).empty());
}

TEST(FindingsTest, SectionsToProposeAreThoseAskedForOnceInTheOrderOfAnAssessment)
{
    static const Engine engine;
    const Templates& templates = engine.templates();
    std::vector<Finding> findings = { prompt("monitoring.missing", "", "", -1), prompt("impact.not-stated", "age", "x", 2),
                                      prompt("engagement.missing", "", "", -1), prompt("evidence.characteristic-no-evidence", "age", "y", 3),
                                      prompt("aims.boilerplate-only", "", "", -1) };
    findings[0].insert = "monitoring";
    findings[1].insert = "impact-age";
    findings[2].insert = "engagement";
    findings[3].insert = "impact-age";
    const std::vector<std::string> wanted = sectionsToPropose(findings, templates);
    ASSERT_EQ(wanted.size(), 3u);
    EXPECT_LT(templates.order(wanted[0]), templates.order(wanted[1]));
    EXPECT_LT(templates.order(wanted[1]), templates.order(wanted[2]));
    EXPECT_EQ(std::count(wanted.begin(), wanted.end(), "impact-age"), 1);
    EXPECT_EQ(wanted.back(), "monitoring"); // monitoring comes after the impacts and the engagement
    EXPECT_TRUE(sectionsToPropose({ findings[4] }, templates).empty());
}
