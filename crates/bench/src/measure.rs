//! `dyad bench`: one run, every figure of issue 5.
//!
//! 1. start-up: [`Pipeline::new`] + [`Pipeline::warm`] (every bundled
//!    dictionary of both languages, automata compiled);
//! 2. the corpus is generated in memory (not timed);
//! 3. end to end on one thread, then on `threads` threads (articles split in
//!    contiguous, equal-byte shares, `std::thread::scope`, the one shared
//!    `Pipeline`): raw text in, every event serialised as JSON into a
//!    buffered `std::io::sink()`; both runs must find the same events;
//! 4. peak RSS so far (`VmHWM`): start-up, corpus and coding;
//! 5. the baseline: the text dyad scans (each non-boilerplate sentence,
//!    folded, as [`Pipeline::code`] folds it), joined with newlines per
//!    language, scanned with overlapping standard matching by a bare
//!    automaton of the same keys as dyad's ([`Matcher::scanned_keys`]),
//!    built with `daachorse` and with `aho-corasick`; best of
//!    [`BASELINE_RUNS`] scans each, the faster library is the baseline.
//!
//! Every MB/s divides the same input text bytes (10^6 bytes) by a time, so
//! `baseline_ratio` (dyad MB/s ÷ baseline MB/s) is the baseline's time over
//! dyad's.
//!
//! [`Matcher::scanned_keys`]: dyad_coder::lexicon::Matcher::scanned_keys

use crate::corpus::{generate_with, Corpus};
use crate::BenchError;
use dyad_coder::{Options, Pipeline};
use dyad_core::Article;
use serde::Serialize;
use std::io::Write;
use std::time::{Duration, Instant};

/// Scans of the baseline per library; the best is kept.
pub const BASELINE_RUNS: usize = 3;

/// What to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Corpus size in MB (10^6 bytes of article text).
    pub size_mb: f64,
    /// Threads of the second run (the first uses one).
    pub threads: usize,
    /// Seed of the corpus generator.
    pub seed: u64,
}

/// Every figure of one run (the `--json` object).
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Seed of the corpus.
    pub seed: u64,
    /// Requested size (MB).
    pub size_mb: f64,
    /// Bytes of article text generated.
    pub corpus_bytes: usize,
    /// Articles generated (French and English alternating).
    pub articles: usize,
    /// Sentences written by the generator.
    pub sentences: usize,
    /// Seconds to generate the corpus (not part of any rate).
    pub generate_s: f64,
    /// Start-up: `Pipeline::new` + `warm` for fr and en (ms).
    pub startup_ms: f64,
    /// Resident memory after start-up (MB, 10^6 bytes).
    pub startup_rss_mb: Option<f64>,
    /// Events coded (same on every run).
    pub events: usize,
    /// One thread: seconds of coding and serialising.
    pub seconds: f64,
    /// One thread: generator sentences per second.
    pub sentences_per_s: f64,
    /// One thread: MB of input text per second.
    pub mb_per_s: f64,
    /// One thread: events per second.
    pub events_per_s: f64,
    /// One thread: CPU seconds the process used (user + system); near
    /// `seconds` when the core was not shared.
    pub cpu_s: Option<f64>,
    /// Threads of the second run.
    pub threads: usize,
    /// `threads` threads: seconds.
    pub threads_seconds: f64,
    /// `threads` threads: sentences per second.
    pub threads_sentences_per_s: f64,
    /// `threads` threads: MB per second.
    pub threads_mb_per_s: f64,
    /// `threads` threads: events per second.
    pub threads_events_per_s: f64,
    /// `threads` threads: CPU seconds (user + system); near
    /// `threads × threads_seconds` when every thread had a core of its own,
    /// lower when other processes shared the cores.
    pub threads_cpu_s: Option<f64>,
    /// `threads` threads' throughput over one thread's.
    pub threads_speedup: f64,
    /// Keys in the baseline automata (both languages).
    pub baseline_keys: usize,
    /// Bytes of folded text the baseline scans (and dyad's automaton scans).
    pub folded_bytes: usize,
    /// Overlapping matches found by the baseline (both libraries agree).
    pub baseline_matches: usize,
    /// `daachorse` scan: input MB per second.
    pub daachorse_mb_per_s: f64,
    /// `aho-corasick` scan: input MB per second.
    pub aho_corasick_mb_per_s: f64,
    /// The faster of the two: "daachorse" or "aho-corasick".
    pub baseline: &'static str,
    /// The faster scan's MB per second.
    pub baseline_mb_per_s: f64,
    /// `mb_per_s / baseline_mb_per_s`.
    pub baseline_ratio: f64,
    /// Peak resident memory (VmHWM, MB) after the coding runs: start-up,
    /// the corpus in memory and coding, not the baseline's buffers.
    pub peak_rss_mb: Option<f64>,
}

/// Reads a `kB` field of `/proc/self/status` as MB (10^6 bytes); `None`
/// where there is no such file (not Linux).
pub fn proc_status_mb(field: &str) -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line[field.len()..].trim_start_matches(':').trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024.0 / 1e6)
}

/// CPU seconds (user + system) this process has used, from
/// `/proc/self/stat`; `None` where there is no such file.
pub fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): state is
    // field 3, utime and stime are fields 14 and 15, in clock ticks.
    let rest = &s[s.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    // Linux reports these in USER_HZ, 100 on every mainstream configuration.
    Some(ticks / 100.0)
}

/// Bytes of the buffer [`code_all`] writes its events into: 8 KiB, what
/// `dyad code` writes its lines through (`std::io::BufWriter`'s default).
/// (It was 64 KiB: 1 MB corpus, 104.2k → 102.0k misses of a simulated
/// 2 MiB cache; the L1d write misses, ≈63k, stay, as the coding between
/// two events evicts the buffer's lines either way.)
const SINK_BUF: usize = 8 * 1024;

/// Bytes of JSON the sink of [`code_all`] is handed at a time (at least:
/// the buffer is handed over once it holds this many bytes; an event line
/// longer than the 1 KiB left makes it grow, once).
const SINK_AT: usize = SINK_BUF - 1024;

/// Codes `articles` and serialises every event as JSON into a sink, as
/// `dyad code --format jsonl` does (one line per event, by
/// [`Event::write_json`](dyad_core::Event::write_json), the bytes
/// `serde_json` would write); returns the number of events.
///
/// Each event is written straight into the buffer the sink is then handed
/// (as a `BufWriter` of 8 KiB would hand it), not into a line
/// copied into a `BufWriter` (1 MB corpus: −0.6M instructions, the copy of
/// each line).
pub fn code_all(p: &Pipeline, articles: &[Article], opts: &Options) -> Result<usize, BenchError> {
    let mut out = std::io::sink();
    let mut buf = Vec::with_capacity(SINK_BUF);
    let mut events = 0;
    let mut err: Option<std::io::Error> = None;
    for a in articles {
        p.code_into(a, opts, &mut |e| {
            events += 1;
            e.write_json(&mut buf);
            buf.push(b'\n');
            if buf.len() >= SINK_AT {
                if let Err(e) = out.write_all(&buf) {
                    err.get_or_insert(e);
                }
                buf.clear();
            }
        })?;
    }
    if let Some(e) = err {
        return Err(BenchError::Io(e));
    }
    out.write_all(&buf)?;
    out.flush()?;
    Ok(events)
}

/// Splits `articles` into `n` contiguous shares of about equal bytes.
fn shares(articles: &[Article], n: usize) -> Vec<&[Article]> {
    let total: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut out = Vec::with_capacity(n);
    let (mut start, mut acc) = (0, 0);
    for (i, a) in articles.iter().enumerate() {
        acc += a.text.len();
        if out.len() + 1 < n && acc * n >= total * (out.len() + 1) {
            out.push(&articles[start..=i]);
            start = i + 1;
        }
    }
    out.push(&articles[start..]);
    out
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// Runs everything; `progress` gets a line before each long phase.
pub fn run(cfg: &Config, progress: &mut dyn FnMut(&str)) -> Result<Report, BenchError> {
    if !(cfg.size_mb.is_finite() && cfg.size_mb > 0.0) {
        return Err(BenchError::Config(format!("--size must be a positive number of MB, not {}", cfg.size_mb)));
    }
    if cfg.threads == 0 {
        return Err(BenchError::Config("--threads must be at least 1".into()));
    }
    fn assert_sync<T: Sync>() {}
    assert_sync::<Pipeline>();

    progress("start-up: loading every bundled dictionary, compiling the fr and en automata");
    let t = Instant::now();
    let pipeline = Pipeline::new()?;
    pipeline.warm()?;
    let startup = t.elapsed();
    let startup_rss_mb = proc_status_mb("VmRSS");

    let bytes = (cfg.size_mb * 1e6).ceil() as usize;
    progress(&format!("generating {:.1} MB of French and English articles (seed {})", bytes as f64 / 1e6, cfg.seed));
    let t = Instant::now();
    let mut next = bytes / 10;
    let corpus: Corpus = generate_with(cfg.seed, bytes, &mut |_| {}, &mut |done| {
        if done >= next && bytes >= 20_000_000 {
            progress(&format!("  generated {:.0} MB", done as f64 / 1e6));
            next += bytes / 10;
        }
    })?;
    let generate_s = t.elapsed().as_secs_f64();
    progress(&format!(
        "corpus: {} articles, {} sentences, {} bytes in {generate_s:.1} s",
        corpus.articles.len(),
        corpus.sentences,
        corpus.bytes
    ));

    let opts = Options::default();
    progress("coding on 1 thread");
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let events = code_all(&pipeline, &corpus.articles, &opts)?;
    let one = t.elapsed();
    let cpu1 = cpu_seconds();
    progress(&format!("  {:.1} s, {:.2} MB/s, {events} events", one.as_secs_f64(), mb_per_s(corpus.bytes, one)));

    progress(&format!("coding on {} threads", cfg.threads));
    let t = Instant::now();
    let results: Vec<Result<usize, BenchError>> = std::thread::scope(|s| {
        let handles: Vec<_> =
            shares(&corpus.articles, cfg.threads).into_iter().map(|part| s.spawn(|| code_all(&pipeline, part, &opts))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or(Err(BenchError::Thread))).collect()
    });
    let many = t.elapsed();
    let cpu2 = cpu_seconds();
    let mut events_many = 0;
    for r in results {
        events_many += r?;
    }
    if events_many != events {
        return Err(BenchError::Mismatch(format!("1 thread coded {events} events, {} threads {events_many}", cfg.threads)));
    }
    progress(&format!("  {:.1} s, {:.2} MB/s", many.as_secs_f64(), mb_per_s(corpus.bytes, many)));
    let peak_rss_mb = proc_status_mb("VmHWM");

    progress("baseline: folding the sentences dyad scans, building the bare automata");
    let base = baseline(&pipeline, &corpus, progress)?;

    let mbs = mb_per_s(corpus.bytes, one);
    let (baseline, baseline_mb_per_s) =
        if base.daachorse >= base.aho_corasick { ("daachorse", base.daachorse) } else { ("aho-corasick", base.aho_corasick) };
    let secs = one.as_secs_f64();
    let secs_many = many.as_secs_f64();
    Ok(Report {
        seed: cfg.seed,
        size_mb: cfg.size_mb,
        corpus_bytes: corpus.bytes,
        articles: corpus.articles.len(),
        sentences: corpus.sentences,
        generate_s,
        startup_ms: startup.as_secs_f64() * 1e3,
        startup_rss_mb,
        events,
        seconds: secs,
        sentences_per_s: corpus.sentences as f64 / secs,
        mb_per_s: mbs,
        events_per_s: events as f64 / secs,
        cpu_s: cpu0.zip(cpu1).map(|(a, b)| b - a),
        threads: cfg.threads,
        threads_cpu_s: cpu1.zip(cpu2).map(|(a, b)| b - a),
        threads_seconds: secs_many,
        threads_sentences_per_s: corpus.sentences as f64 / secs_many,
        threads_mb_per_s: mb_per_s(corpus.bytes, many),
        threads_events_per_s: events as f64 / secs_many,
        threads_speedup: secs / secs_many,
        baseline_keys: base.keys,
        folded_bytes: base.folded_bytes,
        baseline_matches: base.matches,
        daachorse_mb_per_s: base.daachorse,
        aho_corasick_mb_per_s: base.aho_corasick,
        baseline,
        baseline_mb_per_s,
        baseline_ratio: mbs / baseline_mb_per_s,
        peak_rss_mb,
    })
}

struct Baseline {
    keys: usize,
    folded_bytes: usize,
    matches: usize,
    daachorse: f64,
    aho_corasick: f64,
}

/// Folds what dyad scans, per language, and times both bare automata on it.
fn baseline(p: &Pipeline, corpus: &Corpus, progress: &mut dyn FnMut(&str)) -> Result<Baseline, BenchError> {
    let (mut d_time, mut a_time) = (Duration::ZERO, Duration::ZERO);
    let (mut keys, mut folded_bytes, mut matches) = (0, 0, 0);
    for lang in ["fr", "en"] {
        let m = p.matcher(lang)?;
        let tl: dyad_text::Lang = lang.parse().map_err(|_| BenchError::Config(format!("language {lang}")))?;
        let rules = dyad_text::try_rules(tl).map_err(dyad_coder::CoderError::from)?;
        let mut text = String::new();
        for a in corpus.articles.iter().filter(|a| a.lang.as_deref() == Some(lang)) {
            for r in dyad_text::sentences(&a.text, rules) {
                let sent = &a.text[r];
                if dyad_text::is_boilerplate(sent, rules) {
                    continue;
                }
                text.push_str(&dyad_text::Folded::new(sent).text);
                text.push('\n');
            }
        }
        folded_bytes += text.len();
        let mut k: Vec<&str> = m.scanned_keys().map(|(k, _)| k).collect();
        k.sort_unstable();
        keys += k.len();
        let t = Instant::now();
        let da: daachorse::DoubleArrayAhoCorasick<u32> = daachorse::DoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::Standard)
            .build(&k)
            .map_err(|e| BenchError::Baseline(format!("daachorse: {e}")))?;
        let da_build = t.elapsed();
        let t = Instant::now();
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&k)
            .map_err(|e| BenchError::Baseline(format!("aho-corasick: {e}")))?;
        let ac_build = t.elapsed();
        progress(&format!(
            "  {lang}: {} keys, {:.1} MB folded; built daachorse in {:.2} s, aho-corasick ({:?}) in {:.2} s",
            k.len(),
            text.len() as f64 / 1e6,
            da_build.as_secs_f64(),
            ac.kind(),
            ac_build.as_secs_f64()
        ));
        let (mut best_d, mut best_a) = (Duration::MAX, Duration::MAX);
        let (mut n_d, mut n_a) = (0, 0);
        for _ in 0..BASELINE_RUNS {
            let t = Instant::now();
            n_d = std::hint::black_box(da.find_overlapping_iter(text.as_bytes()).count());
            best_d = best_d.min(t.elapsed());
            let t = Instant::now();
            n_a = std::hint::black_box(ac.find_overlapping_iter(text.as_bytes()).count());
            best_a = best_a.min(t.elapsed());
        }
        if n_d != n_a {
            return Err(BenchError::Mismatch(format!("{lang}: daachorse found {n_d} matches, aho-corasick {n_a}")));
        }
        matches += n_d;
        d_time += best_d;
        a_time += best_a;
    }
    Ok(Baseline { keys, folded_bytes, matches, daachorse: mb_per_s(corpus.bytes, d_time), aho_corasick: mb_per_s(corpus.bytes, a_time) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(n: usize) -> Article {
        Article { text: "x".repeat(n), ..Article::default() }
    }

    #[test]
    fn shares_cover_every_article_once_in_order() {
        let arts: Vec<Article> = (1..=9).map(art).collect();
        for n in 1..=4 {
            let parts = shares(&arts, n);
            assert_eq!(parts.len(), n);
            let lens: Vec<usize> = parts.iter().flat_map(|p| p.iter().map(|a| a.text.len())).collect();
            assert_eq!(lens, (1..=9).collect::<Vec<_>>());
        }
        let parts = shares(&arts, 2);
        let bytes: Vec<usize> = parts.iter().map(|p| p.iter().map(|a| a.text.len()).sum()).collect();
        assert_eq!(bytes, vec![28, 17]);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn cpu_time_and_memory_are_read_from_proc() {
        // Spin until the process has used 50 ms of CPU, however busy the
        // machine (a fixed wall-clock spin got 0.04 s of CPU on 2 loaded
        // cores); the counter must get there well within the cap.
        let before = cpu_seconds().expect("/proc/self/stat");
        let mut x = 0u64;
        let t = Instant::now();
        let mut after = before;
        while after - before < 0.05 && t.elapsed() < Duration::from_secs(20) {
            for _ in 0..100_000 {
                x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
            }
            after = cpu_seconds().expect("/proc/self/stat");
        }
        assert!(after - before >= 0.05, "{:?} of spinning counted as {} s of CPU", t.elapsed(), after - before);
        let hwm = proc_status_mb("VmHWM").expect("VmHWM");
        let rss = proc_status_mb("VmRSS").expect("VmRSS");
        // The kernel updates VmHWM lazily, so it can trail VmRSS a little.
        assert!(hwm > 0.5 && rss > 0.5 && hwm >= rss * 0.5, "VmHWM {hwm} MB, VmRSS {rss} MB");
    }

    #[test]
    fn a_bad_size_is_an_error() {
        let cfg = Config { size_mb: 0.0, threads: 2, seed: 1 };
        assert!(matches!(run(&cfg, &mut |_| {}), Err(BenchError::Config(_))));
        let cfg = Config { size_mb: 1.0, threads: 0, seed: 1 };
        assert!(matches!(run(&cfg, &mut |_| {}), Err(BenchError::Config(_))));
    }
}
