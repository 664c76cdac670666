//! A published table: its CSV (UTF-8 with byte-order mark, CRLF: Excel opens Thai correctly), its
//! rows as JSON objects, and its Frictionless Table Schema. Every dataset of the site is one or
//! more of these plus catalog metadata ([`Dataset`]).

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::output::{Body, Outputs};
use crate::render::Urls;
use crate::site::dataset::{ColumnType, Frequency};

/// One column: machine name, Thai title, type.
#[derive(Clone, Debug)]
pub struct Col {
    /// The key of the JSON rows, and the CSV header unless the column is [`Col::thai`].
    pub name: String,
    pub title: String,
    pub kind: ColumnType,
    /// The CSV's header is the Thai title: the table reproduces an official form.
    pub thai_header: bool,
}

impl Col {
    pub fn new(name: &str, title: &str, kind: ColumnType) -> Self {
        Self {
            name: name.to_owned(),
            title: title.to_owned(),
            kind,
            thai_header: false,
        }
    }

    /// A column of an official form, whose CSV header is the form's Thai column name; the JSON
    /// rows keep `name`.
    pub fn thai(name: &str, title: &str, kind: ColumnType) -> Self {
        Self {
            thai_header: true,
            ..Self::new(name, title, kind)
        }
    }

    /// The CSV header, which is also the field's name in the Table Schema.
    pub fn header(&self) -> &str {
        if self.thai_header {
            &self.title
        } else {
            &self.name
        }
    }
}

#[derive(Clone, Debug)]
pub struct Table {
    /// Resource name in the data package (lowercase letters, digits, `-`, `_`, `.`).
    pub name: String,
    /// File name beside the dataset's page, e.g. `plan.csv`.
    pub file: String,
    pub title: String,
    pub columns: Vec<Col>,
    /// Cells as text: numbers plain (`1234.50`), dates ISO (CE), empty for none.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(b"\xef\xbb\xbf".to_vec());
        // Writing to a Vec cannot fail.
        let _ = w.write_record(self.columns.iter().map(Col::header));
        for row in &self.rows {
            let cells: Vec<_> = row
                .iter()
                .zip(&self.columns)
                .map(|(cell, col)| match col.kind {
                    ColumnType::String => crlf(&as_text(cell)).into_owned().into(),
                    _ => crlf(cell),
                })
                .collect();
            let _ = w.write_record(cells.iter().map(|cell| cell.as_bytes()));
        }
        w.into_inner().unwrap_or_default()
    }

    /// The rows as JSON objects with typed values.
    pub fn json_rows(&self) -> Vec<Value> {
        self.rows
            .iter()
            .map(|row| {
                let mut obj = Map::new();
                for (cell, col) in row.iter().zip(&self.columns) {
                    obj.insert(col.name.clone(), typed(cell, col.kind));
                }
                Value::Object(obj)
            })
            .collect()
    }

    /// The Frictionless Data resource, with its Table Schema.
    pub fn resource(&self) -> Value {
        let fields: Vec<Value> = self
            .columns
            .iter()
            .map(|c| {
                let mut field = json!({
                    "name": c.header(),
                    "title": c.title,
                    "type": type_name(c.kind),
                });
                if c.thai_header {
                    // The English key the JSON rows use for the column.
                    field["description"] = Value::from(format!("JSON: {}", c.name));
                }
                field
            })
            .collect();
        json!({
            "name": self.name,
            "path": self.file,
            "title": self.title,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": { "fields": fields },
        })
    }
}

/// A text cell as Excel must show it: one that begins like a formula (`=`, `+`, `-`, `@`, a
/// tab or a carriage return) gets a leading apostrophe, so `=HYPERLINK(...)` typed as a
/// winner's name is shown, never run. Plain numbers (`-5`, `+66`) and a lone `-` (the forms'
/// "none") are left as they are. The JSON beside the CSV keeps the value as typed.
pub fn as_text(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = {
        let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
        !digits.is_empty()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && digits.starts_with(|c: char| c.is_ascii_digit())
    };
    let dashes = cell.chars().all(|c| c == '-');
    if risky && !number && !dashes {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell with every line break inside it written CRLF, like the rows around it.
fn crlf(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.contains(['\n', '\r']) {
        std::borrow::Cow::Owned(
            cell.replace("\r\n", "\n")
                .replace('\r', "\n")
                .replace('\n', "\r\n"),
        )
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn type_name(kind: ColumnType) -> &'static str {
    match kind {
        ColumnType::String => "string",
        ColumnType::Integer => "integer",
        ColumnType::Number => "number",
        ColumnType::Date => "date",
        ColumnType::Boolean => "boolean",
    }
}

/// A cell as a JSON value of its column's type (`null` when empty).
pub fn typed(cell: &str, kind: ColumnType) -> Value {
    if cell.is_empty() && kind != ColumnType::String {
        return Value::Null;
    }
    match kind {
        ColumnType::Integer => cell.parse::<i64>().map_or(Value::Null, Value::from),
        ColumnType::Number => cell
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        ColumnType::Boolean => Value::Bool(cell == "true"),
        ColumnType::String | ColumnType::Date => Value::String(cell.to_owned()),
    }
}

/// A dataset of the catalog: metadata and the tables published in its folder.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Stable identifier, e.g. `procurement-plan-2566`.
    pub id: String,
    /// The folder (and page) of the dataset, e.g. `procurement/plans/2566/`.
    pub dir: String,
    pub title: String,
    pub description: String,
    pub keywords: Vec<String>,
    pub frequency: Frequency,
    pub license: String,
    /// ประเภทชุดข้อมูล (DGA): ข้อมูลระเบียน, ข้อมูลสถิติ, ...
    pub dataset_type: String,
    /// The division the data comes from.
    pub source: String,
    pub objective: String,
    pub issued: Option<NaiveDate>,
    pub modified: Option<NaiveDate>,
    /// The fiscal year the data covers, if one.
    pub fiscal_year: Option<i32>,
    /// The period the data covers when it is not a fiscal year (first and last day).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The EU data theme (`GOVE`, `ECON`, ...), which CKAN's DCAT profiles read.
    pub theme: &'static str,
    /// หมวดหมู่ข้อมูลตามธรรมาภิบาลข้อมูลภาครัฐ.
    pub category: crate::site::dataset::DataCategory,
    /// Who answers questions about this dataset, when not the organisation's own address.
    pub contact: Option<Contact>,
    pub tables: Vec<Table>,
    /// Other files in the folder (e.g. a JSON of the whole record), with media types.
    pub extra_files: Vec<(String, &'static str)>,
}

/// A dataset's own contact (DGA: ผู้ติดต่อ, อีเมลผู้ติดต่อ).
#[derive(Clone, Debug)]
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
}

impl Dataset {
    /// Writes the CSV of every table and `datapackage.json` into the dataset's folder.
    pub fn publish(&self, urls: &Urls, out: &mut Outputs) {
        for t in &self.tables {
            out.add(format!("{}{}", self.dir, t.file), Body::Bytes(t.csv()));
        }
        let package = json!({
            "name": self.id,
            "title": self.title,
            "description": self.description,
            "homepage": urls.abs(&self.dir),
            "keywords": self.keywords,
            "licenses": [license(&self.license)],
            "profile": "tabular-data-package",
            "resources": self.tables.iter().map(Table::resource).collect::<Vec<_>>(),
        });
        out.add_text(
            format!("{}datapackage.json", self.dir),
            crate::output::pretty_json(&package),
        );
    }

    /// Every downloadable file: (file name, media type).
    pub fn files(&self) -> Vec<(String, &'static str)> {
        let mut files: Vec<(String, &'static str)> = self
            .tables
            .iter()
            .map(|t| (t.file.clone(), "text/csv"))
            .collect();
        files.extend(self.extra_files.iter().cloned());
        files.push(("datapackage.json".to_owned(), "application/json"));
        files
    }
}

/// Baht as a JSON number (`1234.5`).
pub fn money_number(m: crate::thai::money::Money) -> serde_json::Value {
    m.decimal()
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(serde_json::Value::Null, serde_json::Value::Number)
}

/// A license as a data package names it.
pub fn license(id: &str) -> Value {
    match crate::site::license::known(id) {
        Some(l) => json!({"name": l.id, "path": l.url, "title": l.title}),
        None => json!({"name": id, "title": id}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_and_crlf() {
        let t = Table {
            name: "t".into(),
            file: "t.csv".into(),
            title: "t".into(),
            columns: vec![
                Col::new("a", "ก", ColumnType::String),
                Col::new("n", "น", ColumnType::Number),
            ],
            rows: vec![
                vec!["ไทย, ครับ".into(), "1.50".into()],
                vec!["ก\nข\r\nค".into(), "2".into()],
            ],
        };
        let csv = t.csv();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "\u{feff}a,n\r\n\"ไทย, ครับ\",1.50\r\n\"ก\r\nข\r\nค\",2\r\n"
        );
        assert_eq!(t.json_rows()[0]["n"], json!(1.5));
    }
}

#[cfg(test)]
mod formula_tests {
    use super::as_text;

    #[test]
    fn cells_that_excel_would_run_are_written_as_text() {
        for cell in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1",
        ] {
            assert_eq!(as_text(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in [
            "-",
            "---",
            "-5",
            "+66",
            "-1,000.50",
            "ร้าน =ดี",
            "",
            "12/2566",
        ] {
            assert_eq!(as_text(cell), cell, "{cell:?}");
        }
    }
}
