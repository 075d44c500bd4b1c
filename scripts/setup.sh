#!/usr/bin/env bash
# Installs what Jiceng needs on a fresh Debian machine with Node 20: pnpm, Debian's Chromium
# (for the browser tests and the demo's end-to-end test), and the workspace's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
want=12.4.2
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$want" ]; then
  npm install -g "pnpm@$want" >/dev/null 2>&1 || npm install -g "pnpm@$want"
fi
if [ "${JICENG_NO_BROWSER:-}" != 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium chromium-driver' (or set CHROME_PATH)." >&2
  fi
fi
pnpm install --frozen-lockfile
# Build every package, so that `pnpm exec jiceng` and the examples work right away.
node_modules/.bin/tsc -b
