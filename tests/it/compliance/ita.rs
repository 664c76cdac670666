//! `/ita/YEAR/` and `ita-YEAR.csv`: the assessment's items with the URLs that answer them.

use super::*;

// ---- 5. /ita/YEAR/ and ita-YEAR.csv ----

/// A group of an ITA catalog: code, title, items (code, title).
type Group = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The ITA 2566 list as agencies publish it, with the sources in docs/sources.md: full titles,
/// so no two rows read the same (o26 and o38 are different annual reports).
const ITA_2566: [Group; 7] = [
    (
        "9.1",
        "ข้อมูลพื้นฐาน",
        &[
            ("o1", "โครงสร้าง"),
            ("o2", "ข้อมูลผู้บริหาร"),
            ("o3", "อำนาจหน้าที่"),
            ("o4", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"),
            ("o5", "ข้อมูลการติดต่อ"),
            ("o6", "กฎหมายที่เกี่ยวข้อง"),
            ("o7", "ข่าวประชาสัมพันธ์"),
            ("o8", "Q&A"),
            ("o9", "Social Network"),
            ("o10", "นโยบายคุ้มครองข้อมูลส่วนบุคคล"),
        ],
    ),
    (
        "9.2",
        "การบริหารงาน",
        &[
            ("o11", "แผนดำเนินงานและการใช้งบประมาณประจำปี"),
            (
                "o12",
                "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน",
            ),
            ("o13", "รายงานผลการดำเนินงานประจำปี"),
            ("o14", "คู่มือหรือมาตรฐานการปฏิบัติงาน"),
            ("o15", "คู่มือหรือมาตรฐานการให้บริการ"),
            ("o16", "ข้อมูลเชิงสถิติการให้บริการ"),
            ("o17", "รายงานผลการสำรวจความพึงพอใจการให้บริการ"),
            ("o18", "E-Service"),
        ],
    ),
    (
        "9.3",
        "การจัดซื้อจัดจ้าง",
        &[
            ("o19", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ"),
            ("o20", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"),
            ("o21", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
            ("o22", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"),
        ],
    ),
    (
        "9.4",
        "การบริหารและพัฒนาทรัพยากรบุคคล",
        &[
            ("o23", "นโยบายหรือแผนการบริหารทรัพยากรบุคคล"),
            ("o24", "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล"),
            ("o25", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล"),
            ("o26", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"),
        ],
    ),
    (
        "9.5",
        "การส่งเสริมความโปร่งใส",
        &[
            ("o27", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
            ("o28", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
            ("o29", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
            ("o30", "การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
        ],
    ),
    (
        "10.1",
        "การดำเนินการเพื่อป้องกันการทุจริต",
        &[
            ("o31", "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่"),
            ("o32", "การสร้างวัฒนธรรม No Gift Policy"),
            ("o33", "รายงานผลตามนโยบาย No Gift Policy"),
            ("o34", "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี"),
            ("o35", "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ"),
            ("o36", "แผนปฏิบัติการป้องกันการทุจริต"),
            (
                "o37",
                "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
            ),
            ("o38", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"),
        ],
    ),
    (
        "10.2",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        &[
            ("o39", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ"),
            ("o40", "การขับเคลื่อนจริยธรรม"),
            ("o41", "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ"),
            ("o42", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
            (
                "o43",
                "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            ),
        ],
    ),
];

pub(super) const BASE: &str = "https://www.example.go.th/";

/// One row of the ITA table: code, title, the URLs linked, or `None` when it says missing.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ItaRow {
    code: String,
    title: String,
    urls: Option<Vec<String>>,
    description: String,
}

/// The groups of /ita/YEAR/: (heading, rows).
fn ita_groups(html: &str) -> Vec<(String, Vec<ItaRow>)> {
    html.split("<section aria-labelledby=\"g-")
        .skip(1)
        .map(|section| {
            let section = &section[..section.find("</section>").expect("closing </section>")];
            let heading = text_of(
                between(section, "<h2", "</h2>")
                    .split_once('>')
                    .expect("<h2>")
                    .1,
            );
            let rows = section
                .split("<tr id=\"")
                .skip(1)
                .map(|tr| {
                    let tr = &tr[..tr.find("</tr>").expect("closing </tr>")];
                    let code = text_of(between(tr, "<th scope=\"row\">", "</th>"));
                    let cells: Vec<&str> = tr.split("<td").skip(1).collect();
                    let cell = |c: &str| text_of(&c[c.find('>').expect("end of <td>") + 1..]);
                    let missing = tr.contains("class=\"missing\"");
                    ItaRow {
                        code,
                        title: cell(cells[0]).replace("</td>", ""),
                        urls: if missing {
                            assert_eq!(cell(cells[1]), "ยังไม่มีข้อมูล");
                            None
                        } else {
                            Some(attribute_values(tr, "href"))
                        },
                        description: if missing {
                            String::new()
                        } else {
                            cell(cells[2])
                        },
                    }
                })
                .collect();
            (heading, rows)
        })
        .collect()
}

/// The fields of a CSV file (RFC 4180: quotes, doubled quotes, line breaks inside quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a line ends with LF alone"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row has no CRLF"
    );
    rows
}

/// `public/ita/YEAR/ita-YEAR.csv`: it starts with a byte-order mark; its rows.
#[track_caller]
pub(super) fn ita_csv(site: &TestSite, year: &str) -> Vec<Vec<String>> {
    let text = site.read(&format!("public/ita/{year}/ita-{year}.csv"));
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("ita-{year}.csv has no byte-order mark"));
    let rows = parse_csv(body);
    assert_eq!(
        rows[0],
        [
            "group",
            "item",
            "title",
            "status",
            "urls",
            "descriptions",
            "topics",
        ]
    );
    rows[1..].to_vec()
}

fn built_complete() -> TestSite {
    let site = complete();
    site.build().success();
    site
}

#[test]
fn ita_page_lists_every_item_of_the_2566_catalog_grouped_as_the_assessment_groups_them() {
    let site = built_complete();
    let html = page(&site, "ita/2566/");
    assert_eq!(
        h1(&html),
        "การเปิดเผยข้อมูลสาธารณะ (OIT) ตามการประเมิน ITA ปี ๒๕๖๖"
    );
    let groups = ita_groups(&html);
    let shape: Vec<(String, Vec<(String, String)>)> = groups
        .iter()
        .map(|(h, rows)| {
            (
                h.clone(),
                rows.iter()
                    .map(|r| (r.code.clone(), r.title.clone()))
                    .collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<(String, String)>)> = ITA_2566
        .iter()
        .map(|(code, title, items)| {
            (
                format!("{code} {title}"),
                items
                    .iter()
                    .map(|(c, t)| ((*c).to_owned(), (*t).to_owned()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(shape, expected);
    assert_eq!(expected.iter().map(|(_, r)| r.len()).sum::<usize>(), 43);
    assert!(
        text_of(&html).contains("มีข้อมูลแล้ว ๔๓ จาก ๔๓ ข้อ"),
        "every item answered"
    );
    assert!(groups.iter().flat_map(|(_, r)| r).all(|r| r.urls.is_some()));
}

#[test]
fn ita_answers_are_absolute_urls_of_the_content_tagged_with_the_item_topics() {
    let site = built_complete();
    let groups = ita_groups(&page(&site, "ita/2566/"));
    let row = |code: &str| -> ItaRow {
        groups
            .iter()
            .flat_map(|(_, r)| r)
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("no {code}"))
            .clone()
    };
    let urls = |code: &str| row(code).urls.expect("answered");
    let abs = |p: &str| format!("{BASE}{p}");
    assert_eq!(urls("o1"), [abs("basic/")]);
    assert_eq!(row("o1").description, "หน้า \"ข้อมูลพื้นฐาน\"");
    // Typed records tag themselves: the plan, the reference price and the monthly results,
    // each with the per-project list that joins them.
    assert_eq!(
        urls("o19"),
        [
            abs("procurement/plans/2566/"),
            abs("procurement/projects/2566/")
        ]
    );
    assert_eq!(
        urls("o20"),
        [
            abs("procurement/reference-prices/road/"),
            abs("procurement/projects/2566/")
        ]
    );
    assert_eq!(
        urls("o21"),
        [
            abs("procurement/results/2566/"),
            abs("procurement/projects/2566/")
        ]
    );
    assert!(
        row("o21").description.contains("(เผยแพร่แล้ว ๑๒ เดือน)"),
        "{}",
        row("o21").description
    );
    assert_eq!(urls("o31"), [abs("announcements/no-gift/")]);
    assert_eq!(
        row("o31").description,
        "หน้าประกาศ: ประกาศ เรื่อง เจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ 2566 (ลงวันที่ ๒๐ ต.ค. ๒๕๖๕)"
    );
    assert_eq!(urls("o42"), [abs("measures/2566/")]);
    // The measures' report, at its heading.
    assert_eq!(urls("o43"), [abs("measures/2566/#h-results")]);
    // Every URL of the page leads to a built file.
    let mut checked = 0;
    for r in groups.iter().flat_map(|(_, r)| r) {
        for url in r.urls.iter().flatten() {
            lands(&site, BASE, url).unwrap_or_else(|e| panic!("{}: {e}", r.code));
            checked += 1;
        }
    }
    assert!(checked >= 43, "only {checked} URLs");
}

#[test]
fn ita_item_with_nothing_says_so_on_the_page_and_in_the_csv() {
    let site = complete().replace(ADMINISTRATION, "progress_report_6m, ", "");
    site.build().success();
    let html = page(&site, "ita/2566/");
    let o12 = ita_groups(&html)
        .into_iter()
        .flat_map(|(_, r)| r)
        .find(|r| r.code == "o12")
        .expect("o12");
    assert_eq!(o12.urls, None);
    assert!(text_of(&html).contains("มีข้อมูลแล้ว ๔๒ จาก ๔๓ ข้อ"));
    let rows = ita_csv(&site, "2566");
    let missing: Vec<&Vec<String>> = rows.iter().filter(|r| r[3] == "missing").collect();
    assert_eq!(
        missing,
        [&vec![
            "9.2".to_owned(),
            "o12".into(),
            "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน".into(),
            "missing".into(),
            String::new(),
            String::new(),
            "progress_report_6m".into(),
        ]]
    );
}

#[test]
fn ita_csv_has_one_row_per_item_in_catalog_order() {
    let site = built_complete();
    let rows = ita_csv(&site, "2566");
    let expected: Vec<(String, String, String)> = ITA_2566
        .iter()
        .flat_map(|(g, _, items)| {
            items
                .iter()
                .map(move |(c, t)| ((*g).to_owned(), (*c).to_owned(), (*t).to_owned()))
        })
        .collect();
    let actual: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect();
    assert_eq!(actual, expected);
    assert!(rows.iter().all(|r| r.len() == 7 && r[3] == "answered"));
    // Several answers: one URL per line of the cell, their descriptions likewise.
    let o19 = rows.iter().find(|r| r[1] == "o19").expect("o19");
    assert_eq!(
        o19[4],
        format!("{BASE}procurement/plans/2566/\r\n{BASE}procurement/projects/2566/")
    );
    assert_eq!(
        o19[5],
        "ตารางแผนการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. ๒๕๖๖ (๓ รายการ)\r\nตารางรายโครงการ (แผน ราคากลาง ผลการจัดซื้อจัดจ้าง) ปีงบประมาณ พ.ศ. ๒๕๖๖"
    );
    assert_eq!(o19[6], "procurement_plan");
    // The page links the same table.
    assert!(
        attribute_values(&page(&site, "ita/2566/"), "href")
            .contains(&"/ita/2566/ita-2566.csv".to_owned())
    );
    // And the CSV and the page agree.
    let groups = ita_groups(&page(&site, "ita/2566/"));
    for r in &rows {
        let on_page = groups
            .iter()
            .flat_map(|(_, rows)| rows)
            .find(|x| x.code == r[1])
            .expect("on the page");
        assert_eq!(on_page.urls.clone().unwrap_or_default().join("\r\n"), r[4]);
    }
}

#[test]
fn ita_csv_is_identical_from_one_build_to_the_next() {
    let site = built_complete();
    let first = site.read_bytes("public/ita/2566/ita-2566.csv");
    site.build().success();
    assert_eq!(site.read_bytes("public/ita/2566/ita-2566.csv"), first);
    // Built from scratch in another folder.
    let other = built_complete();
    assert_eq!(other.read_bytes("public/ita/2566/ita-2566.csv"), first);
    // The ITA page as well.
    assert_eq!(page(&other, "ita/2566/"), page(&site, "ita/2566/"));
}

#[test]
fn ita_urls_of_a_site_under_a_sub_path_carry_it_and_resolve() {
    let site = complete().replace(
        "content/site.yaml",
        "base_url: https://www.example.go.th/",
        "base_url: https://www.example.go.th/sub/",
    );
    site.build().success();
    let base = "https://www.example.go.th/sub/";
    let rows = ita_csv(&site, "2566");
    let mut checked = 0;
    for r in &rows {
        for url in r[4].split("\r\n") {
            lands(&site, base, url).unwrap_or_else(|e| panic!("{}: {e}", r[1]));
            checked += 1;
        }
    }
    assert!(checked >= 43);
    let o43 = rows.iter().find(|r| r[1] == "o43").expect("o43");
    assert_eq!(o43[4], format!("{base}measures/2566/#h-results"));
    for (_, rows) in ita_groups(&page(&site, "ita/2566/")) {
        for r in rows {
            for url in r.urls.iter().flatten() {
                lands(&site, base, url).unwrap_or_else(|e| panic!("{}: {e}", r.code));
            }
        }
    }
    // /section9/ too.
    for link in attribute_values(&page(&site, "section9/"), "href") {
        if link.starts_with('/') {
            lands(&site, "/sub/", &link).unwrap_or_else(|e| panic!("section9: {e}"));
        }
    }
}

#[test]
fn ita_item_is_missing_when_the_year_lacks_the_record_the_per_project_list_would_show() {
    // Without a plan the per-project list still exists (the year has results), but it
    // answers neither o19 nor stands in for the plan.
    let site = complete()
        .remove(PLAN)
        .replace(ROAD, "plan_item: \"66-002\"\n", "")
        .replace(NOV, "    plan_item: \"66-001\"\n", "")
        .replace(FEB, "    plan_item: \"66-002\"\n", "");
    site.build().success();
    let rows = ita_csv(&site, "2566");
    let status = |code: &str| rows.iter().find(|r| r[1] == code).expect("a row")[3].clone();
    assert_eq!(status("o19"), "missing");
    assert_eq!(status("o20"), "answered");
    assert_eq!(status("o21"), "answered");
    assert!(site.exists("public/procurement/projects/2566/index.html"));
}

const CUSTOM_2566: &str = "\
year: 2566
groups:
  - code: A
    title: กลุ่มทดสอบ
    items:
      - code: x1
        title: โครงสร้างและผู้บริหาร
        topics: [structure, executives]
      - code: x2
        title: ข้อที่ยังไม่มีใครตอบ
        topics: [hr_policy_actions]
";

#[test]
fn site_catalog_replaces_the_built_in_one_of_its_year() {
    let site = complete()
        .replace("content/pages/hr.md", "hr_policy_actions, ", "")
        .file("content/ita/2566.yaml", CUSTOM_2566);
    site.build().success();
    let groups = ita_groups(&page(&site, "ita/2566/"));
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].0, "A กลุ่มทดสอบ");
    let codes: Vec<&str> = groups[0].1.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["x1", "x2"]);
    assert_eq!(groups[0].1[0].urls, Some(vec![format!("{BASE}basic/")]));
    assert_eq!(groups[0].1[1].urls, None);
    let rows = ita_csv(&site, "2566");
    let items: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[1].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(items, [("x1", "answered"), ("x2", "missing")]);
    // The report follows the site's catalog: x2 is missing, o1...o43 are gone.
    let found = findings(&site, "2566-09-30", "th");
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        ["ITA 2566 ข้อ x2 ข้อที่ยังไม่มีใครตอบ: ยังไม่มีเนื้อหาที่ตอบข้อนี้"]
    );
    assert_eq!(
        found[0].rule,
        "ITA 2566 ตัวชี้วัดการเปิดเผยข้อมูล (OIT) A กลุ่มทดสอบ"
    );
}

#[test]
fn site_catalog_of_a_new_year_adds_that_year() {
    let site = complete()
        .replace("content/pages/hr.md", "hr_policy_actions, ", "")
        .file(
            "content/ita/2569.yaml",
            &CUSTOM_2566.replace("year: 2566", "year: 2569"),
        )
        // Content of fiscal year 2569 brings its page.
        .file(
            "content/announcements/hr-2569.md",
            "---\ntitle: ประกาศ เรื่อง การดำเนินการตามนโยบายบริหารทรัพยากรบุคคล\ndate: 2568-11-01\ntopics: [hr_policy_actions]\n---\nประกาศ\n",
        );
    site.build().success();
    let groups = ita_groups(&page(&site, "ita/2569/"));
    let rows: Vec<(&str, bool)> = groups[0]
        .1
        .iter()
        .map(|r| (r.code.as_str(), r.urls.is_some()))
        .collect();
    assert_eq!(rows, [("x1", true), ("x2", true)]);
    assert_eq!(
        groups[0].1[1].urls,
        Some(vec![format!("{BASE}announcements/hr-2569/")])
    );
    assert_eq!(ita_csv(&site, "2569").len(), 2);
    // 2566 keeps the built-in catalog; years without content have no page.
    assert_eq!(ita_csv(&site, "2566").len(), 43);
    assert!(!site.exists("public/ita/2567/index.html"));
    assert!(!site.exists("public/ita/2568/index.html"));
}

#[test]
fn site_that_follows_a_year_gets_its_page_and_its_report() {
    let site = complete()
        .replace("content/pages/hr.md", "hr_policy_actions, ", "")
        .file(
            "content/ita/2569.yaml",
            &CUSTOM_2566.replace("year: 2566", "year: 2569"),
        )
        .replace(
            "content/site.yaml",
            "fiscal_year: 2566\n",
            "fiscal_year: 2566\nita_year: 2569\n",
        );
    site.build().success();
    assert!(site.exists("public/ita/2569/ita-2569.csv"));
    let found = findings(&site, "2566-09-30", "th");
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        ["ITA 2569 ข้อ x2 ข้อที่ยังไม่มีใครตอบ: ยังไม่มีเนื้อหาที่ตอบข้อนี้"]
    );
}

#[test]
fn catalog_naming_an_unknown_topic_is_an_error_at_its_line() {
    // "executive" is "executives" less a letter; the error is on x2's line, not on x1's.
    let site = complete().file(
        "content/ita/2566.yaml",
        &CUSTOM_2566.replace("[hr_policy_actions]", "[executive]"),
    );
    let line = line_of(&site, "content/ita/2566.yaml", "[executive]");
    assert_eq!(line, 11);
    site.check().failure().stderr_has(&format!(
        "ข้อผิดพลาด: content/ita/2566.yaml:{line}:18: ข้อ x2 ใช้หัวข้อ \"executive\" ที่ไม่รู้จัก"
    ));
    site.build().failure();
    let out = site.run(&["check", "--format", "json"]);
    out.failure();
    let json = out.json();
    let d = &json["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "content/ita/2566.yaml");
    assert_eq!(d["line"], line);
}

#[test]
fn catalog_whose_year_differs_from_its_file_name_is_an_error() {
    let site = complete().file(
        "content/ita/2569.yaml",
        &CUSTOM_2566.replace("year: 2566", "year: 2568"),
    );
    site.check()
        .failure()
        .stderr_has("ข้อผิดพลาด: content/ita/2569.yaml:1:1: ปีในไฟล์ (2568) ไม่ตรงกับชื่อไฟล์ (2569.yaml)");
}

#[test]
fn an_unconfirmed_catalog_is_said_to_staff_not_on_the_public_page() {
    let site = complete().file(
        "content/announcements/news-2569.md",
        "---\ntitle: ข่าวประชาสัมพันธ์ ปีงบประมาณ 2569\ndate: 2568-11-01\ntopics: [news]\n---\nข่าว\n",
    );
    site.build().success();
    let html = page(&site, "ita/2569/");
    assert!(
        !html.contains("ยังไม่ยืนยัน") && !html.contains("class=\"notice\""),
        "{html}"
    );
    let rows: Vec<ItaRow> = ita_groups(&html).into_iter().flat_map(|(_, r)| r).collect();
    assert_eq!(rows.len(), 24);
    let csv = ita_csv(&site, "2569");
    assert!(csv.iter().all(|r| r.len() == 7));
    // Staff hear it from check.
    site.run(&["check", "--as-of", "2569-06-01"])
        .success()
        .stderr_has("รายการข้อของ ITA ปี 2569 ยังไม่ได้ตรวจกับคู่มือการประเมินฉบับทางการของ ป.ป.ช.");
}
