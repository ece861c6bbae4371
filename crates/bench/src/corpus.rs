//! The seeded corpus generator: wire-copy-like French and English articles.
//!
//! Sentences are drawn from hand-written sentence structures (meetings,
//! calls, condemnations, accusations, sanctions, agreements, protests,
//! expulsions, negated and conditional acts, questions, attributions to news
//! agencies, and a share of sentences with no event: prices, weather,
//! markets). Their slots are filled with actors from the bundled data: country
//! names, demonyms and capitals from the knowledge base, persons' names, cities,
//! and the agent nouns and titles of each language pack. A sentence already
//! written is drawn again, so no two sentences of a corpus are the same.
//!
//! Everything is derived from the seed with a SplitMix64 generator, so a seed
//! gives the same bytes on every machine.

use crate::BenchError;
use dyad_coder::CoderError;
use dyad_core::{Article, Date};
use dyad_kb::{Kb, NameKind};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// SplitMix64: small, fast, and the same everywhere.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    fn word(&mut self, v: &[&'static str]) -> &'static str {
        v[self.below(v.len())]
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + (self.next() >> 11) % (hi - lo + 1)
    }
}

/// One country as a language writes it.
#[derive(Debug, Clone)]
struct Country {
    name: String,
    /// Masculine singular demonym ("russe", "Russian").
    demonym: String,
    capital: String,
}

/// An agent noun or title, split around its complement in French
/// ("ministre" + "de la Défense", so that a demonym goes in between).
#[derive(Debug, Clone)]
struct Agent {
    head: String,
    complement: String,
    /// A person's title ("ministre"), not a body ("gouvernement").
    person: bool,
}

/// Everything one language's sentences are made of.
#[derive(Debug, Clone)]
struct Vocab {
    fr: bool,
    countries: Vec<Country>,
    agents: Vec<Agent>,
    persons: Vec<String>,
    cities: Vec<String>,
}

const WEEKDAYS_FR: &[&str] = &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const WEEKDAYS_EN: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS_FR: &[&str] =
    &["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const MONTHS_EN: &[&str] =
    &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const AGENCIES: &[&str] = &[
    "AFP",
    "Reuters",
    "AP",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "IRNA",
    "Xinhua",
    "Anadolu",
    "Saba",
    "WAFA",
    "Yonhap",
    "Kyodo",
    "ANSA",
    "EFE",
    "SANA",
    "QNA",
    "MENA",
    "Bernama",
    "PTI",
    "APS",
    "MAP",
    "Ukrinform",
    "Fars",
    "Tasnim",
    "Petra",
    "KUNA",
    "SPA",
    "WAM",
];
const TOPICS_EN: &[&str] = &[
    "regional security",
    "energy cooperation",
    "the ceasefire",
    "the exchange of prisoners",
    "border demarcation",
    "grain exports",
    "the nuclear programme",
    "humanitarian corridors",
    "trade tariffs",
    "visa rules",
];
const TOPICS_FR: &[&str] = &[
    "la sécurité régionale",
    "la coopération énergétique",
    "le cessez-le-feu",
    "l'échange de prisonniers",
    "la démarcation de la frontière",
    "les exportations de céréales",
    "le programme nucléaire",
    "les couloirs humanitaires",
    "les droits de douane",
    "le régime des visas",
];

/// English sentence structures. Slots: `{A}` `{B}` actors (subject, other
/// party), `{Ac}` `{Bc}` their countries' names, `{Ad}` `{Bd}` demonyms,
/// `{Bcap}` B's capital, `{Z}` a place, `{DAY}` a weekday, `{DATE}` a day
/// and month, `{MONTH}`, `{YEAR}`, `{N}` a count, `{X}` `{Y}` digits, `{TEMP}`,
/// `{AG}` a news agency, `{TOPIC}`.
const EN: &[&str] = &[
    "{A} met {B} in {Z} on {DAY}, the {AG} agency reported.",
    "{Ac}'s foreign minister met his {Bd} counterpart in {Z} on {DAY}, the agency reported.",
    "{A} held talks with {B} in {Z} on {DAY} on {TOPIC}.",
    "{A} spoke by telephone with {B} on {DAY}, according to {AG}.",
    "{A} condemned the {N} air strikes carried out by {B} near {Z}.",
    "{A} accused {B} of violating the ceasefire {N} times since {MONTH}.",
    "{A} did not rule out new sanctions against {B}, a spokesman said on {DAY}.",
    "If {B} attacks, {A} would respond with force, {AG} quoted officials as saying.",
    "{A} signed an agreement worth {N} million dollars with {B} in {Z} on {DAY}.",
    "{A} called on {B} to release the {N} prisoners held since {YEAR}.",
    "{A} rejected the proposal put forward by {B} on {DAY}, according to the {AG} news agency.",
    "{A} visited {Z} on {DAY}, the first trip abroad since {MONTH} {YEAR}.",
    "About {N} people protested in {Z} on {DAY} against {B}.",
    "{A} has not condemned the arrest of {N} opposition activists in {Z}.",
    "{A} said it would impose sanctions on {B} if the fighting continued.",
    "Will {A} agree to meet {B} before {DATE}?",
    "{A} may send {N} troops to {Z}, {AG} reported, citing unnamed sources.",
    "{A} expelled {N} {Bd} diplomats on {DAY}, the foreign ministry in {Z} said.",
    "{A} praised {B} for its role in the talks held in {Z} on {DATE}.",
    "{A} warned {B} against any military escalation near {Z}, {AG} reported on {DAY}.",
    "According to {AG}, {A} received {B} on {DAY} for talks on {TOPIC}.",
    "{A} said on {DAY} that {B} must withdraw its troops from the border by {DATE}.",
    "{A} denied that its forces had shelled {Z}, where {N} civilians were killed on {DAY}.",
    "{A} and {B} agreed in {Z} on {DAY} to resume talks on {TOPIC}.",
    "Inflation in {Ac} rose to {X}.{Y} percent in {MONTH}, the statistics office said.",
    "The {Z} stock exchange closed {X}.{Y} percent higher on {DAY}.",
    "Temperatures in {Z} reached {TEMP} degrees on {DAY}, the weather service said.",
    "The {Bd} parliament will debate the {YEAR} budget, which runs to {N} pages, on {DATE}.",
];

/// French sentence structures (same slots as [`EN`]). Actor phrases are
/// singular masculine ("le ministre russe de la Défense"), so the verbs agree.
const FR: &[&str] = &[
    "{A} a rencontré {B} {DAY} à {Z}, a rapporté l'agence {AG}.",
    "Le ministre {Ad} de la Défense s'est entretenu {DAY} par téléphone avec son homologue {Bd}, selon un communiqué publié à {Z}.",
    "{A} s'est entretenu par téléphone avec {B} {DAY}, selon l'agence {AG}.",
    "{A} a condamné les {N} frappes aériennes menées par {B} près de {Z}.",
    "{A} a accusé {B} d'avoir violé le cessez-le-feu à {N} reprises depuis {MONTH}.",
    "{A} n'a pas exclu de nouvelles sanctions contre {B}, a indiqué {DAY} un porte-parole.",
    "Si {B} attaquait, {A} riposterait avec fermeté, selon l'agence {AG}.",
    "{A} a signé {DAY} à {Z} un accord de {N} millions de dollars avec {B}.",
    "{A} a appelé {B} à libérer les {N} prisonniers détenus depuis {YEAR}.",
    "{A} a rejeté {DAY} la proposition présentée par {B}, selon l'agence {AG}.",
    "{A} s'est rendu {DAY} à {Z}, sa première visite à l'étranger depuis {MONTH} {YEAR}.",
    "Environ {N} personnes ont manifesté {DAY} à {Z} contre {B}.",
    "{A} n'a pas condamné l'arrestation de {N} militants de l'opposition à {Z}.",
    "{A} a menacé {B} de sanctions si les combats se poursuivaient.",
    "{A} rencontrera-t-il {B} avant le {DATE} ?",
    "{A} pourrait envoyer {N} soldats à {Z}, a rapporté {AG} en citant des sources anonymes.",
    "{A} a expulsé {DAY} {N} diplomates accusés d'espionnage au profit de {Bcap}.",
    "{A} a salué le rôle joué par {B} dans les négociations tenues à {Z} le {DATE}.",
    "{A} a mis en garde {B} contre toute escalade militaire près de {Z}, selon {AG}.",
    "Selon l'agence {AG}, {A} a reçu {DAY} {B} pour des entretiens sur {TOPIC}.",
    "{A} a déclaré {DAY} que {B} devait retirer ses troupes de la frontière d'ici le {DATE}.",
    "{A} a démenti avoir bombardé {Z}, où {N} civils ont été tués {DAY}.",
    "{A} et {B} sont convenus {DAY} à {Z} de reprendre les discussions sur {TOPIC}.",
    "L'inflation a atteint {X},{Y} % en {MONTH} à {Z}, selon l'institut de la statistique.",
    "La Bourse de {Z} a clôturé {DAY} en hausse de {X},{Y} %.",
    "Les températures ont atteint {TEMP} degrés {DAY} à {Z}, selon le service météorologique.",
    "Le Parlement {Bd} examinera le {DATE} le budget {YEAR}, un document de {N} pages.",
];

fn latin_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| (c.is_alphabetic() && (c as u32) < 0x250) || c == '-' || c == '\'')
        && !w.ends_with('-')
}

fn fold_free(s: &str) -> bool {
    s.chars().all(|c| (c.is_alphabetic() && (c as u32) < 0x250) || " -'".contains(c))
}

/// Heads of the language packs' agent nouns the generator uses: persons'
/// titles, singular and (in French) masculine or epicene, so that a
/// masculine demonym agrees ("le ministre russe de la Défense").
const FR_PERSONS: &[&str] = &[
    "ministre",
    "président",
    "chef",
    "secrétaire général",
    "secrétaire",
    "porte-parole",
    "vice-ministre",
    "vice-président",
    "premier ministre",
    "préfet",
    "gouverneur",
    "directeur",
    "émissaire",
    "sénateur",
    "procureur",
    "procureur général",
    "juge",
    "négociateur",
    "officier",
    "ambassadeur",
    "commandant",
    "conseiller",
    "diplomate",
    "député",
    "haut responsable",
    "responsable",
    "dirigeant",
    "opposant",
    "général",
    "roi",
    "prince héritier",
    "chef d'état-major",
    "envoyé spécial",
    "maire",
];
/// Heads of agent nouns for bodies ("le gouvernement russe").
const FR_BODIES: &[&str] = &["gouvernement", "ministère", "parlement", "régime", "exécutif", "état-major", "parquet", "sénat"];
/// Last words of English persons' titles ("defense minister").
const EN_PERSONS: &[&str] = &[
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "official",
    "leader",
    "secretary",
    "prosecutor",
    "judge",
    "lawmaker",
    "senator",
    "diplomat",
    "chief",
    "premier",
    "governor",
    "mayor",
    "adviser",
    "negotiator",
    "chancellor",
];
/// Last words of English agent nouns for bodies ("the Russian government").
const EN_BODIES: &[&str] =
    &["government", "ministry", "parliament", "army", "military", "navy", "cabinet", "administration", "police", "judiciary", "embassy"];

impl Vocab {
    fn new(kb: &Kb, lang: &'static str) -> Result<Vocab, BenchError> {
        let fr = lang == "fr";
        // Countries with a name, a demonym and a capital in this language,
        // first-listed forms (masculine singular for French demonyms).
        let mut countries: Vec<(String, Country)> = Vec::new();
        for c in kb.countries.iter().filter(|c| c.lang == lang) {
            let i = match countries.iter().position(|(code, _)| *code == c.country) {
                Some(i) => i,
                None => {
                    countries.push((c.country.clone(), Country { name: String::new(), demonym: String::new(), capital: String::new() }));
                    countries.len() - 1
                }
            };
            let slot = &mut countries[i].1;
            let field = match c.kind {
                NameKind::Name => &mut slot.name,
                NameKind::Demonym => &mut slot.demonym,
                NameKind::Capital => &mut slot.capital,
                NameKind::Short => continue,
            };
            if field.is_empty() && fold_free(&c.surface) {
                *field = c.surface.clone();
            }
        }
        let countries: Vec<Country> = countries
            .into_iter()
            .map(|(_, c)| c)
            .filter(|c| !c.name.is_empty() && !c.demonym.is_empty() && !c.capital.is_empty() && !c.name.contains(' '))
            .collect();
        let pack = dyad_dict::LangPack::bundled(lang).map_err(CoderError::from)?;
        let (person_heads, body_heads) = if fr { (FR_PERSONS, FR_BODIES) } else { (EN_PERSONS, EN_BODIES) };
        let agents: Vec<Agent> = pack
            .agents
            .iter()
            .filter(|a| fold_free(&a.surface) && a.surface.split(' ').count() <= 5)
            .filter_map(|a| {
                let s = a.surface.as_str();
                let (head, complement) = match [" de ", " du ", " des ", " d'"].iter().filter_map(|g| s.find(g)).min() {
                    Some(i) if fr => (&s[..i], s[i..].trim()),
                    _ => (s, ""),
                };
                // French: the whole head names the gender and number; English:
                // the last word ("defense minister").
                let key = if fr { head } else { head.rsplit(' ').next().unwrap_or(head) };
                let person = person_heads.contains(&key);
                (person || body_heads.contains(&key)).then(|| Agent { head: head.to_string(), complement: complement.to_string(), person })
            })
            .collect();
        let persons: Vec<String> = kb
            .persons
            .iter()
            .map(|p| p.name.as_str())
            .filter(|n| {
                let words: Vec<&str> = n.split(' ').collect();
                (2..=3).contains(&words.len()) && words.iter().all(|w| w.chars().count() >= 2 && latin_word(w))
            })
            .map(str::to_string)
            .collect();
        let cities: Vec<String> =
            kb.cities.iter().filter(|c| c.population >= 100_000 && latin_word(&c.name)).map(|c| c.name.clone()).collect();
        for (what, n) in [("countries", countries.len()), ("agents", agents.len()), ("persons", persons.len()), ("cities", cities.len())] {
            if n < 10 {
                return Err(BenchError::Vocabulary(format!("{lang}: only {n} {what} in the bundled data")));
            }
        }
        Ok(Vocab { fr, countries, agents, persons, cities })
    }

    /// " Name" after a person's title; nothing after a body's.
    fn name_after(&self, rng: &mut Rng, agent: &Agent) -> String {
        if agent.person {
            format!(" {}", rng.pick(&self.persons))
        } else {
            String::new()
        }
    }

    /// An actor phrase for country `c`.
    fn actor(&self, rng: &mut Rng, c: &Country) -> String {
        let agent = rng.pick(&self.agents);

        if self.fr {
            let head = if agent.head.starts_with(['a', 'e', 'é', 'i', 'o', 'u']) {
                format!("l'{}", agent.head)
            } else {
                format!("le {}", agent.head)
            };
            let title = if agent.complement.is_empty() {
                format!("{head} {}", c.demonym)
            } else {
                format!("{head} {} {}", c.demonym, agent.complement)
            };
            match rng.below(6) {
                0 | 1 => c.capital.clone(),
                2 => title,
                3 | 4 => format!("{title}{}", self.name_after(rng, agent)),
                _ => rng.pick(&self.persons).clone(),
            }
        } else {
            match rng.below(8) {
                0 => c.name.clone(),
                1 => c.capital.clone(),
                2 => format!("the {} {}", c.demonym, agent.head),
                3 => format!("{}'s {}", c.name, agent.head),
                4 | 5 => format!("{} {}{}", c.demonym, agent.head, self.name_after(rng, agent)),
                6 => format!("the {} of {}", agent.head, c.name),
                _ => rng.pick(&self.persons).clone(),
            }
        }
    }

    /// One sentence from a random structure.
    fn sentence(&self, rng: &mut Rng, year: i32, out: &mut String) {
        let templates = if self.fr { FR } else { EN };
        let t = *rng.pick(templates);
        let a = rng.pick(&self.countries);
        let mut b = rng.pick(&self.countries);
        if std::ptr::eq(a, b) {
            b = rng.pick(&self.countries);
        }
        let mut rest = t;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else { break };
            let slot = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            match slot {
                "A" => out.push_str(&self.actor(rng, a)),
                "B" => out.push_str(&self.actor(rng, b)),
                "Ac" => out.push_str(&a.name),
                "Bc" => out.push_str(&b.name),
                "Ad" => out.push_str(&a.demonym),
                "Bd" => out.push_str(&b.demonym),
                "Bcap" => out.push_str(&b.capital),
                "Z" => {
                    if rng.below(2) == 0 {
                        out.push_str(&rng.pick(&self.countries).capital);
                    } else {
                        out.push_str(rng.pick(&self.cities).as_str());
                    }
                }
                "DAY" => out.push_str(rng.word(if self.fr { WEEKDAYS_FR } else { WEEKDAYS_EN })),
                "MONTH" => out.push_str(rng.word(if self.fr { MONTHS_FR } else { MONTHS_EN })),
                "DATE" => {
                    let d = rng.range(1, 28);
                    if self.fr {
                        out.push_str(&format!("{d} {}", rng.pick(MONTHS_FR)));
                    } else {
                        out.push_str(&format!("{} {d}", rng.pick(MONTHS_EN)));
                    }
                }
                "YEAR" => out.push_str(&(year - rng.range(0, 30) as i32).to_string()),
                "N" => out.push_str(&rng.range(2, 9_999).to_string()),
                "X" => out.push_str(&rng.range(0, 9).to_string()),
                "TEMP" => out.push_str(&rng.range(1, 45).to_string()),
                "Y" => out.push_str(&rng.range(0, 9).to_string()),
                "AG" => out.push_str(rng.word(AGENCIES)),
                "TOPIC" => out.push_str(rng.word(if self.fr { TOPICS_FR } else { TOPICS_EN })),
                other => {
                    out.push('{');
                    out.push_str(other);
                    out.push('}');
                }
            }
        }
        out.push_str(rest);
    }
}

/// A generated corpus: the articles and what the generator wrote.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The articles, French and English alternating.
    pub articles: Vec<Article>,
    /// Sentences written (the count sentences/s is computed from).
    pub sentences: usize,
    /// Bytes of article text.
    pub bytes: usize,
    /// The seed.
    pub seed: u64,
}

impl Corpus {
    /// Writes the corpus as JSONL records `{"id", "lang", "date", "text"}`,
    /// the input `dyad code` reads.
    pub fn write_jsonl(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        for a in &self.articles {
            let date = a.date.map(|d| d.to_string());
            let rec = serde_json::json!({"id": a.id, "lang": a.lang, "date": date, "text": a.text});
            serde_json::to_writer(&mut *out, &rec).map_err(std::io::Error::other)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// Writes articles one at a time; remembers every sentence it wrote (as a
/// 64-bit hash) so that none is written twice.
#[derive(Debug)]
pub struct Generator {
    rng: Rng,
    seed: u64,
    vocab: [Vocab; 2],
    seen: HashSet<u64>,
    sentences: usize,
    articles: usize,
}

/// Draws of one sentence before the generator gives up (the structures
/// offer far more combinations than any corpus uses; this only bounds a
/// broken vocabulary).
const MAX_DRAWS: usize = 1_000;

impl Generator {
    /// A generator over the bundled knowledge base and language packs.
    pub fn new(seed: u64) -> Result<Generator, BenchError> {
        let kb = Kb::bundled().map_err(CoderError::from)?;
        Ok(Generator {
            rng: Rng(seed),
            seed,
            vocab: [Vocab::new(kb, "fr")?, Vocab::new(kb, "en")?],
            seen: HashSet::new(),
            sentences: 0,
            articles: 0,
        })
    }

    /// Sentences written so far.
    pub fn sentences(&self) -> usize {
        self.sentences
    }

    /// The next article (French for even, English for odd article numbers);
    /// each sentence is also given to `on_sentence` as written.
    pub fn article(&mut self, on_sentence: &mut dyn FnMut(&str)) -> Result<Article, BenchError> {
        let n = self.articles;
        self.articles += 1;
        let fr = n % 2 == 0;
        let vocab = &self.vocab[usize::from(!fr)];
        let rng = &mut self.rng;
        // A day of 2022-2026.
        let start = Date::new(2022, 1, 1).map_or(0, Date::to_days);
        let date = Date::from_days(start + rng.range(0, 5 * 365) as i64);
        let count = rng.range(4, 14) as usize;
        let mut text = String::with_capacity(count * 160);
        let mut s = String::with_capacity(256);
        for i in 0..count {
            let mut draws = 0;
            loop {
                s.clear();
                if i == 0 && rng.below(10) < 7 {
                    let place = &rng.pick(&vocab.countries).capital;
                    let ag = rng.word(AGENCIES);
                    if fr {
                        s.push_str(&format!("{place} ({ag}) {} {} {} – ", date.d, MONTHS_FR[usize::from(date.m - 1)], date.y));
                    } else {
                        s.push_str(&format!("{}, {} {} ({ag}) - ", place.to_uppercase(), MONTHS_EN[usize::from(date.m - 1)], date.d));
                    }
                }
                let at = s.len();
                vocab.sentence(rng, date.y, &mut s);
                if let Some(c) = s[at..].chars().next() {
                    let upper: String = c.to_uppercase().collect();
                    s.replace_range(at..at + c.len_utf8(), &upper);
                }
                let mut h = std::collections::hash_map::DefaultHasher::new();
                s.hash(&mut h);
                if self.seen.insert(h.finish()) {
                    break;
                }
                draws += 1;
                if draws >= MAX_DRAWS {
                    return Err(BenchError::Vocabulary(format!("no new sentence after {MAX_DRAWS} draws")));
                }
            }
            if i > 0 {
                text.push_str(if rng.below(4) == 0 { "\n\n" } else { " " });
            }
            text.push_str(&s);
            on_sentence(&s);
            self.sentences += 1;
        }
        Ok(Article {
            id: format!("bench-{}-{n}", self.seed),
            text,
            date: Some(date),
            lang: Some(if fr { "fr" } else { "en" }.to_string()),
            ..Article::default()
        })
    }
}

/// Generates at least `bytes` bytes of article text with `seed`.
pub fn generate(seed: u64, bytes: usize) -> Result<Corpus, BenchError> {
    generate_with(seed, bytes, &mut |_| {}, &mut |_| {})
}

/// [`generate`], giving each sentence to `on_sentence` as written and the
/// text bytes so far to `progress` after every article.
pub fn generate_with(
    seed: u64,
    bytes: usize,
    on_sentence: &mut dyn FnMut(&str),
    progress: &mut dyn FnMut(usize),
) -> Result<Corpus, BenchError> {
    let mut g = Generator::new(seed)?;
    let mut articles = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = g.article(on_sentence)?;
        total += a.text.len();
        articles.push(a);
        progress(total);
    }
    Ok(Corpus { articles, sentences: g.sentences(), bytes: total, seed })
}
