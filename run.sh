#!/usr/bin/env bash
# Quick start: installs what is missing, builds, installs the extension into a private profile
# under build/, and opens Writer on the bundled sample with the Due Regard deck shown.
# With no display ($DISPLAY unset) it checks the sample headlessly and prints the result.
set -euo pipefail
cd "$(dirname "$0")"

./scripts/deps.sh
./scripts/build.sh

SAMPLE=samples/sample-eia.fodt
PROFILE="$PWD/build/profile"

# The command line installs the freshly built .oxt into the profile when it has changed.
if [[ -z "${DISPLAY:-}" ]]; then
  echo "No display: checking $SAMPLE headlessly."
  exec build/bin/dueregard check --profile "$PROFILE" "$SAMPLE"
fi

build/bin/dueregard check --profile "$PROFILE" "$SAMPLE" >/dev/null
# Open a copy, so that trying things out never changes the bundled sample.
mkdir -p build/try
COPY="build/try/$(basename "$SAMPLE")"
cp "$SAMPLE" "$COPY"
PIPE="dueregard-run-$$"
/usr/lib/libreoffice/program/soffice -env:UserInstallation="file://$PROFILE" --norestore --nologo \
  "--accept=pipe,name=$PIPE;urp;" "$COPY" &
OFFICE=$!
/usr/bin/python3 scripts/show-deck.py "$PIPE" "$COPY" || echo "run.sh: could not open the deck; use Tools > Due Regard" >&2
wait "$OFFICE"
