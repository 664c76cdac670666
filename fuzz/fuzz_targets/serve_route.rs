//! The dev server's URL-to-file mapping: whatever the request line, the answer is an output of
//! the build, a redirect inside the site, or a refusal.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use prongsai::output::Outputs;
use prongsai::serve::Snapshot;
use prongsai::serve::http::{Route, route};

fuzz_target!(|url: &str| {
    let mut outputs = Outputs::default();
    outputs.add_text("index.html", String::new());
    outputs.add_text("a/index.html", String::new());
    outputs.add_text("files/x.pdf", String::new());
    let snapshot = Snapshot {
        generation: 1,
        outputs: Arc::new(outputs),
        base_path: "/sub/".into(),
        error: None,
        css_only: false,
        silent: false,
    };
    match route(&snapshot, url) {
        Route::File(f) => assert!(snapshot.outputs.files.contains_key(&f), "{url} -> {f}"),
        Route::Redirect(to) => assert!(to.starts_with("/sub/"), "{url} -> {to}"),
        _ => {}
    }
});
