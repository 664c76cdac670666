//! Every record loader (measures, plan, reference price, results, dataset metadata, ITA
//! catalog) on arbitrary text: an error with a location, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use prongsai::diagnostic::Lang;
use prongsai::site::Source;
use prongsai::site::measures::Measures;
use prongsai::site::procurement::{Plan, ReferencePrice, Results};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let path = match kind % 5 {
        0 => "content/measures/2566.yaml",
        1 => "content/procurement/plans/2566.yaml",
        2 => "content/procurement/reference-prices/x.yaml",
        3 => "content/procurement/results/2566-01.yaml",
        _ => "content/ita/2566.yaml",
    };
    let Ok(source) = Source::from_bytes(Path::new(path), rest.to_vec()) else { return };
    let errors: Vec<prongsai::diagnostic::Diagnostic> = match kind % 5 {
        0 => Measures::load(source).err().unwrap_or_default(),
        1 => Plan::load(source).err().into_iter().collect(),
        2 => ReferencePrice::load(source).err().into_iter().collect(),
        3 => Results::load(source).err().into_iter().collect(),
        _ => prongsai::compliance::ita::Catalog::load(&source).err().into_iter().collect(),
    };
    for d in errors {
        let _ = d.render(Lang::En);
    }
});
