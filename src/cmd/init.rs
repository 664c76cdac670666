//! `prongsai init DIR`: a working site from the example, plus a copy of the built-in theme to
//! start a custom one from.

use std::path::Path;

use crate::cli::Global;
use crate::cmd::{Failure, Outcome, progress};
use crate::site::theme::Theme;

const THEME_README: &str = "\
# ธีมของเว็บไซต์ (site theme)

โฟลเดอร์นี้เป็นสำเนาของธีมมาตรฐานของ prongsai ยังไม่ถูกใช้งานจนกว่าจะเพิ่มบรรทัด
`theme: local` ใน content/site.yaml จากนั้นแก้ไฟล์ใน templates/ หรือ static/ ได้ตามต้องการ
ไฟล์ที่ไม่ได้แก้ให้ลบทิ้งได้ ระบบจะใช้ไฟล์จากธีมมาตรฐานแทน
static/search.js ต้องเป็นรุ่นเดียวกับ prongsai ที่ติดตั้ง (ดัชนีค้นหาสร้างให้ใช้คู่กัน) ถ้าไม่ได้แก้ให้ลบทิ้ง

This folder is a copy of the built-in theme. It is used once content/site.yaml says
`theme: local`. Edit templates/ or static/; delete what you don't change and the built-in
file is used instead. static/search.js must be the installed version's (the search index is
written for it): delete it unless you change it.
";

/// `site.yaml` of a site started without the example.
const EMPTY_SITE_YAML: &str = "\
# ข้อมูลหน่วยงานและการตั้งค่าเว็บไซต์: แก้ทุกค่าที่มี ... ให้เป็นข้อมูลของหน่วยงาน
# ชื่อเต็มของหน่วยงาน (จำเป็น)
name: \"องค์การบริหารส่วนตำบล...\"
# ชื่อภาษาอังกฤษ (ไม่บังคับ)
# name_en: ...
# ที่อยู่เว็บไซต์ที่จะเผยแพร่ ขึ้นต้นด้วย https:// (จำเป็น) ถ้าอยู่ในโฟลเดอร์ย่อยให้ใส่เต็ม เช่น https://www.example.go.th/transparency/
base_url: https://www.example.go.th/
# ตัวเลขในหน้าเว็บ: thai (เลขไทย) หรือ arabic
numerals: thai
# ที่อยู่ โทรศัพท์ อีเมลของหน่วยงาน
address: \"...\"
phone: \"...\"
email: \"...\"
# จังหวัดและอำเภอ
# province: ...
# district: ...
# สัญญาอนุญาตของข้อมูลเปิด
license: CC-BY-4.0
";

/// Points `site.yaml` at the ITA assessment under way: a new site prepares for the current
/// assessment, not the one its example was written for. The example's `fiscal_year` (which
/// pins the compliance report to its year) goes; the report then follows today's date.
fn target_current_assessment(site_yaml: &str, year: i32) -> String {
    let mut out = String::with_capacity(site_yaml.len() + 64);
    let mut has_ita = false;
    for line in site_yaml.split_inclusive('\n') {
        if line.starts_with("fiscal_year:") {
            continue;
        }
        if line.starts_with("ita_year:") {
            has_ita = true;
            out.push_str(&format!(
                "ita_year: {year}   # การประเมิน ITA ที่เว็บไซต์นี้เตรียมข้อมูล (ปี พ.ศ. ของการประเมิน)\n"
            ));
            continue;
        }
        out.push_str(line);
    }
    if !has_ita {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&format!(
            "# การประเมิน ITA ที่เว็บไซต์นี้เตรียมข้อมูล (ปี พ.ศ. ของการประเมิน)\nita_year: {year}\n"
        ));
    }
    out
}

pub fn execute(dir: &Path, empty: bool, g: Global) -> Outcome {
    let io = |e: std::io::Error| {
        Failure::system(
            format!("{}: {e}", dir.display()),
            format!("{}: {e}", dir.display()),
        )
    };
    if dir.exists() && std::fs::read_dir(dir).map_err(io)?.next().is_some() {
        return Err(Failure::system(
            format!(
                "{} มีอยู่แล้วและมีไฟล์อยู่ข้างใน: ระบุชื่อโฟลเดอร์ใหม่ที่ยังไม่มี เช่น prongsai init เว็บไซต์-ใหม่",
                dir.display()
            ),
            format!(
                "{} already exists and is not empty; choose a new folder",
                dir.display()
            ),
        ));
    }
    std::fs::create_dir_all(dir.join("content")).map_err(io)?;
    let site_yaml = dir.join("content/site.yaml");
    if empty {
        std::fs::write(&site_yaml, EMPTY_SITE_YAML).map_err(io)?;
        for folder in ["announcements", "pages", "files"] {
            std::fs::create_dir_all(dir.join("content").join(folder)).map_err(io)?;
        }
    } else {
        crate::example::CONTENT
            .extract(dir.join("content"))
            .map_err(io)?;
    }
    let year = crate::site::ita::current_catalog_year(crate::site::today());
    let text = std::fs::read_to_string(&site_yaml).map_err(io)?;
    std::fs::write(&site_yaml, target_current_assessment(&text, year)).map_err(io)?;
    let theme = dir.join("themes/local");
    Theme::write_builtin(&theme).map_err(io)?;
    std::fs::write(theme.join("README.md"), THEME_README).map_err(io)?;
    std::fs::write(
        dir.join(".gitignore"),
        "/public/\n/.public.prongsai/\n/.prongsai-cache/\n",
    )
    .map_err(io)?;
    // An editor that knows every field: schemas/ and .vscode/settings.json.
    crate::cmd::schema::write(dir, Global { quiet: true, ..g })?;
    progress(
        g,
        &format!(
            "สร้างเว็บไซต์ใหม่ที่ {d} แล้ว\nขั้นต่อไป: แก้ {d}/content/site.yaml แล้วสั่ง prongsai serve --root {d} เพื่อดูตัวอย่าง",
            d = dir.display()
        ),
        &format!(
            "created a new site in {d}\nnext: edit {d}/content/site.yaml, then run prongsai serve --root {d} to preview it",
            d = dir.display()
        ),
    );
    Ok(())
}
