//! What a build publishes comes from the site's own folder, never from elsewhere on the
//! machine and never from its hidden files: themes are folders of `themes/`, links may not
//! reach `.env` or `.git`, and attachments a browser would run as pages are flagged.

#![cfg(unix)]

use crate::support;

use std::os::unix::fs::symlink;
use support::TestSite;

#[test]
fn a_theme_is_a_folder_name_not_a_path() {
    for name in ["../../etc", "/etc", "themes/../..", ".hidden"] {
        let site = TestSite::minimal().replace(
            "content/site.yaml",
            "base_url:",
            &format!("theme: \"{name}\"\nbase_url:"),
        );
        site.build()
            .failure()
            .stderr_has("content/site.yaml:2:")
            .stderr_has("ต้องเป็นชื่อโฟลเดอร์ใน themes/ ไม่ใช่ที่อยู่ของไฟล์");
        assert!(!site.exists("public"));
    }
}

#[test]
fn a_theme_linked_from_outside_the_site_needs_saying_so() {
    let shared = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(shared.path().join("static")).unwrap();
    std::fs::write(shared.path().join("static/brand.css"), "body{}").unwrap();
    let site =
        TestSite::minimal().replace("content/site.yaml", "base_url:", "theme: shared\nbase_url:");
    std::fs::create_dir_all(site.path("themes")).unwrap();
    symlink(shared.path(), site.path("themes/shared")).unwrap();
    site.build()
        .failure()
        .stderr_has("อยู่นอกโฟลเดอร์ของเว็บไซต์")
        .stderr_has("theme_outside_site: true");
    assert!(!site.exists("public"));

    let site = site.replace(
        "content/site.yaml",
        "theme: shared",
        "theme: shared\ntheme_outside_site: true",
    );
    site.build().success();
    assert_eq!(site.read("public/static/brand.css"), "body{}");
}

#[test]
fn hidden_files_of_a_theme_are_never_published() {
    let site = TestSite::minimal()
        .replace("content/site.yaml", "base_url:", "theme: local\nbase_url:")
        .file("themes/local/static/logo.txt", "logo")
        .file("themes/local/static/.git/config", "[remote] url = secret")
        .file("themes/local/static/.env", "PASSWORD=x");
    site.build().success();
    assert!(site.exists("public/static/logo.txt"));
    let published: Vec<String> = site.public().paths().map(str::to_owned).collect();
    assert!(
        !published
            .iter()
            .any(|p| p.contains(".git") || p.contains(".env")),
        "{published:?}"
    );
}

#[test]
fn a_link_to_a_hidden_file_of_the_site_is_refused() {
    let site = TestSite::minimal()
        .file(".env", "DEPLOY_PASSWORD=hunter2")
        .file(".git/config", "[core]")
        .file("content/files/readme.txt", "ok");
    symlink(site.path(".env"), site.path("content/files/env.txt")).unwrap();
    site.build()
        .failure()
        .stderr_has("content/files/env.txt")
        .stderr_has("ไฟล์หรือโฟลเดอร์ที่ซ่อนอยู่");
    assert!(!site.exists("public"));

    std::fs::remove_file(site.path("content/files/env.txt")).unwrap();
    symlink(site.path(".git"), site.path("content/files/repo")).unwrap();
    site.build().failure().stderr_has("content/files/repo");
    assert!(!site.exists("public"));
}

#[test]
fn an_attachment_a_browser_would_run_as_a_page_is_flagged() {
    let site = TestSite::minimal()
        .file(
            "content/files/map.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        )
        .file("content/files/old-page.HTML", "<script>alert(1)</script>");
    site.build()
        .success()
        .stderr_has("content/files/map.svg")
        .stderr_has("content/files/old-page.HTML")
        .stderr_has("Content-Security-Policy: sandbox");
    site.run(&["check", "--lang", "en"])
        .success()
        .stderr_has("any script hidden in it runs as the organisation's site");
}
