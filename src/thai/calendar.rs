//! Buddhist-era (BE) years, Thai month names and the Thai government fiscal year.
//!
//! Dates are kept as [`NaiveDate`] in the Common Era (CE); BE years appear only on input and
//! on pages. A four-digit year of 2400 or more is read as BE, anything smaller as CE.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::numerals::{Numerals, to_arabic_digits};

/// Years to add to a CE year to get the BE year (2023 CE = 2566 BE).
pub const BE_OFFSET: i32 = 543;

/// The smallest year read as BE; 2399 and below are CE.
const FIRST_BE_YEAR: i32 = 2400;

/// Thai month names, January (มกราคม) first.
pub const MONTHS: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// Abbreviated Thai month names, January (ม.ค.) first.
pub const MONTHS_ABBR: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Converts a year that may be BE or CE to CE: 2400 and above is BE (2566 → 2023), anything
/// below is already CE and returned unchanged.
#[must_use]
pub const fn to_ce_year(y: i32) -> i32 {
    if y >= FIRST_BE_YEAR { y - BE_OFFSET } else { y }
}

/// The BE year of a CE year: 2023 → 2566.
#[must_use]
pub const fn be(ce_year: i32) -> i32 {
    ce_year.saturating_add(BE_OFFSET)
}

/// The BE year of a date.
#[must_use]
pub fn be_year(d: NaiveDate) -> i32 {
    be(d.year())
}

/// Why a date, month or fiscal year could not be read.
///
/// [`th`](Self::th) and [`en`](Self::en) give messages for the people who write the data;
/// `Display` shows the Thai one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// A date not written as `YYYY-MM-DD`.
    Format,
    /// A month not written as `YYYY-MM`.
    YearMonthFormat,
    /// A fiscal year not written as a four-digit year.
    FiscalYearFormat,
    /// A month number outside 1–12.
    MonthOutOfRange {
        /// The month as written.
        month: u32,
    },
    /// A day that the month does not have, such as 30 February.
    ImpossibleDate {
        /// The year in BE.
        year_be: i32,
        /// The month, 1–12.
        month: u32,
        /// The day as written.
        day: u32,
    },
}

impl DateError {
    /// The message in Thai.
    #[must_use]
    pub fn th(&self) -> String {
        match *self {
            Self::Format => "อ่านวันที่ไม่ได้ ให้เขียนวันที่แบบ ปปปป-ดด-วว (ปี-เดือน-วัน) \
                             เช่น 2566-01-15 คือวันที่ 15 มกราคม 2566"
                .to_owned(),
            Self::YearMonthFormat => "อ่านเดือนไม่ได้ ให้เขียนเดือนแบบ ปปปป-ดด (ปี-เดือน) \
                                      เช่น 2566-01 คือเดือนมกราคม 2566"
                .to_owned(),
            Self::FiscalYearFormat => {
                "อ่านปีงบประมาณไม่ได้ ให้เขียนเป็นเลขปี พ.ศ. 4 หลัก เช่น 2566".to_owned()
            }
            Self::MonthOutOfRange { month } => {
                format!("ไม่มีเดือนที่ {month} เดือนต้องเป็นเลข 01 ถึง 12 (01 คือมกราคม 12 คือธันวาคม)")
            }
            Self::ImpossibleDate {
                year_be,
                month,
                day,
            } => {
                let name = MONTHS[month_index(month)];
                let days = days_in_month(to_ce_year(year_be), month);
                let that_year = if month == 2 { "ปีนั้น" } else { "" };
                format!("วันที่ {day} {name} {year_be} ไม่มีอยู่จริง (เดือน{name}{that_year}มี {days} วัน)")
            }
        }
    }

    /// The message in English.
    #[must_use]
    pub fn en(&self) -> String {
        match *self {
            Self::Format => "This is not a date that can be read. Write dates as YYYY-MM-DD \
                             (year-month-day), e.g. 2566-01-15 for 15 January 2566 BE."
                .to_owned(),
            Self::YearMonthFormat => "This is not a month that can be read. Write months as \
                                      YYYY-MM (year-month), e.g. 2566-01 for January 2566 BE."
                .to_owned(),
            Self::FiscalYearFormat => "This is not a fiscal year that can be read. Write the \
                                       fiscal year as a four-digit Buddhist-era year, e.g. 2566."
                .to_owned(),
            Self::MonthOutOfRange { month } => format!(
                "There is no month {month}: the month must be a number from 01 to 12 \
                 (01 is January, 12 is December)."
            ),
            Self::ImpossibleDate {
                year_be,
                month,
                day,
            } => {
                let name = MONTHS_EN[month_index(month)];
                let days = days_in_month(to_ce_year(year_be), month);
                let that_year = if month == 2 { " of that year" } else { "" };
                format!(
                    "{day} {name} {year_be} BE does not exist ({name}{that_year} has {days} days)"
                )
            }
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.th())
    }
}

impl std::error::Error for DateError {}

/// Parses a date written `YYYY-MM-DD` with a BE or CE year, in Arabic or Thai digits:
/// `"2566-01-15"`, `"2023-01-15"` and `"๒๕๖๖-๐๑-๑๕"` are the same day.
///
/// Surrounding whitespace is ignored; the year must have four digits, the month and day one or
/// two (`"2566-1-5"` is accepted).
///
/// # Errors
///
/// [`DateError::Format`] for anything not in that shape, [`DateError::MonthOutOfRange`] for a
/// month outside 1–12 and [`DateError::ImpossibleDate`] for a day the month does not have.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = to_arabic_digits(crate::thai::money::unquote(s.trim()));
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateError::Format);
    };
    let (Some(year), Some(month), Some(day)) = (number(y, 4, 4), number(m, 1, 2), number(d, 1, 2))
    else {
        return Err(DateError::Format);
    };
    let (month, day) = (u32::from(month), u32::from(day));
    let ym = YearMonth::from_parts(i32::from(year), month)?;
    NaiveDate::from_ymd_opt(ym.year, month, day).ok_or(DateError::ImpossibleDate {
        year_be: be(ym.year),
        month,
        day,
    })
}

/// Reads `s` as a number of `min..=max` ASCII digits (`max` is at most 4).
fn number(s: &str, min: usize, max: usize) -> Option<u16> {
    let ok = (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if ok { s.parse().ok() } else { None }
}

/// The index into [`MONTHS`] of a month 1–12 (out-of-range months are clamped).
fn month_index(month: u32) -> usize {
    month.clamp(1, 12) as usize - 1
}

const fn is_leap_year(ce_year: i32) -> bool {
    ce_year % 4 == 0 && (ce_year % 100 != 0 || ce_year % 400 == 0)
}

const fn days_in_month(ce_year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(ce_year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date for `year`, `month` (clamped to 1–12) and `day`; if chrono cannot represent it, the
/// earliest or latest date it can.
fn date_or_limit(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month.clamp(1, 12), day).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// A calendar month: a CE year and a month 1–12.
///
/// Orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year in CE.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl YearMonth {
    /// Parses a month written `YYYY-MM` with a BE or CE year, in Arabic or Thai digits:
    /// `"2566-01"`, `"2023-01"` and `"๒๕๖๖-๐๑"` are all January 2023 CE.
    ///
    /// # Errors
    ///
    /// [`DateError::YearMonthFormat`] for anything not in that shape and
    /// [`DateError::MonthOutOfRange`] for a month outside 1–12.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let s = to_arabic_digits(crate::thai::money::unquote(s.trim()));
        let Some((y, m)) = s.split_once('-') else {
            return Err(DateError::YearMonthFormat);
        };
        let (Some(year), Some(month)) = (number(y, 4, 4), number(m, 1, 2)) else {
            return Err(DateError::YearMonthFormat);
        };
        Self::from_parts(i32::from(year), u32::from(month))
    }

    /// A month from a BE or CE year and a month number that is checked.
    fn from_parts(year: i32, month: u32) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError::MonthOutOfRange { month });
        }
        Ok(Self {
            year: to_ce_year(year),
            month,
        })
    }

    /// The month that contains `date`.
    #[must_use]
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The fiscal year this month belongs to: October–December count towards the next year.
    #[must_use]
    pub const fn fiscal_year(self) -> FiscalYear {
        let ce = if self.month >= 10 {
            self.year.saturating_add(1)
        } else {
            self.year
        };
        FiscalYear(be(ce))
    }

    /// The first day of the month.
    #[must_use]
    pub fn first_day(self) -> NaiveDate {
        date_or_limit(self.year, self.month, 1)
    }

    /// The last day of the month (29 February in leap years).
    #[must_use]
    pub fn last_day(self) -> NaiveDate {
        date_or_limit(
            self.year,
            self.month,
            days_in_month(self.year, self.month.clamp(1, 12)),
        )
    }

    /// The following month: December is followed by January of the next year.
    #[must_use]
    pub const fn succ(self) -> Self {
        if self.month >= 12 {
            Self {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month in ISO form with a CE year, as stored in data files: `"2023-01"`.
    #[must_use]
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// A Thai government fiscal year (ปีงบประมาณ), numbered by its BE year: `FiscalYear(2566)`
/// runs from 1 October 2022 to 30 September 2023 CE.
///
/// `Display` prints the BE number, e.g. `2566`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// The fiscal year that contains `date`.
    #[must_use]
    pub fn of(date: NaiveDate) -> Self {
        YearMonth::of(date).fiscal_year()
    }

    /// Parses a four-digit fiscal year in Arabic or Thai digits. A BE year is taken as is
    /// (`"2566"`, `"๒๕๖๖"`); a CE year is converted (`"2023"` → 2566).
    ///
    /// # Errors
    ///
    /// [`DateError::FiscalYearFormat`] if `s` is not a four-digit year.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let s = to_arabic_digits(crate::thai::money::unquote(s.trim()));
        number(&s, 4, 4)
            .map(|y| Self(be(to_ce_year(i32::from(y)))))
            .ok_or(DateError::FiscalYearFormat)
    }

    /// The CE year in which the fiscal year ends.
    const fn end_ce_year(self) -> i32 {
        self.0.saturating_sub(BE_OFFSET)
    }

    /// The first day: 1 October of the previous year.
    #[must_use]
    pub fn start(self) -> NaiveDate {
        date_or_limit(self.end_ce_year().saturating_sub(1), 10, 1)
    }

    /// The last day: 30 September.
    #[must_use]
    pub fn end(self) -> NaiveDate {
        date_or_limit(self.end_ce_year(), 9, 30)
    }

    /// The twelve months of the fiscal year, October to September.
    #[must_use]
    pub fn months(self) -> [YearMonth; 12] {
        let mut next = YearMonth {
            year: self.end_ce_year().saturating_sub(1),
            month: 10,
        };
        std::array::from_fn(|_| {
            let month = next;
            next = next.succ();
            month
        })
    }

    /// Whether `d` falls within the fiscal year.
    #[must_use]
    pub fn contains(self, d: NaiveDate) -> bool {
        Self::of(d) == self
    }

    /// The BE number of the fiscal year.
    #[must_use]
    pub const fn be(self) -> i32 {
        self.0
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A date with the abbreviated month and BE year: `"15 ม.ค. 2566"` (`"๑๕ ม.ค. ๒๕๖๖"` with
/// Thai numerals).
#[must_use]
pub fn format_date(d: NaiveDate, n: Numerals) -> String {
    n.apply(&format!(
        "{} {} {}",
        d.day(),
        MONTHS_ABBR[d.month0() as usize],
        be_year(d)
    ))
}

/// A date with the full month name and BE year: `"15 มกราคม 2566"`.
#[must_use]
pub fn format_date_long(d: NaiveDate, n: Numerals) -> String {
    n.apply(&format!(
        "{} {} {}",
        d.day(),
        MONTHS[d.month0() as usize],
        be_year(d)
    ))
}

/// A month for table headings: abbreviated month and the last two digits of the BE year,
/// `"ต.ค. 65"` (`"ต.ค. ๖๕"` with Thai numerals).
#[must_use]
pub fn format_month_short(ym: YearMonth, n: Numerals) -> String {
    let short_year = be(ym.year).rem_euclid(100);
    n.apply(&format!(
        "{} {short_year:02}",
        MONTHS_ABBR[month_index(ym.month)]
    ))
}

/// A month with its full name and BE year: `"ตุลาคม 2565"`.
#[must_use]
pub fn format_month_long(ym: YearMonth, n: Numerals) -> String {
    n.apply(&format!(
        "{} {}",
        MONTHS[month_index(ym.month)],
        be(ym.year)
    ))
}

#[cfg(test)]
mod tests;
