//! Diagnostics: what is wrong with the content, where, and how to fix it.
//!
//! Every message exists in Thai (the default: the staff who read them are Thai) and in English
//! (`--lang en`). A diagnostic points at a file, line and column, and carries the offending line
//! so it can be shown with a caret under the column.

pub mod codes;

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

pub use codes::Code;

/// The language messages are printed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Thai (default)
    #[default]
    Th,
    /// English
    En,
}

/// A message in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub th: String,
    pub en: String,
}

impl Msg {
    pub fn new(th: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            th: th.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Th => &self.th,
            Lang::En => &self.en,
        }
    }

    /// Packs both languages into one string, for errors that must pass through serde as text.
    /// [`Msg::unpack`] takes them apart again.
    pub fn pack(&self) -> String {
        format!("{}{SEP}{}", self.th, self.en)
    }

    /// The inverse of [`Msg::pack`]; `None` when the text was not packed.
    pub fn unpack(text: &str) -> Option<Self> {
        let (th, en) = text.split_once(SEP)?;
        Some(Self::new(th, en))
    }
}

const SEP: char = '\u{1f}';

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about the content.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What kind of finding this is, stable across rewordings (`codes`).
    pub code: Code,
    /// The file, relative to the site root (e.g. `content/site.yaml`).
    pub file: PathBuf,
    /// 1-based line; 0 when the finding is about the file as a whole.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// The field the finding is about, as a path (`measures[2].period.from`), if known.
    pub field: Option<String>,
    pub message: Msg,
    pub help: Option<Msg>,
    /// The law or rule a compliance finding comes from.
    pub rule: Option<Msg>,
    /// The text of the line, to print under the message.
    pub snippet: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, file: impl Into<PathBuf>, message: Msg) -> Self {
        Self {
            severity: Severity::Error,
            code,
            file: file.into(),
            line: 0,
            column: 0,
            field: None,
            message,
            help: None,
            rule: None,
            snippet: None,
        }
    }

    pub fn warning(code: Code, file: impl Into<PathBuf>, message: Msg) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, file, message)
        }
    }

    /// Sets the line and column, and takes the line's text from `source`.
    #[must_use]
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.snippet = line
            .checked_sub(1)
            .and_then(|i| source.lines().nth(i))
            .map(str::to_owned);
        self
    }

    #[must_use]
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    #[must_use]
    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    #[must_use]
    pub fn rule(mut self, rule: Msg) -> Self {
        self.rule = Some(rule);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, as editors and terminals understand it.
    pub fn location(&self) -> String {
        let file = self.file.display();
        match (self.line, self.column) {
            (0, _) => file.to_string(),
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        }
    }

    /// The diagnostic as the terminal shows it.
    pub fn render(&self, lang: Lang) -> String {
        let label = match (self.severity, lang) {
            (Severity::Error, Lang::Th) => "ข้อผิดพลาด",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Th) => "คำเตือน",
            (Severity::Warning, Lang::En) => "warning",
        };
        let mut out = format!("{label}: {}: {}\n", self.location(), self.message.get(lang));
        if let Some(field) = &self.field {
            let name = match lang {
                Lang::Th => "ช่อง",
                Lang::En => "field",
            };
            let _ = writeln!(out, "  {name}: {field}");
        }
        if let Some(text) = &self.snippet {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            let _ = writeln!(out, "  {pad} |");
            let _ = writeln!(out, "  {num} | {text}");
            if self.column > 0 {
                let before: String = text.chars().take(self.column - 1).collect();
                let indent: String = before
                    .chars()
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "  {pad} | {indent}^");
            }
        }
        if let Some(rule) = &self.rule {
            let name = match lang {
                Lang::Th => "ตามหลักเกณฑ์",
                Lang::En => "rule",
            };
            let _ = writeln!(out, "  {name}: {}", rule.get(lang));
        }
        if let Some(help) = &self.help {
            let name = match lang {
                Lang::Th => "วิธีแก้",
                Lang::En => "how to fix",
            };
            let _ = writeln!(out, "  {name}: {}", help.get(lang));
        }
        let name = match lang {
            Lang::Th => "รหัส",
            Lang::En => "code",
        };
        let _ = writeln!(out, "  {name}: {} ({})", self.code.id, self.code.name);
        printable(&out).into_owned()
    }
}

/// Text as a terminal may show it: control characters other than line ends and tabs (the
/// escape that starts a colour or moves the cursor, in a file name or a pasted value) are
/// written out as `\u{1b}` instead of acting on the terminal.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// The findings of one load or check, in the order they were found.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.len() - self.errors()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorts by file, then position, errors before warnings at the same place.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity).cmp(&(&b.file, b.line, b.column, b.severity))
        });
    }

    /// All diagnostics, then a one-line summary.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render(lang));
            out.push('\n');
        }
        let (e, w) = (self.errors(), self.warnings());
        let _ = match lang {
            Lang::Th => writeln!(out, "พบข้อผิดพลาด {e} รายการ คำเตือน {w} รายการ"),
            Lang::En => writeln!(out, "{e} error(s), {w} warning(s)"),
        };
        out
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The 1-based line and column of byte offset `index` in `text`.
pub fn line_col(text: &str, index: usize) -> (usize, usize) {
    let before = &text[..index.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Where `needle` first appears in `text` at or after line `from_line` (1-based), as line and
/// column. Used to point at a value after parsing, when the parser no longer knows where it was.
/// For many lookups in one text keep its [`LineStarts`] (as [`crate::site::Source`] does).
pub fn locate(text: &str, needle: &str, from_line: usize) -> Option<(usize, usize)> {
    LineStarts::new(text).locate(text, needle, from_line)
}

/// Where each line of a text starts (byte offsets), for locating many values in it.
#[derive(Clone, Debug)]
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn new(text: &str) -> Self {
        Self(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// [`locate`] in `text`, the text these line starts were made from.
    pub fn locate(&self, text: &str, needle: &str, from_line: usize) -> Option<(usize, usize)> {
        if needle.is_empty() {
            return None;
        }
        let start = match from_line {
            0 | 1 => 0,
            n => self.0.get(n - 1).copied().unwrap_or(text.len()),
        };
        let at = start + text[start..].find(needle)?;
        let line = self.0.partition_point(|&s| s <= at);
        let column = text[self.0[line - 1]..at].chars().count() + 1;
        Some((line, column))
    }
}

/// Shows a path relative to `root` when it is inside it.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_round_trips() {
        let m = Msg::new("ไทย", "English");
        assert_eq!(Msg::unpack(&m.pack()), Some(m));
        assert_eq!(Msg::unpack("plain"), None);
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a: 1\nชื่อ: x\n";
        let i = text.find('x').unwrap();
        assert_eq!(line_col(text, i), (2, 7));
    }

    #[test]
    fn locate_starts_at_the_given_line() {
        let text = "x: a\ny: a\n";
        assert_eq!(locate(text, "a", 1), Some((1, 4)));
        assert_eq!(locate(text, "a", 2), Some((2, 4)));
        assert_eq!(locate(text, "zzz", 1), None);
    }

    #[test]
    fn render_shows_caret_under_column() {
        let src = "title: x\ndate: 2566-02-30\n";
        let d = Diagnostic::error(codes::BAD_DATE, "content/a.md", Msg::new("วันผิด", "bad day"))
            .at(src, 2, 7)
            .field("date");
        let text = d.render(Lang::En);
        assert!(
            text.starts_with("error: content/a.md:2:7: bad day\n"),
            "{text}"
        );
        assert!(text.contains("2 | date: 2566-02-30\n"));
        assert!(text.contains("  |       ^\n"));
    }
}
