//! `sitemap.xml` (every page, absolute URLs) and `robots.txt` pointing at it.

use std::fmt::Write;

use crate::output::Outputs;
use crate::render::Urls;

pub fn render(urls: &Urls, out: &mut Outputs) {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in out.pages() {
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc></url>",
            xml_escape(&urls.abs(page))
        );
    }
    xml.push_str("</urlset>\n");
    out.add_text("sitemap.xml", xml);
    out.add_text(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            urls.abs("sitemap.xml")
        ),
    );
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
