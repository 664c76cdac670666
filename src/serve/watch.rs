//! Watching the site's sources with notify and a debouncer: editors' atomic saves, deletes,
//! renames, new folders and bulk copies arrive as batches; editor leftovers (`.swp`, `~`,
//! `#...#`, `.tmp`, hidden files) are ignored.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::site::is_ignored;

/// How long the file system must be quiet before a batch is handed over.
pub const DEBOUNCE: Duration = Duration::from_millis(10);

/// A batch of changes that calls for a rebuild.
#[derive(Debug, Default)]
pub struct Change {
    pub paths: Vec<PathBuf>,
    /// Every changed file is a stylesheet.
    pub css_only: bool,
}

impl Change {
    pub fn merge(&mut self, other: Change) {
        self.css_only &= other.css_only;
        self.paths.extend(other.paths);
    }
}

/// Whether a changed path matters to the site.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let top_ok = matches!(parts.next().as_deref(), Some("content" | "themes"));
    top_ok
        && !rel
            .components()
            .any(|c| is_ignored(&c.as_os_str().to_string_lossy()))
}

/// Starts watching `root/content` and `root/themes` (also when `themes/` appears later).
pub fn watch(root: &Path) -> notify_debouncer_full::notify::Result<Receiver<Change>> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = channel();
    let filter_root = root.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let paths: Vec<PathBuf> = events
            .iter()
            .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
            .flat_map(|e| e.event.paths.iter())
            .filter(|p| relevant(&filter_root, p))
            .cloned()
            .collect();
        if paths.is_empty() {
            return;
        }
        let css_only = paths
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "css"));
        let _ = tx.send(Change { paths, css_only });
    })?;
    debouncer.watch(root.join("content"), RecursiveMode::Recursive)?;
    // The root itself, not recursively: to see themes/ appear.
    debouncer.watch(&root, RecursiveMode::NonRecursive)?;
    let themes = root.join("themes");
    let mut themes_watched =
        themes.is_dir() && debouncer.watch(&themes, RecursiveMode::Recursive).is_ok();
    let debouncer = Arc::new(Mutex::new(debouncer));
    // The watcher lives as long as the server; a thread keeps it and adds themes/ when created.
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            if !themes_watched && themes.is_dir() {
                let mut d = debouncer.lock().unwrap_or_else(PoisonError::into_inner);
                themes_watched = d.watch(&themes, RecursiveMode::Recursive).is_ok();
            }
        }
    });
    Ok(rx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_editor_leftovers_and_other_folders() {
        let root = Path::new("/site");
        assert!(relevant(
            root,
            Path::new("/site/content/announcements/a.md")
        ));
        assert!(relevant(root, Path::new("/site/themes/x/static/style.css")));
        assert!(!relevant(
            root,
            Path::new("/site/content/announcements/.a.md.swp")
        ));
        assert!(!relevant(
            root,
            Path::new("/site/content/announcements/a.md~")
        ));
        assert!(!relevant(root, Path::new("/site/content/#a.md#")));
        assert!(!relevant(root, Path::new("/site/content/a.tmp")));
        assert!(!relevant(root, Path::new("/site/public/index.html")));
        assert!(!relevant(root, Path::new("/elsewhere/content/a.md")));
    }
}
