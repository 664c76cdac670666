//! Content pasted from word processors and spreadsheets: what cannot be seen but changes
//! meaning is normalised, amounts that would lose or gain digits are refused with the place,
//! and marks typed twice are pointed out. Nothing is published wrong without a word.

use crate::support;

use support::TestSite;

const NEWS: &str = "content/announcements/pasted.md";
const PLAN: &str = "content/procurement/plans/2566.yaml";

#[test]
fn invisible_characters_and_pasted_spaces_are_normalised() {
    let site = TestSite::example().file(
        NEWS,
        // A zero-width space inside the date, curly quotes around it, a decomposed sara am in
        // the title (ํ + า), a list whose markers are followed by non-breaking spaces.
        "---\ntitle: ประกาศประจ\u{0E4D}\u{0E32}เดือน\ndate: “2566-03-\u{200B}15”\n---\n-\u{00A0}รายการแรก\n-\u{00A0}รายการที่สอง\n",
    );
    site.build().success();
    let page = site.read("public/announcements/pasted/index.html");
    assert!(page.contains("ประกาศประจำเดือน"), "sara am composed");
    assert!(!page.contains('\u{0E4D}'));
    assert!(page.contains("<li>รายการแรก</li>"), "a Markdown list again");
    assert!(
        page.contains("datetime=\"2023-03-15\""),
        "the date was read"
    );
    assert!(!page.contains('\u{200B}'));
}

#[test]
fn amounts_with_spaces_or_quotes_are_read_exactly() {
    let site = TestSite::example()
        .replace(PLAN, "budget: 298000", "budget: \"298\u{00A0}000.-\"")
        .replace(PLAN, "budget: 1850000", "budget: “1 850 000 บาท”");
    site.build().success();
    let json = site.read("public/procurement/plans/2566/plan.json");
    assert!(json.contains("\"budget\": 298000.0"), "{json}");
    assert!(json.contains("\"budget\": 1850000.0"));
}

#[test]
fn an_amount_whose_spaces_do_not_group_by_three_is_refused_at_its_line() {
    let site = TestSite::example();
    site.build().success();
    let before = site.public();
    let site = site.replace(PLAN, "budget: 298000", "budget: 29 8000");
    site.build()
        .failure()
        .stderr_has("content/procurement/plans/2566.yaml:9")
        .stderr_has("items[0].budget");
    assert_eq!(site.public(), before, "public/ untouched");
}

#[test]
fn a_mark_typed_twice_is_pointed_out() {
    let site = TestSite::example().file(
        NEWS,
        "---\ntitle: ประกาศ\ndate: 2566-03-15\n---\nบรรทัดแรก\nขอเชิญประชุมผู้ที่่่สนใจ\n",
    );
    site.build()
        .success()
        .stderr_has("content/announcements/pasted.md:6")
        .stderr_has("ซ้อนกัน");
}
