//! The `dyad` binary as a user runs it: inputs, exit codes, schema rules.

mod common;

use common::dyad;
use std::path::PathBuf;
use std::process::Output;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("dyad-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write tmp");
    p.to_string_lossy().into_owned()
}

fn events(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

const FR: &str = "Moscou (Agence) 12 janvier 2026 – Le président russe Vladimir Poutine s’est entretenu mardi par téléphone avec le président turc Recep Tayyip Erdogan, selon l’agence TASS.";

#[test]
fn every_event_follows_the_schema_rules() {
    let dir = root().join("examples/fr");
    let mut files: Vec<String> =
        std::fs::read_dir(&dir).expect("examples/fr").map(|e| e.expect("entry").path().to_string_lossy().into_owned()).collect();
    files.sort();
    let mut args = vec!["code"];
    args.extend(files.iter().map(String::as_str));
    let out = dyad(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let evs = events(&out);
    assert!(evs.len() >= 10, "the bundled French examples yield events ({})", evs.len());
    for e in &evs {
        let code = e["code"].as_str().expect("code is a string");
        let root = e["root"].as_str().expect("root is a string");
        assert!(code.starts_with(root) && root.len() == 2, "{e}");
        for side in ["source", "target"] {
            if e[side].is_null() {
                assert_eq!(side, "target", "a source is never null");
                continue;
            }
            let c = e[side]["code"].as_str().expect("actor code");
            assert_eq!(&c[..3], e[side]["country"].as_str().expect("country"), "{e}");
        }
        // evidence is the verbatim byte slice of the file.
        let doc = e["doc"].as_str().expect("doc");
        let path = files.iter().find(|f| f.contains(doc)).expect("doc is a file stem");
        let text = std::fs::read(path).expect("read example");
        let (s, en) = (e["evidence"]["start"].as_u64().expect("start") as usize, e["evidence"]["end"].as_u64().expect("end") as usize);
        assert_eq!(&text[s..en], e["evidence"]["sentence"].as_str().expect("sentence").as_bytes());
    }
}

#[test]
fn ids_are_stable_across_runs() {
    let f = tmp("stable.txt", FR.as_bytes());
    let a = dyad(&["code", &f], None);
    let b = dyad(&["code", &f], None);
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn bad_jsonl_lines_are_skipped_and_named_the_rest_coded() {
    let src = format!(
        "{}\nthis is not json\n{{\"id\": \"no-text\"}}\n{}\n",
        serde_json::json!({"id": "a", "lang": "fr", "date": "2026-01-13", "text": FR}),
        serde_json::json!({"id": "b", "lang": "fr", "date": "2026-01-13", "text": FR})
    );
    let f = tmp("mixed.jsonl", src.as_bytes());
    let out = dyad(&["code", &f], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("mixed.jsonl:2"), "{err}");
    assert!(err.contains("mixed.jsonl:3") && err.contains("text"), "{err}");
    let docs: Vec<String> = events(&out).iter().map(|e| e["doc"].as_str().unwrap_or("").to_string()).collect();
    assert!(docs.contains(&"a".to_string()) && docs.contains(&"b".to_string()), "{docs:?}");
}

#[test]
fn repeated_ids_are_suffixed_with_a_warning() {
    let line = serde_json::json!({"id": "same", "lang": "fr", "date": "2026-01-13", "text": FR}).to_string();
    let out = dyad(&["code", "-"], Some(format!("{line}\n{line}\n").as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let docs: Vec<String> = events(&out).iter().map(|e| e["doc"].as_str().unwrap_or("").to_string()).collect();
    assert!(docs.contains(&"same-2".to_string()), "{docs:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("repeated"));
}

#[test]
fn stdin_plain_text_and_dateline_date() {
    let out = dyad(&["code", "-"], Some(FR.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let evs = events(&out);
    let e = evs.iter().find(|e| e["code"] == "041").expect("a telephone call");
    assert_eq!(e["source"]["code"], "RUSGOV");
    assert_eq!(e["target"]["code"], "TURGOV");
    // "mardi" in an article dated Monday 12 January 2026 is the Tuesday before.
    assert_eq!(e["date"], "2026-01-06");
    assert_eq!(e["attribution"][0], "TASS");
    assert_eq!(e["location"]["country"], "RUS");
    assert!(e["doc"].as_str().expect("doc").starts_with("doc-"), "content-derived id");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut bytes = FR.as_bytes().to_vec();
    bytes.extend_from_slice(b" \xff\xfe fin.");
    let f = tmp("latin.txt", &bytes);
    let out = dyad(&["code", &f], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
    assert!(!events(&out).is_empty());
}

#[test]
fn empty_and_unsupported_articles_are_skipped() {
    let empty = tmp("empty.txt", b"   \n");
    let de = tmp("de.txt", "Der russische Präsident hat am Dienstag mit dem türkischen Präsidenten telefoniert, wie die Agentur berichtete. Die beiden Politiker sprachen über den Krieg und die Wirtschaft.".as_bytes());
    let out = dyad(&["code", &empty, &de], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("empty") && err.contains("unsupported language"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dyad(&["code", "--date", "12/01/2026", "x.txt"], None).status.code(), Some(2));
    assert_eq!(dyad(&["code", "--lang", "xx", "x.txt"], None).status.code(), Some(2));
    assert_eq!(dyad(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn html_pages_are_reduced_to_their_article() {
    let out = dyad(&["code", root().join("examples/page.html").to_str().expect("path")], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let evs = events(&out);
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| !e["evidence"]["sentence"].as_str().unwrap_or("<").contains('<')));
}

#[test]
fn codes_lists_and_searches_the_codebook() {
    let all = dyad(&["codes"], None);
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 312);
    let tel = String::from_utf8_lossy(&dyad(&["codes", "telephone"], None).stdout).to_string();
    assert!(tel.starts_with("041\t"), "{tel}");
}

#[test]
fn a_long_single_line_article_is_coded_by_sentence() {
    let mut big = String::with_capacity(6_000_000);
    while big.len() < 5_000_000 {
        big.push_str("Le président russe Vladimir Poutine a condamné mardi les États-Unis. ");
    }
    let rec = serde_json::json!({"id": "big", "lang": "fr", "date": "2026-01-13", "text": big}).to_string();
    let f = tmp("big.jsonl", rec.as_bytes());
    let out = dyad(&["code", "--format", "tsv", &f], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() > 1000);
}

#[test]
fn output_matches_the_documented_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("docs/event.schema.json")).expect("schema")).expect("schema is JSON");
    let keys = |v: &serde_json::Value| -> Vec<String> { v.as_object().expect("object").keys().cloned().collect() };
    let top = keys(&schema["properties"]);
    let actor = keys(&schema["$defs"]["actor"]["properties"]);
    let required: Vec<String> =
        schema["required"].as_array().expect("required").iter().map(|r| r.as_str().unwrap_or("").to_string()).collect();
    let out = dyad(&["code", root().join("examples/articles.jsonl").to_str().expect("path")], None);
    let evs = events(&out);
    assert!(!evs.is_empty());
    for e in &evs {
        for k in &required {
            assert!(e.get(k).is_some(), "missing {k} in {e}");
        }
        for k in keys(e) {
            assert!(top.contains(&k), "field {k} is not in docs/event.schema.json");
        }
        for side in ["source", "target"] {
            if e[side].is_object() {
                for k in keys(&e[side]) {
                    assert!(actor.contains(&k), "actor field {k} is not in docs/event.schema.json");
                }
            }
        }
        assert!(e["code"].as_str().is_some_and(|c| (3..=4).contains(&c.len())));
        assert!(e["quad"].as_u64().is_some_and(|q| (1..=4).contains(&q)));
    }
}

#[test]
fn bench_prints_every_figure_as_json() {
    let out = dyad(&["bench", "--size", "0.2", "--json", "--seed", "5"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for k in [
        "sentences_per_s",
        "mb_per_s",
        "events_per_s",
        "baseline_mb_per_s",
        "baseline_ratio",
        "threads_speedup",
        "startup_ms",
        "threads_sentences_per_s",
        "threads_mb_per_s",
        "threads_events_per_s",
        "daachorse_mb_per_s",
        "aho_corasick_mb_per_s",
    ] {
        assert!(v[k].as_f64().is_some_and(|x| x > 0.0 && x.is_finite()), "{k}: {}", v[k]);
    }
    assert!(v["peak_rss_mb"].is_null() || v["peak_rss_mb"].as_f64().is_some_and(|x| x > 10.0));
    assert_eq!(v["seed"], 5);
    assert_eq!(v["threads"], 2);
    let bytes = v["corpus_bytes"].as_u64().expect("corpus_bytes");
    assert!((200_000..210_000).contains(&bytes), "{bytes}");
    assert!(v["sentences"].as_u64().is_some_and(|n| n > 1_000), "{}", v["sentences"]);
    assert!(v["events"].as_u64().is_some_and(|n| n > 100), "{}", v["events"]);
    let ratio = v["baseline_ratio"].as_f64().expect("ratio");
    let expect = v["mb_per_s"].as_f64().expect("mb_per_s") / v["baseline_mb_per_s"].as_f64().expect("baseline");
    assert!((ratio - expect).abs() < 1e-9 && ratio < 1.0, "baseline_ratio {ratio} is a fraction");
    assert!(v["baseline"] == "daachorse" || v["baseline"] == "aho-corasick");
    assert!(String::from_utf8_lossy(&out.stderr).contains("coding on 1 thread"), "progress on stderr");
}

#[test]
fn bench_rejects_a_bad_size() {
    let out = dyad(&["bench", "--size=0"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--size"), "{}", String::from_utf8_lossy(&out.stderr));
}
