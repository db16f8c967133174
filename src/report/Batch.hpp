#pragma once
// Reports over many files, for equality teams and for organisations auditing assessments in bulk:
// a CSV summary (one row per file) and a self-contained HTML report (a heatmap of files against
// characteristics, sortable by score, each file's prompts and the questions to put to the public
// body). Everything taken from documents is escaped.

#include "report/Report.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dueregard::report
{
// characteristicStatus says in a word how a characteristic is covered: "evidenced",
// "considered" (without evidence), "listed" (only named in a list) or "missing".
std::string characteristicStatus(const engine::CharacteristicResult& c);

// csvSummary: file, status, score, kind, jurisdiction, counts by severity, then one column per
// characteristic and extra group met in any file, then the error of a file that was not checked.
std::string csvSummary(const std::vector<FileReport>& reports);

// htmlReport is one HTML page needing nothing else (styles and the sorting script inline).
std::string htmlReport(const std::vector<FileReport>& reports, const std::string& generatedOn);

// reportFileName is the name of a file's own JSON report in the output folder: its position and
// its name made safe ("003-library-hours-eia.json").
std::string reportFileName(std::size_t index, const std::string& path);

// Thresholds a pipeline sets (dueregard check --fail-on, --min-score).
struct Thresholds
{
    std::optional<std::string> failOn; // "error": any error-level prompt; "warning": any error or warning
    std::optional<int> minScore;       // a readiness score below it
};
// crossesThreshold says whether a checked file crosses one of them (a file not checked does not).
bool crossesThreshold(const FileReport& report, const Thresholds& thresholds);

// escapeHtml and escapeCsv are exposed for tests.
std::string escapeHtml(const std::string& text);
std::string escapeCsv(const std::string& field);
} // namespace dueregard::report
