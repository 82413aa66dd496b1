#!/usr/bin/env bash
# Every test: lint, types, build, unit + integration (Vitest), browser tests (Chromium via playwright-core).
# Run on a fresh clone after `npm ci` (the README's test command is `npm ci && npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium; install it when missing (root on Debian, as in CI).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium' (Debian) and try again." >&2
    exit 1
  fi
fi

export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
echo "== lint (biome) and types (tsc)"
npx biome check .
npx tsc --noEmit -p .
echo "== build"
npx next build >test-results/build.log 2>&1 || { cat test-results/build.log; exit 1; }
echo "== unit and integration tests"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1
echo "== browser tests (Chromium)"
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json \
  --outputFile.json=test-results/e2e.json || status=1
node scripts/test-summary.mjs test-results/vitest.json test-results/e2e.json
exit $status
