//! Folding text for dictionary matching, with an exact map back to the
//! original byte offsets.
//!
//! Folding lowercases, strips Latin accents (é→e, ç→c, İ→i), expands ligatures
//! (œ→oe, æ→ae, ß→ss), unifies typographic apostrophes (’ ‘ ʼ ′ → `'`), quotes
//! (« » “ ” → `"`) and dashes (– — − → `-`), turns every Unicode space (NBSP,
//! U+202F, U+2009, …) into `' '` and drops invisible characters (soft hyphen,
//! zero-width space, BOM, stray combining accents). Other scripts (Cyrillic,
//! Greek, Arabic…) are only lowercased.
//!
//! ASCII is copied and lowercased in bulk; only non-ASCII characters take the
//! slow path. The offset map stores one anchor per character whose folded
//! length differs from its original length (or that expands to several
//! characters), so plain ASCII or Cyrillic text needs no map at all. A text
//! of at most 64 KiB that has anchors (a sentence with accents) also gets a
//! dense map, one `u16` per folded byte, so that [`Folded::orig`] is one load
//! instead of a binary search.

use std::ops::Range;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A byte offset as stored in anchors: `u32` for texts under 4 GiB (the
/// usual case, half the memory), `usize` beyond.
trait Off: Copy {
    fn from_usize(x: usize) -> Self;
    fn to_usize(self) -> usize;
}

impl Off for u32 {
    #[inline]
    fn from_usize(x: usize) -> u32 {
        // Only used when the whole text is shorter than u32::MAX.
        u32::try_from(x).unwrap_or(u32::MAX)
    }
    #[inline]
    fn to_usize(self) -> usize {
        self as usize
    }
}

impl Off for usize {
    #[inline]
    fn from_usize(x: usize) -> usize {
        x
    }
    #[inline]
    fn to_usize(self) -> usize {
        self
    }
}

/// Where the folded text stops being a byte-for-byte image of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor<T> {
    /// Byte offset in the folded text.
    f: T,
    /// Byte offset in the original text.
    o: T,
    /// Folded length of the character (0 when dropped).
    flen: u8,
    /// Original length of the character.
    olen: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Anchors {
    Narrow(Vec<Anchor<u32>>),
    Wide(Vec<Anchor<usize>>),
}

impl Anchors {
    fn is_empty(&self) -> bool {
        match self {
            Anchors::Narrow(v) => v.is_empty(),
            Anchors::Wide(v) => v.is_empty(),
        }
    }
}

impl Default for Anchors {
    fn default() -> Anchors {
        Anchors::Narrow(Vec::new())
    }
}

/// Collects anchors while folding.
trait Sink {
    fn anchor(&mut self, f: usize, o: usize, flen: usize, olen: usize);
}

/// Folding without an offset map.
struct NoSink;

impl Sink for NoSink {
    #[inline]
    fn anchor(&mut self, _: usize, _: usize, _: usize, _: usize) {}
}

impl<T: Off> Sink for Vec<Anchor<T>> {
    #[inline]
    fn anchor(&mut self, f: usize, o: usize, flen: usize, olen: usize) {
        self.push(Anchor {
            f: T::from_usize(f),
            o: T::from_usize(o),
            flen: u8::try_from(flen).unwrap_or(u8::MAX),
            olen: u8::try_from(olen).unwrap_or(u8::MAX),
        });
    }
}

/// [`Folded::orig`] over one anchor representation.
fn orig_in<T: Off>(anchors: &[Anchor<T>], fb: usize) -> usize {
    let i = anchors.partition_point(|a| a.f.to_usize() <= fb);
    let Some(a) = i.checked_sub(1).and_then(|i| anchors.get(i)) else {
        return fb;
    };
    let (f, o) = (a.f.to_usize(), a.o.to_usize());
    let fend = f + usize::from(a.flen);
    if fb < fend {
        o
    } else {
        o + usize::from(a.olen) + (fb - fend)
    }
}

/// The end of the original character when `fb` falls strictly inside an
/// expansion.
fn inside_end<T: Off>(anchors: &[Anchor<T>], fb: usize) -> Option<usize> {
    let i = anchors.partition_point(|a| a.f.to_usize() < fb);
    let a = anchors.get(i.checked_sub(1)?)?;
    (fb < a.f.to_usize() + usize::from(a.flen)).then(|| a.o.to_usize() + usize::from(a.olen))
}

/// [`Folded::folded_offset`] over one anchor representation.
fn folded_in<T: Off>(anchors: &[Anchor<T>], ob: usize) -> usize {
    let i = anchors.partition_point(|a| a.o.to_usize() < ob);
    match i.checked_sub(1).and_then(|i| anchors.get(i)) {
        Some(a) => a.f.to_usize() + usize::from(a.flen) + (ob - a.o.to_usize() - usize::from(a.olen)),
        None => ob,
    }
}

/// A folded copy of a text with a map from folded offsets back to the original.
///
/// ```
/// use dyad_text::Folded;
/// let f = Folded::new("Élysée\u{a0}: l’Œuvre");
/// assert_eq!(f.text, "elysee : l'oeuvre");
/// let i = f.text.find("oeuvre").unwrap();
/// assert_eq!(&"Élysée\u{a0}: l’Œuvre"[f.orig(i)..], "Œuvre");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    anchors: Anchors,
    /// For a text of at most [`DENSE_MAX`] bytes that has anchors,
    /// [`Folded::orig`] of every folded byte, so that the coder's many
    /// lookups are one load each; empty otherwise.
    dense: Vec<u16>,
    orig_len: usize,
}

/// The longest original text that gets a dense offset map.
const DENSE_MAX: usize = u16::MAX as usize;

/// Fills `dense` with [`orig_in`] of every byte of a folded text of
/// `folded_len` bytes whose original is at most [`DENSE_MAX`] bytes.
fn fill_dense(anchors: &[Anchor<u32>], folded_len: usize, dense: &mut Vec<u16>) {
    /// Original offsets `o, o + 1, …` for a stretch folded byte for byte.
    ///
    /// Eight offsets at a time, each from the first by a constant: the
    /// compiler makes a few vector instructions of each eight, where a
    /// running counter stored one offset per step (1 MB corpus: folding
    /// the sentences 7.27M → 7.00M instructions).
    fn identity(stretch: Option<&mut [u16]>, o: u16) {
        const STEP: [u16; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
        let mut chunks = stretch.unwrap_or_default().chunks_exact_mut(8);
        let mut base = o;
        for chunk in &mut chunks {
            for (d, k) in chunk.iter_mut().zip(STEP) {
                *d = base.wrapping_add(k);
            }
            base = base.wrapping_add(8);
        }
        for (d, k) in chunks.into_remainder().iter_mut().zip(STEP) {
            *d = base.wrapping_add(k);
        }
    }
    dense.clear();
    dense.resize(folded_len, 0);
    // Offsets fit: the original is at most `DENSE_MAX` bytes.
    let (mut f, mut o) = (0usize, 0u16);
    for a in anchors {
        let (af, ao) = (a.f as usize, u16::try_from(a.o).unwrap_or(u16::MAX));
        identity(dense.get_mut(f..af), o);
        // The folded bytes of the anchor's character map to its start
        // (one byte, é → e, is the usual case: a store, not a fill).
        match dense.get_mut(af..af + usize::from(a.flen)) {
            Some([d]) => *d = ao,
            Some(d) => d.fill(ao),
            None => {}
        }
        f = af + usize::from(a.flen);
        o = ao.wrapping_add(u16::from(a.olen));
    }
    identity(dense.get_mut(f..), o);
}

impl Folded {
    /// Folds `original`.
    pub fn new(original: &str) -> Folded {
        let mut f = Folded::default();
        f.refold(original);
        f
    }

    /// Folds `original` into `self`, as [`Folded::new`] does, reusing the
    /// buffers of the previous text (for a loop over sentences).
    pub fn refold(&mut self, original: &str) {
        self.text.clear();
        self.text.reserve(original.len());
        self.orig_len = original.len();
        self.dense.clear();
        // The anchors are folded into in place (no move of the enum).
        let narrow = u32::try_from(original.len()).is_ok();
        if narrow != matches!(self.anchors, Anchors::Narrow(_)) {
            self.anchors = if narrow { Anchors::Narrow(Vec::new()) } else { Anchors::Wide(Vec::new()) };
        }
        match &mut self.anchors {
            Anchors::Narrow(v) => {
                v.clear();
                fold_impl(original, &mut self.text, v);
                if !v.is_empty() && original.len() <= DENSE_MAX {
                    fill_dense(v, self.text.len(), &mut self.dense);
                }
            }
            Anchors::Wide(v) => {
                v.clear();
                fold_impl(original, &mut self.text, v);
            }
        }
    }

    /// Maps a byte offset in the folded text back to the original text.
    ///
    /// For a character boundary of [`Folded::text`] this is the start of the
    /// original character that produced the folded character there (the
    /// middle of an expansion such as `oe` from `œ` maps to the start of `œ`);
    /// `orig(text.len())` (or anything past it) is the original length.
    ///
    /// Inlined into the caller (the coder maps every token's two ends, about
    /// 320k calls per MB of text): one load through the dense map, or the
    /// identity for a text folded byte for byte, before any call.
    #[inline]
    pub fn orig(&self, folded_byte: usize) -> usize {
        if let Some(&o) = self.dense.get(folded_byte) {
            return usize::from(o);
        }
        if folded_byte < self.text.len() && self.anchors.is_empty() {
            return folded_byte;
        }
        self.orig_sparse(folded_byte)
    }

    /// [`Folded::orig`] through the anchors (a text without a dense map).
    fn orig_sparse(&self, folded_byte: usize) -> usize {
        if folded_byte >= self.text.len() {
            return self.orig_len;
        }
        match &self.anchors {
            Anchors::Narrow(v) => orig_in(v, folded_byte),
            Anchors::Wide(v) => orig_in(v, folded_byte),
        }
    }

    /// Like [`Folded::orig`], but an offset inside an expansion maps to the
    /// end of the original character: use it for the end of a match.
    pub fn orig_end(&self, folded_byte: usize) -> usize {
        if folded_byte >= self.text.len() {
            return self.orig_len;
        }
        let inside = match &self.anchors {
            Anchors::Narrow(v) => inside_end(v, folded_byte),
            Anchors::Wide(v) => inside_end(v, folded_byte),
        };
        inside.unwrap_or_else(|| self.orig(folded_byte))
    }

    /// Maps a folded byte range to the original text (start with
    /// [`Folded::orig`], end with [`Folded::orig_end`]).
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        self.orig(r.start)..self.orig_end(r.end)
    }

    /// The length of the folding of `original[..orig_byte]`, for a
    /// character boundary `orig_byte` of the original (the inverse of
    /// [`Folded::orig`] there); the folded length past the end.
    pub(crate) fn folded_offset(&self, orig_byte: usize) -> usize {
        if orig_byte == 0 {
            // The folding of nothing.
            return 0;
        }
        if orig_byte >= self.orig_len {
            return self.text.len();
        }
        match &self.anchors {
            Anchors::Narrow(v) => folded_in(v, orig_byte),
            Anchors::Wide(v) => folded_in(v, orig_byte),
        }
    }

    /// Whether the text was folded byte for byte (no character changed
    /// length): then [`Folded::orig`] is the identity up to the end.
    #[inline]
    pub fn is_identity(&self) -> bool {
        self.anchors.is_empty()
    }

    /// Length of the original text.
    pub fn orig_len(&self) -> usize {
        self.orig_len
    }
}

/// Folds `s` into a new string (no offset map).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_impl(s, &mut out, &mut NoSink);
    out
}

/// Appends the folding of `s` to `out` (no offset map): lets a hot loop reuse
/// one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    fold_impl(s, out, &mut NoSink);
}

/// End of the run of ASCII bytes starting at `i`.
#[inline]
fn ascii_run_end(b: &[u8], mut i: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let high = u64::from_le_bytes(w) & HI;
        if high != 0 {
            // The first byte with its high bit set.
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii() {
        i += 1;
    }
    i
}

fn fold_impl<S: Sink>(s: &str, out: &mut String, sink: &mut S) {
    let bytes = s.as_bytes();
    let start = out.len();
    let mut i = 0;
    while i < bytes.len() {
        let j = ascii_run_end(bytes, i);
        if j > i {
            out.push_str(&s[i..j]);
            i = j;
        }
        // Fast path: U+00C0..=U+00FF (French and most Western accents).
        if let (Some(0xC3), Some(&b2)) = (bytes.get(i), bytes.get(i + 1)) {
            let f = LATIN1[usize::from(b2 & 0x3F)];
            if f.len() != 2 || f.is_ascii() {
                sink.anchor(out.len(), i, f.len(), 2);
            }
            out.push_str(f);
            i += 2;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let olen = c.len_utf8();
        let fstart = out.len();
        fold_char(c, out);
        let flen = out.len() - fstart;
        if flen != olen || out[fstart..].chars().nth(1).is_some() {
            sink.anchor(fstart, i, flen, olen);
        }
        i += olen;
    }
    // The ASCII runs, lowercased in one pass: the folding of every other
    // character is already lowercase and has no ASCII byte to change.
    out[start..].make_ascii_lowercase();
}

/// Folded forms of U+00C0..=U+00FF.
const LATIN1: [&str; 64] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // C0-CF
    "d", "n", "o", "o", "o", "o", "o", "\u{d7}", "o", "u", "u", "u", "u", "y", "th", "ss", // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // E0-EF
    "d", "n", "o", "o", "o", "o", "o", "\u{f7}", "o", "u", "u", "u", "u", "y", "th", "y", // F0-FF
];

/// Appends the folding of one non-ASCII character.
fn fold_char(c: char, out: &mut String) {
    let s: &str = match c {
        '\u{c0}'..='\u{ff}' => LATIN1[(c as usize) - 0xc0],
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => " ",
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => "",
        '\u{2019}' | '\u{2018}' | '\u{201b}' | '\u{2bc}' | '\u{2032}' | '\u{b4}' | '\u{2b9}' => "'",
        '\u{ab}' | '\u{bb}' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{2039}' | '\u{203a}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2043}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => "-",
        '\u{85}' | '\u{2028}' | '\u{2029}' => "\n",
        'œ' | 'Œ' => "oe",
        'đ' | 'Đ' => "d",
        'ł' | 'Ł' => "l",
        'ı' => "i",
        'ẞ' => "ss",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        '\u{300}'..='\u{36f}' => "",
        '\u{100}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => {
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            });
            return;
        }
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every folded char boundary maps to the start of an original char.
    fn check_boundaries(orig: &str) {
        let f = Folded::new(orig);
        for (fb, _) in f.text.char_indices() {
            let o = f.orig(fb);
            assert!(orig.is_char_boundary(o), "{orig:?}: folded {fb} -> {o}");
        }
        assert_eq!(f.orig(f.text.len()), orig.len());
        assert_eq!(fold(orig), f.text);
        for (ob, _) in orig.char_indices().chain([(orig.len(), ' ')]) {
            assert_eq!(f.folded_offset(ob), fold(&orig[..ob]).len(), "{orig:?}: original {ob}");
        }
    }

    #[test]
    fn folding_is_per_character() {
        // `fold_into` appends, and the boilerplate test folds a prefix: both
        // need the folding of a text to be that of its characters in turn.
        for t in ["ÉLYSÉE Paris", "ABCDEFGHÉIJKLMNOPQRSTUVWXYZ", "İSTANBUL ŁÓDŹ ΑΘΗΝΑ Сергей", "Œ\u{a0}L’ÉTAT « X »", "\u{212a}ELVIN"]
        {
            let per_char: String = t.chars().map(|c| fold(c.encode_utf8(&mut [0; 4]))).collect();
            assert_eq!(fold(t), per_char, "{t:?}");
            let mut out = String::from("KEEP ");
            fold_into(t, &mut out);
            assert_eq!(out, format!("KEEP {per_char}"));
        }
    }

    #[test]
    fn dense_map_agrees_with_the_anchors() {
        let long = "Téhéran ".repeat(DENSE_MAX / 8);
        // Stretches of every length from 0 to 20 between anchors (the
        // dense map writes eight offsets at a time).
        let stretches: String = (0..=20).map(|n| format!("{}é", "x".repeat(n))).collect();
        for orig in [
            "Élysée\u{a0}: l’Œuvre",
            "ß\u{200b}é ﬁn İi «»",
            "a\u{ad}b Сергей ΑΘΗΝΑ x",
            "e\u{301}te\u{301}",
            "œ",
            long.as_str(),
            stretches.as_str(),
        ] {
            let f = Folded::new(orig);
            let Anchors::Narrow(v) = &f.anchors else { panic!("narrow") };
            assert!(!v.is_empty());
            assert_eq!(f.dense.is_empty(), orig.len() > DENSE_MAX, "{orig:?}");
            for fb in 0..f.text.len() {
                assert_eq!(f.orig(fb), orig_in(v, fb), "{orig:?}: folded {fb}");
            }
        }
    }

    #[test]
    fn refold_equals_a_fresh_fold() {
        let mut f = Folded::default();
        for s in ["Élysée\u{a0}: l’Œuvre", "", "plain ascii", "Ça « Marche » — cœur, Straße", "x"] {
            f.refold(s);
            assert_eq!(f, Folded::new(s), "{s:?}");
        }
    }

    #[test]
    fn folds_french_and_typography() {
        assert_eq!(
            fold("Ça « Marche » — l’État, l‘ONU, naïf, cœur, Æsop, Straße"),
            "ca \" marche \" - l'etat, l'onu, naif, coeur, aesop, strasse"
        );
        assert_eq!(fold("10\u{a0}000\u{202f}€ et\u{2009}?"), "10 000 € et ?");
        assert_eq!(fold("négo\u{ad}ciations"), "negociations");
        assert_eq!(fold("Sergueï Choïgou"), "serguei choigou");
        assert_eq!(fold("İstanbul Łódź Øresund Đoković"), "istanbul lodz oresund dokovic");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete", "NFD input");
    }

    #[test]
    fn keeps_other_scripts_lowercased() {
        assert_eq!(fold("Сергей ШОЙГУ"), "сергей шойгу");
        assert_eq!(fold("طهران"), "طهران");
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
    }

    #[test]
    fn offsets_are_exact() {
        let orig = "M. Lavrov a rencontré l’Œuvre d’Orient à Téhéran\u{a0}; Сергей.";
        let f = Folded::new(orig);
        let i = f.text.find("teheran").unwrap();
        let r = f.orig_range(i..i + "teheran".len());
        assert_eq!(&orig[r], "Téhéran");
        let i = f.text.find("oeuvre").unwrap();
        assert_eq!(&orig[f.orig(i)..], "Œuvre d’Orient à Téhéran\u{a0}; Сергей.");
        // The 'e' of "oe" maps to the start of Œ; an end inside it to its end.
        assert_eq!(f.orig(i + 1), f.orig(i));
        assert_eq!(&orig[f.orig(i)..f.orig_end(i + 1)], "Œ");
        let i = f.text.find("сергей").unwrap();
        assert_eq!(&orig[f.orig(i)..f.orig(i + "сергей".len())], "Сергей");
        for s in [orig, "", "abc", "é", "œ", "a\u{ad}b", "\u{ad}", "ß\u{200b}é", "İi", "«»", "ﬁn"] {
            check_boundaries(s);
        }
    }

    #[test]
    fn ascii_is_identity_mapped() {
        let orig = "WASHINGTON, Jan. 5 (Reuters) - The U.S. said";
        let f = Folded::new(orig);
        assert_eq!(f.text, orig.to_ascii_lowercase());
        assert_eq!(f.anchors, Anchors::Narrow(Vec::new()));
        assert_eq!(f.orig(7), 7);
    }

    #[test]
    fn identity_means_orig_is_the_identity() {
        let texts = [
            "WASHINGTON, Jan. 5 (Reuters) - The U.S. said",
            "",
            "Сергей ШОЙГУ ΑΘΗΝΑ طهران",
            "Élysée\u{a0}: l’Œuvre",
            "naïf",
            "a\u{ad}b",
            "10\u{a0}000 €",
            "ﬁn",
            "İstanbul",
            "e\u{301}",
            "«»",
        ];
        for orig in texts {
            let f = Folded::new(orig);
            let every = (0..=f.text.len() + 1).all(|fb| f.orig(fb) == fb.min(orig.len()));
            // Byte for byte (other scripts lowercased in place included) it
            // is the identity; where a character changed length, it is not.
            assert_eq!(f.is_identity(), every && f.text.len() == orig.len(), "{orig:?}");
        }
        let identity: Vec<bool> = texts.iter().map(|t| Folded::new(t).is_identity()).collect();
        assert_eq!(identity, [true, true, true, false, false, false, false, false, false, false, false]);
    }
}
