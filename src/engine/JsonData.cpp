#include "engine/JsonData.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace dueregard::engine
{
using nlohmann::json;

json parseJson(const std::string& text, const DataFile& file)
{
    try
    {
        return json::parse(text);
    }
    catch (const json::exception& e) // a syntax error, or a number too large to hold (found by fuzzing)
    {
        throw RuleDataError(
            file, "", l10n::Message("data.not_json", { { "detail", std::string(e.what()) } }));
    }
}

void validateJson(const json& document, const std::string& schemaText, const DataFile& file)
{
    const json schemaJson = json::parse(schemaText);
    valijson::Schema schema;
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter schemaAdapter(schemaJson);
    parser.populateSchema(schemaAdapter, schema);

    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(document);
    if (validator.validate(schema, target, &results))
        return;
    // The deepest error is the most specific one; report it.
    valijson::ValidationResults::Error error;
    valijson::ValidationResults::Error deepest;
    std::size_t depth = 0;
    while (results.popError(error))
        if (error.context.size() >= depth)
        {
            depth = error.context.size();
            deepest = error;
        }
    std::string path;
    for (const std::string& part : deepest.context)
        if (part != "<root>")
        {
            std::string p = part;
            if (p.size() > 2 && p.front() == '[' && p.back() == ']')
                p = p.substr(1, p.size() - 2);
            if (p.size() > 2 && p.front() == '"' && p.back() == '"')
                p = p.substr(1, p.size() - 2);
            path += "/" + p;
        }
    throw RuleDataError(file, path, deepest.description);
}

} // namespace dueregard::engine
