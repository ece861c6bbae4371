//! The verb dictionary: synonym sets (`&NAME`), verb blocks
//! (`--- NAME [code] ---`) with their verbs and irregular forms, and the
//! patterns (`- pre * post [code]`) of each block.

use crate::diag::{strip_comment, Diags};
use crate::words::phrase_words;
use std::collections::HashMap;

/// One side of a code: an event code or the null code `---`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Code {
    /// `---`: matched, but no event.
    Null,
    /// An event code as written ("050", "1951", "212").
    Event(String),
}

impl Code {
    /// The code as written in a dictionary.
    pub fn as_str(&self) -> &str {
        match self {
            Code::Null => "---",
            Code::Event(c) => c,
        }
    }
}

/// A verb or pattern code: `[050]`, `[042:043]` (active and passive event:
/// the source does the first to the target, the target the second to the
/// source), `[---]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VerbCode {
    /// The event the source does to the target.
    pub active: Code,
    /// With `[X:Y]`, the event the target does back to the source.
    pub passive: Option<Code>,
}

impl VerbCode {
    /// The null code.
    pub fn null() -> VerbCode {
        VerbCode { active: Code::Null, passive: None }
    }

    /// True when neither side codes an event.
    pub fn is_null(&self) -> bool {
        self.active == Code::Null && self.passive.as_ref().is_none_or(|p| *p == Code::Null)
    }

    /// The event codes it names.
    pub fn events(&self) -> impl Iterator<Item = &str> {
        [Some(&self.active), self.passive.as_ref()].into_iter().flatten().filter_map(|c| match c {
            Code::Event(e) => Some(e.as_str()),
            Code::Null => None,
        })
    }

    /// As written between brackets: `050`, `042:043`.
    pub fn written(&self) -> String {
        match &self.passive {
            Some(p) => format!("{}:{}", self.active.as_str(), p.as_str()),
            None => self.active.as_str().to_string(),
        }
    }
}

/// Parses the inside of `[...]`. Event codes are 2–4 digits; an empty side
/// (`[:173]`, only the passive event) is the null code.
pub fn parse_code(s: &str) -> Result<VerbCode, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("empty code `[]`".into());
    }
    let side = |t: &str| -> Result<Code, String> {
        let t = t.trim();
        if t == "---" || t.is_empty() {
            Ok(Code::Null)
        } else if (2..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Code::Event(t.to_string()))
        } else {
            Err(format!("`{t}` is not an event code (2-4 digits, or --- for none)"))
        }
    };
    match s.split_once(':') {
        Some((a, p)) => Ok(VerbCode { active: side(a)?, passive: Some(side(p)?) }),
        None => Ok(VerbCode { active: side(s)?, passive: None }),
    }
}

/// One item of a synonym-set entry or of a `{...}` phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Consecutive words.
    Words(Vec<String>),
    /// A synonym set, `&NAME`.
    Syn(String),
}

/// A synonym set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synset {
    /// `&NAME` as written (with a trailing `_` removed).
    pub name: String,
    /// A trailing `_` on the name: no plurals for any entry.
    pub no_plural: bool,
    /// The entries, each a sequence of consecutive pieces.
    pub entries: Vec<SynEntry>,
    /// Line of the `&NAME` header.
    pub line: usize,
}

/// One `+` line of a synonym set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynEntry {
    /// Consecutive pieces.
    pub pieces: Vec<Piece>,
    /// A trailing `_`: no plural.
    pub no_plural: bool,
    /// Line in the file.
    pub line: usize,
}

/// An element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// A word, or words joined by `_` (consecutive).
    Words(Vec<String>),
    /// `{A B C}`: a noun phrase whose last item is the head.
    Phrase(Vec<Piece>),
    /// `NEW_&TIETYPES_RELATIONS`: consecutive words and synonym sets.
    Seq(Vec<Piece>),
    /// `&NAME`.
    Syn(String),
    /// `(PREP ...)`: a preposition and what follows it.
    Pp(String, Vec<Elem>),
    /// `$`: the source is here.
    Source,
    /// `+`: the target is here.
    Target,
    /// `^`: skip one noun phrase.
    Skip,
    /// `%`: a compound (coordinated) actor; the event is coded among its members.
    Compound,
}

/// A verb pattern of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb (`*`).
    pub pre: Vec<Elem>,
    /// Elements after the verb.
    pub post: Vec<Elem>,
    /// The code it assigns.
    pub code: VerbCode,
    /// Line in the file.
    pub line: usize,
    /// The pattern as written (without comment).
    pub text: String,
    /// Written in the TABARI/PETRARCH-1 style of its file (no `{...}` or
    /// `(...)` groups anywhere in the file): the words before the verb are a
    /// plain sequence, not the subject's noun phrase.
    pub flat: bool,
}

impl Pattern {
    /// Every synonym set the pattern names (including inside phrases and PPs).
    pub fn synsets(&self) -> Vec<&str> {
        fn walk<'a>(es: &'a [Elem], out: &mut Vec<&'a str>) {
            for e in es {
                match e {
                    Elem::Syn(s) => out.push(s),
                    Elem::Phrase(ps) | Elem::Seq(ps) => {
                        out.extend(ps.iter().filter_map(|p| if let Piece::Syn(s) = p { Some(s.as_str()) } else { None }))
                    }
                    Elem::Pp(_, rest) => walk(rest, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.pre, &mut out);
        walk(&self.post, &mut out);
        out
    }
}

/// One form of a verb: its words, and which word is the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Words in order (`WIRE TAPPED`, `CORDONED OFF`).
    pub words: Vec<String>,
    /// Index of the verb among `words`.
    pub head: usize,
}

/// A verb of a block: `SAY {SAYS SAID SAYING}`, `+GO_BY {...}`, `WIRE_+TAP`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// The base form.
    pub base: Form,
    /// Irregular forms given in `{...}` (regular ones are generated).
    pub irregular: Vec<Form>,
    /// Its own code, overriding the block's for the bare verb.
    pub code: Option<VerbCode>,
    /// Line in the file.
    pub line: usize,
}

/// A verb synonym block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The block's name (`EXPLAIN_VERBAL`).
    pub name: String,
    /// The block's code for its bare verbs.
    pub code: VerbCode,
    /// Verbs of the block.
    pub verbs: Vec<Verb>,
    /// Patterns of the block.
    pub patterns: Vec<Pattern>,
    /// File the block is in.
    pub file: String,
    /// Line of the header.
    pub line: usize,
}

/// A whole verb dictionary (one or several files).
#[derive(Debug, Clone, Default)]
pub struct VerbDict {
    /// Synonym sets by name (`&CURRENCY`).
    pub synsets: HashMap<String, Synset>,
    /// Blocks in file order.
    pub blocks: Vec<Block>,
}

fn parse_verb_phrase(s: &str) -> Option<Form> {
    let parts: Vec<&str> = s.split('_').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return None;
    }
    let mut words = Vec::new();
    let mut head = None;
    for p in parts {
        let (plus, w) = match p.strip_prefix('+') {
            Some(w) => (true, w),
            None => (false, p),
        };
        let ws = phrase_words(w);
        if ws.is_empty() {
            return None;
        }
        if plus {
            head = Some(words.len());
        }
        words.extend(ws);
    }
    Some(Form { head: head.unwrap_or(0), words })
}

/// Splits a pattern body into symbols: words, and the single characters
/// `{ } ( ) *` (a `*` glued to a word, `*SCEPTICAL` or `SPY_*_DEAL`, is
/// split off; the caller warns).
fn symbols(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in body.chars() {
        if c == '*' {
            let w = cur.trim_end_matches('_').to_string();
            if !w.is_empty() {
                out.push(w);
            }
            cur.clear();
            out.push("*".into());
            continue;
        }
        if c == '_' && cur.is_empty() && out.last().is_some_and(|x| x == "*") {
            continue;
        }
        if c.is_whitespace() || matches!(c, '{' | '}' | '(' | ')') {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    // `SUGGESTED_+`, `IN_$`: a slot glued to a word with `_`
    let mut split = Vec::new();
    for w in out {
        if w.len() > 1 && w.contains('_') && w.split('_').any(|p| matches!(p, "$" | "+" | "^" | "%")) {
            let mut words: Vec<&str> = Vec::new();
            for p in w.split('_').filter(|p| !p.is_empty()) {
                if matches!(p, "$" | "+" | "^" | "%") {
                    if !words.is_empty() {
                        split.push(words.join("_"));
                        words.clear();
                    }
                    split.push(p.to_string());
                } else {
                    words.push(p);
                }
            }
            if !words.is_empty() {
                split.push(words.join("_"));
            }
        } else {
            split.push(w);
        }
    }
    split
}

fn piece(sym: &str) -> Option<Piece> {
    if sym.starts_with('&') {
        return Some(Piece::Syn(sym.trim_end_matches('_').to_ascii_uppercase()));
    }
    let ws = phrase_words(sym);
    (!ws.is_empty()).then_some(Piece::Words(ws))
}

fn word_elem(sym: &str) -> Result<Elem, String> {
    if sym.contains('_') && sym.split('_').any(|p| p.starts_with('&')) {
        let pieces: Option<Vec<Piece>> = sym.split('_').filter(|p| !p.is_empty()).map(piece).collect();
        return pieces.map(Elem::Seq).ok_or_else(|| format!("unreadable word `{sym}`"));
    }
    match sym {
        "$" => Ok(Elem::Source),
        "+" => Ok(Elem::Target),
        "^" => Ok(Elem::Skip),
        "%" => Ok(Elem::Compound),
        "*" => Err("`*` inside a group".into()),
        _ => match piece(sym) {
            Some(Piece::Syn(s)) => Ok(Elem::Syn(s)),
            Some(Piece::Words(w)) => Ok(Elem::Words(w)),
            None => Err(format!("unreadable word `{sym}`")),
        },
    }
}

/// Parses `pre * post` into its two halves.
pub fn parse_pattern_body(body: &str) -> Result<(Vec<Elem>, Vec<Elem>), String> {
    let syms = symbols(body);
    let mut pre = Vec::new();
    let mut post = Vec::new();
    let mut star = false;
    let mut i = 0;
    while i < syms.len() {
        let s = syms[i].as_str();
        let out = if star { &mut post } else { &mut pre };
        match s {
            "*" => {
                if star {
                    return Err("two `*` in one pattern".into());
                }
                star = true;
                i += 1;
            }
            "{" => {
                let end = syms[i..].iter().position(|x| x == "}").ok_or("`{` without `}`")? + i;
                let mut pieces = Vec::new();
                for x in &syms[i + 1..end] {
                    if matches!(x.as_str(), "(" | ")" | "{") {
                        return Err("bracket inside `{...}`".into());
                    }
                    pieces.push(piece(x).ok_or_else(|| format!("unreadable word `{x}` in `{{...}}`"))?);
                }
                if pieces.is_empty() {
                    return Err("empty `{}`".into());
                }
                out.push(Elem::Phrase(pieces));
                i = end + 1;
            }
            "(" => {
                let end = syms[i..].iter().position(|x| x == ")").ok_or("`(` without `)`")? + i;
                let inner = &syms[i + 1..end];
                let Some(first) = inner.first() else { return Err("empty `()`".into()) };
                let prep = match word_elem(first)? {
                    Elem::Words(w) if w.len() == 1 => w[0].clone(),
                    _ => return Err(format!("`({first} ...)` does not start with a preposition")),
                };
                let mut rest = Vec::new();
                let mut j = 1;
                while j < inner.len() {
                    if inner[j] == "{" {
                        let e = inner[j..].iter().position(|x| x == "}").ok_or("`{` without `}`")? + j;
                        let pieces: Option<Vec<Piece>> = inner[j + 1..e].iter().map(|x| piece(x)).collect();
                        rest.push(Elem::Phrase(pieces.ok_or("unreadable word in `{...}`")?));
                        j = e + 1;
                    } else {
                        rest.push(word_elem(&inner[j])?);
                        j += 1;
                    }
                }
                out.push(Elem::Pp(prep, rest));
                i = end + 1;
            }
            "}" | ")" => return Err(format!("`{s}` without its opening bracket")),
            _ => {
                out.push(word_elem(s)?);
                i += 1;
            }
        }
    }
    if !star {
        return Err("no `*` marking the verb".into());
    }
    Ok((pre, post))
}

fn bracket(s: &str) -> Option<(usize, usize)> {
    let open = s.rfind('[')?;
    let close = s[open..].find(']')? + open;
    Some((open, close))
}

/// Reads one verb dictionary file into `dict`.
pub fn read(src: &str, file: &str, dict: &mut VerbDict, diags: &mut Diags) {
    enum Section {
        None,
        Synset(String),
        Block(usize),
    }
    let mut section = Section::None;
    let first_block = dict.blocks.len();
    let mut syntactic = false;
    for (i, raw) in src.lines().enumerate() {
        let n = i + 1;
        let trimmed = raw.trim();
        if trimmed.starts_with("<!") || trimmed.starts_with('#') {
            continue;
        }
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with("---") {
            // block header: --- NAME [code] ---
            let inner = line.trim_matches('-').trim();
            let first = inner.find('[').and_then(|o| inner[o..].find(']').map(|c| (o, o + c)));
            if inner.matches('[').count() > 1 {
                diags.warn_once("block-two-codes", file, n, format!("block header `{line}` has more than one code; the first is used"));
            }
            let (name, code) = match first {
                Some((o, c)) => match parse_code(&inner[o + 1..c]) {
                    Ok(code) => (inner[..o].trim(), code),
                    Err(e) => {
                        diags.warn_once(
                            &format!("blockcode:{}", &inner[o + 1..c]),
                            file,
                            n,
                            format!("block code: {e}; the block's verbs get no code"),
                        );
                        (inner[..o].trim(), VerbCode::null())
                    }
                },
                None => (inner, VerbCode::null()),
            };
            if name.is_empty() {
                diags.error(file, n, "block header `--- NAME [code] ---` without a name");
                section = Section::None;
                continue;
            }
            dict.blocks.push(Block {
                name: name.to_ascii_uppercase(),
                code,
                verbs: Vec::new(),
                patterns: Vec::new(),
                file: file.to_string(),
                line: n,
            });
            section = Section::Block(dict.blocks.len() - 1);
            continue;
        }
        if line.starts_with('&') {
            let name = line.split_whitespace().next().unwrap_or(line);
            let no_plural = name.ends_with('_');
            let key = name.trim_end_matches('_').to_ascii_uppercase();
            if let Some(old) = dict.synsets.get(&key) {
                diags.warn_once(
                    &format!("synset-redefined:{key}"),
                    file,
                    n,
                    format!("synonym set {key} defined again (first at line {}); the entries are merged", old.line),
                );
            } else {
                dict.synsets.insert(key.clone(), Synset { name: key.clone(), no_plural, entries: Vec::new(), line: n });
            }
            section = Section::Synset(key);
            continue;
        }
        if line.starts_with('~') {
            diags.warn_once("transformation", file, n, format!("verb transformations (`{line}`) are not supported; ignored"));
            continue;
        }
        match &section {
            Section::Synset(key) => {
                let Some(entry) = line.strip_prefix('+') else {
                    diags.error(file, n, format!("`{line}`: a synonym-set entry must start with `+`"));
                    continue;
                };
                let entry = entry.trim();
                let no_plural = entry.ends_with('_');
                let mut pieces = Vec::new();
                let mut ok = true;
                for sym in entry.split_whitespace() {
                    let sym = sym.trim_matches(|c| c == '(' || c == ')');
                    if sym.is_empty() {
                        continue;
                    }
                    match piece(sym) {
                        Some(p) => pieces.push(p),
                        None => ok = false,
                    }
                }
                if !ok || pieces.is_empty() {
                    diags.error(file, n, format!("unreadable synonym-set entry `{line}`"));
                    continue;
                }
                if let Some(s) = dict.synsets.get_mut(key) {
                    s.entries.push(SynEntry { pieces, no_plural, line: n });
                }
            }
            Section::Block(b) => {
                let b = *b;
                let is_pattern = line.starts_with('-');
                let bare_pattern = !is_pattern && line.starts_with("* ");
                if is_pattern || bare_pattern {
                    if bare_pattern {
                        diags.warn_once("pattern-no-dash", file, n, format!("pattern `{line}` does not start with `-`; read as a pattern"));
                    }
                    let body_all = if is_pattern { &line[1..] } else { line };
                    syntactic |= body_all.contains('{') || body_all.contains('(');
                    let Some((o, c)) = bracket(body_all) else {
                        diags.error(file, n, format!("pattern `{line}` has no [code]"));
                        continue;
                    };
                    let code = match parse_code(&body_all[o + 1..c]) {
                        Ok(code) => code,
                        Err(e) => {
                            diags.warn_once(
                                &format!("patterncode:{}", &body_all[o + 1..c]),
                                file,
                                n,
                                format!("pattern code: {e}; pattern ignored"),
                            );
                            continue;
                        }
                    };
                    if !body_all[c + 1..].trim().is_empty() {
                        diags.error(file, n, format!("text after the code in `{line}`"));
                        continue;
                    }
                    let body = &body_all[..o];
                    if body.contains('*') && !body.split_whitespace().any(|t| t == "*") {
                        diags.warn_once("glued-star", file, n, format!("`*` written against a word in `{line}`; read as a separate `*`"));
                    }
                    match parse_pattern_body(body) {
                        Ok((pre, post)) => {
                            dict.blocks[b].patterns.push(Pattern { pre, post, code, line: n, text: line.to_string(), flat: false })
                        }
                        Err(e) => diags.error(file, n, format!("pattern `{line}`: {e}")),
                    }
                    continue;
                }
                // a verb line: WORD {forms} [code]  (TABARI's `;` starts a comment)
                let mut rest = line.split(';').next().unwrap_or(line).trim();
                let end = rest.find(|c: char| c.is_whitespace() || c == '{' || c == '[').unwrap_or(rest.len());
                let word = &rest[..end];
                rest = rest[end..].trim();
                let Some(base) = parse_verb_phrase(word) else {
                    diags.error(file, n, format!("unreadable verb `{word}`"));
                    continue;
                };
                if base.words.len() > 1 && !word.contains('+') {
                    diags.warn_once(
                        "multiword-no-plus",
                        file,
                        n,
                        format!("multi-word verb `{word}` has no `+` marking the verb; the first word is taken"),
                    );
                }
                let mut irregular = Vec::new();
                if let Some(r) = rest.strip_prefix('{') {
                    let Some(close) = r.find('}') else {
                        diags.error(file, n, format!("`{{` without `}}` in `{line}`"));
                        continue;
                    };
                    for f in r[..close].split_whitespace() {
                        match parse_verb_phrase(f) {
                            Some(form) => irregular.push(form),
                            None => diags.error(file, n, format!("unreadable verb form `{f}`")),
                        }
                    }
                    rest = r[close + 1..].trim();
                }
                let mut code = None;
                if let Some(r) = rest.strip_prefix('[') {
                    let Some(close) = r.find(']') else {
                        diags.error(file, n, format!("`[` without `]` in `{line}`"));
                        continue;
                    };
                    match parse_code(&r[..close]) {
                        Ok(c) => code = Some(c),
                        Err(e) => {
                            diags.warn_once(&format!("verbcode:{}", &r[..close]), file, n, format!("verb code: {e}; the verb gets no code"))
                        }
                    }
                    rest = r[close + 1..].trim();
                }
                if !rest.is_empty() {
                    diags.error(file, n, format!("unexpected `{rest}` after the verb in `{line}`"));
                    continue;
                }
                dict.blocks[b].verbs.push(Verb { base, irregular, code, line: n });
            }
            Section::None => {
                diags.error(file, n, format!("`{line}` is outside any synonym set or verb block"));
            }
        }
    }
    if !syntactic {
        for b in &mut dict.blocks[first_block..] {
            for p in &mut b.patterns {
                p.flat = true;
            }
        }
        if dict.blocks[first_block..].iter().any(|b| !b.patterns.is_empty()) {
            diags.warn_once(
                &format!("flat:{file}"),
                file,
                1,
                "no `{...}` or `(...)` groups in this file: its patterns are read as TABARI/PETRARCH-1 word sequences",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(parse_code("050").unwrap().written(), "050");
        let c = parse_code("042:043").unwrap();
        assert_eq!(c.events().collect::<Vec<_>>(), ["042", "043"]);
        assert!(parse_code("---").unwrap().is_null());
        let only_passive = parse_code(":173").unwrap();
        assert_eq!(only_passive.active, Code::Null);
        assert_eq!(only_passive.events().collect::<Vec<_>>(), ["173"]);
        assert!(parse_code("").is_err());
        assert!(parse_code("075A").is_err());
        assert!(parse_code("###").is_err());
    }

    #[test]
    fn pattern_bodies() {
        let (pre, post) = parse_pattern_body(" + * EID (AT ^) (WITH +) ").unwrap();
        assert_eq!(pre, vec![Elem::Target]);
        assert_eq!(post.len(), 3);
        assert_eq!(post[1], Elem::Pp("AT".into(), vec![Elem::Skip]));
        let (_, post) = parse_pattern_body("* {NEW &TIETYPES RELATIONS}").unwrap();
        assert_eq!(
            post,
            vec![Elem::Phrase(vec![
                Piece::Words(vec!["NEW".into()]),
                Piece::Syn("&TIETYPES".into()),
                Piece::Words(vec!["RELATIONS".into()])
            ])]
        );
        let (_, post) = parse_pattern_body("* (FOR {HUMANITARIAN AID})").unwrap();
        assert!(matches!(&post[0], Elem::Pp(p, r) if p == "FOR" && matches!(r[0], Elem::Phrase(_))));
        assert!(parse_pattern_body("* (FOR AID").is_err());
        let (pre, post) = parse_pattern_body("SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS").unwrap();
        assert_eq!(pre, vec![Elem::Words(vec!["SUGGESTED".into()]), Elem::Target]);
        assert!(matches!(&post[0], Elem::Seq(p) if p.len() == 3));
        let (pre, post) = parse_pattern_body("IN_*_OUT").unwrap();
        assert_eq!((pre.len(), post.len()), (1, 1));
        assert!(parse_pattern_body("AID").is_err());
    }

    #[test]
    fn a_small_file() {
        let src = "&CURRENCY\n+DOLLAR\n+SWISS FRANCS\n+CASH_\n\n--- GIVE [070] ---\nGIVE {GIVES GAVE GIVEN GIVING}\n+HAND_OVER\nWIRE_+TAP\n- * &CURRENCY [071]\n- * (TO $) [075A]\n~ a (a b Q) SAY = a b Q\n";
        let mut d = VerbDict::default();
        let mut diags = Diags::default();
        read(src, "v.txt", &mut d, &mut diags);
        let diags = diags.into_vec();
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[0].message.contains("075A"));
        assert!(diags[1].message.contains("transformation"));
        let b = &d.blocks[0];
        assert_eq!(b.verbs.len(), 3);
        assert_eq!(b.verbs[0].irregular.len(), 4);
        assert_eq!(b.verbs[1].base.words, ["HAND", "OVER"]);
        assert_eq!(b.verbs[2].base.head, 1);
        assert_eq!(b.patterns.len(), 1);
        assert_eq!(d.synsets["&CURRENCY"].entries.len(), 3);
        assert!(d.synsets["&CURRENCY"].entries[2].no_plural);
    }
}
