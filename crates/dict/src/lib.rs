//! `dyad-dict`: the per-language event dictionaries.
//!
//! A [`LangPack`] holds one language's verb and nominal **patterns**
//! (`data/lang/<lang>/verbs.txt`), the inflected **forms** of every head
//! (`verb_forms.tsv`, generated from lemmas), and the **agents**: role nouns
//! and titles with their CAMEO agent code (`agents.tsv`). The coder compiles
//! their surfaces into its automaton; this crate only parses and validates
//! them (every pattern code must be in the CAMEO codebook).
//!
//! ```
//! let src = "#dyad-format verbs 1\n041\ts'entretenir par téléphone avec +\n";
//! let pats = dyad_dict::parse_patterns(src, "verbs.txt").unwrap();
//! assert_eq!(pats[0].head, "entretenir");
//! assert!(pats[0].reflexive);
//! assert_eq!(pats[0].items.len(), 4);
//! ```

pub mod lang;

use dyad_core::tsv::{self, field_error};
use dyad_core::{codebook, CoreError};
use std::collections::HashMap;

/// The one error type of `dyad-dict`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DictError {
    /// A malformed data file.
    #[error(transparent)]
    Data(#[from] CoreError),
    /// A language with no bundled pack.
    #[error("no dictionary pack for language {0:?} (bundled: fr, en)")]
    NoPack(String),
}

/// One element of a pattern after its head.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A literal word (alternatives), folded; matches inflected variants.
    Word(Vec<String>),
    /// An optional literal word.
    Optional(Vec<String>),
    /// The target actor slot `+`.
    Target,
}

/// A verb or nominal event pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// CAMEO event code.
    pub code: String,
    /// Lemma of the head (folded, without `se`/`~`).
    pub head: String,
    /// Pronominal verb (`s'entretenir`).
    pub reflexive: bool,
    /// The head is a noun (`~manifestation`).
    pub nominal: bool,
    /// `$`: the source follows the head.
    pub source_after: bool,
    /// What must follow the head.
    pub items: Vec<Item>,
    /// Line in verbs.txt, for messages.
    pub line: usize,
}

impl Pattern {
    /// Whether the pattern names where its target is.
    pub fn has_target_slot(&self) -> bool {
        self.items.contains(&Item::Target)
    }
}

/// Folds a dictionary word the way the coder folds text: lowercase, accents
/// stripped, typographic apostrophes made plain.
pub fn fold_word(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '’' | '‘' | 'ʼ' | '′' => s.push('\''),
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' => s.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => s.push('e'),
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' => s.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' => s.push('o'),
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => s.push('u'),
            'ç' | 'Ç' => s.push('c'),
            'ñ' | 'Ñ' => s.push('n'),
            'ÿ' | 'ý' => s.push('y'),
            'œ' | 'Œ' => s.push_str("oe"),
            'æ' | 'Æ' => s.push_str("ae"),
            'ß' => s.push_str("ss"),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

fn alternatives(w: &str) -> Vec<String> {
    w.split('|').map(|a| fold_word(a.trim_start_matches('~'))).collect()
}

/// Parses `verbs.txt` (kind `verbs`). Every code must be in the codebook.
pub fn parse_patterns(src: &str, file: &str) -> Result<Vec<Pattern>, DictError> {
    let book = codebook();
    let mut out = Vec::new();
    for row in tsv::rows(src, file, "verbs", 1, 2)? {
        let code = row.get(0).trim();
        if book.get(code).is_none() {
            return Err(field_error(file, &row, "code", "not a CAMEO event code (see `dyad codes`)").into());
        }
        let text = row.get(1).trim();
        let mut words = text.split_whitespace().peekable();
        let mut source_after = false;
        let mut reflexive = false;
        if words.peek() == Some(&"$") {
            source_after = true;
            words.next();
        }
        let mut head = match words.next() {
            Some(h) => h.to_string(),
            None => return Err(field_error(file, &row, "pattern", "empty pattern").into()),
        };
        if let Some(h) = head.strip_prefix('$') {
            source_after = true;
            head = h.to_string();
        }
        if head == "se" {
            reflexive = true;
            head = words.next().unwrap_or_default().to_string();
        } else if let Some(rest) = head.strip_prefix("s'").or_else(|| head.strip_prefix("s’")) {
            reflexive = true;
            head = rest.to_string();
        }
        let nominal = head.starts_with('~');
        let head = fold_word(head.trim_start_matches('~'));
        if head.is_empty() || head == "+" {
            return Err(field_error(file, &row, "pattern", "the first word must be a verb or ~noun head").into());
        }
        let mut items = Vec::new();
        for w in words {
            if w == "+" {
                items.push(Item::Target);
                continue;
            }
            let (optional, inner) = match w.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
                Some(inner) => (true, inner),
                None => (false, w),
            };
            // Literals are split like the text: "s'abstenir" is "s'" then "abstenir".
            let folded = fold_word(inner);
            let split = !folded.contains('|') && folded.find('\'').is_some_and(|i| i + 1 < folded.len());
            let parts: Vec<String> = if split {
                let i = folded.find('\'').unwrap_or(0);
                vec![folded[..=i].to_string(), folded[i + 1..].to_string()]
            } else {
                vec![inner.to_string()]
            };
            for part in parts {
                let alts = alternatives(part.trim_start_matches('~'));
                items.push(if optional { Item::Optional(alts) } else { Item::Word(alts) });
            }
        }
        if items.iter().filter(|i| **i == Item::Target).count() > 1 {
            return Err(field_error(file, &row, "pattern", "more than one `+` target slot").into());
        }
        out.push(Pattern { code: code.to_string(), head, reflexive, nominal, source_after, items, line: row.line });
    }
    Ok(out)
}

/// An inflected form of a head lemma.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// The form, folded.
    pub form: String,
    /// Its lemma, folded.
    pub lemma: String,
    /// Tense/mood tag (`P`, `K`, `C`, `W` … in French; `base`, `past` … in English).
    pub tag: String,
}

/// Parses `verb_forms.tsv` (kind `verb-forms`).
pub fn parse_forms(src: &str, file: &str) -> Result<Vec<Form>, DictError> {
    Ok(tsv::rows(src, file, "verb-forms", 1, 3)?
        .into_iter()
        .map(|r| Form { form: fold_word(r.get(0).trim()), lemma: fold_word(r.get(1).trim()), tag: r.get(2).trim().to_string() })
        .collect())
}

/// A role noun or title and the agent code it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    /// CAMEO agent code (`GOV`, `MIL`, `LEG` …).
    pub code: String,
    /// The surface as written in the file.
    pub surface: String,
}

/// Parses `agents.tsv` (kind `agents`).
pub fn parse_agents(src: &str, file: &str) -> Result<Vec<Agent>, DictError> {
    let mut out = Vec::new();
    for r in tsv::rows(src, file, "agents", 1, 2)? {
        let code = r.get(0).trim();
        if code.is_empty() || code.len() % 3 != 0 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(field_error(file, &r, "code", "an agent code is one or more three-letter CAMEO codes (GOV, GOVMIL)").into());
        }
        out.push(Agent { code: code.to_string(), surface: r.get(1).trim().to_string() });
    }
    Ok(out)
}

/// An office named by a title ("ministre de la Défense" → `defence-minister`).
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    /// Office key shared across languages.
    pub office: String,
    /// Folded words that must all occur; a trailing `*` marks a prefix.
    pub words: Vec<String>,
}

impl Office {
    /// Whether every word of the line occurs among `tokens` (folded words).
    pub fn matches(&self, tokens: &[&str]) -> bool {
        self.words.iter().all(|w| match w.strip_suffix('*') {
            Some(prefix) => tokens.iter().any(|t| t.starts_with(prefix)),
            None => tokens.contains(&w.as_str()),
        })
    }
}

/// Parses `offices.tsv` (kind `offices`).
pub fn parse_offices(src: &str, file: &str) -> Result<Vec<Office>, DictError> {
    let mut out = Vec::new();
    for r in tsv::rows(src, file, "offices", 1, 2)? {
        let words: Vec<String> = r.get(1).split_whitespace().map(fold_word).collect();
        if r.get(0).trim().is_empty() || words.is_empty() {
            return Err(field_error(file, &r, "words", "an office line needs a key and at least one word").into());
        }
        out.push(Office { office: r.get(0).trim().to_string(), words });
    }
    Ok(out)
}

/// The office a title or role description names: the first matching line.
pub fn office_of<'a>(offices: &'a [Office], folded_text: &str) -> Option<&'a str> {
    let tokens: Vec<&str> = folded_text.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|t| !t.is_empty()).collect();
    offices.iter().find(|o| o.matches(&tokens)).map(|o| o.office.as_str())
}

/// One language's patterns, forms and agents.
#[derive(Debug)]
pub struct LangPack {
    /// ISO 639-1 code.
    pub lang: &'static str,
    /// Event patterns.
    pub patterns: Vec<Pattern>,
    /// Inflected forms of the verb heads.
    pub forms: Vec<Form>,
    /// Agents and titles.
    pub agents: Vec<Agent>,
    /// How many of `agents` come from the pack's own `agents.tsv` (the rest
    /// are converted extras, see [`lang::extra_agents`]).
    pub own_agents: usize,
    /// Offices named by titles.
    pub offices: Vec<Office>,
    by_head: HashMap<String, Vec<usize>>,
}

impl LangPack {
    /// Builds a pack from the three files' contents.
    pub fn parse(
        lang: &'static str,
        verbs: (&str, &str),
        forms: (&str, &str),
        agents: (&str, &str),
        offices: (&str, &str),
    ) -> Result<LangPack, DictError> {
        let patterns = parse_patterns(verbs.1, verbs.0)?;
        let forms = parse_forms(forms.1, forms.0)?;
        let agents = parse_agents(agents.1, agents.0)?;
        let offices = parse_offices(offices.1, offices.0)?;
        let mut by_head: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            by_head.entry(p.head.clone()).or_default().push(i);
        }
        let own_agents = agents.len();
        Ok(LangPack { lang, patterns, forms, agents, own_agents, offices, by_head })
    }

    /// Patterns whose head is `lemma` (folded).
    pub fn patterns_for(&self, lemma: &str) -> &[usize] {
        self.by_head.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The bundled pack for `lang` ("fr" or "en").
    pub fn bundled(lang: &str) -> Result<LangPack, DictError> {
        let (code, v, f, a, o) = lang::bundled_sources(lang).ok_or_else(|| DictError::NoPack(lang.to_string()))?;
        let mut pack = LangPack::parse(code, v, f, a, o)?;
        for (name, src) in lang::extra_agents(lang) {
            pack.agents.extend(parse_agents(src, name)?);
        }
        Ok(pack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_parse_with_slots_and_alternatives() {
        let src =
            "#dyad-format verbs 1\n112\taccuser + de\n057\tsigner ~accord|traité (avec) +\n1411\t~manifestation\n043\t$recevoir par\n";
        let p = parse_patterns(src, "v").unwrap();
        assert_eq!(p[0].items, vec![Item::Target, Item::Word(vec!["de".into()])]);
        assert_eq!(p[1].items[0], Item::Word(vec!["accord".into(), "traite".into()]));
        assert_eq!(p[1].items[1], Item::Optional(vec!["avec".into()]));
        assert!(p[2].nominal && p[2].items.is_empty());
        assert!(p[3].source_after && p[3].head == "recevoir");
        let p = parse_patterns("#dyad-format verbs 1\n0252\texhorter + à s'abstenir\n", "v").unwrap();
        assert_eq!(p[0].items[2], Item::Word(vec!["s'".into()]));
        assert_eq!(p[0].items[3], Item::Word(vec!["abstenir".into()]));
    }

    #[test]
    fn offices_name_titles_in_both_languages() {
        let fr = LangPack::bundled("fr").unwrap();
        let en = LangPack::bundled("en").unwrap();
        let f = |o: &[Office], s: &str| office_of(o, &fold_word(s)).map(str::to_string);
        assert_eq!(f(&fr.offices, "ministre russe de la Défense").as_deref(), Some("defence-minister"));
        assert_eq!(f(&fr.offices, "président du Parlement iranien").as_deref(), Some("speaker"));
        assert_eq!(f(&fr.offices, "président iranien").as_deref(), Some("head-of-state"));
        assert_eq!(f(&fr.offices, "secrétaire du Conseil suprême de sécurité nationale").as_deref(), Some("security-council-secretary"));
        assert_eq!(f(&en.offices, "Secretary of the Security Council of Russia").as_deref(), Some("security-council-secretary"));
        assert_eq!(f(&en.offices, "United States Secretary of State").as_deref(), Some("foreign-minister"));
        assert_eq!(f(&en.offices, "Minister of Defence of Russia").as_deref(), Some("defence-minister"));
        assert_eq!(f(&en.offices, "Representative of the Supreme Leader in the Defense Council"), None);
    }

    #[test]
    fn english_pack_loads_the_converted_phoenix_agents_after_its_own() {
        let en = LangPack::bundled("en").unwrap();
        let code = |s: &str| en.agents.iter().find(|a| a.surface == s).map(|a| a.code.as_str());
        assert_eq!(code("sharecroppers"), Some("AGR"), "a Phoenix agent noun");
        let own = parse_agents(include_str!("../../../data/lang/en/agents.tsv"), "agents.tsv").unwrap();
        assert!(en.agents.len() > own.len() + 1000);
        assert_eq!(en.agents[..own.len()], own[..], "the hand-written agents come first");
        assert_eq!(en.own_agents, own.len());
        assert!(LangPack::bundled("fr").unwrap().agents.len() < en.agents.len());
    }

    #[test]
    fn unknown_codes_are_refused_with_their_line() {
        let e = parse_patterns("#dyad-format verbs 1\n# c\n999\tfoo\n", "verbs.txt").unwrap_err().to_string();
        assert!(e.contains("verbs.txt:3") && e.contains("code"), "{e}");
    }

    #[test]
    fn bundled_packs_parse() {
        for lang in ["fr", "en"] {
            let p = LangPack::bundled(lang).unwrap();
            assert!(!p.patterns.is_empty(), "{lang} has patterns");
            for pat in &p.patterns {
                assert!(
                    pat.nominal || p.forms.iter().any(|f| f.lemma == pat.head),
                    "{lang}: verbs.txt:{} head {:?} has no forms (re-run tools/gen_forms_{lang}.py)",
                    pat.line,
                    pat.head
                );
            }
        }
    }
}
