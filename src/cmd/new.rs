//! `prongsai new KIND VALUE`: a new content file with a Thai comment on every field.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::cli::{Global, NewArgs, NewKind};
use crate::cmd::{Failure, Outcome, progress};
use crate::diagnostic::Msg;
use crate::thai::calendar::{DateError, FiscalYear, be_year};

pub fn execute(args: &NewArgs, g: Global) -> Outcome {
    let say = |th: String, en: String| Failure::System(Msg::new(th, en));
    // `new` outside a site would make a content/ folder wherever it was run.
    if !args.root.join("content/site.yaml").is_file() {
        return Err(say(
            format!(
                "ไม่พบ content/site.yaml ใน {}: คำสั่ง prongsai new ใช้ในโฟลเดอร์ของเว็บไซต์เท่านั้น (เข้าไปที่โฟลเดอร์ที่สร้างด้วย prongsai init ก่อน หรือระบุ --root โฟลเดอร์เว็บไซต์)",
                args.root.display()
            ),
            format!(
                "no content/site.yaml in {}: prongsai new works in a site's folder only (cd into the folder made by prongsai init, or give --root SITE)",
                args.root.display()
            ),
        ));
    }
    let today = crate::site::today();
    let bad_year = |value: &str, e: DateError| {
        say(
            format!("{value}: {}", e.th()),
            format!("{value}: {}", e.en()),
        )
    };
    let mut files = match args.kind {
        NewKind::Announcement => vec![announcement(&args.root, &args.value, today)],
        NewKind::Measures => vec![measures(&args.root, &args.value).map_err(|e| bad_year(&args.value, e))?],
        NewKind::Plan => vec![plan(&args.root, &args.value).map_err(|e| bad_year(&args.value, e))?],
        NewKind::ReferencePrice => vec![reference_price(&args.root, &args.value, today)],
        NewKind::Results => vec![results(&args.root, &args.value).map_err(|e| bad_year(&args.value, e))?],
        NewKind::Dataset => dataset(&args.root, &args.value).map_err(|()| {
            say(
                format!("{}: ชื่อชุดข้อมูลใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) เช่น complaint-statistics", args.value),
                format!("{}: use lowercase letters, digits and hyphens for a dataset name, e.g. complaint-statistics", args.value),
            )
        })?,
    };
    // Check every target first: never overwrite a file someone wrote, never write half a pair.
    if let Some((p, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(say(
            format!("{} มีอยู่แล้ว: เปิดแก้ไขไฟล์นั้นแทนการสร้างใหม่", p.display()),
            format!("{} already exists; edit it instead", p.display()),
        ));
    }
    for (path, text) in &files {
        write_new(path, text)?;
    }
    let (path, _) = files.remove(0);
    progress(
        g,
        &format!("สร้างไฟล์ {} แล้ว เปิดแก้ไขตามคำอธิบายในไฟล์", path.display()),
        &format!("created {}; edit it as its comments say", path.display()),
    );
    if matches!(args.kind, NewKind::Announcement) {
        // A fact, not progress: said even under -q.
        let note = Msg::new(
            "ไฟล์นี้เริ่มเป็นฉบับร่าง (draft: true) จึงยังไม่เผยแพร่ เมื่อพร้อมแล้วให้แก้เป็น draft: false แล้วสั่ง prongsai build",
            "the file starts as a draft (draft: true) and is not published; when it is ready, set draft: false and run prongsai build",
        );
        eprintln!("{}", note.get(g.lang));
    }
    crate::cmd::stdout_line(&path.display().to_string());
    Ok(())
}

fn write_new(path: &Path, text: &str) -> Result<(), Failure> {
    fn io(p: &Path) -> impl FnOnce(std::io::Error) -> Failure + '_ {
        move |e| {
            Failure::system(
                format!("{}: {e}", p.display()),
                format!("{}: {e}", p.display()),
            )
        }
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    // create_new: never overwrite a file someone wrote.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .map_err(io(path))
}

/// Up to 40 letters of `title` for a file name: the words after "เรื่อง" when it has them,
/// letters and digits kept (Thai vowel and tone marks with their letter), anything else one `-`.
fn file_words(title: &str) -> String {
    let about = title
        .split_once("เรื่อง")
        .map(|(_, rest)| rest)
        .filter(|rest| !rest.trim().is_empty())
        .unwrap_or(title);
    let mut out = String::new();
    let mut letters = 0;
    for c in about.chars() {
        let thai = ('\u{0e00}'..='\u{0e7f}').contains(&c);
        let mark = thai && crate::thai::is_combining(c);
        if c.is_alphanumeric() || thai {
            if letters >= 40 && !mark {
                break;
            }
            out.push(c);
            letters += 1;
        } else if !out.is_empty() && !out.ends_with('-') {
            if letters >= 40 {
                break;
            }
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A page address under `dir` that no announcement has yet: `BASE`, `BASE-2`, ...
fn free_slug(dir: &Path, base: &str) -> String {
    let mut taken = std::collections::HashSet::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
            taken.insert(stem.to_owned());
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("slug:") {
                taken.insert(
                    v.split(" #")
                        .next()
                        .unwrap_or(v)
                        .trim()
                        .trim_matches(['"', '\''])
                        .to_owned(),
                );
            }
        }
    }
    let mut slug = base.to_owned();
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}

/// A free file name `DIR/BASE.EXT`, `DIR/BASE-2.EXT`, ...
fn free_name(dir: &Path, base: &str, ext: &str) -> PathBuf {
    let mut path = dir.join(format!("{base}.{ext}"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.{ext}"));
        n += 1;
    }
    path
}

fn plan(root: &Path, year: &str) -> Result<(PathBuf, String), DateError> {
    let fy = FiscalYear::parse(year)?;
    let y = fy.be();
    let short = y % 100;
    Ok((
        root.join(format!("content/procurement/plans/{y}.yaml")),
        format!(
            r#"# แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {y}
# ปีงบประมาณ (ต้องตรงกับชื่อไฟล์)
fiscal_year: {y}
# วันที่ประกาศเผยแพร่แผน ปี-เดือน-วัน
# announced: {prev}-10-30
# รายการในแผน: ลบ [] แล้วใส่รายการตามตัวอย่างด้านล่าง หนึ่งรายการต่อหนึ่งโครงการ
items: []
#  - id: "{short}-001"                # รหัสรายการ ไม่ซ้ำกันในปีเดียวกัน
#    title: โครงการ...                # ชื่อโครงการ/รายการ
#    department: กองช่าง               # หน่วยงานที่รับผิดชอบ
#    budget: 500000                   # วงเงินงบประมาณ (บาท)
#    budget_source: เงินงบประมาณ        # แหล่งที่มาของงบประมาณ
#    method: e-bidding                # e-bidding | e-market | selection (คัดเลือก) | specific (เฉพาะเจาะจง)
#    expected: {y}-01                 # เดือนที่คาดว่าจะประกาศจัดซื้อจัดจ้าง ปี-เดือน
#    egp_project: ""                  # เลขที่โครงการในระบบ e-GP (ถ้ามี)
"#,
            prev = y - 1
        ),
    ))
}

/// `content/procurement/reference-prices/2569-12-05.yaml` (Buddhist Era date; the name is the
/// page's address, so it stays plain).
fn reference_price(root: &Path, project: &str, today: NaiveDate) -> (PathBuf, String) {
    let date_be = format!("{}-{:02}-{:02}", be_year(today), today.month(), today.day());
    let path = free_name(
        &root.join("content/procurement/reference-prices"),
        &date_be,
        "yaml",
    );
    let project = serde_json::to_string(project).unwrap_or_default();
    let text = format!(
        r#"# ประกาศราคากลาง (ราคาอ้างอิง)
# แบบ: bk01 งานจ้างก่อสร้าง, bk03 งานจ้างออกแบบ, bk06 ซื้อหรือจ้างที่มิใช่งานก่อสร้าง
#   (bk02, bk04, bk05, bk07 ใช้ได้ แต่หน้าเว็บแสดงข้อมูลโดยไม่มีเลขข้อของแบบ)
form: bk06
# ชื่อโครงการ
project: {project}
# รหัสรายการในแผนการจัดซื้อจัดจ้าง (ถ้ามี) เช่น "66-001"
# plan_item: ""
# หน่วยงานเจ้าของโครงการ
owner: ""
# วงเงินงบประมาณที่ได้รับจัดสรร (บาท)
budget: 0
# ราคากลาง (บาท)
price: 0
# วันที่กำหนดราคากลาง
priced_on: {date_be}
# ลักษณะงาน (แบบ bk01)
# description: ""
# บัญชีประมาณการราคากลาง (แบบ bk01) หรือราคาต่อหน่วย (แบบ bk06): รายการและจำนวนเงิน
# breakdown:
#   - {{item: ค่าวัสดุ, amount: 0}}
# แบบ bk03: ค่าตอบแทนบุคลากรและจำนวนคนแต่ละระดับ ค่าวัสดุอุปกรณ์ ค่าใช้จ่ายอื่นๆ
# staff: {{amount: 0, project_leads: 1, operators: 0, assistants: 0}}
# materials: 0
# other_costs: 0
# แหล่งที่มาของราคากลาง เรียงตามลำดับ
sources: []
# คณะกรรมการ/เจ้าหน้าที่ผู้กำหนดราคากลาง
committee: []
#   - {{name: "", position: ""}}
"#
    );
    (path, text)
}

fn results(root: &Path, month: &str) -> Result<(PathBuf, String), DateError> {
    let m = crate::thai::calendar::YearMonth::parse(month)?;
    let be_month = format!("{}-{:02}", crate::thai::calendar::be(m.year), m.month);
    let name = crate::thai::calendar::format_month_long(m, crate::thai::numerals::Numerals::Arabic);
    Ok((
        root.join(format!("content/procurement/results/{be_month}.yaml")),
        format!(
            r#"# สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {name} (แบบ สขร.๑)
# เดือน (ต้องตรงกับชื่อไฟล์)
month: {be_month}
# ถ้าเดือนนี้ไม่มีการจัดซื้อจัดจ้าง ให้คงไว้เป็น items: [] (หน้าเว็บจะแสดง "ไม่มีการจัดซื้อจัดจ้าง")
# ถ้ามี ให้ลบ [] แล้วใส่รายการตามตัวอย่างด้านล่าง
items: []
#  - title: จัดซื้อ...                       # งานที่จัดซื้อหรือจัดจ้าง
#    budget: 12000                          # วงเงินที่จะซื้อหรือจ้าง
#    reference_price: 12000                 # ราคากลาง
#    method: specific                       # e-bidding | e-market | selection | specific
#    bids:                                  # รายชื่อผู้เสนอราคาและราคาที่เสนอ
#      - {{bidder: ร้าน..., price: 11800}}
#    winner: {{name: ร้าน..., price: 11800}}  # ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง
#    reason: เป็นผู้เสนอราคาต่ำสุด              # เหตุผลที่คัดเลือกโดยสรุป
#    contract: {{number: "1/{fy}", date: {be_month}-15}}   # เลขที่และวันที่ของสัญญาหรือข้อตกลง
#    plan_item: ""                          # รหัสรายการในแผน (ถ้ามี)
#    status: pending                        # ใส่เฉพาะเมื่อยังไม่ได้ผู้รับจ้าง (pending) หรือยกเลิก (cancelled พร้อม reason)
"#,
            fy = m.fiscal_year().be()
        ),
    ))
}

fn dataset(root: &Path, name: &str) -> Result<Vec<(PathBuf, String)>, ()> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        return Err(());
    }
    let dir = root.join("content/data");
    let yaml = format!(
        r#"# คำอธิบายชุดข้อมูล {name} (ข้อมูลอยู่ในไฟล์ {name}.csv ข้างไฟล์นี้)
title: "{name}"                # ชื่อชุดข้อมูล
description: ""                # คำอธิบาย
keywords: []                   # คำสำคัญ
update_frequency: irregular    # daily | weekly | monthly | quarterly | yearly | irregular
source: ""                     # หน่วยงานที่เป็นแหล่งข้อมูล
# topics: []                   # หัวข้อ ITA (ถ้ามี)
columns:                       # หนึ่งรายการต่อหนึ่งคอลัมน์ของ CSV เรียงตามลำดับ
  - {{name: value, title: ค่า, type: string}}   # type: string | integer | number | date | boolean
"#
    );
    Ok(vec![
        (dir.join(format!("{name}.yaml")), yaml),
        (
            dir.join(format!("{name}.csv")),
            "value
"
            .to_owned(),
        ),
    ])
}

/// `content/announcements/2569-12-05-เรื่อง.md`: the Buddhist Era date and the words of the
/// title after "เรื่อง" (or the whole title), so staff find it by what it says. The page's
/// address stays plain (`slug: 2569-12-05`, `-2`, `-3`... when taken): a Thai address would be
/// long when shared and may be garbled by an old FTP program.
fn announcement(root: &Path, title: &str, today: NaiveDate) -> (PathBuf, String) {
    let dir = root.join("content/announcements");
    let date = format!("{}-{:02}-{:02}", be_year(today), today.month(), today.day());
    let words = file_words(title);
    let base = if words.is_empty() {
        date.clone()
    } else {
        format!("{date}-{words}")
    };
    let path = free_name(&dir, &base, "md");
    let slug = free_slug(&dir, &date);
    let date_be = date;
    let fy = FiscalYear::of(today).be();
    // A JSON string is a valid YAML double-quoted string: quotes and backslashes stay text.
    let title = serde_json::to_string(title).unwrap_or_default();
    let text = format!(
        r#"---
# yaml-language-server: $schema=../../schemas/front-matter.schema.json
# ชื่อเรื่องของประกาศ (จำเป็น)
title: {title}
# วันที่ประกาศ ปี-เดือน-วัน ใช้ปี พ.ศ. หรือ ค.ศ. ก็ได้ (จำเป็น)
date: {date_be}
# ที่อยู่ของหน้าเว็บ: /announcements/{slug}/ (อักษรอังกฤษ ตัวเลข และขีด)
slug: {slug}
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

fn measures(root: &Path, year: &str) -> Result<(PathBuf, String), DateError> {
    let fy = FiscalYear::parse(year)?;
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
