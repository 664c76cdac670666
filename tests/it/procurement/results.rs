//! Monthly results as แบบ สขร.1.

use super::*;

// ---- 3. monthly results (สขร.1) ----

/// The nine columns of แบบ สขร.1, in the order of the Official Information Commission's
/// announcement (section 9 (8) of the Official Information Act).
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

/// Every method of the Act can be entered as a สขร.1 row reads it: price inquiry, the consultant
/// methods, the design and supervision methods with the design contest.
#[test]
fn rows_with_every_method_of_the_act_are_accepted_and_named_as_the_form_names_them() {
    let row = |title: &str, method: &str| {
        format!(
            "  - title: {title}\n    budget: 100000\n    method: {method}\n    bids: [{{bidder: ร้านทดสอบ, price: 90000}}]\n    winner: {{name: ร้านทดสอบ, price: 90000}}\n    reason: คุณสมบัติครบถ้วน\n    contract: {{number: \"9/2566\", date: 2566-03-20}}\n"
        )
    };
    let rows = [
        ("จ้างก่อสร้างอาคาร", "วิธีสอบราคา", "วิธีสอบราคา", "open"),
        (
            "จ้างที่ปรึกษาสำรวจ",
            "consultant-selection",
            "จ้างที่ปรึกษาโดยวิธีคัดเลือก",
            "selective",
        ),
        (
            "จ้างที่ปรึกษาประเมินผล",
            "จ้างที่ปรึกษาโดยวิธีเฉพาะเจาะจง",
            "จ้างที่ปรึกษาโดยวิธีเฉพาะเจาะจง",
            "direct",
        ),
        (
            "จ้างควบคุมงานก่อสร้าง",
            "design-specific",
            "จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีเฉพาะเจาะจง",
            "direct",
        ),
        (
            "จ้างออกแบบอาคารอเนกประสงค์",
            "ประกวดแบบ",
            "จ้างออกแบบหรือควบคุมงานก่อสร้างโดยวิธีประกวดแบบ",
            "open",
        ),
        // e-GP's method codes, as an e-GP export gives them.
        ("ซื้อน้ำมันเชื้อเพลิง", "17", "วิธีเฉพาะเจาะจง ผ่านบัตรพัสดุ", "direct"),
        (
            "จ้างก่อสร้างสะพานข้ามแม่น้ำ",
            "\"28\"",
            "วิธีประกวดราคานานาชาติ",
            "open",
        ),
    ];
    let mut yaml = String::from("month: 2566-03\nitems:\n");
    for (title, method, _, _) in rows {
        yaml.push_str(&row(title, method));
    }
    let site = fixture().file("content/procurement/results/2566-03.yaml", &yaml);
    site.build().success();
    let html = text_of(&page(&site, "procurement/results/2566/"));
    for (_, _, thai, _) in rows {
        assert!(html.contains(thai), "{thai} not on the page");
    }
    let ocds = json(&site, "public/data/ocds/2566.json");
    for (title, _, _, openness) in rows {
        let release = ocds["releases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["tender"]["title"] == title)
            .unwrap_or_else(|| panic!("no release for {title}"));
        assert_eq!(release["tender"]["procurementMethod"], openness, "{title}");
    }
}
