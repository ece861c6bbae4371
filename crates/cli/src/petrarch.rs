//! `dyad code --petrarch-dicts DIR` and `dyad dict convert --from petrarch`.

use crate::{input, today, write_event, Format};
use anyhow::{Context as _, Result};
use dyad_core::Date;
use dyad_petrarch::{Coder, Dictionaries, Severity};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

/// Loads the dictionaries of `dir`, printing their warnings; malformed lines
/// are an error listing each one.
fn load(dir: &Path) -> Result<(Dictionaries, Vec<dyad_petrarch::Diagnostic>)> {
    let t0 = std::time::Instant::now();
    let (dicts, diags) = Dictionaries::load(dir).with_context(|| format!("reading PETRARCH dictionaries in {}", dir.display()))?;
    for d in &diags {
        eprintln!("dyad: {}/{d}", dir.display());
    }
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 0 {
        eprintln!("dyad: {errors} malformed dictionary line(s) skipped (listed above as errors); the rest is used");
    }
    for f in &dicts.ignored {
        eprintln!("dyad: {}/{f}: not a dictionary by its name (verb/CAMEO, actor, agent, discard, ontology/PICO); ignored", dir.display());
    }
    let patterns: usize = dicts.verbs.blocks.iter().map(|b| b.patterns.len()).sum();
    let names: usize = dicts.actors.iter().map(|a| a.names.len()).sum();
    eprintln!(
        "dyad: PETRARCH dictionaries from {}: {} verb blocks, {} patterns, {} synonym sets, {} actor names, {} agent forms, {} discards, ontology {} ({:.2}s)",
        dir.display(),
        dicts.verbs.blocks.len(),
        patterns,
        dicts.verbs.synsets.len(),
        names,
        dicts.agents.len(),
        dicts.discards.len(),
        dicts.ontology.as_ref().map_or("none".to_string(), |o| format!("{} codes", o.codes.len())),
        t0.elapsed().as_secs_f64()
    );
    Ok((dicts, diags))
}

/// Codes `files` with the PETRARCH dictionaries of `dir`; `date` is the
/// `--date` option (default: today, with a warning per undated article).
pub fn code(dir: &Path, format: Format, date: Option<&str>, explain: bool, progress: usize, files: &[String]) -> Result<ExitCode> {
    let default_date: Option<Date> = match date.map(str::parse::<Date>) {
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            eprintln!("dyad: error: --date: {e}");
            return Ok(ExitCode::from(2));
        }
        None => Some(today()),
    };
    let (dicts, _) = load(dir)?;
    let coder = Coder::new(&dicts);
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    if format == Format::Tsv {
        writeln!(out, "doc\tdate\tcode\troot\tsource\ttarget\tsource_text\ttarget_text\tattribution\tstart\tend")?;
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
            match coder.code_article(&a, default_date, explain) {
                Ok(coded) => {
                    articles += 1;
                    for w in &coded.warnings {
                        eprintln!("dyad: warning: {w}");
                    }
                    for e in &coded.events {
                        events += 1;
                        if write_err.is_none() {
                            if let Err(err) = write_event(&mut out, e, format) {
                                write_err = Some(err);
                            }
                        }
                    }
                    if progress > 0 && articles % progress == 0 {
                        eprintln!("dyad: {articles} articles, {events} events");
                    }
                }
                Err(e) => {
                    skipped.set(skipped.get() + 1);
                    eprintln!("dyad: skipped (error) {}: {e}", a.id);
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
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e).context("writing events");
        }
    }
    let skipped = skipped.get();
    eprintln!("dyad: {articles} articles coded, {events} events, {skipped} skipped (PETRARCH dictionaries)");
    Ok(if skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `dyad dict convert --from petrarch DIR --to OUT`.
pub fn convert(dir: &Path, to: &Path) -> Result<ExitCode> {
    let t0 = std::time::Instant::now();
    let (dicts, diags) = load(dir)?;
    let report = dyad_petrarch::convert::convert_with(&dicts, to, &diags).with_context(|| format!("writing {}", to.display()))?;
    let mut err = std::io::stderr().lock();
    write!(err, "{}", report.summary())?;
    writeln!(err, "dyad: converted in {:.2}s; the full report is {}", t0.elapsed().as_secs_f64(), to.join("REPORT.md").display())?;
    Ok(ExitCode::SUCCESS)
}
