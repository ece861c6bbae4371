//! A byte trie over the matcher's folded keys, searched from one position at
//! a time.
//!
//! The coder only keeps matches that start where a token starts, so instead
//! of an overlapping Aho–Corasick scan of every byte (where short keys such
//! as "a", "de" or "the" match everywhere, including inside words) it walks
//! this trie from each token start: [`Trie::each_prefix`] finds every key that
//! is a prefix of the text there, shortest first. Building it is a sort and
//! one pass over the keys, far cheaper than compiling a double-array
//! automaton, which was most of dyad's start-up.
//!
//! A walk can also start part way ([`Trie::resume`],
//! [`Trie::each_prefix_from`]): where the walk stands after a token's first
//! bytes is kept by the caller, and the next walk from that token reads
//! only the nodes past them.

/// The first 8 bytes of `k`, zero-padded, as a big-endian integer: ordering
/// by it never contradicts ordering by the bytes.
fn head(k: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = k.len().min(8);
    b[..n].copy_from_slice(&k[..n]);
    u64::from_be_bytes(b)
}

/// Value of an edge into a node that ends no key; also "no edge" in
/// [`Trie::first`].
const NONE: u32 = u32::MAX;

/// Set in an edge's target when the edge leads into a subtree that holds a
/// single key: the target is then the position in `tails` of the rest of
/// that key (a 2-byte little-endian length, then the bytes).
const TAIL: u32 = 1 << 31;

/// Copies of one byte in each byte of a word, for the label search.
const ONES: u32 = 0x0101_0101;

/// Set in the edge count of a node that has a byte table (see [`wide`]):
/// the walk tells the two kinds of node apart by one bit test.
const WIDE: u32 = 1 << 31;

// No edge count (at most 256) reaches the bit.
const _: () = assert!(256 & WIDE == 0);

/// A trie of byte strings, each with a `u32` value.
///
/// Every node is one block of `data`, written depth first: its number of
/// edges `n` (with the `WIDE` bit set for a node with a byte table), its
/// labels (sorted, 4 to a word, the last word padded with copies of the
/// last label), then per edge two words, the target and the value (the
/// value of the key ending at the target, or `NONE`). The target is the
/// position of the child's block, or (with `TAIL`) the rest of the one key
/// below. A walk step reads one block — the labels and the
/// edges side by side, usually one cache line — where separate label and
/// edge arrays cost two cache misses per byte of text; and a node's first
/// child follows it in memory. The root's edges are also indexed by byte in
/// `first`.
///
/// A node of more than `NARROW` edges (the first letters of words, where
/// a scan of the labels would read up to ten words at every step of the
/// walks through them) has instead a table of 256 bytes, one per byte
/// value: its edge's number plus one, or 0. Finding an edge is one read.
/// (A node of all 256 edges, too many for that byte, needs no table: its
/// labels are the bytes in order, so edge `b` is the edge of byte `b`.)
/// (A bitmap and a rank were smaller, but the popcount is a dozen
/// instructions without a target CPU's `popcnt`.) These tables add about
/// 350 kB to the 2.7 MB of the bundled tries.
///
/// Subtrees that hold a single key are stored as that key's remaining bytes
/// in `tails`: about 85 % of the nodes of the bundled keys are in such
/// tails, so the trie is about 3× smaller and a walk through the end of a
/// name reads one string instead of one edge per byte.
#[derive(Debug, Clone)]
pub struct Trie {
    data: Vec<u32>,
    tails: Vec<u8>,
    /// Position in `data` of the root's edge for each first byte.
    first: Box<[u32; 256]>,
    edges: usize,
}

/// Most edges of a node whose labels are listed; a wider node has a byte
/// table. (Instructions of the coder's walks fall with it — 4: 504.6M, 8:
/// 506.4M, 12: 508.4M for the 1 MB corpus — and the tables' memory grows:
/// +1.2 MB, +350 kB, +150 kB.)
const NARROW: usize = 8;

/// Words of the labels of a block of `n` edges: the labels, 4 to a word, or
/// for a wide node its byte table.
fn label_words(n: usize) -> usize {
    if wide(n) {
        64
    } else {
        n.div_ceil(4)
    }
}

/// Whether a node of `n` edges indexes them by byte (not one of 256 edges:
/// an edge's number plus one must fit a byte).
fn wide(n: usize) -> bool {
    n > NARROW && n < 256
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
        // About one edge (two words) per key, plus the nodes' headers and
        // labels; the tails hold most of the keys' bytes.
        let mut data: Vec<u32> = Vec::with_capacity(3 * keys.len());
        let mut tails: Vec<u8> = Vec::with_capacity(bytes.len());
        let mut edges = 0;
        // Depth first: (position of the edge's target word, or none for the
        // root; range of keys below the node, the key ending at the node
        // excluded; depth). A node's block is written whole when it is
        // visited; the first child is visited next, so it follows.
        let mut stack: Vec<(Option<usize>, usize, usize, usize)> = vec![(None, 0, keys.len(), 0)];
        let mut children = Vec::new();
        let mut groups: Vec<(u8, usize, usize)> = Vec::new();
        let mut first = Box::new([NONE; 256]);
        while let Some((into, lo, hi, depth)) = stack.pop() {
            // The node's edges: one per distinct byte at `depth`.
            groups.clear();
            let mut g = lo;
            while g < hi {
                let b = key(g)[depth];
                let mut end = g + 1;
                while end < hi && key(end)[depth] == b {
                    end += 1;
                }
                groups.push((b, g, end));
                g = end;
            }
            let block = data.len();
            if let Some(t) = into {
                data[t] = block as u32;
            }
            let n = groups.len();
            data.push(if wide(n) { n as u32 | WIDE } else { n as u32 });
            if wide(n) {
                let mut index = [0u8; 256];
                for (k, g) in groups.iter().enumerate() {
                    index[usize::from(g.0)] = k as u8 + 1;
                }
                data.extend(index.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])));
            } else {
                let last = groups.last().map_or(0, |g| g.0);
                data.extend(
                    (0..label_words(n)).map(|w| u32::from_le_bytes(std::array::from_fn(|k| groups.get(4 * w + k).map_or(last, |g| g.0)))),
                );
            }
            let edges_at = data.len();
            if into.is_none() {
                for (k, g) in groups.iter().enumerate() {
                    first[usize::from(g.0)] = (edges_at + 2 * k) as u32;
                }
            }
            children.clear();
            for &(_, g, end) in &groups {
                edges += 1;
                let at = data.len();
                if end - g == 1 {
                    // One key below: store the rest of it.
                    let rest = &key(g)[depth + 1..];
                    data.extend([TAIL | tails.len() as u32, vals[g]]);
                    tails.extend_from_slice(&(rest.len() as u16).to_le_bytes());
                    tails.extend_from_slice(rest);
                } else {
                    // The key ending at the child (sorted first) gives the
                    // edge its value; the others are below the child.
                    let ends_here = key(g).len() == depth + 1;
                    data.extend([0, if ends_here { vals[g] } else { NONE }]);
                    children.push((Some(at), g + usize::from(ends_here), end, depth + 1));
                }
            }
            stack.extend(children.drain(..).rev());
        }
        Trie { data, tails, first, edges }
    }

    /// Number of nodes (for diagnostics), counting each byte of a tail as one.
    pub fn nodes(&self) -> usize {
        self.edges + self.tails.len() + 1
    }

    /// Position of the edge labelled `b` of the node whose block is at `o`.
    #[inline(always)]
    fn edge(&self, o: usize, b: u8) -> Option<usize> {
        let h = *self.data.get(o)?;
        if h & WIDE != 0 {
            // The byte's number among the labels, plus one (0: none).
            let k = (*self.data.get(o + 1 + usize::from(b / 4))? >> (8 * (b % 4))) & 0xff;
            return (k != 0).then(|| o + 65 + 2 * (k as usize - 1));
        }
        // Not wide: `n` labels, 4 to a word (64 words for the 256-edge node).
        let n = h as usize;
        let lw = n.div_ceil(4);
        let bb = u32::from(b) * ONES;
        // The lowest zero byte of `w ^ bb` is the first label equal to `b`.
        let hit = |w: u32| {
            let x = w ^ bb;
            x.wrapping_sub(ONES) & !x & 0x8080_8080
        };
        // A narrow node has one or two words of labels (`NARROW` is 8), the
        // 256-edge one 64: the first two are tried without a loop.
        let (wi, z) = match hit(*self.data.get(o + 1)?) {
            0 if lw == 1 => return None,
            0 => match hit(*self.data.get(o + 2)?) {
                0 if lw == 2 => return None,
                // More than two words: the node of all 256 edges (a wider
                // node than `NARROW` has a table, and 256 does not fit one),
                // whose labels are the bytes in order: edge `b` is byte `b`,
                // not found by a scan of up to 64 words (1 MB corpus:
                // 205.26M → 204.95M instructions).
                0 => {
                    debug_assert_eq!(n, 256);
                    return Some(o + 1 + lw + 2 * usize::from(b));
                }
                z => (1, z),
            },
            z => (0, z),
        };
        // The first match is a label, never the padding after the last one
        // (copies of that label): `k < n`.
        let k = wi * 4 + (z.trailing_zeros() / 8) as usize;
        debug_assert!(k < n);
        Some(o + 1 + lw + 2 * k)
    }

    /// Every key that is a prefix of `text`, as (length, value), shortest
    /// first (collected by [`Trie::each_prefix`]).
    pub fn prefixes(&self, text: &[u8]) -> impl Iterator<Item = (usize, u32)> {
        let mut found = Vec::new();
        self.each_prefix(text, |len, value| found.push((len, value)));
        found.into_iter()
    }

    /// Calls `f(length, value)` for every key that is a prefix of `text`,
    /// shortest first: one loop, where an iterator would be left and entered
    /// again at each key found.
    #[inline]
    pub fn each_prefix(&self, text: &[u8], f: impl FnMut(usize, u32)) {
        let Some(&b) = text.first() else { return };
        let Some(&[target, value]) = self.data.get(self.first[b as usize] as usize..).and_then(|d| d.get(..2)) else { return };
        self.walk(target, value, 0, text, f);
    }

    /// Where the walk of `p` stands once its bytes are read, for
    /// [`Trie::each_prefix_from`]; none when no key starts with `p`.
    pub fn resume(&self, p: &[u8]) -> Option<Resume> {
        let &b = p.first()?;
        let mut j = match self.first[b as usize] {
            NONE => return None,
            j => j as usize,
        };
        let mut i = 0;
        loop {
            let &[target, value] = self.data.get(j..j + 2)? else { return None };
            let at = Resume { target, value, depth: i as u32 };
            if target & TAIL != 0 {
                // One key left: `p` must go on along its rest.
                let rest = self.tail((target & !TAIL) as usize)?;
                let more = p.get(i + 1..)?;
                return rest.starts_with(more).then_some(at);
            }
            let Some(&b) = p.get(i + 1) else { return Some(at) };
            j = self.edge(target as usize, b)?;
            i += 1;
        }
    }

    /// [`Trie::resume`] in one value: [`Resume::NOTHING`] when no key
    /// starts with `p`.
    pub fn start(&self, p: &[u8]) -> Resume {
        self.resume(p).unwrap_or(Resume::NOTHING)
    }

    /// [`Trie::each_prefix`] for a `text` that starts with the bytes of
    /// `at` (from [`Trie::resume`]), without the keys shorter than those:
    /// the walk starts where they end, without reading the edge it stands
    /// on (`at` holds it).
    #[inline]
    pub fn each_prefix_from(&self, at: Resume, text: &[u8], f: impl FnMut(usize, u32)) {
        debug_assert!(!at.is_unknown());
        if at.depth < Resume::UNKNOWN.depth {
            self.walk(at.target, at.value, at.depth as usize, text, f);
        }
    }

    /// The rest of a key stored in `tails` at `t`.
    fn tail(&self, t: usize) -> Option<&[u8]> {
        let &[l0, l1] = self.tails.get(t..t + 2)? else { return None };
        self.tails.get(t + 2..t + 2 + usize::from(u16::from_le_bytes([l0, l1])))
    }

    /// The walk of [`Trie::each_prefix`] from the edge (`target`, `value`)
    /// of byte `i` of `text`.
    #[inline(always)]
    fn walk(&self, mut target: u32, mut value: u32, mut i: usize, text: &[u8], mut f: impl FnMut(usize, u32)) {
        loop {
            i += 1;
            if target & TAIL != 0 {
                // The one key left: all of its rest, or nothing.
                let Some(rest) = self.tail((target & !TAIL) as usize) else { return };
                let len = rest.len();
                // Compared byte by byte: a tail is short and usually differs
                // early, where a slice comparison is a call to `bcmp`.
                if text.get(i..i + len).is_some_and(|text| rest.iter().zip(text).all(|(a, b)| a == b)) {
                    f(i + len, value);
                }
                return;
            }
            if value != NONE {
                f(i, value);
            }
            let Some(&b) = text.get(i) else { return };
            let Some(j) = self.edge(target as usize, b) else { return };
            let Some(&[t, v]) = self.data.get(j..j + 2) else { return };
            (target, value) = (t, v);
        }
    }
}

/// A point of a walk through a [`Trie`] (see [`Trie::resume`]): the edge
/// it stands on, copied (the target and the value), and the number of
/// bytes read before that edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Resume {
    target: u32,
    value: u32,
    depth: u32,
}

impl Resume {
    /// No key starts with the bytes walked.
    pub const NOTHING: Resume = Resume { target: 0, value: NONE, depth: u32::MAX };
    /// Not worked out (a value for the caller to keep): no walk was asked
    /// for yet.
    pub const UNKNOWN: Resume = Resume { target: 0, value: NONE, depth: u32::MAX - 1 };

    /// Whether this is [`Resume::UNKNOWN`]: its depth alone tells (a walk
    /// never stands that deep), one comparison where `==` compares the
    /// three fields (the coder asks it for every token a unit may start at:
    /// 1 MB corpus: 239.9M → 238.9M instructions).
    #[inline]
    pub fn is_unknown(self) -> bool {
        self.depth == Resume::UNKNOWN.depth
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
    fn finds_each_label_of_a_wide_node() {
        // Below "x": 1 to 60 labels, so the last label word is full or padded;
        // every byte is probed, the padding must match nothing new.
        for n in 1..=60u8 {
            let keys: Vec<Vec<u8>> = (0..n).map(|k| vec![b'x', 40 + 3 * k, b'!']).collect();
            let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (k.as_slice(), i as u32)));
            for b in 0..=255u8 {
                let want: Vec<(usize, u32)> = keys.iter().position(|k| k[1] == b).map(|i| (3, i as u32)).into_iter().collect();
                assert_eq!(t.prefixes(&[b'x', b, b'!']).collect::<Vec<_>>(), want, "{n} labels, byte {b}");
            }
        }
    }

    #[test]
    fn finds_every_edge_of_a_node_with_all_256() {
        // Too many edges for a byte table (an edge's number plus one must
        // fit a byte): the labels are the bytes in order, edge `b` is byte
        // `b`.
        let keys: Vec<[u8; 2]> = (0..=255u8).map(|b| [b'x', b]).collect();
        let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (&k[..], i as u32)));
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(t.prefixes(k).collect::<Vec<_>>(), vec![(2, i as u32)], "{k:?}");
        }
        assert!(!wide(256) && wide(255) && !wide(NARROW) && wide(NARROW + 1));
        // Below each of the 256 edges, a node of two edges (not a tail):
        // the edge found leads to the right child, whole and resumed walks
        // agree with a comparison of every key.
        let keys: Vec<[u8; 4]> = (0..=255u8).flat_map(|b| [[b'x', b, b'y', b'z'], [b'x', b, b'y', b'w']]).collect();
        let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (&k[..], i as u32)));
        for b in 0..=255u8 {
            for (c, i) in [(b'z', 2 * b as u32), (b'w', 2 * b as u32 + 1), (b'v', u32::MAX)] {
                let text = [b'x', b, b'y', c];
                let want: Vec<(usize, u32)> = (i != u32::MAX).then_some((4, i)).into_iter().collect();
                assert_eq!(t.prefixes(&text).collect::<Vec<_>>(), want, "{text:?}");
                let mut got = Vec::new();
                t.each_prefix_from(t.start(&text[..3]), &text, |len, v| got.push((len, v)));
                assert_eq!(got, want, "{text:?} resumed");
            }
        }
        // The walk reads the label words of a node without a table as
        // `n.div_ceil(4)`.
        for n in (1..=256).filter(|&n| !wide(n)) {
            assert_eq!(label_words(n), n.div_ceil(4), "{n}");
        }
    }

    #[test]
    fn a_walk_resumed_after_a_head_finds_the_longer_keys() {
        // Keys sharing prefixes, ending in tails and at wide nodes; every
        // prefix of every text as the head: the resumed walk finds what the
        // whole walk finds, less the keys shorter than the head, and nothing
        // when no key starts with the head.
        let mut keys: Vec<String> =
            ["de", "de la", "de la defense", "defense", "l", "l'iran", "a-b", "ab", "é", "éa b"].map(String::from).to_vec();
        keys.extend(('a'..='m').map(|c| format!("x{c}y")));
        let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (k.as_bytes(), i as u32)));
        let texts = ["de la defense nationale", "defenses", "l'iran", "a-b c", "abc", "éa b", "xay", "xmy z", "xz", "q", "d"];
        for text in texts.map(str::as_bytes) {
            for n in 1..=text.len() {
                let head = &text[..n];
                let want: Vec<(usize, u32)> = t.prefixes(text).filter(|&(len, _)| len >= n).collect();
                let starts = keys.iter().any(|k| k.as_bytes().starts_with(head));
                assert_eq!(t.resume(head).is_some(), starts, "{head:?}");
                let mut got = Vec::new();
                let at = t.start(head);
                // Only the unknown point says it is unknown.
                assert_eq!(at.is_unknown(), at == Resume::UNKNOWN, "{head:?}");
                t.each_prefix_from(at, text, |len, v| got.push((len, v)));
                assert_eq!(got, want, "{:?} after {head:?}", String::from_utf8_lossy(text));
            }
        }
        assert_eq!(t.start(b"q"), Resume::NOTHING);
        assert!(Resume::UNKNOWN.is_unknown() && !Resume::NOTHING.is_unknown() && !Resume::default().is_unknown());
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
