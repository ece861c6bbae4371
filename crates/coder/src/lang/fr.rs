//! French closed classes.

use crate::lexicon::Closed;

/// French closed word classes (folded).
pub fn closed() -> Closed {
    Closed {
        glue: vec!["de", "du", "des", "d'", "la", "le", "l'", "les"],
        preps: vec![
            "a", "au", "aux", "avec", "contre", "par", "pour", "sur", "selon", "entre", "chez", "vers", "dans", "en", "de", "d'",
            "envers", "aupres", "devant", "depuis", "sans", "apres", "avant", "face", "malgre", "comme", "quant",
        ],
        locatives: vec!["a", "au", "aux", "en", "dans", "depuis", "vers", "pres", "de"],
        reflexives: vec!["se", "s'", "me", "m'", "te", "t'", "nous", "vous"],
        passive_aux: vec!["etre"],
        between: vec!["entre"],
        possessives: vec!["ses", "son", "sa", "leurs", "leur", "nos", "notre"],
        relatives: vec!["qui", "lequel", "laquelle", "lesquels", "lesquelles"],
        by: vec!["par"],
        agency: vec!["agence", "agences"],
        modals: vec![],
        to: vec![],
        determiners: vec!["un", "une", "des", "la", "le", "les", "l'", "cette", "ces", "ce", "cet", "du", "sa", "son", "ses", "leur", "leurs", "toute", "tout", "aucune", "aucun", "nouvelle", "nouvel", "nouveau", "nouvelles", "nouveaux", "premiere", "premier"],
        pair_countries: vec!["pays", "etats", "nations", "capitales", "gouvernements"],
        home_country: Some("FRA"),
        future_aux: vec!["aller", "devoir"],
        quantities: vec!["milliers", "centaines", "dizaines", "millions", "millier", "centaine", "dizaine", "plusieurs", "nombre", "groupe", "foule", "majorite", "partie", "quinzaine", "vingtaine", "trentaine", "cinquantaine", "douzaine"],
        adjective_first: false,
        inside: vec!["en", "dans", "au", "aux"],
        aspectual: vec!["continuer", "commencer", "recommencer", "poursuivre", "reprendre"],
        reporting: vec!["dit", "declare", "affirme", "estime", "insiste", "souligne", "rappele", "ajoute", "indique", "annonce", "juge", "assure", "precise", "explique", "confirme", "declarent", "affirment", "estiment", "assurent"],
        obligation: vec!["doit", "doivent", "devra", "devront"],
        gerund_intro: vec!["en", "tout"],
    }
}
