// How a prompt reads in the Prompts panel's details.

#include "engine/PromptText.hpp"

#include <gtest/gtest.h>

using namespace dueregard::engine;

TEST(PromptTextTest, DetailsSayWhatToAskWhyAndWhatHelps)
{
    Finding f;
    f.id = "disproportionality.unquantified";
    f.message = "A disproportion is claimed without figures.";
    f.questions = { "What are the rates for each group?" };
    f.basis = "Equality Act 2010 s149";
    f.tool = "disproportionality";
    const std::string open = promptDetails(f, nullptr, "Evidence and data");
    EXPECT_EQ(open, "A disproportion is claimed without figures.\n- What are the rates for each group?\nBasis: Equality Act 2010 s149\n"
                    "Suggested section: Evidence and data (Insert section adds it where it belongs).\nThe disproportionality "
                    "calculator (Open calculator) works out rates, ratios and their confidence intervals, and writes them into the document.");
    const Dismissal d{ f.id, "", "", "Figures are in the annex.", "3 March 2026" };
    const std::string dismissed = promptDetails(f, &d, "Evidence and data");
    EXPECT_EQ(dismissed, "A disproportion is claimed without figures.\nDismissed on 3 March 2026: Figures are in the annex.\n"
                         "- What are the rates for each group?\nBasis: Equality Act 2010 s149");
}

TEST(PromptTextTest, TheWordsAroundAPromptAreInTheInterfacesLanguage)
{
    Finding f;
    f.id = "disproportionality.unquantified";
    f.message = "Honnir anghymesuredd heb ffigurau.";
    f.questions = { "Beth yw'r cyfraddau ar gyfer pob grŵp?" };
    f.basis = "Deddf Cydraddoldeb 2010 a149";
    f.tool = "disproportionality";
    const std::string open = promptDetails(f, nullptr, "Tystiolaeth", "cy");
    EXPECT_NE(open.find("\nSail: Deddf Cydraddoldeb 2010 a149"), std::string::npos) << open;
    EXPECT_NE(open.find("\nAdran a awgrymir: Tystiolaeth ("), std::string::npos) << open;
    EXPECT_NE(open.find("(Agor y gyfrifiannell)"), std::string::npos) << open;
    const Dismissal d{ f.id, "", "", "Mae'r ffigurau yn yr atodiad.", "3 Mawrth 2026" };
    const std::string dismissed = promptDetails(f, &d, "Tystiolaeth", "cy");
    EXPECT_NE(dismissed.find("\nDiystyrwyd ar 3 Mawrth 2026: Mae'r ffigurau yn yr atodiad."),
              std::string::npos);
    for (const char* english : { "Basis:", "Suggested section", "Dismissed on", "calculator" })
    {
        EXPECT_EQ(open.find(english), std::string::npos) << english;
        EXPECT_EQ(dismissed.find(english), std::string::npos) << english;
    }
}
