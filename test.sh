#!/usr/bin/env bash
# The same set-up as run.sh, then every test: static checks (cppcheck, clang-tidy), the fuzzers
# (bounded time), unit tests, integration
# tests against a real headless LibreOffice, and the GUI tests under Xvfb. Ends with ctest's
# summary line; fails if either the fuzzers or ctest did. Warnings are errors here, as in CI.
#   DUEREGARD_FUZZ_SECONDS=N   seconds per fuzz target (default 45; 0 skips fuzzing)
set -euo pipefail
cd "$(dirname "$0")"

./scripts/deps.sh
./scripts/build.sh -DDUEREGARD_WERROR=ON -DDUEREGARD_SANITIZERS=ON
status=0
./scripts/lint.sh || status=1
seconds=${DUEREGARD_FUZZ_SECONDS:-45}
if ((seconds > 0)); then
  ./scripts/fuzz.sh "$seconds" || status=1
fi
ctest --test-dir build --output-on-failure "$@" || status=1
exit $status
