//! The pipeline (load → check → render) and the one place that writes the output folder.
//!
//! A build renders everything in memory, brings a staging folder beside the output
//! (`.public.prongsai`) up to date, and only then swaps it in with one atomic exchange. On any
//! error the previous output is left exactly as it was; a reader of the live site never sees a
//! half-written folder. After the swap the staging folder holds the previous output, so the next
//! build writes only the files that differ from it.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, Msg};
use crate::output::{Body, Outputs};
use std::sync::Arc;

use crate::render::cache::RenderCache;
use crate::site::{LoadCache, LoadOptions, Site};

/// Loads and checks: the site when it has no errors, and every finding.
pub fn load_and_check(root: &Path, options: &LoadOptions) -> (Option<Site>, Diagnostics) {
    load_and_check_cached(root, options, None)
}

fn load_and_check_cached(
    root: &Path,
    options: &LoadOptions,
    loads: Option<&LoadCache>,
) -> (Option<Site>, Diagnostics) {
    let (site, mut diags) =
        crate::timing::phase("load", || Site::load_cached(root, options, loads));
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
    build_cached(root, options, None, None, true)
}

/// [`build`] reusing what earlier builds parsed and rendered (the dev server), and without the
/// search index when `with_search` is false.
pub fn build_cached(
    root: &Path,
    options: &LoadOptions,
    loads: Option<&LoadCache>,
    renders: Option<Arc<RenderCache>>,
    with_search: bool,
) -> (Option<(Site, Outputs)>, Diagnostics) {
    let (site, mut diags) = load_and_check_cached(root, options, loads);
    let Some(site) = site else {
        return (None, diags);
    };
    // Without a cache from earlier builds, one for this build alone: the link check reuses
    // what page rendering found.
    let renders = renders.unwrap_or_default();
    match crate::render::render_site_cached(&site, Some(renders), with_search) {
        Ok(outputs) => (Some((site, outputs)), diags),
        Err(more) => {
            diags.extend(more);
            diags.sort();
            (None, diags)
        }
    }
}

/// What [`write()`] did.
#[derive(Debug, Default)]
pub struct WriteStats {
    /// Files in the output.
    pub files: usize,
    /// Files that had to be written (the rest were already there, unchanged).
    pub written: usize,
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
    // One build at a time per folder: a second one waits for the first.
    let _lock = lock(&parent);
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.prongsai"));
    remove_leftovers(&parent);
    if staging.exists() && !staging.is_dir() {
        std::fs::remove_file(&staging).map_err(|e| fail("สร้างโฟลเดอร์ชั่วคราว", &staging, &e))?;
    }
    std::fs::create_dir_all(&staging).map_err(|e| fail("สร้างโฟลเดอร์ชั่วคราว", &staging, &e))?;

    let stats = crate::timing::phase("write: sync staging", || sync_tree(outputs, &staging))
        .map_err(|(path, e)| fail("เขียนไฟล์", &path, &e))?;
    crate::timing::phase("write: swap", || swap_in(&staging, out))
        .map_err(|e| fail("แทนที่โฟลเดอร์ผลลัพธ์", out, &e))?;
    Ok(stats)
}

/// Holds an exclusive lock on the output's parent folder while it lives (Linux); elsewhere
/// nothing.
fn lock(parent: &Path) -> Option<std::fs::File> {
    #[cfg(target_os = "linux")]
    {
        let dir = std::fs::File::open(parent).ok()?;
        rustix::fs::flock(&dir, rustix::fs::FlockOperation::LockExclusive).ok()?;
        Some(dir)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = parent;
        None
    }
}

/// Staging folders of builds that were killed before swapping in (older layouts).
fn remove_leftovers(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(".prongsai-staging-") || name.starts_with(".prongsai-old-") {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Makes `dir` hold exactly `outputs`, writing only what differs from what it holds (the
/// build before last, after a swap). Content is compared, not trusted from any record, so a
/// folder left half-updated by an interrupted build is put right.
fn sync_tree(outputs: &Outputs, dir: &Path) -> Result<WriteStats, (PathBuf, io::Error)> {
    use std::collections::HashSet;
    let err = |p: &Path| {
        let p = p.to_path_buf();
        move |e: io::Error| (p, e)
    };
    let wanted_dirs: BTreeSet<&str> = outputs
        .files
        .keys()
        .flat_map(|k| k.match_indices('/').map(move |(i, _)| &k[..i]))
        .collect();

    // What the folder holds now.
    let mut existing_files: HashSet<String> = HashSet::new();
    let mut existing_dirs: Vec<(String, PathBuf)> = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|e| (dir.to_path_buf(), io::Error::other(e)))?;
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let kind = entry.file_type();
        if kind.is_dir() {
            existing_dirs.push((rel, entry.path().to_path_buf()));
        } else if kind.is_file() && outputs.files.contains_key(&rel) {
            existing_files.insert(rel);
        } else {
            // Files no longer produced, symlinks, anything else.
            std::fs::remove_file(entry.path()).map_err(err(entry.path()))?;
        }
    }
    // Folders no longer produced, deepest first (their files are gone already).
    existing_dirs.sort_by(|a, b| b.0.cmp(&a.0));
    for (rel, path) in &existing_dirs {
        if !wanted_dirs.contains(rel.as_str()) {
            if outputs.files.contains_key(rel) {
                std::fs::remove_dir_all(path).map_err(err(path))?;
            } else {
                let _ = std::fs::remove_dir(path);
            }
        }
    }
    for d in &wanted_dirs {
        let p = dir.join(d);
        if p.is_file() {
            std::fs::remove_file(&p).map_err(err(&p))?;
        }
        if !p.is_dir() {
            std::fs::create_dir_all(&p).map_err(err(&p))?;
        }
    }

    let written = std::sync::atomic::AtomicUsize::new(0);
    crate::progress::writing(outputs.files.len());
    let bytes = outputs
        .files
        .par_iter()
        .map(|(rel, body)| {
            crate::progress::wrote();
            let target = dir.join(rel);
            let known = existing_files.contains(rel);
            let len = match body {
                Body::Bytes(b) => sync_bytes(&target, b, known),
                Body::Static(b) => sync_bytes(&target, b, known),
                Body::Shared(b) => sync_bytes(&target, b, known),
                Body::Copy(src) => sync_copy(&target, src, known),
            }
            .map_err(err(&target))?;
            if let Some(wrote) = len.1
                && wrote
            {
                written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(len.0)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    Ok(WriteStats {
        files: outputs.files.len(),
        written: written.into_inner(),
        bytes,
    })
}

/// Writes `bytes` to `target` unless it already holds them. Returns (size, Some(written)).
fn sync_bytes(target: &Path, bytes: &[u8], known: bool) -> io::Result<(u64, Option<bool>)> {
    let len = bytes.len() as u64;
    if known
        && std::fs::metadata(target).is_ok_and(|m| m.len() == len)
        && std::fs::read(target).is_ok_and(|old| old == bytes)
    {
        return Ok((len, Some(false)));
    }
    std::fs::write(target, bytes)?;
    Ok((len, Some(true)))
}

/// Copies `src` to `target` unless it already holds a copy (same size and modification time,
/// which a copy is given).
fn sync_copy(target: &Path, src: &Path, known: bool) -> io::Result<(u64, Option<bool>)> {
    let from = std::fs::metadata(src)?;
    if known
        && let Ok(to) = std::fs::metadata(target)
        && to.len() == from.len()
        && to.modified().ok() == from.modified().ok()
    {
        return Ok((from.len(), Some(false)));
    }
    let len = std::fs::copy(src, target)?;
    if let Ok(modified) = from.modified()
        && let Ok(f) = std::fs::File::options().write(true).open(target)
    {
        let _ = f.set_modified(modified);
    }
    Ok((len, Some(true)))
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

/// Puts the staging folder where `out` is, and keeps the previous output as the next build's
/// staging folder. On Linux the two folders trade places in one atomic step; elsewhere the old
/// folder is moved aside first.
fn swap_in(staging: &Path, out: &Path) -> io::Result<()> {
    if !out.exists() {
        return std::fs::rename(staging, out);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, staging, CWD, out, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    let aside = staging.with_extension("prongsai-old");
    let _ = std::fs::remove_dir_all(&aside);
    std::fs::rename(out, &aside)?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(e);
    }
    std::fs::rename(&aside, staging)
}
