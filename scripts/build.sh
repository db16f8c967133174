#!/usr/bin/env bash
# Configures and builds Due Regard into build/ (the engine, the UNO component, the .oxt and the
# command line). Extra arguments go to the CMake configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build "$@" >/dev/null
cmake --build build -j"$(nproc)"
