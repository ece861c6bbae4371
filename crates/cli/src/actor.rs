//! `dyad actor`: look persons up in the bundled knowledge base, count what
//! it holds (`--stats`) and check its roles for contradictions (`--check`).

use anyhow::{Context as _, Result};
use dyad_core::Date;
use dyad_kb::{Kb, KbStats, NameMatches, Role, RoleProblem};
use serde_json::{json, Value};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// Where the roles come from, for `file:line` references.
const ROLES_FILE: &str = "data/actors/roles.tsv";

/// Arguments of `dyad actor`.
#[derive(clap::Args)]
pub struct ActorArgs {
    /// A canonical name, alias, surname or id: "Choïgou", "shoigu",
    /// "Le Drian", "sergei-shoigu" (accents, case and hyphens do not matter;
    /// several words need no quotes).
    #[arg(value_name = "NAME", required_unless_present_any = ["stats", "check"], conflicts_with_all = ["stats", "check"])]
    name: Vec<String>,
    /// Show the role(s) held and the actor code on this date (YYYY-MM-DD);
    /// defaults to today.
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with_all = ["stats", "check"])]
    on: Option<String>,
    /// One JSON object per person (with --stats: one object).
    #[arg(long, conflicts_with = "check")]
    json: bool,
    /// Count persons, roles, aliases per language, sources, countries, cities.
    #[arg(long, conflicts_with = "check")]
    stats: bool,
    /// Check the roles: ends not after starts, and two persons holding the
    /// same single-holder office (head of state or government, defence,
    /// foreign or interior minister) of a country at once. Exit 1 when a
    /// problem is found.
    #[arg(long)]
    check: bool,
    /// With --check: exit 0 while at most N problems are found (the known
    /// ones), 1 beyond.
    #[arg(long, value_name = "N")]
    max: Option<usize>,
}

/// Runs `dyad actor`; `today` is the default for `--on`.
pub fn run(args: ActorArgs, today: Date) -> Result<ExitCode> {
    if args.max.is_some() && !args.check {
        eprintln!("dyad: error: --max goes with --check");
        return Ok(ExitCode::from(2));
    }
    let kb = Kb::bundled().context("loading the bundled knowledge base")?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let code = if args.stats {
        stats(kb, args.json, &mut out)?
    } else if args.check {
        check(kb, args.max, &mut out)?
    } else {
        let date = match args.on.as_deref().map(str::parse::<Date>) {
            None => today,
            Some(Ok(d)) => d,
            Some(Err(e)) => {
                eprintln!("dyad: error: --on: {e}");
                return Ok(ExitCode::from(2));
            }
        };
        lookup(kb, &args.name.join(" "), date, args.json, &mut out)?
    };
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("writing the answer"),
        _ => Ok(code),
    }
}

fn fold(s: &str) -> String {
    dyad_text::fold(s)
}

fn span(r: &Role) -> String {
    let s = r.start.map_or_else(|| "?".to_string(), |d| d.to_string());
    let e = r.end.map_or_else(String::new, |d| d.to_string());
    format!("[{s}, {e})")
}

fn role_json(kb: &Kb, i: usize) -> Value {
    let r = &kb.roles[i];
    json!({
        "code": r.code,
        "role": r.role,
        "start": r.start,
        "end": r.end,
        "source": r.source,
        "line": kb.role_line(i),
    })
}

/// Indices of person `p`'s roles, by start (unknown first), then end.
fn roles_sorted(kb: &Kb, p: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..kb.roles.len()).filter(|&i| kb.roles[i].person == p).collect();
    v.sort_by_key(|&i| (kb.roles[i].start, kb.roles[i].end.is_none(), kb.roles[i].end, i));
    v
}

/// Roles of `p` held on `date` that are offices (not "elite" statuses).
fn offices_on(kb: &Kb, p: usize, date: Date) -> Vec<&Role> {
    kb.roles_on(p, date).filter(|r| !dyad_kb::is_elite(r)).collect()
}

fn lookup(kb: &Kb, name: &str, date: Date, as_json: bool, out: &mut impl Write) -> Result<ExitCode> {
    let Some(found) = kb.find_persons(name, &fold) else {
        eprintln!("dyad: no person matches {name:?}");
        let key = dyad_kb::name_key(name, &fold);
        let near: Vec<&str> = if key.chars().count() >= 3 {
            kb.persons.iter().filter(|p| dyad_kb::name_key(&p.name, &fold).contains(&key)).map(|p| p.name.as_str()).take(8).collect()
        } else {
            Vec::new()
        };
        if near.is_empty() {
            eprintln!("hint: try another spelling or transliteration, a full name, or an id such as sergei-shoigu");
        } else {
            eprintln!("hint: names containing {name:?}: {}", near.join(", "));
        }
        return Ok(ExitCode::from(1));
    };
    if as_json {
        for &p in &found.persons {
            serde_json::to_writer(&mut *out, &person_json(kb, p, date, &found))?;
            writeln!(out)?;
        }
    } else if found.is_ambiguous() {
        ambiguous_text(kb, name, date, &found, out)?;
    } else {
        for &p in &found.persons {
            person_text(kb, p, date, &found, out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn person_json(kb: &Kb, p: usize, date: Date, found: &NameMatches) -> Value {
    let person = &kb.persons[p];
    let roles = roles_sorted(kb, p);
    let held: Vec<Value> =
        roles.iter().filter(|&&i| kb.roles[i].held_on(date) && !dyad_kb::is_elite(&kb.roles[i])).map(|&i| role_json(kb, i)).collect();
    json!({
        "id": person.id,
        "name": person.name,
        "match": found.kind.as_str(),
        "ambiguous": found.is_ambiguous(),
        "aliases": person.aliases.iter().map(|(l, a)| json!({"lang": l, "name": a})).collect::<Vec<_>>(),
        "countries": kb.countries_of(p),
        "roles": roles.iter().map(|&i| role_json(kb, i)).collect::<Vec<_>>(),
        "on": date,
        "held": held,
        "code": kb.actor_code_on(p, date),
    })
}

fn person_text(kb: &Kb, p: usize, date: Date, found: &NameMatches, out: &mut impl Write) -> Result<()> {
    let person = &kb.persons[p];
    let how = match found.kind {
        dyad_kb::MatchKind::Surname => "  (matched by surname)",
        _ => "",
    };
    writeln!(out, "{}  {}  [{}]{how}", person.id, person.name, kb.countries_of(p).join(" "))?;
    let aliases: Vec<String> = person.aliases.iter().map(|(l, a)| l.as_ref().map_or_else(|| a.clone(), |l| format!("{l}:{a}"))).collect();
    writeln!(out, "  aliases: {}", if aliases.is_empty() { "(none)".to_string() } else { aliases.join(" | ") })?;
    let roles = roles_sorted(kb, p);
    writeln!(out, "  roles ({}):", roles.len())?;
    for &i in &roles {
        let r = &kb.roles[i];
        writeln!(out, "    {:<25} {:<10} {}  — {} ({ROLES_FILE}:{})", span(r), r.code, r.role, r.source, kb.role_line(i))?;
    }
    let held = offices_on(kb, p, date);
    if held.is_empty() {
        writeln!(out, "  on {date}: none held")?;
    } else {
        for r in &held {
            writeln!(out, "  on {date}: {} {} {}", r.role, span(r), r.code)?;
        }
    }
    match kb.actor_code_on(p, date) {
        Some(c) if held.is_empty() => writeln!(out, "  actor code on {date}: {c} (no office held then)")?,
        Some(c) => writeln!(out, "  actor code on {date}: {c}")?,
        None => writeln!(out, "  actor code on {date}: none (no role known by then)")?,
    }
    Ok(())
}

fn ambiguous_text(kb: &Kb, name: &str, date: Date, found: &NameMatches, out: &mut impl Write) -> Result<()> {
    writeln!(out, "{name:?} is ambiguous: {} persons match by {}; give a full name or an id:", found.persons.len(), found.kind.as_str())?;
    for &p in &found.persons {
        let person = &kb.persons[p];
        let held: Vec<String> = offices_on(kb, p, date).iter().map(|r| format!("{} {}", r.code, r.role)).collect();
        let now = if held.is_empty() { format!("none held on {date}") } else { format!("on {date}: {}", held.join("; ")) };
        writeln!(out, "  {:<40} {:<32} [{}]  {now}", person.id, person.name, kb.countries_of(p).join(" "))?;
    }
    Ok(())
}

fn counts(m: &std::collections::BTreeMap<String, usize>) -> String {
    let mut v: Vec<(&String, &usize)> = m.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter().map(|(k, n)| format!("{} {n}", if k.is_empty() { "untagged" } else { k.as_str() })).collect::<Vec<_>>().join(", ")
}

fn stats(kb: &Kb, as_json: bool, out: &mut impl Write) -> Result<ExitCode> {
    let s: KbStats = kb.stats();
    let aliases: usize = s.aliases_by_lang.values().sum();
    if as_json {
        let by_lang: serde_json::Map<String, Value> =
            s.aliases_by_lang.iter().map(|(k, v)| (if k.is_empty() { "untagged".to_string() } else { k.clone() }, json!(v))).collect();
        let v = json!({
            "persons": s.persons,
            "roles": s.roles,
            "persons_with_dated_role": s.persons_with_dated_role,
            "aliases": aliases,
            "aliases_by_lang": by_lang,
            "role_countries": s.role_countries.len(),
            "roles_by_source": s.roles_by_source,
            "name_countries": s.name_countries,
            "country_names": s.country_names,
            "name_langs": s.name_langs,
            "cities": s.cities,
            "city_aliases": s.city_aliases,
            "orgs": s.orgs,
            "org_codes": s.org_codes,
        });
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "persons                  {}", s.persons)?;
    writeln!(out, "  with a dated role      {}", s.persons_with_dated_role)?;
    writeln!(out, "roles                    {}", s.roles)?;
    writeln!(out, "  by source              {}", counts(&s.roles_by_source))?;
    writeln!(out, "  countries (code[..3])  {}", s.role_countries.len())?;
    writeln!(out, "aliases                  {aliases}")?;
    writeln!(out, "  by language            {}", counts(&s.aliases_by_lang))?;
    writeln!(out, "country names            {} surfaces, {} countries, {} languages", s.country_names, s.name_countries, s.name_langs)?;
    writeln!(out, "cities                   {} ({} aliases)", s.cities, s.city_aliases)?;
    writeln!(out, "organisations            {} surfaces, {} codes", s.orgs, s.org_codes)?;
    Ok(ExitCode::SUCCESS)
}

fn role_ref(kb: &Kb, i: usize) -> String {
    let r = &kb.roles[i];
    let id = kb.persons.get(r.person).map_or("?", |p| p.id.as_str());
    format!("{ROLES_FILE}:{}  {id}  {}  {:?}  {}  {}", kb.role_line(i), r.code, r.role, span(r), r.source)
}

fn check(kb: &Kb, max: Option<usize>, out: &mut impl Write) -> Result<ExitCode> {
    let problems = kb.check_roles(&fold);
    let mut bad_dates = 0usize;
    let mut by_office: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for p in &problems {
        match p {
            RoleProblem::EndNotAfterStart(i) => {
                bad_dates += 1;
                writeln!(out, "{ROLES_FILE}:{}: end not after start", kb.role_line(*i))?;
                writeln!(out, "    {}", role_ref(kb, *i))?;
            }
            RoleProblem::Overlap { office, country, roles: (a, b), from, to } => {
                *by_office.entry(office.as_str()).or_default() += 1;
                let until =
                    to.map_or_else(|| "still both held".to_string(), |t| format!("until {t} ({} days)", t.to_days() - from.to_days()));
                writeln!(
                    out,
                    "{ROLES_FILE}:{}: two holders of {} of {country} at once, from {from} {until}",
                    kb.role_line(*a),
                    office.as_str()
                )?;
                writeln!(out, "    {}", role_ref(kb, *a))?;
                writeln!(out, "    {}", role_ref(kb, *b))?;
            }
            _ => {}
        }
    }
    let overlaps: usize = by_office.values().sum();
    let detail = if by_office.is_empty() {
        String::new()
    } else {
        format!(" ({})", by_office.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", "))
    };
    let n = problems.len();
    writeln!(
        out,
        "dyad actor --check: {n} problem(s) in {} roles: {bad_dates} ending on or before their start, {overlaps} overlapping single-holder offices{detail}",
        kb.roles.len()
    )?;
    let limit = max.unwrap_or(0);
    if n > limit {
        if max.is_some() {
            eprintln!("dyad: {n} role problems, more than the {limit} tolerated (--max {limit}): fix the new ones in data/actors/");
        }
        return Ok(ExitCode::from(1));
    }
    if n < limit {
        eprintln!("dyad: {n} role problems, fewer than --max {limit}: lower the tolerance to {n}");
    }
    Ok(ExitCode::SUCCESS)
}
