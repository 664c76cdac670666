//! Reference prices, each laid out as its บก. form.

use super::*;

// ---- 2. reference prices ----

/// The numbers of a form's rows and sub-rows, as the page prints them.
fn row_numbers(html: &str) -> Vec<String> {
    html.split("<span class=\"form-no\">")
        .skip(1)
        .map(|s| s.split('<').next().unwrap_or_default().trim().to_owned())
        .collect()
}

// The rows below are written from the published forms named in docs/sources.md.

#[test]
fn bk01_page_has_the_six_items_of_the_form_with_the_estimate_bases_and_committee_as_sub_items() {
    let site = built();
    let html = page(&site, "procurement/reference-prices/road-moo3/");
    let text = text_of(&html);
    assert_in_order(
        &text,
        &[
            "แบบ บก.๐๑",
            "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลางในงานจ้างก่อสร้าง",
            "๑. ชื่อโครงการ โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 หน่วยงานเจ้าของโครงการ กองช่าง เทศบาลตำบลทดสอบ",
            "๒. วงเงินงบประมาณที่ได้รับจัดสรร ๕๐๐,๐๐๐.๐๐ บาท (ห้าแสนบาทถ้วน)",
            "๓. ลักษณะงาน ถนนกว้าง 4 เมตร ยาว 200 เมตร",
            "๔. ราคากลางคำนวณ ณ วันที่ ๑๐ มกราคม ๒๕๖๖ เป็นเงิน ๔๙๘,๐๐๐.๐๐ บาท (สี่แสนเก้าหมื่นแปดพันบาทถ้วน)",
            "๕. บัญชีประมาณการราคากลาง ๕.๑ ราคาวัสดุก่อสร้างกระทรวงพาณิชย์ จังหวัดทดสอบ",
            "๖. รายชื่อคณะกรรมการกำหนดราคากลาง ๖.๑ นายสมชาย ใจดี ผู้อำนวยการกองช่าง ๖.๒ นายวิชัย รักงาน นายช่างโยธา",
        ],
    );
    assert_eq!(
        row_numbers(&html),
        ["๑.", "๒.", "๓.", "๔.", "๕.", "๕.๑", "๖.", "๖.๑", "๖.๒"]
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
}

#[test]
fn bk06_page_has_the_date_at_item_3_then_numbered_sources_and_every_price_setter() {
    let site = built();
    let html = page(&site, "procurement/reference-prices/computers/");
    let text = text_of(&html);
    assert_in_order(
        &text,
        &[
            "แบบ บก.๐๖",
            "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลาง (ราคาอ้างอิง) ในการจัดซื้อจัดจ้างที่มิใช่งานก่อสร้าง",
            "๑. ชื่อโครงการ จัดซื้อเครื่องคอมพิวเตอร์ หน่วยงานเจ้าของโครงการ สำนักปลัด เทศบาลตำบลทดสอบ",
            "๒. วงเงินงบประมาณที่ได้รับจัดสรร ๘๕,๐๐๐.๐๐ บาท (แปดหมื่นห้าพันบาทถ้วน)",
            "๓. วันที่กำหนดราคากลาง (ราคาอ้างอิง) ณ วันที่ ๖ กุมภาพันธ์ ๒๕๖๖ เป็นเงิน ๘๔,๕๐๐.๐๐ บาท (แปดหมื่นสี่พันห้าร้อยบาทถ้วน)",
            "๔. แหล่งที่มาของราคากลาง (ราคาอ้างอิง) ๔.๑ เกณฑ์ราคากลางคอมพิวเตอร์ กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม ๔.๒ บัญชีราคามาตรฐานครุภัณฑ์ สำนักงบประมาณ ๔.๓ ใบเสนอราคาจากผู้ประกอบการ 3 ราย",
            "๕. รายชื่อเจ้าหน้าที่ผู้กำหนดราคากลาง (ราคาอ้างอิง) ทุกคน ๕.๑ นางสาวมาลี ตั้งใจ หัวหน้าฝ่ายอำนวยการ ๕.๒ นายธนากร ทดลอง นักวิชาการคอมพิวเตอร์",
        ],
    );
    assert!(
        !text.contains("การจัดซื้อจัดจ้างการจัดซื้อจัดจ้าง"),
        "the heading names the kind of procurement once"
    );
    // A บก.06 without prices per unit has no table and no description row.
    assert!(!html.contains("class=\"breakdown\""));
    assert!(!text.contains("ลักษณะงาน"));
    assert_eq!(
        row_numbers(&html),
        [
            "๑.", "๒.", "๓.", "๔.", "๔.๑", "๔.๒", "๔.๓", "๕.", "๕.๑", "๕.๒"
        ]
    );
}

#[test]
fn bk03_page_has_the_staff_by_level_with_head_counts_materials_and_other_costs() {
    let site = fixture().file(
        "content/procurement/reference-prices/hall-design.yaml",
        r#"form: bk03
project: จ้างออกแบบอาคารอเนกประสงค์
owner: กองช่าง
budget: 300000
price: 290000
priced_on: 2566-02-01
staff: {amount: 240000, project_leads: 1, operators: 3, assistants: 2}
materials: 30000
other_costs: 20000
sources: [กฎกระทรวงกำหนดอัตราค่าจ้างผู้ให้บริการงานจ้างออกแบบหรือควบคุมงานก่อสร้าง]
committee:
  - {name: นายสมชาย ใจดี, position: ผู้อำนวยการกองช่าง}
"#,
    );
    site.build().success();
    let html = page(&site, "procurement/reference-prices/hall-design/");
    assert_in_order(
        &text_of(&html),
        &[
            "แบบ บก.๐๓",
            "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลางในงานจ้างออกแบบ",
            "๑. ชื่อโครงการ จ้างออกแบบอาคารอเนกประสงค์",
            "๒. หน่วยงานเจ้าของโครงการ กองช่าง เทศบาลตำบลทดสอบ",
            "๓. วงเงินงบประมาณที่ได้รับจัดสรร ๓๐๐,๐๐๐.๐๐ บาท",
            "๔. วันที่กำหนดราคากลาง (ราคาอ้างอิง) ณ วันที่ ๑ กุมภาพันธ์ ๒๕๖๖ เป็นเงิน ๒๙๐,๐๐๐.๐๐ บาท",
            "๕. ค่าตอบแทนบุคลากร ๒๔๐,๐๐๐.๐๐ บาท (สองแสนสี่หมื่นบาทถ้วน) ๕.๑ ระดับหัวหน้าโครงการ ๑ คน ๕.๒ ระดับผู้ดำเนินงาน ๓ คน ๕.๓ ระดับผู้ช่วย ๒ คน",
            "๖. ค่าวัสดุอุปกรณ์ ๓๐,๐๐๐.๐๐ บาท",
            "๗. ค่าใช้จ่ายอื่นๆ (ถ้ามี) ๒๐,๐๐๐.๐๐ บาท",
            // What the form has after row 7 was not read: shown, without a number.
            "แหล่งที่มาของราคากลาง (ราคาอ้างอิง) ๑ กฎกระทรวงกำหนดอัตราค่าจ้างผู้ให้บริการงานจ้างออกแบบหรือควบคุมงานก่อสร้าง",
            "รายชื่อคณะกรรมการกำหนดราคากลาง ๑ นายสมชาย ใจดี ผู้อำนวยการกองช่าง",
        ],
    );
    assert_eq!(
        row_numbers(&html),
        [
            "๑.", "๒.", "๓.", "๔.", "๕.", "๕.๑", "๕.๒", "๕.๓", "๖.", "๗.", "๑", "๑"
        ]
    );
    // Design rows on another form are shown nowhere, and check says so.
    let site = site.replace(
        "content/procurement/reference-prices/hall-design.yaml",
        "form: bk03",
        "form: bk06",
    );
    site.check().success().stderr_has(
        "content/procurement/reference-prices/hall-design.yaml:7:1: staff (ค่าตอบแทนบุคลากร) เป็นข้อของแบบ บก.03 ไม่แสดงในแบบ บก.06",
    );
}

#[test]
fn a_form_not_read_on_a_published_copy_shows_its_data_without_row_numbers_and_staff_hear_why() {
    let site = fixture().file(
        "content/procurement/reference-prices/consultant.yaml",
        r#"form: bk04
project: จ้างที่ปรึกษาสำรวจความพึงพอใจ
owner: สำนักปลัด
budget: 100000
price: 95000
priced_on: 2566-02-01
sources: [อัตราค่าจ้างที่ปรึกษา ศูนย์ข้อมูลที่ปรึกษาไทย]
"#,
    );
    site.check().success().stderr_has(
        "content/procurement/reference-prices/consultant.yaml:1:1: ยังไม่ได้ตรวจหัวข้อของแบบ บก.04 กับแบบฟอร์มของกรมบัญชีกลาง หน้าเว็บจึงแสดงข้อมูลโดยไม่มีเลขข้อของแบบ",
    );
    site.build().success();
    let html = page(&site, "procurement/reference-prices/consultant/");
    assert_in_order(
        &text_of(&html),
        &[
            "แบบ บก.๐๔",
            "ตารางแสดงวงเงินงบประมาณที่ได้รับจัดสรรและราคากลาง",
            "ชื่อโครงการ จ้างที่ปรึกษาสำรวจความพึงพอใจ",
            "หน่วยงานเจ้าของโครงการ สำนักปลัด เทศบาลตำบลทดสอบ",
            "วงเงินงบประมาณที่ได้รับจัดสรร ๑๐๐,๐๐๐.๐๐ บาท",
            "แหล่งที่มาของราคากลาง (ราคาอ้างอิง) ๑ อัตราค่าจ้างที่ปรึกษา ศูนย์ข้อมูลที่ปรึกษาไทย",
        ],
    );
    assert_eq!(row_numbers(&html), ["๑"]);
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
