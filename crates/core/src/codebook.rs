//! The CAMEO event codebook, compiled in from `data/cameo/codebook.tsv`.

use crate::CoreError;
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
    /// Index into `codes` of each `slot`, `NONE` where no code is: one
    /// array read per lookup, for every event coded.
    by_code: Vec<u16>,
}

/// Slots of `Codebook::by_code`: 100 two-digit, 1,000 three-digit and
/// 10,000 four-digit codes.
const SLOTS: usize = 11_100;
const NONE: u16 = u16::MAX;

/// The slot of a code of 2 to 4 ASCII digits ("04" → 4, "041" → 141,
/// "0411" → 1511); `None` for anything else, which CAMEO never defines.
fn slot(code: &str) -> Option<usize> {
    let b = code.as_bytes();
    let base = match b.len() {
        2 => 0,
        3 => 100,
        4 => 1_100,
        _ => return None,
    };
    b.iter().try_fold(0, |n, &d| d.is_ascii_digit().then(|| n * 10 + usize::from(d - b'0'))).map(|n| base + n)
}

impl Codebook {
    /// Parses a codebook in dyad's `codebook` format.
    pub fn parse(src: &str) -> Result<Codebook, CoreError> {
        let mut codes = Vec::new();
        let mut by_code = vec![NONE; SLOTS];
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
            let Some(at) = slot(&code.code).filter(|_| code.code.starts_with(&code.root)) else {
                return Err(err("field `code` must be 2 to 4 digits starting with its root"));
            };
            by_code[at] = u16::try_from(codes.len()).ok().filter(|&i| i != NONE).ok_or_else(|| err("too many codes"))?;
            codes.push(code);
        }
        Ok(Codebook { codes, by_code })
    }

    /// The entry for `code`, if CAMEO defines it.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.entry(code).map(|(_, c)| c)
    }

    /// The entry for `code` and its position in [`Codebook::iter`]'s
    /// order (the JSON writer's table of pre-written entries).
    pub(crate) fn entry(&self, code: &str) -> Option<(usize, &CameoCode)> {
        let i = usize::from(*self.by_code.get(slot(code)?)?);
        Some((i, self.codes.get(i)?))
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
    BOOK.get_or_init(|| Codebook::parse(SOURCE).unwrap_or_else(|_| Codebook { codes: Vec::new(), by_code: Vec::new() }))
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
        for c in book.iter() {
            assert_eq!(book.get(&c.code), Some(c));
        }
        for absent in ["", "0", "00", "999", "0419", "04a", "041 ", "00000", "٠٤"] {
            assert!(book.get(absent).is_none(), "{absent:?}");
        }
    }

    #[test]
    fn slots_are_distinct_per_length() {
        assert_eq!(slot("04"), Some(4));
        assert_eq!(slot("041"), Some(141));
        assert_eq!(slot("0411"), Some(1_511));
        assert_eq!(slot("9999"), Some(SLOTS - 1));
        assert_eq!(slot("4"), None);
        assert_eq!(slot("04x"), None);
        let e = Codebook::parse(&format!("{FORMAT}\n04111\t5\t04\t1\t1.0\tToo long\n")).unwrap_err().to_string();
        assert!(e.contains(":2:") && e.contains("2 to 4 digits"), "{e}");
    }

    #[test]
    fn wrong_header_says_how_to_fix() {
        let e = Codebook::parse("#dyad-format codebook 9\n").unwrap_err().to_string();
        assert!(e.contains("gen_reference.py"), "{e}");
        let e = Codebook::parse(&format!("{FORMAT}\n01\t2\n")).unwrap_err().to_string();
        assert!(e.contains(":2:"), "{e}");
    }
}
