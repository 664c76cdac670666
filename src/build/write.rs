//! Writing a build to disk: a staging folder beside the output is brought up to date, then
//! swapped in with one atomic exchange. Only files prongsai wrote are ever replaced or deleted
//! ([`super::owned`]).

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::owned::{self, Listing, Target};
use crate::diagnostic::{Diagnostic, Msg};
use crate::output::{Body, Outputs};
use crate::site::attachment::CopySource;

/// What [`write()`] did.
#[derive(Debug, Default)]
pub struct WriteStats {
    /// Files in the output.
    pub files: usize,
    /// Files that had to be written (the rest were already there, unchanged).
    pub written: usize,
    pub bytes: u64,
}

/// Writes `outputs` to `out` (the output folder of the site at `root`), replacing what was
/// there in one step. Refuses, before touching anything, a folder that is the site, lies in
/// `content/` or `themes/`, or holds files prongsai did not write.
pub fn write(outputs: &Outputs, out: &Path, root: &Path) -> Result<WriteStats, Diagnostic> {
    let fail = |th: &str, en: &str, path: &Path, e: &io::Error| {
        Diagnostic::error(
            crate::diagnostic::codes::OUTPUT_WRITE,
            path,
            Msg::new(
                format!("{th}ไม่ได้: {e} (เว็บไซต์เดิมใน {} ยังอยู่ครบ)", out.display()),
                format!(
                    "cannot {en}: {e} (the previous site in {} is untouched)",
                    out.display()
                ),
            ),
        )
    };
    let Target {
        out: real,
        parent,
        staging,
    } = owned::resolve(out, root)?;
    // One build at a time per folder: a second one waits for the first.
    let _lock = lock(&parent);
    owned::inspect(&real, out, outputs)?;
    let listing = owned::inspect(&staging, &staging, outputs)?;
    if !staging.exists() {
        std::fs::create_dir(&staging).map_err(|e| {
            fail(
                "สร้างโฟลเดอร์ชั่วคราว",
                "create the staging folder",
                &staging,
                &e,
            )
        })?;
    }
    let stats = crate::timing::phase("write: sync staging", || {
        sync_tree(outputs, &staging, &listing)
    })
    .map_err(|(path, e)| fail("เขียนไฟล์", "write a file", &path, &e))?;
    crate::timing::phase("write: swap", || swap_in(&staging, &real))
        .map_err(|e| fail("แทนที่โฟลเดอร์ผลลัพธ์", "swap in the new output", out, &e))?;
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

/// Makes `dir` hold exactly `outputs` and their manifest, writing only what differs from what
/// it holds (the build before last, after a swap). Content is compared, not trusted from any
/// record, so a folder left half-updated by an interrupted build is put right. Before any
/// file changes, the manifest lists both what is there and what will be, so a build killed
/// half way leaves a folder whose every file the next build still knows as its own.
fn sync_tree(
    outputs: &Outputs,
    dir: &Path,
    listing: &Listing,
) -> Result<WriteStats, (PathBuf, io::Error)> {
    let err = |p: &Path| {
        let p = p.to_path_buf();
        move |e: io::Error| (p, e)
    };
    let manifest_err = |e| (dir.join(owned::MANIFEST), e);
    let wanted_dirs: BTreeSet<&str> = outputs
        .files
        .keys()
        .flat_map(|k| k.match_indices('/').map(move |(i, _)| &k[..i]))
        .collect();
    let special = |rel: &str| rel == owned::MANIFEST || rel == owned::MANIFEST_TMP;
    let both: BTreeSet<&String> = listing
        .owned
        .iter()
        .filter(|f| !special(f))
        .chain(outputs.files.keys())
        .collect();
    owned::write_manifest(dir, both.into_iter()).map_err(manifest_err)?;

    // Files no longer produced (inspect has made sure they are all ours).
    for rel in &listing.files {
        if !special(rel) && !outputs.files.contains_key(rel) {
            let path = dir.join(rel);
            std::fs::remove_file(&path).map_err(err(&path))?;
        }
    }
    // Folders no longer produced, deepest first (their files are gone already).
    let mut existing_dirs: Vec<&(String, PathBuf)> = listing.dirs.iter().collect();
    existing_dirs.sort_by(|a, b| b.0.cmp(&a.0));
    for (rel, path) in existing_dirs {
        if !wanted_dirs.contains(rel.as_str()) {
            let _ = std::fs::remove_dir(path);
        }
    }
    for d in &wanted_dirs {
        let p = dir.join(d);
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
            let known = listing.files.contains(rel);
            let len = match body {
                Body::Bytes(b) => sync_bytes(&target, b, known),
                Body::Static(b) => sync_bytes(&target, b, known),
                Body::Shared(b) => sync_bytes(&target, b, known),
                Body::Copy(src) => sync_copy(&target, src, known),
            }
            .map_err(err(&target))?;
            if len.1 {
                written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok(len.0)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    owned::write_manifest(dir, outputs.files.keys()).map_err(manifest_err)?;
    Ok(WriteStats {
        files: outputs.files.len(),
        written: written.into_inner(),
        bytes,
    })
}

/// Writes `bytes` to `target` unless it already holds them. Returns (size, written).
fn sync_bytes(target: &Path, bytes: &[u8], known: bool) -> io::Result<(u64, bool)> {
    let len = bytes.len() as u64;
    if known
        && std::fs::metadata(target).is_ok_and(|m| m.len() == len)
        && std::fs::read(target).is_ok_and(|old| old == bytes)
    {
        return Ok((len, false));
    }
    std::fs::write(target, bytes)?;
    Ok((len, true))
}

/// Copies `src` to `target` unless it already holds a copy (same size and modification time,
/// which a copy is given). The file copied is the one the build read and hashed: if it was
/// changed or replaced since, the build stops rather than publish something else.
fn sync_copy(target: &Path, src: &CopySource, known: bool) -> io::Result<(u64, bool)> {
    let from = src.identity;
    if known
        && let Ok(to) = std::fs::metadata(target)
        && to.len() == from.len
        && to.modified().ok() == from.modified
    {
        return Ok((from.len, false));
    }
    let mut file = src.open()?;
    let mut out = std::fs::File::create(target)?;
    let len = io::copy(&mut file, &mut out)?;
    if let Some(modified) = from.modified {
        let _ = out.set_modified(modified);
    }
    Ok((len, true))
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
    if aside.exists() {
        if !owned::has_manifest(&aside) {
            return Err(io::Error::other(format!(
                "{} is in the way and was not made by prongsai",
                aside.display()
            )));
        }
        std::fs::remove_dir_all(&aside)?;
    }
    std::fs::rename(out, &aside)?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(e);
    }
    std::fs::rename(&aside, staging)
}
