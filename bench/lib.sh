# shellcheck shell=bash
# Shared by the bench scripts (sourced, never run): where the corpus is, stopping what a
# script started, and choosing corpus descriptions the same way everywhere.

# Where the shared material and the robustness corpus are (ROOT is the project root, set by
# the script before it sources this file).
# shellcheck disable=SC2034 # read by the script that sources this file
SHARED="${ASSAY_SHARED_DIR:-$ROOT/../shared}"
# shellcheck disable=SC2034
CORPUS="$SHARED/corpus/apis-guru"

# stop_process PID: SIGTERM, then up to 5 s for it to go, then SIGKILL; reaps it.
stop_process() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# corpus_specs CORPUS NAME_PATTERN...: sets the array `specs` to the files under CORPUS whose
# name matches one of the find -name patterns, sorted by path; MATCH (an extended regular
# expression on the path), then STRIDE (every K-th) and LIMIT (the first N) narrow it.
# Sets `corpus_total` to the number matched before STRIDE and LIMIT. Exits when none is left.
corpus_specs() {
    local corpus=$1 i
    shift
    local names=()
    for pattern in "$@"; do names+=(-o -name "$pattern"); done
    local all=()
    mapfile -d '' all < <(find "$corpus" -type f \( "${names[@]:1}" \) -print0 | LC_ALL=C sort -z | grep -zE -- "${MATCH:-.}")
    local stride="${STRIDE:-1}" limit="${LIMIT:-0}"
    specs=()
    for ((i = 0; i < ${#all[@]}; i += stride)); do
        specs+=("${all[i]}")
        if ((limit > 0 && ${#specs[@]} >= limit)); then break; fi
    done
    # shellcheck disable=SC2034 # read by the script that sources this file
    corpus_total=${#all[@]}
    ((${#specs[@]} > 0)) || { echo "no descriptions under $corpus" >&2; exit 1; }
}
