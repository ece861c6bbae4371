//! Conversion of PETRARCH dictionaries to dyad's own format (version 1 of
//! `docs/data-formats.md`), with a report of what cannot be expressed.
//!
//! | PETRARCH | dyad |
//! |---|---|
//! | verb block, its verbs and their default code | `lang/en/verbs.txt` (`CODE<TAB>lemma [particle]`), forms in `verb_forms.tsv` |
//! | pattern `- * WORD {PHRASE} (PREP NOUN) + [code]` | `CODE<TAB>lemma word phrase prep noun +`, one line per verb of the block |
//! | `$` after the verb (with or without `+` before it) | `$lemma` (the source follows the verb) |
//! | synonym set `&NAME` | alternatives `a\|b\|c` (multi-word members: one line each) |
//! | agents `[~GOV]` | `lang/en/agents.tsv` |
//! | actors with date restrictions | `actors/persons.tsv` + `actors/roles.tsv` (dated roles, end exclusive) |
//! | actors without dates, three-letter code | `names/countries.tsv` |
//! | actors without dates, other codes | `actors/organisations.tsv` |
//!
//! Not expressible in dyad's format version 1 (listed in `REPORT.md` with
//! counts and `file:line` examples): words before the verb, `^` skips, `%`
//! compounds, the reverse event of `[X:Y]` codes, null-coded (`[---]`)
//! patterns that block a verb, words written before the verb of a
//! multi-word verb (`WIRE_+TAP`), prefix agents (`[NGO~]`), discards and
//! the coding ontology. Codes outside CAMEO are mapped to their nearest
//! CAMEO parent (the mapping is listed), or dropped when they have none.

use crate::actors::{Actor, ActorCode};
use crate::agents::Side;
use crate::coder::Lexicon;
use crate::dicts::Dictionaries;
use crate::verbs::{Code, Elem, Piece};
use crate::words::{form_kind, verb_forms, FormKind};
use crate::{PetrarchError, Severity};
use dyad_core::{codebook, Date};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// One kind of construct that could not be written, with examples.
#[derive(Debug, Clone, Default)]
pub struct Lost {
    /// How many times.
    pub count: usize,
    /// Up to five `file:line: text` examples.
    pub examples: Vec<String>,
}

/// What a conversion wrote and what it could not express.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Output files and their data lines.
    pub written: Vec<(String, usize)>,
    /// Input figures (verb blocks, patterns, actor names …).
    pub input: Vec<(String, usize)>,
    /// Constructs not expressible, by description.
    pub lost: BTreeMap<String, Lost>,
    /// Approximations made, by description.
    pub approximated: BTreeMap<String, Lost>,
    /// Codes outside CAMEO mapped to a CAMEO parent: (code, parent, uses).
    pub mapped: BTreeMap<String, (String, usize)>,
    /// Malformed dictionary lines that were skipped.
    pub malformed: Vec<String>,
}

impl Report {
    fn lose(&mut self, what: &str, at: String) {
        let l = self.lost.entry(what.to_string()).or_default();
        l.count += 1;
        if l.examples.len() < 5 {
            l.examples.push(at);
        }
    }

    fn approx(&mut self, what: &str, at: String) {
        let l = self.approximated.entry(what.to_string()).or_default();
        l.count += 1;
        if l.examples.len() < 5 {
            l.examples.push(at);
        }
    }

    /// A short summary for the terminal.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "dyad: read {}", self.input.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", "));
        let _ = writeln!(s, "dyad: wrote {}", self.written.iter().map(|(f, n)| format!("{f} ({n} lines)")).collect::<Vec<_>>().join(", "));
        for (what, l) in &self.lost {
            let _ = writeln!(s, "dyad: not expressible: {what}: {}", l.count);
        }
        for (what, l) in &self.approximated {
            let _ = writeln!(s, "dyad: approximated: {what}: {}", l.count);
        }
        if !self.mapped.is_empty() {
            let m: Vec<String> = self.mapped.iter().map(|(c, (p, n))| format!("{c}→{p} ({n})")).collect();
            let _ = writeln!(s, "dyad: codes outside CAMEO mapped to their parent: {}", m.join(", "));
        }
        if !self.malformed.is_empty() {
            let _ = writeln!(s, "dyad: {} malformed dictionary lines skipped (listed in the report)", self.malformed.len());
        }
        s
    }

    /// The full report, in Markdown.
    pub fn markdown(&self) -> String {
        let mut s = String::from("# PETRARCH dictionaries converted to dyad's format\n\n");
        s.push_str("Written by `dyad dict convert --from petrarch`. See docs/petrarch.md for what each construct becomes.\n\n## Input\n\n");
        for (k, n) in &self.input {
            let _ = writeln!(s, "- {n} {k}");
        }
        s.push_str("\n## Output\n\n| file | data lines |\n|---|---|\n");
        for (f, n) in &self.written {
            let _ = writeln!(s, "| {f} | {n} |");
        }
        s.push_str("\n## Not expressible in dyad's format (version 1)\n\n");
        if self.lost.is_empty() {
            s.push_str("Nothing.\n");
        }
        for (what, l) in &self.lost {
            let _ = writeln!(s, "### {what}: {}\n", l.count);
            for e in &l.examples {
                let _ = writeln!(s, "- `{e}`");
            }
            s.push('\n');
        }
        s.push_str("## Approximations\n\n");
        if self.approximated.is_empty() {
            s.push_str("None.\n");
        }
        for (what, l) in &self.approximated {
            let _ = writeln!(s, "### {what}: {}\n", l.count);
            for e in &l.examples {
                let _ = writeln!(s, "- `{e}`");
            }
            s.push('\n');
        }
        s.push_str("\n## Codes outside CAMEO\n\n");
        if self.mapped.is_empty() {
            s.push_str("None.\n");
        } else {
            s.push_str("| PETRARCH code | written as | uses |\n|---|---|---|\n");
            for (c, (p, n)) in &self.mapped {
                let _ = writeln!(s, "| {c} | {p} | {n} |");
            }
        }
        s.push_str("\n## Malformed dictionary lines (skipped)\n\n");
        if self.malformed.is_empty() {
            s.push_str("None.\n");
        }
        for m in &self.malformed {
            let _ = writeln!(s, "- {m}");
        }
        s
    }
}

/// The CAMEO code a PETRARCH code is written as: itself, else its nearest
/// CAMEO parent (`1951` → `195`), else none.
pub fn cameo_code(code: &str) -> Option<String> {
    let book = codebook();
    if book.get(code).is_some() {
        return Some(code.to_string());
    }
    (2..code.len()).rev().find_map(|n| {
        let p = &code[..n];
        let root = format!("{p}0");
        let order: [&str; 2] = if n == 2 { [&root, p] } else { [p, &root] };
        order.iter().find_map(|c| book.get(c).map(|c| c.code.clone()))
    })
}

fn title(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            if w.contains('.') || !w.chars().any(|c| c.is_ascii_alphabetic()) {
                return w.clone();
            }
            let mut out = String::new();
            let mut up = true;
            for c in w.chars() {
                if up {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                up = matches!(c, '-' | '\'' | '/');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn tsv_safe(s: &str) -> String {
    s.replace(['\t', '\n', '\r', '|'], " ")
}

fn slug(words: &[String]) -> String {
    let mut s = String::new();
    for c in words.join(" ").to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "actor".into()
    } else {
        s
    }
}

/// A converted pattern line's items, before alternatives are expanded.
enum Item {
    Word(String),
    Alts(Vec<Vec<String>>),
    Target,
}

/// The dyad roles of a PETRARCH actor: first-match restrictions made
/// disjoint, the default filling the gaps; end dates exclusive.
pub fn timeline(a: &Actor) -> Vec<(String, Option<Date>, Option<Date>)> {
    // Half-open day intervals [from, to) over i64 days; None = unbounded.
    let mut covered: Vec<(i64, i64)> = Vec::new();
    let mut out: Vec<(String, i64, i64)> = Vec::new();
    let (lo, hi) = (i64::MIN / 4, i64::MAX / 4);
    let add = |code: &ActorCode, from: i64, to: i64, covered: &mut Vec<(i64, i64)>, out: &mut Vec<(String, i64, i64)>| {
        // the parts of [from, to) not yet covered
        let mut pieces = vec![(from, to)];
        for &(cs, ce) in covered.iter() {
            let mut next = Vec::new();
            for (s, e) in pieces {
                if ce <= s || cs >= e {
                    next.push((s, e));
                } else {
                    if s < cs {
                        next.push((s, cs));
                    }
                    if ce < e {
                        next.push((ce, e));
                    }
                }
            }
            pieces = next;
        }
        for &(s, e) in &pieces {
            if s < e {
                if let ActorCode::Code(c) = code {
                    out.push((c.clone(), s, e));
                }
                covered.push((s, e));
            }
        }
    };
    for r in &a.dated {
        let from = r.from.map_or(lo, |d| d.to_days());
        let to = r.to.map_or(hi, |d| d.to_days() + 1);
        add(&r.code, from, to, &mut covered, &mut out);
    }
    if let Some(d) = &a.default {
        add(d, lo, hi, &mut covered, &mut out);
    }
    out.sort_by_key(|x| x.1);
    out.into_iter().map(|(c, s, e)| (c, (s != lo).then(|| Date::from_days(s)), (e != hi).then(|| Date::from_days(e)))).collect()
}

fn is_demonym(w: &[String]) -> bool {
    w.len() == 1 && ["AN", "ESE", "ISH", "I", "CH", "IC"].iter().any(|s| w[0].ends_with(s)) && w[0].len() > 3
}

/// Writes `dicts` in dyad's format under `to` (created), with `REPORT.md`.
pub fn convert(dicts: &Dictionaries, to: &Path) -> Result<Report, PetrarchError> {
    convert_with(dicts, to, &[])
}

/// As [`convert`], listing the malformed lines the reader skipped.
pub fn convert_with(dicts: &Dictionaries, to: &Path, diags: &[crate::Diagnostic]) -> Result<Report, PetrarchError> {
    let mut r = Report::default();
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        r.malformed.push(d.to_string());
    }
    let lx = Lexicon::new(dicts);
    let patterns: usize = dicts.verbs.blocks.iter().map(|b| b.patterns.len()).sum();
    let verbs: usize = dicts.verbs.blocks.iter().map(|b| b.verbs.len()).sum();
    let names: usize = dicts.actors.iter().map(|a| a.names.len()).sum();
    r.input = vec![
        ("verb blocks".into(), dicts.verbs.blocks.len()),
        ("verbs".into(), verbs),
        ("patterns".into(), patterns),
        ("synonym sets".into(), dicts.verbs.synsets.len()),
        ("actor records".into(), dicts.actors.len()),
        ("actor names".into(), names),
        ("agent forms".into(), dicts.agents.len()),
        ("discards".into(), dicts.discards.len()),
        ("ontology codes".into(), dicts.ontology.as_ref().map_or(0, |o| o.codes.len())),
    ];
    let mk = |p: &Path| std::fs::create_dir_all(p).map_err(|e| PetrarchError::Io { path: p.to_path_buf(), source: e });
    mk(&to.join("lang/en"))?;
    mk(&to.join("actors"))?;
    mk(&to.join("names"))?;
    let sources: Vec<&str> = dicts.files.iter().map(|(_, f)| f.as_str()).collect();
    let gen = format!("# generated by `dyad dict convert --from petrarch` from {}; see REPORT.md", sources.join(", "));

    // ---------------------------------------------------------------- verbs
    let mut verbs_txt = format!("#dyad-format verbs 1\n{gen}\n");
    let mut forms: BTreeSet<(String, String, &'static str)> = BTreeSet::new();
    let mut vlines = 0usize;
    let code_of = |c: &Code, at: &str, r: &mut Report| -> Option<String> {
        let Code::Event(c) = c else { return None };
        match cameo_code(c) {
            Some(p) if &p == c => Some(p),
            Some(p) => {
                let e = r.mapped.entry(c.clone()).or_insert((p.clone(), 0));
                e.1 += 1;
                Some(p)
            }
            None => {
                r.lose("codes with no CAMEO code or parent (not written)", format!("{at} [{c}]"));
                None
            }
        }
    };
    for b in &dicts.verbs.blocks {
        let _ = writeln!(verbs_txt, "\n# --- {} [{}]  ({}:{})", b.name, b.code.written(), b.file, b.line);
        // heads: (lemma words for dyad: head word + following particle words)
        let mut heads: Vec<(String, Vec<String>)> = Vec::new();
        for v in &b.verbs {
            let at = format!("{}:{}: {}", b.file, v.line, v.base.words.join("_"));
            if v.base.head > 0 {
                r.lose("words before the verb of a multi-word verb (WIRE_+TAP)", at);
                continue;
            }
            let head = v.base.words[0].to_lowercase();
            let particles: Vec<String> = v.base.words[1..].iter().map(|w| w.to_lowercase()).collect();
            // forms
            let base_up = &v.base.words[0];
            for (i, f) in verb_forms(base_up).into_iter().enumerate() {
                let tags: &[&'static str] = match i {
                    0 => &["base"],
                    1 => &["3s"],
                    2 => &["past", "ppart"],
                    3 => &["ing"],
                    _ => &["past", "ppart"],
                };
                if i >= 4 && !f.ends_with("ED") {
                    forms.insert((f.to_lowercase(), head.clone(), "ing"));
                    continue;
                }
                for t in tags {
                    forms.insert((f.to_lowercase(), head.clone(), t));
                }
            }
            for irr in &v.irregular {
                let w = &irr.words[irr.head];
                let tags: &[&'static str] = match form_kind(w, base_up) {
                    FormKind::Base => &["base"],
                    FormKind::Third => &["3s"],
                    FormKind::Gerund => &["ing"],
                    FormKind::Past => &["past", "ppart"],
                };
                for t in tags {
                    forms.insert((w.to_lowercase(), head.clone(), t));
                }
            }
            let code = v.code.as_ref().unwrap_or(&b.code);
            let lemma = std::iter::once(head.clone()).chain(particles.iter().cloned()).collect::<Vec<_>>().join(" ");
            if let Some(p) = &code.passive {
                if *p != Code::Null {
                    r.lose(
                        "reverse event of [X:Y] codes (only X is written)",
                        format!("{}:{}: {} [{}]", b.file, v.line, lemma, code.written()),
                    );
                }
            }
            if let Some(c) = code_of(&code.active, &format!("{}:{}", b.file, v.line), &mut r) {
                let _ = writeln!(verbs_txt, "{c}\t{lemma}");
                vlines += 1;
            }
            heads.push((head, particles));
        }
        for p in &b.patterns {
            let at = format!("{}:{}: {}", b.file, p.line, p.text.trim());
            // words before the verb
            let mut subject_target = false;
            let mut lost_pre = false;
            for e in &p.pre {
                match e {
                    Elem::Target => subject_target = true,
                    Elem::Source => {}
                    Elem::Compound => {
                        r.lose("`%` compound actors", at.clone());
                        lost_pre = true;
                    }
                    _ => {
                        r.lose("words before the verb", at.clone());
                        lost_pre = true;
                    }
                }
            }
            if lost_pre {
                continue;
            }
            if p.code.is_null() {
                r.lose("null-coded patterns [---] (they stop a verb from coding)", at.clone());
                continue;
            }
            let Some(code) = code_of(&p.code.active, &format!("{}:{}", b.file, p.line), &mut r) else {
                if p.code.active == Code::Null {
                    r.lose("patterns coding only the reverse event [:X]", at.clone());
                }
                continue;
            };
            if p.code.passive.as_ref().is_some_and(|c| *c != Code::Null) {
                r.lose("reverse event of [X:Y] codes (only X is written)", at.clone());
            }
            let mut items: Vec<Item> = Vec::new();
            let mut source_after = false;
            let mut ok = true;
            for e in &p.post {
                push_elem(e, &mut items, &mut source_after, &mut ok, &lx, &at, &mut r);
            }
            if !ok {
                continue;
            }
            if subject_target && !source_after {
                r.lose("`+` before the verb without `$` after it", at.clone());
                continue;
            }
            if p.post.iter().any(|e| matches!(e, Elem::Phrase(_))) {
                r.approx("`{...}` noun phrases written as word sequences", at.clone());
            }
            // expand multi-word alternatives into separate lines
            let mut lines: Vec<Vec<String>> = vec![Vec::new()];
            for it in &items {
                match it {
                    Item::Word(w) => lines.iter_mut().for_each(|l| l.push(w.clone())),
                    Item::Target => lines.iter_mut().for_each(|l| l.push("+".into())),
                    Item::Alts(alts) => {
                        let single: Vec<&Vec<String>> = alts.iter().filter(|a| a.len() == 1).collect();
                        let multi: Vec<&Vec<String>> = alts.iter().filter(|a| a.len() > 1).collect();
                        let mut next = Vec::new();
                        for l in &lines {
                            if !single.is_empty() {
                                let mut x = l.clone();
                                let mut s: Vec<String> = single.iter().map(|a| a[0].to_lowercase()).collect();
                                s.dedup();
                                x.push(s.join("|"));
                                next.push(x);
                            }
                            for m in &multi {
                                let mut x = l.clone();
                                x.extend(m.iter().map(|w| w.to_lowercase()));
                                next.push(x);
                            }
                        }
                        lines = next;
                    }
                }
            }
            if lines.len() > 64 {
                r.lose("patterns whose synonym sets expand to more than 64 lines", at.clone());
                continue;
            }
            let _ = writeln!(verbs_txt, "# {}:{}: {}", b.file, p.line, p.text.trim());
            for (head, particles) in &heads {
                for l in &lines {
                    let mut words = vec![format!("{}{head}", if source_after { "$" } else { "" })];
                    words.extend(particles.iter().cloned());
                    words.extend(l.iter().cloned());
                    let _ = writeln!(verbs_txt, "{code}\t{}", words.join(" "));
                    vlines += 1;
                }
            }
        }
    }
    write(to, "lang/en/verbs.txt", &verbs_txt, vlines, &mut r)?;
    let mut forms_txt = format!("#dyad-format verb-forms 1\n{gen}\n# form\tlemma\ttag (base 3s past ppart ing)\n");
    for (f, l, t) in &forms {
        let _ = writeln!(forms_txt, "{f}\t{l}\t{t}");
    }
    write(to, "lang/en/verb_forms.tsv", &forms_txt, forms.len(), &mut r)?;

    // ---------------------------------------------------------------- agents
    let mut agents_txt = format!("#dyad-format agents 1\n{gen}\n");
    let mut alines = 0usize;
    let mut seen = BTreeSet::new();
    for a in &dicts.agents {
        let surface = a.words.join(" ").to_lowercase();
        if !seen.insert((a.code.clone(), surface.clone(), a.side)) {
            continue;
        }
        let at = format!("{}:{}: {} [{}]", a.file, a.line, a.entry, a.code);
        if a.side == Side::Prefix {
            r.lose("prefix agents [XXX~] (dyad agents follow the actor code)", at);
            let _ = writeln!(agents_txt, "# prefix agent, not expressible: {}~\t{surface}", a.code);
            continue;
        }
        if a.code.len() % 3 != 0 || !a.code.bytes().all(|b| b.is_ascii_uppercase()) {
            r.lose("agent codes that are not three-letter groups", at);
            let _ = writeln!(agents_txt, "# not three-letter groups: ~{}\t{surface}", a.code);
            continue;
        }
        let _ = writeln!(agents_txt, "{}\t{}", a.code, tsv_safe(&surface));
        alines += 1;
    }
    write(to, "lang/en/agents.tsv", &agents_txt, alines, &mut r)?;

    // ---------------------------------------------------------------- actors
    let mut persons = format!("#dyad-format persons 1\n{gen}\n# columns: id, name, aliases (|-separated)\n");
    let mut roles = format!("#dyad-format roles 1\n{gen}\n# columns: person, code, role, start, end (exclusive), source\n");
    let mut orgs = format!("#dyad-format organisations 1\n{gen}\n");
    let mut countries = format!("#dyad-format countries 1\n{gen}\n");
    let (mut np, mut nr, mut no, mut nc) = (0, 0, 0, 0);
    let mut ids: HashMap<String, usize> = HashMap::new();
    for a in &dicts.actors {
        let at = format!("{}:{}: {}", a.file, a.line, a.names[0].join("_"));
        if a.dated.is_empty() {
            match &a.default {
                None | Some(ActorCode::Null) => {
                    r.lose("actor names without a code (known but never coded)", at);
                }
                Some(ActorCode::Code(c)) => {
                    let c = tsv_safe(c);
                    let country = c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase());
                    for (i, n) in a.names.iter().enumerate() {
                        if country {
                            let kind = if i == 0 {
                                "name"
                            } else if is_demonym(n) {
                                "demonym"
                            } else {
                                "short"
                            };
                            let _ = writeln!(countries, "{c}\ten\t{kind}\t{}", tsv_safe(&title(n)));
                            nc += 1;
                        } else {
                            let _ = writeln!(orgs, "{c}\ten\t{}", tsv_safe(&title(n)));
                            no += 1;
                        }
                    }
                }
            }
            continue;
        }
        let base = slug(&a.names[0]);
        let n = ids.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        let aliases: Vec<String> = a.names[1..].iter().map(|x| tsv_safe(&title(x))).collect();
        let _ = writeln!(persons, "{id}\t{}\t{}", tsv_safe(&title(&a.names[0])), aliases.join("|"));
        np += 1;
        let tl = timeline(a);
        if tl.is_empty() {
            r.lose("actors whose every dated code is null", at.clone());
        }
        for (code, s, e) in tl {
            if code.len() < 3 {
                r.lose("actor codes shorter than three letters", format!("{at} [{code}]"));
                continue;
            }
            let fmt = |d: Option<Date>| d.map_or(String::new(), |d| d.to_string());
            let _ =
                writeln!(roles, "{id}\t{}\tPETRARCH actor code\t{}\t{}\tpetrarch:{}:{}", tsv_safe(&code), fmt(s), fmt(e), a.file, a.line);
            nr += 1;
        }
    }
    write(to, "actors/persons.tsv", &persons, np, &mut r)?;
    write(to, "actors/roles.tsv", &roles, nr, &mut r)?;
    write(to, "actors/organisations.tsv", &orgs, no, &mut r)?;
    write(to, "names/countries.tsv", &countries, nc, &mut r)?;
    if nc > 0 {
        r.approx(
            "undated three-letter actors written as country names (synonyms ending -AN/-ESE/-ISH/-I/-CH/-IC as demonyms, others as short names)",
            format!("{} names", nc),
        );
    }
    for d in &dicts.discards {
        r.lose("discard list (dyad has no discard list)", format!("{}:{}: {}", d.file, d.line, d.words.join(" ")));
    }
    if let Some(o) = &dicts.ontology {
        r.lose(
            "internal coding ontology (dyad codes negation and combinations its own way)",
            format!("{}: {} codes", o.file, o.codes.len()),
        );
    }
    let md = r.markdown();
    std::fs::write(to.join("REPORT.md"), md).map_err(|e| PetrarchError::Io { path: to.join("REPORT.md"), source: e })?;
    Ok(r)
}

fn push_elem(e: &Elem, items: &mut Vec<Item>, source_after: &mut bool, ok: &mut bool, lx: &Lexicon<'_>, at: &str, r: &mut Report) {
    match e {
        Elem::Words(ws) => items.extend(ws.iter().map(|w| Item::Word(w.to_lowercase()))),
        Elem::Syn(s) => items.push(Item::Alts(lx.synset(s).to_vec())),
        Elem::Phrase(ps) | Elem::Seq(ps) => {
            for p in ps {
                match p {
                    Piece::Words(ws) => items.extend(ws.iter().map(|w| Item::Word(w.to_lowercase()))),
                    Piece::Syn(s) => items.push(Item::Alts(lx.synset(s).to_vec())),
                }
            }
        }
        Elem::Target => items.push(Item::Target),
        Elem::Source => *source_after = true,
        Elem::Skip => {
            r.lose("`^` skips", at.to_string());
            *ok = false;
        }
        Elem::Compound => {
            r.lose("`%` compound actors", at.to_string());
            *ok = false;
        }
        Elem::Pp(prep, rest) => {
            items.push(Item::Word(prep.to_lowercase()));
            for x in rest {
                push_elem(x, items, source_after, ok, lx, at, r);
            }
        }
    }
}

fn write(dir: &Path, rel: &str, text: &str, lines: usize, r: &mut Report) -> Result<(), PetrarchError> {
    let p = dir.join(rel);
    std::fs::write(&p, text).map_err(|e| PetrarchError::Io { path: p.clone(), source: e })?;
    r.written.push((rel.to_string(), lines));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::parse_restriction;

    #[test]
    fn timelines_are_disjoint_with_exclusive_ends() {
        let a = Actor {
            names: vec![vec!["X".into()]],
            default: Some(ActorCode::Code("HOB".into())),
            dated: vec![
                parse_restriction("HOBCIV <20080120", 1).unwrap(),
                parse_restriction("ORCHOB 20100109-20100112", 2).unwrap(),
                parse_restriction("HOBMIL 20080120-20121109", 3).unwrap(),
            ],
            file: "f".into(),
            line: 1,
        };
        let t: Vec<String> = timeline(&a)
            .into_iter()
            .map(|(c, s, e)| format!("{c} {} {}", s.map_or("-".into(), |d| d.to_string()), e.map_or("-".into(), |d| d.to_string())))
            .collect();
        assert_eq!(
            t,
            [
                "HOBCIV - 2008-01-21",
                "HOBMIL 2008-01-21 2010-01-09",
                "ORCHOB 2010-01-09 2010-01-13",
                "HOBMIL 2010-01-13 2012-11-10",
                "HOB 2012-11-10 -"
            ]
        );
    }

    #[test]
    fn parents() {
        assert_eq!(cameo_code("050").as_deref(), Some("050"));
        assert_eq!(cameo_code("1951").as_deref(), Some("195"));
        assert_eq!(cameo_code("212"), None);
        assert_eq!(cameo_code("176").as_deref(), Some("170"));
    }
}
