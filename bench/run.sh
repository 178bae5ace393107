#!/usr/bin/env bash
# Benchmark: `assay run` against Schemathesis (PyPI), the usual property-based API tester,
# on the same targets, with about the same number of requests.
#
# Targets, all on 127.0.0.1 and started here (killed at exit, whatever happens):
#   mock:<spec>  `assay mock SPEC` of each spec in MOCK_SPECS (a fresh mock for each tool,
#                so neither sees resources the other created), accepting one credential,
#                which both tools are given for every apiKey, basic and bearer scheme;
#   httpbin      httpbin (PyPI) under gunicorn, described by the Swagger 2.0 it serves at
#                GET /spec.json, minus HTTPBIN_EXCLUDE (by default /delay/{delay} and
#                /drip: they sleep on purpose, up to 10 s and without bound, so they would
#                time httpbin's sleeps, not the tools).
# For each target:
#   schemathesis  `st run SPEC --url BASE --checks all --max-examples N --workers W
#                 --max-redirects 0` with every default phase (examples, coverage, fuzzing,
#                 stateful); no redirect is followed, as assay run never follows one (and
#                 httpbin redirects wherever it is told to). N starts at ST_MAX_EXAMPLES (1,
#                 its smallest budget) and doubles, at most ST_MAX_RUNS runs, while the run
#                 sends fewer requests than one Assay plan. Requests are the entries of its
#                 HAR report; findings the unique failures of its JSON report.
#   assay         `assay run SPEC --seed 1 --rounds k --workers W --retries 0 --json`: one
#                 process that plans the enhanced suite in memory for seeds 1..k and runs
#                 each round as it is planned (the next is planned while one runs), as
#                 `st run SPEC` plans and runs in one process; k is chosen so that the k
#                 rounds send about as many requests as Schemathesis did (one round alone is
#                 a few hundred requests: below Schemathesis's smallest budget). Time covers
#                 the whole process: loading, planning and running. Requests are the
#                 report's `summary.requests` (every request sent for a case); findings are
#                 its distinct (check, operation, cause).
# A description Schemathesis cannot load is noted (Assay runs one plan of it) and gets no ratio.
# It prints tool, target, requests, wall seconds, requests/s and distinct findings, then the
# ratio assay req/s / schemathesis req/s per target (the goal is at least 10x; the figures
# are printed as they are) and, over several targets, their median, range and how many
# reach 10x. For httpbin the requests are also counted in gunicorn's access
# log, as a cross-check of both tools' counts. Tools and servers share the machine's cores.
# Network: the one-time pip install of the peers; every request of the benchmark goes to
# 127.0.0.1.
#
# Usage: bench/run.sh [--no-build]
#   --no-build    use the assay binary as it is (also implied when ASSAY_BIN is set)
# Environment:
#   ASSAY_BIN: the assay binary to measure (default .build/release/assay, built here)
#   BENCH_TARGETS ("mock httpbin"): which targets to run
#   MOCK_SPECS ("examples/petstore.yaml <corpus>/turbinelabs.io/1.0/swagger.yaml"): specs
#     for the mock target, space-separated, paths absolute or relative to the project root
#   ASSAY_SHARED_DIR (../shared): where the corpus is
#   BENCH_WORKERS (4): concurrent requests of each tool
#   ST_MAX_EXAMPLES (1), ST_MAX_RUNS (3): Schemathesis's first --max-examples, runs at most
#   ST_SEED (1): Schemathesis's --seed
#   ASSAY_MAX_ROUNDS (50): most Assay rounds per target
#   HTTPBIN_EXCLUDE ("/delay/{delay} /drip"): httpbin paths left out of its spec (set it
#     empty to keep them all)
#   HTTPBIN_WORKERS (2), HTTPBIN_THREADS (8): gunicorn's worker processes and threads
#   BENCH_TIMEOUT (900): seconds any one command may take
#   BENCH_OUT_DIR: where plans, reports and logs go (default: a temporary directory,
#     removed at the end)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/bench/$(basename "${BASH_SOURCE[0]}")"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
BENCH_TARGETS="${BENCH_TARGETS:-mock httpbin}"
MOCK_SPECS="${MOCK_SPECS:-examples/petstore.yaml $CORPUS/turbinelabs.io/1.0/swagger.yaml}"
WORKERS="${BENCH_WORKERS:-4}"
ST_MAX_EXAMPLES="${ST_MAX_EXAMPLES:-1}"
ST_MAX_RUNS="${ST_MAX_RUNS:-3}"
ST_SEED="${ST_SEED:-1}"
ASSAY_MAX_ROUNDS="${ASSAY_MAX_ROUNDS:-50}"
DEFAULT_HTTPBIN_EXCLUDE='/delay/{delay} /drip'
HTTPBIN_EXCLUDE="${HTTPBIN_EXCLUDE-$DEFAULT_HTTPBIN_EXCLUDE}"
HTTPBIN_WORKERS="${HTTPBIN_WORKERS:-2}"
HTTPBIN_THREADS="${HTTPBIN_THREADS:-8}"
BENCH_TIMEOUT="${BENCH_TIMEOUT:-900}"
SCHEMATHESIS_VERSION="4.32.5"
HTTPBIN_VERSION="0.10.4"
FLASGGER_VERSION="0.9.7.1"
GUNICORN_VERSION="27.0.1"
# The one credential the mock accepts; both tools send it.
CREDENTIAL="bench-credential"
# Seconds a server may take to start answering.
START_SECONDS=30

fail() {
    echo "run.sh: $*" >&2
    exit 1
}

BUILD=1
if [[ -n "${ASSAY_BIN:-}" ]]; then BUILD=0; fi
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown argument: $arg (try --help)" ;;
    esac
done
for name in WORKERS ST_MAX_EXAMPLES ST_MAX_RUNS ST_SEED ASSAY_MAX_ROUNDS HTTPBIN_WORKERS HTTPBIN_THREADS BENCH_TIMEOUT; do
    [[ "${!name}" =~ ^[1-9][0-9]*$ ]] || fail "$name must be a positive integer, not '${!name}'"
done
for target in $BENCH_TARGETS; do
    [[ "$target" == mock || "$target" == httpbin ]] || fail "unknown target '$target' in BENCH_TARGETS (mock, httpbin)"
done
command -v curl >/dev/null || fail "curl is needed"
command -v timeout >/dev/null || fail "timeout (coreutils) is needed"
command -v python3 >/dev/null || fail "python3 is needed"

# --- peers: a venv of their own, pinned versions ---------------------------------------
VENV="$ROOT/bench/.venv-run"
PYTHON="$VENV/bin/python"
ST="$VENV/bin/st"
if ! "$PYTHON" -c "
import sys
from importlib.metadata import version
wanted = {'schemathesis': '$SCHEMATHESIS_VERSION', 'httpbin': '$HTTPBIN_VERSION', 'flasgger': '$FLASGGER_VERSION', 'gunicorn': '$GUNICORN_VERSION'}
sys.exit(any(version(name) != v for name, v in wanted.items()))" 2>/dev/null; then
    echo "==> installing schemathesis $SCHEMATHESIS_VERSION, httpbin $HTTPBIN_VERSION (+ flasgger, gunicorn) into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" \
        "httpbin==$HTTPBIN_VERSION" "flasgger==$FLASGGER_VERSION" "gunicorn==$GUNICORN_VERSION" ||
        fail "pip install into $VENV failed"
fi
[[ -x "$ST" ]] || fail "no st (Schemathesis CLI) in $VENV"

# --- assay -----------------------------------------------------------------------------
ASSAY="${ASSAY_BIN:-$ROOT/.build/release/assay}"
if ((BUILD)); then
    echo "==> building assay (release)"
    swift build -c release -Xswiftc -enable-testing >/dev/null || fail "the release build failed"
fi
[[ -x "$ASSAY" ]] || fail "no assay binary at $ASSAY (build it, or set ASSAY_BIN)"

if [[ -n "${BENCH_OUT_DIR:-}" ]]; then
    OUT="$(mkdir -p "$BENCH_OUT_DIR" && cd "$BENCH_OUT_DIR" && pwd)"
    KEEP_OUT=1
else
    OUT="$(mktemp -d "${TMPDIR:-/tmp}/assay-run-bench.XXXXXX")"
    KEEP_OUT=0
fi

# --- servers: started here, stopped at exit --------------------------------------------
SERVER_PIDS=()
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    local status=$? pid
    for pid in "${SERVER_PIDS[@]}"; do stop_process "$pid"; done
    if ((!KEEP_OUT)); then rm -rf "$OUT"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_for_line FILE REGEX PID: prints the first match of REGEX in FILE, written by server
# PID, within START_SECONDS; fails when the server exits or the time is up.
wait_for_line() {
    local file=$1 regex=$2 pid=$3 match
    for _ in $(seq $((START_SECONDS * 10))); do
        match=$(grep -o -m 1 -E "$regex" "$file" 2>/dev/null || true)
        if [[ -n "$match" ]]; then
            printf '%s\n' "$match"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { tail -n 20 "$file" >&2; fail "the server exited before it was ready (log: $file)"; }
        sleep 0.1
    done
    tail -n 20 "$file" >&2
    fail "the server was not ready within $START_SECONDS s (log: $file)"
}

# start_mock SPEC LOG: starts `assay mock` on a free loopback port; sets MOCK_PID, MOCK_URL.
start_mock() {
    local spec=$1 log=$2
    "$ASSAY" mock "$spec" --host 127.0.0.1 --port 0 --credential "$CREDENTIAL" >"$log" 2>&1 &
    MOCK_PID=$!
    SERVER_PIDS+=("$MOCK_PID")
    MOCK_URL=$(wait_for_line "$log" 'http://127\.0\.0\.1:[0-9]+[^ ]*' "$MOCK_PID")
}
stop_mock() {
    stop_process "$MOCK_PID"
    local kept=() pid
    for pid in "${SERVER_PIDS[@]}"; do [[ "$pid" == "$MOCK_PID" ]] || kept+=("$pid"); done
    SERVER_PIDS=("${kept[@]}")
}

# --- measuring -------------------------------------------------------------------------
now() { printf '%s\n' "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 0.01) }'; }

# plan_requests PLAN: the requests of every step of every case.
plan_requests() {
    python3 -c '
import json, sys
plan = json.load(open(sys.argv[1]))
print(sum(len(case["steps"]) for suite in plan["suites"] for case in suite["cases"]))' "$1"
}

# credentials PLAN DIR: from the plan's credential table, writes DIR/assay.env (NAME=value
# lines for assay run) and DIR/schemathesis.toml ([auth.openapi.<scheme>] sections), both
# carrying CREDENTIAL; says which schemes neither tool can be given.
credentials() {
    python3 - "$1" "$2" "$CREDENTIAL" <<'PY'
import json, sys
plan, directory, credential = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
env, toml = [], []
for name, scheme in plan.get("credentials", {}).items():
    kind, variables = scheme.get("type"), scheme.get("env", [])
    quoted = json.dumps(name)
    if kind == "apiKey":
        env.append(f"{variables[0]}={credential}")
        toml.append(f"[auth.openapi.{quoted}]\napi_key = {json.dumps(credential)}\n")
    elif kind == "bearer":
        env.append(f"{variables[0]}={credential}")
        toml.append(f"[auth.openapi.{quoted}]\nbearer = {json.dumps(credential)}\n")
    elif kind == "basic":
        env += [f"{variables[0]}=bench", f"{variables[1]}={credential}"]
        toml.append(f"[auth.openapi.{quoted}]\nusername = \"bench\"\npassword = {json.dumps(credential)}\n")
    else:
        print(f"    note: no credential for scheme {name} ({kind}): neither tool is given one", file=sys.stderr)
open(f"{directory}/assay.env", "w").write("".join(line + "\n" for line in env))
open(f"{directory}/schemathesis.toml", "w").write("\n".join(toml))
PY
}

# run_schemathesis SPEC URL DIR MIN_REQUESTS: Schemathesis with --max-examples from
# ST_MAX_EXAMPLES, doubled while it sends fewer than MIN_REQUESTS (at most ST_MAX_RUNS
# runs). Sets ST_REQUESTS, ST_SECONDS, ST_FINDINGS, ST_N, ST_ERRORS from the last run.
run_schemathesis() {
    local spec=$1 url=$2 dir=$3 min=$4 n=$ST_MAX_EXAMPLES runs=0 start end status
    ST_UNLOADABLE=0
    while :; do
        runs=$((runs + 1))
        local rundir="$dir/schemathesis-n$n"
        rm -rf "$rundir"
        mkdir -p "$rundir"
        start=$(now)
        status=0
        (cd "$rundir" && timeout "$BENCH_TIMEOUT" "$ST" --config-file "$dir/schemathesis.toml" run "$spec" \
            --url "$url" --checks all --max-examples "$n" --workers "$WORKERS" --seed "$ST_SEED" \
            --max-redirects 0 --generation-database none --no-color --report har,json --report-dir "$rundir/report" \
            >"$rundir/st.log" 2>&1) || status=$?
        end=$(now)
        if ((status == 124)); then fail "schemathesis took more than $BENCH_TIMEOUT s (log: $rundir/st.log)"; fi
        if ((status > 1)) && grep -q 'Failed to load specification' "$rundir/st.log"; then
            # A description Schemathesis cannot read (Assay could): no ratio, said so.
            ST_UNLOADABLE=1
            ST_REQUESTS=0 ST_FINDINGS=0 ST_ERRORS=0 ST_SECONDS=0 ST_N=$n
            echo "    schemathesis could not load the description: $(grep -m1 -A1 'Error' "$rundir/st.log" | tr -s ' \n' ' ')"
            return 0
        fi
        if ((status > 1)) || ! compgen -G "$rundir/report/har-*.json" >/dev/null; then
            tail -n 30 "$rundir/st.log" >&2
            fail "schemathesis failed (exit $status) on $spec (log: $rundir/st.log)"
        fi
        read -r ST_REQUESTS ST_FINDINGS ST_ERRORS < <(python3 - "$rundir/report" <<'PY'
import glob, json, sys
har = json.load(open(glob.glob(sys.argv[1] + "/har-*.json")[0]))
report = json.load(open(glob.glob(sys.argv[1] + "/json-*.json")[0]))
errors = sum(error.get("count", 1) for error in report.get("errors", []))
print(len(har["log"]["entries"]), report["test_cases"]["unique_failures"], errors)
PY
        ) || fail "cannot read schemathesis's reports in $rundir/report"
        ST_SECONDS=$(elapsed "$start" "$end")
        ST_N=$n
        echo "    schemathesis --max-examples $n: $ST_REQUESTS requests in $ST_SECONDS s"
        if ((ST_REQUESTS * 10 >= min * 9 || runs >= ST_MAX_RUNS)); then
            return 0
        fi
        n=$((n * 2))
    done
}

# run_assay SPEC URL DIR ROUNDS: `assay run SPEC --rounds ROUNDS` (seeds 1..ROUNDS, each
# round planned while the one before it runs). Sets ASSAY_REQUESTS, ASSAY_SECONDS,
# ASSAY_FINDINGS.
run_assay() {
    local spec=$1 url=$2 dir=$3 rounds=$4 start end status
    local credential_env=()
    mapfile -t credential_env <"$dir/assay.env"
    local out="$dir/assay"
    mkdir -p "$out"
    status=0
    start=$(now)
    env "${credential_env[@]}" timeout "$BENCH_TIMEOUT" "$ASSAY" run "$spec" --seed 1 --rounds "$rounds" --base-url "$url" --allow-private \
        --workers "$WORKERS" --retries 0 --quiet --json "$out/report.json" \
        >"$out/run.log" 2>&1 || status=$?
    end=$(now)
    if ((status == 124)); then fail "assay run took more than $BENCH_TIMEOUT s (log: $out/run.log)"; fi
    if ((status > 1)) || [[ ! -s "$out/report.json" ]]; then
        tail -n 20 "$out/run.log" >&2
        fail "assay run failed (exit $status) against $url (log: $out/run.log)"
    fi
    ASSAY_SECONDS=$(elapsed "$start" "$end")
    read -r ASSAY_REQUESTS ASSAY_FINDINGS < <(python3 - "$out/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
counted = sum(case["requests"] for case in report["cases"])
if counted != report["summary"]["requests"]:
    sys.exit(f"the cases count {counted} requests, the summary {report['summary']['requests']}")
print(counted, len({(f["check"], f["operation"], f["cause"]) for f in report["findings"]}))
PY
    ) || fail "cannot read assay's report in $out"
}

# --- one target ------------------------------------------------------------------------
# served: the requests httpbin's access log holds so far (0 before httpbin is started).
served() {
    if [[ -n "${HTTPBIN_ACCESS_LOG:-}" ]]; then wc -l <"$HTTPBIN_ACCESS_LOG"; else echo 0; fi
}
ROWS=()
RATIOS=()
NOTES=()

# bench_target LABEL SPEC KIND [URL]: KIND mock starts a fresh mock per tool; KIND httpbin
# uses URL and counts requests in the access log too.
bench_target() {
    local label=$1 spec=$2 kind=$3 url=${4:-} dir planned rounds served_before
    dir="$OUT/$(printf '%s' "$label" | tr -c 'A-Za-z0-9._-' '_')"
    mkdir -p "$dir"
    echo "==> $label ($spec)"
    timeout "$BENCH_TIMEOUT" "$ASSAY" generate "$spec" --out "$dir/probe" --format plan --strategy enhanced \
        --seed 1 --quiet 2>"$dir/probe.log" || { cat "$dir/probe.log" >&2; fail "assay generate failed on $spec"; }
    planned=$(plan_requests "$dir/probe/plan.json")
    credentials "$dir/probe/plan.json" "$dir"
    echo "    one assay plan (seed 1): $planned requests"

    if [[ $kind == mock ]]; then start_mock "$spec" "$dir/mock-schemathesis.log"; url=$MOCK_URL; fi
    served_before=$(served)
    run_schemathesis "$spec" "$url" "$dir" "$planned"
    ST_SERVED=$(($(served) - served_before))
    if [[ $kind == mock ]]; then stop_mock; fi

    rounds=$(awk -v s="$ST_REQUESTS" -v p="$planned" 'BEGIN { r = int(s / p + 0.5); print (r < 1 ? 1 : r) }')
    if ((ST_UNLOADABLE)); then
        if [[ $kind == mock ]]; then start_mock "$spec" "$dir/mock-assay.log"; url=$MOCK_URL; fi
        run_assay "$spec" "$url" "$dir" 1
        if [[ $kind == mock ]]; then stop_mock; fi
        ROWS+=("assay|$label|$ASSAY_REQUESTS|$ASSAY_SECONDS|$(rate "$ASSAY_REQUESTS" "$ASSAY_SECONDS")|$ASSAY_FINDINGS")
        ROWS+=("schemathesis|$label|-|-|-|-")
        NOTES+=("$label: schemathesis could not load the description (no ratio); assay ran one plan")
        return 0
    fi
    if ((rounds > ASSAY_MAX_ROUNDS)); then
        NOTES+=("$label: assay capped at ASSAY_MAX_ROUNDS=$ASSAY_MAX_ROUNDS rounds ($rounds would match)")
        rounds=$ASSAY_MAX_ROUNDS
    fi
    if [[ $kind == mock ]]; then start_mock "$spec" "$dir/mock-assay.log"; url=$MOCK_URL; fi
    served_before=$(served)
    run_assay "$spec" "$url" "$dir" "$rounds"
    ASSAY_SERVED=$(($(served) - served_before))
    if [[ $kind == mock ]]; then stop_mock; fi
    echo "    assay, $rounds round(s): $ASSAY_REQUESTS requests in $ASSAY_SECONDS s (planning included)"

    local assay_rate st_rate
    assay_rate=$(rate "$ASSAY_REQUESTS" "$ASSAY_SECONDS")
    st_rate=$(rate "$ST_REQUESTS" "$ST_SECONDS")
    ROWS+=("assay|$label|$ASSAY_REQUESTS|$ASSAY_SECONDS|$assay_rate|$ASSAY_FINDINGS")
    ROWS+=("schemathesis|$label|$ST_REQUESTS|$ST_SECONDS|$st_rate|$ST_FINDINGS")
    RATIOS+=("$label|$(awk -v an="$ASSAY_REQUESTS" -v as="$ASSAY_SECONDS" -v sn="$ST_REQUESTS" -v ss="$ST_SECONDS" \
        'BEGIN { a = an / (as > 0 ? as : 0.01); s = sn / (ss > 0 ? ss : 0.01); printf "%.1f", a / (s > 0 ? s : 1) }')")
    NOTES+=("$label: assay ran $rounds round(s) in one process (seeds 1..$rounds, $planned requests planned in the first, --retries 0); schemathesis --max-examples $ST_N, all phases, $ST_ERRORS error(s) reported")
    if [[ $kind == httpbin ]]; then
        NOTES+=("$label: gunicorn's access log counted $ASSAY_SERVED requests from assay, $ST_SERVED from schemathesis (its HAR records $ST_REQUESTS)")
    fi
}

# --- targets ---------------------------------------------------------------------------
for target in $BENCH_TARGETS; do
    if [[ $target == mock ]]; then
        for spec in $MOCK_SPECS; do
            [[ "$spec" == /* ]] || spec="$ROOT/$spec"
            [[ -f "$spec" ]] || fail "no spec at $spec (MOCK_SPECS)"
            case "$spec" in
                "$CORPUS"/*) label="${spec#"$CORPUS"/}"; label="mock:${label%/*}" ;;
                *) label="mock:$(basename "$spec")" ;;
            esac
            bench_target "$label" "$spec" mock
        done
    else
        HTTPBIN_ACCESS_LOG="$OUT/httpbin-access.log"
        : >"$HTTPBIN_ACCESS_LOG"
        # Port 0: gunicorn binds a free port and logs it. No control socket in $HOME.
        "$PYTHON" -m gunicorn --bind 127.0.0.1:0 --workers "$HTTPBIN_WORKERS" --worker-class gthread \
            --threads "$HTTPBIN_THREADS" --no-control-socket --access-logfile "$HTTPBIN_ACCESS_LOG" \
            --error-logfile "$OUT/httpbin-error.log" httpbin:app >/dev/null 2>&1 &
        HTTPBIN_PID=$!
        SERVER_PIDS+=("$HTTPBIN_PID")
        HTTPBIN_URL=$(wait_for_line "$OUT/httpbin-error.log" 'http://127\.0\.0\.1:[0-9]+' "$HTTPBIN_PID")
        spec_ready=0
        for _ in $(seq $((START_SECONDS * 10))); do
            if curl -sf --max-time 5 -o "$OUT/httpbin-spec.json" "$HTTPBIN_URL/spec.json"; then
                spec_ready=1
                break
            fi
            sleep 0.1
        done
        ((spec_ready)) || fail "httpbin at $HTTPBIN_URL served no /spec.json within $START_SECONDS s (log: $OUT/httpbin-error.log)"
        python3 - "$OUT/httpbin-spec.json" "$OUT/httpbin-bench.json" "$HTTPBIN_EXCLUDE" <<'PY' || fail "cannot prepare httpbin's spec"
import json, sys
source, target, excluded = sys.argv[1], sys.argv[2], sys.argv[3].split()
spec = json.load(open(source))
missing = [path for path in excluded if path not in spec["paths"]]
if missing:
    sys.exit(f"HTTPBIN_EXCLUDE names paths httpbin's spec does not have: {missing}")
for path in excluded:
    del spec["paths"][path]
json.dump(spec, open(target, "w"), indent=1)
print(f"    httpbin spec: {len(spec['paths'])} paths" + (f" (left out: {' '.join(excluded)})" if excluded else ""))
PY
        bench_target "httpbin" "$OUT/httpbin-bench.json" httpbin "$HTTPBIN_URL"
    fi
done

# --- report ----------------------------------------------------------------------------
row() { printf '%-13s %-22s %9s %9s %9s %9s\n' "$@"; }
printf '\n'
row "tool" "target" "requests" "seconds" "req/s" "findings"
for line in "${ROWS[@]}"; do
    IFS='|' read -r -a fields <<<"$line"
    row "${fields[@]}"
done
printf '\n'
for line in "${RATIOS[@]}"; do
    IFS='|' read -r label ratio <<<"$line"
    verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 10 ? "meets" : "below") }')
    printf 'ratio assay/schemathesis (req/s) on %-22s %6sx  (%s the 10x goal)\n' "$label:" "$ratio" "$verdict"
done
if ((${#RATIOS[@]} > 1)); then
    printf '%s\n' "${RATIOS[@]}" | cut -d'|' -f2 | sort -g | awk '{ r[NR] = $1; if ($1 >= 10) met++ } END {
        median = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "ratios over %d targets: median %.1fx, min %.1fx, max %.1fx; %d of %d at least 10x\n", NR, median, r[1], r[NR], met + 0, NR }'
fi
printf '\n'
for note in "${NOTES[@]}"; do printf 'note: %s\n' "$note"; done
if ((KEEP_OUT)); then echo "outputs kept in $OUT"; fi
