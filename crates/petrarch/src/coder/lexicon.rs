//! The dictionaries compiled for matching: word tries for actors, agents
//! and verb forms, synonym sets expanded to word sequences, and verb blocks
//! merged by name.

use crate::actors::ActorCode;
use crate::agents::Side;
use crate::dicts::Dictionaries;
use crate::verbs::{Block, Pattern, Piece, VerbCode};
use crate::words::{form_kind, plural, verb_forms, FormKind};
use dyad_core::Date;
use std::collections::HashMap;

/// One node of a [`Trie`]: its children by word, and its value.
type Node<V> = (HashMap<Box<str>, u32>, Option<V>);

/// A trie over words.
#[derive(Debug)]
pub struct Trie<V> {
    nodes: Vec<Node<V>>,
}

impl<V> Default for Trie<V> {
    fn default() -> Trie<V> {
        Trie { nodes: vec![(HashMap::new(), None)] }
    }
}

impl<V: Default> Trie<V> {
    /// The value at `words`, created empty if absent.
    pub fn entry(&mut self, words: &[String]) -> &mut V {
        let mut n = 0usize;
        for w in words {
            let next = self.nodes[n].0.get(w.as_str()).copied();
            n = match next {
                Some(x) => x as usize,
                None => {
                    let id = self.nodes.len();
                    self.nodes.push((HashMap::new(), None));
                    self.nodes[n].0.insert(w.as_str().into(), id as u32);
                    id
                }
            };
        }
        self.nodes[n].1.get_or_insert_with(V::default)
    }
}

impl<V> Trie<V> {
    /// The longest entry starting at `words[0]`: its length and value.
    pub fn longest<'a, S: AsRef<str>>(&'a self, words: &[S]) -> Option<(usize, &'a V)> {
        let mut n = 0usize;
        let mut best = None;
        for (k, w) in words.iter().enumerate() {
            match self.nodes[n].0.get(w.as_ref()) {
                Some(&x) => n = x as usize,
                None => break,
            }
            if let Some(v) = &self.nodes[n].1 {
                best = Some((k + 1, v));
            }
        }
        best
    }
}

/// Where a verb form leads.
#[derive(Debug, Clone)]
pub struct VerbHit {
    /// Merged block index.
    pub block: u32,
    /// The verb's own code, if it has one.
    pub code: Option<VerbCode>,
    /// Base, third person, past, gerund.
    pub kind: FormKind,
    /// Written in the dictionary (base or `{...}`), not generated.
    pub explicit: bool,
    /// Definition order (a later definition wins, as in PETRARCH).
    pub order: u32,
}

/// Verb blocks with the same name, merged.
#[derive(Debug)]
pub struct MergedBlock<'d> {
    /// Name.
    pub name: String,
    /// The code of the first block with that name.
    pub code: VerbCode,
    /// Patterns of every block with that name, in file order.
    pub patterns: Vec<&'d Pattern>,
    /// File of the first block.
    pub file: &'d str,
}

/// An agent entry.
#[derive(Debug, Clone)]
pub struct AgentHit {
    /// Code without `~`.
    pub code: String,
    /// Before or after the actor code.
    pub side: Side,
}

/// Everything the coder matches against.
#[derive(Debug)]
pub struct Lexicon<'d> {
    /// The dictionaries.
    pub dicts: &'d Dictionaries,
    actors: Trie<Vec<u32>>,
    agents: Trie<Vec<AgentHit>>,
    verbs: Trie<Vec<VerbHit>>,
    /// Synonym sets as word sequences (plurals included).
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    /// Blocks merged by name.
    pub blocks: Vec<MergedBlock<'d>>,
}

fn expand_synset(name: &str, d: &Dictionaries, memo: &mut HashMap<String, Vec<Vec<String>>>, depth: usize) -> Vec<Vec<String>> {
    if let Some(v) = memo.get(name) {
        return v.clone();
    }
    let Some(s) = d.verbs.synsets.get(name) else { return Vec::new() };
    if depth > 8 {
        return Vec::new();
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    for e in &s.entries {
        // each piece gives alternatives; the entry is their concatenation
        let mut seqs: Vec<Vec<String>> = vec![Vec::new()];
        for p in &e.pieces {
            let alts: Vec<Vec<String>> = match p {
                Piece::Words(w) => vec![w.clone()],
                Piece::Syn(n) => expand_synset(n, d, memo, depth + 1),
            };
            let mut next = Vec::new();
            for s in &seqs {
                for a in &alts {
                    let mut x = s.clone();
                    x.extend(a.iter().cloned());
                    next.push(x);
                }
            }
            seqs = next;
            if seqs.len() > 4096 {
                break;
            }
        }
        let nested_only = e.pieces.len() == 1 && matches!(e.pieces[0], Piece::Syn(_));
        for s in seqs {
            if s.is_empty() {
                continue;
            }
            if !(e.no_plural || s_no_plural(s.last()) || nested_only || set_no_plural(d, name)) {
                let mut p = s.clone();
                if let Some(l) = p.last_mut() {
                    *l = plural(l);
                }
                out.push(p);
            }
            out.push(s);
        }
    }
    out.sort();
    out.dedup();
    memo.insert(name.to_string(), out.clone());
    out
}

fn s_no_plural(last: Option<&String>) -> bool {
    last.is_none_or(|w| !w.chars().any(|c| c.is_ascii_alphabetic()))
}

fn set_no_plural(d: &Dictionaries, name: &str) -> bool {
    d.verbs.synsets.get(name).is_some_and(|s| s.no_plural)
}

impl<'d> Lexicon<'d> {
    /// Compiles the dictionaries.
    pub fn new(dicts: &'d Dictionaries) -> Lexicon<'d> {
        let mut actors: Trie<Vec<u32>> = Trie::default();
        for (i, a) in dicts.actors.iter().enumerate() {
            for n in &a.names {
                let v = actors.entry(n);
                if !v.contains(&(i as u32)) {
                    v.push(i as u32);
                }
            }
        }
        let mut agents: Trie<Vec<AgentHit>> = Trie::default();
        for a in &dicts.agents {
            agents.entry(&a.words).push(AgentHit { code: a.code.clone(), side: a.side });
        }
        let mut memo = HashMap::new();
        let names: Vec<String> = dicts.verbs.synsets.keys().cloned().collect();
        for n in &names {
            expand_synset(n, dicts, &mut memo, 0);
        }
        let mut blocks: Vec<MergedBlock<'d>> = Vec::new();
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        let mut verbs: Trie<Vec<VerbHit>> = Trie::default();
        let mut order = 0u32;
        for b in &dicts.verbs.blocks {
            let bi = *by_name.entry(b.name.as_str()).or_insert_with(|| {
                blocks.push(MergedBlock { name: b.name.clone(), code: b.code.clone(), patterns: Vec::new(), file: &b.file });
                blocks.len() - 1
            });
            blocks[bi].patterns.extend(b.patterns.iter());
            add_verbs(b, bi as u32, &mut verbs, &mut order);
        }
        Lexicon { dicts, actors, agents, verbs, synsets: memo, blocks }
    }

    /// The longest actor name at the start of `words`: its length and the
    /// code on `date` (`None` when known but uncoded on that date).
    pub fn actor_at<S: AsRef<str>>(&self, words: &[S], date: Date) -> Option<(usize, Option<String>)> {
        let (len, ids) = self.actors.longest(words)?;
        let recs: Vec<&crate::actors::Actor> = ids.iter().map(|&i| &self.dicts.actors[i as usize]).collect();
        // An earlier record's dated code overrides a later one's; then the
        // first default.
        let code = recs
            .iter()
            .find_map(|a| a.dated.iter().find(|r| r.holds_on(date)).map(|r| &r.code))
            .or_else(|| recs.iter().find_map(|a| a.default.as_ref()));
        let code = match code {
            Some(ActorCode::Code(c)) => Some(c.clone()),
            _ => None,
        };
        Some((len, code))
    }

    /// The longest agent at the start of `words`.
    pub fn agent_at<S: AsRef<str>>(&self, words: &[S]) -> Option<(usize, &AgentHit)> {
        let (len, v) = self.agents.longest(words)?;
        v.last().map(|h| (len, h))
    }

    /// The longest verb form at the start of `words`, with the hit PETRARCH
    /// would use (a written form over a generated one, then the last defined).
    pub fn verb_at<S: AsRef<str>>(&self, words: &[S]) -> Option<(usize, &VerbHit)> {
        let (len, v) = self.verbs.longest(words)?;
        v.iter().max_by_key(|h| (h.explicit, h.order)).map(|h| (len, h))
    }

    /// The alternatives of a synonym set.
    pub fn synset(&self, name: &str) -> &[Vec<String>] {
        self.synsets.get(name).map_or(&[], Vec::as_slice)
    }
}

fn add_verbs(b: &Block, bi: u32, trie: &mut Trie<Vec<VerbHit>>, order: &mut u32) {
    for v in &b.verbs {
        *order += 1;
        let base = &v.base;
        let head = base.words[base.head].clone();
        let push = |words: Vec<String>, hd: usize, explicit: bool, trie: &mut Trie<Vec<VerbHit>>| {
            let kind = form_kind(&words[hd], &head);
            trie.entry(&words).push(VerbHit { block: bi, code: v.code.clone(), kind, explicit, order: *order });
        };
        push(base.words.clone(), base.head, true, trie);
        for f in &v.irregular {
            push(f.words.clone(), f.head, true, trie);
        }
        for f in verb_forms(&head).into_iter().skip(1) {
            let mut w = base.words.clone();
            w[base.head] = f;
            if v.irregular.iter().any(|x| x.words == w) {
                continue;
            }
            push(w, base.head, false, trie);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dicts::FileKind;

    #[test]
    fn compiles() {
        let verbs = "&CUR\n+DOLLAR\n+KRONER_\n&ALL\n+&CUR\n+GOLD\n--- GIVE [070] ---\nGIVE {GIVES GAVE GIVEN GIVING}\nWIRE_+TAP\n--- GIVE [070] ---\n- * &ALL [071]\n";
        let actors = "ARNOR [ARN]\n+ARNORIAN\nGOLLUM\n\t[HOB <950601]\n\t[HOBGOV 950601-990815]\nGOLLUM [XXX]\n\t[YYY 19800101-19800102]\n";
        let (d, _) = Dictionaries::from_sources(&[(FileKind::Verbs, "v", verbs), (FileKind::Actors, "a", actors)]).unwrap();
        let lx = Lexicon::new(&d);
        assert_eq!(lx.blocks.len(), 1);
        assert_eq!(lx.blocks[0].patterns.len(), 1);
        let all = lx.synset("&ALL");
        assert!(
            all.contains(&vec!["DOLLARS".to_string()])
                && all.contains(&vec!["KRONER".to_string()])
                && all.contains(&vec!["GOLDS".to_string()])
        );
        assert!(!all.contains(&vec!["KRONERS".to_string()]));
        let (n, h) = lx.verb_at(&["WIRE", "TAPPED", "X"]).unwrap();
        assert_eq!((n, h.kind), (2, FormKind::Past));
        assert_eq!(lx.verb_at(&["GAVE"]).unwrap().1.kind, FormKind::Past);
        assert_eq!(lx.verb_at(&["GIVES"]).unwrap().1.kind, FormKind::Third);
        let date = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(lx.actor_at(&["GOLLUM"], date("1995-11-01")).unwrap().1.as_deref(), Some("HOBGOV"));
        assert_eq!(
            lx.actor_at(&["GOLLUM"], date("1980-01-01")).unwrap().1.as_deref(),
            Some("HOB"),
            "the earlier record's restriction wins"
        );
        assert_eq!(lx.actor_at(&["GOLLUM"], date("2001-01-01")).unwrap().1.as_deref(), Some("XXX"));
        assert_eq!(lx.actor_at(&["ARNORIAN", "X"], date("2001-01-01")).unwrap().0, 1);
    }
}
