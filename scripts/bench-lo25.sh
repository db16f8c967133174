#!/usr/bin/env bash
# Runs one of the benchmarks in bench/ against LibreOffice 25.2 (Debian 13), in the root of
# scripts/lo25-root.sh, with the very .oxt built here, the way scripts/test-lo25.sh runs the tests:
# the .oxt, bench/, the test helpers and the samples are copied into the root's /tmp, the bench
# runs there as root with /proc, /sys, /dev and /dev/pts bind-mounted only for that run, and
# lo25-root.sh kills every process left inside and undoes every mount on exit.
#
#   scripts/bench-lo25.sh BUILD_DIR SCRIPT [ARG…]   e.g. scripts/bench-lo25.sh build office_bench.py 10 100
#
# startup_instructions.py cannot run there: the root has no valgrind (and gets none: it holds
# only what the tests need).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(dirname "$here")
build=$(cd "${1:?usage: $0 BUILD_DIR SCRIPT [ARG…]}" && pwd)
script=${2:?usage: $0 BUILD_DIR SCRIPT [ARG…]}
shift 2
SUDO=()
if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo -n); fi

oxt=$(ls "$build"/dueregard-*.oxt)
root=$("${SUDO[@]}" "$here/lo25-root.sh" path)
"${SUDO[@]}" "$here/lo25-root.sh" ensure
run=/tmp/dueregard-lo25-bench
stage=$root$run
cleanup() { "${SUDO[@]}" rm -rf --one-file-system "$stage"; }
trap cleanup EXIT
"${SUDO[@]}" rm -rf --one-file-system "$stage"
"${SUDO[@]}" mkdir -p "$stage/src/tests" "$stage/build"
"${SUDO[@]}" cp -r "$source_dir/tests/integration" "$stage/src/tests/"
"${SUDO[@]}" cp -r "$source_dir/bench" "$source_dir/samples" "$stage/src/"
"${SUDO[@]}" cp "$oxt" "$stage/build/"
"${SUDO[@]}" chmod -R a+rwX "$stage"
# shellcheck disable=SC2016  # expanded inside the root
"${SUDO[@]}" env DUEREGARD_BUILD=$run/build DUEREGARD_SOURCE=$run/src DUEREGARD_OXT="$run/build/$(basename "$oxt")" \
  timeout --kill-after=60 3000 "$here/lo25-root.sh" run-as-root sh -c 'cd "$DUEREGARD_SOURCE" && exec python3 "bench/$0" "$@"' \
  "$script" "$@"
