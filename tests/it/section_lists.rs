//! A section's list stays small on a big site: past 200 documents `/announcements/` shows the
//! newest and a page per fiscal year, and a fiscal year past 200 a page per month. Every
//! document is on exactly one of those pages; a document may not take one of their addresses.

use std::collections::BTreeMap;

use crate::support::{TestSite, attribute_values, between, text_of};

/// `n` announcements a fiscal year (BE), dated over its twelve months in turn; the title
/// names the year and the number.
fn site_with(years: &[(i32, usize)]) -> TestSite {
    let mut site = TestSite::minimal().remove("content/announcements/first.md");
    for &(fy, n) in years {
        for i in 0..n {
            // October of the year before to September.
            let m = i % 12;
            let (year, month) = if m < 3 { (fy - 1, 10 + m) } else { (fy, m - 2) };
            let day = 1 + (i / 12) % 28;
            site = site.file(
                &format!("content/announcements/a{fy}-{i:03}.md"),
                &format!(
                    "---\ntitle: ประกาศ ปี {fy} ฉบับที่ {i:03}\ndate: {year}-{month:02}-{day:02}\n---\nเนื้อหา\n"
                ),
            );
        }
    }
    site
}

#[track_caller]
fn page(site: &TestSite, rel: &str) -> String {
    site.read(&format!("public/{rel}index.html"))
}

/// The values of attribute `name` in the page's document lists, in order.
fn in_lists(html: &str, name: &str) -> Vec<String> {
    html.split("<ul class=\"doc-list\">")
        .skip(1)
        .flat_map(|list| attribute_values(between(list, "", "</ul>"), name))
        .collect()
}

/// The links of the page's document lists, in order.
fn listed(html: &str) -> Vec<String> {
    in_lists(html, "href")
}

/// The page's links to the rest of its list, with the text beside each (none when the page
/// holds its whole list).
fn parts(html: &str) -> Vec<(String, String)> {
    if !html.contains("<ul class=\"part-list\">") {
        return Vec::new();
    }
    let list = between(html, "<ul class=\"part-list\">", "</ul>");
    list.split("<li>")
        .skip(1)
        .map(|li| {
            let li = between(li, "", "</li>");
            (attribute_values(li, "href").remove(0), text_of(li))
        })
        .collect()
}

#[test]
fn a_long_section_shows_its_newest_and_a_page_per_fiscal_year_and_per_month() {
    let site = site_with(&[(2567, 230), (2566, 30)]);
    site.build().success();
    let all: Vec<String> = site
        .public()
        .paths()
        .filter_map(|p| p.strip_suffix("index.html"))
        .filter(|p| p.starts_with("announcements/a"))
        .map(|p| format!("/{p}"))
        .collect();
    assert_eq!(all.len(), 260);

    // The section's page: the twenty newest, then each fiscal year with its count.
    let main = page(&site, "announcements/");
    let newest = listed(&main);
    assert_eq!(newest.len(), 20, "the newest twenty");
    assert!(text_of(&main).contains("ล่าสุด"));
    assert_eq!(
        parts(&main),
        [
            (
                "/announcements/2567/".to_owned(),
                "ปีงบประมาณ พ.ศ. ๒๕๖๗ (๒๓๐ รายการ)".to_owned()
            ),
            (
                "/announcements/2566/".to_owned(),
                "ปีงบประมาณ พ.ศ. ๒๕๖๖ (๓๐ รายการ)".to_owned()
            ),
        ]
    );
    assert!(main.len() < 30_000, "{} bytes", main.len());

    // A short year is one page; a long one links a page per month, newest first.
    let short = page(&site, "announcements/2566/");
    assert!(text_of(&short).contains("ประกาศ ปีงบประมาณ พ.ศ. ๒๕๖๖"));
    assert_eq!(listed(&short).len(), 30);
    let long = page(&site, "announcements/2567/");
    assert!(listed(&long).is_empty(), "months only");
    let months = parts(&long);
    assert_eq!(months.len(), 12);
    assert_eq!(
        months[0],
        (
            "/announcements/2567/2024-09/".to_owned(),
            "กันยายน ๒๕๖๗ (๑๙ รายการ)".to_owned()
        )
    );
    assert_eq!(months[11].0, "/announcements/2567/2023-10/");

    // Every announcement is on exactly one page of its year, newest first there; the twenty
    // newest open the newest month.
    let mut on: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut lists = vec!["announcements/2566/".to_owned()];
    lists.extend(months.iter().map(|(href, _)| href[1..].to_owned()));
    for rel in &lists {
        let html = page(&site, rel);
        assert!(html.len() < 100_000, "{rel}: {} bytes", html.len());
        let docs = listed(&html);
        let dates = in_lists(&html, "datetime");
        assert!(
            dates.windows(2).all(|w| w[0] >= w[1]),
            "{rel}: newest first"
        );
        for d in docs {
            on.entry(d).or_default().push(rel.clone());
        }
    }
    let mut expected = all.clone();
    expected.sort();
    assert_eq!(on.keys().cloned().collect::<Vec<_>>(), expected);
    assert!(on.values().all(|pages| pages.len() == 1), "{on:?}");
    assert_eq!(
        newest[..19],
        listed(&page(&site, "announcements/2567/2024-09/"))[..]
    );
    assert!(
        !main.contains("ฉบับที่ 000"),
        "the oldest is on its month's page only"
    );

    // Breadcrumbs lead back up; every link of the lists lands on a built page; the sitemap
    // has them all.
    let month = page(&site, "announcements/2567/2023-10/");
    let trail = between(&month, "<nav class=\"breadcrumb", "</nav>");
    assert_eq!(
        attribute_values(trail, "href"),
        ["/", "/announcements/", "/announcements/2567/"]
    );
    assert!(text_of(trail).ends_with("ตุลาคม ๒๕๖๖"));
    let sitemap = site.read("public/sitemap.xml");
    for rel in lists
        .iter()
        .chain(["announcements/2567/".to_owned()].iter())
    {
        assert!(sitemap.contains(&format!("/{rel}</loc>")), "{rel}");
        for href in listed(&page(&site, rel))
            .into_iter()
            .chain(parts(&page(&site, rel)).into_iter().map(|p| p.0))
        {
            assert!(
                site.path(&format!("public{href}index.html")).is_file(),
                "{rel}: {href}"
            );
        }
    }
}

#[test]
fn a_short_section_is_one_page_by_fiscal_year() {
    let site = site_with(&[(2567, 150), (2566, 50)]);
    site.build().success();
    let main = page(&site, "announcements/");
    assert_eq!(listed(&main).len(), 200);
    assert!(!main.contains("part-list"));
    assert!(main.contains("id=\"fy-2567\"") && main.contains("id=\"fy-2566\""));
    assert!(!site.exists("public/announcements/2567/index.html"));
}

#[test]
fn a_document_at_a_fiscal_year_list_s_address_is_refused_and_public_is_kept() {
    let doc = "---\ntitle: ประกาศ ๒๕๖๗\ndate: 2567-01-05\n---\nเนื้อหา\n";
    // In a short section the address is free.
    let site = site_with(&[(2567, 5)]).file("content/announcements/2567.md", doc);
    site.build().success();
    assert!(site.exists("public/announcements/2567/index.html"));

    let site = site_with(&[(2567, 210)]);
    site.build().success();
    let before = site.public();
    let site = site.file("content/announcements/2567.md", doc);
    site.build()
        .code(1)
        .stderr_has("D0105")
        .stderr_has("2567.md")
        .stderr_has("/announcements/2567/")
        .stderr_has("slug:");
    before.assert_same(&site.public());

    // A slug of its own puts it right.
    let site = site.replace(
        "content/announcements/2567.md",
        "title:",
        "slug: notice-2567\ntitle:",
    );
    site.build().success();
    assert!(site.exists("public/announcements/notice-2567/index.html"));
    assert!(
        listed(&page(&site, "announcements/2567/2024-01/"))
            .contains(&"/announcements/notice-2567/".to_owned())
    );
}
