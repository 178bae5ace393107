#!/usr/bin/env bash
# Suite quality across the corpus: for each description, the standard and the enhanced plan
# are scored by `assay gate` (static analysis of their pytest rendering, the run against
# Assay's mock and every valid mutant, API coverage) and the distributions compared.
#
# For each description (STRIDE/LIMIT/MATCH over the corpus's openapi.yaml/swagger.yaml,
# one at a time: each scoring already runs two mocks at once):
#   assay generate SPEC --format plan --strategy S --out DIR   (S = standard, enhanced)
#   assay gate DIR/plan.json --spec SPEC --stage production --no-cache --json OUT
# A description that does not load (generate exits 2) is counted apart. From each gate JSON
# it reads mutation_score, overall, false_failures, mutants killed/valid and the scoring
# wall time.
# It prints, per strategy, the distribution (min, 25th, median, 75th percentile, max, mean)
# of the mutation score and of the overall score, the false failures in total, the
# descriptions where enhanced beats standard on mutation score (the target: at least 90%
# of those where a mutant is valid), ties and losses (each loss named), and the wall time.
# With STRIPE=1 it instead scores only the enhanced suite of stripe.com/2020-08-27 and
# prints its wall time (generation and scoring apart) and mutation score.
# Every request goes to the mocks `assay gate` starts on 127.0.0.1.
#
# Environment: STRIDE (9), LIMIT (0: all after STRIDE), MATCH, ASSAY_SHARED_DIR (../shared),
# ASSAY_BIN (default .build/release/assay, built here unless ASSAY_SKIP_BUILD=1),
# ASSAY_PYTHON (python3 for the static analysis), STEP_TIMEOUT (900 s per command),
# QUALITY_KEEP=DIR keeps every gate JSON there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
STEP_TIMEOUT="${STEP_TIMEOUT:-900}"
ASSAY="${ASSAY_BIN:-$ROOT/.build/release/assay}"
if [[ -z "${ASSAY_BIN:-}" && "${ASSAY_SKIP_BUILD:-0}" != 1 ]]; then
    swift build -c release --product assay >/dev/null
fi
[[ -x "$ASSAY" ]] || { echo "no assay binary at $ASSAY" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/assay-quality.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
KEEP="${QUALITY_KEEP:-}"
[[ -z "$KEEP" ]] || mkdir -p "$KEEP"
export ASSAY_CACHE_DIR="$WORK/cache"

# metric FILE NAME: a metric of a gate JSON, or "-".
metric() {
    python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))["report"]["metrics"]
v=d.get(sys.argv[2])
print("-" if v is None else v)' "$1" "$2"
}

# score SPEC STRATEGY OUT: generate and gate; prints "status seconds" (status 2: not loaded).
score() {
    local spec=$1 strategy=$2 out=$3 started rc=0
    rm -rf "$WORK/plan"
    timeout "$STEP_TIMEOUT" "$ASSAY" generate "$spec" --format plan --strategy "$strategy" --out "$WORK/plan" --quiet \
        >/dev/null 2>"$WORK/generate.err" || rc=$?
    if ((rc != 0)); then
        echo "$rc 0"
        return
    fi
    started=$(date +%s.%N)
    rc=0
    timeout "$STEP_TIMEOUT" "$ASSAY" gate "$WORK/plan/plan.json" --spec "$spec" --stage production --no-cache --quiet \
        --json "$out" >/dev/null 2>"$WORK/gate.err" || rc=$?
    echo "$rc $(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.2f", a - b }')"
}

if [[ "${STRIPE:-0}" == 1 ]]; then
    spec="$CORPUS/stripe.com/2020-08-27/openapi.yaml"
    started=$(date +%s.%N)
    "$ASSAY" generate "$spec" --format plan --strategy enhanced --out "$WORK/plan" --quiet
    generated=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.2f", a - b }')
    started=$(date +%s.%N)
    rc=0
    "$ASSAY" gate "$WORK/plan/plan.json" --spec "$spec" --stage production --no-cache --json "$WORK/stripe.json" \
        >"$WORK/stripe.txt" 2>&1 || rc=$?
    scored=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.2f", a - b }')
    grep -E "mutation_score =|^Overall|false_failures|Gate production" "$WORK/stripe.txt" || true
    printf 'stripe enhanced: generation %.2f s, scoring against the mock and %s mutants %.2f s (gate exit %s)\n' \
        "$generated" "$(metric "$WORK/stripe.json" mutants_valid)" "$scored" "$rc"
    [[ -z "$KEEP" ]] || cp "$WORK/stripe.json" "$WORK/stripe.txt" "$KEEP/"
    exit 0
fi

STRIDE="${STRIDE:-9}"
corpus_specs "$CORPUS" openapi.yaml swagger.yaml
echo "==> scoring standard and enhanced suites of ${#specs[@]} of $corpus_total descriptions"
started_all=$(date +%s)
rows="$WORK/rows.tsv"
: >"$rows"
not_loaded=0
failed=0
for spec in "${specs[@]}"; do
    rel="${spec#"$CORPUS"/}"
    line="$rel"
    for strategy in standard enhanced; do
        out="$WORK/$strategy.json"
        read -r status seconds < <(score "$spec" "$strategy" "$out")
        if [[ "$status" == 2 && ! -s "$out" ]]; then
            line=""
            break
        fi
        if [[ ! -s "$out" ]]; then
            echo "  $rel $strategy: gate exit $status: $(head -c 300 "$WORK/gate.err" "$WORK/generate.err" 2>/dev/null | tr '\n' ' ')"
            failed=$((failed + 1))
            line=""
            break
        fi
        line+=$'\t'"$(metric "$out" mutation_score)"$'\t'"$(metric "$out" overall)"$'\t'"$(metric "$out" false_failures)"
        line+=$'\t'"$(metric "$out" mutants_valid)"$'\t'"$seconds"
        [[ -z "$KEEP" ]] || cp "$out" "$KEEP/$(echo "$rel" | tr '/' '_').$strategy.json"
        rm -f "$out"
    done
    if [[ -z "$line" ]]; then
        not_loaded=$((not_loaded + 1))
        continue
    fi
    printf '%s\n' "$line" >>"$rows"
    printf '  %s\n' "$line"
done
elapsed=$(($(date +%s) - started_all))

python3 - "$rows" "$not_loaded" "$failed" "$elapsed" <<'EOF'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
not_loaded, failed, elapsed = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def column(index):
    return [float(r[index]) for r in rows if r[index] != "-"]
def quantiles(values):
    if not values:
        return "-"
    values = sorted(values)
    def at(q):
        return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]
    return f"{values[0]:.2f} {at(0.25):.2f} {at(0.5):.2f} {at(0.75):.2f} {values[-1]:.2f}   mean {statistics.mean(values):.3f}"
print()
print(f"descriptions scored: {len(rows)}  (not loaded or not scored: {not_loaded}, scoring failures: {failed})")
print("                        min  p25  med  p75  max")
for name, offset in (("standard", 1), ("enhanced", 6)):
    print(f"{name:9} mutation score {quantiles(column(offset))}")
    print(f"{name:9} overall        {quantiles(column(offset + 1))}")
    print(f"{name:9} false failures in total: {int(sum(column(offset + 2)))};"
          f" scoring seconds in total: {sum(column(offset + 4)):.1f}")
with_mutants = [r for r in rows if r[9] not in ("-", "0", "0.0")]
wins = [r for r in with_mutants if float(r[6]) > float(r[1])]
ties = [r for r in with_mutants if float(r[6]) == float(r[1])]
losses = [r for r in with_mutants if float(r[6]) < float(r[1])]
share = 100 * len(wins) / len(with_mutants) if with_mutants else 0
print(f"enhanced beats standard on mutation score: {len(wins)} of {len(with_mutants)} ({share:.1f}%; target 90%),"
      f" ties {len(ties)}, losses {len(losses)}")
for r in ties + losses:
    print(f"  {'tie ' if r in ties else 'loss'} {r[0]}: standard {float(r[1]):.2f}, enhanced {float(r[6]):.2f}")
print(f"wall time: {elapsed} s")
EOF
