#!/usr/bin/env bash
# Runs the integration tests against LibreOffice 25.2 (Debian 13) with the very .oxt built here:
# the Debian 13 root of scripts/lo25-root.sh, which has no compiler and no -dev package, gets a
# copy of the .oxt, the test modules, their fixtures and the samples, and runs there the same
# Python test modules as against this machine's LibreOffice (office.py finds LibreOffice at
# /usr/lib/libreoffice/program in either), as root like CI, plus test_lo25 (a plain user's
# `unopkg add`, the command line's office-side reading of .odt and .docx, and the report compared
# with the one this machine's command line gives). The host's command line (built against this
# machine's ICU and SDK, so it cannot run in the root) then checks the .odt, .docx and .pdf that
# LibreOffice 25.2 wrote. Screenshots go to BUILD/screenshots-lo25.
#
#   scripts/test-lo25.sh BUILD_DIR [unittest names…]   (default: the subset below)
#
# Needs root (chroot and bind mounts); without it, or if the root cannot be made, it fails, never
# passes quietly. DUEREGARD_SKIP_LO25=1 skips it on a developer's machine (exit 77, which ctest
# reports as skipped); under CI=true that is refused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(dirname "$here")
build=$(cd "${1:?usage: $0 BUILD_DIR [tests…]}" && pwd)
shift

if [[ ${DUEREGARD_SKIP_LO25:-0} == 1 ]]; then
  if [[ ${CI:-} == true ]]; then
    echo "test-lo25: DUEREGARD_SKIP_LO25=1 is not allowed in CI: the LibreOffice 25.2 tests must run" >&2
    exit 1
  fi
  echo "test-lo25: skipped (DUEREGARD_SKIP_LO25=1)" >&2
  exit 77
fi
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
    echo "test-lo25: needs root (chroot and bind mounts) or password-less sudo; set DUEREGARD_SKIP_LO25=1 to skip on a developer's machine" >&2
    exit 1
  fi
fi

# The subset: every feature once (see README, "LibreOffice 25.2"). The command line's own
# comparison tests need the host-built command line, which cannot run in the root: test_lo25
# covers that path.
TESTS=("$@")
if ((${#TESTS[@]} == 0)); then
  TESTS=(
    test_lo25
    test_extension
    test_commands.CommandsTest.test_findings_point_at_the_right_text
    test_commands.CommandsTest.test_check_reflects_an_edit
    test_commands.CommandsTest.test_bad_export_path_fails_without_touching_the_document
    test_commands.DismissTest test_commands.NoDataLossTest test_commands.UndoTest
    test_commands.AuditTrailTest.test_trail_records_checks_dismissals_and_restorations_and_survives_odt_and_docx
    test_commands.AuditTrailTest.test_no_name_is_kept_when_libreoffice_removes_personal_information
    test_commands.AuditTrailTest.test_read_only_document_gets_no_trail
    test_review test_glossary test_insert test_disproportionality
    test_gui
    test_shared_install.SharedInstallTest.test_shared_install_shows_the_deck_and_removes_cleanly
    test_update
    test_welsh_office
  )
fi

oxt=$(ls "$build"/dueregard-*.oxt)
# The tests that inject faults (DUEREGARD_FAULT) install the test-only package with the hooks,
# built beside it when DUEREGARD_TEST_HOOKS is on (without it, those tests are skipped).
test_oxt=$(ls "$build"/test/dueregard-*-testhooks.oxt 2>/dev/null || true)
cli=$build/bin/dueregard
root=$("${SUDO[@]}" "$here/lo25-root.sh" path)
started=$SECONDS
"${SUDO[@]}" "$here/lo25-root.sh" ensure
echo "test-lo25: root ready after $((SECONDS - started)) s" >&2

# Staged inside the root's /tmp; removed on exit whatever happens.
run=/tmp/dueregard-lo25
stage=$root$run
cleanup() { "${SUDO[@]}" rm -rf --one-file-system "$stage"; }
trap cleanup EXIT
"${SUDO[@]}" rm -rf --one-file-system "$stage"
"${SUDO[@]}" mkdir -p "$stage/src/tests" "$stage/build/out" "$stage/build/reference"
"${SUDO[@]}" cp -r "$source_dir/tests/integration" "$source_dir/tests/fixtures" "$stage/src/tests/"
# The samples and rules, and the resources that test_welsh_office compares what is shown with.
"${SUDO[@]}" cp -r "$source_dir/samples" "$source_dir/rules" "$source_dir/l10n" "$source_dir/dialogs" "$source_dir/registry" "$stage/src/"
"${SUDO[@]}" cp "$oxt" "$build/dueregard.update.xml" "$stage/build/"
if [[ -n $test_oxt ]]; then
  "${SUDO[@]}" mkdir -p "$stage/build/test"
  "${SUDO[@]}" cp "$test_oxt" "$stage/build/test/"
fi
# The report this machine's command line (LibreOffice here) gives for the sample: test_lo25
# compares 25.2's with it.
"$cli" check --format json "$source_dir/samples/sample-eia.fodt" >"$build/lo25-reference.json" || true
"${SUDO[@]}" cp "$build/lo25-reference.json" "$stage/build/reference/sample-eia.json"
# The test policy's package, for test_update (made here: the command line cannot run in the root).
"$cli" make-policy "$source_dir/tests/fixtures/policy/policy.json" --output "$build/lo25-policy.oxt" >/dev/null
"${SUDO[@]}" cp "$build/lo25-policy.oxt" "$stage/build/"
"${SUDO[@]}" chmod -R a+rwX "$stage"

status=0
tests_started=$SECONDS
inside_env=(DUEREGARD_BUILD=$run/build DUEREGARD_SOURCE=$run/src DUEREGARD_OXT=$run/build/$(basename "$oxt")
            DUEREGARD_EXTENSION_ID=${DUEREGARD_EXTENSION_ID:-org.dueregard.writer}
            DUEREGARD_POLICY_OXT=$run/build/lo25-policy.oxt)
if [[ -n $test_oxt ]]; then inside_env+=(DUEREGARD_TEST_OXT=$run/build/test/$(basename "$test_oxt")); fi
# lo25-root.sh passes every DUEREGARD_* variable into the root.
# Bounded below ctest's TIMEOUT, so that lo25-root.sh's own clean-up runs (TERM) if it hangs.
"${SUDO[@]}" env "${inside_env[@]}" timeout --kill-after=60 2000 "$here/lo25-root.sh" run-as-root sh -c 'cd "$DUEREGARD_SOURCE/tests/integration" && exec python3 -m unittest -v "$@"' \
  unittest "${TESTS[@]}" || status=$?
echo "test-lo25: the tests in LibreOffice 25.2 took $((SECONDS - tests_started)) s" >&2

# What 25.2 wrote (test_lo25 leaves .odt, .docx and .pdf in build/out), checked by this machine's
# command line as a user's would be.
mkdir -p "$build/screenshots-lo25" "$build/lo25-out"
if [[ -d $stage/build/screenshots ]]; then cp -r "$stage/build/screenshots/." "$build/screenshots-lo25/"; fi
cp -r "$stage/build/out/." "$build/lo25-out/" 2>/dev/null || true
written=("$build"/lo25-out/*.{odt,docx,pdf})
if ((status == 0)); then
  if [[ ! -f ${written[0]} ]]; then
    echo "test-lo25: LibreOffice 25.2 wrote no documents for the command line to check" >&2
    status=1
  elif ! python3 "$source_dir/tests/integration/lo25_cli_check.py" "$cli" "$build/lo25-reference.json" "${written[@]}"; then
    status=1
  fi
fi
echo "test-lo25: $((SECONDS - started)) s in all" >&2
exit $status
