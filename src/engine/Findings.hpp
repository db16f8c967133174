#pragma once
// Findings turn an assessment into prompts, with the wording, questions and legal basis of each
// rule from the rule pack, and compute the readiness score.

#include "engine/Assessment.hpp"
#include "engine/RulePack.hpp"
#include "model/Document.hpp"

#include <set>
#include <string>
#include <vector>

namespace dueregard::engine
{
struct Finding
{
    std::string id;
    std::string severity;
    std::string area;
    std::string characteristic; // empty when not about one characteristic
    Location location;
    std::string excerpt;
    std::string message;
    std::vector<std::string> questions;
    std::string basis;
    std::string section; // the kind of section that would answer it (from the rule)
    std::string insert;  // the template to insert for it, when the document lacks that section
    std::vector<std::string> terms; // glossary terms its wording uses (ids), for their definitions
    std::string tool;    // a sidebar tool that helps answer it ("disproportionality"), from the rule
};

// findingsFor fires every rule of the pack that the assessment calls for, skipping disabled ones,
// ordered by severity (errors first) and then by position in the document.
std::vector<Finding> findingsFor(const Assessment& assessment, const model::Document& document,
                                 const RulePackData& pack, const std::set<std::string>& disabled = {});

// valueIn is a value the prompts name (a characteristic's or group's name, an aim, a section
// title, a list of the parts a figure lacks) in the pack's language, from its placeholder values
// ("Age" -> "Oedran" in Welsh): what a panel shows beside the prompts names things as they do. A
// value the language has no word for (a department's own group) is returned as it is.
std::string valueIn(const RulePackData& pack, const std::string& value);

// samePrompt: the same rule about the same characteristic at the same words; what identifies a
// prompt across checks (a dismissal, a review comment and the pending-changes comparison use it).
bool samePrompt(const Finding& a, const Finding& b);

// onlyIn is each finding of `list` that `other` has no samePrompt for, in order.
std::vector<Finding> onlyIn(const std::vector<Finding>& list, const std::vector<Finding>& other);

// sectionsToPropose: the sections that the prompts ask for (each once), in the order of an
// assessment, as "Propose Sections" inserts them.
std::vector<std::string> sectionsToPropose(const std::vector<Finding>& findings, const Templates& templates);

// readinessScore is a 0-100 measure of how complete the assessment looks (see docs/scoring.md).
int readinessScore(const Assessment& assessment);
} // namespace dueregard::engine
