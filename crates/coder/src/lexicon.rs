//! The compiled matcher: every surface dyad knows for one language, in one
//! Aho–Corasick automaton over folded text.
//!
//! Keys are folded the same way as the text ([`dyad_text::Folded`]); each key
//! maps to one or more [`Entry`]s (a key such as "washington" is both a
//! capital and a city). The keys are searched from each token start through a
//! byte [`Trie`] (see [`crate::trie`]).

use crate::fuzzy::FuzzyIndex;
use crate::patterns::Patterns;
use crate::trie::Trie;
use crate::words::{TokenIndex, WordTable};
use crate::CoderError;
use dyad_dict::{lang as dlang, LangPack};
use dyad_kb::{Kb, NameKind};
use dyad_text::{Folded, FxMap, LangRules};
use std::collections::HashMap;

/// Closed-class words the coder reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lex {
    /// Negation before the verb (French "ne", English "not").
    NegPre,
    /// Second part of French negation ("pas", "jamais").
    NegPost,
    /// "si", "if", "en cas de".
    Condition,
    /// "toute", "any".
    Hypothetical,
    /// "spéculations", "possible", "may".
    Speculation,
    /// "would", "could".
    ModalConditional,
    /// "avoir l'intention de", "plans to".
    Intent,
    /// "selon", "according to".
    AttributionPrep,
    /// "rapporté par", "cité par".
    AttributionVerb,
    /// "et", "and".
    Coordination,
    /// "les deux pays", "the two leaders".
    Pair,
    /// "le", "the".
    Article,
}

impl Lex {
    fn from_kind(kind: &str, value: Option<&str>) -> Option<Lex> {
        Some(match kind {
            "negation" if value == Some("post") => Lex::NegPost,
            "negation" => Lex::NegPre,
            "condition" => Lex::Condition,
            "hypothetical" => Lex::Hypothetical,
            "speculation" => Lex::Speculation,
            "modal_conditional" => Lex::ModalConditional,
            "intent" => Lex::Intent,
            "attribution_prep" => Lex::AttributionPrep,
            "attribution_verb" => Lex::AttributionVerb,
            "coordination" => Lex::Coordination,
            "pair" => Lex::Pair,
            "article" => Lex::Article,
            _ => return None,
        })
    }
}

/// What a matched key means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    /// A country name (index into [`Matcher::codes`]).
    Country(u32),
    /// A demonym of a country.
    Demonym(u32),
    /// A capital standing for its country's government; also a place.
    Capital(u32, u32),
    /// A city (index into the KB's cities).
    City(u32),
    /// An organisation (code index, org index).
    Org(u32, u32),
    /// A person's full name or alias (KB person index).
    Person(u32),
    /// A person's surname alone.
    Surname(u32),
    /// An agent noun or title (agent code index, agent index in the pack).
    Agent(u32, u32),
    /// The complement of a title ("de la Défense") that can follow a head
    /// agent separated by a demonym ("ministre russe de la Défense").
    Complement(u32),
    /// An inflected verb form (lemma index, tag index).
    Form(u32, u8),
    /// A form of a nominal head (lemma index).
    Noun(u32),
    /// A closed-class word.
    Lex(Lex, i8),
}

/// Tags the coder distinguishes.
pub mod tag {
    /// Finite or unknown.
    pub const FINITE: u8 = 0;
    /// Past participle.
    pub const PARTICIPLE: u8 = 1;
    /// Present participle / gerund.
    pub const GERUND: u8 = 2;
    /// Infinitive / bare form.
    pub const INFINITIVE: u8 = 3;
    /// Conditional mood.
    pub const CONDITIONAL: u8 = 4;
    /// Simple past (English: also a participle).
    pub const PAST: u8 = 5;
    /// Future tense.
    pub const FUTURE: u8 = 6;
}

fn tag_of(t: &str) -> u8 {
    match t {
        "K" | "ppart" => tag::PARTICIPLE,
        "G" | "ing" => tag::GERUND,
        "W" | "base" => tag::INFINITIVE,
        "C" => tag::CONDITIONAL,
        "past" => tag::PAST,
        "F" => tag::FUTURE,
        _ => tag::FINITE,
    }
}

/// One language's compiled automaton and tables.
pub struct Matcher {
    /// The keys searched in the text (all but the acronyms); values index `entries`.
    pub trie: Trie,
    /// Entries per key: `entries[key]` is a slice.
    pub entries: Entries,
    /// The folded keys, for diagnostics and the benchmark baseline (see
    /// [`Matcher::scanned_keys`]).
    pub keys: Vec<String>,
    /// Index of the automaton's keys, by folded key.
    pub index: FxMap<u32>,
    /// Acronyms ("UN", "US", "IRIB"): matched per token, and only where the
    /// text writes them in capitals, so "un" and "us" stay words.
    pub acronyms: FxMap<u32>,
    /// Interned codes (countries, agents, orgs).
    pub codes: Vec<String>,
    /// The index of each code in `codes`.
    pub code_index: FxMap<u32>,
    /// Interned lemmas.
    pub lemmas: Vec<String>,
    /// Per lemma, one bit for each closed list of lemmas that holds it
    /// (auxiliaries, passive and future auxiliaries, aspectual and light
    /// verbs), so a token's lemma is tested by a bit, not by names.
    pub lemma_sets: Vec<u8>,
    /// The pack's patterns, compiled by lemma id.
    pub patterns: Patterns,
    /// One-word names of persons and countries, for spelling variants
    /// ("Mitterand"): see [`crate::fuzzy`].
    pub fuzzy: FuzzyIndex,
    /// The language pack.
    pub pack: LangPack,
    /// The language's closed word classes (see [`Closed`]).
    pub closed: Closed,
    /// The classes of each closed-class word.
    pub classes: ClosedIndex,
    /// Classes and pattern words of a token, in one lookup.
    pub tokens: TokenIndex,
    /// ISO 639-1 code of the language.
    pub lang: &'static str,
    /// A number no other matcher of the process has: what a thread keeps
    /// of one matcher's walks (see `sentence::Scratch`) is told apart by it.
    pub id: u64,
}

/// The entries of every key in one vector, `entries[key]` a slice of it:
/// reading a unit's entries is two nearby loads, not a 24-byte vector header
/// among 180,000 and then a separate heap block (the two cache misses that
/// made `piece` one of the coder's costliest lines).
///
/// Beside each key's bounds lies a word of facts about its entries, worked
/// out once when they are built (`sentence::Kinds`): a unit's lexical
/// class and kinds are read with its bounds, in the same cache line. (In a
/// table of their own, they cost ≈12k more last-level cache misses on the
/// 1 MB corpus than the scans of the entries they replace.)
///
/// A key with a single entry has it in its slot too, so that its unit's
/// entries are read with its bounds and facts, in one random read instead
/// of two (3 units in 4 have their entries read, on the 1 MB corpus). A slot
/// holds its own end, and is 32 bytes, aligned: no slot crosses a cache
/// line. (1 MB corpus: misses of a simulated 2 MiB L2 104.1k → 96.6k, of
/// the 48 KiB L1d 1.37M → 1.27M, instructions the same; with 20-byte slots
/// and the end read from the next one, 100.2k L2 misses, with 24-byte
/// slots, 98.6k. The table grows from 1.5 to 6.1 MB.)
#[derive(Debug, Default)]
pub struct Entries {
    /// Slot `k` holds the bounds of key `k`'s entries in `list`, their
    /// word of facts and a copy of the first: when there is only one, it is
    /// read from the slot, not from `list`.
    slots: Vec<Slot>,
    list: Vec<Entry>,
}

/// A key's place in [`Entries`].
#[derive(Debug, Clone, Copy)]
#[repr(align(32))]
struct Slot {
    /// The bounds of the key's entries in `list`.
    start: u32,
    end: u32,
    /// Their word of facts.
    facts: u32,
    /// The first entry (a filler when there is none).
    first: Entry,
}

/// No node, in [`EntryLists`].
const NO_NODE: u32 = u32::MAX;

/// The entries of each key while the keys are collected: one list per key,
/// in the order added, linked through one vector (no allocation per key,
/// none to free after [`Entries::new`] has copied them).
#[derive(Debug, Default)]
struct EntryLists {
    /// First and last node of each key's list ([`NO_NODE`] when empty).
    ends: Vec<(u32, u32)>,
    /// An entry and the next node of its list.
    nodes: Vec<(Entry, u32)>,
}

impl EntryLists {
    /// Adds a key with no entries.
    fn push_key(&mut self) {
        self.ends.push((NO_NODE, NO_NODE));
    }

    /// The entries of key `k`, in the order added.
    fn iter(&self, k: usize) -> impl Iterator<Item = &Entry> + '_ {
        let mut n = self.ends.get(k).map_or(NO_NODE, |e| e.0);
        std::iter::from_fn(move || {
            let (e, next) = self.nodes.get(n as usize)?;
            n = *next;
            Some(e)
        })
    }

    /// Adds `e` to key `k`'s list unless it is there already.
    fn add(&mut self, k: usize, e: Entry) {
        if k >= self.ends.len() || self.iter(k).any(|x| *x == e) {
            return;
        }
        let id = self.nodes.len() as u32;
        self.nodes.push((e, NO_NODE));
        match self.ends[k] {
            (NO_NODE, _) => self.ends[k] = (id, id),
            (_, last) => {
                if let Some(l) = self.nodes.get_mut(last as usize) {
                    l.1 = id;
                }
                self.ends[k].1 = id;
            }
        }
    }
}

impl Entries {
    /// The entries of `lists`, each key's with the word `facts` gives of them.
    fn new(lists: &EntryLists, facts: impl Fn(&[Entry]) -> u32) -> Entries {
        let mut e = Entries { slots: Vec::with_capacity(lists.ends.len()), list: Vec::with_capacity(lists.nodes.len()) };
        for k in 0..lists.ends.len() {
            let start = e.list.len();
            e.list.extend(lists.iter(k).copied());
            let es = e.list.get(start..).unwrap_or(&[]);
            let first = es.first().copied().unwrap_or(Entry::City(0));
            e.slots.push(Slot { start: start as u32, end: e.list.len() as u32, facts: facts(es), first });
        }
        e
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether there is no key.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries of key `k` (none for a key out of range).
    pub fn get(&self, k: usize) -> &[Entry] {
        self.with_facts(k).0
    }

    /// The entries of key `k` and their word of facts (none and 0 for a
    /// key out of range).
    #[inline]
    pub(crate) fn with_facts(&self, k: usize) -> (&[Entry], u32) {
        match self.slots.get(k) {
            Some(s) if s.end.wrapping_sub(s.start) == 1 => (std::slice::from_ref(&s.first), s.facts),
            Some(s) => (self.list.get(s.start as usize..s.end as usize).unwrap_or(&[]), s.facts),
            None => (&[], 0),
        }
    }
}

impl std::ops::Index<usize> for Entries {
    type Output = [Entry];

    fn index(&self, k: usize) -> &[Entry] {
        self.get(k)
    }
}

#[derive(Default)]
struct Builder {
    index: FxMap<u32>,
    keys: Vec<String>,
    entries: EntryLists,
    acronyms: FxMap<u32>,
    in_automaton: Vec<bool>,
    codes: Vec<String>,
    code_index: FxMap<u32>,
    lemmas: Vec<String>,
    lemma_index: FxMap<u32>,
}

impl Builder {
    fn code(&mut self, c: &str) -> u32 {
        if let Some(&i) = self.code_index.get(c) {
            return i;
        }
        let i = self.codes.len() as u32;
        self.codes.push(c.to_string());
        self.code_index.insert(c.to_string(), i);
        i
    }
    fn lemma(&mut self, l: &str) -> u32 {
        if let Some(&i) = self.lemma_index.get(l) {
            return i;
        }
        let i = self.lemmas.len() as u32;
        self.lemmas.push(l.to_string());
        self.lemma_index.insert(l.to_string(), i);
        i
    }
    /// Adds a person's name unless the same key already names a country,
    /// a place or an organisation ("Soviet Russia" gives no surname "Russia").
    /// A person's full name (or a full alias) and its surname, with the
    /// other spelling of an Arabic article ("al Bashir" / "al-Bashir").
    fn add_full_name(&mut self, name: &str, i: u32) {
        self.add_person(name, Entry::Person(i));
        if let Some(s) = surname(name) {
            self.add_person(s, Entry::Surname(i));
        }
        if let Some((other, attached)) = article_variants(name) {
            self.add_person(&other, Entry::Person(i));
            if let Some(s) = attached {
                self.add_person(&s, Entry::Surname(i));
            }
        }
    }

    fn add_person(&mut self, surface: &str, e: Entry) {
        let key = Folded::new(surface.trim()).text.trim().to_string();
        if let Some(&i) = self.index.get(&key) {
            if self
                .entries
                .iter(i as usize)
                .any(|x| matches!(x, Entry::Country(_) | Entry::Demonym(_) | Entry::Capital(..) | Entry::Org(..)))
            {
                return;
            }
        }
        self.insert(key, surface, e);
    }

    fn add(&mut self, surface: &str, e: Entry) {
        let key = Folded::new(surface.trim()).text.trim().to_string();
        self.insert(key, surface, e);
    }

    /// Files entry `e` under the folded `key` of `surface`.
    fn insert(&mut self, key: String, surface: &str, e: Entry) {
        if key.is_empty() {
            return;
        }
        let letters = surface.trim().chars().count();
        // Acronyms ("UN", "US") are looked up per token, where the text writes
        // them in capitals, not through the automaton.
        let acronym = (2..=6).contains(&letters) && surface.trim().chars().all(|c| c.is_alphabetic() && c.is_uppercase());
        let map = if acronym { &mut self.acronyms } else { &mut self.index };
        let i = match map.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.keys.len() as u32;
                map.insert(key.clone(), i);
                self.keys.push(key);
                self.entries.push_key();
                self.in_automaton.push(!acronym);
                i
            }
        };
        self.entries.add(i as usize, e);
    }
}

/// Per-language closed word classes used by the assembler, from the language module.
pub struct Closed {
    /// Words that glue the parts of a noun phrase ("de", "la", "of").
    pub glue: Vec<&'static str>,
    /// Prepositions that keep a noun phrase from being a subject.
    pub preps: Vec<&'static str>,
    /// Locative prepositions ("à Moscou" is a place, not an actor).
    pub locatives: Vec<&'static str>,
    /// Reflexive clitics.
    pub reflexives: Vec<&'static str>,
    /// Auxiliary lemmas of compound tenses ("avoir", "être"; "have", "be").
    pub auxiliaries: Vec<&'static str>,
    /// Auxiliary lemmas (passive "être"/"be").
    pub passive_aux: Vec<&'static str>,
    /// Words introducing "between X and Y".
    pub between: Vec<&'static str>,
    /// Possessive determiners ("ses citoyens").
    pub possessives: Vec<&'static str>,
    /// Relative pronouns ("qui", "who").
    pub relatives: Vec<&'static str>,
    /// Agents for passive ("par", "by").
    pub by: Vec<&'static str>,
    /// Words that introduce a gerund clause ("tout en", "while").
    pub gerund_intro: Vec<&'static str>,
    /// How many words may separate a support verb from its event noun:
    /// French puts adverbials between them ("entame à partir de ce lundi
    /// une visite"), English rarely does.
    pub light_verb_reach: usize,
    /// Suffixes that make a demonym or country name lead a compound
    /// ("Saudi-led forces", "U.S.-led coalition"): the compound names that
    /// country's actor.
    pub led_suffixes: Vec<&'static str>,
    /// Complementizers opening a subordinate clause ("que", "that").
    pub complementizers: Vec<&'static str>,
    /// Prepositions that name who an act is aimed at ("contre", "against"):
    /// even a bare demonym after one is the target ("restrictions against
    /// German goods").
    pub against: Vec<&'static str>,
    /// Nouns that introduce a news agency's name ("agence", "agency").
    pub agency: Vec<&'static str>,
    /// Words that make a pair phrase country-level ("les deux pays").
    pub pair_countries: Vec<&'static str>,
    /// Country of a role noun that names none ("le ministre de l'Éducation")
    /// when the article gives no better clue (dateline); `None` leaves such
    /// actors uncoded.
    pub home_country: Option<&'static str>,
    /// Lemmas that make a following infinitive a plan ("va rencontrer",
    /// "doit signer"): coded as intent.
    pub future_aux: Vec<&'static str>,
    /// Quantity words before "de"/"of" ("des milliers de manifestants"):
    /// there "de" is no preposition.
    pub quantities: Vec<&'static str>,
    /// Prepositions placing an event inside a country ("en Iran", "in Serbia").
    pub inside: Vec<&'static str>,
    /// Lemmas after which an infinitive is a fact ("continued to send").
    pub aspectual: Vec<&'static str>,
    /// Reporting verb forms, folded ("said", "declare"): "X said it would" is
    /// X's stated intent; "X said Y must" is X's demand on Y.
    pub reporting: Vec<&'static str>,
    /// Words of obligation ("must", "doit") that turn reported speech into a demand.
    pub obligation: Vec<&'static str>,
    /// Support verbs whose object noun is the event ("staged rallies",
    /// "a entamé une grève"): the noun's source is the verb's subject.
    pub light_verbs: Vec<&'static str>,
    /// Verbs whose compound tenses take "être" while active ("est arrivé",
    /// "est venu"), or whose participle after "be" is an adjective ("is
    /// opposed to"): never read as passives.
    pub active_with_be: Vec<&'static str>,
    /// Honorifics before a surname ("Mme Meloni", "Mr. Putin"), folded, without the period.
    pub honorifics: Vec<&'static str>,
    /// Genitive prepositions ("la visite *du* dalaï-lama", "ministre *de* la Défense").
    pub genitive: Vec<&'static str>,
    /// Definite articles, skipped before an actor phrase even inside a longer key.
    pub definite: Vec<&'static str>,
    /// A negation contracted onto the auxiliary, as the tokenizer splits it:
    /// English "didn't" is "didn'" + "t".
    pub contracted_negation: Option<(&'static str, &'static str)>,
    /// A negation needs its second particle after the verb as well as the
    /// first before it: French "ne … pas/plus/jamais" (a lone "ne" is the
    /// expletive of "avant qu'il ne parte"); English "not" alone negates.
    pub negation_needs_post: bool,
    /// Adjectives come before the noun (English "Iranian officials"); in
    /// French they follow it ("la répression chinoise").
    pub adjective_first: bool,
    /// Modal auxiliaries that make the next verb non-factual ("will", "would").
    pub modals: Vec<&'static str>,
    /// Languages besides this one whose country names and capitals,
    /// organisation names and persons' full names its news also writes
    /// ("Kyiv", "NATO" in French copy): English for every other language.
    pub name_languages: Vec<&'static str>,
    /// Modals that state a future, i.e. an intent ("will meet", "shall
    /// sign"), of [`Closed::modals`].
    pub future_modals: Vec<&'static str>,
    /// Modals that are the future of the past in reported speech ("said it
    /// would allow": a stated intent), of [`Closed::modals`]. French says it
    /// with the conditional tense instead.
    pub reported_future_modals: Vec<&'static str>,
    /// The form tagged infinitive is also the present tense (the English
    /// base form: "they attack"): it reads as an infinitive only after an
    /// infinitive marker or a modal.
    pub base_form_is_present: bool,
    /// Infinitive markers ("to").
    pub to: Vec<&'static str>,
    /// Determiners: a form after one is a noun ("la menace"), not a verb.
    pub determiners: Vec<&'static str>,
    /// Pronouns that are only objects ("them", "him"): the base form right
    /// after one is a particle or a complement ("send them back"), never the
    /// pronoun's predicate. Empty where object clitics precede the verb.
    pub object_pronouns: Vec<&'static str>,
    /// Prepositions of occasion before a meeting noun ("arrived on a visit",
    /// "came for talks"): the noun's source is the clause's subject.
    pub occasion_preps: Vec<&'static str>,
    /// Words that make a following demonym an ethnic group rather than a
    /// nationality ("ethnic Albanians"): its country is where it lives.
    pub ethnic_markers: Vec<&'static str>,
    /// Subject pronouns ("they"): between a preposition and a verb form they
    /// make that form a verb ("before they attack"), not a noun's modifiers.
    pub subject_pronouns: Vec<&'static str>,
    /// Words that make a following "that"-clause the content of a demand
    /// ("demanded that X withdraw", "its demand that"): a base-form verb there
    /// is a mandative subjunctive, a wish, not a reported act.
    pub mandative: Vec<&'static str>,
    /// Conjunctions of time ("until", "after"): a present tense after one
    /// refers to the future ("until they gain control", "before they
    /// demobilize": no act has happened); a noun phrase after one that is
    /// also a preposition may be its clause's subject ("after a jet shot").
    pub future_clause: Vec<&'static str>,
    /// Prepositions naming a partner ("with", "avec"): after an event noun
    /// with no agent of its own ("after talks with X"), the clause's subject
    /// is the other party.
    pub comitative: Vec<&'static str>,
}

/// Bits of the closed word classes a token belongs to (see [`ClosedIndex`]).
pub mod class {
    /// Words of [`Closed::glue`](super::Closed::glue).
    pub const GLUE: u32 = 1 << 0;
    /// Words of [`Closed::preps`](super::Closed::preps).
    pub const PREPS: u32 = 1 << 1;
    /// Words of [`Closed::locatives`](super::Closed::locatives).
    pub const LOCATIVES: u32 = 1 << 2;
    /// Words of [`Closed::reflexives`](super::Closed::reflexives).
    pub const REFLEXIVES: u32 = 1 << 3;
    /// Words of [`Closed::between`](super::Closed::between).
    pub const BETWEEN: u32 = 1 << 4;
    /// Words of [`Closed::possessives`](super::Closed::possessives).
    pub const POSSESSIVES: u32 = 1 << 5;
    /// Words of [`Closed::relatives`](super::Closed::relatives).
    pub const RELATIVES: u32 = 1 << 6;
    /// Words of [`Closed::by`](super::Closed::by).
    pub const BY: u32 = 1 << 7;
    /// Words of [`Closed::gerund_intro`](super::Closed::gerund_intro).
    pub const GERUND_INTRO: u32 = 1 << 8;
    /// Words of [`Closed::against`](super::Closed::against).
    pub const AGAINST: u32 = 1 << 9;
    /// Words of [`Closed::agency`](super::Closed::agency).
    pub const AGENCY: u32 = 1 << 10;
    /// Words of [`Closed::pair_countries`](super::Closed::pair_countries).
    pub const PAIR_COUNTRIES: u32 = 1 << 11;
    /// Words of [`Closed::quantities`](super::Closed::quantities).
    pub const QUANTITIES: u32 = 1 << 12;
    /// Words of [`Closed::inside`](super::Closed::inside).
    pub const INSIDE: u32 = 1 << 13;
    /// Words of [`Closed::reporting`](super::Closed::reporting).
    pub const REPORTING: u32 = 1 << 14;
    /// Words of [`Closed::obligation`](super::Closed::obligation).
    pub const OBLIGATION: u32 = 1 << 15;
    /// Words of [`Closed::honorifics`](super::Closed::honorifics).
    pub const HONORIFICS: u32 = 1 << 16;
    /// Words of [`Closed::genitive`](super::Closed::genitive).
    pub const GENITIVE: u32 = 1 << 17;
    /// Words of [`Closed::definite`](super::Closed::definite).
    pub const DEFINITE: u32 = 1 << 18;
    /// Words of [`Closed::modals`](super::Closed::modals).
    pub const MODALS: u32 = 1 << 19;
    /// Words of [`Closed::to`](super::Closed::to).
    pub const TO: u32 = 1 << 20;
    /// Words of [`Closed::determiners`](super::Closed::determiners).
    pub const DETERMINERS: u32 = 1 << 21;
    /// Words of [`Closed::complementizers`](super::Closed::complementizers).
    pub const COMPLEMENTIZERS: u32 = 1 << 22;
    /// Words of [`Closed::subject_pronouns`](super::Closed::subject_pronouns).
    pub const SUBJECT_PRONOUNS: u32 = 1 << 23;
    /// Words of [`Closed::object_pronouns`](super::Closed::object_pronouns).
    pub const OBJECT_PRONOUNS: u32 = 1 << 24;
}

/// The closed classes of every closed-class word, as bits of [`class`]: a
/// sentence maps each token once to its bits, so that asking whether a token
/// is a preposition, a determiner, … is a bit test, not string compares.
#[derive(Debug, Default)]
pub struct ClosedIndex {
    words: WordTable<u32>,
    /// Bit `len.min(63)` of `shapes[first byte]` is set when some word has
    /// that first byte and length: most tokens need no hashing.
    shapes: Vec<u64>,
}

impl ClosedIndex {
    /// Indexes the word lists of `c` that hold token words.
    pub fn new(c: &Closed) -> ClosedIndex {
        let mut of_word: FxMap<u32> = FxMap::default();
        let mut shapes = vec![0; 256];
        let lists: [(&[&str], u32); 25] = [
            (&c.glue, class::GLUE),
            (&c.preps, class::PREPS),
            (&c.locatives, class::LOCATIVES),
            (&c.reflexives, class::REFLEXIVES),
            (&c.between, class::BETWEEN),
            (&c.possessives, class::POSSESSIVES),
            (&c.relatives, class::RELATIVES),
            (&c.by, class::BY),
            (&c.gerund_intro, class::GERUND_INTRO),
            (&c.against, class::AGAINST),
            (&c.agency, class::AGENCY),
            (&c.pair_countries, class::PAIR_COUNTRIES),
            (&c.quantities, class::QUANTITIES),
            (&c.inside, class::INSIDE),
            (&c.reporting, class::REPORTING),
            (&c.obligation, class::OBLIGATION),
            (&c.honorifics, class::HONORIFICS),
            (&c.genitive, class::GENITIVE),
            (&c.definite, class::DEFINITE),
            (&c.modals, class::MODALS),
            (&c.to, class::TO),
            (&c.determiners, class::DETERMINERS),
            (&c.complementizers, class::COMPLEMENTIZERS),
            (&c.subject_pronouns, class::SUBJECT_PRONOUNS),
            (&c.object_pronouns, class::OBJECT_PRONOUNS),
        ];
        for (words, bit) in lists {
            for w in words {
                *of_word.entry(w.to_string()).or_default() |= bit;
                if let Some(&b) = w.as_bytes().first() {
                    shapes[b as usize] |= 1 << w.len().min(63);
                }
            }
        }
        ClosedIndex { words: WordTable::new(of_word.iter().map(|(w, &c)| (w.as_str(), c))), shapes }
    }

    /// Every word of a class, with its class bits.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.words.iter()
    }

    /// The class bits of the folded token `w` (0 for a word of no class).
    pub fn classes(&self, w: &str) -> u32 {
        match w.as_bytes().first() {
            Some(&b) if self.shapes[b as usize] & (1 << w.len().min(63)) == 0 => 0,
            _ => self.words.get(w).unwrap_or(0),
        }
    }
}

/// Arabic articles written either apart or hyphenated in Latin script:
/// "Omar al Bashir" and "Omar al-Bashir" are one name.
const NAME_ARTICLES: [&str; 2] = ["al", "el"];

/// `name` with every article particle toggled between "al X" and "al-X",
/// if it has one; and the surname with its article attached ("al-Bashir").
fn article_variants(name: &str) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_article = |w: &str| NAME_ARTICLES.iter().any(|a| w.eq_ignore_ascii_case(a));
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut changed = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if is_article(w) && i + 1 < words.len() {
            out.push(format!("{w}-{}", words[i + 1]));
            i += 2;
            changed = true;
            continue;
        }
        match w.split_once('-') {
            Some((a, rest)) if is_article(a) && !rest.is_empty() => {
                out.push(a.to_string());
                out.push(rest.to_string());
                changed = true;
            }
            _ => out.push(w.to_string()),
        }
        i += 1;
    }
    if !changed {
        return None;
    }
    let n = words.len();
    let attached = (n >= 3 && is_article(words[n - 2])).then(|| format!("{}-{}", words[n - 2], words[n - 1]));
    Some((out.join(" "), attached))
}

fn surname(name: &str) -> Option<&str> {
    let mut parts = name.split_whitespace();
    let first = parts.next()?;
    let last = parts.next_back()?;
    let _ = first;
    if last.chars().count() < 4 || !last.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(last)
}

impl Matcher {
    /// The keys searched in the text, with their index into `entries`: every
    /// key but the acronyms (which are looked up per capitalised token).
    pub fn scanned_keys(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.keys
            .iter()
            .enumerate()
            .filter(|(i, k)| self.acronyms.get(k.as_str()) != Some(&(*i as u32)))
            .map(|(i, k)| (k.as_str(), i as u32))
    }

    /// Compiles everything for `lang`.
    pub fn build(lang: &'static str, kb: &Kb, pack: LangPack, rules: &LangRules, closed: Closed) -> Result<Matcher, CoderError> {
        let mut b = Builder::default();
        // About one key per name, alias and form: sized once, not rehashed.
        let n = kb.countries.len() + kb.cities.len() + kb.orgs.len() + 3 * kb.persons.len() + pack.agents.len() + pack.forms.len();
        b.index.reserve(n);
        b.keys.reserve(n);
        b.entries.ends.reserve(n);
        b.entries.nodes.reserve(n);
        b.in_automaton.reserve(n);
        // This language's names, and those its news borrows (`Closed::name_languages`).
        let reads = |l: &str| l == lang || closed.name_languages.contains(&l);
        for c in &kb.countries {
            // Country names are written the same in many languages: take
            // every language's short names, the full names and capitals of
            // the languages it reads, and demonyms of this language only.
            let code = b.code(&c.country);
            match c.kind {
                NameKind::Name | NameKind::Short if reads(&c.lang) || c.kind == NameKind::Short => {
                    b.add(&c.surface, Entry::Country(code));
                }
                NameKind::Demonym if c.lang == lang => b.add(&c.surface, Entry::Demonym(code)),
                NameKind::Capital if reads(&c.lang) => {
                    let city = kb
                        .cities
                        .iter()
                        .position(|ci| ci.country == c.country && (ci.name == c.surface || ci.aliases.iter().any(|a| a == &c.surface)))
                        .map_or(u32::MAX, |i| i as u32);
                    b.add(&c.surface, Entry::Capital(code, city));
                }
                _ => {}
            }
        }
        for (i, city) in kb.cities.iter().enumerate() {
            b.add(&city.name, Entry::City(i as u32));
            for a in &city.aliases {
                if a.chars().count() >= 4 {
                    b.add(a, Entry::City(i as u32));
                }
            }
        }
        for (i, o) in kb.orgs.iter().enumerate() {
            if reads(&o.lang) || o.lang == "*" {
                let code = b.code(&o.code);
                b.add(&o.surface, Entry::Org(code, i as u32));
            }
        }
        for (i, p) in kb.persons.iter().enumerate() {
            let i = i as u32;
            b.add_full_name(&p.name, i);
            for (l, a) in &p.aliases {
                if l.as_deref().is_none_or(reads) && a.split_whitespace().count() >= 2 {
                    b.add_full_name(a, i);
                } else if l.as_deref() == Some(lang) && a.chars().count() >= 4 {
                    b.add_person(a, Entry::Surname(i));
                }
            }
        }
        for (i, a) in pack.agents.iter().enumerate() {
            let code = b.code(&a.code);
            b.add(&a.surface, Entry::Agent(code, i as u32));
            // "ministre de la Défense" also yields the complement "de la Défense",
            // which completes "ministre" across a demonym. Only the pack's own
            // titles: a converted "secretary of war" would make "of war" a
            // complement in "accused Russia of war crimes".
            if i >= pack.own_agents {
                continue;
            }
            let folded = Folded::new(&a.surface).text;
            for glue in &closed.genitive {
                let needle = if glue.ends_with('\'') { format!(" {glue}") } else { format!(" {glue} ") };
                if let Some(pos) = folded.find(&needle) {
                    let head = &folded[..pos];
                    if pack.agents.iter().any(|x| Folded::new(&x.surface).text == head) {
                        b.add(folded[pos..].trim(), Entry::Complement(code));
                    }
                }
            }
        }
        for f in &pack.forms {
            let l = b.lemma(&f.lemma);
            b.add(&f.form, Entry::Form(l, tag_of(&f.tag)));
        }
        for p in pack.patterns.iter().filter(|p| p.nominal) {
            let l = b.lemma(&p.head);
            b.add(&p.head, Entry::Noun(l));
            if let Some(pl) = dlang::plural(lang, &p.head) {
                b.add(&pl, Entry::Noun(l));
            }
        }
        for p in pack.patterns.iter().filter(|p| !p.nominal) {
            b.lemma(&p.head);
        }
        let mut forms_of: HashMap<&str, Vec<&str>> = HashMap::new();
        for f in &pack.forms {
            forms_of.entry(f.lemma.as_str()).or_default().push(f.form.as_str());
        }
        // Every lexicon kind the coder reacts to (`Lex::from_kind` skips the
        // others: months, stopwords … belong to dyad-text).
        for &kind in dyad_text::LEXICON_KINDS {
            for (surface, value) in rules.entries(kind) {
                if let Some(lex) = Lex::from_kind(kind, value) {
                    let v = value.and_then(|v| v.parse::<i8>().ok()).unwrap_or(0);
                    b.add(surface, Entry::Lex(lex, v));
                    // "prévoir de" also as "prévoit de", "a prévu de": conjugate
                    // a verb-initial entry through the generated forms.
                    let folded = Folded::new(surface).text;
                    if let Some((first, rest)) = folded.split_once(' ') {
                        if let Some(forms) = forms_of.get(first) {
                            for f in forms {
                                b.add(&format!("{f} {rest}"), Entry::Lex(lex, v));
                            }
                        }
                    }
                }
            }
        }
        let trie = Trie::new(b.keys.iter().enumerate().filter(|(i, _)| b.in_automaton[*i]).map(|(i, k)| (k.as_bytes(), i as u32)));
        let patterns = Patterns::new(&pack, &b.lemmas, dlang::agreement_endings(lang));
        let classes = ClosedIndex::new(&closed);
        let tokens = TokenIndex::new(&classes, &patterns, b.acronyms.keys().map(String::as_str));
        let fuzzy = FuzzyIndex::new(
            b.keys
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    b.in_automaton[*i] && b.entries.iter(*i).any(|e| matches!(e, Entry::Person(_) | Entry::Surname(_) | Entry::Country(_)))
                })
                .map(|(i, k)| (k.as_str(), i as u32)),
        );
        let lemma_sets = crate::sentence::lemma_sets(&b.lemmas, &closed);
        let entries = Entries::new(&b.entries, |es| crate::sentence::key_facts(es, &lemma_sets));
        Ok(Matcher {
            trie,
            patterns,
            fuzzy,
            entries,
            keys: b.keys,
            index: b.index,
            acronyms: b.acronyms,
            codes: b.codes,
            code_index: b.code_index,
            lemma_sets,
            lemmas: b.lemmas,
            pack,
            tokens,
            classes,
            closed,
            lang,
            id: crate::unique_id(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_entries_keep_each_keys_list() {
        let per_key = vec![vec![Entry::Country(1), Entry::Person(2)], vec![], vec![Entry::City(3)]];
        let mut lists = EntryLists::default();
        for _ in &per_key {
            lists.push_key();
        }
        // Interleaved, with a repeat: each list keeps its own order, once.
        for (k, e) in [(2, Entry::City(3)), (0, Entry::Country(1)), (0, Entry::Country(1)), (0, Entry::Person(2))] {
            lists.add(k, e);
        }
        let e = Entries::new(&lists, |es| es.len() as u32 + 10);
        assert_eq!(e.len(), 3);
        for (k, v) in per_key.iter().enumerate() {
            assert_eq!(&e[k], v.as_slice(), "key {k}");
            assert_eq!(e.with_facts(k), (v.as_slice(), v.len() as u32 + 10), "key {k}");
        }
        assert_eq!(e.with_facts(3), (&[][..], 0));
        assert!(e.get(3).is_empty() && e.get(usize::MAX).is_empty());
        assert!(Entries::default().is_empty() && Entries::default().get(0).is_empty());
        assert!(!e.is_empty() && Entries::new(&EntryLists::default(), |_| 1).is_empty());
        // Keys of 0 to 4 entries in a pseudo-random order: a key's entries
        // (read from its slot when there is one) are the list it was given.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 33) % n
        };
        let per_key: Vec<Vec<Entry>> = (0..500)
            .map(|_| {
                (0..next(5))
                    .map(|_| if next(2) == 0 { Entry::Person(next(1000) as u32) } else { Entry::Agent(1, next(9) as u32) })
                    .collect()
            })
            .collect();
        let mut lists = EntryLists::default();
        per_key.iter().for_each(|_| lists.push_key());
        for _ in 0..4 * per_key.len() {
            let k = next(per_key.len() as u64) as usize;
            if let Some(&e) = per_key[k].iter().find(|e| !lists.iter(k).any(|x| x == *e)) {
                lists.add(k, e);
            }
        }
        let mut want: Vec<Vec<Entry>> = (0..per_key.len()).map(|k| lists.iter(k).copied().collect()).collect();
        for (k, es) in per_key.iter().enumerate() {
            for e in es {
                lists.add(k, *e);
                if !want[k].contains(e) {
                    want[k].push(*e);
                }
            }
        }
        let e = Entries::new(&lists, |es| es.len() as u32);
        assert_eq!(e.len(), want.len());
        for (k, v) in want.iter().enumerate() {
            assert_eq!(e.with_facts(k), (v.as_slice(), v.len() as u32), "key {k}");
        }
    }

    #[test]
    fn closed_index_gives_each_word_its_classes() {
        for lang in crate::lang::SUPPORTED {
            let c = crate::lang::closed(lang).expect("closed");
            let x = ClosedIndex::new(&c);
            let lists: [(&[&str], u32); 4] =
                [(&c.preps, class::PREPS), (&c.determiners, class::DETERMINERS), (&c.glue, class::GLUE), (&c.by, class::BY)];
            for (words, bit) in lists {
                for w in words {
                    assert_ne!(x.classes(w) & bit, 0, "{lang}: {w}");
                }
            }
            // A word in two lists has both bits; others have none.
            for w in &c.preps {
                assert_eq!(x.classes(w) & class::DETERMINERS != 0, c.determiners.contains(w), "{lang}: {w}");
            }
            for w in ["", "x", "gouvernement", "government", "d", "'", "preps"] {
                assert_eq!(x.classes(w), 0, "{lang}: {w:?}");
            }
        }
    }

    #[test]
    fn article_variants_toggle_the_hyphen_both_ways() {
        assert_eq!(article_variants("Omar al Bashir"), Some(("Omar al-Bashir".into(), Some("al-Bashir".into()))));
        assert_eq!(article_variants("Hamad bin Khalifa Al-Thani"), Some(("Hamad bin Khalifa Al Thani".into(), None)));
        assert_eq!(article_variants("Emmanuel Macron"), None);
        // A lone "al" at the end joins nothing.
        assert_eq!(article_variants("Rashid al"), None);
    }
}
