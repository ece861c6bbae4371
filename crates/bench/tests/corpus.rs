//! The corpus generator: deterministic per seed, counted, no sentence twice.

use dyad_bench::corpus::{generate, generate_with, Corpus};
use std::collections::HashSet;

fn texts(c: &Corpus) -> Vec<(String, Option<String>, String)> {
    c.articles.iter().map(|a| (a.id.clone(), a.date.map(|d| d.to_string()), a.text.clone())).collect()
}

#[test]
fn a_seed_gives_the_same_bytes_and_another_seed_others() {
    let a = generate(7, 200_000).expect("bundled data");
    let b = generate(7, 200_000).expect("bundled data");
    let c = generate(8, 200_000).expect("bundled data");
    assert_eq!(texts(&a), texts(&b));
    assert_eq!((a.sentences, a.bytes), (b.sentences, b.bytes));
    assert_ne!(a.articles[0].text, c.articles[0].text);
    let mut out_a = Vec::new();
    let mut out_b = Vec::new();
    a.write_jsonl(&mut out_a).expect("write");
    b.write_jsonl(&mut out_b).expect("write");
    assert_eq!(out_a, out_b);
    assert_eq!(out_a.iter().filter(|&&b| b == b'\n').count(), a.articles.len());
}

#[test]
fn size_languages_and_filled_slots() {
    let c = generate(3, 300_000).expect("bundled data");
    assert!(c.bytes >= 300_000 && c.bytes < 303_000, "stops after the article that reaches the size: {}", c.bytes);
    assert_eq!(c.bytes, c.articles.iter().map(|a| a.text.len()).sum::<usize>());
    let fr: usize = c.articles.iter().filter(|a| a.lang.as_deref() == Some("fr")).map(|a| a.text.len()).sum();
    let en: usize = c.articles.iter().filter(|a| a.lang.as_deref() == Some("en")).map(|a| a.text.len()).sum();
    assert_eq!(fr + en, c.bytes);
    assert!(fr * 10 > c.bytes * 4 && en * 10 > c.bytes * 4, "a fixed mix of French and English: fr {fr}, en {en}");
    for a in &c.articles {
        assert!(!a.text.contains('{') && !a.text.contains('}'), "unfilled slot in {}", a.text);
        assert!(a.date.is_some() && a.id.starts_with("bench-3-"));
    }
}

#[test]
fn sentences_are_counted_and_none_is_written_twice() {
    let mut seen: HashSet<String> = HashSet::new();
    let mut all = Vec::new();
    let c = generate_with(
        11,
        3_000_000,
        &mut |s| {
            assert!(seen.insert(s.to_string()), "written twice: {s}");
            all.push(s.to_string());
        },
        &mut |_| {},
    )
    .expect("bundled data");
    assert_eq!(c.sentences, all.len());
    assert!(c.sentences > 15_000, "{} sentences in 3 MB", c.sentences);
    // The articles are exactly the sentences, in order, separated by a space
    // or a blank line.
    let mut it = all.iter();
    for a in &c.articles {
        let mut rest = a.text.as_str();
        let mut first = true;
        while !rest.is_empty() {
            if !first {
                rest = rest.strip_prefix("\n\n").or_else(|| rest.strip_prefix(' ')).expect("separator");
            }
            let s = it.next().expect("as many sentences as written");
            rest = rest.strip_prefix(s.as_str()).unwrap_or_else(|| panic!("{} does not continue with {s}", a.id));
            first = false;
        }
    }
    assert!(it.next().is_none());
}
