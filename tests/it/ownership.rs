//! prongsai writes, moves and deletes only files it wrote: an output folder holding anybody
//! else's files, the site itself, `content/` or a theme are refused before anything is
//! touched, and a `public/` that links elsewhere is written there only when that folder is
//! prongsai's own.

use crate::support;

use std::path::Path;
use support::{TestSite, Tree};

/// Everything under `dir`, including hidden files, for before/after comparisons.
fn snapshot(dir: &Path) -> Tree {
    Tree::of(dir)
}

#[test]
fn an_output_folder_holding_other_files_is_refused_and_left_as_it_was() {
    let site = TestSite::minimal()
        .file("mine/report.docx", "งานของฉัน")
        .file("mine/photos/a.jpg", "jpeg");
    let before = snapshot(&site.path("mine"));
    for _ in 0..2 {
        site.run(&["build", "--out", "mine"])
            .code(2)
            .stderr_has("โฟลเดอร์ผลลัพธ์มีไฟล์ที่ prongsai ไม่ได้สร้าง 2 ไฟล์")
            .stderr_has("photos/a.jpg")
            .stderr_has("report.docx")
            .stderr_has("--out")
            .stderr_has("รหัส: O0101");
        before.assert_same(&snapshot(&site.path("mine")));
    }
    assert!(
        !site.exists(".mine.prongsai"),
        "a refused build must not create a staging folder"
    );
    site.run(&["build", "--out", "mine", "--lang", "en"])
        .code(2)
        .stderr_has("the output folder holds 2 file(s) prongsai did not write");
}

#[test]
fn the_site_content_and_themes_are_never_an_output() {
    let site = TestSite::minimal().file("themes/local/templates/.keep", "");
    let before = site.tree();
    let outside = site.root().parent().unwrap().to_str().unwrap().to_owned();
    for out in [
        ".",
        "content",
        "content/announcements",
        "themes",
        "themes/local",
        &outside,
    ] {
        site.run(&["build", "--out", out])
            .code(2)
            .stderr_has("เป็นโฟลเดอร์ของเว็บไซต์เอง หรืออยู่ใน content/ หรือ themes/");
        before.assert_same(&site.tree());
    }
    site.run(&["build", "--out", "content", "--lang", "en"])
        .code(2)
        .stderr_has("lies inside content/ or themes/");
}

#[test]
fn a_file_put_into_the_output_by_hand_stops_the_next_build() {
    let site = TestSite::minimal();
    site.build().success();
    site.build().success(); // the staging folder exists too
    let site = site.file("public/google1234.html", "google-site-verification");
    let before = site.tree();
    site.build()
        .code(2)
        .stderr_has("google1234.html")
        .stderr_has("content/files/");
    before.assert_same(&site.tree());

    // Moved away, the build goes on as before.
    let site = site.remove("public/google1234.html");
    site.build().success();
}

#[test]
fn a_file_put_into_the_staging_folder_is_not_deleted_either() {
    let site = TestSite::minimal();
    site.build().success();
    site.build().success();
    let site = site.file(".public.prongsai/notes.txt", "x");
    let before = site.tree();
    site.build().code(2).stderr_has("notes.txt");
    before.assert_same(&site.tree());
}

#[test]
fn a_symbolic_link_inside_the_output_is_refused_not_followed() {
    let site = TestSite::minimal().file("elsewhere/keep.txt", "keep");
    site.build().success();
    std::os::unix::fs::symlink(site.path("elsewhere"), site.path("public/linked")).unwrap();
    let before = site.tree();
    site.build().code(2).stderr_has("linked");
    before.assert_same(&site.tree());
    assert_eq!(site.read("elsewhere/keep.txt"), "keep");
}

#[test]
fn what_the_file_browser_leaves_behind_does_not_stop_a_build() {
    let site = TestSite::minimal();
    site.build().success();
    let site = site
        .file("public/Thumbs.db", "x")
        .file("public/announcements/.DS_Store", "x");
    site.build().success();
    site.build().success();
    assert!(site.exists("public/index.html"));
}

#[test]
fn a_public_link_to_a_web_root_with_other_files_is_refused() {
    let site = TestSite::minimal()
        .file("www/html/index.php", "<?php phpinfo();")
        .file("www/html/wp-config.php", "secret");
    std::os::unix::fs::symlink(site.path("www/html"), site.path("public")).unwrap();
    let before = snapshot(&site.path("www"));
    site.build()
        .code(2)
        .stderr_has("index.php")
        .stderr_has("wp-config.php");
    site.build().code(2);
    before.assert_same(&snapshot(&site.path("www")));
}

#[test]
fn a_public_link_to_a_folder_of_its_own_is_written_there_whole() {
    let site = TestSite::minimal().file("www/neighbour/index.html", "another site");
    std::fs::create_dir_all(site.path("www/transparency")).unwrap();
    std::os::unix::fs::symlink(site.path("www/transparency"), site.path("public")).unwrap();
    site.build().success();
    let site = site.replace(
        "content/announcements/first.md",
        "ประกาศฉบับแรก",
        "ประกาศฉบับแก้ไข",
    );
    site.build().success();
    site.build().success();
    let link = std::fs::symlink_metadata(site.path("public")).unwrap();
    assert!(link.file_type().is_symlink(), "public/ is still the link");
    assert!(
        site.read("www/transparency/index.html")
            .contains("ประกาศฉบับแก้ไข"),
        "the link's folder holds the new build"
    );
    assert_eq!(site.read("www/neighbour/index.html"), "another site");
    // The staging folder sits beside the folder written, not in the site.
    assert!(site.exists("www/.transparency.prongsai"));
    assert!(!site.exists(".public.prongsai"));
}

#[test]
fn an_output_made_before_manifests_existed_is_taken_over() {
    let site = TestSite::example().file(
        "content/announcements/old.md",
        "---\ntitle: ประกาศเก่า\ndate: 2566-01-02\n---\nเก่า\n",
    );
    let site = site.built_with_staging();
    // What an earlier release left: the same folders without the list of files.
    std::fs::remove_file(site.path("public/.prongsai-output.json")).unwrap();
    std::fs::remove_file(site.path(".public.prongsai/.prongsai-output.json")).unwrap();
    let site = site.remove("content/announcements/old.md");
    site.build().success();
    assert!(!site.exists("public/announcements/old/index.html"));
    assert!(site.exists("public/.prongsai-output.json"));
    site.build().success();
}

#[test]
fn the_manifest_lists_every_file_written() {
    let site = TestSite::minimal();
    site.build().success();
    let manifest: serde_json::Value =
        serde_json::from_str(&site.read("public/.prongsai-output.json")).unwrap();
    assert_eq!(manifest["generator"], "prongsai");
    let listed: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let on_disk: Vec<String> = site
        .public()
        .paths()
        .filter(|p| *p != ".prongsai-output.json")
        .map(str::to_owned)
        .collect();
    assert_eq!(listed, on_disk);
}

/// Whether folder `path` carries the top-of-hierarchy mark (`lsattr -d` shows `T`); `None`
/// when it cannot be read.
#[cfg(target_os = "linux")]
fn marked_top(path: &Path) -> Option<bool> {
    use rustix::fs::{IFlags, Mode, OFlags, ioctl_getflags, open};
    let fd = open(path, OFlags::RDONLY | OFlags::DIRECTORY, Mode::empty()).ok()?;
    ioctl_getflags(&fd).ok().map(|f| f.contains(IFlags::TOPDIR))
}

/// Whether the disk of `dir` keeps the mark: a folder made there takes it.
#[cfg(target_os = "linux")]
fn disk_keeps_top_marks(dir: &Path) -> bool {
    use rustix::fs::{IFlags, Mode, OFlags, ioctl_getflags, ioctl_setflags, open};
    let probe = dir.join("probe");
    std::fs::create_dir(&probe).unwrap();
    let kept = open(&probe, OFlags::RDONLY | OFlags::DIRECTORY, Mode::empty())
        .ok()
        .and_then(|fd| {
            let now = ioctl_getflags(&fd).ok()?;
            ioctl_setflags(&fd, now | IFlags::TOPDIR).ok()
        })
        .is_some();
    std::fs::remove_dir(&probe).unwrap();
    kept
}

/// Where the disk keeps such a mark (ext4), the output's folders that hold folders are marked
/// as tops of hierarchies, in the output and in its staging folder, so that ext4 gives the
/// folders made in them places of their own rather than where the deleted output's inodes were
/// just freed; a page's folder, the site's folder and its content are not marked.
#[cfg(target_os = "linux")]
#[test]
fn output_folders_that_hold_folders_are_marked_as_tops_and_nothing_else_is() {
    let site = TestSite::example();
    if !disk_keeps_top_marks(site.root()) {
        eprintln!(
            "skipped: the disk of {} keeps no top-of-hierarchy marks",
            site.root().display()
        );
        return;
    }
    let site = site.built_with_staging();
    for dir in [
        "public",
        "public/announcements",
        "public/search",
        ".public.prongsai",
        ".public.prongsai/announcements",
    ] {
        assert_eq!(marked_top(&site.path(dir)), Some(true), "{dir}");
    }
    for dir in [
        "",
        "content",
        "content/announcements",
        "public/announcements/risk-management-2566",
        ".public.prongsai/announcements/risk-management-2566",
    ] {
        assert_eq!(marked_top(&site.path(dir)), Some(false), "{dir:?}");
    }
}
