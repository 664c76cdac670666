//! The first day in an office, as the README walks it (`init`, edit `site.yaml`, `new`,
//! `build`): nothing is published by mistake, and nothing the build leaves out goes unsaid.

use crate::support;

use support::{BIN, TestSite, run_in};

/// `prongsai init DIR [--empty]` in a fresh folder; the site it made.
fn init(extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let mut args = vec!["init", "site"];
    args.extend_from_slice(extra);
    run_in(parent.path(), &args).success();
    let root = parent.path().join("site");
    (parent, root)
}

fn rename_org(root: &std::path::Path) {
    let path = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("name: เทศบาลตำบลเพชรพะงัน", "name: องค์การบริหารส่วนตำบลบ้านใหม่");
    std::fs::write(&path, text).unwrap();
}

#[test]
fn the_example_left_under_another_name_is_listed_by_build_and_check() {
    let (_parent, root) = init(&[]);
    // As the example itself, nothing to say.
    run_in(&root, &["check"])
        .success()
        .stderr_lacks("เนื้อหาตัวอย่างของเทศบาลตำบลเพชรพะงัน");
    rename_org(&root);
    for command in ["build", "check"] {
        run_in(&root, &[command])
            .success()
            .stderr_has("ยังมีเนื้อหาตัวอย่างของเทศบาลตำบลเพชรพะงัน")
            .stderr_has("ซึ่งจะถูกเผยแพร่ในนามขององค์การบริหารส่วนตำบลบ้านใหม่")
            .stderr_has("content/announcements/no-gift-policy.md")
            .stderr_has("content/files/2566/")
            .stderr_has("prongsai init --empty");
    }
    run_in(&root, &["check", "--strict"]).failure();
}

#[test]
fn an_edited_example_file_is_still_listed_while_it_names_the_example() {
    let (_parent, root) = init(&[]);
    rename_org(&root);
    let file = root.join("content/announcements/no-gift-policy.md");
    let text = std::fs::read_to_string(&file).unwrap() + "\nแก้ไขแล้ว\n";
    std::fs::write(&file, text).unwrap();
    run_in(&root, &["check"])
        .success()
        .stderr_has("content/announcements/no-gift-policy.md");
}

#[test]
fn an_empty_site_starts_without_the_example() {
    let (_parent, root) = init(&["--empty"]);
    assert!(
        !root
            .join("content/announcements/no-gift-policy.md")
            .exists()
    );
    assert!(root.join("content/site.yaml").exists());
    run_in(&root, &["build"])
        .success()
        .stderr_lacks("เนื้อหาตัวอย่าง")
        // What site.yaml leaves to fill in is pointed at.
        .stderr_has("content/site.yaml:3:")
        .stderr_has("ยังไม่ได้กรอกข้อมูล");
    assert!(root.join("public/index.html").exists());
}

#[test]
fn what_new_leaves_unfilled_is_reported_and_fails_a_strict_check() {
    let site = TestSite::minimal();
    site.run(&["new", "measures", "2568"]).success();
    site.check()
        .success()
        .stderr_has("content/measures/2568.yaml:11:12: ยังไม่ได้กรอกข้อมูล")
        .stderr_has("title: \"มาตรการ...\"");
    site.run(&["check", "--strict"]).failure();
    site.run(&["check", "--lang", "en"])
        .stderr_has("not filled in: this is the template's sample");
}

#[test]
fn empty_official_fields_are_reported() {
    let site = TestSite::minimal().file(
        "content/announcements/x.md",
        "---\ntitle: ประกาศ เรื่อง ทดสอบ\ndate: 2566-01-20\nnumber: \"\"\nsigned_by: {name: \"\", position: \"\"}\n---\nข้อความ\n",
    );
    site.check()
        .success()
        .stderr_has("content/announcements/x.md:4:1: เลขที่ประกาศ (number) ว่างอยู่")
        .stderr_has("content/announcements/x.md:5:1: ชื่อผู้ลงนาม (signed_by.name) ว่างอยู่");
}

#[test]
fn build_says_what_it_left_out_and_why() {
    let site = TestSite::minimal()
        .file(
            "content/announcements/draft.md",
            "---\ntitle: ร่างประกาศ\ndate: 2566-02-01\ndraft: true\n---\nร่าง\n",
        )
        .file(
            "content/announcements/later.md",
            "---\ntitle: ประกาศล่วงหน้า\ndate: 2699-01-01\n---\nภายหลัง\n",
        );
    // Said even under -q: it is a fact about what is live, not progress.
    site.run(&["build", "-q"])
        .success()
        .stderr_has("ไม่ได้เผยแพร่ฉบับร่าง 1 ฉบับ: content/announcements/draft.md")
        .stderr_has("draft: false")
        .stderr_has("ไม่ได้เผยแพร่ 1 ฉบับที่ลงวันที่หลังวันนี้: content/announcements/later.md (1 ม.ค. 2699)");
    assert!(!site.exists("public/announcements/draft/index.html"));
    assert!(!site.exists("public/announcements/later/index.html"));
    assert!(!site.read("public/feed.xml").contains("ประกาศล่วงหน้า"));
    site.run(&["build", "--lang", "en"])
        .success()
        .stderr_has("left out 1 draft(s): content/announcements/draft.md")
        .stderr_has("left out 1 document(s) dated after today");
    // A preview shows both.
    site.run(&["build", "--drafts"]).success();
    assert!(site.exists("public/announcements/later/index.html"));
}

#[test]
fn a_draft_does_not_count_as_published_in_check() {
    let no_gift = "---\ntitle: ประกาศ เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy)\ndate: 2565-10-20\ntopics: [no_gift_announcement]\nDRAFT---\nข้อความ\n";
    let published = TestSite::minimal().file(
        "content/announcements/no-gift.md",
        &no_gift.replace("DRAFT", ""),
    );
    let draft = TestSite::minimal().file(
        "content/announcements/no-gift.md",
        &no_gift.replace("DRAFT", "draft: true\n"),
    );
    let args = ["check", "--as-of", "2566-09-30"];
    let missing = "ยังไม่มีประกาศเจตนารมณ์นโยบาย No Gift Policy ของปีงบประมาณ 2566";
    published.run(&args).success().stderr_lacks(missing);
    draft.run(&args).success().stderr_has(missing);
    // build (which leaves the draft out) and check agree on how much is missing.
    let count = |s: &str| {
        s.lines()
            .find_map(|l| l.split("ยังขาด ").nth(1))
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
    };
    let built = count(&draft.run(&["build"]).stderr);
    let checked = draft.run(&["check"]).stderr.matches("\nคำเตือน: ").count();
    assert!(built.is_some());
    assert_eq!(built, Some(checked));
}

#[test]
fn new_announcement_is_named_by_its_buddhist_era_date_and_title_and_says_it_is_a_draft() {
    let site = TestSite::minimal();
    let out = site.run(&[
        "new",
        "announcement",
        "ประกาศองค์การบริหารส่วนตำบลบ้านใหม่ เรื่อง รับสมัครพนักงานจ้าง",
    ]);
    out.success()
        .stderr_has("ฉบับร่าง (draft: true)")
        .stderr_has("draft: false");
    let path = out.stdout.trim();
    let be = chrono::Local::now().date_naive();
    use chrono::Datelike;
    let date = format!("{}-{:02}-{:02}", be.year() + 543, be.month(), be.day());
    assert!(
        path.ends_with(&format!("content/announcements/{date}-รับสมัครพนักงานจ้าง.md")),
        "{path}"
    );
    let text = site.read(path.trim_start_matches("./"));
    assert!(text.contains(&format!("date: {date}")), "{text}");
    assert!(text.contains(&format!("slug: {date}\n")), "{text}");
    // A second one the same day gets its own address.
    let second = site.run(&["new", "announcement", "ประกาศ เรื่อง รับสมัครพนักงานจ้าง"]);
    let text = site.read(second.stdout.trim().trim_start_matches("./"));
    assert!(text.contains(&format!("slug: {date}-2\n")), "{text}");
}

#[test]
fn new_outside_a_site_refuses_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(BIN)
        .args(["new", "measures", "2568"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("ไม่พบ content/site.yaml"), "{stderr}");
    assert!(stderr.contains("prongsai init"), "{stderr}");
    assert!(!dir.path().join("content").exists());
}

#[test]
fn new_on_a_file_that_exists_answers_in_thai() {
    let site = TestSite::minimal();
    site.run(&["new", "measures", "2568"]).success();
    site.run(&["new", "measures", "2568"])
        .code(2)
        .stderr_has("content/measures/2568.yaml มีอยู่แล้ว");
    site.run(&["new", "measures", "2568", "--lang", "en"])
        .code(2)
        .stderr_has("already exists; edit it instead");
}

#[test]
fn the_compliance_report_opens_with_its_summary_and_q_prints_only_that() {
    let site = TestSite::example();
    let full = site.run(&["check", "--as-of", "2566-05-01"]);
    full.success();
    let report = &full.stderr[full.stderr.find("รายงานการเปิดเผยข้อมูล").unwrap()..];
    let mut lines = report.lines();
    let first = lines.next().unwrap();
    assert!(first.ends_with("ยังขาด 15 รายการ"), "{first}");
    // Counts by group, what the law asks first, before any finding.
    let summary: Vec<&str> = lines.by_ref().take_while(|l| !l.is_empty()).collect();
    assert!(
        summary[0].trim_start().starts_with("3  การเปิดเผยราคากลาง"),
        "{report}"
    );
    assert!(
        summary
            .iter()
            .any(|l| l.contains("ITA 2566 ตัวชี้วัดการเปิดเผยข้อมูล (OIT) 9.2 การบริหารงาน"))
    );
    let width = |l: &str| {
        l.chars()
            .filter(|c| !prongsai::thai::is_combining(*c))
            .count()
    };
    assert!(summary.iter().all(|l| width(l) <= 80), "{summary:#?}");
    // Each ITA item is located at the row of the ITA page that should answer it.
    assert!(
        report.contains("คำเตือน: /ita/2566/#o12: ITA 2566 ข้อ o12"),
        "{report}"
    );
    // Thai headings are Thai alone.
    assert!(!report.contains("(ITA 2566 open data"), "{report}");

    let quiet = site.run(&["check", "--as-of", "2566-05-01", "-q"]);
    quiet
        .success()
        .stderr_has("ยังขาด 15 รายการ")
        .stderr_lacks("คำเตือน:");
    assert!(quiet.stderr.lines().count() <= 12, "{}", quiet.stderr);
}

#[test]
fn the_compliance_report_still_runs_when_a_file_has_an_error() {
    let site = TestSite::example().replace(
        "content/announcements/no-gift-policy.md",
        "date: 2565-10-25",
        "date: 2565-13-25",
    );
    site.run(&["check", "--as-of", "2566-09-30"])
        .failure()
        .stderr_has("content/announcements/no-gift-policy.md:")
        .stderr_has("รายงานการเปิดเผยข้อมูล ปีงบประมาณ 2566")
        // The announcement with the error is not counted, and the report says so.
        .stderr_has("ยังไม่มีประกาศเจตนารมณ์นโยบาย No Gift Policy")
        .stderr_has("รายงานนี้นับเฉพาะไฟล์ที่ไม่มีข้อผิดพลาด");
}

#[test]
fn headings_of_the_2568_assessment_are_official_thai_not_keys() {
    let site = TestSite::minimal().replace(
        "content/site.yaml",
        "base_url:",
        "ita_year: 2568\nbase_url:",
    );
    let out = site.run(&["check", "--as-of", "2568-09-30"]);
    for key in [
        "basic ",
        "administration ",
        "procurement ",
        "(OIT) hr",
        "anticorruption ",
    ] {
        assert!(!out.stderr.contains(key), "{key:?} in\n{}", out.stderr);
    }
    out.stderr_has("ITA 2568 ตัวชี้วัดการเปิดเผยข้อมูล (OIT) ข้อมูลพื้นฐาน");
}

#[test]
fn argument_errors_speak_the_chosen_language() {
    let site = TestSite::minimal();
    site.run(&["check", "--as-of", "20/01/2568"])
        .code(2)
        .stderr_has("--as-of 20/01/2568: อ่านวันที่ไม่ได้");
    site.run(&["check", "--as-of", "20/01/2568", "--lang", "en"])
        .code(2)
        .stderr_lacks("อ่านวันที่")
        .stderr_has("--as-of 20/01/2568:");
    site.run(&["biuld"])
        .code(2)
        .stderr_has("คำสั่งหรือตัวเลือกไม่ถูกต้อง")
        .stderr_has("'build'");
    site.run(&["build", "--frobnicate", "--lang", "en"])
        .code(2)
        .stderr_lacks("คำสั่ง")
        .stderr_has("--frobnicate");
    let parent = tempfile::tempdir().unwrap();
    std::fs::write(parent.path().join("x.txt"), "x").unwrap();
    run_in(parent.path(), &["init", "."])
        .code(2)
        .stderr_has("มีอยู่แล้วและมีไฟล์อยู่ข้างใน");
}

#[test]
fn closing_the_output_pipe_early_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // Enough warnings that the report is larger than a pipe holds.
    let mut site = TestSite::minimal();
    for i in 0..400 {
        site = site.file(
            &format!("content/announcements/n{i}.md"),
            &format!("---\ntitle: ประกาศ {i}\ndate: 2566-01-15\nnumber: \"\"\n---\nข้อความ\n"),
        );
    }
    for _ in 0..3 {
        let mut child = Command::new(BIN)
            .args(["check", "--format", "json"])
            .current_dir(site.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // stdout is closed here, with most of the report unread.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(out.status.code(), Some(0), "{stderr}");
    }
}

/// The minimal site with `content/site.yaml` replaced.
fn with_site_yaml(yaml: &str) -> TestSite {
    TestSite::minimal().file("content/site.yaml", yaml)
}

#[test]
fn a_missing_colon_is_named_at_its_line_in_plain_thai() {
    let out =
        with_site_yaml("name องค์การบริหารส่วนตำบลทดสอบ\nbase_url: https://www.example.go.th/\n")
            .build();
    out.failure()
        .stderr_has("content/site.yaml:1:5: บรรทัดนี้ไม่มีเครื่องหมาย : คั่นระหว่างชื่อช่อง \"name\" กับค่า")
        .stderr_has("`name: ค่า`")
        .stderr_has("รหัส: Y0103");
    for bad in ["struct", "Config", "\\u{", "string \""] {
        out.stderr_lacks(bad);
    }
}

#[test]
fn a_wrong_indent_is_named_at_its_own_line() {
    let plan = "fiscal_year: 2566\nitems:\n  - id: \"66-001\"\n    title: ถนน\n   budget: 500000\n    method: e-bidding\n";
    let site = TestSite::minimal().file("content/procurement/plans/2566.yaml", plan);
    site.build()
        .failure()
        .stderr_has("content/procurement/plans/2566.yaml:5:4: บรรทัดนี้ย่อหน้า 3 ช่อง ไม่ตรงกับบรรทัดอื่นในระดับเดียวกัน (4 ช่อง)")
        .stderr_lacks("ขาดช่อง")
        .stderr_has("รหัส: Y0104");
}

#[test]
fn every_missing_field_of_a_record_is_reported_in_one_run() {
    let plan =
        "fiscal_year: 2566\nitems:\n  - id: \"66-001\"\n    title: ถนน\n    department: กองช่าง\n";
    let site = TestSite::minimal().file("content/procurement/plans/2566.yaml", plan);
    site.build()
        .failure()
        .stderr_has("content/procurement/plans/2566.yaml:3:5: ขาดช่องที่จำเป็นต้องมี 2 ช่อง: \"budget\" และ \"method\"")
        .stderr_has("รหัส: Y0202");
}

#[test]
fn a_hash_inside_a_value_is_warned_with_the_quoting_fix() {
    let plan = "fiscal_year: 2566\nitems:\n  - id: \"66-001\"\n    title: จัดซื้อกระดาษ #A4 80 แกรม\n    budget: 5000\n    method: specific\n";
    let site = TestSite::minimal().file("content/procurement/plans/2566.yaml", plan);
    site.build()
        .success()
        .stderr_has("content/procurement/plans/2566.yaml:4:")
        .stderr_has("ค่าที่ใช้จริงคือ \"จัดซื้อกระดาษ\"")
        .stderr_has("รหัส: U0103")
        .stderr_has("\"จัดซื้อกระดาษ #A4 80 แกรม\"");
    // Quoted, it is published whole and nothing is said.
    let site = site.file(
        "content/procurement/plans/2566.yaml",
        &plan.replace("จัดซื้อกระดาษ #A4 80 แกรม", "\"จัดซื้อกระดาษ #A4 80 แกรม\""),
    );
    site.build().success().stderr_lacks("หมายเหตุ (comment)");
    assert!(
        site.read("public/procurement/plans/2566/index.html")
            .contains("จัดซื้อกระดาษ #A4 80 แกรม")
    );
}

#[test]
fn a_value_between_word_processor_quotes_is_published_without_them() {
    let site = TestSite::minimal().file(
        "content/announcements/q.md",
        "---\ntitle: “ประกาศ เรื่อง รับสมัครงาน”\ndate: 2566-02-01\n---\nข้อความ\n",
    );
    site.build().success();
    let page = site.read("public/announcements/q/index.html");
    assert!(
        page.contains("<h1>ประกาศ เรื่อง รับสมัครงาน</h1>"),
        "{}",
        &page[page.find("<h1").unwrap()..][..200]
    );
}

#[test]
fn links_and_images_to_files_whose_names_have_spaces_work() {
    let site = TestSite::minimal()
        .bytes("content/files/2568/ประกาศ ทดสอบ.pdf", b"%PDF-1.4 x")
        .bytes("content/files/2568/รูป กิจกรรม.png", b"\x89PNG")
        .file(
            "content/announcements/x.md",
            "---\ntitle: ประกาศ\ndate: 2566-01-20\n---\n[ไฟล์แนบ](files/2568/ประกาศ ทดสอบ.pdf) และ ![รูปกิจกรรม](files/2568/รูป กิจกรรม.png \"ภาพ\")\n",
        );
    site.build().success();
    let page = site.read("public/announcements/x/index.html");
    assert!(page.contains("href=\"/files/2568/%E0%B8%9B"), "{page}");
    assert!(
        page.contains("%20%E0%B8%97"),
        "the space is encoded: {page}"
    );
    assert!(page.contains("<img src=\"/files/2568/"), "{page}");
    assert!(!page.contains("](files"), "left as text: {page}");
    // A misspelt one is reported at its line, not left as text.
    let site = site.file(
        "content/announcements/x.md",
        "---\ntitle: ประกาศ\ndate: 2566-01-20\n---\n[ไฟล์แนบ](files/2568/ประกาศ ทดลอง.pdf)\n",
    );
    site.build()
        .failure()
        .stderr_has("content/announcements/x.md:5:");
}

/// The assessment a site made today should prepare for: the one of this calendar year (BE),
/// or the newest the program knows when its list for this year is not built in yet.
fn current_assessment() -> i32 {
    use chrono::Datelike;
    let this_year = chrono::Local::now().date_naive().year() + 543;
    let known: Vec<i32> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/site/catalogs"))
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".yaml")?.parse().ok()
            })
            .collect();
    known.into_iter().filter(|y| *y <= this_year).max().unwrap()
}

#[test]
fn a_new_site_targets_the_assessment_under_way_not_the_examples_year() {
    let year = current_assessment();
    for extra in [&[][..], &["--empty"][..]] {
        let (_parent, root) = init(extra);
        let yaml = std::fs::read_to_string(root.join("content/site.yaml")).unwrap();
        assert!(
            yaml.lines()
                .any(|l| l.starts_with(&format!("ita_year: {year}"))),
            "{yaml}"
        );
        assert!(!yaml.contains("fiscal_year:"), "{yaml}");
        assert!(!yaml.contains("ita_year: 2566"), "{yaml}");
        // The report follows that assessment.
        run_in(&root, &["check"])
            .success()
            .stderr_has(&format!("ITA {year}"));
    }
}
