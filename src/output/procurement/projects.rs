//! Plan, reference price and result of each project of a fiscal year, one row a project
//! (ITA 2568 item o12): the page and its data.

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
    let list = projects(site, fy);
    let rows: Vec<ProjectRow> = list
        .iter()
        .enumerate()
        .map(|(i, p)| ProjectRow::new(i + 1, p, urls, site.results_split(fy)))
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

pub(super) fn data(site: &Site, fy: FiscalYear, urls: &Urls, out: &mut Outputs) -> Dataset {
    let org = &site.config.name;
    let dir = routes::projects(fy);
    let table = projects_table(site, fy);
    // The CSV names methods as the form does; the JSON keeps the keys content is written with.
    let mut rows = table.json_rows();
    for (row, p) in rows.iter_mut().zip(projects(site, fy)) {
        row["method"] = p.method().map(Method::key).into();
    }
    let json = serde_json::json!({
        "organization": org,
        "fiscal_year": fy.be(),
        "url": urls.abs(&dir),
        "license": site.config.license,
        "projects": rows,
    });
    out.add_text(
        format!("{dir}projects.json"),
        crate::output::pretty_json(&json),
    );
    let mut ds = dataset_base(
        site,
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
    ds
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
    /// `split`: the year's สขร.1 has a page per month.
    fn new(no: usize, p: &Project, urls: &Urls, split: bool) -> Self {
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
        for d in &p.notices {
            links.push(Link {
                title: d
                    .front
                    .procurement
                    .as_ref()
                    .map_or("ประกาศ", |n| n.notice.label_th())
                    .into(),
                url: urls.path(&routes::document(d)),
            });
        }
        for (r, j) in &p.results {
            links.push(Link {
                title: "สขร.1".into(),
                url: urls.route(&routes::result_row(r.data.month.0, *j, split)),
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
            egp_project: p.egp_project().map(str::to_owned),
            links,
        }
    }
}

/// The projects of a fiscal year as a table, one row a project. The CSV's headers are the
/// columns of the ITA form (item o12 of ITA 2568).
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
                p.method()
                    .map(Method::label_th)
                    .unwrap_or_default()
                    .to_owned(),
                p.reference_amount().map(Money::decimal).unwrap_or_default(),
                winner.map(|w| w.price.0.decimal()).unwrap_or_default(),
                winner.map(|w| w.name.clone()).unwrap_or_default(),
                opt(p.egp_project()),
                p.local_id.clone(),
            ]
        })
        .collect();
    Table {
        name: "projects".into(),
        file: "projects.csv".into(),
        title: "รายการการจัดซื้อจัดจ้างและความก้าวหน้า".into(),
        columns: vec![
            Col::thai("no", "ที่", Integer),
            Col::thai("fiscal_year", "ปีงบประมาณ", Integer),
            Col::thai("organization", "ชื่อหน่วยงาน", S),
            Col::thai("district", "อำเภอ", S),
            Col::thai("province", "จังหวัด", S),
            Col::thai("ministry", "กระทรวง", S),
            Col::thai("organization_type", "ประเภทหน่วยงาน", S),
            Col::thai("title", "ชื่อรายการของงานที่ซื้อหรือจ้าง", S),
            Col::thai("budget", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", Number),
            Col::thai("budget_source", "แหล่งที่มาของงบประมาณ", S),
            Col::thai("status", "สถานะการจัดซื้อจัดจ้าง", S),
            Col::thai("method", "วิธีการจัดซื้อจัดจ้าง", S),
            Col::thai("reference_price", "ราคากลาง (บาท)", Number),
            Col::thai("agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", Number),
            Col::thai("supplier", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", S),
            Col::thai("egp_project", "เลขที่โครงการในระบบ e-GP", S),
            Col::thai("id", "รหัสรายการ", S),
        ],
        rows,
    }
}
