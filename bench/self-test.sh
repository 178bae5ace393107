#!/usr/bin/env bash
# Self-test: the service tested by Assay and by Schemathesis, from its own /openapi.json.
#
# Starts `assay serve --no-jobs` on 127.0.0.1 over a fresh SQLite file (jobs off: what the
# testers queue, such as a spec fetch from a URL they made up, is kept but never run, so
# nothing leaves the machine), makes an admin token, and reads GET /openapi.json. Then:
#   assay         `assay generate openapi.json --strategy enhanced --seed S --format plan`
#                 and `assay run --workers W --json` with the token; server errors are its
#                 `server-error` findings.
#   schemathesis  `st run openapi.json --checks all --max-examples N --workers W` with the
#                 token in an Authorization header and every default phase (examples,
#                 coverage, fuzzing, stateful); server errors are its `not_a_server_error`
#                 failures.
# It prints, per tool, the requests sent, the distinct findings by check and the server
# errors, and counts every 5xx in the server's own request log as a cross-check of both.
# Exit 1 when anything answered 5xx. Every request goes to 127.0.0.1.
#
# Usage: bench/self-test.sh [--no-build]
# Environment:
#   ASSAY_BIN: the assay binary (default .build/release/assay, built here)
#   SELFTEST_SEEDS ("1 2 3"): the seeds of Assay's plans
#   ST_MAX_EXAMPLES (50): Schemathesis's --max-examples
#   BENCH_WORKERS (4): concurrent requests of each tool
#   BENCH_TIMEOUT (900): seconds any one command may take
#   BENCH_OUT_DIR: where the logs and reports go (default: a temporary directory, removed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

fail() { echo "self-test: $*" >&2; exit 2; }
BUILD=1
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        -h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown argument '$arg' (see --help)" ;;
    esac
done
[[ -n "${ASSAY_BIN:-}" ]] && BUILD=0
SEEDS="${SELFTEST_SEEDS:-1 2 3}"
MAX_EXAMPLES="${ST_MAX_EXAMPLES:-50}"
WORKERS="${BENCH_WORKERS:-4}"
BENCH_TIMEOUT="${BENCH_TIMEOUT:-900}"
SCHEMATHESIS_VERSION="4.32.5"

# --- Schemathesis: the venv bench/run.sh uses, or one with Schemathesis alone --------------
VENV="$ROOT/bench/.venv-run"
ST="$VENV/bin/st"
if ! "$VENV/bin/python" -c "
import sys
from importlib.metadata import version
sys.exit(version('schemathesis') != '$SCHEMATHESIS_VERSION')" 2>/dev/null; then
    echo "==> installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" ||
        fail "pip install into $VENV failed"
fi

ASSAY="${ASSAY_BIN:-$ROOT/.build/release/assay}"
if ((BUILD)); then
    echo "==> building assay (release)"
    swift build -c release >/dev/null || fail "the release build failed"
fi
[[ -x "$ASSAY" ]] || fail "no assay binary at $ASSAY (build it, or set ASSAY_BIN)"

if [[ -n "${BENCH_OUT_DIR:-}" ]]; then
    OUT="$BENCH_OUT_DIR"
    mkdir -p "$OUT"
    KEEP=1
else
    OUT="$(mktemp -d)"
    KEEP=0
fi
SERVER_PID=""
cleanup() {
    [[ -n "$SERVER_PID" ]] && stop_process "$SERVER_PID"
    ((KEEP)) || rm -rf "$OUT"
}
trap cleanup EXIT

# --- the server -------------------------------------------------------------------------
mkdir -p "$OUT/data"
"$ASSAY" serve --host 127.0.0.1 --port 0 --no-jobs --data-dir "$OUT/data" >"$OUT/serve.log" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 100); do
    PORT="$(sed -n 's|^assay serve listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$OUT/serve.log")"
    [[ -n "$PORT" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || fail "assay serve exited: $(tail -5 "$OUT/serve.log")"
    sleep 0.1
done
[[ -n "$PORT" ]] || fail "assay serve did not start within 10 s"
BASE="http://127.0.0.1:$PORT"
TOKEN="$("$ASSAY" tokens create --name self-test --scope admin --data-dir "$OUT/data" | tail -1)"
curl -sf "$BASE/openapi.json" -o "$OUT/openapi.json" || fail "GET /openapi.json failed"
echo "==> assay serve at $BASE; $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for p in d['paths'].values() for m in p if m in ('get','put','post','delete','patch')), 'operations')" "$OUT/openapi.json")"

server_errors_logged() {
    python3 - "$OUT/serve.log" <<'PY'
import json, sys
count = 0
for line in open(sys.argv[1]):
    try:
        record = json.loads(line)
    except ValueError:
        continue
    status = record.get("status")
    if status is not None and str(status).isdigit() and int(status) >= 500:
        count += 1
print(count)
PY
}

# --- Assay ------------------------------------------------------------------------------
A_REQUESTS=0
declare -A A_CHECKS=()
A_START=$(date +%s.%N)
for seed in $SEEDS; do
    timeout "$BENCH_TIMEOUT" "$ASSAY" generate "$OUT/openapi.json" --out "$OUT/assay-$seed" --strategy enhanced --seed "$seed" \
        --format plan --quiet || fail "assay generate failed (seed $seed)"
    status=0
    ASSAY_AUTH_BEARER_TOKEN="$TOKEN" timeout "$BENCH_TIMEOUT" "$ASSAY" run "$OUT/assay-$seed" --base-url "$BASE" --allow-private \
        --workers "$WORKERS" --retries 0 --quiet --json "$OUT/assay-$seed/report.json" >"$OUT/assay-$seed/run.log" 2>&1 || status=$?
    ((status <= 1)) || fail "assay run failed (exit $status): $(tail -3 "$OUT/assay-$seed/run.log")"
done
A_SECONDS=$(echo "$(date +%s.%N) - $A_START" | bc)
read -r A_REQUESTS A_FINDINGS A_SERVER A_BYCHECK < <(python3 - "$OUT" $SEEDS <<'PY'
import json, sys, collections
out, seeds = sys.argv[1], sys.argv[2:]
requests, distinct = 0, set()
for seed in seeds:
    report = json.load(open(f"{out}/assay-{seed}/report.json"))
    plan = json.load(open(f"{out}/assay-{seed}/plan.json"))
    steps = {case["id"]: len(case["steps"]) for suite in plan["suites"] for case in suite["cases"]}
    for case in report["cases"]:
        # --retries 0: a passed case sent every step, a failed one the steps up to its failure.
        if case["outcome"] == "passed":
            requests += steps[case["id"]]
        else:
            requests += (case.get("step", 0) + 1) * case.get("attempts", 1)
    for finding in report["findings"]:
        distinct.add((finding["check"], finding["operation"], finding.get("cause", finding["message"])))
by_check = collections.Counter(check for check, _, _ in distinct)
print(requests, len(distinct), by_check.get("server-error", 0), ",".join(f"{k}={v}" for k, v in sorted(by_check.items())) or "-")
PY
)
echo "assay         seeds [$SEEDS]: ~$A_REQUESTS requests in ${A_SECONDS}s; $A_FINDINGS distinct findings ($A_BYCHECK); server errors: $A_SERVER"

# --- Schemathesis ---------------------------------------------------------------------------
ST_DIR="$OUT/schemathesis"
mkdir -p "$ST_DIR"
S_START=$(date +%s.%N)
status=0
(cd "$ST_DIR" && timeout "$BENCH_TIMEOUT" "$ST" run "$OUT/openapi.json" --url "$BASE" --header "Authorization: Bearer $TOKEN" \
    --checks all --max-examples "$MAX_EXAMPLES" --workers "$WORKERS" --seed 1 --max-redirects 0 --generation-database none \
    --no-color --report har,junit --report-dir "$ST_DIR/report" >"$ST_DIR/st.log" 2>&1) || status=$?
S_SECONDS=$(echo "$(date +%s.%N) - $S_START" | bc)
((status == 124)) && fail "schemathesis took more than $BENCH_TIMEOUT s (log: $ST_DIR/st.log)"
((status <= 1)) || fail "schemathesis failed (exit $status): $(tail -5 "$ST_DIR/st.log")"
read -r S_REQUESTS S_5XX < <(python3 - "$ST_DIR/report" <<'PY'
import glob, json, sys
har = json.load(open(glob.glob(sys.argv[1] + "/har-*.json")[0]))
entries = har["log"]["entries"]
print(len(entries), sum(1 for e in entries if e["response"]["status"] >= 500))
PY
)
S_SUMMARY="$(grep -E "^(Failures|Test cases|Summary|  [A-Za-z_ ]+: )|not_a_server_error|Server error" "$ST_DIR/st.log" | tr -s ' ' | head -12 | tr '\n' ';' || true)"
S_SERVER="$(grep -c -E "Server error" "$ST_DIR/st.log" || true)"
echo "schemathesis  max-examples $MAX_EXAMPLES: $S_REQUESTS requests in ${S_SECONDS}s; responses 5xx: $S_5XX; 'Server error' failures reported: $S_SERVER"
echo "              ${S_SUMMARY:0:600}"

LOGGED="$(server_errors_logged)"
echo "server log    5xx answers over both runs: $LOGGED"
if ((LOGGED > 0 || A_SERVER > 0 || S_5XX > 0)); then
    echo "self-test: the service answered 5xx (logs in $OUT)" >&2
    KEEP=1
    exit 1
fi
echo "self-test: 0 server errors from either tool"
