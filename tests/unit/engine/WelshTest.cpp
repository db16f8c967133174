// Welsh reading (src/engine/Welsh.cpp and rules/lexicon/cy.json): the initial mutations a term
// is expanded to, the guess at a block's language, the Welsh lexicon merged into the English one,
// and the words that look like a characteristic's but are not ("rhyw fath", "i ryw raddau").

#include "ExampleDocument.hpp"

#include "engine/BlockAnalysis.hpp"
#include "engine/Engine.hpp"
#include "engine/Lexicon.hpp"
#include "engine/RulePack.hpp"
#include "engine/Welsh.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace dueregard::engine;
using dueregard::test::exampleDocument;

namespace
{
std::vector<std::u16string> forms(std::u16string_view word)
{
    return welsh::mutations(word);
}

const Lexicon& builtin()
{
    static const Lexicon lexicon(builtinLexicon());
    return lexicon;
}

// The ids of the groups the text mentions, in order, each once.
std::vector<std::string> groupsIn(std::u16string_view text)
{
    static Tokenizer tokenizer;
    std::vector<std::string> out;
    for (const TermMatch& m : builtin().groupTerms().find(tokenizer.tokenize(text).words))
    {
        const std::string& id = builtin().groups()[static_cast<std::size_t>(m.group)].id;
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    }
    return out;
}

bool hasMarker(std::u16string_view text, const char* marker)
{
    static Tokenizer tokenizer;
    const int index = builtin().marker(marker);
    const auto found = builtin().markerTerms().find(tokenizer.tokenize(text).words);
    return std::any_of(found.begin(), found.end(),
                       [&](const TermMatch& m) { return m.group == index; });
}

welsh::Language languageOf(std::u16string_view text)
{
    static Tokenizer tokenizer;
    return welsh::languageOf(tokenizer.tokenize(text).words);
}
} // namespace

TEST(WelshTest, SoftNasalAndAspirateMutationsOfEachInitial)
{
    using V = std::vector<std::u16string>;
    EXPECT_EQ(forms(u"crefydd"), (V{ u"grefydd", u"nghrefydd", u"chrefydd" }));
    EXPECT_EQ(forms(u"priodas"), (V{ u"briodas", u"mhriodas", u"phriodas" }));
    EXPECT_EQ(forms(u"tystiolaeth"), (V{ u"dystiolaeth", u"nhystiolaeth", u"thystiolaeth" }));
    EXPECT_EQ(forms(u"gwarchodedig"), (V{ u"warchodedig", u"ngwarchodedig" }));
    EXPECT_EQ(forms(u"beichiogrwydd"), (V{ u"feichiogrwydd", u"meichiogrwydd" }));
    EXPECT_EQ(forms(u"dall"), (V{ u"ddall", u"nall" }));
    EXPECT_EQ(forms(u"lliniaru"), (V{ u"liniaru" }));
    EXPECT_EQ(forms(u"mamolaeth"), (V{ u"famolaeth" }));
    EXPECT_EQ(forms(u"rhywedd"), (V{ u"rywedd" }));
}

TEST(WelshTest, VowelsTakeAnHAfterEiAndEu)
{
    using V = std::vector<std::u16string>;
    EXPECT_EQ(forms(u"oedran"), (V{ u"hoedran" }));
    EXPECT_EQ(forms(u"anabledd"), (V{ u"hanabledd" }));
    EXPECT_EQ(forms(u"ŵyr"), (V{ u"hŵyr" }));
}

TEST(WelshTest, WordsThatDoNotMutateHaveNoForms)
{
    EXPECT_TRUE(forms(u"hil").empty()); // h, n, s and the like do not mutate
    EXPECT_TRUE(forms(u"swyddog").empty());
    EXPECT_TRUE(forms(u"chwarter").empty()); // already aspirated, or a radical ch
    EXPECT_TRUE(forms(u"ddata").empty());    // already soft
    EXPECT_TRUE(forms(u"nghymru").empty());  // already nasal
    EXPECT_TRUE(forms(u"mhlant").empty());
    EXPECT_TRUE(forms(u"yn").empty());   // function words
    EXPECT_TRUE(forms(u"sy'n").empty()); // contractions
    EXPECT_TRUE(forms(u"#").empty());
    EXPECT_TRUE(forms(u"gan").empty());
    EXPECT_TRUE(forms(u"bu").empty()); // a form of two letters ("fu") would match too much
}

TEST(WelshTest, OnlyTheFirstWordOfATermMutates)
{
    EXPECT_EQ(welsh::withMutations("partneriaeth sifil"),
              (std::vector<std::string>{ "partneriaeth sifil", "bartneriaeth sifil",
                                         "mhartneriaeth sifil", "phartneriaeth sifil" }));
    EXPECT_EQ(welsh::withMutations("cyfeiriadedd rhywiol"),
              (std::vector<std::string>{ "cyfeiriadedd rhywiol", "gyfeiriadedd rhywiol",
                                         "nghyfeiriadedd rhywiol", "chyfeiriadedd rhywiol" }));
    EXPECT_EQ(welsh::withMutations("anabl*"), (std::vector<std::string>{ "anabl*", "hanabl*" }));
    EXPECT_EQ(welsh::withMutations("=blant"), (std::vector<std::string>{ "blant" })); // as written
    EXPECT_EQ(welsh::withMutations("y gymraeg"), (std::vector<std::string>{ "y gymraeg" }));
}

TEST(WelshTest, MutatedFormsInTheBuiltInLexiconFindTheCharacteristics)
{
    EXPECT_EQ(groupsIn(u"Pobl ag anabledd a'u gofalwyr"),
              (std::vector<std::string>{ "disability", "carers" }));
    EXPECT_EQ(groupsIn(u"ar sail ei hoedran"), (std::vector<std::string>{ "age" }));
    EXPECT_EQ(groupsIn(u"beichiogrwydd neu famolaeth"),
              (std::vector<std::string>{ "pregnancy_maternity" }));
    EXPECT_EQ(groupsIn(u"priodas a phartneriaeth sifil"),
              (std::vector<std::string>{ "marriage_civil_partnership" }));
    EXPECT_EQ(groupsIn(u"eu crefydd neu eu cred"), (std::vector<std::string>{ "religion_belief" }));
    EXPECT_EQ(groupsIn(u"ei grefydd a'i gred"), (std::vector<std::string>{ "religion_belief" }));
    EXPECT_EQ(groupsIn(u"ar sail hil"), (std::vector<std::string>{ "race" }));
    EXPECT_EQ(groupsIn(u"cyfeiriadedd rhywiol"),
              (std::vector<std::string>{ "sexual_orientation" }));
    EXPECT_EQ(groupsIn(u"ar sail ailbennu rhywedd"),
              (std::vector<std::string>{ "gender_reassignment" }));
    EXPECT_EQ(groupsIn(u"y Gymraeg"), (std::vector<std::string>{ "welsh_language" }));
    EXPECT_EQ(groupsIn(u"i blant a phobl ifanc"), (std::vector<std::string>{ "age" }));
    EXPECT_EQ(groupsIn(u"dynion a menywod"), (std::vector<std::string>{ "sex" }));
}

TEST(WelshTest, MarkersAreFoundInWelshWithTheirMutations)
{
    EXPECT_TRUE(
        hasMarker(u"Mae'r cynnig yn effeithio ar bobl â nodwedd warchodedig.", "blanket_scope"));
    EXPECT_TRUE(hasMarker(u"unrhyw un o'r nodweddion gwarchodedig", "blanket_scope"));
    EXPECT_TRUE(hasMarker(u"Ni fyddai'n arwain at wahaniaethu anuniongyrchol.", "aim_a"));
    EXPECT_TRUE(hasMarker(u"Rydym wedi gwneud addasiadau rhesymol.", "mitigation"));
    EXPECT_TRUE(hasMarker(u"Byddwn yn ei fonitro bob chwarter.", "monitoring"));
    EXPECT_TRUE(hasMarker(u"Byddwn yn ei fonitro bob chwarter.", "frequency"));
    EXPECT_TRUE(hasMarker(u"Ymgynghorwyd â thrigolion yng Nghymru.", "jurisdiction_wales"));
    EXPECT_TRUE(hasMarker(u"Ymgynghorwyd â thrigolion yng Nghymru.", "external_party"));
    EXPECT_TRUE(hasMarker(u"Deddf Cydraddoldeb 2010", "statute"));
    EXPECT_TRUE(hasMarker(u"o dan Ddeddf Cydraddoldeb 2010", "statute"));
}

TEST(WelshTest, RhywMeaningSomeIsNotSex)
{
    // "rhyw" before a noun is "some"; "rhywbeth" and "rhywun" are other words.
    EXPECT_TRUE(groupsIn(u"Mae rhyw fath o gymorth ar gael.").empty());
    EXPECT_TRUE(groupsIn(u"Bydd hyn yn helpu i ryw raddau.").empty());
    EXPECT_TRUE(groupsIn(u"Gall rhywun ofyn am rywbeth ar ryw adeg.").empty());
    EXPECT_TRUE(groupsIn(u"Ni fydd rhyw effaith fawr ar y gwasanaeth.").empty());
    // The characteristic itself, and in a list of them.
    EXPECT_EQ(groupsIn(u"ar sail rhyw"), (std::vector<std::string>{ "sex" }));
    EXPECT_EQ(groupsIn(u"Rhyw"), (std::vector<std::string>{ "sex" }));
    EXPECT_EQ(groupsIn(u"oedran, rhyw, hil"), (std::vector<std::string>{ "age", "sex", "race" }));
    // Gender reassignment is not sex, in Welsh as in English.
    EXPECT_EQ(groupsIn(u"ailbennu rhywedd"), (std::vector<std::string>{ "gender_reassignment" }));
}

TEST(WelshTest, WelshWordsThatAreNotCharacteristics)
{
    EXPECT_TRUE(groupsIn(u"ers oed").empty());                   // "for ages"
    EXPECT_TRUE(groupsIn(u"Teithiodd ar draws y sir.").empty()); // "traws" is across, not trans
    EXPECT_TRUE(groupsIn(u"Maent yn gweithredu mewn ffydd dda.").empty()); // good faith
    EXPECT_TRUE(groupsIn(u"symudedd cymdeithasol").empty());               // social mobility
    EXPECT_TRUE(groupsIn(u"teithwyr ar y bws").empty()); // passengers, not Travellers
    // English words are not read as Welsh ones, nor their mutated forms as English words.
    EXPECT_TRUE(groupsIn(u"The plant on the hill is well run; the man ran to the raid.").empty());
}

TEST(WelshTest, WelshOrganisationNamesAreNotMentions)
{
    Tokenizer tokenizer;
    dueregard::text::WordCounter counter;
    const BlockFacts named = analyseBlock(u"Gwnaethom ymgynghori â Fforwm Anabledd Dyffryn Teg.",
                                          builtin(), tokenizer, counter);
    EXPECT_TRUE(named.mentions.empty());
    const BlockFacts people
        = analyseBlock(u"Gwnaethom ymgynghori â phobl anabl.", builtin(), tokenizer, counter);
    EXPECT_EQ(people.mentions.size(), 1U);
}

TEST(WelshTest, ABlocksLanguageIsGuessedFromItsCommonWords)
{
    EXPECT_EQ(languageOf(u"Mae'r cyngor yn cynnig cau'r ganolfan ar ddydd Llun."),
              welsh::Language::Welsh);
    EXPECT_EQ(languageOf(u"The council proposes to close the centre on Mondays."),
              welsh::Language::English);
    EXPECT_EQ(languageOf(u"Anabledd"), welsh::Language::Unknown);
    EXPECT_EQ(languageOf(u"41,000"), welsh::Language::Unknown);
}

TEST(WelshTest, WelshDatesAreRead)
{
    Tokenizer tokenizer;
    dueregard::text::WordCounter counter;
    const BlockFacts f
        = analyseBlock(u"Cwblhawyd yr asesiad ar 20 Chwefror 2026.", builtin(), tokenizer, counter);
    ASSERT_EQ(f.dates.size(), 1U);
    EXPECT_EQ(f.dates[0].year, 2026);
    EXPECT_EQ(f.dates[0].month, 2);
    EXPECT_EQ(f.dates[0].day, 20);
}

TEST(WelshTest, EveryWelshGroupAndMarkerHasAnEnglishOne)
{
    // addLanguage refuses an id the English lexicon lacks: the built-in data loads.
    EXPECT_NO_THROW(builtinLexicon());
    LexiconData english;
    english.characteristics.push_back({ "age", "Age", { "age" }, {} });
    english.markers["evidence_source"] = { "census" };
    LexiconData other;
    other.characteristics.push_back({ "oedran_typo", "Oedran", { "oedran" }, {} });
    EXPECT_THROW(addLanguage(english, other, "cy.json"), RuleDataError);
    other.characteristics.front().id = "age";
    other.markers["no_such_marker"] = { "cyfrifiad" };
    EXPECT_THROW(addLanguage(english, other, "cy.json"), RuleDataError);
    other.markers.clear();
    addLanguage(english, other, "cy.json");
    EXPECT_EQ(english.characteristics.front().terms, (std::vector<std::string>{ "age", "oedran" }));
    EXPECT_EQ(english.otherLabels["age"], (std::vector<std::string>{ "Oedran" }));
}

TEST(WelshTest, WelshAndBilingualHeadingsNameTheirSections)
{
    Engine engine;
    const CheckResult r = engine.check(
        exampleDocument({ "# Tystiolaeth", "Defnyddiwyd data Cyfrifiad 2021.", "# 3. Ymgynghori",
                          "Cynhaliwyd arolwg.", "# Lliniaru", "Byddwn yn symud y sesiwn.",
                          "# Monitro", "Bydd yn cael ei fonitro bob chwarter.", "# Penderfyniad",
                          "Rwyf wedi darllen yr asesiad.", "# Y cynnig / The proposal",
                          "Mae'r cyngor yn cynnig cau'r ganolfan." }));
    std::vector<std::string> ids;
    for (const SectionState& s : r.assessment.sections)
        ids.push_back(s.id);
    EXPECT_EQ(ids, (std::vector<std::string>{ "evidence", "engagement", "mitigation", "monitoring",
                                              "decision-maker", "proposal" }));
}
