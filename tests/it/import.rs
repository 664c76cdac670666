//! `prongsai import`: spreadsheets shaped as staff keep them, made here with an xlsx writer —
//! a title row merged across the form, a header typed over two lines, Thai dates, several
//! bidders in one cell, an Excel date — imported, checked and built.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use crate::support::{TestSite, text_of};

const SITE_YAML: &str = "name: เทศบาลตำบลทดสอบ\nbase_url: https://www.example.go.th/\n";

fn site() -> TestSite {
    TestSite::empty().file("content/site.yaml", SITE_YAML).file(
        "content/announcements/first.md",
        "---\ntitle: ประกาศแรก\ndate: 2566-10-02\n---\nข้อความ\n",
    )
}

/// The nine columns of แบบ สขร.1, each header typed over two lines of the sheet as many
/// offices do (the second line continues the first).
const HEADER_TOP: [&str; 9] = [
    "ลำดับ",
    "งานที่จัดซื้อ",
    "วงเงินที่จะซื้อ",
    "ราคากลาง",
    "วิธีซื้อ",
    "รายชื่อผู้เสนอราคา",
    "ผู้ได้รับการคัดเลือกและ",
    "เหตุผลที่คัดเลือก",
    "เลขที่และวันที่ของสัญญา",
];
const HEADER_BOTTOM: [&str; 9] = [
    "ที่",
    "หรือจัดจ้าง",
    "หรือจ้าง (บาท)",
    "(บาท)",
    "หรือจ้าง",
    "และราคาที่เสนอ",
    "ราคาที่ตกลงซื้อหรือจ้าง",
    "โดยสรุป",
    "หรือข้อตกลงในการซื้อหรือจ้าง",
];

/// A month's sheet of the form: the title merged over A1:I1, the header on rows 3–4, a
/// numbering row, then `rows` from row 6.
fn form_sheet(book: &mut Workbook, name: &str, title: &str, rows: &[[&str; 9]]) {
    let sheet: &mut Worksheet = book.add_worksheet();
    sheet.set_name(name).unwrap();
    sheet
        .merge_range(0, 0, 0, 8, title, &Format::new().set_bold())
        .unwrap();
    sheet.write(1, 0, "เทศบาลตำบลทดสอบ").unwrap();
    for (c, (top, bottom)) in HEADER_TOP.iter().zip(HEADER_BOTTOM).enumerate() {
        sheet.write(2, c as u16, *top).unwrap();
        sheet.write(3, c as u16, bottom).unwrap();
        sheet.write(4, c as u16, format!("({})", c + 1)).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            // Amounts typed as numbers where they are plain, as Excel keeps them.
            match v.parse::<f64>() {
                Ok(n) => sheet.write(5 + r as u32, c as u16, n).unwrap(),
                Err(_) => sheet.write(5 + r as u32, c as u16, *v).unwrap(),
            };
        }
    }
}

const OCT: [[&str; 9]; 3] = [
    [
        "1",
        "จัดซื้อน้ำมันเชื้อเพลิง",
        "45000",
        "45000",
        "เฉพาะเจาะจง",
        "หจก. ตัวอย่างปิโตรเลียม 45,000.00 บาท",
        "หจก. ตัวอย่างปิโตรเลียม ราคา 45,000.00 บาท",
        "เสนอราคาไม่เกินวงเงิน",
        "ใบสั่งซื้อเลขที่ 1/2567 ลงวันที่ ๒ ต.ค. ๒๕๖๖",
    ],
    [
        "2",
        "จ้างซ่อมรถบรรทุกขยะ",
        "12,500.50",
        "-",
        "วิธีเฉพาะเจาะจง",
        "1. อู่ตัวอย่าง 12,000 บาท\n2. อู่ทดลอง\n12,400 บาท",
        "อู่ตัวอย่าง 12,000.00",
        "ราคาต่ำสุด",
        "ใบสั่งจ้าง 2/2567 ลว. 15 ตุลาคม 2566",
    ],
    [
        "3",
        "จ้างเหมาจัดงานวันปิยมหาราช",
        "๘,๐๐๐",
        "",
        "เฉพาะเจาะจง",
        "",
        "",
        "",
        "",
    ],
];

const NOV: [[&str; 9]; 1] = [[
    "1",
    "จัดซื้อวัสดุสำนักงาน",
    "9,800 บาท",
    "9,800",
    "e-market",
    "ร้านตัวอย่างพาณิชย์ ๙,๕๐๐\nร้านทดลองการค้า 9,700",
    "ร้านตัวอย่างพาณิชย์ 9,500",
    "ราคาต่ำสุด",
    "สัญญาเลขที่ 3/2567 ลงวันที่ 01/11/2566",
]];

fn workbook(path: &std::path::Path, oct: &[[&str; 9]]) {
    let mut book = Workbook::new();
    form_sheet(
        &mut book,
        "ต.ค.66",
        "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2566",
        oct,
    );
    form_sheet(
        &mut book,
        "พ.ย.66",
        "แบบ สขร.1 ประจำเดือน พฤศจิกายน 2566",
        &NOV,
    );
    book.save(path).unwrap();
}

#[test]
fn a_workbook_of_the_form_imports_to_one_file_a_month_that_check_accepts_and_build_publishes() {
    let site = site();
    let xlsx = site.path("สขร1.xlsx");
    workbook(&xlsx, &OCT);
    site.run(&[
        "import",
        "results",
        xlsx.to_str().unwrap(),
        "--root",
        site.root().to_str().unwrap(),
    ])
    .success()
    .stderr_has(
        "หมายเหตุ: สขร1.xlsx แผ่นงาน ต.ค.66 แถว 8: ยังไม่มีผู้ได้รับการคัดเลือก บันทึกเป็น status: pending",
    )
    .stdout_has("content/procurement/results/2566-10.yaml")
    .stdout_has("content/procurement/results/2566-11.yaml");
    let oct = site.read("content/procurement/results/2566-10.yaml");
    let parsed: serde_yaml::Value = serde_yaml::from_str(&oct).unwrap();
    assert_eq!(parsed["month"].as_str(), Some("2566-10"), "{oct}");
    let items = parsed["items"].as_sequence().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1]["budget"].as_str(), Some("12,500.50"));
    assert_eq!(items[1]["method"].as_str(), Some("specific"));
    let bids: Vec<(String, String)> = items[1]["bids"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["bidder"].as_str().unwrap().to_owned(),
                b["price"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        bids,
        [
            ("อู่ตัวอย่าง".to_owned(), "12,000.00".to_owned()),
            ("อู่ทดลอง".to_owned(), "12,400.00".to_owned())
        ]
    );
    assert_eq!(items[1]["contract"]["number"].as_str(), Some("2/2567"));
    assert_eq!(items[1]["contract"]["date"].as_str(), Some("2566-10-15"));
    assert_eq!(items[0]["contract"]["date"].as_str(), Some("2566-10-02"));
    assert_eq!(items[2]["budget"].as_str(), Some("8,000.00"));
    assert_eq!(items[2]["status"].as_str(), Some("pending"));
    // Thai comments say what each field is, as `prongsai new` writes them.
    assert!(oct.contains("# งานที่จัดซื้อหรือจัดจ้าง"), "{oct}");
    site.check().success();
    site.build().success();
    let page = text_of(&site.read("public/procurement/results/2567/index.html"));
    for text in [
        "จ้างซ่อมรถบรรทุกขยะ",
        "อู่ทดลอง",
        "จัดซื้อวัสดุสำนักงาน",
        "อยู่ระหว่างดำเนินการ",
    ] {
        assert!(page.contains(text), "{text} not on the page");
    }
}

#[test]
fn a_cell_it_cannot_read_stops_the_import_at_its_sheet_row_and_column_and_nothing_is_written() {
    let site = site();
    let xlsx = site.path("สขร1.xlsx");
    let mut oct = OCT;
    oct[1][2] = "หนึ่งหมื่นสองพัน";
    workbook(&xlsx, &oct);
    site.run(&[
        "import",
        "results",
        xlsx.to_str().unwrap(),
        "--root",
        site.root().to_str().unwrap(),
    ])
    .code(1)
    .stderr_has(
        "ข้อผิดพลาด: สขร1.xlsx แผ่นงาน ต.ค.66 แถว 7 คอลัมน์ C: อ่าน \"หนึ่งหมื่นสองพัน\" เป็นจำนวนเงินไม่ได้",
    )
    .stderr_has("วิธีแก้: เขียนเป็นตัวเลข เช่น 11,800.00 หรือ 11800")
    .stderr_has("ไม่ได้เขียนไฟล์ใด");
    assert!(!site.exists("content/procurement/results"));
    // A method no one knows, in English.
    let mut oct = OCT;
    oct[0][4] = "ประมูล";
    workbook(&xlsx, &oct);
    site.run(&[
        "import",
        "results",
        xlsx.to_str().unwrap(),
        "--root",
        site.root().to_str().unwrap(),
        "--lang",
        "en",
    ])
    .code(1)
    .stderr_has(
        "error: สขร1.xlsx sheet ต.ค.66 row 6 column E: \"ประมูล\" is not a procurement method",
    );
}

#[test]
fn an_existing_file_is_kept_unless_forced_and_then_backed_up_and_dry_run_writes_nothing() {
    let site = site().file(
        "content/procurement/results/2566-10.yaml",
        "month: 2566-10\nitems: []\n",
    );
    let xlsx = site.path("สขร1.xlsx");
    workbook(&xlsx, &OCT);
    let root = site.root().to_str().unwrap().to_owned();
    let x = xlsx.to_str().unwrap().to_owned();
    site.run(&["import", "results", &x, "--root", &root, "--dry-run"])
        .success()
        .stdout_has("# ---- ")
        .stdout_has("title: จ้างซ่อมรถบรรทุกขยะ");
    assert!(!site.exists("content/procurement/results/2566-11.yaml"));
    site.run(&["import", "results", &x, "--root", &root])
        .code(2)
        .stderr_has("มีไฟล์นี้อยู่แล้ว จึงไม่ได้เขียนไฟล์ใด");
    assert!(!site.exists("content/procurement/results/2566-11.yaml"));
    assert_eq!(
        site.read("content/procurement/results/2566-10.yaml"),
        "month: 2566-10\nitems: []\n"
    );
    site.run(&["import", "results", &x, "--root", &root, "--force"])
        .success()
        .stderr_has("เก็บไฟล์เดิมไว้ที่");
    assert_eq!(
        site.read("content/procurement/results/2566-10.yaml.bak"),
        "month: 2566-10\nitems: []\n"
    );
    assert!(
        site.read("content/procurement/results/2566-10.yaml")
            .contains("จ้างซ่อมรถบรรทุกขยะ")
    );
    // One month of the workbook alone.
    let site2 = self::site();
    site2
        .run(&[
            "import",
            "results",
            &x,
            "--root",
            site2.root().to_str().unwrap(),
            "--month",
            "2566-11",
        ])
        .success();
    assert!(site2.exists("content/procurement/results/2566-11.yaml"));
    assert!(!site2.exists("content/procurement/results/2566-10.yaml"));
}

#[test]
fn the_csv_prongsai_publishes_imports_back_to_the_same_records() {
    let site = TestSite::example();
    site.build().success();
    let csv = site.path("published.csv");
    std::fs::copy(
        site.path("public/procurement/results/2566/results.csv"),
        &csv,
    )
    .unwrap();
    let before = site.read("public/procurement/results/2566/results.csv");
    let months: Vec<String> = std::fs::read_dir(site.path("content/procurement/results"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("2566-") || n.starts_with("2565-1"))
        .collect();
    assert!(months.len() >= 12, "{months:?}");
    // Every month of the fiscal year, re-created from the CSV alone.
    for m in &months {
        std::fs::remove_file(site.path(&format!("content/procurement/results/{m}"))).unwrap();
    }
    site.run(&[
        "import",
        "results",
        csv.to_str().unwrap(),
        "--root",
        site.root().to_str().unwrap(),
    ])
    .success();
    site.build().success();
    assert_eq!(
        site.read("public/procurement/results/2566/results.csv"),
        before
    );
}

#[test]
fn a_plan_sheet_with_an_excel_date_imports_with_its_year_from_the_title() {
    let site = site();
    let path = site.path("แผน.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .merge_range(
            0,
            0,
            0,
            5,
            "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567",
            &Format::new(),
        )
        .unwrap();
    for (c, h) in [
        "ลำดับที่",
        "ชื่อโครงการ",
        "วงเงินงบประมาณ (บาท)",
        "แหล่งที่มาของงบประมาณ",
        "วิธีการจัดซื้อจัดจ้าง",
        "ช่วงเวลาที่คาดว่าจะประกาศจัดซื้อจัดจ้าง (เดือน/ปี)",
    ]
    .iter()
    .enumerate()
    {
        sheet.write(1, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("mmm yyyy");
    let rows = [
        (
            "โครงการก่อสร้างถนน คสล. หมู่ที่ 3",
            1_850_000.0,
            "เทศบัญญัติ",
            "e-bidding",
            (2024, 1, 1),
        ),
        (
            "จัดซื้อครุภัณฑ์คอมพิวเตอร์",
            568_000.0,
            "เงินอุดหนุน",
            "16",
            (2023, 12, 1),
        ),
    ];
    for (r, (title, budget, source, method, (y, m, d))) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        sheet.write(r, 0, r - 1).unwrap();
        sheet.write(r, 1, *title).unwrap();
        sheet.write(r, 2, *budget).unwrap();
        sheet.write(r, 3, *source).unwrap();
        sheet.write(r, 4, *method).unwrap();
        sheet
            .write_datetime_with_format(r, 5, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date)
            .unwrap();
    }
    book.save(&path).unwrap();
    site.run(&[
        "import",
        "plan",
        path.to_str().unwrap(),
        "--root",
        site.root().to_str().unwrap(),
    ])
    .success()
    .stdout_has("content/procurement/plans/2567.yaml");
    let plan: serde_yaml::Value =
        serde_yaml::from_str(&site.read("content/procurement/plans/2567.yaml")).unwrap();
    assert_eq!(plan["fiscal_year"].as_u64(), Some(2567));
    let items = plan["items"].as_sequence().unwrap();
    assert_eq!(items[0]["id"].as_str(), Some("67-001"));
    assert_eq!(items[0]["expected"].as_str(), Some("2567-01"));
    assert_eq!(items[1]["method"].as_str(), Some("e-bidding"));
    assert_eq!(items[1]["expected"].as_str(), Some("2566-12"));
    site.check().success();
}

#[test]
fn any_table_imports_as_a_dataset_with_typed_columns() {
    let site = site().file(
        "สถิติ.csv",
        "ไตรมาส,เรื่องที่ได้รับ,หมายเหตุ\n1,\"1,200\",ร้องเรียนทางโทรศัพท์\n2,๓,\n",
    );
    let root = site.root().to_str().unwrap().to_owned();
    let csv = site.path("สถิติ.csv");
    site.run(&[
        "import",
        "dataset",
        csv.to_str().unwrap(),
        "complaints",
        "--root",
        &root,
    ])
    .success();
    assert_eq!(
        site.read("content/data/complaints.csv"),
        "c1,c2,c3\n1,1200,ร้องเรียนทางโทรศัพท์\n2,3,\n"
    );
    let meta = site.read("content/data/complaints.yaml");
    assert!(
        meta.contains("- {name: c2, title: เรื่องที่ได้รับ, type: integer}"),
        "{meta}"
    );
    site.check().success();
    site.run(&[
        "import",
        "dataset",
        csv.to_str().unwrap(),
        "ชื่อไทย",
        "--root",
        &root,
    ])
    .code(2);
}

#[test]
fn a_csv_saved_in_the_old_thai_encoding_imports_with_its_thai_intact() {
    let (bytes, _, _) = encoding_rs::WINDOWS_874.encode("ไตรมาส,หมายเหตุ\n1,ร้องเรียนทางโทรศัพท์\n");
    let site = site().bytes("สถิติ.csv", &bytes);
    let csv = site.path("สถิติ.csv");
    site.run(&[
        "import",
        "dataset",
        csv.to_str().unwrap(),
        "complaints",
        "--root",
        site.root().to_str().unwrap(),
    ])
    .success();
    assert_eq!(
        site.read("content/data/complaints.csv"),
        "c1,c2\n1,ร้องเรียนทางโทรศัพท์\n"
    );
}
