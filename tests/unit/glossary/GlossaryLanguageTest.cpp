// The glossary in Welsh: every term of the English glossary worded in Welsh, with where its Welsh
// name comes from; the statutory names of the duty and the characteristics; Welsh words found in
// Welsh text (and the English ones still); a department's own terms left as it wrote them.

#include "engine/Tokenizer.hpp"
#include "glossary/Glossary.hpp"
#include "text/Unicode.hpp"

#include <algorithm>

#include <gtest/gtest.h>

using namespace dueregard;

namespace
{
const glossary::Term& termOf(const glossary::GlossaryData& data, const std::string& id)
{
    const auto it = std::find_if(data.terms.begin(), data.terms.end(),
                                 [&id](const glossary::Term& t) { return t.id == id; });
    EXPECT_NE(it, data.terms.end()) << id;
    return *it;
}

std::vector<std::string> idsIn(const glossary::Glossary& g, const std::string& text)
{
    engine::Tokenizer tokenizer;
    std::vector<std::string> ids;
    for (const glossary::Occurrence& o : g.inText(text::fromUtf8(text), {}, tokenizer))
        ids.push_back(g.terms()[o.term].id);
    return ids;
}
} // namespace

TEST(GlossaryLanguageTest, EveryTermIsWordedInWelshWithTheSourceOfItsName)
{
    const glossary::GlossaryData& english = glossary::builtinGlossaryData();
    const glossary::GlossaryData welsh = glossary::inLanguage(english, "cy");
    EXPECT_EQ(welsh.language, "cy");
    ASSERT_EQ(welsh.terms.size(), english.terms.size());
    for (std::size_t i = 0; i < english.terms.size(); ++i)
    {
        const glossary::Term& en = english.terms[i];
        const glossary::Term& cy = welsh.terms[i];
        EXPECT_EQ(cy.id, en.id);
        EXPECT_NE(cy.definition, en.definition) << en.id;
        EXPECT_FALSE(cy.termSource.empty()) << en.id;
        EXPECT_EQ(cy.seeAlso, en.seeAlso) << en.id;
        if (!en.note.empty())
        {
            EXPECT_NE(cy.note, en.note) << en.id << ": its note is left in English";
        }
        // The English words still find the term, after the Welsh ones.
        for (const std::string& v : en.variants)
            EXPECT_NE(std::find(cy.variants.begin(), cy.variants.end(), v), cy.variants.end())
                << en.id << ": " << v;
    }
}

TEST(GlossaryLanguageTest, TheDutyAndTheCharacteristicsHaveTheirEstablishedWelshNames)
{
    const glossary::GlossaryData welsh
        = glossary::inLanguage(glossary::builtinGlossaryData(), "cy");
    EXPECT_EQ(termOf(welsh, "psed").term, "Dyletswydd Cydraddoldeb y Sector Cyhoeddus");
    EXPECT_EQ(termOf(welsh, "equality-act").term, "Deddf Cydraddoldeb 2010");
    EXPECT_EQ(termOf(welsh, "due-regard").term, "sylw dyledus");
    EXPECT_EQ(termOf(welsh, "protected-characteristic").term, "nodwedd warchodedig");
    EXPECT_EQ(termOf(welsh, "indirect-discrimination").term, "gwahaniaethu anuniongyrchol");
    EXPECT_EQ(termOf(welsh, "reasonable-adjustments").term, "addasiadau rhesymol");
    const std::string& nine = termOf(welsh, "protected-characteristic").definition;
    for (const char* name :
         { "oedran", "anabledd", "ailbennu rhywedd", "priodas a phartneriaeth sifil",
           "beichiogrwydd a mamolaeth", "hil", "crefydd neu gred", "rhyw",
           "a chyfeiriadedd rhywiol" }) // aspirate mutation after "a"
        EXPECT_NE(nine.find(name), std::string::npos) << name;
}

TEST(GlossaryLanguageTest, WelshTextFindsWelshTermsAndTheHoverTextIsWelsh)
{
    const glossary::Glossary& g = glossary::Glossary::builtin("cy");
    const std::vector<std::string> found
        = idsIn(g, "Rhaid rhoi sylw dyledus i bob nodwedd warchodedig ac ystyried gwahaniaethu "
                   "anuniongyrchol.");
    EXPECT_EQ(found, (std::vector<std::string>{ "due-regard", "protected-characteristic",
                                                "indirect-discrimination" }));
    // English text still finds them, named in Welsh.
    EXPECT_EQ(idsIn(g, "We paid due regard."), std::vector<std::string>{ "due-regard" });
    const std::size_t term = *g.find("due-regard");
    EXPECT_EQ(g.hoverText(term).rfind("sylw dyledus: ", 0), 0u);
    EXPECT_NE(g.hoverText(term).find(" Ffynhonnell: Deddf Cydraddoldeb 2010"), std::string::npos);
    EXPECT_TRUE(glossary::Glossary::isOurHoverText(g.hoverText(term)));
    // English is unchanged.
    const glossary::Glossary& en = glossary::Glossary::builtin("en-GB");
    EXPECT_EQ(&en, &glossary::Glossary::builtin());
    EXPECT_EQ(en.hoverText(*en.find("due-regard")).rfind("due regard: ", 0), 0u);
    EXPECT_TRUE(idsIn(en, "Rhaid rhoi sylw dyledus.").empty());
}

TEST(GlossaryLanguageTest, ADepartmentsOwnTermsStayAsItWroteThem)
{
    glossary::GlossaryData department = glossary::builtinGlossaryData();
    department.terms[0].definition = "Our council's own wording of the duty, for its staff.";
    glossary::Term own;
    own.id = "council-charter";
    own.term = "council charter";
    own.definition = "The council's promise to residents about its services.";
    own.source = "Council constitution";
    department.terms.push_back(own);
    const glossary::GlossaryData welsh = glossary::inLanguage(department, "cy");
    EXPECT_EQ(welsh.terms[0].definition, "Our council's own wording of the duty, for its staff.");
    EXPECT_EQ(termOf(welsh, "council-charter").term, "council charter");
    EXPECT_EQ(termOf(welsh, "due-regard").term, "sylw dyledus");
}

TEST(GlossaryLanguageTest, AWelshTermThatTheEnglishGlossaryLacksIsRefused)
{
    glossary::GlossaryWordings words;
    try
    {
        glossary::addLanguage(
            words, glossary::builtinGlossaryData(),
            R"({"language": "cy", "terms": {"no-such-term": {"term": "dim", "definition": "Diffiniad heb derm Saesneg iddo.",
                                  "source": "Dim", "term_source": "Dim"}}})",
            "g.json");
        ADD_FAILURE() << "not refused";
    }
    catch (const std::exception& e)
    {
        EXPECT_NE(std::string(e.what()).find(
                      "g.json: /terms/no-such-term: there is no term 'no-such-term'"),
                  std::string::npos)
            << e.what();
    }
}
