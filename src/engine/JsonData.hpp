#pragma once
// Reading the JSON rule data: parse with a clear message, validate against a built-in schema and
// report the first problem with its JSON path. Shared by rule packs, lexicons and templates.

#include "engine/RulePack.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace dueregard::engine
{
// parseJson throws RuleDataError naming the file when the text is not JSON.
nlohmann::json parseJson(const std::string& text, const DataFile& file);
// validateJson checks a document against a schema's text and throws the most specific error,
// with its JSON path ("/rules/3/severity").
void validateJson(const nlohmann::json& document, const std::string& schemaText,
                  const DataFile& file);
} // namespace dueregard::engine
