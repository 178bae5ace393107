#!/usr/bin/env bash
# Benchmark: `assay generate --strategy enhanced` on the corpus's two largest descriptions.
#
# For stripe.com 2020-08-27 and api.github.com 1.1.4 it reports, for the pytest emission
# (the default format) and for --format plan, the best wall time of RUNS runs (default 3,
# each into a fresh empty output directory) and the peak RSS (GNU time), plus the number
# of cases and emitted files (from the summary line of one run without --quiet). Each
# figure is printed against its target: stripe under 1 s, github under 2 s, both under
# 500 MiB; the script exits 1 when a target is missed or a run fails.
#
# No named peer (Schemathesis, EvoMaster, RESTler) emits a committed test suite: they
# generate and send requests in one go. So there is no side-by-side peer for this step;
# the inspect and data benches (bench/inspect.sh, bench/data.sh) hold the peer comparisons.
# Every run is local: files only, no network.
#
# Environment: RUNS (3), ASSAY_SHARED_DIR (../shared), ASSAY_SKIP_BUILD=1 to use the
# release binary as it is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SHARED="${ASSAY_SHARED_DIR:-$ROOT/../shared}"
CORPUS="$SHARED/corpus/apis-guru"
RUNS="${RUNS:-3}"
RSS_TARGET_MIB=500
# spec|label|wall target in seconds
SPECS=(
    "stripe.com/2020-08-27/openapi.yaml|stripe|1"
    "github.com/api.github.com/1.1.4/openapi.yaml|github|2"
)

if [[ "${ASSAY_SKIP_BUILD:-}" != "1" ]]; then
    echo "==> building assay (release)"
    swift build -c release --product assay -Xswiftc -enable-testing >/dev/null
fi
ASSAY="${ASSAY_BIN:-$ROOT/.build/release/assay}"
[[ -x "$ASSAY" ]] || { echo "missing $ASSAY" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# measure SPEC ARGS...: runs `assay generate SPEC --out <fresh dir> ARGS...` $RUNS times and
# prints "<best wall seconds> <peak RSS MiB> <failed runs>".
measure() {
    local spec="$1"; shift
    local best="" rss=0 failed=0 out wall kib report="$WORK/time" dir="$WORK/out"
    for _ in $(seq "$RUNS"); do
        rm -rf "$dir"; mkdir "$dir"
        if ! /usr/bin/time -o "$report" -f '%e %M' "$ASSAY" generate "$spec" --out "$dir" "$@" >/dev/null 2>&1; then
            failed=$((failed + 1))
        fi
        out=$(tail -n 1 "$report")
        wall=${out% *}
        kib=${out#* }
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$wall; fi
        if (( kib > rss )); then rss=$kib; fi
    done
    rm -rf "$dir"
    printf '%s %s %s\n' "$best" "$((rss / 1024))" "$failed"
}

# summary SPEC ARGS...: one run without --quiet; prints "<cases> <files>" from the summary
# line on stderr ("3082 cases (...) in 61 files under DIR"), "? ?" when there is none.
summary() {
    local spec="$1"; shift
    local dir="$WORK/out" line
    rm -rf "$dir"; mkdir "$dir"
    line=$("$ASSAY" generate "$spec" --out "$dir" "$@" 2>&1 >/dev/null | grep -E '^[0-9]+ cases' | tail -n 1 || true)
    rm -rf "$dir"
    if [[ "$line" =~ ^([0-9]+)\ cases.*\ in\ ([0-9]+)\ files ]]; then
        printf '%s %s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
    else
        printf '? ?\n'
    fi
}

verdict() { if [[ "$1" == 1 ]]; then echo PASS; else echo FAIL; fi; }

missed=0
printf '\n%-8s %-7s %7s %6s %9s %-14s %9s %-12s\n' \
    "spec" "format" "cases" "files" "wall (s)" "target" "RSS (MiB)" "target"
for entry in "${SPECS[@]}"; do
    IFS='|' read -r path label wall_target <<<"$entry"
    file="$CORPUS/$path"
    [[ -f "$file" ]] || { echo "missing $file" >&2; exit 1; }
    for format in pytest plan; do
        read -r cases files < <(summary "$file" --strategy enhanced --format "$format")
        read -r wall rss failed < <(measure "$file" --strategy enhanced --format "$format" --quiet)
        wall_ok=$(awk -v a="$wall" -v t="$wall_target" 'BEGIN{print (a < t) ? 1 : 0}')
        rss_ok=$(( rss < RSS_TARGET_MIB ? 1 : 0 ))
        printf '%-8s %-7s %7s %6s %9s %-14s %9s %-12s\n' "$label" "$format" "$cases" "$files" \
            "$wall" "< ${wall_target} s $(verdict "$wall_ok")" "$rss" "< ${RSS_TARGET_MIB} $(verdict "$rss_ok")"
        if (( failed > 0 )); then
            echo "         FAIL: $failed of $RUNS runs exited non-zero" >&2
            missed=$((missed + 1))
        fi
        if [[ "$cases" == "?" ]]; then
            echo "         FAIL: no summary line from the run without --quiet" >&2
            missed=$((missed + 1))
        fi
        (( wall_ok == 1 )) || missed=$((missed + 1))
        (( rss_ok == 1 )) || missed=$((missed + 1))
    done
done

if (( missed > 0 )); then
    echo "generate.sh: $missed target(s) missed" >&2
    exit 1
fi
echo "all targets met"
