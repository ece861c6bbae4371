//! Finding and loading the dictionaries of a PETRARCH directory.

use crate::actors::{self, Actor};
use crate::agents::{self, Agent};
use crate::diag::{Diagnostic, Diags};
use crate::discards::{self, Discard};
use crate::ontology::Ontology;
use crate::verbs::{self, Elem, Piece, VerbDict};
use crate::PetrarchError;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a file in the directory is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// `*Ontology*`, `*PICO*`: the internal coding ontology.
    Ontology,
    /// `*verb*`, `CAMEO*`.
    Verbs,
    /// `*actor*` (several are merged in name order).
    Actors,
    /// `*agent*`.
    Agents,
    /// `*discard*`.
    Discards,
}

impl FileKind {
    /// Lower-case name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Ontology => "ontology",
            FileKind::Verbs => "verbs",
            FileKind::Actors => "actors",
            FileKind::Agents => "agents",
            FileKind::Discards => "discards",
        }
    }
}

/// The kind of a dictionary file from its name (case-insensitive).
pub fn kind_of(name: &str) -> Option<FileKind> {
    let l = name.to_ascii_lowercase();
    if l.contains("ontology") || l.contains("pico") {
        Some(FileKind::Ontology)
    } else if l.contains("verb") || l.starts_with("cameo") {
        Some(FileKind::Verbs)
    } else if l.contains("actor") {
        Some(FileKind::Actors)
    } else if l.contains("agent") {
        Some(FileKind::Agents)
    } else if l.contains("discard") {
        Some(FileKind::Discards)
    } else {
        None
    }
}

/// Everything read from one directory.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    /// The directory.
    pub dir: PathBuf,
    /// Files used, with their kind, in reading order.
    pub files: Vec<(FileKind, String)>,
    /// Verb blocks, patterns and synonym sets.
    pub verbs: VerbDict,
    /// Actor records, in file order (files in name order).
    pub actors: Vec<Actor>,
    /// Agent surfaces.
    pub agents: Vec<Agent>,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// The coding ontology, when the directory has one.
    pub ontology: Option<Ontology>,
    /// Files of the directory whose name matches no dictionary kind.
    pub ignored: Vec<String>,
}

/// Where an event code is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeStatus {
    /// In the loaded ontology.
    Ontology,
    /// In the CAMEO codebook (and no ontology says otherwise).
    Cameo,
    /// In neither: used as written, with a warning.
    Unknown,
}

impl Dictionaries {
    /// Reads every dictionary file of `dir`. A malformed line is skipped and
    /// comes back as an error naming `file:line`; a construct dyad does not
    /// use comes back as a warning (once per kind, with a count). Only an
    /// unreadable directory or a missing verb or actor file fails.
    pub fn load(dir: &Path) -> Result<(Dictionaries, Vec<Diagnostic>), PetrarchError> {
        let rd = std::fs::read_dir(dir).map_err(|e| PetrarchError::Io { path: dir.to_path_buf(), source: e })?;
        let mut names: Vec<String> = Vec::new();
        for e in rd {
            let e = e.map_err(|e| PetrarchError::Io { path: dir.to_path_buf(), source: e })?;
            if e.file_type().map(|t| t.is_file() || t.is_symlink()).unwrap_or(false) {
                names.push(e.file_name().to_string_lossy().into_owned());
            }
        }
        names.sort();
        let mut files = Vec::new();
        let mut ignored = Vec::new();
        for n in names {
            match kind_of(&n) {
                Some(k) => files.push((k, n)),
                None => ignored.push(n),
            }
        }
        files.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut sources = Vec::new();
        for (k, n) in &files {
            let path = dir.join(n);
            let bytes = std::fs::read(&path).map_err(|e| PetrarchError::Io { path: path.clone(), source: e })?;
            sources.push((*k, n.clone(), String::from_utf8_lossy(&bytes).into_owned()));
        }
        let refs: Vec<(FileKind, &str, &str)> = sources.iter().map(|(k, n, s)| (*k, n.as_str(), s.as_str())).collect();
        let (mut d, diags) = Dictionaries::from_sources(&refs)?;
        d.dir = dir.to_path_buf();
        d.ignored = ignored;
        Ok((d, diags))
    }

    /// Reads dictionaries from in-memory sources `(kind, file name, text)`.
    pub fn from_sources(sources: &[(FileKind, &str, &str)]) -> Result<(Dictionaries, Vec<Diagnostic>), PetrarchError> {
        let mut d = Dictionaries::default();
        let mut diags = Diags::default();
        for &(k, name, src) in sources {
            d.files.push((k, name.to_string()));
            match k {
                FileKind::Ontology => {
                    if d.ontology.is_some() {
                        diags.warn_once("second-ontology", name, 1, "a second ontology file; only the first is used");
                        continue;
                    }
                    d.ontology = Some(Ontology::read(src, name, &mut diags));
                }
                FileKind::Verbs => verbs::read(src, name, &mut d.verbs, &mut diags),
                FileKind::Actors => actors::read(src, name, &mut d.actors, &mut diags),
                FileKind::Agents => agents::read(src, name, &mut d.agents, &mut diags),
                FileKind::Discards => discards::read(src, name, &mut d.discards, &mut diags),
            }
        }
        if !sources.iter().any(|s| s.0 == FileKind::Verbs) {
            return Err(PetrarchError::Missing("verb dictionary (a file named *verb* or CAMEO*)"));
        }
        if !sources.iter().any(|s| s.0 == FileKind::Actors) {
            return Err(PetrarchError::Missing("actor dictionary (a file named *actor*)"));
        }
        d.check(&mut diags);
        Ok((d, diags.into_vec()))
    }

    /// Where `code` is defined: the ontology when one is loaded, else CAMEO.
    pub fn code_status(&self, code: &str) -> CodeStatus {
        if self.ontology.as_ref().is_some_and(|o| o.defines(code)) {
            CodeStatus::Ontology
        } else if dyad_core::codebook().get(code).is_some() {
            CodeStatus::Cameo
        } else {
            CodeStatus::Unknown
        }
    }

    /// Drops patterns naming undefined synonym sets (reported once per set),
    /// reports nested undefined sets and codes defined nowhere.
    fn check(&mut self, diags: &mut Diags) {
        let defined: BTreeSet<String> = self.verbs.synsets.keys().cloned().collect();
        let mut nested_missing = Vec::new();
        for s in self.verbs.synsets.values() {
            for e in &s.entries {
                for p in &e.pieces {
                    if let Piece::Syn(n) = p {
                        if !defined.contains(n) {
                            nested_missing.push((n.clone(), e.line));
                        }
                    }
                }
            }
        }
        let vfile = |blocks: &[verbs::Block]| blocks.first().map(|b| b.file.clone()).unwrap_or_default();
        let first_verb_file = vfile(&self.verbs.blocks);
        for (n, line) in nested_missing {
            diags.warn_once(
                &format!("undefined-synset:{n}"),
                &first_verb_file,
                line,
                format!("synonym set {n} is used but never defined; entries naming it are ignored"),
            );
        }
        // Patterns of a block without verbs can never apply.
        for b in &self.verbs.blocks {
            let verbs: usize = self.verbs.blocks.iter().filter(|x| x.name == b.name).map(|x| x.verbs.len()).sum();
            if verbs == 0 && !b.patterns.is_empty() {
                diags.warn_once(
                    &format!("no-verbs:{}", b.name),
                    &b.file,
                    b.line,
                    format!("block {} has patterns but no verbs; they never apply", b.name),
                );
            }
        }
        let onto = self.ontology.is_some();
        let mut codes_seen: BTreeSet<String> = BTreeSet::new();
        for b in &mut self.verbs.blocks {
            let file = b.file.clone();
            b.patterns.retain(|p| {
                for s in p.synsets() {
                    if !defined.contains(s) {
                        diags.warn_once(
                            &format!("undefined-synset:{s}"),
                            &file,
                            p.line,
                            format!("synonym set {s} is used but never defined; patterns naming it are ignored"),
                        );
                        return false;
                    }
                }
                true
            });
            let mut check = |code: &str, line: usize, diags: &mut Diags| {
                if !codes_seen.insert(code.to_string()) {
                    return;
                }
                let in_onto = self.ontology.as_ref().is_some_and(|o| o.defines(code));
                let in_cameo = dyad_core::codebook().get(code).is_some();
                if !in_onto && !in_cameo {
                    let whom = if onto { "the ontology nor by CAMEO" } else { "CAMEO (and no ontology file is loaded)" };
                    diags.warn_once(
                        &format!("unknown-code:{code}"),
                        &file,
                        line,
                        format!("event code {code} is defined neither by {whom}; it is emitted as written"),
                    );
                }
            };
            let codes: Vec<(String, usize)> = b
                .code
                .events()
                .map(|c| (c.to_string(), b.line))
                .chain(
                    b.verbs
                        .iter()
                        .flat_map(|v| v.code.iter().flat_map(|c| c.events().map(|e| (e.to_string(), v.line)).collect::<Vec<_>>())),
                )
                .chain(b.patterns.iter().flat_map(|p| p.code.events().map(|e| (e.to_string(), p.line)).collect::<Vec<_>>()))
                .collect();
            for (c, line) in codes {
                check(&c, line, diags);
            }
            // Elements that can never match.
            for p in &b.patterns {
                let slots = |es: &[Elem], e: &Elem| {
                    es.iter().filter(|x| *x == e).count()
                        + es.iter().map(|x| if let Elem::Pp(_, r) = x { r.iter().filter(|y| *y == e).count() } else { 0 }).sum::<usize>()
                };
                let sources = slots(&p.pre, &Elem::Source) + slots(&p.post, &Elem::Source);
                let targets = slots(&p.pre, &Elem::Target) + slots(&p.post, &Elem::Target);
                if sources > 1 || targets > 1 {
                    diags.warn_once(
                        "two-slots",
                        &b.file,
                        p.line,
                        format!("pattern `{}` has two source or two target slots; the first is used", p.text),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind_of("CAMEO.2.0.txt"), Some(FileKind::Verbs));
        assert_eq!(kind_of("PETR_Validate_verbs_2_02.txt"), Some(FileKind::Verbs));
        assert_eq!(kind_of("Phoenix.Countries.actors.txt"), Some(FileKind::Actors));
        assert_eq!(kind_of("Phoenix.agents.txt"), Some(FileKind::Agents));
        assert_eq!(kind_of("Phoenix.discards.txt"), Some(FileKind::Discards));
        assert_eq!(kind_of("PETR_Validate_Internal_Coding_Ontology_1_01.txt"), Some(FileKind::Ontology));
        assert_eq!(kind_of("my.PICO.txt"), Some(FileKind::Ontology));
        assert_eq!(kind_of("Phoenix.prepositions.txt"), None);
        assert_eq!(kind_of("LICENSE"), None);
    }
}
