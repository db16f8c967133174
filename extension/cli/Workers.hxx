#pragma once
// Workers check a batch of files in parallel: each worker has its own office (its own profile,
// copied from the first) reused from file to file, and its own engine. A file that takes longer
// than the time limit has its office killed; a file that crashes the office is reported the same
// way; either way the worker's office is restarted and the batch goes on.

#include "Office.hxx"

#include "engine/Engine.hpp"
#include "report/Report.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace dueregard::cli
{
struct WorkerSettings
{
    OfficeOptions office;                  // the first worker's; the others' profiles sit beside it
    std::size_t workers = 1;
    std::chrono::seconds fileTimeout{ 180 };
    std::function<std::unique_ptr<engine::Engine>()> makeEngine;
    engine::CheckOptions checkOptions;
    bool timings = false;
};

// The profile of worker `index` (0 is the profile itself).
std::filesystem::path workerProfile(const std::filesystem::path& profile, std::size_t index);

// checkAll checks every file and calls onReport on the calling thread, in the order of `files`,
// as soon as each report and all before it are ready; onProgress(done, total) after each.
// Throws OfficeError if no office could be started at all.
void checkAll(const WorkerSettings& settings, const std::vector<std::filesystem::path>& files,
              const std::function<void(std::size_t, report::FileReport&&)>& onReport,
              const std::function<void(std::size_t)>& onProgress);
} // namespace dueregard::cli
