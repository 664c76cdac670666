//! A record the official form requires to be complete is complete before it is published: a
//! สขร.1 row names its winner, agreed price, reason and contract, or says it is pending or
//! cancelled; a reference price is a price, set within its fiscal year.

use crate::support;

use support::TestSite;

const JAN: &str = "content/procurement/results/2566-01.yaml";
const COMPUTERS: &str = "content/procurement/reference-prices/computers-2566.yaml";

/// The example with one more row in January 2566.
fn with_row(row: &str) -> TestSite {
    let site = TestSite::example();
    let text = site.read(JAN) + row;
    site.file(JAN, &text)
}

#[test]
fn a_row_with_nothing_decided_lists_every_missing_column_at_once() {
    let site = with_row("  - title: จัดซื้อโต๊ะทำงาน\n    budget: 9000\n    method: specific\n");
    let before = site.public();
    let out = site.build();
    out.failure();
    let line = site
        .read(JAN)
        .lines()
        .position(|l| l.contains("จัดซื้อโต๊ะทำงาน"))
        .unwrap()
        + 1;
    for missing in [
        "ยังไม่มีผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
        "ยังไม่มีเหตุผลที่คัดเลือกโดยสรุป (reason)",
        "ยังไม่มีเลขที่และวันที่ของสัญญาหรือข้อตกลง",
    ] {
        out.stderr_has(&format!("ข้อผิดพลาด: {JAN}:{line}:"))
            .stderr_has(missing);
    }
    out.stderr_has("status: pending");
    before.assert_same(&site.public());
}

#[test]
fn a_pending_row_is_published_as_pending() {
    let site = with_row(
        "  - title: จัดซื้อโต๊ะทำงาน\n    budget: 9000\n    method: specific\n    status: pending\n",
    );
    site.build().success();
    let page = site.read("public/procurement/results/2566/index.html");
    let row = &page[page.find("จัดซื้อโต๊ะทำงาน").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("อยู่ระหว่างดำเนินการ"), "{row}");
    let csv = site.read("public/procurement/results/2566/results.csv");
    let line = csv.lines().find(|l| l.contains("จัดซื้อโต๊ะทำงาน")).unwrap();
    assert!(line.ends_with(",pending"), "{line}");
    // Thai is accepted for the status as staff would write it.
    let site = with_row(
        "  - title: จัดซื้อโต๊ะทำงาน\n    budget: 9000\n    method: specific\n    status: อยู่ระหว่างดำเนินการ\n",
    );
    site.build().success();
}

#[test]
fn a_cancelled_row_needs_its_reason() {
    let row =
        "  - title: จัดซื้อโต๊ะทำงาน\n    budget: 9000\n    method: specific\n    status: cancelled\n";
    with_row(row)
        .build()
        .failure()
        .stderr_has("ยังไม่มีเหตุผลที่ยกเลิก (reason)");
    let site = with_row(&format!("{row}    reason: ไม่มีผู้เสนอราคา\n"));
    site.build().success();
    let page = site.read("public/procurement/results/2566/index.html");
    assert!(page.contains("ยกเลิกการจัดซื้อจัดจ้าง"));
}

#[test]
fn a_row_without_bids_is_warned() {
    let site = with_row(
        "  - title: จัดซื้อโต๊ะทำงาน\n    budget: 9000\n    method: specific\n    winner: {name: ร้านโต๊ะ, price: 8900}\n    reason: ราคาต่ำสุด\n    contract: {number: \"99/2566\", date: 2566-01-30}\n",
    );
    site.build()
        .success()
        .stderr_has("ไม่มีรายชื่อผู้เสนอราคาและราคาที่เสนอ (bids)");
}

#[test]
fn a_reference_price_of_nothing_or_set_in_another_year_is_refused() {
    let site = TestSite::example()
        .replace(COMPUTERS, "price: \"561,400.00\"", "price: 0")
        .replace(
            COMPUTERS,
            "priced_on: 2566-02-06",
            "priced_on: 2564-02-06\nfiscal_year: 2566",
        );
    let out = site.build();
    out.failure()
        .stderr_has(&format!("ข้อผิดพลาด: {COMPUTERS}:"))
        .stderr_has("ราคากลาง (price) เป็น 0 บาท")
        .stderr_has("วันที่กำหนดราคากลาง (priced_on) อยู่นอกปีงบประมาณ 2566")
        .stderr_has("1 ต.ค. 2565 ถึง 30 ก.ย. 2566");
}
