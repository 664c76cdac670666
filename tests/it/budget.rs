//! `content/budget/FY.yaml` and `/budget/FY/`: the budget ordinance by programme, what has been
//! spent of it each quarter, its data, and its place in section 9.

use crate::support::{TestSite, decode_entities, text_of};

const BUDGET: &str = "\
fiscal_year: 2566
announced: 2565-09-20
total: 1500000
appropriations:
  - {plan: แผนงานบริหารงานทั่วไป, department: สำนักปลัด, amount: 1000000}
  - {plan: แผนงานการศึกษา, amount: 500000}
spending:
  - {quarter: 1, plan: แผนงานบริหารงานทั่วไป, amount: 250000}
  - {quarter: 2, plan: แผนงานบริหารงานทั่วไป, amount: 200000.50}
  - {quarter: 1, plan: แผนงานการศึกษา, amount: 100000}
";

fn site() -> TestSite {
    TestSite::minimal().file("content/budget/2566.yaml", BUDGET)
}

#[test]
fn the_budget_page_shows_programmes_and_spending_by_quarter() {
    let site = site();
    site.build().success();
    let text = text_of(&site.read("public/budget/2566/index.html"));
    for expected in [
        "งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
        "แผนงานบริหารงานทั่วไป",
        "๑,๐๐๐,๐๐๐.๐๐",
        "๑,๕๐๐,๐๐๐.๐๐",
        "รายงานถึงไตรมาสที่ ๒",
        "ใช้จ่ายแล้ว ๕๕๐,๐๐๐.๕๐ บาท",
        "๓๖.๗%",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn the_budget_is_published_as_data_that_opens_in_excel() {
    let site = site();
    site.build().success();
    let csv = site.read("public/budget/2566/budget.csv");
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "fiscal_year,plan,department,appropriation,spent_q1,spent_q2,spent_q3,spent_q4"
    );
    assert_eq!(
        lines[1],
        "2566,แผนงานบริหารงานทั่วไป,สำนักปลัด,1000000.00,250000.00,200000.50,,"
    );
    assert_eq!(lines[2], "2566,แผนงานการศึกษา,,500000.00,100000.00,0.00,,");
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/budget/2566/budget.json")).unwrap();
    assert_eq!(json["programmes"][0]["appropriation"], 1_000_000.0);
    assert!(site.exists("public/budget/2566/datapackage.json"));
    assert!(site.read("public/data/catalog.ttl").contains("budget-2566"));
}

#[test]
fn section9_lists_the_ordinance_under_3_and_the_spending_under_8() {
    let site = site();
    site.build().success();
    let index = decode_entities(&site.read("public/section9/index.html"));
    let p3 = &index[index.find("id=\"s9-3\"").expect("9(3)")..];
    let p3 = &p3[..p3.find("</section>").unwrap()];
    assert!(p3.contains("/budget/2566/"), "{p3}");
    assert!(
        index.contains("/budget/2566/#spending"),
        "the spending report is listed"
    );
}

#[test]
fn budget_mistakes_are_named_at_their_lines() {
    let site = TestSite::minimal().file(
        "content/budget/2566.yaml",
        &BUDGET.replace("total: 1500000", "total: 1400000").replace(
            "quarter: 2, plan: แผนงานบริหารงานทั่วไป",
            "quarter: 5, plan: แผนงานบริหารทั่วไป",
        ),
    );
    let out = site.build();
    out.failure()
        .stderr_has("รหัส: P0201")
        .stderr_has("รหัส: P0202")
        .stderr_has("รหัส: P0203")
        .stderr_has("content/budget/2566.yaml:3:");
    let site = TestSite::minimal().file("content/budget/2567.yaml", BUDGET);
    site.build().failure().stderr_has("รหัส: P0101");
}
