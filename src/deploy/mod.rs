//! `prongsai deploy`: brings the host's copy of the site up to date with the last build,
//! sending only what changed and removing what the site no longer has.
//!
//! What is on the host is known from a manifest prongsai keeps there ([`MANIFEST`]): each file
//! with its size, hash and the modification time the host gave it. A file the host holds that
//! does not match its entry was changed by hand: reported, never overwritten without `--force`.
//! Files are sent in an order that keeps the live site whole (assets and data, then pages, then
//! the home page), each to a temporary name renamed into place; the manifest says before the
//! first upload what is about to change (in a small journal beside it, [`JOURNAL`], so the
//! manifest itself is written once a deploy), so an interrupted deploy is finished by the next one.

mod file;
mod ftp;
mod posix_rename;
mod sftp;
mod target;

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use target::{Target, parse_target};

/// The manifest's name at the root of the site on the host.
pub const MANIFEST: &str = ".prongsai-deploy.json";

/// What a deploy is about to change, beside the manifest on the host while it runs (a small
/// file, so the manifest of every file is written once a deploy rather than before and after).
pub const JOURNAL: &str = ".prongsai-deploy-pending.json";

/// What a host can do; every path is relative to the site's folder there, `/`-separated.
pub trait Host {
    /// The file's bytes, or `None` when there is no such file.
    fn get(&mut self, rel: &str) -> io::Result<Option<Vec<u8>>>;
    /// Size and modification time (seconds), or `None` when there is no such file.
    fn stat(&mut self, rel: &str) -> io::Result<Option<Stat>>;
    /// Writes `bytes` to `rel` through a temporary name renamed into place, making folders.
    fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()>;
    fn delete(&mut self, rel: &str) -> io::Result<()>;
    /// Removes the folder if it is empty; quietly keeps it otherwise.
    fn remove_empty_dir(&mut self, rel: &str);
    /// Every file under the site's folder with its size and time, in one walk: one request a
    /// folder instead of one a file. `None` when the host cannot list.
    fn list(&mut self) -> io::Result<Option<BTreeMap<String, Stat>>> {
        Ok(None)
    }
}

/// `rel` when it is a plain path within the site: no empty, `.` or `..` part.
fn plain(rel: &str) -> io::Result<&str> {
    if rel
        .split('/')
        .any(|p| p.is_empty() || p == "." || p == "..")
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a plain path",
        ));
    }
    Ok(rel)
}

/// The folders leading to `rel_dir` (`a`, `a/b`, …) that `made` does not hold yet, outermost
/// first; they are in it afterwards.
fn new_folders(made: &mut BTreeSet<String>, rel_dir: &str) -> Vec<String> {
    let mut at = String::new();
    let mut out = Vec::new();
    for part in rel_dir.split('/').filter(|p| !p.is_empty()) {
        if !at.is_empty() {
            at.push('/');
        }
        at.push_str(part);
        if made.insert(at.clone()) {
            out.push(at.clone());
        }
    }
    out
}

/// Where an upload of `rel` is written before it is renamed into place:
/// `dir/.name.prongsai-upload`, hidden and never a name the site uses.
fn upload_name(rel: &str) -> String {
    match rel.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/.{name}.prongsai-upload"),
        None => format!(".{rel}.prongsai-upload"),
    }
}

/// What the host holds: its listing when it gives one, else file by file.
struct Seen(Option<BTreeMap<String, Stat>>);

impl Seen {
    fn stat(&self, host: &mut dyn Host, rel: &str) -> Result<Option<Stat>, Stop> {
        match &self.0 {
            Some(all) => Ok(all.get(rel).copied()),
            None => host
                .stat(rel)
                .map_err(|e| host_err("ตรวจ", "inspect", rel, &e)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    pub size: u64,
    pub mtime: Option<i64>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Manifest {
    generator: String,
    /// Every file prongsai put there: path → entry.
    files: BTreeMap<String, Entry>,
    /// What an unfinished deploy was doing, as a manifest of an older version holds it (this
    /// version keeps it in the [`JOURNAL`] and writes it here empty, that is not at all).
    #[serde(flatten)]
    pending: Journal,
}

/// The [`JOURNAL`]: what a deploy is about to do, finished by the next one if it stops.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Journal {
    /// Files being sent (path → hash): sent again by the next deploy.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    sending: BTreeMap<String, String>,
    /// Files being removed: removed by the next deploy.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    removing: BTreeSet<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    size: u64,
    sha256: String,
    /// As the host reported it after the upload.
    mtime: Option<i64>,
}

/// A file of the last build.
#[derive(Clone, Debug)]
pub struct LocalFile {
    pub rel: String,
    pub path: PathBuf,
    pub size: u64,
    pub sha256: String,
}

/// Every file of the build in `public`, except the build's own manifest.
pub fn scan(public: &Path) -> io::Result<Vec<LocalFile>> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<LocalFile>) -> io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                walk(&path, base, out)?;
            } else if kind.is_file() {
                let rel = path
                    .strip_prefix(base)
                    .map_err(io::Error::other)?
                    .to_string_lossy()
                    .replace('\\', "/");
                if rel == crate::build::MANIFEST || rel == MANIFEST || rel == JOURNAL {
                    continue;
                }
                let bytes = std::fs::read(&path)?;
                out.push(LocalFile {
                    rel,
                    size: bytes.len() as u64,
                    sha256: hex(&Sha256::digest(&bytes)),
                    path,
                });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(public, public, &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a deploy stopped.
#[derive(Debug)]
pub enum Stop {
    /// The host or the network failed: the message, in both languages.
    Host(crate::diagnostic::Msg),
    /// Files on the host were changed by hand, or are not prongsai's: listed.
    Changed(Vec<String>),
    /// Files on the host that prongsai did not put there are where the site's files go.
    Foreign(Vec<String>),
}

fn host_err(what_th: &str, what_en: &str, rel: &str, e: &io::Error) -> Stop {
    Stop::Host(crate::diagnostic::Msg::new(
        format!("{what_th} {rel} ไม่ได้: {e}"),
        format!("cannot {what_en} {rel}: {e}"),
    ))
}

/// One file sent or removed, and how far the deploy has got.
pub struct Step<'a> {
    pub rel: &'a str,
    /// Sent (else removed).
    pub sent: bool,
    pub files_done: usize,
    pub files_total: usize,
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// What a deploy did or would do.
#[derive(Debug, Default)]
pub struct Summary {
    pub sent: Vec<String>,
    pub bytes: u64,
    pub deleted: Vec<String>,
    pub unchanged: usize,
}

/// The order that keeps the live site whole: assets and data first, the search index's
/// manifest after the index's other files (a search never reads a manifest naming files not
/// yet sent), then pages, then the home page and the sitemaps, which name pages, and last
/// the index of the sitemaps, which names them (the manifest and deletions come after).
fn rank(rel: &str) -> u8 {
    use crate::site::routes;
    if rel == routes::sitemap_index() {
        4
    } else if rel == "index.html" || rel == routes::sitemap() || rel.starts_with(routes::sitemaps())
    {
        3
    } else if rel.ends_with(".html") {
        2
    } else if rel == SEARCH_MANIFEST {
        1
    } else {
        0
    }
}

/// The file a search reads first, naming the others of the index.
const SEARCH_MANIFEST: &str = "search/manifest.json";

/// Brings `host` up to date with `local`. `force` takes over files changed by hand or put
/// there by someone else; `dry_run` works out what would be done and does nothing. `each` is
/// told of every file sent or removed.
pub fn deploy(
    host: &mut dyn Host,
    local: &[LocalFile],
    force: bool,
    dry_run: bool,
    each: &mut dyn FnMut(&Step),
) -> Result<Summary, Stop> {
    let mut manifest: Manifest = match host.get(MANIFEST) {
        Ok(Some(bytes)) => serde_json::from_slice(&bytes).map_err(|e| {
            Stop::Host(crate::diagnostic::Msg::new(
                format!("อ่าน {MANIFEST} บนเครื่องแม่ข่ายไม่ได้: {e} (ลบไฟล์นั้นแล้วสั่ง deploy --force เพื่อส่งทั้งหมดใหม่)"),
                format!("cannot read {MANIFEST} on the host: {e} (remove it and deploy --force to send everything again)"),
            ))
        })?,
        Ok(None) => Manifest::default(),
        Err(e) => return Err(host_err("อ่าน", "read", MANIFEST, &e)),
    };
    // An unfinished deploy's files: sent or removed again (a manifest of an older version
    // holds them itself).
    if let Some(bytes) = host
        .get(JOURNAL)
        .map_err(|e| host_err("อ่าน", "read", JOURNAL, &e))?
    {
        let journal: Journal = serde_json::from_slice(&bytes).map_err(|e| {
            Stop::Host(crate::diagnostic::Msg::new(
                format!("อ่าน {JOURNAL} บนเครื่องแม่ข่ายไม่ได้: {e} (ลบไฟล์นั้นแล้วสั่ง deploy --force เพื่อส่งทั้งหมดใหม่)"),
                format!("cannot read {JOURNAL} on the host: {e} (remove it and deploy --force to send everything again)"),
            ))
        })?;
        manifest.pending.sending.extend(journal.sending);
        manifest.pending.removing.extend(journal.removing);
    }
    let wanted: BTreeMap<&str, &LocalFile> = local.iter().map(|f| (f.rel.as_str(), f)).collect();

    // What is on the host now, for every file prongsai put there or is about to put there.
    let seen = Seen(
        host.list()
            .map_err(|e| host_err("อ่านรายการไฟล์ใน", "list", "/", &e))?,
    );
    let mut changed = Vec::new();
    let mut foreign = Vec::new();
    for (rel, entry) in &manifest.files {
        if manifest.pending.sending.contains_key(rel) || manifest.pending.removing.contains(rel) {
            continue;
        }
        let now = host
            .stat(rel)
            .map_err(|e| host_err("ตรวจ", "inspect", rel, &e))?;
        let same = now.is_some_and(|s| {
            s.size == entry.size
                && (entry.mtime.is_none() || s.mtime.is_none() || s.mtime == entry.mtime)
        });
        if !same {
            changed.push(rel.clone());
        }
    }
    for f in local {
        if manifest.files.contains_key(&f.rel) || manifest.pending.sending.contains_key(&f.rel) {
            continue;
        }
        if seen.stat(host, &f.rel)?.is_some() {
            foreign.push(f.rel.clone());
        }
    }
    if !force {
        if !changed.is_empty() {
            return Err(Stop::Changed(changed));
        }
        if !foreign.is_empty() {
            return Err(Stop::Foreign(foreign));
        }
    }
    let forced: BTreeSet<&str> = changed.iter().chain(&foreign).map(String::as_str).collect();

    let mut send: Vec<&LocalFile> = local
        .iter()
        .filter(|f| {
            forced.contains(f.rel.as_str())
                || manifest.pending.sending.contains_key(&f.rel)
                || manifest
                    .files
                    .get(&f.rel)
                    .is_none_or(|e| e.sha256 != f.sha256)
        })
        .collect();
    send.sort_by_key(|f| (rank(&f.rel), f.rel.clone()));
    let remove: Vec<String> = manifest
        .files
        .keys()
        .chain(manifest.pending.removing.iter())
        .filter(|rel| !wanted.contains_key(rel.as_str()))
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut summary = Summary {
        unchanged: local.len() - send.len(),
        ..Summary::default()
    };
    if dry_run {
        summary.sent = send.iter().map(|f| f.rel.clone()).collect();
        summary.bytes = send.iter().map(|f| f.size).sum();
        summary.deleted = remove;
        return Ok(summary);
    }

    // Nothing to send or remove, nothing unfinished: the host is left as it is.
    if send.is_empty()
        && remove.is_empty()
        && manifest.pending.sending.is_empty()
        && manifest.pending.removing.is_empty()
    {
        return Ok(summary);
    }
    let files_total = send.len() + remove.len();
    let bytes_total: u64 = send.iter().map(|f| f.size).sum();
    // Say what is about to change before changing it.
    manifest.generator = format!("prongsai {}", env!("CARGO_PKG_VERSION"));
    let mut journal = Journal {
        sending: send
            .iter()
            .map(|f| (f.rel.clone(), f.sha256.clone()))
            .collect(),
        removing: BTreeSet::new(),
    };
    write_json(host, JOURNAL, &journal)?;
    for f in &send {
        let bytes = std::fs::read(&f.path).map_err(|e| host_err("อ่าน", "read", &f.rel, &e))?;
        host.put(&f.rel, &bytes)
            .map_err(|e| host_err("ส่ง", "send", &f.rel, &e))?;
        let mtime = host
            .stat(&f.rel)
            .map_err(|e| host_err("ตรวจ", "inspect", &f.rel, &e))?
            .and_then(|s| s.mtime);
        manifest.files.insert(
            f.rel.clone(),
            Entry {
                size: f.size,
                sha256: f.sha256.clone(),
                mtime,
            },
        );
        summary.sent.push(f.rel.clone());
        summary.bytes += f.size;
        each(&Step {
            rel: &f.rel,
            sent: true,
            files_done: summary.sent.len(),
            files_total,
            bytes_done: summary.bytes,
            bytes_total,
        });
    }
    // The files to remove are named in the journal before the manifest forgets them.
    if !remove.is_empty() {
        journal.removing = remove.iter().cloned().collect();
        write_json(host, JOURNAL, &journal)?;
    }
    manifest.pending = Journal::default();
    for rel in &remove {
        manifest.files.remove(rel);
    }
    write_json(host, MANIFEST, &manifest)?;
    let mut dirs = BTreeSet::new();
    for rel in &remove {
        delete(host, rel)?;
        let mut d = rel.as_str();
        while let Some((parent, _)) = d.rsplit_once('/') {
            dirs.insert(parent.to_owned());
            d = parent;
        }
        summary.deleted.push(rel.clone());
        each(&Step {
            rel,
            sent: false,
            files_done: summary.sent.len() + summary.deleted.len(),
            files_total,
            bytes_done: summary.bytes,
            bytes_total,
        });
    }
    // Deepest first; a folder that still holds something stays.
    for d in dirs.iter().rev() {
        host.remove_empty_dir(d);
    }
    delete(host, JOURNAL)?;
    Ok(summary)
}

/// Removes `rel` from the host; one already gone is no error.
fn delete(host: &mut dyn Host, rel: &str) -> Result<(), Stop> {
    match host.delete(rel) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(host_err("ลบ", "remove", rel, &e)),
        _ => Ok(()),
    }
}

/// Writes `value` as JSON to `rel` on the host: without spaces, the manifest of a site of
/// 10,000 pages being 2 MB.
fn write_json(host: &mut dyn Host, rel: &str, value: &impl Serialize) -> Result<(), Stop> {
    let mut text = serde_json::to_vec(value).unwrap_or_default();
    text.push(b'\n');
    host.put(rel, &text)
        .map_err(|e| host_err("เขียน", "write", rel, &e))
}

/// Opens the host of `target`.
pub fn connect(target: &Target, password: Option<String>) -> Result<Box<dyn Host>, Stop> {
    match target {
        Target::File(dir) => Ok(Box::new(file::FileHost::new(dir.clone()))),
        Target::Ftp { .. } => Ok(Box::new(ftp::FtpHost::connect(target, password)?)),
        Target::Sftp { .. } => Ok(Box::new(sftp::SftpHost::connect(target, password)?)),
    }
}
