//! Writing a build to disk: a staging folder beside the output is brought up to date, then
//! swapped in with one atomic exchange. Only files prongsai wrote are ever replaced or deleted
//! ([`super::owned`]).

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::owned::{self, Listing, Target};
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
/// `content/` or `themes/`, or holds files prongsai did not write.
pub fn write(
    outputs: &Outputs,
    out: &Path,
    root: &Path,
    store: Option<&Store>,
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
    let Target {
        out: real,
        parent,
        staging,
    } = owned::resolve(out, root)?;
    // One build at a time per folder: a second one waits for the first.
    let _lock = lock(&parent);
    // Both folders listed at once (each is a walk of every folder of the site).
    let (live, listing) = crate::timing::phase("write: list folders", || {
        rayon::join(
            || owned::inspect(&real, out, outputs),
            || owned::inspect(&staging, &staging, outputs),
        )
    });
    let live = live?;
    let listing = listing?;
    let live_record = store.and_then(|s| Written::load(s, &real));
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
    let before = store.and_then(|s| Written::load(s, &staging));
    let (stats, record) = crate::timing::phase("write: sync staging", || {
        let live = live_record.as_ref().map(|w| (real.as_path(), w));
        sync_tree(outputs, &staging, &listing, before.as_ref(), live)
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

/// The pages the staging folder of output `out` holds, as [`Written`] recorded them: what a
/// build need not render again. Before there is a staging folder (the second build into an
/// output), the live folder's, which the new staging folder takes them from. `None` when
/// there is no such folder or record.
pub fn previous(
    out: &Path,
    root: &Path,
    store: Option<&Store>,
) -> Option<std::sync::Arc<dyn crate::render::cache::Previous>> {
    let target = owned::resolve(out, root).ok()?;
    let dir = match target.staging.exists() {
        true => target.staging,
        false => target.out,
    };
    let record = Written::load(store?, &dir)?;
    Some(std::sync::Arc::new(Kept { dir, record }))
}

struct Kept {
    dir: PathBuf,
    record: Written,
}

impl crate::render::cache::Previous for Kept {
    fn holds(&self, rel: &str, key: u64) -> bool {
        self.record.kept(rel, key, &self.dir.join(rel)).is_some()
    }
}

/// What each file of an output folder was when a build left it: its size, identity and
/// change times, and a hash of its content. A file whose size, inode, modification and
/// change time (which no program can set back) are still those recorded still holds that
/// content, so comparing it needs no reading. Anything else is compared byte for byte.
#[derive(Default)]
struct Written {
    files: std::collections::HashMap<String, Stamp>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    ino: u64,
    mtime: i128,
    ctime: i128,
    hash: u128,
    /// The render key of a page ([`Outputs::keys`]), 0 for other files.
    key: u64,
}

impl Stamp {
    /// The stamp of `path` as it is now, given its content hash.
    #[cfg(unix)]
    fn of(path: &Path, hash: u128) -> Option<Self> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::symlink_metadata(path).ok()?;
        m.is_file().then(|| Stamp {
            len: m.len(),
            ino: m.ino(),
            mtime: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
            ctime: i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
            hash,
            key: 0,
        })
    }

    /// Whether `path` is still the file this stamp describes (its key aside).
    fn holds(&self, path: &Path) -> bool {
        Stamp::of(path, self.hash).is_some_and(|now| {
            Stamp {
                key: self.key,
                ..now
            } == *self
        })
    }

    #[cfg(not(unix))]
    fn of(_: &Path, _: u128) -> Option<Self> {
        None
    }
}

impl Written {
    /// The stamp of `rel`, at `path`, when it was recorded with render key `key` (never 0)
    /// and the file is still as recorded.
    fn kept(&self, rel: &str, key: u64, path: &Path) -> Option<&Stamp> {
        self.files
            .get(rel)
            .filter(|s| key != 0 && s.key == key && s.holds(path))
    }

    /// The stamp of `rel`, at `path`, when it was recorded with content `bytes` (of hash
    /// `hash`) and is still that file: unchanged since, so not read.
    fn holding(&self, rel: &str, hash: u128, bytes: &[u8], path: &Path) -> Option<&Stamp> {
        self.files
            .get(rel)
            .filter(|s| s.hash == hash && s.len == bytes.len() as u64 && s.holds(path))
    }

    const PREFIX: &'static str = "output-";

    /// The cache entry of folder `dir`, named by its device and inode (which follow it
    /// through the swap).
    #[cfg(unix)]
    fn name(dir: &Path) -> Option<String> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::symlink_metadata(dir).ok()?;
        Some(format!("{}{}-{}", Self::PREFIX, m.dev(), m.ino()))
    }

    #[cfg(not(unix))]
    fn name(_: &Path) -> Option<String> {
        None
    }

    fn load(store: &Store, dir: &Path) -> Option<Self> {
        let bytes = store.get(&Self::name(dir)?, 0)?;
        let parts = crate::cache::frame::parts(&bytes)?;
        let mut files = std::collections::HashMap::with_capacity(parts.len() / 2);
        for pair in parts.chunks(2) {
            let [rel, stamp] = pair else { return None };
            let n = |i: usize| {
                stamp
                    .get(i * 16..i * 16 + 16)
                    .and_then(|b| b.try_into().ok())
            };
            let stamp = Stamp {
                len: u64::try_from(u128::from_le_bytes(n(0)?)).ok()?,
                ino: u64::try_from(u128::from_le_bytes(n(1)?)).ok()?,
                mtime: i128::from_le_bytes(n(2)?),
                ctime: i128::from_le_bytes(n(3)?),
                hash: u128::from_le_bytes(n(4)?),
                key: u64::try_from(u128::from_le_bytes(n(5)?)).ok()?,
            };
            files.insert(String::from_utf8(rel.to_vec()).ok()?, stamp);
        }
        Some(Self { files })
    }

    fn encode(&self) -> Vec<u8> {
        let mut buf = Vec::new();
        let mut rels: Vec<&String> = self.files.keys().collect();
        rels.sort();
        for rel in rels {
            let s = &self.files[rel];
            crate::cache::frame::push(&mut buf, rel.as_bytes());
            let mut stamp = Vec::with_capacity(96);
            stamp.extend_from_slice(&u128::from(s.len).to_le_bytes());
            stamp.extend_from_slice(&u128::from(s.ino).to_le_bytes());
            stamp.extend_from_slice(&s.mtime.to_le_bytes());
            stamp.extend_from_slice(&s.ctime.to_le_bytes());
            stamp.extend_from_slice(&s.hash.to_le_bytes());
            stamp.extend_from_slice(&u128::from(s.key).to_le_bytes());
            crate::cache::frame::push(&mut buf, &stamp);
        }
        buf
    }
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
/// `live` is the live folder and its record, which pages rendering found there are read from
/// when `dir` does not hold them.
fn sync_tree(
    outputs: &Outputs,
    dir: &Path,
    listing: &Listing,
    before: Option<&Written>,
    live: Option<(&Path, &Written)>,
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
            };
            let hash = crate::cache::content_hash(bytes);
            // Unchanged since the build that recorded it: no need to read it.
            let recorded = before
                .filter(|_| known)
                .and_then(|w| w.holding(rel, hash, bytes, &target));
            if let Some(stamp) = recorded {
                return Ok((stamp.len, Some((rel, Stamp { key, ..*stamp }))));
            }
            let (len, wrote) = sync_bytes(&target, bytes, known).map_err(err(&target))?;
            if wrote {
                written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Ok((
                len,
                Stamp::of(&target, hash).map(|s| (rel, Stamp { key, ..s })),
            ))
        })
        .collect::<Result<_, (PathBuf, io::Error)>>()?;
    owned::write_manifest(dir, outputs.files.keys()).map_err(manifest_err)?;
    Ok(recorded(outputs, results, written.into_inner()))
}

/// Makes the folders of `wanted` that `listing` did not find in `dir`: a level of depth at a
/// time (each after its parent), the folders of a level on all cores (a first build makes
/// one folder a page, and on some disks a folder takes a fifth of a millisecond to make).
fn make_dirs(
    dir: &Path,
    wanted: &BTreeSet<&str>,
    listing: &Listing,
) -> Result<(), (PathBuf, io::Error)> {
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
    for level in levels {
        let parents: BTreeSet<&str> = level
            .iter()
            .map(|d| d.rsplit_once('/').map_or("", |(parent, _)| parent))
            .collect();
        for parent in parents {
            spread_subfolders(&dir.join(parent));
        }
        level.par_iter().try_for_each(|d| {
            let p = dir.join(d);
            match std::fs::create_dir(&p) {
                Err(e) if !(e.kind() == io::ErrorKind::AlreadyExists && p.is_dir()) => Err((p, e)),
                _ => Ok(()),
            }
        })?;
    }
    Ok(())
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
fn special(rel: &str) -> bool {
    rel == owned::MANIFEST || rel == owned::MANIFEST_TMP
}

/// Every folder `outputs` put files in, relative.
fn wanted_dirs(outputs: &Outputs) -> BTreeSet<&str> {
    outputs
        .files
        .keys()
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

/// The content of `rel` in folder `dir` when `record` has it with render key `key` and it
/// still holds what was recorded (read and hashed), with its hash.
fn read_kept(dir: &Path, record: &Written, rel: &str, key: u64) -> Option<(Vec<u8>, u128)> {
    let from = dir.join(rel);
    let stamp = record.kept(rel, key, &from)?;
    let bytes = std::fs::read(&from).ok()?;
    (crate::cache::content_hash(&bytes) == stamp.hash).then_some((bytes, stamp.hash))
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
