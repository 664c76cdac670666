//! The build cache: a folder beside the output (`.prongsai-cache`) holding what a build worked
//! out and the next can reuse — the search index of the same records, what each output file
//! was when written. Safe to delete at any time; a build without it does all the work again.
//!
//! Nothing in it is trusted: each entry carries the program that wrote it, the key of what it
//! was made from and a hash of its contents, and is used only when all three match. A folder
//! of that name that prongsai did not make (no tag of ours) is neither used nor touched.
//! Entries are replaced by writing a temporary file and renaming it over the old one, so an
//! interrupted build leaves the old entry or the new one; the temporary file of a build that
//! was killed is removed by a later build once it is an hour old.

use std::io;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

/// The cache folder's name, beside the output folder.
pub const DIR: &str = ".prongsai-cache";
/// The tag that marks a cache folder (the Cache Directory Tagging convention, which backup
/// tools honour), followed by our own line.
const TAG_NAME: &str = "CACHEDIR.TAG";
const TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This folder is the build cache of prongsai. It can be deleted at any time.\n";
/// The first bytes of every entry.
const MAGIC: &[u8; 16] = b"prongsai-cache1\n";

/// An open cache folder. Entries are read at once; new ones wait in memory until
/// [`Store::commit`], which a build calls once its output is in place, so the cache only ever
/// holds what good builds made, and a build that fails creates no folder.
pub struct Store {
    dir: PathBuf,
    /// Identifies the program: an entry another build of prongsai wrote is not used.
    program: u128,
    pending: std::sync::Mutex<Pending>,
    /// Numbers the files of entries written ahead ([`SPILL`]).
    files: std::sync::atomic::AtomicU64,
}

/// Entries of at least this many bytes are written to a file of their own when they are put,
/// and renamed into place at [`Store::commit`]: the build does not hold them in memory while
/// it goes on (at 50,000 pages the search's entries are 360 MB).
const SPILL: usize = 1 << 20;

/// A file an entry was being written to, untouched this long, belongs to no running build.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

#[derive(Default)]
struct Pending {
    entries: Vec<(String, Held)>,
    /// Prefixes of entry names, and the names of them to keep: the others are removed.
    retain: Vec<(String, Vec<String>)>,
    /// The folder was made for an entry written ahead and nothing is committed yet: dropped
    /// without a commit, the store removes it again.
    made_dir: bool,
}

/// An entry waiting for [`Store::commit`].
enum Held {
    /// Its header and payload (in parts).
    Memory(Vec<u8>, Vec<Vec<u8>>),
    /// Written ahead to this file, beside where it goes.
    File(PathBuf),
    /// Being written ahead on a thread of its own ([`Store::put_behind`]): the file,
    /// once written.
    Writing(std::thread::JoinHandle<Option<PathBuf>>),
}

impl Store {
    /// The cache beside `out` (the output folder), made if missing. `None` when it cannot be
    /// made or a folder of that name is not ours.
    pub fn beside(out: &Path) -> Option<Self> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Self::open(parent.join(DIR))
    }

    /// The cache in `dir` (made at the first [`Store::commit`] if missing); `None` when
    /// something of that name is there that is not ours.
    pub fn open(dir: PathBuf) -> Option<Self> {
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => {
                if std::fs::read_to_string(dir.join(TAG_NAME)).ok()? != TAG {
                    return None;
                }
            }
            Ok(_) => return None,
            Err(_) => {}
        }
        Some(Self {
            dir,
            program: program_id(),
            pending: Default::default(),
            files: Default::default(),
        })
    }

    /// The entry `name`, if it was made by this program from `key` and is whole.
    pub fn get(&self, name: &str, key: u128) -> Option<Vec<u8>> {
        use std::io::Read;
        let mut file = std::fs::File::open(self.dir.join(name)).ok()?;
        // The header first: an entry another program or other inputs made is not read on, and
        // the payload is read where it stays (not moved down over the header afterwards).
        let mut header = [0u8; MAGIC.len() + 16 * 3];
        file.read_exact(&mut header).ok()?;
        let field = |i: usize| {
            let at = MAGIC.len() + 16 * i;
            u128::from_le_bytes(header[at..at + 16].try_into().unwrap_or_default())
        };
        if &header[..MAGIC.len()] != MAGIC || field(0) != self.program || field(1) != key {
            return None;
        }
        let size = file
            .metadata()
            .ok()?
            .len()
            .checked_sub(header.len() as u64)?;
        let mut bytes = Vec::with_capacity(usize::try_from(size).ok()?);
        file.read_to_end(&mut bytes).ok()?;
        (field(2) == xxh3_128(&bytes)).then_some(bytes)
    }

    /// Keeps `payload` as the entry `name`, made from `key`, for [`Store::commit`].
    pub fn put(&self, name: &str, key: u128, payload: &[u8]) {
        self.put_owned(name, key, payload.to_vec());
    }

    /// [`Store::put`] without a copy of `payload`.
    pub fn put_owned(&self, name: &str, key: u128, payload: Vec<u8>) {
        self.put_parts(name, key, vec![payload]);
    }

    /// [`Store::put`] of the payload that is `parts` one after the other, never put together
    /// in memory (a large entry made in pieces on several cores, or borrowed from what the
    /// build goes on to use: a large entry is written out at once, a small one copied).
    pub fn put_parts<P: AsRef<[u8]>>(&self, name: &str, key: u128, parts: Vec<P>) {
        let size: usize = parts.iter().map(|p| p.as_ref().len()).sum();
        if size >= SPILL
            && let Some(file) = self.write_ahead(name, key, &parts)
        {
            return self.hold(name, Held::File(file));
        }
        let mut hash = Xxh3::new();
        for p in &parts {
            hash.update(p.as_ref());
        }
        let header = self.header(key, hash.digest128());
        let parts = parts.iter().map(|p| p.as_ref().to_vec()).collect();
        self.hold(name, Held::Memory(header, parts));
    }

    /// Puts the entry `name`, made from `key`, whose payload `write` gives to a [`Sink`] part
    /// after part, on a thread of its own: the build goes on meanwhile, and
    /// [`Store::commit`] waits for the file. For an entry the build no longer needs once it is
    /// put (the words kept for the next build, made while the pages are rendered and
    /// written). Not written (no error), the entry is not put.
    pub fn put_behind<F>(&self, name: &str, key: u128, write: F)
    where
        F: FnOnce(&mut Sink) + Send + 'static,
    {
        let Some(mut sink) = self
            .ahead_path(name)
            .and_then(|file| Sink::create(&file, self.program))
        else {
            return;
        };
        let writing = std::thread::Builder::new()
            .name("cache".into())
            .spawn(move || {
                write(&mut sink);
                sink.finish(key)
            });
        // No thread to be had, the entry is not put (the next build does the work again).
        if let Ok(handle) = writing {
            self.hold(name, Held::Writing(handle));
        }
    }

    /// The header of an entry: the magic, the program, the key and the payload's hash.
    fn header(&self, key: u128, hash: u128) -> Vec<u8> {
        header(self.program, key, hash)
    }

    /// Keeps `held` as the entry `name` until [`Store::commit`].
    fn hold(&self, name: &str, held: Held) {
        if let Ok(mut p) = self.pending.lock() {
            // An entry put again replaces the one put before (one a name).
            if let Some(at) = p.entries.iter().position(|(n, _)| n == name) {
                p.entries.remove(at).1.discard();
            }
            p.entries.push((name.to_owned(), held));
        }
    }

    /// Writes entry `name` to a file of its own beside where it goes, each part as it comes,
    /// hashed on the way: the header, which holds the hash, is written last over a blank one.
    /// `None` when it cannot (nothing is left behind).
    fn write_ahead<P: AsRef<[u8]>>(
        &self,
        name: &str,
        key: u128,
        parts: impl IntoIterator<Item = P>,
    ) -> Option<PathBuf> {
        write_ahead(&self.ahead_path(name)?, self.program, key, parts)
    }

    /// A new file for entry `name` to be written ahead to, beside where it goes (the folder
    /// made if needed); `None` when the folder cannot be made.
    fn ahead_path(&self, name: &str) -> Option<PathBuf> {
        if !self.dir.is_dir() {
            self.make_dir().ok()?;
            if let Ok(mut p) = self.pending.lock() {
                p.made_dir = true;
            }
        }
        let n = self
            .files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(
            self.dir
                .join(format!("{name}.tmp-{}-{n}", std::process::id())),
        )
    }

    /// Makes the cache's folder, with its tag.
    fn make_dir(&self) -> io::Result<()> {
        std::fs::create_dir(&self.dir)?;
        std::fs::write(self.dir.join(TAG_NAME), TAG)
    }

    /// At [`Store::commit`], removes the entries whose names start with `prefix` other than
    /// those in `keep`.
    pub fn retain(&self, prefix: &str, keep: Vec<String>) {
        if let Ok(mut p) = self.pending.lock() {
            p.retain.push((prefix.to_owned(), keep));
        }
    }

    /// Writes the entries kept since the last commit (making the folder if needed). A cache
    /// that cannot be written is no error: the next build does the work again.
    pub fn commit(&self) {
        let Ok(mut p) = self.pending.lock() else {
            return;
        };
        let pending = std::mem::take(&mut *p);
        let _ = self.try_commit(pending);
    }

    fn try_commit(&self, pending: Pending) -> io::Result<()> {
        if !self.dir.is_dir() {
            self.make_dir()?;
        }
        let mut entries = pending.entries.into_iter();
        let committed = entries.try_for_each(|(name, held)| -> io::Result<()> {
            let tmp = match held.finished() {
                Some(Held::File(file)) => file,
                Some(Held::Memory(header, payload)) => {
                    let tmp = self.dir.join(format!("{name}.tmp-{}", std::process::id()));
                    write_file(&tmp, &header, &payload)?;
                    tmp
                }
                // Not written: not put, like an entry whose writing ahead failed.
                Some(Held::Writing(_)) | None => return Ok(()),
            };
            std::fs::rename(&tmp, self.dir.join(&name)).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })
        });
        // What could not be committed leaves no file behind.
        for (_, held) in entries {
            held.discard();
        }
        committed?;
        // Entries retained no longer, and what a build that was killed had begun to write, long
        // enough ago that no build still running is writing it.
        let now = std::time::SystemTime::now();
        let stale = |e: &std::fs::DirEntry| {
            e.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE))
            })
        };
        for e in std::fs::read_dir(&self.dir)?.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let dropped = pending.retain.iter().any(|(prefix, keep)| {
                name.starts_with(prefix.as_str()) && !keep.iter().any(|k| k == name)
            });
            if dropped || (name.contains(".tmp-") && stale(&e)) {
                let _ = std::fs::remove_file(e.path());
            }
        }
        Ok(())
    }
}

/// The header of an entry: the magic, the program, the key and the payload's hash.
fn header(program: u128, key: u128, hash: u128) -> Vec<u8> {
    let mut header = Vec::with_capacity(MAGIC.len() + 48);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&program.to_le_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    header.extend_from_slice(&hash.to_le_bytes());
    header
}

/// Writes an entry of `program` made from `key` to `file`, each part as it comes, hashed on the
/// way: the header, which holds the hash, is written last over a blank one. `None` when it
/// cannot (nothing is left behind).
fn write_ahead<P: AsRef<[u8]>>(
    file: &Path,
    program: u128,
    key: u128,
    parts: impl IntoIterator<Item = P>,
) -> Option<PathBuf> {
    let mut sink = Sink::create(file, program)?;
    for p in parts {
        sink.part(p.as_ref());
    }
    sink.finish(key)
}

/// An entry's payload on its way to its file, hashed as it goes ([`Store::put_behind`]).
pub struct Sink {
    /// The file, until [`Sink::finish`] gives it back written.
    path: Option<PathBuf>,
    program: u128,
    /// `None` once a write failed.
    file: Option<io::BufWriter<std::fs::File>>,
    hash: Xxh3,
}

impl Sink {
    /// A new file at `path` with a blank header, which [`Sink::finish`] fills in.
    fn create(path: &Path, program: u128) -> Option<Self> {
        use std::io::Write;
        let mut sink = Self {
            path: Some(path.to_owned()),
            program,
            file: Some(io::BufWriter::new(std::fs::File::create(path).ok()?)),
            hash: Xxh3::new(),
        };
        let file = sink.file.as_mut()?;
        // Not written, the sink goes, and its file with it.
        file.write_all(&header(program, 0, 0)).ok()?;
        Some(sink)
    }

    /// The next part of the payload.
    pub fn part(&mut self, bytes: &[u8]) {
        use std::io::Write;
        self.hash.update(bytes);
        if let Some(f) = &mut self.file
            && f.write_all(bytes).is_err()
        {
            self.file = None;
        }
    }

    /// The file, its header written, once every part was; `None` (and no file) otherwise.
    fn finish(mut self, key: u128) -> Option<PathBuf> {
        use std::io::{Seek, Write};
        let header = header(self.program, key, self.hash.digest128());
        let written = self.file.take().is_some_and(|f| {
            f.into_inner()
                .map_err(|e| e.into_error())
                .and_then(|mut f| {
                    f.seek(io::SeekFrom::Start(0))?;
                    f.write_all(&header)
                })
                .is_ok()
        });
        // Not written, the file goes when the sink does.
        written.then(|| self.path.take()).flatten()
    }
}

impl Drop for Sink {
    /// A sink let go before it was finished (or whose writing failed) leaves no file.
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            self.file = None;
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Writes `header` and `parts` to a new file at `path`, and gives the file back written; on
/// failure, removes what was written.
fn write_file<P: AsRef<[u8]>>(
    path: &Path,
    header: &[u8],
    parts: impl IntoIterator<Item = P>,
) -> io::Result<std::fs::File> {
    let written = (|| -> io::Result<std::fs::File> {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        f.write_all(header)?;
        for part in parts {
            f.write_all(part.as_ref())?;
        }
        f.into_inner().map_err(|e| e.into_error())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(path);
    }
    written
}

impl Held {
    /// Removes the file of an entry written ahead (once written, when it is being written).
    fn discard(self) {
        if let Some(Held::File(file)) = self.finished() {
            let _ = std::fs::remove_file(file);
        }
    }

    /// The entry once written: an entry being written waited for, `None` when that failed.
    fn finished(self) -> Option<Self> {
        match self {
            Held::Writing(handle) => handle.join().ok().flatten().map(Held::File),
            held => Some(held),
        }
    }
}

impl Drop for Store {
    /// Entries written ahead and never committed (a build that failed) leave nothing behind,
    /// nor does the folder made for them.
    fn drop(&mut self) {
        let Ok(p) = self.pending.get_mut() else {
            return;
        };
        let pending = std::mem::take(p);
        for (_, held) in pending.entries {
            held.discard();
        }
        // Only when it holds its tag alone (another build may have put entries in it since).
        let only_tag = || {
            std::fs::read_dir(&self.dir).is_ok_and(|entries| {
                entries
                    .map(|e| e.map(|e| e.file_name()))
                    .collect::<io::Result<Vec<_>>>()
                    .is_ok_and(|names| names == [TAG_NAME])
            })
        };
        if pending.made_dir && only_tag() {
            let _ = std::fs::remove_file(self.dir.join(TAG_NAME));
            let _ = std::fs::remove_dir(&self.dir);
        }
    }
}

/// A hash of everything that makes an entry reusable by this program: its version and the
/// executable itself (size and modification time), so a rebuilt binary with a changed theme
/// or index layout starts afresh.
fn program_id() -> u128 {
    let mut h = Xxh3::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Ok(m) = std::env::current_exe().and_then(std::fs::metadata) {
        h.update(&m.len().to_le_bytes());
        if let Ok(t) = m.modified()
            && let Ok(d) = t.duration_since(std::time::UNIX_EPOCH)
        {
            h.update(&d.as_nanos().to_le_bytes());
        }
    }
    h.digest128()
}

/// Builds a key from the parts of what an entry is made of.
#[derive(Default)]
pub struct Key(Xxh3);

impl Key {
    pub fn new() -> Self {
        Self(Xxh3::new())
    }

    /// Adds a part; parts are length-prefixed so `("ab", "c")` and `("a", "bc")` differ.
    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(&self) -> u128 {
        self.0.digest128()
    }
}

/// The content hash the cache records for a file.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// Length-prefixed parts in one buffer, and read back: the format of entries made of several
/// pieces.
pub mod frame {
    pub fn push(out: &mut Vec<u8>, bytes: &[u8]) {
        out.extend_from_slice(&head(bytes));
        out.extend_from_slice(bytes);
    }

    /// What goes before `bytes` in a frame: their length.
    pub fn head(bytes: &[u8]) -> [u8; 8] {
        (bytes.len() as u64).to_le_bytes()
    }

    /// The parts of `bytes`, or `None` when it does not end where a part does.
    pub fn parts(mut bytes: &[u8]) -> Option<Vec<&[u8]>> {
        let mut out = Vec::new();
        while !bytes.is_empty() {
            let len = usize::try_from(u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?)).ok()?;
            let part = bytes.get(8..8 + len)?;
            out.push(part);
            bytes = &bytes[8 + len..];
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_comes_back_only_for_its_key_and_whole() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join(DIR)).unwrap();
        store.put("x", 7, b"payload");
        assert_eq!(
            store.get("x", 7),
            None,
            "not written before the build commits"
        );
        store.commit();
        assert_eq!(store.get("x", 7).as_deref(), Some(&b"payload"[..]));
        assert_eq!(store.get("x", 8), None, "another key");
        // A changed byte anywhere, or a cut-off file, is not used.
        let path = dir.path().join(DIR).join("x");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(store.get("x", 7), None, "corrupt");
        std::fs::write(&path, &bytes[..20]).unwrap();
        assert_eq!(store.get("x", 7), None, "cut short");
        bytes[last] ^= 1;
        let header = MAGIC.len() + 48;
        for cut in [header, header + 3] {
            std::fs::write(&path, &bytes[..cut]).unwrap();
            assert_eq!(store.get("x", 7), None, "cut at {cut}");
        }
        // The header names the program that wrote the entry.
        bytes[MAGIC.len()] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(store.get("x", 7), None, "another program's");
        bytes[MAGIC.len()] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(store.get("x", 7).as_deref(), Some(&b"payload"[..]));
        // An empty payload is an entry too.
        store.put("e", 7, b"");
        store.commit();
        assert_eq!(store.get("e", 7), Some(Vec::new()));
    }

    /// The files in the cache's folder, by name.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    #[test]
    fn a_large_entry_is_written_ahead_and_only_committed_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(DIR);
        let big: Vec<Vec<u8>> = vec![vec![1; SPILL / 2], vec![2; SPILL / 2 + 1]];
        {
            let store = Store::open(cache.clone()).unwrap();
            store.put_parts("big", 1, big.clone());
            store.put("small", 1, b"small");
            // Out of memory already, under a name no build reads.
            assert_eq!(names(&cache).len(), 2, "{:?}", names(&cache));
            assert_eq!(store.get("big", 1), None, "not before the commit");
            // Put again: the first file goes.
            store.put_parts("big", 1, big.clone());
            assert_eq!(names(&cache).len(), 2, "{:?}", names(&cache));
            store.commit();
            assert_eq!(store.get("big", 1), Some(big.concat()));
            assert_eq!(store.get("small", 1).as_deref(), Some(&b"small"[..]));
            assert_eq!(names(&cache), ["CACHEDIR.TAG", "big", "small"]);
        }
        assert_eq!(names(&cache), ["CACHEDIR.TAG", "big", "small"], "kept");
    }

    #[test]
    fn a_store_dropped_without_a_commit_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(DIR);
        // The folder made for the entry written ahead goes too.
        {
            let store = Store::open(cache.clone()).unwrap();
            store.put_owned("big", 1, vec![0; SPILL]);
            assert!(cache.is_dir());
        }
        assert!(!cache.exists(), "{:?}", names(&cache));
        {
            let store = Store::open(cache.clone()).unwrap();
            store.put_behind("streamed", 1, |sink| sink.part(&[1u8; 10]));
            assert!(cache.is_dir());
        }
        assert!(!cache.exists(), "{:?}", names(&cache));
        // A folder that was there stays, with what it held.
        let store = Store::open(cache.clone()).unwrap();
        store.put("old", 1, b"old");
        store.commit();
        drop(store);
        {
            let store = Store::open(cache.clone()).unwrap();
            store.put_owned("big", 1, vec![0; SPILL]);
        }
        assert_eq!(names(&cache), ["CACHEDIR.TAG", "old"]);
    }

    #[test]
    fn what_a_killed_build_began_to_write_is_removed_once_stale() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(DIR);
        let store = Store::open(cache.clone()).unwrap();
        store.put("kept", 1, b"kept");
        store.commit();
        let old = std::time::SystemTime::now() - STALE * 2;
        for (name, modified) in [
            ("search-words.tmp-4000000-0", Some(old)),
            ("search-index.tmp-4000001-3", None),
            ("notes-old.txt", Some(old)),
        ] {
            let f = std::fs::File::create(cache.join(name)).unwrap();
            if let Some(t) = modified {
                f.set_modified(t).unwrap();
            }
        }
        store.put("next", 1, b"next");
        store.commit();
        assert_eq!(
            names(&cache),
            [
                "CACHEDIR.TAG",
                "kept",
                "next",
                "notes-old.txt",
                "search-index.tmp-4000001-3"
            ],
            "only the stale entry file goes"
        );
    }

    #[test]
    fn an_entry_put_in_parts_is_the_parts_one_after_the_other() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join(DIR)).unwrap();
        let file = |n: &str| std::fs::read(dir.path().join(DIR).join(n)).unwrap();
        store.put_parts(
            "x",
            7,
            vec![b"pay".to_vec(), Vec::new(), b"lo".to_vec(), b"ad".to_vec()],
        );
        store.put("y", 7, b"payload");
        // Borrowed, small (copied) and large (written out at once).
        let text = String::from("payload");
        store.put_parts("z", 7, vec![&text.as_bytes()[..3], &text.as_bytes()[3..]]);
        let big = vec![3u8; SPILL];
        store.put_parts("w", 7, vec![&big[..5], &big[5..]]);
        drop(big);
        // Made and written on a thread of its own, a part at a time.
        store.put_behind("v", 7, |sink| {
            for part in [&b"pay"[..], b"lo", b"", b"ad"] {
                sink.part(part);
            }
        });
        store.commit();
        assert_eq!(
            file("v"),
            file("y"),
            "the same entry as the whole put at once"
        );
        assert_eq!(store.get("x", 7).as_deref(), Some(&b"payload"[..]));
        assert_eq!(store.get("z", 7).as_deref(), Some(&b"payload"[..]));
        assert_eq!(store.get("w", 7), Some(vec![3u8; SPILL]));
        assert_eq!(
            file("x"),
            file("y"),
            "the same entry as the whole put at once"
        );
    }

    #[test]
    fn an_entry_written_behind_is_there_once_committed_and_not_before() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(DIR);
        let store = Store::open(cache.clone()).unwrap();
        store.put("old", 1, b"old");
        store.commit();
        let (go, wait) = std::sync::mpsc::channel::<()>();
        store.put_behind("slow", 2, move |sink| {
            sink.part(b"first ");
            // Goes on only when the test says.
            let _ = wait.recv();
            sink.part(b"second");
        });
        assert_eq!(store.get("slow", 2), None, "not before the commit");
        assert_eq!(names(&cache).len(), 3, "written ahead: {:?}", names(&cache));
        // The commit waits for it.
        let sending = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            go.send(()).unwrap();
        });
        store.commit();
        sending.join().unwrap();
        assert_eq!(store.get("slow", 2).as_deref(), Some(&b"first second"[..]));
        assert_eq!(names(&cache), ["CACHEDIR.TAG", "old", "slow"]);
        // Put again, then replaced before the commit: the first never lands.
        store.put_behind("slow", 3, |sink| sink.part(b"third"));
        store.put("slow", 4, b"fourth");
        store.commit();
        assert_eq!(store.get("slow", 3), None);
        assert_eq!(store.get("slow", 4).as_deref(), Some(&b"fourth"[..]));
        assert_eq!(names(&cache), ["CACHEDIR.TAG", "old", "slow"]);
    }

    #[test]
    fn a_folder_of_that_name_we_did_not_make_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let foreign = dir.path().join(DIR);
        std::fs::create_dir(&foreign).unwrap();
        std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
        assert!(Store::open(foreign.clone()).is_none());
        let names: Vec<_> = std::fs::read_dir(&foreign).unwrap().collect();
        assert_eq!(names.len(), 1, "nothing added");
    }

    #[test]
    fn frames_read_back_and_refuse_a_cut() {
        let mut buf = Vec::new();
        frame::push(&mut buf, b"ab");
        frame::push(&mut buf, b"");
        frame::push(&mut buf, b"cde");
        assert_eq!(
            frame::parts(&buf).unwrap(),
            vec![&b"ab"[..], &b""[..], &b"cde"[..]]
        );
        assert!(frame::parts(&buf[..buf.len() - 1]).is_none());
    }
}
