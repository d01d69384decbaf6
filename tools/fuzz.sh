#!/usr/bin/env bash
# Builds and runs one libFuzzer target of the Fuzz/ package.
#   tools/fuzz.sh TARGET [SECONDS]   run TARGET (json, form, expression, validate,
#                                    bundle, keys, typing, text, operators, catalogcache)
#                                    for SECONDS (default 60)
#   tools/fuzz.sh --build            build every target only
#   tools/fuzz.sh --list             the targets
# The committed seeds (Fuzz/Corpus/TARGET) are copied into a working corpus under
# Fuzz/.build/corpus/TARGET, which grows between runs; a crash or a hang (an input
# taking over FUZZ_TIMEOUT seconds, default 10) is saved under Fuzz/.build/artifacts/TARGET/
# and makes the script exit non-zero. Extra libFuzzer options: FUZZ_ARGS="-jobs=2 ...".
# Replay one input: Fuzz/.build/release/fuzz-TARGET FILE
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
targets=(json form expression validate bundle keys typing text operators catalogcache)

if [ "${1:-}" = "--list" ]; then printf '%s\n' "${targets[@]}"; exit 0; fi


if [ "${1:-}" = "--build" ]; then
  (cd "$fuzz" && set -o pipefail && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
     -Xswiftc -enable-testing 2>&1 | sed "/ld.gold: warning: Cannot export local symbol/d")
  exit $?
fi

target="${1:?usage: tools/fuzz.sh TARGET [SECONDS] (tools/fuzz.sh --list)}"
seconds="${2:-60}"
case " ${targets[*]} " in *" $target "*) ;; *) echo "unknown target $target (one of: ${targets[*]})" >&2; exit 2 ;; esac

(cd "$fuzz" && set -o pipefail && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
   -Xswiftc -enable-testing --product "fuzz-$target" 2>&1 | sed "/ld.gold: warning: Cannot export local symbol/d")
binary="$(cd "$fuzz" && swift build -c release --show-bin-path)/fuzz-$target"

corpus="$fuzz/.build/corpus/$target"
artifacts="$fuzz/.build/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
[ -d "$fuzz/Corpus/$target" ] && cp -n "$fuzz/Corpus/$target"/* "$corpus"/ 2>/dev/null || true

export MOTCUA_HOME="$root"
# LeakSanitizer off: Swift keeps pointers with spare bits LSan cannot follow, and
# the store and caches live for the whole process on purpose.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# libFuzzer reports a crash itself; the Swift runtime's backtracer would only add noise.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
# -timeout: one input longer than this is a hang (libFuzzer stops and saves it);
# -rss_limit_mb: a runaway allocation is a failure too; leaks are not checked
# (the store and caches live for the whole process on purpose).
exec "$binary" "$corpus" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
  -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-}
