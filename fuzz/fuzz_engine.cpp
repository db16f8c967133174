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
// Everything two checks must agree on, in one string.
std::string summary(const engine::CheckResult& r)
{
    std::string s = std::to_string(r.score) + " " + r.assessment.kind + " " + r.assessment.jurisdiction + " "
                    + std::to_string(r.facts.words) + " " + std::to_string(r.facts.paragraphs) + "\n";
    for (const engine::CharacteristicResult& c : r.assessment.characteristics)
        s += c.id + (c.addressed ? " a" : " -") + (c.evidence ? "e" : "-") + engine::impactName(c.impact)
             + (c.mitigation ? "m " : "- ") + std::to_string(c.where.block) + ":" + std::to_string(c.where.start) + "-"
             + std::to_string(c.where.end) + " " + std::to_string(c.noImpactAt.block) + ":" + std::to_string(c.noImpactAt.start) + "\n";
    for (const engine::Finding& f : r.findings)
        s += f.id + " " + f.characteristic + " " + std::to_string(f.location.block) + ":" + std::to_string(f.location.start) + "-"
             + std::to_string(f.location.end) + " " + f.excerpt + "\n";
    return s;
}

void check(const model::Document& doc, std::uint8_t selector, std::size_t seed)
{
    static engine::Engine engine;
    static engine::Engine reference;
    engine::CheckOptions options;
    if (selector & 0x10)
        options.assess.jurisdiction = "wales";
    if (selector & 0x20)
        options.requiredSections = { "engagement", "monitoring" };
    (void)engine.check(doc, options);
    (void)engine.check(doc, options); // again, from the block cache
    if (doc.blocks.empty())
        return;
    // An edit reported as an editor reports it: one block's text cut short, or another's added
    // to it. The re-check must give what a check from scratch gives.
    model::Document edited = doc;
    const std::size_t b = seed % edited.blocks.size();
    const std::u16string& other = doc.blocks[(seed / 7) % doc.blocks.size()].text;
    if (selector & 0x40)
        edited.blocks[b].text.resize(edited.blocks[b].text.size() / 2);
    else
        edited.blocks[b].text += other.substr(0, 200);
    if (selector & 0x80)
        edited.blocks[b].outlineLevel = edited.blocks[b].outlineLevel > 0 ? 0 : 2;
    const std::string again = summary(engine.recheck(edited, { b }, options));
    (void)reference.check(model::Document{}); // so that its next check starts afresh
    if (again != summary(reference.check(edited, options)))
        __builtin_trap();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto [selector, input] = fuzz::split(data, size);
    switch (selector % 4)
    {
    case 0:
        check(model::documentFromPlainText(input), selector, input.size());
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
        check(doc, selector, input.size());
        break;
    }
    case 2:
        try
        {
            check(model::parseDocument(input), selector, input.size());
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
            (void)stats::insertionPlan(
                stats::analyse(table.groups, static_cast<stats::Measure>(selector % 3)), "",
                "1 January 2026", selector & 4 ? "cy" : "en-GB");
        break;
    }
    }
    return 0;
}
