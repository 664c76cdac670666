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
            crate::output::xml::escape(&urls.abs(page))
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
