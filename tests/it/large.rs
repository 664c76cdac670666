//! Large inputs: a long dataset's page shows a preview and its files hold every row; a file
//! too large to hold in memory is refused with its size and what to do, and public/ is kept.

use crate::support;

use support::TestSite;

#[test]
fn a_long_dataset_page_previews_and_its_files_hold_every_row() {
    let mut csv = String::from("fiscal_year,quarter,received,resolved,in_progress,channel_note\n");
    for i in 0..2000 {
        csv.push_str(&format!(
            "2566,{},{},{},0,แถวที่ {i}\n",
            i % 4 + 1,
            i % 7,
            i % 7
        ));
    }
    let site = TestSite::example().file("content/data/complaint-statistics.csv", &csv);
    site.build().success();
    let page = site.read("public/data/complaint-statistics/index.html");
    assert_eq!(
        page.matches("<tr>").count(),
        1 + 500 + 1 + 6,
        "header, 500 rows, schema"
    );
    assert!(
        page.contains("แถวแรกจากทั้งหมด"),
        "the page says it is a preview"
    );
    let full = site.read("public/data/complaint-statistics/complaint-statistics.csv");
    assert_eq!(full.lines().count(), 2001);
    assert!(full.contains("แถวที่ 1999"));
}

#[test]
fn a_file_too_large_is_refused_with_its_size() {
    let site = TestSite::example();
    site.build().success();
    let before = site.public();
    // 65 MB of nothing (a sparse file): the size alone refuses it.
    let path = site.path("content/announcements/huge.md");
    std::fs::File::create(&path)
        .and_then(|f| f.set_len(65 * 1024 * 1024))
        .expect("a large file");
    site.build()
        .failure()
        .code(1)
        .stderr_has("content/announcements/huge.md")
        .stderr_has("ใหญ่เกินไป (65 MB")
        .stderr_has("PDF");
    assert_eq!(site.public(), before, "public/ untouched");
}
