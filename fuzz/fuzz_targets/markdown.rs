//! Markdown to HTML under each raw-HTML policy: never a panic, and with the default policy
//! never a script or an event handler in the output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prongsai::render::Urls;
use prongsai::render::markdown::to_html;
use prongsai::site::config::RawHtml;

fuzz_target!(|text: &str| {
    let urls = Urls::new("https://www.example.go.th/sub/", "/sub/");
    let (html, _) = to_html(text, &urls);
    // Look inside tags only: text may say "onerror=" as long as it is text.
    for tag in html.split('<').skip(1).filter_map(|t| t.split_once('>').map(|(t, _)| t)) {
        let lower = tag.to_ascii_lowercase();
        let name = lower.split_whitespace().next().unwrap_or_default();
        assert!(name != "script" && name != "style", "<{tag}> survived");
        for attr in lower.split_whitespace().skip(1) {
            assert!(!(attr.starts_with("on") && attr.contains('=')), "handler in <{tag}>");
            let url_attr = attr.starts_with("href=") || attr.starts_with("src=");
            assert!(!(url_attr && attr.contains("script:")), "script URL in <{tag}>");
        }
    }
    let _ = to_html(text, &urls.clone().with_raw_html(RawHtml::Escape));
    let _ = to_html(text, &urls.with_raw_html(RawHtml::Trust));
});
