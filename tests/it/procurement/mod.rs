//! Procurement disclosure (the README's procurement section, section 9 (8) of the Act): the annual
//! plan, reference prices laid out as their บก. forms, monthly results as แบบ สขร.1, the links
//! between them, the combined per-project list, the OCDS release package and the mistakes the
//! checks catch.
//!
//! Everything runs on one small municipality written below. The expected pages and files are
//! written by hand from that content and the official forms, not copied from a run.

use crate::support;

use serde_json::Value;
use support::{Outcome, TestSite, attribute_values, between, text_of};

mod data;
mod links;
mod long_year;
mod mistakes;
mod notices;
mod plan;
mod reference_prices;
mod results;

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
