//! The CAMEO event codebook, compiled in from `data/cameo/codebook.tsv`.

use crate::CoreError;
use std::collections::HashMap;
use std::sync::OnceLock;

const FORMAT: &str = "#dyad-format codebook 1";
static SOURCE: &str = include_str!("../../../data/cameo/codebook.tsv");

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code, "041".
    pub code: String,
    /// 2 for roots, 3 or 4 for their children.
    pub level: u8,
    /// The two-digit root, "04".
    pub root: String,
    /// GDELT QuadClass 1–4 (verbal/material cooperation/conflict).
    pub quad: u8,
    /// Goldstein conflict–cooperation value, −10 … +10.
    pub goldstein: f32,
    /// CAMEO name, "Discuss by telephone".
    pub name: String,
}

/// All CAMEO codes, by code.
#[derive(Debug)]
pub struct Codebook {
    codes: Vec<CameoCode>,
    by_code: HashMap<String, usize>,
}

impl Codebook {
    /// Parses a codebook in dyad's `codebook` format.
    pub fn parse(src: &str) -> Result<Codebook, CoreError> {
        let mut codes = Vec::new();
        let mut by_code = HashMap::new();
        let mut lines = src.lines().enumerate();
        match lines.next() {
            Some((_, h)) if h.trim_end() == FORMAT => {}
            Some((_, h)) => {
                return Err(CoreError::Codebook { line: 1, what: format!("format header is {h:?}, this build reads {FORMAT:?}") })
            }
            None => return Err(CoreError::Codebook { line: 1, what: "empty file".into() }),
        }
        for (i, line) in lines {
            let n = i + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let err = |what: &str| CoreError::Codebook { line: n, what: what.to_string() };
            if f.len() < 6 {
                return Err(err("expected 6 fields: code level root quad goldstein name"));
            }
            let code = CameoCode {
                code: f[0].to_string(),
                level: f[1].parse().map_err(|_| err("field `level` is not a number"))?,
                root: f[2].to_string(),
                quad: f[3].parse().map_err(|_| err("field `quad` is not a number"))?,
                goldstein: f[4].parse().map_err(|_| err("field `goldstein` is not a number"))?,
                name: f[5].to_string(),
            };
            if !code.code.starts_with(&code.root) || !code.code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err("field `code` must be digits starting with its root"));
            }
            by_code.insert(code.code.clone(), codes.len());
            codes.push(code);
        }
        Ok(Codebook { codes, by_code })
    }

    /// The entry for `code`, if CAMEO defines it.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code).map(|&i| &self.codes[i])
    }

    /// Every code, in file order (by code).
    pub fn iter(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.iter()
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when no code is loaded.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// The bundled codebook, parsed once.
///
/// The bundled file is checked by this crate's tests; a corrupted build falls
/// back to an empty codebook, so every code lookup fails loudly downstream.
pub fn codebook() -> &'static Codebook {
    static BOOK: OnceLock<Codebook> = OnceLock::new();
    BOOK.get_or_init(|| Codebook::parse(SOURCE).unwrap_or_else(|_| Codebook { codes: Vec::new(), by_code: HashMap::new() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_codebook_is_complete() {
        let book = Codebook::parse(SOURCE).expect("bundled codebook parses");
        assert_eq!(book.len(), 312);
        let roots = book.iter().filter(|c| c.level == 2).count();
        assert_eq!(roots, 20);
        let c = book.get("0356").expect("0356");
        assert_eq!(c.root, "03");
        assert_eq!(book.get("190").map(|c| c.quad), Some(4));
    }

    #[test]
    fn wrong_header_says_how_to_fix() {
        let e = Codebook::parse("#dyad-format codebook 9\n").unwrap_err().to_string();
        assert!(e.contains("gen_reference.py"), "{e}");
        let e = Codebook::parse(&format!("{FORMAT}\n01\t2\n")).unwrap_err().to_string();
        assert!(e.contains(":2:"), "{e}");
    }
}
