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

/// A number no other call in this process returns (never 0): the owner's
/// key in a per-thread memo ([`lexicon::Matcher::id`], the fuzzy index's
/// answers), so that a new owner at a reused address finds no stale slot.
pub(crate) fn unique_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

use dyad_core::{Actor, ActorCode, Article, CameoCode, Date, Event, EventId, Evidence, Fnv, Location, TitleCheck};
use dyad_dict::LangPack;
use dyad_kb::Kb;
use dyad_text::{Folded, Lang};
use lexicon::{Entry, Matcher};
use sentence::{Analysis, Candidate, Context, Resolved, Scratch};
use std::borrow::Cow;
use std::cell::Cell;
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
pub struct Coded<'a> {
    /// The events, in text order (they borrow from the article, `'a`).
    pub events: Vec<Event<'a>>,
    /// The language used.
    pub lang: String,
    /// The date used as reference.
    pub date: Date,
    /// Sentences seen.
    pub sentences: usize,
    /// Things worth telling the user.
    pub warnings: Vec<String>,
}

/// The buffers of [`Pipeline::code_into`], kept by each thread from one
/// article to the next (their contents between articles mean nothing), so
/// that each article does not grow a dozen vectors again from empty: memory
/// stays bounded by the longest sentence a thread has coded.
#[derive(Default)]
struct Buffers {
    scratch: Scratch,
    folded: Folded,
    /// The candidates of a sentence that become events, with their code.
    emit: Vec<(usize, &'static dyad_core::CameoCode)>,
    /// The candidates of a sentence (a vector per sentence was ≈8.8k
    /// mallocs and frees).
    cands: Vec<Candidate>,
}

thread_local! {
    static BUFFERS: Cell<Buffers> = Cell::new(Buffers::default());
}

/// The coder, built once and shared (it is `Sync`). Each language's
/// automaton is compiled the first time an article needs it.
pub struct Pipeline {
    kb: &'static Kb,
    /// The country codes of the knowledge base ("RUS", "IGO"), sorted by
    /// their three bytes as a number ([`key3`]): the country of an actor
    /// code that does not start with three capitals borrows one instead of
    /// allocating, when the knowledge base knows it.
    countries: Vec<(u32, &'static str)>,
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
        let countries = country_codes(kb);
        Ok(Pipeline { kb, countries, role_offices, matchers })
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
    pub fn code<'a>(&self, article: &'a Article, opts: &Options) -> Result<Coded<'a>, CoderError> {
        let mut events = Vec::new();
        let mut coded = self.code_into(article, opts, &mut |e| events.push(e))?;
        coded.events = events;
        Ok(coded)
    }

    /// Codes one article, pushing each event to `sink` as soon as its
    /// sentence is done: memory stays bounded by the longest sentence, not
    /// by the article. The returned [`Coded`] has an empty `events`.
    ///
    /// Each event borrows its strings from `article` (its id, the sentence,
    /// the trigger, the actors' words, the place, the cited sources): no
    /// copy of them is allocated per event. (Owned copies, one allocation
    /// and one free each, were ≈1.5 % of the instructions of coding the
    /// benchmark's corpus and serialising its events.)
    pub fn code_into<'a>(&self, article: &'a Article, opts: &Options, sink: &mut dyn FnMut(Event<'a>)) -> Result<Coded<'a>, CoderError> {
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
        // Taken, not borrowed: a `sink` that codes another article finds
        // fresh buffers.
        let mut buffers = BUFFERS.try_with(Cell::take).unwrap_or_default();
        let Buffers { scratch, folded, emit, cands } = &mut buffers;
        let dateline_place = dyad_text::dateline_place(text).and_then(|r| self.place(m, &text[r], folded));
        let home = match &opts.home_country {
            Some(h) if h.eq_ignore_ascii_case("none") => None,
            Some(h) => Some(h.to_ascii_uppercase()),
            None => dateline_place.as_ref().map(|p| p.country.to_string()).or(m.closed.home_country.map(str::to_string)),
        };
        let mut ctx = Context { date: Some(date), home, ..Context::default() };
        let doc_hash = Fnv::new().part(article.id.as_bytes());
        let mut sentences = 0;
        let mut title_checks: Vec<(u32, TitleCheck)> = Vec::new();
        for range in dyad_text::sentences(text, rules) {
            let sent = &text[range.clone()];
            folded.refold(sent);
            if dyad_text::is_boilerplate_in(sent, folded, rules) {
                continue;
            }
            sentences += 1;
            let folded = &*folded;
            let base = range.start;
            let mut a = Analysis::reuse(m, self.kb, folded, sent, scratch);
            a.spelling_variants();
            a.group(&ctx);
            a.confirm_surnames();
            a.attribution();
            // The date the sentence speaks of: read by the candidates only
            // through the roles a named person holds on it, and by the
            // events; looked for only when one of them needs it.
            let speaks_of = || dyad_text::relative_date(&folded.text, rules, date).unwrap_or(date);
            let named = names_person(&a);
            let mut ev_date = named.then(speaks_of);
            // Without a home country, a role noun takes the one country the
            // sentence names ("Judge X opened investigations against Chilean
            // officials"); with two or more it stays uncoded.
            let own_home = ctx.home.is_none();
            if own_home {
                ctx.home = a.only_country();
            }
            a.events_into(ev_date.unwrap_or(date), &ctx, cands);
            if own_home {
                ctx.home = None;
            }
            if opts.explain {
                eprintln!("[{}:{}] {}\n{}", article.id, range.start, sent, a.explain());
            }
            // The candidates that become events: one per (source, target,
            // code), a repeat of an earlier candidate's key skipped, and
            // only codes CAMEO defines.
            emit.clear();
            let mut last_pair = None;
            for (i, c) in cands.iter().enumerate() {
                if cands[..i].iter().any(|d| dedup_key(d) == dedup_key(c)) {
                    continue;
                }
                let Some(entry) = c.code else { continue };
                emit.push((i, entry));
                if c.target.as_ref().is_some_and(|t| t.code.as_bytes().get(..3) != c.source.code.as_bytes().get(..3)) {
                    last_pair = Some(i);
                }
            }
            // The pair of countries "les deux pays" may name next: the last
            // pair named together in the sentence, else the last pair of
            // countries coded in it. (`pair` reads only the context's home
            // country: its groups never hold "les deux pays" themselves.)
            let pair = a.pair(date, &ctx);
            // What the sentence's events share, made only when there are
            // events.
            let shared = (!emit.is_empty()).then(|| {
                let cited: Vec<Cow<'a, str>> = a.cited.iter().map(|&t| within(sent, a.text_of(t))).collect();
                let location = self.sentence_place(&a, sent).or_else(|| dateline_place.clone());
                (cited, location, sentence_hash(doc_hash, base))
            });
            if shared.is_some() {
                ev_date = ev_date.or_else(|| Some(speaks_of()));
            }
            // The emitted candidates by index, their actors' codes taken,
            // each actor built in its event (moving every candidate out of
            // `cands`, then each actor into its event: 1 MB corpus 233.18M
            // → 232.44M instructions).
            for &(i, entry) in emit.iter() {
                let (Some(c), Some((cited, location, hash))) = (cands.get_mut(i), &shared) else { break };
                if pair.is_none() && last_pair == Some(i) {
                    // Copied into the previous pair's buffers: most
                    // sentences with an event set it.
                    match (&c.target, &mut ctx.last_pair) {
                        (Some(t), Some((s0, t0))) => {
                            s0.clone_from(&c.source);
                            t0.clone_from(t);
                        }
                        (Some(t), last) => *last = Some((c.source.clone(), t.clone())),
                        (None, _) => {}
                    }
                }
                sink(Event {
                    id: event_id(
                        &article.id,
                        *hash,
                        &entry.code,
                        c.source.code.as_bytes(),
                        c.target.as_ref().map(|t| t.code.as_bytes()),
                        c.head.0,
                    ),
                    doc: Cow::Borrowed(&article.id),
                    date: ev_date.unwrap_or(date),
                    code: Cow::Borrowed(&entry.code),
                    root: Cow::Borrowed(&entry.root),
                    quad: entry.quad,
                    goldstein: entry.goldstein,
                    name: Cow::Borrowed(&entry.name),
                    source: self.actor(m, &a, sent, &mut c.source, date, &mut title_checks),
                    target: c.target.as_mut().map(|t| self.actor(m, &a, sent, t, date, &mut title_checks)),
                    location: location.clone(),
                    // (Most sentences cite no one: cloning an empty vector
                    // still cost ≈52 instructions an event; 1 MB corpus:
                    // 205.15M → 205.08M instructions.)
                    attribution: if cited.is_empty() { Vec::new() } else { cited.clone() },
                    evidence: Evidence { sentence: Cow::Borrowed(sent), start: range.start, end: range.end },
                    trigger: within(sent, a.text_of(c.head)),
                    lang: Cow::Borrowed(m.lang),
                });
            }
            // (Only a sentence that names a person has any: 1 MB corpus
            // 234.09M → 233.91M instructions.)
            if named {
                for p in a.persons() {
                    if !ctx.seen_persons.contains(&p) {
                        ctx.seen_persons.push(p);
                    }
                }
            }
            if pair.is_some() {
                ctx.last_pair = pair;
            }
            cands.clear();
            a.recycle(scratch);
        }
        // (Dropped instead when the thread is exiting.)
        let _ = BUFFERS.try_with(|b| b.set(buffers));

        Ok(Coded { events: Vec::new(), lang, date, sentences, warnings })
    }

    /// The actor `r` resolves to, its words borrowed from `sent`, the
    /// sentence of `a` in the article, its code taken from `r`.
    fn actor<'a>(
        &self,
        m: &Matcher,
        a: &Analysis<'_>,
        sent: &'a str,
        r: &mut Resolved,
        date: Date,
        checks: &mut Vec<(u32, TitleCheck)>,
    ) -> Actor<'a> {
        let title = r.title.map(|t| within(sent, a.text_of(t)));
        let title_check = match r.person {
            Some(p) => self.person_check(m, r, p, title.as_deref(), date, checks),
            None => None,
        };
        let entity = r.entity.and_then(|e| e.name(self.kb)).map(Cow::Borrowed);
        Actor {
            text: within(sent, a.text_of(r.toks)),
            // (Read before the code is taken.)
            country: self.country(&r.code),
            code: std::mem::take(&mut r.code),
            title,
            entity,
            title_check,
        }
    }

    /// The title check of an actor naming person `p` (with `title`, when
    /// written with one), remembered in `checks` for the person's later
    /// bare mentions. Out of line: most actors name no person, and the
    /// rest of [`Pipeline::actor`] keeps fewer registers and bytes of code.
    #[inline(never)]
    fn person_check(
        &self,
        m: &Matcher,
        r: &Resolved,
        p: u32,
        title: Option<&str>,
        date: Date,
        checks: &mut Vec<(u32, TitleCheck)>,
    ) -> Option<Box<TitleCheck>> {
        match title {
            Some(t) => {
                let title_country = r.title_country.and_then(|c| m.codes.get(c as usize)).map(String::as_str);
                let c = self.title_check(m, p, t, title_country, date);
                checks.retain(|(q, _)| *q != p);
                checks.push((p, c.clone()));
                Some(Box::new(c))
            }
            // A later bare mention carries the check of the titled one.
            None => checks.iter().find(|(q, _)| *q == p).map(|(_, c)| Box::new(c.clone())),
        }
    }

    /// The country of an actor code (its first three characters),
    /// borrowed: three capitals A–Z (every CAMEO code) from static data
    /// ([`ActorCode::capital_country`]), other characters from the
    /// knowledge base when it knows them.
    ///
    /// (The three capitals were looked up among the knowledge base's codes
    /// through a table of 26³ indices, 35 KB: a D1 miss nearly every actor,
    /// ≈11k of the 1 MB corpus.)
    fn country(&self, code: &ActorCode) -> Cow<'static, str> {
        match code.capital_country() {
            Some(c) => Cow::Borrowed(c),
            None => self.other_country(code),
        }
    }

    /// [`Pipeline::country`] of a code that does not start with three
    /// capitals: its first three characters, borrowed from the knowledge
    /// base when it knows them (found as numbers, [`key3`]), else copied.
    #[cold]
    #[inline(never)]
    fn other_country(&self, code: &ActorCode) -> Cow<'static, str> {
        let c = code.first_chars(3);
        match key3(c).and_then(|k| self.countries.binary_search_by_key(&k, |&(b, _)| b).ok()) {
            Some(i) => Cow::Borrowed(self.countries[i].1),
            None => Cow::Owned(c.to_string()),
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

    /// A place by name, through the automaton (cities and capitals),
    /// folded into `folded` (the sentences' buffer, not a new `Folded`
    /// for every article's dateline: an allocation and a free an article).
    fn place<'a>(&self, m: &Matcher, name: &'a str, folded: &mut Folded) -> Option<Location<'a>> {
        folded.refold(name.trim());
        let key = folded.text.trim();
        let &i = m.index.get(key)?;
        m.entries[i as usize].iter().find_map(|e| match *e {
            Entry::City(c) | Entry::Capital(_, c) if c != u32::MAX => {
                let city = self.kb.cities.get(c as usize)?;
                Some(Location { name: Cow::Borrowed(name.trim()), country: Cow::Borrowed(&city.country), lat: city.lat, lon: city.lon })
            }
            _ => None,
        })
    }

    /// A city named after a locative preposition in the sentence (`sent`,
    /// the sentence of `a` in the article, which the name borrows).
    ///
    /// (A sentence with no locative word is not scanned; with
    /// `Analysis::place_country_after` borrowing its code, 1 MB corpus:
    /// 205.26M → 205.15M instructions.)
    fn sentence_place<'a>(&self, a: &Analysis<'_>, sent: &'a str) -> Option<Location<'a>> {
        if !a.any_is(lexicon::class::LOCATIVES) {
            return None;
        }
        for (ui, u) in a.units.iter().enumerate() {
            if !u.t0.checked_sub(1).is_some_and(|t| a.is(t, lexicon::class::LOCATIVES)) {
                continue;
            }
            for e in a.entries(ui) {
                if let Entry::City(c) | Entry::Capital(_, c) = *e {
                    if let Some(city) = self.kb.cities.get(c as usize) {
                        return Some(Location {
                            name: within(sent, a.text_of((u.t0, u.t1))),
                            country: Cow::Borrowed(&city.country),
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

/// Every three-letter country code of `kb` (of its country names, cities,
/// organisations and roles), sorted by its bytes, once each.
fn country_codes(kb: &'static Kb) -> Vec<(u32, &'static str)> {
    let codes = kb.countries.iter().map(|c| c.country.as_str()).chain(kb.cities.iter().map(|c| c.country.as_str()));
    let prefixes = kb.orgs.iter().map(|o| o.code.as_str()).chain(kb.roles.iter().map(|r| r.code.as_str())).filter_map(|c| c.get(..3));
    let mut out: Vec<(u32, &'static str)> = codes.chain(prefixes).filter_map(|c| key3(c).map(|k| (k, c))).collect();
    out.sort_unstable_by_key(|&(k, _)| k);
    out.dedup_by_key(|&mut (k, _)| k);
    out
}

/// A string of three bytes as a number, in the order of the bytes (`None`
/// for another length).
pub(crate) const fn key3(s: &str) -> Option<u32> {
    match *s.as_bytes() {
        [a, b, c] => Some(u32::from_be_bytes([0, a, b, c])),
        _ => None,
    }
}

/// Whether a noun phrase of the sentence's groups names a known person: the
/// only actors whose resolution reads the date (the roles held on it), so
/// that without one the candidates are the same on any date. The groups
/// are settled before [`Analysis::events`], which only reads them.
fn names_person(a: &Analysis<'_>) -> bool {
    a.groups.iter().any(|g| g.nps.iter().any(|np| np.person.is_some()))
}

/// `part`, a slice of `sent` (as [`Analysis::text_of`] returns one), as
/// the same bytes borrowed from `sent` itself, whose lifetime is the
/// article's; an owned copy, should `part` not lie within `sent`.
fn within<'a>(sent: &'a str, part: &str) -> Cow<'a, str> {
    let start = (part.as_ptr() as usize).wrapping_sub(sent.as_ptr() as usize);
    match start.checked_add(part.len()).and_then(|end| sent.get(start..end)) {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(part.to_string()),
    }
}

/// What makes two candidates of a sentence one event: source, target, code.
fn dedup_key(c: &Candidate) -> (&[u8], Option<&[u8]>, Option<&'static CameoCode>) {
    (c.source.code.as_bytes(), c.target.as_ref().map(|t| t.code.as_bytes()), c.code)
}

/// The first parts of the ids of a sentence's events: the hash state
/// after its article's id (`doc`, hashed once per article) and its start.
fn sentence_hash(doc: Fnv, sentence_start: usize) -> Fnv {
    doc.part(decimal(sentence_start, &mut [0; 20]))
}

/// The id of an event of article `doc`: the hash of what makes it (the
/// sentence's part of it in `sentence`, see [`sentence_hash`]), the
/// article's id borrowed. (Hashing the article's id and the sentence's
/// start once, not for every event, four bytes a turn: 1 MB corpus
/// 234.67M → 234.09M instructions.)
fn event_id<'a>(doc: &'a str, sentence: Fnv, code: &str, source: &[u8], target: Option<&[u8]>, head: usize) -> EventId<'a> {
    let hash = sentence.part(code.as_bytes()).part(source).part(target.unwrap_or_default()).part(decimal(head, &mut [0; 20])).finish();
    EventId { doc: Cow::Borrowed(doc), hash }
}

/// The decimal digits of `n` (as `n.to_string()` writes them), in `buf`:
/// the id of every event hashes two numbers, without allocating.
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    // An event's head is a token's index: one or two digits, without the
    // loop's division a digit.
    if n < 100 {
        let tens = n / 10;
        buf[18] = b'0' + tens as u8;
        buf[19] = b'0' + (n - 10 * tens) as u8;
        return &buf[if n < 10 { 19 } else { 18 }..];
    }
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
    fn buffers_kept_between_articles_change_nothing() {
        let p = Pipeline::new().expect("pipeline");
        let article =
            |id: &str, text: &str| Article { id: id.into(), text: text.into(), date: "2026-03-05".parse().ok(), ..Default::default() };
        let long = article(
            "long",
            "Le ministre russe de la Défense a rencontré mardi son homologue iranien à Téhéran, selon l'agence TASS. \
             Les deux pays ont signé un accord. Washington a condamné les frappes menées par Israël contre le Liban.",
        );
        let short = article("short", "Moscou a condamné mardi les sanctions imposées par Washington.");
        let json = |a: &Article| -> Vec<String> {
            p.code(a, &Options::default()).expect("codes").events.iter().map(|e| serde_json::to_string(e).expect("json")).collect()
        };
        let (first_short, first_long) = (json(&short), json(&long));
        assert!(first_short.len() == 1 && first_long.len() > 2, "{first_short:?} {first_long:?}");
        assert_eq!(json(&short), first_short, "after a longer article");
        assert_eq!(json(&long), first_long);
        // A sink that codes another article while the first is being coded.
        let mut nested = Vec::new();
        let mut outer = Vec::new();
        p.code_into(&long, &Options::default(), &mut |e| {
            nested.extend(json(&short));
            outer.push(serde_json::to_string(&e).expect("json"));
        })
        .expect("codes");
        assert_eq!(outer, first_long);
        assert_eq!(nested, first_long.iter().flat_map(|_| first_short.clone()).collect::<Vec<_>>());
    }

    #[test]
    fn an_actors_country_is_borrowed_when_known() {
        let p = Pipeline::new().expect("pipeline");
        assert!(p.countries.len() > 150 && p.countries.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(p.countries.iter().all(|&(k, c)| key3(c) == Some(k) && c.len() == 3));
        assert!(p.countries.iter().any(|&(_, c)| c == "RUS"));
        // The numbers sort as the bytes do.
        let mut by_bytes: Vec<&str> = p.countries.iter().map(|&(_, c)| c).collect();
        by_bytes.sort_unstable();
        assert!(by_bytes.iter().zip(&p.countries).all(|(a, (_, b))| a == b));
        for (s, k) in [("ABC", Some(0x41_42_43)), ("AB", None), ("ABCD", None), ("É1", Some(0xc3_89_31)), ("", None)] {
            assert_eq!(key3(s), k, "{s}");
        }
        for (code, country) in [("RUSGOV", "RUS"), ("IGOUNO", "IGO"), ("FRA", "FRA"), ("QQQGOV", "QQQ")] {
            assert!(matches!(p.country(&ActorCode::new(code)), Cow::Borrowed(c) if c == country), "{code}");
        }
        for (code, country) in [("RU", "RU"), ("", ""), ("ÉTAGOV", "ÉTA"), ("RuSGOV", "RuS")] {
            assert!(matches!(p.country(&ActorCode::new(code)), Cow::Owned(ref c) if c == country), "{code}");
        }
        // A code the knowledge base knows that does not start with three
        // capitals is borrowed from it.
        if let Some(&(_, c)) = p.countries.iter().find(|&&(_, c)| ActorCode::new(c).capital_country().is_none()) {
            assert!(matches!(p.country(&ActorCode::concat(c, "GOV")), Cow::Borrowed(b) if b == c), "{c}");
        }
        // Every code of three capitals, alone and followed by more, is its
        // own country, borrowed (the index of `ActorCode::capital_country`
        // is tested in dyad-core).
        let letters = || b'A'..=b'Z';
        let all = letters().flat_map(|a| letters().flat_map(move |b| letters().map(move |c| [a, b, c])));
        for code in all.filter_map(|b| String::from_utf8(b.to_vec()).ok()) {
            for full in [code.clone(), format!("{code}GOV"), format!("{code}é")] {
                assert!(matches!(p.country(&ActorCode::new(&full)), Cow::Borrowed(c) if c == code), "{full}");
            }
        }
    }

    #[test]
    fn the_date_a_sentence_speaks_of_is_the_events_with_or_without_a_person() {
        let p = Pipeline::new().expect("pipeline");
        let dates = |text: &str| -> Vec<String> {
            let a = Article { id: "d".into(), text: text.into(), date: "2026-03-05".parse().ok(), ..Default::default() };
            p.code(&a, &Options::default()).expect("codes").events.iter().map(|e| e.date.to_string()).collect()
        };
        // No person: the relative day is looked for only once there is an event.
        assert_eq!(dates("Moscou a condamné hier les sanctions imposées par Washington."), ["2026-03-04"]);
        assert_eq!(dates("Moscou a condamné les sanctions imposées par Washington."), ["2026-03-05"]);
        let with_person = dates("Vladimir Poutine a condamné hier les sanctions imposées par Washington.");
        assert!(!with_person.is_empty() && with_person.iter().all(|d| d == "2026-03-04"), "{with_person:?}");
    }

    /// Whether `s` is borrowed from `text`, at byte `at`.
    #[allow(clippy::ptr_arg)] // the `Cow`'s variant is what is tested
    fn borrowed_at(s: &Cow<'_, str>, text: &str, at: usize) -> bool {
        matches!(s, Cow::Borrowed(b) if text.get(at..at + b.len()).is_some_and(|t| std::ptr::eq(t, *b)))
    }

    #[test]
    fn events_borrow_their_strings_from_the_article() {
        let p = Pipeline::new().expect("pipeline");
        let a = Article {
            id: "shared".into(),
            text: "Vladimir Poutine et Téhéran ont condamné mardi à Moscou, selon l'agence TASS, les sanctions imposées par \
                   Washington. Paris a critiqué Londres."
                .into(),
            date: "2026-03-05".parse().ok(),
            ..Default::default()
        };
        let events = p.code(&a, &Options::default()).expect("codes").events;
        assert!(events.len() >= 3, "{events:?}");
        assert!(events.iter().all(|e| borrowed_at(&e.doc, &a.id, 0)));
        let (first, second) = events.split_at(events.iter().filter(|e| e.evidence.start == 0).count());
        assert!(first.len() >= 2 && !second.is_empty(), "{events:?}");
        let at = |s: &str| a.text.find(s).expect("in the text");
        for e in &events {
            assert!(borrowed_at(&e.evidence.sentence, &a.text, e.evidence.start), "{e:?}");
            assert_eq!(&a.text[e.evidence.start..e.evidence.end], &*e.evidence.sentence);
            assert!(borrowed_at(&e.trigger, &a.text, at(&e.trigger)), "{e:?}");
            for actor in std::iter::once(&e.source).chain(&e.target) {
                assert!(borrowed_at(&actor.text, &a.text, at(&actor.text)), "{e:?}");
            }
        }
        for e in first {
            assert_eq!(e.attribution, ["TASS"], "{e:?}");
            assert!(borrowed_at(&e.attribution[0], &a.text, at("TASS")));
            let place = e.location.as_ref().expect("Moscou");
            assert!(place.name == "Moscou" && borrowed_at(&place.name, &a.text, at("Moscou")), "{e:?}");
        }
        // The dateline's place, borrowed by all the events of the article.
        let datelined = Article { text: format!("PARIS (AFP) - {}", a.text), ..a.clone() };
        let events = p.code(&datelined, &Options::default()).expect("codes").events;
        let names: Vec<&Cow<'_, str>> = events.iter().skip(first.len()).filter_map(|e| e.location.as_ref().map(|l| &l.name)).collect();
        assert!(names.len() + first.len() == events.len() && !names.is_empty(), "{events:?}");
        assert!(names.iter().all(|n| borrowed_at(n, &datelined.text, 0) && *n == "PARIS"), "{names:?}");
        // A part of the sentence is borrowed; anything else is copied.
        let sent = &a.text[10..40];
        assert!(matches!(within(sent, &sent[3..9]), Cow::Borrowed(s) if std::ptr::eq(s, &sent[3..9])));
        assert!(matches!(within(sent, &sent[30..]), Cow::Borrowed("")));
        assert!(matches!(within(sent, "TASS"), Cow::Owned(s) if s == "TASS"));
        assert!(matches!(within(sent, &a.text[35..45]), Cow::Owned(s) if s == a.text[35..45]));
    }

    #[test]
    fn an_entity_is_named_from_the_knowledge_base_and_borrowed() {
        use sentence::Entity;
        let p = Pipeline::new().expect("pipeline");
        let kb = p.kb();
        assert_eq!(Entity::Person(0).name(kb), kb.persons.first().map(|x| x.name.as_str()));
        assert_eq!(Entity::Org(0).name(kb), kb.orgs.first().map(|x| x.surface.as_str()));
        assert_eq!(Entity::Person(u32::MAX).name(kb), None);
        assert_eq!(Entity::Org(u32::MAX).name(kb), None);
        let a = Article {
            id: "e".into(),
            text: "Vladimir Poutine a condamné mardi les sanctions imposées par l'OTAN.".into(),
            date: "2026-03-05".parse().ok(),
            ..Default::default()
        };
        let events = p.code(&a, &Options::default()).expect("codes").events;
        let entities: Vec<&Cow<'static, str>> =
            events.iter().flat_map(|e| [Some(&e.source), e.target.as_ref()]).flatten().filter_map(|x| x.entity.as_ref()).collect();
        assert!(!entities.is_empty(), "{events:?}");
        assert!(entities.iter().all(|e| matches!(e, Cow::Borrowed(_))), "{entities:?}");
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let d10 = sentence_hash(Fnv::new().part(b"d"), 10);
        let a = event_id("d", d10, "041", b"RUSGOV", Some(b"IRNGOV"), 3);
        assert_eq!(a, event_id("d", d10, "041", b"RUSGOV", Some(b"IRNGOV"), 3));
        assert_ne!(a, event_id("d", d10, "041", b"IRNGOV", Some(b"RUSGOV"), 3));
        assert_eq!(content_id("x"), content_id("x"));
        for n in (0..2_000).chain([9_999, 10_000, 123_456_789, usize::MAX - 1, usize::MAX]) {
            assert_eq!(decimal(n, &mut [0; 20]), n.to_string().as_bytes());
        }
        for (s, n) in [("RUSGOV", "RUS"), ("RU", "RU"), ("", ""), ("ÉÉÉÉ", "ÉÉÉ"), ("IGOUNO", "IGO")] {
            assert_eq!(ActorCode::new(s).first_chars(3), n);
            assert_eq!(ActorCode::new(s).first_chars(3), s.chars().take(3).collect::<String>());
        }
        let h = dyad_core::fnv(&[b"d", b"10", b"041", b"RUSGOV", b"IRNGOV", b"3"]);
        assert_eq!(a.to_string(), format!("d:{h:016x}"));
        assert!(matches!(a.doc, Cow::Borrowed("d")) && a.hash == h);
        assert_ne!(content_id("x"), content_id("y"));
    }
}
