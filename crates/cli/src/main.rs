//! `dyad`: political event coding from raw news text.

mod actor;
mod bench;
mod input;
mod petrarch;

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};
use dyad_coder::{CoderError, Options, Pipeline};
use dyad_core::{Date, Event};
use std::io::Write;
use std::process::ExitCode;

/// Reads news in French and English and writes who did what to whom, when,
/// where and according to whom, as CAMEO-coded events.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles into CAMEO events (one JSON object per event on stdout).
    ///
    /// FILE is a .txt article (first line = title), an .html page, or a .jsonl
    /// file of records {"id", "text", optional "date", "lang", "title",
    /// "source", "url"}; `-` reads stdin (JSONL when it starts with `{`).
    ///
    /// Exit status: 0 when every record was coded, 1 when some were skipped
    /// (summary on stderr), 2 on usage errors.
    ///
    /// Example: dyad code examples/fr/moscou-teheran.txt
    Code {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Language of the articles: auto (metadata, else identification), fr or en.
        #[arg(long, default_value = "auto")]
        lang: String,
        /// Date for articles with none in their record or dateline (YYYY-MM-DD);
        /// defaults to today.
        #[arg(long)]
        date: Option<String>,
        /// Country for role nouns that name none ("le ministre de l'Éducation"),
        /// e.g. FRA; `none` leaves them uncoded. Default: the dateline's
        /// country, else FRA for French and none for English.
        #[arg(long, value_name = "CODE")]
        home: Option<String>,
        /// Explain on stderr what was matched in each sentence (units, actor groups).
        #[arg(long)]
        explain: bool,
        /// Print a progress line on stderr every N articles (0 = never).
        #[arg(long, default_value_t = 0)]
        progress: usize,
        /// Code with the PETRARCH-format dictionaries of DIR (verbs, actors,
        /// agents, discards, ontology; see docs/petrarch.md) instead of the
        /// bundled English pack and knowledge base.
        #[arg(long, value_name = "DIR")]
        petrarch_dicts: Option<std::path::PathBuf>,
        /// Input files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// List or search the CAMEO event codebook.
    ///
    /// Example: dyad codes telephone
    Codes {
        /// A code prefix ("04") or words of the name ("telephone").
        query: Option<String>,
    },
    /// Look up a person's roles and actor code on a date; --stats, --check.
    ///
    /// Exit status: 0 on success, 1 when no person matches (or --check finds
    /// more problems than --max), 2 on usage errors.
    ///
    /// Example: dyad actor Choïgou --on 2024-05-12
    Actor(actor::ActorArgs),
    /// Measure throughput on a generated corpus: sentences/s, MB/s and
    /// events/s on 1 and N threads, a bare-automaton baseline, start-up, peak RSS.
    ///
    /// Example: dyad bench --size 50 --json
    Bench(bench::BenchArgs),
    /// Dictionary tools: convert PETRARCH dictionaries to dyad's format.
    #[command(subcommand)]
    Dict(DictCommand),
}

#[derive(Subcommand)]
enum DictCommand {
    /// Convert a directory of dictionaries to dyad's own format (with a
    /// report of what could not be expressed).
    ///
    /// Example: dyad dict convert --from petrarch ../petrarch2 --to /tmp/pe
    Convert {
        /// Format of the input dictionaries (only `petrarch`).
        #[arg(long, value_name = "FORMAT")]
        from: String,
        /// Directory of the input dictionaries.
        #[arg(value_name = "DIR")]
        dir: std::path::PathBuf,
        /// Output directory (created; existing files are replaced).
        #[arg(long, value_name = "OUT")]
        to: std::path::PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    /// One JSON object per event (the documented schema).
    Jsonl,
    /// Tab-separated: doc date code root source target source_text target_text attribution start end.
    Tsv,
}

fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    Date::from_days((secs / 86_400) as i64)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let usage = e.use_stderr();
            let _ = e.print();
            return if usage { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Codes { query } => {
            let q = query.unwrap_or_default().to_lowercase();
            let mut out = std::io::stdout().lock();
            for c in dyad_core::codebook().iter() {
                if q.is_empty() || c.code.starts_with(&q) || c.name.to_lowercase().contains(&q) {
                    writeln!(out, "{}\t{}\t{}\t{:+.1}\t{}", c.code, c.root, c.quad, c.goldstein, c.name)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Actor(args) => actor::run(args, today()),
        Command::Bench(args) => bench::run_bench(args),
        Command::Code { format, lang: _, date, home: _, explain, progress, petrarch_dicts: Some(dir), files } => {
            petrarch::code(&dir, format, date.as_deref(), explain, progress, &files)
        }
        Command::Code { format, lang, date, home, explain, progress, petrarch_dicts: None, files } => {
            code(format, &lang, date.as_deref(), home, explain, progress, &files)
        }
        Command::Dict(DictCommand::Convert { from, dir, to }) => {
            if from != "petrarch" {
                eprintln!("dyad: error: --from {from:?}: only `petrarch` dictionaries can be converted");
                return Ok(ExitCode::from(2));
            }
            petrarch::convert(&dir, &to)
        }
    }
}

fn code(
    format: Format,
    lang: &str,
    date: Option<&str>,
    home: Option<String>,
    explain: bool,
    progress: usize,
    files: &[String],
) -> Result<ExitCode> {
    let lang = match lang {
        "auto" => None,
        "fr" | "en" => Some(lang.to_string()),
        other => {
            eprintln!("dyad: error: --lang {other:?}: expected auto, fr or en");
            return Ok(ExitCode::from(2));
        }
    };
    let default_date = match date {
        Some(d) => match d.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("dyad: error: --date: {e}");
                return Ok(ExitCode::from(2));
            }
        },
        None => Some(today()),
    };
    // Never dropped: freeing the dictionaries' many small allocations at exit
    // took ~15 % of a short run's time; the process ends right after.
    let pipeline = std::mem::ManuallyDrop::new(Pipeline::new().context("loading the bundled dictionaries")?);
    let opts = Options { lang, default_date, explain, home_country: home };
    drive(files, format, progress, "", &mut |a, sink| match pipeline.code_into(a, &opts, &mut |e| sink(&e)) {
        Ok(coded) => Outcome::Coded(coded.warnings),
        Err(e) => {
            let what = if matches!(e, CoderError::Unsupported(_)) { "skipped" } else { "skipped (error)" };
            Outcome::Skipped(format!("{what} {}: {e}", a.id))
        }
    })
}

/// Codes one article, handing each event to the sink.
pub(crate) type CodeFn<'a> = dyn FnMut(&dyad_core::Article, &mut dyn FnMut(&Event)) -> Outcome + 'a;

/// What coding one article gave.
pub(crate) enum Outcome {
    /// Coded, with these warnings.
    Coded(Vec<String>),
    /// Not coded: the message says which article and why.
    Skipped(String),
}

/// Reads every record of `files`, codes each with `code` (which hands its
/// events to the sink it is given), writes the events to stdout in
/// `format`, and prints the summary (`label` appended) on stderr. Shared by
/// the bundled pipeline and `--petrarch-dicts`.
pub(crate) fn drive(files: &[String], format: Format, progress: usize, label: &str, code: &mut CodeFn<'_>) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    // The lines are written straight into this buffer, handed to stdout
    // once it holds `OUT_AT` bytes: a `BufWriter` would copy each line again.
    let mut buf = Vec::with_capacity(OUT_BUF);
    if format == Format::Tsv {
        writeln!(buf, "doc\tdate\tcode\troot\tsource\ttarget\tsource_text\ttarget_text\tattribution\tstart\tend")?;
    }
    let (mut articles, mut events) = (0usize, 0usize);
    let skipped = std::cell::Cell::new(0usize);
    let mut write_err: Option<std::io::Error> = None;
    let mut ids = input::Ids::default();
    for f in files {
        let mut sink = |a: dyad_core::Article| {
            if write_err.is_some() {
                return;
            }
            let mut n = 0usize;
            let outcome = code(&a, &mut |e| {
                n += 1;
                if write_err.is_none() {
                    if let Err(err) = write_event(&mut out, &mut buf, e, format) {
                        write_err = Some(err);
                    }
                }
            });
            match outcome {
                Outcome::Coded(warnings) => {
                    articles += 1;
                    events += n;
                    for w in &warnings {
                        eprintln!("dyad: warning: {w}");
                    }
                    if progress > 0 && articles % progress == 0 {
                        eprintln!("dyad: {articles} articles, {events} events");
                    }
                }
                Outcome::Skipped(why) => {
                    skipped.set(skipped.get() + 1);
                    eprintln!("dyad: {why}");
                }
            }
        };
        let mut on_skip = |s: input::Skipped| {
            skipped.set(skipped.get() + 1);
            eprintln!("dyad: skipped {}: {}", s.at, s.why);
        };
        let mut warn = |w: String| eprintln!("dyad: warning: {w}");
        if let Err(e) = input::read(f, &mut input::Out { article: &mut sink, skipped: &mut on_skip, warn: &mut warn, ids: &mut ids }) {
            eprintln!("dyad: skipped {f}: {e:#}");
            skipped.set(skipped.get() + 1);
        }
        if let Some(e) = write_err.take() {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(ExitCode::SUCCESS);
            }
            return Err(e).context("writing events");
        }
    }
    if let Err(e) = out.write_all(&buf).and_then(|()| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e).context("writing events");
        }
    }
    let skipped = skipped.get();
    eprintln!("dyad: {articles} articles coded, {events} events, {skipped} skipped{label}");
    Ok(if skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Bytes of the buffer the events' lines are written into (8 KiB, as
/// `std::io::BufWriter`'s, small enough to stay in the first-level cache).
const OUT_BUF: usize = 8 * 1024;

/// The buffer is handed to stdout once it holds this many bytes (a longer
/// line than the 1 KiB left makes it grow, once).
const OUT_AT: usize = OUT_BUF - 1024;

/// Writes one event as a line of `format` into `buf` (JSONL:
/// [`Event::write_json`], the bytes serde_json writes), which goes to `out`
/// once it holds [`OUT_AT`] bytes. Written straight into `buf`, not into a
/// line then copied into a `BufWriter` (`dyad code` on 1 MB of the
/// benchmark's articles: 1,749.43M → 1,748.54M instructions).
fn write_event(out: &mut impl Write, buf: &mut Vec<u8>, e: &Event, format: Format) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            e.write_json(buf);
            buf.push(b'\n');
        }
        Format::Tsv => writeln!(
            buf,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            tsv_field(&e.doc),
            e.date,
            e.code,
            e.root,
            e.source.code,
            e.target.as_ref().map_or("", |t| &*t.code),
            tsv_field(&e.source.text),
            tsv_field(e.target.as_ref().map_or("", |t| &*t.text)),
            tsv_field(&e.attribution.join("; ")),
            e.evidence.start,
            e.evidence.end
        )?,
    }
    if buf.len() >= OUT_AT {
        out.write_all(buf)?;
        buf.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{Actor, EventId, Evidence};
    use std::borrow::Cow;

    /// An event whose evidence sentence is `sentence`.
    fn event(sentence: &str) -> Event<'_> {
        let book = dyad_core::codebook();
        let c = book.get("041").expect("041 is in CAMEO");
        let actor =
            Actor { text: "Moscou".into(), code: "RUSGOV".into(), country: "RUS".into(), title: None, entity: None, title_check: None };
        Event {
            id: EventId { doc: Cow::Borrowed("a"), hash: sentence.len() as u64 },
            doc: "a".into(),
            date: Date { y: 2026, m: 3, d: 5 },
            code: Cow::Borrowed(&c.code),
            root: Cow::Borrowed(&c.root),
            quad: c.quad,
            goldstein: c.goldstein,
            name: Cow::Borrowed(&c.name),
            source: actor.clone(),
            target: Some(actor),
            location: None,
            attribution: vec!["TASS".into()],
            evidence: Evidence { sentence: sentence.into(), start: 0, end: sentence.len() },
            trigger: "a".into(),
            lang: "fr".into(),
        }
    }

    /// Every line reaches `out`, whole and in order, once the buffer is
    /// handed over at the end; `out` is only ever handed at least
    /// `OUT_AT` bytes before then; a line longer than the buffer is fine.
    #[test]
    fn lines_written_through_the_buffer_are_the_lines() {
        let sentences: Vec<String> = (0..400).map(|i| "é\"x ".repeat(i % 37 + if i == 200 { 3000 } else { 0 })).collect();
        for format in [Format::Jsonl, Format::Tsv] {
            let (mut out, mut buf, mut expected) = (Vec::new(), Vec::with_capacity(OUT_BUF), Vec::new());
            let mut handed = Vec::new();
            for s in &sentences {
                let e = event(s);
                match format {
                    Format::Jsonl => {
                        expected.extend(serde_json::to_vec(&e).expect("serialises"));
                        expected.push(b'\n');
                    }
                    Format::Tsv => {
                        // The line, whether handed over or left in the buffer.
                        let (mut handed, mut line) = (Vec::new(), Vec::new());
                        write_event(&mut handed, &mut line, &e, format).expect("writes");
                        expected.extend(handed);
                        expected.extend(line);
                    }
                }
                let before = out.len();
                write_event(&mut out, &mut buf, &e, format).expect("writes");
                if out.len() > before {
                    handed.push(out.len() - before);
                    assert!(buf.is_empty());
                }
            }
            assert!(handed.len() > 2 && handed.iter().all(|&n| n >= OUT_AT), "{handed:?}");
            out.extend_from_slice(&buf);
            assert_eq!(out, expected);
        }
    }
}
