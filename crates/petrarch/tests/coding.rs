//! Coding sentences with the hand-written fixture dictionaries: one case per
//! construction the positional analysis handles.

use dyad_core::{Article, Date};
use dyad_petrarch::{Coder, Dictionaries};
use std::path::PathBuf;

fn dicts(name: &str) -> Dictionaries {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    Dictionaries::load(&dir).expect("the fixtures load").0
}

fn triples(coder: &Coder<'_>, date: &str, s: &str) -> Vec<String> {
    let date: Date = date.parse().expect("a date");
    let mut v: Vec<String> = coder.code_sentence(s, date).into_iter().map(|f| format!("{} {} {}", f.source, f.target, f.code)).collect();
    v.sort();
    v
}

const CASES: &[(&str, &str, &[&str])] = &[
    // subject before the verb, target after it
    ("1995-03-01", "Syldavia restored ties with Borduria on Monday.", &["SYL BOR 050"]),
    // agents after a demonym; [040:040] with a compound subject and no target
    ("1995-03-01", "The Syldavian government and Borduria met on Tuesday.", &["BOR SYLGOV 040", "SYLGOV BOR 040"]),
    // passive with "by"
    ("1995-03-01", "Syldavian police were attacked by Bordurian soldiers near Klow.", &["BORMIL SYLCOP 190"]),
    // [042:043]: the visit and its reception; trailing attribution ignored
    ("1938-05-01", "King Muskar visited San Theodoros, officials said.", &["STH SYLGOV 043", "SYLGOV STH 042"]),
    // reported speech: the statement about the reported actor is coded
    ("1945-05-01", "Muskar XII said that Borduria attacked the Syldavian government.", &["SYLELI BOR 010"]),
    // negation through the ontology: "not disapprove" (0xFFFF+0x80) is 050
    ("1995-03-01", "Borduria did not criticize Syldavia.", &["BOR SYL 050"]),
    // a negated code the ontology cannot negate is not coded
    ("1995-03-01", "Syldavia did not welcome the decision of Borduria.", &[]),
    ("1995-03-01", "Syldavia will not threaten Borduria.", &[]),
    // the negation belongs to "try", not to "criticize"
    ("1995-03-01", "Borduria won't try to criticize Syldavia.", &["BOR SYL 110"]),
    // a multi-word verb negated: 170 = 0xFFFF + 0x88 gives 057
    ("1995-03-01", "Syldavia will not wire tap Bordurian officials.", &["SYL BORGOV 057"]),
    // dated codes
    // (in 1977 both are STHGOV: an event within one actor is not coded)
    ("1977-03-01", "General Alcazar accused Tapioca of treason.", &[]),
    ("1974-03-01", "General Alcazar accused Tapioca of treason.", &["STHREB STHGOV 112"]),
    // synonym set members written as several words, in a set without plurals
    ("1995-03-01", "The Borduria foreign minister donated gold crowns to Nuevo Rico.", &["BORGOVFRM NRC 071"]),
    // % : the event is coded among the members of the compound subject
    ("1995-03-01", "Syldavia and Borduria hosted a summit on Friday.", &["BOR SYL 040", "SYL BOR 040"]),
    // a code outside standard CAMEO that the ontology defines
    ("1995-03-01", "Syldavian police seized Bordurian students in Klow.", &["SYLCOP BOREDU 212"]),
    // {&SET WORD} phrase
    ("1995-03-01", "Colonel Sponsz cut trade ties with San Theodoros.", &["BORMIL STH 1621"]),
    // ^ skips a noun phrase, + takes the next actor
    ("1995-03-01", "Syldavia restored ties at the Peace League with Nuevo Rico.", &["SYL NRC 051"]),
    // + before the verb and $ after it: the subject is the target
    ("1995-03-01", "Borduria received a gift from Nuevo Rico.", &["NRC BOR 073"]),
    // a prefix agent ([NGO~]) in a phrase attached by "in"
    ("1995-03-01", "A relief agency in Syldavia donated cash to Borduria.", &["NGOSYL BOR 071"]),
    // two coordinated verbs share the subject
    ("1995-03-01", "Syldavia promised aid to Borduria and attacked Nuevo Rico.", &["SYL BOR 033", "SYL NRC 190"]),
    // a multi-word verb with a particle; "Soldiers from X"
    ("1995-03-01", "Soldiers from Borduria cordoned off the roads into Syldavia.", &["BORMIL SYL 170"]),
    // coordinated agents: the second inherits the actor of the first
    (
        "1995-03-01",
        "Syldavian congressmen and the Ministry of Tourism welcomed the decision of Borduria.",
        &["SYLGOV BOR 052", "SYLLEG BOR 052"],
    ),
    // a known but uncoded actor ([---]) codes nothing; "the government of X"
    ("1995-03-01", "Silent Isle and the government of Syldavia met Borduria.", &["BOR SYLGOV 040", "SYLGOV BOR 040"]),
    // a comma-separated list, and an apposition that is not part of it
    (
        "1995-03-01",
        "Syldavia, Nuevo Rico and San Theodoros met Borduria, the state's oldest rival, on Monday.",
        &["BOR NRC 040", "BOR STH 040", "BOR SYL 040", "NRC BOR 040", "STH BOR 040", "SYL BOR 040"],
    ),
    // a parenthetical between subject and verb
    ("1995-03-01", "Borduria's foreign minister, in remarks published on Monday, criticized Syldavia.", &["BORGOVFRM SYL 110"]),
    // (PREP) with nothing after it; a coordinated target
    ("1995-03-01", "Syldavia hosted talks between Borduria and Nuevo Rico.", &["SYL BOR 045", "SYL NRC 045"]),
    // an event within one country is not coded
    ("1995-03-01", "Syldavia seized Klow for construction of a dam.", &[]),
    // a noun that is also a verb form, after a determiner, is a noun
    ("1995-03-01", "The attack on Borduria angered Syldavia.", &[]),
    // the sentence-level discard list
    ("1995-03-01", "The Syldavian chess team beat Borduria.", &[]),
];

#[test]
fn constructions() {
    let d = dicts("dicts");
    let coder = Coder::new(&d);
    let mut failures = Vec::new();
    for (date, s, want) in CASES {
        let got = triples(&coder, date, s);
        let mut want: Vec<String> = want.iter().map(|x| x.to_string()).collect();
        want.sort();
        if got != want {
            failures.push(format!("{s}\n   want {want:?}\n    got {got:?}\n{}", coder.explain_sentence(s, date.parse().unwrap())));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn tabari_style_patterns_are_word_sequences() {
    let d = dicts("tabari");
    let coder = Coder::new(&d);
    // the negation is written in the pattern, so it is not the ontology's
    assert_eq!(triples(&coder, "1995-03-01", "Syldavia did n't restore ties with Borduria."), ["SYL BOR 112"]);
    assert_eq!(triples(&coder, "1995-03-01", "Syldavia didn't restore ties with Borduria."), ["SYL BOR 112"]);
    // `+ WAS * DEAD IN $`: target before the verb, source after it
    assert_eq!(triples(&coder, "1995-03-01", "A Syldavian was shot dead in Borduria."), ["BOR SYL 224"]);
    // `NOTED + *`: the word before the verb, in another clause
    assert_eq!(triples(&coder, "1995-03-01", "Colonel Sponsz noted that Syldavia restored ties with Nuevo Rico."), ["BORMIL SYL 115"]);
}

#[test]
fn articles_use_their_date_and_the_story_discards() {
    let d = dicts("dicts");
    let coder = Coder::new(&d);
    let a = Article {
        id: "a1".into(),
        text: "King Muskar visited San Theodoros. Syldavia restored ties with Borduria.".into(),
        date: "1938-05-01".parse().ok(),
        ..Article::default()
    };
    let coded = coder.code_article(&a, None, false).unwrap();
    let codes: Vec<(&str, &str)> = coded.events.iter().map(|e| (&*e.source.code, &*e.code)).collect();
    assert_eq!(codes, [("SYLGOV", "042"), ("STH", "043"), ("SYL", "050")]);
    let e = &coded.events[0];
    assert_eq!((&*e.root, e.quad), ("04", 1));
    assert_eq!(&a.text[e.evidence.start..e.evidence.end], &*e.evidence.sentence);
    assert_eq!(e.source.text, "King Muskar");
    assert_eq!(e.trigger, "visited");
    // a code only the ontology defines takes its parent's figures and the ontology's name
    let b = Article {
        id: "b".into(),
        text: "Syldavian police seized Bordurian students.".into(),
        date: "1995-01-01".parse().ok(),
        ..Article::default()
    };
    let ev = &coder.code_article(&b, None, false).unwrap().events[0];
    assert_eq!((&*ev.code, &*ev.root, ev.quad), ("212", "21", 4));
    assert!(ev.name.contains("Arrest"), "{}", ev.name);
    // a story-level discard anywhere drops the whole story
    let c = Article {
        id: "c".into(),
        text: "Syldavia restored ties with Borduria. The football match was a draw.".into(),
        date: a.date,
        ..Article::default()
    };
    let coded = coder.code_article(&c, None, false).unwrap();
    assert!(coded.events.is_empty() && coded.warnings.iter().any(|w| w.contains("discard")));
    // no date anywhere and no default: an error
    let n = Article { id: "n".into(), text: "Syldavia restored ties with Borduria.".into(), ..Article::default() };
    assert!(coder.code_article(&n, None, false).is_err());
}
