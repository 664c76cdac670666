//! Procurement notices through the process: an invitation and a winner announcement joined to
//! their plan item, reference price and สขร.1 row; a cancellation; e-GP's announcement types;
//! the mistakes a clerk makes writing them.

use super::*;

const INVITATION: &str = "content/procurement-notices/2566-01-12-road-invitation.md";
const WINNER: &str = "content/procurement-notices/2566-02-10-road-winner.md";

const ROAD_INVITATION: &str = "\
---
title: ประกาศ เรื่อง ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)
date: 2566-01-12
procurement:
  notice: invitation
  plan_item: \"66-001\"
---
ขอเชิญชวนผู้สนใจยื่นข้อเสนอ
";

/// Written with e-GP's announcement type, as an e-GP export gives it.
const ROAD_WINNER: &str = "\
---
title: ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
date: 2566-02-10
procurement:
  notice: W0
  plan_item: \"66-001\"
---
ผู้ได้รับการคัดเลือก ได้แก่ บริษัท ถนนทอง จำกัด
";

fn with_notices() -> TestSite {
    fixture()
        .file(INVITATION, ROAD_INVITATION)
        .file(WINNER, ROAD_WINNER)
}

#[test]
fn a_winner_announcement_shows_the_whole_procurement_in_date_order() {
    let site = with_notices();
    site.build().success();
    let html = page(&site, "procurement-notices/2566-02-10-road-winner/");
    let box_ = between(&html, "class=\"notice-project\"", "</section>");
    let text = text_of(box_);
    for expected in [
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
        "ประกาศผู้ชนะการเสนอราคา",
        // The สขร.1 row has the contract, so the procurement is further than the notice.
        "ลงนามสัญญาแล้ว",
        "บริษัท ถนนทอง จำกัด ราคา ๔๙๐,๐๐๐.๐๐ บาท",
        "เหตุผลที่คัดเลือก เสนอราคาต่ำสุด",
        "เลขที่โครงการ e-GP 66019000000",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    assert_eq!(
        list_items(box_, "<ol class=\"steps\">"),
        [
            "แผนการจัดซื้อจัดจ้าง รายการ ๖๖-๐๐๑ ๒๕ ต.ค. ๒๕๖๕",
            "ประกาศราคากลาง (บก.๐๑) ๑๐ ม.ค. ๒๕๖๖",
            "ประกาศเชิญชวน ๑๒ ม.ค. ๒๕๖๖",
            "ประกาศผู้ชนะการเสนอราคา (ประกาศนี้) ๑๐ ก.พ. ๒๕๖๖",
            "ผลการจัดซื้อจัดจ้าง (สขร.๑) เดือนกุมภาพันธ์ ๒๕๖๖ ๑๕ ก.พ. ๒๕๖๖",
        ]
    );
    assert_eq!(
        attribute_values(between(box_, "<ol class=\"steps\">", "</ol>"), "href"),
        [
            "/procurement/plans/2566/#item-66-001",
            "/procurement/reference-prices/road-moo3/",
            "/procurement-notices/2566-01-12-road-invitation/",
            "/procurement/results/2566/#r-2023-02-1",
        ],
        "every other step links to its page; the notice itself does not"
    );
}

#[test]
fn the_projects_list_links_each_notice_and_the_notices_answer_9_8() {
    let site = with_notices();
    site.build().success();
    let projects = page(&site, "procurement/projects/2566/");
    let road = between(&projects, "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", "</tr>");
    let links = attribute_values(road, "href");
    assert!(
        links.contains(&"/procurement-notices/2566-01-12-road-invitation/".to_owned())
            && links.contains(&"/procurement-notices/2566-02-10-road-winner/".to_owned()),
        "{links:?}"
    );
    // Both notices are procurement announcements of section 9 (8) without saying so.
    let s9 = text_of(&site.read("public/section9/2566/index.html"));
    assert!(
        s9.contains("ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก"),
        "{s9}"
    );
    let overview = text_of(&page(&site, "procurement/"));
    assert!(overview.contains("สัญญา ๒ ฉบับ"), "{overview}");
}

#[test]
fn a_cancelled_invitation_marks_the_procurement_cancelled() {
    let site = fixture().file(
        "content/procurement-notices/2566-04-20-drain-cancelled.md",
        "---\ntitle: ยกเลิกประกาศเชิญชวน โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5\ndate: 2566-04-20\nprocurement:\n  notice: ยกเลิกประกาศเชิญชวน\n  plan_item: \"66-004\"\n---\nยกเลิกเนื่องจากไม่ได้รับจัดสรรงบประมาณ\n",
    );
    site.build().success();
    let json: Value =
        serde_json::from_str(&site.read("public/procurement/projects/2566/projects.json")).unwrap();
    let drain = json["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "66-004")
        .unwrap()
        .clone();
    assert_eq!(drain["status"], "ยกเลิก", "{drain}");
}

#[test]
fn a_notice_outside_the_plan_joins_by_its_egp_number() {
    let notice = |kind: &str, date: &str| {
        format!(
            "---\ntitle: {kind} จ้างเหมาขุดลอกคลอง\ndate: {date}\nprocurement:\n  notice: {kind}\n  egp_project: \"66059999999\"\n---\nข้อความ\n"
        )
    };
    let site = fixture()
        .file(
            "content/procurement-notices/a.md",
            &notice("D0", "2566-05-01"),
        )
        .file(
            "content/procurement-notices/b.md",
            &notice("W0", "2566-05-20"),
        );
    site.build().success();
    let json: Value =
        serde_json::from_str(&site.read("public/procurement/projects/2566/projects.json")).unwrap();
    let dredging: Vec<&Value> = json["projects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["egp_project"] == "66059999999")
        .collect();
    assert_eq!(dredging.len(), 1, "one procurement, two notices: {json}");
    assert_eq!(dredging[0]["status"], "ได้ผู้รับจ้าง/ผู้ขายแล้ว");
}

#[test]
fn a_notice_naming_an_item_the_plan_lacks_is_an_error_that_names_the_field() {
    let site = fixture().file(INVITATION, &ROAD_INVITATION.replace("66-001", "66-01"));
    let out = site.check();
    out.code(1)
        .stderr_has("2566-01-12-road-invitation.md")
        .stderr_has("procurement.plan_item")
        .stderr_has("ไม่พบรายการ \"66-01\"")
        .stderr_has("\"66-001\"");
    assert!(!site.exists("public"));
}

#[test]
fn a_reference_price_written_as_a_notice_is_pointed_to_its_own_file() {
    let site = fixture().file(INVITATION, &ROAD_INVITATION.replace("invitation", "15"));
    site.check()
        .code(1)
        .stderr_has("ไม่รู้จักประเภทประกาศ \"15\"")
        .stderr_has("content/procurement/reference-prices/")
        .stderr_has("V0302");
}

#[test]
fn a_notice_tied_to_nothing_is_a_warning_and_a_bad_egp_number_an_error() {
    let loose = "---\ntitle: ประกาศเชิญชวน\ndate: 2566-03-01\nprocurement: {notice: invitation}\n---\nข้อความ\n";
    fixture()
        .file("content/procurement-notices/loose.md", loose)
        .check()
        .success()
        .stderr_has("P0302");
    let bad = loose.replace(
        "{notice: invitation}",
        "{notice: invitation, egp_project: \"66-01-9123\"}",
    );
    fixture()
        .file("content/procurement-notices/loose.md", &bad)
        .check()
        .code(1)
        .stderr_has("ต้องเป็นตัวเลขเท่านั้น")
        .stderr_has("P0303");
}
