#include "l10n/Messages.hpp"

#include "engine/Jurisdictions.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace dueregard::l10n
{
namespace
{
// Which language a tag asks for is the engine's decision (LanguageTest); the interface falls back.
TEST(MessagesTest, AnyTagIsServedByALanguageWeHave)
{
    EXPECT_EQ(supportedLanguage("cy-GB"), "cy");
    EXPECT_EQ(supportedLanguage("fr"), "en-GB");
    EXPECT_EQ(languages(), (std::vector<std::string>{ "en-GB", "cy" }));
}

TEST(MessagesTest, PlaceholdersAreFilledInEitherLanguage)
{
    const Arguments counts{ { "errors", "2" }, { "warnings", "5" }, { "advice", "1" } };
    EXPECT_EQ(text("en-GB", "readiness.counts", counts), "2 errors, 5 warnings, 1 advice");
    EXPECT_EQ(text("cy", "readiness.counts", counts), "2 gwall, 5 rhybudd, 1 cyngor");
    // A placeholder without an argument stays visible rather than vanishing.
    EXPECT_EQ(text("en-GB", "readiness.words"), "Words: {count}");
}

TEST(MessagesTest, AnotherLanguageFallsBackToBritishEnglishAndAnUnknownKeyShowsItself)
{
    EXPECT_EQ(text("fr-FR", "readiness.check_now"), "Check now");
    EXPECT_EQ(text("cy", "readiness.check_now"), "Gwirio nawr");
    EXPECT_EQ(text("cy", "no.such.key"), "no.such.key");
}

TEST(MessagesTest, WelshHasEveryMessageAndNoOtherWithTheSamePlaceholders)
{
    const std::vector<std::string> english = keys("en-GB");
    const std::vector<std::string> welsh = keys("cy");
    ASSERT_FALSE(english.empty());
    EXPECT_EQ(english, welsh) << "l10n/cy.json must have exactly the keys of l10n/en-GB.json";
    for (const std::string& key : english)
    {
        EXPECT_EQ(placeholders("en-GB", key), placeholders("cy", key)) << key;
        EXPECT_NE(text("cy", key), "") << key;
    }
}

TEST(MessagesTest, NationNamesInEnglishAreTheEnginesOwn)
{
    for (const auto& nation : engine::jurisdictions())
    {
        const std::string key = "jurisdiction." + std::string(nation.id);
        ASSERT_TRUE(has("en-GB", key)) << key;
        EXPECT_EQ(text("en-GB", key), nation.name);
        EXPECT_NE(text("cy", key), nation.name) << key << " is not in Welsh";
    }
}
} // namespace
} // namespace dueregard::l10n
