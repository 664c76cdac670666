//! Attachments under `content/files/`: copied to the output as they are, listed on their pages
//! with size and SHA-256 so a reader can trust the download is the signed original.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Msg};

#[derive(Clone, Debug)]
pub struct Attachment {
    /// Relative to `content/`, with `/` separators: `files/2566/x.pdf`.
    pub key: String,
    /// The file on disk, as it was when hashed.
    pub source: crate::site::attachment::CopySource,
    pub size: u64,
    /// Lowercase hex.
    pub sha256: String,
}

impl Attachment {
    /// Reads the file once to measure and hash it.
    pub fn load(path: PathBuf, key: String, display: &Path) -> Result<Self, Diagnostic> {
        let hash = || -> std::io::Result<(u64, String, crate::site::attachment::CopySource)> {
            let mut file = std::fs::File::open(&path)?;
            let source = crate::site::attachment::CopySource::of(path.clone(), &file)?;
            let mut hasher = Sha256::new();
            let mut buf = vec![0; 64 * 1024];
            let mut size = 0u64;
            loop {
                let n = file.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                size += n as u64;
                hasher.update(&buf[..n]);
            }
            Ok((size, hex(&hasher.finalize()), source))
        };
        let (size, sha256, source) = hash().map_err(|e| {
            Diagnostic::error(
                crate::diagnostic::codes::ATTACHMENT_UNREADABLE,
                display,
                Msg::new(
                    format!("อ่านไฟล์แนบไม่ได้: {e}"),
                    format!("cannot read the attachment: {e}"),
                ),
            )
        })?;
        Ok(Self {
            key,
            source,
            size,
            sha256,
        })
    }

    /// The file's name, for lists.
    pub fn file_name(&self) -> &str {
        self.key.rsplit('/').next().unwrap_or(&self.key)
    }
}

/// A file of the site to be copied into the output: where it is and which file it was when
/// the build read it. Whoever copies or serves it later checks it is still that file, so a
/// file swapped for a link to `/etc/passwd` after the build is never what goes out.
#[derive(Clone, Debug)]
pub struct CopySource {
    pub path: PathBuf,
    pub identity: FileIdentity,
}

/// What tells one file from another, or from itself changed: size and modification time, and
/// on Unix the device and inode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileIdentity {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    pub dev: u64,
    #[cfg(unix)]
    pub ino: u64,
}

impl FileIdentity {
    pub fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            dev: meta.dev(),
            #[cfg(unix)]
            ino: meta.ino(),
        }
    }
}

impl CopySource {
    /// The file as it was read: the handle's own metadata, so a link swapped in between the
    /// reading and this look cannot be mistaken for it.
    pub fn of(path: PathBuf, file: &std::fs::File) -> std::io::Result<Self> {
        Ok(Self {
            identity: FileIdentity::of(&file.metadata()?),
            path,
        })
    }

    /// Opens the file if it is still the one the build saw; an error otherwise.
    pub fn open(&self) -> std::io::Result<std::fs::File> {
        let file = std::fs::File::open(&self.path)?;
        if FileIdentity::of(&file.metadata()?) == self.identity {
            Ok(file)
        } else {
            Err(std::io::Error::other(
                "the file changed after the build read it",
            ))
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// What is wrong with an attachment path a user wrote, before looking it up.
pub enum PathProblem {
    /// Absolute, or climbing out with `..`.
    Escapes,
    /// Does not start with `files/`.
    NotUnderFiles,
}

/// Checks a path as written (`files/2566/x.pdf`) and returns it in key form.
pub fn normalize_ref(written: &str) -> Result<String, PathProblem> {
    let written = written.trim();
    let path = Path::new(written);
    if path.is_absolute()
        || written.starts_with('\\')
        || path
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(PathProblem::Escapes);
    }
    let parts: Vec<&str> = written
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.first() != Some(&"files") || parts.len() < 2 {
        return Err(PathProblem::NotUnderFiles);
    }
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_are_checked() {
        assert_eq!(
            normalize_ref("files/2566/a.pdf").ok().as_deref(),
            Some("files/2566/a.pdf")
        );
        assert_eq!(
            normalize_ref("./files//a.pdf").ok().as_deref(),
            Some("files/a.pdf")
        );
        assert!(matches!(
            normalize_ref("../secret.txt"),
            Err(PathProblem::Escapes)
        ));
        assert!(matches!(
            normalize_ref("files/../../x"),
            Err(PathProblem::Escapes)
        ));
        assert!(matches!(
            normalize_ref("/etc/passwd"),
            Err(PathProblem::Escapes)
        ));
        assert!(matches!(
            normalize_ref("docs/a.pdf"),
            Err(PathProblem::NotUnderFiles)
        ));
    }

    #[test]
    fn hashes_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"abc").unwrap();
        let a = Attachment::load(p, "files/a.txt".into(), Path::new("x")).unwrap();
        assert_eq!(a.size, 3);
        assert_eq!(
            a.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
