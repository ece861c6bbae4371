//! A hand-written JSON writer for [`Event`]: the JSONL output, byte for byte
//! what `serde_json::to_writer(out, &event)` writes.
//!
//! Why: serialising through serde's derive cost about a seventh of coding a
//! corpus (some 11,000 instructions an event): the derive goes key by key
//! through the `Serializer` state machine, serde_json escapes each string
//! byte by byte and makes many small writes into the output. This writer
//! appends each run of constant text (`","doc":"`) in one copy, skips
//! sixteen bytes of a string at a time while none of them needs escaping
//! and copies the clean runs whole, and keeps how the floats it wrote last
//! were written (per thread, see `memo` and `coords`).
//!
//! What keeps it identical to serde_json:
//! - the keys, in the order of the fields in `event.rs`, with the derive's
//!   rules for `Option`s: `null` for a `None`, except the fields marked
//!   `skip_serializing_if = "Option::is_none"` (`Actor::title_check`,
//!   `TitleCheck::title_held`), which are left out;
//! - serde_json's escaping: `"` and `\` with a backslash, the control
//!   characters below U+0020 as `\b \t \n \f \r` or `\u00xx` (lower-case
//!   hex), every other byte (U+007F, `/`, all non-ASCII UTF-8) as it is;
//! - numbers formatted by the very crates serde_json formats them with:
//!   `itoa` for integers, `zmij` (shortest round-trip, `1.0` for a whole
//!   number) for finite floats, `null` for NaN and the infinities;
//! - a [`Date`] as its `YYYY-MM-DD` string, as its `Serialize` writes it.
//!
//! The tests below compare this writer with `serde_json::to_vec` on events
//! that take every `None`/`Some`, empty and full lists, every kind of byte
//! that is or is not escaped and floats of every shape; the
//! `json_identity` test of `dyad-bench` does the same on every event coded
//! from the bundled example articles, the golden inputs and a generated
//! corpus. A new field of [`Event`] or its parts makes them fail until it is
//! written here too.

use crate::{Actor, Date, Event, Evidence, Location, TitleCheck};

impl Event<'_> {
    /// Appends the event as one JSON object (no newline) to `out`: exactly
    /// the bytes `serde_json::to_writer(&mut out, self)` appends, faster
    /// (see the module documentation of `json.rs`).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        // Each constant piece closes the previous string and opens the next.
        out.extend_from_slice(b"{\"id\":\"");
        let id_at = out.len();
        escaped(out, &self.id.doc);
        let id_end = out.len();
        // `:`, the hash in hex and the next key in one copy.
        let mut hash = *b":0123456789abcdef\",\"doc\":\"";
        hash[1..17].copy_from_slice(&self.id.hex());
        out.extend_from_slice(&hash);
        if same(&self.doc, &self.id.doc) {
            // The article's id again (the very string, from the coder), as
            // escaped above: one copy, not a second escape.
            out.extend_from_within(id_at..id_end);
        } else {
            escaped(out, &self.doc);
        }
        out.extend_from_slice(b"\",\"date\":");
        date(out, self.date);
        match codebook_piece(self) {
            Some(piece) => out.extend_from_slice(piece),
            None => codebook_fields(out, &self.code, &self.root, self.quad, self.goldstein, &self.name),
        }
        actor(out, &self.source);
        out.extend_from_slice(b",\"target\":");
        or_null(out, self.target.as_ref(), actor);
        out.extend_from_slice(b",\"location\":");
        or_null(out, self.location.as_ref(), location);
        out.extend_from_slice(b",\"attribution\":[");
        for (i, a) in self.attribution.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            string(out, a);
        }
        out.extend_from_slice(b"],\"evidence\":");
        evidence(out, &self.evidence);
        out.extend_from_slice(b",\"trigger\":\"");
        escaped(out, &self.trigger);
        out.extend_from_slice(b"\",\"lang\":\"");
        escaped(out, &self.lang);
        out.extend_from_slice(b"\"}");
    }
}

/// The fields an event takes from its codebook entry, and the key after
/// them: `,"code":"041","root":"04","quad":1,"goldstein":1.0,"name":"…","source":`.
fn codebook_fields(out: &mut Vec<u8>, code: &str, root: &str, quad: u8, goldstein: f32, name: &str) {
    out.extend_from_slice(b",\"code\":\"");
    escaped(out, code);
    out.extend_from_slice(b"\",\"root\":\"");
    escaped(out, root);
    out.extend_from_slice(b"\",\"quad\":");
    out.extend_from_slice(itoa::Buffer::new().format(quad).as_bytes());
    out.extend_from_slice(b",\"goldstein\":");
    float32(out, goldstein);
    out.extend_from_slice(b",\"name\":\"");
    escaped(out, name);
    out.extend_from_slice(b"\",\"source\":");
}

/// [`codebook_fields`] of the event, written once for each entry of the
/// bundled codebook (on the entry's first use), when the event's fields
/// are that entry's very strings (its `Cow`s borrow them, as the coder's
/// do) and numbers: one copy where the fields took five escapes, a number,
/// a float and six constant pieces (1 MB corpus: −1.43M instructions,
/// 0.6 % of coding and writing it, the first uses included).
///
/// Borrowing the same bytes is the test: the codebook lives as long as the
/// program, so a string at the same address and of the same length as its
/// entry's holds the entry's bytes (an owned copy, or any other string,
/// sits elsewhere and takes [`codebook_fields`]).
fn codebook_piece(e: &Event) -> Option<&'static [u8]> {
    use std::sync::OnceLock;
    // Each entry's piece written on its first use (all 312 at once cost
    // ≈660,000 instructions, most codes never used).
    static PIECES: OnceLock<Vec<OnceLock<Box<[u8]>>>> = OnceLock::new();
    let book = crate::codebook();
    let (i, c) = book.entry(&e.code)?;
    let same_entry = same(&e.code, &c.code)
        && same(&e.root, &c.root)
        && same(&e.name, &c.name)
        && e.quad == c.quad
        && e.goldstein.to_bits() == c.goldstein.to_bits();
    if !same_entry {
        return None;
    }
    let piece = PIECES.get_or_init(|| book.iter().map(|_| OnceLock::new()).collect()).get(i)?.get_or_init(|| {
        let mut out = Vec::with_capacity(128);
        codebook_fields(&mut out, &c.code, &c.root, c.quad, c.goldstein, &c.name);
        out.into_boxed_slice()
    });
    Some(piece)
}

/// Whether `a` and `b` are the same bytes in memory (at the same address,
/// of the same length): then they are equal, without comparing them.
fn same(a: &str, b: &str) -> bool {
    std::ptr::eq(a.as_ptr(), b.as_ptr()) && a.len() == b.len()
}

fn actor(out: &mut Vec<u8>, a: &Actor) {
    out.extend_from_slice(b"{\"text\":\"");
    escaped(out, &a.text);
    out.extend_from_slice(b"\",\"code\":\"");
    escaped_bytes(out, a.code.as_bytes());
    out.extend_from_slice(b"\",\"country\":\"");
    escaped(out, &a.country);
    if let (None, None, None) = (&a.title, &a.entity, &a.title_check) {
        // Most actors (a country, a group) have no title: the rest in one
        // copy (1 MB corpus: −323,000 instructions).
        out.extend_from_slice(b"\",\"title\":null,\"entity\":null}");
        return;
    }
    out.extend_from_slice(b"\",\"title\":");
    or_null(out, a.title.as_deref(), string);
    out.extend_from_slice(b",\"entity\":");
    or_null(out, a.entity.as_deref(), string);
    if let Some(c) = &a.title_check {
        out.extend_from_slice(b",\"title_check\":");
        title_check(out, c);
    }
    out.push(b'}');
}

fn title_check(out: &mut Vec<u8>, c: &TitleCheck) {
    out.extend_from_slice(b"{\"status\":\"");
    escaped(out, &c.status);
    out.push(b'"');
    if let Some((start, end)) = c.title_held {
        out.extend_from_slice(b",\"title_held\":[");
        or_null(out, start, date);
        out.push(b',');
        or_null(out, end, date);
        out.push(b']');
    }
    out.extend_from_slice(b",\"role_on_date\":\"");
    escaped(out, &c.role_on_date);
    out.extend_from_slice(b"\"}");
}

fn location(out: &mut Vec<u8>, l: &Location) {
    out.extend_from_slice(b"{\"name\":\"");
    escaped(out, &l.name);
    out.extend_from_slice(b"\",\"country\":\"");
    escaped(out, &l.country);
    coords(out, l.lat, l.lon);
}

fn evidence(out: &mut Vec<u8>, e: &Evidence) {
    out.extend_from_slice(b"{\"sentence\":\"");
    escaped(out, &e.sentence);
    out.extend_from_slice(b"\",\"start\":");
    out.extend_from_slice(itoa::Buffer::new().format(e.start).as_bytes());
    out.extend_from_slice(b",\"end\":");
    out.extend_from_slice(itoa::Buffer::new().format(e.end).as_bytes());
    out.push(b'}');
}

/// A finite `f32` as serde_json writes it (`zmij`'s shortest form), `null`
/// for NaN and the infinities; through [`memo`] (an event's Goldstein value
/// is one of a score of the codebook's).
fn float32(out: &mut Vec<u8>, v: f32) {
    if v.is_finite() {
        FLOATS32.with_borrow_mut(|m| memo(m, out, u64::from(v.to_bits()), v));
    } else {
        out.extend_from_slice(b"null");
    }
}

/// The end of a place, `","lat":…,"lon":…}`: the bytes its slot in
/// [`PLACES`] kept when it last held these coordinates, else written by
/// [`fill_coords`] and kept (the same few cities come back, the dateline's
/// in every event of an article). One look-up for the pair: a memo of each
/// float, looked up twice, cost ≈55 more instructions a place (1 MB corpus:
/// 193.48M → 193.17M instructions, L1d misses 1.246M → 1.225M).
fn coords(out: &mut Vec<u8>, lat: f64, lon: f64) {
    let (a, b) = (lat.to_bits(), lon.to_bits());
    PLACES.with_borrow_mut(|table| {
        // The top log2(PLACE_SLOTS) bits of a multiplicative hash of both.
        let h = (a ^ b.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - PLACE_SLOTS.trailing_zeros());
        let slot = &mut table[h as usize % PLACE_SLOTS];
        if slot.len == 0 || slot.lat != a || slot.lon != b {
            fill_coords(slot, lat, lon);
        }
        // The whole 64 bytes in one copy of a fixed size, the bytes past
        // the text cut off again.
        out.extend_from_slice(&slot.text);
        out.truncate(out.len() - (slot.text.len() - usize::from(slot.len)));
    });
}

/// Keeps in `slot` how serde_json writes the end of a place at `lat`,
/// `lon`: each coordinate `zmij`'s shortest form, or `null` (NaN and the
/// infinities); at most 8 + 24 + 7 + 24 + 1 = 64 bytes.
#[cold]
#[inline(never)]
fn fill_coords(slot: &mut Coords, lat: f64, lon: f64) {
    let mut at = 0;
    for (piece, v) in [(&b"\",\"lat\":"[..], Some(lat)), (b",\"lon\":", Some(lon)), (b"}", None)] {
        let mut buf = zmij::Buffer::new();
        let number = match v {
            Some(v) if v.is_finite() => buf.format_finite(v).as_bytes(),
            Some(_) => b"null",
            None => b"",
        };
        for part in [piece, number] {
            slot.text[at..at + part.len()].copy_from_slice(part);
            at += part.len();
        }
    }
    slot.len = at as u8;
    slot.lat = lat.to_bits();
    slot.lon = lon.to_bits();
}

/// How the end of a place is written ([`coords`]), for the last
/// coordinates seen in its slot: `len` bytes of `text` (`len` 0: an empty
/// slot).
#[derive(Clone, Copy)]
struct Coords {
    lat: u64,
    lon: u64,
    len: u8,
    text: [u8; 64],
}

/// How a float is written, for the last float of its bits seen in its
/// slot: `len` bytes of `text` (`len` 0: an empty slot; a float is never
/// written as nothing).
#[derive(Clone, Copy)]
struct Written {
    bits: u64,
    len: u8,
    text: [u8; 24],
}

/// Slots of the [`memo`] table of `f32`s (a power of two): an event's
/// Goldstein value is one of a score of the codebook's.
const SLOTS32: usize = 256;

/// Slots of the [`PLACES`] table (a power of two; 88 bytes each): the
/// places of a gazetteer are some thousands. (Measured when each
/// coordinate had a slot of its own: 256 slots missed often, 5,458 calls
/// to `zmij` for the ≈16,000 floats of the 1 MB corpus; 1,024 slots,
/// 4,089: −341,000 instructions, D1 misses no more, 2,100 more LL misses,
/// the table's first touch; 4,096 slots, 160 KB, more than D1: 3,196,
/// −572,000 instructions, but 25,000 more D1 misses and 5,600 more LL
/// misses. 512 pairs hold as many places as 1,024 floats did.)
const PLACE_SLOTS: usize = 512;

/// A table of [`Written`] floats, by their bits, of `N` slots.
type Memo<const N: usize> = [Written; N];

const EMPTY: Written = Written { bits: 0, len: 0, text: [0; 24] };

thread_local! {
    /// Each thread's [`memo`] of the `f32`s it wrote.
    static FLOATS32: std::cell::RefCell<Memo<SLOTS32>> = const { std::cell::RefCell::new([EMPTY; SLOTS32]) };
    /// Each thread's [`coords`], the end of each place it wrote.
    static PLACES: std::cell::RefCell<[Coords; PLACE_SLOTS]> =
        const { std::cell::RefCell::new([Coords { lat: 0, lon: 0, len: 0, text: [0; 64] }; PLACE_SLOTS]) };
}

/// Appends `v`, a finite float of bits `bits`: the bytes its slot in
/// `table` kept when it last held these bits, else those `zmij` writes,
/// then kept in the slot. `zmij` costs ≈170 instructions a float, a slot
/// that holds it ≈25, and the floats of events repeat (≈16,000 floats in
/// the 6,084 events of the 1 MB corpus). The bytes are the same either way:
/// a float is always written the same. Inlined, its miss in [`fill`]: the
/// call to `memo` with its saved registers cost as much as the hit (1 MB
/// corpus, with the fixed-size copy below: −169,000 instructions).
#[inline(always)]
fn memo<F: zmij::Float, const N: usize>(table: &mut Memo<N>, out: &mut Vec<u8>, bits: u64, v: F) {
    // The top log2(N) bits of a multiplicative hash (N a power of two).
    let slot = &mut table[(bits.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - N.trailing_zeros())) as usize % N];
    if (slot.len == 0 || slot.bits != bits) && !fill(slot, out, bits, v) {
        return;
    }
    // The whole 24 bytes in one copy of a fixed size (no call to `memcpy`),
    // the bytes past the text cut off again.
    out.extend_from_slice(&slot.text);
    out.truncate(out.len() - (slot.text.len() - usize::from(slot.len)));
}

/// Keeps in `slot` how `zmij` writes `v` (of bits `bits`); false if it was
/// too long to be kept (none is) and appended to `out` instead.
#[cold]
#[inline(never)]
fn fill<F: zmij::Float>(slot: &mut Written, out: &mut Vec<u8>, bits: u64, v: F) -> bool {
    let mut buf = zmij::Buffer::new();
    let text = buf.format_finite(v).as_bytes();
    // At most 24 bytes ("-1.7976931348623157e+308").
    let Some(kept) = slot.text.get_mut(..text.len()) else {
        out.extend_from_slice(text);
        return false;
    };
    kept.copy_from_slice(text);
    slot.len = text.len() as u8;
    slot.bits = bits;
    true
}

/// A date as its JSON string: the `YYYY-MM-DD` in quotes appended in one
/// copy of twelve bytes.
fn date(out: &mut Vec<u8>, d: Date) {
    match d.iso_bytes() {
        Some(iso) => {
            let mut quoted = [b'"'; 12];
            quoted[1..11].copy_from_slice(&iso);
            out.extend_from_slice(&quoted);
        }
        None => other_date(out, d),
    }
}

/// [`date`] of a year of other than four digits (or a month or day above
/// 99): as `collect_str` writes it.
#[cold]
#[inline(never)]
fn other_date(out: &mut Vec<u8>, d: Date) {
    string(out, &d.to_string());
}

/// `v` written by `write`, or `null` for `None` (the derive's `Option`).
#[inline(always)]
fn or_null<T>(out: &mut Vec<u8>, v: Option<T>, write: fn(&mut Vec<u8>, T)) {
    match v {
        Some(v) => write(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string: `s` escaped, in quotes.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escaped(out, s);
    out.push(b'"');
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;
/// Eight spaces: the padding of a string's last, partial word (a space
/// needs no escaping).
const SPACES: u64 = ONES * 0x20;

/// Whether any of the eight bytes in `w` needs escaping: a byte below 0x20
/// ("hasless"), a `"` or a `\` ("haszero" of the word xor the byte); each
/// test is exact for the word as a whole.
fn needs_escape(w: u64) -> bool {
    let control = w.wrapping_sub(SPACES) & !w;
    let q = w ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let b = w ^ (ONES * u64::from(b'\\'));
    let backslash = b.wrapping_sub(ONES) & !b;
    (control | quote | backslash) & HIGH != 0
}

/// Whether none of the sixteen bytes from `at` in `bytes` needs escaping.
/// Written byte by byte over a fixed-size block with no early exit, which
/// the compiler turns into vector compares (SSE2 on x86-64: ≈10
/// instructions for the block, where [`needs_escape`] on its two words
/// takes ≈26).
#[inline(always)]
fn clean16(bytes: &[u8], at: usize) -> bool {
    let mut block = [0u8; 16];
    block.copy_from_slice(&bytes[at..at + 16]);
    let mut bad = false;
    for b in block {
        bad |= (b < 0x20) | (b == b'"') | (b == b'\\');
    }
    !bad
}

/// The contents of `s` (no quotes) escaped as serde_json escapes them.
///
/// Most strings of an event are short (codes, countries, names): they go
/// to [`short`], inlined in [`escaped_bytes`], and only the longer ones pay
/// for the call to [`long`] (whose loop saves and restores six registers).
#[inline]
fn escaped(out: &mut Vec<u8>, s: &str) {
    escaped_bytes(out, s.as_bytes());
}

/// [`escaped`] of a string's bytes (an actor's code, read without
/// checking it as UTF-8 again: [`crate::ActorCode::as_bytes`]).
///
/// One copy called by every field, not inlined into each: the writer runs
/// once an event, between sentences whose coding evicts it from the
/// instruction cache, so its every byte of code is fetched again for each
/// event; [`short`]'s arms copied into twenty fields tripled its size.
/// (1 MB corpus: +0.67M instructions for the calls, −445k simulated L1i
/// misses, 4.95M → 4.50M: −213k in the writer's own functions, the rest
/// in the coder's, which the writer no longer evicts.)
#[inline(never)]
fn escaped_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    if bytes.len() < 16 {
        short(out, bytes);
    } else {
        long(out, bytes);
    }
}

/// [`escaped`] sixteen bytes at a time ([`clean16`]): the clean blocks
/// before the first one with a byte to escape are copied in one go (the
/// whole string, almost always), that block goes byte by byte, and so on
/// with the rest. Not inlined into [`escaped_bytes`], whose short strings
/// would then save and restore the loop's registers too (1 MB corpus:
/// −0.15M instructions).
#[inline(never)]
fn long(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut rest = bytes;
    loop {
        let n = rest.len();
        if n < 16 {
            short(out, rest);
            return;
        }
        let mut i = 0;
        while i + 16 <= n && clean16(rest, i) {
            i += 16;
        }
        if i + 16 > n {
            // Every whole block is clean; the last sixteen bytes overlap them.
            if clean16(rest, n - 16) {
                out.extend_from_slice(rest);
                return;
            }
            i = n - 16;
        }
        out.extend_from_slice(&rest[..i]);
        bytewise(out, &rest[i..i + 16]);
        rest = &rest[i + 16..];
    }
}

/// The eight bytes of `bytes` from `at`, as a little-endian word.
fn word(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(w)
}

/// [`escaped`] for fewer than sixteen bytes, without a call to `memcpy`:
/// from eight bytes on, the first and the last eight (overlapping) are
/// checked and appended as two words, the overlap cut off between them; a
/// shorter string is read into one word by two overlapping loads of four
/// bytes (below four, a load per length), padded with spaces (a space
/// needs no escaping), appended whole and the padding cut off again.
/// Inlined into [`escaped_bytes`] and [`long`]: a call's saved registers
/// would cost as much as the copy of a country code.
#[inline(always)]
fn short(out: &mut Vec<u8>, bytes: &[u8]) {
    let n = bytes.len();
    let w = match n {
        0 => return,
        // One arm per length, with constant shifts: codes of two and three
        // letters are the most common strings of an event (one arm with
        // shifts by `n`: 1 MB corpus +296,000 instructions).
        1 => u64::from(bytes[0]),
        2 => u64::from(u16::from_le_bytes([bytes[0], bytes[1]])),
        3 => u64::from(u16::from_le_bytes([bytes[0], bytes[1]])) | u64::from(bytes[2]) << 16,
        4..=7 => u64::from(word4(bytes, 0)) | u64::from(word4(bytes, n - 4)) << (8 * (n - 4)),
        _ => {
            let (first, last) = (word(bytes, 0), word(bytes, n - 8));
            if !needs_escape(first) && !needs_escape(last) {
                out.extend_from_slice(&first.to_le_bytes());
                out.truncate(out.len() - (16 - n));
                out.extend_from_slice(&last.to_le_bytes());
            } else {
                bytewise(out, bytes);
            }
            return;
        }
    } | SPACES << (8 * n);
    if needs_escape(w) {
        bytewise(out, bytes);
    } else {
        out.extend_from_slice(&w.to_le_bytes());
        out.truncate(out.len() - (8 - n));
    }
}

/// The four bytes of `bytes` from `at`, as a little-endian word.
fn word4(bytes: &[u8], at: usize) -> u32 {
    let mut w = [0; 4];
    w.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(w)
}

/// `bytes` escaped one by one.
#[cold]
fn bytewise(out: &mut Vec<u8>, bytes: &[u8]) {
    for &b in bytes {
        match ESCAPE[usize::from(b)] {
            0 => out.push(b),
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
            }
            e => out.extend_from_slice(&[b'\\', e]),
        }
    }
}

/// serde_json's escape table: for byte `b`, 0 if it is written as it is,
/// else the letter after the backslash (`u` for `\u00xx`).
static ESCAPE: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActorCode, EventId};
    use std::borrow::Cow;

    fn same(e: &Event) {
        let mut ours = Vec::new();
        e.write_json(&mut ours);
        let serde = serde_json::to_vec(e).expect("serialises");
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&serde));
        assert_eq!(ours, serde);
    }

    fn actor(text: &str) -> Actor<'_> {
        Actor { text: text.into(), ..crate::event::tests::actor("RUSGOV") }
    }

    /// No target, no location, no attribution.
    fn event() -> Event<'static> {
        Event { target: None, location: None, attribution: Vec::new(), ..crate::event::tests::sample() }
    }

    const STRINGS: &[&str] = &[
        "",
        "a",
        "plain ASCII text, longer than one word of eight bytes",
        "\"quoted\"",
        "back\\slash \\\\ twice",
        "\\",
        "\"",
        "tab\there, new\nline, cr\r, ff\x0c, bs\x08",
        "\u{1}\u{1f}\u{0}\u{b}\u{e}\u{10}",
        "del \u{7f} stays raw, and so does a /slash/",
        "Téhéran, 中文, emoji 🙂 and \"quotes\" after them",
        "1234567\"",
        "12345678\\",
        "123456789\n",
        "éééé\u{1}éééé\u{1f}",
        " !#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}~",
    ];

    #[test]
    fn every_option_and_list_shape() {
        let held = [
            None,
            Some((None, None)),
            Some((Some(Date { y: 2020, m: 1, d: 2 }), None)),
            Some((None, Some(Date { y: 2024, m: 12, d: 31 }))),
            Some((Some(Date { y: 1999, m: 5, d: 6 }), Some(Date { y: 2001, m: 7, d: 8 }))),
        ];
        let mut checks = vec![None];
        checks
            .extend(held.iter().map(|&title_held| {
                Some(TitleCheck { status: "stale".into(), title_held, role_on_date: "ministre \"ad interim\"".into() })
            }));
        for check in &checks {
            for title in [None, Some("président"), Some("")] {
                for entity in [None, Some("Vladimir Poutine")] {
                    let a = Actor {
                        title: title.map(Cow::Borrowed),
                        entity: entity.map(Cow::Borrowed),
                        title_check: check.clone().map(Box::new),
                        ..actor("le président russe")
                    };
                    same(&Event { source: a.clone(), ..event() });
                    same(&Event { target: Some(a), ..event() });
                }
            }
        }
        let place = Location { name: "Téhéran".into(), country: Cow::Owned("IRN".into()), lat: 35.5, lon: 51.25 };
        for attribution in [vec![], vec![Cow::Borrowed("TASS")], vec!["TASS".into(), "".into(), "Agenzia \"Nova\"".into()]] {
            same(&Event { attribution: attribution.clone(), ..event() });
            same(&Event { attribution, location: Some(place.clone()), target: Some(actor("Téhéran")), ..event() });
        }
    }

    #[test]
    fn strings_escape_as_serde_json_escapes_them() {
        for s in STRINGS {
            let a = Actor {
                text: Cow::Borrowed(s),
                code: ActorCode::new(s),
                country: Cow::Owned(s.to_string()),
                title: Some(Cow::Borrowed(s)),
                entity: Some(Cow::Owned(s.to_string())),
                title_check: Some(Box::new(TitleCheck { status: s.to_string(), title_held: None, role_on_date: s.to_string() })),
            };
            let l = Location { name: (*s).into(), country: Cow::Owned(s.to_string()), lat: 0.0, lon: 0.0 };
            same(&Event {
                id: EventId { doc: Cow::Borrowed(s), hash: s.len() as u64 * 0x0123_4567_89ab_cdef },
                doc: (*s).into(),
                code: Cow::Owned(s.to_string()),
                root: Cow::Owned(s.to_string()),
                name: Cow::Owned(s.to_string()),
                source: a.clone(),
                target: Some(a),
                location: Some(l),
                attribution: vec![Cow::Borrowed(s), Cow::Owned(s.to_string())],
                evidence: Evidence { sentence: (*s).into(), start: 0, end: s.len() },
                trigger: Cow::Borrowed(s),
                lang: Cow::Owned(s.to_string()),
                ..event()
            });
            // The article's id and `doc` the same string (copied once
            // escaped), equal strings apart, different strings.
            for (id, doc) in [
                (Cow::Borrowed(*s), Cow::Owned(s.to_string())),
                (Cow::Borrowed(*s), Cow::Borrowed(s.get(..s.len() / 2).unwrap_or_default())),
            ] {
                same(&Event { id: EventId { doc: id.clone(), hash: 7 }, doc: doc.clone(), ..event() });
                same(&Event { id: EventId { doc, hash: 7 }, doc: id, ..event() });
            }
        }
        // Every byte below 0x80 alone, at every offset in a word, and every
        // pair of them.
        for b in 0..0x80u8 {
            let c = char::from(b);
            for pad in 0..10 {
                let s = format!("{}{c}{}", "x".repeat(pad), "é".repeat(pad));
                same(&Event { evidence: Evidence { sentence: s.into(), start: 0, end: 1 }, ..event() });
            }
            let pairs: String = (0..0x80u8).flat_map(|d| [c, char::from(d)]).collect();
            same(&Event { trigger: pairs.into(), ..event() });
        }
    }

    #[test]
    fn strings_of_every_length_mixing_clean_and_escaped_characters() {
        // A fixed pseudo-random sequence (xorshift) over characters that
        // are and are not escaped, of one to four bytes.
        let alphabet = ['a', 'Z', ' ', '/', '"', '\\', '\n', '\t', '\u{1}', '\u{1f}', '\u{7f}', 'é', '中', '🙂'];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for len in 0..64 {
            for _ in 0..20 {
                let s: String = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        // Clean characters most of the time, as in news text.
                        let k = (x % 40) as usize;
                        alphabet[if k < alphabet.len() { k } else { k % 4 }]
                    })
                    .collect();
                same(&Event { trigger: s.into(), ..event() });
            }
        }
    }

    #[test]
    fn floats_and_integers_as_serde_json_writes_them() {
        let f64s = [
            0.0,
            -0.0,
            1.0,
            -10.0,
            3.4,
            35.6892,
            -122.419_415_5,
            1e-7,
            1.5e-7,
            1e21,
            1e22,
            123_456_789_012_345_680.0,
            f64::MIN_POSITIVE,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            0.1 + 0.2,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for (i, &lat) in f64s.iter().enumerate() {
            let lon = f64s[(i * 7 + 3) % f64s.len()];
            let l = Location { name: "x".into(), country: Cow::Borrowed("XXX"), lat, lon };
            same(&Event { location: Some(l), ..event() });
        }
        let f32s = [
            0.0,
            -0.0,
            -10.0,
            10.0,
            3.4,
            -2.2,
            0.1,
            1e-7,
            1e21,
            f32::MIN_POSITIVE,
            1e-45,
            f32::MAX,
            f32::MIN,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        for goldstein in f32s {
            same(&Event { goldstein, ..event() });
        }
        for g in -100..=100 {
            same(&Event { goldstein: g as f32 / 10.0, ..event() });
        }
        for hash in [0, 1, 0xf, 0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210, u64::MAX] {
            for doc in ["", "a", "bench-3-0", "d\"q\\"] {
                same(&Event { id: EventId { doc: Cow::Borrowed(doc), hash }, ..event() });
            }
        }
        for (quad, start, end) in [(0, 0, 0), (1, 9, 10), (4, 99, 100), (u8::MAX, 12_345, usize::MAX)] {
            same(&Event { quad, evidence: Evidence { sentence: "s".into(), start, end }, ..event() });
        }
    }

    #[test]
    fn remembered_floats_are_written_as_zmij_writes_them() {
        // Far more floats than slots, each written several times in
        // different orders: every slot is reused by floats of other bits.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let f64s: Vec<f64> = (0..8 * PLACE_SLOTS)
            .map(|i| if i % 2 == 0 { f64::from_bits(next()) } else { (next() % 3_600_000) as f64 / 1e4 - 180.0 })
            .filter(|v| v.is_finite())
            .collect();
        let f32s: Vec<f32> = f64s.iter().map(|&v| v as f32).filter(|v| v.is_finite()).collect();
        fn check<F: zmij::Float + std::ops::Neg<Output = F> + Default + std::fmt::Debug>(write: fn(&mut Vec<u8>, F), vals: &[F]) {
            for round in 0..3 {
                for (i, &v) in vals.iter().enumerate() {
                    let other = vals[(i * 7 + round * 13) % vals.len()];
                    for w in [v, other, -v, F::default(), -F::default()] {
                        let mut out = Vec::new();
                        write(&mut out, w);
                        assert_eq!(out, zmij::Buffer::new().format_finite(w).as_bytes(), "{w:?}");
                    }
                }
            }
        }
        check(float32, &f32s);
        // Places: far more pairs than slots, in three orders, with the
        // values serde_json writes as `null`.
        let mut f64s = f64s;
        f64s.extend([f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0, f64::MAX, f64::MIN, 5e-324]);
        let head = br#"{"name":"","country":""#.len();
        for round in 0..3 {
            for (i, &lat) in f64s.iter().enumerate() {
                let lon = f64s[(i * 7 + round * 13) % f64s.len()];
                for (lat, lon) in [(lat, lon), (lon, lat), (lat, lat), (-lat, lon)] {
                    let mut out = Vec::new();
                    coords(&mut out, lat, lon);
                    let l = Location { name: "".into(), country: Cow::Borrowed(""), lat, lon };
                    let serde = serde_json::to_vec(&l).expect("serialises");
                    assert_eq!(out, serde[head..], "{lat:?} {lon:?}");
                }
            }
        }
    }

    #[test]
    fn hex_is_the_ids_hex() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 0..10_000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for hash in [x, i, u64::MAX - i, 1 << (i % 64), 0xa << (4 * (i % 16)), 0x9 << (4 * (i % 16))] {
                let id = EventId { doc: Cow::Borrowed(""), hash };
                assert_eq!(id.hex(), *format!("{hash:016x}").as_bytes(), "{hash:x}");
            }
        }
    }

    #[test]
    fn codebook_entries_written_once_are_what_serde_json_writes() {
        let book = crate::codebook();
        assert!(book.len() > 300);
        for c in book.iter() {
            // Borrowed from the entry: its piece; owned copies, a changed
            // number or another entry's name: written field by field.
            let borrowed = Event {
                code: Cow::Borrowed(&c.code),
                root: Cow::Borrowed(&c.root),
                quad: c.quad,
                goldstein: c.goldstein,
                name: Cow::Borrowed(&c.name),
                ..event()
            };
            assert!(codebook_piece(&borrowed).is_some(), "{}", c.code);
            same(&borrowed);
            let owned = Event { code: Cow::Owned(c.code.clone()), root: Cow::Owned(c.root.clone()), ..borrowed.clone() };
            assert!(codebook_piece(&owned).is_none());
            same(&owned);
            for other in [
                Event { quad: c.quad.wrapping_add(1), ..borrowed.clone() },
                Event { goldstein: c.goldstein + 0.5, ..borrowed.clone() },
                Event { name: Cow::Borrowed(&c.name[..c.name.len() - 1]), ..borrowed.clone() },
                Event { name: Cow::Borrowed(&book.iter().next().expect("a code").name), ..borrowed.clone() },
            ] {
                if other.name != c.name || other.quad != c.quad || other.goldstein != c.goldstein {
                    assert!(codebook_piece(&other).is_none(), "{}", c.code);
                }
                same(&other);
            }
        }
    }

    #[test]
    fn dates_are_their_iso_bytes() {
        let written = |d: Date| {
            let mut out = Vec::new();
            date(&mut out, d);
            out
        };
        // What `collect_str` writes: the date's `Display`.
        let reference = |d: Date| format!("\"{d}\"").into_bytes();
        for y in -3..=10_003 {
            let d = Date { y, m: (y.rem_euclid(13)) as u8, d: (y.rem_euclid(33)) as u8 };
            assert_eq!(written(d), reference(d), "{y}");
        }
        for m in 0..=u8::MAX {
            for d in 0..=u8::MAX {
                for y in [0, 7, 99, 100, 2026, 9999, 10_000, -1] {
                    let d = Date { y, m, d };
                    assert_eq!(written(d), reference(d), "{d:?}");
                }
            }
        }
    }

    #[test]
    fn dates_of_every_year_width() {
        for (y, m, d) in [(2026, 1, 12), (1, 2, 3), (0, 12, 31), (9999, 10, 1), (10_000, 1, 1), (-1, 1, 1), (-44, 3, 15), (2024, 100, 7)] {
            let date = Date { y, m, d };
            same(&Event { date, ..event() });
            let check = TitleCheck { status: "current".into(), title_held: Some((Some(date), Some(date))), role_on_date: "".into() };
            same(&Event { source: Actor { title_check: Some(Box::new(check)), ..actor("x") }, ..event() });
        }
    }
}
