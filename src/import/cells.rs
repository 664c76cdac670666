//! Cells as staff type them: amounts with commas, Thai digits and "บาท"; dates in Thai
//! (`๑ พ.ย. ๒๕๖๖`, `1 พฤศจิกายน 2566`, `01/11/2566`) or as Excel stores them; several bidders
//! with their prices in one cell; a contract's number and date in one cell.

use chrono::NaiveDate;

use super::Problem;
use crate::thai::calendar::{MONTHS, MONTHS_ABBR, to_ce_year};
use crate::thai::money::Money;
use crate::thai::numerals::to_arabic_digits;

/// A cell of a sheet, as the file holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell Excel or LibreOffice formatted as a date.
    Date(NaiveDate),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The text of the cell; numbers as written without exponent.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

/// An amount in baht. `None` for an empty cell or a dash.
pub fn amount(cell: &Cell) -> Result<Option<Money>, Problem> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => {
            let satang = (n * 100.0).round();
            if !satang.is_finite() || satang.abs() > 1e17 {
                return Err(not_amount(&cell.text()));
            }
            Ok(Some(Money(satang as i64)))
        }
        Cell::Date(_) => Err(not_amount(&cell.text())),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() || is_dash(t) {
                return Ok(None);
            }
            parse_amount(t).map(Some).ok_or_else(|| not_amount(t))
        }
    }
}

fn is_dash(t: &str) -> bool {
    t.chars().all(|c| matches!(c, '-' | '–' | '—' | ' '))
}

/// `"11,800.00 บาท"`, `"๑๑,๘๐๐"`, `"ราคา 11,800 บาท"`.
fn parse_amount(t: &str) -> Option<Money> {
    let t = t.trim();
    let t = t.strip_prefix("ราคา").map_or(t, str::trim_start);
    Money::parse(t).ok()
}

fn not_amount(t: &str) -> Problem {
    Problem::new(
        format!("อ่าน \"{t}\" เป็นจำนวนเงินไม่ได้"),
        format!("\"{t}\" is not an amount of money"),
    )
    .with_help(
        "เขียนเป็นตัวเลข เช่น 11,800.00 หรือ 11800 (มีคำว่า บาท ต่อท้ายได้)",
        "write a number such as 11,800.00 or 11800 (a trailing บาท is fine)",
    )
}

/// A date in a cell. Excel serial numbers count days from 30 December 1899.
pub fn date(cell: &Cell) -> Result<Option<NaiveDate>, Problem> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => serial(*n).map(Some).ok_or_else(|| not_date(&cell.text())),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() || is_dash(t) {
                return Ok(None);
            }
            find_date(t)
                .map(|(d, _)| Some(d))
                .ok_or_else(|| not_date(t))
        }
    }
}

/// The day an Excel date serial stands for.
pub fn serial(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n.floor() as u64))
}

fn not_date(t: &str) -> Problem {
    Problem::new(
        format!("อ่าน \"{t}\" เป็นวันที่ไม่ได้"),
        format!("\"{t}\" is not a date"),
    )
    .with_help(
        "เขียนวันที่เช่น 1 พ.ย. 2566, 1 พฤศจิกายน 2566 หรือ 01/11/2566",
        "write the date as 1 พ.ย. 2566, 1 พฤศจิกายน 2566 or 01/11/2566",
    )
}

/// A year as staff write it: four digits BE or CE, or two digits of a BE year (`66`).
pub(super) fn year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    match y.len() {
        2 => Some(to_ce_year(2500 + n)),
        4 => Some(to_ce_year(n)),
        _ => None,
    }
}

/// A Thai month name, full or abbreviated, with or without its dots.
pub fn month_of_name(word: &str) -> Option<u32> {
    let bare = |s: &str| s.replace(['.', ' '], "");
    let w = bare(word);
    if w.is_empty() {
        return None;
    }
    (0..12u32)
        .find(|&i| {
            let i = i as usize;
            w == bare(MONTHS[i]) || w == bare(MONTHS_ABBR[i])
        })
        .map(|i| i + 1)
}

/// The first date written in `text`, and the byte range it takes.
pub fn find_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let t = to_arabic_digits(text);
    // Thai digits are three bytes, Arabic one: work on the converted text, so ranges refer
    // to it; callers only use them on text they converted the same way.
    let tokens = tokens(&t);
    for (i, (tok, range)) in tokens.iter().enumerate() {
        // 01/11/2566, 1-11-66, 2566-11-01
        for sep in ['/', '-', '.'] {
            let parts: Vec<&str> = tok.split(sep).collect();
            if parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            {
                let (d, m, y) = if parts[0].len() == 4 {
                    (parts[2], parts[1], parts[0])
                } else {
                    (parts[0], parts[1], parts[2])
                };
                if let (Ok(d), Ok(m), Some(y)) = (d.parse(), m.parse(), year(y))
                    && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
                {
                    return Some((date, range.clone()));
                }
            }
        }
        // 1 พ.ย. 2566 / 1 พฤศจิกายน 66 / 1พ.ย.66
        if let Some((day, rest)) = split_leading_digits(tok) {
            let (month_word, year_tok, end) = if rest.is_empty() {
                match (tokens.get(i + 1), tokens.get(i + 2)) {
                    (Some((m, _)), Some((y, r))) => (m.as_str(), y.as_str(), r.end),
                    _ => continue,
                }
            } else if let Some((m, y)) = split_trailing_digits(rest) {
                (m, y, range.end)
            } else {
                match tokens.get(i + 1) {
                    Some((y, r)) => (rest, y.as_str(), r.end),
                    None => continue,
                }
            };
            let year_tok = year_tok.trim_end_matches(|c: char| !c.is_ascii_digit());
            if let (Some(m), Some(y), Ok(d)) =
                (month_of_name(month_word), year(year_tok), day.parse())
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                return Some((date, range.start..end));
            }
        }
    }
    None
}

/// Whitespace-separated tokens with their byte ranges.
fn tokens(t: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices() {
        let sep = c.is_whitespace() || c == ',' || c == '(' || c == ')';
        match (sep, start) {
            (true, Some(s)) => {
                out.push((t[s..i].to_owned(), s..i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((t[s..].to_owned(), s..t.len()));
    }
    out
}

fn split_leading_digits(tok: &str) -> Option<(&str, &str)> {
    let n = tok.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&n).then(|| (&tok[..n], &tok[n..]))
}

fn split_trailing_digits(tok: &str) -> Option<(&str, &str)> {
    let n = tok.bytes().rev().take_while(u8::is_ascii_digit).count();
    (n == 2 || n == 4).then(|| (&tok[..tok.len() - n], &tok[tok.len() - n..]))
}

/// A name with a price: `"ร้านตัวอย่าง 11,800.00 บาท"`, `"1. ร้านตัวอย่าง ราคา 11,800"`,
/// `"ร้านตัวอย่าง/11,800"`.
pub fn name_and_price(line: &str) -> Option<(String, Money)> {
    let line = to_arabic_digits(line.trim());
    let line = strip_numbering(&line);
    let body = line.trim_end();
    let body = body.strip_suffix("บาท").map_or(body, str::trim_end);
    let body = body.strip_suffix(".-").unwrap_or(body);
    // The amount is the last run of digits, commas and a point.
    let start = body
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == ',' || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let price = Money::parse(&body[start..]).ok()?;
    let name = body[..start]
        .trim_end()
        .trim_end_matches(['/', ':', '-', '–', '='])
        .trim_end();
    let name = name
        .strip_suffix("เสนอราคา")
        .or_else(|| name.strip_suffix("ราคาที่ตกลง"))
        .or_else(|| name.strip_suffix("ราคา"))
        .unwrap_or(name)
        .trim_end()
        .trim_end_matches([':', '-'])
        .trim();
    (!name.is_empty()).then(|| (name.to_owned(), price))
}

/// `"1. "`, `"1) "`, `"(1) "`, `"- "` at the start of a line.
fn strip_numbering(line: &str) -> &str {
    let t = line.trim_start();
    let t = t.strip_prefix(['-', '•', '*']).unwrap_or(t).trim_start();
    let digits = t.trim_start_matches('(');
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    if n > 0 && n <= 3 {
        let rest = &digits[n..];
        if let Some(r) = rest.strip_prefix(['.', ')']) {
            return r.trim_start();
        }
    }
    t
}

/// Every bidder of a cell, one a line. A line with a name and no price takes the price on the
/// line below (`"ร้านตัวอย่าง\n11,800 บาท"`).
pub fn bidders(text: &str) -> Result<Vec<(String, Money)>, Problem> {
    let mut out = Vec::new();
    let mut pending: Option<String> = None;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(name) = pending.take() {
            if let Ok(price) = Money::parse(line.trim_start_matches("ราคา").trim()) {
                out.push((name, price));
                continue;
            }
            return Err(no_price(&name));
        }
        match name_and_price(line) {
            Some(np) => out.push(np),
            None => pending = Some(strip_numbering(&to_arabic_digits(line)).to_owned()),
        }
    }
    if let Some(name) = pending {
        return Err(no_price(&name));
    }
    Ok(out)
}

fn no_price(name: &str) -> Problem {
    Problem::new(
        format!("ไม่พบราคาของ \"{name}\""),
        format!("no price for \"{name}\""),
    )
    .with_help(
        "เขียนผู้เสนอราคาบรรทัดละหนึ่งราย ตามด้วยราคา เช่น ร้านตัวอย่าง 11,800.00 บาท",
        "write one bidder a line followed by the price, e.g. ร้านตัวอย่าง 11,800.00 บาท",
    )
}

/// A contract's number and date in one cell: `"สัญญาเลขที่ 9/2566 ลงวันที่ 20 มี.ค. 2566"`,
/// `"ใบสั่งซื้อ 12/2566 ลว. 1 พ.ย. 66"`, `"9/2566\n20/03/2566"`.
pub fn contract(text: &str) -> Result<(String, NaiveDate), Problem> {
    let t = to_arabic_digits(text.trim());
    let Some((date, range)) = find_date(&t) else {
        return Err(Problem::new(
            format!("ไม่พบวันที่ของสัญญาใน \"{}\"", text.trim()),
            format!("no date of the contract in \"{}\"", text.trim()),
        )
        .with_help(
            "เขียนเลขที่และวันที่ของสัญญา เช่น สัญญาเลขที่ 9/2566 ลงวันที่ 20 มี.ค. 2566",
            "write the number and date, e.g. สัญญาเลขที่ 9/2566 ลงวันที่ 20 มี.ค. 2566",
        ));
    };
    let rest = format!("{} {}", &t[..range.start], &t[range.end..]);
    let number = rest
        .split_whitespace()
        .find(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .map(|w| w.trim_matches(|c: char| c == ',' || c == ')' || c == '('))
        .filter(|w| !w.is_empty());
    match number {
        Some(n) => Ok((n.to_owned(), date)),
        None => Err(Problem::new(
            format!("ไม่พบเลขที่ของสัญญาหรือใบสั่งใน \"{}\"", text.trim()),
            format!("no contract or order number in \"{}\"", text.trim()),
        )
        .with_help(
            "เขียนเลขที่ของสัญญาหรือใบสั่งซื้อสั่งจ้าง เช่น 9/2566 ก่อนวันที่",
            "write the number of the contract or order, e.g. 9/2566, before the date",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_as_staff_write_them() {
        let nov1 = d(2023, 11, 1);
        for t in [
            "๑ พ.ย. ๒๕๖๖",
            "1 พฤศจิกายน 2566",
            "01/11/2566",
            "1/11/66",
            "1 พ.ย. 66",
            "1พ.ย.66",
            "2566-11-01",
            "วันที่ 1 พ.ย. 2566",
            "1 พย 2566",
            "1 Nov 2023 1/11/2023",
        ] {
            assert_eq!(date(&Cell::Text(t.into())), Ok(Some(nov1)), "{t}");
        }
        assert_eq!(date(&Cell::Number(45231.0)), Ok(Some(nov1)));
        assert_eq!(date(&Cell::Text("-".into())), Ok(None));
        assert!(date(&Cell::Text("31 ก.พ. 2566".into())).is_err());
        assert!(date(&Cell::Text("พรุ่งนี้".into())).is_err());
    }

    #[test]
    fn amounts_as_staff_write_them() {
        let a = |t: &str| amount(&Cell::Text(t.into()));
        assert_eq!(a("11,800.00 บาท"), Ok(Some(Money(1_180_000))));
        assert_eq!(a("๑๑,๘๐๐"), Ok(Some(Money(1_180_000))));
        assert_eq!(a("ราคา 11,800.-"), Ok(Some(Money(1_180_000))));
        assert_eq!(a("-"), Ok(None));
        assert_eq!(amount(&Cell::Number(11800.5)), Ok(Some(Money(1_180_050))));
        assert!(a("หนึ่งหมื่น").is_err());
    }

    #[test]
    fn several_bidders_in_one_cell() {
        let got = bidders(
            "1. ร้านตัวอย่างพาณิชย์ 11,800.00 บาท\n2. ร้านทดลองการค้า ราคา ๑๑,๙๕๐\nหจก. สมมุติ\n12,000 บาท",
        )
        .unwrap();
        assert_eq!(
            got,
            [
                ("ร้านตัวอย่างพาณิชย์".to_owned(), Money(1_180_000)),
                ("ร้านทดลองการค้า".to_owned(), Money(1_195_000)),
                ("หจก. สมมุติ".to_owned(), Money(1_200_000)),
            ]
        );
        assert!(bidders("ร้านที่ไม่มีราคา").is_err());
    }

    #[test]
    fn a_contract_cell_gives_its_number_and_date() {
        assert_eq!(
            contract("สัญญาเลขที่ 9/2566 ลงวันที่ 20 มี.ค. 2566"),
            Ok(("9/2566".to_owned(), d(2023, 3, 20)))
        );
        assert_eq!(
            contract("ใบสั่งซื้อ 12/2566 ลว. 1 พ.ย. 66"),
            Ok(("12/2566".to_owned(), d(2023, 11, 1)))
        );
        assert_eq!(
            contract("บส.15/2567\n01/11/2566"),
            Ok(("บส.15/2567".to_owned(), d(2023, 11, 1)))
        );
        assert!(contract("20 มี.ค. 2566").is_err());
    }
}
