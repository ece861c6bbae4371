//! French.

use super::LangSpec;

/// French: "1er janvier", "mardi prochain", "lundi dernier".
pub(crate) const SPEC: LangSpec = LangSpec {
    lexicon: include_str!("../../../../data/lang/fr/lexicon.tsv"),
    lexicon_file: "data/lang/fr/lexicon.tsv",
    ordinal_suffixes: &["er", "re", "e", "eme"],
    next_before: &[],
    next_after: &["prochain", "prochaine"],
    last_before: &[],
    last_after: &["dernier", "derniere"],
};
