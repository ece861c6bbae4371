//! A byte trie over the matcher's folded keys, searched from one position at
//! a time.
//!
//! The coder only keeps matches that start where a token starts, so instead
//! of an overlapping Aho–Corasick scan of every byte (where short keys such
//! as "a", "de" or "the" match everywhere, including inside words) it walks
//! this trie from each token start: [`Trie::prefixes`] yields every key that
//! is a prefix of the text there, shortest first. Building it is a sort and
//! one pass over the keys, far cheaper than compiling a double-array
//! automaton, which was most of dyad's start-up.

/// The first 8 bytes of `k`, zero-padded, as a big-endian integer: ordering
/// by it never contradicts ordering by the bytes.
fn head(k: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = k.len().min(8);
    b[..n].copy_from_slice(&k[..n]);
    u64::from_be_bytes(b)
}

/// Value of a node that ends no key.
const NONE: u32 = u32::MAX;

/// Set in [`Edge::end`] of an edge into a subtree that holds a single key:
/// the rest of that key is `tails[start..start + (end & !TAIL)]`.
const TAIL: u32 = 1 << 31;

/// One edge, with what the walk needs of the node it leads to: its value and
/// the range of its own edges. Its label is `labels[i]` for edge `i`. An
/// edge into a subtree of one key (most of them: the ends of names) is a
/// tail instead (see [`TAIL`]): the key's remaining bytes, compared at once.
#[derive(Debug, Clone, Copy)]
struct Edge {
    start: u32,
    end: u32,
    value: u32,
}

/// A trie of byte strings, each with a `u32` value.
///
/// A node is the range of its edges in `edges` (sorted by label); the root's
/// edges are `edges[root.0..root.1]`, also indexed by byte in `first`. The
/// labels are kept apart, in `labels`: a node's labels are a few contiguous
/// bytes (usually one cache line), so finding the edge to follow costs one
/// memory access to the labels and one to the edge, instead of a binary
/// search over 16-byte edges that missed the cache at every step.
///
/// Subtrees that hold a single key are stored as that key's remaining bytes
/// in `tails`: about 85 % of the nodes of the bundled keys are in such
/// tails, so the trie is about 3× smaller and a walk through the end of a
/// name reads one string instead of one edge per byte.
#[derive(Debug, Clone)]
pub struct Trie {
    edges: Vec<Edge>,
    labels: Vec<u8>,
    tails: Vec<u8>,
    root: (u32, u32),
    first: Box<[u32; 256]>,
}

impl Trie {
    /// Builds the trie of `keys` (each with its value). Empty keys are
    /// ignored; when a key is repeated, its smallest value is kept.
    pub fn new<'k>(keys: impl IntoIterator<Item = (&'k [u8], u32)>) -> Trie {
        // Sorted by (first 8 bytes as a big-endian integer, key, value): the
        // same order as sorting the keys, with most comparisons on integers.
        let mut keys: Vec<(u64, &[u8], u32)> = keys.into_iter().filter(|(k, _)| !k.is_empty()).map(|(k, v)| (head(k), k, v)).collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)).then(a.2.cmp(&b.2)));
        // Among repeated keys, the first (smallest) value stays.
        keys.dedup_by(|b, a| a.1 == b.1);
        // The sorted keys, copied into one buffer: the walk below reads them
        // in order.
        let mut bytes = Vec::with_capacity(keys.iter().map(|k| k.1.len()).sum());
        let mut ends = Vec::with_capacity(keys.len());
        let vals: Vec<u32> = keys.iter().map(|k| k.2).collect();
        for k in &keys {
            bytes.extend_from_slice(k.1);
            ends.push(bytes.len());
        }
        let key = |i: usize| &bytes[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
        let mut edges: Vec<Edge> = Vec::with_capacity(bytes.len() / 2);
        let mut labels: Vec<u8> = Vec::with_capacity(bytes.len() / 2);
        let mut tails: Vec<u8> = Vec::new();
        let mut root = (0, 0);
        // Depth first: (edge into the node, or none for the root; range of
        // keys below the node; depth). A node's edges are all created when it
        // is visited, so they are contiguous.
        let mut stack: Vec<(Option<usize>, usize, usize, usize)> = vec![(None, 0, keys.len(), 0)];
        let mut children = Vec::new();
        while let Some((into, mut lo, hi, depth)) = stack.pop() {
            if lo < hi && key(lo).len() == depth {
                if let Some(e) = into {
                    let e: &mut Edge = &mut edges[e];
                    e.value = vals[lo];
                }
                lo += 1;
            }
            let start = edges.len() as u32;
            children.clear();
            while lo < hi {
                let b = key(lo)[depth];
                let mut end = lo + 1;
                while end < hi && key(end)[depth] == b {
                    end += 1;
                }
                if end - lo == 1 {
                    // One key below: store the rest of it.
                    let rest = &key(lo)[depth + 1..];
                    edges.push(Edge { start: tails.len() as u32, end: TAIL | rest.len() as u32, value: vals[lo] });
                    tails.extend_from_slice(rest);
                } else {
                    children.push((Some(edges.len()), lo, end, depth + 1));
                    edges.push(Edge { start: 0, end: 0, value: NONE });
                }
                labels.push(b);
                lo = end;
            }
            let range = (start, edges.len() as u32);
            match into {
                Some(e) => (edges[e].start, edges[e].end) = range,
                None => root = range,
            }
            stack.extend(children.drain(..).rev());
        }
        let mut first = Box::new([NONE; 256]);
        for i in root.0..root.1 {
            first[labels[i as usize] as usize] = i;
        }
        Trie { edges, labels, tails, root, first }
    }

    /// Number of nodes (for diagnostics), counting each byte of a tail as one.
    pub fn nodes(&self) -> usize {
        self.edges.len() + self.tails.len() + 1
    }

    /// Every key that is a prefix of `text`, as (length, value), shortest first.
    pub fn prefixes<'t>(&'t self, text: &'t [u8]) -> impl Iterator<Item = (usize, u32)> + 't {
        let mut node = self.root;
        let mut i = 0usize;
        std::iter::from_fn(move || {
            while i < text.len() {
                let b = text[i];
                let j = if i == 0 {
                    *self.first.get(b as usize)? as usize
                } else {
                    let labels = self.labels.get(node.0 as usize..node.1 as usize)?;
                    let j = if labels.len() <= 16 { labels.iter().position(|&l| l == b)? } else { labels.binary_search(&b).ok()? };
                    node.0 as usize + j
                };
                let e = self.edges.get(j)?;
                i += 1;
                if e.end & TAIL != 0 {
                    // The one key left: all of its rest, or nothing.
                    let rest = self.tails.get(e.start as usize..(e.start + (e.end & !TAIL)) as usize)?;
                    let (hit, len) = (text[i..].starts_with(rest), i + rest.len());
                    i = text.len();
                    return hit.then_some((len, e.value));
                }
                node = (e.start, e.end);
                if e.value != NONE {
                    return Some((i, e.value));
                }
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(t: &Trie, text: &str) -> Vec<(usize, u32)> {
        t.prefixes(text.as_bytes()).collect()
    }

    #[test]
    fn finds_every_key_that_starts_here() {
        let keys = ["de", "de la", "de la defense", "a", "ab", "defense", "z"];
        let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (k.as_bytes(), i as u32)));
        assert_eq!(all(&t, "de la defense nationale"), vec![(2, 0), (5, 1), (13, 2)]);
        assert_eq!(all(&t, "abc"), vec![(1, 3), (2, 4)]);
        assert_eq!(all(&t, "d"), vec![]);
        assert_eq!(all(&t, "x de"), vec![]);
        assert_eq!(all(&t, ""), vec![]);
        assert_eq!(all(&t, "z"), vec![(1, 6)]);
    }

    #[test]
    fn matches_a_naive_search() {
        // Many keys sharing prefixes, nodes with more than 8 edges, bytes
        // above 127: the trie agrees with comparing every key.
        let mut keys: Vec<String> = Vec::new();
        for a in ["", "a", "b", "ab", "ba", "abc", "é"] {
            for b in 'a'..='m' {
                keys.push(format!("{a}{b}"));
                keys.push(format!("{a}{b} {a}"));
            }
        }
        keys.push("a".into()); // a repeat keeps its first value
        let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (k.as_bytes(), i as u32)));
        for text in ["ab abc", "abcd a", "éa é", "ba ba", "mmm", "a"] {
            for s in 0..text.len() {
                let rest = &text.as_bytes()[s..];
                let mut want: Vec<(usize, u32)> = Vec::new();
                for (i, k) in keys.iter().enumerate() {
                    if rest.starts_with(k.as_bytes()) && !want.iter().any(|w| w.0 == k.len()) {
                        want.push((k.len(), i as u32));
                    }
                }
                want.sort();
                assert_eq!(t.prefixes(rest).collect::<Vec<_>>(), want, "{text:?} at {s}");
            }
        }
    }
}
