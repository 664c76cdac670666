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
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn year_conversion() {
        assert_eq!(to_ce_year(2566), 2023);
        assert_eq!(to_ce_year(2400), 1857);
        assert_eq!(to_ce_year(2399), 2399);
        assert_eq!(to_ce_year(2023), 2023);
        assert_eq!(be(2023), 2566);
        assert_eq!(be_year(ymd(2023, 1, 15)), 2566);
    }

    #[test]
    fn be_and_ce_dates_are_the_same_day() {
        let day = ymd(2023, 1, 15);
        assert_eq!(parse_date("2566-01-15"), Ok(day));
        assert_eq!(parse_date("2023-01-15"), Ok(day));
        assert_eq!(parse_date("๒๕๖๖-๐๑-๑๕"), Ok(day));
        assert_eq!(parse_date("  2566-01-15\n"), Ok(day));
        assert_eq!(parse_date("2566-1-15"), Ok(day));
    }

    #[test]
    fn year_2399_is_ce() {
        assert_eq!(parse_date("2399-01-01"), Ok(ymd(2399, 1, 1)));
        assert_eq!(parse_date("2400-01-01"), Ok(ymd(1857, 1, 1)));
    }

    #[test]
    fn leap_days() {
        // 2567 BE = 2024 CE, a leap year.
        assert_eq!(parse_date("2567-02-29"), Ok(ymd(2024, 2, 29)));
        assert_eq!(
            parse_date("2566-02-29"),
            Err(DateError::ImpossibleDate {
                year_be: 2566,
                month: 2,
                day: 29
            })
        );
    }

    #[test]
    fn impossible_dates() {
        let err = parse_date("2566-02-30").unwrap_err();
        assert_eq!(
            err,
            DateError::ImpossibleDate {
                year_be: 2566,
                month: 2,
                day: 30
            }
        );
        assert_eq!(
            err.th(),
            "วันที่ 30 กุมภาพันธ์ 2566 ไม่มีอยู่จริง (เดือนกุมภาพันธ์ปีนั้นมี 28 วัน)"
        );
        assert_eq!(
            err.en(),
            "30 February 2566 BE does not exist (February of that year has 28 days)"
        );
        // A CE year is reported in BE.
        assert_eq!(parse_date("2023-02-30"), Err(err));

        let err = parse_date("2566-04-31").unwrap_err();
        assert_eq!(err.th(), "วันที่ 31 เมษายน 2566 ไม่มีอยู่จริง (เดือนเมษายนมี 30 วัน)");
        assert_eq!(
            err.en(),
            "31 April 2566 BE does not exist (April has 30 days)"
        );

        assert_eq!(
            parse_date("2566-01-00"),
            Err(DateError::ImpossibleDate {
                year_be: 2566,
                month: 1,
                day: 0
            })
        );
        assert_eq!(
            parse_date("2566-01-32"),
            Err(DateError::ImpossibleDate {
                year_be: 2566,
                month: 1,
                day: 32
            })
        );
    }

    #[test]
    fn month_out_of_range() {
        assert_eq!(
            parse_date("2566-13-01"),
            Err(DateError::MonthOutOfRange { month: 13 })
        );
        assert_eq!(
            parse_date("2566-00-01"),
            Err(DateError::MonthOutOfRange { month: 0 })
        );
        assert_eq!(
            YearMonth::parse("2566-13"),
            Err(DateError::MonthOutOfRange { month: 13 })
        );
        let err = DateError::MonthOutOfRange { month: 13 };
        assert!(err.th().contains("13") && err.th().contains("01 ถึง 12"));
        assert!(err.en().contains("13") && err.en().contains("01 to 12"));
    }

    #[test]
    fn bad_date_formats() {
        for s in [
            "",
            "   ",
            "abc",
            "15/01/2566",
            "15-01-2566",
            "2566/01/15",
            "2566-01",
            "2566-01-15-01",
            "66-01-15",
            "02566-01-15",
            "2566-001-15",
            "2566-01-015",
            "2566-01-1x",
            "2566-+1-15",
            "2566 -01-15",
            "2566-01-15T00:00",
            "๒๕๖๖-๐๑-",
        ] {
            assert_eq!(parse_date(s), Err(DateError::Format), "{s:?}");
        }
        let err = DateError::Format;
        assert!(err.en().contains("YYYY-MM-DD") && err.en().contains("2566-01-15"));
        assert!(err.th().contains("2566-01-15"));
    }

    #[test]
    fn year_month_parse() {
        let jan = YearMonth {
            year: 2023,
            month: 1,
        };
        assert_eq!(YearMonth::parse("2566-01"), Ok(jan));
        assert_eq!(YearMonth::parse("2023-01"), Ok(jan));
        assert_eq!(YearMonth::parse("๒๕๖๖-๐๑"), Ok(jan));
        assert_eq!(YearMonth::parse(" 2566-1 "), Ok(jan));
        for s in ["", "2566", "2566-01-15", "01-2566", "2566-", "abc"] {
            assert_eq!(
                YearMonth::parse(s),
                Err(DateError::YearMonthFormat),
                "{s:?}"
            );
        }
        assert!(DateError::YearMonthFormat.en().contains("2566-01"));
        assert!(DateError::YearMonthFormat.th().contains("2566-01"));
    }

    #[test]
    fn year_month_days() {
        let feb_2024 = YearMonth {
            year: 2024,
            month: 2,
        };
        assert_eq!(feb_2024.first_day(), ymd(2024, 2, 1));
        assert_eq!(feb_2024.last_day(), ymd(2024, 2, 29));
        assert_eq!(
            YearMonth {
                year: 2023,
                month: 2
            }
            .last_day(),
            ymd(2023, 2, 28)
        );
        assert_eq!(
            YearMonth {
                year: 1900,
                month: 2
            }
            .last_day(),
            ymd(1900, 2, 28)
        );
        assert_eq!(
            YearMonth {
                year: 2000,
                month: 2
            }
            .last_day(),
            ymd(2000, 2, 29)
        );
        assert_eq!(
            YearMonth {
                year: 2023,
                month: 12
            }
            .last_day(),
            ymd(2023, 12, 31)
        );
        assert_eq!(
            YearMonth {
                year: 2023,
                month: 9
            }
            .last_day(),
            ymd(2023, 9, 30)
        );
        assert_eq!(
            YearMonth::of(ymd(2023, 1, 15)),
            YearMonth {
                year: 2023,
                month: 1
            }
        );
    }

    #[test]
    fn year_month_succ_iso_and_order() {
        let dec = YearMonth {
            year: 2022,
            month: 12,
        };
        assert_eq!(
            dec.succ(),
            YearMonth {
                year: 2023,
                month: 1
            }
        );
        assert_eq!(
            YearMonth {
                year: 2023,
                month: 1
            }
            .succ(),
            YearMonth {
                year: 2023,
                month: 2
            }
        );
        assert_eq!(
            YearMonth {
                year: 2023,
                month: 1
            }
            .iso(),
            "2023-01"
        );
        assert!(dec < dec.succ());
        assert!(
            YearMonth {
                year: 2022,
                month: 11
            } < dec
        );
    }

    #[test]
    fn out_of_range_values_do_not_panic() {
        let odd = YearMonth {
            year: i32::MAX,
            month: 99,
        };
        let _ = (
            odd.first_day(),
            odd.last_day(),
            odd.succ(),
            odd.iso(),
            odd.fiscal_year(),
        );
        let _ = format_month_short(odd, Numerals::Thai);
        let _ = format_month_long(
            YearMonth {
                year: i32::MIN,
                month: 0,
            },
            Numerals::Thai,
        );
        let _ = YearMonth {
            year: i32::MIN,
            month: 0,
        }
        .last_day();
        for fy in [FiscalYear(i32::MIN), FiscalYear(i32::MAX), FiscalYear(0)] {
            let _ = (fy.start(), fy.end(), fy.months(), fy.to_string());
        }
        let _ = DateError::ImpossibleDate {
            year_be: i32::MIN,
            month: 0,
            day: 99,
        }
        .th();
        let _ = DateError::ImpossibleDate {
            year_be: i32::MAX,
            month: 77,
            day: 0,
        }
        .en();
        let _ = format_date(NaiveDate::MIN, Numerals::Thai);
        let _ = format_date_long(NaiveDate::MAX, Numerals::Arabic);
        let _ = FiscalYear::of(NaiveDate::MAX);
    }

    /// Every string of up to five characters from a small alphabet, alone and after a year
    /// or a year and month: no panics, every message can be written, and every date that
    /// parses is read back as the same day.
    #[test]
    fn parse_never_panics() {
        let alphabet = ["0", "1", "2", "9", "-", " ", "๒", "x"];
        let mut inputs = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = inputs
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            for s in &longer {
                for input in [s.clone(), format!("2566-{s}"), format!("2024-02-{s}")] {
                    match parse_date(&input) {
                        Ok(d) => assert_eq!(parse_date(&d.to_string()), Ok(d), "{input:?}"),
                        Err(e) => assert!(!e.th().is_empty() && !e.en().is_empty()),
                    }
                }
                if let Ok(ym) = YearMonth::parse(&format!("25{s}")) {
                    assert_eq!(YearMonth::parse(&ym.iso()), Ok(ym));
                }
                let _ = FiscalYear::parse(s).map(FiscalYear::months);
            }
            inputs = longer;
        }
    }

    #[test]
    fn fiscal_year_boundaries() {
        assert_eq!(FiscalYear::of(ymd(2022, 9, 30)), FiscalYear(2565));
        assert_eq!(FiscalYear::of(ymd(2022, 10, 1)), FiscalYear(2566));
        assert_eq!(FiscalYear::of(ymd(2023, 9, 30)), FiscalYear(2566));
        assert_eq!(FiscalYear::of(ymd(2022, 12, 31)), FiscalYear(2566));
        assert_eq!(FiscalYear::of(ymd(2023, 1, 1)), FiscalYear(2566));

        let fy = FiscalYear(2566);
        assert_eq!(fy.start(), ymd(2022, 10, 1));
        assert_eq!(fy.end(), ymd(2023, 9, 30));
        assert!(fy.contains(ymd(2022, 10, 1)));
        assert!(fy.contains(ymd(2023, 9, 30)));
        assert!(!fy.contains(ymd(2022, 9, 30)));
        assert!(!fy.contains(ymd(2023, 10, 1)));
        assert_eq!(fy.be(), 2566);
        assert_eq!(fy.to_string(), "2566");
        assert_eq!(
            YearMonth {
                year: 2022,
                month: 10
            }
            .fiscal_year(),
            fy
        );
        assert_eq!(
            YearMonth {
                year: 2022,
                month: 9
            }
            .fiscal_year(),
            FiscalYear(2565)
        );
    }

    #[test]
    fn fiscal_year_months_run_october_to_september() {
        let months = FiscalYear(2566).months();
        assert_eq!(
            months[0],
            YearMonth {
                year: 2022,
                month: 10
            }
        );
        assert_eq!(
            months[2],
            YearMonth {
                year: 2022,
                month: 12
            }
        );
        assert_eq!(
            months[3],
            YearMonth {
                year: 2023,
                month: 1
            }
        );
        assert_eq!(
            months[11],
            YearMonth {
                year: 2023,
                month: 9
            }
        );
        assert!(months.windows(2).all(|w| w[0].succ() == w[1]));
        assert!(months.iter().all(|m| m.fiscal_year() == FiscalYear(2566)));
    }

    #[test]
    fn fiscal_year_parse() {
        assert_eq!(FiscalYear::parse("2566"), Ok(FiscalYear(2566)));
        assert_eq!(FiscalYear::parse("๒๕๖๖"), Ok(FiscalYear(2566)));
        assert_eq!(FiscalYear::parse("2023"), Ok(FiscalYear(2566)));
        assert_eq!(FiscalYear::parse(" 2566 "), Ok(FiscalYear(2566)));
        for s in ["", "66", "25666", "2566-01", "พ.ศ.", "-2566"] {
            assert_eq!(
                FiscalYear::parse(s),
                Err(DateError::FiscalYearFormat),
                "{s:?}"
            );
        }
        assert!(DateError::FiscalYearFormat.th().contains("2566"));
    }

    #[test]
    fn formatting() {
        let d = ymd(2023, 1, 15);
        assert_eq!(format_date(d, Numerals::Arabic), "15 ม.ค. 2566");
        assert_eq!(format_date(d, Numerals::Thai), "๑๕ ม.ค. ๒๕๖๖");
        assert_eq!(
            format_date(ymd(2023, 1, 5), Numerals::Arabic),
            "5 ม.ค. 2566"
        );
        assert_eq!(format_date_long(d, Numerals::Arabic), "15 มกราคม 2566");
        assert_eq!(format_date_long(d, Numerals::Thai), "๑๕ มกราคม ๒๕๖๖");

        let oct = YearMonth {
            year: 2022,
            month: 10,
        };
        assert_eq!(format_month_short(oct, Numerals::Thai), "ต.ค. ๖๕");
        assert_eq!(format_month_short(oct, Numerals::Arabic), "ต.ค. 65");
        assert_eq!(format_month_long(oct, Numerals::Arabic), "ตุลาคม 2565");
        // BE 2600 ends in 00.
        let ym = YearMonth {
            year: 2057,
            month: 1,
        };
        assert_eq!(format_month_short(ym, Numerals::Arabic), "ม.ค. 00");
    }

    #[test]
    fn month_tables() {
        assert_eq!(MONTHS[0], "มกราคม");
        assert_eq!(MONTHS[11], "ธันวาคม");
        assert_eq!(MONTHS_ABBR[9], "ต.ค.");
        assert_eq!(MONTHS_ABBR[8], "ก.ย.");
    }

    #[test]
    fn display_is_thai() {
        assert_eq!(DateError::Format.to_string(), DateError::Format.th());
    }
}
