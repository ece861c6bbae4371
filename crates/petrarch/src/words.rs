//! Words: the tokenizer shared by the dictionaries and the text, and the
//! regular English inflections PETRARCH generates (noun plurals, verb forms).
//!
//! Tokens are upper-case and accent-free (PETRARCH's dictionaries are upper
//! case), split the way the Penn Treebank splits English: possessive `'S`,
//! contracted negation `N'T` ("didn't" → `DID N'T`, "won't" → `WO N'T`),
//! punctuation on its own. Abbreviations written with periods (`U.S.`,
//! `K.U.`) and numbers with separators (`50,000`, `11.8`) stay one token.

use dyad_text::Folded;

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Upper-case, accent-free form.
    pub w: String,
    /// First byte in the original text.
    pub start: usize,
    /// One past the last byte in the original text.
    pub end: usize,
    /// Written with an initial capital.
    pub cap: bool,
}

impl Tok {
    /// True for punctuation (no letter or digit).
    pub fn is_punct(&self) -> bool {
        !self.w.chars().any(|c| c.is_alphanumeric())
    }
}

fn is_delim(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '{' | '}' | '"' | '!' | '?' | '«' | '»')
}

/// Splits `text` into tokens whose offsets point into `text`.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let folded = Folded::new(text);
    let f = folded.text.as_str();
    let chars: Vec<(usize, char)> = f.char_indices().collect();
    let mut raw: Vec<(usize, usize)> = Vec::new(); // folded byte ranges
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_delim(c) {
            raw.push((b, b + c.len_utf8()));
            i += 1;
            continue;
        }
        let start = b;
        let mut j = i;
        while j < chars.len() {
            let c = chars[j].1;
            if c == ',' && j > i && chars[j - 1].1.is_ascii_digit() && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit()) {
                j += 1;
                continue;
            }
            if is_delim(c) {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(f.len(), |x| x.0);
        split_run(f, start, end, &mut raw);
        i = j;
    }
    raw.into_iter()
        .filter(|(s, e)| e > s)
        .map(|(s, e)| {
            let (start, end) = (folded.orig(s), folded.orig_end(e));
            let cap = text.get(start..end).and_then(|t| t.chars().next()).is_some_and(char::is_uppercase);
            Tok { w: f[s..e].to_uppercase(), start, end, cap }
        })
        .collect()
}

/// `u.s.`, `k.u.`, `u.s.s.r`: single letters joined by periods.
fn is_dotted_abbrev(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .enumerate()
            .all(|(k, p)| (p.chars().count() == 1 && p.chars().all(char::is_alphabetic)) || (p.is_empty() && k == parts.len() - 1))
}

/// Splits one whitespace-delimited run into tokens (folded byte ranges).
fn split_run(f: &str, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    // Leading quotes and apostrophes.
    while s < e && matches!(f.as_bytes()[s], b'\'' | b'`') {
        out.push((s, s + 1));
        s += 1;
    }
    // Trailing periods (unless an abbreviation or a lone dash/ellipsis).
    let mut tail: Vec<(usize, usize)> = Vec::new();
    loop {
        if s >= e {
            break;
        }
        let w = &f[s..e];
        if w.ends_with('.') && !is_dotted_abbrev(w) && w.len() > 1 {
            tail.push((e - 1, e));
            e -= 1;
            continue;
        }
        break;
    }
    if s < e {
        let w = &f[s..e];
        let lower = w;
        let clitics = ["n't", "'s", "'ll", "'re", "'ve", "'d", "'m"];
        let mut split_at = None;
        for c in clitics {
            if lower.len() > c.len() && lower.ends_with(c) {
                split_at = Some(e - c.len());
                break;
            }
        }
        if split_at.is_none() && lower.len() > 1 && lower.ends_with('\'') {
            split_at = Some(e - 1);
        }
        match split_at {
            Some(m) => {
                out.push((s, m));
                out.push((m, e));
            }
            None => out.push((s, e)),
        }
    }
    tail.reverse();
    out.extend(tail);
}

/// The words of a dictionary phrase: `_` joins words, the rest is tokenized
/// as text is (so `DID_N'T` gives `DID N'T`, `U.S._` gives `U.S.`).
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let spaced = phrase.replace('_', " ");
    tokenize(&spaced).into_iter().map(|t| t.w).collect()
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// The regular plural of an upper-case noun (PETRARCH's rules, extended to
/// the other sibilants): `S`, `ES` after S/X/Z/CH/SH, `IES` after a
/// consonant + Y.
pub fn plural(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if n == 0 {
        return String::new();
    }
    if w.ends_with('S') || w.ends_with('X') || w.ends_with('Z') || w.ends_with("CH") || w.ends_with("SH") {
        format!("{w}ES")
    } else if n >= 2 && b[n - 1] == b'Y' && !is_vowel(b[n - 2]) {
        format!("{}IES", &w[..n - 1])
    } else {
        format!("{w}S")
    }
}

/// Whether `token` is `word` or a regular plural of it (either way round),
/// the loose noun match used by pattern words.
pub fn same_noun(token: &str, word: &str) -> bool {
    token == word || (token.len() > word.len() && plural(word) == token) || (word.len() > token.len() && plural(token) == word)
}

/// Regular forms of an upper-case English verb, the base first: third
/// person `-S`, past `-ED`, gerund `-ING`; a final consonant is also tried
/// doubled (`PERMITTED`), which costs nothing when the form never occurs.
pub fn verb_forms(v: &str) -> Vec<String> {
    let b = v.as_bytes();
    let n = b.len();
    let mut out = vec![v.to_string()];
    if n == 0 || !v.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
        return out;
    }
    let last = b[n - 1];
    let prev = if n >= 2 { b[n - 2] } else { 0 };
    // third person
    if v.ends_with('S') || v.ends_with('X') || v.ends_with('Z') || v.ends_with("CH") || v.ends_with("SH") || v.ends_with('O') {
        out.push(format!("{v}ES"));
    } else if last == b'Y' && !is_vowel(prev) {
        out.push(format!("{}IES", &v[..n - 1]));
    } else {
        out.push(format!("{v}S"));
    }
    // past
    if last == b'E' {
        out.push(format!("{v}D"));
    } else if last == b'Y' && !is_vowel(prev) {
        out.push(format!("{}IED", &v[..n - 1]));
    } else {
        out.push(format!("{v}ED"));
    }
    // gerund
    if v.ends_with("IE") {
        out.push(format!("{}YING", &v[..n - 2]));
    } else if last == b'E' && !matches!(prev, b'E' | b'Y' | b'O') && n > 2 {
        out.push(format!("{}ING", &v[..n - 1]));
    } else {
        out.push(format!("{v}ING"));
    }
    // doubled final consonant (CVC)
    let ante = if n >= 3 { b[n - 3] } else { b'A' };
    if n >= 3 && !is_vowel(last) && !matches!(last, b'W' | b'X' | b'Y') && is_vowel(prev) && !is_vowel(ante) {
        let c = last as char;
        out.push(format!("{v}{c}ED"));
        out.push(format!("{v}{c}ING"));
    }
    out.dedup();
    out
}

/// How a form of a verb reads: base, third person, past (or participle), gerund.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// "restore"
    Base,
    /// "restores"
    Third,
    /// "restored", "broken", "left": may be a past participle.
    Past,
    /// "restoring"
    Gerund,
}

/// Guesses the kind of a verb form from its spelling and its base.
pub fn form_kind(form: &str, base: &str) -> FormKind {
    if form == base {
        FormKind::Base
    } else if form.ends_with("ING") && !base.ends_with("ING") {
        FormKind::Gerund
    } else if form.ends_with('S')
        && !form.ends_with("SS")
        && form.len() <= base.len() + 2
        && form.starts_with(&base[..base.len().saturating_sub(1)])
    {
        FormKind::Third
    } else {
        FormKind::Past
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.w).collect()
    }

    #[test]
    fn treebank_style_tokens() {
        assert_eq!(ws("Dagolath's minister didn't go."), ["DAGOLATH", "'S", "MINISTER", "DID", "N'T", "GO", "."]);
        assert_eq!(ws("He won't, can't."), ["HE", "WO", "N'T", ",", "CA", "N'T", "."]);
        assert_eq!(ws("The K.U. team and the U.S. left."), ["THE", "K.U.", "TEAM", "AND", "THE", "U.S.", "LEFT", "."]);
        assert_eq!(ws("some 50,000 tonnes, 11.8 million"), ["SOME", "50,000", "TONNES", ",", "11.8", "MILLION"]);
        assert_eq!(ws("an anti- Gondor parade (EU)"), ["AN", "ANTI-", "GONDOR", "PARADE", "(", "EU", ")"]);
        assert_eq!(ws("the two nations’ boundary"), ["THE", "TWO", "NATIONS", "'", "BOUNDARY"]);
        assert_eq!(ws("Élysée cease-fire"), ["ELYSEE", "CEASE-FIRE"]);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let s = "Le ministre l’a dit à Téhéran.";
        for t in tokenize(s) {
            assert!(s.get(t.start..t.end).is_some(), "{t:?}");
        }
        let t = tokenize(s);
        let teh = t.iter().find(|t| t.w == "TEHERAN").unwrap();
        assert_eq!(&s[teh.start..teh.end], "Téhéran");
    }

    #[test]
    fn phrases() {
        assert_eq!(phrase_words("GAZA_CITY"), ["GAZA", "CITY"]);
        assert_eq!(phrase_words("U.N._"), ["U.N."]);
        assert_eq!(phrase_words("DID N'T"), ["DID", "N'T"]);
        assert_eq!(phrase_words("ADEN_ABYAN_(AAIA)_"), ["ADEN", "ABYAN", "(", "AAIA", ")"]);
    }

    #[test]
    fn inflections() {
        assert_eq!(plural("CONGRESS"), "CONGRESSES");
        assert_eq!(plural("AUTHORITY"), "AUTHORITIES");
        assert_eq!(plural("ATTORNEY"), "ATTORNEYS");
        assert_eq!(plural("STUDENT"), "STUDENTS");
        assert!(same_noun("EFFORTS", "EFFORT") && same_noun("EFFORT", "EFFORTS") && !same_noun("EFFORTLESS", "EFFORT"));
        assert_eq!(verb_forms("RESTORE"), ["RESTORE", "RESTORES", "RESTORED", "RESTORING"]);
        assert_eq!(verb_forms("RATIFY"), ["RATIFY", "RATIFIES", "RATIFIED", "RATIFYING"]);
        assert!(verb_forms("PERMIT").contains(&"PERMITTED".to_string()));
        assert!(!verb_forms("DEPART").contains(&"DEPARTES".to_string()));
        assert_eq!(form_kind("RESTORED", "RESTORE"), FormKind::Past);
        assert_eq!(form_kind("BROKEN", "BREAK"), FormKind::Past);
        assert_eq!(form_kind("MEETS", "MEET"), FormKind::Third);
        assert_eq!(form_kind("MEETING", "MEET"), FormKind::Gerund);
    }
}
