//! English closed classes.

use crate::lexicon::Closed;

/// English closed word classes (folded).
pub fn closed() -> Closed {
    Closed {
        glue: vec!["of", "the", "'s", "s"],
        preps: vec![
            "to", "with", "against", "by", "for", "on", "at", "from", "of", "in", "into", "about", "between", "among", "toward",
            "towards", "over", "after", "before", "during", "without", "like", "than", "upon", "via", "amid", "despite",
        ],
        locatives: vec!["in", "at", "from", "near", "outside", "inside", "to"],
        reflexives: vec![],
        passive_aux: vec!["be"],
        between: vec!["between"],
        possessives: vec!["its", "his", "her", "their", "our"],
        relatives: vec!["who", "which", "that"],
        by: vec!["by"],
        agency: vec!["agency", "broadcaster"],
        modals: vec!["will", "would", "could", "may", "might", "should", "must", "can", "shall"],
        to: vec!["to"],
        determiners: vec!["a", "an", "the", "this", "these", "that", "its", "their", "his", "her", "any", "no", "new", "first"],
        pair_countries: vec!["countries", "nations", "states", "governments", "capitals"],
        home_country: None,
        future_aux: vec![],
        quantities: vec!["thousands", "hundreds", "dozens", "millions", "scores", "tens", "group", "crowd", "number", "majority", "some", "many", "several", "most", "one", "two", "three"],
        adjective_first: true,
        inside: vec!["in", "inside", "across", "throughout"],
        aspectual: vec!["continue", "begin", "start", "keep", "resume"],
        reporting: vec!["said", "says", "say", "told", "declared", "stated", "reiterated", "insisted", "announced", "stressed", "concluded", "added", "noted", "argued", "confirmed", "claimed", "warned", "indicated"],
        obligation: vec!["must", "should"],
        gerund_intro: vec!["while", "after", "before", "by", "when"],
    }
}
