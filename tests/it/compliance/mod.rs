//! The disclosure report of `prongsai check` (section 9 of the Official Information Act, the ITA items):
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
//! the ITA catalog (what is missing, the file to add or fix, the rule it comes from), not
//! copied from a run.

use crate::support;

use serde_json::Value;
use support::{Outcome, TestSite, attribute_values, between, percent_decode, text_of};

mod example;
mod ita;
mod report;
mod section9;

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

/// An annual-report item of the 2566 assessment with nothing on the site: it asks for the
/// report of fiscal year 2565, the year before.
fn missing_report(
    code: &str,
    title: &str,
    topic: &str,
    group: &str,
    group_title: &str,
) -> Expected {
    let mut e = missing_item(code, title, topic, group, group_title);
    e.th[2] = format!(
        "ข้อนี้ของ ITA 2566 ถามถึงปีงบประมาณที่ผ่านมา: เผยแพร่รายงานของปีงบประมาณ 2565 ที่มี topics: [{topic}] (รายงานที่ลงวันที่หลังสิ้นปีงบประมาณ ให้ใส่ fiscal_year: 2565)"
    );
    e.en[2] = format!(
        "this ITA 2566 item asks about the year before: publish the report of fiscal year 2565 with topics: [{topic}]"
    );
    e
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
    body.split("<tr")
        .skip(1)
        .map(|tr| {
            let tr = &tr
                [tr.find('>').expect("end of <tr>") + 1..tr.find("</tr>").expect("closing </tr>")];
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
    // A query (the theme's files' `?v=`) names the same file on a static host.
    let path = percent_decode(path.split('?').next().unwrap_or_default());
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
