//! The shape of a YAML file as staff see it, line by line: which line lacks the colon between
//! a field's name and its value, and which is indented unlike the lines of its level. The YAML
//! parser notices such mistakes later (a field "missing" from the record the line fell out
//! of, "did not find expected key" on the next line); this finds the line itself.

use crate::diagnostic::Msg;

/// A line that breaks the file's shape.
#[derive(Debug)]
pub struct Problem {
    pub code: crate::diagnostic::Code,
    pub line: usize,
    pub column: usize,
    pub message: Msg,
    pub help: Msg,
}

/// One line that is part of the structure (not blank, a comment, or inside a block of text).
#[derive(Debug)]
struct Line<'a> {
    number: usize,
    indent: usize,
    /// The text after the indentation and any `- ` list markers.
    content: &'a str,
    /// Where `content` starts.
    content_at: usize,
    /// `- ` starts the line.
    item: bool,
    /// `name:` or `name: value`.
    key: bool,
    /// `name:` with nothing after it: the lines below belong to it.
    opens: bool,
}

/// The first line that breaks the shape of `yaml`, if one does.
pub fn problem(yaml: &str) -> Option<Problem> {
    let lines = structural_lines(yaml);
    unclosed_quote(&lines)
        .or_else(|| missing_colon(&lines))
        .or_else(|| misindented(&lines))
}

/// A value opened with `"` and not closed on its line, when the next line is a field of its
/// own: the quote swallowed it.
fn unclosed_quote(lines: &[Line<'_>]) -> Option<Problem> {
    for (k, line) in lines.iter().enumerate() {
        let Some(value) = line.key.then(|| key_value(line.content)).flatten() else {
            continue;
        };
        let value = value.trim();
        if !value.starts_with('"') {
            continue;
        }
        let closed = value[1..]
            .replace("\\\\", "")
            .replace("\\\"", "")
            .contains('"');
        let next_is_field = lines
            .get(k + 1)
            .is_some_and(|n| n.key && n.indent <= line.indent + 2);
        if closed || !next_is_field {
            continue;
        }
        let column = line.content_at + line.content.len() - value.len() + 1;
        return Some(Problem {
            code: crate::diagnostic::codes::UNCLOSED_QUOTE,
            line: line.number,
            column,
            message: Msg::new(
                "เครื่องหมายคำพูด \" ที่เปิดไว้ไม่ได้ปิดในบรรทัดนี้",
                "the quote \" opened here is not closed on this line",
            ),
            help: Msg::new(
                "ใส่ \" ปิดท้ายค่า (ถ้าค่ามี \" อยู่ข้างใน ให้เขียนเป็น \\\")",
                "close the value with \" (write a \" inside the value as \\\")",
            ),
        });
    }
    None
}

fn structural_lines(yaml: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    // Inside a block scalar (`|`, `>`): lines deeper than this indent are text.
    let mut block_text: Option<usize> = None;
    // Inside a flow collection spread over lines: how deep.
    let mut flow = 0i32;
    for (i, raw) in yaml.lines().enumerate() {
        let trimmed = raw.trim_start_matches(' ');
        let indent = raw.len() - trimmed.len();
        if trimmed.trim().is_empty() || trimmed.starts_with('#') || raw.starts_with("---") {
            continue;
        }
        if let Some(level) = block_text {
            if indent > level {
                continue;
            }
            block_text = None;
        }
        if flow > 0 {
            flow += depth_change(trimmed);
            continue;
        }
        let mut content = trimmed;
        let mut item = false;
        while let Some(rest) = content
            .strip_prefix("- ")
            .or_else(|| (content == "-").then_some(""))
        {
            item = true;
            content = rest.trim_start_matches(' ');
        }
        let content_at = raw.len() - content.len();
        let value = key_value(content);
        let key = value.is_some();
        let value = value.unwrap_or("").trim();
        let value = strip_comment(value);
        let opens = key && value.is_empty();
        if key && (value.starts_with('|') || value.starts_with('>')) {
            block_text = Some(indent);
        }
        let change = depth_change(if key { value } else { content });
        if change > 0 {
            flow = change;
        }
        out.push(Line {
            number: i + 1,
            indent,
            content,
            content_at,
            item,
            key,
            opens: opens || (item && content.is_empty()),
        });
    }
    out
}

/// The value of a `name: value` line (empty for `name:`), or `None` when the line is not one.
fn key_value(content: &str) -> Option<&str> {
    if content.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!'])
        && !content.starts_with('"')
    {
        return None;
    }
    let mut quote: Option<char> = None;
    for (i, c) in content.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && i == 0 => quote = Some(c),
            None if c == ':' => {
                let after = &content[i + 1..];
                if after.is_empty() || after.starts_with(' ') {
                    return Some(after);
                }
            }
            None if c == ' ' && content[i..].trim_start().starts_with('#') => return None,
            None => {}
        }
    }
    None
}

fn strip_comment(value: &str) -> &str {
    if value.starts_with('#') {
        return "";
    }
    if value.starts_with(['"', '\'']) {
        return value;
    }
    value.find(" #").map_or(value, |i| value[..i].trim_end())
}

/// How many `[`/`{` a text leaves open (outside quotes).
fn depth_change(text: &str) -> i32 {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => depth -= 1,
                '#' => break,
                _ => {}
            },
        }
    }
    depth.max(0)
}

/// A line among `name: value` lines of its level that has no colon.
fn missing_colon(lines: &[Line<'_>]) -> Option<Problem> {
    for (k, line) in lines.iter().enumerate() {
        if line.key || line.item || line.content.is_empty() {
            continue;
        }
        // Its level holds fields: a neighbour at the same indentation is one.
        // Where a line's fields start: after `- ` for a list item.
        let column = |l: &Line<'_>| if l.item { l.content_at } else { l.indent };
        let same_level = |other: &Line<'_>| column(other) == line.indent && other.key;
        let before = lines[..k].iter().rev().find(|l| l.indent <= line.indent);
        let after = lines[k + 1..].iter().find(|l| l.indent <= line.indent);
        let beside = before.is_some_and(same_level) || after.is_some_and(same_level);
        let continues = before.is_some_and(|b| column(b) < line.indent && !b.opens);
        if !beside || continues {
            continue;
        }
        let word = line.content.split_whitespace().next().unwrap_or("");
        let column = line.content_at + word.chars().count() + 1;
        return Some(Problem {
            code: crate::diagnostic::codes::MISSING_COLON,
            line: line.number,
            column,
            message: Msg::new(
                format!("บรรทัดนี้ไม่มีเครื่องหมาย : คั่นระหว่างชื่อช่อง \"{word}\" กับค่า"),
                format!("this line has no colon between the field name \"{word}\" and its value"),
            ),
            help: Msg::new(
                format!("เขียนเป็น `{word}: ค่า` (เครื่องหมาย : ติดชื่อช่อง แล้วเว้นวรรคหนึ่งช่องก่อนค่า)"),
                format!("write it as `{word}: value` (a colon right after the name, then a space)"),
            ),
        });
    }
    None
}

/// A field or list item indented unlike the lines of its level.
fn misindented(lines: &[Line<'_>]) -> Option<Problem> {
    // Indentations of the open levels, outermost first.
    let mut levels: Vec<usize> = Vec::new();
    let mut expecting_child = true;
    let mut previous: Option<&Line<'_>> = None;
    for line in lines {
        let i = line.indent;
        let structural = line.key || line.item;
        if expecting_child {
            if levels.last().is_none_or(|&top| i > top) {
                levels.push(i);
            }
        } else {
            let mut popped = None;
            while levels.last().is_some_and(|&top| top > i) {
                popped = levels.pop();
            }
            let top = levels.last().copied();
            if top != Some(i) && structural {
                let (th, en) = match (popped, previous) {
                    (Some(was), _) => (
                        format!("บรรทัดนี้ย่อหน้า {i} ช่อง ไม่ตรงกับบรรทัดอื่นในระดับเดียวกัน ({was} ช่อง)"),
                        format!(
                            "this line is indented by {i} spaces, unlike the other lines of its level ({was})"
                        ),
                    ),
                    (None, Some(p)) => (
                        format!(
                            "บรรทัดนี้ย่อหน้า {i} ช่อง ลึกกว่าบรรทัดก่อนหน้า ({} ช่อง) ซึ่งไม่ได้เปิดส่วนย่อยไว้",
                            p.indent
                        ),
                        format!(
                            "this line is indented by {i} spaces, deeper than the line before ({}) which opens nothing",
                            p.indent
                        ),
                    ),
                    (None, None) => continue,
                };
                return Some(Problem {
                    code: crate::diagnostic::codes::BAD_INDENT,
                    line: line.number,
                    column: i + 1,
                    message: Msg::new(th, en),
                    help: Msg::new(
                        "ย่อหน้าให้ตรงกับบรรทัดอื่นของรายการเดียวกัน (นับช่องว่างหน้าชื่อช่องให้เท่ากัน)",
                        "indent it as the other lines of the same record (the same number of spaces before the name)",
                    ),
                });
            }
            if top.is_none_or(|t| t < i) && !structural {
                // The text of a long value carried on to the next line.
                continue;
            }
        }
        // A list item's fields line up with its first one, after "- ".
        if line.item && line.content_at > i {
            while levels.last().is_some_and(|&top| top > i) {
                levels.pop();
            }
            if levels.last() != Some(&i) {
                levels.push(i);
            }
            if !line.content.is_empty() {
                levels.push(line.content_at);
            }
        }
        expecting_child = line.opens;
        previous = Some(line);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    fn at(yaml: &str) -> Option<(usize, usize, String)> {
        problem(yaml).map(|p| (p.line, p.column, p.message.en))
    }

    #[test]
    fn well_formed_files_have_no_problem() {
        for yaml in [
            "name: a\nbase_url: b\n",
            "items:\n  - id: \"1\"\n    title: a\n    bids:\n      - {bidder: x, price: 1}\n    winner: {name: x, price: 1}\n  - id: \"2\"\n    title: b\n",
            "items:\n- a\n- b\nnext: 1\n",
            "intro: |\n  ข้อความ: ยาว\n   ย่อหน้าแปลก\nnext: 1\n",
            "title: ข้อความยาว\n  ต่อบรรทัด\nnext: 1\n",
            "list: [a,\n  b,\n  c]\nnext: 1\n",
            "measures:\n  - # มาตรการ\n    title: a\n    methods:\n      - x\n",
            "# comment\n\nname: x # y\n",
        ] {
            assert_eq!(at(yaml), None, "{yaml}");
        }
    }

    #[test]
    fn an_unclosed_quote_is_named_where_it_opens() {
        let (line, column, en) =
            at("items:\n  - reason: \"ราคาต่ำสุด\n    contract: {number: \"8\"}\n").unwrap();
        assert_eq!((line, column), (2, 13));
        assert!(en.contains("not closed"), "{en}");
        assert_eq!(at("reason: \"ก \\\" ข\"\nnext: 1\n"), None);
    }

    #[test]
    fn a_line_without_its_colon_is_named() {
        let (line, _, en) = at("name อบต.ทดสอบ\nbase_url: https://x/\n").unwrap();
        assert_eq!(line, 1);
        assert!(en.contains("\"name\""), "{en}");
        let (line, _, _) = at("items:\n  - id: a\n    title x\n    budget: 1\n").unwrap();
        assert_eq!(line, 3);
    }

    #[test]
    fn a_line_indented_unlike_its_level_is_named() {
        let (line, column, en) = at("search:\n    words: [a]\n   synonyms: []\n").unwrap();
        assert_eq!((line, column), (3, 4));
        assert!(en.contains("3 spaces") && en.contains("(4)"), "{en}");
        let (line, _, _) = at("items:\n  - id: a\n    title: b\n   budget: 1\n").unwrap();
        assert_eq!(line, 4);
        let (line, _, en) = at("items:\n  - id: a\n    title: b\n     budget: 1\n").unwrap();
        assert_eq!(line, 4);
        assert!(en.contains("deeper"), "{en}");
    }
}
