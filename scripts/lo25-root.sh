#!/usr/bin/env bash
# A second test environment: LibreOffice 25.2 as Debian 13 ("trixie") ships it, in a throwaway
# debootstrap root that holds only LibreOffice Writer, the Python bridge, a virtual display, fonts
# and the few tools the tests call (no compiler, no -dev package), so that a library the .oxt
# needs but LibreOffice does not provide fails there as it would on a user's machine.
#
#   scripts/lo25-root.sh ensure          create the root (or refresh it if its package list changed)
#   scripts/lo25-root.sh run CMD [ARG…]   ensure, then run CMD inside the root as the unprivileged
#                                        user "dueregard" (unopkg refuses root), with /proc, /sys,
#                                        /dev and /dev/pts bind-mounted only for that run
#   scripts/lo25-root.sh run-as-root CMD  the same as root inside the root (a shared install)
#   scripts/lo25-root.sh path            print where the root is
#
# The root is cached outside the clone (CI runs in a fresh clone on the same machine):
# DUEREGARD_LO25_ROOT, by default /var/cache/dueregard/trixie-root. A stamp file in it records the
# package list; a changed list rebuilds it. Creating it needs root, debootstrap and Debian's
# registry; it takes a few minutes and about 1.3 GB. Whatever happens, every mount made here is
# undone and every process still running inside the root is killed on exit.
set -euo pipefail

ROOT=${DUEREGARD_LO25_ROOT:-/var/cache/dueregard/trixie-root}
SUITE=trixie
# What the root holds. Changing this list rebuilds the root.
PACKAGES=(
  libreoffice-writer python3-uno
  # as on the host (scripts/deps.sh): Calc, for the test that a spreadsheet is refused, and the
  # GTK 3 look, for the dark and high-contrast themes
  libreoffice-calc libreoffice-gtk3
  # LibreOffice's interface in Welsh, for the tests of Due Regard in a Welsh LibreOffice
  libreoffice-l10n-cy
  # GUI: a virtual display, fonts, a window manager, input and screenshots
  xvfb xauth fonts-dejavu-core openbox xdotool x11-utils imagemagick
  # the PDF export check reads the text back
  poppler-utils
)
USER_NAME=dueregard
STAMP_TEXT="suite=$SUITE packages=${PACKAGES[*]} user=$USER_NAME"

die() { echo "lo25-root: $*" >&2; exit 1; }

mirror() {
  # The Debian mirror this machine already uses (deb822 or one-line sources).
  local url=""
  if [[ -r /etc/apt/sources.list.d/debian.sources ]]; then
    url=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [[ -z $url && -r /etc/apt/sources.list ]]; then
    url=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list)
  fi
  echo "${url:-http://deb.debian.org/debian}"
}

MOUNTED=()
mount_in() { # $1: the root
  local dir=$1 m
  for m in proc sys dev dev/pts; do
    mkdir -p "$dir/$m"
    mount --bind "/$m" "$dir/$m"
    MOUNTED=("$dir/$m" "${MOUNTED[@]}")
  done
}

kill_inside() { # every process whose root is $1, by its id
  local dir p pid root
  dir=$(readlink -f "$1")
  for _ in 1 2 3; do
    local found=0
    for p in /proc/[0-9]*; do
      root=$(readlink "$p/root" 2>/dev/null) || continue
      if [[ $root == "$dir" ]]; then
        pid=${p#/proc/}
        kill -KILL "$pid" 2>/dev/null || true
        found=1
      fi
    done
    ((found)) || return 0
    sleep 0.5
  done
}

cleanup() {
  local status=$?
  if ((${#MOUNTED[@]})); then
    kill_inside "$CURRENT"
    local m
    for m in "${MOUNTED[@]}"; do
      umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
    MOUNTED=()
  fi
  exit $status
}
CURRENT=$ROOT
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

create() {
  [[ $(id -u) -eq 0 ]] || die "creating the root needs root"
  command -v debootstrap >/dev/null || die "debootstrap is missing (./scripts/deps.sh installs it)"
  local new=$ROOT.new started=$SECONDS
  # A half-made root from an interrupted run: nothing can be mounted in it any more (see cleanup).
  rm -rf --one-file-system "$new"
  mkdir -p "$(dirname "$ROOT")"
  echo "lo25-root: creating a Debian 13 root in $new (takes a few minutes)" >&2
  debootstrap --variant=minbase "$SUITE" "$new" "$(mirror)" >"$new.log" 2>&1 ||
    { tail -20 "$new.log" >&2; die "debootstrap failed (log: $new.log)"; }
  CURRENT=$new
  mount_in "$new"
  # No daemons start inside the root while packages are installed.
  printf '#!/bin/sh\nexit 101\n' >"$new/usr/sbin/policy-rc.d"
  chmod +x "$new/usr/sbin/policy-rc.d"
  chroot "$new" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$new.log" 2>&1 ||
    { tail -20 "$new.log" >&2; die "apt-get update failed inside the root"; }
  chroot "$new" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${PACKAGES[@]}" >>"$new.log" 2>&1 ||
    { tail -20 "$new.log" >&2; die "installing ${PACKAGES[*]} failed inside the root"; }
  chroot "$new" apt-get clean
  chroot "$new" useradd --create-home --shell /bin/sh "$USER_NAME"
  # Nothing that builds software may be there: a hidden build-time dependency must fail.
  if chroot "$new" sh -c 'command -v cc || command -v gcc || command -v g++ || command -v c++' >/dev/null; then
    die "the root has a compiler; it must not"
  fi
  if chroot "$new" dpkg-query -W -f '${Package}\n' | grep -- '-dev$' >&2; then
    die "the root has -dev packages (above); it must not"
  fi
  kill_inside "$new"
  local m
  for m in "${MOUNTED[@]}"; do umount "$m"; done
  MOUNTED=()
  CURRENT=$ROOT
  echo "$STAMP_TEXT" >"$new/.dueregard-stamp"
  rm -rf --one-file-system "$ROOT"
  mv "$new" "$ROOT"
  mv "$new.log" "$ROOT.log"
  echo "lo25-root: created $ROOT in $((SECONDS - started)) s ($(chroot "$ROOT" dpkg-query -W -f '${Version}' libreoffice-writer))" >&2
}

ensure() {
  if [[ -f $ROOT/.dueregard-stamp && "$(cat "$ROOT/.dueregard-stamp")" == "$STAMP_TEXT" ]]; then
    return 0
  fi
  create
}

stale() { # what a run that was killed outright (SIGKILL: no trap ran) left: processes and mounts
  local dir m
  [[ -d $1 ]] || return 0
  dir=$(readlink -f "$1")
  kill_inside "$dir"
  while read -r m; do
    echo "lo25-root: unmounting $m, left by an earlier run" >&2
    umount "$m" 2>/dev/null || umount -l "$m" || true
  done < <(awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r)
}

run_inside() { # $1: user or root; then the command
  local who=$1; shift
  [[ $(id -u) -eq 0 ]] || die "running inside the root needs root (chroot and mounts)"
  ensure
  CURRENT=$ROOT
  mount_in "$ROOT"
  local status=0 child
  # In the background, so that a TERM (a timeout) runs the trap at once, not when it ends.
  if [[ $who == root ]]; then
    chroot "$ROOT" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${RUN_ENV[@]}" "$@" &
  else
    chroot --userspec="$USER_NAME:$USER_NAME" "$ROOT" env -i HOME=/home/$USER_NAME PATH=/usr/bin:/bin \
      LANG=C.UTF-8 "${RUN_ENV[@]}" "$@" &
  fi
  child=$!
  wait "$child" || status=$?
  return $status
}

# Variables passed into the root: every DUEREGARD_* of the caller, as they are.
RUN_ENV=()
while IFS='=' read -r name _; do
  [[ $name == DUEREGARD_* && $name != DUEREGARD_LO25_ROOT ]] && RUN_ENV+=("$name=${!name}")
done < <(env)

# One run at a time: a second caller waits for the first (creating the root takes minutes).
mkdir -p "$(dirname "$ROOT")"
exec 9>"$ROOT.lock"
flock 9

stale "$ROOT"
stale "$ROOT.new"

case ${1:-} in
  ensure) ensure ;;
  path) echo "$ROOT" ;;
  run) shift; run_inside user "$@" ;;
  run-as-root) shift; run_inside root "$@" ;;
  *) die "usage: $0 ensure | path | run CMD [ARG…] | run-as-root CMD [ARG…]" ;;
esac
