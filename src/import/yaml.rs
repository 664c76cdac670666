//! Writing YAML the way staff read it: strings quoted only where YAML needs it, money with
//! commas, dates in the Buddhist Era.

use chrono::NaiveDate;

use crate::thai::calendar::{YearMonth, be};
use crate::thai::money::Money;

/// A string as a YAML scalar: plain when that reads back as the same string, else
/// double-quoted (JSON's quoting is YAML's).
pub fn string(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains([
            '\n', '"', '\'', '#', ':', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@',
            '`',
        ])
        && !s.starts_with(['-', '?'])
        && serde_yaml::from_str::<serde_yaml::Value>(s)
            .ok()
            .is_some_and(|v| v.as_str() == Some(s));
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

/// `"11,800.00"`: the amount as the form prints it, quoted so it reads back exactly.
pub fn money(m: Money) -> String {
    format!("\"{}\"", m.format())
}

pub fn date(d: NaiveDate) -> String {
    format!(
        "{}-{:02}-{:02}",
        be(chrono::Datelike::year(&d)),
        chrono::Datelike::month(&d),
        chrono::Datelike::day(&d)
    )
}

pub fn month(m: YearMonth) -> String {
    format!("{}-{:02}", be(m.year), m.month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_read_back_as_written() {
        for s in [
            "ร้านตัวอย่าง",
            "9/2566",
            "66-001",
            "yes",
            "12",
            "ก: ข",
            " x",
            "- รายการ",
            "บรรทัด\nสอง",
            "เครื่องหมาย \"คำพูด\"",
            "#1",
        ] {
            let y = format!("v: {}", string(s));
            let v: serde_yaml::Value = serde_yaml::from_str(&y).unwrap();
            assert_eq!(v["v"].as_str(), Some(s), "{y}");
        }
        assert_eq!(string("ร้านตัวอย่าง"), "ร้านตัวอย่าง");
    }
}
