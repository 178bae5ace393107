#!/usr/bin/env bash
# Benchmark: webhook ingest of `assay serve`. Signed Standard Webhooks deliveries (the
# `generic` source, each with its own id, so each one records a delivery and queues a job)
# are sent at fixed open-loop rates, and each request's latency is taken from the time it was
# due, not the time it went out: a server that stalls is charged for what queued behind it.
#
# Steps:
#   1. a temporary data directory; `assay migrate`; a write token (`assay tokens create`);
#   2. `assay serve --port 0 --data-dir DIR --no-jobs` (jobs stay queued: the bench measures
#      the request path only, which makes no outbound call);
#   3. `POST /api/v1/projects` with a random `whsec_` generic secret;
#   4. `assay-load` (Sources/assay-load: one NIO event-loop thread, every request signed before
#      its step starts) at each rate of BENCH_RATES for BENCH_DURATION seconds, after
#      BENCH_WARMUP seconds of unmeasured load at the same rate;
#   5. p50, p90, p99, max, achieved rate and errors per rate; the queue depth from /status
#      (every accepted delivery must have queued exactly one job); the server's CPU time.
# Target: p99 under 20 ms at 2,000/s on SQLite. Everything listens on 127.0.0.1; the server
# and the generator share the machine's cores. The data directory and the server are removed
# at exit, whatever happens.
#
# Usage: bench/webhook-ingest.sh [--no-build]
#   --no-build    use the binaries as they are (also implied when ASSAY_BIN is set)
# Environment:
#   ASSAY_BIN (.build/release/assay), ASSAY_LOAD_BIN (.build/release/assay-load)
#   BENCH_RATES ("1000 2000"): requests per second, one step each
#   BENCH_DURATION (10), BENCH_WARMUP (1): seconds per step (1 to 120; 0 to 30)
#   BENCH_LOG_LEVEL (info): the server's --log-level (info writes a JSON line per request,
#     as in production)
#   ASSAY_DATABASE_URL: a PostgreSQL database to bench instead of SQLite (its tables are
#     migrated; the project gets a random slug)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/bench/$(basename "${BASH_SOURCE[0]}")"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

RATES="${BENCH_RATES:-1000 2000}"
DURATION="${BENCH_DURATION:-10}"
WARMUP="${BENCH_WARMUP:-1}"
LOG_LEVEL="${BENCH_LOG_LEVEL:-info}"
ASSAY="${ASSAY_BIN:-$ROOT/.build/release/assay}"
LOAD="${ASSAY_LOAD_BIN:-$ROOT/.build/release/assay-load}"
# Seconds the server may take to start listening.
START_SECONDS=30
# p99 target at the highest rate, in milliseconds.
TARGET_P99_MS=20

fail() {
    echo "webhook-ingest.sh: $*" >&2
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
for rate in $RATES; do
    [[ "$rate" =~ ^[1-9][0-9]*$ ]] && ((rate <= 100000)) || fail "BENCH_RATES must be integers from 1 to 100000, not '$rate'"
done
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] && ((DURATION <= 120)) || fail "BENCH_DURATION must be 1 to 120, not '$DURATION'"
[[ "$WARMUP" =~ ^[0-9]+$ ]] && ((WARMUP <= 30)) || fail "BENCH_WARMUP must be 0 to 30, not '$WARMUP'"
command -v curl >/dev/null || fail "curl is needed"
command -v timeout >/dev/null || fail "timeout (coreutils) is needed"

if ((BUILD)); then
    # The flags of the other benches and the tests, so the build directory is shared.
    echo "==> swift build -c release (assay, assay-load)"
    swift build -c release --product assay -Xswiftc -enable-testing >/dev/null || fail "the release build of assay failed"
    swift build -c release --product assay-load -Xswiftc -enable-testing >/dev/null || fail "the release build of assay-load failed"
fi
[[ -x "$ASSAY" ]] || fail "no assay binary at $ASSAY (build it, or set ASSAY_BIN)"
[[ -x "$LOAD" ]] || fail "no assay-load binary at $LOAD (build it, or set ASSAY_LOAD_BIN)"

DATA="$(mktemp -d "${TMPDIR:-/tmp}/assay-webhook-bench.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then stop_process "$SERVER_PID"; fi
    rm -rf "$DATA"
}
trap cleanup EXIT

echo "==> database: ${ASSAY_DATABASE_URL:+PostgreSQL (ASSAY_DATABASE_URL)}${ASSAY_DATABASE_URL:-SQLite in $DATA}"
timeout 120 "$ASSAY" migrate --data-dir "$DATA" >/dev/null
TOKEN="$(timeout 60 "$ASSAY" tokens create --name webhook-bench --scope write --data-dir "$DATA" 2>/dev/null)"
[[ "$TOKEN" == assay_* ]] || fail "assay tokens create printed no token"

"$ASSAY" serve --port 0 --data-dir "$DATA" --no-jobs --no-migrate --log-level "$LOG_LEVEL" >"$DATA/serve.out" 2>"$DATA/serve.log" &
SERVER_PID=$!
PORT=""
for _ in $(seq $((START_SECONDS * 10))); do
    PORT="$(sed -n 's|^assay serve listening on http://[^:]*:\([0-9]*\).*|\1|p' "$DATA/serve.out")"
    [[ -n "$PORT" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$DATA/serve.log" >&2; fail "assay serve exited"; }
    sleep 0.1
done
[[ -n "$PORT" ]] || fail "assay serve did not listen within $START_SECONDS s"
BASE="http://127.0.0.1:$PORT"
echo "==> assay serve on $BASE (pid $SERVER_PID, --no-jobs, --log-level $LOG_LEVEL)"

SLUG="bench-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SECRET="whsec_$(head -c 24 /dev/urandom | base64)"
curl -sf -o /dev/null -X POST "$BASE/api/v1/projects" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    -d "{\"slug\":\"$SLUG\",\"name\":\"Webhook bench\",\"settings\":{\"webhookSecrets\":{\"generic\":\"$SECRET\"}}}" ||
    fail "POST /api/v1/projects failed"

# The server's CPU seconds so far (user + system), from /proc.
cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$SERVER_PID/stat"
}

queue_depth() {
    curl -sf "$BASE/status" | sed -n 's/.*"depth":\([0-9]*\).*/\1/p'
}

rates_csv="$(echo "$RATES" | tr ' ' ',')"
steps=$(echo "$RATES" | wc -w)
budget=$((steps * (DURATION + WARMUP + 70) + 30))
cpu_before="$(cpu_seconds)"
started=$(date +%s%N)
echo "==> assay-load: ${RATES// //s, }/s for $DURATION s each (+$WARMUP s warm-up), open loop"
output="$(timeout "$budget" "$LOAD" --url "$BASE/api/v1/webhooks/generic?project=$SLUG" --secret "$SECRET" \
    --rates "$rates_csv" --duration "$DURATION" --warmup "$WARMUP")" || fail "assay-load failed: $output"
elapsed=$(awk -v a="$(date +%s%N)" -v b="$started" 'BEGIN { printf "%.1f", (a - b) / 1e9 }')
cpu_after="$(cpu_seconds)"
echo "$output"

# Every 2xx must have queued one job, warm-up requests included.
accepted=$(echo "$output" | sed -n 's/.* ok=\([0-9]*\) .*/\1/p' | awk '{ n += $1 } END { print n + 0 }')
depth="$(queue_depth)"
echo
echo "server CPU: $(awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN { printf "%.2f", a - b }') s over $elapsed s of load"
echo "queue depth after: ${depth:-?} jobs; 2xx answers (warm-up included): $accepted"
if ! kill -0 "$SERVER_PID" 2>/dev/null; then fail "assay serve died during the load"; fi

top_rate=$(echo "$RATES" | tr ' ' '\n' | sort -n | tail -n 1)
top_line=$(echo "$output" | grep "^rate=$top_rate/s ")
p99=$(echo "$top_line" | sed -n 's/.* p99=\([0-9.]*\)ms.*/\1/p')
errors=$(echo "$top_line" | sed -n 's/.* errors=\([0-9]*\) .*/\1/p')
if [[ -n "$p99" ]] && awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { exit !(p < t) }' && [[ "$errors" == 0 ]]; then
    echo "target: p99 ${p99} ms < ${TARGET_P99_MS} ms at ${top_rate}/s with no errors: met"
else
    echo "target: p99 < ${TARGET_P99_MS} ms at ${top_rate}/s with no errors: MISSED (p99 ${p99:-?} ms, errors ${errors:-?})"
fi
