#!/usr/bin/env python3
"""Share of coding time per function, from a perf call-graph profile.

Counts only the samples whose stack passes through a given function (by
default dyad_bench::measure::code_all, so start-up and corpus generation are
left out), by their leaf function (inlined frames included) and by their
first function that was not inlined. Valid on a loaded machine: perf samples
only the process's own CPU time. See docs/performance.md, "Eighth round".

    perf record --call-graph dwarf,16384 -F 500 -o perf.data \\
        target/release/examples/code_only 20 1
    perf script -i perf.data > samples.txt
    python3 tools/perf_shares.py samples.txt [--under FUNCTION] [--top N]
"""
import argparse
import collections
import re
import sys


def frame_name(line):
    """The symbol of one `perf script` stack line, without its offset."""
    parts = line.split(" ", 1)
    sym = parts[1] if len(parts) > 1 else line
    return re.sub(r"\+0x[0-9a-f]+.*", "", sym).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("samples", help="output of `perf script`")
    ap.add_argument("--under", default="dyad_bench::measure::code_all", help="keep samples whose stack holds this")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()
    try:
        text = open(args.samples, encoding="utf-8", errors="replace").read()
    except OSError as e:
        sys.exit(f"perf_shares.py: {e}")
    leaf, real, n = collections.Counter(), collections.Counter(), 0
    for block in text.split("\n\n"):
        frames = [l.strip() for l in block.strip().split("\n")[1:] if l.strip()]
        if not frames or not any(args.under in f for f in frames):
            continue
        n += 1
        leaf[frame_name(frames[0])] += 1
        first = next((f for f in frames if "(inlined)" not in f), frames[0])
        real[frame_name(first)] += 1
    if n == 0:
        sys.exit(f"perf_shares.py: no sample under {args.under} (was perf recorded with --call-graph dwarf?)")
    print(f"{n} samples under {args.under}")
    for title, counts in (("leaf function (inlined included)", leaf), ("function (first not inlined)", real)):
        print(f"--- {title}")
        for name, c in counts.most_common(args.top):
            print(f"{100 * c / n:5.1f}%  {name[:110]}")


if __name__ == "__main__":
    main()
