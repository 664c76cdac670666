//! The commands other than a plain build: init, new, check, --help, and running where there is
//! no site.

use crate::support;

use support::{TestSite, run_in, text_of};

#[test]
fn init_creates_a_site_that_builds() {
    let parent = TestSite::empty();
    parent.run(&["init", "เว็บไซต์ใหม่"]).success();
    let root = parent.path("เว็บไซต์ใหม่");
    assert!(root.join("content/site.yaml").is_file());
    assert!(
        root.join("themes/local/templates/base.html").is_file(),
        "a copy-ready theme"
    );
    assert!(!root.join("public").exists(), "init does not build");

    run_in(&root, &["build"]).success();
    let measures = std::fs::read_to_string(root.join("public/measures/2566/index.html")).unwrap();
    assert!(text_of(&measures).contains("มาตรการตรวจสอบการใช้ดุลพินิจ"));
}

#[test]
fn init_refuses_a_folder_that_already_has_files() {
    let site = TestSite::empty().file("old/notes.txt", "บันทึกเดิม");
    let out = site.run(&["init", "old"]);
    assert_ne!(out.code, Some(0), "init into a used folder must fail");
    assert!(out.stderr.contains("old"), "{}", out.stderr);
    assert_eq!(site.read("old/notes.txt"), "บันทึกเดิม");
    assert!(
        !site.exists("old/content"),
        "nothing is written into a used folder"
    );
}

/// The page address `new announcement` gave the file (`slug: 2569-12-05`).
fn slug_of(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("slug: "))
        .unwrap_or_else(|| panic!("no slug in {text}"))
        .trim()
        .to_owned()
}

#[test]
fn new_announcement_is_a_draft_that_builds_and_shows_with_drafts() {
    let site = TestSite::minimal();
    let out = site.run(&["new", "announcement", "ทดสอบ"]);
    out.success();
    // The path of the new file is printed on stdout, for scripts and editors.
    let path = out.stdout.trim().trim_start_matches("./");
    assert!(
        path.starts_with("content/announcements/") && path.ends_with(".md"),
        "{path}"
    );
    let text = site.read(path);
    assert!(text.contains("draft: true"), "{text}");
    assert!(
        text.contains("# "),
        "the file explains its fields in comments"
    );
    let slug = slug_of(&text);

    site.build().success();
    assert!(
        !site.exists(&format!("public/announcements/{slug}")),
        "a draft is not published"
    );

    site.run(&["build", "--drafts"]).success();
    let page = site.read(&format!("public/announcements/{slug}/index.html"));
    assert!(text_of(&page).contains("ทดสอบ"), "{page}");
}

#[test]
fn new_announcement_keeps_quotes_and_backslashes_of_the_title() {
    let site = TestSite::minimal();
    let title = r#"ประกาศ "ด่วน" ที่เก็บไฟล์ C:\เอกสาร\ประกาศ"#;
    let out = site.run(&["new", "announcement", title]);
    out.success();
    let path = out.stdout.trim().trim_start_matches("./").to_owned();
    let slug = slug_of(&site.read(&path));
    site.run(&["build", "--drafts"]).success();
    let page = site.read(&format!("public/announcements/{slug}/index.html"));
    assert!(text_of(&page).contains(title), "{page}");
}

#[test]
fn new_announcement_never_overwrites_one_written_the_same_day() {
    let site = TestSite::minimal();
    let first = site.run(&["new", "announcement", "ฉบับแรก"]);
    first.success();
    let second = site.run(&["new", "announcement", "ฉบับที่สอง"]);
    second.success();
    assert_ne!(first.stdout, second.stdout);
    assert!(site.read(first.stdout.trim()).contains("ฉบับแรก"));
    assert!(site.read(second.stdout.trim()).contains("ฉบับที่สอง"));
}

#[test]
fn new_measures_creates_a_file_that_passes_check() {
    let site = TestSite::minimal();
    site.run(&["new", "measures", "2567"]).success();
    let text = site.read("content/measures/2567.yaml");
    assert!(text.contains("fiscal_year: 2567"), "{text}");
    site.check().success();
    site.build().success();
    assert!(site.exists("public/measures/2567/index.html"));
    // The default period is the whole fiscal year: ต.ค. 2566 – ก.ย. 2567.
    let csv = site.read("public/measures/2567/measures.csv");
    assert!(csv.contains("2023-10,2024-09"), "{csv}");
}

#[test]
fn new_measures_refuses_to_overwrite_an_existing_year() {
    let site = TestSite::example();
    let before = site.read("content/measures/2566.yaml");
    let out = site.run(&["new", "measures", "2566"]);
    assert_ne!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(site.read("content/measures/2566.yaml"), before);
}

#[test]
fn check_passes_the_example_and_writes_nothing() {
    let site = TestSite::example();
    let before = site.tree();
    site.check()
        .success()
        .stderr_has("ไม่พบข้อผิดพลาด")
        .stderr_lacks("ข้อผิดพลาด:")
        // Content is clean; what follows is the disclosure report, not content warnings.
        .stderr_has("รายงานการเปิดเผยข้อมูล ปีงบประมาณ 2566");
    assert!(!site.exists("public"), "check must not create public/");
    before.assert_same(&site.tree());
}

#[test]
fn check_json_on_a_clean_site_lists_no_diagnostics() {
    let site = TestSite::example();
    let out = site.run(&["check", "--format", "json"]);
    out.success();
    let json = out.json();
    assert_eq!(json["errors"], 0);
    assert_eq!(json["diagnostics"], serde_json::json!([]));
}

#[test]
fn check_json_lists_each_diagnostic_with_file_line_column_and_fix() {
    let site = TestSite::example().file(
        "content/announcements/a.md",
        "---\ntitle: ประกาศทดสอบ\ndate: 2566-01-15\ntopics: [no_gift_anouncement]\n---\nx\n",
    );
    let out = site.run(&["check", "--format", "json", "--lang", "en"]);
    out.failure();
    let json = out.json();
    assert_eq!(json["errors"], 1, "{json:#}");
    let d = &json["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "content/announcements/a.md");
    assert_eq!(d["line"], 4);
    assert_eq!(d["column"], 10);
    assert_eq!(d["field"], "topics[0]");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("no_gift_anouncement"),
        "{d}"
    );
    assert!(
        d["help"].as_str().unwrap().contains("no_gift_announcement"),
        "{d}"
    );
    assert!(!site.exists("public"));
}

#[test]
fn warnings_pass_check_unless_strict() {
    // A stray file is worth a warning, not a failed build.
    let site = TestSite::minimal().file("content/announcements/notes.txt", "โน้ต");
    site.check()
        .success()
        .stderr_has("content/announcements/notes.txt");
    site.run(&["check", "--strict"]).failure();
    let json = site.run(&["check", "--format", "json"]).json();
    assert_eq!(json["warnings"], 1, "{json:#}");
    assert_eq!(json["errors"], 0, "{json:#}");
    site.build().success();
}

#[test]
fn help_works_for_every_command() {
    let site = TestSite::empty();
    site.run(&["--help"])
        .success()
        .stdout_has("build")
        .stdout_has("check")
        .stdout_has("init")
        .stdout_has("new")
        .stdout_has("serve");
    for (command, option) in [
        ("build", "--base-url"),
        ("check", "--format"),
        ("serve", "--port"),
        ("init", "DIR"),
        ("new", "announcement"),
    ] {
        site.run(&[command, "--help"])
            .success()
            .stdout_has(&format!("Usage: prongsai {command}"))
            .stdout_has(option);
    }
}

#[test]
fn build_without_a_site_says_where_it_looked() {
    let site = TestSite::empty();
    site.build()
        .failure()
        .stderr_has("content/site.yaml")
        .stderr_has("prongsai init");
    site.run(&["build", "--lang", "en"])
        .failure()
        .stderr_has("there is no site settings file");
    site.check().failure().stderr_has("content/site.yaml");
    assert!(!site.exists("public"));
}

#[test]
fn root_points_at_a_site_elsewhere() {
    let site = TestSite::minimal();
    let elsewhere = TestSite::empty();
    elsewhere
        .run(&["build", "--root", site.root().to_str().unwrap()])
        .success();
    assert!(site.exists("public/announcements/first/index.html"));
    assert!(!elsewhere.exists("public"));
}
