//! The one reader for dyad's TSV data files (see `docs/data-formats.md`).
//!
//! Every file starts with `#dyad-format <kind> <version>`; `#` lines and blank
//! lines are skipped; fields are TAB-separated. Errors name `file:line`.

use crate::CoreError;

/// A data row: its 1-based line number and its fields.
#[derive(Debug)]
pub struct Row<'a> {
    /// 1-based line number in the file.
    pub line: usize,
    /// The TAB-separated fields (at least the minimum asked for).
    pub fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i`, or "" when the row is shorter.
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }
}

/// Checks the header of `src` and returns its data rows, each with at least
/// `min_fields` fields.
pub fn rows<'a>(src: &'a str, file: &str, kind: &str, version: u32, min_fields: usize) -> Result<Vec<Row<'a>>, CoreError> {
    let mut lines = src.lines().enumerate();
    let expected = format!("#dyad-format {kind} {version}");
    match lines.next() {
        Some((_, h)) if h.trim_end() == expected => {}
        other => {
            let found = other.map(|(_, h)| h).unwrap_or("(empty file)");
            return Err(CoreError::Data {
                file: file.to_string(),
                line: 1,
                what: format!(
                    "format header is {found:?}, this build reads {expected:?}: regenerate the file \
                     with its generator (see data/*/MANIFEST.toml) or rebuild dyad from the same checkout"
                ),
            });
        }
    }
    let mut out = Vec::new();
    for (i, line) in lines {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < min_fields {
            return Err(CoreError::Data {
                file: file.to_string(),
                line: i + 1,
                what: format!("expected at least {min_fields} TAB-separated fields, found {}", fields.len()),
            });
        }
        out.push(Row { line: i + 1, fields });
    }
    Ok(out)
}

/// An error about field `field` of `row` in `file`.
pub fn field_error(file: &str, row: &Row<'_>, field: &str, what: &str) -> CoreError {
    CoreError::Data {
        file: file.to_string(),
        line: row.line,
        what: format!("field `{field}`: {what} (value {:?})", row.fields.join("\\t")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_names_bad_lines() {
        let src = "#dyad-format things 1\n# c\n\na\tb\nc\n";
        let e = rows(src, "x.tsv", "things", 1, 2).unwrap_err().to_string();
        assert!(e.contains("x.tsv:5"), "{e}");
        let ok = rows(src, "x.tsv", "things", 1, 1).unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].line, 4);
        assert_eq!(ok[0].get(1), "b");
        assert_eq!(ok[1].get(1), "");
        let e = rows(src, "x.tsv", "things", 2, 1).unwrap_err().to_string();
        assert!(e.contains("x.tsv:1") && e.contains("regenerate"), "{e}");
    }
}
