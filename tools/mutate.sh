#!/usr/bin/env bash
# tools/mutate.sh [ID...]: mutation testing by a listed set of one-line bugs.
#
# For each mutation of tools/mutations.tsv (or only the IDs given): apply it to
# a scratch copy of the tree, build, run the tests meant to catch it (its
# `swift test --filter` pattern; MUTATE_FULL=1 runs the whole suite instead),
# restore the file, and record whether a test failed (caught) or not
# (SURVIVED). Prints a table; exits 1 when any mutation survived or could not
# be applied. The working tree is never modified: everything happens in the
# copy (MUTATE_SCRATCH=DIR to choose it; it is removed at the end unless
# MUTATE_KEEP=1). The mutated file is restored after each run and on any exit
# or interrupt (trap), so a scratch copy kept for reuse is never left mutated.
#
#   tools/mutate.sh                      # every listed mutation
#   tools/mutate.sh corestore-no-fsync   # one of them
set -u
repo=$(cd "$(dirname "$0")/.." && pwd)
list="$repo/tools/mutations.tsv"
scratch=${MUTATE_SCRATCH:-$(mktemp -d "${TMPDIR:-/tmp}/motcua-mutate.XXXXXX")}
full=${MUTATE_FULL:-0}
log="$scratch.log"

backup=""
target=""
restore() {
    if [ -n "$backup" ] && [ -f "$backup" ]; then cp -p "$backup" "$target" && rm -f "$backup"; fi
    backup=""
}
finish() {
    restore
    if [ "${MUTATE_KEEP:-0}" != 1 ] && [ -z "${MUTATE_SCRATCH:-}" ]; then rm -rf "$scratch"; fi
}
trap finish EXIT
trap 'echo "interrupted: restoring" >&2; exit 130' INT TERM HUP

# The tree as committed plus uncommitted edits, without .git and .build (a
# .build copied elsewhere would point at the original sources).
mkdir -p "$scratch"
(cd "$repo" && git ls-files -co --exclude-standard -z | grep -zv '^\.build/' | xargs -0 cp --parents -p -t "$scratch" 2>/dev/null)
cd "$scratch" || exit 2
echo "mutate: scratch tree $scratch; log $log" >&2
echo "mutate: first build (from nothing, a few minutes)" >&2
if ! swift build --build-tests >"$log" 2>&1; then
    echo "mutate: the unmutated tree does not build; see $log" >&2
    exit 2
fi

want=("$@")
# The baseline: the tests every listed mutation runs must pass on the tree as
# it is, or "caught" would mean nothing.
filters=$(grep -v '^#' "$list" | awk -F'\t' 'NF >= 5 { print $5 }' | paste -sd'|')
if [ "$full" = 1 ]; then base=(); else base=(--filter "$filters"); fi
echo "mutate: baseline (no mutation)" >&2
if ! swift test --skip-build "${base[@]}" >>"$log" 2>&1; then
    echo "mutate: the tests fail without any mutation; see $log" >&2
    exit 2
fi
results=()
failures=0
while IFS=$'\t' read -r id file from to filter; do
    case "$id" in ''|'#'*) continue ;; esac
    if [ ${#want[@]} -gt 0 ] && ! printf '%s\n' "${want[@]}" | grep -qx -- "$id"; then continue; fi
    from=${from//\\n/$'\n'}
    to=${to//\\n/$'\n'}
    target="$scratch/$file"
    content=$(cat "$target"; printf x)   # the x keeps trailing newlines
    content=${content%x}
    rest=${content//"$from"/}
    count=$(( (${#content} - ${#rest}) / ${#from} ))
    if [ "$count" -ne 1 ]; then
        results+=("$id"$'\x1f'"$file"$'\x1f'"$filter"$'\x1f'"NOT APPLIED (text found $count times)")
        failures=$((failures + 1))
        continue
    fi
    backup="$target.mutate-backup"
    cp -p "$target" "$backup"
    printf '%s' "${content/"$from"/"$to"}" >"$target"
    echo "mutate: $id ($file)" >&2
    if ! swift build --build-tests >>"$log" 2>&1; then
        verdict="NOT APPLIED (does not build)"
        failures=$((failures + 1))
    else
        if [ "$full" = 1 ]; then args=(); else args=(--filter "$filter"); fi
        if swift test --skip-build "${args[@]}" >>"$log" 2>&1; then
            verdict="SURVIVED"
            failures=$((failures + 1))
        else
            verdict="caught"
        fi
    fi
    restore
    shown=$filter
    if [ "$full" = 1 ]; then shown="(whole suite)"; fi
    results+=("$id"$'\x1f'"$file"$'\x1f'"$shown"$'\x1f'"$verdict")
done <"$list"

printf '\n| mutation | file | tests run | result |\n|---|---|---|---|\n'
for r in "${results[@]}"; do
    IFS=$'\x1f' read -r a b c d <<<"$r"
    printf '| %s | %s | `%s` | %s |\n' "$a" "$b" "$c" "$d"
done
caught=$(printf '%s\n' "${results[@]}" | grep -c $'\x1fcaught$')
echo
echo "mutate: ${caught} of ${#results[@]} caught"
[ "$failures" -eq 0 ]
