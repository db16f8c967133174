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
