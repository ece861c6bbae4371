//! A read-only table from short words to small values, for the per-token
//! lookups of the sentence loop (closed classes, pattern words).
//!
//! Every token of every sentence is looked up, so the lookup is made to
//! touch one slot: a word of up to [`INLINE`] bytes is stored in its slot,
//! zero-padded, with its length in the last byte, and compared as one
//! 16-byte array — no hashing of a `String`, no pointer to a key elsewhere
//! in memory. Open addressing, linear probing, at most half full. Longer
//! words (rare) go to an ordinary map. A bit filter of one bit per hash
//! (8 bits per word, small enough to stay in cache) answers most misses
//! (names, numbers) without reading a slot: in a table of tens of thousands
//! of words, a slot read is a cache miss.

use dyad_text::FxMap;

/// Longest word stored in its slot.
pub const INLINE: usize = 15;

/// A word as stored in a slot: its bytes, zero-padded, and its length last.
type Key = [u8; INLINE + 1];

/// The little-endian word of the 8 bytes of `w` from `at`.
fn word8(w: &[u8], at: usize) -> u64 {
    w.get(at..at + 8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// The little-endian word of the 4 bytes of `w` from `at`.
fn word4(w: &[u8], at: usize) -> u64 {
    w.get(at..at + 4).and_then(|b| b.try_into().ok()).map_or(0, |b| u64::from(u32::from_le_bytes(b)))
}

/// The key of `w`, built from two words each loaded whole (overlapping
/// loads put each byte in its place), not by a byte copy into a zeroed
/// array.
fn key(w: &[u8]) -> Option<Key> {
    let n = w.len();
    let (lo, hi) = match n {
        1..=3 => (u64::from(w[0]) | u64::from(w[n / 2]) << (8 * (n / 2)) | u64::from(w[n - 1]) << (8 * (n - 1)), 0),
        4..=7 => (word4(w, 0) | word4(w, n - 4) << (8 * (n - 4)), 0),
        8..=INLINE => (word8(w, 0), word8(w, n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0)),
        _ => return None,
    };
    let mut k = [0u8; INLINE + 1];
    k[..8].copy_from_slice(&lo.to_le_bytes());
    k[8..].copy_from_slice(&(hi | (n as u64) << 56).to_le_bytes());
    Some(k)
}

/// [`key`] of the bytes `s..e` of `text`: a word of up to 8 bytes with 8
/// bytes of text from its start is one load and a mask, without the
/// length's cases of `key` (for the coder's per-token memo, 1 MB corpus:
/// 241.4M → 240.4M instructions).
#[inline(always)]
fn key_in(text: &[u8], s: usize, e: usize) -> Option<Key> {
    let n = e.wrapping_sub(s);
    match text.get(s..s.wrapping_add(8)) {
        Some(b) if (1..=8).contains(&n) => {
            let lo = u64::from_le_bytes(b.try_into().ok()?) & (u64::MAX >> (64 - 8 * n));
            let mut k = [0u8; INLINE + 1];
            k[..8].copy_from_slice(&lo.to_le_bytes());
            k[INLINE] = n as u8;
            Some(k)
        }
        _ => key(text.get(s..e)?),
    }
}

fn hash(k: &Key) -> u64 {
    let [a, b] = halves(k);
    let h = (a ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (h ^ b).wrapping_mul(0xc4ce_b9fe_1a85_ec53)
}

/// The two little-endian words of a key.
fn halves(k: &Key) -> [u64; 2] {
    [word8(k, 0), word8(k, 8)]
}

/// The table (see the module documentation).
#[derive(Debug, Clone)]
pub struct WordTable<V> {
    slots: Vec<(Key, V)>,
    /// Number of bits of a slot index, taken from the top of the hash.
    bits: u32,
    /// One bit per stored word's hash (see `filter_bit`).
    filter: Vec<u64>,
    long: FxMap<V>,
}

impl<V> Default for WordTable<V> {
    fn default() -> WordTable<V> {
        WordTable { slots: Vec::new(), bits: 0, filter: Vec::new(), long: FxMap::default() }
    }
}

impl<V: Copy + Default> WordTable<V> {
    /// The table of `entries`; a word given twice keeps its last value.
    pub fn new<'w>(entries: impl IntoIterator<Item = (&'w str, V)>) -> WordTable<V> {
        let entries: Vec<(&str, V)> = entries.into_iter().collect();
        let bits = (2 * entries.len()).max(16).next_power_of_two().ilog2();
        let filter = vec![0; (8 * entries.len()).max(64).next_power_of_two() / 64];
        let mut t = WordTable { slots: vec![([0; INLINE + 1], V::default()); 1 << bits], bits, filter, long: FxMap::default() };
        for (w, v) in entries {
            match key(w.as_bytes()) {
                Some(k) => {
                    let (word, bit) = t.filter_bit(hash(&k));
                    t.filter[word] |= bit;
                    let i = t.find(&k, hash(&k));
                    t.slots[i] = (k, v);
                }
                None => {
                    t.long.insert(w.to_string(), v);
                }
            }
        }
        t
    }

    /// Word and bit of the filter for a hash (its middle bits, which depend
    /// on every byte; slots use the top ones).
    fn filter_bit(&self, h: u64) -> (usize, u64) {
        let i = (h >> 24) as usize & (64 * self.filter.len() - 1);
        (i / 64, 1 << (i % 64))
    }

    /// The slot holding `k`, or the empty slot where it would go.
    fn find(&self, k: &Key, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (h >> (64 - self.bits)) as usize;
        loop {
            match self.slots.get(i) {
                Some((s, _)) if s != k && s[INLINE] != 0 => i = (i + 1) & mask,
                _ => return i,
            }
        }
    }

    /// Every word and its value, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, V)> + '_ {
        let inline = self
            .slots
            .iter()
            .filter(|(k, _)| k[INLINE] != 0)
            .filter_map(|(k, v)| Some((std::str::from_utf8(&k[..usize::from(k[INLINE])]).ok()?, *v)));
        inline.chain(self.long.iter().map(|(w, v)| (w.as_str(), *v)))
    }

    /// The value of word `w`.
    pub fn get(&self, w: &str) -> Option<V> {
        self.get_bytes(w.as_bytes())
    }

    /// The value of the word whose bytes are `w` (none when `w` is not
    /// UTF-8): [`WordTable::get`] for a caller holding bytes, which it can
    /// slice without checking character boundaries.
    #[inline]
    pub fn get_bytes(&self, w: &[u8]) -> Option<V> {
        match key(w) {
            Some(_) if self.slots.is_empty() => None,
            Some(k) => {
                let h = hash(&k);
                let (word, bit) = self.filter_bit(h);
                if self.filter.get(word).is_none_or(|f| f & bit == 0) {
                    return None;
                }
                self.slots.get(self.find(&k, h)).filter(|s| s.0 == k).map(|s| s.1)
            }
            None => std::str::from_utf8(w).ok().and_then(|w| self.long.get(w)).copied(),
        }
    }
}

/// A two-way set-associative cache of short words: two slots per hash, in
/// one cache line, the word used last first; a new word takes the place of
/// the one used less lately. For what is cheap to keep per thread and dear
/// to work out again (a walk through a trie out of cache): the words of
/// text repeat enough that most lookups hit a slot that stays in cache.
///
/// Its slots are made with it, a fixed array: a lookup neither tests
/// whether they exist yet nor checks the slot number against their count
/// (1 MB corpus: 202.09M → 200.86M instructions).
///
/// A slot is 32 bytes for values of up to 16 bytes (the coder's are 12: a
/// trie `Resume` and a token number), a set of two a 64-byte line, so a
/// lookup reads one line. The coder's memo of 4,096 direct-mapped slots of
/// 40 bytes (160 kB, a key and 24-byte values) made 17.8k walks from the
/// trie's root on the 1 MB corpus; 2,048 sets of two slots of 32 bytes
/// (128 kB) make 12.7k (`tools/cache_metrics.sh`, 1 MB corpus: L1d
/// misses 1.583M → 1.515M, 2 MiB-L2 misses 134.8k → 131.0k, instructions
/// the same within noise; 4,096 sets: 1.476M L1d misses and 0.6M fewer
/// instructions, but 134.5k L2 misses). A hit in the second slot moves it
/// first (without, the older word dropped instead: +0.6M instructions,
/// +3k L2 misses).
#[derive(Debug, Clone)]
pub struct Memo<V> {
    sets: Box<[Set<V>; MEMO_SETS]>,
}

/// A key and its value in a [`Memo`].
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(32))]
struct Slot<V>(Key, V);

/// The two slots a key may be kept in, the one used last first.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(64))]
struct Set<V>([Slot<V>; 2]);

impl<V: Copy + Default> Default for Memo<V> {
    /// Out of line and cold: the array may be built on the stack before it
    /// is boxed, and inlined into `Analysis::reuse` that made every call of
    /// it reserve (and probe, a write a page) 128 kB of stack — 282k L1d
    /// write misses on the 1 MB corpus (32 a sentence) for a memo made
    /// twice.
    #[cold]
    #[inline(never)]
    fn default() -> Memo<V> {
        let slot = Slot([0; INLINE + 1], V::default());
        Memo { sets: Box::new([Set([slot; 2]); MEMO_SETS]) }
    }
}

/// Bits of the set number of a [`Memo`] (see there: 2,048 sets of two
/// slots, 128 kB, in L2).
const MEMO_BITS: u32 = 11;

/// The number of sets of a [`Memo`].
const MEMO_SETS: usize = 1 << MEMO_BITS;

/// The set of key `k` in a [`Memo`]: its two halves mixed by one
/// multiplication, whose top bits depend on every bit of the key (rather
/// than the two of the word table's [`hash`]: 1 MB corpus: 200.86M →
/// 200.27M instructions, with as many hits).
#[inline(always)]
fn memo_set(k: &Key) -> usize {
    let [a, b] = halves(k);
    ((a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - MEMO_BITS)) as usize
}

impl<V: Copy + Default> Memo<V> {
    /// The value of `w`: the one kept, or `f(w)` (then kept). A word too
    /// long for a slot is not kept.
    #[inline]
    pub fn get_or(&mut self, w: &[u8], f: impl FnOnce(&[u8]) -> V) -> V {
        match key(w) {
            Some(k) => self.get_or_key(k, || f(w)),
            None => f(w),
        }
    }

    /// [`Memo::get_or`] of the bytes `s..e` of `text` (of the empty word
    /// when the range is not in `text`), with the key read from the text in
    /// place.
    #[inline]
    pub fn get_or_in(&mut self, text: &[u8], s: usize, e: usize, f: impl FnOnce(&[u8]) -> V) -> V {
        let w = || text.get(s..e).unwrap_or_default();
        match key_in(text, s, e) {
            Some(k) => self.get_or_key(k, || f(w())),
            None => f(w()),
        }
    }

    /// The value kept for key `k`, or `f()` (then kept).
    #[inline(always)]
    fn get_or_key(&mut self, k: Key, f: impl FnOnce() -> V) -> V {
        let Set([first, second]) = &mut self.sets[memo_set(&k) % MEMO_SETS];
        if first.0 == k {
            return first.1;
        }
        if second.0 == k {
            std::mem::swap(first, second);
            return first.1;
        }
        let v = f();
        *second = std::mem::replace(first, Slot(k, v));
        v
    }

    /// Changes the value kept for `w` by `f`, if one is kept.
    pub fn update(&mut self, w: &[u8], f: impl FnOnce(&mut V)) {
        let Some(k) = key(w) else { return };
        let Set(set) = &mut self.sets[memo_set(&k) % MEMO_SETS];
        if let Some(Slot(_, v)) = set.iter_mut().find(|s| s.0 == k) {
            f(v);
        }
    }
}

/// What the sentence loop needs of a token, in one lookup: the bits of its
/// closed classes ([`crate::lexicon::ClosedIndex`]) and the pattern words it
/// can stand for ([`crate::patterns::Patterns::token_words`]). The two
/// tables hold many of the same words ("de", "la", "the"); one table is one
/// cache miss per token instead of two.
///
/// The table gives a word's number, [`TokenIndex::value`] what it is: a
/// caller keeping a token's number keeps 4 bytes, not 12 (the coder's memo:
/// 32-byte slots, see [`Memo`]).
#[derive(Debug, Clone, Default)]
pub struct TokenIndex {
    /// The number of each word, with [`ACRONYM`] for the key of an acronym.
    table: WordTable<u32>,
    /// Classes, and the range of the pattern word ids in `ids`, of each
    /// number (number 0: none of them, for the words not in `table`).
    values: Vec<(u32, u32, u32)>,
    /// Bit `len.min(63)` of `shapes[first byte]` is set when some word has
    /// that first byte and length: most tokens need no lookup.
    shapes: Vec<u64>,
    ids: Vec<u32>,
}

/// Set in the end of the range of pattern word ids that
/// [`TokenIndex::entry`] gives for the key of an acronym, and in the number
/// [`TokenIndex::number`] gives it (no range of ids or number reaches this
/// bit; [`TokenIndex::ids`] and [`TokenIndex::value`] ignore it).
pub const ACRONYM: u32 = 1 << 31;

/// A bit of a number of [`TokenIndex::number`] that it never sets (no
/// number reaches it; [`TokenIndex::value`] ignores it), free for a caller
/// keeping the number to mark the token with (the coder's memo: no key of
/// the matcher starts with the token's head).
pub const NO_KEY: u32 = 1 << 30;

/// [`ACRONYM`] and [`NO_KEY`].
pub const FLAGS: u32 = ACRONYM | NO_KEY;

impl TokenIndex {
    /// The index of the words of `classes` and `patterns`, and of the keys
    /// of the matcher's `acronyms` (for [`ACRONYM`]).
    pub fn new<'w>(
        classes: &crate::lexicon::ClosedIndex,
        patterns: &crate::patterns::Patterns,
        acronyms: impl IntoIterator<Item = &'w str>,
    ) -> TokenIndex {
        let mut of: FxMap<(u32, u32, u32)> = FxMap::default();
        for (w, c) in classes.words() {
            of.entry(w.to_string()).or_default().0 |= c;
        }
        let mut ids = Vec::new();
        for w in patterns.token_strings() {
            let start = ids.len() as u32;
            patterns.token_words(w, &mut ids);
            let e = of.entry(w.to_string()).or_default();
            (e.1, e.2) = (start, ids.len() as u32);
        }
        for w in acronyms {
            of.entry(w.to_string()).or_default().2 |= ACRONYM;
        }
        debug_assert!(ids.len() < NO_KEY as usize && of.len() < NO_KEY as usize, "a range or number reaches the flags");
        let mut shapes = vec![0; 256];
        for w in of.keys() {
            if let Some(&b) = w.as_bytes().first() {
                shapes[b as usize] |= 1 << w.len().min(63);
            }
        }
        // Numbered closed-class words first (the most frequent: their values
        // share a few cache lines), then the other pattern words.
        let mut words: Vec<(&String, &(u32, u32, u32))> = of.iter().collect();
        words.sort_unstable_by_key(|&(w, &(classes, _, _))| (classes == 0, w));
        let mut values = vec![(0, 0, 0)];
        let mut numbers = Vec::with_capacity(words.len());
        for (w, &(classes, from, to)) in words {
            numbers.push((w.as_str(), values.len() as u32 | to & ACRONYM));
            values.push((classes, from, to & !ACRONYM));
        }
        TokenIndex { table: WordTable::new(numbers), values, shapes, ids }
    }

    /// The number of the token whose bytes are `w` (0 for a word not in the
    /// index, or the empty one), with [`ACRONYM`] for an acronym's key.
    #[inline]
    pub fn number(&self, w: &[u8]) -> u32 {
        let Some(&b) = w.first() else { return 0 };
        if self.shapes.get(b as usize).is_none_or(|s| s & (1 << w.len().min(63)) == 0) {
            return 0;
        }
        self.table.get_bytes(w).unwrap_or(0)
    }

    /// The class bits and the range of pattern word ids (for
    /// [`TokenIndex::ids`]) of number `n` (its flags ignored).
    #[inline]
    pub fn value(&self, n: u32) -> (u32, u32, u32) {
        self.values.get((n & !FLAGS) as usize).copied().unwrap_or_default()
    }

    /// The class bits of the token whose bytes are `w` and the ids of the
    /// pattern words it matches (for a non-empty `w`; nothing for the empty
    /// one). Bytes, not `&str`: the sentence loop slices its tokens out of
    /// the text's bytes, without the character-boundary checks of slicing
    /// a `str`.
    #[inline]
    pub fn get(&self, w: &[u8]) -> (u32, &[u32]) {
        let (classes, s, e) = self.entry(w);
        (classes, self.ids(s, e))
    }

    /// [`TokenIndex::get`] with the pattern word ids as a range, for
    /// [`TokenIndex::ids`]: a value to keep.
    #[inline]
    pub fn entry(&self, w: &[u8]) -> (u32, u32, u32) {
        let n = self.number(w);
        let (classes, from, to) = self.value(n);
        (classes, from, to | n & ACRONYM)
    }

    /// The pattern word ids of a range from [`TokenIndex::entry`].
    #[inline]
    pub fn ids(&self, s: u32, e: u32) -> &[u32] {
        self.ids.get(s as usize..(e & !FLAGS) as usize).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_the_word_zero_padded_with_its_length_last() {
        let text: Vec<u8> = (1..=40u8).map(|b| b.wrapping_mul(37)).collect();
        for n in 0..=INLINE + 1 {
            let w = &text[3..3 + n];
            let want = (1..=INLINE).contains(&n).then(|| {
                let mut k = [0u8; INLINE + 1];
                k[..n].copy_from_slice(w);
                k[INLINE] = n as u8;
                k
            });
            assert_eq!(key(w), want, "{n} bytes");
        }
    }

    #[test]
    fn a_key_read_in_the_text_is_the_key_of_the_word() {
        let text: Vec<u8> = (1..=40u8).map(|b| b.wrapping_mul(37)).collect();
        for s in 0..=text.len() + 1 {
            for e in 0..=text.len() + 1 {
                let want = text.get(s..e).and_then(key);
                assert_eq!(key_in(&text, s, e), want, "{s}..{e}");
            }
        }
    }

    #[test]
    fn finds_every_word_and_only_those() {
        let words: Vec<String> =
            (0..3000).map(|i| format!("w{i}")).chain(["a".into(), "exactly fifteen".into(), "a word longer than fifteen".into()]).collect();
        let t = WordTable::new(words.iter().enumerate().map(|(i, w)| (w.as_str(), i as u32)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(w), Some(i as u32), "{w:?}");
        }
        for w in ["", "w", "w3000", "b", "exactly fifteem", "a word longer than fifteen!", "a\0"] {
            assert_eq!(t.get(w), None, "{w:?}");
        }
        // Bytes find the same words; a long key that is not UTF-8, none.
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get_bytes(w.as_bytes()), Some(i as u32), "{w:?}");
        }
        assert_eq!(t.get_bytes(b"a word longer than fifteen\xff"), None);
        assert_eq!(t.get_bytes(b"w1\xff"), None);
        let mut all: Vec<(&str, u32)> = t.iter().collect();
        all.sort_by_key(|e| e.1);
        assert_eq!(all.len(), words.len());
        assert!(all.iter().zip(&words).all(|(a, w)| a.0 == w.as_str()), "iter gives every word once");
        let t = WordTable::new([("x", 1u32), ("x", 2)]);
        assert_eq!(t.get("x"), Some(2), "the last value stays");
        assert_eq!(WordTable::<u32>::new([]).get("x"), None);
        assert_eq!(WordTable::<u32>::default().get("x"), None);
    }

    #[test]
    fn a_memo_gives_the_value_of_each_word() {
        // Far more words than slots: whatever was evicted is worked out again,
        // and the value is always the word's own.
        let words: Vec<String> = (0..20_000).map(|i| format!("w{}", i % 7000)).chain(["a word longer than fifteen".into()]).collect();
        let mut memo: Memo<u32> = Memo::default();
        let mut calls = 0;
        for w in &words {
            let v = memo.get_or(w.as_bytes(), |b| {
                calls += 1;
                b.iter().map(|&c| u32::from(c)).sum()
            });
            assert_eq!(v, w.bytes().map(u32::from).sum::<u32>(), "{w:?}");
        }
        assert!(calls < words.len(), "some words were kept: {calls}");
        // Repeated at once, a word is not worked out again.
        let mut again = 0;
        for _ in 0..3 {
            memo.get_or(b"w1", |_| {
                again += 1;
                0
            });
        }
        assert!(again <= 1);
        // Read in place, a word is the same word.
        let text = b"xw1 w1";
        assert_eq!(memo.get_or_in(text, 1, 3, |_| 99), memo.get_or(b"w1", |_| 98));
        assert_eq!(memo.get_or_in(text, 4, 6, |_| 99), memo.get_or(b"w1", |_| 98));
        // A kept value can be changed; a word not kept is left out.
        memo.update(b"w1", |v| *v = 7);
        assert_eq!(memo.get_or(b"w1", |_| 0), 7);
        memo.update(b"never seen", |v| *v = 7);
        assert_eq!(memo.get_or(b"never seen", |_| 0), 0);
    }

    #[test]
    fn a_memo_keeps_two_words_of_a_set_and_drops_the_one_used_less_lately() {
        // The coder's values: a set is one cache line.
        assert_eq!(std::mem::size_of::<Set<(crate::trie::Resume, u32)>>(), 64);
        // Three words of the same set.
        let mut same: Vec<Vec<u8>> = Vec::new();
        let first = memo_set(&key(b"w0").expect("short"));
        for i in 1..100_000 {
            let w = format!("w{i}").into_bytes();
            if memo_set(&key(&w).expect("short")) == first {
                same.push(w);
            }
        }
        let [a, b, c] = [b"w0".to_vec(), same[0].clone(), same[1].clone()];
        let mut memo: Memo<u32> = Memo::default();
        let calls = std::cell::Cell::new(0);
        let get = |memo: &mut Memo<u32>, w: &[u8]| {
            memo.get_or(w, |w| {
                calls.set(calls.get() + 1);
                w.len() as u32
            })
        };
        get(&mut memo, &a);
        get(&mut memo, &b);
        get(&mut memo, &a);
        get(&mut memo, &b);
        assert_eq!(calls.get(), 2, "both kept");
        // `a` was used less lately than `b`: `c` takes its place.
        get(&mut memo, &c);
        get(&mut memo, &b);
        get(&mut memo, &c);
        assert_eq!(calls.get(), 3);
        get(&mut memo, &a);
        assert_eq!(calls.get(), 4, "a was dropped");
        // Either slot's value can be changed.
        memo.update(&a, |v| *v = 70);
        memo.update(&c, |v| *v = 71);
        assert_eq!((memo.get_or(&a, |_| 0), memo.get_or(&c, |_| 0)), (70, 71));
    }

    #[test]
    fn memo_sets_spread_words_at_least_like_a_random_function() {
        // Short and long words, words differing in one byte or in their
        // length: at least as many sets as random ones would fill (3000
        // balls in 2048 bins: ≈1575 expected, ≈20 standard deviation; 1669
        // filled).
        let mut words: Vec<Vec<u8>> = (0..1000).map(|i| format!("w{i}").into_bytes()).collect();
        words.extend((0..1000).map(|i| format!("le{i}e").into_bytes()));
        words.extend((0..1000).map(|i| format!("gouvernement{i}").into_bytes()));
        let mut used = vec![false; MEMO_SETS];
        for w in &words {
            let k = key(w).expect("short");
            let i = memo_set(&k);
            assert!(i < MEMO_SETS);
            used[i] = true;
        }
        let n = used.iter().filter(|&&u| u).count();
        assert!(n >= 1500, "{n} sets");
    }

    #[test]
    fn one_token_lookup_gives_the_classes_and_the_pattern_words() {
        use crate::lexicon::ClosedIndex;
        use crate::patterns::Patterns;
        for lang in crate::lang::SUPPORTED {
            let closed = crate::lang::closed(lang).expect("closed");
            let classes = ClosedIndex::new(&closed);
            let pack = dyad_dict::LangPack::bundled(lang).expect("pack");
            let lemmas: Vec<String> = pack.patterns.iter().map(|p| p.head.clone()).collect();
            let patterns = Patterns::new(&pack, &lemmas, dyad_dict::lang::agreement_endings(lang));
            let acronyms = ["onu", "l'", "x"];
            let t = TokenIndex::new(&classes, &patterns, acronyms);
            let mut words: Vec<String> = classes.words().map(|(w, _)| w.to_string()).collect();
            words.extend(patterns.token_strings().map(String::from));
            words.extend(
                ["x", "zzz", "paris", "l'", "qu'", "a-b", "exactly fifteen", "a token longer than fifteen bytes"].map(String::from),
            );
            assert!(words.len() > 1000, "{lang}: {}", words.len());
            for w in &words {
                let mut ids = Vec::new();
                patterns.token_words(w, &mut ids);
                assert_eq!(t.get(w.as_bytes()), (classes.classes(w), ids.as_slice()), "{lang}: {w:?}");
                assert_eq!(t.entry(w.as_bytes()).2 & ACRONYM != 0, acronyms.contains(&w.as_str()), "{lang}: {w:?}");
                // The number gives the same, and the flag.
                let n = t.number(w.as_bytes());
                let (classes, from, to) = t.entry(w.as_bytes());
                assert_eq!((t.value(n), n & ACRONYM), ((classes, from, to & !ACRONYM), to & ACRONYM), "{lang}: {w:?}");
                assert_eq!(n & NO_KEY, 0);
                assert_eq!(n == 0, (classes, from, to) == (0, 0, 0), "{lang}: {w:?}");
            }
            assert_eq!(t.get(b""), (0, &[][..]));
        }
    }
}
