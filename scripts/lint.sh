#!/usr/bin/env bash
# Static checks on src/ and extension/: cppcheck (warnings, performance, portability) and
# clang-tidy with the committed .clang-tidy (bugs, the clang static analyser, performance).
# Needs build/compile_commands.json (scripts/build.sh writes it). Fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
echo "lint: cppcheck"
cppcheck --enable=warning,performance,portability --std=c++20 --language=c++ --quiet --inline-suppr \
  --error-exitcode=1 -I src -I extension -I build/extension/generated \
  --suppress=missingIncludeSystem --suppress=missingInclude \
  --suppress=normalCheckLevelMaxBranches src/ extension/ || status=1
# clang-tidy's driver: the newest versioned run-clang-tidy-N on the PATH (Debian 12 has -14, 13 has
# -19), else the unversioned one.
tidy=$(compgen -c run-clang-tidy- | grep -E '^run-clang-tidy-[0-9]+$' | sort -t- -k4,4n | tail -n 1) || true
if [[ -z $tidy ]] && command -v run-clang-tidy >/dev/null; then tidy=run-clang-tidy; fi
if [[ -z $tidy ]]; then
  echo "lint: no run-clang-tidy found: install clang-tidy (./scripts/deps.sh does)" >&2
  exit 1
fi
echo "lint: clang-tidy, $tidy ($(nproc) at a time)"
if ! "$tidy" -p build -quiet -j "$(nproc)" -extra-arg=-Wno-unknown-warning-option "^$PWD/(src|extension)/.*\.(cpp|cxx)\$" \
     >build/clang-tidy.log 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' build/clang-tidy.log | grep -E 'error:|warning:' | grep -v 'warnings generated' | sort -u
  status=1
fi
if ((status == 0)); then echo "lint: clean"; fi
exit $status
