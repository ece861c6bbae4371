#!/usr/bin/env python3
"""Measure the release binary on a JSONL corpus (Python standard library only).

    cargo build --release
    python3 tools/bench_corpus.py [--bin target/release/dyad] [--runs 3]
        [--dyad-args "--date 2008-01-01"] FILE.jsonl

Runs `dyad code [DYAD-ARGS] FILE` with the JSONL output sent to /dev/null,
takes the best wall-clock time of --runs runs, and prints MB/s, articles/s,
events/s and approximate sentences/s. Articles and events are the counts in
dyad's own summary line on stderr. Sentences are NOT dyad's count (the binary
does not print it): they are approximated here by counting `[.!?]` followed
by whitespace or the end of the text, so treat sentences/s as an estimate.

Also measured: the start-up time (best time of `dyad code` on a one-sentence
file, i.e. loading the dictionaries and compiling the automaton) and, when
`/usr/bin/time` is installed (Debian package `time`), the peak RSS of one
run on FILE. See docs/performance.md.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time

SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
SUMMARY = re.compile(r"dyad: (\d+) articles coded, (\d+) events, (\d+) skipped")
GNU_TIME = "/usr/bin/time"
ONE_SENTENCE = {
    "fr": "Le président a reçu son homologue mardi à Paris.",
    "en": "The president received his counterpart in Paris on Tuesday.",
}


def corpus_stats(path):
    """(file bytes, records, text bytes, approximate sentences, languages)."""
    records = text_bytes = sentences = 0
    langs = set()
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec.get("text") or ""
            except (ValueError, AttributeError):
                continue
            langs.add(str(rec.get("lang") or "auto").lower())
            records += 1
            text_bytes += len(text.encode("utf-8"))
            sentences += len(SENTENCE_END.findall(text))
    return os.path.getsize(path), records, text_bytes, sentences, langs


def run(cmd):
    """(seconds, stderr) of one run with stdout sent to /dev/null."""
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        sys.exit(f"bench_corpus: {' '.join(cmd)} exited with {p.returncode}:\n{p.stderr[-2000:]}")
    return elapsed, p.stderr


def best(cmd, runs):
    results = [run(cmd) for _ in range(runs)]
    return min(r[0] for r in results), results[-1][1]


def peak_rss_kib(cmd):
    """Peak RSS in KiB from GNU time -v, or None when it is not installed."""
    if not os.access(GNU_TIME, os.X_OK):
        return None
    p = subprocess.run([GNU_TIME, "-v", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", metavar="FILE.jsonl")
    ap.add_argument("--bin", default=None, help="the dyad binary (default: target/release/dyad of this repository)")
    ap.add_argument("--dyad-args", default="", help='extra arguments for `dyad code`, e.g. "--date 2008-01-01"')
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement; the best is kept (default 3)")
    ap.add_argument("--no-rss", action="store_true", help="skip the peak-RSS run")
    args = ap.parse_args()

    binary = args.bin or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "dyad")
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench_corpus: {binary} is not an executable; run `cargo build --release` or pass --bin")
    extra = shlex.split(args.dyad_args)
    cmd = [binary, "code", "--format", "jsonl", *extra, args.file]

    file_bytes, records, text_bytes, approx_sentences, langs = corpus_stats(args.file)

    # Each language's automaton is compiled on first use, so start-up depends
    # on the languages the corpus needs: time one sentence per such language.
    startup_langs = ["fr", "en"] if not langs <= set(ONE_SENTENCE) else sorted(langs)
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one.jsonl")
        with open(one, "w", encoding="utf-8") as f:
            for lang in startup_langs:
                rec = {"id": f"startup-{lang}", "lang": lang, "date": "2026-01-01", "text": ONE_SENTENCE[lang]}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        startup, _ = best([binary, "code", "--format", "jsonl", one], max(args.runs, 5))

    elapsed, stderr = best(cmd, args.runs)
    m = SUMMARY.search(stderr)
    if not m:
        sys.exit(f"bench_corpus: no summary line in dyad's stderr:\n{stderr[-2000:]}")
    articles, events, skipped = (int(g) for g in m.groups())
    rss = None if args.no_rss else peak_rss_kib(cmd)

    work = max(elapsed - startup, 1e-9)
    mb = text_bytes / 1e6
    print(f"corpus      {args.file}")
    print(f"command     {' '.join(shlex.quote(c) for c in cmd)} > /dev/null")
    print(f"input       {file_bytes:,} file bytes, {text_bytes:,} text bytes, {records} records")
    print(f"output      {articles} articles coded, {events} events, {skipped} skipped; ~{approx_sentences:,} sentences (approx.)")
    print(f"time        {elapsed:.3f} s (best of {args.runs}); start-up ({'+'.join(startup_langs)}) {startup * 1000:.1f} ms; coding {work:.3f} s")
    print("                         wall     excl. start-up")
    for name, n, unit in (
        ("text", mb, "MB/s"),
        ("articles", articles, "/s"),
        ("events", events, "/s"),
        ("sentences~", approx_sentences, "/s"),
    ):
        print(f"{name:<12} {n / elapsed:>14,.2f} {n / work:>14,.2f}  {unit}")
    print("(sentences~ counts [.!?] before whitespace or end: an approximation, not dyad's count)")
    if work < startup:
        print("note: coding took less than start-up; the excl. start-up rates are noisy (use a larger corpus)")
    if rss is not None:
        print(f"peak RSS    {rss / 1024:.1f} MiB ({rss:,} KiB, /usr/bin/time -v)")
    elif not args.no_rss:
        print("peak RSS    n/a (install GNU time: apt-get install time)")


if __name__ == "__main__":
    main()
