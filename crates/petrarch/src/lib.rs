//! `dyad-petrarch`: PETRARCH-format dictionaries in dyad.
//!
//! PETRARCH2 and TABARI users own years of dictionaries. This crate
//!
//! - **reads** a directory of them ([`Dictionaries::load`]): verb blocks,
//!   patterns and synonym sets, actors with date-restricted codes, agents,
//!   discards and the internal coding ontology, recognised by file name; a
//!   malformed line is an error naming `file:line` (the line is skipped, the
//!   rest loads), a construct dyad does not use a warning reported once;
//! - **codes** English text with them ([`Coder`]), with PETRARCH's semantics
//!   (patterns with source/target slots, compound codes, negation through
//!   the ontology, dated actor codes) over positional heuristics instead of
//!   a parser;
//! - **converts** them to dyad's own dictionary format ([`convert`]).
//!
//! ```
//! use dyad_petrarch::{Coder, Dictionaries, FileKind};
//! let verbs = "--- MEET [040:040] ---\nMEET {MEETS MET MEETING}\n";
//! let actors = "ARNOR [ARN]\nGONDOR [GON]\n";
//! let (dicts, warnings) =
//!     Dictionaries::from_sources(&[(FileKind::Verbs, "v.txt", verbs), (FileKind::Actors, "a.txt", actors)]).unwrap();
//! assert!(warnings.is_empty());
//! let coder = Coder::new(&dicts);
//! let date = "1995-01-01".parse().unwrap();
//! let evs = coder.code_sentence("Arnor met Gondor on Monday.", date);
//! let triples: Vec<_> = evs.iter().map(|e| (e.source.as_str(), e.target.as_str(), e.code.as_str())).collect();
//! assert_eq!(triples, [("ARN", "GON", "040"), ("GON", "ARN", "040")]);
//! ```

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod actors;
pub mod agents;
mod coder;
pub mod convert;
pub mod diag;
mod dicts;
pub mod discards;
pub mod ontology;
pub mod verbs;
pub mod words;

pub use coder::{code_info, CodeInfo, Coded, Coder, Found};
pub use diag::{Diagnostic, Severity};
pub use dicts::{kind_of, CodeStatus, Dictionaries, FileKind};

use std::path::PathBuf;

/// The one error type of `dyad-petrarch`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PetrarchError {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A required dictionary is absent from the directory.
    #[error("no {0} in the directory")]
    Missing(&'static str),
    /// An article has no date in its record or dateline, and none was given.
    #[error("no date for the article: give one in the record, or with --date")]
    NoDate,
}
