//! The compliance report: a complete site, one thing missing at a time, and `--strict`.

use super::*;

// ---- 1. complete ----

#[test]
fn complete_site_has_no_findings_and_the_report_says_complete() {
    let site = complete();
    assert_report(&site, "2566-09-30", &[]);
    let out = site.run(&["check", "--as-of", "2566-09-30"]);
    let (heading, groups, total) = text_report(&out, "th");
    assert_eq!(
        heading,
        "รายงานการเปิดเผยข้อมูล ปีงบประมาณ 2566 (ณ วันที่ 30 ก.ย. 2566)"
    );
    assert!(groups.is_empty());
    assert_eq!(total, "ครบถ้วน ไม่พบรายการที่ยังขาด");
    let out = site.run(&["check", "--as-of", "2566-09-30", "--lang", "en"]);
    let (heading, _, total) = text_report(&out, "en");
    assert_eq!(
        heading,
        "Disclosure report, fiscal year 2566 (as of 2023-09-30)"
    );
    assert_eq!(total, "complete, nothing is missing");
    site.run(&["check", "--as-of", "2566-09-30", "--strict"])
        .success();
}

#[test]
fn without_as_of_a_site_whose_fiscal_year_is_over_is_judged_on_its_last_day() {
    let site = complete();
    let out = site.run(&["check", "--format", "json"]);
    out.success();
    let json = out.json();
    assert_eq!(json["compliance"]["as_of"], "2023-09-30");
    assert_eq!(json["compliance"]["fiscal_year"], 2566);
    assert_eq!(json["compliance"]["findings"], Value::Array(vec![]));
}

#[test]
fn build_prints_one_line_saying_complete() {
    let site = complete();
    let out = site.build();
    out.success();
    let summary: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("การเปิดเผยข้อมูล"))
        .collect();
    assert_eq!(
        summary,
        ["การเปิดเผยข้อมูลปีงบประมาณ 2566: ครบถ้วน"],
        "{}",
        out.stderr
    );
    site.run(&["build", "--lang", "en"])
        .success()
        .stderr_has("disclosure for fiscal year 2566: complete\n");
}

#[test]
fn build_counts_what_is_missing_in_one_line_and_leaves_the_details_to_check() {
    let site = complete().remove(ROAD);
    let out = site.build();
    out.success();
    let summary: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("การเปิดเผยข้อมูล"))
        .collect();
    assert_eq!(
        summary,
        ["การเปิดเผยข้อมูลปีงบประมาณ 2566: ยังขาด 1 รายการ (ดูรายละเอียดด้วย prongsai check)"],
        "{}",
        out.stderr
    );
    out.stderr_lacks("ไม่มีประกาศราคากลาง")
        .stderr_lacks("คำเตือน:");
    site.run(&["build", "--lang", "en"]).success().stderr_has(
        "disclosure for fiscal year 2566: 1 item(s) missing (details: prongsai check)\n",
    );
}

// ---- 2. one thing missing at a time ----

#[test]
fn measures_file_missing() {
    let site = complete().remove(MEASURES);
    // One finding: the ITA items the measures answer (o42, o43) are not reported again.
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            MEASURES,
            (0, 0),
            [
                "ยังไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ 2566",
                RULE_MEASURES[0],
                "สร้างไฟล์ด้วยคำสั่ง prongsai new measures 2566 แล้วกรอกมาตรการ",
            ],
            [
                "there are no integrity and transparency measures for fiscal year 2566",
                RULE_MEASURES[1],
                "create it with `prongsai new measures 2566` and fill in the measures",
            ],
        )],
    );
}

#[test]
fn measures_without_any_result() {
    let site = complete().replace(MEASURES, MEASURE_RESULT, "");
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            MEASURES,
            (1, 0),
            [
                "ยังไม่มีรายงานผลการดำเนินการตามมาตรการของปีงบประมาณ 2566",
                RULE_MEASURES_REPORT[0],
                "เพิ่ม result: (status, summary, evidence) ให้มาตรการที่ดำเนินการแล้ว",
            ],
            [
                "the measures of fiscal year 2566 have no report of what was done",
                RULE_MEASURES_REPORT[1],
                "add result: (status, summary, evidence) to the measures carried out",
            ],
        )],
    );
}

#[test]
fn procurement_plan_missing() {
    // Without a plan nothing may name its items.
    let site = complete()
        .remove(PLAN)
        .replace(ROAD, "plan_item: \"66-002\"\n", "")
        .replace(NOV, "    plan_item: \"66-001\"\n", "")
        .replace(FEB, "    plan_item: \"66-002\"\n", "");
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            PLAN,
            (0, 0),
            [
                "ยังไม่ได้เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ 2566",
                RULE_PLAN[0],
                "สร้าง content/procurement/plans/2566.yaml ตามแผนที่ประกาศในระบบ e-GP (หรือประกาศว่าไม่มีรายการเกิน ๕๐๐,๐๐๐ บาท)",
            ],
            [
                "the procurement plan of fiscal year 2566 is not published",
                RULE_PLAN[1],
                "add content/procurement/plans/2566.yaml as announced in e-GP (or announce that nothing exceeds 500,000 baht)",
            ],
        )],
    );
}

#[test]
fn one_month_of_skr1_missing() {
    let site = complete().remove(&results_file("2566-03"));
    assert_report(
        &site,
        "2566-09-30",
        &[missing_month("2566-03", "2023-03", "มีนาคม ๒๕๖๖")],
    );
}

#[test]
fn a_month_with_procurement_missing_is_reported_like_any_other() {
    let site = complete().remove(NOV);
    assert_report(
        &site,
        "2566-09-30",
        &[missing_month("2565-11", "2022-11", "พฤศจิกายน ๒๕๖๕")],
    );
}

#[test]
fn a_month_is_due_only_once_it_has_ended() {
    let site = complete().remove(FEB).remove(&results_file("2566-03"));
    let february = missing_month("2566-02", "2023-02", "กุมภาพันธ์ ๒๕๖๖");
    // On its last day February is not over yet; the next day it is due. March is not due
    // in the middle of March.
    assert_report(&site, "2566-02-28", &[]);
    assert_report(&site, "2566-03-01", std::slice::from_ref(&february));
    assert_report(&site, "2566-03-15", std::slice::from_ref(&february));
    assert_report(
        &site,
        "2566-04-01",
        &[february, missing_month("2566-03", "2023-03", "มีนาคม ๒๕๖๖")],
    );
}

#[test]
fn months_missing_are_grouped_under_their_one_rule_in_fiscal_order() {
    let site = complete()
        .remove(&results_file("2566-06"))
        .remove(&results_file("2565-12"));
    assert_report(
        &site,
        "2566-09-30",
        &[
            missing_month("2565-12", "2022-12", "ธันวาคม ๒๕๖๕"),
            missing_month("2566-06", "2023-06", "มิถุนายน ๒๕๖๖"),
        ],
    );
    let out = site.run(&["check", "--as-of", "2566-09-30"]);
    let (_, groups, _) = text_report(&out, "th");
    assert_eq!(groups.len(), 1, "{}", out.stderr);
}

#[test]
fn no_gift_announcement_missing() {
    let site = complete().remove(NO_GIFT);
    // One finding: ITA o31 is this rule's item and is not reported again.
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            "content/announcements/",
            (0, 0),
            [
                "ยังไม่มีประกาศเจตนารมณ์นโยบาย No Gift Policy ของปีงบประมาณ 2566",
                RULE_NO_GIFT[0],
                NO_GIFT_HELP[0],
            ],
            [
                "there is no No Gift Policy announcement for fiscal year 2566",
                RULE_NO_GIFT[1],
                NO_GIFT_HELP[1],
            ],
        )],
    );
}

#[test]
fn no_gift_announcement_dated_in_another_fiscal_year() {
    // 20 Sep 2565 is in fiscal year 2565.
    let site = complete().replace(NO_GIFT, "date: 2565-10-20", "date: 2565-09-20");
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            "content/announcements/",
            (0, 0),
            [
                "ประกาศ No Gift Policy ที่มีอยู่ไม่ได้ลงวันที่ในปีงบประมาณ 2566 (๒๐ ก.ย. ๒๕๖๕)",
                RULE_NO_GIFT[0],
                NO_GIFT_HELP[0],
            ],
            [
                "the No Gift Policy announcements are not dated in fiscal year 2566",
                RULE_NO_GIFT[1],
                NO_GIFT_HELP[1],
            ],
        )],
    );
}

#[test]
fn no_gift_announcement_signed_by_someone_other_than_the_chief_executive() {
    let site = complete().replace(
        NO_GIFT,
        "position: นายกเทศมนตรีตำบลทดสอบ",
        "position: ปลัดเทศบาลตำบลทดสอบ",
    );
    // At the announcement's own file, on its signed_by line.
    let line = line_of(&site, NO_GIFT, "signed_by:");
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            NO_GIFT,
            (line, 1),
            [NOT_SIGNED[0], RULE_NO_GIFT[0], NOT_SIGNED_HELP[0]],
            [NOT_SIGNED[1], RULE_NO_GIFT[1], NOT_SIGNED_HELP[1]],
        )],
    );
}

#[test]
fn no_gift_announcement_naming_no_signatory() {
    let site = complete().replace(
        NO_GIFT,
        "signed_by: {name: นายทดสอบ ใจดี, position: นายกเทศมนตรีตำบลทดสอบ}\n",
        "",
    );
    // No signed_by line to point at: the title.
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            NO_GIFT,
            (2, 1),
            [NOT_SIGNED[0], RULE_NO_GIFT[0], NOT_SIGNED_HELP[0]],
            [NOT_SIGNED[1], RULE_NO_GIFT[1], NOT_SIGNED_HELP[1]],
        )],
    );
}

#[test]
fn no_gift_announcement_signed_by_the_mayor_as_a_deputy_still_counts() {
    // Whoever signs, the position names the chief executive (นายก...).
    let site = complete().replace(
        NO_GIFT,
        "position: นายกเทศมนตรีตำบลทดสอบ",
        "position: รองนายกเทศมนตรี ปฏิบัติราชการแทนนายกเทศมนตรีตำบลทดสอบ",
    );
    assert_report(&site, "2566-09-30", &[]);
}

#[test]
fn plan_item_above_500000_with_a_result_but_no_reference_price() {
    let site = complete().remove(ROAD);
    let expected = missing_reference_price(
        &site,
        PLAN,
        "66-002",
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
    );
    assert_report(&site, "2566-09-30", &[expected]);
}

#[test]
fn plan_item_above_500000_not_yet_procured_needs_no_reference_price_yet() {
    // 66-003 (900,000 baht) has no result and no reference price: nothing to report; once
    // its result is published, the reference price is missing.
    let site = complete();
    assert_report(&site, "2566-09-30", &[]);
    let site = site.file(
        &results_file("2566-08"),
        r#"month: 2566-08
items:
  - title: โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5
    budget: 900000
    method: e-bidding
    bids: [{bidder: หจก. ก่อสร้างดี, price: 880000}]
    winner: {name: หจก. ก่อสร้างดี, price: 880000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "9/2566", date: 2566-08-20}
    plan_item: "66-003"
"#,
    );
    let expected = missing_reference_price(&site, PLAN, "66-003", "โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5");
    assert_report(&site, "2566-09-30", &[expected]);
}

#[test]
fn plan_item_whose_title_is_part_of_the_item_before_it_is_reported_at_its_own_line() {
    // 66-004's title is the start of 66-003's: the finding is on 66-004's line all the same.
    let site = complete()
        .file(
            PLAN,
            &format!(
                "{PLAN_2566}  - id: \"66-004\"
    title: โครงการก่อสร้างรางระบายน้ำ
    department: กองช่าง
    budget: 700000
    budget_source: เงินงบประมาณ
    method: e-bidding
    expected: 2566-08
"
            ),
        )
        .file(
            &results_file("2566-08"),
            r#"month: 2566-08
items:
  - title: โครงการก่อสร้างรางระบายน้ำ
    budget: 700000
    method: e-bidding
    bids: [{bidder: หจก. ก่อสร้างดี, price: 690000}]
    winner: {name: หจก. ก่อสร้างดี, price: 690000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "9/2566", date: 2566-08-20}
    plan_item: "66-004"
"#,
        );
    let expected = missing_reference_price(&site, PLAN, "66-004", "โครงการก่อสร้างรางระบายน้ำ");
    assert_report(&site, "2566-09-30", &[expected]);
}

#[test]
fn ita_item_with_nothing_tagged() {
    let site = complete().replace(ADMINISTRATION, "progress_report_6m, ", "");
    assert_report(
        &site,
        "2566-09-30",
        &[missing_item(
            "o12",
            "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน",
            "progress_report_6m",
            "9.2",
            "การบริหารงาน",
        )],
    );
}

#[test]
fn ita_item_answered_only_by_content_of_another_fiscal_year_is_missing() {
    // The six-month report of fiscal year 2565 does not answer the 2566 assessment.
    let site = complete()
        .replace(ADMINISTRATION, "progress_report_6m, ", "")
        .file(
            "content/announcements/progress-2565.md",
            "---\ntitle: รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน ปีงบประมาณ 2565\ndate: 2565-04-30\ntopics: [progress_report_6m]\n---\nรายงาน\n",
        );
    let o12 = missing_item(
        "o12",
        "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน",
        "progress_report_6m",
        "9.2",
        "การบริหารงาน",
    );
    assert_report(&site, "2566-09-30", &[o12]);
    // Dated in 2566, it does.
    let site = site.replace(
        "content/announcements/progress-2565.md",
        "date: 2565-04-30",
        "date: 2566-04-30",
    );
    assert_report(&site, "2566-09-30", &[]);
}

#[test]
fn no_procurement_notice_anywhere_is_an_ita_finding() {
    // Without the road's reference price, and the road below 500,000 baht so that no rule
    // asks for one, nothing answers o20: the per-project list does not count as a notice.
    let site = complete()
        .remove(ROAD)
        .replace(PLAN, "budget: 1500000", "budget: 450000")
        .file(
            FEB,
            r#"month: 2566-02
items:
  - title: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
    budget: 450000
    method: e-bidding
    bids: [{bidder: บริษัท ถนนทอง จำกัด, price: 448000}]
    winner: {name: บริษัท ถนนทอง จำกัด, price: 448000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "3/2566", date: 2566-02-15}
    plan_item: "66-002"
"#,
        );
    assert_report(
        &site,
        "2566-09-30",
        &[missing_item(
            "o20",
            "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
            "procurement_notices",
            "9.3",
            "การจัดซื้อจัดจ้าง",
        )],
    );
}

#[test]
fn several_things_missing_are_grouped_by_rule_in_the_order_of_the_rules() {
    let site = complete()
        .remove(MEASURES)
        .remove(&results_file("2566-05"))
        .remove(ROAD)
        .replace(ADMINISTRATION, "progress_report_6m, ", "")
        .remove(NO_GIFT);
    let reference_price = missing_reference_price(
        &site,
        PLAN,
        "66-002",
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
    );
    let findings = findings(&site, "2566-09-30", "th");
    let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "ยังไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ 2566",
            "ยังไม่ได้เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (สขร.๑) เดือนพฤษภาคม ๒๕๖๖",
            "ยังไม่มีประกาศเจตนารมณ์นโยบาย No Gift Policy ของปีงบประมาณ 2566",
            reference_price.th[0].as_str(),
            "ITA 2566 ข้อ o12 รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน: ยังไม่มีเนื้อหาที่ตอบข้อนี้",
        ]
    );
    let out = site.run(&["check", "--as-of", "2566-09-30"]);
    let (_, groups, total) = text_report(&out, "th");
    let headings: Vec<&str> = groups.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        headings,
        [
            RULE_SKR1[0],
            RULE_REFERENCE_PRICE[0],
            RULE_MEASURES[0],
            RULE_NO_GIFT[0],
            "ITA 2566 ตัวชี้วัดการเปิดเผยข้อมูล (OIT) 9.2 การบริหารงาน",
        ]
    );
    assert_eq!(total, "ยังขาด 5 รายการ");
}

// ---- 3. --strict ----

#[test]
fn strict_makes_findings_fail_while_plain_check_passes_with_them() {
    let site = complete().remove(&results_file("2566-03"));
    site.run(&["check", "--as-of", "2566-09-30"])
        .success()
        .stderr_has("ยังขาด 1 รายการ");
    site.run(&["check", "--as-of", "2566-09-30", "--strict"])
        .failure()
        .stderr_has("ยังขาด 1 รายการ");
    let json = site.run(&[
        "check",
        "--as-of",
        "2566-09-30",
        "--strict",
        "--format",
        "json",
    ]);
    json.failure();
    assert_eq!(json.json()["errors"], 0);
    // Judged before March has ended there is nothing to find, and --strict passes.
    site.run(&["check", "--as-of", "2566-03-31", "--strict"])
        .success();
}

#[test]
fn content_errors_fail_check_with_or_without_strict() {
    let site = complete().file(
        "content/announcements/undated.md",
        "---\ntitle: ประกาศที่ไม่มีวันที่\n---\nเนื้อหา\n",
    );
    for args in [
        &["check", "--as-of", "2566-09-30"][..],
        &["check", "--as-of", "2566-09-30", "--strict"][..],
    ] {
        site.run(args)
            .failure()
            .stderr_has("ข้อผิดพลาด: content/announcements/undated.md:2:1: ไม่มีวันที่ (date) ของประกาศ");
    }
    let out = site.run(&["check", "--as-of", "2566-09-30", "--format", "json"]);
    out.failure();
    assert_eq!(out.json()["errors"], 1);
    site.build().failure();
}

#[test]
fn as_of_that_is_not_a_date_is_refused() {
    let out = complete().run(&["check", "--as-of", "2566-13-01"]);
    assert_ne!(out.code, Some(0), "{}", out.stderr);
    out.stderr_has("--as-of 2566-13-01");
}
