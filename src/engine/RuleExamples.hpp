#pragma once
// Running rules' examples: each bad example must raise the rule's prompt (about the example's
// characteristic, if it names one) and each good example must not. The unit tests run the
// built-in pack's; `dueregard rules test LAYER.json` runs a department layer's, so that an
// administrator can try rules before a rollout.

#include "engine/Lexicon.hpp"
#include "engine/RulePack.hpp"

#include <string>
#include <vector>

namespace dueregard::engine
{
struct ExampleOutcome
{
    std::string rule;
    bool bad = false;        // a bad example (must fire) or a good one (must not)
    std::size_t index = 0;   // its place in the rule's list, from 0
    bool passed = false;
    std::vector<std::string> fired; // the prompts the example raised ("id" or "id(characteristic)")
};

// Whether one example behaves as documented, checked with `pack` (and the lexicon).
ExampleOutcome runExample(const LexiconData& lexicon, const RulePackData& pack, const Rule& rule, bool bad, std::size_t index);

// Every example of the rules named (of every rule in the pack if `rules` is empty), in the
// pack's order.
std::vector<ExampleOutcome> runExamples(const LexiconData& lexicon, const RulePackData& pack,
                                        const std::vector<std::string>& rules = {});

// The ids of the rules a layer adds or changes, in its order (for running only its examples).
std::vector<std::string> layerRuleIds(const std::string& layerJson, const std::string& file);
} // namespace dueregard::engine
