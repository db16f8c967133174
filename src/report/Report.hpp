#pragma once
// The per-file report: what the command line prints (JSON or text) and what
// vnd.dueregard:ExportReport writes. Its JSON keys are a contract with users' pipelines:
// extend, never rename.

#include "engine/AuditTrail.hpp"
#include "engine/Engine.hpp"
#include "model/Facts.hpp"

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace dueregard::report
{
struct Timings
{
    double loadMs = 0;    // LibreOffice opening the file
    double extractMs = 0; // DocumentAdapter reading it into the model
    double checkMs = 0;   // the engine
};

struct FileReport
{
    std::string file;
    std::optional<std::string> error; // set when the file could not be checked
    model::DocumentFacts facts;
    engine::CheckResult result;
    std::optional<Timings> timings;
    engine::AuditTrail auditTrail; // kept in the document: its checks, dismissals and restorations
};

// The sentence every report carries, in `language` (l10n report.disclaimer): findings are
// prompts, not legal verdicts.
std::string disclaimer(std::string_view language);

// assessmentJson is the "assessment" object of the report (also used by the sidebar's export).
nlohmann::json assessmentJson(const engine::Assessment& assessment);
nlohmann::json findingJson(const engine::Finding& finding);

nlohmann::json toJson(const FileReport& report);

// dumpJson writes JSON text that is always valid: a string that is not UTF-8 (a file name on a
// Linux file system can be anything) has its bad bytes replaced by U+FFFD instead of throwing.
std::string dumpJson(const nlohmann::json& json, int indent = -1);

// toText renders a report for a person at a terminal, worded in the language its prompts were
// written in (result.language).
std::string toText(const FileReport& report);
} // namespace dueregard::report
