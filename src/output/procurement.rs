//! Procurement pages and their open data: the plan (`/procurement/plans/FY/`), reference-price
//! disclosures laid out as their บก. forms, monthly results as แบบ สขร.1, and the combined list
//! of projects (ITA 2568 item o12).

use std::collections::HashMap;

use serde::Serialize;

use crate::ctx;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::Outputs;
use crate::output::charts::{self, BLUE, Chart, Fill, ORANGE, Row, Series, baht_short};
use crate::output::pages::{AttachmentView, PageMeta, attachment_views, year_links};
use crate::output::table::{Col, Dataset, Table};
use crate::render::markdown;
use crate::render::{Link, Renderer, Urls};
use crate::site::dataset::{ColumnType, Frequency};
use crate::site::document::Signatory;
use crate::site::procurement::{Form, Method, Plan, ReferencePrice, Results};
use crate::site::projects::{Project, fiscal_years, projects};
use crate::site::{Site, routes};
use crate::thai::calendar::{FiscalYear, YearMonth, format_month_long};
use crate::thai::money::Money;
use crate::thai::numerals::Numerals;

/// A month as link titles show it: `กุมภาพันธ์ 2566` (BE; templates turn the digits Thai).
fn month_title(month: YearMonth) -> String {
    format_month_long(month, Numerals::Arabic)
}

pub fn render(site: &Site, r: &Renderer, out: &mut Outputs, diags: &mut Diagnostics) {
    let years = fiscal_years(site);
    if years.is_empty() {
        return;
    }
    let urls = &r.urls;
    let mut pages: Vec<(String, Result<String, Diagnostic>)> = Vec::new();

    let overview: Vec<YearOverview> = years
        .iter()
        .rev()
        .map(|&fy| YearOverview {
            fiscal_year: fy.be(),
            plan: site.plans.get(&fy).map(|_| urls.path(&routes::plan(fy))),
            results: urls.path(&routes::results(fy)),
            projects: urls.path(&routes::projects(fy)),
            reference_prices: site
                .reference_prices
                .iter()
                .filter(|x| x.fiscal_year() == fy)
                .count(),
            months_published: site
                .results
                .keys()
                .filter(|m| m.fiscal_year() == fy)
                .count(),
        })
        .collect();
    pages.push((
        routes::procurement().into(),
        r.render(
            "procurement.html",
            ctx! {
                page => PageMeta::new("การจัดซื้อจัดจ้าง", routes::procurement(), urls),
                years => overview,
                reference_prices_url => urls.path(routes::reference_prices()),
            },
        ),
    ));

    for plan in site.plans.values() {
        let view = PlanView::new(site, plan, urls);
        let rel = format!("procurement/plans/{}/", view.fiscal_year);
        let years = year_links(site.plans.keys().map(|fy| fy.be()), view.fiscal_year, |y| {
            urls.path(&routes::plan(FiscalYear(y)))
        });
        pages.push((
            rel.clone(),
            r.render(
                "plan.html",
                ctx! {
                    page => PageMeta::new(&view.title, &rel, urls),
                    plan => view,
                    year_links => years,
                },
            ),
        ));
    }

    if !site.reference_prices.is_empty() {
        let mut list: Vec<&ReferencePrice> = site.reference_prices.iter().collect();
        list.sort_by(|a, b| {
            b.data
                .priced_on
                .cmp(&a.data.priced_on)
                .then(a.slug.cmp(&b.slug))
        });
        let rows: Vec<ReferencePriceRow> = list
            .iter()
            .map(|rp| ReferencePriceRow {
                title: rp.data.project.clone(),
                url: urls.path(&routes::reference_price(&rp.slug)),
                form: rp.data.form.code(),
                priced_on: rp.data.priced_on.0.to_string(),
                fiscal_year: rp.fiscal_year().be(),
                budget: rp.data.budget.0.satang(),
                price: rp.data.price.0.satang(),
                owner: rp.data.owner.clone(),
            })
            .collect();
        pages.push((
            routes::reference_prices().into(),
            r.render(
                "reference_prices.html",
                ctx! {
                    page => PageMeta::new("ประกาศราคากลาง", routes::reference_prices(), urls),
                    prices => rows,
                    csv_url => urls.path(&format!("{}reference-prices.csv", routes::reference_prices())),
                    json_url => urls.path(&format!("{}reference-prices.json", routes::reference_prices())),
                },
            ),
        ));
        let mut lists: HashMap<FiscalYear, Vec<Project>> = HashMap::new();
        for rp in &site.reference_prices {
            let fy = rp.fiscal_year();
            let list = lists.entry(fy).or_insert_with(|| projects(site, fy));
            let view = FormView::new(site, rp, list, urls);
            let rel = routes::reference_price(&rp.slug);
            pages.push((
                rel.clone(),
                r.render(
                    "reference_price.html",
                    ctx! { page => PageMeta::new(&view.title, &rel, urls), form => view },
                ),
            ));
        }
    }

    let all_years = || years.iter().map(|fy| fy.be());
    for &fy in &years {
        let view = ResultsView::new(site, fy, urls);
        let rel = routes::results(fy);
        pages.push((
            rel.clone(),
            r.render(
                "results.html",
                ctx! {
                    page => PageMeta::new(&view.title, &rel, urls),
                    results => view,
                    year_links => year_links(all_years(), fy.be(), |y| {
                        urls.path(&routes::results(FiscalYear(y)))
                    }),
                },
            ),
        ));
        let list = projects(site, fy);
        let rows: Vec<ProjectRow> = list
            .iter()
            .enumerate()
            .map(|(i, p)| ProjectRow::new(i + 1, p, urls))
            .collect();
        let rel = routes::projects(fy);
        let title = site.config.numerals.apply(&format!(
            "รายการการจัดซื้อจัดจ้างและความก้าวหน้า ประจำปีงบประมาณ พ.ศ. {}",
            fy.be()
        ));
        pages.push((
            rel.clone(),
            r.render(
                "projects.html",
                ctx! {
                    page => PageMeta::new(&title, &rel, urls),
                    fiscal_year => fy.be(),
                    projects => rows,
                    year_links => year_links(all_years(), fy.be(), |y| {
                        urls.path(&routes::projects(FiscalYear(y)))
                    }),
                    csv_url => urls.path(&format!("{rel}projects.csv")),
                    json_url => urls.path(&format!("{rel}projects.json")),
                },
            ),
        ));
    }

    for (rel, html) in pages {
        match html {
            Ok(html) => out.add_page(&rel, html),
            Err(d) => diags.push(d),
        }
    }
}

#[derive(Serialize)]
struct YearOverview {
    fiscal_year: i32,
    plan: Option<String>,
    results: String,
    projects: String,
    reference_prices: usize,
    months_published: usize,
}

#[derive(Serialize)]
pub struct PlanView {
    fiscal_year: i32,
    title: String,
    announced: Option<String>,
    number: Option<String>,
    signed_by: Option<Signatory>,
    body_html: Option<String>,
    items: Vec<PlanRow>,
    by_method: Vec<Total>,
    by_department: Vec<Total>,
    total: Total,
    /// Per division: the plan's budget and what was agreed for its items so far.
    divisions: Vec<DivisionTotal>,
    division_chart: String,
    csv_url: String,
    json_url: String,
    attachments: Vec<AttachmentView>,
}

#[derive(Serialize)]
pub struct DivisionTotal {
    label: String,
    count: usize,
    budget: i64,
    /// Items with a selected supplier, and the sum of their agreed prices.
    awarded_count: usize,
    awarded: i64,
}

#[derive(Serialize)]
pub struct PlanRow {
    no: usize,
    id: String,
    anchor: String,
    title: String,
    department: Option<String>,
    budget: i64,
    budget_source: Option<String>,
    method: &'static str,
    method_key: &'static str,
    expected: Option<String>,
    egp_project: Option<String>,
    reference_prices: Vec<Link>,
    results: Vec<Link>,
}

#[derive(Serialize)]
pub struct Total {
    label: String,
    count: usize,
    budget: i64,
}

fn totals<'a>(items: impl Iterator<Item = (String, Money)> + 'a) -> Vec<Total> {
    let mut totals: Vec<Total> = Vec::new();
    for (label, budget) in items {
        match totals.iter_mut().find(|t| t.label == label) {
            Some(t) => {
                t.count += 1;
                t.budget = t.budget.saturating_add(budget.satang());
            }
            None => totals.push(Total {
                label,
                count: 1,
                budget: budget.satang(),
            }),
        }
    }
    totals
}

impl PlanView {
    pub fn new(site: &Site, plan: &Plan, urls: &Urls) -> Self {
        let fy = plan.data.fiscal_year.0;
        let list = projects(site, fy);
        let items: Vec<PlanRow> = plan
            .data
            .items
            .iter()
            .zip(&plan.ids)
            .enumerate()
            .map(|(i, (item, id))| {
                // `projects` lists the plan's items first, in plan order.
                let project = list.get(i).filter(|p| p.plan.is_some_and(|(_, j)| j == i));
                PlanRow {
                    no: i + 1,
                    id: id.clone(),
                    anchor: routes::plan_item_anchor(id),
                    title: item.title.clone(),
                    department: item.department.clone(),
                    budget: item.budget.0.satang(),
                    budget_source: item.budget_source.clone(),
                    method: item.method.label_th(),
                    method_key: item.method.key(),
                    expected: item.expected.map(|m| m.0.iso()),
                    egp_project: item.egp_project.clone(),
                    reference_prices: project
                        .map(|p| {
                            p.reference_prices
                                .iter()
                                .map(|rp| Link {
                                    title: format!("ราคากลาง {}", rp.data.form.code()),
                                    url: urls.path(&routes::reference_price(&rp.slug)),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    results: project
                        .map(|p| {
                            p.results
                                .iter()
                                .map(|(r, j)| Link {
                                    title: format!("ผล สขร.1 {}", month_title(r.data.month.0)),
                                    url: urls.route(&routes::result_row(r.data.month.0, *j)),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect();
        let by_method = totals(Method::ALL.iter().flat_map(|m| {
            plan.data
                .items
                .iter()
                .filter(move |i| i.method == *m)
                .map(move |i| (m.label_th().to_owned(), i.budget.0))
        }));
        let by_department = totals(plan.data.items.iter().map(|i| {
            (
                i.department.clone().unwrap_or_else(|| "ไม่ระบุ".to_owned()),
                i.budget.0,
            )
        }));
        let total = Total {
            label: "รวม".into(),
            count: plan.data.items.len(),
            budget: sum_satang(plan.data.items.iter().map(|i| i.budget.0.satang())),
        };
        let divisions: Vec<DivisionTotal> = by_department
            .iter()
            .map(|t| {
                let agreed: Vec<i64> = list
                    .iter()
                    .filter(|p| {
                        p.plan_item()
                            .is_some_and(|i| i.department.as_deref().unwrap_or("ไม่ระบุ") == t.label)
                    })
                    .filter_map(|p| p.result()?.winner.as_ref().map(|w| w.price.0.satang()))
                    .collect();
                DivisionTotal {
                    label: t.label.clone(),
                    count: t.count,
                    budget: t.budget,
                    awarded_count: agreed.len(),
                    awarded: sum_satang(agreed.iter().copied()),
                }
            })
            .collect();
        let division_chart = division_chart(fy, &divisions, site.config.numerals);
        let dir = routes::plan(fy);
        Self {
            fiscal_year: fy.be(),
            title: plan.data.title.clone().unwrap_or_else(|| {
                site.config
                    .numerals
                    .apply(&format!("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {}", fy.be()))
            }),
            announced: plan.data.announced.map(|d| d.0.to_string()),
            number: plan.data.number.clone(),
            signed_by: plan.data.signed_by.clone(),
            body_html: plan
                .body
                .as_ref()
                .map(|(b, _)| markdown::to_html(b, urls).0),
            items,
            by_method,
            by_department,
            total,
            divisions,
            division_chart,
            csv_url: urls.path(&format!("{dir}plan.csv")),
            json_url: urls.path(&format!("{dir}plan.json")),
            attachments: attachment_views(site, &plan.data.attachments, urls),
        }
    }
}

fn division_chart(fy: FiscalYear, divisions: &[DivisionTotal], n: Numerals) -> String {
    let words: Vec<String> = divisions
        .iter()
        .map(|d| {
            format!(
                "{} ตามแผน {} ตกลงซื้อหรือจ้างแล้ว {} ({} จาก {} รายการ)",
                d.label,
                baht_short(Money(d.budget), n),
                baht_short(Money(d.awarded), n),
                d.awarded_count,
                d.count
            )
        })
        .collect();
    Chart {
        id: "chart-divisions".into(),
        title: n.apply(&format!(
            "วงเงินตามแผนเทียบกับราคาที่ตกลงซื้อหรือจ้าง แยกตามหน่วยงาน ปีงบประมาณ พ.ศ. {}",
            fy.be()
        )),
        desc: n.apply(&format!("แผนภูมิแท่งคู่: {}", words.join("; "))),
        series: vec![
            Series {
                name: "วงเงินตามแผน".into(),
                fill: Fill::Solid(BLUE),
            },
            Series {
                name: "ราคาที่ตกลงซื้อหรือจ้างแล้ว".into(),
                fill: Fill::Hatch(ORANGE),
            },
        ],
        rows: divisions
            .iter()
            .map(|d| Row {
                label: d.label.clone(),
                values: vec![Some(d.budget), Some(d.awarded)],
                texts: vec![
                    baht_short(Money(d.budget), n),
                    if d.awarded_count == 0 {
                        "ยังไม่มี".to_owned()
                    } else {
                        baht_short(Money(d.awarded), n)
                    },
                ],
                ..Row::default()
            })
            .collect(),
    }
    .svg()
}

#[derive(Serialize)]
pub struct MonthTotal {
    month: String,
    /// As [`MonthView::state`].
    state: &'static str,
    count: usize,
    awarded_count: usize,
    awarded: i64,
}

#[derive(Serialize)]
pub struct MethodTotal {
    /// Short, for the chart: `e-bidding`, `วิธีเฉพาะเจาะจง`.
    short: &'static str,
    label: &'static str,
    count: usize,
    awarded: i64,
}

fn month_chart(fy: FiscalYear, months: &[MonthTotal], n: Numerals) -> String {
    let mut words = Vec::new();
    let rows = months
        .iter()
        .map(|m| {
            let ym = YearMonth::parse(&m.month).ok();
            let label = ym.map_or_else(String::new, |ym| {
                crate::thai::calendar::format_month_short(ym, n)
            });
            let long = ym.map_or_else(String::new, |ym| format_month_long(ym, n));
            let (values, texts, note) = match m.state {
                "missing" => {
                    words.push(format!("{long} ยังไม่เผยแพร่"));
                    (vec![None], vec![], Some("ยังไม่เผยแพร่".to_owned()))
                }
                "empty" => {
                    words.push(format!("{long} ไม่มีการจัดซื้อจัดจ้าง"));
                    (vec![None], vec![], Some("ไม่มีการจัดซื้อจัดจ้าง".to_owned()))
                }
                _ => {
                    let amount = baht_short(Money(m.awarded), n);
                    words.push(n.apply(&format!("{long} {} รายการ {amount}", m.count)));
                    (vec![Some(m.awarded)], vec![amount], None)
                }
            };
            Row {
                label: if m.state == "published" {
                    n.apply(&format!("{label} ({} รายการ)", m.count))
                } else {
                    label
                },
                values,
                texts,
                note,
                fill: None,
            }
        })
        .collect();
    Chart {
        id: "chart-months".into(),
        title: n.apply(&format!(
            "ราคาที่ตกลงซื้อหรือจ้าง รายเดือน ปีงบประมาณ พ.ศ. {}",
            fy.be()
        )),
        desc: format!("แผนภูมิแท่ง ตุลาคมถึงกันยายน: {}", words.join(", ")),
        series: vec![Series {
            name: "ราคาที่ตกลงซื้อหรือจ้าง".into(),
            fill: Fill::Solid(BLUE),
        }],
        rows,
    }
    .svg()
}

fn method_chart(fy: FiscalYear, methods: &[MethodTotal], n: Numerals) -> String {
    let words: Vec<String> = methods
        .iter()
        .map(|m| {
            format!(
                "{} {} รายการ {}",
                m.label,
                m.count,
                baht_short(Money(m.awarded), n)
            )
        })
        .collect();
    Chart {
        id: "chart-methods".into(),
        title: n.apply(&format!(
            "ราคาที่ตกลงซื้อหรือจ้าง แยกตามวิธีจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. {}",
            fy.be()
        )),
        desc: n.apply(&format!("แผนภูมิแท่ง: {}", words.join(", "))),
        series: vec![Series {
            name: "ราคาที่ตกลงซื้อหรือจ้าง".into(),
            fill: Fill::Solid(charts::GREEN),
        }],
        rows: methods
            .iter()
            .map(|m| Row {
                label: n.apply(&format!("{} ({} รายการ)", m.short, m.count)),
                values: vec![Some(m.awarded)],
                texts: vec![baht_short(Money(m.awarded), n)],
                ..Row::default()
            })
            .collect(),
    }
    .svg()
}

#[derive(Serialize)]
struct ReferencePriceRow {
    title: String,
    url: String,
    form: &'static str,
    priced_on: String,
    fiscal_year: i32,
    budget: i64,
    price: i64,
    owner: Option<String>,
}

/// A reference-price disclosure in the order of its form.
#[derive(Serialize)]
pub struct FormView {
    title: String,
    form: &'static str,
    form_key: &'static str,
    purpose: &'static str,
    project: String,
    owner: Option<String>,
    organization: String,
    plan_link: Option<Link>,
    result_links: Vec<Link>,
    /// The numbered rows of the form.
    rows: Vec<FormRow>,
    number: Option<String>,
    signed_by: Option<Signatory>,
    body_html: Option<String>,
    attachments: Vec<AttachmentView>,
    fiscal_year: i32,
}

#[derive(Serialize, Default)]
pub struct FormRow {
    no: usize,
    label: String,
    /// `text`, `money`, `price`, `list`, `breakdown`, `people`
    kind: &'static str,
    text: Option<String>,
    amount: Option<i64>,
    date: Option<String>,
    list: Vec<String>,
    breakdown: Vec<(String, i64)>,
    breakdown_total: Option<i64>,
    people: Vec<Signatory>,
}

impl FormView {
    /// The form of `rp`; `list` holds the projects of its fiscal year ([`projects`]).
    pub fn new(site: &Site, rp: &ReferencePrice, list: &[Project], urls: &Urls) -> Self {
        let d = &rp.data;
        let fy = rp.fiscal_year();
        let mut rows: Vec<FormRow> = Vec::new();
        let mut push = |row: FormRow| {
            let no = rows.len() + 1;
            rows.push(FormRow { no, ..row });
        };
        let project_text = match &d.owner {
            Some(o) => format!(
                "{} หน่วยงานเจ้าของโครงการ {} {}",
                d.project, o, site.config.name
            ),
            None => format!("{} หน่วยงานเจ้าของโครงการ {}", d.project, site.config.name),
        };
        push(FormRow {
            label: "ชื่อโครงการ".into(),
            kind: "text",
            text: Some(project_text),
            ..FormRow::default()
        });
        push(FormRow {
            label: "วงเงินงบประมาณที่ได้รับจัดสรร".into(),
            kind: "money",
            amount: Some(d.budget.0.satang()),
            ..FormRow::default()
        });
        if d.form == Form::Bk01 || d.description.is_some() {
            push(FormRow {
                label: "ลักษณะงานโดยสังเขป".into(),
                kind: "text",
                text: Some(d.description.clone().unwrap_or_else(|| "-".into())),
                ..FormRow::default()
            });
        }
        push(FormRow {
            label: "ราคากลางคำนวณ ณ วันที่".into(),
            kind: "price",
            amount: Some(d.price.0.satang()),
            date: Some(d.priced_on.0.to_string()),
            ..FormRow::default()
        });
        if !d.breakdown.is_empty() || d.form == Form::Bk01 {
            push(FormRow {
                label: "บัญชีประมาณการราคากลาง".into(),
                kind: "breakdown",
                breakdown: d
                    .breakdown
                    .iter()
                    .map(|b| (b.item.clone(), b.amount.0.satang()))
                    .collect(),
                breakdown_total: Some(sum_satang(d.breakdown.iter().map(|b| b.amount.0.satang()))),
                ..FormRow::default()
            });
        }
        if !d.sources.is_empty() || d.form != Form::Bk01 {
            push(FormRow {
                label: "แหล่งที่มาของราคากลาง (ราคาอ้างอิง)".into(),
                kind: "list",
                list: d.sources.clone(),
                ..FormRow::default()
            });
        }
        push(FormRow {
            label: if d.form == Form::Bk06 {
                "รายชื่อเจ้าหน้าที่ผู้กำหนดราคากลาง (ราคาอ้างอิง) ทุกคน".into()
            } else {
                "รายชื่อคณะกรรมการกำหนดราคากลาง".into()
            },
            kind: "people",
            people: d.committee.clone(),
            ..FormRow::default()
        });
        let project = list
            .iter()
            .find(|p| p.reference_prices.iter().any(|x| x.slug == rp.slug));
        let plan_link = project.as_ref().and_then(|p| {
            p.plan.map(|_| Link {
                title: format!("แผนการจัดซื้อจัดจ้าง ปี {} รายการ {}", fy.be(), p.local_id),
                url: urls.route(&routes::plan_item(fy, &p.local_id)),
            })
        });
        let result_links = project
            .map(|p| {
                p.results
                    .iter()
                    .map(|(r, j)| Link {
                        title: format!("ผลการจัดซื้อจัดจ้าง (สขร.1) {}", month_title(r.data.month.0)),
                        url: urls.route(&routes::result_row(r.data.month.0, *j)),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            title: d
                .title
                .clone()
                .unwrap_or_else(|| format!("ประกาศราคากลาง {}", d.project)),
            form: d.form.code(),
            form_key: d.form.key(),
            purpose: d.form.purpose_th(),
            project: d.project.clone(),
            owner: d.owner.clone(),
            organization: site.config.name.clone(),
            plan_link,
            result_links,
            rows,
            number: d.number.clone(),
            signed_by: d.signed_by.clone(),
            body_html: rp.body.as_ref().map(|(b, _)| markdown::to_html(b, urls).0),
            attachments: attachment_views(site, &d.attachments, urls),
            fiscal_year: fy.be(),
        }
    }
}

#[derive(Serialize)]
pub struct ResultsView {
    fiscal_year: i32,
    title: String,
    organization: String,
    months: Vec<MonthView>,
    csv_url: String,
    json_url: String,
    /// The year at a glance: per month and per method, the charts of them, and the sums.
    month_totals: Vec<MonthTotal>,
    method_totals: Vec<MethodTotal>,
    month_chart: String,
    method_chart: String,
    count: usize,
    awarded: i64,
}

#[derive(Serialize)]
pub struct MonthView {
    month: String,
    anchor: String,
    /// `published`, `empty` (nothing bought) or `missing` (not yet published)
    state: &'static str,
    items: Vec<ResultRow>,
    attachments: Vec<AttachmentView>,
}

#[derive(Serialize)]
pub struct ResultRow {
    no: usize,
    anchor: String,
    title: String,
    budget: i64,
    reference_price: Option<i64>,
    method: &'static str,
    bids: Vec<(String, i64)>,
    winner: Option<(String, i64)>,
    /// In place of the winner: that the procurement is pending or was cancelled.
    status: Option<&'static str>,
    reason: Option<String>,
    contract_number: Option<String>,
    contract_date: Option<String>,
    plan_link: Option<Link>,
    reference_price_link: Option<Link>,
}

/// The months a results page shows: all twelve of a past year, up to today's month in the
/// current year; in a future year, the months that have a file.
pub fn shown_months(site: &Site, fy: FiscalYear) -> Vec<YearMonth> {
    let current = FiscalYear::of(site.today);
    fy.months()
        .into_iter()
        .filter(|m| {
            fy < current
                || (fy == current && m.first_day() <= site.today)
                || site.results.contains_key(m)
        })
        .collect()
}

impl ResultsView {
    pub fn new(site: &Site, fy: FiscalYear, urls: &Urls) -> Self {
        let list = projects(site, fy);
        // The project of each result row, by month and row.
        let by_row: HashMap<(YearMonth, usize), &Project> = list
            .iter()
            .flat_map(|p| {
                p.results
                    .iter()
                    .map(move |(r, j)| ((r.data.month.0, *j), p))
            })
            .collect();
        let months = shown_months(site, fy)
            .into_iter()
            .map(|m| {
                let Some(results) = site.results.get(&m) else {
                    return MonthView {
                        month: m.iso(),
                        anchor: format!("m-{}", m.iso()),
                        state: "missing",
                        items: Vec::new(),
                        attachments: Vec::new(),
                    };
                };
                let items: Vec<ResultRow> = results
                    .data
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let project = by_row.get(&(m, i)).copied();
                        ResultRow {
                            no: i + 1,
                            anchor: routes::result_row_anchor(m, i),
                            title: item.title.clone(),
                            budget: item.budget.0.satang(),
                            reference_price: item.reference_price.map(|a| a.0.satang()),
                            method: item.method.label_th(),
                            bids: item
                                .bids
                                .iter()
                                .map(|b| (b.bidder.clone(), b.price.0.satang()))
                                .collect(),
                            winner: item
                                .winner
                                .as_ref()
                                .map(|w| (w.name.clone(), w.price.0.satang())),
                            status: (item.status != crate::site::procurement::RowStatus::Done)
                                .then(|| item.status.label_th()),
                            reason: item.reason.clone(),
                            contract_number: item.contract.as_ref().map(|c| c.number.clone()),
                            contract_date: item.contract.as_ref().map(|c| c.date.0.to_string()),
                            plan_link: project.and_then(|p| {
                                p.plan.map(|_| Link {
                                    title: format!("แผนฯ รายการ {}", p.local_id),
                                    url: urls.route(&routes::plan_item(fy, &p.local_id)),
                                })
                            }),
                            reference_price_link: project.and_then(|p| {
                                p.reference_price().map(|rp| Link {
                                    title: format!("ประกาศราคากลาง {}", rp.data.form.code()),
                                    url: urls.path(&routes::reference_price(&rp.slug)),
                                })
                            }),
                        }
                    })
                    .collect();
                MonthView {
                    month: m.iso(),
                    anchor: format!("m-{}", m.iso()),
                    state: if items.is_empty() {
                        "empty"
                    } else {
                        "published"
                    },
                    items,
                    attachments: attachment_views(site, &results.data.attachments, urls),
                }
            })
            .collect::<Vec<MonthView>>();
        let items: Vec<&crate::site::procurement::ResultItem> =
            results_of(site, fy).flat_map(|r| &r.data.items).collect();
        let winner = |i: &crate::site::procurement::ResultItem| {
            i.winner.as_ref().map(|w| w.price.0.satang())
        };
        let month_totals: Vec<MonthTotal> = months
            .iter()
            .map(|m| {
                let list = YearMonth::parse(&m.month)
                    .ok()
                    .and_then(|ym| site.results.get(&ym))
                    .map(|r| r.data.items.iter().collect::<Vec<_>>())
                    .unwrap_or_default();
                MonthTotal {
                    month: m.month.clone(),
                    state: m.state,
                    count: list.len(),
                    awarded_count: list.iter().filter_map(|i| winner(i)).count(),
                    awarded: sum_satang(list.iter().filter_map(|i| winner(i))),
                }
            })
            .collect();
        let method_totals: Vec<MethodTotal> = Method::ALL
            .iter()
            .filter_map(|m| {
                let of: Vec<_> = items.iter().filter(|i| i.method == *m).collect();
                (!of.is_empty()).then(|| MethodTotal {
                    short: match m {
                        Method::EBidding | Method::EMarket => m.key(),
                        _ => m.label_th(),
                    },
                    label: m.label_th(),
                    count: of.len(),
                    awarded: sum_satang(of.iter().filter_map(|i| winner(i))),
                })
            })
            .collect();
        let n = site.config.numerals;
        let dir = routes::results(fy);
        Self {
            month_chart: month_chart(fy, &month_totals, n),
            method_chart: method_chart(fy, &method_totals, n),
            count: items.len(),
            awarded: sum_satang(items.iter().filter_map(|i| winner(i))),
            month_totals,
            method_totals,
            fiscal_year: fy.be(),
            title: site.config.numerals.apply(&format!(
                "สรุปผลการดำเนินการจัดซื้อจัดจ้าง (แบบ สขร.1) ประจำปีงบประมาณ พ.ศ. {}",
                fy.be()
            )),
            organization: site.config.name.clone(),
            months,
            csv_url: urls.path(&format!("{dir}results.csv")),
            json_url: urls.path(&format!("{dir}results.json")),
        }
    }
}

#[derive(Serialize)]
struct ProjectRow {
    no: usize,
    id: String,
    title: String,
    budget: Option<i64>,
    budget_source: Option<String>,
    stage: &'static str,
    stage_key: &'static str,
    method: Option<&'static str>,
    reference_price: Option<i64>,
    agreed_price: Option<i64>,
    supplier: Option<String>,
    egp_project: Option<String>,
    links: Vec<Link>,
}

impl ProjectRow {
    fn new(no: usize, p: &Project, urls: &Urls) -> Self {
        let fy = p.fiscal_year;
        let mut links = Vec::new();
        if p.plan.is_some() {
            links.push(Link {
                title: "แผน".into(),
                url: urls.route(&routes::plan_item(fy, &p.local_id)),
            });
        }
        for rp in &p.reference_prices {
            links.push(Link {
                title: "ราคากลาง".into(),
                url: urls.path(&routes::reference_price(&rp.slug)),
            });
        }
        for (r, j) in &p.results {
            links.push(Link {
                title: "สขร.1".into(),
                url: urls.route(&routes::result_row(r.data.month.0, *j)),
            });
        }
        let winner = p.result().and_then(|r| r.winner.as_ref());
        Self {
            no,
            id: p.local_id.clone(),
            title: p.title().to_owned(),
            budget: p.budget().map(Money::satang),
            budget_source: p.plan_item().and_then(|i| i.budget_source.clone()),
            stage: p.stage().label_th(),
            stage_key: p.stage().key(),
            method: p.method().map(Method::label_th),
            reference_price: p.reference_amount().map(Money::satang),
            agreed_price: winner.map(|w| w.price.0.satang()),
            supplier: winner.map(|w| w.name.clone()),
            egp_project: p.plan_item().and_then(|i| i.egp_project.clone()),
            links,
        }
    }
}

/// The procurement datasets: per fiscal year the plan, the results and the combined list, and
/// one dataset of all reference prices. Writes their CSV, JSON and data packages.
pub fn publish_data(site: &Site, urls: &Urls, out: &mut Outputs) -> Vec<Dataset> {
    let mut datasets = Vec::new();
    let org = &site.config.name;
    let base = |id: String, dir: String, title: String, description: String, fy: Option<i32>| {
        Dataset {
        id,
        dir,
        title,
        description,
        keywords: vec!["จัดซื้อจัดจ้าง".into(), "procurement".into(), org.clone()],
        frequency: Frequency::Monthly,
        license: site.config.license.clone(),
        dataset_type: "ข้อมูลระเบียน".into(),
        source: "กองคลัง".into(),
        objective: "เปิดเผยข้อมูลการจัดซื้อจัดจ้างตามมาตรา ๙ แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ และพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐".into(),
        issued: None,
        modified: None,
        fiscal_year: fy,
        tables: Vec::new(),
        extra_files: vec![],
    }
    };

    for plan in site.plans.values() {
        let fy = plan.data.fiscal_year.0;
        let dir = routes::plan(fy);
        let table = plan_table(plan);
        let json = serde_json::json!({
            "organization": org,
            "fiscal_year": fy.be(),
            "announced": plan.data.announced.map(|d| d.0.to_string()),
            "url": urls.abs(&dir),
            "license": site.config.license,
            "items": table.json_rows(),
        });
        out.add_text(format!("{dir}plan.json"), pretty(&json));
        let mut ds = base(
            format!("procurement-plan-{}", fy.be()),
            dir,
            format!("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {} {org}", fy.be()),
            format!(
                "แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. {} ของ{org}: โครงการ หน่วยงาน วงเงินงบประมาณ แหล่งเงิน วิธีจัดซื้อจัดจ้าง และเดือนที่คาดว่าจะประกาศ",
                fy.be()
            ),
            Some(fy.be()),
        );
        ds.frequency = Frequency::Yearly;
        ds.issued = plan.data.announced.map(|d| d.0);
        ds.modified = ds.issued;
        ds.tables.push(table);
        ds.extra_files
            .push(("plan.json".into(), "application/json"));
        ds.publish(urls, out);
        datasets.push(ds);
    }

    if !site.reference_prices.is_empty() {
        let dir = routes::reference_prices().to_owned();
        let table = reference_price_table(site, urls);
        let json = serde_json::json!({
            "organization": org,
            "url": urls.abs(&dir),
            "license": site.config.license,
            "reference_prices": site.reference_prices.iter().map(|rp| reference_price_json(rp, urls)).collect::<Vec<_>>(),
        });
        out.add_text(format!("{dir}reference-prices.json"), pretty(&json));
        let mut ds = base(
            "procurement-reference-prices".into(),
            dir,
            format!("ประกาศราคากลาง {org}"),
            format!(
                "ราคากลางของการจัดซื้อจัดจ้างของ{org} ตามแบบ บก.01–บก.07: โครงการ วงเงินงบประมาณ ราคากลาง วันที่กำหนดราคากลาง แหล่งที่มา และผู้กำหนดราคากลาง"
            ),
            None,
        );
        ds.frequency = Frequency::Irregular;
        ds.modified = site
            .reference_prices
            .iter()
            .map(|r| r.data.priced_on.0)
            .max();
        ds.tables.push(table);
        ds.extra_files
            .push(("reference-prices.json".into(), "application/json"));
        ds.publish(urls, out);
        datasets.push(ds);
    }

    for fy in fiscal_years(site) {
        let dir = routes::results(fy);
        let table = results_table(site, fy);
        let months: Vec<serde_json::Value> = shown_months(site, fy)
            .into_iter()
            .map(|m| {
                let state = match site.results.get(&m) {
                    None => "not_published",
                    Some(r) if r.data.items.is_empty() => "no_procurement",
                    Some(_) => "published",
                };
                serde_json::json!({"month": m.iso(), "state": state})
            })
            .collect();
        let json = serde_json::json!({
            "organization": org,
            "fiscal_year": fy.be(),
            "url": urls.abs(&dir),
            "license": site.config.license,
            "months": months,
            "items": table.json_rows(),
        });
        out.add_text(format!("{dir}results.json"), pretty(&json));
        let mut ds = base(
            format!("procurement-results-{}", fy.be()),
            dir,
            format!(
                "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1) ประจำปีงบประมาณ พ.ศ. {} {org}",
                fy.be()
            ),
            format!(
                "ผลการจัดซื้อจัดจ้างรายเดือนตามแบบ สขร.1 ของ{org} ปีงบประมาณ พ.ศ. {}: งานที่จัดซื้อจัดจ้าง วงเงิน ราคากลาง วิธีจัดซื้อจัดจ้าง ผู้เสนอราคา ผู้ได้รับคัดเลือก เหตุผล และสัญญา",
                fy.be()
            ),
            Some(fy.be()),
        );
        ds.modified = site
            .results
            .values()
            .filter(|r| r.data.month.0.fiscal_year() == fy)
            .map(|r| r.data.month.0.last_day())
            .max();
        ds.tables.push(table);
        ds.extra_files
            .push(("results.json".into(), "application/json"));
        ds.publish(urls, out);
        datasets.push(ds);

        let dir = routes::projects(fy);
        let table = projects_table(site, fy);
        let json = serde_json::json!({
            "organization": org,
            "fiscal_year": fy.be(),
            "url": urls.abs(&dir),
            "license": site.config.license,
            "projects": table.json_rows(),
        });
        out.add_text(format!("{dir}projects.json"), pretty(&json));
        let mut ds = base(
            format!("procurement-projects-{}", fy.be()),
            dir,
            format!(
                "รายการการจัดซื้อจัดจ้างและความก้าวหน้า ประจำปีงบประมาณ พ.ศ. {} {org}",
                fy.be()
            ),
            format!(
                "รายการจัดซื้อจัดจ้างรายโครงการของ{org} ปีงบประมาณ พ.ศ. {} รวมแผน ราคากลาง และผลการจัดซื้อจัดจ้างไว้ในแถวเดียว",
                fy.be()
            ),
            Some(fy.be()),
        );
        ds.tables.push(table);
        ds.extra_files
            .push(("projects.json".into(), "application/json"));
        ds.publish(urls, out);
        datasets.push(ds);
    }
    datasets
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or_default().to_owned()
}

fn plan_table(plan: &Plan) -> Table {
    use ColumnType::{Integer, Number, String as S};
    Table {
        name: "plan".into(),
        file: "plan.csv".into(),
        title: "แผนการจัดซื้อจัดจ้าง".into(),
        columns: vec![
            Col::new("no", "ลำดับที่", Integer),
            Col::new("id", "รหัสรายการ", S),
            Col::new("title", "ชื่อโครงการ/รายการ", S),
            Col::new("department", "หน่วยงานที่รับผิดชอบ", S),
            Col::new("budget", "วงเงินงบประมาณ (บาท)", Number),
            Col::new("budget_source", "แหล่งที่มาของงบประมาณ", S),
            Col::new("method", "วิธีจัดซื้อจัดจ้าง", S),
            Col::new("expected_month", "ช่วงเวลาที่คาดว่าจะประกาศจัดซื้อจัดจ้าง", S),
            Col::new("egp_project", "เลขที่โครงการในระบบ e-GP", S),
        ],
        rows: plan
            .data
            .items
            .iter()
            .zip(&plan.ids)
            .enumerate()
            .map(|(i, (item, id))| {
                vec![
                    (i + 1).to_string(),
                    id.clone(),
                    item.title.clone(),
                    opt(item.department.as_deref()),
                    item.budget.0.decimal(),
                    opt(item.budget_source.as_deref()),
                    item.method.key().to_owned(),
                    item.expected.map(|m| m.0.iso()).unwrap_or_default(),
                    opt(item.egp_project.as_deref()),
                ]
            })
            .collect(),
    }
}

fn reference_price_table(site: &Site, urls: &Urls) -> Table {
    use ColumnType::{Date, Integer, Number, String as S};
    Table {
        name: "reference-prices".into(),
        file: "reference-prices.csv".into(),
        title: "ประกาศราคากลาง".into(),
        columns: vec![
            Col::new("fiscal_year", "ปีงบประมาณ", Integer),
            Col::new("form", "แบบ", S),
            Col::new("project", "ชื่อโครงการ", S),
            Col::new("owner", "หน่วยงานเจ้าของโครงการ", S),
            Col::new("plan_item", "รายการในแผนการจัดซื้อจัดจ้าง", S),
            Col::new("budget", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", Number),
            Col::new("price", "ราคากลาง (บาท)", Number),
            Col::new("priced_on", "วันที่กำหนดราคากลาง", Date),
            Col::new("sources", "แหล่งที่มาของราคากลาง", S),
            Col::new("committee", "ผู้กำหนดราคากลาง", S),
            Col::new("url", "หน้าประกาศ", S),
        ],
        rows: site
            .reference_prices
            .iter()
            .map(|rp| {
                let d = &rp.data;
                vec![
                    rp.fiscal_year().be().to_string(),
                    d.form.key().to_owned(),
                    d.project.clone(),
                    opt(d.owner.as_deref()),
                    opt(d.plan_item.as_deref()),
                    d.budget.0.decimal(),
                    d.price.0.decimal(),
                    d.priced_on.0.to_string(),
                    d.sources.join("\n"),
                    d.committee
                        .iter()
                        .map(|c| match &c.position {
                            Some(p) => format!("{} ({p})", c.name),
                            None => c.name.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                    urls.abs(&routes::reference_price(&rp.slug)),
                ]
            })
            .collect(),
    }
}

fn reference_price_json(rp: &ReferencePrice, urls: &Urls) -> serde_json::Value {
    let d = &rp.data;
    serde_json::json!({
        "id": rp.slug,
        "url": urls.abs(&routes::reference_price(&rp.slug)),
        "form": d.form.key(),
        "fiscal_year": rp.fiscal_year().be(),
        "project": d.project,
        "owner": d.owner,
        "plan_item": d.plan_item,
        "budget": money_number(d.budget.0),
        "price": money_number(d.price.0),
        "priced_on": d.priced_on.0.to_string(),
        "description": d.description,
        "breakdown": d.breakdown.iter().map(|b| serde_json::json!({"item": b.item, "amount": money_number(b.amount.0)})).collect::<Vec<_>>(),
        "sources": d.sources,
        "committee": d.committee,
    })
}

/// Baht as a JSON number (`1234.5`).
pub fn money_number(m: Money) -> serde_json::Value {
    m.decimal()
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(serde_json::Value::Null, serde_json::Value::Number)
}

fn results_table(site: &Site, fy: FiscalYear) -> Table {
    use ColumnType::{Date, Integer, Number, String as S};
    let mut rows = Vec::new();
    for results in site
        .results
        .values()
        .filter(|r| r.data.month.0.fiscal_year() == fy)
    {
        for (i, item) in results.data.items.iter().enumerate() {
            rows.push(vec![
                results.data.month.0.iso(),
                (i + 1).to_string(),
                item.title.clone(),
                item.budget.0.decimal(),
                item.reference_price
                    .map(|a| a.0.decimal())
                    .unwrap_or_default(),
                item.method.key().to_owned(),
                item.bids
                    .iter()
                    .map(|b| format!("{} {}", b.bidder, b.price.0.decimal()))
                    .collect::<Vec<_>>()
                    .join("\n"),
                item.winner
                    .as_ref()
                    .map(|w| w.name.clone())
                    .unwrap_or_default(),
                item.winner
                    .as_ref()
                    .map(|w| w.price.0.decimal())
                    .unwrap_or_default(),
                opt(item.reason.as_deref()),
                item.contract
                    .as_ref()
                    .map(|c| c.number.clone())
                    .unwrap_or_default(),
                item.contract
                    .as_ref()
                    .map(|c| c.date.0.to_string())
                    .unwrap_or_default(),
                opt(item.plan_item.as_deref()),
                status_key(item.status).to_owned(),
            ]);
        }
    }
    Table {
        name: "results".into(),
        file: "results.csv".into(),
        title: "สรุปผลการดำเนินการจัดซื้อจัดจ้างรายเดือน (สขร.1)".into(),
        columns: vec![
            Col::new("month", "เดือน", S),
            Col::new("no", "ลำดับที่", Integer),
            Col::new("title", "งานที่จัดซื้อหรือจัดจ้าง", S),
            Col::new("budget", "วงเงินที่จะซื้อหรือจ้าง (บาท)", Number),
            Col::new("reference_price", "ราคากลาง (บาท)", Number),
            Col::new("method", "วิธีซื้อหรือจ้าง", S),
            Col::new("bids", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", S),
            Col::new("winner", "ผู้ได้รับการคัดเลือก", S),
            Col::new("agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", Number),
            Col::new("reason", "เหตุผลที่คัดเลือกโดยสรุป", S),
            Col::new("contract_number", "เลขที่สัญญาหรือข้อตกลง", S),
            Col::new("contract_date", "วันที่ของสัญญาหรือข้อตกลง", Date),
            Col::new("plan_item", "รายการในแผนการจัดซื้อจัดจ้าง", S),
            Col::new(
                "status",
                "สถานะ (done ดำเนินการแล้ว, pending อยู่ระหว่างดำเนินการ, cancelled ยกเลิก)",
                S,
            ),
        ],
        rows,
    }
}

/// The key a row's status is written as in data files.
fn status_key(status: crate::site::procurement::RowStatus) -> &'static str {
    use crate::site::procurement::RowStatus;
    match status {
        RowStatus::Done => "done",
        RowStatus::Pending => "pending",
        RowStatus::Cancelled => "cancelled",
    }
}

fn projects_table(site: &Site, fy: FiscalYear) -> Table {
    use ColumnType::{Integer, Number, String as S};
    let c = &site.config;
    let rows = projects(site, fy)
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let winner = p.result().and_then(|r| r.winner.as_ref());
            vec![
                (i + 1).to_string(),
                fy.be().to_string(),
                c.name.clone(),
                opt(c.district.as_deref()),
                opt(c.province.as_deref()),
                "กระทรวงมหาดไทย".to_owned(),
                "องค์กรปกครองส่วนท้องถิ่น".to_owned(),
                p.title().to_owned(),
                p.budget().map(Money::decimal).unwrap_or_default(),
                opt(p.plan_item().and_then(|i| i.budget_source.as_deref())),
                p.stage().label_th().to_owned(),
                p.method().map(|m| m.key().to_owned()).unwrap_or_default(),
                p.reference_amount().map(Money::decimal).unwrap_or_default(),
                winner.map(|w| w.price.0.decimal()).unwrap_or_default(),
                winner.map(|w| w.name.clone()).unwrap_or_default(),
                opt(p.plan_item().and_then(|i| i.egp_project.as_deref())),
                p.local_id.clone(),
            ]
        })
        .collect();
    Table {
        name: "projects".into(),
        file: "projects.csv".into(),
        title: "รายการการจัดซื้อจัดจ้างและความก้าวหน้า".into(),
        columns: vec![
            Col::new("no", "ที่", Integer),
            Col::new("fiscal_year", "ปีงบประมาณ", Integer),
            Col::new("organization", "ชื่อหน่วยงาน", S),
            Col::new("district", "อำเภอ", S),
            Col::new("province", "จังหวัด", S),
            Col::new("ministry", "กระทรวง", S),
            Col::new("organization_type", "ประเภทหน่วยงาน", S),
            Col::new("title", "ชื่อรายการของงานที่ซื้อหรือจ้าง", S),
            Col::new("budget", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", Number),
            Col::new("budget_source", "แหล่งที่มาของงบประมาณ", S),
            Col::new("status", "สถานะการจัดซื้อจัดจ้าง", S),
            Col::new("method", "วิธีการจัดซื้อจัดจ้าง", S),
            Col::new("reference_price", "ราคากลาง (บาท)", Number),
            Col::new("agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", Number),
            Col::new("supplier", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", S),
            Col::new("egp_project", "เลขที่โครงการในระบบ e-GP", S),
            Col::new("id", "รหัสรายการ", S),
        ],
        rows,
    }
}

/// Attachments of a results file, reference price or plan.
pub fn results_of(site: &Site, fy: FiscalYear) -> impl Iterator<Item = &Results> {
    site.results
        .values()
        .filter(move |r| r.data.month.0.fiscal_year() == fy)
}

/// A sum of amounts in satang that stops at the largest value instead of wrapping round to a
/// negative one (`check` refuses the records that would get there).
fn sum_satang(amounts: impl Iterator<Item = i64>) -> i64 {
    amounts.fold(0, i64::saturating_add)
}
