//! Sentence splitting and page-furniture detection.
//!
//! A sentence ends at `.` `!` `?` `…` (and runs of them, with closing quotes or
//! brackets absorbed) when whitespace and a sentence start follow: an
//! uppercase letter, a digit, an opening quote or bracket, a dash, or a letter
//! of a caseless script. A period does not end a sentence after an
//! abbreviation of the language's lexicon (`M.`, `Gen.`, `U.S.`) or a single
//! capital initial (`J. Smith`), nor inside a number (`3.5`, no space
//! follows). Every line break ends a unit, so title lines and subheads are
//! sentences of their own.

use crate::fold::{fold_into, Folded};
use crate::lexicon::abbreviation_key;
use crate::LangRules;
use std::ops::Range;

/// Bytes at which the scanner has to look closer.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xC2] = true; // U+0085 NEL
    t[0xE2] = true; // … U+2028 U+2029
    t
};

/// The first byte at or after `i` that is [`SPECIAL`] (or `b.len()`):
/// eight bytes per test where none is. (A 64 KiB table of byte pairs, four
/// loads instead of eight, saved 0.8M instructions per MB of text but cost
/// ≈135k more first-level cache misses: the table is reloaded after every
/// sentence's coding.)
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    let special = |c: &u8| SPECIAL[usize::from(*c)];
    for chunk in b.get(i..).unwrap_or_default().chunks_exact(8) {
        // One branch for eight table loads.
        if chunk.iter().fold(false, |any, c| any | special(c)) {
            break;
        }
        i += 8;
    }
    i + b.get(i..).unwrap_or_default().iter().position(special).unwrap_or(b.len().saturating_sub(i))
}

/// The start of the token that ends `before` (it follows whitespace or an
/// opening bracket or quote), or `None` when the token is longer than
/// [`MAX_ABBREVIATION`] bytes. ASCII is read byte by byte.
fn token_start(before: &str) -> Option<usize> {
    let b = before.as_bytes();
    let mut start = b.len();
    // ASCII, one table test per byte (the usual token); the loop below
    // takes over at the first other byte.
    while let Some(&x) = start.checked_sub(1).and_then(|p| b.get(p)) {
        if !x.is_ascii() {
            break;
        }
        if ASCII_TOKEN_BREAK[usize::from(x)] {
            return Some(start);
        }
        start -= 1;
        if b.len() - start > MAX_ABBREVIATION {
            return None;
        }
    }
    while let Some(&x) = start.checked_sub(1).and_then(|p| b.get(p)) {
        let (p, c) = if x.is_ascii() { (start - 1, char::from(x)) } else { before[..start].char_indices().next_back()? };
        if is_ws(c) || matches!(c, '(' | '[' | '"' | '«' | '“' | '‘') {
            break;
        }
        start = p;
        if b.len() - p > MAX_ABBREVIATION {
            return None;
        }
    }
    Some(start)
}

/// The ASCII characters before which a token starts (see [`token_start`]):
/// whitespace (as `char::is_whitespace`) and `(`, `[`, `"`.
const ASCII_TOKEN_BREAK: [bool; 128] = {
    let mut t = [false; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = matches!(c as u8, b'\t'..=b'\r' | b' ' | b'(' | b'[' | b'"');
        c += 1;
    }
    t
};

/// Longest token checked against the abbreviation list.
const MAX_ABBREVIATION: usize = 24;

/// Lazy iterator over the sentences of a text; see [`sentences`].
#[derive(Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    rules: &'a LangRules,
    pos: usize,
    buf: String,
}

/// The sentences of `text` as byte ranges into it, trimmed of surrounding
/// whitespace, empty ones skipped. Lazy: memory use does not grow with the
/// text.
///
/// ```
/// let rules = dyad_text::LangRules::parse("#dyad-format lexicon 1\nabbreviation\tM.\n", "x").unwrap();
/// let t = "Titre\nM. Macron a parlé. Il a dit 3.5 fois « non ! » hier.\n\nFin";
/// let s: Vec<&str> = dyad_text::sentences(t, &rules).map(|r| &t[r]).collect();
/// assert_eq!(s, ["Titre", "M. Macron a parlé.", "Il a dit 3.5 fois « non ! » hier.", "Fin"]);
/// ```
pub fn sentences<'a>(text: &'a str, rules: &'a LangRules) -> Sentences<'a> {
    Sentences { text, rules, pos: 0, buf: String::new() }
}

fn is_ws(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Whether `b` is an ASCII byte that is not whitespace.
fn plain_ascii(b: Option<&u8>) -> bool {
    b.is_some_and(|&b| b.is_ascii() && !char::from(b).is_whitespace())
}

/// `s` without its leading [`is_ws`] characters; nothing is decoded when
/// it starts with a plain ASCII byte.
fn trim_ws_start(s: &str) -> &str {
    // A sentence usually follows one ASCII space.
    let s = s.strip_prefix(' ').unwrap_or(s);
    if plain_ascii(s.as_bytes().first()) {
        s
    } else {
        s.trim_start_matches(is_ws)
    }
}

/// `s` without its leading and trailing [`is_ws`] characters, and how many
/// bytes were cut at its start. A text that starts and ends with a plain
/// ASCII byte (the usual sentence) is returned as it is without decoding.
fn trim_ws(s: &str) -> (usize, &str) {
    let t = trim_ws_start(s);
    let cut = s.len() - t.len();
    (cut, if plain_ascii(t.as_bytes().last()) { t } else { t.trim_end_matches(is_ws) })
}

fn is_hspace(c: char) -> bool {
    is_ws(c) && !matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `c` can start a sentence.
fn is_start(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(c, '"' | '\'' | '«' | '“' | '‘' | '„' | '(' | '[' | '-' | '–' | '—' | '¿' | '¡' | '*' | '•')
        || (c.is_alphabetic() && !c.is_lowercase())
}

/// Characters that close a quotation or bracket right after a terminator.
fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '"' | '\'' | '’' | '”' | '»' | '›')
}

/// Closers that French typography separates by a (narrow) space.
fn is_spaced_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '›' | ')')
}

impl Sentences<'_> {
    /// If a terminator of `tlen` bytes at `i` ends a sentence, the end of the
    /// sentence (after closers); otherwise where to resume scanning.
    fn split_after(&mut self, unit_start: usize, i: usize, tlen: usize) -> Result<usize, usize> {
        // The usual case in bytes: one ASCII terminator, one space and a
        // letter or digit, where no closer can follow and only the case
        // of the letter and the abbreviation test decide.
        let b = self.text.as_bytes();
        if let (1, Some(b' '), Some(&c)) = (tlen, b.get(i + 1), b.get(i + 2)) {
            if c.is_ascii_alphanumeric() {
                if c.is_ascii_lowercase() || b[i] == b'.' && self.is_abbreviation_before(unit_start, i) {
                    return Err(i + 1);
                }
                return Ok(i + 1);
            }
        }
        self.split_after_any(unit_start, i, tlen)
    }

    /// [`Sentences::split_after`] for any text.
    fn split_after_any(&mut self, unit_start: usize, i: usize, tlen: usize) -> Result<usize, usize> {
        let t = self.text;
        let b = t.as_bytes();
        let mut j = i + tlen;
        loop {
            match b.get(j) {
                Some(b'.' | b'!' | b'?') => j += 1,
                Some(0xE2) if b.get(j + 1..j + 3) == Some(&[0x80, 0xA6]) => j += 3,
                _ => break,
            }
        }
        let run_end = j;
        // Absorb closing quotes and brackets.
        let mut k = run_end;
        'closers: while let Some(c) = t[k..].chars().next() {
            if is_closer(c) {
                k += c.len_utf8();
                continue;
            }
            if is_hspace(c) {
                for (off, d) in t[k..].char_indices() {
                    if is_hspace(d) {
                        continue;
                    }
                    if is_spaced_closer(d) {
                        k += off + d.len_utf8();
                        continue 'closers;
                    }
                    break;
                }
            }
            break;
        }
        // Whitespace, then a sentence start.
        let mut next = None;
        let mut saw_space = false;
        for c in t[k..].chars() {
            if is_ws(c) {
                saw_space = true;
                if !is_hspace(c) {
                    return Ok(k);
                }
                continue;
            }
            next = Some(c);
            break;
        }
        let Some(c) = next else {
            return Ok(k);
        };
        if !saw_space || !is_start(c) {
            return Err(run_end);
        }
        if run_end == i + 1 && b[i] == b'.' && self.is_abbreviation_before(unit_start, i) {
            return Err(run_end);
        }
        Ok(k)
    }

    /// Whether the token ending at the period at `i` is an abbreviation, a
    /// single capital initial, or the number of a list item ("2. Les
    /// sanctions" at the start of a line).
    fn is_abbreviation_before(&mut self, unit_start: usize, i: usize) -> bool {
        // A word that ends with two ASCII letters no abbreviation ends with
        // is none, nor an initial or a number: most words before a period
        // are told without finding their start (1 MB corpus: 5,652 calls,
        // 1.40M → 0.66M instructions; the splitter 6.25M → 5.51M).
        if let Some(&[a, b]) = i.checked_sub(2).and_then(|p| self.text.as_bytes().get(p..i)) {
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && !self.rules.may_end_abbreviation(a, b) {
                return false;
            }
        }
        self.is_abbreviation_at(unit_start, i)
    }

    /// [`Sentences::is_abbreviation_before`] without the test of the last
    /// two letters.
    fn is_abbreviation_at(&mut self, unit_start: usize, i: usize) -> bool {
        let before = &self.text[..i];
        let Some(start) = token_start(before) else {
            return false;
        };
        let token = &before[start..];
        if token.len() <= 3 && token.bytes().all(|c| c.is_ascii_digit()) {
            return before[unit_start..start].chars().all(is_ws);
        }
        let mut chars = token.chars();
        match (chars.next(), chars.next()) {
            (None, _) => false,
            (Some(c), None) => c.is_uppercase(),
            _ => {
                let rules = self.rules;
                // An ASCII token folds to itself in lowercase: most are
                // rejected by the first byte and length of that key alone.
                if let [first, .., last] = token.as_bytes() {
                    let len = token.len() - usize::from(*last == b'.');
                    if token.is_ascii() {
                        if !rules.abbreviation_shape(first.to_ascii_lowercase(), len) {
                            return false;
                        }
                        if let Some(hit) = rules.ascii_abbreviation(token.as_bytes()) {
                            return hit;
                        }
                    }
                }
                let capitalised = token.chars().next().is_some_and(char::is_uppercase);
                rules.abbreviation(abbreviation_key(token, &mut self.buf), capitalised)
            }
        }
    }

    /// End of the unit starting at `start`, and where the next one starts.
    fn find_end(&mut self, start: usize) -> (usize, usize) {
        let b = self.text.as_bytes();
        let mut i = start;
        while i < b.len() {
            i = skip_plain(b, i);
            let Some(&c) = b.get(i) else { break };
            let step = match c {
                b'\n' | b'\r' => return (i, i + 1),
                0xC2 if b.get(i + 1) == Some(&0x85) => return (i, i + 2),
                0xE2 => match b.get(i + 1..i + 3) {
                    Some([0x80, 0xA8 | 0xA9]) => return (i, i + 3),
                    Some([0x80, 0xA6]) => Some(3),
                    _ => None,
                },
                b'.' | b'!' | b'?' => Some(1),
                _ => None,
            };
            match step {
                Some(tlen) => match self.split_after(start, i, tlen) {
                    Ok(end) => return (end, end),
                    Err(resume) => i = resume,
                },
                None => i += 1,
            }
        }
        (b.len(), b.len())
    }
}

impl Iterator for Sentences<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        while self.pos < self.text.len() {
            let start = self.pos;
            let (end, next) = self.find_end(start);
            // Always move on (find_end guarantees it; this keeps it obvious).
            self.pos = if next > start { next } else { start + self.text[start..].chars().next().map_or(1, char::len_utf8) };
            let s = &self.text[start..end];
            let (cut, t) = trim_ws(s);
            let a = start + cut;
            if !t.is_empty() {
                return Some(a..a + t.len());
            }
        }
        None
    }
}

/// Whether a sentence is page furniture: it equals or starts with (at a word
/// boundary) a `boilerplate` entry of the lexicon, compared folded; or it has
/// at most two words and no final punctuation ("Editor", "Share", "Read more"),
/// too short to hold an event with two actors.
pub fn is_boilerplate(sentence: &str, rules: &LangRules) -> bool {
    let (_, s) = trim_ws(sentence);
    let mut head = String::new();
    fold_into(&s[..furniture_head(s, rules)], &mut head);
    is_short_furniture(s) || starts_with_boilerplate(&head, s, rules)
}

/// [`is_boilerplate`] for a sentence already folded into `folded` (by
/// [`Folded::new`] or [`Folded::refold`] of `sentence` itself): the same
/// answer, without folding the sentence's start again.
///
/// ```
/// let r = dyad_text::rules(dyad_text::Lang::En);
/// let s = "Read more: the talks in Geneva";
/// assert!(dyad_text::is_boilerplate_in(s, &dyad_text::Folded::new(s), r));
/// ```
pub fn is_boilerplate_in(sentence: &str, folded: &Folded, rules: &LangRules) -> bool {
    let (start, s) = trim_ws(sentence);
    if folded.orig_len() != sentence.len() {
        return is_boilerplate(sentence, rules);
    }
    let fstart = folded.folded_offset(start);
    let Some(rest) = folded.text.get(fstart..) else {
        return is_boilerplate(sentence, rules);
    };
    if is_short_furniture(s) {
        return true;
    }
    // Most sentences start with two bytes that start no entry.
    if !rules.may_start_boilerplate(trim_ws_start(rest).as_bytes()) {
        return false;
    }
    let cut = furniture_head(s, rules);
    // The folding of `s[..cut]`, as `is_boilerplate` makes it.
    match folded.text.get(fstart..folded.folded_offset(start + cut)) {
        Some(head) => starts_with_boilerplate(head, s, rules),
        None => is_boilerplate(sentence, rules),
    }
}

/// How much of the start of `s` (trimmed) to fold to compare it with the
/// boilerplate entries: a character boundary.
fn furniture_head(s: &str, rules: &LangRules) -> usize {
    // Folding shortens most characters by at most 3 bytes, so 4× the
    // longest entry almost always holds its folding (a run of characters
    // that fold to nothing, such as zero-width spaces, could fall short).
    let mut cut = s.len().min(rules.boilerplate_longest().saturating_mul(4) + 4);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

/// [`is_boilerplate`] for a sentence that is already folded.
pub fn is_boilerplate_folded(folded: &str, rules: &LangRules) -> bool {
    let s = folded.trim_matches(is_ws);
    is_short_furniture(s) || starts_with_boilerplate(s, s, rules)
}

/// `words` is the sentence whose words are counted when that matters.
fn starts_with_boilerplate(folded: &str, words: &str, rules: &LangRules) -> bool {
    let s = trim_ws_start(folded);
    // Only entries that share the first four bytes (those they have) can match.
    rules.boilerplate_prefixing(s.as_bytes()).any(|b| {
        let Some(rest) = s.strip_prefix(b) else {
            return false;
        };
        let next = rest.chars().next();
        // The prefix must end at a word boundary ("about us" is no prefix of
        // "about usain").
        if matches!((next, b.chars().next_back()), (Some(n), Some(l)) if n.is_alphanumeric() && l.is_alphanumeric()) {
            return false;
        }
        // A one-word entry ("Partager", "Share") starts furniture only when
        // a separator follows or the line is short: "Share prices fell" is news.
        let one_word = !b.trim().contains(char::is_whitespace);
        let separated = rest.trim_start().starts_with([':', '|', '-', '>', '\u{203a}', '\u{bb}', '/']);
        !one_word || next.is_none() || separated || words_up_to(words, SHORT_WITH_ENTRY + 1) <= SHORT_WITH_ENTRY
    })
}

/// Most words in a line starting with a one-word boilerplate entry.
const SHORT_WITH_ENTRY: usize = 6;

/// The number of words of `s`, counting no further than `limit`.
fn words_up_to(s: &str, limit: usize) -> usize {
    s.split(is_ws).filter(|w| w.chars().any(char::is_alphanumeric)).take(limit).count()
}

fn is_short_furniture(s: &str) -> bool {
    let last = s.chars().next_back();
    !matches!(last, Some('.' | '!' | '?' | '…' | '"' | '»' | '”' | ')')) && words_up_to(s, 3) <= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tests::{en, fr};

    fn split<'a>(t: &'a str, r: &'a LangRules) -> Vec<&'a str> {
        sentences(t, r).map(|x| &t[x]).collect()
    }

    #[test]
    fn splits_french() {
        let r = fr();
        let t = "Moscou (Le Journal de Bruxelles) 12 janvier 2026 – M. Lavrov a reçu Mme Dupont. \
                 Le Dr Martin était présent ! « Est-ce la fin ? » s’est-il demandé. Le taux est de 3.5 %. \
                 Le Gén. Durand et J. Dupont ont parlé… Puis ils sont partis.\n\
                 Quel est le contenu de l’accord ?\n\n  Un texte de 12 pages.";
        assert_eq!(
            split(t, &r),
            [
                "Moscou (Le Journal de Bruxelles) 12 janvier 2026 – M. Lavrov a reçu Mme Dupont.",
                "Le Dr Martin était présent !",
                "« Est-ce la fin ? » s’est-il demandé.",
                "Le taux est de 3.5 %.",
                "Le Gén. Durand et J. Dupont ont parlé…",
                "Puis ils sont partis.",
                "Quel est le contenu de l’accord ?",
                "Un texte de 12 pages.",
            ]
        );
    }

    #[test]
    fn splits_english() {
        let r = en();
        let t = "WASHINGTON, Jan. 5 (Reuters) - The U.S. Gen. Smith met Mr. Jones. \"We agreed.\" Then he left... \
                 Talks resume in 2026. 3 people died. (He said so.) Really?! Yes";
        assert_eq!(
            split(t, &r),
            [
                "WASHINGTON, Jan. 5 (Reuters) - The U.S. Gen. Smith met Mr. Jones.",
                "\"We agreed.\"",
                "Then he left...",
                "Talks resume in 2026.",
                "3 people died.",
                "(He said so.)",
                "Really?!",
                "Yes",
            ]
        );
    }

    #[test]
    fn lines_and_odd_input() {
        let r = en();
        assert!(split("", &r).is_empty());
        assert!(split(" \n\r\n\u{a0} ", &r).is_empty());
        assert_eq!(split("a\r\nb\u{2028}c\u{85}d", &r), ["a", "b", "c", "d"]);
        assert_eq!(split("end.", &r), ["end."]);
        assert_eq!(split("See www.example.com. Next", &r), ["See www.example.com.", "Next"]);
        assert_eq!(split("it was 5 p.m. and", &r), ["it was 5 p.m. and"]);
        assert_eq!(split("Москва. Киев.", &r), ["Москва.", "Киев."]);
        assert_eq!(split("...", &r), ["..."]);
        let bundled = crate::rules(crate::Lang::En);
        assert_eq!(
            split("He said no. The minister left. It is No. 1 in sales.", bundled),
            ["He said no.", "The minister left.", "It is No. 1 in sales."]
        );
        assert_eq!(split("Title\n2. The sanctions. There were 2. Then", &r), ["Title", "2. The sanctions.", "There were 2.", "Then"]);
        assert_eq!(split("?? !", &r), ["?? !"]);
    }

    #[test]
    fn bundled_french_abbreviations() {
        let r = crate::rules(crate::Lang::Fr);
        let t = "M. Barrot et Mme Dupont sont arrivés aux É.-U. Samedi, le Gén. Martin a parlé. Le texte date de 52 av. J.-C. Fin.";
        assert_eq!(
            split(t, r),
            ["M. Barrot et Mme Dupont sont arrivés aux É.-U. Samedi, le Gén. Martin a parlé.", "Le texte date de 52 av. J.-C. Fin."]
        );
    }

    #[test]
    fn ascii_token_breaks_are_the_breaks_of_token_start() {
        for c in (0..128u8).map(char::from) {
            let breaks = is_ws(c) || matches!(c, '(' | '[' | '"' | '«' | '“' | '‘');
            assert_eq!(ASCII_TOKEN_BREAK[c as usize], breaks, "{c:?}");
        }
    }

    #[test]
    fn the_ascii_shortcut_of_split_after_agrees() {
        let (fr, en) = (fr(), en());
        let pieces = ["M", ".", " ", "a", "B", "3", "!", "?", "Gen", "…", "»", ")", "\n", "é", "\u{a0}", "U.S", "(", "\""];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let next: Vec<String> = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(next);
        }
        let mut checked = 0;
        for r in [&fr, &en, crate::rules(crate::Lang::Fr), crate::rules(crate::Lang::En)] {
            for t in &texts {
                let mut s = sentences(t, r);
                for (i, c) in t.char_indices().filter(|&(_, c)| matches!(c, '.' | '!' | '?')) {
                    let fast = s.split_after(0, i, c.len_utf8());
                    assert_eq!(fast, s.split_after_any(0, i, c.len_utf8()), "{t:?} at {i}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    #[test]
    fn the_last_two_letters_test_agrees() {
        let pieces = ["Mr", "M", "said", "Gen", "U.S", "no", "No", "etc", "Ltd", "mme", "é", "x", "2", " ", ".", "("];
        let texts = crate::scan::concatenations(&pieces);
        let (mut checked, mut told) = (0, 0);
        for r in [crate::rules(crate::Lang::Fr), crate::rules(crate::Lang::En)] {
            for t in &texts {
                let mut s = sentences(t, r);
                for (i, _) in t.match_indices('.') {
                    let slow = s.is_abbreviation_at(0, i);
                    assert_eq!(s.is_abbreviation_before(0, i), slow, "{t:?} at {i}");
                    checked += 1;
                    let b = t.as_bytes();
                    told += usize::from(
                        i >= 2
                            && b[i - 2].is_ascii_alphabetic()
                            && b[i - 1].is_ascii_alphabetic()
                            && !r.may_end_abbreviation(b[i - 2], b[i - 1]),
                    );
                }
            }
        }
        assert!(checked > 50_000 && told > 10_000, "{checked} periods, {told} told by their letters");
    }

    #[test]
    fn token_starts() {
        // What `token_start` finds, one character at a time.
        let naive = |before: &str| {
            let mut start = before.len();
            for (p, c) in before.char_indices().rev() {
                if is_ws(c) || matches!(c, '(' | '[' | '"' | '«' | '“' | '‘') {
                    break;
                }
                start = p;
                if before.len() - p > MAX_ABBREVIATION {
                    return None;
                }
            }
            Some(start)
        };
        let long = "x".repeat(MAX_ABBREVIATION + 1);
        for t in [
            "",
            "M",
            "le Gén",
            "aux É.-U",
            "(Jan",
            "« Mme",
            "x\u{a0}Dr",
            "“U.S",
            "a\u{200b}b",
            long.as_str(),
            &long[1..],
            "é".repeat(13).as_str(),
            "x\tU.S",
            "é U.S",
            "éU.S",
            "«U.S",
            "a\u{2009}éb",
            "(é",
            &format!("é{}", &long[2..]),
            &long[..MAX_ABBREVIATION],
            &format!(" {}", &long[..MAX_ABBREVIATION]),
        ] {
            assert_eq!(token_start(t), naive(t), "{t:?}");
        }
        assert_eq!(token_start("le Gén"), Some(3));
    }

    #[test]
    fn trims_like_the_standard_library() {
        for t in ["", " ", "a", " a ", "\u{feff}\u{200b}x y\u{a0}\n", "\u{b}x\u{c}", "é", " é\t", "x\u{2028}", "\u{200b}"] {
            let want = t.trim_matches(is_ws);
            let (cut, got) = trim_ws(t);
            assert_eq!((cut, got), (t.len() - t.trim_start_matches(is_ws).len(), want), "{t:?}");
            assert_eq!(trim_ws_start(t), t.trim_start_matches(is_ws), "{t:?}");
        }
    }

    #[test]
    fn skips_to_the_next_special_byte() {
        let naive = |b: &[u8], i: usize| (i..b.len()).find(|&j| SPECIAL[usize::from(b[j])]).unwrap_or(b.len().max(i));
        let texts: [&[u8]; 6] = [b"", b"abc", b"abcdefgh.", b"abcdefghijklmnopq!rs", "x…y\u{2028}é".as_bytes(), b"0123456789abcdef?"];
        for t in texts {
            for i in 0..=t.len() + 1 {
                assert_eq!(skip_plain(t, i), naive(t, i), "{t:?} from {i}");
            }
        }
        // Every special byte at every place of a 20-byte text.
        for c in (0..=255u8).filter(|&c| SPECIAL[usize::from(c)]) {
            for p in 0..20 {
                let mut t = *b"abcdefghij klmnopqrs";
                t[p] = c;
                for i in 0..=t.len() {
                    assert_eq!(skip_plain(&t, i), naive(&t, i), "{t:?} from {i}");
                }
            }
        }
    }

    #[test]
    fn huge_single_line_is_lazy() {
        let r = fr();
        let unit = "Le ministre a parlé avec M. Dupont. ";
        let t = unit.repeat(20_000);
        let mut it = sentences(&t, &r);
        assert_eq!(it.next().map(|x| &t[x]), Some(unit.trim_end()));
        assert_eq!(it.count(), 19_999);
    }

    #[test]
    fn boilerplate() {
        let r = fr();
        assert!(is_boilerplate("PARTAGER CET ARTICLE", &r));
        assert!(is_boilerplate("À lire aussi : la Russie et l’Iran", &r));
        assert!(!is_boilerplate("À lire aussitôt après la réunion, le texte prévoit un cessez-le-feu.", &r));
        assert!(is_boilerplate("Rédaction", &r));
        assert!(is_boilerplate("Read more", &r));
        assert!(!is_boilerplate("Moscou menace Kiev", &r));
        assert!(!is_boilerplate("Il est parti.", &r));
        assert!(!is_boilerplate("La Russie a condamné les frappes américaines.", &r));
        assert!(is_boilerplate_folded("a lire aussi", &r));
        assert!(is_boilerplate("About Us", &en()));
        let r = LangRules::parse("#dyad-format lexicon 1\nboilerplate\tShare\n", "x").unwrap();
        assert!(is_boilerplate("Share this on Facebook", &r));
        assert!(is_boilerplate("Share: Facebook Twitter LinkedIn Email WhatsApp Telegram", &r));
        assert!(!is_boilerplate("Share prices fell sharply in Moscow after the sanctions were announced.", &r));
        // An entry of one byte has no second byte to compare.
        let r = LangRules::parse("#dyad-format lexicon 1\nboilerplate\t>\nboilerplate\t>>x\n", "x").unwrap();
        assert!(is_boilerplate("> Moscow, Kyiv.", &r));
        assert!(!is_boilerplate("< Moscow, Kyiv.", &r));
    }

    #[test]
    fn boilerplate_pairs_are_the_entries_first_two_bytes() {
        let odd = LangRules::parse("#dyad-format lexicon 1\nboilerplate\t>\nboilerplate\t>>x\nboilerplate\tab\n", "x").unwrap();
        for r in [&fr(), &en(), crate::rules(crate::Lang::Fr), crate::rules(crate::Lang::En), &odd] {
            for a in 0..=255u8 {
                // What `starts_with_boilerplate` compares for a text starting with `a`, `b`.
                let starting =
                    |second: Option<u8>| r.boilerplate_starting(Some(a)).any(|e| e.as_bytes().get(1).is_none_or(|c| Some(*c) == second));
                for b in 0..=255u8 {
                    assert_eq!(r.may_start_boilerplate(&[a, b, b'x']), starting(Some(b)), "{a} {b}");
                }
                assert!(r.may_start_boilerplate(&[a]) || !starting(None), "{a}");
            }
            assert!(!r.may_start_boilerplate(b""));
        }
    }

    #[test]
    fn boilerplate_in_a_folded_sentence_agrees() {
        let (fr, en) = (fr(), en());
        let bundled = [crate::rules(crate::Lang::Fr), crate::rules(crate::Lang::En)];
        let long = format!("Share{}", "\u{200b}x".repeat(40));
        let sentences = [
            "PARTAGER CET ARTICLE",
            "  À lire aussi : la Russie et l’Iran ",
            "À lire aussitôt après la réunion, le texte prévoit un cessez-le-feu.",
            "Rédaction",
            "\u{feff}Read more",
            "Moscou menace Kiev",
            "La Russie a condamné les frappes américaines.",
            "About Us",
            "About Usain Bolt, the sprinter, nothing was said.",
            "Share prices fell sharply in Moscow after the sanctions were announced.",
            "Share: Facebook Twitter LinkedIn Email WhatsApp Telegram",
            "Publié le 3 mars",
            "ŒUVRE Share",
            "",
            " ",
            &long,
            "> Moscow, Kyiv.",
            "< Moscow, Kyiv.",
            ">",
            "Lisbonne a parlé.",
            "Lire",
            "\u{a0}Share: x",
        ];
        let odd = LangRules::parse("#dyad-format lexicon 1\nboilerplate\t>\nboilerplate\t>>x\nboilerplate\tShare\n", "x").unwrap();
        for r in [&fr, &en, bundled[0], bundled[1], &odd] {
            for s in sentences {
                let want = is_boilerplate(s, r);
                assert_eq!(is_boilerplate_in(s, &Folded::new(s), r), want, "{s:?}");
                // A folding of another text falls back to folding this one.
                assert_eq!(is_boilerplate_in(s, &Folded::new("x"), r), want, "{s:?}");
            }
        }
        assert!(is_boilerplate_in("Read more", &Folded::new("Read more"), bundled[1]));
    }
}
