//! English.

use super::LangSpec;

/// English: "January 1st", "next Tuesday", "last Monday".
pub(crate) const SPEC: LangSpec = LangSpec {
    lexicon: include_str!("../../../../data/lang/en/lexicon.tsv"),
    lexicon_file: "data/lang/en/lexicon.tsv",
    ordinal_suffixes: &["st", "nd", "rd", "th"],
    next_before: &["next", "coming"],
    next_after: &[],
    last_before: &["last", "past"],
    last_after: &[],
};
