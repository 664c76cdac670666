//! `/budget/FY/`: the budget ordinance by programme and what has been spent of it, quarter by
//! quarter, with its data (`budget.csv`, `budget.json`, `datapackage.json`).

use serde::Serialize;

use crate::ctx;
use crate::diagnostic::Diagnostics;
use crate::output::Outputs;
use crate::output::page::{AttachmentView, PageMeta, attachment_views, year_links};
use crate::output::table::{Col, Dataset, Table};
use crate::render::{Renderer, Urls};
use crate::site::budget::Budget;
use crate::site::dataset::{ColumnType, Frequency};
use crate::site::{Site, routes};
use crate::thai::calendar::FiscalYear;
use crate::thai::money::Money;

#[derive(Serialize)]
struct Row {
    plan: String,
    department: Option<String>,
    /// Satang.
    amount: i64,
    /// Spent in quarters 1–4, satang; `None` for a quarter not yet reported.
    quarters: Vec<Option<i64>>,
    spent: i64,
    /// Percent of the appropriation spent, one decimal.
    percent: String,
}

#[derive(Serialize)]
struct BudgetView {
    title: String,
    fiscal_year: i32,
    announced: Option<String>,
    rows: Vec<Row>,
    total: i64,
    spent: i64,
    percent: String,
    quarters_reported: u8,
    attachments: Vec<AttachmentView>,
    csv_url: String,
    json_url: String,
}

fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "-".into();
    }
    #[allow(clippy::cast_precision_loss)]
    let p = part as f64 * 100.0 / whole as f64;
    format!("{p:.1}")
}

impl BudgetView {
    fn new(site: &Site, b: &Budget, urls: &Urls) -> Self {
        let reported = b.reported_quarters();
        let rows: Vec<Row> = b
            .data
            .appropriations
            .iter()
            .map(|a| {
                let quarters: Vec<Option<i64>> = (1..=4u8)
                    .map(|q| (q <= reported).then(|| b.spent(&a.plan, q)))
                    .collect();
                let spent = quarters
                    .iter()
                    .flatten()
                    .fold(0i64, |x, y| x.saturating_add(*y));
                Row {
                    plan: a.plan.clone(),
                    department: a.department.clone(),
                    amount: a.amount.0.satang(),
                    quarters,
                    spent,
                    percent: percent(spent, a.amount.0.satang()),
                }
            })
            .collect();
        let total = rows.iter().fold(0i64, |x, r| x.saturating_add(r.amount));
        let spent = rows.iter().fold(0i64, |x, r| x.saturating_add(r.spent));
        let dir = routes::budget(b.fiscal_year());
        Self {
            title: b.title(),
            fiscal_year: b.fiscal_year().be(),
            announced: b.data.announced.map(|d| d.0.to_string()),
            rows,
            total,
            spent,
            percent: percent(spent, total),
            quarters_reported: reported,
            attachments: attachment_views(site, &b.data.attachments, urls),
            csv_url: urls.path(&format!("{dir}budget.csv")),
            json_url: urls.path(&format!("{dir}budget.json")),
        }
    }
}

pub fn render(site: &Site, r: &Renderer, out: &mut Outputs, diags: &mut Diagnostics) {
    let urls = &r.urls;
    let years = || site.budgets.keys().map(|fy| fy.be());
    for b in site.budgets.values() {
        let view = BudgetView::new(site, b, urls);
        let rel = routes::budget(b.fiscal_year());
        let links = year_links(years(), view.fiscal_year, |y| {
            urls.path(&routes::budget(FiscalYear(y)))
        });
        match r.render(
            "budget.html",
            ctx! { page => PageMeta::new(&view.title, &rel, urls), budget => view, year_links => links },
        ) {
            Ok(html) => out.add_page(&rel, html),
            Err(d) => diags.push(d),
        }
    }
}

/// Each year's budget as a dataset: one row a programme, the appropriation and the spending of
/// each quarter reported.
pub fn publish(site: &Site, urls: &Urls, out: &mut Outputs) -> Vec<Dataset> {
    let org = &site.config.name;
    site.budgets
        .values()
        .map(|b| {
            let fy = b.fiscal_year();
            let dir = routes::budget(fy);
            let table = table(b);
            let json = serde_json::json!({
                "organization": org,
                "fiscal_year": fy.be(),
                "title": b.title(),
                "announced": b.data.announced.map(|d| d.0.to_string()),
                "url": urls.abs(&dir),
                "license": site.config.license,
                "programmes": table.json_rows(),
            });
            out.add_text(format!("{dir}budget.json"), crate::output::pretty_json(&json));
            let ds = Dataset {
                id: format!("budget-{}", fy.be()),
                dir,
                title: format!("{} {org}", b.title()),
                description: format!(
                    "งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {} ของ{org} จำแนกตามแผนงาน พร้อมผลการใช้จ่ายรายไตรมาส",
                    fy.be()
                ),
                keywords: vec!["งบประมาณ".into(), "budget".into(), org.clone()],
                frequency: Frequency::Quarterly,
                license: site.config.license.clone(),
                dataset_type: "ข้อมูลสถิติ".into(),
                source: "กองคลัง".into(),
                objective: "เปิดเผยงบประมาณรายจ่ายประจำปีและผลการใช้จ่ายตามมาตรา ๙ (๓) และ (๘) แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐".into(),
                issued: b.data.announced.map(|d| d.0),
                modified: b.data.announced.map(|d| d.0),
                fiscal_year: Some(fy.be()),
                period: None,
                theme: "GOVE",
                category: crate::site::dataset::DataCategory::Public,
                contact: None,
                tables: vec![table],
                extra_files: vec![("budget.json".into(), "application/json")],
            };
            ds.publish(urls, out);
            ds
        })
        .collect()
}

fn table(b: &Budget) -> Table {
    use ColumnType::{Number, String as S};
    let reported = b.reported_quarters();
    let baht = |satang: i64| Money(satang).decimal();
    let rows = b
        .data
        .appropriations
        .iter()
        .map(|a| {
            let mut row = vec![
                b.fiscal_year().be().to_string(),
                a.plan.clone(),
                a.department.clone().unwrap_or_default(),
                a.amount.0.decimal(),
            ];
            row.extend((1..=4u8).map(|q| {
                if q <= reported {
                    baht(b.spent(&a.plan, q))
                } else {
                    String::new()
                }
            }));
            row
        })
        .collect();
    Table {
        name: "budget".into(),
        file: "budget.csv".into(),
        title: b.title(),
        columns: vec![
            Col::new("fiscal_year", "ปีงบประมาณ", ColumnType::Integer),
            Col::new("plan", "แผนงาน", S),
            Col::new("department", "หน่วยงาน", S),
            Col::new("appropriation", "งบประมาณรายจ่าย (บาท)", Number),
            Col::new("spent_q1", "ใช้จ่ายไตรมาส 1 (ต.ค.–ธ.ค.) (บาท)", Number),
            Col::new("spent_q2", "ใช้จ่ายไตรมาส 2 (ม.ค.–มี.ค.) (บาท)", Number),
            Col::new("spent_q3", "ใช้จ่ายไตรมาส 3 (เม.ย.–มิ.ย.) (บาท)", Number),
            Col::new("spent_q4", "ใช้จ่ายไตรมาส 4 (ก.ค.–ก.ย.) (บาท)", Number),
        ],
        rows,
    }
}
