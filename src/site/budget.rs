//! `content/budget/FY.yaml`: the annual budget ordinance (เทศบัญญัติ / ข้อบัญญัติงบประมาณรายจ่าย
//! ประจำปี) as appropriations by programme, and what has been spent of it, quarter by quarter.
//! Section 9 (3) asks for "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปี"; the spending reports are
//! published under 9 (8).

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Msg, codes};
use crate::site::document::AttachmentRef;
use crate::site::source::{Source, parse_yaml};
use crate::site::values::{Amount, Date, Fy};
use crate::thai::calendar::FiscalYear;

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetFile {
    pub fiscal_year: Fy,
    /// The ordinance's title, e.g. เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2566.
    pub title: Option<String>,
    /// The day it was announced (ประกาศใช้).
    pub announced: Option<Date>,
    /// The total the ordinance states, checked against the appropriations.
    pub total: Option<Amount>,
    /// งบประมาณรายจ่ายจำแนกตามแผนงาน
    pub appropriations: Vec<Appropriation>,
    /// รายงานผลการใช้จ่ายงบประมาณ: what was spent, by quarter of the fiscal year.
    #[serde(default)]
    pub spending: Vec<Spending>,
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appropriation {
    /// แผนงาน, as the ordinance names it (แผนงานบริหารงานทั่วไป).
    pub plan: String,
    /// The division that spends it.
    pub department: Option<String>,
    pub amount: Amount,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spending {
    /// 1 (October–December) to 4 (July–September).
    pub quarter: u8,
    /// The appropriation's `plan`.
    pub plan: String,
    pub amount: Amount,
}

/// A budget file, with where it came from.
#[derive(Clone, Debug)]
pub struct Budget {
    pub source: Source,
    pub data: BudgetFile,
}

impl Budget {
    pub fn load(source: Source) -> Result<Self, Diagnostic> {
        let data: BudgetFile = parse_yaml(&source, &source.text, 1)?;
        let fy = data.fiscal_year.0.be();
        let stem = source
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if stem != fy.to_string() {
            let (l, c) = source.locate("fiscal_year:", 1).unwrap_or((1, 0));
            return Err(Diagnostic::error(
                codes::FILE_NAME_MISMATCH,
                &source.path,
                Msg::new(
                    format!("ปีงบประมาณในไฟล์ ({fy}) ไม่ตรงกับชื่อไฟล์ ({stem}.yaml)"),
                    format!("the fiscal year in the file ({fy}) does not match the file name ({stem}.yaml)"),
                ),
            )
            .at(&source.text, l, c)
            .field("fiscal_year")
            .help(Msg::new(
                "ตั้งชื่อไฟล์เป็นปีงบประมาณ เช่น content/budget/2566.yaml",
                "name the file after the fiscal year, e.g. content/budget/2566.yaml",
            )));
        }
        Ok(Self { source, data })
    }

    pub fn fiscal_year(&self) -> FiscalYear {
        self.data.fiscal_year.0
    }

    /// The title pages and catalogs show.
    pub fn title(&self) -> String {
        self.data.title.clone().unwrap_or_else(|| {
            format!(
                "งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {}",
                self.fiscal_year().be()
            )
        })
    }

    /// What was spent of `plan` in `quarter` (1–4), in satang.
    pub fn spent(&self, plan: &str, quarter: u8) -> i64 {
        self.data
            .spending
            .iter()
            .filter(|s| s.plan == plan && s.quarter == quarter)
            .fold(0, |a, s| a.saturating_add(s.amount.0.satang()))
    }

    /// The last quarter with any spending reported.
    pub fn reported_quarters(&self) -> u8 {
        self.data
            .spending
            .iter()
            .map(|s| s.quarter)
            .max()
            .unwrap_or(0)
    }
}

/// The budget's own consistency: quarters 1–4, spending of programmes the ordinance has, the
/// stated total equal to the appropriations, nothing spent over its appropriation.
pub fn check(b: &Budget) -> Vec<Diagnostic> {
    let src = &b.source;
    let mut out = Vec::new();
    let plans: Vec<&str> = b
        .data
        .appropriations
        .iter()
        .map(|a| a.plan.as_str())
        .collect();
    let mut from = 1;
    for (i, s) in b.data.spending.iter().enumerate() {
        let (l, c) = src.locate("quarter:", from).unwrap_or((0, 0));
        from = l.max(from);
        if !(1..=4).contains(&s.quarter) {
            out.push(
                Diagnostic::error(
                    codes::BUDGET_QUARTER,
                    &src.path,
                    Msg::new(
                        format!("ไตรมาส {} ไม่มีในปีงบประมาณ (มีไตรมาส 1 ถึง 4)", s.quarter),
                        format!("there is no quarter {} in a fiscal year (1 to 4)", s.quarter),
                    ),
                )
                .at(&src.text, l, c)
                .field(format!("spending[{i}].quarter"))
                .help(Msg::new(
                    "ไตรมาส 1 คือ ต.ค.–ธ.ค., 2 คือ ม.ค.–มี.ค., 3 คือ เม.ย.–มิ.ย., 4 คือ ก.ค.–ก.ย.",
                    "quarter 1 is October–December, 2 January–March, 3 April–June, 4 July–September",
                )),
            );
        }
        if !plans.contains(&s.plan.as_str()) {
            let (l, c) = src.locate(&s.plan, from).unwrap_or((l, c));
            out.push(
                Diagnostic::error(
                    codes::BUDGET_PLAN_UNKNOWN,
                    &src.path,
                    Msg::new(
                        format!("ไม่มีแผนงาน \"{}\" ในงบประมาณรายจ่าย (appropriations)", s.plan),
                        format!("the appropriations have no programme \"{}\"", s.plan),
                    ),
                )
                .at(&src.text, l, c)
                .field(format!("spending[{i}].plan"))
                .help(Msg::new(
                    format!("เขียนชื่อแผนงานให้ตรงกับใน appropriations: {}", plans.join(", ")),
                    format!(
                        "write the programme as the appropriations do: {}",
                        plans.join(", ")
                    ),
                )),
            );
        }
    }
    let sum = b
        .data
        .appropriations
        .iter()
        .try_fold(0i64, |a, x| a.checked_add(x.amount.0.satang()));
    if let (Some(total), Some(sum)) = (b.data.total, sum)
        && total.0.satang() != sum
    {
        let (l, c) = src.locate("total:", 1).unwrap_or((0, 0));
        out.push(
            Diagnostic::error(
                codes::BUDGET_TOTAL,
                &src.path,
                Msg::new(
                    format!(
                        "ยอดรวม (total) {} บาท ไม่เท่ากับผลรวมของแผนงาน {} บาท",
                        total.0.format(),
                        crate::thai::money::Money(sum).format()
                    ),
                    format!(
                        "the total {} baht is not the sum of the programmes, {} baht",
                        total.0.format(),
                        crate::thai::money::Money(sum).format()
                    ),
                ),
            )
            .at(&src.text, l, c)
            .field("total")
            .help(Msg::new(
                "ตรวจจำนวนเงินของแต่ละแผนงานหรือยอดรวมให้ตรงกับเทศบัญญัติ",
                "check each programme's amount or the total against the ordinance",
            )),
        );
    }
    for a in &b.data.appropriations {
        let spent: i64 = (1..=4)
            .map(|q| b.spent(&a.plan, q))
            .fold(0, i64::saturating_add);
        if spent > a.amount.0.satang() {
            let (l, c) = src.locate(&a.plan, 1).unwrap_or((0, 0));
            out.push(
                Diagnostic::warning(
                    codes::OVER_BUDGET,
                    &src.path,
                    Msg::new(
                        format!(
                            "แผนงาน {} ใช้จ่ายรวม {} บาท เกินงบประมาณ {} บาท",
                            a.plan,
                            crate::thai::money::Money(spent).format(),
                            a.amount.0.format()
                        ),
                        format!(
                            "{} spent {} baht, more than its {} baht",
                            a.plan,
                            crate::thai::money::Money(spent).format(),
                            a.amount.0.format()
                        ),
                    ),
                )
                .at(&src.text, l, c)
                .help(Msg::new(
                    "ตรวจจำนวนเงินที่ใช้จ่าย หรือใส่งบประมาณที่โอนเพิ่มแล้ว",
                    "check the spending, or the appropriation after transfers",
                )),
            );
        }
    }
    out
}
