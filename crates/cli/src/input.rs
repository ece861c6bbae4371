//! Reading articles from files and stdin: `.txt`, `.html`, `.jsonl`, `-`.
//!
//! Records are pushed to a sink one at a time, so a large JSONL file is never
//! held in memory whole; a bad record is reported with `file:line` and
//! skipped, the good ones still flow.

use anyhow::{Context as _, Result};
use dyad_core::{Article, Date};
use serde::Deserialize;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One JSONL input record.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// What the reader reports for a record it could not use.
#[derive(Debug)]
pub struct Skipped {
    /// `file:line` or file name.
    pub at: String,
    /// Why.
    pub why: String,
}

/// Gives every article a unique id within one run.
#[derive(Default)]
pub struct Ids {
    seen: HashMap<String, usize>,
}

impl Ids {
    /// `id`, or `id-2`, `id-3` … when already used (with a warning).
    pub fn unique(&mut self, id: String, at: &str, warn: &mut dyn FnMut(String)) -> String {
        let n = self.seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            return id;
        }
        let new = format!("{id}-{n}");
        warn(format!("{at}: id {id:?} repeated in this run; using {new:?}"));
        new
    }
}

fn decode(bytes: Vec<u8>, at: &str, warn: &mut dyn FnMut(String)) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            warn(format!("{at}: invalid UTF-8, decoded lossily (bad bytes replaced by U+FFFD)"));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// Where the reader sends what it finds.
pub struct Out<'a> {
    /// Each article read.
    pub article: &'a mut dyn FnMut(Article),
    /// Each record that could not be used.
    pub skipped: &'a mut dyn FnMut(Skipped),
    /// Warnings (lossy decoding, repeated ids).
    pub warn: &'a mut dyn FnMut(String),
    /// Ids given so far in this run.
    pub ids: &'a mut Ids,
}

/// Reads `path` (or stdin for `-`) and pushes each article to `out`.
pub fn read(path: &str, out: &mut Out<'_>) -> Result<()> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).context("reading standard input")?;
        let first = buf.iter().find(|b| !b.is_ascii_whitespace()).copied();
        if first == Some(b'{') {
            return read_jsonl(BufReader::new(&buf[..]), "<stdin>", out);
        }
        let text = decode(buf, "<stdin>", out.warn);
        return push_text(text, "<stdin>", false, out);
    }
    let p = Path::new(path);
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if ext == "jsonl" || ext == "ndjson" {
        let f = std::fs::File::open(p).with_context(|| format!("cannot open {path}"))?;
        return read_jsonl(BufReader::new(f), path, out);
    }
    let bytes = std::fs::read(p).with_context(|| format!("cannot read {path}"))?;
    let text = decode(bytes, path, out.warn);
    let html = ext == "html" || ext == "htm";
    push_text(text, path, html, out)
}

fn stem(path: &str) -> String {
    Path::new(path).file_stem().and_then(|s| s.to_str()).map(str::to_string).unwrap_or_else(|| "stdin".into())
}

fn push_text(text: String, path: &str, html: bool, out: &mut Out<'_>) -> Result<()> {
    let text = if html { dyad_text::html_to_text(&text) } else { text };
    if text.trim().is_empty() {
        (out.skipped)(Skipped { at: path.to_string(), why: "empty article".into() });
        return Ok(());
    }
    let id = if path == "-" || path == "<stdin>" { dyad_coder::content_id(&text) } else { stem(path) };
    let id = out.ids.unique(id, path, out.warn);
    let title = text.lines().next().map(|l| l.trim().to_string());
    (out.article)(Article { id, text, title, ..Article::default() });
    Ok(())
}

fn read_jsonl(reader: impl BufRead, path: &str, out: &mut Out<'_>) -> Result<()> {
    let mut reader = reader;
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).with_context(|| format!("reading {path}"))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let at = format!("{path}:{line_no}");
        let line = decode(std::mem::take(&mut buf), &at, out.warn);
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                (out.skipped)(Skipped { at, why: format!("not a JSON object: {e}") });
                continue;
            }
        };
        let Some(text) = rec.text else {
            (out.skipped)(Skipped { at, why: "field `text` is missing".into() });
            continue;
        };
        if text.trim().is_empty() {
            (out.skipped)(Skipped { at, why: "field `text` is empty".into() });
            continue;
        }
        let date = match rec.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => match d.get(..10).unwrap_or(d).parse::<Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    (out.skipped)(Skipped { at, why: format!("field `date`: {d:?} is not YYYY-MM-DD") });
                    continue;
                }
            },
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => dyad_coder::content_id(&text),
        };
        let id = out.ids.unique(id, &at, out.warn);
        (out.article)(Article { id, text, date, lang: rec.lang, title: rec.title, source: rec.source, url: rec.url });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(src: &str) -> (Vec<Article>, Vec<Skipped>, Vec<String>) {
        let (mut arts, mut skips, mut warns) = (Vec::new(), Vec::new(), Vec::new());
        let mut ids = Ids::default();
        let mut out = Out { article: &mut |a| arts.push(a), skipped: &mut |s| skips.push(s), warn: &mut |w| warns.push(w), ids: &mut ids };
        read_jsonl(BufReader::new(src.as_bytes()), "f.jsonl", &mut out).unwrap();
        (arts, skips, warns)
    }

    #[test]
    fn bad_lines_are_skipped_and_named() {
        let (arts, skips, _) = collect("{\"id\":\"a\",\"text\":\"x\"}\nnot json\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":\"y\",\"date\":\"2026-13-01\"}\n{\"text\":\"z\"}\n");
        assert_eq!(arts.len(), 2);
        assert_eq!(skips.len(), 3);
        assert_eq!(skips[0].at, "f.jsonl:2");
        assert!(skips[1].why.contains("text"));
        assert!(skips[2].why.contains("date"));
        assert!(arts[1].id.starts_with("doc-"), "content-derived id");
    }

    #[test]
    fn repeated_ids_get_suffixes() {
        let (arts, _, warns) = collect("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n");
        assert_eq!(arts[1].id, "a-2");
        assert_eq!(warns.len(), 1);
    }
}
