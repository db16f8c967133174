#pragma once
// The closed set of kinds a rule can be (see RuleKinds.hpp for what each looks for).

#include <optional>
#include <string_view>

namespace dueregard::engine
{
enum class RuleKind { CharacteristicFact, DocumentFact, Places, TermsRequired, TermsPresent, TermsWithoutCompanion, Check };

std::optional<RuleKind> ruleKindNamed(std::string_view name);
const char* ruleKindName(RuleKind kind);
bool isTermsKind(RuleKind kind);
} // namespace dueregard::engine
