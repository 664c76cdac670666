//! Rebuild when the embedded files change: the built-in theme, the example site (used by
//! `prongsai init`) and the ITA catalogs are compiled into the binary.

fn main() {
    for dir in ["themes/default", "content", "src/compliance/catalogs"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
