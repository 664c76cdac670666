//! Open data beside each table: `measures.csv` (UTF-8 with byte-order mark and CRLF, so Excel
//! shows Thai) and `measures.json`. Amounts are plain decimals in baht, dates ISO 8601 (CE).

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::output::Outputs;
use crate::render::Urls;
use crate::site::Site;
use crate::site::measures::Measures;

pub fn render(site: &Site, urls: &Urls, out: &mut Outputs, diags: &mut Diagnostics) {
    for m in &site.measures {
        let fy = m.data.fiscal_year.0.be();
        let dir = format!("measures/{fy}/");
        match measures_csv(m) {
            Ok(bytes) => out.add(format!("{dir}measures.csv"), crate::output::Body::Bytes(bytes)),
            Err(e) => diags.push(Diagnostic::error(
                &m.source.path,
                Msg::new(format!("เขียน CSV ไม่ได้: {e}"), format!("cannot write the CSV: {e}")),
            )),
        }
        let json = measures_json(site, m, urls);
        out.add_text(
            format!("{dir}measures.json"),
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n",
        );
    }
}

/// The header row: English names a program can use; the Thai column titles are in the JSON.
const MEASURES_COLUMNS: [&str; 10] = [
    "fiscal_year",
    "no",
    "measure",
    "methods",
    "responsible",
    "period_start",
    "period_end",
    "follow_up",
    "result_status",
    "result_summary",
];

/// CSV as Excel opens it: UTF-8 with a byte-order mark, CRLF line ends, every cell quoted where
/// needed. Methods are numbered, one per line inside their cell.
pub fn csv_bytes(header: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xef\xbb\xbf".to_vec());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

fn measures_csv(m: &Measures) -> Result<Vec<u8>, csv::Error> {
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
    csv_bytes(&MEASURES_COLUMNS, &rows)
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
        url: urls.abs(&format!("measures/{fy}/")),
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
            path.strip_prefix(urls.base_path.trim_end_matches('/')).unwrap_or(&path)
        ),
        None => href.to_owned(),
    }
}
