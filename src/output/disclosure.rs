//! `/section9/` (ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์: every disclosure under its section-9 category,
//! with an index by fiscal year that needs no JavaScript) and `/ita/YEAR/` (each ITA/OIT item
//! with the URLs that answer it, and `ita-YEAR.csv` for the assessment form).

use serde::Serialize;

use crate::ctx;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::page::PageMeta;
use crate::output::table::{Col, Table};
use crate::output::{Body, Outputs};
use crate::render::{Renderer, Urls};
use crate::site::Site;
use crate::site::dataset::ColumnType;
use crate::site::disclosure::{Category, Disclosure, LABELS};
use crate::site::routes;
use crate::thai::calendar::FiscalYear;

#[derive(Serialize)]
struct Entry {
    title: String,
    url: String,
    date: Option<String>,
    fiscal_year: Option<i32>,
    kind: String,
    category: String,
}

/// Entries of a fiscal year shown under a category on `/section9/`; the rest of a long
/// category is on the yearly indexes, which the category links.
pub const CATEGORY_ENTRIES: usize = 20;
/// Rows of the index shown on `/section9/` itself; a longer index is shown a fiscal year a page
/// (`/section9/YEAR/`), the rows of no fiscal year staying on `/section9/`.
pub const INDEX_ROWS: usize = 200;

#[derive(Serialize)]
struct CategoryView {
    number: u8,
    label: &'static str,
    entries: Vec<Entry>,
    /// Where the entries not shown are, when the category is long.
    more: Option<More>,
    /// For 9(8): the sub-groups, each with its entries.
    subgroups: Vec<SubgroupView>,
}

#[derive(Serialize)]
struct SubgroupView {
    label: &'static str,
    entries: Vec<Entry>,
    more: Option<More>,
}

/// A long category: how many entries it has, and its part of each yearly index.
#[derive(Serialize)]
struct More {
    total: usize,
    years: Vec<YearPart>,
}

#[derive(Serialize)]
struct YearPart {
    year: i32,
    count: usize,
    url: String,
}

/// A row of an index, with the anchor of its category on the first row of each.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    anchor: Option<String>,
}

/// The rows of `index` (sorted by paragraph) that `keep` keeps; with `anchored`, each
/// paragraph's first row is `#s9-N`, where a long category on `/section9/` links a year's index
/// (`/section9/` itself has those ids on its category headings).
fn index_rows<'a>(
    index: &'a [(u8, Entry)],
    anchored: bool,
    keep: impl Fn(&Entry) -> bool,
) -> Vec<Row<'a>> {
    let mut last = None;
    index
        .iter()
        .filter(|(_, e)| keep(e))
        .map(|(n, e)| {
            let anchor = (anchored && last != Some(*n)).then(|| format!("s9-{n}"));
            last = Some(*n);
            Row { entry: e, anchor }
        })
        .collect()
}

/// A category's list as `/section9/` shows it: every entry when it has at most
/// [`CATEGORY_ENTRIES`]; else the newest of them and those of no fiscal year, with where the
/// rest are.
fn shorten(entries: Vec<Entry>, paragraph: u8, urls: &Urls) -> (Vec<Entry>, Option<More>) {
    if entries.len() <= CATEGORY_ENTRIES {
        return (entries, None);
    }
    let total = entries.len();
    let mut years: Vec<YearPart> = Vec::new();
    for y in entries.iter().filter_map(|e| e.fiscal_year) {
        match years.iter_mut().find(|p| p.year == y) {
            Some(p) => p.count += 1,
            None => years.push(YearPart {
                year: y,
                count: 1,
                url: format!("{}#s9-{paragraph}", urls.path(&routes::section9_year(y))),
            }),
        }
    }
    years.sort_by_key(|p| std::cmp::Reverse(p.year));
    let mut shown = 0;
    let kept = entries
        .into_iter()
        .filter(|e| {
            if e.fiscal_year.is_none() {
                return true;
            }
            shown += 1;
            shown <= CATEGORY_ENTRIES
        })
        .collect();
    (kept, Some(More { total, years }))
}

fn entry(d: &Disclosure, c: Category, urls: &Urls) -> Entry {
    let full = d.path();
    let (path, fragment) = full
        .split_once('#')
        .map_or((full.as_str(), None), |(p, f)| (p, Some(f)));
    let url = match fragment {
        Some(f) => format!("{}#{f}", urls.path(path)),
        None => urls.path(path),
    };
    Entry {
        title: d.title.clone(),
        url,
        date: d.date.map(|x| x.to_string()),
        fiscal_year: d.fiscal_year.map(FiscalYear::be),
        kind: d.kind.clone(),
        category: match c.sub_label() {
            Some(sub) => format!("๙ (๘) {sub}"),
            None => format!(
                "๙ ({})",
                crate::thai::numerals::to_thai_digits(&c.paragraph().to_string())
            ),
        },
    }
}

/// Newest first; undated last, by title.
fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    entries.sort_by_key(|e| e.date.is_none());
}

pub fn render(site: &Site, r: &Renderer, out: &mut Outputs, diags: &mut Diagnostics) {
    // These pages list documents by their front matter, and every typed record: a rebuild
    // after an edit of a document's text alone reuses them.
    let key = crate::hash::fingerprint(&(
        "section9+ita",
        r.fingerprint,
        site.documents()
            .map(|d| d.front_fingerprint)
            .collect::<Vec<_>>(),
        site.records_fingerprint(),
        site.today,
    ));
    if let Some(files) = r.cache.as_ref().and_then(|c| c.bundle(key)) {
        for (path, bytes) in files.iter() {
            out.add(path.clone(), Body::Shared(std::sync::Arc::clone(bytes)));
        }
        return;
    }
    let mut produced = Outputs::default();
    render_all(site, r, &mut produced, diags);
    if let Some(c) = &r.cache {
        let files: Vec<(String, std::sync::Arc<[u8]>)> = produced
            .files
            .iter()
            .filter_map(|(k, b)| match b {
                Body::Bytes(v) => Some((k.clone(), v.clone().into())),
                _ => None,
            })
            .collect();
        c.put_bundle(key, std::sync::Arc::new(files));
    }
    out.files.extend(produced.files);
}

fn render_all(site: &Site, r: &Renderer, out: &mut Outputs, diags: &mut Diagnostics) {
    let urls = &r.urls;
    let all = site.disclosures();
    let in_category = |c: Category| -> Vec<Entry> {
        let mut v: Vec<Entry> = all
            .iter()
            .filter(|d| d.categories.contains(&c))
            .map(|d| entry(d, c, urls))
            .collect();
        sort(&mut v);
        v
    };
    let categories: Vec<CategoryView> = (1..=8u8)
        .map(|n| {
            let (entries, more) = if n == 8 {
                (Vec::new(), None)
            } else {
                shorten(in_category(Category::Paragraph(n)), n, urls)
            };
            CategoryView {
                number: n,
                label: LABELS[usize::from(n - 1)],
                entries,
                more,
                subgroups: if n == 8 {
                    Category::SUBGROUPS
                        .iter()
                        .map(|c| {
                            let (entries, more) = shorten(in_category(*c), 8, urls);
                            SubgroupView {
                                label: c.sub_label().unwrap_or_default(),
                                entries,
                                more,
                            }
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();

    // The index: every categorised disclosure, one row per category it is in.
    let mut index: Vec<(u8, Entry)> = Vec::new();
    for d in all {
        for c in &d.categories {
            index.push((c.paragraph(), entry(d, *c, urls)));
        }
    }
    index.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| b.1.date.cmp(&a.1.date))
            .then_with(|| a.1.title.cmp(&b.1.title))
    });
    let mut years: Vec<i32> = index.iter().filter_map(|(_, e)| e.fiscal_year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let year_links: Vec<(i32, String)> = years
        .iter()
        .map(|y| (*y, urls.path(&routes::section9_year(*y))))
        .collect();

    let mut pages: Vec<(String, Result<String, Diagnostic>)> = Vec::new();
    // A long index is shown a year a page; what has no fiscal year stays here.
    let by_year = index.len() > INDEX_ROWS && !years.is_empty();
    let main_index = index_rows(&index, false, |e| !by_year || e.fiscal_year.is_none());
    pages.push((
        routes::section9().into(),
        r.render(
            "section9.html",
            ctx! {
                page => PageMeta::new("ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์", "section9/", urls),
                categories => &categories,
                index => &main_index,
                total => index.len(),
                by_year => by_year,
                years => &year_links,
                year => None::<i32>,
            },
        ),
    ));
    for y in &years {
        let year_rows = index_rows(&index, true, |e| e.fiscal_year == Some(*y));
        let rel = routes::section9_year(*y);
        let title = site
            .config
            .numerals
            .apply(&format!("ดัชนีข้อมูลข่าวสาร ปีงบประมาณ พ.ศ. {y}"));
        pages.push((
            rel.clone(),
            r.render(
                "section9_year.html",
                ctx! {
                    page => PageMeta::new(&title, &rel, urls),
                    index => &year_rows,
                    total => year_rows.len(),
                    by_year => by_year,
                    years => &year_links,
                    year => Some(*y),
                },
            ),
        ));
    }

    // ITA pages: every catalog year the site has content for, and the year it follows.
    let content_years: Vec<i32> = all
        .iter()
        .filter_map(|d| d.fiscal_year.map(FiscalYear::be))
        .collect();
    let followed = site.config.ita_year.and_then(|y| i32::try_from(y).ok());
    let shown = |year: i32| content_years.contains(&year) || followed == Some(year);
    let ita_years: Vec<i32> = site.ita.keys().copied().filter(|y| shown(*y)).collect();
    for catalog in site.ita.values() {
        if !shown(catalog.year) {
            continue;
        }
        let fy = catalog.fiscal_year();
        let dir = routes::ita(catalog.year);
        let mut rows: Vec<Vec<String>> = Vec::new();
        let groups: Vec<ItaGroup> = catalog
            .groups
            .iter()
            .map(|g| ItaGroup {
                code: g.code.clone(),
                title: g.title.clone(),
                heading: g.heading(),
                items: g
                    .items
                    .iter()
                    .map(|item| {
                        let answers: Vec<Answer> = item
                            .answers(fy, all)
                            .into_iter()
                            .map(|d| Answer {
                                url: absolute(urls, &d.path()),
                                title: d.title.clone(),
                                description: d.where_on_page.clone(),
                            })
                            .collect();
                        rows.push(vec![
                            g.code.clone(),
                            item.code.clone(),
                            item.title.clone(),
                            if answers.is_empty() {
                                "missing"
                            } else {
                                "answered"
                            }
                            .to_owned(),
                            answers
                                .iter()
                                .map(|a| a.url.clone())
                                .collect::<Vec<_>>()
                                .join("\n"),
                            answers
                                .iter()
                                .map(|a| a.description.clone())
                                .collect::<Vec<_>>()
                                .join("\n"),
                            item.topics.join(" "),
                        ]);
                        ItaItem {
                            code: item.code.clone(),
                            title: item.title.clone(),
                            confirmed: item.is_confirmed(catalog),
                            answers,
                        }
                    })
                    .collect(),
            })
            .collect();
        let answered = rows.iter().filter(|r| r[3] == "answered").count();
        let table = Table {
            name: format!("ita-{}", catalog.year),
            file: format!("ita-{}.csv", catalog.year),
            title: format!("ITA {} OIT", catalog.year),
            columns: vec![
                Col::new("group", "ตัวชี้วัดย่อย", ColumnType::String),
                Col::new("item", "ข้อ", ColumnType::String),
                Col::new("title", "ข้อมูล", ColumnType::String),
                Col::new("status", "สถานะ", ColumnType::String),
                Col::new("urls", "URL", ColumnType::String),
                Col::new("descriptions", "คำอธิบาย", ColumnType::String),
                Col::new("topics", "หัวข้อ", ColumnType::String),
            ],
            rows,
        };
        out.add(
            format!("{dir}ita-{}.csv", catalog.year),
            Body::Bytes(table.csv()),
        );
        let title = site.config.numerals.apply(&format!(
            "การเปิดเผยข้อมูลสาธารณะ (OIT) ตามการประเมิน ITA ปี {}",
            catalog.year
        ));
        let total = table.rows.len();
        pages.push((
            dir.clone(),
            r.render(
                "ita.html",
                ctx! {
                    page => PageMeta::new(&title, &dir, urls),
                    year => catalog.year,
                    confirmed => catalog.confirmed,
                    note => &catalog.note,
                    groups => groups,
                    answered => answered,
                    total => total,
                    csv_url => urls.path(&format!("{dir}ita-{}.csv", catalog.year)),
                    year_links => crate::output::page::year_links(
                        ita_years.iter().copied(),
                        catalog.year,
                        |y| urls.path(&routes::ita(y)),
                    ),
                },
            ),
        ));
    }

    for (rel, html) in pages {
        match html {
            Ok(h) => out.add_page(&rel, h),
            Err(d) => diags.push(d),
        }
    }
}

/// The absolute URL of a site path that may carry a `#fragment`.
fn absolute(urls: &Urls, path: &str) -> String {
    match path.split_once('#') {
        Some((p, f)) => format!("{}#{f}", urls.abs(p)),
        None => urls.abs(path),
    }
}

#[derive(Serialize)]
struct ItaGroup {
    code: String,
    title: String,
    /// As the assessment prints it: `9.2 การบริหารงาน`, never an internal key.
    heading: String,
    items: Vec<ItaItem>,
}

#[derive(Serialize)]
struct ItaItem {
    code: String,
    title: String,
    confirmed: bool,
    answers: Vec<Answer>,
}

#[derive(Serialize)]
struct Answer {
    url: String,
    title: String,
    description: String,
}
