//! One module per language: where its files are and how its nouns inflect.

pub mod en;
pub mod fr;

/// A bundled file: (name, contents).
pub type File = (&'static str, &'static str);

/// (lang, verbs, forms, agents, offices) files of a bundled pack.
pub type Sources = (&'static str, File, File, File, File);

/// The bundled sources for `lang`.
pub fn bundled_sources(lang: &str) -> Option<Sources> {
    match lang {
        "fr" => Some(fr::SOURCES),
        "en" => Some(en::SOURCES),
        _ => None,
    }
}

/// Further agent files of a bundled pack, loaded after its `agents.tsv`.
pub fn extra_agents(lang: &str) -> &'static [File] {
    match lang {
        "fr" => fr::EXTRA_AGENTS,
        "en" => en::EXTRA_AGENTS,
        _ => &[],
    }
}

/// Plural of a folded noun, per language.
pub fn plural(lang: &str, noun: &str) -> Option<String> {
    match lang {
        "fr" => Some(fr::plural(noun)),
        "en" => Some(en::plural(noun)),
        _ => None,
    }
}

/// Inflectional endings a literal pattern word may carry (agreement).
pub fn agreement_endings(lang: &str) -> &'static [&'static str] {
    match lang {
        "fr" => fr::AGREEMENT,
        "en" => en::AGREEMENT,
        _ => &[],
    }
}
