//! The NACC's ITA/OIT item catalogs, kept as data because the numbering changes almost every
//! year: one file per assessment year, built in, which a site may add to or replace with
//! `content/ita/YEAR.yaml`. Items map to stable topic keys; content answers an item when it is
//! tagged with one of the item's topics.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Msg};
use crate::site::disclosure::Disclosure;
use crate::site::source::{Source, parse_yaml};
use crate::thai::calendar::FiscalYear;

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The assessment year (BE); it judges the fiscal year of the same number.
    pub year: i32,
    /// Whether the item list was confirmed against the NACC's manual.
    #[serde(default = "yes")]
    pub confirmed: bool,
    pub note: Option<String>,
    pub groups: Vec<Group>,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub code: String,
    pub title: String,
    pub items: Vec<Item>,
}

impl Group {
    /// The heading as the assessment prints it: `9.2 การบริหารงาน`, or the title alone when
    /// the group's code is an internal key (`basic`) rather than an official number.
    pub fn heading(&self) -> String {
        let key = self
            .code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_');
        if !key {
            format!("{} {}", self.code, self.title)
        } else {
            self.title.clone()
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub code: String,
    pub title: String,
    pub topics: Vec<String>,
    pub confirmed: Option<bool>,
    /// Which fiscal year's content answers the item.
    #[serde(default)]
    pub covers: Covers,
}

/// The fiscal year an item of assessment year N asks about.
#[derive(
    Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Covers {
    /// Fiscal year N: the plans, notices and six-month reports of the year assessed.
    #[default]
    AssessmentYear,
    /// Fiscal year N−1: an annual report, which can only be written once its year is over
    /// (an ITA 2568 page shows "รายงานผลการดำเนินงาน ประจำปี พ.ศ. 2567").
    PreviousYear,
    /// Whatever is in force on the day of the assessment, of any year up to N: the structure,
    /// the contact channels, a manual or a policy still applied.
    InForce,
}

impl Covers {
    /// Whether content of fiscal year `year` (`None`: undated) answers for assessment `n`.
    pub fn accepts(self, n: FiscalYear, year: Option<FiscalYear>) -> bool {
        let Some(y) = year else {
            return true;
        };
        match self {
            Covers::AssessmentYear => y == n,
            Covers::PreviousYear => y.be() == n.be() - 1,
            Covers::InForce => y <= n,
        }
    }

    /// The fiscal year content must be of, when the rule names one.
    pub fn year(self, n: FiscalYear) -> Option<FiscalYear> {
        match self {
            Covers::AssessmentYear => Some(n),
            Covers::PreviousYear => Some(FiscalYear(n.be() - 1)),
            Covers::InForce => None,
        }
    }
}

const BUILTIN: [(i32, &str); 4] = [
    (2566, include_str!("catalogs/2566.yaml")),
    (2567, include_str!("catalogs/2567.yaml")),
    (2568, include_str!("catalogs/2568.yaml")),
    (2569, include_str!("catalogs/2569.yaml")),
];

/// The ITA assessment under way on `day`: the one of its calendar year (BE).
pub fn assessment_year(day: chrono::NaiveDate) -> i32 {
    crate::thai::calendar::be_year(day)
}

/// The newest assessment with a built-in catalog, up to the one under way on `day`: what a new
/// site targets.
pub fn current_catalog_year(day: chrono::NaiveDate) -> i32 {
    let now = assessment_year(day);
    BUILTIN
        .iter()
        .map(|(y, _)| *y)
        .filter(|y| *y <= now)
        .max()
        .unwrap_or(now)
}

/// The built-in catalogs, by year. They are part of the program and tested to parse.
pub fn builtin() -> BTreeMap<i32, Catalog> {
    BUILTIN
        .iter()
        .filter_map(|(year, text)| {
            serde_yaml::from_str::<Catalog>(text)
                .ok()
                .map(|c| (*year, c))
        })
        .collect()
}

impl Catalog {
    /// Loads `content/ita/YEAR.yaml`; its topics must be known keys.
    pub fn load(source: &Source) -> Result<Self, Diagnostic> {
        let catalog: Catalog = parse_yaml(source, &source.text, 1)?;
        let stem = source
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if stem != catalog.year.to_string() {
            let (l, c) = source.locate("year:", 1).unwrap_or((1, 0));
            return Err(Diagnostic::error(
                crate::diagnostic::codes::CATALOG_YEAR,
                &source.path,
                Msg::new(
                    format!("ปีในไฟล์ ({}) ไม่ตรงกับชื่อไฟล์ ({stem}.yaml)", catalog.year),
                    format!(
                        "the year in the file ({}) does not match the file name ({stem}.yaml)",
                        catalog.year
                    ),
                ),
            )
            .at(&source.text, l, c)
            .field("year")
            .help(Msg::new(
                format!("ตั้งชื่อไฟล์เป็น {}.yaml", catalog.year),
                format!("name the file {}.yaml", catalog.year),
            )));
        }
        // Items are looked for in file order, so a topic is found under its own item.
        let mut from = 1;
        for group in &catalog.groups {
            for item in &group.items {
                from = source.locate(&item.code, from).map_or(from, |(l, _)| l);
                for t in &item.topics {
                    if !crate::site::topics::KEYS.contains(&t.as_str()) {
                        let (l, c) = source.locate(t, from).unwrap_or((0, 0));
                        return Err(Diagnostic::error(
                            crate::diagnostic::codes::CATALOG_TOPIC,
                            &source.path,
                            Msg::new(
                                format!("ข้อ {} ใช้หัวข้อ \"{t}\" ที่ไม่รู้จัก", item.code),
                                format!("item {} names the unknown topic \"{t}\"", item.code),
                            ),
                        )
                        .at(&source.text, l, c)
                        .help(Msg::new(
                            "ใช้รหัสหัวข้อที่กำหนด (ดูรายการใน README)",
                            "use one of the topic keys listed in the README",
                        )));
                    }
                }
            }
        }
        Ok(catalog)
    }

    pub fn fiscal_year(&self) -> FiscalYear {
        FiscalYear(self.year)
    }

    pub fn items(&self) -> impl Iterator<Item = (&Group, &Item)> {
        self.groups
            .iter()
            .flat_map(|g| g.items.iter().map(move |i| (g, i)))
    }
}

impl Item {
    /// What on the site answers this item in assessment year `n`: content tagged with one of
    /// its topics, of the fiscal year the item covers or not dated at all.
    pub fn answers<'a>(&self, n: FiscalYear, disclosures: &'a [Disclosure]) -> Vec<&'a Disclosure> {
        disclosures
            .iter()
            .filter(|d| self.covers.accepts(n, d.fiscal_year))
            .filter(|d| d.topics.iter().any(|t| self.topics.contains(t)))
            .collect()
    }

    pub fn is_confirmed(&self, catalog: &Catalog) -> bool {
        self.confirmed.unwrap_or(catalog.confirmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_annual_report_item_asks_for_the_year_before_the_assessment() {
        let n = FiscalYear(2568);
        let of = |y| Some(FiscalYear(y));
        assert!(Covers::PreviousYear.accepts(n, of(2567)));
        assert!(!Covers::PreviousYear.accepts(n, of(2568)));
        assert!(Covers::AssessmentYear.accepts(n, of(2568)));
        assert!(!Covers::AssessmentYear.accepts(n, of(2567)));
        assert!(Covers::InForce.accepts(n, of(2561)));
        assert!(!Covers::InForce.accepts(n, of(2569)));
        assert_eq!(Covers::PreviousYear.year(n), of(2567));
    }

    #[test]
    fn builtin_catalogs_parse_and_use_known_topics() {
        let all = builtin();
        assert_eq!(
            all.keys().copied().collect::<Vec<_>>(),
            [2566, 2567, 2568, 2569]
        );
        for c in all.values() {
            for (_, item) in c.items() {
                assert!(!item.topics.is_empty(), "{} {}", c.year, item.code);
                for t in &item.topics {
                    assert!(crate::site::topics::KEYS.contains(&t.as_str()), "{t}");
                }
            }
        }
    }
}
