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

# The stream tests put a real nginx in front of the app; install Debian's when missing (as root). Without root
# they skip with a message instead.
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's nginx for the stream tests…"
    # The tests run their own nginx; keep the package from starting the system's one on port 80.
    added_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && added_policy=1
    fi
    apt_status=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } || apt_status=$?
    if [ "$added_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
    [ "$apt_status" = 0 ] || { echo "Installing nginx failed." >&2; exit 1; }
  else
    echo "nginx is missing: the stream tests will be skipped (install it: sudo apt-get install -y nginx)." >&2
  fi
fi

export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/vitest.json test-results/e2e.json
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
