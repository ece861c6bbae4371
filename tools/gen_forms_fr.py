#!/usr/bin/env python3
"""Generate data/lang/fr/verb_forms.tsv (kind `verb-forms`) from the Lefff.

Usage: python3 tools/gen_forms_fr.py [--shared PATH]

PATH defaults to $DYAD_SHARED, else ../shared relative to the repository root;
the conjugation tables are read from
PATH/reference/lemmas/fr-conjugations-lefff.json (npm french-verbs-lefff 3.4.0,
data under LGPL-LR).

Lemmas written out:
  - every verb used as a pattern head in data/lang/fr/verbs.txt (a `se `/`s'`
    prefix and a `$` marker are stripped; `~noun` heads are not verbs), which
    includes the light verbs (avoir, faire, mener, tenir, ...);
  - the auxiliaries avoir and être;
  - the verbs that start a multi-word `intent` entry of data/lang/fr/lexicon.tsv
    (prévoir de, compter, ...), so that the coder can conjugate them too.
A head missing from the Lefff is an error naming verbs.txt:line.

Columns: form, lemma, tag. Tags are the Lefff tense letters
(P présent, S subjonctif, Y impératif, I imparfait, G participe présent,
K participe passé, J passé simple, T subjonctif imparfait, F futur,
C conditionnel) and W for the infinitive. Forms are lowercase with their
accents (the coder folds accents itself); each distinct (form, lemma, tag)
is one line, so a form shared by two lemmas or two tenses has several lines.
Output is sorted: re-running gives identical bytes.

Also writes data/lang/fr/MANIFEST.toml for the four French files.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

VERSION = "2026-11-29"
GENERATOR = "tools/gen_forms_fr.py"
REPO = Path(__file__).resolve().parent.parent
FR = REPO / "data" / "lang" / "fr"
TAGS = ["P", "S", "Y", "I", "G", "K", "J", "T", "F", "C", "W"]
AUXILIARIES = ["avoir", "être"]


def fail(msg: str) -> None:
    sys.exit(f"gen_forms_fr.py: {msg}")


def head_lemma(pattern: str) -> str | None:
    """The verb lemma heading a verbs.txt pattern, or None for a nominal head."""
    head = pattern.split(" ", 1)[0]
    rest = pattern[len(head):].lstrip()
    if head.startswith("$"):
        head = head[1:]
    if head == "se":  # "se rendre à" -> the verb is the next item
        head = rest.split(" ", 1)[0] if rest else ""
    elif head.startswith("s'") or head.startswith("s\u2019"):
        head = head[2:]
    if not head or head.startswith("~"):
        return None
    return head.lower()


def read_heads(path: Path) -> dict[str, int]:
    """lemma -> first line number where it heads a pattern."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "#dyad-format verbs 1":
        fail(f"{path.relative_to(REPO)}:1: expected header '#dyad-format verbs 1'")
    heads: dict[str, int] = {}
    for no, line in enumerate(lines, 1):
        if no == 1 or not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].isdigit() or not fields[1].strip():
            fail(f"{path.relative_to(REPO)}:{no}: expected 'CODE<TAB>PATTERN', got {line!r}")
        lemma = head_lemma(fields[1].strip())
        if lemma is not None:
            heads.setdefault(lemma, no)
    return heads


def read_intent_verbs(path: Path, lefff: dict) -> dict[str, int]:
    """Verb lemmas that start a multi-word intent entry of lexicon.tsv."""
    out: dict[str, int] = {}
    if not path.exists():
        return out
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 2 or fields[0] != "intent":
            continue
        lemma = head_lemma(fields[1].strip())
        if lemma and lemma in lefff:
            out.setdefault(lemma, no)
    return out


def forms_of(lemma: str, table: dict) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for tag in TAGS:
        for form in table.get(tag, []) or []:
            if not form or form == "NA":
                continue
            out.add((form.strip().lower(), tag))
    if not any(tag == "W" for _, tag in out):
        out.add((lemma, "W"))
    return out


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def count_rows(path: Path) -> int:
    n = 0
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if i == 0 or not line.strip() or line.startswith("#"):
            continue
        n += 1
    return n


def write_manifest(rows: dict[str, int]) -> None:
    hand = "hand-written"
    mine = "MIT OR Apache-2.0"
    who = "dyad contributors"
    entries = [
        {
            "path": "data/lang/fr/verbs.txt", "kind": "verbs",
            "source": "written for dyad; CAMEO 1.1b3 codebook descriptions and the PETRARCH2 "
                      "CAMEO.2.0 verb dictionary consulted for which verbs map to which codes "
                      "(no text copied)",
            "licence": mine, "attribution": who, "generator": hand,
        },
        {
            "path": "data/lang/fr/agents.tsv", "kind": "agents",
            "source": "written for dyad; agent codes from CAMEO agentnames.txt, conventions "
                      "after the PETRARCH2 Phoenix agents dictionary",
            "licence": mine, "attribution": who, "generator": hand,
        },
        {
            "path": "data/lang/fr/lexicon.tsv", "kind": "lexicon",
            "source": "written for dyad", "licence": mine, "attribution": who, "generator": hand,
        },
        {
            "path": "data/lang/fr/verb_forms.tsv", "kind": "verb-forms",
            "source": "Lefff conjugation tables via npm french-verbs-lefff 3.4.0 "
                      "(shared/reference/lemmas/fr-conjugations-lefff.json), restricted to the "
                      "lemmas used in data/lang/fr/verbs.txt, the auxiliaries and intent verbs",
            "licence": "LGPL-LR",
            "attribution": "Lefff, Lexique des Formes Fléchies du Français, by Benoît Sagot "
                           "(Inria), via french-verbs-lefff",
            "generator": GENERATOR,
        },
    ]
    out = [f"# French language files; verb_forms.tsv is written by {GENERATOR} "
           f"(regenerate with `python3 {GENERATOR}`), the other three are hand-written.", ""]
    for e in entries:
        e["format_version"] = 1
        e["version"] = VERSION
        e["rows"] = rows[e["path"]]
        out.append("[[file]]")
        for k in ["path", "kind", "format_version", "version", "source", "licence",
                  "attribution", "generator", "rows"]:
            v = e[k]
            out.append(f"{k} = {v}" if isinstance(v, int) else f"{k} = {toml_str(v)}")
        out.append("")
    (FR / "MANIFEST.toml").write_text("\n".join(out), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", help="path to the shared/ folder (default $DYAD_SHARED or ../shared)")
    args = ap.parse_args()
    shared = Path(args.shared or os.environ.get("DYAD_SHARED") or REPO.parent / "shared")
    src = shared / "reference" / "lemmas" / "fr-conjugations-lefff.json"
    if not src.exists():
        fail(f"cannot find {src} (use --shared PATH)")
    lefff = json.loads(src.read_text(encoding="utf-8"))

    verbs = FR / "verbs.txt"
    heads = read_heads(verbs)
    missing = sorted((line, lemma) for lemma, line in heads.items() if lemma not in lefff)
    if missing:
        fail("; ".join(f"data/lang/fr/verbs.txt:{line}: verb '{lemma}' is not in the Lefff"
                       for line, lemma in missing))
    lemmas = set(heads) | set(AUXILIARIES) | set(read_intent_verbs(FR / "lexicon.tsv", lefff))

    rows: set[tuple[str, str, str]] = set()
    for lemma in lemmas:
        for form, tag in forms_of(lemma, lefff[lemma]):
            rows.add((form, lemma, tag))
    order = {t: i for i, t in enumerate(TAGS)}
    ordered = sorted(rows, key=lambda r: (r[0], r[1], order[r[2]]))

    dst = FR / "verb_forms.tsv"
    with dst.open("w", encoding="utf-8", newline="\n") as f:
        f.write("#dyad-format verb-forms 1\n")
        f.write(f"# generated by {GENERATOR} from the Lefff (french-verbs-lefff 3.4.0, "
                "LGPL-LR) and data/lang/fr/verbs.txt; do not edit by hand\n")
        f.write("# Lefff (Benoît Sagot, Inria) is distributed under LGPL-LR; so is this file.\n")
        f.write("# columns: form, lemma, tag (P S Y I G K J T F C = Lefff tenses, W = infinitive)\n")
        for form, lemma, tag in ordered:
            f.write(f"{form}\t{lemma}\t{tag}\n")

    counts = {p: count_rows(REPO / p) for p in
              ["data/lang/fr/verbs.txt", "data/lang/fr/agents.tsv",
               "data/lang/fr/lexicon.tsv", "data/lang/fr/verb_forms.tsv"]}
    write_manifest(counts)
    print(f"{dst.relative_to(REPO)}: {len(ordered)} forms of {len(lemmas)} lemmas "
          f"({len(heads)} pattern heads)")


if __name__ == "__main__":
    main()
