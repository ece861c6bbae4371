//! The PETRARCH internal coding ontology (PICO): each event code as a
//! number whose hexadecimal digits carry its meaning, so that codes can be
//! negated (minus `0xFFFF`: "not disapprove", `0xFFFF + 0x0080` − `0xFFFF`,
//! is diplomatic cooperation, `0x0080`). PETRARCH2 also adds codes of
//! nested verbs; dyad uses the ontology for negation only.
//!
//! Lines are `CODE:VALUE`, where VALUE is a sum of hexadecimal or decimal
//! terms (`-0xFFFF+0x2040+0x300`) and anything after `#` is a comment (the
//! last comment field names the code).

use crate::diag::Diags;
use std::collections::HashMap;

/// One defined code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OntologyCode {
    /// The event code ("110").
    pub code: String,
    /// Its PICO value.
    pub value: i64,
    /// Its name, when the line gives one.
    pub name: Option<String>,
    /// Line in the file.
    pub line: usize,
}

/// A loaded ontology.
#[derive(Debug, Clone, Default)]
pub struct Ontology {
    /// Codes in file order.
    pub codes: Vec<OntologyCode>,
    /// File it was read from.
    pub file: String,
    by_code: HashMap<String, usize>,
    by_value: HashMap<i64, usize>,
}

/// Evaluates `-0xFFFF+0x2040+0x300`.
pub fn eval(expr: &str) -> Result<i64, String> {
    let e: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
    if e.is_empty() {
        return Err("empty value".into());
    }
    let mut total: i64 = 0;
    let mut sign = 1i64;
    let mut term = String::new();
    let flush = |term: &mut String, sign: i64, total: &mut i64| -> Result<(), String> {
        if term.is_empty() {
            return Err(format!("`{e}` is not a sum of numbers"));
        }
        let v = match term.strip_prefix("0x").or_else(|| term.strip_prefix("0X")) {
            Some(h) => i64::from_str_radix(h, 16).map_err(|_| format!("`{term}` is not a hexadecimal number"))?,
            None => term.parse::<i64>().map_err(|_| format!("`{term}` is not a number"))?,
        };
        *total += sign * v;
        term.clear();
        Ok(())
    };
    for (i, c) in e.chars().enumerate() {
        match c {
            '+' | '-' if i == 0 => sign = if c == '-' { -1 } else { 1 },
            '+' | '-' => {
                flush(&mut term, sign, &mut total)?;
                sign = if c == '-' { -1 } else { 1 };
            }
            _ => term.push(c),
        }
    }
    flush(&mut term, sign, &mut total)?;
    Ok(total)
}

impl Ontology {
    /// Reads an ontology file.
    pub fn read(src: &str, file: &str, diags: &mut Diags) -> Ontology {
        let mut o = Ontology { file: file.to_string(), ..Ontology::default() };
        for (i, raw) in src.lines().enumerate() {
            let n = i + 1;
            let t = raw.trim();
            if t.is_empty() || t.starts_with('#') || t.starts_with('<') {
                continue;
            }
            let Some((code, rest)) = t.split_once(':') else {
                diags.error(file, n, format!("`{t}` is not CODE:VALUE"));
                continue;
            };
            let code = code.trim();
            let mut fields = rest.split('#');
            let value = fields.next().unwrap_or("").trim();
            let name = fields.map(str::trim).rfind(|f| !f.is_empty() && eval(f).is_err()).map(str::to_string);
            if code == "---" {
                continue;
            }
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                diags.error(file, n, format!("`{code}` is not an event code"));
                continue;
            }
            let value = match eval(value) {
                Ok(v) => v,
                Err(e) => {
                    diags.error(file, n, e);
                    continue;
                }
            };
            if o.by_code.contains_key(code) {
                diags.warn_once(&format!("onto-dup:{code}"), file, n, format!("code {code} defined twice; the first value is kept"));
                continue;
            }
            let idx = o.codes.len();
            o.by_code.insert(code.to_string(), idx);
            o.by_value.entry(value).or_insert(idx);
            o.codes.push(OntologyCode { code: code.to_string(), value, name, line: n });
        }
        o
    }

    /// Whether `code` is defined.
    pub fn defines(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    /// The PICO value of `code`.
    pub fn value(&self, code: &str) -> Option<i64> {
        self.by_code.get(code).map(|&i| self.codes[i].value)
    }

    /// The (first defined) code with PICO value `v`.
    pub fn code_of(&self, v: i64) -> Option<&str> {
        self.by_value.get(&v).map(|&i| self.codes[i].code.as_str())
    }

    /// The name the ontology gives `code`, if any.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.by_code.get(code).and_then(|&i| self.codes[i].name.as_deref())
    }

    /// The negation of `code`, as PETRARCH2 computes it: its value minus
    /// `0xFFFF`, read back as a code. `None` when no code has that value
    /// (the negated event is then not coded).
    pub fn negate(&self, code: &str) -> Option<&str> {
        self.code_of(self.value(code)? - 0xFFFF)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "# PICO\n010:0x1000#Make Public Statement\n050:0x0080#DiplomaticCoop\n033:0x3040\n030:0x3000#Intend\n070:0x0040\n110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n120:-0xFFFF#Reject\n124:-0xFFFF+0x0200\n080:0x0200\n190:0x00A0\n           # continuation comment\n---:0\n";

    #[test]
    fn values_negation_combination() {
        let mut d = Diags::default();
        let o = Ontology::read(SRC, "o.txt", &mut d);
        assert!(!d.has_errors());
        assert_eq!(o.value("110"), Some(0x1007f));
        assert_eq!(o.value("120"), Some(-0xFFFF));
        assert_eq!(o.name("110"), Some("Disapprove"));
        assert_eq!(o.negate("110"), Some("050"));
        assert_eq!(o.negate("080"), Some("124"));
        assert_eq!(o.negate("190"), None);
        assert!(eval("0x12+").is_err());
    }
}
