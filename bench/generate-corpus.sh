#!/usr/bin/env bash
# Whole-corpus emission check: `assay generate --strategy enhanced` (pytest emission) on
# every *.yaml and *.json description under the APIs.guru corpus, and the emitted suite
# checked with Python.
#
# For each description (release build, two specs at a time):
#   - assay generate FILE --out DIR --strategy enhanced, bounded by `timeout 300`; the
#     planned case count comes from the "N cases (...) in M files under DIR" summary on
#     stderr. Exit status 2 means the description did not load: it is counted as "not
#     loaded" with its first error line, and is not a failure of this check;
#   - python -m py_compile on every emitted .py file;
#   - python -m pytest --collect-only -q -p no:cacheprovider in DIR (timeout 300): the
#     collected count must equal the planned case count (pytest exits 5 when it collects
#     nothing: 0 collected).
# Each spec's output directory is deleted once checked, so disk use stays small.
# It prints specs tried, loaded (generate did not exit 2), not loaded, plans written
# (generate exited 0), total cases, the operations and how many got a positive case (from
# the "operations: X of Y covered, Z skipped" summary), py_compile failures, collection
# mismatches (each failing spec with its reason, at most 30 lines) and the total wall
# time; exits 1 on any py_compile failure, any mismatch, or a generate crash/timeout (an
# exit status other than 0 and 2), else 0.
# All local: no network beyond the one-time pip install of pytest, requests and
# jsonschema into the bench venv ($ROOT/.build/bench-venv, shared with bench/inspect.sh).
#
# Environment:
#   LIMIT=N      only the first N descriptions (after STRIDE)
#   STRIDE=K     only every K-th description (the 1st, the K+1-th, ...)
#   MATCH=REGEX  only descriptions whose path matches (grep -E), before STRIDE
#   STEP_TIMEOUT (300) seconds for each generate and each pytest/py_compile step
#   ASSAY_SHARED_DIR (../shared), ASSAY_SKIP_BUILD=1 to use the release binary as it is,
#   ASSAY_BIN to measure another binary.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/bench/$(basename "${BASH_SOURCE[0]}")"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
JOBS=2
STEP_TIMEOUT="${STEP_TIMEOUT:-300}"

# first_line FILE: the first "error:" line of FILE, else its first non-empty line, one line
# with tabs turned into spaces and at most 240 characters.
first_line() {
    local line
    line=$(grep -m 1 '^error:' "$1" 2>/dev/null || true)
    [[ -n "$line" ]] || line=$(grep -m 1 -v '^[[:space:]]*$' "$1" 2>/dev/null || true)
    line="${line//"$CORPUS"\//}"
    printf '%s' "${line:0:240}" | tr '\t\n' '  '
}

# check_one INDEX FILE: generate, compile and collect one description; writes one
# tab-separated line into $RESULTS/INDEX:
#   spec  generate-status  planned-cases  py_compile-failed-files  collected  pytest-status
#   operations  operations-skipped  reason
# A field that does not apply is "-".
check_one() {
    local index="$1" file="$2"
    local rel="${file#"$CORPUS"/}" dir out rc=0 cases="-" pyfail="-" collected="-" prc="-" reason="" ops="-" skipped=0
    dir=$(mktemp -d "$WORK/spec.XXXXXX")
    out="$dir/out"
    timeout -k 10 "$STEP_TIMEOUT" "$ASSAY" generate "$file" --out "$out" --strategy enhanced \
        >/dev/null 2>"$dir/generate.err" || rc=$?
    if (( rc == 0 )); then
        local summary
        summary=$(grep -E '^[0-9]+ cases' "$dir/generate.err" | tail -n 1 || true)
        if [[ "$summary" =~ ^([0-9]+)\ cases ]]; then
            cases="${BASH_REMATCH[1]}"
        else
            reason="no \"N cases\" summary line on stderr"
        fi
        # "operations: 381 of 384 covered, 3 skipped:" (an operation is skipped when it
        # gets no positive case).
        local coverage
        coverage=$(grep -E '^operations: [0-9]+ of [0-9]+ covered' "$dir/generate.err" | tail -n 1 || true)
        if [[ "$coverage" =~ of\ ([0-9]+)\ covered(,\ ([0-9]+)\ skipped)? ]]; then
            ops="${BASH_REMATCH[1]}"
            skipped="${BASH_REMATCH[3]:-0}"
        fi

        if [[ ! -d "$out" ]]; then
            reason="${reason:+$reason; }no output directory"
            mkdir -p "$out"
        fi
        local -a pyfiles=()
        mapfile -d '' pyfiles < <(find "$out" -name '*.py' -print0 | LC_ALL=C sort -z)
        pyfail=0
        if (( ${#pyfiles[@]} > 0 )) && ! timeout -k 10 "$STEP_TIMEOUT" "$PY" -m py_compile "${pyfiles[@]}" \
            >/dev/null 2>"$dir/compile.err"; then
            # Find the failing files one by one (rare, so the extra processes do not matter).
            local f first=""
            for f in "${pyfiles[@]}"; do
                if ! timeout -k 10 "$STEP_TIMEOUT" "$PY" -m py_compile "$f" >/dev/null 2>"$dir/one.err"; then
                    pyfail=$((pyfail + 1))
                    if [[ -z "$first" ]]; then
                        first="${f#"$out"/} $(grep -m 1 -Eo 'line [0-9]+' "$dir/one.err" || true):"
                        first="$first $(grep -E '^[A-Za-z]*(Error|Exception)' "$dir/one.err" | tail -n 1 || true)"
                    fi
                fi
            done
            (( pyfail > 0 )) || { pyfail=1; first="py_compile failed: $(first_line "$dir/compile.err")"; }
            reason="${reason:+$reason; }py_compile: $pyfail file(s), $first"
        fi

        prc=0
        (cd "$out" && PYTHONDONTWRITEBYTECODE=1 timeout -k 10 "$STEP_TIMEOUT" \
            "$PY" -m pytest --collect-only -q -p no:cacheprovider) >"$dir/collect.out" 2>&1 || prc=$?
        local last
        last=$(grep -Eo '[0-9]+ tests? collected|no tests collected' "$dir/collect.out" | tail -n 1 || true)
        if [[ "$last" =~ ^([0-9]+) ]]; then
            collected="${BASH_REMATCH[1]}"
        elif [[ -n "$last" || "$prc" == 5 ]]; then
            collected=0
        fi
        if [[ "$prc" == 124 || "$prc" == 137 ]]; then
            reason="${reason:+$reason; }pytest --collect-only timed out after ${STEP_TIMEOUT} s"
        elif [[ "$prc" != 0 && "$prc" != 5 ]]; then
            local err
            err=$(grep -m 1 -E '^E ' "$dir/collect.out" || tail -n 1 "$dir/collect.out" || true)
            err=$(printf '%s' "$err" | tr -s ' ')
            reason="${reason:+$reason; }pytest exit $prc: ${err:0:200}"
        fi
        if [[ "$collected" != "$cases" ]]; then
            reason="${reason:+$reason; }collected $collected, planned $cases"
        fi
    elif (( rc == 2 )); then
        reason=$(first_line "$dir/generate.err")
    elif (( rc == 124 || rc == 137 )); then
        reason="generate timed out after ${STEP_TIMEOUT} s"
    else
        reason="generate exit $rc: $(first_line "$dir/generate.err")"
    fi
    rm -rf "$dir"
    reason="${reason//"$out"\//}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rel" "$rc" "$cases" "$pyfail" "$collected" "$prc" \
        "$ops" "$skipped" "$(printf '%s' "$reason" | tr '\t\n' '  ')" >"$RESULTS/$index"
}

# The per-spec worker: the script calls itself as `generate-corpus.sh --one INDEX FILE`.
if [[ "${1:-}" == "--one" ]]; then
    : "${ASSAY:?}" "${PY:?}" "${CORPUS:?}" "${WORK:?}" "${RESULTS:?}" "${STEP_TIMEOUT:?}"
    check_one "$2" "$3"
    exit 0
fi

if [[ "${ASSAY_SKIP_BUILD:-}" != "1" ]]; then
    echo "==> building assay (release)"
    swift build -c release --product assay -Xswiftc -enable-testing >/dev/null
fi
ASSAY="${ASSAY_BIN:-$ROOT/.build/release/assay}"
[[ -x "$ASSAY" ]] || { echo "missing $ASSAY" >&2; exit 1; }

BENCH_VENV="$ROOT/.build/bench-venv"
if [[ ! -x "$BENCH_VENV/bin/python" ]]; then
    echo "==> creating $BENCH_VENV"
    python3 -m venv "$BENCH_VENV"
fi
PY="$BENCH_VENV/bin/python"
if ! "$PY" -c 'import pytest, requests' 2>/dev/null; then
    echo "==> installing pytest and requests into $BENCH_VENV"
    "$BENCH_VENV/bin/pip" install -q pytest requests jsonschema
fi

corpus_specs "$CORPUS" '*.yaml' '*.json'

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
RESULTS="$WORK/results"
mkdir "$RESULTS"
export ASSAY PY CORPUS WORK RESULTS STEP_TIMEOUT

echo "==> checking ${#specs[@]} of $corpus_total descriptions ($JOBS at a time)"
start=$(date +%s.%N)
for i in "${!specs[@]}"; do
    printf '%06d\0%s\0' "$i" "${specs[i]}"
done | xargs -0 -n 2 -P "$JOBS" "$SELF" --one || true  # a lost worker shows as a missing result
end=$(date +%s.%N)

tried=${#specs[@]}; loaded=0; not_loaded=0; written=0; total_cases=0
py_failed=0; mismatched=0; crashed=0; missing=0; total_ops=0; total_skipped=0
failures=(); unloaded=()
for i in "${!specs[@]}"; do
    result="$RESULTS/$(printf '%06d' "$i")"
    if [[ ! -s "$result" ]]; then
        missing=$((missing + 1))
        failures+=("${specs[i]#"$CORPUS"/}: no result (the worker died)")
        continue
    fi
    IFS=$'\t' read -r rel rc cases pyfail collected prc ops skipped reason <"$result"
    case "$rc" in
        0)
            written=$((written + 1))
            [[ "$cases" == "-" ]] || total_cases=$((total_cases + cases))
            if [[ "$ops" != "-" ]]; then
                total_ops=$((total_ops + ops))
                total_skipped=$((total_skipped + skipped))
            fi
            bad=0
            if [[ "$pyfail" != "-" && "$pyfail" != 0 ]]; then py_failed=$((py_failed + 1)); bad=1; fi
            if [[ "$cases" == "-" || "$collected" != "$cases" || ( "$prc" != 0 && "$prc" != 5 ) ]]; then
                mismatched=$((mismatched + 1)); bad=1
            fi
            (( bad == 0 )) || failures+=("$rel: $reason")
            ;;
        2)
            not_loaded=$((not_loaded + 1))
            unloaded+=("$rel: $reason")
            ;;
        *)
            crashed=$((crashed + 1))  # it got past loading or not: counted as loaded
            failures+=("$rel: $reason")
            ;;
    esac
done

loaded=$((tried - not_loaded - missing))

print_capped() {
    local -n lines=$1
    local max=30 n=${#lines[@]}
    for (( k = 0; k < n && k < max; k++ )); do echo "  ${lines[k]}"; done
    if (( n > max )); then echo "  ... and $((n - max)) more"; fi
}

if (( ${#unloaded[@]} > 0 )); then
    echo "not loaded (not a failure of this check):"
    print_capped unloaded
fi
if (( ${#failures[@]} > 0 )); then
    echo "failures:"
    print_capped failures
fi
echo
row() { printf '%-27s %s\n' "$1" "$2"; }
row "specs tried:" "$tried"
row "loaded:" "$loaded"
row "not loaded:" "$not_loaded"
row "plans written:" "$written"
row "total cases:" "$total_cases"
row "operations:" "$total_ops"
row "with a positive case:" "$(awk -v o="$total_ops" -v s="$total_skipped" 'BEGIN{ if (o > 0) printf "%d (%.2f%%)", o - s, 100 * (o - s) / o; else print "-" }')"
row "py_compile failures:" "$py_failed"
row "collection mismatches:" "$mismatched"
row "generate crashes/timeouts:" "$crashed"
(( missing == 0 )) || row "workers without a result:" "$missing"
row "total wall time:" "$(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.1f s", e-s}')"

if (( py_failed > 0 || mismatched > 0 || crashed > 0 || missing > 0 )); then
    exit 1
fi
