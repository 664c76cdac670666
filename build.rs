//! Rebuild when the embedded files change: the built-in theme, the example site (used by
//! `prongsai init`) and the ITA catalogs are compiled into the binary. ICU4X's Thai word list
//! is laid out here, once, as the double array the search cuts text with
//! (`src/search/dict.rs`), rather than each time prongsai runs.

use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/search/trie.rs"]
mod trie;

#[path = "src/search/dict/icu_words.rs"]
mod icu_words;

fn main() {
    for dir in ["themes/default", "content", "src/compliance/catalogs"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    for file in ["src/search/trie.rs", "src/search/dict/icu_words.rs"] {
        println!("cargo:rerun-if-changed={file}");
    }
    // The words one a line behind their length, then the array; nothing when ICU4X's data is
    // not in a form this reads (the search then cuts with ICU4X's own segmenter).
    let bytes = icu_words::thai_words()
        .map(|words| {
            let text = words.join("\n");
            let mut out = u32::try_from(text.len())
                .expect("a word list under 4 GB")
                .to_le_bytes()
                .to_vec();
            out.extend_from_slice(text.as_bytes());
            out.extend(trie::Trie::of_words(&words).to_bytes());
            out
        })
        .unwrap_or_default();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("thai-dict.bin"), bytes).expect("OUT_DIR is writable");
}
