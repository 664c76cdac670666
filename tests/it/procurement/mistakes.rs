//! Mistakes the checks catch, each at its line.

use super::*;

// ---- 5. mistakes the checks catch ----

/// A build that must fail, and the site it failed on.
struct Rejected {
    site: TestSite,
    out: Outcome,
}

/// Builds the fixture, applies `change`, builds again: exit 1 and the published site untouched.
#[track_caller]
fn rejects(change: impl FnOnce(TestSite) -> TestSite) -> Rejected {
    let site = built();
    let before = site.public();
    let site = change(site);
    let out = site.build();
    out.failure();
    before.assert_same(&site.public());
    Rejected { site, out }
}

/// The 1-based line of `file` where `needle` first appears.
#[track_caller]
fn line_of(site: &TestSite, file: &str, needle: &str) -> usize {
    site.read(file)
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{file} has no {needle:?}"))
        + 1
}

/// `check --format json` has a diagnostic of `severity` at `file:line`.
#[track_caller]
fn check_reports(site: &TestSite, severity: &str, file: &str, line: usize) {
    let check = site.run(&["check", "--format", "json"]);
    let json = check.json();
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["severity"] == severity && d["file"] == file && d["line"] == line);
    assert!(found, "check has no {severity} at {file}:{line}:\n{json:#}");
}

impl Rejected {
    /// stderr names `file:line` as an error, and so does check.
    #[track_caller]
    fn at(&self, file: &str, line: usize) -> &Self {
        self.out.stderr_has(&format!("ข้อผิดพลาด: {file}:{line}:"));
        check_reports(&self.site, "error", file, line);
        self
    }

    /// Like [`Rejected::at`], at the line of `file` holding `needle`.
    #[track_caller]
    fn at_line_of(&self, file: &str, needle: &str) -> &Self {
        self.at(file, line_of(&self.site, file, needle))
    }

    #[track_caller]
    fn says(&self, text: &str) -> &Self {
        self.out.stderr_has(text);
        self
    }

    #[track_caller]
    fn lacks(&self, text: &str) -> &Self {
        self.out.stderr_lacks(text);
        self
    }
}

/// Builds the fixture changed by `change`: the build succeeds with a warning at the line of
/// `file` holding `needle`, saying `text`; `check` passes, `check --strict` does not.
#[track_caller]
fn warns(
    change: impl FnOnce(TestSite) -> TestSite,
    file: &str,
    needle: &str,
    text: &str,
) -> TestSite {
    let site = change(fixture());
    let out = site.build();
    out.success();
    let line = line_of(&site, file, needle);
    out.stderr_has(&format!("คำเตือน: {file}:{line}:"))
        .stderr_has(text)
        .stderr_lacks("ข้อผิดพลาด:");
    assert!(
        site.exists("public/procurement/results/2566/index.html"),
        "the site is built"
    );
    check_reports(&site, "warning", file, line);
    site.check().success();
    site.run(&["check", "--strict"]).failure();
    site
}

#[test]
fn plan_item_that_does_not_exist_suggests_the_nearest_id() {
    rejects(|s| s.replace(NOV, "plan_item: \"66-002\"", "plan_item: \"66-02\""))
        .at_line_of(NOV, "plan_item: \"66-02\"")
        .says("ไม่พบรายการ \"66-02\"")
        .says("หมายถึงรายการ \"66-002\" (")
        .says("content/procurement/plans/2566.yaml หรือไม่?");
}

#[test]
fn a_plan_item_one_digit_away_from_another_is_not_guessed() {
    // 66-099 is two digits from each of the plan's ids: any may have been meant.
    let out = rejects(|s| {
        s.replace(NOV, "plan_item: \"66-002\"", "plan_item: \"66-099\"")
            .replace(
                NOV,
                "- title: จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์)",
                "- title: จัดซื้อวัสดุสำนักงาน",
            )
    });
    out.at_line_of(NOV, "plan_item: \"66-099\"")
        .says("ไม่พบรายการ \"66-099\"")
        .says("รหัสที่ใกล้เคียงใน content/procurement/plans/2566.yaml: \"66-001\" โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3; \"66-002\" ")
        .says("ระบบไม่เดาแทน")
        .lacks("หมายถึงรายการ \"");
}

#[test]
fn a_plan_item_is_guessed_from_a_row_titled_as_the_plan_item() {
    rejects(|s| s.replace(NOV, "plan_item: \"66-002\"", "plan_item: \"66-099\""))
        .at_line_of(NOV, "plan_item: \"66-099\"")
        .says("หมายถึงรายการ \"66-002\" (จัดซื้อวัสดุสำนักงาน (กระดาษ, หมึกพิมพ์))");
}

#[test]
fn reference_price_naming_a_plan_item_that_does_not_exist() {
    rejects(|s| s.replace(ROAD, "plan_item: \"66-001\"", "plan_item: \"66-010\""))
        .at_line_of(ROAD, "plan_item:")
        .says("ไม่พบรายการ \"66-010\" ในแผนการจัดซื้อจัดจ้างปี 2566");
}

#[test]
fn results_file_whose_month_differs_from_its_name() {
    rejects(|s| s.replace(NOV, "month: 2565-11", "month: 2565-10"))
        .at_line_of(NOV, "month: 2565-10")
        .says("ไม่ตรงกับชื่อไฟล์");
}

#[test]
fn contract_date_outside_the_fiscal_year() {
    rejects(|s| s.replace(NOV, "date: 2565-11-20", "date: 2566-11-20"))
        .at_line_of(NOV, "date: 2566-11-20")
        .says("นอกปีงบประมาณ 2566")
        .says("items[0].contract.date");
}

#[test]
fn negative_amount() {
    rejects(|s| s.replace(PLAN, "budget: 1200000", "budget: -1200000"))
        .at_line_of(PLAN, "budget: -1200000")
        .says("ติดลบ")
        .says("items[3].budget");
}

#[test]
fn amount_that_is_not_a_number() {
    rejects(|s| s.replace(ROAD, "price: 498000", "price: abc"))
        .at_line_of(ROAD, "price: abc")
        .says("อ่านจำนวนเงินไม่ได้")
        .says("ช่อง: price");
}

#[test]
fn method_that_is_not_one_of_the_four_suggests_the_nearest() {
    rejects(|s| s.replace(PLAN, "method: e-bidding", "method: e-biding"))
        .at_line_of(PLAN, "method: e-biding")
        .says("ไม่รู้จักวิธีจัดซื้อจัดจ้าง \"e-biding\"")
        .says("หมายถึง \"e-bidding\" หรือไม่?");
}

#[test]
fn duplicate_plan_item_ids() {
    let r = rejects(|s| s.replace(PLAN, "id: \"66-004\"", "id: \"66-002\""));
    // The second of the two, the line above the fourth item's title.
    let line = line_of(&r.site, PLAN, "title: โครงการก่อสร้างรางระบายน้ำ") - 1;
    r.at(PLAN, line)
        .says("รหัสรายการ \"66-002\" ซ้ำ")
        .says("items[3].id");
}

#[test]
fn agreed_price_above_the_budget_is_a_warning_at_the_winner() {
    let site = warns(
        |s| {
            s.replace(
                NOV,
                "winner: {name: ร้านตัวอย่างพาณิชย์, price: 11800}",
                "winner: {name: ร้านตัวอย่างพาณิชย์, price: 12500}",
            )
        },
        NOV,
        "winner:",
        "ราคาที่ตกลงซื้อหรือจ้าง 12,500.00 บาท สูงกว่าวงเงินงบประมาณ 12,000.50 บาท",
    );
    assert!(page(&site, "procurement/results/2566/").contains("ร้านตัวอย่างพาณิชย์ ๑๒,๕๐๐.๐๐ บาท"));
}

#[test]
fn reference_price_above_the_budget_is_a_warning() {
    let site = warns(
        |s| s.replace(COMPUTERS, "price: 84500", "price: 86000"),
        COMPUTERS,
        "price: 86000",
        "ราคากลาง 86,000.00 บาท สูงกว่าวงเงินงบประมาณ 85,000.00 บาท",
    );
    assert!(page(&site, "procurement/reference-prices/computers/").contains("๘๖,๐๐๐.๐๐"));
}

#[test]
fn dataset_csv_whose_header_does_not_match_its_columns() {
    rejects(|s| s.replace(DATASET_CSV, "quarter,received,", "quarter,recieved,"))
        .at_line_of(DATASET_CSV, "quarter,recieved,")
        .says("หัวตารางของ CSV (quarter,recieved,reported_on) ไม่ตรงกับคอลัมน์ที่อธิบายไว้ (quarter,received,reported_on)");
}

#[test]
fn dataset_cell_that_is_not_an_integer_in_an_integer_column() {
    rejects(|s| s.replace(DATASET_CSV, "1/2566,๑๒,", "1/2566,สิบสอง,"))
        .at_line_of(DATASET_CSV, "สิบสอง")
        .says("ค่า \"สิบสอง\" ในคอลัมน์ received ไม่ใช่จำนวนเต็ม");
}

#[test]
fn embed_naming_a_record_that_does_not_exist() {
    rejects(|s| {
        s.replace(
            ANNOUNCEMENT,
            "embed: procurement/plans/2566",
            "embed: procurement/plans/2567",
        )
    })
    .at_line_of(ANNOUNCEMENT, "embed:")
    .says("ไม่พบข้อมูล \"procurement/plans/2567\"");
}

#[test]
fn ocid_prefix_that_is_not_ocds_and_six_characters() {
    for bad in ["ocds-TEST01", "ocds-test1", "test01", "ocds-test012"] {
        let r = rejects(|s| {
            s.replace(
                "content/site.yaml",
                "ocid_prefix: ocds-test01",
                &format!("ocid_prefix: {bad}"),
            )
        });
        r.at_line_of("content/site.yaml", "ocid_prefix:")
            .says(&format!("ocid_prefix \"{bad}\""));
    }
}
