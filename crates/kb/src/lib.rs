//! `dyad-kb`: what dyad knows about the world, independent of language.
//!
//! Countries (names, demonyms, capitals in many languages), cities with
//! coordinates, international organisations and named institutions, and
//! persons with dated roles — "who held which office when". All of it is
//! reviewable text under `data/` (see `docs/data-formats.md`), compiled into
//! the binary and parsed once at start-up.
//!
//! ```
//! let kb = dyad_kb::Kb::bundled().expect("bundled data parses");
//! let date: dyad_core::Date = "2026-01-12".parse().unwrap();
//! // Every person's role on a date comes with the CAMEO code it gives.
//! for p in kb.persons_named("Vladimir Putin") {
//!     for r in kb.roles_on(p, date) {
//!         assert!(r.code.starts_with("RUS"));
//!     }
//! }
//! ```

use dyad_core::tsv::{self, field_error, Row};
use dyad_core::{ActorCode, CoreError, Date};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

/// The one error type of `dyad-kb`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KbError {
    /// A malformed data file.
    #[error(transparent)]
    Data(#[from] CoreError),
}

/// A surface form of a country.
#[derive(Debug, Clone)]
pub struct CountryName {
    /// CAMEO country code.
    pub country: String,
    /// Language of the form.
    pub lang: String,
    /// `name`, `short`, `demonym` or `capital`.
    pub kind: NameKind,
    /// The form as written.
    pub surface: String,
}

/// What a country surface is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// Its name ("Iran").
    Name,
    /// A short or informal name ("U.S.").
    Short,
    /// An adjective or demonym ("iranienne").
    Demonym,
    /// Its capital, standing for its government ("Téhéran").
    Capital,
}

/// A city of the gazetteer.
#[derive(Debug, Clone)]
pub struct City {
    /// Main name.
    pub name: String,
    /// CAMEO country code.
    pub country: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population.
    pub population: u64,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// An organisation or named institution.
#[derive(Debug, Clone)]
pub struct Org {
    /// CAMEO actor code.
    pub code: String,
    /// Language of the surface (`*` for any).
    pub lang: String,
    /// The name as written.
    pub surface: String,
}

/// A known person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Other names, with their language tag when given.
    pub aliases: Vec<(Option<String>, String)>,
}

/// A dated role of a person.
#[derive(Debug, Clone)]
pub struct Role {
    /// Index of the person in [`Kb::persons`].
    pub person: usize,
    /// CAMEO actor code the role gives.
    pub code: String,
    /// English description.
    pub role: String,
    /// First day held, when known.
    pub start: Option<Date>,
    /// First day no longer held (exclusive); `None` = still held.
    pub end: Option<Date>,
    /// Where the fact comes from.
    pub source: String,
}

impl Role {
    /// True when the role was held on `date`.
    pub fn held_on(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date < e)
    }
}

/// A date as one number that orders like the date: the year, the month
/// and the day in 16, 8 and 8 bits for the years −32,767 to 32,766 (the
/// parser of `Date` reads four characters: −999 to 9999), one key below
/// them for earlier years and one above for later. Never 0 nor
/// `u32::MAX`, the "no start" and "no end" of a [`Tenure`].
#[inline]
pub fn day_key(d: Date) -> u32 {
    match u32::try_from(i64::from(d.y) + 0x8000) {
        Ok(y @ 1..=0xFFFE) => (y << 16) | (u32::from(d.m) << 8) | u32::from(d.d),
        _ if d.y < 0 => 1,
        _ => 0xFFFF_0000,
    }
}

/// A role as the coder reads it for every named person: its days as
/// [`day_key`]s and its code, 32 bytes, a person's side by side in one
/// array ([`Kb::tenures`]), where a [`Role`] (≈120 bytes, its code behind a
/// pointer, itself behind the person's list of role indices) costs three
/// or four dependent cache misses. (1 MB corpus, coding: the resolution of
/// named persons went from 18.8k to 9.0k misses of a simulated 2 MiB
/// cache, 3.03M to 2.80M instructions.)
#[derive(Debug, Clone)]
pub struct Tenure {
    /// [`day_key`] of the first day held; 0 when not known.
    pub start: u32,
    /// [`day_key`] of the first day no longer held; `u32::MAX` when still
    /// held.
    pub end: u32,
    /// The role's CAMEO actor code ([`Role::code`]).
    pub code: ActorCode,
}

/// Where person `p`'s roles are, and the first of them: a cache line of
/// its own, so that a person with one role (two in three) costs one miss,
/// not one for the range and one for the role. (1 MB corpus: the
/// resolution of named persons went from 9.0k to 6.2k misses of a simulated
/// 2 MiB cache, one a person looked up.)
#[derive(Debug, Clone)]
#[repr(align(64))]
struct PersonRoles {
    /// A copy of `tenures[from]`, when `n` > 0.
    first: Tenure,
    from: usize,
    n: usize,
}

impl Tenure {
    fn of(r: &Role) -> Tenure {
        Tenure { start: r.start.map_or(0, day_key), end: r.end.map_or(u32::MAX, day_key), code: ActorCode::new(&r.code) }
    }

    /// True when the role was held on the day of key `day` ([`day_key`]):
    /// [`Role::held_on`].
    #[inline]
    pub fn held_on(&self, day: u32) -> bool {
        self.start <= day && day < self.end
    }

    /// [`role_rank`] of its code.
    #[inline]
    pub fn rank(&self) -> u8 {
        rank_of(self.code.as_bytes().get(3..6).unwrap_or_default())
    }

    /// True for an "elite" code (`…ELI`): a status, not an office.
    #[inline]
    pub fn elite(&self) -> bool {
        self.code.as_bytes().ends_with(b"ELI")
    }
}

/// Everything dyad knows, loaded.
#[derive(Debug, Default)]
pub struct Kb {
    /// Country surfaces.
    pub countries: Vec<CountryName>,
    /// Cities.
    pub cities: Vec<City>,
    /// Organisations and institutions.
    pub orgs: Vec<Org>,
    /// Persons.
    pub persons: Vec<Person>,
    /// Roles, in file order (grouped by person through `role_order`).
    pub roles: Vec<Role>,
    /// Person `p`'s roles are `role_order[r.from..r.from + r.n]` (indices
    /// into `roles`, in file order) with `r = &person_roles[p]`, and
    /// `tenures` over the same range.
    person_roles: Vec<PersonRoles>,
    role_order: Vec<usize>,
    tenures: Vec<Tenure>,
    /// 1-based line in roles.tsv of each role, parallel to `roles`.
    role_lines: Vec<usize>,
    by_id: HashMap<String, usize>,
}

macro_rules! bundled {
    ($path:literal) => {
        ($path, include_str!(concat!("../../../data/", $path)))
    };
}

/// Organisations and armed groups generated from the Phoenix dictionaries
/// (`tools/gen_groups.py`), loaded after the hand-written table.
pub const BUNDLED_GROUPS: (&str, &str) = bundled!("actors/groups.tsv");

/// The bundled data files, as (name, contents).
pub const BUNDLED: [(&str, &str); 5] = [
    bundled!("names/countries.tsv"),
    bundled!("places/cities.tsv"),
    bundled!("actors/organisations.tsv"),
    bundled!("actors/persons.tsv"),
    bundled!("actors/roles.tsv"),
];

fn opt_date(file: &str, row: &Row<'_>, i: usize, name: &str) -> Result<Option<Date>, CoreError> {
    let v = row.get(i).trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|_| field_error(file, row, name, "not a YYYY-MM-DD date"))
}

fn num<T: std::str::FromStr>(file: &str, row: &Row<'_>, i: usize, name: &str) -> Result<T, CoreError> {
    row.get(i).trim().parse().map_err(|_| field_error(file, row, name, "not a number"))
}

impl Kb {
    /// The knowledge compiled into this binary, parsed once.
    pub fn bundled() -> Result<&'static Kb, KbError> {
        static KB: OnceLock<Result<Kb, String>> = OnceLock::new();
        let r = KB.get_or_init(|| {
            let [c, ci, o, p, r] = BUNDLED;
            let mut kb = Kb::from_sources(c, ci, o, p, r).map_err(|e| e.to_string())?;
            kb.add_orgs(BUNDLED_GROUPS).map_err(|e| e.to_string())?;
            Ok(kb)
        });
        r.as_ref().map_err(|e| KbError::Data(CoreError::Data { file: "data/".into(), line: 0, what: e.clone() }))
    }

    /// Adds the organisations of a file of kind `organisations` given as
    /// (name, contents), after those already loaded.
    pub fn add_orgs(&mut self, (f, s): (&str, &str)) -> Result<(), KbError> {
        for row in tsv::rows(s, f, "organisations", 1, 3)? {
            self.orgs.push(Org { code: row.get(0).into(), lang: row.get(1).into(), surface: row.get(2).into() });
        }
        Ok(())
    }

    /// Parses the five files given as (name, contents).
    pub fn from_sources(
        countries: (&str, &str),
        cities: (&str, &str),
        orgs: (&str, &str),
        persons: (&str, &str),
        roles: (&str, &str),
    ) -> Result<Kb, KbError> {
        let mut kb = Kb::default();
        let (f, s) = countries;
        for row in tsv::rows(s, f, "countries", 1, 4)? {
            let kind = match row.get(2) {
                "name" => NameKind::Name,
                "short" => NameKind::Short,
                "demonym" => NameKind::Demonym,
                "capital" => NameKind::Capital,
                _ => return Err(field_error(f, &row, "kind", "expected name, short, demonym or capital").into()),
            };
            kb.countries.push(CountryName {
                country: row.get(0).to_string(),
                lang: row.get(1).to_string(),
                kind,
                surface: row.get(3).trim().to_string(),
            });
        }
        let (f, s) = cities;
        for row in tsv::rows(s, f, "cities", 1, 5)? {
            kb.cities.push(City {
                name: row.get(0).to_string(),
                country: row.get(1).to_string(),
                lat: num(f, &row, 2, "lat")?,
                lon: num(f, &row, 3, "lon")?,
                population: num(f, &row, 4, "population")?,
                aliases: row.get(5).split('|').filter(|a| !a.is_empty()).map(str::to_string).collect(),
            });
        }
        kb.add_orgs(orgs)?;
        let (f, s) = persons;
        for row in tsv::rows(s, f, "persons", 1, 2)? {
            let aliases = row
                .get(2)
                .split('|')
                .filter(|a| !a.is_empty())
                .map(|a| match a.split_once(':') {
                    Some((l, n)) if l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase()) => (Some(l.to_string()), n.to_string()),
                    _ => (None, a.to_string()),
                })
                .collect();
            let id = row.get(0).to_string();
            if kb.by_id.insert(id.clone(), kb.persons.len()).is_some() {
                return Err(field_error(f, &row, "id", "duplicate person id").into());
            }
            kb.persons.push(Person { id, name: row.get(1).to_string(), aliases });
        }
        let (f, s) = roles;
        for row in tsv::rows(s, f, "roles", 1, 4)? {
            let Some(&person) = kb.by_id.get(row.get(0)) else {
                return Err(field_error(f, &row, "person", "no such id in persons.tsv").into());
            };
            let role = Role {
                person,
                code: row.get(1).to_string(),
                role: row.get(2).to_string(),
                start: opt_date(f, &row, 3, "start")?,
                end: opt_date(f, &row, 4, "end")?,
                source: row.get(5).to_string(),
            };
            if role.code.len() < 3 {
                return Err(field_error(f, &row, "code", "a CAMEO actor code has at least 3 letters").into());
            }
            kb.roles.push(role);
            kb.role_lines.push(row.line);
        }
        kb.group_roles();
        Ok(kb)
    }

    /// Groups the roles by person, in file order (a counting sort), and
    /// builds their [`Tenure`]s.
    fn group_roles(&mut self) {
        let mut from = vec![0; self.persons.len() + 1];
        for r in &self.roles {
            from[r.person + 1] += 1;
        }
        for p in 0..self.persons.len() {
            from[p + 1] += from[p];
        }
        let mut next = from.clone();
        let mut order = vec![0; self.roles.len()];
        for (i, r) in self.roles.iter().enumerate() {
            order[next[r.person]] = i;
            next[r.person] += 1;
        }
        self.tenures = order.iter().map(|&i| Tenure::of(&self.roles[i])).collect();
        self.person_roles = from
            .windows(2)
            .map(|w| PersonRoles {
                first: self.tenures.get(w[0]).filter(|_| w[1] > w[0]).cloned().unwrap_or(Tenure {
                    start: 0,
                    end: 0,
                    code: ActorCode::default(),
                }),
                from: w[0],
                n: w[1] - w[0],
            })
            .collect();
        self.role_order = order;
    }

    /// The range of person `p`'s roles in `role_order` and `tenures`.
    #[inline]
    fn role_span(&self, p: usize) -> std::ops::Range<usize> {
        self.person_roles.get(p).map_or(0..0, |r| r.from..r.from + r.n)
    }

    /// Roles of person `p` (index into [`Kb::persons`]), in file order.
    pub fn roles_of(&self, p: usize) -> impl Iterator<Item = &Role> {
        self.role_order.get(self.role_span(p)).unwrap_or_default().iter().map(|&i| &self.roles[i])
    }

    /// The [`Tenure`]s of person `p`'s roles, in the order of
    /// [`Kb::roles_of`]: what the coder reads of them.
    #[inline]
    pub fn tenures(&self, p: usize) -> &[Tenure] {
        match self.person_roles.get(p) {
            Some(r) if r.n == 1 => std::slice::from_ref(&r.first),
            Some(r) => self.tenures.get(r.from..r.from + r.n).unwrap_or_default(),
            None => &[],
        }
    }

    /// Roles of person `p` held on `date`.
    pub fn roles_on(&self, p: usize, date: Date) -> impl Iterator<Item = &Role> {
        self.roles_of(p).filter(move |r| r.held_on(date))
    }

    /// Person index by id.
    pub fn person_by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Persons whose canonical name or an alias equals `name` (exact).
    pub fn persons_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.persons.iter().enumerate().filter(move |(_, p)| p.name == name || p.aliases.iter().any(|(_, a)| a == name)).map(|(i, _)| i)
    }
}

// ---------------------------------------------------------------------------
// Name search, actor codes, statistics and consistency checks.
//
// `dyad-kb` does not fold text itself: callers pass the coder's folding
// (`dyad_text::fold`) so that a name is compared exactly the way the coder
// compares it in articles.

/// A folding function: lowercase, accents stripped (`dyad_text::fold`).
pub type Fold<'a> = &'a dyn Fn(&str) -> String;

/// The comparison key of a name: `fold`ed, hyphens made spaces, runs of
/// spaces collapsed ("Ben-Gvir" and "ben  gvir" give `ben gvir`).
pub fn name_key(name: &str, fold: Fold<'_>) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for w in folded.split(|c: char| c == '-' || c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// How a name query found its persons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The query is a person id (with or without its Wikidata suffix).
    Id,
    /// The query is the canonical name or an alias.
    Name,
    /// The query ends a canonical name or an alias, at a word boundary
    /// ("Le Drian", "Shoigu").
    Surname,
}

impl MatchKind {
    /// `id`, `name` or `surname`.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Id => "id",
            MatchKind::Name => "name",
            MatchKind::Surname => "surname",
        }
    }
}

/// The persons a name query found, all of the best kind of match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatches {
    /// How they matched.
    pub kind: MatchKind,
    /// Indices into [`Kb::persons`], in file order, without duplicates.
    pub persons: Vec<usize>,
}

impl NameMatches {
    /// More than one person answers to the query: list them, do not guess.
    pub fn is_ambiguous(&self) -> bool {
        self.persons.len() > 1
    }
}

/// The [`name_key`] of every person's canonical name and aliases (see
/// [`Kb::name_index`]).
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    /// (person index, key), by person.
    keys: Vec<(usize, String)>,
}

impl NameIndex {
    /// What [`Kb::find_persons`] answers, with the keys computed once; `kb`
    /// must be the knowledge base the index was built from.
    pub fn find(&self, kb: &Kb, query: &str, fold: Fold<'_>) -> Option<NameMatches> {
        let q = query.trim();
        let key = name_key(q, fold);
        if key.is_empty() {
            return None;
        }
        let by_id = |id: &str| {
            id == q
                || id
                    .strip_prefix(q)
                    .and_then(|r| r.strip_prefix("-Q"))
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        let ids: Vec<usize> = (0..kb.persons.len()).filter(|&i| by_id(&kb.persons[i].id)).collect();
        if !ids.is_empty() {
            return Some(NameMatches { kind: MatchKind::Id, persons: ids });
        }
        let suffix = format!(" {key}");
        let mut names: Vec<usize> = Vec::new();
        let mut surnames: Vec<usize> = Vec::new();
        for (p, k) in &self.keys {
            if *k == key {
                if names.last() != Some(p) {
                    names.push(*p);
                }
            } else if k.ends_with(&suffix) && surnames.last() != Some(p) {
                surnames.push(*p);
            }
        }
        if !names.is_empty() {
            Some(NameMatches { kind: MatchKind::Name, persons: names })
        } else if !surnames.is_empty() {
            Some(NameMatches { kind: MatchKind::Surname, persons: surnames })
        } else {
            None
        }
    }
}

/// Rank of a role code when a person holds several on a date, as the coder
/// ranks them: government, then military, legislature, judiciary, the rest.
pub fn role_rank(code: &str) -> u8 {
    rank_of(code.get(3..6).unwrap_or("").as_bytes())
}

/// [`role_rank`] of the agent `g` (a code's bytes 3 to 6).
#[inline]
fn rank_of(g: &[u8]) -> u8 {
    match g {
        b"GOV" => 0,
        b"MIL" => 1,
        b"LEG" => 2,
        b"JUD" => 3,
        _ => 4,
    }
}

/// True for "elite (former or future office-holder)" roles (`…ELI`): a
/// status, not an office.
pub fn is_elite(r: &Role) -> bool {
    r.code.ends_with("ELI") || r.role.starts_with("elite")
}

/// Figures about the loaded knowledge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KbStats {
    /// Persons.
    pub persons: usize,
    /// Roles.
    pub roles: usize,
    /// Aliases per language tag (`""` = untagged).
    pub aliases_by_lang: BTreeMap<String, usize>,
    /// Distinct country codes (first three letters) of role codes.
    pub role_countries: BTreeSet<String>,
    /// Roles per source tag (`curated:<url>` counts as `curated`).
    pub roles_by_source: BTreeMap<String, usize>,
    /// Persons with at least one role with a start or an end date.
    pub persons_with_dated_role: usize,
    /// Distinct country codes of the country names file.
    pub name_countries: usize,
    /// Country surfaces (names, short names, demonyms, capitals).
    pub country_names: usize,
    /// Languages of the country surfaces.
    pub name_langs: usize,
    /// Cities of the gazetteer.
    pub cities: usize,
    /// City aliases.
    pub city_aliases: usize,
    /// Organisation surfaces.
    pub orgs: usize,
    /// Distinct organisation codes.
    pub org_codes: usize,
}

/// The short tag of a role source: `curated:<url>` → `curated`.
pub fn source_tag(source: &str) -> &str {
    source.split_once(':').map_or(source, |(t, _)| t)
}

/// An office only one person holds at a time in a country, as
/// [`Kb::check_roles`] recognises it from a role's description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Office {
    /// President, king, queen, emir, sultan… of the country.
    HeadOfState,
    /// Prime minister, premier, chancellor.
    HeadOfGovernment,
    /// Minister of defence.
    Defence,
    /// Minister of foreign affairs (and the US Secretary of State).
    ForeignAffairs,
    /// Minister of the interior (home affairs).
    Interior,
}

impl Office {
    /// A short English name.
    pub fn as_str(self) -> &'static str {
        match self {
            Office::HeadOfState => "head of state",
            Office::HeadOfGovernment => "head of government",
            Office::Defence => "defence minister",
            Office::ForeignAffairs => "foreign minister",
            Office::Interior => "interior minister",
        }
    }
}

/// Offices recognised by their whole (normalised) description.
const OFFICES_EXACT: &[(&str, Office)] = &[
    ("president", Office::HeadOfState),
    ("president of the republic", Office::HeadOfState),
    ("king", Office::HeadOfState),
    ("queen", Office::HeadOfState),
    ("monarch", Office::HeadOfState),
    ("emperor", Office::HeadOfState),
    ("empress", Office::HeadOfState),
    ("emir", Office::HeadOfState),
    ("amir", Office::HeadOfState),
    ("sultan", Office::HeadOfState),
    ("grand duke", Office::HeadOfState),
    ("head of state", Office::HeadOfState),
    ("prime minister", Office::HeadOfGovernment),
    ("premier", Office::HeadOfGovernment),
    ("chancellor", Office::HeadOfGovernment),
    ("head of government", Office::HeadOfGovernment),
    ("president of the government", Office::HeadOfGovernment),
];

/// Ministries, recognised by their description alone or followed by
/// " and …" (a combined portfolio).
const OFFICES_MINISTRY: &[(&str, Office)] = &[
    ("minister of defence", Office::Defence),
    ("minister of defense", Office::Defence),
    ("minister of national defence", Office::Defence),
    ("minister of national defense", Office::Defence),
    ("minister for defence", Office::Defence),
    ("minister for defense", Office::Defence),
    ("minister for national defence", Office::Defence),
    ("minister of the armed forces", Office::Defence),
    ("defence minister", Office::Defence),
    ("defense minister", Office::Defence),
    ("secretary of defense", Office::Defence),
    ("secretary of national defense", Office::Defence),
    ("secretary of national defence", Office::Defence),
    ("minister of foreign affairs", Office::ForeignAffairs),
    ("minister for foreign affairs", Office::ForeignAffairs),
    ("minister of external affairs", Office::ForeignAffairs),
    ("minister for external affairs", Office::ForeignAffairs),
    ("minister of foreign relations", Office::ForeignAffairs),
    ("minister for europe and foreign affairs", Office::ForeignAffairs),
    ("foreign minister", Office::ForeignAffairs),
    ("foreign secretary", Office::ForeignAffairs),
    ("secretary of state", Office::ForeignAffairs),
    ("secretary of foreign affairs", Office::ForeignAffairs),
    // Mexico's Secretaría de Relaciones Exteriores, as CountryInfo titles it.
    ("secretary of foreign relations", Office::ForeignAffairs),
    ("minister of international relations and cooperation", Office::ForeignAffairs),
    ("minister of interior", Office::Interior),
    ("minister of the interior", Office::Interior),
    ("minister for the interior", Office::Interior),
    ("minister of internal affairs", Office::Interior),
    ("minister of home affairs", Office::Interior),
    ("minister for home affairs", Office::Interior),
    ("interior minister", Office::Interior),
    ("home secretary", Office::Interior),
    ("secretary of the interior", Office::Interior),
    ("minister of public safety", Office::Interior),
    // Mexico's Secretaría de Gobernación (the interior ministry), as CountryInfo titles it.
    ("secretary of government", Office::Interior),
];

/// Words that make a role something other than the office itself.
const NOT_THE_OFFICE: &[&str] = &["deputy", "vice", "acting", "of state for", "elite"];

/// A problem [`Kb::check_roles`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RoleProblem {
    /// A role whose end is not after its start (index into [`Kb::roles`]).
    EndNotAfterStart(usize),
    /// Two persons holding the same single-holder office of a country at
    /// once for at least two days.
    Overlap {
        /// The office.
        office: Office,
        /// Where: a CAMEO country code, or country and entity ([`jurisdiction`]).
        country: String,
        /// The two roles (indices into [`Kb::roles`]), earlier start first.
        roles: (usize, usize),
        /// First day both were held.
        from: Date,
        /// First day they no longer were (`None`: both still held).
        to: Option<Date>,
    },
}

/// CAMEO agent (role) codes: after a country code, one of these makes a
/// national actor (`RUSGOVMIL`); any other group names a region or entity
/// of the country (`GBRVGBGOV`, the British Virgin Islands; `BIHSRPGOV`).
const AGENT_CODES: &[&str] = &[
    "GOV", "MIL", "LEG", "JUD", "OPP", "CVL", "REB", "MED", "BUS", "COP", "SPY", "EDU", "REL", "HLH", "ELI", "LAB", "AGR", "ENV", "HRI",
    "UAF", "CRM", "RAD", "REF", "PTY", "MNC", "NGO", "IGO", "DEV", "INS", "MOD", "SEP", "IMG",
];

/// The jurisdiction of a role code: its country (`RUS` for `RUSGOVMIL`), or
/// the country and entity when an entity code follows (`GBRVGB` for
/// `GBRVGBGOV`).
pub fn jurisdiction(code: &str) -> &str {
    match code.get(3..6) {
        Some(g) if !AGENT_CODES.contains(&g) => &code[..6],
        _ => code.get(..3).unwrap_or(code),
    }
}

/// Strips `prefix` and returns the rest when `s` starts with it at a word
/// boundary.
fn strip_word_prefix<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    s.strip_prefix(prefix).and_then(|r| r.strip_prefix(' '))
}

impl Kb {
    /// 1-based line in `roles.tsv` of role `i` (index into [`Kb::roles`]).
    pub fn role_line(&self, i: usize) -> usize {
        self.role_lines.get(i).copied().unwrap_or(0)
    }

    /// Persons answering to `query`, compared by [`name_key`] (so accent-,
    /// case- and hyphen-insensitively): first by id (`sergei-shoigu` finds
    /// `sergei-shoigu-Q32024`), else by canonical name or alias, else by
    /// surname (the last words of a name or alias). `None` when nothing
    /// matches. Several persons of the best kind are all returned: see
    /// [`NameMatches::is_ambiguous`]. For many look-ups, build a
    /// [`NameIndex`] once.
    pub fn find_persons(&self, query: &str, fold: Fold<'_>) -> Option<NameMatches> {
        self.name_index(fold).find(self, query, fold)
    }

    /// The comparison keys of every person's names, for
    /// [`NameIndex::find`].
    pub fn name_index(&self, fold: Fold<'_>) -> NameIndex {
        let mut keys = Vec::new();
        for (i, p) in self.persons.iter().enumerate() {
            for n in std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(|(_, a)| a.as_str())) {
                keys.push((i, name_key(n, fold)));
            }
        }
        NameIndex { keys }
    }

    /// Distinct country codes (first three letters) of person `p`'s roles,
    /// sorted.
    pub fn countries_of(&self, p: usize) -> Vec<String> {
        let set: BTreeSet<String> = self.roles_of(p).filter_map(|r| r.code.get(..3)).map(str::to_string).collect();
        set.into_iter().collect()
    }

    /// The actor code the coder gives person `p` on `date`: the code of the
    /// best-ranked role held then ([`role_rank`]: GOV before MIL before LEG…),
    /// else `<country>ELI` from the last role ended before `date` (a former
    /// office-holder), else `None`.
    pub fn actor_code_on(&self, p: usize, date: Date) -> Option<String> {
        let mut held: Vec<&Role> = self.roles_on(p, date).collect();
        if held.is_empty() {
            let mut past: Vec<&Role> = self.roles_of(p).filter(|r| r.start.is_none_or(|s| s <= date)).collect();
            past.sort_by_key(|r| r.end);
            return past.last().and_then(|r| r.code.get(..3)).map(|c| format!("{c}ELI"));
        }
        held.sort_by_key(|r| role_rank(&r.code));
        held.first().map(|r| r.code.clone())
    }

    /// Counts of what is loaded.
    pub fn stats(&self) -> KbStats {
        let mut s = KbStats { persons: self.persons.len(), roles: self.roles.len(), ..KbStats::default() };
        for p in &self.persons {
            for (lang, _) in &p.aliases {
                *s.aliases_by_lang.entry(lang.clone().unwrap_or_default()).or_default() += 1;
            }
        }
        for r in &self.roles {
            if let Some(c) = r.code.get(..3) {
                s.role_countries.insert(c.to_string());
            }
            *s.roles_by_source.entry(source_tag(&r.source).to_string()).or_default() += 1;
        }
        s.persons_with_dated_role =
            (0..self.persons.len()).filter(|&p| self.roles_of(p).any(|r| r.start.is_some() || r.end.is_some())).count();
        s.name_countries = self.countries.iter().map(|c| c.country.as_str()).collect::<BTreeSet<_>>().len();
        s.country_names = self.countries.len();
        s.name_langs = self.countries.iter().map(|c| c.lang.as_str()).collect::<BTreeSet<_>>().len();
        s.cities = self.cities.len();
        s.city_aliases = self.cities.iter().map(|c| c.aliases.len()).sum();
        s.orgs = self.orgs.len();
        s.org_codes = self.orgs.iter().map(|o| o.code.as_str()).collect::<BTreeSet<_>>().len();
        s
    }

    /// English names of each country (folded, hyphens as spaces), longest
    /// first: what a role description may name its country by.
    fn english_country_names(&self, fold: Fold<'_>) -> HashMap<&str, (Vec<String>, Vec<String>)> {
        let mut m: HashMap<&str, (Vec<String>, Vec<String>)> = HashMap::new();
        for c in self.countries.iter().filter(|c| c.lang == "en") {
            let e = m.entry(c.country.as_str()).or_default();
            match c.kind {
                NameKind::Name | NameKind::Short => e.0.push(name_key(&c.surface, fold)),
                NameKind::Demonym => e.1.push(name_key(&c.surface, fold)),
                NameKind::Capital => {}
            }
        }
        for (names, demonyms) in m.values_mut() {
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            demonyms.sort_by_key(|n| std::cmp::Reverse(n.len()));
        }
        m
    }

    /// The single-holder office a role description names for its country
    /// (`names`, `demonyms`: the country's English names, see
    /// [`Kb::english_country_names`]). A description listing several
    /// titles joined with " & " names none: such rows (CountryInfo) sum up
    /// a career, and their dates do not apply to each title.
    fn office_of(description: &str, names: &[String], demonyms: &[String], fold: Fold<'_>) -> Option<Office> {
        if description.contains(" & ") {
            return None;
        }
        let key = name_key(description, fold);
        let mut s = key.as_str();
        if let Some(i) = s.find('(') {
            s = s[..i].trim_end();
        }
        if NOT_THE_OFFICE.iter().any(|w| if w.contains(' ') { s.contains(w) } else { s.split(' ').any(|t| t == *w) }) {
            return None;
        }
        s = s.trim_start_matches("the ");
        if let Some(r) = names.iter().chain(demonyms).find_map(|n| strip_word_prefix(s, n)) {
            s = r;
        }
        if let Some(r) = names.iter().find_map(|n| {
            let r = s.strip_suffix(n.as_str())?;
            r.strip_suffix(" of the ").or_else(|| r.strip_suffix(" of "))
        }) {
            s = r;
        }
        s = strip_word_prefix(s, "federal").unwrap_or(s);
        OFFICES_EXACT.iter().chain(OFFICES_MINISTRY).find(|(o, _)| *o == s).map(|(_, o)| *o).or_else(|| {
            OFFICES_MINISTRY.iter().find(|(o, _)| strip_word_prefix(s, o).is_some_and(|r| r.starts_with("and "))).map(|(_, o)| *o)
        })
    }

    /// The single-holder office role `r` is, as [`Kb::check_roles`] sees
    /// it (none for elite roles or roles of no known country).
    pub fn office_of_role(&self, r: &Role, fold: Fold<'_>) -> Option<Office> {
        let names = self.english_country_names(fold);
        let (n, d) = names.get(r.code.get(..3)?)?;
        if is_elite(r) {
            return None;
        }
        Kb::office_of(&r.role, n, d, fold)
    }

    /// Consistency problems of the roles: (a) an end not after the start;
    /// (b) two different persons holding the same single-holder [`Office`]
    /// of the same country (or entity, see [`jurisdiction`]) for two days or
    /// more. Only roles with a start
    /// date, of a country the names file knows, and not elite, are compared;
    /// deputy, vice, acting and "of State for" roles are not the office, nor
    /// are lists of titles ("Prime Minister & Minister of Defense").
    /// Problems come in file order.
    pub fn check_roles(&self, fold: Fold<'_>) -> Vec<RoleProblem> {
        let mut out: Vec<RoleProblem> = Vec::new();
        for (i, r) in self.roles.iter().enumerate() {
            if let (Some(s), Some(e)) = (r.start, r.end) {
                if e <= s {
                    out.push(RoleProblem::EndNotAfterStart(i));
                }
            }
        }
        let names = self.english_country_names(fold);
        let mut groups: BTreeMap<(&str, Office), Vec<usize>> = BTreeMap::new();
        for (i, r) in self.roles.iter().enumerate() {
            let (Some(start), Some(country)) = (r.start, r.code.get(..3)) else { continue };
            if is_elite(r) || r.end.is_some_and(|e| e <= start) {
                continue;
            }
            let Some((n, d)) = names.get(country) else { continue };
            if let Some(o) = Kb::office_of(&r.role, n, d, fold) {
                groups.entry((jurisdiction(&r.code), o)).or_default().push(i);
            }
        }
        let mut overlaps = Vec::new();
        for ((country, office), mut rs) in groups {
            rs.sort_by_key(|&i| (self.roles[i].start, i));
            for (k, &a) in rs.iter().enumerate() {
                let ra = &self.roles[a];
                for &b in &rs[k + 1..] {
                    let rb = &self.roles[b];
                    let (Some(sa), Some(sb)) = (ra.start, rb.start) else { continue };
                    if ra.end.is_some_and(|e| e <= sb) {
                        // Sorted by start: no later role overlaps `a` either.
                        break;
                    }
                    if ra.person == rb.person {
                        continue;
                    }
                    let from = sa.max(sb);
                    let to = match (ra.end, rb.end) {
                        (Some(x), Some(y)) => Some(x.min(y)),
                        (x, y) => x.or(y),
                    };
                    if to.is_none_or(|t| t.to_days() - from.to_days() >= 2) {
                        overlaps.push(RoleProblem::Overlap { office, country: country.to_string(), roles: (a, b), from, to });
                    }
                }
            }
        }
        overlaps.sort_by_key(|p| match p {
            RoleProblem::Overlap { roles: (a, b), .. } => (self.role_line(*a), self.role_line(*b)),
            RoleProblem::EndNotAfterStart(i) => (self.role_line(*i), 0),
        });
        out.extend(overlaps);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: &str = "#dyad-format countries 1\nIRN\tfr\tdemonym\tiranienne\nIRN\ten\tname\tIran\n";
    const CI: &str = "#dyad-format cities 1\nTehran\tIRN\t35.69\t51.42\t7153309\tTéhéran|Teheran\n";
    const O: &str = "#dyad-format organisations 1\nIGOUNO\ten\tUnited Nations\n";
    const P: &str = "#dyad-format persons 1\nsergei-shoigu\tSergei Shoigu\tfr:Sergueï Choïgou|Shoygu\n";
    const R: &str = "#dyad-format roles 1\nsergei-shoigu\tRUSMIL\tMinister of Defence\t2012-11-06\t2024-05-12\tt\nsergei-shoigu\tRUSGOV\tSecretary of the Security Council\t2024-05-12\t\tt\n";

    fn kb() -> Kb {
        Kb::from_sources(("c", C), ("ci", CI), ("o", O), ("p", P), ("r", R)).unwrap()
    }

    #[test]
    fn roles_change_on_the_end_date() {
        let kb = kb();
        let p = kb.person_by_id("sergei-shoigu").unwrap();
        let on = |d: &str| kb.roles_on(p, d.parse().unwrap()).map(|r| r.code.clone()).collect::<Vec<_>>();
        assert_eq!(on("2024-05-11"), ["RUSMIL"]);
        assert_eq!(on("2024-05-12"), ["RUSGOV"]);
        assert_eq!(on("2026-01-12"), ["RUSGOV"]);
        assert_eq!(on("2010-01-01"), Vec::<String>::new());
        assert_eq!(kb.persons[p].aliases[0], (Some("fr".into()), "Sergueï Choïgou".into()));
        assert_eq!(kb.cities[0].aliases, ["Téhéran", "Teheran"]);
    }

    #[test]
    fn bad_rows_name_file_line_and_field() {
        let bad = "#dyad-format roles 1\nsergei-shoigu\tRUSMIL\tx\t2012-13-01\t\tt\n";
        let e = Kb::from_sources(("c", C), ("ci", CI), ("o", O), ("p", P), ("roles.tsv", bad)).unwrap_err();
        let e = e.to_string();
        assert!(e.contains("roles.tsv:2") && e.contains("start"), "{e}");
        let bad = "#dyad-format roles 1\nnobody\tRUSMIL\tx\t\t\tt\n";
        let e = Kb::from_sources(("c", C), ("ci", CI), ("o", O), ("p", P), ("roles.tsv", bad)).unwrap_err();
        assert!(e.to_string().contains("no such id"));
    }
    /// A small stand-in for the coder's folding (`dyad_text::fold`), which
    /// this crate does not depend on.
    pub(crate) fn test_fold(s: &str) -> String {
        s.chars()
            .flat_map(|c| c.to_lowercase())
            .map(|c| match c {
                'à' | 'á' | 'â' | 'ä' | 'ã' => "a".to_string(),
                'ç' => "c".to_string(),
                'è' | 'é' | 'ê' | 'ë' => "e".to_string(),
                'ì' | 'í' | 'î' | 'ï' | 'ı' => "i".to_string(),
                'ò' | 'ó' | 'ô' | 'ö' | 'õ' => "o".to_string(),
                'ù' | 'ú' | 'û' | 'ü' => "u".to_string(),
                'ğ' => "g".to_string(),
                'ş' => "s".to_string(),
                c => c.to_string(),
            })
            .collect()
    }

    const SEARCH_P: &str = "#dyad-format persons 1
sergei-shoigu-Q32024\tSergei Shoigu\tfr:Sergueï Choïgou|fr:Choïgou|ru:Сергей Шойгу|Shoigu
itamar-ben-gvir\tItamar Ben-Gvir\t
jean-yves-le-drian-Q559040\tJean-Yves Le Drian\t
mohammad-bagheri\tMohammad Bagheri\t
ali-bagheri-kani\tAli Bagheri Kani\tAli Bagheri
recep-tayyip-erdogan\tRecep Tayyip Erdoğan\tErdogan
mohammad-bagheri-2\tMohammad Bagheri\t
";
    const SEARCH_R: &str = "#dyad-format roles 1
sergei-shoigu-Q32024\tRUSGOVMIL\tMinister of Defence of Russia\t2012-11-06\t2024-05-12\tt
sergei-shoigu-Q32024\tRUSGOV\tSecretary of the Security Council of Russia\t2024-05-12\t\tt
sergei-shoigu-Q32024\tRUSLEG\tMember of the Duma\t2024-01-01\t2024-06-01\tt
itamar-ben-gvir\tISRGOV\tMinister of National Security of Israel\t2022-12-29\t2025-01-19\tt
mohammad-bagheri\tIRNMIL\tChief of Staff\t2016-06-28\t2025-06-13\tt
ali-bagheri-kani\tIRNGOV\tActing Minister of Foreign Affairs of Iran\t2024-05-20\t2024-08-21\tt
mohammad-bagheri-2\tIRQGOV\tx\t\t\tt
";

    fn search_kb() -> Kb {
        Kb::from_sources(("c", C), ("ci", CI), ("o", O), ("p", SEARCH_P), ("r", SEARCH_R)).unwrap()
    }

    fn ids(kb: &Kb, m: &NameMatches) -> Vec<String> {
        m.persons.iter().map(|&p| kb.persons[p].id.clone()).collect()
    }

    #[test]
    fn names_match_without_accents_case_or_hyphens() {
        let kb = search_kb();
        for q in ["Sergueï Choïgou", "SERGUEI CHOIGOU", "sergueï-choïgou", "  Sergei   Shoigu ", "choigou", "Сергей Шойгу"] {
            let m = kb.find_persons(q, &test_fold).unwrap_or_else(|| panic!("{q}"));
            assert_eq!((m.kind, ids(&kb, &m)), (MatchKind::Name, vec!["sergei-shoigu-Q32024".to_string()]), "{q}");
        }
        for q in ["Itamar Ben Gvir", "itamar ben-gvir", "Recep Tayyip Erdogan", "erdoğan"] {
            let m = kb.find_persons(q, &test_fold).unwrap_or_else(|| panic!("{q}"));
            assert_eq!(m.kind, MatchKind::Name, "{q}");
            assert!(!m.is_ambiguous(), "{q}");
        }
        assert_eq!(name_key(" Jean-Yves  LE Drian", &test_fold), "jean yves le drian");
    }

    #[test]
    fn a_unique_surname_finds_its_person() {
        let kb = search_kb();
        for (q, id) in [
            ("Ben-Gvir", "itamar-ben-gvir"),
            ("ben gvir", "itamar-ben-gvir"),
            ("le drian", "jean-yves-le-drian-Q559040"),
            ("Drian", "jean-yves-le-drian-Q559040"),
            ("Kani", "ali-bagheri-kani"),
        ] {
            let m = kb.find_persons(q, &test_fold).unwrap_or_else(|| panic!("{q}"));
            assert_eq!((m.kind, ids(&kb, &m)), (MatchKind::Surname, vec![id.to_string()]), "{q}");
        }
        // Part of a word is not a surname; a first name is not one either.
        assert!(kb.find_persons("rian", &test_fold).is_none());
        assert!(kb.find_persons("Itamar", &test_fold).is_none());
        assert!(kb.find_persons("", &test_fold).is_none());
        assert!(kb.find_persons(" - ", &test_fold).is_none());
    }

    #[test]
    fn ambiguous_names_list_every_candidate() {
        let kb = search_kb();
        // A surname shared by three persons: all of them, no guess.
        let m = kb.find_persons("Bagheri", &test_fold).unwrap();
        assert_eq!(m.kind, MatchKind::Surname);
        assert!(m.is_ambiguous());
        assert_eq!(ids(&kb, &m), ["mohammad-bagheri", "ali-bagheri-kani", "mohammad-bagheri-2"]);
        // A full name two persons share.
        let m = kb.find_persons("mohammad bagheri", &test_fold).unwrap();
        assert_eq!((m.kind, ids(&kb, &m)), (MatchKind::Name, vec!["mohammad-bagheri".to_string(), "mohammad-bagheri-2".to_string()]));
        // An alias beats a surname: "Ali Bagheri" is Ali Bagheri Kani's alias.
        let m = kb.find_persons("ali bagheri", &test_fold).unwrap();
        assert_eq!((m.kind, ids(&kb, &m)), (MatchKind::Name, vec!["ali-bagheri-kani".to_string()]));
        let countries: Vec<Vec<String>> =
            kb.find_persons("Bagheri", &test_fold).unwrap().persons.iter().map(|&p| kb.countries_of(p)).collect();
        assert_eq!(countries, [vec!["IRN".to_string()], vec!["IRN".to_string()], vec!["IRQ".to_string()]]);
    }

    #[test]
    fn ids_match_with_or_without_their_wikidata_suffix() {
        let kb = search_kb();
        for q in ["sergei-shoigu", "sergei-shoigu-Q32024"] {
            let m = kb.find_persons(q, &test_fold).unwrap();
            assert_eq!((m.kind, ids(&kb, &m)), (MatchKind::Id, vec!["sergei-shoigu-Q32024".to_string()]), "{q}");
        }
        // "mohammad-bagheri" is an id: the id wins over the name.
        let m = kb.find_persons("mohammad-bagheri", &test_fold).unwrap();
        assert_eq!((m.kind, ids(&kb, &m)), (MatchKind::Id, vec!["mohammad-bagheri".to_string()]));
    }

    #[test]
    fn actor_code_prefers_gov_then_mil_then_leg() {
        let kb = search_kb();
        let p = kb.person_by_id("sergei-shoigu-Q32024").unwrap();
        let code = |d: &str| kb.actor_code_on(p, d.parse().unwrap());
        assert_eq!(code("2024-05-11").as_deref(), Some("RUSGOVMIL"), "MIL over LEG");
        assert_eq!(code("2024-05-12").as_deref(), Some("RUSGOV"), "GOV over LEG");
        assert_eq!(code("2010-01-01"), None, "nothing before the first role");
        let b = kb.person_by_id("mohammad-bagheri").unwrap();
        assert_eq!(kb.actor_code_on(b, "2025-06-13".parse().unwrap()).as_deref(), Some("IRNELI"), "a former office-holder");
        assert_eq!(role_rank("RUSGOVMIL"), 0);
        assert_eq!(role_rank("RUSMIL"), 1);
        assert_eq!(role_rank("RUSLEG"), 2);
        assert_eq!(role_rank("RUS"), 4);
    }

    #[test]
    fn phoenix_groups_load_after_the_hand_written_table() {
        let kb = Kb::bundled().unwrap();
        let code = |name: &str| kb.orgs.iter().find(|o| o.surface == name).map(|o| o.code.as_str());
        assert_eq!(code("FARC"), Some("COLREB"), "a Phoenix MilNonState acronym");
        assert_eq!(code("Save The Children Fund"), Some("NGODEV"), "a Phoenix NGO");
        // A name in both files keeps the hand-written code, which comes first.
        let hamas: Vec<&str> = kb.orgs.iter().filter(|o| o.surface.eq_ignore_ascii_case("hamas")).map(|o| o.code.as_str()).collect();
        assert_eq!(hamas, ["PSEREBHMS"]);
        let mut k = Kb::default();
        let e = k.add_orgs(("g.tsv", "#dyad-format organisations 1\nIGO\ten\n")).unwrap_err().to_string();
        assert!(e.contains("g.tsv:2"), "{e}");
    }

    #[test]
    fn stats_count_aliases_by_language_and_sources() {
        let kb = search_kb();
        let s = kb.stats();
        assert_eq!((s.persons, s.roles), (7, 7));
        assert_eq!(s.aliases_by_lang.get("fr"), Some(&2));
        assert_eq!(s.aliases_by_lang.get("ru"), Some(&1));
        assert_eq!(s.aliases_by_lang.get(""), Some(&3));
        assert_eq!(s.role_countries.iter().map(String::as_str).collect::<Vec<_>>(), ["IRN", "IRQ", "ISR", "RUS"]);
        assert_eq!(s.roles_by_source.get("t"), Some(&7));
        assert_eq!(s.persons_with_dated_role, 4);
        assert_eq!((s.cities, s.city_aliases, s.orgs, s.name_countries), (1, 2, 1, 1));
        assert_eq!(source_tag("curated:https://x.org/a:b"), "curated");
        assert_eq!(source_tag("countryinfo"), "countryinfo");
    }

    const CHECK_C: &str = "#dyad-format countries 1
GBR\ten\tname\tUnited Kingdom
GBR\ten\tshort\tUK
USA\ten\tname\tUnited States
USA\ten\tdemonym\tAmerican
FRA\ten\tname\tFrance
MEX\ten\tname\tMexico
";
    const CHECK_P: &str = "#dyad-format persons 1
a\tA\t
b\tB\t
c\tC\t
d\tD\t
e\tE\t
";

    fn check_kb(roles: &str) -> Kb {
        let r = format!("#dyad-format roles 1\n{roles}");
        Kb::from_sources(("c", CHECK_C), ("ci", CI), ("o", O), ("p", CHECK_P), ("roles.tsv", &r)).unwrap()
    }

    fn overlaps(kb: &Kb) -> Vec<(Office, String, usize, usize)> {
        kb.check_roles(&test_fold)
            .into_iter()
            .filter_map(|p| match p {
                RoleProblem::Overlap { office, country, roles: (a, b), .. } => Some((office, country, kb.role_line(a), kb.role_line(b))),
                RoleProblem::EndNotAfterStart(_) => None,
            })
            .collect()
    }

    #[test]
    fn check_finds_two_holders_of_one_office() {
        let kb = check_kb(
            "a\tGBRGOV\tPrime Minister of the United Kingdom\t2022-10-25\t2024-07-05\tcurated:x
b\tGBRGOV\tPrime minister\t2024-07-05\t\tcountryinfo
c\tGBRGOV\tPrime Minister\t2024-07-01\t\tleaders-2026
d\tUSAGOV\tUnited States Secretary of State\t2021-01-26\t2025-01-20\tcurated:x
e\tUSAGOV\tMinister of Foreign Affairs\t2025-01-18\t\tcountryinfo
a\tUSAGOV\tSecretary of State\t2025-01-19\t\tcountryinfo
",
        );
        assert_eq!(
            overlaps(&kb),
            [
                (Office::HeadOfGovernment, "GBR".to_string(), 2, 4),
                (Office::HeadOfGovernment, "GBR".to_string(), 4, 3),
                (Office::ForeignAffairs, "USA".to_string(), 5, 6),
                (Office::ForeignAffairs, "USA".to_string(), 6, 7),
            ],
            "a same-day handover is fine (end exclusive); one day of overlap (lines 5, 7) is tolerated"
        );
        let p = kb.check_roles(&test_fold);
        let RoleProblem::Overlap { from, to, .. } = &p[0] else { panic!("{p:?}") };
        assert_eq!((from.to_string(), to.map(|t| t.to_string())), ("2024-07-01".to_string(), Some("2024-07-05".to_string())));
    }

    #[test]
    fn check_ignores_deputies_elites_lists_regions_and_undated_roles() {
        let kb = check_kb(
            "a\tGBRGOV\tPrime Minister\t2020-01-01\t\tt
b\tGBRGOV\tDeputy Prime Minister\t2020-01-01\t\tt
c\tGBRELI\tPrime Minister\t2020-01-01\t\tt
d\tGBRGOV\tPrime Minister\t\t\tt
e\tGBRVGBGOV\tPrime Minister\t2020-01-01\t\tt
b\tGBRGOV\tMinister of Foreign Affairs & Prime Minister\t2020-01-01\t\tt
c\tGBRGOV\tActing Prime Minister\t2020-01-01\t\tt
d\tGBRGOVMIL\tMinister of State for Defence\t2020-01-01\t\tt
e\tGBRGOVMIL\tMinister of Defence\t2020-01-01\t\tt
c\tGBRGOV\tVice-President\t2020-01-01\t\tt
d\tGBRGOV\tPrime Minister of Crimea\t2020-01-01\t\tt
a\tGBRGOV\tPrime Minister of the United Kingdom\t2020-01-01\t\tt
",
        );
        assert_eq!(overlaps(&kb), []);
        assert_eq!(jurisdiction("GBRVGBGOV"), "GBRVGB");
        assert_eq!(jurisdiction("RUSGOVMIL"), "RUS");
        assert_eq!(jurisdiction("RUS"), "RUS");
    }

    #[test]
    fn check_recognises_offices_by_their_description() {
        let kb = check_kb("");
        let office = |code: &str, role: &str| {
            let r = Role { person: 0, code: code.into(), role: role.into(), start: None, end: None, source: String::new() };
            kb.office_of_role(&r, &test_fold)
        };
        assert_eq!(office("FRAGOV", "President of France"), Some(Office::HeadOfState));
        assert_eq!(office("FRAGOV", "President"), Some(Office::HeadOfState));
        assert_eq!(office("FRALEG", "President of the Senate"), None);
        assert_eq!(office("GBRGOV", "Monarch"), Some(Office::HeadOfState));
        assert_eq!(office("GBRGOV", "Prime Minister of the UK"), Some(Office::HeadOfGovernment));
        assert_eq!(office("GBRGOV", "Home Secretary of the United Kingdom"), Some(Office::Interior));
        assert_eq!(office("GBRGOVMIL", "Secretary of State for Defence"), None, "of State for");
        assert_eq!(office("USAGOVMIL", "United States Secretary of Defense (Secretary of War)"), Some(Office::Defence));
        assert_eq!(office("USAGOV", "American Secretary of State"), Some(Office::ForeignAffairs));
        assert_eq!(office("FRAGOVMIL", "Minister of the Armed Forces of France"), Some(Office::Defence));
        assert_eq!(office("FRAGOV", "Minister of the Interior and Regional Development"), Some(Office::Interior));
        assert_eq!(office("FRAGOV", "Minister of Interior-Designate"), None);
        assert_eq!(office("FRAELI", "President"), None);
        assert_eq!(office("MEXGOV", "Secretary of Foreign Relations"), Some(Office::ForeignAffairs));
        assert_eq!(office("MEXGOV", "Secretary of Government"), Some(Office::Interior));
        assert_eq!(office("MEXGOV", "Secretary of the Interior of Mexico"), Some(Office::Interior));
        assert_eq!(office("IGOUNO", "President"), None, "no country");
    }

    #[test]
    fn check_reports_ends_not_after_starts() {
        let kb = check_kb(
            "a\tFRAGOV\tx\t2020-01-02\t2020-01-02\tt\nb\tFRAGOV\ty\t2020-01-02\t2020-01-01\tt\nc\tFRAGOV\tz\t2020-01-02\t2020-01-03\tt\n",
        );
        let p = kb.check_roles(&test_fold);
        assert_eq!(p, [RoleProblem::EndNotAfterStart(0), RoleProblem::EndNotAfterStart(1)]);
        assert_eq!((kb.role_line(0), kb.role_line(1)), (2, 3));
    }

    #[test]
    fn day_keys_order_like_dates() {
        let mut dates: Vec<Date> = Vec::new();
        for y in [-40_000, -32_767, -32_766, -999, -1, 0, 1, 1999, 2024, 2025, 9999, 32_766, 32_767, 40_000] {
            for (m, d) in [(1, 1), (1, 31), (2, 28), (2, 29), (3, 1), (12, 31)] {
                dates.push(Date { y, m, d });
            }
        }
        dates.push(Date { y: 2024, m: 0, d: 0 });
        dates.push(Date { y: i32::MAX, m: 255, d: 255 });
        dates.push(Date { y: i32::MIN, m: 0, d: 0 });
        for a in &dates {
            let k = day_key(*a);
            assert!(k > 0 && k < u32::MAX, "{a:?}");
            for b in &dates {
                // Order kept; strictly within the years a role may have.
                assert!(k <= day_key(*b) || a > b, "{a:?} {b:?}");
                let exact = |d: &Date| (-32_767..=32_766).contains(&d.y);
                if exact(a) && exact(b) {
                    assert_eq!(k.cmp(&day_key(*b)), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn tenures_are_the_roles_of_every_person() {
        assert_eq!(std::mem::size_of::<Tenure>(), 32, "two to a cache line");
        assert_eq!(std::mem::size_of::<PersonRoles>(), 64, "one cache line");
        let kb = Kb::bundled().unwrap();
        assert_eq!(kb.tenures(kb.persons.len()).len(), 0);
        let fixed: Vec<Date> = ["1990-01-01", "2024-02-29", "2026-01-12"].iter().map(|d| d.parse().unwrap()).collect();
        let mut dates = fixed.clone();
        for r in &kb.roles {
            for d in r.start.into_iter().chain(r.end) {
                dates.extend([d.add_days(-1), d, d.add_days(1)]);
            }
        }
        dates.sort();
        dates.dedup();
        let mut n = 0;
        for p in 0..kb.persons.len() {
            let roles: Vec<&Role> = kb.roles_of(p).collect();
            let tenures = kb.tenures(p);
            assert_eq!(roles.len(), tenures.len());
            assert!(roles.windows(2).all(|w| std::ptr::from_ref(w[0]) < std::ptr::from_ref(w[1])), "file order");
            for (r, t) in roles.iter().zip(tenures) {
                assert_eq!((r.person, r.code.as_str(), t.rank(), t.elite()), (p, &*t.code, role_rank(&r.code), r.code.ends_with("ELI")));
                // The dates around this person's roles.
                for d in r.start.into_iter().chain(r.end).flat_map(|d| [d.add_days(-1), d, d.add_days(1)]).chain(fixed.iter().copied()) {
                    let day = day_key(d);
                    assert_eq!(t.held_on(day), r.held_on(d), "{r:?} {d}");
                    assert_eq!(t.start <= day, r.start.is_none_or(|s| s <= d), "{r:?} {d}");
                    n += 1;
                }
            }
        }
        assert_eq!(kb.roles.len(), (0..kb.persons.len()).map(|p| kb.tenures(p).len()).sum::<usize>());
        assert!(n > 100_000, "{n}");
        // The role that ended last, as the coder picks a former office-holder:
        // "no end" (`u32::MAX`) is never among roles not held.
        for p in 0..kb.persons.len().min(3000) {
            for &d in dates.iter().step_by(97) {
                let day = day_key(d);
                if kb.roles_on(p, d).next().is_some() {
                    continue;
                }
                let slow = kb.roles_of(p).filter(|r| r.start.is_none_or(|s| s <= d)).max_by_key(|r| r.end).map(|r| r.code.clone());
                let fast = kb.tenures(p).iter().filter(|t| t.start <= day).max_by_key(|t| t.end).map(|t| t.code.to_string());
                assert_eq!(slow, fast, "{p} {d}");
            }
        }
    }
}
