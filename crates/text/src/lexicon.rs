//! `data/lang/<lang>/lexicon.tsv`: the closed-class words of one language.
//!
//! Columns `kind surface [value]` (see `docs/data-formats.md`). The rows the
//! text layer uses itself (abbreviations, months, weekdays, relative days,
//! boilerplate, stopwords) are indexed by their folded surface; every row
//! stays available through [`LangRules::entries`] for the coder.

use crate::fold::{fold, fold_into};
use crate::lang::spec;
use crate::scan::{first_byte_ranges, Keys};
use crate::{Lang, TextError};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FxHash (rustc's hasher): the keys are short words from our own data, so a
/// fast non-keyed hash is safe and the lookups sit in the splitting loop.
/// (Also used by the coder for its own word tables.)
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxSet = HashSet<String, BuildHasherDefault<Fx>>;
/// A map keyed by words, hashed with [`Fx`].
pub type FxMap<V> = HashMap<String, V, BuildHasherDefault<Fx>>;

/// Format kind and version of the lexicon header.
const FORMAT: (&str, u32) = ("lexicon", 1);

/// The kinds a lexicon row may have (docs/data-formats.md).
pub const LEXICON_KINDS: &[&str] = &[
    "negation",
    "condition",
    "hypothetical",
    "speculation",
    "modal_conditional",
    "intent",
    "attribution_prep",
    "attribution_verb",
    "reporting_verb",
    "coordination",
    "pair",
    "abbreviation",
    "month",
    "weekday",
    "relative_day",
    "boilerplate",
    "stopword",
    "article",
];

#[derive(Debug, Clone)]
struct Row {
    kind: usize,
    surface: String,
    value: Option<String>,
}

/// A weekday or relative-day expression found by the day automaton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayExpr {
    /// ISO weekday, 1 = Monday.
    Weekday(u8),
    /// Days from the reference date.
    Offset(i32),
}

/// The parsed lexicon of one language.
pub struct LangRules {
    file: String,
    lang: Option<Lang>,
    rows: Vec<Row>,
    /// Folded abbreviation → whether it must be written with a capital
    /// ("No." is one, "no." is not).
    abbreviations: FxMap<bool>,
    /// Bit `n` of `abbreviation_shapes[b]` is set when an abbreviation key
    /// of `n` bytes (bit 31: 31 or more) starts with byte `b`.
    abbreviation_shapes: Vec<u32>,
    /// The ASCII keys of `abbreviations` of at most 15 bytes, packed
    /// ([`pack_ascii_key`]) and sorted, with their flag: what
    /// [`LangRules::ascii_abbreviation`] searches.
    ascii_abbreviations: Vec<(u128, bool)>,
    /// Bit `b & 31` of `abbreviation_ends[a & 31]` is set when an
    /// abbreviation key ends with the ASCII letters `a`, `b`.
    abbreviation_ends: [u32; 32],
    months: FxMap<u8>,
    weekdays: FxMap<u8>,
    relative_days: FxMap<i32>,
    boilerplate: Vec<String>,
    /// `boilerplate[r.0..r.1]` for `r = boilerplate_first[b]` start with `b`.
    boilerplate_first: Vec<(u32, u32)>,
    /// Entries of `boilerplate` that are empty (they sort first).
    boilerplate_empty: usize,
    /// Length of the longest `boilerplate` entry.
    boilerplate_longest: usize,
    /// Bit `a | b << 8` is set when an entry starts with bytes `a, b`, or
    /// is the one byte `a` (see [`LangRules::may_start_boilerplate`]).
    boilerplate_pairs: Vec<u64>,
    /// The first four bytes of each `boilerplate` entry and which of them
    /// it has ([`head4`], [`LangRules::boilerplate_prefixing`]).
    boilerplate_heads: Vec<(u32, u32)>,
    stopwords: FxSet,
    day_matcher: Option<Keys>,
    day_exprs: Vec<DayExpr>,
}

impl fmt::Debug for LangRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LangRules")
            .field("file", &self.file)
            .field("lang", &self.lang)
            .field("rows", &self.rows.len())
            .field("abbreviations", &self.abbreviations.len())
            .field("months", &self.months.len())
            .field("weekdays", &self.weekdays.len())
            .field("relative_days", &self.relative_days.len())
            .field("boilerplate", &self.boilerplate.len())
            .field("stopwords", &self.stopwords.len())
            .finish()
    }
}

/// Words of [`LangRules::may_start_boilerplate`]'s bit set (one bit per pair
/// of bytes).
const PAIR_WORDS: usize = (1 << 16) / 64;

/// Folds a surface and drops one trailing period ("Jan." → "jan").
fn key(surface: &str) -> String {
    let mut k = fold(surface.trim());
    if k.len() > 1 && k.ends_with('.') {
        k.pop();
    }
    k
}

impl LangRules {
    /// Rules with no entries (what [`rules`] falls back to if a bundled file
    /// were broken).
    pub fn empty(file: &str) -> LangRules {
        LangRules {
            file: file.to_string(),
            lang: None,
            rows: Vec::new(),
            abbreviations: FxMap::default(),
            abbreviation_shapes: vec![0; 256],
            ascii_abbreviations: Vec::new(),
            abbreviation_ends: [0; 32],
            months: FxMap::default(),
            weekdays: FxMap::default(),
            relative_days: FxMap::default(),
            boilerplate: Vec::new(),
            boilerplate_first: vec![(0, 0); 256],
            boilerplate_empty: 0,
            boilerplate_longest: 0,
            boilerplate_pairs: vec![0; PAIR_WORDS],
            boilerplate_heads: Vec::new(),
            stopwords: FxSet::default(),
            day_matcher: None,
            day_exprs: Vec::new(),
        }
    }

    /// Parses a lexicon; `file` names it in errors (`file:line`).
    ///
    /// ```
    /// let r = dyad_text::LangRules::parse("#dyad-format lexicon 1\nmonth\tJan.\t1\n", "x.tsv").unwrap();
    /// assert_eq!(r.month("jan"), Some(1));
    /// let e = dyad_text::LangRules::parse("#dyad-format lexicon 2\n", "x.tsv").unwrap_err();
    /// assert!(e.to_string().starts_with("x.tsv:1:"));
    /// ```
    pub fn parse(src: &str, file: &str) -> Result<LangRules, TextError> {
        let mut r = LangRules::empty(file);
        let row_err = |line: usize, field: &'static str, msg: String| TextError::Row { file: file.to_string(), line, field, msg };
        let mut lines = src.lines().enumerate();
        let first = lines.next().map(|(_, l)| l.trim_start_matches('\u{feff}').trim()).unwrap_or("");
        let mut words = first.split_whitespace();
        let header_ok = words.next() == Some("#dyad-format")
            && words.next() == Some(FORMAT.0)
            && words.next().and_then(|v| v.parse::<u32>().ok()) == Some(FORMAT.1)
            && words.next().is_none();
        if !header_ok {
            return Err(TextError::Header {
                file: file.to_string(),
                kind: FORMAT.0,
                version: FORMAT.1,
                found: first.chars().take(80).collect(),
            });
        }
        let mut seen = HashSet::new();
        for (n, raw) in lines {
            let line = n + 1;
            let l = raw.strip_suffix('\r').unwrap_or(raw);
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            let mut fields = l.split('\t');
            let kind_s = fields.next().unwrap_or("").trim();
            let surface = fields.next().map(str::trim).unwrap_or("");
            let value = fields.next().map(str::trim).filter(|v| !v.is_empty());
            if fields.next().is_some() {
                return Err(row_err(line, "value", "more than 3 fields (kind, surface, value)".into()));
            }
            let Some(kind) = LEXICON_KINDS.iter().position(|k| *k == kind_s) else {
                return Err(row_err(line, "kind", format!("unknown kind `{kind_s}` (known: {})", LEXICON_KINDS.join(", "))));
            };
            if surface.is_empty() {
                return Err(row_err(line, "surface", "empty".into()));
            }
            let k = key(surface);
            let int = |lo: i32, hi: i32| -> Result<i32, TextError> {
                value
                    .and_then(|v| v.parse::<i32>().ok())
                    .filter(|v| (lo..=hi).contains(v))
                    .ok_or_else(|| row_err(line, "value", format!("expected an integer {lo}..={hi}, found `{}`", value.unwrap_or(""))))
            };
            match kind_s {
                "abbreviation" => {
                    let capital = surface.chars().next().is_some_and(char::is_uppercase);
                    let e = r.abbreviations.entry(k).or_insert(capital);
                    *e &= capital;
                }
                "month" => {
                    let m = int(1, 12)?;
                    r.months.insert(k, m as u8);
                }
                "weekday" => {
                    let d = int(1, 7)?;
                    r.weekdays.insert(k, d as u8);
                }
                "relative_day" => {
                    let d = int(-366, 366)?;
                    r.relative_days.insert(k, d);
                }
                "boilerplate" => r.boilerplate.push(fold(surface)),
                "stopword" => {
                    r.stopwords.insert(k);
                }
                "negation" => {
                    if let Some(v) = value.filter(|v| *v != "pre" && *v != "post") {
                        return Err(row_err(line, "value", format!("negation value must be `pre` or `post`, found `{v}`")));
                    }
                }
                _ => {}
            }
            if seen.insert((kind, surface, value)) {
                r.rows.push(Row { kind, surface: surface.to_string(), value: value.map(str::to_string) });
            }
        }
        for k in r.abbreviations.keys() {
            if let Some(&b) = k.as_bytes().first() {
                r.abbreviation_shapes[usize::from(b)] |= 1 << k.len().min(31);
            }
        }
        r.ascii_abbreviations =
            r.abbreviations.iter().filter(|(k, _)| k.is_ascii()).filter_map(|(k, &c)| Some((pack_ascii_key(k.as_bytes())?, c))).collect();
        r.ascii_abbreviations.sort_unstable();
        for k in r.abbreviations.keys() {
            if let [.., a, b] = k.as_bytes() {
                if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() {
                    r.abbreviation_ends[usize::from(a & 31)] |= 1 << (b & 31);
                }
            }
        }
        r.boilerplate.sort();
        r.boilerplate.dedup();
        r.boilerplate_first = first_byte_ranges(r.boilerplate.iter().map(String::as_bytes));
        r.boilerplate_empty = r.boilerplate.iter().take_while(|b| b.is_empty()).count();
        r.boilerplate_heads = r.boilerplate.iter().map(|b| head4(b.as_bytes())).collect();
        r.boilerplate_longest = r.boilerplate.iter().map(String::len).max().unwrap_or(0);
        let mut pairs = vec![0u64; PAIR_WORDS];
        for b in &r.boilerplate {
            let seconds = match b.as_bytes() {
                [a, c, ..] => (usize::from(*a) | usize::from(*c) << 8)..=(usize::from(*a) | usize::from(*c) << 8),
                [a] => usize::from(*a)..=(usize::from(*a) | 0xFF << 8),
                [] => continue,
            };
            for k in seconds.step_by(if b.len() == 1 { 256 } else { 1 }) {
                pairs[k / 64] |= 1 << (k % 64);
            }
        }
        r.boilerplate_pairs = pairs;
        r.build_day_matcher();
        Ok(r)
    }

    fn build_day_matcher(&mut self) {
        // Keys keep their final period: "Sun." must not match "the sun".
        let mut keys: HashMap<String, DayExpr> = HashMap::new();
        for r in &self.rows {
            let expr = match (LEXICON_KINDS.get(r.kind).copied(), r.value.as_deref().map(str::parse::<i32>)) {
                (Some("weekday"), Some(Ok(d))) => DayExpr::Weekday(d as u8),
                (Some("relative_day"), Some(Ok(d))) => DayExpr::Offset(d),
                _ => continue,
            };
            keys.insert(fold(r.surface.trim()), expr);
        }
        let mut keys: Vec<_> = keys.into_iter().filter(|(k, _)| !k.is_empty()).collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        if keys.is_empty() {
            return;
        }
        self.day_exprs = keys.iter().map(|(_, e)| *e).collect();
        self.day_matcher = Some(Keys::new(keys.iter().enumerate().map(|(i, (k, _))| (k.as_bytes(), i as u32))));
    }

    /// The file these rules came from.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The language, for the bundled rules returned by [`rules`].
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// Every row of `kind` as `(surface, value)`, in file order, surfaces as
    /// written (not folded).
    pub fn entries<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = (&'a str, Option<&'a str>)> + 'a {
        self.rows.iter().filter(move |r| LEXICON_KINDS.get(r.kind) == Some(&kind)).map(|r| (r.surface.as_str(), r.value.as_deref()))
    }

    /// Whether `token` (as written, with or without its final period) is an
    /// abbreviation after which a period does not end a sentence. An entry
    /// written with a capital ("No.", "Sun.") only matches a capitalised
    /// token, so "said no." still ends a sentence.
    pub fn is_abbreviation(&self, token: &str) -> bool {
        self.abbreviation(&key(token), token.chars().next().is_some_and(char::is_uppercase))
    }

    /// [`LangRules::is_abbreviation`] for a folded token without its final
    /// period, and whether the original token starts with a capital.
    pub fn abbreviation(&self, folded: &str, capitalised: bool) -> bool {
        self.abbreviations.get(folded).is_some_and(|&needs_capital| capitalised || !needs_capital)
    }

    /// [`LangRules::is_abbreviation`] for an ASCII token (with its final
    /// period, if any) whose key has at most 15 bytes, without folding or
    /// hashing it: its key lowercased and packed into a number, looked up
    /// in a sorted list (the sentence splitter asks for every word before a
    /// period that passes [`LangRules::abbreviation_shape`]: 1 MB corpus,
    /// ≈1,100 calls; the splitter 6.35M → 6.25M instructions). `None` for a
    /// longer key.
    pub(crate) fn ascii_abbreviation(&self, token: &[u8]) -> Option<bool> {
        let key = match token {
            [head @ .., b'.'] if token.len() > 1 => head,
            _ => token,
        };
        let packed = pack_ascii_key(key)?;
        let capitalised = token.first().is_some_and(u8::is_ascii_uppercase);
        Some(match self.ascii_abbreviations.binary_search_by_key(&packed, |&(k, _)| k) {
            Ok(i) => self.ascii_abbreviations.get(i).is_some_and(|&(_, needs_capital)| capitalised || !needs_capital),
            Err(_) => false,
        })
    }

    /// Whether some abbreviation's key ends with the ASCII letters `a`, `b`
    /// (in either case): when not, no token that ends with them is one.
    pub(crate) fn may_end_abbreviation(&self, a: u8, b: u8) -> bool {
        // Letters of both cases share their low five bits.
        self.abbreviation_ends[usize::from(a & 31)] & (1 << (b & 31)) != 0
    }

    /// Whether some abbreviation's folded key starts with byte `first` and
    /// has `len` bytes: when not, [`LangRules::abbreviation`] is false for
    /// every such key.
    pub(crate) fn abbreviation_shape(&self, first: u8, len: usize) -> bool {
        self.abbreviation_shapes[usize::from(first)] & (1 << len.min(31)) != 0
    }

    /// Month number of a folded month name or abbreviation ("janvier", "jan",
    /// "jan.").
    pub fn month(&self, folded: &str) -> Option<u8> {
        let k = if folded.len() > 1 { folded.strip_suffix('.').unwrap_or(folded) } else { folded };
        self.months.get(k).copied()
    }

    /// ISO weekday (1 = Monday) of a folded weekday name.
    pub fn weekday(&self, folded: &str) -> Option<u8> {
        let k = if folded.len() > 1 { folded.strip_suffix('.').unwrap_or(folded) } else { folded };
        self.weekdays.get(k).copied()
    }

    /// Day offset of a folded relative-day expression ("hier" → -1).
    pub fn relative_day(&self, folded: &str) -> Option<i32> {
        self.relative_days.get(folded).copied()
    }

    /// Folded boilerplate entries, sorted.
    pub fn boilerplate(&self) -> &[String] {
        &self.boilerplate
    }

    /// The folded boilerplate entries that may start a folded text whose
    /// first byte is `first`: those starting with it, and empty ones.
    #[cfg(test)]
    pub(crate) fn boilerplate_starting(&self, first: Option<u8>) -> impl Iterator<Item = &str> {
        let (lo, hi) = first.map_or((0, 0), |b| self.boilerplate_first[usize::from(b)]);
        let empty = &self.boilerplate[..self.boilerplate_empty];
        empty.iter().chain(&self.boilerplate[lo as usize..hi as usize]).map(String::as_str)
    }

    /// The folded boilerplate entries that may start the folded text
    /// `text`: the empty ones, and those that start with its first byte
    /// and agree with its first four bytes (the sentences that reach it
    /// start with two bytes of an entry, "Moscow" with the "mo" of "More";
    /// comparing every entry of the first byte and second byte cost ≈317
    /// instructions a call; 1 MB corpus: `is_boilerplate_in` 1.78M → 1.55M
    /// instructions).
    pub(crate) fn boilerplate_prefixing<'a>(&'a self, text: &[u8]) -> impl Iterator<Item = &'a str> + 'a {
        let (lo, hi) = text.first().map_or((0, 0), |&b| self.boilerplate_first[usize::from(b)]);
        let (lo, hi) = (lo as usize, hi as usize);
        let (head, _) = head4(text);
        let empty = self.boilerplate[..self.boilerplate_empty].iter();
        let first = self.boilerplate[lo..hi].iter().zip(&self.boilerplate_heads[lo..hi]);
        empty.chain(first.filter(move |&(_, &(h, m))| head & m == h).map(|(b, _)| b)).map(String::as_str)
    }

    /// Whether a boilerplate entry may start a folded text starting with
    /// `bytes`: false only when none can, from its first two bytes alone.
    pub(crate) fn may_start_boilerplate(&self, bytes: &[u8]) -> bool {
        let pair = match bytes {
            _ if self.boilerplate_empty > 0 => return true,
            [] => return false,
            [a] => return self.boilerplate_first[usize::from(*a)].1 > 0,
            [a, b, ..] => usize::from(*a) | usize::from(*b) << 8,
        };
        self.boilerplate_pairs[pair / 64] & (1 << (pair % 64)) != 0
    }

    /// Length of the longest folded boilerplate entry.
    pub(crate) fn boilerplate_longest(&self) -> usize {
        self.boilerplate_longest
    }

    /// Whether a folded word is a stopword.
    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains(folded)
    }

    /// Number of stopwords.
    pub fn stopword_count(&self) -> usize {
        self.stopwords.len()
    }

    pub(crate) fn day_matcher(&self) -> Option<(&Keys, &[DayExpr])> {
        self.day_matcher.as_ref().map(|m| (m, self.day_exprs.as_slice()))
    }
}

/// The first four bytes of `b` (fewer when shorter, the rest zero) as one
/// number, and the mask of those it has: a text starts with `b` only if
/// its own first four bytes, masked, are `b`'s.
fn head4(b: &[u8]) -> (u32, u32) {
    match *b {
        [x, y, z, w, ..] => (u32::from_le_bytes([x, y, z, w]), u32::MAX),
        _ => {
            let mut w = [0; 4];
            w[..b.len()].copy_from_slice(b);
            (u32::from_le_bytes(w), u32::MAX.checked_shr(32 - 8 * b.len() as u32).unwrap_or(0))
        }
    }
}

/// ASCII bytes, lowercased, as one number: the bytes in its low 15 bytes,
/// their count in the top one (so that a key with a NUL byte stays
/// apart); `None` for more than 15 bytes.
fn pack_ascii_key(key: &[u8]) -> Option<u128> {
    let n = u8::try_from(key.len()).ok().filter(|&n| n <= 15)?;
    let mut bytes = [0u8; 16];
    for (d, b) in bytes.iter_mut().zip(key) {
        *d = b.to_ascii_lowercase();
    }
    bytes[15] = n;
    Some(u128::from_le_bytes(bytes))
}

/// Folds `token` into `buf` (cleared first) and drops one final period.
pub(crate) fn abbreviation_key<'b>(token: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    fold_into(token, buf);
    if buf.len() > 1 && buf.ends_with('.') {
        buf.pop();
    }
    buf.as_str()
}

static BUNDLED: [OnceLock<Result<LangRules, TextError>>; 2] = [OnceLock::new(), OnceLock::new()];

/// The bundled rules of `lang` (`data/lang/<lang>/lexicon.tsv`, compiled into
/// the binary), parsed once.
pub fn try_rules(lang: Lang) -> Result<&'static LangRules, TextError> {
    let slot = match lang {
        Lang::Fr => &BUNDLED[0],
        Lang::En => &BUNDLED[1],
    };
    slot.get_or_init(|| {
        let s = spec(lang);
        LangRules::parse(s.lexicon, s.lexicon_file).map(|mut r| {
            r.lang = Some(lang);
            r
        })
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// The bundled rules of `lang`; never panics: if the bundled file failed to
/// parse (which a unit test rules out) this returns empty rules. Use
/// [`try_rules`] to see the error.
pub fn rules(lang: Lang) -> &'static LangRules {
    static EMPTY: OnceLock<LangRules> = OnceLock::new();
    try_rules(lang).unwrap_or_else(|_| EMPTY.get_or_init(|| LangRules::empty("(empty)")))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn ascii_abbreviation_agrees_with_the_folded_lookup() {
        // Every abbreviation of the bundled lexicons, in three cases, with
        // and without its period, with a letter more or less, and words.
        let mut tokens: Vec<String> =
            ["Macron.", "said.", "no.", "No.", "NO.", "x", "X.", ".", "..", "a\u{0}.", "st..", "ABCDEFGHIJKLMNOP."]
                .iter()
                .map(|t| t.to_string())
                .collect();
        let mut checked = 0;
        for lang in Lang::ALL {
            let r = rules(lang);
            for row in r.rows.iter().filter(|row| LEXICON_KINDS.get(row.kind) == Some(&"abbreviation")) {
                let t = row.surface.as_str();
                let bare = t.strip_suffix('.').unwrap_or(t);
                for v in [
                    t.to_string(),
                    bare.to_string(),
                    format!("{bare}."),
                    format!("{bare}x."),
                    format!("x{t}"),
                    t.to_lowercase(),
                    t.to_uppercase(),
                ] {
                    tokens.push(v);
                }
                let mut chars = bare.chars();
                chars.next_back();
                tokens.push(format!("{}.", chars.as_str()));
            }
            let mut buf = String::new();
            for t in tokens.iter().filter(|t| t.is_ascii()) {
                let capitalised = t.chars().next().is_some_and(char::is_uppercase);
                let want = r.abbreviation(abbreviation_key(t, &mut buf), capitalised);
                match r.ascii_abbreviation(t.as_bytes()) {
                    Some(got) => {
                        assert_eq!(got, want, "{lang}: {t:?}");
                        checked += usize::from(want);
                    }
                    None => assert!(abbreviation_key(t, &mut buf).len() > 15, "{lang}: {t:?}"),
                }
            }
        }
        assert!(checked > 100, "abbreviations found: {checked}");
    }

    #[test]
    fn abbreviation_keys_are_folded_without_one_final_period() {
        let mut buf = String::from("stale");
        for (token, key) in [
            ("M.", "m"),
            ("Gén.", "gen"),
            ("U.S.", "u.s"),
            ("No", "no"),
            (".", "."),
            ("", ""),
            ("É.-U.", "e.-u"),
            ("ST..", "st."),
            ("A\u{a0}B.", "a b"),
        ] {
            assert_eq!(abbreviation_key(token, &mut buf), key, "{token:?}");
            let mut folded = fold(token);
            if folded.len() > 1 && folded.ends_with('.') {
                folded.pop();
            }
            assert_eq!(abbreviation_key(token, &mut buf), folded, "{token:?}");
        }
    }

    /// A small French lexicon for tests that must not depend on the data files.
    pub(crate) const FR: &str = "#dyad-format lexicon 1\n# test\n\
abbreviation\tM.\nabbreviation\tMme\nabbreviation\tDr\nabbreviation\tGén.\n\
month\tjanvier\t1\nmonth\tjanv.\t1\nmonth\tfévrier\t2\nmonth\tfévr.\t2\nmonth\tmars\t3\nmonth\tdécembre\t12\n\
weekday\tlundi\t1\nweekday\tmardi\t2\nweekday\tmercredi\t3\nweekday\tjeudi\t4\nweekday\tvendredi\t5\nweekday\tsamedi\t6\nweekday\tdimanche\t7\n\
relative_day\thier\t-1\nrelative_day\tavant-hier\t-2\nrelative_day\taujourd'hui\t0\nrelative_day\tdemain\t1\n\
boilerplate\tPartager cet article\nboilerplate\tÀ lire aussi\n\
stopword\tle\nstopword\tla\nstopword\tles\nstopword\tde\nstopword\tdes\nstopword\tet\nstopword\test\nstopword\tun\nstopword\tune\nstopword\tdu\nstopword\tpour\nstopword\tque\nstopword\tqui\nstopword\tdans\nstopword\tsur\nstopword\tau\nstopword\til\nstopword\tne\nstopword\tpas\nstopword\ta\n\
negation\tne\tpre\nnegation\tpas\tpost\narticle\tl'\n";

    /// A small English lexicon.
    pub(crate) const EN: &str = "#dyad-format lexicon 1\n\
abbreviation\tU.S.\nabbreviation\tGen.\nabbreviation\tJan.\nabbreviation\tMr.\nabbreviation\tDr.\n\
month\tJanuary\t1\nmonth\tJan.\t1\nmonth\tFebruary\t2\nmonth\tFeb.\t2\nmonth\tMarch\t3\nmonth\tMay\t5\nmonth\tDecember\t12\nmonth\tDec.\t12\n\
weekday\tMonday\t1\nweekday\tTuesday\t2\nweekday\tWednesday\t3\nweekday\tThursday\t4\nweekday\tFriday\t5\nweekday\tSaturday\t6\nweekday\tSunday\t7\n\
relative_day\tyesterday\t-1\nrelative_day\ttoday\t0\nrelative_day\ttomorrow\t1\nrelative_day\tthe day before yesterday\t-2\n\
boilerplate\tSubscribe for Latest Updates\nboilerplate\tAbout Us\n\
stopword\tthe\nstopword\tof\nstopword\tand\nstopword\tto\nstopword\tin\nstopword\tis\nstopword\tthat\nstopword\tfor\nstopword\ton\nstopword\twith\nstopword\tas\nstopword\tit\nstopword\twas\nstopword\this\nstopword\tby\nstopword\tsaid\nstopword\ta\nstopword\ta\n";

    pub(crate) fn fr() -> LangRules {
        LangRules::parse(FR, "fr-test.tsv").unwrap()
    }

    pub(crate) fn en() -> LangRules {
        LangRules::parse(EN, "en-test.tsv").unwrap()
    }

    #[test]
    fn boilerplate_prefixing_keeps_every_entry_that_can_start_a_text() {
        let odd = LangRules::parse("#dyad-format lexicon 1\nboilerplate\t>\nboilerplate\t>>x\nboilerplate\tab\nboilerplate\tabcd\n", "x")
            .expect("parses");
        for r in [&fr(), &en(), crate::rules(crate::Lang::Fr), crate::rules(crate::Lang::En), &odd] {
            // Every entry, its start cut at every length and changed at
            // every position, and a few texts of their own.
            let mut texts: Vec<Vec<u8>> = vec![vec![], b"moscow".to_vec(), b"\xc3\xa9".to_vec(), b">".to_vec()];
            for b in r.boilerplate() {
                for n in 0..=b.len().min(6) {
                    texts.push(b.as_bytes()[..n].to_vec());
                    for i in 0..n {
                        let mut t = b.as_bytes()[..n].to_vec();
                        t[i] ^= 1;
                        texts.push(t);
                    }
                }
                texts.push(format!("{b} x").into_bytes());
            }
            for t in &texts {
                let kept: Vec<&str> = r.boilerplate_prefixing(t).collect();
                let mut all = r.boilerplate_starting(t.first().copied());
                assert!(kept.iter().all(|k| all.any(|a| a == *k)), "{t:?}: {kept:?}, in order");
                for b in r.boilerplate().iter().filter(|b| t.starts_with(b.as_bytes())) {
                    assert!(kept.contains(&b.as_str()), "{t:?}: {b}");
                }
                if t.len() >= 4 {
                    assert!(kept.iter().all(|k| k.len() < 4 || t[..4] == k.as_bytes()[..4]), "{t:?}: {kept:?}");
                }
            }
        }
    }

    #[test]
    fn parses_fixture() {
        let r = fr();
        assert!(r.is_abbreviation("M."));
        assert!(r.abbreviation_shape(b'm', 1));
        assert!(!r.abbreviation_shape(b'm', 2) && !r.abbreviation_shape(b'x', 1));
        assert!(!r.is_abbreviation("m"), "M. needs its capital");
        assert!(r.is_abbreviation("M"));
        assert!(r.is_abbreviation("Gén"));
        assert!(!r.is_abbreviation("Mars"));
        assert!(LangRules::parse("#dyad-format lexicon 1\nabbreviation\tetc.\n", "x").unwrap().is_abbreviation("Etc."));
        assert_eq!(r.month("fevr."), Some(2));
        assert_eq!(r.month("fevr"), Some(2));
        assert_eq!(r.month("decembre"), Some(12));
        assert_eq!(r.weekday("mardi"), Some(2));
        assert_eq!(r.relative_day("aujourd'hui"), Some(0));
        assert_eq!(r.boilerplate(), ["a lire aussi", "partager cet article"]);
        assert_eq!(r.boilerplate_starting(Some(b'p')).collect::<Vec<_>>(), ["partager cet article"]);
        assert_eq!(r.boilerplate_starting(Some(b'x')).count(), 0);
        assert_eq!(r.boilerplate_starting(None).count(), 0);
        assert_eq!(r.boilerplate_longest(), "partager cet article".len());
        assert!(r.is_stopword("les"));
        let neg: Vec<_> = r.entries("negation").collect();
        assert_eq!(neg, [("ne", Some("pre")), ("pas", Some("post"))]);
        assert_eq!(r.entries("article").next(), Some(("l'", None)));
        assert_eq!(r.entries("pair").count(), 0);
        // Duplicate rows are kept once.
        assert_eq!(en().entries("stopword").filter(|(s, _)| *s == "a").count(), 1);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = LangRules::parse("#dyad-format verbs 1\n", "lex.tsv").unwrap_err();
        assert!(matches!(e, TextError::Header { .. }));
        assert!(e.to_string().contains("regenerate or fix"), "{e}");
        let e = LangRules::parse("", "lex.tsv").unwrap_err();
        assert!(matches!(e, TextError::Header { .. }));
        let e = LangRules::parse("#dyad-format lexicon 1\n\nmonth\tjanvier\t13\n", "lex.tsv").unwrap_err();
        assert_eq!(e.to_string(), "lex.tsv:3: field `value`: expected an integer 1..=12, found `13`; fix the file");
        let e = LangRules::parse("#dyad-format lexicon 1\nmonht\tjanvier\t1\n", "lex.tsv").unwrap_err();
        assert!(e.to_string().starts_with("lex.tsv:2: field `kind`: unknown kind `monht`"), "{e}");
        let e = LangRules::parse("#dyad-format lexicon 1\nstopword\t\n", "lex.tsv").unwrap_err();
        assert!(matches!(e, TextError::Row { line: 2, field: "surface", .. }));
        let e = LangRules::parse("#dyad-format lexicon 1\nstopword\ta\tb\tc\n", "lex.tsv").unwrap_err();
        assert!(matches!(e, TextError::Row { line: 2, .. }));
        let e = LangRules::parse("#dyad-format lexicon 1\nnegation\tne\tbefore\n", "lex.tsv").unwrap_err();
        assert!(matches!(e, TextError::Row { line: 2, field: "value", .. }));
        // CRLF and a BOM are tolerated.
        let r = LangRules::parse("\u{feff}#dyad-format lexicon 1\r\nweekday\tlundi\t1\r\n", "lex.tsv").unwrap();
        assert_eq!(r.weekday("lundi"), Some(1));
    }

    #[test]
    fn bundled_lexicons_parse() {
        for lang in Lang::ALL {
            let r = try_rules(lang).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(r.lang(), Some(lang));
            assert!(r.stopword_count() >= 20, "{lang}: too few stopwords");
            assert_eq!((1..=12).filter(|m| r.entries("month").any(|(_, v)| v == Some(&m.to_string()))).count(), 12, "{lang}: months");
            assert_eq!(r.weekdays.values().collect::<HashSet<_>>().len(), 7, "{lang}: weekdays");
            assert!(!r.abbreviations.is_empty(), "{lang}: abbreviations");
            assert!(std::ptr::eq(rules(lang), r));
        }
    }
}
