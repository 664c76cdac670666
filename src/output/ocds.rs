//! `/data/ocds/FY.json`: the fiscal year's procurement as an OCDS 1.1 release package, when
//! `ocid_prefix` is set. One ocid per procurement ([`Project`]); a plan item gives a planning
//! release, a reference price a tender release, a result an award-and-contract release.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::output::Outputs;
use crate::output::table::money_number;
use crate::render::Urls;
use crate::site::Site;
use crate::site::procurement::Method;
use crate::site::projects::{Project, fiscal_years, projects};
use crate::site::routes;
use crate::thai::calendar::FiscalYear;
use crate::thai::money::Money;

pub fn publish(site: &Site, urls: &Urls, out: &mut Outputs) {
    let Some(prefix) = site.config.ocid_prefix.as_deref() else {
        return;
    };
    for fy in fiscal_years(site) {
        let releases: Vec<Value> = projects(site, fy)
            .iter()
            .flat_map(|p| releases(site, prefix, p))
            .collect();
        // The year's records date the package, so an unchanged year is the same file.
        let published = site
            .updated(Some(fy))
            .unwrap_or_else(|| fy.start())
            .format("%Y-%m-%dT00:00:00+07:00")
            .to_string();
        let package = json!({
            "uri": urls.abs(&routes::ocds(fy)),
            "version": "1.1",
            "publishedDate": published,
            "publisher": {"name": site.config.name},
            "license": crate::site::license::url(&site.config.license),
            "publicationPolicy": urls.abs(routes::data()),
            "releases": releases,
        });
        out.add_text(routes::ocds(fy), crate::output::pretty_json(&package));
    }
}

fn stamp(d: chrono::NaiveDate) -> String {
    format!("{}T00:00:00+07:00", d.format("%Y-%m-%d"))
}

fn value(m: Money) -> Value {
    json!({"amount": money_number(m), "currency": "THB"})
}

/// OCDS `procurementMethod` and the Thai name as details.
fn method(m: Method) -> (&'static str, &'static str) {
    use crate::site::methods::Openness;
    let code = match m.openness() {
        Openness::Open => "open",
        Openness::Selective => "selective",
        Openness::Direct => "direct",
    };
    (code, m.label_th())
}

/// A stable party id: the tax id when known, else a short hash of the name.
fn party_id(name: &str, tax_id: Option<&str>) -> String {
    if let Some(t) = tax_id.filter(|t| !t.trim().is_empty()) {
        return format!("TH-TIN-{}", t.trim());
    }
    let hash = Sha256::digest(name.trim().as_bytes());
    let hex: String = hash.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("name-{hex}")
}

fn releases(site: &Site, prefix: &str, p: &Project) -> Vec<Value> {
    let fy: FiscalYear = p.fiscal_year;
    let ocid = format!("{prefix}-{}-{}", fy.be(), p.local_id);
    let buyer = json!({"id": "buyer", "name": site.config.name});
    let buyer_party =
        json!({"id": "buyer", "name": site.config.name, "roles": ["buyer", "procuringEntity"]});
    let mut out = Vec::new();
    let title = p.title();
    let planning = p.budget().map(|b| {
        let mut budget = json!({"amount": value(b)});
        if let Some(src) = p.plan_item().and_then(|i| i.budget_source.as_deref()) {
            budget["description"] = Value::from(src);
        }
        json!({"budget": budget})
    });

    if let Some(item) = p.plan_item() {
        let date = p
            .plan
            .and_then(|(plan, _)| plan.data.announced)
            .map_or(fy.start(), |d| d.0);
        let (code, details) = method(item.method);
        let mut r = json!({
            "ocid": ocid,
            "id": format!("{ocid}-planning"),
            "date": stamp(date),
            "tag": ["planning"],
            "initiationType": "tender",
            "language": "th",
            "buyer": buyer,
            "parties": [buyer_party],
            "tender": {
                "id": format!("{ocid}-tender"),
                "title": title,
                "status": "planned",
                "procurementMethod": code,
                "procurementMethodDetails": details,
            },
        });
        if let Some(pl) = &planning {
            r["planning"] = pl.clone();
        }
        out.push(r);
    }

    for rp in &p.reference_prices {
        let d = &rp.data;
        let method = p.method().map(method);
        let mut tender = json!({
            "id": format!("{ocid}-tender"),
            "title": title,
            "status": "active",
            "value": value(d.price.0),
        });
        if let Some((code, details)) = method {
            tender["procurementMethod"] = Value::from(code);
            tender["procurementMethodDetails"] = Value::from(details);
        }
        if let Some(desc) = &d.description {
            tender["description"] = Value::from(desc.clone());
        }
        out.push(json!({
            "ocid": ocid,
            "id": format!("{ocid}-tender-{}", rp.slug),
            "date": stamp(d.priced_on.0),
            "tag": ["tender"],
            "initiationType": "tender",
            "language": "th",
            "buyer": buyer,
            "parties": [buyer_party],
            "planning": {"budget": {"amount": value(d.budget.0)}},
            "tender": tender,
        }));
    }

    for (results, i) in &p.results {
        let item = &results.data.items[*i];
        let month = results.data.month.0;
        let date = item
            .contract
            .as_ref()
            .map_or(month.last_day(), |c| c.date.0);
        let (code, details) = method(item.method);
        let mut parties = vec![buyer_party.clone()];
        let mut tenderers = Vec::new();
        for b in &item.bids {
            let id = party_id(&b.bidder, b.tax_id.as_deref());
            if !tenderers.iter().any(|t: &Value| t["id"] == id) {
                tenderers.push(json!({"id": id, "name": b.bidder}));
                parties.push(json!({"id": id, "name": b.bidder, "roles": ["tenderer"]}));
            }
        }
        use crate::site::procurement::RowStatus;
        let (tender_status, tag) = match (item.status, &item.winner) {
            (RowStatus::Cancelled, _) => ("cancelled", json!(["tenderCancellation"])),
            (RowStatus::Pending, None) => ("active", json!(["tender"])),
            (RowStatus::Pending, Some(_)) => ("active", json!(["award"])),
            (RowStatus::Done, _) => ("complete", json!(["award", "contract"])),
        };
        let mut tender = json!({
            "id": format!("{ocid}-tender"),
            "title": title,
            "status": tender_status,
            "procurementMethod": code,
            "procurementMethodDetails": details,
            "numberOfTenderers": tenderers.len(),
            "tenderers": tenderers,
        });
        if let Some(rp) = item.reference_price {
            tender["value"] = value(rp.0);
        }
        let mut release = json!({
            "ocid": ocid,
            "id": format!("{ocid}-award-{}-{}", month.iso(), i + 1),
            "date": stamp(date),
            "tag": tag,
            "initiationType": "tender",
            "language": "th",
            "buyer": buyer,
            "tender": tender,
            "planning": {"budget": {"amount": value(item.budget.0)}},
        });
        if let Some(w) = item
            .winner
            .as_ref()
            .filter(|_| item.status != RowStatus::Cancelled)
        {
            let id = party_id(&w.name, w.tax_id.as_deref());
            match parties.iter_mut().find(|p| p["id"] == id) {
                Some(party) => party["roles"] = json!(["tenderer", "supplier"]),
                None => parties.push(json!({"id": id, "name": w.name, "roles": ["supplier"]})),
            }
            let award_id = format!("{ocid}-award-{}-{}", month.iso(), i + 1);
            let mut award = json!({
                "id": award_id,
                "status": "active",
                "date": stamp(date),
                "value": value(w.price.0),
                "suppliers": [{"id": id, "name": w.name}],
            });
            if let Some(reason) = &item.reason {
                award["description"] = Value::from(reason.clone());
            }
            release["awards"] = json!([award]);
            if let Some(c) = &item.contract {
                release["contracts"] = json!([{
                    "id": format!("{ocid}-contract-{}", c.number),
                    "awardID": award_id,
                    "title": c.number,
                    "status": "active",
                    "value": value(w.price.0),
                    "dateSigned": stamp(c.date.0),
                }]);
            }
        }
        release["parties"] = Value::Array(parties);
        out.push(release);
    }
    out
}
