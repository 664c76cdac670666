//! Markdown documents: the front-matter splitter, the YAML of the front matter and the
//! diagnostics that point into the file must never panic, whatever the bytes.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use prongsai::site::{Document, Source};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes(Path::new("content/announcements/a.md"), data.to_vec()) else {
        return;
    };
    if let Err(d) = Document::load(source, "announcements") {
        let _ = d.render(prongsai::diagnostic::Lang::Th);
    }
});
