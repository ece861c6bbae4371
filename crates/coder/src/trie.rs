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

/// Value of no key.
const NONE: u32 = u32::MAX;

/// Set in an edge's target when the edge leads into a subtree that holds a
/// single key: the target is then the position in `tails` of that key's
/// value (4 bytes, little-endian) and the rest of it (a 2-byte
/// little-endian length, then the bytes).
const TAIL: u32 = 1 << 31;

/// Copies of one byte in each byte of a word, for the label search.
const ONES: u32 = 0x0101_0101;

/// Set in the header of a node that has a byte table (see [`wide`]):
/// the walk tells the two kinds of node apart by one bit test.
const WIDE: u32 = 1 << 31;

/// Set in the header of a node where a key ends: its value is the word
/// before.
const ENDS: u32 = 1 << 30;

/// Set in the header of a chain of nodes of one edge where no key ends,
/// written as one node: its bytes (4 to a word, the last word padded with
/// zeros; their number in the header) and the target after them.
const RUN: u32 = 1 << 29;

/// Most bytes of a chain node.
const MAX_RUN: usize = 256;

// No edge count (at most 256) nor chain length reaches the bits.
const _: () = assert!(511 & (WIDE | ENDS | RUN) == 0 && MAX_RUN <= 511);

/// A trie of byte strings, each with a `u32` value.
///
/// Every node is one block of `data`: the value of the key that ends at
/// the node if one does, a header (its number of edges `n`, with the
/// `WIDE` bit set for a node with a byte table and the `ENDS` bit for a
/// node where a key ends), its labels (sorted, 4 to a word, the last word
/// padded with copies of the last label), then per edge one word, the
/// target: the position of the child's header, or (with `TAIL`) the value
/// and rest of the one key below. (The value comes before the header, so
/// the labels are always the word after it: 1 MB corpus, 203.17M →
/// 202.01M instructions.)
/// A walk step reads one block — the labels and the edges side by side,
/// usually one cache line — where separate label and edge arrays cost two
/// cache misses per byte of text. The root's targets are also indexed by
/// byte in `first`.
///
/// A key's value lies in the block of the node where it ends (read with the
/// header, which the walk reads anyway), not beside every edge: the edges,
/// a word each instead of two, are half as wide, and the hot nodes fill
/// fewer cache lines. (With the wide nodes' smaller tables, below: 1 MB
/// corpus, misses of a simulated 2 MiB L2 134.8k → 120.4k, of the 48 KiB
/// L1d 1.58M → 1.47M, for 202.58M → 203.02M instructions.)
///
/// A node of more than `NARROW` edges (the first letters of words, where
/// a scan of the labels would read up to ten words at every step of the
/// walks through them) has instead a byte table: its edge's number plus
/// one, or 0, for each byte that labels an edge of any such node (the
/// trie's `classes` number those bytes). Finding an edge is two reads, the
/// first in a table of 256 bytes that stays in cache. (A bitmap and a rank
/// were smaller, but the popcount is a dozen instructions without a target
/// CPU's `popcnt`; a table of all 256 bytes cost about 350 kB, ≈4 cache
/// lines per wide node.) (A node of all 256 edges, too many for that byte,
/// needs no table: its labels are the bytes in order, so edge `b` is the
/// edge of byte `b`.)
///
/// A chain of nodes of one edge where no key ends (the shared words of
/// longer keys: ≈50k of the ≈93k nodes of the bundled English keys) is
/// one node of its bytes (`RUN`), compared 4 at a time: fewer words and
/// fewer dependent reads (1 MB corpus: simulated L2 misses 120.4k →
/// 117.8k, of the trie's walks 37.0k → 34.7k, for 203.02M → 203.17M
/// instructions; start-up 848.1M → 839.5M).
///
/// Subtrees that hold a single key are stored as that key's remaining bytes
/// in `tails`: about 85 % of the nodes of the bundled keys are in such
/// tails, so the trie is about 3× smaller and a walk through the end of a
/// name reads one string instead of one edge per byte.
///
/// The nodes are written depth first: a node's first child follows it in
/// memory. (Writing the nodes of the first 1 or 2 bytes first, level by
/// level, in one compact region, made no difference — 1 MB corpus,
/// simulated L2 misses 117,704 depth first, 117,865 and 117,800 — and
/// those of the first 3 bytes, +0.4 % more than 2.)
#[derive(Debug, Clone)]
pub struct Trie {
    data: Vec<u32>,
    tails: Vec<u8>,
    /// The root's target for each first byte, or 0 (a target is never the
    /// root).
    first: Box<[u32; 256]>,
    /// For each byte, its entry in the tables of the wide nodes (0 for a
    /// byte that labels no edge of a wide node, when there is such a byte).
    classes: Box<[u8; 256]>,
    /// Words of a wide node's table.
    table_words: usize,
    nodes: usize,
}

/// Most edges of a node whose labels are listed; a wider node has a byte
/// table. (Instructions of the coder's walks fall with it — 4: 504.6M, 8:
/// 506.4M, 12: 508.4M for the 1 MB corpus — and the tables' memory grows.)
const NARROW: usize = 8;

/// Whether a node of `n` edges indexes them by byte (not one of 256 edges:
/// an edge's number plus one must fit a byte).
fn wide(n: usize) -> bool {
    n > NARROW && n < 256
}

/// The first `i` in `from..hi` for which `same(i)` is false (`hi` if
/// none), `same` being true up to some point and false after it, and true
/// at `from - 1`: found by doubling steps, then halving them, where a scan
/// of every key made the nodes of thousands of keys cost as many steps
/// (start-up instructions of `dyad code` on the English golden input:
/// 841.6M with one pass over the nodes and scans; with the wide nodes'
/// pass too, 875.1M with scans, 848.1M with this).
fn run_end(from: usize, hi: usize, same: impl Fn(usize) -> bool) -> usize {
    // `same(last)` holds, `same(bound)` does not (or `bound` is `hi`).
    let (mut last, mut step) = (from - 1, 1);
    while last + step < hi && same(last + step) {
        last += step;
        step *= 2;
    }
    let mut bound = (last + step).min(hi);
    while bound - last > 1 {
        let mid = last + (bound - last) / 2;
        if same(mid) {
            last = mid;
        } else {
            bound = mid;
        }
    }
    bound
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
        // The edges of the node of the keys `lo..hi` at `depth` (the key
        // ending at the node excluded): one per distinct byte there.
        let groups = |lo: usize, hi: usize, depth: usize, out: &mut Vec<(u8, usize, usize)>| {
            out.clear();
            let mut g = lo;
            while g < hi {
                let b = key(g)[depth];
                let mut end = g + 1;
                while end < hi && key(end)[depth] == b {
                    end += 1;
                    // A long run: its end by `run_end` (the keys share
                    // their first `depth` bytes and are sorted, so their
                    // bytes at `depth` are too).
                    if end - g == 16 {
                        end = run_end(end, hi, |i| key(i)[depth] == b);
                        break;
                    }
                }
                out.push((b, g, end));
                g = end;
            }
        };
        // The bytes that label an edge of a wide node, numbered from 1 (0:
        // none), or all 256 by themselves: a first pass over the nodes of
        // more than `NARROW` keys.
        let mut used = [false; 256];
        let mut stack: Vec<(usize, usize, usize)> = vec![(0, keys.len(), 0)];
        let mut edges: Vec<(u8, usize, usize)> = Vec::new();
        while let Some((lo, hi, depth)) = stack.pop() {
            groups(lo, hi, depth, &mut edges);
            if wide(edges.len()) {
                for e in &edges {
                    used[usize::from(e.0)] = true;
                }
            }
            // A node of `NARROW` keys or fewer has at most as many edges:
            // none below is wide.
            for &(_, g, end) in &edges {
                if end - g > NARROW {
                    let ends_here = key(g).len() == depth + 1;
                    stack.push((g + usize::from(ends_here), end, depth + 1));
                }
            }
        }
        let mut classes = Box::new([0u8; 256]);
        let table_len = if used.iter().all(|&u| u) {
            for (b, c) in classes.iter_mut().enumerate() {
                *c = b as u8;
            }
            256
        } else {
            let mut c = 0;
            for (b, _) in used.iter().enumerate().filter(|u| *u.1) {
                c += 1;
                classes[b] = c;
            }
            usize::from(c) + 1
        };
        let table_words = table_len.div_ceil(4);
        // About one edge (one word) per key, plus the nodes' headers and
        // labels; the tails hold most of the keys' bytes.
        let mut data: Vec<u32> = Vec::with_capacity(2 * keys.len());
        let mut tails: Vec<u8> = Vec::with_capacity(bytes.len() + 6 * keys.len());
        let mut nodes = 1;
        let mut first = Box::new([0; 256]);
        let mut root = Vec::new();
        // (position of the edge's target word, or none for the root; range
        // of keys below the node, the key ending at the node excluded, and
        // the value of that key or `NONE`; depth). A node's block is written
        // whole when it is visited, depth first; the first child is visited
        // next, so it follows.
        let mut stack: Vec<(Option<usize>, usize, usize, u32, usize)> = vec![(None, 0, keys.len(), NONE, 0)];
        let mut children = Vec::new();
        let mut run = Vec::new();
        while let Some((into, lo, hi, value, depth)) = stack.pop() {
            groups(lo, hi, depth, &mut edges);
            if value != NONE {
                data.push(value);
            }
            let block = data.len();
            if let Some(t) = into {
                data[t] = block as u32;
            }
            if let (Some(_), NONE, &[(_, g, end)]) = (into, value, &edges[..]) {
                if end - g > 1 {
                    // A node of one edge where no key ends: the chain of
                    // such nodes, followed to where a key ends or the path
                    // branches, is one node of its bytes.
                    run.clear();
                    let (mut lo, mut hi);
                    let mut below = depth;
                    let value = loop {
                        let (b, g, end) = edges[0];
                        run.push(b);
                        let ends_here = key(g).len() == below + 1;
                        (lo, hi, below) = (g + usize::from(ends_here), end, below + 1);
                        if ends_here {
                            break vals[g];
                        }
                        groups(lo, hi, below, &mut edges);
                        // No key ends at the node, so its keys (more than
                        // one) are below: with one edge, it is no tail.
                        if edges.len() != 1 || run.len() == MAX_RUN {
                            break NONE;
                        }
                    };
                    nodes += run.len();
                    data.push(RUN | run.len() as u32);
                    data.extend(run.chunks(4).map(|c| u32::from_le_bytes(std::array::from_fn(|k| c.get(k).copied().unwrap_or(0)))));
                    stack.push((Some(data.len()), lo, hi, value, below));
                    data.push(0);
                    continue;
                }
            }
            let n = edges.len();
            let ends = if value != NONE { ENDS } else { 0 };
            data.push(n as u32 | ends | if wide(n) { WIDE } else { 0 });
            if wide(n) {
                let mut index = vec![0u8; 4 * table_words];
                for (k, e) in edges.iter().enumerate() {
                    index[usize::from(classes[usize::from(e.0)])] = k as u8 + 1;
                }
                data.extend(index.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])));
            } else {
                let last = edges.last().map_or(0, |e| e.0);
                data.extend(
                    (0..n.div_ceil(4)).map(|w| u32::from_le_bytes(std::array::from_fn(|k| edges.get(4 * w + k).map_or(last, |e| e.0)))),
                );
            }
            children.clear();
            for &(b, g, end) in &edges {
                nodes += 1;
                let at = data.len();
                if end - g == 1 {
                    // One key below: store its value and the rest of it.
                    let rest = &key(g)[depth + 1..];
                    data.push(TAIL | tails.len() as u32);
                    tails.extend_from_slice(&vals[g].to_le_bytes());
                    tails.extend_from_slice(&(rest.len() as u16).to_le_bytes());
                    tails.extend_from_slice(rest);
                    nodes += rest.len();
                } else {
                    // The key ending at the child (sorted first) gives the
                    // child its value; the others are below the child.
                    let ends_here = key(g).len() == depth + 1;
                    data.push(0);
                    children.push((Some(at), g + usize::from(ends_here), end, if ends_here { vals[g] } else { NONE }, depth + 1));
                }
                if into.is_none() {
                    root.push((b, at));
                }
            }
            stack.extend(children.drain(..).rev());
        }
        // The root's targets, now that they are known.
        for (b, at) in root {
            first[usize::from(b)] = data[at];
        }
        Trie { data, tails, first, classes, table_words, nodes }
    }
}

impl Trie {
    /// Number of nodes (for diagnostics), counting each byte of a tail as one.
    pub fn nodes(&self) -> usize {
        self.nodes
    }

    /// Position of the target of the edge labelled `b` of the node whose
    /// block is at `o` and whose header is `h`.
    #[inline(always)]
    fn edge(&self, o: usize, h: u32, b: u8) -> Option<usize> {
        // The labels (or table) follow the header.
        let l = o + 1;
        if h & WIDE != 0 {
            // The byte's number among the labels, plus one (0: none).
            let c = self.classes[usize::from(b)];
            let k = (*self.data.get(l + usize::from(c / 4))? >> (8 * (c % 4))) & 0xff;
            return (k != 0).then(|| l + self.table_words + (k as usize - 1));
        }
        // Not wide: `n` labels, 4 to a word (64 words for the 256-edge node).
        let n = (h & 511) as usize;
        let lw = n.div_ceil(4);
        let bb = u32::from(b) * ONES;
        // The lowest zero byte of `w ^ bb` is the first label equal to `b`.
        let hit = |w: u32| {
            let x = w ^ bb;
            x.wrapping_sub(ONES) & !x & 0x8080_8080
        };
        // A narrow node has one or two words of labels (`NARROW` is 8), the
        // 256-edge one 64: the first two are tried without a loop.
        let (wi, z) = match hit(*self.data.get(l)?) {
            0 if lw == 1 => return None,
            0 => match hit(*self.data.get(l + 1)?) {
                0 if lw == 2 => return None,
                // More than two words: the node of all 256 edges (a wider
                // node than `NARROW` has a table, and 256 does not fit one),
                // whose labels are the bytes in order: edge `b` is byte `b`,
                // not found by a scan of up to 64 words (1 MB corpus:
                // 205.26M → 204.95M instructions).
                0 => {
                    debug_assert_eq!(n, 256);
                    return Some(l + lw + usize::from(b));
                }
                z => (1, z),
            },
            z => (0, z),
        };
        // The first match is a label, never the padding after the last one
        // (copies of that label): `k < n`.
        let k = wi * 4 + (z.trailing_zeros() / 8) as usize;
        debug_assert!(k < n);
        Some(l + lw + k)
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
        match self.first[usize::from(b)] {
            0 => {}
            target => self.walk(target, 0, text, f),
        }
    }

    /// Where the walk of `p` stands once its bytes are read, for
    /// [`Trie::each_prefix_from`]; none when no key starts with `p`.
    pub fn resume(&self, p: &[u8]) -> Option<Resume> {
        let &b = p.first()?;
        let mut target = match self.first[usize::from(b)] {
            0 => return None,
            t => t,
        };
        let mut i = 0;
        loop {
            let at = Resume { target, depth: i as u32 };
            if target & TAIL != 0 {
                // One key left: `p` must go on along its rest.
                let (_, rest) = self.tail((target & !TAIL) as usize)?;
                let more = p.get(i + 1..)?;
                return rest.starts_with(more).then_some(at);
            }
            let o = target as usize;
            let h = *self.data.get(o)?;
            if h & RUN != 0 {
                // A chain: `p` ends inside it (the walk resumed from its
                // node compares its bytes again), or goes through it.
                let more = p.get(i + 1..)?;
                let n = (h & 511) as usize;
                let byte = |k: usize| self.data.get(o + 1 + k / 4).map(|w| (w >> (8 * (k % 4))) as u8);
                if !more.iter().take(n).enumerate().all(|(k, &c)| byte(k) == Some(c)) {
                    return None;
                }
                if more.len() < n {
                    return Some(at);
                }
                target = *self.data.get(o + 1 + n.div_ceil(4))?;
                i += n;
                continue;
            }
            let Some(&b) = p.get(i + 1) else { return Some(at) };
            target = *self.data.get(self.edge(o, h, b)?)?;
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
    /// on (`at` holds its target).
    #[inline]
    pub fn each_prefix_from(&self, at: Resume, text: &[u8], f: impl FnMut(usize, u32)) {
        debug_assert!(!at.is_unknown());
        if at.depth < Resume::UNKNOWN.depth {
            self.walk(at.target, at.depth as usize, text, f);
        }
    }

    /// The value and the rest of a key stored in `tails` at `t`.
    #[inline(always)]
    fn tail(&self, t: usize) -> Option<(u32, &[u8])> {
        let &[v0, v1, v2, v3, l0, l1] = self.tails.get(t..t + 6)? else { return None };
        let rest = self.tails.get(t + 6..t + 6 + usize::from(u16::from_le_bytes([l0, l1])))?;
        Some((u32::from_le_bytes([v0, v1, v2, v3]), rest))
    }

    /// The walk of [`Trie::each_prefix`] from `target`, the target of the
    /// edge of byte `i` of `text`.
    #[inline(always)]
    fn walk(&self, mut target: u32, mut i: usize, text: &[u8], mut f: impl FnMut(usize, u32)) {
        loop {
            i += 1;
            if target & TAIL != 0 {
                // The one key left: all of its rest, or nothing.
                let Some((value, rest)) = self.tail((target & !TAIL) as usize) else { return };
                let len = rest.len();
                // Compared byte by byte: a tail is short and usually differs
                // early, where a slice comparison is a call to `bcmp`.
                if text.get(i..i + len).is_some_and(|text| rest.iter().zip(text).all(|(a, b)| a == b)) {
                    f(i + len, value);
                }
                return;
            }
            let o = target as usize;
            let Some(&h) = self.data.get(o) else { return };
            if h & ENDS != 0 {
                let Some(&value) = self.data.get(o.wrapping_sub(1)) else { return };
                f(i, value);
            }
            if h & RUN != 0 {
                // A chain: all of its bytes, or nothing.
                let n = (h & 511) as usize;
                let Some(t) = self.run(o, n, text, i) else { return };
                target = t;
                i += n - 1;
                continue;
            }
            let Some(&b) = text.get(i) else { return };
            let Some(j) = self.edge(o, h, b) else { return };
            let Some(&t) = self.data.get(j) else { return };
            target = t;
        }
    }

    /// The target after the chain node at `o` of `n` bytes when `text`
    /// goes on with them from `i`, compared 4 bytes at a time.
    #[inline(always)]
    fn run(&self, o: usize, n: usize, text: &[u8], i: usize) -> Option<u32> {
        let words = self.data.get(o + 1..o + 2 + n.div_ceil(4))?;
        let text = text.get(i..i + n)?;
        let (whole, part) = text.split_at(n & !3);
        for (&w, c) in words.iter().zip(whole.chunks_exact(4)) {
            if w != u32::from_le_bytes([c[0], c[1], c[2], c[3]]) {
                return None;
            }
        }
        if !part.is_empty() {
            let x = part.iter().rev().fold(0, |x, &c| x << 8 | u32::from(c));
            if *words.get(n / 4)? != x {
                return None;
            }
        }
        words.last().copied()
    }
}

/// A point of a walk through a [`Trie`] (see [`Trie::resume`]): the target
/// of the edge it stands on, and the number of bytes read before that
/// edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Resume {
    target: u32,
    depth: u32,
}

impl Resume {
    /// No key starts with the bytes walked.
    pub const NOTHING: Resume = Resume { target: 0, depth: u32::MAX };
    /// Not worked out (a value for the caller to keep): no walk was asked
    /// for yet.
    pub const UNKNOWN: Resume = Resume { target: 0, depth: u32::MAX - 1 };

    /// Whether this is [`Resume::UNKNOWN`]: its depth alone tells (a walk
    /// never stands that deep), one comparison where `==` compares the
    /// fields (the coder asks it for every token a unit may start at:
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

    /// Keys from a small alphabet (a few bytes above 127 among them),
    /// drawn by a fixed generator: shared prefixes, nodes of every width,
    /// chains and tails.
    fn random_keys(seed: u64, n: usize, alphabet: &[u8]) -> Vec<Vec<u8>> {
        let mut x = seed;
        let mut next = move || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) as usize
        };
        let mut keys: Vec<Vec<u8>> = Vec::new();
        for _ in 0..n {
            // Half the keys extend an earlier one.
            let mut k = if !keys.is_empty() && next() % 2 == 0 { keys[next() % keys.len()].clone() } else { Vec::new() };
            for _ in 0..1 + next() % 6 {
                k.push(alphabet[next() % alphabet.len()]);
            }
            keys.push(k);
        }
        keys
    }

    /// Every key that is a prefix of `text` (the smallest value of a
    /// repeated key), shortest first, by comparing every key.
    fn naive(keys: &[Vec<u8>], text: &[u8]) -> Vec<(usize, u32)> {
        let mut want: Vec<(usize, u32)> = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            if text.starts_with(k) && !want.iter().any(|w| w.0 == k.len()) {
                want.push((k.len(), i as u32));
            }
        }
        want.sort();
        want
    }

    /// The whole walk from `text` and the walks resumed after each of its
    /// prefixes find what the naive search finds (the resumed ones, the
    /// keys no shorter than the prefix; none when no key starts with it).
    fn agrees_with_naive(t: &Trie, keys: &[Vec<u8>], text: &[u8]) {
        let want = naive(keys, text);
        assert_eq!(t.prefixes(text).collect::<Vec<_>>(), want, "{text:?}");
        for n in 1..=text.len() {
            let head = &text[..n];
            let at = t.start(head);
            assert_eq!(at != Resume::NOTHING, keys.iter().any(|k| k.starts_with(head)), "{head:?}");
            let mut got = Vec::new();
            t.each_prefix_from(at, text, |len, v| got.push((len, v)));
            let longer: Vec<(usize, u32)> = want.iter().copied().filter(|&(len, _)| len >= n).collect();
            assert_eq!(got, longer, "{text:?} after {n}");
        }
    }

    #[test]
    fn matches_a_naive_search_on_random_keys() {
        // Wide alphabets (tables of bytes numbered over the wide nodes'
        // labels) and narrow ones, with the texts the keys themselves,
        // extended and cut: whole walks and walks resumed after every
        // prefix of the text agree with the naive search.
        let all: Vec<u8> = (0..=255).collect();
        let alphabets: [&[u8]; 4] = [b"ab", b"abcdefghijklmnopqrstuvwxyz '-", b"abcdefghijklmnopq\xc3\xa9\xa8 ", &all];
        for (seed, alphabet) in alphabets.iter().enumerate() {
            let keys = random_keys(seed as u64 + 1, 1500, alphabet);
            let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (k.as_slice(), i as u32)));
            for (i, k) in keys.iter().enumerate().step_by(3) {
                let mut text = k.clone();
                text.extend_from_slice(&keys[(i * 7 + 1) % keys.len()]);
                for text in [&text[..], &k[..k.len() - 1], &text[1..]] {
                    agrees_with_naive(&t, &keys, text);
                }
            }
        }
    }

    #[test]
    fn numbers_the_bytes_of_the_wide_nodes() {
        // Two wide nodes with labels of their own: every byte that labels
        // an edge of one has a number, the others none (0), and each wide
        // node finds exactly its own labels.
        let mut keys: Vec<Vec<u8>> = (b'a'..=b'l').map(|b| vec![b'x', b, b'.']).collect();
        keys.extend((b'0'..=b'9').map(|b| vec![b'y', b, b'.']));
        keys.push(b"z!".to_vec());
        let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (k.as_slice(), i as u32)));
        let numbered: Vec<u8> = (0..=255u8).filter(|&b| t.classes[usize::from(b)] != 0).collect();
        // The root's labels (x, y, z: 3 edges) are not numbered.
        assert_eq!(numbered, [b"0123456789".as_slice(), b"abcdefghijkl"].concat());
        assert_eq!(t.table_words, 23usize.div_ceil(4));
        for x in [b'x', b'y'] {
            for b in 0..=255u8 {
                let want = naive(&keys, &[x, b, b'.']);
                assert_eq!(t.prefixes(&[x, b, b'.']).collect::<Vec<_>>(), want, "{x} {b}");
            }
        }
        // Every byte used by some wide node: numbered by itself.
        let keys: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b / 32, b, b'.']).collect();
        let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (k.as_slice(), i as u32)));
        assert!((0..=255u8).all(|b| t.classes[usize::from(b)] == b) && t.table_words == 64);
        for k in &keys {
            assert_eq!(t.prefixes(k).collect::<Vec<_>>(), naive(&keys, k), "{k:?}");
        }
    }

    #[test]
    fn a_chain_is_one_node() {
        // Chains of nodes of one edge (shorter, longer than a word, longer
        // than `MAX_RUN`), keys ending inside and at their ends: whole and
        // resumed walks agree with the naive search, and a chain takes a
        // few words, not three per byte.
        let long = "x".repeat(2 * MAX_RUN + 88);
        let mut keys: Vec<Vec<u8>> = ["president of france", "president of frank", "president", "pr", "prime minister", "de la"]
            .map(|k| k.as_bytes().to_vec())
            .to_vec();
        keys.extend([format!("{long}a"), format!("{long}b"), format!("{long}abcdefgh"), format!("{long}abcdefgi")].map(String::into_bytes));
        let t = Trie::new(keys.iter().enumerate().map(|(i, k)| (k.as_slice(), i as u32)));
        assert!(t.data.len() < 400, "{} words", t.data.len());
        assert_eq!(t.nodes(), 1 + keys.iter().flat_map(|k| (1..=k.len()).map(|n| &k[..n])).collect::<std::collections::HashSet<_>>().len());
        let mut texts: Vec<Vec<u8>> = keys.iter().map(|k| [k.as_slice(), b" y"].concat()).collect();
        texts.extend(["president of fra", "presidents", "pr", "p", "prime", "de lb"].map(|k| k.as_bytes().to_vec()));
        texts.push(format!("{long}ab").into_bytes());
        texts.push(format!("{}y", &long[..MAX_RUN + 3]).into_bytes());
        for text in &texts {
            agrees_with_naive(&t, &keys, text);
        }
    }
}
