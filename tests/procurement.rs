//! Procurement disclosure (SPEC.md §4–5, domain/procurement.md, domain/section9.md): the annual
//! plan, reference prices laid out as their บก. forms, monthly results as แบบ สขร.1, the links
//! between them, the combined per-project list, the OCDS release package and the mistakes the
//! checks catch.
//!
//! Everything runs on one small municipality written below. The expected pages and files are
//! written by hand from that content and the official forms, not copied from a run.

mod support;

use serde_json::Value;
use support::{Outcome, TestSite, attribute_values, between, text_of};

const SITE_YAML: &str = "\
name: เทศบาลตำบลทดสอบ
base_url: https://www.example.go.th/
numerals: thai
district: อำเภอทดสอบ
province: จังหวัดทดสอบ
ocid_prefix: ocds-test01
";

const PLAN: &str = "content/procurement/plans/2566.yaml";

/// Four items, two methods (e-bidding, specific), two divisions (กองช่าง, สำนักปลัด), amounts
/// typed three ways.
const PLAN_2566: &str = r#"fiscal_year: 2566
announced: 2565-10-25
items:
  - id: "66-001"
    title: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
    department: กองช่าง
    budget: 500000
    budget_source: เงินงบประมาณ
    method: e-bidding
    expected: 2566-01
    egp_project: "66019000000"
  - id: "66-002"
    title: จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)
    department: สำนักปลัด
    budget: "12,000.50"
    budget_source: เงินงบประมาณ
    method: specific
    expected: 2565-11
  - id: "66-003"
    title: จัดซื้อเครื่องคอมพิวเตอร์
    department: สำนักปลัด
    budget: "๘๕,๐๐๐ บาท"
    budget_source: เงินสะสม
    method: วิธีเฉพาะเจาะจง
    expected: 2566-03
  - id: "66-004"
    title: โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5
    department: กองช่าง
    budget: 1200000
    budget_source: เงินอุดหนุน
    method: e-bidding
    expected: 2566-04
"#;

const ROAD: &str = "content/procurement/reference-prices/road-moo3.yaml";

/// บก.01 with its estimate and committee, for plan item 66-001.
const ROAD_BK01: &str = r#"form: bk01
project: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
plan_item: "66-001"
owner: กองช่าง
budget: 500000
price: 498000
priced_on: 2566-01-10
description: ถนนกว้าง 4 เมตร ยาว 200 เมตร
breakdown:
  - {item: ค่าวัสดุ, amount: 300000}
  - {item: ค่าแรงงาน, amount: 120000}
  - {item: ค่า Factor F, amount: 78000}
sources: [ราคาวัสดุก่อสร้างกระทรวงพาณิชย์ จังหวัดทดสอบ]
committee:
  - {name: นายสมชาย ใจดี, position: ผู้อำนวยการกองช่าง}
  - {name: นายวิชัย รักงาน, position: นายช่างโยธา}
"#;

const COMPUTERS: &str = "content/procurement/reference-prices/computers.yaml";

/// บก.06 with three numbered sources, for plan item 66-003.
const COMPUTERS_BK06: &str = r#"form: bk06
project: จัดซื้อเครื่องคอมพิวเตอร์
plan_item: "66-003"
owner: สำนักปลัด
budget: 85000
price: 84500
priced_on: 2566-02-06
sources:
  - เกณฑ์ราคากลางคอมพิวเตอร์ กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม
  - บัญชีราคามาตรฐานครุภัณฑ์ สำนักงบประมาณ
  - ใบเสนอราคาจากผู้ประกอบการ 3 ราย
committee:
  - {name: นางสาวมาลี ตั้งใจ, position: หัวหน้าฝ่ายอำนวยการ}
  - {name: นายธนากร ทดลอง, position: นักวิชาการคอมพิวเตอร์}
"#;

const NOV: &str = "content/procurement/results/2565-11.yaml";

const RESULTS_2565_11: &str = r#"month: 2565-11
items:
  - title: จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)
    budget: "12,000.50"
    reference_price: 12000
    method: specific
    bids:
      - {bidder: ร้านตัวอย่างพาณิชย์, price: 11800}
      - {bidder: ร้านทดลองการค้า, price: 11950}
    winner: {name: ร้านตัวอย่างพาณิชย์, price: 11800}
    reason: เป็นผู้เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน
    contract: {number: "12/2566", date: 2565-11-20}
    plan_item: "66-002"
"#;

/// A month with nothing bought.
const RESULTS_2565_12: &str = "month: 2565-12\nitems: []\n";

/// The road carried from plan through reference price to contract, and a repair outside the plan.
const RESULTS_2566_02: &str = r#"month: 2566-02
items:
  - title: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
    budget: 500000
    reference_price: 498000
    method: e-bidding
    bids:
      - {bidder: หจก. ก่อสร้างดี, price: 495000}
      - {bidder: บริษัท ถนนทอง จำกัด, price: 490000}
    winner: {name: บริษัท ถนนทอง จำกัด, price: 490000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "3/2566", date: 2566-02-15}
    plan_item: "66-001"
  - title: จ้างซ่อมเครื่องปรับอากาศ ห้องประชุม
    budget: 8500
    method: specific
    bids: [{bidder: ร้านทดลองแอร์, price: 8500}]
    winner: {name: ร้านทดลองแอร์, price: 8500}
    reason: เป็นผู้มีอาชีพรับจ้างโดยตรง
    contract: {number: "4/2566", date: 2566-02-20}
"#;

const ANNOUNCEMENT: &str = "content/announcements/plan-2566.md";

const PLAN_ANNOUNCEMENT: &str = "\
---
title: ประกาศ เรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
date: 2565-10-25
embed: procurement/plans/2566
---
ขอเผยแพร่แผนการจัดซื้อจัดจ้างตามรายละเอียดแนบท้ายประกาศนี้
";

const DATASET_YAML: &str = "content/data/complaints.yaml";
const DATASET_CSV: &str = "content/data/complaints.csv";

const COMPLAINTS_YAML: &str = "\
title: สถิติเรื่องร้องเรียน รายไตรมาส
description: จำนวนเรื่องร้องเรียนที่ได้รับในแต่ละไตรมาส
keywords: [ร้องเรียน, สถิติ]
update_frequency: quarterly
source: สำนักปลัด
columns:
  - {name: quarter, title: ไตรมาส, type: string}
  - {name: received, title: เรื่องที่ได้รับ, type: integer}
  - {name: reported_on, title: วันที่รายงาน, type: date}
";

/// A Thai-digit integer, an integer with a thousands comma, BE dates in both digits.
const COMPLAINTS_CSV: &str = "\
quarter,received,reported_on
1/2566,๑๒,2566-01-15
2/2566,\"1,200\",๒๕๖๖-๐๔-๑๐
";

/// The small municipality, not built yet.
fn fixture() -> TestSite {
    TestSite::empty()
        .file("content/site.yaml", SITE_YAML)
        .file(PLAN, PLAN_2566)
        .file(ROAD, ROAD_BK01)
        .file(COMPUTERS, COMPUTERS_BK06)
        .file(NOV, RESULTS_2565_11)
        .file("content/procurement/results/2565-12.yaml", RESULTS_2565_12)
        .file("content/procurement/results/2566-02.yaml", RESULTS_2566_02)
        .file(ANNOUNCEMENT, PLAN_ANNOUNCEMENT)
        .file(DATASET_YAML, COMPLAINTS_YAML)
        .file(DATASET_CSV, COMPLAINTS_CSV)
}

fn built() -> TestSite {
    let site = fixture();
    site.build().success();
    site
}

// ---- reading pages ----

/// The page at site path `rel` (`procurement/plans/2566/`).
#[track_caller]
fn page(site: &TestSite, rel: &str) -> String {
    site.read(&format!("public/{rel}index.html"))
}

/// The `<tr id="PREFIX...">` rows of a page in order: (id, row HTML).
fn rows(html: &str, prefix: &str) -> Vec<(String, String)> {
    let needle = format!("<tr id=\"{prefix}");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i..];
            let id_start = "<tr id=\"".len();
            let id_end = id_start + rest[id_start..].find('"').expect("closing quote");
            let end = rest.find("</tr>").expect("closing </tr>");
            (rest[id_start..id_end].to_owned(), rest[..end].to_owned())
        })
        .collect()
}

/// The visible text of each cell (`<td>` or `<th>`) of a table row.
fn cells(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = row;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if ["<td>", "<td ", "<th>", "<th "]
            .iter()
            .any(|t| rest.starts_with(t))
        {
            let body = &rest[rest.find('>').expect("end of tag") + 1..];
            let end = ["</td>", "</th>"]
                .iter()
                .filter_map(|e| body.find(e))
                .min()
                .expect("end of cell");
            out.push(text_of(&body[..end]));
            rest = &body[end..];
        } else {
            rest = &rest[1..];
        }
    }
    out
}

/// The text of each `<li>` between `start` and the next `</ol>`.
fn list_items(html: &str, start: &str) -> Vec<String> {
    between(html, start, "</ol>")
        .split("<li>")
        .skip(1)
        .map(text_of)
        .collect()
}

/// Asserts `parts` appear in `text` in this order.
#[track_caller]
fn assert_in_order(text: &str, parts: &[&str]) {
    let mut at = 0;
    for part in parts {
        match text[at..].find(part) {
            Some(i) => at += i + part.len(),
            None => panic!("{part:?} is missing or out of order in:\n{text}"),
        }
    }
}

#[track_caller]
fn json(site: &TestSite, rel: &str) -> Value {
    serde_json::from_str(&site.read(rel)).unwrap_or_else(|e| panic!("{rel} is not JSON: {e}"))
}

// ---- 1. the plan ----

#[test]
fn plan_page_lists_the_items_in_order_with_thai_digits() {
    let site = built();
    let html = page(&site, "procurement/plans/2566/");
    let rows = rows(&html, "item-");
    let ids: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["item-66-001", "item-66-002", "item-66-003", "item-66-004"]
    );
    // ลำดับที่ · project · division · budget · source · method · expected month · e-GP number
    // (the last column, progress, is checked with the links).
    let expected = [
        [
            "๑",
            "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
            "กองช่าง",
            "๕๐๐,๐๐๐.๐๐",
            "เงินงบประมาณ",
            "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
            "ม.ค. ๖๖",
            "66019000000",
        ],
        [
            "๒",
            "จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)",
            "สำนักปลัด",
            "๑๒,๐๐๐.๕๐",
            "เงินงบประมาณ",
            "วิธีเฉพาะเจาะจง",
            "พ.ย. ๖๕",
            "-",
        ],
        [
            "๓",
            "จัดซื้อเครื่องคอมพิวเตอร์",
            "สำนักปลัด",
            "๘๕,๐๐๐.๐๐",
            "เงินสะสม",
            "วิธีเฉพาะเจาะจง",
            "มี.ค. ๖๖",
            "-",
        ],
        [
            "๔",
            "โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5",
            "กองช่าง",
            "๑,๒๐๐,๐๐๐.๐๐",
            "เงินอุดหนุน",
            "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
            "เม.ย. ๖๖",
            "-",
        ],
    ];
    for ((id, row), want) in rows.iter().zip(expected) {
        let got = cells(row);
        assert_eq!(&got[..8], want, "row {id}");
    }
    let foot = text_of(between(&html, "<tfoot>", "</tfoot>"));
    assert_eq!(foot, "รวมทั้งสิ้น ๑,๗๙๗,๐๐๐.๕๐");
    let caption = text_of(between(
        &html,
        "<caption id=\"plan-caption\">",
        "</caption>",
    ));
    assert_eq!(
        caption,
        "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ จำนวน ๔ รายการ"
    );
}

#[test]
fn plan_page_totals_by_method_and_by_division() {
    let site = built();
    let html = page(&site, "procurement/plans/2566/");
    let by_method = text_of(between(&html, "<caption>สรุปตามวิธีจัดซื้อจัดจ้าง", "</table>"));
    assert_eq!(
        by_method,
        "สรุปตามวิธีจัดซื้อจัดจ้าง วิธี จำนวนรายการ วงเงินรวม (บาท) \
         วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) ๒ ๑,๗๐๐,๐๐๐.๐๐ \
         วิธีเฉพาะเจาะจง ๒ ๙๗,๐๐๐.๕๐"
    );
    let by_division = text_of(between(&html, "<caption>สรุปตามหน่วยงาน", "</table>"));
    assert_eq!(
        by_division,
        "สรุปตามหน่วยงาน หน่วยงาน จำนวนรายการ วงเงินรวม (บาท) \
         กองช่าง ๒ ๑,๗๐๐,๐๐๐.๐๐ \
         สำนักปลัด ๒ ๙๗,๐๐๐.๕๐"
    );
}

#[test]
fn plan_csv_is_exactly_what_excel_should_open() {
    let site = built();
    // BOM, CRLF, amounts as plain decimals with satang, months in CE, the title with a comma
    // quoted, Thai-digit input written with Arabic digits, the Thai method name as its key.
    let expected = "\u{feff}\
no,id,title,department,budget,budget_source,method,expected_month,egp_project\r\n\
1,66-001,โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3,กองช่าง,500000.00,เงินงบประมาณ,e-bidding,2023-01,66019000000\r\n\
2,66-002,\"จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)\",สำนักปลัด,12000.50,เงินงบประมาณ,specific,2022-11,\r\n\
3,66-003,จัดซื้อเครื่องคอมพิวเตอร์,สำนักปลัด,85000.00,เงินสะสม,specific,2023-03,\r\n\
4,66-004,โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5,กองช่าง,1200000.00,เงินอุดหนุน,e-bidding,2023-04,\r\n";
    assert_eq!(
        site.read("public/procurement/plans/2566/plan.csv"),
        expected
    );
}

#[test]
fn plan_json_holds_amounts_as_numbers_in_baht() {
    let site = built();
    let plan = json(&site, "public/procurement/plans/2566/plan.json");
    assert_eq!(plan["fiscal_year"], 2566);
    assert_eq!(plan["announced"], "2022-10-25");
    assert_eq!(plan["organization"], "เทศบาลตำบลทดสอบ");
    let items = plan["items"].as_array().expect("a list of items");
    let got: Vec<(&str, f64, &str, &str)> = items
        .iter()
        .map(|i| {
            assert!(i["budget"].is_number(), "budget is a JSON number: {i}");
            (
                i["id"].as_str().unwrap(),
                i["budget"].as_f64().unwrap(),
                i["method"].as_str().unwrap(),
                i["expected_month"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("66-001", 500_000.0, "e-bidding", "2023-01"),
            ("66-002", 12_000.5, "specific", "2022-11"),
            ("66-003", 85_000.0, "specific", "2023-03"),
            ("66-004", 1_200_000.0, "e-bidding", "2023-04"),
        ]
    );
    assert_eq!(items[0]["no"], 1);
    assert_eq!(items[0]["department"], "กองช่าง");
    assert_eq!(items[0]["egp_project"], "66019000000");
}

// ---- 2. reference prices ----

#[test]
fn bk01_page_shows_the_form_amounts_in_figures_and_words_estimate_and_committee() {
    let site = built();
    let html = page(&site, "procurement/reference-prices/road-moo3/");
    let text = text_of(&html);
    assert_in_order(
        &text,
        &[
            "แบบ บก.๐๑",
            "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลาง (ราคาอ้างอิง) ในงานจ้างก่อสร้าง",
            "ชื่อโครงการ โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 หน่วยงานเจ้าของโครงการ กองช่าง เทศบาลตำบลทดสอบ",
            "วงเงินงบประมาณที่ได้รับจัดสรร ๕๐๐,๐๐๐.๐๐ บาท (ห้าแสนบาทถ้วน)",
            "ลักษณะงานโดยสังเขป ถนนกว้าง 4 เมตร ยาว 200 เมตร",
            "ราคากลางคำนวณ ณ วันที่ ๑๐ มกราคม ๒๕๖๖ เป็นเงิน ๔๙๘,๐๐๐.๐๐ บาท (สี่แสนเก้าหมื่นแปดพันบาทถ้วน)",
            "บัญชีประมาณการราคากลาง",
            "แหล่งที่มาของราคากลาง (ราคาอ้างอิง) ราคาวัสดุก่อสร้างกระทรวงพาณิชย์ จังหวัดทดสอบ",
            "รายชื่อคณะกรรมการกำหนดราคากลาง",
        ],
    );
    let breakdown: Vec<Vec<String>> = between(&html, "<table class=\"breakdown\">", "</table>")
        .split("<tr>")
        .skip(2) // the header row
        .map(cells)
        .collect();
    assert_eq!(
        breakdown,
        [
            vec!["๑", "ค่าวัสดุ", "๓๐๐,๐๐๐.๐๐"],
            vec!["๒", "ค่าแรงงาน", "๑๒๐,๐๐๐.๐๐"],
            vec!["๓", "ค่า Factor F", "๗๘,๐๐๐.๐๐"],
            vec!["รวม", "๔๙๘,๐๐๐.๐๐"],
        ]
    );
    assert_eq!(
        list_items(&html, "<ol class=\"people\">"),
        ["นายสมชาย ใจดี ผู้อำนวยการกองช่าง", "นายวิชัย รักงาน นายช่างโยธา"]
    );
}

#[test]
fn bk06_page_shows_numbered_sources_in_order_and_every_price_setter() {
    let site = built();
    let html = page(&site, "procurement/reference-prices/computers/");
    let text = text_of(&html);
    assert_in_order(
        &text,
        &[
            "แบบ บก.๐๖",
            "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลาง (ราคาอ้างอิง) ในการจัดซื้อจัดจ้างที่มิใช่งานก่อสร้าง",
            "ชื่อโครงการ จัดซื้อเครื่องคอมพิวเตอร์ หน่วยงานเจ้าของโครงการ สำนักปลัด เทศบาลตำบลทดสอบ",
            "วงเงินงบประมาณที่ได้รับจัดสรร ๘๕,๐๐๐.๐๐ บาท (แปดหมื่นห้าพันบาทถ้วน)",
            "ราคากลางคำนวณ ณ วันที่ ๖ กุมภาพันธ์ ๒๕๖๖ เป็นเงิน ๘๔,๕๐๐.๐๐ บาท (แปดหมื่นสี่พันห้าร้อยบาทถ้วน)",
            "แหล่งที่มาของราคากลาง (ราคาอ้างอิง)",
            "รายชื่อเจ้าหน้าที่ผู้กำหนดราคากลาง (ราคาอ้างอิง) ทุกคน",
        ],
    );
    assert!(
        !text.contains("การจัดซื้อจัดจ้างการจัดซื้อจัดจ้าง"),
        "the heading names the kind of procurement once"
    );
    // A บก.06 has no estimate table and no description row.
    assert!(!html.contains("class=\"breakdown\""));
    assert!(!text.contains("ลักษณะงานโดยสังเขป"));
    // The sources in an ordered list, so the browser numbers them 1, 2, 3 as the form does.
    assert_eq!(
        list_items(&html, "<ol class=\"sources\">"),
        [
            "เกณฑ์ราคากลางคอมพิวเตอร์ กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
            "บัญชีราคามาตรฐานครุภัณฑ์ สำนักงบประมาณ",
            "ใบเสนอราคาจากผู้ประกอบการ 3 ราย",
        ]
    );
    assert_eq!(
        list_items(&html, "<ol class=\"people\">"),
        [
            "นางสาวมาลี ตั้งใจ หัวหน้าฝ่ายอำนวยการ",
            "นายธนากร ทดลอง นักวิชาการคอมพิวเตอร์",
        ]
    );
}

#[test]
fn reference_price_list_page_lists_every_disclosure_newest_first() {
    let site = built();
    let html = page(&site, "procurement/reference-prices/");
    let body = between(&html, "<tbody>", "</tbody>");
    let rows: Vec<Vec<String>> = body.split("<tr>").skip(1).map(cells).collect();
    assert_eq!(
        rows,
        [
            vec![
                "จัดซื้อเครื่องคอมพิวเตอร์",
                "บก.๐๖",
                "๖ ก.พ. ๒๕๖๖",
                "๘๕,๐๐๐.๐๐",
                "๘๔,๕๐๐.๐๐"
            ],
            vec![
                "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
                "บก.๐๑",
                "๑๐ ม.ค. ๒๕๖๖",
                "๕๐๐,๐๐๐.๐๐",
                "๔๙๘,๐๐๐.๐๐"
            ],
        ]
    );
    let links = attribute_values(body, "href");
    assert_eq!(
        links,
        [
            "/procurement/reference-prices/computers/",
            "/procurement/reference-prices/road-moo3/"
        ]
    );
}

#[test]
fn reference_prices_csv_and_json() {
    let site = built();
    // Sources and committee members one per line inside their cell, CRLF like the rows.
    let expected = "\u{feff}\
fiscal_year,form,project,owner,plan_item,budget,price,priced_on,sources,committee,url\r\n\
2566,bk06,จัดซื้อเครื่องคอมพิวเตอร์,สำนักปลัด,66-003,85000.00,84500.00,2023-02-06,\"เกณฑ์ราคากลางคอมพิวเตอร์ กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม\r\nบัญชีราคามาตรฐานครุภัณฑ์ สำนักงบประมาณ\r\nใบเสนอราคาจากผู้ประกอบการ 3 ราย\",\"นางสาวมาลี ตั้งใจ (หัวหน้าฝ่ายอำนวยการ)\r\nนายธนากร ทดลอง (นักวิชาการคอมพิวเตอร์)\",https://www.example.go.th/procurement/reference-prices/computers/\r\n\
2566,bk01,โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3,กองช่าง,66-001,500000.00,498000.00,2023-01-10,ราคาวัสดุก่อสร้างกระทรวงพาณิชย์ จังหวัดทดสอบ,\"นายสมชาย ใจดี (ผู้อำนวยการกองช่าง)\r\nนายวิชัย รักงาน (นายช่างโยธา)\",https://www.example.go.th/procurement/reference-prices/road-moo3/\r\n";
    assert_eq!(
        site.read("public/procurement/reference-prices/reference-prices.csv"),
        expected
    );
    let data = json(
        &site,
        "public/procurement/reference-prices/reference-prices.json",
    );
    let road = data["reference_prices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "road-moo3")
        .expect("the road's disclosure");
    assert_eq!(road["form"], "bk01");
    assert_eq!(road["price"].as_f64(), Some(498_000.0));
    assert_eq!(road["budget"].as_f64(), Some(500_000.0));
    assert_eq!(road["priced_on"], "2023-01-10");
    let breakdown: Vec<(&str, f64)> = road["breakdown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["item"].as_str().unwrap(), b["amount"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        breakdown,
        [
            ("ค่าวัสดุ", 300_000.0),
            ("ค่าแรงงาน", 120_000.0),
            ("ค่า Factor F", 78_000.0)
        ]
    );
}

#[test]
fn reference_price_written_as_a_markdown_announcement_shows_its_text_and_form() {
    let site = fixture().file(
        "content/procurement/reference-prices/drain.md",
        r#"---
title: ประกาศเทศบาลตำบลทดสอบ เรื่อง เผยแพร่ราคากลาง โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5
number: "15/2566"
signed_by: {name: นายประเสริฐ ตัวอย่าง, position: นายกเทศมนตรีตำบลทดสอบ}
form: bk01
project: โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5
plan_item: "66-004"
owner: กองช่าง
budget: 1200000
price: "1,195,000.00"
priced_on: 2566-03-15
description: รางระบายน้ำคอนกรีตเสริมเหล็ก ยาว 300 เมตร
committee:
  - {name: นายสมชาย ใจดี, position: ผู้อำนวยการกองช่าง}
---
ด้วยเทศบาลตำบลทดสอบ **มีความประสงค์** จะเผยแพร่ราคากลางโครงการก่อสร้างรางระบายน้ำ

ประกาศ ณ วันที่ ๑๕ มีนาคม พ.ศ. ๒๕๖๖
"#,
    );
    site.build().success();
    let html = page(&site, "procurement/reference-prices/drain/");
    assert!(
        html.contains("<strong>มีความประสงค์</strong>"),
        "Markdown body rendered"
    );
    assert_in_order(
        &text_of(&html),
        &[
            "แบบ บก.๐๑",
            "ประกาศเทศบาลตำบลทดสอบ เรื่อง เผยแพร่ราคากลาง โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5",
            "เลขที่ ๑๕/๒๕๖๖",
            "ด้วยเทศบาลตำบลทดสอบ มีความประสงค์ จะเผยแพร่ราคากลางโครงการก่อสร้างรางระบายน้ำ",
            "ประกาศ ณ วันที่ ๑๕ มีนาคม พ.ศ. ๒๕๖๖",
            "วงเงินงบประมาณที่ได้รับจัดสรร ๑,๒๐๐,๐๐๐.๐๐ บาท (หนึ่งล้านสองแสนบาทถ้วน)",
            "เป็นเงิน ๑,๑๙๕,๐๐๐.๐๐ บาท (หนึ่งล้านหนึ่งแสนเก้าหมื่นห้าพันบาทถ้วน)",
            "นายสมชาย ใจดี ผู้อำนวยการกองช่าง",
            "(นายประเสริฐ ตัวอย่าง) นายกเทศมนตรีตำบลทดสอบ",
        ],
    );
    // It is a reference price like the others: listed, linked from its plan item, in the data.
    assert!(
        attribute_values(&page(&site, "procurement/reference-prices/"), "href")
            .contains(&"/procurement/reference-prices/drain/".to_owned())
    );
    let plan = page(&site, "procurement/plans/2566/");
    let (_, row) = rows(&plan, "item-66-004").remove(0);
    assert!(
        attribute_values(&row, "href").contains(&"/procurement/reference-prices/drain/".to_owned())
    );
    assert!(
        site.read("public/procurement/reference-prices/reference-prices.csv")
            .contains(",bk01,โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5,กองช่าง,66-004,1200000.00,1195000.00,2023-03-15,")
    );
}

// ---- 3. monthly results (สขร.1) ----

/// The nine columns of แบบ สขร.1, in the order of the Official Information Commission's
/// announcement (domain/section9.md).
const SKR1_COLUMNS: [&str; 9] = [
    "ลำดับที่",
    "งานที่จัดซื้อหรือจัดจ้าง",
    "วงเงินที่จะซื้อหรือจ้าง",
    "ราคากลาง",
    "วิธีซื้อหรือจ้าง",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
    "เหตุผลที่คัดเลือกโดยสรุป",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง",
];

#[test]
fn results_of_a_past_year_show_all_twelve_months_in_fiscal_order() {
    // Built today, FY 2566 (Oct 2022 – Sep 2023) is over: every month is shown.
    let site = built();
    let html = page(&site, "procurement/results/2566/");
    let headings: Vec<String> = html
        .split("<h2 id=\"m-")
        .skip(1)
        .map(|s| text_of(&s[s.find('>').unwrap() + 1..s.find("</h2>").unwrap()]))
        .collect();
    let months = [
        "ตุลาคม ๒๕๖๕",
        "พฤศจิกายน ๒๕๖๕",
        "ธันวาคม ๒๕๖๕",
        "มกราคม ๒๕๖๖",
        "กุมภาพันธ์ ๒๕๖๖",
        "มีนาคม ๒๕๖๖",
        "เมษายน ๒๕๖๖",
        "พฤษภาคม ๒๕๖๖",
        "มิถุนายน ๒๕๖๖",
        "กรกฎาคม ๒๕๖๖",
        "สิงหาคม ๒๕๖๖",
        "กันยายน ๒๕๖๖",
    ];
    let expected: Vec<String> = months
        .iter()
        .map(|m| format!("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {m}"))
        .collect();
    assert_eq!(headings, expected);
    let toc = text_of(between(&html, "<nav class=\"toc\"", "</nav>"));
    assert_eq!(
        toc,
        "ต.ค. ๖๕ พ.ย. ๖๕ ธ.ค. ๖๕ ม.ค. ๖๖ ก.พ. ๖๖ มี.ค. ๖๖ เม.ย. ๖๖ พ.ค. ๖๖ มิ.ย. ๖๖ ก.ค. ๖๖ ส.ค. ๖๖ ก.ย. ๖๖"
    );
    assert!(
        text_of(&html).contains("เทศบาลตำบลทดสอบ"),
        "the agency's name"
    );
}

/// The `<section>` of one month (`2022-12`) of a results page.
fn month_section<'a>(html: &'a str, iso: &str) -> &'a str {
    let section = between(html, &format!("aria-labelledby=\"m-{iso}\""), "</section>");
    &section[section.find('>').expect("end of the section tag") + 1..]
}

#[test]
fn a_month_with_an_empty_list_reads_no_procurement_and_a_month_without_a_file_not_yet_published() {
    let site = built();
    let html = page(&site, "procurement/results/2566/");
    let december = text_of(month_section(&html, "2022-12"));
    assert_eq!(
        december,
        "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ธันวาคม ๒๕๖๕ ไม่มีการจัดซื้อจัดจ้าง"
    );
    for missing in ["2022-10", "2023-01", "2023-03", "2023-09"] {
        let text = text_of(month_section(&html, missing));
        assert!(text.contains("ยังไม่ได้เผยแพร่"), "{missing}: {text}");
        assert!(!text.contains("ไม่มีการจัดซื้อจัดจ้าง"), "{missing}: {text}");
    }
    let november = text_of(month_section(&html, "2022-11"));
    assert!(!november.contains("ยังไม่ได้เผยแพร่") && !november.contains("ไม่มีการจัดซื้อจัดจ้าง"));

    let data = json(&site, "public/procurement/results/2566/results.json");
    let states: Vec<(&str, &str)> = data["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["month"].as_str().unwrap(), m["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [
            ("2022-10", "not_published"),
            ("2022-11", "published"),
            ("2022-12", "no_procurement"),
            ("2023-01", "not_published"),
            ("2023-02", "published"),
            ("2023-03", "not_published"),
            ("2023-04", "not_published"),
            ("2023-05", "not_published"),
            ("2023-06", "not_published"),
            ("2023-07", "not_published"),
            ("2023-08", "not_published"),
            ("2023-09", "not_published"),
        ]
    );
}

#[test]
fn results_table_has_the_nine_skr1_columns_in_official_order() {
    let site = built();
    let html = page(&site, "procurement/results/2566/");
    for month in ["2022-11", "2023-02"] {
        let head = between(month_section(&html, month), "<thead>", "</thead>");
        let headers: Vec<String> = head
            .split("<th scope=\"col\"")
            .skip(1)
            .map(|h| text_of(&h[h.find('>').unwrap() + 1..h.find("</th>").unwrap()]))
            .collect();
        assert_eq!(headers.len(), 9, "{month}: {headers:?}");
        for (got, want) in headers.iter().zip(SKR1_COLUMNS) {
            // Amount columns add their unit: "วงเงินที่จะซื้อหรือจ้าง (บาท)".
            assert!(
                got == want || *got == format!("{want} (บาท)"),
                "{month}: column {got:?} where the form has {want:?}"
            );
        }
    }
}

#[test]
fn results_rows_show_bidders_winner_reason_and_contract() {
    let site = built();
    let html = page(&site, "procurement/results/2566/");
    let rows = rows(&html, "r-");
    let ids: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["r-2022-11-1", "r-2023-02-1", "r-2023-02-2"]);

    let office = cells(&rows[0].1);
    assert_eq!(office.len(), 9);
    assert!(office[1].starts_with("จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)"));
    let expected = [
        "๑๒,๐๐๐.๕๐",
        "๑๒,๐๐๐.๐๐",
        "วิธีเฉพาะเจาะจง",
        "ร้านตัวอย่างพาณิชย์ ๑๑,๘๐๐.๐๐ บาท ร้านทดลองการค้า ๑๑,๙๕๐.๐๐ บาท",
        "ร้านตัวอย่างพาณิชย์ ๑๑,๘๐๐.๐๐ บาท",
        "เป็นผู้เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน",
        "๑๒/๒๕๖๖ ๒๐ พ.ย. ๒๕๖๕",
    ];
    assert_eq!(office[0], "๑");
    assert_eq!(&office[2..], expected);
    // Each bidder on a line of its own.
    assert!(
        rows[0]
            .1
            .contains("ร้านตัวอย่างพาณิชย์ ๑๑,๘๐๐.๐๐ บาท<br>ร้านทดลองการค้า")
    );

    let road = cells(&rows[1].1);
    assert_eq!(road[0], "๑");
    assert_eq!(
        &road[2..],
        [
            "๕๐๐,๐๐๐.๐๐",
            "๔๙๘,๐๐๐.๐๐",
            "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
            "หจก. ก่อสร้างดี ๔๙๕,๐๐๐.๐๐ บาท บริษัท ถนนทอง จำกัด ๔๙๐,๐๐๐.๐๐ บาท",
            "บริษัท ถนนทอง จำกัด ๔๙๐,๐๐๐.๐๐ บาท",
            "เสนอราคาต่ำสุด",
            "๓/๒๕๖๖ ๑๕ ก.พ. ๒๕๖๖",
        ]
    );

    // Outside the plan, no reference price: the form says so with a dash.
    let repair = cells(&rows[2].1);
    assert_eq!(repair[0], "๒");
    assert_eq!(repair[1], "จ้างซ่อมเครื่องปรับอากาศ ห้องประชุม");
    assert_eq!(repair[3], "-");
}

#[test]
fn results_csv_is_exactly_what_excel_should_open() {
    let site = built();
    // One row per procurement in month order (the empty December adds none), bidders one per
    // line inside their cell with CRLF like the rows, dates and months CE.
    let expected = "\u{feff}\
month,no,title,budget,reference_price,method,bids,winner,agreed_price,reason,contract_number,contract_date,plan_item,status\r\n\
2022-11,1,\"จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)\",12000.50,12000.00,specific,\"ร้านตัวอย่างพาณิชย์ 11800.00\r\nร้านทดลองการค้า 11950.00\",ร้านตัวอย่างพาณิชย์,11800.00,เป็นผู้เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน,12/2566,2022-11-20,66-002,done\r\n\
2023-02,1,โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3,500000.00,498000.00,e-bidding,\"หจก. ก่อสร้างดี 495000.00\r\nบริษัท ถนนทอง จำกัด 490000.00\",บริษัท ถนนทอง จำกัด,490000.00,เสนอราคาต่ำสุด,3/2566,2023-02-15,66-001,done\r\n\
2023-02,2,จ้างซ่อมเครื่องปรับอากาศ ห้องประชุม,8500.00,,specific,ร้านทดลองแอร์ 8500.00,ร้านทดลองแอร์,8500.00,เป็นผู้มีอาชีพรับจ้างโดยตรง,4/2566,2023-02-20,,done\r\n";
    assert_eq!(
        site.read("public/procurement/results/2566/results.csv"),
        expected
    );
}

// ---- 4. links between plan, reference price and result ----

#[test]
fn plan_item_links_to_its_reference_price_and_result_and_they_link_back() {
    let site = built();
    let plan = page(&site, "procurement/plans/2566/");
    let results = page(&site, "procurement/results/2566/");
    let road = page(&site, "procurement/reference-prices/road-moo3/");

    let (_, row) = rows(&plan, "item-66-001").remove(0);
    assert_eq!(
        attribute_values(&row, "href"),
        [
            "/procurement/reference-prices/road-moo3/",
            "/procurement/results/2566/#r-2023-02-1"
        ]
    );
    assert_eq!(
        cells(&row)[8],
        "ราคากลาง บก.๐๑ ผล สขร.๑ กุมภาพันธ์ ๒๕๖๖",
        "the result's month in Thai, BE"
    );
    let (_, unstarted) = rows(&plan, "item-66-004").remove(0);
    assert_eq!(cells(&unstarted)[8], "ยังไม่ดำเนินการ");

    let (_, result) = rows(&results, "r-2023-02-1").remove(0);
    let links = attribute_values(&result, "href");
    assert_eq!(
        links,
        [
            "/procurement/plans/2566/#item-66-001",
            "/procurement/reference-prices/road-moo3/"
        ]
    );
    let (_, outside) = rows(&results, "r-2023-02-2").remove(0);
    assert!(
        attribute_values(&outside, "href").is_empty(),
        "no plan item, no link"
    );

    let related = between(&road, "<nav class=\"related\"", "</nav>");
    assert_eq!(
        attribute_values(related, "href"),
        [
            "/procurement/plans/2566/#item-66-001",
            "/procurement/results/2566/#r-2023-02-1"
        ]
    );
    assert_eq!(
        text_of(related),
        "ข้อมูลที่เกี่ยวข้อง: แผนการจัดซื้อจัดจ้าง ปี ๒๕๖๖ รายการ ๖๖-๐๐๑ ผลการจัดซื้อจัดจ้าง (สขร.๑) กุมภาพันธ์ ๒๕๖๖"
    );
    let computers = page(&site, "procurement/reference-prices/computers/");
    assert_eq!(
        attribute_values(
            between(&computers, "<nav class=\"related\"", "</nav>"),
            "href"
        ),
        ["/procurement/plans/2566/#item-66-003"]
    );
}

#[test]
fn every_procurement_link_with_an_anchor_lands_on_an_element_with_that_id() {
    let site = built();
    let pages = [
        "procurement/plans/2566/",
        "procurement/results/2566/",
        "procurement/projects/2566/",
        "procurement/reference-prices/road-moo3/",
        "procurement/reference-prices/computers/",
        "announcements/plan-2566/",
    ];
    let mut checked = 0;
    for rel in pages {
        for href in attribute_values(&page(&site, rel), "href") {
            let Some((path, fragment)) = href.split_once('#') else {
                continue;
            };
            if path.is_empty() || !path.starts_with("/procurement/") {
                continue;
            }
            let target = page(&site, path.trim_start_matches('/'));
            assert!(
                target.contains(&format!(" id=\"{fragment}\"")),
                "{rel} links to {href}, which has no element with that id"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} links with anchors");
}

#[test]
fn projects_page_joins_plan_reference_price_and_result_one_row_per_project() {
    let site = built();
    let html = page(&site, "procurement/projects/2566/");
    let body = between(&html, "<tbody>", "</tbody>");
    let rows: Vec<Vec<String>> = body.split("<tr>").skip(1).map(cells).collect();
    // ที่ · title · budget · source · status · method · reference price · agreed price ·
    // supplier · e-GP · links
    assert_eq!(
        rows,
        [
            vec![
                "๑",
                "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
                "๕๐๐,๐๐๐.๐๐",
                "เงินงบประมาณ",
                "ลงนามสัญญาแล้ว",
                "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
                "๔๙๘,๐๐๐.๐๐",
                "๔๙๐,๐๐๐.๐๐",
                "บริษัท ถนนทอง จำกัด",
                "66019000000",
                "แผน · ราคากลาง · สขร.๑",
            ],
            vec![
                "๒",
                "จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)",
                "๑๒,๐๐๐.๕๐",
                "เงินงบประมาณ",
                "ลงนามสัญญาแล้ว",
                "วิธีเฉพาะเจาะจง",
                "๑๒,๐๐๐.๐๐",
                "๑๑,๘๐๐.๐๐",
                "ร้านตัวอย่างพาณิชย์",
                "-",
                "แผน · สขร.๑",
            ],
            vec![
                "๓",
                "จัดซื้อเครื่องคอมพิวเตอร์",
                "๘๕,๐๐๐.๐๐",
                "เงินสะสม",
                "ประกาศราคากลางแล้ว",
                "วิธีเฉพาะเจาะจง",
                "๘๔,๕๐๐.๐๐",
                "-",
                "-",
                "-",
                "แผน · ราคากลาง",
            ],
            vec![
                "๔",
                "โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5",
                "๑,๒๐๐,๐๐๐.๐๐",
                "เงินอุดหนุน",
                "อยู่ในแผน",
                "วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
                "-",
                "-",
                "-",
                "-",
                "แผน",
            ],
            vec![
                "๕",
                "จ้างซ่อมเครื่องปรับอากาศ ห้องประชุม",
                "๘,๕๐๐.๐๐",
                "-",
                "ลงนามสัญญาแล้ว",
                "วิธีเฉพาะเจาะจง",
                "-",
                "๘,๕๐๐.๐๐",
                "ร้านทดลองแอร์",
                "-",
                "สขร.๑",
            ],
        ]
    );
    assert_eq!(
        attribute_values(body, "href")[..3],
        [
            "/procurement/plans/2566/#item-66-001",
            "/procurement/reference-prices/road-moo3/",
            "/procurement/results/2566/#r-2023-02-1"
        ]
    );
}

#[test]
fn projects_csv_holds_the_ita_o12_fields_one_row_per_project() {
    let site = built();
    // ที่ · ปีงบประมาณ · ชื่อหน่วยงาน · อำเภอ · จังหวัด · กระทรวง · ประเภทหน่วยงาน · ชื่อรายการ ·
    // วงเงินงบประมาณ · แหล่งที่มาของงบประมาณ · สถานะ · วิธี · ราคากลาง · ราคาที่ตกลง ·
    // ผู้ประกอบการที่ได้รับการคัดเลือก · เลขที่โครงการ e-GP, and the record's id.
    let org = "เทศบาลตำบลทดสอบ,อำเภอทดสอบ,จังหวัดทดสอบ,กระทรวงมหาดไทย,องค์กรปกครองส่วนท้องถิ่น";
    let expected = format!(
        "\u{feff}\
no,fiscal_year,organization,district,province,ministry,organization_type,title,budget,budget_source,status,method,reference_price,agreed_price,supplier,egp_project,id\r\n\
1,2566,{org},โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3,500000.00,เงินงบประมาณ,ลงนามสัญญาแล้ว,e-bidding,498000.00,490000.00,บริษัท ถนนทอง จำกัด,66019000000,66-001\r\n\
2,2566,{org},\"จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)\",12000.50,เงินงบประมาณ,ลงนามสัญญาแล้ว,specific,12000.00,11800.00,ร้านตัวอย่างพาณิชย์,,66-002\r\n\
3,2566,{org},จัดซื้อเครื่องคอมพิวเตอร์,85000.00,เงินสะสม,ประกาศราคากลางแล้ว,specific,84500.00,,,,66-003\r\n\
4,2566,{org},โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5,1200000.00,เงินอุดหนุน,อยู่ในแผน,e-bidding,,,,,66-004\r\n\
5,2566,{org},จ้างซ่อมเครื่องปรับอากาศ ห้องประชุม,8500.00,,ลงนามสัญญาแล้ว,specific,,8500.00,ร้านทดลองแอร์,,2023-02-2\r\n"
    );
    assert_eq!(
        site.read("public/procurement/projects/2566/projects.csv"),
        expected
    );
    let data = json(&site, "public/procurement/projects/2566/projects.json");
    let first = &data["projects"][0];
    assert_eq!(first["agreed_price"].as_f64(), Some(490_000.0));
    assert_eq!(first["reference_price"].as_f64(), Some(498_000.0));
    assert_eq!(first["supplier"], "บริษัท ถนนทอง จำกัด");
    assert_eq!(data["projects"][3]["agreed_price"], Value::Null);
}

// ---- 8. an announcement that embeds the plan ----

#[test]
fn announcement_embedding_the_plan_shows_the_same_table_as_the_plan_page() {
    let site = built();
    let html = page(&site, "announcements/plan-2566/");
    assert!(text_of(&html).contains("ขอเผยแพร่แผนการจัดซื้อจัดจ้างตามรายละเอียดแนบท้ายประกาศนี้"));
    let embedded = between(&html, "<table class=\"plan\">", "</table>");
    let plan = page(&site, "procurement/plans/2566/");
    let own = between(&plan, "<table class=\"plan\">", "</table>");
    assert_eq!(
        embedded, own,
        "the announcement and the plan page show one table"
    );
    let titles: Vec<String> = rows(&html, "item-")
        .iter()
        .map(|(_, r)| cells(r)[1].clone())
        .collect();
    assert_eq!(
        titles,
        [
            "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
            "จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)",
            "จัดซื้อเครื่องคอมพิวเตอร์",
            "โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5",
        ]
    );
    assert!(text_of(&html).contains("รวมทั้งสิ้น ๑,๗๙๗,๐๐๐.๕๐"));
}

// ---- 7. a generic dataset ----

#[test]
fn generic_dataset_cells_are_normalised_in_the_published_csv() {
    let site = built();
    // "๑๒" and "1,200" become plain integers; BE dates, in either digits, become ISO CE.
    assert_eq!(
        site.read("public/data/complaints/complaints.csv"),
        "\u{feff}quarter,received,reported_on\r\n1/2566,12,2023-01-15\r\n2/2566,1200,2023-04-10\r\n"
    );
    let data = json(&site, "public/data/complaints/complaints.json");
    assert_eq!(data["rows"][1]["received"], 1200);
    assert_eq!(data["rows"][1]["reported_on"], "2023-04-10");
    assert_eq!(data["rows"][0]["quarter"], "1/2566");
}

#[test]
fn generic_dataset_saved_by_excel_with_bom_and_crlf_reads_the_same() {
    let csv = COMPLAINTS_CSV.replace('\n', "\r\n");
    let site = fixture().bytes(DATASET_CSV, format!("\u{feff}{csv}").as_bytes());
    site.build().success();
    assert_eq!(
        site.read("public/data/complaints/complaints.csv"),
        "\u{feff}quarter,received,reported_on\r\n1/2566,12,2023-01-15\r\n2/2566,1200,2023-04-10\r\n"
    );
}

// ---- 6 (procurement part). OCDS ----

fn ocds(site: &TestSite) -> Value {
    json(site, "public/data/ocds/2566.json")
}

#[test]
fn ocds_package_and_every_release_carry_the_required_fields() {
    let site = built();
    let package = ocds(&site);
    assert_eq!(package["version"], "1.1");
    assert_eq!(
        package["uri"],
        "https://www.example.go.th/data/ocds/2566.json"
    );
    assert_eq!(package["publisher"]["name"], "เทศบาลตำบลทดสอบ");
    assert!(
        package["publishedDate"]
            .as_str()
            .unwrap()
            .ends_with("+07:00")
    );
    let releases = package["releases"].as_array().unwrap();
    assert!(!releases.is_empty());
    let mut ids = std::collections::BTreeSet::new();
    for r in releases {
        let ocid = r["ocid"].as_str().expect("ocid");
        assert!(ocid.starts_with("ocds-test01-"), "{ocid}");
        let id = r["id"].as_str().expect("id");
        assert!(ids.insert((ocid, id)), "release id {id} twice under {ocid}");
        assert!(r["date"].as_str().unwrap().ends_with("+07:00"), "{r}");
        assert!(!r["tag"].as_array().expect("tag").is_empty());
        assert_eq!(r["initiationType"], "tender");
    }
}

#[test]
fn ocds_follows_a_plan_item_through_reference_price_to_contract_under_one_ocid() {
    let site = built();
    let package = ocds(&site);
    let releases: Vec<&Value> = package["releases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ocid"] == "ocds-test01-2566-66-001")
        .collect();
    let tags: Vec<Vec<&str>> = releases
        .iter()
        .map(|r| {
            r["tag"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(
        tags,
        [vec!["planning"], vec!["tender"], vec!["award", "contract"]]
    );

    let planning = releases[0];
    assert_eq!(
        planning["planning"]["budget"]["amount"]["amount"].as_f64(),
        Some(500_000.0)
    );
    assert_eq!(planning["planning"]["budget"]["amount"]["currency"], "THB");
    assert_eq!(planning["tender"]["status"], "planned");
    assert_eq!(planning["tender"]["procurementMethod"], "open");
    assert_eq!(planning["date"], "2022-10-25T00:00:00+07:00");

    let tender = releases[1];
    assert_eq!(
        tender["tender"]["value"]["amount"].as_f64(),
        Some(498_000.0)
    );
    assert_eq!(tender["tender"]["value"]["currency"], "THB");
    assert_eq!(tender["date"], "2023-01-10T00:00:00+07:00");

    let award = releases[2];
    let tenderers: Vec<&str> = award["tender"]["tenderers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(tenderers, ["หจก. ก่อสร้างดี", "บริษัท ถนนทอง จำกัด"]);
    let a = &award["awards"][0];
    assert_eq!(a["value"]["amount"].as_f64(), Some(490_000.0));
    assert_eq!(a["suppliers"][0]["name"], "บริษัท ถนนทอง จำกัด");
    let c = &award["contracts"][0];
    assert_eq!(c["awardID"], a["id"]);
    assert_eq!(c["dateSigned"], "2023-02-15T00:00:00+07:00");
    assert_eq!(c["value"]["amount"].as_f64(), Some(490_000.0));
    let supplier_id = &a["suppliers"][0]["id"];
    let party = award["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| &p["id"] == supplier_id)
        .expect("the supplier among the parties");
    assert!(
        party["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "supplier")
    );
}

#[test]
fn no_ocds_without_an_ocid_prefix() {
    let site = fixture().replace("content/site.yaml", "ocid_prefix: ocds-test01\n", "");
    site.build().success();
    assert!(
        !site.exists("public/data/ocds"),
        "no OCDS folder without ocid_prefix"
    );
    assert!(
        site.exists("public/data/catalog.ttl"),
        "the rest of the open data stays"
    );
}

// ---- 5. mistakes the checks catch ----

/// A build that must fail, and the site it failed on.
struct Rejected {
    site: TestSite,
    out: Outcome,
}

/// Builds the fixture, applies `change`, builds again: exit 1 and the published site untouched.
#[track_caller]
fn rejects(change: impl FnOnce(TestSite) -> TestSite) -> Rejected {
    let site = built();
    let before = site.public();
    let site = change(site);
    let out = site.build();
    out.failure();
    before.assert_same(&site.public());
    Rejected { site, out }
}

/// The 1-based line of `file` where `needle` first appears.
#[track_caller]
fn line_of(site: &TestSite, file: &str, needle: &str) -> usize {
    site.read(file)
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{file} has no {needle:?}"))
        + 1
}

/// `check --format json` has a diagnostic of `severity` at `file:line`.
#[track_caller]
fn check_reports(site: &TestSite, severity: &str, file: &str, line: usize) {
    let check = site.run(&["check", "--format", "json"]);
    let json = check.json();
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["severity"] == severity && d["file"] == file && d["line"] == line);
    assert!(found, "check has no {severity} at {file}:{line}:\n{json:#}");
}

impl Rejected {
    /// stderr names `file:line` as an error, and so does check.
    #[track_caller]
    fn at(&self, file: &str, line: usize) -> &Self {
        self.out.stderr_has(&format!("ข้อผิดพลาด: {file}:{line}:"));
        check_reports(&self.site, "error", file, line);
        self
    }

    /// Like [`Rejected::at`], at the line of `file` holding `needle`.
    #[track_caller]
    fn at_line_of(&self, file: &str, needle: &str) -> &Self {
        self.at(file, line_of(&self.site, file, needle))
    }

    #[track_caller]
    fn says(&self, text: &str) -> &Self {
        self.out.stderr_has(text);
        self
    }

    #[track_caller]
    fn lacks(&self, text: &str) -> &Self {
        self.out.stderr_lacks(text);
        self
    }
}

/// Builds the fixture changed by `change`: the build succeeds with a warning at the line of
/// `file` holding `needle`, saying `text`; `check` passes, `check --strict` does not.
#[track_caller]
fn warns(
    change: impl FnOnce(TestSite) -> TestSite,
    file: &str,
    needle: &str,
    text: &str,
) -> TestSite {
    let site = change(fixture());
    let out = site.build();
    out.success();
    let line = line_of(&site, file, needle);
    out.stderr_has(&format!("คำเตือน: {file}:{line}:"))
        .stderr_has(text)
        .stderr_lacks("ข้อผิดพลาด:");
    assert!(
        site.exists("public/procurement/results/2566/index.html"),
        "the site is built"
    );
    check_reports(&site, "warning", file, line);
    site.check().success();
    site.run(&["check", "--strict"]).failure();
    site
}

#[test]
fn plan_item_that_does_not_exist_suggests_the_nearest_id() {
    rejects(|s| s.replace(NOV, "plan_item: \"66-002\"", "plan_item: \"66-02\""))
        .at_line_of(NOV, "plan_item: \"66-02\"")
        .says("ไม่พบรายการ \"66-02\"")
        .says("หมายถึงรายการ \"66-002\" (")
        .says("content/procurement/plans/2566.yaml หรือไม่?");
}

#[test]
fn a_plan_item_one_digit_away_from_another_is_not_guessed() {
    // 66-099 is two digits from each of the plan's ids: any may have been meant.
    let out = rejects(|s| {
        s.replace(NOV, "plan_item: \"66-002\"", "plan_item: \"66-099\"")
            .replace(
                NOV,
                "- title: จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)",
                "- title: จัดซื้อวัสดุสำนักงาน",
            )
    });
    out.at_line_of(NOV, "plan_item: \"66-099\"")
        .says("ไม่พบรายการ \"66-099\"")
        .says("รหัสที่ใกล้เคียงใน content/procurement/plans/2566.yaml: \"66-001\" โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3; \"66-002\" ")
        .says("ระบบไม่เดาแทน")
        .lacks("หมายถึงรายการ \"");
}

#[test]
fn a_plan_item_is_guessed_from_a_row_titled_as_the_plan_item() {
    rejects(|s| s.replace(NOV, "plan_item: \"66-002\"", "plan_item: \"66-099\""))
        .at_line_of(NOV, "plan_item: \"66-099\"")
        .says("หมายถึงรายการ \"66-002\" (จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์))");
}

#[test]
fn reference_price_naming_a_plan_item_that_does_not_exist() {
    rejects(|s| s.replace(ROAD, "plan_item: \"66-001\"", "plan_item: \"66-010\""))
        .at_line_of(ROAD, "plan_item:")
        .says("ไม่พบรายการ \"66-010\" ในแผนการจัดซื้อจัดจ้างปี 2566");
}

#[test]
fn results_file_whose_month_differs_from_its_name() {
    rejects(|s| s.replace(NOV, "month: 2565-11", "month: 2565-10"))
        .at_line_of(NOV, "month: 2565-10")
        .says("ไม่ตรงกับชื่อไฟล์");
}

#[test]
fn contract_date_outside_the_fiscal_year() {
    rejects(|s| s.replace(NOV, "date: 2565-11-20", "date: 2566-11-20"))
        .at_line_of(NOV, "date: 2566-11-20")
        .says("นอกปีงบประมาณ 2566")
        .says("items[0].contract.date");
}

#[test]
fn negative_amount() {
    rejects(|s| s.replace(PLAN, "budget: 1200000", "budget: -1200000"))
        .at_line_of(PLAN, "budget: -1200000")
        .says("ติดลบ")
        .says("items[3].budget");
}

#[test]
fn amount_that_is_not_a_number() {
    rejects(|s| s.replace(ROAD, "price: 498000", "price: abc"))
        .at_line_of(ROAD, "price: abc")
        .says("อ่านจำนวนเงินไม่ได้")
        .says("ช่อง: price");
}

#[test]
fn method_that_is_not_one_of_the_four_suggests_the_nearest() {
    rejects(|s| s.replace(PLAN, "method: e-bidding", "method: e-biding"))
        .at_line_of(PLAN, "method: e-biding")
        .says("ไม่รู้จักวิธีจัดซื้อจัดจ้าง \"e-biding\"")
        .says("หมายถึง \"e-bidding\" หรือไม่?");
}

#[test]
fn duplicate_plan_item_ids() {
    let r = rejects(|s| s.replace(PLAN, "id: \"66-004\"", "id: \"66-002\""));
    // The second of the two, the line above the fourth item's title.
    let line = line_of(&r.site, PLAN, "title: โครงการก่อสร้างรางระบายน้ำ") - 1;
    r.at(PLAN, line)
        .says("รหัสรายการ \"66-002\" ซ้ำ")
        .says("items[3].id");
}

#[test]
fn agreed_price_above_the_budget_is_a_warning_at_the_winner() {
    let site = warns(
        |s| {
            s.replace(
                NOV,
                "winner: {name: ร้านตัวอย่างพาณิชย์, price: 11800}",
                "winner: {name: ร้านตัวอย่างพาณิชย์, price: 12500}",
            )
        },
        NOV,
        "winner:",
        "ราคาที่ตกลงซื้อหรือจ้าง 12,500.00 บาท สูงกว่าวงเงินงบประมาณ 12,000.50 บาท",
    );
    assert!(page(&site, "procurement/results/2566/").contains("ร้านตัวอย่างพาณิชย์ ๑๒,๕๐๐.๐๐ บาท"));
}

#[test]
fn reference_price_above_the_budget_is_a_warning() {
    let site = warns(
        |s| s.replace(COMPUTERS, "price: 84500", "price: 86000"),
        COMPUTERS,
        "price: 86000",
        "ราคากลาง 86,000.00 บาท สูงกว่าวงเงินงบประมาณ 85,000.00 บาท",
    );
    assert!(page(&site, "procurement/reference-prices/computers/").contains("๘๖,๐๐๐.๐๐"));
}

#[test]
fn dataset_csv_whose_header_does_not_match_its_columns() {
    rejects(|s| s.replace(DATASET_CSV, "quarter,received,", "quarter,recieved,"))
        .at_line_of(DATASET_CSV, "quarter,recieved,")
        .says("หัวตารางของ CSV (quarter,recieved,reported_on) ไม่ตรงกับคอลัมน์ที่อธิบายไว้ (quarter,received,reported_on)");
}

#[test]
fn dataset_cell_that_is_not_an_integer_in_an_integer_column() {
    rejects(|s| s.replace(DATASET_CSV, "1/2566,๑๒,", "1/2566,สิบสอง,"))
        .at_line_of(DATASET_CSV, "สิบสอง")
        .says("ค่า \"สิบสอง\" ในคอลัมน์ received ไม่ใช่จำนวนเต็ม");
}

#[test]
fn embed_naming_a_record_that_does_not_exist() {
    rejects(|s| {
        s.replace(
            ANNOUNCEMENT,
            "embed: procurement/plans/2566",
            "embed: procurement/plans/2567",
        )
    })
    .at_line_of(ANNOUNCEMENT, "embed:")
    .says("ไม่พบข้อมูล \"procurement/plans/2567\"");
}

#[test]
fn ocid_prefix_that_is_not_ocds_and_six_characters() {
    for bad in ["ocds-TEST01", "ocds-test1", "test01", "ocds-test012"] {
        let r = rejects(|s| {
            s.replace(
                "content/site.yaml",
                "ocid_prefix: ocds-test01",
                &format!("ocid_prefix: {bad}"),
            )
        });
        r.at_line_of("content/site.yaml", "ocid_prefix:")
            .says(&format!("ocid_prefix \"{bad}\""));
    }
}
