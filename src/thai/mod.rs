//! Thai conventions: Buddhist-era dates and fiscal years ([`calendar`]), Thai digits
//! ([`numerals`]) and amounts in baht with their Thai words ([`money`]).

pub mod calendar;
pub mod money;
pub mod numerals;

pub use calendar::{DateError, FiscalYear, YearMonth};
pub use money::{Money, MoneyError};
pub use numerals::Numerals;
