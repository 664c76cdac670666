//! Nesting that no content needs and that parsers pay for dearly: 80,000 `[` in a YAML file or
//! 80,000 `<div>` in Markdown take the parsers tens of seconds. A file nested deeper than any
//! real one is refused at once, at the line where it goes too deep, before they see it.
//!
//! What counts is what the parsers would nest: brackets in YAML (a YAML file, a Markdown file's
//! front matter) outside quoted text; list and quote markers opening one another on a line;
//! HTML elements in Markdown outside fenced code, not counting the ones a browser closes by
//! itself (`<p>`, `<li>`, `<td>`...) nor those that never hold anything (`<br>`, `<img>`).

/// The deepest nesting of brackets (`[`, `{`) or of list and quote markers on one line.
pub const MAX_DEPTH: usize = 100;
/// The deepest nesting of HTML elements written into Markdown.
pub const MAX_HTML_DEPTH: usize = 256;

/// How a text is nested too deep: at which byte, and how.
#[derive(Debug, PartialEq, Eq)]
pub enum TooDeep {
    Brackets(usize),
    Markers(usize),
    Html(usize),
}

/// Which parser reads a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Yaml,
    /// Front matter (YAML) between `---` lines, then Markdown.
    Markdown,
}

/// The first place `text` nests deeper than the limits, if any. Linear in the text.
pub fn too_deep(text: &str, kind: Kind) -> Option<TooDeep> {
    too_deep_with(text, kind, true)
}

/// [`too_deep`], where `fast` lets a body without `<` be scanned for markers alone.
fn too_deep_with(text: &str, kind: Kind, fast: bool) -> Option<TooDeep> {
    let mut offset = 0;
    // In a Markdown file, YAML runs from the first `---` line to the next.
    let mut fences = 0;
    let mut yaml = kind == Kind::Yaml;
    let mut brackets = 0usize;
    let mut html = 0usize;
    let mut in_code = false;
    for line in text.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let bare = line.trim_end();
        if kind == Kind::Markdown && fences < 2 && bare == "---" {
            fences += 1;
            yaml = fences == 1;
            // A body with no `<` nests no HTML: only list and quote markers are left to count,
            // on lines long enough to hold too many.
            if fast && fences == 2 && memchr::memchr(b'<', &text.as_bytes()[offset..]).is_none() {
                return markers_only(&text[offset..]).map(|at| TooDeep::Markers(offset + at));
            }
            continue;
        }
        if let Some(at) = markers(line) {
            return Some(TooDeep::Markers(here + at));
        }
        if yaml {
            if let Some(at) = yaml_brackets(line, &mut brackets) {
                return Some(TooDeep::Brackets(here + at));
            }
            // Values may be Markdown (a measure's summary) with HTML in it.
            if let Some(at) = html_depth(line, &mut html) {
                return Some(TooDeep::Html(here + at));
            }
            continue;
        }
        if bare.trim_start().starts_with("```") || bare.trim_start().starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if !in_code && let Some(at) = html_depth(line, &mut html) {
            return Some(TooDeep::Html(here + at));
        }
    }
    None
}

/// [`markers`] of each line of `text` that could open too many levels: its offset in `text`.
fn markers_only(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |i| start + i + 1);
        // More than MAX_DEPTH markers take a byte each at least (`>>>`).
        if end - start > MAX_DEPTH
            && matches!(b[start], b' ' | b'-' | b'>' | b'*' | b'+')
            && let Some(at) = markers(&text[start..end])
        {
            return Some(start + at);
        }
        start = end;
    }
    None
}

/// `- - - x`, `> > > x`, `* * x`: each marker at the start of a line opens a level.
fn markers(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' => {}
            b'-' | b'>' | b'*' | b'+'
                if b.get(i + 1)
                    .is_none_or(|n| matches!(n, b' ' | b'>' | b'\n')) =>
            {
                count += 1;
                if count > MAX_DEPTH {
                    return Some(i);
                }
            }
            _ => return None,
        }
        i += 1;
    }
    None
}

/// Brackets of a YAML line outside quoted text and comments, carried from line to line.
fn yaml_brackets(line: &str, depth: &mut usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut prev = b' ';
    for (i, &c) in line.as_bytes().iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'"' | b'\'' if matches!(prev, b' ' | b'[' | b'{' | b',' | b':') => quote = Some(c),
                b'#' if prev == b' ' => return None,
                b'[' | b'{' => {
                    *depth += 1;
                    if *depth > MAX_DEPTH {
                        return Some(i);
                    }
                }
                b']' | b'}' => *depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        prev = c;
    }
    None
}

/// Open HTML elements of a Markdown line, carried from line to line.
fn html_depth(line: &str, depth: &mut usize) -> Option<usize> {
    let b = line.as_bytes();
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &b[i..]) {
        let at = i + lt;
        let rest = &b[at + 1..];
        let closing = rest.first() == Some(&b'/');
        let rest = &rest[usize::from(closing)..];
        let name = &rest[..rest
            .iter()
            .position(|x| !x.is_ascii_alphanumeric())
            .unwrap_or(rest.len())];
        i = at + 1;
        if name.is_empty()
            || !name[0].is_ascii_alphabetic()
            || UNCOUNTED.iter().any(|u| u.eq_ignore_ascii_case(name))
        {
            continue;
        }
        if closing {
            *depth = depth.saturating_sub(1);
        } else {
            *depth += 1;
            if *depth > MAX_HTML_DEPTH {
                return Some(at);
            }
        }
    }
    None
}

/// Elements that never hold others, or that a browser closes when the next one starts.
const UNCOUNTED: &[&[u8]] = &[
    b"br",
    b"img",
    b"hr",
    b"input",
    b"meta",
    b"link",
    b"wbr",
    b"col",
    b"area",
    b"base",
    b"source",
    b"track",
    b"embed",
    b"param",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"thead",
    b"tbody",
    b"tfoot",
    b"rt",
    b"rp",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A body without `<` scanned for markers alone finds what the whole scan finds.
        #[test]
        fn the_markers_only_scan_agrees(
            lines in prop::collection::vec(
                prop_oneof![
                    Just("---".to_owned()),
                    "[->*+ ]{0,120}x?".prop_map(String::from),
                    "[>]{95,110}".prop_map(String::from),
                    "(- ){95,110}".prop_map(String::from),
                    "[ก-ฮ {}\\[\\]]{0,20}".prop_map(String::from),
                    Just("<div>".to_owned()),
                ],
                0..12,
            ),
        ) {
            let text = lines.join("\n");
            prop_assert_eq!(
                too_deep_with(&text, Kind::Markdown, true),
                too_deep_with(&text, Kind::Markdown, false)
            );
        }
    }

    #[test]
    fn real_content_is_not_too_deep() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/content/measures/2566.yaml"
        ))
        .unwrap();
        assert_eq!(too_deep(&text, Kind::Yaml), None);
        let md = "---\ntitle: x\n---\na <br> <img src=x> [a](b) {x: [1, 2]}\n- - x\n> > q\n";
        assert_eq!(too_deep(md, Kind::Markdown), None);
        // Prose and code may hold any number of brackets and tags.
        let prose = format!(
            "---\ntitle: x\n---\n{}\n```\n{}\n```\n",
            "[1 ".repeat(300),
            "<div>".repeat(300)
        );
        assert_eq!(too_deep(&prose, Kind::Markdown), None);
        assert_eq!(
            too_deep(
                &format!("---\ntitle: x\n---\n{}", "<p>ย่อหน้า".repeat(400)),
                Kind::Markdown
            ),
            None
        );
        assert_eq!(
            too_deep(&format!("title: \"{}\"\n", "[".repeat(300)), Kind::Yaml),
            None
        );
    }

    #[test]
    fn bombs_are_found_where_they_go_too_deep() {
        assert_eq!(
            too_deep(&"[".repeat(80_000), Kind::Yaml),
            Some(TooDeep::Brackets(MAX_DEPTH))
        );
        let fm = format!("---\ntitle: x\nsummary: {}\n---\n", "[".repeat(80_000));
        assert!(matches!(
            too_deep(&fm, Kind::Markdown),
            Some(TooDeep::Brackets(_))
        ));
        let md = format!("---\ntitle: x\n---\n{}", "<div>".repeat(80_000));
        assert!(matches!(
            too_deep(&md, Kind::Markdown),
            Some(TooDeep::Html(_))
        ));
        assert!(matches!(
            too_deep(&"- ".repeat(80_000), Kind::Yaml),
            Some(TooDeep::Markers(_))
        ));
        assert!(matches!(
            too_deep(&format!("x\n{}", "> ".repeat(500)), Kind::Markdown),
            Some(TooDeep::Markers(_))
        ));
    }
}
