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
pub use event::{Actor, Article, Event, EventId, Evidence, Location, Mention, MentionKind, Span, TitleCheck};

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
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
