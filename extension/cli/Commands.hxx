#pragma once
// The command line's commands beside `check` (Main.cxx): make-policy and rules test
// (PolicyCommands.cxx), and what all of them share: the exit status, the help and a usage error,
// and reading a policy or layer file.

#include <filesystem>
#include <optional>
#include <string>

namespace dueregard::cli
{
constexpr int kExitOk = 0;
constexpr int kExitThreshold = 1;
constexpr int kExitProblem = 2;

// The help, in the run's language (Say.hxx).
std::string usage();
// usageError prints the message and the help on standard error and exits with kExitProblem.
[[noreturn]] void usageError(const std::string& message);
// readSmallFile reads a policy or layer file (up to 16 MB); nothing if it cannot.
std::optional<std::string> readSmallFile(const std::filesystem::path& path);

// dueregard make-policy POLICY.json [--output FILE.oxt]
int runMakePolicy(int argc, char** argv);
// dueregard rules test LAYER.json
int runRulesTest(int argc, char** argv);
} // namespace dueregard::cli
