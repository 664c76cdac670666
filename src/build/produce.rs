//! The outputs of a build, made in order: open data first (the pages embed its descriptions),
//! then the search index, the pages of every kind, the catalogs, the feed, the theme's files,
//! the sitemap, and last the check of every link the pages hold.

use minijinja::Value;

use super::Destination;
use crate::diagnostic::Diagnostics;
use crate::output::Outputs;
use crate::render::Renderer;
use crate::render::cache::RenderCache;
use crate::site::Site;

/// Renders the whole site, reusing pages from `cache` whose inputs did not change and keeping
/// those the folder `to` holds; without the search index when `with_search` is false (the dev
/// server builds it after serving the pages).
pub fn render_site(
    site: &Site,
    cache: Option<std::sync::Arc<RenderCache>>,
    with_search: bool,
    to: Destination,
) -> Result<Outputs, Diagnostics> {
    if let Some(c) = &cache {
        c.start();
    }
    let result = render_all(site, cache.clone(), with_search, to);
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
    crate::output::search::render(site, &renderer, &mut outputs, &mut diags, None);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(outputs)
    }
}

fn render_all(
    site: &Site,
    cache: Option<std::sync::Arc<RenderCache>>,
    with_search: bool,
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

    // The search index before the pages: its working memory is freed before theirs is held.
    if with_search {
        crate::timing::phase("search", || {
            crate::output::search::render(site, &renderer, &mut outputs, &mut diags, store);
        });
    }
    crate::timing::phase("pages", || {
        pages::render(site, &renderer, &mut outputs, &mut diags, sink)
    });
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
    crate::timing::phase("feed, statics, sitemap", || {
        feed::render(site, &renderer, &mut outputs);
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
