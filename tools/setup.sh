#!/usr/bin/env bash
# Sets up a fresh machine: the Debian packages the tests need and the exact npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian packages the tests use: chromium (docs browser tests), curl and openssl (the docs' curl samples are run as
# pasted), a CJK font (readable Chinese in screenshots).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} (Debian packages)"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
export TURBO_TELEMETRY_DISABLED=1
npm ci --no-audit --no-fund
# Node 22/24, Bun and Deno for the client's runtime smoke tests, kept outside the workspace (docs/adr/0015).
npm ci --prefix packages/client/runtimes --no-audit --no-fund
