//! `sitemap.xml` (every page, absolute URLs) and `robots.txt` pointing at it.
//!
//! A sitemap may list at most 50,000 URLs (sitemaps.org). A site with more pages gets a
//! sitemap index at `sitemap.xml` instead, naming one sitemap per fiscal year of its documents
//! (`sitemaps/2567.xml`, the year a document is about) and one of every other page
//! (`sitemaps/site.xml`), each cut into parts of at most 50,000 (`sitemaps/2567-2.xml`): a
//! new announcement changes its year's sitemap and leaves the others as they were.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use crate::output::Outputs;
use crate::render::Urls;
use crate::site::{Site, routes};

/// The most URLs one sitemap may list.
const MAX_URLS: usize = 50_000;

pub fn render(site: &Site, urls: &Urls, out: &mut Outputs) {
    // Outputs rendered again (the dev server adds the search page later) drop the last ones.
    out.files
        .retain(|path, _| !path.starts_with(routes::sitemaps()));
    let years: HashMap<String, i32> = site
        .sections
        .values()
        .flat_map(|s| &s.documents)
        .chain(&site.pages)
        .filter_map(|d| Some((routes::document(d), d.fiscal_year()?.be())))
        .collect();
    let pages: Vec<(&str, Option<i32>)> = out.pages().map(|p| (p, years.get(p).copied())).collect();
    let files = sitemaps(&pages, |rel| urls.abs(rel), MAX_URLS);
    for (path, xml) in files {
        out.add_text(path, xml);
    }
    out.add_text(
        "robots.txt",
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            urls.abs(routes::sitemap())
        ),
    );
}

/// The sitemap files of `pages` (site paths, each with the fiscal year of the document it
/// is, if it is one), by output path: `sitemap.xml` listing them all when they are at most
/// `limit`, or else an index of sitemaps of at most `limit` each. `abs` makes a path absolute.
fn sitemaps(
    pages: &[(&str, Option<i32>)],
    abs: impl Fn(&str) -> String,
    limit: usize,
) -> Vec<(String, String)> {
    if pages.len() <= limit {
        let all: Vec<&str> = pages.iter().map(|(p, _)| *p).collect();
        return vec![(routes::sitemap().to_owned(), urlset(&all, &abs))];
    }
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (page, year) in pages {
        let name = year.map_or_else(|| "site".to_owned(), |y| y.to_string());
        groups.entry(name).or_default().push(page);
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, pages) in &groups {
        for (k, part) in pages.chunks(limit).enumerate() {
            let path = match k {
                0 => format!("{}{name}.xml", routes::sitemaps()),
                _ => format!("{}{name}-{}.xml", routes::sitemaps(), k + 1),
            };
            let _ = writeln!(
                index,
                "  <sitemap><loc>{}</loc></sitemap>",
                crate::output::xml::escape(&abs(&path))
            );
            files.push((path, urlset(part, &abs)));
        }
    }
    index.push_str("</sitemapindex>\n");
    files.push((routes::sitemap().to_owned(), index));
    files
}

/// A sitemap listing `pages`.
fn urlset(pages: &[&str], abs: impl Fn(&str) -> String) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc></url>",
            crate::output::xml::escape(&abs(page))
        );
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::sitemaps;

    fn abs(rel: &str) -> String {
        format!("https://example.go.th/{rel}")
    }

    fn locs(xml: &str) -> Vec<&str> {
        xml.split("<loc>")
            .skip(1)
            .filter_map(|s| s.split_once("</loc>").map(|(l, _)| l))
            .collect()
    }

    #[test]
    fn a_site_within_the_limit_has_one_sitemap_of_every_page() {
        let pages = [
            ("", None),
            ("announcements/a1/", Some(2567)),
            ("ita/", None),
        ];
        let files = sitemaps(&pages, abs, 3);
        assert_eq!(files.len(), 1);
        let (path, xml) = &files[0];
        assert_eq!(path, "sitemap.xml");
        assert!(xml.contains("<urlset "), "{xml}");
        assert_eq!(
            locs(xml),
            [
                "https://example.go.th/",
                "https://example.go.th/announcements/a1/",
                "https://example.go.th/ita/"
            ]
        );
    }

    #[test]
    fn past_the_limit_an_index_names_a_sitemap_a_year_each_within_it() {
        let mut pages = vec![("", None), ("ita/", None)];
        let docs: Vec<String> = (0..7).map(|i| format!("announcements/a{i}/")).collect();
        for (i, d) in docs.iter().enumerate() {
            pages.push((d, Some(if i < 5 { 2566 } else { 2567 })));
        }
        let files = sitemaps(&pages, abs, 3);
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemaps/2566.xml",
                "sitemaps/2566-2.xml",
                "sitemaps/2567.xml",
                "sitemaps/site.xml",
                "sitemap.xml"
            ]
        );
        let (_, index) = files.last().unwrap();
        assert!(index.contains("<sitemapindex "), "{index}");
        assert_eq!(
            locs(index),
            names[..4].iter().map(|n| abs(n)).collect::<Vec<_>>()
        );
        // Every page is listed once, in a sitemap of at most the limit.
        let mut listed: Vec<&str> = Vec::new();
        for (_, xml) in &files[..4] {
            assert!(xml.contains("<urlset "), "{xml}");
            assert!(locs(xml).len() <= 3, "{xml}");
            listed.extend(locs(xml));
        }
        let mut all: Vec<String> = pages.iter().map(|(p, _)| abs(p)).collect();
        all.sort();
        listed.sort();
        assert_eq!(listed, all);
        // A year's documents are in its sitemap.
        assert!(locs(&files[2].1).contains(&"https://example.go.th/announcements/a6/"));
    }
}
