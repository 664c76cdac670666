//! Disclosure compliance: what section 9 of the Official Information Act, the procurement rules
//! and the NACC's ITA/OIT assessment ask the site to show for a fiscal year, and what is
//! missing. Findings are warnings with the rule they come from and what to add where; they
//! never stop a build.

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Msg, locate};
use crate::site::Site;
use crate::site::disclosure::{Disclosure, Subject};
use crate::site::routes;
use crate::thai::calendar::{FiscalYear, be, format_date, format_month_long};
use crate::thai::money::Money;

/// The day compliance is judged on: `--as-of` when given; otherwise today, or the last day of
/// the site's `fiscal_year` when that year is already over.
pub fn judged_on(site: &Site, as_of: Option<NaiveDate>) -> NaiveDate {
    if let Some(d) = as_of {
        return d;
    }
    match site.config.fiscal_year {
        Some(fy) if fy.0.end() < site.today => fy.0.end(),
        _ => site.today,
    }
}

/// The ITA assessment the report of `as_of` follows: `ita_year` in site.yaml, else the
/// assessment of the calendar year (BE). The NACC names an assessment after the year it is
/// carried out in, so in December 2569, with fiscal year 2570 begun, agencies still publish
/// for ITA 2569.
pub fn ita_year(site: &Site, as_of: NaiveDate) -> i32 {
    site.config
        .ita_year
        .and_then(|y| i32::try_from(y).ok())
        .unwrap_or_else(|| crate::site::ita::assessment_year(as_of))
}

fn rule_oia_9_8() -> Msg {
    Msg::new(
        "พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ มาตรา ๙ (๘) / ประกาศคณะกรรมการข้อมูลข่าวสารของราชการ ลงวันที่ ๑๖ ม.ค. ๒๕๕๘ (สขร.๑)",
        "Official Information Act s.9(8) / Official Information Commission announcement of 16 Jan 2015 (form สขร.1)",
    )
}

/// How many items of the ITA catalog the report of `as_of` follows are not yet checked
/// against the NACC's own list: (catalog year, count), when any. Staff are told (`check`);
/// the public pages show the items as the catalog has them.
pub fn unverified(site: &Site, as_of: NaiveDate) -> Option<(i32, usize)> {
    let year = ita_year(site, as_of);
    let catalog = site.ita.get(&year)?;
    let count = catalog
        .items()
        .filter(|(_, item)| !item.is_confirmed(catalog))
        .count();
    (count > 0).then_some((year, count))
}

/// What is missing for the fiscal year of `as_of`.
pub fn report(site: &Site, as_of: NaiveDate) -> Vec<Diagnostic> {
    let fy = FiscalYear::of(as_of);
    let n = site.config.numerals;
    // Drafts and documents dated after today are not published, whatever `check` loaded.
    let published: Vec<Disclosure> = site
        .disclosures()
        .iter()
        .filter(|d| !d.unpublished)
        .cloned()
        .collect();
    let all = published.as_slice();
    let mut out = Vec::new();
    let y = fy.be();
    // Topics a finding below already reports missing, with what to add: the ITA items they
    // answer are not reported a second time.
    let mut reported: Vec<&str> = Vec::new();

    // Integrity measures and their report.
    match site.measures.iter().find(|m| m.data.fiscal_year.0 == fy) {
        None => {
            reported.extend(["integrity_measures", "integrity_measures_report"]);
            out.push(
                Diagnostic::warning(
                    crate::diagnostic::codes::MEASURES_MISSING,
                    format!("content/measures/{y}.yaml"),
                    Msg::new(
                        format!("ยังไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ {y}"),
                        format!(
                            "there are no integrity and transparency measures for fiscal year {y}"
                        ),
                    ),
                )
                .rule(Msg::new(
                    "ITA: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                    "ITA: internal integrity and transparency measures",
                ))
                .help(Msg::new(
                    format!("สร้างไฟล์ด้วยคำสั่ง prongsai new measures {y} แล้วกรอกมาตรการ"),
                    format!("create it with `prongsai new measures {y}` and fill in the measures"),
                )),
            );
        }
        Some(m) if m.data.measures.iter().all(|x| x.result.is_none()) => {
            reported.push("integrity_measures_report");
            out.push(
                Diagnostic::warning(
                    crate::diagnostic::codes::MEASURES_NO_REPORT,
                    &m.source.path,
                    Msg::new(
                        format!("ยังไม่มีรายงานผลการดำเนินการตามมาตรการของปีงบประมาณ {y}"),
                        format!("the measures of fiscal year {y} have no report of what was done"),
                    ),
                )
                .at(&m.source.text, 1, 0)
                .rule(Msg::new(
                    "ITA: การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                    "ITA: implementation of the integrity and transparency measures",
                ))
                .help(Msg::new(
                    "เพิ่ม result: (status, summary, evidence) ให้มาตรการที่ดำเนินการแล้ว",
                    "add result: (status, summary, evidence) to the measures carried out",
                )),
            );
        }
        Some(_) => {}
    }

    // The procurement plan.
    let plan = site.plans.get(&fy);
    if plan.is_none() {
        reported.push("procurement_plan");
        out.push(
            Diagnostic::warning(crate::diagnostic::codes::PLAN_MISSING,
                format!("content/procurement/plans/{y}.yaml"),
                Msg::new(
                    format!("ยังไม่ได้เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ {y}"),
                    format!("the procurement plan of fiscal year {y} is not published"),
                ),
            )
            .rule(Msg::new(
                "พ.ร.บ.การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ มาตรา ๑๑ / พ.ร.บ.ข้อมูลข่าวสารฯ มาตรา ๙ (๓)",
                "Public Procurement Act 2017 s.11 / Official Information Act s.9(3)",
            ))
            .help(Msg::new(
                format!("สร้าง content/procurement/plans/{y}.yaml ตามแผนที่ประกาศในระบบ e-GP (หรือประกาศว่าไม่มีรายการเกิน ๕๐๐,๐๐๐ บาท)"),
                format!("add content/procurement/plans/{y}.yaml as announced in e-GP (or announce that nothing exceeds 500,000 baht)"),
            )),
        );
    }

    // สขร.1 for every month that has ended.
    for month in fy.months() {
        if month.last_day() >= as_of || site.results.contains_key(&month) {
            continue;
        }
        let file = format!(
            "content/procurement/results/{}-{:02}.yaml",
            be(month.year),
            month.month
        );
        let name = format_month_long(month, n);
        reported.push("procurement_monthly");
        out.push(
            Diagnostic::warning(crate::diagnostic::codes::MONTH_MISSING,
                file,
                Msg::new(
                    format!("ยังไม่ได้เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (สขร.๑) เดือน{name}"),
                    format!("the procurement results (สขร.1) of {} are not published", month.iso()),
                ),
            )
            .rule(rule_oia_9_8())
            .help(Msg::new(
                format!("สร้างไฟล์ของเดือนนี้ ถ้าไม่มีการจัดซื้อจัดจ้างให้ใส่ items: [] (จะแสดงว่า \"ไม่มีการจัดซื้อจัดจ้าง\") หรือสั่ง prongsai new results {}-{:02}", be(month.year), month.month),
                "add the month's file; with no procurement write items: [] (shown as \"ไม่มีการจัดซื้อจัดจ้าง\")",
            )),
        );
    }

    if no_gift(site, fy, all, as_of, &mut out) {
        reported.push("no_gift_announcement");
    }

    // Reference prices for larger purchases.
    if let Some(plan) = plan {
        let projects = crate::site::projects::projects(site, fy);
        let limit = Money::from_baht(500_000);
        let mut from = 1;
        for p in projects.iter().filter(|p| p.plan.is_some()) {
            let Some(item) = p.plan_item() else { continue };
            // The item's title, looked for after its id: a title may repeat part of another.
            let at_id = item
                .id
                .as_deref()
                .and_then(|id| plan.source.locate(id, from))
                .map_or(from, |(l, _)| l);
            let here = plan.source.locate(&item.title, at_id).unwrap_or((at_id, 0));
            from = here.0;
            if item.budget.0 > limit && !p.results.is_empty() && p.reference_prices.is_empty() {
                reported.push("procurement_notices");
                out.push(
                    Diagnostic::warning(crate::diagnostic::codes::REFERENCE_PRICE_MISSING,
                        &plan.source.path,
                        Msg::new(
                            format!("รายการ {} วงเงินเกิน ๕๐๐,๐๐๐ บาท มีผลการจัดซื้อจัดจ้างแล้ว แต่ไม่มีประกาศราคากลาง", p.local_id),
                            format!("item {} is above 500,000 baht and has a result, but no reference price is published", p.local_id),
                        ),
                    )
                    .at(&plan.source.text, here.0, here.1)
                    .rule(Msg::new(
                        "การเปิดเผยราคากลางตามหลักเกณฑ์ของคณะกรรมการ ป.ป.ช. / ITA: ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง",
                        "NACC rules on disclosing reference prices / ITA: procurement notices",
                    ))
                    .help(Msg::new(
                        format!("เพิ่มไฟล์ใน content/procurement/reference-prices/ ที่มี plan_item: \"{}\"", p.local_id),
                        format!("add a file to content/procurement/reference-prices/ with plan_item: \"{}\"", p.local_id),
                    )),
                );
            }
        }
    }

    // ITA items with nothing on the site.
    let year = ita_year(site, as_of);
    if let Some(catalog) = site.ita.get(&year) {
        let judged = catalog.fiscal_year();
        for (group, item) in catalog.items() {
            if !item.answers(judged, all).is_empty()
                || item.topics.iter().any(|t| reported.contains(&t.as_str()))
            {
                continue;
            }
            let topics = item.topics.join(", ");
            let unconfirmed = if item.is_confirmed(catalog) {
                ""
            } else {
                " (ชื่อข้อนี้ยังไม่ได้ตรวจกับคู่มือ ITA ฉบับทางการของ ป.ป.ช. ให้ตรวจกับคู่มือก่อนใช้)"
            };
            // Located at the row of the site's ITA page that should answer it.
            out.push(
                Diagnostic::warning(
                    crate::diagnostic::codes::ITA_ITEM_MISSING,
                    format!("/{}", routes::ita_item(year, &item.code)),
                    Msg::new(
                        format!(
                            "ITA {year} ข้อ {} {}: ยังไม่มีเนื้อหาที่ตอบข้อนี้{unconfirmed}",
                            item.code, item.title
                        ),
                        format!(
                            "ITA {year} item {} ({}): nothing on the site answers it",
                            item.code, topics
                        ),
                    ),
                )
                .rule(Msg::new(
                    format!("ITA {year} ตัวชี้วัดการเปิดเผยข้อมูล (OIT) {}", group.heading()),
                    format!("ITA {year} open data (OIT): {}", group.heading()),
                ))
                .help(match item.covers.year(judged) {
                    Some(y) if y != judged => Msg::new(
                        format!(
                            "ข้อนี้ของ ITA {year} ถามถึงปีงบประมาณที่ผ่านมา: เผยแพร่รายงานของปีงบประมาณ {y} ที่มี topics: [{topics}] (รายงานที่ลงวันที่หลังสิ้นปีงบประมาณ ให้ใส่ fiscal_year: {y})",
                            y = y.be()
                        ),
                        format!(
                            "this ITA {year} item asks about the year before: publish the report of fiscal year {} with topics: [{topics}]",
                            y.be()
                        ),
                    ),
                    Some(y) => Msg::new(
                        format!(
                            "เผยแพร่ประกาศหรือหน้าเว็บของปีงบประมาณ {} ที่มี topics: [{topics}]",
                            y.be()
                        ),
                        format!(
                            "publish an announcement or page of fiscal year {} with topics: [{topics}]",
                            y.be()
                        ),
                    ),
                    None => Msg::new(
                        format!("เผยแพร่ประกาศหรือหน้าเว็บที่ยังใช้อยู่ ที่มี topics: [{topics}]"),
                        format!("publish an announcement or page still in force with topics: [{topics}]"),
                    ),
                }),
            );
        }
    }
    out
}

/// The No Gift Policy announcement of the year; true when it is missing (or not of the year).
fn no_gift(
    site: &Site,
    fy: FiscalYear,
    all: &[Disclosure],
    as_of: NaiveDate,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let y = fy.be();
    let n = site.config.numerals;
    let rule = Msg::new(
        "ITA: ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่ (ลงนามโดยผู้บริหารสูงสุด ภายในปีงบประมาณ)",
        "ITA: No Gift Policy announcement (signed by the chief executive, dated in the fiscal year)",
    );
    let tagged: Vec<&Disclosure> = all
        .iter()
        .filter(|d| d.topics.iter().any(|t| t == "no_gift_announcement"))
        .collect();
    let this_year: Vec<&&Disclosure> = tagged
        .iter()
        .filter(|d| d.fiscal_year == Some(fy) && d.date.is_some_and(|x| x <= as_of))
        .collect();
    if this_year.is_empty() {
        let (th, en) = if tagged.is_empty() {
            (
                format!("ยังไม่มีประกาศเจตนารมณ์นโยบาย No Gift Policy ของปีงบประมาณ {y}"),
                format!("there is no No Gift Policy announcement for fiscal year {y}"),
            )
        } else {
            let dates: Vec<String> = tagged
                .iter()
                .filter_map(|d| d.date.map(|x| format_date(x, n)))
                .collect();
            (
                format!(
                    "ประกาศ No Gift Policy ที่มีอยู่ไม่ได้ลงวันที่ในปีงบประมาณ {y} ({})",
                    dates.join(", ")
                ),
                format!("the No Gift Policy announcements are not dated in fiscal year {y}"),
            )
        };
        out.push(
            Diagnostic::warning(crate::diagnostic::codes::NO_GIFT_MISSING, "content/announcements/", Msg::new(th, en))
                .rule(rule)
                .help(Msg::new(
                    format!("ออกประกาศฉบับปีงบประมาณ {y} ลงนามโดยนายก ใส่ topics: [no_gift_announcement] และ signed_by"),
                    "publish this year's announcement, signed by the chief executive, with topics: [no_gift_announcement] and signed_by",
                )),
        );
        return true;
    }
    let signed = this_year.iter().any(|d| {
        d.signed_by_position
            .as_deref()
            .is_some_and(|p| p.contains("นายก") || p.contains("ผู้บริหารสูงสุด"))
    });
    if !signed {
        // The announcement's own file, at its signatory (or its title when it names none).
        let doc = site
            .documents()
            .find(|d| Subject::document(d) == this_year[0].subject);
        let mut finding = Diagnostic::warning(
            crate::diagnostic::codes::NO_GIFT_UNSIGNED,
            doc.map_or_else(
                || std::path::PathBuf::from("content/announcements/"),
                |d| d.path.clone(),
            ),
            Msg::new(
                "ประกาศ No Gift Policy ไม่ได้ลงนามโดยผู้บริหารสูงสุด (นายก)",
                "the No Gift Policy announcement is not signed by the chief executive",
            ),
        );
        if let Some(d) = doc {
            let source = d.source();
            let text = &source.text;
            let (l, c) = locate(text, "signed_by:", 1)
                .or_else(|| locate(text, "title:", 1))
                .unwrap_or((1, 0));
            finding = finding.at(text, l, c);
        }
        out.push(
            finding
            .rule(rule)
            .help(Msg::new(
                "ใส่ signed_by: {name: ..., position: นายกเทศมนตรี...} ตามผู้ลงนามจริง",
                "add signed_by: {name: ..., position: ...} naming the mayor or chief executive who signed",
            )),
        );
    }
    false
}
