//! The bundled fr pack.

macro_rules! data {
    ($f:literal) => {
        (concat!("data/lang/fr/", $f), include_str!(concat!("../../../../data/lang/fr/", $f)))
    };
}

/// The pack's files.
pub const SOURCES: super::Sources = ("fr", data!("verbs.txt"), data!("verb_forms.tsv"), data!("agents.tsv"), data!("offices.tsv"));

/// Agents beyond the hand-written table (none for French).
pub const EXTRA_AGENTS: &[super::File] = &[];

/// Endings a French literal may add through agreement ("téléphonique" →
/// "téléphoniques", "signé" → "signée").
pub const AGREEMENT: &[&str] = &["s", "x", "e", "es"];

/// French plural of a folded noun: -al → -aux, -eau/-eu → +x, -s/-x/-z unchanged, else +s.
pub fn plural(noun: &str) -> String {
    if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with('z') {
        noun.to_string()
    } else if let Some(stem) = noun.strip_suffix("al") {
        format!("{stem}aux")
    } else if noun.ends_with("eau") || noun.ends_with("eu") {
        format!("{noun}x")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plurals() {
        assert_eq!(super::plural("manifestation"), "manifestations");
        assert_eq!(super::plural("accord"), "accords");
        assert_eq!(super::plural("tribunal"), "tribunaux");
        assert_eq!(super::plural("cessez-le-feu"), "cessez-le-feux");
        assert_eq!(super::plural("pays"), "pays");
    }
}
