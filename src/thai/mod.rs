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
/// `split_whitespace` joined by spaces.
pub fn squeeze_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    Squeezed::new(&mut out).push(text);
    out
}

/// Text appended to a string as [`squeeze_spaces`] would have the pieces pushed one after
/// the other: words of every piece (a word may run on from one piece into the next) separated
/// by one space, no space before the first or after the last.
pub struct Squeezed<'a> {
    out: &'a mut String,
    /// Where this text starts in `out`.
    start: usize,
    /// A space was met since the last word's last letter.
    space: bool,
}

impl<'a> Squeezed<'a> {
    pub fn new(out: &'a mut String) -> Self {
        let start = out.len();
        Self {
            out,
            start,
            space: false,
        }
    }

    /// A space between what was pushed and what will be.
    pub fn space(&mut self) {
        self.space = true;
    }

    /// Appends `text`, without decoding each Thai letter: a byte that starts a Thai letter,
    /// 0xE0, starts a three-byte letter that is never white space.
    pub fn push(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let (mut i, mut word) = (0, 0);
        while i < bytes.len() {
            let space = match bytes[i] {
                0xE0 => {
                    i += 3;
                    continue;
                }
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
                self.word(&text[word..i]);
            }
            self.space = true;
            i += space;
            word = i;
        }
        if word < bytes.len() {
            self.word(&text[word..]);
        }
    }

    fn word(&mut self, w: &str) {
        if self.space && self.out.len() > self.start {
            self.out.push(' ');
        }
        self.space = false;
        self.out.push_str(w);
    }
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

        /// Pieces pushed one after the other, with spaces between some, are squeezed as their
        /// whole; what the string held before is left as it was.
        #[test]
        fn pieces_squeezed_match_the_whole_squeezed(
            pieces in proptest::collection::vec(("[ \\n\\u{a0}\\u{3000}aกำ่]{0,8}", any::<bool>()), 0..6),
        ) {
            let mut whole = String::new();
            let mut out = String::from("before ");
            let mut s = super::Squeezed::new(&mut out);
            for (piece, space) in &pieces {
                s.push(piece);
                whole.push_str(piece);
                if *space {
                    s.space();
                    whole.push(' ');
                }
            }
            prop_assert_eq!(out, format!("before {}", super::squeeze_spaces(&whole)));
        }
    }
}
