#!/usr/bin/env python3
"""Generate data/lang/en/verb_forms.tsv from the head verbs of data/lang/en/verbs.txt.

Every head verb lemma of verbs.txt (the first item of a pattern, unless it is a `~noun`)
gets its English inflected forms, tagged `base 3s past ppart ing`, plus the forms of the
auxiliaries be / have / do / will / would.

Irregular forms come from the spaCy lookup tables (spacy-lookups-data, MIT):
  en_lemma_exc.json.gz     verb exceptions (form -> lemma): irregular pasts and participles,
                           consonant doubling (banned, planning);
  en_lemma_lookup.json.gz  form -> lemma for all words: confirms which regular spellings
                           exist (cancelled / canceled, targeted / targetted, proved).
Both are inverted (lemma -> forms). Regular English morphology fills in the rest:
-s/-es/-ies, -ed/-d/-ied, -ing with e-drop (accuse -> accusing), -ie -> -ying,
consonant doubling (stop -> stopped), -c -> -ck (panic -> panicked).

Output is sorted and deterministic. Standard library only.

Usage: python3 tools/gen_forms_en.py [--verbs PATH] [--lemmas DIR] [--out PATH] [--report]
"""
import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_VERBS = ROOT / "data" / "lang" / "en" / "verbs.txt"
DEFAULT_OUT = ROOT / "data" / "lang" / "en" / "verb_forms.tsv"
DEFAULT_LEMMAS = ROOT.parent / "shared" / "reference" / "lemmas"

TAGS = ("base", "3s", "past", "ppart", "ing")
VOWELS = set("aeiou")

# Verbs whose past and participle equal the base (the lookup cannot show these, since
# the form is the lemma itself). `beat` keeps its participle `beaten` from the tables.
ZERO_CHANGE = {
    "beat", "bet", "beset", "bid", "broadcast", "burst", "cast", "cost", "cut", "fit",
    "forecast", "hit", "hurt", "knit", "let", "offset", "outbid", "put", "quit", "read",
    "recast", "reset", "rid", "set", "shed", "shut", "slit", "spit", "split", "spread",
    "thrust", "undercut", "upset", "wed",
}
# Participle equals the base, past is irregular (became, ran).
PPART_IS_BASE_SUFFIXES = ("come", "run")
# Regular spellings the lookup lists for verbs that are irregular in news English;
# they are not emitted.
LOOKUP_NOISE = {"blowed", "flied", "payed", "withdrawed", "withholded", "holded",
                "striked", "sended", "meeted", "seeked", "fighted", "builded"}
# Prefixes after which a verb inflects like its stem (unban like ban).
PREFIXES = ("counter", "under", "inter", "over", "fore", "with", "out", "mis", "dis",
            "pre", "un", "re", "de", "co", "be", "up")

AUXILIARIES = [
    ("be", "be", "base"), ("am", "be", "base"), ("are", "be", "base"), ("is", "be", "3s"),
    ("was", "be", "past"), ("were", "be", "past"), ("been", "be", "ppart"),
    ("being", "be", "ing"), ("'m", "be", "base"), ("'re", "be", "base"),
    ("have", "have", "base"), ("has", "have", "3s"), ("had", "have", "past"),
    ("had", "have", "ppart"), ("having", "have", "ing"), ("'ve", "have", "base"),
    ("do", "do", "base"), ("does", "do", "3s"), ("did", "do", "past"),
    ("done", "do", "ppart"), ("doing", "do", "ing"),
    ("will", "will", "base"), ("'ll", "will", "base"), ("wo", "will", "base"),
    ("would", "would", "base"), ("'d", "would", "base"),
]


def load_json_gz(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def invert(lookup, exc_verb):
    """lemma -> set of forms (all words), lemma -> set of forms (verb exceptions)."""
    inv_all, inv_exc = {}, {}
    for form, lemma in lookup.items():
        inv_all.setdefault(lemma.lower(), set()).add(form.lower())
    for form, lemmas in exc_verb.items():
        for lemma in lemmas:
            inv_exc.setdefault(lemma.lower(), set()).add(form.lower())
            inv_all.setdefault(lemma.lower(), set()).add(form.lower())
    return inv_all, inv_exc


def head_lemmas(verbs_path):
    heads = set()
    with open(verbs_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                _code, pattern = line.split("\t", 1)
            except ValueError:
                sys.exit(f"{verbs_path}:{n}: expected CODE<TAB>PATTERN")
            items = pattern.split()
            if items and items[0] == "$":
                items = items[1:]
            if not items or items[0].startswith("~"):
                continue
            heads.add(items[0].lower())
    return heads


def last_segment(lemma):
    return lemma.rsplit("-", 1)[-1]


def vowel_groups(word):
    groups, prev = 0, False
    for i, ch in enumerate(word):
        v = ch in VOWELS or (ch == "y" and i > 0 and word[i - 1] not in VOWELS)
        if v and not prev:
            groups += 1
        prev = v
    return groups


def ends_cvc(word):
    """Consonant-vowel-consonant ending that may double (final not w, x, y; a single
    vowel letter before it, `qu` counting as a consonant: quit -> quitting)."""
    if len(word) < 3:
        return False
    c1, v, c2 = word[-3], word[-2], word[-1]
    if c2 in VOWELS or c2 in "wxy" or v not in VOWELS:
        return False
    if c1 in VOWELS:
        return c1 == "u" and len(word) >= 4 and word[-4] == "q"
    return True


def third_person(lemma):
    if re.search(r"(s|x|z|ch|sh)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    if re.search(r"[^aeiou]o$", lemma):
        return lemma + "es"
    return lemma + "s"


def regular_candidates(lemma):
    """(single ed, single ing, doubled ed, doubled ing) spellings; doubled may be None."""
    if lemma.endswith("ie"):
        return lemma + "d", lemma[:-2] + "ying", None, None
    if lemma.endswith(("ee", "ye", "oe")):
        return lemma + "d", lemma + "ing", None, None
    if lemma.endswith("e"):
        return lemma + "d", lemma[:-1] + "ing", None, None
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied", lemma + "ing", None, None
    if lemma.endswith("ic"):
        return lemma + "ked", lemma + "king", None, None
    single_ed, single_ing = lemma + "ed", lemma + "ing"
    if ends_cvc(lemma):
        last = lemma[-1]
        return single_ed, single_ing, lemma + last + "ed", lemma + last + "ing"
    return single_ed, single_ing, None, None


def doubles_by_rule(lemma, inv_all, depth=0):
    """Spelling choice when the tables are silent: (use_single, use_doubled)."""
    seg = last_segment(lemma)
    if depth == 0:
        for p in PREFIXES:
            if seg.startswith(p) and len(seg) - len(p) >= 3:
                stem = seg[len(p):]
                s_ed, _, d_ed, d_ing = regular_candidates(stem)
                known = inv_all.get(stem, set())
                if d_ed and (d_ed in known or d_ing in known):
                    return False, True
                if d_ed and s_ed in known:
                    return True, False
    if vowel_groups(seg) == 1:
        return False, True
    if seg.endswith("l"):
        return True, True      # cancelled / canceled
    return True, False


def forms_for(lemma, inv_all, inv_exc, report):
    rows = set()
    add = lambda form, tag: rows.add((form, lemma, tag))
    add(lemma, "base")
    add(third_person(lemma), "3s")

    known = inv_all.get(lemma, set())
    exc = inv_exc.get(lemma, set())
    s_ed, s_ing, d_ed, d_ing = regular_candidates(lemma)
    last = lemma[-1]
    if d_ed is None and last not in VOWELS and last not in "wy" and not lemma.endswith("ic"):
        # a doubled spelling the rule does not predict but the tables attest
        # (initialled, worshipped, programmed)
        alt_ed, alt_ing = lemma + last + "ed", lemma + last + "ing"
        if alt_ed in known or alt_ing in known:
            d_ed, d_ing = alt_ed, alt_ing

    # -- which spellings of the regular forms exist
    if d_ed:
        have_s = s_ed in known or s_ing in known
        have_d = d_ed in known or d_ing in known
        if not have_s and not have_d:
            have_s, have_d = doubles_by_rule(lemma, inv_all)
    else:
        have_s, have_d = True, False
    ing_forms = ([s_ing] if have_s else []) + ([d_ing] if have_d else [])
    ed_forms = ([s_ed] if have_s else []) + ([d_ed] if have_d else [])
    for f in ing_forms:
        add(f, "ing")

    # -- irregular forms (verb exceptions that are not regular spellings, -ing or -s forms)
    regular_like = {s_ed, d_ed, lemma + "d", lemma + "ed", lemma + last + "ed",
                    lemma[:-1] + "ied", lemma + "ked"}
    irregular = sorted(f for f in exc
                       if f not in regular_like and f != lemma
                       and not f.endswith(("ing", "s")))
    regular_attested = any(f in known and f not in LOOKUP_NOISE for f in ed_forms)

    if irregular:
        def is_ppart(f):
            if f.endswith("n") and not lemma.endswith("n"):
                return True
            if f.endswith("ne") and len(irregular) > 1:     # went / gone
                return True
            # sink/sunk, stink/stunk, begin/begun: 'u' where the lemma has 'i'
            return "i" in lemma and "u" in f and "u" not in lemma and len(irregular) > 1
        pparts = [f for f in irregular if is_ppart(f)]
        pasts = [f for f in irregular if f not in pparts]
        if pasts and not pparts:
            for f in pasts:
                add(f, "past")
                if not lemma.endswith(PPART_IS_BASE_SUFFIXES):
                    add(f, "ppart")
            if lemma.endswith(PPART_IS_BASE_SUFFIXES):
                add(lemma, "ppart")
        elif pparts and not pasts:
            for f in pparts:
                add(f, "ppart")
            if not regular_attested:
                add(lemma, "past")          # beat / beaten
        else:
            for f in pasts:
                add(f, "past")
            for f in pparts:
                add(f, "ppart")
        if regular_attested:                # speeded, lighted, proved, hanged, burned
            for f in ed_forms:
                if f in known and f not in LOOKUP_NOISE:
                    add(f, "past")
                    add(f, "ppart")
        if lemma in ZERO_CHANGE:            # bid / bid besides bade / bidden
            add(lemma, "past")
            add(lemma, "ppart")
        if report:
            print(f"irregular {lemma}: past={sorted(pasts)} ppart={sorted(pparts)} "
                  f"regular={[f for f in ed_forms if f in known] if regular_attested else []}",
                  file=sys.stderr)
    elif lemma in ZERO_CHANGE:
        add(lemma, "past")
        add(lemma, "ppart")
        for f in ed_forms:              # quitted, betted, broadcasted are also written
            if f in known:
                add(f, "past")
                add(f, "ppart")
    else:
        third = third_person(lemma)
        if (not regular_attested and third in known and any(f in known for f in ing_forms)
                and len(last_segment(lemma)) <= 6):
            # the tables know the verb but no past spelling: past = base (shut, spread)
            add(lemma, "past")
            add(lemma, "ppart")
            if report:
                print(f"zero-change (from tables) {lemma}", file=sys.stderr)
        else:
            for f in ed_forms:
                add(f, "past")
                add(f, "ppart")
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbs", type=Path, default=DEFAULT_VERBS)
    ap.add_argument("--lemmas", type=Path, default=DEFAULT_LEMMAS,
                    help="folder with en_lemma_lookup.json.gz and en_lemma_exc.json.gz")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--report", action="store_true", help="print irregular verbs to stderr")
    args = ap.parse_args(argv)

    lookup = load_json_gz(args.lemmas / "en_lemma_lookup.json.gz")
    exc_verb = load_json_gz(args.lemmas / "en_lemma_exc.json.gz")["verb"]
    inv_all, inv_exc = invert(lookup, exc_verb)

    heads = head_lemmas(args.verbs)
    rows = set()
    for lemma in sorted(heads):
        rows |= forms_for(lemma, inv_all, inv_exc, args.report)
    for form, lemma, tag in AUXILIARIES:
        rows.add((form, lemma, tag))

    order = {t: i for i, t in enumerate(TAGS)}
    lines = ["#dyad-format verb-forms 1",
             "# generated by tools/gen_forms_en.py from data/lang/en/verbs.txt and the spaCy "
             "lookup tables en_lemma_lookup + en_lemma_exc (spacy-lookups-data, MIT); "
             "do not edit by hand",
             "# form\tlemma\ttag (base 3s past ppart ing)"]
    for form, lemma, tag in sorted(rows, key=lambda r: (r[0], r[1], order[r[2]])):
        lines.append(f"{form}\t{lemma}\t{tag}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rows)} forms of {len(heads)} head verbs + auxiliaries",
          file=sys.stderr)


if __name__ == "__main__":
    main()
