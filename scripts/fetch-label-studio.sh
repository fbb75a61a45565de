#!/usr/bin/env bash
# Fetches Label Studio's editor, @heartexlabs/label-studio@1.4.0 (Apache-2.0), from the npm registry into
# target/label-studio/1.4.0/build for LabelStudioBrowserTest, which loads a Label Studio export into it.
# 1.4.0 is the last release on npm that ships the prebuilt browser bundle (build/static/js/main.js).
# Only `npm pack` runs (no install, no package scripts); the tarball is checked against its published SHA-1.
# Idempotent: does nothing when the bundle is already there. Needs node/npm and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.4.0
sha1=0e4bef06660d15516a86f754ac6a37d0c98f782f
dest=target/label-studio/$version
if [ -f "$dest/build/static/js/main.js" ] && [ -f "$dest/build/static/css/main.css" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: install Node.js (Debian: apt-get install -y npm) to fetch @heartexlabs/label-studio@$version" >&2
  exit 2
fi
mkdir -p target/label-studio
tmp=$(mktemp -d target/label-studio/fetch.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent --ignore-scripts "@heartexlabs/label-studio@$version" >/dev/null)
tarball="$tmp/heartexlabs-label-studio-$version.tgz"
echo "$sha1  $tarball" | sha1sum -c --quiet -
tar -xzf "$tarball" -C "$tmp" package/build package/LICENSE
rm -rf "$dest"
mkdir -p "$dest"
mv "$tmp/package/build" "$tmp/package/LICENSE" "$dest/"
echo "fetched @heartexlabs/label-studio@$version into $dest"
