//! `dyad-coder`: articles in, CAMEO events out.
//!
//! A [`Pipeline`] is built once (it compiles every bundled dictionary of each
//! language into one automaton, see [`lexicon`]) and then codes articles:
//!
//! 1. **language**: metadata, `--lang`, or identification ([`dyad_text::identify`]);
//! 2. **date and place**: metadata, else the dateline, else the caller's default;
//! 3. **sentences**: split on the original text, page furniture skipped;
//! 4. **matching**: each sentence is folded and scanned once by the automaton;
//! 5. **assembly** ([`sentence`]): actor groups, patterns, modality,
//!    attribution, and one [`Event`] per source × target.
//!
//! ```no_run
//! use dyad_coder::{Pipeline, Options};
//! let pipeline = Pipeline::new().expect("bundled dictionaries load");
//! let article = dyad_core::Article {
//!     id: "a1".into(),
//!     text: "Moscou a condamné mardi les sanctions imposées par Washington.".into(),
//!     date: "2026-03-05".parse().ok(),
//!     ..Default::default()
//! };
//! let coded = pipeline.code(&article, &Options::default()).expect("french is supported");
//! for e in coded.events { println!("{} {} {}", e.source.code, e.code, e.evidence.sentence); }
//! ```

pub mod fuzzy;
pub mod lang;
pub mod lexicon;
pub mod patterns;
pub mod sentence;
pub mod trie;
pub mod words;

use dyad_core::{codebook, Actor, Article, Date, Event, Evidence, Location, TitleCheck};
use dyad_dict::LangPack;
use dyad_kb::Kb;
use dyad_text::{Folded, Lang};
use lexicon::{Entry, Matcher};
use sentence::{Analysis, Context, Resolved, Scratch};
use std::sync::OnceLock;

/// The one error type of `dyad-coder`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CoderError {
    /// Knowledge base data is malformed.
    #[error(transparent)]
    Kb(#[from] dyad_kb::KbError),
    /// A dictionary is malformed.
    #[error(transparent)]
    Dict(#[from] dyad_dict::DictError),
    /// Language data is malformed.
    #[error(transparent)]
    Text(#[from] dyad_text::TextError),
    /// The automaton could not be built.
    #[error("building the automaton: {0}")]
    Automaton(String),
    /// The article's language is not one dyad codes.
    #[error("unsupported language {0:?} (dyad codes fr and en; force one with --lang)")]
    Unsupported(String),
    /// The article has no date from metadata, dateline or default.
    #[error("no date for the article: give one in the record, or with --date")]
    NoDate,
}

/// Per-call options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force this language ("fr", "en"), overriding metadata and identification.
    pub lang: Option<String>,
    /// Date to use when the article has none in metadata or dateline.
    pub default_date: Option<Date>,
    /// Print, on stderr, what the matcher saw in each sentence.
    pub explain: bool,
    /// Country of role nouns that name none ("le ministre de l'Éducation"):
    /// `None` = the dateline's country, else the language's default (FRA
    /// for French, none for English); `Some("none")` = leave them uncoded.
    pub home_country: Option<String>,
}

/// What coding one article produced.
#[derive(Debug, Clone)]
pub struct Coded {
    /// The events, in text order.
    pub events: Vec<Event>,
    /// The language used.
    pub lang: String,
    /// The date used as reference.
    pub date: Date,
    /// Sentences seen.
    pub sentences: usize,
    /// Things worth telling the user.
    pub warnings: Vec<String>,
}

/// The coder, built once and shared (it is `Sync`). Each language's
/// automaton is compiled the first time an article needs it.
pub struct Pipeline {
    kb: &'static Kb,
    /// Offices named by the (English) role descriptions of the knowledge base.
    role_offices: Vec<dyad_dict::Office>,
    matchers: Vec<(&'static str, OnceLock<Result<Matcher, String>>)>,
}

impl Pipeline {
    /// Loads every bundled dictionary and compiles the automata.
    pub fn new() -> Result<Pipeline, CoderError> {
        let kb = Kb::bundled()?;
        let matchers = lang::SUPPORTED.iter().map(|&l| (l, OnceLock::new())).collect();
        let (_, _, _, _, offices) = dyad_dict::lang::en::SOURCES;
        let role_offices = dyad_dict::parse_offices(offices.1, offices.0)?;
        Ok(Pipeline { kb, role_offices, matchers })
    }

    /// Loads and compiles every language now (to time start-up, or to fail
    /// early), each on its own thread.
    pub fn warm(&self) -> Result<(), CoderError> {
        std::thread::scope(|s| {
            let builds: Vec<_> = self.matchers.iter().map(|(l, _)| s.spawn(move || self.matcher(l).map(|_| ()))).collect();
            builds.into_iter().try_for_each(|b| b.join().unwrap_or_else(|_| Err(CoderError::Automaton("a build thread panicked".into()))))
        })
    }

    fn build(kb: &Kb, l: &'static str) -> Result<Matcher, CoderError> {
        let pack = LangPack::bundled(l)?;
        let tl: Lang = l.parse().map_err(|_| CoderError::Unsupported(l.to_string()))?;
        let rules = dyad_text::try_rules(tl)?;
        let closed = lang::closed(l).ok_or_else(|| CoderError::Unsupported(l.to_string()))?;
        Matcher::build(l, kb, pack, rules, closed)
    }

    /// The compiled matcher for `lang`, built on first use.
    pub fn matcher(&self, lang: &str) -> Result<&Matcher, CoderError> {
        let (l, cell) = self.matchers.iter().find(|(l, _)| *l == lang).ok_or_else(|| CoderError::Unsupported(lang.to_string()))?;
        cell.get_or_init(|| Pipeline::build(self.kb, l).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| CoderError::Automaton(format!("{lang}: {e}")))
    }

    /// The knowledge base in use.
    pub fn kb(&self) -> &Kb {
        self.kb
    }

    /// Codes one article.
    pub fn code(&self, article: &Article, opts: &Options) -> Result<Coded, CoderError> {
        let mut events = Vec::new();
        let mut coded = self.code_into(article, opts, &mut |e| events.push(e))?;
        coded.events = events;
        Ok(coded)
    }

    /// Codes one article, pushing each event to `sink` as soon as its
    /// sentence is done: memory stays bounded by the longest sentence, not
    /// by the article. The returned [`Coded`] has an empty `events`.
    pub fn code_into(&self, article: &Article, opts: &Options, sink: &mut dyn FnMut(Event)) -> Result<Coded, CoderError> {
        let mut warnings = Vec::new();
        let lang = match opts.lang.as_deref().or(article.lang.as_deref()) {
            Some(l) => l.to_ascii_lowercase(),
            None => {
                let id = dyad_text::identify(&article.text);
                match id.lang {
                    Some(l) => l.as_str().to_string(),
                    None => return Err(CoderError::Unsupported(id.code.to_string())),
                }
            }
        };
        let m = self.matcher(&lang)?;
        let tl: Lang = lang.parse().map_err(|_| CoderError::Unsupported(lang.clone()))?;
        let rules = dyad_text::try_rules(tl)?;
        let text = article.text.as_str();
        let date = match article.date {
            Some(d) => d,
            None => {
                let year = opts.default_date.map(|d| d.y);
                match dyad_text::dateline_date_with_year(text, rules, year) {
                    Some((d, _)) => d,
                    None => {
                        let d = opts.default_date.ok_or(CoderError::NoDate)?;
                        warnings.push(format!("{}: no date in the record or dateline; using {d}", article.id));
                        d
                    }
                }
            }
        };
        let dateline_place = dyad_text::dateline_place(text).and_then(|r| self.place(m, &text[r]));
        let home = match &opts.home_country {
            Some(h) if h.eq_ignore_ascii_case("none") => None,
            Some(h) => Some(h.to_ascii_uppercase()),
            None => dateline_place.as_ref().map(|p| p.country.clone()).or(m.closed.home_country.map(str::to_string)),
        };
        let mut ctx = Context { date: Some(date), home, ..Context::default() };
        let mut sentences = 0;
        let mut title_checks: Vec<(u32, TitleCheck)> = Vec::new();
        let mut scratch = Scratch::default();
        let mut folded = Folded::default();
        for range in dyad_text::sentences(text, rules) {
            let sent = &text[range.clone()];
            folded.refold(sent);
            if dyad_text::is_boilerplate_in(sent, &folded, rules) {
                continue;
            }
            sentences += 1;
            let folded = &folded;
            let base = range.start;
            let map = |f: usize| folded.orig(f);
            let mut a = Analysis::reuse(m, self.kb, &folded.text, sent, &map, &mut scratch);
            a.spelling_variants();
            a.group(&ctx);
            a.confirm_surnames();
            a.attribution();
            let ev_date = dyad_text::relative_date(&folded.text, rules, date).unwrap_or(date);
            // Without a home country, a role noun takes the one country the
            // sentence names ("Judge X opened investigations against Chilean
            // officials"); with two or more it stays uncoded.
            let article_home = ctx.home.clone();
            if ctx.home.is_none() {
                ctx.home = a.only_country();
            }
            let cands = a.events(ev_date, &ctx);
            ctx.home = article_home;
            if opts.explain {
                eprintln!("[{}:{}] {}\n{}", article.id, range.start, sent, a.explain());
            }
            let cited: Vec<String> = a.cited.iter().map(|&t| a.text_of(t).to_string()).collect();
            let location = self.sentence_place(&a).or_else(|| dateline_place.clone());
            let mut last_pair = None;
            for (i, c) in cands.iter().enumerate() {
                // One event per (source, target, code): skip a repeat of an
                // earlier candidate's key.
                if cands[..i].iter().any(|d| dedup_key(d) == dedup_key(c)) {
                    continue;
                }
                let Some(entry) = codebook().get(c.code) else { continue };
                let source = self.actor(m, &a, &c.source, date, &mut title_checks);
                let target = c.target.as_ref().map(|t| self.actor(m, &a, t, date, &mut title_checks));
                let trigger = a.text_of(c.head).to_string();
                let id = event_id(&article.id, base, c.code, &source.code, target.as_ref().map(|t| t.code.as_str()), c.head.0);
                sink(Event {
                    id,
                    doc: article.id.clone(),
                    date: ev_date,
                    code: entry.code.clone(),
                    root: entry.root.clone(),
                    quad: entry.quad,
                    goldstein: entry.goldstein,
                    name: entry.name.clone(),
                    source,
                    target,
                    location: location.clone(),
                    attribution: cited.clone(),
                    evidence: Evidence { sentence: sent.to_string(), start: range.start, end: range.end },
                    trigger,
                    lang: lang.clone(),
                });
                if c.target.as_ref().is_some_and(|t| t.code.get(..3) != c.source.code.get(..3)) {
                    last_pair = Some(i);
                }
            }
            // The last pair of countries coded in the sentence is the one
            // "les deux pays" may name next (cloned once, not per event).
            if let Some((s, Some(t))) = last_pair.map(|i| (&cands[i].source, &cands[i].target)) {
                ctx.last_pair = Some((s.clone(), t.clone()));
            }
            for p in a.persons() {
                if !ctx.seen_persons.contains(&p) {
                    ctx.seen_persons.push(p);
                }
            }
            if let Some(pair) = a.pair(date, &ctx) {
                ctx.last_pair = Some(pair);
            }
            a.recycle(&mut scratch);
        }
        Ok(Coded { events: Vec::new(), lang, date, sentences, warnings })
    }

    fn actor(&self, m: &Matcher, a: &Analysis<'_>, r: &Resolved, date: Date, checks: &mut Vec<(u32, TitleCheck)>) -> Actor {
        let title = r.title.map(|t| a.text_of(t).to_string());
        let title_check = match (r.person, &title) {
            (Some(p), Some(t)) => {
                let c = self.title_check(m, p, t, r.title_country.as_deref(), date);
                checks.retain(|(q, _)| *q != p);
                checks.push((p, c.clone()));
                Some(c)
            }
            // A later bare mention carries the check of the titled one.
            (Some(p), None) => checks.iter().find(|(q, _)| *q == p).map(|(_, c)| c.clone()),
            _ => None,
        };
        Actor {
            text: a.text_of(r.toks).to_string(),
            country: r.code.chars().take(3).collect(),
            code: r.code.clone(),
            title,
            entity: r.entity.clone(),
            title_check,
        }
    }

    /// Compares the office a title names with the roles person `p` held on
    /// `date`: "current" when one of them is that office, "stale" when the
    /// person held it only at other times, "unknown" otherwise.
    fn title_check(&self, m: &Matcher, p: u32, title: &str, title_country: Option<&str>, date: Date) -> TitleCheck {
        let roles: Vec<&dyad_kb::Role> = self.kb.roles_of(p as usize).filter(|r| !r.code.ends_with("ELI")).collect();
        let on_date: Vec<&str> = roles.iter().filter(|r| r.held_on(date)).map(|r| r.role.as_str()).collect();
        let role_on_date = if on_date.is_empty() { "none known".to_string() } else { on_date.join("; ") };
        let office = dyad_dict::office_of(&m.pack.offices, &Folded::new(title).text);
        let Some(office) = office else {
            return TitleCheck { status: "unknown".into(), title_held: None, role_on_date };
        };
        let same_office = |r: &&&dyad_kb::Role| {
            dyad_dict::office_of(&self.role_offices, &Folded::new(&r.role).text) == Some(office)
                && title_country.is_none_or(|c| r.code.starts_with(c))
        };
        let mut held: Vec<&&dyad_kb::Role> = roles.iter().filter(same_office).collect();
        if held.iter().any(|r| r.held_on(date)) {
            let r = held.iter().find(|r| r.held_on(date)).map(|r| (r.start, r.end));
            return TitleCheck { status: "current".into(), title_held: r, role_on_date };
        }
        held.sort_by_key(|r| r.start);
        match held.last() {
            Some(r) => TitleCheck { status: "stale".into(), title_held: Some((r.start, r.end)), role_on_date },
            None => TitleCheck { status: "unknown".into(), title_held: None, role_on_date },
        }
    }

    /// A place by name, through the automaton (cities and capitals).
    fn place(&self, m: &Matcher, name: &str) -> Option<Location> {
        let folded = Folded::new(name.trim());
        let key = folded.text.trim();
        let &i = m.index.get(key)?;
        m.entries[i as usize].iter().find_map(|e| match *e {
            Entry::City(c) | Entry::Capital(_, c) if c != u32::MAX => {
                let city = self.kb.cities.get(c as usize)?;
                Some(Location { name: name.trim().to_string(), country: city.country.clone(), lat: city.lat, lon: city.lon })
            }
            _ => None,
        })
    }

    /// A city named after a locative preposition in the sentence.
    fn sentence_place(&self, a: &Analysis<'_>) -> Option<Location> {
        for (ui, u) in a.units.iter().enumerate() {
            if !u.t0.checked_sub(1).is_some_and(|t| a.is(t, lexicon::class::LOCATIVES)) {
                continue;
            }
            for e in a.entries(ui) {
                if let Entry::City(c) | Entry::Capital(_, c) = *e {
                    if let Some(city) = self.kb.cities.get(c as usize) {
                        return Some(Location {
                            name: a.text_of((u.t0, u.t1)).to_string(),
                            country: city.country.clone(),
                            lat: city.lat,
                            lon: city.lon,
                        });
                    }
                }
            }
        }
        None
    }
}

/// What makes two candidates of a sentence one event: source, target, code.
fn dedup_key<'c>(c: &'c sentence::Candidate<'_>) -> (&'c str, Option<&'c str>, &'c str) {
    (&c.source.code, c.target.as_ref().map(|t| t.code.as_str()), c.code)
}

fn event_id(doc: &str, sentence_start: usize, code: &str, source: &str, target: Option<&str>, head: usize) -> String {
    let (mut start_buf, mut head_buf) = ([0; 20], [0; 20]);
    let h = dyad_core::fnv(&[
        doc.as_bytes(),
        decimal(sentence_start, &mut start_buf),
        code.as_bytes(),
        source.as_bytes(),
        target.unwrap_or("").as_bytes(),
        decimal(head, &mut head_buf),
    ]);
    let mut id = String::with_capacity(doc.len() + 17);
    id.push_str(doc);
    id.push(':');
    for k in (0..16).rev() {
        id.push(char::from(b"0123456789abcdef"[(h >> (4 * k)) as usize & 15]));
    }
    id
}

/// The decimal digits of `n` (as `n.to_string()` writes them), in `buf`:
/// the id of every event hashes two numbers, without allocating.
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

/// A content-derived article id, for records that have none.
pub fn content_id(text: &str) -> String {
    format!("doc-{:016x}", dyad_core::fnv(&[text.as_bytes()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pipeline_codes_on_several_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Pipeline>();
        let p = Pipeline::new().expect("pipeline");
        let a = Article {
            id: "t".into(),
            text: "Moscou a condamné mardi les sanctions imposées par Washington.".into(),
            date: "2026-03-05".parse().ok(),
            ..Default::default()
        };
        let ids = || p.code(&a, &Options::default()).expect("codes").events.into_iter().map(|e| e.id).collect::<Vec<_>>();
        let one = ids();
        assert!(!one.is_empty());
        std::thread::scope(|s| {
            let (x, y) = (s.spawn(ids), s.spawn(ids));
            assert_eq!(x.join().expect("thread"), one);
            assert_eq!(y.join().expect("thread"), one);
        });
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = event_id("d", 10, "041", "RUSGOV", Some("IRNGOV"), 3);
        assert_eq!(a, event_id("d", 10, "041", "RUSGOV", Some("IRNGOV"), 3));
        assert_ne!(a, event_id("d", 10, "041", "IRNGOV", Some("RUSGOV"), 3));
        assert_eq!(content_id("x"), content_id("x"));
        for n in [0, 7, 10, 99, 1234, usize::MAX] {
            assert_eq!(decimal(n, &mut [0; 20]), n.to_string().as_bytes());
        }
        let h = dyad_core::fnv(&[b"d", b"10", b"041", b"RUSGOV", b"IRNGOV", b"3"]);
        assert_eq!(a, format!("d:{h:016x}"));
        assert_ne!(content_id("x"), content_id("y"));
    }
}
