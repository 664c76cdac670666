//! One record per procurement, joining the plan item, its reference prices and its results
//! through `plan_item`: the list ITA 2568 item o12 asks for, the links between pages, and the
//! OCDS releases all come from here.

use std::collections::HashMap;

use crate::site::Site;
use crate::site::procurement::{Method, Plan, PlanItem, ReferencePrice, ResultItem, Results};
use crate::thai::calendar::FiscalYear;
use crate::thai::money::Money;

/// A procurement as far as the content tells it.
#[derive(Clone, Debug)]
pub struct Project<'a> {
    pub fiscal_year: FiscalYear,
    /// Stable within the fiscal year: the plan item id, or `rp-SLUG` / `YYYY-MM-N` (CE month,
    /// 1-based position) for records outside the plan.
    pub local_id: String,
    pub plan: Option<(&'a Plan, usize)>,
    pub reference_prices: Vec<&'a ReferencePrice>,
    pub results: Vec<(&'a Results, usize)>,
}

/// How far a procurement has gone (สถานะการจัดซื้อจัดจ้าง).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Planned,
    Priced,
    Awarded,
    Contracted,
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::Planned => "planned",
            Stage::Priced => "reference_price",
            Stage::Awarded => "awarded",
            Stage::Contracted => "contracted",
        }
    }

    pub fn label_th(self) -> &'static str {
        match self {
            Stage::Planned => "อยู่ในแผน",
            Stage::Priced => "ประกาศราคากลางแล้ว",
            Stage::Awarded => "ได้ผู้รับจ้าง/ผู้ขายแล้ว",
            Stage::Contracted => "ลงนามสัญญาแล้ว",
        }
    }
}

impl<'a> Project<'a> {
    pub fn plan_item(&self) -> Option<&'a PlanItem> {
        self.plan.map(|(p, i)| &p.data.items[i])
    }

    pub fn result_items(&self) -> impl Iterator<Item = &'a ResultItem> + '_ {
        self.results.iter().map(|(r, i)| &r.data.items[*i])
    }

    /// The latest result (the one that counts when a procurement was reported twice).
    pub fn result(&self) -> Option<&'a ResultItem> {
        self.results.last().map(|(r, i)| &r.data.items[*i])
    }

    pub fn reference_price(&self) -> Option<&'a ReferencePrice> {
        self.reference_prices.last().copied()
    }

    pub fn title(&self) -> &'a str {
        if let Some(item) = self.plan_item() {
            return &item.title;
        }
        if let Some(rp) = self.reference_price() {
            return &rp.data.project;
        }
        self.result().map_or("", |r| r.title.as_str())
    }

    pub fn budget(&self) -> Option<Money> {
        self.plan_item()
            .map(|i| i.budget.0)
            .or_else(|| self.reference_price().map(|r| r.data.budget.0))
            .or_else(|| self.result().map(|r| r.budget.0))
    }

    pub fn method(&self) -> Option<Method> {
        self.result()
            .map(|r| r.method)
            .or_else(|| self.plan_item().map(|i| i.method))
    }

    pub fn reference_amount(&self) -> Option<Money> {
        self.reference_price()
            .map(|r| r.data.price.0)
            .or_else(|| self.result().and_then(|r| r.reference_price.map(|a| a.0)))
    }

    pub fn stage(&self) -> Stage {
        match self.result() {
            Some(r) if r.contract.is_some() => Stage::Contracted,
            Some(r) if r.winner.is_some() => Stage::Awarded,
            _ if !self.reference_prices.is_empty() => Stage::Priced,
            _ => Stage::Planned,
        }
    }
}

/// Every procurement of fiscal year `fy`: plan items in plan order, then reference prices and
/// results outside the plan in date order.
pub fn projects(site: &Site, fy: FiscalYear) -> Vec<Project<'_>> {
    let mut out: Vec<Project> = Vec::new();
    if let Some(plan) = site.plans.get(&fy) {
        for (i, id) in plan.ids.iter().enumerate() {
            out.push(Project {
                fiscal_year: fy,
                local_id: id.clone(),
                plan: Some((plan, i)),
                reference_prices: Vec::new(),
                results: Vec::new(),
            });
        }
    }
    // Plan items by id (the first of a repeated id, as the check reports the rest).
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, p) in out.iter().enumerate() {
        by_id.entry(p.local_id.clone()).or_insert(i);
    }
    let position = |_: &[Project], id: &str| by_id.get(id).copied();
    let mut prices: Vec<&ReferencePrice> = site
        .reference_prices
        .iter()
        .filter(|r| r.fiscal_year() == fy)
        .collect();
    prices.sort_by_key(|r| (r.data.priced_on, r.slug.clone()));
    for rp in prices {
        match rp
            .data
            .plan_item
            .as_deref()
            .and_then(|id| position(&out, id))
        {
            Some(i) => out[i].reference_prices.push(rp),
            None => out.push(Project {
                fiscal_year: fy,
                local_id: format!("rp-{}", rp.slug),
                plan: None,
                reference_prices: vec![rp],
                results: Vec::new(),
            }),
        }
    }
    for results in site
        .results
        .values()
        .filter(|r| r.data.month.0.fiscal_year() == fy)
    {
        for (i, item) in results.data.items.iter().enumerate() {
            match item.plan_item.as_deref().and_then(|id| position(&out, id)) {
                Some(p) => out[p].results.push((results, i)),
                None => out.push(Project {
                    fiscal_year: fy,
                    local_id: format!("{}-{}", results.data.month.0.iso(), i + 1),
                    plan: None,
                    reference_prices: Vec::new(),
                    results: vec![(results, i)],
                }),
            }
        }
    }
    out
}

/// The fiscal years with any procurement record, oldest first.
pub fn fiscal_years(site: &Site) -> Vec<FiscalYear> {
    let mut years: Vec<FiscalYear> = site
        .plans
        .keys()
        .copied()
        .chain(
            site.reference_prices
                .iter()
                .map(ReferencePrice::fiscal_year),
        )
        .chain(site.results.keys().map(|m| m.fiscal_year()))
        .collect();
    years.sort();
    years.dedup();
    years
}
