#!/usr/bin/env bash
# Working jq recipes over strikex output. Run from the project root: examples/jq-recipes.sh [FOLDER]
# (default: seeds/). Each recipe reads the JSON Lines that `strikex extract FOLDER` writes.
set -euo pipefail
dir=${1:-seeds}
sx=${STRIKEX:-strikex}
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$sx" extract "$dir" > "$out" || true   # exit 1 only means some inputs became error records

echo "## every strike day named in the folder"
jq -r 'select(.error == null) | .strikes[].dates[]' "$out" | sort -u

echo "## ballots with a turnout under 50% (those that miss the Trade Union Act 2016 threshold)"
jq -c '.source as $s | .ballots[]? | select(.turnout_pct != null and .turnout_pct < 50) | {source: $s, union, support_pct, turnout_pct}' "$out"

echo "## every ballot result, one TSV row each"
jq -r '.source as $s | .ballots[]? | [$s, .union, .support_pct, .turnout_pct, .votes_cast, .eligible, .closes] | map(. // "") | @tsv' "$out"

echo "## people, their roles and organisations (TSV)"
jq -r '.source as $s | .people[]? | [$s, .name, .role // "", .organisation // ""] | @tsv' "$out"

echo "## how many articles name each union"
jq -r '[.unions[]?.name] | unique[]' "$out" | sort | uniq -c | sort -rn

echo "## strikes with their status and the sentence that is the evidence"
jq -r '.source as $s | .strikes[]? | "\($s)\t\(.status // "?")\t\(.dates | join(","))\t\(.text)"' "$out"

echo "## inputs that could not be read"
jq -r 'select(.error) | .error' "$out"
