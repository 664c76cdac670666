//! Reading a workbook (.xlsx, .xls, .ods with calamine) or a CSV file into sheets of cells.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;

use super::{Cell, Problem};

/// One sheet: its name and its rows, from the sheet's first row and column (so row 0 is the
/// spreadsheet's row 1).
#[derive(Clone, Debug)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

static EMPTY: Cell = Cell::Empty;

impl Sheet {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The text of the rows above `row`, joined: the title a form prints over its header.
    pub fn title_above(&self, row: usize) -> String {
        self.rows[..row.min(self.rows.len())]
            .iter()
            .flat_map(|r| r.iter().map(Cell::text))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Every sheet of the file at `path`: a workbook's sheets, or a CSV file as one sheet.
pub fn read_workbook(path: &Path) -> Result<Vec<Sheet>, Problem> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => read_csv(path),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_spreadsheet(path),
        _ => Err(Problem::new(
            format!("ไม่รู้จักชนิดของไฟล์ \"{}\"", path.display()),
            format!("\"{}\" is not a spreadsheet prongsai reads", path.display()),
        )
        .with_help(
            "ใช้ไฟล์ .xlsx, .xls, .ods หรือ .csv (ใน Excel: บันทึกเป็น > สมุดงาน Excel)",
            "use an .xlsx, .xls, .ods or .csv file",
        )),
    }
}

fn read_spreadsheet(path: &Path) -> Result<Vec<Sheet>, Problem> {
    let mut book = open_workbook_auto(path).map_err(|e| {
        Problem::new(
            format!("เปิดไฟล์ \"{}\" ไม่ได้: {e}", path.display()),
            format!("cannot open \"{}\": {e}", path.display()),
        )
        .with_help(
            "ตรวจว่าไฟล์ไม่ได้เสียหายและไม่ได้ตั้งรหัสผ่าน ลองเปิดแล้วบันทึกใหม่ใน Excel หรือ LibreOffice",
            "check that the file is not damaged or password-protected; open and save it again",
        )
    })?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| {
            Problem::new(
                format!("อ่านแผ่นงาน {name} ไม่ได้: {e}"),
                format!("cannot read sheet {name}: {e}"),
            )
        })?;
        // Rows and columns as the spreadsheet numbers them, from A1.
        let (top, left) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top];
        for r in range.rows() {
            let mut row = vec![Cell::Empty; left];
            row.extend(r.iter().map(cell));
            rows.push(row);
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => {
            super::cells::serial(dt.as_f64()).map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

fn read_csv(path: &Path) -> Result<Vec<Sheet>, Problem> {
    let bytes = std::fs::read(path).map_err(|e| {
        Problem::new(
            format!("อ่านไฟล์ \"{}\" ไม่ได้: {e}", path.display()),
            format!("cannot read \"{}\": {e}", path.display()),
        )
    })?;
    // UTF-8 (Excel's "CSV UTF-8"), or the old Thai encoding and UTF-16 other programs save.
    let (text, _) = crate::site::source::decode(bytes).map_err(|_| {
        Problem::new(
            format!(
                "ไฟล์ \"{}\" ไม่ใช่ข้อความ UTF-8, UTF-16 หรือภาษาไทยแบบ Windows-874",
                path.display()
            ),
            format!(
                "\"{}\" is neither UTF-8, UTF-16 nor Thai Windows-874 text",
                path.display()
            ),
        )
        .with_help(
            "ใน Excel ใช้ บันทึกเป็น > CSV UTF-8 (ตรึงด้วยจุลภาค) หรือนำเข้าไฟล์ .xlsx โดยตรง",
            "in Excel use Save As > CSV UTF-8, or import the .xlsx file itself",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            Problem::new(
                format!("อ่านบรรทัดที่ {} ของไฟล์ CSV ไม่ได้: {e}", i + 1),
                format!("cannot read line {} of the CSV file: {e}", i + 1),
            )
        })?;
        rows.push(
            record
                .iter()
                .map(|t| {
                    if t.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(t.to_owned())
                    }
                })
                .collect(),
        );
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(vec![Sheet { name, rows }])
}
