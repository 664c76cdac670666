//! What the official forms require before a record can stand as published: a สขร.1 row names
//! the winner with the agreed price, the reason and the contract (or says it is pending or
//! cancelled), and a reference price is a price, set within its fiscal year.

use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::site::procurement::{ReferencePrice, ResultItem, RowStatus};
use crate::site::source::Source;
use crate::thai::calendar::FiscalYear;

/// Every column of the row that the form needs and the row lacks, in one run. `line` is the
/// row's first line.
pub fn check_result_row(
    src: &Source,
    i: usize,
    item: &ResultItem,
    line: usize,
    diags: &mut Diagnostics,
) {
    let reason_empty = item.reason.as_deref().is_none_or(|r| r.trim().is_empty());
    let mut missing: Vec<(&str, &str, &str)> = Vec::new();
    match item.status {
        RowStatus::Done => {
            if item.winner.is_none() {
                missing.push((
                    "winner",
                    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง (winner: {name, price})",
                    "the winner and the agreed price (winner: {name, price})",
                ));
            }
            if reason_empty {
                missing.push((
                    "reason",
                    "เหตุผลที่คัดเลือกโดยสรุป (reason)",
                    "the reason for the selection (reason)",
                ));
            }
            if item.contract.is_none() {
                missing.push((
                    "contract",
                    "เลขที่และวันที่ของสัญญาหรือข้อตกลง (contract: {number, date})",
                    "the contract's number and date (contract: {number, date})",
                ));
            }
        }
        RowStatus::Cancelled if reason_empty => {
            missing.push((
                "reason",
                "เหตุผลที่ยกเลิก (reason)",
                "why it was cancelled (reason)",
            ));
        }
        RowStatus::Pending | RowStatus::Cancelled => {}
    }
    for (field, th, en) in missing {
        diags.push(
            Diagnostic::error(crate::diagnostic::codes::ROW_INCOMPLETE,
                &src.path,
                Msg::new(
                    format!("รายการที่ {} ของแบบ สขร.๑ ยังไม่มี{th}", i + 1),
                    format!("row {} of the สขร.1 form has no {en}", i + 1),
                ),
            )
            .at(&src.text, line, 0)
            .field(format!("items[{i}].{field}"))
            .help(Msg::new(
                "ใส่ข้อมูลตามแบบ สขร.๑ ถ้ายังไม่ได้ผู้รับจ้างให้ใส่ status: pending (อยู่ระหว่างดำเนินการ) ถ้ายกเลิกให้ใส่ status: cancelled พร้อม reason",
                "fill it in as the form asks; if no one is selected yet write status: pending, if it was called off write status: cancelled with a reason",
            )),
        );
    }
    if item.status == RowStatus::Done && item.winner.is_some() && item.bids.is_empty() {
        diags.push(
            Diagnostic::warning(crate::diagnostic::codes::ROW_NO_BIDS,
                &src.path,
                Msg::new(
                    format!("รายการที่ {} ไม่มีรายชื่อผู้เสนอราคาและราคาที่เสนอ (bids)", i + 1),
                    format!("row {} lists no bidders and their offers (bids)", i + 1),
                ),
            )
            .at(&src.text, line, 0)
            .field(format!("items[{i}].bids"))
            .help(Msg::new(
                "ใส่ผู้เสนอราคาทุกราย เช่น bids: [{bidder: ร้าน..., price: 11800}] (วิธีเฉพาะเจาะจงมักมีรายเดียวคือผู้ได้รับการคัดเลือก)",
                "list every bidder, e.g. bids: [{bidder: ..., price: 11800}] (a specific-method purchase usually has one, the winner)",
            )),
        );
    }
}

/// A reference price is a price, set within the fiscal year it belongs to.
pub fn check_reference_price(rp: &ReferencePrice, diags: &mut Diagnostics) {
    let src = &rp.source;
    let d = &rp.data;
    if d.price.0.satang() == 0 {
        let (l, c) = src.locate("price:", 1).unwrap_or((0, 0));
        diags.push(
            Diagnostic::error(
                crate::diagnostic::codes::PRICE_ZERO,
                &src.path,
                Msg::new(
                    "ราคากลาง (price) เป็น 0 บาท",
                    "the reference price (price) is 0 baht",
                ),
            )
            .at(&src.text, l, c)
            .field("price")
            .help(Msg::new(
                "ใส่ราคากลางตามที่คณะกรรมการกำหนด (บาท)",
                "write the reference price the committee set, in baht",
            )),
        );
    }
    if d.budget.0.satang() == 0 {
        let (l, c) = src.locate("budget:", 1).unwrap_or((0, 0));
        diags.push(
            Diagnostic::error(
                crate::diagnostic::codes::BUDGET_ZERO,
                &src.path,
                Msg::new(
                    "วงเงินงบประมาณ (budget) เป็น 0 บาท",
                    "the budget (budget) is 0 baht",
                ),
            )
            .at(&src.text, l, c)
            .field("budget")
            .help(Msg::new(
                "ใส่วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
                "write the budget allocated, in baht",
            )),
        );
    }
    let fy = rp.fiscal_year();
    let on = d.priced_on.0;
    if FiscalYear::of(on) != fy {
        let (l, c) = src.locate("priced_on:", 1).unwrap_or((0, 0));
        diags.push(
            Diagnostic::error(crate::diagnostic::codes::PRICED_OUTSIDE_YEAR,
                &src.path,
                Msg::new(
                    format!("วันที่กำหนดราคากลาง (priced_on) อยู่นอกปีงบประมาณ {fy}"),
                    format!("the date the price was set (priced_on) is outside fiscal year {fy}"),
                ),
            )
            .at(&src.text, l, c)
            .field("priced_on")
            .help(Msg::new(
                format!("ปีงบประมาณ {fy} คือ 1 ต.ค. {} ถึง 30 ก.ย. {}: แก้วันที่หรือ fiscal_year ให้ถูกต้อง", fy.be() - 1, fy.be()),
                format!("fiscal year {fy} runs from 1 October {} to 30 September {}: correct the date or fiscal_year", fy.be() - 1, fy.be()),
            )),
        );
    }
}

/// The sums the pages show, worked out with checked arithmetic: a plan's budget, a year's
/// agreed prices and a reference price's estimate. An amount that would make one overflow is
/// an error at its record (each amount is under [`crate::site::values::Amount::CEILING`], so
/// it takes tens of thousands of the largest ones).
pub fn check_totals(site: &crate::site::Site, diags: &mut Diagnostics) {
    let overflow = |src: &Source, line: usize, field: String, what: (&str, &str)| {
        Diagnostic::error(
            crate::diagnostic::codes::TOTAL_OVERFLOW,
            &src.path,
            Msg::new(
                format!("ยอดรวม{}เกินกว่าที่คำนวณได้เมื่อรวมรายการนี้", what.0),
                format!("the total of {} overflows with this record", what.1),
            ),
        )
        .at(&src.text, line, 0)
        .field(field)
        .help(Msg::new(
            "ตรวจจำนวนเงินของรายการนี้และรายการก่อนหน้าว่าพิมพ์ตัวเลขเกินมาหรือไม่",
            "check the amounts of this record and those before it for extra digits",
        ))
    };
    for plan in site.plans.values() {
        let mut sum: i64 = 0;
        for (i, item) in plan.data.items.iter().enumerate() {
            match sum.checked_add(item.budget.0.satang()) {
                Some(s) => sum = s,
                None => {
                    let line = plan.source.locate(&item.title, 1).map_or(0, |(l, _)| l);
                    diags.push(overflow(
                        &plan.source,
                        line,
                        format!("items[{i}].budget"),
                        ("งบประมาณของแผน", "the plan's budgets"),
                    ));
                    break;
                }
            }
        }
    }
    let mut by_year: std::collections::BTreeMap<FiscalYear, i64> = Default::default();
    for results in site.results.values() {
        let fy = results.data.month.0.fiscal_year();
        let sum = by_year.entry(fy).or_default();
        for (i, item) in results.data.items.iter().enumerate() {
            let Some(w) = &item.winner else { continue };
            match sum.checked_add(w.price.0.satang()) {
                Some(s) => *sum = s,
                None => {
                    let line = results.source.locate(&item.title, 1).map_or(0, |(l, _)| l);
                    diags.push(overflow(
                        &results.source,
                        line,
                        format!("items[{i}].winner.price"),
                        ("ราคาที่ตกลงซื้อหรือจ้างของปี", "the year's agreed prices"),
                    ));
                    *sum = i64::MAX;
                    break;
                }
            }
        }
    }
}
