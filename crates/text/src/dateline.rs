//! When and where a story was filed: absolute dates near the top of an
//! article, the dateline city, and weekday / relative-day expressions
//! resolved against the article date.

use crate::fold::{fold, Folded};
use crate::lang::specs;
use crate::lexicon::DayExpr;
use crate::{Date, LangRules};
use std::ops::Range;

/// How far into the text [`dateline_date`] looks, in bytes.
const DATE_WINDOW: usize = 400;
/// How many paragraph starts [`dateline_place`] looks at.
const PLACE_LINES: usize = 6;
/// How much of the text [`dateline_place`] reads at most, in bytes.
const PLACE_HEAD: usize = 16 * 1024;
/// How much of each paragraph start [`dateline_place`] reads, in bytes.
const PLACE_SPAN: usize = 200;

/// A token of the folded date window.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// The number of a digit token ("12", "1er", "5th").
    num: Option<u32>,
    /// Digits in a number token.
    digits: usize,
}

fn cut_at(s: &str, max: usize) -> &str {
    let mut cut = s.len().min(max);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

fn tokens(f: &str, rules: &LangRules) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = f.char_indices().peekable();
    while let Some((s, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut e = s + c.len_utf8();
        while let Some(&(p, d)) = it.peek() {
            if !d.is_alphanumeric() {
                break;
            }
            e = p + d.len_utf8();
            it.next();
        }
        let w = &f[s..e];
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let suffix = &w[digits..];
        let ordinal = suffix.is_empty() || specs(rules.lang()).any(|sp| sp.ordinal_suffixes.contains(&suffix));
        let num = if digits > 0 && digits <= 4 && ordinal { w[..digits].parse().ok() } else { None };
        out.push(Tok { start: s, end: e, num, digits });
    }
    out
}

/// Whether the text between two tokens is a date separator (" ", ". ", ", ").
fn joined(f: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &f[a.end..b.start];
    gap.len() <= 3 && !gap.is_empty() && gap.bytes().all(|c| matches!(c, b' ' | b'.' | b','))
}

fn day(t: &Tok) -> Option<u8> {
    t.num.filter(|d| (1..=31).contains(d) && t.digits <= 2).map(|d| d as u8)
}

fn year(t: &Tok) -> Option<i32> {
    t.num.filter(|y| (1900..=2100).contains(y) && t.digits == 4).map(|y| y as i32)
}

/// An ISO date `YYYY-MM-DD` starting at token `t`.
fn iso_at(f: &str, t: &Tok) -> Option<(Date, usize)> {
    year(t)?;
    let s = f.get(t.start..t.start + 10)?;
    let d: Date = s.parse().ok()?;
    let after = f[t.start + 10..].chars().next();
    if after.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((d, t.start + 10))
}

/// A date at token `i`: (date, folded end, whether the year was written).
fn date_at(f: &str, toks: &[Tok], i: usize, rules: &LangRules, fallback: Option<i32>) -> Option<(Date, usize, bool)> {
    let t = toks.get(i)?;
    if let Some((x, end)) = iso_at(f, t) {
        return Some((x, end, true));
    }
    let next = |k: usize| toks.get(i + k).filter(|n| joined(f, &toks[i + k - 1], n));
    let month_of = |t: &Tok| rules.month(&f[t.start..t.end]);
    // 12 janvier 2026, 1er mars 2025, 5 January 2026
    if let (Some(d), Some(mt)) = (day(t), next(1)) {
        if let Some(m) = month_of(mt) {
            return match next(2).and_then(|y| year(y).map(|v| (v, y.end))) {
                Some((y, end)) => Date::new(y, m, d).map(|x| (x, end, true)),
                None => fallback.and_then(|y| Date::new(y, m, d)).map(|x| (x, mt.end, false)),
            };
        }
    }
    // Jan. 5, 2026; January 5th 2026
    if let Some(m) = month_of(t) {
        if let Some(dt) = next(1) {
            if let Some(d) = day(dt) {
                return match next(2).and_then(|y| year(y).map(|v| (v, y.end))) {
                    Some((y, end)) => Date::new(y, m, d).map(|x| (x, end, true)),
                    None => fallback.and_then(|y| Date::new(y, m, d)).map(|x| (x, dt.end, false)),
                };
            }
        }
    }
    None
}

/// The first absolute date in the first ~400 bytes of `text` ("12 janvier
/// 2026", "1er mars 2025", "le 3 févr. 2026", "Jan. 5, 2026", "January 5,
/// 2026", "5 January 2026", "2026-01-12"), with its byte range in `text`.
/// Month names come from the lexicon. Dates without a year are ignored; see
/// [`dateline_date_with_year`].
pub fn dateline_date(text: &str, rules: &LangRules) -> Option<(Date, Range<usize>)> {
    dateline_date_with_year(text, rules, None)
}

/// Like [`dateline_date`], but when no date with a year is found, a date
/// without one ("WASHINGTON, Jan. 5 (Reuters) -") is completed with
/// `fallback_year`.
///
/// ```
/// let r = dyad_text::LangRules::parse("#dyad-format lexicon 1\nmonth\tJan.\t1\n", "x").unwrap();
/// let t = "WASHINGTON, Jan. 5 (Reuters) - The talks";
/// assert!(dyad_text::dateline_date(t, &r).is_none());
/// let (d, span) = dyad_text::dateline_date_with_year(t, &r, Some(2026)).unwrap();
/// assert_eq!((d.to_string().as_str(), &t[span]), ("2026-01-05", "Jan. 5"));
/// ```
pub fn dateline_date_with_year(text: &str, rules: &LangRules, fallback_year: Option<i32>) -> Option<(Date, Range<usize>)> {
    let window = cut_at(text, DATE_WINDOW);
    let f = Folded::new(window);
    let toks = tokens(&f.text, rules);
    let found = (0..toks.len()).find_map(|i| date_at(&f.text, &toks, i, rules, None).map(|x| (i, x))).or_else(|| {
        fallback_year?;
        (0..toks.len()).find_map(|i| date_at(&f.text, &toks, i, rules, fallback_year).map(|x| (i, x)))
    });
    let (i, (date, end, _)) = found?;
    Some((date, f.orig_range(toks[i].start..end)))
}

/// Whether a place word may be lowercase inside a multi-word place name
/// ("Rio de Janeiro", "Frankfurt am Main").
fn is_connector(w: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "de", "du", "des", "la", "le", "les", "d'", "l'", "sur", "sous", "en", "am", "im", "an", "upon", "of", "on", "el", "al", "es",
        "da", "do", "dos", "y",
    ];
    CONNECTORS.contains(&w)
}

fn is_place_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')
}

/// The length of the run of [`is_place_char`] characters that starts
/// `rest`: ASCII by one byte test each, other characters decoded (the
/// dateline test reads the first words of every paragraph: 1 MB corpus,
/// 235.18M → 235.00M instructions).
fn place_word_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x.is_ascii() {
            if !(x.is_ascii_alphabetic() || matches!(x, b'-' | b'\'' | b'.')) {
                return i;
            }
            i += 1;
        } else {
            match rest.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if is_place_char(c) => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
    i
}

/// Is `c` a dash that separates a dateline from the story?
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// The first dash of `rest` with a space or `)` (or nothing) before it and
/// a space (or nothing) after it.
fn separating_dash(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let mut from = 0;
    // Every dash starts with one of these bytes, which only start characters.
    while let Some(k) = b.get(from..)?.iter().position(|&x| x == b'-' || x == 0xE2) {
        let p = from + k;
        from = p + 1;
        let Some(c) = rest.get(p..).and_then(|r| r.chars().next()) else { continue };
        let prev = rest[..p].chars().next_back().unwrap_or(' ');
        if is_dash(c) && (prev.is_whitespace() || prev == ')') && rest[p + c.len_utf8()..].chars().next().is_none_or(char::is_whitespace) {
            return Some(p);
        }
    }
    None
}

/// A dateline place at the start of `line`: its end within `line`.
fn place_in_line(line: &str) -> Option<usize> {
    // The place: capitalised words, possibly joined by connectors.
    let mut end = 0;
    let mut pos = 0;
    let mut words = 0;
    let mut all_caps = true;
    while words < 6 {
        let rest = &line[pos..];
        let w_len = place_word_len(rest);
        let w = &rest[..w_len];
        let first = w.chars().next()?;
        if first.is_uppercase() {
            end = pos + w_len;
            all_caps &= !w.chars().any(char::is_lowercase);
        } else if !(words > 0 && is_connector(w)) {
            break;
        }
        words += 1;
        pos += w_len;
        match line[pos..].strip_prefix(' ') {
            Some(r) if r.chars().next().is_some_and(char::is_alphabetic) => pos += 1,
            _ => break,
        }
    }
    let place = line[..end].trim_end_matches(['.', '-', '\'', '’']);
    // Fewer than two letters (read no further than the second; 1 MB
    // corpus: 235.00M → 234.73M instructions).
    place.chars().filter(|c| c.is_alphabetic()).nth(1)?;
    let end = place.len();
    // What follows: up to a dash separator.
    let rest = cut_at(&line[end..], 100);
    // Only a bracket, a comma or a dash can come first (after spaces):
    // anything else starts the text before the dash, or there is none.
    // Most paragraph starts ("Jaime Paz Zamora expelled") end here
    // without looking for a dash.
    if rest.trim_start().chars().next().is_some_and(|c| !matches!(c, '(' | ',') && !is_dash(c)) {
        return None;
    }
    separated(rest[..separating_dash(rest)?].trim(), all_caps).then_some(end)
}

/// Whether `head`, what comes between a place and its dash, makes a
/// dateline: nothing (for a place in capitals), a source in brackets, or a
/// comma and then a date, a source or anything after a place in capitals.
fn separated(head: &str, all_caps: bool) -> bool {
    let group = head.find('(').is_some_and(|o| head[o..].contains(')'));
    if head.is_empty() {
        all_caps
    } else if head.starts_with('(') {
        group
    } else if head.starts_with(',') {
        all_caps || group || head.chars().any(|c| c.is_ascii_digit())
    } else {
        false
    }
}

/// The dateline city at the start of one of the first paragraphs:
/// "Moscou (Le Journal de Bruxelles) 12 janvier 2026 –" → "Moscou";
/// "WASHINGTON, Jan. 5 (Reuters) -" → "WASHINGTON"; "PARIS (AFP) -" →
/// "PARIS"; "KYIV, Ukraine (AP) —" → "KYIV". The place must be followed by a
/// source in brackets, a comma and a date, or (all capitals) directly by a
/// dash.
pub fn dateline_place(text: &str) -> Option<Range<usize>> {
    let head = cut_at(text, PLACE_HEAD);
    let mut off = 0;
    let mut seen = 0;
    // Each line (with its '\n') is read no further than its first
    // `PLACE_SPAN` bytes, unless it is not a dateline: only then is its end
    // looked for (a paragraph is often a whole article).
    while off < head.len() {
        let line = &head[off..];
        let trimmed = line.trim_start_matches(|c: char| c != '\n' && c.is_whitespace());
        let lead = off + (line.len() - trimmed.len());
        if trimmed.is_empty() || trimmed.starts_with('\n') {
            off = lead + 1;
            continue;
        }
        let span = cut_at(trimmed, PLACE_SPAN);
        let nl = span.find('\n');
        let span = nl.map_or(span, |n| &span[..=n]);
        if let Some(end) = place_in_line(span) {
            return Some(lead..lead + end);
        }
        seen += 1;
        if seen >= PLACE_LINES {
            break;
        }
        // The line's end is looked for only past the span already read
        // (1 MB corpus: 235.36M → 235.18M instructions).
        off = match nl {
            Some(n) => lead + n + 1,
            None => trimmed[span.len()..].find('\n').map_or(head.len(), |n| lead + span.len() + n + 1),
        };
    }
    None
}

/// Whether `f[s..e]` is a whole word of `f`.
fn whole_word(f: &str, s: usize, e: usize) -> bool {
    // An ASCII neighbour is tested as a byte, another one decoded.
    let b = f.as_bytes();
    let before = match s.checked_sub(1).and_then(|p| b.get(p)) {
        Some(x) if x.is_ascii() => x.is_ascii_alphanumeric(),
        Some(_) => f[..s].chars().next_back().is_some_and(char::is_alphanumeric),
        None => false,
    };
    let after = match b.get(e) {
        Some(x) if x.is_ascii() => x.is_ascii_alphanumeric(),
        Some(_) => f[e..].chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    };
    !before && !after
}

/// Whether `w` is one of `list` (a loop the compiler inlines, where
/// `contains` was at times a call: 1 MB corpus, ≈0.2M instructions).
fn listed(list: &[&str], w: &str) -> bool {
    for x in list {
        if *x == w {
            return true;
        }
    }
    false
}

/// The word that ends before `f[s]` and the blanks after it. ASCII is read
/// byte by byte, anything else as characters.
fn word_before(f: &str, s: usize) -> &str {
    let b = f.as_bytes();
    let mut e = s;
    while e > 0 && matches!(b[e - 1], b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
        e -= 1;
    }
    let mut w = e;
    while w > 0 && b[w - 1].is_ascii_alphanumeric() {
        w -= 1;
    }
    if (e == 0 || b[e - 1] < 0x80) && (w == 0 || b[w - 1] < 0x80) {
        return &f[w..e];
    }
    word_before_chars(f, s)
}

/// [`word_before`] by characters.
fn word_before_chars(f: &str, s: usize) -> &str {
    let t = f[..s].trim_end();
    let start = t.char_indices().rev().find(|&(_, c)| !c.is_alphanumeric()).map_or(0, |(p, c)| p + c.len_utf8());
    &t[start..]
}

/// The word that starts after `f[..e]` and the blanks before it. ASCII is
/// read byte by byte, anything else as characters.
fn word_after(f: &str, e: usize) -> &str {
    let b = f.as_bytes();
    let mut s = e;
    while s < b.len() && matches!(b[s], b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
        s += 1;
    }
    let mut w = s;
    while w < b.len() && b[w].is_ascii_alphanumeric() {
        w += 1;
    }
    if b.get(s).is_none_or(|&x| x < 0x80) && b.get(w).is_none_or(|&x| x < 0x80) {
        return &f[s..w];
    }
    word_after_chars(f, e)
}

/// [`word_after`] by characters.
fn word_after_chars(f: &str, e: usize) -> &str {
    let t = f[e..].trim_start();
    let end = t.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(t.len(), |(p, _)| p);
    &t[..end]
}

/// The first weekday or relative-day expression of a folded sentence
/// ("mardi", "hier", "on Wednesday", "yesterday", "mardi prochain", "last
/// Monday") resolved against `reference` (the article date). A bare weekday
/// is the most recent such day on or before the reference (news convention);
/// "prochain"/"next" the next one after it; "dernier"/"last" the one strictly
/// before it.
pub fn relative_date(sentence_folded: &str, rules: &LangRules, reference: Date) -> Option<Date> {
    relative_hit(sentence_folded, rules, reference).map(|(d, _, _)| d)
}

/// [`relative_date`] with the folded span of the expression and whether it
/// was a weekday.
fn relative_hit(f: &str, rules: &LangRules, reference: Date) -> Option<(Date, Range<usize>, bool)> {
    let (m, exprs) = rules.day_matcher()?;
    for (s, e, value) in m.leftmost_longest(f.as_bytes()) {
        if !whole_word(f, s, e) {
            continue;
        }
        let Some(expr) = exprs.get(value as usize) else { continue };
        return Some(match *expr {
            DayExpr::Offset(n) => (moved(reference, i64::from(n)), s..e, false),
            DayExpr::Weekday(wd) => {
                // The word before the weekday is read only for a language
                // that lists words there ("next Tuesday"), the word after
                // only for one that lists words there ("mardi prochain").
                let (mut next, mut last) = (false, false);
                let (mut before, mut after) = (None, None);
                for sp in specs(rules.lang()) {
                    if !sp.next_before.is_empty() || !sp.last_before.is_empty() {
                        let w = *before.get_or_insert_with(|| word_before(f, s));
                        next |= listed(sp.next_before, w);
                        last |= listed(sp.last_before, w);
                    }
                    if !sp.next_after.is_empty() || !sp.last_after.is_empty() {
                        let w = *after.get_or_insert_with(|| word_after(f, e));
                        next |= listed(sp.next_after, w);
                        last |= listed(sp.last_after, w);
                    }
                }
                (weekday_near(reference, wd, next, last), s..e, true)
            }
        });
    }
    None
}

/// The day named by ISO weekday `wd` near `reference`: the next one after
/// it when `next`, else the one strictly before it when `last`, else the
/// most recent one on or before it ([`Date::last_weekday`]). No conversion
/// to days and usually none back (see [`iso_weekday`], [`moved`]), where
/// `last_weekday` and `add_days` make two of each (≈150 instructions per
/// weekday found).
fn weekday_near(reference: Date, wd: u8, next: bool, last: bool) -> Date {
    let today = iso_weekday(reference);
    let wd = i64::from(wd);
    moved(
        reference,
        if next {
            (wd - today + 6).rem_euclid(7) + 1
        } else {
            // Back from the day before when `last`.
            let l = i64::from(last);
            -l - (today - l - wd).rem_euclid(7)
        },
    )
}

/// [`Date::weekday`] from the year, month and day alone (Sakamoto's
/// method): a few multiplications instead of a count of days.
fn iso_weekday(d: Date) -> i64 {
    /// Day of the week of the first of each month, shifted so that
    /// January and February count in the year before.
    const MONTH: [u64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    // Unsigned arithmetic (years from 0 on): divisions by constants without
    // sign corrections.
    let (Some(&m), Ok(y)) = (MONTH.get(usize::from(d.m).wrapping_sub(1)), u64::try_from(i64::from(d.y) - i64::from(d.m < 3))) else {
        return i64::from(d.weekday());
    };
    // 0 = Sunday.
    let sunday_based = (y + y / 4 - y / 100 + y / 400 + m + u64::from(d.d)) % 7;
    // At most 7.
    ((sunday_based + 6) % 7 + 1) as i64
}

/// `reference.add_days(n)`, by the day of the month alone when the result
/// stays between the 1st and the 28th of the same month.
fn moved(reference: Date, n: i64) -> Date {
    match u8::try_from(i64::from(reference.d) + n) {
        Ok(d @ 1..=28) => Date { d, ..reference },
        _ => reference.add_days(n),
    }
}

/// Days either side of the reference within which a year-less date is put.
const HALF_YEAR: i64 = 183;

/// The date a folded sentence speaks of: the first absolute date ("le 13
/// janvier", "Jan. 13, 2026", "2026-01-13"; a missing year is the one that
/// puts the date nearest the reference) or relative expression (see
/// [`relative_date`]), whichever comes first; a weekday directly followed by
/// a date ("mardi 13 janvier", "Tuesday, Jan. 13") is that date.
///
/// ```
/// let r = dyad_text::rules(dyad_text::Lang::Fr);
/// let reference: dyad_text::Date = "2026-01-15".parse().unwrap();
/// let d = |s: &str| dyad_text::sentence_date(&dyad_text::fold(s), r, reference).map(|d| d.to_string());
/// assert_eq!(d("Il l'a reçu le 3 janvier à Moscou").as_deref(), Some("2026-01-03"));
/// assert_eq!(d("Hier, le ministre a parlé du 3 janvier").as_deref(), Some("2026-01-14"));
/// assert_eq!(d("Le sommet du 28 décembre").as_deref(), Some("2025-12-28"));
/// ```
pub fn sentence_date(sentence_folded: &str, rules: &LangRules, reference: Date) -> Option<Date> {
    let f = sentence_folded;
    let absolute = if f.bytes().any(|c| c.is_ascii_digit()) {
        let toks = tokens(f, rules);
        (0..toks.len()).find_map(|i| {
            let (mut d, _, has_year) = date_at(f, &toks, i, rules, Some(reference.y))?;
            if !has_year {
                let gap = d.to_days() - reference.to_days();
                let y = if gap > HALF_YEAR {
                    d.y - 1
                } else if gap < -HALF_YEAR {
                    d.y + 1
                } else {
                    d.y
                };
                d = Date::new(y, d.m, d.d)?;
            }
            Some((toks[i].start, d))
        })
    } else {
        None
    };
    let relative = relative_hit(f, rules, reference);
    match (absolute, relative) {
        (Some((start, d)), Some((_, r, weekday))) if start < r.start || weekday && f[r.end..start].trim_matches([' ', ',']).is_empty() => {
            Some(d)
        }
        (_, Some((d, _, _))) => Some(d),
        (Some((_, d)), None) => Some(d),
        (None, None) => None,
    }
}

/// The most recent day named `name` ("mardi", "Tuesday", any case or accents)
/// on or before `reference`; `None` if `name` is not a weekday of the lexicon.
pub fn weekday_on_or_before(name: &str, rules: &LangRules, reference: Date) -> Option<Date> {
    rules.weekday(&fold(name.trim())).map(|wd| reference.last_weekday(wd))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tests::{en, fr};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn whole_word_agrees_with_decoding_both_neighbours() {
        let simple = |f: &str, s: usize, e: usize| {
            let before = f[..s].chars().next_back();
            let after = f[e..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        };
        let texts = crate::scan::concatenations(&["mardi", " ", "é", "x", "-", "9", "\u{a0}", "л", "'"]);
        let mut whole = 0;
        for f in &texts {
            for (s, _) in f.char_indices() {
                for (e, _) in f[s..].char_indices().skip(1).map(|(k, c)| (s + k, c)).chain([(f.len(), ' ')]) {
                    assert_eq!(whole_word(f, s, e), simple(f, s, e), "{f:?} {s}..{e}");
                    whole += usize::from(simple(f, s, e));
                }
            }
        }
        assert!(whole > 1000, "{whole}");
    }

    fn date_of<'a>(t: &'a str, r: &LangRules) -> Option<(String, &'a str)> {
        dateline_date(t, r).map(|(x, span)| (x.to_string(), &t[span]))
    }

    #[test]
    fn absolute_dates() {
        let (f, e) = (fr(), en());
        let t = "Moscou (Le Journal de Bruxelles) 12 janvier 2026 – Le ministre";
        assert_eq!(date_of(t, &f), Some(("2026-01-12".into(), "12 janvier 2026")));
        assert_eq!(date_of("Publié le 1er mars 2025 à 10h", &f).unwrap().0, "2025-03-01");
        assert_eq!(date_of("le 3 févr. 2026, Téhéran", &f), Some(("2026-02-03".into(), "3 févr. 2026")));
        assert_eq!(date_of("Jan. 5, 2026 — talks", &e), Some(("2026-01-05".into(), "Jan. 5, 2026")));
        assert_eq!(date_of("Updated January 5th 2026", &e).unwrap().0, "2026-01-05");
        assert_eq!(date_of("5 January 2026", &e).unwrap().0, "2026-01-05");
        assert_eq!(date_of("Posted 2026-01-12T10:00", &e), Some(("2026-01-12".into(), "2026-01-12")));
        // A year-less date is skipped when a full one follows.
        assert_eq!(date_of("Paris, 5 mars. Mis à jour le 6 mars 2026", &f).unwrap().0, "2026-03-06");
        assert_eq!(date_of("31 février 2026", &f), None, "invalid day");
        assert_eq!(date_of("May 2026 was warm", &e), None);
        assert_eq!(date_of(&format!("{} 12 janvier 2026", "x ".repeat(300)), &f), None, "outside the window");
        let t = "WASHINGTON, Jan. 5 (Reuters) -";
        assert_eq!(dateline_date(t, &e), None);
        let (x, span) = dateline_date_with_year(t, &e, Some(2026)).unwrap();
        assert_eq!((x, &t[span]), (d("2026-01-05"), "Jan. 5"));
        let (x, _) = dateline_date_with_year("Moscou, 5 mars (AFP) –", &f, Some(2026)).unwrap();
        assert_eq!(x, d("2026-03-05"));
    }

    #[test]
    fn places() {
        let p = |t: &'static str| dateline_place(t).map(|r| &t[r]);
        assert_eq!(p("Moscou (Le Journal de Bruxelles) 12 janvier 2026 – Le ministre"), Some("Moscou"));
        assert_eq!(p("WASHINGTON, Jan. 5 (Reuters) - The"), Some("WASHINGTON"));
        assert_eq!(p("PARIS (AFP) - Le"), Some("PARIS"));
        assert_eq!(p("KYIV, Ukraine (AP) — Russian"), Some("KYIV"));
        assert_eq!(p("MOSCOW — Russia said"), Some("MOSCOW"));
        assert_eq!(p("Rio de Janeiro (AFP) – Le"), Some("Rio de Janeiro"));
        assert_eq!(p("Le Caire, 12 janvier 2026 – Les"), Some("Le Caire"));
        assert_eq!(p("Title of the story\n\n  NEW YORK (Reuters) - Stocks"), Some("NEW YORK"));
        assert_eq!(p("Russie, Iran – l’alliance"), None);
        assert_eq!(p("Moscou menace Kiev - analyse"), None);
        assert_eq!(p("Iran : les négociations reprennent"), None);
        assert_eq!(p("le ministre (AFP) - x"), None);
        assert_eq!(p(""), None);
    }

    /// [`dateline_place`] as it was written first: every line split off
    /// whole, every place followed by a search for its dash.
    fn place_by_lines(text: &str) -> Option<Range<usize>> {
        let mut off = 0;
        let mut seen = 0;
        for line in cut_at(text, PLACE_HEAD).split_inclusive('\n') {
            let start = off;
            off += line.len();
            let trimmed = line.trim_start();
            if trimmed.trim_end().is_empty() {
                continue;
            }
            let lead = start + (line.len() - trimmed.len());
            let line = cut_at(trimmed, PLACE_SPAN);
            let mut end = 0;
            let mut pos = 0;
            let mut words = 0;
            let mut all_caps = true;
            let found = loop {
                if words >= 6 {
                    break true;
                }
                let rest = &line[pos..];
                let w_len = rest.char_indices().find(|&(_, c)| !is_place_char(c)).map_or(rest.len(), |(p, _)| p);
                let w = &rest[..w_len];
                let Some(first) = w.chars().next() else { break false };
                if first.is_uppercase() {
                    end = pos + w_len;
                    all_caps &= !w.chars().any(char::is_lowercase);
                } else if !(words > 0 && is_connector(w)) {
                    break true;
                }
                words += 1;
                pos += w_len;
                match line[pos..].strip_prefix(' ') {
                    Some(r) if r.chars().next().is_some_and(char::is_alphabetic) => pos += 1,
                    _ => break true,
                }
            };
            let place = line[..end].trim_end_matches(['.', '-', '\'', '’']);
            if found && place.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                let end = place.len();
                let rest = cut_at(&line[end..], 100);
                if separating_dash(rest).is_some_and(|dash| separated(rest[..dash].trim(), all_caps)) {
                    return Some(lead..lead + end);
                }
            }
            seen += 1;
            if seen >= PLACE_LINES {
                break;
            }
        }
        None
    }

    #[test]
    fn place_words_by_bytes_are_those_by_characters() {
        let naive = |r: &str| r.char_indices().find(|&(_, c)| !is_place_char(c)).map_or(r.len(), |(p, _)| p);
        let pieces = ["Moscou", "É", "é", "-", "'", "’", ".", " ", ",", "(", "x", "ß", "9", "\u{a0}", "Ω", "—", "\n"];
        let texts = crate::scan::concatenations(&pieces);
        assert!(texts.len() > 80_000);
        for t in &texts {
            assert_eq!(place_word_len(t), naive(t), "{t:?}");
        }
    }

    #[test]
    fn places_agree_with_the_line_by_line_search() {
        let starts = [
            "Moscou (AFP) 12 janvier 2026 – Le",
            "WASHINGTON, Jan. 5 (Reuters) - The",
            "MOSCOW — Russia said",
            "Jaime Paz Zamora expelled 5145 diplomats",
            "Le Caire, 12 janvier – Les",
            "Rio de Janeiro (AFP) – x",
            "Moscou menace Kiev - analyse",
            "PARIS  -x",
            "PARIS ,",
            "Paris\u{a0}(AFP) – x",
            "KYIV, Ukraine (AP) — R",
            "Iran : x",
            "  \t ",
            "",
            "é",
            "NEW YORK",
            "A B C D E F G (AFP) - x",
        ];
        let mut texts = vec![String::new()];
        for a in starts {
            for b in starts {
                for sep in ["\n", "\n\n", " \n \n", "\r\n", " "] {
                    texts.push(format!("{a}{sep}{b}"));
                    texts.push(format!("{b}{sep}{a}{sep}{b}{sep}{a}"));
                }
            }
        }
        let long = format!("{}\nPARIS (AFP) - x", "Long paragraph of text. ".repeat(20));
        texts.push(long.clone());
        texts.push(format!("{}\nPARIS (AFP) - x", "Headline\n".repeat(7)));
        texts.push(format!("{}PARIS (AFP) - x", "x".repeat(PLACE_HEAD - 4)));
        texts.push(format!("{}\nPARIS (AFP) - x", "x".repeat(PLACE_HEAD)));
        for t in &texts {
            assert_eq!(dateline_place(t), place_by_lines(t), "{t:?}");
        }
        assert!(texts.iter().filter(|t| dateline_place(t).is_some()).count() > texts.len() / 4);
    }

    #[test]
    fn separating_dashes() {
        // What `separating_dash` finds, one character at a time.
        let naive = |rest: &str| {
            let mut prev = ' ';
            for (p, c) in rest.char_indices() {
                if is_dash(c)
                    && (prev.is_whitespace() || prev == ')')
                    && rest[p + c.len_utf8()..].chars().next().is_none_or(char::is_whitespace)
                {
                    return Some(p);
                }
                prev = c;
            }
            None
        };
        for t in [
            "",
            "-",
            " - x",
            "(AFP) - Le",
            ", Ukraine (AP) — Russian",
            "a-b - c",
            "x\u{a0}– y",
            "(AFP)— y",
            "x —y — z",
            "’ – ",
            "é-‑ ―",
            "—",
            "a—",
        ] {
            assert_eq!(separating_dash(t), naive(t), "{t:?}");
        }
        assert_eq!(separating_dash("(AFP) - Le"), Some(6));
    }

    #[test]
    fn weekday_near_agrees_with_the_date_arithmetic() {
        let start = d("2023-12-20").to_days();
        for day in start..start + 800 {
            let r = Date::from_days(day);
            for wd in 1..=7 {
                let next = r.add_days((i64::from(wd) - i64::from(r.weekday()) + 6).rem_euclid(7) + 1);
                assert_eq!(weekday_near(r, wd, true, false), next, "{r} {wd}");
                assert_eq!(weekday_near(r, wd, true, true), next, "{r} {wd}");
                assert_eq!(weekday_near(r, wd, false, true), r.add_days(-1).last_weekday(wd), "{r} {wd}");
                assert_eq!(weekday_near(r, wd, false, false), r.last_weekday(wd), "{r} {wd}");
            }
            for n in -40..40 {
                assert_eq!(moved(r, n), r.add_days(n), "{r} {n}");
            }
        }
        for day in (-1_000_000..1_000_000).step_by(997).chain(start - 3000..start + 3000) {
            let r = Date::from_days(day);
            assert_eq!(iso_weekday(r), i64::from(r.weekday()), "{r}");
        }
    }

    #[test]
    fn words_around_by_bytes_are_those_by_characters() {
        let texts = crate::scan::concatenations(&["mardi", " ", "\u{e9}", "x", "-", "9", "\u{a0}", "\u{43b}", "'", "\n", "\u{2003}"]);
        for f in &texts {
            for i in (0..=f.len()).filter(|&i| f.is_char_boundary(i)) {
                assert_eq!(word_before(f, i), word_before_chars(f, i), "{f:?} {i}");
                assert_eq!(word_after(f, i), word_after_chars(f, i), "{f:?} {i}");
            }
        }
    }

    #[test]
    fn relative_days() {
        let (f, e) = (fr(), en());
        let thu = d("2026-01-15");
        let rel = |s: &str, r: &LangRules| relative_date(&fold(s), r, thu).map(|x| x.to_string());
        assert_eq!(rel("Il a rencontré mardi son homologue", &f).as_deref(), Some("2026-01-13"));
        assert_eq!(rel("Jeudi, le ministre", &f).as_deref(), Some("2026-01-15"));
        assert_eq!(rel("Il l'a dit hier soir", &f).as_deref(), Some("2026-01-14"));
        assert_eq!(rel("avant-hier, à Paris", &f).as_deref(), Some("2026-01-13"));
        assert_eq!(rel("aujourd’hui", &f).as_deref(), Some("2026-01-15"));
        assert_eq!(rel("Il partira mardi prochain", &f).as_deref(), Some("2026-01-20"));
        assert_eq!(rel("jeudi dernier", &f).as_deref(), Some("2026-01-08"));
        assert_eq!(rel("les mardis et les hiers", &f), None);
        assert_eq!(rel("on Wednesday, the minister", &e).as_deref(), Some("2026-01-14"));
        assert_eq!(rel("He said yesterday that", &e).as_deref(), Some("2026-01-14"));
        assert_eq!(rel("the day before yesterday", &e).as_deref(), Some("2026-01-13"));
        assert_eq!(rel("next Thursday", &e).as_deref(), Some("2026-01-22"));
        assert_eq!(rel("last Monday", &e).as_deref(), Some("2026-01-12"));
        assert_eq!(rel("no day here", &e), None);
        assert_eq!(rel("the sun sat on the hills", crate::rules(crate::Lang::En)), None);
        assert_eq!(rel("It happened on Sun. at noon", crate::rules(crate::Lang::En)).as_deref(), Some("2026-01-11"));
        let sd = |s: &str, r: &LangRules| sentence_date(&fold(s), r, thu).map(|x| x.to_string());
        assert_eq!(sd("Il a reçu mardi 6 janvier son homologue", &f).as_deref(), Some("2026-01-06"));
        assert_eq!(sd("He met him on Tuesday, Jan. 6, in Moscow", &e).as_deref(), Some("2026-01-06"));
        assert_eq!(sd("le 28 décembre 2024, puis hier", &f).as_deref(), Some("2024-12-28"));
        assert_eq!(sd("hier, puis le 28 décembre", &f).as_deref(), Some("2026-01-14"));
        assert_eq!(sd("il partira le 3 mars", &f).as_deref(), Some("2026-03-03"));
        assert_eq!(sd("en 2026, 30 morts", &f), None);
        assert_eq!(weekday_on_or_before("Mardi", &f, thu), Some(d("2026-01-13")));
        assert_eq!(weekday_on_or_before("jeudi", &f, thu), Some(thu));
        assert_eq!(weekday_on_or_before("Tuesday", &f, thu), None);
    }
}
