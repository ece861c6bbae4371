//! Leftmost-longest search of a few keys (the weekday and relative-day
//! expressions) in a sentence, the way a `LeftmostLongest` Aho–Corasick
//! automaton reports them, but cheaper for a handful of keys.
//!
//! Every key is at least `window` bytes long (the shortest key, at most 4).
//! The scan slides a window of that many bytes over the text and looks only
//! at the last `block` bytes of it (2, or 1 when a key is one byte long): a
//! table says how far the window may jump before those bytes could sit
//! inside the first `window` bytes of some key (Wu–Manber), so most of a
//! sentence is skipped two or three bytes at a time. Where the table says 0,
//! one bit test on a hash of the window rejects most of the rest, and only
//! then are the few keys that share the window's first byte compared.

/// One key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    bytes: Box<[u8]>,
    value: u32,
    /// Its first `window` bytes as a big-endian number (see [`ordered`]):
    /// keys sorted by their bytes are sorted by it too.
    prefix: u32,
}

/// The keys (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct Keys {
    /// Keys, sorted by their bytes.
    keys: Vec<Key>,
    /// `keys[first[b].0..first[b].1]` start with byte `b`.
    first: Vec<(u32, u32)>,
    /// Bytes of the window: the length of the shortest key, at most 4.
    window: usize,
    /// Bytes of the window's end that index `shift`: 2, or 1 when
    /// `window` is 1.
    block: usize,
    /// How far the window may move when it ends with a given block (its
    /// bytes read as a big-endian number).
    shift: Box<[u8; 1 << 16]>,
    /// Bit [`prefix_hash`] is set for the first `window` bytes of every key.
    prefixes: Box<[u64; PREFIX_WORDS]>,
}

/// Words of the prefix bit set (4096 bits).
const PREFIX_WORDS: usize = 64;

/// Up to 4 bytes as one number, zero-padded.
#[inline]
fn packed(bytes: &[u8]) -> u32 {
    match bytes.first_chunk::<4>() {
        Some(w) => u32::from_le_bytes(*w),
        None => bytes.iter().rev().fold(0, |w, &b| (w << 8) | u32::from(b)),
    }
}

/// Up to 4 bytes as a big-endian number: numbers of equally long byte
/// strings compare as the strings do.
#[inline]
fn ordered(bytes: &[u8]) -> u32 {
    match bytes.first_chunk::<4>() {
        Some(w) => u32::from_be_bytes(*w),
        None => bytes.iter().fold(0, |w, &b| (w << 8) | u32::from(b)),
    }
}

/// The bit of [`Keys::prefixes`] for a [`packed`] window.
fn prefix_hash(window: u32) -> usize {
    (window.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// For sorted `items`, the range of those that start with each byte:
/// `items[r[b].0..r[b].1]` start with `b` (empty items start with none).
pub(crate) fn first_byte_ranges<'i>(items: impl IntoIterator<Item = &'i [u8]>) -> Vec<(u32, u32)> {
    let mut first = vec![(0, 0); 256];
    for (i, item) in items.into_iter().enumerate() {
        let Some(&b0) = item.first() else { continue };
        let r: &mut (u32, u32) = &mut first[usize::from(b0)];
        if r.1 == 0 {
            r.0 = i as u32;
        }
        r.1 = i as u32 + 1;
    }
    first
}

impl Keys {
    /// Indexes `keys` (non-empty, distinct) with their values.
    pub(crate) fn new<'k>(keys: impl IntoIterator<Item = (&'k [u8], u32)>) -> Keys {
        let keys: Vec<(&[u8], u32)> = keys.into_iter().filter(|(k, _)| !k.is_empty()).collect();
        let window = keys.iter().map(|(k, _)| k.len()).min().unwrap_or(1).min(4);
        let block = window.min(2);
        let mut keys: Vec<Key> = keys.into_iter().map(|(k, value)| Key { bytes: k.into(), value, prefix: ordered(&k[..window]) }).collect();
        keys.sort();
        let first = first_byte_ranges(keys.iter().map(|k| &k.bytes[..]));
        // A window ending with a block found at `j` in a key's first
        // `window` bytes may hold that key's start after moving `window -
        // block - j` bytes; a block found in none may move past itself.
        let mut shift = Box::new([(window - block + 1) as u8; 1 << 16]);
        let mut prefixes = Box::new([0u64; PREFIX_WORDS]);
        for k in &keys {
            for j in 0..=window - block {
                let i = k.bytes[j..j + block].iter().fold(0, |i, &b| (i << 8) | usize::from(b));
                shift[i] = shift[i].min((window - block - j) as u8);
            }
            let h = prefix_hash(packed(&k.bytes[..window]));
            prefixes[h / 64] |= 1 << (h % 64);
        }
        Keys { keys, first, window, block, shift, prefixes }
    }

    /// The first byte at or after `s` where a key may start.
    fn candidate(&self, text: &[u8], s: usize) -> Option<usize> {
        if self.block == 2 {
            self.candidate_by::<2>(text, s)
        } else {
            self.candidate_by::<1>(text, s)
        }
    }

    /// [`Keys::candidate`] for blocks of `B` bytes.
    fn candidate_by<const B: usize>(&self, text: &[u8], s: usize) -> Option<usize> {
        let window = self.window;
        // The block of the window starting at `s` starts at `i`, at most at
        // `last`: the loop reads its bytes without further checks.
        let last = text.len().checked_sub(B)?;
        let mut i = s + window - B;
        while i <= last {
            // The block as a big-endian number, written out for each size:
            // one 16-bit load for two bytes (a fold over the bytes makes two
            // loads and a shift).
            let block = if B == 2 { usize::from(u16::from_be_bytes([text[i], text[i + 1]])) } else { usize::from(text[i]) };
            let skip = self.shift[block];
            if skip == 0 {
                let s = i + B - window;
                let h = prefix_hash(packed(&text[s..s + window]));
                if self.prefixes[h / 64] & (1 << (h % 64)) != 0 {
                    return Some(s);
                }
            }
            i += usize::from(skip.max(1));
        }
        None
    }

    /// The longest key starting at `text[s]`, as (end, value).
    fn longest_at(&self, text: &[u8], s: usize) -> Option<(usize, u32)> {
        let rest = text.get(s..)?;
        let head = rest.get(..self.window)?;
        let (lo, hi) = self.first[usize::from(head[0])];
        let keys = self.keys.get(lo as usize..hi as usize)?;
        // The few keys that start with the window's first byte, in one
        // loop: those that share the whole window are compared past it (a
        // byte loop: the tails are short). Sorted, so a longer match comes
        // later, and the loop ends at the first key past the window ("the"
        // of "the day before" reads 4 of the 18 English keys in "t"). (A
        // binary search for the window and iterator adapters cost ≈146
        // instructions per call.)
        let prefix = ordered(head);
        let mut best = None;
        for k in keys {
            if k.prefix > prefix {
                break;
            }
            if k.prefix == prefix
                && rest.get(self.window..k.bytes.len()).is_some_and(|r| r.iter().zip(&k.bytes[self.window..]).all(|(a, b)| a == b))
            {
                best = Some((s + k.bytes.len(), k.value));
            }
        }
        best
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

/// Every concatenation of up to 4 of `pieces` (with repeats), sorted and
/// distinct: test texts.
#[cfg(test)]
pub(crate) fn concatenations(pieces: &[&str]) -> Vec<String> {
    let mut texts = vec![String::new()];
    for _ in 0..4 {
        let next: Vec<String> = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
        texts.extend(next);
        texts.sort();
        texts.dedup();
    }
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use daachorse::{DoubleArrayAhoCorasickBuilder, MatchKind};

    /// Compares [`Keys::leftmost_longest`] with daachorse's automaton on
    /// every string of up to 4 `pieces` ([`concatenations`]).
    fn agrees(keys: &[&str], pieces: &[&str]) {
        let ours = Keys::new(keys.iter().enumerate().map(|(i, k)| (k.as_bytes(), i as u32)));
        let ac = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(keys.iter().enumerate().map(|(i, k)| (*k, i as u32)))
            .expect("automaton");
        let texts = concatenations(pieces);
        assert!(texts.len() > 20_000);
        let mut found = 0;
        for t in &texts {
            let want: Vec<(usize, usize, u32)> = ac.leftmost_find_iter(t).map(|m| (m.start(), m.end(), m.value())).collect();
            found += want.len();
            assert_eq!(ours.leftmost_longest(t.as_bytes()).collect::<Vec<_>>(), want, "{keys:?} in {t:?}");
        }
        assert!(found * 2 > texts.len(), "the texts hold keys: {found} in {}", texts.len());
    }

    #[test]
    fn first_byte_ranges_of_sorted_items() {
        let items: [&[u8]; 5] = [b"", b"ab", b"ac", b"b", b"d"];
        let r = first_byte_ranges(items);
        assert_eq!((r[usize::from(b'a')], r[usize::from(b'b')], r[usize::from(b'd')]), ((1, 3), (3, 4), (4, 5)));
        assert_eq!(r[usize::from(b'c')], (0, 0));
        assert_eq!(r.iter().filter(|x| x.1 > x.0).count(), 3);
    }

    #[test]
    fn agrees_with_a_leftmost_longest_automaton() {
        // Keys of one byte: a window of 1.
        agrees(
            &["mardi", "mar", "ma", "m", "demain", "apres-demain", "avant-hier", "hier", "the day before yesterday", "day", "é", "éa"],
            &["mar", "di", "ma", "m", "de", "main", "apres-", "avant-", "hier", "the day ", "before yesterday", "é", "a", " ", "x"],
        );
        // The shortest key has 2, 3, 4 bytes: windows of 2, 3, 4 that jump.
        let long =
            ["mardi", "mar.", "hier", "hier soir", "avant-hier", "demain", "apres-demain", "the day before yesterday", "day ", "sun."];
        let pieces = [
            "mar",
            "di",
            ".",
            "hi",
            "er",
            "hier",
            " soir",
            "avant-",
            "de",
            "main",
            "the day ",
            "before ",
            "yesterday",
            "sun",
            "a",
            " ",
            "x",
        ];
        agrees(&long, &pieces);
        agrees(&[&long[..], &["ma"]].concat(), &pieces);
        agrees(&[&long[..], &["mar"]].concat(), &pieces);
    }
}
