//! The bundled en pack.

macro_rules! data {
    ($f:literal) => {
        (concat!("data/lang/en/", $f), include_str!(concat!("../../../../data/lang/en/", $f)))
    };
}

/// The pack's files.
pub const SOURCES: super::Sources = ("en", data!("verbs.txt"), data!("verb_forms.tsv"), data!("agents.tsv"), data!("offices.tsv"));

/// Agents beyond the hand-written table, loaded after it: the Phoenix
/// agent nouns converted by `dyad dict convert` (tools/gen_petrarch_en.py).
pub const EXTRA_AGENTS: &[super::File] = &[data!("agents-petrarch.tsv")];

/// Endings an English literal may add ("talk" → "talks").
pub const AGREEMENT: &[&str] = &["s", "es"];

/// English plural of a folded noun.
pub fn plural(noun: &str) -> String {
    let b = noun.as_bytes();
    if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with("sh") || noun.ends_with("ch") || noun.ends_with('z') {
        format!("{noun}es")
    } else if noun.ends_with('y') && b.len() > 1 && !b"aeiou".contains(&b[b.len() - 2]) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plurals() {
        assert_eq!(super::plural("protest"), "protests");
        assert_eq!(super::plural("attack"), "attacks");
        assert_eq!(super::plural("strike"), "strikes");
        assert_eq!(super::plural("treaty"), "treaties");
        assert_eq!(super::plural("crash"), "crashes");
    }
}
