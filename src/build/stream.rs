//! The output folder a build will write, opened before rendering: locked, both folders
//! inspected, and each document's page written into the staging folder as soon as it is
//! rendered rather than held until the write (a large site's pages are most of a build's
//! memory). Nothing reaches the live folder before the swap, as with every other file.
//!
//! A page goes into the staging folder only when that folder is made ready for it first:
//! its manifest lists every page about to be written beside what it held, and their folders
//! exist. A build that fails after that leaves the staging folder changed and the live one as
//! it was; a rewritten file's change time no longer matches its record, so the next build
//! compares it rather than trusting it. Whatever cannot be written this way (the folder could
//! not be made ready, a file could not be written) is handed back and written with the rest,
//! where an error is reported as before.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::owned::{self, Listing, Target};
use super::record::{Kept, Stamp, Written};
use crate::cache::Store;
use crate::diagnostic::Diagnostic;
use crate::output::{Body, Outputs, PageSink};

/// An output folder opened for a build ([`Stream::open`]), until [`super::write()`] takes it.
pub struct Stream {
    pub(super) target: Target,
    /// Held from the opening to the swap: one build at a time per folder.
    pub(super) _lock: Option<std::fs::File>,
    /// The live folder and the staging folder as they were found.
    pub(super) live: Listing,
    pub(super) staging: Listing,
    pub(super) live_record: Option<Arc<Written>>,
    /// The staging folder's record, when it was there.
    pub(super) before: Option<Arc<Written>>,
    /// Whether pages may be written as they are rendered: not when the live folder may still
    /// turn out to hold this build already (the second build into an output, before there is
    /// a staging folder), which nothing must then be written to find.
    stream: bool,
    /// Whether the staging folder was made ready for pages ([`PageSink::prepare`]).
    ready: OnceLock<bool>,
    /// The folders made ready for pages, relative, and where they are.
    pub(super) made: Mutex<Vec<(String, PathBuf)>>,
    /// The pages written, by output path.
    pub(super) pages: Mutex<HashMap<String, Put>>,
}

/// A file put in place: its size, its stamp (key 0), and whether it had to be written.
#[derive(Clone, Copy)]
pub(super) struct Put {
    pub len: u64,
    pub stamp: Option<Stamp>,
    pub wrote: bool,
}

impl Stream {
    /// Opens the output folder `out` of the site at `root` before rendering; `None` when it
    /// is refused or holds what only the whole build's outputs can tell (an earlier
    /// prongsai's output without a manifest): the write opens it again and says why.
    /// Nothing is made for it yet: a build that fails leaves no folder behind.
    pub fn before_render(out: &Path, root: &Path, store: Option<&Store>) -> Option<Self> {
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
        if parent.is_some_and(|p| !p.is_dir()) {
            return None;
        }
        Self::open(out, root, store, &Outputs::default()).ok()
    }

    /// Resolves and locks the output folder `out` of the site at `root` and inspects both
    /// folders (with `outputs`, what the build writes), refusing what [`owned`] refuses.
    pub(super) fn open(
        out: &Path,
        root: &Path,
        store: Option<&Store>,
        outputs: &Outputs,
    ) -> Result<Self, Diagnostic> {
        let target = owned::resolve(out, root)?;
        let lock = lock(&target.parent);
        // Both folders listed at once (each is a walk of every folder of the site).
        let (live, staging) = crate::timing::phase("write: list folders", || {
            rayon::join(
                || owned::inspect(&target.out, out, outputs),
                || owned::inspect(&target.staging, &target.staging, outputs),
            )
        });
        let (live, staging) = (live?, staging?);
        let load = |dir: &Path| store.and_then(|s| Written::load(s, dir)).map(Arc::new);
        let live_record = load(&target.out);
        let there = target.staging.exists();
        let before = there.then(|| load(&target.staging)).flatten();
        Ok(Self {
            stream: there || live_record.is_none(),
            target,
            _lock: lock,
            live,
            staging,
            live_record,
            before,
            ready: OnceLock::new(),
            made: Mutex::new(Vec::new()),
            pages: Mutex::new(HashMap::new()),
        })
    }

    /// The pages the folder this build updates holds, as its record has them: the staging
    /// folder's, or before there is one (the second build into an output) the live folder's,
    /// which the new staging folder takes them from.
    pub fn previous(&self) -> Option<Arc<dyn crate::render::cache::Previous>> {
        let (dir, record) = if self.target.staging.exists() {
            (&self.target.staging, self.before.as_ref()?)
        } else {
            (&self.target.out, self.live_record.as_ref()?)
        };
        Some(Arc::new(Kept {
            dir: dir.clone(),
            record: Arc::clone(record),
        }))
    }

    /// Makes the staging folder ready for `paths`: made, its manifest listing them beside what
    /// it holds, their folders made.
    fn make_ready(&self, paths: &[String]) -> Result<(), (PathBuf, std::io::Error)> {
        let dir = &self.target.staging;
        if !dir.exists() {
            std::fs::create_dir(dir).map_err(|e| (dir.clone(), e))?;
        }
        let both: BTreeSet<&String> = self
            .staging
            .owned
            .iter()
            .filter(|f| !super::write::special(f))
            .chain(paths)
            .collect();
        owned::write_manifest(dir, both.into_iter()).map_err(|e| (dir.join(owned::MANIFEST), e))?;
        let wanted = super::write::folders_of(paths.iter());
        let made = super::write::make_dirs(dir, &wanted, &self.staging)?;
        *self.made.lock().unwrap_or_else(PoisonError::into_inner) = made;
        Ok(())
    }
}

impl PageSink for Stream {
    fn prepare(&self, paths: &[String]) {
        let ready = self.stream && self.make_ready(paths).is_ok();
        let _ = self.ready.set(ready);
    }

    fn put(&self, path: &str, bytes: Vec<u8>) -> Body {
        if self.ready.get() != Some(&true) {
            return Body::Bytes(bytes);
        }
        let target = self.target.staging.join(path);
        let known = self.staging.files.contains(path);
        match super::write::put_bytes(&target, path, &bytes, known, self.before.as_deref()) {
            Ok(put) => {
                self.pages
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(path.to_owned(), put);
                Body::Written
            }
            Err(_) => Body::Bytes(bytes),
        }
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
