#!/usr/bin/env bash
# Installs the Debian 12 packages inkset needs to build and test, only those missing.
# Run as root (or with sudo available). Safe to run again. Arguments name more packages
# (scripts/cross-test.sh adds its cross compiler and qemu-user).
set -euo pipefail

packages=(
  gcc make cmake pkg-config clang libclang-rt-14-dev valgrind
  libfreetype-dev libharfbuzz-dev libpng-dev libjpeg62-turbo-dev libfribidi-dev
  libunibreak-dev libthai-dev libhyphen-dev hyphen-en-us libmd4c-dev libcjson-dev libdeflate-dev pngcheck
  unicode-data libicu-dev doxygen abigail-tools libcairo2-dev qpdf poppler-utils mupdf-tools
  # The Python binding's test (bindings/python): Pillow for Debian's python3.
  python3 python3-pil
  # Hyphenation patterns for every language Debian has them for (hyph_*.dic); Thai's are
  # left out because Thai is never hyphenated (lib/text/hyphen.c).
  hyphen-af hyphen-as hyphen-be hyphen-bg hyphen-bn hyphen-ca hyphen-cs hyphen-da hyphen-de
  hyphen-el hyphen-en-gb hyphen-es hyphen-fr hyphen-gl hyphen-gu hyphen-hi hyphen-hr hyphen-hu
  hyphen-id hyphen-is hyphen-it hyphen-kn hyphen-lt hyphen-lv hyphen-ml hyphen-mn hyphen-mr
  hyphen-nl hyphen-no hyphen-or hyphen-pa hyphen-pl hyphen-pt-br hyphen-pt-pt hyphen-ro
  hyphen-ru hyphen-sk hyphen-sl hyphen-sr hyphen-sv hyphen-ta hyphen-te hyphen-uk hyphen-zu
)
packages+=("$@")

# One dpkg-query for all: one per package takes most of a minute on a loaded machine.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null |
  awk '$2 == "install" && $3 == "ok" && $4 == "installed" { print $1 }' || true)
missing=()
for p in "${packages[@]}"; do
  grep -qxF "$p" <<<"$installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps.sh: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "deps.sh: installing ${missing[*]}"
# A mirror's passing hiccup should not fail the build: try the index update a few times,
# and go on with the old index if it still fails.
for i in 1 2 3; do
  $sudo apt-get update -qq && break
  echo "deps.sh: apt-get update failed (try $i), retrying" >&2
  sleep $((i * 5))
done
for i in 1 2 3; do
  if DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    exit 0
  fi
  echo "deps.sh: apt-get install failed (try $i), retrying" >&2
  sleep $((i * 5))
  $sudo apt-get update -qq || true
done
exit 1
