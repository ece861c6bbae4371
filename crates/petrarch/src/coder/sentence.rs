//! One sentence: actors, agents and verbs found, noun-phrase chunks, verb
//! frames (subject, negation, voice), pattern matching and events.
//!
//! Without a parser, structure comes from positions: the subject is the
//! noun-phrase group just before the verb (skipping adverbs, auxiliaries,
//! appositions and time phrases), the target the first actor group after
//! it; "A and B" coordinates, "the government of X" and "X's minister"
//! attach, a past participle after "be" is passive (its source follows
//! "by"), "to V" takes the subject of the verb that governs it, "... and V"
//! the subject of the verb before.

use super::classes::{attaching_prep, class_of, nominal, Cls, BE};
use super::lexicon::{AgentHit, Lexicon, VerbHit};
use crate::agents::Side;
use crate::verbs::{Code, Elem, Pattern, Piece, VerbCode};
use crate::words::{same_noun, FormKind, Tok};
use dyad_core::Date;

/// An event found in a sentence, before it becomes a dyad event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ev {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Event code.
    pub code: String,
    /// Token range naming the source.
    pub source_toks: (usize, usize),
    /// Token range naming the target.
    pub target_toks: (usize, usize),
    /// Token range of the verb.
    pub verb_toks: (usize, usize),
    /// The pattern that gave the code (`None`: the verb's default code).
    pub pattern: Option<(String, usize)>,
    /// Coded through negation.
    pub negated: bool,
}

#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    /// `Some(code)` for an actor (`Some(None)`: known but uncoded on the date).
    actor: Option<Option<String>>,
    agent: Option<AgentHit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Verb,
    Weak,
    Noun,
}

#[derive(Debug, Clone)]
struct Cand<'l> {
    start: usize,
    end: usize,
    hit: &'l VerbHit,
    status: Status,
    over_agent: bool,
}

#[derive(Debug, Clone, Default)]
struct Chunk {
    start: usize,
    end: usize,
    actors: Vec<String>,
    null_actor: bool,
    agents: Vec<AgentHit>,
    poss: bool,
    pron: bool,
}

impl Chunk {
    fn has_actor(&self) -> bool {
        !self.actors.is_empty()
    }
}

/// A coded member of an actor group.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Member {
    code: String,
    start: usize,
    end: usize,
}

/// Coordinated actors ("Arnor, Rohan and Bree").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Group {
    start: usize,
    end: usize,
    members: Vec<Member>,
    /// First chunk of the group.
    first_chunk: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FKind {
    Finite,
    Infinitive,
    Coordinated,
}

#[derive(Debug, Clone)]
struct Frame {
    cand: usize,
    vstart: usize,
    vend: usize,
    chain: usize,
    neg: bool,
    passive: bool,
    kind: FKind,
    /// Frame this one takes its subject from (infinitive, coordinated).
    governor: Option<usize>,
    subj: Option<Group>,
    subj_span: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Default)]
struct MatchState {
    source: Option<Group>,
    target: Option<Group>,
    subj_is_target: bool,
    compound: bool,
    first_pos: usize,
    elems: usize,
    has_pre: bool,
    /// Where the first element before the verb matched (flat patterns).
    pre_first: usize,
}

/// What one frame codes, and what the interactions between frames need.
struct Out {
    evs: Vec<Ev>,
    /// A pattern changed the verb's default code.
    specific: bool,
    /// First chunk of the target group.
    target_chunk: Option<usize>,
    /// The target is the first actor after the verb (no pattern slot).
    by_default_target: bool,
}

/// The analysis of one sentence.
pub struct Analysis<'a, 'd> {
    lx: &'a Lexicon<'d>,
    w: Vec<&'a str>,
    caps: Vec<bool>,
    cls: Vec<Cls>,
    hidden: Vec<bool>,
    mention_of: Vec<Option<usize>>,
    mentions: Vec<Mention>,
    cands: Vec<Cand<'a>>,
    chunk_of: Vec<Option<usize>>,
    chunks: Vec<Chunk>,
    frames: Vec<Frame>,
}

/// Whether `code` already carries `part` as one of its three-letter
/// segments ("USAGOV" carries "GOV"; "GMWGOV" does not carry "WGO").
fn carries(code: &str, part: &str) -> bool {
    !part.is_empty() && (0..code.len()).step_by(3).any(|i| code.get(i..).is_some_and(|s| s.starts_with(part)))
}

fn mix(actor: &str, agents: &[AgentHit]) -> String {
    let mut code = actor.to_string();
    for a in agents {
        if carries(&code, &a.code) {
            continue;
        }
        match a.side {
            Side::Suffix => code.push_str(&a.code),
            Side::Prefix => code = format!("{}{code}", a.code),
        }
    }
    code
}

impl<'a, 'd> Analysis<'a, 'd> {
    /// Analyses `toks` (one sentence) on `date`.
    pub fn new(lx: &'a Lexicon<'d>, toks: &'a [Tok], date: Date) -> Analysis<'a, 'd> {
        let w: Vec<&str> = toks.iter().map(|t| t.w.as_str()).collect();
        let n = w.len();
        let mut a = Analysis {
            lx,
            cls: w.iter().map(|x| class_of(x)).collect(),
            hidden: vec![false; n],
            caps: toks.iter().map(|t| t.cap).collect(),
            w,
            mention_of: vec![None; n],
            mentions: Vec::new(),
            cands: Vec::new(),
            chunk_of: vec![None; n],
            chunks: Vec::new(),
            frames: Vec::new(),
        };
        a.hide_parentheses();
        a.find_mentions(date);
        a.find_verbs();
        a.build_chunks();
        a.build_frames();
        a
    }

    /// A short parenthesis ("the European Union (EU) agree") is read as if
    /// absent: its tokens become adverbs, invisible to chunks and frames.
    fn hide_parentheses(&mut self) {
        let n = self.w.len();
        let mut i = 0;
        while i < n {
            if self.w[i] == "(" {
                if let Some(len) = (i + 1..n.min(i + 10)).position(|k| self.w[k] == ")") {
                    let close = i + 1 + len;
                    if !(i + 1..close).any(|k| self.w[k] == "(") {
                        for k in i..=close {
                            self.cls[k] = Cls::Adv;
                            self.hidden[k] = true;
                        }
                        i = close + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    fn find_mentions(&mut self, date: Date) {
        let n = self.w.len();
        let mut i = 0;
        while i < n {
            if self.cls[i] == Cls::Punct || self.cls[i] == Cls::Comma || self.hidden[i] {
                i += 1;
                continue;
            }
            if let Some((len, code)) = self.lx.actor_at(&self.w[i..], date) {
                self.push_mention(Mention { start: i, end: i + len, actor: Some(code), agent: None });
                i += len;
                continue;
            }
            if let Some((len, hit)) = self.lx.agent_at(&self.w[i..]) {
                // a function word is not an agent on its own
                let function = len == 1 && !matches!(self.cls[i], Cls::Word | Cls::Num);
                if !function {
                    self.push_mention(Mention { start: i, end: i + len, actor: None, agent: Some(hit.clone()) });
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
    }

    fn push_mention(&mut self, m: Mention) {
        let id = self.mentions.len();
        for k in m.start..m.end {
            self.mention_of[k] = Some(id);
            self.cls[k] = if m.actor.is_some() { Cls::Actor } else { Cls::Agent };
        }
        self.mentions.push(m);
    }

    fn prev_non_adv(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k > 0 {
            k -= 1;
            if self.cls[k] != Cls::Adv {
                return Some(k);
            }
        }
        None
    }

    fn find_verbs(&mut self) {
        let n = self.w.len();
        let mut i = 0;
        while i < n {
            if matches!(self.cls[i], Cls::Actor | Cls::Punct | Cls::Comma) || self.hidden[i] {
                i += 1;
                continue;
            }
            let Some((len, hit)) = self.lx.verb_at(&self.w[i..]) else {
                i += 1;
                continue;
            };
            if (i..i + len).any(|k| self.cls[k] == Cls::Actor) {
                i += 1;
                continue;
            }
            let over_agent = (i..i + len).any(|k| self.cls[k] == Cls::Agent);
            // Function words that happen to be verb forms in some dictionary
            // ("will", "has") stay function words.
            if len == 1 && matches!(self.cls[i], Cls::Aux | Cls::Det | Cls::Prep | Cls::Conj | Cls::To | Cls::Neg | Cls::Pron | Cls::That) {
                i += 1;
                continue;
            }
            self.cands.push(Cand { start: i, end: i + len, hit, status: Status::Weak, over_agent });
            i += len;
        }
        // Context decides verb or noun.
        for c in 0..self.cands.len() {
            let cand = &self.cands[c];
            let kind = cand.hit.kind;
            let prev = self.prev_non_adv(cand.start).map(|p| self.cls[p]);
            let mut status = match prev {
                None => Status::Verb,
                Some(Cls::To | Cls::Aux | Cls::Neg | Cls::Pron | Cls::Rel | Cls::That) => Status::Verb,
                Some(Cls::Det | Cls::PossPron | Cls::Poss | Cls::Num | Cls::Prep) => Status::Noun,
                Some(Cls::Opener) => {
                    if kind == FormKind::Gerund {
                        Status::Verb
                    } else {
                        Status::Noun
                    }
                }
                Some(Cls::Actor | Cls::Agent) => Status::Verb,
                Some(Cls::Comma | Cls::Conj) => {
                    if matches!(kind, FormKind::Past | FormKind::Third) {
                        Status::Verb
                    } else {
                        Status::Weak
                    }
                }
                Some(_) => Status::Weak,
            };
            if cand.over_agent && !matches!(prev, Some(Cls::To | Cls::Aux | Cls::Neg | Cls::Pron)) {
                status = Status::Noun;
            }
            self.cands[c].status = status;
        }
        // A clause without a verb takes its first weak candidate that follows
        // a noun phrase ("Caras Galadhon's new mayor left ...").
        let boundary = |c: Cls| matches!(c, Cls::Comma | Cls::Opener | Cls::That | Cls::Rel | Cls::Punct);
        let mut seg_start = 0;
        for i in 0..=n {
            if i == n || boundary(self.cls[i]) {
                let in_seg: Vec<usize> =
                    (0..self.cands.len()).filter(|&c| self.cands[c].start >= seg_start && self.cands[c].start < i).collect();
                // an infinitive ("prepared to attend") is not the clause's verb
                let finite = |c: usize| self.prev_non_adv(self.cands[c].start).is_none_or(|p| self.cls[p] != Cls::To);
                let has_verb = in_seg.iter().any(|&c| self.cands[c].status == Status::Verb && finite(c))
                    || (seg_start..i).any(|k| self.cls[k] == Cls::Aux);
                if !has_verb {
                    if let Some(&c) = in_seg.iter().find(|&&c| {
                        self.cands[c].status == Status::Weak
                            && (seg_start..self.cands[c].start)
                                .any(|k| matches!(self.cls[k], Cls::Actor | Cls::Agent | Cls::Word | Cls::Pron))
                    }) {
                        self.cands[c].status = Status::Verb;
                    }
                }
                seg_start = i + 1;
            }
        }
        for c in &mut self.cands {
            if c.status == Status::Weak {
                c.status = Status::Noun;
            }
        }
        // A word in -ED right after a name, before a clause or phrase
        // ("Falastur noted that"), is a verb the dictionary does not know: it
        // ends the noun phrase.
        for i in 1..n {
            let w = self.w[i];
            if self.cls[i] == Cls::Word
                && w.len() > 4
                && w.ends_with("ED")
                && (matches!(self.cls[i - 1], Cls::Actor | Cls::Agent) || (self.cls[i - 1] == Cls::Word && self.caps[i - 1] && i > 1))
                && !self.cands.iter().any(|c| c.start <= i && i < c.end)
                && self.cls.get(i + 1).is_none_or(|c| {
                    matches!(
                        c,
                        Cls::That | Cls::Det | Cls::PossPron | Cls::Prep | Cls::Adv | Cls::To | Cls::Punct | Cls::Comma | Cls::Actor
                    )
                })
            {
                self.cls[i] = Cls::Verb;
            }
        }
        for ci in 0..self.cands.len() {
            let (s, e, st) = (self.cands[ci].start, self.cands[ci].end, self.cands[ci].status);
            if st == Status::Verb {
                for k in s..e {
                    self.cls[k] = Cls::Verb;
                    self.mention_of[k] = None;
                }
            }
        }
    }

    fn build_chunks(&mut self) {
        let n = self.w.len();
        let mut i = 0;
        while i < n {
            if self.cls[i] == Cls::Pron {
                self.chunk_of[i] = Some(self.chunks.len());
                self.chunks.push(Chunk { start: i, end: i + 1, pron: true, ..Chunk::default() });
                i += 1;
                continue;
            }
            if !nominal(self.cls[i]) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && nominal(self.cls[j]) {
                j += 1;
            }
            let mut ch = Chunk { start: i, end: j, ..Chunk::default() };
            let mut seen = Vec::new();
            for k in i..j {
                if self.cls[k] == Cls::Poss {
                    ch.poss = true;
                }
                if let Some(m) = self.mention_of[k] {
                    if seen.contains(&m) {
                        continue;
                    }
                    seen.push(m);
                    let men = &self.mentions[m];
                    match (&men.actor, &men.agent) {
                        (Some(Some(code)), _) => ch.actors.push(code.clone()),
                        (Some(None), _) => ch.null_actor = true,
                        (None, Some(ag)) => ch.agents.push(ag.clone()),
                        _ => {}
                    }
                }
            }
            let id = self.chunks.len();
            for k in i..j {
                self.chunk_of[k] = Some(id);
            }
            self.chunks.push(ch);
            i = j;
        }
    }

    // ------------------------------------------------------------------ groups

    /// Parses tokens `[s, e)` (noun phrases, prepositions, coordination) into
    /// coded members.
    fn parse_group(&self, s: usize, e: usize) -> Group {
        #[derive(Default, Clone)]
        struct Raw {
            head: Vec<usize>,
            pps: Vec<Vec<usize>>,
            start: usize,
            end: usize,
            headless: bool,
        }
        let mut raws: Vec<Raw> = Vec::new();
        let mut cur = Raw { start: s, end: s, ..Raw::default() };
        let mut in_pp = false;
        let mut k = s;
        while k < e {
            let c = self.cls[k];
            if let Some(ch) = self.chunk_of[k] {
                let chunk = &self.chunks[ch];
                if in_pp {
                    if let Some(pp) = cur.pps.last_mut() {
                        pp.push(ch);
                    }
                } else if cur.head.is_empty() {
                    if cur.pps.is_empty() {
                        cur.start = chunk.start;
                    } else {
                        cur.headless = true;
                    }
                    cur.head.push(ch);
                } else {
                    cur.end = k;
                    raws.push(std::mem::take(&mut cur));
                    cur.start = chunk.start;
                    cur.head.push(ch);
                }
                cur.end = chunk.end.min(e);
                k = chunk.end;
                continue;
            }
            match c {
                Cls::Prep | Cls::Opener => {
                    if cur.head.is_empty() {
                        cur.headless = true;
                    }
                    in_pp = true;
                    cur.pps.push(Vec::new());
                }
                Cls::Conj | Cls::Comma => {
                    let next_is_chunk = (k + 1..e)
                        .find(|&x| !matches!(self.cls[x], Cls::Conj | Cls::Comma | Cls::Neither | Cls::Adv))
                        .is_some_and(|x| self.chunk_of[x].is_some());
                    if in_pp && next_is_chunk && c == Cls::Conj {
                        // coordination inside the prepositional phrase
                    } else if in_pp && next_is_chunk && c == Cls::Comma && self.comma_list_continues(k, e) {
                    } else {
                        if !cur.head.is_empty() || !cur.pps.is_empty() {
                            raws.push(std::mem::take(&mut cur));
                        }
                        in_pp = false;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        if !cur.head.is_empty() || !cur.pps.is_empty() {
            raws.push(cur);
        }
        // "Ithilen's awful and evil minister": coordinated adjectives after a
        // possessive are one phrase.
        let mut i = 0;
        while i + 1 < raws.len() {
            let r = &raws[i];
            let last_tok = r.head.last().map(|&c| self.chunks[c].end - 1);
            let named_end = last_tok.is_some_and(|t| matches!(self.cls[t], Cls::Actor | Cls::Agent));
            if r.pps.is_empty() && r.head.iter().any(|&c| self.chunks[c].poss) && !named_end {
                let next = raws.remove(i + 1);
                raws[i].head.extend(next.head);
                raws[i].pps = next.pps;
                raws[i].end = next.end;
                continue;
            }
            i += 1;
        }
        enum Codes {
            Head(String, Vec<AgentHit>),
            /// (code with the head's agents, code of the phrase's actor alone)
            Pp(Vec<(String, String)>),
            AgentOnly(Vec<AgentHit>),
            Nothing,
        }
        let codes: Vec<Codes> = raws
            .iter()
            .map(|r| {
                if r.headless {
                    return Codes::Nothing;
                }
                let actors: Vec<&String> = r.head.iter().flat_map(|&c| self.chunks[c].actors.iter()).collect();
                let agents: Vec<AgentHit> = r.head.iter().flat_map(|&c| self.chunks[c].agents.iter().cloned()).collect();
                if r.head.iter().any(|&c| self.chunks[c].null_actor) && actors.is_empty() {
                    return Codes::Nothing;
                }
                if let Some(a) = actors.first() {
                    return Codes::Head((*a).clone(), agents);
                }
                for pp in &r.pps {
                    let found: Vec<(String, String)> = pp
                        .iter()
                        .filter_map(|&c| {
                            let ch = &self.chunks[c];
                            ch.actors.first().map(|a| {
                                let base = mix(a, &ch.agents);
                                (mix(&base, &agents), base)
                            })
                        })
                        .collect();
                    if !found.is_empty() {
                        return Codes::Pp(found);
                    }
                    if pp.iter().any(|&c| self.chunks[c].null_actor) {
                        return Codes::Nothing;
                    }
                }
                if agents.is_empty() {
                    Codes::Nothing
                } else {
                    Codes::AgentOnly(agents)
                }
            })
            .collect();
        let mut members = Vec::new();
        for (i, (r, c)) in raws.iter().zip(&codes).enumerate() {
            match c {
                Codes::Head(a, ags) => members.push(Member { code: mix(a, ags), start: r.start, end: r.end }),
                Codes::Pp(list) => {
                    for (code, _) in list {
                        members.push(Member { code: code.clone(), start: r.start, end: r.end });
                    }
                }
                Codes::AgentOnly(ags) => {
                    // Inherit the actor of a coordinated neighbour: the next
                    // one when it has its actors from a phrase ("lawmakers
                    // and officials in Arnor"), else the nearest.
                    let next_pp = codes.get(i + 1).and_then(|c| if let Codes::Pp(l) = c { Some(l) } else { None });
                    if let Some(list) = next_pp {
                        for (_, base) in list {
                            members.push(Member { code: mix(base, ags), start: r.start, end: r.end });
                        }
                        continue;
                    }
                    let donor = (0..i).rev().chain(i + 1..codes.len()).find(|&j| matches!(codes[j], Codes::Head(..) | Codes::Pp(_)));
                    match donor.map(|j| &codes[j]) {
                        Some(Codes::Head(a, dags)) => {
                            let keep = &dags[..dags.len().saturating_sub(1)];
                            members.push(Member { code: mix(&mix(a, keep), ags), start: r.start, end: r.end });
                        }
                        Some(Codes::Pp(list)) => {
                            for (_, base) in list {
                                members.push(Member { code: mix(base, ags), start: r.start, end: r.end });
                            }
                        }
                        _ => {}
                    }
                }
                Codes::Nothing => {}
            }
        }
        let first_chunk = (s..e).find_map(|k| self.chunk_of[k]).unwrap_or(usize::MAX);
        Group { start: s, end: e, members, first_chunk }
    }

    fn comma_list_continues(&self, comma: usize, e: usize) -> bool {
        // "in Arnor, Osgiliath and Gondor": a comma inside a phrase continues
        // a list that ends with "and"/"or" before `e`.
        let mut k = comma + 1;
        while k < e {
            match self.cls[k] {
                Cls::Conj => return true,
                Cls::Comma => {}
                Cls::Prep | Cls::Opener | Cls::Verb | Cls::Aux | Cls::That | Cls::Rel | Cls::Punct | Cls::To => return false,
                _ => {}
            }
            k += 1;
        }
        false
    }

    /// The first actor group starting at or after `from`, ending before `to`.
    fn next_actor_group(&self, from: usize, to: usize) -> Option<Group> {
        let mut ci = (from..to).find_map(|k| self.chunk_of[k].filter(|&c| self.chunks[c].start >= from))?;
        loop {
            let ch = &self.chunks[ci];
            if ch.end > to {
                return None;
            }
            if ch.null_actor && !ch.has_actor() {
                return None;
            }
            if ch.has_actor() && !ch.pron {
                let end = self.extend_coordination(ch.end, to);
                let g = self.parse_group(ch.start, end);
                if !g.members.is_empty() {
                    return Some(g);
                }
            } else if !ch.agents.is_empty() {
                // "the government of Gondor", "activists of Gonzo GMO"
                let p = ch.end;
                if p < to && self.cls[p] == Cls::Prep && matches!(self.w[p], "OF" | "IN" | "FROM" | "AT") {
                    if let Some(nc) = self.chunk_of.get(p + 1).copied().flatten() {
                        if self.chunks[nc].has_actor() {
                            let end = self.extend_coordination(self.chunks[nc].end, to);
                            let g = self.parse_group(ch.start, end);
                            if !g.members.is_empty() {
                                return Some(g);
                            }
                        }
                    }
                }
            }
            ci = (ci + 1..self.chunks.len()).find(|&c| self.chunks[c].start >= from)?;
        }
    }

    /// The last actor chunk ending at or before `before`, as a group.
    fn prev_actor_group(&self, before: usize) -> Option<Group> {
        let c = self.chunks.iter().rev().find(|c| c.end <= before && c.has_actor() && !c.pron)?;
        let g = self.parse_group(c.start, c.end);
        (!g.members.is_empty()).then_some(g)
    }

    /// Extends a group ending at `end` over ", B" / "and B" / ", and B"
    /// (stopping after the first "and"/"or").
    fn extend_coordination(&self, mut end: usize, to: usize) -> usize {
        loop {
            let mut k = end;
            let mut saw_conj = false;
            while k < to && matches!(self.cls[k], Cls::Comma | Cls::Conj | Cls::Neither) {
                if self.cls[k] == Cls::Conj {
                    saw_conj = true;
                }
                k += 1;
            }
            if k == end || k >= to {
                return end;
            }
            let Some(c) = self.chunk_of[k] else { return end };
            let ch = &self.chunks[c];
            if !(ch.has_actor() || ch.null_actor) || ch.end > to || ch.pron {
                return end;
            }
            end = ch.end;
            if saw_conj {
                return end;
            }
        }
    }

    // ------------------------------------------------------------------ frames

    fn walkable(&self, k: usize) -> bool {
        let c = self.cls[k];
        nominal(c) || matches!(c, Cls::Conj | Cls::Neither | Cls::Comma) || (c == Cls::Prep && attaching_prep(self.w[k]))
    }

    /// The subject phrase before a verb chain starting at `c`.
    fn subject_span(&self, c: usize) -> Option<(usize, usize)> {
        let mut i = c as isize - 1;
        let cls = |i: isize| self.cls[i as usize];
        loop {
            while i >= 0 && cls(i) == Cls::Adv {
                i -= 1;
            }
            if i < 0 {
                return None;
            }
            if cls(i) == Cls::Comma {
                // ", the state's fiercest foe," or ", in remarks published on Monday,"
                let mut j = i - 1;
                while j >= 0
                    && cls(j) != Cls::Comma
                    && !matches!(cls(j), Cls::Verb | Cls::Aux | Cls::That | Cls::Rel | Cls::Punct | Cls::To)
                {
                    j -= 1;
                }
                let seg_has_actor = (j + 1..i).any(|k| self.chunk_of[k as usize].is_some_and(|ch| self.chunks[ch].has_actor()));
                if j >= 0 && cls(j) == Cls::Comma && !seg_has_actor {
                    i = j - 1;
                    continue;
                }
                return None;
            }
            break;
        }
        if cls(i) == Cls::Pron {
            return Some((i as usize, i as usize + 1));
        }
        // Walk left over noun phrases, attaching prepositions and
        // coordination ("Lawmakers in Arnor and Gondor", "North Korea on
        // Thursday"); `parse_group` sorts out heads and phrases.
        let e = i as usize + 1;
        let mut k = i;
        while k >= 0 && self.walkable(k as usize) {
            k -= 1;
        }
        let s0 = (k + 1) as usize;
        let mut s = s0;
        if k >= 0 && matches!(cls(k), Cls::Verb | Cls::Aux | Cls::Prep) {
            // object of an earlier verb: only the last conjunct is the subject
            if let Some(last) = (s0..e).rev().find(|&x| matches!(self.cls[x], Cls::Conj | Cls::Comma)) {
                s = last + 1;
            }
        }
        while s < e && matches!(self.cls[s], Cls::Prep | Cls::Conj | Cls::Comma | Cls::Neither) {
            s += 1;
        }
        (s < e && (s..e).any(|x| self.chunk_of[x].is_some())).then_some((s, e))
    }

    fn build_frames(&mut self) {
        let verbs: Vec<usize> = (0..self.cands.len()).filter(|&c| self.cands[c].status == Status::Verb).collect();
        for ci in verbs {
            let (vstart, vend, kind) = (self.cands[ci].start, self.cands[ci].end, self.cands[ci].hit.kind);
            let mut k = vstart;
            let mut neg = false;
            let mut auxs: Vec<usize> = Vec::new();
            let mut to = false;
            while k > 0 {
                let j = k - 1;
                match self.cls[j] {
                    Cls::Adv => k = j,
                    Cls::Neg => {
                        neg = true;
                        k = j;
                    }
                    Cls::Aux => {
                        auxs.push(j);
                        k = j;
                    }
                    Cls::To => {
                        to = true;
                        k = j;
                        break;
                    }
                    Cls::Conj | Cls::Comma if j > 0 && self.cls[j - 1] == Cls::Adv && self.cls.get(k).is_some_and(|c| *c == Cls::Adv) => {
                        k = j
                    }
                    _ => break,
                }
            }
            let chain = k;
            let be_before = auxs.first().is_some_and(|&a| BE.contains(&self.w[a]));
            let by_after = self.w.get(vend).is_some_and(|x| *x == "BY");
            // TABARI dictionaries list past forms as verbs of their own
            // (SHOT, LEFT): after "be" they are participles too.
            let participle = kind == FormKind::Past || (kind == FormKind::Base && be_before && !self.w[vend - 1].ends_with("ING"));
            let passive = participle && (be_before || (auxs.is_empty() && !to && by_after && self.subject_span(chain).is_none()));
            let prev = self.prev_non_adv(chain).map(|p| (p, self.cls[p]));
            let last_frame = self.frames.len().checked_sub(1);
            let fkind = if to {
                FKind::Infinitive
            } else if matches!(prev, Some((_, Cls::Conj | Cls::Comma))) && last_frame.is_some() && auxs.is_empty() {
                FKind::Coordinated
            } else {
                FKind::Finite
            };
            let mut f = Frame { cand: ci, vstart, vend, chain, neg, passive, kind: fkind, governor: None, subj: None, subj_span: None };
            match fkind {
                FKind::Finite => {
                    f.subj_span = self.subject_span(chain);
                    if f.subj_span.is_none() {
                        // "..., which is ...": a relative pronoun stands for the phrase before it
                        if let Some((p, Cls::Rel)) = prev {
                            let mut q = p;
                            if q > 0 && self.cls[q - 1] == Cls::Comma {
                                q -= 1;
                            }
                            f.subj_span = self.subject_span(q);
                        }
                    }
                    f.subj = self.subject_group(f.subj_span);
                }
                FKind::Coordinated => {
                    let g = last_frame.unwrap_or(0);
                    f.governor = Some(g);
                    f.subj = self.frames[g].subj.clone();
                    f.subj_span = self.frames[g].subj_span;
                }
                FKind::Infinitive => {
                    // the verb that governs "to V": the nearest frame before it
                    // in the clause, else the nearest auxiliary's subject
                    let gov = (0..self.frames.len())
                        .rev()
                        .find(|&g| self.frames[g].vend <= chain && !self.clause_break(self.frames[g].vend, chain));
                    if let Some(g) = gov {
                        f.governor = Some(g);
                        f.subj = self.frames[g].subj.clone();
                        f.subj_span = self.frames[g].subj_span;
                    } else {
                        let mut q = chain;
                        while q > 0 && !matches!(self.cls[q - 1], Cls::Aux | Cls::That | Cls::Rel | Cls::Opener | Cls::Punct) {
                            q -= 1;
                        }
                        if q > 0 && self.cls[q - 1] == Cls::Aux {
                            let mut a = q - 1;
                            while a > 0 && matches!(self.cls[a - 1], Cls::Aux | Cls::Adv | Cls::Neg) {
                                a -= 1;
                            }
                            f.subj_span = self.subject_span(a);
                            f.subj = self.subject_group(f.subj_span);
                        }
                    }
                }
            }
            self.frames.push(f);
        }
    }

    fn clause_break(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| matches!(self.cls[k], Cls::That | Cls::Rel | Cls::Opener) || matches!(self.w[k], ";" | ":"))
    }

    /// The actor group of a subject span; a lone pronoun stands for its
    /// antecedent.
    fn subject_group(&self, span: Option<(usize, usize)>) -> Option<Group> {
        let (s, e) = span?;
        if e - s == 1 && self.cls[s] == Cls::Pron {
            self.antecedent(s)
        } else {
            Some(self.parse_group(s, e))
        }
    }

    /// What a subject pronoun stands for: the subject of the frame before
    /// it, else the first actor group of the sentence before it.
    fn antecedent(&self, p: usize) -> Option<Group> {
        if let Some(g) = self.frames.iter().rev().filter(|f| f.vend <= p).find_map(|f| f.subj.clone().filter(|g| !g.members.is_empty())) {
            return Some(g);
        }
        self.next_actor_group(0, p)
    }

    /// Where a frame's pattern words may be found: up to the next clause.
    fn pattern_end(&self, fi: usize) -> usize {
        let f = &self.frames[fi];
        let n = self.w.len();
        let next_chain = self.frames.iter().skip(fi + 1).find(|g| g.kind != FKind::Infinitive && g.chain >= f.vend).map(|g| g.chain);
        let mut k = f.vend;
        while k < n {
            if next_chain == Some(k) {
                return k;
            }
            if matches!(self.cls[k], Cls::That | Cls::Opener | Cls::Rel) || matches!(self.w[k], ";" | ":" | "." | "?" | "!") {
                return k;
            }
            if self.cls[k] == Cls::Comma && self.new_clause_after(k) {
                return k;
            }
            k += 1;
        }
        n
    }

    /// Where a frame's target may be found: to the end of the sentence, but
    /// not into ", X said" or a coordinated verb of its own.
    fn target_end(&self, fi: usize) -> usize {
        let f = &self.frames[fi];
        let n = self.w.len();
        let coord = self.frames.iter().skip(fi + 1).find(|g| g.kind == FKind::Coordinated && g.governor == Some(fi)).map(|g| g.chain);
        let mut k = f.vend;
        while k < n {
            if let Some(c) = coord {
                if k + 1 >= c {
                    return k;
                }
            }
            if matches!(self.w[k], ";" | ":") || matches!(self.cls[k], Cls::Opener | Cls::Rel) {
                return k;
            }
            if self.cls[k] == Cls::Comma && self.new_clause_after(k) {
                return k;
            }
            k += 1;
        }
        n
    }

    /// ", a senior official said" / ", officials said": after the comma, a
    /// noun phrase and then a verb.
    fn new_clause_after(&self, comma: usize) -> bool {
        let n = self.w.len();
        let mut k = comma + 1;
        let mut saw_np = false;
        while k < n && (nominal(self.cls[k]) || self.cls[k] == Cls::Adv || self.cls[k] == Cls::Pron) {
            saw_np |= self.chunk_of[k].is_some();
            k += 1;
        }
        saw_np && k < n && matches!(self.cls[k], Cls::Verb | Cls::Aux)
    }

    // ------------------------------------------------------------------ patterns

    fn tok_is(&self, k: usize, word: &str) -> bool {
        same_noun(self.w[k], word)
    }

    fn words_at(&self, p: usize, ws: &[String], end: usize) -> bool {
        p + ws.len() <= end && ws.iter().enumerate().all(|(k, x)| self.tok_is(p + k, x))
    }

    /// Length of the first alternative of `syn` at `p`.
    fn syn_at(&self, p: usize, syn: &str, end: usize) -> Option<usize> {
        self.lx
            .synset(syn)
            .iter()
            .filter(|alt| p + alt.len() <= end && alt.iter().enumerate().all(|(k, x)| self.w[p + k] == x))
            .map(Vec::len)
            .max()
    }

    fn piece_at(&self, p: usize, pc: &Piece, end: usize) -> Option<usize> {
        match pc {
            Piece::Words(ws) => self.words_at(p, ws, end).then_some(ws.len()),
            Piece::Syn(s) => self.syn_at(p, s, end),
        }
    }

    /// `{A B C}` starting at `p`: pieces in order, words between them allowed
    /// inside the noun phrase, but none before the head (the last).
    fn phrase_at(&self, p: usize, pieces: &[Piece], end: usize, allowed: &dyn Fn(usize) -> bool) -> Option<usize> {
        let mut cur = p;
        for (i, pc) in pieces.iter().enumerate() {
            if i == 0 {
                cur = p + self.piece_at(p, pc, end)?;
                continue;
            }
            let last = i + 1 == pieces.len();
            let mut q = cur;
            loop {
                if q >= end {
                    return None;
                }
                if let Some(len) = self.piece_at(q, pc, end) {
                    cur = q + len;
                    break;
                }
                if last || !(nominal(self.cls[q]) || self.cls[q] == Cls::Adv) || !allowed(q) {
                    return None;
                }
                q += 1;
            }
        }
        Some(cur)
    }

    /// An element matched at exactly `p` (after determiners): returns the end.
    fn elem_at(&self, p: usize, e: &Elem, end: usize, st: &mut MatchState, tend: usize) -> Option<usize> {
        match e {
            Elem::Words(ws) => self.words_at(p, ws, end).then_some(p + ws.len()),
            Elem::Syn(s) => self.syn_at(p, s, end).map(|l| p + l),
            Elem::Phrase(ps) => self.phrase_at(p, ps, end, &|_| true),
            Elem::Seq(ps) => {
                let mut q = p;
                for pc in ps {
                    q += self.piece_at(q, pc, end)?;
                }
                Some(q)
            }
            Elem::Source | Elem::Target => {
                let g = self.next_actor_group(p, tend)?;
                if self.chunk_of[p].is_none_or(|c| self.chunks[c].start != g.start) && g.start != p {
                    return None;
                }
                let ge = g.end;
                if *e == Elem::Source {
                    st.source.get_or_insert(g);
                } else {
                    st.target.get_or_insert(g);
                }
                Some(ge)
            }
            Elem::Skip => (p..tend).find_map(|k| self.chunk_of[k]).map(|c| self.chunks[c].end),
            Elem::Compound | Elem::Pp(..) => None,
        }
    }

    fn skip_dets(&self, mut p: usize, end: usize) -> usize {
        while p < end && matches!(self.cls[p], Cls::Det | Cls::PossPron | Cls::Num) {
            p += 1;
        }
        p
    }

    /// Matches `elems` in order from `cur`; literal words before `end`,
    /// slots before `tend`. Returns the position after the last element.
    fn match_seq(&self, elems: &[Elem], mut cur: usize, end: usize, tend: usize, st: &mut MatchState) -> Option<usize> {
        for e in elems {
            st.elems += 1;
            match e {
                Elem::Words(_) | Elem::Syn(_) | Elem::Phrase(_) | Elem::Seq(_) => {
                    let mut found = None;
                    for p in cur..end {
                        if let Some(x) = self.elem_at(p, e, end, st, tend) {
                            found = Some((p, x));
                            break;
                        }
                    }
                    let (p, x) = found?;
                    st.first_pos = st.first_pos.min(p);
                    cur = x;
                }
                Elem::Pp(prep, rest) => {
                    let mut found = None;
                    for p in cur..end {
                        if self.w[p] != prep {
                            continue;
                        }
                        let mut trial = st.clone();
                        let mut q = p + 1;
                        let mut ok = true;
                        for r in rest {
                            if *r != Elem::Skip && *r != Elem::Source && *r != Elem::Target {
                                q = self.skip_dets(q, end);
                            }
                            let lim = if matches!(r, Elem::Source | Elem::Target | Elem::Skip) { tend } else { end };
                            match self.elem_at(q, r, lim, &mut trial, tend) {
                                Some(x) => q = x,
                                None => {
                                    ok = false;
                                    break;
                                }
                            }
                        }
                        if ok {
                            found = Some((p, q, trial));
                            break;
                        }
                    }
                    let (p, q, trial) = found?;
                    *st = trial;
                    st.elems += rest.len();
                    st.first_pos = st.first_pos.min(p);
                    cur = q;
                }
                Elem::Source | Elem::Target => {
                    let g = self.next_actor_group(cur, tend)?;
                    cur = g.end;
                    if *e == Elem::Source {
                        st.source = Some(g);
                    } else {
                        st.target = Some(g);
                    }
                }
                Elem::Skip => {
                    let c = (cur..tend).find_map(|k| self.chunk_of[k])?;
                    cur = self.chunks[c].end;
                }
                Elem::Compound => st.compound = true,
            }
        }
        Some(cur)
    }

    /// TABARI/PETRARCH-1 patterns: the words before the verb are a plain
    /// sequence from the start of the sentence, with `$`/`+` taking the
    /// actor found at their place.
    fn match_flat_pre(&self, f: &Frame, p: &Pattern, st: &mut MatchState) -> Option<()> {
        let mut cur = 0;
        for e in &p.pre {
            match e {
                Elem::Compound => st.compound = compound_subject(f)?,
                Elem::Source | Elem::Target => {
                    let g = self.next_actor_group(cur, f.vstart)?;
                    st.pre_first = st.pre_first.min(g.start);
                    cur = g.end;
                    if *e == Elem::Source {
                        st.source = Some(g);
                    } else {
                        st.target = Some(g);
                    }
                }
                _ => {
                    let before = st.elems;
                    let mut probe = st.clone();
                    probe.first_pos = usize::MAX;
                    cur = self.match_seq(std::slice::from_ref(e), cur, f.vstart, f.vstart, &mut probe)?;
                    st.pre_first = st.pre_first.min(probe.first_pos);
                    st.elems = before;
                    st.source = probe.source.or(st.source.take());
                    st.target = probe.target.or(st.target.take());
                }
            }
            st.elems += 1;
        }
        Some(())
    }

    fn match_pattern(&self, fi: usize, p: &Pattern, pend: usize, tend: usize) -> Option<MatchState> {
        let f = &self.frames[fi];
        let mut st = MatchState { first_pos: usize::MAX, pre_first: usize::MAX, has_pre: !p.pre.is_empty(), ..MatchState::default() };
        if p.flat {
            self.match_flat_pre(f, p, &mut st)?;
            self.match_seq(&p.post, f.vend, pend, tend, &mut st)?;
            return Some(st);
        }
        // before the verb: literal words inside the subject phrase
        let (ss, se) = f.subj_span.unwrap_or((f.chain, f.chain));
        let mut pre_src = false;
        for e in &p.pre {
            match e {
                Elem::Compound => st.compound = compound_subject(f)?,
                Elem::Source => pre_src = true,
                Elem::Target => {
                    if pre_src {
                        // "$ ... + *": a second actor between subject and verb
                        st.target = Some(self.next_actor_group(se, f.chain)?);
                    } else {
                        st.subj_is_target = true;
                    }
                }
                Elem::Skip => {}
                Elem::Words(_) | Elem::Syn(_) | Elem::Phrase(_) | Elem::Seq(_) => {
                    let content =
                        |k: usize| !matches!(self.cls[k], Cls::Det | Cls::Conj | Cls::Neither | Cls::Prep | Cls::Comma | Cls::PossPron);
                    let found = (ss..se).any(|k| content(k) && self.elem_at(k, e, se, &mut st.clone(), se).is_some());
                    if !found {
                        return None;
                    }
                }
                Elem::Pp(..) => {
                    let start = (0..f.chain).rev().find(|&k| self.clause_break(k, k + 1)).map_or(0, |k| k + 1).min(ss);
                    self.match_seq(std::slice::from_ref(e), start, f.chain, f.chain, &mut st)?;
                }
            }
            st.elems += 1;
        }
        self.match_seq(&p.post, f.vend, pend, tend, &mut st)?;
        Some(st)
    }

    // ------------------------------------------------------------------ events

    fn passive_source(&self, f: &Frame, tend: usize) -> Option<Group> {
        for prep in [&["BY"][..], &["FROM", "IN"][..]] {
            for k in f.vend..tend {
                if prep.contains(&self.w[k]) {
                    if let Some(g) = self.next_actor_group(k + 1, tend) {
                        if self.skip_dets(k + 1, tend) == g.start || self.chunk_of[k + 1].is_some_and(|c| self.chunks[c].start == g.start) {
                            return Some(g);
                        }
                    }
                }
            }
        }
        self.next_actor_group(f.vend, tend)
    }

    /// The best pattern of a frame's block, PETRARCH2's priority: elements
    /// before the verb first, then the earliest first element, then the most
    /// elements, then file order.
    fn best_pattern(&self, fi: usize, pend: usize, tend: usize) -> Option<(MatchState, &'d Pattern)> {
        let cand = &self.cands[self.frames[fi].cand];
        let block = &self.lx.blocks[cand.hit.block as usize];
        let mut best: Option<(MatchState, &'d Pattern)> = None;
        for &p in &block.patterns {
            if let Some(st) = self.match_pattern(fi, p, pend, tend) {
                let better = match &best {
                    None => true,
                    Some((b, _)) => {
                        (st.has_pre, std::cmp::Reverse(st.first_pos), st.elems) > (b.has_pre, std::cmp::Reverse(b.first_pos), b.elems)
                    }
                };
                if better {
                    best = Some((st, p));
                }
            }
        }
        best
    }

    /// The events of one frame: its code (pattern or default), its source
    /// and target groups, negation, reverse and reciprocal events.
    fn frame_events(&self, fi: usize) -> Out {
        let f = &self.frames[fi];
        let cand = &self.cands[f.cand];
        let block = &self.lx.blocks[cand.hit.block as usize];
        let pend = self.pattern_end(fi);
        let tend = self.target_end(fi);
        let best = self.best_pattern(fi, pend, tend);
        let code: VerbCode = match &best {
            Some((_, p)) => p.code.clone(),
            None => cand.hit.code.clone().unwrap_or_else(|| block.code.clone()),
        };
        let st = best.as_ref().map(|b| b.0.clone()).unwrap_or(MatchState { pre_first: usize::MAX, ..MatchState::default() });
        let pattern = best.as_ref().map(|(_, p)| (block.file.to_string(), p.line));
        // A pattern is specific evidence when it changes the code.
        let default_code = cand.hit.code.clone().unwrap_or_else(|| block.code.clone());
        let specific = best.as_ref().is_some_and(|(_, p)| p.code != default_code);
        let mut out = Out { evs: Vec::new(), specific, target_chunk: None, by_default_target: false };
        if code.is_null() {
            return out;
        }
        let subj = f.subj.clone().filter(|g| !g.members.is_empty());
        // "Gondor's minister noted that + regretted": a target before the
        // verb that is the verb's own subject leaves the source to the
        // actor before the pattern's first word.
        let mut st = st;
        if st.source.is_none() && !f.passive {
            if let (Some(t), Some(sg)) = (&st.target, &subj) {
                if t.first_chunk == sg.first_chunk && st.pre_first != usize::MAX {
                    st.source = self.prev_actor_group(st.pre_first);
                    if st.source.is_none() {
                        return out;
                    }
                }
            }
        }
        let neg = f.neg && !best.as_ref().is_some_and(|(_, p)| pattern_negates(p, self.lx));
        let (src, tgt, default_target) = if st.compound {
            (subj.clone(), None, false)
        } else if f.passive {
            let mut src = st.source.clone().or_else(|| self.passive_source(f, tend));
            let mut tgt = st.target.clone().or_else(|| subj.clone());
            if st.subj_is_target {
                tgt = subj.clone();
                if src.is_none() {
                    src = self.next_actor_group(f.vend, tend);
                }
            }
            (src, tgt, false)
        } else if st.subj_is_target {
            (st.source.clone().or_else(|| self.next_actor_group(f.vend, tend)), subj.clone(), false)
        } else if st.source.is_some() {
            (st.source.clone(), st.target.clone().or_else(|| subj.clone()), false)
        } else if st.target.is_some() {
            (subj.clone(), st.target.clone(), false)
        } else {
            (subj.clone(), self.next_actor_group(f.vend, tend), true)
        };
        out.by_default_target = default_target;
        out.target_chunk = tgt.as_ref().map(|g| g.first_chunk);
        let codes = |c: &Code| -> Option<String> {
            let Code::Event(c) = c else { return None };
            if !neg {
                return Some(c.clone());
            }
            self.lx.dicts.ontology.as_ref().and_then(|o| o.negate(c)).map(str::to_string)
        };
        let active = codes(&code.active);
        let passive_code = code.passive.as_ref().and_then(&codes);
        let vt = (f.vstart, f.vend);
        let push = |s: &Member, t: &Member, c: &str, out: &mut Out| {
            if s.code == t.code {
                return;
            }
            out.evs.push(Ev {
                source: s.code.clone(),
                target: t.code.clone(),
                code: c.to_string(),
                source_toks: (s.start, s.end),
                target_toks: (t.start, t.end),
                verb_toks: vt,
                pattern: pattern.clone(),
                negated: neg,
            });
        };
        match (&src, &tgt) {
            (Some(s), None) if st.compound || s.members.len() > 1 => {
                let reciprocal_root = active.as_deref().is_some_and(|c| matches!(&c[..2.min(c.len())], "03" | "04" | "05" | "06"));
                if st.compound || reciprocal_root {
                    for a in &s.members {
                        for b in &s.members {
                            if let Some(c) = &active {
                                push(a, b, c, &mut out);
                            }
                        }
                    }
                }
            }
            (Some(s), Some(t)) => {
                for a in &s.members {
                    for b in &t.members {
                        if let Some(c) = &active {
                            push(a, b, c, &mut out);
                        }
                        if let Some(c) = &passive_code {
                            push(b, a, c, &mut out);
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// The events of every frame, after the interactions between frames.
    pub fn events(&self) -> Vec<Ev> {
        let outs: Vec<Out> = (0..self.frames.len()).map(|fi| self.frame_events(fi)).collect();
        let keep = self.interactions(&outs);
        let mut evs: Vec<Ev> = Vec::new();
        for (o, k) in outs.into_iter().zip(keep) {
            if !k {
                continue;
            }
            for e in o.evs {
                if !evs.iter().any(|x| x.source == e.source && x.target == e.target && x.code == e.code) {
                    evs.push(e);
                }
            }
        }
        evs
    }

    /// Which frames keep their events when verbs govern one another.
    fn interactions(&self, outs: &[Out]) -> Vec<bool> {
        let mut keep: Vec<bool> = vec![true; outs.len()];
        for (fi, f) in self.frames.iter().enumerate() {
            // "A said it would contribute X to B": A's own act is coded,
            // not the statement about it.
            if f.kind == FKind::Finite && !outs[fi].evs.is_empty() {
                let own = f.subj.as_ref().map(|s| s.first_chunk);
                if own.is_some()
                    && self.frames.iter().enumerate().skip(fi + 1).any(|(gi, g)| {
                        g.kind == FKind::Finite
                            && g.chain > f.vend
                            && g.subj.as_ref().map(|s| s.first_chunk) == own
                            && !outs[gi].evs.is_empty()
                    })
                {
                    keep[fi] = false;
                    continue;
                }
            }
            // "A said that B attacked C": A's statement about B is coded,
            // B's act is reported speech.
            if outs[fi].by_default_target && !outs[fi].evs.is_empty() {
                if let Some(tc) = outs[fi].target_chunk {
                    for (gi, g) in self.frames.iter().enumerate().skip(fi + 1) {
                        if g.kind == FKind::Finite && g.subj.as_ref().is_some_and(|s| s.first_chunk == tc) && !outs[gi].evs.is_empty() {
                            keep[gi] = false;
                        }
                    }
                }
            }
            // "A urged B to V": one of the two events, the more specific.
            if f.kind == FKind::Infinitive {
                if let Some(g) = f.governor {
                    if !outs[fi].evs.is_empty() && !outs[g].evs.is_empty() && keep[g] && keep[fi] {
                        // "X was seen to break into ...": the passive verb
                        // only reports the act of the infinitive
                        if self.frames[g].passive || (outs[fi].specific && !outs[g].specific) {
                            keep[g] = false;
                        } else {
                            keep[fi] = false;
                        }
                    }
                }
            }
        }
        keep
    }

    /// One line per token group, for `--explain`.
    pub fn explain(&self) -> String {
        let mut s = String::new();
        for ch in &self.chunks {
            if ch.has_actor() || !ch.agents.is_empty() || ch.null_actor {
                let ags: Vec<&str> = ch.agents.iter().map(|a| a.code.as_str()).collect();
                s.push_str(&format!(
                    "  np  {:<40} actors={:?} agents={:?}{}\n",
                    self.w[ch.start..ch.end].join(" "),
                    ch.actors,
                    ags,
                    if ch.null_actor { " (null)" } else { "" }
                ));
            }
        }
        for f in &self.frames {
            let c = &self.cands[f.cand];
            let block = &self.lx.blocks[c.hit.block as usize];
            let subj: Vec<&str> = f.subj.iter().flat_map(|g| g.members.iter().map(|m| m.code.as_str())).collect();
            s.push_str(&format!(
                "  verb {:<20} block={} {:?}{}{} subject={:?}\n",
                self.w[f.vstart..f.vend].join(" "),
                block.name,
                f.kind,
                if f.neg { " negated" } else { "" },
                if f.passive { " passive" } else { "" },
                subj
            ));
        }
        s
    }
}

/// Whether a pattern writes the negation itself (`- NOT * [112]`,
/// `&NEGATVAUXVRB * OVER EFFORTS`): then the verb's negation is the
/// pattern's business, not the ontology's.
fn pattern_negates(p: &Pattern, lx: &Lexicon<'_>) -> bool {
    let neg = |w: &str| matches!(w, "NOT" | "N'T" | "NEVER" | "NO");
    let piece = |pc: &Piece| match pc {
        Piece::Words(ws) => ws.iter().any(|w| neg(w)),
        Piece::Syn(s) => lx.synset(s).iter().any(|alt| alt.iter().any(|w| neg(w))),
    };
    p.pre.iter().any(|e| match e {
        Elem::Words(ws) => ws.iter().any(|w| neg(w)),
        Elem::Syn(s) => piece(&Piece::Syn(s.clone())),
        Elem::Phrase(ps) | Elem::Seq(ps) => ps.iter().any(piece),
        _ => false,
    })
}

/// A pattern's `&` (compound) element: the frame's subject must have two or
/// more members; `None` fails the pattern.
fn compound_subject(f: &Frame) -> Option<bool> {
    f.subj.as_ref().is_some_and(|g| g.members.len() >= 2).then_some(true)
}
