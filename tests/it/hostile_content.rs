//! Content written to do harm, or that happens to: a link that runs a script, text that ends a
//! script element early, control characters, spreadsheet formulas, amounts that overflow,
//! nesting that stalls a parser, a file name that drives the terminal. Each is refused at its
//! line or made harmless in every output.

use crate::support;

use support::TestSite;

const MEASURES: &str = "content/measures/2566.yaml";

#[test]
fn a_javascript_link_in_measures_evidence_is_refused_at_its_line() {
    let site = TestSite::example();
    site.build().success();
    let before = site.public();
    let text = site.read(MEASURES);
    let href = text
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("- {title:")
                .and(l.split("href: ").nth(1))
        })
        .map(|h| h.trim_end_matches('}').trim().to_owned())
        .expect("the example has evidence");
    for evil in [
        "javascript:alert(document.cookie)",
        " JaVa\tScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
    ] {
        let site = TestSite::example().replace(
            MEASURES,
            &format!("href: {href}"),
            &format!("href: {:?}", evil),
        );
        let line = site
            .read(MEASURES)
            .lines()
            .position(|l| l.contains("href: \""))
            .unwrap()
            + 1;
        site.build()
            .failure()
            .stderr_has(&format!("ข้อผิดพลาด: {MEASURES}:{line}:"))
            .stderr_has("ลิงก์ต้องเปิดหน้าเว็บหรือไฟล์")
            .stderr_has("รหัส: A0202");
    }
    before.assert_same(&site.public());
}

#[test]
fn a_javascript_link_in_markdown_is_refused_at_its_line() {
    let site = TestSite::minimal().file(
        "content/announcements/x.md",
        "---\ntitle: ประกาศ\ndate: 2566-01-20\n---\nย่อหน้าแรก\n\n[คลิก](javascript:alert(1)) และ ![รูป](data:image/svg+xml,<svg onload=alert(1)>)\n",
    );
    site.build()
        .failure()
        .stderr_has("content/announcements/x.md:7:1: ลิงก์ \"javascript:alert(1)\" ใช้ไม่ได้")
        .stderr_has("content/announcements/x.md:7:");
    // raw_html: trust leaves the site's own Markdown to the site.
    let site = site.replace(
        "content/site.yaml",
        "base_url:",
        "raw_html: trust\nbase_url:",
    );
    site.build().success();
}

#[test]
fn content_in_json_ld_cannot_end_its_script() {
    // As reported: this name once swallowed the end of the JSON-LD script and blanked pages.
    let name = "เทศบาล X <!--<script>";
    let site = TestSite::example().replace(
        "content/site.yaml",
        "name: เทศบาลตำบลเพชรพะงัน",
        &format!("name: \"{name}\""),
    );
    site.build().success();
    let mut pages = 0;
    for (path, bytes) in &site.public().0 {
        if !path.ends_with(".html") {
            continue;
        }
        let page = String::from_utf8_lossy(bytes);
        let Some(start) = page.find("<script type=\"application/ld+json\">") else {
            continue;
        };
        pages += 1;
        let body = &page[start + "<script type=\"application/ld+json\">".len()..];
        let json = &body[..body.find("</script>").expect("the script ends")];
        assert!(!json.contains('<') && !json.contains('>'), "{path}: {json}");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert!(value.to_string().contains(name), "{path}: {value}");
        // The page goes on after it: its heading is there, outside any comment.
        let after = &body[body.find("</script>").unwrap()..];
        assert!(
            after.contains("<h1") && !after[..after.find("<h1").unwrap()].contains("<!--"),
            "{path}"
        );
    }
    assert!(pages > 0, "no page embeds JSON-LD");
}

#[test]
fn a_control_character_is_refused_at_its_line_and_never_reaches_xml() {
    let site = TestSite::minimal().file(
        "content/announcements/x.md",
        "---\ntitle: ประกาศ\u{1}ทดสอบ\ndate: 2566-01-20\n---\nข้อความ\n",
    );
    site.build()
        .failure()
        .stderr_has("content/announcements/x.md:2:")
        .stderr_has("มีอักขระควบคุมที่มองไม่เห็น (U+0001)")
        .stderr_has("รหัส: F0105");
    assert!(!site.exists("public"));
    // Written as a YAML escape it reads, and the feed stays well formed.
    let site = TestSite::minimal().file(
        "content/announcements/x.md",
        "---\ntitle: \"ประกาศ\\u0001ทดสอบ\\u001b[31m\"\ndate: 2566-01-20\n---\nข้อความ\n",
    );
    site.build().success();
    let feed = site.read("public/feed.xml");
    assert!(feed.contains("ประกาศทดสอบ"), "{feed}");
    assert!(
        !feed
            .chars()
            .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')),
        "feed.xml holds a character XML forbids"
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(
        !sitemap
            .chars()
            .any(|c| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
    );
}

#[test]
fn spreadsheet_formulas_in_text_cells_are_written_as_text() {
    let jan = "content/procurement/results/2566-01.yaml";
    let site = TestSite::example().replace(
        jan,
        "winner: {name: ห้างหุ้นส่วนจำกัด ตัวอย่างปิโตรเลียม",
        "winner: {name: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"ดูเอกสาร\\\")\"",
    );
    let text = site.read(jan);
    let reason = text
        .lines()
        .find(|l| l.trim_start().starts_with("reason:"))
        .unwrap()
        .to_owned();
    let site = site.replace(jan, &reason, "    reason: \"@SUM(1+1)*cmd|' /C calc'!A0\"");
    site.build().success();
    let csv = site.read("public/procurement/results/2566/results.csv");
    let row = csv
        .lines()
        .find(|l| l.contains("HYPERLINK"))
        .expect("the row");
    assert!(
        row.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"ดูเอกสาร\"\")\","),
        "{row}"
    );
    assert!(row.contains(",'@SUM(1+1)*cmd|' /C calc'!A0"), "{row}");
    // Numbers stay numbers; JSON keeps the value as typed.
    assert!(row.contains(",48000.00,"), "{row}");
    let json = site.read("public/procurement/results/2566/results.json");
    assert!(
        json.contains("\"winner\": \"=HYPERLINK("),
        "{}",
        &json[..400.min(json.len())]
    );
}

#[test]
fn amounts_beyond_any_budget_are_refused_and_totals_never_wrap() {
    let plan = "fiscal_year: 2566\nitems:\n  - id: \"66-001\"\n    title: ก\n    budget: 92233720368547758\n    method: specific\n  - id: \"66-002\"\n    title: ข\n    budget: 92233720368547758\n    method: specific\n";
    let site = TestSite::minimal().file("content/procurement/plans/2566.yaml", plan);
    site.build()
        .failure()
        .stderr_has("content/procurement/plans/2566.yaml:5:")
        .stderr_has("เกินหนึ่งล้านล้านบาท")
        .stderr_has("รหัส: V0203");
    // A plan whose budgets, each allowed, add up past what can be counted.
    let mut plan = String::from("fiscal_year: 2566\nitems:\n");
    for i in 0..92_234 {
        plan.push_str(&format!(
            "  - {{id: \"{i}\", title: t{i}, budget: 1000000000000, method: specific}}\n"
        ));
    }
    let site = TestSite::minimal().file("content/procurement/plans/2566.yaml", &plan);
    site.build()
        .failure()
        .stderr_has("ยอดรวมงบประมาณของแผนเกินกว่าที่คำนวณได้")
        .stderr_has("items[92233].budget")
        .stderr_has("รหัส: P0114");
}

#[test]
fn nesting_bombs_are_refused_quickly_at_their_line() {
    let yaml = format!(
        "---\ntitle: x\ndate: 2566-01-20\nsummary: {}\n---\nข้อความ\n",
        "[".repeat(80_000)
    );
    let site = TestSite::minimal().file("content/announcements/bomb.md", &yaml);
    site.build()
        .failure()
        .stderr_has("content/announcements/bomb.md:4:")
        .stderr_has("ซ้อนกันเกิน 100 ชั้น")
        .stderr_has("รหัส: F0104");
    let md = format!(
        "---\ntitle: x\ndate: 2566-01-20\n---\n{}\n",
        "<div>".repeat(80_000)
    );
    let site = TestSite::minimal().file("content/announcements/bomb.md", &md);
    site.build()
        .failure()
        .stderr_has("content/announcements/bomb.md:5:")
        .stderr_has("แท็ก HTML ซ้อนกันเกิน 256 ชั้น");
    let plan = format!("fiscal_year: 2566\nitems: {}\n", "- ".repeat(80_000));
    let site = TestSite::minimal().file("content/procurement/plans/2566.yaml", &plan);
    site.build()
        .failure()
        .stderr_has("content/procurement/plans/2566.yaml:2:");
}

#[cfg(unix)]
#[test]
fn a_file_name_cannot_drive_the_terminal() {
    let site = TestSite::minimal().file(
        "content/announcements/a\u{1b}[31mred\u{7}.md",
        "---\ntitle: x\ndate: 2566-13-01\n---\n",
    );
    let out = site.build();
    out.failure()
        .stderr_has("content/announcements/a\\u{1b}[31mred\\u{7}.md");
    assert!(!out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{7}'));
}
