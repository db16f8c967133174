#!/usr/bin/env bash
# The same set-up as run.sh, then every test: unit tests, integration tests against a real
# headless LibreOffice, and the GUI smoke test under Xvfb. Ends with ctest's summary line.
# Warnings are errors here, as in CI.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/deps.sh
./scripts/build.sh -DDUEREGARD_WERROR=ON -DDUEREGARD_SANITIZERS=ON
ctest --test-dir build --output-on-failure "$@"
