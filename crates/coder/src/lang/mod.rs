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

#[cfg(test)]
mod tests {
    use super::*;

    /// `modal_before` finds only [`Closed::modals`]: a future or
    /// reported-future modal missing from them would never be read; and
    /// the languages whose names a language reads are other languages dyad
    /// has.
    #[test]
    fn closed_lists_agree_with_each_other() {
        for lang in SUPPORTED {
            let c = closed(lang).expect("supported");
            for m in c.future_modals.iter().chain(&c.reported_future_modals) {
                assert!(c.modals.contains(m), "{lang}: {m:?} is not in modals");
            }
            assert!(c.future_modals.iter().all(|m| !c.reported_future_modals.contains(m)), "{lang}");
            // A language reads its own names anyway; the others it reads are ones dyad has.
            assert!(c.name_languages.iter().all(|l| *l != lang && SUPPORTED.contains(l)), "{lang}: {:?}", c.name_languages);
        }
    }
}
