//! `file:///path`: the web server's own folder, or a share mounted on this computer.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use super::{Host, Stat};

pub struct FileHost {
    root: PathBuf,
}

impl FileHost {
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    /// `rel` under the root; a link on the way is not followed out of it.
    fn path(&self, rel: &str) -> io::Result<PathBuf> {
        let mut p = self.root.clone();
        for part in super::plain(rel)?.split('/') {
            p.push(part);
            if p.symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
            {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "a symbolic link is in the way",
                ));
            }
        }
        Ok(p)
    }
}

fn mtime(m: &std::fs::Metadata) -> Option<i64> {
    m.modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok())
}

impl Host for FileHost {
    fn get(&mut self, rel: &str) -> io::Result<Option<Vec<u8>>> {
        match std::fs::read(self.path(rel)?) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn stat(&mut self, rel: &str) -> io::Result<Option<Stat>> {
        match std::fs::symlink_metadata(self.path(rel)?) {
            Ok(m) => Ok(Some(Stat {
                size: m.len(),
                mtime: mtime(&m),
            })),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let target = self.path(rel)?;
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = self.path(&super::upload_name(rel))?;
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, &target).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }

    fn delete(&mut self, rel: &str) -> io::Result<()> {
        std::fs::remove_file(self.path(rel)?)
    }

    fn remove_empty_dir(&mut self, rel: &str) {
        if let Ok(p) = self.path(rel) {
            let _ = std::fs::remove_dir(p);
        }
    }

    fn list(&mut self) -> io::Result<Option<BTreeMap<String, Stat>>> {
        fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Stat>) -> io::Result<()> {
            for entry in std::fs::read_dir(dir)? {
                let entry = entry?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let rel = format!("{prefix}{name}");
                let meta = entry.metadata()?;
                let kind = entry.file_type()?;
                if kind.is_dir() {
                    walk(&entry.path(), &format!("{rel}/"), out)?;
                } else if !kind.is_symlink() {
                    out.insert(
                        rel,
                        Stat {
                            size: meta.len(),
                            mtime: mtime(&meta),
                        },
                    );
                }
            }
            Ok(())
        }
        let mut out = BTreeMap::new();
        match walk(&self.root, "", &mut out) {
            Ok(()) => Ok(Some(out)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Some(out)),
            Err(e) => Err(e),
        }
    }
}
