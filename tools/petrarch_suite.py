#!/usr/bin/env python3
"""Score `dyad code --petrarch-dicts` on the UD-PETRARCH validation suite, per category.

Development only: reads the suite from the shared folder (never copied into the
repository). Runs the release binary on the suite's documents with the suite's
own dictionaries, scores the output with the shared score.py, and prints a
Markdown table of each category's pass rate. A document passes when all its
core gold events are found (exact level: full code and actor-code prefixes) and
it has no extra triple.

    python3 tools/petrarch_suite.py [SHARED_DIR] [--build] [--show-failures]

SHARED_DIR defaults to $DYAD_SHARED or ../shared. Standard library only.
"""
import json
import os
import subprocess
import sys
from collections import OrderedDict, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATEGORIES = ["DEMO", "ACTOR", "VERB", "AGENT", "COMPOUND", "PATTERN", "DATE", "MODIFY", "SYNSET"]


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    shared = os.path.abspath(args[0] if args else os.environ.get("DYAD_SHARED", os.path.join(ROOT, "..", "shared")))
    suite = os.path.join(shared, "eval", "petrarch-validation")
    sys.path.insert(0, os.path.join(shared, "eval"))
    import score  # the shared scorer

    if "--build" in argv:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "dyad")
    run = subprocess.run(
        [binary, "code", "--format", "jsonl", "--petrarch-dicts", os.path.join(suite, "dictionaries"), os.path.join(suite, "docs.jsonl")],
        cwd=ROOT, capture_output=True, text=True,
    )
    if run.returncode not in (0, 1):
        sys.exit(run.stderr)
    pred = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
    gold = score.read_jsonl(os.path.join(suite, "gold.jsonl"))
    docs = score.read_jsonl(os.path.join(suite, "docs.jsonl"))

    by_doc_gold = defaultdict(list)
    for g in gold:
        by_doc_gold[g["doc"]].append(g)
    by_doc_pred = defaultdict(set)
    for ev in pred:
        code = str(ev.get("code") or "")
        if code:
            by_doc_pred[ev["doc"]].add((score.actor(ev, "source"), score.actor(ev, "target"), code))

    table = OrderedDict((c, [0, 0]) for c in CATEGORIES)
    failures = []
    for d in docs:
        cat = d.get("category", "?")
        golds = by_doc_gold.get(d["id"], [])
        triples = by_doc_pred.get(d["id"], set())
        found_all = all(any(score.matches(g, t, "exact", {}) for t in triples) for g in golds if g["status"] == "core")
        no_extra = all(any(score.matches(g, t, "exact", {}) for g in golds if g["status"] in ("core", "optional")) for t in triples)
        ok = found_all and no_extra
        row = table.setdefault(cat, [0, 0])
        row[1] += 1
        row[0] += ok
        if not ok:
            failures.append((d["id"], d["text"], sorted(triples)))

    overall = {}
    for level in ("exact", "dyad"):
        overall[level] = score.score(gold, pred, level, {})[0]
    print("| category | documents | pass | pass rate |")
    print("|---|---:|---:|---:|")
    tot = [0, 0]
    for cat, (ok, n) in table.items():
        if n:
            print(f"| {cat} | {n} | {ok} | {ok / n:.0%} |")
            tot[0] += ok
            tot[1] += n
    print(f"| all | {tot[1]} | {tot[0]} | {tot[0] / tot[1]:.0%} |")
    e = overall["exact"]
    print(f"\nexact: recall {e['recall']:.3f}, precision {e['precision']:.3f} ({e['found']}/{e['gold_core']} core events found, {e['extra']} extra of {e['pred_triples']} triples)")
    if "--show-failures" in argv:
        for i, text, triples in failures:
            print(f"\nFAIL {i}: {text}\n     coded: {triples}")


if __name__ == "__main__":
    main(sys.argv[1:])
