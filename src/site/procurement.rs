//! Procurement records: the annual plan (แผนการจัดซื้อจัดจ้าง), reference-price disclosures
//! (ราคากลาง, forms บก.01–07) and monthly results (แบบ สขร.1).
//!
//! A plan or a reference price may be a YAML file or a Markdown announcement whose front matter
//! holds the same fields and whose body is the signed announcement text.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Msg};
use crate::site::document::{AttachmentRef, Signatory};
use crate::site::source::{Source, parse_yaml};
use crate::site::values::{Amount, Date, Fy, Month};

pub use crate::site::methods::Method;

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub fiscal_year: Fy,
    /// The date the plan was published.
    pub announced: Option<Date>,
    pub items: Vec<PlanItem>,
    pub title: Option<String>,
    pub number: Option<String>,
    pub signed_by: Option<Signatory>,
    pub summary: Option<String>,
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// Stable within the year; default: the item's position (1, 2, ...).
    pub id: Option<String>,
    pub title: String,
    pub department: Option<String>,
    pub budget: Amount,
    pub budget_source: Option<String>,
    pub method: Method,
    /// The month the procurement is expected to be announced.
    pub expected: Option<Month>,
    pub egp_project: Option<String>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

/// A plan file and its items' ids.
#[derive(Clone, Debug)]
pub struct Plan {
    pub source: Source,
    pub data: PlanFile,
    /// The ids of `data.items`, defaults filled in.
    pub ids: Vec<String>,
    /// The Markdown body when the plan is an announcement, and its first line.
    pub body: Option<(String, usize)>,
}

impl Plan {
    pub fn item(&self, id: &str) -> Option<(usize, &PlanItem)> {
        self.ids
            .iter()
            .position(|x| x == id)
            .map(|i| (i, &self.data.items[i]))
    }
}

/// Form of a reference-price disclosure.
#[derive(
    Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Bk01,
    Bk02,
    Bk03,
    Bk04,
    Bk05,
    Bk06,
    Bk07,
}

impl Form {
    pub fn code(self) -> &'static str {
        match self {
            Form::Bk01 => "บก.01",
            Form::Bk02 => "บก.02",
            Form::Bk03 => "บก.03",
            Form::Bk04 => "บก.04",
            Form::Bk05 => "บก.05",
            Form::Bk06 => "บก.06",
            Form::Bk07 => "บก.07",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Form::Bk01 => "bk01",
            Form::Bk02 => "bk02",
            Form::Bk03 => "bk03",
            Form::Bk04 => "bk04",
            Form::Bk05 => "bk05",
            Form::Bk06 => "bk06",
            Form::Bk07 => "bk07",
        }
    }

    /// The heading printed on the form. บก.01, บก.03 and บก.06 as the forms print them; the
    /// other forms were not read, so only the words every form shares (see `docs/sources.md`).
    pub fn heading_th(self) -> &'static str {
        match self {
            Form::Bk01 => "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลางในงานจ้างก่อสร้าง",
            Form::Bk03 => "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลางในงานจ้างออกแบบ",
            Form::Bk06 => {
                "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลาง (ราคาอ้างอิง) ในการจัดซื้อจัดจ้างที่มิใช่งานก่อสร้าง"
            }
            Form::Bk02 | Form::Bk04 | Form::Bk05 | Form::Bk07 => {
                "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลาง"
            }
        }
    }

    /// Whether the form's numbered rows were read on a published copy of it.
    pub fn verified(self) -> bool {
        matches!(self, Form::Bk01 | Form::Bk03 | Form::Bk06)
    }

    /// What the form is for (its purpose as prongsai files it; for บก.02, 04, 05 and 07 not
    /// read on a form).
    pub fn purpose_th(self) -> &'static str {
        match self {
            Form::Bk01 => "งานจ้างก่อสร้าง",
            Form::Bk02 => "งานจ้างควบคุมงานก่อสร้าง",
            Form::Bk03 => "งานจ้างออกแบบ",
            Form::Bk04 => "งานจ้างที่ปรึกษา",
            Form::Bk05 => "งานจ้างพัฒนาระบบคอมพิวเตอร์",
            Form::Bk06 => "การจัดซื้อจัดจ้างที่มิใช่งานก่อสร้าง",
            Form::Bk07 => "งานจ้างวิจัย",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferencePriceFile {
    pub form: Form,
    pub project: String,
    /// The plan item this is for (in the plan of the fiscal year of `priced_on`).
    pub plan_item: Option<String>,
    /// Default: the fiscal year of `priced_on`.
    pub fiscal_year: Option<Fy>,
    pub owner: Option<String>,
    /// วงเงินงบประมาณที่ได้รับจัดสรร
    pub budget: Amount,
    /// ราคากลาง
    pub price: Amount,
    pub priced_on: Date,
    /// ลักษณะงาน (บก.01)
    pub description: Option<String>,
    #[serde(default)]
    pub breakdown: Vec<BreakdownLine>,
    /// ค่าตอบแทนบุคลากร (บก.03 ข้อ 5)
    pub staff: Option<StaffCost>,
    /// ค่าวัสดุอุปกรณ์ (บก.03 ข้อ 6)
    pub materials: Option<Amount>,
    /// ค่าใช้จ่ายอื่นๆ (บก.03 ข้อ 7)
    pub other_costs: Option<Amount>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub committee: Vec<Signatory>,
    pub title: Option<String>,
    pub number: Option<String>,
    pub signed_by: Option<Signatory>,
    pub summary: Option<String>,
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

/// Staff fees of a design job, with the people at each level (บก.03 ข้อ 5.1–5.3).
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffCost {
    pub amount: Amount,
    /// ระดับหัวหน้าโครงการ (คน)
    #[serde(default)]
    pub project_leads: u32,
    /// ระดับผู้ดำเนินงาน (คน)
    #[serde(default)]
    pub operators: u32,
    /// ระดับผู้ช่วย (คน)
    #[serde(default)]
    pub assistants: u32,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BreakdownLine {
    pub item: String,
    pub amount: Amount,
}

#[derive(Clone, Debug)]
pub struct ReferencePrice {
    pub source: Source,
    pub slug: String,
    pub data: ReferencePriceFile,
    pub body: Option<(String, usize)>,
}

impl ReferencePrice {
    pub fn fiscal_year(&self) -> crate::thai::calendar::FiscalYear {
        self.data.fiscal_year.map_or_else(
            || crate::thai::calendar::FiscalYear::of(self.data.priced_on.0),
            |f| f.0,
        )
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultsFile {
    pub month: Month,
    pub items: Vec<ResultItem>,
    /// The signed form, scanned.
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultItem {
    /// งานที่จัดซื้อหรือจัดจ้าง
    pub title: String,
    /// วงเงินที่จะซื้อหรือจ้าง
    pub budget: Amount,
    /// ราคากลาง
    pub reference_price: Option<Amount>,
    pub method: Method,
    /// รายชื่อผู้เสนอราคาและราคาที่เสนอ
    #[serde(default)]
    pub bids: Vec<Bid>,
    /// ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง
    pub winner: Option<Winner>,
    /// เหตุผลที่คัดเลือกโดยสรุป
    pub reason: Option<String>,
    /// เลขที่และวันที่ของสัญญาหรือข้อตกลง
    pub contract: Option<Contract>,
    pub plan_item: Option<String>,
    /// Where the procurement stands: `done` (the default: selected and agreed), `pending`
    /// (not yet decided) or `cancelled`.
    #[serde(default)]
    pub status: RowStatus,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

/// Where a procurement of a สขร.1 row stands. A row is published once it is decided; a row
/// published before then says so, and so does one that was called off.
#[derive(
    Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum RowStatus {
    /// ดำเนินการแล้ว: a winner was selected and the price agreed.
    #[default]
    #[serde(alias = "ดำเนินการแล้ว")]
    Done,
    /// อยู่ระหว่างดำเนินการ: no winner or contract yet.
    #[serde(alias = "อยู่ระหว่างดำเนินการ")]
    Pending,
    /// ยกเลิก: called off; the reason says why.
    #[serde(alias = "ยกเลิก", alias = "canceled")]
    Cancelled,
}

impl RowStatus {
    /// What the form shows in place of a winner.
    pub fn label_th(self) -> &'static str {
        match self {
            RowStatus::Done => "ดำเนินการแล้ว",
            RowStatus::Pending => "อยู่ระหว่างดำเนินการ",
            RowStatus::Cancelled => "ยกเลิกการจัดซื้อจัดจ้าง",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bid {
    pub bidder: String,
    pub price: Amount,
    /// เลขประจำตัวผู้เสียภาษี
    pub tax_id: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Winner {
    pub name: String,
    pub price: Amount,
    pub tax_id: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    pub number: String,
    pub date: Date,
}

#[derive(Clone, Debug)]
pub struct Results {
    pub source: Source,
    pub data: ResultsFile,
}

/// Splits a Markdown announcement into its front matter (parsed as `T`) and body.
fn parse_record<T: serde::de::DeserializeOwned>(
    source: &Source,
) -> Result<(T, Option<(String, usize)>), Diagnostic> {
    let is_md = source.path.extension().is_some_and(|e| e == "md");
    if is_md {
        let (yaml, body, line) = crate::site::document::split_front_matter(source)?;
        let data = parse_yaml(source, yaml, 2)?;
        Ok((data, Some((body.to_owned(), line))))
    } else {
        Ok((parse_yaml(source, &source.text, 1)?, None))
    }
}

fn stem(source: &Source) -> String {
    source
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned()
}

impl Plan {
    pub fn load(source: Source) -> Result<Self, Diagnostic> {
        let (data, body): (PlanFile, _) = parse_record(&source)?;
        let fy = data.fiscal_year.0.be().to_string();
        if stem(&source) != fy {
            return Err(file_name_mismatch(
                &source,
                "fiscal_year:",
                &fy,
                "ปีงบประมาณ",
                "fiscal year",
            ));
        }
        let ids = data
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| item.id.clone().unwrap_or_else(|| (i + 1).to_string()))
            .collect();
        Ok(Self {
            source,
            data,
            ids,
            body,
        })
    }
}

impl ReferencePrice {
    pub fn load(source: Source) -> Result<Self, Diagnostic> {
        let (data, body) = parse_record(&source)?;
        Ok(Self {
            slug: stem(&source),
            source,
            data,
            body,
        })
    }
}

impl Results {
    pub fn load(source: Source) -> Result<Self, Diagnostic> {
        let data: ResultsFile = parse_yaml(&source, &source.text, 1)?;
        let month = data.month.0;
        let name = stem(&source);
        let matches = crate::thai::calendar::YearMonth::parse(&name).is_ok_and(|m| m == month);
        if !matches {
            let be = format!(
                "{}-{:02}",
                crate::thai::calendar::be(month.year),
                month.month
            );
            return Err(file_name_mismatch(&source, "month:", &be, "เดือน", "month"));
        }
        Ok(Self { source, data })
    }
}

fn file_name_mismatch(source: &Source, key: &str, value: &str, th: &str, en: &str) -> Diagnostic {
    let (l, c) = source.locate(key, 1).unwrap_or((1, 0));
    let name = stem(source);
    Diagnostic::error(
        crate::diagnostic::codes::FILE_NAME_MISMATCH,
        &source.path,
        Msg::new(
            format!("{th}ในไฟล์ ({value}) ไม่ตรงกับชื่อไฟล์ ({name})"),
            format!("the {en} in the file ({value}) does not match the file name ({name})"),
        ),
    )
    .at(&source.text, l, c)
    .field(key.trim_end_matches(':'))
    .help(Msg::new(
        format!("ตั้งชื่อไฟล์เป็น {value} หรือแก้ค่าในไฟล์ให้ตรงกับชื่อไฟล์"),
        format!("name the file {value}, or correct the value in the file"),
    ))
}
