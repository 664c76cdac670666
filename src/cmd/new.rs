//! `prongsai new KIND VALUE`: a new content file with a Thai comment on every field.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};

use crate::cli::{Global, NewArgs, NewKind};
use crate::cmd::progress;
use crate::thai::calendar::{FiscalYear, be_year};

pub fn execute(args: &NewArgs, g: Global) -> Result<ExitCode, String> {
    let today = chrono::Local::now().date_naive();
    let (path, text) = match args.kind {
        NewKind::Announcement => announcement(&args.root, &args.value, today),
        NewKind::Measures => measures(&args.root, &args.value)?,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    // create_new: never overwrite a file someone wrote.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    progress(
        g,
        &format!("สร้างไฟล์ {} แล้ว เปิดแก้ไขตามคำอธิบายในไฟล์", path.display()),
        &format!("created {}; edit it as its comments say", path.display()),
    );
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// `content/announcements/YYYY-MM-DD.md` (CE date; `-2`, `-3`... when taken).
fn announcement(root: &Path, title: &str, today: NaiveDate) -> (PathBuf, String) {
    let dir = root.join("content/announcements");
    let base = today.format("%Y-%m-%d").to_string();
    let mut path = dir.join(format!("{base}.md"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.md"));
        n += 1;
    }
    let date_be = format!("{}-{:02}-{:02}", be_year(today), today.month(), today.day());
    let fy = FiscalYear::of(today).be();
    // A JSON string is a valid YAML double-quoted string: quotes and backslashes stay text.
    let title = serde_json::to_string(title).unwrap_or_default();
    let text = format!(
        r#"---
# ชื่อเรื่องของประกาศ (จำเป็น)
title: {title}
# วันที่ประกาศ ปี-เดือน-วัน ใช้ปี พ.ศ. หรือ ค.ศ. ก็ได้ (จำเป็น)
date: {date_be}
# เลขที่ประกาศ เช่น "12/{fy}" (ไม่บังคับ ลบบรรทัดนี้ได้)
number: ""
# ผู้ลงนาม: ชื่อและตำแหน่ง (ไม่บังคับ)
signed_by: {{name: "", position: ""}}
# สรุปหนึ่งบรรทัด แสดงในรายการประกาศและฟีด (ไม่บังคับ)
summary: ""
# หัวข้อการประเมิน ITA เช่น [no_gift_announcement] หรือ [news] (ไม่บังคับ; รายการหัวข้อดูใน README)
topics: []
# หมวดตามมาตรา ๙ พ.ร.บ.ข้อมูลข่าวสารฯ เลข 1-8 เช่น [2] (ไม่บังคับ)
section9: []
# ไฟล์แนบ: วางไฟล์ไว้ใน content/files/ แล้วเขียนเช่น {{file: files/{fy}/ประกาศ.pdf, title: ฉบับลงนาม}}
attachments: []
# true = ฉบับร่าง ยังไม่เผยแพร่
draft: true
---
เนื้อหาของประกาศ เขียนแบบ Markdown: บรรทัดว่างคั่นย่อหน้า, ## หัวข้อ, 1. รายการ

ประกาศ ณ วันที่ ...
"#
    );
    (path, text)
}

fn measures(root: &Path, year: &str) -> Result<(PathBuf, String), String> {
    let fy = FiscalYear::parse(year).map_err(|e| format!("{year}: {}", e.en()))?;
    let y = fy.be();
    let path = root.join(format!("content/measures/{y}.yaml"));
    let text = format!(
        r#"# มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {y}
# ปีงบประมาณ (ต้องตรงกับชื่อไฟล์)
fiscal_year: {y}
# ชื่อเรื่อง (ไม่บังคับ)
title: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {y}"
# ข้อความนำ (ไม่บังคับ เขียนแบบ Markdown ได้)
intro: ""
# มาตรการ: หนึ่งรายการต่อหนึ่งมาตรการ เรียงตามลำดับ
measures:
  - # มาตรการ/แนวทาง
    title: "มาตรการ..."
    # วิธีการดำเนินงาน: บรรทัดละหนึ่งข้อ เรียงตามลำดับ (ไม่ต้องใส่เลขข้อ)
    methods:
      - "..."
    # ผู้รับผิดชอบ
    responsible: "สำนักปลัด"
    # ระยะเวลาดำเนินการ ปี-เดือน (ไม่ใส่ = ทั้งปีงบประมาณ)
    period: {{from: {from}, to: {to}}}
    # การติดตามผล
    follow_up: "รายงานผลการดำเนินการให้ผู้บริหารทราบอย่างน้อยปีละ ๑ ครั้ง"
    # ผลการดำเนินการ (ใส่เมื่อมีผลแล้ว)
    # result:
    #   status: done          # planned = ยังไม่ดำเนินการ, in_progress = อยู่ระหว่างดำเนินการ, done = ดำเนินการแล้ว
    #   summary: "..."        # สรุปผล (Markdown)
    #   evidence:             # หลักฐาน: ไฟล์แนบใน content/files/ หรือหน้าในเว็บไซต์
    #     - {{title: "...", href: files/{y}/report.pdf}}
"#,
        from = format_args!("{}-10", y - 1),
        to = format_args!("{y}-09"),
    );
    Ok((path, text))
}
