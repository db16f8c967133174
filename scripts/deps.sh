#!/usr/bin/env bash
# Installs the Debian 12 packages Due Regard needs to build, run and test, if any are missing.
# Safe to run repeatedly: it installs nothing when everything is present.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake make pkg-config zip unzip
  # engine libraries
  libicu-dev icu-devtools nlohmann-json3-dev libvalijson-dev libboost-dev libgtest-dev
  # LibreOffice, its SDK and the Python bridge used by the integration tests
  libreoffice-writer libreoffice-calc libreoffice-dev libreoffice-dev-common python3-uno
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
  clang libclang-rt-14-dev strace
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
