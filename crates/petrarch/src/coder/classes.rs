//! English closed word classes the positional analysis needs. PETRARCH
//! relied on a parser for these; dyad's PETRARCH mode has none, so the
//! function words are listed here (the dictionaries only know content words).

/// The class of a token that is not an actor, agent or verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cls {
    /// Anything else: nouns, adjectives, unknown verbs.
    Word,
    /// Part of an actor name.
    Actor,
    /// Part of an agent.
    Agent,
    /// Part of a verb form used as a verb here.
    Verb,
    /// the, a, some, this ...
    Det,
    /// its, their, his ...
    PossPron,
    /// 's, '
    Poss,
    /// it, they, he ...
    Pron,
    /// who, which, whom, whose
    Rel,
    /// that, whether (a complement clause follows)
    That,
    /// of, in, with ...
    Prep,
    /// after, before, when, because ... (open a clause)
    Opener,
    /// to
    To,
    /// and, or, nor, but
    Conj,
    /// neither, either, both (before a coordination)
    Neither,
    /// be, have, do and the modals
    Aux,
    /// not, n't, never
    Neg,
    /// adverbs
    Adv,
    /// ,
    Comma,
    /// other punctuation
    Punct,
    /// numbers
    Num,
}

const DET: &[&str] = &[
    "THE", "A", "AN", "THIS", "THESE", "THOSE", "SOME", "ANY", "ALL", "EACH", "EVERY", "NO", "ANOTHER", "OTHER", "SUCH", "MANY", "SEVERAL",
    "FEW", "MUCH", "MOST", "BOTH",
];
const POSS_PRON: &[&str] = &["ITS", "THEIR", "HIS", "HER", "OUR", "YOUR", "MY"];
const PRON: &[&str] = &["IT", "THEY", "HE", "SHE", "WE", "I", "YOU", "THEM", "HIM", "US", "ITSELF", "THEMSELVES", "HIMSELF", "HERSELF"];
const REL: &[&str] = &["WHO", "WHICH", "WHOM", "WHOSE"];
const PREP: &[&str] = &[
    "OF",
    "IN",
    "ON",
    "AT",
    "BY",
    "FOR",
    "WITH",
    "FROM",
    "INTO",
    "ONTO",
    "AGAINST",
    "OVER",
    "UNDER",
    "ABOUT",
    "DURING",
    "TOWARDS",
    "TOWARD",
    "THROUGH",
    "THROUGHOUT",
    "ACROSS",
    "BETWEEN",
    "AMONG",
    "AMONGST",
    "NEAR",
    "WITHOUT",
    "WITHIN",
    "UPON",
    "DESPITE",
    "ALONG",
    "AROUND",
    "BEHIND",
    "BEYOND",
    "PER",
    "VIA",
    "LIKE",
    "THAN",
    "INCLUDING",
    "REGARDING",
    "CONCERNING",
    "AMID",
    "AMIDST",
    "OUTSIDE",
    "INSIDE",
    "ABOVE",
    "BELOW",
    "BESIDE",
    "BESIDES",
    "EXCEPT",
    "OFF",
    "UP",
    "DOWN",
    "OUT",
    "FOLLOWING",
    "ONBOARD",
    "ABOARD",
    "UNLIKE",
    "TO-DAY",
];
const OPENER: &[&str] = &[
    "AFTER", "BEFORE", "WHEN", "WHILE", "BECAUSE", "ALTHOUGH", "THOUGH", "IF", "UNTIL", "TILL", "UNLESS", "SINCE", "WHERE", "WHEREAS",
    "ONCE", "AS",
];
const CONJ: &[&str] = &["AND", "OR", "NOR", "BUT", "&"];
const NEITHER: &[&str] = &["NEITHER", "EITHER"];
const AUX: &[&str] = &[
    "IS", "ARE", "AM", "WAS", "WERE", "BE", "BEEN", "BEING", "HAS", "HAVE", "HAD", "HAVING", "WILL", "WOULD", "SHALL", "SHOULD", "CAN",
    "COULD", "MAY", "MIGHT", "MUST", "DO", "DOES", "DID", "WO", "CA", "SHA", "'LL", "'D", "'VE", "'RE", "'M", "CANNOT", "OUGHT",
];
/// Forms of "be" (a past participle after one is passive).
pub const BE: &[&str] = &["IS", "ARE", "AM", "WAS", "WERE", "BE", "BEEN", "BEING", "'RE", "'M"];
const NEG: &[&str] = &["NOT", "N'T", "NEVER"];
const ADV: &[&str] = &[
    "NOW",
    "AGAIN",
    "ALSO",
    "ALREADY",
    "STILL",
    "YET",
    "EVER",
    "EVEN",
    "JUST",
    "SOON",
    "THEN",
    "TODAY",
    "YESTERDAY",
    "TOMORROW",
    "TONIGHT",
    "HERE",
    "THERE",
    "ALMOST",
    "NEARLY",
    "VERY",
    "MORE",
    "LESS",
    "REALLY",
    "QUITE",
    "RATHER",
    "SO",
    "TOO",
    "ALWAYS",
    "OFTEN",
    "SOMETIMES",
    "TWICE",
    "LATER",
    "EARLIER",
    "ONLY",
    "PERHAPS",
    "MAYBE",
    "INSTEAD",
    "HOWEVER",
    "MEANWHILE",
    "THUS",
    "HENCE",
    "OTHERWISE",
    "FURTHERMORE",
    "MOREOVER",
    "NEVERTHELESS",
    "NONETHELESS",
    "ANEW",
    "AFRESH",
    "WELL",
    "FAR",
    "ABROAD",
    "AHEAD",
    "AWAY",
    "SOMEWHAT",
    "ANYWAY",
    "ALONE",
    "LIKEWISE",
];
/// Words in -LY that are not adverbs.
const LY_NOT_ADV: &[&str] = &[
    "SUPPLY",
    "APPLY",
    "REPLY",
    "RELY",
    "ALLY",
    "FLY",
    "JULY",
    "ITALY",
    "FAMILY",
    "ASSEMBLY",
    "MONOPOLY",
    "RALLY",
    "ANOMALY",
    "BELLY",
    "BULLY",
    "HOLY",
    "MULTIPLY",
    "COMPLY",
    "IMPLY",
    "JOLLY",
    "TALLY",
    "BUTTERFLY",
    "DRAGONFLY",
    "ROLY",
];

/// The class of a plain token (not a mention or verb).
pub fn class_of(w: &str) -> Cls {
    if w == "," {
        return Cls::Comma;
    }
    if !w.chars().any(|c| c.is_alphanumeric()) {
        return if w == "&" { Cls::Conj } else { Cls::Punct };
    }
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Cls::Num;
    }
    let is = |list: &[&str]| list.contains(&w);
    if w == "TO" {
        Cls::To
    } else if w == "THAT" || w == "WHETHER" {
        Cls::That
    } else if w == "'S" || w == "'" {
        Cls::Poss
    } else if is(NEG) {
        Cls::Neg
    } else if is(AUX) {
        Cls::Aux
    } else if is(DET) {
        Cls::Det
    } else if is(POSS_PRON) {
        Cls::PossPron
    } else if is(PRON) {
        Cls::Pron
    } else if is(REL) {
        Cls::Rel
    } else if is(OPENER) {
        Cls::Opener
    } else if is(PREP) {
        Cls::Prep
    } else if is(CONJ) {
        Cls::Conj
    } else if is(NEITHER) {
        Cls::Neither
    } else if is(ADV) || (w.len() > 4 && w.ends_with("LY") && !is(LY_NOT_ADV)) {
        Cls::Adv
    } else if is_number_word(w) {
        Cls::Num
    } else {
        Cls::Word
    }
}

fn is_number_word(w: &str) -> bool {
    [
        "ONE",
        "TWO",
        "THREE",
        "FOUR",
        "FIVE",
        "SIX",
        "SEVEN",
        "EIGHT",
        "NINE",
        "TEN",
        "ELEVEN",
        "TWELVE",
        "TWENTY",
        "THIRTY",
        "FORTY",
        "FIFTY",
        "HUNDRED",
        "THOUSAND",
        "MILLION",
        "BILLION",
        "DOZEN",
        "DOZENS",
        "HUNDREDS",
        "THOUSANDS",
        "MILLIONS",
    ]
    .contains(&w)
}

/// Prepositions that attach a phrase to the noun before them when looking
/// for a subject ("lawmakers in Arnor", "the government of Gondor", "North
/// Korea on Thursday").
pub fn attaching_prep(w: &str) -> bool {
    ["OF", "IN", "ON", "AT", "FROM", "BETWEEN", "AMONG", "AMONGST", "DURING", "NEAR", "INSIDE", "OUTSIDE", "ACROSS"].contains(&w)
}

/// Whether a token class belongs inside a noun phrase chunk.
pub fn nominal(c: Cls) -> bool {
    matches!(c, Cls::Word | Cls::Actor | Cls::Agent | Cls::Det | Cls::PossPron | Cls::Poss | Cls::Num)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(class_of("THE"), Cls::Det);
        assert_eq!(class_of("N'T"), Cls::Neg);
        assert_eq!(class_of("WO"), Cls::Aux);
        assert_eq!(class_of("STRANGELY"), Cls::Adv);
        assert_eq!(class_of("SUPPLY"), Cls::Word);
        assert_eq!(class_of("AFTER"), Cls::Opener);
        assert_eq!(class_of("800"), Cls::Num);
        assert_eq!(class_of(","), Cls::Comma);
        assert_eq!(class_of("'S"), Cls::Poss);
    }
}
