//! Any table into a dataset: `content/data/NAME.csv` (the cells, UTF-8) and `NAME.yaml` (its
//! description with one typed column per header).

use super::cells::Cell;
use super::yaml;
use super::{Located, Problem, Sheet};

pub struct Table {
    pub sheet: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

pub struct Column {
    pub name: String,
    pub title: String,
    pub kind: &'static str,
}

/// The first non-empty row is the header; every row after it, to the last non-empty one, is
/// data. Each column takes the narrowest type all its cells have.
pub fn read(file: &str, sheet: &Sheet) -> Result<Table, Located> {
    let Some(h) = sheet
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.is_empty()))
    else {
        return Err(Located::at(
            file,
            sheet,
            None,
            None,
            Problem::new("แผ่นงานนี้ไม่มีข้อมูล", "the sheet is empty"),
        ));
    };
    let width = sheet.rows[h]
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    let mut columns = Vec::new();
    for c in 0..width {
        let title = sheet.cell(h, c).text().replace('\n', " ");
        if title.is_empty() {
            return Err(Located::at(
                file,
                sheet,
                Some(h + 1),
                Some(c),
                Problem::new("หัวคอลัมน์นี้ว่าง", "this column has no header")
                    .with_help("ใส่ชื่อคอลัมน์ในแถวหัวตาราง", "write a name in the header row"),
            ));
        }
        let ascii = title
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
            && title.starts_with(|ch: char| ch.is_ascii_alphabetic());
        let name = if ascii {
            title.to_lowercase()
        } else {
            format!("c{}", c + 1)
        };
        columns.push(Column {
            name,
            title,
            kind: "string",
        });
    }
    let last = sheet
        .rows
        .iter()
        .rposition(|r| r.iter().take(width).any(|c| !c.is_empty()))
        .unwrap_or(h);
    let data: Vec<&Vec<Cell>> = sheet.rows[h + 1..=last].iter().collect();
    for (c, col) in columns.iter_mut().enumerate() {
        let cells: Vec<&Cell> = data
            .iter()
            .map(|r| r.get(c).unwrap_or(&Cell::Empty))
            .filter(|v| !v.is_empty())
            .collect();
        let int = |v: &Cell| match v {
            Cell::Number(n) => n.fract() == 0.0,
            Cell::Text(t) => crate::thai::numerals::to_arabic_digits(t.trim())
                .replace(',', "")
                .parse::<i64>()
                .is_ok(),
            _ => false,
        };
        let num = |v: &Cell| match v {
            Cell::Number(_) => true,
            Cell::Text(t) => crate::thai::numerals::to_arabic_digits(t.trim())
                .replace(',', "")
                .parse::<f64>()
                .is_ok_and(f64::is_finite),
            _ => false,
        };
        let date = |v: &Cell| matches!(v, Cell::Date(_));
        col.kind = if cells.is_empty() {
            "string"
        } else if cells.iter().all(|v| int(v)) {
            "integer"
        } else if cells.iter().all(|v| num(v)) {
            "number"
        } else if cells.iter().all(|v| date(v)) {
            "date"
        } else {
            "string"
        };
    }
    let rows = data
        .iter()
        .map(|r| {
            columns
                .iter()
                .enumerate()
                .map(|(c, col)| {
                    let v = r.get(c).unwrap_or(&Cell::Empty);
                    match (col.kind, v) {
                        ("date", Cell::Date(d)) => yaml::date(*d),
                        ("integer" | "number", Cell::Text(t)) => {
                            crate::thai::numerals::to_arabic_digits(t.trim()).replace(',', "")
                        }
                        _ => v.text(),
                    }
                })
                .collect()
        })
        .collect();
    Ok(Table {
        sheet: sheet.name.clone(),
        columns,
        rows,
    })
}

pub fn to_csv(t: &Table) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(t.columns.iter().map(|c| c.name.as_str()));
    for r in &t.rows {
        let _ = w.write_record(r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

pub fn to_yaml(t: &Table, name: &str, file: &str) -> String {
    let mut out = format!(
        "# คำอธิบายชุดข้อมูล {name} (ข้อมูลอยู่ในไฟล์ {name}.csv ข้างไฟล์นี้)\n# นำเข้าจาก {file} แผ่นงาน {}\ntitle: {}    # ชื่อชุดข้อมูล แก้ให้บอกว่าเป็นข้อมูลอะไร\ndescription: \"\"    # คำอธิบาย\nkeywords: []    # คำสำคัญ\nupdate_frequency: irregular    # daily | weekly | monthly | quarterly | yearly | irregular\nsource: \"\"    # หน่วยงานที่เป็นแหล่งข้อมูล\n# topics: []    # หัวข้อ ITA (ถ้ามี)\ncolumns:    # หนึ่งรายการต่อหนึ่งคอลัมน์ของ CSV เรียงตามลำดับ\n",
        t.sheet,
        yaml::string(name)
    );
    for c in &t.columns {
        out.push_str(&format!(
            "  - {{name: {}, title: {}, type: {}}}\n",
            yaml::string(&c.name),
            yaml::string(&c.title),
            c.kind
        ));
    }
    out
}
