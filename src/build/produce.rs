//! The outputs of a build, made in order: open data first (the pages embed its descriptions),
//! then the documents' pages and the feed (all that reads the documents' texts), the search
//! index (which may let those texts go), the other pages, the catalogs, the theme's files, the
//! sitemap, and last the check of every link the pages hold.

use minijinja::Value;

use super::Destination;
use crate::diagnostic::Diagnostics;
use crate::output::Outputs;
use crate::render::Renderer;
use crate::render::cache::RenderCache;
use crate::site::Site;

/// What a build does about the search index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Search {
    /// Leaves it out: the dev server builds it after serving the pages.
    Later,
    /// Builds it, and keeps the site whole for the builds after it (the dev server's first).
    Build,
    /// Builds it and lets each document's source go once nothing more is made of it: a build
    /// whose site is only reported on after it (`build`, `check`), at a lower peak of memory.
    BuildLettingGo,
}

/// Renders the whole site, reusing pages from `cache` whose inputs did not change and keeping
/// those the folder `to` holds; the search index as `search` says.
pub fn render_site(
    site: &Site,
    cache: Option<std::sync::Arc<RenderCache>>,
    search: Search,
    to: Destination,
) -> Result<Outputs, Diagnostics> {
    if let Some(c) = &cache {
        c.start();
    }
    let result = render_all(site, cache.clone(), search, to);
    if let Some(c) = &cache {
        c.finish();
    }
    result
}

/// The search index and page alone: what [`render_site`] leaves out without search.
pub fn render_search(site: &Site) -> Result<Outputs, Diagnostics> {
    let renderer = Renderer::new(site)?;
    let mut outputs = Outputs::default();
    let mut diags = Diagnostics::default();
    crate::output::search::render(site, &renderer, &mut outputs, &mut diags, None, false);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(outputs)
    }
}

fn render_all(
    site: &Site,
    cache: Option<std::sync::Arc<RenderCache>>,
    search: Search,
    to: Destination,
) -> Result<Outputs, Diagnostics> {
    let Destination {
        store,
        previous,
        sink,
    } = to;
    use crate::output::{
        catalog, feed, links, ocds, opendata, pages, procurement, sitemap, statics,
    };
    let mut renderer = Renderer::new(site)?;
    renderer.cache = cache;
    renderer.previous = previous;
    let urls = renderer.urls.clone();
    let mut outputs = Outputs::default();
    let mut diags = Diagnostics::default();

    // Data first: the pages of the datasets embed their descriptions.
    let mut datasets = crate::timing::phase("open data: measures", || {
        opendata::publish(site, &urls, &mut outputs)
    });
    datasets.extend(crate::timing::phase("open data: procurement", || {
        procurement::publish_data(site, &urls, &mut outputs)
    }));
    datasets.extend(crate::output::budget::publish(site, &urls, &mut outputs));
    datasets.extend(crate::timing::phase("open data: datasets", || {
        catalog::publish_generic(site, &urls, &mut outputs)
    }));
    renderer.env.add_global(
        "dataset_jsonld",
        Value::from(minijinja::value::Serde(catalog::jsonld(
            site, &datasets, &urls,
        ))),
    );

    // The documents' pages (written as they are made) and the feed before the search
    // index: they are all that reads the documents' texts, which the index may then let go.
    crate::timing::phase("pages", || {
        pages::render(site, &renderer, &mut outputs, &mut diags, sink)
    });
    feed::render(site, &renderer, &mut outputs);
    if search != Search::Later {
        let let_go = search == Search::BuildLettingGo;
        crate::timing::phase("search", || {
            crate::output::search::render(site, &renderer, &mut outputs, &mut diags, store, let_go);
        });
    }
    crate::output::people::render(site, &renderer, &mut outputs, &mut diags);
    crate::output::budget::render(site, &renderer, &mut outputs, &mut diags);
    crate::timing::phase("procurement pages", || {
        procurement::render(site, &renderer, &mut outputs, &mut diags)
    });
    crate::timing::phase("catalog pages", || {
        catalog::render_pages(site, &renderer, &datasets, &mut outputs, &mut diags)
    });
    crate::timing::phase("section9 + ita", || {
        crate::output::disclosure::render(site, &renderer, &mut outputs, &mut diags)
    });
    catalog::publish_dcat(site, &datasets, &urls, &mut outputs);
    ocds::publish(site, &urls, &mut outputs);
    crate::timing::phase("statics, sitemap", || {
        statics::render(site, &mut outputs);
        sitemap::render(site, &urls, &mut outputs);
    });
    crate::timing::phase("link check", || {
        links::check(site, &renderer, &outputs, &mut diags)
    });
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(outputs)
    }
}
