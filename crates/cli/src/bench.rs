//! `dyad bench`: throughput on a generated corpus (see docs/performance.md).

use anyhow::{Context as _, Result};
use clap::Args;
use dyad_bench::measure::{run, Config, Report};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `dyad bench`.
#[derive(Args)]
pub struct BenchArgs {
    /// Corpus size in MB (10^6 bytes of text; fractions allowed).
    #[arg(long, default_value_t = 50.0, value_name = "MB")]
    size: f64,
    /// Threads of the multi-threaded run (the first run uses one).
    #[arg(long, default_value_t = 2, value_name = "N")]
    threads: usize,
    /// Seed of the corpus generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Also write the generated corpus as JSONL records to FILE (not timed).
    #[arg(long, value_name = "FILE")]
    save: Option<String>,
}

pub fn run_bench(args: BenchArgs) -> Result<ExitCode> {
    let cfg = Config { size_mb: args.size, threads: args.threads, seed: args.seed };
    if let Some(path) = &args.save {
        let bytes = (cfg.size_mb.max(0.0) * 1e6).ceil() as usize;
        let corpus = dyad_bench::corpus::generate(cfg.seed, bytes).context("generating the corpus")?;
        let f = std::fs::File::create(path).with_context(|| format!("creating {path}"))?;
        let mut w = std::io::BufWriter::new(f);
        corpus.write_jsonl(&mut w).and_then(|()| w.flush()).with_context(|| format!("writing {path}"))?;
        eprintln!("dyad bench: wrote {} articles, {} sentences to {path}", corpus.articles.len(), corpus.sentences);
    }
    let report = run(&cfg, &mut |line| eprintln!("dyad bench: {line}")).context("benchmark")?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        table(&mut out, &report)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn table(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    let mb = r.corpus_bytes as f64 / 1e6;
    writeln!(out, "corpus      {mb:.1} MB, {} articles, {} sentences (seed {})", r.articles, r.sentences, r.seed)?;
    let opt = |v: Option<f64>| v.map_or("n/a".to_string(), |v| format!("{v:.0} MB"));
    writeln!(out, "start-up    {:.0} ms (fr + en, every bundled dictionary), RSS {}", r.startup_ms, opt(r.startup_rss_mb))?;
    writeln!(out, "            sentences/s    MB/s   events/s   seconds")?;
    for (label, s, m, e, t) in [
        ("1 thread".to_string(), r.sentences_per_s, r.mb_per_s, r.events_per_s, r.seconds),
        (format!("{} threads", r.threads), r.threads_sentences_per_s, r.threads_mb_per_s, r.threads_events_per_s, r.threads_seconds),
    ] {
        writeln!(out, "{label:<11} {s:>11.0} {m:>7.2} {e:>10.0} {t:>9.2}")?;
    }
    writeln!(out, "speed-up    {:.2}x on {} threads ({} events each run)", r.threads_speedup, r.threads, r.events)?;
    let cpu = |c: Option<f64>, wall: f64| c.map_or("n/a".to_string(), |c| format!("{c:.1} s ({:.2} cores)", c / wall));
    writeln!(out, "CPU         1 thread {}, {} threads {}", cpu(r.cpu_s, r.seconds), r.threads, cpu(r.threads_cpu_s, r.threads_seconds))?;
    writeln!(
        out,
        "baseline    {} {:.0} MB/s (daachorse {:.0}, aho-corasick {:.0}; {} keys, {} matches)",
        r.baseline, r.baseline_mb_per_s, r.daachorse_mb_per_s, r.aho_corasick_mb_per_s, r.baseline_keys, r.baseline_matches
    )?;
    writeln!(out, "ratio       {:.4} (dyad 1-thread MB/s / baseline MB/s)", r.baseline_ratio)?;
    writeln!(out, "peak RSS    {} (with the corpus in memory)", opt(r.peak_rss_mb))
}
