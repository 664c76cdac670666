//! Markdown to HTML. Raw HTML in content is shown as text, not obeyed: a clerk's paste from a
//! word processor can never break the page or run a script. Links written relative to
//! `content/` (`files/2566/x.pdf`, `announcements/x.md`) and site-absolute links (`/measures/`)
//! are made to work under the site's base path.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

use crate::render::urls::Urls;

/// The HTML of `markdown`, and the site-internal URLs it links to (for the link check).
pub fn to_html(markdown: &str, urls: &Urls) -> (String, Vec<String>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut links = Vec::new();
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
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
    (out, links)
}

fn rewrite<'a>(dest: &str, urls: &Urls, links: &mut Vec<String>) -> CowStr<'a> {
    match urls.resolve_content_link(dest) {
        Some(url) => {
            links.push(url.clone());
            CowStr::from(url)
        }
        None => CowStr::from(dest.to_owned()),
    }
}

/// The text of `markdown` without markup, for summaries and the feed.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) if !out.ends_with(' ') => {
                out.push(' ');
            }
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let urls = Urls::new("https://a.go.th/", "/");
        let (html, _) = to_html("hi <script>alert(1)</script>\n\n<div>x</div>\n", &urls);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<div>"), "{html}");
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
}
