//! One module per language: the closed word classes the assembler needs.
//! Everything open-class lives in `data/lang/<lang>/`.

pub mod en;
pub mod fr;

use crate::lexicon::Closed;

/// The closed classes of `lang`, if dyad codes it.
pub fn closed(lang: &str) -> Option<Closed> {
    match lang {
        "fr" => Some(fr::closed()),
        "en" => Some(en::closed()),
        _ => None,
    }
}

/// Languages dyad codes.
pub const SUPPORTED: [&str; 2] = ["fr", "en"];
