//! Thai conventions: Buddhist-era dates and fiscal years ([`calendar`]), Thai digits
//! ([`numerals`]) and amounts in baht with their Thai words ([`money`]).

pub mod calendar;
pub mod money;
pub mod numerals;

pub use calendar::{DateError, FiscalYear, YearMonth};
pub use money::{Money, MoneyError};
pub use numerals::Numerals;

/// A Thai vowel sign or tone mark written above or below its letter (U+0E31, U+0E34–U+0E3A,
/// U+0E47–U+0E4E): it belongs to the letter before it and is never cut from it.
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0e31}' | '\u{0e34}'..='\u{0e3a}' | '\u{0e47}'..='\u{0e4e}')
}

/// `text`'s words separated by one space, with no space at either end: the same as
/// `split_whitespace` joined by spaces, without decoding each Thai letter (a byte that starts a
/// Thai letter, 0xE0, never starts a white-space character).
pub fn squeeze_spaces(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut push = |w: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    };
    let (mut i, mut word) = (0, 0);
    while i < bytes.len() {
        let space = match bytes[i] {
            b if b < 0x80 => usize::from((b as char).is_whitespace()),
            // The lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        if space == 0 {
            i += 1;
            continue;
        }
        if word < i {
            push(&text[word..i]);
        }
        i += space;
        word = i;
    }
    if word < bytes.len() {
        push(&text[word..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn squeezed_spaces_match_the_library(text in "[ \\t\\n\\r\\u{0b}\\u{0c}\\u{85}\\u{a0}\\u{1680}\\u{2000}-\\u{200b}\\u{2028}\\u{2029}\\u{202f}\\u{205f}\\u{3000}\\u{feff}aกขำ่้\\u{0e00}-\\u{0e7f}é€😀]{0,40}") {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(super::squeeze_spaces(&text), expected);
        }
    }
}
