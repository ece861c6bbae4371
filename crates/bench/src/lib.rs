//! `dyad-bench`: the measuring tools of `dyad bench`.
//!
//! - [`corpus`]: a seeded generator of French and English wire-copy-like
//!   articles of any size, built from hand-written sentence structures and
//!   the actors of the bundled data; no two sentences alike, the sentence
//!   count kept by the generator;
//! - [`measure`]: one benchmark run (start-up, end to end on one and on N
//!   threads, a bare multi-pattern automaton over the same folded text as the
//!   baseline, peak memory), as a serialisable [`measure::Report`].
//!
//! The library needs nothing outside the repository: the generator reads only
//! the data compiled into `dyad-kb` and `dyad-dict`.
//!
//! ```no_run
//! let corpus = dyad_bench::corpus::generate(7, 1_000_000).expect("bundled data");
//! println!("{} sentences in {} bytes", corpus.sentences, corpus.bytes);
//! ```

pub mod corpus;
pub mod measure;

/// The one error type of `dyad-bench`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BenchError {
    /// The coder or its bundled data (knowledge base, language packs,
    /// language rules, whose errors it wraps) failed to load, or coding failed.
    #[error(transparent)]
    Coder(#[from] dyad_coder::CoderError),
    /// The bundled data gives the generator too little to vary.
    #[error("corpus vocabulary: {0}")]
    Vocabulary(String),
    /// A bad setting (size, threads).
    #[error("{0}")]
    Config(String),
    /// A baseline automaton could not be built.
    #[error("baseline automaton: {0}")]
    Baseline(String),
    /// Two runs that must agree did not.
    #[error("runs disagree: {0}")]
    Mismatch(String),
    /// A coding thread panicked.
    #[error("a coding thread panicked")]
    Thread,
    /// Writing the serialised events failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}
