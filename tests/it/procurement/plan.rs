//! The annual procurement plan: its page, its table and its data.

use super::*;

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
