// JsonData: text that is not JSON is refused naming the file, and a document that breaks its
// schema is refused with the JSON path of the most specific problem.

#include "engine/JsonData.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace dueregard::engine;

namespace
{
const char* const kSchema = R"({
  "type": "object",
  "required": ["pack", "rules"],
  "properties": {
    "pack": { "type": "string" },
    "rules": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "severity"],
        "properties": {
          "id": { "type": "string" },
          "severity": { "enum": ["error", "warning", "advice"] }
        }
      }
    }
  }
})";

RuleDataError validationError(const std::string& document)
{
    try
    {
        validateJson(nlohmann::json::parse(document), kSchema, "council.json");
    }
    catch (const RuleDataError& e)
    {
        return e;
    }
    ADD_FAILURE() << "accepted: " << document;
    return RuleDataError("", "", "");
}
} // namespace

TEST(JsonDataTest, ValidJsonParses)
{
    const nlohmann::json j = parseJson(R"({"pack": "housing", "rules": []})", "housing.json");
    EXPECT_EQ(j.at("pack"), "housing");
}

TEST(JsonDataTest, SyntaxErrorNamesTheFile)
{
    try
    {
        parseJson("{\"pack\": ", "housing.json");
        FAIL() << "broken JSON was accepted";
    }
    catch (const RuleDataError& e)
    {
        EXPECT_EQ(e.file(), "housing.json");
        EXPECT_NE(e.reason().find("not valid JSON"), std::string::npos);
    }
}

TEST(JsonDataTest, DocumentThatFitsTheSchemaPasses)
{
    EXPECT_NO_THROW(validateJson(nlohmann::json::parse(R"({"pack": "p", "rules": [{"id": "a", "severity": "advice"}]})"),
                                 kSchema, "council.json"));
}

TEST(JsonDataTest, WrongValueDeepInsideIsReportedWithItsPath)
{
    const RuleDataError e = validationError(
        R"({"pack": "p", "rules": [{"id": "a", "severity": "advice"}, {"id": "b", "severity": "urgent"}]})");
    EXPECT_EQ(e.file(), "council.json");
    EXPECT_EQ(e.path(), "/rules/1/severity");
    EXPECT_FALSE(e.reason().empty());
}

TEST(JsonDataTest, WrongTypeIsReportedAtTheField)
{
    const RuleDataError e = validationError(R"({"pack": 7, "rules": []})");
    EXPECT_EQ(e.path(), "/pack");
}

TEST(JsonDataTest, MissingRequiredFieldIsReportedAtItsParent)
{
    const RuleDataError e = validationError(R"({"pack": "p", "rules": [{"id": "a"}]})");
    EXPECT_EQ(e.path(), "/rules/0");
    EXPECT_NE(e.reason().find("severity"), std::string::npos);
}
