//! What earlier renders produced, for the dev server's rebuilds: a document page is rendered
//! again only when its file, the site-wide inputs of its template, or the theme changed. Entries
//! not used by a build are dropped after it, so the cache holds one site's worth.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// The pages an earlier build left in the folder this build will update: a page whose render
/// key is the one recorded for its file, and whose file is as that build left it, need not be
/// rendered again.
pub trait Previous: Send + Sync {
    /// Whether the folder holds the page `rel` (`announcements/x/index.html`) as rendered with
    /// `key`.
    fn holds(&self, rel: &str, key: u64) -> bool;
}

#[derive(Default)]
pub struct RenderCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    generation: u64,
    pages: HashMap<u64, (u64, Arc<[u8]>)>,
    links: HashMap<u64, (u64, Arc<[String]>)>,
    bundles: HashMap<u64, (u64, Bundle)>,
}

/// Several output files produced together: (path, bytes).
pub type Bundle = Arc<Vec<(String, Arc<[u8]>)>>;

impl RenderCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a build: entries it does not use are dropped by [`RenderCache::finish`].
    pub fn start(&self) {
        self.lock().generation += 1;
    }

    pub fn finish(&self) {
        let mut inner = self.lock();
        let g = inner.generation;
        inner.pages.retain(|_, (used, _)| *used == g);
        inner.links.retain(|_, (used, _)| *used == g);
        inner.bundles.retain(|_, (used, _)| *used == g);
    }

    pub fn bundle(&self, key: u64) -> Option<Bundle> {
        let mut inner = self.lock();
        let g = inner.generation;
        inner.bundles.get_mut(&key).map(|(used, v)| {
            *used = g;
            Arc::clone(v)
        })
    }

    pub fn put_bundle(&self, key: u64, files: Bundle) {
        let mut inner = self.lock();
        let g = inner.generation;
        inner.bundles.insert(key, (g, files));
    }

    pub fn page(&self, key: u64) -> Option<Arc<[u8]>> {
        let mut inner = self.lock();
        let g = inner.generation;
        inner.pages.get_mut(&key).map(|(used, v)| {
            *used = g;
            Arc::clone(v)
        })
    }

    pub fn put_page(&self, key: u64, html: Arc<[u8]>) {
        let mut inner = self.lock();
        let g = inner.generation;
        inner.pages.insert(key, (g, html));
    }

    pub fn links(&self, key: u64) -> Option<Arc<[String]>> {
        let mut inner = self.lock();
        let g = inner.generation;
        inner.links.get_mut(&key).map(|(used, v)| {
            *used = g;
            Arc::clone(v)
        })
    }

    pub fn put_links(&self, key: u64, links: Arc<[String]>) {
        let mut inner = self.lock();
        let g = inner.generation;
        inner.links.insert(key, (g, links));
    }

    /// Links of documents found by an earlier run, before [`RenderCache::start`]: those the
    /// build does not use are dropped by [`RenderCache::finish`].
    pub fn seed_links(&self, entries: impl IntoIterator<Item = (u64, Arc<[String]>)>) {
        let mut inner = self.lock();
        let g = inner.generation;
        inner
            .links
            .extend(entries.into_iter().map(|(k, v)| (k, (g, v))));
    }

    /// The links held, by key.
    pub fn all_links(&self) -> Vec<(u64, Arc<[String]>)> {
        let inner = self.lock();
        let mut all: Vec<(u64, Arc<[String]>)> = inner
            .links
            .iter()
            .map(|(k, (_, v))| (*k, Arc::clone(v)))
            .collect();
        all.sort_by_key(|(k, _)| *k);
        all
    }
}
