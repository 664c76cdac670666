//! Plan, reference price and result linked to each other, and an announcement that embeds the plan.

use super::*;

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
    // ผู้ประกอบการที่ได้รับการคัดเลือก · เลขที่โครงการ e-GP, and the record's id; headed and
    // filled in Thai as the form is, so the CSV is the form.
    let org = "เทศบาลตำบลทดสอบ,อำเภอทดสอบ,จังหวัดทดสอบ,กระทรวงมหาดไทย,องค์กรปกครองส่วนท้องถิ่น";
    let expected = format!(
        "\u{feff}\
ที่,ปีงบประมาณ,ชื่อหน่วยงาน,อำเภอ,จังหวัด,กระทรวง,ประเภทหน่วยงาน,ชื่อรายการของงานที่ซื้อหรือจ้าง,\
วงเงินงบประมาณที่ได้รับจัดสรร (บาท),แหล่งที่มาของงบประมาณ,สถานะการจัดซื้อจัดจ้าง,วิธีการจัดซื้อจัดจ้าง,\
ราคากลาง (บาท),ราคาที่ตกลงซื้อหรือจ้าง (บาท),รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก,เลขที่โครงการในระบบ e-GP,รหัสรายการ\r\n\
1,2566,{org},โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3,500000.00,เงินงบประมาณ,ลงนามสัญญาแล้ว,วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding),498000.00,490000.00,บริษัท ถนนทอง จำกัด,66019000000,66-001\r\n\
2,2566,{org},\"จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)\",12000.50,เงินงบประมาณ,ลงนามสัญญาแล้ว,วิธีเฉพาะเจาะจง,12000.00,11800.00,ร้านตัวอย่างพาณิชย์,,66-002\r\n\
3,2566,{org},จัดซื้อเครื่องคอมพิวเตอร์,85000.00,เงินสะสม,ประกาศราคากลางแล้ว,วิธีเฉพาะเจาะจง,84500.00,,,,66-003\r\n\
4,2566,{org},โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5,1200000.00,เงินอุดหนุน,อยู่ในแผน,วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding),,,,,66-004\r\n\
5,2566,{org},จ้างซ่อมเครื่องปรับอากาศ ห้องประชุม,8500.00,,ลงนามสัญญาแล้ว,วิธีเฉพาะเจาะจง,,8500.00,ร้านทดลองแอร์,,2023-02-2\r\n"
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
    assert_eq!(first["method"], "e-bidding", "JSON keeps the keys");
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
