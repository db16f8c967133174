// The engine on arbitrary text: UTF-8 (as from a PDF), UTF-16 code units (as Writer hands them
// over, unpaired surrogates included), and document models in their JSON form.
#include "FuzzCommon.hpp"

#include "engine/Engine.hpp"
#include "model/DocumentJson.hpp"
#include "model/PlainText.hpp"
#include "stats/Counts.hpp"
#include "stats/Insertion.hpp"

using namespace dueregard;

namespace
{
void check(const model::Document& doc, std::uint8_t selector)
{
    static engine::Engine engine;
    engine::CheckOptions options;
    if (selector & 0x10)
        options.assess.jurisdiction = "wales";
    if (selector & 0x20)
        options.requiredSections = { "engagement", "monitoring" };
    (void)engine.check(doc, options);
    (void)engine.check(doc, options); // again, from the block cache
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto [selector, input] = fuzz::split(data, size);
    switch (selector % 4)
    {
    case 0:
        check(model::documentFromPlainText(input), selector);
        break;
    case 1:
    {
        // UTF-16 code units, two bytes each, split into blocks at U+2029 and headings at U+0001.
        model::Document doc;
        model::Block block;
        for (std::size_t i = 0; i + 1 < input.size(); i += 2)
        {
            const char16_t c = static_cast<char16_t>(static_cast<unsigned char>(input[i]) | (static_cast<unsigned char>(input[i + 1]) << 8));
            if (c == 0x2029 || c == 0x0001)
            {
                block.id = std::to_string(doc.blocks.size());
                doc.blocks.push_back(block);
                block = model::Block{};
                block.outlineLevel = c == 0x0001 ? 1 : 0;
            }
            else
                block.text += c;
        }
        block.id = std::to_string(doc.blocks.size());
        doc.blocks.push_back(block);
        check(doc, selector);
        break;
    }
    case 2:
        try
        {
            check(model::parseDocument(input), selector);
        }
        catch (const model::ModelFormatError&)
        {
        }
        break;
    case 3:
    {
        // The disproportionality calculator's input.
        const stats::CountsTable table = stats::parseCounts(input);
        if (stats::problemWith(table, "").empty())
            (void)stats::insertionPlan(stats::analyse(table.groups, static_cast<stats::Measure>(selector % 3)), "", "1 January 2026");
        break;
    }
    }
    return 0;
}
