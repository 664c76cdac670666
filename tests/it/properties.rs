//! Property tests of the Thai values: money, dates and fiscal years survive every round trip
//! the site makes with them, for any value, not only the ones a person thought of.

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;

use prongsai::thai::calendar::{be, parse_date};
use prongsai::thai::numerals::to_thai_digits;
use prongsai::thai::{FiscalYear, Money, YearMonth};

fn date() -> impl Strategy<Value = NaiveDate> {
    // 1 January 1900 to 31 December 2200 CE (BE 2443 to 2743).
    (0i64..110_000).prop_map(|d| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(d))
}

proptest! {
    /// Valid UTF-8 is read as itself, whatever it holds: the old-encoding fallback never
    /// touches it.
    #[test]
    fn utf8_content_is_never_read_as_another_encoding(text in "\\PC{0,200}") {
        let site = prongsai::site::source::decode(text.clone().into_bytes());
        prop_assert_eq!(site, Ok((text, None)));
    }

    #[test]
    fn money_reads_back_what_it_writes(satang in any::<i64>()) {
        let m = Money(satang);
        prop_assert_eq!(Money::parse(&m.format()), Ok(m));
        prop_assert_eq!(Money::parse(&m.decimal()), Ok(m));
        prop_assert_eq!(Money::parse(&format!("{} บาท", to_thai_digits(&m.format()))), Ok(m));
        prop_assert_eq!(Money::parse(&m.format().replace(',', " ")), Ok(m));
        prop_assert_eq!(Money::parse(&format!("“{}”", m.format())), Ok(m));
    }

    #[test]
    fn money_refuses_a_misplaced_separator(baht in 1_000u64..1_000_000_000, cut in 1usize..3) {
        // Separators that do not group by three would change the number: never read.
        let digits = baht.to_string();
        let at = digits.len() - cut;
        for sep in [",", " "] {
            let text = format!("{}{sep}{}", &digits[..at], &digits[at..]);
            prop_assert!(Money::parse(&text).is_err(), "{} was read", text);
        }
    }

    #[test]
    fn money_in_words_says_baht_and_satang(satang in 0i64..i64::MAX) {
        let words = Money(satang).baht_text();
        if satang % 100 == 0 {
            prop_assert!(words.ends_with("บาทถ้วน"), "{}", words);
        } else {
            prop_assert!(words.ends_with("สตางค์"), "{}", words);
        }
        prop_assert!(!words.chars().any(|c| c.is_ascii_digit()));
        prop_assert_eq!(Money(-satang).baht_text(), format!("ลบ{words}"));
    }

    #[test]
    fn dates_read_back_in_either_era_and_either_digits(d in date()) {
        let (y, m, day) = (d.year(), d.month(), d.day());
        let be_text = format!("{}-{m:02}-{day:02}", be(y));
        prop_assert_eq!(parse_date(&be_text), Ok(d));
        prop_assert_eq!(parse_date(&format!("{y}-{m}-{day}")), Ok(d));
        prop_assert_eq!(parse_date(&to_thai_digits(&be_text)), Ok(d));
        prop_assert_eq!(YearMonth::parse(&format!("{}-{m:02}", be(y))), Ok(YearMonth::of(d)));
        prop_assert_eq!(YearMonth::parse(&YearMonth::of(d).iso()), Ok(YearMonth::of(d)));
    }

    #[test]
    fn a_date_lies_in_its_fiscal_year_and_month(d in date()) {
        let fy = FiscalYear::of(d);
        prop_assert!(fy.contains(d));
        prop_assert!(fy.start() <= d && d <= fy.end());
        prop_assert_eq!(fy.start().month(), 10);
        prop_assert_eq!(fy.start().day(), 1);
        prop_assert_eq!(fy.end() + Duration::days(1), FiscalYear(fy.be() + 1).start());
        prop_assert_eq!(fy.be(), be(if d.month() >= 10 { d.year() + 1 } else { d.year() }));
        let months = fy.months();
        prop_assert!(months.contains(&YearMonth::of(d)));
        prop_assert_eq!(YearMonth::of(d).fiscal_year(), fy);
        for pair in months.windows(2) {
            prop_assert!(pair[0] < pair[1]);
            prop_assert_eq!(pair[1].first_day(), pair[0].last_day() + Duration::days(1));
        }
        prop_assert_eq!(months[0].first_day(), fy.start());
        prop_assert_eq!(months[11].last_day(), fy.end());
        prop_assert_eq!(FiscalYear::parse(&fy.be().to_string()), Ok(fy));
        prop_assert_eq!(FiscalYear::parse(&(fy.be() - 543).to_string()), Ok(fy));
    }
}
