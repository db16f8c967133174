// The jurisdictions, once: the lexicon's profiles, their names, and the choice lists built on them.

#include "engine/Jurisdictions.hpp"
#include "engine/RulePack.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace dueregard::engine;

TEST(JurisdictionsTest, AreTheLexiconsProfilesInTheOrderUsersSee)
{
    std::set<std::string> ids;
    for (const Jurisdiction& j : jurisdictions())
        ids.insert(std::string(j.id));
    std::set<std::string> lexicon;
    for (const auto& [id, profile] : builtinLexicon().jurisdictions)
        lexicon.insert(id);
    EXPECT_EQ(ids, lexicon);
    EXPECT_EQ(jurisdictions().front().id, "england");
    EXPECT_EQ(jurisdictionName("ni"), "Northern Ireland");
    EXPECT_EQ(jurisdictionName("atlantis"), "England");
    EXPECT_TRUE(isJurisdiction("wales"));
    EXPECT_FALSE(isJurisdiction("Wales"));
    EXPECT_FALSE(isJurisdiction(""));
    EXPECT_EQ(jurisdictionIdsInWords(), "england, wales, scotland or ni");
}

TEST(JurisdictionsTest, ChoiceListsStartWithTheDocumentsOwn)
{
    EXPECT_EQ(idAtChoice(0), "");
    EXPECT_EQ(idAtChoice(1), "england");
    EXPECT_EQ(idAtChoice(4), "ni");
    EXPECT_EQ(idAtChoice(5), "");
    EXPECT_EQ(idAtChoice(-1), "");
    EXPECT_EQ(choiceOf(""), 0);
    EXPECT_EQ(choiceOf("scotland"), 3);
    EXPECT_EQ(choiceOf("france"), std::nullopt);
    for (int i = 0; i <= 4; ++i)
        EXPECT_EQ(choiceOf(idAtChoice(i)), i);
}
