//! The pipeline (load → check → render) and the one place that writes the output folder.
//!
//! A build renders everything in memory, writes it to a staging folder beside the output, and
//! only then swaps the staging folder in. On any error the previous output is left exactly as it
//! was; a reader of the live site never sees a half-written folder.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::output::{Body, Outputs};
use crate::site::{LoadOptions, Site};

/// Loads and checks: the site when it has no errors, and every finding.
pub fn load_and_check(root: &Path, options: &LoadOptions) -> (Option<Site>, Diagnostics) {
    let (site, mut diags) = crate::timing::phase("load", || Site::load(root, options));
    let Some(site) = site else {
        diags.sort();
        return (None, diags);
    };
    diags.extend(crate::timing::phase("check", || crate::check::check(&site)));
    diags.sort();
    if diags.has_errors() {
        (None, diags)
    } else {
        (Some(site), diags)
    }
}

/// Load, check and render: the outputs of a good build, or why there are none.
pub fn build(root: &Path, options: &LoadOptions) -> (Option<(Site, Outputs)>, Diagnostics) {
    let (site, mut diags) = load_and_check(root, options);
    let Some(site) = site else {
        return (None, diags);
    };
    match crate::render::render_site(&site) {
        Ok(outputs) => (Some((site, outputs)), diags),
        Err(more) => {
            diags.extend(more);
            diags.sort();
            (None, diags)
        }
    }
}

/// What [`write`] did.
#[derive(Debug, Default)]
pub struct WriteStats {
    pub files: usize,
    pub bytes: u64,
}

/// Writes `outputs` to `out`, replacing what was there in one step.
pub fn write(outputs: &Outputs, out: &Path) -> Result<WriteStats, Diagnostic> {
    let fail = |what: &str, path: &Path, e: &io::Error| {
        Diagnostic::error(
            path,
            Msg::new(
                format!("{what}ไม่ได้: {e} (เว็บไซต์เดิมใน {} ยังอยู่ครบ)", out.display()),
                format!(
                    "cannot {}: {e} (the previous site in {} is untouched)",
                    english(what),
                    out.display()
                ),
            ),
        )
    };
    if out.exists() && !out.is_dir() {
        return Err(fail(
            "เขียนโฟลเดอร์ผลลัพธ์",
            out,
            &io::Error::other("not a folder"),
        ));
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| fail("สร้างโฟลเดอร์", &parent, &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".prongsai-staging-")
        .tempdir_in(&parent)
        .map_err(|e| fail("สร้างโฟลเดอร์ชั่วคราว", &parent, &e))?;

    // Folders first, then every file in parallel.
    let dirs: BTreeSet<&str> = outputs
        .files
        .keys()
        .filter_map(|k| k.rsplit_once('/').map(|(d, _)| d))
        .collect();
    for d in &dirs {
        let p = staging.path().join(d);
        std::fs::create_dir_all(&p).map_err(|e| fail("สร้างโฟลเดอร์", &p, &e))?;
    }
    let bytes = outputs
        .files
        .par_iter()
        .map(|(rel, body)| {
            let target = staging.path().join(rel);
            let written = match body {
                Body::Bytes(b) => std::fs::write(&target, b).map(|()| b.len() as u64),
                Body::Static(b) => std::fs::write(&target, b).map(|()| b.len() as u64),
                Body::Shared(b) => std::fs::write(&target, b).map(|()| b.len() as u64),
                Body::Copy(src) => std::fs::copy(src, &target),
            };
            written.map_err(|e| fail("เขียนไฟล์", &out.join(rel), &e))
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;

    swap_in(staging, out).map_err(|e| fail("แทนที่โฟลเดอร์ผลลัพธ์", out, &e))?;
    Ok(WriteStats {
        files: outputs.files.len(),
        bytes,
    })
}

fn english(th: &str) -> &'static str {
    match th {
        "สร้างโฟลเดอร์" => "create a folder",
        "สร้างโฟลเดอร์ชั่วคราว" => {
            "create the staging folder"
        }
        "เขียนไฟล์" => "write a file",
        "แทนที่โฟลเดอร์ผลลัพธ์" => {
            "swap in the new output"
        }
        _ => "write the output folder",
    }
}

/// Puts the staging folder where `out` is. On Linux the two folders trade places in one atomic
/// step; elsewhere the old folder is moved aside first.
fn swap_in(staging: tempfile::TempDir, out: &Path) -> io::Result<()> {
    let staged = staging.keep();
    if !out.exists() {
        return std::fs::rename(&staged, out).inspect_err(|_| {
            let _ = std::fs::remove_dir_all(&staged);
        });
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, &staged, CWD, out, RenameFlags::EXCHANGE).is_ok() {
            // `staged` now holds the previous output.
            let _ = std::fs::remove_dir_all(&staged);
            return Ok(());
        }
    }
    let old = staged.with_file_name(format!(
        ".prongsai-old-{}",
        staged
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("x")
            .trim_start_matches(".prongsai-staging-")
    ));
    if let Err(e) = std::fs::rename(out, &old) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e);
    }
    if let Err(e) = std::fs::rename(&staged, out) {
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e);
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
