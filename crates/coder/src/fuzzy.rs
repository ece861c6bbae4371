//! Spelling tolerance for names: one typo or transliteration variant away
//! from a known one-word name ("Mitterand" for Mitterrand, "Bouteflicka"
//! for Bouteflika, "Phillippines" for Philippines).
//!
//! A symmetric-deletion index over hashes: each name and each of its
//! one-byte deletions is hashed (no string is built) and points to the
//! name; a word probes the hashes of itself and of its own deletions, and
//! each candidate is verified (Levenshtein distance one, on bytes). The
//! hashes are one sorted vector, cut into buckets by their top bits: building
//! costs a sort, a probe one bucket (about four entries, one or two cache
//! misses) instead of a binary search over the million hashes. Only names of
//! [`MIN_LEN`] bytes or more are indexed, and a word gets a key only when
//! exactly one name fits: a guess between two names is no answer.

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
}

/// FNV-1a of `w` without the byte at `skip` (none when `skip >= w.len()`).
fn hash_without(w: &[u8], skip: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &b) in w.iter().enumerate() {
        if i != skip {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h ^ (w.len() as u64 - u64::from(skip < w.len()))
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
        let mut ix = FuzzyIndex::default();
        for (k, id) in keys {
            let w = k.as_bytes();
            if w.len() < MIN_LEN || !k.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            let slot = ix.names.len() as u32;
            ix.names.push((w.into(), id));
            ix.hashes.extend((0..=w.len()).map(|skip| (hash_without(w, skip), slot)));
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
        ix
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
        let mut found: Option<u32> = None;
        for skip in 0..=w.len() {
            let h = hash_without(w, skip);
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
                match found {
                    None => found = Some(*id),
                    Some(f) if f == *id => {}
                    Some(_) => return None,
                }
            }
        }
        found
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
    fn one_edit_is_exact() {
        assert!(one_edit(b"abcdef", b"abcxef"));
        assert!(one_edit(b"abcdef", b"abcdf"));
        assert!(one_edit(b"abcdf", b"abcdef"));
        assert!(!one_edit(b"abcdef", b"abcdef"));
        assert!(!one_edit(b"abcdef", b"abdcef"), "a transposition is two edits");
    }
}
