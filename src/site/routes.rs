//! Every output path of the site, spelled once. A path is relative to the site root, without
//! the base path, and ends with `/` for a page (`procurement/plans/2566/`); a fragment names a
//! row or part of a page (`#item-66-001`). Pages, open data, the sitemap, the section-9 index,
//! the ITA form, the search index and the compliance report all ask here; none spells a path
//! of its own.

use crate::site::Document;
use crate::thai::calendar::{FiscalYear, YearMonth};

/// Folders at the top of the site that are the system's, not a content section's.
pub const RESERVED: &[&str] = &[
    "static",
    "search",
    "section9",
    "ita",
    "data",
    "measures",
    "procurement",
    "files",
    "structure",
    "budget",
    "feed.xml",
    "sitemap.xml",
    "sitemaps",
    "robots.txt",
    "404.html",
];

pub fn home() -> &'static str {
    ""
}

// ---- measures ----

pub fn measures_index() -> &'static str {
    "measures/"
}

pub fn measures(fy: FiscalYear) -> String {
    format!("measures/{}/", fy.be())
}

/// Measure `n` (1-based) of a year's table.
pub fn measure(fy: FiscalYear, n: usize) -> String {
    format!("{}#measure-{n}", measures(fy))
}

/// The report of what was done, below the table.
pub fn measures_report(fy: FiscalYear) -> String {
    format!("{}#h-results", measures(fy))
}

/// The budget ordinance and spending of a fiscal year.
pub fn budget(fy: FiscalYear) -> String {
    format!("budget/{}/", fy.be())
}

/// โครงสร้างและผู้บริหาร: the people of `content/people.yaml`.
pub fn structure() -> &'static str {
    "structure/"
}

// ---- documents ----

/// A content section's list (`announcements/`).
pub fn section(name: &str) -> String {
    format!("{name}/")
}

/// A long section's list of one fiscal year ([`crate::site::Section::is_long`]).
pub fn section_year(name: &str, fy: FiscalYear) -> String {
    format!("{name}/{}/", fy.be())
}

/// A long fiscal year's list of one month of a long section.
pub fn section_month(name: &str, fy: FiscalYear, month: YearMonth) -> String {
    format!("{}{}/", section_year(name, fy), month.iso())
}

/// A document's page: `pages/about.md` → `about/`, `announcements/x.md` → `announcements/x/`,
/// a section's `_index.md` → the section's list.
pub fn document(doc: &Document) -> String {
    if doc.section == "pages" {
        format!("{}/", doc.slug)
    } else if doc.path.file_name().is_some_and(|n| n == "_index.md") {
        section(&doc.section)
    } else {
        format!("{}/{}/", doc.section, doc.slug)
    }
}

/// Where a path written in content (relative to `content/`) is published:
/// `pages/about.md` → `about/`; `announcements/2566/x.md` → `announcements/x/`;
/// `news/_index.md` → `news/`; anything else (`files/x.pdf`) as it is.
pub fn content_file(path: &str) -> String {
    let Some(stem_path) = path.strip_suffix(".md") else {
        return path.to_owned();
    };
    let parts: Vec<&str> = stem_path.split('/').filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [.., "_index"] if parts.len() >= 2 => section(parts[0]),
        ["pages", .., slug] => format!("{slug}/"),
        [section, .., slug] if parts.len() >= 2 => format!("{section}/{slug}/"),
        _ => format!("{stem_path}/"),
    }
}

// ---- procurement ----

pub fn procurement() -> &'static str {
    "procurement/"
}

pub fn plan(fy: FiscalYear) -> String {
    format!("procurement/plans/{}/", fy.be())
}

/// A plan item's row.
pub fn plan_item(fy: FiscalYear, id: &str) -> String {
    format!("{}#{}", plan(fy), plan_item_anchor(id))
}

/// The id of a plan item's row: `item-66-001` (anything but ASCII letters and digits a `-`).
pub fn plan_item_anchor(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("item-{id}")
}

pub fn reference_prices() -> &'static str {
    "procurement/reference-prices/"
}

/// A reference-price disclosure, by its file's name.
pub fn reference_price(slug: &str) -> String {
    format!("{}{slug}/", reference_prices())
}

pub fn results(fy: FiscalYear) -> String {
    format!("procurement/results/{}/", fy.be())
}

/// Rows of a year's สขร.1 above which the year's page becomes a summary with a page per month:
/// at about 2 KB a row, the one page would pass 100 KB, much for a phone on a slow line.
pub const RESULTS_PAGE_ROWS: usize = 40;

/// A month's สขร.1: its section of the year's page, or its own page when the year is `split`
/// (it has more than [`RESULTS_PAGE_ROWS`] rows).
pub fn results_month(month: YearMonth, split: bool) -> String {
    if split {
        results_month_page(month)
    } else {
        format!(
            "{}#{}",
            results(month.fiscal_year()),
            results_month_anchor(month)
        )
    }
}

/// The page of a month of a split year (`procurement/results/2566/2023-08/`).
pub fn results_month_page(month: YearMonth) -> String {
    format!("{}{}/", results(month.fiscal_year()), month.iso())
}

pub fn results_month_anchor(month: YearMonth) -> String {
    format!("m-{}", month.iso())
}

/// Row `i` (0-based) of a month's สขร.1, on the year's page or, when the year is `split`, on
/// the month's.
pub fn result_row(month: YearMonth, i: usize, split: bool) -> String {
    let page = if split {
        results_month_page(month)
    } else {
        results(month.fiscal_year())
    };
    format!("{page}#{}", result_row_anchor(month, i))
}

pub fn result_row_anchor(month: YearMonth, i: usize) -> String {
    format!("r-{}-{}", month.iso(), i + 1)
}

/// Plan, reference price and result, one row a project.
pub fn projects(fy: FiscalYear) -> String {
    format!("procurement/projects/{}/", fy.be())
}

// ---- open data ----

pub fn data() -> &'static str {
    "data/"
}

/// A dataset's page, beside its files.
pub fn dataset(slug: &str) -> String {
    format!("data/{slug}/")
}

/// The OCDS release package of a fiscal year.
pub fn ocds(fy: FiscalYear) -> String {
    format!("data/ocds/{}.json", fy.be())
}

pub fn catalog_ttl() -> &'static str {
    "data/catalog.ttl"
}

pub fn catalog_jsonld() -> &'static str {
    "data/catalog.jsonld"
}

// ---- section 9, ITA, search, the rest ----

pub fn section9() -> &'static str {
    "section9/"
}

/// The section-9 index of one fiscal year.
pub fn section9_year(year: i32) -> String {
    format!("section9/{year}/")
}

/// The ITA/OIT form of an assessment year.
pub fn ita(year: i32) -> String {
    format!("ita/{year}/")
}

/// An item's row of the ITA page (`#o13`).
pub fn ita_item(year: i32, code: &str) -> String {
    format!("{}#{code}", ita(year))
}

pub fn search() -> &'static str {
    "search/"
}

/// A file of the search index (`search/p/12.json`).
pub fn search_file(name: &str) -> String {
    format!("search/{name}")
}

/// A file of the theme (`static/style.css`).
pub fn theme_file(name: &str) -> String {
    format!("static/{name}")
}

pub fn announcements() -> &'static str {
    "announcements/"
}

pub fn feed() -> &'static str {
    "feed.xml"
}

pub fn sitemap() -> &'static str {
    "sitemap.xml"
}

/// The folder of the sitemaps of a site too big for one (see [`sitemap_index`]).
pub fn sitemaps() -> &'static str {
    "sitemaps/"
}

/// The index of the sitemaps of a site of more pages than one sitemap may list.
pub fn sitemap_index() -> &'static str {
    "sitemaps/index.xml"
}

// ---- spelling URLs ----

/// Percent-encodes what a URL path cannot hold as it is (Thai letters, spaces), keeping `/`.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~' | b'%') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decodes a URL path once; `None` for a malformed escape or bytes that are not UTF-8.
pub fn decode_path(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            let (h, l) = (hex(*bytes.get(i + 1)?)?, hex(*bytes.get(i + 2)?)?);
            #[allow(clippy::cast_possible_truncation)]
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The one policy for every link that comes from content (Markdown, measures evidence): a
/// link may only navigate (http, https, mailto, tel, a path of the site) or stay on the page;
/// `javascript:`, `data:`, `vbscript:`, `file:` and any other scheme are refused. Browsers ignore tabs, newlines and control characters inside a scheme,
/// so they are ignored here too.
pub fn is_safe_link(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if cleaned.starts_with('#') || cleaned.starts_with("//") {
        return true;
    }
    match cleaned.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_spelt_as_the_site_publishes_them() {
        let fy = FiscalYear(2566);
        assert_eq!(
            plan_item(fy, "66-001"),
            "procurement/plans/2566/#item-66-001"
        );
        let jan = YearMonth::parse("2566-01").unwrap();
        assert_eq!(
            results_month(jan, false),
            "procurement/results/2566/#m-2023-01"
        );
        assert_eq!(
            result_row(jan, 0, false),
            "procurement/results/2566/#r-2023-01-1"
        );
        // A long year: each month on a page of its own.
        assert_eq!(
            results_month(jan, true),
            "procurement/results/2566/2023-01/"
        );
        assert_eq!(
            result_row(jan, 0, true),
            "procurement/results/2566/2023-01/#r-2023-01-1"
        );
        assert_eq!(content_file("announcements/2566/x.md"), "announcements/x/");
        assert_eq!(content_file("pages/about.md"), "about/");
        assert_eq!(content_file("news/_index.md"), "news/");
        assert_eq!(content_file("files/a.pdf"), "files/a.pdf");
        assert_eq!(ita_item(2568, "o13"), "ita/2568/#o13");
    }
}
