//! Per-language knowledge that is code rather than word lists: where the
//! bundled lexicon is, and small closed sets used by the date resolvers.
//! Each language has its own module; generic code asks [`spec`] and never
//! tests a language code itself.

use crate::Lang;

mod en;
mod fr;

/// What the generic code needs to know about one language beyond its lexicon.
#[derive(Debug)]
pub(crate) struct LangSpec {
    /// The bundled `data/lang/<lang>/lexicon.tsv`.
    pub lexicon: &'static str,
    /// Its path, for error messages.
    pub lexicon_file: &'static str,
    /// Suffixes allowed after a day number ("1er", "5th"), folded.
    pub ordinal_suffixes: &'static [&'static str],
    /// Folded words right before a weekday meaning the coming one ("next").
    pub next_before: &'static [&'static str],
    /// Folded words right after a weekday meaning the coming one ("prochain").
    pub next_after: &'static [&'static str],
    /// Folded words right before a weekday meaning strictly before ("last").
    pub last_before: &'static [&'static str],
    /// Folded words right after a weekday meaning strictly before ("dernier").
    pub last_after: &'static [&'static str],
}

/// The spec of `lang`.
pub(crate) fn spec(lang: Lang) -> &'static LangSpec {
    match lang {
        Lang::Fr => &fr::SPEC,
        Lang::En => &en::SPEC,
    }
}

/// The specs that apply to rules of language `lang` (all of them when the
/// rules were parsed from an anonymous source).
pub(crate) fn specs(lang: Option<Lang>) -> impl Iterator<Item = &'static LangSpec> {
    Lang::ALL
        .into_iter()
        .filter(move |l| match lang {
            Some(x) => x == *l,
            None => true,
        })
        .map(spec)
}
