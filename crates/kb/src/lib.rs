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
use dyad_core::{CoreError, Date};
use std::collections::HashMap;
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
    /// Roles, grouped by person through `person_roles`.
    pub roles: Vec<Role>,
    person_roles: Vec<Vec<usize>>,
    by_id: HashMap<String, usize>,
}

macro_rules! bundled {
    ($path:literal) => {
        ($path, include_str!(concat!("../../../data/", $path)))
    };
}

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
            Kb::from_sources(c, ci, o, p, r).map_err(|e| e.to_string())
        });
        r.as_ref().map_err(|e| KbError::Data(CoreError::Data { file: "data/".into(), line: 0, what: e.clone() }))
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
        let (f, s) = orgs;
        for row in tsv::rows(s, f, "organisations", 1, 3)? {
            kb.orgs.push(Org { code: row.get(0).into(), lang: row.get(1).into(), surface: row.get(2).into() });
        }
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
        kb.person_roles = vec![Vec::new(); kb.persons.len()];
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
            kb.person_roles[person].push(kb.roles.len());
            kb.roles.push(role);
        }
        Ok(kb)
    }

    /// Roles of person `p` (index into [`Kb::persons`]).
    pub fn roles_of(&self, p: usize) -> impl Iterator<Item = &Role> {
        self.person_roles.get(p).into_iter().flatten().map(|&i| &self.roles[i])
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
}
