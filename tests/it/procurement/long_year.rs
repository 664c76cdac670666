//! A year with many สขร.1 rows: the year's page becomes a summary of the months with a page per
//! month, every link to a row (search, plan, projects, ITA) leads to the row on its month's
//! page, and every page stays small enough for a phone on a slow line. A short year keeps one
//! page.

use crate::support;

use support::TestSite;

/// A month's results file with `n` rows.
fn month(month: &str, n: usize) -> String {
    let mut s = format!("month: {month}\nitems:\n");
    for i in 1..=n {
        s.push_str(&format!(
            "  - title: จัดซื้อวัสดุงานบ้านงานครัว รายการที่ {i} เดือน {month}\n    budget: {b}\n    reference_price: {b}\n    method: specific\n    bids:\n      - {{bidder: ร้านตัวอย่างพาณิชย์สาขา {i}, price: {p}}}\n    winner: {{name: ร้านตัวอย่างพาณิชย์สาขา {i}, price: {p}}}\n    reason: เป็นผู้เสนอราคาต่ำสุด มีคุณสมบัติครบถ้วน และเสนอราคาไม่เกินวงเงินที่จะซื้อ\n    contract: {{number: \"{i}/2565\", date: {month}-20}}\n",
            b = 10_000 + i * 100,
            p = 9_900 + i * 100,
        ));
    }
    s
}

fn long_year() -> TestSite {
    let site = TestSite::example()
        .file(
            "content/procurement/results/2565-01.yaml",
            &month("2565-01", 30),
        )
        .file(
            "content/procurement/results/2565-02.yaml",
            &month("2565-02", 25),
        );
    site.build().success();
    site
}

#[test]
fn a_long_year_has_a_page_per_month_and_a_summary() {
    let site = long_year();
    let year = support::decode_entities(&site.read("public/procurement/results/2565/index.html"));
    // The summary links every month and holds no rows.
    assert!(
        !year.contains("id=\"r-2022-01-1\""),
        "rows are on the month pages"
    );
    for m in ["2022-01", "2022-02", "2021-10"] {
        assert!(
            year.contains(&format!("/procurement/results/2565/{m}/")),
            "the summary links {m}"
        );
    }
    let jan = site.read("public/procurement/results/2565/2022-01/index.html");
    assert!(jan.contains("id=\"r-2022-01-30\""), "the month's rows");
    assert!(!jan.contains("id=\"r-2022-02-1\""), "only that month's");
    assert!(
        jan.contains("aria-current=\"page\""),
        "the month is marked among the months"
    );
    // The short year keeps one page with every row.
    let y2566 = site.read("public/procurement/results/2566/index.html");
    assert!(y2566.contains("id=\"r-2022-11-1\""));
    assert!(!site.exists("public/procurement/results/2566/2022-11"));
    // Every page of the long year is under 100 KB.
    let public = site.public();
    let pages: Vec<&str> = public
        .paths()
        .filter(|p| p.starts_with("procurement/results/2565/") && p.ends_with(".html"))
        .collect();
    assert_eq!(pages.len(), 13, "the summary and twelve months: {pages:?}");
    for path in pages {
        let size = public.get(path).unwrap().len();
        assert!(size < 100 * 1024, "{path}: {size} bytes");
    }
}

#[test]
fn links_to_a_row_of_a_long_year_lead_to_its_month_page() {
    let site = long_year();
    let search = std::fs::read_dir(site.path("public/search/d"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(
        search.contains("procurement/results/2565/2022-02/#r-2022-02-25"),
        "search results link the row on its month's page"
    );
    assert!(!search.contains("procurement/results/2565/#r-"));
    // The section-9 list and ITA pages link the month pages (the build's link check has
    // already proved every link resolves).
    let section9 = support::decode_entities(&site.read("public/section9/index.html"));
    assert!(section9.contains("procurement/results/2565/2022-01/"));
    assert!(
        !section9.contains("procurement/results/2565/#"),
        "no section of the summary"
    );
    let projects =
        support::decode_entities(&site.read("public/procurement/projects/2565/index.html"));
    assert!(projects.contains("procurement/results/2565/2022-01/#r-2022-01-1\""));
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("procurement/results/2565/2022-01/"));
}
