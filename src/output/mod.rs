//! What a build produces: output path → bytes. One module per kind of output adds to it; only
//! [`crate::build`] writes it to disk, and `serve` holds it in memory.

pub mod budget;
pub mod catalog;
pub mod charts;
pub mod dga;
pub mod disclosure;
pub mod feed;
pub mod links;
pub mod ocds;
pub mod opendata;
pub mod page;
pub mod pages;
pub mod people;
pub mod procurement;
pub mod search;
pub mod sections;
pub mod sitemap;
pub mod statics;
pub mod table;
pub mod xml;

use std::collections::BTreeMap;

/// A JSON file as prongsai writes every one: indented, ending with a line break.
pub fn pretty_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// The content of one output file.
#[derive(Clone, Debug)]
pub enum Body {
    Bytes(Vec<u8>),
    /// Part of the binary (the built-in theme's files).
    Static(&'static [u8]),
    /// A file copied as it is (attachments, the site's theme files), as the build saw it.
    Copy(crate::site::attachment::CopySource),
    /// Bytes shared with the dev server's render cache.
    Shared(std::sync::Arc<[u8]>),
    /// The page the folder being updated already holds, rendered from the same inputs (the
    /// key); see [`crate::render::cache::Previous`].
    Kept(u64),
    /// Written to the folder being updated as soon as it was rendered ([`PageSink`]), which
    /// keeps what it wrote.
    Written,
}

/// Where `build` puts a page as soon as it is rendered, so that a large site's pages are not
/// all held until the write.
pub trait PageSink: Sync {
    /// The pages at these output paths (`announcements/x/index.html`) are about to be
    /// rendered: make the place for them ready. Called once, before any [`PageSink::put`].
    fn prepare(&self, paths: &[String]);
    /// Takes page `path`'s bytes: [`Body::Written`] once they are in place, or the bytes
    /// back (to be written with the rest) when they could not or need not be put there yet.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Body;
}

/// The file of the page at site path `rel` (`measures/2566/`): `measures/2566/index.html`.
pub fn page_file(rel: &str) -> String {
    format!("{rel}index.html")
}

/// Every output file, by path relative to the output folder (`measures/2566/index.html`).
#[derive(Clone, Debug, Default)]
pub struct Outputs {
    pub files: BTreeMap<String, Body>,
    /// The render key of each page that has one: what its bytes were made from.
    pub keys: std::collections::HashMap<String, u64>,
}

impl Outputs {
    pub fn add(&mut self, path: impl Into<String>, body: Body) {
        self.files.insert(path.into(), body);
    }

    /// A file made from inputs of render key `key` (see [`Outputs::keys`]).
    pub fn add_keyed(&mut self, path: String, body: Body, key: u64) {
        self.keys.insert(path.clone(), key);
        self.add(path, body);
    }

    /// Takes in every file of `other` (a later one of the same path wins, as with [`Outputs::add`]).
    pub fn extend(&mut self, other: Outputs) {
        self.files.extend(other.files);
        self.keys.extend(other.keys);
    }

    pub fn add_text(&mut self, path: impl Into<String>, text: String) {
        self.add(path, Body::Bytes(text.into_bytes()));
    }

    /// The page at site path `rel` (`measures/2566/`): `rel/index.html`.
    pub fn add_page(&mut self, rel: &str, html: String) {
        self.add_text(page_file(rel), html);
    }

    /// Whether a site path (without the base path, percent-decoded) names an output: a file, or
    /// a folder with an `index.html`.
    pub fn resolves(&self, rel: &str) -> bool {
        if rel.is_empty() || rel.ends_with('/') {
            return self.files.contains_key(&page_file(rel));
        }
        self.files.contains_key(rel) || self.files.contains_key(&format!("{rel}/index.html"))
    }

    /// Paths of the HTML pages, as site paths ending in `/` (for the sitemap).
    pub fn pages(&self) -> impl Iterator<Item = &str> {
        self.files
            .keys()
            .filter_map(|k| k.strip_suffix("index.html"))
            .filter(|p| p.is_empty() || p.ends_with('/'))
    }
}
