//! Text preparation for dyad: everything between a raw news page and the
//! sentences the coder reads.
//!
//! - [`html_to_text`]: the main text of a news page, title first.
//! - [`identify`]: which language an article is in ([`Lang::Fr`], [`Lang::En`],
//!   or an unsupported one reported by its ISO 639-1 code).
//! - [`sentences`]: lazy sentence splitting that knows the language's
//!   abbreviations (from `data/lang/<lang>/lexicon.tsv`, see [`LangRules`]),
//!   and [`is_boilerplate`] for page furniture.
//! - [`Folded`]: lowercased, accent-free text for matching, with an exact map
//!   back to original byte offsets.
//! - [`dateline_date`], [`dateline_place`], [`relative_date`], [`sentence_date`]:
//!   when and where a story was filed, and what "mardi", "yesterday" or "le
//!   13 janvier" mean in it.
//!
//! Language knowledge lives in the lexicon files and in one module per
//! language (`src/lang/fr.rs`, `src/lang/en.rs`); the code here is generic.
//!
//! ```
//! use dyad_text::{dateline_date, dateline_place, identify, relative_date, rules, sentences, Folded, Lang};
//!
//! let text = "PARIS (AFP) 12 janvier 2026 – M. Barrot a rencontré mardi son homologue \
//!             iranien. Les deux ministres ont évoqué le programme nucléaire.";
//! let id = identify(text);
//! assert_eq!(id.lang, Some(Lang::Fr));
//! let fr = rules(Lang::Fr);
//! let (date, _) = dateline_date(text, fr).unwrap();
//! assert_eq!(date.to_string(), "2026-01-12");
//! assert_eq!(&text[dateline_place(text).unwrap()], "PARIS");
//! let sents: Vec<&str> = sentences(text, fr).map(|r| &text[r]).collect();
//! assert_eq!(sents.len(), 2, "no split after the abbreviation M.");
//! let first = Folded::new(sents[0]);
//! assert!(first.text.contains("a rencontre mardi"));
//! // 2026-01-12 is a Monday: "mardi" is the Tuesday before it.
//! assert_eq!(relative_date(&first.text, fr, date).unwrap().to_string(), "2026-01-06");
//! ```

#![cfg_attr(test, allow(clippy::unwrap_used))]

mod dateline;
mod fold;
mod html;
mod identify;
mod lang;
mod lexicon;
mod scan;
mod sentence;

pub use dateline::{dateline_date, dateline_date_with_year, dateline_place, relative_date, sentence_date, weekday_on_or_before};
pub use dyad_core::Date;
pub use fold::{fold, fold_into, Folded};
pub use html::html_to_text;
pub use identify::{identify, Identified};
pub use lexicon::{rules, try_rules, Fx, FxMap, LangRules, LEXICON_KINDS};
pub use sentence::{is_boilerplate, is_boilerplate_folded, is_boilerplate_in, sentences, Sentences};

use std::fmt;
use std::str::FromStr;

/// Errors of the text layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The first line of a data file is not the expected format header.
    #[error("{file}:1: expected header `#dyad-format {kind} {version}`, found `{found}`; regenerate or fix the file")]
    Header {
        /// File name.
        file: String,
        /// Expected kind.
        kind: &'static str,
        /// Expected version.
        version: u32,
        /// What the first line held.
        found: String,
    },
    /// A malformed row.
    #[error("{file}:{line}: field `{field}`: {msg}; fix the file")]
    Row {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The offending field.
        field: &'static str,
        /// What is wrong.
        msg: String,
    },
    /// A language code dyad does not code.
    #[error("unsupported language `{0}` (expected `fr` or `en`)")]
    UnknownLang(String),
}

/// A language dyad codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// ISO 639-1 code: `"fr"`, `"en"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = TextError;
    /// Parses `fr`/`en` (any case, surrounding spaces ignored).
    fn from_str(s: &str) -> Result<Lang, TextError> {
        let t = s.trim();
        Lang::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(t)).ok_or_else(|| TextError::UnknownLang(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_round_trips() {
        for l in Lang::ALL {
            assert_eq!(l.to_string().parse::<Lang>().unwrap(), l);
        }
        assert_eq!(" FR ".parse::<Lang>().unwrap(), Lang::Fr);
        let e = "de".parse::<Lang>().unwrap_err();
        assert_eq!(e, TextError::UnknownLang("de".into()));
        assert!(e.to_string().contains("`de`"));
    }
}
