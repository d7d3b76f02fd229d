#!/usr/bin/env bash
# Install the Debian packages the test suite needs, only when they are missing.
# Usage: scripts/system-deps.sh PACKAGE[:COMMAND] ...   (COMMAND is a file that proves it is installed)
set -euo pipefail
missing=()
for spec in "$@"; do
  pkg=${spec%%:*}
  probe=${spec#*:}
  if [ "$probe" != "$spec" ]; then
    compgen -G "$probe" >/dev/null && continue
  elif dpkg -s "$pkg" >/dev/null 2>&1; then
    continue
  fi
  missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Missing Debian packages: ${missing[*]} (run as root, or install them yourself)" >&2; exit 1
  fi
else SUDO=""; fi
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
