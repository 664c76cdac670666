//! The values users type (dates, months, fiscal years, money), read straight from YAML into real
//! types. A value that cannot be read is refused during parsing, so the error carries the line
//! and column of the value itself.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::diagnostic::{Code, Msg, codes};
use crate::site::source::custom_error;
use crate::thai::calendar::{self, FiscalYear, YearMonth};
use crate::thai::money::Money;

/// A calendar date (`2566-01-15`, `2023-01-15` or with Thai digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

/// A month (`2566-01`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub YearMonth);

/// A fiscal year (`2566`; a CE year such as 2023 is taken as FY 2566).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fy(pub FiscalYear);

/// The Interior Ministry's code of the area an organisation serves (TIS 1099 / DOPA `ccaatt`):
/// two digits for a province, four for a district, six for a subdistrict (`840803`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AreaCode(pub String);

/// An amount of money, not negative (`500000`, `"500,000.00"`, `"๕๐๐,๐๐๐ บาท"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub Money);

impl Amount {
    /// The largest amount a record may hold: a million million baht, far above any local
    /// government's budget, and low enough that the sums of a whole site fit in `i64` satang.
    pub const CEILING: Money = Money(100_000_000_000_000);
}

/// What a value's parser says when it refuses the text: the message and how to fix it.
type Refusal = (Code, Msg, Msg);

/// Reads a scalar (string, integer or float) as text and parses it inside the visitor, so a
/// refusal is raised while the YAML parser still knows the value's line and column.
struct Parse<F>(&'static str, F);

impl<T, F: FnOnce(&str) -> Result<T, Refusal>> Visitor<'_> for Parse<F> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.1)(v).map_err(|(code, message, help)| custom_error(code, message, help))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        // Rust prints the shortest text that reads back as the same float, which is what the
        // user typed for any amount with up to 15 significant digits.
        self.visit_str(&v.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Parse("a date such as 2566-01-15", |text: &str| {
            calendar::parse_date(text)
                .map(Date)
                .map_err(|e| (codes::BAD_DATE, Msg::new(e.th(), e.en()), date_help()))
        }))
    }
}

fn date_help() -> Msg {
    Msg::new(
        "เขียนวันที่เป็น ปี-เดือน-วัน เช่น 2566-01-15 (ปี พ.ศ. หรือ ค.ศ. ก็ได้)",
        "write dates as year-month-day, e.g. 2566-01-15 (Buddhist or Common Era year)",
    )
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Parse("a month such as 2566-01", |text: &str| {
            YearMonth::parse(text).map(Month).map_err(|e| {
                (
                    codes::BAD_MONTH,
                    Msg::new(e.th(), e.en()),
                    Msg::new(
                        "เขียนเดือนเป็น ปี-เดือน เช่น 2565-10",
                        "write months as year-month, e.g. 2565-10",
                    ),
                )
            })
        }))
    }
}

impl<'de> Deserialize<'de> for Fy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Parse("a fiscal year such as 2566", |text: &str| {
            FiscalYear::parse(text).map(Fy).map_err(|e| {
                (
                    codes::BAD_FISCAL_YEAR,
                    Msg::new(e.th(), e.en()),
                    Msg::new(
                        "เขียนปีงบประมาณเป็นปี พ.ศ. 4 หลัก เช่น 2566",
                        "write the fiscal year as a four-digit Buddhist Era year, e.g. 2566",
                    ),
                )
            })
        }))
    }
}

impl<'de> Deserialize<'de> for AreaCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Parse("an area code such as 840803", |text: &str| {
            let code = crate::thai::numerals::to_arabic_digits(text.trim());
            if matches!(code.len(), 2 | 4 | 6) && code.bytes().all(|b| b.is_ascii_digit()) {
                Ok(AreaCode(code))
            } else {
                Err((
                    codes::BAD_AREA_CODE,
                    Msg::new(
                        format!("รหัสพื้นที่ \"{text}\" ไม่ใช่รหัสของกรมการปกครอง"),
                        format!("\"{text}\" is not an Interior Ministry area code"),
                    ),
                    Msg::new(
                        "เขียนรหัสตัวเลข 6 หลักของตำบล (2 หลักจังหวัด 2 หลักอำเภอ 2 หลักตำบล) ในเครื่องหมายคำพูด เช่น area_code: \"840803\" หรือ 4 หลักของอำเภอ 2 หลักของจังหวัด",
                        "write the subdistrict's six-digit code (province, district, subdistrict, two digits each) in quotes, e.g. area_code: \"840803\", or a district's four or a province's two",
                    ),
                ))
            }
        }))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Parse("an amount such as 500000", |text: &str| {
            let help = Msg::new(
                "เขียนจำนวนเงินเป็นตัวเลข เช่น 500000 หรือ \"500,000.00 บาท\"",
                "write amounts as a number, e.g. 500000 or \"500,000.00 บาท\"",
            );
            let money = Money::parse(text).map_err(|e| (codes::BAD_AMOUNT, Msg::new(e.th(), e.en()), help))?;
            if money.satang() > Amount::CEILING.satang() {
                return Err((
                    codes::AMOUNT_TOO_LARGE,
                    Msg::new(
                        format!("จำนวนเงิน {text} เกินหนึ่งล้านล้านบาท ซึ่งไม่ใช่งบประมาณขององค์กรปกครองส่วนท้องถิ่น"),
                        format!("the amount {text} is over a million million baht, beyond any local budget"),
                    ),
                    Msg::new(
                        "ตรวจว่าพิมพ์ตัวเลขเกินมาหรือไม่ (จำนวนเงินเป็นบาท ใช้จุดคั่นสตางค์ เช่น 500000 หรือ 500,000.00)",
                        "check for extra digits (amounts are in baht, with a point before the satang: 500000 or 500,000.00)",
                    ),
                ));
            }
            if money.is_negative() {
                return Err((
                    codes::NEGATIVE_AMOUNT,
                    Msg::new(
                        format!("จำนวนเงินติดลบ ({text}) ใช้ไม่ได้"),
                        format!("the amount {text} is negative"),
                    ),
                    Msg::new(
                        "จำนวนเงินต้องเป็น 0 หรือมากกว่า ลบเครื่องหมาย - ออก",
                        "amounts must be zero or more: remove the minus sign",
                    ),
                ));
            }
            Ok(Amount(money))
        }))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.iso())
    }
}

impl Serialize for Fy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(self.0.be())
    }
}

impl Serialize for Amount {
    /// As satang: templates format it with the `money` and `baht_text` filters.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0.satang())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct R {
        d: Option<Date>,
        m: Option<Amount>,
    }

    fn parse(s: &str) -> Result<R, String> {
        serde_yaml::from_str::<R>(s).map_err(|e| e.to_string())
    }

    #[test]
    fn be_and_ce_dates_are_the_same_day() {
        let a = parse("d: 2566-01-15").unwrap().d.unwrap();
        let b = parse("d: 2023-01-15").unwrap().d.unwrap();
        let c = parse("d: \"๒๕๖๖-๐๑-๑๕\"").unwrap().d.unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
    }

    #[test]
    fn impossible_date_is_refused_with_its_location() {
        let e = parse("m: 1\nd: 2566-02-30").unwrap_err();
        assert!(e.contains("line 2 column 4"), "{e}");
    }

    #[test]
    fn amounts_from_numbers_and_text() {
        assert_eq!(
            parse("m: 500000").unwrap().m.unwrap().0.satang(),
            50_000_000
        );
        assert_eq!(parse("m: 1250.5").unwrap().m.unwrap().0.satang(), 125_050);
        assert_eq!(
            parse("m: \"๕๐๐,๐๐๐ บาท\"").unwrap().m.unwrap().0.satang(),
            50_000_000
        );
        assert!(parse("m: -5").unwrap_err().contains("negative"));
    }
}
