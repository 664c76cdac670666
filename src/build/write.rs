//! Writing a build to disk: a staging folder beside the output is brought up to date, then
//! swapped in with one atomic exchange. Only files prongsai wrote are ever replaced or deleted
//! ([`super::owned`]).

use std::collections::{BTreeSet, HashMap};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError};

use rayon::prelude::*;

use super::owned::{self, Listing, Target};
use super::record::{Stamp, Written, read_kept};
use super::stream::{Put, Stream};
use crate::cache::Store;
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
/// `content/` or `themes/`, or holds files prongsai did not write. `opened` is the folder as
/// [`Stream::before_render`] opened it, holding the pages written as they were rendered.
pub fn write(
    outputs: &Outputs,
    out: &Path,
    root: &Path,
    store: Option<&Store>,
    opened: Option<Stream>,
) -> Result<WriteStats, Diagnostic> {
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
    let opened = match opened {
        Some(opened) => opened,
        None => Stream::open(out, root, store, outputs)?,
    };
    let Stream {
        target: Target {
            out: real, staging, ..
        },
        _lock,
        live,
        staging: mut listing,
        live_record,
        before,
        made,
        pages,
        ..
    } = opened;
    let pages = pages.into_inner().unwrap_or_else(PoisonError::into_inner);
    listing
        .dirs
        .extend(made.into_inner().unwrap_or_else(PoisonError::into_inner));
    // No staging folder yet (the second build into this output): when the live folder holds
    // this build already, nothing is written at all.
    if !staging.exists()
        && let (Some(store), Some(record)) = (store, &live_record)
        && let Some((stats, now)) = crate::timing::phase("write: live output compared", || {
            in_place(outputs, &real, &live, record)
        })
    {
        if let Some(name) = Written::name(&real) {
            store.put(&name, 0, &now.encode());
            store.retain(Written::PREFIX, vec![name]);
        }
        store.commit();
        return Ok(stats);
    }
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
    // The staging folder's record as the opening found it, or (a folder made since) as now.
    let before = before.or_else(|| store.and_then(|s| Written::load(s, &staging)).map(Arc::new));
    let (stats, record) = crate::timing::phase("write: sync staging", || {
        let live = live_record.as_deref().map(|w| (real.as_path(), w));
        sync_tree(outputs, &staging, &listing, before.as_deref(), live, &pages)
    })
    .map_err(|(path, e)| fail("เขียนไฟล์", "write a file", &path, &e))?;
    crate::timing::phase("write: swap", || swap_in(&staging, &real))
        .map_err(|e| fail("แทนที่โฟลเดอร์ผลลัพธ์", "swap in the new output", out, &e))?;
    if let Some(store) = store {
        // The record follows the folder it describes, now the live one; the other folder's
        // record (from the build before) is kept for the next build.
        let mut keep = Vec::new();
        if let Some(name) = Written::name(&real) {
            store.put(&name, 0, &record.encode());
            keep.push(name);
        }
        keep.extend(Written::name(&staging));
        store.retain(Written::PREFIX, keep);
        store.commit();
    }
    Ok(stats)
}

/// Makes `dir` hold exactly `outputs` and their manifest, writing only what differs from what
/// it holds (the build before last, after a swap). Content is compared, not trusted from any
/// record, so a folder left half-updated by an interrupted build is put right. Before any
/// file changes, the manifest lists both what is there and what will be, so a build killed
/// half way leaves a folder whose every file the next build still knows as its own.
/// `live` is the live folder and its record, which pages rendering found there are read from
/// when `dir` does not hold them.
fn sync_tree(
    outputs: &Outputs,
    dir: &Path,
    listing: &Listing,
    before: Option<&Written>,
    live: Option<(&Path, &Written)>,
    streamed: &HashMap<String, Put>,
) -> Result<(WriteStats, Written), (PathBuf, io::Error)> {
    let err = |p: &Path| {
        let p = p.to_path_buf();
        move |e: io::Error| (p, e)
    };
    let manifest_err = |e| (dir.join(owned::MANIFEST), e);
    let wanted_dirs = wanted_dirs(outputs);
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
    make_dirs(dir, &wanted_dirs, listing)?;

    let written = std::sync::atomic::AtomicUsize::new(0);
    crate::progress::writing(outputs.files.len());
    let results: Vec<(u64, Option<(&String, Stamp)>)> = outputs
        .files
        .par_iter()
        .map(|(rel, body)| {
            crate::progress::wrote();
            let target = dir.join(rel);
            let known = listing.files.contains(rel);
            let key = outputs.keys.get(rel).copied().unwrap_or(0);
            let bytes: &[u8] = match body {
                Body::Bytes(b) => b,
                Body::Static(b) => b,
                Body::Shared(b) => b,
                Body::Kept(key) => {
                    // Rendering found the page in place; it must still be.
                    let kept = before
                        .filter(|_| known)
                        .and_then(|w| w.kept(rel, *key, &target));
                    if let Some(stamp) = kept {
                        return Ok((stamp.len, Some((rel, *stamp))));
                    }
                    // Or in the live folder: its content, read and checked against the
                    // record, is written here.
                    let Some((bytes, hash)) = live.and_then(|(d, w)| read_kept(d, w, rel, *key))
                    else {
                        return Err((
                            target.clone(),
                            io::Error::other(
                                "the output folders changed during the build; run the build again",
                            ),
                        ));
                    };
                    let (len, wrote) = sync_bytes(&target, &bytes, known).map_err(err(&target))?;
                    if wrote {
                        written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                    let stamp = Stamp::of(&target, hash).map(|s| (rel, Stamp { key: *key, ..s }));
                    return Ok((len, stamp));
                }
                Body::Copy(src) => {
                    let (len, wrote) = sync_copy(&target, src, known).map_err(err(&target))?;
                    if wrote {
                        written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                    return Ok((len, None));
                }
                // Put in place as it was rendered.
                Body::Written => {
                    let Some(put) = streamed.get(rel) else {
                        return Err((
                            target.clone(),
                            io::Error::other("a page written during the build is not known"),
                        ));
                    };
                    if put.wrote {
                        written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                    return Ok((put.len, put.stamp.map(|s| (rel, Stamp { key, ..s }))));
                }
            };
            let put = put_bytes(&target, rel, bytes, known, before).map_err(err(&target))?;
            if put.wrote {
                written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok((put.len, put.stamp.map(|s| (rel, Stamp { key, ..s }))))
        })
        .collect::<Result<_, (PathBuf, io::Error)>>()?;
    owned::write_manifest(dir, outputs.files.keys()).map_err(manifest_err)?;
    Ok(recorded(outputs, results, written.into_inner()))
}

/// Makes the folders of `wanted` that `listing` did not find in `dir`: a level of depth at a
/// time (each after its parent), the folders of a level on all cores (a first build makes
/// one folder a page, and on some disks a folder takes a fifth of a millisecond to make).
/// Returns the folders it made (or found made), relative, and where they are.
pub(super) fn make_dirs(
    dir: &Path,
    wanted: &BTreeSet<&str>,
    listing: &Listing,
) -> Result<Vec<(String, PathBuf)>, (PathBuf, io::Error)> {
    let there: std::collections::HashSet<&str> =
        listing.dirs.iter().map(|(rel, _)| rel.as_str()).collect();
    let mut levels: Vec<Vec<&str>> = Vec::new();
    for d in wanted.iter().filter(|d| !there.contains(*d)) {
        let depth = d.matches('/').count();
        if levels.len() <= depth {
            levels.resize_with(depth + 1, Vec::new);
        }
        levels[depth].push(d);
    }
    let mut made = Vec::new();
    for level in levels {
        let parents: BTreeSet<&str> = level
            .iter()
            .map(|d| d.rsplit_once('/').map_or("", |(parent, _)| parent))
            .collect();
        for parent in parents {
            spread_subfolders(&dir.join(parent));
        }
        let level: Vec<(String, PathBuf)> = level
            .par_iter()
            .map(|d| {
                let p = dir.join(d);
                match std::fs::create_dir(&p) {
                    Err(e) if !(e.kind() == io::ErrorKind::AlreadyExists && p.is_dir()) => {
                        Err((p, e))
                    }
                    _ => Ok(((*d).to_owned(), p)),
                }
            })
            .collect::<Result<_, _>>()?;
        made.extend(level);
    }
    Ok(made)
}

/// Marks `folder` (of the staging folder, about to get new folders) as the top of a
/// hierarchy of folders where the file system keeps such a mark (ext4's `chattr +T`): ext4
/// then gives each folder made in it a place of its own on the disk (the Orlov allocator's
/// choice for top-level folders) instead of one beside its parent. An ext4 without a journal
/// passes over every inode freed in the last minute or so, reading each, whenever it gives out
/// an inode in their part of the disk; right after an output was deleted, every folder and
/// file of a new one was made where thousands had just been freed (4-5 s of a 10,000-page
/// build, the time growing with each output deleted). Anywhere else this does nothing.
#[cfg(target_os = "linux")]
fn spread_subfolders(folder: &Path) {
    use rustix::fs::{IFlags, Mode, OFlags, ioctl_getflags, ioctl_setflags, open};
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let Ok(fd) = open(folder, flags, Mode::empty()) else {
        return;
    };
    if let Ok(now) = ioctl_getflags(&fd)
        && !now.contains(IFlags::TOPDIR)
    {
        let _ = ioctl_setflags(&fd, now | IFlags::TOPDIR);
    }
}

#[cfg(not(target_os = "linux"))]
fn spread_subfolders(_: &Path) {}

/// The manifest, which is no output of a build.
pub(super) fn special(rel: &str) -> bool {
    rel == owned::MANIFEST || rel == owned::MANIFEST_TMP
}

/// Every folder `outputs` put files in, relative.
fn wanted_dirs(outputs: &Outputs) -> BTreeSet<&str> {
    folders_of(outputs.files.keys())
}

/// Every folder files at these relative paths are in, relative.
pub(super) fn folders_of<'a>(paths: impl Iterator<Item = &'a String>) -> BTreeSet<&'a str> {
    paths
        .flat_map(|k| k.match_indices('/').map(move |(i, _)| &k[..i]))
        .collect()
}

/// The stats and record of a folder holding `outputs`, from each file's (size, stamp).
fn recorded(
    outputs: &Outputs,
    results: Vec<(u64, Option<(&String, Stamp)>)>,
    written: usize,
) -> (WriteStats, Written) {
    let mut record = Written::default();
    let mut bytes = 0;
    for (len, stamp) in results {
        bytes += len;
        if let Some((rel, stamp)) = stamp {
            record.files.insert(rel.clone(), stamp);
        }
    }
    let stats = WriteStats {
        files: outputs.files.len(),
        written,
        bytes,
    };
    (stats, record)
}

/// When the live folder `dir` (listed as `listing`, recorded as `record`) holds exactly
/// `outputs` already — each file as recorded with this content, each attachment copied,
/// the same folders, nothing else but the manifest — the stats and record of this build.
/// Nothing is read but the files' metadata.
fn in_place(
    outputs: &Outputs,
    dir: &Path,
    listing: &Listing,
    record: &Written,
) -> Option<(WriteStats, Written)> {
    let wanted = wanted_dirs(outputs);
    let same_files = listing.files.contains(owned::MANIFEST)
        && !listing.files.contains(owned::MANIFEST_TMP)
        && listing.files.len() == outputs.files.len() + 1
        && listing
            .files
            .iter()
            .all(|f| special(f) || outputs.files.contains_key(f));
    let same_dirs = listing.dirs.len() == wanted.len()
        && listing
            .dirs
            .iter()
            .all(|(d, _)| wanted.contains(d.as_str()));
    if !same_files || !same_dirs {
        return None;
    }
    let results = outputs
        .files
        .par_iter()
        .map(|(rel, body)| {
            let target = dir.join(rel);
            let bytes: &[u8] = match body {
                Body::Bytes(b) => b,
                Body::Static(b) => b,
                Body::Shared(b) => b,
                Body::Kept(key) => {
                    let stamp = record.kept(rel, *key, &target)?;
                    return Some((stamp.len, Some((rel, *stamp))));
                }
                Body::Copy(src) => return copied(&target, src).map(|len| (len, None)),
                // Only written into a staging folder, which this build then has.
                Body::Written => return None,
            };
            let hash = crate::cache::content_hash(bytes);
            let key = outputs.keys.get(rel).copied().unwrap_or(0);
            let stamp = record.holding(rel, hash, bytes, &target)?;
            Some((stamp.len, Some((rel, Stamp { key, ..*stamp }))))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(recorded(outputs, results, 0))
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

/// Puts `bytes` at `target`, file `rel` of a folder recorded as `before` (`known`: listed
/// there), unless it holds them already: unchanged since the build that recorded it, so not
/// read, or compared byte for byte.
pub(super) fn put_bytes(
    target: &Path,
    rel: &str,
    bytes: &[u8],
    known: bool,
    before: Option<&Written>,
) -> io::Result<Put> {
    let hash = crate::cache::content_hash(bytes);
    let recorded = before
        .filter(|_| known)
        .and_then(|w| w.holding(rel, hash, bytes, target));
    if let Some(stamp) = recorded {
        return Ok(Put {
            len: stamp.len,
            stamp: Some(*stamp),
            wrote: false,
        });
    }
    let (len, wrote) = sync_bytes(target, bytes, known)?;
    Ok(Put {
        len,
        stamp: Stamp::of(target, hash),
        wrote,
    })
}

/// Copies `src` to `target` unless it already holds a copy (same size and modification time,
/// which a copy is given). The file copied is the one the build read and hashed: if it was
/// changed or replaced since, the build stops rather than publish something else.
fn sync_copy(target: &Path, src: &CopySource, known: bool) -> io::Result<(u64, bool)> {
    let from = src.identity;
    if known && let Some(len) = copied(target, src) {
        return Ok((len, false));
    }
    let mut file = src.open()?;
    let mut out = std::fs::File::create(target)?;
    let len = io::copy(&mut file, &mut out)?;
    if let Some(modified) = from.modified {
        let _ = out.set_modified(modified);
    }
    Ok((len, true))
}

/// The size of `target` when it already holds a copy of `src` (same size and modification
/// time, which a copy is given).
fn copied(target: &Path, src: &CopySource) -> Option<u64> {
    let to = std::fs::metadata(target).ok()?;
    (to.len() == src.identity.len && to.modified().ok() == src.identity.modified)
        .then_some(src.identity.len)
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
