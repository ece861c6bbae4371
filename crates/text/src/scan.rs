//! Leftmost-longest search of a few keys (the weekday and relative-day
//! expressions) in a sentence, the way a `LeftmostLongest` Aho–Corasick
//! automaton reports them, but cheaper for a handful of keys: most bytes of
//! a sentence are rejected by one bit test on the pair of bytes they start
//! (no key begins with it), and the rest compare the few keys that share
//! their first byte.

/// The keys (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct Keys {
    /// Keys, sorted, each with its value.
    keys: Vec<(Box<[u8]>, u32)>,
    /// `keys[first[b].0..first[b].1]` start with byte `b`.
    first: Vec<(u32, u32)>,
    /// Bit `b0 * 256 + b1` is set when a key starts with `b0 b1`, or is
    /// the one byte `b0`.
    pairs: Box<[u64; 1024]>,
    /// Byte `b` is a whole key.
    single: [bool; 256],
}

impl Keys {
    /// Indexes `keys` (non-empty, distinct) with their values.
    pub(crate) fn new<'k>(keys: impl IntoIterator<Item = (&'k [u8], u32)>) -> Keys {
        let mut keys: Vec<(Box<[u8]>, u32)> = keys.into_iter().filter(|(k, _)| !k.is_empty()).map(|(k, v)| (k.into(), v)).collect();
        keys.sort();
        let mut first = vec![(0, 0); 256];
        let mut pairs = Box::new([0u64; 1024]);
        let mut single = [false; 256];
        for (i, (k, _)) in keys.iter().enumerate() {
            let b0 = usize::from(k[0]);
            if first[b0].1 == 0 {
                first[b0].0 = i as u32;
            }
            first[b0].1 = i as u32 + 1;
            match k.get(1) {
                Some(&b1) => {
                    let p = b0 * 256 + usize::from(b1);
                    pairs[p / 64] |= 1 << (p % 64);
                }
                None => {
                    single[b0] = true;
                    pairs[b0 * 4..b0 * 4 + 4].fill(u64::MAX);
                }
            }
        }
        Keys { keys, first, pairs, single }
    }

    /// The first byte at or after `s` where a key may start: one bit test
    /// per byte.
    fn candidate(&self, text: &[u8], mut s: usize) -> Option<usize> {
        while s + 1 < text.len() {
            let p = (usize::from(text[s]) << 8) | usize::from(text[s + 1]);
            if self.pairs[p >> 6] & (1 << (p & 63)) != 0 {
                return Some(s);
            }
            s += 1;
        }
        text.get(s).is_some_and(|&b| self.single[usize::from(b)]).then_some(s)
    }

    /// The longest key starting at `text[s]`, as (end, value).
    fn longest_at(&self, text: &[u8], s: usize) -> Option<(usize, u32)> {
        let (lo, hi) = self.first[usize::from(*text.get(s)?)];
        let rest = &text[s..];
        self.keys[lo as usize..hi as usize]
            .iter()
            .filter(|(k, _)| rest.starts_with(k))
            .max_by_key(|(k, _)| k.len())
            .map(|(k, v)| (s + k.len(), *v))
    }

    /// Every match, leftmost first, the longest where several start at one
    /// byte, none overlapping: (start, end, value).
    pub(crate) fn leftmost_longest<'t>(&'t self, text: &'t [u8]) -> impl Iterator<Item = (usize, usize, u32)> + 't {
        let mut s = 0;
        std::iter::from_fn(move || {
            while let Some(c) = self.candidate(text, s) {
                if let Some((e, v)) = self.longest_at(text, c) {
                    s = e;
                    return Some((c, e, v));
                }
                s = c + 1;
            }
            s = text.len();
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use daachorse::{DoubleArrayAhoCorasickBuilder, MatchKind};

    #[test]
    fn agrees_with_a_leftmost_longest_automaton() {
        let keys =
            ["mardi", "mar", "ma", "m", "demain", "apres-demain", "avant-hier", "hier", "the day before yesterday", "day", "é", "éa"];
        let ours = Keys::new(keys.iter().enumerate().map(|(i, k)| (k.as_bytes(), i as u32)));
        let ac = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(keys.iter().enumerate().map(|(i, k)| (*k, i as u32)))
            .expect("automaton");
        // Every string of up to 5 pieces drawn from key fragments and filler.
        let pieces = ["mar", "di", "ma", "m", "de", "main", "apres-", "avant-", "hier", "the day ", "before yesterday", "é", "a", " ", "x"];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let next: Vec<String> = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(next);
            texts.sort();
            texts.dedup();
        }
        assert!(texts.len() > 40_000);
        for t in &texts {
            let want: Vec<(usize, usize, u32)> = ac.leftmost_find_iter(t).map(|m| (m.start(), m.end(), m.value())).collect();
            assert_eq!(ours.leftmost_longest(t.as_bytes()).collect::<Vec<_>>(), want, "{t:?}");
        }
    }
}
