//! Codes a generated corpus once on one thread and nothing else: the
//! program to profile the coder with (`docs/performance.md`, "Profiling").
//!
//! ```sh
//! cargo build --release -p dyad-bench --example code_only
//! target/release/examples/code_only 2 1          # MB, seed
//! valgrind --tool=callgrind --collect-atstart=no \
//!   --toggle-collect='dyad_bench::measure::code_all' \
//!   target/release/examples/code_only 1 1
//! ```
//!
//! Start-up and generation are outside `code_all`, so callgrind's total is
//! the instructions of coding and serialising alone. The toggle names
//! `code_all` exactly: with a trailing `*` it would also match the sink
//! closure `code_all::{{closure}}`, and entering the closure would switch
//! counting off, leaving serialisation out. The count is the same for the same
//! binary and corpus whatever else the machine runs, which makes A/B
//! comparisons of two builds exact where timings are noisy.

use dyad_bench::corpus::generate;
use dyad_bench::measure::code_all;
use dyad_coder::{Options, Pipeline};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mb: f64 = args.next().as_deref().unwrap_or("2").parse()?;
    let seed: u64 = args.next().as_deref().unwrap_or("1").parse()?;
    let pipeline = Pipeline::new()?;
    pipeline.warm()?;
    let corpus = generate(seed, (mb * 1e6) as usize)?;
    let t = Instant::now();
    let events = code_all(&pipeline, &corpus.articles, &Options::default())?;
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} sentences, {} bytes, {events} events in {s:.3} s: {:.0} sentences/s, {:.2} MB/s",
        corpus.sentences,
        corpus.bytes,
        corpus.sentences as f64 / s,
        corpus.bytes as f64 / 1e6 / s
    );
    Ok(())
}
