#!/usr/bin/env python3
"""Generate dyad's person/role dictionaries from the shared reference data.

Usage:  python3 tools/gen_actors.py [--shared ../shared]

The shared folder defaults to $DYAD_SHARED, else ``../shared`` relative to the
repository root.  Only the Python 3.11 standard library is used.  Outputs
(see docs/data-formats.md):

  data/actors/persons.tsv    kind `persons`   id name aliases
  data/actors/roles.tsv      kind `roles`     person code role start end source
  data/actors/MANIFEST.toml  provenance and licences of the two files above

Inputs, in decreasing order of authority
----------------------------------------
1. ``data/actors/curated-2022-2026.tsv`` (in this repository, hand-written,
   kind `curated-roles`: person_id name aliases code role start end source).
   Covers the 2022-2026 period that no reference covers; every row cites a
   published page.  Source tag ``curated:<url or citation>``.
2. ``reference/leaders/world-leaders-current-2026/*.json`` (tag
   ``leaders-2026``): heads of state and government as of 2026-08 with their
   start dates; ``changes_2026.json`` closes the outgoing holder's open role
   of that title on the change date (e.g. Keir Starmer, 2026-07-20).  When a
   file marks the head of government as also head of state, one role is
   emitted, titled after the head of government with any parenthesis
   dropped: saudi_arabia.current.json gives Mohammed bin Salman as "King"
   since 2022-09-27, which is his premiership (King Salman is in the curated
   file).  EU -> IGOEUREEC, African Union -> IGOAFRAFU (Phoenix codes).
3. ``reference/leaders/wikidata-2022/*/`` (tag ``wikidata-2022``):
   ``holders21.csv``, ``current.csv``, ``current-cabinet.csv``; positions are
   mapped to CAMEO codes by ``position_code`` below.  Wikidata end dates are
   hand-over days and are used as exclusive ends.  A year-only date is taken
   as 1 January of that year for a start and 1 January of the next year for
   an end (the role is kept for the whole year); a year-month date likewise.
4. ``reference/countryinfo/CountryInfo.120116.txt`` (tag ``countryinfo``):
   <Leaders> (code = country + GOV; title from the sub-tag) and <Government>
   (explicit codes; title from the trailing ``# comment`` or from the last
   ``#<Title>`` heading line).  Dates: ``[a - b]`` interval, ``[>a]`` in office
   from a at the last update (open end), ``[<b]`` in office at the first
   update (Jan 2003) until b (unknown start).  End dates: a date that is the
   last day of its month (CIA World Leaders month granularity; impossible
   days such as 20060431 are clamped to the month end first) is inclusive and
   becomes exclusive by adding one day; any other end date is a hand-over day
   (Rulers.org) and is already exclusive.  A zero-length span becomes one day.
   CountryInfo's US "Secretary of Defense" rows use USAMIL; they are
   normalised to USAGOVMIL (the convention everywhere else, see below).
5. ``reference/petrarch2/Phoenix.*.actors.txt`` (tag ``phoenix``).  Dates are
   YYMMDD (00-30 -> 20xx, 31-99 -> 19xx) or YYYYMMDD, ranges inclusive: the end
   becomes exclusive by adding one day; ``>d`` = from d, open; ``<d`` = until d
   (inclusive), unknown start.  Malformed dates (e.g. 7 digits) are dropped
   with a warning.

Which Phoenix entries are persons
---------------------------------
Phoenix mixes countries, cities, institutions and people.  A record (primary
phrase + ``+`` synonyms + restrictions) is imported as a person when it has at
least one *dated* restriction, or when it cites a person list (``CountryInfo.txt``
or ``IGOrulers.txt``) in its comment; and in both cases its primary phrase does
not contain an institution word (ARMY, MINISTRY, PARTY, ... see
``NON_PERSON_WORDS``) and is 2-6 words long.  Consecutive primary lines without
codes or restrictions that share a word with the record that follows them
(e.g. ``BORIS_YELTSIN_`` / ``BORIS_N._YELTSIN`` / ``YELTSIN``, which lack the
``+``) are folded into that record as synonyms.  A default code (``[RUSELI]``
after the dated lines, or an undated code on the primary line) is emitted for
the gaps between dated roles and after the last closed one (never before the
first dated role); a person with only a default code gets one undated role.
``[---]`` is the null code and gives no role.  Synonyms that start with a title
or demonym word (PRESIDENT_PUTIN_, RUSSIAN_FOREIGN_MINISTER_LAVROV) are not kept
as aliases: a title in the text is resolved by date, not by the dictionary.
Names in UPPER_SNAKE are converted to Title Case with spaces.

Code conventions
----------------
Defence ministers (and deputy/associate defence ministers, civilian service
secretaries) are ``<CTY>GOVMIL``, as Phoenix.Countries.actors.txt codes them
(``SERGEY_IVANOV_ [RUSGOVMIL ...]``, ``ANATOLIY_SERDYUKOV_ [RUSGOVMIL >070301]``,
Phoenix.agents.txt ``DEFENSE_MINIST [~GOVMIL]``); ``<CTY>GOV`` is a prefix of
it, so a consumer that wants only the country+sector still gets ``RUSGOV``.
Army chiefs and other serving officers are ``<CTY>MIL``.  Heads of state and
government, foreign and interior ministers, security-council secretaries,
ambassadors: ``<CTY>GOV``.  Parliament speakers and members: ``<CTY>LEG``.
Courts: ``<CTY>JUD``; justice ministers and prosecutors ``<CTY>GOVJUD``.
Intelligence chiefs ``<CTY>GOVSPY``.  Other ministries follow CountryInfo's
usage (GOVBUS economy/trade/energy/transport, GOVHLH, GOVEDU, GOVAGR, GOVLAB,
GOVENV, GOVMED culture/communication, GOVREL, GOVREF, GOVHRI).

Merging persons
---------------
Records are merged into one person when they share a Wikidata id, or when
their loose name keys are equal (accents, case, punctuation removed and common
transliteration variants folded: y/j->i, kh->h, ou->u, ks->x, doubled letters)
and they share a country (first three letters of a role code) or one of them
has no country.  Each role keeps the tag of its source.  Identical roles
(same code, same start -- or one start unknown, as when Phoenix turned
CountryInfo's ``[<date]`` into ``030101-date`` --, ends within one day of each
other) are kept once, from the more authoritative source.  Two older-source
records holding one single-holder office over exactly the same term whose
surnames are equal or one letter apart are one person written two ways
(``merge_same_term``: Kostas / Konstandinos Simitis).  A CountryInfo leader
term that starts before the birth date CountryInfo gives is a misplaced line
and is dropped, with the same term copied into Phoenix (MARK_RUTTE_).

Curated rows close older open-ended roles
-----------------------------------------
The curated file is taken as the complete record of a person from that
person's first curated row.  For a person with curated rows, every
open-ended role R from an older source (wikidata-2022, countryinfo, phoenix)
is ended at the start of the first curated row that starts *after* R does
(whatever its code: the person's record moved on).  A curated row with the
same code that starts on the same day as R, or earlier and still covering R's
start, is the same office: R ends when it ends (or stays open if it is open).
Curated rows starting the same day with another code are concurrent offices
and leave R alone.  In the same spirit, an open role from an older source is
dropped when another older source has a closed role of the same code that
covers its start (``supersede_open``).  Example: Phoenix has Shoigu
``RUSGOVMIL`` open from 2003; the curated file says Minister of Defence
2012-11-06 -> 2024-05-12 then Secretary of the Security Council (RUSGOV) from
2024-05-12, so the old role ends on 2024-05-12.

An open role from an older source is only superseded when the closed one
covers its start by more than one day (Phoenix's inclusive end + 1 day often
lands on the next term's first day: Erdoğan's ``[TURGOV 021118-030314]`` must
not swallow CountryInfo's ``[>20030314]``).  When both start on the same day,
the open one is kept, ended as the closed one, and ``dedupe`` keeps the more
authoritative of the two.  A leaders-2026 holder without a ``since`` date
(Mark Carney, canada.current.json) is dropped when the curated file has an
open role of the same code for that person.

Single-holder offices close at the next holder's start
------------------------------------------------------
Roles are classified into single-holder offices -- head of state, head of
government, defence, foreign and interior minister -- per jurisdiction
(country code, or country + entity code) exactly as ``dyad actor --check``
does (``office_of`` mirrors ``Kb::office_of`` in crates/kb/src/lib.rs; English
country names and demonyms come from data/names/countries.tsv; elite roles,
undated starts, deputy/vice/acting/"of state for" roles and " & " lists are
not offices).  Then, after merging (``close_by_successor``):

(a) curated rows win: an older-source role (wikidata-2022, countryinfo,
    phoenix) that starts inside another person's curated term of the same
    office is dropped, or, if it runs past that term, starts when it ends;
(b) an older-source role that is open-ended, or ends after the start of the
    next role of the same office held by another person (the earliest one
    starting strictly later), ends on that start (exclusive end).  Example:
    CountryInfo has Merkel "Chancellor" open from 2005-11-22; the curated
    Scholz row starts 2021-12-08, so her role ends on 2021-12-08.

Roles are only ever shortened, never extended, and curated and leaders-2026
roles are never changed.  Two holders starting the same day are left alone
(there is no telling which is wrong); ``dyad actor --check`` still lists them.

Output is deterministic (sorted); roles whose start is after their end are
reported and dropped.  The merged output is distributed under the most
restrictive input licence, CC BY-SA (CountryInfo CC BY-SA 3.0,
world-leaders-current CC BY-SA 4.0).
"""

import argparse
import csv
import datetime as dt
import glob
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

VERSION = "2026-11-29"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO, "data", "actors")
CURATED = os.path.join(OUT_DIR, "curated-2022-2026.tsv")

PRIORITY = {"curated": 0, "leaders-2026": 1, "wikidata-2022": 2, "countryinfo": 3, "phoenix": 4}
OLDER = {"wikidata-2022", "countryinfo", "phoenix"}
NON_COUNTRY = {"IGO", "NGO", "NGM", "MNC", "IMG", "UAF", "ELI", "CVL", "REB", "OPP", "---"}

WARNINGS = []
BIRTHS = {}  # (country code, loose name key) -> birth date from CountryInfo <Leaders> [B:...]


def warn(msg):
    WARNINGS.append(msg)


# ----------------------------------------------------------------------------
# dates

def month_end(y, m):
    if m == 12:
        return 31
    return (dt.date(y, m + 1, 1) - dt.timedelta(days=1)).day


def mkdate(y, m, d):
    """Build a date, clamping an impossible day (31 April) to the month end."""
    if not (1 <= m <= 12) or d < 1 or y < 1:
        return None
    return dt.date(y, m, min(d, month_end(y, m)))


def plus1(d):
    return d + dt.timedelta(days=1) if d else None


def parse_yyyymmdd(s):
    s = s.strip()
    if re.fullmatch(r"\d{8}", s):
        return mkdate(int(s[:4]), int(s[4:6]), int(s[6:]))
    if re.fullmatch(r"\d{6}", s):
        yy = int(s[:2])
        y = 2000 + yy if yy <= 30 else 1900 + yy
        return mkdate(y, int(s[2:4]), int(s[4:]))
    return None


def parse_iso(s, is_end=False):
    """Wikidata / JSON dates: YYYY-MM-DD, YYYY-MM or YYYY."""
    s = (s or "").strip()
    if not s:
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return mkdate(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{4})-(\d{2})$", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        if is_end:
            return plus1(mkdate(y, mo, 31))
        return mkdate(y, mo, 1)
    m = re.match(r"^(\d{4})$", s)
    if m:
        y = int(m[1])
        return dt.date(y + 1, 1, 1) if is_end else dt.date(y, 1, 1)
    return None


def fmt(d):
    return d.isoformat() if d else ""


# ----------------------------------------------------------------------------
# names

def strip_accents(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def norm_key(s):
    s = strip_accents(s).lower()
    s = s.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ı", "i")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def loose_key(s):
    k = norm_key(s)
    if not k:
        return ""
    k = k.replace("kh", "h").replace("ks", "x").replace("ou", "u").replace("ck", "k")
    k = k.replace("ph", "f").replace("dzh", "j").replace("zh", "j").replace("ts", "z")
    k = k.replace("y", "i").replace("j", "i").replace("w", "v").replace("q", "k")
    k = k.replace("ei", "i").replace("ie", "i").replace("ee", "i").replace("oo", "u")
    k = re.sub(r"([a-z])\1+", r"\1", k)
    k = k.replace("ii", "i")
    return k


def is_latin(s):
    for c in s:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der",
             "den", "bin", "ben", "ibn", "al", "el", "la", "le", "y", "ul", "bint", "ter"}


def cap_word(w):
    if not w:
        return w
    parts = w.split("-")
    out = []
    for i, p in enumerate(parts):
        lp = p.lower()
        if i == 0 and len(parts) > 1 and lp in ("al", "el", "ad", "as", "ash", "at", "az", "ar", "an", "ul", "bin", "ibn"):
            out.append(lp)
            continue
        m0 = re.search(r"[a-z]", lp)
        q = lp[:m0.start()] + lp[m0.start()].upper() + lp[m0.start() + 1:] if m0 else lp
        q = re.sub(r"^(Mc)([a-z])", lambda m: m[1] + m[2].upper(), q)
        q = re.sub(r"^(O')([a-z])", lambda m: m[1] + m[2].upper(), q)
        q = re.sub(r"(\.)([a-z])", lambda m: m[1] + m[2].upper(), q)
        out.append(q)
    return "-".join(out)


def title_case(upper_snake):
    s = upper_snake.replace("_", " ").strip()
    s = " ".join(s.split())
    words = s.split(" ")
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and i < len(words) - 1 and lw in PARTICLES:
            out.append(lw)
        elif re.fullmatch(r"(i|ii|iii|iv|v|vi|vii|viii|ix|x)", lw):
            out.append(w.upper())
        else:
            out.append(cap_word(w))
    return " ".join(out)


def slug(s):
    s = strip_accents(s)
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s or "person"


def clean_field(s):
    return " ".join((s or "").replace("\t", " ").replace("|", "/").split())


# ----------------------------------------------------------------------------
# data model

class Role:
    __slots__ = ("code", "role", "start", "end", "source", "src")

    def __init__(self, code, role, start, end, source, src):
        self.code, self.role, self.start, self.end = code, role, start, end
        self.source, self.src = source, src  # source = output tag, src = family key

    def key(self):
        return (self.start or dt.date.min, self.end or dt.date.max, self.code, self.role, self.source)


class Rec:
    """One person record from one source, before merging."""

    def __init__(self, name, src, qid=None, cid=None):
        self.name = name
        self.src = src
        self.qid = qid
        self.cid = cid  # curated person_id
        self.aliases = []  # (lang, surface)
        self.roles = []

    def countries(self):
        out = set()
        for r in self.roles:
            c = r.code[:3]
            if c not in NON_COUNTRY and re.fullmatch(r"[A-Z]{3}", c):
                out.add(c)
        return out


AGENT_WORDS = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
    "ELI": "elite (former or future office-holder)", "OPP": "opposition", "BUS": "economy/business",
    "MED": "media/culture", "EDU": "education", "HLH": "health", "AGR": "agriculture",
    "LAB": "labour", "ENV": "environment", "DEV": "development", "REF": "refugees",
    "HRI": "human rights", "SPY": "intelligence", "COP": "police/interior", "REL": "religion",
    "CVL": "civilians", "REB": "rebels", "PTY": "political party", "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation", "UNO": "United Nations", "IMG": "militant group",
    "UAF": "armed group", "MOD": "moderate", "RAD": "radical", "INS": "insurgents", "SEP": "separatists",
    "CRM": "criminal", "ATG": "attorney general",
}


def describe(code):
    rest = code[3:] if re.fullmatch(r"[A-Z]{3}", code[:3]) and code[:3] not in ("IGO", "NGO", "IMG", "UAF") else code
    parts = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    words = [AGENT_WORDS.get(p, p) for p in parts if p]
    if not words:
        return "national (no role)"
    if len(words) == 1:
        return words[0]
    return words[0] + " (" + ", ".join(words[1:]) + ")"


# ----------------------------------------------------------------------------
# Phoenix

NON_PERSON_WORDS = set("""
ARMY FORCE FORCES AIR NAVY MINISTRY MINISTRIES PARTY PARTIES COUNCIL GOVERNMENT GOVERNMENTS
COMMITTEE COMMISSION ASSEMBLY PARLIAMENT CONGRESS SENATE COURT TRIBUNAL POLICE GUARD GUARDS
FRONT MOVEMENT BRIGADE BRIGADES UNION ORGANIZATION ORGANISATION AGENCY OFFICE BANK FUND
REPUBLIC KINGDOM STATE STATES ADMINISTRATION AUTHORITY DEPARTMENT SERVICE SERVICES CABINET
REGIME MILITARY TROOPS SOLDIERS OFFICIALS OFFICIAL GROUP ALLIANCE ASSOCIATION CORPS
LEAGUE COALITION NATIONAL INSTITUTE UNIVERSITY SCHOOL CHURCH MEDIA NEWS AGENCY RADIO
TELEVISION COMPANY CORPORATION EMBASSY MISSION PROVINCE REGION CITY POLICE SECURITY
REBELS MILITIA MILITANTS INSURGENTS FACTION WING JUNTA PRESIDENCY KNESSET DUMA
""".split())

TITLE_WORDS = set("""
PRESIDENT PRESIDENT-ELECT PRIME MINISTER FOREIGN DEFENSE DEFENCE SECRETARY SECRETARY-GENERAL
AMBASSADOR KING QUEEN PRINCE PRINCESS SULTAN EMIR SHEIKH SHAIKH GENERAL GEN. GEN LT. COL. COLONEL
MR MR. MRS MRS. MS MS. DR DR. SENATOR SEN. REP. REPRESENTATIVE GOVERNOR CHAIRMAN CHIEF LEADER
FORMER THE U.S. US U.N. UN UNITED AMERICAN CHANCELLOR PREMIER VICE DEPUTY ACTING INTERIOR
SPEAKER JUSTICE JUDGE ADMIRAL MAYOR COMMANDER MARSHAL FIELD CAPTAIN MAJOR OPPOSITION RUSSIAN
BRITISH FRENCH GERMAN CHINESE IRANIAN ISRAELI UKRAINIAN EU EUROPEAN NATO SPOKESMAN SPOKESWOMAN
MINISTRY CIA C.I.A. FBI TREASURY STATE ATTORNEY AMB. PM PRES. SECY. SEC. MINISTERS
""".split())


def parse_restriction(body, where):
    """'RUSGOV >080508' -> (code, start, end, kind) ; kind in dated/default/null/bad."""
    body = body.strip()
    m = re.match(r"^([A-Z0-9-]+)\s*(.*)$", body)
    if not m:
        return None
    code, spec = m[1], m[2].strip()
    if code == "---" or not re.fullmatch(r"[A-Z]{3,}", code):
        return (code, None, None, "null")
    if not spec:
        return (code, None, None, "default")
    spec = spec.replace(" ", "")
    if spec.startswith(">"):
        d = parse_yyyymmdd(spec[1:])
        if not d:
            warn(f"phoenix: bad date '{body}' at {where}")
            return None
        return (code, d, None, "dated")
    if spec.startswith("<"):
        d = parse_yyyymmdd(spec[1:])
        if not d:
            warn(f"phoenix: bad date '{body}' at {where}")
            return None
        return (code, None, plus1(d), "dated")
    m2 = re.fullmatch(r"(\d+)-(\d+)", spec)
    if m2:
        a, b = parse_yyyymmdd(m2[1]), parse_yyyymmdd(m2[2])
        if not a or not b:
            warn(f"phoenix: bad date '{body}' at {where}")
            return None
        return (code, a, plus1(b), "dated")
    warn(f"phoenix: unreadable restriction '{body}' at {where}")
    return None


def split_comment(line):
    """Return (content, comment) splitting on the first '#' or ';'."""
    m = re.search(r"[#;]", line)
    if not m:
        return line, ""
    return line[:m.start()], line[m.start() + 1:]


def phoenix_records(path, demonyms):
    fname = os.path.basename(path)
    raw = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{fname}:{ln}"
            content, comment = split_comment(line)
            inline = [(parse_restriction(b, where), comment.strip())
                      for b in re.findall(r"\[([^\]]*)\]", content)]
            inline = [x for x in inline if x[0]]
            if line[0] in " \t":
                if cur is not None:
                    cur["restr"].extend(inline)
                continue
            phrase = re.split(r"[\[\s]", content.lstrip("+").strip(), maxsplit=1)[0]
            phrase = phrase.strip().rstrip("_").strip()
            if line.startswith("+"):
                if cur is not None:
                    if phrase:
                        cur["syn"].append(phrase)
                    cur["restr"].extend(inline)
                continue
            cur = {"name": phrase, "syn": [], "restr": list(inline), "comment": comment, "where": where}
            raw.append(cur)

    def words(ph):
        return {w for w in re.split(r"[_\-]", ph) if len(w) > 2}

    out = []
    pending = []
    for r in raw:
        if not r["restr"]:
            pending.append(r)
            continue
        ws = words(r["name"]).union(*[words(x) for x in r["syn"]]) if r["syn"] else words(r["name"])
        fold = []
        for p in pending:
            if words(p["name"]) & ws:
                fold.append(p["name"])
                fold.extend(p["syn"])
        if fold:
            r["syn"] = fold[1:] + [r["name"]] + r["syn"]
            r["name"] = fold[0]
        pending = []
        out.append(r)
    return out


def is_person_phrase(phrase):
    words = [w for w in phrase.replace("-", "_").split("_") if w]
    if not (2 <= len(words) <= 6) and not (len(words) == 1 and len(phrase) > 3 and False):
        return False
    if any(w.upper() in NON_PERSON_WORDS for w in words):
        return False
    if re.search(r"\d", phrase):
        return False
    return True


def good_alias(phrase, demonyms):
    words = [w for w in phrase.split("_") if w]
    if not words:
        return False
    if words[0].upper() in TITLE_WORDS or words[0].upper() in demonyms:
        return False
    if any(w.upper() in NON_PERSON_WORDS for w in words):
        return False
    if any(w in ("ADMINISTRATION", "GOVERNMENT") for w in words):
        return False
    if len(phrase) < 3:
        return False
    return True


def load_phoenix(shared, demonyms):
    recs = []
    stats = Counter()
    for path in sorted(glob.glob(os.path.join(shared, "reference", "petrarch2", "Phoenix.*.actors.txt"))):
        for r in phoenix_records(path, demonyms):
            dated = [x for x in r["restr"] if x[0][3] == "dated"]
            defaults = [x for x in r["restr"] if x[0][3] == "default"]
            cites = re.search(r"CountryInfo\.txt|IGOrulers\.txt", r["comment"] or "") is not None
            if not (dated or (cites and defaults)):
                stats["skipped-undated"] += 1
                continue
            if not is_person_phrase(r["name"]):
                stats["skipped-non-person"] += 1
                continue
            rec = Rec(title_case(r["name"]), "phoenix")
            seen = {norm_key(rec.name)}
            for s in r["syn"]:
                if not good_alias(s, demonyms) or not is_person_phrase(s) and len(s.split("_")) != 1:
                    continue
                t = title_case(s)
                if norm_key(t) in seen:
                    continue
                seen.add(norm_key(t))
                rec.aliases.append(("", t))
            for (code, a, b, kind), cmt in dated:
                role = cmt.strip().lstrip("#").strip() if cmt and "CountryInfo" not in cmt and "IGOrulers" not in cmt else ""
                role = clean_field(role) or describe(code)
                rec.roles.append(Role(code, role, a, b, "phoenix", "phoenix"))
            if defaults:
                code = defaults[-1][0][0]
                for a, b in default_gaps(rec.roles):
                    rec.roles.append(Role(code, describe(code) + " (default when no dated role applies)", a, b, "phoenix", "phoenix"))
            if rec.roles:
                recs.append(rec)
                stats["persons"] += 1
    return recs, stats


def default_gaps(roles):
    """Gaps between dated roles and after the last closed one."""
    if not roles:
        return [(None, None)]
    spans = sorted(((r.start or dt.date.min), (r.end or dt.date.max)) for r in roles)
    gaps = []
    cur_end = None
    for s, e in spans:
        if cur_end is not None and s > cur_end:
            gaps.append((cur_end, s))
        cur_end = e if cur_end is None else max(cur_end, e)
    if cur_end is not None and cur_end != dt.date.max:
        gaps.append((cur_end, None))
    return gaps


# ----------------------------------------------------------------------------
# CountryInfo

def ci_names(chunk):
    chunk = chunk.replace("`", "")
    names = re.findall(r"\{([^}]*)\}", chunk)
    if names:
        return [n.strip().rstrip("_").strip() for n in names if n.strip()]
    rest = re.sub(r"\[[^\]]*\]", " ", chunk)
    rest = "_".join(rest.split()).strip("_")
    return [rest] if rest else []


def ci_end(d):
    """CountryInfo end: month-end dates are inclusive (CIA), others hand-over days."""
    if d is None:
        return None
    if d.day == month_end(d.year, d.month):
        return plus1(d)
    return d


def ci_date(s):
    s = s.strip()
    if re.fullmatch(r"\d{8}", s):
        return mkdate(int(s[:4]), int(s[4:6]), int(s[6:8]))
    return None


def ci_spec(spec, where):
    spec = spec.replace(" ", "")
    if spec.startswith(">"):
        d = ci_date(spec[1:])
        return (d, None) if d else None
    if spec.startswith("<"):
        d = ci_date(spec[1:])
        return (None, ci_end(d)) if d else None
    m = re.fullmatch(r"(\d{8})-(\d{8})", spec)
    if m:
        a, b = ci_date(m[1]), ci_date(m[2])
        if a and b:
            e = ci_end(b)
            if e <= a:
                e = plus1(a) if e == a else e
            return (a, e)
    warn(f"countryinfo: unreadable date '{spec}' at {where}")
    return None


def singular(t):
    """'Prime ministers' -> 'Prime minister'; 'Chairmen of the council' -> 'Chairman of the council'."""
    t = " ".join(t.replace("_", " ").split())
    words = t.split(" ")
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    parts = w.split("-")
    h = parts[0]
    lw = h.lower()
    if lw.endswith("men"):
        h = h[:-3] + "man"
    elif lw.endswith("ies"):
        h = h[:-3] + "y"
    elif lw.endswith(("ches", "shes", "sses")):
        h = h[:-2]
    elif lw.endswith("s") and not lw.endswith(("ss", "us")):
        h = h[:-1]
    parts[0] = h
    words[i] = "-".join(parts)
    out = " ".join(words).lower()
    return out[:1].upper() + out[1:]


def load_countryinfo(shared):
    path = os.path.join(shared, "reference", "countryinfo", "CountryInfo.120116.txt")
    text = open(path, encoding="utf-8", errors="replace").read().replace("\x00", "")
    lines = text.split("\n")
    recs = []
    demonyms = set()
    country = None
    block = None
    sub = None
    gov_title = None
    in_doc = False
    for ln, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        s = line.strip()
        where = f"CountryInfo.120116.txt:{ln}"
        if s.startswith("<!--"):
            in_doc = True
        if in_doc:
            if "-->" in s:
                in_doc = False
            continue
        m = re.match(r"<CountryCode>([A-Z]+)</CountryCode>", s)
        if m:
            country = m[1]
            continue
        if s in ("<Leaders>", "<Government>", "<Nationality>", "<Comment>"):
            block = s[1:-1]
            sub = None
            gov_title = None
            continue
        if s in ("</Leaders>", "</Government>", "</Nationality>", "</Comment>"):
            block = None
            continue
        if block == "Nationality":
            w = s.split("#")[0].strip().rstrip("_")
            if w:
                demonyms.add(w.upper())
            continue
        if block == "Leaders":
            if s.startswith("</"):
                sub = None
                continue
            if s.startswith("<") and s.endswith(">"):
                sub = s[1:-1]
                continue
            if not s or s.startswith("#"):
                continue
            content = s.split("#")[0]
            names = ci_names(content)
            spans = [b for b in re.findall(r"\[([^\]]*)\]", content) if not re.match(r"\s*[BD]:", b)]
            if not names or not spans:
                continue
            rec = Rec(title_case(names[0]), "countryinfo")
            for n in names[1:]:
                rec.aliases.append(("", title_case(n)))
            title = singular(sub or "Leader")
            mb = re.search(r"\[B:(\d{8})\]", content)
            born = parse_yyyymmdd(mb[1]) if mb else None
            if born:
                BIRTHS[(country[:3], loose_key(rec.name))] = born
            for sp in spans:
                code = country + "GOV"
                mc = re.match(r"^\s*([A-Z]{3,})\s*(.*)$", sp)
                if mc:
                    code, sp = mc[1], mc[2]
                r = ci_spec(sp, where)
                if r and born and r[0] and r[0] < born:
                    # a term that starts before the holder's birth is a misplaced
                    # line (MARK_RUTTE_ carries Marijnen's 1963-1965 term, B:1967)
                    warn(f"countryinfo: {names[0]} [{sp.strip()}] starts before birth {born} at {where}; dropped")
                    continue
                if r:
                    rec.roles.append(Role(code, title, r[0], r[1], "countryinfo", "countryinfo"))
            if rec.roles:
                recs.append(rec)
            continue
        if block == "Government":
            mt = re.match(r"^#\s*<([^>/][^>]*)>", s)
            if mt:
                gov_title = mt[1].strip()
                continue
            if not s or s.startswith("#"):
                continue
            content, _, comment = s.partition("#")
            names = ci_names(content)
            title = clean_field(comment) or gov_title or ""
            restr = re.findall(r"\[([A-Z]{3,})\s+([^\]]*)\]", content)
            if not names or not restr:
                continue
            rec = Rec(title_case(names[0]), "countryinfo")
            for n in names[1:]:
                rec.aliases.append(("", title_case(n)))
            for code, spec in restr:
                r = ci_spec(spec, where)
                if not r:
                    continue
                if re.search(r"defen[cs]e", title, re.I) and code == country[:3] + "MIL":
                    code = code[:3] + "GOVMIL"
                rec.roles.append(Role(code, title or describe(code), r[0], r[1], "countryinfo", "countryinfo"))
            if rec.roles:
                recs.append(rec)
    return recs, demonyms


# ----------------------------------------------------------------------------
# wikidata-2022

WD_COUNTRY = {"france-cabinet": "FRA", "iran-ministers": "IRN", "israel-ministers": "ISR",
              "russia-cabinet": "RUS", "ukraine-cabinet": "UKR", "us-cabinet": "USA"}

POSITION_RULES = [
    # (regex, agent suffix) -- first match wins
    (r"first lady", "ELI"),
    (r"liaison between the knesset", "GOV"),
    (r"supreme commander-in-chief", "GOV"),
    (r"military cabinet", "MIL"),
    (r"(minister|secretary|ministry)\b.*\b(defen[cs]e|armed forces)|secretary of the (army|navy|air force)|under secretary of (the army|defense)|assistant secretary of defense|home front defence", "GOVMIL"),
    (r"chief of (the )?(general )?staff of the (army|armed forces)|chief of (the )?general staff|joint chiefs|chief of naval operations|vice chief|commandant of the marine|commander|chief of staff of the army", "MIL"),
    (r"security council|national security (and defense )?council|national security advis|homeland security advis", "GOV"),
    (r"intelligence|\bcia\b|mossad|security service", "GOVSPY"),
    (r"\bfbi\b", "GOVCOP"),
    (r"speaker|state duma|federation council|verkhovna rada|national assembly|president of the senate|knesset|consultative assembly|assembly of experts", "LEG"),
    (r"supreme court|chief justice|justice of|vice chief justice|constitutional court", "JUD"),
    (r"attorney|prosecutor|solicitor general|minister of justice|^justice minister", "GOVJUD"),
    (r"central bank|national bank|federal reserve|bank of israel", "GOVBUS"),
    (r"ambassador|permanent representative|envoy|plenipotentiary|representative", "GOV"),
    (r"interior|internal affairs|homeland security|public security", "GOV"),
    (r"foreign|europe and foreign|european affairs", "GOV"),
    (r"health|healthcare", "GOVHLH"),
    (r"education|science|higher ed|research", "GOVEDU"),
    (r"agricult|agrarian|food|fisheries|rural", "GOVAGR"),
    (r"labou?r|social (policy|protection|welfare)|welfare|cooperation|pensions|solidarity", "GOVLAB"),
    (r"environment|ecolog|natural resources|biodiversity|water", "GOVENV"),
    (r"culture|communication|information|media|digital|sport", "GOVMED"),
    (r"religio|islamic culture", "GOVREL"),
    (r"refugee|immigra|absorption|reintegration|occupied territories", "GOVREF"),
    (r"women|gender|equal|children|disabled", "GOVHRI"),
    (r"trade|industr|commerce|energy|petroleum|oil|transport|tourism|construction|housing|infrastructure|business|enterprise|economic development|strategic industries|revenues", "GOVBUS"),
]


def position_code(country, position):
    p = position.lower()
    for rx, agent in POSITION_RULES:
        if re.search(rx, p):
            return country + agent
    return country + "GOV"


def load_wikidata(shared):
    base = os.path.join(shared, "reference", "leaders", "wikidata-2022")
    recs = {}
    labels = {}
    for folder, cty in sorted(WD_COUNTRY.items()):
        d = os.path.join(base, folder)
        bio = os.path.join(d, "bio.csv")
        if os.path.exists(bio):
            with open(bio, encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    if r.get("id") and r.get("name"):
                        labels.setdefault(r["id"], set()).add(r["name"])
                        if r.get("enwiki"):
                            labels[r["id"]].add(r["enwiki"])
        rows = []
        for fn in ("holders21.csv", "current.csv"):
            p = os.path.join(d, fn)
            if os.path.exists(p):
                with open(p, encoding="utf-8") as fh:
                    for r in csv.DictReader(fh):
                        rows.append((r.get("position", ""), r.get("person", ""), r.get("personID", ""),
                                     r.get("start", ""), r.get("end", ""), f"{folder}/{fn}"))
        p = os.path.join(d, "current-cabinet.csv")
        if os.path.exists(p):
            with open(p, encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    rows.append((r.get("positionLabel", ""), r.get("itemLabel", ""), r.get("item", ""),
                                 r.get("start", ""), "", f"{folder}/current-cabinet.csv"))
        seen = set()
        for pos, name, qid, start, end, where in rows:
            pos = clean_field(pos)
            if not qid or not re.fullmatch(r"Q\d+", qid) or not pos or pos == "position":
                continue
            a, b = parse_iso(start), parse_iso(end, is_end=True)
            key = (qid, pos, a, b)
            if key in seen:
                continue
            seen.add(key)
            if re.search(r"supreme commander-in-chief", pos, re.I):
                continue  # ex officio duplicate of the presidency
            rec = recs.get(qid)
            if rec is None:
                rec = recs[qid] = Rec(clean_field(name), "wikidata-2022", qid=qid)
            code = position_code(cty, pos)
            rec.roles.append(Role(code, pos, a, b, "wikidata-2022", "wikidata-2022"))
    # drop an open role when the same position/start also appears closed
    for rec in recs.values():
        closed = {(r.role, r.start) for r in rec.roles if r.end}
        rec.roles = [r for r in rec.roles if r.end or (r.role, r.start) not in closed]
        names = set(labels.get(rec.qid, set())) | {rec.name}
        latin = sorted(n for n in names if is_latin(n) and "," not in n)
        other = sorted(n for n in names if not is_latin(n))
        if not is_latin(rec.name) or "," in rec.name:
            if latin:
                rec.name = latin[0]
        for n in latin:
            if n != rec.name:
                rec.aliases.append(("", re.sub(r"\s*\(.*\)$", "", n)))
        for n in other:
            if "," in n:  # "Surname, Name Patronymic"
                parts = [x.strip() for x in n.split(",", 1)]
                n = parts[1] + " " + parts[0]
            lang = "uk" if rec.roles and rec.roles[0].code.startswith("UKR") else \
                "he" if re.search(r"[\u0590-\u05ff]", n) else \
                "fa" if rec.roles and rec.roles[0].code.startswith("IRN") and re.search(r"[\u0600-\u06ff]", n) else \
                "ar" if re.search(r"[\u0600-\u06ff]", n) else "ru" if re.search(r"[\u0400-\u04ff]", n) else ""
            rec.aliases.append((lang, n))
    return [r for r in recs.values() if r.roles]


# ----------------------------------------------------------------------------
# leaders-2026

LOCAL_LANG = {"RU": "ru", "CN": "zh", "JP": "ja", "KR": "ko", "TH": "th", "SA": "ar", "IN": "hi",
              "KH": "km", "LA": "lo", "MM": "my", "VN": "vi", "FR": "fr", "DE": "de", "IT": "it",
              "AR": "es", "MX": "es", "BR": "pt", "ID": "id", "TR": "tr", "PH": "tl", "BN": "ms",
              "MY": "ms"}
SPECIAL_CODES = {"EU": "IGOEUREEC", "AU_AF": "IGOAFRAFU"}


def load_leaders(shared, iso2to3):
    base = os.path.join(shared, "reference", "leaders", "world-leaders-current-2026")
    recs = []
    for path in sorted(glob.glob(os.path.join(base, "*.current.json"))):
        d = json.load(open(path, encoding="utf-8"))
        iso = d["country"].get("iso_code", "")
        code = SPECIAL_CODES.get(iso) or (iso2to3.get(iso, "") + "GOV")
        if len(code) < 6:
            warn(f"leaders-2026: no CAMEO code for {iso} in {os.path.basename(path)}")
            continue
        pos = d.get("positions", {})
        hog, hos = pos.get("head_of_government"), pos.get("head_of_state")
        items = []
        same = bool(hog and hog.get("is_same_as_head_of_state"))
        if hog:
            items.append(hog)
        if hos and not same:
            items.append(hos)
        for p in items:
            h = p.get("current_holder") or {}
            if not h.get("name_en"):
                continue
            title = re.sub(r"\s*\(.*\)\s*$", "", p.get("title_en") or "head of state or government")
            rec = Rec(clean_field(h["name_en"]), "leaders-2026", qid=h.get("wikidata_id"))
            loc = clean_field(h.get("name_local") or "")
            if loc and norm_key(loc) != norm_key(rec.name):
                rec.aliases.append((LOCAL_LANG.get(iso, ""), loc))
            rec.roles.append(Role(code, title, parse_iso(h.get("since")), None, "leaders-2026", "leaders-2026"))
            recs.append(rec)
    changes = []
    p = os.path.join(base, "changes_2026.json")
    if os.path.exists(p):
        for c in json.load(open(p, encoding="utf-8")).get("changes", []):
            changes.append(c)
    return recs, changes


# ----------------------------------------------------------------------------
# curated

def load_curated(path):
    recs = {}
    order = []
    with open(path, encoding="utf-8") as fh:
        first = fh.readline().rstrip("\n")
        if first.strip() != "#dyad-format curated-roles 1":
            sys.exit(f"{path}:1: expected '#dyad-format curated-roles 1'")
        for ln, line in enumerate(fh, 2):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) != 8:
                sys.exit(f"{path}:{ln}: expected 8 fields, got {len(f)}")
            pid, name, aliases, code, role, start, end, source = [x.strip() for x in f]
            if not source:
                sys.exit(f"{path}:{ln}: field source is empty")
            a = parse_iso(start) if start else None
            b = parse_iso(end) if end else None
            if start and not a or end and not b:
                sys.exit(f"{path}:{ln}: bad date")
            if not re.fullmatch(r"[A-Z]{3}[A-Z]*", code):
                sys.exit(f"{path}:{ln}: field code '{code}' is not a CAMEO code")
            rec = recs.get(pid)
            if rec is None:
                m = re.search(r"-(Q\d+)$", pid)
                rec = recs[pid] = Rec(name, "curated", qid=m[1] if m else None, cid=pid)
                order.append(pid)
            for al in aliases.split("|"):
                al = al.strip()
                if not al:
                    continue
                m = re.match(r"^([a-z]{2,3}):(.*)$", al)
                lang, surf = (m[1], m[2].strip()) if m else ("", al)
                if (lang, surf) not in rec.aliases:
                    rec.aliases.append((lang, surf))
            rec.roles.append(Role(code, role, a, b, "curated:" + source, "curated"))
    return [recs[p] for p in order]


# ----------------------------------------------------------------------------
# merging

class UF:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            if a > b:
                a, b = b, a
            self.p[b] = a


def merge(recs):
    n = len(recs)
    uf = UF(n)
    byq = defaultdict(list)
    for i, r in enumerate(recs):
        if r.qid:
            byq[r.qid].append(i)
    for idx in byq.values():
        for j in idx[1:]:
            uf.union(idx[0], j)
    # name keys: the main name, plus full-name aliases for curated/leaders/wikidata
    bykey = defaultdict(list)
    for i, r in enumerate(recs):
        keys = {loose_key(r.name)}
        if True:
            for lang, a in r.aliases:
                if is_latin(a) and len(a.split()) >= 2:
                    keys.add(loose_key(a))
        for k in keys:
            if k and len(k.split()) >= 2:
                bykey[k].append(i)
    cty = [r.countries() for r in recs]
    for k, idx in sorted(bykey.items()):
        if len(idx) < 2:
            continue
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                if uf.find(i) == uf.find(j):
                    continue
                qi, qj = recs[uf.find(i)].qid, recs[uf.find(j)].qid
                if recs[i].qid and recs[j].qid and recs[i].qid != recs[j].qid:
                    continue
                if not cty[i] or not cty[j] or cty[i] & cty[j]:
                    uf.union(i, j)
    merge_same_term(recs, uf)
    groups = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(recs[i])
    return list(groups.values())


def within_one_edit(a, b):
    """True when a and b differ by at most one substituted, inserted or deleted letter."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def surname_key(name):
    words = loose_key(name).split()
    return words[-1] if words else ""


def merge_same_term(recs, uf):
    """One person written two ways by an older source: two records holding one
    single-holder office (``office_of``) over exactly the same term -- same
    jurisdiction, start and end, both from wikidata-2022/countryinfo/phoenix --
    whose surnames (last word of the loose key, at least 4 letters) are equal or
    one letter apart are the same person.  CountryInfo lists many people once
    under <Leaders> and once under <Government>, spelt differently (Kostas /
    Konstandinos Simitis, Hans / Johannes Stefanus Joseph Hillen, Abu Bakr
    al-Qirbi / al-Qorbi, Jean-Bedel / Salah Eddine Ahmed Bokassa); a
    single-holder office cannot have two holders with one surname over the same
    days.  Genuine collective heads (Somalia's National Salvation Council 1997,
    Georgia's Military Council 1992) have different surnames and stay apart."""
    names = load_country_names()
    byterm = defaultdict(set)
    for i, r in enumerate(recs):
        if r.src not in OLDER:
            continue
        for ro in r.roles:
            o = single_office(ro, names)
            if o:
                byterm[o + (ro.start, ro.end)].add(i)
    merged = 0
    for _, idx in sorted(byterm.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3] or dt.date.max)):
        idx = sorted(idx)
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                if uf.find(i) == uf.find(j):
                    continue
                if recs[i].qid and recs[j].qid and recs[i].qid != recs[j].qid:
                    continue
                si, sj = surname_key(recs[i].name), surname_key(recs[j].name)
                if len(si) >= 4 and len(sj) >= 4 and within_one_edit(si, sj):
                    uf.union(i, j)
                    merged += 1
    if merged:
        print(f"merged {merged} record pair(s) holding one office over the same term under one surname",
              file=sys.stderr)


def close_by_curated(roles):
    cur = sorted((r for r in roles if r.src == "curated"), key=lambda r: (r.start or dt.date.min, r.code))
    if not cur:
        return 0
    changed = 0
    for r in roles:
        if r.src not in OLDER or r.end is not None:
            continue
        rs = r.start or dt.date.min
        for c in cur:
            cs = c.start or dt.date.min
            if cs < rs:
                if c.code == r.code and (c.end is None or c.end > rs):
                    if c.end is not None:
                        r.end = c.end
                        changed += 1
                    break
                continue
            if cs == rs:
                if c.code != r.code:
                    continue
                if c.end is not None:
                    r.end = c.end
                    changed += 1
                break
            r.end = cs
            changed += 1
            break
    return changed


def supersede_open(roles):
    """An open-ended role from an older source whose start falls inside a
    closed role of the same code from another non-curated source (allowing
    that one to start up to 31 days later) is taken to be the same office:
    the closed one knows how it ended, the open one is dropped."""
    out = []
    for r in roles:
        if r.end is None and r.src in OLDER:
            rs = r.start or dt.date.min
            closed = [o for o in roles
                      if o.src != r.src and o.code == r.code and o.end is not None and o.src != "curated"
                      and o.start and r.start and (o.start - rs).days <= 31
                      and o.end > rs + dt.timedelta(days=1)]
            if closed:
                same = [o for o in closed if o.start == r.start]
                if same:
                    # Same start: keep this one (dedupe then keeps the more
                    # authoritative of the two), ended as the closed one.
                    r.end = min(o.end for o in same)
                    out.append(r)
                continue
        out.append(r)
    return out


# ----------------------------------------------------------------------------
# single-holder offices (mirror of crates/kb/src/lib.rs `Kb::office_of`)

OFFICES_EXACT = {
    "president": "head of state", "president of the republic": "head of state", "king": "head of state",
    "queen": "head of state", "monarch": "head of state", "emperor": "head of state",
    "empress": "head of state", "emir": "head of state", "amir": "head of state", "sultan": "head of state",
    "grand duke": "head of state", "head of state": "head of state",
    "prime minister": "head of government", "premier": "head of government",
    "chancellor": "head of government", "head of government": "head of government",
    "president of the government": "head of government",
}
OFFICES_MINISTRY = [
    ("minister of defence", "defence minister"), ("minister of defense", "defence minister"),
    ("minister of national defence", "defence minister"), ("minister of national defense", "defence minister"),
    ("minister for defence", "defence minister"), ("minister for defense", "defence minister"),
    ("minister for national defence", "defence minister"), ("minister of the armed forces", "defence minister"),
    ("defence minister", "defence minister"), ("defense minister", "defence minister"),
    ("secretary of defense", "defence minister"), ("secretary of national defense", "defence minister"),
    ("secretary of national defence", "defence minister"),
    ("minister of foreign affairs", "foreign minister"), ("minister for foreign affairs", "foreign minister"),
    ("minister of external affairs", "foreign minister"), ("minister for external affairs", "foreign minister"),
    ("minister of foreign relations", "foreign minister"),
    ("minister for europe and foreign affairs", "foreign minister"),
    ("foreign minister", "foreign minister"), ("foreign secretary", "foreign minister"),
    ("secretary of state", "foreign minister"), ("secretary of foreign affairs", "foreign minister"),
    ("secretary of foreign relations", "foreign minister"),
    ("minister of international relations and cooperation", "foreign minister"),
    ("minister of interior", "interior minister"), ("minister of the interior", "interior minister"),
    ("minister for the interior", "interior minister"), ("minister of internal affairs", "interior minister"),
    ("minister of home affairs", "interior minister"), ("minister for home affairs", "interior minister"),
    ("interior minister", "interior minister"), ("home secretary", "interior minister"),
    ("secretary of the interior", "interior minister"), ("minister of public safety", "interior minister"),
    ("secretary of government", "interior minister"),
]
NOT_THE_OFFICE = ["deputy", "vice", "acting", "of state for", "elite"]
AGENT_CODES = set("GOV MIL LEG JUD OPP CVL REB MED BUS COP SPY EDU REL HLH ELI LAB AGR ENV HRI UAF CRM RAD "
                  "REF PTY MNC NGO IGO DEV INS MOD SEP IMG".split())
FOLD_CHARS = {"œ": "oe", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "ø": "o", "þ": "th", "ð": "d",
              "\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "}


def fold_text(s):
    """Approximately dyad_text::fold: lowercase, Latin accents stripped."""
    s = "".join(FOLD_CHARS.get(c, c) for c in s.lower())
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def office_key(s):
    """dyad_kb::name_key: folded, words split at hyphens and spaces."""
    return " ".join(w for w in re.split(r"[-\s]", fold_text(s)) if w)


def load_country_names():
    """English names and demonyms per country code, from data/names/countries.tsv."""
    m = defaultdict(lambda: ([], []))
    with open(os.path.join(REPO, "data", "names", "countries.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 4 or f[1] != "en":
                continue
            if f[2] in ("name", "short"):
                m[f[0]][0].append(office_key(f[3]))
            elif f[2] == "demonym":
                m[f[0]][1].append(office_key(f[3]))
    for names, dems in m.values():
        names.sort(key=len, reverse=True)
        dems.sort(key=len, reverse=True)
    return dict(m)


def strip_word_prefix(s, prefix):
    if s.startswith(prefix) and s[len(prefix):len(prefix) + 1] == " ":
        return s[len(prefix) + 1:]
    return None


def office_of(description, names, demonyms):
    if " & " in description:
        return None
    s = office_key(description)
    if "(" in s:
        s = s[:s.index("(")].rstrip()
    for w in NOT_THE_OFFICE:
        if (w in s) if " " in w else (w in s.split(" ")):
            return None
    while s.startswith("the "):
        s = s[4:]
    for n in names + demonyms:
        r = strip_word_prefix(s, n)
        if r is not None:
            s = r
            break
    for n in names:
        if s.endswith(n):
            r = s[:len(s) - len(n)]
            if r.endswith(" of the "):
                s = r[:-len(" of the ")]
                break
            if r.endswith(" of "):
                s = r[:-len(" of ")]
                break
    r = strip_word_prefix(s, "federal")
    if r is not None:
        s = r
    if s in OFFICES_EXACT:
        return OFFICES_EXACT[s]
    for o, k in OFFICES_MINISTRY:
        if o == s:
            return k
    for o, k in OFFICES_MINISTRY:
        r = strip_word_prefix(s, o)
        if r is not None and r.startswith("and "):
            return k
    return None


def jurisdiction(code):
    g = code[3:6]
    if len(g) == 3 and g not in AGENT_CODES:
        return code[:6]
    return code[:3]


def single_office(r, names):
    """(jurisdiction, office) of a dated, non-elite role that is a single-holder
    office (see ``office_of``), else None."""
    if r.start is None or r.code.endswith("ELI") or r.role.startswith("elite"):
        return None
    nd = names.get(r.code[:3])
    if not nd:
        return None
    o = office_of(r.role, nd[0], nd[1])
    return (jurisdiction(r.code), o) if o else None


def close_by_successor(persons):
    """Single-holder offices: shorten older-source roles that a later holder
    (or a curated holder) contradicts.  See the module docstring."""
    names = load_country_names()
    groups = defaultdict(list)
    for pi, p in enumerate(persons):
        for r in p["roles"]:
            if r.start is not None and r.end is not None and r.end <= r.start:
                continue
            o = single_office(r, names)
            if o:
                groups[o].append((pi, r))
    stats = {"dropped": 0, "trimmed": 0, "closed": 0, "by_office": Counter()}
    drop = set()
    for (_, office), rs in groups.items():
        # (a) curated rows win: an older role starting inside another person's
        # curated term loses that part (or is dropped when nothing is left).
        for pi, r in rs:
            if r.src not in OLDER:
                continue
            for pj, c in rs:
                if pj == pi or c.src != "curated" or not (c.start <= r.start and (c.end is None or r.start < c.end)):
                    continue
                if c.end is not None and (r.end is None or r.end > c.end):
                    r.start = c.end
                    stats["trimmed"] += 1
                else:
                    drop.add(id(r))
                    stats["dropped"] += 1
                    break
        live = sorted(((pi, r) for pi, r in rs if id(r) not in drop), key=lambda x: (x[1].start, x[0]))
        # (b) an older role still open (or running past) when the next holder
        # takes office ends on that day.
        for pi, r in live:
            if r.src not in OLDER:
                continue
            nxt = next((o for pj, o in live if pj != pi and o.start > r.start), None)
            if nxt is not None and (r.end is None or r.end > nxt.start):
                r.end = nxt.start
                stats["closed"] += 1
                stats["by_office"][office] += 1
    if drop:
        for p in persons:
            p["roles"] = [r for r in p["roles"] if id(r) not in drop]
    return stats


def dedupe(roles):
    roles = sorted(roles, key=lambda r: (PRIORITY[r.src], r.key()))
    kept = []
    for r in roles:
        dup = False
        for k in kept:
            if k.code != r.code:
                continue
            if k.start != r.start and not (k.start is None or r.start is None) :
                continue
            if k.start != r.start and k.end is None:
                continue
            if k.end == r.end or (k.end and r.end and abs((k.end - r.end).days) <= 1):
                dup = True
                break
        if not dup:
            kept.append(r)
    return kept


def choose_name(group):
    for src in ("curated", "leaders-2026", "wikidata-2022", "countryinfo", "phoenix"):
        for r in group:
            if r.src == src and r.name and is_latin(r.name):
                return r.name
    return group[0].name


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.environ.get("DYAD_SHARED") or os.path.join(REPO, "..", "shared"))
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)
    if not os.path.isdir(os.path.join(shared, "reference")):
        sys.exit(f"no reference/ under {shared}; pass --shared")

    iso = json.load(open(os.path.join(shared, "reference", "names", "iso_3166-1.json"), encoding="utf-8"))
    iso2to3 = {c["alpha_2"]: c["alpha_3"] for c in iso["3166-1"]}

    curated = load_curated(CURATED)
    leaders, changes = load_leaders(shared, iso2to3)
    wikidata = load_wikidata(shared)
    ci, demonyms = load_countryinfo(shared)
    phx, pstats = load_phoenix(shared, demonyms)
    print(f"records: curated {len(curated)}, leaders-2026 {len(leaders)}, wikidata-2022 {len(wikidata)}, "
          f"countryinfo {len(ci)}, phoenix {len(phx)} (skipped: {dict(pstats)})", file=sys.stderr)

    recs = curated + leaders + wikidata + ci + phx
    groups = merge(recs)
    big = sorted(groups, key=len, reverse=True)[:5]
    print("largest merged groups: " + "; ".join(f"{choose_name(g)} x{len(g)}" for g in big), file=sys.stderr)

    # leaders-2026 changes: close the outgoing holder's open role
    for c in changes:
        old = loose_key(c.get("old_holder_en") or "")
        when = parse_iso(c.get("change_date"))
        for g in groups:
            if old and any(loose_key(r.name) == old for r in g):
                for rec in g:
                    for ro in rec.roles:
                        if ro.end is None and (ro.start or dt.date.min) < when and \
                                re.search(re.escape(c.get("position_title", "")), ro.role, re.I):
                            ro.end = when

    persons = []
    dropped = []
    closed = 0
    for g in groups:
        # Phoenix copied some CountryInfo lines with their errors (MARK_RUTTE_
        # [NLDGOV 630724-650414]): no older-source role starts before a birth
        # date CountryInfo gives for the person.
        born = max((BIRTHS[(c, loose_key(r.name))] for r in g for c in r.countries()
                    if (c, loose_key(r.name)) in BIRTHS), default=None)
        roles = [ro for r in g for ro in r.roles
                 if not (born and ro.src in OLDER and ro.start and ro.start < born)]
        roles = supersede_open(roles)
        roles = [ro for ro in roles
                 if not (ro.src == "leaders-2026" and ro.start is None and ro.end is None
                         and any(c.src == "curated" and c.code == ro.code and c.end is None for c in roles))]
        closed += close_by_curated(roles)
        good = []
        for ro in roles:
            if ro.start and ro.end and ro.start >= ro.end:
                dropped.append((choose_name(g), ro))
                continue
            good.append(ro)
        roles = dedupe(good)
        if not roles:
            continue
        name = clean_field(choose_name(g))
        qids = sorted({r.qid for r in g if r.qid}, key=lambda q: int(q[1:]))
        cids = sorted({r.cid for r in g if r.cid})
        aliases = []
        seen = {("", norm_key(name))}
        for r in sorted(g, key=lambda r: PRIORITY[r.src]):
            for lang, a in [("", r.name)] + r.aliases:
                a = clean_field(a)
                if not a:
                    continue
                k = (lang if not is_latin(a) or lang else "", norm_key(a) if is_latin(a) else a)
                if k in seen or (is_latin(a) and ("", norm_key(a)) in seen and not lang):
                    continue
                seen.add(k)
                aliases.append((lang, a))
        persons.append({"name": name, "qids": qids, "cids": cids, "aliases": aliases, "roles": roles})

    succ = close_by_successor(persons)
    persons = [p for p in persons if p["roles"]]

    # ids
    def base_id(p):
        s = p["cids"][0] if p["cids"] else slug(p["name"])
        if p["qids"] and not re.search(r"-Q\d+$", s):
            s = f"{s}-{p['qids'][0]}"
        return s

    def sort_key(p):
        r0 = min(p["roles"], key=lambda r: r.key())
        return (base_id(p), r0.code, fmt(r0.start), p["name"])

    persons.sort(key=sort_key)
    used = Counter()
    for p in persons:
        b = base_id(p)
        used[b] += 1
    seen_ids = Counter()
    for p in persons:
        b = base_id(p)
        if used[b] > 1:
            cty = sorted({r.code[:3].lower() for r in p["roles"]})
            cand = f"{b}-{cty[0]}" if cty else b
            seen_ids[cand] += 1
            p["id"] = cand if seen_ids[cand] == 1 else f"{cand}-{seen_ids[cand]}"
        else:
            p["id"] = b
    ids = Counter(p["id"] for p in persons)
    assert all(v == 1 for v in ids.values()), [k for k, v in ids.items() if v > 1][:5]
    persons.sort(key=lambda p: p["id"])

    # write
    os.makedirs(OUT_DIR, exist_ok=True)
    src_line = ("data/actors/curated-2022-2026.tsv, reference/leaders/world-leaders-current-2026, "
                "reference/leaders/wikidata-2022, reference/countryinfo/CountryInfo.120116.txt, "
                "reference/petrarch2/Phoenix.*.actors.txt")
    with open(os.path.join(OUT_DIR, "persons.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("#dyad-format persons 1\n")
        fh.write(f"# generated by tools/gen_actors.py from {src_line}; do not edit by hand\n")
        fh.write("# columns: id, name, aliases (|-separated, optional lang: prefix)\n")
        for p in persons:
            al = "|".join((f"{l}:{a}" if l else a) for l, a in p["aliases"])
            fh.write(f"{p['id']}\t{p['name']}\t{al}\n")
    nroles = 0
    with open(os.path.join(OUT_DIR, "roles.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("#dyad-format roles 1\n")
        fh.write(f"# generated by tools/gen_actors.py from {src_line}; do not edit by hand\n")
        fh.write("# columns: person, code, role, start, end (exclusive), source\n")
        for p in persons:
            for r in sorted(p["roles"], key=lambda r: r.key()):
                fh.write("\t".join([p["id"], r.code, clean_field(r.role), fmt(r.start), fmt(r.end),
                                    clean_field(r.source).replace(" ", "")
                                    if not r.source.startswith("curated:") else clean_field(r.source)]) + "\n")
                nroles += 1
    write_manifest()

    # summary
    langs = Counter(l or "-" for p in persons for l, _ in p["aliases"])
    countries = {r.code[:3] for p in persons for r in p["roles"]
                 if r.code[:3] not in NON_COUNTRY and re.fullmatch(r"[A-Z]{3}", r.code[:3])}
    dated = sum(1 for p in persons if any(r.start or r.end for r in p["roles"]))
    bysrc = Counter(r.src for p in persons for r in p["roles"])
    print(f"persons: {len(persons)} ({dated} with dated roles)")
    print(f"roles: {nroles} by source: {dict(sorted(bysrc.items()))}")
    print(f"aliases: {sum(langs.values())} by language: {dict(sorted(langs.items()))}")
    print(f"countries covered: {len(countries)}")
    print(f"older open-ended roles closed by curated rows: {closed}")
    print(f"single-holder offices: older roles dropped as contradicted by a curated holder: {succ['dropped']}, "
          f"started after a curated holder's term: {succ['trimmed']}, closed at the next holder's start: "
          f"{succ['closed']} (by office: {dict(sorted(succ['by_office'].items()))})")
    print(f"roles dropped (start >= end): {len(dropped)}")
    for name, ro in sorted(dropped, key=lambda x: (x[0], x[1].key()))[:200]:
        print(f"  WARNING dropped {name}: {ro.code} {fmt(ro.start)} -> {fmt(ro.end)} [{ro.source}]")
    if WARNINGS:
        print(f"input warnings: {len(WARNINGS)}")
        for w in WARNINGS[:100]:
            print("  WARNING " + w)


MANIFEST = """# generated by tools/gen_actors.py; do not edit by hand
# The merged persons/roles files carry the most restrictive licence of their inputs:
# CC BY-SA (CountryInfo CC BY-SA 3.0; world-leaders-current CC BY-SA 4.0).

[[file]]
path = "data/actors/persons.tsv"
kind = "persons"
format_version = 1
version = "{v}"
source = "CountryInfo.120116 (P. Schrodt); PETRARCH2 Phoenix actor dictionaries (Open Event Data Alliance); world-leaders-current 2026-08-22 snapshot (open-data-archive, from Wikidata/Wikipedia); Wikidata cabinet extracts 2022; data/actors/curated-2022-2026.tsv"
licence = "CC-BY-SA-4.0 (merged; inputs: CC-BY-SA-3.0, MIT, CC-BY-SA-4.0, CC0-1.0, MIT OR Apache-2.0)"
attribution = "Contains information from CountryInfo.txt by Philip A. Schrodt (CC BY-SA 3.0), PETRARCH2 dictionaries (c) 2014 Open Event Data Alliance (MIT), World Leaders Current (CC BY-SA 4.0) and Wikidata (CC0)."
generator = "tools/gen_actors.py"

[[file]]
path = "data/actors/roles.tsv"
kind = "roles"
format_version = 1
version = "{v}"
source = "as persons.tsv; each row names its source in the source column"
licence = "CC-BY-SA-4.0 (merged; inputs: CC-BY-SA-3.0, MIT, CC-BY-SA-4.0, CC0-1.0, MIT OR Apache-2.0)"
attribution = "Contains information from CountryInfo.txt by Philip A. Schrodt (CC BY-SA 3.0), PETRARCH2 dictionaries (c) 2014 Open Event Data Alliance (MIT), World Leaders Current (CC BY-SA 4.0) and Wikidata (CC0)."
generator = "tools/gen_actors.py"

[[file]]
path = "data/actors/curated-2022-2026.tsv"
kind = "curated-roles"
format_version = 1
version = "{v}"
source = "hand-written from published pages cited row by row"
licence = "MIT OR Apache-2.0"
attribution = "dyad contributors (facts with citations)"
generator = "hand-written"
"""


def write_manifest():
    with open(os.path.join(OUT_DIR, "MANIFEST.toml"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(MANIFEST.format(v=VERSION))


if __name__ == "__main__":
    main()
