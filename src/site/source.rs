//! Reading content files as text and parsing YAML into typed records, turning every problem into
//! a [`Diagnostic`] that names the file, line and column and says how to fix it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, LineStarts, Msg, line_col};

/// The largest Markdown, YAML or CSV file read, in bytes: a build holds every file in memory
/// (with what is made of it, a few times its size), so a limit keeps that bounded.
pub const MAX_TEXT_FILE: u64 = 64 * 1024 * 1024;

/// A content file read into memory: UTF-8, byte-order mark removed, line ends made `\n`.
#[derive(Clone, Debug)]
pub struct Source {
    /// Relative to the site root, e.g. `content/announcements/x.md`.
    pub path: PathBuf,
    pub text: String,
    /// Where each line starts, computed when first needed.
    lines: OnceLock<LineStarts>,
}

impl Source {
    /// A file's text, already normalized.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
            lines: OnceLock::new(),
        }
    }

    /// Where `needle` first appears at or after line `from_line` (1-based), as line and column:
    /// [`crate::diagnostic::locate`] with the line starts computed once, so checks that walk a
    /// long file item by item stay linear.
    pub fn locate(&self, needle: &str, from_line: usize) -> Option<(usize, usize)> {
        self.lines
            .get_or_init(|| LineStarts::new(&self.text))
            .locate(&self.text, needle, from_line)
    }

    /// Reads `root/rel`. Invalid UTF-8, unreadable files and files over [`MAX_TEXT_FILE`] are
    /// errors that point at the place.
    pub fn read(root: &Path, rel: &Path) -> Result<Self, Diagnostic> {
        if let Ok(meta) = std::fs::metadata(root.join(rel))
            && meta.len() > MAX_TEXT_FILE
        {
            let mb = |n: u64| n.div_ceil(1024 * 1024);
            return Err(Diagnostic::error(
                rel,
                Msg::new(
                    format!(
                        "ไฟล์นี้ใหญ่เกินไป ({} MB; รับได้ไม่เกิน {} MB)",
                        mb(meta.len()),
                        mb(MAX_TEXT_FILE)
                    ),
                    format!(
                        "this file is too large ({} MB; at most {} MB)",
                        mb(meta.len()),
                        mb(MAX_TEXT_FILE)
                    ),
                ),
            )
            .help(Msg::new(
                "แบ่งเนื้อหาเป็นหลายไฟล์ หรือแนบเอกสารขนาดใหญ่เป็นไฟล์ PDF ในส่วน attachments แทน (ไฟล์แนบมีขนาดเท่าใดก็ได้)",
                "split it into several files, or attach a large document as a PDF under attachments (attachments may be of any size)",
            )));
        }
        let bytes = std::fs::read(root.join(rel)).map_err(|e| {
            Diagnostic::error(
                rel,
                Msg::new(
                    format!("อ่านไฟล์ไม่ได้: {e}"),
                    format!("cannot read the file: {e}"),
                ),
            )
        })?;
        Self::from_bytes(rel, bytes)
    }

    pub fn from_bytes(rel: &Path, bytes: Vec<u8>) -> Result<Self, Diagnostic> {
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let bytes = e.as_bytes();
                let valid = e.utf8_error().valid_up_to();
                let good = String::from_utf8_lossy(&bytes[..valid]);
                let (line, column) = line_col(&good, good.len());
                let lossy = String::from_utf8_lossy(bytes);
                return Err(Diagnostic::error(
                    rel,
                    Msg::new(
                        "ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8 (พบอักขระที่อ่านไม่ได้)",
                        "this file is not saved as UTF-8 (found bytes that are not valid text)",
                    ),
                )
                .at(&lossy, line, column)
                .help(Msg::new(
                    "เปิดไฟล์ในโปรแกรมแก้ไขข้อความแล้วบันทึกใหม่โดยเลือกการเข้ารหัส UTF-8 (เช่น ใน Notepad เลือก \"บันทึกเป็น\" > การเข้ารหัส UTF-8)",
                    "open the file in a text editor and save it again with the UTF-8 encoding (in Notepad: Save As > Encoding UTF-8)",
                )));
            }
        };
        Ok(Self::new(rel, normalize(text)))
    }
}

/// Removes a byte-order mark and turns CRLF (and lone CR) line ends into LF. Line numbers are
/// unchanged, so positions still point at the file the user sees.
pub fn normalize(text: String) -> String {
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    unpaste(text)
}

/// What text pasted from a word processor carries that the reader cannot see but that changes
/// what it means to a parser: zero-width characters and soft hyphens go (a date with one is
/// otherwise unreadable), non-breaking and thin spaces become spaces (a Markdown list or an
/// amount with one is otherwise not one), and `ํ` + `า` becomes `ำ`, which it looks like.
/// Lines stay where they were, so messages still point at the right line.
pub fn unpaste(text: String) -> String {
    if !text.chars().any(|c| unpasted(c) != Some(c)) && !text.contains("\u{0E4D}\u{0E32}") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter_map(unpasted) {
        if c == '\u{0E32}' && out.ends_with('\u{0E4D}') {
            out.pop();
            out.push('\u{0E33}');
        } else {
            out.push(c);
        }
    }
    out
}

/// What [`unpaste`] makes of one character: nothing, a space, or itself.
fn unpasted(c: char) -> Option<char> {
    match c {
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' => Some(' '),
        c => Some(c),
    }
}

/// Parses YAML text that starts at line `first_line` of `source` (1 for a YAML file, 2 for front
/// matter after its `---`).
pub fn parse_yaml<T: DeserializeOwned>(
    source: &Source,
    yaml: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    if yaml.trim().is_empty() {
        return Err(empty(source, first_line));
    }
    serde_yaml::from_str(yaml).map_err(|e| yaml_error(source, yaml, first_line, &e))
}

fn empty(source: &Source, first_line: usize) -> Diagnostic {
    let is_front_matter = first_line > 1;
    let (th, en) = if is_front_matter {
        ("ส่วนหัว (front matter) ว่างเปล่า", "the front matter is empty")
    } else {
        ("ไฟล์ว่างเปล่า ไม่มีข้อมูล", "the file is empty")
    };
    Diagnostic::error(&source.path, Msg::new(th, en))
        .at(&source.text, first_line, 0)
        .help(Msg::new(
            "ใส่ข้อมูลตามตัวอย่างใน README หรือใช้คำสั่ง prongsai new เพื่อสร้างไฟล์ตั้งต้น หรือลบไฟล์นี้ถ้าไม่ใช้",
            "fill it in as the README shows, create a starting file with `prongsai new`, or delete the file",
        ))
}

/// Turns a serde_yaml error into a diagnostic in plain words.
fn yaml_error(source: &Source, yaml: &str, first_line: usize, e: &serde_yaml::Error) -> Diagnostic {
    let (mut line, mut column) = e.location().map_or((1, 0), |l| (l.line(), l.column()));
    // The positions in the text count from the start of the YAML, not the file: take them out.
    let (text, marks) = take_positions(&e.to_string());
    let text = text.as_str();
    // Nested errors start with the field's path: "measures[0].period.from: message".
    let (field, detail) = match text.split_once(": ") {
        Some((path, rest)) if is_field_path(path) => (Some(path.to_owned()), rest),
        _ => (None, text),
    };

    let (message, help) = if let Some(msg) = Msg::unpack(detail) {
        // One of our own value types refused the value: its message already says it all.
        split_help(msg)
    } else if let Some(rest) = detail.strip_prefix("unknown field `") {
        unknown_field(rest)
    } else if let Some(rest) = detail.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        (
            Msg::new(
                format!("ขาดช่อง \"{name}\" ซึ่งจำเป็นต้องมี"),
                format!("the required field \"{name}\" is missing"),
            ),
            Some(Msg::new(
                format!("เพิ่มบรรทัด `{name}: ...` ในส่วนนี้"),
                format!("add a line `{name}: ...` here"),
            )),
        )
    } else if let Some(rest) = detail.strip_prefix("duplicate field `") {
        let name = rest.trim_end_matches('`');
        (
            Msg::new(
                format!("ช่อง \"{name}\" ซ้ำกัน"),
                format!("the field \"{name}\" appears twice"),
            ),
            Some(Msg::new(
                "ลบช่องที่ซ้ำออกให้เหลือเพียงช่องเดียว",
                "keep one of them and delete the other",
            )),
        )
    } else if let Some(rest) = detail.strip_prefix("invalid type: ") {
        invalid_type(rest)
    } else if let Some(rest) = detail.strip_prefix("unknown variant `") {
        unknown_variant(rest)
    } else {
        // A syntax error from the YAML parser itself.
        if let Some(tab_line) = tab_indented_line(yaml) {
            line = tab_line;
            column = 1;
            (
                Msg::new(
                    "ใช้ปุ่ม Tab ย่อหน้า ซึ่ง YAML ไม่อนุญาต",
                    "this line is indented with a tab, which YAML does not allow",
                ),
                Some(Msg::new(
                    "ลบ Tab ที่ต้นบรรทัดแล้วย่อหน้าด้วยการเว้นวรรค (space) แทน เช่น 2 ช่อง",
                    "replace the tab at the start of the line with spaces (for example two)",
                )),
            )
        } else {
            // An unclosed quote or bracket is only noticed at the end of the YAML, past its last
            // line; the place to fix is where the unclosed value starts (libyaml's second mark).
            if line > yaml.lines().count()
                && let Some(&(l, c)) = marks.get(1)
            {
                (line, column) = (l, c);
            }
            (
                Msg::new(
                    format!("รูปแบบ YAML ไม่ถูกต้อง ({detail})"),
                    format!("this is not valid YAML ({detail})"),
                ),
                Some(Msg::new(
                    "ตรวจว่าแต่ละบรรทัดเป็น `ชื่อช่อง: ค่า` มีเครื่องหมาย : ตามด้วยเว้นวรรค ย่อหน้าตรงกับบรรทัดข้างเคียง และถ้าค่ามีเครื่องหมาย : หรือ # ให้ครอบด้วยเครื่องหมายคำพูด \"...\"",
                    "check that each line reads `name: value` with a space after the colon, that indentation matches the lines around it, and that a value containing `:` or `#` is in quotes",
                )),
            )
        }
    };

    let line = line + first_line - 1;
    let mut d = Diagnostic::error(&source.path, message).at(&source.text, line, column);
    if let Some(f) = field {
        d = d.field(f);
    }
    if let Some(h) = help {
        d = d.help(h);
    }
    d
}

/// Removes every " at line L column C" from a serde_yaml message and returns the positions in
/// order: the problem's, then (for a syntax error) where the construct it was reading began.
fn take_positions(text: &str) -> (String, Vec<(usize, usize)>) {
    const AT: &str = " at line ";
    let mut out = String::with_capacity(text.len());
    let mut marks = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(AT) {
        let after = &rest[i + AT.len()..];
        let mark = after.split_once(" column ").and_then(|(l, tail)| {
            let digits = tail
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(tail.len());
            Some((
                l.parse().ok()?,
                tail[..digits].parse().ok()?,
                &tail[digits..],
            ))
        });
        out.push_str(&rest[..i]);
        match mark {
            Some((l, c, tail)) => {
                marks.push((l, c));
                rest = tail;
            }
            None => {
                out.push_str(AT);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, marks)
}

/// Our own messages may carry a fix after a blank line in each language.
fn split_help(msg: Msg) -> (Msg, Option<Msg>) {
    match (msg.th.split_once("\n\n"), msg.en.split_once("\n\n")) {
        (Some((th, th_help)), Some((en, en_help))) => {
            (Msg::new(th, en), Some(Msg::new(th_help, en_help)))
        }
        _ => (msg, None),
    }
}

/// Encodes a message for a serde error: the value types use this so the loader can recover both
/// languages and the fix.
pub fn custom_error<E: serde::de::Error>(message: Msg, help: Msg) -> E {
    E::custom(
        Msg::new(
            format!("{}\n\n{}", message.th, help.th),
            format!("{}\n\n{}", message.en, help.en),
        )
        .pack(),
    )
}

fn is_field_path(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'))
}

/// `rest` is what follows "unknown field `": "titel`, expected one of `title`, `date`".
fn unknown_field(rest: &str) -> (Msg, Option<Msg>) {
    let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let suggestion = nearest(name, &known);
    let message = Msg::new(
        format!("ไม่รู้จักช่อง \"{name}\""),
        format!("unknown field \"{name}\""),
    );
    let list = known.join(", ");
    let help = match suggestion {
        Some(s) => Msg::new(
            format!(
                "หมายถึง \"{s}\" หรือไม่? ช่องที่ใช้ได้ที่นี่: {list} (ข้อมูลอื่นที่ต้องการเก็บเพิ่มให้ใส่ไว้ใต้ extra:)"
            ),
            format!(
                "did you mean \"{s}\"? Fields allowed here: {list} (keep anything else under extra:)"
            ),
        ),
        None => Msg::new(
            format!("ช่องที่ใช้ได้ที่นี่: {list} (ข้อมูลอื่นที่ต้องการเก็บเพิ่มให้ใส่ไว้ใต้ extra:)"),
            format!("fields allowed here: {list} (keep anything else under extra:)"),
        ),
    };
    (message, Some(help))
}

fn unknown_variant(rest: &str) -> (Msg, Option<Msg>) {
    let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let list = known.join(", ");
    let message = Msg::new(
        format!("ค่า \"{name}\" ใช้ไม่ได้ที่นี่"),
        format!("\"{name}\" is not allowed here"),
    );
    let help = match nearest(name, &known) {
        Some(s) => Msg::new(
            format!("หมายถึง \"{s}\" หรือไม่? ค่าที่ใช้ได้: {list}"),
            format!("did you mean \"{s}\"? Allowed values: {list}"),
        ),
        None => Msg::new(
            format!("ค่าที่ใช้ได้: {list}"),
            format!("allowed values: {list}"),
        ),
    };
    (message, Some(help))
}

/// The known name closest to `name`, when it is close enough to be a likely typo.
pub fn nearest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// `rest` is what follows "invalid type: ": "string \"x\", expected a sequence".
fn invalid_type(rest: &str) -> (Msg, Option<Msg>) {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
    let th_found = describe_th(found);
    let th_expected = describe_th(expected);
    (
        Msg::new(
            format!("ค่าเป็น{th_found} แต่ช่องนี้ต้องเป็น{th_expected}"),
            format!("found {found}, but this field must be {expected}"),
        ),
        Some(Msg::new(
            "รายการ (list) เขียนเป็นบรรทัดที่ขึ้นต้นด้วย \"- \" หรือ [ก, ข]; ข้อความที่มีเครื่องหมายพิเศษให้ครอบด้วย \"...\"",
            "write a list as lines starting with \"- \" or as [a, b]; put text with special characters in quotes",
        )),
    )
}

fn describe_th(serde_kind: &str) -> String {
    let s = serde_kind.trim();
    let kind = if s.starts_with("string") || s.contains("string") {
        "ข้อความ"
    } else if s.contains("sequence") {
        "รายการ (list)"
    } else if s.contains("map") || s.starts_with("struct") {
        "ชุดข้อมูลย่อย (ชื่อช่อง: ค่า)"
    } else if s.starts_with("integer") || s.contains("u32") || s.contains("i32") || s.contains("u8")
    {
        "ตัวเลขจำนวนเต็ม"
    } else if s.starts_with("floating") {
        "ตัวเลขทศนิยม"
    } else if s.contains("bool") {
        "ค่าจริง/เท็จ (true หรือ false)"
    } else if s.starts_with("unit") || s.contains("null") {
        "ค่าว่าง"
    } else {
        return format!(" {s}");
    };
    format!("{kind} ({s})")
}

/// The first line (1-based) whose indentation contains a tab.
fn tab_indented_line(yaml: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            let indent: &str = &l[..l.len() - l.trim_start().len()];
            indent.contains('\t')
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        title: String,
        items: Option<Vec<String>>,
    }

    fn src(text: &str) -> Source {
        Source::new("content/x.yaml", text)
    }

    #[test]
    fn locate_agrees_with_the_plain_search() {
        let s = src("title: ถนน\nitems:\n  - title: ถนน\n    id: a\n  - title: ถนน\n");
        for from in 0..8 {
            for needle in ["ถนน", "id:", "title", "\n", "zzz", ""] {
                assert_eq!(
                    s.locate(needle, from),
                    crate::diagnostic::locate(&s.text, needle, from),
                    "{needle:?} from line {from}"
                );
            }
        }
    }

    #[test]
    fn unknown_field_suggests_the_nearest_name() {
        let s = src("title: a\ntitel: b\n");
        let d = parse_yaml::<Rec>(&s, &s.text, 1).unwrap_err();
        assert_eq!((d.line, d.column), (2, 1));
        assert!(d.message.en.contains("titel"));
        assert!(d.help.unwrap().en.contains("did you mean \"title\""));
    }

    #[test]
    fn tab_indentation_is_named() {
        let s = src("title: a\nitems:\n\t- x\n");
        let d = parse_yaml::<Rec>(&s, &s.text, 1).unwrap_err();
        assert_eq!(d.line, 3);
        assert!(d.message.en.contains("tab"), "{}", d.message.en);
    }

    #[test]
    fn front_matter_lines_are_offset() {
        let s = src("---\ntitle: a\nbad: 1\n---\n");
        let d = parse_yaml::<Rec>(&s, "title: a\nbad: 1\n", 2).unwrap_err();
        assert_eq!(d.line, 3);
        assert_eq!(d.snippet.as_deref(), Some("bad: 1"));
    }

    #[test]
    fn unclosed_quote_points_at_its_start_without_yaml_relative_lines() {
        let s = src("---\ntitle: a\nitems: [\"x\n---\n");
        let d = parse_yaml::<Rec>(&s, "title: a\nitems: [\"x\n", 2).unwrap_err();
        assert_eq!((d.line, d.column), (3, 9), "{}", d.message.en);
        assert!(!d.message.en.contains("line"), "{}", d.message.en);
    }

    #[test]
    fn bom_and_crlf_are_normalized() {
        assert_eq!(normalize("\u{feff}a: 1\r\nb: 2\r\n".into()), "a: 1\nb: 2\n");
    }
}
