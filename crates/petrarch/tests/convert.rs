//! `convert`: the fixtures written in dyad's own format, read back with
//! dyad's own readers.

use dyad_petrarch::convert::convert_with;
use dyad_petrarch::Dictionaries;
use std::path::PathBuf;

fn out_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dyad-petrarch-convert-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn the_fixtures_convert_and_load_with_dyads_readers() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dicts");
    let (d, diags) = Dictionaries::load(&dir).unwrap();
    let out = out_dir("dicts");
    let report = convert_with(&d, &out, &diags).unwrap();
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();

    let verbs = read("lang/en/verbs.txt");
    let pats = dyad_dict::parse_patterns(&verbs, "verbs.txt").unwrap();
    let forms = dyad_dict::parse_forms(&read("lang/en/verb_forms.tsv"), "verb_forms.tsv").unwrap();
    let agents = dyad_dict::parse_agents(&read("lang/en/agents.tsv"), "agents.tsv").unwrap();
    for p in &pats {
        assert!(forms.iter().any(|f| f.lemma == p.head), "verbs.txt:{} head {} has forms", p.line, p.head);
    }
    let line = |code: &str, text: &str| {
        pats.iter().any(|p| p.code == code && verbs.lines().nth(p.line - 1).is_some_and(|l| l == format!("{code}\t{text}")))
    };
    assert!(line("112", "accuse"), "block default code");
    assert!(line("111", "charge"), "a verb's own code");
    assert!(line("194", "attack with artillery"), "(PREP NOUN)");
    assert!(line("190", "open fire"), "multi-word verb");
    assert!(
        line("071", "donate cash|ducat|ducats|florins|thaler|thalers"),
        "nested synonym sets as alternatives, plurals generated where allowed"
    );
    assert!(line("071", "donate gold crowns"), "a multi-word member on its own line");
    assert!(line("073", "$receive a gift"), "+ before and $ after the verb");
    assert!(line("042", "visit to +"), "target slot");
    assert!(!verbs.contains("\t$seize") && !pats.iter().any(|p| p.code == "212"), "212 has no CAMEO parent: not written");
    assert!(forms.iter().any(|f| f.form == "gave" && f.lemma == "give"), "irregular forms");
    assert!(forms.iter().any(|f| f.form == "restoring" && f.lemma == "restore" && f.tag == "ing"));
    assert!(agents.iter().any(|a| a.code == "GOVFRM" && a.surface == "foreign minister"));
    assert!(agents.iter().any(|a| a.code == "LEG" && a.surface == "congressmen"));
    assert!(!agents.iter().any(|a| a.code == "NGO"), "prefix agents are not expressible");

    let kb = dyad_kb::Kb::from_sources(
        ("countries.tsv", &read("names/countries.tsv")),
        ("cities.tsv", "#dyad-format cities 1\n"),
        ("organisations.tsv", &read("actors/organisations.tsv")),
        ("persons.tsv", &read("actors/persons.tsv")),
        ("roles.tsv", &read("actors/roles.tsv")),
    )
    .unwrap();
    let muskar = kb.persons.iter().position(|p| p.name == "King Muskar").unwrap();
    let roles: Vec<String> = kb
        .roles_of(muskar)
        .map(|r| format!("{} {} {}", r.code, r.start.map_or("-".into(), |d| d.to_string()), r.end.map_or("-".into(), |d| d.to_string())))
        .collect();
    assert_eq!(roles, ["SYLGOV 1938-01-01 1940-01-01", "SYLELI 1940-01-01 -"], "inclusive PETRARCH ends become exclusive dyad ends");
    assert!(kb.persons[muskar].aliases.iter().any(|(_, a)| a == "Muskar Xii"));
    assert!(kb.countries.iter().any(|c| c.country == "SYL" && c.surface == "Syldavian"));
    assert!(kb.orgs.iter().any(|o| o.code == "IGOPLG" && o.surface == "Peace League"));

    let md = read("REPORT.md");
    for lost in [
        "`%` compound actors",
        "`^` skips",
        "null-coded patterns",
        "reverse event of [X:Y] codes",
        "prefix agents",
        "discard list",
        "internal coding ontology",
    ] {
        assert!(report.lost.contains_key(lost) || report.lost.keys().any(|k| k.starts_with(lost)), "{lost} in {:?}", report.lost.keys());
        assert!(md.contains(lost), "{lost} in REPORT.md");
    }
    assert!(md.contains("Test.verbs.txt:59"), "examples name file:line");
    let _ = std::fs::remove_dir_all(&out);
}
