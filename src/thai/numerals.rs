//! Thai digits (๐–๙) and Arabic digits (0–9).
//!
//! Data files always store Arabic digits; Thai digits are accepted on input and offered on
//! output as a site setting.

use serde::Deserialize;

/// Which digits to print: Thai (๐–๙) or Arabic (0–9).
///
/// Deserializes from the lowercase names `"thai"` and `"arabic"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Numerals {
    /// Thai digits ๐๑๒๓๔๕๖๗๘๙, as in official documents (the default).
    #[default]
    Thai,
    /// Arabic digits 0123456789.
    Arabic,
}

const THAI_DIGITS: [char; 10] = ['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙'];
const ARABIC_DIGITS: [char; 10] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

impl Numerals {
    /// Rewrites the digits of `s` in this style; every other character is left unchanged.
    #[must_use]
    pub fn apply(self, s: &str) -> String {
        match self {
            Self::Thai => to_thai_digits(s),
            Self::Arabic => to_arabic_digits(s),
        }
    }
}

/// Replaces the Arabic digits 0–9 with Thai digits ๐–๙; everything else is unchanged.
#[must_use]
pub fn to_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| swap_digit(c, &ARABIC_DIGITS, &THAI_DIGITS))
        .collect()
}

/// Replaces the Thai digits ๐–๙ with Arabic digits 0–9; everything else is unchanged.
#[must_use]
pub fn to_arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| swap_digit(c, &THAI_DIGITS, &ARABIC_DIGITS))
        .collect()
}

fn swap_digit(c: char, from: &[char; 10], to: &[char; 10]) -> char {
    from.iter().position(|&d| d == c).map_or(c, |i| to[i])
}

/// Writes `n` with a comma between groups of three digits: `1234567` → `"1,234,567"`.
#[must_use]
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::{IntoDeserializer, value::Error as DeError};

    #[test]
    fn thai_digits_out() {
        assert_eq!(to_thai_digits("0123456789"), "๐๑๒๓๔๕๖๗๘๙");
        assert_eq!(
            to_thai_digits("15 ม.ค. 2566, 1,250.50"),
            "๑๕ ม.ค. ๒๕๖๖, ๑,๒๕๐.๕๐"
        );
        assert_eq!(to_thai_digits("ไม่มีตัวเลข abc"), "ไม่มีตัวเลข abc");
        assert_eq!(to_thai_digits(""), "");
    }

    #[test]
    fn thai_digits_in() {
        assert_eq!(to_arabic_digits("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
        assert_eq!(to_arabic_digits("๒๕๖๖-๐๑-๑๕"), "2566-01-15");
        // Arabic digits and other text pass through.
        assert_eq!(to_arabic_digits("๕๐๐,000 บาท"), "500,000 บาท");
    }

    #[test]
    fn round_trip() {
        let s = "ปีงบประมาณ 2566: 1,234.50 บาท";
        assert_eq!(to_arabic_digits(&to_thai_digits(s)), s);
    }

    #[test]
    fn apply_follows_setting() {
        assert_eq!(Numerals::Thai.apply("ต.ค. 65"), "ต.ค. ๖๕");
        assert_eq!(Numerals::Arabic.apply("ต.ค. ๖๕"), "ต.ค. 65");
        assert_eq!(Numerals::default(), Numerals::Thai);
    }

    #[test]
    fn deserializes_lowercase_names() {
        let thai = Numerals::deserialize(IntoDeserializer::<DeError>::into_deserializer("thai"));
        let arabic =
            Numerals::deserialize(IntoDeserializer::<DeError>::into_deserializer("arabic"));
        let wrong = Numerals::deserialize(IntoDeserializer::<DeError>::into_deserializer("Thai"));
        assert_eq!(thai, Ok(Numerals::Thai));
        assert_eq!(arabic, Ok(Numerals::Arabic));
        assert!(wrong.is_err());
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(100_000), "100,000");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(group_thousands(u64::MAX), "18,446,744,073,709,551,615");
    }
}
