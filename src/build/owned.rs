//! What prongsai owns in an output folder, and the folders it refuses to write.
//!
//! A build writes a manifest (`.prongsai-output.json`) listing every file it wrote, in the
//! output folder and in its staging folder. Before a build touches either folder it reads the
//! manifest and walks the folder: a file the manifest does not list (a file somebody put there,
//! a symbolic link) stops the build with the list of such files, so prongsai never deletes,
//! moves or overwrites a file it did not write. A folder without a manifest is written only
//! when it is empty, or when it is plainly the output of an earlier prongsai that kept no
//! manifest (see [`inspect`]).

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Msg, codes};
use crate::output::Outputs;

/// The manifest's name inside an output folder.
pub const MANIFEST: &str = ".prongsai-output.json";
/// Where a new manifest is written before it is renamed into place.
pub const MANIFEST_TMP: &str = ".prongsai-output.json.tmp";

#[derive(Serialize, Deserialize)]
struct Manifest {
    generator: String,
    /// Output paths relative to the folder, `/`-separated, sorted.
    files: Vec<String>,
}

/// Files the operating system's file browser leaves in folders it shows (`Thumbs.db`,
/// `.DS_Store`, `desktop.ini`, `._name`). They are recreated at will, never anybody's work, so
/// they neither stop a build nor are kept.
pub fn is_os_litter(name: &str) -> bool {
    name == ".DS_Store"
        || name.starts_with("._")
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// The output folder as the build will write it.
#[derive(Debug)]
pub struct Target {
    /// The folder, with symbolic links resolved: a `public` that links to `/var/www/site`
    /// is written at `/var/www/site`.
    pub out: PathBuf,
    /// Its parent, where the staging folder lives.
    pub parent: PathBuf,
    /// The staging folder beside it (`.NAME.prongsai`).
    pub staging: PathBuf,
}

/// What a folder holds, as far as ownership goes.
#[derive(Debug, Default)]
pub struct Listing {
    /// Regular files, relative and `/`-separated (the manifest and litter included).
    pub files: BTreeSet<String>,
    /// Folders, relative.
    pub dirs: Vec<(String, PathBuf)>,
    /// Files prongsai may delete or replace: those its manifest lists, or all of them in an
    /// empty folder or an earlier prongsai's output.
    pub owned: BTreeSet<String>,
}

/// Resolves the output folder `out` of the site at `root` and refuses folders prongsai must
/// never write: the site itself, a folder that holds it, `content/` and `themes/`, and
/// anything inside those two.
pub fn resolve(out: &Path, root: &Path) -> Result<Target, Diagnostic> {
    let shown = out.to_path_buf();
    let real = if std::fs::symlink_metadata(out).is_ok() {
        out.canonicalize().map_err(|e| {
            refused(
                codes::OUTPUT_LINK,
                &shown,
                Msg::new(
                    format!("โฟลเดอร์ผลลัพธ์เป็นลิงก์ที่ชี้ไปยังที่ที่เปิดไม่ได้: {e}"),
                    format!("the output folder is a link to somewhere that cannot be opened: {e}"),
                ),
                Msg::new(
                    "แก้ลิงก์ให้ชี้ไปยังโฟลเดอร์ที่มีอยู่ หรือลบลิงก์นั้นแล้วสั่งใหม่",
                    "point the link at a folder that exists, or remove the link and run again",
                ),
            )
        })?
    } else {
        let name = out.file_name().filter(|n| *n != ".." && *n != ".");
        let Some(name) = name else {
            return Err(refused(
                codes::OUTPUT_NAME,
                &shown,
                Msg::new(
                    "ชื่อโฟลเดอร์ผลลัพธ์ใช้ไม่ได้",
                    "this is not a name an output folder can have",
                ),
                Msg::new(
                    "ระบุโฟลเดอร์ใหม่ เช่น --out public",
                    "name a new folder, e.g. --out public",
                ),
            ));
        };
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)
            .map_err(|e| cannot("สร้างโฟลเดอร์", "create the folder", &parent, &e))?;
        let parent = parent
            .canonicalize()
            .map_err(|e| cannot("เปิดโฟลเดอร์", "open the folder", &parent, &e))?;
        parent.join(name)
    };
    let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let inside = |dir: &str| {
        let d = site.join(dir);
        let d = d.canonicalize().unwrap_or(d);
        real.starts_with(&d)
    };
    if site.starts_with(&real) || inside("content") || inside("themes") {
        return Err(refused(
            codes::OUTPUT_IS_SITE,
            &shown,
            Msg::new(
                format!(
                    "โฟลเดอร์ผลลัพธ์ {} เป็นโฟลเดอร์ของเว็บไซต์เอง หรืออยู่ใน content/ หรือ themes/ จึงไม่เขียนทับ",
                    real.display()
                ),
                format!(
                    "the output folder {} is the site's own folder, holds it, or lies inside content/ or themes/, so it is not written",
                    real.display()
                ),
            ),
            Msg::new(
                "ใช้โฟลเดอร์แยกต่างหาก เช่น --out public (ค่าตั้งต้น)",
                "use a folder of its own, e.g. --out public (the default)",
            ),
        ));
    }
    let name = real
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let parent = real
        .parent()
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
    let staging = parent.join(format!(".{name}.prongsai"));
    Ok(Target {
        out: real,
        parent,
        staging,
    })
}

/// Lists `dir` and decides what in it prongsai owns; a folder holding anything it does not
/// own is refused with the list. `outputs` is what this build writes: a folder without a
/// manifest counts as an earlier prongsai's output when it has the home page and the search
/// index, and names nothing at its top that this build would not write.
pub fn inspect(dir: &Path, shown: &Path, outputs: &Outputs) -> Result<Listing, Diagnostic> {
    let mut listing = Listing::default();
    let mut strange = Vec::new(); // links, sockets...
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
        Err(e) => return Err(cannot("เปิดโฟลเดอร์", "open the folder", shown, &e)),
        Ok(m) if !m.is_dir() => {
            return Err(refused(
                codes::OUTPUT_NOT_FOLDER,
                shown,
                Msg::new(
                    "ที่ตั้งของโฟลเดอร์ผลลัพธ์มีไฟล์อื่นอยู่แล้ว (ไม่ใช่โฟลเดอร์) จึงไม่เขียนทับ",
                    "the output's place holds a file, not a folder, so it is not replaced",
                ),
                Msg::new(
                    "ย้ายหรือเปลี่ยนชื่อไฟล์นั้น หรือเลือกโฟลเดอร์อื่นด้วย --out",
                    "move or rename that file, or choose another folder with --out",
                ),
            ));
        }
        Ok(_) => {}
    }
    for entry in walkdir::WalkDir::new(dir).min_depth(1).follow_links(false) {
        let entry = entry
            .map_err(|e| cannot("อ่านโฟลเดอร์", "read the folder", shown, &io::Error::other(e)))?;
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let kind = entry.file_type();
        if kind.is_dir() {
            listing.dirs.push((rel, entry.path().to_path_buf()));
        } else if kind.is_file() {
            listing.files.insert(rel);
        } else {
            strange.push(rel);
        }
    }
    let litter = |rel: &str| is_os_litter(rel.rsplit('/').next().unwrap_or(rel));
    let ours_by_name = |rel: &str| rel == MANIFEST || rel == MANIFEST_TMP || litter(rel);
    let foreign: Vec<String> = if listing.files.contains(MANIFEST) {
        let listed = read_manifest(&dir.join(MANIFEST)).ok_or_else(|| {
            refused(
                codes::OUTPUT_MANIFEST,
                shown,
                Msg::new(
                    format!("อ่านรายการไฟล์ {MANIFEST} ในโฟลเดอร์ผลลัพธ์ไม่ได้ (ถูกแก้ไขหรือเสียหาย) จึงไม่รู้ว่าไฟล์ใดเป็นของ prongsai"),
                    format!("the list of files {MANIFEST} in the output folder cannot be read (edited or damaged), so which files prongsai wrote is unknown"),
                ),
                Msg::new(
                    "ย้ายไฟล์ที่ต้องการเก็บออกจากโฟลเดอร์นี้ แล้วลบโฟลเดอร์ทิ้งก่อนสั่งใหม่",
                    "move anything you want to keep out of this folder, delete the folder, and run again",
                ),
            )
        })?;
        let foreign = listing
            .files
            .iter()
            .filter(|f| !listed.contains(*f) && !ours_by_name(f))
            .cloned()
            .chain(strange)
            .collect();
        listing.owned = listing
            .files
            .iter()
            .filter(|f| listed.contains(*f) || ours_by_name(f))
            .cloned()
            .collect();
        foreign
    } else {
        let work: Vec<&String> = listing.files.iter().filter(|f| !litter(f)).collect();
        let earlier = listing.files.contains("index.html")
            && listing.files.contains("search/manifest.json")
            && strange.is_empty()
            && work.iter().all(|f| {
                let top = f.split('/').next().unwrap_or(f);
                outputs.files.contains_key(*f)
                    || outputs
                        .files
                        .range(format!("{top}/")..)
                        .next()
                        .is_some_and(|(k, _)| k.starts_with(&format!("{top}/")))
            });
        if work.is_empty() && strange.is_empty() || earlier {
            listing.owned = listing.files.clone();
            Vec::new()
        } else {
            work.into_iter().cloned().chain(strange).collect()
        }
    };
    if foreign.is_empty() {
        return Ok(listing);
    }
    const SHOWN: usize = 8;
    let mut list: Vec<String> = foreign
        .iter()
        .take(SHOWN)
        .map(|f| crate::diagnostic::printable(f).into_owned())
        .collect();
    if foreign.len() > SHOWN {
        list.push(format!("… (+{})", foreign.len() - SHOWN));
    }
    let list = list.join(", ");
    Err(refused(
        codes::OUTPUT_NOT_OURS,
        shown,
        Msg::new(
            format!(
                "โฟลเดอร์ผลลัพธ์มีไฟล์ที่ prongsai ไม่ได้สร้าง {} ไฟล์: {list} จึงไม่เขียน ไม่ย้าย และไม่ลบสิ่งใดในโฟลเดอร์นี้",
                foreign.len()
            ),
            format!(
                "the output folder holds {} file(s) prongsai did not write: {list}; nothing in it is written, moved or deleted",
                foreign.len()
            ),
        ),
        Msg::new(
            "เลือกโฟลเดอร์ใหม่หรือโฟลเดอร์ว่างด้วย --out หรือย้ายไฟล์เหล่านั้นออกก่อน ไฟล์ที่ต้องการเผยแพร่ให้วางไว้ใน content/files/",
            "choose a new or empty folder with --out, or move those files out first; files meant for the site go in content/files/",
        ),
    ))
}

/// The files a manifest lists, or `None` when it is not one of ours.
fn read_manifest(path: &Path) -> Option<BTreeSet<String>> {
    let text = std::fs::read(path).ok()?;
    let m: Manifest = serde_json::from_slice(&text).ok()?;
    (m.generator == "prongsai").then(|| m.files.into_iter().collect())
}

/// Writes the manifest of `dir` listing `files`, replacing the previous one in one step.
pub fn write_manifest<'a>(dir: &Path, files: impl Iterator<Item = &'a String>) -> io::Result<()> {
    let m = Manifest {
        generator: "prongsai".into(),
        files: files.cloned().collect(),
    };
    let mut text = serde_json::to_vec_pretty(&m).map_err(io::Error::other)?;
    text.push(b'\n');
    let tmp = dir.join(MANIFEST_TMP);
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, dir.join(MANIFEST))
}

/// Whether `dir` carries a manifest of ours (so it may be deleted as a whole).
pub fn has_manifest(dir: &Path) -> bool {
    read_manifest(&dir.join(MANIFEST)).is_some()
}

fn refused(code: Code, path: &Path, message: Msg, help: Msg) -> Diagnostic {
    Diagnostic::error(code, path, message).help(help)
}

fn cannot(th: &str, en: &str, path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(
        codes::OUTPUT_WRITE,
        path,
        Msg::new(format!("{th}ไม่ได้: {e}"), format!("cannot {en}: {e}")),
    )
}
