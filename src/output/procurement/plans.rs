//! The procurement plan of a fiscal year: its page, with the divisions' chart, and its data.

use super::*;

pub(super) fn pages(site: &Site, r: &Renderer, pages: &mut Pages) {
    let urls = &r.urls;
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
}

pub(super) fn data(site: &Site, urls: &Urls, out: &mut Outputs) -> Vec<Dataset> {
    let org = &site.config.name;
    let mut datasets = Vec::new();
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
        out.add_text(format!("{dir}plan.json"), crate::output::pretty_json(&json));
        let mut ds = dataset_base(
            site,
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
    datasets
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
                                    url: urls.route(&routes::result_row(
                                        r.data.month.0,
                                        *j,
                                        site.results_split(r.data.month.0.fiscal_year()),
                                    )),
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
