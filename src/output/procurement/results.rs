//! The monthly results (แบบ สขร.1) of a fiscal year: the page, month by month with its charts,
//! and its data.

use super::*;

pub(super) fn page(
    site: &Site,
    r: &Renderer,
    years: &[FiscalYear],
    fy: FiscalYear,
    pages: &mut Pages,
) {
    let urls = &r.urls;
    let all_years = || years.iter().map(|fy| fy.be());
    let mut view = ResultsView::new(site, fy, urls);
    let rel = routes::results(fy);
    // A long year: the year's page keeps the overview and links each month's own page.
    let split = site.results_split(fy);
    let months = if split {
        std::mem::take(&mut view.months)
    } else {
        Vec::new()
    };
    view.split = split;
    pages.push((
        rel.clone(),
        r.render(
            "results.html",
            ctx! {
                page => PageMeta::new(&view.title, &rel, urls),
                results => &view,
                year_links => year_links(all_years(), fy.be(), |y| {
                    urls.path(&routes::results(FiscalYear(y)))
                }),
            },
        ),
    ));
    let links: Vec<Link> = months
        .iter()
        .filter_map(|m| YearMonth::parse(&m.month).ok())
        .map(|ym| Link {
            title: crate::thai::calendar::format_month_short(ym, site.config.numerals),
            url: urls.path(&routes::results_month_page(ym)),
        })
        .collect();
    for (k, month) in months.into_iter().enumerate() {
        let Ok(ym) = YearMonth::parse(&month.month) else {
            continue;
        };
        let page_rel = routes::results_month_page(ym);
        let title = site.config.numerals.apply(&format!(
            "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {} (แบบ สขร.1)",
            format_month_long(ym, Numerals::Arabic)
        ));
        pages.push((
            page_rel.clone(),
            r.render(
                "results_month.html",
                ctx! {
                    page => PageMeta::new(&title, &page_rel, urls),
                    results => &view,
                    months => vec![month],
                    month_links => &links,
                    current => k,
                    year_url => urls.path(&rel),
                },
            ),
        ));
    }
}

pub(super) fn data(site: &Site, fy: FiscalYear, urls: &Urls, out: &mut Outputs) -> Dataset {
    let org = &site.config.name;
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
    out.add_text(
        format!("{dir}results.json"),
        crate::output::pretty_json(&json),
    );
    let mut ds = dataset_base(
        site,
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
    ds
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
pub struct ResultsView {
    fiscal_year: i32,
    /// The months have pages of their own (a long year): the page links them.
    split: bool,
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
                    short: m.short_th(),
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
            split: false,
            months,
            csv_url: urls.path(&format!("{dir}results.csv")),
            json_url: urls.path(&format!("{dir}results.json")),
        }
    }
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
