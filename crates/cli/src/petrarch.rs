//! `dyad code --petrarch-dicts DIR` and `dyad dict convert --from petrarch`.

use crate::{today, Format, Outcome};
use anyhow::{Context as _, Result};
use dyad_core::Date;
use dyad_petrarch::{Coder, Dictionaries, Severity};
use std::io::Write;
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
    crate::drive(files, format, progress, " (PETRARCH dictionaries)", &mut |a, sink| match coder.code_article(a, default_date, explain) {
        Ok(coded) => {
            for e in &coded.events {
                sink(e);
            }
            Outcome::Coded(coded.warnings)
        }
        Err(e) => Outcome::Skipped(format!("skipped (error) {}: {e}", a.id)),
    })
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
