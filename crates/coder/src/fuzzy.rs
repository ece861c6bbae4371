//! Spelling tolerance for names: one typo or transliteration variant away
//! from a known one-word name ("Mitterand" for Mitterrand, "Bouteflicka"
//! for Bouteflika, "Phillippines" for Philippines).
//!
//! A symmetric-deletion index over hashes: each name and each of its
//! one-byte deletions is hashed (no string is built; the hash is a
//! polynomial, so the hashes of all of a word's deletions take one pass
//! over it, not one each) and points to the name; a word probes the hashes of itself and of its own deletions, and
//! each candidate is verified (Levenshtein distance one, on bytes). The
//! hashes are one sorted vector, cut into buckets by their top bits: building
//! costs a sort, a probe one bucket (about four entries, one or two cache
//! misses) instead of a binary search over the million hashes. Only names of
//! [`MIN_LEN`] bytes or more are indexed, and a word gets a key only when
//! exactly one name fits: a guess between two names is no answer.
//!
//! Most words probed are no typo of any name, so most probes find nothing:
//! a one-bit-per-hash filter (eight bits per indexed hash, one of them set
//! by each) answers "certainly not there" for about seven probes in eight
//! with one load, before the bucket is read (on the 1 MB bench corpus,
//! `lookup` went from 5.7M to ≈1.5M instructions).
//!
//! Names recur (an article names its people again and again), so each
//! thread remembers the last answers for words of up to 16 bytes, one per
//! slot picked by the word's hash, checked against the whole word and the
//! index (1 MB bench corpus: 255.8M → 254.6M instructions in all).

/// Shortest name indexed (in bytes of folded text).
pub const MIN_LEN: usize = 6;

/// The index (see the module documentation).
#[derive(Default)]
pub struct FuzzyIndex {
    /// (hash of a name or of one of its deletions, name slot), sorted.
    hashes: Vec<(u64, u32)>,
    /// `hashes[buckets[k]..buckets[k + 1]]` are the hashes whose top bits
    /// (`h >> shift`) are `k`.
    buckets: Vec<u32>,
    /// 64 minus the number of bits of a bucket number.
    shift: u32,
    names: Vec<(Box<[u8]>, u32)>,
    /// Bit `h & filter_mask` is set for every indexed hash `h` (see the
    /// module documentation): a clear bit means `h` is not indexed.
    filter: Vec<u64>,
    /// The filter's number of bits minus one (a power of two minus one).
    filter_mask: u64,
    /// Which index this is, for the per-thread memo of answers
    /// ([`FuzzyIndex::lookup`]): unique among all indexes built.
    id: u64,
}

/// Words of at most this many bytes have their answer remembered.
const MEMO_WORD: usize = 16;

/// Slots of the per-thread memo (a power of two).
const MEMO_SLOTS: usize = 256;

/// A remembered answer: (index id, the word's length, its [`memo_key`],
/// answer).
type MemoSlot = (u64, u8, (u64, u64), Option<u32>);

/// The bytes of a word of [`MIN_LEN`] to [`MEMO_WORD`] bytes as two
/// overlapping words, its first and its last 8 bytes (4 below 8 bytes):
/// with the length, they are the word (the two windows cover it).
/// (Two loads, not a zeroed array, a copy and a byte-by-byte hash: 1 MB
/// corpus, 5,158 lookups 1.09M → 0.84M instructions.)
#[inline]
fn memo_key(w: &[u8]) -> Option<(u64, u64)> {
    let n = w.len();
    let u4 = |i: usize| w.get(i..i + 4).and_then(|b| b.try_into().ok()).map(u32::from_le_bytes).map(u64::from);
    let u8_ = |i: usize| w.get(i..i + 8).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes);
    if n >= 8 {
        Some((u8_(0)?, u8_(n - 8)?))
    } else {
        Some((u4(0)?, u4(n.checked_sub(4)?)?))
    }
}

thread_local! {
    /// The last answers of [`FuzzyIndex::lookup`], one slot per hash of
    /// the word: names recur (an article names its people again and again),
    /// and a probe costs a hash of each deletion.
    static MEMO: std::cell::RefCell<Vec<MemoSlot>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Multiplier of the polynomial hash (odd, so invertible modulo 2^64).
const P: u64 = 0x0100_0000_01b3;

/// The inverse of [`P`] modulo 2^64 (Newton's iteration doubles the
/// correct low bits at each step).
const P_INV: u64 = {
    let mut x = P;
    let mut k = 0;
    while k < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(P.wrapping_mul(x)));
        k += 1;
    }
    x
};

/// The hash of a byte string from its polynomial `poly` (the sum of each
/// byte times `P` to the power of the number of bytes after it) and its
/// length.
fn finish(poly: u64, len: usize) -> u64 {
    let h = (poly ^ (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 32)
}

/// The hash of `w` (see [`deletion_hashes`]).
#[cfg(test)]
fn hash(w: &[u8]) -> u64 {
    finish(w.iter().fold(0u64, |h, &b| h.wrapping_mul(P).wrapping_add(u64::from(b))), w.len())
}

/// Calls `f` with the hash of `w` without its byte at `skip`, for each
/// `skip` from 0 to `w.len() - 1`, then with the hash of `w` itself: the
/// hashes of every string one deletion away, in linear time. With `H` the
/// polynomial of `w`, `pre` that of its first `skip` bytes, deleting byte
/// `b = w[skip]` gives `H + P^(n-1-skip) * (pre * (1 - P) - b)`.
#[inline(always)]
fn deletion_hashes(w: &[u8], mut f: impl FnMut(u64)) {
    let n = w.len();
    let whole = w.iter().fold(0u64, |h, &b| h.wrapping_mul(P).wrapping_add(u64::from(b)));
    // P^(n-1), then divided by P at each step.
    let mut pow = (1..n).fold(1u64, |p, _| p.wrapping_mul(P));
    let mut pre = 0u64;
    for &b in w {
        let b = u64::from(b);
        f(finish(whole.wrapping_add(pow.wrapping_mul(pre.wrapping_mul(1u64.wrapping_sub(P)).wrapping_sub(b))), n - 1));
        pre = pre.wrapping_mul(P).wrapping_add(b);
        pow = pow.wrapping_mul(P_INV);
    }
    f(finish(whole, n));
}

/// Whether `a` and `b` are one insertion, deletion or substitution apart.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let p = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        p < short.len() && short[p + 1..] == long[p + 1..]
    } else {
        short[p..] == long[p + 1..]
    }
}

impl FuzzyIndex {
    /// Indexes `(folded key, key id)` pairs; keys shorter than [`MIN_LEN`]
    /// or of several words are skipped.
    pub fn new<'k>(keys: impl Iterator<Item = (&'k str, u32)>) -> FuzzyIndex {
        let mut ix = FuzzyIndex { id: crate::unique_id(), ..FuzzyIndex::default() };
        for (k, id) in keys {
            let w = k.as_bytes();
            if w.len() < MIN_LEN || !k.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            let slot = ix.names.len() as u32;
            ix.names.push((w.into(), id));
            deletion_hashes(w, |h| ix.hashes.push((h, slot)));
        }
        ix.hashes.sort_unstable();
        ix.hashes.dedup();
        // About four hashes (48 bytes, one cache line) per bucket: few
        // enough buckets that building them stays cheap.
        let bits = (ix.hashes.len().max(4) / 4).ilog2().clamp(1, 24);
        ix.shift = 64 - bits;
        // Bucket k starts after every hash of a smaller bucket: counts, then
        // running sums.
        let mut buckets = vec![0u32; (1 << bits) + 1];
        for &(h, _) in &ix.hashes {
            buckets[(h >> ix.shift) as usize + 1] += 1;
        }
        for k in 1..buckets.len() {
            buckets[k] += buckets[k - 1];
        }
        ix.buckets = buckets;
        // Eight bits per hash: a probe of a hash not indexed finds its bit
        // set with a chance of about 1 - e^(-1/8), 12 %.
        let bits = (ix.hashes.len() * 8).next_power_of_two().max(64);
        ix.filter = vec![0u64; bits / 64];
        ix.filter_mask = bits as u64 - 1;
        for &(h, _) in &ix.hashes {
            let b = h & ix.filter_mask;
            ix.filter[(b >> 6) as usize] |= 1 << (b & 63);
        }
        ix
    }

    /// Whether `h` may be indexed: false means it certainly is not.
    #[inline(always)]
    fn may_hold(&self, h: u64) -> bool {
        let b = h & self.filter_mask;
        self.filter.get((b >> 6) as usize).is_some_and(|w| (w >> (b & 63)) & 1 != 0)
    }

    /// Number of names indexed.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The id of the one indexed name at distance exactly one from `word`
    /// (folded), if there is exactly one.
    pub fn lookup(&self, word: &str) -> Option<u32> {
        let w = word.as_bytes();
        if w.len() < MIN_LEN {
            return None;
        }
        if w.len() > MEMO_WORD {
            return self.probe_all(w);
        }
        let Some(key) = memo_key(w) else { return self.probe_all(w) };
        let slot = (finish(key.0.wrapping_mul(P) ^ key.1, w.len()) >> 56) as usize % MEMO_SLOTS;
        let len = w.len() as u8;
        let known = MEMO.with_borrow(|m| m.get(slot).filter(|e| e.0 == self.id && e.1 == len && e.2 == key).map(|e| e.3));
        if let Some(answer) = known {
            return answer;
        }
        let answer = self.probe_all(w);
        MEMO.with_borrow_mut(|m| {
            if m.is_empty() {
                m.resize(MEMO_SLOTS, (0, 0, (0, 0), None));
            }
            if let Some(e) = m.get_mut(slot) {
                *e = (self.id, len, key, answer);
            }
        });
        answer
    }

    /// [`FuzzyIndex::lookup`] without the memo.
    fn probe_all(&self, w: &[u8]) -> Option<u32> {
        let mut found: Option<u32> = None;
        let mut ambiguous = false;
        deletion_hashes(w, |h| {
            if !ambiguous && self.may_hold(h) {
                self.probe(h, w, &mut found, &mut ambiguous);
            }
        });
        if ambiguous {
            return None;
        }
        found
    }

    /// The names indexed under hash `h` one edit away from `w`, noted in
    /// `found` (`ambiguous` once two different ids fit).
    #[inline(never)]
    fn probe(&self, h: u64, w: &[u8], found: &mut Option<u32>, ambiguous: &mut bool) {
        let k = (h >> self.shift) as usize;
        let bucket = match (self.buckets.get(k), self.buckets.get(k + 1)) {
            (Some(&a), Some(&b)) => self.hashes.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        };
        for &(_, slot) in bucket.iter().filter(|&&(x, _)| x == h) {
            let (name, id) = &self.names[slot as usize];
            if name.as_ref() == w || !one_edit(name, w) {
                continue;
            }
            match *found {
                None => *found = Some(*id),
                Some(f) if f == *id => {}
                Some(_) => *ambiguous = true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix(keys: &[&'static str]) -> impl Fn(&str) -> Option<&'static str> {
        let i = FuzzyIndex::new(keys.iter().enumerate().map(|(i, k)| (*k, i as u32)));
        let keys = keys.to_vec();
        move |w| i.lookup(w).map(|id| keys[id as usize])
    }

    #[test]
    fn one_typo_finds_the_name() {
        let i = ix(&["mitterrand", "bouteflika", "philippines", "ethiopia"]);
        assert_eq!(i("mitterand"), Some("mitterrand"), "a letter missing");
        assert_eq!(i("bouteflicka"), Some("bouteflika"), "a letter added");
        assert_eq!(i("phillippines"), Some("philippines"));
        assert_eq!(i("ethopia"), Some("ethiopia"));
        assert_eq!(i("ethiopie"), Some("ethiopia"), "a letter changed");
        assert_eq!(i("mitterrand"), None, "an exact name is the matcher's job");
        assert_eq!(i("miterand"), None, "two edits away");
    }

    #[test]
    fn ambiguity_and_short_words_give_nothing() {
        let i = ix(&["hassani", "hassane", "obama"]);
        assert_eq!(i("hassan"), None, "two names fit");
        assert_eq!(i("obamo"), None, "too short to guess");
        assert_eq!(FuzzyIndex::new([("hassani", 0), ("obama", 1)].into_iter()).len(), 1);
    }

    #[test]
    fn deletion_hashes_are_the_hashes_of_the_deletions() {
        for w in [&b"a"[..], b"ab", b"mitterrand", "ethiopie \u{e9}".as_bytes(), &[0xff; 40]] {
            let mut got = Vec::new();
            deletion_hashes(w, |h| got.push(h));
            let mut want: Vec<u64> = (0..w.len()).map(|k| hash(&[&w[..k], &w[k + 1..]].concat())).collect();
            want.push(hash(w));
            assert_eq!(got, want, "{w:?}");
        }
        assert_eq!(P.wrapping_mul(P_INV), 1);
        assert_ne!(hash(b"ab"), hash(b"ba"));
    }

    #[test]
    fn the_filter_holds_every_indexed_hash_and_lookup_is_the_brute_force_answer() {
        // Names and words from a small alphabet, so that many words are one
        // edit from one or several names.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut word = |n: usize| {
            (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    b"abcde"[(x % 5) as usize] as char
                })
                .collect::<String>()
        };
        let names: Vec<String> = (0..300).map(|i| word(6 + i % 4)).collect();
        let ix = FuzzyIndex::new(names.iter().enumerate().map(|(i, k)| (k.as_str(), i as u32)));
        assert!(ix.hashes.iter().all(|&(h, _)| ix.may_hold(h)));
        let mut hits = 0;
        for n in 5..11 {
            for _ in 0..400 {
                let w = word(n);
                // The one name at distance exactly one, if only one.
                let near: Vec<u32> = (0..names.len() as u32).filter(|&i| one_edit(names[i as usize].as_bytes(), w.as_bytes())).collect();
                let want = match near[..] {
                    [i] if w.len() >= MIN_LEN => Some(i),
                    _ => None,
                };
                hits += usize::from(want.is_some());
                assert_eq!(ix.lookup(&w), want, "{w}");
            }
        }
        assert!(hits > 20, "the test words find names ({hits})");
    }

    #[test]
    fn the_memo_answers_for_its_own_index() {
        // Two indexes, one word: each answer is its own index's, however
        // the lookups alternate, and a long word (not remembered) too.
        let a = FuzzyIndex::new([("mitterrand", 7), ("bouteflikabouteflika", 8)].into_iter());
        let b = FuzzyIndex::new([("mitterrend", 9)].into_iter());
        for _ in 0..3 {
            assert_eq!(a.lookup("mitterand"), Some(7));
            assert_eq!(b.lookup("mitterand"), None, "two edits from mitterrend");
            assert_eq!(b.lookup("mitterrand"), Some(9));
            assert_eq!(a.lookup("mitterrand"), None, "exact");
            assert_eq!(a.lookup("bouteflikabouteflicka"), Some(8));
            assert_eq!(b.lookup("bouteflikabouteflicka"), None);
        }
        for w in ["mitterand", "mitterrand", "mitterrend", "bouteflikabouteflicka", "ethiopie"] {
            assert_eq!(a.lookup(w), a.probe_all(w.as_bytes()), "{w}");
            assert_eq!(b.lookup(w), b.probe_all(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn the_memo_key_is_the_word() {
        // Every pair of distinct words of one length has distinct keys (all
        // words of 6 to 16 bytes over two letters at the ends, varied
        // middles), and words outside the memo's lengths have none.
        let mut seen = std::collections::HashMap::new();
        for n in MIN_LEN..=MEMO_WORD {
            for bits in 0..(1u32 << n.min(12)) {
                let w: Vec<u8> =
                    (0..n).map(|i| if bits >> (i % 12) & 1 == 1 && i < 12 || i >= 12 && i % 3 == 0 { b'b' } else { b'a' }).collect();
                let key = memo_key(&w).expect("a key");
                if let Some(other) = seen.insert((n, key), w.clone()) {
                    assert_eq!(other, w, "two words, one key");
                }
            }
        }
        assert!(memo_key(b"abcd").is_some() && memo_key(b"abc").is_none());
        assert_eq!(memo_key(b"abcdefgh"), Some((u64::from_le_bytes(*b"abcdefgh"), u64::from_le_bytes(*b"abcdefgh"))));
    }

    #[test]
    fn one_edit_is_exact() {
        assert!(one_edit(b"abcdef", b"abcxef"));
        assert!(one_edit(b"abcdef", b"abcdf"));
        assert!(one_edit(b"abcdf", b"abcdef"));
        assert!(!one_edit(b"abcdef", b"abcdef"));
        assert!(!one_edit(b"abcdef", b"abdcef"), "a transposition is two edits");
    }
}
