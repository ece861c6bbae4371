//! Stale-title detection: a title written with a known person is compared
//! with the roles that person held on the article date.

use dyad_coder::{Options, Pipeline};

fn checks(text: &str, date: &str, lang: &str) -> Vec<(String, Option<String>, String)> {
    let p = Pipeline::new().expect("pipeline");
    let a =
        dyad_core::Article { id: "t".into(), text: text.into(), date: date.parse().ok(), lang: Some(lang.into()), ..Default::default() };
    let mut out = Vec::new();
    for e in p.code(&a, &Options::default()).expect("codes").events {
        for actor in [Some(e.source), e.target].into_iter().flatten() {
            if let (Some(entity), Some(c)) = (actor.entity, actor.title_check) {
                let row = (entity.into_owned(), actor.title.map(std::borrow::Cow::into_owned), c.status);
                if !out.contains(&row) {
                    out.push(row);
                }
            }
        }
    }
    out
}

#[test]
fn a_former_office_is_flagged_stale_and_a_held_one_current() {
    let text = "Le ministre russe de la Défense Sergueï Choïgou s’est entretenu mardi par téléphone avec le président iranien Massoud Pezeshkian. \
                Choïgou a ensuite rencontré Vladimir Poutine.";
    let c = checks(text, "2026-01-12", "fr");
    let get = |who: &str, title: Option<&str>| c.iter().find(|(e, t, _)| e == who && t.as_deref() == title).map(|r| r.2.clone());
    assert_eq!(get("Sergei Shoigu", Some("ministre russe de la Défense")).as_deref(), Some("stale"), "{c:?}");
    assert_eq!(get("Masoud Pezeshkian", Some("président iranien")).as_deref(), Some("current"), "{c:?}");
    // The later bare "Choïgou" carries the check of the titled mention.
    assert_eq!(get("Sergei Shoigu", None).as_deref(), Some("stale"), "{c:?}");
    // Putin has no title here: no check at all.
    assert!(c.iter().all(|(e, _, _)| e != "Vladimir Putin"), "{c:?}");
}

#[test]
fn the_same_title_was_current_before_the_change() {
    let text = "Defence Minister Sergei Shoigu met Iranian President Masoud Pezeshkian in Moscow on Tuesday.";
    let before = checks(text, "2024-05-11", "en");
    assert!(before.iter().any(|(e, _, s)| e == "Sergei Shoigu" && s == "current"), "{before:?}");
    let after = checks(text, "2024-05-13", "en");
    assert!(after.iter().any(|(e, _, s)| e == "Sergei Shoigu" && s == "stale"), "{after:?}");
}
