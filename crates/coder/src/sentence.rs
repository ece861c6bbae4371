//! One sentence: tokens → units (automaton matches) → actor groups → events.
//!
//! No parser: the assembler works on the flat sequence of matched units with
//! a handful of positional rules (subject to the left, target where the
//! pattern says, apposition, coordination, passive, gerund, relative clause),
//! and a modality check around each event head.

use crate::lexicon::{class, tag, Entry, Lex, Matcher};
use crate::patterns::{CPattern, Filter, Kind};
use crate::words::{ACRONYM, FLAGS, NO_KEY};
use dyad_core::{codebook, ActorCode, CameoCode, Date};
use dyad_dict::Pattern;
use dyad_kb::Kb;
use dyad_text::Folded;
use std::cell::Cell;

/// A token: byte range in the folded sentence.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Start byte (folded).
    pub s: usize,
    /// End byte (folded).
    pub e: usize,
}

/// Splits folded text into word and punctuation tokens. An apostrophe inside
/// a word ends the token ("l'" "iran"); hyphens stay inside words. No word
/// token starts right after a word character.
///
/// Folded text is mostly ASCII: an ASCII byte is classified by a table
/// (`ASCII`), and only the other characters are decoded.
pub fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let (word, n) = match ASCII[c as usize] {
            ALNUM => (true, 1),
            SPACE => {
                i += 1;
                continue;
            }
            OTHER => (false, 1),
            _ => match wide_class(text, i) {
                (false, n) if text[i..].starts_with(char::is_whitespace) => {
                    i += n;
                    continue;
                }
                class => class,
            },
        };
        if !word {
            out.push(Tok { s: i, e: i + n });
            i += n;
            continue;
        }
        let s = i;
        i += n;
        loop {
            i = alnum_end(b, i);
            match b.get(i) {
                Some(&c @ (b'-' | b'\'')) if word_at(text, i + 1) => {
                    i += 1;
                    if c == b'\'' {
                        break;
                    }
                }
                Some(&c) if c >= 0x80 => match wide_class(text, i) {
                    (true, n) => i += n,
                    _ => break,
                },
                _ => break,
            }
        }
        out.push(Tok { s, e: i });
        // Most words are followed by a space: skipped here, not by another
        // turn of the loop (1 MB corpus: 263.1M → 262.5M instructions).
        if b.get(i) == Some(&b' ') {
            i += 1;
        }
    }
}

/// The end of the run of ASCII letters and digits that starts at byte `i`
/// of `b`.
///
/// Eight bytes a turn, each byte's test written out: one bounds test per
/// eight bytes instead of one per byte (1 MB corpus: tokenize 10.91M →
/// 10.52M instructions, 2.84M → 2.40M conditional branches, its simulated
/// L1i misses 50k → 80k; in perf samples of `code_only 20 1`, tokenize
/// 3.78 % → 3.34 % of the run over three pairs. Classifying the eight bytes
/// together in a `u64` by 7-bit sums: 12.9M; four bytes a turn: 10.81M;
/// the eight tests as a `for` loop over the chunk, which the compiler does
/// not lay out the same way: the whole run +0.84M).
/// The rest, one byte at a time, tested against the length, not by
/// `b.get`: a loop of 6 instructions a byte instead of 8 (215.95M →
/// 215.11M instructions; by `position` on the rest of the bytes, +1.4M:
/// its setup per word costs more).
#[inline(always)]
fn alnum_end(b: &[u8], mut i: usize) -> usize {
    while let Some(c) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let word = |k: usize| ASCII[c[k] as usize] == ALNUM;
        if !word(0) {
            return i;
        }
        if !word(1) {
            return i + 1;
        }
        if !word(2) {
            return i + 2;
        }
        if !word(3) {
            return i + 3;
        }
        if !word(4) {
            return i + 4;
        }
        if !word(5) {
            return i + 5;
        }
        if !word(6) {
            return i + 6;
        }
        if !word(7) {
            return i + 7;
        }
        i += 8;
    }
    while i < b.len() && ASCII[b[i] as usize] == ALNUM {
        i += 1;
    }
    i
}

/// The bytes of a token that a match starting at it must begin with: the
/// token, without the apostrophe that ends a word token ("l" of "l'": the
/// key "l" matches there).
#[inline]
pub(crate) fn head(tok: &[u8]) -> &[u8] {
    match tok {
        [h @ .., b'\''] if !h.is_empty() => h,
        _ => tok,
    }
}

/// Classes of bytes for [`tokenize`]: [`ALNUM`], [`SPACE`] (as
/// [`char::is_whitespace`]), [`OTHER`], or [`WIDE`] for the bytes of
/// characters beyond ASCII.
const ASCII: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            SPACE
        } else {
            OTHER
        };
        c += 1;
    }
    t
};
const ALNUM: u8 = 0;
const SPACE: u8 = 1;
const OTHER: u8 = 2;
const WIDE: u8 = 3;

/// Whether the character at byte `i` of `text` is alphanumeric, and its
/// length (a space of length 1 past the end or off a character boundary).
#[inline(always)]
fn char_class(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes().get(i) {
        Some(&c) if c < 0x80 => (ASCII[c as usize] == ALNUM, 1),
        Some(_) => wide_class(text, i),
        None => (false, 1),
    }
}

/// [`char_class`] of a character beyond ASCII.
#[inline(never)]
fn wide_class(text: &str, i: usize) -> (bool, usize) {
    text.get(i..).and_then(|r| r.chars().next()).map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
}

/// Whether an alphanumeric character starts at byte `i` of `text`.
#[inline(always)]
fn word_at(text: &str, i: usize) -> bool {
    char_class(text, i).0
}

/// Whether an alphanumeric character ends at byte `i` of `text`.
#[inline(always)]
fn word_before(text: &str, i: usize) -> bool {
    match i.checked_sub(1).and_then(|j| text.as_bytes().get(j)) {
        Some(&c) if c < 0x80 => ASCII[c as usize] == ALNUM,
        Some(_) => text.get(..i).and_then(|r| r.chars().next_back()).is_some_and(char::is_alphanumeric),
        None => false,
    }
}

#[cfg(test)]
mod front_tests {
    use super::*;

    /// The tokenizer as it was, one decoded character at a time: the
    /// reference for the byte-wise one.
    fn tokenize_chars(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                let s = i;
                i += c.len_utf8();
                while i < text.len() {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    if c.is_alphanumeric() {
                        i += c.len_utf8();
                    } else if (c == '-' || c == '\'') && text[i + 1..].chars().next().is_some_and(char::is_alphanumeric) {
                        i += 1;
                        if c == '\'' {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                out.push((s, i));
            } else {
                if !c.is_whitespace() {
                    out.push((i, i + c.len_utf8()));
                }
                i += c.len_utf8();
            }
        }
        out
    }

    fn toks(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter().map(|t| (t.s, t.e)).collect()
    }

    #[test]
    fn a_head_is_the_token_without_its_apostrophe() {
        for (tok, want) in [("l'", "l"), ("qu'", "qu"), ("'", "'"), ("iran", "iran"), ("", ""), ("a-b", "a-b")] {
            assert_eq!(head(tok.as_bytes()), want.as_bytes(), "{tok:?}");
        }
        // No word token holds an apostrophe but at its end: a key shorter
        // than the head ends inside the token.
        let mut toks = Vec::new();
        tokenize("l'iran aujourd'hui jones' d'' ' x'-y qu'il", &mut toks);
        let text = "l'iran aujourd'hui jones' d'' ' x'-y qu'il";
        for t in &toks {
            let tok = &text.as_bytes()[t.s..t.e];
            assert!(!head(tok).contains(&b'\'') || tok == b"'", "{:?}", &text[t.s..t.e]);
        }
    }

    #[test]
    fn inside_word_is_between_two_word_characters() {
        let text = "l'iran, été-ci 42";
        let inside: Vec<usize> = (0..=text.len()).filter(|&e| text.is_char_boundary(e) && inside_word(text, e)).collect();
        // Not after the apostrophe or the hyphen, nor at a space, the comma
        // or either end; between the bytes of "é" is no character boundary.
        assert_eq!(inside, [3, 4, 5, 10, 11, 15, 18]);
    }

    #[test]
    fn tokenizes_like_the_char_tokenizer() {
        assert_eq!(
            toks("l'iran a-t-il dit: «non» ?"),
            vec![(0, 2), (2, 6), (7, 13), (14, 17), (17, 18), (19, 21), (21, 24), (24, 26), (27, 28)]
        );
        // Every string of up to 4 characters from a mixed alphabet: ASCII
        // letters, digits, spaces (one of them vertical tab), apostrophe,
        // hyphen, punctuation, accented letters, a non-ASCII space and sign.
        let alphabet = ['a', 'Z', '7', ' ', '\u{b}', '\u{1c}', '\'', '-', '.', 'é', 'ß', '\u{a0}', '€', '\u{2019}', '漢'];
        let mut text = String::new();
        let n = alphabet.len();
        for mut k in 0..n * n * n * n {
            text.clear();
            for _ in 0..4 {
                text.push(alphabet[k % n]);
                k /= n;
            }
            let ts = toks(&text);
            assert_eq!(ts, tokenize_chars(&text), "{text:?}");
            // No word starts right after a word character (what
            // `select_units` relies on).
            assert!(ts.iter().all(|&(s, _)| !(word_at(&text, s) && word_before(&text, s))), "{text:?}");
        }
        // Longer strings, with words of every length up to a few dozen
        // bytes (a tokenizer reading several bytes at a time must agree
        // too): mostly ASCII letters and digits, with the alphabet's other
        // characters between.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for len in (1..40).cycle().take(20_000) {
            text.clear();
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let r = (x >> 32) as usize;
                text.push(if r % 4 != 0 { char::from(b"abcxyzABZ0189"[r / 4 % 13]) } else { alphabet[r / 4 % n] });
            }
            assert_eq!(toks(&text), tokenize_chars(&text), "{text:?}");
        }
    }

    #[test]
    fn alnum_end_finds_the_first_byte_out_of_the_run() {
        // Every byte at every place of a 19-byte run of letters, from every
        // start: the end as the byte-by-byte scan finds it.
        let simple = |b: &[u8], i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        for c in 0..=255u8 {
            for at in 0..19 {
                let mut b = *b"azAZ09mQ5bz0Zyx7Ma9";
                b[at] = c;
                for i in 0..=b.len() {
                    assert_eq!(alnum_end(&b, i), simple(&b, i), "{c:#x} at {at}, from {i}");
                }
            }
        }
    }

    #[test]
    fn set_len_keeps_what_it_can_and_pads_with_the_value() {
        for old in 0..6 {
            for n in 0..8 {
                let mut v: Vec<usize> = (10..10 + old).collect();
                let cap = v.capacity();
                set_len(&mut v, n, 7);
                let want: Vec<usize> = (0..n).map(|i| if i < old { 10 + i } else { 7 }).collect();
                assert_eq!(v, want, "{old} → {n}");
                assert!(n > old || v.capacity() == cap, "allocation kept");
            }
        }
    }

    #[test]
    fn word_boundaries_on_bytes() {
        let t = "a é-ß.€1";
        for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            assert_eq!(word_at(t, i), t[i..].chars().next().is_some_and(char::is_alphanumeric), "at {i}");
            assert_eq!(word_before(t, i), t[..i].chars().next_back().is_some_and(char::is_alphanumeric), "before {i}");
        }
        // Every ASCII character, read through the byte table.
        for c in (0..0x80u8).map(char::from) {
            let t = format!("{c}");
            assert_eq!(word_at(&t, 0), c.is_alphanumeric(), "{c:?}");
            assert_eq!(word_before(&t, 1), c.is_alphanumeric(), "{c:?}");
        }
    }
}

/// A selected automaton match.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// Key index into the matcher's entries.
    pub key: u32,
}

/// One noun phrase that names (part of) an actor.
#[derive(Debug, Clone, Default)]
pub struct Np {
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// Known person (KB index).
    pub person: Option<u32>,
    /// Agent code from a title or role noun.
    pub agent: Option<u32>,
    /// Token range of the title words (agent, demonym, complement).
    pub title_toks: Option<(usize, usize)>,
    /// Country (code index) from a name, demonym or capital.
    pub country: Option<u32>,
    /// The country came from a capital (metonymy for its government).
    pub capital: bool,
    /// A named country (not only a demonym).
    pub named_country: bool,
    /// Organisation (code index, org index).
    pub org: Option<(u32, u32)>,
    /// "les deux pays" and the like.
    pub pair: bool,
}

/// Coordinated noun phrases acting together.
#[derive(Debug, Clone)]
pub struct Group {
    /// The members.
    pub nps: Vec<Np>,
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// Inside an attribution phrase ("selon X").
    pub attributed: bool,
    /// A possessive determiner precedes it ("ses citoyens").
    pub possessive: bool,
    /// The word before it (skipping articles), folded.
    pub lead: Option<usize>,
    /// Only an adjectival demonym ("les accusations britanniques").
    pub weak: bool,
}

/// A resolved actor: code plus what to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// CAMEO actor code (held in place: no allocation per actor).
    pub code: ActorCode,
    /// Original-text token range.
    pub toks: (usize, usize),
    /// Title token range.
    pub title: Option<(usize, usize)>,
    /// The known person or organisation, whose canonical name is printed.
    pub entity: Option<Entity>,
    /// Person index.
    pub person: Option<u32>,
    /// Country named in the title ("ministre *russe* de la Défense"): an
    /// index into the matcher's codes ([`Matcher::codes`]).
    pub title_country: Option<u32>,
}

/// A known entity of the knowledge base an actor names, by its index: its
/// name is read from the knowledge base only for the actors of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// A person (index into [`Kb::persons`]).
    Person(u32),
    /// An organisation (index into [`Kb::orgs`]).
    Org(u32),
}

impl Entity {
    /// Its canonical name in `kb` (a person's name, an organisation's
    /// surface form); `None` for an index `kb` does not have.
    pub fn name(self, kb: &Kb) -> Option<&str> {
        match self {
            Entity::Person(p) => kb.persons.get(p as usize).map(|p| p.name.as_str()),
            Entity::Org(o) => kb.orgs.get(o as usize).map(|o| o.surface.as_str()),
        }
    }
}

/// A candidate event before output.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The codebook's entry of its CAMEO code (a pattern's or one of the
    /// coder's fixed codes), looked up as it is pushed; `None` for a code
    /// CAMEO does not define, which is never emitted. Borrowing nothing
    /// from the sentence, the candidates of every sentence go in one
    /// vector the coder keeps (1 MB corpus: 214.58M instructions with a
    /// vector per sentence, 214.32M with its allocation handed from one
    /// sentence's lifetime to the next by an in-place `collect`, 212.82M
    /// with this).
    pub code: Option<&'static CameoCode>,
    /// Source.
    pub source: Resolved,
    /// Target.
    pub target: Option<Resolved>,
    /// Head token range (trigger).
    pub head: (usize, usize),
}

/// What the article context carries from sentence to sentence.
#[derive(Debug, Default)]
pub struct Context {
    /// The last two actors mentioned together ("la Russie et l'Iran").
    pub last_pair: Option<(Resolved, Resolved)>,
    /// Persons already named in full.
    pub seen_persons: Vec<u32>,
    /// Date the events are resolved against.
    pub date: Option<Date>,
    /// Country for role nouns that name none.
    pub home: Option<String>,
}

/// The analysis of one sentence.
pub struct Analysis<'a> {
    m: &'a Matcher,
    kb: &'a Kb,
    /// The folded sentence.
    pub text: &'a str,
    /// Original sentence (for capitalisation).
    orig: &'a str,
    /// The folding of `orig`: `text` with its map back to `orig`, read
    /// directly (a `&dyn Fn` closure cost a call per token end, ≈322k per MB).
    folded: &'a Folded,
    /// Tokens.
    pub toks: Vec<Tok>,
    /// Each token's start and end in `orig` ([`Folded::orig`] of its bytes, computed once).
    otoks: Vec<(usize, usize)>,
    /// Selected units.
    pub units: Vec<Unit>,
    unit_at: Vec<Option<usize>>,
    /// Actor groups.
    pub groups: Vec<Group>,
    in_group: Vec<Option<usize>>,
    attributed: Vec<bool>,
    /// Cited sources found in the sentence.
    pub cited: Vec<(usize, usize)>,
    consumed: Vec<bool>,
    question: bool,
    /// Pattern word ids each token matches: `tok_words[t]` is a range of `word_ids`.
    tok_words: Vec<(u32, u32)>,
    word_ids: Vec<u32>,
    /// Closed classes of each token (bits of [`class`]).
    classes: Vec<u32>,
    /// Emptied member vectors of earlier sentences' groups, for new groups.
    np_pool: Vec<Vec<Np>>,
    /// `select_units`' keys at one token.
    cands: Vec<(usize, bool, u32)>,
    /// What the tokens seen lately are, per matcher (see [`Heads`]).
    heads: Heads,
    /// Per token, where the walk of the trie stands after its [`head`], and
    /// whether the token is an acronym's key ([`ACRONYM`]) and whether no key
    /// starts with its head ([`NO_KEY`], once known).
    starts: Vec<(crate::trie::Resume, u32)>,
    /// What the event search asks of each token and unit (see [`Facts`]).
    facts: Facts<'a>,
}

/// What grouping and the event search ask of every token and unit again and
/// again (from each candidate head, for each pattern), worked out once per
/// sentence: the lexical class of each token when [`Analysis::group`] starts
/// (units no longer change then), the rest when [`Analysis::events`] starts
/// (nor do groups).
#[derive(Debug, Default)]
struct Facts<'a> {
    /// The entries of each unit and their [`Kinds`], side by side (from
    /// [`Analysis::group`] on; empty before).
    entries: Vec<(&'a [Entry], Kinds)>,
    /// Whether `lex` describes the sentence (from [`Analysis::group`] on).
    lex_ready: bool,
    /// The [`Lex`] entry of the unit at each token ([`Analysis::lex_at`]).
    lex: Vec<Option<Lex>>,
    /// The [`lex_bit`]s of the classes in `lex` (from [`Analysis::group`] on).
    lex_bits: u16,
    /// Whether `tok`, `unit` and `breaks` describe the sentence being
    /// searched (only during [`Analysis::events`]).
    ready: bool,
    /// Bits of [`fact`] for each token.
    tok: Vec<u8>,
    /// Bits of [`verb`] for each unit: which verb forms it cannot head.
    unit: Vec<u16>,
    /// The tokens that are clause breaks or open a relative clause, in order.
    breaks: Vec<usize>,
    /// The OR of every token's [`class`] bits (during [`Analysis::events`]):
    /// a scan for a class the sentence lacks is skipped.
    classes: u32,
    /// The [`lex_bit`]s of the [`Lex`] entries of the sentence (during
    /// [`Analysis::events`]): a scan for one it lacks is skipped.
    lexes: u16,
    /// The units that may head an event with a verb form
    /// ([`Analysis::may_head`]), in order, but those inside an actor group or
    /// an attribution (during [`Analysis::events`]).
    heads: Vec<usize>,
    /// The same for an event noun.
    noun_heads: Vec<usize>,
    /// [`Analysis::target_ok`] of the first 64 groups, once asked (during
    /// [`Analysis::events`]): bit `g` of `[0]` says whether group `g` was
    /// looked at, of `[1]` what it is.
    targets: Cell<[u64; 2]>,
}

/// The bit of `l` in [`Facts::lexes`].
fn lex_bit(l: Lex) -> u16 {
    1 << l as u16
}

impl Facts<'_> {
    /// The facts, said to describe no sentence (for the next one), keeping
    /// their buffers.
    fn forget<'b>(self) -> Facts<'b> {
        Facts {
            entries: relife(self.entries),
            lex_ready: false,
            lex: self.lex,
            lex_bits: 0,
            ready: false,
            tok: self.tok,
            unit: self.unit,
            breaks: self.breaks,
            classes: 0,
            lexes: 0,
            heads: self.heads,
            noun_heads: self.noun_heads,
            targets: Cell::new([0; 2]),
        }
    }
}

/// `v` emptied, as a vector of references of another lifetime, keeping its
/// allocation (collecting a vector's own iterator into a vector of elements
/// of the same size and alignment reuses its buffer).
fn relife<'y, T: ?Sized, K>(mut v: Vec<(&T, K)>) -> Vec<(&'y T, K)> {
    v.clear();
    v.into_iter().map(|_| unreachable!("the vector was emptied")).collect()
}

/// Bits of [`Facts::tok`].
mod fact {
    /// Part of a written number ([`super::Analysis::in_figure`]).
    pub const FIGURE: u8 = 1;
    /// A period.
    pub const DOT: u8 = 1 << 1;
    /// A clause break ([`super::Analysis::clause_break`]).
    pub const BREAK: u8 = 1 << 2;
    /// A relative clause opens here ([`super::Analysis::find_relative_clause`]).
    pub const RELATIVE: u8 = 1 << 3;
    /// A finite lexical verb starts here ([`super::Analysis::finite_verb_at`]).
    pub const FINITE: u8 = 1 << 4;
    /// A comma.
    pub const COMMA: u8 = 1 << 5;
    /// A semicolon or colon.
    pub const COLON: u8 = 1 << 6;
}

/// Bits of [`Kinds::actor`]: the kinds of actor entries of a unit (none:
/// the unit is no piece of an actor, see [`Analysis::piece`]).
mod kind {
    /// A person's name or surname.
    pub const PERSON: u8 = 1;
    /// An agent noun or title.
    pub const AGENT: u8 = 2;
    /// A country, demonym, capital, organisation, title complement or "the
    /// two countries".
    pub const OTHER: u8 = 4;
}

/// Whether every character of `w` is alphabetic (or, with `hyphen`, a
/// hyphen): `w.chars().all(char::is_alphabetic)`, byte by byte while `w`
/// is ASCII (there the two agree), by characters only from its first byte
/// beyond ASCII.
fn alphabetic(w: &str, hyphen: bool) -> bool {
    for (i, &b) in w.as_bytes().iter().enumerate() {
        if b >= 0x80 {
            return w.get(i..).is_some_and(|rest| rest.chars().all(|c| c.is_alphabetic() || (hyphen && c == '-')));
        }
        if !(b.is_ascii_alphabetic() || (hyphen && b == b'-')) {
            return false;
        }
    }
    true
}

/// Bits of [`Matcher::lemma_sets`]: the closed lists of lemmas a lemma is in
/// ([`lemma_sets`]), so that [`Analysis::lemma_is`] tests a bit where it
/// compared the lemma's name with each word of a list.
pub(crate) mod lemma_set {
    /// [`crate::lexicon::Closed::auxiliaries`].
    pub const AUXILIARY: u8 = 1;
    /// [`crate::lexicon::Closed::passive_aux`].
    pub const PASSIVE_AUX: u8 = 1 << 1;
    /// [`crate::lexicon::Closed::future_aux`].
    pub const FUTURE_AUX: u8 = 1 << 2;
    /// [`crate::lexicon::Closed::aspectual`].
    pub const ASPECTUAL: u8 = 1 << 3;
    /// [`crate::lexicon::Closed::light_verbs`].
    pub const LIGHT_VERB: u8 = 1 << 4;
}

/// The closed lists of lemmas of `closed`, each with its [`lemma_set`] bit.
fn lemma_lists(closed: &crate::lexicon::Closed) -> [(&[&'static str], u8); 5] {
    [
        (&closed.auxiliaries, lemma_set::AUXILIARY),
        (&closed.passive_aux, lemma_set::PASSIVE_AUX),
        (&closed.future_aux, lemma_set::FUTURE_AUX),
        (&closed.aspectual, lemma_set::ASPECTUAL),
        (&closed.light_verbs, lemma_set::LIGHT_VERB),
    ]
}

/// Per lemma id (an index into `lemmas`), the [`lemma_set`] bits of the
/// closed lists of `closed` that name it: built once per [`Matcher`].
pub(crate) fn lemma_sets(lemmas: &[String], closed: &crate::lexicon::Closed) -> Vec<u8> {
    let lists = lemma_lists(closed);
    lemmas.iter().map(|l| lists.iter().filter(|(list, _)| list.contains(&l.as_str())).fold(0, |b, (_, bit)| b | bit)).collect()
}

/// The bit of verb form tag `t` in [`Kinds::tags`] (every [`tag`] is below 8).
fn tag_bit(t: u8) -> u8 {
    1 << (t % 8)
}

/// What the entries of a key are, read in one pass once per key when the
/// [`Matcher`] is built ([`key_facts`], kept beside the key's bounds in
/// [`crate::lexicon::Entries`]), so that a unit's lexical class, its kinds
/// of actor and its verb kinds are one load with its entries, not a scan of
/// them in [`Analysis::group`] and again in [`Analysis::learn_facts`]
/// (≈3.5M instructions of the 1 MB corpus).
///
/// Packed in 32 bits: the [`tag_bit`]s of its verb forms (bits 0–6), its
/// [`kind`]s of actor (7–9), whether it has event nouns (10) and a form of
/// an auxiliary (11), its first [`Entry::Lex`]'s class (12–15, one more
/// than its number; 0 for none), the [`lex_bit`]s of all (16–27), whether
/// it names a place ([`Kinds::place`], 28) and whether it only completes a
/// title ([`Kinds::completes`], 29).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(crate) struct Kinds(u32);

/// Every [`Lex`], by its number.
const LEXES: [Lex; 12] = [
    Lex::NegPre,
    Lex::NegPost,
    Lex::Condition,
    Lex::Hypothetical,
    Lex::Speculation,
    Lex::ModalConditional,
    Lex::Intent,
    Lex::AttributionPrep,
    Lex::AttributionVerb,
    Lex::Coordination,
    Lex::Pair,
    Lex::Article,
];

impl Kinds {
    /// [`Kinds::nouns`].
    const NOUNS: u32 = 1 << 10;
    /// [`Kinds::aux`].
    const AUX: u32 = 1 << 11;
    /// [`Kinds::place`].
    const PLACE: u32 = 1 << 28;
    /// [`Kinds::completes`].
    const COMPLETES: u32 = 1 << 29;

    /// The kinds of the entries `es`; `lemma_sets` are the matcher's
    /// ([`lemma_sets`]).
    fn of(es: &[Entry], lemma_sets: &[u8]) -> Kinds {
        let (mut tags, mut actor, mut flags, mut lex, mut lexes) = (0u8, 0u8, Kinds::COMPLETES, None, 0u16);
        for e in es {
            if !matches!(
                e,
                Entry::Complement(_) | Entry::Lex(Lex::Article | Lex::Coordination, _) | Entry::Form(..) | Entry::Noun(_) | Entry::City(_)
            ) {
                flags &= !Kinds::COMPLETES;
            }
            if matches!(e, Entry::Capital(..) | Entry::City(_)) {
                flags |= Kinds::PLACE;
            }
            match *e {
                Entry::Form(l, t) => {
                    tags |= tag_bit(t);
                    if lemma_sets.get(l as usize).is_some_and(|&b| b & lemma_set::AUXILIARY != 0) {
                        flags |= Kinds::AUX;
                    }
                }
                Entry::Noun(_) => flags |= Kinds::NOUNS,
                Entry::Person(_) | Entry::Surname(_) => actor |= kind::PERSON,
                Entry::Agent(..) => actor |= kind::AGENT,
                Entry::Country(_) | Entry::Capital(..) | Entry::Demonym(_) | Entry::Org(..) | Entry::Complement(_) => {
                    actor |= kind::OTHER;
                }
                Entry::Lex(x, _) => {
                    lex = lex.or(Some(x));
                    lexes |= lex_bit(x);
                    if x == Lex::Pair {
                        actor |= kind::OTHER;
                    }
                }
                Entry::City(_) => {}
            }
        }
        let lex = lex.map_or(0, |l| l as u32 + 1);
        Kinds(u32::from(tags & 0x7f) | u32::from(actor & 7) << 7 | flags | lex << 12 | u32::from(lexes) << 16)
    }

    /// The [`tag_bit`]s of its verb forms ([`Entry::Form`]).
    fn tags(self) -> u8 {
        (self.0 & 0x7f) as u8
    }

    /// The kinds of actor entries (bits of [`kind`]).
    fn actor(self) -> u8 {
        (self.0 >> 7 & 7) as u8
    }

    /// It has event nouns ([`Entry::Noun`]).
    fn nouns(self) -> bool {
        self.0 & Kinds::NOUNS != 0
    }

    /// A form of an auxiliary ([`lemma_set::AUXILIARY`]).
    fn aux(self) -> bool {
        self.0 & Kinds::AUX != 0
    }

    /// Its first [`Entry::Lex`]'s class.
    fn lex(self) -> Option<Lex> {
        let n = (self.0 >> 12 & 0xf) as usize;
        n.checked_sub(1).and_then(|i| LEXES.get(i)).copied()
    }

    /// The [`lex_bit`]s of all its [`Entry::Lex`] entries.
    fn lexes(self) -> u16 {
        (self.0 >> 16) as u16 & 0xfff
    }

    /// It names a place: a capital or a city ([`Entry::Capital`], [`Entry::City`]).
    fn place(self) -> bool {
        self.0 & Kinds::PLACE != 0
    }

    /// Every entry only completes a preceding title ("de la Défense": a
    /// complement, article, conjunction, verb form, event noun or city);
    /// true for no entries.
    fn completes(self) -> bool {
        self.0 & Kinds::COMPLETES != 0
    }

    /// Whether it has verb forms or event nouns (the units [`Analysis::verb_context`] looks at).
    fn verbal(self) -> bool {
        self.0 & (0x7f | Kinds::NOUNS) != 0
    }
}

/// The packed [`Kinds`] of the entries `es` of a key, for
/// [`crate::lexicon::Entries`] (`lemma_sets` are the matcher's).
pub(crate) fn key_facts(es: &[Entry], lemma_sets: &[u8]) -> u32 {
    Kinds::of(es, lemma_sets).0
}

/// Bits of [`Facts::unit`]: the context of a unit that rules out some of its
/// verb forms (see [`Analysis::verb_heads`]).
mod verb {
    /// After a determiner: a noun, no verb form.
    pub const NOUN_ONLY: u16 = 1;
    /// One adjective after a determiner: no gerund.
    pub const ADJECTIVE_BETWEEN: u16 = 1 << 1;
    /// Inside a run of capitalised words: no verb form.
    pub const IN_NAME: u16 = 1 << 2;
    /// After an object pronoun: no base form.
    pub const AFTER_OBJECT: u16 = 1 << 3;
    /// Heads a preposition's noun phrase.
    pub const PREP_NP: u16 = 1 << 4;
    /// … with words between the preposition and the unit.
    pub const PREP_NP_WORDS: u16 = 1 << 5;
    /// The unit has verb forms at all (no filter: a fact for
    /// [`super::Analysis::finite_verb_at`]).
    pub const FORMS: u16 = 1 << 6;
    /// The unit has event nouns ([`crate::lexicon::Entry::Noun`]).
    pub const NOUNS: u16 = 1 << 7;
    /// A form of the unit is an auxiliary's ([`super::Analysis::auxiliary_at`]).
    pub const AUX: u16 = 1 << 8;
}

/// The buffers of an [`Analysis`], kept from one sentence to the next so
/// that analysing a sentence allocates (almost) nothing: pass one to
/// [`Analysis::reuse`] and take it back with [`Analysis::recycle`]. Its
/// contents between sentences mean nothing.
///
/// The buffers are kept whole in an `Option`: taking them is one move and
/// a `None`, and giving them back drops nothing but that `None` (taking
/// each vector with [`std::mem::take`], which leaves an empty one behind
/// to be dropped again, cost ≈250 instructions a sentence; 1 MB corpus:
/// 217.0M → 215.9M instructions).
#[derive(Debug, Default)]
pub struct Scratch(Option<Buffers>);

/// The vectors a [`Scratch`] keeps.
#[derive(Debug, Default)]
struct Buffers {
    toks: Vec<Tok>,
    otoks: Vec<(usize, usize)>,
    units: Vec<Unit>,
    unit_at: Vec<Option<usize>>,
    groups: Vec<Group>,
    in_group: Vec<Option<usize>>,
    attributed: Vec<bool>,
    cited: Vec<(usize, usize)>,
    consumed: Vec<bool>,
    tok_words: Vec<(u32, u32)>,
    word_ids: Vec<u32>,
    classes: Vec<u32>,
    np_pool: Vec<Vec<Np>>,
    cands: Vec<(usize, bool, u32)>,
    heads: Heads,
    starts: Vec<(crate::trie::Resume, u32)>,
    facts: Facts<'static>,
}

impl Buffers {
    /// Selects the units: at each token start, left to right, the longest
    /// key found there that covers whole tokens; the next unit starts after
    /// its end. (Keys are searched only from token starts: a match starting
    /// anywhere else could never be selected.)
    ///
    /// `memo` is the position of `m`'s entry in `heads`.
    fn select_units(&mut self, m: &Matcher, text: &str, orig: &str, memo: usize) {
        let bytes = text.as_bytes();
        // (end, acronym, key) of the keys starting at the current token,
        // shortest first; read from the end, an automaton key comes before
        // an acronym of the same span.
        let mut cands = std::mem::take(&mut self.cands);
        // Zipped, not indexed: no bounds check per token (1 MB corpus:
        // 262.5M → 261.9M instructions).
        let mut each = self.toks.iter().zip(&self.starts).enumerate();
        while let Some((ti, (&t, &(start, flags)))) = each.next() {
            let s = t.s;
            cands.clear();
            // A key must not start or end inside a word; no token that
            // starts with a word character follows one (see `tokenize`), so
            // only the end needs checking.
            //
            // Only keys that begin with the token's head can be selected (a
            // shorter key ends inside the token): the walk starts after the
            // head's bytes, where it stands after them is kept per thread,
            // and when no key starts with the head, there is no walk. (Of
            // the 1 MB corpus' 140k walks, 47 % stop there, and the others
            // skip the 4–5 dependent reads of the head's nodes.)
            let (mut at, mut flags) = (start, flags);
            if at.is_unknown() {
                let tok = bytes.get(s..t.e).unwrap_or_default();
                at = m.trie.start(head(tok));
                if at == crate::trie::Resume::NOTHING {
                    flags |= NO_KEY;
                }
                if let Some(h) = self.heads.get_mut(memo) {
                    h.1.update(tok, |v| *v = (at, v.1 | flags & NO_KEY));
                }
            }
            debug_assert_eq!(flags & NO_KEY != 0, at == crate::trie::Resume::NOTHING);
            // No key starts here, nor an acronym: nothing to select (debug
            // builds go on, to check that against a walk of the whole trie;
            // 1 MB corpus: 230.52M → 229.94M instructions). Told by a bit
            // kept with the token in the memo, not by comparing the three
            // fields of a `Resume` (1 MB corpus: 202.58M → 202.09M instructions).
            if flags == NO_KEY && !cfg!(debug_assertions) {
                continue;
            }
            // Every key found is kept, one that ends inside a word too:
            // `pick` skips those, and the walk's call per key is a push
            // (1 MB corpus: 264.9M → 263.1M instructions).
            // Shortest first, as found; `pick` reads them from the end (not
            // reversed first: 1 MB corpus: 229.94M → 229.46M instructions).
            m.trie.each_prefix_from(at, &bytes[s..], |len, key| cands.push((s + len, false, key)));
            #[cfg(debug_assertions)]
            {
                // The keys of a walk of the whole trie: the longest are those
                // found, the others cannot be selected.
                let all = every_key_at(m, text, &self.toks, ti);
                let kept: Vec<_> = cands.iter().rev().copied().filter(|&(e, _, _)| !inside_word(text, e)).collect();
                let (found, left) = all.split_at(kept.len().min(all.len()));
                assert!(
                    found == kept.as_slice() && pick(&self.toks, text, ti, left.iter()).is_none(),
                    "{text:?} at {s}: {kept:?} of {all:?}"
                );
            }
            // Only a token that is an acronym's key is tested for capitals:
            // the token index marks those keys, so the memo's lookup tells
            // (1 MB corpus: 235.4M → 230.5M instructions).
            if flags & ACRONYM != 0 {
                let (os, oe) = self.otoks[ti];
                // Only two capitals (or characters beyond ASCII) can start
                // one: most words fail on their first two bytes, before the
                // test of their characters (1 MB corpus: 266.5M → 264.9M
                // instructions).
                let capital = |i: usize| orig.as_bytes().get(i).is_some_and(|&c| c >= 0x80 || c.is_ascii_uppercase());
                let o = if capital(os) && capital(os + 1) { orig.get(os..oe).unwrap_or("") } else { "" };
                if o.len() >= 2 && o.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) {
                    if let Some(&k) = m.acronyms.get(&text[t.s..t.e]) {
                        let at = cands.iter().position(|c| c.0 >= t.e).unwrap_or(cands.len());
                        cands.insert(at, (t.e, true, k));
                    }
                }
            }
            if let Some((_, t1, key)) = pick(&self.toks, text, ti, cands.iter().rev()) {
                let u = self.units.len();
                self.units.push(Unit { t0: ti, t1: t1 + 1, key });
                for x in ti..=t1 {
                    self.unit_at[x] = Some(u);
                }
                // The next unit starts after this one's end: at the first
                // token after `t1` (the tokens up to it start before that
                // end), reached in one step, not a turn per token skipped
                // (1 MB corpus: 214.41M → 213.34M instructions).
                if t1 > ti {
                    each.nth(t1 - ti - 1);
                }
            }
        }
        self.cands = cands;
    }
}

/// Whether byte `e` of `text` lies between two word characters (a key
/// must not end there).
#[inline(always)]
fn inside_word(text: &str, e: usize) -> bool {
    word_before(text, e) && word_at(text, e)
}

/// The first of the candidates `cands` (end, acronym, key; longest first)
/// of a unit starting at token `ti` that covers whole tokens (and, unless an acronym,
/// does not end inside a word): its end, last token and key.
#[inline]
fn pick<'c>(toks: &[Tok], text: &str, ti: usize, cands: impl Iterator<Item = &'c (usize, bool, u32)>) -> Option<(usize, usize, u32)> {
    for &(e, acronym, key) in cands {
        // A key must not end inside a word (an acronym is a whole token).
        if !acronym && inside_word(text, e) {
            continue;
        }
        // The token that ends at or contains `e` (a key ends after
        // its start, and the tokens are sorted).
        let t1 = ti + toks[ti..].iter().take_while(|t| t.e < e).count();
        let Some(&Tok { s: ts, e: tok_end }) = toks.get(t1) else { continue };
        if ts >= e {
            continue;
        }
        // A key must cover whole tokens: "sarkozy" inside "bruni-sarkozy" is not a match.
        if tok_end != e && !text[..e].ends_with('\'') && !(tok_end == e + 1 && text[..tok_end].ends_with('\'')) {
            continue;
        }
        return Some((e, t1, key));
    }
    None
}

/// The candidates of `select_units` at token `ti` from a walk of the
/// whole trie, every key found there (acronyms aside): what the walk
/// from the token's head must agree with.
#[cfg(debug_assertions)]
fn every_key_at(m: &Matcher, text: &str, toks: &[Tok], ti: usize) -> Vec<(usize, bool, u32)> {
    let s = toks[ti].s;
    let mut all = Vec::new();
    m.trie.each_prefix(&text.as_bytes()[s..], |len, key| {
        let e = s + len;
        if !inside_word(text, e) {
            all.push((e, false, key));
        }
    });
    all.reverse();
    all
}

/// Per matcher (by [`Matcher::id`]), what the tokens seen lately are: where
/// the walk of its trie stands after the token's [`head`], and the token's
/// [`crate::words::TokenIndex::number`] (whose value, classes and range of
/// pattern word ids, is one load from a small array) with the flags
/// [`ACRONYM`] and [`NO_KEY`]. One lookup in a small table that stays in
/// cache gives all a token needs, where the trie and the token index are
/// two cache misses.
type Heads = Vec<(u64, crate::words::Memo<(crate::trie::Resume, u32)>)>;

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// `v` emptied, then filled with `n` copies of `x`, keeping its allocation.
fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

/// `v` with `n` elements, keeping its allocation: the first of those are
/// what `v` held (any value, for a caller that writes all `n`), the others
/// copies of `x`.
fn set_len<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    if v.len() < n {
        v.resize(n, x);
    } else {
        v.truncate(n);
    }
}

impl<'a> Analysis<'a> {
    /// Tokenises, matches and groups one sentence `orig`, folded as
    /// `folded` (its text and the map of its offsets back to `orig`).
    pub fn new(m: &'a Matcher, kb: &'a Kb, folded: &'a Folded, orig: &'a str) -> Analysis<'a> {
        Analysis::reuse(m, kb, folded, orig, &mut Scratch::default())
    }

    /// [`Analysis::new`] with the buffers of `scratch` (left empty; give
    /// them back with [`Analysis::recycle`]): the same analysis, without
    /// allocating a dozen vectors per sentence.
    pub fn reuse(m: &'a Matcher, kb: &'a Kb, folded: &'a Folded, orig: &'a str, scratch: &mut Scratch) -> Analysis<'a> {
        let text = folded.text.as_str();
        // Everything is worked out in `scratch`'s buffers where they lie, and
        // the analysis is made of them last, in one go: building it first
        // and filling it through `self` cost a copy of the whole struct on
        // return (1 MB corpus: 269.3M → 268.4M instructions).
        let mut s = scratch.0.take().unwrap_or_default();
        tokenize(text, &mut s.toks);
        let n = s.toks.len();
        s.otoks.clear();
        // A sentence folded byte for byte has its tokens' offsets as they
        // are, copied without a lookup (1 MB corpus: 236.8M → 235.6M
        // instructions). Otherwise a token that starts where the previous
        // one ends ("l'" "iran", "dit" ":") shares that offset: it is mapped
        // once. `Folded::orig` is inlined here, a load or the identity (1 MB
        // corpus: through a `&dyn Fn`, 238.0M → 236.8M instructions).
        if folded.is_identity() {
            s.otoks.extend(s.toks.iter().map(|t| (t.s, t.e)));
        } else {
            let mut last = (usize::MAX, 0);
            s.otoks.extend(s.toks.iter().map(|t| {
                let s = if t.s == last.0 { last.1 } else { folded.orig(t.s) };
                last = (t.e, folded.orig(t.e));
                (s, last.1)
            }));
        }
        // Each token's classes, pattern words and trie walk, in one lookup,
        // written into vectors sized first rather than pushed one by one
        // (1 MB corpus: 268.4M → 266.5M instructions).
        // Every element is written by the loop below: the vectors are only
        // given the length, not filled first (1 MB corpus: 215.10M → 214.41M
        // instructions).
        set_len(&mut s.classes, n, 0);
        set_len(&mut s.tok_words, n, (0, 0));
        set_len(&mut s.starts, n, (crate::trie::Resume::default(), 0));
        s.word_ids.clear();
        let at = match s.heads.iter().position(|h| h.0 == m.id) {
            Some(i) => i,
            None => {
                s.heads.push((m.id, Default::default()));
                s.heads.len() - 1
            }
        };
        let memo = &mut s.heads[at].1;
        let bytes = text.as_bytes();
        let each = s.toks.iter().zip(&mut s.starts).zip(&mut s.classes).zip(&mut s.tok_words);
        for (((t, at), classes), words) in each {
            // The walk only for a token a unit may start at (see
            // `select_units`).
            let (walk, n) = memo.get_or_in(bytes, t.s, t.e, |w| (crate::trie::Resume::UNKNOWN, m.tokens.number(w)));
            *at = (walk, n & FLAGS);
            let (cls, from, to) = m.tokens.value(n);
            *classes = cls;
            let start = s.word_ids.len() as u32;
            // Most tokens have no pattern word (their range is empty, left
            // as is), the others one or two: pushed one by one, not by a
            // call to copy a slice.
            if from != to {
                for &id in m.tokens.ids(from, to) {
                    s.word_ids.push(id);
                }
            }
            *words = (start, s.word_ids.len() as u32);
        }
        s.units.clear();
        refill(&mut s.unit_at, n, None);
        s.select_units(m, text, orig, at);
        s.groups.clear();
        s.cited.clear();
        refill(&mut s.in_group, n, None);
        refill(&mut s.attributed, n, false);
        refill(&mut s.consumed, n, false);
        Analysis {
            m,
            kb,
            text,
            orig,
            folded,
            toks: s.toks,
            otoks: s.otoks,
            units: s.units,
            unit_at: s.unit_at,
            groups: s.groups,
            in_group: s.in_group,
            attributed: s.attributed,
            cited: s.cited,
            consumed: s.consumed,
            question: orig.trim_end().ends_with('?'),
            tok_words: s.tok_words,
            word_ids: s.word_ids,
            classes: s.classes,
            np_pool: s.np_pool,
            cands: s.cands,
            heads: s.heads,
            starts: s.starts,
            facts: s.facts.forget(),
        }
    }

    /// Gives the analysis' buffers back to `scratch`, for the next sentence.
    ///
    /// Inlined: the caller's analysis is not copied to be passed by value,
    /// and the groups are popped rather than drained (1 MB corpus: 205.26M
    /// → 205.03M instructions; with the trie change before it, 204.95M →
    /// 204.70M).
    #[inline]
    pub fn recycle(mut self, scratch: &mut Scratch) {
        while let Some(g) = self.groups.pop() {
            let mut nps = g.nps;
            nps.clear();
            self.np_pool.push(nps);
        }
        scratch.0 = Some(Buffers {
            toks: self.toks,
            otoks: self.otoks,
            units: self.units,
            unit_at: self.unit_at,
            groups: self.groups,
            in_group: self.in_group,
            attributed: self.attributed,
            cited: self.cited,
            consumed: self.consumed,
            tok_words: self.tok_words,
            word_ids: self.word_ids,
            classes: self.classes,
            np_pool: self.np_pool,
            cands: self.cands,
            heads: self.heads,
            starts: self.starts,
            facts: self.facts.forget(),
        });
    }

    /// Whether token `t` is a word of the closed class `c` (a [`class`] bit).
    #[inline]
    pub fn is(&self, t: usize, c: u32) -> bool {
        self.classes.get(t).is_some_and(|b| b & c != 0)
    }

    /// Whether some token of the sentence is a word of the closed classes
    /// `c` (an OR over every token's bits: vectorised, a few instructions
    /// a sentence).
    pub(crate) fn any_is(&self, c: u32) -> bool {
        self.classes.iter().fold(0, |a, &b| a | b) & c != 0
    }

    /// Folded text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.s..t.e])
    }

    /// Original text of tokens `[t0, t1)`.
    pub fn orig_span(&self, t0: usize, t1: usize) -> (usize, usize) {
        let s = self.otoks.get(t0).map_or_else(|| self.folded.orig(0), |o| o.0);
        let e = if t1 == 0 { s } else { self.otoks.get(t1 - 1).map_or(s, |o| o.1) };
        (s, e)
    }

    fn orig_text(&self, t0: usize, t1: usize) -> &'a str {
        let (s, e) = self.orig_span(t0, t1);
        self.orig.get(s..e).unwrap_or("")
    }

    fn capitalised(&self, t0: usize) -> bool {
        let Some(&(s, e)) = self.otoks.get(t0) else { return false };
        match self.orig.as_bytes().get(s) {
            // An ASCII byte starts a character: only the end needs checking.
            Some(&c) if c < 0x80 => c.is_ascii_uppercase() && s < e && self.orig.is_char_boundary(e),
            _ => self.orig.get(s..e).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase),
        }
    }

    /// A word of two letters or more written in capitals only ("IRNA").
    fn all_capitals(&self, t0: usize) -> bool {
        let (mut chars, mut letters) = (0, false);
        for c in self.orig_text(t0, t0 + 1).chars() {
            if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters = true;
            }
            chars += 1;
        }
        chars >= 2 && letters
    }

    /// Names one typo or transliteration away from a known person or
    /// country ("Mitterand", "Bouteflicka") become units of that name: a
    /// capitalised word no key matched (the sentence's first word only for
    /// a country: a capital there says nothing), with exactly one near name.
    ///
    /// A compound led by a country ("Saudi-led", "US-led") becomes a unit of
    /// that country's name or demonym.
    pub fn spelling_variants(&mut self) {
        if self.m.fuzzy.is_empty() && self.m.closed.led_suffixes.is_empty() {
            return;
        }
        // The shortest word worth a test: a suffix and a letter, or a name.
        // Most words are shorter, and skipped on their length alone
        // (spelling_variants 10.1M → 8.3M instructions per MB of text).
        let led = self.m.closed.led_suffixes.iter().map(|x| x.len() + 1).min();
        let min = led.unwrap_or(usize::MAX).min(if self.m.fuzzy.is_empty() { usize::MAX } else { crate::fuzzy::MIN_LEN });
        // Found first, inserted after (the tests read no unit).
        let mut found: Vec<Unit> = Vec::new();
        // The scan of every token kept apart from the tests of the few it
        // keeps (one in eight): with them inlined in its body, its counter
        // and pointers lived on the stack.
        let mut t = 0;
        while let Some(k) = self
            .unit_at
            .get(t..)
            .unwrap_or_default()
            .iter()
            .zip(self.toks.get(t..).unwrap_or_default())
            .position(|(unit, tok)| unit.is_none() && tok.e - tok.s >= min)
        {
            t += k;
            if let Some(key) = self.variant_at(t) {
                found.push(Unit { t0: t, t1: t + 1, key });
            }
            t += 1;
        }
        if found.is_empty() {
            return;
        }
        for unit in found {
            let at = self.units.partition_point(|u| u.t0 < unit.t0);
            self.units.insert(at, unit);
        }
        self.unit_at.iter_mut().for_each(|x| *x = None);
        for (u, unit) in self.units.iter().enumerate() {
            for x in unit.t0..unit.t1 {
                self.unit_at[x] = Some(u);
            }
        }
    }

    /// The key of the name token `t` (in no unit) is a variant of
    /// ([`Analysis::spelling_variants`]).
    #[inline]
    fn variant_at(&self, t: usize) -> Option<u32> {
        // Bytes, and the cheapest tests first: the last byte of a suffix,
        // the folded word's length (no less than its number of characters,
        // tested below), then the capital (per MB of text, 70k tests of a
        // capital became 19k).
        let Tok { s, e } = self.toks[t];
        let w = self.text.as_bytes().get(s..e).unwrap_or_default();
        if self.m.closed.led_suffixes.iter().any(|x| w.last() == x.as_bytes().last() && w.ends_with(x.as_bytes())) {
            if let Some(key) = self.led_compound(t) {
                return Some(key);
            }
        }
        if self.m.fuzzy.is_empty() || w.len() < crate::fuzzy::MIN_LEN || !self.capitalised(t) || self.capitals_only(t) {
            return None;
        }
        let w = self.tok(t);
        // (An ASCII word's characters are its bytes.)
        let word = if w.is_ascii() {
            w.bytes().all(|b| b.is_ascii_alphabetic())
        } else {
            w.chars().count() >= crate::fuzzy::MIN_LEN && w.chars().all(char::is_alphabetic)
        };
        if !word {
            return None;
        }
        // The sentence's first word is capitalised anyway: there only a
        // country name ("Ethopia has agreed") is worth the guess.
        let country = |k: u32| self.m.entries[k as usize].iter().any(|e| matches!(e, Entry::Country(_)));
        self.m.fuzzy.lookup(w).filter(|&k| t > 0 || country(k))
    }

    /// [`Analysis::all_capitals`] of the capitalised token `t`, answered
    /// from its second byte when that is a lower-case ASCII letter
    /// ("Mitterand": a letter not in capitals).
    #[inline]
    fn capitals_only(&self, t: usize) -> bool {
        let lower =
            self.otoks.get(t).is_some_and(|&(s, e)| s + 1 < e && self.orig.as_bytes().get(s + 1).is_some_and(u8::is_ascii_lowercase));
        !lower && self.all_capitals(t)
    }

    /// The key of the country name or demonym that leads `w` ("saudi-led").
    fn led_compound(&self, t: usize) -> Option<u32> {
        let stem = self.m.closed.led_suffixes.iter().find_map(|s| self.tok(t).strip_suffix(s))?;
        let whole = self.m.trie.prefixes(stem.as_bytes()).last().filter(|&(len, _)| len == stem.len()).map(|(_, k)| k);
        // "US-led": an acronym counts only when written in capitals.
        let acronym = || {
            let orig = self.orig_text(t, t + 1);
            let caps = orig.get(..stem.len()).is_some_and(|o| o.chars().all(|c| c.is_uppercase()));
            caps.then(|| self.m.acronyms.get(stem).copied()).flatten()
        };
        let key = whole.or_else(acronym)?;
        self.m.entries[key as usize].iter().any(|e| matches!(e, Entry::Country(_) | Entry::Demonym(_))).then_some(key)
    }

    /// Entries of unit `u`.
    #[inline]
    pub fn entries(&self, u: usize) -> &'a [Entry] {
        if let Some(&(es, _)) = self.facts.entries.get(u) {
            return es;
        }
        let m: &'a Matcher = self.m;
        &m.entries[self.units[u].key as usize]
    }

    /// The [`Kinds`] of unit `u`'s entries.
    #[inline]
    fn kinds(&self, u: usize) -> Kinds {
        if let Some(&(_, k)) = self.facts.entries.get(u) {
            return k;
        }
        self.units.get(u).map_or(Kinds(0), |unit| Kinds(self.m.entries.with_facts(unit.key as usize).1))
    }

    #[inline]
    fn lex_at(&self, t: usize) -> Option<Lex> {
        if self.facts.lex_ready {
            return self.facts.lex.get(t).copied().flatten();
        }
        self.find_lex(t)
    }

    fn find_lex(&self, t: usize) -> Option<Lex> {
        let u = self.unit_at.get(t).copied().flatten()?;
        self.entries(u).iter().find_map(|e| match e {
            Entry::Lex(l, _) => Some(*l),
            _ => None,
        })
    }

    fn is_article(&self, t: usize) -> bool {
        self.lex_at(t) == Some(Lex::Article) || self.is(t, class::DEFINITE)
    }

    /// Builds actor groups; `seen` are persons named in full earlier.
    pub fn group(&mut self, ctx: &Context) {
        let m: &'a Matcher = self.m;
        let mut lex = std::mem::take(&mut self.facts.lex);
        lex.clear();
        lex.resize(self.toks.len(), None);
        let entries = &mut self.facts.entries;
        entries.clear();
        // Each unit's entries and their kinds (one load each, worked out per
        // key when the matcher was built): its lexical class (per unit: units
        // do not overlap, and `unit_at` maps each token of a unit to it) and
        // the kinds of actor it may name.
        // (Pairs in one vector, extended from the units' exact-size iterator:
        // one pass, with no capacity test per push; two vectors sized first
        // and written by a zipped pass cost 1.1M more per MB. A one-token unit's
        // class is one store, not a call to `memset`.)
        let mut lex_bits = 0;
        // Bit `u` for each of the first 64 units that may name an actor.
        let (mut actors, mut i) = (0u64, 0u32);
        entries.extend(self.units.iter().map(|unit| {
            let (e, f) = m.entries.with_facts(unit.key as usize);
            let k = Kinds(f);
            actors |= u64::from(k.actor() != 0).checked_shl(i).unwrap_or(0);
            i += 1;
            if let Some(l) = k.lex() {
                lex_bits |= lex_bit(l);
                if unit.t1 == unit.t0 + 1 {
                    if let Some(x) = lex.get_mut(unit.t0) {
                        *x = Some(l);
                    }
                } else {
                    lex.get_mut(unit.t0..unit.t1).into_iter().flatten().for_each(|x| *x = Some(l));
                }
            }
            (e, k)
        }));
        self.facts.lex = lex;
        self.facts.lex_bits = lex_bits;
        self.facts.lex_ready = true;
        debug_assert!((0..self.toks.len()).all(|t| self.find_lex(t).is_none_or(|l| lex_bits & lex_bit(l) != 0)));
        let date = ctx.date;
        let mut cur: Option<Group> = None;
        let mut last_end = 0usize;
        // Most units name no actor: the loop takes those that may from the
        // bits of `actors`, then (past 64 units) by one byte each, not by an
        // unpredictable branch per unit (1 MB corpus: 197.31M → 196.64M
        // instructions).
        let mut later = 64;
        loop {
            let u = if actors != 0 {
                let u = actors.trailing_zeros() as usize;
                actors &= actors - 1;
                u
            } else {
                while self.facts.entries.get(later).is_some_and(|&(_, k)| k.actor() == 0) {
                    later += 1;
                }
                if later >= self.facts.entries.len() {
                    break;
                }
                later += 1;
                later - 1
            };
            let k = self.facts.entries[u].1.actor();
            let unit = self.units[u];
            let Some(piece) = self.piece(u, k, ctx, date) else { continue };
            let joinable = cur.as_ref().and_then(|g| {
                // The tokens between the group and this piece.
                let between = last_end..unit.t0;
                let np = g.nps.last()?;
                // "President Francois Mitterand": the person's own given name,
                // missed with the misspelt full name, joins like glue.
                let given = between.len() == 1 && piece.person.is_some_and(|p| self.own_given_name(unit, p & !UNCONFIRMED));
                if between.is_empty() || given || (between.len() <= 3 && (last_end..unit.t0).all(|t| self.is(t, class::GLUE))) {
                    if compatible(np, &piece) {
                        return Some(Join::Extend);
                    }
                    return None;
                }
                if between.len() == 1 && self.tok(last_end) == "," && apposition(np, &piece) {
                    return Some(Join::Extend);
                }
                // "le président sortant, George W.Bush": a title, at most two
                // plain words, a comma, then a name whose given names dyad
                // does not know.
                if np.person.is_none() && np.agent.is_some() && piece.person.is_some() && piece.agent.is_none() {
                    if let Some(c) = between.clone().position(|t| self.tok(t) == ",") {
                        let before_ok = c <= 2 && (last_end..last_end + c).all(|t| self.unit_at[t].is_none() && !self.capitalised(t));
                        let given_name = |t: usize| {
                            self.capitalised(t)
                                && self.unit_at[t].is_none_or(|x| {
                                    self.entries(x).iter().all(|e| matches!(e, Entry::Surname(_) | Entry::City(_) | Entry::Person(_)))
                                })
                        };
                        let after_ok = (last_end + c + 1..unit.t0).all(|t| given_name(t) || self.tok(t) == "." || self.tok(t) == "-");
                        if before_ok && after_ok && between.clone().filter(|&t| self.tok(t) == ",").count() == 1 {
                            return Some(Join::Extend);
                        }
                    }
                }
                // English adjectives before the head noun: "French paper
                // workers", "Algeria's leading rights activist".
                if self.m.closed.adjective_first
                    && piece.agent.is_some()
                    && piece.person.is_none()
                    && np.agent.is_none()
                    && np.person.is_none()
                {
                    let words = || (last_end..unit.t0).filter(|&t| !(self.tok(t) == "s" && t == last_end));
                    let plain = |t: usize| {
                        self.unit_at[t].is_none() && !self.capitalised(t) && alphabetic(self.tok(t), true) && !self.is(t, class::PREPS)
                    };
                    if words().count() <= 2 && words().all(plain) && compatible(np, &piece) {
                        return Some(Join::Extend);
                    }
                }
                // "security forces in Guinea", "les rebelles au Darfour".
                if between.len() == 1
                    && self.is(last_end, class::INSIDE)
                    && np.agent.is_some()
                    && np.country.is_none()
                    && np.person.is_none()
                    && np.org.is_none()
                    && piece.named_country
                    && !piece.capital
                    && piece.agent.is_none()
                    && piece.person.is_none()
                {
                    return Some(Join::Extend);
                }
                // "A and B", "A, and B" (a list's last comma).
                let t = if between.len() > 1 && self.tok(last_end) == "," { last_end + 1 } else { last_end };
                // "Fabius and a group of deputies": a quantity phrase may open
                // the second member.
                let coord = !between.is_empty()
                    && self.lex_at(t) == Some(Lex::Coordination)
                    && (t + 1..unit.t0).all(|x| {
                        self.is_article(x)
                            || self.lex_at(x) == Some(Lex::Coordination)
                            || self.is(x, class::QUANTITIES)
                            || self.is(x, class::GENITIVE) && x > t + 1 && self.is(x - 1, class::QUANTITIES)
                    });
                if coord {
                    return Some(Join::Coordinate);
                }
                // "to Iran, Libya, North Korea and Sudan": a list of named
                // countries or organisations, not a place after its city
                // ("Paris, France": a capital is no list item).
                let item =
                    |n: &Np| (n.named_country && !n.capital || n.org.is_some()) && n.agent.is_none() && n.person.is_none() && !n.pair;
                if between.len() == 1 && self.tok(last_end) == "," && g.nps.iter().all(item) && item(&piece) && self.list_continues(unit.t1)
                {
                    return Some(Join::Coordinate);
                }
                None
            });
            match joinable {
                Some(Join::Extend) => {
                    if let Some(g) = cur.as_mut() {
                        if let Some(np) = g.nps.last_mut() {
                            merge(np, piece);
                            np.t1 = unit.t1;
                        }
                        g.t1 = unit.t1;
                    }
                }
                Some(Join::Coordinate) => {
                    if let Some(g) = cur.as_mut() {
                        let mut np = piece;
                        // "les bases américaines et israéliennes": the second
                        // demonym shares the first one's head noun.
                        if np.agent.is_none() && np.person.is_none() && np.org.is_none() && !np.named_country && !np.capital {
                            if let Some(prev) = g.nps.last() {
                                np.agent = prev.agent;
                                np.title_toks = np.title_toks.or(prev.title_toks);
                            }
                        }
                        // "le ministre vénézuélien et plusieurs responsables
                        // du renseignement": a role noun with no country of its
                        // own shares its partner's.
                        if np.country.is_none() && np.person.is_none() && np.org.is_none() && !np.pair {
                            np.country = g.nps.last().and_then(|p| p.country);
                        }
                        g.nps.push(np);
                        g.t1 = unit.t1;
                    }
                }
                None => {
                    // "de la Défense" only completes a preceding title (said by
                    // its kinds, not a second scan of its entries; with the
                    // same for `place_here` in `piece`, 1 MB corpus: 197.50M →
                    // 197.31M instructions).
                    if self.facts.entries[u].1.completes() {
                        continue;
                    }
                    if let Some(g) = cur.take() {
                        self.push_group(g);
                    }
                    cur = Some(Group {
                        t0: unit.t0,
                        t1: unit.t1,
                        nps: {
                            let mut nps = self.np_pool.pop().unwrap_or_default();
                            nps.push(piece);
                            nps
                        },
                        attributed: false,
                        possessive: false,
                        lead: None,
                        weak: false,
                    });
                }
            }
            last_end = unit.t1;
        }
        if let Some(g) = cur.take() {
            self.push_group(g);
        }
        // "ethnic Albanians demonstrated in Serbia": an ethnic group named by
        // a demonym lives where the sentence places it, not in the country
        // the demonym names.
        // (The place is looked for only when such a group is there.)
        // (Nested loops, not a `flat_map`: with the same change in
        // `confirm_surnames`, 1 MB corpus 231.02M → 229.97M instructions.)
        if self.groups.iter().any(|g| g.nps.iter().any(|np| self.ethnic_demonym(np))) {
            // The first place after a locative ("in southeastern Serbia",
            // "near Macedonia's border"), not an actor named first nor a
            // destination ("back to Bulgaria").
            let place = (1..self.toks.len())
                .filter(|&t| self.is(t - 1, class::LOCATIVES) && !self.is(t - 1, class::TO))
                .find_map(|t| self.place_country_after(t).filter(|(_, toks)| toks.0 <= t + 2))
                .and_then(|(c, _)| self.m.code_index.get(c).copied());
            if let Some(place) = place {
                for g in 0..self.groups.len() {
                    for n in 0..self.groups[g].nps.len() {
                        if self.ethnic_demonym(&self.groups[g].nps[n]) {
                            self.groups[g].nps[n].country = Some(place);
                        }
                    }
                }
            }
        }
        // "demonstrators in Baghdad": a role noun without a country takes
        // the country of the place it is in.
        // (The word after the group first: one load, and most are no
        // "in"; 1 MB corpus: −0.4M instructions.)
        for gi in 0..self.groups.len() {
            let g = &self.groups[gi];
            let t = g.t1;
            if !self.is(t, class::INSIDE) {
                continue;
            }
            if !g.nps.iter().all(|n| n.agent.is_some() && n.country.is_none() && n.person.is_none() && n.org.is_none() && !n.pair) {
                continue;
            }
            let place = self.unit_at.get(t + 1).copied().flatten().and_then(|u| {
                self.entries(u).iter().find_map(|e| match *e {
                    Entry::Capital(c, _) => Some(c),
                    Entry::City(ci) if self.capitalised(t + 1) => {
                        let country = &self.kb.cities.get(ci as usize)?.country;
                        // (By the index, not a scan of the codes: 0.2M per MB.)
                        self.m.code_index.get(country.as_str()).copied()
                    }
                    _ => None,
                })
            });
            if let Some(c) = place {
                for np in &mut self.groups[gi].nps {
                    np.country = Some(c);
                }
            }
        }
    }

    /// Whether a list of actors goes on after token `t`: another comma and
    /// item, or a conjunction ("Libya, Sudan and Cuba").
    /// Whether `np` is an ethnic group named by a demonym after an ethnic
    /// marker ("ethnic Albanians"), with no country named, person or organisation.
    #[inline]
    fn ethnic_demonym(&self, np: &Np) -> bool {
        // (The word compared last.)
        np.country.is_some()
            && !np.named_country
            && np.person.is_none()
            && np.org.is_none()
            && np.title_toks.is_some_and(|(d0, _)| d0 > 0 && self.m.closed.ethnic_markers.contains(&self.tok(d0 - 1)))
    }

    fn list_continues(&self, t: usize) -> bool {
        let mut t = t;
        while t < self.toks.len() && self.tok(t) == "," {
            t += 1;
        }
        t < self.toks.len() && self.lex_at(t) == Some(Lex::Coordination)
            || t > 0 && self.tok(t - 1) == "," && self.unit_at.get(t).copied().flatten().is_some()
    }

    fn push_group(&mut self, mut g: Group) {
        if self.m.closed.adjective_first {
            if let Some((Some(agent), None)) = g.nps.last().map(|n| (n.agent, n.person)) {
                for np in g.nps.iter_mut() {
                    if np.agent.is_none() && np.person.is_none() && np.org.is_none() && !np.named_country && !np.pair {
                        np.agent = Some(agent);
                    }
                }
            }
        }
        // [`Analysis::is_article`] from the lexical classes `group` has just
        // filled, inlined (1 MB corpus: 204.99M → 204.53M instructions).
        debug_assert!(self.facts.lex_ready);
        let is_article = |t: usize| self.facts.lex.get(t) == Some(&Some(Lex::Article)) || self.is(t, class::DEFINITE);
        let mut t = g.t0;
        while t > 0 && is_article(t - 1) {
            t -= 1;
        }
        if t > 0 && self.is(t - 1, class::POSSESSIVES) {
            g.possessive = true;
            t -= 1;
        }
        // "des milliers de manifestants", "tens of thousands of students": the
        // quantities are part of the phrase.
        // (The class bit before the word.)
        while t >= 2 && self.is(t - 2, class::QUANTITIES) && matches!(self.tok(t - 1), "de" | "d'" | "of") {
            t -= 2;
            while t > 0 && is_article(t - 1) {
                t -= 1;
            }
        }
        g.lead = t.checked_sub(1);
        // A demonym alone is an adjective of some other noun ("les accusations
        // britanniques", "Chinese repression"): a weak actor, never a subject,
        // and a target only right after the verb phrase.
        // (Whether every member is bare first, in a pass of its own: most
        // groups have one that is not, and skip the tests of the text
        // around; 1 MB corpus:
        // 231.42M → 231.02M instructions.)
        let bare = |np: &Np| np.person.is_none() && np.agent.is_none() && np.org.is_none() && !np.named_country && !np.pair;
        let weak = g.nps.iter().all(bare)
            && g.nps.iter().all(|np| {
                if self.m.closed.adjective_first {
                    let next = self.tok(np.t1);
                    next.chars().next().is_some_and(char::is_alphanumeric)
                        && self.unit_at.get(np.t1).copied().flatten().is_none()
                        && !self.is(np.t1, class::PREPS)
                } else {
                    !(g.t0 == 0 || is_article(g.t0 - 1) || self.is(g.t0 - 1, class::DETERMINERS) || self.tok(g.t0 - 1) == ",")
                }
            });
        g.weak = weak;
        // English attributive role noun: "military aid", "opposition rally".
        if self.m.closed.adjective_first && g.nps.len() == 1 {
            let np = &g.nps[0];
            let bare_agent = np.agent.is_some() && np.country.is_none() && np.person.is_none() && np.org.is_none() && !np.pair;
            let next_is_noun = self.unit_at.get(np.t1).copied().flatten().is_some_and(|x| {
                let es = self.entries(x);
                !es.is_empty() && es.iter().all(|e| matches!(e, Entry::Noun(_)))
            });
            if bare_agent && next_is_noun {
                return;
            }
        }
        if g.nps.is_empty() {
            return;
        }
        let gi = self.groups.len();
        if let Some(x) = self.in_group.get_mut(g.t0..g.t1) {
            x.fill(Some(gi));
        }
        self.groups.push(g);
    }

    /// The actor piece unit `u`, of the kinds of actor entries `kinds` (not
    /// none: bits of [`kind`]), contributes, if any.
    fn piece(&self, u: usize, kinds: u8, ctx: &Context, date: Option<Date>) -> Option<Np> {
        use kind::{AGENT, PERSON};
        let unit = self.units[u];
        let es = self.entries(u);
        let mut np = Np { t0: unit.t0, t1: unit.t1, ..Np::default() };
        let mut any = false;
        let locative = unit.t0.checked_sub(1).is_some_and(|t| self.is(t, class::LOCATIVES));
        // "à Rome": a place, even if some person is surnamed Rome.
        // (Whether it names a place, from its kinds: no scan of its entries.)
        let place_here = kinds & PERSON != 0 && locative && self.facts.entries.get(u).is_some_and(|&(_, k)| k.place());
        // "Defence Secretary Tom King": a title word after an unknown given
        // name (not the sentence's first word) is the end of that name.
        // Whether the unit's first word is capitalised, worked out once: a
        // common surname has many entries, each asking (per MB of text, the
        // tests of a capital made by `group` went from 31k to 16k).
        let cap = std::cell::Cell::new(None);
        let capitalised = || {
            cap.get().unwrap_or_else(|| {
                let c = self.capitalised(unit.t0);
                cap.set(Some(c));
                c
            })
        };
        let name_end =
            kinds & AGENT != 0 && unit.t1 == unit.t0 + 1 && unit.t0 >= 2 && capitalised() && self.unknown_capitalised(unit.t0 - 1);
        for e in es {
            match *e {
                Entry::Person(p) | Entry::Surname(p) if place_here && !ctx.seen_persons.contains(&p) => {}
                Entry::Person(p) if capitalised() => {
                    // Namesakes: prefer who holds an office on the date, then
                    // who serves the country the article is about.
                    let better = match np.person {
                        None => true,
                        Some(q) => self.namesake_score(p, date, ctx) > self.namesake_score(q, date, ctx),
                    };
                    if better {
                        np.person = Some(p);
                    }
                    any = true;
                }
                Entry::Surname(p)
                    if capitalised()
                        && np.person.is_none_or(|q| q & UNCONFIRMED != 0)
                        && (!self.beside_unknown_name(unit) || self.own_given_name(unit, p)) =>
                {
                    let confirmed =
                        ctx.seen_persons.contains(&p) || date.is_some_and(|d| self.is_head_of_state(p, d) || self.only_holder(u, p, d));
                    // An unconfirmed surname may still be confirmed by an apposed title;
                    // among several people of that name, a confirmed one wins.
                    if confirmed || np.person.is_none() {
                        np.person = Some(if confirmed { p } else { p | UNCONFIRMED });
                    }
                    any = true;
                }
                Entry::Country(c) if np.country.is_none() => {
                    np.country = Some(c);
                    np.named_country = true;
                    any = true;
                }
                Entry::Capital(c, _) if np.country.is_none() && !locative && capitalised() => {
                    np.country = Some(c);
                    np.capital = true;
                    np.named_country = true;
                    any = true;
                }
                Entry::Demonym(c) if np.country.is_none() => {
                    np.country = Some(c);
                    np.title_toks = Some((unit.t0, unit.t1));
                    any = true;
                }
                Entry::Org(c, o) => {
                    np.org = Some((c, o));
                    any = true;
                }
                Entry::Agent(..) if name_end => {}
                Entry::Agent(c, _) | Entry::Complement(c) => {
                    np.agent = Some(c);
                    np.title_toks = Some((unit.t0, unit.t1));
                    any = true;
                }
                Entry::Lex(Lex::Pair, _) => {
                    np.pair = true;
                    any = true;
                }
                _ => {}
            }
        }
        any.then_some(np)
    }

    /// "Carlos Menem", "Carla Bruni-Sarkozy": a known surname written next
    /// to an unknown capitalised word is part of another person's name.
    fn beside_unknown_name(&self, unit: Unit) -> bool {
        (unit.t0 > 0 && self.unknown_capitalised(unit.t0 - 1)) || (unit.t1 < self.toks.len() && self.unknown_capitalised(unit.t1))
    }

    /// "Francois Mitterand": the unknown word before the surname is this
    /// person's own given name (the full name missed only by a spelling).
    fn own_given_name(&self, unit: Unit, p: u32) -> bool {
        // (The word before first, and the given name folded with no offset
        // map.)
        let Some(b) = unit.t0.checked_sub(1).map(|t| self.tok(t)) else { return false };
        let Some(person) = self.kb.persons.get(p as usize) else { return false };
        person.name.split_whitespace().next().is_some_and(|g| dyad_text::fold(g) == b)
    }

    /// A capitalised word that is no known unit and no honorific: part of a
    /// name dyad does not know.
    fn unknown_capitalised(&self, t: usize) -> bool {
        // A word dyad knows only as a verb or event noun ("Nuclear Power
        // Plant") names no actor either.
        let no_actor = |u: usize| self.entries(u).iter().all(|e| matches!(e, Entry::Form(..) | Entry::Noun(_)));
        self.unit_at.get(t).copied().flatten().is_none_or(no_actor)
            && self.tok(t).chars().next().is_some_and(char::is_alphabetic)
            && self.capitalised(t)
            && !self.is(t, class::HONORIFICS)
    }

    /// The surname of unit `u` belongs to `p` and to no other person holding
    /// an office (not merely "elite") on `d`. (Rare: kept out of `group`,
    /// whose code it would otherwise share; inlined there, 1 MB corpus
    /// 201.50M → 201.93M instructions.)
    #[inline(never)]
    fn only_holder(&self, u: usize, p: u32, d: Date) -> bool {
        let day = dyad_kb::day_key(d);
        let office = |q: u32| self.kb.tenures(q as usize).iter().any(|r| r.held_on(day) && !r.elite());
        if !office(p) {
            return false;
        }
        !self.entries(u).iter().any(|e| matches!(*e, Entry::Surname(q) | Entry::Person(q) if q != p && office(q)))
    }

    /// How likely person `p` is meant: 2 for an office held on `date`, plus 1
    /// when some role serves the article's home country.
    fn namesake_score(&self, p: u32, date: Option<Date>, ctx: &Context) -> u8 {
        let roles = self.kb.tenures(p as usize);
        let office = date.is_some_and(|d| roles.iter().any(|r| r.held_on(dyad_kb::day_key(d)) && !r.elite()));
        let home = ctx.home.as_deref().is_some_and(|h| roles.iter().any(|r| r.code.starts_with(h)));
        2 * u8::from(office) + u8::from(home)
    }

    fn is_head_of_state(&self, p: u32, d: Date) -> bool {
        self.kb.roles_on(p as usize, d).any(|r| {
            let r = r.role.to_ascii_lowercase();
            r.contains("president")
                || r.contains("prime minister")
                || r.contains("chancellor")
                || r.contains("king")
                || r.contains("supreme leader")
        })
    }

    /// Marks attribution phrases and collects the cited sources.
    ///
    /// Forward markers ("selon", "according to", "rapporté par") cover the
    /// words up to the cited name; a bare reporting verb ("Reuters
    /// reported") cites the capitalised name just before it. Nothing else of
    /// the clause is touched: reported speech keeps its events.
    pub fn attribution(&mut self) {
        // Most sentences have neither marker nor agency word: said by the ORs
        // of the tokens' lexical classes and class bits, without the scan of
        // every token below (1 MB corpus: 234.13M → 233.45M instructions).
        let markers = lex_bit(Lex::AttributionPrep) | lex_bit(Lex::AttributionVerb);
        if self.facts.lex_ready && self.facts.lex_bits & markers == 0 && self.classes.iter().fold(0, |a, &c| a | c) & class::AGENCY == 0 {
            // (Every group is made unattributed.)
            debug_assert!(self.groups.iter().all(|g| !g.attributed));
            return;
        }
        let n = self.toks.len();
        let mut t = 0;
        // Whether a token was marked (most sentences mark none).
        let mut marked = false;
        let marker_at = |l: &Option<Lex>| matches!(l, Some(Lex::AttributionPrep | Lex::AttributionVerb));
        while t < n {
            // (Most tokens are neither marker nor agency word, most sentences
            // have none: the tables of lexical classes and class bits skip
            // them in one tight loop; the test below says the same of them.)
            if self.facts.lex_ready {
                // (Over the two slices together: no bounds check per token.)
                let (lex, classes) = (self.facts.lex.get(t..n).unwrap_or_default(), self.classes.get(t..n).unwrap_or_default());
                match lex.iter().zip(classes).position(|(l, &c)| marker_at(l) || c & class::AGENCY != 0) {
                    Some(k) => t += k,
                    None => break,
                }
            }
            let lex = self.lex_at(t);
            // "news agency" cites a source; the International Atomic Energy
            // Agency is an actor (an organisation not coded as media).
            let agency = self.is(t, class::AGENCY)
                && !self.unit_at[t].is_some_and(|u| {
                    self.entries(u).iter().any(|e| matches!(*e, Entry::Org(c, _) if !self.m.codes[c as usize].contains("MED")))
                });
            let marker = matches!(lex, Some(Lex::AttributionPrep) | Some(Lex::AttributionVerb));
            if !marker && !agency {
                t += 1;
                continue;
            }
            let marker_end = self.unit_at[t].map_or(t + 1, |u| self.units[u].t1);
            let last = self.tok(marker_end - 1);
            let forward =
                agency || lex == Some(Lex::AttributionPrep) || self.is(marker_end - 1, class::BY) || last == "agence" || last == "agency";
            let mut clause_end = marker_end;
            // (A one-byte token's first byte is its text.)
            let bytes = self.text.as_bytes();
            let stop = |k: &Tok| k.e == k.s + 1 && matches!(bytes.get(k.s), Some(b',' | b';' | b':' | b'.' | b'?' | b'!' | b'(' | b')'));
            while clause_end < n && !stop(&self.toks[clause_end]) {
                clause_end += 1;
            }
            let mut cited: Option<(usize, usize)> = None;
            let mut region_end = marker_end;
            if forward {
                // The cited name: the first capitalised run within a few words.
                let mut x = marker_end;
                while x < clause_end && x < marker_end + 7 {
                    if self.capitalised(x) && self.tok(x).chars().next().is_some_and(is_word) {
                        let s = x;
                        while x < clause_end && (self.capitalised(x) || self.tok(x) == "-") {
                            x += 1;
                        }
                        cited = Some((s, x));
                        region_end = x;
                        break;
                    }
                    x += 1;
                }
                if cited.is_none() {
                    // "selon des responsables iraniens": the first actor phrase.
                    if let Some(g) = (marker_end..clause_end).find_map(|x| self.group_of(x)) {
                        region_end = self.groups[g].t1;
                    }
                }
            } else if t > 0 {
                // ", Reuters reported."
                let mut s = t;
                while s > 0 && self.capitalised(s - 1) && self.tok(s - 1).chars().next().is_some_and(is_word) {
                    s -= 1;
                }
                if s < t && self.group_of(s).is_none() {
                    cited = Some((s, t));
                    for x in s..t {
                        self.attributed[x] = true;
                        marked = true;
                    }
                }
            }
            if forward && !agency {
                for x in t..region_end {
                    self.attributed[x] = true;
                    marked = true;
                }
            } else if agency {
                // "l'agence IRIB", "the news agency": a source of news, never an actor.
                let e = cited.map_or(marker_end, |(_, e)| e);
                for x in t..e {
                    self.attributed[x] = true;
                    marked = true;
                }
                if let Some(g) = self.group_of(t) {
                    for x in self.groups[g].t0..self.groups[g].t1 {
                        self.attributed[x] = true;
                        marked = true;
                    }
                }
            }
            if let Some(b) = cited {
                if !self.cited.contains(&b) {
                    self.cited.push(b);
                }
            }
            t = region_end.max(t + 1);
        }
        for g in &mut self.groups {
            g.attributed = marked && (g.t0..g.t1).any(|x| self.attributed[x]);
        }
    }

    /// Resolves a noun phrase to an actor on `date`; `inherit` gives the
    /// country for possessive groups ("ses citoyens").
    pub fn resolve(&self, np: &Np, date: Date, ctx: &Context, inherit: Option<&str>) -> Vec<Resolved> {
        let mut out = Vec::new();
        self.resolve_into(np, date, ctx, inherit, &mut out);
        out
    }

    /// [`Analysis::resolve`], pushing onto `out` (no vector per noun phrase).
    fn resolve_into(&self, np: &Np, date: Date, ctx: &Context, inherit: Option<&str>, out: &mut Vec<Resolved>) {
        let codes = &self.m.codes;
        let title = np.title_toks;
        if np.pair {
            let Some((a, b)) = &ctx.last_pair else { return };
            // "les deux pays" names the countries; "les deux responsables" the people.
            let countries = (np.t0..np.t1).any(|t| self.is(t, class::PAIR_COUNTRIES));
            out.extend([a, b].into_iter().map(|r| Resolved {
                code: if countries { r.code.truncated(3) } else { r.code.clone() },
                toks: (np.t0, np.t1),
                title: None,
                entity: if countries { None } else { r.entity },
                person: if countries { None } else { r.person },
                title_country: None,
            }));
            return;
        }
        let title_country = np.country.map(|c| codes[c as usize].as_str());
        let title_agent = np.agent.map(|c| codes[c as usize].as_str());
        // "King Hassan of Morocco": when the text names the person's country
        // and the known namesake never served it, trust the text.
        // (A person's roles as `Tenure`s, 32 bytes each in one array: see
        // `dyad_kb::Tenure` for the misses saved.)
        let namesake = |p: u32| title_country.is_some_and(|c| !self.kb.tenures(p as usize).iter().any(|r| r.code.starts_with(c)));
        if let Some(p) = np.person.filter(|p| p & UNCONFIRMED == 0 && !namesake(*p)) {
            // The first of the roles held on the date with the best rank;
            // else "elite" of the country of the role that ended last (the
            // last of those that ended together; none of them is still
            // held, so `u32::MAX`, "no end", is not among them); else the
            // title's country. (`first_chars`: the first three bytes of an
            // ASCII code, every CAMEO code, without checking all of it as
            // UTF-8: −0.12M instructions for ≈1k former office-holders.)
            let day = dyad_kb::day_key(date);
            let roles = self.kb.tenures(p as usize);
            let code = match roles.iter().filter(|r| r.held_on(day)).min_by_key(|r| r.rank()) {
                Some(r) => r.code.clone(),
                None => match (roles.iter().filter(|r| r.start <= day).max_by_key(|r| r.end), title_country) {
                    (Some(r), _) => ActorCode::concat(r.code.first_chars(3), "ELI"),
                    (None, Some(c)) => ActorCode::concat(c, title_agent.filter(|a| *a != c).unwrap_or("")),
                    (None, None) => return,
                },
            };
            out.push(Resolved {
                code,
                toks: (np.t0, np.t1),
                title,
                entity: Some(Entity::Person(p)),
                person: Some(p),
                title_country: np.country,
            });
            return;
        }
        if let Some((c, o)) = np.org {
            out.push(Resolved {
                code: ActorCode::new(&codes[c as usize]),
                toks: (np.t0, np.t1),
                title,
                entity: Some(Entity::Org(o)),
                person: None,
                title_country: None,
            });
            return;
        }
        let country = title_country.or(if np.agent.is_some() { inherit.or(ctx.home.as_deref()) } else { None });
        let Some(country) = country else { return };
        let agent = match title_agent {
            Some(a) => a,
            None if np.capital => "GOV",
            None => "",
        };
        out.push(Resolved {
            code: ActorCode::concat(country, agent),
            toks: (np.t0, np.t1),
            title: None,
            entity: None,
            person: None,
            title_country: None,
        });
    }

    #[inline]
    fn group_of(&self, t: usize) -> Option<usize> {
        self.in_group.get(t).copied().flatten()
    }

    /// The verb forms (lemma, tag, false) and event nouns (lemma, FINITE,
    /// true) unit `u` may head here (see [`Analysis::verb_context`]).
    fn verb_heads(&self, u: usize) -> impl Iterator<Item = (u32, u8, bool)> + 'a {
        debug_assert!(self.facts.ready);
        heads_of(self.entries(u), self.facts.unit.get(u).copied().unwrap_or(0))
    }

    /// Whether unit `u`, at token `t` (its first), whose [`verb`] bits are
    /// `f`, is a finite verb ([`Analysis::find_finite_verb`], from `f`
    /// rather than from [`Facts::unit`]).
    fn finite_with(&self, u: usize, f: u16, t: usize) -> bool {
        heads_of(self.entries(u), f).any(|(_, _, nominal)| !nominal) && f & verb::AUX == 0 && !self.is_article(t)
    }

    /// The bits of [`verb`] of unit `u`, whose entries are `kinds`: what
    /// around it rules out some of its verb forms (only its verb forms,
    /// [`Entry::Form`]; none without).
    fn verb_context(&self, u: usize, kinds: Kinds) -> u16 {
        let nouns = if kinds.nouns() { verb::NOUNS } else { 0 };
        let forms = self.form_context(u, kinds);
        nouns | forms | if kinds.aux() { verb::AUX } else { 0 }
    }

    /// Whether a unit with entries `es` has a form of a lemma of the closed
    /// lists `set` ([`lemma_set`] bits).
    fn has_lemma(&self, es: &[Entry], set: u8) -> bool {
        es.iter().any(|e| matches!(*e, Entry::Form(l, _) if self.m.lemma_sets.get(l as usize).is_some_and(|&b| b & set != 0)))
    }

    /// Whether the unit at token `t` has a form of an auxiliary
    /// ([`Analysis::lemma_is`] of the auxiliaries, from the unit facts
    /// during [`Analysis::events`]).
    fn auxiliary_at(&self, t: usize) -> bool {
        if !self.facts.ready {
            return self.lemma_is(t, lemma_set::AUXILIARY);
        }
        self.unit_at.get(t).copied().flatten().is_some_and(|u| self.facts.unit.get(u).is_some_and(|f| f & verb::AUX != 0))
    }

    /// Whether unit `u` may head an event: with a verb form none of its
    /// context rules out, or (`nominal`) with an event noun.
    fn may_head(&self, u: usize, nominal: bool) -> bool {
        may_head_with(self.facts.unit.get(u).copied().unwrap_or(0), nominal)
    }

    /// [`Analysis::verb_context`] but [`verb::NOUNS`], of a unit with entries `kinds`.
    fn form_context(&self, u: usize, kinds: Kinds) -> u16 {
        let has = |tags: u8| kinds.tags() & tags != 0;
        if kinds.tags() == 0 {
            return 0;
        }
        // (Each filter is looked at only when a form it rules out is there:
        // after a determiner or inside a name, no form is left for the others.)
        // After a determiner, "la menace" is a noun, never a verb form.
        let t0 = self.units[u].t0;
        if t0 > 0 && self.is(t0 - 1, class::DETERMINERS) {
            return verb::FORMS | verb::NOUN_ONLY;
        }
        // "the South Asia Free Trade Agreement": a capitalised word inside a
        // run of capitalised words is part of a name, not a verb.
        let cap_word = |t: usize| t < self.toks.len() && self.capitalised(t) && alphabetic(self.tok(t), false);
        if t0 > 0 && cap_word(t0) && (t0 > 1 && cap_word(t0 - 1) || cap_word(t0 + 1)) {
            return verb::FORMS | verb::IN_NAME;
        }
        let mut f = verb::FORMS;
        // "an informal meeting": an -ing form that is also an event noun is
        // that noun one word after a determiner too, unless that word is an
        // actor or punctuation.
        // (Only where adjectives precede the noun.)
        if t0 > 1
            && self.m.closed.adjective_first
            && has(tag_bit(tag::GERUND))
            && self.is(t0 - 2, class::DETERMINERS)
            && self.group_of(t0 - 1).is_none()
            && alphabetic(self.tok(t0 - 1), false)
            && kinds.nouns()
        {
            f |= verb::ADJECTIVE_BETWEEN;
        }
        // "send them back": no object pronoun is the subject of the base form
        // after it.
        if t0 > 0 && has(tag_bit(tag::INFINITIVE)) && self.is(t0 - 1, class::OBJECT_PRONOUNS) {
            f |= verb::AFTER_OBJECT;
        }
        // "after fierce fighting", "in retaliation for an air raid", "despite
        // growing pressure": words that reach back to a preposition with no
        // subject between are that preposition's noun phrase.
        if has(!(tag_bit(tag::PAST) | tag_bit(tag::PARTICIPLE))) {
            match self.prep_noun_phrase(t0) {
                Some(0) => f |= verb::PREP_NP,
                Some(_) => f |= verb::PREP_NP | verb::PREP_NP_WORDS,
                None => {}
            }
        }
        f
    }

    /// Where adjectives precede the noun: when the words before token `t`
    /// lead back to a preposition (not the infinitive "to") through nothing
    /// but determiners, figures and modifiers — no actor, no verb form, no
    /// pronoun, no adverb in "-ly" — `t` heads that preposition's noun
    /// phrase; returns how many words stand between.
    fn prep_noun_phrase(&self, t0: usize) -> Option<usize> {
        if !self.m.closed.adjective_first {
            return None;
        }
        for (words, t) in (t0.saturating_sub(5)..t0).rev().enumerate() {
            if self.is(t, class::PREPS) && !self.is(t, class::TO) {
                return Some(words);
            }
            let w = self.tok(t);
            let modifier = self.is(t, class::DETERMINERS)
                || self.in_figure(t)
                || (!self.capitalised(t)
                    && alphabetic(w, true)
                    && !w.ends_with("ly")
                    && self.group_of(t).is_none()
                    && !self.is(t, class::RELATIVES)
                    && self.unit_at[t].is_none_or(|u| self.entries(u).iter().all(|e| matches!(e, Entry::Noun(_))))
                    && !self.is(t, class::SUBJECT_PRONOUNS | class::COMPLEMENTIZERS));
            if !modifier {
                return None;
            }
        }
        None
    }

    /// The pattern words found in the sentence (each token's were looked
    /// up in [`Analysis::reuse`]; see [`crate::patterns`]), as a
    /// [`Filter`] made afresh for every sentence: word id `id` is bit
    /// `id % 512`, then the summary. (An exact set of every id was emptied
    /// id by id after each search; 1 MB corpus: 226.84M → 225.97M
    /// instructions. The filter is the search's local, not a vector of the
    /// analysis written for every sentence.)
    fn index_words(&self) -> Filter {
        crate::patterns::filter_of(&self.word_ids)
    }

    /// Whether pattern word `id` may be in the sentence (false: it is not),
    /// `f` being the sentence's filter ([`Analysis::index_words`]).
    #[inline]
    fn may_be_present(f: &Filter, id: u32) -> bool {
        let (w, bit) = crate::patterns::word_slot(id);
        f[w] & bit != 0
    }

    /// Whether token `t` matches one of the pattern words `alts`.
    #[cfg(test)]
    fn word_matches(&self, t: usize, alts: &[u32]) -> bool {
        let Some(&(s, e)) = self.tok_words.get(t) else { return false };
        self.word_ids[s as usize..e as usize].iter().any(|id| alts.contains(id))
    }

    /// The first token from `lo` to `hi` (excluded) that matches one of the
    /// pattern words `alts` ([`Analysis::word_matches`] of each): one pass
    /// over the tokens' ranges of ids, without a bounds check per token.
    fn find_word(&self, lo: usize, hi: usize, alts: &[u32]) -> Option<usize> {
        let ranges = self.tok_words.get(lo..hi)?;
        let matches = |&(s, e): &(u32, u32)| {
            s != e && self.word_ids.get(s as usize..e as usize).is_some_and(|ids| ids.iter().any(|id| alts.contains(id)))
        };
        ranges.iter().position(matches).map(|i| lo + i)
    }

    /// Whether group `g` follows a preposition placing something inside it,
    /// perhaps across one plain modifier before a country's name ("in
    /// Malaysia", "in central Romania").
    fn inside_led(&self, g: usize) -> bool {
        let gr = &self.groups[g];
        if gr.lead.is_some_and(|l| self.is(l, class::INSIDE)) {
            return true;
        }
        // (Across a modifier only a country's name: "in central Baghdad"
        // keeps the capital's metonymy for its government.)
        let t0 = gr.t0;
        t0 >= 2
            && gr.nps.iter().all(|n| n.named_country && !n.capital)
            && self.is(t0 - 2, class::INSIDE)
            && self.unit_at[t0 - 1].is_none()
            && !self.capitalised(t0 - 1)
            && alphabetic(self.tok(t0 - 1), false)
    }

    /// Whether a relative clause opens at token `t` (", which", ", qui").
    fn find_relative_clause(&self, t: usize) -> bool {
        self.tok(t) == "," && t + 1 < self.toks.len() && self.is(t + 1, class::RELATIVES)
    }

    /// Whether some token of the sentence may be of the classes `c` (false
    /// only during [`Analysis::events`], from [`Facts::classes`]).
    #[inline]
    fn may_have(&self, c: u32) -> bool {
        !self.facts.ready || self.facts.classes & c != 0
    }

    /// Whether some token of the sentence may be `l` (false only during
    /// [`Analysis::events`], from [`Facts::lexes`]).
    #[inline]
    fn may_lex(&self, l: Lex) -> bool {
        !self.facts.ready || self.facts.lexes & lex_bit(l) != 0
    }

    /// Whether token `t` has one of the [`fact`] bits `bits` (during [`Analysis::events`]).
    #[inline]
    fn fact(&self, t: usize, bits: u8) -> bool {
        self.facts.tok.get(t).is_some_and(|f| f & bits != 0)
    }

    /// The first clause break at or after token `t`, and the first clause
    /// break or opening relative clause (the number of tokens if none).
    fn next_break(&self, t: usize) -> (usize, usize) {
        debug_assert!(self.facts.ready);
        let n = self.toks.len();
        let mut after = self.facts.breaks.iter().copied().filter(|&b| b >= t);
        let Some(r) = after.next() else { return (n, n) };
        if self.fact(r, fact::BREAK) {
            return (r, r);
        }
        (after.find(|&b| self.fact(b, fact::BREAK)).unwrap_or(n), r)
    }

    /// A comma, semicolon or colon at token `t` (during [`Analysis::events`]).
    fn pause(&self, t: usize) -> bool {
        self.fact(t, fact::COMMA | fact::COLON)
    }

    fn clause_break(&self, t: usize) -> bool {
        if self.facts.ready {
            return self.fact(t, fact::BREAK);
        }
        self.find_clause_break(t)
    }

    fn find_clause_break(&self, t: usize) -> bool {
        // No "." here: inside a split sentence a period belongs to an
        // abbreviation ("M. Trump"); no quotes either: "dénonce les
        // « perturbateurs »" quotes the target, it does not end the clause.
        // A parenthesised acronym or short gloss ("Facilities (UCF) in
        // Iran") is part of the name before it, not a break.
        match self.tok(t) {
            ";" | ":" | "?" | "!" => true,
            "(" => !(t + 2..(t + 4).min(self.toks.len())).any(|x| self.tok(x) == ")"),
            ")" => !(t.saturating_sub(3)..t.saturating_sub(1)).any(|x| self.tok(x) == "("),
            _ => false,
        }
    }

    /// Tries `pat` with its head at units[u] (its filter passed: see
    /// [`crate::patterns::Need::may_match`]); returns (score, target group,
    /// last token). `f` is the sentence's [`Filter`], `exact` whether the
    /// pattern's filter told all ([`crate::patterns::Need::is_exact`]).
    ///
    /// `first` is [`Analysis::windows`] of the token after the head (the
    /// same for every pattern of the head: worked out once by the caller).
    fn try_pattern(
        &self,
        pat: &CPattern,
        (f, exact): (&Filter, bool),
        u: usize,
        first: &Cell<Option<(usize, usize)>>,
    ) -> Option<(i32, Option<usize>, usize)> {
        let pats = &self.m.patterns;
        // A required word found nowhere in the sentence: no match (most
        // such patterns were told by their filter, and every one when it
        // is `exact`: [`crate::patterns::Need::is_exact`]).
        if !exact {
            let present = |id: &u32| Self::may_be_present(f, *id);
            if pats.items(pat).iter().any(|i| i.kind == Kind::Word && !pats.alts(i).iter().any(present)) {
                return None;
            }
        }
        let t1 = self.units[u].t1;
        let mut pos = t1;
        let mut target = None;
        let mut score = 1;
        // The windows from `pos`: the head's own, once per head, for the
        // first item (most tries end there); worked out afresh after it
        // (−0.9M instructions on the 1 MB corpus).
        let windows = |pos: usize, target: bool| {
            if pos != t1 {
                let (brk, rel) = self.next_break(pos);
                return if target { self.reach(pos, GAP + 2).min(rel) } else { self.reach(pos, GAP + 1).min(brk) };
            }
            let w = first.get().unwrap_or_else(|| self.windows(pos));
            first.set(Some(w));
            if target {
                w.1
            } else {
                w.0
            }
        };
        for item in pats.items(pat) {
            match item.kind {
                Kind::Word | Kind::Optional => {
                    let alts = pats.alts(item);
                    let hit = self.find_word(pos, windows(pos, false), alts);
                    match hit {
                        Some(t) => {
                            pos = t + 1;
                            score += 2;
                        }
                        None if item.kind == Kind::Optional => {}
                        None => return None,
                    }
                }
                Kind::Target => {
                    // Not into a relative clause (", which officials said").
                    let g = self.target_from(pos, windows(pos, true))?;
                    target = Some(g);
                    pos = self.groups[g].t1;
                    score += 1;
                }
            }
        }
        Some((score, target, pos))
    }

    /// A pattern's target from token `pos` on, up to `end` (excluded): the
    /// first group starting there that may be a target, and, if weak, within
    /// three tokens of `pos`.
    ///
    /// (The groups are read, not the tokens: they are disjoint and in token
    /// order, so the first token of a group starting in the window is its
    /// first. 1 MB corpus: 196.20M → 195.41M instructions; the search's
    /// simulated mispredictions 54k → 13k.)
    fn target_from(&self, pos: usize, end: usize) -> Option<usize> {
        let found = self
            .groups
            .iter()
            .enumerate()
            .skip_while(|(_, gr)| gr.t0 < pos)
            .take_while(|(_, gr)| gr.t0 < end)
            .find(|&(g, gr)| (!gr.weak || gr.t0 < pos + 3) && self.target_ok(g))
            .map(|(g, _)| g);
        debug_assert_eq!(found, self.find_target_from(pos, end), "{pos}..{end}");
        found
    }

    /// [`Analysis::target_from`] token by token.
    fn find_target_from(&self, pos: usize, end: usize) -> Option<usize> {
        (pos..end).find_map(|t| {
            self.group_of(t).filter(|&g| self.target_ok(g) && self.groups[g].t0 >= pos && (!self.groups[g].weak || t < pos + 3))
        })
    }

    /// Where a pattern's next word and its target are looked for from token
    /// `pos`: up to (the end for a word, the end for a target). A word
    /// within 5 words and before the clause break; a target within 6 words,
    /// before the break or an opening relative clause.
    fn windows(&self, pos: usize) -> (usize, usize) {
        let (brk, rel) = self.next_break(pos);
        // (Six words on are one word after five.)
        let word = self.reach(pos, GAP + 1);
        (word.min(brk), self.reach(word, 1).min(rel))
    }

    /// The token index `words` words after `from`, where an actor group
    /// counts as one word and periods of abbreviations as none ("a U.S.
    /// request" is three words away, not six tokens), nor do figures and
    /// their separators ("sent 3,000 troops to" is as close as "sent troops
    /// to": a quantity is not a word between a verb and its object).
    fn reach(&self, from: usize, words: usize) -> usize {
        let len = self.toks.len();
        // (Both tables as slices of the sentence's length: no bounds check
        // per token.)
        let (Some(in_group), Some(tf)) = (self.in_group.get(..len), self.facts.tok.get(..len)) else { return from.min(len) };
        let mut t = from;
        let mut n = 0;
        while t < len && n < words {
            if let Some(g) = in_group[t] {
                t = self.groups.get(g).map_or(t + 1, |g| g.t1.max(t + 1));
                n += 1;
            } else {
                n += usize::from(tf[t] & (fact::DOT | fact::FIGURE) == 0);
                t += 1;
            }
        }
        t.min(len)
    }

    /// Token `t` is part of a written number: digits, or the separator
    /// between two groups of digits ("25,000", "1.5").
    fn in_figure(&self, t: usize) -> bool {
        debug_assert_eq!(self.facts.tok.len(), self.toks.len());
        self.fact(t, fact::FIGURE)
    }

    fn find_figure(&self, t: usize) -> bool {
        let digits = |x: usize| x < self.toks.len() && self.tok(x).starts_with(|c: char| c.is_ascii_digit());
        digits(t) || (t > 0 && matches!(self.tok(t), "," | ".") && digits(t - 1) && digits(t + 1))
    }

    fn has_reflexive(&self, head: usize) -> bool {
        self.may_have(class::REFLEXIVES) && (head.saturating_sub(3)..head).any(|t| self.is(t, class::REFLEXIVES))
    }

    /// Whether the unit at token `t` has a form of a lemma of the closed
    /// lists `set` ([`lemma_set`] bits).
    fn lemma_is(&self, t: usize, set: u8) -> bool {
        let Some(u) = self.unit_at.get(t).copied().flatten() else { return false };
        self.has_lemma(self.entries(u), set)
    }

    fn aux_before(&self, head: usize) -> bool {
        (head.saturating_sub(4)..head).any(|t| self.auxiliary_at(t))
    }

    fn passive(&self, head: usize) -> bool {
        (head.saturating_sub(3)..head).any(|t| self.lemma_is(t, lemma_set::PASSIVE_AUX)) && !self.has_reflexive(head)
    }

    /// Whether a group can be the subject of a verb at `head`.
    fn subject_ok(&self, g: usize, weak_ok: bool) -> bool {
        let gr = &self.groups[g];
        !gr.attributed && (weak_ok || !gr.weak) && gr.lead.is_none_or(|l| !self.is(l, class::PREPS) || self.opening_partitive(l))
    }

    /// "A member of the Syrian parliament", "Leaders of the opposition":
    /// the genitive at token `l` follows the sentence's opening noun, a
    /// member or part of the group after it, which acts for that group.
    fn opening_partitive(&self, l: usize) -> bool {
        self.is(l, class::GENITIVE)
            && (1..=3).contains(&l)
            && (0..l).all(|t| {
                self.unit_at[t].is_none_or(|u| self.entries(u).iter().all(|e| matches!(e, Entry::Lex(Lex::Article, _))))
                    && alphabetic(self.tok(t), false)
            })
    }

    fn subject(&self, head: usize, gerund: bool, exclude: Option<usize>) -> Option<usize> {
        // A bare demonym ("Iraqi Kurds demonstrated") is a subject only when
        // nothing better precedes the verb.
        self.subject_with(head, gerund, exclude, false).or_else(|| self.subject_with(head, gerund, exclude, true))
    }

    fn subject_with(&self, head: usize, gerund: bool, exclude: Option<usize>, weak_ok: bool) -> Option<usize> {
        // Relative clause: "X, qui a accusé Y" — the subject is before the pronoun.
        // (Most sentences have no relative pronoun: the sentence's class
        // bits say so at once.)
        if self.may_have(class::RELATIVES) {
            for t in (head.saturating_sub(4)..head).rev() {
                if self.is(t, class::RELATIVES) {
                    let g = (0..t).rev().take(3).find_map(|x| self.group_of(x));
                    if g.is_some() && g != exclude {
                        return g;
                    }
                }
            }
        }
        // "one day after a Serbian army jet shot down": after a conjunction
        // of time that is also a preposition, a noun phrase right before the
        // verb is the subject of its clause, not a prepositional object.
        let clause_subject = |g: usize| {
            let gr = &self.groups[g];
            !gr.attributed
                && gr.t1 + 2 >= head
                && (gr.t1..head).all(|t| self.group_of(t).is_none() && self.unit_at[t].is_none())
                && gr.lead.is_some_and(|l| self.m.closed.future_clause.contains(&self.tok(l)))
        };
        let cand = |&g: &usize| self.groups[g].t1 <= head && Some(g) != exclude && (self.subject_ok(g, weak_ok) || clause_subject(g));
        // No group that ends after the verb is a candidate: those (the last
        // ones, groups being in token order) are left out at once, not each
        // asked through the filters (with the relative pronouns looked
        // for only in a sentence that has one, 1 MB corpus: 193.68M →
        // 193.26M instructions, `subject_with` ≈265 → ≈200 a call).
        let mut before = self.groups.len();
        while before > 0 && self.groups[before - 1].t1 > head {
            before -= 1;
        }
        if gerund {
            return (0..before).find(cand);
        }
        // The candidates with no clause break between them and the verb
        // (walked again, rather than kept in a vector, in the rare case below).
        let colon_free = |g: usize| !(self.groups[g].t1..head).any(|t| self.fact(t, fact::COLON));
        let all = || (0..before).filter(cand).filter(move |&g| colon_free(g));
        let best = (0..before).rev().find(|&g| cand(&g) && colon_free(g));
        debug_assert_eq!(best, all().next_back());
        // "Pakistan, a key U.S. ally in the war, has refused": the verb follows
        // an apposition between commas; its subject is the group before it.
        let mut v = head;
        while v > 0 && (self.auxiliary_at(v - 1) || self.is(v - 1, class::MODALS)) {
            v -= 1;
        }
        // "Rebels kidnapped advisers and exploded bombs": a verb right after a
        // conjunction shares the subject of the verb it is coordinated with,
        // not that verb's object.
        if let Some(b) = best.filter(|_| v > 1 && self.lex_at(v - 1) == Some(Lex::Coordination)) {
            let prev = (self.groups[b].t0.saturating_sub(12)..self.groups[b].t0)
                .rev()
                .take_while(|&t| !self.clause_break(t))
                .find(|&t| self.group_of(t).is_none() && self.finite_verb_at(t) && !(t > 0 && self.is(t - 1, class::TO)));
            if let Some(p) = prev.filter(|&p| p > 0) {
                let gerund = self.fact(p - 1, fact::COMMA) || self.is(p - 1, class::GERUND_INTRO);
                let gerund =
                    gerund && self.unit_at[p].is_some_and(|x| self.entries(x).iter().any(|e| matches!(e, Entry::Form(_, tag::GERUND))));
                return self.subject_with(p, gerund, exclude, weak_ok);
            }
        }
        if let Some(b) = best.filter(|&b| v > 0 && self.fact(v - 1, fact::COMMA) && self.groups[b].t1 < v) {
            let open = (0..self.groups[b].t0).rev().find(|&t| self.fact(t, fact::COMMA));
            // Only a group that names someone: "Kenzo Oshima, the UN relief
            // coordinator, demanded" keeps the coordinator when the name is unknown.
            let named = |g: usize| {
                self.groups[g].nps.iter().any(|n| n.country.is_some() || n.org.is_some() || n.person.is_some_and(|p| p & UNCONFIRMED == 0))
            };
            if let Some(g0) = open.and_then(|c| all().find(|&g| self.groups[g].t1 == c && named(g))) {
                return Some(g0);
            }
        }
        best
    }

    /// Whether group `g` may be an event's target: not inside an attribution
    /// ("according to X") and not the speaker of a trailing report (", the
    /// foreign ministry said", ", a indiqué le ministère").
    ///
    /// (Asked again for the same groups by most patterns of a head: each
    /// group's answer is kept in [`Facts::targets`] during the search (1 MB
    /// corpus, with the memo of [`Analysis::find_word`] and the set of
    /// words emptied of its ids only: 235.37M → 234.24M instructions).)
    fn target_ok(&self, g: usize) -> bool {
        let bit = 1u64.checked_shl(g as u32).filter(|_| self.facts.ready).unwrap_or(0);
        let [known, ok] = self.facts.targets.get();
        if known & bit != 0 {
            debug_assert_eq!(ok & bit != 0, self.find_target_ok(g));
            return ok & bit != 0;
        }
        let answer = self.find_target_ok(g);
        if bit != 0 {
            self.facts.targets.set([known | bit, if answer { ok | bit } else { ok }]);
        }
        answer
    }

    fn find_target_ok(&self, g: usize) -> bool {
        let gr = &self.groups[g];
        if gr.attributed {
            return false;
        }
        // The speaker's phrase opens at the comma: ", a spokeswoman for the
        // U.S. embassy said".
        let after_comma = (gr.t0.saturating_sub(6)..gr.t0)
            .rev()
            .take_while(|&t| self.unit_at[t].is_none_or(|u| !self.finite_verb_at(self.units[u].t0)))
            .any(|t| self.fact(t, fact::COMMA));
        let said_after = gr.t1 < self.toks.len() && self.is(gr.t1, class::REPORTING);
        let said_before = (gr.t0.saturating_sub(3)..gr.t0).any(|t| self.is(t, class::REPORTING))
            && (gr.t0.saturating_sub(4)..gr.t0).any(|t| self.fact(t, fact::COMMA));
        !(after_comma && said_after || said_before && gr.t1 >= self.toks.len().saturating_sub(1))
    }

    /// "investigating war crimes by Croatian extremists": a "by" (at `by`)
    /// after the object noun of an active verb (ending at `from`) names who
    /// did what the object names, the act's target; not after a participle
    /// ("a deal brokered by Qatar") nor right after the verb.
    fn agent_of_object(&self, by: usize, from: usize) -> bool {
        let participle = |t: usize| {
            self.unit_at[t].is_some_and(|u| self.entries(u).iter().any(|e| matches!(e, Entry::Form(_, tag::PARTICIPLE | tag::PAST))))
        };
        by > from + 1 && !participle(by - 1) && alphabetic(self.tok(by - 1), false)
    }

    /// "dénonçant la politique économique « injuste et inefficace » de
    /// Nicolas Sarkozy", "criticised the handling of the crisis by the
    /// government": past the usual reach, the owner of a long object noun
    /// phrase (a genitive group) is the target, if no verb or clause break
    /// comes first.
    fn owner_of_object(&self, from: usize, to: usize) -> Option<usize> {
        let limit = (to + 6).min(self.toks.len());
        let t = (from..limit).find(|&t| {
            self.clause_break(t)
                || self.fact(t, fact::COMMA)
                || self.is(t, class::RELATIVES)
                || self.group_of(t).is_some()
                || t >= to && self.finite_verb_at(t)
        })?;
        let g = self.group_of(t)?;
        let gr = &self.groups[g];
        // Only the object's own genitive: no other preposition before it
        // ("met for the first time since the change of government").
        // ("du président": the genitive may also be an article's contraction,
        // which the group's lead skips.)
        let before = gr.t0.checked_sub(1).filter(|&b| self.is(b, class::GENITIVE));
        let lead = before.or(gr.lead.filter(|&l| self.is(l, class::GENITIVE)))?;
        let direct = (from..lead).all(|x| !self.is(x, class::PREPS));
        (t >= to && !gr.weak && direct && self.target_ok(g)).then_some(g)
    }

    /// Whether group `g` is only role nouns, with no country, person,
    /// organisation or pair of its own ("troops", "army reservists").
    fn bare_role(&self, g: usize) -> bool {
        let gr = &self.groups[g];
        !gr.nps.is_empty() && gr.nps.iter().all(|n| n.country.is_none() && n.person.is_none() && n.org.is_none() && !n.pair)
    }

    /// The first group after group `g` in its clause, before the end of the
    /// event phrase or a few words past it, that names someone (a country,
    /// person or organisation) and is neither an attribution nor an agent
    /// after "by".
    fn named_after(&self, g: usize, end: usize) -> Option<usize> {
        let limit = self.reach(end.max(self.groups[g].t1), 6);
        let stop = (self.groups[g].t1..limit).find(|&t| self.clause_break(t) || self.fact(t, fact::COMMA | fact::DOT));
        let limit = stop.unwrap_or(limit);
        (g + 1..self.groups.len()).take_while(|&n| self.groups[n].t0 < limit).find(|&n| {
            let gr = &self.groups[n];
            self.target_ok(n)
                && !gr.weak
                && gr.lead.is_none_or(|l| !self.is(l, class::BY))
                && gr.nps.iter().any(|np| np.country.is_some() || np.person.is_some() || np.org.is_some())
        })
    }

    /// Whether a known lexical verb (not an auxiliary, not a noun after a
    /// determiner) starts at token `t`.
    fn finite_verb_at(&self, t: usize) -> bool {
        debug_assert!(self.facts.ready);
        self.fact(t, fact::FINITE)
    }

    fn find_finite_verb(&self, t: usize) -> bool {
        let Some(u) = self.unit_at.get(t).copied().flatten() else { return false };
        // ("du" is an article before it is a participle of "devoir".)
        self.units[u].t0 == t && self.verb_heads(u).any(|(_, _, nominal)| !nominal) && !self.auxiliary_at(t) && !self.is_article(t)
    }

    fn negated(&self, head: usize) -> bool {
        let lo = head.saturating_sub(4);
        let pre = (self.may_lex(Lex::NegPre) && (lo..head).any(|t| self.lex_at(t) == Some(Lex::NegPre)))
            || self.m.closed.contracted_negation.is_some_and(|(aux, neg)| self.contracted_negation(lo, head, aux, neg));
        if !pre {
            return false;
        }
        !self.m.closed.negation_needs_post || (lo..(head + 2).min(self.toks.len())).any(|t| self.lex_at(t) == Some(Lex::NegPost))
    }

    /// Whether a token from `lo` to `head` (excluded) ends with `aux` and the
    /// next is `neg` ("didn'" "t"), the next token's length compared first:
    /// most differ from the negation's already (adjacent tokens read as
    /// pairs, without a bounds check each; 1 MB corpus: 201.78M → 201.66M
    /// instructions).
    fn contracted_negation(&self, lo: usize, head: usize, aux: &str, neg: &str) -> bool {
        let text = self.text.as_bytes();
        let toks = self.toks.get(lo..(head + 1).min(self.toks.len())).unwrap_or_default();
        toks.windows(2).any(|w| {
            let (a, k) = (w[0], w[1]);
            k.e - k.s == neg.len()
                && text.get(k.s..k.e) == Some(neg.as_bytes())
                && text.get(a.s..a.e).is_some_and(|a| a.ends_with(aux.as_bytes()))
        })
    }

    fn modal_before(&self, head: usize) -> Option<&'a str> {
        if !self.may_have(class::MODALS) {
            return None;
        }
        (head.saturating_sub(3)..head).rev().find(|&t| self.is(t, class::MODALS)).map(|t| self.tok(t))
    }

    fn lex_in(&self, lo: usize, hi: usize, l: Lex) -> Option<usize> {
        if !self.may_lex(l) {
            return None;
        }
        (lo..hi.min(self.toks.len())).find(|&t| self.lex_at(t) == Some(l))
    }

    /// Works out [`Facts`] for the event search.
    fn learn_facts(&mut self) {
        self.facts.ready = false;
        self.facts.targets.set([0; 2]);
        let n = self.toks.len();
        let bytes = self.text.as_bytes();
        let digit = |t: usize| self.toks.get(t).is_some_and(|k| bytes.get(k.s).is_some_and(u8::is_ascii_digit));
        // A separator between two groups of digits ("25,000", "1.5").
        let separator = |t: usize| if t > 0 && digit(t - 1) && digit(t + 1) { fact::FIGURE } else { 0 };
        let mut tf = std::mem::take(&mut self.facts.tok);
        tf.clear();
        tf.resize(n, 0);
        let mut breaks = std::mem::take(&mut self.facts.breaks);
        breaks.clear();
        for ((t, k), slot) in self.toks.iter().enumerate().zip(tf.iter_mut()) {
            let b = bytes.get(k.s).copied().unwrap_or(0);
            // (Punctuation tokens are one character, words never start with
            // one; most tokens are words that start with a letter: no fact.
            // Every byte from 'A' on is a letter's, or beyond ASCII, or
            // punctuation with no fact: one test skips them.)
            if b >= b'A' {
                continue;
            }
            let f = if b.is_ascii_digit() {
                fact::FIGURE
            } else if k.e != k.s + 1 {
                continue;
            } else {
                match b {
                    b'.' => fact::DOT | separator(t),
                    b',' => {
                        let relative = t + 1 < n && self.is(t + 1, class::RELATIVES);
                        fact::COMMA | separator(t) | if relative { fact::RELATIVE } else { 0 }
                    }
                    b';' | b':' => fact::COLON | fact::BREAK,
                    b'?' | b'!' => fact::BREAK,
                    b'(' | b')' if self.find_clause_break(t) => fact::BREAK,
                    _ => continue,
                }
            };
            if f & (fact::BREAK | fact::RELATIVE) != 0 {
                breaks.push(t);
            }
            *slot = f;
        }
        self.facts.breaks = breaks;
        self.facts.tok = tf;
        // (Every unit's bits zeroed at once, the verbal ones set: a push per
        // unit was ≈10 instructions of capacity checks; 1 MB corpus:
        // 229.13M → 229.05M instructions.)
        let mut uf = std::mem::take(&mut self.facts.unit);
        uf.clear();
        uf.resize(self.units.len(), 0);
        let mut heads = std::mem::take(&mut self.facts.heads);
        heads.clear();
        let mut noun_heads = std::mem::take(&mut self.facts.noun_heads);
        noun_heads.clear();
        // A unit with neither verb form nor event noun (most: actors,
        // places) has no context bits; the test is the call's price. The
        // same pass collects the Lex entries (those of the tokens are those
        // of their units: [`Analysis::group`]), the units that may head an
        // event, and the finite verbs, each from the unit's bits as they are
        // worked out (a second pass over the units read them back: 1 MB
        // corpus, 234.24M → 232.03M instructions). (Nothing here reads a
        // unit's bits but its own, nor [`fact::FINITE`].)
        let mut lexes = 0;
        for (u, slot) in uf.iter_mut().enumerate() {
            let k = self.kinds(u);
            lexes |= k.lexes();
            if !k.verbal() {
                continue;
            }
            let f = self.verb_context(u, k);
            *slot = f;
            let t = self.units[u].t0;
            // (Each pass of the search reads its own list, without the heads
            // it would skip whatever it found: 1 MB corpus, 225.87M → 225.45M
            // instructions.)
            if f & (verb::FORMS | verb::NOUNS) != 0 && self.group_of(t).is_none() && !self.attributed.get(t).copied().unwrap_or(true) {
                if may_head_with(f, false) {
                    heads.push(u);
                }
                if may_head_with(f, true) {
                    noun_heads.push(u);
                }
            }
            // (The bits first: an auxiliary is never a finite verb; 1 MB
            // corpus: 223.54M → 223.43M instructions.)
            if f & (verb::FORMS | verb::AUX) == verb::FORMS && self.unit_at.get(t) == Some(&Some(u)) && self.finite_with(u, f, t) {
                if let Some(x) = self.facts.tok.get_mut(t) {
                    *x |= fact::FINITE;
                }
            }
        }
        self.facts.unit = uf;
        self.facts.ready = true;
        self.facts.heads = heads;
        self.facts.noun_heads = noun_heads;
        // (Folds over every token: vectorised, a few instructions per sentence.)
        self.facts.classes = self.classes.iter().fold(0, |a, &c| a | c);
        self.facts.lexes = lexes;
        debug_assert!(self.facts_agree(), "{:?}", self.facts);
    }

    /// Whether [`Facts::tok`] says what the token scans say.
    fn facts_agree(&self) -> bool {
        (0..self.toks.len()).all(|t| {
            let w = self.tok(t);
            [
                (fact::FIGURE, self.find_figure(t)),
                (fact::DOT, w == "."),
                (fact::BREAK, self.find_clause_break(t)),
                (fact::RELATIVE, self.find_relative_clause(t)),
                (fact::FINITE, self.find_finite_verb(t)),
                (fact::COMMA, w == ","),
                (fact::COLON, matches!(w, ";" | ":")),
            ]
            .iter()
            .all(|&(bit, on)| self.fact(t, bit) == on)
        }) && self.units.iter().zip(&self.facts.entries).all(|(u, &(es, _))| std::ptr::eq(es, &self.m.entries[u.key as usize]))
            && self.facts.entries.iter().all(|&(es, k)| k == Kinds::of(es, &self.m.lemma_sets))
            && (0..self.toks.len()).all(|t| self.auxiliary_at(t) == self.lemma_is(t, lemma_set::AUXILIARY))
            && self.classes.iter().all(|&c| c & !self.facts.classes == 0)
            && (0..self.toks.len()).all(|t| self.find_lex(t).is_none_or(|l| self.may_lex(l)))
            && [false, true].iter().all(|&nominal| {
                let free = |u: usize| self.group_of(self.units[u].t0).is_none() && !self.attributed[self.units[u].t0];
                let heads = if nominal { &self.facts.noun_heads } else { &self.facts.heads };
                heads.iter().copied().eq((0..self.units.len()).filter(|&u| self.may_head(u, nominal) && free(u)))
            })
            && (0..self.toks.len()).all(|t| !self.facts.lex_ready || self.lex_at(t) == self.find_lex(t))
            && (0..=self.toks.len()).all(|t| {
                let next = |f: &dyn Fn(usize) -> bool| (t..self.toks.len()).find(|&x| f(x)).unwrap_or(self.toks.len());
                let (b, r) = self.next_break(t);
                b == next(&|x| self.find_clause_break(x)) && r == next(&|x| self.find_clause_break(x) || self.find_relative_clause(x))
            })
    }

    /// Events of the sentence.
    pub fn events(&mut self, date: Date, ctx: &Context) -> Vec<Candidate> {
        let mut out = Vec::new();
        self.events_into(date, ctx, &mut out);
        out
    }

    /// [`Analysis::events`], pushed onto `out` (the coder's per-thread
    /// buffer: no vector per sentence).
    pub fn events_into(&mut self, date: Date, ctx: &Context, out: &mut Vec<Candidate>) {
        // A question asserts nothing: [`Analysis::candidate`] and
        // [`Analysis::reported_demands`] keep no candidate of it, so it is
        // not searched (1 MB corpus: 224.87M → 224.68M instructions).
        if self.question {
            return;
        }
        self.learn_facts();
        self.search_events(date, ctx, out);
        self.facts.ready = false;
    }

    fn search_events(&mut self, date: Date, ctx: &Context, out: &mut Vec<Candidate>) {
        out.extend(self.reported_demands(date, ctx));
        let filter = self.index_words();
        // Verbs first, so that light-verb patterns consume their nouns.
        let mut bufs = SearchBuffers::take();
        let m: &'a Matcher = self.m;
        // (Only the units that may head an event, outside actor groups and
        // attributions: see `Facts::heads`. Read by index where they are,
        // not taken out of the facts and put back: 1 MB corpus, 201.68M →
        // 201.01M instructions, more than the moves themselves, through
        // what the compiler made of the loop without them.)
        for pass_nominal in [false, true] {
            let n_heads = if pass_nominal { self.facts.noun_heads.len() } else { self.facts.heads.len() };
            for i in 0..n_heads {
                let heads = if pass_nominal { &self.facts.noun_heads } else { &self.facts.heads };
                let Some(&u) = heads.get(i) else { break };
                let unit = self.units[u];
                let head = unit.t0;
                if self.consumed[head] {
                    continue;
                }
                // (score, pattern, target, end, tag, lemma, order of the pattern)
                #[allow(clippy::type_complexity)]
                let mut best: Option<(i32, &Pattern, Option<usize>, usize, u8, u32, u32)> = None;
                // A lemma's patterns score the same whatever the tag of the
                // form ("attacked": past and participle), and only a higher
                // score replaces the best: each lemma is tried once.
                let refl = self.has_reflexive(head);
                // (The windows after the head: see `try_pattern`.)
                let first = Cell::new(None);
                let mut tried = [0u32; 8];
                let mut n_tried = 0;
                for (lemma, tg, nominal) in self.verb_heads(u) {
                    if nominal != pass_nominal || tried[..n_tried].contains(&lemma) {
                        continue;
                    }
                    if let Some(slot) = tried.get_mut(n_tried) {
                        *slot = lemma;
                        n_tried += 1;
                    }
                    // (The filters first, in a run of their own: most reject.)
                    let cps = m.patterns.of_lemma_kind(lemma, nominal);
                    for (cp, need) in cps.iter().zip(m.patterns.needs_of_lemma_kind(lemma, nominal)) {
                        // Only a higher score replaces the best, or the same
                        // from an earlier pattern of the lemma (pack order):
                        // a pattern that cannot is not tried (1 MB corpus:
                        // 232.03M → 229.82M instructions), and, the run
                        // sorted by highest score, none after one that
                        // cannot reach the best's score either (229.05M → 226.84M).
                        if let Some(b) = &best {
                            match reach_best(cp.max_score, cp.order(), lemma, (b.0, b.5, b.6)) {
                                Reach::Never => break,
                                Reach::No => continue,
                                Reach::Maybe => {}
                            }
                        }
                        if !need.may_match(&filter) || cp.reflexive && !refl {
                            continue;
                        }
                        if let Some((mut score, tgt, end)) = self.try_pattern(cp, (&filter, need.is_exact()), u, &first) {
                            // (The compiled pattern's flag is its pattern's.)
                            if cp.reflexive {
                                score += 3;
                            }
                            debug_assert!(score <= i32::from(cp.max_score), "{score} > {}", cp.max_score);
                            if best.as_ref().is_none_or(|b| replaces(score, cp.order(), lemma, (b.0, b.5, b.6))) {
                                best = Some((score, &m.pack.patterns[cp.index as usize], tgt, end, tg, lemma, cp.order()));
                            }
                        }
                    }
                }
                let Some((_, pat, tgt_slot, end, tg, ..)) = best else { continue };
                // An event noun in the same clause after a coded verb is that
                // verb's complement ("condemned the launch as a violation of"):
                // one event per clause.
                if pass_nominal
                    && bufs.verb_heads.iter().any(|&v| v < head && !(v..head).any(|t| self.pause(t) || self.is(t, class::RELATIVES)))
                {
                    continue;
                }
                for t in head..end {
                    self.consumed[t] = true;
                }
                let before = out.len();
                if self.candidate(pat, u, tg, tgt_slot, end, date, ctx, &mut bufs, out).is_some() && out.len() > before && !pass_nominal {
                    bufs.verb_heads.push(head);
                }
            }
        }
        bufs.give_back();
    }

    /// The candidates of pattern `pat` headed by unit `u`, pushed to `out`
    /// (None: the pattern's event is not asserted, or has no source; nothing
    /// is pushed then). The actors are resolved into `bufs`' sources and
    /// targets (what an earlier call left there is cleared first).
    #[allow(clippy::too_many_arguments)]
    fn candidate(
        &self,
        pat: &'a Pattern,
        u: usize,
        tg: u8,
        tgt_slot: Option<usize>,
        end: usize,
        date: Date,
        ctx: &Context,
        bufs: &mut SearchBuffers,
        out: &mut Vec<Candidate>,
    ) -> Option<()> {
        let head = self.units[u].t0;
        let mut code: &'a str = &pat.code;
        // (The two digits read as bytes: parsing them as a string cost ≈24
        // instructions a call, and kept the search from inlining this; 1 MB
        // corpus: 224.68M → 223.75M instructions.)
        let root = root_of(code);
        let conflict = root >= 15;
        // --- modality ---------------------------------------------------
        if self.question {
            return None;
        }
        // "Si l'Iran attaque, les États-Unis interviendront": a sentence
        // opened by a condition is hypothetical in its main clause.
        // (Only its future or conditional main clause: "S'il n'a pas rencontré
        // X, il s'est entretenu avec Y" reports a fact.)
        // (The modal and the intent word before the head are looked for once
        // each, here: the same scans asked twice were ≈0.27M instructions a
        // MB.)
        let modal_word = self.modal_before(head);
        let future_main = matches!(tg, tag::FUTURE | tag::CONDITIONAL) || modal_word.is_some();
        if future_main && (0..2.min(self.toks.len())).any(|t| self.lex_at(t) == Some(Lex::Condition)) && root != 13 {
            return None;
        }
        let negated = self.negated(head);
        let future_aux = infinitive_like(tg) && (head.saturating_sub(3)..head).any(|t| self.lemma_is(t, lemma_set::FUTURE_AUX));
        let lex_intent = self.lex_in(head.saturating_sub(6), head, Lex::Intent);
        let intent = lex_intent.or(future_aux.then_some(head)).or((tg == tag::FUTURE).then_some(head));
        // "said the US must be ready to mediate": readiness someone else asks
        // for is that speaker's demand (coded by `reported_demands`), not the
        // subject's intent.
        if lex_intent.is_some_and(|i| self.modal_before(i).is_some_and(|m| self.m.closed.obligation.contains(&m))) {
            return None;
        }
        // "demanded that the US cancel plans to sell", "its demand that Israel
        // ease": a base form in a clause that a demand opens is the content
        // of the demand (a mandative subjunctive), not an act.
        if tg == tag::INFINITIVE && !pat.nominal {
            let that = (head.saturating_sub(12)..head).rev().take_while(|&t| !self.pause(t)).find(|&t| self.is(t, class::COMPLEMENTIZERS));
            if that.is_some_and(|c| (c.saturating_sub(3)..c).any(|t| self.m.closed.mandative.contains(&self.tok(t)))) {
                return None;
            }
        }
        let modal = modal_word;
        let closed = &self.m.closed;
        // "said it would allow": reported future, i.e. a stated intent.
        let reported = self.may_have(class::REPORTING) && (head.saturating_sub(6)..head).any(|t| self.is(t, class::REPORTING));
        let reported_modal = reported && modal.is_some_and(|m| closed.reported_future_modals.contains(&m));
        let mut infinitive = tg == tag::INFINITIVE && !pat.nominal;
        if closed.base_form_is_present && tg == tag::INFINITIVE {
            // The base form is also the present tense ("they attack").
            infinitive = head > 0 && self.is(head - 1, class::TO) || modal.is_some();
        }
        // "continued to send", "a continué à bombarder", "tried to seize": the
        // act happened (an attempt is coded as the act it attempts).
        // ("for trying to seize" names an attempt, it reports none.)
        let act_named = |t: usize| t > 0 && self.is(t - 1, class::PREPS) && !self.is(t - 1, class::GERUND_INTRO);
        if infinitive && (head.saturating_sub(3)..head).any(|t| self.lemma_is(t, lemma_set::ASPECTUAL) && !act_named(t)) {
            infinitive = false;
        }
        // "a confirmé qu'il ne rencontrerait pas": a conditional in reported
        // speech is the future of the past, i.e. a stated intent.
        let reported_future = tg == tag::CONDITIONAL && reported;
        let stated_future = reported_modal || modal.is_some_and(|m| closed.future_modals.contains(&m)) || reported_future;
        if intent.is_some() || stated_future {
            let intent_negated = intent.is_some_and(|i| self.negated(i) || self.negated(i + 1)) || negated;
            code = if conflict {
                if intent_negated {
                    "0356"
                } else {
                    threat_code(code, root)
                }
            } else if intent_negated {
                // "will not meet", "n'a pas l'intention de signer": a refusal.
                refusal_code(root)?
            } else if root >= 9 {
                // "will reject", "will demand": saying so is the act; "will
                // boycott" threatens a sanction; a planned or advocated protest
                // or inquiry ("le PS doit manifester") is no event yet.
                match root {
                    10..=13 => code,
                    _ if code.starts_with("143") => "1312",
                    _ => return None,
                }
            } else {
                intent_code(root)
            };
        } else {
            if negated || infinitive {
                return None;
            }
            // "fight until they gain control", "before they demobilize": a
            // present tense after a conjunction of time tells of the future.
            // ("when troops hit the town": a form that is also a past is not
            // taken for a present.)
            if !pat.nominal
                && matches!(tg, tag::INFINITIVE | tag::FINITE)
                && !self.entries(u).iter().any(|e| matches!(e, Entry::Form(_, tag::PAST)))
                && (head.saturating_sub(4)..head)
                    .rev()
                    .take_while(|&t| !self.pause(t))
                    .any(|t| self.m.closed.future_clause.contains(&self.tok(t)))
            {
                return None;
            }
            if tg == tag::CONDITIONAL || modal.is_some() {
                return None;
            }
            // (A scan of the token facts themselves, without a bounds check
            // per token: 1 MB corpus, 223.59M → 223.54M instructions.)
            let pauses = self.facts.tok.get(..head).unwrap_or_default();
            let clause_start = pauses.iter().rposition(|f| f & (fact::COMMA | fact::COLON) != 0).map_or(0, |t| t + 1);
            debug_assert_eq!(clause_start, (0..head).rev().find(|&t| self.pause(t)).map_or(0, |t| t + 1));
            if self.lex_in(clause_start, head, Lex::Condition).is_some() {
                return None;
            }
            if self.lex_in(head.saturating_sub(5), head, Lex::Speculation).is_some() {
                return None;
            }
            if pat.nominal
                && (self.lex_in(head.saturating_sub(2), head, Lex::Hypothetical).is_some()
                    || self.lex_in(head + 1, head + 3, Lex::Speculation).is_some()
                    || self.lex_in(head.saturating_sub(3), head, Lex::Condition).is_some())
            {
                return None;
            }
            if tg == tag::PARTICIPLE && !self.aux_before(head) && !self.has_reflexive(head) {
                return None;
            }
        }
        // --- actors -----------------------------------------------------
        // A gerund clause ("tout en accusant", ", accusing") shares the main
        // subject; a bare "-ing" after a noun ("inspectors probing") does not.
        let gerund = tg == tag::GERUND && head > 0 && (self.fact(head - 1, fact::COMMA) || self.is(head - 1, class::GERUND_INTRO));
        // "for hosting", "in brokering": a gerund after a preposition names an
        // act, it does not report one.
        if tg == tag::GERUND
            && head > 0
            && self.m.closed.adjective_first
            && self.is(head - 1, class::PREPS)
            && !self.is(head - 1, class::GERUND_INTRO)
        {
            return None;
        }
        // "journalists detained during a raid": a participle right after an
        // object noun phrase is a reduced relative, not the main verb.
        if self.m.closed.adjective_first && !pat.nominal && head > 0 {
            let both = self.entries(u).iter().any(|e| matches!(e, Entry::Form(_, t) if *t == tag::PARTICIPLE));
            if both && !self.aux_before(head) {
                if let Some(g) = self.group_of(head - 1) {
                    let lead_is_verb_or_prep = self.groups[g].lead.is_some_and(|l| {
                        self.is(l, class::PREPS)
                            || self.unit_at[l].is_some_and(|x| self.entries(x).iter().any(|e| matches!(e, Entry::Form(..))))
                    });
                    if lead_is_verb_or_prep && !self.is(self.units[u].t1, class::BY) {
                        return None;
                    }
                }
            }
        }
        let participle = tg == tag::PARTICIPLE
            || tg == tag::PAST
            || self.entries(u).iter().any(|e| matches!(e, Entry::Form(_, t) if *t == tag::PARTICIPLE || *t == tag::PAST));
        let passive = !pat.nominal && participle && self.passive(head) && !self.m.closed.active_with_be.contains(&pat.head.as_str());
        let mut target_g = tgt_slot;
        let mut source_g;
        let mut role_home = None;
        if passive {
            let from = self.units[u].t1;
            let by = (from..(end.max(from) + 8).min(self.toks.len())).find(|&t| self.is(t, class::BY))?;
            source_g = self.group_of(by + 1).or_else(|| self.group_of(by + 2));
            target_g = self.subject(head, false, None);
        } else {
            if target_g.is_none() && !pat.has_target_slot() {
                // The first actor after the verb, including one inside the
                // pattern's own words ("rejected North Korea's demand").
                let from = self.units[u].t1;
                let to = (end + 6).min(self.toks.len());
                target_g = (from..to)
                    .take_while(|&t| !(self.clause_break(t) || self.fact(t, fact::COMMA) && t >= end))
                    .find_map(|t| {
                        self.group_of(t).filter(|&g| {
                            let gr = &self.groups[g];
                            !gr.weak || t < from + 4 || gr.lead.is_some_and(|l| self.is(l, class::AGAINST))
                        })
                    })
                    // "agreed to a ceasefire at talks in Malaysia", "in central
                    // Romania": a place, not a target.
                    .filter(|&g| !self.inside_led(g))
                    .filter(|&g| {
                        self.target_ok(g) && self.groups[g].lead.is_none_or(|l| !self.is(l, class::BY) || self.agent_of_object(l, from))
                    })
                    .or_else(|| self.owner_of_object(from, to));
            }
            if !pat.source_after {
                if let Some(g) = target_g.filter(|&g| self.bare_role(g)) {
                    // "offered its troops to Lebanon's president", "mobilized
                    // reservists for a war against Iraq": a role noun with no
                    // country of its own is the source's instrument when a
                    // named actor follows in the clause; that actor is the
                    // target. A place after it ("killed civilians in Bucha")
                    // gives the role noun its country instead.
                    if let Some(n) = self.named_after(g, end) {
                        if self.groups[n].lead.is_some_and(|l| self.is(l, class::INSIDE)) {
                            let place = self.place_country_after(self.groups[n].t0);
                            role_home = place.filter(|(_, toks)| toks.1 <= self.groups[n].t1).map(|(c, _)| c);
                        } else {
                            target_g = Some(n);
                        }
                    } else {
                        // A place that is no actor group: "opened an embassy in Hanoi".
                        let t1 = self.groups[g].t1;
                        // ("embassy in" may itself be a role key ending in the preposition.)
                        let inside = (t1.saturating_sub(1)..(t1 + 1).min(self.toks.len())).any(|t| self.is(t, class::INSIDE));
                        let place = self.place_country_after(t1).filter(|(_, toks)| inside && toks.0 <= t1 + 2);
                        role_home = place.map(|(c, _)| c);
                    }
                }
            }
            source_g = if pat.source_after { target_g.take() } else { self.subject(head, gerund, target_g) };
        }
        // Nominal events: "l'entretien entre X et Y", "des manifestations en Iran".
        let mut nominal_pair = None;
        if pat.nominal {
            let bt = (head + 1..(head + 4).min(self.toks.len())).find(|&t| self.is(t, class::BETWEEN));
            if let Some(bt) = bt {
                if let Some(g) = self.group_of(bt + 1).or_else(|| self.group_of(bt + 2)) {
                    if self.groups[g].nps.len() >= 2 {
                        nominal_pair = Some(g);
                    }
                }
            }
            if nominal_pair.is_none() {
                // A bare event noun takes its source from a genitive right after
                // it ("la visite du dalaï-lama"), not from the clause's subject.
                let genitive = (head + 1..(head + 3).min(self.toks.len()))
                    .find_map(|t| self.group_of(t))
                    .filter(|&g| self.groups[g].lead.is_some_and(|l| self.is(l, class::GENITIVE)));
                // …but after a noun of coercion or violence the genitive is the
                // victim: "l'arrestation de X", "the shelling of Kyiv".
                if root >= 17 {
                    if genitive.is_some() && target_g.is_none_or(|t| Some(t) == genitive) {
                        target_g = genitive;
                    }
                    source_g = None;
                } else {
                    source_g = genitive;
                }
                if source_g.is_none() {
                    // The object of a support verb ("staged rallies", "a entamé
                    // une grève"): the verb's subject did it, under the verb's
                    // modality ("n'ont pas lancé d'offensive").
                    // The verb may stand a few words before its noun ("entame à
                    // partir de ce lundi une visite"), within the clause.
                    let light = (head.saturating_sub(self.m.closed.light_verb_reach)..head)
                        .rev()
                        .take_while(|&t| !self.pause(t) && !self.is(t, class::RELATIVES | class::COMPLEMENTIZERS))
                        .find(|&t| self.lemma_is(t, lemma_set::LIGHT_VERB));
                    if let Some(v) = light {
                        if self.negated(v)
                            || self.modal_before(v).is_some()
                            || self.lex_in(v.saturating_sub(5), v, Lex::Speculation).is_some()
                        {
                            return None;
                        }
                        source_g = self.subject(v, false, target_g);
                    }
                }
                if source_g.is_none() {
                    // "spoke to reporters after talks with French officials",
                    // "retook the town after fighting with rebels": a partner
                    // named with "with" makes the clause's subject the other
                    // party.
                    if target_g.is_some_and(|g| self.groups[g].lead.is_some_and(|l| self.m.closed.comitative.contains(&self.tok(l)))) {
                        source_g = self.subject(head, false, target_g);
                    }
                }
                if source_g.is_none() && root == 4 {
                    // "arrived in Beijing on an official visit", "came to
                    // Paris for talks": a meeting noun after a preposition of
                    // occasion is the clause subject's.
                    if let Some(words) = self.prep_noun_phrase(head) {
                        let p = head - 1 - words;
                        if self.m.closed.occasion_preps.contains(&self.tok(p)) {
                            source_g = self.subject(p, false, target_g);
                        }
                    }
                }
                if source_g.is_none() {
                    // "des manifestations en Iran": the place is who acts.
                    if let Some(g) = target_g.filter(|&g| self.groups[g].lead.is_some_and(|l| self.is(l, class::INSIDE))) {
                        source_g = Some(g);
                        target_g = None;
                    }
                }
                if source_g.is_some() && target_g == source_g {
                    target_g = self
                        .groups
                        .iter()
                        .enumerate()
                        .skip(source_g.map_or(0, |g| g + 1))
                        .find(|&(i, g)| g.t0 < end + 8 && self.target_ok(i))
                        .map(|(i, _)| i);
                }
            }
        }
        let SearchBuffers { sources, targets, .. } = bufs;
        sources.clear();
        targets.clear();
        if let Some(g) = nominal_pair {
            let gr = &self.groups[g];
            self.resolve_into(&gr.nps[0], date, ctx, None, sources);
            self.resolve_into(&gr.nps[1], date, ctx, None, targets);
        } else {
            if let Some(g) = source_g {
                // "Bosnian Serbs said their forces had completed": a possessive
                // subject belongs to the actor named before it.
                let owner = if self.groups[g].possessive {
                    (0..g).rev().filter(|&p| !self.groups[p].attributed).find_map(|p| {
                        let code = self.resolve_group(p, date, ctx, None).first()?.code.clone();
                        Some(code[..3.min(code.len())].to_string())
                    })
                } else {
                    None
                };
                self.resolve_group_into(g, date, ctx, owner.as_deref(), sources);
            }
            if sources.is_empty() && pat.nominal {
                // The country where it happens: "des manifestations en Iran"
                // (not the target's: "talks with U.S. officials").
                // (A genitive or a place may still be where: "la visite du
                // président azerbaïdjanais", "a bombing in Baghdad".)
                let partner = target_g.filter(|&g| {
                    self.groups[g]
                        .lead
                        .is_some_and(|l| self.is(l, class::PREPS) && !self.is(l, class::GENITIVE) && !self.is(l, class::INSIDE))
                });
                let in_target = |t: usize| partner.is_some_and(|g| (self.groups[g].t0..self.groups[g].t1).contains(&t));
                let c = (head + 1..(head + 6).min(self.toks.len())).take_while(|&t| !self.clause_break(t)).find_map(|t| {
                    if in_target(t) {
                        return None;
                    }
                    let u = self.unit_at[t]?;
                    self.entries(u).iter().find_map(|e| match *e {
                        Entry::Country(c) | Entry::Demonym(c) | Entry::Capital(c, _) => Some(c),
                        _ => None,
                    })
                });
                if let Some(c) = c {
                    sources.push(Resolved {
                        code: ActorCode::new(&self.m.codes[c as usize]),
                        toks: (head, head + 1),
                        title: None,
                        entity: None,
                        person: None,
                        title_country: None,
                    });
                }
            }
            if let Some(g) = target_g {
                // Only a state lends its country to a role noun ("la police
                // turque a arrêté des journalistes"), not the UN or an NGO.
                // (Borrowed from the source: no string per candidate.)
                let inherit = role_home.or_else(|| sources.first().map(|s| s.code.first_chars(3)).filter(|c| !non_state(c)));
                self.resolve_group_into(g, date, ctx, inherit, targets);
                if targets.is_empty() || self.bare_role(g) {
                    // "la police turque a arrêté des journalistes": a role noun
                    // without a country shares the source's.
                    let gr = &self.groups[g];
                    let home = inherit.map(str::to_string).or_else(|| ctx.home.clone());
                    let local = Context { home, last_pair: None, seen_persons: Vec::new(), date: ctx.date };
                    targets.clear();
                    for np in &gr.nps {
                        self.resolve_into(np, date, &local, None, targets);
                    }
                }
            }
            // A pair as subject with no target: one acts on the other.
            if let Some(g) = source_g {
                let pair = self.groups[g].nps.iter().any(|n| n.pair) || (self.groups[g].nps.len() == 2 && targets.is_empty());
                if pair && sources.len() == 2 && targets.is_empty() {
                    each_with_the_other(sources, codebook().get(code), (head, self.units[u].t1), out);
                    return Some(());
                }
            }
        }
        if sources.is_empty() {
            return None;
        }
        if targets.is_empty() && !passive {
            // No actor after the verb: the country where it happens is the
            // target ("imposed a curfew in Abidjan", "sent troops to Bosnia");
            // a protest with no other target is aimed at its own country.
            // "arrived in Amman on a visit": the place visited may stand
            // between the subject and the event word.
            let place = self.place_country_after(self.units[u].t1).or_else(|| {
                let subject_end = source_g.map(|g| self.groups[g].t1)?;
                // (A visit's place is its host; elsewhere a place before the
                // verb is only where it happened: "convenus à Genève de".)
                let same_clause = code.starts_with("042") && subject_end < head && !(subject_end..head).any(|t| self.fact(t, fact::COMMA));
                same_clause.then(|| self.place_country_after(subject_end)).flatten().filter(|(_, toks)| toks.1 <= head)
            });
            // The target's text is the place's name, or the source's own for a
            // protest aimed at its country.
            // (Codes held in place, no `String`s.)
            let (mut code, toks) = match place {
                Some((c, toks)) => (Some(ActorCode::new(c)), toks),
                None if root == 14 => (Some(sources[0].code.truncated(3)), sources[0].toks),
                None => (None, (head, head)),
            };
            // A protest at home is aimed at the home government ("thousands of
            // Iraqi Kurds demonstrated in Kirkuk": IRQ against IRQGOV).
            if root == 14 && code.as_ref().is_some_and(|c| sources.iter().all(|s| s.code.as_bytes().starts_with(c.as_bytes()))) {
                code = code.map(|c| ActorCode::concat(&c, "GOV"));
            }
            if let Some(c) = code {
                if sources.iter().any(|s| s.code != c) {
                    targets.push(Resolved { code: c, toks, title: None, entity: None, person: None, title_country: None });
                }
            }
        }
        // Every (source, target) pair of distinct actors, sources in order;
        // each actor is moved into its last candidate, cloned only for the
        // others (one source and one target: no clone).
        let span = (head, self.units[u].t1);
        // (The codebook's entry looked up once, not per candidate.)
        let entry = codebook().get(code);
        // Exactly: most sentences have one or two candidates, and
        // `reserve`'s first allocation of four was, when a candidate was
        // 272 bytes (1,088), beyond glibc's per-thread cache (1,032): a
        // slow malloc and free per sentence with an event.
        out.reserve_exact(sources.len() * targets.len().max(1));
        let last = sources.len() - 1;
        for (i, s) in sources.drain(..).enumerate() {
            if targets.is_empty() {
                out.push(Candidate { code: entry, source: s, target: None, head: span });
                continue;
            }
            let mut uses = targets.iter().filter(|t| !same_actor(&s, t)).count();
            let mut s = Some(s);
            let mut pair = |s: &mut Option<Resolved>, t: Resolved| {
                uses -= 1;
                let source = if uses == 0 { s.take() } else { s.clone() };
                if let Some(source) = source {
                    out.push(Candidate { code: entry, source, target: Some(t), head: span });
                }
            };
            if i == last {
                for t in targets.drain(..) {
                    if s.as_ref().is_some_and(|s| !same_actor(s, &t)) {
                        pair(&mut s, t);
                    }
                }
            } else {
                for t in targets.iter() {
                    if s.as_ref().is_some_and(|s| !same_actor(s, t)) {
                        pair(&mut s, t.clone());
                    }
                }
            }
        }
        Some(())
    }

    /// "X said (that) Y must …": X demands of Y (CAMEO 100).
    fn reported_demands(&self, date: Date, ctx: &Context) -> Vec<Candidate> {
        let mut out = Vec::new();
        if self.question {
            return out;
        }
        // (Most sentences have no such word: one pass over the class bits says so.)
        if !self.may_have(class::OBLIGATION) || !self.classes.iter().skip(1).any(|&c| c & class::OBLIGATION != 0) {
            return out;
        }
        for o in 1..self.toks.len() {
            if !self.is(o, class::OBLIGATION) || self.negated(o + 1) {
                continue;
            }
            // "the rebels in Darfur must": the group before a place phrase.
            let before_place = || {
                (o.saturating_sub(4)..o - 1).rev().find(|&t| self.is(t, class::INSIDE)).and_then(|i| {
                    let place = (i + 1..o).all(|t| self.unit_at[t].is_some() || self.is_article(t) || self.capitalised(t));
                    place.then(|| i.checked_sub(1).and_then(|b| self.group_of(b))).flatten()
                })
            };
            let Some(tg) = self.group_of(o - 1).or_else(before_place) else { continue };
            // "that the Sudanese government and the rebels must": every
            // member of a coordination the groups builder kept apart.
            let mut first = tg;
            while first > 0 {
                let (p, g) = (&self.groups[first - 1], &self.groups[first]);
                let joined = p.t1 < g.t0
                    && (p.t1..g.t0).all(|t| self.is_article(t) || self.lex_at(t) == Some(Lex::Coordination))
                    && (p.t1..g.t0).any(|t| self.lex_at(t) == Some(Lex::Coordination));
                if !joined {
                    break;
                }
                first -= 1;
            }
            let t0 = self.groups[first].t0;
            let Some(rv) = (t0.saturating_sub(6)..t0).find(|&t| self.is(t, class::REPORTING)) else { continue };
            let Some(sg) = self.subject(rv, false, Some(first)) else { continue };
            let sources = self.resolve_group(sg, date, ctx, None);
            let targets: Vec<Resolved> = (first..=tg).flat_map(|g| self.resolve_group(g, date, ctx, None)).collect();
            for s in &sources {
                for t in &targets {
                    if !same_actor(s, t) {
                        out.push(Candidate { code: codebook().get("100"), source: s.clone(), target: Some(t.clone()), head: (o, o + 1) });
                    }
                }
            }
        }
        out
    }

    /// The country of the first place named after token `from` in the same
    /// clause: a country, a capital or a gazetteer city written with a capital.
    /// (Borrowed from the model or the knowledge base, not a `String` per
    /// call; with `Pipeline::sentence_place` skipping a sentence with no
    /// locative word, 1 MB corpus: 205.26M → 205.15M instructions.)
    fn place_country_after(&self, from: usize) -> Option<(&'a str, (usize, usize))> {
        // (During the search the clause break and the opening relative
        // clause are fact bits, tested at once, and the tables are slices of
        // the sentence's length: no bounds check per token. 1 MB corpus:
        // 201.97M → 201.78M instructions. Before it, from
        // [`Analysis::group`], the tokens are read.)
        let n = self.toks.len();
        let (Some(unit_at), Some(attributed)) = (self.unit_at.get(..n), self.attributed.get(..n)) else { return None };
        let tf = self.facts.tok.get(..n).filter(|_| self.facts.ready);
        let stop = |t: usize| match tf {
            Some(tf) => tf[t] & (fact::BREAK | fact::RELATIVE) != 0,
            None => self.find_clause_break(t) || self.find_relative_clause(t),
        };
        let mut t = from;
        while t < n && !stop(t) {
            let Some(u) = unit_at[t] else {
                t += 1;
                continue;
            };
            let unit = self.units[u];
            if !attributed[t] {
                // "Hamas" is also a spelling of the German city Hamm: a name
                // that is an organisation or a person is no place.
                let es = self.entries(u);
                let actor_name = es.iter().any(|e| matches!(e, Entry::Org(..) | Entry::Person(_)));
                for e in es.iter().filter(|_| !actor_name) {
                    match *e {
                        Entry::Country(c) | Entry::Capital(c, _) => return Some((self.m.codes[c as usize].as_str(), (unit.t0, unit.t1))),
                        // "IRNA" is an agency, not the Italian village Irna:
                        // a city is written in mixed case.
                        Entry::City(c) if self.capitalised(unit.t0) && !self.all_capitals(unit.t0) => {
                            return self.kb.cities.get(c as usize).map(|ci| (ci.country.as_str(), (unit.t0, unit.t1)));
                        }
                        _ => {}
                    }
                }
            }
            t = unit.t1;
        }
        None
    }

    fn resolve_group(&self, g: usize, date: Date, ctx: &Context, inherit: Option<&str>) -> Vec<Resolved> {
        let mut out = Vec::new();
        self.resolve_group_into(g, date, ctx, inherit, &mut out);
        out
    }

    /// [`Analysis::resolve_group`], pushing onto `out`.
    fn resolve_group_into(&self, g: usize, date: Date, ctx: &Context, inherit: Option<&str>, out: &mut Vec<Resolved>) {
        let gr = &self.groups[g];
        let inherit = if gr.possessive { inherit } else { None };
        for np in &gr.nps {
            self.resolve_into(np, date, ctx, inherit, out);
        }
    }

    /// The only country the sentence's actors name, if exactly one.
    pub fn only_country(&self) -> Option<String> {
        let mut found: Option<u32> = None;
        for np in self.groups.iter().filter(|g| !g.attributed).flat_map(|g| g.nps.iter()) {
            if let Some(c) = np.country {
                if found.is_some_and(|f| f != c) {
                    return None;
                }
                found = Some(c);
            }
        }
        found.map(|c| self.m.codes[c as usize].clone()).filter(|c| !non_state(c))
    }

    /// Persons named in full in this sentence.
    pub fn persons(&self) -> impl Iterator<Item = u32> + '_ {
        self.groups.iter().flat_map(|g| g.nps.iter()).filter_map(|n| n.person).filter(|p| p & UNCONFIRMED == 0)
    }

    /// Pairs mentioned together in this sentence (for "les deux pays").
    pub fn pair(&self, date: Date, ctx: &Context) -> Option<(Resolved, Resolved)> {
        let mut out = Vec::new();
        self.groups.iter().rev().filter(|g| !g.attributed && g.nps.len() == 2 && !g.nps.iter().any(|n| n.pair)).find_map(|g| {
            // Both members resolved into one vector: the first actor of each.
            out.clear();
            self.resolve_into(&g.nps[0], date, ctx, None, &mut out);
            let n = out.len();
            self.resolve_into(&g.nps[1], date, ctx, None, &mut out);
            if n == 0 || out.len() == n || same_actor(&out[0], &out[n]) {
                return None;
            }
            let b = out.swap_remove(n);
            Some((out.swap_remove(0), b))
        })
    }

    /// A human-readable dump of units and groups, for `dyad code --explain`.
    pub fn explain(&self) -> String {
        let mut s = String::new();
        for (i, u) in self.units.iter().enumerate() {
            s.push_str(&format!("  unit {:?} {:?}\n", self.text_of((u.t0, u.t1)), self.entries(i)));
        }
        for g in &self.groups {
            s.push_str(&format!(
                "  group {:?} attributed={} lead={:?}\n",
                self.text_of((g.t0, g.t1)),
                g.attributed,
                g.lead.map(|l| self.tok(l))
            ));
        }
        s
    }

    /// Original text for a token range (without a possessive's apostrophe).
    pub fn text_of(&self, toks: (usize, usize)) -> &'a str {
        self.orig_text(toks.0, toks.1).trim_end_matches(['\'', '’'])
    }

    /// A surname confirmed by an apposed title: "Shoigu, ministre russe".
    pub fn confirm_surnames(&mut self) {
        // Without an unconfirmed surname nothing changes: every member names
        // something (see `piece`), no group is empty, `in_group` stays.
        // (Nested loops, not a `flat_map`: see `group`.)
        if !self.groups.iter().any(|g| g.nps.iter().any(|n| n.person.is_some_and(|p| p & UNCONFIRMED != 0))) {
            return;
        }
        let kb = self.kb;
        let codes = &self.m.codes;
        for g in &mut self.groups {
            for np in &mut g.nps {
                if let Some(p) = np.person.filter(|p| p & UNCONFIRMED != 0) {
                    let p = p & !UNCONFIRMED;
                    // "Shoigu, ministre russe": the title's country; "President
                    // Obama": some role of that person carries the title's agent.
                    let roles = kb.tenures(p as usize);
                    let ok = np.country.is_some_and(|c| roles.iter().any(|r| r.code.starts_with(codes[c as usize].as_str())))
                        || (np.country.is_none()
                            && np.agent.is_some_and(|a| {
                                let a = codes[a as usize].as_str();
                                roles.iter().any(|r| r.code.get(3..).is_some_and(|suffix| suffix.starts_with(a)))
                            }));
                    np.person = ok.then_some(p);
                }
            }
            g.nps.retain(|n| n.person.is_some() || n.country.is_some() || n.org.is_some() || n.agent.is_some() || n.pair);
        }
        self.groups.retain(|g| !g.nps.is_empty());
        self.in_group.iter_mut().for_each(|x| *x = None);
        for (gi, g) in self.groups.iter().enumerate() {
            for x in g.t0..g.t1 {
                self.in_group[x] = Some(gi);
            }
        }
    }
}

/// The words a pattern's word may lie after the previous one (one more
/// for its target): see [`Analysis::windows`].
const GAP: usize = 4;

/// The verb forms (lemma, tag, false) and event nouns (lemma, FINITE, true)
/// among entries `es` of a unit whose [`verb`] bits are `f` (see
/// [`Analysis::verb_heads`]).
fn heads_of(es: &[Entry], f: u16) -> impl Iterator<Item = (u32, u8, bool)> + '_ {
    let no = move |bit: u16| f & bit != 0;
    es.iter().filter_map(move |e| match *e {
        Entry::Form(..) if no(verb::IN_NAME) => None,
        Entry::Form(_, tag::GERUND) if no(verb::ADJECTIVE_BETWEEN) => None,
        Entry::Form(_, tag::INFINITIVE) if no(verb::AFTER_OBJECT) => None,
        Entry::Form(_, t)
            if no(verb::PREP_NP) && t != tag::PAST && t != tag::PARTICIPLE && (no(verb::PREP_NP_WORDS) || t != tag::GERUND) =>
        {
            None
        }
        Entry::Form(l, t) if !no(verb::NOUN_ONLY) => Some((l, t, false)),
        Entry::Noun(l) => Some((l, tag::FINITE, true)),
        _ => None,
    })
}

fn infinitive_like(tg: u8) -> bool {
    tg == tag::INFINITIVE
}

/// The event search's buffers, kept from sentence to sentence: the verb
/// heads of [`Analysis::search_events`] and the sources and targets of
/// [`Analysis::candidate`] (a vector of actors per call was a malloc and a
/// free, ≈11k a MB). The search takes them from the thread once per
/// sentence and lends them to each candidate: a thread-local access per
/// vector and call, and the drop glue of each, cost ≈0.6M instructions of
/// the 1 MB corpus (202.58M → 202.31M instructions).
#[derive(Default)]
struct SearchBuffers {
    verb_heads: Vec<usize>,
    sources: Vec<Resolved>,
    targets: Vec<Resolved>,
}

impl SearchBuffers {
    /// The thread's buffers, emptied (fresh ones when they are in use or
    /// the thread is exiting).
    fn take() -> Self {
        let mut b = SEARCH.try_with(Cell::take).unwrap_or_default();
        b.verb_heads.clear();
        b.sources.clear();
        b.targets.clear();
        b
    }

    /// Gives the buffers back to the thread.
    fn give_back(self) {
        let _ = SEARCH.try_with(|c| c.set(self));
    }
}

thread_local! {
    static SEARCH: Cell<SearchBuffers> = const { Cell::new(SearchBuffers { verb_heads: Vec::new(), sources: Vec::new(), targets: Vec::new() }) };
}

/// "A and B agreed": each of the two `sources` acted, with the other (two
/// candidates of code `entry`, headed by `span`, unless they are one
/// actor). Rare, kept out of [`Analysis::candidate`]'s code (its every
/// call fetches that code into the instruction cache).
#[cold]
#[inline(never)]
fn each_with_the_other(sources: &mut Vec<Resolved>, entry: Option<&'static CameoCode>, span: (usize, usize), out: &mut Vec<Candidate>) {
    let (b, a) = (sources.swap_remove(1), sources.swap_remove(0));
    for (s, t) in [(a.clone(), b.clone()), (b, a)] {
        if !same_actor(&s, &t) {
            out.push(Candidate { code: entry, source: s, target: Some(t), head: span });
        }
    }
}

/// Two mentions of one actor: the same code, unless they are two different
/// known persons (Putin and Shoigu are both RUSGOV, yet two actors).
fn same_actor(a: &Resolved, b: &Resolved) -> bool {
    a.code == b.code && !(a.person.is_some() && b.person.is_some() && a.person != b.person)
}

/// CAMEO's non-state "country" codes.
const NON_STATES: [&str; 8] = ["IGO", "NGO", "IMG", "MNC", "UIS", "UAF", "BUS", "REL"];

/// Whether `c` is one of [`NON_STATES`], compared as one number of its
/// three bytes (eight string comparisons were ≈35 instructions a
/// candidate; 1 MB corpus: 223.75M → 223.59M).
fn non_state(c: &str) -> bool {
    const KEYS: [u32; NON_STATES.len()] = {
        let mut keys = [0; NON_STATES.len()];
        let mut i = 0;
        while i < keys.len() {
            keys[i] = match crate::key3(NON_STATES[i]) {
                Some(k) => k,
                None => panic!("a non-state code has three bytes"),
            };
            i += 1;
        }
        keys
    };
    crate::key3(c).is_some_and(|k| KEYS.contains(&k))
}

/// Marks a surname not yet confirmed by context.
const UNCONFIRMED: u32 = 1 << 31;

enum Join {
    Extend,
    Coordinate,
}

fn compatible(np: &Np, p: &Np) -> bool {
    if np.pair || p.pair {
        return false;
    }
    if np.person.is_some() && p.person.is_some() {
        return false;
    }
    let named = |n: &Np| n.named_country || n.org.is_some();
    if (named(np) || np.person.is_some()) && named(p) {
        return false;
    }
    // "Israël Benyamin Nétanyahou" is two actors; "Pakistan President Zia" one.
    if named(np) && p.person.is_some() && np.agent.is_none() {
        return false;
    }
    if np.country.is_some() && p.country.is_some() && np.country != p.country {
        return false;
    }
    true
}

fn apposition(np: &Np, p: &Np) -> bool {
    (np.person.is_some() && p.person.is_none() && p.agent.is_some())
        || (np.person.is_none() && np.agent.is_some() && p.person.is_some() && p.agent.is_none())
}

fn merge(np: &mut Np, p: Np) {
    np.person = np.person.or(p.person);
    if p.agent.is_some() {
        np.agent = p.agent;
    }
    np.title_toks = match (np.title_toks, p.title_toks) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, b) => a.or(b),
    };
    np.country = np.country.or(p.country);
    np.capital |= p.capital;
    np.named_country |= p.named_country;
    np.org = np.org.or(p.org);
}

/// The CAMEO root of event code `code`: its first two digits as a number (0
/// if they are not digits).
fn root_of(code: &str) -> u8 {
    match code.as_bytes() {
        [a @ b'0'..=b'9', b @ b'0'..=b'9', ..] => (a - b'0') * 10 + (b - b'0'),
        _ => 0,
    }
}

/// [`Analysis::may_head`] of a unit whose [`verb`] bits are `f`.
fn may_head_with(f: u16, nominal: bool) -> bool {
    if nominal {
        f & verb::NOUNS != 0
    } else {
        f & verb::FORMS != 0 && f & (verb::NOUN_ONLY | verb::IN_NAME) == 0
    }
}

/// What [`reach_best`] says of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// No: nor may any pattern after it in the run (their highest scores
    /// are no higher).
    Never,
    /// No, but a pattern after it may.
    No,
    /// Perhaps: try it.
    Maybe,
}

/// Whether a pattern whose highest score is `max`, of lemma `lemma` at
/// [`crate::patterns::CPattern::order`] `order`, may replace the best match
/// so far, (score, lemma, order) `best`, in a run sorted by highest score
/// (see [`replaces`]).
fn reach_best(max: u16, order: u32, lemma: u32, best: (i32, u32, u32)) -> Reach {
    let max = i32::from(max);
    if max < best.0 {
        Reach::Never
    } else if max > best.0 || best.1 == lemma && order < best.2 {
        Reach::Maybe
    } else {
        Reach::No
    }
}

/// Whether a match scoring `score`, by the pattern of lemma `lemma` at
/// `order`, replaces the best so far, (score, lemma, order) `best`: a higher
/// score does, or the same score from an earlier pattern of the same lemma
/// (a head's lemmas are tried in turn, each lemma's patterns from the
/// highest score down: the winner is the first best in lemma, then pack,
/// order).
fn replaces(score: i32, order: u32, lemma: u32, best: (i32, u32, u32)) -> bool {
    score > best.0 || score == best.0 && best.1 == lemma && order < best.2
}

/// The refusal code for a negated intent to cooperate ("will not meet" → 125).
fn refusal_code(root: u8) -> Option<&'static str> {
    Some(match root {
        3 | 5 => "120",
        4 => "125",
        6 => "121",
        7 => "122",
        8 => "124",
        _ => return None,
    })
}

/// The threat a stated future act of force or sanction makes ("will cut
/// ties" → 1313, "will impose sanctions" → 1312, "will attack" → 138).
fn threat_code(code: &str, root: u8) -> &'static str {
    match (root, code) {
        (18.., _) => "138",
        (16, c) if c.starts_with("162") => "1311",
        (16, c) if c.starts_with("163") => "1312",
        (16, _) => "1313",
        _ => "130",
    }
}

/// The intent code for a cooperative root ("plans to visit" → 036).
fn intent_code(root: u8) -> &'static str {
    match root {
        4 => "036",
        5 => "032",
        6 => "031",
        7 => "033",
        8 => "035",
        _ => "030",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;
    use std::sync::OnceLock;

    /// The pipeline of the tests, built once.
    fn pipeline() -> &'static Pipeline {
        static P: OnceLock<Pipeline> = OnceLock::new();
        P.get_or_init(|| Pipeline::new().expect("pipeline"))
    }

    /// The English analysis of `text` (folded already) written `orig`.
    fn english<'a>(folded: &'a Folded, orig: &'a str) -> Analysis<'a> {
        let p = pipeline();
        Analysis::new(p.matcher("en").expect("matcher"), p.kb(), folded, orig)
    }

    #[test]
    fn alphabetic_is_the_character_test() {
        let words = [
            "",
            "a",
            "Z",
            "abc",
            "ab-c",
            "-",
            "a1",
            "1",
            "a'",
            "été",
            "Éric-Ange",
            "naïve",
            "a é",
            "日本",
            "x\u{301}",
            "ab.",
            "A-",
            "é1",
            "Ⅻ",
        ];
        for w in words {
            assert_eq!(alphabetic(w, false), w.chars().all(char::is_alphabetic), "{w}");
            assert_eq!(alphabetic(w, true), w.chars().all(|c| c.is_alphabetic() || c == '-'), "{w}");
        }
        // Every ASCII byte, alone and after a letter.
        for b in 0..0x80u8 {
            for w in [String::from(b as char), format!("q{}", b as char)] {
                assert_eq!(alphabetic(&w, false), w.chars().all(char::is_alphabetic), "{w:?}");
                assert_eq!(alphabetic(&w, true), w.chars().all(|c| c.is_alphabetic() || c == '-'), "{w:?}");
            }
        }
    }

    #[test]
    fn lemma_sets_hold_the_lemmas_of_the_closed_lists() {
        for lang in ["en", "fr"] {
            let m = pipeline().matcher(lang).expect("matcher");
            assert_eq!(m.lemma_sets.len(), m.lemmas.len());
            let lists = lemma_lists(&m.closed);
            let mut seen = 0;
            for (l, name) in m.lemmas.iter().enumerate() {
                for (list, bit) in lists {
                    // The bit where the old string compare said yes, only there.
                    assert_eq!(m.lemma_sets[l] & bit != 0, list.contains(&name.as_str()), "{lang} {name} {bit}");
                    seen += usize::from(list.contains(&name.as_str()));
                }
            }
            // Auxiliaries, passive and light verbs are lemmas of every pack.
            assert!(seen >= 4, "{lang}: {seen}");
        }
        let en = pipeline().matcher("en").expect("matcher");
        let be = en.lemmas.iter().position(|l| l == "be").expect("be");
        assert_eq!(en.lemma_sets[be] & (lemma_set::AUXILIARY | lemma_set::PASSIVE_AUX), lemma_set::AUXILIARY | lemma_set::PASSIVE_AUX);
    }

    #[test]
    fn kinds_say_what_the_entry_scans_say() {
        for lang in ["en", "fr"] {
            let m = pipeline().matcher(lang).expect("matcher");
            let (mut verbal, mut places, mut completing) = (0, 0, 0);
            for key in 0..m.entries.len() {
                let es = &m.entries[key];
                let k = Kinds::of(es, &m.lemma_sets);
                for t in 0..8u8 {
                    let has = es.iter().any(|e| matches!(*e, Entry::Form(_, x) if x == t));
                    assert_eq!(k.tags() & tag_bit(t) != 0, has, "{lang} {es:?} tag {t}");
                }
                assert_eq!(k.nouns(), es.iter().any(|e| matches!(e, Entry::Noun(_))), "{lang} {es:?}");
                let aux = es.iter().any(|e| matches!(*e, Entry::Form(l, _) if m.lemma_sets[l as usize] & lemma_set::AUXILIARY != 0));
                assert_eq!(k.aux(), aux, "{lang} {es:?}");
                let lex = es.iter().find_map(|e| if let Entry::Lex(l, _) = e { Some(*l) } else { None });
                assert_eq!(k.lex(), lex, "{lang} {es:?}");
                let lexes = es.iter().fold(0, |b, e| if let Entry::Lex(l, _) = e { b | lex_bit(*l) } else { b });
                assert_eq!(k.lexes(), lexes, "{lang} {es:?}");
                let actor = |f: fn(&Entry) -> bool| es.iter().any(f);
                assert_eq!(k.actor() & kind::PERSON != 0, actor(|e| matches!(e, Entry::Person(_) | Entry::Surname(_))), "{lang} {es:?}");
                assert_eq!(k.actor() & kind::AGENT != 0, actor(|e| matches!(e, Entry::Agent(..))), "{lang} {es:?}");
                let other = actor(|e| {
                    matches!(
                        e,
                        Entry::Country(_)
                            | Entry::Capital(..)
                            | Entry::Demonym(_)
                            | Entry::Org(..)
                            | Entry::Complement(_)
                            | Entry::Lex(Lex::Pair, _)
                    )
                });
                assert_eq!(k.actor() & kind::OTHER != 0, other, "{lang} {es:?}");
                assert_eq!(k.verbal(), k.tags() != 0 || k.nouns(), "{lang} {es:?}");
                assert_eq!(k.place(), actor(|e| matches!(e, Entry::Capital(..) | Entry::City(_))), "{lang} {es:?}");
                let completes = es.iter().all(|e| {
                    matches!(
                        e,
                        Entry::Complement(_)
                            | Entry::Lex(Lex::Article | Lex::Coordination, _)
                            | Entry::Form(..)
                            | Entry::Noun(_)
                            | Entry::City(_)
                    )
                });
                assert_eq!(k.completes(), completes, "{lang} {es:?}");
                places += usize::from(k.place());
                completing += usize::from(k.completes() && !es.is_empty());
                // The matcher keeps the same beside each key's entries.
                assert_eq!(m.entries.with_facts(key), (es, k.0), "{lang} {es:?}");
                verbal += usize::from(k.tags() != 0 && k.nouns());
            }
            assert!(verbal > 10, "{lang}: forms that are also event nouns");
            assert!(places > 10 && completing > 10, "{lang}: {places} places, {completing} completing");
            // Every Lex packs and unpacks to itself.
            for (i, &l) in LEXES.iter().enumerate() {
                assert_eq!(l as usize, i);
                assert_eq!(Kinds::of(&[Entry::Lex(l, 0), Entry::Lex(Lex::Article, 0)], &[]).lex(), Some(l));
            }
        }
    }

    #[test]
    fn class_bits_say_what_the_word_lists_say() {
        // The lists that the sentence loop asks through class bits: a token
        // has the bit exactly when its folded text is a word of the list.
        let texts = [
            include_str!("../../../examples/en/beirut-strikes-2026-01-20.en.txt"),
            include_str!("../../../examples/en/kyiv-energy-strikes-2025-12-03.en.txt"),
            include_str!("../../../examples/en/us-china-tariff-truce-2026-03-05.en.txt"),
            include_str!("../../../examples/fr/araghchi-mascate-2025-11-18.fr.txt"),
            include_str!("../../../examples/fr/erdogan-zelensky-ankara-2026-03-05.fr.txt"),
            include_str!("../../../examples/fr/pachinian-aliyev-transit-2026-02-12.fr.txt"),
        ];
        for lang in ["en", "fr"] {
            let m = pipeline().matcher(lang).expect("matcher");
            let c = &m.closed;
            let lists: [(&[&str], u32); 5] = [
                (&c.relatives, class::RELATIVES),
                (&c.complementizers, class::COMPLEMENTIZERS),
                (&c.subject_pronouns, class::SUBJECT_PRONOUNS),
                (&c.object_pronouns, class::OBJECT_PRONOUNS),
                (&c.modals, class::MODALS),
            ];
            let mut words: Vec<String> = lists.iter().flat_map(|l| l.0.iter().map(|w| w.to_string())).collect();
            let mut toks = Vec::new();
            for text in texts {
                let folded = dyad_text::fold(text);
                tokenize(&folded, &mut toks);
                words.extend(toks.iter().map(|t| folded[t.s..t.e].to_string()));
            }
            assert!(words.len() > 2000, "{lang}: {}", words.len());
            let mut hits = 0;
            for w in &words {
                let bits = m.tokens.get(w.as_bytes()).0;
                for (list, bit) in lists {
                    assert_eq!(bits & bit != 0, list.contains(&w.as_str()), "{lang}: {w:?} {bit}");
                    hits += usize::from(bits & bit != 0);
                }
            }
            assert!(hits > 40, "{lang}: {hits}");
            // No list holds the empty word, the text of a token out of range.
            assert!(lists.iter().all(|l| !l.0.contains(&"")), "{lang}");
        }
    }

    #[test]
    fn facts_say_what_the_token_scans_say() {
        let text = "rebels (ucf) in the city, which officials said sent 3,000 troops; 1.5 km away: why ( a ) it stopped!";
        let folded = Folded::new(text);
        assert_eq!(folded.text, text);
        let mut a = english(&folded, text);
        a.group(&Context::default());
        a.learn_facts();
        assert!(a.facts.ready && a.facts_agree());
        let has = |w: &str, bit: u8| a.toks.iter().position(|t| &text[t.s..t.e] == w).is_some_and(|t| a.fact(t, bit));
        assert!(has("3", fact::FIGURE) && has(";", fact::BREAK) && has(",", fact::RELATIVE) && has("sent", fact::FINITE));
        assert!(!has("(", fact::BREAK) && !has("rebels", fact::FIGURE));
        // A figure's comma is part of it; a comma after a word is not.
        let commas: Vec<bool> = (0..a.toks.len()).filter(|&t| a.tok(t) == ",").map(|t| a.in_figure(t)).collect();
        assert_eq!(commas, [false, true]);
    }

    #[test]
    fn any_is_is_some_token_is() {
        let texts = ["rebels attacked the city in the north", "talks between Iran and Iraq", "Putin met Xi, who said so.", ""];
        let classes = [class::LOCATIVES, class::BETWEEN, class::RELATIVES, class::TO, class::INSIDE | class::BY];
        for text in texts {
            let folded = Folded::new(text);
            let a = english(&folded, text);
            for c in classes {
                assert_eq!(a.any_is(c), (0..a.toks.len()).any(|t| a.is(t, c)), "{text}");
            }
        }
        let folded = Folded::new(texts[0]);
        assert!(english(&folded, texts[0]).any_is(class::LOCATIVES));
    }

    #[test]
    fn windows_are_the_reaches_within_the_breaks() {
        let texts = [
            "rebels (ucf) in the city, which officials said sent 3,000 troops; 1.5 km away: why ( a ) it stopped!",
            "the U.S. army sent troops to Iraq and Iran, which condemned the attack on the embassy in Baghdad",
            "Russia",
        ];
        for text in texts {
            let folded = Folded::new(text);
            let mut a = english(&folded, text);
            a.group(&Context::default());
            a.learn_facts();
            for pos in 0..=a.toks.len() {
                let (brk, rel) = a.next_break(pos);
                let simple = (a.reach(pos, GAP + 1).min(brk), a.reach(pos, GAP + 2).min(rel));
                assert_eq!(a.windows(pos), simple, "{text:?} at {pos}");
            }
        }
    }

    #[test]
    fn contracted_negations_and_places_are_found_as_the_token_scans_find_them() {
        let texts = [
            "Iran didn't attack Iraq, which hasn't t n't ' t sent troops to Baghdad in Iraq (ucf) t",
            "t didn' t they won' t haven't. Hamas met in Paris, France; rebels in Kabul",
            "the U.S. army couldn't t send troops to Iraq and Iran, which condemned the attack on the embassy in Baghdad",
            "t",
            "",
        ];
        let (aux, neg) = ("n'", "t");
        let (mut negations, mut places) = (0, 0);
        for text in texts {
            let folded = Folded::new(text);
            let mut a = english(&folded, text);
            a.group(&Context::default());
            let before: Vec<_> = (0..=a.toks.len() + 1).map(|from| a.place_country_after(from)).collect();
            a.learn_facts();
            let n = a.toks.len();
            for head in 0..=n + 1 {
                for lo in 0..=head {
                    let simple = (lo..head).any(|t| a.toks.get(t + 1).is_some_and(|_| a.tok(t + 1) == neg) && a.tok(t).ends_with(aux));
                    assert_eq!(a.contracted_negation(lo, head, aux, neg), simple, "{text:?} {lo}..{head}");
                    negations += usize::from(simple);
                }
            }
            for (from, before) in before.iter().enumerate() {
                // The scan of the token tests, without the fact bits.
                let mut t = from;
                let simple = loop {
                    if t >= n || a.find_clause_break(t) || a.find_relative_clause(t) {
                        break None;
                    }
                    let Some(u) = a.unit_at[t] else {
                        t += 1;
                        continue;
                    };
                    let toks = (a.units[u].t0, a.units[u].t1);
                    let actor_name = a.entries(u).iter().any(|e| matches!(e, Entry::Org(..) | Entry::Person(_)));
                    let found = a.entries(u).iter().filter(|_| !a.attributed[t] && !actor_name).find_map(|e| match *e {
                        Entry::Country(c) | Entry::Capital(c, _) => Some(Some((a.m.codes[c as usize].as_str(), toks))),
                        Entry::City(c) if a.capitalised(toks.0) && !a.all_capitals(toks.0) => {
                            Some(a.kb.cities.get(c as usize).map(|ci| (ci.country.as_str(), toks)))
                        }
                        _ => None,
                    });
                    if let Some(found) = found {
                        break found;
                    }
                    t = toks.1;
                };
                assert_eq!(a.place_country_after(from), simple, "{text:?} from {from}");
                assert_eq!(*before, simple, "{text:?} from {from}, before the facts");
                places += usize::from(simple.is_some());
            }
        }
        assert!(negations > 10 && places > 10, "{negations} {places}");
    }

    #[test]
    fn targets_found_by_groups_are_those_found_token_by_token() {
        let texts = [
            "the U.S. army sent troops to Iraq and signed an agreement with Iran on Monday",
            "Russia accused Ukraine of attacking the embassy, which condemned the attack",
            "Chinese officials met French and German diplomats in Beijing, the ministry said",
            "Israeli forces and Hamas fighters clashed near Gaza City as Egypt and Qatar mediated",
            "according to Reuters, Iran warned Israel",
        ];
        let mut groups = 0;
        for text in texts {
            let folded = Folded::new(text);
            let mut a = english(&folded, text);
            a.group(&Context::default());
            a.learn_facts();
            groups += a.groups.len();
            let n = a.toks.len();
            for pos in 0..=n {
                for end in pos..=n {
                    assert_eq!(a.target_from(pos, end), a.find_target_from(pos, end), "{text:?} {pos}..{end}");
                }
            }
            a.facts.ready = false;
        }
        assert!(groups >= 10, "{groups} groups");
    }

    #[test]
    fn pattern_words_are_found_and_in_the_set() {
        let texts = [
            "the U.S. army sent troops to Iraq and signed an agreement with Iran on Monday",
            "Russia accused Ukraine of attacking the embassy, which condemned the attack",
            "Russia",
        ];
        let p = pipeline();
        let m = p.matcher("en").expect("matcher");
        for text in texts {
            let folded = Folded::new(text);
            let mut a = english(&folded, text);
            a.group(&Context::default());
            a.learn_facts();
            // The set holds the sentence's ids, and of the others only those
            // that share a bit with one of them.
            let set = a.index_words();
            // The summary is the OR of the ids' bits.
            let bits = a.word_ids.iter().fold(crate::patterns::EVERY_SET, |b, &id| b | crate::patterns::word_bit(id));
            assert_eq!(set[crate::patterns::SUMMARY], bits, "{text:?}");
            for id in 0..m.patterns.words() as u32 {
                let kin = a.word_ids.iter().any(|&w| w % 512 == id % 512);
                assert_eq!(Analysis::may_be_present(&set, id), kin, "{text:?}: id {id}");
                assert!(!a.word_ids.contains(&id) || Analysis::may_be_present(&set, id), "{text:?}: id {id}");
            }
            // Every window of every run of ids the sentence has, and some it
            // has not: the first match is the token-by-token scan's.
            let n = a.toks.len();
            let mut runs: Vec<Vec<u32>> = a.word_ids.iter().map(|&id| vec![id, id + 1]).collect();
            runs.push(vec![u32::MAX]);
            runs.push(a.word_ids.clone());
            for alts in &runs {
                for lo in 0..=n + 1 {
                    for hi in 0..=n + 1 {
                        let simple = (lo..hi.min(n)).find(|&t| a.word_matches(t, alts));
                        assert_eq!(a.find_word(lo, hi.min(n), alts), simple, "{text:?} {lo}..{hi} {alts:?}");
                    }
                }
            }
            a.facts.ready = false;
        }
    }

    #[test]
    fn finite_verbs_from_a_units_bits_are_the_token_scans() {
        let texts = [
            "the U.S. army sent troops to Iraq and has signed an agreement with Iran after fierce fighting",
            "Russia, which accused Ukraine, will meet the South Asia Free Trade Agreement members to send them back",
            "les manifestants ont dénoncé la menace",
        ];
        for text in texts {
            let folded = Folded::new(text);
            let mut a = english(&folded, text);
            a.group(&Context::default());
            a.learn_facts();
            let mut finite = 0;
            for u in 0..a.units.len() {
                let (t, f) = (a.units[u].t0, a.facts.unit[u]);
                assert!(heads_of(a.entries(u), f).eq(a.verb_heads(u)), "{text:?}: unit {u}");
                if f & verb::FORMS != 0 && a.unit_at[t] == Some(u) {
                    assert_eq!(a.finite_with(u, f, t), a.find_finite_verb(t), "{text:?}: unit {u}");
                    assert_eq!(a.finite_verb_at(t), a.find_finite_verb(t), "{text:?}: token {t}");
                    finite += usize::from(a.finite_verb_at(t));
                }
            }
            assert!(finite > 0 || text.starts_with("les"), "{text:?}: no finite verb");
            a.facts.ready = false;
        }
    }

    #[test]
    fn relife_keeps_the_buffer() {
        let mut v: Vec<(&str, Kinds)> = Vec::with_capacity(64);
        v.push(("x", Kinds(1)));
        let w: Vec<(&'static str, Kinds)> = relife(v);
        assert!(w.is_empty() && w.capacity() >= 64);
    }

    #[test]
    fn a_form_of_two_tags_is_tried_once_and_coded_once() {
        let orig = "Russia attacked Ukraine on Monday.";
        let folded = Folded::new(orig);
        assert_eq!(folded.text, "russia attacked ukraine on monday.");
        let mut a = english(&folded, orig);
        let head = a.units.iter().position(|u| a.tok(u.t0) == "attacked").expect("unit");
        let lemmas: Vec<u32> = a.entries(head).iter().filter_map(|e| if let Entry::Form(l, _) = e { Some(*l) } else { None }).collect();
        assert!(lemmas.len() >= 2 && lemmas.iter().all(|&l| l == lemmas[0]), "{lemmas:?}");
        let ctx = Context::default();
        a.group(&ctx);
        let date: Date = "2026-01-12".parse().expect("date");
        let codes: Vec<_> = a
            .events(date, &ctx)
            .iter()
            .map(|c| (c.code.map_or("", |e| e.code.as_str()), c.source.code.clone(), c.target.as_ref().map(|t| t.code.clone())))
            .collect();
        assert_eq!(codes.len(), 1, "{codes:?}");
        assert!(codes[0].0.starts_with("19") && codes[0].1.starts_with("RUS"), "{codes:?}");
    }

    #[test]
    fn code_index_is_the_position_of_each_code() {
        for lang in ["en", "fr"] {
            let m = pipeline().matcher(lang).expect("matcher");
            assert_eq!(m.code_index.len(), m.codes.len(), "{lang}");
            for (i, c) in m.codes.iter().enumerate() {
                assert_eq!(m.code_index.get(c.as_str()).copied(), m.codes.iter().position(|x| x == c).map(|i| i as u32), "{lang} {c}");
                assert_eq!(m.code_index.get(c.as_str()).copied(), Some(i as u32), "{lang} {c}");
            }
        }
    }

    #[test]
    fn a_question_has_no_events_and_its_statement_has() {
        let ctx = Context::default();
        let date: Date = "2026-01-12".parse().expect("date");
        for (orig, events) in [("Russia attacked Ukraine on Monday.", true), ("Russia attacked Ukraine on Monday?", false)] {
            let folded = Folded::new(orig);
            let mut a = english(&folded, orig);
            a.group(&ctx);
            // The search itself keeps nothing of a question.
            a.learn_facts();
            let mut out = Vec::new();
            a.search_events(date, &ctx, &mut out);
            let searched = out.len();
            a.facts.ready = false;
            let mut b = english(&folded, orig);
            b.group(&ctx);
            let n = b.events(date, &ctx).len();
            assert_eq!((n > 0, searched), (events, n), "{orig:?}");
        }
    }

    #[test]
    fn capitals_only_is_all_capitals() {
        let text = "Mitterand IRNA Iran I UN-led Élysée ÉLYSÉE Tom's O'Neil McCain mCain X1 ab iPhone É e";
        let folded = Folded::new(text);
        let a = english(&folded, text);
        assert!(a.toks.len() > 10);
        for t in 0..a.toks.len() {
            assert_eq!(a.capitals_only(t), a.all_capitals(t), "{:?}", a.orig_text(t, t + 1));
        }
    }

    #[test]
    fn a_root_is_the_codes_first_two_digits_parsed() {
        for code in ["010", "0231", "19", "200", "1", "", "x12", "1x", "99a", "-1", "+1"] {
            let parsed: u8 = code.get(..2).and_then(|c| c.parse().ok()).unwrap_or(0);
            let simple = if code.as_bytes().iter().take(2).all(u8::is_ascii_digit) { parsed } else { 0 };
            assert_eq!(root_of(code), simple, "{code:?}");
        }
    }

    #[test]
    fn non_states_are_told_as_the_list_says() {
        for c in NON_STATES.iter().copied().chain(["USA", "IG", "IGOX", "", "igo", "NGP", "GOV", "ÉTA"]) {
            assert_eq!(non_state(c), NON_STATES.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn resolved_clone_from_is_clone() {
        let actors = [
            Resolved {
                code: "RUSGOV".into(),
                toks: (1, 3),
                title: Some((0, 1)),
                entity: Some(Entity::Person(7)),
                person: Some(7),
                title_country: Some(2),
            },
            Resolved { code: "FRA".into(), toks: (4, 5), title: None, entity: Some(Entity::Org(3)), person: None, title_country: None },
            Resolved { code: ActorCode::default(), toks: (0, 0), title: None, entity: None, person: None, title_country: None },
            Resolved {
                code: "IGOUNOHLH".into(),
                toks: (9, 12),
                title: Some((8, 9)),
                entity: None,
                person: Some(1),
                title_country: Some(0),
            },
        ];
        for a in &actors {
            assert_eq!(&a.clone(), a);
            for b in &actors {
                let mut d = b.clone();
                d.clone_from(a);
                assert_eq!(&d, a);
            }
        }
    }

    #[test]
    fn search_buffers_come_back_empty_with_their_capacity() {
        let r = Resolved { code: "ISR".into(), toks: (0, 1), title: None, entity: None, person: None, title_country: None };
        let cap = {
            let mut a = SearchBuffers::take();
            a.sources.extend([r.clone(), r.clone(), r.clone()]);
            a.targets.push(r.clone());
            a.verb_heads.extend(0..100);
            // In use: a second taker gets buffers of its own.
            let b = SearchBuffers::take();
            assert!(b.sources.is_empty() && b.sources.capacity() == 0 && b.verb_heads.capacity() == 0);
            let cap = (a.sources.capacity(), a.targets.capacity(), a.verb_heads.capacity());
            a.give_back();
            cap
        };
        let a = SearchBuffers::take();
        assert!(a.sources.is_empty() && a.targets.is_empty() && a.verb_heads.is_empty());
        assert_eq!((a.sources.capacity(), a.targets.capacity(), a.verb_heads.capacity()), cap);
    }

    #[test]
    fn a_run_sorted_by_highest_score_and_cut_short_picks_the_pack_order_best() {
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..20_000 {
            // A head's lemmas, each a run of patterns in pack order: (highest
            // score, score of its match if it matches).
            let lemmas: Vec<Vec<(u16, Option<i32>)>> = (0..1 + next(3))
                .map(|_| {
                    (0..next(9))
                        .map(|_| {
                            let max = 1 + next(8);
                            (max as u16, (next(3) > 0).then(|| 1 + next(max) as i32))
                        })
                        .collect()
                })
                .collect();
            // The simple search: pack order, only a higher score replaces.
            let mut simple: Option<(i32, u32, u32)> = None;
            for (l, run) in lemmas.iter().enumerate() {
                for (o, &(_, score)) in run.iter().enumerate() {
                    if let Some(s) = score.filter(|&s| simple.is_none_or(|b| s > b.0)) {
                        simple = Some((s, l as u32, o as u32));
                    }
                }
            }
            let mut best: Option<(i32, u32, u32)> = None;
            let mut tried = 0;
            for (l, run) in lemmas.iter().enumerate() {
                let mut sorted: Vec<(u32, u16, Option<i32>)> = run.iter().enumerate().map(|(o, &(m, s))| (o as u32, m, s)).collect();
                sorted.sort_by_key(|&(_, m, _)| std::cmp::Reverse(m));
                for (o, max, score) in sorted {
                    if let Some(b) = best {
                        match reach_best(max, o, l as u32, b) {
                            Reach::Never => break,
                            Reach::No => continue,
                            Reach::Maybe => {}
                        }
                    }
                    tried += 1;
                    if let Some(s) = score.filter(|&s| best.is_none_or(|b| replaces(s, o, l as u32, b))) {
                        best = Some((s, l as u32, o));
                    }
                }
            }
            assert_eq!(best, simple, "{lemmas:?}");
            assert!(tried <= lemmas.iter().map(Vec::len).sum::<usize>());
        }
    }
}
