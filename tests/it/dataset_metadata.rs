//! What a national catalog asks of every dataset beyond the data: the area by its Interior
//! Ministry code and a URI, a dataset's own contact and data-governance category, and dates
//! from git where a dataset gives none. Each case changes the example and reads what a
//! harvester reads (`catalog.ttl`, `catalog.csv`) and what staff read (the dataset's page).

use crate::support;

use support::{TestSite, text_of};

const BASE: &str = "https://www.example.go.th/";
const SITE: &str = "content/site.yaml";
const COMPLAINTS: &str = "content/data/complaint-statistics.yaml";

/// The rows of `public/data/catalog.csv` (byte-order mark removed), header first.
fn catalog_rows(site: &TestSite) -> Vec<Vec<String>> {
    let text = String::from_utf8(site.read_bytes("public/data/catalog.csv")).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .map(|row| row.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The catalog CSV's value in `column` for the dataset titled `title…`.
fn catalog_value(site: &TestSite, title: &str, column: &str) -> String {
    let rows = catalog_rows(site);
    let at = rows[0].iter().position(|h| h == column).expect(column);
    let row = rows
        .iter()
        .find(|r| r[0].starts_with(title))
        .unwrap_or_else(|| panic!("no row for {title}"));
    row[at].clone()
}

/// The example, serving one subdistrict with its code.
fn with_area(extra: &str) -> TestSite {
    TestSite::example().replace(
        SITE,
        "district: อำเภอเกาะพะงัน",
        &format!("subdistrict: บ้านใต้\n{extra}district: อำเภอเกาะพะงัน"),
    )
}

#[test]
fn the_area_code_names_the_area_by_a_uri_every_dataset_shares() {
    let site = with_area("area_code: \"840503\"\n");
    site.build().success();
    let ttl = site.read("public/data/catalog.ttl");
    let area = format!("<{BASE}data/#area-840503>");
    let block = ttl
        .split("\n\n")
        .find(|b| b.starts_with(&area))
        .unwrap_or_else(|| panic!("no {area} in\n{ttl}"));
    assert!(
        block.contains("a <http://purl.org/dc/terms/Location>"),
        "{block}"
    );
    assert!(block.contains("dct:identifier \"840503\""), "{block}");
    assert!(
        block.contains("\"ตำบลบ้านใต้ อำเภอเกาะพะงัน จังหวัดสุราษฎร์ธานี\"@th"),
        "{block}"
    );
    let datasets = ttl.matches("a <http://www.w3.org/ns/dcat#Dataset>").count();
    assert!(datasets >= 7);
    assert_eq!(
        ttl.matches(&format!("dct:spatial {area}")).count(),
        datasets,
        "every dataset covers the area"
    );
    // The URI leads to a line of /data/ that says what the area is.
    let data = site.read("public/data/index.html");
    let line = support::between(&data, "id=\"area-840503\">", "</p>");
    assert!(line.contains("ตำบลบ้านใต้"), "{line}");
    assert!(
        line.contains("๘๔๐๕๐๓"),
        "Thai digits as the site prints them: {line}"
    );
    // Staff copy the same into the national catalog.
    assert_eq!(
        catalog_value(&site, "แผนการจัดซื้อจัดจ้าง", "ขอบเขตเชิงภูมิศาสตร์"),
        "ตำบลบ้านใต้ อำเภอเกาะพะงัน จังหวัดสุราษฎร์ธานี (รหัสพื้นที่ 840503)"
    );
    // schema.org names the same place.
    let page = site.read("public/data/complaint-statistics/index.html");
    assert!(
        page.contains(&format!("\"@id\":\"{BASE}data/#area-840503\"")),
        "JSON-LD place"
    );
}

#[test]
fn a_uri_from_another_register_is_used_as_it_is() {
    let site =
        with_area("area_code: \"840503\"\narea_uri: http://www.wikidata.org/entity/Q13025033\n");
    site.build().success();
    let ttl = site.read("public/data/catalog.ttl");
    assert!(ttl.contains("dct:spatial <http://www.wikidata.org/entity/Q13025033>"));
    assert!(!ttl.contains("#area"), "no second name for the area");
}

#[test]
fn a_mistyped_area_code_is_refused_with_the_line_and_the_fix() {
    let site = with_area("area_code: 84-05-03\n");
    let out = site.build();
    out.failure();
    let line = site
        .read(SITE)
        .lines()
        .position(|l| l.starts_with("area_code:"))
        .unwrap()
        + 1;
    out.stderr_has(&format!("content/site.yaml:{line}"))
        .stderr_has("รหัสพื้นที่ \"84-05-03\"")
        .stderr_has("area_code: \"840803\"");
    assert!(!site.exists("public"), "nothing published");

    let site = with_area("area_uri: wikidata Q13025033\n");
    site.build()
        .failure()
        .stderr_has("area_uri \"wikidata Q13025033\"");
}

#[test]
fn a_datasets_own_contact_and_category_reach_the_catalog_and_its_page() {
    let site = TestSite::example().replace(
        COMPLAINTS,
        "contact_name:",
        "category: personal\ncontact_email: complaints@example.go.th\ncontact_name:",
    );
    site.build().success();
    let title = "สถิติเรื่องร้องเรียน";
    assert_eq!(
        catalog_value(&site, title, "ผู้ติดต่อ"),
        "ศูนย์รับเรื่องร้องเรียนการทุจริต สำนักปลัดเทศบาล"
    );
    assert_eq!(
        catalog_value(&site, title, "อีเมลผู้ติดต่อ"),
        "complaints@example.go.th"
    );
    assert_eq!(catalog_value(&site, title, "หมวดหมู่ข้อมูล"), "ข้อมูลส่วนบุคคล");
    // Datasets without their own contact keep the organisation's.
    assert_eq!(
        catalog_value(&site, "แผนการจัดซื้อจัดจ้าง", "อีเมลผู้ติดต่อ"),
        "saraban@example.go.th"
    );
    assert_eq!(
        catalog_value(&site, "แผนการจัดซื้อจัดจ้าง", "หมวดหมู่ข้อมูล"),
        "ข้อมูลสาธารณะ"
    );
    let page = text_of(&site.read("public/data/complaint-statistics/index.html"));
    assert!(page.contains("หมวดหมู่ข้อมูล ข้อมูลส่วนบุคคล"), "{page}");
    let ttl = site.read("public/data/catalog.ttl");
    let contact = format!("<{BASE}data/complaint-statistics/#contact>");
    assert!(ttl.contains(&format!("dcat:contactPoint {contact}")));
    assert!(ttl.contains("<mailto:complaints@example.go.th>"));

    // Secret data has no place on a public site: not a category staff can choose.
    let site = TestSite::example().replace(
        COMPLAINTS,
        "contact_name:",
        "category: secret\ncontact_name:",
    );
    site.build().failure().stderr_has("secret");
}

/// Runs git in `dir` with a fixed date and a throwaway identity.
fn git(dir: &std::path::Path, args: &[&str], date: &str) {
    let ok = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=staff",
            "-c",
            "user.email=staff@example.go.th",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .unwrap()
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn a_dataset_without_dates_is_dated_by_its_files_history_in_git() {
    let site = TestSite::example()
        .replace(COMPLAINTS, "issued: 2565-01-10", "")
        .replace(COMPLAINTS, "modified: 2566-10-10", "");
    let root = site.root();
    git(root, &["init", "-q"], "2024-01-01T09:00:00+07:00");
    git(root, &["add", "content"], "2024-01-15T09:00:00+07:00");
    git(
        root,
        &["commit", "-qm", "site"],
        "2024-01-15T09:00:00+07:00",
    );
    let csv = root.join("content/data/complaint-statistics.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push_str("2567,1,0,0,0,ไม่มีเรื่องร้องเรียน\n");
    std::fs::write(&csv, text).unwrap();
    git(
        root,
        &["commit", "-qam", "Q1 2567"],
        "2024-02-03T09:00:00+07:00",
    );

    site.build().success();
    let title = "สถิติเรื่องร้องเรียน";
    assert_eq!(catalog_value(&site, title, "วันที่เริ่มต้นสร้าง"), "2024-01-15");
    assert_eq!(
        catalog_value(&site, title, "วันที่ปรับปรุงข้อมูลล่าสุด"),
        "2024-02-03"
    );
    // A dataset's own dates win over git's.
    let site2 = TestSite::example();
    site2.build().success();
    assert_eq!(
        catalog_value(&site2, title, "วันที่ปรับปรุงข้อมูลล่าสุด"),
        "2023-10-10"
    );
}
