//! `dyad-core`: the small, I/O-free vocabulary every dyad stage shares.
//!
//! A raw [`Article`] flows through the pipeline (`dyad-text` → `dyad-coder`) and
//! comes out as [`Event`]s: *who* ([`Actor`]) did *what* (a [`CameoCode`]) to
//! *whom*, *when* ([`Date`]), *where* ([`Location`]), *according to whom*
//! (`attribution`), with the [`Evidence`] span it was read from.
//!
//! The CAMEO codebook (312 codes of CAMEO 1.1b3, with Goldstein values and
//! QuadClass) is compiled into this crate from `data/cameo/codebook.tsv`, so an
//! event code is valid by construction:
//!
//! ```
//! let book = dyad_core::codebook();
//! let c = book.get("041").expect("041 is in CAMEO");
//! assert_eq!(c.root, "04");
//! assert_eq!(c.quad, 1);
//! assert!(book.get("999").is_none());
//! ```

mod codebook;
mod date;
mod event;
mod json;
pub mod tsv;

pub use codebook::{codebook, CameoCode, Codebook};
pub use date::Date;
pub use event::{Actor, ActorCode, Article, Event, EventId, Evidence, Location, Mention, MentionKind, Span, TitleCheck};

/// The one error type of `dyad-core`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CoreError {
    /// A date string is not `YYYY-MM-DD` or names an impossible day.
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    BadDate(String),
    /// The bundled codebook file is malformed.
    #[error("data/cameo/codebook.tsv:{line}: {what} (regenerate it with `python3 tools/gen_reference.py`)")]
    Codebook {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        what: String,
    },
    /// A malformed row or header in a data file.
    #[error("{file}:{line}: {what}")]
    Data {
        /// The data file, as named in `data/`.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong and how to fix it.
        what: String,
    },
    /// A code that the CAMEO codebook does not define.
    #[error("unknown CAMEO event code {0:?}")]
    UnknownCode(String),
}

/// FNV-1a, 64 bits, over `parts` (each followed by a separator byte): stable
/// across runs, platforms and Rust versions, for event and document ids.
///
/// ```
/// assert_eq!(dyad_core::fnv(&[b"a", b"b"]), dyad_core::fnv(&[b"a", b"b"]));
/// assert_ne!(dyad_core::fnv(&[b"ab"]), dyad_core::fnv(&[b"a", b"b"]));
/// ```
pub fn fnv(parts: &[&[u8]]) -> u64 {
    parts.iter().fold(Fnv::new(), |h, p| h.part(p)).finish()
}

/// [`fnv`] taken part by part: a state that hashed some parts can be kept
/// and go on with different rest (the coder hashes an article's id once
/// for all its events).
///
/// ```
/// use dyad_core::{fnv, Fnv};
/// let doc = Fnv::new().part(b"a");
/// assert_eq!(doc.part(b"b").finish(), fnv(&[b"a", b"b"]));
/// assert_eq!(doc.part(b"c").finish(), fnv(&[b"a", b"c"]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fnv(u64);

const FNV_PRIME: u64 = 0x0100_0000_01b3;

impl Fnv {
    /// The state before any part.
    pub const fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// The state after `p` and its separator byte. Four bytes a turn of
    /// the loop (the same multiplications, fewer loop tests).
    #[must_use]
    pub fn part(self, p: &[u8]) -> Fnv {
        let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        let mut quads = p.chunks_exact(4);
        let mut h = quads.by_ref().fold(self.0, |h, q| step(step(step(step(h, q[0]), q[1]), q[2]), q[3]));
        h = quads.remainder().iter().fold(h, |h, &b| step(h, b));
        Fnv(step(h, 0xff))
    }

    /// The hash of the parts so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

#[cfg(test)]
mod fnv_tests {
    use super::*;

    /// FNV-1a byte by byte, as written before [`Fnv`].
    fn simple(parts: &[&[u8]]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for p in parts {
            for &b in *p {
                h ^= u64::from(b);
                h = h.wrapping_mul(FNV_PRIME);
            }
            h ^= 0xff;
            h = h.wrapping_mul(FNV_PRIME);
        }
        h
    }

    #[test]
    fn part_by_part_is_the_byte_by_byte_hash() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..64u8).map(|i| i.wrapping_mul(7))).collect();
        for a in 0..20 {
            for b in 0..20 {
                let (x, y) = (&bytes[a * 3..a * 4], &bytes[100 + b..100 + 3 * b]);
                assert_eq!(fnv(&[x, y]), simple(&[x, y]));
                assert_eq!(Fnv::new().part(x).part(y).finish(), simple(&[x, y]));
                assert_eq!(fnv(&[y]), simple(&[y]));
            }
        }
        assert_eq!(fnv(&[]), simple(&[]));
        assert_eq!(Fnv::default(), Fnv::new());
        assert_eq!(fnv(&[&bytes]), simple(&[&bytes]));
    }
}
