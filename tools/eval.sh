#!/usr/bin/env bash
# Scores the release binary on the shared gold sets (development only: needs
# ../shared, which does not ship). Usage: tools/eval.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${1:-${DYAD_SHARED:-../shared}}
cargo build --release --quiet
out=$(mktemp -d)
run() {
    local name=$1 docs=$2 gold=$3
    ./target/release/dyad code --format jsonl "$docs" > "$out/$name.jsonl" 2> "$out/$name.err" || true
    printf '%-8s ' "$name"; python3 "$SHARED/eval/score.py" "$gold" "$out/$name.jsonl" | tail -1
}
run seed   "$SHARED/examples/seed/article.jsonl"       "$SHARED/examples/seed/gold.jsonl"
run rpm2   "$SHARED/eval/rpm2-fr-dev/docs.jsonl"       "$SHARED/eval/rpm2-fr-dev/gold.jsonl"
run plover "$SHARED/eval/plover-gsr/docs.jsonl"        "$SHARED/eval/plover-gsr/gold.jsonl"
echo "predictions in $out (score.py GOLD PRED --show-errors lists misses and extras)"
