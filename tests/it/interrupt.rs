//! Killing `prongsai build` at any moment leaves `public/` as the old site or the new one,
//! whole, and the next build succeeds as if nothing had happened.

use crate::support;

use std::process::Command;
use support::{BIN, TestSite};

/// A site big enough that a build takes a while: the example plus generated announcements.
fn site_with(announcements: usize, variant: &str) -> TestSite {
    let mut site = TestSite::example();
    for i in 0..announcements {
        site = site.file(
            &format!("content/announcements/bulk/n{i:04}.md"),
            &format!(
                "---\ntitle: ประกาศทดสอบ {i} {variant}\ndate: 2566-0{}-1{}\n---\n{}\n",
                1 + i % 9,
                i % 9,
                "ย่อหน้าทดสอบการสร้างเว็บไซต์ ".repeat(40)
            ),
        );
    }
    site
}

/// The variant that is not `variant`.
fn other(variant: &str) -> &'static str {
    if variant == "ฉบับเอ" {
        "ฉบับบี"
    } else {
        "ฉบับเอ"
    }
}

/// Switches every generated announcement between the two variants.
fn switch(site: &TestSite, from: &str, to: &str) {
    let dir = site.root().join("content/announcements/bulk");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap().replace(from, to);
        std::fs::write(&path, text).unwrap();
    }
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one_whole() {
    let site = site_with(200, "ฉบับเอ");
    let a = site.first_build();
    switch(&site, "ฉบับเอ", "ฉบับบี");
    let b = site.first_build();
    switch(&site, "ฉบับบี", "ฉบับเอ");
    site.build().success();
    site.public().assert_same(&a);

    // Time one build, then kill builds at points spread across that time.
    let start = std::time::Instant::now();
    site.build().success();
    let full = start.elapsed();
    let mut current = "ฉบับเอ";
    let mut seed = 0x9e37_79b9_u64;
    for round in 0..12 {
        let next = other(current);
        switch(&site, current, next);
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let fraction = (seed >> 33) % 100;
        let delay = full.mul_f64(fraction as f64 / 100.0 * 1.2);
        let mut child = Command::new(BIN)
            .args(["build", "-q", "--root"])
            .arg(site.root())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix
        let finished = child.wait().unwrap().success();
        let now = site.public();
        let whole = now.0 == a.0 || now.0 == b.0;
        assert!(
            whole,
            "round {round}: after a kill at {delay:?} (finished: {finished}) public/ is neither build"
        );
        current = next;
    }
    // The next build completes and holds exactly the current files' site.
    site.build().success();
    let expected = if current == "ฉบับเอ" {
        &a
    } else {
        &b
    };
    expected.assert_same(&site.public());
}

/// Killed while it writes pages into the staging folder (soon after that folder's list of
/// files names the pages about to be written), a build leaves `public/` whole, and the next
/// build is the current files' site.
#[test]
fn a_build_killed_while_it_writes_pages_leaves_the_site_whole() {
    let site = site_with(300, "ฉบับเอ");
    let a = site.first_build();
    switch(&site, "ฉบับเอ", "ฉบับบี");
    let b = site.first_build();
    switch(&site, "ฉบับบี", "ฉบับเอ");
    let site = site.built_with_staging();
    site.public().assert_same(&a);
    let manifest = site.path(".public.prongsai/.prongsai-output.json");
    let mut current = "ฉบับเอ";
    for wait_ms in [0, 1, 3, 10, 30] {
        let next = other(current);
        switch(&site, current, next);
        let listed = std::fs::metadata(&manifest).and_then(|m| m.modified()).ok();
        let mut child = Command::new(BIN)
            .args(["build", "-q", "--root"])
            .arg(site.root())
            .spawn()
            .unwrap();
        // The staging folder's list of files rewritten: its pages are being written.
        while std::fs::metadata(&manifest).and_then(|m| m.modified()).ok() == listed
            && child.try_wait().unwrap().is_none()
        {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let now = site.public();
        assert!(
            now.0 == a.0 || now.0 == b.0,
            "killed {wait_ms} ms into the pages (finished: {finished}): public/ is neither build"
        );
        current = next;
    }
    site.build().success();
    let expected = if current == "ฉบับเอ" {
        &a
    } else {
        &b
    };
    expected.assert_same(&site.public());
}
