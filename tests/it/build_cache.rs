//! The build cache beside the output (`.prongsai-cache`): a rebuild reuses the search index
//! built from the same records and does not re-read output files it recorded, but a change
//! of content, theme or program, a damaged entry, a hand-edited output file or a folder of that
//! name prongsai did not make each lead to a full, correct build — never to stale output.

use crate::support;

use support::TestSite;

const CACHE: &str = ".prongsai-cache";
/// Printed (with `PRONGSAI_TIMINGS=1`) only when the search index is built, not reused.
const INDEXED: &str = "search: ICU word segmentation";

fn timed(site: &TestSite) -> support::Outcome {
    let out = site.run_env(&[("PRONGSAI_TIMINGS", "1")], &["build"]);
    out.success();
    out
}

/// The example built twice, and built again with both output folders made (each recorded
/// in the cache).
fn built_twice() -> TestSite {
    let site = TestSite::example();
    timed(&site).stderr_has(INDEXED);
    timed(&site);
    site.built_with_staging()
}

#[test]
fn an_unchanged_rebuild_reuses_the_index_and_writes_nothing() {
    let site = built_twice();
    let before = site.public();
    let out = timed(&site);
    out.stderr_lacks(INDEXED).stderr_has("เขียนใหม่ 0 ไฟล์");
    before.assert_same(&site.public());
    assert!(
        site.read(&format!("{CACHE}/CACHEDIR.TAG"))
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55")
    );
}

#[test]
fn changed_content_rebuilds_the_index_with_it() {
    let site = built_twice();
    let a = "content/announcements/zz-new.md";
    let site = site.file(
        a,
        "---\ntitle: ประกาศรับสมัครอาสาสมัครดับเพลิง\ndate: 2566-09-01\n---\nรับสมัครอาสาสมัครป้องกันภัยฝ่ายพลเรือน\n",
    );
    timed(&site).stderr_has(INDEXED);
    let manifest = site.read("public/search/manifest.json");
    let fresh = TestSite::example().file(
        a,
        "---\ntitle: ประกาศรับสมัครอาสาสมัครดับเพลิง\ndate: 2566-09-01\n---\nรับสมัครอาสาสมัครป้องกันภัยฝ่ายพลเรือน\n",
    );
    fresh.build().success();
    site.public().assert_same(&fresh.public());
    assert!(!manifest.is_empty());
}

#[test]
fn a_changed_theme_is_written_out_though_the_index_is_reused() {
    let site = built_twice();
    let css_rel = "public/static/style.css";
    assert!(site.exists(css_rel), "the example publishes {css_rel}");
    let site = site
        .file("themes/local/static/style.css", "body { color: #123456 }\n")
        .replace(
            "content/site.yaml",
            "license: CC-BY-4.0",
            "license: CC-BY-4.0\ntheme: local",
        );
    timed(&site);
    assert_eq!(site.read(css_rel), "body { color: #123456 }\n");
}

#[test]
fn another_build_of_the_program_does_not_trust_the_cache() {
    let site = built_twice();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("prongsai");
    std::fs::copy(support::BIN, &copy).unwrap();
    let out = std::process::Command::new(&copy)
        .arg("build")
        .current_dir(site.root())
        .env("PRONGSAI_TIMINGS", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(INDEXED),
        "a different executable builds the index itself"
    );
}

#[test]
fn a_damaged_entry_is_ignored_and_the_output_is_still_right() {
    let site = built_twice();
    let expected = site.public();
    for name in std::fs::read_dir(site.path(CACHE)).unwrap() {
        let path = name.unwrap().path();
        if path.file_name().unwrap() == "CACHEDIR.TAG" {
            continue;
        }
        let mut bytes = std::fs::read(&path).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x55;
        std::fs::write(&path, &bytes).unwrap();
    }
    timed(&site).stderr_has(INDEXED);
    expected.assert_same(&site.public());
    // Cut short, as a build killed while writing it would leave it if it wrote in place.
    let entry = site.path(&format!("{CACHE}/search-index"));
    let bytes = std::fs::read(&entry).unwrap();
    std::fs::write(&entry, &bytes[..bytes.len() / 3]).unwrap();
    timed(&site).stderr_has(INDEXED);
    expected.assert_same(&site.public());
}

/// How many pages the build kept as the output folder held them (`build -v`).
fn kept(site: &TestSite) -> usize {
    let out = site.run(&["build", "-v"]);
    out.success();
    let text = format!("{}{}", out.stdout, out.stderr);
    let th = "ใช้หน้าเดิมที่ไม่เปลี่ยน ";
    let n = match text.find(th) {
        Some(at) => text[at + th.len()..].split(' ').next().unwrap(),
        None => {
            let at = text
                .find(" unchanged pages kept")
                .expect("the verbose summary");
            text[..at].rsplit('(').next().unwrap()
        }
    };
    n.trim().parse().unwrap()
}

#[test]
fn an_unchanged_rebuild_renders_no_document_page_again() {
    let site = built_twice();
    let expected = site.public();
    let pages = std::fs::read_dir(site.path("public/announcements"))
        .unwrap()
        .count();
    assert!(kept(&site) >= pages, "every announcement's page is kept");
    expected.assert_same(&site.public());

    // One edited: rendered again into each folder, the others kept; the output is what a
    // build from scratch gives.
    let a = "content/announcements/ethics-code.md";
    let site = site.replace(a, "number: \"38/2566\"", "number: \"39/2566\"");
    let all = kept(&site);
    assert!(all >= pages - 1, "the others are kept");
    let fresh = TestSite::example().replace(a, "number: \"38/2566\"", "number: \"39/2566\"");
    fresh.build().success();
    site.public().assert_same(&fresh.public());
    assert_eq!(kept(&site), all, "the other folder had the old page too");
    site.public().assert_same(&fresh.public());
    // Its front matter changed: the section's list was rendered again with it.
    assert_eq!(
        kept(&site),
        all + 2,
        "now both folders have it, and the list"
    );
}

/// A section's list shows front matter only: an edit of a document's text keeps the list the
/// folder holds (one page rendered again), an edit of its title renders the list again too.
#[test]
fn a_section_list_is_kept_until_what_it_shows_changes() {
    let site = built_twice();
    let all = kept(&site);
    let a = "content/announcements/ethics-code.md";
    let (text, more) = ("5. มุ่งผลสัมฤทธิ์ของงาน", "5. มุ่งผลสัมฤทธิ์ของงานเป็นสำคัญ");
    let (title, new_title) = (
        "เรื่อง เผยแพร่ประมวลจริยธรรมของพนักงานเทศบาล",
        "เรื่อง เผยแพร่ประมวลจริยธรรมฉบับปรับปรุงของพนักงานเทศบาล",
    );
    let site = site.replace(a, text, more);
    assert_eq!(kept(&site), all - 1, "the list is kept, the page is not");
    let site = site.replace(a, title, new_title);
    assert_eq!(
        kept(&site),
        all - 2,
        "the page and the list are rendered again"
    );
    assert!(
        site.read("public/announcements/index.html")
            .contains("ฉบับปรับปรุง")
    );
    let fresh = TestSite::example()
        .replace(a, text, more)
        .replace(a, title, new_title);
    fresh.build().success();
    site.public().assert_same(&fresh.public());
}

#[test]
fn a_procurement_notice_follows_its_plan_though_its_own_file_is_unchanged() {
    let site = built_twice();
    let plan = "content/procurement/plans/2566.yaml";
    let notice = "public/procurement-notices/2566-01-12-road-moo3-invitation/index.html";
    assert!(site.read(notice).contains("datetime=\"2022-10-28\""));
    let site = site.replace(plan, "announced: 2565-10-28", "announced: 2565-10-27");
    for _ in 0..3 {
        timed(&site);
        let page = site.read(notice);
        assert!(
            page.contains("datetime=\"2022-10-27\""),
            "the plan's new date"
        );
        assert!(!page.contains("datetime=\"2022-10-28\""));
    }
}

#[test]
fn a_hand_edited_output_file_is_put_right_though_its_size_and_time_were_kept() {
    for rel in [
        "measures/2566/index.html",
        // A page, and a file of the search index, that a rebuild would keep as they are, were
        // they unchanged.
        "announcements/ethics-code/index.html",
        "search/manifest.json",
    ] {
        hand_edited(rel);
    }
}

fn hand_edited(rel: &str) {
    let site = built_twice();
    let expected = site.public();
    // The folder the next build brings up to date (it holds the build before last).
    let staged = site.path(&format!(".public.prongsai/{rel}"));
    let meta = std::fs::metadata(&staged).unwrap();
    let mut bytes = std::fs::read(&staged).unwrap();
    let at = bytes.iter().position(|b| *b == b'<' || *b == b'{').unwrap();
    bytes[at + 1] = b'X';
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&staged)
        .unwrap();
    use std::io::Write;
    (&file).write_all(&bytes).unwrap();
    file.set_modified(meta.modified().unwrap()).unwrap();
    drop(file);
    assert_eq!(std::fs::metadata(&staged).unwrap().len(), meta.len());
    timed(&site);
    expected.assert_same(&site.public());
}

#[test]
fn a_folder_of_that_name_prongsai_did_not_make_is_neither_used_nor_touched() {
    let site = TestSite::example().file(&format!("{CACHE}/notes.txt"), "mine");
    timed(&site).stderr_has(INDEXED);
    timed(&site).stderr_has(INDEXED);
    let names: Vec<String> = std::fs::read_dir(site.path(CACHE))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["notes.txt"]);
}

#[test]
fn a_failed_build_leaves_no_cache_behind() {
    let site =
        TestSite::example().replace("content/site.yaml", "fiscal_year: 2566", "fiscal_year: 66");
    site.build().failure();
    assert!(!site.exists(CACHE));
}

#[test]
fn an_edit_of_a_documents_text_alone_rebuilds_the_index() {
    let site = built_twice();
    // The body only: the title, date and address the index lists stay as they were.
    let a = "content/announcements/ethics-code.md";
    let text = site.read(a);
    let site = site.file(a, &format!("{text}\nอาสาสมัครดับเพลิงประจำหมู่บ้าน\n"));
    // The other documents' texts are the last build's: only the edited one is read again.
    timed(&site)
        .stderr_has(INDEXED)
        .stderr_has("search: 1 documents' texts read");
    let fresh = TestSite::example().file(a, &format!("{text}\nอาสาสมัครดับเพลิงประจำหมู่บ้าน\n"));
    fresh.build().success();
    site.public().assert_same(&fresh.public());
}

#[test]
fn what_the_checks_found_in_a_file_is_said_on_every_build_and_a_new_problem_is_found() {
    let marks = "content/announcements/marks.md";
    let site = TestSite::example().file(
        marks,
        "---\ntitle: ประกาศรับสมัคร\ndate: 2566-01-20\n---\nรับสมัครก่่อนวันที่ ๓๑\n",
    );
    for _ in 0..3 {
        site.build()
            .success()
            .stderr_has("marks.md:5:")
            .stderr_has("doubled-mark");
    }
    // A file the checks found clean before, now with an unsafe link.
    let a = "content/announcements/ethics-code.md";
    let text = site.read(a);
    let site = site.file(a, &format!("{text}\n[คลิก](javascript:alert(1))\n"));
    site.build()
        .failure()
        .stderr_has("ethics-code.md:")
        .stderr_has("javascript:alert(1)");
    // raw_html: trust leaves the site's Markdown to the site, and back again it is checked.
    let site = site.replace(
        "content/site.yaml",
        "base_url:",
        "raw_html: trust\nbase_url:",
    );
    site.build().success();
    site.build().success();
    let site = site.replace("content/site.yaml", "raw_html: trust\n", "");
    site.build().failure().stderr_has("javascript:alert(1)");
}

/// The second build into an output (no staging folder yet) finds the output holding what it
/// would write: it writes nothing, makes no second folder, and touches no file of the site.
/// The next change makes the staging folder, taking the unchanged pages from the live one.
#[test]
fn a_second_build_of_an_unchanged_site_writes_nothing_and_makes_no_second_folder() {
    use std::os::unix::fs::MetadataExt;
    let site = TestSite::example();
    site.build().success();
    let before = site.public();
    let stamp = |rel: &str| {
        let m = std::fs::metadata(site.path(rel)).unwrap();
        (
            m.ino(),
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec(),
        )
    };
    let home = stamp("public/index.html");
    for _ in 0..2 {
        site.build().success().stderr_has("เขียนใหม่ 0 ไฟล์");
        assert!(!site.exists(".public.prongsai"));
        assert_eq!(stamp("public/index.html"), home);
        before.assert_same(&site.public());
    }
    let a = "content/announcements/ethics-code.md";
    let site = site.replace(a, "number: \"38/2566\"", "number: \"39/2566\"");
    site.build().success();
    assert!(site.exists(".public.prongsai"));
    let fresh = TestSite::example().replace(a, "number: \"38/2566\"", "number: \"39/2566\"");
    fresh.build().success();
    site.public().assert_same(&fresh.public());
}

/// A live output file changed, removed or added by hand before the second build is not taken
/// for this build's: the output is put right (a file prongsai did not write stops the build).
#[test]
fn a_second_build_puts_right_a_live_output_changed_by_hand() {
    let page = "public/announcements/ethics-code/index.html";
    for change in ["edit", "remove", "add"] {
        let site = TestSite::example();
        site.build().success();
        let expected = site.public();
        match change {
            "edit" => {
                // Same size and modification time: only the change time tells.
                let path = site.path(page);
                let meta = std::fs::metadata(&path).unwrap();
                let mut bytes = std::fs::read(&path).unwrap();
                let at = bytes.iter().position(|b| *b == b'<').unwrap();
                bytes[at + 1] = b'X';
                std::fs::write(&path, &bytes).unwrap();
                let file = std::fs::File::options().write(true).open(&path).unwrap();
                file.set_modified(meta.modified().unwrap()).unwrap();
            }
            "remove" => std::fs::remove_file(site.path(page)).unwrap(),
            _ => std::fs::write(site.path("public/notes.txt"), "mine").unwrap(),
        }
        let out = site.build();
        if change == "add" {
            out.code(2).stderr_has("notes.txt");
            assert_eq!(site.read("public/notes.txt"), "mine");
            continue;
        }
        out.success();
        expected.assert_same(&site.public());
    }
}
