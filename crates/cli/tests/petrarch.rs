//! `dyad code --petrarch-dicts` and `dyad dict convert --from petrarch`, run
//! as a user runs them, on the hand-written fixtures of crates/petrarch.

mod common;

use common::dyad;
use std::path::PathBuf;

fn fixtures(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../petrarch/tests/fixtures").join(name).to_string_lossy().into_owned()
}

fn tmp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyad-cli-petrarch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("tmp dir");
    d
}

const RECORDS: &str = r#"{"id": "d1", "date": "1938-05-01", "text": "King Muskar visited San Theodoros, officials said. Borduria did not criticize Syldavia."}
{"id": "d2", "date": "1995-03-01", "text": "Syldavian police seized Bordurian students in Klow."}
{"id": "d3", "date": "1995-03-01", "text": "The football match ended in a draw. Syldavia restored ties with Borduria."}
"#;

#[test]
fn codes_with_the_dictionaries_in_the_event_schema() {
    let out = dyad(&["code", "--format", "jsonl", "--petrarch-dicts", &fixtures("dicts"), "-"], Some(RECORDS.as_bytes()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // unsupported constructs are reported once, with file:line
    assert!(err.contains("Test.verbs.txt:98: warning: verb transformations"), "{err}");
    assert!(err.contains("3 articles coded, 4 events"), "{err}");
    let evs: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    let triples: Vec<String> = evs
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {}",
                e["doc"].as_str().unwrap_or(""),
                e["source"]["code"].as_str().unwrap_or(""),
                e["target"]["code"].as_str().unwrap_or(""),
                e["code"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(triples, ["d1 SYLGOV STH 042", "d1 STH SYLGOV 043", "d1 BOR SYL 050", "d2 SYLCOP BOREDU 212"]);
    let required = [
        "id",
        "doc",
        "date",
        "code",
        "root",
        "quad",
        "goldstein",
        "name",
        "source",
        "target",
        "location",
        "attribution",
        "evidence",
        "trigger",
        "lang",
    ];
    for e in &evs {
        for k in required {
            assert!(e.get(k).is_some(), "field {k} in {e}");
        }
        let code = e["code"].as_str().expect("code");
        assert!(code.starts_with(e["root"].as_str().expect("root")));
        let q = e["quad"].as_u64().expect("quad");
        assert!((1..=4).contains(&q));
        for side in ["source", "target"] {
            let c = e[side]["code"].as_str().expect("actor code");
            assert_eq!(&c[..3], e[side]["country"].as_str().expect("country"));
        }
        assert_eq!(e["date"].as_str().map(|d| d.len()), Some(10));
    }
    // the sentence is the verbatim slice of the record's text
    let d1 = RECORDS.lines().next().expect("line");
    let text = serde_json::from_str::<serde_json::Value>(d1).expect("json")["text"].as_str().expect("text").to_string();
    let e = &evs[0];
    let (s, en) = (e["evidence"]["start"].as_u64().expect("start") as usize, e["evidence"]["end"].as_u64().expect("end") as usize);
    assert_eq!(&text[s..en], e["evidence"]["sentence"].as_str().expect("sentence"));
    assert_eq!(e["trigger"], "visited");
    assert_eq!(e["source"]["text"], "King Muskar");
}

#[test]
fn tsv_output_and_a_default_date() {
    let out = dyad(
        &["code", "--format", "tsv", "--date", "1938-06-01", "--petrarch-dicts", &fixtures("dicts"), "-"],
        Some(b"King Muskar visited San Theodoros."),
    );
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert_eq!((rows[0][1], rows[0][2], rows[0][4], rows[0][5]), ("1938-06-01", "042", "SYLGOV", "STH"));
}

#[test]
fn malformed_dictionary_lines_are_listed_and_the_rest_is_used() {
    let out = dyad(&["code", "--petrarch-dicts", &fixtures("malformed"), "--date", "1995-01-01", "-"], Some(b"Syldavia met Syldavia."));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("Bad.actors.txt:3: error:") && err.contains("Bad.verbs.txt:5: error:"), "{err}");
    assert!(err.contains("8 malformed dictionary line(s) skipped"), "{err}");
}

#[test]
fn usage_errors() {
    let out = dyad(&["code", "--petrarch-dicts", "/nonexistent/petrarch-dicts", "-"], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/petrarch-dicts"));
    let out = dyad(&["dict", "convert", "--from", "tabari", &fixtures("dicts"), "--to", "/tmp/x"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("petrarch"));
}

#[test]
fn convert_writes_dyad_files_and_a_report() {
    let to = tmp_dir("convert");
    let out = dyad(&["dict", "convert", "--from", "petrarch", &fixtures("dicts"), "--to", &to.to_string_lossy()], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("not expressible: `^` skips: 1"), "{err}");
    for f in [
        "lang/en/verbs.txt",
        "lang/en/verb_forms.tsv",
        "lang/en/agents.tsv",
        "actors/persons.tsv",
        "actors/roles.tsv",
        "actors/organisations.tsv",
        "names/countries.tsv",
        "REPORT.md",
    ] {
        assert!(to.join(f).is_file(), "{f} written");
    }
    let verbs = std::fs::read_to_string(to.join("lang/en/verbs.txt")).expect("verbs");
    assert!(verbs.starts_with("#dyad-format verbs 1\n"));
    assert!(verbs.contains("\n050\trestore\n"));
    let _ = std::fs::remove_dir_all(&to);
}
