// How the engine reads published assessments: filled-in forms whose questions name every topic,
// tables flattened into lines, empty answers, blanket claims, plans written as if done. Each test
// is one pattern seen in real assessments, in words written for these tests.
#include "ExampleDocument.hpp"

#include "engine/Engine.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dueregard;
using test::exampleDocument;

namespace
{
engine::CheckResult check(const std::vector<std::string>& lines)
{
    engine::Engine e;
    return e.check(exampleDocument(lines), {});
}

// `id` is a plain string: GCC 14 takes a reference returned from a call given a temporary (a
// std::string made from a literal) as bound to it (-Wdangling-reference).
const engine::CharacteristicResult& group(const engine::CheckResult& r, const char* id)
{
    for (const auto& c : r.assessment.characteristics)
        if (c.id == id)
            return c;
    throw std::runtime_error(std::string("no characteristic ") + id);
}

bool fired(const engine::CheckResult& r, const std::string& id)
{
    return std::any_of(r.findings.begin(), r.findings.end(), [&](const engine::Finding& f) { return f.id == id; });
}
} // namespace

TEST(FormReadingTest, TheFormsQuestionsAreNotAnswers)
{
    // A form that was never filled in: its questions name groups, consultation, mitigation,
    // monitoring and the aims, but say nothing about the proposal.
    const auto blank = check({ "# Equality Impact Assessment",
                               "3. Could the proposal affect disabled people or older people differently?",
                               "Describe the consultation you carried out with residents and community groups.",
                               "What mitigating actions will you take, and how will you monitor them each year?",
                               "Have you considered people with more than one protected characteristic? (For example, young "
                               "Black men or disabled women.)",
                               "How does the proposal help to eliminate discrimination and advance equality of opportunity?" });
    EXPECT_FALSE(group(blank, "disability").addressed);
    EXPECT_FALSE(group(blank, "age").addressed);
    EXPECT_TRUE(group(blank, "disability").listedOnly);
    EXPECT_FALSE(blank.assessment.engagement);
    EXPECT_FALSE(blank.assessment.mitigation);
    EXPECT_FALSE(blank.assessment.monitoring);
    EXPECT_FALSE(blank.assessment.intersectionality);
    EXPECT_FALSE(blank.assessment.aims[0]);
    EXPECT_FALSE(blank.assessment.aims[1]);

    // The same form answered: the answers count.
    const auto answered = check({ "# Equality Impact Assessment",
                                  "3. Could the proposal affect disabled people or older people differently?",
                                  "Disabled people who cannot drive rely on the route, so losing the evening bus would cut them "
                                  "off from the town centre." });
    EXPECT_TRUE(group(answered, "disability").addressed);
    EXPECT_EQ(group(answered, "disability").impact, engine::Impact::Negative);
    EXPECT_FALSE(group(answered, "age").addressed);
}

TEST(FormReadingTest, AFlattenedRowIsReadAsARow)
{
    // A table that lost its cells in a PDF or a web page: one line, cells joined with "|".
    const auto r = check({ "# Equality Impact Assessment", "Characteristic | Impact | Evidence and reasons |",
                           "Age | Negative | Two in five of the people who pay at the kiosk are over 70 (ticket data 2025), "
                           "and the kiosk is closing. |",
                           "Religion or belief | N/A | |", "Sex | None | No impact. |" });
    const auto& age = group(r, "age");
    EXPECT_TRUE(age.addressed);
    EXPECT_TRUE(age.evidence);
    EXPECT_EQ(age.impact, engine::Impact::Negative);
    // An empty answer, and a bare "None | No impact", are not analysis; the second is a claim.
    EXPECT_FALSE(group(r, "religion_belief").addressed);
    EXPECT_FALSE(group(r, "sex").addressed);
    EXPECT_TRUE(group(r, "sex").unsupportedNoImpact);
    EXPECT_TRUE(fired(r, "impact.no-impact-unsupported"));
}

TEST(FormReadingTest, AFlattenedHeaderRowIsNotAClaim)
{
    // "| Positive | Negative | None |" heads the columns; after flattening nobody can tell which was
    // ticked, so none of them is the group's impact.
    const auto r = check({ "# Equality Impact Assessment",
                           "Sexual orientation | Positive | Negative | None | Reasons for your decision |" });
    const auto& c = group(r, "sexual_orientation");
    EXPECT_FALSE(c.addressed);
    EXPECT_EQ(c.impact, engine::Impact::NotStated);
    EXPECT_FALSE(c.unsupportedNoImpact);
}

TEST(FormReadingTest, ATickOrAnEmptyAnswerIsNotAnalysis)
{
    const auto r = check({ "# Equality Impact Assessment", "| Characteristic | Positive | Negative | Neutral |",
                           "| Age | | | Yes |", "| Disability | | | \u2612 |", "## Race", "N/A" });
    EXPECT_FALSE(group(r, "age").addressed);
    EXPECT_TRUE(group(r, "age").unsupportedNoImpact); // ticked "Neutral": a claim with nothing behind it
    EXPECT_FALSE(group(r, "race").addressed);
    EXPECT_TRUE(group(r, "disability").unsupportedNoImpact); // a crossed box is a tick too
}

TEST(FormReadingTest, ABlanketNoImpactClaimIsFlagged)
{
    const auto blanket = check({ "# Equality Impact Assessment", "# Impact",
                                 "The new parking permits will apply equally to all residents, and we do not expect them to "
                                 "have any impact on people with protected characteristics." });
    EXPECT_FALSE(blanket.assessment.blanketNoImpact.document());
    EXPECT_TRUE(fired(blanket, "impact.blanket-no-impact"));
    EXPECT_TRUE(group(blanket, "race").unsupportedNoImpact);
    EXPECT_TRUE(group(blanket, "race").byBlanketClaim);
    // The blanket prompt stands for the groups it covers: no second prompt per group.
    EXPECT_FALSE(fired(blanket, "impact.no-impact-unsupported"));

    // Under one group's heading "the same as everyone" speaks of that group.
    const auto one = check({ "# Equality Impact Assessment", "## Marriage and civil partnership",
                             "Married people and civil partners are charged the same as everyone else, so there is no "
                             "differential impact." });
    EXPECT_TRUE(one.assessment.blanketNoImpact.document());
    EXPECT_FALSE(fired(one, "impact.blanket-no-impact"));

    // A group analysed on its own is not covered by the blanket claim.
    const auto mixed = check({ "# Equality Impact Assessment",
                               "No protected group will be affected by the new permits.",
                               "## Disability",
                               "Blue Badge holders keep free parking in every bay, because the permit rules exempt them." });
    EXPECT_FALSE(group(mixed, "disability").unsupportedNoImpact);
    EXPECT_TRUE(group(mixed, "age").unsupportedNoImpact);
}

TEST(FormReadingTest, EngagementMustHaveHappened)
{
    EXPECT_FALSE(check({ "# Equality Impact Assessment", "Residents and community groups will be consulted in the spring." })
                     .assessment.engagement);
    EXPECT_FALSE(check({ "# Equality Impact Assessment", "We would welcome views from disability groups on the proposal." })
                     .assessment.engagement);
    EXPECT_FALSE(check({ "# Equality Impact Assessment", "The council is committed to consultation that is open and inclusive." })
                     .assessment.engagement);
    EXPECT_TRUE(check({ "# Equality Impact Assessment", "We consulted residents and three community groups in March 2026." })
                    .assessment.engagement);
    // A survey or a consultation asks people, even where they are not named; its findings show
    // that it happened.
    EXPECT_TRUE(check({ "# Equality Impact Assessment", "The survey findings were reviewed before the proposal was changed." })
                    .assessment.engagement);
    // People who "engage in" something, or a duty that is "met", are not engagement.
    EXPECT_FALSE(check({ "# Equality Impact Assessment", "Some residents engage in fly-tipping; meeting the duty is not optional." })
                     .assessment.engagement);
}

TEST(FormReadingTest, MitigationNeedsSomethingToMitigate)
{
    // "We will" describes the proposal itself when no adverse impact has been found.
    EXPECT_FALSE(check({ "# Equality Impact Assessment", "We will introduce the new timetable in May and provide printed copies." })
                     .assessment.mitigation);
    EXPECT_TRUE(check({ "# Equality Impact Assessment", "## Age",
                        "Older passengers would be disadvantaged by the earlier last bus.",
                        "We will provide a demand-responsive minibus for the evening." })
                    .assessment.mitigation);
}

TEST(FormReadingTest, TheStatutesWordsAreNotTheAimsApplied)
{
    const auto quoted = check({ "# Equality Impact Assessment", "The duty requires us to have due regard to the need to:",
                                "- eliminate discrimination, harassment, victimisation and other conduct prohibited by the Act",
                                "- advance equality of opportunity between people who share a protected characteristic and "
                                "those who do not",
                                "- foster good relations between people who share a protected characteristic and those who do not",
                                "Eliminating discrimination | x | |" });
    EXPECT_FALSE(quoted.assessment.aims[0]);
    EXPECT_FALSE(quoted.assessment.aims[1]);
    EXPECT_FALSE(quoted.assessment.aims[2]);
    const auto applied = check({ "# Equality Impact Assessment",
                                 "Moving the clinic to the ground floor removes barriers for wheelchair users, and the shared "
                                 "waiting room brings people together from both estates." });
    EXPECT_TRUE(applied.assessment.aims[1]);
    EXPECT_TRUE(applied.assessment.aims[2]);
}

TEST(FormReadingTest, MonitoringNeedsWhenOrWhat)
{
    EXPECT_FALSE(check({ "# Equality Impact Assessment", "The policy will be monitored." }).assessment.monitoring);
    EXPECT_TRUE(check({ "# Equality Impact Assessment", "The scheme will be evaluated in 2027." }).assessment.monitoring);
    EXPECT_TRUE(check({ "# Equality Impact Assessment", "We will monitor take-up by age and disability." }).assessment.monitoring);
    // Figures about past reviews are not a plan to review.
    EXPECT_FALSE(check({ "# Equality Impact Assessment", "There were 3,100 tenancy reviews in 2024/25." }).assessment.monitoring);
}

TEST(FormReadingTest, ACountOfAGroupsPeopleIsEvidence)
{
    const auto r = check({ "# Equality Impact Assessment",
                           "The change reaches about 2,400 older residents who use the community transport service." });
    EXPECT_TRUE(group(r, "age").addressed);
    EXPECT_TRUE(group(r, "age").evidence);
    // A year is not a count.
    const auto year = check({ "# Equality Impact Assessment", "From 2026 older residents will pay for the service." });
    EXPECT_FALSE(group(year, "age").evidence);
}

TEST(FormReadingTest, TitlesAreNotAnalysis)
{
    const auto r = check({ "# Equality Impact Assessment", "Older Persons Housing Strategy: Good Relations Screening Form" });
    EXPECT_FALSE(group(r, "age").addressed);
    EXPECT_FALSE(r.assessment.aims[2]);
}

TEST(FormReadingTest, AUkWideDocumentIsNotWelsh)
{
    const auto r = check({ "# Equality Impact Assessment", "The new offence will apply in England and Wales from 2027." });
    EXPECT_EQ(r.assessment.jurisdiction, "england");
    const auto welsh = check({ "# Integrated Impact Assessment", "The Welsh Government will fund the scheme across Wales." });
    EXPECT_EQ(welsh.assessment.jurisdiction, "wales");
}

TEST(FormReadingTest, NamesOfBodiesAndListItemsAreNotAnalysis)
{
    // A group's word in the name of a body or an Act names the body.
    const auto bodies = check({ "# Equality Impact Assessment",
                                "The plans were shared with the Disability Advisory Panel and Age UK before the board met.",
                                "The scheme must follow the Gender Representation on Public Boards Act when members are chosen." });
    EXPECT_FALSE(group(bodies, "disability").addressed);
    EXPECT_FALSE(group(bodies, "age").addressed);
    EXPECT_FALSE(group(bodies, "sex").addressed);
    // But people described in capitals are still people.
    EXPECT_TRUE(group(check({ "# Equality Impact Assessment",
                              "Black Caribbean pupils are excluded more often than their classmates in the borough." }),
                      "race")
                    .addressed);
    // A bulleted list of the characteristics, one to a line, is a list.
    const auto list = check({ "# Equality Impact Assessment", "The protected characteristics are:", "- age;",
                              "- marriage and civil partnership;", "- religion or belief." });
    EXPECT_FALSE(group(list, "marriage_civil_partnership").addressed);
    EXPECT_TRUE(group(list, "marriage_civil_partnership").listedOnly);
    // "Social mobility" is not about disability.
    EXPECT_FALSE(group(check({ "# Equality Impact Assessment", "The plan supports social mobility across the district." }),
                       "disability")
                     .addressed);
}
