// Dismissed prompts: which a dismissal sets aside, restoring one, and the stored form.

#include "engine/Dismissals.hpp"

#include <gtest/gtest.h>

using namespace dueregard::engine;

TEST(DismissalsTest, RestoringAPromptForgetsEveryDismissalOfItAndNoOther)
{
    const std::vector<Dismissal> stored = {
        { "impact.not-stated", "age", "Older residents", "Covered in section 4.", "3 March 2026" },
        { "impact.not-stated", "sex", "Older residents", "Not relevant.", "3 March 2026" },
        { "impact.not-stated", "age", "Older residents", "Said again later.", "4 March 2026" },
        { "impact.not-stated", "age", "Older people", "Another passage.", "4 March 2026" },
    };
    const Dismissal gone{ "impact.not-stated", "age", "Older residents", "any reason", "any date" };
    const std::vector<Dismissal> left = restored(stored, gone);
    ASSERT_EQ(left.size(), 2u);
    EXPECT_EQ(left[0].characteristic, "sex");
    EXPECT_EQ(left[1].excerpt, "Older people");
    EXPECT_EQ(restored(left, gone).size(), 2u); // nothing else to restore
}

TEST(DismissalsTest, AFindingsDismissalMatchesItAndSurvivesStorage)
{
    Finding f;
    f.id = "evidence.characteristic-no-evidence";
    f.characteristic = "race";
    f.excerpt = "Most tenants";
    const Dismissal d = dismissalFor(f, "The census table is in annex B.", "5 December 2026");
    EXPECT_TRUE(matches(d, f));
    Finding moved = f;
    moved.location.block = 12;
    EXPECT_TRUE(matches(d, moved));
    moved.excerpt = "Some tenants";
    EXPECT_FALSE(matches(d, moved));
    const std::vector<Dismissal> back = parseDismissals(dismissalsJson({ d }));
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].reason, d.reason);
    EXPECT_EQ(back[0].date, "5 December 2026");
    EXPECT_TRUE(matches(back[0], f));
}
