#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine (run as root):
#  - Chromium at /usr/bin/chromium for the Playwright browser tests (no browser download),
#  - PostgreSQL 15 server binaries for the PostgreSQL suite (the tests start their own private server),
#  - npm, with which LabelStudioBrowserTest fetches Label Studio's editor (scripts/fetch-label-studio.sh).
# Idempotent: does nothing when both are present.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
command -v npm >/dev/null 2>&1 || need+=(npm)
[ -n "$(fc-list 2>/dev/null | head -1)" ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies present: chromium, postgresql, npm"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing ${need[*]}: run this script as root (it uses apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The Debian package starts a cluster on port 5432; the tests use their own, so stop it.
if command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster 15 main stop 2>/dev/null || true
fi
echo "installed: ${need[*]}"
