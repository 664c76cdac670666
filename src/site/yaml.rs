//! YAML as staff type it: parsed into typed records, with every problem said in plain words
//! at the line to fix. Values wholly in Word's curly quotes are read as quoted; a record
//! missing several required fields is told all of them at once; a line without its colon or
//! indented unlike its neighbours is named as such, not as what the parser tripped on later.

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Code, Diagnostic, Msg, codes};
use crate::site::source::{Source, nearest};

mod structure;

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
    let yaml = straighten_quotes(yaml);
    let yaml = yaml.as_ref();
    serde_yaml::from_str(yaml).map_err(|e| {
        let mut d = yaml_error(source, yaml, first_line, &e);
        // A record lacking one required field often lacks others: name them all at once.
        let text = take_positions(&e.to_string()).0;
        if let Some((path, first)) = missing_field(&text) {
            let more = missing_fields::<T>(yaml, &path, first);
            if more.len() > 1 {
                d.message = Msg::new(
                    format!(
                        "ขาดช่องที่จำเป็นต้องมี {} ช่อง: {}",
                        more.len(),
                        quoted(&more, "และ")
                    ),
                    format!(
                        "{} required fields are missing: {}",
                        more.len(),
                        quoted(&more, "and")
                    ),
                );
                let lines: Vec<String> = more.iter().map(|m| format!("`{m}: ...`")).collect();
                d.help = Some(Msg::new(
                    format!("เพิ่มบรรทัด {} ในส่วนนี้", lines.join(" ")),
                    format!("add the lines {} here", lines.join(" ")),
                ));
            }
        }
        d
    })
}

fn quoted(names: &[String], and: &str) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    match q.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {and} {last}", rest.join(", ")),
        _ => q.join(""),
    }
}

fn empty(source: &Source, first_line: usize) -> Diagnostic {
    let is_front_matter = first_line > 1;
    let (th, en) = if is_front_matter {
        ("ส่วนหัว (front matter) ว่างเปล่า", "the front matter is empty")
    } else {
        ("ไฟล์ว่างเปล่า ไม่มีข้อมูล", "the file is empty")
    };
    Diagnostic::error(codes::EMPTY_FILE, &source.path, Msg::new(th, en))
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

    let packed = detail
        .split_once(CODE_SEP)
        .and_then(|(id, rest)| Some((codes::by_id(id)?, Msg::unpack(rest)?)));
    let (code, message, help) = if let Some((code, msg)) = packed {
        // One of our own value types refused the value: its message already says it all.
        let (message, help) = split_help(msg);
        (code, message, help)
    } else if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (message, help) = unknown_field(rest);
        (codes::UNKNOWN_FIELD, message, help)
    } else if let Some(rest) = detail.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        (
            codes::MISSING_FIELD,
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
            codes::DUPLICATE_FIELD,
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
        let (message, help) = invalid_type(rest);
        (codes::WRONG_KIND, message, help)
    } else if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (message, help) = unknown_variant(rest);
        (codes::UNKNOWN_VALUE, message, help)
    } else {
        // A syntax error from the YAML parser itself.
        if let Some(tab_line) = tab_indented_line(yaml) {
            line = tab_line;
            column = 1;
            (
                codes::TAB_INDENT,
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
            let (message, help) = syntax(detail);
            (codes::YAML_SYNTAX, message, help)
        }
    };
    // What the parser noticed is often a line or two after what is wrong: a line without its
    // colon, or one indented unlike its neighbours. Said at that line, in plain words.
    let (code, message, help) = match structure::problem(yaml) {
        Some(p) if structural(&message) => {
            (line, column) = (p.line, p.column);
            (p.code, p.message, Some(p.help))
        }
        _ => (code, message, help),
    };

    let line = line + first_line - 1;
    let mut d = Diagnostic::error(code, &source.path, message).at(&source.text, line, column);
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
pub fn custom_error<E: serde::de::Error>(code: Code, message: Msg, help: Msg) -> E {
    let msg = Msg::new(
        format!("{}\n\n{}", message.th, help.th),
        format!("{}\n\n{}", message.en, help.en),
    );
    E::custom(format!("{}{CODE_SEP}{}", code.id, msg.pack()))
}

/// Between a packed message's code and its text.
const CODE_SEP: char = '\u{1e}';

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

/// `rest` is what follows "invalid type: ": "string \"x\", expected a sequence". The value is
/// not repeated (the line is shown under the message) and Rust's names for types never are.
fn invalid_type(rest: &str) -> (Msg, Option<Msg>) {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
    let (th_found, en_found) = describe(found);
    let (th_expected, en_expected) = describe(expected);
    (
        Msg::new(
            format!("ค่าเป็น{th_found} แต่ช่องนี้ต้องเป็น{th_expected}"),
            format!("found {en_found}, but this must be {en_expected}"),
        ),
        Some(Msg::new(
            "รายการ (list) เขียนเป็นบรรทัดที่ขึ้นต้นด้วย \"- \" หรือ [ก, ข]; ชุดข้อมูลย่อยเขียนเป็นบรรทัด `ชื่อช่อง: ค่า` (มีเครื่องหมาย : ตามด้วยเว้นวรรค); ข้อความที่มีเครื่องหมายพิเศษให้ครอบด้วย \"...\"",
            "write a list as lines starting with \"- \" or as [a, b], fields as lines `name: value` (a colon and a space); put text with special characters in quotes",
        )),
    )
}

/// A serde description of a kind of value, in Thai and in plain English.
fn describe(serde_kind: &str) -> (&'static str, &'static str) {
    let s = serde_kind.trim();
    if s.starts_with("string") || s.contains("string") {
        ("ข้อความ", "text")
    } else if s.contains("sequence") {
        ("รายการ (list)", "a list")
    } else if s.contains("map") || s.starts_with("struct") {
        (
            "ชุดข้อมูลย่อย (บรรทัด ชื่อช่อง: ค่า)",
            "a set of fields (lines of name: value)",
        )
    } else if s.starts_with("integer") || s.contains("u32") || s.contains("i32") || s.contains("u8")
    {
        ("ตัวเลขจำนวนเต็ม", "a whole number")
    } else if s.starts_with("floating") {
        ("ตัวเลขทศนิยม", "a decimal number")
    } else if s.contains("bool") {
        ("ค่าจริง/เท็จ (true หรือ false)", "true or false")
    } else if s.starts_with("unit") || s.contains("null") {
        ("ค่าว่าง", "empty")
    } else {
        ("ค่าชนิดอื่น", "another kind of value")
    }
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

/// Whether a message is about the shape of the YAML (so a line found wrong in its structure
/// is the better place to send the reader): a syntax error, a field missing or unknown, a value
/// of the wrong kind.
fn structural(message: &Msg) -> bool {
    ["รูปแบบ YAML", "ขาดช่อง", "ไม่รู้จักช่อง", "ค่าเป็น", "บรรทัดนี้"]
        .iter()
        .any(|m| message.th.contains(m))
}

/// A libyaml syntax problem in plain words; the parser's own English only in English.
fn syntax(detail: &str) -> (Msg, Option<Msg>) {
    let th = if detail.contains("mapping values are not allowed") {
        "มีเครื่องหมาย : อยู่ในค่าของช่อง (YAML อ่านว่าเป็นชื่อช่องใหม่)"
    } else if detail.contains("did not find expected key") {
        "บรรทัดนี้ไม่ใช่ `ชื่อช่อง: ค่า` ตามที่ควรเป็น (มักเกิดจากย่อหน้าไม่ตรงกับบรรทัดข้างเคียง)"
    } else if detail.contains("did not find expected") {
        "วงเล็บหรือเครื่องหมายคำพูดไม่ครบคู่"
    } else if detail.contains("found character that cannot start any token") {
        "ค่านี้ขึ้นต้นด้วยเครื่องหมายที่ YAML ไม่ยอมให้ขึ้นต้น (เช่น @ ` % |)"
    } else if detail.contains("found unexpected end of stream")
        || detail.contains("found unknown escape")
    {
        "เครื่องหมายคำพูดไม่ครบคู่ หรือมีเครื่องหมาย \\ ที่ใช้ไม่ได้"
    } else if detail.contains("could not find expected ':'") {
        "ขาดเครื่องหมาย : หลังชื่อช่อง"
    } else {
        "รูปแบบ YAML ไม่ถูกต้อง"
    };
    let th = if th.starts_with("รูปแบบ") {
        th.to_owned()
    } else {
        format!("รูปแบบ YAML ไม่ถูกต้อง: {th}")
    };
    (
        Msg::new(th, format!("this is not valid YAML ({detail})")),
        Some(Msg::new(
            "ตรวจว่าแต่ละบรรทัดเป็น `ชื่อช่อง: ค่า` มีเครื่องหมาย : ตามด้วยเว้นวรรค ย่อหน้าตรงกับบรรทัดข้างเคียง และถ้าค่ามีเครื่องหมาย : หรือ # ให้ครอบด้วยเครื่องหมายคำพูด \"...\"",
            "check that each line reads `name: value` with a space after the colon, that indentation matches the lines around it, and that a value containing `:` or `#` is in quotes",
        )),
    )
}

/// `path` and field of a "missing field" message (`items[0]: missing field `budget``).
fn missing_field(text: &str) -> Option<(String, String)> {
    let (path, detail) = match text.split_once(": ") {
        Some((p, rest)) if is_field_path(p) => (p.to_owned(), rest),
        _ => (String::new(), text),
    };
    let name = detail.strip_prefix("missing field `")?.split('`').next()?;
    Some((path, name.to_owned()))
}

/// Every required field the record at `path` lacks, `first` among them: each found is put in
/// with a stand-in value and the text read again, until the record is complete or another
/// problem shows. Runs only when a record is already known to be incomplete.
fn missing_fields<T: DeserializeOwned>(yaml: &str, path: &str, first: String) -> Vec<String> {
    use serde_yaml::Value;
    let stand_ins = || {
        [
            Value::String("x".into()),
            Value::Number(1.into()),
            Value::String("2566-01-01".into()),
            Value::String("2566-01".into()),
            Value::Number(2566.into()),
            Value::Sequence(Vec::new()),
            Value::Mapping(serde_yaml::Mapping::new()),
            Value::Bool(true),
            Value::String("specific".into()),
            Value::String("bk01".into()),
            Value::String("string".into()),
        ]
    };
    let Ok(mut root) = serde_yaml::from_str::<Value>(yaml) else {
        return vec![first];
    };
    let mut found = vec![first];
    let mut tries = 0;
    let mut candidate = 0;
    while tries < 200 {
        tries += 1;
        let Some(record) = at_path(&mut root, path).and_then(Value::as_mapping_mut) else {
            break;
        };
        let name = found.last().cloned().unwrap_or_default();
        let Some(value) = stand_ins().into_iter().nth(candidate) else {
            break;
        };
        record.insert(Value::String(name.clone()), value);
        let Ok(text) = serde_yaml::to_string(&root) else {
            break;
        };
        let Err(e) = serde_yaml::from_str::<T>(&text) else {
            break;
        };
        let message = take_positions(&e.to_string()).0;
        let prefix = if path.is_empty() {
            format!("{name}: ")
        } else {
            format!("{path}.{name}: ")
        };
        if message.starts_with(&prefix) || (path.is_empty() && message.starts_with("invalid")) {
            candidate += 1; // the stand-in was of the wrong kind: try the next
            continue;
        }
        match missing_field(&message) {
            Some((p, next)) if p == path && !found.contains(&next) => {
                found.push(next);
                candidate = 0;
            }
            _ => break,
        }
    }
    found
}

/// The value at a field path (`items[2].winner`) of a YAML tree.
fn at_path<'a>(root: &'a mut serde_yaml::Value, path: &str) -> Option<&'a mut serde_yaml::Value> {
    let mut here = root;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            here = here.get_mut(name)?;
        }
        for index in indexes.split(['[', ']']).filter(|s| !s.is_empty()) {
            here = here.get_mut(index.parse::<usize>().ok()?)?;
        }
    }
    Some(here)
}

/// A value typed wholly between curly quotes (`title: “ประกาศ”`, as Word writes them) is read
/// as a quoted value, not as text with the quotes in it. Lines keep their places.
pub fn straighten_quotes(yaml: &str) -> Cow<'_, str> {
    if !yaml.contains('\u{201C}') {
        return Cow::Borrowed(yaml);
    }
    let mut out = String::with_capacity(yaml.len());
    for line in yaml.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        out.push_str(&straighten_line(body).unwrap_or_else(|| body.to_owned()));
        out.push_str(end);
    }
    Cow::Owned(out)
}

fn straighten_line(line: &str) -> Option<String> {
    // The value starts after `key: ` or `- `.
    let trimmed = line.trim_start();
    let value_at = if let Some(rest) = trimmed.strip_prefix("- ") {
        line.len() - rest.len()
    } else {
        let colon = line.find(": ")?;
        colon + 2
    };
    let value = line[value_at..].trim_start();
    let start = line.len() - value.len();
    let inner = value.strip_prefix('\u{201C}')?;
    let close = inner.rfind('\u{201D}')?;
    let (text, after) = (&inner[..close], &inner[close + '\u{201D}'.len_utf8()..]);
    let after_ok = after.trim().is_empty() || after.trim_start().starts_with('#');
    if !after_ok || text.contains(['\u{201C}', '\u{201D}']) {
        return None;
    }
    let quoted = serde_json::to_string(text).ok()?;
    Some(format!("{}{quoted}{after}", &line[..start]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::source::Source;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        title: String,
        items: Option<Vec<String>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        title: String,
        budget: u64,
        when: Vec<String>,
        note: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Plan {
        items: Vec<Item>,
    }

    fn src(text: &str) -> Source {
        Source::new("content/x.yaml", text)
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
    fn every_missing_field_of_a_record_is_named_at_once() {
        let s = src("items:\n  - id: a\n    title: b\n    budget: 1\n    when: []\n  - id: c\n");
        let d = parse_yaml::<Plan>(&s, &s.text, 1).unwrap_err();
        assert_eq!(d.line, 6, "{:?}", d.message);
        assert!(
            d.message.th.contains("ขาดช่องที่จำเป็นต้องมี 3 ช่อง"),
            "{}",
            d.message.th
        );
        for f in ["\"title\"", "\"budget\"", "\"when\""] {
            assert!(d.message.en.contains(f), "{}", d.message.en);
        }
    }

    #[test]
    fn curly_quotes_around_a_value_are_read_as_quotes() {
        let s = src("title: “ประกาศ: ด่วน”\nitems: [“a”]\n");
        let r: Rec = parse_yaml(&s, &s.text, 1).unwrap();
        assert_eq!(r.title, "ประกาศ: ด่วน");
        // Quotes inside a value are the value's own.
        let s = src("title: ชื่อ “ตัวอย่าง” ต่อ\n");
        let r: Rec = parse_yaml(&s, &s.text, 1).unwrap();
        assert_eq!(r.title, "ชื่อ “ตัวอย่าง” ต่อ");
        assert_eq!(straighten_quotes("- “ก”  # x\n"), "- \"ก\"  # x\n");
    }

    #[test]
    fn wrong_kinds_are_said_without_rust_names_or_the_value() {
        let s = src("name อบต.ทดสอบ\nbase_url: x\n");
        let d = parse_yaml::<Rec>(&s, &s.text, 1).unwrap_err();
        for bad in ["struct", "Rec", "\\u{"] {
            assert!(
                !d.message.th.contains(bad) && !d.message.en.contains(bad),
                "{:?}",
                d.message
            );
        }
    }
}
