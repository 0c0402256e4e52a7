#!/usr/bin/env bash
# test-screenshots.sh: `rds-console --screenshots DIR`, as a doc writer runs it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the command twice into temporary folders (headless, under the
# suite's X server): each run writes every scene's PNG and an index that
# lists them with their captions, and the second run's files are the
# first's, byte for byte. Then dark (other pixels), a style it does not
# know (refused), and Korean (Korean captions).
#
#   tests/test-screenshots.sh build/app/rds-console
set -euo pipefail

console=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/rds-test-screenshots.XXXXXX")
trap 'rm -rf "$work"' EXIT
scenes=(dashboard databases database-connectivity database-configuration database-maintenance database-events database-tags snapshots events)
status=0

fail() {
  echo "not ok: $*"
  status=1
}

# Its simulator's throwaway state goes when it ends.
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"

for run in first second; do
  if ! "$console" --screenshots "$work/$run" > "$work/$run.log" 2>&1; then
    cat "$work/$run.log"
    fail "the $run run failed"
    exit 1
  fi
done

for scene in "${scenes[@]}"; do
  file="$scene.png"
  [ -s "$work/first/$file" ] || fail "no $file"
  grep -qF "($file)" "$work/first/index.md" || fail "index.md does not show $file"
  grep -qF "src=\"$file\"" "$work/first/index.html" || fail "index.html does not show $file"
  # A PNG, of the window's size.
  head -c 8 "$work/first/$file" | od -An -c | grep -q "P   N   G" || fail "$file is not a PNG"
  cmp -s "$work/first/$file" "$work/second/$file" || fail "$file differs between two runs"
done
cmp -s "$work/first/index.md" "$work/second/index.md" || fail "index.md differs between two runs"
[ -z "$(ls -A "$TMPDIR")" ] || fail "the simulator's state was left in $TMPDIR: $(ls -A "$TMPDIR")"
grep -qF "The dashboard: " "$work/first/index.md" || fail "index.md has no caption for the dashboard"

# Dark: the same scenes, other pixels.
if ! "$console" --screenshots "$work/dark" --style dark > "$work/dark.log" 2>&1; then
  cat "$work/dark.log"
  fail "the dark run failed"
fi
for scene in "${scenes[@]}"; do
  [ -s "$work/dark/$scene.png" ] || fail "no dark $scene.png"
done
cmp -s "$work/first/dashboard.png" "$work/dark/dashboard.png" && fail "the dark dashboard.png is the light one"

# A style it does not know: refused, with what to give.
if "$console" --screenshots "$work/purple" --style purple > "$work/purple.log" 2>&1; then
  fail "--style purple was accepted"
fi
grep -q "light or dark" "$work/purple.log" || fail "--style purple did not say what to use"

# In Korean: the same scenes, Korean captions.
if ! LANGUAGE=ko LC_ALL=ko_KR.UTF-8 "$console" --screenshots "$work/korean" \
     > "$work/korean.log" 2>&1; then
  cat "$work/korean.log"
  fail "the Korean run failed"
fi
for scene in "${scenes[@]}"; do
  [ -s "$work/korean/$scene.png" ] || fail "no Korean $scene.png"
done
grep -qF "대시보드" "$work/korean/index.md" || fail "the Korean index.md is not in Korean"
grep -qF '<html lang="ko">' "$work/korean/index.html" || fail "the Korean index.html does not say it is Korean"

[ $status -eq 0 ] && echo "ok: ${#scenes[@]} scenes, identical over two runs, dark, and in Korean"
exit $status
