#!/usr/bin/env bash
# Installs the Debian packages Due Regard needs to build, run and test, if any are missing.
# Safe to run repeatedly: it installs nothing when everything is present.
# Debian 12 (bookworm) and 13 (trixie); the few names that differ (clang's version is part of
# them) are picked from /etc/os-release.
set -euo pipefail

# The release, without taking os-release's variables into this script.
release=$( . /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}/${VERSION_ID:-}") || release=/
case $release in
  bookworm/* | */12) clang_version=14 ;;
  trixie/* | */13) clang_version=19 ;;
  *) clang_version="" ;; # another release: Debian's default clang, whatever its version
esac
if [[ -n $clang_version ]]; then
  CLANG=(clang "libclang-rt-$clang_version-dev")
  LINT=(cppcheck "clang-tidy-$clang_version")
else
  CLANG=(clang libclang-rt-dev)
  LINT=(cppcheck clang-tidy)
fi

PACKAGES=(
  # toolchain
  g++ cmake make pkg-config zip unzip
  # engine libraries
  libicu-dev icu-devtools nlohmann-json3-dev libvalijson-dev libboost-dev libgtest-dev
  # LibreOffice, its SDK and the Python bridge used by the integration tests
  libreoffice-writer libreoffice-calc libreoffice-dev libreoffice-dev-common python3-uno
  # LibreOffice's own interface in Welsh, for the tests of Due Regard in a Welsh LibreOffice
  libreoffice-l10n-cy
  # GUI tests: a virtual display, input and screenshots, and fonts for readable screenshots
  xvfb xdotool imagemagick x11-utils fonts-dejavu-core fonts-liberation2
  # the GUI tests' dark theme: LibreOffice's GTK 3 look, with GTK_THEME=Adwaita:dark
  libreoffice-gtk3
  # a window manager for the keyboard test (without one no window has the keyboard focus)
  openbox
  poppler-utils
  # the batch report's HTML is rendered in a real browser in the tests
  chromium
  # hardening: libFuzzer (clang), and a system-call trace for the no-network test
  "${CLANG[@]}" strace
  # static checks (scripts/lint.sh): cppcheck and clang-tidy's run-clang-tidy
  "${LINT[@]}"
  # the LibreOffice 25.2 tests: a Debian 13 root made by scripts/lo25-root.sh
  debootstrap
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ -z $clang_version ]]; then
  echo "Due Regard: scripts/deps.sh knows Debian 12 and 13, not '$release': using Debian's default clang" >&2
fi
echo "Due Regard: installing missing packages: ${missing[*]}"
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then SUDO=(sudo); else
    echo "error: these packages are missing and you are not root (and sudo is not available): ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
