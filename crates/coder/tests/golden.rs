//! Golden files per language (`tests/golden/<lang>/`):
//!
//! - `input.jsonl`: one invented news sentence (or two) per document;
//! - `gold.tsv`: the events a careful coder finds, written by hand
//!   (`doc source target code evidence`, `-` for no target, one
//!   `doc - - - no event` line for a document without events);
//! - `snapshot.tsv`: what dyad codes today, in the same format.
//!
//! `snapshot_matches` makes every behaviour change show up as a diff of
//! `snapshot.tsv` (bless an intended change with `DYAD_BLESS=1 cargo test`);
//! `agrees_with_gold` measures the snapshot against the hand-written gold and
//! fails if precision or recall fall below the floor in `floor.tsv`.

use dyad_coder::{Options, Pipeline};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn dir(lang: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden").join(lang)
}

type Line = (String, String, String, String, String);

fn parse(src: &str) -> Vec<Line> {
    src.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let g = |i: usize| f.get(i).copied().unwrap_or("").trim().to_string();
            (g(0), g(1), g(2), g(3), g(4))
        })
        .collect()
}

fn code_all(lang: &str) -> (Vec<String>, Vec<Line>) {
    let pipeline = Pipeline::new().expect("pipeline");
    let src = std::fs::read_to_string(dir(lang).join("input.jsonl")).expect("input.jsonl");
    let mut docs = Vec::new();
    let mut out = Vec::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("input line is JSON");
        let article = dyad_core::Article {
            id: v["id"].as_str().expect("id").to_string(),
            text: v["text"].as_str().expect("text").to_string(),
            date: v["date"].as_str().and_then(|d| d.parse().ok()),
            lang: Some(lang.to_string()),
            ..Default::default()
        };
        docs.push(article.id.clone());
        let coded = pipeline.code(&article, &Options::default()).expect("codes");
        if coded.events.is_empty() {
            out.push((article.id.clone(), "-".into(), "-".into(), "-".into(), "no event".into()));
        }
        for e in coded.events {
            out.push((
                e.doc.to_string(),
                e.source.code.to_string(),
                e.target.map_or_else(|| "-".to_string(), |t| t.code.to_string()),
                e.code.into_owned(),
                e.evidence.sentence.replace(['\t', '\n'], " "),
            ));
        }
    }
    out.sort();
    out.dedup();
    (docs, out)
}

fn render(lines: &[Line]) -> String {
    let mut s = String::from("# doc\tsource\ttarget\tcode\tevidence — generated: DYAD_BLESS=1 cargo test -p dyad-coder --test golden\n");
    for (a, b, c, d, e) in lines {
        s.push_str(&format!("{a}\t{b}\t{c}\t{d}\t{e}\n"));
    }
    s
}

fn snapshot(lang: &str) {
    let (_, actual) = code_all(lang);
    let path = dir(lang).join("snapshot.tsv");
    if std::env::var_os("DYAD_BLESS").is_some() {
        std::fs::write(&path, render(&actual)).expect("write snapshot");
        return;
    }
    let expected = parse(&std::fs::read_to_string(&path).unwrap_or_default());
    let exp: BTreeSet<_> = expected.iter().collect();
    let act: BTreeSet<_> = actual.iter().collect();
    let mut diff = String::new();
    for l in exp.difference(&act) {
        diff.push_str(&format!("- {}\t{}\t{}\t{}\t{}\n", l.0, l.1, l.2, l.3, l.4));
    }
    for l in act.difference(&exp) {
        diff.push_str(&format!("+ {}\t{}\t{}\t{}\t{}\n", l.0, l.1, l.2, l.3, l.4));
    }
    assert!(diff.is_empty(), "{lang}: coder output differs from snapshot.tsv (bless with DYAD_BLESS=1 if intended):\n{diff}");
}

/// (precision, recall) of the coder against gold.tsv, on (doc, source, target, code).
fn agreement(lang: &str) -> (f64, f64, String) {
    let (_, actual) = code_all(lang);
    let gold = parse(&std::fs::read_to_string(dir(lang).join("gold.tsv")).expect("gold.tsv"));
    // Reciprocal codes count in either direction (see the gold file's header).
    let key = |l: &Line| {
        let sym = l.3.starts_with("04") || l.3 == "057" || l.3 == "0871";
        let (s, t) = if sym && l.2 != "-" && l.2 < l.1 { (l.2.clone(), l.1.clone()) } else { (l.1.clone(), l.2.clone()) };
        (l.0.clone(), s, t, l.3.clone())
    };
    let g: BTreeSet<_> = gold.iter().filter(|l| l.3 != "-").map(key).collect();
    let a: BTreeSet<_> = actual.iter().filter(|l| l.3 != "-").map(key).collect();
    let tp = g.intersection(&a).count() as f64;
    let p = if a.is_empty() { 0.0 } else { tp / a.len() as f64 };
    let r = if g.is_empty() { 0.0 } else { tp / g.len() as f64 };
    let mut by_doc: BTreeMap<&str, usize> = BTreeMap::new();
    for k in g.symmetric_difference(&a) {
        *by_doc.entry(k.0.as_str()).or_default() += 1;
    }
    let report = format!("{lang}: precision {p:.3} recall {r:.3} ({} gold, {} coded, {} docs differ)", g.len(), a.len(), by_doc.len());
    (p, r, report)
}

fn floor(lang: &str) -> (f64, f64) {
    let src = std::fs::read_to_string(dir(lang).join("floor.tsv")).unwrap_or_default();
    let mut p = 0.0;
    let mut r = 0.0;
    for l in src.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = l.split('\t').collect();
        match f.as_slice() {
            ["precision", v] => p = v.parse().unwrap_or(0.0),
            ["recall", v] => r = v.parse().unwrap_or(0.0),
            _ => {}
        }
    }
    (p, r)
}

fn gold(lang: &str) {
    let (p, r, report) = agreement(lang);
    eprintln!("{report}");
    let (fp, fr) = floor(lang);
    assert!(p >= fp && r >= fr, "{report}: below the floor (precision {fp}, recall {fr}) in floor.tsv");
}

#[test]
fn snapshot_matches_fr() {
    snapshot("fr");
}

#[test]
fn snapshot_matches_en() {
    snapshot("en");
}

#[test]
fn agrees_with_gold_fr() {
    gold("fr");
}

#[test]
fn agrees_with_gold_en() {
    gold("en");
}
