#!/usr/bin/env bash
# Loads every corpus description with the release build and prints the tally by outcome:
# the full-corpus companion of CorpusTests, with OpenAPIKit's structural check on.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SHARED="${ASSAY_SHARED_DIR:-$ROOT/../shared}"
swift build -c release --product assay -Xswiftc -enable-testing >/dev/null
ASSAY="$ROOT/.build/release/assay"
loaded=0; failed=0; declare -A codes=()
start=$(date +%s.%N)
while IFS= read -r -d '' file; do
    if out=$("$ASSAY" inspect --validate --format json "$file" 2>/dev/null); then
        loaded=$((loaded + 1))
    else
        failed=$((failed + 1))
        code=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["error"]["code"])' 2>/dev/null || echo crash)
        codes[$code]=$(( ${codes[$code]:-0} + 1 ))
        echo "FAIL $file: $code"
    fi
done < <(find "$SHARED/corpus/apis-guru" -name '*.yaml' -print0 | sort -z)
end=$(date +%s.%N)
echo "loaded $loaded, failed $failed in $(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.1f", e-s}') s"
for code in "${!codes[@]}"; do echo "  $code: ${codes[$code]}"; done
