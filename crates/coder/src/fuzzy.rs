//! Spelling tolerance for names: one typo or transliteration variant away
//! from a known one-word name ("Mitterand" for Mitterrand, "Bouteflicka"
//! for Bouteflika, "Phillippines" for Philippines).
//!
//! A symmetric-deletion index: every key and each of its one-character
//! deletions point to the key. A word then finds the keys at Levenshtein
//! distance one by looking up itself and its own deletions, and each
//! candidate is verified. Only names of [`MIN_LEN`] characters or more are
//! indexed, and a word gets a key only when exactly one key fits: a guess
//! between two names is no answer.

use dyad_text::FxMap;

/// Shortest name indexed (in characters).
pub const MIN_LEN: usize = 6;

/// The index (see the module documentation).
#[derive(Default)]
pub struct FuzzyIndex {
    map: FxMap<Vec<u32>>,
    keys: Vec<(String, u32)>,
}

fn deletions(w: &str) -> impl Iterator<Item = String> + '_ {
    w.char_indices().map(move |(i, c)| {
        let mut s = String::with_capacity(w.len());
        s.push_str(&w[..i]);
        s.push_str(&w[i + c.len_utf8()..]);
        s
    })
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
            if k.chars().count() < MIN_LEN || !k.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            let slot = ix.keys.len() as u32;
            ix.keys.push((k.to_string(), id));
            for v in std::iter::once(k.to_string()).chain(deletions(k)) {
                let e = ix.map.entry(v).or_default();
                if !e.contains(&slot) {
                    e.push(slot);
                }
            }
        }
        ix
    }

    /// Number of names indexed.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The id of the one indexed name at distance exactly one from `word`
    /// (folded), if there is exactly one.
    pub fn lookup(&self, word: &str) -> Option<u32> {
        if word.chars().count() < MIN_LEN {
            return None;
        }
        let mut found: Option<u32> = None;
        let probes = std::iter::once(word.to_string()).chain(deletions(word));
        for p in probes {
            for &slot in self.map.get(p.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                let k = &self.keys[slot as usize].0;
                if k == word || !one_edit(k, word) {
                    continue;
                }
                match found {
                    None => found = Some(slot),
                    Some(f) if f == slot => {}
                    Some(_) => return None,
                }
            }
        }
        found.map(|s| self.keys[s as usize].1)
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
