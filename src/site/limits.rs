//! Nesting that no content needs and that parsers pay for dearly: 80,000 `[` in a YAML file or
//! 80,000 `<div>` in Markdown take the parsers tens of seconds. A file nested deeper than any
//! real one is refused at once, at the line where it goes too deep, before they see it.

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

/// The first place `text` nests deeper than the limits, if any. Linear in the text.
pub fn too_deep(text: &str) -> Option<TooDeep> {
    let b = text.as_bytes();
    let mut brackets = 0usize;
    let mut html = 0usize;
    let mut line_start = true;
    let mut markers = 0usize;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if line_start {
            // `- - - x`, `> > > x`, `* * x`: each marker opens a level.
            match c {
                b' ' => {
                    i += 1;
                    continue;
                }
                b'-' | b'>' | b'*' | b'+'
                    if b.get(i + 1).is_none_or(|n| *n == b' ' || *n == b'>') =>
                {
                    markers += 1;
                    if markers > MAX_DEPTH {
                        return Some(TooDeep::Markers(i));
                    }
                    i += 1;
                    continue;
                }
                _ => line_start = false,
            }
        }
        match c {
            b'\n' => {
                line_start = true;
                markers = 0;
            }
            b'[' | b'{' => {
                brackets += 1;
                if brackets > MAX_DEPTH {
                    return Some(TooDeep::Brackets(i));
                }
            }
            b']' | b'}' => brackets = brackets.saturating_sub(1),
            b'<' => {
                let rest = &b[i + 1..];
                if rest.first() == Some(&b'/') {
                    html = html.saturating_sub(1);
                } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
                    let name: Vec<u8> = rest
                        .iter()
                        .take_while(|x| x.is_ascii_alphanumeric())
                        .map(u8::to_ascii_lowercase)
                        .collect();
                    if !VOID.contains(&name.as_slice()) {
                        html += 1;
                        if html > MAX_HTML_DEPTH {
                            return Some(TooDeep::Html(i));
                        }
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Elements that never hold others.
const VOID: &[&[u8]] = &[
    b"br", b"img", b"hr", b"input", b"meta", b"link", b"wbr", b"col", b"area", b"base", b"source",
    b"track", b"embed", b"param",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_content_is_not_too_deep() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/content/measures/2566.yaml"
        ))
        .unwrap();
        assert_eq!(too_deep(&text), None);
        assert_eq!(
            too_deep("a <br> <img src=x> [a](b) {x: [1, 2]}\n- - x\n> > q\n"),
            None
        );
    }

    #[test]
    fn bombs_are_found_where_they_go_too_deep() {
        assert_eq!(
            too_deep(&"[".repeat(80_000)),
            Some(TooDeep::Brackets(MAX_DEPTH))
        );
        assert!(matches!(
            too_deep(&"<div>".repeat(80_000)),
            Some(TooDeep::Html(_))
        ));
        assert!(matches!(
            too_deep(&"- ".repeat(80_000)),
            Some(TooDeep::Markers(_))
        ));
        assert!(matches!(
            too_deep(&format!("x\n{}", "> ".repeat(500))),
            Some(TooDeep::Markers(_))
        ));
    }
}
