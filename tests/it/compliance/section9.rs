//! `/section9/`: every disclosure under its category of section 9.

use super::*;

// ---- 4. /section9/ ----

const ORDER_2566: &str = "content/announcements/order-2566.md";
const MANUAL: &str = "content/announcements/building-permit-manual.md";
const ORDER_2565: &str = "content/announcements/order-2565.md";

/// The records, and three documents of paragraph 9(4): one by `section9:` (whose topic alone
/// would have put it in 9(2)), one by its topic only, one of the year before.
fn section9_site() -> TestSite {
    let site = records()
        .file(
            ORDER_2566,
            "---\ntitle: คำสั่ง เรื่อง มอบอำนาจให้ปลัดเทศบาลปฏิบัติราชการแทน\ndate: 2566-05-01\nsection9: [4]\ntopics: [hr_policy]\n---\nคำสั่ง\n",
        )
        .file(
            MANUAL,
            "---\ntitle: คู่มือสำหรับประชาชน การขออนุญาตก่อสร้างอาคาร\ndate: 2565-12-01\ntopics: [operations_manual]\n---\nคู่มือ\n",
        )
        .file(
            ORDER_2565,
            "---\ntitle: คำสั่ง เรื่อง แต่งตั้งเจ้าหน้าที่รับเรื่องร้องเรียน\ndate: 2565-06-01\nsection9: [4]\n---\nคำสั่ง\n",
        );
    site.build().success();
    site
}

/// The statutory labels of the eight paragraphs of section 9.
const LABELS: [&str; 8] = [
    "ผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน รวมทั้งความเห็นแย้งและคำสั่งที่เกี่ยวข้องในการพิจารณาวินิจฉัยดังกล่าว",
    "นโยบายหรือการตีความที่ไม่เข้าข่ายต้องลงพิมพ์ในราชกิจจานุเบกษา ตามมาตรา ๗ (๔)",
    "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่กำลังดำเนินการ",
    "คู่มือหรือคำสั่งเกี่ยวกับวิธีปฏิบัติงานของเจ้าหน้าที่ของรัฐซึ่งมีผลกระทบถึงสิทธิหน้าที่ของเอกชน",
    "สิ่งพิมพ์ที่ได้มีการอ้างอิงถึงตามมาตรา ๗ วรรคสอง",
    "สัญญาสัมปทาน สัญญาที่มีลักษณะเป็นการผูกขาดตัดตอนหรือสัญญาร่วมทุนกับเอกชนในการจัดทำบริการสาธารณะ",
    "มติคณะรัฐมนตรี หรือมติคณะกรรมการที่แต่งตั้งโดยกฎหมาย หรือโดยมติคณะรัฐมนตรี ทั้งนี้ ให้ระบุรายชื่อรายงานทางวิชาการ รายงานข้อเท็จจริง หรือข้อมูลข่าวสารที่นำมาใช้ในการพิจารณาไว้ด้วย",
    "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด",
];

const SUBGROUPS: [&str; 4] = [
    "ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง",
    "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)",
    "แผนงบประมาณและรายงานผลการใช้จ่ายงบประมาณ",
    "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด",
];

/// The twelve months of fiscal year 2566, newest first: (CE month, long name, last day as the
/// pages write it).
const MONTHS_NEWEST_FIRST: [(&str, &str, &str); 12] = [
    ("2023-09", "กันยายน ๒๕๖๖", "๓๐ ก.ย. ๒๕๖๖"),
    ("2023-08", "สิงหาคม ๒๕๖๖", "๓๑ ส.ค. ๒๕๖๖"),
    ("2023-07", "กรกฎาคม ๒๕๖๖", "๓๑ ก.ค. ๒๕๖๖"),
    ("2023-06", "มิถุนายน ๒๕๖๖", "๓๐ มิ.ย. ๒๕๖๖"),
    ("2023-05", "พฤษภาคม ๒๕๖๖", "๓๑ พ.ค. ๒๕๖๖"),
    ("2023-04", "เมษายน ๒๕๖๖", "๓๐ เม.ย. ๒๕๖๖"),
    ("2023-03", "มีนาคม ๒๕๖๖", "๓๑ มี.ค. ๒๕๖๖"),
    ("2023-02", "กุมภาพันธ์ ๒๕๖๖", "๒๘ ก.พ. ๒๕๖๖"),
    ("2023-01", "มกราคม ๒๕๖๖", "๓๑ ม.ค. ๒๕๖๖"),
    ("2022-12", "ธันวาคม ๒๕๖๕", "๓๑ ธ.ค. ๒๕๖๕"),
    ("2022-11", "พฤศจิกายน ๒๕๖๕", "๓๐ พ.ย. ๒๕๖๕"),
    ("2022-10", "ตุลาคม ๒๕๖๕", "๓๑ ต.ค. ๒๕๖๕"),
];

fn month_entry((iso, name, day): (&str, &str, &str)) -> Entry {
    entry(
        &format!("/procurement/results/2566/#m-{iso}"),
        &format!("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {name}"),
        &format!("สขร.๑ · {day} · ปีงบประมาณ ๒๕๖๖"),
    )
}

fn no_gift_entry() -> Entry {
    entry(
        "/announcements/no-gift/",
        "ประกาศ เรื่อง เจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ 2566",
        "ประกาศ · ๒๐ ต.ค. ๒๕๖๕ · ปีงบประมาณ ๒๕๖๖",
    )
}

fn measures_entry() -> Entry {
    entry(
        "/measures/2566/",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส · ปีงบประมาณ ๒๕๖๖",
    )
}

fn plan_entry() -> Entry {
    entry(
        "/procurement/plans/2566/",
        "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
        "แผนการจัดซื้อจัดจ้าง · ๒๕ ต.ค. ๒๕๖๕ · ปีงบประมาณ ๒๕๖๖",
    )
}

fn road_entry() -> Entry {
    entry(
        "/procurement/reference-prices/road/",
        "ประกาศราคากลาง โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
        "ประกาศราคากลาง · ๑๐ ม.ค. ๒๕๖๖ · ปีงบประมาณ ๒๕๖๖",
    )
}

fn paragraph_4_entries() -> Vec<Entry> {
    vec![
        entry(
            "/announcements/order-2566/",
            "คำสั่ง เรื่อง มอบอำนาจให้ปลัดเทศบาลปฏิบัติราชการแทน",
            "ประกาศ · ๑ พ.ค. ๒๕๖๖ · ปีงบประมาณ ๒๕๖๖",
        ),
        entry(
            "/announcements/building-permit-manual/",
            "คู่มือสำหรับประชาชน การขออนุญาตก่อสร้างอาคาร",
            "ประกาศ · ๑ ธ.ค. ๒๕๖๕ · ปีงบประมาณ ๒๕๖๖",
        ),
        entry(
            "/announcements/order-2565/",
            "คำสั่ง เรื่อง แต่งตั้งเจ้าหน้าที่รับเรื่องร้องเรียน",
            "ประกาศ · ๑ มิ.ย. ๒๕๖๕ · ปีงบประมาณ ๒๕๖๕",
        ),
    ]
}

#[test]
fn section9_shows_the_eight_categories_with_their_statutory_labels_in_order() {
    let site = section9_site();
    let html = page(&site, "section9/");
    assert_eq!(h1(&html), "ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์");
    let thai = ["๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘"];
    for (i, label) in LABELS.iter().enumerate() {
        let n = u8::try_from(i + 1).expect("1 to 8");
        let section = category(&html, n);
        assert_eq!(
            text_of(
                between(section, "<h2", "</h2>")
                    .split_once('>')
                    .expect("<h2>")
                    .1
            ),
            format!("มาตรา ๙ ({}) {label}", thai[i])
        );
    }
    // In page order, then the index.
    let order: Vec<usize> = (1..=8)
        .map(|n| html.find(&format!("id=\"s9-{n}\"")).expect("a category"))
        .chain([html.find("<h2 id=\"index\">").expect("the index")])
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // 9(8) in its sub-groups.
    let labels: Vec<String> = subgroups(category(&html, 8))
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(labels, SUBGROUPS);
}

#[test]
fn section9_category_with_nothing_says_so() {
    let site = section9_site();
    let html = page(&site, "section9/");
    for n in [1, 5, 6, 7] {
        let section = category(&html, n);
        assert!(section.contains(EMPTY_CATEGORY), "9({n}):\n{section}");
        assert!(entries(section).is_empty(), "9({n})");
    }
    for n in [2, 3, 4] {
        assert!(!category(&html, n).contains(EMPTY_CATEGORY), "9({n})");
    }
    let groups = subgroups(category(&html, 8));
    let empty: Vec<bool> = groups
        .iter()
        .map(|(_, g)| g.contains(EMPTY_CATEGORY))
        .collect();
    assert_eq!(empty, [false, false, true, true]);
}

#[test]
fn section9_typed_records_place_themselves() {
    let site = section9_site();
    let html = page(&site, "section9/");
    // The plan in 9(3); the measures in 9(2) beside the No Gift announcement (by its topic).
    assert_eq!(entries(category(&html, 3)), [plan_entry()]);
    assert_eq!(
        entries(category(&html, 2)),
        [no_gift_entry(), measures_entry()]
    );
    let groups = subgroups(category(&html, 8));
    // The reference price among the procurement notices.
    assert_eq!(entries(groups[0].1), [road_entry()]);
    // Every month of สขร.๑, the empty ones too, newest first, dated the month's last day.
    let months: Vec<Entry> = MONTHS_NEWEST_FIRST.into_iter().map(month_entry).collect();
    assert_eq!(entries(groups[1].1), months);
}

#[test]
fn section9_documents_are_placed_by_section9_or_else_by_their_topics_newest_first() {
    let site = section9_site();
    let html = page(&site, "section9/");
    // order-2566 says section9: [4]: its topic hr_policy would have put it in 9(2), and does
    // not. The manual names only its topic, operations_manual, which belongs to 9(4).
    assert_eq!(entries(category(&html, 4)), paragraph_4_entries());
    assert!(
        !category(&html, 2).contains("order-2566"),
        "section9: overrides the category of the topics"
    );
}

#[test]
fn section9_index_lists_every_entry_under_its_category_and_each_year_has_its_page() {
    let site = section9_site();
    let html = page(&site, "section9/");
    let row = |e: &Entry, category: &str, date: &str, fy: &str| {
        (
            [
                category.to_owned(),
                e.title.clone(),
                e.meta.split(" · ").next().expect("kind").to_owned(),
                date.to_owned(),
                fy.to_owned(),
            ],
            e.href.clone(),
        )
    };
    let p4 = paragraph_4_entries();
    let mut expected = vec![
        row(&no_gift_entry(), "๙ (๒)", "๒๐ ต.ค. ๒๕๖๕", "๒๕๖๖"),
        row(&measures_entry(), "๙ (๒)", "-", "๒๕๖๖"),
        row(&plan_entry(), "๙ (๓)", "๒๕ ต.ค. ๒๕๖๕", "๒๕๖๖"),
        row(&p4[0], "๙ (๔)", "๑ พ.ค. ๒๕๖๖", "๒๕๖๖"),
        row(&p4[1], "๙ (๔)", "๑ ธ.ค. ๒๕๖๕", "๒๕๖๖"),
        row(&p4[2], "๙ (๔)", "๑ มิ.ย. ๒๕๖๕", "๒๕๖๕"),
    ];
    // 9(8), newest first whatever the sub-group: the reference price of 10 Jan 2566 between
    // the results of January and December.
    let monthly = "๙ (๘) สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)";
    for m in &MONTHS_NEWEST_FIRST[..9] {
        expected.push(row(&month_entry(*m), monthly, m.2, "๒๕๖๖"));
    }
    expected.push(row(
        &road_entry(),
        "๙ (๘) ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง",
        "๑๐ ม.ค. ๒๕๖๖",
        "๒๕๖๖",
    ));
    for m in &MONTHS_NEWEST_FIRST[9..] {
        expected.push(row(&month_entry(*m), monthly, m.2, "๒๕๖๖"));
    }
    assert_eq!(index_rows(&html), expected);

    // One page per fiscal year, holding only that year's rows, in the same order.
    let of_year = |fy: &str| -> Vec<([String; 5], String)> {
        expected
            .iter()
            .filter(|(c, _)| c[4] == fy)
            .cloned()
            .collect()
    };
    let y2566 = page(&site, "section9/2566/");
    assert_eq!(h1(&y2566), "ดัชนีข้อมูลข่าวสาร ปีงบประมาณ พ.ศ. ๒๕๖๖");
    assert_eq!(index_rows(&y2566), of_year("๒๕๖๖"));
    assert_eq!(index_rows(&y2566).len(), 18);
    let y2565 = page(&site, "section9/2565/");
    assert_eq!(index_rows(&y2565), of_year("๒๕๖๕"));
    assert_eq!(index_rows(&y2565).len(), 1);
    assert!(!site.exists("public/section9/2567/index.html"));

    // The years to choose from, without JavaScript: the page itself in bold, the others linked.
    let years = |html: &str| text_of(between(html, "<p class=\"years\">", "</p>"));
    assert_eq!(years(&html), "เลือกปีงบประมาณ: ทุกปี · ๒๕๖๖ · ๒๕๖๕");
    assert_eq!(years(&y2566), years(&html));
    let links = |html: &str| attribute_values(between(html, "<p class=\"years\">", "</p>"), "href");
    assert_eq!(links(&html), ["/section9/2566/", "/section9/2565/"]);
    assert_eq!(links(&y2566), ["/section9/#index", "/section9/2565/"]);
    assert!(html.contains("<strong>ทุกปี</strong>"));
    assert!(y2566.contains("<strong>๒๕๖๖</strong>"));
    assert!(
        !html.contains("<script"),
        "the index works without JavaScript"
    );
}

#[test]
fn section9_every_link_resolves_and_names_the_page_it_leads_to() {
    let site = section9_site();
    let mut checked = 0;
    for rel in ["section9/", "section9/2566/", "section9/2565/"] {
        let html = page(&site, rel);
        for link in attribute_values(&html, "href") {
            if link.starts_with('/') {
                lands(&site, "/", &link).unwrap_or_else(|e| panic!("{rel}: {e}"));
                checked += 1;
            }
        }
        // A link to a whole page reads as that page's title.
        for (cells, href) in index_rows(&html) {
            if !href.contains('#') {
                let target = page(&site, href.trim_start_matches('/'));
                assert_eq!(cells[1], h1(&target), "{rel}: {href}");
            }
        }
    }
    assert!(checked > 60, "only {checked} links");
}

/// A site with `n` more orders of 9(4), half of fiscal year 2566 and half of 2565.
fn long_category_site(n: usize) -> TestSite {
    let mut site = records()
        .file(
            ORDER_2566,
            "---\ntitle: คำสั่ง เรื่อง มอบอำนาจให้ปลัดเทศบาลปฏิบัติราชการแทน\ndate: 2566-05-01\nsection9: [4]\n---\nคำสั่ง\n",
        );
    for i in 0..n {
        let date = if i % 2 == 0 {
            format!("2566-03-{:02}", 1 + i % 28)
        } else {
            format!("2565-03-{:02}", 1 + i % 28)
        };
        site = site.file(
            &format!("content/announcements/order-{i:03}.md"),
            &format!(
                "---\ntitle: คำสั่ง เรื่อง แต่งตั้งคณะกรรมการ ชุดที่ {i:03}\ndate: {date}\nsection9: [4]\n---\nคำสั่ง\n"
            ),
        );
    }
    site.build().success();
    site
}

#[test]
fn section9_long_category_shows_its_newest_and_links_each_years_part() {
    let site = long_category_site(215);
    let html = page(&site, "section9/");
    let shown = entries(category(&html, 4));
    assert_eq!(shown.len(), 20, "the newest twenty");

    // The same twenty, in the same order, open the category's rows of the yearly indexes.
    let mut all: Vec<([String; 5], String)> = Vec::new();
    for y in ["2566", "2565"] {
        all.extend(
            index_rows(&page(&site, &format!("section9/{y}/")))
                .into_iter()
                .filter(|(c, _)| c[0] == "๙ (๔)"),
        );
    }
    assert_eq!(all.len(), 216, "every order is in a yearly index");
    let newest: Vec<(String, String)> = all[..20]
        .iter()
        .map(|(c, href)| (c[1].clone(), href.clone()))
        .collect();
    let titles: Vec<(String, String)> = shown
        .iter()
        .map(|e| (e.title.clone(), e.href.clone()))
        .collect();
    assert_eq!(titles, newest);
    assert_eq!(shown[0].title, "คำสั่ง เรื่อง มอบอำนาจให้ปลัดเทศบาลปฏิบัติราชการแทน");

    // The rest: how many, and each year's part of the index, which the link reaches.
    let more = between(category(&html, 4), "<p class=\"more\">", "</p>");
    assert!(
        text_of(more).starts_with("หมวดนี้มีทั้งหมด ๒๑๖ รายการ"),
        "{}",
        text_of(more)
    );
    let links = attribute_values(more, "href");
    assert_eq!(links, ["/section9/2566/#s9-4", "/section9/2565/#s9-4"]);
    for link in &links {
        lands(&site, "/", link).unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(text_of(more).contains("ปีงบประมาณ ๒๕๖๖ (๑๐๙ รายการ)"));
    assert!(text_of(more).contains("ปีงบประมาณ ๒๕๖๕ (๑๐๗ รายการ)"));

    // The index is too long for one page: /section9/ sends to the years, and has none of the
    // orders beyond the newest twenty.
    assert!(text_of(&html).contains("จึงแสดงแยกตามปีงบประมาณ"));
    assert!(
        index_rows_or_none(&html).is_empty(),
        "every row has a fiscal year"
    );
    assert!(
        !html.contains("ชุดที่ 001"),
        "the oldest order is on its year's page only"
    );
    assert!(page(&site, "section9/2565/").contains("ชุดที่ 001"));
    let years = text_of(between(&html, "<p class=\"years\">", "</p>"));
    assert_eq!(years, "เลือกปีงบประมาณ: ไม่ระบุปี · ๒๕๖๖ · ๒๕๖๕");
    assert!(
        html.len() < 50_000 && html.len() < page(&site, "section9/2566/").len(),
        "the main page stays small: {} bytes",
        html.len()
    );
}

#[test]
fn section9_short_category_is_shown_whole_with_its_index() {
    let site = long_category_site(17);
    let html = page(&site, "section9/");
    assert_eq!(entries(category(&html, 4)).len(), 18);
    assert!(!category(&html, 4).contains("class=\"more\""));
    assert!(!text_of(&html).contains("จึงแสดงแยกตามปีงบประมาณ"));
    assert!(html.contains("<strong>ทุกปี</strong>"));
    assert!(
        index_rows(&html)
            .iter()
            .any(|(c, _)| c[1].contains("ชุดที่ 001"))
    );
}

/// The index rows of a page, none when it has no index table.
fn index_rows_or_none(html: &str) -> Vec<([String; 5], String)> {
    if html.contains("<table class=\"index\">") {
        index_rows(html)
    } else {
        Vec::new()
    }
}
