//! `prongsai import`: spreadsheets and CSV files as staff keep them (แบบ สขร.1 in Excel, an
//! e-GP plan, any table) turned into the content files `check` accepts. Pure apart from
//! reading the file: sheets in, YAML and CSV text out; the command writes them.
//!
//! Nothing is guessed silently: a cell that cannot be read stops the import with its sheet,
//! row and column, and what to change.

pub mod cells;
pub mod dataset;
pub mod plan;
pub mod results;
mod sheet;
pub mod yaml;

pub use cells::Cell;
pub use sheet::{Sheet, read_workbook};

use crate::diagnostic::Msg;
use crate::thai::calendar::YearMonth;

/// What is wrong with a cell or a sheet, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub msg: Msg,
    pub help: Option<Msg>,
}

impl Problem {
    pub fn new(th: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            msg: Msg::new(th, en),
            help: None,
        }
    }

    pub fn with_help(mut self, th: impl Into<String>, en: impl Into<String>) -> Self {
        self.help = Some(Msg::new(th, en));
        self
    }
}

/// A problem at a place of the file: `สขร1.xlsx แผ่นงาน ต.ค.66 แถว 7 คอลัมน์ F`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub file: String,
    pub sheet: Option<String>,
    /// 1-based, as the spreadsheet program numbers rows.
    pub row: Option<usize>,
    /// 0-based; shown as a letter.
    pub col: Option<usize>,
    pub problem: Problem,
}

impl Located {
    /// `problem` at `row` and `col` (either may be unknown) of `sheet` in `file`.
    pub fn at(
        file: &str,
        sheet: &Sheet,
        row: Option<usize>,
        col: Option<usize>,
        problem: Problem,
    ) -> Self {
        Self {
            file: file.to_owned(),
            sheet: Some(sheet.name.clone()),
            row,
            col,
            problem,
        }
    }

    pub fn place(&self) -> Msg {
        let mut th = self.file.clone();
        let mut en = self.file.clone();
        if let Some(s) = &self.sheet {
            th.push_str(&format!(" แผ่นงาน {s}"));
            en.push_str(&format!(" sheet {s}"));
        }
        if let Some(r) = self.row {
            th.push_str(&format!(" แถว {r}"));
            en.push_str(&format!(" row {r}"));
        }
        if let Some(c) = self.col {
            let letter = column_letter(c);
            th.push_str(&format!(" คอลัมน์ {letter}"));
            en.push_str(&format!(" column {letter}"));
        }
        Msg::new(th, en)
    }
}

/// `0` → `A`, `26` → `AA`.
pub fn column_letter(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A field of a record and the column headers that name it.
pub struct Field {
    pub key: &'static str,
    /// Headers equal to one of these (after [`normalize`]) name the field: English keys of
    /// the CSV prongsai publishes, short names.
    pub exact: &'static [&'static str],
    /// Headers containing one of these name it: the Thai names the forms print.
    pub contains: &'static [&'static str],
}

/// A header as compared: no spaces or line breaks, no "(บาท)", no numbering like "(1)",
/// lower case.
pub fn normalize(h: &str) -> String {
    let t = crate::thai::numerals::to_arabic_digits(h);
    let t = t.replace("(บาท)", "").replace("บาท", "");
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || "().".contains(c));
    t.to_lowercase()
}

/// The header of a sheet: where it is, how many rows it takes, and the column of each field.
#[derive(Debug)]
pub struct Header {
    /// 0-based index of the header's first row.
    pub row: usize,
    pub rows: usize,
    /// Field key → column.
    pub columns: Vec<(&'static str, usize)>,
}

impl Header {
    pub fn col(&self, key: &str) -> Option<usize> {
        self.columns
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| *c)
    }
}

/// Maps the header texts of one row (or two joined) onto `fields`, each field once, the
/// earlier field first when a header could name two.
fn map_columns(headers: &[String], fields: &[Field]) -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, usize)> = Vec::new();
    for (c, h) in headers.iter().enumerate() {
        let h = normalize(h);
        if h.is_empty() {
            continue;
        }
        let hit = fields.iter().find(|f| {
            !out.iter().any(|(k, _)| *k == f.key)
                && (f.exact.iter().any(|e| h == normalize(e))
                    || f.contains.iter().any(|p| h.contains(&normalize(p))))
        });
        if let Some(f) = hit {
            out.push((f.key, c));
        }
    }
    out
}

/// Finds the header among the first rows of `sheet`: the row, or two or three rows read
/// together (a header typed over two lines, or split under a merged heading), naming most of
/// `fields`. `None` when no row names every field of `required`.
pub fn find_header(sheet: &Sheet, fields: &[Field], required: &[&str]) -> Option<Header> {
    let mut best: Option<Header> = None;
    for row in 0..sheet.rows.len().min(25) {
        for rows in 1..=3 {
            if row + rows > sheet.rows.len() {
                break;
            }
            let width = sheet.width();
            let headers: Vec<String> = (0..width)
                .map(|c| {
                    (row..row + rows)
                        .map(|r| sheet.cell(r, c).text())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let columns = map_columns(&headers, fields);
            if !required.iter().all(|k| columns.iter().any(|(f, _)| f == k)) {
                continue;
            }
            if best
                .as_ref()
                .is_none_or(|b| columns.len() > b.columns.len())
            {
                best = Some(Header { row, rows, columns });
            }
        }
    }
    // A header typed over more lines than it needs to be recognised: the lines below it that
    // hold only words (no amount, no date) continue it, and so does a numbering row.
    if let Some(h) = best.as_mut() {
        while h.rows < 3 && is_continuation(sheet, h.row + h.rows) {
            h.rows += 1;
        }
    }
    best
}

fn is_continuation(sheet: &Sheet, row: usize) -> bool {
    let Some(cells) = sheet.rows.get(row) else {
        return false;
    };
    let filled: Vec<&Cell> = cells.iter().filter(|c| !c.is_empty()).collect();
    !filled.is_empty()
        && filled.iter().all(|c| match c {
            Cell::Text(t) => {
                (cells::amount(c).is_err() && cells::find_date(t).is_none()) || is_numbering(t)
            }
            _ => false,
        })
}

/// `(1)`, `1`, `๑`: the numbering row some forms print under the header.
pub fn is_numbering(t: &str) -> bool {
    let t = crate::thai::numerals::to_arabic_digits(t);
    let t = t.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// The first month written in `text` with a Thai month name and a year:
/// `สรุปผลการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2566`, `ต.ค.66`, `ประจำเดือน พ.ย. ๒๕๖๖`.
pub fn find_month(text: &str) -> Option<YearMonth> {
    let t = crate::thai::numerals::to_arabic_digits(text);
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '_')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_start_matches("เดือน");
        let (name, year) = match w.find(|c: char| c.is_ascii_digit()) {
            Some(p) if p > 0 => (&w[..p], Some(&w[p..])),
            _ => {
                let next = words.get(i + 1).copied();
                let year = if next == Some("พ.ศ.") {
                    words.get(i + 2).copied()
                } else {
                    next
                };
                (w, year)
            }
        };
        let Some(month) = cells::month_of_name(name) else {
            continue;
        };
        let Some(year) = year.map(|y| {
            y.trim_start_matches("พ.ศ.")
                .trim_end_matches(|c: char| !c.is_ascii_digit())
        }) else {
            continue;
        };
        if let Some(year) = cells::year(year) {
            return Some(YearMonth { year, month });
        }
    }
    None
}

/// The fiscal year in a title: `แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567`.
pub fn find_fiscal_year(text: &str) -> Option<crate::thai::calendar::FiscalYear> {
    let t = crate::thai::numerals::to_arabic_digits(text);
    let at = t.find("ปีงบประมาณ")?;
    let rest = &t[at + "ปีงบประมาณ".len()..];
    let digits: String = rest
        .trim_start()
        .trim_start_matches("พ.ศ.")
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    crate::thai::calendar::FiscalYear::parse(&digits).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_years_in_titles() {
        let oct66 = YearMonth {
            year: 2023,
            month: 10,
        };
        for t in [
            "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2566",
            "ต.ค.66",
            "ประจำเดือน ต.ค. ๒๕๖๖",
            "เดือนตุลาคม พ.ศ. 2566",
        ] {
            assert_eq!(find_month(t), Some(oct66), "{t}");
        }
        assert_eq!(find_month("สรุปผล"), None);
        assert_eq!(
            find_fiscal_year("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๗").map(|y| y.be()),
            Some(2567)
        );
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(5), "F");
        assert_eq!(column_letter(27), "AB");
    }
}
