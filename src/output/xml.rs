//! Text written into XML (the feed, the sitemap, the inline SVG charts): escaped, and stripped
//! of the characters XML 1.0 does not allow at all, so an output is well formed whatever the
//! content holds.

/// Escapes text for XML content and attribute values; characters XML 1.0 forbids (control
/// characters other than tab, line feed and carriage return; U+FFFE, U+FFFF) are left out.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_xml_forbids_never_reaches_it() {
        assert_eq!(super::escape("a\u{1}b\u{1b}c\u{fffe}"), "abc");
        assert_eq!(
            super::escape("<ก & \"ข\">\t"),
            "&lt;ก &amp; &quot;ข&quot;&gt;\t"
        );
    }
}
