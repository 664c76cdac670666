//! Full-text search that works for Thai on a static host, with no outside service.
//!
//! At build time [`records`] lists what a resident can find, [`vocab`] learns the site's words
//! with ICU4X's Thai word segmenter, [`words`] gives each document its words (keeping them
//! between builds), [`lists`] makes each term's list of documents (merging the last build's
//! when few documents changed; [`letters`] tells which unchanged documents may hold a word
//! whose cost changed), and [`index`] writes a sharded index under `search/`; while it is
//! built, runs of Thai letters are held a byte a letter ([`run`]). In
//! the browser, `themes/default/static/search.js` runs the algorithm of [`query`] over the
//! shards a query needs. [`text`] and [`codec`] hold what both sides must do identically; the
//! tests run the Rust and the JavaScript side on the same queries and compare.

mod bytes;
pub mod codec;
pub mod dict;
pub mod index;
pub mod letters;
pub mod lists;
pub mod query;
pub mod records;
pub mod run;
pub mod text;
mod trie;
pub mod vocab;
pub mod words;
