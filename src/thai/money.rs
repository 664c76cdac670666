//! Amounts of money in baht, kept exactly as whole satang (1 baht = 100 satang), and their
//! Thai words as printed on official forms (Excel's `BAHTTEXT`).

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign};

use super::numerals::{group_thousands, to_arabic_digits};

/// Spaces a thousands separator may be written with.
const SPACES: [char; 5] = [' ', '\u{00A0}', '\u{2007}', '\u{2009}', '\u{202F}'];

/// `s` without the quotation marks around it, straight or curly (a value pasted from a word
/// processor).
pub fn unquote(s: &str) -> &str {
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”'), ('‘', '’'), ('”', '”')]
    {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.trim();
        }
    }
    s
}

/// An amount of money in satang. `Money(150)` is 1.50 baht.
///
/// Arithmetic saturates at the limits of `i64` instead of overflowing. `Display` uses
/// [`format`](Self::format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub i64);

/// Why an amount of money could not be read.
///
/// [`th`](Self::th) and [`en`](Self::en) give messages for the people who write the data;
/// `Display` shows the Thai one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing was written.
    Empty,
    /// The text is not an amount: stray characters, several decimal points, or commas that do
    /// not separate groups of three digits (`"1,2,3"`).
    NotANumber,
    /// The amount is too large to be kept exactly (more than `i64::MAX` satang).
    TooLarge,
}

impl MoneyError {
    /// The message in Thai.
    #[must_use]
    pub fn th(&self) -> String {
        match self {
            Self::Empty => "ยังไม่ได้กรอกจำนวนเงิน ให้เขียนจำนวนเงินเป็นตัวเลข \
                            เช่น 500000 หรือ \"500,000.00 บาท\""
                .to_owned(),
            Self::NotANumber => "อ่านจำนวนเงินไม่ได้ ให้เขียนเป็นตัวเลข เช่น 500000 หรือ \
                                 \"500,000.00 บาท\" ใช้จุด (.) คั่นสตางค์ \
                                 และใช้จุลภาค (,) คั่นทุกสามหลักเท่านั้น"
                .to_owned(),
            Self::TooLarge => format!(
                "จำนวนเงินมากเกินไป (รับได้ไม่เกิน {} บาท) กรุณาตรวจดูว่าพิมพ์ตัวเลขเกินมาหรือไม่",
                Money(i64::MAX).format()
            ),
        }
    }

    /// The message in English.
    #[must_use]
    pub fn en(&self) -> String {
        match self {
            Self::Empty => "The amount is empty. Write amounts as numbers, like 500000 or \
                            \"500,000.00 บาท\"."
                .to_owned(),
            Self::NotANumber => "This is not an amount of money that can be read. Write \
                                 amounts like 500000 or \"500,000.00 บาท\": a point (.) before \
                                 the satang, and commas (,) only between groups of three digits."
                .to_owned(),
            Self::TooLarge => format!(
                "The amount is too large (the most that can be handled is {} baht). \
                 Check for extra digits.",
                Money(i64::MAX).format()
            ),
        }
    }
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.th())
    }
}

impl std::error::Error for MoneyError {}

impl Money {
    /// A whole number of baht (saturating at the limits of `i64` satang).
    #[must_use]
    pub const fn from_baht(b: i64) -> Self {
        Self(b.saturating_mul(100))
    }

    /// The amount in satang.
    #[must_use]
    pub const fn satang(self) -> i64 {
        self.0
    }

    /// Whether the amount is below zero.
    #[must_use]
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Parses an amount in baht: `"500000"`, `"500,000.00"`, `"๕๐๐,๐๐๐ บาท"`, `"1250.5"`,
    /// `"-10"`, `" 12 บาท "`.
    ///
    /// Accepts Arabic or Thai digits, surrounding whitespace and quotation marks (straight or
    /// curly), a leading `-` or `+`, a trailing `บาท` and a trailing `.-` (no satang). Commas,
    /// or spaces as word processors write them, may only separate groups of three digits before
    /// the decimal point (`"1,000"`, `"1 500 000"` but not `"1,2,3"`, `"10,00"` or `"1 50"`). More than two decimals are rounded to
    /// the satang, halves away from zero (`"0.005"` → 1 satang, `"-0.005"` → −1 satang).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Empty`] if nothing is written, [`MoneyError::NotANumber`] if the text is
    /// not an amount, [`MoneyError::TooLarge`] if it does not fit in `i64` satang.
    pub fn parse(s: &str) -> Result<Self, MoneyError> {
        let s = to_arabic_digits(s);
        let s = unquote(s.trim());
        let s = s.strip_suffix("บาท").map_or(s, str::trim_end);
        // "500,000.-": the Thai way of writing no satang.
        let s = s.strip_suffix(".-").unwrap_or(s);
        if s.is_empty() {
            return Err(MoneyError::Empty);
        }
        // Spaces between groups of three digits, as some word processors write them, are read
        // as commas (and must group like them).
        let spaced;
        let s = if s.contains(SPACES) {
            spaced = s.replace(SPACES, ",");
            spaced.as_str()
        } else {
            s
        };
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let (int_part, frac) = s.split_once('.').unwrap_or((s, ""));
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        let groups_ok = int_part.split(',').enumerate().all(|(i, group)| {
            let len_ok = if i == 0 {
                (1..=3).contains(&group.len())
            } else {
                group.len() == 3
            };
            all_digits(group) && (len_ok || !int_part.contains(','))
        });
        if !groups_ok || !all_digits(frac) || (int_part.is_empty() && frac.is_empty()) {
            return Err(MoneyError::NotANumber);
        }

        // The text is well formed; only the size can still be wrong.
        let mut satang: i64 = 0;
        let mut frac_digits = frac.bytes().map(|b| i64::from(b - b'0'));
        let digits = int_part
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| i64::from(b - b'0'))
            .chain((0..2).map(|_| frac_digits.next().unwrap_or(0)));
        for d in digits {
            satang = satang
                .checked_mul(10)
                .and_then(|v| v.checked_add(d))
                .ok_or(MoneyError::TooLarge)?;
        }
        if frac_digits.next().is_some_and(|d| d >= 5) {
            satang = satang.checked_add(1).ok_or(MoneyError::TooLarge)?;
        }
        Ok(Self(if negative { -satang } else { satang }))
    }

    /// The amount with thousands separators and two decimals: `"1,234,567.00"`,
    /// `"-1,234.50"`.
    #[must_use]
    pub fn format(self) -> String {
        let abs = self.0.unsigned_abs();
        format!(
            "{}{}.{:02}",
            self.sign(),
            group_thousands(abs / 100),
            abs % 100
        )
    }

    /// The amount as a plain decimal for CSV and JSON: `"1234567.00"`, `"-1234.50"`.
    #[must_use]
    pub fn decimal(self) -> String {
        let abs = self.0.unsigned_abs();
        format!("{}{}.{:02}", self.sign(), abs / 100, abs % 100)
    }

    const fn sign(self) -> &'static str {
        if self.is_negative() { "-" } else { "" }
    }

    /// The amount in Thai words, as Excel's `BAHTTEXT` writes it:
    /// 498,000.00 → `"สี่แสนเก้าหมื่นแปดพันบาทถ้วน"`,
    /// 1,250.50 → `"หนึ่งพันสองร้อยห้าสิบบาทห้าสิบสตางค์"`, 0 → `"ศูนย์บาทถ้วน"`,
    /// 0.50 → `"ห้าสิบสตางค์"`; negative amounts start with `"ลบ"`.
    #[must_use]
    pub fn baht_text(self) -> String {
        let abs = self.0.unsigned_abs();
        let (baht, satang) = (abs / 100, abs % 100);
        let mut out = String::new();
        if self.is_negative() {
            out.push_str("ลบ");
        }
        if baht == 0 && satang == 0 {
            out.push_str("ศูนย์บาทถ้วน");
            return out;
        }
        if baht > 0 {
            push_number_words(baht, &mut out);
            out.push_str("บาท");
            if satang == 0 {
                out.push_str("ถ้วน");
            }
        }
        if satang > 0 {
            push_number_words(satang, &mut out);
            out.push_str("สตางค์");
        }
        out
    }
}

const DIGIT_WORDS: [&str; 10] = [
    "ศูนย์",
    "หนึ่ง",
    "สอง",
    "สาม",
    "สี่",
    "ห้า",
    "หก",
    "เจ็ด",
    "แปด",
    "เก้า",
];

/// Place names for the six digits below ล้าน, ones first.
const PLACE_WORDS: [&str; 6] = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"];

/// Appends the words for `n` (greater than zero). Each group of six digits is read on its
/// own, and ล้าน repeats for every further group: 10^12 is หนึ่งล้านล้าน.
fn push_number_words(n: u64, out: &mut String) {
    let (millions, rest) = (n / 1_000_000, n % 1_000_000);
    if millions > 0 {
        push_number_words(millions, out);
        out.push_str("ล้าน");
    }
    push_group_words(rest, millions > 0, out);
}

/// Appends the words for `group` (below a million). A final 1 is เอ็ด when anything comes
/// before it, in this group or in the millions above (`after_million`): 101 is หนึ่งร้อยเอ็ด,
/// 1,000,001 is หนึ่งล้านเอ็ด, but 1 alone is หนึ่ง.
fn push_group_words(group: u64, after_million: bool, out: &mut String) {
    let mut divisor = 100_000;
    for place in (0..PLACE_WORDS.len()).rev() {
        let digit = group / divisor % 10;
        divisor /= 10;
        match (place, digit) {
            (_, 0) => {}
            (0, 1) if group >= 10 || after_million => out.push_str("เอ็ด"),
            (1, 1) => out.push_str("สิบ"),
            (1, 2) => out.push_str("ยี่สิบ"),
            _ => {
                // `digit` is below 10, so the conversion cannot fail.
                out.push_str(DIGIT_WORDS[usize::try_from(digit).unwrap_or_default()]);
                out.push_str(PLACE_WORDS[place]);
            }
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

impl Add for Money {
    type Output = Self;

    /// Adds two amounts, saturating at the limits of `i64` satang.
    fn add(self, rhs: Self) -> Self {
        Self(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Self) {
        *self = *self + rhs;
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self(0), Add::add)
    }
}

impl<'a> Sum<&'a Self> for Money {
    fn sum<I: Iterator<Item = &'a Self>>(iter: I) -> Self {
        iter.copied().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_amounts_are_read_or_refused_never_misread() {
        for (text, satang) in [
            ("1 500 000", 150_000_000),
            ("1\u{00A0}500\u{00A0}000.50", 150_000_050),
            ("๑ ๕๐๐ ๐๐๐ บาท", 150_000_000),
            ("“500,000”", 50_000_000),
            ("\"500,000.00 บาท\"", 50_000_000),
            ("500,000.- บาท", 50_000_000),
            ("500,000.-", 50_000_000),
        ] {
            assert_eq!(Money::parse(text), Ok(Money(satang)), "{text}");
        }
        // Spaces that do not group by three would lose or add digits: refused.
        for text in ["1 50 000", "15 00", "1 500 00", "1, 500", "500 .00", "5 0"] {
            assert_eq!(Money::parse(text), Err(MoneyError::NotANumber), "{text}");
        }
    }

    fn words(baht: i64, satang: i64) -> String {
        Money(baht * 100 + satang).baht_text()
    }

    fn parse_words(s: &str) -> String {
        Money::parse(s).expect("valid amount").baht_text()
    }

    #[test]
    fn words_small_numbers() {
        assert_eq!(words(0, 0), "ศูนย์บาทถ้วน");
        assert_eq!(words(1, 0), "หนึ่งบาทถ้วน");
        assert_eq!(words(10, 0), "สิบบาทถ้วน");
        assert_eq!(words(11, 0), "สิบเอ็ดบาทถ้วน");
        assert_eq!(words(20, 0), "ยี่สิบบาทถ้วน");
        assert_eq!(words(21, 0), "ยี่สิบเอ็ดบาทถ้วน");
        assert_eq!(words(35, 0), "สามสิบห้าบาทถ้วน");
        assert_eq!(words(100, 0), "หนึ่งร้อยบาทถ้วน");
        assert_eq!(words(101, 0), "หนึ่งร้อยเอ็ดบาทถ้วน");
        assert_eq!(words(111, 0), "หนึ่งร้อยสิบเอ็ดบาทถ้วน");
        assert_eq!(words(201, 0), "สองร้อยเอ็ดบาทถ้วน");
        assert_eq!(words(1001, 0), "หนึ่งพันเอ็ดบาทถ้วน");
        assert_eq!(words(498_000, 0), "สี่แสนเก้าหมื่นแปดพันบาทถ้วน");
    }

    #[test]
    fn words_millions() {
        assert_eq!(words(1_000_000, 0), "หนึ่งล้านบาทถ้วน");
        assert_eq!(words(1_000_001, 0), "หนึ่งล้านเอ็ดบาทถ้วน");
        assert_eq!(words(1_000_011, 0), "หนึ่งล้านสิบเอ็ดบาทถ้วน");
        assert_eq!(words(11_000_000, 0), "สิบเอ็ดล้านบาทถ้วน");
        assert_eq!(words(21_000_000, 0), "ยี่สิบเอ็ดล้านบาทถ้วน");
        assert_eq!(words(101_000_000, 0), "หนึ่งร้อยเอ็ดล้านบาทถ้วน");
        assert_eq!(words(1_000_000_000_000, 0), "หนึ่งล้านล้านบาทถ้วน");
        assert_eq!(words(1_000_001_000_000, 0), "หนึ่งล้านเอ็ดล้านบาทถ้วน");
        assert_eq!(words(2_500_000_000_000, 25), "สองล้านห้าแสนล้านบาทยี่สิบห้าสตางค์");
        assert_eq!(
            parse_words("2,500,000,000,000.25"),
            "สองล้านห้าแสนล้านบาทยี่สิบห้าสตางค์"
        );
    }

    #[test]
    fn words_satang() {
        assert_eq!(words(1250, 50), "หนึ่งพันสองร้อยห้าสิบบาทห้าสิบสตางค์");
        assert_eq!(words(0, 1), "หนึ่งสตางค์");
        assert_eq!(words(0, 21), "ยี่สิบเอ็ดสตางค์");
        assert_eq!(words(0, 11), "สิบเอ็ดสตางค์");
        assert_eq!(words(1, 1), "หนึ่งบาทหนึ่งสตางค์");
        assert_eq!(parse_words("0.5"), "ห้าสิบสตางค์");
        assert_eq!(parse_words("1,250.50"), "หนึ่งพันสองร้อยห้าสิบบาทห้าสิบสตางค์");
    }

    #[test]
    fn words_negative_and_extremes() {
        assert_eq!(Money(-150).baht_text(), "ลบหนึ่งบาทห้าสิบสตางค์");
        assert_eq!(Money(-1).baht_text(), "ลบหนึ่งสตางค์");
        // No overflow at the limits.
        assert!(Money(i64::MAX).baht_text().ends_with("เจ็ดสตางค์"));
        assert!(Money(i64::MIN).baht_text().starts_with("ลบเก้าหมื่นสองพัน"));
    }

    #[test]
    fn parse_plain_and_grouped() {
        assert_eq!(Money::parse("500000"), Ok(Money::from_baht(500_000)));
        assert_eq!(Money::parse("500,000.00"), Ok(Money::from_baht(500_000)));
        assert_eq!(Money::parse("1,234,567.89"), Ok(Money(123_456_789)));
        assert_eq!(Money::parse("1250.5"), Ok(Money(125_050)));
        assert_eq!(Money::parse("-10"), Ok(Money(-1000)));
        assert_eq!(Money::parse("+10"), Ok(Money(1000)));
        assert_eq!(Money::parse("-0"), Ok(Money(0)));
        assert_eq!(Money::parse(" 12 บาท "), Ok(Money(1200)));
        assert_eq!(Money::parse("12บาท"), Ok(Money(1200)));
        assert_eq!(Money::parse(".5"), Ok(Money(50)));
        assert_eq!(Money::parse("5."), Ok(Money(500)));
        assert_eq!(Money::parse("0.01"), Ok(Money(1)));
        assert_eq!(Money::parse("999"), Ok(Money(99_900)));
    }

    #[test]
    fn parse_thai_digits() {
        assert_eq!(Money::parse("๕๐๐,๐๐๐ บาท"), Ok(Money::from_baht(500_000)));
        assert_eq!(Money::parse("๑,๒๕๐.๕๐"), Ok(Money(125_050)));
    }

    #[test]
    fn parse_rounds_third_decimal_half_away_from_zero() {
        assert_eq!(Money::parse("0.005"), Ok(Money(1)));
        assert_eq!(Money::parse("0.004"), Ok(Money(0)));
        assert_eq!(Money::parse("0.0049999"), Ok(Money(0)));
        assert_eq!(Money::parse("1.995"), Ok(Money(200)));
        assert_eq!(Money::parse("1.994"), Ok(Money(199)));
        assert_eq!(Money::parse("-0.005"), Ok(Money(-1)));
        assert_eq!(Money::parse("-1.125"), Ok(Money(-113)));
        assert_eq!(Money::parse("-1.124"), Ok(Money(-112)));
    }

    #[test]
    fn parse_failures() {
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse("   "), Err(MoneyError::Empty));
        assert_eq!(Money::parse(" บาท "), Err(MoneyError::Empty));
        for s in [
            "abc",
            "1,2,3",
            "12.3.4",
            "10,00",
            "1000,000",
            ",000",
            "1,000,",
            "1,,000",
            "1.000,00",
            "1,000.5,0",
            ".",
            "-",
            "+",
            "--1",
            "- 10",
            "1e5",
            "0x10",
            "บาท 12",
            "12 บาท บาท",
            "12.-5",
            "١٢",
        ] {
            assert_eq!(Money::parse(s), Err(MoneyError::NotANumber), "{s:?}");
        }
    }

    #[test]
    fn parse_too_large() {
        assert_eq!(Money::parse("92233720368547758.07"), Ok(Money(i64::MAX)));
        assert_eq!(
            Money::parse("92,233,720,368,547,758.07"),
            Ok(Money(i64::MAX))
        );
        assert_eq!(Money::parse("-92233720368547758.07"), Ok(Money(-i64::MAX)));
        assert_eq!(
            Money::parse("92233720368547758.08"),
            Err(MoneyError::TooLarge)
        );
        // Rounding up past the limit.
        assert_eq!(
            Money::parse("92233720368547758.075"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(
            Money::parse("99999999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(
            Money::parse("-99999999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        // Long but small: leading zeros and many decimals are fine.
        assert_eq!(
            Money::parse("0000000000000000000000001.5000000000000000000001"),
            Ok(Money(150))
        );
        // Malformed text is reported as such even when long.
        assert_eq!(
            Money::parse("99999999999999999999999x"),
            Err(MoneyError::NotANumber)
        );
    }

    /// Every string of up to five characters from a small alphabet: no panics, and every
    /// amount that parses formats back to itself.
    #[test]
    fn parse_never_panics() {
        let alphabet = ["0", "1", "5", "9", ",", ".", "-", " ", "๙", "บาท"];
        let mut inputs = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = inputs
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            for s in &longer {
                if let Ok(m) = Money::parse(s) {
                    assert_eq!(Money::parse(&m.format()), Ok(m), "{s:?}");
                    let _ = m.baht_text();
                }
            }
            inputs = longer;
        }
    }

    #[test]
    fn format_and_decimal() {
        assert_eq!(Money(123_456_700).format(), "1,234,567.00");
        assert_eq!(Money(-123_450).format(), "-1,234.50");
        assert_eq!(Money(5).format(), "0.05");
        assert_eq!(Money(-5).format(), "-0.05");
        assert_eq!(Money(0).format(), "0.00");
        assert_eq!(Money(123_456_700).decimal(), "1234567.00");
        assert_eq!(Money(-123_450).decimal(), "-1234.50");
        assert_eq!(Money(i64::MIN).format(), "-92,233,720,368,547,758.08");
        assert_eq!(Money(i64::MIN).decimal(), "-92233720368547758.08");
        assert_eq!(Money(123_456_700).to_string(), "1,234,567.00");
        // What format() writes, parse() reads back.
        for m in [
            Money(0),
            Money(1),
            Money(-99),
            Money(123_456_789),
            Money(i64::MAX),
        ] {
            assert_eq!(Money::parse(&m.format()), Ok(m));
            assert_eq!(Money::parse(&m.decimal()), Ok(m));
        }
    }

    #[test]
    fn constructors_and_accessors() {
        assert_eq!(Money::from_baht(12), Money(1200));
        assert_eq!(Money::from_baht(i64::MAX), Money(i64::MAX));
        assert_eq!(Money(150).satang(), 150);
        assert!(Money(-1).is_negative());
        assert!(!Money(0).is_negative());
        assert_eq!(Money::default(), Money(0));
        assert!(Money(1) < Money(2));
    }

    #[test]
    fn addition() {
        let mut total = Money(100) + Money(250);
        assert_eq!(total, Money(350));
        total += Money(-50);
        assert_eq!(total, Money(300));
        let amounts = [Money(100), Money(200), Money(300)];
        assert_eq!(amounts.iter().sum::<Money>(), Money(600));
        assert_eq!(amounts.into_iter().sum::<Money>(), Money(600));
        assert_eq!(std::iter::empty::<Money>().sum::<Money>(), Money(0));
        assert_eq!(Money(i64::MAX) + Money(1), Money(i64::MAX));
    }

    #[test]
    fn error_messages() {
        for e in [MoneyError::Empty, MoneyError::NotANumber] {
            assert!(e.th().contains("500,000.00 บาท"), "{e:?}");
            assert!(e.en().contains("500,000.00 บาท"), "{e:?}");
        }
        assert!(
            MoneyError::TooLarge
                .th()
                .contains("92,233,720,368,547,758.07")
        );
        assert!(
            MoneyError::TooLarge
                .en()
                .contains("92,233,720,368,547,758.07")
        );
        assert_eq!(MoneyError::Empty.to_string(), MoneyError::Empty.th());
    }
}
