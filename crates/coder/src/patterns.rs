//! The verb and noun patterns, compiled for the sentence loop.
//!
//! A pattern's literal words ("accord|traité", "de") are interned once as
//! word ids, and each token of a sentence is mapped once to the ids of every
//! pattern word it can stand for: the word itself, the word with an
//! agreement ending removed ("signées" → "signe"), and, for an elided token
//! ("l'", "d'"), every pattern word it can be the elision of. Trying a
//! pattern then compares small integers instead of strings, and a pattern
//! whose required words appear nowhere in the sentence is rejected before
//! any scanning. The patterns of each lemma sit in one contiguous run per
//! kind (verb, noun), indexed by lemma id, from the highest score a match
//! can reach down ([`CPattern::max_score`]; [`CPattern::order`] keeps
//! [`LangPack::patterns_for`] order among equals).

use crate::words::WordTable;
use dyad_dict::{Item, LangPack};
use dyad_text::FxMap;

/// What a compiled pattern item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A literal word (one of the alternatives) must follow.
    Word,
    /// A literal word may follow.
    Optional,
    /// The target actor slot.
    Target,
}

/// One compiled item: its kind and the range of its alternatives' word ids.
#[derive(Debug, Clone, Copy)]
pub struct CItem {
    /// What the item is.
    pub kind: Kind,
    alts: (u32, u32),
}

/// One compiled pattern.
#[derive(Debug, Clone, Copy)]
pub struct CPattern {
    /// Index into the pack's patterns.
    pub index: u32,
    /// The head is a noun.
    pub nominal: bool,
    /// Pronominal verb.
    pub reflexive: bool,
    /// The highest score a match of the pattern can have: 1, 2 a word
    /// (required or optional), 1 the target, 3 more for a pronominal verb
    /// (see `Analysis::try_pattern`).
    pub max_score: u16,
    items: (u32, u32),
}

impl CPattern {
    /// Where the pattern stands among its lemma's patterns of its kind in
    /// [`LangPack::patterns_for`] order (a smaller value comes first): of
    /// two matches with the same score, the first in that order wins,
    /// though the run is sorted by [`CPattern::max_score`].
    pub fn order(&self) -> u32 {
        // (A lemma's patterns are listed in the pack's order: by index.)
        self.index
    }
}

/// A pattern's filter: for (up to) two of its required items, where their
/// alternatives stand in a sentence's [`Filter`] (a word of it and a mask
/// of that word; a missing item: [`SUMMARY`] and [`EVERY_SET`]). Kept apart
/// from [`CPattern`], 24 bytes a pattern in a run of their own: the
/// sentence loop reads the filters of all a lemma's patterns (ten on
/// average) and the patterns of the few that pass.
///
/// An item whose alternatives all fall in one word of the 512-bit set
/// (all but one in thirty: the words are numbered so, see
/// `Patterns::renumber_words`) is tested there, as exactly as the set tells, so that [`Need::is_exact`] patterns
/// need no other test; the others against the 64-bit summary, which only
/// says "maybe". (Before, both items against the summary: 1 MB corpus,
/// 28.2k patterns passed the filters for 12.9k with their words there, and
/// each of the 28.2k had its items read again; now 17.7k pass, 7.5k of
/// them exact. 197.50M → 196.64M instructions, 4.23M → 4.10M simulated
/// branch mispredictions. With the words numbered for the set, 15.4k pass,
/// 11.1k of them exact.)
#[derive(Debug, Clone, Copy)]
pub struct Need {
    masks: [u64; 2],
    words: [u8; 2],
    exact: bool,
}

/// The number of words of the 512-bit set of a sentence's pattern word ids
/// (bit `id % 512` for id `id`: see [`word_slot`]).
pub const WORD_SET: usize = 8;

/// The word of a [`Filter`] that holds the summary of a sentence's word ids
/// (the OR of their [`word_bit`]s and [`EVERY_SET`]).
pub const SUMMARY: usize = WORD_SET;

/// A sentence's pattern word ids as the filters read them: [`WORD_SET`]
/// words of the set of the ids (bit `id % 512`), then the [`SUMMARY`], then
/// words that stay 0 (16 in all, so that a [`Need`] reads a word of it
/// without a bounds test).
pub type Filter = [u64; 16];

/// The [`Filter`] of a sentence whose pattern words are `ids`.
pub fn filter_of(ids: &[u32]) -> Filter {
    let mut set = [0u64; WORD_SET];
    for &id in ids {
        let (w, bit) = word_slot(id);
        set[w] |= bit;
    }
    let mut f = [0u64; 16];
    f[..WORD_SET].copy_from_slice(&set);
    // ([`word_slot`]'s bit is [`word_bit`]: the summary is the OR of the
    // set's words, not worked out per id; 1 MB corpus: 225.45M → 224.87M
    // instructions.)
    f[SUMMARY] = set.iter().fold(EVERY_SET, |b, w| b | w);
    f
}

/// The word of the 512-bit set that holds id `id`, and its bit there (the
/// same as [`word_bit`]: the summary is the OR of the set's words).
#[inline]
pub fn word_slot(id: u32) -> (usize, u64) {
    (id as usize / 64 % WORD_SET, word_bit(id))
}

/// The bit of word id `id` in a 64-bit summary of a set of word ids (a
/// one-hash Bloom filter): a set holding `id` has this bit. Bit `id % 64`
/// (ids are numbered in turn: their bits spread evenly), so that the
/// summary is the OR of the words of a bit set of the ids (see
/// `Analysis::index_words`); the top bit, [`EVERY_SET`], is also in every
/// summary (an id whose bit it is passes every filter: they only say
/// "maybe").
pub fn word_bit(id: u32) -> u64 {
    1 << (id % 64)
}

/// The bit of a summary that no word id has and every summary holds (see
/// [`Need::may_match`]): OR it into the summary of a sentence.
pub const EVERY_SET: u64 = 1 << 63;

impl Need {
    /// The filter of a pattern whose required items are `items` (the ids
    /// of an item's alternatives, and the length of its shortest): the two
    /// that reject most, judged by what is known before any sentence is
    /// seen. First those tested in one word of the set; then those whose
    /// shortest alternative is the longest (short words, "to", "de", are
    /// in most sentences); then those with the fewest alternatives; the
    /// first ones among equals (1 MB corpus: 21.8k patterns passed with
    /// the fewest alternatives first, 17.7k with this).
    fn of<'x>(items: impl Iterator<Item = (&'x [u32], usize)>) -> Need {
        // (The key: smaller first.)
        let mut best: [((bool, usize, usize), u8, u64); 2] = [((true, usize::MAX, usize::MAX), SUMMARY as u8, EVERY_SET); 2];
        let mut n = 0;
        let mut exact = true;
        for (alts, shortest) in items {
            n += 1;
            let word = alts.first().map_or(SUMMARY, |&id| word_slot(id).0);
            let one_word = !alts.is_empty() && alts.iter().all(|&id| word_slot(id).0 == word);
            let mask = alts.iter().fold(0, |b, &id| b | word_bit(id));
            let key = (!one_word, usize::MAX - shortest, alts.len());
            let x = (key, if one_word { word } else { SUMMARY } as u8, mask);
            exact &= one_word;
            if x.0 < best[0].0 {
                best = [x, best[0]];
            } else if x.0 < best[1].0 {
                best[1] = x;
            }
        }
        Need { masks: best.map(|b| b.2), words: best.map(|b| b.1), exact: exact && n <= 2 }
    }

    /// False when the sentence whose [`Filter`] is `f` lacks every
    /// alternative of one of the pattern's required words: then the pattern
    /// cannot match. True says nothing unless [`Need::is_exact`] (look at
    /// the words themselves); this spares reading the items of most
    /// patterns that cannot match. `f`'s [`SUMMARY`] holds [`EVERY_SET`],
    /// the need of a missing item, so that both tests are plain ANDs
    /// (evaluated both, without a branch between them).
    #[inline]
    pub fn may_match(&self, f: &Filter) -> bool {
        debug_assert!(f[SUMMARY] & EVERY_SET != 0);
        let [a, b] = self.masks;
        let [i, j] = self.words;
        (f[usize::from(i) & 15] & a != 0) & (f[usize::from(j) & 15] & b != 0)
    }

    /// Whether [`Need::may_match`] tells all: the pattern has at most two
    /// required items, each tested in the set, so that one whose filter
    /// passes has each of its required items there, as far as the 512-bit
    /// set can tell (`Analysis::try_pattern` need not look again).
    #[inline]
    pub fn is_exact(&self) -> bool {
        self.exact
    }
}

/// Every pattern of a language pack, compiled.
#[derive(Debug, Default)]
pub struct Patterns {
    /// Per lemma: start of its verb patterns, start of its noun patterns,
    /// end.
    by_lemma: Vec<(u32, u32, u32)>,
    pats: Vec<CPattern>,
    /// The filter of each pattern of `pats`.
    needs: Vec<Need>,
    items: Vec<CItem>,
    alts: Vec<u32>,
    /// Pattern word → id.
    words: FxMap<u32>,
    /// Stem of an elided token (the token without its apostrophe) → ids of
    /// the pattern words that start with it and are at most 2 bytes longer.
    elided: FxMap<Vec<u32>>,
    endings: &'static [&'static str],
    /// Bit `len.min(63)` of `shapes[first byte]` is set when some pattern
    /// word has that first byte and length: most tokens need no hashing.
    shapes: Vec<u64>,
    /// Every token that matches some pattern word (a word, a word plus an
    /// ending, an elided stem) → the range of its ids in `token_ids`: what
    /// [`Patterns::token_words`] returns, computed once when compiling.
    tokens: WordTable<(u32, u32)>,
    token_ids: Vec<u32>,
    /// `shapes` of the keys of `tokens`.
    token_shapes: Vec<u64>,
}

/// Bit of `w`'s length in `shapes[w's first byte]`, with the index.
fn shape(w: &str) -> Option<(usize, u64)> {
    w.as_bytes().first().map(|&b| (b as usize, 1 << w.len().min(63)))
}

impl Patterns {
    /// Compiles the patterns of `pack` for the lemmas `lemmas` (by id);
    /// `endings` are the language's agreement endings.
    pub fn new(pack: &LangPack, lemmas: &[String], endings: &'static [&'static str]) -> Patterns {
        let mut p = Patterns { endings, shapes: vec![0; 256], ..Patterns::default() };
        for lemma in lemmas {
            let start = p.pats.len() as u32;
            let mut split = start;
            // Verb patterns, then noun patterns, each in pack order: the
            // sentence loop tries one kind at a time.
            let verbs = pack.patterns_for(lemma).iter().filter(|&&pi| !pack.patterns[pi].nominal);
            let nouns = pack.patterns_for(lemma).iter().filter(|&&pi| pack.patterns[pi].nominal);
            for (k, &pi) in verbs.chain(nouns).enumerate() {
                let pat = &pack.patterns[pi];
                if !pat.nominal {
                    split = start + k as u32 + 1;
                }
                let items_start = p.items.len() as u32;
                for item in &pat.items {
                    let (kind, alts) = match item {
                        Item::Word(a) => (Kind::Word, a.as_slice()),
                        Item::Optional(a) => (Kind::Optional, a.as_slice()),
                        Item::Target => (Kind::Target, &[][..]),
                    };
                    let alts_start = p.alts.len() as u32;
                    for a in alts {
                        let id = p.word(a);
                        p.alts.push(id);
                    }
                    p.items.push(CItem { kind, alts: (alts_start, p.alts.len() as u32) });
                }
                let points = |i: &CItem| if i.kind == Kind::Target { 1 } else { 2 };
                let max_score = 1 + p.items[items_start as usize..].iter().map(points).sum::<usize>() + if pat.reflexive { 3 } else { 0 };
                p.pats.push(CPattern {
                    index: pi as u32,
                    nominal: pat.nominal,
                    reflexive: pat.reflexive,
                    max_score: u16::try_from(max_score).unwrap_or(u16::MAX),
                    items: (items_start, p.items.len() as u32),
                });
            }
            // Each kind's run from the highest `max_score` down, pack order
            // among equals (a stable sort): the search stops at the first
            // pattern that cannot beat the best match (see `order`).
            let end = p.pats.len();
            for run in [start as usize..split as usize, split as usize..end] {
                if let Some(run) = p.pats.get_mut(run) {
                    run.sort_by_key(|cp| std::cmp::Reverse(cp.max_score));
                }
            }
            p.by_lemma.push((start, split, p.pats.len() as u32));
        }
        p.renumber_words();
        // Each pattern's filter, from its required items and the length of
        // the shortest alternative of each.
        let mut lens = vec![0; p.words.len()];
        for (w, &id) in &p.words {
            lens[id as usize] = w.len();
        }
        let need = |cp: &CPattern| {
            let required = p.items(cp).iter().filter(|i| i.kind == Kind::Word).map(|i| p.alts(i));
            Need::of(required.map(|alts| (alts, alts.iter().map(|&id| lens[id as usize]).min().unwrap_or(0))))
        };
        p.needs = p.pats.iter().map(need).collect();
        p.index_tokens();
        p
    }

    /// Numbers the pattern words anew so that the alternatives of as many
    /// required items as may be fall in one word of a sentence's set (ids
    /// with the same `id / 64 % 8`, see [`word_slot`]), whose [`Need`]
    /// then tests them exactly: the words of the items most patterns share
    /// first, each in the word of the set where most of the weight of its
    /// items already is. (Numbered in turn, one required item in five had
    /// its alternatives in two words of the set, now one in thirty; 1 MB
    /// corpus: 195.41M → 194.72M instructions; start-up +0.43M.)
    fn renumber_words(&mut self) {
        let n = self.words.len();
        // The required items of two or more alternatives, and how many
        // patterns have each.
        let mut weights: std::collections::BTreeMap<Vec<u32>, usize> = std::collections::BTreeMap::new();
        for cp in &self.pats {
            for i in self.items(cp).iter().filter(|i| i.kind == Kind::Word) {
                let alts = self.alts(i);
                if alts.len() > 1 {
                    *weights.entry(alts.to_vec()).or_default() += 1;
                }
            }
        }
        let sets: Vec<(Vec<u32>, usize)> = weights.into_iter().collect();
        let mut of_word: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut weight_of = vec![0; n];
        for (k, (alts, w)) in sets.iter().enumerate() {
            for &id in alts {
                of_word[id as usize].push(k);
                weight_of[id as usize] += w;
            }
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&id| (std::cmp::Reverse(weight_of[id]), id));
        // How many ids each word of the set has below `n`.
        let mut room = [0usize; WORD_SET];
        for id in 0..n {
            room[word_slot(id as u32).0] += 1;
        }
        let mut color: Vec<Option<usize>> = vec![None; n];
        for &id in &order {
            let mut score = [0usize; WORD_SET];
            for &k in &of_word[id] {
                let (alts, w) = &sets[k];
                let mut colors = alts.iter().filter_map(|&a| color[a as usize]);
                if let Some(c) = colors.next() {
                    if colors.all(|d| d == c) {
                        score[c] += w;
                    }
                }
            }
            let best = (0..WORD_SET).filter(|&c| room[c] > 0).max_by_key(|&c| (score[c], room[c], std::cmp::Reverse(c)));
            if let Some(c) = best {
                room[c] -= 1;
                color[id] = Some(c);
            }
        }
        // The ids of each word of the set, in order, handed to its words in
        // their old order.
        let mut slots: Vec<Vec<u32>> = vec![Vec::new(); WORD_SET];
        for id in (0..n as u32).rev() {
            slots[word_slot(id).0].push(id);
        }
        let mut new = vec![0u32; n];
        for (id, c) in color.iter().enumerate() {
            new[id] = c.and_then(|c| slots[c].pop()).unwrap_or(id as u32);
        }
        debug_assert!({
            let mut seen = new.clone();
            seen.sort_unstable();
            seen.iter().enumerate().all(|(i, &id)| id as usize == i)
        });
        for id in self.alts.iter_mut() {
            *id = new[*id as usize];
        }
        for id in self.words.values_mut() {
            *id = new[*id as usize];
        }
        for ids in self.elided.values_mut() {
            for id in ids.iter_mut() {
                *id = new[*id as usize];
            }
        }
    }

    /// Fills `tokens`: every string for which [`Patterns::match_words`] finds
    /// something is a pattern word, a pattern word plus an ending, or an
    /// elided stem plus its apostrophe.
    fn index_tokens(&mut self) {
        let mut tokens: FxMap<(u32, u32)> = FxMap::default();
        let mut ids = Vec::new();
        let mut shapes = vec![0; 256];
        let mut w = String::new();
        let words = self.words.keys().flat_map(|a| std::iter::once("").chain(self.endings.iter().copied()).map(move |e| (a.as_str(), e)));
        for (a, e) in words.chain(self.elided.keys().map(|stem| (stem.as_str(), "'"))) {
            w.clear();
            w.push_str(a);
            w.push_str(e);
            if tokens.contains_key(&w) {
                continue;
            }
            let start = ids.len() as u32;
            self.match_words(&w, &mut ids);
            if ids.len() as u32 > start {
                if let Some((b, bit)) = shape(&w) {
                    shapes[b] |= bit;
                }
                tokens.insert(w.clone(), (start, ids.len() as u32));
            }
        }
        self.tokens = WordTable::new(tokens.iter().map(|(w, &r)| (w.as_str(), r)));
        self.token_ids = ids;
        self.token_shapes = shapes;
    }

    fn word(&mut self, a: &str) -> u32 {
        if let Some(&id) = self.words.get(a) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.insert(a.to_string(), id);
        if let Some(&b) = a.as_bytes().first() {
            self.shapes[b as usize] |= 1 << a.len().min(63);
        }
        // An elided token "w'" stands for `a` when `a` starts with "w" and is
        // at most 2 bytes longer than it.
        for cut in 0..=2.min(a.len()) {
            if let Some(stem) = a.get(..a.len() - cut) {
                self.elided.entry(stem.to_string()).or_default().push(id);
            }
        }
        id
    }

    /// Every token for which [`Patterns::token_words`] finds something.
    pub fn token_strings(&self) -> impl Iterator<Item = &str> + '_ {
        self.tokens.iter().map(|(w, _)| w)
    }

    /// Number of distinct pattern words.
    pub fn words(&self) -> usize {
        self.words.len()
    }

    /// The patterns whose head is lemma `l`: its verb patterns, then its
    /// noun patterns, each kind from the highest [`CPattern::max_score`]
    /// down, in [`LangPack::patterns_for`] order among equals.
    pub fn of_lemma(&self, l: u32) -> &[CPattern] {
        self.by_lemma.get(l as usize).map_or(&[], |&(s, _, e)| &self.pats[s as usize..e as usize])
    }

    /// The patterns whose head is lemma `l` and that are noun patterns
    /// (`nominal`) or verb patterns, in [`Patterns::of_lemma`] order.
    pub fn of_lemma_kind(&self, l: u32, nominal: bool) -> &[CPattern] {
        &self.pats[self.kind_range(l, nominal)]
    }

    /// The filters of [`Patterns::of_lemma_kind`]`(l, nominal)`, in order.
    pub fn needs_of_lemma_kind(&self, l: u32, nominal: bool) -> &[Need] {
        &self.needs[self.kind_range(l, nominal)]
    }

    fn kind_range(&self, l: u32, nominal: bool) -> std::ops::Range<usize> {
        self.by_lemma.get(l as usize).map_or(0..0, |&(s, m, e)| if nominal { m as usize..e as usize } else { s as usize..m as usize })
    }

    /// The items of `p`.
    pub fn items(&self, p: &CPattern) -> &[CItem] {
        &self.items[p.items.0 as usize..p.items.1 as usize]
    }

    /// The word ids of an item's alternatives.
    pub fn alts(&self, i: &CItem) -> &[u32] {
        &self.alts[i.alts.0 as usize..i.alts.1 as usize]
    }

    /// Pushes onto `out` the id of every pattern word `a` that the folded
    /// token `w` matches: `w == a`; `w` elided ("l'") and `a` starting with
    /// the elided stem and at most one byte longer than `w`; or `w` is `a`
    /// plus an agreement ending. One lookup in a table built with
    /// `match_words`.
    pub fn token_words(&self, w: &str, out: &mut Vec<u32>) {
        let Some((b, bit)) = shape(w) else { return self.match_words(w, out) };
        if self.token_shapes[b] & bit == 0 {
            return;
        }
        if let Some((s, e)) = self.tokens.get(w) {
            out.extend_from_slice(&self.token_ids[s as usize..e as usize]);
        }
    }

    /// [`Patterns::token_words`] worked out from the words, the endings and
    /// the elided stems: one lookup per way `w` can match.
    fn match_words(&self, w: &str, out: &mut Vec<u32>) {
        let maybe = |a: &str| match a.as_bytes().first() {
            Some(&b) => self.shapes[b as usize] & (1 << a.len().min(63)) != 0,
            None => self.words.contains_key(""),
        };
        if maybe(w) {
            if let Some(&id) = self.words.get(w) {
                out.push(id);
            }
        }
        if let Some(stem) = w.strip_suffix('\'') {
            if let Some(ids) = self.elided.get(stem) {
                out.extend_from_slice(ids);
            }
        }
        for e in self.endings {
            if let Some(a) = w.strip_suffix(e).filter(|a| maybe(a)) {
                if let Some(&id) = self.words.get(a) {
                    out.push(id);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string test the coder used before ids: whether token `w` matches
    /// one of `alts`.
    fn word_matches(w: &str, alts: &[&str], endings: &[&str]) -> bool {
        alts.iter().any(|a| {
            w == *a
                || (w.ends_with('\'') && a.starts_with(&w[..w.len() - 1]) && a.len() <= w.len() + 1)
                || endings.iter().any(|e| w.len() == a.len() + e.len() && w.starts_with(a) && w.ends_with(e))
        })
    }

    #[test]
    fn may_match_is_false_only_when_a_required_word_is_missing() {
        assert!((0..100_000).all(|id| word_bit(id).count_ones() == 1));
        for lang in ["fr", "en"] {
            let pack = LangPack::bundled(lang).expect("pack");
            let mut lemmas: Vec<String> = pack.patterns.iter().map(|p| p.head.clone()).collect();
            lemmas.dedup();
            let p = Patterns::new(&pack, &lemmas, dyad_dict::lang::agreement_endings(lang));
            // Sentences: every window of 6 word ids, and none at all.
            let ids: Vec<u32> = (0..p.words() as u32).collect();
            let mut sentences: Vec<&[u32]> = ids.windows(6).step_by(3).collect();
            sentences.push(&[]);
            let mut rejected = 0;
            for sentence in sentences {
                let f = filter_of(sentence);
                assert_eq!(f[SUMMARY], sentence.iter().fold(EVERY_SET, |b, &id| b | word_bit(id)));
                assert!(f[SUMMARY + 1..].iter().all(|&w| w == 0));
                // In the set: an id that shares its bit with one of the sentence's.
                let in_set = |a: u32| sentence.iter().any(|&id| id % 512 == a % 512);
                assert!((0..p.words() as u32).all(|a| f[word_slot(a).0] & word_slot(a).1 != 0 || !in_set(a)));
                assert!((0..p.words() as u32).all(|a| f[word_slot(a).0] & word_slot(a).1 == 0 || in_set(a)));
                for (cp, need) in p.pats.iter().zip(&p.needs) {
                    let lacks =
                        |has: &dyn Fn(u32) -> bool| p.items(cp).iter().any(|i| i.kind == Kind::Word && !p.alts(i).iter().any(|&a| has(a)));
                    let truly_lacks = lacks(&|a| sentence.contains(&a));
                    assert!(need.may_match(&f) || truly_lacks, "{lang}: pattern {} rejected with its words there", cp.index);
                    if need.is_exact() {
                        assert_eq!(need.may_match(&f), !lacks(&in_set), "{lang}: pattern {}, exact filter", cp.index);
                    }
                    rejected += usize::from(!need.may_match(&f));
                }
            }
            // (Three patterns in five have an exact filter: 62 % in English,
            // 68 % in French, of 64 % and 73 % with at most two required
            // items; numbered in turn, 42 % and 51 %.)
            let exact = p.needs.iter().filter(|n| n.is_exact()).count();
            assert!(exact * 5 > p.pats.len() * 3, "{lang}: {exact} exact filters of {}", p.pats.len());
            // The words are numbered 0..n, each once.
            let mut ids: Vec<u32> = p.words.values().copied().collect();
            ids.sort_unstable();
            assert!(ids.iter().enumerate().all(|(i, &id)| id as usize == i), "{lang}: ids");
            // Few required items have their alternatives in two words of the set.
            let (mut items, mut split) = (0, 0);
            for cp in &p.pats {
                for i in p.items(cp).iter().filter(|i| i.kind == Kind::Word) {
                    let alts = p.alts(i);
                    items += 1;
                    split += usize::from(alts.iter().any(|&a| word_slot(a).0 != word_slot(alts[0]).0));
                }
            }
            assert!(split * 20 < items, "{lang}: {split} of {items} required items across words of the set");
            assert!(rejected > p.pats.len(), "{lang}: the filter rejects patterns");
        }
    }

    #[test]
    fn token_words_agree_with_the_string_test() {
        for lang in ["fr", "en"] {
            let pack = LangPack::bundled(lang).expect("pack");
            let mut lemmas: Vec<String> = pack.patterns.iter().map(|p| p.head.clone()).collect();
            lemmas.dedup();
            lemmas.push("no such lemma".into());
            let endings = dyad_dict::lang::agreement_endings(lang);
            let p = Patterns::new(&pack, &lemmas, endings);
            assert!(!p.of_lemma(0).is_empty());
            assert!(p.of_lemma(lemmas.len() as u32 - 1).is_empty());
            assert!(p.of_lemma(u32::MAX).is_empty());
            for l in 0..lemmas.len() as u32 {
                let kinds = [false, true].map(|n| p.of_lemma_kind(l, n));
                assert!(kinds.iter().zip([false, true]).all(|(k, n)| k.iter().all(|c| c.nominal == n)));
                let order = |n: bool| {
                    pack.patterns_for(&lemmas[l as usize])
                        .iter()
                        .filter(|&&i| pack.patterns[i].nominal == n)
                        .map(|&i| i as u32)
                        .collect::<Vec<_>>()
                };
                // Each run: its kind's patterns, sorted by highest score
                // (stable), `order` telling pack order.
                for (run, n) in kinds.iter().zip([false, true]) {
                    let mut by_order = run.to_vec();
                    by_order.sort_by_key(CPattern::order);
                    assert_eq!(by_order.iter().map(|c| c.index).collect::<Vec<_>>(), order(n));
                    assert!(run
                        .windows(2)
                        .all(|w| w[0].max_score > w[1].max_score || w[0].max_score == w[1].max_score && w[0].order() < w[1].order()));
                }
                for cp in p.of_lemma(l) {
                    let pat = &pack.patterns[cp.index as usize];
                    let words = pat.items.iter().filter(|i| !matches!(i, Item::Target)).count();
                    let target = pat.items.len() - words;
                    assert_eq!(usize::from(cp.max_score), 1 + 2 * words + target + 3 * usize::from(pat.reflexive));
                }
            }
            let total: usize = (0..lemmas.len() as u32).map(|l| p.of_lemma(l).len()).sum();
            assert!(total >= pack.patterns.len());
            let words: Vec<(&String, &u32)> = p.words.iter().collect();
            // Tokens: pattern words (one in 5, to keep the test quick), with
            // each ending, elided at every cut, plus a few odd ones.
            let mut tokens: Vec<String> = ["", "'", "e", "x", "s'", "l'", "d'", "qu'"].map(String::from).to_vec();
            for (a, _) in words.iter().step_by(5) {
                tokens.push(a.to_string());
                tokens.extend(endings.iter().map(|e| format!("{a}{e}")));
                tokens.extend((0..=a.len()).filter_map(|k| a.get(..k)).map(|s| format!("{s}'")));
            }
            for w in &tokens {
                let mut ids = Vec::new();
                p.token_words(w, &mut ids);
                let mut direct = Vec::new();
                p.match_words(w, &mut direct);
                assert_eq!(ids, direct, "{lang}: token {w:?}: the table and the direct lookups");
                for (a, id) in &words {
                    assert_eq!(ids.contains(id), word_matches(w, &[a.as_str()], endings), "{lang}: token {w:?}, word {a:?}");
                }
            }
        }
    }
}
