//! `content/people.yaml` and `/structure/`: the structure chart's people, both sides, each with
//! position, photo and contact, answering the ITA items on structure and executives.

use crate::support::{TestSite, attribute_values, text_of};

const PEOPLE: &str = "\
political:
  - {name: นายก ทดสอบ, position: นายกเทศมนตรีตำบลทดสอบ, photo: files/people/mayor.jpg, phone: \"0-7712-3456\", email: mayor@example.go.th}
  - {name: ประธาน ทดสอบ, position: ประธานสภาเทศบาลตำบลทดสอบ}
civil_service:
  - {name: ปลัด ทดสอบ, position: ปลัดเทศบาลตำบลทดสอบ}
  - {name: ผอ ทดสอบ, position: ผู้อำนวยการกองช่าง, unit: กองช่าง}
authority: |
  อำนาจหน้าที่ตามพระราชบัญญัติเทศบาล
";

#[test]
fn the_structure_page_shows_both_sides_with_photos_and_contacts() {
    let site = TestSite::minimal()
        .file("content/people.yaml", PEOPLE)
        .bytes("content/files/people/mayor.jpg", b"\xff\xd8\xff jpeg");
    site.build().success();
    let html = site.read("public/structure/index.html");
    let text = text_of(&html);
    for expected in [
        "ผู้บริหารฝ่ายการเมือง",
        "ผู้บริหารฝ่ายประจำ",
        "นายก ทดสอบ",
        "ประธานสภาเทศบาลตำบลทดสอบ",
        "ปลัดเทศบาลตำบลทดสอบ",
        "กองช่าง",
        "อำนาจหน้าที่",
    ] {
        assert!(text.contains(expected), "{expected} not on the page");
    }
    assert!(
        attribute_values(&html, "src").contains(&"/files/people/mayor.jpg".to_owned()),
        "{html}"
    );
    assert!(attribute_values(&html, "alt").contains(&"นายก ทดสอบ".to_owned()));
    assert!(html.contains("href=\"tel:077123456\""), "{html}");
    assert!(html.contains("href=\"mailto:mayor@example.go.th\""));
    // Reached from the menu of every page.
    assert!(
        attribute_values(&site.read("public/index.html"), "href")
            .contains(&"/structure/".to_owned())
    );
    // Listed by the section-9 centre and the ITA form as what answers structure and executives.
    let ita = site.read("public/ita/2566/ita-2566.csv");
    let rows: Vec<&str> = ita
        .lines()
        .filter(|l| l.contains("https://www.example.go.th/structure/"))
        .collect();
    assert!(!rows.is_empty(), "{ita}");
}

#[test]
fn a_missing_photo_is_an_error_at_its_line() {
    let site = TestSite::minimal().file("content/people.yaml", PEOPLE);
    site.build()
        .failure()
        .stderr_has("content/people.yaml:2:")
        .stderr_has("รหัส: A0101");
}

#[test]
fn an_empty_structure_is_refused() {
    let site = TestSite::minimal().file("content/people.yaml", "political: []\n");
    site.build().failure().stderr_has("รหัส: S0401");
}

#[test]
fn council_minutes_are_a_section_of_their_own() {
    let site = TestSite::minimal().file(
        "content/council/2566-1.md",
        "---\ntitle: รายงานการประชุมสภา สมัยสามัญ สมัยที่ ๑\ndate: 2566-02-28\nattachments: [{file: files/council/2566-1.pdf, title: รายงานการประชุมที่รับรองแล้ว}]\n---\nมติที่ประชุม\n",
    )
    .bytes("content/files/council/2566-1.pdf", b"%PDF-1.4");
    site.build().success();
    let list = text_of(&site.read("public/council/index.html"));
    assert!(list.contains("รายงานการประชุมสภา"), "{list}");
    assert!(list.contains("สมัยสามัญ สมัยที่ ๑"));
    let page = site.read("public/council/2566-1/index.html");
    assert!(
        attribute_values(&page, "href")
            .iter()
            .any(|h| h.ends_with("files/council/2566-1.pdf"))
    );
}
