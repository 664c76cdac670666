//! `prongsai schema`: writes the JSON Schemas of the content files into `schemas/` and, when
//! the site has none, a `.vscode/settings.json` that maps each schema to its files, so VS Code
//! with the YAML extension checks and completes every field as it is typed.

use std::path::{Path, PathBuf};

use crate::cli::Global;
use crate::cmd::{Failure, Outcome, progress};
use crate::site::schema::{KINDS, MARK, all};

pub fn execute(root: &Path, g: Global) -> Outcome {
    let written = write(root, g)?;
    for p in written {
        crate::cmd::stdout_line(&p.display().to_string());
    }
    Ok(())
}

/// `.vscode/settings.json` for the site: each schema and the files it describes.
pub fn vscode_settings() -> String {
    let mut map = serde_json::Map::new();
    for k in KINDS.iter().filter(|k| !k.globs.is_empty()) {
        let globs: Vec<String> = k.globs.iter().map(|g| format!("**/{g}")).collect();
        map.insert(format!("./schemas/{}", k.file), serde_json::json!(globs));
    }
    let settings = serde_json::json!({ "yaml.schemas": map });
    let mut text = serde_json::to_string_pretty(&settings).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes the schemas (replacing only files prongsai wrote) and the editor settings (only
/// where there are none). Returns what it wrote.
pub fn write(root: &Path, g: Global) -> Result<Vec<PathBuf>, Failure> {
    let io = |p: &Path, e: std::io::Error| {
        Failure::system(
            format!("{}: เขียนไม่ได้: {e}", p.display()),
            format!("{}: cannot write: {e}", p.display()),
        )
    };
    let dir = root.join("schemas");
    let schemas = all();
    // Every file first: one that someone else wrote stops the command before anything changes.
    for (name, _) in &schemas {
        let path = dir.join(name);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if !m.is_file() => return Err(not_ours(&path)),
            Ok(_) => {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if !text.contains(MARK) {
                    return Err(not_ours(&path));
                }
            }
            Err(_) => {}
        }
    }
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    let mut written = Vec::new();
    for (name, text) in &schemas {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).is_ok_and(|old| &old == text) {
            continue;
        }
        std::fs::write(&path, text).map_err(|e| io(&path, e))?;
        written.push(path);
    }
    let settings = root.join(".vscode/settings.json");
    let wanted = vscode_settings();
    match std::fs::read_to_string(&settings) {
        Err(_) if std::fs::symlink_metadata(&settings).is_err() => {
            let parent = root.join(".vscode");
            std::fs::create_dir_all(&parent).map_err(|e| io(&parent, e))?;
            std::fs::write(&settings, &wanted).map_err(|e| io(&settings, e))?;
            written.push(settings);
        }
        Ok(old) if old == wanted => {}
        _ => progress(
            g,
            &format!(
                "มี {} อยู่แล้ว จึงไม่ได้แก้ไข ถ้าต้องการให้ VS Code ตรวจไฟล์ตาม schemas/ ให้เพิ่มค่านี้ในไฟล์นั้น:\n{wanted}",
                settings.display()
            ),
            &format!(
                "{} exists and was left as it is; to have VS Code check files against schemas/, add this to it:\n{wanted}",
                settings.display()
            ),
        ),
    }
    progress(
        g,
        &format!("เขียน schemas/ แล้ว ({} ไฟล์ใหม่หรือเปลี่ยน)", written.len()),
        &format!("wrote schemas/ ({} files new or changed)", written.len()),
    );
    Ok(written)
}

fn not_ours(path: &Path) -> Failure {
    Failure::system(
        format!(
            "{} ไม่ได้เขียนโดย prongsai จึงไม่เขียนทับ และไม่ได้เขียนไฟล์ใด (ย้ายไฟล์นั้นออกก่อน)",
            path.display()
        ),
        format!(
            "{} was not written by prongsai, so nothing was written (move it away first)",
            path.display()
        ),
    )
}
