// What identifies a prompt across checks, and comparing two lists of prompts.

#include "engine/Findings.hpp"

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
