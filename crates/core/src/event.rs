//! Articles in, events out.

use crate::Date;
use serde::Serialize;
use std::borrow::Cow;

/// A half-open byte range `[start, end)` into an article's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// One input article, as read from a file or a JSONL record.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The article id (given, or derived from its content).
    pub id: String,
    /// The text exactly as given; every [`Span`] points into it.
    pub text: String,
    /// Publication date, when known from metadata.
    pub date: Option<Date>,
    /// Language code given by metadata ("fr", "en"), if any.
    pub lang: Option<String>,
    /// Title, when given separately from the text.
    pub title: Option<String>,
    /// Publisher name.
    pub source: Option<String>,
    /// URL of the page.
    pub url: Option<String>,
}

/// What a [`Mention`] refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// An actor with its CAMEO actor code.
    Actor {
        /// CAMEO actor code, e.g. "RUSGOV".
        code: String,
    },
    /// A verb or event noun that heads an event pattern.
    Verb {
        /// Lemma of the head.
        lemma: String,
    },
    /// A place with its country.
    Place {
        /// CAMEO country code.
        country: String,
    },
}

/// A span of text recognised as something dyad knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where in the original text.
    pub span: Span,
    /// What it is.
    pub kind: MentionKind,
}

/// Whether the title written with a person matches what they held on the date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleCheck {
    /// "current", "stale" or "unknown".
    pub status: String,
    /// When the person held the office the title names, if ever: [start, end].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_held: Option<(Option<Date>, Option<Date>)>,
    /// The role(s) the person held on the article date.
    pub role_on_date: String,
}

/// The source or target of an event.
///
/// Every string is a [`Cow`]: `text` and `title` borrow the article's text
/// (`'a`), `country` and `entity` the bundled knowledge base (`'static`),
/// instead of allocating one per actor; a coder may give owned strings
/// instead. They serialise as plain JSON strings either way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor<'a> {
    /// The text that named the actor, verbatim.
    pub text: Cow<'a, str>,
    /// CAMEO actor code, country first: "RUSGOV", "IRNLEG", "IGOUNO".
    pub code: ActorCode,
    /// First three letters of `code`.
    pub country: Cow<'static, str>,
    /// The title written with a person ("ministre russe de la Défense").
    pub title: Option<Cow<'a, str>>,
    /// Canonical name of a known person or organisation.
    pub entity: Option<Cow<'static, str>>,
    /// Title check against the role held on the event date (persons only).
    ///
    /// Boxed: few actors have one, and in place its 72 bytes made every
    /// actor 192 bytes instead of 128, each moved into its event by a call
    /// to `memcpy` (1 MB corpus: 197.50M → 196.76M instructions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_check: Option<Box<TitleCheck>>,
}

/// Bytes an [`ActorCode`] holds in place, without an allocation.
const INLINE: usize = 22;

/// Every string of three capitals A–Z, in order ("AAA", "AAB", … "ZZZ"),
/// one after the other: [`ActorCode::capital_country`] borrows a country
/// code from here, without a UTF-8 check of the code's bytes (52 KiB of
/// read-only data, of which a run reads the few lines of its countries).
static CAPITALS3: &str = match std::str::from_utf8(&CAPITALS3_BYTES) {
    Ok(s) => s,
    Err(_) => panic!("capitals are UTF-8"),
};

static CAPITALS3_BYTES: [u8; 3 * 26 * 26 * 26] = {
    let mut b = [0; 3 * 26 * 26 * 26];
    let mut i = 0;
    while i < 26 * 26 * 26 {
        b[3 * i] = b'A' + (i / (26 * 26)) as u8;
        b[3 * i + 1] = b'A' + (i / 26 % 26) as u8;
        b[3 * i + 2] = b'A' + (i % 26) as u8;
        i += 1;
    }
    b
};

/// The index in [`CAPITALS3`] (in threes) of three capitals A–Z.
#[inline]
fn capitals3(s: &[u8]) -> Option<usize> {
    match *s {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z', c @ b'A'..=b'Z'] => {
            Some((usize::from(a - b'A') * 26 + usize::from(b - b'A')) * 26 + usize::from(c - b'A'))
        }
        _ => None,
    }
}

/// A CAMEO actor code ("RUSGOV", "IGOUNOHLH"), held in place when it has
/// at most 22 bytes (every code of the bundled data: 3 to 15), on the heap
/// only when longer; 24 bytes, like the `String` it replaces.
///
/// The coder builds one per noun phrase it resolves ("RUS" + "GOV") and
/// moves it into the event: held in place, with no allocation, copy to
/// the heap or free (≈11k codes), the 1 MB benchmark corpus went from
/// 217.0M to 214.6M instructions.
///
/// It dereferences to `&str`; the bytes, [`ActorCode::as_bytes`], are what
/// comparing, hashing and writing JSON read (a `&str` of bytes held in
/// place is checked as UTF-8 on every access: the workspace forbids the
/// unchecked conversion). It serialises as a plain JSON string.
#[derive(Clone)]
pub struct ActorCode(Repr);

#[derive(Clone)]
enum Repr {
    /// The length, then the bytes (the rest zero).
    Inline(u8, [u8; INLINE]),
    /// A code longer than [`INLINE`] bytes.
    Heap(Box<str>),
}

impl ActorCode {
    /// The code `s`.
    pub fn new(s: &str) -> Self {
        Self::concat(s, "")
    }

    /// The code `a` then `b` ("RUS" and "GOV": "RUSGOV").
    pub fn concat(a: &str, b: &str) -> Self {
        // The common codes, a country and an agent of three bytes each
        // ("RUS", "RUSGOV"), by copies of a fixed size, not two of a
        // length read at run time (≈81 instructions a call, ≈11k calls a
        // MB; 1 MB corpus: 0.89M → 0.56M instructions in the calls).
        let mut bytes = [0; INLINE];
        let len = match (a.as_bytes(), b.as_bytes()) {
            (&[x, y, z], &[]) => {
                bytes[..3].copy_from_slice(&[x, y, z]);
                3
            }
            (&[x, y, z], &[p, q, r]) | (&[x, y, z, p, q, r], &[]) => {
                bytes[..6].copy_from_slice(&[x, y, z, p, q, r]);
                6
            }
            _ => return Self::concat_any(a, b),
        };
        ActorCode(Repr::Inline(len, bytes))
    }

    /// [`ActorCode::concat`] of any lengths.
    fn concat_any(a: &str, b: &str) -> Self {
        let n = a.len() + b.len();
        match (u8::try_from(n), [0; INLINE]) {
            (Ok(len), mut bytes) if n <= INLINE => {
                bytes[..a.len()].copy_from_slice(a.as_bytes());
                bytes[a.len()..n].copy_from_slice(b.as_bytes());
                ActorCode(Repr::Inline(len, bytes))
            }
            _ => {
                let mut s = String::with_capacity(n);
                s.push_str(a);
                s.push_str(b);
                ActorCode(Repr::Heap(s.into_boxed_str()))
            }
        }
    }

    /// Its bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline(n, bytes) => bytes.get(..usize::from(*n)).unwrap_or(bytes),
            Repr::Heap(s) => s.as_bytes(),
        }
    }

    /// The code as a string.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline(..) => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }

    /// Its first `n` characters (all of it when shorter): the country of
    /// a code when `n` is 3. Only those bytes are checked when ASCII.
    pub fn first_chars(&self, n: usize) -> &str {
        // Three capitals are borrowed from `CAPITALS3`, without a UTF-8
        // check (the coder asks this of ≈5k codes a MB, and the check of
        // three bytes was ≈60 instructions; 1 MB corpus: 202.23M → 201.97M
        // instructions).
        if n == 3 {
            if let Some(c) = self.capital_country() {
                return c;
            }
        }
        self.first_chars_checked(n)
    }

    /// Its first three bytes when they are capitals A–Z (the country of
    /// every CAMEO code), as a string of static data: borrowing it needs
    /// neither a UTF-8 check nor a lookup that may miss the cache.
    #[inline]
    pub fn capital_country(&self) -> Option<&'static str> {
        let i = self.as_bytes().get(..3).and_then(capitals3)?;
        CAPITALS3.get(3 * i..3 * i + 3)
    }

    /// [`ActorCode::first_chars`], through a UTF-8 check.
    fn first_chars_checked(&self, n: usize) -> &str {
        match self.as_bytes().get(..n) {
            Some(head) if head.is_ascii() => std::str::from_utf8(head).unwrap_or_default(),
            _ => {
                let s = self.as_str();
                s.get(..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)).unwrap_or(s)
            }
        }
    }

    /// The code shortened to its first `n` characters.
    pub fn truncated(&self, n: usize) -> ActorCode {
        ActorCode::new(self.first_chars(n))
    }

    /// Whether it starts with `prefix`.
    #[inline]
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.as_bytes().starts_with(prefix.as_bytes())
    }

    /// Its length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.as_bytes().len()
    }

    /// Whether it is the empty code.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.as_bytes().is_empty()
    }
}

impl Default for ActorCode {
    fn default() -> Self {
        ActorCode(Repr::Inline(0, [0; INLINE]))
    }
}

impl std::ops::Deref for ActorCode {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for ActorCode {
    fn from(s: &str) -> Self {
        ActorCode::new(s)
    }
}

impl From<String> for ActorCode {
    fn from(s: String) -> Self {
        ActorCode::new(&s)
    }
}

impl PartialEq for ActorCode {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for ActorCode {}

impl std::hash::Hash for ActorCode {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl PartialEq<str> for ActorCode {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for ActorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl std::fmt::Debug for ActorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for ActorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for ActorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Where an event happened.
///
/// `country` is a [`Cow`], borrowed by the coder from its bundled gazetteer
/// (see [`Actor`]); `name` another, borrowed from the article's text. Both
/// serialise as plain JSON strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location<'a> {
    /// Place name as written.
    pub name: Cow<'a, str>,
    /// CAMEO country code.
    pub country: Cow<'static, str>,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

/// The sentence an event was read from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence<'a> {
    /// The sentence, verbatim from the original text (borrowed from it by
    /// the coder; it serialises as a string).
    pub sentence: Cow<'a, str>,
    /// Byte offset of the sentence in the article text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// The id of an event: the id of its article and a 64-bit hash of what
/// makes the event, written `doc:` and the hash's sixteen lower-case hex
/// digits (`"a1:4b9cfe32e9328d88"`), as it displays and serialises.
///
/// Kept as its two parts, the article's id borrowed like the event's
/// `doc`, and written out only with the event: a `String` per event (its
/// allocation, formatting and free) was ≈0.5 % of the instructions of
/// coding and serialising the benchmark's corpus.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventId<'a> {
    /// The article's id.
    pub doc: Cow<'a, str>,
    /// The hash of the event ([`fnv`](crate::fnv) of what identifies it).
    pub hash: u64,
}

impl EventId<'_> {
    /// The hash's sixteen lower-case hex digits, in a few word operations
    /// rather than sixteen table look-ups: each nibble spread to a byte of
    /// its own, then `'0'` added to each byte and `'a' - '9' - 1` more to
    /// those above nine (the JSON writer's id: −396,000 instructions on the
    /// 1 MB benchmark corpus).
    pub fn hex(&self) -> [u8; 16] {
        const ONES: u64 = 0x0101_0101_0101_0101;
        fn eight(v: u32) -> [u8; 8] {
            let mut x = u64::from(v);
            x = (x | x << 16) & 0x0000_ffff_0000_ffff;
            x = (x | x << 8) & 0x00ff_00ff_00ff_00ff;
            x = (x | x << 4) & 0x0f0f_0f0f_0f0f_0f0f;
            // 1 in each byte above nine: adding six carries into the fifth bit.
            let letters = ((x + 0x0606_0606_0606_0606) >> 4) & ONES;
            (x + ONES * u64::from(b'0') + letters * u64::from(b'a' - b'9' - 1)).to_be_bytes()
        }
        let mut out = [0; 16];
        out[..8].copy_from_slice(&eight((self.hash >> 32) as u32));
        out[8..].copy_from_slice(&eight(self.hash as u32));
        out
    }

    /// The same id, owning the article's id.
    pub fn into_owned(self) -> EventId<'static> {
        EventId { doc: owned(self.doc), hash: self.hash }
    }
}

impl std::fmt::Display for EventId<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{:016x}", self.doc, self.hash)
    }
}

/// A JSON string, `doc:hash` as it displays.
impl Serialize for EventId<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An id equals the string it displays as.
impl PartialEq<str> for EventId<'_> {
    fn eq(&self, other: &str) -> bool {
        let n = self.doc.len();
        other.len() == n + 17 && other.starts_with(&*self.doc) && other.as_bytes()[n] == b':' && other.as_bytes()[n + 1..] == self.hex()
    }
}

impl PartialEq<&str> for EventId<'_> {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// One coded event. Field order is the JSONL output order.
///
/// `code`, `root`, `name` and `lang` are [`Cow`]s: the coder borrows them
/// from the bundled codebook and language list (`'static`), so an event
/// allocates no copy of them; a coder with codes of its own (the PETRARCH
/// engine's ontology names) gives owned strings. Either way they serialise
/// as plain JSON strings, exactly as `String`s do.
///
/// `'a` is the lifetime of the [`Article`] the event was read from: `doc`,
/// the evidence sentence, the trigger, the location's name, the cited
/// sources and the actors' texts and titles are [`Cow`]s that the coder
/// borrows from the article instead of copying into each event (an event
/// that must outlive its article is made owned by [`Event::into_owned`]).
/// They too serialise as plain strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event<'a> {
    /// Stable id: the same article and event give the same id on every run.
    pub id: EventId<'a>,
    /// Article id.
    pub doc: Cow<'a, str>,
    /// When the event happened, as best resolved.
    pub date: Date,
    /// CAMEO event code, "041".
    pub code: Cow<'static, str>,
    /// Its root, "04".
    pub root: Cow<'static, str>,
    /// GDELT QuadClass, 1–4.
    pub quad: u8,
    /// Goldstein value.
    pub goldstein: f32,
    /// CAMEO name of the code.
    pub name: Cow<'static, str>,
    /// Who acted.
    pub source: Actor<'a>,
    /// Who was acted upon.
    pub target: Option<Actor<'a>>,
    /// Where, when known.
    pub location: Option<Location<'a>>,
    /// Cited sources, as written ("Agenzia Nova").
    pub attribution: Vec<Cow<'a, str>>,
    /// The sentence it came from.
    pub evidence: Evidence<'a>,
    /// The words that triggered the event pattern.
    pub trigger: Cow<'a, str>,
    /// Language of the article.
    pub lang: Cow<'static, str>,
}

/// A borrowed string made owned.
fn owned(s: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(s.into_owned())
}

impl Actor<'_> {
    /// The same actor, owning its strings.
    pub fn into_owned(self) -> Actor<'static> {
        Actor {
            text: owned(self.text),
            code: self.code,
            country: self.country,
            title: self.title.map(owned),
            entity: self.entity,
            title_check: self.title_check,
        }
    }
}

impl Event<'_> {
    /// The same event, owning every string it borrowed from its article.
    pub fn into_owned(self) -> Event<'static> {
        Event {
            id: self.id.into_owned(),
            doc: owned(self.doc),
            date: self.date,
            code: self.code,
            root: self.root,
            quad: self.quad,
            goldstein: self.goldstein,
            name: self.name,
            source: self.source.into_owned(),
            target: self.target.map(Actor::into_owned),
            location: self.location.map(|l| Location { name: owned(l.name), country: l.country, lat: l.lat, lon: l.lon }),
            attribution: self.attribution.into_iter().map(owned).collect(),
            evidence: Evidence { sentence: owned(self.evidence.sentence), start: self.evidence.start, end: self.evidence.end },
            trigger: owned(self.trigger),
            lang: self.lang,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An actor of code `code`, named "Moscou", with no title.
    pub(crate) fn actor(code: &str) -> Actor<'static> {
        Actor {
            text: "Moscou".into(),
            code: code.into(),
            country: Cow::Owned(code[..3].to_string()),
            title: None,
            entity: None,
            title_check: None,
        }
    }

    /// An event with a target, a location and an attribution.
    pub(crate) fn sample() -> Event<'static> {
        Event {
            id: EventId { doc: Cow::Borrowed("a"), hash: 1 },
            doc: "a".into(),
            date: Date { y: 2026, m: 3, d: 5 },
            code: Cow::Borrowed("111"),
            root: Cow::Owned("11".to_string()),
            quad: 3,
            goldstein: -2.0,
            name: Cow::Borrowed("Criticize \"or\" denounce"),
            source: actor("RUSGOV"),
            target: Some(Actor { country: Cow::Borrowed("IRN"), ..actor("IRNGOV") }),
            location: Some(Location { name: "Téhéran".into(), country: Cow::Borrowed("IRN"), lat: 35.5, lon: 51.25 }),
            attribution: vec!["TASS".into()],
            evidence: Evidence { sentence: "Moscou a condamné.".into(), start: 0, end: 19 },
            trigger: "condamné".into(),
            lang: Cow::Borrowed("fr"),
        }
    }

    #[test]
    fn borrowed_and_owned_fields_serialise_alike() {
        let e = sample();
        let json = serde_json::to_string(&e).expect("serialises");
        assert_eq!(
            json,
            r#"{"id":"a:0000000000000001","doc":"a","date":"2026-03-05","code":"111","root":"11","quad":3,"goldstein":-2.0,"name":"Criticize \"or\" denounce","source":{"text":"Moscou","code":"RUSGOV","country":"RUS","title":null,"entity":null},"target":{"text":"Moscou","code":"IRNGOV","country":"IRN","title":null,"entity":null},"location":{"name":"Téhéran","country":"IRN","lat":35.5,"lon":51.25},"attribution":["TASS"],"evidence":{"sentence":"Moscou a condamné.","start":0,"end":19},"trigger":"condamné","lang":"fr"}"#
        );
        let owned = Event {
            code: Cow::Owned("111".into()),
            lang: Cow::Owned("fr".into()),
            target: Some(actor("IRNGOV")),
            location: e.location.clone().map(|l| Location { country: Cow::Owned("IRN".into()), ..l }),
            ..e.clone()
        };
        assert_eq!(owned, e);
        assert_eq!(serde_json::to_string(&owned).expect("serialises"), json);
        let borrowed =
            Event { doc: Cow::Borrowed("a"), trigger: Cow::Borrowed("condamné"), attribution: vec![Cow::Borrowed("TASS")], ..e.clone() };
        assert_eq!(borrowed, e);
        assert_eq!(borrowed.clone().into_owned(), e);
        assert!(matches!(borrowed.into_owned().trigger, Cow::Owned(_)));
        let id = EventId { doc: Cow::Borrowed("bench-3-0"), hash: 0x4b9c_fe32_e932_8d88 };
        assert_eq!(id.to_string(), "bench-3-0:4b9cfe32e9328d88");
        assert_eq!(id, "bench-3-0:4b9cfe32e9328d88");
        assert_eq!(id.clone().into_owned(), id);
        for other in
            ["bench-3-0:4b9cfe32e9328d89", "bench-3-0;4b9cfe32e9328d88", "bench-3-1:4b9cfe32e9328d88", "bench-3-0:4b9cfe32e9328d8", ""]
        {
            assert_ne!(id, other);
        }
        assert_eq!(EventId { doc: Cow::Borrowed(""), hash: 0 }.to_string(), ":0000000000000000");
    }

    #[test]
    fn actor_codes_of_three_and_six_bytes_are_those_of_any_length() {
        let text = "RUSGOVIGOUNOHLHé中ABCDEFGHIJKLMNOPQRSTUV";
        let cuts: Vec<&str> = (0..=text.len()).filter_map(|n| text.get(..n)).collect();
        for a in &cuts {
            for b in &cuts {
                let (fast, any) = (ActorCode::concat(a, b), ActorCode::concat_any(a, b));
                match (&fast.0, &any.0) {
                    (Repr::Inline(n, x), Repr::Inline(m, y)) => assert_eq!((n, x), (m, y), "{a} {b}"),
                    (Repr::Heap(x), Repr::Heap(y)) => assert_eq!(x, y),
                    _ => panic!("{a} {b}: held differently"),
                }
            }
        }
    }

    #[test]
    fn actor_codes_in_place_or_on_the_heap_read_as_their_strings() {
        let parts = ["", "A", "RUS", "GOV", "IGOUNOHLH", "é", "中文", "ÉTAT-MAJOR", "1234567890123456789012", "12345678901234567890123"];
        for a in parts {
            for b in parts {
                let s = format!("{a}{b}");
                let c = ActorCode::concat(a, b);
                assert_eq!(c.as_str(), s);
                assert_eq!(&*c, s.as_str());
                assert_eq!(c.as_bytes(), s.as_bytes());
                assert_eq!((c.len(), c.is_empty()), (s.len(), s.is_empty()));
                assert_eq!(matches!(c.0, Repr::Heap(_)), s.len() > INLINE, "{s}");
                assert_eq!(c, ActorCode::new(&s));
                assert_eq!(c, s.as_str());
                assert_eq!(c.clone(), c);
                assert_eq!(c.to_string(), s);
                assert_eq!(format!("{c:?}"), format!("{s:?}"));
                assert_eq!(serde_json::to_string(&c).expect("serialises"), serde_json::to_string(&s).expect("serialises"));
                for n in 0..5 {
                    let first: String = s.chars().take(n).collect();
                    assert_eq!(c.first_chars(n), first);
                    assert_eq!(c.truncated(n), first.as_str());
                }
                for p in parts {
                    assert_eq!(c.starts_with(p), s.starts_with(p));
                    assert_eq!(c == ActorCode::new(p), s == p);
                }
            }
        }
        assert_eq!(ActorCode::default(), "");
        assert_eq!(std::mem::size_of::<ActorCode>(), std::mem::size_of::<String>());
        // Three capitals (each from the table) then anything: the checked
        // first characters.
        let mut n = 0;
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let head = String::from_utf8(vec![a, b, c]).expect("ASCII");
                    for tail in ["", "GOV", "é"] {
                        let code = ActorCode::concat(&head, tail);
                        assert_eq!(code.first_chars(3), head);
                        assert_eq!(code.first_chars(3), code.first_chars_checked(3));
                        assert_eq!(code.capital_country(), Some(head.as_str()));
                    }
                    n += 1;
                }
            }
        }
        assert_eq!((n, CAPITALS3.len()), (26 * 26 * 26, 3 * 26 * 26 * 26));
        for s in ["", "AB", "ABc", "aBC", "AB1", "ÉTAT", "AÉT", "A-B", "[AB"] {
            let c = ActorCode::new(s);
            assert_eq!(c.first_chars(3), s.chars().take(3).collect::<String>(), "{s}");
            assert_eq!(c.capital_country(), None, "{s}");
        }
    }
}
