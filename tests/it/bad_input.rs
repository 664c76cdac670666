//! Content with mistakes the staff of a municipality make. Each case builds the example site,
//! breaks it, and builds again: the build must exit 1, name the file and the line on stderr
//! (and in `check --format json`), explain in Thai by default, and leave the site that was
//! already published byte for byte as it was.
//!
//! Then inputs that look wrong but must be accepted: script tags in text, files saved by
//! Notepad with a byte-order mark and CRLF line ends.

use crate::support;

use support::{Outcome, TestSite, text_of};

/// The announcement each case writes.
const A: &str = "content/announcements/a.md";
const MEASURES: &str = "content/measures/2566.yaml";

/// A build that must fail, and the site it failed on.
struct Rejected {
    site: TestSite,
    out: Outcome,
}

/// Builds the example site, applies `change`, builds again, and checks the second build failed
/// without touching the published site.
#[track_caller]
fn rejects(change: impl FnOnce(TestSite) -> TestSite) -> Rejected {
    let site = TestSite::example();
    site.build().success();
    let before = site.public();
    assert!(
        before.get("measures/2566/index.html").is_some(),
        "the first build published the site"
    );

    let site = change(site);
    let names = top_level(&site);
    let out = site.build();
    out.failure();
    before.assert_same(&site.public());
    assert_eq!(
        top_level(&site),
        names,
        "a failed build leaves nothing behind in the site folder"
    );
    Rejected { site, out }
}

fn top_level(site: &TestSite) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

impl Rejected {
    /// stderr names `file:line` or `file:line:column` (followed by `:`), and
    /// `check --format json` reports an error at the same place.
    #[track_caller]
    fn at(&self, location: &str) -> &Self {
        self.out.stderr_has(&format!("{location}:"));
        let mut parts = location.split(':');
        let file = parts.next().expect("a file");
        let line: u64 = parts
            .next()
            .and_then(|l| l.parse().ok())
            .expect("a line number");
        let column: Option<u64> = parts.next().map(|c| c.parse().expect("a column number"));
        let check = self.site.run(&["check", "--format", "json"]);
        check.failure();
        let json = check.json();
        let found = json["diagnostics"]
            .as_array()
            .expect("a list of diagnostics")
            .iter()
            .any(|d| {
                d["severity"] == "error"
                    && d["file"] == file
                    && d["line"] == line
                    && column.is_none_or(|c| d["column"] == c)
            });
        assert!(
            found,
            "check --format json has no error at {location}:\n{json:#}"
        );
        self
    }

    /// Like [`Rejected::at`], at the line of `file` where `needle` first appears, for fixtures
    /// taken from the example site, whose lines may move.
    #[track_caller]
    fn at_line_of(&self, file: &str, needle: &str) -> &Self {
        let text = self.site.read(file);
        let line = text
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{file} has no {needle:?}"));
        self.at(&format!("{file}:{}", line + 1))
    }

    /// The Thai message (the default) says `text`.
    #[track_caller]
    fn says(&self, text: &str) -> &Self {
        self.out.stderr_has(text);
        self
    }

    /// With `--lang en`, the message says `text`.
    #[track_caller]
    fn says_in_english(&self, text: &str) -> &Self {
        self.site
            .run(&["build", "--lang", "en"])
            .failure()
            .stderr_has(text);
        self
    }
}

fn announcement(front: &str, body: &str) -> String {
    format!("---\n{front}---\n{body}")
}

// ---- YAML the parser cannot read ----

#[test]
fn malformed_yaml_a_colon_inside_a_title() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศ เรื่อง: มาตรการป้องกันการรับสินบน\ndate: 2566-01-15\n",
                "x\n",
            ),
        )
    })
    .at("content/announcements/a.md:2")
    .says("YAML")
    .says_in_english("not valid YAML");
}

#[test]
fn malformed_yaml_an_unclosed_quote_is_reported_where_it_opens() {
    let r = rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\nsummary: \"ยังไม่ปิดเครื่องหมายคำพูด\n",
                "x\n",
            ),
        )
    });
    r.at("content/announcements/a.md:4:10");
    // Positions counted inside the front matter would disagree with the file's lines.
    r.out.stderr_lacks(" at line ");
}

#[test]
fn tab_indentation_is_named_as_such() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\nsigned_by:\n\tname: นายทดสอบ\n",
                "x\n",
            ),
        )
    })
    .at("content/announcements/a.md:5")
    .says("Tab")
    .says_in_english("indented with a tab");
}

#[test]
fn front_matter_without_its_closing_line() {
    rejects(|s| {
        s.file(
            A,
            "---\ntitle: ประกาศทดสอบ\ndate: 2566-01-15\n\nเนื้อหาของประกาศ\n",
        )
    })
    .at("content/announcements/a.md:1")
    .says("ไม่ได้ปิดด้วยบรรทัด ---")
    .says_in_english("not closed");
}

#[test]
fn empty_file() {
    rejects(|s| s.file(A, ""))
        .at("content/announcements/a.md:1")
        .says("ไฟล์ว่างเปล่า")
        .says_in_english("empty");
}

#[test]
fn file_in_no_encoding_prongsai_reads() {
    // Windows-874 is read (tests/it/encodings.rs); bytes it leaves undefined are no text.
    let mut bytes = b"---\ntitle: ".to_vec();
    bytes.extend_from_slice(&[0xBB, 0xC3, 0xDB, 0xDC, 0xFC, 0xFF]);
    bytes.extend_from_slice(b"\ndate: 2566-01-15\n---\nx\n");
    rejects(|s| s.bytes(A, &bytes))
        .at("content/announcements/a.md:2")
        .says("UTF-8")
        .says_in_english("not saved as UTF-8");
}

// ---- values that cannot be right ----

#[test]
fn impossible_date() {
    rejects(|s| {
        s.file(
            A,
            &announcement("title: ประกาศทดสอบ\ndate: 2566-02-30\n", "x\n"),
        )
    })
    .at("content/announcements/a.md:3:7")
    .says("30 กุมภาพันธ์ 2566")
    .says("ช่อง: date");
}

/// 29 February of a common year, in Thai digits, in a field other than `date`.
#[test]
fn impossible_date_in_thai_digits_in_another_field() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\nupdated: \"๒๕๖๖-๐๒-๒๙\"\n",
                "x\n",
            ),
        )
    })
    .at("content/announcements/a.md:4")
    .says("29 กุมภาพันธ์")
    .says("ช่อง: updated");
}

#[test]
fn negative_money_in_a_procurement_plan() {
    const PLAN: &str = "content/procurement/plans/2566.yaml";
    rejects(|s| s.replace(PLAN, "budget: 298000", "budget: \"-๒๙๘,๐๐๐ บาท\""))
        .at_line_of(PLAN, "budget: \"-๒๙๘,๐๐๐ บาท\"")
        .says("ติดลบ")
        .says("items[0].budget")
        .says_in_english("is negative");
}

#[test]
fn month_13_in_a_measures_period() {
    rejects(|s| s.replace(MEASURES, "from: 2565-10", "from: 2565-13"))
        .at_line_of(MEASURES, "from: 2565-13")
        .says("13")
        .says("measures[0].period.from")
        .says_in_english("no month 13");
}

#[test]
fn measures_file_whose_fiscal_year_differs_from_its_name() {
    rejects(|s| s.replace(MEASURES, "fiscal_year: 2566", "fiscal_year: 2567"))
        .at_line_of(MEASURES, "fiscal_year: 2567")
        .says("2566.yaml")
        .says_in_english("does not match the file name");
}

#[test]
fn section9_category_out_of_range() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\nsection9: [2, 9]\n",
                "x\n",
            ),
        )
    })
    .at("content/announcements/a.md:4")
    .says("1 ถึง 8")
    .says_in_english("section 9 categories are 1 to 8, found 9");
}

// ---- names that do not exist ----

#[test]
fn unknown_field_suggests_the_nearest_name() {
    rejects(|s| {
        s.file(
            A,
            &announcement("title: ประกาศทดสอบ\ndate: 2566-01-15\nsumary: สรุป\n", "x\n"),
        )
    })
    .at("content/announcements/a.md:4")
    .says("ไม่รู้จักช่อง \"sumary\"")
    .says("หมายถึง \"summary\" หรือไม่")
    .says_in_english("did you mean \"summary\"");
}

#[test]
fn unknown_field_in_a_measure_suggests_the_nearest_name() {
    rejects(|s| s.replace(MEASURES, "    responsible:", "    responsable:"))
        .at_line_of(MEASURES, "responsable:")
        .says("หมายถึง \"responsible\" หรือไม่");
}

#[test]
fn unknown_field_in_site_yaml_suggests_the_nearest_name() {
    rejects(|s| s.replace("content/site.yaml", "base_url:", "baseurl:"))
        .at_line_of("content/site.yaml", "baseurl:")
        .says("หมายถึง \"base_url\" หรือไม่");
}

#[test]
fn unknown_topic_key_suggests_the_nearest_one() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\ntopics: [no_gift_anouncement]\n",
                "x\n",
            ),
        )
    })
    .at("content/announcements/a.md:4")
    .says("หมายถึง \"no_gift_announcement\" หรือไม่")
    .says_in_english("unknown topic \"no_gift_anouncement\"");
}

#[test]
fn two_announcements_with_the_same_slug_in_different_year_folders() {
    let r = rejects(|s| {
        s.file(
            "content/announcements/2566/x.md",
            &announcement("title: ประกาศปี 2566\ndate: 2566-01-15\n", "x\n"),
        )
        .file(
            "content/announcements/2567/x.md",
            &announcement("title: ประกาศปี 2567\ndate: 2567-01-15\n", "x\n"),
        )
    });
    // Whichever is reported, the message names both files and the address they share.
    r.says("content/announcements/2566/x.md")
        .says("content/announcements/2567/x.md")
        .says("/announcements/x/");
    if r.out.stderr.contains("content/announcements/2566/x.md:1:")
        || r.out.stderr.contains("content/announcements/2566/x.md:1 ")
    {
        r.at("content/announcements/2566/x.md:1");
    } else {
        r.at("content/announcements/2567/x.md:1");
    }
}

#[test]
fn attachment_that_does_not_exist() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\nattachments:\n  - {file: files/2566/no-gift-polcy.pdf, title: ฉบับลงนาม}\n",
                "x\n",
            ),
        )
    })
    .at("content/announcements/a.md:5")
    .says("files/2566/no-gift-polcy.pdf")
    .says("หมายถึง \"files/2566/no-gift-policy.pdf\" หรือไม่");
}

#[test]
fn attachment_path_climbing_out_of_content() {
    let r = rejects(|s| {
        s.file("secret.txt", "รหัสผ่าน").file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\nattachments: [{file: files/../../secret.txt}]\n",
                "x\n",
            ),
        )
    });
    r.at("content/announcements/a.md:4").says("content/files/");
}

#[test]
fn attachment_given_as_an_absolute_path() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\nattachments: [{file: /etc/passwd}]\n",
                "x\n",
            ),
        )
    })
    .at("content/announcements/a.md:4")
    .says_in_english("points outside content/files/");
}

#[test]
fn markdown_link_to_a_page_that_does_not_exist() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\n",
                "ย่อหน้าแรก\n\nดู[ประกาศที่เกี่ยวข้อง](/announcements/no-such-page/)\n",
            ),
        )
    })
    .at("content/announcements/a.md:7")
    .says("/announcements/no-such-page/")
    .says_in_english("which is not on the site");
}

#[test]
fn markdown_link_to_an_attachment_that_does_not_exist() {
    rejects(|s| {
        s.file(
            A,
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\n",
                "\n\n[ดาวน์โหลด](files/2566/missing.pdf)\n",
            ),
        )
    })
    .at("content/announcements/a.md:7")
    .says("/files/2566/missing.pdf");
}

// ---- how errors are reported ----

/// Every file that cannot be read is reported in one run, so a clerk fixes them all at once.
/// (Checks across files, such as topic keys and links, run once every file reads.)
#[test]
fn every_file_that_cannot_be_read_is_reported_in_one_run() {
    let r = rejects(|s| {
        s.file(
            A,
            &announcement("title: ประกาศทดสอบ\ndate: 2566-02-30\n", "x\n"),
        )
        .file(
            "content/announcements/b.md",
            &announcement(
                "title: ประกาศทดสอบ\ndate: 2566-01-15\nnumbr: \"1/2566\"\n",
                "x\n",
            ),
        )
        .replace(MEASURES, "fiscal_year: 2566", "fiscal_year: 2567")
    });
    r.at("content/announcements/a.md:3")
        .at("content/announcements/b.md:4")
        .at_line_of(MEASURES, "fiscal_year: 2567")
        .says("พบข้อผิดพลาด 3 รายการ");
}

#[test]
fn messages_are_thai_by_default_and_english_with_lang_en() {
    let site = TestSite::example().file(
        A,
        &announcement("titel: ประกาศทดสอบ\ndate: 2566-01-15\n", "x\n"),
    );
    site.build()
        .failure()
        .stderr_has("ข้อผิดพลาด: content/announcements/a.md:2")
        .stderr_has("ไม่รู้จักช่อง \"titel\"")
        .stderr_has("วิธีแก้: หมายถึง \"title\" หรือไม่")
        .stderr_lacks("error:")
        .stderr_lacks("did you mean");
    site.run(&["build", "--lang", "en"])
        .failure()
        .stderr_has("error: content/announcements/a.md:2")
        .stderr_has("unknown field \"titel\"")
        .stderr_has("how to fix: did you mean \"title\"?")
        .stderr_lacks("ข้อผิดพลาด")
        .stderr_lacks("หมายถึง");
    assert!(
        !site.exists("public"),
        "nothing is published from a site with errors"
    );
}

// ---- inputs that look wrong but are fine ----

#[test]
fn script_tags_in_a_title_and_body_are_shown_as_text_never_run() {
    let site = TestSite::example().file(
        A,
        &announcement(
            "title: \"<script>alert(1)</script> ประกาศทดสอบ\"\ndate: 2566-01-15\nsummary: \"<script>alert(3)</script>\"\n",
            "<script>alert(2)</script>\n\nย่อหน้า <img src=x onerror=alert(4)>\n",
        ),
    );
    site.build().success();
    let page = site.read("public/announcements/a/index.html");
    assert!(page.contains("&lt;script&gt;alert(1)"), "{page}");
    assert!(
        text_of(&page).contains("<script>alert(1)</script> ประกาศทดสอบ"),
        "the reader sees the title as typed"
    );
    for (path, bytes) in site.public().0 {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("<script>alert"),
            "{path} has a live script tag"
        );
        assert!(!text.contains("<img src=x"), "{path} has a live img tag");
    }
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_accepted() {
    let notepad = |text: &str| {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
        bytes
    };
    let site = TestSite::example()
        .bytes(
            A,
            &notepad(&announcement(
                "title: ประกาศบันทึกจาก Notepad\ndate: 2566-01-15\nnumber: \"9/2566\"\n",
                "บรรทัดแรก\n\nบรรทัดที่สอง\n",
            )),
        )
        .bytes(
            "content/site.yaml",
            &notepad(&TestSite::example().read("content/site.yaml")),
        );
    site.build().success();
    let page = text_of(&site.read("public/announcements/a/index.html"));
    assert!(page.contains("ประกาศบันทึกจาก Notepad"), "{page}");
    assert!(
        page.contains("๑๕ มกราคม ๒๕๖๖") || page.contains("๑๕ ม.ค. ๒๕๖๖"),
        "{page}"
    );
    assert!(
        !page.contains('\u{feff}'),
        "the byte-order mark is not shown"
    );
    assert!(text_of(&site.read("public/index.html")).contains("เทศบาลตำบลเพชรพะงัน"));
    let list = text_of(&site.read("public/announcements/index.html"));
    assert!(list.contains("ประกาศบันทึกจาก Notepad"), "{list}");
}

#[test]
fn the_published_site_is_kept_when_only_the_second_of_two_builds_fails() {
    // The same guarantee as every case above, seen from the user's side: fix the mistake and
    // the next build publishes again.
    let r = rejects(|s| {
        s.file(
            A,
            &announcement("title: ประกาศทดสอบ\ndate: 2566-02-30\n", "x\n"),
        )
    });
    let site = r.site.file(
        A,
        &announcement("title: ประกาศทดสอบ\ndate: 2566-02-28\n", "x\n"),
    );
    site.build().success();
    let page = text_of(&site.read("public/announcements/a/index.html"));
    assert!(
        page.contains("๒๘ กุมภาพันธ์ ๒๕๖๖") || page.contains("๒๘ ก.พ. ๒๕๖๖"),
        "{page}"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_site_is_refused_and_nothing_is_published() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "top secret").unwrap();
    let site = TestSite::example();
    site.build().success();
    let before = site.public();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        site.root().join("content/files/2566/secret.pdf"),
    )
    .unwrap();
    site.build()
        .failure()
        .stderr_has("content/files/2566/secret.pdf")
        .stderr_has("ชี้ไปนอกโฟลเดอร์ของเว็บไซต์");
    before.assert_same(&site.public());
    // A link that stays inside the site is fine.
    std::fs::remove_file(site.root().join("content/files/2566/secret.pdf")).unwrap();
    std::os::unix::fs::symlink(
        site.root().join("content/files/2566/no-gift-policy.pdf"),
        site.root().join("content/files/2566/no-gift-copy.pdf"),
    )
    .unwrap();
    site.build().success();
    assert_eq!(
        site.read_bytes("public/files/2566/no-gift-copy.pdf"),
        site.read_bytes("public/files/2566/no-gift-policy.pdf")
    );
}
