//! Generic datasets: `content/data/NAME.csv` with its metadata in `NAME.yaml`. The CSV is read
//! and every cell checked against its column's type, so the published data is what it claims.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Msg};
use crate::site::source::{Source, parse_yaml};

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DatasetMeta {
    pub title: String,
    pub description: Option<String>,
    /// วัตถุประสงค์ (DGA catalog)
    pub objective: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub update_frequency: Frequency,
    /// หน่วยงานหรือส่วนราชการที่เป็นแหล่งข้อมูล
    pub source: Option<String>,
    pub license: Option<String>,
    /// ประเภทชุดข้อมูล (DGA): ข้อมูลสถิติ, ข้อมูลระเบียน, ...
    pub dataset_type: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// วันที่เริ่มเผยแพร่ (default: the earliest date of the site's records)
    pub issued: Option<crate::site::values::Date>,
    /// วันที่ปรับปรุงข้อมูลล่าสุด (default: the latest date of the site's records)
    pub modified: Option<crate::site::values::Date>,
    /// ช่วงเวลาของข้อมูล (default: the fiscal years from `issued` to `modified`)
    pub period: Option<Period>,
    /// หมวดหมู่ตามคำศัพท์ data-theme ของสหภาพยุโรป (default: GOVE)
    pub theme: Option<Theme>,
    /// หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ (default: ข้อมูลสาธารณะ)
    #[serde(default)]
    pub category: DataCategory,
    #[serde(default)]
    pub section9: Vec<u8>,
    pub columns: Vec<Column>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(
    Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
    #[default]
    Irregular,
}

impl Frequency {
    pub fn label_th(self) -> &'static str {
        match self {
            Frequency::Daily => "รายวัน",
            Frequency::Weekly => "รายสัปดาห์",
            Frequency::Monthly => "รายเดือน",
            Frequency::Quarterly => "รายไตรมาส",
            Frequency::Yearly => "รายปี",
            Frequency::Irregular => "ไม่สม่ำเสมอ",
        }
    }

    /// The EU frequency vocabulary term (for DCAT's `dct:accrualPeriodicity`).
    pub fn eu_term(self) -> &'static str {
        match self {
            Frequency::Daily => "DAILY",
            Frequency::Weekly => "WEEKLY",
            Frequency::Monthly => "MONTHLY",
            Frequency::Quarterly => "QUARTERLY",
            Frequency::Yearly => "ANNUAL",
            Frequency::Irregular => "IRREG",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The CSV header name (ASCII is best for programs).
    pub name: String,
    /// The Thai title shown to people.
    pub title: Option<String>,
    #[serde(rename = "type", default)]
    pub kind: ColumnType,
    pub description: Option<String>,
}

#[derive(
    Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ColumnType {
    #[default]
    String,
    Integer,
    Number,
    Date,
    Boolean,
}

/// The first and last day the data covers.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: crate::site::values::Date,
    pub to: crate::site::values::Date,
}

/// หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ: the category the national catalog (GD Catalog)
/// asks of every dataset under the government data-governance framework. The framework's other
/// two, ข้อมูลความลับทางราชการ and ข้อมูลความมั่นคง, are not offered: such data is not published.
#[derive(
    Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum DataCategory {
    /// ข้อมูลสาธารณะ: open to anyone (everything a site publishes, unless staff say otherwise).
    #[default]
    Public,
    /// ข้อมูลส่วนบุคคล: about identifiable people, published because a law requires it.
    Personal,
}

impl DataCategory {
    pub fn label_th(self) -> &'static str {
        match self {
            DataCategory::Public => "ข้อมูลสาธารณะ",
            DataCategory::Personal => "ข้อมูลส่วนบุคคล",
        }
    }
}

/// The EU data-theme vocabulary (`http://publications.europa.eu/resource/authority/data-theme/`),
/// which CKAN's DCAT profiles understand.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum Theme {
    Agri,
    Econ,
    Educ,
    Ener,
    Envi,
    Gove,
    Heal,
    Intr,
    Just,
    Regi,
    Soci,
    Tech,
    Tran,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Agri => "AGRI",
            Theme::Econ => "ECON",
            Theme::Educ => "EDUC",
            Theme::Ener => "ENER",
            Theme::Envi => "ENVI",
            Theme::Gove => "GOVE",
            Theme::Heal => "HEAL",
            Theme::Intr => "INTR",
            Theme::Just => "JUST",
            Theme::Regi => "REGI",
            Theme::Soci => "SOCI",
            Theme::Tech => "TECH",
            Theme::Tran => "TRAN",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Dataset {
    /// `NAME` of `content/data/NAME.yaml`.
    pub slug: String,
    pub source: Source,
    pub meta: DatasetMeta,
    /// The rows, cells normalised (dates ISO, numbers plain).
    pub rows: Vec<Vec<String>>,
    /// The first and last commit of its files, where the site is a git checkout.
    pub history: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// The CSV file, when it was saved in an old encoding: its path and the encoding.
    pub csv_legacy: Option<(std::path::PathBuf, &'static str)>,
}

impl Dataset {
    /// Loads `NAME.yaml` and the `NAME.csv` beside it.
    pub fn load(root: &Path, yaml: Source) -> Result<Self, Vec<Diagnostic>> {
        let meta: DatasetMeta = parse_yaml(&yaml, &yaml.text, 1).map_err(|d| vec![d])?;
        let csv_rel = yaml.path.with_extension("csv");
        let slug = yaml
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        if meta.columns.is_empty() {
            let (l, c) = yaml.locate("columns:", 1).unwrap_or((1, 0));
            return Err(vec![
                Diagnostic::error(crate::diagnostic::codes::COLUMNS_MISSING,
                    &yaml.path,
                    Msg::new("ยังไม่ได้อธิบายคอลัมน์ (columns)", "the columns are not described"),
                )
                .at(&yaml.text, l, c)
                .field("columns")
                .help(Msg::new(
                    "ใส่คอลัมน์ละหนึ่งรายการตามลำดับในไฟล์ CSV เช่น - {name: quarter, title: ไตรมาส, type: integer}",
                    "add one entry per CSV column in order, e.g. - {name: quarter, title: ไตรมาส, type: integer}",
                )),
            ]);
        }
        if !root.join(&csv_rel).is_file() {
            return Err(vec![
                Diagnostic::error(
                    crate::diagnostic::codes::CSV_MISSING,
                    &yaml.path,
                    Msg::new(
                        format!("ไม่พบไฟล์ข้อมูล {}", csv_rel.display()),
                        format!("the data file {} does not exist", csv_rel.display()),
                    ),
                )
                .help(Msg::new(
                    format!("วางไฟล์ CSV ชื่อ {slug}.csv ไว้ข้างไฟล์นี้"),
                    format!("put the CSV file {slug}.csv beside this file"),
                )),
            ]);
        }
        let csv_source = Source::read(root, &csv_rel).map_err(|d| vec![d])?;
        let rows = read_rows(&csv_source, &meta.columns)?;
        // Only asked when the dataset does not give both dates itself.
        let history = if meta.issued.is_some() && meta.modified.is_some() {
            None
        } else {
            crate::site::history::file_dates(root, &[&yaml.path, &csv_rel])
        };
        Ok(Self {
            history,
            slug,
            source: yaml,
            meta,
            rows,
            csv_legacy: csv_source.legacy.map(|e| (csv_source.path.clone(), e)),
        })
    }
}

fn read_rows(csv: &Source, columns: &[Column]) -> Result<Vec<Vec<String>>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.text.as_bytes());
    let mut rows = Vec::new();
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    for (i, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                errors.push(
                    Diagnostic::error(
                        crate::diagnostic::codes::CSV_UNREADABLE,
                        &csv.path,
                        Msg::new(
                            format!("อ่าน CSV ไม่ได้: {e}"),
                            format!("cannot read the CSV: {e}"),
                        ),
                    )
                    .at(&csv.text, line, 0),
                );
                break;
            }
        };
        let line = record
            .position()
            .map_or(i + 1, |p| usize::try_from(p.line()).unwrap_or(i + 1));
        let cells: Vec<&str> = record.iter().collect();
        if i == 0 {
            let header: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
            if header != names {
                errors.push(
                    Diagnostic::error(crate::diagnostic::codes::CSV_HEADER,
                        &csv.path,
                        Msg::new(
                            format!("หัวตารางของ CSV ({}) ไม่ตรงกับคอลัมน์ที่อธิบายไว้ ({})", header.join(","), names.join(",")),
                            format!("the CSV header ({}) does not match the described columns ({})", header.join(","), names.join(",")),
                        ),
                    )
                    .at(&csv.text, line, 1)
                    .help(Msg::new(
                        "แถวแรกของ CSV ต้องเป็นชื่อคอลัมน์ (name) ตามลำดับใน columns: ของไฟล์ .yaml",
                        "the first CSV row must hold the column names, in the order of columns: in the .yaml file",
                    )),
                );
                return Err(errors);
            }
            continue;
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if cells.len() != columns.len() {
            errors.push(
                Diagnostic::error(
                    crate::diagnostic::codes::CSV_ROW_LENGTH,
                    &csv.path,
                    Msg::new(
                        format!("แถวนี้มี {} ช่อง แต่ตารางมี {} คอลัมน์", cells.len(), columns.len()),
                        format!(
                            "this row has {} cells, the table has {} columns",
                            cells.len(),
                            columns.len()
                        ),
                    ),
                )
                .at(&csv.text, line, 1)
                .help(Msg::new(
                    "ตรวจเครื่องหมายจุลภาค (,) ข้อความที่มีจุลภาคต้องครอบด้วย \"...\"",
                    "check the commas; text containing a comma must be in quotes",
                )),
            );
            continue;
        }
        let mut row = Vec::with_capacity(cells.len());
        for (cell, col) in cells.iter().zip(columns) {
            match normalize_cell(cell.trim(), col.kind) {
                Ok(v) => row.push(v),
                Err((th, en)) => errors.push(
                    Diagnostic::error(
                        crate::diagnostic::codes::CSV_CELL,
                        &csv.path,
                        Msg::new(
                            format!("ค่า \"{cell}\" ในคอลัมน์ {} ไม่ใช่{th}", col.name),
                            format!("\"{cell}\" in column {} is not {en}", col.name),
                        ),
                    )
                    .at(&csv.text, line, 0)
                    .field(col.name.clone()),
                ),
            }
        }
        rows.push(row);
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Checks a cell against its type and returns it as data files write it.
fn normalize_cell(cell: &str, kind: ColumnType) -> Result<String, (&'static str, &'static str)> {
    if cell.is_empty() {
        return Ok(String::new());
    }
    let arabic = crate::thai::numerals::to_arabic_digits(cell);
    match kind {
        ColumnType::String => Ok(cell.to_owned()),
        ColumnType::Integer => {
            let plain = arabic.replace(',', "");
            plain
                .parse::<i64>()
                .map(|n| n.to_string())
                .map_err(|_| ("จำนวนเต็ม", "an integer"))
        }
        ColumnType::Number => {
            let plain = arabic.replace(',', "");
            plain
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(|_| plain.clone())
                .ok_or(("ตัวเลข", "a number"))
        }
        ColumnType::Date => crate::thai::calendar::parse_date(cell)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .map_err(|_| ("วันที่แบบ ปี-เดือน-วัน", "a date (YYYY-MM-DD)")),
        ColumnType::Boolean => match cell.to_lowercase().as_str() {
            "true" | "yes" | "ใช่" | "มี" => Ok("true".into()),
            "false" | "no" | "ไม่ใช่" | "ไม่มี" => Ok("false".into()),
            _ => Err(("ค่าจริง/เท็จ (true/false)", "true or false")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_normalized() {
        assert_eq!(
            normalize_cell("๑,๒๐๐", ColumnType::Integer).unwrap(),
            "1200"
        );
        assert_eq!(
            normalize_cell("2566-01-15", ColumnType::Date).unwrap(),
            "2023-01-15"
        );
        assert!(normalize_cell("abc", ColumnType::Number).is_err());
        assert_eq!(normalize_cell("", ColumnType::Integer).unwrap(), "");
    }
}
