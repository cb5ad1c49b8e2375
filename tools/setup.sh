#!/usr/bin/env bash
# Sets up a fresh machine: Debian's chromium (for the docs' browser tests) and the exact npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing chromium (Debian package)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export TURBO_TELEMETRY_DISABLED=1
npm ci --no-audit --no-fund
