//! Reference prices, each laid out as its บก. form.

use super::*;

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
