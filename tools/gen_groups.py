#!/usr/bin/env python3
"""Generate data/actors/groups.tsv: named organisations and armed groups from
the PETRARCH2 Phoenix actor dictionaries (MIT licence).

Usage:  python3 tools/gen_groups.py [--shared ../shared]

Reads ``reference/petrarch2/Phoenix.International.actors.txt`` (IGOs, NGOs,
corporations) and ``Phoenix.MilNonState.actors.txt`` (armed and non-state
groups) with the record reader of tools/gen_actors.py. Output: kind
`organisations` (code, lang, surface), the same format as
data/actors/organisations.tsv, which dyad loads beside it.

What is kept, and why
---------------------
- Records whose codes are undated defaults (``[NGOHRI]``): a dated record is a
  person (tools/gen_actors.py imports those) and a null code ``[---]`` names
  nothing.
- Not corporations (``MNC…``): thousands of company names that news about
  politics rarely names, and each costs start-up time in the automaton.
- Names of two words or more, written in Title Case (``HUMAN_RIGHTS_WATCH`` →
  "Human Rights Watch"); the coder matches them case-insensitively, so a
  one-word name would also match the common word ("AMNESTY", "SOLIDARITY").
  One-word names are kept only as acronyms of 3 to 6 letters (``UNITA``),
  which dyad matches only where the text writes them in capitals, and which
  are not words of dyad's own language packs ("YOUTH"). A leading "The" is
  dropped.
- Names of two or three words that are all words of dyad's language packs
  ("Security Council", "Red Line") are phrases of ordinary text more often
  than names: left out.
- Names with digits or punctuation, or already in data/actors/organisations.tsv (the
  hand-written table wins), are left out.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import gen_actors as G  # noqa: E402  (the shared Phoenix record reader)

FILES = ["Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
OUT = os.path.join(ROOT, "data", "actors", "groups.tsv")

# Country prefixes the Phoenix files misspell: UNITA is written ``ANGREB``,
# but Angola's ISO code (the one every other Angolan actor uses) is AGO.
PREFIX_FIXES = {"ANG": "AGO"}

# Pack files written by a generator from another source (tools/gen_petrarch_en.py).
GENERATED_PACK_FILES = {"agents-petrarch.tsv", "MANIFEST.toml"}


def known_words():
    """Every word of dyad's own hand-written language packs: an acronym that is
    also a word ("YOUTH") is not kept. Generated files (the agent nouns
    converted from Phoenix) are left out, so that regenerating them does not
    change this file."""
    words = set()
    for lang in ("en", "fr"):
        d = os.path.join(ROOT, "data", "lang", lang)
        for name in sorted(os.listdir(d)):
            if name in GENERATED_PACK_FILES:
                continue
            with open(os.path.join(d, name), encoding="utf-8") as fh:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", fh.read()))
    return words


def surface(phrase, words_known):
    """The surface to match for a Phoenix phrase, or None to skip it."""
    p = phrase.strip("_ ")
    if not p or re.search(r"[\d:()]", p):
        return None
    words = [w for w in p.split("_") if w]
    if words and words[0].upper() == "THE":
        words = words[1:]
        p = "_".join(words)
    if len(words) == 1:
        w = words[0].replace(".", "")
        if 3 <= len(w) <= 6 and w.isalpha() and w.lower() not in words_known:
            return w.upper()
        return None
    name = G.title_case(p)
    if len(name) < 6:
        return None
    # "Security Council", "Red Line", "Aid Group": a short name made of common
    # words is a phrase of ordinary text more often than the group's name.
    if len(words) <= 3 and all(w.lower().strip(".'") in words_known for w in name.split()):
        return None
    return name


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.environ.get("DYAD_SHARED", os.path.join(ROOT, "..", "shared")))
    args = ap.parse_args()
    hand = set()
    with open(os.path.join(ROOT, "data", "actors", "organisations.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                hand.add(G.norm_key(parts[2]))
    known = known_words()
    rows = {}
    counts = {}
    for f in FILES:
        path = os.path.join(args.shared, "reference", "petrarch2", f)
        for r in G.phoenix_records(path, set()):
            dated = [x for x in r["restr"] if x[0][3] == "dated"]
            defaults = [x for x in r["restr"] if x[0][3] == "default"]
            if dated or not defaults or re.search(r"CountryInfo\.txt|IGOrulers\.txt", r["comment"] or ""):
                continue
            code = defaults[-1][0][0]
            if code.startswith("MNC") or len(code) % 3 != 0:
                continue
            code = PREFIX_FIXES.get(code[:3], code[:3]) + code[3:]
            for phrase in [r["name"]] + r["syn"]:
                s = surface(phrase, known)
                if not s:
                    continue
                key = G.norm_key(s)
                if key in hand or key in rows:
                    continue
                rows[key] = (code, s, f"{f}:{r['where'].split(':')[-1]}")
                counts[f] = counts.get(f, 0) + 1
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("#dyad-format organisations 1\n")
        out.write("# generated by tools/gen_groups.py from the PETRARCH2 Phoenix International and MilNonState\n")
        out.write("# actor dictionaries (MIT, (c) 2014 Open Event Data Alliance); do not edit by hand.\n")
        for code, s, _ in sorted(rows.values(), key=lambda x: (x[0], x[1])):
            out.write(f"{code}\ten\t{s}\n")
    for f, n in counts.items():
        print(f"{f}: {n} names", file=sys.stderr)
    print(f"wrote {OUT}: {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
