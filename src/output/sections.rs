//! The lists of a section's documents (`/announcements/`). A section of up to
//! [`crate::site::LIST_ROWS`] documents is one page, by fiscal year. A longer one shows its newest
//! documents and a link to each fiscal year's list (`/announcements/2567/`); a fiscal year of
//! more than [`crate::site::LIST_ROWS`] shows a link to each month's (`/announcements/2567/2023-10/`).

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::ctx;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::hash::fingerprint;
use crate::output::page::PageMeta;
use crate::output::pages::DocView;
use crate::output::{Body, Outputs, page_file};
use crate::render::markdown;
use crate::render::{Link, Renderer, Urls};
use crate::site::{Document, Section, Site, YearList, routes};
use crate::thai::calendar::{FiscalYear, YearMonth, format_month_long};
use crate::thai::numerals::Numerals;

/// The newest documents a long section's own page shows above its fiscal years.
pub const LATEST: usize = 20;

/// One list page: what `section.html` is given as `section`, its documents as `D`: planned
/// with the documents themselves, rendered with their [`DocView`]s (made only for a page that
/// is rendered, not for one kept).
#[derive(Serialize)]
struct ListView<D> {
    /// The page's heading.
    title: String,
    /// The breadcrumb: the section, then the fiscal year, each with its address.
    trail: Vec<Link>,
    intro_html: Option<String>,
    /// A long section's newest documents.
    latest: Vec<D>,
    /// What `parts` are: "ปีงบประมาณ" or "รายเดือน".
    parts_title: Option<&'static str>,
    /// The pages the list goes on to, with how many documents each holds.
    parts: Vec<Part>,
    /// Documents under headings: the fiscal years of a short section, or the one year or
    /// month of the page.
    groups: Vec<Group<D>>,
    /// Documents without a date.
    undated: Vec<D>,
}

impl<D> ListView<D> {
    /// A page of heading `title` and breadcrumb `trail` that lists nothing yet.
    fn new(title: String, trail: Vec<Link>) -> Self {
        Self {
            title,
            trail,
            intro_html: None,
            latest: Vec::new(),
            parts_title: None,
            parts: Vec::new(),
            groups: Vec::new(),
            undated: Vec::new(),
        }
    }
}

impl ListView<&Arc<Document>> {
    fn with_views(self, site: &Site, urls: &Urls) -> ListView<DocView> {
        let views = |docs: Vec<&Arc<Document>>| {
            docs.into_iter()
                .map(|d| DocView::summary(site, d, urls))
                .collect::<Vec<_>>()
        };
        ListView {
            title: self.title,
            trail: self.trail,
            intro_html: self.intro_html,
            latest: views(self.latest),
            parts_title: self.parts_title,
            parts: self.parts,
            groups: self
                .groups
                .into_iter()
                .map(|g| Group {
                    id: g.id,
                    title: g.title,
                    documents: views(g.documents),
                })
                .collect(),
            undated: views(self.undated),
        }
    }
}

#[derive(Serialize)]
struct Part {
    title: String,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct Group<D> {
    id: String,
    title: String,
    documents: Vec<D>,
}

/// A list page to render: its site path and what it lists.
type Planned<'a> = (String, ListView<&'a Arc<Document>>);

/// Every section's list pages, rendered in parallel. A page's bytes are kept (the dev
/// server's cache, the output folder) while its section's documents' front matter is as it was.
pub fn render(site: &Site, r: &Renderer, out: &mut Outputs, diags: &mut Diagnostics) {
    let planned: Vec<(u64, Planned)> = site
        .sections
        .values()
        .flat_map(|section| {
            // A list shows front matter only: editing a document's text leaves it as it was.
            let key = fingerprint(&(
                r.fingerprint,
                &section.name,
                section.index.as_ref().map(|i| i.fingerprint),
                section
                    .documents
                    .iter()
                    .map(|d| d.front_fingerprint)
                    .collect::<Vec<_>>(),
            ));
            pages_of(site, section, r, key)
        })
        .collect();
    let rendered: Vec<(String, u64, Result<Body, Diagnostic>)> = planned
        .into_par_iter()
        .map(|(section_key, (rel, view))| {
            let key = fingerprint(&(section_key, &rel));
            let path = page_file(&rel);
            if let Some(html) = r.cache.as_ref().and_then(|c| c.page(key)) {
                return (path, key, Ok(Body::Shared(html)));
            }
            // A long list is a long page: the one the folder holds is kept.
            if r.previous.as_ref().is_some_and(|p| p.holds(&path, key)) {
                return (path, key, Ok(Body::Kept(key)));
            }
            let view = view.with_views(site, &r.urls);
            let html = r.render(
                "section.html",
                ctx! { page => PageMeta::new(&view.title, &rel, &r.urls), section => view },
            );
            let body = html.map(|html| {
                let shared: Arc<[u8]> = html.into_bytes().into();
                if let Some(c) = &r.cache {
                    c.put_page(key, Arc::clone(&shared));
                }
                Body::Shared(shared)
            });
            (path, key, body)
        })
        .collect();
    for (path, key, body) in rendered {
        match body {
            Ok(body) => out.add_keyed(path, body, key),
            Err(d) => diags.push(d),
        }
    }
}

/// The list pages of one section, each with the section's key.
fn pages_of<'a>(
    site: &Site,
    section: &'a Section,
    r: &Renderer,
    key: u64,
) -> Vec<(u64, Planned<'a>)> {
    let urls = &r.urls;
    let n = site.config.numerals;
    let title = section.title();
    let rel = routes::section(&section.name);
    let section_link = Link {
        title: title.clone(),
        url: urls.path(&rel),
    };
    let (years, undated) = section.by_fiscal_year();
    let main = ListView {
        intro_html: section
            .index
            .as_ref()
            .map(|i| markdown::to_html(&i.body(), urls).0)
            .filter(|h| !h.trim().is_empty()),
        undated,
        ..ListView::new(title, vec![section_link.clone()])
    };
    if !section.is_long() {
        let groups = years
            .into_iter()
            .map(|y| year_group(y.fiscal_year, y.documents, n))
            .collect();
        return vec![(key, (rel, ListView { groups, ..main }))];
    }
    let mut pages = Vec::new();
    let parts = years
        .iter()
        .map(|y| Part {
            title: year_title(y.fiscal_year, n),
            url: urls.path(&routes::section_year(&section.name, y.fiscal_year)),
            count: y.documents.len(),
        })
        .collect();
    let latest = section.documents.iter().take(LATEST).collect();
    pages.push((
        key,
        (
            rel,
            ListView {
                latest,
                parts_title: Some("ปีงบประมาณ"),
                parts,
                ..main
            },
        ),
    ));
    for y in &years {
        pages.extend(
            year_pages(section, y, urls, &section_link, n)
                .into_iter()
                .map(|p| (key, p)),
        );
    }
    pages
}

/// The list of fiscal year `y` of a long section, and its months' lists when it is long too.
fn year_pages<'a>(
    section: &Section,
    y: &YearList<'a>,
    urls: &Urls,
    section_link: &Link,
    n: Numerals,
) -> Vec<Planned<'a>> {
    let fy = y.fiscal_year;
    let rel = routes::section_year(&section.name, fy);
    let heading = format!("{} {}", section_link.title, year_title(fy, n));
    let trail = vec![
        section_link.clone(),
        Link {
            title: year_title(fy, n),
            url: urls.path(&rel),
        },
    ];
    let empty = ListView::new(heading, trail.clone());
    if !y.is_long() {
        let groups = vec![year_group(fy, y.documents.clone(), n)];
        return vec![(rel, ListView { groups, ..empty })];
    }
    let (months, undated) = y.by_month();
    let parts = months
        .iter()
        .map(|(m, docs)| Part {
            title: format_month_long(*m, n),
            url: urls.path(&routes::section_month(&section.name, fy, *m)),
            count: docs.len(),
        })
        .collect();
    let mut pages = vec![(
        rel,
        ListView {
            parts_title: Some("รายเดือน"),
            parts,
            undated,
            ..empty
        },
    )];
    for (m, docs) in months {
        let month_rel = routes::section_month(&section.name, fy, m);
        let mut trail = trail.clone();
        trail.push(Link {
            title: format_month_long(m, n),
            url: urls.path(&month_rel),
        });
        pages.push((
            month_rel,
            ListView {
                groups: vec![month_group(m, docs, n)],
                ..ListView::new(
                    format!("{} {}", section_link.title, format_month_long(m, n)),
                    trail,
                )
            },
        ));
    }
    pages
}

fn year_title(fy: FiscalYear, n: Numerals) -> String {
    n.apply(&format!("ปีงบประมาณ พ.ศ. {}", fy.be()))
}

fn year_group<D>(fy: FiscalYear, documents: Vec<D>, n: Numerals) -> Group<D> {
    Group {
        id: format!("fy-{}", fy.be()),
        title: year_title(fy, n),
        documents,
    }
}

fn month_group<D>(m: YearMonth, documents: Vec<D>, n: Numerals) -> Group<D> {
    Group {
        id: format!("m-{}", m.iso()),
        title: format_month_long(m, n),
        documents,
    }
}
