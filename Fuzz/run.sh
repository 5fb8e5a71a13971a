#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer + AddressSanitizer) and runs them.
#
#   Fuzz/run.sh [seconds-per-target] [target...]      default: 60 seconds, every target
#
# Environment:
#   FUZZ_PARALLEL=N   run N targets at a time (default 1; the machine has 2 cores)
#   FUZZ_REV=REV      fuzz the commit REV (e.g. HEAD) instead of the work tree: `git archive`
#                     of it goes to .work/snapshot-REV, this package is copied beside it and
#                     built there (for when someone is mid-edit in Sources/)
#   FUZZ_NO_BUILD=1   use the binaries already built
#   FUZZ_RESTARTS=N   after a finding, go on fuzzing for the time left, at most N times (default 3)
#   FUZZ_ARGS="..."   extra libFuzzer flags
#
# Each target starts from Corpus/<target>/ copied into .work/corpus/<target>/ (which keeps
# growing from run to run; the committed corpus never changes), with Dictionaries/<target>.dict.
# Findings (crash-*, timeout-*, leak-*, oom-*) go to .work/artifacts/<target>/, the full
# output to .work/logs/<target>.log. Exits 1 when any target had a finding.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
all_targets=(fuzz-csv fuzz-rules fuzz-config fuzz-xcri fuzz-profile fuzz-mime)
seconds="${1:-60}"
[[ $# -gt 0 ]] && shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "unknown target $target (targets: ${all_targets[*]})" >&2; exit 2; }
done
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 [seconds-per-target] [target...]" >&2; exit 2; }

work="$here/.work"
mkdir -p "$work"

# Where the package is built: here, or a snapshot of a commit.
package="$here"
if [[ -n "${FUZZ_REV:-}" ]]; then
    commit="$(git -C "$here/.." rev-parse --short "$FUZZ_REV")"
    snapshot="$work/snapshot-$commit"
    if [[ ! -d "$snapshot/Sources" ]]; then
        mkdir -p "$snapshot"
        git -C "$here/.." archive "$commit" | tar -x -C "$snapshot"
    fi
    # The sources anew; the snapshot's .build stays.
    rm -rf "$snapshot/Fuzz/Sources"
    mkdir -p "$snapshot/Fuzz"
    cp -R "$here/Package.swift" "$here/Sources" "$snapshot/Fuzz/"
    package="$snapshot/Fuzz"
    echo "fuzzing commit $commit (snapshot in $snapshot)"
fi

if [[ -z "${FUZZ_NO_BUILD:-}" ]]; then
    echo "building (nice 19)…"
    # SwiftPM does not notice files added to a path dependency (the main package) in a build
    # planned before: drop the plan so it is made anew (cheap; what was compiled stays).
    rm -f "$package/.build/debug.yaml" "$package"/.build/*/debug/description.json
    (cd "$package" && nice -n 19 swift build -c debug \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        -Xcc -fsanitize=fuzzer-no-link,address \
        > "$work/build.log" 2>&1) || { grep -v 'Cannot export local symbol' "$work/build.log" | tail -40; exit 1; }
fi
bin="$(cd "$package" && swift build -c debug --show-bin-path)"
for target in "${targets[@]}"; do
    [[ -x "$bin/$target" ]] || { echo "$bin/$target is not built" >&2; exit 1; }
done

# The Swift runtime's backtracer does not mix with ASan's handlers; libFuzzer reports crashes.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"

run_target() {
    local target="$1"
    local corpus="$work/corpus/$target" artifacts="$work/artifacts/$target" tmp="$work/tmp/$target"
    local log="$work/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$tmp" "$work/logs"
    cp -n "$here/Corpus/$target/"* "$corpus/" 2>/dev/null || true
    # Real institutions' feeds and the validator's fixtures are third-party material, kept out
    # of the repository: they seed fuzz-xcri from ../shared when it is beside the clone.
    local shared="$here/../../shared/xcri-cap"
    if [[ $target == fuzz-xcri && -d $shared ]]; then
        find "$shared/feeds" "$shared/validator-fixtures" -name '*.xml' -size -32k -print0 2>/dev/null |
            while IFS= read -r -d '' seed; do
                cp -n "$seed" "$corpus/shared-$(basename "$(dirname "$seed")")-$(basename "$seed")"
            done
    fi
    local dict=()
    [[ -f "$here/Dictionaries/$target.dict" ]] && dict=("-dict=$here/Dictionaries/$target.dict")
    : > "$log"
    local start now left segment=0
    start=$(date +%s)
    left=$seconds
    while :; do
        segment=$((segment + 1))
        echo "=== segment $segment: $left s" >> "$log"
        # shellcheck disable=SC2086
        (cd "$tmp" && TMPDIR="$tmp" nice -n 19 "$bin/$target" -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" ${FUZZ_ARGS:-} "$corpus") >> "$log" 2>&1 \
            && status=0 || status=$?
        now=$(date +%s)
        left=$((seconds - (now - start)))
        [[ $status -eq 0 || $left -le 5 || $segment -gt ${FUZZ_RESTARTS:-3} ]] && break
    done
    rm -rf "$tmp"
    echo "$((now - start))" > "$work/logs/$target.seconds"
}

summary() {
    local target="$1" log="$work/logs/$target.log"
    local execs cov ft corp findings
    execs=$(awk '/^stat::number_of_executed_units/ {sum += $2} END {print sum + 0}' "$log")
    local last
    last=$(grep -E '^#[0-9]+[[:space:]]+(INITED|NEW|REDUCE|pulse|DONE)' "$log" | tail -1 || true)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+\/[0-9a-zA-Z]+).*/\1/p' <<< "$last")
    findings=$(find "$work/artifacts/$target" -type f -newer "$work/logs/$target.log.start" 2>/dev/null | wc -l)
    printf '%-13s %6ss %12s execs  cov %-6s ft %-7s corpus %-12s findings %s\n' \
        "$target" "$(cat "$work/logs/$target.seconds" 2>/dev/null || echo ?)" "$execs" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$findings"
    find "$work/artifacts/$target" -type f -newer "$work/logs/$target.log.start" 2>/dev/null | sed 's/^/    /'
}

parallel="${FUZZ_PARALLEL:-1}"
for target in "${targets[@]}"; do
    touch "$work/logs/$target.log.start" 2>/dev/null || { mkdir -p "$work/logs"; touch "$work/logs/$target.log.start"; }
done
running=0
for target in "${targets[@]}"; do
    echo "fuzzing $target for ${seconds}s (log: $work/logs/$target.log)"
    run_target "$target" &
    running=$((running + 1))
    if [[ $running -ge $parallel ]]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait || true

echo
echo "target          time    executions  coverage (cov: edges, ft: features)  corpus (files/size)  findings"
total=0
for target in "${targets[@]}"; do
    line=$(summary "$target")
    echo "$line"
    count=$(head -1 <<< "$line" | sed -nE 's/.*findings ([0-9]+)$/\1/p')
    total=$((total + ${count:-0}))
done
[[ $total -eq 0 ]]
