#!/usr/bin/env bash
# Benchmark: `assay data user` against Faker and Mimesis (PyPI), the usual Python fakers.
#
# Every tool writes the same ten-field user profile (id uuid, name, email, phone, street,
# city, postalCode, country, birthDate, company) as NDJSON to a file, pinned to ONE core
# (taskset -c 0). For each it reports the best wall time of BENCH_RUNS runs, the records/s
# that gives, the peak RSS (GNU time), and the ratios assay/faker and assay/mimesis in
# records/s. Then a streaming run: assay writes 10 million records, whose peak RSS must
# stay under 100 MiB. Every output is checked (line count, first line is a JSON object
# with the ten keys); any failure stops the script with a message. All local: no network
# beyond the one-time pip install of the peers.
#
# Usage: bench/data.sh [--peers-only] [--no-build]
#   --peers-only   run Faker and Mimesis only (no build, no assay)
#   --no-build     use the assay binary as it is (ASSAY_BIN, default .build/release/assay)
# Environment:
#   ASSAY_N (1000000), FAKER_N (100000), MIMESIS_N (200000), STREAM_N (10000000)
#   BENCH_RUNS (3), STREAM_RUNS (1), STREAM_RSS_LIMIT_MIB (100)
#   ASSAY_BIN: the assay binary to measure (default .build/release/assay)
#   BENCH_OUT_DIR: where outputs go (default: a temporary directory, removed at the end)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/bench/$(basename "${BASH_SOURCE[0]}")"
cd "$ROOT"

ASSAY_N="${ASSAY_N:-1000000}"
FAKER_N="${FAKER_N:-100000}"
MIMESIS_N="${MIMESIS_N:-200000}"
STREAM_N="${STREAM_N:-10000000}"
RUNS="${BENCH_RUNS:-3}"
STREAM_RUNS="${STREAM_RUNS:-1}"
STREAM_RSS_LIMIT_MIB="${STREAM_RSS_LIMIT_MIB:-100}"
FAKER_VERSION="40.54.0"
MIMESIS_VERSION="22.2.0"
KEYS="id,name,email,phone,street,city,postalCode,country,birthDate,company"

fail() {
    echo "data.sh: $*" >&2
    exit 1
}

PEERS_ONLY=0
BUILD=1
for arg in "$@"; do
    case "$arg" in
        --peers-only) PEERS_ONLY=1 ;;
        --no-build) BUILD=0 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown argument: $arg (try --help)" ;;
    esac
done
for name in ASSAY_N FAKER_N MIMESIS_N STREAM_N RUNS STREAM_RUNS STREAM_RSS_LIMIT_MIB; do
    [[ "${!name}" =~ ^[1-9][0-9]*$ ]] || fail "$name must be a positive integer, not '${!name}'"
done
[[ -x /usr/bin/time ]] || fail "GNU time (/usr/bin/time) is needed"
command -v taskset >/dev/null || fail "taskset (util-linux) is needed"

# --- peers: a venv of their own, pinned versions ---------------------------------------
VENV="$ROOT/bench/.venv-data"
PYTHON="$VENV/bin/python"
if ! "$PYTHON" -c "import faker, mimesis, sys; sys.exit(faker.VERSION != '$FAKER_VERSION' or mimesis.__version__ != '$MIMESIS_VERSION')" 2>/dev/null; then
    echo "==> installing faker $FAKER_VERSION and mimesis $MIMESIS_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "faker==$FAKER_VERSION" "mimesis==$MIMESIS_VERSION"
fi

# --- assay: release build, the same flags as the tests so artifacts are shared ---------
ASSAY="${ASSAY_BIN:-$ROOT/.build/release/assay}"
if (( ! PEERS_ONLY )); then
    if (( BUILD )); then
        echo "==> building assay (release)"
        swift build -c release -Xswiftc -enable-testing >/dev/null || fail "the release build failed"
    fi
    [[ -x "$ASSAY" ]] || fail "no assay binary at $ASSAY"
fi

if [[ -n "${BENCH_OUT_DIR:-}" ]]; then
    OUT="$BENCH_OUT_DIR"
    mkdir -p "$OUT"
else
    OUT="$(mktemp -d "${TMPDIR:-/tmp}/assay-data-bench.XXXXXX")"
    trap 'rm -rf "$OUT"' EXIT
fi

if (( ! PEERS_ONLY )); then
    probe_err="$OUT/probe.err"
    if ! "$ASSAY" data user --count 1 --seed 1 --format ndjson --out "$OUT/probe.ndjson" 2>"$probe_err" \
        || [[ ! -s "$OUT/probe.ndjson" ]]; then
        echo "data.sh: this assay build has no working 'assay data user' command:" >&2
        head -n 5 "$probe_err" >&2
        fail "build the data engine's CLI first, or run with --peers-only"
    fi
fi

# verify FILE COUNT TOOL: exactly COUNT lines, the first a JSON object with the ten keys.
verify() {
    local file=$1 count=$2 tool=$3 lines
    [[ -f "$file" ]] || fail "$tool wrote no file at $file"
    lines=$(wc -l <"$file")
    (( lines == count )) || fail "$tool wrote $lines lines, expected $count ($file)"
    head -n 1 "$file" | python3 -c '
import json, sys
keys = sys.argv[1].split(",")
try:
    record = json.loads(sys.stdin.read())
except ValueError as error:
    sys.exit(f"the first line is not JSON: {error}")
if not isinstance(record, dict) or sorted(record) != sorted(keys):
    sys.exit(f"the first line has keys {sorted(record) if isinstance(record, dict) else type(record).__name__}, expected {sorted(keys)}")
' "$KEYS" || fail "$tool: bad first line in $file"
}

# measure RUNS CMD...: runs CMD pinned to core 0 RUNS times; prints "<best wall s> <its CPU s>
# <peak RSS MiB>". CPU time (user + sys) shows how much of the wall time other load took.
measure() {
    local runs=$1 best="" cpu="" rss=0 wall user sys kib report
    shift
    report="$OUT/time.report"
    for _ in $(seq "$runs"); do
        if ! /usr/bin/time -o "$report" -f '%e %U %S %M' taskset -c 0 "$@" >"$OUT/run.out" 2>"$OUT/run.err"; then
            echo "data.sh: failed: $*" >&2
            tail -n 20 "$OUT/run.err" >&2
            exit 1
        fi
        read -r wall user sys kib < <(tail -n 1 "$report")
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$wall
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        fi
        if (( kib > rss )); then rss=$kib; fi
    done
    printf '%s %s %s\n' "$best" "$cpu" "$((rss / 1024))"
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 0.01) }'; }
row() { printf '%-10s %12s %10s %10s %14s %16s\n' "$@"; }

declare -A RATE
echo "==> generating ($RUNS runs each, best wall time, pinned to core 0)"
printf '\n'
row "tool" "records" "wall (s)" "CPU (s)" "records/s" "peak RSS (MiB)"
if (( ! PEERS_ONLY )); then
    read -r wall cpu rss < <(measure "$RUNS" "$ASSAY" data user --count "$ASSAY_N" --seed 1 --format ndjson --out "$OUT/assay.ndjson")
    verify "$OUT/assay.ndjson" "$ASSAY_N" assay
    RATE[assay]=$(rate "$ASSAY_N" "$wall")
    row assay "$ASSAY_N" "$wall" "$cpu" "${RATE[assay]}" "$rss"
fi
read -r wall cpu rss < <(measure "$RUNS" "$PYTHON" "$ROOT/bench/peers/faker_profile.py" "$FAKER_N" "$OUT/faker.ndjson")
verify "$OUT/faker.ndjson" "$FAKER_N" faker
RATE[faker]=$(rate "$FAKER_N" "$wall")
row faker "$FAKER_N" "$wall" "$cpu" "${RATE[faker]}" "$rss"
read -r wall cpu rss < <(measure "$RUNS" "$PYTHON" "$ROOT/bench/peers/mimesis_profile.py" "$MIMESIS_N" "$OUT/mimesis.ndjson")
verify "$OUT/mimesis.ndjson" "$MIMESIS_N" mimesis
RATE[mimesis]=$(rate "$MIMESIS_N" "$wall")
row mimesis "$MIMESIS_N" "$wall" "$cpu" "${RATE[mimesis]}" "$rss"

printf '\n'
if (( PEERS_ONLY )); then
    awk -v m="${RATE[mimesis]}" -v f="${RATE[faker]}" 'BEGIN { printf "ratio mimesis/faker (records/s): %.1fx\n", m / f }'
    exit 0
fi
awk -v a="${RATE[assay]}" -v f="${RATE[faker]}" -v m="${RATE[mimesis]}" \
    'BEGIN { printf "ratio assay/faker (records/s): %.1fx   assay/mimesis: %.1fx\n", a / f, a / m }'

# --- streaming: ten million records through one core, in bounded memory -----------------
# About 300 bytes a record: make sure the file fits, with a margin.
need_kib=$((STREAM_N * 400 / 1024))
free_kib=$(df -Pk "$OUT" | awk 'NR == 2 { print $4 }')
(( free_kib > need_kib )) || fail "streaming $STREAM_N records needs about $((need_kib / 1024)) MiB free in $OUT; $((free_kib / 1024)) MiB are"
printf '\n==> streaming %s records to a file (%s run(s))\n' "$STREAM_N" "$STREAM_RUNS"
read -r wall cpu rss < <(measure "$STREAM_RUNS" "$ASSAY" data user --count "$STREAM_N" --seed 1 --format ndjson --out "$OUT/stream.ndjson")
bytes=$(stat -c %s "$OUT/stream.ndjson")
verify "$OUT/stream.ndjson" "$STREAM_N" "assay (streaming)"
rm -f "$OUT/stream.ndjson"
row assay "$STREAM_N" "$wall" "$cpu" "$(rate "$STREAM_N" "$wall")" "$rss"
echo "($((bytes / 1048576)) MiB written)"
(( rss < STREAM_RSS_LIMIT_MIB )) || fail "streaming peak RSS is $rss MiB, over the $STREAM_RSS_LIMIT_MIB MiB bound"
echo "streaming peak RSS $rss MiB < $STREAM_RSS_LIMIT_MIB MiB: ok"
