//! Checks across procurement records: links to plan items that exist, ids that are unique,
//! dates in their fiscal year, prices within the budget.

use std::collections::BTreeMap;

use crate::check::check_attachments;
use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::site::Site;
use crate::site::source::Source;
use crate::thai::calendar::{FiscalYear, YearMonth, be};
use crate::thai::money::Money;

pub fn check(site: &Site, diags: &mut Diagnostics) {
    super::completeness::check_totals(site, diags);
    if let Some(prefix) = &site.config.ocid_prefix {
        let ok = prefix.len() == 11
            && prefix.starts_with("ocds-")
            && prefix[5..]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !ok {
            let src = &site.config_source;
            let (l, c) = src.locate("ocid_prefix:", 1).unwrap_or((0, 0));
            diags.push(
                Diagnostic::error(crate::diagnostic::codes::OCID_PREFIX_INVALID,
                    &src.path,
                    Msg::new(
                        format!("ocid_prefix \"{prefix}\" ไม่อยู่ในรูปแบบของ OCDS"),
                        format!("ocid_prefix \"{prefix}\" is not an OCDS prefix"),
                    ),
                )
                .at(&src.text, l, c)
                .field("ocid_prefix")
                .help(Msg::new(
                    "ใช้ค่าที่ได้จาก Open Contracting Partnership: ocds- ตามด้วยตัวอักษรเล็กหรือตัวเลข 6 ตัว เช่น ocds-abc123 หรือลบบรรทัดนี้ถ้ายังไม่มี",
                    "use the prefix registered with the Open Contracting Partnership: ocds- and six lowercase letters or digits, e.g. ocds-abc123; or remove the line",
                )),
            );
        }
    }

    for plan in site.plans.values() {
        let src = &plan.source;
        check_attachments(site, src, &plan.data.attachments, diags);
        let fy = plan.data.fiscal_year.0;
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let mut from = 1;
        for (i, (item, id)) in plan.data.items.iter().zip(&plan.ids).enumerate() {
            let here = src.locate(&item.title, from).unwrap_or((from, 0));
            from = here.0;
            if seen.insert(id, i).is_some() {
                let (l, c) = item
                    .id
                    .as_ref()
                    .and_then(|x| src.locate(x, from.saturating_sub(3)))
                    .unwrap_or(here);
                diags.push(
                    Diagnostic::error(
                        crate::diagnostic::codes::PLAN_ID_TWICE,
                        &src.path,
                        Msg::new(
                            format!("รหัสรายการ \"{id}\" ซ้ำกับรายการก่อนหน้าในแผน"),
                            format!("the item id \"{id}\" is used twice in the plan"),
                        ),
                    )
                    .at(&src.text, l, c)
                    .field(format!("items[{i}].id"))
                    .help(Msg::new(
                        "ให้ทุกรายการมีรหัส id ไม่ซ้ำกัน เช่น \"66-001\", \"66-002\"",
                        "give every item its own id, e.g. \"66-001\", \"66-002\"",
                    )),
                );
            }
            if let Some(m) = item.expected
                && m.0.fiscal_year() != fy
            {
                let (l, c) = src.locate("expected:", from).unwrap_or(here);
                diags.push(
                    Diagnostic::warning(
                        crate::diagnostic::codes::EXPECTED_OUTSIDE_YEAR,
                        &src.path,
                        Msg::new(
                            format!("เดือนที่คาดว่าจะประกาศ ({}) อยู่นอกปีงบประมาณ {fy}", be_month(m.0)),
                            format!(
                                "the expected month ({}) is outside fiscal year {fy}",
                                be_month(m.0)
                            ),
                        ),
                    )
                    .at(&src.text, l, c)
                    .field(format!("items[{i}].expected"))
                    .help(Msg::new(
                        format!("ปีงบประมาณ {fy} คือ ต.ค. {} ถึง ก.ย. {fy}", fy.be() - 1),
                        format!(
                            "fiscal year {fy} runs from October {} to September {fy} (BE)",
                            fy.be() - 1
                        ),
                    )),
                );
            }
        }
    }

    for rp in &site.reference_prices {
        let src = &rp.source;
        let d = &rp.data;
        check_attachments(site, src, &d.attachments, diags);
        let fy = rp.fiscal_year();
        super::completeness::check_reference_price(rp, diags);
        super::forms::check(rp, diags);
        if let Some(id) = &d.plan_item {
            check_plan_item(site, src, fy, id, &d.project, 1, "plan_item", diags);
        }
        if d.price.0 > d.budget.0 {
            diags.push(over_budget(
                src,
                1,
                "price:",
                "price",
                "ราคากลาง",
                "reference price",
                d.price.0,
                d.budget.0,
            ));
        }
        if !d.breakdown.is_empty() {
            let sum: Money = d.breakdown.iter().map(|b| b.amount.0).sum();
            if sum != d.price.0 {
                let (l, c) = src.locate("breakdown:", 1).unwrap_or((0, 0));
                diags.push(
                    Diagnostic::warning(
                        crate::diagnostic::codes::ESTIMATE_MISMATCH,
                        &src.path,
                        Msg::new(
                            format!(
                                "ยอดรวมของประมาณการ ({}) ไม่เท่ากับราคากลาง ({})",
                                sum.format(),
                                d.price.0.format()
                            ),
                            format!(
                                "the estimate adds up to {}, not the reference price {}",
                                sum.format(),
                                d.price.0.format()
                            ),
                        ),
                    )
                    .at(&src.text, l, c)
                    .field("breakdown")
                    .help(Msg::new(
                        "ตรวจจำนวนเงินแต่ละรายการหรือราคากลางให้ตรงกัน",
                        "check the amounts of the estimate or the reference price",
                    )),
                );
            }
        }
    }

    check_notices(site, diags);

    for results in site.results.values() {
        let src = &results.source;
        check_attachments(site, src, &results.data.attachments, diags);
        let month = results.data.month.0;
        let fy = month.fiscal_year();
        let mut from = 1;
        for (i, item) in results.data.items.iter().enumerate() {
            let here = src.locate(&item.title, from).unwrap_or((from, 0));
            from = here.0;
            super::completeness::check_result_row(src, i, item, here.0, diags);
            if let Some(id) = &item.plan_item {
                check_plan_item(
                    site,
                    src,
                    fy,
                    id,
                    &item.title,
                    from,
                    &format!("items[{i}].plan_item"),
                    diags,
                );
            }
            if let Some(c) = &item.contract {
                let d = c.date.0;
                if FiscalYear::of(d) != fy {
                    let (l, col) = src.locate("date:", from).unwrap_or(here);
                    diags.push(
                        Diagnostic::error(crate::diagnostic::codes::CONTRACT_OUTSIDE_YEAR,
                            &src.path,
                            Msg::new(
                                format!("วันที่ของสัญญาอยู่นอกปีงบประมาณ {fy} ของรายงานเดือน {}", be_month(month)),
                                format!("the contract date is outside fiscal year {fy} of the report for {}", be_month(month)),
                            ),
                        )
                        .at(&src.text, l, col)
                        .field(format!("items[{i}].contract.date"))
                        .help(Msg::new(
                            "รายงานสัญญาไว้ในไฟล์ของเดือนที่ลงนาม หรือแก้วันที่ให้ถูกต้อง",
                            "report the contract in the file of the month it was signed, or correct the date",
                        )),
                    );
                } else if YearMonth::of(d) != month {
                    let (l, col) = src.locate("date:", from).unwrap_or(here);
                    diags.push(
                        Diagnostic::warning(
                            crate::diagnostic::codes::CONTRACT_OUTSIDE_MONTH,
                            &src.path,
                            Msg::new(
                                format!("วันที่ของสัญญาไม่อยู่ในเดือน {} ของรายงานนี้", be_month(month)),
                                format!(
                                    "the contract date is not in {}, the month of this report",
                                    be_month(month)
                                ),
                            ),
                        )
                        .at(&src.text, l, col)
                        .field(format!("items[{i}].contract.date"))
                        .help(Msg::new(
                            "ตามปกติ สขร.๑ ของแต่ละเดือนรายงานสัญญาที่ลงนามในเดือนนั้น",
                            "a month's สขร.1 normally reports the contracts signed that month",
                        )),
                    );
                }
            }
            if let Some(w) = &item.winner
                && w.price.0 > item.budget.0
            {
                // The winner's own price, not a bid's or the reference price.
                let winner_line = src.locate("winner:", from).map_or(from, |(l, _)| l);
                diags.push(over_budget(
                    src,
                    winner_line,
                    "price:",
                    &format!("items[{i}].winner.price"),
                    "ราคาที่ตกลงซื้อหรือจ้าง",
                    "agreed price",
                    w.price.0,
                    item.budget.0,
                ));
            }
            if let Some(rp) = item.reference_price
                && rp.0 > item.budget.0
            {
                diags.push(over_budget(
                    src,
                    from,
                    "reference_price:",
                    &format!("items[{i}].reference_price"),
                    "ราคากลาง",
                    "reference price",
                    rp.0,
                    item.budget.0,
                ));
            }
        }
    }
}

fn be_month(m: YearMonth) -> String {
    format!("{}-{:02}", be(m.year), m.month)
}

#[allow(clippy::too_many_arguments)]
fn over_budget(
    src: &Source,
    from: usize,
    key: &str,
    field: &str,
    th: &str,
    en: &str,
    amount: Money,
    budget: Money,
) -> Diagnostic {
    let (l, c) = src.locate(key, from).unwrap_or((0, 0));
    Diagnostic::warning(
        crate::diagnostic::codes::OVER_BUDGET,
        &src.path,
        Msg::new(
            format!(
                "{th} {} บาท สูงกว่าวงเงินงบประมาณ {} บาท",
                amount.format(),
                budget.format()
            ),
            format!(
                "the {en} {} is above the budget {}",
                amount.format(),
                budget.format()
            ),
        ),
    )
    .at(&src.text, l, c)
    .field(field)
    .help(Msg::new(
        "ตรวจตัวเลขอีกครั้ง ถ้าถูกต้องแล้วควรมีคำอธิบายในประกาศ",
        "check the figures; if they are right, the announcement should explain why",
    ))
}

/// Procurement notices: a date to place them in a fiscal year, a plan item that exists, an
/// e-GP number that is one.
fn check_notices(site: &Site, diags: &mut Diagnostics) {
    use crate::diagnostic::codes;
    for doc in site.documents() {
        let Some(n) = &doc.front.procurement else {
            continue;
        };
        let src = doc.source();
        let at = |needle: &str| src.locate(needle, 1).unwrap_or((0, 0));
        let Some(fy) = crate::site::projects::notice_year(doc) else {
            // Outside `pages/` the missing date is reported for every document.
            if doc.section == "pages" {
                diags.push(
                    Diagnostic::error(
                        codes::NOTICE_NO_DATE,
                        &src.path,
                        Msg::new(
                            "ประกาศจัดซื้อจัดจ้างไม่มีวันที่ (date)",
                            "the procurement notice has no date",
                        ),
                    )
                    .at(&src.text, 2, 1)
                    .field("date")
                    .help(Msg::new(
                        "เพิ่มบรรทัด date: วันที่ลงนามในประกาศ เช่น date: 2566-03-15",
                        "add the date the notice was signed, e.g. date: 2566-03-15",
                    )),
                );
            }
            continue;
        };
        if let Some(e) = &n.egp_project
            && (e.is_empty() || !e.chars().all(|c| c.is_ascii_digit()))
        {
            let (l, c) = at("egp_project:");
            diags.push(
                Diagnostic::error(
                    codes::EGP_PROJECT_INVALID,
                    &src.path,
                    Msg::new(
                        format!("เลขที่โครงการ e-GP \"{e}\" ต้องเป็นตัวเลขเท่านั้น"),
                        format!("the e-GP project number \"{e}\" must be digits only"),
                    ),
                )
                .at(&src.text, l, c)
                .field("procurement.egp_project")
                .help(Msg::new(
                    "คัดลอกเลขที่โครงการจากระบบ e-GP เช่น 66019123456 โดยไม่มีขีดหรือช่องว่าง",
                    "copy the project number from e-GP, e.g. 66019123456, without dashes or spaces",
                )),
            );
        }
        match &n.plan_item {
            Some(id) => check_plan_item(
                site,
                &src,
                fy,
                id,
                &doc.front.title,
                1,
                "procurement.plan_item",
                diags,
            ),
            None if n.egp_project.is_none() => {
                let (l, c) = at("procurement:");
                diags.push(
                    Diagnostic::warning(
                        codes::NOTICE_NO_PROJECT,
                        &src.path,
                        Msg::new(
                            format!(
                                "{} นี้ไม่ได้ระบุรายการในแผนการจัดซื้อจัดจ้าง (plan_item) หรือเลขที่โครงการ e-GP",
                                n.notice.label_th()
                            ),
                            "the notice names neither a plan item (plan_item) nor an e-GP project number",
                        ),
                    )
                    .at(&src.text, l, c)
                    .field("procurement")
                    .help(Msg::new(
                        format!(
                            "เพิ่ม plan_item: รหัสรายการในแผนปี {fy} เพื่อให้ประกาศเชื่อมกับแผน ราคากลาง และผลการจัดซื้อจัดจ้าง (สขร.1) ของโครงการเดียวกัน"
                        ),
                        format!(
                            "add plan_item: the id of the item in the {fy} plan, so the notice joins the plan, reference price and สขร.1 row of the same procurement"
                        ),
                    )),
                );
            }
            None => {}
        }
    }
}

/// `plan_item: ID` of a record titled `title` names an item of the plan of year `fy`.
#[allow(clippy::too_many_arguments)]
fn check_plan_item(
    site: &Site,
    src: &Source,
    fy: FiscalYear,
    id: &str,
    title: &str,
    from: usize,
    field: &str,
    diags: &mut Diagnostics,
) {
    let plan = site.plans.get(&fy);
    if plan.is_some_and(|p| p.item(id).is_some()) {
        return;
    }
    let (l, c) = src
        .locate(&format!("plan_item: \"{id}\""), from)
        .or_else(|| src.locate("plan_item:", from))
        .unwrap_or((0, 0));
    let help = match plan {
        None => Msg::new(
            format!(
                "ยังไม่มีแผนการจัดซื้อจัดจ้างปี {fy} (content/procurement/plans/{fy}.yaml) หรือลบ plan_item ออก"
            ),
            format!(
                "there is no procurement plan for {fy} (content/procurement/plans/{fy}.yaml); add it or remove plan_item"
            ),
        ),
        Some(p) => plan_item_help(p, id, title),
    };
    diags.push(
        Diagnostic::error(
            crate::diagnostic::codes::PLAN_ITEM_UNKNOWN,
            &src.path,
            Msg::new(
                format!("ไม่พบรายการ \"{id}\" ในแผนการจัดซื้อจัดจ้างปี {fy}"),
                format!("there is no item \"{id}\" in the {fy} procurement plan"),
            ),
        )
        .at(&src.text, l, c)
        .field(field)
        .help(help),
    );
}

/// What to say of an id the plan lacks. A guess is offered only when it cannot mislead: the
/// same id written differently (`66-1`, `66001` for `66-001`), or the one item whose title is
/// the record's own. Otherwise the items with the nearest ids are listed with their titles, so
/// a hurried clerk compares names rather than takes a digit on trust.
fn plan_item_help(plan: &crate::site::procurement::Plan, id: &str, title: &str) -> Msg {
    let file = plan.source.path.display();
    let items: Vec<(&str, &str)> = plan
        .ids
        .iter()
        .zip(&plan.data.items)
        .map(|(i, item)| (i.as_str(), item.title.as_str()))
        .collect();
    let same_id: Vec<&(&str, &str)> = items.iter().filter(|(i, _)| same_id(i, id)).collect();
    let same_title: Vec<&(&str, &str)> = items
        .iter()
        .filter(|(_, t)| !title.is_empty() && t.trim() == title.trim())
        .collect();
    let guess = match (same_id.as_slice(), same_title.as_slice()) {
        ([one], _) | ([], [one]) => Some(*one),
        _ => None,
    };
    if let Some((i, t)) = guess {
        return Msg::new(
            format!("หมายถึงรายการ \"{i}\" ({t}) ใน {file} หรือไม่? ใส่รหัสให้ตรงกับ id ในแผน"),
            format!("did you mean item \"{i}\" ({t}) of {file}? Write the id as the plan does"),
        );
    }
    let mut near: Vec<(usize, &str, &str)> = items
        .iter()
        .map(|(i, t)| (strsim::levenshtein(i, id), *i, *t))
        .filter(|(d, _, _)| *d <= 2)
        .collect();
    near.sort();
    near.truncate(3);
    if near.is_empty() {
        return Msg::new(
            format!("ใช้ id ของรายการในแผน ({file})"),
            format!("use the id of an item of the plan ({file})"),
        );
    }
    let list = near
        .iter()
        .map(|(_, i, t)| format!("\"{i}\" {t}"))
        .collect::<Vec<_>>()
        .join("; ");
    Msg::new(
        format!("รหัสที่ใกล้เคียงใน {file}: {list} (ตรวจจากชื่อโครงการว่าหมายถึงรายการใด ระบบไม่เดาแทน)"),
        format!(
            "ids close to it in {file}: {list} (check by the project's name which one is meant; no guess is made)"
        ),
    )
}

/// Whether two ids are the same id written differently: separators left out (`66001` for
/// `66-001`) or leading zeros (`66-1`).
fn same_id(a: &str, b: &str) -> bool {
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let groups = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|p| !p.is_empty())
            .map(|p| p.trim_start_matches('0').to_lowercase())
            .collect()
    };
    bare(a) == bare(b) || groups(a) == groups(b)
}

#[cfg(test)]
mod tests {
    use super::same_id;

    #[test]
    fn ids_written_differently_are_the_same() {
        assert!(same_id("66-001", "66001"));
        assert!(same_id("66-001", "66-1"));
        assert!(same_id("66-001", " 66 - 001"));
        assert!(!same_id("66-009", "66-099"));
        assert!(!same_id("66-003", "66-099"));
    }
}
