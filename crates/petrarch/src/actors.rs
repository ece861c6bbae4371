//! Actor dictionaries: names (`+` synonyms) with a default code and
//! date-restricted codes (`[RUSGOV >080508]`, `[HOB <950601]`,
//! `[HOBGOV 19950601 - 19990815]`; bounds inclusive; YYMMDD years 00–30
//! are 20xx, others 19xx).

use crate::diag::{strip_comment, Diags};
use crate::words::phrase_words;
use dyad_core::Date;

/// An actor code, or the null code `---` (known, but not coded).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ActorCode {
    /// `---`
    Null,
    /// The code as written, upper-cased (`USAGOV`, `ELR/GAL`, `+++`).
    Code(String),
}

impl ActorCode {
    fn parse(s: &str) -> ActorCode {
        if s == "---" {
            ActorCode::Null
        } else {
            ActorCode::Code(s.to_ascii_uppercase())
        }
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        match self {
            ActorCode::Null => "---",
            ActorCode::Code(c) => c,
        }
    }
}

/// A code valid between two dates (inclusive; `None` = open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restriction {
    /// The code.
    pub code: ActorCode,
    /// First day, if bounded.
    pub from: Option<Date>,
    /// Last day, if bounded.
    pub to: Option<Date>,
    /// Line it was read from.
    pub line: usize,
}

impl Restriction {
    /// Whether `d` is within the bounds.
    pub fn holds_on(&self, d: Date) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// One actor record: its names, default code and dated codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The primary name and its synonyms, as words.
    pub names: Vec<Vec<String>>,
    /// The code when no restriction holds.
    pub default: Option<ActorCode>,
    /// Dated codes, in file order (the first that holds wins).
    pub dated: Vec<Restriction>,
    /// File it was read from.
    pub file: String,
    /// Line of the primary name.
    pub line: usize,
}

impl Actor {
    /// The code on `d`: the first restriction that holds, else the default.
    pub fn code_on(&self, d: Date) -> Option<&ActorCode> {
        self.dated.iter().find(|r| r.holds_on(d)).map(|r| &r.code).or(self.default.as_ref())
    }
}

/// Parses `YYMMDD` or `YYYYMMDD`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("date `{s}` is not YYMMDD or YYYYMMDD"));
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().map_err(|_| format!("date `{s}`"))?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().map_err(|_| format!("date `{s}`"))?, &s[4..]),
        _ => return Err(format!("date `{s}` is not YYMMDD or YYYYMMDD ({} digits)", s.len())),
    };
    let m: u8 = rest[..2].parse().map_err(|_| format!("date `{s}`"))?;
    let d: u8 = rest[2..].parse().map_err(|_| format!("date `{s}`"))?;
    Date::new(y, m, d).ok_or_else(|| format!("date `{s}` is not a calendar day"))
}

/// Parses the inside of `[...]`: `CODE`, `CODE <D`, `CODE >D`, `CODE D-D`.
pub fn parse_restriction(s: &str, line: usize) -> Result<Restriction, String> {
    let s = s.trim();
    let (code, rest) = match s.split_once(char::is_whitespace) {
        Some((c, r)) => (c, r.trim()),
        None => (s, ""),
    };
    if code.is_empty() {
        return Err("empty code".into());
    }
    let code = ActorCode::parse(code);
    if rest.is_empty() {
        return Ok(Restriction { code, from: None, to: None, line });
    }
    if let Some(d) = rest.strip_prefix('<') {
        return Ok(Restriction { code, from: None, to: Some(parse_date(d)?), line });
    }
    if let Some(d) = rest.strip_prefix('>') {
        return Ok(Restriction { code, from: Some(parse_date(d)?), to: None, line });
    }
    if let Some((a, b)) = rest.split_once('-') {
        let (from, to) = (parse_date(a)?, parse_date(b)?);
        if to < from {
            return Err(format!("date range `{rest}` ends before it starts"));
        }
        return Ok(Restriction { code, from: Some(from), to: Some(to), line });
    }
    Err(format!("`{rest}` is not a date restriction (<DATE, >DATE or DATE-DATE)"))
}

/// Reads one actor file, appending its records to `out`.
pub fn read(src: &str, file: &str, out: &mut Vec<Actor>, diags: &mut Diags) {
    let mut current: Option<usize> = None;
    for (i, raw) in src.lines().enumerate() {
        let n = i + 1;
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with("<!") || t.starts_with('<') {
            continue;
        }
        let line = strip_comment(raw);
        // TABARI's `;` comments, outside brackets.
        let line = {
            let mut depth = 0i32;
            let mut cut = line.len();
            for (k, c) in line.char_indices() {
                match c {
                    '[' => depth += 1,
                    ']' => depth -= 1,
                    ';' if depth <= 0 => {
                        cut = k;
                        break;
                    }
                    _ => {}
                }
            }
            line[..cut].trim()
        };
        if line.is_empty() {
            continue;
        }
        let first_bracket = line.find('[').unwrap_or(line.len());
        let phrase = line[..first_bracket].trim();
        let mut brackets = Vec::new();
        let mut rest = &line[first_bracket..];
        let mut bad = false;
        while let Some(r) = rest.trim_start().strip_prefix('[') {
            match r.find(']') {
                Some(c) => {
                    brackets.push(&r[..c]);
                    rest = &r[c + 1..];
                }
                None => {
                    diags.error(file, n, format!("`[` without `]` in `{line}`"));
                    bad = true;
                    break;
                }
            }
        }
        if bad {
            continue;
        }
        if !rest.trim().is_empty() {
            diags.error(file, n, format!("unexpected `{}` after the codes", rest.trim()));
            continue;
        }
        if let Some(syn) = phrase.strip_prefix('+') {
            let Some(c) = current else {
                diags.error(file, n, format!("synonym `{phrase}` before any actor"));
                continue;
            };
            let words = phrase_words(syn.trim());
            if words.is_empty() {
                diags.error(file, n, format!("empty synonym `{phrase}`"));
                continue;
            }
            out[c].names.push(words);
        } else if !phrase.is_empty() {
            let words = phrase_words(phrase);
            if words.is_empty() {
                diags.error(file, n, format!("unreadable actor name `{phrase}`"));
                current = None;
                continue;
            }
            out.push(Actor { names: vec![words], default: None, dated: Vec::new(), file: file.to_string(), line: n });
            current = Some(out.len() - 1);
        } else if current.is_none() {
            diags.error(file, n, "date restriction before any actor");
            continue;
        }
        let Some(c) = current else { continue };
        for b in brackets {
            match parse_restriction(b, n) {
                Ok(r) if r.from.is_none() && r.to.is_none() => {
                    if out[c].default.is_none() {
                        out[c].default = Some(r.code);
                    } else {
                        diags.warn_once(
                            "second-default",
                            file,
                            n,
                            format!("a second undated code `[{b}]` for one actor; the first is kept"),
                        );
                    }
                }
                Ok(r) => out[c].dated.push(r),
                Err(e) => diags.error(file, n, format!("`[{b}]`: {e}")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dates_and_restrictions() {
        assert_eq!(parse_date("950601").unwrap(), d("1995-06-01"));
        assert_eq!(parse_date("080508").unwrap(), d("2008-05-08"));
        assert_eq!(parse_date("300101").unwrap(), d("2030-01-01"));
        assert_eq!(parse_date("310101").unwrap(), d("1931-01-01"));
        assert_eq!(parse_date("19950601").unwrap(), d("1995-06-01"));
        assert!(parse_date("2004017").is_err());
        assert!(parse_date("951301").is_err());
        let r = parse_restriction("HOBGOV 19950601 - 19990815", 1).unwrap();
        assert!(r.holds_on(d("1995-06-01")) && r.holds_on(d("1999-08-15")) && !r.holds_on(d("1999-08-16")));
        let r = parse_restriction("HOB < 950601", 1).unwrap();
        assert!(r.holds_on(d("1995-06-01")) && !r.holds_on(d("1995-06-02")));
        assert_eq!(parse_restriction("--- <950630", 1).unwrap().code, ActorCode::Null);
        assert!(parse_restriction("X 950601", 1).is_err());
    }

    #[test]
    fn records() {
        let src = "ARNOR_  [ARN]\n+ARNORIAN # c\nGOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nX_Y [xy 010101-020202] [ELI]\n\t[BAD 2004017-20061201]\n";
        let mut v = Vec::new();
        let mut diags = Diags::default();
        read(src, "a.txt", &mut v, &mut diags);
        let diags = diags.into_vec();
        assert_eq!(diags.len(), 1);
        assert!(diags[0].to_string().starts_with("a.txt:9: error:"), "{}", diags[0]);
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].names, vec![vec!["ARNOR".to_string()], vec!["ARNORIAN".to_string()]]);
        assert_eq!(v[1].code_on(d("1995-11-01")).unwrap().as_str(), "HOBGOV");
        assert_eq!(v[1].code_on(d("1995-01-01")).unwrap().as_str(), "HOB");
        assert_eq!(v[1].code_on(d("2001-01-01")).unwrap().as_str(), "HOBREB");
        assert_eq!(v[2].code_on(d("2001-06-01")).unwrap().as_str(), "XY");
        assert_eq!(v[2].code_on(d("2005-06-01")).unwrap().as_str(), "ELI");
    }
}
