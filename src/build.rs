//! The pipeline (load → check → render) and the one place that writes the output folder.
//!
//! A build renders into a staging folder beside the output (`.public.prongsai`): each
//! document's page is written there as it is rendered (`stream`), the rest once everything is
//! rendered; only then is it swapped in with one atomic exchange. On any
//! error the previous output is left exactly as it was; a reader of the live site never sees a
//! half-written folder. After the swap the staging folder holds the previous output, so the next
//! build writes only the files that differ from it. Both folders carry a manifest of the files
//! prongsai wrote, and nothing else in them is ever replaced, moved or deleted (`owned`).

use std::path::Path;

use crate::cache::Store;
use crate::diagnostic::Diagnostics;
use crate::output::{Outputs, PageSink};
use std::sync::Arc;

use crate::render::cache::{Previous, RenderCache};
use crate::site::{LoadCache, LoadOptions, Site};

/// Loads and checks: the site when it has no errors, and every finding.
pub fn load_and_check(root: &Path, options: &LoadOptions) -> (Option<Site>, Diagnostics) {
    load_and_check_cached(root, options, None, None)
}

/// The cache entry of the files the text-only checks found clean ([`crate::check::Clean`]).
const CLEAN_ENTRY: &str = "clean-sources";

fn load_and_check_cached(
    root: &Path,
    options: &LoadOptions,
    loads: Option<&LoadCache>,
    store: Option<&Store>,
) -> (Option<Site>, Diagnostics) {
    let (site, mut diags) =
        crate::timing::phase("load", || Site::load_cached(root, options, loads));
    let Some(site) = site.filter(|_| !diags.has_errors()) else {
        diags.sort();
        return (None, diags);
    };
    let known = store
        .and_then(|s| s.get(CLEAN_ENTRY, 0))
        .and_then(|b| crate::check::Clean::decode(&b))
        .unwrap_or_default();
    let (found, clean) = crate::timing::phase("check", || crate::check::check_known(&site, &known));
    diags.extend(found.0);
    if let Some(s) = store {
        s.put(CLEAN_ENTRY, 0, &clean.encode());
    }
    diags.sort();
    if diags.has_errors() {
        (None, diags)
    } else {
        (Some(site), diags)
    }
}

/// The site as far as its files parse, even when some have errors (`None` when it cannot be
/// put together at all: `site.yaml` or the theme): what the compliance report of `check`
/// judges when other files have errors.
pub fn load_partial(root: &Path, options: &LoadOptions) -> Option<Site> {
    Site::load(root, options).0
}

/// Load, check and render: the outputs of a good build, or why there are none.
pub fn build(root: &Path, options: &LoadOptions) -> (Option<(Site, Outputs)>, Diagnostics) {
    build_cached(
        root,
        options,
        None,
        None,
        Search::BuildLettingGo,
        Destination::default(),
    )
}

/// The output folder a build will update, as far as rendering goes.
#[derive(Default)]
pub struct Destination<'a> {
    /// What earlier runs left in the build cache.
    pub store: Option<&'a Store>,
    /// The pages the folder already holds, which are not rendered again.
    pub previous: Option<Arc<dyn Previous>>,
    /// Where each document's page goes as soon as it is rendered ([`Stream`]).
    pub sink: Option<&'a dyn PageSink>,
}

/// [`build`] into the folder `to`, reusing what it and the build cache hold.
pub fn build_stored(
    root: &Path,
    options: &LoadOptions,
    to: Destination,
) -> (Option<(Site, Outputs)>, Diagnostics) {
    build_cached(root, options, None, None, Search::BuildLettingGo, to)
}

/// The cache entry of the site links of each document's text, by [`crate::render::Renderer::links_key`].
const LINKS_ENTRY: &str = "page-links";

fn encode_links(all: &[(u64, Arc<[String]>)]) -> Vec<u8> {
    let mut buf = Vec::new();
    for (key, links) in all {
        crate::cache::frame::push(&mut buf, &key.to_le_bytes());
        crate::cache::frame::push(
            &mut buf,
            serde_json::to_string(&**links)
                .unwrap_or_default()
                .as_bytes(),
        );
    }
    buf
}

fn decode_links(bytes: &[u8]) -> Option<Vec<(u64, Arc<[String]>)>> {
    let parts = crate::cache::frame::parts(bytes)?;
    parts
        .chunks(2)
        .map(|pair| {
            let [key, links] = pair else { return None };
            let key = u64::from_le_bytes((*key).try_into().ok()?);
            let links: Vec<String> = serde_json::from_slice(links).ok()?;
            Some((key, links.into()))
        })
        .collect()
}

/// [`build`] reusing what earlier builds parsed and rendered (the dev server), with the search
/// index as `search` says; into `to`, as [`build_stored`].
pub fn build_cached(
    root: &Path,
    options: &LoadOptions,
    loads: Option<&LoadCache>,
    renders: Option<Arc<RenderCache>>,
    search: Search,
    to: Destination,
) -> (Option<(Site, Outputs)>, Diagnostics) {
    let store = to.store;
    let (site, mut diags) = load_and_check_cached(root, options, loads, store);
    let Some(site) = site else {
        return (None, diags);
    };
    // Without a cache from earlier builds, one for this build alone: the link check reuses
    // what page rendering found.
    let renders = renders.unwrap_or_default();
    // The links of documents whose pages are kept, as the run that rendered them found them.
    if let Some(links) = store.and_then(|s| s.get(LINKS_ENTRY, 0)) {
        renders.seed_links(decode_links(&links).unwrap_or_default());
    }
    match render_site(&site, Some(Arc::clone(&renders)), search, to) {
        Ok(outputs) => {
            if let Some(s) = store {
                s.put(LINKS_ENTRY, 0, &encode_links(&renders.all_links()));
            }
            (Some((site, outputs)), diags)
        }
        Err(more) => {
            diags.extend(more);
            diags.sort();
            (None, diags)
        }
    }
}

mod owned;
mod produce;
mod record;
mod stream;
mod write;

pub use owned::MANIFEST;
pub use produce::{Search, render_search, render_site};
pub use stream::Stream;
pub use write::{WriteStats, write};
