//! The parsers of what users type: money (Arabic or Thai digits, commas, บาท), dates, months,
//! fiscal years, Thai digits; and baht in words of whatever money parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::thai::calendar::{FiscalYear, YearMonth, parse_date};
use prongsai::thai::money::Money;
use prongsai::thai::numerals::{to_arabic_digits, to_thai_digits};

fuzz_target!(|text: &str| {
    if let Ok(m) = Money::parse(text) {
        let _ = m.baht_text();
        let again = Money::parse(&m.format()).expect("formatted money parses");
        assert_eq!(again, m, "format/parse round trip of {text:?}");
    }
    if let Ok(d) = parse_date(text) {
        let _ = FiscalYear::of(d).months();
    }
    if let Ok(m) = YearMonth::parse(text) {
        let _ = (m.first_day(), m.last_day(), m.succ());
    }
    let _ = FiscalYear::parse(text).map(|f| (f.start(), f.end()));
    assert_eq!(to_arabic_digits(&to_thai_digits(text)), to_arabic_digits(text));
});
