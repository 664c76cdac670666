//! Good builds: the example site, built as a municipality would, checked page by page against
//! the official report it was typed from.

use crate::support;

use sha2::{Digest, Sha256};
use support::{TestSite, attribute_values, between, percent_decode, text_of, thai_digits};

/// The municipality's own report of its 2566 measures, as it was received (tab-separated
/// table rows, lines wrapped in places by the word processor).
const SEED: &str = include_str!("../fixtures/measures-report-2566.txt");

/// One row of the seed report's table.
#[derive(Debug)]
struct SeedMeasure {
    title: String,
    methods: Vec<String>,
    responsible: String,
    period: String,
    follow_up: String,
}

/// The eight measures of the seed report. Rows are the tab-separated lines that start with a
/// Thai-numeral number; the leading "๑. " is dropped and the methods are split on their
/// "๑. ", "๒. "... markers. The only other change is undoing two line-wrap artifacts of the
/// seed's word processor.
fn seed_measures() -> Vec<SeedMeasure> {
    let mut measures = Vec::new();
    for line in SEED.lines() {
        let line = line.replace("สำนักปลัด เทศบาล", "สำนักปลัดเทศบาล").replace(
            "รายงานผล การดำเนินการ ให้ผู้บริหารทราบ อย่างน้อยปีละ ๑ ครั้ง",
            "รายงานผลการดำเนินการให้ผู้บริหารทราบอย่างน้อยปีละ ๑ ครั้ง",
        );
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() != 5 || cols[0].starts_with("มาตรการ/แนวทาง") {
            continue;
        }
        let number = format!("{}. ", thai_digits(&(measures.len() + 1).to_string()));
        let title = cols[0]
            .strip_prefix(&number)
            .unwrap_or_else(|| panic!("seed row does not start with {number:?}: {line}"));
        measures.push(SeedMeasure {
            title: title.to_owned(),
            methods: split_numbered(cols[1]),
            responsible: cols[2].to_owned(),
            period: cols[3].to_owned(),
            follow_up: cols[4].to_owned(),
        });
    }
    assert_eq!(measures.len(), 8, "the seed report has eight measures");
    measures
}

/// "๑. ก ๒. ข" → ["ก", "ข"], splitting only on the markers in sequence.
fn split_numbered(text: &str) -> Vec<String> {
    let marker = |n: usize| format!("{}. ", thai_digits(&n.to_string()));
    let mut rest = text
        .strip_prefix(&marker(1))
        .unwrap_or_else(|| panic!("methods do not start with ๑.: {text}"));
    let mut methods = Vec::new();
    let mut n = 2;
    loop {
        match rest.find(&format!(" {}", marker(n))) {
            Some(i) => {
                methods.push(rest[..i].trim().to_owned());
                rest = &rest[i + 1 + marker(n).len()..];
                n += 1;
            }
            None => {
                methods.push(rest.trim().to_owned());
                return methods;
            }
        }
    }
}

fn built_example() -> TestSite {
    let site = TestSite::example();
    site.build().success();
    site
}

/// Every HTML file of `public/`, path → text.
fn html_pages(site: &TestSite) -> Vec<(String, String)> {
    site.public()
        .0
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("pages are UTF-8")))
        .collect()
}

/// Whether a site path (`/sub/measures/2566/`, without the base path removed) leads to a file of
/// the output, as a static web host would serve it.
fn resolves(site: &TestSite, base_path: &str, link: &str) -> bool {
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let Some(rel) = path.strip_prefix(base_path) else {
        return false;
    };
    let rel = percent_decode(rel);
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("public/{rel}index.html")
    } else {
        format!("public/{rel}")
    };
    site.path(&file).is_file() || site.path(&format!("public/{rel}/index.html")).is_file()
}

#[test]
fn example_site_builds() {
    let site = TestSite::example();
    site.build()
        .success()
        .stderr_lacks("ข้อผิดพลาด:")
        .stderr_lacks("คำเตือน:");
    for file in [
        "public/index.html",
        "public/measures/2566/index.html",
        "public/measures/2566/measures.csv",
        "public/measures/2566/measures.json",
        "public/announcements/index.html",
        "public/feed.xml",
        "public/sitemap.xml",
        "public/robots.txt",
        "public/404.html",
    ] {
        assert!(site.path(file).is_file(), "{file} was not written");
    }
}

#[test]
fn measures_page_shows_every_measure_and_method_of_the_official_report_in_order() {
    let site = built_example();
    let html = site.read("public/measures/2566/index.html");
    let body = between(&html, "<tbody", "</tbody>");
    let rows: Vec<&str> = body.split("<tr").skip(1).collect();
    let seed = seed_measures();
    assert_eq!(rows.len(), seed.len(), "one table row per measure");
    for (i, (row, want)) in rows.iter().zip(&seed).enumerate() {
        let text = text_of(row);
        assert!(
            text.contains(&want.title),
            "row {} should be {:?}, shows: {text}",
            i + 1,
            want.title
        );
        // The methods are numbered and in the order of the report.
        let mut from = 0;
        for (j, method) in want.methods.iter().enumerate() {
            let numbered = format!("{}. {method}", thai_digits(&(j + 1).to_string()));
            let at = text[from..].find(&numbered).unwrap_or_else(|| {
                panic!("row {} lacks method {numbered:?} in order: {text}", i + 1)
            });
            from += at + numbered.len();
        }
        assert!(text.contains(&want.responsible), "row {}: {text}", i + 1);
        assert!(text.contains(&want.follow_up), "row {}: {text}", i + 1);
        assert!(text.contains(&want.period), "row {} period: {text}", i + 1);
    }
}

#[test]
fn measures_period_reads_as_in_the_official_table() {
    let site = built_example();
    let text = text_of(&site.read("public/measures/2566/index.html"));
    assert_eq!(text.matches("ต.ค. ๖๕ - ก.ย. ๖๖").count(), 8, "{text}");
}

#[test]
fn measures_csv_opens_in_excel_with_thai_intact() {
    let site = built_example();
    let bytes = site.read_bytes("public/measures/2566/measures.csv");
    let csv = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .expect("the CSV starts with a UTF-8 byte-order mark");
    let text = std::str::from_utf8(csv).expect("the CSV is UTF-8");
    assert!(text.contains("\r\n"), "the CSV has CRLF line ends");
    assert!(
        !text.replace("\r\n", "").contains(['\n', '\r']),
        "every line end is CRLF"
    );
    assert!(text.ends_with("\r\n"));

    let mut reader = csv::Reader::from_reader(csv);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let seed = seed_measures();
    assert_eq!(rows.len(), 8, "eight data rows under the header");
    for (row, want) in rows.iter().zip(&seed) {
        assert!(
            row.iter().any(|cell| cell == want.title),
            "{row:?} lacks {:?}",
            want.title
        );
        assert!(row.iter().any(|cell| cell == want.responsible), "{row:?}");
        for method in &want.methods {
            assert!(
                row.iter().any(|cell| cell.contains(method.as_str())),
                "{row:?} lacks {method:?}"
            );
        }
    }
}

#[test]
fn measures_json_holds_the_eight_measures() {
    let site = built_example();
    let json: serde_json::Value =
        serde_json::from_slice(&site.read_bytes("public/measures/2566/measures.json"))
            .expect("measures.json is JSON");
    let measures = json["measures"].as_array().expect("a list of measures");
    let seed = seed_measures();
    assert_eq!(measures.len(), 8);
    for (m, want) in measures.iter().zip(&seed) {
        assert_eq!(m["title"], want.title.as_str());
        assert_eq!(m["methods"], serde_json::json!(want.methods));
        assert_eq!(m["responsible"], want.responsible.as_str());
    }
}

#[test]
fn announcements_are_listed_newest_first() {
    let site = built_example();
    let html = site.read("public/announcements/index.html");
    let main = between(&html, "<main", "</main>");
    let slugs: Vec<String> = attribute_values(main, "href")
        .into_iter()
        .filter_map(|h| {
            let slug = h.strip_prefix("/announcements/")?.strip_suffix('/')?;
            (!slug.is_empty()).then(|| slug.to_owned())
        })
        .collect();
    // Every announcement of content/announcements, once, newest date first.
    let dates = announcement_dates(&site);
    let mut listed: Vec<&String> = slugs.iter().collect();
    listed.sort();
    let mut expected: Vec<&String> = dates.keys().collect();
    expected.sort();
    assert_eq!(listed, expected, "each announcement listed once");
    let in_order: Vec<&str> = slugs.iter().map(|s| dates[s].as_str()).collect();
    let mut newest_first = in_order.clone();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(in_order, newest_first, "newest first");
}

/// Slug → `date:` (as written, BE `YYYY-MM-DD`) of every announcement of the example.
fn announcement_dates(site: &TestSite) -> std::collections::BTreeMap<String, String> {
    let dir = site.root().join("content/announcements");
    std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name()?.to_str()?.strip_suffix(".md")?.to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let date = text
                .lines()
                .find_map(|l| l.strip_prefix("date: "))?
                .trim()
                .to_owned();
            Some((name, date))
        })
        .collect()
}

#[test]
fn announcement_page_shows_number_thai_date_signatory_and_verifiable_attachments() {
    let site = built_example();
    let html = site.read("public/announcements/bribery-prevention/index.html");
    let text = text_of(&html);
    assert!(
        text.contains("ประกาศเทศบาลตำบลเพชรพะงัน เรื่อง มาตรการป้องกันการรับสินบน"),
        "title: {text}"
    );
    assert!(
        text.contains("๔๕/๒๕๖๖") || text.contains("45/2566"),
        "number: {text}"
    );
    // date: 2565-10-20, shown in Thai with the Buddhist Era year and the site's Thai digits.
    assert!(
        text.contains("๒๐ ตุลาคม ๒๕๖๕") || text.contains("๒๐ ต.ค. ๒๕๖๕"),
        "date: {text}"
    );
    assert!(text.contains("นายประเสริฐ ตัวอย่าง"), "signatory: {text}");
    assert!(text.contains("นายกเทศมนตรีตำบลเพชรพะงัน"), "position: {text}");

    for (file, title) in [
        ("bribery-prevention-announcement.pdf", "ประกาศฉบับลงนาม"),
        ("bribery-prevention-manual.pdf", "คู่มือการป้องกันการรับสินบน"),
    ] {
        let original = site.read_bytes(&format!("content/files/2566/{file}"));
        let href = format!("/files/2566/{file}");
        // The list of attachments comes under its heading, after the text (which may link to
        // the same files).
        let attachments = &html[html.rfind("เอกสารแนบ").expect("an attachments heading")..];
        let item = attachments
            .split("<li")
            .find(|li| attribute_values(li, "href").contains(&href))
            .unwrap_or_else(|| panic!("no list item links to {href}"));
        let item = text_of(item);
        assert!(item.contains(title), "{item}");
        let size = original.len().to_string();
        assert!(
            item.contains(&thai_digits(&size)) || item.contains(&size),
            "{file} is {size} bytes; the page says: {item}"
        );
        let sha: String = Sha256::digest(&original)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(
            item.contains(&sha),
            "SHA-256 {sha} of {file}; the page says: {item}"
        );
        assert_eq!(
            site.read_bytes(&format!("public/files/2566/{file}")),
            original,
            "the attachment is published byte for byte"
        );
    }
}

#[test]
fn feed_sitemap_robots_and_not_found_page_are_published() {
    let site = built_example();

    let feed = site.read("public/feed.xml");
    assert!(
        feed.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "{feed}"
    );
    assert!(
        feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""),
        "{feed}"
    );
    let published: Vec<&str> = feed
        .split("<published>")
        .skip(1)
        .map(|s| &s[..s.find('<').unwrap()])
        .collect();
    let announcements = announcement_dates(&site).len();
    assert_eq!(
        published.len(),
        announcements.min(50),
        "one entry per announcement"
    );
    let mut sorted = published.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(published, sorted, "newest entry first");

    let sitemap = site.read("public/sitemap.xml");
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    for page in site.public().paths().filter(|p| p.ends_with("index.html")) {
        let url = format!(
            "https://www.example.go.th/{}",
            page.trim_end_matches("index.html")
        );
        assert!(locs.contains(&url.as_str()), "the sitemap lacks {url}");
    }
    for loc in &locs {
        let link = loc
            .strip_prefix("https://www.example.go.th")
            .expect("absolute URL");
        assert!(
            resolves(&site, "/", link),
            "the sitemap lists {loc}, which is not built"
        );
    }

    let robots = site.read("public/robots.txt");
    assert!(
        robots.contains("Sitemap: https://www.example.go.th/sitemap.xml"),
        "{robots}"
    );

    let not_found = site.read("public/404.html");
    assert!(not_found.contains("<html"), "{not_found}");
    assert!(
        attribute_values(&not_found, "href")
            .iter()
            .any(|h| h == "/"),
        "links home"
    );
}

#[test]
fn every_link_of_every_page_leads_to_a_built_file() {
    let site = built_example();
    let mut checked = 0;
    for (page, html) in html_pages(&site) {
        for link in attribute_values(&html, "href")
            .into_iter()
            .chain(attribute_values(&html, "src"))
        {
            if link.starts_with('/') && !link.starts_with("//") {
                assert!(
                    resolves(&site, "/", &link),
                    "{page} links to {link}, which is not built"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} links found");
}

#[test]
fn base_url_with_a_sub_path_prefixes_every_link() {
    let site = TestSite::example();
    site.run(&["build", "--base-url", "https://example.go.th/sub/"])
        .success();
    let mut checked = 0;
    for (page, html) in html_pages(&site) {
        for link in attribute_values(&html, "href")
            .into_iter()
            .chain(attribute_values(&html, "src"))
        {
            if link.starts_with('/') && !link.starts_with("//") {
                assert!(
                    link.starts_with("/sub/"),
                    "{page} links to {link}, outside /sub/"
                );
                assert!(
                    resolves(&site, "/sub/", &link),
                    "{page} links to {link}, which is not built"
                );
                checked += 1;
            }
        }
        for canonical in attribute_values(&html, "href")
            .iter()
            .filter(|h| h.starts_with("http"))
        {
            assert!(
                !canonical.starts_with("https://www.example.go.th/"),
                "{page} still uses the base_url of site.yaml: {canonical}"
            );
        }
    }
    assert!(checked > 100, "only {checked} links found");

    let sitemap = site.read("public/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.go.th/sub/measures/2566/</loc>"),
        "{sitemap}"
    );
    let feed = site.read("public/feed.xml");
    assert!(
        feed.contains("href=\"https://example.go.th/sub/feed.xml\""),
        "{feed}"
    );
}

#[test]
fn a_new_build_replaces_the_previous_output_entirely() {
    let site = TestSite::example().file(
        "content/announcements/withdrawn-notice.md",
        "---\ntitle: ประกาศที่จะถอนออก\ndate: 2566-05-01\n---\nข้อความ\n",
    );
    site.build().success();
    assert!(site.exists("public/announcements/withdrawn-notice/index.html"));
    let site = site.remove("content/announcements/withdrawn-notice.md");
    site.build().success();
    assert!(
        !site.exists("public/announcements/withdrawn-notice"),
        "a deleted announcement stays published"
    );
    assert!(!site.read("public/sitemap.xml").contains("withdrawn-notice"));
    assert!(
        !site
            .read("public/announcements/index.html")
            .contains("withdrawn-notice")
    );
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The previous output, kept so the next build writes only what changed, and the
        // build cache (tests/it/build_cache.rs).
        .filter(|n| {
            n != "content" && n != "public" && n != ".public.prongsai" && n != ".prongsai-cache"
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "the build left {leftovers:?} in the site folder"
    );
}

#[test]
fn out_writes_the_site_where_asked_and_nowhere_else() {
    let site = TestSite::example();
    let out = site.path("www");
    site.run(&["build", "--out", out.to_str().unwrap()])
        .success();
    assert!(site.exists("www/measures/2566/index.html"));
    assert!(!site.exists("public"), "--out should leave public/ alone");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = TestSite::minimal().file(
        "content/announcements/draft.md",
        "---\ntitle: ฉบับร่างยังไม่เผยแพร่\ndate: 2566-02-01\ndraft: true\n---\nร่าง\n",
    );
    site.build().success();
    assert!(!site.exists("public/announcements/draft"));
    assert!(
        !site
            .read("public/announcements/index.html")
            .contains("ฉบับร่างยังไม่เผยแพร่")
    );
    assert!(!site.read("public/feed.xml").contains("ฉบับร่างยังไม่เผยแพร่"));

    site.run(&["build", "--drafts"]).success();
    assert!(
        site.read("public/announcements/draft/index.html")
            .contains("ฉบับร่างยังไม่เผยแพร่")
    );
}

#[test]
fn a_rebuild_writes_only_what_changed_and_keeps_the_output_whole() {
    let site = TestSite::example();
    site.build().success();
    site.build().success(); // the staging folder now holds the build before last
    let before = site.public();
    let out = site.run(&["build", "--lang", "en"]);
    out.success().stderr_has(", 0 written)");
    before.assert_same(&site.public());

    // One announcement changed: its page, the lists and the feed change; the output is the same
    // as a build from scratch.
    let site = site.replace(
        "content/announcements/no-gift-policy.md",
        "## หลักการและเหตุผล",
        "## หลักการและเหตุผลของประกาศ",
    );
    site.run(&["build", "--lang", "en"]).success();
    let incremental = site.public();
    std::fs::remove_dir_all(site.root().join("public")).unwrap();
    std::fs::remove_dir_all(site.root().join(".public.prongsai")).unwrap();
    site.build().success();
    incremental.assert_same(&site.public());
}

#[test]
fn a_staging_folder_left_inconsistent_is_put_right() {
    let site = TestSite::example().built_with_staging();
    // Damage the staging folder as an interrupted build might. (A file somebody else put there
    // stops the build instead: tests/ownership.rs.)
    let staging = site.root().join(".public.prongsai");
    std::fs::write(staging.join("index.html"), "half").unwrap();
    std::fs::remove_file(staging.join("feed.xml")).unwrap();
    std::fs::create_dir_all(staging.join("stray/dir")).unwrap();
    let expected = site.public();
    site.build().success();
    expected.assert_same(&site.public());
}

#[test]
fn a_new_announcement_leaves_the_other_documents_pages_as_they_were() {
    // What a deploy sends is what changed: a page that does not list the new announcement
    // must not change because the site's latest date did.
    let site = TestSite::example();
    site.run_env(&[("PRONGSAI_TODAY", "2569-12-05")], &["build"])
        .success();
    let before = site.public();
    let site = site.file(
        "content/announcements/new-2569.md",
        "---\ntitle: ประกาศใหม่\ndate: 2569-12-01\n---\nข้อความ\n",
    );
    site.run_env(&[("PRONGSAI_TODAY", "2569-12-05")], &["build"])
        .success();
    let after = site.public();
    for page in [
        "announcements/ethics-code/index.html",
        "announcements/bribery-prevention/index.html",
        "section9/index.html",
        "ita/2566/index.html",
    ] {
        assert!(before.0.contains_key(page), "{page} is built");
        assert!(before.0.get(page) == after.0.get(page), "{page} changed");
    }
    // The home page lists it and dates the content by it.
    let home = site.read("public/index.html");
    assert!(
        home.contains("ประกาศใหม่"),
        "the home page lists the new announcement"
    );
    assert!(
        home.contains("ปรับปรุงข้อมูลล่าสุด <time datetime=\"2026-12-01\">"),
        "{}",
        between(&home, "<footer", "</footer>")
    );
}

#[test]
fn unchanged_content_builds_the_same_files_on_another_day_and_says_when_the_content_changed() {
    let site = TestSite::example();
    site.run_env(&[("PRONGSAI_TODAY", "2569-12-05")], &["build"])
        .success();
    let first = site.public();
    // Months later, nothing edited: nothing to send to the host again.
    site.run_env(&[("PRONGSAI_TODAY", "2570-03-17")], &["build"])
        .success();
    first.assert_same(&site.public());
    // The footer dates the content: the example's latest record is the results of September 2566.
    let home = site.read("public/index.html");
    assert!(
        home.contains("ปรับปรุงข้อมูลล่าสุด <time datetime=\"2023-09-30\">๓๐ กันยายน ๒๕๖๖</time>"),
        "{}",
        between(&home, "<footer", "</footer>")
    );
    // A new announcement moves it.
    let site = site.file(
        "content/announcements/new-2567.md",
        "---\ntitle: ประกาศใหม่\ndate: 2566-11-02\n---\nข้อความ\n",
    );
    site.run_env(&[("PRONGSAI_TODAY", "2570-03-17")], &["build"])
        .success();
    assert!(
        site.read("public/index.html")
            .contains("ปรับปรุงข้อมูลล่าสุด <time datetime=\"2023-11-02\">"),
    );
}
