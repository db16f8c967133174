#pragma once
// FileCheck reads one file for the command line and checks it: a document through the office
// (loaded without a window, read by the extension's DocumentService inside the office), a PDF
// through poppler's pdftotext. Problems with the file become the report's error, never an
// exception; a failure of the office itself (a crash, a kill) surfaces as a UNO exception.

#include "Office.hxx"

#include "engine/Engine.hpp"
#include "report/Report.hpp"

#include <filesystem>

namespace dueregard::cli
{
report::FileReport checkFile(Office& office, engine::Engine& engine, const engine::CheckOptions& options,
                             const std::filesystem::path& file, bool timings);
} // namespace dueregard::cli
