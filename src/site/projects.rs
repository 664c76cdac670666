//! One record per procurement, joining the plan item, its reference prices and its results
//! through `plan_item`: the list ITA 2568 item o12 asks for, the links between pages, and the
//! OCDS releases all come from here.

use std::collections::HashMap;

use crate::site::notices::NoticeKind;
use crate::site::procurement::{
    Method, Plan, PlanItem, ReferencePrice, ResultItem, Results, RowStatus,
};
use crate::site::{Document, Site};
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
    /// Its notices (invitation, winner, contract...), oldest first.
    pub notices: Vec<&'a Document>,
}

/// How far a procurement has gone (สถานะการจัดซื้อจัดจ้าง), in the order of the process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Planned,
    Priced,
    Invited,
    Awarded,
    Contracted,
    Cancelled,
}

impl Stage {
    pub fn key(self) -> &'static str {
        match self {
            Stage::Planned => "planned",
            Stage::Priced => "reference_price",
            Stage::Invited => "invited",
            Stage::Awarded => "awarded",
            Stage::Contracted => "contracted",
            Stage::Cancelled => "cancelled",
        }
    }

    pub fn label_th(self) -> &'static str {
        match self {
            Stage::Planned => "อยู่ในแผน",
            Stage::Priced => "ประกาศราคากลางแล้ว",
            Stage::Invited => "ประกาศเชิญชวนแล้ว",
            Stage::Awarded => "ได้ผู้รับจ้าง/ผู้ขายแล้ว",
            Stage::Contracted => "ลงนามสัญญาแล้ว",
            Stage::Cancelled => "ยกเลิก",
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
        if let Some(r) = self.result() {
            return &r.title;
        }
        self.notices.first().map_or("", |d| d.front.title.as_str())
    }

    /// The e-GP project number, from the plan item or a notice.
    pub fn egp_project(&self) -> Option<&'a str> {
        self.plan_item()
            .and_then(|i| i.egp_project.as_deref())
            .or_else(|| {
                self.notices
                    .iter()
                    .find_map(|d| d.front.procurement.as_ref()?.egp_project.as_deref())
            })
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

    /// How far it has gone: the furthest step any record shows, unless the latest notice or
    /// the สขร.1 row calls it off.
    pub fn stage(&self) -> Stage {
        if self
            .result()
            .is_some_and(|r| r.status == RowStatus::Cancelled)
            || self.latest_notice().is_some_and(NoticeKind::cancels)
        {
            return Stage::Cancelled;
        }
        let by_result = match self.result() {
            Some(r) if r.contract.is_some() => Stage::Contracted,
            Some(r) if r.winner.is_some() => Stage::Awarded,
            _ if !self.reference_prices.is_empty() => Stage::Priced,
            _ => Stage::Planned,
        };
        let by_notice = self
            .notices
            .iter()
            .filter_map(|d| {
                Some(match d.front.procurement.as_ref()?.notice {
                    NoticeKind::Draft | NoticeKind::Invitation | NoticeKind::InvitationChanged => {
                        Stage::Invited
                    }
                    NoticeKind::Winner | NoticeKind::WinnerChanged => Stage::Awarded,
                    NoticeKind::Contract => Stage::Contracted,
                    NoticeKind::InvitationCancelled | NoticeKind::WinnerCancelled => {
                        return None;
                    }
                })
            })
            .max()
            .unwrap_or(Stage::Planned);
        by_result.max(by_notice)
    }

    fn latest_notice(&self) -> Option<NoticeKind> {
        self.notices
            .last()
            .and_then(|d| d.front.procurement.as_ref())
            .map(|p| p.notice)
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
                notices: Vec::new(),
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
                notices: Vec::new(),
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
                    notices: Vec::new(),
                }),
            }
        }
    }
    for doc in notices(site, fy) {
        let Some(n) = &doc.front.procurement else {
            continue;
        };
        // The plan item named, else the project with the same e-GP number.
        let at = n
            .plan_item
            .as_deref()
            .and_then(|id| by_id.get(id).copied())
            .or_else(|| {
                let egp = n.egp_project.as_deref()?;
                out.iter().position(|p| p.egp_project() == Some(egp))
            });
        match at {
            Some(i) => out[i].notices.push(doc),
            None => out.push(Project {
                fiscal_year: fy,
                local_id: match &n.egp_project {
                    Some(e) => format!("egp-{e}"),
                    None => format!("notice-{}", doc.slug),
                },
                plan: None,
                reference_prices: Vec::new(),
                results: Vec::new(),
                notices: vec![doc],
            }),
        }
    }
    out
}

/// The fiscal year a notice belongs to: the one it names, else that of its date.
pub fn notice_year(doc: &Document) -> Option<FiscalYear> {
    let n = doc.front.procurement.as_ref()?;
    n.fiscal_year.map(|f| f.0).or_else(|| doc.fiscal_year())
}

/// The procurement notices of fiscal year `fy`, oldest first.
pub fn notices(site: &Site, fy: FiscalYear) -> Vec<&Document> {
    let mut docs: Vec<&Document> = site
        .documents()
        .filter(|d| notice_year(d) == Some(fy))
        .collect();
    docs.sort_by(|a, b| {
        (a.front.date.map(|d| d.0), &a.slug).cmp(&(b.front.date.map(|d| d.0), &b.slug))
    });
    docs
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
        .chain(site.documents().filter_map(notice_year))
        .collect();
    years.sort();
    years.dedup();
    years
}
