#!/usr/bin/env bash
# Installs what the browser tests need (Debian's Chromium) when it is missing, so that
# `./mvnw verify` passes on a fresh machine. As root it uses apt-get; otherwise it says what to run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "Hyte tests: Chromium is missing; installing Debian's chromium package…"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Run as root, or install it first: apt-get install chromium" >&2; exit 1
  fi
else
  SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
