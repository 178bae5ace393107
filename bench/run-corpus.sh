#!/usr/bin/env bash
# Whole-corpus false-positive check: the enhanced suite of every APIs.guru description run
# with `assay run` against `assay mock` of the same description (the reference conformant
# implementation), with the CLI. Any finding is a false positive of the planner, the
# runner or the mock. The CLI companion of RunCorpusTests (which runs every 4th YAML
# description in-process).
#
# For each openapi.yaml and swagger.yaml under the corpus (sorted by path; LIMIT and STRIDE
# sample them), RUN_CORPUS_JOBS descriptions at a time, every step bounded by `timeout`:
#   - assay generate SPEC --out DIR --strategy enhanced --quiet. Exit status 2 means the
#     description did not load: counted as "not loadable" and skipped, not a failure;
#   - assay mock SPEC --host 127.0.0.1 --port 0 in the background; the URL it prints (port
#     and the path of the first server URL, the base path) is read from its output, then
#     the script waits until the mock answers an HTTP request;
#   - assay run DIR --base-url <that URL> --allow-private --workers 4 --retries 0
#     --json report.json --quiet, with ASSAY_LATENCY_FACTOR=10 (this checks conformance,
#     not speed) and a credential for every scheme of the plan's `credentials` table (each
#     of its `env` variables set; an OAuth2 client-credentials scheme's token URL variable
#     points at the mock's own token endpoint, /__assay/oauth/token: no request leaves
#     127.0.0.1);
#   - the mock is stopped (also on exit, whatever happens) and the spec's files deleted.
# From each report: cases, requests (every step of a passed case, the steps up to the
# failing one of a failed case: exact under --retries 0), findings. A finding whose
# response body (of every case it lists) holds "unsatisfiable_response" is counted apart:
# the mock says the description's own response schema admits no value, so no server could
# conform; a flaw of the description, not a false positive. Every other finding is a false
# positive.
# It prints, for each spec with findings, up to 5 of them (check, operation, the first 200
# characters of the message), the specs that failed otherwise (generate crash or timeout,
# mock not starting, run error or timeout), then the summary: specs run, not loadable,
# errors, cases, requests, false positives, findings on unsatisfiable descriptions, wall
# time. Exits 1 on any false positive or any error, else 0.
#
# Environment:
#   LIMIT=N            only the first N descriptions (after STRIDE)
#   STRIDE=K           only every K-th description (the 1st, the K+1-th, ...)
#   MATCH=REGEX        only descriptions whose path matches (grep -E), before STRIDE
#   STEP_TIMEOUT (300) seconds for each generate and each run
#   MOCK_START_TIMEOUT (120) seconds the mock may take to load its description and answer
#   RUN_CORPUS_JOBS (2) descriptions at a time (each: one mock and one run of 4 workers)
#   RUN_CORPUS_KEEP=DIR  keep the report.json of each spec with findings under DIR
#   ASSAY_SHARED_DIR (../shared), ASSAY_BIN (default .build/release/assay; not built here)
# All local: every request goes to 127.0.0.1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/bench/$(basename "${BASH_SOURCE[0]}")"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
STEP_TIMEOUT="${STEP_TIMEOUT:-300}"
MOCK_START_TIMEOUT="${MOCK_START_TIMEOUT:-120}"
JOBS="${RUN_CORPUS_JOBS:-2}"
# The one credential value every variable gets (the mock accepts any value but Assay's
# invalid marker).
CREDENTIAL="assay-corpus-credential"
TOKEN_PATH="/__assay/oauth/token"

# one_line TEXT: TEXT on one line (tabs and newlines as spaces), at most 240 characters.
one_line() {
    local text="${1//"$CORPUS"\//}"
    printf '%s' "${text:0:240}" | tr '\t\n' '  '
}

# first_error FILE: the first "error:" line of FILE, else its first non-empty line.
first_error() {
    local line
    line=$(grep -m 1 '^error:' "$1" 2>/dev/null || true)
    [[ -n "$line" ]] || line=$(grep -m 1 -v '^[[:space:]]*$' "$1" 2>/dev/null || true)
    one_line "$line"
}

# plan_facts PLAN PORT ENVFILE: prints the plan's case count; writes ENVFILE with one
# NAME=value line for every variable of every credential scheme of PLAN.
plan_facts() {
    python3 - "$1" "$2" "$3" "$CREDENTIAL" "$TOKEN_PATH" <<'PY'
import json, sys
plan_path, port, env_path, credential, token_path = sys.argv[1:]
plan = json.load(open(plan_path))
schemes = plan.get("credentials") or {}
if isinstance(schemes, dict):
    schemes = list(schemes.values())
lines = []
for scheme in schemes:
    for variable in scheme.get("env", scheme.get("variables", [])):
        lines.append(f"{variable}={credential}")
    if scheme.get("token_url_env"):
        lines.append(f"{scheme['token_url_env']}=http://127.0.0.1:{port}{token_path}")
with open(env_path, "w") as out:
    out.write("".join(line + "\n" for line in lines))
print(sum(len(suite["cases"]) for suite in plan["suites"]))
PY
}

# tally PLAN REPORT FPFILE: prints "cases requests false-positives unsatisfiable"; writes
# FPFILE with one line per false positive (at most 5: check, operation, message) and,
# after a line "--", one line per unsatisfiable finding's operation.
tally() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
steps = {case["id"]: len(case["steps"]) for suite in plan["suites"] for case in suite["cases"]}
cases = {case["id"]: case for case in report["cases"]}
requests = 0
for case in report["cases"]:
    if case["outcome"] == "passed":
        requests += steps.get(case["id"], 1)
    else:
        requests += (case.get("step", 0) + 1) * case.get("attempts", 1)

def unsatisfiable(finding):
    bodies = [cases[i].get("response", {}).get("body") for i in finding.get("cases", []) if i in cases]
    bodies = [b for b in bodies if b is not None]
    return bool(bodies) and all('"unsatisfiable_response"' in b for b in bodies)

positives, flaws = [], []
for finding in report.get("findings", []):
    (flaws if unsatisfiable(finding) else positives).append(finding)
with open(sys.argv[3], "w") as out:
    for finding in positives[:5]:
        message = " ".join(finding.get("message", "").split())[:200]
        out.write(f"{finding['check']} {finding['operation']}: {message}\n")
    if len(positives) > 5:
        out.write(f"... and {len(positives) - 5} more\n")
    out.write("--\n")
    for finding in flaws:
        out.write(f"{finding['operation']}\n")
print(len(report["cases"]), requests, len(positives), len(flaws))
PY
}

MOCK_PID=""
# stop_mock: SIGTERM to the mock (through its `timeout`), then up to 5 s, then SIGKILL.
stop_mock() {
    [[ -n "$MOCK_PID" ]] || return 0
    local pid=$MOCK_PID
    MOCK_PID=""
    stop_process "$pid"
}

# start_mock SPEC LOG: starts the mock; sets MOCK_PID and MOCK_URL (with the base path), or
# returns 1 with the reason in MOCK_ERROR.
start_mock() {
    local spec=$1 log=$2 line waited=0 code
    MOCK_URL=""
    MOCK_ERROR=""
    # Bounded even if nothing stops it: start, the run and a margin.
    timeout -k 5 $((MOCK_START_TIMEOUT + STEP_TIMEOUT + 60)) \
        "$ASSAY" mock "$spec" --host 127.0.0.1 --port 0 >"$log" 2>&1 &
    MOCK_PID=$!
    while ((waited < MOCK_START_TIMEOUT * 10)); do
        line=$(grep -m 1 -E ', on http://127\.0\.0\.1:[0-9]+' "$log" 2>/dev/null || true)
        if [[ "$line" =~ ,\ on\ (http://127\.0\.0\.1:[0-9]+.*)\ \(seed\ [0-9]+ ]]; then
            MOCK_URL="${BASH_REMATCH[1]}"
            break
        fi
        if ! kill -0 "$MOCK_PID" 2>/dev/null; then
            MOCK_ERROR="the mock exited: $(first_error "$log")"
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    [[ -n "$MOCK_URL" ]] || { MOCK_ERROR="the mock printed no URL within ${MOCK_START_TIMEOUT} s"; return 1; }
    # Any HTTP answer (a 404 for the base path is one) means it serves.
    while ((waited < MOCK_START_TIMEOUT * 10)); do
        code=$(curl -s -o /dev/null --noproxy '*' --max-time 5 -w '%{http_code}' "$MOCK_URL/" 2>/dev/null || true)
        if [[ "$code" =~ ^[1-5][0-9][0-9]$ ]]; then return 0; fi
        kill -0 "$MOCK_PID" 2>/dev/null || { MOCK_ERROR="the mock exited: $(first_error "$log")"; return 1; }
        sleep 0.1
        waited=$((waited + 1))
    done
    MOCK_ERROR="the mock at $MOCK_URL did not answer within ${MOCK_START_TIMEOUT} s"
    return 1
}

# check_one INDEX FILE: generates, serves and runs one description; writes one
# tab-separated line into $RESULTS/INDEX:
#   spec  status  cases  requests  false-positives  unsatisfiable  reason
# (status: ok, findings, not-loaded or error; "-" where a field does not apply) and the
# finding lines of tally into $RESULTS/INDEX.findings.
check_one() {
    local index=$1 file=$2
    local rel="${file#"$CORPUS"/}" dir rc=0 status=error cases="-" requests="-" fp="-" unsat="-" reason=""
    dir=$(mktemp -d "$WORK/spec.XXXXXX")
    # shellcheck disable=SC2064 # the directory is fixed now
    trap "stop_mock; rm -rf '$dir'" EXIT
    trap 'exit 143' TERM
    trap 'exit 130' INT
    timeout -k 10 "$STEP_TIMEOUT" "$ASSAY" generate "$file" --out "$dir/suite" --strategy enhanced --quiet \
        >/dev/null 2>"$dir/generate.err" || rc=$?
    if ((rc == 2)); then
        status=not-loaded
        reason=$(first_error "$dir/generate.err")
    elif ((rc == 124 || rc == 137)); then
        reason="generate timed out after ${STEP_TIMEOUT} s"
    elif ((rc != 0)); then
        reason="generate exit $rc: $(first_error "$dir/generate.err")"
    elif [[ ! -s "$dir/suite/plan.json" ]]; then
        reason="generate wrote no plan.json"
    elif ! start_mock "$file" "$dir/mock.log"; then
        reason=$MOCK_ERROR
    else
        local port planned
        port="${MOCK_URL#http://127.0.0.1:}"
        port="${port%%[!0-9]*}"
        if ! planned=$(plan_facts "$dir/suite/plan.json" "$port" "$dir/credentials.env" 2>"$dir/facts.err"); then
            reason="cannot read plan.json: $(one_line "$(tail -n 1 "$dir/facts.err")")"
        elif ((planned == 0)); then
            status=ok cases=0 requests=0 fp=0 unsat=0
        else
            local -a credential_env=()
            mapfile -t credential_env <"$dir/credentials.env"
            rc=0
            env ASSAY_LATENCY_FACTOR=10 "${credential_env[@]}" timeout -k 10 "$STEP_TIMEOUT" \
                "$ASSAY" run "$dir/suite" --base-url "$MOCK_URL" --allow-private --workers 4 --retries 0 \
                --json "$dir/report.json" --quiet >"$dir/run.out" 2>&1 || rc=$?
            if ((rc == 124 || rc == 137)); then
                reason="run timed out after ${STEP_TIMEOUT} s"
            elif ((rc > 1)) || [[ ! -s "$dir/report.json" ]]; then
                reason="run exit $rc: $(first_error "$dir/run.out")"
            elif ! read -r cases requests fp unsat < <(tally "$dir/suite/plan.json" "$dir/report.json" \
                "$RESULTS/$index.findings" 2>"$dir/tally.err"); then
                reason="cannot read report.json: $(one_line "$(tail -n 1 "$dir/tally.err")")"
            else
                status=ok
                if ((fp > 0 || unsat > 0)); then
                    status=findings
                    if [[ -n "${RUN_CORPUS_KEEP:-}" ]]; then
                        mkdir -p "$RUN_CORPUS_KEEP"
                        cp "$dir/report.json" "$RUN_CORPUS_KEEP/$(printf '%s' "$rel" | tr '/' '_').report.json"
                    fi
                fi
            fi
        fi
    fi
    stop_mock
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rel" "$status" "$cases" "$requests" "$fp" "$unsat" \
        "$(one_line "$reason")" >"$RESULTS/$index"
    if (((10#$index + 1) % 50 == 0)); then echo "  ... description $((10#$index + 1)) of $TOTAL done" >&2; fi
}

# The per-spec worker: the script calls itself as `run-corpus.sh --one INDEX FILE`.
if [[ "${1:-}" == "--one" ]]; then
    : "${ASSAY:?}" "${CORPUS:?}" "${WORK:?}" "${RESULTS:?}" "${STEP_TIMEOUT:?}" "${MOCK_START_TIMEOUT:?}" "${TOTAL:?}"
    check_one "$2" "$3"
    exit 0
fi

for name in STEP_TIMEOUT MOCK_START_TIMEOUT JOBS; do
    [[ "${!name}" =~ ^[1-9][0-9]*$ ]] || { echo "run-corpus.sh: $name must be a positive integer" >&2; exit 1; }
done
for tool in curl python3 timeout; do
    command -v "$tool" >/dev/null || { echo "run-corpus.sh: $tool is needed" >&2; exit 1; }
done
ASSAY="${ASSAY_BIN:-$ROOT/.build/release/assay}"
[[ -x "$ASSAY" ]] || { echo "run-corpus.sh: no assay binary at $ASSAY (build it, or set ASSAY_BIN)" >&2; exit 1; }
if [[ -n "${RUN_CORPUS_KEEP:-}" ]]; then
    mkdir -p "$RUN_CORPUS_KEEP"
    RUN_CORPUS_KEEP="$(cd "$RUN_CORPUS_KEEP" && pwd)"
fi

corpus_specs "$CORPUS" 'openapi.yaml' 'swagger.yaml'

WORK="$(mktemp -d "${TMPDIR:-/tmp}/assay-run-corpus.XXXXXX")"
RESULTS="$WORK/results"
mkdir "$RESULTS"
TOTAL=${#specs[@]}
export ASSAY CORPUS WORK RESULTS STEP_TIMEOUT MOCK_START_TIMEOUT TOTAL RUN_CORPUS_KEEP CREDENTIAL TOKEN_PATH
DRIVER=""
# shellcheck disable=SC2317 # called by the traps
cleanup() {
    local status=$?
    if [[ -n "$DRIVER" ]]; then
        # The workers (children of xargs) stop their own mocks on SIGTERM.
        pkill -TERM -P "$DRIVER" 2>/dev/null || true
        kill -TERM "$DRIVER" 2>/dev/null || true
        wait "$DRIVER" 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "==> ${#specs[@]} of $corpus_total descriptions: generate, mock, run ($JOBS at a time, $ASSAY)"
start=$EPOCHREALTIME
for i in "${!specs[@]}"; do
    printf '%06d\0%s\0' "$i" "${specs[i]}"
done | xargs -0 -n 2 -P "$JOBS" "$SELF" --one &
DRIVER=$!
wait "$DRIVER" || true  # a lost worker shows as a missing result
DRIVER=""
end=$EPOCHREALTIME

run=0; not_loaded=0; errors=0; total_cases=0; total_requests=0; total_fp=0; total_unsat=0
fp_specs=(); unsat_specs=(); failures=()
for i in "${!specs[@]}"; do
    index=$(printf '%06d' "$i")
    result="$RESULTS/$index"
    if [[ ! -s "$result" ]]; then
        errors=$((errors + 1))
        failures+=("${specs[i]#"$CORPUS"/}: no result (the worker died)")
        continue
    fi
    IFS=$'\t' read -r rel status cases requests fp unsat reason <"$result"
    case "$status" in
        not-loaded) not_loaded=$((not_loaded + 1)); continue ;;
        error) errors=$((errors + 1)); failures+=("$rel: $reason"); continue ;;
    esac
    run=$((run + 1))
    total_cases=$((total_cases + cases))
    total_requests=$((total_requests + requests))
    total_fp=$((total_fp + fp))
    total_unsat=$((total_unsat + unsat))
    if ((fp > 0)); then
        fp_specs+=("$rel")
        note=""
        ((unsat == 0)) || note=" (and $unsat on unsatisfiable responses)"
        echo "$rel: $fp false positive(s) in $cases cases$note"
        sed '/^--$/,$d; s/^/    /' "$RESULTS/$index.findings"
    fi
    if ((unsat > 0)); then
        mapfile -t operations < <(sed '0,/^--$/d' "$RESULTS/$index.findings" | sort -u)
        more=""
        ((${#operations[@]} <= 3)) || more=", ... $((${#operations[@]} - 3)) more operation(s)"
        unsat_specs+=("$rel ($unsat: $(printf '%s\n' "${operations[@]:0:3}" | paste -sd ';' - | sed 's/;/; /g')$more)")
    fi
done

if ((${#unsat_specs[@]} > 0)); then
    echo "findings on responses no value satisfies (flaws of the description, not false positives):"
    for line in "${unsat_specs[@]}"; do echo "  $line"; done
fi
if ((${#failures[@]} > 0)); then
    echo "errors:"
    for line in "${failures[@]}"; do echo "  $line"; done
fi
echo
row() { printf '%-40s %s\n' "$1" "$2"; }
row "specs:" "$TOTAL of $corpus_total"
row "specs run:" "$run"
row "not loadable:" "$not_loaded"
row "errors (crash, timeout, no mock):" "$errors"
row "cases:" "$total_cases"
row "requests:" "$total_requests"
row "findings (false positives):" "$total_fp in ${#fp_specs[@]} spec(s)"
row "findings on unsatisfiable descriptions:" "$total_unsat in ${#unsat_specs[@]} spec(s)"
row "wall time:" "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f s", e - s }')"

if ((total_fp > 0 || errors > 0)); then
    exit 1
fi
