//! `content/measures/FY.yaml`: มาตรการส่งเสริมคุณธรรมและความโปร่งใส of one fiscal year, in the
//! official five-column table, with the optional report of what was done.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Msg};
use crate::site::source::{Source, parse_yaml};
use crate::site::values::{Fy, Month};
use crate::thai::calendar::YearMonth;

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasuresFile {
    pub fiscal_year: Fy,
    pub title: Option<String>,
    /// Markdown.
    pub intro: Option<String>,
    pub measures: Vec<Measure>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// มาตรการ/แนวทาง
    pub title: String,
    /// วิธีการดำเนินงาน, in order
    pub methods: Vec<String>,
    /// ผู้รับผิดชอบ
    pub responsible: String,
    /// ระยะเวลาดำเนินการ; default: the whole fiscal year
    pub period: Option<Period>,
    /// การติดตามผล
    pub follow_up: Option<String>,
    pub result: Option<MeasureResult>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: Month,
    pub to: Month,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureResult {
    pub status: Status,
    /// Markdown.
    pub summary: Option<String>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    InProgress,
    Done,
}

impl Status {
    pub fn label_th(self) -> &'static str {
        match self {
            Status::Planned => "ยังไม่ได้ดำเนินการ",
            Status::InProgress => "อยู่ระหว่างดำเนินการ",
            Status::Done => "ดำเนินการแล้ว",
        }
    }
}

/// A document that shows a measure was carried out: an attachment (`files/...`), a page of the
/// site (`/announcements/x/`) or an outside address.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub title: String,
    pub href: String,
}

/// One measures file, with where it came from.
#[derive(Clone, Debug)]
pub struct Measures {
    pub source: Source,
    pub data: MeasuresFile,
}

impl Measures {
    pub fn load(source: Source) -> Result<Self, Vec<Diagnostic>> {
        let data: MeasuresFile = parse_yaml(&source, &source.text, 1).map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        let fy = data.fiscal_year.0;
        let stem = source
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if stem != fy.be().to_string() {
            let (l, c) = source.locate("fiscal_year:", 1).unwrap_or((1, 0));
            errors.push(
                Diagnostic::error(crate::diagnostic::codes::MEASURES_YEAR,
                    &source.path,
                    Msg::new(
                        format!("ปีงบประมาณในไฟล์ ({fy}) ไม่ตรงกับชื่อไฟล์ ({stem}.yaml)"),
                        format!("the fiscal year in the file ({fy}) does not match the file name ({stem}.yaml)"),
                    ),
                )
                .at(&source.text, l, c)
                .field("fiscal_year")
                .help(Msg::new(
                    format!("ตั้งชื่อไฟล์เป็น {fy}.yaml หรือแก้ fiscal_year ให้ตรงกับชื่อไฟล์"),
                    format!("name the file {fy}.yaml, or correct fiscal_year"),
                )),
            );
        }
        if data.measures.is_empty() {
            let (l, c) = source.locate("measures:", 1).unwrap_or((1, 0));
            errors.push(
                Diagnostic::error(
                    crate::diagnostic::codes::MEASURES_EMPTY,
                    &source.path,
                    Msg::new(
                        "ยังไม่มีมาตรการในรายการ measures",
                        "the list of measures is empty",
                    ),
                )
                .at(&source.text, l, c)
                .field("measures")
                .help(Msg::new(
                    "เพิ่มมาตรการอย่างน้อยหนึ่งรายการ (ดูตัวอย่างจาก prongsai new measures)",
                    "add at least one measure (see `prongsai new measures` for a template)",
                )),
            );
        }
        let mut from_line = 1;
        for (i, m) in data.measures.iter().enumerate() {
            let here = source.locate(&m.title, from_line).unwrap_or((from_line, 0));
            from_line = here.0;
            if m.methods.is_empty() {
                errors.push(
                    Diagnostic::error(
                        crate::diagnostic::codes::MEASURE_NO_METHODS,
                        &source.path,
                        Msg::new(
                            format!("มาตรการที่ {} ไม่มีวิธีการดำเนินงาน (methods)", i + 1),
                            format!("measure {} has no methods", i + 1),
                        ),
                    )
                    .at(&source.text, here.0, here.1)
                    .field(format!("measures[{i}].methods"))
                    .help(Msg::new(
                        "ใส่วิธีการดำเนินงานเป็นรายการ บรรทัดละหนึ่งข้อ ขึ้นต้นด้วย \"- \"",
                        "list the methods, one per line starting with \"- \"",
                    )),
                );
            }
            if let Some(p) = m.period {
                let (a, b) = (p.from.0, p.to.0);
                if a > b {
                    let (l, c) = source.locate("period:", from_line).unwrap_or(here);
                    errors.push(
                        Diagnostic::error(
                            crate::diagnostic::codes::MEASURE_PERIOD,
                            &source.path,
                            Msg::new(
                                format!("ระยะเวลาดำเนินการของมาตรการที่ {} เริ่มหลังวันสิ้นสุด", i + 1),
                                format!("the period of measure {} starts after it ends", i + 1),
                            ),
                        )
                        .at(&source.text, l, c)
                        .field(format!("measures[{i}].period"))
                        .help(Msg::new(
                            "สลับค่า from และ to ให้ from เป็นเดือนเริ่มต้น",
                            "swap from and to: from is the first month",
                        )),
                    );
                }
            }
        }
        if errors.is_empty() {
            Ok(Self { source, data })
        } else {
            Err(errors)
        }
    }

    /// The period of measure `m`: its own, or the whole fiscal year.
    pub fn period_of(&self, m: &Measure) -> (YearMonth, YearMonth) {
        match m.period {
            Some(p) => (p.from.0, p.to.0),
            None => {
                let months = self.data.fiscal_year.0.months();
                (months[0], months[11])
            }
        }
    }
}
