//! Language identification per article.
//!
//! Two signals on the first ~2 KB: stopword hits of each supported language
//! (from the lexicons) and `whichlang`, a fast 16-language classifier that
//! recognises the languages dyad does not code (German, Spanish, Russian,
//! Arabic…) so that they are reported rather than guessed.

use crate::fold::fold;
use crate::lexicon::rules;
use crate::{Lang, LangRules};

/// How much of an article is read, in bytes.
const WINDOW: usize = 2048;
/// Fewest stopword hits to accept a language.
const MIN_HITS: usize = 3;
/// Lowest share of words that must be stopwords of the language.
const MIN_RATE: f32 = 0.12;

/// The language of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Identified {
    /// The language, if dyad codes it.
    pub lang: Option<Lang>,
    /// ISO 639-1 code of the best guess (`"fr"`, `"de"`, `"ru"`…), `"und"`
    /// when there is too little text to tell.
    pub code: &'static str,
    /// 0–1: for a supported language, how sure the choice is; for another
    /// language, how sure it is neither French nor English.
    pub confidence: f32,
}

fn iso639_1(l: whichlang::Lang) -> &'static str {
    use whichlang::Lang as W;
    match l {
        W::Ara => "ar",
        W::Cmn => "zh",
        W::Deu => "de",
        W::Eng => "en",
        W::Fra => "fr",
        W::Hin => "hi",
        W::Ita => "it",
        W::Jpn => "ja",
        W::Kor => "ko",
        W::Nld => "nl",
        W::Por => "pt",
        W::Rus => "ru",
        W::Spa => "es",
        W::Swe => "sv",
        W::Tur => "tr",
        W::Vie => "vi",
    }
}

/// Identifies the language of an article from its first ~2 KB, using the
/// stopwords of the bundled lexicons.
///
/// ```
/// use dyad_text::{identify, Lang};
/// let de = identify("Der Außenminister hat am Dienstag mit seinem Amtskollegen über die Lage in der Ukraine gesprochen und die Gespräche fortgesetzt.");
/// assert_eq!((de.lang, de.code), (None, "de"));
/// ```
pub fn identify(text: &str) -> Identified {
    identify_with(text, &[(Lang::Fr, rules(Lang::Fr)), (Lang::En, rules(Lang::En))])
}

/// [`identify`] with explicit rules (one entry per supported language).
pub(crate) fn identify_with(text: &str, langs: &[(Lang, &LangRules)]) -> Identified {
    let mut cut = text.len().min(WINDOW);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &text[..cut];
    let folded = fold(window);
    let mut hits = vec![0usize; langs.len()];
    let mut words = 0usize;
    let mut elided = String::new();
    let mut rest = folded.as_str();
    while let Some(s) = rest.find(char::is_alphabetic) {
        rest = &rest[s..];
        let e = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let w = &rest[..e];
        words += 1;
        let apostrophe = rest[e..].starts_with('\'');
        if apostrophe {
            elided.clear();
            elided.push_str(w);
            elided.push('\'');
        }
        for ((_, r), h) in langs.iter().zip(hits.iter_mut()) {
            if r.is_stopword(w) || (apostrophe && r.is_stopword(&elided)) {
                *h += 1;
            }
        }
        rest = &rest[e..];
    }
    let undetermined = Identified { lang: None, code: "und", confidence: 0.0 };
    if words == 0 {
        return undetermined;
    }
    let wl = iso639_1(whichlang::detect_language(window));
    let total: usize = hits.iter().sum();
    let (best_i, best) = hits.iter().copied().enumerate().max_by_key(|&(i, h)| (h, std::cmp::Reverse(i))).unwrap_or((0, 0));
    let second = hits.iter().copied().enumerate().filter(|&(i, _)| i != best_i).map(|(_, h)| h).max().unwrap_or(0);
    let rate = best as f32 / words as f32;
    let by_stopwords = (best >= MIN_HITS && rate >= MIN_RATE && best > second).then(|| langs[best_i].0);
    let share = |h: usize| if total == 0 { 0.0 } else { h as f32 / total as f32 };
    let strength = |h: usize| (h as f32 / 10.0).min(1.0);
    let supported = |l: Lang| Identified { lang: Some(l), code: l.as_str(), confidence: 0.0 };
    let wl_lang = langs.iter().position(|(l, _)| l.as_str() == wl);
    match (by_stopwords, wl_lang) {
        // Both agree.
        (Some(l), Some(i)) if langs[i].0 == l => Identified { confidence: share(best) * strength(best), ..supported(l) },
        // They disagree between supported languages: a clear stopword margin
        // wins, else whichlang.
        (Some(l), Some(i)) => {
            if best >= 2 * hits[i].max(1) {
                Identified { confidence: 0.5 * share(best) * strength(best), ..supported(l) }
            } else {
                Identified { confidence: 0.5 * share(hits[i]) * strength(hits[i]), ..supported(langs[i].0) }
            }
        }
        // Few stopwords but whichlang says a supported language.
        (None, Some(i)) if hits[i] >= MIN_HITS => {
            Identified { confidence: 0.5 * share(hits[i]) * strength(hits[i]), ..supported(langs[i].0) }
        }
        (None, Some(_)) => Identified { code: wl, ..undetermined },
        // whichlang says another language: believe it unless the stopwords
        // are overwhelming (a text of names can fool it).
        (Some(l), None) if rate >= 0.3 && best >= 3 * second.max(1) => Identified { confidence: 0.5 * strength(best), ..supported(l) },
        (_, None) => Identified { lang: None, code: wl, confidence: 1.0 - (rate / 0.3).min(1.0) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tests::{en, fr};

    fn id(t: &str) -> (Option<Lang>, &'static str) {
        let (f, e) = (fr(), en());
        let r = identify_with(t, &[(Lang::Fr, &f), (Lang::En, &e)]);
        assert!((0.0..=1.0).contains(&r.confidence), "{r:?}");
        (r.lang, r.code)
    }

    #[test]
    fn tells_french_from_english() {
        assert_eq!(
            id("Le ministre russe des Affaires étrangères a rencontré mardi son homologue iranien à Moscou pour discuter de l'accord sur le nucléaire."),
            (Some(Lang::Fr), "fr")
        );
        assert_eq!(
            id("The Russian foreign minister met his Iranian counterpart in Moscow on Tuesday to discuss the nuclear agreement and the sanctions."),
            (Some(Lang::En), "en")
        );
    }

    #[test]
    fn reports_other_languages() {
        assert_eq!(
            id("El ministro ruso de Asuntos Exteriores se reunió el martes con su homólogo iraní en Moscú para hablar del acuerdo nuclear."),
            (None, "es")
        );
        assert_eq!(id("Министр иностранных дел России во вторник встретился со своим иранским коллегой в Москве."), (None, "ru"));
        assert_eq!(
            id("Der russische Außenminister hat sich am Dienstag mit seinem iranischen Amtskollegen in Moskau getroffen."),
            (None, "de")
        );
    }

    #[test]
    fn bundled_stopwords() {
        let cases = [
            ("Moscou (Le Journal de Bruxelles) 12 janvier 2026 – Le secrétaire du Conseil de sécurité russe s’est entretenu par téléphone avec son homologue iranien. Les deux responsables ont évoqué la situation au Moyen-Orient.", Some(Lang::Fr), "fr"),
            ("WASHINGTON, Jan. 5 (Reuters) - U.S. Secretary of State Marco Rubio spoke by phone with his Russian counterpart on Monday, the State Department said, adding that the two discussed Ukraine.", Some(Lang::En), "en"),
            ("Il ministro degli Esteri russo ha incontrato martedì a Mosca il suo omologo iraniano per discutere dell'accordo sul nucleare e delle sanzioni.", None, "it"),
            ("O ministro dos Negócios Estrangeiros russo reuniu-se na terça-feira em Moscovo com o seu homólogo iraniano para discutir o acordo nuclear.", None, "pt"),
            ("De Russische minister van Buitenlandse Zaken heeft dinsdag in Moskou zijn Iraanse ambtgenoot ontmoet om het nucleaire akkoord te bespreken.", None, "nl"),
        ];
        for (text, lang, code) in cases {
            let r = identify(text);
            assert_eq!((r.lang, r.code), (lang, code), "{text}");
            if lang.is_some() {
                assert!(r.confidence > 0.5, "{r:?}");
            }
        }
    }

    #[test]
    fn too_little_text() {
        assert_eq!(id(""), (None, "und"));
        assert_eq!(id("12 345 !!"), (None, "und"));
        assert_eq!(id("Moscou").0, None);
    }
}
