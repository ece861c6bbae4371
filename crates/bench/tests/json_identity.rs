//! `Event::write_json` writes, for every event dyad codes, exactly the bytes
//! serde_json's derive writes: on the bundled example articles, the golden
//! inputs of both languages and a generated corpus (the benchmark's and the
//! CLI's `--format jsonl` output both go through the hand-written writer).

use dyad_bench::corpus::generate;
use dyad_coder::{Options, Pipeline};
use dyad_core::{Article, Date, Event};
use std::path::PathBuf;

fn articles(path: &str) -> Vec<Article> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path);
    let src = std::fs::read_to_string(&path).expect("bundled input");
    let field = |v: &serde_json::Value, k: &str| v[k].as_str().map(String::from);
    src.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("input line is JSON");
            let text = field(&v, "text").expect("text");
            Article {
                // The CLI gives an article without an id one from its text.
                id: field(&v, "id").unwrap_or_else(|| dyad_coder::content_id(&text)),
                text,
                date: v["date"].as_str().and_then(|d| d.parse().ok()),
                lang: field(&v, "lang"),
                title: field(&v, "title"),
                source: field(&v, "source"),
                url: field(&v, "url"),
            }
        })
        .collect()
}

/// What the events seen so far had, to know the comparison covered it.
#[derive(Default, Debug)]
struct Seen {
    events: usize,
    targets: usize,
    locations: usize,
    attributions: usize,
    titles: usize,
    entities: usize,
    title_checks: usize,
    escapes: usize,
}

fn compare(p: &Pipeline, articles: &[Article], seen: &mut Seen) {
    // As `same.sh` runs the CLI: a default date for articles without one.
    let opts = Options { default_date: Some(Date { y: 2026, m: 1, d: 12 }), ..Options::default() };
    let mut ours = Vec::new();
    for a in articles {
        p.code_into(a, &opts, &mut |e: Event| {
            ours.clear();
            e.write_json(&mut ours);
            let serde = serde_json::to_vec(&e).expect("serialises");
            assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&serde), "article {}", a.id);
            assert_eq!(ours, serde, "article {}", a.id);
            // The same event owning its strings (they are borrowed from the
            // article) writes the same bytes.
            let mut owned = Vec::new();
            e.clone().into_owned().write_json(&mut owned);
            assert_eq!(owned, serde, "article {}", a.id);
            seen.events += 1;
            let actors = || std::iter::once(&e.source).chain(e.target.as_ref());
            seen.targets += usize::from(e.target.is_some());
            seen.locations += usize::from(e.location.is_some());
            seen.attributions += usize::from(!e.attribution.is_empty());
            seen.titles += usize::from(actors().any(|a| a.title.is_some()));
            seen.entities += usize::from(actors().any(|a| a.entity.is_some()));
            seen.title_checks += usize::from(actors().any(|a| a.title_check.is_some()));
            seen.escapes += usize::from(ours.contains(&b'\\'));
        })
        .expect("codes");
    }
}

#[test]
fn every_coded_event_writes_as_serde_json_writes_it() {
    let p = Pipeline::new().expect("pipeline");
    let mut seen = Seen::default();
    for path in ["examples/articles.jsonl", "tests/golden/fr/input.jsonl", "tests/golden/en/input.jsonl"] {
        compare(&p, &articles(path), &mut seen);
    }
    // The bundled inputs have no character serde_json escapes in an event's
    // strings: the golden inputs again, with quotes, backslashes and tabs.
    let mut escapes = Vec::new();
    for lang in ["fr", "en"] {
        for mut a in articles(&format!("tests/golden/{lang}/input.jsonl")) {
            a.text = a.text.replace(" the ", " \"the\" ").replace(" le ", " \"le\"\t").replacen(' ', "\\ ", 1);
            escapes.push(a);
        }
    }
    compare(&p, &escapes, &mut seen);
    compare(&p, &generate(11, 100_000).expect("bundled data").articles, &mut seen);
    let s = &seen;
    assert!(
        s.events > 500
            && s.targets > 0
            && s.locations > 0
            && s.attributions > 0
            && s.titles > 0
            && s.entities > 0
            && s.title_checks > 0
            && s.escapes > 0,
        "the inputs no longer give events of every shape: {s:?}"
    );
}
