//! `prongsai fix-encoding FILE...`: rewrites files saved in the old Thai encoding
//! (Windows-874/TIS-620) or as UTF-16 as UTF-8. The original is kept beside each as
//! `FILE.bak`; a file already UTF-8 is left as it is; a link is never followed.

use std::path::{Path, PathBuf};

use crate::cli::Global;
use crate::cmd::{Failure, Outcome, progress};
use crate::site::source::decode;

pub fn execute(files: &[PathBuf], g: Global) -> Outcome {
    let mut failed = false;
    for path in files {
        match convert(path) {
            Ok(Some((encoding, backup))) => progress(
                g,
                &format!(
                    "แปลง {} จาก {encoding} เป็น UTF-8 แล้ว (ไฟล์เดิมอยู่ที่ {})",
                    path.display(),
                    backup.display()
                ),
                &format!(
                    "converted {} from {encoding} to UTF-8 (the original is {})",
                    path.display(),
                    backup.display()
                ),
            ),
            Ok(None) => progress(
                g,
                &format!("{} เป็น UTF-8 อยู่แล้ว ไม่ได้แก้ไข", path.display()),
                &format!("{} is UTF-8 already; left as it is", path.display()),
            ),
            Err(message) => {
                failed = true;
                eprintln!(
                    "prongsai: {}",
                    crate::diagnostic::printable(message.get(g.lang))
                );
            }
        }
    }
    if failed {
        Err(Failure::SystemReported)
    } else {
        Ok(())
    }
}

/// Converts `path`: the encoding it was in and where the original went, or `None` when it was
/// UTF-8.
fn convert(path: &Path) -> Result<Option<(&'static str, PathBuf)>, crate::diagnostic::Msg> {
    use crate::diagnostic::Msg;
    let shown = path.display();
    let meta = std::fs::symlink_metadata(path).map_err(|e| {
        Msg::new(
            format!("{shown}: อ่านไฟล์ไม่ได้: {e}"),
            format!("{shown}: cannot read: {e}"),
        )
    })?;
    if !meta.file_type().is_file() {
        return Err(Msg::new(
            format!("{shown} เป็นลิงก์หรือโฟลเดอร์ ไม่ใช่ไฟล์ จึงไม่แก้ไข (ระบุไฟล์จริงแทน)"),
            format!(
                "{shown} is a link or a folder, not a file; not changed (name the file itself)"
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Msg::new(
            format!("{shown}: อ่านไฟล์ไม่ได้: {e}"),
            format!("{shown}: cannot read: {e}"),
        )
    })?;
    let original = bytes.clone();
    let (text, encoding) = decode(bytes).map_err(|_| {
        Msg::new(
            format!("{shown}: ไม่ใช่ข้อความ UTF-8, UTF-16 หรือภาษาไทยแบบ Windows-874 จึงไม่แก้ไข"),
            format!("{shown}: neither UTF-8, UTF-16 nor Thai Windows-874 text; not changed"),
        )
    })?;
    let Some(encoding) = encoding else {
        return Ok(None);
    };
    let io = |e: std::io::Error| {
        Msg::new(
            format!("{shown}: เขียนไม่ได้: {e} (ไฟล์เดิมยังอยู่ครบ)"),
            format!("{shown}: cannot write: {e} (the file is untouched)"),
        )
    };
    let backup = crate::cmd::free_backup(path);
    // The original first, in full; then the new text under a temporary name, renamed over it.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&backup)
        .and_then(|mut f| std::io::Write::write_all(&mut f, &original))
        .map_err(io)?;
    let tmp = path.with_file_name(format!(
        ".{}.prongsai-utf8",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    std::fs::write(&tmp, text.as_bytes()).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })?;
    Ok(Some((encoding, backup)))
}
