//! Spelling tolerance for names: one typo or transliteration variant away
//! from a known one-word name ("Mitterand" for Mitterrand, "Bouteflicka"
//! for Bouteflika, "Phillippines" for Philippines).
//!
//! Names are bucketed by first letter and length; a word is compared
//! (Levenshtein distance one) with the names of its first letter and of
//! its length ±1 — a few dozen comparisons, for the rare capitalised word
//! no key matched, and a build that costs a sort, not the millions of
//! deletion variants a symmetric-deletion index would allocate. A typo in
//! the first letter is not tolerated. Only names of [`MIN_LEN`] characters
//! or more are indexed, and a word gets a key only when exactly one key
//! fits: a guess between two names is no answer.

use dyad_text::FxMap;

/// Shortest name indexed (in characters).
pub const MIN_LEN: usize = 6;

/// The index (see the module documentation).
#[derive(Default)]
pub struct FuzzyIndex {
    /// (first char, length in chars) → names.
    buckets: FxMap<Vec<(String, u32)>>,
    len: usize,
}

fn bucket(first: char, n: usize) -> String {
    format!("{first}{n}")
}

/// Whether `a` and `b` are one insertion, deletion or substitution apart.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
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
            let n = k.chars().count();
            let Some(first) = k.chars().next() else { continue };
            if n < MIN_LEN || !k.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            ix.buckets.entry(bucket(first, n)).or_default().push((k.to_string(), id));
            ix.len += 1;
        }
        ix
    }

    /// Number of names indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The id of the one indexed name at distance exactly one from `word`
    /// (folded), if there is exactly one.
    pub fn lookup(&self, word: &str) -> Option<u32> {
        let n = word.chars().count();
        let first = word.chars().next()?;
        if n < MIN_LEN {
            return None;
        }
        let mut found: Option<u32> = None;
        for len in n - 1..=n + 1 {
            for (k, id) in self.buckets.get(bucket(first, len).as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                if k == word || !one_edit(k, word) {
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
        assert!(one_edit("abcdef", "abcxef"));
        assert!(one_edit("abcdef", "abcdf"));
        assert!(one_edit("abcdf", "abcdef"));
        assert!(!one_edit("abcdef", "abcdef"));
        assert!(!one_edit("abcdef", "abdcef"), "a transposition is two edits");
    }
}
