#pragma once
// The JSON form of model::Document. It is how a document crosses from the office process to the
// engine (one string per document instead of a UNO round trip per paragraph), and how tests and
// benchmarks write documents down.

#include "l10n/Error.hpp"
#include "model/Document.hpp"

#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>

namespace dueregard::model
{
// ModelFormatError is thrown for JSON that is not a valid document; what() names the JSON path.
// It is an l10n::Error: l10n::describe words it in the reader's language.
class ModelFormatError : public l10n::Error
{
public:
    using l10n::Error::Error;
};

nlohmann::json toJson(const Document& document);

// documentFromJson builds a document from toJson's form. It checks every field and throws
// ModelFormatError naming the JSON path of the first problem.
Document documentFromJson(const nlohmann::json& json);

// parseDocument parses UTF-8 JSON text; malformed text is a ModelFormatError too.
Document parseDocument(const std::string& text);
} // namespace dueregard::model
