// Prompts in other languages: the tags Due Regard accepts, the built-in Welsh wording (same ids
// and placeholders as the English, every prompt translated), the words put into placeholders, a
// department's wording per language, and an engine that words its prompts in Welsh while reading
// the document exactly as in English.

#include "ExampleDocument.hpp"

#include "engine/Engine.hpp"
#include "engine/JsonData.hpp"
#include "engine/Language.hpp"
#include "engine/Layers.hpp"
#include "l10n/Error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

using namespace dueregard::engine;
using dueregard::test::exampleDocument;

namespace
{
const std::vector<std::string>& weakAssessment()
{
    // Names age and disability only, with a negative impact and no evidence: many prompts, some
    // per characteristic, some about the whole document.
    static const std::vector<std::string> lines = {
        "# Equality Impact Assessment",
        "# Impact",
        "## Age",
        "The change will have a negative impact on older residents.",
        "## Disability",
        "Disabled people are over-represented among users.",
        "We will consider mitigation where possible.",
    };
    return lines;
}

std::string errorOf(const std::function<void()>& f)
{
    try
    {
        f();
    }
    catch (const std::exception& e)
    {
        return e.what();
    }
    return {};
}

const Finding* findingOf(const std::vector<Finding>& findings, const std::string& id,
                         const std::string& characteristic = {})
{
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [&](const Finding& f)
                                 { return f.id == id && f.characteristic == characteristic; });
    return it == findings.end() ? nullptr : &*it;
}
} // namespace

TEST(LanguageTest, TagsAreReadAsTheLanguagesDueRegardWrites)
{
    EXPECT_EQ(languageFor("cy"), "cy");
    EXPECT_EQ(languageFor("cy-GB"), "cy");
    EXPECT_EQ(languageFor("CY_gb"), "cy");
    EXPECT_EQ(languageFor("en-GB"), "en-GB");
    EXPECT_EQ(languageFor("en"), "en-GB");
    EXPECT_EQ(languageFor("en-US"), "en-GB");
    EXPECT_FALSE(languageFor("fr"));
    EXPECT_FALSE(languageFor(""));
    EXPECT_FALSE(
        languageFor("cym")); // a three-letter code is not the tag LibreOffice uses for Welsh
    EXPECT_EQ(languageOrDefault("de-DE"), "en-GB");
    EXPECT_EQ(supportedLanguages().front(), "en-GB");
    EXPECT_THROW(Engine("fr"), dueregard::l10n::Error);
}

TEST(LanguageTest, EveryBuiltInPromptHasWelshWordingWithTheSamePlaceholders)
{
    // Loading the pack refuses a Welsh id the English lacks or different placeholders; here,
    // every English rule is translated, question for question, and none is left in English.
    for (const Rule& rule : builtinRulePack().rules)
    {
        const auto it = rule.wordings.find("cy");
        ASSERT_NE(it, rule.wordings.end()) << rule.id << " has no Welsh wording";
        const Wording& cy = it->second;
        const Wording en{ rule.message, rule.questions, rule.basis };
        EXPECT_EQ(placeholdersOf(cy), placeholdersOf(en)) << rule.id;
        EXPECT_NE(cy.message, en.message) << rule.id;
        EXPECT_NE(cy.basis, en.basis) << rule.id;
        ASSERT_EQ(cy.questions.size(), en.questions.size()) << rule.id;
        for (std::size_t q = 0; q < en.questions.size(); ++q)
            EXPECT_NE(cy.questions[q], en.questions[q]) << rule.id << " question " << q;
    }
}

TEST(LanguageTest, NoWelshPlaceholderFollowsAWordThatWouldMutateIt)
{
    // The engine inserts values in their radical form ("crefydd neu gred"), so a placeholder must
    // not come straight after a word that mutates what follows ("o grefydd", "ar ryw", "a
    // chrefydd").
    static const std::set<std::string> mutating
        = { "am",   "ar",   "at",   "gan", "heb",  "i",  "o", "dan", "dros",
            "drwy", "trwy", "wrth", "hyd", "gyda", "â",  "a", "ac",  "neu",
            "ei",   "dy",   "fy",   "yn",  "y",    "yr", "'r" };
    for (const Rule& rule : builtinRulePack().rules)
    {
        const Wording& cy = rule.wordings.at("cy");
        std::vector<std::string> texts = cy.questions;
        texts.push_back(cy.message);
        texts.push_back(cy.basis);
        for (const std::string& text : texts)
            for (std::size_t open = text.find('{'); open != std::string::npos;
                 open = text.find('{', open + 1))
            {
                if (open < 2 || text[open - 1] != ' ')
                    continue;
                const std::size_t start = text.find_last_of(" (", open - 2);
                std::string before
                    = text.substr(start == std::string::npos ? 0 : start + 1,
                                  open - 1 - (start == std::string::npos ? 0 : start + 1));
                if (const std::size_t apostrophe = before.rfind('\'');
                    apostrophe != std::string::npos)
                    before = before.substr(apostrophe);
                std::transform(before.begin(), before.end(), before.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                EXPECT_EQ(mutating.count(before), 0u)
                    << rule.id << ": '" << before << "' before a placeholder in: " << text;
            }
    }
}

TEST(LanguageTest, TheWelshWordingNamesOnlyRulesOfTheEnglishPack)
{
    std::ifstream in(std::string(DUEREGARD_SOURCE_DIR) + "/rules/packs/core.cy.json");
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json cy = nlohmann::json::parse(text.str());
    ASSERT_EQ(cy.at("language"), "cy");
    for (const auto& [id, wording] : cy.at("rules").items())
        EXPECT_NE(builtinRulePack().find(id), nullptr) << id;
}

TEST(LanguageTest, EveryPlaceholderValueTheEngineMakesHasAWelshWord)
{
    const auto& words = builtinRulePack().values.at("cy");
    const auto has = [&](const std::string& english) { return words.count(english) > 0; };
    // Characteristic and group names ({characteristic}), and section titles ({section}).
    for (const TermGroup& g : builtinLexicon().characteristics)
        EXPECT_TRUE(has(g.label)) << g.label;
    for (const TermGroup& g : builtinLexicon().extraGroups)
        EXPECT_TRUE(has(g.label)) << g.label;
    for (const SectionInfo& s : builtinTemplates().allSections())
        EXPECT_TRUE(has(s.title)) << s.title;
    // The aims, a figure's missing parts, and the list words.
    for (const char* value :
         { "eliminate discrimination, harassment and victimisation",
           "advance equality of opportunity", "foster good relations", "the comparator or baseline",
           "the period", "the area", ", ", " or ", "placeholder", "placeholders" })
        EXPECT_TRUE(has(value)) << value;
    // The Welsh names of the characteristics are the statutory ones (docs/welsh.md).
    EXPECT_EQ(words.at("Gender reassignment"), "Ailbennu rhywedd");
    EXPECT_EQ(words.at("Marriage and civil partnership"), "Priodas a phartneriaeth sifil");
    EXPECT_EQ(words.at("Pregnancy and maternity"), "Beichiogrwydd a mamolaeth");
    EXPECT_EQ(words.at("Religion or belief"), "Crefydd neu gred");
    EXPECT_EQ(words.at("Sexual orientation"), "Cyfeiriadedd rhywiol");
}

TEST(LanguageTest, WordingForAnUnknownRuleOrWithOtherPlaceholdersIsRefused)
{
    RulePackData pack = builtinRulePack();
    EXPECT_NE(
        errorOf(
            [&]
            {
                addWording(
                    pack,
                    R"({"language": "cy", "pack": "core", "rules": {"no.such-rule": {"message": "Neges"}}})",
                    "w.json");
            })
            .find("w.json: /rules/no.such-rule: there is no rule 'no.such-rule'"),
        std::string::npos);
    EXPECT_NE(
        errorOf(
            [&]
            {
                addWording(
                    pack,
                    R"({"language": "cy", "pack": "core", "rules": {"aims.missing": {"message": "Nid yw'n ystyried {nod}."}}})",
                    "w.json");
            })
            .find("does not use the same placeholders"),
        std::string::npos);
    EXPECT_NE(
        errorOf(
            [&]
            {
                addWording(
                    pack,
                    R"({"language": "cy", "pack": "core", "rules": {"monitoring.missing": {"questions": ["Un cwestiwn?"]}}})",
                    "w.json");
            })
            .find("give as many"),
        std::string::npos);
    EXPECT_NE(
        errorOf(
            [&]
            { addWording(pack, R"({"language": "fr", "pack": "core", "rules": {}})", "w.json"); })
            .find("w.json"),
        std::string::npos);
}

TEST(LanguageTest, WhatALanguageLeavesOutIsShownInEnglish)
{
    RulePackData pack = builtinRulePack();
    for (Rule& r : pack.rules)
        r.wordings.clear();
    addWording(
        pack,
        R"({"language": "cy", "pack": "core", "rules": {"monitoring.missing": {"message": "Nid oes cynllun monitro."}}})",
        "w.json");
    const RulePackData cy = inLanguage(pack, "cy");
    EXPECT_EQ(cy.language, "cy");
    EXPECT_EQ(cy.find("monitoring.missing")->message, "Nid oes cynllun monitro.");
    EXPECT_EQ(cy.find("monitoring.missing")->questions,
              builtinRulePack().find("monitoring.missing")->questions);
    EXPECT_EQ(cy.find("engagement.missing")->message,
              builtinRulePack().find("engagement.missing")->message);
}

TEST(LanguageTest, AWelshEngineWordsThePromptsInWelshAndReadsTheSame)
{
    Engine english;
    Engine welsh("cy");
    EXPECT_EQ(welsh.language(), "cy");
    const auto doc = exampleDocument(weakAssessment());
    const CheckResult en = english.check(doc);
    const CheckResult cy = welsh.check(doc);
    EXPECT_EQ(en.language, "en-GB");
    EXPECT_EQ(cy.language, "cy");
    // The same reading, score and prompts (ids, places, sections); only the words differ.
    EXPECT_EQ(en.score, cy.score);
    ASSERT_EQ(en.findings.size(), cy.findings.size());
    ASSERT_FALSE(en.findings.empty());
    for (std::size_t i = 0; i < en.findings.size(); ++i)
    {
        const Finding& e = en.findings[i];
        const Finding& c = cy.findings[i];
        EXPECT_EQ(e.id, c.id);
        EXPECT_EQ(e.characteristic, c.characteristic);
        EXPECT_EQ(e.excerpt, c.excerpt);
        EXPECT_EQ(e.insert, c.insert);
        EXPECT_NE(e.message, c.message) << e.id;
        // The Welsh wording, its placeholders filled.
        const std::string& wording = builtinRulePack().find(c.id)->wordings.at("cy").message;
        if (wording.find('{') == std::string::npos)
        {
            EXPECT_EQ(c.message, wording);
        }
        EXPECT_EQ(c.message.find('{'), std::string::npos) << c.message;
    }
    // Characteristic names come out in Welsh, capitalised where the sentence starts with them.
    const Finding* missing = findingOf(cy.findings, "coverage.characteristic-missing", "race");
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->message.rfind("Hil: ", 0), 0u) << missing->message;
    EXPECT_NE(missing->questions[0].find("ar sail hil,"), std::string::npos)
        << missing->questions[0];
    const Finding* aims = findingOf(cy.findings, "aims.missing");
    ASSERT_NE(aims, nullptr);
    EXPECT_NE(aims->message.find(": dileu gwahaniaethu, aflonyddu ac erledigaeth."),
              std::string::npos)
        << aims->message;
}

TEST(LanguageTest, AnEnglishEngineIsUnchanged)
{
    Engine byDefault;
    Engine named("en-GB");
    const auto doc = exampleDocument(weakAssessment());
    const CheckResult a = byDefault.check(doc);
    const CheckResult b = named.check(doc);
    ASSERT_EQ(a.findings.size(), b.findings.size());
    for (std::size_t i = 0; i < a.findings.size(); ++i)
    {
        EXPECT_EQ(a.findings[i].message, b.findings[i].message);
        EXPECT_EQ(a.findings[i].questions, b.findings[i].questions);
    }
    const Finding* missing = findingOf(a.findings, "coverage.characteristic-missing", "race");
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->message, "Race is not considered anywhere in the assessment.");
}

TEST(LanguageTest, AListOfMissingPartsIsPutIntoWelshPartByPart)
{
    Assessment a;
    a.kind = "eia";
    a.incompleteFigures.emplace_back(Location{ 0, 0, 5 },
                                     "the comparator or baseline, the period or the area");
    a.incompleteFigures.emplace_back(Location{ 0, 6, 9 }, "the period");
    a.incompleteFigures.emplace_back(Location{ 0, 10, 12 },
                                     "the moon or the area"); // not words the engine makes
    const auto doc = exampleDocument({ "Figures 12% and 30% and more." });
    RulePackData pack = inLanguage(builtinRulePack(), "cy");
    std::vector<std::string> messages;
    for (const Finding& f : findingsFor(a, doc, pack))
        if (f.id == "disproportionality.incomplete")
            messages.push_back(f.message);
    ASSERT_EQ(messages.size(), 3u);
    EXPECT_NE(
        messages[0].find("canlynol: y grŵp cymharu neu'r llinell sylfaen; y cyfnod; yr ardal."),
        std::string::npos)
        << messages[0];
    EXPECT_NE(messages[1].find("canlynol: y cyfnod."), std::string::npos) << messages[1];
    EXPECT_NE(messages[2].find("the moon or the area"), std::string::npos) << messages[2];
    // In English the list is as the engine made it.
    const auto english = findingsFor(a, doc, builtinRulePack());
    const Finding* first = findingOf(english, "disproportionality.incomplete");
    ASSERT_NE(first, nullptr);
    EXPECT_NE(first->message.find("do not say the comparator or baseline, the period or the area."),
              std::string::npos);
}

TEST(LanguageTest, ADepartmentWordsItsRulesPerLanguage)
{
    const RulePackData layered = layeredRules(builtinRulePack(), R"({"rules": [
        {"id": "council.carers-strategy", "kind": "terms_required", "terms": ["carers strategy"],
         "severity": "advice", "area": "coverage",
         "message": "The assessment does not mention the carers strategy.",
         "questions": ["How does the proposal fit the carers strategy?"], "basis": "Council policy",
         "wording": {"cy": {"message": "Nid yw'r asesiad yn sôn am y strategaeth gofalwyr.",
                            "questions": ["Sut y mae'r cynnig yn cyd-fynd â'r strategaeth gofalwyr?"],
                            "basis": "Polisi'r cyngor"}}},
        {"id": "monitoring.missing", "message": "There is no plan to monitor the impact, as the council's policy asks."},
        {"id": "engagement.missing", "severity": "error"}
    ]})",
                                              "layer.json");
    const RulePackData cy = inLanguage(layered, "cy");
    EXPECT_EQ(cy.find("council.carers-strategy")->message,
              "Nid yw'r asesiad yn sôn am y strategaeth gofalwyr.");
    EXPECT_EQ(cy.find("council.carers-strategy")->basis, "Polisi'r cyngor");
    EXPECT_EQ(inLanguage(layered, "en-GB").find("council.carers-strategy")->message,
              "The assessment does not mention the carers strategy.");
    // Reworded in English only: the built-in Welsh would say something else, so the department's
    // English is shown until it gives Welsh too.
    EXPECT_EQ(cy.find("monitoring.missing")->message,
              "There is no plan to monitor the impact, as the council's policy asks.");
    // Only its severity changed: the built-in Welsh wording still applies.
    EXPECT_EQ(cy.find("engagement.missing")->message,
              builtinRulePack().find("engagement.missing")->wordings.at("cy").message);
    // Through an engine.
    Engine engine(builtinLexicon(), layered, builtinTemplatesData(), "cy");
    const CheckResult r = engine.check(exampleDocument(weakAssessment()));
    const Finding* own = findingOf(r.findings, "council.carers-strategy");
    ASSERT_NE(own, nullptr);
    EXPECT_EQ(own->questions, std::vector<std::string>{
                                  "Sut y mae'r cynnig yn cyd-fynd â'r strategaeth gofalwyr?" });
    // A mistake names the layer, the rule and the language.
    EXPECT_NE(
        errorOf(
            []
            {
                layeredRules(
                    builtinRulePack(),
                    R"({"rules": [{"id": "aims.missing", "wording": {"cy": {"message": "Nid yw'n ystyried {nod}."}}}]})",
                    "layer.json");
            })
            .find("layer.json: /rules/0/wording/cy: the cy wording of 'aims.missing' does not use "
                  "the same placeholders"),
        std::string::npos);
    EXPECT_NE(
        errorOf(
            []
            {
                layeredRules(
                    builtinRulePack(),
                    R"({"rules": [{"id": "aims.missing", "wording": {"fr": {"message": "Le but {aim} manque."}}}]})",
                    "layer.json");
            })
            .find("layer.json"),
        std::string::npos);
}

TEST(LanguageTest, AnEngineNamesCharacteristicsAndSectionsInItsLanguage)
{
    // What a panel shows beside the prompts (the coverage matrix, a group heading, a suggested
    // section) names things as the prompts do.
    Engine welsh("cy");
    const Engine english("en-GB");
    const CheckResult result = welsh.check(exampleDocument(weakAssessment()));
    std::vector<std::string> names;
    for (const CharacteristicResult& c : result.assessment.characteristics)
        names.push_back(welsh.word(c.label));
    for (const char* expected :
         { "Oedran", "Anabledd", "Ailbennu rhywedd", "Priodas a phartneriaeth sifil",
           "Beichiogrwydd a mamolaeth", "Hil", "Crefydd neu gred", "Rhyw", "Cyfeiriadedd rhywiol" })
        EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
    for (const CharacteristicResult& c : result.assessment.characteristics)
    {
        EXPECT_EQ(english.word(c.label), c.label); // English is the engine's own wording
        EXPECT_NE(welsh.word(c.label), c.label) << c.label;
    }
    EXPECT_EQ(welsh.word("Monitoring and review"), "Monitro ac adolygu");
    EXPECT_EQ(welsh.word("the period or the area"), "y cyfnod; yr ardal");
    // A department's own group has no Welsh: its name stays as written.
    EXPECT_EQ(welsh.word("Gypsy, Roma and Traveller residents of Anytown"),
              "Gypsy, Roma and Traveller residents of Anytown");
    EXPECT_EQ(valueIn(welsh.rulePack(), "Race"), "Hil");
}
