//! The example site's report.

use super::ita::{BASE, ita_csv};
use super::*;

// ---- 6. the example site ----

#[test]
fn example_site_as_of_the_end_of_2566_gives_exactly_what_it_leaves_out() {
    let site = TestSite::example();
    const EXAMPLE_PLAN: &str = "content/procurement/plans/2566.yaml";
    let plan = site.read(EXAMPLE_PLAN);
    let title_of = |id: &str| -> String {
        let mut lines = plan
            .lines()
            .skip_while(|l| !l.contains(&format!("id: \"{id}\"")));
        lines.next().expect("the id");
        lines
            .next()
            .and_then(|l| l.strip_prefix("    title: "))
            .expect("the title after the id")
            .to_owned()
    };
    let expected = vec![
        missing_reference_price(&site, EXAMPLE_PLAN, "66-006", &title_of("66-006")),
        missing_reference_price(&site, EXAMPLE_PLAN, "66-007", &title_of("66-007")),
        missing_reference_price(&site, EXAMPLE_PLAN, "66-010", &title_of("66-010")),
        missing_item(
            "o12",
            "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน",
            "progress_report_6m",
            "9.2",
            "การบริหารงาน",
        ),
        // The example's annual reports are of 2566; the 2566 assessment asks for 2565's.
        missing_report(
            "o13",
            "รายงานผลการดำเนินงานประจำปี",
            "annual_report",
            "9.2",
            "การบริหารงาน",
        ),
        missing_report(
            "o22",
            "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
            "procurement_annual_report",
            "9.3",
            "การจัดซื้อจัดจ้าง",
        ),
        missing_report(
            "o26",
            "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
            "hr_annual_report",
            "9.4",
            "การบริหารและพัฒนาทรัพยากรบุคคล",
        ),
        missing_item(
            "o37",
            "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
            "anticorruption_progress_6m",
            "10.1",
            "การดำเนินการเพื่อป้องกันการทุจริต",
        ),
        missing_report(
            "o38",
            "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
            "anticorruption_annual_report",
            "10.1",
            "การดำเนินการเพื่อป้องกันการทุจริต",
        ),
    ];
    assert_report(&site, "2566-09-30", &expected);
    // Its fiscal year is over: check and build judge it on 30 Sep 2566 by themselves.
    let json = site.run(&["check", "--format", "json"]).json();
    assert_eq!(json["compliance"]["as_of"], "2023-09-30");
    assert_eq!(
        json["compliance"]["findings"].as_array().map(Vec::len),
        Some(9)
    );
    site.build()
        .success()
        .stderr_has("การเปิดเผยข้อมูลปีงบประมาณ 2566: ยังขาด 9 รายการ (ดูรายละเอียดด้วย prongsai check)");
}

#[test]
fn example_section9_and_ita_2566_pages_link_only_to_built_files() {
    let site = TestSite::example();
    site.build().success();
    let mut checked = 0;
    for rel in ["section9/", "section9/2566/", "ita/2566/"] {
        for link in attribute_values(&page(&site, rel), "href") {
            let base = if link.starts_with(BASE) { BASE } else { "/" };
            if link.starts_with('/') || link.starts_with(BASE) {
                lands(&site, base, &link).unwrap_or_else(|e| panic!("{rel}: {e}"));
                checked += 1;
            }
        }
    }
    for r in ita_csv(&site, "2566") {
        for url in r[4].split("\r\n").filter(|u| !u.is_empty()) {
            lands(&site, BASE, url).unwrap_or_else(|e| panic!("ita-2566.csv {}: {e}", r[1]));
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links");
    // What the report leaves out is what the table says is missing.
    let missing: Vec<String> = ita_csv(&site, "2566")
        .into_iter()
        .filter(|r| r[3] == "missing")
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(missing, ["o12", "o13", "o22", "o26", "o37", "o38"]);
}

#[test]
fn example_checked_during_the_2567_assessment_answers_its_annual_items_with_the_2566_reports() {
    let site = TestSite::example();
    let json = site
        .run(&["check", "--as-of", "2567-03-01", "--format", "json"])
        .json();
    let findings = json["compliance"]["findings"]
        .as_array()
        .expect("findings")
        .clone();
    let ita: Vec<(String, String, String)> = findings
        .iter()
        .filter_map(|f| {
            let file = f["file"].as_str()?;
            let code = file.strip_prefix("/ita/2567/#")?;
            Some((
                code.to_owned(),
                f["message"].as_str()?.to_owned(),
                f["help"].as_str()?.to_owned(),
            ))
        })
        .collect();
    let codes: Vec<&str> = ita.iter().map(|(c, _, _)| c.as_str()).collect();
    // ITA 2567 asks for the annual reports of fiscal year 2566, which the example has.
    for answered in ["o13", "o22", "o26", "o38"] {
        assert!(!codes.contains(&answered), "{answered} in {codes:?}");
    }
    // Standing information in force answers every year.
    for answered in ["o1", "o2", "o3", "o5", "o6", "o10", "o18"] {
        assert!(!codes.contains(&answered), "{answered} in {codes:?}");
    }
    // The plans of the year asked about are 2567's, which the example does not have.
    let (_, message, help) = ita.iter().find(|(c, _, _)| c == "o11").expect("o11");
    assert_eq!(
        message,
        "ITA 2567 ข้อ o11 แผนดำเนินงานและการใช้งบประมาณประจำปี: ยังไม่มีเนื้อหาที่ตอบข้อนี้"
    );
    assert_eq!(
        help,
        "เผยแพร่ประกาศหรือหน้าเว็บของปีงบประมาณ 2567 ที่มี topics: [operating_plan]"
    );
    // An item no 2567 source confirms is said to staff.
    let (_, message, _) = ita.iter().find(|(c, _, _)| c == "o16").expect("o16");
    assert!(
        message.ends_with("(ชื่อข้อนี้ยังไม่ได้ตรวจกับคู่มือ ITA ฉบับทางการของ ป.ป.ช. ให้ตรวจกับคู่มือก่อนใช้)"),
        "{message}"
    );
}
