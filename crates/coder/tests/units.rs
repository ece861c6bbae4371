//! The units the coder selects (keys searched from token starts through the
//! matcher's trie) are exactly those of the original selection: every
//! overlapping automaton match, filtered on word boundaries, sorted by
//! (start, longest first), taken left to right when it covers whole tokens.

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use dyad_coder::lexicon::Matcher;
use dyad_coder::sentence::{tokenize, Analysis, Context, Scratch};
use dyad_coder::Pipeline;
use dyad_text::{Folded, Lang};
use std::path::PathBuf;

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The selection as it was written over a full overlapping scan:
/// (first token, one past the last token, key) per unit.
fn reference(m: &Matcher, ac: &DoubleArrayAhoCorasick<u32>, folded: &Folded, orig: &str) -> Vec<(usize, usize, u32)> {
    let text = folded.text.as_str();
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let mut found: Vec<(usize, usize, u32)> = Vec::new();
    for mt in ac.find_overlapping_iter(text) {
        let (s, e) = (mt.start(), mt.end());
        let key = &m.keys[mt.value() as usize];
        let first = key.chars().next().unwrap_or(' ');
        let last = key.chars().next_back().unwrap_or(' ');
        if is_word(first) && text[..s].chars().next_back().is_some_and(is_word) {
            continue;
        }
        if is_word(last) && text[e..].chars().next().is_some_and(is_word) {
            continue;
        }
        found.push((s, e, mt.value()));
    }
    for t in &toks {
        let o = orig.get(folded.orig(t.s)..folded.orig(t.e)).unwrap_or("");
        if o.len() >= 2 && o.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) {
            if let Some(&k) = m.acronyms.get(&text[t.s..t.e]) {
                found.push((t.s, t.e, k));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let tok_index = |byte: usize, end: bool| {
        let i = toks.partition_point(|t| if end { t.e < byte } else { t.e <= byte });
        let t = toks.get(i)?;
        ((!end && t.s <= byte && byte < t.e) || (end && t.s < byte && byte <= t.e)).then_some(i)
    };
    let mut units = Vec::new();
    let mut pos = 0;
    for (s, e, key) in found {
        if s < pos {
            continue;
        }
        let (Some(t0), Some(t1)) = (tok_index(s, false), tok_index(e, true)) else { continue };
        let tok_end = toks[t1].e;
        if toks[t0].s != s || (tok_end != e && !text[..e].ends_with('\'') && !(tok_end == e + 1 && text[..tok_end].ends_with('\''))) {
            continue;
        }
        pos = e;
        units.push((t0, t1 + 1, key));
    }
    units
}

/// (language, text) of the example articles, the golden inputs and a few
/// cases around the boundary rules.
fn texts() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut texts: Vec<(String, String)> = Vec::new();
    for file in ["examples/articles.jsonl", "tests/golden/fr/input.jsonl", "tests/golden/en/input.jsonl"] {
        let src = std::fs::read_to_string(root.join(file)).expect("read");
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            texts.push((v["lang"].as_str().unwrap_or("fr").to_string(), v["text"].as_str().expect("text").to_string()));
        }
    }
    // Cases around the boundary rules: keys inside words, apostrophes,
    // hyphens, acronyms, punctuation right after a name.
    for t in [
        "L'ONU et l'UE ont condamné Carla Bruni-Sarkozy aujourd'hui à Moscou.",
        "Les États-Unis, l'Iran et la Russie l' ont dit d'abord.",
        "The UN and the US said Iran's envoy met Putin's aide in Kyiv's centre.",
        "the un said us officials met the IRIB agency; Moscow's talks 'failed'.",
    ] {
        let lang = if t.starts_with("The") || t.starts_with("the") { "en" } else { "fr" };
        texts.push((lang.into(), t.into()));
    }
    texts
}

#[test]
fn units_are_those_of_the_overlapping_scan() {
    let p = Pipeline::new().expect("pipeline");
    let texts = texts();
    let mut checked = 0;
    for lang in ["fr", "en"] {
        let m = p.matcher(lang).expect("matcher");
        let ac = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build_with_values(m.scanned_keys().map(|(k, v)| (k.as_bytes(), v)))
            .expect("automaton");
        let rules = dyad_text::rules(lang.parse::<Lang>().expect("lang"));
        for (_, text) in texts.iter().filter(|(l, _)| l == lang) {
            for range in dyad_text::sentences(text, rules) {
                let sent = &text[range];
                let folded = Folded::new(sent);
                let a = Analysis::new(m, p.kb(), &folded, sent);
                let got: Vec<(usize, usize, u32)> = a.units.iter().map(|u| (u.t0, u.t1, u.key)).collect();
                assert_eq!(got, reference(m, &ac, &folded, sent), "{lang}: {sent}");
                checked += 1;
            }
        }
    }
    assert!(checked > 400, "{checked} sentences");
}

/// Everything an analysis finds, printed: units, groups, cited sources and
/// the candidate events.
fn analyse(a: &mut Analysis<'_>, date: dyad_core::Date) -> String {
    let ctx = Context { date: Some(date), ..Context::default() };
    a.group(&ctx);
    a.confirm_surnames();
    a.attribution();
    let events = a.events(date, &ctx);
    format!("{}\n{:?}\n{:?}\n{:?}\n{events:?}", a.explain(), a.units, a.groups, a.cited)
}

#[test]
fn a_reused_scratch_gives_the_fresh_analysis() {
    let p = Pipeline::new().expect("pipeline");
    let date: dyad_core::Date = "2026-03-05".parse().expect("date");
    // One scratch through every sentence, French and English in turn, long
    // and short: what the previous sentence left in it must not matter.
    let mut scratch = Scratch::default();
    let mut checked = 0;
    for (lang, text) in texts() {
        let m = p.matcher(&lang).expect("matcher");
        let rules = dyad_text::rules(lang.parse::<Lang>().expect("lang"));
        for range in dyad_text::sentences(&text, rules) {
            let sent = &text[range];
            let folded = Folded::new(sent);
            let fresh = analyse(&mut Analysis::new(m, p.kb(), &folded, sent), date);
            let mut a = Analysis::reuse(m, p.kb(), &folded, sent, &mut scratch);
            assert_eq!(analyse(&mut a, date), fresh, "{lang}: {sent}");
            a.recycle(&mut scratch);
            checked += 1;
        }
    }
    assert!(checked > 400, "{checked} sentences");
}

#[test]
fn token_spans_are_the_folding_map_of_their_ends() {
    // The analysis maps a token's ends itself (the identity for a sentence
    // folded byte for byte, `Folded::orig` otherwise): the same offsets as
    // the map, on every sentence of the corpus and on non-ASCII ones.
    let p = Pipeline::new().expect("pipeline");
    let mut extra = vec![
        ("fr".to_string(), "M. Lavrov a rencontré l’Œuvre d’Orient à Téhéran\u{a0}; Сергей ШОЙГУ.".to_string()),
        ("en".to_string(), "Sergei Shoigu (Сергей Шойгу) met İstanbul’s mayor in Łódź: «naïve» ﬁnes.".to_string()),
        ("en".to_string(), "Russia attacked Ukraine on Monday.".to_string()),
    ];
    let mut all = texts();
    all.append(&mut extra);
    let (mut identity, mut mapped) = (0, 0);
    for (lang, text) in all {
        let m = p.matcher(&lang).expect("matcher");
        let rules = dyad_text::rules(lang.parse::<Lang>().expect("lang"));
        for range in dyad_text::sentences(&text, rules) {
            let sent = &text[range];
            let folded = Folded::new(sent);
            let a = Analysis::new(m, p.kb(), &folded, sent);
            for (i, t) in a.toks.iter().enumerate() {
                assert_eq!(a.orig_span(i, i + 1), (folded.orig(t.s), folded.orig(t.e)), "{sent:?}: token {i}");
            }
            *(if folded.is_identity() { &mut identity } else { &mut mapped }) += 1;
        }
    }
    assert!(identity > 50 && mapped > 50, "{identity} identity, {mapped} mapped");
}
