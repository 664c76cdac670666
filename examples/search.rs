//! The search from the command line, for developers:
//!
//! ```sh
//! cargo run --release --example search -- query public "ถนน คสล" [TYPE] [FISCAL_YEAR]
//! cargo run --release --example search -- index-time SITE_ROOT
//! cargo run --release --example search -- words > thai-words.txt
//! ```
//! `query` runs a query on a built site's index the way the browser does and lists what it
//! read; `index-time` loads a site and times listing its records and building its index;
//! `words` prints ICU's Thai word list, one word a line (for `benches/vocab_site.py`).
use std::path::Path;
use std::time::Instant;

use prongsai::search::index::{self, Input};
use prongsai::search::query::{Request, open_dir};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("query") if args.len() >= 2 => query(&args[1..]),
        Some("index-time") if args.len() == 2 => index_time(Path::new(&args[1])),
        Some("words") if args.len() == 1 => words(),
        _ => {
            eprintln!(
                "usage: search query PUBLIC_DIR QUERY [TYPE] [FY] | search index-time SITE_ROOT \
                 | search words"
            );
            std::process::exit(2);
        }
    }
}

fn query(args: &[String]) {
    let mut engine = open_dir(&Path::new(&args[0]).join("search")).expect("an index");
    let request = Request {
        q: args.get(1).cloned().unwrap_or_default(),
        kind: args.get(2).filter(|s| !s.is_empty()).cloned(),
        fiscal_year: args.get(3).and_then(|s| s.parse().ok()),
    };
    let outcome = engine.search(&request);
    println!("understood: {:?}", outcome.chunks);
    if !outcome.unknown.is_empty() {
        println!("unknown: {:?}", outcome.unknown);
    }
    let ids: Vec<u32> = outcome.hits.iter().map(|h| h.0).collect();
    // The documents of the first six, as the results page loads them.
    let shown = &ids[..ids.len().min(6)];
    let docs = engine.docs(shown);
    println!("{} results (the first {} shown)", ids.len(), shown.len());
    for ((id, score), d) in outcome.hits.iter().zip(docs) {
        println!("{id:4} {score:4} [{}] {} <{}>", d.kind, d.title, d.url);
    }
    println!("files read: {}", engine.fetched.join(" "));
}

fn words() {
    use std::io::Write;
    let dict = prongsai::search::dict::thai();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for id in 0..dict.len() {
        let _ = writeln!(out, "{}", dict.word(id as u32));
    }
}

fn index_time(root: &Path) {
    let t = Instant::now();
    let (site, diags) = prongsai::build::load_and_check(root, &Default::default());
    let Some(site) = site else {
        let _ = diags;
        eprintln!("the site has errors; run `prongsai check`");
        std::process::exit(1);
    };
    println!("load and check: {:?}", t.elapsed());
    let t = Instant::now();
    let (types, records) = prongsai::search::records::records(&site);
    let n = records.len();
    println!("records ({n}): {:?}", t.elapsed());
    let t = Instant::now();
    let built = index::build(Input {
        types,
        records,
        words: site.config.search.words.clone(),
        synonyms: site.config.search.synonyms.clone(),
        numerals: site.config.numerals,
    });
    let bytes: usize = built.files.iter().map(|(_, t)| t.len()).sum();
    println!(
        "index: {:?}: {} files, {bytes} bytes, {} terms and pairs, {} words",
        t.elapsed(),
        built.files.len(),
        built.terms,
        built.words
    );
}
