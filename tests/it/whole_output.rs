//! Files people download or subscribe to, compared whole: the expected text below is written
//! from the contract (the README: CSV with BOM and CRLF, CE dates, Atom feed of the
//! announcements newest first), not copied from a run.

use crate::support;

use support::TestSite;

const SITE_YAML: &str = "\
name: เทศบาลตำบลทดสอบ
base_url: https://www.example.go.th/
";

const MEASURES_2567: &str = r#"fiscal_year: 2567
measures:
  - title: มาตรการป้องกันการรับสินบน
    methods:
      - จัดทำประกาศมาตรการป้องกันการรับสินบน
      - จัดทำคู่มือการป้องกันการรับสินบน
    responsible: สำนักปลัด
    period: {from: 2566-10, to: 2567-03}
    follow_up: รายงานผลให้ผู้บริหารทราบ
    result:
      status: done
      summary: "ออกประกาศแล้ว **ครบถ้วน**"
  - title: 'มาตรการ "เปิดเผยข้อมูล", ต่อสาธารณะ'
    methods: [เผยแพร่ข้อมูลตามมาตรา ๙]
    responsible: กองคลัง
"#;

const BUDGET_HEARING: &str = "\
---
title: ประกาศ เรื่อง รับฟังความคิดเห็น & ข้อเสนอแนะ <งบประมาณ>
date: 2567-01-15
updated: 2567-02-01
summary: เชิญประชาชนร่วมแสดงความคิดเห็นต่อร่างข้อบัญญัติงบประมาณ
---
เนื้อหา
";

const OFFICE_HOURS: &str = "\
---
title: ประกาศ เรื่อง เวลาทำการ
date: 2566-11-01
---
## เวลาทำการ

สำนักงานเปิด **วันจันทร์ถึงวันศุกร์** เวลา 08.30 - 16.30 น.
";

fn fixture() -> TestSite {
    let site = TestSite::empty()
        .file("content/site.yaml", SITE_YAML)
        .file("content/measures/2567.yaml", MEASURES_2567)
        .file("content/announcements/budget-hearing.md", BUDGET_HEARING)
        .file("content/announcements/office-hours.md", OFFICE_HOURS);
    site.build().success();
    site
}

#[test]
fn measures_csv_is_exactly_what_excel_should_open() {
    let site = fixture();
    // A byte-order mark, CRLF after every row, the methods numbered one per line inside their
    // cell, months in CE, a measure without a period spanning the whole fiscal year
    // (ต.ค. 2566 – ก.ย. 2567), quotes and commas escaped the CSV way, Markdown reduced to text.
    let expected = "\u{feff}\
fiscal_year,no,measure,methods,responsible,period_start,period_end,follow_up,result_status,result_summary\r\n\
2567,1,มาตรการป้องกันการรับสินบน,\"1. จัดทำประกาศมาตรการป้องกันการรับสินบน\r\n2. จัดทำคู่มือการป้องกันการรับสินบน\",สำนักปลัด,2023-10,2024-03,รายงานผลให้ผู้บริหารทราบ,done,ออกประกาศแล้ว ครบถ้วน\r\n\
2567,2,\"มาตรการ \"\"เปิดเผยข้อมูล\"\", ต่อสาธารณะ\",1. เผยแพร่ข้อมูลตามมาตรา ๙,กองคลัง,2023-10,2024-09,,,\r\n";
    let actual = site.read("public/measures/2567/measures.csv");
    assert_eq!(actual, expected);
}

#[test]
fn feed_is_exactly_the_announcements_newest_first() {
    let site = fixture();
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th">
  <id>https://www.example.go.th/announcements/</id>
  <title>ประกาศ เทศบาลตำบลทดสอบ</title>
  <updated>2024-02-01T00:00:00+07:00</updated>
  <link rel="self" href="https://www.example.go.th/feed.xml"/>
  <link rel="alternate" type="text/html" href="https://www.example.go.th/announcements/"/>
  <author><name>เทศบาลตำบลทดสอบ</name></author>
  <entry>
    <id>https://www.example.go.th/announcements/budget-hearing/</id>
    <title>ประกาศ เรื่อง รับฟังความคิดเห็น &amp; ข้อเสนอแนะ &lt;งบประมาณ&gt;</title>
    <link rel="alternate" type="text/html" href="https://www.example.go.th/announcements/budget-hearing/"/>
    <published>2024-01-15T00:00:00+07:00</published>
    <updated>2024-02-01T00:00:00+07:00</updated>
    <summary>เชิญประชาชนร่วมแสดงความคิดเห็นต่อร่างข้อบัญญัติงบประมาณ</summary>
  </entry>
  <entry>
    <id>https://www.example.go.th/announcements/office-hours/</id>
    <title>ประกาศ เรื่อง เวลาทำการ</title>
    <link rel="alternate" type="text/html" href="https://www.example.go.th/announcements/office-hours/"/>
    <published>2023-11-01T00:00:00+07:00</published>
    <updated>2023-11-01T00:00:00+07:00</updated>
    <summary>เวลาทำการ สำนักงานเปิด วันจันทร์ถึงวันศุกร์ เวลา 08.30 - 16.30 น.</summary>
  </entry>
</feed>
"#;
    assert_eq!(site.read("public/feed.xml"), expected);
}

#[test]
fn robots_txt_points_at_the_sitemap() {
    let site = fixture();
    assert_eq!(
        site.read("public/robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://www.example.go.th/sitemap.xml\n"
    );
}

#[test]
fn feed_of_a_site_under_a_sub_path_uses_it_everywhere() {
    let site = fixture();
    site.run(&["build", "--base-url", "https://www.example.go.th/ita"])
        .success();
    let feed = site.read("public/feed.xml");
    let urls: Vec<&str> = feed
        .split(['<', '>', '"'])
        .filter(|s| s.starts_with("https://"))
        .collect();
    // The feed's id and two links, and each entry's id and link.
    assert_eq!(urls.len(), 7, "{feed}");
    for url in urls {
        assert!(
            url.starts_with("https://www.example.go.th/ita/"),
            "{url} in\n{feed}"
        );
    }
}

#[test]
fn a_page_s_source_has_its_addresses_as_written_and_its_markup_characters_escaped() {
    let site = fixture();
    let page = site.read("public/announcements/budget-hearing/index.html");
    assert!(
        page.contains("<title>ประกาศ เรื่อง รับฟังความคิดเห็น &amp; ข้อเสนอแนะ &lt;งบประมาณ&gt;"),
        "{page}"
    );
    assert!(
        page.contains(r#"href="/static/"#) && page.contains(r#"href="/announcements/""#),
        "{page}"
    );
    for (path, bytes) in site.public().0 {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("&#x2f;"), "{path} writes / as &#x2f;");
    }
}
