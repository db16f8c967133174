#include "model/DocumentJson.hpp"

#include "text/Unicode.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace dueregard::model
{
namespace
{
using nlohmann::json;

[[noreturn]] void fail(const std::string& path, l10n::Message reason)
{
    std::vector<std::pair<std::string, std::variant<std::string, l10n::Message>>> arguments{ { "reason", std::move(reason) } };
    if (!path.empty())
        arguments.emplace_back("path", path);
    throw ModelFormatError(path.empty() ? "document_json.problem_at_root" : "document_json.problem", std::move(arguments));
}

l10n::Message missing(const char* key)
{
    return l10n::Message("document_json.missing", { { "key", std::string(key) } });
}

// The member `key` of `object` (never null: a missing member throws). A pointer, not a reference:
// GCC 14's -Wdangling-reference takes a reference returned by a call that was given a temporary
// (`path` from a literal) as bound to that temporary, though it points into `object`.
const json* member(const json& object, const std::string& path, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end())
        fail(path, missing(key));
    return &*it;
}

std::string stringAt(const json& object, const std::string& path, const char* key,
                     bool required = true)
{
    const auto it = object.find(key);
    if (it == object.end())
    {
        if (required)
            fail(path, missing(key));
        return {};
    }
    if (!it->is_string())
        fail(path + "/" + key, l10n::Message("document_json.expected_string"));
    return it->get<std::string>();
}

int intAt(const json& object, const std::string& path, const char* key, int fallback, int min,
          int max)
{
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (!it->is_number_integer())
        fail(path + "/" + key, l10n::Message("document_json.expected_integer"));
    const auto value = it->get<long long>();
    if (value < min || value > max)
        fail(path + "/" + key,
             l10n::Message("document_json.out_of_range",
                           { { "min", std::to_string(min) }, { "max", std::to_string(max) } }));
    return static_cast<int>(value);
}

const char* kindName(BlockKind kind) { return kind == BlockKind::TableCell ? "cell" : "paragraph"; }
} // namespace

json toJson(const Document& document)
{
    json blocks = json::array();
    for (const Block& b : document.blocks)
    {
        json j = { { "id", b.id }, { "kind", kindName(b.kind) }, { "text", text::toUtf8(b.text) } };
        if (!b.style.empty())
            j["style"] = b.style;
        if (b.outlineLevel > 0)
            j["outline"] = b.outlineLevel;
        if (b.listLevel >= 0)
            j["list"] = b.listLevel;
        if (b.placeholders > 0)
            j["placeholders"] = b.placeholders;
        if (!b.insertedSection.empty())
            j["inserted_section"] = b.insertedSection;
        if (b.kind == BlockKind::TableCell)
        {
            j["table"] = b.table;
            j["row"] = b.row;
            j["column"] = b.column;
        }
        blocks.push_back(std::move(j));
    }
    json tables = json::array();
    for (const Table& t : document.tables)
        tables.push_back({ { "name", t.name }, { "rows", t.rows }, { "columns", t.columns } });
    return { { "title", document.title }, { "blocks", std::move(blocks) },
             { "tables", std::move(tables) } };
}

Document documentFromJson(const json& root)
{
    if (!root.is_object())
        fail("", l10n::Message("document_json.expected_object"));
    Document doc;
    doc.title = stringAt(root, "", "title", false);

    if (const auto it = root.find("tables"); it != root.end())
    {
        if (!it->is_array())
            fail("/tables", l10n::Message("document_json.expected_array"));
        for (std::size_t i = 0; i < it->size(); ++i)
        {
            const std::string path = "/tables/" + std::to_string(i);
            const json& t = (*it)[i];
            if (!t.is_object())
                fail(path, l10n::Message("document_json.expected_object"));
            doc.tables.push_back({ stringAt(t, path, "name", false),
                                   intAt(t, path, "rows", 0, 0, 1'000'000),
                                   intAt(t, path, "columns", 0, 0, 10'000) });
        }
    }

    const json& blocks = *member(root, "", "blocks");
    if (!blocks.is_array())
        fail("/blocks", l10n::Message("document_json.expected_array"));
    doc.blocks.reserve(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
    {
        const std::string path = "/blocks/" + std::to_string(i);
        const json& j = blocks[i];
        if (!j.is_object())
            fail(path, l10n::Message("document_json.expected_object"));
        Block b;
        b.id = stringAt(j, path, "id");
        const std::string kind = stringAt(j, path, "kind", false);
        if (kind == "cell")
            b.kind = BlockKind::TableCell;
        else if (!kind.empty() && kind != "paragraph")
            fail(path + "/kind", l10n::Message("document_json.expected_kind"));
        b.text = text::fromUtf8(stringAt(j, path, "text"));
        b.style = stringAt(j, path, "style", false);
        b.outlineLevel = intAt(j, path, "outline", 0, 0, 10);
        b.listLevel = intAt(j, path, "list", -1, -1, 10);
        b.placeholders = intAt(j, path, "placeholders", 0, 0, 1'000'000);
        b.insertedSection = stringAt(j, path, "inserted_section", false);
        if (b.kind == BlockKind::TableCell)
        {
            b.table = intAt(j, path, "table", -1, 0, static_cast<int>(doc.tables.size()) - 1);
            if (b.table < 0)
                fail(path, l10n::Message("document_json.cell_needs_table"));
            b.row = intAt(j, path, "row", 0, 0, 1'000'000);
            b.column = intAt(j, path, "column", 0, 0, 10'000);
        }
        doc.blocks.push_back(std::move(b));
    }
    return doc;
}

Document parseDocument(const std::string& text)
{
    json root;
    try
    {
        root = json::parse(text);
    }
    catch (const json::exception& e) // a syntax error, or a number too large to hold
    {
        throw ModelFormatError("data.not_json", { { "detail", std::string(e.what()) } });
    }
    return documentFromJson(root);
}
} // namespace dueregard::model
