//! Throughput of folding and sentence splitting on a large generated text.
//!
//! `cargo run --release -p dyad-text --example text_speed [MB]`

use dyad_text::{fold_into, rules, sentences, Folded, Lang};
use std::time::Instant;

const FR: &[&str] = &[
    "Moscou (Le Journal de Bruxelles) 12 janvier 2026 – M. Sergueï Lavrov a reçu mardi son homologue iranien à Moscou.",
    "Les deux ministres ont évoqué « la coopération stratégique » et l’accord sur le nucléaire, selon l’agence Tass.",
    "Le taux d’enrichissement atteint 3.5 % d’après l’AIEA, qui n’a pas été autorisée à inspecter le site.",
    "Quel est le contenu de l’accord ?",
    "Le Gén. Durand et Mme Dupont se sont entretenus par téléphone avec le Dr Martin !",
];
const EN: &[&str] = &[
    "WASHINGTON, Jan. 5 (Reuters) - The U.S. Secretary of State met his Russian counterpart on Tuesday.",
    "\"We agreed on a framework,\" Gen. Smith told reporters in Washington, according to officials.",
    "The talks, which resumed after 3.5 years, focused on sanctions and the Iranian nuclear programme.",
];

fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100);
    let only_split = std::env::args().nth(2).is_some_and(|a| a == "split");
    let target = mb * 1_000_000;
    for (lang, parts) in [(Lang::Fr, FR), (Lang::En, EN)] {
        let mut text = String::with_capacity(target + 256);
        let mut n = 0usize;
        while text.len() < target {
            text.push_str(parts[n % parts.len()]);
            text.push(if n % 7 == 6 { '\n' } else { ' ' });
            n += 1;
        }
        let size = text.len() as f64 / 1e6;
        let r = rules(lang);

        if only_split {
            let t = Instant::now();
            let mut ns = 0;
            for _ in 0..5 {
                ns += sentences(&text, r).count();
            }
            println!("{lang}: split only {:.0} MB/s ({ns})", 5.0 * size / t.elapsed().as_secs_f64());
            continue;
        }
        fold_only(&text);
        let t = Instant::now();
        let f = Folded::new(&text);
        let dt = t.elapsed().as_secs_f64();
        println!("{lang}: Folded::new      {size:.0} MB in {dt:.3} s = {:.0} MB/s", size / dt);
        let probe = f.text.len() / 2;
        std::hint::black_box(f.orig(probe));
        drop(f);

        let mut buf = String::new();
        let t = Instant::now();
        let mut count = 0usize;
        for r in sentences(&text, r) {
            buf.clear();
            fold_into(&text[r], &mut buf);
            count += buf.len();
        }
        let dt_both = t.elapsed().as_secs_f64();
        std::hint::black_box(count);

        let t = Instant::now();
        let ns = sentences(&text, r).count();
        let dt = t.elapsed().as_secs_f64();
        println!(
            "{lang}: sentences()      {size:.0} MB in {dt:.3} s = {:.0} MB/s, {ns} sentences = {:.1} M sentences/s",
            size / dt,
            ns as f64 / dt / 1e6
        );
        println!("{lang}: split + fold_into per sentence = {:.0} MB/s", size / dt_both);
    }
}

fn fold_only(text: &str) {
    let mut buf = String::with_capacity(text.len());
    let t = Instant::now();
    fold_into(text, &mut buf);
    let dt = t.elapsed().as_secs_f64();
    println!("fold_into {:.0} MB/s", text.len() as f64 / 1e6 / dt);
}
