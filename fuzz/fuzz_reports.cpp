// The report writers (JSON, text, CSV, HTML) on documents whose text and file names are arbitrary.
#include "FuzzCommon.hpp"

#include "engine/Engine.hpp"
#include "model/PlainText.hpp"
#include "report/Batch.hpp"
#include "report/Report.hpp"

#include <nlohmann/json.hpp>

using namespace dueregard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input = fuzz::text(data, size);
    static engine::Engine engine;
    report::FileReport r;
    r.file = input.substr(0, 64);
    const model::Document doc = model::documentFromPlainText(input);
    r.result = engine.check(doc);
    r.facts = r.result.facts;
    if (!input.empty() && input[0] == 'E')
        r.error = input.substr(1, 40);
    (void)report::dumpJson(report::toJson(r));
    (void)report::toText(r);
    const std::string csv = report::csvSummary({ r });
    const std::string html = report::htmlReport({ r }, input.substr(0, 20));
    (void)report::reportFileName(3, r.file);
    // Whatever the document says, it cannot open a tag in the HTML report.
    if (html.find("<script>alert") != std::string::npos)
        __builtin_trap();
    (void)csv;
    return 0;
}
