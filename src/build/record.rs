//! The record of an output folder: what each file was when a build left it, kept in the
//! build cache, so that the next build need neither read a file nor render a page again to
//! know it is unchanged.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cache::Store;

/// The pages a folder holds as its record has them, for rendering: a page whose file is as
/// recorded with the same render key need not be rendered again.
pub(super) struct Kept {
    pub dir: PathBuf,
    pub record: Arc<Written>,
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
pub(super) struct Written {
    pub files: std::collections::HashMap<String, Stamp>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    pub len: u64,
    pub ino: u64,
    pub mtime: i128,
    pub ctime: i128,
    pub hash: u128,
    /// The render key of a page ([`crate::output::Outputs::keys`]), 0 for other files.
    pub key: u64,
}

impl Stamp {
    /// The stamp of `path` as it is now, given its content hash.
    #[cfg(unix)]
    pub fn of(path: &Path, hash: u128) -> Option<Self> {
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
    pub fn of(_: &Path, _: u128) -> Option<Self> {
        None
    }
}

impl Written {
    /// The stamp of `rel`, at `path`, when it was recorded with render key `key` (never 0)
    /// and the file is still as recorded.
    pub fn kept(&self, rel: &str, key: u64, path: &Path) -> Option<&Stamp> {
        self.files
            .get(rel)
            .filter(|s| key != 0 && s.key == key && s.holds(path))
    }

    /// The stamp of `rel`, at `path`, when it was recorded with content `bytes` (of hash
    /// `hash`) and is still that file: unchanged since, so not read.
    pub fn holding(&self, rel: &str, hash: u128, bytes: &[u8], path: &Path) -> Option<&Stamp> {
        self.files
            .get(rel)
            .filter(|s| s.hash == hash && s.len == bytes.len() as u64 && s.holds(path))
    }

    pub const PREFIX: &'static str = "output-";

    /// The cache entry of folder `dir`, named by its device and inode (which follow it
    /// through the swap).
    #[cfg(unix)]
    pub fn name(dir: &Path) -> Option<String> {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::symlink_metadata(dir).ok()?;
        Some(format!("{}{}-{}", Self::PREFIX, m.dev(), m.ino()))
    }

    #[cfg(not(unix))]
    pub fn name(_: &Path) -> Option<String> {
        None
    }

    pub fn load(store: &Store, dir: &Path) -> Option<Self> {
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

    pub fn encode(&self) -> Vec<u8> {
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

/// The content of `rel` in folder `dir` when `record` has it with render key `key` and it
/// still holds what was recorded (read and hashed), with its hash.
pub(super) fn read_kept(
    dir: &Path,
    record: &Written,
    rel: &str,
    key: u64,
) -> Option<(Vec<u8>, u128)> {
    let from = dir.join(rel);
    let stamp = record.kept(rel, key, &from)?;
    let bytes = std::fs::read(&from).ok()?;
    (crate::cache::content_hash(&bytes) == stamp.hash).then_some((bytes, stamp.hash))
}
