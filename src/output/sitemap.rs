//! `sitemap.xml` (every page, absolute URLs) and `robots.txt` pointing at it.
//!
//! A sitemap may list at most 50,000 URLs (sitemaps.org). A site with more pages lists its
//! dated documents by fiscal year (`sitemaps/2567.xml`, the year a document is about), cut into
//! parts of at most 50,000 (`sitemaps/2567-2.xml`), and its other pages in `sitemap.xml` (the
//! home page, lists, indexes); `sitemaps/index.xml` names them all, and `robots.txt` points
//! at it. `sitemap.xml` stays a list of pages that any sitemap reader reads, and a new
//! announcement changes its year's sitemap and leaves the others as they were.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::output::Outputs;
use crate::render::Urls;
use crate::site::{Document, Site, routes};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// The most URLs one sitemap may list.
const MAX_URLS: usize = 50_000;

pub fn render(site: &Site, urls: &Urls, out: &mut Outputs) {
    // Outputs rendered again (the dev server adds the search page later) drop the last ones.
    out.files
        .retain(|path, _| !path.starts_with(routes::sitemaps()));
    let paths: Vec<&str> = out.pages().collect();
    // A document's fiscal year places it only past the limit: not asked for otherwise.
    let years: FxHashMap<String, i32> = if paths.len() > MAX_URLS {
        let docs: Vec<&Document> = site
            .sections
            .values()
            .flat_map(|s| &s.documents)
            .chain(&site.pages)
            .map(|d| &**d)
            .collect();
        let years: Vec<(String, i32)> = docs
            .par_iter()
            .filter_map(|d| Some((routes::document(d), d.fiscal_year()?.be())))
            .collect();
        years.into_iter().collect()
    } else {
        FxHashMap::default()
    };
    let pages: Vec<(&str, Option<i32>)> = paths
        .into_iter()
        .map(|p| (p, years.get(p).copied()))
        .collect();
    let files = sitemaps(&pages, |rel| urls.abs(rel), MAX_URLS);
    let first = match files
        .iter()
        .any(|(path, _)| path == routes::sitemap_index())
    {
        true => routes::sitemap_index(),
        false => routes::sitemap(),
    };
    for (path, xml) in files {
        out.add_text(path, xml);
    }
    out.add_text(
        "robots.txt",
        format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", urls.abs(first)),
    );
}

/// The sitemap files of `pages` (site paths, each with the fiscal year of the document it
/// is, if it is one), by output path: `sitemap.xml` listing them all when they are at most
/// `limit`; or else the documents' by fiscal year in parts of at most `limit`, the others'
/// in `sitemap.xml` (past `limit` of them, the rest in parts of their own), and
/// `sitemaps/index.xml` naming every one. `abs` makes a path absolute.
fn sitemaps(
    pages: &[(&str, Option<i32>)],
    abs: impl Fn(&str) -> String + Sync,
    limit: usize,
) -> Vec<(String, String)> {
    if pages.len() <= limit {
        let all: Vec<&str> = pages.iter().map(|(p, _)| *p).collect();
        return vec![(routes::sitemap().to_owned(), urlset(&all, &abs, ""))];
    }
    let mut others: Vec<&str> = Vec::new();
    let mut years: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    for (page, year) in pages {
        match year {
            Some(y) => years.entry(*y).or_default().push(page),
            None => others.push(page),
        }
    }
    // Not the index's address: one holding "--" would break the comment (XML forbids it).
    let note = format!(
        "  <!-- The documents are listed a fiscal year a file; {} names every list. -->\n",
        routes::sitemap_index()
    );
    // Each file's path, pages and note, then the files written on all cores.
    let (main, rest) = others.split_at(others.len().min(limit));
    let mut lists: Vec<(String, &[&str], &str)> = vec![(routes::sitemap().to_owned(), main, &note)];
    let named = std::iter::once(("site".to_owned(), rest)).chain(
        years
            .iter()
            .map(|(year, pages)| (year.to_string(), &pages[..])),
    );
    for (name, pages) in named {
        for (k, part) in pages.chunks(limit).enumerate() {
            let path = match k {
                0 => format!("{}{name}.xml", routes::sitemaps()),
                _ => format!("{}{name}-{}.xml", routes::sitemaps(), k + 1),
            };
            lists.push((path, part, ""));
        }
    }
    let mut files: Vec<(String, String)> = lists
        .into_par_iter()
        .map(|(path, pages, note)| (path, urlset(pages, &abs, note)))
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, _) in &files {
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            crate::output::xml::escape(&abs(path))
        );
    }
    index.push_str("</sitemapindex>\n");
    files.push((routes::sitemap_index().to_owned(), index));
    files
}

/// A sitemap listing `pages`, `note` (a comment line, or nothing) first.
fn urlset(pages: &[&str], abs: impl Fn(&str) -> String, note: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    xml.push_str(note);
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
    fn past_the_limit_the_documents_are_listed_a_year_a_file_and_an_index_names_all() {
        let mut pages = vec![
            ("", None),
            ("ita/", None),
            ("about/", None),
            ("news/", None),
        ];
        let docs: Vec<String> = (0..7).map(|i| format!("announcements/a{i}/")).collect();
        for (i, d) in docs.iter().enumerate() {
            pages.push((d, Some(if i < 5 { 2566 } else { 2567 })));
        }
        let files = sitemaps(&pages, abs, 3);
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemaps/site.xml",
                "sitemaps/2566.xml",
                "sitemaps/2566-2.xml",
                "sitemaps/2567.xml",
                "sitemaps/index.xml"
            ]
        );
        // sitemap.xml is still a list of pages, the home page among them, and says where the
        // rest are.
        let (_, main) = &files[0];
        assert!(
            main.contains("<urlset ") && main.contains("sitemaps/index.xml"),
            "{main}"
        );
        assert!(locs(main).contains(&"https://example.go.th/"), "{main}");
        let (_, index) = files.last().unwrap();
        assert!(index.contains("<sitemapindex "), "{index}");
        assert_eq!(
            locs(index),
            names[..5].iter().map(|n| abs(n)).collect::<Vec<_>>()
        );
        // Every page is listed once, in a sitemap of at most the limit.
        let mut listed: Vec<&str> = Vec::new();
        for (_, xml) in &files[..5] {
            assert!(xml.contains("<urlset "), "{xml}");
            assert!(locs(xml).len() <= 3, "{xml}");
            listed.extend(locs(xml));
        }
        let mut all: Vec<String> = pages.iter().map(|(p, _)| abs(p)).collect();
        all.sort();
        listed.sort();
        assert_eq!(listed, all);
        // A year's documents are in its sitemap, and no others.
        assert_eq!(
            locs(&files[4].1),
            [
                "https://example.go.th/announcements/a5/",
                "https://example.go.th/announcements/a6/"
            ]
        );
    }
}
