//! Speed of the pipeline on a fixed, in-repo corpus (see `docs/performance.md`).
//!
//! ```sh
//! cargo bench -p dyad-coder --bench pipeline              # measure
//! cargo bench -p dyad-coder --bench pipeline -- --test    # smoke: run each once
//! ```
//!
//! The corpus is built deterministically from the bundled example articles
//! (`examples/articles.jsonl`) and the golden inputs
//! (`tests/golden/{fr,en}/input.jsonl`): every article is repeated
//! [`VARIANTS`] times, variant `k` rotating country and capital names and
//! weekdays through small per-language lists, adding `k` to every number and
//! moving the record date by `37 k` days, so that sentences differ from one
//! copy to the next. Nothing outside the repository is read.
//!
//! Before anything is measured, the corpus counts (articles, sentences,
//! events) are checked against [`EXPECTED`], so a behaviour change of the
//! coder shows up here as a failed assertion that prints the new numbers.
//!
//! Groups:
//! - `end_to_end`: code every article and serialise every event as JSON
//!   (`Event::write_json`, as `dyad code --format jsonl` does) into
//!   `std::io::sink()` (throughput: input text bytes);
//! - `stages`: `Folded::new` over every article (normalise), sentence
//!   splitting, the key search alone (`match`: the matcher's trie walked
//!   from every token start of the folded text, with the article's
//!   language's keys), and `assemble`: the sentence analysis on pre-split,
//!   pre-folded sentences (`Analysis::new`, which searches the keys, then
//!   `group`, `confirm_surnames`, `attribution`, `events`), without building
//!   or serialising events;
//! - `baseline`: a bare multi-pattern automaton (daachorse, standard
//!   overlapping matches) built from the same keys, scanning the same folded
//!   text: the speed limit the coder is compared with.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use dyad_coder::sentence::{Analysis, Context};
use dyad_coder::{Options, Pipeline};
use dyad_core::{Article, Date};
use dyad_text::{Folded, Lang};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

/// Copies of each source article in the corpus (about 1.5 MB of text).
const VARIANTS: usize = 28;

/// The corpus counts the coder produces today. When the coder changes on
/// purpose, update these with the numbers the failed assertion prints.
const EXPECTED: Counts = Counts { articles: 7_672, bytes: 1_499_017, sentences: 10_892, events: 9_172 };

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    articles: usize,
    bytes: usize,
    sentences: usize,
    events: usize,
}

/// Names rotated by variant, per language; each list is a closed cycle, so
/// variant `k` maps `list[i]` to `list[(i + k) % len]`.
const FR_NAMES: &[&[&str]] = &[
    &["Iran", "Russie", "Ukraine", "Turquie", "Chine", "Inde", "France", "Japon", "Hongrie", "Liban", "Israël", "Égypte", "Brésil"],
    &["Moscou", "Washington", "Ankara", "Kiev", "Téhéran", "Pékin", "Paris", "Erevan", "Belgrade", "Tokyo", "Berlin"],
    &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
];
const EN_NAMES: &[&[&str]] = &[
    &["Ukraine", "Russia", "Israel", "Iran", "Lebanon", "China", "Japan", "India", "France", "Qatar", "Egypt", "Armenia", "Germany"],
    &["Washington", "Beijing", "Moscow", "Kyiv", "Tehran", "Tbilisi", "Paris", "Berlin", "Tokyo", "Cairo", "Ankara"],
    &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The source articles, in file order.
fn sources() -> Vec<Article> {
    let mut out = Vec::new();
    for file in ["examples/articles.jsonl", "tests/golden/fr/input.jsonl", "tests/golden/en/input.jsonl"] {
        let path = repo().join(file);
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (n, line) in src.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{file}:{}: {e}", n + 1));
            let s = |k: &str| v[k].as_str().map(str::to_string);
            out.push(Article {
                id: s("id").unwrap_or_else(|| format!("{file}:{}", n + 1)),
                text: s("text").unwrap_or_else(|| panic!("{file}:{}: no text", n + 1)),
                date: s("date").and_then(|d| d.parse().ok()),
                lang: s("lang"),
                title: s("title"),
                source: s("source"),
                url: None,
            });
        }
    }
    out
}

/// Variant `k` of `text`: names rotated, `k` added to every number.
fn vary(text: &str, lists: &[&[&str]], k: usize) -> String {
    if k == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let run = if c.is_alphabetic() {
            rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())
        } else if c.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        let (tok, tail) = rest.split_at(run);
        rest = tail;
        if c.is_alphabetic() {
            match lists.iter().find_map(|l| l.iter().position(|w| *w == tok).map(|i| l[(i + k) % l.len()])) {
                Some(w) => out.push_str(w),
                None => out.push_str(tok),
            }
        } else if c.is_ascii_digit() && tok.len() <= 9 {
            let n: u64 = tok.parse().expect("ascii digits");
            out.push_str(&format!("{:0w$}", n + k as u64, w = tok.len()));
        } else {
            out.push_str(tok);
        }
    }
    out
}

/// The benchmark corpus.
fn corpus() -> Vec<Article> {
    let src = sources();
    let mut out = Vec::with_capacity(src.len() * VARIANTS);
    for k in 0..VARIANTS {
        for a in &src {
            let lists = if a.lang.as_deref() == Some("en") { EN_NAMES } else { FR_NAMES };
            out.push(Article {
                id: format!("{}~{k}", a.id),
                text: vary(&a.text, lists, k),
                date: a.date.map(|d| d.add_days(37 * k as i64)),
                title: a.title.as_ref().map(|t| vary(t, lists, k)),
                ..a.clone()
            });
        }
    }
    out
}

fn options() -> Options {
    // `ex-brief-no-date` has neither a record date nor a dated dateline.
    Options { default_date: Date::new(2026, 1, 1), ..Options::default() }
}

/// Codes every article and writes every event as JSON into `sink`.
fn code_all(p: &Pipeline, corpus: &[Article], opts: &Options, sink: &mut impl Write) -> (usize, usize) {
    let (mut sentences, mut events) = (0, 0);
    let mut line = Vec::new();
    for a in corpus {
        let coded = p.code(a, opts).unwrap_or_else(|e| panic!("{}: {e}", a.id));
        sentences += coded.sentences;
        events += coded.events.len();
        for e in &coded.events {
            line.clear();
            e.write_json(&mut line);
            line.push(b'\n');
            sink.write_all(&line).expect("write");
        }
    }
    (sentences, events)
}

fn rules_of(a: &Article) -> &'static dyad_text::LangRules {
    let lang: Lang = a.lang.as_deref().unwrap_or("fr").parse().expect("corpus languages are fr and en");
    dyad_text::rules(lang)
}

fn check(p: &Pipeline, corpus: &[Article]) -> Counts {
    let (sentences, events) = code_all(p, corpus, &options(), &mut std::io::sink());
    let got = Counts { articles: corpus.len(), bytes: corpus.iter().map(|a| a.text.len()).sum(), sentences, events };
    assert_eq!(
        got, EXPECTED,
        "\nthe benchmark corpus no longer codes as recorded (expected when the coder or the bundled data changed):\n\
         update EXPECTED in crates/coder/benches/pipeline.rs to\n    \
         const EXPECTED: Counts = Counts {{ articles: {}, bytes: {}, sentences: {}, events: {} }};\n",
        got.articles, got.bytes, got.sentences, got.events
    );
    got
}

fn benches(c: &mut Criterion) {
    let pipeline = Pipeline::new().expect("bundled dictionaries load");
    pipeline.warm().expect("automata compile");
    let corpus = corpus();
    let counts = check(&pipeline, &corpus);
    eprintln!("corpus: {} articles, {} bytes, {} sentences, {} events", counts.articles, counts.bytes, counts.sentences, counts.events);
    let opts = options();

    let mut g = c.benchmark_group("end_to_end");
    g.throughput(Throughput::Bytes(counts.bytes as u64));
    g.bench_function("code_and_serialise", |b| {
        b.iter(|| black_box(code_all(&pipeline, &corpus, &opts, &mut std::io::sink())));
    });
    g.finish();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(counts.bytes as u64));
    g.bench_function("fold", |b| {
        b.iter(|| corpus.iter().map(|a| Folded::new(black_box(&a.text)).text.len()).sum::<usize>());
    });
    g.bench_function("sentences", |b| {
        b.iter(|| corpus.iter().map(|a| dyad_text::sentences(black_box(&a.text), rules_of(a)).count()).sum::<usize>());
    });
    let folded: Vec<(&str, String)> = corpus.iter().map(|a| (a.lang.as_deref().unwrap_or("fr"), Folded::new(&a.text).text)).collect();
    let fr = pipeline.matcher("fr").expect("fr keys");
    let en = pipeline.matcher("en").expect("en keys");
    let folded_bytes: u64 = folded.iter().map(|(_, f)| f.len() as u64).sum();
    g.throughput(Throughput::Bytes(folded_bytes));
    g.bench_function("match", |b| {
        let mut toks = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for (l, f) in &folded {
                let m = if *l == "en" { en } else { fr };
                dyad_coder::sentence::tokenize(black_box(f.as_str()), &mut toks);
                for t in &toks {
                    n += m.trie.prefixes(&f.as_bytes()[t.s..]).count();
                }
            }
            n
        });
    });
    // Pre-split, pre-folded sentences (what `Pipeline::code_into` hands the
    // assembler), with their language and the article date.
    let sentences: Vec<(&str, String, Folded, Date)> = corpus
        .iter()
        .flat_map(|a| {
            let rules = rules_of(a);
            let lang = a.lang.as_deref().unwrap_or("fr");
            let date = a.date.or(options().default_date).expect("a date");
            dyad_text::sentences(&a.text, rules)
                .map(|r| &a.text[r])
                .filter(|s| !dyad_text::is_boilerplate(s, rules))
                .map(move |s| (lang, s.to_string(), Folded::new(s), date))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(sentences.len(), counts.sentences, "the assemble stage sees the sentences the pipeline codes");
    let kb = pipeline.kb();
    g.throughput(Throughput::Bytes(counts.bytes as u64));
    g.bench_function("assemble", |b| {
        b.iter(|| {
            let mut candidates = 0;
            for (l, orig, folded, date) in &sentences {
                let m = if *l == "en" { en } else { fr };
                let ctx = Context { date: Some(*date), ..Context::default() };
                let mut a = Analysis::new(m, kb, black_box(folded), orig);
                a.group(&ctx);
                a.confirm_surnames();
                a.attribution();
                candidates += a.events(*date, &ctx).len();
            }
            candidates
        });
    });
    g.finish();

    let automaton = |m: &dyad_coder::lexicon::Matcher| {
        DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build_with_values(m.scanned_keys().map(|(k, v)| (k.as_bytes(), v)))
            .expect("baseline automaton")
    };
    let (fr_ac, en_ac): (DoubleArrayAhoCorasick<u32>, DoubleArrayAhoCorasick<u32>) = (automaton(fr), automaton(en));
    let mut g = c.benchmark_group("baseline");
    g.throughput(Throughput::Bytes(folded_bytes));
    g.bench_function("automaton", |b| {
        b.iter(|| {
            folded
                .iter()
                .map(|(l, f)| {
                    let ac = if *l == "en" { &en_ac } else { &fr_ac };
                    ac.find_overlapping_iter(black_box(f.as_str())).count()
                })
                .sum::<usize>()
        });
    });

    g.finish();
}

criterion_group! {
    name = pipeline;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(pipeline);
