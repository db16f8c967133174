#pragma once
// The kinds of rule a rule pack or a department's layer can state as data, and the facts, places
// and terms their parameters name. The set is closed (rules/schema/rulepack.schema.json lists the
// same names): a rule of a data kind is one JSON entry; a rule that needs code is of kind "check"
// and has one file in engine/checks/, registered in checks/Checks.cpp.
//
//   characteristic_fact      fires for each characteristic (or group) of which `fact` holds
//   document_fact            fires once when every fact in `when` has the value given
//   places                   fires at each place of one kind the assessment found (`places`)
//   terms_required           fires once when no paragraph uses any of `terms`
//   terms_present            fires at each paragraph that uses one of `terms`
//   terms_without_companion  fires at each paragraph that uses one of `terms` and none of
//                            `companions`
//   check                    code: engine/checks/

#include "engine/Assessment.hpp"
#include "engine/RuleKind.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dueregard::engine
{
// The names each parameter can take, for loading's checks and its messages.
const std::vector<std::string_view>& characteristicFactNames();
const std::vector<std::string_view>& documentFactNames();
const std::vector<std::string_view>& placeNames();
const std::vector<std::string_view>& pointNames(); // a document fact's single place (`at`)

// Whether `fact` holds of one characteristic; `where` is set to the place the prompt points at.
bool characteristicFact(std::string_view fact, const CharacteristicResult& c, Location& where);
// A yes-or-no fact of the whole assessment.
bool documentFact(std::string_view fact, const Assessment& a);
// One place the assessment found (a blanket claim, internal engagement, technology), or the
// document when it found none.
Location point(std::string_view name, const Assessment& a);

// A place of one kind, and the values its wording can use ({term}, {missing}).
struct Place
{
    Location where;
    std::map<std::string, std::string> values;
};
std::vector<Place> places(std::string_view name, const Assessment& a);
} // namespace dueregard::engine
