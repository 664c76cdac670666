//! The disclosure report of `prongsai check` (domain/section9.md, domain/ita-oit.md):
//! one municipality that discloses everything fiscal year 2566 asks for, and the same site
//! missing one thing at a time, each with exactly the finding it should produce — in JSON, in
//! the text report grouped by rule (Thai with the English rule name, and `--lang en`), and in the
//! one-line summary of `prongsai build`. Then the example site, which leaves out a few things on
//! purpose to show the report.
//!
//! The same records feed `/section9/` (the information centre: eight categories, an index, a page
//! per fiscal year) and `/ita/YEAR/` with `ita-YEAR.csv` (the assessment table); those pages are
//! tested here too, on the same sites.
//!
//! The expected findings and pages are written by hand from the rules and the catalog in
//! domain/ita-oit.md (what is missing, the file to add or fix, the rule it comes from), not
//! copied from a run.

mod support;

use serde_json::Value;
use support::{Outcome, TestSite, attribute_values, between, percent_decode, text_of};

// ---- the complete municipality ----

pub const SITE_YAML: &str = "\
name: เทศบาลตำบลทดสอบ
base_url: https://www.example.go.th/
fiscal_year: 2566
";

const MEASURES: &str = "content/measures/2566.yaml";

/// Two measures, the first carried out and reported.
const MEASURES_2566: &str = "\
fiscal_year: 2566
measures:
  - title: มาตรการป้องกันการรับสินบน
    methods: [จัดทำประกาศมาตรการป้องกันการรับสินบน]
    responsible: สำนักปลัด
    result:
      status: done
      summary: ออกประกาศแล้ว
  - title: มาตรการเปิดเผยข้อมูลต่อสาธารณะ
    methods: [เผยแพร่ข้อมูลตามมาตรา ๙]
    responsible: กองคลัง
";

/// The `result:` of the first measure, to take out.
const MEASURE_RESULT: &str = "    result:\n      status: done\n      summary: ออกประกาศแล้ว\n";

const PLAN: &str = "content/procurement/plans/2566.yaml";

/// A small purchase with a result, a road above 500,000 baht with its reference price and a
/// result, and a drain above 500,000 baht not yet procured.
const PLAN_2566: &str = r#"fiscal_year: 2566
announced: 2565-10-25
items:
  - id: "66-001"
    title: จัดซื้อวัสดุสำนักงาน
    department: สำนักปลัด
    budget: 120000
    budget_source: เงินงบประมาณ
    method: specific
    expected: 2565-11
  - id: "66-002"
    title: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
    department: กองช่าง
    budget: 1500000
    budget_source: เงินงบประมาณ
    method: e-bidding
    expected: 2566-02
  - id: "66-003"
    title: โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5
    department: กองช่าง
    budget: 900000
    budget_source: เงินอุดหนุน
    method: e-bidding
    expected: 2566-08
"#;

const ROAD: &str = "content/procurement/reference-prices/road.yaml";

const ROAD_BK01: &str = r#"form: bk01
project: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
plan_item: "66-002"
owner: กองช่าง
budget: 1500000
price: 1490000
priced_on: 2566-01-10
breakdown:
  - {item: ค่าวัสดุ, amount: 1000000}
  - {item: ค่าแรงงาน, amount: 490000}
committee:
  - {name: นายสมชาย ใจดี, position: ผู้อำนวยการกองช่าง}
"#;

const NOV: &str = "content/procurement/results/2565-11.yaml";

const RESULTS_2565_11: &str = r#"month: 2565-11
items:
  - title: จัดซื้อวัสดุสำนักงาน
    budget: 120000
    reference_price: 120000
    method: specific
    bids: [{bidder: ร้านตัวอย่างพาณิชย์, price: 118000}]
    winner: {name: ร้านตัวอย่างพาณิชย์, price: 118000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "12/2566", date: 2565-11-20}
    plan_item: "66-001"
"#;

const FEB: &str = "content/procurement/results/2566-02.yaml";

const RESULTS_2566_02: &str = r#"month: 2566-02
items:
  - title: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
    budget: 1500000
    reference_price: 1490000
    method: e-bidding
    bids:
      - {bidder: หจก. ก่อสร้างดี, price: 1480000}
      - {bidder: บริษัท ถนนทอง จำกัด, price: 1470000}
    winner: {name: บริษัท ถนนทอง จำกัด, price: 1470000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "3/2566", date: 2566-02-15}
    plan_item: "66-002"
"#;

/// The ten months with nothing bought.
const EMPTY_MONTHS: [&str; 10] = [
    "2565-10", "2565-12", "2566-01", "2566-03", "2566-04", "2566-05", "2566-06", "2566-07",
    "2566-08", "2566-09",
];

fn results_file(month: &str) -> String {
    format!("content/procurement/results/{month}.yaml")
}

const NO_GIFT: &str = "content/announcements/no-gift.md";

const NO_GIFT_ANNOUNCEMENT: &str = "\
---
title: ประกาศ เรื่อง เจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ 2566
date: 2565-10-20
signed_by: {name: นายทดสอบ ใจดี, position: นายกเทศมนตรีตำบลทดสอบ}
topics: [no_gift_announcement]
---
ขอประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่
";

/// One undated page per group of topics: every ITA 2566 item that the typed records and the No
/// Gift announcement do not answer themselves.
const GROUP_PAGES: [(&str, &str, &str); 7] = [
    (
        "basic",
        "ข้อมูลพื้นฐาน",
        "structure, executives, authority, strategic_plan, contact, laws, news, qa, social_network, privacy_policy",
    ),
    (
        "administration",
        "การบริหารงาน",
        "operating_plan, progress_report_6m, annual_report, operations_manual, service_manual, service_statistics, satisfaction_survey, e_service",
    ),
    (
        "procurement-report",
        "รายงานผลการจัดซื้อจัดจ้างประจำปี",
        "procurement_annual_report",
    ),
    (
        "hr",
        "การบริหารและพัฒนาทรัพยากรบุคคล",
        "hr_policy, hr_policy_actions, hr_criteria, hr_annual_report",
    ),
    (
        "complaints",
        "การจัดการเรื่องร้องเรียน",
        "complaint_guideline, complaint_channels, complaint_statistics, participation",
    ),
    (
        "anticorruption",
        "การป้องกันการทุจริต",
        "no_gift_culture, no_gift_report, risk_assessment, risk_management, anticorruption_plan, anticorruption_progress_6m, anticorruption_annual_report",
    ),
    (
        "ethics",
        "จริยธรรม",
        "ethics_code, ethics_drive, ethics_assessment",
    ),
];

const ADMINISTRATION: &str = "content/pages/administration.md";

/// The typed records and the No Gift announcement, without the topic pages.
fn records() -> TestSite {
    let mut site = TestSite::empty()
        .file("content/site.yaml", SITE_YAML)
        .file(MEASURES, MEASURES_2566)
        .file(PLAN, PLAN_2566)
        .file(ROAD, ROAD_BK01)
        .file(NOV, RESULTS_2565_11)
        .file(FEB, RESULTS_2566_02)
        .file(NO_GIFT, NO_GIFT_ANNOUNCEMENT);
    for month in EMPTY_MONTHS {
        site = site.file(
            &results_file(month),
            &format!("month: {month}\nitems: []\n"),
        );
    }
    site
}

/// Everything fiscal year 2566 asks for.
fn complete() -> TestSite {
    let mut site = records();
    for (slug, title, topics) in GROUP_PAGES {
        site = site.file(
            &format!("content/pages/{slug}.md"),
            &format!("---\ntitle: {title}\ntopics: [{topics}]\n---\nเนื้อหา\n"),
        );
    }
    site
}

// ---- reading the report ----

/// One finding as `check --format json` gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Finding {
    severity: String,
    file: String,
    line: u64,
    column: u64,
    message: String,
    rule: String,
    help: String,
}

/// What a finding should say, in both languages.
#[derive(Clone, Debug)]
struct Expected {
    file: String,
    line: u64,
    column: u64,
    th: [String; 3],
    en: [String; 3],
}

/// A warning at `file` (`line` 0: the file or folder as a whole); `th` and `en` are
/// [message, rule, help].
fn warning(file: &str, (line, column): (u64, u64), th: [&str; 3], en: [&str; 3]) -> Expected {
    Expected {
        file: file.to_owned(),
        line,
        column,
        th: th.map(str::to_owned),
        en: en.map(str::to_owned),
    }
}

impl Expected {
    fn finding(&self, lang: &str) -> Finding {
        let [message, rule, help] = (if lang == "en" { &self.en } else { &self.th }).clone();
        Finding {
            severity: "warning".into(),
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            message,
            rule,
            help,
        }
    }

    /// `file:line:column` as the text report prints it.
    fn location(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.file.clone(),
            (l, 0) => format!("{}:{l}", self.file),
            (l, c) => format!("{}:{l}:{c}", self.file),
        }
    }
}

/// `check --as-of AS_OF --format json --lang LANG`: exit 0, no content diagnostics, and the
/// compliance findings.
#[track_caller]
fn findings(site: &TestSite, as_of: &str, lang: &str) -> Vec<Finding> {
    let out = site.run(&[
        "check", "--as-of", as_of, "--format", "json", "--lang", lang,
    ]);
    out.success();
    let json = out.json();
    assert_eq!(json["errors"], 0, "{json:#}");
    assert_eq!(json["diagnostics"], Value::Array(vec![]), "{json:#}");
    let compliance = &json["compliance"];
    assert_eq!(
        compliance["fiscal_year"],
        fiscal_year_of(as_of),
        "{compliance:#}"
    );
    assert_eq!(compliance["as_of"], ce_date(as_of), "{compliance:#}");
    compliance["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings list: {json:#}"))
        .iter()
        .map(|f| Finding {
            severity: str_of(&f["severity"]),
            file: str_of(&f["file"]),
            line: f["line"].as_u64().expect("line"),
            column: f["column"].as_u64().expect("column"),
            message: str_of(&f["message"]),
            rule: str_of(&f["rule"]),
            help: str_of(&f["help"]),
        })
        .collect()
}

fn str_of(v: &Value) -> String {
    v.as_str()
        .unwrap_or_else(|| panic!("not a string: {v}"))
        .to_owned()
}

/// `2566-09-30` → `2023-09-30`.
fn ce_date(be: &str) -> String {
    let year: i32 = be[..4].parse().expect("a year");
    format!("{}{}", year - 543, &be[4..])
}

/// The fiscal year (BE) of a BE date: October starts the next one.
fn fiscal_year_of(be: &str) -> i32 {
    let year: i32 = be[..4].parse().expect("a year");
    let month: u32 = be[5..7].parse().expect("a month");
    if month >= 10 { year + 1 } else { year }
}

/// The text report's groups: (heading, [(finding line, help line)]), and the closing count.
type Groups = Vec<(String, Vec<(String, String)>)>;

/// The compliance part of `check`'s stderr, parsed into its groups.
#[track_caller]
fn text_report(out: &Outcome, lang: &str) -> (String, Groups, String) {
    let (title, label, help, count) = if lang == "en" {
        (
            "Disclosure report,",
            "warning: ",
            "  how to fix: ",
            "item(s) missing",
        )
    } else {
        ("รายงานการเปิดเผยข้อมูล", "คำเตือน: ", "  วิธีแก้: ", "ยังขาด ")
    };
    let start = out
        .stderr
        .find(title)
        .unwrap_or_else(|| panic!("no report in:\n{}", out.stderr));
    let mut lines = out.stderr[start..].lines().peekable();
    // The first line: the title, then what is missing in all.
    let first = lines.next().expect("the report's first line");
    let (heading, total) = first
        .rsplit_once(": ")
        .unwrap_or_else(|| panic!("no total in {first:?}"));
    let (heading, total) = (heading.to_owned(), total.to_owned());
    let _ = count;
    let mut groups: Groups = Vec::new();
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("== ") {
            // A long heading is wrapped: its lines run to the one ending in " ==".
            let mut h = h.to_owned();
            while !h.ends_with(" ==") {
                let next = lines.next().expect("the heading's end");
                h.push(' ');
                h.push_str(next.trim());
            }
            groups.push((h.trim_end_matches(" ==").to_owned(), Vec::new()));
        } else if line.starts_with(label) && !groups.is_empty() {
            let mut help_line = String::new();
            while let Some(next) = lines.peek() {
                if next.starts_with(label) || next.starts_with("==") || next.is_empty() {
                    break;
                }
                let next = lines.next().expect("peeked");
                if let Some(h) = next.strip_prefix(help) {
                    help_line = h.to_owned();
                }
            }
            groups
                .last_mut()
                .expect("under a heading")
                .1
                .push((line.to_owned(), help_line));
        } else if !groups.is_empty() && !line.is_empty() && !line.starts_with(' ') {
            break; // past the report
        }
    }
    (heading, groups, total)
}

/// Asserts the report as of `as_of` is exactly `expected`: the JSON findings in Thai and in
/// English, and the text report grouped by rule, in order of first appearance.
#[track_caller]
fn assert_report(site: &TestSite, as_of: &str, expected: &[Expected]) {
    for lang in ["th", "en"] {
        let want: Vec<Finding> = expected.iter().map(|e| e.finding(lang)).collect();
        assert_eq!(
            findings(site, as_of, lang),
            want,
            "check --format json --lang {lang}"
        );

        let out = site.run(&["check", "--as-of", as_of, "--lang", lang]);
        out.success();
        let (_, groups, total) = text_report(&out, lang);
        let mut want_groups: Groups = Vec::new();
        for e in expected {
            let [message, rule, help] = if lang == "en" { &e.en } else { &e.th };
            let heading = rule.clone();
            let label = if lang == "en" {
                "warning"
            } else {
                "คำเตือน"
            };
            let line = (
                format!("{label}: {}: {message}", e.location()),
                help.clone(),
            );
            match want_groups.iter_mut().find(|(h, _)| *h == heading) {
                Some((_, lines)) => lines.push(line),
                None => want_groups.push((heading, vec![line])),
            }
        }
        // What the law requires comes before what the ITA assessment scores.
        want_groups.sort_by_key(|(h, _)| h.starts_with("ITA"));
        assert_eq!(
            groups, want_groups,
            "text report, --lang {lang}\n{}",
            out.stderr
        );
        let want_total = match (lang, expected.len()) {
            ("en", 0) => "complete, nothing is missing".to_owned(),
            ("en", n) => format!("{n} item(s) missing"),
            (_, 0) => "ครบถ้วน ไม่พบรายการที่ยังขาด".to_owned(),
            (_, n) => format!("ยังขาด {n} รายการ"),
        };
        assert_eq!(total, want_total, "{}", out.stderr);
        // Under its heading a finding does not repeat the rule.
        out.stderr_lacks("ตามหลักเกณฑ์:").stderr_lacks("  rule:");
    }
}

/// The 1-based line of `file` where `needle` first appears.
#[track_caller]
fn line_of(site: &TestSite, file: &str, needle: &str) -> u64 {
    let line = site
        .read(file)
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{file} has no {needle:?}"));
    u64::try_from(line).expect("a line number") + 1
}

// ---- the rules, as the findings name them ----

const RULE_MEASURES: [&str; 2] = [
    "ITA: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "ITA: internal integrity and transparency measures",
];

const RULE_MEASURES_REPORT: [&str; 2] = [
    "ITA: การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "ITA: implementation of the integrity and transparency measures",
];

const RULE_PLAN: [&str; 2] = [
    "พ.ร.บ.การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ มาตรา ๑๑ / พ.ร.บ.ข้อมูลข่าวสารฯ มาตรา ๙ (๓)",
    "Public Procurement Act 2017 s.11 / Official Information Act s.9(3)",
];

const RULE_SKR1: [&str; 2] = [
    "พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ มาตรา ๙ (๘) / ประกาศคณะกรรมการข้อมูลข่าวสารของราชการ ลงวันที่ ๑๖ ม.ค. ๒๕๕๘ (สขร.๑)",
    "Official Information Act s.9(8) / Official Information Commission announcement of 16 Jan 2015 (form สขร.1)",
];

const RULE_NO_GIFT: [&str; 2] = [
    "ITA: ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่ (ลงนามโดยผู้บริหารสูงสุด ภายในปีงบประมาณ)",
    "ITA: No Gift Policy announcement (signed by the chief executive, dated in the fiscal year)",
];

const RULE_REFERENCE_PRICE: [&str; 2] = [
    "การเปิดเผยราคากลางตามหลักเกณฑ์ของคณะกรรมการ ป.ป.ช. / ITA: ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง",
    "NACC rules on disclosing reference prices / ITA: procurement notices",
];

/// A month of สขร.1 that is due and absent. `month` is BE (`2566-03`), `iso` CE (`2023-03`),
/// `name` as Thai pages write it (`มีนาคม ๒๕๖๖`).
fn missing_month(month: &str, iso: &str, name: &str) -> Expected {
    warning(
        &results_file(month),
        (0, 0),
        [
            &format!("ยังไม่ได้เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (สขร.๑) เดือน{name}"),
            RULE_SKR1[0],
            &format!(
                "สร้างไฟล์ของเดือนนี้ ถ้าไม่มีการจัดซื้อจัดจ้างให้ใส่ items: [] (จะแสดงว่า \"ไม่มีการจัดซื้อจัดจ้าง\") หรือสั่ง prongsai new results {month}"
            ),
        ],
        [
            &format!("the procurement results (สขร.1) of {iso} are not published"),
            RULE_SKR1[1],
            "add the month's file; with no procurement write items: [] (shown as \"ไม่มีการจัดซื้อจัดจ้าง\")",
        ],
    )
}

/// An ITA 2566 item with nothing on the site.
fn missing_item(code: &str, title: &str, topic: &str, group: &str, group_title: &str) -> Expected {
    warning(
        &format!("/ita/2566/#{code}"),
        (0, 0),
        [
            &format!("ITA 2566 ข้อ {code} {title}: ยังไม่มีเนื้อหาที่ตอบข้อนี้"),
            &format!("ITA 2566 ตัวชี้วัดการเปิดเผยข้อมูล (OIT) {group} {group_title}"),
            &format!("เผยแพร่ประกาศหรือหน้าเว็บของปีงบประมาณ 2566 ที่มี topics: [{topic}]"),
        ],
        [
            &format!("ITA 2566 item {code} ({topic}): nothing on the site answers it"),
            &format!("ITA 2566 open data (OIT): {group} {group_title}"),
            &format!("publish an announcement or page of fiscal year 2566 with topics: [{topic}]"),
        ],
    )
}

/// A plan item above 500,000 baht with a result and no reference price, at its title.
fn missing_reference_price(site: &TestSite, plan: &str, id: &str, title: &str) -> Expected {
    let id_line = line_of(site, plan, &format!("id: \"{id}\""));
    let title_line = id_line + 1;
    assert!(
        site.read(plan)
            .lines()
            .nth(usize::try_from(id_line).expect("a line"))
            .is_some_and(|l| l == format!("    title: {title}")),
        "{plan}: the title of {id} follows its id"
    );
    warning(
        plan,
        (title_line, 12),
        [
            &format!("รายการ {id} วงเงินเกิน ๕๐๐,๐๐๐ บาท มีผลการจัดซื้อจัดจ้างแล้ว แต่ไม่มีประกาศราคากลาง"),
            RULE_REFERENCE_PRICE[0],
            &format!("เพิ่มไฟล์ใน content/procurement/reference-prices/ ที่มี plan_item: \"{id}\""),
        ],
        [
            &format!(
                "item {id} is above 500,000 baht and has a result, but no reference price is published"
            ),
            RULE_REFERENCE_PRICE[1],
            &format!(
                "add a file to content/procurement/reference-prices/ with plan_item: \"{id}\""
            ),
        ],
    )
}

const NO_GIFT_HELP: [&str; 2] = [
    "ออกประกาศฉบับปีงบประมาณ 2566 ลงนามโดยนายก ใส่ topics: [no_gift_announcement] และ signed_by",
    "publish this year's announcement, signed by the chief executive, with topics: [no_gift_announcement] and signed_by",
];

const NOT_SIGNED: [&str; 2] = [
    "ประกาศ No Gift Policy ไม่ได้ลงนามโดยผู้บริหารสูงสุด (นายก)",
    "the No Gift Policy announcement is not signed by the chief executive",
];

const NOT_SIGNED_HELP: [&str; 2] = [
    "ใส่ signed_by: {name: ..., position: นายกเทศมนตรี...} ตามผู้ลงนามจริง",
    "add signed_by: {name: ..., position: ...} naming the mayor or chief executive who signed",
];

// ---- 1. complete ----

#[test]
fn complete_site_has_no_findings_and_the_report_says_complete() {
    let site = complete();
    assert_report(&site, "2566-09-30", &[]);
    let out = site.run(&["check", "--as-of", "2566-09-30"]);
    let (heading, groups, total) = text_report(&out, "th");
    assert_eq!(
        heading,
        "รายงานการเปิดเผยข้อมูล ปีงบประมาณ 2566 (ณ วันที่ 30 ก.ย. 2566)"
    );
    assert!(groups.is_empty());
    assert_eq!(total, "ครบถ้วน ไม่พบรายการที่ยังขาด");
    let out = site.run(&["check", "--as-of", "2566-09-30", "--lang", "en"]);
    let (heading, _, total) = text_report(&out, "en");
    assert_eq!(
        heading,
        "Disclosure report, fiscal year 2566 (as of 2023-09-30)"
    );
    assert_eq!(total, "complete, nothing is missing");
    site.run(&["check", "--as-of", "2566-09-30", "--strict"])
        .success();
}

#[test]
fn without_as_of_a_site_whose_fiscal_year_is_over_is_judged_on_its_last_day() {
    let site = complete();
    let out = site.run(&["check", "--format", "json"]);
    out.success();
    let json = out.json();
    assert_eq!(json["compliance"]["as_of"], "2023-09-30");
    assert_eq!(json["compliance"]["fiscal_year"], 2566);
    assert_eq!(json["compliance"]["findings"], Value::Array(vec![]));
}

#[test]
fn build_prints_one_line_saying_complete() {
    let site = complete();
    let out = site.build();
    out.success();
    let summary: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("การเปิดเผยข้อมูล"))
        .collect();
    assert_eq!(
        summary,
        ["การเปิดเผยข้อมูลปีงบประมาณ 2566: ครบถ้วน"],
        "{}",
        out.stderr
    );
    site.run(&["build", "--lang", "en"])
        .success()
        .stderr_has("disclosure for fiscal year 2566: complete\n");
}

#[test]
fn build_counts_what_is_missing_in_one_line_and_leaves_the_details_to_check() {
    let site = complete().remove(ROAD);
    let out = site.build();
    out.success();
    let summary: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("การเปิดเผยข้อมูล"))
        .collect();
    assert_eq!(
        summary,
        ["การเปิดเผยข้อมูลปีงบประมาณ 2566: ยังขาด 1 รายการ (ดูรายละเอียดด้วย prongsai check)"],
        "{}",
        out.stderr
    );
    out.stderr_lacks("ไม่มีประกาศราคากลาง")
        .stderr_lacks("คำเตือน:");
    site.run(&["build", "--lang", "en"]).success().stderr_has(
        "disclosure for fiscal year 2566: 1 item(s) missing (details: prongsai check)\n",
    );
}

// ---- 2. one thing missing at a time ----

#[test]
fn measures_file_missing() {
    let site = complete().remove(MEASURES);
    // One finding: the ITA items the measures answer (o42, o43) are not reported again.
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            MEASURES,
            (0, 0),
            [
                "ยังไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ 2566",
                RULE_MEASURES[0],
                "สร้างไฟล์ด้วยคำสั่ง prongsai new measures 2566 แล้วกรอกมาตรการ",
            ],
            [
                "there are no integrity and transparency measures for fiscal year 2566",
                RULE_MEASURES[1],
                "create it with `prongsai new measures 2566` and fill in the measures",
            ],
        )],
    );
}

#[test]
fn measures_without_any_result() {
    let site = complete().replace(MEASURES, MEASURE_RESULT, "");
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            MEASURES,
            (1, 0),
            [
                "ยังไม่มีรายงานผลการดำเนินการตามมาตรการของปีงบประมาณ 2566",
                RULE_MEASURES_REPORT[0],
                "เพิ่ม result: (status, summary, evidence) ให้มาตรการที่ดำเนินการแล้ว",
            ],
            [
                "the measures of fiscal year 2566 have no report of what was done",
                RULE_MEASURES_REPORT[1],
                "add result: (status, summary, evidence) to the measures carried out",
            ],
        )],
    );
}

#[test]
fn procurement_plan_missing() {
    // Without a plan nothing may name its items.
    let site = complete()
        .remove(PLAN)
        .replace(ROAD, "plan_item: \"66-002\"\n", "")
        .replace(NOV, "    plan_item: \"66-001\"\n", "")
        .replace(FEB, "    plan_item: \"66-002\"\n", "");
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            PLAN,
            (0, 0),
            [
                "ยังไม่ได้เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีงบประมาณ 2566",
                RULE_PLAN[0],
                "สร้าง content/procurement/plans/2566.yaml ตามแผนที่ประกาศในระบบ e-GP (หรือประกาศว่าไม่มีรายการเกิน ๕๐๐,๐๐๐ บาท)",
            ],
            [
                "the procurement plan of fiscal year 2566 is not published",
                RULE_PLAN[1],
                "add content/procurement/plans/2566.yaml as announced in e-GP (or announce that nothing exceeds 500,000 baht)",
            ],
        )],
    );
}

#[test]
fn one_month_of_skr1_missing() {
    let site = complete().remove(&results_file("2566-03"));
    assert_report(
        &site,
        "2566-09-30",
        &[missing_month("2566-03", "2023-03", "มีนาคม ๒๕๖๖")],
    );
}

#[test]
fn a_month_with_procurement_missing_is_reported_like_any_other() {
    let site = complete().remove(NOV);
    assert_report(
        &site,
        "2566-09-30",
        &[missing_month("2565-11", "2022-11", "พฤศจิกายน ๒๕๖๕")],
    );
}

#[test]
fn a_month_is_due_only_once_it_has_ended() {
    let site = complete().remove(FEB).remove(&results_file("2566-03"));
    let february = missing_month("2566-02", "2023-02", "กุมภาพันธ์ ๒๕๖๖");
    // On its last day February is not over yet; the next day it is due. March is not due
    // in the middle of March.
    assert_report(&site, "2566-02-28", &[]);
    assert_report(&site, "2566-03-01", std::slice::from_ref(&february));
    assert_report(&site, "2566-03-15", std::slice::from_ref(&february));
    assert_report(
        &site,
        "2566-04-01",
        &[february, missing_month("2566-03", "2023-03", "มีนาคม ๒๕๖๖")],
    );
}

#[test]
fn months_missing_are_grouped_under_their_one_rule_in_fiscal_order() {
    let site = complete()
        .remove(&results_file("2566-06"))
        .remove(&results_file("2565-12"));
    assert_report(
        &site,
        "2566-09-30",
        &[
            missing_month("2565-12", "2022-12", "ธันวาคม ๒๕๖๕"),
            missing_month("2566-06", "2023-06", "มิถุนายน ๒๕๖๖"),
        ],
    );
    let out = site.run(&["check", "--as-of", "2566-09-30"]);
    let (_, groups, _) = text_report(&out, "th");
    assert_eq!(groups.len(), 1, "{}", out.stderr);
}

#[test]
fn no_gift_announcement_missing() {
    let site = complete().remove(NO_GIFT);
    // One finding: ITA o31 is this rule's item and is not reported again.
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            "content/announcements/",
            (0, 0),
            [
                "ยังไม่มีประกาศเจตนารมณ์นโยบาย No Gift Policy ของปีงบประมาณ 2566",
                RULE_NO_GIFT[0],
                NO_GIFT_HELP[0],
            ],
            [
                "there is no No Gift Policy announcement for fiscal year 2566",
                RULE_NO_GIFT[1],
                NO_GIFT_HELP[1],
            ],
        )],
    );
}

#[test]
fn no_gift_announcement_dated_in_another_fiscal_year() {
    // 20 Sep 2565 is in fiscal year 2565.
    let site = complete().replace(NO_GIFT, "date: 2565-10-20", "date: 2565-09-20");
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            "content/announcements/",
            (0, 0),
            [
                "ประกาศ No Gift Policy ที่มีอยู่ไม่ได้ลงวันที่ในปีงบประมาณ 2566 (๒๐ ก.ย. ๒๕๖๕)",
                RULE_NO_GIFT[0],
                NO_GIFT_HELP[0],
            ],
            [
                "the No Gift Policy announcements are not dated in fiscal year 2566",
                RULE_NO_GIFT[1],
                NO_GIFT_HELP[1],
            ],
        )],
    );
}

#[test]
fn no_gift_announcement_signed_by_someone_other_than_the_chief_executive() {
    let site = complete().replace(
        NO_GIFT,
        "position: นายกเทศมนตรีตำบลทดสอบ",
        "position: ปลัดเทศบาลตำบลทดสอบ",
    );
    // At the announcement's own file, on its signed_by line.
    let line = line_of(&site, NO_GIFT, "signed_by:");
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            NO_GIFT,
            (line, 1),
            [NOT_SIGNED[0], RULE_NO_GIFT[0], NOT_SIGNED_HELP[0]],
            [NOT_SIGNED[1], RULE_NO_GIFT[1], NOT_SIGNED_HELP[1]],
        )],
    );
}

#[test]
fn no_gift_announcement_naming_no_signatory() {
    let site = complete().replace(
        NO_GIFT,
        "signed_by: {name: นายทดสอบ ใจดี, position: นายกเทศมนตรีตำบลทดสอบ}\n",
        "",
    );
    // No signed_by line to point at: the title.
    assert_report(
        &site,
        "2566-09-30",
        &[warning(
            NO_GIFT,
            (2, 1),
            [NOT_SIGNED[0], RULE_NO_GIFT[0], NOT_SIGNED_HELP[0]],
            [NOT_SIGNED[1], RULE_NO_GIFT[1], NOT_SIGNED_HELP[1]],
        )],
    );
}

#[test]
fn no_gift_announcement_signed_by_the_mayor_as_a_deputy_still_counts() {
    // Whoever signs, the position names the chief executive (นายก...).
    let site = complete().replace(
        NO_GIFT,
        "position: นายกเทศมนตรีตำบลทดสอบ",
        "position: รองนายกเทศมนตรี ปฏิบัติราชการแทนนายกเทศมนตรีตำบลทดสอบ",
    );
    assert_report(&site, "2566-09-30", &[]);
}

#[test]
fn plan_item_above_500000_with_a_result_but_no_reference_price() {
    let site = complete().remove(ROAD);
    let expected = missing_reference_price(
        &site,
        PLAN,
        "66-002",
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
    );
    assert_report(&site, "2566-09-30", &[expected]);
}

#[test]
fn plan_item_above_500000_not_yet_procured_needs_no_reference_price_yet() {
    // 66-003 (900,000 baht) has no result and no reference price: nothing to report; once
    // its result is published, the reference price is missing.
    let site = complete();
    assert_report(&site, "2566-09-30", &[]);
    let site = site.file(
        &results_file("2566-08"),
        r#"month: 2566-08
items:
  - title: โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5
    budget: 900000
    method: e-bidding
    bids: [{bidder: หจก. ก่อสร้างดี, price: 880000}]
    winner: {name: หจก. ก่อสร้างดี, price: 880000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "9/2566", date: 2566-08-20}
    plan_item: "66-003"
"#,
    );
    let expected = missing_reference_price(&site, PLAN, "66-003", "โครงการก่อสร้างรางระบายน้ำ หมู่ที่ 5");
    assert_report(&site, "2566-09-30", &[expected]);
}

#[test]
fn plan_item_whose_title_is_part_of_the_item_before_it_is_reported_at_its_own_line() {
    // 66-004's title is the start of 66-003's: the finding is on 66-004's line all the same.
    let site = complete()
        .file(
            PLAN,
            &format!(
                "{PLAN_2566}  - id: \"66-004\"
    title: โครงการก่อสร้างรางระบายน้ำ
    department: กองช่าง
    budget: 700000
    budget_source: เงินงบประมาณ
    method: e-bidding
    expected: 2566-08
"
            ),
        )
        .file(
            &results_file("2566-08"),
            r#"month: 2566-08
items:
  - title: โครงการก่อสร้างรางระบายน้ำ
    budget: 700000
    method: e-bidding
    bids: [{bidder: หจก. ก่อสร้างดี, price: 690000}]
    winner: {name: หจก. ก่อสร้างดี, price: 690000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "9/2566", date: 2566-08-20}
    plan_item: "66-004"
"#,
        );
    let expected = missing_reference_price(&site, PLAN, "66-004", "โครงการก่อสร้างรางระบายน้ำ");
    assert_report(&site, "2566-09-30", &[expected]);
}

#[test]
fn ita_item_with_nothing_tagged() {
    let site = complete().replace(ADMINISTRATION, "progress_report_6m, ", "");
    assert_report(
        &site,
        "2566-09-30",
        &[missing_item(
            "o12",
            "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน",
            "progress_report_6m",
            "9.2",
            "การบริหารงาน",
        )],
    );
}

#[test]
fn ita_item_answered_only_by_content_of_another_fiscal_year_is_missing() {
    // The six-month report of fiscal year 2565 does not answer the 2566 assessment.
    let site = complete()
        .replace(ADMINISTRATION, "progress_report_6m, ", "")
        .file(
            "content/announcements/progress-2565.md",
            "---\ntitle: รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน ปีงบประมาณ 2565\ndate: 2565-04-30\ntopics: [progress_report_6m]\n---\nรายงาน\n",
        );
    let o12 = missing_item(
        "o12",
        "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน",
        "progress_report_6m",
        "9.2",
        "การบริหารงาน",
    );
    assert_report(&site, "2566-09-30", &[o12]);
    // Dated in 2566, it does.
    let site = site.replace(
        "content/announcements/progress-2565.md",
        "date: 2565-04-30",
        "date: 2566-04-30",
    );
    assert_report(&site, "2566-09-30", &[]);
}

#[test]
fn no_procurement_notice_anywhere_is_an_ita_finding() {
    // Without the road's reference price, and the road below 500,000 baht so that no rule
    // asks for one, nothing answers o20: the per-project list does not count as a notice.
    let site = complete()
        .remove(ROAD)
        .replace(PLAN, "budget: 1500000", "budget: 450000")
        .file(
            FEB,
            r#"month: 2566-02
items:
  - title: โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3
    budget: 450000
    method: e-bidding
    bids: [{bidder: บริษัท ถนนทอง จำกัด, price: 448000}]
    winner: {name: บริษัท ถนนทอง จำกัด, price: 448000}
    reason: เสนอราคาต่ำสุด
    contract: {number: "3/2566", date: 2566-02-15}
    plan_item: "66-002"
"#,
        );
    assert_report(
        &site,
        "2566-09-30",
        &[missing_item(
            "o20",
            "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
            "procurement_notices",
            "9.3",
            "การจัดซื้อจัดจ้าง",
        )],
    );
}

#[test]
fn several_things_missing_are_grouped_by_rule_in_the_order_of_the_rules() {
    let site = complete()
        .remove(MEASURES)
        .remove(&results_file("2566-05"))
        .remove(ROAD)
        .replace(ADMINISTRATION, "progress_report_6m, ", "")
        .remove(NO_GIFT);
    let reference_price = missing_reference_price(
        &site,
        PLAN,
        "66-002",
        "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
    );
    let findings = findings(&site, "2566-09-30", "th");
    let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "ยังไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ 2566",
            "ยังไม่ได้เผยแพร่สรุปผลการจัดซื้อจัดจ้าง (สขร.๑) เดือนพฤษภาคม ๒๕๖๖",
            "ยังไม่มีประกาศเจตนารมณ์นโยบาย No Gift Policy ของปีงบประมาณ 2566",
            reference_price.th[0].as_str(),
            "ITA 2566 ข้อ o12 รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน: ยังไม่มีเนื้อหาที่ตอบข้อนี้",
        ]
    );
    let out = site.run(&["check", "--as-of", "2566-09-30"]);
    let (_, groups, total) = text_report(&out, "th");
    let headings: Vec<&str> = groups.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        headings,
        [
            RULE_SKR1[0],
            RULE_REFERENCE_PRICE[0],
            RULE_MEASURES[0],
            RULE_NO_GIFT[0],
            "ITA 2566 ตัวชี้วัดการเปิดเผยข้อมูล (OIT) 9.2 การบริหารงาน",
        ]
    );
    assert_eq!(total, "ยังขาด 5 รายการ");
}

// ---- 3. --strict ----

#[test]
fn strict_makes_findings_fail_while_plain_check_passes_with_them() {
    let site = complete().remove(&results_file("2566-03"));
    site.run(&["check", "--as-of", "2566-09-30"])
        .success()
        .stderr_has("ยังขาด 1 รายการ");
    site.run(&["check", "--as-of", "2566-09-30", "--strict"])
        .failure()
        .stderr_has("ยังขาด 1 รายการ");
    let json = site.run(&[
        "check",
        "--as-of",
        "2566-09-30",
        "--strict",
        "--format",
        "json",
    ]);
    json.failure();
    assert_eq!(json.json()["errors"], 0);
    // Judged before March has ended there is nothing to find, and --strict passes.
    site.run(&["check", "--as-of", "2566-03-31", "--strict"])
        .success();
}

#[test]
fn content_errors_fail_check_with_or_without_strict() {
    let site = complete().file(
        "content/announcements/undated.md",
        "---\ntitle: ประกาศที่ไม่มีวันที่\n---\nเนื้อหา\n",
    );
    for args in [
        &["check", "--as-of", "2566-09-30"][..],
        &["check", "--as-of", "2566-09-30", "--strict"][..],
    ] {
        site.run(args)
            .failure()
            .stderr_has("ข้อผิดพลาด: content/announcements/undated.md:2:1: ไม่มีวันที่ (date) ของประกาศ");
    }
    let out = site.run(&["check", "--as-of", "2566-09-30", "--format", "json"]);
    out.failure();
    assert_eq!(out.json()["errors"], 1);
    site.build().failure();
}

#[test]
fn as_of_that_is_not_a_date_is_refused() {
    let out = complete().run(&["check", "--as-of", "2566-13-01"]);
    assert_ne!(out.code, Some(0), "{}", out.stderr);
    out.stderr_has("--as-of 2566-13-01");
}

// ---- reading pages ----

/// The page at site path `rel` (`section9/`).
#[track_caller]
fn page(site: &TestSite, rel: &str) -> String {
    site.read(&format!("public/{rel}index.html"))
}

/// A link of a list or table: where it goes, its text, and the text beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    href: String,
    title: String,
    meta: String,
}

fn entry(href: &str, title: &str, meta: &str) -> Entry {
    Entry {
        href: href.to_owned(),
        title: title.to_owned(),
        meta: meta.to_owned(),
    }
}

/// The `<li>` entries of the category lists in `html`.
fn entries(html: &str) -> Vec<Entry> {
    html.split("<li>")
        .skip(1)
        .map(|li| {
            let li = &li[..li.find("</li>").expect("closing </li>")];
            let a = li.find("<a ").expect("a link");
            let text = a + li[a..].find('>').expect("end of <a>") + 1;
            let end = li.find("</a>").expect("closing </a>");
            Entry {
                href: attribute_values(li, "href")
                    .into_iter()
                    .next()
                    .expect("href"),
                title: text_of(&li[text..end]),
                meta: text_of(between(li, "<span class=\"doc-meta\">", "</span>")),
            }
        })
        .collect()
}

/// The `<section>` of category 9(n) of /section9/.
#[track_caller]
fn category(html: &str, n: u8) -> &str {
    between(
        html,
        &format!("<section class=\"s9\" aria-labelledby=\"s9-{n}\">"),
        "</section>",
    )
}

/// The sub-groups of 9(8): (heading, its part of the page).
fn subgroups(section: &str) -> Vec<(String, &str)> {
    section
        .split("<h3>")
        .skip(1)
        .map(|part| {
            let end = part.find("</h3>").expect("closing </h3>");
            (text_of(&part[..end]), &part[end..])
        })
        .collect()
}

const EMPTY_CATEGORY: &str = "<p class=\"empty\">ยังไม่มีข้อมูลในหมวดนี้</p>";

/// The rows of the index table (ดัชนี): the text of its five cells and the row's link.
fn index_rows(html: &str) -> Vec<([String; 5], String)> {
    let body = between(
        between(html, "<table class=\"index\">", "</table>"),
        "<tbody>",
        "</tbody>",
    );
    body.split("<tr>")
        .skip(1)
        .map(|tr| {
            let tr = &tr[..tr.find("</tr>").expect("closing </tr>")];
            let cells: Vec<String> = tr
                .split("<td>")
                .skip(1)
                .map(|td| text_of(&td[..td.find("</td>").expect("closing </td>")]))
                .collect();
            let cells: [String; 5] = cells
                .try_into()
                .unwrap_or_else(|c| panic!("not five cells: {c:?}"));
            let href = attribute_values(tr, "href")
                .into_iter()
                .next()
                .unwrap_or_default();
            (cells, href)
        })
        .collect()
}

/// Whether `link` (a site path under `base`, or an absolute URL starting with `base`) leads to a
/// built file, and its `#fragment`, if any, to an element with that id there.
fn lands(site: &TestSite, base: &str, link: &str) -> Result<(), String> {
    let rest = link
        .strip_prefix(base)
        .ok_or_else(|| format!("{link} is not under {base}"))?;
    let (path, fragment) = rest
        .split_once('#')
        .map_or((rest, None), |(p, f)| (p, Some(f)));
    let path = percent_decode(path);
    let file = if path.is_empty() || path.ends_with('/') {
        format!("public/{path}index.html")
    } else {
        format!("public/{path}")
    };
    if !site.path(&file).is_file() {
        return Err(format!("{link}: {file} is not built"));
    }
    if let Some(f) = fragment
        && !site.read(&file).contains(&format!("id=\"{f}\""))
    {
        return Err(format!("{link}: {file} has no id=\"{f}\""));
    }
    Ok(())
}

/// The visible text of the page's `<h1>`.
fn h1(html: &str) -> String {
    text_of(
        between(html, "<h1", "</h1>")
            .split_once('>')
            .expect("<h1>")
            .1,
    )
}

// ---- 4. /section9/ ----

const ORDER_2566: &str = "content/announcements/order-2566.md";
const MANUAL: &str = "content/announcements/building-permit-manual.md";
const ORDER_2565: &str = "content/announcements/order-2565.md";

/// The records, and three documents of paragraph 9(4): one by `section9:` (whose topic alone
/// would have put it in 9(2)), one by its topic only, one of the year before.
fn section9_site() -> TestSite {
    let site = records()
        .file(
            ORDER_2566,
            "---\ntitle: คำสั่ง เรื่อง มอบอำนาจให้ปลัดเทศบาลปฏิบัติราชการแทน\ndate: 2566-05-01\nsection9: [4]\ntopics: [hr_policy]\n---\nคำสั่ง\n",
        )
        .file(
            MANUAL,
            "---\ntitle: คู่มือสำหรับประชาชน การขออนุญาตก่อสร้างอาคาร\ndate: 2565-12-01\ntopics: [operations_manual]\n---\nคู่มือ\n",
        )
        .file(
            ORDER_2565,
            "---\ntitle: คำสั่ง เรื่อง แต่งตั้งเจ้าหน้าที่รับเรื่องร้องเรียน\ndate: 2565-06-01\nsection9: [4]\n---\nคำสั่ง\n",
        );
    site.build().success();
    site
}

/// The statutory labels of the eight paragraphs of section 9.
const LABELS: [&str; 8] = [
    "ผลการพิจารณาหรือคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน รวมทั้งความเห็นแย้งและคำสั่งที่เกี่ยวข้องในการพิจารณาวินิจฉัยดังกล่าว",
    "นโยบายหรือการตีความที่ไม่เข้าข่ายต้องลงพิมพ์ในราชกิจจานุเบกษาตามมาตรา ๗ (๔)",
    "แผนงาน โครงการ และงบประมาณรายจ่ายประจำปีของปีที่กำลังดำเนินการ",
    "คู่มือหรือคำสั่งเกี่ยวกับวิธีปฏิบัติงานของเจ้าหน้าที่ของรัฐซึ่งมีผลกระทบถึงสิทธิหน้าที่ของเอกชน",
    "สิ่งพิมพ์ที่ได้มีการอ้างอิงถึงตามมาตรา ๗ วรรคสอง",
    "สัญญาสัมปทาน สัญญาที่มีลักษณะเป็นการผูกขาดตัดตอน หรือสัญญาร่วมทุนกับเอกชนในการจัดทำบริการสาธารณะ",
    "มติคณะรัฐมนตรี หรือมติคณะกรรมการที่แต่งตั้งโดยกฎหมายหรือโดยมติคณะรัฐมนตรี",
    "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการข้อมูลข่าวสารของราชการกำหนด",
];

const SUBGROUPS: [&str; 4] = [
    "ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง",
    "สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)",
    "แผนงบประมาณและรายงานผลการใช้จ่ายงบประมาณ",
    "ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด",
];

/// The twelve months of fiscal year 2566, newest first: (CE month, long name, last day as the
/// pages write it).
const MONTHS_NEWEST_FIRST: [(&str, &str, &str); 12] = [
    ("2023-09", "กันยายน ๒๕๖๖", "๓๐ ก.ย. ๒๕๖๖"),
    ("2023-08", "สิงหาคม ๒๕๖๖", "๓๑ ส.ค. ๒๕๖๖"),
    ("2023-07", "กรกฎาคม ๒๕๖๖", "๓๑ ก.ค. ๒๕๖๖"),
    ("2023-06", "มิถุนายน ๒๕๖๖", "๓๐ มิ.ย. ๒๕๖๖"),
    ("2023-05", "พฤษภาคม ๒๕๖๖", "๓๑ พ.ค. ๒๕๖๖"),
    ("2023-04", "เมษายน ๒๕๖๖", "๓๐ เม.ย. ๒๕๖๖"),
    ("2023-03", "มีนาคม ๒๕๖๖", "๓๑ มี.ค. ๒๕๖๖"),
    ("2023-02", "กุมภาพันธ์ ๒๕๖๖", "๒๘ ก.พ. ๒๕๖๖"),
    ("2023-01", "มกราคม ๒๕๖๖", "๓๑ ม.ค. ๒๕๖๖"),
    ("2022-12", "ธันวาคม ๒๕๖๕", "๓๑ ธ.ค. ๒๕๖๕"),
    ("2022-11", "พฤศจิกายน ๒๕๖๕", "๓๐ พ.ย. ๒๕๖๕"),
    ("2022-10", "ตุลาคม ๒๕๖๕", "๓๑ ต.ค. ๒๕๖๕"),
];

fn month_entry((iso, name, day): (&str, &str, &str)) -> Entry {
    entry(
        &format!("/procurement/results/2566/#m-{iso}"),
        &format!("สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {name}"),
        &format!("สขร.๑ · {day} · ปีงบประมาณ ๒๕๖๖"),
    )
}

fn no_gift_entry() -> Entry {
    entry(
        "/announcements/no-gift/",
        "ประกาศ เรื่อง เจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ 2566",
        "ประกาศ · ๒๐ ต.ค. ๒๕๖๕ · ปีงบประมาณ ๒๕๖๖",
    )
}

fn measures_entry() -> Entry {
    entry(
        "/measures/2566/",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส · ปีงบประมาณ ๒๕๖๖",
    )
}

fn plan_entry() -> Entry {
    entry(
        "/procurement/plans/2566/",
        "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖",
        "แผนการจัดซื้อจัดจ้าง · ๒๕ ต.ค. ๒๕๖๕ · ปีงบประมาณ ๒๕๖๖",
    )
}

fn road_entry() -> Entry {
    entry(
        "/procurement/reference-prices/road/",
        "ประกาศราคากลาง โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3",
        "ประกาศราคากลาง · ๑๐ ม.ค. ๒๕๖๖ · ปีงบประมาณ ๒๕๖๖",
    )
}

fn paragraph_4_entries() -> Vec<Entry> {
    vec![
        entry(
            "/announcements/order-2566/",
            "คำสั่ง เรื่อง มอบอำนาจให้ปลัดเทศบาลปฏิบัติราชการแทน",
            "ประกาศ · ๑ พ.ค. ๒๕๖๖ · ปีงบประมาณ ๒๕๖๖",
        ),
        entry(
            "/announcements/building-permit-manual/",
            "คู่มือสำหรับประชาชน การขออนุญาตก่อสร้างอาคาร",
            "ประกาศ · ๑ ธ.ค. ๒๕๖๕ · ปีงบประมาณ ๒๕๖๖",
        ),
        entry(
            "/announcements/order-2565/",
            "คำสั่ง เรื่อง แต่งตั้งเจ้าหน้าที่รับเรื่องร้องเรียน",
            "ประกาศ · ๑ มิ.ย. ๒๕๖๕ · ปีงบประมาณ ๒๕๖๕",
        ),
    ]
}

#[test]
fn section9_shows_the_eight_categories_with_their_statutory_labels_in_order() {
    let site = section9_site();
    let html = page(&site, "section9/");
    assert_eq!(h1(&html), "ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์");
    let thai = ["๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘"];
    for (i, label) in LABELS.iter().enumerate() {
        let n = u8::try_from(i + 1).expect("1 to 8");
        let section = category(&html, n);
        assert_eq!(
            text_of(
                between(section, "<h2", "</h2>")
                    .split_once('>')
                    .expect("<h2>")
                    .1
            ),
            format!("มาตรา ๙ ({}) {label}", thai[i])
        );
    }
    // In page order, then the index.
    let order: Vec<usize> = (1..=8)
        .map(|n| html.find(&format!("id=\"s9-{n}\"")).expect("a category"))
        .chain([html.find("<h2 id=\"index\">").expect("the index")])
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // 9(8) in its sub-groups.
    let labels: Vec<String> = subgroups(category(&html, 8))
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(labels, SUBGROUPS);
}

#[test]
fn section9_category_with_nothing_says_so() {
    let site = section9_site();
    let html = page(&site, "section9/");
    for n in [1, 5, 6, 7] {
        let section = category(&html, n);
        assert!(section.contains(EMPTY_CATEGORY), "9({n}):\n{section}");
        assert!(entries(section).is_empty(), "9({n})");
    }
    for n in [2, 3, 4] {
        assert!(!category(&html, n).contains(EMPTY_CATEGORY), "9({n})");
    }
    let groups = subgroups(category(&html, 8));
    let empty: Vec<bool> = groups
        .iter()
        .map(|(_, g)| g.contains(EMPTY_CATEGORY))
        .collect();
    assert_eq!(empty, [false, false, true, true]);
}

#[test]
fn section9_typed_records_place_themselves() {
    let site = section9_site();
    let html = page(&site, "section9/");
    // The plan in 9(3); the measures in 9(2) beside the No Gift announcement (by its topic).
    assert_eq!(entries(category(&html, 3)), [plan_entry()]);
    assert_eq!(
        entries(category(&html, 2)),
        [no_gift_entry(), measures_entry()]
    );
    let groups = subgroups(category(&html, 8));
    // The reference price among the procurement notices.
    assert_eq!(entries(groups[0].1), [road_entry()]);
    // Every month of สขร.๑, the empty ones too, newest first, dated the month's last day.
    let months: Vec<Entry> = MONTHS_NEWEST_FIRST.into_iter().map(month_entry).collect();
    assert_eq!(entries(groups[1].1), months);
}

#[test]
fn section9_documents_are_placed_by_section9_or_else_by_their_topics_newest_first() {
    let site = section9_site();
    let html = page(&site, "section9/");
    // order-2566 says section9: [4]: its topic hr_policy would have put it in 9(2), and does
    // not. The manual names only its topic, operations_manual, which belongs to 9(4).
    assert_eq!(entries(category(&html, 4)), paragraph_4_entries());
    assert!(
        !category(&html, 2).contains("order-2566"),
        "section9: overrides the category of the topics"
    );
}

#[test]
fn section9_index_lists_every_entry_under_its_category_and_each_year_has_its_page() {
    let site = section9_site();
    let html = page(&site, "section9/");
    let row = |e: &Entry, category: &str, date: &str, fy: &str| {
        (
            [
                category.to_owned(),
                e.title.clone(),
                e.meta.split(" · ").next().expect("kind").to_owned(),
                date.to_owned(),
                fy.to_owned(),
            ],
            e.href.clone(),
        )
    };
    let p4 = paragraph_4_entries();
    let mut expected = vec![
        row(&no_gift_entry(), "๙ (๒)", "๒๐ ต.ค. ๒๕๖๕", "๒๕๖๖"),
        row(&measures_entry(), "๙ (๒)", "-", "๒๕๖๖"),
        row(&plan_entry(), "๙ (๓)", "๒๕ ต.ค. ๒๕๖๕", "๒๕๖๖"),
        row(&p4[0], "๙ (๔)", "๑ พ.ค. ๒๕๖๖", "๒๕๖๖"),
        row(&p4[1], "๙ (๔)", "๑ ธ.ค. ๒๕๖๕", "๒๕๖๖"),
        row(&p4[2], "๙ (๔)", "๑ มิ.ย. ๒๕๖๕", "๒๕๖๕"),
    ];
    // 9(8), newest first whatever the sub-group: the reference price of 10 Jan 2566 between
    // the results of January and December.
    let monthly = "๙ (๘) สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)";
    for m in &MONTHS_NEWEST_FIRST[..9] {
        expected.push(row(&month_entry(*m), monthly, m.2, "๒๕๖๖"));
    }
    expected.push(row(
        &road_entry(),
        "๙ (๘) ประกาศเกี่ยวกับการจัดซื้อจัดจ้าง",
        "๑๐ ม.ค. ๒๕๖๖",
        "๒๕๖๖",
    ));
    for m in &MONTHS_NEWEST_FIRST[9..] {
        expected.push(row(&month_entry(*m), monthly, m.2, "๒๕๖๖"));
    }
    assert_eq!(index_rows(&html), expected);

    // One page per fiscal year, holding only that year's rows, in the same order.
    let of_year = |fy: &str| -> Vec<([String; 5], String)> {
        expected
            .iter()
            .filter(|(c, _)| c[4] == fy)
            .cloned()
            .collect()
    };
    let y2566 = page(&site, "section9/2566/");
    assert_eq!(h1(&y2566), "ดัชนีข้อมูลข่าวสาร ปีงบประมาณ พ.ศ. ๒๕๖๖");
    assert_eq!(index_rows(&y2566), of_year("๒๕๖๖"));
    assert_eq!(index_rows(&y2566).len(), 18);
    let y2565 = page(&site, "section9/2565/");
    assert_eq!(index_rows(&y2565), of_year("๒๕๖๕"));
    assert_eq!(index_rows(&y2565).len(), 1);
    assert!(!site.exists("public/section9/2567/index.html"));

    // The years to choose from, without JavaScript: the page itself in bold, the others linked.
    let years = |html: &str| text_of(between(html, "<p class=\"years\">", "</p>"));
    assert_eq!(years(&html), "เลือกปีงบประมาณ: ทุกปี · ๒๕๖๖ · ๒๕๖๕");
    assert_eq!(years(&y2566), years(&html));
    let links = |html: &str| attribute_values(between(html, "<p class=\"years\">", "</p>"), "href");
    assert_eq!(links(&html), ["/section9/2566/", "/section9/2565/"]);
    assert_eq!(links(&y2566), ["/section9/#index", "/section9/2565/"]);
    assert!(html.contains("<strong>ทุกปี</strong>"));
    assert!(y2566.contains("<strong>๒๕๖๖</strong>"));
    assert!(
        !html.contains("<script"),
        "the index works without JavaScript"
    );
}

#[test]
fn section9_every_link_resolves_and_names_the_page_it_leads_to() {
    let site = section9_site();
    let mut checked = 0;
    for rel in ["section9/", "section9/2566/", "section9/2565/"] {
        let html = page(&site, rel);
        for link in attribute_values(&html, "href") {
            if link.starts_with('/') {
                lands(&site, "/", &link).unwrap_or_else(|e| panic!("{rel}: {e}"));
                checked += 1;
            }
        }
        // A link to a whole page reads as that page's title.
        for (cells, href) in index_rows(&html) {
            if !href.contains('#') {
                let target = page(&site, href.trim_start_matches('/'));
                assert_eq!(cells[1], h1(&target), "{rel}: {href}");
            }
        }
    }
    assert!(checked > 60, "only {checked} links");
}

// ---- 5. /ita/YEAR/ and ita-YEAR.csv ----

/// A group of an ITA catalog: code, title, items (code, title).
type Group = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The ITA 2566 catalog as domain/ita-oit.md gives it.
const ITA_2566: [Group; 7] = [
    (
        "9.1",
        "ข้อมูลพื้นฐาน",
        &[
            ("o1", "โครงสร้าง"),
            ("o2", "ข้อมูลผู้บริหาร"),
            ("o3", "อำนาจหน้าที่"),
            ("o4", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน"),
            ("o5", "ข้อมูลการติดต่อ"),
            ("o6", "กฎหมายที่เกี่ยวข้อง"),
            ("o7", "ข่าวประชาสัมพันธ์"),
            ("o8", "Q&A"),
            ("o9", "Social Network"),
            ("o10", "นโยบายคุ้มครองข้อมูลส่วนบุคคล"),
        ],
    ),
    (
        "9.2",
        "การบริหารงาน",
        &[
            ("o11", "แผนดำเนินงานและการใช้งบประมาณประจำปี"),
            (
                "o12",
                "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน",
            ),
            ("o13", "รายงานผลการดำเนินงานประจำปี"),
            ("o14", "คู่มือหรือมาตรฐานการปฏิบัติงาน"),
            ("o15", "คู่มือหรือมาตรฐานการให้บริการ"),
            ("o16", "ข้อมูลเชิงสถิติการให้บริการ"),
            ("o17", "รายงานผลการสำรวจความพึงพอใจการให้บริการ"),
            ("o18", "E-Service"),
        ],
    ),
    (
        "9.3",
        "การจัดซื้อจัดจ้าง",
        &[
            ("o19", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ"),
            ("o20", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ"),
            ("o21", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"),
            ("o22", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"),
        ],
    ),
    (
        "9.4",
        "การบริหารและพัฒนาทรัพยากรบุคคล",
        &[
            ("o23", "นโยบาย"),
            ("o24", "การดำเนินการตามนโยบาย"),
            ("o25", "หลักเกณฑ์"),
            ("o26", "รายงานผลประจำปี"),
        ],
    ),
    (
        "9.5",
        "การส่งเสริมความโปร่งใส",
        &[
            ("o27", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
            ("o28", "ช่องทางแจ้งเรื่องร้องเรียน"),
            ("o29", "ข้อมูลเชิงสถิติเรื่องร้องเรียน"),
            ("o30", "การเปิดโอกาสให้เกิดการมีส่วนร่วม"),
        ],
    ),
    (
        "10.1",
        "การดำเนินการเพื่อป้องกันการทุจริต",
        &[
            ("o31", "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่"),
            ("o32", "การสร้างวัฒนธรรม No Gift Policy"),
            ("o33", "รายงานผลตามนโยบาย No Gift Policy"),
            ("o34", "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี"),
            ("o35", "การดำเนินการเพื่อจัดการความเสี่ยง"),
            ("o36", "แผนปฏิบัติการป้องกันการทุจริต"),
            ("o37", "รายงานการกำกับติดตาม รอบ 6 เดือน"),
            ("o38", "รายงานผลประจำปี"),
        ],
    ),
    (
        "10.2",
        "มาตรการภายในเพื่อส่งเสริมความโปร่งใสและป้องกันการทุจริต",
        &[
            ("o39", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ"),
            ("o40", "การขับเคลื่อนจริยธรรม"),
            ("o41", "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ"),
            ("o42", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
            (
                "o43",
                "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            ),
        ],
    ),
];

const BASE: &str = "https://www.example.go.th/";

/// One row of the ITA table: code, title, the URLs linked, or `None` when it says missing.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ItaRow {
    code: String,
    title: String,
    urls: Option<Vec<String>>,
    description: String,
}

/// The groups of /ita/YEAR/: (heading, rows).
fn ita_groups(html: &str) -> Vec<(String, Vec<ItaRow>)> {
    html.split("<section aria-labelledby=\"g-")
        .skip(1)
        .map(|section| {
            let section = &section[..section.find("</section>").expect("closing </section>")];
            let heading = text_of(
                between(section, "<h2", "</h2>")
                    .split_once('>')
                    .expect("<h2>")
                    .1,
            );
            let rows = section
                .split("<tr id=\"")
                .skip(1)
                .map(|tr| {
                    let tr = &tr[..tr.find("</tr>").expect("closing </tr>")];
                    let code = text_of(between(tr, "<th scope=\"row\">", "</th>"));
                    let cells: Vec<&str> = tr.split("<td").skip(1).collect();
                    let cell = |c: &str| text_of(&c[c.find('>').expect("end of <td>") + 1..]);
                    let missing = tr.contains("class=\"missing\"");
                    ItaRow {
                        code,
                        title: cell(cells[0]).replace("</td>", ""),
                        urls: if missing {
                            assert_eq!(cell(cells[1]), "ยังไม่มีข้อมูล");
                            None
                        } else {
                            Some(attribute_values(tr, "href"))
                        },
                        description: if missing {
                            String::new()
                        } else {
                            cell(cells[2])
                        },
                    }
                })
                .collect();
            (heading, rows)
        })
        .collect()
}

/// The fields of a CSV file (RFC 4180: quotes, doubled quotes, line breaks inside quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a line ends with LF alone"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row has no CRLF"
    );
    rows
}

/// `public/ita/YEAR/ita-YEAR.csv`: it starts with a byte-order mark; its rows.
#[track_caller]
fn ita_csv(site: &TestSite, year: &str) -> Vec<Vec<String>> {
    let text = site.read(&format!("public/ita/{year}/ita-{year}.csv"));
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("ita-{year}.csv has no byte-order mark"));
    let rows = parse_csv(body);
    assert_eq!(
        rows[0],
        [
            "group",
            "item",
            "title",
            "status",
            "urls",
            "descriptions",
            "topics",
            "confirmed"
        ]
    );
    rows[1..].to_vec()
}

fn built_complete() -> TestSite {
    let site = complete();
    site.build().success();
    site
}

#[test]
fn ita_page_lists_every_item_of_the_2566_catalog_grouped_as_the_assessment_groups_them() {
    let site = built_complete();
    let html = page(&site, "ita/2566/");
    assert_eq!(
        h1(&html),
        "การเปิดเผยข้อมูลสาธารณะ (OIT) ตามการประเมิน ITA ปี ๒๕๖๖"
    );
    let groups = ita_groups(&html);
    let shape: Vec<(String, Vec<(String, String)>)> = groups
        .iter()
        .map(|(h, rows)| {
            (
                h.clone(),
                rows.iter()
                    .map(|r| (r.code.clone(), r.title.clone()))
                    .collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<(String, String)>)> = ITA_2566
        .iter()
        .map(|(code, title, items)| {
            (
                format!("{code} {title}"),
                items
                    .iter()
                    .map(|(c, t)| ((*c).to_owned(), (*t).to_owned()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(shape, expected);
    assert_eq!(expected.iter().map(|(_, r)| r.len()).sum::<usize>(), 43);
    assert!(
        text_of(&html).contains("มีข้อมูลแล้ว ๔๓ จาก ๔๓ ข้อ"),
        "every item answered"
    );
    assert!(groups.iter().flat_map(|(_, r)| r).all(|r| r.urls.is_some()));
}

#[test]
fn ita_answers_are_absolute_urls_of_the_content_tagged_with_the_item_topics() {
    let site = built_complete();
    let groups = ita_groups(&page(&site, "ita/2566/"));
    let row = |code: &str| -> ItaRow {
        groups
            .iter()
            .flat_map(|(_, r)| r)
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("no {code}"))
            .clone()
    };
    let urls = |code: &str| row(code).urls.expect("answered");
    let abs = |p: &str| format!("{BASE}{p}");
    assert_eq!(urls("o1"), [abs("basic/")]);
    assert_eq!(row("o1").description, "หน้า \"ข้อมูลพื้นฐาน\"");
    // Typed records tag themselves: the plan, the reference price and the monthly results,
    // each with the per-project list that joins them.
    assert_eq!(
        urls("o19"),
        [
            abs("procurement/plans/2566/"),
            abs("procurement/projects/2566/")
        ]
    );
    assert_eq!(
        urls("o20"),
        [
            abs("procurement/reference-prices/road/"),
            abs("procurement/projects/2566/")
        ]
    );
    assert_eq!(
        urls("o21"),
        [
            abs("procurement/results/2566/"),
            abs("procurement/projects/2566/")
        ]
    );
    assert!(
        row("o21").description.contains("(เผยแพร่แล้ว ๑๒ เดือน)"),
        "{}",
        row("o21").description
    );
    assert_eq!(urls("o31"), [abs("announcements/no-gift/")]);
    assert_eq!(
        row("o31").description,
        "หน้าประกาศ: ประกาศ เรื่อง เจตนารมณ์นโยบายไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ 2566 (ลงวันที่ ๒๐ ต.ค. ๒๕๖๕)"
    );
    assert_eq!(urls("o42"), [abs("measures/2566/")]);
    // The measures' report, at its heading.
    assert_eq!(urls("o43"), [abs("measures/2566/#h-results")]);
    // Every URL of the page leads to a built file.
    let mut checked = 0;
    for r in groups.iter().flat_map(|(_, r)| r) {
        for url in r.urls.iter().flatten() {
            lands(&site, BASE, url).unwrap_or_else(|e| panic!("{}: {e}", r.code));
            checked += 1;
        }
    }
    assert!(checked >= 43, "only {checked} URLs");
}

#[test]
fn ita_item_with_nothing_says_so_on_the_page_and_in_the_csv() {
    let site = complete().replace(ADMINISTRATION, "progress_report_6m, ", "");
    site.build().success();
    let html = page(&site, "ita/2566/");
    let o12 = ita_groups(&html)
        .into_iter()
        .flat_map(|(_, r)| r)
        .find(|r| r.code == "o12")
        .expect("o12");
    assert_eq!(o12.urls, None);
    assert!(text_of(&html).contains("มีข้อมูลแล้ว ๔๒ จาก ๔๓ ข้อ"));
    let rows = ita_csv(&site, "2566");
    let missing: Vec<&Vec<String>> = rows.iter().filter(|r| r[3] == "missing").collect();
    assert_eq!(
        missing,
        [&vec![
            "9.2".to_owned(),
            "o12".into(),
            "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน".into(),
            "missing".into(),
            String::new(),
            String::new(),
            "progress_report_6m".into(),
            "true".into(),
        ]]
    );
}

#[test]
fn ita_csv_has_one_row_per_item_in_catalog_order() {
    let site = built_complete();
    let rows = ita_csv(&site, "2566");
    let expected: Vec<(String, String, String)> = ITA_2566
        .iter()
        .flat_map(|(g, _, items)| {
            items
                .iter()
                .map(move |(c, t)| ((*g).to_owned(), (*c).to_owned(), (*t).to_owned()))
        })
        .collect();
    let actual: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect();
    assert_eq!(actual, expected);
    assert!(
        rows.iter()
            .all(|r| r.len() == 8 && r[3] == "answered" && r[7] == "true")
    );
    // Several answers: one URL per line of the cell, their descriptions likewise.
    let o19 = rows.iter().find(|r| r[1] == "o19").expect("o19");
    assert_eq!(
        o19[4],
        format!("{BASE}procurement/plans/2566/\r\n{BASE}procurement/projects/2566/")
    );
    assert_eq!(
        o19[5],
        "ตารางแผนการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. ๒๕๖๖ (๓ รายการ)\r\nตารางรายโครงการ (แผน ราคากลาง ผลการจัดซื้อจัดจ้าง) ปีงบประมาณ พ.ศ. ๒๕๖๖"
    );
    assert_eq!(o19[6], "procurement_plan");
    // The page links the same table.
    assert!(
        attribute_values(&page(&site, "ita/2566/"), "href")
            .contains(&"/ita/2566/ita-2566.csv".to_owned())
    );
    // And the CSV and the page agree.
    let groups = ita_groups(&page(&site, "ita/2566/"));
    for r in &rows {
        let on_page = groups
            .iter()
            .flat_map(|(_, rows)| rows)
            .find(|x| x.code == r[1])
            .expect("on the page");
        assert_eq!(on_page.urls.clone().unwrap_or_default().join("\r\n"), r[4]);
    }
}

#[test]
fn ita_csv_is_identical_from_one_build_to_the_next() {
    let site = built_complete();
    let first = site.read_bytes("public/ita/2566/ita-2566.csv");
    site.build().success();
    assert_eq!(site.read_bytes("public/ita/2566/ita-2566.csv"), first);
    // Built from scratch in another folder.
    let other = built_complete();
    assert_eq!(other.read_bytes("public/ita/2566/ita-2566.csv"), first);
    // The ITA page as well.
    assert_eq!(page(&other, "ita/2566/"), page(&site, "ita/2566/"));
}

#[test]
fn ita_urls_of_a_site_under_a_sub_path_carry_it_and_resolve() {
    let site = complete().replace(
        "content/site.yaml",
        "base_url: https://www.example.go.th/",
        "base_url: https://www.example.go.th/sub/",
    );
    site.build().success();
    let base = "https://www.example.go.th/sub/";
    let rows = ita_csv(&site, "2566");
    let mut checked = 0;
    for r in &rows {
        for url in r[4].split("\r\n") {
            lands(&site, base, url).unwrap_or_else(|e| panic!("{}: {e}", r[1]));
            checked += 1;
        }
    }
    assert!(checked >= 43);
    let o43 = rows.iter().find(|r| r[1] == "o43").expect("o43");
    assert_eq!(o43[4], format!("{base}measures/2566/#h-results"));
    for (_, rows) in ita_groups(&page(&site, "ita/2566/")) {
        for r in rows {
            for url in r.urls.iter().flatten() {
                lands(&site, base, url).unwrap_or_else(|e| panic!("{}: {e}", r.code));
            }
        }
    }
    // /section9/ too.
    for link in attribute_values(&page(&site, "section9/"), "href") {
        if link.starts_with('/') {
            lands(&site, "/sub/", &link).unwrap_or_else(|e| panic!("section9: {e}"));
        }
    }
}

#[test]
fn ita_item_is_missing_when_the_year_lacks_the_record_the_per_project_list_would_show() {
    // Without a plan the per-project list still exists (the year has results), but it
    // answers neither o19 nor stands in for the plan.
    let site = complete()
        .remove(PLAN)
        .replace(ROAD, "plan_item: \"66-002\"\n", "")
        .replace(NOV, "    plan_item: \"66-001\"\n", "")
        .replace(FEB, "    plan_item: \"66-002\"\n", "");
    site.build().success();
    let rows = ita_csv(&site, "2566");
    let status = |code: &str| rows.iter().find(|r| r[1] == code).expect("a row")[3].clone();
    assert_eq!(status("o19"), "missing");
    assert_eq!(status("o20"), "answered");
    assert_eq!(status("o21"), "answered");
    assert!(site.exists("public/procurement/projects/2566/index.html"));
}

const CUSTOM_2566: &str = "\
year: 2566
groups:
  - code: A
    title: กลุ่มทดสอบ
    items:
      - code: x1
        title: โครงสร้างและผู้บริหาร
        topics: [structure, executives]
      - code: x2
        title: ข้อที่ยังไม่มีใครตอบ
        topics: [hr_policy_actions]
";

#[test]
fn site_catalog_replaces_the_built_in_one_of_its_year() {
    let site = complete()
        .replace("content/pages/hr.md", "hr_policy_actions, ", "")
        .file("content/ita/2566.yaml", CUSTOM_2566);
    site.build().success();
    let groups = ita_groups(&page(&site, "ita/2566/"));
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].0, "A กลุ่มทดสอบ");
    let codes: Vec<&str> = groups[0].1.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["x1", "x2"]);
    assert_eq!(groups[0].1[0].urls, Some(vec![format!("{BASE}basic/")]));
    assert_eq!(groups[0].1[1].urls, None);
    let rows = ita_csv(&site, "2566");
    let items: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[1].as_str(), r[3].as_str()))
        .collect();
    assert_eq!(items, [("x1", "answered"), ("x2", "missing")]);
    // The report follows the site's catalog: x2 is missing, o1...o43 are gone.
    let found = findings(&site, "2566-09-30", "th");
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        ["ITA 2566 ข้อ x2 ข้อที่ยังไม่มีใครตอบ: ยังไม่มีเนื้อหาที่ตอบข้อนี้"]
    );
    assert_eq!(
        found[0].rule,
        "ITA 2566 ตัวชี้วัดการเปิดเผยข้อมูล (OIT) A กลุ่มทดสอบ"
    );
}

#[test]
fn site_catalog_of_a_new_year_adds_that_year() {
    let site = complete()
        .replace("content/pages/hr.md", "hr_policy_actions, ", "")
        .file(
            "content/ita/2569.yaml",
            &CUSTOM_2566.replace("year: 2566", "year: 2569"),
        )
        // Content of fiscal year 2569 brings its page.
        .file(
            "content/announcements/hr-2569.md",
            "---\ntitle: ประกาศ เรื่อง การดำเนินการตามนโยบายบริหารทรัพยากรบุคคล\ndate: 2568-11-01\ntopics: [hr_policy_actions]\n---\nประกาศ\n",
        );
    site.build().success();
    let groups = ita_groups(&page(&site, "ita/2569/"));
    let rows: Vec<(&str, bool)> = groups[0]
        .1
        .iter()
        .map(|r| (r.code.as_str(), r.urls.is_some()))
        .collect();
    assert_eq!(rows, [("x1", true), ("x2", true)]);
    assert_eq!(
        groups[0].1[1].urls,
        Some(vec![format!("{BASE}announcements/hr-2569/")])
    );
    assert_eq!(ita_csv(&site, "2569").len(), 2);
    // 2566 keeps the built-in catalog; years without content have no page.
    assert_eq!(ita_csv(&site, "2566").len(), 43);
    assert!(!site.exists("public/ita/2567/index.html"));
    assert!(!site.exists("public/ita/2568/index.html"));
}

#[test]
fn site_that_follows_a_year_gets_its_page_and_its_report() {
    let site = complete()
        .replace("content/pages/hr.md", "hr_policy_actions, ", "")
        .file(
            "content/ita/2569.yaml",
            &CUSTOM_2566.replace("year: 2566", "year: 2569"),
        )
        .replace(
            "content/site.yaml",
            "fiscal_year: 2566\n",
            "fiscal_year: 2566\nita_year: 2569\n",
        );
    site.build().success();
    assert!(site.exists("public/ita/2569/ita-2569.csv"));
    let found = findings(&site, "2566-09-30", "th");
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        ["ITA 2569 ข้อ x2 ข้อที่ยังไม่มีใครตอบ: ยังไม่มีเนื้อหาที่ตอบข้อนี้"]
    );
}

#[test]
fn catalog_naming_an_unknown_topic_is_an_error_at_its_line() {
    // "executive" is "executives" less a letter; the error is on x2's line, not on x1's.
    let site = complete().file(
        "content/ita/2566.yaml",
        &CUSTOM_2566.replace("[hr_policy_actions]", "[executive]"),
    );
    let line = line_of(&site, "content/ita/2566.yaml", "[executive]");
    assert_eq!(line, 11);
    site.check().failure().stderr_has(&format!(
        "ข้อผิดพลาด: content/ita/2566.yaml:{line}:18: ข้อ x2 ใช้หัวข้อ \"executive\" ที่ไม่รู้จัก"
    ));
    site.build().failure();
    let out = site.run(&["check", "--format", "json"]);
    out.failure();
    let json = out.json();
    let d = &json["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "content/ita/2566.yaml");
    assert_eq!(d["line"], line);
}

#[test]
fn catalog_whose_year_differs_from_its_file_name_is_an_error() {
    let site = complete().file(
        "content/ita/2569.yaml",
        &CUSTOM_2566.replace("year: 2566", "year: 2568"),
    );
    site.check()
        .failure()
        .stderr_has("ข้อผิดพลาด: content/ita/2569.yaml:1:1: ปีในไฟล์ (2568) ไม่ตรงกับชื่อไฟล์ (2569.yaml)");
}

#[test]
fn the_unconfirmed_2567_catalog_says_so_on_its_page() {
    let site = complete().file(
        "content/announcements/news-2567.md",
        "---\ntitle: ข่าวประชาสัมพันธ์ ปีงบประมาณ 2567\ndate: 2566-11-01\ntopics: [news]\n---\nข่าว\n",
    );
    site.build().success();
    let html = page(&site, "ita/2567/");
    assert!(
        html.contains("<p class=\"notice\"><strong>หมายเหตุ:</strong>"),
        "{html}"
    );
    let rows: Vec<ItaRow> = ita_groups(&html).into_iter().flat_map(|(_, r)| r).collect();
    assert_eq!(rows.len(), 33);
    assert!(rows.iter().all(|r| r.title.ends_with("(ยังไม่ยืนยัน)")));
    let csv = ita_csv(&site, "2567");
    assert!(csv.iter().all(|r| r[7] == "false"));
    // The 2566 page is unchanged.
    assert!(!page(&site, "ita/2566/").contains("class=\"notice\""));
}

// ---- 6. the example site ----

#[test]
fn example_site_as_of_the_end_of_2566_gives_exactly_what_it_leaves_out() {
    let site = TestSite::example();
    const EXAMPLE_PLAN: &str = "content/procurement/plans/2566.yaml";
    let plan = site.read(EXAMPLE_PLAN);
    let title_of = |id: &str| -> String {
        let mut lines = plan
            .lines()
            .skip_while(|l| !l.contains(&format!("id: \"{id}\"")));
        lines.next().expect("the id");
        lines
            .next()
            .and_then(|l| l.strip_prefix("    title: "))
            .expect("the title after the id")
            .to_owned()
    };
    let expected = vec![
        missing_reference_price(&site, EXAMPLE_PLAN, "66-006", &title_of("66-006")),
        missing_reference_price(&site, EXAMPLE_PLAN, "66-007", &title_of("66-007")),
        missing_reference_price(&site, EXAMPLE_PLAN, "66-010", &title_of("66-010")),
        missing_item(
            "o12",
            "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน",
            "progress_report_6m",
            "9.2",
            "การบริหารงาน",
        ),
        missing_item(
            "o37",
            "รายงานการกำกับติดตาม รอบ 6 เดือน",
            "anticorruption_progress_6m",
            "10.1",
            "การดำเนินการเพื่อป้องกันการทุจริต",
        ),
    ];
    assert_report(&site, "2566-09-30", &expected);
    // Its fiscal year is over: check and build judge it on 30 Sep 2566 by themselves.
    let json = site.run(&["check", "--format", "json"]).json();
    assert_eq!(json["compliance"]["as_of"], "2023-09-30");
    assert_eq!(
        json["compliance"]["findings"].as_array().map(Vec::len),
        Some(5)
    );
    site.build()
        .success()
        .stderr_has("การเปิดเผยข้อมูลปีงบประมาณ 2566: ยังขาด 5 รายการ (ดูรายละเอียดด้วย prongsai check)");
}

#[test]
fn example_section9_and_ita_2566_pages_link_only_to_built_files() {
    let site = TestSite::example();
    site.build().success();
    let mut checked = 0;
    for rel in ["section9/", "section9/2566/", "ita/2566/"] {
        for link in attribute_values(&page(&site, rel), "href") {
            let base = if link.starts_with(BASE) { BASE } else { "/" };
            if link.starts_with('/') || link.starts_with(BASE) {
                lands(&site, base, &link).unwrap_or_else(|e| panic!("{rel}: {e}"));
                checked += 1;
            }
        }
    }
    for r in ita_csv(&site, "2566") {
        for url in r[4].split("\r\n").filter(|u| !u.is_empty()) {
            lands(&site, BASE, url).unwrap_or_else(|e| panic!("ita-2566.csv {}: {e}", r[1]));
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links");
    // What the report leaves out is what the table says is missing.
    let missing: Vec<String> = ita_csv(&site, "2566")
        .into_iter()
        .filter(|r| r[3] == "missing")
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(missing, ["o12", "o37"]);
}
