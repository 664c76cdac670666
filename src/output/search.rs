//! `/search/`: the search page and its index (see [`crate::search`]).

use serde::Serialize;

use crate::cache::{Key, Store, frame};
use crate::ctx;
use crate::diagnostic::Diagnostics;
use crate::output::page::PageMeta;
use crate::output::{Body, Outputs};
use crate::render::Renderer;
use crate::search::index::{self, Input, Record};
use crate::search::records;
use crate::site::Site;
use crate::site::routes;

/// The cache entry of the last index built.
const CACHE_ENTRY: &str = "search-index";
/// The cache entry of what the page needs of the last index, and the names of its files: a
/// build whose output folder still holds those files as the index made them reads no more.
const SUMMARY_ENTRY: &str = "search-summary";
/// The cache entry of what the last index build kept of each document's words
/// ([`index::Memo`], which carries the settings it was made with).
const MEMO_ENTRY: &str = "search-words";
const MEMO_KEY: u128 = 1;
/// The cache entry of the hashes and starts of the documents' texts the last index was built
/// from, by their sources ([`records::Texts`]).
const TEXTS_ENTRY: &str = "search-texts";
const TEXTS_KEY: u128 = 1;

/// What the page needs of a built index, and its files.
struct Summary {
    files: Vec<(String, Body)>,
    types_count: Vec<usize>,
    years: Vec<i32>,
}

/// Everything the index is made from (the program's own version is the store's business):
/// `input`'s settings, the records as [`records::Pending`] has them, and the hashes of the
/// sources of the documents whose texts are pending ([`records::Pending::source_hashes`]).
fn input_key(input: &Input, records: &[Record], sources: &[u128]) -> u128 {
    let mut k = Key::new();
    for (key, label) in &input.types {
        k.part(key.as_bytes()).part(label.as_bytes());
    }
    k.part(b"documents");
    for s in sources {
        k.part(&s.to_le_bytes());
    }
    k.part(b"records");
    for r in records {
        k.part(&r.kind.to_le_bytes())
            .part(r.title.as_bytes())
            .part(r.url.as_bytes())
            .part(r.date.map(|d| d.to_string()).unwrap_or_default().as_bytes())
            .part(r.date_text.as_bytes())
            .part(&r.fiscal_year.unwrap_or(0).to_le_bytes())
            .part(r.text.as_bytes());
    }
    k.part(b"words");
    for w in &input.words {
        k.part(w.as_bytes());
    }
    for group in &input.synonyms {
        k.part(b"group");
        for w in group {
            k.part(w.as_bytes());
        }
    }
    k.part(format!("{:?}", input.numerals).as_bytes());
    k.finish()
}

/// The cache entry of an index: its figures, then each file's path and content, each behind
/// its length ([`frame`]), given to `part` one after the other (the files are not copied).
fn encode(
    types_count: &[usize],
    years: &[i32],
    files: &[(String, impl AsRef<[u8]>)],
    mut part: impl FnMut(&[u8]),
) {
    let mut head = Vec::new();
    let figures = serde_json::json!([types_count, years]).to_string();
    frame::push(&mut head, figures.as_bytes());
    part(&head);
    for (path, text) in files {
        for bytes in [path.as_bytes(), text.as_ref()] {
            part(&frame::head(bytes));
            part(bytes);
        }
    }
}

/// The summary entry: the page's figures, then the files' names.
fn encode_summary(s: &Summary) -> Vec<u8> {
    let names: Vec<&str> = s.files.iter().map(|(p, _)| p.as_str()).collect();
    serde_json::json!([s.types_count, s.years, names])
        .to_string()
        .into_bytes()
}

/// What [`encode_summary`] wrote: figures, and names of files whose content is elsewhere.
fn decode_summary(bytes: &[u8]) -> Option<(Vec<usize>, Vec<i32>, Vec<String>)> {
    serde_json::from_slice(bytes).ok()
}

fn decode(bytes: &[u8]) -> Option<Summary> {
    let parts = frame::parts(bytes)?;
    let (head, files) = parts.split_first()?;
    let (types_count, years): (Vec<usize>, Vec<i32>) = serde_json::from_slice(head).ok()?;
    if files.len() % 2 != 0 {
        return None;
    }
    let files = files
        .chunks(2)
        .map(|pair| {
            Some((
                String::from_utf8(pair[0].to_vec()).ok()?,
                Body::Bytes(pair[1].to_vec()),
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Summary {
        files,
        types_count,
        years,
    })
}

#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

/// The search page and its index; the index comes from `store` when it was built from the same
/// records before. With `let_go`, each document's source is let go once the index has read its
/// text, if its page's links are known ([`records::Pending::let_go_read`]): the index's working
/// memory then takes the place of the sources (a build whose pages are made already).
pub fn render(
    site: &Site,
    r: &Renderer,
    out: &mut Outputs,
    diags: &mut Diagnostics,
    store: Option<&Store>,
    let_go: bool,
) {
    // Documents' texts are read out of their Markdown only when the index is built.
    let (types, mut pending) = crate::timing::phase("search: records", || records::pending(site));
    let settings = &site.config.search;
    let mut input = Input {
        types: types.clone(),
        records: Vec::new(),
        words: settings.words.clone(),
        synonyms: settings.synonyms.clone(),
        numerals: site.config.numerals,
    };
    let key = crate::timing::phase("search: cache key", || {
        input_key(&input, &pending.records, pending.source_hashes())
    });
    // The render key the index's files are recorded with in the output folder.
    let file_key = (key as u64).max(1);
    // The output folder already holds the files of this index: nothing to read or write.
    let kept = r.previous.as_ref().zip(store).and_then(|(previous, s)| {
        let (types_count, years, names) = decode_summary(&s.get(SUMMARY_ENTRY, key)?)?;
        names
            .iter()
            .all(|n| previous.holds(&routes::search_file(n), file_key))
            .then_some((types_count, years, names))
    });
    if let Some((types_count, years, names)) = kept {
        for n in &names {
            out.add_keyed(
                routes::search_file(n),
                crate::output::Body::Kept(file_key),
                file_key,
            );
        }
        return page(site, r, out, diags, &types, &types_count, years);
    }
    let cached = store
        .and_then(|s| s.get(CACHE_ENTRY, key))
        .and_then(|b| decode(&b));
    let built = match cached {
        Some(built) => built,
        None => {
            let kept_texts = crate::timing::phase("search: texts kept, read", || {
                store.map(|s| {
                    s.get(TEXTS_ENTRY, TEXTS_KEY)
                        .and_then(|b| records::Texts::decode(&b))
                        .unwrap_or_default()
                })
            });
            let (texts, keep_texts) =
                crate::timing::phase("search: document texts", || pending.finish_with(kept_texts));
            input.records = texts;
            if let_go {
                let root: std::sync::Arc<std::path::Path> = site.root.as_path().into();
                // The link check takes a page's links from the render cache; those of a page
                // made in this build or kept from the output are there.
                let links_known = |doc: &crate::site::Document| {
                    r.cache
                        .as_ref()
                        .is_some_and(|c| c.links(r.links_key(doc.fingerprint)).is_some())
                };
                crate::timing::phase("search: sources let go", || {
                    pending.let_go_read(&root, links_known);
                });
            }
            if let (Some(s), Some(parts)) = (store, keep_texts) {
                s.put_behind(TEXTS_ENTRY, TEXTS_KEY, move |sink| {
                    for part in &parts {
                        sink.part(part);
                    }
                });
            }
            let read = |at: usize| pending.whole_text(at);
            let memo = crate::timing::phase("search: words kept, read", || {
                store.and_then(|s| s.get(MEMO_ENTRY, MEMO_KEY))
            });
            let memo = crate::timing::phase("search: words kept, decoded", || {
                memo.and_then(|b| index::Memo::decode(&b))
            });
            let (built, memo) = index::build_reusing(input, memo, &read);
            let index::Built {
                files,
                types_count,
                years,
                ..
            } = built;
            let files = match store {
                None => files
                    .into_iter()
                    .map(|(path, text)| (path, Body::Bytes(text.into_bytes())))
                    .collect(),
                // The cache entries are written while the build goes on; the index's files
                // are shared with the output, not copied.
                Some(s) => {
                    s.put_behind(MEMO_ENTRY, MEMO_KEY, move |sink| {
                        memo.made().write_to(&mut |part| sink.part(part));
                    });
                    let files: Vec<(String, std::sync::Arc<[u8]>)> =
                        crate::timing::phase("search: files shared", || {
                            files
                                .into_iter()
                                .map(|(path, text)| (path, text.into_bytes().into()))
                                .collect()
                        });
                    let (counts, kept_years, shared) =
                        (types_count.clone(), years.clone(), files.clone());
                    s.put_behind(CACHE_ENTRY, key, move |sink| {
                        encode(&counts, &kept_years, &shared, |p| sink.part(p))
                    });
                    files
                        .into_iter()
                        .map(|(path, bytes)| (path, Body::Shared(bytes)))
                        .collect()
                }
            };
            Summary {
                files,
                types_count,
                years,
            }
        }
    };
    if let Some(s) = store {
        s.put(SUMMARY_ENTRY, key, &encode_summary(&built));
    }
    for (path, body) in built.files {
        out.add_keyed(routes::search_file(&path), body, file_key);
    }
    page(site, r, out, diags, &types, &built.types_count, built.years);
}

/// The search page, with the filters the index's documents call for.
fn page(
    site: &Site,
    r: &Renderer,
    out: &mut Outputs,
    diags: &mut Diagnostics,
    types: &[(String, String)],
    types_count: &[usize],
    years: Vec<i32>,
) {
    let type_choices: Vec<Choice> = types
        .iter()
        .zip(types_count)
        .filter(|(_, n)| **n > 0)
        .map(|((k, l), _)| Choice {
            value: k.clone(),
            label: l.clone(),
        })
        .collect();
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
