//! HTML pages: home, measures, sections and their documents, pages, 404.

use crate::ctx;
use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::hash::fingerprint;
use crate::output::page::{AttachmentView, PageMeta, attachment_views, year_links};
use crate::output::{Body, Outputs, PageSink, page_file};
use crate::render::markdown;
use crate::render::{Link, Renderer, Urls};
use crate::site::document::EmbedTarget;
use crate::site::measures::Measures;
use crate::site::routes;
use crate::site::{Document, Site};
use crate::thai::calendar::FiscalYear;
use crate::thai::numerals::Numerals;

/// The pages this module names, the sections' lists among them; with `sink`, each document's
/// page is handed to it as soon as it is rendered.
pub fn render(
    site: &Site,
    r: &Renderer,
    out: &mut Outputs,
    diags: &mut Diagnostics,
    sink: Option<&dyn PageSink>,
) {
    let mut pages: Vec<(String, Result<String, Diagnostic>)> = Vec::new();

    let latest: Vec<DocView> = site
        .announcements()
        .iter()
        .take(5)
        .map(|d| DocView::summary(site, d, &r.urls))
        .collect();
    let measure_years: Vec<Link> = site
        .measures
        .iter()
        .rev()
        .map(|m| {
            let fy = m.data.fiscal_year.0.be();
            Link {
                title: format!("ปีงบประมาณ พ.ศ. {fy}"),
                url: r.urls.path(&routes::measures(FiscalYear(fy))),
            }
        })
        .collect();
    let sections: Vec<SectionLink> = site
        .sections
        .values()
        .map(|s| SectionLink {
            title: s.title(),
            url: r.urls.path(&routes::section(&s.name)),
            count: s.documents.len(),
        })
        .collect();
    // The latest fiscal year's procurement records.
    let procurement: Vec<Link> = crate::site::projects::fiscal_years(site)
        .last()
        .map(|fy| {
            let y = fy.be();
            let mut links = Vec::new();
            if site.plans.contains_key(fy) {
                links.push(Link {
                    title: format!("แผนการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. {y}"),
                    url: r.urls.path(&routes::plan(FiscalYear(y))),
                });
            }
            links.push(Link {
                title: format!("ผลการจัดซื้อจัดจ้างรายเดือน (สขร.1) ปีงบประมาณ พ.ศ. {y}"),
                url: r.urls.path(&routes::results(FiscalYear(y))),
            });
            links.push(Link {
                title: format!("รายการจัดซื้อจัดจ้างรายโครงการ ปีงบประมาณ พ.ศ. {y}"),
                url: r.urls.path(&routes::projects(FiscalYear(y))),
            });
            links
        })
        .unwrap_or_default();
    pages.push((
        String::new(),
        r.render(
            "home.html",
            ctx! {
                page => PageMeta::new(&site.config.name, "", &r.urls),
                latest => latest,
                measure_years => &measure_years,
                sections => sections,
                procurement => procurement,
                procurement_url => r.urls.path(routes::procurement()),
                section9_url => r.urls.path(routes::section9()),
                announcements_url => r.urls.path(routes::announcements()),
                // The day the content last changed, in the footer of this page alone: every
                // other page stays the same when a record is added, so a deploy sends only
                // the pages that show it.
                updated => site.updated(None).map(|d| d.to_string()),
            },
        ),
    ));

    if !site.measures.is_empty() {
        pages.push((
            routes::measures_index().into(),
            r.render(
                "measures_index.html",
                ctx! {
                    page => PageMeta::new("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "measures/", &r.urls),
                    years => &measure_years,
                },
            ),
        ));
    }
    for m in &site.measures {
        let view = MeasuresView::new(m, &r.urls, site.config.numerals);
        let rel = routes::measures(FiscalYear(view.fiscal_year));
        let years = year_links(
            site.measures.iter().map(|x| x.data.fiscal_year.0.be()),
            view.fiscal_year,
            |y| r.urls.path(&routes::measures(FiscalYear(y))),
        );
        let html = r.render(
            "measures.html",
            ctx! {
                page => PageMeta::new(&view.title, &rel, &r.urls),
                measures => view,
                year_links => years,
            },
        );
        pages.push((rel, html));
    }

    crate::timing::phase("pages: sections' lists", || {
        crate::output::sections::render(site, r, out, diags)
    });

    // Documents are most of the work: render them in parallel.
    let docs: Vec<&Document> = site
        .sections
        .values()
        .flat_map(|s| &s.documents)
        .chain(&site.pages)
        .map(|d| &**d)
        .collect();
    crate::progress::rendering(docs.len());
    let rendered: Vec<(String, Option<u64>, Result<Body, Diagnostic>)> =
        crate::timing::phase("pages: documents", || {
            // The pages earlier builds left as they are, and where the others will go.
            let found: Vec<(String, Option<u64>, Option<Body>)> = docs
                .par_iter()
                .map(|doc| {
                    let rel = routes::document(doc);
                    let key = page_key(r, doc);
                    let body = key.and_then(|key| reused(r, &rel, key));
                    (rel, key, body)
                })
                .collect();
            let sink = sink.filter(|_| found.iter().any(|(_, _, b)| b.is_none()));
            if let Some(sink) = sink {
                let paths: Vec<String> = found
                    .iter()
                    .filter(|(_, _, b)| b.is_none())
                    .map(|(rel, _, _)| page_file(rel))
                    .collect();
                sink.prepare(&paths);
            }
            found
                .into_par_iter()
                .zip(docs.par_iter())
                .map(|((rel, key, body), doc)| {
                    crate::progress::rendered();
                    let body = match body {
                        Some(body) => Ok(body),
                        None => document_page(site, r, doc, &rel, key, sink),
                    };
                    (rel, key, body)
                })
                .collect()
        });
    for (rel, key, body) in rendered {
        match body {
            Ok(body) => {
                let path = page_file(&rel);
                match key {
                    Some(key) => out.add_keyed(path, body, key),
                    None => out.add(path, body),
                }
            }
            Err(d) => diags.push(d),
        }
    }

    match r.render(
        "404.html",
        ctx! { page => PageMeta::new("ไม่พบหน้าที่ต้องการ", "404.html", &r.urls) },
    ) {
        Ok(html) => out.add_text("404.html", html),
        Err(d) => diags.push(d),
    }
    for (rel, html) in pages {
        match html {
            Ok(html) => out.add_page(&rel, html),
            Err(d) => diags.push(d),
        }
    }
}

/// What a document's page is made from, when that is its file alone (with the site-wide
/// inputs of its template): a page that embeds a record, or a procurement notice (whose page
/// shows the steps of its project from the plan, the reference prices and the other notices),
/// depends on more than its file and is never reused.
fn page_key(r: &Renderer, doc: &Document) -> Option<u64> {
    (doc.front.embed.is_none() && doc.front.procurement.is_none())
        .then(|| fingerprint(&(r.fingerprint, doc.fingerprint)))
}

/// The page at site path `rel` made from inputs `key` as the dev server's cache or the output
/// folder already holds it.
fn reused(r: &Renderer, rel: &str, key: u64) -> Option<Body> {
    if let Some(html) = r.cache.as_ref().and_then(|cache| cache.page(key)) {
        return Some(Body::Shared(html));
    }
    r.previous
        .as_ref()
        .filter(|previous| previous.holds(&page_file(rel), key))
        .map(|_| Body::Kept(key))
}

/// A document's page, rendered: handed to `sink` when there is one (`build`), else kept in
/// the dev server's cache under its render key.
fn document_page(
    site: &Site,
    r: &Renderer,
    doc: &Document,
    rel: &str,
    key: Option<u64>,
    sink: Option<&dyn PageSink>,
) -> Result<Body, Diagnostic> {
    let (view, links) = DocView::full_with_links(site, doc, &r.urls);
    if let Some(cache) = &r.cache {
        cache.put_links(r.links_key(doc.fingerprint), links.into());
    }
    let template = if doc.section == "pages" {
        "page.html"
    } else {
        "document.html"
    };
    let html = r.render(
        template,
        ctx! { page => PageMeta::new(&doc.front.title, rel, &r.urls), doc => view },
    )?;
    Ok(match (sink, &r.cache, key) {
        (Some(sink), _, _) => sink.put(&page_file(rel), html.into_bytes()),
        (None, Some(cache), Some(key)) => {
            let shared: std::sync::Arc<[u8]> = html.into_bytes().into();
            cache.put_page(key, std::sync::Arc::clone(&shared));
            Body::Shared(shared)
        }
        _ => Body::Bytes(html.into_bytes()),
    })
}

#[derive(Serialize)]
struct SectionLink {
    title: String,
    url: String,
    count: usize,
}

/// A document as lists and its own page show it.
#[derive(Serialize)]
pub struct DocView {
    pub title: String,
    pub url: String,
    pub abs_url: String,
    /// ISO date (CE), for the `thai_date` filter.
    pub date: Option<String>,
    pub updated: Option<String>,
    pub fiscal_year: Option<i32>,
    pub number: Option<String>,
    pub signed_by: Option<crate::site::document::Signatory>,
    pub summary: Option<String>,
    pub body_html: Option<String>,
    pub attachments: Vec<AttachmentView>,
    pub section: String,
    pub section_title: String,
    pub section_url: String,
    /// The record the document embeds, ready for its table macro.
    pub embed: Option<EmbedView>,
    /// The procurement a notice belongs to, with its other steps.
    pub procurement: Option<crate::output::procurement::NoticeView>,
}

/// An embedded record: `kind` names the macro of `records.html` that lays it out.
#[derive(Serialize)]
pub struct EmbedView {
    pub kind: &'static str,
    pub url: String,
    pub data: minijinja::Value,
}

fn embed_value(v: impl Serialize) -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(v))
}

/// The view of an embedded record, or `None` when the site has no such record.
pub fn embed_view(target: &EmbedTarget, site: &Site, urls: &Urls) -> Option<EmbedView> {
    use crate::output::procurement::{FormView, PlanView, ResultsView};
    Some(match target {
        EmbedTarget::Measures(fy) => {
            let m = site.measures.iter().find(|m| m.data.fiscal_year.0 == *fy)?;
            EmbedView {
                kind: "measures",
                url: urls.path(&routes::measures(*fy)),
                data: embed_value(MeasuresView::new(m, urls, site.config.numerals)),
            }
        }
        EmbedTarget::Plan(fy) => EmbedView {
            kind: "plan",
            url: urls.path(&routes::plan(*fy)),
            data: embed_value(PlanView::new(site, site.plans.get(fy)?, urls)),
        },
        EmbedTarget::Results(fy) => {
            if !site.results.keys().any(|m| m.fiscal_year() == *fy) {
                return None;
            }
            EmbedView {
                kind: "results",
                url: urls.path(&routes::results(*fy)),
                data: embed_value(ResultsView::new(site, *fy, urls)),
            }
        }
        EmbedTarget::ReferencePrice(slug) => {
            let rp = site.reference_prices.iter().find(|r| &r.slug == slug)?;
            EmbedView {
                kind: "reference_price",
                url: urls.path(&routes::reference_price(&rp.slug)),
                data: embed_value(FormView::new(
                    site,
                    rp,
                    &crate::site::projects::projects(site, rp.fiscal_year()),
                    urls,
                )),
            }
        }
    })
}

impl DocView {
    pub fn summary(site: &Site, doc: &Document, urls: &Urls) -> Self {
        let rel = routes::document(doc);
        let (section_title, section_url) = match site.sections.get(&doc.section) {
            Some(s) => (s.title(), urls.path(&routes::section(&s.name))),
            None => (String::new(), String::new()),
        };
        Self {
            title: doc.front.title.clone(),
            url: urls.path(&rel),
            abs_url: urls.abs(&rel),
            date: doc.front.date.map(|d| d.0.to_string()),
            updated: doc.front.updated.map(|d| d.0.to_string()),
            fiscal_year: doc.fiscal_year().map(FiscalYear::be),
            number: doc.front.number.clone(),
            signed_by: doc.front.signed_by.clone(),
            summary: doc.front.summary.clone(),
            body_html: None,
            attachments: Vec::new(),
            section: doc.section.clone(),
            section_title,
            section_url,
            embed: None,
            procurement: None,
        }
    }

    pub fn full(site: &Site, doc: &Document, urls: &Urls) -> Self {
        Self::full_with_links(site, doc, urls).0
    }

    /// The view, and the site links of the document's text (for the link check).
    pub fn full_with_links(site: &Site, doc: &Document, urls: &Urls) -> (Self, Vec<String>) {
        let mut view = Self::summary(site, doc, urls);
        let (html, links) = markdown::to_html(&doc.body(), urls);
        view.body_html = Some(html);
        view.attachments = attachment_views(site, &doc.front.attachments, urls);
        view.embed = doc
            .front
            .embed
            .as_deref()
            .and_then(EmbedTarget::parse)
            .and_then(|t| embed_view(&t, site, urls));
        view.procurement = crate::output::procurement::notice_view(site, doc, urls);
        (view, links)
    }
}

#[derive(Serialize)]
pub struct MeasuresView {
    pub fiscal_year: i32,
    pub title: String,
    pub intro_html: Option<String>,
    pub measures: Vec<MeasureRow>,
    pub csv_url: String,
    pub json_url: String,
    pub reported: usize,
    /// Measures by the status of their result, and the chart of it (when any is reported).
    pub status: Vec<StatusCount>,
    pub status_chart: Option<String>,
}

#[derive(Serialize)]
pub struct StatusCount {
    pub key: &'static str,
    pub label: &'static str,
    pub count: usize,
}

#[derive(Serialize)]
pub struct MeasureRow {
    pub no: usize,
    pub title: String,
    pub methods: Vec<String>,
    pub responsible: String,
    /// `YYYY-MM`, CE, for the `thai_month` filter.
    pub period_from: String,
    pub period_to: String,
    pub follow_up: Option<String>,
    pub result: Option<ResultView>,
}

#[derive(Serialize)]
pub struct ResultView {
    pub status: String,
    pub status_label: String,
    pub summary_html: Option<String>,
    pub evidence: Vec<Link>,
}

impl MeasuresView {
    pub fn new(m: &Measures, urls: &Urls, numerals: Numerals) -> Self {
        let fy = m.data.fiscal_year.0.be();
        let rows: Vec<MeasureRow> = m
            .data
            .measures
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let (from, to) = m.period_of(x);
                MeasureRow {
                    no: i + 1,
                    title: x.title.clone(),
                    methods: x.methods.clone(),
                    responsible: x.responsible.clone(),
                    period_from: from.iso(),
                    period_to: to.iso(),
                    follow_up: x.follow_up.clone(),
                    result: x.result.as_ref().map(|r| ResultView {
                        status: serde_json::to_value(r.status)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default(),
                        status_label: r.status.label_th().to_owned(),
                        summary_html: r.summary.as_ref().map(|s| markdown::to_html(s, urls).0),
                        evidence: r
                            .evidence
                            .iter()
                            .map(|e| Link {
                                title: e.title.clone(),
                                // `check` refuses any other; never written even so.
                                url: urls.resolve_content_link(&e.href).unwrap_or_else(|| {
                                    if crate::site::routes::is_safe_link(&e.href) {
                                        e.href.clone()
                                    } else {
                                        "#".to_owned()
                                    }
                                }),
                            })
                            .collect(),
                    }),
                }
            })
            .collect();
        let reported = rows.iter().filter(|r| r.result.is_some()).count();
        let status = status_counts(m);
        let status_chart = (reported > 0).then(|| status_chart(fy, &status, numerals));
        Self {
            fiscal_year: fy,
            title: m.data.title.clone().unwrap_or_else(|| {
                format!("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {fy}")
            }),
            intro_html: m.data.intro.as_ref().map(|s| markdown::to_html(s, urls).0),
            reported,
            measures: rows,
            csv_url: urls.path(&format!("{}measures.csv", routes::measures(FiscalYear(fy)))),
            json_url: urls.path(&format!(
                "{}measures.json",
                routes::measures(FiscalYear(fy))
            )),
            status,
            status_chart,
        }
    }
}

/// How many measures are done, in progress, planned, and not reported on; empty groups left out.
fn status_counts(m: &Measures) -> Vec<StatusCount> {
    use crate::site::measures::Status;
    let of = |s: Option<Status>| {
        m.data
            .measures
            .iter()
            .filter(|x| x.result.as_ref().map(|r| r.status) == s)
            .count()
    };
    [
        ("done", Status::Done.label_th(), of(Some(Status::Done))),
        (
            "in_progress",
            Status::InProgress.label_th(),
            of(Some(Status::InProgress)),
        ),
        (
            "planned",
            Status::Planned.label_th(),
            of(Some(Status::Planned)),
        ),
        ("not_reported", "ยังไม่รายงานผล", of(None)),
    ]
    .into_iter()
    .filter(|(_, _, count)| *count > 0)
    .map(|(key, label, count)| StatusCount { key, label, count })
    .collect()
}

fn status_chart(fy: i32, status: &[StatusCount], numerals: Numerals) -> String {
    use crate::output::charts::{BLUE, Chart, Fill, GREEN, GREY, ORANGE, Row, Series};
    let total: usize = status.iter().map(|s| s.count).sum();
    let words: Vec<String> = status
        .iter()
        .map(|s| format!("{} {} มาตรการ", s.label, s.count))
        .collect();
    let chart = Chart {
        id: "chart-status".into(),
        title: numerals.apply(&format!(
            "ผลการดำเนินการตามมาตรการ ปีงบประมาณ พ.ศ. {fy} แยกตามสถานะ"
        )),
        desc: numerals.apply(&format!(
            "แผนภูมิแท่ง จากทั้งหมด {total} มาตรการ: {}",
            words.join(", ")
        )),
        series: vec![Series {
            name: "จำนวนมาตรการ".into(),
            fill: Fill::Solid(BLUE),
        }],
        rows: status
            .iter()
            .map(|s| Row {
                label: s.label.to_owned(),
                values: vec![i64::try_from(s.count).ok()],
                texts: vec![numerals.apply(&format!("{} มาตรการ", s.count))],
                fill: Some(match s.key {
                    "done" => Fill::Solid(GREEN),
                    "in_progress" => Fill::Solid(ORANGE),
                    "planned" => Fill::Solid(GREY),
                    _ => Fill::Hatch(GREY),
                }),
                ..Row::default()
            })
            .collect(),
    };
    chart.svg()
}
