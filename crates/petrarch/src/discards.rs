//! The discard list: phrases that stop a sentence (or, with `+`, the whole
//! story) from being coded — sports results, anniversaries, chronologies.

use crate::diag::{content_lines, Diags};
use crate::words::{phrase_words, Tok};

/// One discard phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    /// Its words.
    pub words: Vec<String>,
    /// `+`: discard the whole story, not only the sentence.
    pub story: bool,
    /// A trailing `_`: the last word must match whole (otherwise it is a stem).
    pub exact: bool,
    /// File and line.
    pub file: String,
    /// Line in the file.
    pub line: usize,
}

impl Discard {
    /// Whether the phrase occurs in `toks` (the last word as a stem unless exact).
    pub fn occurs_in(&self, toks: &[Tok]) -> bool {
        let n = self.words.len();
        if n == 0 || toks.len() < n {
            return false;
        }
        (0..=toks.len() - n).any(|i| {
            self.words.iter().enumerate().all(|(k, w)| {
                let t = &toks[i + k].w;
                if k + 1 == n && !self.exact {
                    t.starts_with(w.as_str())
                } else {
                    t == w
                }
            })
        })
    }
}

/// Reads one discard file into `out`.
pub fn read(src: &str, file: &str, out: &mut Vec<Discard>, diags: &mut Diags) {
    for (n, line) in content_lines(src) {
        let (story, phrase) = match line.strip_prefix('+') {
            Some(p) => (true, p.trim()),
            None => (false, line),
        };
        if phrase.contains('[') {
            diags.warn_once(
                "discard-code",
                file,
                n,
                format!("`{line}`: a code in the discard list means nothing here; the phrase is still a discard"),
            );
        }
        let phrase = phrase.split('[').next().unwrap_or(phrase).trim();
        let words = phrase_words(phrase);
        if words.is_empty() {
            diags.error(file, n, format!("unreadable discard phrase `{line}`"));
            continue;
        }
        out.push(Discard { words, story, exact: phrase.ends_with('_'), file: file.to_string(), line: n });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::tokenize;

    #[test]
    fn discards() {
        let mut v = Vec::new();
        let mut d = Diags::default();
        read("+TYPHOON # c\nBASEBALL\nWORLD CUP_\n", "d.txt", &mut v, &mut d);
        assert!(v[0].story && !v[1].story && v[2].exact);
        assert!(v[0].occurs_in(&tokenize("Typhoons hit the coast")));
        assert!(v[2].occurs_in(&tokenize("at the World Cup.")));
        assert!(!v[2].occurs_in(&tokenize("at the World Cups")));
        assert!(!v[1].occurs_in(&tokenize("a base ball")));
    }
}
