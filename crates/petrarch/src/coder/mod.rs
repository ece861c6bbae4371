//! Coding text with PETRARCH dictionaries: articles in, dyad events out.

mod classes;
mod lexicon;
mod sentence;

use crate::dicts::Dictionaries;
use crate::words::{tokenize, Tok};
use dyad_core::{codebook, Actor, Article, Date, Event, Evidence};
use dyad_text::Lang;
pub use lexicon::Lexicon;
use sentence::Analysis;
use std::borrow::Cow;

/// An event found in one sentence, with byte offsets into that sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Source actor code (as the dictionaries write it).
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Event code (as the dictionaries assign it, negated through the ontology).
    pub code: String,
    /// Bytes naming the source.
    pub source_span: (usize, usize),
    /// Bytes naming the target.
    pub target_span: (usize, usize),
    /// Bytes of the verb.
    pub trigger_span: (usize, usize),
    /// `file:line` of the pattern that gave the code, if one did.
    pub pattern: Option<(String, usize)>,
    /// The verb was negated and the code is the ontology's negation.
    pub negated: bool,
}

/// What coding one article produced.
#[derive(Debug, Clone, Default)]
pub struct Coded<'a> {
    /// Events in text order (their strings borrowed from the article, `'a`).
    pub events: Vec<Event<'a>>,
    /// Sentences read.
    pub sentences: usize,
    /// Sentences (or the whole story) skipped by the discard list.
    pub discarded: usize,
    /// Notes for the user.
    pub warnings: Vec<String>,
}

/// A coder built from one set of dictionaries.
pub struct Coder<'d> {
    lx: Lexicon<'d>,
}

fn span(toks: &[Tok], r: (usize, usize)) -> (usize, usize) {
    let s = toks.get(r.0).map_or(0, |t| t.start);
    let e = r.1.checked_sub(1).and_then(|i| toks.get(i)).map_or(s, |t| t.end);
    (s, e.max(s))
}

impl<'d> Coder<'d> {
    /// Compiles the dictionaries for coding.
    pub fn new(dicts: &'d Dictionaries) -> Coder<'d> {
        Coder { lx: Lexicon::new(dicts) }
    }

    /// The dictionaries in use.
    pub fn dictionaries(&self) -> &'d Dictionaries {
        self.lx.dicts
    }

    /// The discard that applies to a tokenized sentence: `Some(true)` for a
    /// story-level one.
    fn discard(&self, toks: &[Tok]) -> Option<bool> {
        let d = self.lx.dicts.discards.iter().filter(|d| d.occurs_in(toks));
        let mut any = None;
        for x in d {
            if x.story {
                return Some(true);
            }
            any = Some(false);
        }
        any
    }

    /// Codes one sentence on `date` (discards apply).
    pub fn code_sentence(&self, sentence: &str, date: Date) -> Vec<Found> {
        let toks = tokenize(sentence);
        if self.discard(&toks).is_some() {
            return Vec::new();
        }
        self.found(&toks, date)
    }

    fn found(&self, toks: &[Tok], date: Date) -> Vec<Found> {
        let a = Analysis::new(&self.lx, toks, date);
        a.events()
            .into_iter()
            .map(|e| Found {
                source: e.source,
                target: e.target,
                code: e.code,
                source_span: span(toks, e.source_toks),
                target_span: span(toks, e.target_toks),
                trigger_span: span(toks, e.verb_toks),
                pattern: e.pattern,
                negated: e.negated,
            })
            .collect()
    }

    /// What the coder saw in a sentence (actors, agents, verbs, subjects).
    pub fn explain_sentence(&self, sentence: &str, date: Date) -> String {
        let toks = tokenize(sentence);
        Analysis::new(&self.lx, &toks, date).explain()
    }

    /// Codes an article: its date from the record, else the dateline, else
    /// `default_date`; sentences split as dyad splits English.
    pub fn code_article<'a>(
        &self,
        article: &'a Article,
        default_date: Option<Date>,
        explain: bool,
    ) -> Result<Coded<'a>, crate::PetrarchError> {
        let rules = dyad_text::rules(Lang::En);
        let text = article.text.as_str();
        let mut coded = Coded::default();
        let date = match article.date {
            Some(d) => d,
            None => match dyad_text::dateline_date_with_year(text, rules, default_date.map(|d| d.y)) {
                Some((d, _)) => d,
                None => {
                    let d = default_date.ok_or(crate::PetrarchError::NoDate)?;
                    coded.warnings.push(format!("{}: no date in the record or dateline; using {d}", article.id));
                    d
                }
            },
        };
        let mut sentences = Vec::new();
        for range in dyad_text::sentences(text, rules) {
            let sent = &text[range.clone()];
            if dyad_text::is_boilerplate(sent, rules) {
                continue;
            }
            let toks = tokenize(sent);
            match self.discard(&toks) {
                Some(true) => {
                    coded.discarded = coded.sentences + sentences.len() + 1;
                    coded.warnings.push(format!("{}: discarded by a story-level entry of the discard list", article.id));
                    return Ok(coded);
                }
                Some(false) => {
                    coded.discarded += 1;
                    continue;
                }
                None => sentences.push((range, toks)),
            }
        }
        for (range, toks) in sentences {
            coded.sentences += 1;
            let sent = &text[range.clone()];
            if explain {
                eprintln!("[{}:{}] {}\n{}", article.id, range.start, sent, Analysis::new(&self.lx, &toks, date).explain());
            }
            for f in self.found(&toks, date) {
                coded.events.push(self.event(article, date, sent, range.start, &f));
            }
        }
        Ok(coded)
    }

    fn actor<'a>(&self, code: &str, text: &'a str) -> Actor<'a> {
        Actor {
            text: Cow::Borrowed(text),
            code: code.into(),
            country: Cow::Owned(code.chars().take(3).collect()),
            title: None,
            entity: None,
            title_check: None,
        }
    }

    fn event<'a>(&self, article: &'a Article, date: Date, sent: &'a str, base: usize, f: &Found) -> Event<'a> {
        let info = code_info(&f.code, self.lx.dicts);
        let text = |s: (usize, usize)| sent.get(s.0..s.1).unwrap_or("");
        let id = dyad_core::fnv(&[
            article.id.as_bytes(),
            base.to_string().as_bytes(),
            f.code.as_bytes(),
            f.source.as_bytes(),
            f.target.as_bytes(),
            f.trigger_span.0.to_string().as_bytes(),
        ]);
        Event {
            id: dyad_core::EventId { doc: Cow::Borrowed(&article.id), hash: id },
            doc: article.id.as_str().into(),
            date,
            code: f.code.clone().into(),
            root: info.root.into(),
            quad: info.quad,
            goldstein: info.goldstein,
            name: info.name.into(),
            source: self.actor(&f.source, text(f.source_span)),
            target: Some(self.actor(&f.target, text(f.target_span))),
            location: None,
            attribution: Vec::new(),
            evidence: Evidence { sentence: sent.into(), start: base, end: base + sent.len() },
            trigger: Cow::Borrowed(text(f.trigger_span)),
            lang: article.lang.clone().map_or(Cow::Borrowed("en"), Cow::Owned),
        }
    }
}

/// Root, QuadClass, Goldstein value and name of a code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    /// First two digits.
    pub root: String,
    /// GDELT QuadClass.
    pub quad: u8,
    /// Goldstein value.
    pub goldstein: f32,
    /// Name.
    pub name: String,
}

/// What dyad prints for a code: the CAMEO codebook's entry, else (a code
/// only the dictionaries or their ontology define) the QuadClass and
/// Goldstein value of its nearest CAMEO parent, and the ontology's name.
pub fn code_info(code: &str, dicts: &Dictionaries) -> CodeInfo {
    let book = codebook();
    if let Some(c) = book.get(code) {
        return CodeInfo { root: c.root.clone(), quad: c.quad, goldstein: c.goldstein, name: c.name.clone() };
    }
    let root: String = code.chars().take(2).collect();
    let parent = (2..code.len()).rev().find_map(|n| book.get(&code[..n]).or_else(|| book.get(&format!("{}0", &code[..n]))));
    let onto_name = dicts.ontology.as_ref().and_then(|o| o.name(code)).map(str::to_string);
    match parent {
        Some(p) => CodeInfo {
            root,
            quad: p.quad,
            goldstein: p.goldstein,
            name: onto_name.unwrap_or_else(|| format!("{} (PETRARCH code {code})", p.name)),
        },
        None => {
            let r: u32 = root.parse().unwrap_or(0);
            let quad = match r {
                1..=5 => 1,
                6..=8 => 2,
                9..=14 => 3,
                _ => 4,
            };
            CodeInfo { root, quad, goldstein: 0.0, name: onto_name.unwrap_or_else(|| format!("PETRARCH code {code} (not in CAMEO)")) }
        }
    }
}
