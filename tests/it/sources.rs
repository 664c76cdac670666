//! `docs/sources.md` names a source for every item of every built-in ITA catalog, with the
//! title the catalog ships and its status: a title changed in one place and not the other, or
//! an unverified item the catalog calls confirmed, fails here.

use std::collections::BTreeMap;

const DIR: &str = env!("CARGO_MANIFEST_DIR");

/// `## ITA YEAR` sections of the document: item code → (title, status).
fn documented() -> BTreeMap<i32, BTreeMap<String, (String, String)>> {
    let text = std::fs::read_to_string(format!("{DIR}/docs/sources.md")).unwrap();
    let mut out: BTreeMap<i32, BTreeMap<String, (String, String)>> = BTreeMap::new();
    let mut year = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("## ITA ") {
            year = rest.split_whitespace().next().and_then(|y| y.parse().ok());
            continue;
        }
        if line.starts_with("## ") {
            year = None;
        }
        let (Some(y), Some(row)) = (year, line.strip_prefix("| o")) else {
            continue;
        };
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        out.entry(y).or_default().insert(
            format!("o{}", cells[0]),
            (cells[1].to_owned(), cells[2].to_owned()),
        );
    }
    out
}

#[test]
fn every_catalog_item_names_its_source_with_the_title_the_catalog_ships() {
    let docs = documented();
    for entry in std::fs::read_dir(format!("{DIR}/src/site/catalogs")).unwrap() {
        let path = entry.unwrap().path();
        let catalog: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let year = catalog["year"].as_i64().unwrap() as i32;
        let default_confirmed = catalog["confirmed"].as_bool().unwrap_or(true);
        let rows = docs
            .get(&year)
            .unwrap_or_else(|| panic!("docs/sources.md has no \"## ITA {year}\" section"));
        let mut codes = Vec::new();
        for group in catalog["groups"].as_sequence().unwrap() {
            for item in group["items"].as_sequence().unwrap() {
                let code = item["code"].as_str().unwrap();
                let title = item["title"].as_str().unwrap();
                codes.push(code.to_owned());
                let (doc_title, status) = rows
                    .get(code)
                    .unwrap_or_else(|| panic!("ITA {year} {code} has no row in docs/sources.md"));
                assert_eq!(doc_title, title, "ITA {year} {code}");
                let confirmed = item["confirmed"].as_bool().unwrap_or(default_confirmed);
                assert_eq!(
                    confirmed,
                    status != "unverified",
                    "ITA {year} {code}: the catalog and docs/sources.md disagree on whether it is verified ({status})"
                );
            }
        }
        let documented: Vec<&String> = rows.keys().collect();
        assert_eq!(
            documented.len(),
            codes.len(),
            "ITA {year}: docs/sources.md lists {documented:?}"
        );
    }
}
