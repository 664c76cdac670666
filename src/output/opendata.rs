//! Open data beside each table: `measures.csv` (UTF-8 with byte-order mark and CRLF, so Excel
//! shows Thai) and `measures.json`. Amounts are plain decimals in baht, dates ISO 8601 (CE).

use serde::Serialize;

use crate::output::Outputs;
use crate::output::table::{Col, Dataset, Table};
use crate::render::Urls;
use crate::site::Site;
use crate::site::dataset::{ColumnType, Frequency};
use crate::site::measures::Measures;
use crate::site::routes;

/// The measures of each fiscal year as a dataset: `measures.csv`, `measures.json` and
/// `datapackage.json` beside the page.
pub fn publish(site: &Site, urls: &Urls, out: &mut Outputs) -> Vec<Dataset> {
    let mut datasets = Vec::new();
    for m in &site.measures {
        let fy = m.data.fiscal_year.0.be();
        let dir = routes::measures(crate::thai::FiscalYear(fy));
        let json = measures_json(site, m, urls);
        out.add_text(
            format!("{dir}measures.json"),
            crate::output::pretty_json(&json),
        );
        let org = &site.config.name;
        let ds = Dataset {
            id: format!("integrity-measures-{fy}"),
            dir,
            title: format!("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {fy} {org}"),
            description: format!(
                "มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ{org} ประจำปีงบประมาณ พ.ศ. {fy}: มาตรการ วิธีการดำเนินงาน ผู้รับผิดชอบ ระยะเวลาดำเนินการ การติดตามผล และผลการดำเนินการ"
            ),
            keywords: vec!["คุณธรรม".into(), "ความโปร่งใส".into(), "ITA".into(), org.clone()],
            frequency: Frequency::Yearly,
            license: site.config.license.clone(),
            dataset_type: "ข้อมูลระเบียน".into(),
            source: m
                .data
                .measures
                .first()
                .map_or_else(|| org.clone(), |x| x.responsible.clone()),
            objective: "เปิดเผยมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานและผลการดำเนินการ ตามการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)".into(),
            issued: None,
            modified: None,
            fiscal_year: Some(fy),
            period: None,
            theme: "GOVE",
            category: crate::site::dataset::DataCategory::Public,
            contact: None,
            tables: vec![measures_table(m)],
            extra_files: vec![("measures.json".into(), "application/json")],
        };
        ds.publish(urls, out);
        datasets.push(ds);
    }
    datasets
}

fn measures_table(m: &Measures) -> Table {
    use ColumnType::{Integer, String as S};
    let fy = m.data.fiscal_year.0.be().to_string();
    let rows: Vec<Vec<String>> = m
        .data
        .measures
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let (from, to) = m.period_of(x);
            let methods = x
                .methods
                .iter()
                .enumerate()
                .map(|(j, t)| format!("{}. {t}", j + 1))
                .collect::<Vec<_>>()
                .join("\r\n");
            vec![
                fy.clone(),
                (i + 1).to_string(),
                x.title.clone(),
                methods,
                x.responsible.clone(),
                from.iso(),
                to.iso(),
                x.follow_up.clone().unwrap_or_default(),
                x.result
                    .as_ref()
                    .map(|r| status_key(r.status).to_owned())
                    .unwrap_or_default(),
                x.result
                    .as_ref()
                    .and_then(|r| r.summary.as_deref())
                    .map(crate::render::markdown::plain_text)
                    .unwrap_or_default(),
            ]
        })
        .collect();
    Table {
        name: "measures".into(),
        file: "measures.csv".into(),
        title: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส".into(),
        columns: vec![
            Col::new("fiscal_year", "ปีงบประมาณ", Integer),
            Col::new("no", "ลำดับ", Integer),
            Col::new("measure", "มาตรการ/แนวทาง", S),
            Col::new("methods", "วิธีการดำเนินงาน", S),
            Col::new("responsible", "ผู้รับผิดชอบ", S),
            Col::new("period_start", "เริ่มดำเนินการ (ปี-เดือน ค.ศ.)", S),
            Col::new("period_end", "สิ้นสุด (ปี-เดือน ค.ศ.)", S),
            Col::new("follow_up", "การติดตามผล", S),
            Col::new("result_status", "สถานะผลการดำเนินการ", S),
            Col::new("result_summary", "สรุปผลการดำเนินการ", S),
        ],
        rows,
    }
}

fn status_key(s: crate::site::measures::Status) -> &'static str {
    use crate::site::measures::Status;
    match s {
        Status::Planned => "planned",
        Status::InProgress => "in_progress",
        Status::Done => "done",
    }
}

#[derive(Serialize)]
struct MeasuresJson<'a> {
    organization: &'a str,
    fiscal_year: i32,
    title: Option<&'a str>,
    intro: Option<&'a str>,
    url: String,
    license: &'a str,
    /// Thai titles of the official table's columns, by JSON field.
    columns: [(&'static str, &'static str); 5],
    measures: Vec<MeasureJson<'a>>,
}

#[derive(Serialize)]
struct MeasureJson<'a> {
    no: usize,
    title: &'a str,
    methods: &'a [String],
    responsible: &'a str,
    period: PeriodJson,
    follow_up: Option<&'a str>,
    result: Option<ResultJson<'a>>,
}

#[derive(Serialize)]
struct PeriodJson {
    start: String,
    end: String,
}

#[derive(Serialize)]
struct ResultJson<'a> {
    status: &'static str,
    summary: Option<&'a str>,
    evidence: Vec<EvidenceJson<'a>>,
}

#[derive(Serialize)]
struct EvidenceJson<'a> {
    title: &'a str,
    url: String,
}

fn measures_json<'a>(site: &'a Site, m: &'a Measures, urls: &Urls) -> MeasuresJson<'a> {
    let fy = m.data.fiscal_year.0.be();
    MeasuresJson {
        organization: &site.config.name,
        fiscal_year: fy,
        title: m.data.title.as_deref(),
        intro: m.data.intro.as_deref(),
        url: urls.abs(&routes::measures(crate::thai::FiscalYear(fy))),
        license: &site.config.license,
        columns: [
            ("title", "มาตรการ/แนวทาง"),
            ("methods", "วิธีการดำเนินงาน"),
            ("responsible", "ผู้รับผิดชอบ"),
            ("period", "ระยะเวลาดำเนินการ"),
            ("follow_up", "การติดตามผล"),
        ],
        measures: m
            .data
            .measures
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let (from, to) = m.period_of(x);
                MeasureJson {
                    no: i + 1,
                    title: &x.title,
                    methods: &x.methods,
                    responsible: &x.responsible,
                    period: PeriodJson {
                        start: from.iso(),
                        end: to.iso(),
                    },
                    follow_up: x.follow_up.as_deref(),
                    result: x.result.as_ref().map(|r| ResultJson {
                        status: status_key(r.status),
                        summary: r.summary.as_deref(),
                        evidence: r
                            .evidence
                            .iter()
                            .map(|e| EvidenceJson {
                                title: &e.title,
                                url: absolute(urls, &e.href),
                            })
                            .collect(),
                    }),
                }
            })
            .collect(),
    }
}

/// A link written in content as an absolute URL, for data files read outside the site.
fn absolute(urls: &Urls, href: &str) -> String {
    match urls.resolve_content_link(href) {
        Some(path) => format!(
            "{}{}",
            urls.base_url.trim_end_matches('/'),
            path.strip_prefix(urls.base_path.trim_end_matches('/'))
                .unwrap_or(&path)
        ),
        None => href.to_owned(),
    }
}
