//! What the reader tells the user: malformed lines (errors) and constructs
//! dyad reads but does not use (warnings, one per kind of construct, with
//! the first `file:line` and a count of the others).

use std::collections::HashMap;
use std::fmt;

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Read, but something is not used or was guessed.
    Warning,
    /// The line cannot be read.
    Error,
}

/// One message about one line of a dictionary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// File name (as found in the dictionary directory).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong or ignored.
    pub message: String,
    /// Further lines with the same construct (warnings are reported once).
    pub more: usize,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}:{}: {kind}: {}", self.file, self.line, self.message)?;
        if self.more > 0 {
            write!(f, " ({} more line{} like this)", self.more, if self.more == 1 { "" } else { "s" })?;
        }
        Ok(())
    }
}

/// Collects diagnostics while reading.
#[derive(Debug, Default)]
pub struct Diags {
    items: Vec<Diagnostic>,
    once: HashMap<String, usize>,
}

impl Diags {
    /// A malformed line.
    pub fn error(&mut self, file: &str, line: usize, message: impl Into<String>) {
        self.items.push(Diagnostic { file: file.to_string(), line, severity: Severity::Error, message: message.into(), more: 0 });
    }

    /// An unsupported or ignored construct: reported once per `key`, later
    /// occurrences only counted.
    pub fn warn_once(&mut self, key: &str, file: &str, line: usize, message: impl Into<String>) {
        if let Some(&i) = self.once.get(key) {
            self.items[i].more += 1;
            return;
        }
        self.once.insert(key.to_string(), self.items.len());
        self.items.push(Diagnostic { file: file.to_string(), line, severity: Severity::Warning, message: message.into(), more: 0 });
    }

    /// Everything collected, in reading order.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    /// Whether an error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }
}

/// The lines of a dictionary file that carry content, as (line number,
/// text without its comment, trimmed): blank lines, `#` comment lines and
/// `<!-- … -->` markup lines are skipped.
pub fn content_lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines().enumerate().filter_map(|(i, raw)| {
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with('<') {
            return None;
        }
        let line = strip_comment(raw).trim();
        (!line.is_empty()).then_some((i + 1, line))
    })
}

/// Strips a `#` comment that is not inside `[...]` (codes such as `[###]`
/// contain `#`), and TABARI's `;` comments after a closing bracket or at the
/// start of a comment field.
pub fn strip_comment(line: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '#' if depth <= 0 => return &line[..i],
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_once() {
        assert_eq!(strip_comment("- * X [###] # c"), "- * X [###] ");
        assert_eq!(strip_comment("ARNOR [ARN] # pas"), "ARNOR [ARN] ");
        let mut d = Diags::default();
        d.warn_once("k", "f", 3, "m");
        d.warn_once("k", "f", 9, "m");
        d.error("f", 4, "bad");
        assert!(d.has_errors());
        let v = d.into_vec();
        assert_eq!(v[0].to_string(), "f:3: warning: m (1 more line like this)");
        assert_eq!(v[1].to_string(), "f:4: error: bad");
    }
}
