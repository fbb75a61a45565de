#!/usr/bin/env bash
# Puts brat's standoff reader and verifier (nlplab/brat, server/src) under target/brat/ so that
# BratExportVerifierTest can check the brat export with brat's own code. brat is not part of this
# repository and is never copied into it: this script fetches it into the build directory only.
#
#   scripts/fetch-brat.sh [DEST]          DEST defaults to target/brat
#
# Source, first found: $BRAT_GIT_DIR (a clone or bare mirror of nlplab/brat), the local mirror at
# /work/.mirror/nlplab+brat/repo, else a shallow clone from GitHub. Pinned to one commit so that
# every run checks against the same reader. Exits 1 (and the test is skipped) when none is reachable.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-target/brat}
commit=44ecd825810167eed2a5d8ad875d832218e734e8
if [ -f "$dest/server/src/verify_annotations.py" ]; then
  exit 0
fi
git_dir=${BRAT_GIT_DIR:-}
if [ -z "$git_dir" ] && [ -d /work/.mirror/nlplab+brat/repo ]; then
  git_dir=/work/.mirror/nlplab+brat/repo
fi
tmp=""
if [ -z "$git_dir" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  if ! git clone -q --filter=blob:none --no-checkout https://github.com/nlplab/brat "$tmp/brat" 2>/dev/null; then
    echo "brat not reachable: set BRAT_GIT_DIR to a clone of nlplab/brat" >&2
    exit 1
  fi
  git_dir=$tmp/brat
fi
if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
  git --git-dir="$git_dir" fetch -q origin "$commit" 2>/dev/null || true
fi
ref=$commit
git --git-dir="$git_dir" cat-file -e "$ref^{commit}" 2>/dev/null || ref=HEAD
mkdir -p "$dest.part"
git --git-dir="$git_dir" archive "$ref" server/src | tar -x -C "$dest.part"
rm -rf "$dest"
mv "$dest.part" "$dest"
echo "brat $(git --git-dir="$git_dir" rev-parse --short "$ref") server/src in $dest"
