// Lexicon compilation: a whole lexicon, a department's groups, and single terms.
#include "FuzzCommon.hpp"

#include "engine/Layers.hpp"
#include "engine/Lexicon.hpp"
#include "engine/TermSet.hpp"
#include "engine/Tokenizer.hpp"
#include "text/Unicode.hpp"

using namespace dueregard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto [selector, input] = fuzz::split(data, size);
    try
    {
        switch (selector % 3)
        {
        case 0:
        {
            const engine::Lexicon lexicon(engine::parseLexicon(input, "fuzz"));
            (void)lexicon.groups();
            break;
        }
        case 1:
            (void)engine::Lexicon(engine::layeredGroups(engine::builtinLexicon(), input, "fuzz"));
            break;
        case 2:
        {
            // "term\ntext": compile one term and match it against a text.
            const auto nl = input.find('\n');
            engine::TermSet terms;
            terms.add(text::fromUtf8(input.substr(0, nl)), 0);
            static engine::Tokenizer tokenizer;
            const engine::Tokens tokens = tokenizer.tokenize(text::fromUtf8(nl == std::string::npos ? "" : input.substr(nl + 1)));
            (void)terms.find(tokens.words);
            break;
        }
        }
    }
    catch (const engine::RuleDataError&)
    {
    }
    catch (const engine::TermError&)
    {
    }
    return 0;
}
