//! `prongsai import results|plan|dataset FILE`: a spreadsheet into content files. Writes
//! nothing when any cell cannot be read; never replaces a file without `--force`, and then
//! keeps the old one beside it.

use std::path::PathBuf;
use std::time::Instant;

use crate::cli::{Global, ImportArgs, ImportKind};
use crate::cmd::{Failure, Outcome, progress};
use crate::diagnostic::{Lang, printable};
use crate::import::{self, Located, Sheet};
use crate::thai::calendar::{FiscalYear, YearMonth};

pub fn execute(args: &ImportArgs, g: Global) -> Outcome {
    let started = Instant::now();
    let site_yaml = args.root.join("content/site.yaml");
    if !site_yaml.is_file() {
        return Err(Failure::system(
            format!(
                "ไม่พบ content/site.yaml ใน {}: คำสั่ง prongsai import ใช้ในโฟลเดอร์ของเว็บไซต์ (หรือระบุด้วย --root)",
                args.root.display()
            ),
            format!(
                "no content/site.yaml in {}: run prongsai import in the site's folder (or give it with --root)",
                args.root.display()
            ),
        ));
    }
    let file_name = args
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut sheets = import::read_workbook(&args.file).map_err(|p| {
        let mut msg = p.msg;
        if let Some(h) = p.help {
            msg.th.push_str(&format!(" ({})", h.th));
            msg.en.push_str(&format!(" ({})", h.en));
        }
        Failure::System(msg)
    })?;
    if let Some(name) = &args.sheet {
        sheets.retain(|s| &s.name == name);
        if sheets.is_empty() {
            return Err(Failure::system(
                format!("ไม่มีแผ่นงานชื่อ \"{name}\" ใน {file_name}"),
                format!("{file_name} has no sheet named \"{name}\""),
            ));
        }
    }
    let files = match args.kind {
        ImportKind::Results => results(args, &file_name, &sheets, g)?,
        ImportKind::Plan => plan(args, &file_name, &sheets, g)?,
        ImportKind::Dataset => dataset(args, &file_name, &sheets, g)?,
    };
    if args.dry_run {
        for (path, text) in &files {
            crate::cmd::stdout_line(&format!("# ---- {} ----", path.display()));
            crate::cmd::stdout_line(text.trim_end());
        }
        progress(
            g,
            &format!(
                "(ทดลอง: ยังไม่ได้เขียนไฟล์ใด {} ไฟล์จะถูกเขียนเมื่อสั่งโดยไม่มี --dry-run)",
                files.len()
            ),
            &format!("(dry run: nothing written; {} files would be)", files.len()),
        );
        return Ok(());
    }
    write_all(&files, args.force, g)?;
    let took = started.elapsed();
    progress(
        g,
        &format!(
            "นำเข้าจาก {file_name} แล้ว {} ไฟล์ ใน {} ms ตรวจผลด้วย prongsai check",
            files.len(),
            took.as_millis()
        ),
        &format!(
            "imported {} files from {file_name} in {} ms; check them with prongsai check",
            files.len(),
            took.as_millis()
        ),
    );
    for (path, _) in &files {
        crate::cmd::stdout_line(&path.display().to_string());
    }
    Ok(())
}

/// A problem in the spreadsheet: said at its sheet, row and column; exit 1.
fn report(l: &Located, g: Global) -> Failure {
    let place = l.place();
    let (label, fix) = if g.lang == Lang::Th {
        ("ข้อผิดพลาด", "วิธีแก้")
    } else {
        ("error", "fix")
    };
    eprintln!(
        "{label}: {}: {}",
        printable(place.get(g.lang)),
        printable(l.problem.msg.get(g.lang))
    );
    if let Some(h) = &l.problem.help {
        eprintln!("  {fix}: {}", printable(h.get(g.lang)));
    }
    eprintln!(
        "{}",
        if g.lang == Lang::Th {
            "ไม่ได้เขียนไฟล์ใด แก้ในแผ่นงานแล้วสั่งนำเข้าอีกครั้ง"
        } else {
            "nothing was written; fix the sheet and import again"
        }
    );
    Failure::Content
}

fn results(
    args: &ImportArgs,
    file: &str,
    sheets: &[Sheet],
    g: Global,
) -> Result<Vec<(PathBuf, String)>, Failure> {
    let given = match &args.month {
        Some(m) => Some(YearMonth::parse(m).map_err(|_| {
            Failure::system(
                format!("--month {m}: อ่านเดือนไม่ได้ เขียนเป็น ปี-เดือน เช่น 2566-10"),
                format!("--month {m}: not a month; write YYYY-MM, e.g. 2566-10"),
            )
        })?),
        None => None,
    };
    let forms: Vec<&Sheet> = sheets
        .iter()
        .filter(|s| {
            args.sheet.is_some() || sheets.len() == 1 || import::results::header(s).is_some()
        })
        .collect();
    if forms.is_empty() {
        return Err(Failure::system(
            format!("ไม่พบแผ่นงานที่มีหัวตารางของแบบ สขร.1 ใน {file}"),
            format!("no sheet of {file} has the สขร.1 column headers"),
        ));
    }
    let mut months: Vec<import::results::Month> = Vec::new();
    for s in forms {
        for m in import::results::read(file, s, given).map_err(|l| report(&l, g))? {
            if given.is_some_and(|x| x != m.month) {
                continue;
            }
            if let Some(other) = months.iter().find(|o| o.month == m.month) {
                return Err(report(
                    &Located {
                        file: file.to_owned(),
                        sheet: Some(m.sheet.clone()),
                        row: None,
                        col: None,
                        problem: import::Problem::new(
                            format!("เดือนนี้มีอยู่แล้วในแผ่นงาน {}", other.sheet),
                            format!("this month is also in sheet {}", other.sheet),
                        )
                        .with_help(
                            "นำเข้าทีละแผ่นงานด้วย --sheet หรือแก้ชื่อเดือนในหัวเรื่องของแผ่นงาน",
                            "import one sheet at a time with --sheet, or correct the month in the sheet's title",
                        ),
                    },
                    g,
                ));
            }
            months.push(m);
        }
    }
    months.sort_by_key(|m| m.month);
    if months.is_empty() {
        return Err(Failure::system(
            format!("ไม่มีข้อมูลของเดือนที่ระบุใน {file}"),
            format!("{file} has nothing for the month given"),
        ));
    }
    let mut files = Vec::new();
    for m in &months {
        for r in m.rows.iter().filter(|r| r.status == Some("pending")) {
            progress(
                g,
                &format!(
                    "หมายเหตุ: {file} แผ่นงาน {} แถว {}: ยังไม่มีผู้ได้รับการคัดเลือก บันทึกเป็น status: pending (อยู่ระหว่างดำเนินการ)",
                    m.sheet, r.line
                ),
                &format!(
                    "note: {file} sheet {} row {}: no winner yet, written as status: pending",
                    m.sheet, r.line
                ),
            );
        }
        let text = import::results::to_yaml(m, file);
        verify::<crate::site::procurement::ResultsFile>(&text)?;
        let path = args.root.join(format!(
            "content/procurement/results/{}.yaml",
            import::yaml::month(m.month)
        ));
        files.push((path, text));
    }
    Ok(files)
}

fn plan(
    args: &ImportArgs,
    file: &str,
    sheets: &[Sheet],
    g: Global,
) -> Result<Vec<(PathBuf, String)>, Failure> {
    let year = match &args.year {
        Some(y) => Some(FiscalYear::parse(y).map_err(|_| {
            Failure::system(
                format!("--year {y}: อ่านปีงบประมาณไม่ได้ เขียนเป็นปี พ.ศ. เช่น 2567"),
                format!("--year {y}: not a fiscal year; write e.g. 2567"),
            )
        })?),
        None => None,
    };
    let mut last_err = None;
    for s in sheets {
        match import::plan::read(file, s, year) {
            Ok(p) => {
                let text = import::plan::to_yaml(&p, file);
                verify::<crate::site::procurement::PlanFile>(&text)?;
                let path = args
                    .root
                    .join(format!("content/procurement/plans/{}.yaml", p.year.be()));
                return Ok(vec![(path, text)]);
            }
            // A sheet without the header may be a cover sheet: try the next.
            Err(l) if l.row.is_none() && sheets.len() > 1 && args.sheet.is_none() => {
                last_err = Some(l)
            }
            Err(l) => return Err(report(&l, g)),
        }
    }
    Err(last_err.map_or(Failure::Content, |l| report(&l, g)))
}

fn dataset(
    args: &ImportArgs,
    file: &str,
    sheets: &[Sheet],
    g: Global,
) -> Result<Vec<(PathBuf, String)>, Failure> {
    let Some(name) = args.name.as_deref().filter(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }) else {
        return Err(Failure::system(
            "import dataset ต้องมีชื่อไฟล์ของชุดข้อมูล เป็นอักษร a-z ตัวเลข และ - เช่น prongsai import dataset สถิติ.xlsx complaint-statistics",
            "import dataset needs the dataset's file name (a-z, digits and -), e.g. prongsai import dataset stats.xlsx complaint-statistics",
        ));
    };
    let sheet = &sheets[0];
    let table = import::dataset::read(file, sheet).map_err(|l| report(&l, g))?;
    let dir = args.root.join("content/data");
    let meta = import::dataset::to_yaml(&table, name, file);
    verify::<crate::site::dataset::DatasetMeta>(&meta)?;
    Ok(vec![
        (dir.join(format!("{name}.yaml")), meta),
        (
            dir.join(format!("{name}.csv")),
            import::dataset::to_csv(&table),
        ),
    ])
}

/// What import writes reads back as the record it stands for.
fn verify<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), Failure> {
    serde_yaml::from_str::<T>(text).map(|_| ()).map_err(|e| {
        Failure::system(
            format!("ไฟล์ที่นำเข้าอ่านกลับไม่ได้ ({e}) ซึ่งเป็นข้อบกพร่องของ prongsai กรุณาแจ้งพร้อมไฟล์ต้นฉบับ"),
            format!("the imported file does not read back ({e}): a prongsai bug, please report it with the spreadsheet"),
        )
    })
}

/// Writes every file or none: all are checked first (a file there needs `--force`; a link is
/// never followed), then each is written to a temporary name and renamed into place.
fn write_all(files: &[(PathBuf, String)], force: bool, g: Global) -> Outcome {
    let mut existing = Vec::new();
    for (path, _) in files {
        match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() || !m.is_file() => {
                return Err(Failure::system(
                    format!("{} เป็นลิงก์หรือโฟลเดอร์ จึงไม่เขียนทับ", path.display()),
                    format!("{} is a link or a folder; not written", path.display()),
                ));
            }
            Ok(_) => existing.push(path.clone()),
            Err(_) => {}
        }
    }
    if !existing.is_empty() && !force {
        let list: Vec<String> = existing.iter().map(|p| p.display().to_string()).collect();
        return Err(Failure::system(
            format!(
                "มีไฟล์นี้อยู่แล้ว จึงไม่ได้เขียนไฟล์ใด: {} (ใช้ --force เพื่อแทนที่ โดยเก็บไฟล์เดิมไว้เป็น .bak หรือ --dry-run เพื่อดูก่อน)",
                list.join(", ")
            ),
            format!(
                "these files exist, so nothing was written: {} (use --force to replace them, keeping each old one as .bak, or --dry-run to look first)",
                list.join(", ")
            ),
        ));
    }
    for (path, text) in files {
        let io = |e: std::io::Error| {
            Failure::system(
                format!("เขียน {} ไม่ได้: {e}", path.display()),
                format!("cannot write {}: {e}", path.display()),
            )
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        if existing.contains(path) {
            let backup = crate::cmd::free_backup(path);
            std::fs::copy(path, &backup).map_err(io)?;
            progress(
                g,
                &format!("เก็บไฟล์เดิมไว้ที่ {}", backup.display()),
                &format!("kept the old file as {}", backup.display()),
            );
        }
        let tmp = path.with_extension("yaml.prongsai-import");
        std::fs::write(&tmp, text).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(e)
        })?;
    }
    Ok(())
}
