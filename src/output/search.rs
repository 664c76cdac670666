//! `/search/`: the search page and its index (see [`crate::search`]).

use serde::Serialize;

use crate::ctx;
use crate::diagnostic::Diagnostics;
use crate::output::Outputs;
use crate::output::page::PageMeta;
use crate::render::Renderer;
use crate::search::index::{self, Input};
use crate::search::records;
use crate::site::Site;
use crate::site::routes;

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

pub fn render(site: &Site, r: &Renderer, out: &mut Outputs, diags: &mut Diagnostics) {
    let (types, records) = crate::timing::phase("search: records", || records::records(site));
    let settings = &site.config.search;
    let built = index::build(Input {
        types: types.clone(),
        records,
        words: settings.words.clone(),
        synonyms: settings.synonyms.clone(),
        numerals: site.config.numerals,
    });
    for (path, text) in built.files {
        out.add_text(routes::search_file(&path), text);
    }
    let type_choices: Vec<Choice> = types
        .iter()
        .zip(&built.types_count)
        .filter(|(_, n)| **n > 0)
        .map(|((k, l), _)| Choice {
            value: k.clone(),
            label: l.clone(),
        })
        .collect();
    let years: Vec<i32> = built.years;
    let procurement = !crate::site::projects::fiscal_years(site).is_empty();
    let html = r.render(
        "search.html",
        ctx! {
            page => PageMeta::new("ค้นหา", routes::search(), &r.urls),
            types => type_choices,
            years => years,
            index_url => r.urls.path(routes::search()),
            section9_url => r.urls.path(routes::section9()),
            procurement_url => procurement.then(|| r.urls.path(routes::procurement())),
        },
    );
    match html {
        Ok(html) => out.add_page(routes::search(), html),
        Err(d) => diags.push(d),
    }
}
