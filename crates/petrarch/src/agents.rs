//! Agent dictionaries: role nouns whose code is added after (`[~GOV]`) or
//! before (`[NGO~]`) the actor code, with plurals generated (`{}` none,
//! `{GEESE}` irregular) and substitution sets (`!PERSON! = MAN, MEN`).

use crate::diag::{content_lines, Diags};
use crate::words::{phrase_words, plural};
use std::collections::HashMap;

/// Where an agent code goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// `~GOV`: after the actor code (`RUSGOV`).
    Suffix,
    /// `NGO~`: before it (`NGOARN`).
    Prefix,
}

/// One agent surface (after expansion of plurals and substitutions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// Its words.
    pub words: Vec<String>,
    /// The code, without `~`.
    pub code: String,
    /// Before or after the actor code.
    pub side: Side,
    /// The entry as written (for reports).
    pub entry: String,
    /// File it was read from.
    pub file: String,
    /// Line in the file.
    pub line: usize,
}

/// Reads one agent file, appending every surface it defines to `out`.
pub fn read(src: &str, file: &str, out: &mut Vec<Agent>, diags: &mut Diags) {
    let mut subs: HashMap<String, Vec<String>> = HashMap::new();
    for (n, line) in content_lines(src) {
        if line.starts_with('!') && line.contains('=') {
            let (k, v) = line.split_once('=').unwrap_or((line, ""));
            let key = k.trim().to_ascii_uppercase();
            if !(key.len() > 2 && key.ends_with('!')) {
                diags.error(file, n, format!("substitution set `{}` must be written !NAME!", k.trim()));
                continue;
            }
            let items: Vec<String> = v.split(',').map(|x| x.trim().to_ascii_uppercase()).filter(|x| !x.is_empty()).collect();
            if items.is_empty() {
                diags.error(file, n, format!("substitution set {key} is empty"));
                continue;
            }
            subs.insert(key, items);
            continue;
        }
        let Some(open) = line.rfind('[') else {
            diags.error(file, n, format!("agent `{line}` has no [code]"));
            continue;
        };
        let Some(close) = line[open..].find(']').map(|c| c + open) else {
            diags.error(file, n, format!("`[` without `]` in `{line}`"));
            continue;
        };
        if !line[close + 1..].trim().is_empty() {
            diags.error(file, n, format!("unexpected `{}` after the code", line[close + 1..].trim()));
            continue;
        }
        let code_raw: String = line[open + 1..close].chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        let (code, side) = if let Some(c) = code_raw.strip_prefix('~') {
            (c.to_string(), Side::Suffix)
        } else if let Some(c) = code_raw.strip_suffix('~') {
            (c.to_string(), Side::Prefix)
        } else {
            diags.warn_once("agent-no-tilde", file, n, format!("agent code `[{code_raw}]` has no `~`; read as `~{code_raw}`"));
            (code_raw.clone(), Side::Suffix)
        };
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            diags.error(file, n, format!("agent code `[{code_raw}]` is not letters with one `~`"));
            continue;
        }
        let head = line[..open].trim();
        let (phrase, plurals) = match head.find('{') {
            Some(b) => {
                let Some(e) = head[b..].find('}').map(|e| e + b) else {
                    diags.error(file, n, format!("`{{` without `}}` in `{line}`"));
                    continue;
                };
                if !head[e + 1..].trim().is_empty() {
                    diags.error(file, n, format!("unexpected `{}` after the plural", head[e + 1..].trim()));
                    continue;
                }
                (head[..b].trim(), Some(head[b + 1..e].split_whitespace().map(str::to_string).collect::<Vec<_>>()))
            }
            None => (head, None),
        };
        if phrase.is_empty() {
            diags.error(file, n, format!("agent without a name: `{line}`"));
            continue;
        }
        let upper = phrase.to_ascii_uppercase();
        // substitution markers
        let mut expansions: Vec<String> = vec![upper.clone()];
        let mut substituted = false;
        while let Some(s) = expansions.first().and_then(|x| x.find('!')) {
            let Some(e) = expansions[0][s + 1..].find('!').map(|e| e + s + 1) else {
                diags.error(file, n, format!("unclosed substitution marker in `{phrase}`"));
                expansions.clear();
                break;
            };
            let key = expansions[0][s..=e].to_string();
            let Some(items) = subs.get(&key) else {
                diags.error(file, n, format!("substitution set {key} is not defined before this line"));
                expansions.clear();
                break;
            };
            substituted = true;
            expansions = expansions.iter().flat_map(|x| items.iter().map(|it| x.replacen(key.as_str(), it, 1))).collect();
        }
        for exp in expansions {
            let words = phrase_words(&exp);
            if words.is_empty() {
                continue;
            }
            let mut forms = vec![words.clone()];
            if !substituted {
                match &plurals {
                    Some(list) => forms.extend(list.iter().map(|p| phrase_words(p)).filter(|w| !w.is_empty())),
                    None => {
                        let mut p = words.clone();
                        if let Some(last) = p.last_mut() {
                            *last = plural(last);
                        }
                        forms.push(p);
                    }
                }
            }
            for w in forms {
                out.push(Agent { words: w, code: code.clone(), side, entry: phrase.to_string(), file: file.to_string(), line: n });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents() {
        let src = "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nCONGRESS [~LEG]\nPOLICE {} [ ~COP]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nMSF {}  [NGO~]\nBAD_ONE\nX !NOPE! [~X]\n";
        let mut v = Vec::new();
        let mut d = Diags::default();
        read(src, "ag.txt", &mut v, &mut d);
        let d = d.into_vec();
        assert_eq!(d.len(), 2, "{d:?}");
        let surf: Vec<String> = v.iter().map(|a| a.words.join(" ")).collect();
        assert_eq!(surf, ["CONGRESSMAN", "CONGRESSMEN", "CONGRESS", "CONGRESSES", "POLICE", "GOLDEN GOOSE", "GOLDEN GEESE", "MSF"]);
        assert_eq!(v[4].side, Side::Suffix);
        assert_eq!(v[7].side, Side::Prefix);
        assert_eq!(v[7].code, "NGO");
    }
}
