//! Markdown to HTML. HTML typed into content is cleaned with an allow-list (ammonia) by default:
//! formatting survives, scripts, event handlers and `javascript:` links do not, so a clerk's
//! paste can never run a script; a site may instead show it as text or trust it
//! (`raw_html` in site.yaml). Links written relative to
//! `content/` (`files/2566/x.pdf`, `announcements/x.md`) and site-absolute links (`/measures/`)
//! are made to work under the site's base path.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

use crate::render::urls::Urls;
use crate::site::config::RawHtml;

/// The HTML of `markdown`, and the site-internal URLs it links to (for the link check).
pub fn to_html(markdown: &str, urls: &Urls) -> (String, Vec<String>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut links = Vec::new();
    let policy = urls.raw_html;
    let mut has_html = false;
    let markdown = spaced_destinations(markdown);
    let events = Parser::new_ext(&markdown, options).map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) if policy == RawHtml::Escape => {
            Event::Text(text)
        }
        Event::Html(text) => {
            has_html = true;
            Event::Html(text)
        }
        Event::InlineHtml(text) => {
            has_html = true;
            Event::InlineHtml(text)
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = rewrite(&dest_url, urls, &mut links);
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = rewrite(&dest_url, urls, &mut links);
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    // Only documents that hold HTML pay for cleaning it.
    if has_html && policy == RawHtml::Sanitize {
        out = sanitizer().clean(&out).to_string();
    }
    (out, links)
}

/// The allow-list: ammonia's defaults (no scripts, styles sheets, event handlers or
/// `javascript:` URLs) plus what Markdown itself writes (table alignment, footnote ids).
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.link_rel(None)
            .add_generic_attributes(["id"])
            .add_tag_attributes("td", ["style"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("ol", ["start"])
            .add_tag_attributes("code", ["class"])
            .attribute_filter(|element, attribute, value| {
                // Only the alignment Markdown writes survives in a style attribute.
                if attribute == "style"
                    && !matches!(
                        value,
                        "text-align: left" | "text-align: center" | "text-align: right"
                    )
                {
                    return None;
                }
                let _ = element;
                Some(value.into())
            });
        b
    })
}

fn rewrite<'a>(dest: &str, urls: &Urls, links: &mut Vec<String>) -> CowStr<'a> {
    match urls.resolve_content_link(dest) {
        Some(url) => {
            links.push(url.clone());
            CowStr::from(url)
        }
        // A Markdown link may not run code either: `[x](javascript:...)` leads nowhere.
        None if urls.raw_html != RawHtml::Trust && !crate::site::routes::is_safe_link(dest) => {
            CowStr::from("#")
        }
        None => CowStr::from(dest.to_owned()),
    }
}

/// `[ไฟล์](files/2568/ประกาศ ทดสอบ.pdf)` as CommonMark reads it is no link at all (a link's
/// address may not hold a space), and Thai file names often do: such an address is put in
/// `<...>`, which may. A space before a quoted title (`(url "title")`) is left alone, as are
/// code spans and fenced code.
pub fn spaced_destinations(markdown: &str) -> std::borrow::Cow<'_, str> {
    if !markdown.contains("](") {
        return std::borrow::Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut fenced = false;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if fenced || !line.contains("](") {
            out.push_str(line);
            continue;
        }
        let mut rest = line;
        let mut in_code = false;
        while let Some(i) = rest.find(['`', ']']) {
            let (before, at) = rest.split_at(i);
            out.push_str(before);
            if let Some(after) = at.strip_prefix('`') {
                in_code = !in_code;
                out.push('`');
                rest = after;
                continue;
            }
            if in_code || !at.starts_with("](") {
                out.push(']');
                rest = &at[1..];
                continue;
            }
            let inside = &at[2..];
            match destination_end(inside) {
                Some(end) => {
                    let (url, title) = split_title(&inside[..end]);
                    if url.trim().contains(' ')
                        && !url.trim_start().starts_with('<')
                        && !url.contains(['<', '>'])
                    {
                        out.push_str("](<");
                        out.push_str(url.trim());
                        out.push('>');
                        out.push_str(title);
                        out.push(')');
                    } else {
                        out.push_str("](");
                        out.push_str(&inside[..=end]);
                    }
                    rest = &inside[end + 1..];
                }
                None => {
                    out.push_str("](");
                    rest = inside;
                }
            }
        }
        out.push_str(rest);
    }
    std::borrow::Cow::Owned(out)
}

/// Where the `)` that closes a link's parentheses is (parentheses inside may pair up).
fn destination_end(inside: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in inside.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// A link's parentheses split into the address and a title after it (` "title"`,
/// ` 'title'`, ` (title)`), if it ends with one.
fn split_title(inside: &str) -> (&str, &str) {
    let t = inside.trim_end();
    for (open, close) in [(" \"", '"'), (" '", '\''), (" (", ')')] {
        if t.ends_with(close)
            && let Some(i) = t[..t.len() - 1].rfind(open)
        {
            return (&inside[..i], &inside[i..]);
        }
    }
    (inside, "")
}

/// The text of `markdown` without markup, for summaries and the feed.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut s = crate::thai::Squeezed::new(&mut out);
    for event in Parser::new(&spaced_destinations(markdown)) {
        match event {
            Event::Text(t) | Event::Code(t) => s.push(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => s.space(),
            _ => {}
        }
    }
    out
}

/// The first tag of rendered `html` that could run code: a `script` or `style` element, an
/// event-handler attribute (`on...`), or a link or source whose URL runs a script. Attribute
/// values are read as a browser reads them, quoted or not. The tests and the fuzzer hold every
/// rendering to this.
pub fn unsafe_tag(html: &str) -> Option<String> {
    for tag in html.split('<').skip(1) {
        let Some((tag, _)) = tag.split_once('>') else {
            continue;
        };
        let chars: Vec<char> = tag.chars().collect();
        let mut i = 0;
        let word = |i: &mut usize| {
            let start = *i;
            while *i < chars.len() && !chars[*i].is_whitespace() && !matches!(chars[*i], '=' | '/')
            {
                *i += 1;
            }
            chars[start..*i]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase()
        };
        let name = word(&mut i);
        if name == "script" || name == "style" {
            return Some(tag.to_owned());
        }
        while i < chars.len() {
            while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
                i += 1;
            }
            let attr = word(&mut i);
            if attr.is_empty() {
                i += 1;
                continue;
            }
            let mut value = String::new();
            if chars.get(i) == Some(&'=') {
                i += 1;
                match chars.get(i) {
                    Some(&q) if q == '"' || q == '\'' => {
                        i += 1;
                        while i < chars.len() && chars[i] != q {
                            value.push(chars[i]);
                            i += 1;
                        }
                        i += 1;
                    }
                    _ => {
                        while i < chars.len() && !chars[i].is_whitespace() {
                            value.push(chars[i]);
                            i += 1;
                        }
                    }
                }
            }
            let value: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            let url = matches!(attr.as_str(), "href" | "src" | "action" | "formaction");
            if attr.starts_with("on") || (url && value.contains("script:")) {
                return Some(tag.to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text_when_escaped() {
        let urls = Urls::new("https://a.go.th/", "/").with_raw_html(RawHtml::Escape);
        let (html, _) = to_html("hi <script>alert(1)</script>\n\n<div>x</div>\n", &urls);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<div>"), "{html}");
    }

    #[test]
    fn raw_html_is_sanitised_by_default() {
        let urls = Urls::new("https://a.go.th/", "/");
        let (html, _) = to_html(
            "ข้อความ <b>ตัวหนา</b> <script>alert(1)</script> <img src=\"a.png\" onerror=\"alert(2)\"> <a href=\"javascript:alert(3)\">x</a>\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n",
            &urls,
        );
        assert!(html.contains("<b>ตัวหนา</b>"), "{html}");
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("style=\"text-align: right\""), "{html}");
    }

    #[test]
    fn markdown_links_cannot_run_code() {
        let urls = Urls::new("https://a.go.th/", "/");
        for text in [
            "[x](javascript:alert(1))",
            "<javascript:![/>",
            "[x](JaVa\tScRiPt:alert(1))",
            "[x](data:text/html,<script>alert(1)</script>)",
            "![x](vbscript:msgbox)",
        ] {
            let (html, _) = to_html(text, &urls);
            // The link text may say it; no href or src may hold it.
            let lower = html.to_ascii_lowercase().replace('\t', "");
            for attr in ["href=\"", "src=\""] {
                for value in lower.split(attr).skip(1) {
                    let value = value.split('"').next().unwrap_or_default();
                    assert!(
                        !value.contains("script:") && !value.starts_with("data:"),
                        "{text} -> {html}"
                    );
                }
            }
        }
        let (html, _) = to_html("[a](https://x.org/) [b](mailto:a@b.th) [c](#top)", &urls);
        assert!(
            html.contains("https://x.org/") && html.contains("mailto:a@b.th"),
            "{html}"
        );
    }

    #[test]
    fn inputs_the_fuzzer_found_stay_harmless() {
        let urls = Urls::new("https://a.go.th/", "/");
        for input in [
            &include_bytes!("../../tests/fuzz_regressions/markdown-javascript-autolink.txt")[..],
            &include_bytes!("../../tests/fuzz_regressions/markdown-onerror-as-text.txt")[..],
            &include_bytes!("../../tests/fuzz_regressions/markdown-on-in-code-class.txt")[..],
        ] {
            let (html, _) = to_html(&String::from_utf8_lossy(input), &urls);
            assert_eq!(unsafe_tag(&html), None, "{html}");
            assert!(!html.contains("href=\"javascript"), "{html}");
            assert!(!html.contains("<script"), "{html}");
        }
    }

    #[test]
    fn the_unsafe_tag_check_reads_attributes_as_a_browser_does() {
        assert_eq!(
            unsafe_tag("<code class=\"language- x on y=z\">a</code>"),
            None
        );
        assert_eq!(unsafe_tag("<p title='onload=x'>"), None);
        assert!(unsafe_tag("<img src=x onerror=alert(1)>").is_some());
        assert!(unsafe_tag("<a href=\" java\tscript:x\">").is_some());
        assert!(unsafe_tag("<SCRIPT>").is_some());
        assert!(unsafe_tag("<p/onclick=\"x\">").is_some());
    }

    #[test]
    fn raw_html_is_kept_when_trusted() {
        let urls = Urls::new("https://a.go.th/", "/").with_raw_html(RawHtml::Trust);
        let (html, _) = to_html("<iframe src=\"https://maps.example/\"></iframe>\n", &urls);
        assert!(html.contains("<iframe"), "{html}");
    }

    #[test]
    fn links_follow_the_base_path() {
        let urls = Urls::new("https://a.go.th/sub/", "/sub/");
        let (html, links) = to_html(
            "[a](/measures/2566/) [b](files/x.pdf) [c](announcements/n.md) [d](https://x.org/) [e](#top)",
            &urls,
        );
        assert!(html.contains("href=\"/sub/measures/2566/\""), "{html}");
        assert!(html.contains("href=\"/sub/files/x.pdf\""), "{html}");
        assert!(html.contains("href=\"/sub/announcements/n/\""), "{html}");
        assert!(html.contains("href=\"https://x.org/\""));
        assert!(html.contains("href=\"#top\""));
        assert_eq!(links.len(), 3);
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(plain_text("## หัวข้อ\n\nข้อความ **หนา**\n"), "หัวข้อ ข้อความ หนา");
    }

    #[test]
    fn addresses_with_spaces_become_links() {
        use super::spaced_destinations as f;
        assert_eq!(
            f("[ไฟล์แนบ](files/2568/ประกาศ ทดสอบ.pdf)"),
            "[ไฟล์แนบ](<files/2568/ประกาศ ทดสอบ.pdf>)"
        );
        assert_eq!(f("![รูป](files/a b.png) ต่อ"), "![รูป](<files/a b.png>) ต่อ");
        assert_eq!(
            f("[x](files/a b.pdf \"ชื่อ\")"),
            "[x](<files/a b.pdf> \"ชื่อ\")"
        );
        for same in [
            "[x](files/a.pdf)",
            "[x](files/a.pdf \"ชื่อ\")",
            "[x](files/a.pdf (ชื่อ))",
            "[x](<files/a b.pdf>)",
            "`[x](a b)`",
            "```\n[x](a b)\n```\n",
            "ไม่มีลิงก์ (a b)",
        ] {
            assert_eq!(f(same), same);
        }
        let urls = crate::render::urls::Urls::new("https://x.go.th/", "/");
        let (html, links) = super::to_html("[ไฟล์แนบ](files/2568/ประกาศ ทดสอบ.pdf)", &urls);
        assert!(html.contains("<a href=\"/files/2568/%E0"), "{html}");
        assert_eq!(links.len(), 1);
    }
}
