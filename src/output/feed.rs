//! `feed.xml`: an Atom feed of the latest announcements, so residents and aggregators can follow
//! the municipality.

use std::fmt::Write;

use crate::output::Outputs;
use crate::output::xml::escape as xml_escape;
use crate::render::Renderer;
use crate::render::markdown::plain_text;
use crate::site::Site;
use crate::site::routes;

/// How many announcements the feed holds.
pub const FEED_ENTRIES: usize = 50;

pub fn render(site: &Site, r: &Renderer, out: &mut Outputs) {
    let urls = &r.urls;
    let entries: Vec<_> = site
        .announcements()
        .iter()
        .filter(|d| d.front.date.is_some())
        .take(FEED_ENTRIES)
        .collect();
    let stamp = |d: chrono::NaiveDate| format!("{}T00:00:00+07:00", d.format("%Y-%m-%d"));
    let updated = entries
        .iter()
        .filter_map(|d| d.front.updated.or(d.front.date))
        .map(|d| d.0)
        .max()
        .or_else(|| site.updated(None))
        .unwrap_or(site.today);
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"th\">\n  <id>{id}</id>\n  <title>{title}</title>\n  <updated>{updated}</updated>\n  <link rel=\"self\" href=\"{self_url}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{list}\"/>\n  <author><name>{author}</name></author>\n",
        id = xml_escape(&urls.abs(routes::announcements())),
        title = xml_escape(&format!("ประกาศ {}", site.config.name)),
        updated = stamp(updated),
        self_url = xml_escape(&urls.abs("feed.xml")),
        list = xml_escape(&urls.abs(routes::announcements())),
        author = xml_escape(&site.config.name),
    );
    for d in entries {
        let url = urls.abs(&routes::document(d));
        let date = d.front.date.map_or(site.today, |x| x.0);
        let updated = d.front.updated.map_or(date, |x| x.0);
        let summary = d.front.summary.clone().unwrap_or_else(|| {
            let text = plain_text(&d.body());
            text.chars().take(300).collect()
        });
        let _ = write!(
            xml,
            "  <entry>\n    <id>{url}</id>\n    <title>{title}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n    <published>{published}</published>\n    <updated>{updated}</updated>\n    <summary>{summary}</summary>\n  </entry>\n",
            url = xml_escape(&url),
            title = xml_escape(&d.front.title),
            published = stamp(date),
            updated = stamp(updated),
            summary = xml_escape(&summary),
        );
    }
    xml.push_str("</feed>\n");
    out.add_text("feed.xml", xml);
}
