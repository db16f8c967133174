#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan in build/fuzz, and runs each for
# a bounded time, two at a time, starting from its committed seed corpus (fuzz/corpus/<target>).
# New inputs found along the way go to build/fuzz/corpus (the committed corpus is not changed);
# a crash is saved as build/fuzz/crash-<target>-* and fails the run: fix it, then add the input
# to fuzz/corpus/<target>/ as a regression seed.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 45 seconds, every target)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-45}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then targets=(rule_data policy lexicon engine reports); fi

CC=clang CXX=clang++ cmake -S . -B build/fuzz -DDUEREGARD_FUZZ=ON -DDUEREGARD_BUILD_EXTENSION=OFF \
  -DDUEREGARD_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
run() {
  local target=$1 work=build/fuzz/corpus/$1
  mkdir -p "$work"
  local log=build/fuzz/$target.log
  # Seeds first (read-only), then the working corpus, which collects what the run finds.
  if build/fuzz/bin/fuzz_"$target" "$work" "fuzz/corpus/$target" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -max_len=131072 -artifact_prefix="build/fuzz/crash-$target-" >"$log" 2>&1; then
    echo "fuzz $target: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 | sed 's/Done //; s/ second/ s/'), no crash"
  else
    echo "fuzz $target: FAILED (see $log and build/fuzz/crash-$target-*)"
    tail -40 "$log"
    return 1
  fi
}
pids=()
for target in "${targets[@]}"; do
  run "$target" &
  pids+=($!)
  if ((${#pids[@]} == 2)); then
    wait "${pids[0]}" || status=1
    pids=("${pids[1]}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
