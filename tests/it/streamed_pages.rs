//! `build` writes each document's page into the staging folder as soon as it is rendered.
//! The live site is still replaced in one step: a build that fails after writing pages leaves
//! `public/` as it was, the next build is whole and right, and a file prongsai did not write
//! stops the build before any page is written.

use crate::support;

use support::TestSite;

const STAGING: &str = ".public.prongsai";
const EDITED: &str = "content/announcements/ethics-code.md";
const EDITED_PAGE: &str = "announcements/ethics-code/index.html";
const NEW_TEXT: &str = "อาสาสมัครดับเพลิงประจำหมู่บ้าน";

#[test]
fn a_build_that_fails_after_writing_pages_leaves_the_site_and_the_next_build_right() {
    let site = TestSite::example().built_with_staging();
    let live = site.public();
    let original = site.read(EDITED);

    // An edited announcement, and a link to nowhere the link check finds after the pages.
    let site = site
        .file(EDITED, &format!("{original}\n{NEW_TEXT}\n"))
        .file(
            "content/announcements/broken-link.md",
            "---\ntitle: ประกาศที่มีลิงก์เสีย\ndate: 2566-01-04\n---\nดู[หน้านี้](/no/such/page/)\n",
        );
    site.build()
        .code(1)
        .stderr_has("broken-link.md")
        .stderr_has("A0201");
    live.assert_same(&site.public());
    // The edited page was written where the next output is made, and nowhere else.
    assert!(
        site.read(&format!("{STAGING}/{EDITED_PAGE}"))
            .contains(NEW_TEXT),
        "the staging folder does not hold the page rendered before the failure"
    );
    assert!(
        !site
            .read(&format!("public/{EDITED_PAGE}"))
            .contains(NEW_TEXT)
    );

    // Back as it was: the page the staging folder's record knows under the same inputs was
    // rewritten by the failed build, and is not taken for the recorded one.
    let site = site
        .file(EDITED, &original)
        .remove("content/announcements/broken-link.md");
    site.build().success();
    site.first_build().assert_same(&site.public());
    assert!(
        !site
            .read(&format!("public/{EDITED_PAGE}"))
            .contains(NEW_TEXT)
    );

    // And forward again: the edit is published.
    let site = site.file(EDITED, &format!("{original}\n{NEW_TEXT}\n"));
    site.build().success();
    site.first_build().assert_same(&site.public());
    assert!(
        site.read(&format!("public/{EDITED_PAGE}"))
            .contains(NEW_TEXT)
    );
}

#[test]
fn a_file_put_into_either_folder_stops_the_build_before_any_page_is_written() {
    for (folder, name) in [(STAGING, "notes.txt"), ("public", "google1234.html")] {
        let site = TestSite::example().built_with_staging();
        let original = site.read(EDITED);
        let site = site
            .file(EDITED, &format!("{original}\n{NEW_TEXT}\n"))
            .file(&format!("{folder}/{name}"), "not prongsai's");
        let before = site.tree();
        site.build().code(2).stderr_has(name);
        before.assert_same(&site.tree());
    }
}

#[test]
fn a_first_build_and_every_rebuild_write_what_a_first_build_writes() {
    let site = TestSite::example();
    site.build().success();
    let first = site.public();
    // The second build into the output (no staging folder yet), and the ones after it.
    let original = site.read(EDITED);
    let mut site = site;
    for round in 0..4 {
        let text = if round % 2 == 0 {
            format!("{original}\n{NEW_TEXT} {round}\n")
        } else {
            original.clone()
        };
        site = site.file(EDITED, &text);
        site.build().success();
        site.first_build().assert_same(&site.public());
    }
    first.assert_same(&site.public());
}

#[test]
fn a_build_that_fails_makes_no_folder_for_its_output() {
    let site = TestSite::minimal().file(
        "content/announcements/bad.md",
        "---\ntitle: ประกาศวันที่ผิด\ndate: 2566-13-45\n---\nข้อความ\n",
    );
    site.run(&["build", "--out", "made/for/public"]).code(1);
    assert!(
        !site.exists("made"),
        "a failed build made its output's folders"
    );
    let site = site.remove("content/announcements/bad.md");
    site.run(&["build", "--out", "made/for/public"]).success();
    assert!(site.exists("made/for/public/index.html"));
}
