#!/usr/bin/env bash
# Benchmark: `assay inspect` on the corpus's largest descriptions, side by side with a peer.
#
# For each spec it reports wall time and peak RSS of:
#   - assay inspect (release build): load, bundle, convert, build the model (the default);
#   - assay inspect --validate: the same plus OpenAPIKit's structural check (what --strict runs);
#   - openapi-spec-validator (PyPI), the reference Python loader + validator, as the peer.
# and prints the ratio peer / assay. Every run is local: files only, no network.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SHARED="${ASSAY_SHARED_DIR:-$ROOT/../shared}"
CORPUS="$SHARED/corpus/apis-guru"
RUNS="${RUNS:-3}"
SPECS=(
    "github.com/api.github.com/1.1.4/openapi.yaml"
    "stripe.com/2020-08-27/openapi.yaml"
    "kubernetes.io/v1.10.0/swagger.yaml"
)

echo "==> building assay (release)"
swift build -c release --product assay -Xswiftc -enable-testing >/dev/null
ASSAY="$ROOT/.build/release/assay"

BENCH_VENV="$ROOT/.build/bench-venv"
if [[ ! -x "$BENCH_VENV/bin/openapi-spec-validator" ]]; then
    echo "==> installing openapi-spec-validator into $BENCH_VENV"
    python3 -m venv "$BENCH_VENV"
    "$BENCH_VENV/bin/pip" install -q openapi-spec-validator
fi
PEER="$BENCH_VENV/bin/openapi-spec-validator"

# measure CMD...: prints "<best wall seconds> <peak RSS MiB>" over $RUNS runs.
measure() {
    local best="" rss=0 out wall kib report
    report="$(mktemp)"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -o "$report" -f '%e %M' "$@" >/dev/null 2>&1 || true
        out=$(tail -n 1 "$report")
        wall=${out% *}
        kib=${out#* }
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$wall; fi
        if (( kib > rss )); then rss=$kib; fi
    done
    rm -f "$report"
    printf '%s %s\n' "$best" "$((rss / 1024))"
}

printf '\n%-45s %-28s %9s %9s\n' "spec" "tool" "wall (s)" "RSS (MiB)"
for spec in "${SPECS[@]}"; do
    file="$CORPUS/$spec"
    [[ -f "$file" ]] || { echo "missing $file" >&2; exit 1; }
    read -r a_wall a_rss < <(measure "$ASSAY" inspect "$file")
    read -r n_wall n_rss < <(measure "$ASSAY" inspect --validate "$file")
    read -r p_wall p_rss < <(measure "$PEER" "$file")
    printf '%-45s %-28s %9s %9s\n' "$spec" "assay inspect" "$a_wall" "$a_rss"
    printf '%-45s %-28s %9s %9s\n' "" "assay inspect --validate" "$n_wall" "$n_rss"
    printf '%-45s %-28s %9s %9s\n' "" "openapi-spec-validator" "$p_wall" "$p_rss"
    awk -v a="$a_wall" -v n="$n_wall" -v p="$p_wall" \
        'BEGIN { printf "%-45s ratio peer/assay: %.1fx (default), %.1fx (--validate)\n", "", p / (a > 0 ? a : 0.01), p / (n > 0 ? n : 0.01) }'
done
