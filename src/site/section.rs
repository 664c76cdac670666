//! A section: a Markdown folder under `content/` listed at `/NAME/`, and how its list is laid
//! out by fiscal year and month.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::site::{ANNOUNCEMENTS, Document, PROCUREMENT_NOTICES, routes};
use crate::thai::calendar::{FiscalYear, YearMonth};

/// A folder of Markdown documents with a list page.
#[derive(Clone, Debug)]
pub struct Section {
    pub name: String,
    /// `_index.md`: the section's title and introduction, when present.
    pub index: Option<Arc<Document>>,
    /// Newest first (by date, then title).
    pub documents: Vec<Arc<Document>>,
}

/// Documents above which a section's list is shown a fiscal year a page, and a fiscal year's
/// a month a page: at about 500 bytes a row, 200 rows make a page of 100 KB, much for a phone
/// on a slow line (a list of every announcement of a large municipality runs to megabytes).
pub const LIST_ROWS: usize = 200;

/// Documents of a list, newest first.
pub type Docs<'a> = Vec<&'a Arc<Document>>;

/// A section's documents of one fiscal year, newest first.
pub struct YearList<'a> {
    pub fiscal_year: FiscalYear,
    pub documents: Docs<'a>,
}

impl<'a> YearList<'a> {
    /// Whether the year's list is shown a month a page.
    pub fn is_long(&self) -> bool {
        self.documents.len() > LIST_ROWS
    }

    /// The months of the documents' dates, newest first, each with its documents; and the
    /// documents without a date (their fiscal year set by `fiscal_year:`).
    pub fn by_month(&self) -> (Vec<(YearMonth, Docs<'a>)>, Docs<'a>) {
        let mut months: BTreeMap<YearMonth, Docs<'a>> = BTreeMap::new();
        let mut undated = Vec::new();
        for d in &self.documents {
            match d.front.date {
                Some(date) => months.entry(YearMonth::of(date.0)).or_default().push(*d),
                None => undated.push(*d),
            }
        }
        (months.into_iter().rev().collect(), undated)
    }
}

impl Section {
    /// Whether the list is shown a fiscal year a page ([`LIST_ROWS`]).
    pub fn is_long(&self) -> bool {
        self.documents.len() > LIST_ROWS
    }

    /// The documents by fiscal year (the one a document is about, which may be older than its
    /// date's), newest year first, and those of no fiscal year; each newest first.
    pub fn by_fiscal_year(&self) -> (Vec<YearList<'_>>, Docs<'_>) {
        let mut years: BTreeMap<FiscalYear, Docs<'_>> = BTreeMap::new();
        let mut undated = Vec::new();
        for d in &self.documents {
            match d.fiscal_year() {
                Some(fy) => years.entry(fy).or_default().push(d),
                None => undated.push(d),
            }
        }
        let years = years
            .into_iter()
            .rev()
            .map(|(fiscal_year, documents)| YearList {
                fiscal_year,
                documents,
            })
            .collect();
        (years, undated)
    }

    /// The addresses of its fiscal years' lists, when it has them ([`Section::is_long`]).
    pub fn year_lists(&self) -> Vec<String> {
        if !self.is_long() {
            return Vec::new();
        }
        self.by_fiscal_year()
            .0
            .iter()
            .map(|y| routes::section_year(&self.name, y.fiscal_year))
            .collect()
    }

    pub fn title(&self) -> String {
        if let Some(index) = &self.index {
            return index.front.title.clone();
        }
        match self.name.as_str() {
            ANNOUNCEMENTS => "ประกาศ".to_owned(),
            "news" => "ข่าวประชาสัมพันธ์".to_owned(),
            "council" => "รายงานการประชุมสภา".to_owned(),
            PROCUREMENT_NOTICES => "ประกาศจัดซื้อจัดจ้าง".to_owned(),
            other => other.to_owned(),
        }
    }
}
