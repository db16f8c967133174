// Rule packs, rule layers, templates and their layers, glossaries: the JSON a department writes.
#include "FuzzCommon.hpp"

#include "engine/Layers.hpp"
#include "engine/Lexicon.hpp"
#include "engine/RulePack.hpp"
#include "engine/Templates.hpp"
#include "glossary/Glossary.hpp"

using namespace dueregard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto [selector, input] = fuzz::split(data, size);
    try
    {
        switch (selector % 5)
        {
        case 0:
            engine::parseRulePack(input, "fuzz");
            break;
        case 1:
            engine::layeredRules(engine::builtinRulePack(), input, "fuzz");
            break;
        case 2:
        {
            static const engine::Lexicon lexicon(engine::builtinLexicon());
            const engine::Templates t(engine::parseTemplates(input, "fuzz"), lexicon);
            (void)t.sections("england");
            break;
        }
        case 3:
            engine::layeredTemplates(input, "fuzz");
            break;
        case 4:
        {
            const glossary::GlossaryData g = glossary::parseGlossary(input, "fuzz", false);
            glossary::layered(glossary::builtinGlossaryData(), g, "fuzz");
            break;
        }
        }
    }
    catch (const engine::RuleDataError&)
    {
        // Refused with a message: what bad data should get.
    }
    return 0;
}
