//! Reading content files as text and parsing YAML into typed records, turning every problem into
//! a [`Diagnostic`] that names the file, line and column and says how to fix it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostic::{Diagnostic, LineStarts, Msg, line_col};

pub use super::yaml::{custom_error, parse_yaml};

/// The largest Markdown, YAML or CSV file read, in bytes: a build holds every file in memory
/// (with what is made of it, a few times its size), so a limit keeps that bounded.
pub const MAX_TEXT_FILE: u64 = 64 * 1024 * 1024;

/// A content file read into memory: UTF-8, byte-order mark removed, line ends made `\n`.
#[derive(Clone, Debug)]
pub struct Source {
    /// Relative to the site root, e.g. `content/announcements/x.md`.
    pub path: PathBuf,
    pub text: String,
    /// The old encoding the file was saved in and read from (`Windows-874`, `UTF-16LE`,
    /// `UTF-16BE`); none for UTF-8. `check` asks staff to convert it.
    pub legacy: Option<&'static str>,
    /// Where each line starts, computed when first needed.
    lines: OnceLock<LineStarts>,
}

/// Whether text decoded from Windows-874 reads as Thai: it has a Thai consonant, every vowel or
/// tone mark written above or below sits on a Thai letter, and nothing became a control
/// character. Latin-1 `café` decodes to `caf` and a tone mark on nothing, and is refused.
fn plausibly_thai(text: &str) -> bool {
    let consonant = |c: char| ('\u{0e01}'..='\u{0e2e}').contains(&c);
    let mut prev: Option<char> = None;
    let mut any = false;
    for c in text.chars() {
        if crate::thai::is_combining(c) {
            let on_letter = prev.is_some_and(|p| {
                ('\u{0e01}'..='\u{0e30}').contains(&p)
                    || p == '\u{0e32}'
                    || p == '\u{0e33}'
                    || crate::thai::is_combining(p)
            });
            if !on_letter {
                return false;
            }
        }
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
            return false;
        }
        any |= consonant(c);
        prev = Some(c);
    }
    any
}

/// `bytes` as a `String` when they are UTF-8. Thai takes three bytes a letter, where the
/// standard library's check goes one letter at a time; this one checks 32 bytes at once.
pub fn utf8(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: the bytes were checked to be UTF-8 just above.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Reads text as saved by office programs: UTF-8 (with or without a byte-order mark) as it is;
/// UTF-16 with a byte-order mark (Excel's "Unicode text"); otherwise Windows-874 / TIS-620 when
/// the bytes are all Windows-874 and hold Thai. Valid UTF-8 is never read as anything else.
/// `Err` with the bytes back when none of these fits.
pub fn decode(bytes: Vec<u8>) -> Result<(String, Option<&'static str>), Vec<u8>> {
    use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_874};
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some((UTF_16LE, "UTF-16LE")),
        Some([0xFE, 0xFF]) => Some((UTF_16BE, "UTF-16BE")),
        _ => None,
    };
    if let Some((enc, name)) = utf16 {
        return match enc.decode_without_bom_handling_and_without_replacement(&bytes[2..]) {
            Some(text) => Ok((text.into_owned(), Some(name))),
            None => Err(bytes),
        };
    }
    let bytes = match utf8(bytes) {
        Ok(text) => return Ok((text, None)),
        Err(bytes) => bytes,
    };
    let thai = WINDOWS_874
        .decode_without_bom_handling_and_without_replacement(&bytes)
        .filter(|t| plausibly_thai(t))
        .map(std::borrow::Cow::into_owned);
    match thai {
        Some(text) => Ok((text, Some("Windows-874"))),
        None => Err(bytes),
    }
}

impl Source {
    /// A file's text, already normalized.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
            legacy: None,
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
        use std::io::Read;
        // One look-up of the path: the size comes from the open file.
        let unreadable = |e: std::io::Error| {
            Diagnostic::error(
                crate::diagnostic::codes::FILE_UNREADABLE,
                rel,
                Msg::new(
                    format!("อ่านไฟล์ไม่ได้: {e}"),
                    format!("cannot read the file: {e}"),
                ),
            )
        };
        let mut file = std::fs::File::open(root.join(rel)).map_err(unreadable)?;
        let len = file.metadata().map_or(0, |m| m.len());
        if len > MAX_TEXT_FILE {
            let mb = |n: u64| n.div_ceil(1024 * 1024);
            return Err(Diagnostic::error(crate::diagnostic::codes::FILE_TOO_LARGE,
                rel,
                Msg::new(
                    format!(
                        "ไฟล์นี้ใหญ่เกินไป ({} MB; รับได้ไม่เกิน {} MB)",
                        mb(len),
                        mb(MAX_TEXT_FILE)
                    ),
                    format!(
                        "this file is too large ({} MB; at most {} MB)",
                        mb(len),
                        mb(MAX_TEXT_FILE)
                    ),
                ),
            )
            .help(Msg::new(
                "แบ่งเนื้อหาเป็นหลายไฟล์ หรือแนบเอกสารขนาดใหญ่เป็นไฟล์ PDF ในส่วน attachments แทน (ไฟล์แนบมีขนาดเท่าใดก็ได้)",
                "split it into several files, or attach a large document as a PDF under attachments (attachments may be of any size)",
            )));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
        file.read_to_end(&mut bytes).map_err(unreadable)?;
        Self::from_bytes(rel, bytes)
    }

    pub fn from_bytes(rel: &Path, bytes: Vec<u8>) -> Result<Self, Diagnostic> {
        let (text, legacy) = match decode(bytes) {
            Ok(t) => t,
            Err(bytes) => {
                let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
                let bytes = &bytes[..];
                let good = String::from_utf8_lossy(&bytes[..valid]);
                let (line, column) = line_col(&good, good.len());
                let lossy = String::from_utf8_lossy(bytes);
                return Err(Diagnostic::error(crate::diagnostic::codes::NOT_UTF8,
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
        let text = normalize(text);
        if let Some(at) = first_control(&text) {
            return Err(control_character(rel, &text, at));
        }
        // Only what a nesting parser reads (YAML, Markdown) pays for nesting; a CSV does not.
        let ext = rel
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let kind = match ext.as_deref() {
            Some("md") => Some(super::limits::Kind::Markdown),
            Some("yaml" | "yml") => Some(super::limits::Kind::Yaml),
            _ => None,
        };
        if let Some(deep) = kind.and_then(|k| super::limits::too_deep(&text, k)) {
            return Err(too_deep(rel, &text, &deep));
        }
        let mut source = Self::new(rel, text);
        source.legacy = legacy;
        Ok(source)
    }
}

/// Characters nobody types on purpose that break what they reach (a feed that is no longer
/// XML, a terminal that changes colour): control characters other than tab and line ends.
pub fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

fn too_deep(rel: &Path, text: &str, deep: &super::limits::TooDeep) -> Diagnostic {
    use super::limits::{MAX_DEPTH, MAX_HTML_DEPTH, TooDeep};
    let (at, th, en) = match *deep {
        TooDeep::Brackets(at) => (
            at,
            format!("วงเล็บ [ หรือ {{ ซ้อนกันเกิน {MAX_DEPTH} ชั้น"),
            format!("brackets [ or {{ nested more than {MAX_DEPTH} deep"),
        ),
        TooDeep::Markers(at) => (
            at,
            format!("เครื่องหมายรายการหรือข้อความอ้างอิง (- > *) ซ้อนกันเกิน {MAX_DEPTH} ชั้นในบรรทัดเดียว"),
            format!("list or quote markers (- > *) nested more than {MAX_DEPTH} deep on one line"),
        ),
        TooDeep::Html(at) => (
            at,
            format!("แท็ก HTML ซ้อนกันเกิน {MAX_HTML_DEPTH} ชั้น"),
            format!("HTML tags nested more than {MAX_HTML_DEPTH} deep"),
        ),
    };
    let (line, column) = line_col(text, at);
    // The line alone, cut short: the text around a bomb is the bomb.
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let shown: String = text[start..]
        .chars()
        .take(120)
        .take_while(|c| *c != '\n')
        .collect();
    Diagnostic::error(crate::diagnostic::codes::NESTING_TOO_DEEP, rel, Msg::new(format!("{th} ซึ่งไม่ใช่เนื้อหาที่อ่านได้"), format!("{en}, which is no readable content")))
        .at(&format!("{}{shown}", "\n".repeat(line.saturating_sub(1))), line, column.min(120))
        .help(Msg::new(
            "ตรวจว่าไฟล์นี้ถูกต้องหรือไม่ (อาจเสียหายหรือถูกสร้างขึ้นโดยโปรแกรมอื่น) แล้วเขียนใหม่ให้ซ้อนกันเพียงไม่กี่ชั้น",
            "check the file (it may be damaged or made by another program) and write it with only a few levels",
        ))
}

fn control_character(rel: &Path, text: &str, at: usize) -> Diagnostic {
    let (line, column) = line_col(text, at);
    let c = text[at..].chars().next().unwrap_or('\0');
    let code = format!("U+{:04X}", c as u32);
    // The line as shown must not carry the character itself.
    let shown: String = text
        .chars()
        .map(|c| if is_control(c) { '?' } else { c })
        .collect();
    Diagnostic::error(crate::diagnostic::codes::CONTROL_CHARACTER,
        rel,
        Msg::new(
            format!("มีอักขระควบคุมที่มองไม่เห็น ({code}) ซึ่งใช้ในเว็บไซต์ไม่ได้"),
            format!("an invisible control character ({code}) that a site cannot carry"),
        ),
    )
    .at(&shown, line, column)
    .help(Msg::new(
        "ลบอักขระนั้นออก (ตรงตำแหน่งเครื่องหมาย ? ในบรรทัดที่แสดง มักติดมาจากการคัดลอกจากโปรแกรมอื่น) แล้วบันทึกใหม่",
        "delete it (where the ? is in the line shown; it usually comes with text pasted from another program) and save again",
    ))
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
    if !has_pasted(&text) {
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

/// Whether [`unpaste`] would change `text`: a look at the lead bytes of the characters it
/// changes (most text has none), without decoding every character.
fn has_pasted(text: &str) -> bool {
    let b = text.as_bytes();
    let found = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(|i| {
        match (b[i], b.get(i + 1), b.get(i + 2)) {
            // U+00A0, U+00AD
            (0xC2, Some(0xA0 | 0xAD), _) => true,
            // U+2007, U+2009, U+200B..U+200D, U+202F
            (0xE2, Some(0x80), Some(0x87 | 0x89 | 0x8B..=0x8D | 0xAF)) => true,
            // U+2060
            (0xE2, Some(0x81), Some(0xA0)) => true,
            // U+FEFF
            (0xEF, Some(0xBB), Some(0xBF)) => true,
            _ => false,
        }
    });
    // memmem picks the needle's rarest bytes: in Thai text the first (0xE0) is everywhere.
    found || memchr::memmem::find(b, "\u{0E4D}\u{0E32}".as_bytes()).is_some()
}

/// The byte offset of the first character [`is_control`] refuses: bytes below a space but tab
/// and line ends, DEL, and U+0080..U+009F (`C2 80`..`C2 9F`), found without decoding.
fn first_control(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let control = |i: usize, x: u8| {
        (x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r'))
            || x == 0x7F
            || (x == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    };
    // A branch-free look at 64 bytes at a time (the compiler makes it vector code); a block
    // that may hold one is read byte by byte.
    const BLOCK: usize = 64;
    b.chunks(BLOCK).enumerate().find_map(|(k, block)| {
        let maybe = block.iter().fold(false, |any, &x| {
            any | ((x < 0x20) & (x != b'\t') & (x != b'\n') & (x != b'\r'))
                | (x == 0x7F)
                | (x == 0xC2)
        });
        if !maybe {
            return None;
        }
        let start = k * BLOCK;
        (start..start + block.len()).find(|&i| control(i, b[i]))
    })
}

/// What [`unpaste`] makes of one character: nothing, a space, or itself.
fn unpasted(c: char) -> Option<char> {
    match c {
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}' => Some(' '),
        c => Some(c),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters the byte-level looks must tell apart: those they look for, their neighbours
    /// with the same lead bytes, Thai, Latin and controls.
    const ALPHABET: &[char] = &[
        'a', ' ', '\t', '\n', '\r', '\u{0}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}',
        '\u{a1}', '\u{ad}', '\u{ac}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}',
        '\u{200b}', '\u{200d}', '\u{200e}', '\u{202f}', '\u{2030}', '\u{2060}', '\u{2061}',
        '\u{201c}', '\u{feff}', '\u{fefe}', '\u{ff01}', 'ก', 'ำ', '\u{0e4d}', '\u{0e32}', '€',
        '😀',
    ];

    proptest::proptest! {
        #[test]
        fn byte_level_looks_agree_with_the_characters(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..40),
            clean in 0usize..60,
        ) {
            // Clean text first, so what follows falls anywhere in a later block.
            let text: String = "กa ".repeat(clean)
                + &picks.iter().map(|&i| ALPHABET[i]).collect::<String>();
            let by_chars = text.chars().any(|c| unpasted(c) != Some(c))
                || text.contains("\u{0E4D}\u{0E32}");
            proptest::prop_assert_eq!(has_pasted(&text), by_chars);
            proptest::prop_assert_eq!(first_control(&text), text.find(is_control));
        }
    }

    #[test]
    fn windows_874_is_read_only_when_it_reads_as_thai() {
        let (thai, _, _) = encoding_rs::WINDOWS_874.encode("ประกาศ เทศบาลตำบล ผู้ใหญ่บ้าน\n");
        assert_eq!(
            decode(thai.into_owned()),
            Ok((
                "ประกาศ เทศบาลตำบล ผู้ใหญ่บ้าน\n".to_owned(),
                Some("Windows-874")
            ))
        );
        // Latin-1 "café" would decode to "caf" and a tone mark on nothing.
        assert!(decode(b"caf\xe9 au lait\n".to_vec()).is_err());
        // Bytes Windows-874 leaves undefined.
        assert!(decode(vec![0xdb, 0xfc]).is_err());
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
    fn bom_and_crlf_are_normalized() {
        assert_eq!(normalize("\u{feff}a: 1\r\nb: 2\r\n".into()), "a: 1\nb: 2\n");
    }
}
