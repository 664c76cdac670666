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
