//! Procurement pages and their open data, one module a page family: the plan
//! (`/procurement/plans/FY/`), reference-price disclosures laid out as their บก. forms, monthly
//! results as แบบ สขร.1, and the combined list of projects (ITA 2568 item o12). This module
//! holds what they share and the order they are made in.

mod forms;
mod notices;
mod plans;
mod projects;
mod results;

pub use forms::FormView;
pub use notices::{NoticeView, notice_view};
pub use plans::PlanView;
pub use results::{ResultsView, shown_months};

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::ctx;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::Outputs;
use crate::output::charts::{self, BLUE, Chart, Fill, ORANGE, Row, Series, baht_short};
use crate::output::page::{AttachmentView, PageMeta, attachment_views, year_links};
use crate::output::table::{Col, Dataset, Table, money_number};
use crate::render::markdown;
use crate::render::{Link, Renderer, Urls};
use crate::site::dataset::{ColumnType, Frequency};
use crate::site::document::Signatory;
use crate::site::procurement::{Form, Method, Plan, ReferencePrice, ReferencePriceFile, Results};
use crate::site::projects::{Project, fiscal_years, projects};
use crate::site::{Site, routes};
use crate::thai::calendar::{FiscalYear, YearMonth, format_month_long};
use crate::thai::money::Money;
use crate::thai::numerals::Numerals;

/// The pages made so far: (site path, the page or why it could not be made).
type Pages = Vec<(String, Result<String, Diagnostic>)>;

/// A month as link titles show it: `กุมภาพันธ์ 2566` (BE; templates turn the digits Thai).
fn month_title(month: YearMonth) -> String {
    format_month_long(month, Numerals::Arabic)
}

pub fn render(site: &Site, r: &Renderer, out: &mut Outputs, diags: &mut Diagnostics) {
    let years = fiscal_years(site);
    if years.is_empty() {
        return;
    }
    // Made on all cores, a family (and a year) a task, kept in this order.
    type Task<'a> = Box<dyn Fn(&mut Pages) + Send + Sync + 'a>;
    let years = &years;
    let mut tasks: Vec<Task> = vec![
        Box::new(|p| overview(site, r, years, p)),
        Box::new(|p| plans::pages(site, r, p)),
        Box::new(|p| forms::pages(site, r, p)),
    ];
    for &fy in years {
        tasks.push(Box::new(move |p| results::page(site, r, years, fy, p)));
        tasks.push(Box::new(move |p| projects::page(site, r, years, fy, p)));
    }
    let made: Vec<Pages> = tasks
        .par_iter()
        .map(|task| {
            let mut pages = Pages::new();
            task(&mut pages);
            pages
        })
        .collect();
    for (rel, html) in made.into_iter().flatten() {
        match html {
            Ok(html) => out.add_page(&rel, html),
            Err(d) => diags.push(d),
        }
    }
}

/// `/procurement/`: every fiscal year with what it has.
fn overview(site: &Site, r: &Renderer, years: &[FiscalYear], pages: &mut Pages) {
    let urls = &r.urls;
    let overview: Vec<YearOverview> = years
        .iter()
        .rev()
        .map(|&fy| YearOverview {
            fiscal_year: fy.be(),
            plan: site.plans.get(&fy).map(|_| urls.path(&routes::plan(fy))),
            results: urls.path(&routes::results(fy)),
            projects: urls.path(&routes::projects(fy)),
            reference_prices: site
                .reference_prices
                .iter()
                .filter(|x| x.fiscal_year() == fy)
                .count(),
            months_published: site
                .results
                .keys()
                .filter(|m| m.fiscal_year() == fy)
                .count(),
            notices: crate::site::projects::notices(site, fy).len(),
        })
        .collect();
    pages.push((
        routes::procurement().into(),
        r.render(
            "procurement.html",
            ctx! {
                page => PageMeta::new("การจัดซื้อจัดจ้าง", routes::procurement(), urls),
                years => overview,
                reference_prices_url => urls.path(routes::reference_prices()),
                notices_url => site
                    .sections
                    .contains_key(crate::site::PROCUREMENT_NOTICES)
                    .then(|| urls.path(&routes::section(crate::site::PROCUREMENT_NOTICES))),
            },
        ),
    ));
}

#[derive(Serialize)]
struct YearOverview {
    fiscal_year: i32,
    plan: Option<String>,
    results: String,
    projects: String,
    reference_prices: usize,
    months_published: usize,
    /// Invitations, winner announcements, contracts...
    notices: usize,
}

/// The procurement datasets: each year's plan, results and projects, and the reference prices.
/// Made on all cores, a family (and a year) a task, in this order.
pub fn publish_data(site: &Site, urls: &Urls, out: &mut Outputs) -> Vec<Dataset> {
    type Task<'a> = Box<dyn Fn(&mut Outputs) -> Vec<Dataset> + Send + Sync + 'a>;
    let mut tasks: Vec<Task> = vec![
        Box::new(|o| plans::data(site, urls, o)),
        Box::new(|o| forms::data(site, urls, o)),
    ];
    for fy in fiscal_years(site) {
        tasks.push(Box::new(move |o| vec![results::data(site, fy, urls, o)]));
        tasks.push(Box::new(move |o| vec![projects::data(site, fy, urls, o)]));
    }
    let made: Vec<(Vec<Dataset>, Outputs)> = tasks
        .par_iter()
        .map(|task| {
            let mut o = Outputs::default();
            (task(&mut o), o)
        })
        .collect();
    let mut datasets = Vec::new();
    for (d, o) in made {
        datasets.extend(d);
        out.extend(o);
    }
    datasets
}

/// What every procurement dataset says of itself; each family sets the rest.
fn dataset_base(
    site: &Site,
    id: String,
    dir: String,
    title: String,
    description: String,
    fy: Option<i32>,
) -> Dataset {
    let org = &site.config.name;
    Dataset {
        id,
        dir,
        title,
        description,
        keywords: vec!["จัดซื้อจัดจ้าง".into(), "procurement".into(), org.clone()],
        frequency: Frequency::Monthly,
        license: site.config.license.clone(),
        dataset_type: "ข้อมูลระเบียน".into(),
        source: "กองคลัง".into(),
        objective: "เปิดเผยข้อมูลการจัดซื้อจัดจ้างตามมาตรา ๙ แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ และพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐".into(),
        issued: None,
        modified: None,
        fiscal_year: fy,
        period: None,
        theme: "GOVE",
        category: crate::site::dataset::DataCategory::Public,
        contact: None,
        tables: Vec::new(),
        extra_files: vec![],
    }
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or_default().to_owned()
}

/// The monthly results of a fiscal year.
pub fn results_of(site: &Site, fy: FiscalYear) -> impl Iterator<Item = &Results> {
    site.results
        .values()
        .filter(move |r| r.data.month.0.fiscal_year() == fy)
}

/// A sum of amounts in satang that stops at the largest value instead of wrapping round to a
/// negative one (`check` refuses the records that would get there).
fn sum_satang(amounts: impl Iterator<Item = i64>) -> i64 {
    amounts.fold(0, i64::saturating_add)
}
