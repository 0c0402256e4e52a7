#!/usr/bin/env bash
# test-screenshots.sh: `rds-console --screenshots DIR`, as a doc writer runs it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the command twice into temporary folders (headless, under the
# suite's X server): each run writes every scene's PNG and an index that
# lists them with their captions, and the second run's files are the
# first's, byte for byte. Every page and wizard is a scene (the UI tests
# check the table covers them and show each scene): here the index lists
# the scenes' names in both languages, with the pages and wizards among
# them. Then dark (other pixels), options it does not know (refused),
# Korean (--lang ko: Korean captions, the same scenes; --lang en under a
# Korean locale: English), a size and a scale, and the screenshots the
# metainfo and the README show are scenes.
#
#   tests/test-screenshots.sh build/app/rds-console
set -euo pipefail

console=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/rds-test-screenshots.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
root=$(cd "$(dirname "$0")/.." && pwd)

fail() {
  echo "not ok: $*"
  status=1
}

# Its simulator's throwaway state goes when it ends.
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"

runs="first second"
# (One run only where the environment asks: a sanitizer build.)
[ -n "${RDS_SCREENSHOTS_ONE_RUN:-}" ] && runs=first
for run in $runs; do
  if ! "$console" --screenshots "$work/$run" > "$work/$run.log" 2>&1; then
    cat "$work/$run.log"
    fail "the $run run failed"
    exit 1
  fi
done

# The scenes, as the index lists them; the pages and wizards among them.
mapfile -t scenes < <(sed -n 's/^## \(.*\)\.png$/\1/p' "$work/first/index.md")
[ ${#scenes[@]} -ge 14 ] || fail "the index lists ${#scenes[@]} scenes"
for page in dashboard databases database-monitoring database-configuration snapshots snapshot-page events \
            create-database modify-database ports dialog-create-alarm; do
  printf '%s\n' "${scenes[@]}" | grep -qx "$page" || fail "no scene $page in the index"
done
[ "$(ls "$work/first"/*.png | wc -l)" -eq ${#scenes[@]} ] || fail "not one PNG per scene of the index"

for scene in "${scenes[@]}"; do
  file="$scene.png"
  [ -s "$work/first/$file" ] || fail "no $file"
  grep -qF "($file)" "$work/first/index.md" || fail "index.md does not show $file"
  grep -qF "src=\"$file\"" "$work/first/index.html" || fail "index.html does not show $file"
  # A PNG, of the window's size.
  head -c 8 "$work/first/$file" | od -An -c | grep -q "P   N   G" || fail "$file is not a PNG"
  [ -z "${RDS_SCREENSHOTS_ONE_RUN:-}" ] || continue
  cmp -s "$work/first/$file" "$work/second/$file" || fail "$file differs between two runs"
done
[ -n "${RDS_SCREENSHOTS_ONE_RUN:-}" ] || cmp -s "$work/first/index.md" "$work/second/index.md" ||
  fail "index.md differs between two runs"
[ -z "$(ls -A "$TMPDIR")" ] || fail "the simulator's state was left in $TMPDIR: $(ls -A "$TMPDIR")"
grep -qF "The dashboard: " "$work/first/index.md" || fail "index.md has no caption for the dashboard"

# Dark: other pixels (a few scenes, --only: the others are the same
# scenes in another style).
if ! "$console" --screenshots "$work/dark" --style dark --only dashboard,menu-main,dialog-about,database-monitoring \
     > "$work/dark.log" 2>&1; then
  cat "$work/dark.log"
  fail "the dark run failed"
fi
for scene in dashboard menu-main dialog-about database-monitoring; do
  [ -s "$work/dark/$scene.png" ] || fail "no dark $scene.png"
  cmp -s "$work/first/$scene.png" "$work/dark/$scene.png" && fail "the dark $scene.png is the light one"
done
# --only: those scenes and no others, in the index too.
[ "$(ls "$work/dark"/*.png | wc -l)" -eq 4 ] || fail "--only made $(ls "$work/dark"/*.png | wc -l) images, not 4"
[ "$(grep -c '^## ' "$work/dark/index.md")" -eq 4 ] || fail "--only's index does not list 4 scenes"

# A scene alone (--only) is the same as in a full run, even those that
# follow a step of their page's.
only=menu-main,menu-info-topics,create-database-easy,modify-database-summary,menu-databases-actions,dialog-about
if ! "$console" --screenshots "$work/only" --only "$only" > "$work/only.log" 2>&1; then
  cat "$work/only.log"
  fail "the --only run failed"
fi
for scene in ${only//,/ }; do
  cmp -s "$work/first/$scene.png" "$work/only/$scene.png" || fail "$scene.png alone differs from the full run's"
done

# Options it does not know: refused, with what to give, and nothing made.
refused() {
  local what=$1 hint=$2
  shift 2
  if "$console" --screenshots "$work/refused" "$@" > "$work/refused.log" 2>&1; then
    fail "$what was accepted"
  fi
  grep -qF "$hint" "$work/refused.log" || fail "$what did not say what to use: $(cat "$work/refused.log")"
  [ ! -e "$work/refused/index.md" ] || fail "$what made screenshots"
}
refused "--style purple" "light or dark" --style purple
refused "--lang fr" "en or ko" --lang fr
refused "--size 12x" "WIDTHxHEIGHT" --size 12x
refused "--scale 7" "1, 2 or 3" --scale 7
refused "--only nowhere" "No scene is called" --only dashboard,nowhere
# Without --screenshots, its options are refused too.
if timeout 60 "$console" --lang ko > "$work/alone.log" 2>&1; then
  fail "--lang without --screenshots was accepted"
fi
grep -qF "goes with --screenshots" "$work/alone.log" || fail "--lang alone did not say it goes with --screenshots"

# In Korean (--lang ko): the same scenes, Korean captions.
if ! "$console" --screenshots "$work/korean" --lang ko > "$work/korean.log" 2>&1; then
  cat "$work/korean.log"
  fail "the Korean run failed"
fi
for scene in "${scenes[@]}"; do
  [ -s "$work/korean/$scene.png" ] || fail "no Korean $scene.png"
  grep -qF "($scene.png)" "$work/korean/index.md" || fail "the Korean index.md does not show $scene.png"
done
grep -qF "대시보드" "$work/korean/index.md" || fail "the Korean index.md is not in Korean"
grep -qF "정보 패널" "$work/korean/index.md" || fail "the Korean index.md has no Korean caption for the Info panel"
grep -qF '<html lang="ko">' "$work/korean/index.html" || fail "the Korean index.html does not say it is Korean"
cmp -s "$work/first/dashboard.png" "$work/korean/dashboard.png" && fail "the Korean dashboard.png is the English one"
cmp -s "$work/first/database-monitoring.png" "$work/korean/database-monitoring.png" &&
  fail "the Korean database-monitoring.png is the English one"

# --lang en under a Korean desktop: English.
if ! LANGUAGE=ko LC_ALL=ko_KR.UTF-8 "$console" --screenshots "$work/english" --lang en --only databases \
     > "$work/english.log" 2>&1; then
  cat "$work/english.log"
  fail "the --lang en run failed"
fi
grep -qF "Databases: the DB instances" "$work/english/index.md" || fail "--lang en under a Korean locale is not English"
cmp -s "$work/first/databases.png" "$work/english/databases.png" || fail "--lang en databases.png differs from the English one"

# A size, and a scale: the window's pixels, twice as many each way.
png_size() {
  od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }'
}
if ! "$console" --screenshots "$work/small" --size 1024x700 --only databases > "$work/small.log" 2>&1; then
  cat "$work/small.log"
  fail "the --size run failed"
fi
[ "$(png_size "$work/small/databases.png")" = 1024x700 ] || fail "--size 1024x700 gave $(png_size "$work/small/databases.png")"
if ! "$console" --screenshots "$work/scaled" --size 800x480 --scale 2 --only databases,menu-connection \
     > "$work/scaled.log" 2>&1; then
  cat "$work/scaled.log"
  fail "the --scale run failed"
fi
# (No wider than the suite's X screen allows, in points: the height says it.)
case $(png_size "$work/scaled/databases.png") in
  *[02468]x960) ;;
  *) fail "--scale 2 gave $(png_size "$work/scaled/databases.png")" ;;
esac

# What the README and the metainfo show comes from the command.
for shown in $(grep -ho 'data/screenshots/[a-z0-9-]*\.png' "$root/README.md" \
                 "$root/data/io.github.rdsconsole.RdsConsole.metainfo.xml.in" | sort -u); do
  [ -s "$root/$shown" ] || fail "$shown is missing"
  [ -s "$work/first/$(basename "$shown")" ] || fail "$shown is not a scene of the command"
done

[ $status -eq 0 ] && echo "ok: ${#scenes[@]} scenes, identical over two runs, dark, in Korean and English, sized and scaled"
exit $status
