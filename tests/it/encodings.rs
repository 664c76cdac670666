//! Files saved as office PCs save them: Windows-874 (TIS-620, Notepad's "ANSI" on a Thai
//! Windows) and UTF-16 with a byte-order mark (Excel's "Unicode text") are read correctly with a
//! warning; valid UTF-8 is never read as anything else; `fix-encoding` converts, keeping the
//! original.

use crate::support::{TestSite, text_of};

fn windows_874(text: &str) -> Vec<u8> {
    let (bytes, _, errors) = encoding_rs::WINDOWS_874.encode(text);
    assert!(!errors);
    bytes.into_owned()
}

const ANNOUNCEMENT: &str = "---\ntitle: ประกาศรับสมัครพนักงานจ้าง\ndate: 2566-11-01\n---\nเทศบาลตำบลทดสอบรับสมัครพนักงานจ้างตามภารกิจ\n";

#[test]
fn a_windows_874_announcement_builds_with_a_warning_and_its_thai_intact() {
    let site =
        TestSite::minimal().bytes("content/announcements/staff.md", &windows_874(ANNOUNCEMENT));
    site.build()
        .success()
        .stderr_has("คำเตือน: content/announcements/staff.md: ไฟล์นี้บันทึกด้วยรหัสภาษาไทยแบบเดิม (Windows-874/TIS-620 หรือ ANSI ใน Notepad) อ่านได้ถูกต้องแล้ว")
        .stderr_has("แปลงเป็น UTF-8 ด้วย prongsai fix-encoding content/announcements/staff.md");
    let page = std::fs::read_dir(site.path("public/announcements"))
        .unwrap()
        .map(|e| e.unwrap().path().join("index.html"))
        .find(|p| {
            p.is_file()
                && std::fs::read_to_string(p)
                    .unwrap()
                    .contains("ประกาศรับสมัครพนักงานจ้าง")
        })
        .expect("the announcement's page");
    let text = text_of(&std::fs::read_to_string(page).unwrap());
    assert!(
        text.contains("เทศบาลตำบลทดสอบรับสมัครพนักงานจ้างตามภารกิจ"),
        "{text}"
    );
}

#[test]
fn a_windows_874_csv_dataset_publishes_correct_thai_and_says_which_file() {
    let site = TestSite::minimal()
        .file(
            "content/data/complaints.yaml",
            "title: สถิติเรื่องร้องเรียน\nupdate_frequency: quarterly\ncolumns:\n  - {name: quarter, title: ไตรมาส, type: integer}\n  - {name: note, title: หมายเหตุ, type: string}\n",
        )
        .bytes(
            "content/data/complaints.csv",
            &windows_874("quarter,note\n1,ร้องเรียนทางโทรศัพท์\n2,ไม่มีเรื่องร้องเรียน\n"),
        );
    site.build()
        .success()
        .stderr_has("คำเตือน: content/data/complaints.csv: ไฟล์นี้บันทึกด้วยรหัสภาษาไทยแบบเดิม");
    let csv = std::fs::read_dir(site.path("public/data"))
        .unwrap()
        .flat_map(|e| std::fs::read_dir(e.unwrap().path()).into_iter().flatten())
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "csv"))
        .expect("the published CSV");
    let text = std::fs::read_to_string(csv).unwrap();
    assert!(text.contains("ร้องเรียนทางโทรศัพท์"), "{text}");
}

#[test]
fn utf16_with_a_byte_order_mark_reads_and_utf8_is_never_anything_else() {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in ANNOUNCEMENT.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let site = TestSite::minimal().bytes("content/announcements/staff.md", &utf16);
    site.build()
        .success()
        .stderr_has("ไฟล์นี้บันทึกเป็น UTF-16LE (Unicode text ของ Excel) อ่านได้ถูกต้องแล้ว");
    // UTF-8, with or without a byte-order mark: no warning, the same text.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(ANNOUNCEMENT.as_bytes());
    let site = TestSite::minimal()
        .bytes("content/announcements/staff.md", &bom)
        .file(
            "content/announcements/plain.md",
            &ANNOUNCEMENT.replace("staff", "x"),
        );
    site.build()
        .success()
        .stderr_lacks("F0111")
        .stderr_lacks("รหัสภาษาไทยแบบเดิม");
    // Bytes that are no text at all are still an error.
    let site = TestSite::minimal().bytes(
        "content/announcements/junk.md",
        &[0x2d, 0x2d, 0x2d, 0x0a, 0xDB, 0xFC, 0xFF, 0x0a],
    );
    site.build().code(1).stderr_has("ไฟล์นี้ไม่ได้บันทึกเป็น UTF-8");
}

#[test]
fn fix_encoding_converts_keeps_the_original_and_leaves_utf8_alone() {
    let original = windows_874(ANNOUNCEMENT);
    let site = TestSite::minimal().bytes("content/announcements/staff.md", &original);
    site.run(&["fix-encoding", "content/announcements/staff.md"])
        .success()
        .stderr_has("แปลง content/announcements/staff.md จาก Windows-874 เป็น UTF-8 แล้ว (ไฟล์เดิมอยู่ที่ content/announcements/staff.md.bak)");
    assert_eq!(site.read("content/announcements/staff.md"), ANNOUNCEMENT);
    assert_eq!(
        site.read_bytes("content/announcements/staff.md.bak"),
        original
    );
    // Converted, the build has nothing to say about it, and the backup is not content.
    site.build()
        .success()
        .stderr_lacks("รหัสภาษาไทยแบบเดิม")
        .stderr_lacks("staff.md.bak");
    site.run(&["fix-encoding", "content/announcements/staff.md"])
        .success()
        .stderr_has("content/announcements/staff.md เป็น UTF-8 อยู่แล้ว ไม่ได้แก้ไข");
    assert_eq!(
        site.read_bytes("content/announcements/staff.md.bak"),
        original
    );
}

#[cfg(unix)]
#[test]
fn fix_encoding_does_not_follow_a_link() {
    let outside = TestSite::empty().bytes("secret.md", &windows_874(ANNOUNCEMENT));
    let site = TestSite::minimal();
    std::os::unix::fs::symlink(
        outside.path("secret.md"),
        site.path("content/announcements/link.md"),
    )
    .unwrap();
    site.run(&["fix-encoding", "content/announcements/link.md"])
        .code(2)
        .stderr_has("เป็นลิงก์หรือโฟลเดอร์ ไม่ใช่ไฟล์ จึงไม่แก้ไข");
    assert_eq!(outside.read_bytes("secret.md"), windows_874(ANNOUNCEMENT));
}
