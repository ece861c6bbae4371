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

fn key(w: &[u8]) -> Option<Key> {
    if w.is_empty() || w.len() > INLINE {
        return None;
    }
    let mut k = [0u8; INLINE + 1];
    k[..w.len()].copy_from_slice(w);
    k[INLINE] = w.len() as u8;
    Some(k)
}

fn hash(k: &Key) -> u64 {
    let mut a = [0u8; 8];
    let mut b = [0u8; 8];
    a.copy_from_slice(&k[..8]);
    b.copy_from_slice(&k[8..]);
    let h = (u64::from_le_bytes(a) ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(0xff51_afd7_ed55_8ccd);
    (h ^ u64::from_le_bytes(b)).wrapping_mul(0xc4ce_b9fe_1a85_ec53)
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

    /// The value of word `w`.
    pub fn get(&self, w: &str) -> Option<V> {
        match key(w.as_bytes()) {
            Some(_) if self.slots.is_empty() => None,
            Some(k) => {
                let h = hash(&k);
                let (word, bit) = self.filter_bit(h);
                if self.filter.get(word).is_none_or(|f| f & bit == 0) {
                    return None;
                }
                self.slots.get(self.find(&k, h)).filter(|s| s.0 == k).map(|s| s.1)
            }
            None => self.long.get(w).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let t = WordTable::new([("x", 1u32), ("x", 2)]);
        assert_eq!(t.get("x"), Some(2), "the last value stays");
        assert_eq!(WordTable::<u32>::new([]).get("x"), None);
        assert_eq!(WordTable::<u32>::default().get("x"), None);
    }
}
