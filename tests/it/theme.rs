//! The default theme as a resident meets it: the menu without JavaScript, the
//! fiscal-year switcher, the footer, the charts and the tables they come from, attachments named
//! with type and size, and the weight of every page of the example site.
//!
//! The figures below are worked out by hand from the fixture, not copied from a run. What needs
//! a browser (layout at 360 and 1280 px, keyboard, print) is in `tests/browser/theme.cjs`.

use crate::support;

use support::{TestSite, attribute_values, between, decode_entities, text_of};

const SITE_YAML: &str = "\
name: เทศบาลตำบลทดสอบ
base_url: https://www.example.go.th/
numerals: thai
phone: 0-7700-0000
email: saraban@example.go.th
address: 1 หมู่ 2 ตำบลทดสอบ
license: CC-BY-4.0
";

/// Three measures: one done, one in progress, one without a result.
const MEASURES_2567: &str = "\
fiscal_year: 2567
measures:
  - title: มาตรการป้องกันการรับสินบน
    methods: [ออกประกาศ]
    responsible: สำนักปลัด
    result: {status: done}
  - title: มาตรการเปิดเผยข้อมูล
    methods: [เผยแพร่ข้อมูล]
    responsible: กองคลัง
    result: {status: in_progress}
  - title: มาตรการจัดการเรื่องร้องเรียน
    methods: [ตั้งศูนย์รับเรื่อง]
    responsible: สำนักปลัด
";

const MEASURES_2566: &str = "\
fiscal_year: 2566
measures:
  - title: มาตรการป้องกันการรับสินบน
    methods: [ออกประกาศ]
    responsible: สำนักปลัด
";

/// Two divisions; กองช่าง's road is contracted, สำนักปลัด's paper too, its computers not yet.
const PLAN_2567: &str = r#"fiscal_year: 2567
items:
  - id: "67-001"
    title: ก่อสร้างถนน หมู่ที่ 1
    department: กองช่าง
    budget: 2000000
    method: e-bidding
  - id: "67-002"
    title: จัดซื้อกระดาษ
    department: สำนักปลัด
    budget: 50000
    method: specific
  - id: "67-003"
    title: จัดซื้อคอมพิวเตอร์
    department: สำนักปลัด
    budget: 100000
    method: specific
"#;

const PLAN_2566: &str = r#"fiscal_year: 2566
items:
  - id: "66-001"
    title: จัดซื้อวัสดุ
    department: สำนักปลัด
    budget: 10000
    method: specific
"#;

/// November 2566 (FY 2567): the paper and a repair outside the plan.
const RESULTS_2566_11: &str = r#"month: 2566-11
items:
  - title: จัดซื้อกระดาษ
    budget: 50000
    method: specific
    bids: [{bidder: ร้านกระดาษ, price: 48000}]
    winner: {name: ร้านกระดาษ, price: 48000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "5/2567", date: 2566-11-10}
    plan_item: "67-002"
  - title: ซ่อมรถ
    budget: 20000
    method: specific
    bids: [{bidder: อู่ซ่อม, price: 12500.50}]
    winner: {name: อู่ซ่อม, price: 12500.50}
    reason: เสนอราคาต่ำสุด
    contract: {number: "6/2567", date: 2566-11-15}
"#;

/// January 2567: the road.
const RESULTS_2567_01: &str = r#"month: 2567-01
items:
  - title: ก่อสร้างถนน หมู่ที่ 1
    budget: 2000000
    method: e-bidding
    bids: [{bidder: บริษัท ถนนดี จำกัด, price: 1850000}]
    winner: {name: บริษัท ถนนดี จำกัด, price: 1850000}
    reason: เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน
    contract: {number: "1/2567", date: 2567-01-20}
    plan_item: "67-001"
"#;

const NOTHING_2566_12: &str = "month: 2566-12\nitems: []\n";

const RESULTS_2566_01: &str = "month: 2566-01\nitems: []\n";

const ANNOUNCEMENT: &str = "\
---
title: ประกาศ เรื่อง มาตรการป้องกันการรับสินบน
date: 2566-11-01
attachments: [{file: files/bribery.pdf, title: ฉบับลงนาม}]
---
เนื้อหา
";

fn fixture() -> TestSite {
    let site = TestSite::empty()
        .file("content/site.yaml", SITE_YAML)
        .file("content/measures/2567.yaml", MEASURES_2567)
        .file("content/measures/2566.yaml", MEASURES_2566)
        .file("content/procurement/plans/2567.yaml", PLAN_2567)
        .file("content/procurement/plans/2566.yaml", PLAN_2566)
        .file("content/procurement/results/2566-11.yaml", RESULTS_2566_11)
        .file("content/procurement/results/2566-12.yaml", NOTHING_2566_12)
        .file("content/procurement/results/2567-01.yaml", RESULTS_2567_01)
        .file("content/procurement/results/2566-01.yaml", RESULTS_2566_01)
        .file("content/announcements/bribery.md", ANNOUNCEMENT)
        .bytes("content/files/bribery.pdf", &[b'%'; 3000]);
    site.build().success();
    site
}

#[track_caller]
fn page(site: &TestSite, rel: &str) -> String {
    site.read(&format!("public/{rel}index.html"))
}

fn switcher(html: &str) -> (String, Vec<String>, String) {
    let nav = between(html, "<nav class=\"years-nav\"", "</nav>");
    let current = between(nav, "aria-current=\"page\">", "</a>")
        .trim_start_matches("aria-current=\"page\">")
        .to_owned();
    (text_of(nav), attribute_values(nav, "href"), current)
}

#[test]
fn each_yearly_page_links_to_the_same_page_of_the_other_years() {
    let site = fixture();
    let m = page(&site, "measures/2567/");
    let (text, links, current) = switcher(&m);
    assert_eq!(text, "ปีงบประมาณ พ.ศ. ๒๕๖๗ ปีงบประมาณ พ.ศ. ๒๕๖๖");
    assert_eq!(links, ["/measures/2567/", "/measures/2566/"]);
    assert_eq!(current, "ปีงบประมาณ พ.ศ. ๒๕๖๗");
    assert!(m.contains("<nav class=\"years-nav\" aria-label=\"เลือกปีงบประมาณ\">"));
    let (_, _, current) = switcher(&page(&site, "measures/2566/"));
    assert_eq!(current, "ปีงบประมาณ พ.ศ. ๒๕๖๖");

    let (_, links, _) = switcher(&page(&site, "procurement/plans/2566/"));
    assert_eq!(
        links,
        ["/procurement/plans/2567/", "/procurement/plans/2566/"]
    );
    for kind in ["results", "projects"] {
        let (_, links, current) = switcher(&page(&site, &format!("procurement/{kind}/2567/")));
        assert_eq!(
            links,
            [
                format!("/procurement/{kind}/2567/"),
                format!("/procurement/{kind}/2566/")
            ]
        );
        assert_eq!(current, "ปีงบประมาณ พ.ศ. ๒๕๖๗");
    }
}

#[test]
fn a_site_with_one_year_shows_no_switcher() {
    let site = TestSite::empty()
        .file("content/site.yaml", SITE_YAML)
        .file("content/measures/2567.yaml", MEASURES_2567);
    site.build().success();
    assert!(!page(&site, "measures/2567/").contains("years-nav"));
}

#[test]
fn every_page_has_a_skip_link_one_h1_and_the_menu_as_a_details_element() {
    let site = fixture();
    let tree = site.public();
    let mut pages = 0;
    for rel in tree.paths().filter(|p| p.ends_with(".html")) {
        let html = String::from_utf8(tree.get(rel).unwrap().to_vec()).unwrap();
        pages += 1;
        assert_eq!(html.matches("<h1").count(), 1, "{rel}: one h1");
        assert!(
            html.contains("<a class=\"skip\" href=\"#main\">")
                && html.contains("<main id=\"main\""),
            "{rel}: skip link to main"
        );
        assert!(html.contains("<html lang=\"th\">"), "{rel}");
        assert!(html.contains("<body class=\"numerals-thai\">"), "{rel}");
        let nav = between(
            &html,
            "<nav class=\"site-nav\" aria-label=\"เมนูหลัก\">",
            "</nav>",
        );
        assert!(
            nav.contains("<details class=\"menu\">") && nav.contains("<summary>เมนู</summary>"),
            "{rel}: the menu opens without JavaScript"
        );
        assert!(
            attribute_values(nav, "href").contains(&"/procurement/".to_owned()),
            "{rel}"
        );
    }
    assert!(pages > 20, "{pages} pages");
}

#[test]
fn footer_has_contact_content_date_and_license() {
    let site = fixture();
    let html = page(&site, "");
    let footer = between(&html, "<footer class=\"site-footer\">", "</footer>");
    let text = text_of(footer);
    assert!(text.contains("โทรศัพท์ ๐-๗๗๐๐-๐๐๐๐"), "{text}");
    assert!(text.contains("อีเมล saraban@example.go.th"), "{text}");
    assert!(text.contains("๑ หมู่ ๒ ตำบลทดสอบ"), "{text}");
    assert!(footer.contains("href=\"tel:077000000\""));
    // The day the content last changed, not the day of the build: the latest record is the
    // results of January 2567. In Thai, with a machine-readable date beside it.
    assert!(
        footer.contains("<time datetime=\"2024-01-31\">"),
        "{footer}"
    );
    assert!(text.contains("ปรับปรุงข้อมูลล่าสุด ๓๑ มกราคม ๒๕๖๗"), "{text}");
    let license = between(footer, "<p class=\"license\">", "</p>");
    assert_eq!(
        attribute_values(license, "href")[0],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert!(text.contains("สัญญาอนุญาต CC-BY-4.0"), "{text}");
}

#[test]
fn attachments_are_announced_with_type_and_size_inside_the_link() {
    let site = fixture();
    let html = decode_entities(&page(&site, "announcements/bribery/"));
    let link = between(&html, "<a href=\"/files/bribery.pdf\">", "</a>");
    assert_eq!(text_of(link), "ฉบับลงนาม (ไฟล์ PDF ขนาด ๒.๙ KB)");
}

/// The `<svg>` of chart `id`, and the text of its title and description.
fn chart<'a>(html: &'a str, id: &str) -> (&'a str, String, String) {
    let start = html
        .find(&format!("aria-labelledby=\"{id}-t\""))
        .unwrap_or_else(|| panic!("no chart {id}"));
    let svg_start = html[..start].rfind("<svg").unwrap();
    let svg_end = svg_start + html[svg_start..].find("</svg>").unwrap();
    let this = &html[svg_start..svg_end];
    assert!(
        this.contains(&format!(
            "role=\"img\" aria-labelledby=\"{id}-t\" aria-describedby=\"{id}-d\""
        )),
        "{this}"
    );
    let title = text_of(between(this, &format!("<title id=\"{id}-t\">"), "</title>"));
    let desc = text_of(between(this, &format!("<desc id=\"{id}-d\">"), "</desc>"));
    (this, title, desc)
}

#[test]
fn results_page_charts_by_month_and_by_method_with_their_tables() {
    let site = fixture();
    let html = page(&site, "procurement/results/2567/");
    let (_, title, desc) = chart(&html, "chart-months");
    assert_eq!(title, "ราคาที่ตกลงซื้อหรือจ้าง รายเดือน ปีงบประมาณ พ.ศ. ๒๕๖๗");
    // October has no file (not published), November two awards, December nothing bought,
    // January the road.
    assert!(
        desc.starts_with(
            "แผนภูมิแท่ง ตุลาคมถึงกันยายน: ตุลาคม ๒๕๖๖ ยังไม่เผยแพร่, \
             พฤศจิกายน ๒๕๖๖ ๒ รายการ ๖๐,๕๐๑ บาท, ธันวาคม ๒๕๖๖ ไม่มีการจัดซื้อจัดจ้าง, \
             มกราคม ๒๕๖๗ ๑ รายการ ๑.๘๕ ล้านบาท"
        ),
        "{desc}"
    );
    let (svg, _, desc) = chart(&html, "chart-methods");
    assert_eq!(
        desc,
        "แผนภูมิแท่ง: วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) ๑ รายการ ๑.๘๕ ล้านบาท, \
         วิธีเฉพาะเจาะจง ๒ รายการ ๖๐,๕๐๑ บาท"
    );
    // The longest bar is the road; the other in proportion (60,500.50 / 1,850,000 of 55%).
    assert!(svg.contains("width=\"55.00%\""), "{svg}");
    assert!(svg.contains("width=\"1.80%\""), "{svg}");
    // The tables the charts come from, on the page.
    let table = text_of(between(
        &html,
        "<caption>ราคาที่ตกลงซื้อหรือจ้าง รายเดือน</caption>",
        "</table>",
    ));
    assert!(
        table.contains(
            "ตุลาคม ๒๕๖๖ ยังไม่เผยแพร่ พฤศจิกายน ๒๕๖๖ ๒ ๖๐,๕๐๐.๕๐ \
             ธันวาคม ๒๕๖๖ ไม่มีการจัดซื้อจัดจ้าง มกราคม ๒๕๖๗ ๑ ๑,๘๕๐,๐๐๐.๐๐"
        ),
        "{table}"
    );
    assert!(table.ends_with("รวม ๓ ๑,๙๑๐,๕๐๐.๕๐"), "{table}");
    assert!(html.contains(
        "<h2 id=\"h-overview\">ภาพรวมทั้งปี: ๓ รายการ ราคาที่ตกลงซื้อหรือจ้างรวม ๑,๙๑๐,๕๐๐.๕๐ บาท</h2>"
    ));
}

#[test]
fn plan_page_charts_plan_against_agreed_prices_per_division() {
    let site = fixture();
    let html = page(&site, "procurement/plans/2567/");
    let (svg, _, desc) = chart(&html, "chart-divisions");
    assert_eq!(
        desc,
        "แผนภูมิแท่งคู่: กองช่าง ตามแผน ๒ ล้านบาท ตกลงซื้อหรือจ้างแล้ว ๑.๘๕ ล้านบาท (๑ จาก ๑ รายการ); \
         สำนักปลัด ตามแผน ๑๕๐,๐๐๐ บาท ตกลงซื้อหรือจ้างแล้ว ๔๘,๐๐๐ บาท (๑ จาก ๒ รายการ)"
    );
    // Two series told apart by pattern as well as colour, named in a legend.
    assert!(svg.contains("<pattern id=\"chart-divisions-h8a4b00\""));
    assert!(svg.contains(">วงเงินตามแผน</text>"));
    assert!(svg.contains(">ราคาที่ตกลงซื้อหรือจ้างแล้ว</text>"));
    let table = text_of(between(
        &html,
        "<caption>วงเงินตามแผนและราคาที่ตกลงซื้อหรือจ้างแล้ว แยกตามหน่วยงาน</caption>",
        "</table>",
    ));
    assert!(
        table.ends_with("กองช่าง ๑ ๒,๐๐๐,๐๐๐.๐๐ ๑ ๑,๘๕๐,๐๐๐.๐๐ สำนักปลัด ๒ ๑๕๐,๐๐๐.๐๐ ๑ ๔๘,๐๐๐.๐๐"),
        "{table}"
    );
}

#[test]
fn measures_page_charts_the_status_of_the_measures() {
    let site = fixture();
    let html = page(&site, "measures/2567/");
    let (_, title, desc) = chart(&html, "chart-status");
    assert_eq!(
        title,
        "ผลการดำเนินการตามมาตรการ ปีงบประมาณ พ.ศ. ๒๕๖๗ แยกตามสถานะ"
    );
    assert_eq!(
        desc,
        "แผนภูมิแท่ง จากทั้งหมด ๓ มาตรการ: ดำเนินการแล้ว ๑ มาตรการ, \
         อยู่ระหว่างดำเนินการ ๑ มาตรการ, ยังไม่รายงานผล ๑ มาตรการ"
    );
    // Nothing reported in 2566: no chart.
    assert!(!page(&site, "measures/2566/").contains("<svg"));
}

#[test]
fn every_page_of_the_example_weighs_under_100_kb_with_its_css_and_js() {
    let site = TestSite::example();
    site.build().success();
    let tree = site.public();
    let size = |rel: &str| tree.get(rel).map_or(0, <[u8]>::len);
    let mut heaviest = (0, String::new());
    for rel in tree.paths().filter(|p| p.ends_with(".html")) {
        let html = String::from_utf8(tree.get(rel).unwrap().to_vec()).unwrap();
        let mut total = html.len();
        for attr in ["href", "src"] {
            for url in attribute_values(&html, attr) {
                // The theme's files are asked for with their version (`?v=`).
                let url = url.split('?').next().unwrap_or_default();
                if url.ends_with(".css") || url.ends_with(".js") {
                    total += size(url.trim_start_matches('/'));
                }
            }
        }
        if total > heaviest.0 {
            heaviest = (total, rel.to_owned());
        }
    }
    assert!(heaviest.0 < 100 * 1024, "{heaviest:?}");
}

/// The address a page gives for the theme file `name` (`static/style.css?v=…`).
fn asked_for(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("/{name}?v="))
        .unwrap_or_else(|| panic!("{name} in {html}"));
    let rest = &html[at + 1..];
    rest[..rest.find('"').unwrap()].to_owned()
}

#[test]
fn pages_ask_for_the_theme_s_files_by_their_version() {
    let site = TestSite::example()
        .file("themes/local/static/style.css", "body { color: #123456 }\n")
        .replace(
            "content/site.yaml",
            "license: CC-BY-4.0",
            "license: CC-BY-4.0\ntheme: local",
        );
    site.build().success();
    let home = site.read("public/index.html");
    let css = asked_for(&home, "static/style.css");
    let js = asked_for(&site.read("public/search/index.html"), "static/search.js");
    for url in [&css, &js] {
        let (path, version) = url.split_once("?v=").unwrap();
        assert!(site.exists(&format!("public/{path}")), "{url}");
        assert!(version.len() == 8 && version.bytes().all(|b| b.is_ascii_hexdigit()));
    }
    // A new style sheet: every page asks for it by its new version, so a browser that kept
    // the old one asks again; the script's is unchanged.
    let site = site.file("themes/local/static/style.css", "body { color: #654321 }\n");
    site.build().success();
    let again = asked_for(&site.read("public/index.html"), "static/style.css");
    assert_ne!(again, css);
    let page = site.read("public/announcements/no-gift-policy/index.html");
    assert_eq!(asked_for(&page, "static/style.css"), again);
    assert_eq!(
        asked_for(&site.read("public/search/index.html"), "static/search.js"),
        js
    );
}

#[test]
fn a_theme_s_own_search_script_of_another_version_is_named_with_what_to_do() {
    let local = |script: &str| {
        TestSite::example()
            .file("themes/local/static/search.js", script)
            .replace(
                "content/site.yaml",
                "license: CC-BY-4.0",
                "license: CC-BY-4.0\ntheme: local",
            )
    };
    // A copy of an older version's script: a warning on the file, saying what to do.
    local("// an older search.js\n")
        .run(&["check"])
        .success()
        .stderr_has("themes/local/static/search.js")
        .stderr_has("S0205")
        .stderr_has("ลบไฟล์นี้ออกจากธีม");
    // This version's own script, as `prongsai init` copies it: nothing to say.
    let builtin = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/static/search.js"
    ))
    .unwrap();
    local(&builtin)
        .run(&["check"])
        .success()
        .stderr_lacks("S0205");
}
