#include "l10n/Locale.hpp"

#include <gtest/gtest.h>

#include <map>

namespace dueregard::l10n
{
namespace
{
TEST(LocaleTest, APosixLocaleNamesTheLanguage)
{
    EXPECT_EQ(languageOfLocale("cy_GB.UTF-8"), "cy");
    EXPECT_EQ(languageOfLocale("cy_GB.UTF-8@euro"), "cy");
    EXPECT_EQ(languageOfLocale("cy"), "cy");
    EXPECT_EQ(languageOfLocale("en_GB.UTF-8"), "en-GB");
    EXPECT_EQ(languageOfLocale("fr_FR.UTF-8"), "en-GB");
    EXPECT_EQ(languageOfLocale("C.UTF-8"), "en-GB");
    EXPECT_EQ(languageOfLocale("POSIX"), "en-GB");
    EXPECT_EQ(languageOfLocale(""), "en-GB");
}

TEST(LocaleTest, TheFirstVariableSetWinsAsInPosix)
{
    std::map<std::string, std::string> env{ { "LANG", "en_GB.UTF-8" },
                                            { "LC_MESSAGES", "cy_GB.UTF-8" } };
    const auto read = [&](const char* name) -> std::optional<std::string>
    {
        const auto found = env.find(name);
        return found == env.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
    EXPECT_EQ(environmentLanguage(read), "cy");
    env["LC_ALL"] = "C";
    EXPECT_EQ(environmentLanguage(read), "en-GB");
    env.erase("LC_ALL");
    env["LC_MESSAGES"] = ""; // set but empty: the next one is read
    EXPECT_EQ(environmentLanguage(read), "en-GB");
    env.clear();
    EXPECT_EQ(environmentLanguage(read), "en-GB");
}
} // namespace
} // namespace dueregard::l10n
