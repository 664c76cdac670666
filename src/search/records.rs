//! What a resident can find, one [`Record`] each: every document of every section and every
//! page, each measure, each procurement plan and plan item, each reference-price disclosure,
//! each month and each row of the monthly results (แบบ สขร.๑), and each dataset. Titles, dates,
//! fiscal years and addresses come from the disclosure list
//! ([`Site::disclosures`](crate::site::Site::disclosures)) where it has the record; the text
//! comes from the record itself.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::search::index::Record;
use crate::site::disclosure::Subject;
use crate::site::procurement::{ReferencePrice, ResultItem};
use crate::site::routes;
use crate::site::routes::encode_path as encode;
use crate::site::{Document, Site};
use crate::thai::calendar::{FiscalYear, YearMonth, format_date, format_month_long};
use crate::thai::money::Money;
use crate::thai::numerals::Numerals;

/// Type keys of the records that are not documents of a section.
pub const PAGES: &str = "pages";
pub const MEASURES: &str = "measures";
pub const PLANS: &str = "procurement-plans";
pub const REFERENCE_PRICES: &str = "reference-prices";
pub const RESULTS: &str = "procurement-results";
pub const DATASETS: &str = "datasets";

/// The types (key, Thai label) in the order filters list them, and every record.
pub fn records(site: &Site) -> (Vec<(String, String)>, Vec<Record>) {
    let (types, pending) = pending(site);
    (types, pending.finish())
}

/// Every record, the texts of documents not yet read out of their Markdown: what the index is
/// made from is known without that work, which a build whose index is cached never does.
pub struct Pending<'a> {
    /// The records, a document's with an empty text.
    pub records: Vec<Record>,
    /// The documents whose records wait for their text: (index in `records`, document).
    docs: Vec<(usize, &'a Document)>,
}

impl Pending<'_> {
    /// The source of each document whose text is pending: all its text is made from.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        self.docs.iter().map(|(_, d)| d.source.text.as_str())
    }

    /// The records with every document's text.
    pub fn finish(mut self) -> Vec<Record> {
        let texts: Vec<String> = self
            .docs
            .par_iter()
            .map(|(_, doc)| document_text(doc))
            .collect();
        for ((i, _), text) in self.docs.iter().zip(texts) {
            self.records[*i].text = text;
        }
        self.records
    }
}

/// [`records`], the documents' texts pending.
pub fn pending(site: &Site) -> (Vec<(String, String)>, Pending<'_>) {
    let n = site.config.numerals;
    let mut types: Vec<(String, String)> = Vec::new();
    for s in site.sections.values() {
        types.push((section_key(&s.name), s.title()));
    }
    for (k, l) in [
        (PAGES, "หน้าข้อมูล"),
        (MEASURES, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
        (PLANS, "แผนการจัดซื้อจัดจ้าง"),
        (REFERENCE_PRICES, "ประกาศราคากลาง"),
        (RESULTS, "ผลการจัดซื้อจัดจ้าง (สขร.๑)"),
        (DATASETS, "ชุดข้อมูล"),
    ] {
        types.push((k.to_owned(), l.to_owned()));
    }
    let kind = |key: &str| types.iter().position(|(k, _)| k == key).unwrap_or(0);
    let date_text = |d: Option<chrono::NaiveDate>| d.map(|d| format_date(d, n)).unwrap_or_default();

    let docs: HashMap<String, &Document> = site
        .documents()
        .map(|d| {
            let d: &Document = d;
            (routes::document(d), d)
        })
        .collect();
    let prices: HashMap<&str, &ReferencePrice> = site
        .reference_prices
        .iter()
        .map(|r| (r.slug.as_str(), r))
        .collect();
    let datasets: HashMap<&str, &crate::site::Dataset> =
        site.datasets.iter().map(|d| (d.slug.as_str(), d)).collect();

    let mut pending_docs: Vec<(usize, &Document)> = Vec::new();
    let mut out = Vec::new();
    for d in site.disclosures() {
        let record = |key: &str, text: String| Record {
            kind: kind(key),
            title: d.title.clone(),
            url: encode_path(&d.path()),
            date: d.date,
            date_text: date_text(d.date),
            fiscal_year: d.fiscal_year.map(FiscalYear::be),
            text,
        };
        match &d.subject {
            Subject::Document(path) => {
                let Some(doc) = docs.get(path) else { continue };
                let key = if doc.section == "pages" {
                    PAGES.to_owned()
                } else {
                    section_key(&doc.section)
                };
                pending_docs.push((out.len(), doc));
                out.push(record(&key, String::new()));
            }
            Subject::ReferencePrice(slug) => {
                if let Some(rp) = prices.get(slug.as_str()) {
                    out.push(record(REFERENCE_PRICES, reference_price_text(rp, n)));
                }
            }
            Subject::Plan(fy) => {
                let Some(plan) = site.plans.get(fy) else {
                    continue;
                };
                let mut text = vec![n.apply(&format!("จำนวน {} รายการ", plan.data.items.len()))];
                text.extend(plan.data.summary.clone());
                if let Some((body, _)) = &plan.body {
                    text.push(plain_text(body));
                }
                out.push(record(PLANS, text.join(" ")));
            }
            Subject::Dataset(slug) => {
                if let Some(ds) = datasets.get(slug.as_str()) {
                    out.push(record(DATASETS, dataset_text(ds)));
                }
            }
            // A month of results: its rows are records of their own.
            Subject::ResultsMonth(..) => out.push(record(RESULTS, d.where_on_page.clone())),
            Subject::Measures(fy) => {
                let intro = site
                    .measures
                    .iter()
                    .find(|m| m.data.fiscal_year.0 == *fy)
                    .and_then(|m| m.data.intro.as_deref())
                    .map(plain_text)
                    .unwrap_or_default();
                out.push(record(MEASURES, intro));
            }
            Subject::Structure => {
                let Some(p) = &site.people else { continue };
                let text: Vec<String> = p
                    .data
                    .political
                    .iter()
                    .chain(&p.data.civil_service)
                    .map(|x| {
                        format!(
                            "{} {} {}",
                            x.name,
                            x.position,
                            x.unit.as_deref().unwrap_or_default()
                        )
                    })
                    .collect();
                out.push(record(PAGES, text.join(" ")));
            }
            Subject::Budget(fy) => {
                let Some(b) = site.budgets.get(fy) else {
                    continue;
                };
                let text: Vec<String> = b
                    .data
                    .appropriations
                    .iter()
                    .map(|a| n.apply(&format!("{} {} บาท", a.plan, a.amount.0.format())))
                    .collect();
                out.push(record(PAGES, text.join(" ")));
            }
            Subject::MeasuresReport(_)
            | Subject::Results(_)
            | Subject::Projects(_)
            | Subject::BudgetSpending(_) => {}
        }
    }

    for m in &site.measures {
        let fy = m.data.fiscal_year.0;
        for (i, measure) in m.data.measures.iter().enumerate() {
            let mut text: Vec<String> = measure.methods.clone();
            text.push(format!("ผู้รับผิดชอบ {}", measure.responsible));
            text.extend(measure.follow_up.clone());
            if let Some(r) = &measure.result {
                text.push(r.status.label_th().to_owned());
                text.extend(r.summary.as_deref().map(plain_text));
                text.extend(r.evidence.iter().map(|e| e.title.clone()));
            }
            out.push(Record {
                kind: kind(MEASURES),
                title: measure.title.clone(),
                url: encode_path(&routes::measure(fy, i + 1)),
                date: None,
                date_text: String::new(),
                fiscal_year: Some(fy.be()),
                text: text.join(" "),
            });
        }
    }

    for plan in site.plans.values() {
        let fy = plan.data.fiscal_year.0;
        let announced = plan.data.announced.map(|d| d.0);
        for (item, id) in plan.data.items.iter().zip(&plan.ids) {
            let mut text = vec![n.apply(&format!("รายการที่ {id}"))];
            text.extend(item.department.clone());
            text.push(n.apply(&format!("งบประมาณ {} บาท", item.budget.0.format())));
            text.push(item.method.label_th().to_owned());
            text.extend(item.budget_source.clone());
            if let Some(m) = item.expected {
                text.push(format!("คาดว่าจะประกาศ {}", format_month_long(m.0, n)));
            }
            if let Some(egp) = &item.egp_project {
                text.push(n.apply(&format!("เลขที่โครงการ e-GP {egp}")));
            }
            out.push(Record {
                kind: kind(PLANS),
                title: item.title.clone(),
                url: encode_path(&routes::plan_item(fy, id)),
                date: announced,
                date_text: date_text(announced),
                fiscal_year: Some(fy.be()),
                text: text.join(" "),
            });
        }
    }

    for results in site.results.values() {
        let month = results.data.month.0;
        let fy = month.fiscal_year();
        for (i, item) in results.data.items.iter().enumerate() {
            let date = item.contract.as_ref().map(|c| c.date.0);
            out.push(Record {
                kind: kind(RESULTS),
                title: item.title.clone(),
                url: encode_path(&routes::result_row(
                    month,
                    i,
                    site.results_split(month.fiscal_year()),
                )),
                date: Some(date.unwrap_or_else(|| month.last_day())),
                date_text: date_text(Some(date.unwrap_or_else(|| month.last_day()))),
                fiscal_year: Some(fy.be()),
                text: result_text(item, month, n),
            });
        }
    }
    (
        types,
        Pending {
            records: out,
            docs: pending_docs,
        },
    )
}

/// A site path with its fragment, percent-encoded where needed.
fn encode_path(path: &str) -> String {
    match path.split_once('#') {
        Some((p, frag)) => format!("{}#{frag}", encode(p)),
        None => encode(path),
    }
}

/// A section's type key; sections never take the name of another type.
fn section_key(name: &str) -> String {
    if [PAGES, MEASURES, PLANS, REFERENCE_PRICES, RESULTS, DATASETS].contains(&name) {
        format!("section-{name}")
    } else {
        name.to_owned()
    }
}

/// The text of Markdown without markup, tables included.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser};
    let mut out = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    crate::thai::squeeze_spaces(&out)
}

fn document_text(doc: &Document) -> String {
    let f = &doc.front;
    let mut text = Vec::new();
    if let Some(number) = &f.number {
        text.push(format!("เลขที่ {number}"));
    }
    text.extend(f.summary.clone());
    text.push(plain_text(doc.body()));
    if let Some(s) = &f.signed_by {
        text.push(s.name.clone());
        text.extend(s.position.clone());
    }
    text.extend(f.attachments.iter().filter_map(|a| a.title.clone()));
    text.join(" ")
}

fn money(m: Money, n: Numerals) -> String {
    n.apply(&format!("{} บาท", m.format()))
}

fn reference_price_text(rp: &ReferencePrice, n: Numerals) -> String {
    let d = &rp.data;
    let mut text = vec![
        d.project.clone(),
        format!("แบบ {} {}", n.apply(d.form.code()), d.form.purpose_th()),
    ];
    text.extend(d.owner.clone());
    text.push(format!("วงเงินงบประมาณ {}", money(d.budget.0, n)));
    text.push(format!(
        "ราคากลาง {} ({})",
        money(d.price.0, n),
        d.price.0.baht_text()
    ));
    text.extend(d.description.clone());
    text.extend(d.breakdown.iter().map(|b| b.item.clone()));
    text.extend(d.sources.iter().cloned());
    for c in &d.committee {
        text.push(c.name.clone());
        text.extend(c.position.clone());
    }
    text.extend(d.summary.clone());
    if let Some((body, _)) = &rp.body {
        text.push(plain_text(body));
    }
    text.join(" ")
}

fn result_text(item: &ResultItem, month: YearMonth, n: Numerals) -> String {
    let mut text = Vec::new();
    if let Some(w) = &item.winner {
        text.push(format!("ผู้ได้รับการคัดเลือก {} {}", w.name, money(w.price.0, n)));
    }
    if let Some(c) = &item.contract {
        text.push(format!(
            "สัญญาเลขที่ {} ลงวันที่ {}",
            n.apply(&c.number),
            format_date(c.date.0, n)
        ));
    }
    text.push(format!("ผลการจัดซื้อจัดจ้างเดือน{}", format_month_long(month, n)));
    text.push(item.method.label_th().to_owned());
    text.push(format!("วงเงิน {}", money(item.budget.0, n)));
    if let Some(p) = item.reference_price {
        text.push(format!("ราคากลาง {}", money(p.0, n)));
    }
    if !item.bids.is_empty() {
        let bids: Vec<String> = item
            .bids
            .iter()
            .map(|b| format!("{} {}", b.bidder, money(b.price.0, n)))
            .collect();
        text.push(format!("ผู้เสนอราคา {}", bids.join(" ")));
    }
    text.extend(item.reason.clone());
    text.join(" ")
}

fn dataset_text(ds: &crate::site::Dataset) -> String {
    let m = &ds.meta;
    let mut text = Vec::new();
    text.extend(m.description.clone());
    text.extend(m.objective.clone());
    text.extend(m.keywords.iter().cloned());
    text.extend(m.source.clone());
    text.extend(m.columns.iter().filter_map(|c| c.title.clone()));
    text.join(" ")
}
