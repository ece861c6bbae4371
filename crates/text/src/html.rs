//! Main text of a news page, with a small tolerant tag scanner.
//!
//! The region read is the `<article>` holding the most text (at least
//! [`MIN_REGION`] characters), else `<main>`, else `<body>`, else the whole
//! page. Scripts, styles, navigation, headers, footers, asides and forms are
//! dropped; block elements become line breaks, paragraphs and headings are
//! separated by blank lines; entities are decoded. The first `<h1>` (or the
//! `<title>`) becomes the first line.

use std::ops::Range;

/// Characters of text a region needs to be preferred over the next candidate.
const MIN_REGION: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Article,
    Main,
    Body,
    Title,
    H1,
    /// Dropped with its content.
    Drop,
    /// A break of the given strength: 1 space, 2 line, 3 blank line.
    Break(u8),
    Inline,
}

#[derive(Debug, Clone, Copy)]
enum Tok<'a> {
    Open { name: &'a str, kind: Kind, closed: bool },
    Close { name: &'a str, kind: Kind },
    Text(&'a str),
}

fn classify(name: &str) -> Kind {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return Kind::Inline;
    }
    let b = &mut buf[..name.len()];
    b.copy_from_slice(name.as_bytes());
    b.make_ascii_lowercase();
    match &*b {
        b"article" => Kind::Article,
        b"main" => Kind::Main,
        b"body" => Kind::Body,
        b"title" => Kind::Title,
        b"h1" => Kind::H1,
        b"script" | b"style" | b"noscript" | b"template" | b"svg" | b"math" | b"iframe" | b"object" | b"canvas" | b"nav" | b"header"
        | b"footer" | b"aside" | b"form" | b"button" | b"select" | b"head" | b"textarea" | b"dialog" => Kind::Drop,
        b"p" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"blockquote" | b"section" | b"ul" | b"ol" | b"table" | b"pre" | b"figure"
        | b"hr" | b"dl" => Kind::Break(3),
        b"div" | b"li" | b"br" | b"tr" | b"dd" | b"dt" | b"figcaption" | b"address" | b"center" | b"caption" => Kind::Break(2),
        b"td" | b"th" => Kind::Break(1),
        _ => Kind::Inline,
    }
}

/// Elements whose content is raw text up to their closing tag.
fn is_raw(name: &str) -> bool {
    ["script", "style", "textarea", "xmp"].iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// Position of `</name` (case-insensitive) at or after `from`.
fn find_close(html: &str, from: usize, name: &str) -> Option<usize> {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(p) = html.get(i..).and_then(|s| s.find("</")) {
        let s = i + p;
        let n = b.get(s + 2..s + 2 + name.len())?;
        if n.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(s);
        }
        i = s + 2;
    }
    None
}

fn tag_name(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':')).unwrap_or(s.len());
    &s[..end]
}

/// End (after `>`) of a tag starting at `i`, skipping quoted attribute values.
fn tag_end(b: &[u8], i: usize) -> usize {
    let mut q = 0u8;
    let mut j = i;
    while j < b.len() {
        let c = b[j];
        if q != 0 {
            if c == q {
                q = 0;
            }
        } else if c == b'"' || c == b'\'' {
            // Only a quote right after `=` opens a value.
            if j > 0 && b[..j].iter().rev().find(|x| !x.is_ascii_whitespace()) == Some(&b'=') {
                q = c;
            }
        } else if c == b'>' {
            return j + 1;
        }
        j += 1;
    }
    b.len()
}

fn tokenize(html: &str) -> Vec<Tok<'_>> {
    let b = html.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(p) = html[i..].find('<') else {
            toks.push(Tok::Text(&html[i..]));
            break;
        };
        if p > 0 {
            toks.push(Tok::Text(&html[i..i + p]));
        }
        let s = i + p;
        let rest = &html[s..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment.find("-->").map_or(b.len(), |e| s + 4 + e + 3);
        } else if rest.starts_with("<![CDATA[") {
            let e = rest.find("]]>").map_or(rest.len(), |e| e + 3);
            toks.push(Tok::Text(&rest[9..e.saturating_sub(3).max(9)]));
            i = s + e;
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            i = tag_end(b, s + 2);
        } else if let Some(r) = rest.strip_prefix("</") {
            let name = tag_name(r);
            i = tag_end(b, s + 2);
            if !name.is_empty() {
                toks.push(Tok::Close { name, kind: classify(name) });
            }
        } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            let name = tag_name(&rest[1..]);
            let e = tag_end(b, s + 1);
            let closed = e >= 2 && b[e - 2] == b'/' && b[e - 1] == b'>';
            let kind = classify(name);
            toks.push(Tok::Open { name, kind, closed });
            i = e;
            if is_raw(name) && !closed {
                let c = find_close(html, i, name).unwrap_or(b.len());
                if kind != Kind::Drop {
                    toks.push(Tok::Text(&html[i..c]));
                }
                toks.push(Tok::Close { name, kind });
                i = tag_end(b, c);
            }
        } else {
            toks.push(Tok::Text("<"));
            i = s + 1;
        }
    }
    toks
}

/// Index of the token closing the element opened at `open`.
fn matching_close(toks: &[Tok<'_>], open: usize) -> Option<usize> {
    let Some(Tok::Open { name, closed: false, .. }) = toks.get(open) else {
        return None;
    };
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().skip(open + 1) {
        match t {
            Tok::Open { name: n, closed: false, .. } if n.eq_ignore_ascii_case(name) => depth += 1,
            Tok::Close { name: n, .. } if n.eq_ignore_ascii_case(name) => {
                if depth == 0 {
                    return Some(k);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Accumulates text with collapsed whitespace and pending breaks.
#[derive(Default)]
struct Writer {
    out: String,
    pending: u8,
}

impl Writer {
    fn brk(&mut self, level: u8) {
        self.pending = self.pending.max(level);
    }

    fn text(&mut self, raw: &str) {
        let mut s = raw;
        while !s.is_empty() {
            let (chunk, rest) = match s.find('&') {
                Some(0) => {
                    let (c, len) = entity(s);
                    self.chars(c.iter().copied().flatten());
                    s = &s[len..];
                    continue;
                }
                Some(p) => (&s[..p], &s[p..]),
                None => (s, ""),
            };
            self.chars(chunk.chars());
            s = rest;
        }
    }

    fn chars(&mut self, cs: impl Iterator<Item = char>) {
        for c in cs {
            if c.is_whitespace() {
                self.brk(1);
                continue;
            }
            if c.is_control() {
                continue;
            }
            if !self.out.is_empty() {
                match self.pending {
                    0 => {}
                    1 => self.out.push(' '),
                    2 => self.out.push('\n'),
                    _ => self.out.push_str("\n\n"),
                }
            }
            self.pending = 0;
            self.out.push(c);
        }
    }
}

/// Decodes the entity at the start of `s` (which starts with `&`): the
/// characters and the bytes consumed; a lone `&` stays itself.
fn entity(s: &str) -> ([Option<char>; 2], usize) {
    let lone = ([Some('&'), None], 1);
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (h, 16, 2),
            None => (num, 10, 1),
        };
        let n = digits.bytes().take_while(|c| c.is_ascii_digit() || radix == 16 && c.is_ascii_hexdigit()).count();
        if n == 0 || n > 8 {
            return lone;
        }
        let v = u32::from_str_radix(&digits[..n], radix).unwrap_or(0xFFFD);
        let semi = usize::from(digits[n..].starts_with(';'));
        let c = match v {
            0x80..=0x9F => CP1252[(v - 0x80) as usize],
            0 => '\u{fffd}',
            _ => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return ([Some(c), None], 1 + skip + n + semi);
    }
    let n = body.bytes().take(32).take_while(u8::is_ascii_alphanumeric).count();
    let (name, len) = if body[n..].starts_with(';') {
        (&body[..n], n + 2)
    } else {
        // Legacy entities without `;`.
        let n = body.bytes().take_while(u8::is_ascii_alphabetic).count();
        match &body[..n] {
            w @ ("amp" | "lt" | "gt" | "quot" | "nbsp") => (w, n + 1),
            _ => return lone,
        }
    };
    match named(name) {
        Some(cs) => (cs, len),
        None => lone,
    }
}

/// Windows-1252 characters for numeric references 128–159.
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–',
    '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn named(name: &str) -> Option<[Option<char>; 2]> {
    let one = |c: char| Some([Some(c), None]);
    // Accented letters: &eacute; &Ccedil; &ouml; …
    const ACCENTS: [(&str, char, &str); 7] = [
        ("acute", '\u{301}', "aeiouyAEIOUY"),
        ("grave", '\u{300}', "aeiouAEIOU"),
        ("circ", '\u{302}', "aeiouAEIOU"),
        ("uml", '\u{308}', "aeiouyAEIOUY"),
        ("tilde", '\u{303}', "anoANO"),
        ("cedil", '\u{327}', "cC"),
        ("ring", '\u{30a}', "aA"),
    ];
    let mut chars = name.chars();
    if let Some(base) = chars.next() {
        let rest = chars.as_str();
        if let Some((_, mark, _)) = ACCENTS.iter().find(|(suffix, _, bases)| rest == *suffix && bases.contains(base)) {
            return unicode_normalization::char::compose(base, *mark).map(|c| [Some(c), None]);
        }
    }
    match name {
        "amp" => one('&'),
        "lt" => one('<'),
        "gt" => one('>'),
        "quot" => one('"'),
        "apos" => one('\''),
        "nbsp" | "ensp" | "emsp" | "thinsp" | "narrowNoBreakSpace" => one(' '),
        "shy" | "zwnj" | "zwj" | "lrm" | "rlm" => Some([None, None]),
        "laquo" => one('«'),
        "raquo" => one('»'),
        "lsquo" => one('‘'),
        "rsquo" => one('’'),
        "sbquo" => one('‚'),
        "ldquo" => one('“'),
        "rdquo" => one('”'),
        "bdquo" => one('„'),
        "lsaquo" => one('‹'),
        "rsaquo" => one('›'),
        "ndash" => one('–'),
        "mdash" => one('—'),
        "hellip" => one('…'),
        "bull" => one('•'),
        "middot" => one('·'),
        "euro" => one('€'),
        "pound" => one('£'),
        "yen" => one('¥'),
        "cent" => one('¢'),
        "copy" => one('©'),
        "reg" => one('®'),
        "trade" => one('™'),
        "deg" => one('°'),
        "times" => one('×'),
        "divide" => one('÷'),
        "plusmn" => one('±'),
        "sect" => one('§'),
        "para" => one('¶'),
        "dagger" => one('†'),
        "iexcl" => one('¡'),
        "iquest" => one('¿'),
        "ordf" => one('ª'),
        "ordm" => one('º'),
        "sup1" => one('¹'),
        "sup2" => one('²'),
        "sup3" => one('³'),
        "frac12" => one('½'),
        "frac14" => one('¼'),
        "frac34" => one('¾'),
        "oelig" => one('œ'),
        "OElig" => one('Œ'),
        "aelig" => one('æ'),
        "AElig" => one('Æ'),
        "szlig" => one('ß'),
        "oslash" => one('ø'),
        "Oslash" => one('Ø'),
        "eth" => one('ð'),
        "thorn" => one('þ'),
        "prime" => one('′'),
        "minus" => one('−'),
        _ => None,
    }
}

/// Text of the tokens in `r`, whitespace collapsed.
fn plain(toks: &[Tok<'_>], r: Range<usize>) -> String {
    let mut w = Writer::default();
    for t in &toks[r] {
        match t {
            Tok::Text(s) => w.text(s),
            Tok::Open { kind: Kind::Break(_), .. } | Tok::Close { kind: Kind::Break(_), .. } => w.brk(1),
            _ => {}
        }
    }
    w.out
}

/// The main text of a news page: title first, then paragraphs separated by
/// blank lines.
///
/// ```
/// let html = r#"<html><head><title>Iran talks | Daily</title><script>var x = "<p>";</script></head>
/// <body><nav><a href="/">Home</a></nav><article><h1>Talks&nbsp;resume</h1>
/// <p>Tehran &amp; Moscow met.<br>Again.</p><aside>Subscribe</aside><p>L&#8217;&eacute;t&eacute;.</p></article>
/// <footer>About Us</footer></body></html>"#;
/// assert_eq!(dyad_text::html_to_text(html), "Talks resume\n\nTehran & Moscow met.\nAgain.\n\nL’été.");
/// ```
pub fn html_to_text(html: &str) -> String {
    let toks = tokenize(html);
    let region_of = |kind: Kind| -> Option<Range<usize>> {
        toks.iter()
            .enumerate()
            .filter(|(_, t)| matches!(t, Tok::Open { kind: k, .. } if *k == kind))
            .filter_map(|(i, _)| matching_close(&toks, i).map(|c| i + 1..c))
            .map(|r| (text_len(&toks, r.clone()), r))
            .filter(|(len, _)| *len >= MIN_REGION || kind == Kind::Body)
            .max_by_key(|(len, _)| *len)
            .map(|(_, r)| r)
    };
    let region = region_of(Kind::Article)
        .or_else(|| region_of(Kind::Main))
        .or_else(|| region_of(Kind::Body))
        .or_else(|| {
            // An unclosed <body>: from it to the end.
            toks.iter().position(|t| matches!(t, Tok::Open { kind: Kind::Body, .. })).map(|i| i + 1..toks.len())
        })
        .unwrap_or(0..toks.len());
    // Title: the first non-empty <h1> in the region, else anywhere, else <title>.
    let h1s = |r: Range<usize>| {
        let toks = &toks;
        r.filter(move |&i| matches!(toks[i], Tok::Open { kind: Kind::H1, .. }))
            .filter_map(move |i| matching_close(toks, i).map(|c| i..c + 1))
            .map(move |r| (plain(toks, r.start + 1..r.end - 1), r))
            .find(|(t, _)| !t.is_empty())
    };
    let h1 = h1s(region.clone()).or_else(|| h1s(0..toks.len()));
    let (title, skip) = match h1 {
        Some((t, r)) => (t, Some(r)),
        None => {
            let t = toks
                .iter()
                .position(|t| matches!(t, Tok::Open { kind: Kind::Title, .. }))
                .and_then(|i| matching_close(&toks, i).map(|c| plain(&toks, i + 1..c)))
                .unwrap_or_default();
            let t = match t.split_once(" | ") {
                Some((head, _)) if !head.trim().is_empty() => head.trim().to_string(),
                _ => t,
            };
            (t, None)
        }
    };
    let mut w = Writer::default();
    w.text(&title);
    w.brk(3);
    let mut i = region.start;
    while i < region.end {
        if let Some(r) = &skip {
            if i == r.start {
                i = r.end;
                continue;
            }
        }
        match toks[i] {
            Tok::Text(s) => w.text(s),
            Tok::Open { kind: Kind::Drop | Kind::Title, .. } => {
                if let Some(c) = matching_close(&toks, i) {
                    i = c;
                }
                w.brk(1);
            }
            Tok::Open { kind: Kind::Break(l), .. } | Tok::Close { kind: Kind::Break(l), .. } => w.brk(l),
            Tok::Open { kind: Kind::H1 | Kind::Article | Kind::Main, .. }
            | Tok::Close { kind: Kind::H1 | Kind::Article | Kind::Main, .. } => w.brk(3),
            _ => {}
        }
        i += 1;
    }
    w.out
}

/// Characters of visible text in `r`, outside dropped elements.
fn text_len(toks: &[Tok<'_>], r: Range<usize>) -> usize {
    let mut n = 0;
    let mut i = r.start;
    while i < r.end {
        match toks[i] {
            Tok::Text(s) => n += s.split_whitespace().map(str::len).sum::<usize>(),
            Tok::Open { kind: Kind::Drop, .. } => {
                if let Some(c) = matching_close(toks, i) {
                    i = c;
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_largest_article() {
        let body = "Le ministre a rencontré son homologue. ".repeat(10);
        let html = format!(
            "<!DOCTYPE html><html><head><title>Titre | Site</title><style>p {{ x: '<' }}</style></head><body>\
             <header><h1>Le Site</h1></header>\
             <article class=teaser><p>Autre histoire courte</p></article>\
             <ARTICLE><h1 class=\"t\">Vrai titre</h1><P>{body}</P><!-- <p>commentaire</p> -->\
             <div>Ligne<br/>suivante</div><ul><li>un</li><li>deux</li></ul><script>alert(\"</p>\")</script>\
             <form><input value=\"x\">Newsletter</form></ARTICLE>\
             <footer>© 2026</footer></body></html>"
        );
        let t = html_to_text(&html);
        let expected = format!("Vrai titre\n\n{}\n\nLigne\nsuivante\n\nun\ndeux", body.trim());
        assert_eq!(t, expected);
    }

    #[test]
    fn falls_back_to_title_and_body() {
        let html = "<html><head><title>Iran : reprise des talks | Le Journal</title></head>\
                    <body><p>Premier&nbsp;paragraphe&hellip;</p><p>Second &laquo;&#160;oui&#160;&raquo; &#x2014; fin &#146;</p>";
        assert_eq!(html_to_text(html), "Iran : reprise des talks\n\nPremier paragraphe…\n\nSecond « oui » — fin ’");
    }

    #[test]
    fn news_page() {
        let html = r#"<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Iran : Moscou et Téhéran signent un accord – Le Journal</title>
<script type="application/ld+json">{"headline":"x"}</script></head><body class="article">
<div id="cookie"><button>Accepter</button></div>
<header class="site"><nav><ul><li><a href="/">Accueil</a></li><li>Monde</li></ul></nav></header>
<main><article><header><p class="kicker">Diplomatie</p><h1 class="title">Moscou et Téhéran signent un accord</h1>
<p class="byline">Par <a>Jean Dupont</a></p></header>
<figure><img src="a.jpg" alt="photo"><figcaption>M. Lavrov à Moscou, le 12 janvier. <span>AFP</span></figcaption></figure>
<div class="body"><p>Moscou (Le Journal de Bruxelles) 12 janvier 2026 &ndash; Le ministre russe des Affaires étrangères,
  Sergueï Lavrov, a reçu mardi son homologue iranien.</p>
<h2>Quel est le contenu de l&rsquo;accord&nbsp;?</h2>
<p>Le texte prévoit une coopération <em>stratégique</em> sur vingt ans.</p>
<aside class="related"><h3>À lire aussi</h3><ul><li><a>Autre article</a></li></ul></aside>
<div class="share">Partager cet article</div></div></article></main>
<footer><p>© Le Journal 2026 – Tous droits réservés</p></footer></body></html>"#;
        assert_eq!(
            html_to_text(html),
            "Moscou et Téhéran signent un accord\n\n\
             M. Lavrov à Moscou, le 12 janvier. AFP\n\n\
             Moscou (Le Journal de Bruxelles) 12 janvier 2026 – Le ministre russe des Affaires étrangères, \
             Sergueï Lavrov, a reçu mardi son homologue iranien.\n\n\
             Quel est le contenu de l’accord ?\n\n\
             Le texte prévoit une coopération stratégique sur vingt ans.\n\n\
             Partager cet article"
        );
    }

    #[test]
    fn tolerates_broken_markup() {
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("plain text & more"), "plain text & more");
        assert_eq!(html_to_text("<p>a < b and c > d</p>"), "a < b and c > d");
        assert_eq!(html_to_text("<p title='x>y'>ok</p><nav>menu"), "ok\n\nmenu");
        assert_eq!(
            html_to_text("<p>&bogus; &amp &#99999999; &Eacute;lys&eacute;e &Ccedil;a &oelig;uvre"),
            "&bogus; & \u{fffd} Élysée Ça œuvre"
        );
        assert_eq!(html_to_text("<p>a<script>never closed"), "a");
    }
}
