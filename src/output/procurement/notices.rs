//! What a procurement notice's page shows beside its text: the procurement it belongs to, each
//! step of it published on the site (plan item, reference price, invitation, winner, สขร.1 row,
//! contract) in date order, and who was selected and why.

use super::*;
use crate::site::Document;
use crate::site::projects::notice_year;

/// The procurement box of a notice's page.
#[derive(Serialize)]
pub struct NoticeView {
    /// ประกาศเชิญชวน, ประกาศผู้ชนะการเสนอราคา...
    pub kind: &'static str,
    pub kind_key: &'static str,
    /// e-GP's announcement type (`D0`, `W0`...), for staff matching e-GP.
    pub egp_type: Option<&'static str>,
    pub egp_project: Option<String>,
    pub project: String,
    pub fiscal_year: i32,
    pub stage: &'static str,
    pub budget: Option<String>,
    pub reference_price: Option<String>,
    pub method: Option<&'static str>,
    pub winner: Option<WinnerView>,
    /// Every published step, oldest first; the notice itself has no URL.
    pub steps: Vec<Step>,
    pub projects_url: String,
}

#[derive(Serialize)]
pub struct WinnerView {
    pub name: String,
    pub price: String,
    pub reason: Option<String>,
}

#[derive(Serialize)]
pub struct Step {
    pub title: String,
    /// ISO date (CE), for the `thai_date` filter.
    pub date: Option<String>,
    pub url: Option<String>,
}

/// The view for a document that is a procurement notice, `None` for any other.
pub fn notice_view(site: &Site, doc: &Document, urls: &Urls) -> Option<NoticeView> {
    let n = doc.front.procurement.as_ref()?;
    let fy = notice_year(doc)?;
    let list = projects(site, fy);
    let p = list
        .iter()
        .find(|p| p.notices.iter().any(|d| std::ptr::eq(*d, doc)))?;
    let mut steps: Vec<(Option<chrono::NaiveDate>, Step)> = Vec::new();
    if let Some((plan, _)) = p.plan {
        steps.push((
            plan.data.announced.map(|d| d.0),
            Step {
                title: format!("แผนการจัดซื้อจัดจ้าง รายการ {}", p.local_id),
                date: plan.data.announced.map(|d| d.0.to_string()),
                url: Some(urls.route(&routes::plan_item(fy, &p.local_id))),
            },
        ));
    }
    for rp in &p.reference_prices {
        steps.push((
            Some(rp.data.priced_on.0),
            Step {
                title: format!("ประกาศราคากลาง ({})", rp.data.form.code()),
                date: Some(rp.data.priced_on.0.to_string()),
                url: Some(urls.path(&routes::reference_price(&rp.slug))),
            },
        ));
    }
    for d in &p.notices {
        let date = d.front.date.map(|x| x.0);
        let here = std::ptr::eq(*d, doc);
        let kind = d.front.procurement.as_ref().map(|x| x.notice.label_th());
        steps.push((
            date,
            Step {
                title: match (kind, here) {
                    (Some(k), true) => format!("{k} (ประกาศนี้)"),
                    (Some(k), false) => k.to_owned(),
                    (None, _) => d.front.title.clone(),
                },
                date: date.map(|x| x.to_string()),
                url: (!here).then(|| urls.path(&routes::document(d))),
            },
        ));
    }
    for (r, j) in &p.results {
        let item = &r.data.items[*j];
        let date = item.contract.as_ref().map(|c| c.date.0);
        steps.push((
            date.or_else(|| Some(r.data.month.0.first_day())),
            Step {
                title: format!("ผลการจัดซื้อจัดจ้าง (สขร.1) เดือน{}", month_title(r.data.month.0)),
                date: date.map(|x| x.to_string()),
                url: Some(urls.route(&routes::result_row(
                    r.data.month.0,
                    *j,
                    site.results_split(r.data.month.0.fiscal_year()),
                ))),
            },
        ));
    }
    // Undated steps keep their place at the start; the sort is stable.
    steps.sort_by_key(|(d, _)| *d);
    let winner = p.result().and_then(|r| {
        let w = r.winner.as_ref()?;
        Some(WinnerView {
            name: w.name.clone(),
            price: w.price.0.format(),
            reason: r.reason.clone(),
        })
    });
    Some(NoticeView {
        kind: n.notice.label_th(),
        kind_key: n.notice.key(),
        egp_type: n.notice.egp_code(),
        egp_project: p.egp_project().map(str::to_owned),
        project: p.title().to_owned(),
        fiscal_year: fy.be(),
        stage: p.stage().label_th(),
        budget: p.budget().map(Money::format),
        reference_price: p.reference_amount().map(Money::format),
        method: p.method().map(Method::label_th),
        winner,
        steps: steps.into_iter().map(|(_, s)| s).collect(),
        projects_url: urls.path(&routes::projects(fy)),
    })
}
