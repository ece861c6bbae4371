//! Reading PETRARCH dictionaries from the hand-written fixtures.

use dyad_petrarch::{Dictionaries, FileKind, Severity};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

#[test]
fn a_full_directory_loads_with_its_warnings() {
    let (d, diags) = Dictionaries::load(&fixture("dicts")).unwrap();
    let kinds: Vec<FileKind> = d.files.iter().map(|f| f.0).collect();
    assert_eq!(kinds, [FileKind::Ontology, FileKind::Verbs, FileKind::Actors, FileKind::Actors, FileKind::Agents, FileKind::Discards]);
    assert_eq!(d.files[2].1, "A.Countries.actors.txt", "actor files are read in name order");
    assert!(d.verbs.blocks.iter().any(|b| b.name == "HOST"));
    assert_eq!(d.ontology.as_ref().unwrap().negate("110"), Some("050"));
    assert!(diags.iter().all(|x| x.severity == Severity::Warning), "{diags:?}");
    let text: Vec<String> = diags.iter().map(|x| x.to_string()).collect();
    assert!(text.iter().any(|t| t.starts_with("Test.verbs.txt:98: warning: verb transformations")), "{text:?}");
    assert!(text.iter().any(|t| t.starts_with("Test.verbs.txt:95: warning: synonym set &LOANS")), "{text:?}");
    // the pattern naming the undefined set is dropped, the others kept
    let welcome = d.verbs.blocks.iter().find(|b| b.name == "WELCOME").unwrap();
    assert_eq!(welcome.patterns.len(), 1);
    // agents: substitution sets, plurals, prefix/suffix
    let surf: Vec<String> = d.agents.iter().map(|a| a.words.join(" ")).collect();
    for s in ["CONGRESSMEN", "MINISTRY OF TOURISM", "RELIEF AGENCIES", "STUDENTS", "POLICE"] {
        assert!(surf.contains(&s.to_string()), "{s} in {surf:?}");
    }
    assert!(!surf.contains(&"POLICES".to_string()), "{{}} means no plural");
    assert_eq!(d.discards.iter().filter(|x| x.story).count(), 1);
}

#[test]
fn dated_actor_codes_resolve_inclusively_and_earlier_files_win() {
    let (d, _) = Dictionaries::load(&fixture("dicts")).unwrap();
    let on = |name: &str, date: &str| -> Option<String> {
        let date = date.parse().unwrap();
        let recs: Vec<_> = d.actors.iter().filter(|a| a.names.iter().any(|n| n.join(" ") == name)).collect();
        let dated = recs.iter().find_map(|a| a.dated.iter().find(|r| r.holds_on(date)).map(|r| r.code.as_str().to_string()));
        dated.or_else(|| recs.iter().find_map(|a| a.default.as_ref().map(|c| c.as_str().to_string())))
    };
    assert_eq!(on("KING MUSKAR", "1938-01-01").as_deref(), Some("SYLGOV"), "first day inclusive");
    assert_eq!(on("MUSKAR XII", "1939-12-31").as_deref(), Some("SYLGOV"), "last day inclusive");
    assert_eq!(on("KING MUSKAR", "1940-01-01").as_deref(), Some("SYLELI"), "YYMMDD 400101 is 1940");
    assert_eq!(on("KING MUSKAR", "1939-12-31").as_deref(), Some("SYLGOV"));
    assert_eq!(on("GENERAL ALCAZAR", "1975-12-31").as_deref(), Some("STHREB"));
    assert_eq!(on("GENERAL ALCAZAR", "1977-06-01").as_deref(), Some("STHGOV"), "the first file's dated code overrides the second's");
    assert_eq!(on("GENERAL ALCAZAR", "1995-06-01").as_deref(), Some("XXXGOV"), "the second file's dated code where the first has none");
    assert_eq!(on("GENERAL ALCAZAR", "2005-06-01").as_deref(), Some("STHELI"), "then the first default");
    assert_eq!(on("SILENT ISLE", "2005-06-01").as_deref(), Some("---"));
}

#[test]
fn malformed_lines_are_errors_with_file_and_line_and_the_rest_loads() {
    let (d, diags) = Dictionaries::load(&fixture("malformed")).unwrap();
    let errors: Vec<String> = diags.iter().filter(|x| x.severity == Severity::Error).map(|x| x.to_string()).collect();
    let expect = [
        "Bad.actors.txt:3: error:",
        "Bad.actors.txt:4: error:",
        "Bad.agents.txt:2: error:",
        "Bad.agents.txt:3: error:",
        "Bad.verbs.txt:2: error:",
        "Bad.verbs.txt:5: error:",
        "Bad.verbs.txt:6: error:",
        "Bad.verbs.txt:7: error:",
    ];
    for e in expect {
        assert!(errors.iter().any(|x| x.starts_with(e)), "{e} in {errors:#?}");
    }
    assert_eq!(errors.len(), expect.len(), "{errors:#?}");
    let warns: Vec<String> = diags.iter().filter(|x| x.severity == Severity::Warning).map(|x| x.to_string()).collect();
    assert!(warns.iter().any(|w| w.starts_with("Bad.verbs.txt:8: warning: pattern code: `04X`")), "{warns:#?}");
    // what could be read was read
    assert_eq!(d.verbs.blocks[0].verbs.len(), 1);
    assert_eq!(d.actors.len(), 2);
    assert_eq!(d.agents.iter().filter(|a| a.code == "GOV").count(), 2, "GOVERNMENT and its plural");
}

#[test]
fn a_directory_without_verbs_is_refused() {
    let e = Dictionaries::from_sources(&[(FileKind::Actors, "a.txt", "X [XXX]\n")]).unwrap_err();
    assert!(e.to_string().contains("verb dictionary"), "{e}");
    let e = Dictionaries::load(&fixture("no-such-dir")).unwrap_err();
    assert!(e.to_string().contains("no-such-dir"), "{e}");
}

#[test]
fn tabari_style_files_are_recognised() {
    let (d, diags) = Dictionaries::load(&fixture("tabari")).unwrap();
    assert!(d.verbs.blocks.iter().flat_map(|b| &b.patterns).all(|p| p.flat));
    assert!(diags.iter().any(|x| x.message.contains("TABARI")), "{diags:?}");
    let (d, _) = Dictionaries::load(&fixture("dicts")).unwrap();
    assert!(d.verbs.blocks.iter().flat_map(|b| &b.patterns).all(|p| !p.flat));
}
