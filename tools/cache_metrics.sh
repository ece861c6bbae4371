#!/usr/bin/env bash
# Deterministic cost figures of coding alone, for comparing two builds
# without timing them (docs/performance.md, "Eighth round").
#
# Usage: tools/cache_metrics.sh [CODE_ONLY_BINARY] [MB] [OUT_PREFIX]
#   CODE_ONLY_BINARY  default target/release/examples/code_only
#                     (cargo build --release -p dyad-bench --examples)
#   MB                generated corpus size, default 1 (8,822 sentences)
#   OUT_PREFIX        callgrind profiles OUT_PREFIX.l1 and OUT_PREFIX.l2
#
# Prints, for the part toggled on dyad_bench::measure::code_all:
#   Ir    instructions
#   I1mr  L1i misses (64 KiB, 8-way)
#   D1m   L1d misses (48 KiB, 12-way)
#   L2m   misses of a 2 MiB, 16-way cache (the host's L2). Valgrind will not
#         simulate a last level smaller than the host's L3, so a second run
#         simulates its first-level data cache at that size instead.
# Per function: callgrind_annotate --sort=D1mr OUT_PREFIX.l2 (or I1mr .l1).
set -euo pipefail
bin=${1:-target/release/examples/code_only}
mb=${2:-1}
out=${3:-/tmp/dyad-metrics.$$}
command -v valgrind > /dev/null || { echo "cache_metrics.sh: valgrind is not installed" >&2; exit 1; }
[ -x "$bin" ] || { echo "cache_metrics.sh: no binary $bin (cargo build --release -p dyad-bench --examples)" >&2; exit 1; }
run() {
  valgrind --tool=callgrind --cache-sim=yes --I1=65536,8,64 --D1="$1" --callgrind-out-file="$2" \
    --collect-atstart=no --toggle-collect='dyad_bench::measure::code_all' "$bin" "$mb" 1 2>&1 | grep "Collected"
}
# "Collected : Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw"
read -r -a a <<< "$(run 49152,12,64 "$out.l1")"
read -r -a b <<< "$(run 2097152,16,64 "$out.l2")"
echo "Ir ${a[3]}  I1mr ${a[6]}  D1m $(( a[7] + a[8] ))  L2m $(( b[7] + b[8] ))   (profiles: $out.l1 $out.l2)"
