//! prongsai builds the transparency-disclosure website of a Thai local government from plain
//! files: YAML records and Markdown announcements in, a static site and open data out.
//!
//! The pipeline runs one way: [`site`] loads content into a typed model, [`check`] validates it,
//! [`render`] (with the modules of [`output`]) turns it into files in memory, and [`build`]
//! writes them. [`cli`] parses the command line and [`cmd`] holds one module per command.

// A `Diagnostic` carries both languages, the help and the offending line: large on purpose, and
// returned only on the error path.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod cache;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod compliance;
pub mod deploy;
pub mod diagnostic;
pub mod example;
pub mod hash;
pub mod import;
pub mod output;
pub mod progress;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod thai;
pub mod timing;
