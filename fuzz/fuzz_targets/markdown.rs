//! Markdown to HTML under each raw-HTML policy: never a panic, and with the default policy
//! never a script or an event handler in the output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::render::Urls;
use prongsai::render::markdown::{to_html, unsafe_tag};
use prongsai::site::config::RawHtml;

fuzz_target!(|text: &str| {
    let urls = Urls::new("https://www.example.go.th/sub/", "/sub/");
    let (html, _) = to_html(text, &urls);
    // Attributes read as a browser reads them: text may say "onerror=" as long as it is text,
    // and a quoted value may hold anything.
    if let Some(tag) = unsafe_tag(&html) {
        panic!("<{tag}> survived in {html}");
    }
    let _ = to_html(text, &urls.clone().with_raw_html(RawHtml::Escape));
    let _ = to_html(text, &urls.with_raw_html(RawHtml::Trust));
});
