//! `prongsai init DIR`: a working site from the example, plus a copy of the built-in theme to
//! start a custom one from.

use std::path::Path;
use std::process::ExitCode;

use include_dir::{Dir, include_dir};

use crate::cli::Global;
use crate::cmd::progress;
use crate::theme::Theme;

static EXAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

const THEME_README: &str = "\
# ธีมของเว็บไซต์ (site theme)

โฟลเดอร์นี้เป็นสำเนาของธีมมาตรฐานของ prongsai ยังไม่ถูกใช้งานจนกว่าจะเพิ่มบรรทัด
`theme: local` ใน content/site.yaml จากนั้นแก้ไฟล์ใน templates/ หรือ static/ ได้ตามต้องการ
ไฟล์ที่ไม่ได้แก้ให้ลบทิ้งได้ ระบบจะใช้ไฟล์จากธีมมาตรฐานแทน

This folder is a copy of the built-in theme. It is used once content/site.yaml says
`theme: local`. Edit templates/ or static/; delete what you don't change and the built-in
file is used instead.
";

pub fn execute(dir: &Path, g: Global) -> Result<ExitCode, String> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_some()
    {
        return Err(format!(
            "{} already exists and is not empty; choose a new folder",
            dir.display()
        ));
    }
    let io = |e: std::io::Error| format!("{}: {e}", dir.display());
    std::fs::create_dir_all(dir.join("content")).map_err(io)?;
    EXAMPLE.extract(dir.join("content")).map_err(io)?;
    let theme = dir.join("themes/local");
    Theme::write_builtin(&theme).map_err(io)?;
    std::fs::write(theme.join("README.md"), THEME_README).map_err(io)?;
    std::fs::write(dir.join(".gitignore"), "/public/\n/.public.prongsai/\n").map_err(io)?;
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
    Ok(ExitCode::SUCCESS)
}
